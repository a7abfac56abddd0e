"""Index extraction: each rule on a small text, curation, links, and accuracy against the hand annotation."""

import re

import pytest

from generator.extract import indexes
from generator.model import Plan, PlanInfo, iter_clauses
from generator.read import editorial
from generator.read.ingest import decode, ingest
from generator.read.parse import parse_plan

from .annotation import annotation, score
from .conftest import CORPUS, ROOT, SEED, parse


def _index(body: str, curation: str | None = None):
    """The indexes of a one-chapter plan whose chapter text is ``body``."""
    document = parse(
        f"""\
        2026年某某省国民经济和社会发展计划

          一、第一部分

          {body}
        """
    )
    return indexes.extract_index(document, editorial.index_curation(curation))


def _names(entries) -> list[str]:
    return [entry.name for entry in entries]


def _entry(entries, name):
    return next(entry for entry in entries if entry.name == name)


# --- projects ---------------------------------------------------------------------------------


def test_a_railway_name_starts_after_its_verb():
    index = _index("建成包银高铁银川至巴彦浩特支线、太子城至锡林浩特铁路。")
    assert _names(index.projects) == ["包银高铁银川至巴彦浩特支线", "太子城至锡林浩特铁路"]
    assert {entry.category for entry in index.projects} == {"rail"}


def test_a_list_sharing_one_head_yields_one_entry_each():
    index = _index("推动库布其至江苏、库布其至上海、腾格里至江西输电通道尽快开工。")
    assert sorted(_names(index.projects)) == sorted(["库布其至江苏输电通道", "库布其至上海输电通道", "腾格里至江西输电通道"])
    jiangsu = _entry(index.projects, "库布其至江苏输电通道")
    assert jiangsu.category == "power"
    assert [(m.start, m.end) for m in jiangsu.mentions] == [(2, 8)]  # the words as written: 库布其至江苏


def test_generic_activities_are_not_projects():
    index = _index("大力推进城市更新。推进大中型灌区现代化改造。新建20个500千伏输变电工程。加强口岸基础设施建设。")
    assert index.projects == ()


def test_an_upgrade_of_a_named_facility_is_a_project():
    index = _index("开工建设河套灌区现代化改造、乌布林水库等重点项目。")
    assert set(_names(index.projects)) == {"河套灌区现代化改造", "乌布林水库"}


def test_quoted_names_with_a_head_are_programmes():
    index = _index("持续实施企业上市“天骏计划”。加强“蒙科聚”平台建设。实施“三北”工程质量年行动。")
    assert "“天骏计划”" in _names(index.projects)
    assert "“蒙科聚”平台" in _names(index.projects)


def test_a_class_after_a_list_gives_each_item_the_class():
    index = _index("实施满洲里、二连浩特、策克等重点口岸提升工程。")
    assert sorted(_names(index.projects)) == sorted(["满洲里口岸提升工程", "二连浩特口岸提升工程", "策克口岸提升工程"])
    assert {entry.category for entry in index.projects} == {"port"}


def test_a_head_inside_a_longer_word_is_no_head():
    index = _index("实现锡林郭勒盟、阿拉善盟开行动车。")
    assert index.projects == ()


def test_two_facilities_joined_by_and_are_two_entries():
    index = _index("充分发挥白云鄂博稀土全国重点实验室和国家稀土功能材料制造业创新中心作用。")
    assert sorted(_names(index.projects)) == sorted(["白云鄂博稀土全国重点实验室", "国家稀土功能材料制造业创新中心"])


def test_every_mention_of_a_project_is_found():
    index = _index("加快建设乌布林水库。乌布林水库年内蓄水。")
    assert [mention.clause for mention in _entry(index.projects, "乌布林水库").mentions] == ["1-0-1", "1-0-2"]


def test_an_ordinal_makes_a_generic_event_head_a_name():
    index = _index("高质量办好第四届国家向北开放经贸商洽会。办好自治区第十六届运动会。")
    assert _entry(index.projects, "第四届国家向北开放经贸商洽会").category == "event"
    assert _entry(index.projects, "自治区第十六届运动会").category == "sport"


# --- places -----------------------------------------------------------------------------------


def test_cities_named_with_their_suffix_are_found_bare_too():
    index = _index("支持通辽市、乌兰察布市争创示范市。推动乌兰察布算力建设。")
    city = _entry(index.places, "乌兰察布市")
    assert city.category == "league-city" and city.aliases == ("乌兰察布",)
    assert [mention.clause for mention in city.mentions] == ["1-0-1", "1-0-2"]
    assert "通辽市" in _names(index.places)


def test_words_ending_in_city_suffixes_are_not_places():
    index = _index("促进大中小城市协调发展，培育开放市场，理顺盟市与旗县两级事权，壮大县域经济，推动企业上市。")
    assert index.places == ()


def test_ports_and_the_names_listed_with_them():
    index = _index("建成运营满都拉、甘其毛都口岸互贸区。")
    assert {entry.name: entry.category for entry in index.places} == {"满都拉": "port", "甘其毛都": "port"}


def test_rivers_listed_before_a_count_of_rivers():
    index = _index("开展大黑河和美岱沟等13条河流治理。")
    assert {entry.name: entry.category for entry in index.places} == {"大黑河": "river", "美岱沟": "river"}


def test_provinces_and_regions_come_from_the_gazetteer():
    index = _index("加强与京津冀、长三角等区域交流合作，推动库布其至河北输电通道建设。")
    kinds = {entry.name: entry.category for entry in index.places}
    assert kinds["京津冀"] == "region" and kinds["河北省"] == "province" and kinds["库布其"] == "desert"


def test_the_ends_of_a_route_are_places():
    index = _index("加快建设临河至哈密铁路。")
    assert set(_names(index.places)) == {"哈密", "临河"}


def test_an_ordinary_word_found_as_a_route_end_is_not_looked_for_elsewhere():
    index = _index("加快建设富裕至加格达奇铁路。让农牧民更加富裕。")
    assert [mention.clause for mention in _entry(index.places, "富裕").mentions] == ["1-0-1"]


def test_ordinary_nouns_listed_before_a_class_are_not_places():
    index = _index("培育牛羊肉、奶酪、马铃薯、果蔬等区域品牌。")
    assert index.places == ()


# --- documents --------------------------------------------------------------------------------


def test_every_book_title_document_is_found_and_typed():
    index = _index("认真执行《中华人民共和国预算法》，落实《内蒙古自治区本级政府投资基金管理办法》和《公平审查条例》。")
    assert {entry.name: entry.category for entry in index.documents} == {
        "中华人民共和国预算法": "law",
        "内蒙古自治区本级政府投资基金管理办法": "rules",
        "公平审查条例": "regulation",
    }


def test_documents_the_plan_will_issue_are_split_at_list_marks():
    index = _index("出台财政承受能力评估办法、中央竞争性项目资金配套办法，规范政府购买服务行为。")
    assert _names(index.documents) == ["财政承受能力评估办法", "中央竞争性项目资金配套办法"]


def test_book_and_film_titles_are_not_documents():
    index = _index("推出《哪吒2》等精品。")
    assert index.documents == ()


# --- links ------------------------------------------------------------------------------------


def test_a_project_that_contains_a_place_wins_the_link():
    document = parse(
        """\
        2026年某某省国民经济和社会发展计划

          一、第一部分

          加快建设临河至哈密铁路。支持临河发展。
        """
    )
    plan = Plan(PlanInfo("x-plan"), document, index=indexes.extract_index(document))
    pages = {name: f"x-plan/{name}.md" for name in indexes.INDEX_NAMES}
    links = sorted((link.clause, link.start, link.end, link.kind) for link in indexes.index_links(plan, pages))
    assert links == [("1-0-1", 4, 11, "prj"), ("1-0-2", 2, 4, "plc")]


# --- curation ---------------------------------------------------------------------------------


CURATED_TEXT = "加快建设乌布林水库和甲乙水库。研究论证丙丁铁路。推动戊己湖治理。"


def test_curation_drops_an_entry():
    index = _index(CURATED_TEXT, "projects:\n  drop: [甲乙水库]\n")
    assert "甲乙水库" not in _names(index.projects)


def test_curation_renames_an_entry_and_keeps_the_old_name_as_alias():
    index = _index(CURATED_TEXT, "projects:\n  rename:\n    丙丁铁路: 丙丁城际铁路\n")
    entry = _entry(index.projects, "丙丁城际铁路")
    assert entry.aliases == ("丙丁铁路",) and entry.mentions[0].clause == "1-0-2"


def test_curation_merges_entries_into_one():
    index = _index(CURATED_TEXT, "projects:\n  merge:\n    乌布林水库: [甲乙水库]\n")
    entry = _entry(index.projects, "乌布林水库")
    assert entry.aliases == ("甲乙水库",) and len(entry.mentions) == 2
    assert "甲乙水库" not in _names(index.projects)


def test_curation_adds_an_entry_found_wherever_its_names_occur():
    index = _index(CURATED_TEXT, "places:\n  add:\n    - name: 戊己湖\n      category: lake\n      aliases: [戊己]\n")
    assert _entry(index.places, "戊己湖").category == "lake"


def test_curation_sets_a_category():
    index = _index(CURATED_TEXT, "projects:\n  category:\n    丙丁铁路: other\n")
    assert _entry(index.projects, "丙丁铁路").category == "other"


def test_curated_entries_that_no_longer_match_are_warned_about_with_their_line():
    curation = "projects:\n  drop:\n    - 不存在的水库\n  add:\n    - name: 从未出现的工程\n      category: water\n"
    index = _index(CURATED_TEXT, curation)
    assert [(warning.line, "不存在的水库" in warning.message) for warning in index.warnings][:1] == [(3, True)]
    assert any(warning.line == 5 and "never occurs" in warning.message for warning in index.warnings)


# --- permanent anchors ------------------------------------------------------------------------


def test_a_renamed_entry_keeps_the_anchor_of_its_old_name():
    before = _entry(_index(CURATED_TEXT).projects, "丙丁铁路")
    after = _entry(_index(CURATED_TEXT, "projects:\n  rename:\n    丙丁铁路: 丙丁城际铁路\n").projects, "丙丁城际铁路")
    assert (before.id, after.id) == ("bingdingtielu", "bingdingchengjitielu")
    assert after.alias_ids == ("bingdingtielu",)


def test_a_merged_entry_keeps_the_anchors_of_the_names_merged_into_it():
    index = _index(CURATED_TEXT, "projects:\n  merge:\n    乌布林水库: [甲乙水库]\n")
    assert _entry(index.projects, "乌布林水库").alias_ids == ("jiayishuiku",)


def test_a_category_change_keeps_the_anchor():
    index = _index(CURATED_TEXT, "projects:\n  category:\n    丙丁铁路: other\n")
    assert _entry(index.projects, "丙丁铁路").id == "bingdingtielu"


def test_a_name_the_revised_text_no_longer_uses_keeps_its_anchor_as_an_added_alias():
    # The text used to say 丙丁城际铁路 (anchor #bingdingchengjitielu); revised, it says 丙丁铁路.
    curation = "projects:\n  add:\n    - name: 丙丁铁路\n      category: rail\n      aliases: [丙丁城际铁路]\n"
    entry = _entry(_index(CURATED_TEXT, curation).projects, "丙丁铁路")
    assert (entry.id, entry.alias_ids) == ("bingdingtielu", ("bingdingchengjitielu",))


def test_an_alias_never_takes_another_entry_s_anchor():
    # 甲乙水库 and 假意水库 read alike (jiayishuiku); renamed, 假意水库 cannot claim 甲乙水库's anchor.
    index = _index("加快建设甲乙水库和假意水库。", "projects:\n  rename:\n    假意水库: 戊己水库\n")
    assert _entry(index.projects, "甲乙水库").id == "jiayishuiku"
    assert _entry(index.projects, "戊己水库").alias_ids == ()


# --- ordering ---------------------------------------------------------------------------------


def test_names_sort_by_pinyin_under_their_initial_letter():
    names = ["策克", "包头", "阿拉善盟", "“天骏计划”", "2026年全国生态日主场活动"]
    syllables = indexes.name_syllables(tuple(names))
    assert sorted(names, key=lambda name: indexes.sort_key(name, syllables[name])) == ["阿拉善盟", "包头", "策克", "“天骏计划”", "2026年全国生态日主场活动"]
    assert [indexes.initial(syllables[name]) for name in ("阿拉善盟", "“天骏计划”", "2026年全国生态日主场活动")] == ["A", "T", "#"]


def test_polyphonic_characters_are_read_as_the_word_reads_them():
    syllables = indexes.name_syllables(("重庆", "长江"))
    assert syllables == {"重庆": ("chong", "qing"), "长江": ("chang", "jiang")}


def test_entries_carry_their_letter_and_a_pinyin_anchor():
    entry = next(entry for entry in _index("推进库布其至上海输电通道建设。").projects if entry.name.startswith("库布其"))
    assert entry.id.startswith("kubuqi") and entry.letter == "K"


def test_names_are_romanised_by_the_function_given_in_one_call():
    document = parse(
        """\
        2026年某某省国民经济和社会发展计划

          一、第一部分

          推进库布其至上海输电通道建设。
        """
    )
    calls = []

    def romanise(texts):
        calls.append(texts)
        return tuple(("x",) for _ in texts)

    entries = indexes.extract_index(document, romanise=romanise).projects
    assert len(calls) == 1 and entries and all(entry.letter == "X" for entry in entries)


# --- the seed against its hand annotation ----------------------------------------------------------


@pytest.fixture(scope="module")
def seed_index():
    document = parse_plan(ingest(decode(SEED.read_bytes())))
    curation = editorial.index_curation((ROOT / "seeds" / "nmg-2026-plan.index.yml").read_text(encoding="utf-8"))
    return indexes.extract_index(document, curation)


@pytest.fixture(scope="module")
def rules_only_index():
    return indexes.extract_index(parse_plan(ingest(decode(SEED.read_bytes()))))


def test_seed_projects_match_the_annotation(seed_index):
    expected = annotation()["projects"]
    result = score(seed_index.projects, expected["clear"], expected["acceptable"])
    assert result.recall >= 0.95, result.missed
    assert result.precision >= 0.95, result.wrong


def test_seed_places_match_the_annotation(seed_index):
    expected = annotation()["places"]
    result = score(seed_index.places, expected["clear"], expected["acceptable"])
    assert result.recall >= 0.95, result.missed
    assert result.precision >= 0.95, result.wrong


def test_seed_documents_are_all_found(seed_index):
    expected = annotation()["documents"]
    cited = score(seed_index.documents, expected["cited"], [])
    assert cited.missed == ()
    result = score(seed_index.documents, expected["cited"] + expected["drafted"], expected["acceptable"])
    assert result.recall >= 0.95 and result.precision >= 0.9, (result.missed, result.wrong)


def test_rules_alone_reach_the_required_accuracy(rules_only_index):
    expected = annotation()
    projects = score(rules_only_index.projects, expected["projects"]["clear"], expected["projects"]["acceptable"])
    places = score(rules_only_index.places, expected["places"]["clear"], expected["places"]["acceptable"])
    assert projects.recall >= 0.90 and projects.precision >= 0.85
    assert places.recall >= 0.80 and places.precision >= 0.85


def test_the_seed_curation_is_not_stale(seed_index):
    assert seed_index.warnings == ()


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.stem)
def test_other_plans_every_book_title_document_is_found(path):
    text = decode(path.read_bytes())
    document = parse_plan(ingest(text))
    found = {entry.name for entry in indexes.extract_index(document).documents}
    clauses = "".join(clause.text for clause in iter_clauses(document))
    titles = {match for match in re.findall(r"《([^《》]{2,60})》", clauses) if re.search(r"(?:法|条例|办法|规划|方案|意见|措施|建议|草案)$", match)}
    assert titles <= found


# --- curation file errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("projects:\n  drop: [a\n", 3, "invalid YAML"),
        ("roads:\n  drop: [甲]\n", 1, "unknown index"),
        ("projects:\n  remove: [甲]\n", 2, "unknown change"),
        ("projects:\n  category:\n    甲: railway\n", 3, "not one of"),
        ("places:\n  add:\n    - name: 甲\n", 3, "needs name and category"),
    ],
)
def test_a_bad_curation_file_names_the_line(text, line, words):
    with pytest.raises(editorial.PlanError) as caught:
        editorial.index_curation(text)
    assert caught.value.line == line and words in caught.value.message


def test_loading_a_plan_reads_its_index_curation_and_names_the_file_on_error(tmp_path):
    from generator import sources  # noqa: F811

    plan_path = tmp_path / "p.txt"
    plan_path.write_bytes(SEED.read_bytes())
    (tmp_path / "p.index.yml").write_text("projects:\n  drop:\n    - 乌布林水库\n    - 不存在的铁路\n", encoding="utf-8")
    plan = sources.load_plan(plan_path)
    assert "乌布林水库" not in _names(plan.index.projects)
    assert [warning.line for warning in plan.index.warnings] == [4]
    assert any(link.kind == "plc" for link in plan.links) and any(link.kind == "prj" for link in plan.links)
    (tmp_path / "p.index.yml").write_text("projects:\n  drop: [\n", encoding="utf-8")
    with pytest.raises(editorial.PlanError) as caught:
        sources.load_plan(plan_path)
    assert str(caught.value).startswith(str(tmp_path / "p.index.yml") + ":")


def test_every_region_the_library_knows_is_indexed_under_its_full_name():
    # data/regions.yml (the library's regions) and the gazetteer (the index's places) must agree.
    from generator import data

    for region in data.regions():
        if region.kind.value == "nation":
            continue  # the nation is no place of the index (全国 is no place name)
        for written in (region.name, *region.short):
            index = _index(f"加强与{written}交流合作。")
            assert region.name in _names(index.places), written
