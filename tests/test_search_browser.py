"""Material's search in a real browser, on the offline bundle opened from disk (one document, its
index inlined). The online site has the library's own search page: test_library_search_browser.py.

The query set mixes domain terms (quoted and not), places, numbers with units, Latin and mixed
terms, full-width forms and parts of longer words. What each query should find is read from
plan.json, independently of the search index: every clause whose text holds the term.
"""

import json

import pytest

from .browsing import checked_page, fold, offline_site, search

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
RECALL = 0.95
PRECISION = 0.95
FIRST_RESULTS_SECONDS = 3.0


@pytest.fixture(scope="module")
def site(offline_seed):
    return offline_site(offline_seed[1])


@pytest.fixture(scope="module")
def clauses(built_seed) -> list[dict]:
    plan = json.loads((built_seed[0] / "nmg-2026-plan" / "data" / "plan.json").read_text(encoding="utf-8"))
    return plan["clauses"]


@pytest.fixture
def page(browser, site):
    with checked_page(browser, site) as page:
        yield page


def _chapter(result) -> int:
    """The chapter a result belongs to: from a clause ID, or from the page's file name."""
    if result.fragment:
        return int(result.fragment.split("-")[0])
    name = result.path.rstrip("/").split("/")[-1].removesuffix(".html")
    return int(name) if name.isdigit() else 0


def test_query_set_finds_every_chapter_and_shows_only_what_holds_the_term(page, site, clauses):
    expected_total = found_total = shown_total = holding_total = 0
    slowest = 0.0
    misses, strays = [], []
    by_id = {clause["id"]: clause for clause in clauses}
    for term in QUERIES:
        wanted = fold(term)
        expected = {clause["chapter"] for clause in clauses if wanted in fold(clause["text"])}
        assert expected, f"{term} is not in the plan: fix the query set"
        outcome = search(page, site, term)
        slowest = max(slowest, outcome.seconds)
        found = {_chapter(result) for result in outcome.results}
        expected_total += len(expected)
        found_total += len(expected & found)
        misses += [(term, chapter) for chapter in sorted(expected - found)]
        for result in outcome.results:
            if result.page_header and not result.snippet:
                continue  # the page heading a group of results, not a result itself
            shown_total += 1
            holds = wanted in fold(result.heading + result.snippet)
            if result.fragment in by_id:
                holds = holds and wanted in fold(by_id[result.fragment]["text"])
            holding_total += holds
            if not holds:
                strays.append((term, result.href))
    recall = found_total / expected_total
    precision = holding_total / shown_total
    print(f"\n{site.name}: {len(QUERIES)} queries, recall {recall:.3f} ({found_total}/{expected_total}), "
          f"precision {precision:.3f} ({holding_total}/{shown_total}), slowest first results {slowest:.2f} s")
    assert recall >= RECALL, misses
    assert precision >= PRECISION, strays
    assert slowest < FIRST_RESULTS_SECONDS


def test_a_result_leads_to_the_clause_holding_the_term(page, site):
    outcome = search(page, site, "三北")
    assert {result.fragment for result in outcome.results if result.fragment} == {"2-1", "2-1-1"}
    clause = next(result for result in outcome.results if result.fragment == "2-1-1")
    assert "“三北”工程质量年行动" in clause.snippet
    page.click("a.md-search-result__link[href$='#2-1-1']")
    page.wait_for_load_state()
    assert page.evaluate("location.hash") == "#2-1-1"
    assert page.evaluate("document.querySelector(':target').id") == "2-1-1"
    assert page.evaluate("document.querySelector(':target').textContent").find("三北") >= 0


def test_the_term_is_highlighted_in_a_short_snippet(page, site):
    page_results = search(page, site, "乌兰牧骑")
    marks = page.eval_on_selector_all(".md-search-result mark", "marks => marks.map(mark => mark.textContent)")
    assert marks and set(marks) == {"乌兰牧骑"}
    snippet = next(result.snippet for result in page_results.results if result.fragment == "12-2-1")
    assert len(snippet) <= 95


def test_long_clauses_are_cut_around_the_term(page, site, clauses):
    longest = max(clauses, key=lambda clause: len(clause["text"]))
    term = longest["text"][-12:-6]
    outcome = search(page, site, term)
    snippet = next(result.snippet for result in outcome.results if result.fragment == longest["id"])
    assert term in snippet and len(snippet) < len(longest["text"]) / 2
    assert snippet.startswith("…")


def test_results_carry_no_zero_width_characters(page, site):
    for term in ["十五五", "高质量发展", "政府"]:
        outcome = search(page, site, term)
        assert outcome.results
        assert "\u200b" not in outcome.text
        selected = page.evaluate(
            "() => { const range = document.createRange();"
            " range.selectNodeContents(document.querySelector('.md-search-result__list'));"
            " const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range);"
            " return selection.toString(); }"
        )
        assert "\u200b" not in selected


@pytest.mark.parametrize("typed, plain", [("ＰＰＰ", "PPP"), ("Ａ级", "A级"), ("５％", "5%"), ("４０００万亩", "4000万亩")])
def test_full_width_queries_find_what_half_width_ones_do(page, site, typed, plain):
    wide = search(page, site, typed)
    narrow = search(page, site, plain)
    assert wide.results and [r.href.split("?")[0] for r in wide.results] == [r.href.split("?")[0] for r in narrow.results]


def test_terms_are_whole_for_the_search_worker(page, site):
    """The worker receives 三北 as one term (left alone, it would search for 三*)."""
    page.goto(site.url("nmg-2026-plan/index.md"))
    terms = page.evaluate(
        """async (queries) => {
             const config = JSON.parse(document.getElementById('__config').textContent);
             const index = location.protocol === 'file:'
               ? await new Promise(resolve => { const script = document.createElement('script');
                   script.src = new URL('search/search_index.js', new URL(config.base, location.href));
                   script.onload = () => resolve(__index); document.body.append(script); })
               : await (await fetch(new URL('search/search_index.json', new URL(config.base, location.href)))).json();
             const worker = new Worker(new URL(config.search, location.href));
             const raw = [];
             worker.onmessage = event => raw.push(event.data);
             worker.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
             const next = async count => { while (raw.length < count) await new Promise(r => setTimeout(r, 20)); };
             await next(1);
             const found = {};
             for (const query of queries) {
               worker.postMessage({type: 2, data: query});
               await next(raw.length + 1);
               found[query] = [...new Set(raw[raw.length - 1].data.items.flat().flatMap(doc => Object.keys(doc.terms)))];
             }
             worker.terminate();
             return found;
           }""",
        ["三北", "乌兰牧骑", "十五五", "A级", "中华人民共和国预算法"],
    )
    assert terms == {"三北": ["三北"], "乌兰牧骑": ["乌兰牧骑"], "十五五": ["十五五"], "A级": ["a级"],
                     "中华人民共和国预算法": ["中华人民共和国预算法"]}


def test_opening_any_page_with_q_runs_the_search(page, site):
    for source in ["index.md", "nmg-2026-plan/7.md"]:
        outcome = search(page, site, "稀土", source_path=source)
        assert outcome.count >= 3
        assert page.input_value(".md-search__input") == "稀土"


def test_a_query_found_nowhere_says_so(page, site):
    outcome = search(page, site, "量子引力")
    assert outcome.count == 0 and outcome.results == ()
