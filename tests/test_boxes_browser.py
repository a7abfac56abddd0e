"""专栏 boxes and the outlines' comparison in Chromium: accessible, keyboard-readable, cited by their
own places, printed with the text, readable at 360 px."""

import functools
import threading
from pathlib import Path

import pytest

from generator import build

from .browsing import DESKTOP, PHONE, open_page, served_site
from .conftest import _QuietHandler, _QuietServer
from .test_accessibility import _violations

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "outlines"
PAGES = ["national-web/2.md", "national-web/3.md", "jiangsu-markdown/3.md", "compare/2026-2030.md"]


@pytest.fixture(scope="module")
def outlines(tmp_path_factory, browser):
    """The two fixture outlines built as a library and served over HTTP."""
    out = tmp_path_factory.mktemp("outlines") / "site"
    build.build([FIXTURES / "national-web.txt", FIXTURES / "jiangsu-markdown.txt"], out)
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield served_site(f"http://127.0.0.1:{server.server_port}/", out)
    server.shutdown()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_boxes_tables_and_the_outlines_comparison_have_no_serious_violations(browser, outlines, viewport):
    found = {}
    with open_page(browser, outlines, viewport) as page:
        for source in PAGES:
            page.goto(outlines.url(source))
            found[source] = _violations(page)
    assert found == {source: [] for source in PAGES}


def test_a_table_scrolls_in_its_own_box_reached_from_the_keyboard_at_360_px(browser, outlines):
    with open_page(browser, outlines, PHONE) as page:
        page.goto(outlines.url("national-web/2.md"))
        sizes = page.evaluate(
            """() => { const box = document.querySelector('.ps-table-scroll');
                       return [box.scrollWidth > box.clientWidth, document.documentElement.scrollWidth]; }"""
        )
        assert sizes == [True, 360]
        page.focus(".ps-table-scroll")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.querySelector('.ps-table-scroll').scrollLeft > 0")


def test_a_box_clause_is_named_and_cited_by_its_own_place(browser, outlines):
    with open_page(browser, outlines, DESKTOP) as page:
        page.goto(outlines.url("national-web/2.md"))
        label = page.get_attribute("#b1-3 > .n", "aria-label")
        assert label == "专栏1第3行：链接与引用"
        page.goto(outlines.url("national-web/3.md"))
        assert page.get_attribute("#b2-1-1 > .n", "aria-label") == "专栏2第1项第1句：链接与引用"
        assert page.errors == []


def test_a_box_is_printed_with_the_text(browser, outlines):
    with open_page(browser, outlines, DESKTOP) as page:
        page.goto(outlines.url("national-web/2.md"))
        page.emulate_media(media="print")
        shown = page.evaluate(
            """() => [...document.querySelectorAll('.ps-box, .ps-table tr')]
                 .every(el => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0)"""
        )
        assert shown
