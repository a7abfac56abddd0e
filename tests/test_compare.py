"""The comparison of targets: rows as targets.json/csv give them, honest cells, one unit per column,
the nation first, last year's results, charts and their downloads."""

import csv
import html
import io
import json
import re

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
    Result,
)

REGIONS = RegionTable(("全国", "甲省", "乙省", "丙省", "丁省"), ("quanguo", "jia", "yi", "bing", "ding"), ("全国", "甲", "乙", "丙", "丁"), "全国")
SITE = "https://plans.example.org/"
VOCABULARY = (("gdp_growth", "地区生产总值增长"), ("unemployment_rate", "城镇调查失业率"), ("new_urban_jobs", "城镇新增就业"), ("grain_output", "粮食产量"))


def _target(key: str, text: str, comparator: Comparator, value: str = "", low: str = "", high: str = "", unit: str = "%", clause: str = "1-0-1") -> Indicator:
    return Indicator(
        id=f"{clause}-t1", name=text[:6], value=value, unit=unit, comparator=comparator, kind=IndicatorKind.GROWTH,
        clause=clause, text=text, start=0, end=len(text), headline=True, key=key, low=low, high=high,
    )  # fmt: skip


def _document(slug: str, region: str, *targets: Indicator, elsewhere=(), results=(), year: int = 2026, sentences: dict | None = None) -> DocumentSummary:
    """A document whose clauses hold its targets' words (or the sentences given, by clause ID)."""
    texts = dict(sentences or {})
    for target in (*targets, *elsewhere):
        texts.setdefault(target.clause, target.text)
    for result in results:
        texts.setdefault(result.clause, result.text)
    texts = texts or {"1-0-1": "无"}
    clauses = tuple(
        ClauseRecord(clause_id, ClauseKind.SENTENCE, f"第{clause_id}句", text, f"{slug}/1/#{clause_id}") for clause_id, text in sorted(texts.items())
    )
    meta = DocumentMeta(region=region, year=year, kind=DocumentKind.WORK_REPORT, date=f"{year}-01-2{len(slug) % 10}")
    return DocumentSummary(slug, f"{year}年{region}政府工作报告", f"{slug}/", meta, clauses, targets, results, tuple(elsewhere))


LIBRARY = (
    _document("jia", "甲省", _target("gdp_growth", "地区生产总值增长5%左右", Comparator.ABOUT, "5")),
    _document("yi", "乙省", _target("gdp_growth", "地区生产总值增长5%—5.5%", Comparator.RANGE, low="5", high="5.5")),
    _document("bing", "丙省", _target("gdp_growth", "地区生产总值增长4.5%以上", Comparator.AT_LEAST, "4.5"),
              _target("unemployment_rate", "城镇调查失业率5.5%以内", Comparator.AT_MOST, "5.5", clause="1-0-2")),
    _document("ding", "丁省"),
)  # fmt: skip


def _rows(library=LIBRARY, site=""):
    return {(row.document, row.indicator): row for row in compare.target_rows(library, site)}


def _page(library=LIBRARY) -> str:
    rows = compare.target_rows(library, SITE)
    files = compare.compare_pages(library, rows, VOCABULARY, REGIONS, SITE)
    page = next(file for file in files if file.path.endswith(".md"))
    assert page.path == urls.compare_page(2026)
    return page.text


def _cell(page: str, slug: str, key: str) -> str:
    """The <td> of a document's target for an indicator."""
    start = page.index(f'aria-describedby="tip-{slug}-{key}"')
    return page[page.rindex("<td", 0, start) : page.index("</td>", start) + 5]


def _chart(page: str, key: str) -> str:
    start = page.index(f"{{#{key}}}")
    return page[page.index('<svg class="cmp-chart"', start) : page.index("</svg>", start) + 6]


# --- Rows -------------------------------------------------------------------------------------


def test_a_row_per_document_and_indicator_with_numbers_as_numbers():
    rows = compare.target_rows(LIBRARY)
    assert [(row.document, row.indicator) for row in rows] == [("bing", "gdp_growth"), ("bing", "unemployment_rate"), ("jia", "gdp_growth"), ("yi", "gdp_growth")]
    ranged = _rows()[("yi", "gdp_growth")]
    assert (ranged.comparator, ranged.value, ranged.low, ranged.high) == ("range", None, 5, 5.5)
    point = _rows()[("jia", "gdp_growth")]
    assert (point.comparator, point.value, point.low, point.high, point.unit) == ("about", 5, None, None, "%")
    assert point.url == "jia/1/#1-0-1" and point.clause == "1-0-1" and point.text == "地区生产总值增长5%左右"


def test_every_target_has_a_number_to_sort_by_a_range_its_low_end():
    rows = _rows()
    assert [rows[(slug, "gdp_growth")].sort_value for slug in ("jia", "yi", "bing")] == [5, 5, 4.5]


def test_comparators_are_given_in_chinese_beside_their_codes():
    rows = _rows()
    assert {(row.comparator, row.comparator_words) for row in rows.values()} == {("about", "左右"), ("range", "区间"), ("at_least", "以上"), ("at_most", "以内")}


def test_a_target_without_a_canonical_indicator_has_no_row():
    document = _document("x", "甲省", _target("", "新开工项目增长10%", Comparator.EXACT, "10"))
    assert compare.target_rows((document,)) == ()


def test_full_width_figures_are_read_as_numbers():
    document = _document("x", "甲省", _target("gdp_growth", "地区生产总值增长５.５％左右", Comparator.ABOUT, "５.５", unit="％"))
    [row] = compare.target_rows((document,))
    assert (row.value, row.unit, row.target) == (5.5, "%", "5.5%左右")


def test_cells_are_written_short():
    rows = {key[0] + key[1]: row.target for key, row in _rows().items()}
    assert rows == {"jiagdp_growth": "5%左右", "yigdp_growth": "5%—5.5%", "binggdp_growth": "≥4.5%", "bingunemployment_rate": "≤5.5%"}


def test_a_target_stated_outside_the_statement_is_a_row_that_says_so():
    jobs = _target("new_urban_jobs", "城镇新增就业不少于28万人", Comparator.AT_LEAST, "28", unit="万人", clause="3-8-3")
    document = _document("beijing", "甲省", _target("gdp_growth", "地区生产总值增长5%左右", Comparator.ABOUT, "5"), elsewhere=(jobs,))
    rows = _rows((document,))
    assert rows[("beijing", "gdp_growth")].source == "main_targets"
    elsewhere = rows[("beijing", "new_urban_jobs")]
    assert (elsewhere.source, elsewhere.source_words, elsewhere.clause, elsewhere.target) == ("elsewhere", "主要预期目标段落之外", "3-8-3", "≥28万人")


# --- One unit per column ------------------------------------------------------------------------


GRAIN = (
    _document("jia", "甲省", _target("grain_output", "粮食总产量稳定在1955万吨以上", Comparator.AT_LEAST, "1955", unit="万吨")),
    _document("yi", "乙省", _target("grain_output", "粮食产量1600亿斤以上", Comparator.AT_LEAST, "1600", unit="亿斤")),
    _document("bing", "丙省", _target("grain_output", "粮食产量615亿斤左右", Comparator.ABOUT, "615", unit="亿斤")),
    _document("ding", "丁省", _target("grain_output", "粮食产量稳定在100亿公斤", Comparator.EXACT, "100", unit="亿公斤")),
)


def test_a_target_in_another_unit_is_converted_into_the_columns_with_the_factor_said_and_its_words_kept():
    row = _rows(GRAIN)[("jia", "grain_output")]
    assert (row.value, row.unit, row.text) == (1955, "万吨", "粮食总产量稳定在1955万吨以上")
    assert (row.standard_value, row.standard_unit, row.conversion, row.target, row.sort_value) == (391, "亿斤", "1万吨=0.2亿斤", "≥391亿斤", 391)
    assert _rows(GRAIN)[("ding", "grain_output")].target == "200亿斤"


def test_a_unit_with_a_magnitude_before_a_listed_one_is_converted_too():
    national = _document("guo", "全国", _target("grain_output", "粮食产量1.4万亿斤左右", Comparator.ABOUT, "1.4", unit="万亿斤"))
    tons = _document("wu", "戊省", _target("grain_output", "粮食产量0.3亿吨", Comparator.EXACT, "0.3", unit="亿吨"))
    rows = _rows((national, tons))
    assert (rows[("guo", "grain_output")].target, rows[("guo", "grain_output")].conversion) == ("14000亿斤左右", "1万亿斤=10000亿斤")
    assert rows[("wu", "grain_output")].target == "600亿斤"


def test_a_target_in_the_columns_unit_is_not_converted():
    row = _rows(GRAIN)[("yi", "grain_output")]
    assert (row.standard_value, row.conversion, row.sort_value) == (1600, "", 1600)


def test_a_grain_column_sorts_by_its_converted_values():
    page = _page(GRAIN)
    sorts = {slug: re.search(r'data-sort="([^"]*)"', _cell(page, slug, "grain_output"))[1] for slug in ("jia", "yi", "bing", "ding")}
    assert sorts == {"jia": "391", "yi": "1600", "bing": "615", "ding": "200"}


def test_a_unit_that_does_not_convert_keeps_its_words_and_is_named_as_left_out_of_the_chart():
    odd = _document("wu", "甲省", _target("grain_output", "粮食播种面积稳定在1亿亩", Comparator.EXACT, "1", unit="亿亩"))
    row = _rows((*GRAIN[1:], odd))[("wu", "grain_output")]
    assert (row.target, row.standard_value, row.sort_value) == ("1亿亩", None, None)
    page = _page((*GRAIN[1:], odd))
    section = page[page.index("{#grain_output}") :]
    assert "图中绘出3份；未绘入：甲（单位“亿亩”无法换算）" in section
    assert "未绘入：甲（单位“亿亩”无法换算）" in _chart(page, "grain_output")


def test_the_chart_plots_every_document_it_counts_in_the_columns_unit():
    chart = _chart(_page(GRAIN), "grain_output")
    assert chart.count("<circle") == 4
    assert "≥391亿斤" in html.unescape(chart) and "1万吨=0.2亿斤、1亿公斤=2亿斤换算" in html.unescape(chart)
    assert chart.index(">乙</text>") < chart.index(">丙</text>") < chart.index(">甲</text>") < chart.index(">丁</text>")


# --- Exports ----------------------------------------------------------------------------------


def test_targets_json_names_its_page_fields_and_chinese_headers():
    files = {file.path: file.text for file in compare.targets_files(compare.target_rows(LIBRARY, SITE), (2026,))}
    data = json.loads(files["data/targets.json"])
    assert data["page"] == "compare/2026/" and data["fields"] == list(compare.ROW_FIELDS)
    assert len(data["rows"]) == 4 and list(data["rows"][0]) == list(compare.ROW_FIELDS)
    assert data["labels"]["region"] == "地区" and data["labels"]["url"] == "链接"


def test_targets_csv_opens_in_a_spreadsheet_with_absolute_links_and_a_chinese_twin():
    files = {file.path: file.text for file in compare.targets_files(compare.target_rows(LIBRARY, SITE), (2026,))}
    english, chinese = files["data/targets.csv"], files["data/targets-zh.csv"]
    assert english.startswith("\ufeffdocument,title,region,") and chinese.startswith("\ufeff文件代号,文件标题,地区,")
    rows = list(csv.DictReader(io.StringIO(english[1:])))
    assert rows[-1]["url"] == "https://plans.example.org/yi/1/#1-0-1"
    assert (rows[-1]["comparator"], rows[-1]["comparator_words"], rows[-1]["sort_value"], rows[-1]["value"]) == ("range", "区间", "5", "")
    chinese_rows = list(csv.DictReader(io.StringIO(chinese[1:])))
    assert chinese_rows[-1]["链接"] == rows[-1]["url"] and chinese_rows[-1]["比较方式"] == "区间" and chinese_rows[-1]["目标"] == "5%—5.5%"
    assert "\r\n" in english and len(chinese_rows) == len(rows)


# --- The table --------------------------------------------------------------------------------


def test_every_cell_links_to_its_clause_with_its_whole_sentence_for_hover_focus_and_tap():
    sentence = "总体要求是发展。主要预期目标是：地区生产总值增长5%—5.5%，城镇调查失业率5.5%左右。"
    library = (_document("yi", "乙省", _target("gdp_growth", "地区生产总值增长5%—5.5%", Comparator.RANGE, low="5", high="5.5"), sentences={"1-0-1": sentence}),)
    cell = _cell(_page(library), "yi", "gdp_growth")
    assert '<a href="../../yi/1/#1-0-1" aria-describedby="tip-yi-gdp_growth">5%—5.5%</a>' in cell
    tip = cell[cell.index('<span class="cmp-tip" role="tooltip" id="tip-yi-gdp_growth">') :]
    assert "总体要求是发展。主要预期目标是：<mark>地区生产总值增长5%—5.5%</mark>，城镇调查失业率5.5%左右。" in tip


def test_a_cell_stated_elsewhere_is_marked_and_says_where():
    jobs = _target("new_urban_jobs", "城镇新增就业不少于28万人", Comparator.AT_LEAST, "28", unit="万人", clause="3-8-3")
    page = _page((_document("jia", "甲省", _target("gdp_growth", "地区生产总值增长5%左右", Comparator.ABOUT, "5"), elsewhere=(jobs,)),))
    cell = _cell(page, "jia", "new_urban_jobs")
    assert "≥28万人" in cell and compare.ELSEWHERE_MARK in cell and "段落之外提出" in cell
    assert '<span class="cmp-note">第3-8-3句</span>' in cell and "此项目标不在主要预期目标段落中" in cell
    assert compare.ELSEWHERE_MARK not in _cell(page, "jia", "gdp_growth")


def test_a_converted_cell_is_marked_and_its_sentence_keeps_the_words_as_written():
    cell = _cell(_page(GRAIN), "jia", "grain_output")
    assert "≥391亿斤" in cell and compare.CONVERTED_MARK in cell
    assert "<mark>粮食总产量稳定在1955万吨以上</mark>" in cell and "按1万吨=0.2亿斤换算为≥391亿斤" in html.unescape(cell)


def test_a_dash_only_where_the_document_states_no_number_and_the_page_says_what_each_mark_means():
    page = _page()
    assert page.count('class="cmp-none"') == 4 * 2 - 4  # 丁省 states neither indicator, 甲省 and 乙省 no unemployment rate
    for meaning in ("主要预期目标”段落提出的目标", f"**{compare.ELSEWHERE_MARK}**：段落之外", f"**{compare.CONVERTED_MARK}**：原文用另一单位", "**—**：文件没有提出此项的数值目标"):
        assert meaning in page


def test_rows_follow_the_regions_order_with_short_names():
    page = _page()
    body = page[page.index("<tbody>") :]
    assert body.index(">甲<") < body.index(">乙<") < body.index(">丙<") < body.index(">丁<")
    assert 'title="甲省"' in body


def test_a_region_with_two_documents_names_their_kinds():
    plan = DocumentSummary("jia-plan", "2026年甲省计划", "jia-plan/", DocumentMeta(region="甲省", year=2026, kind=DocumentKind.PLAN), LIBRARY[0].clauses, LIBRARY[0].targets)
    body = _page((*LIBRARY, plan))
    assert ">甲·报告<" in body and ">甲·计划<" in body


def test_the_nations_row_comes_first_and_stays_first():
    nation = _document("guo", "全国", _target("gdp_growth", "国内生产总值增长5%左右", Comparator.ABOUT, "5"))
    page = _page((*LIBRARY, nation))
    body = page[page.index("<tbody>") :]
    assert body.index(">全国<") < body.index(">甲<")
    assert '<tr class="cmp-nation" data-pinned>' in body
    assert "全国的目标列在第一行" in page


def test_the_chart_draws_the_nations_target_as_a_reference_line_not_a_row():
    nation = _document("guo", "全国", _target("gdp_growth", "国内生产总值增长5%左右", Comparator.ABOUT, "5"))
    chart = _chart(_page((*LIBRARY, nation)), "gdp_growth")
    assert chart.count("<circle") == 2 and 'stroke-dasharray="5 4"' in chart  # 甲 and 丙 as dots, 乙 a bar
    assert "全国 5%左右</text>" in chart and "<title>全国：国内生产总值增长5%左右</title>" in chart


def test_each_target_shows_the_documents_result_of_last_year_linked_to_its_clause():
    result = Result("gdp_growth", "地区生产总值", "5.4", "%", 2025, "1-0-9", "地区生产总值增长5.4%", 0, 10)
    older = Result("gdp_growth", "地区生产总值", "5.1", "%", 2024, "1-0-8", "地区生产总值增长5.1%", 0, 10)
    document = _document("jia", "甲省", _target("gdp_growth", "地区生产总值增长5%左右", Comparator.ABOUT, "5"), results=(older, result))
    cell = _cell(_page((document,)), "jia", "gdp_growth")
    assert '<a class="cmp-res" href="../../jia/1/#1-0-9">2025年实际 5.4%</a>' in cell
    row = _rows((document,), SITE)[("jia", "gdp_growth")]
    assert (row.result_year, row.result_value, row.result_url) == (2025, 5.4, "https://plans.example.org/jia/1/#1-0-9")


def test_the_page_gives_its_address_and_the_date_of_its_newest_document():
    page = _page()
    assert "本页网址：https&#58;//plans.example.org/compare/2026/ · 数据截至2026年1月24日" in page


def test_document_text_is_escaped_in_the_table_and_chart():
    hostile = _document("x", "甲省", _target("gdp_growth", '增长<script>alert("x")</script>5%', Comparator.EXACT, "5"))
    page = _page((hostile, *LIBRARY[1:]))
    assert "<script>" not in page and "&lt;script&gt;" in page


# --- Charts -----------------------------------------------------------------------------------


def test_the_chart_names_regions_draws_ranges_as_bars_and_marks_open_ends():
    chart = _chart(_page(), "gdp_growth")
    assert 'role="img"' in chart and "<title>2026年各地地区生产总值增长目标</title>" in chart
    assert chart.index(">乙</text>") < chart.index(">甲</text>") < chart.index(">丙</text>")  # sorted, highest first
    assert chart.count("stroke-linecap") == 1 and chart.count("<circle") == 2
    assert chart.count("<path") == 1  # 以上: the way the target leaves open


def test_the_chart_carries_its_title_source_date_and_address_in_legible_type():
    chart = _chart(_page(), "gdp_growth")
    assert '<text x="0" y="23" font-size="19" font-weight="700" fill="#1f1f1f">2026年各地地区生产总值增长目标</text>' in chart
    assert "来源：2026年各地政府工作报告" in chart and "2026年1月24日 · https://plans.example.org/compare/2026/#gdp_growth" in html.unescape(chart)
    assert min(int(size) for size in re.findall(r'font-size="(\d+)"', chart)) >= 14
    assert 'xmlns="http://www.w3.org/2000/svg"' in chart and 'viewBox="-12 -12 664 ' in chart


def test_each_chart_is_a_file_to_download_beside_the_page():
    rows = compare.target_rows(LIBRARY, SITE)
    files = {file.path: file.text for file in compare.compare_pages(LIBRARY, rows, VOCABULARY, REGIONS, SITE)}
    page = files["compare/2026.md"]
    assert files["compare/2026/gdp_growth.svg"].strip() == _chart(page, "gdp_growth")
    assert '[SVG](2026/gdp_growth.svg){download="2026年各地地区生产总值增长目标.svg"}' in page
    assert "compare/2026/unemployment_rate.svg" not in files  # one document states it: no chart


def test_every_indicator_has_its_anchor_and_a_chart_only_where_enough_documents_state_it():
    page = _page()
    unemployment = page[page.index("{#unemployment_rate}") :]
    assert "{#gdp_growth}" in page and "1份文件提出了此项目标" in unemployment
    assert '<svg class="cmp-chart"' not in unemployment and "可作图的文件不足3份，不作图。" in unemployment


def test_each_charted_row_names_its_region_in_full():
    chart = _chart(_page(), "gdp_growth")
    for region in ("甲省", "乙省", "丙省"):
        assert f"<title>{region}：" in chart


def test_where_the_build_draws_pictures_each_chart_offers_a_png_too():
    rows = compare.target_rows(LIBRARY, SITE)
    page = next(file.text for file in compare.compare_pages(LIBRARY, rows, VOCABULARY, REGIONS, SITE, pictures=True) if file.path.endswith(".md"))
    assert '· [PNG](2026/gdp_growth.png){download="2026年各地地区生产总值增长目标.png"}' in page
    assert "[PNG]" not in _page()


def test_the_legend_names_last_years_results_only_where_the_table_shows_some():
    result = Result("gdp_growth", "地区生产总值", "5.4", "%", 2025, "1-0-9", "地区生产总值增长5.4%", 0, 10)
    document = _document("jia", "甲省", _target("gdp_growth", "地区生产总值增长5%左右", Comparator.ABOUT, "5"), results=(result,))
    assert "**2025年实际**" in _page((document,)) and "**2025年实际**" not in _page()


def test_a_five_year_outline_is_not_a_row_of_the_years_comparison():
    import dataclasses

    outline = _document("gang", "全国", elsewhere=(_target("unemployment_rate", "城镇调查失业率低于5.5%", Comparator.AT_MOST, "5.5"),))
    outline = dataclasses.replace(outline, meta=dataclasses.replace(outline.meta, kind=DocumentKind.FIVE_YEAR_PLAN))
    assert not any(document == "gang" for document, _ in _rows((*LIBRARY, outline)))
    assert '"gang/' not in _page((*LIBRARY, outline)) and "gang/1/" not in _page((*LIBRARY, outline))
