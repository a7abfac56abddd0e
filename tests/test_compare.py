"""The comparison of main targets: rows as targets.json gives them, cells, charts, downloads."""

import json

from generator import urls
from generator.library import compare
from generator.library.catalogue import RegionTable
from generator.model import (
    ClauseKind,
    ClauseRecord,
    Comparator,
    DocumentKind,
    DocumentMeta,
    DocumentSummary,
    Indicator,
    IndicatorKind,
)

REGIONS = RegionTable(("甲省", "乙省", "丙省", "丁省"), ("jia", "yi", "bing", "ding"), ("甲", "乙", "丙", "丁"))


def _target(key: str, text: str, comparator: Comparator, value: str = "", low: str = "", high: str = "", unit: str = "%") -> Indicator:
    return Indicator(
        id="1-0-1-t1", name=text[:6], value=value, unit=unit, comparator=comparator, kind=IndicatorKind.GROWTH,
        clause="1-0-1", text=text, start=0, end=len(text), headline=True, key=key, low=low, high=high,
    )  # fmt: skip


def _document(slug: str, region: str, *targets: Indicator, year: int = 2026) -> DocumentSummary:
    clause = ClauseRecord("1-0-1", ClauseKind.SENTENCE, "第一部分第1句", "".join(t.text for t in targets) or "无", f"{slug}/1/#1-0-1")
    meta = DocumentMeta(region=region, year=year, kind=DocumentKind.WORK_REPORT, date=f"{year}-01-20")
    return DocumentSummary(slug, f"{year}年{region}政府工作报告", f"{slug}/", meta, (clause,), targets)


LIBRARY = (
    _document("jia", "甲省", _target("gdp_growth", "地区生产总值增长5%左右", Comparator.ABOUT, "5")),
    _document("yi", "乙省", _target("gdp_growth", "地区生产总值增长5%—5.5%", Comparator.RANGE, low="5", high="5.5")),
    _document("bing", "丙省", _target("gdp_growth", "地区生产总值增长4.5%以上", Comparator.AT_LEAST, "4.5"),
              _target("unemployment_rate", "城镇调查失业率5.5%以内", Comparator.AT_MOST, "5.5")),
    _document("ding", "丁省"),
)  # fmt: skip


def test_a_row_per_document_and_indicator_with_numbers_as_numbers():
    rows = compare.target_rows(LIBRARY)
    assert [(row.document, row.indicator) for row in rows] == [("bing", "gdp_growth"), ("bing", "unemployment_rate"), ("jia", "gdp_growth"), ("yi", "gdp_growth")]
    ranged = next(row for row in rows if row.document == "yi")
    assert (ranged.comparator, ranged.value, ranged.low, ranged.high) == ("range", None, 5, 5.5)
    point = next(row for row in rows if row.document == "jia")
    assert (point.comparator, point.value, point.low, point.high, point.unit) == ("about", 5, None, None, "%")
    assert point.url == "jia/1/#1-0-1" and point.clause == "1-0-1" and point.text == "地区生产总值增长5%左右"


def test_a_target_without_a_canonical_indicator_has_no_row():
    document = _document("x", "甲省", _target("", "新开工项目增长10%", Comparator.EXACT, "10"))
    assert compare.target_rows((document,)) == ()


def test_full_width_figures_are_read_as_numbers():
    document = _document("x", "甲省", _target("gdp_growth", "地区生产总值增长５.５％左右", Comparator.ABOUT, "５.５", unit="％"))
    [row] = compare.target_rows((document,))
    assert (row.value, row.unit) == (5.5, "%")


def test_cells_are_written_short():
    rows = {row.document + row.indicator: compare.short_form(row) for row in compare.target_rows(LIBRARY)}
    assert rows == {"jiagdp_growth": "5%左右", "yigdp_growth": "5%—5.5%", "binggdp_growth": "≥4.5%", "bingunemployment_rate": "≤5.5%"}


def test_targets_json_names_its_page_and_csv_opens_in_a_spreadsheet():
    rows = compare.target_rows(LIBRARY)
    files = {file.path: file.text for file in compare.targets_files(rows, (2026,))}
    data = json.loads(files["data/targets.json"])
    assert data["page"] == "compare/2026/"
    assert len(data["rows"]) == 4 and set(data["rows"][0]) == set(compare.ROW_FIELDS)
    csv_text = files["data/targets.csv"]
    assert csv_text.startswith("\ufeffdocument,region,kind,year,indicator")
    assert "\r\nyi,乙省,work_report,2026,gdp_growth,地区生产总值,地区生产总值增长5%—5.5%,range,,5,5.5,%,1-0-1,yi/1/#1-0-1\r\n" in csv_text


def _page(library=LIBRARY) -> str:
    rows = compare.target_rows(library)
    [page] = compare.compare_pages(library, rows, (("gdp_growth", "地区生产总值增长"), ("unemployment_rate", "城镇调查失业率")), REGIONS)
    assert page.path == urls.compare_page(2026)
    return page.text


def test_every_cell_links_to_its_clause_with_the_sentence_for_hover_and_focus():
    page = _page()
    assert '<a href="../../yi/1/#1-0-1" aria-describedby="tip-yi-gdp_growth">5%—5.5%</a>' in page
    assert '<span class="cmp-tip" role="tooltip" id="tip-yi-gdp_growth">地区生产总值增长5%—5.5%</span>' in page
    assert page.count('class="cmp-none"') == 4  # 丁省 states neither indicator, 甲省 and 乙省 no unemployment rate


def test_rows_follow_the_regions_order_and_cells_sort_by_their_number():
    page = _page()
    assert page.index(">甲省<") < page.index(">乙省<") < page.index(">丙省<") < page.index(">丁省<")
    assert 'data-sort="5.25"' in page and 'data-sort="4.5"' in page


def test_the_chart_names_regions_draws_ranges_as_bars_and_marks_open_ends():
    page = _page()
    chart = page[page.index('<svg class="cmp-chart"') : page.index("</svg>") + 6]
    assert 'role="img"' in chart and "<title>2026年地区生产总值增长目标</title>" in chart
    assert [label for label in ("乙", "甲", "丙") if f">{label}</text>" in chart] == ["乙", "甲", "丙"]
    assert chart.index(">乙</text>") < chart.index(">甲</text>") < chart.index(">丙</text>")  # sorted, highest first
    assert chart.count('class="range"') == 1 and chart.count('class="point"') == 2
    assert chart.count('class="open"') == 1  # 以上: the way the target leaves open


def test_every_indicator_has_its_anchor_and_a_chart_only_where_enough_documents_state_it():
    page = _page()
    unemployment = page[page.index("{#unemployment_rate}") :]
    assert "{#gdp_growth}" in page and "1份文件提出了此项目标" in unemployment
    assert '<svg class="cmp-chart"' not in unemployment


def test_document_text_is_escaped_in_the_table_and_chart():
    hostile = _document("x", "甲省", _target("gdp_growth", '增长<script>alert("x")</script>5%', Comparator.EXACT, "5"))
    page = _page((hostile, *LIBRARY[1:]))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_each_charted_row_names_its_region_in_full():
    page = _page()
    chart = page[page.index('<svg class="cmp-chart"') : page.index("</svg>")]
    for region in ("甲省", "乙省", "丙省"):
        assert f"<title>{region}：" in chart
