"""Outlines built into a library (the build tier): boxes and tables on the pages, the outlines'
comparison, every link of it landing on its row or sentence."""

import json
from pathlib import Path

import pytest

from generator import build

from .html_reading import read_html

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "outlines"
REPORT = Path(__file__).resolve().parent.parent / "seeds" / "2026-beijing-gov-work-report.txt"

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def outline_site(tmp_path_factory):
    """Two outlines (a web copy, a Markdown copy) and a report, built as one library."""
    out = tmp_path_factory.mktemp("outlines") / "site"
    build.build([FIXTURES / "national-web.txt", FIXTURES / "jiangsu-markdown.txt", REPORT], out)
    return out


def _ids(page: Path) -> set[str]:
    return {attributes["id"] for _, attributes in read_html(page.read_text(encoding="utf-8")).tags if "id" in attributes}


def _lands(site: Path, url: str) -> bool:
    """Whether a site-relative URL with #id names an element of the page it points to."""
    path, _, fragment = url.partition("#")
    return fragment in _ids(site / path / "index.html")


def test_every_cell_of_the_outlines_comparison_lands_on_its_row_or_sentence(outline_site):
    page = outline_site / "compare" / "2026-2030" / "index.html"
    html = page.read_text(encoding="utf-8")
    links = [attributes["href"] for tag, attributes in read_html(html).tags if tag == "a" and "#" in attributes.get("href", "")]
    cells = [link for link in links if link.startswith("../../") and "/#" in link]
    assert len(cells) >= 16
    for link in cells:
        assert _lands(outline_site, link[len("../../") :]), link
    assert "“十五五”时期主要指标对照" in html


def test_period_targets_json_rows_land_on_their_clauses(outline_site):
    payload = json.loads((outline_site / "data" / "period-targets.json").read_text(encoding="utf-8"))
    assert {row["document"] for row in payload["rows"]} == {"national-web", "jiangsu-markdown"}
    for row in payload["rows"]:
        assert _lands(outline_site, row["url"]), row["url"]


def test_a_chapter_shows_its_box_and_table_as_html(outline_site):
    html = (outline_site / "national-web" / "2" / "index.html").read_text(encoding="utf-8")
    tags = read_html(html).tags
    assert ("section", {"class": "ps-box", "aria-labelledby": "b1"}) in tags
    assert sum(1 for tag, attributes in tags if tag == "th" and attributes.get("scope") == "row") == 11
    assert 'markdown="1"' not in html and "&lt;span" not in html
    # A box item's clause carries its links (a project named in it links to the index).
    items = (outline_site / "national-web" / "3" / "index.html").read_text(encoding="utf-8")
    assert 'id="b2-1" data-cite="专栏2第1项"><a class="n" href="#b2-1">1</a>01　<a class="prj" href="../projects/#' in items


def test_an_annual_report_is_left_out_of_the_outlines_comparison(outline_site):
    html = (outline_site / "compare" / "2026-2030" / "index.html").read_text(encoding="utf-8")
    assert "2026-beijing-gov-work-report" not in html


def test_the_home_page_lists_the_outlines_comparison_under_the_year_its_period_begins(outline_site):
    html = (outline_site / "index.html").read_text(encoding="utf-8")
    links = {attributes["href"]: attributes for tag, attributes in read_html(html).tags if tag == "a" and "href" in attributes}
    assert "compare/2026-2030/" in links
    assert 'href="compare/2026-2030/"' in html[html.index('id="year-2026"') :]
