import html
import json
import re

import pytest

from generator.model import Plan, PlanInfo, iter_clauses
from generator.patterns import SEARCH_SEPARATOR
from generator.search.material import SEGMENT_BOUNDARY, search_index
from generator.search.terms import search_terms

from .conftest import parse

MATERIAL_CONFIG = {
    "lang": ["en"],
    "separator": "[\\s\\u200b\\u3000\\-、。，．？！；]+",
    "pipeline": ["stemmer"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
}


@pytest.fixture(scope="module")
def plan():
    document = parse(
        """\
        2026年某某省国民经济和社会发展计划

        一、推进生态建设

        (一)扎实推进“三北”工程。
        推进绿电直连,做好政府和社会资本合作(PPP)存量项目风险防范。新增一批A级景区<测试>。

        二、实施城乡居民增收工程

        多渠道增加城乡居民收入。
        """
    )
    return Plan(PlanInfo("demo"), document)


def _material_index(docs) -> str:
    return json.dumps({"config": MATERIAL_CONFIG, "docs": docs}, ensure_ascii=True)


MATERIAL_DOCS = [
    {"location": "", "title": "首\u200b页", "text": "<p>政府\u200b计划\u200b文本库 &amp; 数据</p>"},
    {"location": "demo/1/", "title": "一、推进生态建设", "text": "<p>material 的整节文字</p>"},
    {"location": "demo/1/#1-1", "title": "(一)扎实推进", "text": "<p>整节</p>"},
    {"location": "glossary/", "title": "指标\u200b解释", "text": "<p>地区\u200b生产\u200b总值</p>"},
    {"location": "glossary/#gdp", "title": "地区生产总值", "text": "<p>GDP</p>"},
]


@pytest.fixture(scope="module")
def index(plan):
    terms = search_terms(plan, names=["绿电直连"])
    return json.loads(search_index(_material_index(MATERIAL_DOCS), (plan,), terms))


def _docs_by_location(index) -> dict[str, dict]:
    return {doc["location"]: doc for doc in index["docs"]}


def _shown(markup: str) -> str:
    return html.unescape(markup.replace(SEGMENT_BOUNDARY, ""))


def test_every_clause_is_an_entry_at_its_citation_url(index, plan):
    docs = _docs_by_location(index)
    for clause in iter_clauses(plan.document):
        doc = docs[f"demo/{clause.chapter}/#{clause.id}"]
        assert _shown(doc["text"]) == clause.text
        assert _shown(doc["title"]) == clause.id


def test_each_plan_page_leads_its_entries_with_its_title(index):
    locations = [doc["location"] for doc in index["docs"]]
    chapter = locations.index("demo/1/")
    assert all(location.startswith("demo/1/#") for location in locations[chapter + 1 : chapter + 5])
    docs = _docs_by_location(index)
    assert _shown(docs["demo/1/"]["title"]) == "一、推进生态建设"
    assert _shown(docs["demo/"]["title"]) == "2026年某某省国民经济和社会发展计划"


def test_material_entries_of_plan_pages_are_replaced(index):
    texts = [_shown(doc["text"]) for doc in index["docs"]]
    assert not any("material 的整节文字" in text for text in texts)


def test_other_pages_keep_material_entries_with_their_text(index):
    docs = _docs_by_location(index)
    assert _shown(docs[""]["text"]) == "<p>政府计划文本库 & 数据</p>"
    assert docs[""]["text"].count("&amp;") == 1
    assert _shown(docs["glossary/#gdp"]["title"]) == "地区生产总值"
    assert [doc["location"] for doc in index["docs"]][0] == ""


def test_plan_text_stays_escaped(index):
    text = _docs_by_location(index)["demo/1/#1-1-2"]["text"]
    assert "<" not in text and "&lt;测试&gt;" in text.replace(SEGMENT_BOUNDARY, "")


def test_terms_are_single_segments(index):
    segments = set()
    for doc in index["docs"]:
        segments.update(doc["text"].split(SEGMENT_BOUNDARY))
    assert {"三北", "绿电直连", "A级", "PPP"} <= segments


def test_the_separator_cuts_tokens_at_punctuation_of_either_width(index):
    text = _docs_by_location(index)["demo/1/#1-1-1"]["text"]
    tokens = re.split(index["config"]["separator"], html.unescape(text))
    assert "PPP" in tokens and "合作" in tokens
    assert re.split(SEARCH_SEPARATOR, "“三北”（工程）") == ["", "三北", "工程", ""]


def test_hidden_words_hold_the_parts_of_long_tokens(index):
    doc = _docs_by_location(index)["demo/2/"]
    assert "城乡居民增收工程" in doc["title"].split(SEGMENT_BOUNDARY)
    assert {"居民", "增收", "工程"} <= set(doc["words"].split())
    assert index["config"]["fields"]["words"]["boost"] < index["config"]["fields"]["text"]["boost"]


def test_hidden_words_hold_full_width_forms_folded(plan):
    material = _material_index([{"location": "x/", "title": "x", "text": "<p>ＰＰＰ项目</p>"}])
    doc = _docs_by_location(json.loads(search_index(material, (plan,), ())))["x/"]
    assert "ppp" in doc["words"].split()


def test_offline_locations_are_html_files(plan):
    docs = json.loads(search_index(_material_index([]), (plan,), (), directory_urls=False))["docs"]
    locations = [doc["location"] for doc in docs]
    assert "demo/index.html" in locations and "demo/1.html#1-1-2" in locations


def test_the_index_is_the_same_for_the_same_input(plan):
    first = search_index(_material_index(MATERIAL_DOCS), (plan,), ("三北",))
    assert search_index(_material_index(MATERIAL_DOCS), (plan,), ("三北",)) == first


def test_every_term_of_the_seed_starts_a_whole_token(offline_seed):
    """A query for a term finds every occurrence in the offline bundle's index: no segment boundary falls inside one."""
    from generator import sources

    from .conftest import SEED

    site = offline_seed[1]
    terms = search_terms(sources.load_plan(SEED))
    script = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    docs = json.loads(script[script.index("{") :])["docs"]
    broken = []
    for doc in docs:
        segments = html.unescape(doc["text"]).split(SEGMENT_BOUNDARY)
        ends, position = {}, 0
        for segment in segments:
            ends[position] = position + len(segment)
            position += len(segment)
        text = "".join(segments)
        for term in terms:
            for match in re.finditer(re.escape(term), text):
                if ends.get(match.start(), -1) < match.end():
                    broken.append((doc["location"], term))
    assert broken == []
