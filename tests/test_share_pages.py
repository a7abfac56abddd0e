"""Share pages as chat apps and readers meet them: meta tags, the redirect, canonical addresses."""

import html
import json
import re
from pathlib import Path

import pytest

from generator import build

from .conftest import ROOT, SEED, site_url
from .html_reading import read_html

REFRESH = re.compile(r"^0; url=(?P<url>.+)$")


@pytest.fixture(scope="module")
def site(seed_site) -> Path:
    return seed_site


@pytest.fixture(scope="module")
def plan_json(seed_plan_json) -> dict:
    return seed_plan_json


def head(html: str) -> dict[str, str]:
    """A page's meta tags by name or property, its canonical link and its title."""
    reader = read_html(html)
    found = {}
    for tag, attributes in reader.tags:
        if tag == "meta":
            key = attributes.get("name") or attributes.get("property") or attributes.get("http-equiv")
            found[key] = attributes.get("content")
        elif tag == "link" and attributes.get("rel") == "canonical":
            found["canonical"] = attributes["href"]
    found["title"] = re.search(r"<title>(.*?)</title>", html)[1]
    return found


def test_every_clause_has_a_share_page_listed_in_plan_json(site, plan_json):
    for clause in plan_json["clauses"]:
        assert clause["share_url"] == f"nmg-2026-plan/s/{clause['id']}/"
        assert (site / clause["share_url"] / "index.html").is_file()


def test_a_share_page_previews_the_clause_in_chat_apps(site, plan_json):
    clause = next(clause for clause in plan_json["clauses"] if clause["id"] == "4-2-3")
    tags = head((site / clause["share_url"] / "index.html").read_text(encoding="utf-8"))
    title = "《2026年内蒙古自治区国民经济和社会发展计划》第四部分第（二）项第3句"
    assert clause["citation"] == title
    assert tags["og:title"] == tags["twitter:title"] == title
    assert tags["description"] == tags["og:description"] == tags["twitter:description"] == clause["text"]
    assert tags["og:url"] == tags["canonical"] == site_url() + clause["share_url"]
    assert tags["og:type"] == "article" and tags["twitter:card"] == "summary"
    assert tags["robots"] == "noindex"
    assert title in tags["title"]


@pytest.mark.parametrize(
    "clause_id, target, citation",
    [
        ("4-2-3", "../../4/#4-2-3", "第四部分第（二）项第3句"),
        ("4-0-1", "../../4/#4-0-1", "第四部分第1句"),
        ("0-0-3", "../../#0-0-3", "序言第3句"),
        ("4-2", "../../4/#4-2", "第四部分第（二）项"),
        ("4", "../../4/#4", "第四部分"),
    ],
)
def test_a_share_page_sends_the_reader_to_the_clause_without_javascript(site, clause_id, target, citation):
    html = (site / "nmg-2026-plan" / "s" / clause_id / "index.html").read_text(encoding="utf-8")
    assert REFRESH.match(head(html)["refresh"])["url"] == target
    links = [attributes["href"] for tag, attributes in read_html(html).tags if tag == "a"]
    assert links == [target]
    assert head(html)["title"].startswith(f"《2026年内蒙古自治区国民经济和社会发展计划》{citation} - ")
    assert "<script" not in html


def test_share_pages_stay_out_of_search_nav_and_sitemap(site):
    import gzip

    runs = [json.loads(gzip.decompress(run.read_bytes())) for run in (site / "search" / "text").rglob("*.bin")]
    locations = [url for run in runs for _, _, url in run]
    assert locations and not [url for url in locations if "/s/" in url]
    # Share pages lie in a document's s/ folder (/places/s/ is the places index's letter S).
    assert "/nmg-2026-plan/s/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    chapter = (site / "nmg-2026-plan" / "4" / "index.html").read_text(encoding="utf-8")
    hrefs = [attributes.get("href", "") for tag, attributes in read_html(chapter).tags if tag == "a"]
    assert not [href for href in hrefs if "/s/" in "/" + href]


def test_every_page_names_its_canonical_address_and_describes_itself(site):
    for page in site.rglob("index.html"):
        tags = head(page.read_text(encoding="utf-8"))
        path = page.parent.relative_to(site).as_posix()
        assert tags["canonical"] == site_url() + ("" if path == "." else path + "/"), page
        assert tags["description"].strip(), page


@pytest.mark.build
def test_share_page_meta_tags_carry_hostile_text_exactly(tmp_path):
    hostile = 'A"B<script>alert(1)</script>&lt{#x} **粗** `码`。'
    plan = tmp_path / "plan.txt"
    plan.write_text(f"2026年某某省国民经济和社会发展计划\n\n  一、第一部分\n\n  {hostile}\n", encoding="utf-8")
    build.build([plan], tmp_path / "site")
    page = (tmp_path / "site" / "plan" / "s" / "1-0-1" / "index.html").read_text(encoding="utf-8")
    tags = head(page)
    assert tags["description"] == tags["og:description"] == tags["twitter:description"] == hostile
    assert "<script>" not in page
    assert hostile in _text(page)  # the visible quotation, shown until the redirect


def _text(page: str) -> str:
    """The visible text of a page, character references decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", page.split("<body>")[1]))


def offline_config(folder: Path) -> Path:
    """mkdocs.yml as the offline bundle builds it: file URLs (page.html), theme by absolute path."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    config = folder / "mkdocs.yml"
    config.write_text(text + "\nuse_directory_urls: false\n", encoding="utf-8")
    return config


@pytest.mark.build
def test_share_pages_redirect_to_file_urls_in_the_offline_build(tmp_path):
    out = tmp_path / "site"
    build.build([SEED], out, config_file=offline_config(tmp_path))
    for clause_id, target in [("4-2-3", "../4.html#4-2-3"), ("0-0-3", "../index.html#0-0-3")]:
        share = out / "nmg-2026-plan" / "s" / f"{clause_id}.html"
        html = share.read_text(encoding="utf-8")
        assert REFRESH.match(head(html)["refresh"])["url"] == target
        assert [attributes["href"] for tag, attributes in read_html(html).tags if tag == "a"] == [target]
        assert (share.parent / target.split("#")[0]).is_file()
