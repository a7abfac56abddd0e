"""Results data: every document's results of past years (extract/results.py) as the library publishes them.

``data/results.json`` (``{"fields": […], "labels": {…}, "rows": […]}``), ``data/results.csv`` (UTF-8
with a BOM, headed by the fields) and its twin with Chinese headers ``data/results-zh.csv``, by the
conventions every table of the library follows (render/formats.py): a row per document and
canonical indicator, numbers as numbers, the clause's URL absolute on the published site with its
``#id``. The JSON rows keep the contract's fields; the CSVs add, beside the codes, the words a
reader knows (the indicator's and the kind's names, the result as written: ≤5%).
"""

from generator import data
from generator.extract.indicators import COMPARATOR_SIGNS
from generator.model import (
    Comparator,
    DocumentKind,
    DocumentSummary,
    OutputFile,
    Result,
)
from generator.render.formats import absolute_url, table_files, table_json

RESULTS_JSON = "data/results.json"
RESULTS_CSV = "data/results.csv"
# results.json's fields (a row's keys), with the Chinese headers of results-zh.csv: the document
# (slug, region, kind), the year the result is for, the canonical indicator, its name and the words
# stating it as written (a span of the clause), the value (a number) and unit, the clause's ID and
# URL (absolute where the site's address is known).
COLUMNS = {
    "document": "文件代号",
    "region": "地区",
    "kind": "文件类型代码",
    "year": "年份",
    "indicator": "指标代码",
    "name": "原文指标名",
    "text": "原文",
    "value": "数值",
    "unit": "单位",
    "clause": "条款编号",
    "url": "链接",
}
ROW_FIELDS = tuple(COLUMNS)
# The CSVs' further columns: the codes' words, the result as a table writes it.
WORDS = {"indicator_name": "指标", "kind_name": "文件类型", "written": "实际"}


def result_rows(documents: tuple[DocumentSummary, ...], site_url: str = "") -> tuple[dict, ...]:
    """Every document's results as rows of results.json (ROW_FIELDS), in slug then document order;
    URLs on the site at ``site_url`` (site-relative without one)."""
    rows = []
    for document in sorted(documents, key=lambda document: document.slug):
        clause_urls = {clause.id: clause.url for clause in document.clauses}
        for result in document.results:
            number = float(result.value)  # extract/results.py writes plain figures: 5, 5.5, -0.1
            rows.append(
                {
                    "document": document.slug,
                    "region": document.meta.region,
                    "kind": document.meta.kind.value,
                    "year": result.year,
                    "indicator": result.key,
                    "name": result.name,
                    "text": result.text,
                    "value": int(number) if number.is_integer() else number,
                    "unit": result.unit,
                    "clause": result.clause,
                    "url": absolute_url(site_url, clause_urls[result.clause]),
                }
            )
    return tuple(rows)


def written_result(result: Result) -> str:
    """A result as a table cell, written as the comparison writes targets: 5.5%, ≤5% (控制在5%以内),
    0%左右 (基本持平), -0.1%, 141万人."""
    value = f"{result.value}{result.unit}"
    return f"{value}左右" if result.comparator is Comparator.ABOUT else COMPARATOR_SIGNS[result.comparator] + value


def results_files(documents: tuple[DocumentSummary, ...], site_url: str = "") -> tuple[OutputFile, ...]:
    """data/results.json, data/results.csv and data/results-zh.csv."""
    records = result_rows(documents, site_url)
    names = {term.key: term.name for term in data.indicator_terms()}
    written = {(document.slug, result.key): written_result(result) for document in documents for result in document.results}
    spelled = [
        {
            **record,
            "indicator_name": names[record["indicator"]],
            "kind_name": data.kind_name(DocumentKind(record["kind"])),
            "written": written[(record["document"], record["indicator"])],
        }
        for record in records
    ]
    return (OutputFile(RESULTS_JSON, table_json(COLUMNS, records)), *table_files(RESULTS_CSV, COLUMNS | WORDS, spelled))
