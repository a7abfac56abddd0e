"""Hostile text end to end: a plan full of markup-like text, built by the command line, stays text.

Every built HTML page is scanned generically (whatever pages other features add): no element or
attribute the plan's text could have injected, and each clause, title and heading shown literally.
"""

import json
import re
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from .conftest import ROOT
from .html_reading import read_html, text_by_id

HOSTILE_PLAN = textwrap.dedent(
    """\
    2026年<script>alert(1)</script>**某**省|`码`#{#t}国民经济和社会发展计划

    总体要求是:<img src=x onerror=alert(1)>稳中求进。

    一、第一部分<script>alert(2)</script>**粗**|竖线|`码`#井{#evil}

    引言[x](javascript:alert(3))第一句。<b onmouseover=alert(4)>悬停</b>第二句。

    （一）小节<img src=x onerror=alert(5)>标题。正文**粗体**第一句。表格|a|b|第二句。

    （二）{#evil2}小节`码`|标题。正文&amp;&lt;实体<!-- 注释 -->与<a href="javascript:alert(6)">链接</a>。

    二、第二部分[链接](javascript:alert(7))

    <style>body{display:none}</style>第三句。<iframe src=x></iframe>![图](x.png)~~删~~==标==^^上^^${x}$ [^1]结束。

    打印本页
    <script>alert(8)</script>
    """
)
# The same plan with every piece of markup replaced by plain words: the pages it gives are the reference.
MARKUP = re.compile(r"<[^>]*>|\*\*|[|`#{}\[\]()!~=^$&;]")


def _benign(text: str) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(MARKUP.sub("文", line) if "打印本页" not in line else line for line in lines[:-1])


def _build(folder: Path, text: str) -> tuple[Path, subprocess.CompletedProcess]:
    plan = folder / "plan.txt"
    plan.write_text(text, encoding="utf-8")
    out = folder / "site"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", plan, "--out", out], cwd=ROOT, capture_output=True, text=True
    )
    return out, result


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    out, result = _build(tmp_path_factory.mktemp("hostile"), HOSTILE_PLAN)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def benign(tmp_path_factory) -> Path:
    out, result = _build(tmp_path_factory.mktemp("benign"), _benign(HOSTILE_PLAN))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def plan_json(hostile) -> dict:
    return json.loads((hostile / "plan" / "data" / "plan.json").read_text(encoding="utf-8"))


def _shapes(site: Path) -> set[tuple[str, tuple[str, ...]]]:
    """Every kind of element in the site's pages: its tag and the names of its attributes."""
    return {
        (tag, tuple(sorted(attributes)))
        for page in site.rglob("*.html")
        for tag, attributes in read_html(page.read_text(encoding="utf-8")).tags
    }


@pytest.mark.build
def test_the_hostile_plan_is_read_as_a_plan(plan_json):
    assert [chapter["heading"] for chapter in plan_json["divisions"]] == [
        "一、第一部分<script>alert(2)</script>**粗**|竖线|`码`#井{#evil}",
        "二、第二部分[链接](javascript:alert(7))",
    ]
    assert plan_json["title"] == "2026年<script>alert(1)</script>**某**省|`码`#{#t}国民经济和社会发展计划"


@pytest.mark.build
def test_pages_hold_no_element_or_attribute_the_plan_could_have_injected(hostile, benign):
    assert _shapes(hostile) <= _shapes(benign)


@pytest.mark.build
def test_no_page_has_an_event_handler_a_script_url_or_an_injected_id(hostile):
    for page in hostile.rglob("*.html"):
        reader = read_html(page.read_text(encoding="utf-8"))
        for tag, attributes in reader.tags:
            assert not [name for name in attributes if name.startswith("on")], (page, tag, attributes)
            for name in ("href", "src", "action", "formaction", "data"):
                assert not (attributes.get(name) or "").strip().lower().startswith("javascript:"), (page, tag)
            assert attributes.get("id") not in {"t", "evil", "evil2"}
            assert tag not in {"iframe", "img", "style"} or tag == "style" and not attributes, (page, tag)


class _Scripts(HTMLParser):
    """The text inside every <script> and <style> element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside, self.texts = None, []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.inside = tag
            self.texts.append("")

    def handle_endtag(self, tag):
        self.inside = None

    def handle_data(self, data):
        if self.inside:
            self.texts[-1] += data


@pytest.mark.build
def test_no_script_or_style_holds_plan_text(hostile):
    for page in hostile.rglob("*.html"):
        reader = _Scripts()
        reader.feed(page.read_text(encoding="utf-8"))
        assert not [text for text in reader.texts if "alert(" in text or "display:none" in text], page


@pytest.mark.build
def test_every_clause_is_shown_literally_where_its_link_points(hostile, plan_json):
    for clause in plan_json["clauses"]:
        page, fragment = clause["url"].split("#")
        html = (hostile / page / "index.html").read_text(encoding="utf-8")
        shown = text_by_id(html)[fragment]
        assert shown.endswith(clause["text"]) or clause["text"] in shown, (clause["id"], shown)


class _Heads(HTMLParser):
    """The page's <title>, its meta description, and the text of every link."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.description, self.links, self._in = "", "", [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "title":
            self._in = "title"
        elif tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content") or ""
        elif tag == "a":
            self._in = "a"
            self.links.append("")

    def handle_endtag(self, tag):
        if tag in ("title", "a"):
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "a":
            self.links[-1] += data


def _heads(page: Path) -> _Heads:
    reader = _Heads()
    reader.feed(page.read_text(encoding="utf-8"))
    return reader


@pytest.mark.build
def test_titles_descriptions_and_navigation_show_the_text_literally(hostile, plan_json):
    chapter = plan_json["divisions"][0]
    page = _heads(hostile / "plan" / "1" / "index.html")
    assert f" · {chapter['heading']} - " in page.title  # the document's name, then the chapter's, then the site's
    assert page.description.startswith(chapter["heading"])
    links = [" ".join(text.split()) for text in page.links]
    assert chapter["heading"] in links
    assert plan_json["title"] in links
    home = _heads(hostile / "plan" / "index.html")
    assert home.title.startswith(plan_json["title"])
    assert plan_json["title"] in home.description


@pytest.mark.build
def test_the_search_index_holds_the_text_exactly(hostile, plan_json):
    """The index's text files are data (JSON): the search page escapes the text when it shows it."""
    import gzip

    texts = []
    for run in sorted((hostile / "search" / "text").rglob("*.bin")):
        texts.extend(text for _, text, _ in json.loads(gzip.decompress(run.read_bytes())))
    assert texts == [clause["text"] for clause in plan_json["clauses"]]


@pytest.mark.build
def test_the_data_exports_keep_the_text_exactly(hostile, plan_json):
    source = HOSTILE_PLAN
    for clause in plan_json["clauses"]:
        assert source[clause["source"]["start"] : clause["source"]["end"]] == clause["text"]
    texts = "".join(clause["text"] for clause in plan_json["clauses"])
    for needle in ("<script>alert(2)</script>", "[x](javascript:alert(3))", "{#evil2}", "&amp;&lt;", "<!-- 注释 -->", "${x}$"):
        assert needle in texts
    report = json.loads((hostile / "plan" / "data" / "report.json").read_text(encoding="utf-8"))
    assert "<script>alert(8)</script>" in [item["text"] for item in report["debris"]]


@pytest.mark.build
def test_the_sitemap_is_well_formed(hostile):
    import xml.etree.ElementTree as ElementTree

    ElementTree.fromstring((hostile / "sitemap.xml").read_bytes())


@pytest.fixture(scope="module")
def served_hostile(hostile):
    """The hostile site served over HTTP on localhost; yields its base URL."""
    import functools
    import http.server
    import threading

    from .conftest import _QuietHandler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(hostile)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_in_a_browser_no_script_runs_and_search_results_show_the_text(browser, served_hostile):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(served_hostile + "plan/1/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.querySelectorAll('img[onerror], [onmouseover], iframe, #evil, #evil2').length") == 0
    assert "<script>alert(2)</script>" in page.inner_text("h1")
    page.goto(served_hostile + "search/?q=" + quote("悬停 <b"))
    page.wait_for_selector("[data-search-result]", timeout=10000)
    results = page.inner_text("[data-search-results]")
    assert page.evaluate("document.querySelectorAll('[data-search-results] b, [data-search-results] img').length") == 0
    page.close()
    assert "<b onmouseover=alert(4)>悬停</b>" in results
    assert dialogs == []
