"""The indicator glossary as a reader meets it: its page, the links both ways, the data files."""

import csv
import io
import json
import textwrap

import pytest

from generator.extract.indicators import extract_indicators
from generator.model import Plan, PlanInfo
from generator.read.editorial import indicator_curation
from generator.render.export import export_data

from .conftest import parse, render_markdown, rendered
from .html_reading import read_html, text_by_id

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def site(built_seed):
    return built_seed[0]


@pytest.fixture(scope="module")
def glossary_html(site) -> str:
    return (site / "nmg-2026-plan" / "indicators" / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def records(site) -> list[dict]:
    return json.loads((site / "nmg-2026-plan" / "data" / "indicators.json").read_text(encoding="utf-8"))["indicators"]


def _rows(html: str) -> list[list[tuple[str, dict]]]:
    """The tags of each table row of a page."""
    rows, current = [], None
    for tag, attributes in read_html(html).tags:
        if tag == "tr":
            current = []
            rows.append(current)
        elif current is not None:
            current.append((tag, attributes))
    return rows


# --- The page -------------------------------------------------------------------------------------


def test_headline_targets_come_first_as_a_table(glossary_html):
    texts = text_by_id(glossary_html)
    headings = [tag_id for tag, attrs in read_html(glossary_html).tags if tag in ("h2", "h3") for tag_id in [attrs.get("id")]]
    assert headings[:3] == ["headline", "definitions", "by-chapter"]
    assert headings[3] == "chapter-2"
    first_rows = [row for row in _rows(glossary_html) if any(attrs.get("class") == "ind-entry" for _, attrs in row)][:5]
    assert [next(attrs["id"] for _, attrs in row if attrs.get("class") == "ind-entry") for row in first_rows] == [
        "0-0-2-t1", "0-0-3-t1", "0-0-3-t2", "0-0-4-t1", "0-0-6-t1",
    ]  # fmt: skip
    assert texts["0-0-3-t2"] == "城镇新增就业"


def test_every_target_has_its_own_anchor(glossary_html, records):
    texts = text_by_id(glossary_html)
    assert all(texts[record["id"]] == record["name"] for record in records)
    assert len({record["id"] for record in records}) == len(records) == 50


def test_targets_are_written_the_chinese_way(glossary_html):
    cells = glossary_html.split('id="0-0-3-t2"')[1].split("</tr>")[0]
    assert "≥18万人" in cells
    assert "&gt;840亿斤" in glossary_html.split('id="0-0-6-t1"')[1].split("</tr>")[0]


def test_main_indicators_carry_a_definition_and_english_name(glossary_html):
    texts = text_by_id(glossary_html)
    assert "Gross regional product (GRP)" in glossary_html.split('id="0-0-2-t1"')[1].split("</tr>")[0]
    definitions = glossary_html.split('id="definitions"')[1].split('id="by-chapter"')[0]
    for name in ["地区生产总值", "城镇调查失业率", "城镇新增就业", "居民消费价格涨幅", "居民收入", "粮食产量"]:
        assert name in definitions
    assert "Household income" in definitions
    assert texts["definitions"].startswith("指标解释")


def test_qualitative_main_targets_are_listed_with_their_clauses(glossary_html):
    assert "居民收入增长与经济增长同步" in glossary_html
    assert 'href="../#0-0-5"' in glossary_html


def test_each_entry_links_back_to_the_clause_that_states_it(site, glossary_html, records):
    by_id = {record["id"]: record for record in records}
    pages = {}
    for row in _rows(glossary_html):
        entry = next((attrs["id"] for _, attrs in row if attrs.get("class") == "ind-entry"), None)
        if entry is None:
            continue
        href = next(attrs["href"] for tag, attrs in row if tag == "a" and "#" in attrs.get("href", ""))
        page, fragment = href.split("#")
        assert fragment == by_id[entry]["clause"]
        path = (site / "nmg-2026-plan" / "indicators" / page / "index.html").resolve()
        pages.setdefault(path, text_by_id(path.read_text(encoding="utf-8")))
        assert by_id[entry]["text"] in pages[path][fragment]


def test_each_target_in_the_text_links_to_its_entry_and_has_a_card(site, records):
    pages = {}
    for record in records:
        page = record["clause_url"].split("#")[0]
        if page not in pages:
            html = (site / page / "index.html").read_text(encoding="utf-8")
            cards = json.loads(html.split('id="ps-cards">', 1)[1].split("</script>", 1)[0])["ind"]
            pages[page] = ([attrs for tag, attrs in read_html(html).tags if tag == "a" and attrs.get("class") == "ind"], cards)
        links, cards = pages[page]
        link = next(attrs for attrs in links if attrs["href"].endswith("#" + record["id"]))
        assert link["href"] == ("indicators/#" if page == "nmg-2026-plan/" else "../indicators/#") + record["id"]
        assert cards[record["id"]]["n"] == record["name"] and cards[record["id"]]["u"] == record["unit"]


def test_the_plan_home_and_the_navigation_lead_to_the_glossary(site):
    html = (site / "nmg-2026-plan" / "index.html").read_text(encoding="utf-8")
    links = [attrs for tag, attrs in read_html(html).tags if tag == "a" and attrs.get("href") == "indicators/"]
    assert len(links) >= 2  # in the navigation and in the page
    assert "全部50项量化目标一览" in html


def test_the_glossary_links_its_data_files(glossary_html):
    hrefs = [attrs.get("href") for tag, attrs in read_html(glossary_html).tags if tag == "a"]
    assert "../data/indicators.csv" in hrefs and "../data/indicators.json" in hrefs


HOSTILE_NAMES = ["<script>alert(1)</script>产量", "**粗体**产量", "表格|竖线|产量", "`反引号`产量", "[链接](javascript:x)产量"]


def test_hostile_names_definitions_and_english_names_render_literally():
    body = "".join(f"{name}{index + 1}万吨。" for index, name in enumerate(HOSTILE_NAMES))
    document = parse(f"2026年某某省国民经济和社会发展计划\n\n  一、第一部分\n\n  {body}\n")
    curation = indicator_curation(
        textwrap.dedent(
            """\
            definitions:
              "**粗体**产量":
                english: "<b>bold</b> | output"
                definition: "[x](javascript:alert(1)) {#id} *强调*"
            """
        )
    )
    found = extract_indicators(document, curation)
    assert [t.name for t in found] == HOSTILE_NAMES
    plan = Plan(PlanInfo("x-plan"), document, indicators=found, definitions=curation.definitions)
    page = next(file for file in rendered(plan).pages if file.path == "x-plan/indicators.md")
    html = render_markdown(page.text.split("---\n", 2)[2])
    texts = text_by_id(html)
    assert [texts[t.id] for t in found] == HOSTILE_NAMES
    tags = {tag for tag, _ in read_html(html).tags}
    assert not tags & {"script", "b", "em", "code"}
    assert "<b>bold</b> | output" in html.replace("&lt;", "<").replace("&gt;", ">").replace("&#124;", "|")
    links = [attrs["href"] for tag, attrs in read_html(html).tags if tag == "a"]
    assert not any(href.startswith("javascript") for href in links)
    assert all(len(row) for row in _rows(html))
    assert sum(1 for tag, _ in read_html(html).tags if tag == "td") == 3 * len(HOSTILE_NAMES)


def test_a_range_is_shown_with_its_two_ends_in_the_glossary_and_exported_with_its_key():
    document = parse("2026年某某省政府工作报告\n一、2026年工作安排\n主要预期目标是：地区生产总值增长5%—5.5%。\n")
    plan = Plan(PlanInfo("x-plan"), document, indicators=extract_indicators(document))
    page = next(file for file in rendered(plan).pages if file.path == "x-plan/indicators.md")
    assert "增长5%—5.5%" in render_markdown(page.text.split("---\n", 2)[2])
    [record] = json.loads(next(f for f in export_data(plan) if f.path.endswith("indicators.json")).text)["indicators"]
    assert (record["key"], record["comparator"], record["value"], record["low"], record["high"]) == ("gdp_growth", "range", "", "5", "5.5")


# --- The data files -------------------------------------------------------------------------------


def test_the_csv_starts_with_a_bom_and_opens_with_the_csv_module(site, records):
    raw = (site / "nmg-2026-plan" / "data" / "indicators.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(records)
    assert rows[2]["name"] == "城镇新增就业" and rows[2]["target"] == "≥18万人" and rows[2]["headline"] == "true"
    assert [row["id"] for row in rows] == [record["id"] for record in records]


def test_json_records_carry_the_fields_and_urls(records, site):
    record = next(r for r in records if r["id"] == "0-0-6-t1")
    assert record == {
        "id": "0-0-6-t1",
        "key": "grain_output",
        "name": "粮食产量",
        "value": "840",
        "low": "",
        "high": "",
        "unit": "亿斤",
        "comparator": "more_than",
        "kind": "level",
        "target": ">840亿斤",
        "headline": True,
        "clause": "0-0-6",
        "text": "粮食产量超过840亿斤",
        "start": 0,
        "end": 11,
        "url": "nmg-2026-plan/indicators/#0-0-6-t1",
        "clause_url": "nmg-2026-plan/#0-0-6",
        "english": "Grain output",
        "definition": record["definition"],
        # A five-year outline's fields: empty for an annual plan's target.
        "year": None,
        "period_start": None,
        "period_end": None,
        "base": "",
        "base_year": None,
        "accumulation": "",
        "attribute": "",
        "category": "",
    }
    assert record["definition"].startswith("全年谷物")


def test_each_record_text_is_the_span_of_its_clause(records, site):
    clauses = {c["id"]: c for c in json.loads((site / "nmg-2026-plan" / "data" / "plan.json").read_text("utf-8"))["clauses"]}
    for record in records:
        clause = clauses[record["clause"]]
        assert clause["text"][record["start"] : record["end"]] == record["text"]
        assert record["clause_url"] == clause["url"]


# --- In a browser ---------------------------------------------------------------------------------


@pytest.fixture
def phone_page(browser, served_seed):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served_seed + "nmg-2026-plan/indicators/")
    yield page
    context.close()


def test_the_glossary_does_not_scroll_sideways_on_a_phone(phone_page):
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    widest = phone_page.evaluate("Math.max(...[...document.querySelectorAll('article table')].map(t => t.getBoundingClientRect().right))")
    assert widest <= PHONE["width"]


def test_a_column_heading_sorts_its_table(phone_page):
    table = phone_page.locator("#chapter-9 ~ .md-typeset__scrollwrap table").first
    targets = lambda: table.locator("tbody td:nth-child(2)").all_inner_texts()  # noqa: E731
    assert targets() == ["约3600个", "≥1万亿元", "1500公里", "5000公里"]
    table.locator("th").nth(1).click()
    assert targets() == ["1500公里", "约3600个", "5000公里", "≥1万亿元"]
    assert table.locator("th").nth(1).get_attribute("aria-sort") == "ascending"
    table.locator("th").nth(1).press("Enter")
    assert targets() == ["≥1万亿元", "5000公里", "约3600个", "1500公里"]


def test_targets_are_grouped_under_their_own_chapter_even_when_numbers_repeat():
    document = parse(
        """\
        2026年某某省国民经济和社会发展计划

          一、农业

          粮食产量超过840亿斤。

          一、工业

          新建90家绿色工厂。
        """
    )
    plan = Plan(PlanInfo("x-plan"), document, indicators=extract_indicators(document))
    page = next(file for file in rendered(plan).pages if file.path == "x-plan/indicators.md")
    texts = text_by_id(render_markdown(page.text.split("---\n", 2)[2]))
    # (each heading ends with its permalink, ¶)
    assert texts["chapter-1"] == "一、农业¶" and texts["chapter-1b"] == "一、工业¶"
