"""The offline bundle: one zip, unzipped and opened from disk, with nothing fetched from anywhere else."""

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator import build

from .browsing import PHONE, offline_site, open_page
from .conftest import SEED
from .html_reading import read_html, text_by_id

REFERENCE_ATTRIBUTES = ("href", "src")


def _html_pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def test_make_offline_writes_one_zip_named_after_the_plan(offline_seed):
    bundle, folder = offline_seed
    assert bundle.name == "nmg-2026-plan-offline.zip"
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert all(name.startswith("nmg-2026-plan-offline/") for name in names)
    assert "nmg-2026-plan-offline/index.html" in names
    assert "nmg-2026-plan-offline/nmg-2026-plan/2.html" in names


def test_the_same_input_gives_the_same_zip(offline_seed, tmp_path):
    build.build([SEED], tmp_path, offline=True)
    assert (tmp_path / offline_seed[0].name).read_bytes() == offline_seed[0].read_bytes()


def test_the_zip_is_sorted_with_fixed_dates(offline_seed):
    with zipfile.ZipFile(offline_seed[0]) as archive:
        infos = archive.infolist()
    assert [info.filename for info in infos] == sorted(info.filename for info in infos)
    assert {info.date_time for info in infos} == {(2026, 2, 13, 0, 0, 0)}


def test_the_zip_carries_no_dead_weight(offline_seed):
    folder = offline_seed[1]
    files = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    assert not [name for name in files if name.endswith(".map")]
    assert not {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json", ".plansite"} & files
    assert not [name for name in files if "/lunr/" in name], "the worker imports no language scripts for this index"
    assert "search/search_index.js" in files
    assert {"assets/iframe-worker/shim.js", "assets/iframe-worker/LICENSE"} <= files
    for script in folder.rglob("*.js"):
        assert "sourceMappingURL" not in script.read_text(encoding="utf-8")


def test_pages_load_the_vendored_worker_shim_and_nothing_from_outside(offline_seed):
    for page in _html_pages(offline_seed[1]):
        html = page.read_text(encoding="utf-8")
        assert "unpkg" not in html and "http://" not in html and "https://" not in html, page
        if "/s/" in page.as_posix():
            continue  # a share page: a bare redirect to its clause, with no script at all
        sources = [attributes.get("src", "") for tag, attributes in read_html(html).tags if tag == "script"]
        assert any(source.endswith("assets/iframe-worker/shim.js") for source in sources), page


def test_every_link_and_anchor_in_the_bundle_resolves(offline_seed):
    folder = offline_seed[1]
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in _html_pages(folder):
        for tag, attributes in read_html(page.read_text(encoding="utf-8")).tags:
            for name in REFERENCE_ATTRIBUTES:
                reference = attributes.get(name)
                if not reference or re.match(r"^(?:[a-z]+:|#$)", reference) and not reference.startswith("file:"):
                    continue
                parts = urlsplit(reference)
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                if not target.is_file():
                    broken.append((page.relative_to(folder).as_posix(), reference))
                    continue
                if parts.fragment and target.suffix == ".html":
                    if target not in ids:
                        ids[target] = set(text_by_id(target.read_text(encoding="utf-8")))
                    if unquote(parts.fragment) not in ids[target]:
                        broken.append((page.relative_to(folder).as_posix(), reference))
    assert broken == []


def test_the_served_site_ships_no_offline_shim_nor_material_search(built_seed):
    site = built_seed[0]
    assert not (site / "assets" / "iframe-worker").exists()
    assert not (site / "assets" / "javascripts" / "lunr").exists()
    assert not list((site / "assets" / "javascripts").glob("workers/search.*"))
    assert not (site / "search" / "search_index.json").exists()
    assert (site / "search" / "catalogue.bin").is_file() and (site / "search" / "index.html").is_file()


@pytest.fixture
def page(browser, offline_seed):
    site = offline_site(offline_seed[1])
    with open_page(browser, site, PHONE) as page:
        yield page


def test_every_page_opens_from_disk_with_no_request_leaving_it(page, offline_seed):
    site = offline_site(offline_seed[1])
    for url in site.pages():
        response = page.goto(url)
        assert response is None or response.ok, url
        page.wait_for_load_state("load")
        assert page.title(), url
    assert page.outside_requests == []
    assert page.errors == []


def test_links_between_pages_work_from_disk(page, offline_seed):
    site = offline_site(offline_seed[1])
    page.goto(site.url("nmg-2026-plan/index.md"))
    page.click(".md-content a:has-text(\"四、大力发展现代能源经济\")")
    page.wait_for_load_state("load")
    assert page.url.endswith("nmg-2026-plan/4.html")
    page.click("a.md-footer__link--next")
    page.wait_for_load_state("load")
    assert page.url.endswith("nmg-2026-plan/5.html")
    page.goto(site.url("nmg-2026-plan/5.md") + "#5-2-1")
    assert page.evaluate("document.querySelector(':target').id") == "5-2-1"
    assert page.outside_requests == []
