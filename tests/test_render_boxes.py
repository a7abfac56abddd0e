"""专栏 boxes on the page and in the data (render/boxes.py, _box.md.j2, render/export.py)."""

import functools
import json
from pathlib import Path

from generator.model import iter_clauses
from generator.render.export import export_data
from generator.sources import load_plan

from .conftest import render_markdown, rendered
from .html_reading import read_html, text_by_id

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "outlines"


@functools.cache
def _plan(name: str):
    return load_plan(FIXTURES / name)


@functools.cache
def _page_html(name: str, page: str) -> str:
    """A page of a fixture outline as mkdocs would render its Markdown (front matter left out)."""
    files = {file.path: file.text for file in rendered(_plan(name)).pages}
    return render_markdown(files[page].split("---\n", 2)[2])


def _data(name: str, file: str) -> dict:
    plan = _plan(name)
    return json.loads(next(output.text for output in export_data(plan) if output.path.endswith(file)))


def test_a_box_stands_after_the_clause_it_follows_framed_with_its_title_and_items():
    html = _page_html("national-web.txt", "national-web/3.md")
    texts = text_by_id(html)
    assert texts["b2"].endswith("专栏2\u3000科技创新和未来产业重大工程")
    assert texts["b2-1"].endswith("01\u3000新一代人工智能")
    assert html.index('id="3-1-1"') < html.index('class="ps-box"') < html.index('id="3-2"')
    sections = [attributes for tag, attributes in read_html(html).tags if tag == "section"]
    assert sections == [{"class": "ps-box", "aria-labelledby": "b2"}]
    # Each clause of the box carries its place, for the link menu's citations.
    places = {attributes["id"]: attributes.get("data-cite") for tag, attributes in read_html(html).tags if attributes.get("id", "").startswith("b2")}
    assert places["b2-1"] == "专栏2第1项" and places["b2-1-1"] == "专栏2第1项第1句"


def test_the_main_indicators_table_is_a_real_table_whose_rows_link_and_are_linked():
    html = _page_html("national-web.txt", "national-web/2.md")
    tags = read_html(html).tags
    groups = [attributes for tag, attributes in tags if tag == "th" and attributes.get("scope") == "rowgroup"]
    assert [group["rowspan"] for group in groups] == ["3", "2", "2", "2", "2"]
    rows = [attributes for tag, attributes in tags if tag == "th" and attributes.get("scope") == "row"]
    assert [row["id"] for row in rows] == [f"b1-{number}" for number in range(1, 12)]
    assert rows[2]["data-cite"] == "专栏1第3行"
    texts = text_by_id(html)
    assert texts["b1-3"].endswith("3.常住人口城镇化率（%）")
    links = [attributes["href"] for tag, attributes in tags if tag == "a" and attributes.get("class") == "ind"]
    assert "../indicators/#b1-3-t1" in links
    scroller = next(attributes for tag, attributes in tags if attributes.get("class") == "ps-table-scroll")
    assert scroller["tabindex"] == "0" and scroller["role"] == "region"


def test_a_markdown_copys_boxes_render_as_boxes():
    html = _page_html("jiangsu-markdown.txt", "jiangsu-markdown/3.md")
    texts = text_by_id(html)
    assert texts["b2-1"].endswith("1.紫金山实验室：建设网络通信与安全领域的国家实验室。")
    assert texts["b3"].endswith("专栏3未来产业培育工程")


def test_plan_json_carries_the_boxes_and_their_clauses():
    data = _data("national-web.txt", "plan.json")
    boxes = {box["id"]: box for box in data["boxes"]}
    assert boxes["b2"]["after"] == "3-1-1" and boxes["b2"]["url"] == "national-web/3/#b2"
    assert boxes["b2"]["items"][0]["clauses"] == ["b2-1", "b2-1-1"]
    table = boxes["b1"]["table"]
    assert table["columns"] == ["category", "indicator", "base", "target", "span", "attribute"]
    assert (table["base_year"], table["target_year"]) == (2025, 2030)
    assert table["rows"][2] == {
        "id": "b1-3",
        "url": "national-web/2/#b1-3",
        "category": "经济发展",
        "cells": ["", "3.常住人口城镇化率（%）", "67.5", "71", "—", "预期性"],
    }
    kinds = {clause["id"]: clause["kind"] for clause in data["clauses"]}
    assert (kinds["b1"], kinds["b1-0"], kinds["b1-3"], kinds["b1-n1"], kinds["b2-1"]) == (
        "box_title", "table_head", "table_row", "box_note", "box_item"
    )  # fmt: skip
    # Every clause of the text and the boxes, in document order, its text exactly the source's.
    source = (FIXTURES / "national-web.txt").read_text(encoding="utf-8")
    row = next(clause for clause in data["clauses"] if clause["id"] == "b1-3")
    assert source[row["source"]["start"] : row["source"]["end"]] == row["text"]
    assert row["citation"].endswith("专栏1第3行")
    assert [clause["id"] for clause in data["clauses"]] == [clause.id for clause in iter_clauses(_plan("national-web.txt").document)]


def test_indicators_json_gives_a_rows_base_period_and_attribute():
    data = _data("national-web.txt", "indicators.json")
    record = next(record for record in data["indicators"] if record["id"] == "b1-8-t1")
    assert {key: record[key] for key in ("year", "period_start", "period_end", "base", "base_year", "accumulation", "attribute", "category")} == {
        "year": 2030, "period_start": 2026, "period_end": 2030, "base": "", "base_year": None,
        "accumulation": "cumulative", "attribute": "binding", "category": "绿色生态",
    }  # fmt: skip
    assert record["clause_url"] == "national-web/2/#b1-8"
    assert set(data["fields"]) == set(record)


def test_an_outlines_glossary_links_the_outlines_comparison():
    files = {file.path: file.text for file in rendered(_plan("national-web.txt")).pages}
    assert "[“十五五”时期主要指标对照](../../compare/2026-2030/)" in files["national-web/indicators.md"]
