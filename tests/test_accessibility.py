"""Automated accessibility check (axe-core, vendored) of every kind of page, served and offline."""

from pathlib import Path

import pytest

from .browsing import (
    DESKTOP,
    PHONE,
    library_search,
    offline_site,
    open_page,
    served_site,
)

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
BLOCKING = {"serious", "critical"}
PAGES = ["index.md", "nmg-2026-plan/index.md", "nmg-2026-plan/2.md", "nmg-2026-plan/13.md"]


@pytest.fixture(scope="module", params=["served", "offline"])
def site(request, served_seed, built_seed, offline_seed):
    if request.param == "served":
        return served_site(served_seed, built_seed[0])
    return offline_site(offline_seed[1])


def _violations(page) -> list:
    """axe's serious and critical violations on the page as it is now: rule, impact, first elements."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
             .map(v => [v.id, v.impact, v.nodes.slice(0, 3).map(node => node.target.join(' '))])"""
    )
    return [violation for violation in found if violation[1] in BLOCKING]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_pages_have_no_serious_accessibility_violations(browser, site, viewport):
    with open_page(browser, site, viewport) as page:
        for source in PAGES:
            page.goto(site.url(source))
            assert _violations(page) == [], source


# Every kind of page a reader meets, as `make site` builds the library: a chapter, the glossary, the
# three indexes (the projects' carries category counts), and the library's home, a region page and a
# year's comparison (which the offline bundle leaves out: they live on the published site).
READING_PAGES = [
    "nmg-2026-plan/2.md",
    "nmg-2026-plan/indicators.md",
    "nmg-2026-plan/projects.md",
    "nmg-2026-plan/places.md",
    "nmg-2026-plan/documents.md",
]
LIBRARY_PAGES = ["index.md", "region/neimenggu.md", "region/beijing.md", "compare/2026.md"]


@pytest.fixture(scope="module")
def library(library_site):
    """The whole library served over HTTP: its base URL."""
    import functools
    import threading

    from .conftest import _QuietHandler, _QuietServer

    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(library_site[0])))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield served_site(f"http://127.0.0.1:{server.server_port}/", library_site[0])
    server.shutdown()


def test_reading_pages_have_no_serious_violations_at_360_px(browser, site):
    found = {}
    with open_page(browser, site, PHONE) as page:
        for source in READING_PAGES:
            page.goto(site.url(source))
            found[source] = _violations(page)
    assert found == {source: [] for source in READING_PAGES}


def test_library_pages_have_no_serious_violations_at_360_px(browser, library):
    found = {}
    with open_page(browser, library, PHONE) as page:
        for source in LIBRARY_PAGES:
            page.goto(library.url(source))
            found[source] = _violations(page)
    assert found == {source: [] for source in LIBRARY_PAGES}


def test_an_open_card_has_no_serious_violations(browser, site):
    with open_page(browser, site, PHONE) as page:
        page.goto(site.url("nmg-2026-plan/index.md"))
        page.locator(".c a.ind").first.click()
        page.locator(".ps-card").wait_for()
        assert _violations(page) == []


def test_the_404_page_has_no_serious_accessibility_violations(browser, served_seed, built_seed):
    """Served only: the offline bundle has no 404 page, there is no server to send it."""
    site = served_site(served_seed, built_seed[0])
    with open_page(browser, site, PHONE) as page:
        page.goto(site.base + "404.html")
        assert _violations(page) == []


@pytest.mark.parametrize("term", ["三北", "量子引力"])
def test_search_with_results_or_none_has_no_serious_violations(browser, site, term):
    """The same search page served and offline (search.html), its filters open."""
    with open_page(browser, site, PHONE) as page:
        library_search(page, site, term, doc="nmg-2026-plan")
        page.click("[data-filters] summary")
        assert _violations(page) == []


def test_the_open_navigation_drawer_has_no_serious_violations(browser, site):
    with open_page(browser, site, PHONE) as page:
        page.goto(site.url("nmg-2026-plan/2.md"))
        page.click(".md-header__button.ps-menu")  # the drawer's menu button (plansite.js)
        page.wait_for_timeout(400)
        assert _violations(page) == []
