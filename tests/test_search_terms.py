from generator.model import Plan, PlanInfo
from generator.search.terms import search_terms, user_dictionary

from .conftest import parse


def _plan(body: str, heading: str = "一、推进生态建设") -> Plan:
    return Plan(PlanInfo("demo"), parse(f"2026年某某省国民经济和社会发展计划\n\n{heading}\n\n{body}\n"))


def test_quoted_terms_are_terms():
    assert "三北" in search_terms(_plan("实施“三北”工程,推进‘两新’工作。"))
    assert "两新" in search_terms(_plan("实施“三北”工程,推进‘两新’工作。"))


def test_a_quoted_list_gives_each_item():
    terms = search_terms(_plan("开展“感党恩、听党话、跟党走”群众教育。"))
    assert {"感党恩", "听党话", "跟党走"} <= set(terms)
    assert not any("、" in term for term in terms)


def test_titles_in_book_marks_are_terms():
    assert "中华人民共和国预算法" in search_terms(_plan("严格执行《中华人民共和国预算法》。"))


def test_latin_and_mixed_terms_are_terms():
    terms = search_terms(_plan("推进(PPP)项目,新增一批A级景区,建设5G基站。"))
    assert {"PPP", "A级", "5G"} <= set(terms)


def test_named_programmes_in_headings_are_terms():
    plan = _plan("(一)实施城乡居民增收工程。\n\n多渠道增加收入。", heading="一、建设国家重要能源和战略资源基地")
    assert {"城乡居民增收工程", "国家重要能源和战略资源基地"} <= set(search_terms(plan))


def test_programmes_in_running_text_are_not_headings_phrases():
    assert "城乡居民增收工程" not in search_terms(_plan("我们将实施城乡居民增收工程。"))


def test_single_characters_and_bare_numbers_are_not_terms():
    terms = search_terms(_plan("突出“蒙”字标,落实“1571”部署。"))
    assert "蒙" not in terms and "1571" not in terms


def test_names_from_glossaries_and_indexes_are_added_whole_or_in_parts():
    plan = _plan("推进绿电直连。")
    assert "绿电直连" not in search_terms(plan)
    terms = search_terms(plan, names=["绿电直连", "中国(内蒙古)自由贸易试验区"])
    assert {"绿电直连", "中国", "内蒙古", "自由贸易试验区"} <= set(terms)


def test_terms_are_sorted_and_unique():
    terms = search_terms(_plan("“三北”和“三北”,“双碳”。"))
    assert list(terms) == sorted(set(terms))


def test_the_user_dictionary_has_one_word_a_line():
    assert user_dictionary(["三北", "A级", "三北"]) == "A级\n三北\n"


def test_the_seed_yields_its_domain_terms(seed_text):
    from generator.read.ingest import ingest
    from generator.read.parse import parse_plan

    terms = set(search_terms(Plan(PlanInfo("nmg-2026-plan"), parse_plan(ingest(seed_text)))))
    assert {"三北", "十五五", "PPP", "A级", "中华人民共和国预算法", "城乡居民增收工程", "我国北方重要生态安全屏障"} <= terms
    # The page furniture around the plan (a copyright line quoting “来源:北疆新闻”) is not the plan.
    assert not any("北疆新闻" in term for term in terms)
