"""The seed built end to end, read back the way a reader (or a checker) would."""

import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest

from generator import build

from .conftest import CORPUS as CORPUS_DOCUMENTS
from .conftest import SEED, site_url
from .html_reading import outside_references, read_html, text_by_id

ABSOLUTE_URL = re.compile(r"https?://[^\s\"'<>]+")
SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


@pytest.fixture(scope="module")
def site(seed_site) -> Path:
    return seed_site


@pytest.fixture(scope="module")
def plan_json(seed_plan_json) -> dict:
    return seed_plan_json


def _page(site: Path, url: str) -> str:
    path = url.split("#")[0]
    return (site / path / "index.html").read_text(encoding="utf-8")


def _independent_body(seed_text: str) -> str:
    """The plan body read independently: after the title line, up to the site's footer banner."""
    lines = [line.strip() for line in seed_text.splitlines()]
    start = lines.index("2026年内蒙古自治区国民经济和社会发展计划") + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("北疆新闻 |"))
    return "".join(line for line in lines[start:end] if line and not line.endswith(".png"))


def test_clauses_concatenate_to_the_plan_body(plan_json, seed_text):
    assert "".join(clause["text"] for clause in plan_json["clauses"]) == _independent_body(seed_text)


def test_every_clause_text_is_the_source_span(plan_json, seed_text):
    for clause in plan_json["clauses"]:
        source = clause["source"]
        assert seed_text[source["start"] : source["end"]] == clause["text"]


def test_every_clause_url_lands_on_an_element_showing_it(site, plan_json):
    pages: dict[str, dict[str, str]] = {}
    for clause in plan_json["clauses"]:
        page, fragment = clause["url"].split("#")
        if page not in pages:
            pages[page] = text_by_id(_page(site, page))
        texts = pages[page]
        assert fragment == clause["id"]
        assert clause["text"] in texts[fragment]


def test_clause_list_fields(plan_json):
    clause = next(c for c in plan_json["clauses"] if c["id"] == "4-2-3")
    assert clause["kind"] == "sentence"
    assert (clause["chapter"], clause["section"]) == (4, 2)
    assert clause["url"] == "nmg-2026-plan/4/#4-2-3"
    kinds = {c["kind"] for c in plan_json["clauses"]}
    assert kinds == {"chapter_title", "section_heading", "sentence"}
    assert [c["chapter"] for c in plan_json["clauses"][:2]] == [0, 0]


def test_tree_matches_the_plan(plan_json):
    assert plan_json["title"] == "2026年内蒙古自治区国民经济和社会发展计划"
    assert plan_json["front_matter"]["document_number"] == "内政发〔2026〕5号"
    assert [len(chapter["children"]) for chapter in plan_json["divisions"]] == [0, 5, 3, 3, 3, 3, 4, 4, 4, 3, 2, 3, 10, 0]
    assert plan_json["divisions"][1]["children"][0]["heading"] == "(一)扎实推进“三北”工程攻坚战。"
    assert {division["kind"] for division in plan_json["divisions"]} == {"chapter_title"}


def test_site_home_lists_the_plan_and_lives_at_the_root(site):
    links = [attrs.get("href") for tag, attrs in read_html((site / "index.html").read_text("utf-8")).tags if tag == "a"]
    assert "nmg-2026-plan/" in links


def test_plan_home_shows_notice_targets_and_chapters(site):
    html = (site / "nmg-2026-plan" / "index.html").read_text(encoding="utf-8")
    assert "内政发〔2026〕5号" in html and "(此件公开发布)" in html
    assert "粮食产量超过840亿斤" in text_by_id(html)["0-0-6"]
    links = [attrs.get("href") for tag, attrs in read_html(html).tags if tag == "a"]
    assert all(f"{number}/" in links for number in range(1, 15))


def test_chapter_pages_link_to_previous_and_next(site):
    html = _page(site, "nmg-2026-plan/5/")
    classes = [attrs.get("class", "") for tag, attrs in read_html(html).tags if tag == "a"]
    assert any("md-footer__link--prev" in c for c in classes)
    assert any("md-footer__link--next" in c for c in classes)


def test_pages_are_chinese_and_described(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert '<html lang="zh"' in html
        if page.name != "404.html":
            assert '<meta name="description" content="' in html


def test_nothing_refers_to_an_outside_host(site):
    # Canonical links, og:url and the sitemap name the site's own configured address; nothing else.
    origin = site_url()
    for page in [*site.rglob("*.html"), site / "sitemap.xml"]:
        text = page.read_text(encoding="utf-8")
        assert [url for url in outside_references(text) if not url.startswith(origin)] == [], page
        addresses = [url for url in ABSOLUTE_URL.findall(text) if url != SITEMAP_NAMESPACE]
        assert all(url.startswith(origin) for url in addresses), (page, addresses)


def test_no_source_maps_are_shipped(site):
    assert not list(site.rglob("*.map"))
    assert not any("sourceMappingURL" in path.read_text("utf-8") for path in site.rglob("*.js"))


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_two_builds_are_byte_identical(site, tmp_path):
    again = tmp_path / "again"
    build.build([SEED], again)
    assert _tree_digest(again) == _tree_digest(site)


# Three reports of the library: enough to show that several documents build alike, quickly.
CORPUS = [path for path in CORPUS_DOCUMENTS if path.stem.split("-")[1] in ("ningxia", "sichuan", "yunnan")]


def _build_twice(tmp_path, plans):
    first, second = tmp_path / "first", tmp_path / "second"
    build.build(plans, first)
    build.build(plans, second)
    return first, second


@pytest.mark.build
def test_the_corpus_builds_byte_identically_sitemap_and_targets_included(tmp_path):
    first, second = _build_twice(tmp_path, CORPUS)
    for name in ("sitemap.xml", "sitemap.xml.gz", "data/targets.json", "search/catalogue.bin"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    index = sorted(path.relative_to(first) for path in (first / "search").rglob("*.bin"))
    assert index and all((first / path).read_bytes() == (second / path).read_bytes() for path in index)
    assert _tree_digest(first) == _tree_digest(second)


@pytest.mark.build
def test_a_plan_without_a_date_builds_byte_identically(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("2026年某某省国民经济和社会发展计划\n\n一、第一部分\n\n第一句话。\n\n二、第二部分\n\n第二句话。\n", encoding="utf-8")
    first, second = _build_twice(tmp_path, [plan])
    assert _tree_digest(first) == _tree_digest(second)


def test_the_build_report_is_written_beside_plan_json(site):
    report = json.loads((site / "nmg-2026-plan" / "data" / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["chapters"] == 14
    assert report["warnings"] == []
    assert [item["line"] for item in report["debris"] if item["kind"] == "image"] == [45, 67, 177]
    assert all(item["rule"] for item in report["debris"])


def _dated_report(folder: Path, year: int) -> Path:
    """A small government work report given on 1 February of ``year``."""
    report = folder / f"{year}-report.txt"
    report.write_text(
        f"{year}年政府工作报告\n——{year}年2月1日在某某省第一届人民代表大会第一次会议上\n省长　某某\n各位代表：\n"
        f"一、{year - 1}年工作回顾\n\n过去一年，地区生产总值增长5%。\n\n二、{year}年工作安排\n\n地区生产总值增长5%左右。\n",
        encoding="utf-8",
    )
    return report


@pytest.mark.build
@pytest.mark.parametrize("year", [1958, 2040])
def test_a_document_dated_outside_the_formats_ranges_builds_with_fixed_file_times(tmp_path, year):
    """README, "Builds": no file carries a time of building or its document's date: gzip headers
    none (MTIME 0), zip entries 1980-01-01 00:00, for a report of 1958 (before gzip's and zip's
    epochs) or of 2040 (after 32-bit time's end) as for any other."""
    report = _dated_report(tmp_path, year)
    site = tmp_path / "site"
    build.build([report], site)
    assert json.loads((site / f"{year}-report" / "data" / "plan.json").read_text(encoding="utf-8"))["meta"]["date"] == f"{year}-02-01"
    gzipped = sorted(site.rglob("*.gz")) + sorted((site / "search").rglob("*.bin"))
    assert gzipped and all(path.read_bytes()[4:8] == b"\0\0\0\0" for path in gzipped)
    build.build([report], tmp_path / "dist", offline=True)
    with zipfile.ZipFile(tmp_path / "dist" / f"{year}-report-offline.zip") as bundle:
        assert {info.date_time for info in bundle.infolist()} == {(1980, 1, 1, 0, 0, 0)}
