"""The offline bundle: one zip, unzipped and opened from disk, with nothing fetched from anywhere else."""

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator import build, cli
from generator.errors import PlanError

from .browsing import (
    COPY_EVERY_CLAUSE,
    DESKTOP,
    PHONE,
    RECORDING_CLIPBOARD,
    offline_site,
    open_page,
)
from .conftest import SEED, site_url
from .html_reading import read_html, text_by_id

REFERENCE_ATTRIBUTES = ("href", "src")
ADDRESS = re.compile(r"https?://[^\s\"'<>]+")


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
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_the_zip_carries_no_dead_weight_and_no_search_but_the_librarys(offline_seed):
    folder = offline_seed[1]
    files = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    assert not [name for name in files if name.endswith(".map")]
    assert not {"404.html", "sitemap.xml", "sitemap.xml.gz", "favicon.ico", ".plansite"} & files
    material_search = [name for name in files if re.search(r"lunr|workers/search|search_index|iframe-worker", name)]
    assert material_search == [], "no lunr, no material search worker or index, no worker shim"
    index = sorted(name for name in files if name.startswith("search/"))
    assert "search.html" in files and "assets/search.js" in files
    assert "search/catalogue.js" in index and all(name.endswith(".js") for name in index), "the index is read as scripts"
    for script in folder.rglob("*.js"):
        assert "sourceMappingURL" not in script.read_text(encoding="utf-8")


def test_the_bundle_ships_only_the_stylesheets_and_scripts_its_pages_load(offline_seed):
    folder = offline_seed[1]
    loaded = set()
    for page in _html_pages(folder):
        for tag, attributes in read_html(page.read_text(encoding="utf-8")).tags:
            reference = attributes.get("src") if tag == "script" else attributes.get("href") if tag == "link" else None
            if reference and not ADDRESS.match(reference):
                loaded.add((page.parent / urlsplit(reference).path).resolve())
    shipped = {path.resolve() for path in (folder / "assets").rglob("*") if path.suffix in (".css", ".js")}
    assert {path.relative_to(folder).as_posix() for path in shipped - loaded} == set()
    assert not (folder / "assets" / "compare.js").exists(), "no page of a bundle is a comparison"
    assert (folder / "assets" / "search.js").resolve() in loaded


def test_pages_load_nothing_from_outside(offline_seed):
    for page in _html_pages(offline_seed[1]):
        html = page.read_text(encoding="utf-8")
        assert "unpkg" not in html, page
        # The one outside host is the published site's, named and linked to (its library pages), never loaded from.
        assert all(address.startswith(site_url()) for address in ADDRESS.findall(html)), page
        loaded = [attributes.get("src") or attributes.get("href") for tag, attributes in read_html(html).tags if tag in ("script", "link", "img")]
        assert not [reference for reference in loaded if reference and ADDRESS.match(reference)], page


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


def test_every_copy_control_read_from_disk_copies_an_address_of_the_published_site(browser, offline_seed, built_seed, seed_plan_json):
    """From file://, 复制链接, 复制引用, 复制完整引用 and 复制分享链接 copy the public address (served
    form) at the site the bundle was built for, and each resolves in the served site."""
    bundle, served = offline_site(offline_seed[1]), built_seed[0]
    clauses = {clause["id"]: clause for clause in seed_plan_json["clauses"]}
    copied = {}
    with open_page(browser, bundle, DESKTOP) as page:
        page.context.add_init_script(RECORDING_CLIPBOARD)
        for path in sorted({clause["url"].split("#")[0] for clause in clauses.values()}):
            # A plan's home (nmg-2026-plan/) is its index page; a chapter's (nmg-2026-plan/4/) is 4.md.
            page.goto(bundle.url(path + "index.md" if path.count("/") == 1 else path.rstrip("/") + ".md"))
            for action in ("link", "cite", "full", "share"):
                for clause_id, text in page.evaluate(COPY_EVERY_CLAUSE, action).items():
                    copied[clause_id, action] = text
        assert page.outside_requests == [] and page.errors == []
    site = site_url()
    assert len(copied) == 4 * len(clauses)
    for (clause_id, action), text in copied.items():
        clause = clauses[clause_id]
        expected = {
            "link": site + clause["url"],
            "cite": clause["citation"] + " " + site + clause["url"],
            "full": clause["citation_long"] + " " + site + clause["url"],
            "share": site + clause["share_url"],
        }[action]
        assert text == expected, (clause_id, action)
        address = text.rsplit(" ", 1)[-1]
        assert address.startswith(("http://", "https://")) and address.startswith(site)
        parts = urlsplit(address[len(site) :])
        target = served / parts.path / "index.html"
        assert target.is_file(), address
        assert not parts.fragment or parts.fragment in text_by_id(target.read_text(encoding="utf-8")), address


def test_the_bundle_says_which_site_it_was_taken_from(offline_seed):
    folder = offline_seed[1]
    readme = (folder / "README.txt").read_text(encoding="utf-8-sig")
    assert f"本离线版取自 {site_url()}" in readme
    assert f"{site_url()}nmg-2026-plan/" in readme and "index.html" in readme
    for page in _html_pages(folder):
        if "/s/" in page.as_posix():
            continue
        footer = re.search(r'<p class="offline-source">(.*?)</p>', page.read_text(encoding="utf-8"))
        assert footer and footer[1] == f'本离线版取自 <a href="{site_url()}">{site_url()}</a>', page


PLAN = "2026年{}国民经济和社会发展计划\n\n一、第一部分\n\n第一句话。第二句话。\n\n二、第二部分\n\n第三句话。\n"


@pytest.mark.build
def test_several_plans_make_one_bundle_each_of_that_plan_alone(tmp_path):
    plans = []
    for stem, region in (("alpha-2026-plan", "甲省"), ("beta-2026-plan", "乙省")):
        plans.append(tmp_path / f"{stem}.txt")
        plans[-1].write_text(PLAN.format(region), encoding="utf-8")
    dist = tmp_path / "dist"
    build.build(plans, dist, offline=True, site_url="https://plans.example.org/library/")
    assert sorted(path.name for path in dist.iterdir()) == ["alpha-2026-plan-offline.zip", "beta-2026-plan-offline.zip"]
    for stem, region, other in (("alpha-2026-plan", "甲省", "beta"), ("beta-2026-plan", "乙省", "alpha")):
        with zipfile.ZipFile(dist / f"{stem}-offline.zip") as archive:
            names = archive.namelist()
            home = archive.read(f"{stem}-offline/index.html").decode("utf-8")
            readme = archive.read(f"{stem}-offline/README.txt").decode("utf-8-sig")
        assert f"{stem}-offline/{stem}/1.html" in names
        assert not [name for name in names if f"/{other}-2026-plan/" in name]
        assert f"2026年{region}国民经济和社会发展计划" in home
        assert "本离线版取自 https://plans.example.org/library/" in readme


@pytest.mark.build
def test_make_offline_with_the_local_address_of_mkdocs_yml_warns_in_one_line(tmp_path, capsys):
    assert cli.main(["build", str(SEED), "--offline", "--out", str(tmp_path / "dist")]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1
    assert "mkdocs.yml:" in warnings[0] and "copied links will point at http://localhost:8000/" in warnings[0]
    assert cli.main(["build", str(SEED), "--offline", "--out", str(tmp_path / "public"), "--site-url", "https://plans.example.org/"]) == 0
    assert "warning:" not in capsys.readouterr().err


@pytest.mark.build
def test_an_offline_bundle_needs_the_address_of_its_site(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(build.DEFAULT_CONFIG.read_text(encoding="utf-8").replace("site_url: http://localhost:8000/\n", ""), encoding="utf-8")
    with pytest.raises(PlanError, match="address of the site") as error:
        build.build([SEED], tmp_path / "dist", config_file=config, offline=True)
    assert error.value.path == str(config)
    assert not (tmp_path / "dist").exists()
