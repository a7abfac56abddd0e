"""A document inside an encyclopedia article: the article is debris with its rules, the document whole."""

import textwrap

from generator.model import iter_clauses
from generator.read.ingest import ingest
from generator.read.parse import parse_plan

PAGE = textwrap.dedent(
    """\
    某某规划
    某某规划是某某省的五年规划。 [1]

    目录
    1规划背景
    ▪编制过程
    2规划全文
    3社会评价

    规划背景
    编制过程
    2025年，某某省启动规划编制。 [2-3]同年完成初稿。

    规划全文
    播报
    编辑
    某某省国民经济和社会发展第十五个五年规划纲要
    目录
    第一章　发展环境
    第二章　主要目标
    某某省国民经济和社会发展第十五个五年规划纲要
    第一章　发展环境
    本章第一句 [4]。本章第二句。
    第一节　发展基础
    基础扎实 [5] [6]，成效显著。
    第二章　主要目标
    到2030年，地区生产总值年均增长5%左右。

    社会评价
    播报
    编辑
    一、规划意义重大
    （一）评价认为，规划切实可行。 [7]
    参考资料：
    [1] 某某日报
    """
)


def _read():
    source = ingest(PAGE)
    return source, parse_plan(source)


def test_the_document_starts_at_its_own_title_after_the_articles_contents():
    source, document = _read()
    assert source.title.span.line == 17
    assert [chapter.title.text for chapter in document.chapters] == ["第一章　发展环境", "第二章　主要目标"]


def test_the_document_ends_where_the_article_goes_on():
    _, document = _read()
    texts = [clause.text for clause in iter_clauses(document)]
    assert texts[-1] == "到2030年，地区生产总值年均增长5%左右。"
    assert not any("评价" in text for text in texts)


def test_every_line_of_the_article_is_debris_with_its_rule():
    source, document = _read()
    rules = {item.line.span.line: item.rule for item in document.debris if item.kind in ("page-header", "page-footer")}
    assert (rules[5], rules[6], rules[7]) == ("encyclopedia-contents",) * 3
    assert (rules[11], rules[15], rules[16]) == ("encyclopedia-heading", "encyclopedia-control", "encyclopedia-control")
    assert (rules[29], rules[32], rules[34]) == ("encyclopedia-heading", "encyclopedia-article", "encyclopedia-notes")
    assert document.warnings == ()


def test_reference_marks_inside_the_text_are_cut_out_and_the_spans_stay_exact():
    _, document = _read()
    clauses = {clause.text: clause for clause in iter_clauses(document)}
    assert "本章第一句。" in clauses and "基础扎实，成效显著。" in clauses
    assert PAGE[clauses["基础扎实，成效显著。"].span.start : clauses["基础扎实，成效显著。"].span.end] == "基础扎实 [5] [6]，成效显著。"
    marks = [item.line.text for item in document.debris if item.rule == "reference-mark"]
    assert marks == ["[4]", "[5]", "[6]"]


def test_outside_an_encyclopedia_page_brackets_are_text():
    text = textwrap.dedent(
        """\
        2026年某某省国民经济和社会发展计划

        一、总体要求

        按照某政发[2026]12号文件 [3]要求推进。
        """
    )
    (clause,) = [clause for clause in iter_clauses(parse_plan(ingest(text))) if clause.kind.value == "sentence"]
    assert clause.text == "按照某政发[2026]12号文件 [3]要求推进。"
