"""Finding quantitative targets: one rule per test, then accuracy against hand annotations."""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.extract.indicators import (
    extract_indicators,
    headline_clauses,
    tooltip,
    written_target,
)
from generator.model import Comparator, IndicatorKind, iter_clauses
from generator.read import editorial

from .conftest import ROOT, SEED, parse

ANNOTATIONS = Path(__file__).resolve().parent / "annotations"
SEEDS = ROOT / "seeds"


def _plan(body: str, preamble: str = ""):
    """A one-chapter plan whose chapter holds ``body`` (one paragraph per line)."""
    lines = "\n".join(f"  {line}" for line in body.splitlines() if line.strip())
    opening = f"  {preamble}\n\n" if preamble else ""
    return parse(f"2026年某某省国民经济和社会发展计划\n\n{opening}  一、重点工作\n\n{lines}\n")


def _targets(body: str, preamble: str = ""):
    return extract_indicators(_plan(body, preamble))


def _facts(indicators):
    """(name, value, unit, comparator) of each target, in order."""
    return [(i.name, i.value, i.unit, i.comparator.value) for i in indicators]


# --- Comparators ---------------------------------------------------------------------------------


def test_zuoyou_is_about_and_zengzhang_makes_a_growth_rate():
    [target] = _targets("地区生产总值增长5%左右。")
    assert _facts([target]) == [("地区生产总值", "5", "%", "about")]
    assert target.kind is IndicatorKind.GROWTH


def test_yishang_is_at_least():
    assert _facts(_targets("城镇新增就业18万人以上。")) == [("城镇新增就业", "18", "万人", "at_least")]


def test_budiyu_is_at_least():
    assert _facts(_targets("粮食综合生产能力不低于700亿斤。")) == [("粮食综合生产能力", "700", "亿斤", "at_least")]


def test_chaoguo_is_more_than():
    assert _facts(_targets("粮食产量超过840亿斤。")) == [("粮食产量", "840", "亿斤", "more_than")]


def test_kongzhizai_yinei_is_at_most():
    assert _facts(_targets("城镇调查失业率控制在5.5%以内。")) == [("城镇调查失业率", "5.5", "%", "at_most")]


def test_buchaoguo_is_at_most():
    assert _facts(_targets("单位地区生产总值能耗不超过0.8吨。")) == [("单位地区生产总值能耗", "0.8", "吨", "at_most")]


def test_yixia_is_at_most():
    assert _facts(_targets("细颗粒物平均浓度30微克/立方米以下。")) == [("细颗粒物平均浓度", "30", "微克/立方米", "at_most")]


def test_kongzhizai_with_zuoyou_is_about():
    assert _facts(_targets("城镇调查失业率控制在5.5%左右。")) == [("城镇调查失业率", "5.5", "%", "about")]


@pytest.mark.parametrize("effort", ["力争", "争取", "努力"])
def test_striving_alone_is_exact(effort):
    assert _facts(_targets(f"{effort}口岸货运量达到1.4亿吨。")) == [("口岸货运量", "1.4", "亿吨", "exact")]


def test_no_qualifier_is_exact():
    assert _facts(_targets("完成生态建设任务4000万亩。")) == [("生态建设任务", "4000", "万亩", "exact")]


def test_duo_before_the_unit_is_more_than():
    assert _facts(_targets("实施重大项目1900多个。")) == [("重大项目", "1900", "个", "more_than")]


# --- 分别 and several targets ---------------------------------------------------------------------


def test_fenbie_gives_one_target_per_name_and_the_last_qualifier_covers_all():
    targets = _targets("育肥牛、育肥羊出栏数分别达到180万头和4000万只以上。")
    assert _facts(targets) == [("育肥牛出栏数", "180", "万头", "at_least"), ("育肥羊出栏数", "4000", "万只", "at_least")]


def test_fenbie_values_keep_their_own_qualifiers():
    targets = _targets("一产、二产、三产增加值分别增长5%左右、5%以上、5%左右。")
    assert [(t.name, t.comparator.value) for t in targets] == [("一产增加值", "about"), ("二产增加值", "at_least"), ("三产增加值", "about")]
    assert {t.kind for t in targets} == {IndicatorKind.GROWTH}


def test_fenbie_values_take_the_unit_written_last():
    assert _facts(_targets("城镇、农村居民人均可支配收入分别达到5、2万元。")) == [
        ("城镇居民人均可支配收入", "5", "万元", "exact"),
        ("农村居民人均可支配收入", "2", "万元", "exact"),
    ]


def test_jun_gives_the_one_value_to_every_name():
    assert _facts(_targets("力争游客人次、旅游花费均增长10%以上。")) == [
        ("游客人次", "10", "%", "at_least"),
        ("旅游花费", "10", "%", "at_least"),
    ]


def test_several_targets_in_one_sentence():
    targets = _targets("实施重大项目3600个左右,完成建设投资1万亿元以上。")
    assert _facts(targets) == [("重大项目", "3600", "个", "about"), ("建设投资", "1", "万亿元", "at_least")]


def test_listed_counts_are_separate_targets():
    assert _facts(_targets("培育50家先进级智能工厂、新建90家绿色工厂。")) == [
        ("先进级智能工厂", "50", "家", "exact"),
        ("绿色工厂", "90", "家", "exact"),
    ]


# --- Numbers and units ----------------------------------------------------------------------------


def test_decimals_are_kept_as_written():
    assert _facts(_targets("煤炭产量稳定在12.50亿吨以上。")) == [("煤炭产量", "12.50", "亿吨", "at_least")]


def test_wan_and_yi_stay_in_the_unit():
    targets = _targets("区内消纳新能源2000亿千瓦时以上,新建改扩建牲畜棚圈500万平方米以上。")
    assert [(t.value, t.unit) for t in targets] == [("2000", "亿千瓦时"), ("500", "万平方米")]


def test_full_width_percent_and_digits_are_read_as_written():
    assert _facts(_targets("地区生产总值增长５．５％左右,居民消费价格涨幅2％左右。")) == [
        ("地区生产总值", "５．５", "％", "about"),
        ("居民消费价格涨幅", "2", "％", "about"),
    ]


def test_money_is_an_amount():
    [target] = _targets("投入帮扶资金90亿元以上。")
    assert (target.name, target.kind) == ("帮扶资金", IndicatorKind.AMOUNT)


def test_things_counted_are_a_count():
    [target] = _targets("建成7个标准化营销中心。")
    assert (target.name, target.kind) == ("标准化营销中心", IndicatorKind.COUNT)


def test_a_rate_without_a_change_is_a_level():
    [target] = _targets("城镇调查失业率5.7%左右。")
    assert target.kind is IndicatorKind.LEVEL


def test_a_bare_measure_takes_its_subject_from_the_phrase_before():
    [target] = _targets("发展林草产业,力争产值达到1200亿元。")
    assert (target.name, target.comparator) == ("林草产业产值", Comparator.EXACT)


# --- Specifications and what is not a target -------------------------------------------------------


def test_a_count_of_things_with_a_rating_is_the_count():
    assert _facts(_targets("新建20个500千伏输变电工程。")) == [("500千伏输变电工程", "20", "个", "exact")]


def test_a_capacity_before_a_counted_thing_is_a_specification():
    assert _facts(_targets("建设生产能力5000万株以上现代设施集约化育苗中心4个。")) == [
        ("现代设施集约化育苗中心", "4", "个", "exact")
    ]


def test_a_size_class_is_not_a_qualifier():
    assert _facts(_targets("开展300条中型以上侵蚀沟治理。")) == [("中型以上侵蚀沟治理", "300", "条", "exact")]


def test_an_age_describing_people_is_not_a_target():
    assert _targets("开展6岁儿童孤独症筛查。") == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "承办2026年全国生态日主场活动。",
        "上半年拟开工重大项目在3月底前办结前期手续。",
        "编写内蒙古自治区成立80年民族团结进步事业经验和启示丛书。",
        "稳妥推进第二轮土地承包到期后再延长30年试点。",
        "做好3个月内的准备工作。",
    ],
)
def test_years_dates_and_durations_are_not_targets(sentence):
    assert _targets(sentence) == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "编制“十五五”碳达峰行动方案。",
        "高质量办好第四届国家向北开放经贸商洽会。",
        "办好自治区第16届运动会。",
        "完成引绰济辽及二期工程建设。",
        "进入全国前10名。",
        "重点做好以下10个方面工作。",
        "成为全国4个省份之一。",
    ],
)
def test_ordinals_and_ranks_are_not_targets(sentence):
    assert _targets(sentence) == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "广泛开展“三个离不开”、“四个与共”等理念教育。",
        "实施好“十大民生工程”。",
        "按照自治区党委“1571”工作部署推进。",
        "贯彻《2026年10万人培训计划》。",
    ],
)
def test_slogans_and_quoted_titles_are_not_targets(sentence):
    assert _targets(sentence) == ()


def test_the_document_number_and_image_names_are_not_targets():
    document = parse(
        """\
        某某省人民政府关于下达2026年国民经济和社会发展计划的通知

        某政发〔2026〕5号

        各市人民政府、省各厅局:

          现将《2026年某某省国民经济和社会发展计划》印发给你们。

        2026年2月13日

        2026年某某省国民经济和社会发展计划

          一、重点工作

          推进重点项目建设。

        _DSC2271.png

          二、保障措施

          加强组织领导。
        """
    )
    assert extract_indicators(document) == ()


# --- Spans, IDs, headline, chapters looking back ---------------------------------------------------


def test_each_target_keeps_its_exact_source_span():
    document = _plan("重点推进沿黄岸线180公里流沙系统治理,粮食播种面积稳定在1亿亩以上。")
    clause = next(c for c in iter_clauses(document) if c.id == "1-0-1")
    targets = extract_indicators(document)
    assert [t.text for t in targets] == ["180公里流沙系统治理", "粮食播种面积稳定在1亿亩以上"]
    assert all(clause.text[t.start : t.end] == t.text for t in targets)


def test_ids_number_the_targets_of_each_clause():
    targets = _targets("城镇调查失业率5.7%左右,城镇新增就业18万人以上。\n粮食产量超过840亿斤。")
    assert [t.id for t in targets] == ["1-0-1-t1", "1-0-1-t2", "1-0-2-t1"]


def test_the_main_targets_paragraph_of_the_preamble_is_headline():
    targets = _targets("煤炭产量稳定在12.5亿吨以上。", preamble="2026年主要预期目标是:地区生产总值增长5%左右;粮食产量超过840亿斤。")
    assert [(t.name, t.headline) for t in targets] == [("地区生产总值", True), ("粮食产量", True), ("煤炭产量", False)]


def test_main_targets_inside_a_chapter_are_found_by_their_wording():
    document = _plan("做好全年工作。主要预期目标为：地区生产总值增长4.5%左右。城镇新增就业50万人以上。\n新建农村公路5000公里。")
    assert [c.id for c in headline_clauses(document)] == ["1-0-2", "1-0-3"]
    assert [(t.name, t.headline) for t in extract_indicators(document)] == [
        ("地区生产总值", True),
        ("城镇新增就业", True),
        ("新建农村公路", False),
    ]


def test_a_chapter_looking_back_reports_results_not_targets():
    document = parse(
        """\
        2026年政府工作报告

          一、2025年工作回顾

          地区生产总值增长5.4%。

          二、2026年重点工作

          地区生产总值增长5%左右。
        """
    )
    assert [t.clause for t in extract_indicators(document)] == ["2-0-1"]


def test_a_plan_chapter_reporting_last_year_is_not_read_for_targets():
    document = parse(
        """\
        2026年某某省国民经济和社会发展计划

          一、2025年国民经济和社会发展计划执行情况

          粮食产量达到800亿斤。

          二、2026年主要任务

          粮食产量超过840亿斤。
        """
    )
    assert [t.value for t in extract_indicators(document)] == ["840"]


def test_a_clause_dated_before_the_plans_year_reports_the_past():
    assert _targets("2025年4月1日,省政府印发若干政策措施,提出21条措施。") == ()


def test_an_earlier_year_as_a_base_of_comparison_keeps_the_target():
    assert _facts(_targets("地区生产总值比2025年增长5%左右。")) == [("地区生产总值", "5", "%", "about")]


def test_all_of_a_kind_is_not_a_target():
    assert _targets("推动全区12个盟市协调发展。") == ()


def test_targets_are_written_the_chinese_way():
    written = [written_target(t) for t in _targets("城镇新增就业18万人以上,地区生产总值增长5%左右,粮食产量超过840亿斤,失业率控制在5.5%以内,居民消费价格涨幅2%左右,完成任务4000万亩。")]
    assert written == ["≥18万人", "增长约5%", ">840亿斤", "≤5.5%", "约2%", "4000万亩"]


def test_the_tooltip_names_the_quantity_and_its_target():
    [target] = _targets("城镇新增就业18万人以上。")
    assert tooltip(target) == "城镇新增就业 ≥18万人"


# --- Accuracy against hand annotations -------------------------------------------------------------


def _seed_targets():
    from generator.read.ingest import decode, ingest
    from generator.read.parse import parse_plan

    document = parse_plan(ingest(decode(SEED.read_bytes())))
    curation_file = SEED.with_name(SEED.stem + ".indicators.yml")
    return extract_indicators(document, editorial.indicator_curation(curation_file.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def seed_scores():
    """Extraction of the seed scored against tests/annotations/nmg-2026-plan.targets.yml: targets
    match on clause, value and unit; then comparators, names and kinds are compared."""
    annotated = yaml.safe_load((ANNOTATIONS / "nmg-2026-plan.targets.yml").read_text(encoding="utf-8"))
    found = _seed_targets()
    expected = Counter((a["clause"], a["value"], a["unit"]) for a in annotated)
    got = Counter((t.clause, t.value, t.unit) for t in found)
    matched = sum((expected & got).values())
    waiting: dict[tuple, list] = {}
    for a in annotated:
        waiting.setdefault((a["clause"], a["value"], a["unit"]), []).append(a)
    pairs = [(waiting[key].pop(0), t) for t in found if waiting.get(key := (t.clause, t.value, t.unit))]
    return {
        "recall": matched / sum(expected.values()),
        "precision": matched / sum(got.values()),
        "comparator": sum(a["comparator"] == t.comparator.value for a, t in pairs) / len(pairs),
        "name": sum(a["name"] == t.name for a, t in pairs) / len(pairs),
        "kind": sum(a["kind"] == t.kind.value for a, t in pairs) / len(pairs),
        "headline": sum(a.get("headline", False) == t.headline for a, t in pairs) / len(pairs),
        "missed": sorted(expected - got),
        "extra": sorted(got - expected),
    }


def test_seed_recall_is_at_least_95_percent(seed_scores):
    assert seed_scores["recall"] >= 0.95, seed_scores["missed"]


def test_seed_precision_is_at_least_90_percent(seed_scores):
    assert seed_scores["precision"] >= 0.90, seed_scores["extra"]


def test_seed_comparators_are_right_for_95_percent_of_matches(seed_scores):
    assert seed_scores["comparator"] >= 0.95


def test_seed_names_agree_with_the_annotation(seed_scores):
    assert seed_scores["name"] >= 0.9


def test_seed_kinds_and_headlines_agree_with_the_annotation(seed_scores):
    assert seed_scores["kind"] >= 0.95
    assert seed_scores["headline"] == 1.0


def _corpus_cases():
    cases = yaml.safe_load((ANNOTATIONS / "corpus-main-targets.yml").read_text(encoding="utf-8"))
    return [pytest.param(case, id=f"{case['document'][5:-15]}-{index}") for index, case in enumerate(cases)]


@pytest.mark.parametrize("case", _corpus_cases())
def test_main_target_sentences_of_other_provinces(case):
    targets = _targets(case["text"])
    expected = [(t["name"], t["value"], t["unit"], t["comparator"], t["kind"]) for t in case["targets"]]
    assert [(t.name, t.value, t.unit, t.comparator.value, t.kind.value) for t in targets] == expected
    assert {t.headline for t in targets} == {case["headline"]}


@pytest.mark.parametrize("case", _corpus_cases())
def test_corpus_sentences_are_copied_exactly(case):
    path = SEEDS / case["document"]
    assert case["text"] in path.read_text(encoding="utf-8")


def test_tonnes_of_coal_equivalent_are_one_unit_and_the_thing_measured_is_named_before_them():
    targets = _targets("能源综合生产能力达2.3亿吨标准煤左右。")
    assert _facts(targets) == [("能源综合生产能力", "2.3", "亿吨标准煤", "about")]
