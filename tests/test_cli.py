"""The command line as a user meets it: one clear line on bad input, nothing half-written."""

import subprocess
import sys

import pytest

from .conftest import ROOT


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
    result = run_cli("build", ROOT / "seeds" / "nmg-2026-plan.txt", "--offline", "--out", dist)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert str(dist / "nmg-2026-plan-offline.zip") in result.stdout
    assert sorted(path.name for path in dist.iterdir()) == ["nmg-2026-plan-offline.zip", "other.txt"]


def test_offline_refuses_an_output_path_that_is_a_file(tmp_path):
    target = tmp_path / "dist"
    target.write_text("a file", encoding="utf-8")
    result = run_cli("build", ROOT / "seeds" / "nmg-2026-plan.txt", "--offline", "--out", target)
    _assert_one_line_error(result, "dist", "not a folder")
