"""The ID lock file: read and written line by line; every problem named with its line."""

import pytest

from generator.errors import PlanError
from generator.model import ClauseKind, IdLock, LockEntry, LockState
from generator.read.idlock import entry_pages, format_lock, lock_kinds, parse_lock


def test_a_lock_reads_back_as_written():
    lock = IdLock(
        (
            LockEntry("0-0-1", "开篇第一句。"),
            LockEntry("1", "一、第一部分"),
            LockEntry("1-0-1", "带\t制表符\\和\n换行的句子。"),
            LockEntry("1-0-2", "删掉的句子。", LockState.REMOVED),
            LockEntry("1-0-3", "", LockState.MOVED),
            LockEntry("2", "二、第二部分"),
            LockEntry("1-0-3", "从第一部分移来的句子。"),
        )
    )
    text = format_lock(lock, "plan.txt")
    assert parse_lock(text) == lock


def test_the_lock_is_one_readable_line_per_id():
    lock = IdLock((LockEntry("1", "一、第一部分"), LockEntry("1-0-1", "删掉的句子。", LockState.REMOVED)))
    lines = [line for line in format_lock(lock, "plan.txt").splitlines() if not line.startswith("#")]
    assert lines == ["1\t一、第一部分", "removed 1-0-1\t删掉的句子。"]


def test_comments_and_blank_lines_are_ignored():
    assert parse_lock("# a comment\n\n1\t一、第一部分\n\n") == IdLock((LockEntry("1", "一、第一部分"),))


def test_entries_stand_on_the_page_of_the_chapter_above_them():
    lock = parse_lock("0-0-1\t开篇。\n3\t三、第三部分\n3-0-1\t一句。\n4-1-2\t移来的一句。\n")
    assert entry_pages(lock.entries) == ("", "3", "3", "3")


@pytest.mark.parametrize(
    "text, line, problem",
    [
        ("1\t一、第一部分\n1-0-1 没有制表符。\n", 2, "expected an ID"),
        ("1\t一、第一部分\n1-a-1\t坏编号。\n", 2, "expected an ID"),
        ("1\t一、第一部分\n1-0-1\n", 2, "has no text"),
        ("1\t一、第一部分\n1-0-1\t一句。\n1-0-1\t又一句。\n", 3, "already recorded on line 2"),
        ("1\t一、第一部分\nremoved 1-0-1\t一句。\n1-0-1\t又一句。\n", 3, "already recorded on line 2"),
        ("1\t一、\n1-0-1\t坏转义\\q。\n", 2, "unknown escape"),
        ("1\t一、\n2\t二、\nmoved 1-0-1\n", 3, "no line records"),
        ("1\t一、\n1-0-1\t一句。\nmoved 1-0-1\n", 3, "already on this page"),
        ("1\t一、\nmoved 1-0-1\t一句。\n", 2, "takes no text"),
        ("1\t一、\nmoved 1\n", 2, "cannot move"),
        ("1\t一、\nretired 1-0-1\t一句。\n", 2, "expected an ID"),
    ],
)
def test_a_bad_lock_names_the_line_and_the_problem(text, line, problem):
    with pytest.raises(PlanError) as caught:
        parse_lock(text)
    assert caught.value.line == line
    assert problem in caught.value.message


def test_appendix_ids_read_back_as_written():
    lock = IdLock((LockEntry("3"), LockEntry("3-0-1", "第一句。"), LockEntry("a1", "名词解释"), LockEntry("a1-0-1", "1.“两重”：……"), LockEntry("a2-0-3b", "又一句。")))
    lock = IdLock(tuple(entry if entry.text else LockEntry(entry.id, "三、今年工作") for entry in lock.entries))
    assert parse_lock(format_lock(lock, "report.txt")) == lock
    assert entry_pages(lock.entries) == ("3", "3", "a1", "a1", "a1")


def test_a_lock_records_parts_and_items_and_reads_what_each_id_names():
    lock = parse_lock("p1\t第一篇　总体要求\np1-0-1\t本篇。\n3\t第三章　产业\n3-1\t第一节　传统产业\n3-1-1\t（一）改造。\n3-1-1-1\t改造句。\n3-1-2\t（二）集群。\n3-0-1\t引言。\n")
    assert lock_kinds(lock.entries) == (
        ClauseKind.PART_TITLE, ClauseKind.SENTENCE, ClauseKind.CHAPTER_TITLE, ClauseKind.SECTION_HEADING,
        ClauseKind.ITEM_HEADING, ClauseKind.SENTENCE, ClauseKind.SENTENCE, ClauseKind.SENTENCE,
    )  # fmt: skip


def test_a_part_starts_a_page_of_its_own():
    lock = parse_lock("0-0-1\t序。\np1\t第一篇　总体要求\np1-0-1\t本篇。\n1\t第一章　环境\n1-0-1\t引言。\n")
    assert entry_pages(lock.entries) == ("", "p1", "p1", "1", "1")
