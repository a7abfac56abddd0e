"""Compare: each year's main targets side by side — a row per document, a column per indicator.

What journalists tabulate by hand every spring: every province's growth target, unemployment rate,
CPI…, each cell linked to the clause that states it, as a sortable table, static SVG charts and
CSV/JSON downloads (``data/targets.json``, ``data/targets.csv``: one row per document and indicator).
"""

import dataclasses
import html
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup

from generator import data, urls
from generator.library.catalogue import RegionTable, kind_rank
from generator.model import Comparator, DocumentSummary, OutputFile
from generator.render.formats import data_json, spreadsheet_csv
from generator.render.templating import template_environment

TARGETS_JSON = "data/targets.json"
TARGETS_CSV = "data/targets.csv"
# An indicator gets a chart when at least this many documents of the year state it (in one unit).
CHART_MINIMUM = 3
# Chart geometry (SVG user units; the chart scales to the page's width, 360 px phones included).
CHART_WIDTH = 360
LABEL_WIDTH = 62
VALUE_WIDTH = 86
ROW_HEIGHT = 26
AXIS_HEIGHT = 28


@dataclass(frozen=True, slots=True)
class TargetRow:
    """One document's main target for one canonical indicator, as targets.json and the table give it."""

    document: str
    region: str
    kind: str
    year: int
    indicator: str
    name: str
    text: str
    comparator: str
    value: float | int | None
    low: float | int | None
    high: float | int | None
    unit: str
    clause: str
    url: str


# The fields of targets.json's rows and the columns of targets.csv, in order.
ROW_FIELDS = tuple(field.name for field in dataclasses.fields(TargetRow))


def target_rows(documents: tuple[DocumentSummary, ...]) -> tuple[TargetRow, ...]:
    """Every document's main targets that have a canonical indicator, in slug then document order."""
    rows = []
    for document in sorted(documents, key=lambda document: document.slug):
        clause_urls = {clause.id: clause.url for clause in document.clauses}
        for target in document.targets:
            if not target.key:
                continue
            ranged = target.comparator is Comparator.RANGE
            rows.append(
                TargetRow(
                    document=document.slug,
                    region=document.meta.region,
                    kind=document.meta.kind.value,
                    year=document.meta.year,
                    indicator=target.key,
                    name=target.name,
                    text=target.text,
                    comparator=target.comparator.value,
                    value=None if ranged else _number(target.value),
                    low=_number(target.low) if ranged else None,
                    high=_number(target.high) if ranged else None,
                    unit=_plain(target.unit),
                    clause=target.clause,
                    url=clause_urls[target.clause],
                )
            )
    return tuple(rows)


def short_form(row: TargetRow) -> str:
    """A target as a table cell: 5%—5.5%, 5%左右, ≥5%, ≤5.5%, >840亿斤, 5%."""
    if row.comparator == Comparator.RANGE.value:
        return f"{_figure(row.low)}{row.unit}—{_figure(row.high)}{row.unit}"
    value = f"{_figure(row.value)}{row.unit}"
    return {
        Comparator.ABOUT.value: f"{value}左右",
        Comparator.AT_LEAST.value: f"≥{value}",
        Comparator.MORE_THAN.value: f">{value}",
        Comparator.AT_MOST.value: f"≤{value}",
    }.get(row.comparator, value)


def targets_files(rows: tuple[TargetRow, ...], years: tuple[int, ...]) -> tuple[OutputFile, ...]:
    """data/targets.json (with the newest year's comparison page) and data/targets.csv (UTF-8 with BOM)."""
    records = [dataclasses.asdict(row) for row in rows]
    page = urls.served_url(urls.compare_page(max(years))) if years else ""
    pages = {str(year): urls.served_url(urls.compare_page(year)) for year in sorted(years, reverse=True)}
    data = {"page": page, "pages": pages, "fields": list(ROW_FIELDS), "rows": records}
    cells = ({key: "" if value is None else value for key, value in record.items()} for record in records)
    return (
        OutputFile(TARGETS_JSON, data_json(data)),
        OutputFile(TARGETS_CSV, spreadsheet_csv(ROW_FIELDS, cells)),
    )


def compare_pages(
    documents: tuple[DocumentSummary, ...], rows: tuple[TargetRow, ...], vocabulary: tuple[tuple[str, str], ...], regions: RegionTable
) -> tuple[OutputFile, ...]:
    """One comparison page per year of the library: the table, then a chart per indicator stated often enough.

    ``vocabulary``: each canonical indicator key with its Chinese name, in the order columns take.
    """
    environment = template_environment()
    files = []
    for year in sorted({document.meta.year for document in documents}, reverse=True):
        page = urls.compare_page(year)
        year_documents = sorted(
            (document for document in documents if document.meta.year == year),
            key=lambda document: (regions.order(document.meta.region), kind_rank(document.meta.kind), document.slug),
        )
        year_rows = [row for row in rows if row.year == year]
        stated = {row.indicator for row in year_rows}
        columns = [(key, label) for key, label in vocabulary if key in stated]
        cells = {(row.document, row.indicator): row for row in year_rows}
        table = _table(page, year_documents, columns, cells)
        # A section per indicator, anchored by its key (compare/2026/#gdp_growth): its chart, where
        # enough documents state it.
        sections = [
            {
                "key": key,
                "label": label,
                "count": sum(1 for row in year_rows if row.indicator == key),
                "svg": Markup(_chart(f"{year}年{label}目标", [(row, _region_label(row, documents, regions)) for row in year_rows if row.indicator == key])),
            }
            for key, label in columns
        ]
        text = environment.get_template("compare.md.j2").render(
            year=year,
            count=len(year_documents),
            stated=len({row.document for row in year_rows}),
            table=Markup(table),
            sections=sections,
            csv_link=urls.relative_link(page, TARGETS_CSV),
            json_link=urls.relative_link(page, TARGETS_JSON),
        )
        files.append(OutputFile(page, text))
    return tuple(files)


def _table(page: str, documents, columns, cells) -> str:
    """The comparison table as HTML: a row per document, a column per indicator; each cell links to its clause."""
    head = "".join(f'<th scope="col" id="col-{key}">{_escape(label)}</th>' for key, label in columns)
    lines = [f'<thead><tr><th scope="col">地区</th>{head}</tr></thead>', "<tbody>"]
    for document in documents:
        kind = data.kind_name(document.meta.kind)
        region = document.meta.region or document.title
        label = f'<a href="{_attr(urls.served_link(page, document.url))}">{_escape(region)}</a><small>{_escape(kind)}</small>'
        row = [f'<th scope="row" data-sort="{_attr(region)}">{label}</th>']
        for key, _ in columns:
            target = cells.get((document.slug, key))
            if target is None:
                row.append('<td class="cmp-none" data-sort=""><span aria-label="未提出">—</span></td>')
                continue
            tip = f"tip-{document.slug}-{key}"
            row.append(
                f'<td data-sort="{_sort_key(target)}"><a href="{_attr(urls.served_link(page, target.url))}" aria-describedby="{tip}">'
                f'{_escape(short_form(target))}</a><span class="cmp-tip" role="tooltip" id="{tip}">{_escape(target.text)}</span></td>'
            )
        lines.append("<tr>" + "".join(row) + "</tr>")
    lines.append("</tbody>")
    return "\n".join(lines)


def _chart(title: str, entries: list[tuple[TargetRow, str]]) -> str:
    """A static SVG chart of one indicator's targets by region, sorted: a range as a bar from low to
    high, a point as a dot, 以上 and 以内 as an arrow the way the target leaves open; "" for too few."""
    if not entries:
        return ""
    unit = max({row.unit for row, _ in entries}, key=lambda unit: sum(1 for row, _ in entries if row.unit == unit))
    entries = [(row, label) for row, label in entries if row.unit == unit and _ends(row)]
    if len(entries) < CHART_MINIMUM:
        return ""
    entries.sort(key=lambda entry: (-_middle(entry[0]), entry[1]))
    low = min(_ends(row)[0] for row, _ in entries)
    high = max(_ends(row)[1] for row, _ in entries)
    low, high = _axis(low, high)
    plot_left, plot_right = LABEL_WIDTH, CHART_WIDTH - VALUE_WIDTH
    height = AXIS_HEIGHT + ROW_HEIGHT * len(entries) + 8

    def x(value: float) -> float:
        return round(plot_left + (value - low) / (high - low) * (plot_right - plot_left), 1)

    parts = [
        f'<svg class="cmp-chart" viewBox="0 0 {CHART_WIDTH} {height}" role="img" aria-label="{_attr(title)}（数据见上表）">',
        f"<title>{_escape(title)}</title>",
    ]
    for tick in _ticks(low, high):
        parts.append(f'<line class="tick" x1="{x(tick)}" y1="{AXIS_HEIGHT - 6}" x2="{x(tick)}" y2="{height - 8}"/>')
        parts.append(f'<text class="axis" x="{x(tick)}" y="{AXIS_HEIGHT - 10}" text-anchor="middle">{_figure(tick)}{_escape(unit)}</text>')
    for index, (row, label) in enumerate(entries):
        y = AXIS_HEIGHT + ROW_HEIGHT * index + ROW_HEIGHT / 2
        # A row's title names the region in full, with the sentence's words: a tooltip, and what a reader of the SVG's text finds.
        parts.append(f"<g><title>{_escape(row.region or label)}：{_escape(row.text)}</title>")
        parts.append(f'<text class="label" x="{LABEL_WIDTH - 6}" y="{y + 4}" text-anchor="end">{_escape(label)}</text>')
        start, end = _ends(row)
        if row.comparator == Comparator.RANGE.value:
            parts.append(f'<line class="range" x1="{x(start)}" y1="{y}" x2="{x(end)}" y2="{y}"/>')
        else:
            point = x(row.value)
            if row.comparator in (Comparator.AT_LEAST.value, Comparator.MORE_THAN.value):
                parts.append(f'<path class="open" d="M{point} {y}h10m-4 -4l4 4l-4 4"/>')
            elif row.comparator == Comparator.AT_MOST.value:
                parts.append(f'<path class="open" d="M{point} {y}h-10m4 -4l-4 4l4 4"/>')
            parts.append(f'<circle class="point" cx="{point}" cy="{y}" r="4"/>')
        parts.append(f'<text class="value" x="{plot_right + 8}" y="{y + 4}">{_escape(short_form(row))}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def _ends(row: TargetRow) -> tuple[float, float] | None:
    """A target's extent on the axis: (low, high) of a range, the value twice for a point."""
    if row.comparator == Comparator.RANGE.value:
        return (row.low, row.high) if row.low is not None and row.high is not None else None
    return (row.value, row.value) if row.value is not None else None


def _middle(row: TargetRow) -> float:
    """Where a target sorts: a range's middle, a point's value."""
    start, end = _ends(row)
    return (start + end) / 2


def _axis(low: float, high: float) -> tuple[float, float]:
    """A readable axis around the values: from a round number below the lowest to one above the highest."""
    step = _step(high - low)
    # A quarter step of room on either side, so that no mark sits on the chart's edge.
    start = ((low - step / 4) // step) * step
    end = -((-(high + step / 4)) // step) * step
    return float(start), float(end)


def _step(span: float) -> float:
    """A tick step for a span: 0.5, 1, 2, 5, 10…"""
    for step in (0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if span / step <= 6:
            return step
    return 10 ** len(str(int(span)))


def _ticks(low: float, high: float) -> list[float]:
    """The axis' ticks from ``low`` to ``high``."""
    step = _step(high - low)
    ticks, tick = [], low
    while tick <= high + 1e-9:
        ticks.append(round(tick, 6))
        tick += step
    return ticks


def _region_label(row: TargetRow, documents: tuple[DocumentSummary, ...], regions: RegionTable) -> str:
    """A chart row's label: the region's short name (内蒙古), or the document's title without a region."""
    if row.region:
        return regions.short(row.region)
    return next(document.title for document in documents if document.slug == row.document)


def _sort_key(row: TargetRow) -> str:
    """The number a cell sorts by: a range's middle, a point's value."""
    ends = _ends(row)
    return _figure((ends[0] + ends[1]) / 2) if ends else ""


def _number(text: str) -> float | int | None:
    """A figure as written (5, 5.5, ５.５) as a JSON number; None when there is none."""
    try:
        value = float(_plain(text))
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


def _figure(value: float | int | None) -> str:
    """A number as a reader writes it: 5, 5.5 (no 5.0)."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _plain(text: str) -> str:
    """Full-width figures and signs in their ordinary form: ５．５％ → 5.5%."""
    return unicodedata.normalize("NFKC", text or "")


def _escape(text: str) -> str:
    """Text in HTML."""
    return html.escape(text, quote=False)


def _attr(text: str) -> str:
    """Text in an HTML attribute."""
    return html.escape(text, quote=True)
