"""Outline targets (extract/outline.py): the main-indicators table's rows, dated prose targets, main
targets, boxes' items as projects — read from synthetic outlines in two formats (tests/fixtures/outlines/)."""

import functools
import textwrap
from pathlib import Path

import pytest

from generator.extract.indicators import main_targets, written_target
from generator.extract.outline import outline_main_targets, period_name
from generator.model import Accumulation, Attribute, Comparator, IndicatorKind
from generator.sources import load_plan

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "outlines"
# A web page's copy: its table flattened one cell a line, boxes of 01 and （一） items.
NATIONAL = FIXTURES / "national-web.txt"
# A Markdown copy: a pipe table, boxes in quotes with 1. items, a title on the line under 专栏3.
PROVINCIAL = FIXTURES / "jiangsu-markdown.txt"


@functools.cache
def _plan(path: Path):
    return load_plan(path)


def _target(path: Path, target_id: str):
    return next(indicator for indicator in _plan(path).indicators if indicator.id == target_id)


def _outline(tmp_path, body: str):
    """A small outline (a plain copy) loaded as the build loads it."""
    path = tmp_path / "outline.txt"
    path.write_text("某某省国民经济和社会发展第十五个五年规划纲要\n" + textwrap.dedent(body), encoding="utf-8")
    return load_plan(path)


def test_a_table_row_is_a_target_with_its_base_target_year_period_and_attribute():
    target = _target(NATIONAL, "b1-3-t1")
    assert (target.name, target.unit, target.value, target.comparator) == ("常住人口城镇化率", "%", "71", Comparator.EXACT)
    assert (target.base, target.base_year) == ("67.5", 2025)
    assert (target.year, target.period_start, target.period_end) == (2030, 2026, 2030)
    assert target.accumulation is Accumulation.IN_YEAR
    assert target.attribute is Attribute.EXPECTED and target.category == "经济发展"
    assert target.clause == "b1-3" and target.text == "71" and target.headline


def test_bracketed_values_are_cumulative_and_the_yearly_column_yearly_averages():
    carbon = _target(NATIONAL, "b1-8-t1")
    assert (carbon.value, carbon.accumulation, carbon.attribute) == ("17", Accumulation.CUMULATIVE, Attribute.BINDING)
    assert carbon.kind is IndicatorKind.GROWTH
    research = _target(NATIONAL, "b1-4-t1")
    assert (research.value, research.comparator, research.accumulation) == ("7", Comparator.MORE_THAN, Accumulation.ANNUAL_AVERAGE)
    assert written_target(research) == ">7%"
    assert research.base == "" and research.base_year == 0


def test_a_starred_base_is_of_the_year_the_notes_name():
    life = _target(NATIONAL, "b1-7-t1")
    assert (life.base, life.base_year, life.value, life.unit) == ("79.0", 2024, "1", "岁")


def test_a_target_in_words_keeps_its_words():
    growth = _target(NATIONAL, "b1-1-t1")
    assert growth.value == "" and written_target(growth) == "保持在合理区间、各年度视情提出"
    assert growth.text == "保持在合理区间、各年度视情提出"


def test_a_markdown_tables_rows_are_targets_too():
    gdp = _target(PROVINCIAL, "b1-1-t1")
    assert (gdp.key, gdp.value, gdp.comparator, gdp.accumulation) == ("gdp_growth", "5", Comparator.ABOUT, Accumulation.ANNUAL_AVERAGE)
    assert (gdp.base, gdp.base_year) == ("5.5", 2025)
    energy = _target(PROVINCIAL, "b1-5-t1")
    assert (energy.value, energy.comparator, energy.accumulation, energy.attribute) == (
        "12", Comparator.ABOUT, Accumulation.CUMULATIVE, Attribute.BINDING
    )  # fmt: skip
    unemployment = _target(PROVINCIAL, "b1-4-t1")
    assert (unemployment.value, unemployment.comparator, unemployment.category) == ("5", Comparator.AT_MOST, "民生福祉")


def test_prose_targets_carry_the_outlines_last_year_and_how_they_count():
    targets = {target.text: target for target in _plan(NATIONAL).indicators if not target.clause.startswith("b")}
    research = targets["全社会研发经费投入年均增长7%以上"]
    assert (research.year, research.period_start, research.period_end) == (2030, 2026, 2030)
    assert research.accumulation is Accumulation.ANNUAL_AVERAGE
    assert targets["单位国内生产总值二氧化碳排放降低17%"].accumulation is Accumulation.CUMULATIVE
    assert targets["单位国内生产总值能源消耗累计降低10%左右"].accumulation is Accumulation.CUMULATIVE
    assert targets["非化石能源消费比重稳定在25%以上"].accumulation is Accumulation.IN_YEAR


def test_a_prose_target_is_for_the_year_its_sentence_names(tmp_path):
    plan = _outline(
        tmp_path,
        """\
        第一章　主要目标
        到2035年，人均地区生产总值达到3万美元，城镇化率达到80%。单位地区生产总值能耗比2020年下降20%。
        第二章　重点任务
        第一节　发展产业
        新建5G基站10万个。
        """,
    )
    years = {target.text: target.year for target in plan.indicators}
    assert years["人均地区生产总值达到3万美元"] == 2035 and years["城镇化率达到80%"] == 2035
    assert years["单位地区生产总值能耗比2020年下降20%"] == 2030  # 比2020年: a base, not the year it is for
    assert years["新建5G基站10万个"] == 2030


def test_results_the_outline_reviews_are_no_targets(tmp_path):
    plan = _outline(
        tmp_path,
        """\
        第一章　发展基础
        全省地区生产总值突破6万亿元，城镇新增就业累计达到500万人。
        第二章　主要目标
        “十四五”时期，居民人均可支配收入年均增长5.6%。“十五五”时期，居民人均可支配收入年均增长5%以上。
        """,
    )
    assert [target.text for target in plan.indicators] == ["居民人均可支配收入年均增长5%以上"]


def test_reports_targets_carry_no_period():
    report = load_plan(Path(__file__).resolve().parent.parent / "seeds" / "2026-beijing-gov-work-report.txt")
    assert report.indicators and all(
        (target.year, target.period_start, target.accumulation, target.attribute) == (0, 0, None, None) for target in report.indicators
    )


def test_an_outlines_main_targets_are_its_tables_rows():
    plan = _plan(NATIONAL)
    assert [target.clause for target in outline_main_targets(plan)] == [f"b1-{row}" for row in range(1, 12)]
    # An outline sets no targets for one year: the annual comparison takes none of them.
    assert main_targets(plan) == ()


def test_without_a_table_an_outlines_main_targets_are_its_main_target_chapters(tmp_path):
    plan = _outline(
        tmp_path,
        """\
        第一章　发展环境
        第一节　发展机遇
        机遇和挑战并存，新建5G基站10万个。
        第二章　主要目标
        全社会研发经费投入年均增长7%以上，城镇调查失业率低于5.5%。
        第三章　重点任务
        建成高标准农田1000万亩。
        """,
    )
    assert [target.name for target in outline_main_targets(plan)] == ["全社会研发经费投入", "城镇调查失业率"]


def test_box_items_are_projects_in_the_category_their_box_names():
    projects = {entry.name: entry for entry in _plan(NATIONAL).index.projects}
    assert projects["新一代人工智能"].category == "science"
    assert projects["工业设计中心"].category == "industry"
    assert projects["抽水蓄能电站"].category == "energy"
    assert any(mention.clause == "b2-1" for mention in projects["新一代人工智能"].mentions)
    markdown = {entry.name: entry.category for entry in _plan(PROVINCIAL).index.projects}
    assert markdown["紫金山实验室"] == "science" and markdown["第三代半导体"] == "science"


@pytest.mark.parametrize(
    ("start", "end", "name"),
    [(2026, 2030, "“十五五”"), (2021, 2025, "“十四五”"), (2001, 2005, "“十五”"), (2031, 2035, "“十六五”"), (2027, 2031, "2027—2031年")],
)
def test_a_period_is_named_as_readers_name_it(start, end, name):
    assert period_name(start, end) == name


def test_a_table_with_number_and_unit_columns_and_spaced_headings_is_read(tmp_path):
    rows = "\n".join(
        "\t".join(cells)
        for cells in (
            ("类　别", "序号", "指　标", "单位", "2020年", "2025年", "年均/累计", "属　性"),
            ("经济发展", "1", "地区生产总值（GDP）增长", "%", "3.7", "—", "6左右", "预期性"),
            ("2", "常住人口城镇化率", "%", "60.6*", "65", "—", "预期性"),
            ("绿色生态", "3", "森林覆盖率", "%", "23.2", "24.1", "—", "约束性"),
        )
    )
    plan = _outline(
        tmp_path,
        f"""\
        第一章　主要目标
        “十四五”时期全省经济社会发展主要目标如下。
        专栏1　“十四五”时期经济社会发展主要指标
        {rows}
        注：带*的为2019年数据。
        第二章　重点任务
        建成高标准农田100万亩。
        """.replace("\n        ", "\n"),
    )
    targets = {target.clause: target for target in plan.indicators if target.clause.startswith("b1")}
    gdp, towns, forest = targets["b1-1"], targets["b1-2"], targets["b1-3"]
    assert (gdp.name, gdp.key, gdp.value, gdp.comparator, gdp.accumulation) == (
        "地区生产总值（GDP）增长", "gdp_growth", "6", Comparator.ABOUT, Accumulation.ANNUAL_AVERAGE
    )  # fmt: skip
    assert (gdp.base, gdp.base_year, gdp.year, gdp.period_start) == ("3.7", 2020, 2025, 2021)
    assert (towns.unit, towns.value, towns.base, towns.base_year, towns.category) == ("%", "65", "60.6", 2019, "经济发展")
    assert (forest.value, forest.attribute, forest.category) == ("24.1", Attribute.BINDING, "绿色生态")
