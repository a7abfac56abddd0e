"""The places index read with the gazetteer: divisions by full and short name in the document's own
region, their categories in its terms, and evidence for every other place."""

import pytest

from generator.extract import indexes
from generator.extract.indexes.labels import category_label, division_terms, index_intro
from generator.model import DocumentKind

from .conftest import parse

# Slogans and ordinary words that end in a place's last character or hold a place's short name:
# none of them is ever a place (an entry's name or another name of one). (安康 and 大庆 bare are
# the cities in Shaanxi's and Heilongjiang's reports, and ordinary words elsewhere: see below.)
NEVER_PLACES = (
    "美丽浙江", "平安浙江", "数字浙江", "创新浙江", "法治浙江", "平安中国", "健康中国", "美丽中国", "数字中国",
    "智慧", "智慧口岸", "边境口岸", "住房保障", "创业服务", "幸福安康", "周年大庆", "世界大同", "长治久安",
    "绿水青山", "青山", "新建", "资源", "港口", "中国", "我国", "大理石", "三明治", "哈密瓜",
)


def _places(body: str, region: str = ""):
    document = parse(
        f"""\
        2026年某某省国民经济和社会发展计划

          一、第一部分

          {body}
        """
    )
    return indexes.extract_index(document, region=region).places


def _by_name(entries) -> dict:
    return {entry.name: entry for entry in entries}


def _forms(entries) -> set[str]:
    return {form for entry in entries for form in (entry.name, *entry.aliases)}


# --- divisions ----------------------------------------------------------------------------------


def test_a_city_named_short_is_indexed_under_its_full_name_with_the_short_name_as_alias():
    entry = _by_name(_places("推动郑州、洛阳协同发展，支持郑州建设国家中心城市。", "河南省"))["郑州市"]
    assert entry.aliases == ("郑州",) and entry.category == "prefecture" and entry.code == "410100"
    assert len(entry.mentions) == 2


@pytest.mark.parametrize(
    "region, code",
    [("北京市", "110105"), ("辽宁省", "211300")],  # 朝阳区 in Beijing's report, 朝阳市 in Liaoning's
)
def test_a_name_several_divisions_share_is_the_one_of_the_document_s_own_region(region, code):
    places = _places("支持朝阳建设现代农业示范区。", region)
    assert [entry.code for entry in places] == [code]


def test_a_shared_name_of_other_regions_is_not_read_bare():
    # 通州 is Beijing's and Nantong's: a Hebei report's bare 通州 stands for neither.
    assert _places("推动通州与北三县一体化。", "河北省") == ()
    assert _places("推动通州与北三县一体化。", "北京市")[0].code == "110112"


@pytest.mark.parametrize("text, code", [("南京市鼓楼区加快发展。", "320106"), ("徐州鼓楼区加快发展。", "320302")])
def test_the_parent_named_before_a_shared_name_chooses_it(text, code):
    assert {entry.code for entry in _places(text, "浙江省") if entry.name == "鼓楼区"} == {code}


def test_a_shared_full_name_no_context_chooses_is_indexed_as_of_its_level_without_a_code():
    (entry,) = _places("推动鼓楼区加快发展。", "浙江省")
    assert (entry.name, entry.category, entry.code) == ("鼓楼区", "county", "")


def test_a_name_that_is_a_province_s_and_one_of_the_region_s_own_prefectures():
    assert _places("推进海南清洁能源基地建设。", "青海省")[0].name == "海南藏族自治州"
    assert _places("加强与海南交流合作。", "内蒙古自治区")[0].name == "海南省"
    # Bare, 吉林 in Jilin's report is the province; its city is named with its suffix.
    assert {entry.name for entry in _places("吉林全面振兴，吉林市加快发展。", "吉林省")} == {"吉林省", "吉林市"}


def test_a_region_s_own_name_for_itself_is_the_region():
    # 龙江 is also 龙江县's short name; in Heilongjiang's report it is the province.
    assert [entry.name for entry in _places("推动龙江全面振兴。", "黑龙江省")] == ["黑龙江省"]


def test_a_short_name_inside_a_longer_word_is_no_place():
    assert _places("确保社会长治久安，推进大理石产业发展。", "山西省") == ()
    assert {entry.name for entry in _places("保护长白山生态。", "吉林省")} == {"长白山"}


def test_a_place_and_a_word_of_geography_in_one_word_is_the_place():
    assert {entry.name for entry in _places("加强黄河流域生态保护。")} == {"黄河"}


def test_an_ordinary_word_is_read_bare_only_for_the_region_s_own_divisions():
    assert _places("祝愿人民幸福安康。", "西藏自治区") == ()
    assert "安康市" in {entry.name for entry in _places("安康、石泉分别入选全国试点。", "陕西省")}


def test_a_county_of_another_province_is_found_by_its_full_name_and_is_a_county():
    entry = _by_name(_places("支持丹巴县发展特色产业。", "四川省"))["丹巴县"]
    assert entry.category == "county" and category_label("places", entry.category, "四川省") == "县"


def test_an_autonomous_prefecture_is_found_by_the_name_written_with_州():
    entry = _by_name(_places("支持凉山州、红河州发展。", "云南省"))["凉山彝族自治州"]
    assert entry.aliases == ("凉山州",) and entry.category == "prefecture"


# --- other places: evidence, not a last character -------------------------------------------------


def test_slogans_and_ordinary_words_are_never_places():
    text = (
        "建设美丽浙江、平安浙江、数字浙江、创新浙江、法治浙江，推进平安中国、健康中国、美丽中国、数字中国建设。"
        "推进智慧口岸、边境口岸建设，完善住房保障、创业服务等体系。祝愿人民幸福安康，庆祝六十周年大庆，"
        "实现世界大同和社会长治久安，守护绿水青山。新建一批项目，盘活港口资源，推进大理石、三明治、哈密瓜产业。"
    )
    for region in ("浙江省", "四川省", ""):
        forms = _forms(_places(text, region))
        assert not forms & set(NEVER_PLACES), (region, forms & set(NEVER_PLACES))


def test_a_river_or_mountain_needs_the_geography_after_it():
    places = _by_name(_places("加强大黑河流域治理，保护贺兰山东麓生态，保护察汗淖尔。建设美丽浙江。", "内蒙古自治区"))
    assert (places["大黑河"].category, places["贺兰山"].category, places["察汗淖尔"].category) == ("river", "mountain", "lake")
    assert "美丽浙江" not in places


def test_a_port_s_name_is_no_ordinary_word():
    places = _by_name(_places("建成甘其毛都口岸互贸区，推进智慧口岸建设，在二连浩特口岸开展试点。", "内蒙古自治区"))
    assert places["甘其毛都"].category == "port"
    assert "智慧" not in places and "在二连浩特" not in places and "二连浩特市" in places


def test_named_regions_come_from_the_vocabulary_or_a_word_for_a_region_after_a_place():
    places = _by_name(_places("融入成渝地区双城经济圈建设，推动杭州都市圈发展，在长江经济带发挥作用。", "浙江省"))
    assert places["成渝地区双城经济圈"].category == "region" and places["杭州都市圈"].category == "region"
    assert places["长江经济带"].category == "region" and "在长江经济带" not in places


def test_the_nation_is_no_place():
    assert _places("为中国—中亚合作作出贡献，以中国式现代化全面推进强国建设。", "浙江省")[0].name == "中亚"


# --- wording in the document's own terms ------------------------------------------------------------


@pytest.mark.parametrize(
    "region, prefecture, county",
    [
        ("内蒙古自治区", "盟市", "旗县"),
        ("浙江省", "市", "县"),
        ("四川省", "市州", "县"),
        ("黑龙江省", "地市", "县"),
        ("新疆维吾尔自治区", "地州市", "县"),  # regions.yml: how its documents write it
        ("北京市", "市", "区"),
        ("重庆市", "市", "区县"),
        ("杭州市", "市", "区县"),  # a city's own document: its districts and counties
        ("呼和浩特市", "盟市", "旗县区"),
        ("余杭区", "市", "县"),  # a county's: as its province's
        ("", "市", "县"),
    ],
)
def test_the_levels_are_named_in_the_region_s_terms(region, prefecture, county):
    terms = division_terms(region)
    assert (terms["province"], terms["prefecture"], terms["county"]) == ("省区市", prefecture, county)


def test_an_index_page_speaks_of_the_document_by_its_kind_and_of_its_own_divisions():
    report = index_intro("places", DocumentKind.WORK_REPORT, "浙江省", ("county", "prefecture", "river"))
    assert report == "报告中提到的市、县、河流，按拼音排序。"
    plan = index_intro("places", DocumentKind.PLAN, "内蒙古自治区", ("prefecture", "county", "port"))
    assert plan == "计划中提到的盟市、旗县、口岸，按拼音排序。"
    assert index_intro("documents", DocumentKind.FIVE_YEAR_PLAN).startswith("纲要中引用的")
