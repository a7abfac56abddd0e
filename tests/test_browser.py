"""The built site in a real browser (Debian's Chromium): landing on clauses, phone width, no outside hosts."""

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest

from generator import build

from .browsing import PHONE, open_page, served_site
from .conftest import _QuietHandler, _QuietServer


@pytest.fixture
def page(browser, served_seed, built_seed):
    """A phone-sized page that records, and blocks, every request to another host."""
    with open_page(browser, served_site(served_seed, built_seed[0]), PHONE) as page:
        yield page


def test_opening_a_clause_link_shows_that_clause_below_the_header(page, served_seed):
    page.goto(served_seed + "nmg-2026-plan/2/#2-3-4")
    page.wait_for_timeout(300)
    header_bottom = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    box = page.evaluate("(() => { const r = document.getElementById('2-3-4').getBoundingClientRect(); return [r.top, r.bottom]; })()")
    assert header_bottom <= box[0] < PHONE["height"]
    background = page.evaluate("getComputedStyle(document.getElementById('2-3-4')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_no_page_scrolls_sideways_on_a_phone(page, served_seed, built_seed):
    site = built_seed[0]
    for html in sorted(site.rglob("index.html")):
        path = html.parent.relative_to(site).as_posix()
        if "/s/" in f"/{path}/":
            continue  # share pages redirect at once; test_share_pages.py looks at them
        page.goto(served_seed + ("" if path == "." else path + "/"))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], path


def test_pages_fetch_nothing_from_outside_hosts(page, served_seed):
    for path in ["", "nmg-2026-plan/", "nmg-2026-plan/13/"]:
        page.goto(served_seed + path)
        page.wait_for_load_state("networkidle")
    assert page.outside_requests == []


def test_plan_json_is_served_beside_the_pages(page, served_seed):
    response = page.goto(served_seed + "nmg-2026-plan/data/plan.json")
    assert response.ok
    assert json.loads(response.text())["slug"] == "nmg-2026-plan"


class _HeldShareHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and logs every request with its status; a share page's redirect is held, as
    a link preview or a slow phone stays on it, so that the browser asks for its icon."""

    log: list

    def do_GET(self):
        if "/s/" not in self.path:
            return super().do_GET()
        body = (Path(self.directory) / self.path.lstrip("/") / "index.html").read_bytes()
        body = body.replace(b'http-equiv="refresh"', b'data-refresh')
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_request(self, code="-", size="-"):
        self.log.append((self.path, int(code)))

    def log_message(self, format, *args):
        pass


@pytest.fixture
def held_share_pages(built_seed):
    log = []
    handler = type("Handler", (_HeldShareHandler,), {"log": log})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(built_seed[0])))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/", log
    server.shutdown()


def test_no_page_sends_the_browser_looking_for_a_missing_icon(browser, held_share_pages):
    base, log = held_share_pages
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path in ["nmg-2026-plan/s/4-2-3/", "nmg-2026-plan/data/plan.json"]:
        page.goto(base + path)
        page.wait_for_timeout(1000)
    context.close()
    assert ("/nmg-2026-plan/s/4-2-3/", 200) in log
    assert [entry for entry in log if entry[1] >= 400] == []
    assert any("favicon" in path for path, _ in log)


RENAMED = "2026年某某省国民经济和社会发展计划\n\n一、第一部分\n\n{}\n\n二、第二部分\n\n加快建设乌布林水库。\n"


def test_an_index_entry_s_old_anchor_lands_on_it_after_a_rename(browser, tmp_path):
    plan = tmp_path / "x-plan.txt"
    # Enough text before the entry that landing on it has to scroll.
    plan.write_text(RENAMED.format("开工建设临河至哈密铁路。" + "推进甲乙丙丁工程建设。" * 40), encoding="utf-8")
    (tmp_path / "x-plan.index.yml").write_text("projects:\n  rename:\n    乌布林水库: 乌布林水利枢纽\n", encoding="utf-8")
    build.build([plan], tmp_path / "site")
    handler = functools.partial(_QuietHandler, directory=str(tmp_path / "site"))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{server.server_port}/x-plan/projects/#wubulinshuiku")
    page.wait_for_timeout(300)
    heading = page.evaluate(
        """() => { const h = document.getElementById('wubulinshuiku').closest('h3'); const r = h.getBoundingClientRect();
                   return [h.id, h.textContent, r.top, document.querySelector('.md-header').getBoundingClientRect().bottom]; }"""
    )
    context.close()
    server.shutdown()
    assert heading[:2] == ["wubulinshuilishuniu", "乌布林水利枢纽¶"]
    assert heading[3] <= heading[2] < heading[3] + 60
