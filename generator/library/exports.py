"""Exports: the library's data rows as a newsroom pastes them — numbers a spreadsheet sorts, links that
open from anywhere, and a CSV whose columns and codes read in Chinese.

Shared by every table the library exports (data/results.*; the targets' may follow): the machine
file keeps the codes (``gdp_growth``, ``work_report``, ``at_most``), the readable one puts the words
a reader knows in their place (地区生产总值增长, 政府工作报告, 不高于).
"""

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator import data
from generator.model import Comparator, DocumentKind
from generator.render.formats import spreadsheet_csv

# Each exported field's column name in the readable CSV.
COLUMN_LABELS = {
    "region": "地区",
    "document": "文件",
    "kind": "文件类型",
    "year": "年份",
    "indicator": "指标",
    "name": "原文指标名",
    "comparator": "比较",
    "written": "数值（原文口径）",
    "value": "数值",
    "low": "区间下限",
    "high": "区间上限",
    "unit": "单位",
    "text": "原文",
    "clause": "条款",
    "url": "链接",
}
# Comparators in plain words (the codes stay in the machine file).
COMPARATOR_WORDS = {
    Comparator.ABOUT.value: "左右",
    Comparator.AT_LEAST.value: "不低于",
    Comparator.MORE_THAN.value: "高于",
    Comparator.AT_MOST.value: "不高于",
    Comparator.EXACT.value: "",
    Comparator.RANGE.value: "区间",
}


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """What every exported row of an indicator gives first: the document, the indicator, its words."""

    document: str  # slug
    region: str
    kind: str  # the document's kind (work_report)
    year: int  # the year the figure is for
    indicator: str  # the canonical key (gdp_growth)
    name: str  # as written
    text: str  # the words stating it, a span of its clause


def absolute_url(site_url: str, url: str) -> str:
    """A site-relative URL on the published site (site_url ends in "/"); as it was when no address is known."""
    return site_url + url if site_url else url


def figure(text: str) -> float | int | None:
    """A figure as written (5, 5.5, -0.1, ５．５) as a JSON number; None when there is none."""
    try:
        value = float(unicodedata.normalize("NFKC", text or ""))
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


def readable_csv(fields: Sequence[str], records: Iterable[dict]) -> str:
    """The records as a spreadsheet reads them: Chinese column names (COLUMN_LABELS) and, for codes,
    the words they stand for — the indicator's name, the kind of document, the comparator."""
    names = {term.key: term.name for term in data.indicator_terms()}
    kinds = {kind.value: data.kind_name(kind) for kind in DocumentKind}
    words = {"indicator": names, "kind": kinds, "comparator": COMPARATOR_WORDS}
    labels = [COLUMN_LABELS.get(field, field) for field in fields]
    rows = (
        {label: words[field].get(record[field], record[field]) if field in words else _cell(record[field]) for field, label in zip(fields, labels)}
        for record in records
    )
    return spreadsheet_csv(labels, rows)


def _cell(value) -> object:
    """A value in a CSV cell: empty for none."""
    return "" if value is None else value
