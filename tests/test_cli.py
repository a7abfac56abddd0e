"""The command line as a user meets it: one clear line on bad input, nothing half-written."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT

# Every test here runs the build (README, "Tests": the build tier).
pytestmark = pytest.mark.build


def run_cli(*arguments, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, arguments)], cwd=cwd, capture_output=True, text=True
    )


def _assert_one_line_error(result, *needles):
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_missing_file_is_named(tmp_path):
    result = run_cli("build", tmp_path / "nope.txt", "--out", tmp_path / "out")
    _assert_one_line_error(result, "nope.txt", "cannot read")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("这只是一段普通的文字。\n".encode(), "no plan title"),
    ],
)
def test_unreadable_input_fails_cleanly(tmp_path, content, problem):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(content)
    result = run_cli("build", plan, "--out", tmp_path / "out")
    _assert_one_line_error(result, "plan.txt", problem)
    assert not (tmp_path / "out").exists()


def test_parse_error_names_the_line(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("2026年某某省国民经济和社会发展计划\n\n" + "只有正文没有部分标题的一段很长的文字,它足够长,长到让人以为正文已经开始了,可是没有任何部分。\n", encoding="utf-8")
    result = run_cli("build", plan, "--out", tmp_path / "out")
    _assert_one_line_error(result, "plan.txt:1:", "no chapters")


def test_a_folder_it_did_not_make_is_left_alone(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run_cli("build", ROOT / "seeds" / "nmg-2026-plan.txt", "--out", out)
    _assert_one_line_error(result, "mine", "not made by plansite")
    assert [path.name for path in out.iterdir()] == ["notes.txt"]


def test_build_writes_the_site_and_says_what_it_built(tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", ROOT / "seeds" / "nmg-2026-plan.txt", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "nmg-2026-plan: 14 chapters" in result.stdout
    assert result.stderr == ""
    assert (out / "nmg-2026-plan" / "4" / "index.html").is_file()
    assert (out / "nmg-2026-plan" / "data" / "plan.json").is_file()
    rebuilt = run_cli("build", ROOT / "seeds" / "nmg-2026-plan.txt", "--out", out)
    assert rebuilt.returncode == 0, rebuilt.stderr


def test_strict_turns_numbering_warnings_into_errors(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "2026年某某省国民经济和社会发展计划\n\n  一、第一部分\n\n  第一句话。\n\n  三、第三部分\n\n  第二句话。\n", encoding="utf-8"
    )
    lenient = run_cli("build", plan, "--out", tmp_path / "lenient")
    assert lenient.returncode == 0
    assert "plan.txt:7: chapter numbering skips from 1 to 3" in lenient.stderr
    strict = run_cli("build", plan, "--out", tmp_path / "strict", "--strict")
    _assert_one_line_error(strict, "plan.txt:7:", "skips")
    assert not (tmp_path / "strict").exists()


def _seed_copy(folder):
    """The seed and its metadata copied into a folder of their own."""
    folder.mkdir()
    for name in ("nmg-2026-plan.txt", "nmg-2026-plan.yml"):
        (folder / name).write_bytes((ROOT / "seeds" / name).read_bytes())
    return folder / "nmg-2026-plan.txt"


def test_ids_lock_is_written_beside_the_plan_and_site_url_makes_canonical_links(tmp_path):
    plan = _seed_copy(tmp_path / "seeds")
    lock = tmp_path / "seeds" / "nmg-2026-plan.ids.tsv"
    result = run_cli("build", plan, "--out", tmp_path / "out", "--ids", lock, "--site-url", "https://plans.example.gov.cn/nmg")
    assert result.returncode == 0, result.stderr
    assert lock.read_text(encoding="utf-8") == (ROOT / "seeds" / "nmg-2026-plan.ids.tsv").read_text(encoding="utf-8")
    chapter = (tmp_path / "out" / "nmg-2026-plan" / "4" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://plans.example.gov.cn/nmg/nmg-2026-plan/4/">' in chapter
    share = (tmp_path / "out" / "nmg-2026-plan" / "s" / "4-2-3" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:url" content="https://plans.example.gov.cn/nmg/nmg-2026-plan/s/4-2-3/">' in share


def test_without_ids_nothing_is_written_beside_the_plan(tmp_path):
    plan = _seed_copy(tmp_path / "seeds")
    result = run_cli("build", plan, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in plan.parent.iterdir()) == ["nmg-2026-plan.txt", "nmg-2026-plan.yml"]


def test_a_bad_id_lock_names_its_line_and_nothing_is_built(tmp_path):
    plan = _seed_copy(tmp_path / "seeds")
    lock = tmp_path / "seeds" / "nmg-2026-plan.ids.tsv"
    lock.write_text("# lock\n1\t一、标题\n1-0-1 没有制表符\n", encoding="utf-8")
    result = run_cli("build", plan, "--out", tmp_path / "out", "--ids", lock)
    _assert_one_line_error(result, "nmg-2026-plan.ids.tsv:3:", "expected an ID")
    assert not (tmp_path / "out").exists()
    assert lock.read_text(encoding="utf-8") == "# lock\n1\t一、标题\n1-0-1 没有制表符\n"


@pytest.mark.parametrize(
    "arguments, needle",
    [
        (["--site-url", "plans.example.gov.cn"], "--site-url"),
        (["--ids", "a.tsv", "--ids", "b.tsv"], "2 ID lock files given for 1 plans"),
    ],
)
def test_bad_options_fail_with_one_line(tmp_path, arguments, needle):
    result = run_cli("build", ROOT / "seeds" / "nmg-2026-plan.txt", "--out", tmp_path / "out", *arguments)
    _assert_one_line_error(result, needle)
    assert not (tmp_path / "out").exists()
def test_offline_writes_the_bundle_beside_other_files_and_names_it(tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "other.txt").write_text("keep me", encoding="utf-8")
    result = run_cli("build", ROOT / "seeds" / "nmg-2026-plan.txt", "--offline", "--out", dist, "--site-url", "https://plans.example.org/")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert str(dist / "nmg-2026-plan-offline.zip") in result.stdout
    assert sorted(path.name for path in dist.iterdir()) == ["nmg-2026-plan-offline.zip", "other.txt"]


def test_offline_refuses_an_output_path_that_is_a_file(tmp_path):
    target = tmp_path / "dist"
    target.write_text("a file", encoding="utf-8")
    result = run_cli("build", ROOT / "seeds" / "nmg-2026-plan.txt", "--offline", "--out", target)
    _assert_one_line_error(result, "dist", "not a folder")
SEED = ROOT / "seeds" / "nmg-2026-plan.txt"


def _seed_bytes() -> bytes:
    return SEED.read_bytes()


def _cut_mid_sentence() -> bytes:
    text = SEED.read_text(encoding="utf-8")
    return text[: text.index("(二)守好守牢安全生产底线。") + 20].encode("utf-8")


def _cut_after_paragraph() -> bytes:
    text = SEED.read_text(encoding="utf-8")
    return text[: text.index("四、大力发展现代能源经济")].encode("utf-8")


def _cut_after_heading() -> bytes:
    text = SEED.read_text(encoding="utf-8")
    return text[: text.index("七、立足壮大实体经济") + 40].rsplit("\n", 1)[0].encode("utf-8") + b"\n"


@pytest.mark.parametrize(
    "content, problem, line",
    [
        (b"", "empty", None),
        (b"\n \r\n\t\n", "empty", None),
        (bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)), "binary", None),
        (bytes(range(0x81, 0xFF)) * 20, "neither UTF-8 nor GB18030", None),
        ("普通的一段文字，不是计划。\n第二行。\n".encode(), "no plan title", None),
        ("2026年某某省政府工作报告\n各位代表：\n这里只有一段话，没有任何部分。\n".encode(), "no chapters", 1),
        (_cut_mid_sentence(), "ends mid-sentence", 53),
        (_cut_after_heading(), "ends with the heading", 89),
        (_cut_after_paragraph(), "footer is missing", 55),
        (_seed_bytes()[: _seed_bytes().index("深入".encode()) + 2], "middle of a character", 23),
        (_seed_bytes()[:4000] + b"\xff\xfe" + _seed_bytes()[4000:], "invalid UTF-8", None),
        ("Plan 2026\nLe gouvernement décide, café".encode("latin-1"), "not UTF-8 or GB18030 text", 2),
    ],
    ids=["empty", "blank", "png", "gb18030-binary", "not-a-plan", "no-chapters", "cut-mid-sentence", "cut-after-heading",
         "cut-after-paragraph", "cut-mid-character", "corrupted", "latin-1"],
)
def test_bad_input_fails_with_one_line_naming_the_file(tmp_path, content, problem, line):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(content)
    result = run_cli("build", plan, "--out", tmp_path / "out")
    _assert_one_line_error(result, "plan.txt" if line is None else f"plan.txt:{line}:", problem)
    assert not (tmp_path / "out").exists()


def test_a_build_failing_in_mkdocs_leaves_no_folder_it_created(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\ntheme:\n  name: no-such-theme\n", encoding="utf-8")
    result = run_cli("build", SEED, "--out", tmp_path / "a" / "b" / "out", "--config", config)
    _assert_one_line_error(result, "mkdocs.yml", "mkdocs failed")
    assert [path.name for path in tmp_path.iterdir()] == ["mkdocs.yml"]


def test_a_folder_without_documents_is_refused(tmp_path):
    result = run_cli("build", tmp_path, "--out", tmp_path / "out")
    _assert_one_line_error(result, str(tmp_path), "holds no documents")
    assert not (tmp_path / "out").exists()


def test_a_folder_given_builds_every_document_in_it(tmp_path):
    library = tmp_path / "seeds"
    library.mkdir()
    for name in ("a", "b"):
        (library / f"{name}.txt").write_text(f"2026年某某省国民经济和社会发展计划\n\n一、第一部分\n\n第{name}句话。\n", encoding="utf-8")
    result = run_cli("build", library, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "a" / "1" / "index.html").is_file() and (tmp_path / "out" / "b" / "1" / "index.html").is_file()


def test_a_file_given_as_the_output_folder_is_refused(tmp_path):
    out = tmp_path / "out.html"
    out.write_text("mine", encoding="utf-8")
    result = run_cli("build", SEED, "--out", out)
    _assert_one_line_error(result, "out.html", "not a folder")
    assert out.read_text(encoding="utf-8") == "mine"


def test_a_missing_mkdocs_configuration_is_named(tmp_path):
    result = run_cli("build", SEED, "--out", tmp_path / "out", "--config", tmp_path / "nope.yml")
    _assert_one_line_error(result, "nope.yml", "no such mkdocs configuration")
    assert not (tmp_path / "out").exists()


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_failed_build_leaves_the_previous_site_as_it_was(tmp_path):
    out = tmp_path / "out"
    assert run_cli("build", SEED, "--out", out).returncode == 0
    before = _tree(out)
    bad = tmp_path / "plan.txt"
    bad.write_bytes(_cut_mid_sentence())
    result = run_cli("build", bad, "--out", out)
    assert result.returncode != 0
    assert _tree(out) == before


def test_the_command_line_writes_nothing_outside_its_output_folder(tmp_path):
    home, work, temp, plans = (tmp_path / name for name in ("home", "work", "temp", "plans"))
    for folder in (home, work, temp, plans):
        folder.mkdir()
    plan = plans / "plan.txt"
    plan.write_bytes(_seed_bytes())
    environment = {**os.environ, "TMPDIR": str(temp), "HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", plan, "--out", work / "out"],
        cwd=work,
        capture_output=True,
        text=True,
        env={**environment, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert [path.name for path in work.iterdir()] == ["out"]
    assert list(temp.iterdir()) == [] and list(home.iterdir()) == []
    assert [path.name for path in plans.iterdir()] == ["plan.txt"]
    assert not [path for path in (work / "out").iterdir() if path.name.startswith(".plansite-build-")]


def _plan_with(sentence: str) -> str:
    return f"2026年某某省国民经济和社会发展计划\n\n一、第一部分\n\n{sentence}\n\n二、第二部分\n\n第二句话。\n"


@pytest.mark.parametrize(
    "text, line, problem",
    [
        (_plan_with("加强“两新工作。"), 5, "unmatched quote or bracket: “ is never closed"),
        (_plan_with("加强《条例》》建设。"), 5, "unmatched quote or bracket: 》 closes nothing"),
        ("2026年某某省政府工作报告\n来源：某报\n神秘栏目\n各位代表：\n" + _plan_with("第一句话。").split("\n", 1)[1] + "打印本页\n", 3, "unrecognised line before the text"),
        (_plan_with("第一句话。") + "打印本页\n欢迎订阅本报\n", 11, "unrecognised line after the text"),
        (_plan_with("第一句话。\n\n要闻\n\n第三句话。"), 7, "short line without punctuation"),
    ],
    ids=["open-quote", "stray-bracket", "unknown-header-line", "unknown-footer-line", "short-line"],
)
def test_doubts_are_warnings_listed_in_the_report_and_errors_under_strict(tmp_path, text, line, problem):
    plan = tmp_path / "plan.txt"
    plan.write_text(text, encoding="utf-8")
    lenient = run_cli("build", plan, "--out", tmp_path / "lenient")
    assert lenient.returncode == 0, lenient.stderr
    assert f"plan.txt:{line}: {problem}" in lenient.stderr
    report = json.loads((tmp_path / "lenient" / "plan" / "data" / "report.json").read_text(encoding="utf-8"))
    assert [(warning["line"], problem in warning["message"]) for warning in report["warnings"]] == [(line, True)]
    strict = run_cli("build", plan, "--out", tmp_path / "strict", "--strict")
    _assert_one_line_error(strict, f"plan.txt:{line}:", problem, "--strict")
    assert not (tmp_path / "strict").exists()


def test_a_bad_fact_in_the_seeds_yaml_names_its_file_and_line(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("2026年某某省国民经济和社会发展计划\n一、第一部分\n第一句。\n", encoding="utf-8")
    (tmp_path / "plan.yml").write_text("slug: x-plan\nregion: 北平\n", encoding="utf-8")
    result = run_cli("build", plan, "--out", tmp_path / "out")
    _assert_one_line_error(result, "plan.yml:2:", "is not a region's name")


def test_warnings_about_seeds_files_are_counted_and_listed_with_their_file_and_line(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(_plan_with("加强“两新工作。地区生产总值增长5%左右。"), encoding="utf-8")
    (tmp_path / "plan.indicators.yml").write_text(
        "definitions:\n  地区生产总植:\n    english: GRP\n    definition: 一个地区的GDP。\n", encoding="utf-8"
    )
    (tmp_path / "plan.index.yml").write_text("places:\n  drop:\n    - 不存在的水库\n", encoding="utf-8")
    result = run_cli("build", plan, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    printed = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert printed[1:] == [
        f"warning: {tmp_path / 'plan.indicators.yml'}:2: definition of '地区生产总植' matches no target's name",
        f"warning: {tmp_path / 'plan.index.yml'}:3: curated place '不存在的水库' (drop) no longer matches an extracted entry",
    ]
    assert f", {len(printed)} warnings →" in result.stdout
    report = json.loads((tmp_path / "out" / "plan" / "data" / "report.json").read_text(encoding="utf-8"))
    assert [(warning["file"], warning["line"]) for warning in report["warnings"]] == [
        ("plan.txt", 5), ("plan.indicators.yml", 2), ("plan.index.yml", 3)
    ]
    assert report["counts"]["warnings"] == 3
    strict = run_cli("build", plan, "--out", tmp_path / "strict", "--strict")
    _assert_one_line_error(strict, "plan.txt:5:", "--strict")


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``, now."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as file:
                    fields = file.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    """Whether a process runs (a zombie, waiting to be reaped, does not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as file:
            return file.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.fixture
def killed_midway(tmp_path):
    """A build of four reports by two workers, killed (kill -9) once its workers are at work: the
    output folder and the workers it had (any still running at the end are ended)."""
    site = tmp_path / "site"
    reports = sorted((ROOT / "seeds").glob("2026-*-gov-work-report.txt"))[:4]
    process = subprocess.Popen([sys.executable, "-m", "generator", "build", *map(str, reports), "--out", str(site), "--jobs", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and process.poll() is None:
        workers = _children(process.pid)
        if len(workers) >= 2 and list(site.glob(".plansite-build-*/document-*")):
            break
        time.sleep(0.05)
    assert process.poll() is None, "the build ended before it could be interrupted"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    yield site, workers
    for pid in workers:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def test_workers_end_when_their_build_is_killed(killed_midway):
    _, workers = killed_midway
    assert workers
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)]


def test_the_next_build_removes_what_a_killed_one_left(killed_midway):
    site, _ = killed_midway
    assert list(site.glob(".plansite-build-*")), "the killed build left its scratch folder"
    result = run_cli("build", ROOT / "seeds" / "nmg-2026-plan.txt", "--out", site)
    assert result.returncode == 0, result.stderr
    assert not list(site.glob(".plansite-build-*"))
    assert (site / "nmg-2026-plan" / "4" / "index.html").is_file()
