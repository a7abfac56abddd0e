"""A revision of the seed built through the real build: every link published before still lands.

The revision inserts a chapter (renumbering those after it) and two sentences, removes a sentence
and a whole chapter, changes two numbers and moves a sentence to another chapter.
"""

import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path

import pytest

from generator import build

from .conftest import SEED, _QuietHandler
from .html_reading import read_html, text_by_id

NUMERALS = "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五".split()
CHAPTER_LINE = re.compile(r"^  [一二三四五六七八九十]+、")
MOVED = "坚持和发展新时代“枫桥经验”,推进信访工作法治化。"


def revise(text: str) -> str:
    """The seed as a corrected reissue might read."""
    lines = text.split("\n")
    starts = [index for index, line in enumerate(lines) if CHAPTER_LINE.match(line)]
    end = next(index for index, line in enumerate(lines) if line.startswith("北疆新闻 |"))
    chapters = [lines[start:stop] for start, stop in zip(starts, starts[1:] + [end])]
    inserted = ["  四、新增的部分标题", "", "  这是新增部分的第一句。这是新增部分的第二句。", ""]
    chapters = chapters[:3] + [inserted] + chapters[3:11] + chapters[12:]  # and 十二 is gone
    body = []
    for number, chapter in zip(NUMERALS, chapters):
        body += [CHAPTER_LINE.sub(f"  {number}、", chapter[0]), *chapter[1:]]
    text = "\n".join(lines[: starts[0]] + body + lines[end:])
    for old, new in [
        ("规划。加快建设库布其至河北输电通道", "规划。新增一句关于储能的安排。加快建设库布其至河北输电通道"),
        ("区内消纳新能源2000亿千瓦时以上。", "区内消纳新能源2000亿千瓦时以上。新增的第二句话。"),
        ("深化奶业振兴行动,奶产量稳定在750万吨左右。", ""),
        ("粮食产量超过840亿斤", "粮食产量超过850亿斤"),
        ("完成生态建设任务4000万亩", "完成生态建设任务4200万亩"),
        (MOVED, ""),
        ("继续做好受灾地区灾后重建工作。", "继续做好受灾地区灾后重建工作。" + MOVED),
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    return text


@pytest.fixture(scope="module")
def revision(tmp_path_factory):
    """The seed built with a new lock, then its revision built with that lock: (before, after) as
    (site folder, plan.json) pairs, and the lock files (after the first build, after the second)."""
    root = tmp_path_factory.mktemp("revision")
    lock = root / "plan.ids.tsv"
    built = []
    for name, text in [("first", SEED.read_text(encoding="utf-8")), ("revised", revise(SEED.read_text(encoding="utf-8")))]:
        folder = root / name
        folder.mkdir()
        plan = folder / SEED.name
        plan.write_text(text, encoding="utf-8")
        shutil.copy(SEED.with_suffix(".yml"), plan.with_suffix(".yml"))
        build.build([plan], folder / "site", ids_paths=[lock])
        data = json.loads((folder / "site" / "nmg-2026-plan" / "data" / "plan.json").read_text(encoding="utf-8"))
        built.append((folder / "site", data, lock.read_text(encoding="utf-8")))
    return built


def _landing(site: Path, url: str) -> tuple[str, str]:
    """What a URL lands on in a built site: the text of the element its fragment names, and its page."""
    path, fragment = url.split("#")
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return text_by_id(html).get(fragment), html


def _by_text(plan: dict) -> dict[str, str]:
    return {clause["text"]: clause["id"] for clause in plan["clauses"]}


@pytest.mark.build
def test_the_committed_lock_is_what_the_seed_gives(revision):
    (_, _, first_lock), _ = revision
    assert (SEED.parent / "nmg-2026-plan.ids.tsv").read_text(encoding="utf-8") == first_lock


@pytest.mark.build
def test_every_unchanged_clause_keeps_its_id(revision):
    (_, before, _), (_, after, _) = revision
    kept = _by_text(after)
    sentences = [clause for clause in before["clauses"] if clause["kind"] == "sentence"]
    unchanged = [clause for clause in sentences if clause["text"] in kept]
    # All but chapter 十二's, the removed one and the two edited ones.
    assert len(unchanged) == sum(1 for clause in sentences if clause["chapter"] != 12) - 3
    assert [clause["id"] for clause in unchanged] == [kept[clause["text"]] for clause in unchanged]


@pytest.mark.build
def test_edited_clauses_keep_their_ids(revision):
    _, (_, after, _) = revision
    ids = _by_text(after)
    assert ids["粮食产量超过850亿斤;"] == "0-0-6"
    assert ids["实施“三北”工程质量年行动,制定“三北”工程六期建设管理办法实施细则,完成生态建设任务4200万亩。"] == "2-1-1"


@pytest.mark.build
def test_inserted_clauses_get_ids_never_used_before(revision):
    (_, before, first_lock), (_, after, _) = revision
    ids = _by_text(after)
    new = [ids[text] for text in ["四、新增的部分标题", "这是新增部分的第一句。", "新增一句关于储能的安排。", "新增的第二句话。"]]
    assert new == ["3a", "3a-0-1", "4-2-1a", "4-2-4"]
    assert not set(new) & {clause["id"] for clause in before["clauses"]}
    assert not any(line.split("\t")[0].split(" ")[-1] in new for line in first_lock.splitlines())


@pytest.mark.build
def test_a_renumbered_chapter_keeps_its_id_and_page(revision):
    (site, _, _), (_, after, _) = revision
    chapter = next(chapter for chapter in after["divisions"] if chapter["id"] == "4")
    assert chapter["number"] == 5 and chapter["heading"].startswith("五、")
    assert chapter["url"] == "nmg-2026-plan/4/#4"
    clause = next(clause for clause in after["clauses"] if clause["id"] == "4-2-3")
    assert clause["citation"].endswith("第五部分第（二）项第4句")


@pytest.mark.build
def test_every_url_published_before_still_lands_on_its_id(revision):
    (_, before, _), (site, _, _) = revision
    for clause in before["clauses"]:
        text, _ = _landing(site, clause["url"])
        assert text is not None, clause["url"]


@pytest.mark.build
def test_a_removed_clause_url_lands_on_a_note_saying_it_was_removed(revision):
    (_, before, _), (site, after, _) = revision
    old = next(clause for clause in before["clauses"] if clause["id"] == "5-1-2")
    text, _ = _landing(site, old["url"])
    assert "此句已在修订中删除" in text and old["text"] in text
    assert {"id": "5-1-2", "text": old["text"], "url": old["url"], "share_url": "nmg-2026-plan/s/5-1-2/"} in after["removed"]


@pytest.mark.build
def test_a_removed_chapter_keeps_its_page_saying_so(revision):
    (_, before, _), (site, _, _) = revision
    for clause in before["clauses"]:
        if clause["chapter"] == 12:
            text, html = _landing(site, clause["url"])
            assert "已在修订中删除" in text or "已删除" in text, clause["url"]
    links = [attrs.get("href") for tag, attrs in read_html(html).tags if tag == "a"]
    assert "../11/" in links and "../13/" in links  # where it stood


@pytest.mark.build
def test_a_clause_moved_to_another_chapter_forwards_from_its_old_place(revision):
    (_, before, _), (site, after, _) = revision
    old = next(clause for clause in before["clauses"] if clause["text"] == MOVED)
    new = next(clause for clause in after["clauses"] if clause["text"] == MOVED)
    assert (old["id"], new["id"], new["url"]) == ("3-3-4", "3-3-4", "nmg-2026-plan/13/#3-3-4")
    text, html = _landing(site, old["url"])
    assert "此句已移至" in text
    assert "../13/#3-3-4" in [attrs.get("href") for tag, attrs in read_html(html).tags if tag == "a"]
    assert MOVED in _landing(site, new["url"])[0]


@pytest.mark.build
def test_every_share_url_published_before_still_leads_to_its_id(revision):
    (_, before, _), (site, _, _) = revision
    refresh = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
    for clause in before["clauses"]:
        share = site / clause["share_url"] / "index.html"
        target = refresh.search(share.read_text(encoding="utf-8"))[1]
        landed = (share.parent / target.split("#")[0]).resolve().relative_to(site.resolve()).as_posix() + "/"
        assert _landing(site, f"{landed}#{target.split('#')[1]}")[0] is not None, clause["share_url"]


@pytest.mark.build
def test_the_lock_records_the_revision_and_a_rebuild_leaves_it_alone(revision, tmp_path):
    _, (site, _, lock) = revision
    assert "removed 5-1-2\t深化奶业振兴行动,奶产量稳定在750万吨左右。" in lock.splitlines()
    assert "moved 3-3-4" in lock.splitlines()
    assert "4\t五、大力发展现代能源经济,建设国家重要能源和战略资源基地" in lock.splitlines()
    folder = site.parent
    again = tmp_path / "again.ids.tsv"
    again.write_text(lock, encoding="utf-8")
    build.build([folder / SEED.name], tmp_path / "site", ids_paths=[again])
    assert again.read_text(encoding="utf-8") == lock


@pytest.fixture(scope="module")
def served_revision(revision):
    """The revised site served over HTTP on localhost; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(revision[1][0]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.mark.parametrize(
    "old_url, lands_on",
    [
        ("nmg-2026-plan/5/#5-1-2", "nmg-2026-plan/5/#5-1-2"),
        ("nmg-2026-plan/12/#12-2-3", "nmg-2026-plan/12/#12-2-3"),
        ("nmg-2026-plan/3/#3-3-4", "nmg-2026-plan/13/#3-3-4"),  # moved: the forward is followed
        ("nmg-2026-plan/s/5-1-2/", "nmg-2026-plan/5/#5-1-2"),
    ],
)
def test_old_links_land_in_the_browser(browser, served_revision, old_url, lands_on):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(served_revision + old_url)
    page.wait_for_url(served_revision + lands_on)
    page.wait_for_timeout(200)
    clause_id = lands_on.split("#")[1]
    top = page.evaluate(f"document.getElementById('{clause_id}').getBoundingClientRect().top")
    assert page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom") <= top < 740
    assert page.evaluate(f"document.getElementById('{clause_id}').classList.contains('hl')")
    context.close()

