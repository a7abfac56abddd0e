"""Charts: one indicator's targets by region as a standalone SVG, fit to embed in an article.

The same SVG is drawn in the comparison page and offered for download, so it carries everything a
reader of the graphic alone needs: a title, the unit (and any conversion), the national target as a
reference line, the source, the date and the page it comes from. Colours and type are presentation
attributes, not the site's stylesheet, so that the file looks the same anywhere.
"""

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from generator.model import Comparator
from generator.render.templating import escape_text

# Geometry in SVG user units: the chart fills the text column (about 690 px at 1280 px), so a unit
# is about a pixel there; type of 14 and more stays legible at that size.
WIDTH = 640
ROW_HEIGHT = 28
TITLE_SIZE = 19
LABEL_SIZE = 15
SMALL_SIZE = 14
LINE_GAP = 22
# White space around the chart, so that a downloaded picture does not end at its words.
PAD = 12
FONT_FAMILY = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif"
# Colours: text, quieter text, the grid, the marks (the site's red), the national reference (blue).
INK, QUIET, GRID, MARK, REFERENCE = "#1f1f1f", "#555555", "#dddddd", "#8c1d18", "#1f5fa8"
# The mark after a target stated outside the statement of main targets (the table's legend too).
ELSEWHERE_MARK = "※"


@dataclass(frozen=True, slots=True)
class ChartEntry:
    """A row of a chart: a document's target, in the chart's unit."""

    label: str  # 内蒙古, or 内蒙古·计划 where the region has two documents
    region: str  # the full name, for the row's tooltip
    text: str  # the target's words as written
    comparator: Comparator
    low: Decimal
    high: Decimal
    short: str  # the value beside the row: ≥391亿斤
    elsewhere: bool = False


@dataclass(frozen=True, slots=True)
class Chart:
    """What a chart shows and says: its entries (highest first), the national target, its notes."""

    title: str  # 2026年各地粮食产量目标
    unit: str
    entries: tuple[ChartEntry, ...]
    notes: tuple[str, ...]  # lines under the title: the unit, conversions
    source: str  # 来源：…
    stamp: str  # the date and the page's address
    reference: ChartEntry | None = None


def chart_svg(chart: Chart) -> str:
    """The chart as a standalone SVG document (no XML declaration: it is also inlined in the page)."""
    label_width = max(text_width(entry.label, LABEL_SIZE) for entry in chart.entries) + 14
    value_width = max(text_width(entry.short + ELSEWHERE_MARK, LABEL_SIZE) for entry in chart.entries) + 20
    plot_left, plot_right = label_width, WIDTH - value_width
    notes = [line for note in chart.notes for line in wrap(note, SMALL_SIZE, WIDTH)]
    footer = [chart.source, chart.stamp] + ([f"{ELSEWHERE_MARK} 在主要预期目标段落之外提出"] if any(e.elsewhere for e in chart.entries) else [])
    footer = [line for text in footer for line in wrap(text, SMALL_SIZE, WIDTH)]
    header = TITLE_SIZE + 14 + LINE_GAP * len(notes)
    axis_top = header + 22 + (LINE_GAP if chart.reference else 0)
    rows_top = axis_top + 10
    rows_bottom = rows_top + ROW_HEIGHT * len(chart.entries)
    height = rows_bottom + 16 + LINE_GAP * len(footer)
    ends = [value for entry in (*chart.entries, *((chart.reference,) if chart.reference else ())) for value in (entry.low, entry.high)]
    low, high = axis_range(min(ends), max(ends))

    def x(value: Decimal) -> str:
        return _coordinate(plot_left + float((value - low) / (high - low)) * (plot_right - plot_left))

    title = escape_text(chart.title)
    outer_width, outer_height = WIDTH + 2 * PAD, height + 2 * PAD
    parts = [
        f'<svg class="cmp-chart" xmlns="http://www.w3.org/2000/svg" viewBox="{-PAD} {-PAD} {outer_width} {outer_height}" '
        f'width="{outer_width}" height="{outer_height}" role="img" aria-label="{title}（数据见上表）" font-family="{FONT_FAMILY}">',
        f"<title>{title}</title>",
        f'<rect x="{-PAD}" y="{-PAD}" width="{outer_width}" height="{outer_height}" fill="#ffffff"/>',
        f'<text x="0" y="{TITLE_SIZE + 4}" font-size="{TITLE_SIZE}" font-weight="700" fill="{INK}">{title}</text>',
    ]
    for index, note in enumerate(notes):
        parts.append(f'<text x="0" y="{TITLE_SIZE + 4 + LINE_GAP * (index + 1)}" font-size="{SMALL_SIZE}" fill="{QUIET}">{escape_text(note)}</text>')
    for tick in ticks(low, high):
        parts.append(f'<line x1="{x(tick)}" y1="{axis_top + 4}" x2="{x(tick)}" y2="{rows_bottom}" stroke="{GRID}"/>')
        parts.append(f'<text x="{x(tick)}" y="{axis_top}" font-size="{SMALL_SIZE}" fill="{QUIET}" text-anchor="middle">{figure(tick)}{escape_text(chart.unit)}</text>')
    if chart.reference:
        parts.append(_reference(chart.reference, x, axis_top, rows_bottom))
    for index, entry in enumerate(chart.entries):
        parts.append(_row(entry, x, rows_top + ROW_HEIGHT * index + ROW_HEIGHT / 2, plot_left, plot_right))
    for index, line in enumerate(footer):
        parts.append(f'<text x="0" y="{rows_bottom + 10 + LINE_GAP * (index + 1)}" font-size="{SMALL_SIZE}" fill="{QUIET}">{escape_text(line)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def text_width(text: str, size: int) -> float:
    """About how wide a text is set at ``size``: a Chinese character (or full-width sign) a square,
    a Latin letter, figure or sign a little over half of one."""
    return sum(size if ord(char) > 0x2E7F else size * 0.6 for char in text)


def wrap(text: str, size: int, width: int) -> list[str]:
    """A text cut into lines no wider than ``width``: after a Chinese character or sign, or at a
    space, never inside a run of Latin letters and figures (an address stays whole)."""
    lines, line, used = [], "", 0.0
    for piece in _pieces(text):
        extent = text_width(piece, size)
        if line and used + extent > width:
            lines.append(line.rstrip())
            line, used = piece.lstrip(), text_width(piece.lstrip(), size)
        else:
            line, used = line + piece, used + extent
    if line:
        lines.append(line.rstrip())
    return lines


def _pieces(text: str) -> list[str]:
    """A text's unbreakable pieces: each Chinese character, each run of other characters up to a space."""
    pieces: list[str] = []
    for char in text:
        if ord(char) > 0x2E7F or not pieces or ord(pieces[-1][-1]) > 0x2E7F or pieces[-1].endswith(" "):
            pieces.append(char)
        else:
            pieces[-1] += char
    return pieces


def _row(entry: ChartEntry, x, y: float, plot_left: float, plot_right: float) -> str:
    """One region's row: its label, its mark (a bar for a range, a dot, an arrow the open way), its value."""
    middle = _coordinate(y)
    parts = [
        f"<g><title>{escape_text(entry.region)}：{escape_text(entry.text)}</title>",
        f'<text x="{_coordinate(plot_left - 8)}" y="{_coordinate(y + 5)}" font-size="{LABEL_SIZE}" fill="{INK}" text-anchor="end">{escape_text(entry.label)}</text>',
    ]
    if entry.comparator is Comparator.RANGE:
        parts.append(f'<line x1="{x(entry.low)}" y1="{middle}" x2="{x(entry.high)}" y2="{middle}" stroke="{MARK}" stroke-width="8" stroke-linecap="round"/>')
    else:
        point = x(entry.low)
        if entry.comparator in (Comparator.AT_LEAST, Comparator.MORE_THAN):
            parts.append(f'<path d="M{point} {middle}h12m-5 -5l5 5l-5 5" fill="none" stroke="{MARK}" stroke-width="1.6"/>')
        elif entry.comparator is Comparator.AT_MOST:
            parts.append(f'<path d="M{point} {middle}h-12m5 -5l-5 5l5 5" fill="none" stroke="{MARK}" stroke-width="1.6"/>')
        fill = "#ffffff" if entry.elsewhere else MARK
        parts.append(f'<circle cx="{point}" cy="{middle}" r="5" fill="{fill}" stroke="{MARK}" stroke-width="1.6"/>')
    mark = ELSEWHERE_MARK if entry.elsewhere else ""
    parts.append(f'<text x="{_coordinate(plot_right + 16)}" y="{_coordinate(y + 5)}" font-size="{LABEL_SIZE}" fill="{INK}">{escape_text(entry.short)}{mark}</text></g>')
    return "".join(parts)


def _reference(entry: ChartEntry, x, axis_top: int, bottom: int) -> str:
    """The national target across the plot: a dashed line at its value (a band for a range), named above."""
    left, right = x(entry.low), x(entry.high)
    parts = [f"<g><title>{escape_text(entry.region)}：{escape_text(entry.text)}</title>"]
    if entry.low != entry.high:
        parts.append(f'<rect x="{left}" y="{axis_top + 4}" width="{_coordinate(float(right) - float(left))}" height="{bottom - axis_top - 4}" fill="{REFERENCE}" fill-opacity="0.12"/>')
    for end in dict.fromkeys((left, right)):
        parts.append(f'<line x1="{end}" y1="{axis_top + 4}" x2="{end}" y2="{bottom}" stroke="{REFERENCE}" stroke-width="1.5" stroke-dasharray="5 4"/>')
    parts.append(
        f'<text x="{left}" y="{axis_top - LINE_GAP}" font-size="{SMALL_SIZE}" fill="{REFERENCE}" text-anchor="middle">{escape_text(entry.label)} {escape_text(entry.short)}</text></g>'
    )
    return "".join(parts)


def axis_range(low: Decimal, high: Decimal) -> tuple[Decimal, Decimal]:
    """A readable axis around the values: from a round number below the lowest to one above the
    highest, a tenth of a step of room on either side (no mark on the chart's edge), never below
    zero for values that are not."""
    step = tick_step(high - low)
    room = step / 10
    start = _floor((low - room) / step) * step
    end = -_floor(-(high + room) / step) * step
    return (max(start, Decimal(0)) if low >= 0 else start), end


def _floor(value: Decimal) -> Decimal:
    """The largest whole number not above ``value``."""
    return value.to_integral_value(rounding=ROUND_FLOOR)


def tick_step(span: Decimal) -> Decimal:
    """A tick step for a span: 0.5, 1, 2, 5, 10, 20, 50…, at most six steps across."""
    step = Decimal("0.1")
    while True:
        for multiple in (1, 2, 5):
            if span / (step * multiple) <= 6:
                return step * multiple
        step *= 10


def ticks(low: Decimal, high: Decimal) -> list[Decimal]:
    """The axis' ticks from ``low`` to ``high``."""
    step = tick_step(high - low)
    found, tick = [], low
    while tick <= high:
        found.append(tick)
        tick += step
    return found


def figure(value: Decimal) -> str:
    """A number as a reader writes it: 5, 5.5, 391 (no 5.0, no exponent)."""
    text = format(value.normalize(), "f")
    return text


def _coordinate(value) -> str:
    """A coordinate to one decimal place, without a trailing .0."""
    text = f"{float(value):.1f}"
    return text[:-2] if text.endswith(".0") else text
