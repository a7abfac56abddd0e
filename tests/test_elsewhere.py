"""Targets stated elsewhere: an indicator the statement of main targets leaves out, stated for the
year in the year's plans (Beijing's 城镇新增就业不少于28万人 in its clause on employment)."""

from generator.extract.elsewhere import targets_elsewhere
from generator.extract.indicators import extract_indicators, main_targets
from generator.model import DocumentMeta, Plan, PlanInfo

from .conftest import parse


def _report(*sections: str, review: str = "地区生产总值增长5.3%，城镇新增就业60万人。") -> Plan:
    """A report: a review of 2025, then 2026's work, whose sections hold the given paragraphs."""
    body = "\n".join(f"    （{'一二三四五'[index]}）{section}" for index, section in enumerate(sections))
    document = parse(f"    2026年某某省政府工作报告\n    一、2025年工作回顾\n    {review}\n    二、2026年工作安排\n{body}\n")
    return Plan(PlanInfo("x"), document, meta=DocumentMeta(year=2026), indicators=extract_indicators(document))


def _elsewhere(plan: Plan) -> dict[str, tuple[str, str]]:
    return {target.key: (target.clause, target.text) for target in targets_elsewhere(plan, main_targets(plan))}


STATEMENT = "总体考虑。主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%左右。"


def test_a_target_stated_in_the_years_work_outside_the_statement_is_found_with_its_clause():
    plan = _report(STATEMENT, "稳就业。实施稳岗扩容提质行动，城镇新增就业不少于28万人。")
    assert _elsewhere(plan) == {"new_urban_jobs": ("2-2-1", "城镇新增就业不少于28万人")}


def test_an_indicator_of_the_statement_is_never_taken_from_elsewhere():
    plan = _report(STATEMENT, "稳增长。力争地区生产总值增长6%。")
    assert _elsewhere(plan) == {}


def test_the_first_statement_elsewhere_counts():
    plan = _report(STATEMENT, "稳就业。城镇新增就业30万人。", "兜底线。城镇新增就业不少于35万人。")
    assert _elsewhere(plan) == {"new_urban_jobs": ("2-2-1", "城镇新增就业30万人")}


def test_a_result_of_the_review_is_not_a_target():
    plan = _report(STATEMENT, "稳就业。做好重点群体就业。")
    assert _elsewhere(plan) == {}


def test_a_target_over_several_years_or_for_another_year_is_not_this_years():
    plan = _report(
        STATEMENT,
        "展望。居民人均可支配收入年均增长5%以上。",
        "远景。到2030年，粮食产量达到1300亿斤。",
        "开放。“十五五”时期进出口总额累计增长20%。",
    )
    assert _elsewhere(plan) == {}


def test_a_target_stated_before_the_statement_is_not_this_years():
    plan = _report("规划建议。全体居民人均可支配收入增长5%以上。", STATEMENT)
    assert _elsewhere(plan) == {}


def test_without_a_statement_the_years_chapters_are_read():
    plan = _report("稳就业。城镇新增就业28万人以上。")
    assert _elsewhere(plan) == {"new_urban_jobs": ("2-1-1", "城镇新增就业28万人以上")}
