"""Charts: a readable axis, lines that fit the graphic, text escaped."""

from decimal import Decimal

from generator.library.charts import (
    WIDTH,
    Chart,
    ChartEntry,
    axis_range,
    chart_svg,
    text_width,
    ticks,
    wrap,
)
from generator.model import Comparator


def test_the_axis_starts_and_ends_on_round_numbers_around_the_values_never_below_zero_for_positive_ones():
    assert axis_range(Decimal("22"), Decimal("1600")) == (Decimal("0"), Decimal("2000"))
    assert axis_range(Decimal("4.5"), Decimal("7")) == (Decimal("4"), Decimal("7.5"))
    assert axis_range(Decimal("-0.5"), Decimal("2")) == (Decimal("-1.0"), Decimal("2.5"))
    assert ticks(Decimal("4"), Decimal("8")) == [Decimal(n) for n in (4, 5, 6, 7, 8)]


def test_long_lines_wrap_inside_the_graphic_keeping_an_address_whole():
    line = "来源：2026年各地政府工作报告、国民经济和社会发展计划（13份文件提出此项目标）；政府计划文本库整理"
    lines = wrap(line, 14, WIDTH)
    assert len(lines) == 2 and "".join(lines) == line and all(text_width(part, 14) <= WIDTH for part in lines)
    address = "2026年2月13日 · https://plans.example.org/compare/2026/#grain_output"
    assert any("https://plans.example.org/compare/2026/#grain_output" in part for part in wrap(address, 14, 300))


def test_document_text_in_a_chart_is_escaped():
    entry = ChartEntry("甲", "甲省", "<b>增长</b>5%", Comparator.EXACT, Decimal(5), Decimal(5), "5%")
    svg = chart_svg(Chart("标题", "%", (entry, entry, entry), (), "来源", "2026年1月1日"))
    assert "<b>" not in svg and "&lt;b&gt;" in svg
