"""Outline comparison: the five-year outlines' main targets side by side (十五五主要指标对照).

A page per period the library's outlines cover (``/compare/2026-2030/``): a row per outline (the
nation's first, then the regions in their order), a column per indicator (a canonical indicator by
its key, any other by its name as written), each cell the target as the outline states it — in its
main-indicators table (年均>7%, 累计17%, 71%, 保持在合理区间…, with its base and attribute), else in
the chapter stating its main targets — linked to the table's row or the sentence. Beside it,
``data/period-targets.json`` and ``.csv``: one row per outline and indicator.
"""

import dataclasses
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup
from markupsafe import escape as _escape

from generator import data, urls
from generator.extract.indicators import written_target
from generator.extract.outline import period_name
from generator.library.catalogue import RegionTable, kind_rank
from generator.model import (
    Accumulation,
    Attribute,
    DocumentSummary,
    Indicator,
    OutputFile,
)
from generator.render.formats import data_json, spreadsheet_csv
from generator.render.templating import template_environment

PERIOD_TARGETS_JSON = "data/period-targets.json"
PERIOD_TARGETS_CSV = "data/period-targets.csv"
# How a cell says a target counts over the period.
ACCUMULATION_WORDS = {Accumulation.ANNUAL_AVERAGE: "年均", Accumulation.CUMULATIVE: "累计", Accumulation.IN_YEAR: ""}
ATTRIBUTE_WORDS = {Attribute.EXPECTED: "预期性", Attribute.BINDING: "约束性"}


@dataclass(frozen=True, slots=True)
class PeriodTarget:
    """One outline's main target for one indicator, as period-targets.json and the table give it."""

    document: str
    region: str
    kind: str
    period_start: int
    period_end: int
    indicator: str  # the column: a canonical key (gdp_growth), else the name as written
    name: str
    text: str  # the words stating it (a table's cell, a sentence's span)
    target: str  # as the table's cell shows it: 年均≥7%, 累计17%, 71%, 保持在合理区间、各年度视情提出
    comparator: str
    value: str
    low: str
    high: str
    unit: str
    accumulation: str
    year: int
    base: str
    base_year: int | None
    attribute: str
    category: str
    clause: str
    url: str


# The fields of period-targets.json's rows and the columns of period-targets.csv, in order.
FIELDS = tuple(field.name for field in dataclasses.fields(PeriodTarget))


def period_rows(documents: tuple[DocumentSummary, ...]) -> tuple[PeriodTarget, ...]:
    """Every outline's main targets for its period, one per indicator (the first it states), in slug
    then document order."""
    rows = []
    for document in sorted(documents, key=lambda document: document.slug):
        clause_urls = {clause.id: clause.url for clause in document.clauses}
        seen: set[str] = set()
        for target in document.period_targets:
            column = target.key or _plain(target.name)
            if column in seen or not target.period_end:
                continue
            seen.add(column)
            rows.append(_row(document, target, column, clause_urls[target.clause]))
    return tuple(rows)


def period_pages(documents: tuple[DocumentSummary, ...], rows: tuple[PeriodTarget, ...], regions: RegionTable) -> tuple[OutputFile, ...]:
    """One comparison page per period the outlines cover, newest first."""
    environment = template_environment()
    terms = {term.key: term.name for term in data.indicator_terms()}
    files = []
    for start, end in periods(rows):
        page = urls.period_compare_page(start, end)
        period_rows_ = [row for row in rows if (row.period_start, row.period_end) == (start, end)]
        slugs = {row.document for row in period_rows_}
        outlines = sorted(
            (document for document in documents if document.slug in slugs),
            key=lambda document: (regions.order(document.meta.region), kind_rank(document.meta.kind), document.slug),
        )
        columns = _columns(outlines, period_rows_, terms)
        cells = {(row.document, row.indicator): row for row in period_rows_}
        text = environment.get_template("period_compare.md.j2").render(
            name=period_name(start, end),
            start=start,
            end=end,
            count=len(outlines),
            columns=len(columns),
            table=Markup(_table(page, outlines, columns, cells)),
            csv_link=urls.relative_link(page, PERIOD_TARGETS_CSV),
            json_link=urls.relative_link(page, PERIOD_TARGETS_JSON),
        )
        files.append(OutputFile(page, text))
    return tuple(files)


def period_files(rows: tuple[PeriodTarget, ...]) -> tuple[OutputFile, ...]:
    """data/period-targets.json (with each period's page) and data/period-targets.csv (UTF-8 with BOM)."""
    records = [dataclasses.asdict(row) for row in rows]
    pages = {f"{start}-{end}": urls.served_url(urls.period_compare_page(start, end)) for start, end in periods(rows)}
    cells = ({key: "" if value is None else value for key, value in record.items()} for record in records)
    return (
        OutputFile(PERIOD_TARGETS_JSON, data_json({"pages": pages, "fields": list(FIELDS), "rows": records})),
        OutputFile(PERIOD_TARGETS_CSV, spreadsheet_csv(FIELDS, cells)),
    )


def periods(rows: tuple[PeriodTarget, ...]) -> tuple[tuple[int, int], ...]:
    """The periods the rows cover, newest first."""
    return tuple(sorted({(row.period_start, row.period_end) for row in rows}, reverse=True))


# --- Rows and the table ----------------------------------------------------------------------------


def _row(document: DocumentSummary, target: Indicator, column: str, url: str) -> PeriodTarget:
    """An outline's target as a row of the comparison."""
    accumulation = target.accumulation or Accumulation.IN_YEAR
    written = written_target(target)
    return PeriodTarget(
        document=document.slug,
        region=document.meta.region,
        kind=document.meta.kind.value,
        period_start=target.period_start,
        period_end=target.period_end,
        indicator=column,
        name=target.name,
        text=target.text,
        target=written if written == target.text else ACCUMULATION_WORDS[accumulation] + written,
        comparator=target.comparator.value,
        value=_plain(target.value),
        low=_plain(target.low),
        high=_plain(target.high),
        unit=_plain(target.unit),
        accumulation=accumulation.value,
        year=target.year,
        base=_plain(target.base),
        base_year=target.base_year or None,
        attribute=target.attribute.value if target.attribute else "",
        category=target.category,
        clause=target.clause,
        url=url,
    )


def _columns(outlines, rows: list[PeriodTarget], terms: dict[str, str]) -> list[tuple[str, str]]:
    """The table's columns: each indicator some outline states, with its label, in the order the
    outlines (the nation's first) state them."""
    order = {document.slug: position for position, document in enumerate(outlines)}
    columns: dict[str, str] = {}
    for row in sorted(rows, key=lambda row: order.get(row.document, len(order))):
        columns.setdefault(row.indicator, terms.get(row.indicator, row.name))
    return list(columns.items())


def _table(page: str, outlines, columns: list[tuple[str, str]], cells: dict) -> str:
    """The comparison as HTML: a row per outline, a column per indicator; each cell links to its row or sentence."""
    # A canonical indicator's column is anchored by its key (compare/2026-2030/#gdp_growth), as a target's card links it.
    head = "".join(f'<th scope="col"{_anchor(key)}>{_escape(label)}</th>' for key, label in columns)
    lines = [f'<thead><tr><th scope="col">地区</th>{head}</tr></thead>', "<tbody>"]
    for number, document in enumerate(outlines):
        region = document.meta.region or document.title
        label = f'<a href="{_escape(urls.served_link(page, document.url))}">{_escape(region)}</a><small>{_escape(data.kind_name(document.meta.kind))}</small>'
        row = [f'<th scope="row" data-sort="{_escape(region)}">{label}</th>']
        for position, (key, _) in enumerate(columns):
            target = cells.get((document.slug, key))
            if target is None:
                row.append('<td class="cmp-none" data-sort=""><span aria-label="未提出">—</span></td>')
                continue
            tip = f"tip-{number}-{position}"
            notes = [f"{target.base_year}年{target.base}" if target.base else "", ATTRIBUTE_WORDS.get(Attribute(target.attribute)) if target.attribute else ""]
            note = " · ".join(part for part in notes if part)
            row.append(
                f'<td data-sort="{_escape(_sort_key(target))}"><a href="{_escape(urls.served_link(page, target.url))}" aria-describedby="{tip}">'
                f"{_escape(target.target)}</a>{f'<small>{_escape(note)}</small>' if note else ''}"
                f'<span class="cmp-tip" role="tooltip" id="{tip}">{_escape(target.name)}：{_escape(target.text)}</span></td>'
            )
        lines.append("<tr>" + "".join(row) + "</tr>")
    lines.append("</tbody>")
    return "\n".join(lines)


def _anchor(key: str) -> str:
    """A column heading's id: a canonical key's (ASCII), none for a name."""
    return f' id="{_escape(key)}"' if key.isascii() else ""


def _sort_key(row: PeriodTarget) -> str:
    """The number a cell sorts by: a range's middle, a point's value; "" for a target in words."""
    try:
        if row.low and row.high:
            return f"{(float(row.low) + float(row.high)) / 2:g}"
        return f"{float(row.value):g}" if row.value else ""
    except ValueError:
        return ""


def _plain(text: str) -> str:
    """Full-width figures and signs in their ordinary form: ５．５％ → 5.5%."""
    return unicodedata.normalize("NFKC", text or "")
