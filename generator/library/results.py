"""Results data: every document's results of past years (extract/results.py) as the library publishes them.

``data/results.json`` (``{"fields": […], "rows": […]}``) and ``data/results.csv`` (the same columns,
UTF-8 with a BOM) keep the codes; ``data/results-zh.csv`` gives the same rows with Chinese column
names and words in place of codes, for pasting into a spreadsheet. A row per document, year and
canonical indicator; its ``url`` is the clause's on the published site, with its ``#id``.
"""

import dataclasses
from dataclasses import dataclass

from generator.extract.indicators import COMPARATOR_SIGNS
from generator.library.exports import IndicatorRow, absolute_url, figure, readable_csv
from generator.model import Comparator, DocumentSummary, OutputFile, Result
from generator.render.formats import data_json, spreadsheet_csv

RESULTS_JSON = "data/results.json"
RESULTS_CSV = "data/results.csv"
RESULTS_READABLE_CSV = "data/results-zh.csv"
# The readable CSV's columns, in the order a reader scans them.
READABLE_FIELDS = ("region", "year", "indicator", "written", "value", "unit", "text", "document", "kind", "name", "clause", "url")


@dataclass(frozen=True, slots=True)
class ResultRow(IndicatorRow):
    """One document's result for one canonical indicator and year, as results.json gives it."""

    value: float | int | None
    unit: str
    clause: str
    url: str


# The fields of results.json's rows and the columns of results.csv, in order.
ROW_FIELDS = tuple(field.name for field in dataclasses.fields(ResultRow))


def result_rows(documents: tuple[DocumentSummary, ...], site_url: str = "") -> tuple[ResultRow, ...]:
    """Every document's results, in slug then document order; URLs on the site at ``site_url``
    (site-relative without one)."""
    rows = []
    for document in sorted(documents, key=lambda document: document.slug):
        clause_urls = {clause.id: clause.url for clause in document.clauses}
        for result in document.results:
            rows.append(
                ResultRow(
                    document=document.slug,
                    region=document.meta.region,
                    kind=document.meta.kind.value,
                    year=result.year,
                    indicator=result.key,
                    name=result.name,
                    text=result.text,
                    value=figure(result.value),
                    unit=result.unit,
                    clause=result.clause,
                    url=absolute_url(site_url, clause_urls[result.clause]),
                )
            )
    return tuple(rows)


def written_result(result: Result) -> str:
    """A result as a table cell, written as the comparison writes targets: 5.5%, ≤5% (控制在5%以内),
    0%左右 (基本持平), -0.1%, 141万人."""
    value = f"{result.value}{result.unit}"
    return f"{value}左右" if result.comparator is Comparator.ABOUT else COMPARATOR_SIGNS[result.comparator] + value


def results_files(documents: tuple[DocumentSummary, ...], site_url: str = "") -> tuple[OutputFile, ...]:
    """data/results.json, data/results.csv and data/results-zh.csv (UTF-8 with BOM)."""
    rows = result_rows(documents, site_url)
    records = [dataclasses.asdict(row) for row in rows]
    written = {
        (document.slug, result.year, result.key): written_result(result) for document in documents for result in document.results
    }
    readable = ({**record, "written": written[(record["document"], record["year"], record["indicator"])]} for record in records)
    return (
        OutputFile(RESULTS_JSON, data_json({"fields": list(ROW_FIELDS), "rows": records})),
        OutputFile(RESULTS_CSV, spreadsheet_csv(ROW_FIELDS, ({key: "" if value is None else value for key, value in record.items()} for record in records))),
        OutputFile(RESULTS_READABLE_CSV, readable_csv(READABLE_FIELDS, readable)),
    )
