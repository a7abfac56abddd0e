"""Document metadata: region, year, kind, speaker, date, 文号 and source, read from the text and the
page around it, overridden by the seeds YAML; and the region data it reads."""

import pytest

from generator import data
from generator.model import DocumentKind, MetaOverrides, RegionKind
from generator.read.metadata import document_meta

from .conftest import parse

REPORT = """\
    来源：云南日报
    2026年政府工作报告
    ——2026年1月28日在云南省第十四届人民代表大会第四次会议上
    省长　王予波
    各位代表：
    一、工作回顾
    昆明、曲靖、大理发展良好。
    """


def _meta(text: str, overrides: MetaOverrides = MetaOverrides()):
    return document_meta(parse(text), overrides)


def test_a_report_is_read_from_its_front_matter_and_page():
    meta = _meta(REPORT)
    assert (meta.region, meta.year, meta.kind, meta.date) == ("云南省", 2026, DocumentKind.WORK_REPORT, "2026-01-28")
    assert (meta.speaker, meta.source_name) == ("省长 王予波", "云南日报")


def test_a_plan_is_read_from_its_notice():
    meta = _meta(
        """\
        内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知
        内政发〔2026〕5号
        各盟行政公署、市人民政府：
        现将计划印发给你们。
        2026年2月13日
        2026年内蒙古自治区国民经济和社会发展计划
        一、主线
        推进工作。
        """
    )
    assert (meta.region, meta.year, meta.kind, meta.issuer) == ("内蒙古自治区", 2026, DocumentKind.PLAN, "内蒙古自治区人民政府")
    assert (meta.document_number, meta.date, meta.speaker) == ("内政发〔2026〕5号", "2026-02-13", "")


@pytest.mark.parametrize(
    "title, kind",
    [
        ("2026年某某省政府工作报告", DocumentKind.WORK_REPORT),
        ("关于某某省2025年国民经济和社会发展计划执行情况与2026年计划草案的报告", DocumentKind.PLAN_REPORT),
        ("关于某某省2025年预算执行情况和2026年预算草案的报告", DocumentKind.BUDGET_REPORT),
        ("某某省国民经济和社会发展第十五个五年规划纲要", DocumentKind.FIVE_YEAR_PLAN),
        ("2026年某某省国民经济和社会发展计划", DocumentKind.PLAN),
    ],
)
def test_the_kind_comes_from_the_title(title, kind):
    assert _meta(f"{title}\n一、第一部分\n第一句。\n").kind is kind


def test_a_title_without_a_year_takes_the_year_of_the_occasion():
    assert _meta(REPORT.replace("2026年政府工作报告", "政府工作报告")).year == 2026


def test_the_occasion_names_the_region_when_the_title_does_not():
    assert _meta(REPORT.replace("来源：云南日报\n", "")).region == "云南省"


def test_the_speakers_office_names_the_region():
    text = REPORT.replace("——2026年1月28日在云南省第十四届人民代表大会第四次会议上\n", "").replace("省长　王予波", "北京市市长 殷勇")
    assert _meta(text.replace("来源：云南日报\n", "")).region == "北京市"


def test_the_source_names_the_region_when_nothing_else_does():
    text = REPORT.replace("——2026年1月28日在云南省第十四届人民代表大会第四次会议上\n", "")
    assert _meta(text).region == "云南省"


def test_the_most_named_region_of_the_speakers_kind_is_the_region():
    meta = _meta(
        """\
        政府工作报告
        自治区人民政府主席 某某
        各位代表：
        一、工作回顾
        银川、石嘴山、吴忠加快发展，与陕西、甘肃合作。宁夏稳步前进。
        """
    )
    assert meta.region == "宁夏回族自治区"


def test_a_text_naming_no_region_clearly_has_none():
    assert _meta("政府工作报告\n一、工作回顾\n北京和上海合作。\n").region == ""


def test_a_caption_names_the_speaker_when_no_speaker_line_does():
    meta = _meta(
        """\
        2026年湖南省政府工作报告
        2月3日，会议在省人民会堂开幕。省长毛伟明作政府工作报告。湖南日报记者 某某 摄
        各位代表：
        一、工作回顾
        成绩显著。
        """
    )
    assert meta.speaker == "省长 毛伟明"


def test_a_bare_source_label_takes_the_next_line_and_a_banner_names_the_site():
    assert _meta("来源：\n宁夏日报客户端\n" + REPORT.split("\n", 1)[1]).source_name == "宁夏日报客户端"
    assert _meta("北疆新闻 > 要闻 > 正文\n" + REPORT.split("\n", 1)[1] + "（完）\n").source_name == "北疆新闻"


def test_the_seeds_facts_win_key_by_key():
    meta = _meta(REPORT, MetaOverrides(region="贵州省", source_url="https://example.org/r"))
    assert (meta.region, meta.source_url, meta.source_name, meta.year) == ("贵州省", "https://example.org/r", "云南日报", 2026)


# --- The nation: its signals are the premier (国务院总理) and the national congress ------------------

NATIONAL = """\
    新华社北京3月12日电
    政府工作报告
    ——2023年3月5日在第十四届全国人民代表大会第一次会议上
    国务院总理　李克强
    各位代表：
    一、过去一年和五年工作回顾
    北京、上海、广东、浙江、江苏发展良好，广东广东广东。
    """


def test_a_national_report_is_the_nations_whoever_its_places_are():
    meta = _meta(NATIONAL)
    assert (meta.region, meta.issuer, meta.speaker, meta.year) == ("全国", "国务院", "国务院总理 李克强", 2023)
    assert meta.source_name == "新华社"


def test_a_first_line_running_title_occasion_and_speaker_together_is_read_as_three():
    document = parse(
        """\
        政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理 李强
        各位代表：
        一、2023年工作回顾
        过去一年，国内生产总值增长5.2%。
        """
    )
    front = document.front
    assert (document.title.text, front.occasion.text, front.speaker.text) == (
        "政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上", "国务院总理 李强",
    )  # fmt: skip
    meta = document_meta(document)
    assert (meta.region, meta.speaker, meta.date, meta.year) == ("全国", "国务院总理 李强", "2024-03-05", 2024)


def test_a_report_to_the_national_congress_without_its_speaker_is_the_nations():
    meta = _meta(NATIONAL.replace("    国务院总理　李克强\n", ""))
    assert (meta.region, meta.speaker) == ("全国", "")


def test_the_speaker_names_the_government_reporting():
    meta = _meta(REPORT.replace("省长　王予波", "云南省人民政府省长 王予波"))
    assert meta.issuer == "云南省人民政府"


def test_a_provincial_report_naming_全国_often_is_still_the_provinces():
    meta = _meta(REPORT.replace("昆明、曲靖、大理发展良好。", "全国全国全国全国，昆明发展良好。").replace("在云南省第十四届", "在第十四届"))
    assert meta.region == "云南省"


# --- Five-year outlines: the years they cover ------------------------------------------------------

OUTLINE = """\
    中华人民共和国国民经济和社会发展第十五个五年规划纲要
    中华人民共和国国民经济和社会发展第十五个五年（2026－2030年）规划纲要，阐明国家战略意图。
    第一章　发展环境
    正文第一句。
    """


def test_an_outline_states_its_period():
    meta = _meta(OUTLINE)
    assert (meta.kind, meta.period_start, meta.period_end, meta.year, meta.region) == (
        DocumentKind.FIVE_YEAR_PLAN, 2026, 2030, 2026, "全国",
    )  # fmt: skip


def test_an_outlines_period_follows_from_its_number_when_it_states_none():
    meta = _meta(OUTLINE.replace("（2026－2030年）", "").replace("中华人民共和国", "某某省").replace("十五个", "十四个"))
    assert (meta.period_start, meta.period_end, meta.year) == (2021, 2025, 2021)


def test_a_plan_for_one_year_has_no_period():
    assert (_meta(REPORT).period_start, _meta(REPORT).period_end) == (0, 0)


# --- generator/data/regions.yml ------------------------------------------------------------------


def test_the_regions_are_the_nation_and_the_31_provincial_level_regions_with_distinct_names_and_slugs():
    regions = data.regions()
    assert len(regions) == 32
    assert len({region.name for region in regions}) == len({region.slug for region in regions}) == 32
    assert [region.kind for region in regions].count(RegionKind.NATION) == 1
    assert [region.kind for region in regions].count(RegionKind.MUNICIPALITY) == 4
    assert [region.kind for region in regions].count(RegionKind.AUTONOMOUS_REGION) == 5


def test_the_nation_is_a_region_of_its_own():
    nation = next(region for region in data.regions() if region.kind is RegionKind.NATION)
    assert (nation.name, nation.slug, nation.short[0]) == ("全国", "quanguo", "全国")
    assert "中华人民共和国" in nation.short and nation.code == ""


def test_every_provincial_region_has_a_short_name_a_division_and_a_pinyin_slug():
    for region in data.regions():
        assert region.slug.isascii() and region.slug.isalpha() and region.slug.islower(), region.name
        if region.kind is RegionKind.NATION:
            continue
        assert region.short and len(region.abbreviation) == 1 and region.code.endswith("0000"), region.name
        assert region.name.startswith(region.short[0]), region.name


def test_no_name_stands_for_two_regions():
    names = [name for region in data.regions() for name in {region.name, *region.short}]
    assert len(names) == len(set(names))


def test_canonical_names_of_autonomous_regions():
    names = {region.slug: region.name for region in data.regions()}
    assert (names["neimenggu"], names["guangxi"], names["ningxia"], names["xinjiang"], names["xizang"]) == (
        "内蒙古自治区", "广西壮族自治区", "宁夏回族自治区", "新疆维吾尔自治区", "西藏自治区",
    )
    assert (names["shanxi"], names["shaanxi"]) == ("山西省", "陕西省")


# --- where a reader sees it ------------------------------------------------------------------------


def _plan():
    from generator.model import Plan, PlanInfo

    document = parse(REPORT)
    return Plan(PlanInfo("yn-2026"), document, meta=document_meta(document, MetaOverrides(source_url="https://example.org/r?a=1&b=2")))


def test_the_home_page_shows_region_year_kind_speaker_date_and_source():
    from .conftest import render_markdown, rendered

    page = next(file for file in rendered(_plan()).pages if file.path == "yn-2026/index.md")
    html = render_markdown(page.text.split("---\n", 2)[2])
    for text in ("<dt>地区</dt><dd>云南省</dd>", "<dd>2026年</dd>", "<dd>政府工作报告</dd>", "<dd>省长 王予波</dd>", "<dd>2026年1月28日</dd>"):
        assert text in html
    assert '<a href="https://example.org/r?a=1&amp;b=2">云南日报</a>' in html


def test_plan_json_carries_the_meta_object():
    import json

    from generator.render.export import export_data

    plan_json = json.loads(next(f for f in export_data(_plan()) if f.path.endswith("plan.json")).text)
    assert plan_json["meta"] == {
        "region": "云南省", "year": 2026, "kind": "work_report", "period": None, "issuer": "", "speaker": "省长 王予波",
        "date": "2026-01-28", "document_number": "", "source_name": "云南日报", "source_url": "https://example.org/r?a=1&b=2",
    }  # fmt: skip
    assert plan_json["source"] == {"name": "云南日报", "url": "https://example.org/r?a=1&b=2"}


def test_an_outlines_home_page_and_plan_json_show_its_period():
    import json

    from generator.model import Plan, PlanInfo
    from generator.render.export import export_data

    from .conftest import render_markdown, rendered

    document = parse(OUTLINE)
    plan = Plan(PlanInfo("outline"), document, meta=document_meta(document))
    page = next(file for file in rendered(plan).pages if file.path == "outline/index.md")
    html = render_markdown(page.text.split("---\n", 2)[2])
    assert "<dt>规划期</dt><dd>2026—2030年</dd>" in html and "<dt>年度</dt>" not in html
    plan_json = json.loads(next(f for f in export_data(plan) if f.path.endswith("plan.json")).text)
    assert plan_json["meta"]["period"] == [2026, 2030]


def test_a_report_of_the_state_council_titled_so_is_the_nations():
    meta = _meta(NATIONAL.replace("政府工作报告", "2024年国务院政府工作报告（全文）").replace("——2023年3月5日在第十四届全国人民代表大会第一次会议上\n", ""))
    assert (meta.region, meta.year) == ("全国", 2024)


def test_a_speakers_government_naming_no_region_is_no_issuer():
    assert _meta(REPORT.replace("省长　王予波", "自治区人民政府主席 某某")).issuer == ""


def test_an_outline_naming_a_later_year_in_its_title_is_for_its_first_year():
    meta = _meta(OUTLINE.replace("第十五个五年规划纲要\n", "第十五个五年规划和2035年远景目标纲要\n", 1))
    assert (meta.year, meta.period_start, meta.period_end) == (2026, 2026, 2030)
def test_a_page_address_through_a_login_proxy_is_not_taken_for_the_source():
    proxied = "    https://lib.example.edu.cn/interlibSSO/goto/2/+_a/www.yn.gov.cn/a.html\n" + REPORT
    public = "    https://www.yn.gov.cn/a.html\n" + REPORT
    assert (_meta(proxied).source_url, _meta(proxied).source_name) == ("", "云南日报")
    assert _meta(public).source_url == "https://www.yn.gov.cn/a.html"


CITY_REPORT = """\
    来源：浙江日报
    2026年杭州市政府工作报告
    ——2026年1月14日在杭州市第十四届人民代表大会第四次会议上
    杭州市市长 刘捷
    各位代表：
    一、工作回顾
    全省经济发展良好，萧山、余杭发展良好。
    """


def test_a_citys_report_is_the_citys_though_its_source_names_the_province():
    meta = _meta(CITY_REPORT)
    assert (meta.region, meta.speaker, meta.year) == ("杭州市", "杭州市市长 刘捷", 2026)


def test_a_countys_report_is_the_countys():
    text = CITY_REPORT.replace("2026年杭州市政府工作报告", "2026年余杭区政府工作报告").replace("在杭州市第十四届", "在余杭区第十八届")
    assert _meta(text.replace("杭州市市长 刘捷", "区长 某某")).region == "余杭区"


def test_a_provinces_report_naming_its_capital_in_the_occasion_is_still_the_provinces():
    assert _meta(REPORT.replace("在云南省第十四届", "在昆明市举行的云南省第十四届")).region == "云南省"


def test_a_title_naming_province_and_city_is_the_citys():
    assert _meta(CITY_REPORT.replace("2026年杭州市政府工作报告", "浙江省杭州市2026年政府工作报告")).region == "杭州市"


def test_a_city_is_a_region_below_its_province_with_a_slug_of_its_own():
    city = data.region_named("杭州市")
    assert (city.kind, city.within, city.short, city.slug) == (RegionKind.PREFECTURE, "浙江省", ("杭州",), "hangzhou-330100")
    assert data.region_named("吉林市").slug != data.region_named("吉林省").slug
    assert data.region_named("余杭区").kind is RegionKind.COUNTY


def test_a_division_name_two_divisions_share_is_no_region():
    assert data.region_named("朝阳区") is None


def test_the_librarys_regions_put_its_cities_after_their_province():
    names = [region.name for region in data.regions_of(["杭州市", "浙江省", "余杭区", "宁波市"])]
    assert names[names.index("浙江省") : names.index("浙江省") + 4] == ["浙江省", "杭州市", "余杭区", "宁波市"]
    assert "杭州市" not in [region.name for region in data.regions_of(["浙江省"])]
