"""Last year's results in the library: data/results.json and the CSVs, the build's cache record, and a
region's page with each year's targets beside its results."""

import csv
import io
import json
import re

from generator.library import results
from generator.library.catalogue import RegionTable, catalogue
from generator.library.pages import library_pages
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
from generator.publish import cache
from generator.publish.documents import DocumentResult, DocumentStats

REGIONS = RegionTable(("甲省", "乙省"), ("jia", "yi"), ("甲", "乙"))
SITE = "https://plans.example.org/"
CONTRACT = ("document", "region", "kind", "year", "indicator", "name", "text", "value", "unit", "clause", "url")


def _result(key: str, text: str, value: str, comparator: Comparator = Comparator.EXACT, year: int = 2025, clause: str = "1-0-2") -> Result:
    return Result(key, text[:7], value, "%", year, clause, text, 0, len(text), comparator)


def _target(key: str, text: str, value: str) -> Indicator:
    return Indicator(
        id="3-0-1-t1", name=text[:6], value=value, unit="%", comparator=Comparator.ABOUT, kind=IndicatorKind.GROWTH,
        clause="3-0-1", text=text, start=0, end=len(text), headline=True, key=key,
    )  # fmt: skip


def _document(slug: str, year: int, targets=(), found=(), region: str = "甲省") -> DocumentSummary:
    clauses = (
        ClauseRecord("1-0-2", ClauseKind.SENTENCE, "第一部分第2句", "".join(r.text for r in found) or "回顾。", f"{slug}/1/#1-0-2"),
        ClauseRecord("3-0-1", ClauseKind.SENTENCE, "第三部分第1句", "".join(t.text for t in targets) or "目标。", f"{slug}/3/#3-0-1"),
    )
    meta = DocumentMeta(region=region, year=year, kind=DocumentKind.WORK_REPORT, date=f"{year}-01-20")
    return DocumentSummary(slug, f"{year}年{region}政府工作报告", f"{slug}/", meta, clauses, tuple(targets), tuple(found))


THIS_YEAR = _document(
    "jia-2026", 2026,
    targets=(_target("gdp_growth", "地区生产总值增长5%左右", "5"),),
    found=(_result("gdp_growth", "地区生产总值增长5.5%", "5.5"), _result("unemployment_rate", "城镇调查失业率控制在5%以内", "5", Comparator.AT_MOST),
           _result("cpi_growth", "CPI微降0.1%", "-0.1")),
)  # fmt: skip
LAST_YEAR = _document("jia-2025", 2025, targets=(_target("gdp_growth", "地区生产总值增长5.5%左右", "5.5"),))


def _files() -> dict[str, str]:
    return {file.path: file.text for file in results.results_files((THIS_YEAR, LAST_YEAR), SITE)}


def test_results_json_gives_a_row_per_result_with_the_contracts_fields_and_numbers_as_numbers():
    data = json.loads(_files()["data/results.json"])
    assert tuple(data["fields"]) == CONTRACT and all(tuple(row) == CONTRACT for row in data["rows"])
    assert data["labels"]["region"] == "地区" and data["labels"]["url"] == "链接"
    assert [(row["indicator"], row["year"], row["value"]) for row in data["rows"]] == [
        ("gdp_growth", 2025, 5.5), ("unemployment_rate", 2025, 5), ("cpi_growth", 2025, -0.1),
    ]  # fmt: skip
    first = data["rows"][0]
    assert (first["document"], first["region"], first["kind"], first["text"], first["clause"]) == (
        "jia-2026", "甲省", "work_report", "地区生产总值增长5.5%", "1-0-2",
    )  # fmt: skip


def test_each_rows_url_is_its_clause_on_the_published_site():
    data = json.loads(_files()["data/results.json"])
    assert {row["url"] for row in data["rows"]} == {"https://plans.example.org/jia-2026/1/#1-0-2"}


def test_results_csv_holds_the_same_rows_for_a_spreadsheet():
    text = _files()["data/results.csv"]
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert list(rows[0])[: len(CONTRACT)] == list(CONTRACT)
    assert [(row["document"], row["indicator"], row["value"], row["url"]) for row in rows] == [
        (row["document"], row["indicator"], str(row["value"]), row["url"]) for row in json.loads(_files()["data/results.json"])["rows"]
    ]


def test_the_chinese_twin_names_its_columns_and_codes_in_chinese():
    text = _files()["data/results-zh.csv"]
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert (rows[1]["地区"], rows[1]["年份"], rows[1]["指标"], rows[1]["实际"], rows[1]["文件类型"], rows[1]["链接"]) == (
        "甲省", "2025", "城镇调查失业率", "≤5%", "政府工作报告", "https://plans.example.org/jia-2026/1/#1-0-2",
    )  # fmt: skip


def test_a_cache_record_keeps_the_documents_results(tmp_path):
    record = DocumentResult("jia.txt", "k" * 32, THIS_YEAR, DocumentStats(3, 0, 2, 0), (), (), (("jia-2026/index.html", 10, "d"),), (), (), None, b"")
    cache.write_record(tmp_path, record)
    assert cache.read_record(tmp_path, "k" * 32, DocumentResult).summary.results == THIS_YEAR.results


def _region_page(*documents: DocumentSummary) -> str:
    pages = {file.path: file.text for file in library_pages(catalogue(documents, REGIONS))}
    return pages["region/jia.md"]


def _table_row(page: str, year: int, label: str) -> str:
    section = page[page.index(f"### {year}年") :]
    return next(line for line in section.splitlines() if line.startswith(f"| {label} |"))


def test_a_regions_page_sets_last_years_target_beside_its_result():
    row = _table_row(_region_page(THIS_YEAR, LAST_YEAR), 2025, "地区生产总值增长")
    assert row == "| 地区生产总值增长 | [5.5%左右](../../jia-2025/3/#3-0-1) | [5.5%](../../jia-2026/1/#1-0-2) |"


def test_a_regions_page_shows_results_without_their_years_document_and_says_so():
    page = _region_page(THIS_YEAR)
    assert "本库未收录提出2025年目标的文件" in page
    assert _table_row(page, 2025, "城镇调查失业率") == "| 城镇调查失业率 | — | [≤5%](../../jia-2026/1/#1-0-2) |"
    assert _table_row(page, 2026, "地区生产总值增长") == "| 地区生产总值增长 | [5%左右](../../jia-2026/3/#3-0-1) | — |"


def test_a_regions_page_gives_numbers_only_never_a_verdict():
    page = _region_page(THIS_YEAR, LAST_YEAR)
    assert not re.search(r"完成|未完成|超额|达标|未达|落后", page)


def test_a_region_without_targets_or_results_has_no_table():
    assert "历年目标与实际" not in _region_page(_document("jia-2024", 2024))


def test_the_nations_page_names_its_rows_in_the_nations_terms():
    nation = RegionTable(("全国", "甲省"), ("quanguo", "jia"), ("全国", "甲"), "全国")
    report = _document("guo-2026", 2026, targets=(_target("gdp_growth", "国内生产总值增长5%左右", "5"),), region="全国")
    pages = {file.path: file.text for file in library_pages(catalogue((report, THIS_YEAR), nation))}
    assert _table_row(pages["region/quanguo.md"], 2026, "国内生产总值增长").endswith("| — |")
    assert "| 地区生产总值增长 |" in pages["region/jia.md"]
