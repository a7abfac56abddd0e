"""Builds that keep what has not changed: the same command again, after one document changes, or in parts."""

import hashlib
import shutil
from pathlib import Path

import pytest

from generator import build
from generator.publish.cache import CACHE_FOLDER
from generator.publish.charts import CHART_CACHE

# Every test here runs the build (README, "Tests": the build tier).
pytestmark = pytest.mark.build

DOCUMENT = """\
2026年{region}国民经济和社会发展计划

一、第一部分

{region}地区生产总值增长5%左右。第二句话。

二、第二部分

第三句话。
"""
REGIONS = {"a": "某甲省", "b": "某乙省", "c": "某丙省"}


def _library(folder: Path) -> Path:
    """Three small documents in a seeds folder."""
    seeds = folder / "seeds"
    seeds.mkdir(parents=True)
    for stem, region in REGIONS.items():
        (seeds / f"{stem}.txt").write_text(DOCUMENT.format(region=region), encoding="utf-8")
    return seeds


def _tree(folder: Path, hidden: bool = True) -> dict[str, str]:
    """Every file of a folder (the cache's included unless ``hidden`` is false) with its digest."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and (hidden or not path.relative_to(folder).as_posix().startswith("."))
    }


@pytest.fixture
def seeds(tmp_path) -> Path:
    return _library(tmp_path)


def test_the_same_build_again_keeps_every_document_and_changes_nothing(seeds, tmp_path):
    site = tmp_path / "site"
    first = build.build([seeds], site, jobs=1)
    before = _tree(site)
    again = build.build([seeds], site, jobs=1)
    assert first.built == ("a", "b", "c") and again.built == ()
    assert _tree(site) == before


def test_after_one_document_changes_only_it_is_built_and_the_site_equals_a_full_build(seeds, tmp_path):
    site = tmp_path / "site"
    build.build([seeds], site, jobs=1)
    (seeds / "b.txt").write_text(DOCUMENT.format(region="某乙省").replace("第三句话。", "第三句话改过了。"), encoding="utf-8")
    report = build.build([seeds], site, jobs=1)
    assert report.built == ("b",)
    assert "第三句话改过了" in (site / "b" / "2" / "index.html").read_text(encoding="utf-8")
    fresh = tmp_path / "fresh"
    build.build([seeds], fresh, jobs=1)
    assert _tree(site) == _tree(fresh)


def test_a_changed_seeds_file_rebuilds_its_document(seeds, tmp_path):
    site = tmp_path / "site"
    build.build([seeds], site, jobs=1)
    (seeds / "c.yml").write_text("source:\n  name: 某某日报\n", encoding="utf-8")
    assert build.build([seeds], site, jobs=1).built == ("c",)


def _built_then(seeds: Path, site: Path, change) -> tuple[tuple[str, ...], bool]:
    """Build, apply ``change`` to the site, build again: the documents built the second time, and
    whether the site is then byte for byte what the first build left."""
    build.build([seeds], site, jobs=1)
    before = _tree(site)
    change(site)
    built = build.build([seeds], site, jobs=1).built
    return built, _tree(site) == before


def _edit(page: Path, old: str, new: str) -> None:
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new), encoding="utf-8")


def test_a_page_edited_in_place_keeping_its_size_is_built_again(seeds, tmp_path):
    """Kept pages are read and their digests compared, not only their sizes (README, "Builds")."""
    page = tmp_path / "site" / "a" / "1" / "index.html"
    size = []

    def edit(site):
        size.append(page.stat().st_size)
        _edit(page, "第二句话", "篡改句话")

    assert _built_then(seeds, tmp_path / "site", edit) == (("a",), True)
    assert size == [len(page.read_bytes())]


def test_a_page_cut_short_is_built_again(seeds, tmp_path):
    assert _built_then(seeds, tmp_path / "site", lambda site: _edit(site / "b" / "2" / "index.html", "第三句话。", "")) == (("b",), True)


def test_a_page_removed_is_built_again(seeds, tmp_path):
    assert _built_then(seeds, tmp_path / "site", lambda site: (site / "c" / "1" / "index.html").unlink()) == (("c",), True)


def test_a_file_added_among_a_documents_pages_is_built_away(seeds, tmp_path):
    assert _built_then(seeds, tmp_path / "site", lambda site: (site / "a" / "stray.html").write_text("not ours", encoding="utf-8")) == (("a",), True)


def test_a_damaged_cache_record_is_built_again_not_trusted(seeds, tmp_path):
    site = tmp_path / "site"
    build.build([seeds], site, jobs=1)
    before = _tree(site)
    records = sorted((site / CACHE_FOLDER).iterdir())
    records[0].write_bytes(records[0].read_bytes()[:200])
    records[1].write_bytes(records[1].read_bytes().replace(b'"chapters":', b'"chapters":1', 1))
    assert len(build.build([seeds], site, jobs=1).built) == 2
    assert _tree(site) == before


def test_a_document_removed_from_the_folder_leaves_the_site(seeds, tmp_path):
    site = tmp_path / "site"
    build.build([seeds], site, jobs=1)
    (seeds / "c.txt").unlink()
    build.build([seeds], site, jobs=1)
    assert not (site / "c").exists()
    assert len(list((site / CACHE_FOLDER).iterdir())) == 2
    fresh = tmp_path / "fresh"
    build.build([seeds], fresh, jobs=1)
    assert _tree(site) == _tree(fresh)


def test_workers_build_the_same_site_as_one_process(seeds, tmp_path):
    build.build([seeds], tmp_path / "one", jobs=1)
    build.build([seeds], tmp_path / "two", jobs=2)
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


def test_parts_built_apart_and_put_together_make_the_same_site(seeds, tmp_path):
    """Records are named by their inputs: parts built into other folders (or on other machines) and put together are kept."""
    build.build([seeds / "a.txt", seeds / "b.txt"], tmp_path / "part-1", jobs=1)
    build.build([seeds / "c.txt"], tmp_path / "part-2", jobs=1)
    site = tmp_path / "site"
    for part in ("part-1", "part-2"):
        shutil.copytree(tmp_path / part, site, dirs_exist_ok=True)
    report = build.build([seeds], site, jobs=1)
    assert report.built == ()
    fresh = tmp_path / "fresh"
    build.build([seeds], fresh, jobs=1)
    assert _tree(site, hidden=False) == _tree(fresh, hidden=False)


def test_the_cache_lives_in_the_output_folders_hidden_area(seeds, tmp_path):
    site = tmp_path / "site"
    build.build([seeds], site, jobs=1)
    hidden = {path.name for path in site.iterdir() if path.name.startswith(".")}
    assert {".plansite", CACHE_FOLDER} <= hidden <= {".plansite", CACHE_FOLDER, CHART_CACHE}  # the comparison's pictures, where drawn
    assert not (seeds / CACHE_FOLDER).exists() and not (seeds / CHART_CACHE).exists()


def test_adding_a_document_leaves_the_others_pages_and_ids_as_they_were(seeds, tmp_path):
    site = tmp_path / "site"
    build.build([seeds], site, jobs=1, locks=True)
    before = {path: digest for path, digest in _tree(site, hidden=False).items() if path.startswith(("a/", "b/", "c/"))}
    locks = {path.name: path.read_text(encoding="utf-8") for path in seeds.glob("*.ids.tsv")}
    (seeds / "d.txt").write_text(DOCUMENT.format(region="某丁省"), encoding="utf-8")
    assert build.build([seeds], site, jobs=1, locks=True).built == ("d",)
    after = _tree(site, hidden=False)
    assert {path: digest for path, digest in after.items() if path.startswith(("a/", "b/", "c/"))} == before
    assert "d/1/index.html" in after
    assert {path.name: path.read_text(encoding="utf-8") for path in seeds.glob("*.ids.tsv") if path.name != "d.ids.tsv"} == locks
