"""Last year's results: read from a report's review for the canonical indicators, never confused with
five-year averages, totals, parts of the economy, parts of the year or this year's targets."""

from generator.extract.results import extract_results, review_clauses
from generator.model import Comparator, iter_clauses

from .conftest import parse


def _report(review: str, title: str = "一、2025年工作回顾", year: int = 2026) -> str:
    """A two-chapter work report whose first chapter reviews last year with ``review``."""
    return f"""\
    {year}年政府工作报告

    各位代表：

    {title}

    {review}

    二、{year}年重点工作

    今年主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。
"""


def _results(text: str, year: int = 2026) -> dict[str, tuple[str, int]]:
    """Each result found: key → (value, year)."""
    return {result.key: (result.value, result.year) for result in extract_results(parse(text), year)}


def test_gdp_unemployment_and_cpi_are_results_of_the_year_before_the_report():
    found = _results(_report("过去一年，全省地区生产总值5.3万亿元、增长5.5%，城镇调查失业率5.1%，居民消费价格上涨0.2%。"))
    assert found == {"gdp_growth": ("5.5", 2025), "unemployment_rate": ("5.1", 2025), "cpi_growth": ("0.2", 2025)}


def test_each_result_quotes_the_words_stating_it_in_its_clause():
    document = parse(_report("过去一年，全省地区生产总值5.3万亿元、增长5.5%，城镇调查失业率平均为5.1%。"))
    clauses = {clause.id: clause.text for clause in iter_clauses(document)}
    found = extract_results(document, 2026)
    assert [result.text for result in found] == ["全省地区生产总值5.3万亿元、增长5.5%", "城镇调查失业率平均为5.1%"]
    assert all(clauses[result.clause][result.start : result.end] == result.text for result in found)


def test_this_years_targets_are_not_results():
    assert "gdp_growth" not in _results(_report("过去一年，经济运行稳中有进。"))


def test_this_years_targets_stated_in_the_review_chapter_are_not_results():
    review = "过去一年，地区生产总值增长5.5%。今年是“十五五”开局之年。城镇调查失业率5.5%左右。主要预期目标是：居民消费价格涨幅2%左右。"
    assert _results(_report(review, "一、2025年工作回顾和2026年工作安排")) == {"gdp_growth": ("5.5", 2025)}


def test_a_target_met_is_not_the_result():
    assert _results(_report("过去一年，完成地区生产总值增长5%的预期目标，城镇调查失业率控制在5.5%的调控目标以内。")) == {}


def test_an_estimate_is_a_result():
    assert _results(_report("过去一年，全省地区生产总值预计增长5.4%左右。")) == {"gdp_growth": ("5.4", 2025)}


def test_a_five_year_average_is_not_a_result():
    assert _results(_report("过去一年，地区生产总值年均增长5.7%。")) == {}


def test_a_total_is_not_a_growth_result():
    assert _results(_report("过去一年，全省地区生产总值达到5.3万亿元。")) == {}


def test_growth_since_2020_is_not_a_result():
    assert _results(_report("过去一年，地区生产总值比2020年增长28%。")) == {}


def test_growth_since_the_end_of_the_last_plan_period_is_not_a_result():
    review = "过去一年，全省地区生产总值达到13697.5亿元，较“十三五”末的9323.1亿元增加4374.4亿元，增长33.6%。"
    assert _results(_report(review)) == {}


def test_a_part_of_the_economy_is_not_the_whole():
    review = "过去一年，县域经济增长5.5%以上，海洋生产总值增长6%，人均地区生产总值增长5%，民营经济增加值增长6.1%。"
    assert _results(_report(review)) == {}


def test_a_quarters_reading_beside_the_annual_one_is_not_the_result():
    assert _results(_report("过去一年，地区生产总值增长5.5%，其中一季度增长5.8%。"))["gdp_growth"] == ("5.5", 2025)
    assert _results(_report("过去一年，一季度地区生产总值增长5.8%，全年增长5.5%。"))["gdp_growth"] == ("5.5", 2025)


def test_a_year_end_reading_is_not_the_annual_result():
    assert _results(_report("过去一年，城镇调查失业率平均为5.2%，年末城镇调查失业率5.1%。")) == {"unemployment_rate": ("5.2", 2025)}
    assert _results(_report("过去一年，年末城镇调查失业率从上半年5.5%降到5.3%。")) == {}


def test_the_five_year_period_reviewed_beside_the_year_gives_no_results():
    review = """过去一年，地区生产总值增长5%。

    “十四五”时期是吉林高质量发展攻坚克难的五年。地区生产总值跨越3个千亿元台阶，达到1.5万亿元、增长19.8%。城镇调查失业率控制在5.5%以内。"""
    assert _results(_report(review, "一、工作回顾")) == {"gdp_growth": ("5", 2025)}


def test_a_review_that_begins_with_the_five_year_period_gives_last_years_results_after_it():
    review = """过去五年，地区生产总值年均增长5.9%，城镇调查失业率保持在5.5%以内。

    刚刚过去的2025年，全省生产总值增长5.6%。"""
    assert _results(_report(review, "一、“十四五”时期和2025年工作回顾")) == {"gdp_growth": ("5.6", 2025)}


def test_a_fall_is_a_negative_growth_result():
    found = _results(_report("过去一年，固定资产投资下降3.3%，进出口下降5.4%，CPI微降0.1%。"))
    assert found == {"fixed_asset_investment": ("-3.3", 2025), "trade": ("-5.4", 2025), "cpi_growth": ("-0.1", 2025)}


def test_prices_unchanged_are_a_result_of_zero():
    assert _results(_report("过去一年，居民消费价格与上年持平。")) == {"cpi_growth": ("0", 2025)}
    [result] = extract_results(parse(_report("过去一年，居民消费价格涨幅基本持平。")), 2026)
    assert (result.value, result.comparator, result.text) == ("0", Comparator.ABOUT, "居民消费价格涨幅基本持平")


def test_unemployment_is_read_as_a_level_not_a_change():
    assert _results(_report("过去一年，城镇调查失业率下降0.2个百分点。")) == {}
    [result] = extract_results(parse(_report("过去一年，城镇调查失业率控制在5%以内。")), 2026)
    assert (result.key, result.value, result.comparator, result.text) == ("unemployment_rate", "5", Comparator.AT_MOST, "城镇调查失业率控制在5%以内")


def test_a_quantity_result_is_the_level_not_a_change():
    found = _results(_report("过去一年，粮食产量增加39.7亿斤，粮食总产量1640.06亿斤，城镇新增就业35.8万人。"))
    assert found == {"grain_output": ("1640.06", 2025), "new_urban_jobs": ("35.8", 2025)}


def test_results_listed_with_respectively_go_to_each_name():
    found = _results(_report("过去一年，城镇、农村常住居民人均可支配收入分别增长4.4%、5.9%，城乡居民人均可支配收入分别增长5.3%、7%。"))
    assert found == {"urban_income_growth": ("4.4", 2025), "rural_income_growth": ("5.9", 2025)}


def test_rates_listed_without_respectively_go_to_each_name_too():
    found = _results(_report("过去一年，城镇、农村居民人均可支配收入增长4.4%、5.9%。"))
    assert found == {"urban_income_growth": ("4.4", 2025), "rural_income_growth": ("5.9", 2025)}


def test_a_result_continues_its_subject_across_a_comma():
    assert _results(_report("过去一年，全年实现地区生产总值5696亿元，增长5.3%，超过全国平均水平。")) == {"gdp_growth": ("5.3", 2025)}


def test_another_years_figure_is_not_the_result():
    assert _results(_report("过去一年，地区生产总值增长5.5%，2024年地区生产总值增长5.1%。")) == {"gdp_growth": ("5.5", 2025)}


def test_the_first_statement_of_an_indicator_is_its_result():
    review = "过去一年，地区生产总值增长5.5%。全年地区生产总值增长5.5%、高于全国。地区生产总值增长6%。"
    [result] = extract_results(parse(_report(review)), 2026)
    assert (result.clause, result.value) == ("1-0-1", "5.5")


def test_the_nations_review_names_its_year_and_its_gdp():
    review = "过去一年，国内生产总值达到134.9万亿元、增长5%，城镇调查失业率平均为5.1%，居民消费价格上涨0.2%。"
    found = _results(_report(review, "一、2024年工作回顾", 2025), 2025)
    assert found == {"gdp_growth": ("5", 2024), "unemployment_rate": ("5.1", 2024), "cpi_growth": ("0.2", 2024)}


def test_a_first_chapter_without_review_words_is_the_review():
    text = _report("2025年是“十四五”收官之年。初步统计，2025年全省地区生产总值60199.45亿元、增长5%。", "一、一年接着一年干，新福建建设持续取得新进展")
    assert _results(text) == {"gdp_growth": ("5", 2025)}


PREAMBLE_REVIEW = """\
    2026年政府工作报告

    各位代表：

    “十四五”时期发展成就和2025年工作回顾

    ——这五年综合经济实力大幅提升。地区生产总值年均增长5.5%。

    刚刚过去的2025年，地区生产总值增长4.7%、低于全国0.3个百分点。

    “十五五”时期主要目标和2026年重点工作

    2025年，我们将地区生产总值增长5%左右作为预期。

    一、把铸牢中华民族共同体意识作为民族地区各项工作的主线

    全面推进各项工作。
"""


def test_a_review_in_the_preamble_under_its_heading_ends_at_the_heading_looking_forward():
    assert _results(PREAMBLE_REVIEW) == {"gdp_growth": ("4.7", 2025)}


def _review_texts(text: str, year: int = 2026) -> list[str]:
    """The texts of the clauses review_clauses gives, in document order."""
    document = parse(text)
    review = review_clauses(document, year)
    return [clause.text for clause in iter_clauses(document) if clause.id in review]


def test_the_review_in_the_preamble_runs_from_its_heading_to_the_heading_looking_forward():
    text = PREAMBLE_REVIEW.replace("2025年，我们将地区生产总值增长5%左右作为预期。", "今年，地区生产总值增长5%左右。")
    assert _review_texts(text) == [
        "“十四五”时期发展成就和2025年工作回顾",
        "——这五年综合经济实力大幅提升。",
        "地区生产总值年均增长5.5%。",
        "刚刚过去的2025年，地区生产总值增长4.7%、低于全国0.3个百分点。",
    ]


def test_the_review_chapter_is_the_review_title_and_all():
    text = _report("过去一年，经济运行稳中有进。五年来，发展成就显著。")
    assert _review_texts(text) == ["一、2025年工作回顾", "过去一年，经济运行稳中有进。", "五年来，发展成就显著。"]


def test_a_first_chapter_without_review_words_is_the_review_where_it_speaks_of_the_year_reviewed():
    text = _report("2025年是“十四五”收官之年。五年来，发展成就显著。", "一、一年接着一年干，新福建建设持续取得新进展")
    assert _review_texts(text) == ["一、一年接着一年干，新福建建设持续取得新进展", "2025年是“十四五”收官之年。", "五年来，发展成就显著。"]


def test_a_plans_first_chapter_that_speaks_of_no_year_reviewed_is_no_review():
    text = """\
    2026年某某省国民经济和社会发展计划

    2026年经济社会发展的主要预期目标是：地区生产总值增长5%左右。

    一、扎实推进科技创新

    全社会研发经费投入增长8%。

    二、持续扩大内需

    社会消费品零售总额增长5%。
"""
    assert _review_texts(text) == []


def test_a_plan_reports_estimates_are_its_results_with_their_qualifier():
    text = """\
    关于2025年国民经济和社会发展计划执行情况与2026年国民经济和社会发展计划草案的报告

    各位代表：

    一、2025年国民经济和社会发展计划执行情况

    预计全年地区生产总值增长5.3%左右，城镇调查失业率5.2%左右。

    二、2026年经济社会发展总体要求和主要目标

    主要预期目标是：地区生产总值增长5%左右。
"""
    found = extract_results(parse(text), 2025)
    assert [(result.key, result.value, result.year, result.comparator) for result in found] == [
        ("gdp_growth", "5.3", 2025, Comparator.ABOUT),
        ("unemployment_rate", "5.2", 2025, Comparator.ABOUT),
    ]


def test_a_plan_without_a_review_states_no_results():
    text = """\
    2026年某某省国民经济和社会发展计划

    2026年经济社会发展的主要预期目标是：地区生产总值增长5%左右。

    一、扎实推进科技创新

    地区生产总值增长5%左右，全社会研发经费投入增长8%。
"""
    assert _results(text) == {}


def test_full_width_figures_are_read_as_numbers():
    [result] = extract_results(parse(_report("过去一年，地区生产总值增长５．５％。")), 2026)
    assert (result.value, result.unit, result.text) == ("5.5", "%", "地区生产总值增长５．５％")


def test_the_economy_as_a_whole_is_gdp_but_a_part_of_it_is_not():
    assert _results(_report("过去一年，全省经济增长5.5%，数字经济增长12%。")) == {"gdp_growth": ("5.5", 2025)}


def test_words_between_a_name_and_its_number_are_not_part_of_the_name():
    review = "过去一年，全年地区生产总值完成12345亿元，同比增长6%，城镇调查失业率保持在5.3%以下，居民消费价格指数（CPI）同比上涨0.3%。"
    found = extract_results(parse(_report(review)), 2026)
    assert [(result.key, result.name, result.value, result.comparator) for result in found] == [
        ("gdp_growth", "地区生产总值", "6", Comparator.EXACT),
        ("unemployment_rate", "城镇调查失业率", "5.3", Comparator.AT_MOST),
        ("cpi_growth", "居民消费价格指数（CPI）", "0.3", Comparator.EXACT),
    ]


def test_a_heading_naming_last_year_before_five_years_speaks_of_last_year_first():
    review = """过去一年，国内生产总值达到121万亿元，增长3%，年末城镇调查失业率降到5.5%，居民消费价格上涨2%。

    过去五年极不寻常、极不平凡。国内生产总值增加到121万亿元，年均增长5.2%。"""
    found = _results(_report(review, "一、过去一年和五年工作回顾", 2023), 2023)
    assert found == {"gdp_growth": ("3", 2022), "cpi_growth": ("2", 2022)}


def test_section_headings_say_which_period_their_section_speaks_of():
    review = """（一）2025年工作回顾

    全省地区生产总值增长5.5%。

    （二）“十四五”时期发展成就

    全省地区生产总值迈上新台阶，城镇调查失业率控制在5.5%以内，居民消费价格上涨1.5%。"""
    assert _results(_report(review, "一、工作回顾")) == {"gdp_growth": ("5.5", 2025)}
