"""Citations built by the page script at every level of a document's tree, as plan.json gives them:
an outline's parts, chapters, sections and items, and a report whose title names no region."""

import json
import textwrap

import pytest

from generator import build

from .browsing import copied_citations
from .conftest import ROOT, _served
from .test_parse import OUTLINE


@pytest.fixture(scope="module")
def levels_site(tmp_path_factory):
    """A small outline and Yunnan's report (its title names no region), built into one site."""
    folder = tmp_path_factory.mktemp("levels")
    outline = folder / "2026-moumou-outline.txt"
    outline.write_text(textwrap.dedent(OUTLINE), encoding="utf-8")
    build.build([outline, ROOT / "seeds" / "2026-yunnan-gov-work-report.txt"], folder / "site")
    return folder / "site"


@pytest.fixture(scope="module")
def served_levels(levels_site):
    yield from _served(levels_site)


def _plan(site, slug: str) -> dict:
    return json.loads((site / slug / "data" / "plan.json").read_text(encoding="utf-8"))


@pytest.mark.build
@pytest.mark.parametrize("slug", ["2026-moumou-outline", "2026-yunnan-gov-work-report"])
def test_the_page_copies_every_citation_as_plan_json_gives_it(browser, levels_site, served_levels, slug):
    clauses = {clause["id"]: clause for clause in _plan(levels_site, slug)["clauses"]}
    copied = copied_citations(browser, served_levels, {clause["url"].split("#")[0] for clause in clauses.values()})
    for clause_id, clause in clauses.items():
        url = served_levels + clause["url"]
        assert copied[clause_id, "cite"] == clause["citation"] + " " + url
        assert copied[clause_id, "full"] == clause["citation_long"] + " " + url


@pytest.mark.build
def test_citations_name_the_levels_as_the_genre_does(levels_site):
    citations = {clause["id"]: clause["citation"] for clause in _plan(levels_site, "2026-moumou-outline")["clauses"]}
    title = "《某某省国民经济和社会发展第十五个五年规划纲要》"
    assert citations["3-1-2-1"] == f"{title}第三章第一节第（二）项第1句"
    assert citations["1-1-2"] == f"{title}第一章第一节第2句"
    assert citations["p1-0-2"] == f"{title}第一篇第2句"


@pytest.mark.build
def test_a_report_s_citations_name_its_region_and_its_speaker(levels_site):
    clause = next(clause for clause in _plan(levels_site, "2026-yunnan-gov-work-report")["clauses"] if clause["id"] == "1-1-1")
    assert clause["citation"].startswith("云南省《2026年政府工作报告》第一部分第（一）项第1句")
    assert "，省长 王予波）第一部分" in clause["citation_long"]


@pytest.mark.build
def test_landing_on_an_items_heading_highlights_it(browser, served_levels):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(served_levels + "2026-moumou-outline/3/#3-1-2")
    page.wait_for_timeout(200)
    assert page.evaluate("document.getElementById('3-1-2').classList.contains('hl')")
    assert page.evaluate("document.getElementById('3-1-2').tagName") == "H3"
    context.close()


@pytest.mark.build
def test_the_header_names_whose_page_it_is_at_360_px(browser, served_levels):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(served_levels + "2026-yunnan-gov-work-report/3/")
    assert page.title().startswith("云南省 · 2026年政府工作报告 · 三、")
    first = page.locator(".md-header__topic:not([data-md-component]) .md-ellipsis")
    assert first.is_visible() and first.text_content().strip() == "云南省 · 2026年政府工作报告"
    page.mouse.wheel(0, 600)
    page.wait_for_timeout(300)
    topic = page.locator('[data-md-component="header-topic"] .md-ellipsis')
    assert topic.is_visible() and topic.text_content().strip().startswith("云南省 · 2026年政府工作报告 · 三、")
    context.close()
