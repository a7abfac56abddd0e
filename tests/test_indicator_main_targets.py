"""Main targets across the genre: ranges, 以内, 按增长…安排, 经济增长, 主要目标是, 分别 lists of
incomes, this year's statement apart from last year's results, and canonical indicator keys."""

import pytest

from generator import data
from generator.extract.indicators import (
    extract_indicators,
    indicator_key,
    main_targets,
    written_target,
)
from generator.model import Comparator, Plan, PlanInfo

from .conftest import parse


def _report(*paragraphs: str) -> Plan:
    """A two-chapter report (a review, then this year's work) holding the given paragraphs in its second chapter."""
    body = "\n".join(f"    {paragraph}" for paragraph in paragraphs)
    document = parse(
        "    2026年某某省政府工作报告\n    一、2025年工作回顾\n    地区生产总值增长5.3%，城镇新增就业60万人。\n"
        f"    二、2026年工作安排\n{body}\n"
    )
    return Plan(PlanInfo("x"), document, indicators=extract_indicators(document))


def _main(*paragraphs: str) -> dict[str, tuple]:
    """key → (value or low–high, unit, comparator, name) of each main target."""
    return {
        t.key: (t.value or f"{t.low}–{t.high}", t.unit, t.comparator.value, t.name)
        for t in main_targets(_report(*paragraphs))
    }


@pytest.mark.parametrize(
    "written, low, high, unit",
    [
        ("5%—5.5%", "5", "5.5", "%"),
        ("5%-5.5%", "5", "5.5", "%"),
        ("4.5-5%", "4.5", "5", "%"),
        ("5.5%—6%", "5.5", "6", "%"),
        ("5%～5.5%", "5", "5.5", "%"),
        ("5%到5.5%", "5", "5.5", "%"),
        ("５％－５.５％", "５", "５.５", "％"),
    ],
)
def test_a_range_is_one_target_with_its_two_ends(written, low, high, unit):
    [target] = _report(f"主要预期目标是：地区生产总值增长{written}。").indicators
    assert (target.comparator, target.low, target.high, target.value, target.unit) == (Comparator.RANGE, low, high, "", unit)
    assert target.name == "地区生产总值" and target.key == "gdp_growth"


def test_a_range_is_written_with_a_dash_in_the_glossary():
    [target] = _report("主要预期目标是：地区生产总值增长4.5-5%。").indicators
    assert written_target(target) == "增长4.5%—5%"


def test_a_span_of_years_is_not_a_range():
    assert _report("主要预期目标是：2026—2030年地区生产总值增长5%。").indicators[0].comparator is Comparator.EXACT


def test_yinei_is_at_most():
    assert _main("主要预期目标是：城镇调查失业率控制在5.5%以内。")["unemployment_rate"] == ("5.5", "%", "at_most", "城镇调查失业率")


def test_an_target_set_at_a_growth_an_plan_is_exact_and_named_by_the_thing_before_an():
    assert _main("主要预期目标是：地区生产总值按增长5%安排。")["gdp_growth"] == ("5", "%", "exact", "地区生产总值")


def test_economic_growth_in_a_main_targets_statement_is_gdp_growth():
    assert _main("主要预期目标是：经济增长5%左右。")["gdp_growth"] == ("5", "%", "about", "经济")


def test_economic_growth_outside_the_statement_is_not_gdp_growth():
    assert [t.key for t in _report("数字经济增长10%。").indicators] == [""]


@pytest.mark.parametrize("opening", ["主要目标是：", "主要预期目标为：", "主要预期目标是：", "今年经济社会发展主要预期目标：", "主要目标为："])
def test_every_wording_opens_the_main_targets_statement(opening):
    assert _main(f"{opening}地区生产总值增长5%左右。")["gdp_growth"] == ("5", "%", "about", "地区生产总值")


def test_goals_for_five_years_are_not_this_years_main_targets():
    plan = _report("“十五五”时期全省经济社会发展主要目标是：地区生产总值年均增长5%。", "今年工作很重要。")
    assert main_targets(plan) == ()


def test_urban_and_rural_incomes_listed_with_fenbie_are_two_targets_with_their_own_names():
    found = _main("主要预期目标是：城镇、农村居民人均可支配收入分别增长4.5%、5.5%左右。")
    assert found["urban_income_growth"] == ("4.5", "%", "about", "城镇居民人均可支配收入")
    assert found["rural_income_growth"] == ("5.5", "%", "about", "农村居民人均可支配收入")


def test_fenbie_with_each_value_qualified():
    found = _main("主要预期目标是：城镇和农村常住居民人均可支配收入分别增长7%左右和8%左右。")
    assert found["urban_income_growth"][:3] == ("7", "%", "about")
    assert found["rural_income_growth"][:3] == ("8", "%", "about")


def test_last_years_results_beside_the_targets_are_never_main_targets():
    found = _main("主要预期目标是：地区生产总值增长5%左右。")
    assert found == {"gdp_growth": ("5", "%", "about", "地区生产总值")}


def test_last_years_result_in_the_same_paragraph_before_the_statement_is_not_a_main_target():
    found = _main("去年地区生产总值增长5.3%。今年主要预期目标是：地区生产总值增长5%左右，城镇新增就业50万人以上。")
    assert found["gdp_growth"][:3] == ("5", "%", "about") and found["new_urban_jobs"][:3] == ("50", "万人", "at_least")


def test_the_statement_may_stand_in_the_preamble():
    document = parse("2026年某某省国民经济和社会发展计划\n主要预期目标是：地区生产总值增长5%左右。\n一、重点工作\n推进工作。\n")
    plan = Plan(PlanInfo("x"), document, indicators=extract_indicators(document))
    assert [(t.key, t.value) for t in main_targets(plan)] == [("gdp_growth", "5")]


def test_one_main_target_per_key_in_document_order():
    plan = _report("主要预期目标是：城镇调查失业率5.5%左右，地区生产总值增长5%左右，全省地区生产总值增长6%。")
    assert [(t.key, t.value) for t in main_targets(plan)] == [("unemployment_rate", "5.5"), ("gdp_growth", "5")]


# --- generator/data/indicators.yml -----------------------------------------------------------------

REQUIRED_KEYS = (
    "gdp_growth", "unemployment_rate", "new_urban_jobs", "cpi_growth", "fixed_asset_investment", "retail_sales",
    "budget_revenue", "industrial_value_added", "trade", "grain_output", "income_growth", "carbon_intensity",
)  # fmt: skip


def test_the_vocabulary_has_the_librarys_keys_with_names_in_both_languages():
    terms = {term.key: term for term in data.indicator_terms()}
    assert set(REQUIRED_KEYS) <= set(terms)
    assert all(term.name and term.english and term.units and term.variants for term in terms.values())


def test_every_variant_resolves_to_its_key():
    for term in data.indicator_terms():
        unit = "万人" if "人" in term.units else "亿斤" if "斤" in term.units else "%"
        for variant in term.variants:
            assert indicator_key(variant, unit) == term.key, variant
        for variant in term.statement_variants:
            assert indicator_key(variant, unit, headline=True) == term.key, variant


def test_no_variant_names_two_keys():
    variants = [variant for term in data.indicator_terms() for variant in (*term.variants, *term.statement_variants)]
    assert len(variants) == len(set(variants))


@pytest.mark.parametrize(
    "name, unit, key",
    [
        ("全省地区生产总值", "%", "gdp_growth"),
        ("全市生产总值", "％", "gdp_growth"),
        ("地区生产总值", "亿元", ""),
        ("居民消费价格指数涨幅", "%", "cpi_growth"),
        ("单位地区生产总值二氧化碳排放降低", "%", "carbon_intensity"),
        ("规上工业增加值", "%", "industrial_value_added"),
        ("地方一般公共预算收入", "%", "budget_revenue"),
        ("粮食总产量", "万吨", "grain_output"),
        ("城镇新增就业", "%", ""),
        ("居民消费价格总水平上涨幅度", "%", "cpi_growth"),
    ],
)
def test_a_name_resolves_only_in_its_unit(name, unit, key):
    assert indicator_key(name, unit) == key


def test_urban_rural_income_with_fenbie_is_split_into_urban_and_rural():
    found = _main("主要预期目标是：城乡居民人均可支配收入分别增长5%、6.5%左右。")
    assert found["urban_income_growth"] == ("5", "%", "about", "城镇居民人均可支配收入")
    assert found["rural_income_growth"] == ("6.5", "%", "about", "农村居民人均可支配收入")


def test_the_three_sectors_listed_as_one_name_are_three_targets():
    targets = _report("主要预期目标是：其中一二三产增加值分别增长3.5%左右、6%左右、5%左右。").indicators
    assert [(t.name, t.value) for t in targets] == [("一产增加值", "3.5"), ("二产增加值", "6"), ("三产增加值", "5")]


def test_every_indicator_has_one_unit_and_its_conversions_name_units_it_is_written_in():
    for term in data.indicator_terms():
        assert term.unit and any(term.unit.endswith(ending) for ending in term.units), term.key
        for unit, factor in term.conversions:
            assert unit != term.unit and any(unit.endswith(ending) for ending in term.units), (term.key, unit)
            assert float(factor) > 0, (term.key, unit)


def test_grain_is_compared_in_yi_jin_and_a_wan_dun_is_a_fifth_of_one():
    grain = next(term for term in data.indicator_terms() if term.key == "grain_output")
    conversions = dict(grain.conversions)
    assert grain.unit == "亿斤" and conversions["万吨"] == "0.2" and conversions["亿公斤"] == "2" and conversions["吨"] == "0.00002"
