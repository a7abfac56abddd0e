import pytest

from generator.errors import PlanError
from generator.model import ClauseKind, iter_clauses

from .conftest import parse

SMALL_PLAN = """\
    2026年某某省国民经济和社会发展计划

      总体要求是:稳中求进。

      主要预期目标是:地区生产总值增长5%左右;粮食产量超过100亿斤。

      一、第一部分标题

      引言第一句。引言第二句。

      (一)第一节标题。正文第一句。正文第二句。

      （二）第二节标题。正文。

      二、第二部分标题

      （一）另一节。他说:“好。”然后行动！
    """


def test_chapters_and_sections_follow_the_numbering():
    document = parse(SMALL_PLAN)
    assert [(chapter.id, chapter.number) for chapter in document.chapters] == [("1", 1), ("2", 2)]
    assert [section.id for section in document.chapters[0].sections] == ["1-1", "1-2"]
    assert [section.id for section in document.chapters[1].sections] == ["2-1"]


def test_section_heading_is_its_first_sentence_in_ascii_and_full_width():
    sections = parse(SMALL_PLAN).chapters[0].sections
    assert [section.heading.text for section in sections] == ["(一)第一节标题。", "（二）第二节标题。"]
    assert all(section.heading.kind is ClauseKind.SECTION_HEADING for section in sections)


def test_sentences_are_numbered_within_their_section():
    section = parse(SMALL_PLAN).chapters[0].sections[0]
    clauses = [clause for paragraph in section.paragraphs for clause in paragraph.clauses]
    assert [(clause.id, clause.text) for clause in clauses] == [("1-1-1", "正文第一句。"), ("1-1-2", "正文第二句。")]


def test_chapter_introduction_is_section_zero():
    chapter = parse(SMALL_PLAN).chapters[0]
    assert [clause.id for clause in chapter.intro[0].clauses] == ["1-0-1", "1-0-2"]


def test_preamble_is_chapter_zero_and_main_targets_split_at_semicolons():
    preamble = parse(SMALL_PLAN).preamble
    assert [paragraph.role for paragraph in preamble] == ["general-requirements", "main-targets"]
    clauses = preamble[1].clauses
    assert [clause.id for clause in clauses] == ["0-0-2", "0-0-3"]
    assert clauses[0].text == "主要预期目标是:地区生产总值增长5%左右;"


def test_closing_quotes_stay_with_their_sentence():
    clauses = parse(SMALL_PLAN).chapters[1].sections[0].paragraphs[0].clauses
    assert [clause.text for clause in clauses] == ["他说:“好。”", "然后行动！"]


def test_clause_texts_concatenate_to_the_body():
    document = parse(SMALL_PLAN)
    body = "".join(line.strip() for line in SMALL_PLAN.splitlines()[2:] if line.strip())
    assert "".join(clause.text for clause in iter_clauses(document)) == body


def test_numbered_sentence_in_running_text_is_not_a_chapter():
    document = parse(SMALL_PLAN.replace("引言第一句。", "引言第一句。\n\n  三、这是正文里的一句话。"))
    assert [chapter.id for chapter in document.chapters] == ["1", "2"]


@pytest.mark.parametrize(
    "change, line, message",
    [
        (("二、第二部分标题", "三、第二部分标题"), 15, "chapter numbering skips from 1 to 3"),
        (("（二）第二节标题", "（一）第二节标题"), 13, "section repeats number 1"),
        (("（二）第二节标题", "（三）第二节标题"), 13, "section numbering skips from 1 to 3"),
    ],
)
def test_numbering_problems_are_reported_with_their_line(change, line, message):
    document = parse(SMALL_PLAN.replace(*change))
    assert [(warning.line, warning.message.split(":")[0]) for warning in document.warnings] == [(line, message)]


def test_repeated_numbers_still_get_distinct_ids():
    document = parse(SMALL_PLAN.replace("（二）第二节标题", "（一）第二节标题"))
    ids = [clause.id for clause in iter_clauses(document)]
    assert len(ids) == len(set(ids))


def test_a_text_without_chapters_is_refused_with_its_line():
    with pytest.raises(PlanError, match="no chapters") as error:
        parse("2026年某某省国民经济和社会发展计划\n\n只有一段文字,没有任何部分标题,因此不是一个可以解析的计划文本,尽管它的长度足以让人以为正文已经开始。\n")
    assert error.value.line == 1


def test_seed_structure(seed_text):
    from generator.ingest import ingest
    from generator.parse import parse_plan

    document = parse_plan(ingest(seed_text))
    assert len(document.chapters) == 14
    assert [len(chapter.sections) for chapter in document.chapters] == [0, 5, 3, 3, 3, 3, 4, 4, 4, 3, 2, 3, 10, 0]
    assert document.warnings == ()
