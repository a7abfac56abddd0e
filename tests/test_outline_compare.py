"""The outlines' comparison (library/outline_compare.py): 十五五主要指标对照, a row per outline, a
column per indicator, each cell linked to its table row or sentence; period-targets.json/csv."""

import functools
import json
from pathlib import Path

from generator import data
from generator.library import outline_compare
from generator.library.catalogue import RegionTable
from generator.library.summary import document_summary
from generator.sources import load_plan

from .conftest import render_markdown
from .html_reading import read_html

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "outlines"
REGIONS = RegionTable(tuple(region.name for region in data.regions()), tuple(region.slug for region in data.regions()))


@functools.cache
def _summaries():
    # The provincial outline first: the page puts the nation's first whatever the order given.
    return tuple(document_summary(load_plan(FIXTURES / name)) for name in ("jiangsu-markdown.txt", "national-web.txt"))


def _page() -> tuple[str, str]:
    summaries = _summaries()
    [page] = outline_compare.period_pages(summaries, outline_compare.period_rows(summaries), REGIONS)
    return page.path, page.text


def test_a_period_has_a_page_of_its_own_with_a_readable_permanent_address():
    path, text = _page()
    assert path == "compare/2026-2030.md"
    assert "# “十五五”时期主要指标对照" in text


def test_a_row_per_outline_the_nations_first_and_a_column_per_indicator():
    _, text = _page()
    tags = read_html(render_markdown(text.split("---\n", 2)[2])).tags
    row_heads = [attributes["data-sort"] for tag, attributes in tags if tag == "th" and attributes.get("scope") == "row"]
    assert row_heads == ["全国", "江苏省"]
    columns = [attributes.get("id") for tag, attributes in tags if tag == "th" and attributes.get("scope") == "col"]
    # A canonical indicator is one column, anchored by its key, whatever each outline calls it.
    assert columns.count("unemployment_rate") == 1
    rows = outline_compare.period_rows(_summaries())
    assert {row.document for row in rows if row.indicator == "unemployment_rate"} == {"national-web", "jiangsu-markdown"}
    assert len(columns) == 1 + len({row.indicator for row in rows})
    # The nation's indicators in its table's order come first.
    national = [row.indicator for row in rows if row.document == "national-web"]
    assert [column or "" for column in columns[1 : 1 + len(national)]] == [key if key.isascii() else "" for key in national]


def test_each_cell_links_to_its_row_and_says_how_the_target_counts():
    _, text = _page()
    html = render_markdown(text.split("---\n", 2)[2])
    links = {attributes["href"] for tag, attributes in read_html(html).tags if tag == "a"}
    assert "../../national-web/2/#b1-8" in links and "../../jiangsu-markdown/2/#b1-1" in links
    rows = {(row.document, row.indicator): row for row in outline_compare.period_rows(_summaries())}
    assert rows[("national-web", "unemployment_rate")].target == "年均≤5.5%"
    carbon = next(row for (slug, _), row in rows.items() if slug == "national-web" and row.clause == "b1-8")
    assert (carbon.target, carbon.accumulation, carbon.attribute) == ("累计17%", "cumulative", "binding")
    assert "累计17%</a><small>约束性</small>" in text
    assert "71%</a><small>2025年67.5 · 预期性</small>" in text


def test_period_targets_json_and_csv_hold_a_row_per_outline_and_indicator():
    rows = outline_compare.period_rows(_summaries())
    json_file, csv_file = outline_compare.period_files(rows)
    payload = json.loads(json_file.text)
    assert payload["pages"] == {"2026-2030": "compare/2026-2030/"}
    assert len(payload["rows"]) == 11 + 5
    gdp = next(row for row in payload["rows"] if row["document"] == "jiangsu-markdown" and row["indicator"] == "gdp_growth")
    assert (gdp["value"], gdp["comparator"], gdp["base"], gdp["base_year"], gdp["url"]) == ("5", "about", "5.5", 2025, "jiangsu-markdown/2/#b1-1")
    assert csv_file.text.startswith("\ufeff" + ",".join(outline_compare.FIELDS))


def test_an_outline_without_a_table_compares_its_main_target_chapters_targets(tmp_path):
    path = tmp_path / "outline.txt"
    path.write_text(
        "浙江省国民经济和社会发展第十五个五年规划纲要\n第一章　主要目标\n全社会研发经费投入年均增长8%以上，城镇调查失业率低于5%。\n"
        "第二章　重点任务\n建成高标准农田100万亩。\n",
        encoding="utf-8",
    )
    rows = outline_compare.period_rows((document_summary(load_plan(path)),))
    assert [(row.name, row.target, row.url) for row in rows] == [
        ("全社会研发经费投入", "年均增长≥8%", "outline/1/#1-0-1"),
        ("城镇调查失业率", "≤5%", "outline/1/#1-0-1"),
    ]
