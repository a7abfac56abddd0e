"""Compare: each year's targets side by side — a row per document, a column per indicator.

What journalists tabulate by hand every spring: every province's growth target, unemployment rate,
CPI…, against the nation's and last year's results, each cell linked to the clause that states it,
as a sortable table, charts (SVG, to download too) and CSV/JSON (``data/targets.json``,
``data/targets.csv`` and its twin with Chinese headers ``data/targets-zh.csv``).

A cell is honest about where its number comes from: the statement of main targets (主要预期目标),
else the document's text elsewhere (marked ※, extract/elsewhere.py), else "—" (no number stated).
Every column has one unit (generator/data/indicators.yml: a grain target in 万吨 is shown in 亿斤,
converted with the factor said), in which the table sorts and the chart draws.
"""

import dataclasses
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum

from markupsafe import Markup

from generator import data, urls
from generator.library.catalogue import RegionTable, kind_rank
from generator.library.charts import (
    ELSEWHERE_MARK,
    Chart,
    ChartEntry,
    chart_svg,
    figure,
)
from generator.model import (
    ClauseRecord,
    Comparator,
    DocumentKind,
    DocumentSummary,
    Indicator,
    OutputFile,
    Result,
)
from generator.render.formats import (
    absolute_url,
    chinese_path,
    table_files,
    table_json,
)
from generator.render.templating import chinese_date, template_environment

FORMAT_VERSION = 2
TARGETS_JSON = "data/targets.json"
TARGETS_CSV = "data/targets.csv"
# An indicator gets a chart when at least this many documents of the year state it in its unit.
CHART_MINIMUM = 3
# The mark of a target whose number is converted from the unit it is written in.
CONVERTED_MARK = "△"


class TargetSource(str, Enum):
    """Where in its document a target of the comparison is stated."""

    MAIN_TARGETS = "main_targets"  # the statement of main targets (主要预期目标是：…)
    ELSEWHERE = "elsewhere"  # another clause of the year's plans (城镇新增就业不少于28万人, 3-8-3)


SOURCE_WORDS = {TargetSource.MAIN_TARGETS: "主要预期目标段落", TargetSource.ELSEWHERE: "主要预期目标段落之外"}

# A comparator in the words a Chinese table uses beside the code.
COMPARATOR_WORDS = {
    Comparator.ABOUT: "左右",
    Comparator.AT_LEAST: "以上",
    Comparator.MORE_THAN: "超过",
    Comparator.AT_MOST: "以内",
    Comparator.EXACT: "等于",
    Comparator.RANGE: "区间",
}


@dataclass(frozen=True, slots=True)
class TargetRow:
    """One document's target for one canonical indicator, as targets.json/csv and the table give it."""

    document: str
    title: str
    region: str
    kind: str
    kind_name: str
    year: int
    indicator: str
    indicator_name: str
    target: str  # the cell: the target in the column's unit, ≥391亿斤
    name: str  # the indicator's name as written
    text: str  # the target's words as written
    comparator: str
    comparator_words: str
    value: float | int | None  # as written, in ``unit``; a range has low and high instead
    low: float | int | None
    high: float | int | None
    unit: str
    standard_value: float | int | None  # in ``standard_unit``, the column's unit
    standard_low: float | int | None
    standard_high: float | int | None
    standard_unit: str
    conversion: str  # 1万吨=0.2亿斤; "" when written in the column's unit
    sort_value: float | int | None  # the number it sorts by: a point's value, a range's low end
    source: str  # TargetSource
    source_words: str
    clause: str
    place: str  # 第三部分第（八）项第3句
    url: str  # absolute where the site's address is known
    result_year: int | None  # the document's own result for the year before (its review)
    result_value: float | int | None
    result_unit: str
    result_text: str
    result_url: str


# targets.json's fields and targets.csv's columns, in order, with the Chinese headers of targets-zh.csv.
COLUMNS = {
    field.name: label
    for field, label in zip(
        dataclasses.fields(TargetRow),
        (
            "文件代号", "文件标题", "地区", "文件类型代码", "文件类型", "年份", "指标代码", "指标", "目标",
            "原文指标名", "原文", "比较方式代码", "比较方式", "数值", "下限", "上限", "单位",
            "换算后数值", "换算后下限", "换算后上限", "换算后单位", "换算", "排序值（区间取下限）",
            "出处代码", "出处", "条款编号", "条款位置", "链接",
            "上年实际年份", "上年实际数值", "上年实际单位", "上年实际原文", "上年实际链接",
        ),
        strict=True,
    )
}  # fmt: skip
ROW_FIELDS = tuple(COLUMNS)


# The magnitudes a unit may lead with, longest first: 万亿斤, 千万吨, 亿元.
MAGNITUDES = {
    "万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10, "十亿": Decimal(10) ** 9,
    "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6, "十万": Decimal(10) ** 5,
    "万": Decimal(10) ** 4, "千": Decimal(10) ** 3, "百": Decimal(100),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Conversion:
    """How a unit as written becomes the column's: 万吨 → 亿斤, times 0.2."""

    unit: str
    factor: Decimal
    written: str

    def said(self) -> str:
        """The factor in words, "" for none: 1万吨=0.2亿斤."""
        return "" if self.factor == 1 else f"1{self.written}={figure(self.factor)}{self.unit}"


def annual_documents(documents: tuple[DocumentSummary, ...]) -> tuple[DocumentSummary, ...]:
    """The documents a year's comparison holds: every kind but five-year outlines, whose targets are
    for their period (library/outline_compare.py compares them)."""
    return tuple(document for document in documents if document.meta.kind is not DocumentKind.FIVE_YEAR_PLAN)


def target_rows(documents: tuple[DocumentSummary, ...], site_url: str = "") -> tuple[TargetRow, ...]:
    """Every document's targets with a canonical indicator — from the statement of main targets, else
    stated elsewhere — in slug order, then document order; URLs absolute on ``site_url``."""
    rows = []
    for document in sorted(annual_documents(documents), key=lambda document: document.slug):
        clauses = {clause.id: clause for clause in document.clauses}
        stated = [(target, TargetSource.MAIN_TARGETS) for target in document.targets if target.key]
        stated += [(target, TargetSource.ELSEWHERE) for target in document.elsewhere if target.key]
        order = {clause_id: index for index, clause_id in enumerate(clauses)}
        stated.sort(key=lambda item: order.get(item[0].clause, 0))
        for target, source in stated:
            rows.append(_row(document, target, source, clauses, site_url))
    return tuple(rows)


def _row(document: DocumentSummary, target: Indicator, source: TargetSource, clauses: dict[str, ClauseRecord], site_url: str) -> TargetRow:
    """A target as a row of the comparison."""
    comparator = target.comparator
    ranged = comparator is Comparator.RANGE
    unit = _plain(target.unit)
    value, low, high = (None, _decimal(target.low), _decimal(target.high)) if ranged else (_decimal(target.value), None, None)
    conversion = _conversion(target.key, unit)
    standard = [None if number is None or conversion is None else number * conversion.factor for number in (value, low, high)]
    sort_value = standard[1] if ranged else standard[0]
    result = _last_result(document, target.key)
    term = _terms().get(target.key)
    return TargetRow(
        document=document.slug,
        title=document.title,
        region=document.meta.region,
        kind=document.meta.kind.value,
        kind_name=data.kind_name(document.meta.kind),
        year=document.meta.year,
        indicator=target.key,
        indicator_name=term.name if term else target.key,
        target=_short(comparator, *standard, conversion.unit) if conversion else _short(comparator, value, low, high, unit),
        name=target.name,
        text=target.text,
        comparator=comparator.value,
        comparator_words=COMPARATOR_WORDS[comparator],
        value=_json_number(value),
        low=_json_number(low),
        high=_json_number(high),
        unit=unit,
        standard_value=_json_number(standard[0]),
        standard_low=_json_number(standard[1]),
        standard_high=_json_number(standard[2]),
        standard_unit=conversion.unit if conversion else "",
        conversion=conversion.said() if conversion else "",
        sort_value=_json_number(sort_value),
        source=source.value,
        source_words=SOURCE_WORDS[source],
        clause=target.clause,
        place=clauses[target.clause].label if target.clause in clauses else "",
        url=absolute_url(site_url, clauses[target.clause].url) if target.clause in clauses else "",
        result_year=result.year if result else None,
        result_value=_json_number(_decimal(result.value)) if result else None,
        result_unit=_plain(result.unit) if result else "",
        result_text=result.text if result else "",
        result_url=absolute_url(site_url, clauses[result.clause].url) if result and result.clause in clauses else "",
    )


def _last_result(document: DocumentSummary, key: str) -> Result | None:
    """The document's own result for an indicator in the year before its own (its review), if stated."""
    return next((result for result in document.results if result.key == key and result.year == document.meta.year - 1), None)


def _short(comparator: Comparator, value, low, high, unit: str) -> str:
    """5%—5.5%, 5%左右, ≥5%, >840亿斤, ≤5.5%, 5%."""
    if comparator is Comparator.RANGE:
        return f"{_figure(low)}{unit}—{_figure(high)}{unit}"
    written = f"{_figure(value)}{unit}"
    return {
        Comparator.ABOUT: f"{written}左右",
        Comparator.AT_LEAST: f"≥{written}",
        Comparator.MORE_THAN: f">{written}",
        Comparator.AT_MOST: f"≤{written}",
    }.get(comparator, written)


def targets_files(rows: tuple[TargetRow, ...], years: tuple[int, ...]) -> tuple[OutputFile, ...]:
    """data/targets.json (naming the newest year's comparison page), data/targets.csv and
    data/targets-zh.csv (Chinese headers), UTF-8 with BOM."""
    records = [dataclasses.asdict(row) for row in rows]
    page = urls.served_url(urls.compare_page(max(years))) if years else ""
    pages = {str(year): urls.served_url(urls.compare_page(year)) for year in sorted(years, reverse=True)}
    return (
        OutputFile(TARGETS_JSON, table_json(COLUMNS, records, format=FORMAT_VERSION, page=page, pages=pages)),
        *table_files(TARGETS_CSV, COLUMNS, records),
    )


# --- The page ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: a document's target for one indicator (or none), with what the reader sees on
    focus or tap — the whole sentence, the target's words marked — and last year's result."""

    key: str
    row: TargetRow | None
    sort: str  # the number it sorts by ("" for none: last)
    link: str
    tip: str  # the tooltip's ID
    before: str  # the sentence before the target's words, the words, the rest
    words: str
    after: str
    notes: tuple[str, ...]
    result: str  # 2025年实际 5.4%, "" for none
    result_link: str
    elsewhere: bool
    converted: bool


@dataclass(frozen=True, slots=True)
class TableRow:
    """A document's row: its label (the region's short name), the region in full, the link to the
    document, where it sorts by region, whether it is the nation's, its cells."""

    label: str
    region: str
    link: str
    order: int
    national: bool
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class IndicatorSection:
    """An indicator's column and section: its name, unit, what the chart shows or leaves out, the chart."""

    key: str
    label: str
    unit: str
    count: int
    elsewhere: int
    plotted: int
    left_out: tuple[str, ...]
    conversions: tuple[str, ...]
    title: str  # the chart's: 2026年各地粮食产量目标
    svg: Markup
    svg_link: str
    svg_name: str
    png_link: str  # "" where the build draws no PNG


def compare_pages(
    documents: tuple[DocumentSummary, ...],
    rows: tuple[TargetRow, ...],
    vocabulary: tuple[tuple[str, str], ...],
    regions: RegionTable,
    site_url: str = "",
    pictures: bool = False,
) -> tuple[OutputFile, ...]:
    """Each year's comparison page, then each of its charts as an SVG file (compare/2026/gdp_growth.svg).

    ``vocabulary``: each canonical indicator key with its Chinese name, in the order columns take;
    ``pictures``: whether the build draws each chart as a PNG beside its SVG (publish/charts.py).
    """
    environment = template_environment()
    files, charts = [], []
    documents = annual_documents(documents)
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
        labels = _labels(year_documents, regions)
        page_url = absolute_url(site_url, urls.served_url(page))
        date = chinese_date(max((document.meta.date for document in year_documents), default=""))
        sections = []
        for key, label in columns:
            section, svg = _section(year, key, label, [row for row in year_rows if row.indicator == key], labels, regions, page, page_url, date, pictures)
            sections.append(section)
            if svg:
                charts.append(OutputFile(_chart_path(year, key), svg + "\n"))
        table_rows = [_table_row(page, document, columns, cells, labels, regions) for document in year_documents]
        text = environment.get_template("compare.md.j2").render(
            year=year,
            count=len(year_documents),
            stated=len({row.document for row in year_rows}),
            national=any(row.national for row in table_rows),
            results=any(cell.result for row in table_rows for cell in row.cells),
            columns=[{"key": section.key, "label": section.label, "unit": "" if section.unit == "%" else section.unit} for section in sections],
            rows=table_rows,
            sections=sections,
            csv_link=urls.relative_link(page, TARGETS_CSV),
            zh_csv_link=urls.relative_link(page, chinese_path(TARGETS_CSV)),
            json_link=urls.relative_link(page, TARGETS_JSON),
            page_url=page_url,
            served_path=urls.served_url(page),
            date=date,
            elsewhere_mark=ELSEWHERE_MARK,
            converted_mark=CONVERTED_MARK,
            chart_minimum=CHART_MINIMUM,
        )
        files.append(OutputFile(page, text))
    return (*files, *charts)


def _chart_path(year: int, key: str) -> str:
    """Where a chart's SVG file is: compare/2026/gdp_growth.svg, beside the page (/compare/2026/)."""
    return f"compare/{year}/{key}.svg"


def _labels(documents: list[DocumentSummary], regions: RegionTable) -> dict[str, str]:
    """Each document's label in the first column and the charts: the region's short name (内蒙古),
    with its kind's noun where the region has several documents (内蒙古·计划); a title without a region."""
    counts: dict[str, int] = {}
    for document in documents:
        counts[document.meta.region] = counts.get(document.meta.region, 0) + 1
    labels = {}
    for document in documents:
        region = document.meta.region
        if not region:
            labels[document.slug] = document.title
            continue
        short = regions.short(region)
        labels[document.slug] = f"{short}·{data.document_kinds()[document.meta.kind].noun}" if counts[region] > 1 else short
    return labels


def _table_row(page: str, document: DocumentSummary, columns, cells, labels: dict[str, str], regions: RegionTable) -> TableRow:
    """A document's row of the table."""
    clauses = {clause.id: clause for clause in document.clauses}
    row_cells = []
    for key, _ in columns:
        row_cells.append(_cell(page, document, key, cells.get((document.slug, key)), clauses))
    return TableRow(
        label=labels[document.slug],
        region=document.meta.region or document.title,
        link=urls.served_link(page, document.url),
        order=regions.order(document.meta.region)[0],
        national=regions.is_nation(document.meta.region),
        cells=tuple(row_cells),
    )


def _cell(page: str, document: DocumentSummary, key: str, row: TargetRow | None, clauses: dict[str, ClauseRecord]) -> Cell:
    """A cell: the target (or none), the sentence stating it, and the document's result of last year."""
    result = _last_result(document, key)
    result_text, result_link = "", ""
    if result and result.clause in clauses:
        conversion = _conversion(key, _plain(result.unit))
        number = _decimal(result.value)
        shown = f"{_figure(number * conversion.factor)}{conversion.unit}" if conversion and number is not None else f"{result.value}{_plain(result.unit)}"
        result_text, result_link = f"{result.year}年实际 {shown}", urls.served_link(page, clauses[result.clause].url)
    if row is None:
        return Cell(key, None, "", "", "", "", "", "", (), result_text, result_link, False, False)
    clause = clauses.get(row.clause)
    sentence = clause.text if clause else row.text
    start = sentence.find(row.text)
    before, words, after = (sentence[:start], row.text, sentence[start + len(row.text) :]) if start >= 0 else ("", sentence, "")
    elsewhere = row.source == TargetSource.ELSEWHERE.value
    notes = [row.place] if row.place else []
    if elsewhere:
        notes.append("此项目标不在主要预期目标段落中，见于正文此句。")
    if row.conversion:
        notes.append(f"原文单位为{row.unit}，按{row.conversion}换算为{row.target}。")
    link = urls.served_link(page, clause.url) if clause else ""
    sort = "" if row.sort_value is None else str(row.sort_value)
    return Cell(key, row, sort, link, f"tip-{document.slug}-{key}", before, words, after, tuple(notes), result_text, result_link, elsewhere, bool(row.conversion))


def _section(
    year: int, key: str, label: str, rows: list[TargetRow], labels: dict[str, str], regions: RegionTable, page: str, page_url: str, date: str, pictures: bool
):
    """An indicator's section — its counts, what its chart leaves out and why — and its chart's SVG ("" for none)."""
    unit = rows[0].standard_unit or rows[0].unit if rows else ""
    title = f"{year}年各地{label}目标"
    national = [row for row in rows if regions.is_nation(row.region)]
    regional = [row for row in rows if not regions.is_nation(row.region)]
    plotted = [row for row in regional if _ends(row)]
    left_out = tuple(f"{labels[row.document]}（{_why_left_out(row)}）" for row in regional if not _ends(row))
    conversions = tuple(sorted({row.conversion for row in plotted if row.conversion}))
    svg = ""
    if len(plotted) >= CHART_MINIMUM:
        notes = [f"单位：{unit}" + (f"；{'、'.join(conversions)}换算" if conversions else "") + "；区间画作线段，以上、以内画作箭头"]
        if left_out:
            notes.append("未绘入：" + "、".join(left_out))
        reference = next((_entry(row, "全国", regions) for row in national if _ends(row)), None)
        kinds = "、".join(dict.fromkeys(row.kind_name for row in rows))
        chart = Chart(
            title=title,
            unit=unit,
            entries=tuple(sorted((_entry(row, labels[row.document], regions) for row in plotted), key=lambda entry: (-(entry.low + entry.high), entry.label))),
            notes=tuple(notes),
            source=f"来源：{year}年各地{kinds}（{len(rows)}份文件提出此项目标）；政府计划文本库整理",
            stamp=f"{date} · {page_url}#{key}" if date else f"{page_url}#{key}",
            reference=reference,
        )
        svg = chart_svg(chart)
    section = IndicatorSection(
        key=key,
        label=label,
        unit=unit,
        count=len(rows),
        elsewhere=sum(1 for row in rows if row.source == TargetSource.ELSEWHERE.value),
        plotted=len(plotted) if svg else 0,
        left_out=left_out,
        conversions=conversions,
        title=title,
        svg=Markup(svg),
        svg_link=urls.relative_link(page, _chart_path(year, key)) if svg else "",
        svg_name=f"{title}.svg",
        png_link=urls.relative_link(page, _chart_path(year, key).removesuffix(".svg") + ".png") if svg and pictures else "",
    )
    return section, svg


def _entry(row: TargetRow, label: str, regions: RegionTable) -> ChartEntry:
    """A row of the table as a row of the chart (in the column's unit)."""
    low, high = _ends(row)
    return ChartEntry(
        label=label,
        region=row.region or row.title,
        text=row.text,
        comparator=Comparator(row.comparator),
        low=low,
        high=high,
        short=row.target,
        elsewhere=row.source == TargetSource.ELSEWHERE.value,
    )


def _why_left_out(row: TargetRow) -> str:
    """Why a target is not in its chart: a unit that does not convert, or no number."""
    if not row.standard_unit:
        return f"单位“{row.unit}”无法换算"
    return "未给出数值"


def _ends(row: TargetRow) -> tuple[Decimal, Decimal] | None:
    """A target's extent on the chart's axis, in the column's unit: (low, high) of a range, the value twice for a point."""
    if row.comparator == Comparator.RANGE.value:
        if row.standard_low is None or row.standard_high is None:
            return None
        return _decimal(str(row.standard_low)), _decimal(str(row.standard_high))
    if row.standard_value is None:
        return None
    value = _decimal(str(row.standard_value))
    return value, value


def _terms():
    """The canonical indicators by key."""
    return {term.key: term for term in data.indicator_terms()}


def _conversion(key: str, unit: str) -> _Conversion | None:
    """How a unit as written becomes the indicator's column unit; None when it cannot."""
    term = _terms().get(key)
    if term is None or not term.unit:
        return _Conversion(unit, Decimal(1), unit)
    if unit == term.unit:
        return _Conversion(unit, Decimal(1), unit)
    factor = _factor(unit, {term.unit: Decimal(1), **{written: Decimal(factor) for written, factor in term.conversions}})
    return _Conversion(term.unit, factor, unit) if factor else None


def _factor(unit: str, factors: dict[str, Decimal]) -> Decimal | None:
    """How many of the column's unit one ``unit`` makes: listed, or a listed unit with a magnitude
    before it (万亿斤 = 1万 × 亿斤 = 10000亿斤; 千万吨 = 1千万 × 吨), None when neither."""
    if unit in factors:
        return factors[unit]
    for magnitude, size in MAGNITUDES.items():
        if unit.startswith(magnitude) and unit[len(magnitude) :] in factors:
            return size * factors[unit[len(magnitude) :]]
    return None


def _decimal(text: str) -> Decimal | None:
    """A figure as written (5, 5.5, ５.５) as an exact number; None when there is none."""
    try:
        value = Decimal(_plain(text))
    except (InvalidOperation, TypeError):
        return None
    return value if value.is_finite() else None


def _json_number(value: Decimal | None) -> float | int | None:
    """An exact number as JSON gives it: 391 (not 391.0), 5.5."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(figure(value))


def _figure(value: Decimal | None) -> str:
    """A number as a reader writes it: 5, 5.5, 391 (no 5.0)."""
    return "" if value is None else figure(value)


def _plain(text: str) -> str:
    """Full-width figures and signs in their ordinary form: ５．５％ → 5.5%."""
    return unicodedata.normalize("NFKC", text or "")
