"""Permanent IDs across revisions: what each clause of a revised plan is called, given the old lock."""

from generator.model import IdLock, LockState, iter_clauses
from generator.read.identify import assign_ids
from generator.read.idlock import format_lock, parse_lock

from .conftest import parse

TITLE = "2026年某某省国民经济和社会发展计划\n\n"

FIRST = TITLE + """\
  总体要求是:开篇第一句。粮食产量超过840亿斤。

  一、推进生态建设

  完成造林任务300万亩。治理沙化土地500万亩。

  (一)扎实推进防沙治沙。实施防沙治沙重点工程。建设防护林体系。加强草原保护修复。

  (二)加强环境治理。持续打好蓝天保卫战。推进水污染防治。

  二、发展现代能源经济

  建设新型能源体系。

  (一)推进新能源建设。新增新能源装机3000万千瓦。推动绿电直连。
"""


def _revise(*texts):
    """Each text in turn assigned IDs against the lock the previous one left: (documents, locks)."""
    lock = IdLock()
    documents, locks = [], []
    for text in texts:
        document, lock = assign_ids(parse(text), lock)
        documents.append(document)
        locks.append(lock)
    return documents, locks


def _ids(document) -> dict[str, str]:
    return {clause.text: clause.id for clause in iter_clauses(document)}


def test_without_a_lock_ids_follow_the_numbering_and_the_lock_records_them():
    document = parse(FIRST)
    identified, lock = assign_ids(document, IdLock())
    assert identified == document
    assert [entry.id for entry in lock.entries] == [clause.id for clause in iter_clauses(document)]
    assert all(entry.state == LockState.LIVE for entry in lock.entries)


def test_an_unchanged_plan_keeps_every_id_and_the_same_lock():
    (first, second), (lock, again) = _revise(FIRST, FIRST)
    assert second == first and again == lock


def test_the_lock_survives_being_written_and_read():
    (_, second), (lock, _) = _revise(FIRST, FIRST)
    assert assign_ids(parse(FIRST), parse_lock(format_lock(lock, "plan.txt"))) == (second, lock)


def test_a_clause_moved_within_its_section_keeps_its_id():
    moved = FIRST.replace("实施防沙治沙重点工程。建设防护林体系。", "建设防护林体系。实施防沙治沙重点工程。")
    (_, second), _ = _revise(FIRST, moved)
    assert _ids(second)["实施防沙治沙重点工程。"] == "1-1-1"
    assert _ids(second)["建设防护林体系。"] == "1-1-2"


def test_a_clause_whose_number_changed_keeps_its_id():
    edited = FIRST.replace("新增新能源装机3000万千瓦", "新增新能源装机3500万千瓦").replace("840亿斤", "850亿斤")
    (_, second), (_, lock) = _revise(FIRST, edited)
    assert _ids(second)["新增新能源装机3500万千瓦。"] == "2-1-1"
    assert _ids(second)["粮食产量超过850亿斤。"] == "0-0-2"
    assert ("2-1-1", "新增新能源装机3500万千瓦。") in [(entry.id, entry.text) for entry in lock.entries]


def test_a_lightly_reworded_clause_keeps_its_id():
    edited = FIRST.replace("推进水污染防治。", "深入推进重点流域水污染防治。")
    (_, second), _ = _revise(FIRST, edited)
    assert _ids(second)["深入推进重点流域水污染防治。"] == "1-2-2"


def test_an_unrelated_sentence_in_a_removed_ones_place_is_new():
    replaced = FIRST.replace("推进水污染防治。", "召开全区生态环境保护大会。")
    (_, second), (first_lock, lock) = _revise(FIRST, replaced)
    assert _ids(second)["召开全区生态环境保护大会。"] not in {entry.id for entry in first_lock.entries}
    assert [entry.id for entry in lock.entries if entry.state == LockState.REMOVED] == ["1-2-2"]


def test_inserted_clauses_take_letters_after_the_clause_before_them():
    inserted = FIRST.replace("实施防沙治沙重点工程。", "实施防沙治沙重点工程。新增甲句。新增乙句。")
    inserted = inserted.replace("(一)扎实推进防沙治沙。", "(一)扎实推进防沙治沙。新增开头一句。")
    (_, second), _ = _revise(FIRST, inserted)
    ids = _ids(second)
    assert (ids["新增甲句。"], ids["新增乙句。"], ids["新增开头一句。"]) == ("1-1-1a", "1-1-1b", "1-1-0a")
    assert ids["建设防护林体系。"] == "1-1-2"


def test_clauses_added_at_the_end_of_a_section_take_the_next_numbers():
    added = FIRST.replace("加强草原保护修复。", "加强草原保护修复。新增末句一。新增末句二。")
    (_, second), _ = _revise(FIRST, added)
    assert (_ids(second)["新增末句一。"], _ids(second)["新增末句二。"]) == ("1-1-4", "1-1-5")


def test_a_removed_clause_stays_in_the_lock_and_leaves_a_tombstone_where_it_stood():
    removed = FIRST.replace("建设防护林体系。", "")
    (_, second), (_, lock) = _revise(FIRST, removed)
    assert "1-1-2" not in _ids(second).values()
    assert [(entry.id, entry.text) for entry in lock.entries if entry.state == LockState.REMOVED] == [("1-1-2", "建设防护林体系。")]
    [stone] = second.tombstones
    assert (stone.id, stone.page, stone.after, stone.text, stone.moved) == ("1-1-2", "1", "1-1-1", "建设防护林体系。", False)
    order = [entry.id for entry in lock.entries]
    assert order.index("1-1-2") == order.index("1-1-1") + 1


def test_ids_are_never_given_out_twice():
    once = FIRST.replace("实施防沙治沙重点工程。", "实施防沙治沙重点工程。新增甲句。")
    twice = FIRST.replace("实施防沙治沙重点工程。", "实施防沙治沙重点工程。另一个全新的句子。")
    (_, _, third), _ = _revise(FIRST, once, twice)
    assert _ids(third)["另一个全新的句子。"] == "1-1-1b"
    removed_last = FIRST.replace("加强草原保护修复。", "")
    new_last = FIRST.replace("加强草原保护修复。", "新的最后一句话。")
    (_, _, third), _ = _revise(FIRST, removed_last, new_last)
    assert _ids(third)["新的最后一句话。"] == "1-1-4"


def test_a_renumbered_chapter_keeps_its_id_and_a_new_one_gets_a_fresh_id():
    new_chapter = "  一、新增的部分\n\n  新增部分的一句。\n\n"
    renumbered = FIRST.replace("  一、推进生态建设", new_chapter + "  二、推进生态建设").replace("二、发展现代能源经济", "三、发展现代能源经济")
    (_, second), _ = _revise(FIRST, renumbered)
    ids = _ids(second)
    assert (ids["二、推进生态建设"], ids["三、发展现代能源经济"]) == ("1", "2")
    assert ids["一、新增的部分"] == "0a" and ids["新增部分的一句。"] == "0a-0-1"
    assert ids["实施防沙治沙重点工程。"] == "1-1-1"
    assert [chapter.number for chapter in second.chapters] == [1, 2, 3]


def test_a_new_section_between_two_gets_a_lettered_id_and_its_sentences_numbers():
    inserted = FIRST.replace("(二)加强环境治理。", "(二)新增一项。新增项的第一句。\n\n  (三)加强环境治理。")
    (_, second), _ = _revise(FIRST, inserted)
    ids = _ids(second)
    assert (ids["(二)新增一项。"], ids["新增项的第一句。"], ids["(三)加强环境治理。"]) == ("1-1a", "1-1a-1", "1-2")


def test_a_clause_moved_to_another_chapter_keeps_its_id_and_leaves_a_forward_behind():
    moved = FIRST.replace("持续打好蓝天保卫战。", "").replace("推动绿电直连。", "推动绿电直连。持续打好蓝天保卫战。")
    (_, second), (_, lock) = _revise(FIRST, moved)
    assert _ids(second)["持续打好蓝天保卫战。"] == "1-2-1"
    assert [(stone.id, stone.page, stone.moved) for stone in second.tombstones] == [("1-2-1", "1", True)]
    assert [entry.state for entry in lock.entries if entry.id == "1-2-1"] == [LockState.MOVED, LockState.LIVE]
    # Moved back: no forward where it lives again, one from the page it has just left.
    (_, _, back), (_, _, lock_back) = _revise(FIRST, moved, FIRST)
    assert _ids(back)["持续打好蓝天保卫战。"] == "1-2-1"
    assert [(stone.id, stone.page, stone.moved) for stone in back.tombstones] == [("1-2-1", "2", True)]
    assert [entry.state for entry in lock_back.entries if entry.id == "1-2-1"] == [LockState.LIVE, LockState.MOVED]


def test_a_removed_chapter_keeps_its_ids_as_tombstones_on_its_own_page():
    removed = FIRST.split("  二、发展现代能源经济")[0]
    (_, second), (_, lock) = _revise(FIRST, removed)
    stones = [(stone.id, stone.page, stone.after) for stone in second.tombstones]
    assert stones[0] == ("2", "2", "1")
    assert {page for _, page, _ in stones} == {"2"}
    assert [entry.id for entry in lock.entries if entry.state == LockState.REMOVED] == ["2", "2-0-1", "2-1", "2-1-1", "2-1-2"]
    assert _revise(FIRST, removed, removed)[1][2] == lock


def test_moving_and_editing_at_once_keeps_the_id_when_the_text_is_nearly_the_same():
    moved = FIRST.replace("建设防护林体系。", "").replace("推动绿电直连。", "推动绿电直连。建设三北防护林体系。")
    (_, second), _ = _revise(FIRST, moved)
    assert _ids(second)["建设三北防护林体系。"] == "1-1-2"


def test_a_renumbered_section_keeps_its_id_and_its_sentences_theirs():
    removed = FIRST.replace("  (一)扎实推进防沙治沙。实施防沙治沙重点工程。建设防护林体系。加强草原保护修复。\n", "")
    renumbered = removed.replace("(二)加强环境治理。", "(一)加强环境治理。")
    (_, second), (_, lock) = _revise(FIRST, renumbered)
    ids = _ids(second)
    assert (ids["(一)加强环境治理。"], ids["持续打好蓝天保卫战。"]) == ("1-2", "1-2-1")
    assert [entry.id for entry in lock.entries if entry.state == LockState.REMOVED] == ["1-1", "1-1-1", "1-1-2", "1-1-3"]


# --- An outline: parts, chapters numbered across them, items -----------------------------------

OUTLINE = """\
某某省国民经济和社会发展第十五个五年规划纲要

  第一篇　总体要求

  本篇引言。

  第一章　发展环境

  第一节　发展基础

  基础扎实。成效显著。

  第二章　主要目标

  目标明确。

  第二篇　现代产业

  第三章　建设产业体系

  第一节　优化传统产业

  （一）推进改造。改造第一句。

  （二）培育集群。集群第一句。
"""


def test_an_unchanged_outline_keeps_every_id_through_its_lock_file():
    (first, _), (lock, _) = _revise(OUTLINE, OUTLINE)
    again = assign_ids(parse(OUTLINE), parse_lock(format_lock(lock, "outline.txt")))
    assert again == (first, lock)
    assert {"p1", "p1-0-1", "1-1-2", "3-1-1", "3-1-1-1"} <= {entry.id for entry in lock.entries}


def test_a_chapter_inserted_into_a_part_leaves_the_later_chapters_their_ids():
    renumbered = {"第三章　建设产业体系": "第四章　建设产业体系", "  第二章　主要目标": "  第二章　新增一章\n\n  新章正文。\n\n  第三章　主要目标"}
    inserted = OUTLINE
    for old, new in renumbered.items():
        inserted = inserted.replace(old, new)
    ids = _ids(_revise(OUTLINE, inserted)[0][1])
    expected = {"第二章　新增一章": "1a", "第三章　主要目标": "2", "第四章　建设产业体系": "3", "改造第一句。": "3-1-1-1"}
    assert {text: ids[text] for text in expected} == expected


def test_a_new_part_at_the_end_takes_the_next_part_number():
    added = OUTLINE + "\n  第三篇　保障措施\n\n  第四章　加强领导\n\n  坚持党的领导。\n"
    (_, second), _ = _revise(OUTLINE, added)
    ids = _ids(second)
    assert (ids["第三篇　保障措施"], ids["第四章　加强领导"], ids["坚持党的领导。"]) == ("p3", "4", "4-0-1")


def test_a_part_is_never_given_a_chapters_id_for_sharing_its_words():
    # Part 2 takes chapter 1's words: it is a new part (its old title is gone), never chapter 1.
    retitled = OUTLINE.replace("第二篇　现代产业", "第二篇　发展环境")
    (_, second), _ = _revise(OUTLINE, retitled)
    ids = _ids(second)
    assert (ids["第二篇　发展环境"], ids["第一章　发展环境"]) == ("p3", "1")
