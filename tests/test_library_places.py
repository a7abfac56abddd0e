"""The library's index of places (/places/, and each region's page): every document naming a place,
each linked to the place's entry in that document's places index."""

import re
import textwrap
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from generator import sources, urls
from generator.library import places
from generator.library.summary import document_summary

from .html_reading import read_html

HENAN = """\
    2026年河南省政府工作报告

    一、工作回顾

    郑州、洛阳协同发展。支持郑州建设国家中心城市。黄河流域生态保护持续加强。
"""
HUBEI = """\
    2026年湖北省政府工作报告

    一、工作回顾

    武汉与郑州市、长沙市加强合作，深化与河南交流。保护长江生态。
"""


@pytest.fixture(scope="module")
def summaries(tmp_path_factory):
    folder = tmp_path_factory.mktemp("places")
    found = []
    for name, text in (("2026-henan", HENAN), ("2026-hubei", HUBEI)):
        path = folder / f"{name}.txt"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        found.append(document_summary(sources.load_plan(path)))
    return tuple(found)


def _place(found, name):
    return next(place for place in found if place["name"] == name)


def test_a_division_named_short_in_one_document_and_full_in_another_is_one_place(summaries):
    zhengzhou = _place(places.library_places(summaries, urls.PLACES_PAGE), "郑州市")
    assert (zhengzhou["code"], zhengzhou["label"], zhengzhou["aliases"]) == ("410100", "地级市 · 河南省", ("郑州",))
    # Most clauses first: Henan's report names it in two, Hubei's in one.
    assert [(source["title"], source["clauses"]) for source in zhengzhou["sources"]] == [
        ("2026年河南省政府工作报告", 2), ("2026年湖北省政府工作报告", 1)]


def test_each_document_links_to_the_place_s_entry_in_its_own_places_index(summaries):
    zhengzhou = _place(places.library_places(summaries, urls.PLACES_PAGE), "郑州市")
    assert [source["link"] for source in zhengzhou["sources"]] == ["../2026-henan/places/#zhengzhoushi", "../2026-hubei/places/#zhengzhoushi"]


def test_a_place_that_is_no_division_is_one_by_its_name(summaries):
    river = _place(places.library_places(summaries, urls.PLACES_PAGE), "长江")
    assert (river["code"], river["label"], len(river["sources"])) == ("", "河流", 1)


def test_the_places_page_lists_the_pinyin_letters_each_a_page_with_its_count(summaries):
    pages = {file.path: file.text for file in places.places_pages(summaries)}
    index = pages["places.md"]
    assert "文本库2份文件提到的" in index and '<a href="z/">Z<small>1</small></a>' in index
    assert set(pages) == {"places.md", *(f"places/{link[:-1]}.md" for link in re.findall(r'<a href="([^"]+)">', index))}


def test_a_letters_page_lists_its_places_each_with_the_documents_naming_it(summaries):
    pages = {file.path: file.text for file in places.places_pages(summaries)}
    z = pages["places/z.md"]
    assert "### 郑州市 {#zhengzhoushi}" in z and "### 洛阳市" not in z
    assert "- [2026年湖北省政府工作报告](../../2026-hubei/places/#zhengzhoushi)（1句）" in z
    assert '<span aria-current="page">Z</span>' in z and '<a href="../l/">L</a>' in z


def test_a_region_s_page_lists_its_own_places_the_region_first(summaries):
    found = places.region_places(places.library_places(summaries, urls.region_page("henan")), "410000")
    assert [place["name"] for place in found] == ["河南省", "洛阳市", "郑州市"]
    assert _place(found, "郑州市")["sources"][0]["link"] == "../../2026-henan/places/#zhengzhoushi"
    assert places.region_places(places.library_places(summaries, urls.region_page("other")), "") == []


def test_a_citys_page_lists_the_city_and_what_lies_below_it(summaries):
    found = places.region_places(places.library_places(summaries, urls.region_page("zhengzhou-410100")), "410100")
    assert [place["name"] for place in found] == ["郑州市"]


# --- the built library ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def library(library_site) -> Path:
    return library_site[0]


def _target(library: Path, page: Path, href: str) -> tuple[Path, str]:
    address, _, fragment = urljoin(page.relative_to(library).as_posix(), href).partition("#")
    return library / unquote(address) / "index.html", fragment


def test_the_places_page_finds_every_report_naming_zhengzhou_and_each_link_lands_on_its_entry(library):
    assert 'href="z/"' in (library / "places" / "index.html").read_text(encoding="utf-8")
    page = library / "places" / "z" / "index.html"
    html = page.read_text(encoding="utf-8")
    section = html[html.index('id="zhengzhoushi"') :].split("<h3", 1)[0]
    links = [attributes["href"] for tag, attributes in read_html(section).tags
             if tag == "a" and not attributes.get("href", "#").startswith("#")]
    assert any("2026-henan-gov-work-report/places/" in link for link in links)
    for link in links:
        target, fragment = _target(library, page, link)
        assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), link


def test_a_region_page_lists_the_places_of_its_region(library):
    html = (library / "region" / "henan" / "index.html").read_text(encoding="utf-8")
    assert "郑州市" in html and "地名索引" in html


def test_no_page_of_a_document_outside_inner_mongolia_speaks_of_leagues_or_banners(library):
    for folder in sorted(library.glob("2026-*-gov-work-report")):
        if "neimenggu" in folder.name:
            continue
        for page in folder.rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            assert "盟市" not in text and "旗县" not in text, page
