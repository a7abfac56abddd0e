"""The offline bundle's search in a real browser, opened from disk (file://) with every request
outside the bundle's folder blocked: the library's own search page (search.html) and index, read as
scripts, as the site's (test_library_search_browser.py) — the same matching, result markup, snippets
and counts.

The query set mixes domain terms (quoted and not), places, numbers with units, Latin and mixed
terms, full-width forms and parts of longer words. What each query should find is read from
plan.json, independently of the search index: every clause whose text holds the term.
"""

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from generator import patterns

from .browsing import (
    DESKTOP,
    checked_page,
    fold,
    library_search,
    offline_site,
    read_library_results,
)
from .search_reading import review_chapters

QUERIES = [
    # domain terms
    "三北", "乌兰牧骑", "沙戈荒", "绿电直连", "十五五", "枫桥经验", "那达慕", "双碳", "一带一路",
    # places
    "乌兰察布", "呼和浩特", "鄂尔多斯", "二连浩特", "满洲里", "阿拉善", "黄河",
    # numbers with units
    "4000万亩", "840亿斤", "1.4亿吨", "5%", "亿元",
    # Latin and mixed, typed half- or full-width
    "PPP", "A级", "ＰＰＰ", "Ａ级", "５％",
    # titles, and words inside longer words
    "中华人民共和国预算法", "预算法", "营商环境", "民营经济", "增收", "稀土", "算力", "中欧班列", "人工智能",
    "低空经济", "高质量发展",
]
SLUG = "nmg-2026-plan"
FIRST_RESULTS_SECONDS = 3.0
# A place as citations name it: 第二部分第（一）项第1句, 序言第2句, 第三部分 — never a raw ID (2-1-1).
PLACE = re.compile(r"^(?:序言|附件|第.+部分)")


@pytest.fixture(scope="module")
def site(offline_seed):
    return offline_site(offline_seed[1])


@pytest.fixture(scope="module")
def clauses(built_seed) -> list[dict]:
    plan = json.loads((built_seed[0] / SLUG / "data" / "plan.json").read_text(encoding="utf-8"))
    return plan["clauses"]


@pytest.fixture
def page(browser, site):
    with checked_page(browser, site) as page:
        yield page


def test_the_query_set_finds_every_clause_holding_the_term_and_no_other(page, site, clauses):
    expected_total = found_total = shown_total = holding_total = 0
    slowest = 0.0
    misses, strays = [], []
    for term in QUERIES:
        wanted = fold(term)
        expected = {clause["id"] for clause in clauses if wanted in fold(clause["text"])}
        assert expected, f"{term} is not in the plan: fix the query set"
        outcome = library_search(page, site, term, doc=SLUG)
        slowest = max(slowest, outcome.seconds)
        found = {result.fragment for result in outcome.results}
        assert outcome.count == len(outcome.results) == len(expected), term
        expected_total += len(expected)
        found_total += len(expected & found)
        misses += [(term, clause) for clause in sorted(expected - found)]
        for result in outcome.results:
            shown_total += 1
            holds = wanted in fold(result.text)
            holding_total += holds
            if not holds:
                strays.append((term, result.href))
    recall = found_total / expected_total
    precision = holding_total / shown_total
    print(f"\noffline bundle, {len(QUERIES)} queries from file://: recall {recall:.3f} ({found_total}/{expected_total}), "
          f"precision {precision:.3f} ({holding_total}/{shown_total}), slowest first results {slowest:.2f} s")
    assert misses == [] and strays == []
    assert slowest < FIRST_RESULTS_SECONDS


def test_results_count_clauses_and_name_their_places_as_the_site_does(page, site, clauses):
    outcome = library_search(page, site, "稀土", doc=SLUG)
    holding = [clause for clause in clauses if "稀土" in clause["text"]]
    assert outcome.status == f"找到 {len(holding)} 句（本文件）。"
    assert len({clause["chapter"] for clause in holding}) < len(holding), "the count is of clauses, not of chapters"
    assert all(PLACE.match(result.place) for result in outcome.results), [result.place for result in outcome.results]
    assert all("《2026年内蒙古自治区国民经济和社会发展计划》" in result.document for result in outcome.results)


def test_a_result_leads_to_the_clause_holding_the_term(page, site):
    outcome = library_search(page, site, "三北", doc=SLUG)
    assert {result.fragment for result in outcome.results} == {"2-1", "2-1-1"}
    clause = next(result for result in outcome.results if result.fragment == "2-1-1")
    assert "“三北”工程质量年行动" in clause.text
    page.click("[data-search-result] a[href$='#2-1-1']")
    page.wait_for_load_state()
    assert page.url.split("#")[0].endswith(f"{SLUG}/2.html")
    assert page.evaluate("document.querySelector(':target').id") == "2-1-1"


def test_the_term_is_highlighted_in_a_short_snippet(page, site, clauses):
    outcome = library_search(page, site, "乌兰牧骑", doc=SLUG)
    assert {mark for result in outcome.results for mark in result.marks} == {"乌兰牧骑"}
    longest = max(clauses, key=lambda clause: len(clause["text"]))
    term = longest["text"][-12:-6]
    text = next(result.text for result in library_search(page, site, term, doc=SLUG).results if result.fragment == longest["id"])
    assert term in text and len(text) < len(longest["text"]) and text.startswith("…")


@pytest.mark.parametrize("typed, plain", [("ＰＰＰ", "PPP"), ("Ａ级", "A级"), ("５％", "5%"), ("４０００万亩", "4000万亩"), ("三\u200b北", "三北")])
def test_full_width_queries_find_what_half_width_ones_do(page, site, typed, plain):
    wide = library_search(page, site, typed, doc=SLUG)
    assert wide.results and [r.href for r in wide.results] == [r.href for r in library_search(page, site, plain, doc=SLUG).results]
    assert "\u200b" not in page.inner_text("[data-search-results]")


def test_the_header_box_and_an_address_with_q_open_the_search_page(browser, page, site):
    with checked_page(browser, site, DESKTOP) as wide:
        wide.goto(site.url(f"{SLUG}/4.md"))
        wide.fill(".ps-header-search input[name=q]", "稀土")
        wide.press(".ps-header-search input[name=q]", "Enter")
        wide.wait_for_url("**/search.html?*")
        assert read_library_results(wide).count >= 3
        assert parse_qs(urlsplit(wide.url).query) == {"q": ["稀土"], "doc": [SLUG]}
    for source in ["index.md", f"{SLUG}/7.md"]:
        page.goto(site.url(source) + "?q=" + "稀土")
        page.wait_for_url("**/search.html?*")
        outcome = read_library_results(page)
        assert outcome.count >= 3 and page.input_value("input[name=q]") == "稀土"


def test_one_document_offers_no_scope_or_filter_of_a_library_but_plans_or_review(page, site, built_seed, clauses):
    library_search(page, site, "稀土", doc=SLUG)
    assert page.is_hidden("[data-scope]") and page.is_hidden("[data-search-regions]")
    assert all(page.is_hidden(f"select[name={name}]") for name in ("region", "year", "kind"))
    plan = json.loads((built_seed[0] / SLUG / "data" / "plan.json").read_text(encoding="utf-8"))
    chapters = review_chapters(plan, patterns.REVIEW_CHAPTER)
    holding = {clause["id"]: clause["chapter"] in chapters for clause in clauses if "增长" in clause["text"]}
    planned = library_search(page, site, "增长", doc=SLUG, part="plan")
    review = library_search(page, site, "增长", doc=SLUG, part="review")
    assert page.is_visible("select[name=part]") and page.input_value("select[name=part]") == "review"
    assert {result.fragment for result in review.results} == {key for key, looking_back in holding.items() if looking_back}
    assert {result.fragment for result in planned.results} == {key for key, looking_back in holding.items() if not looking_back}
    # The seed reviews no past year in a chapter of its own: every clause is one of the year's plans.
    assert planned.results and planned.count == len(holding) and not review.results and "没有找到" in review.status


def test_a_query_found_nowhere_says_so(page, site):
    outcome = library_search(page, site, "量子引力", doc=SLUG)
    assert outcome.count == 0 and outcome.results == () and "没有找到" in outcome.status
