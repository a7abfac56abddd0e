"""Markdown copies of a document: the markup is debris, the text reads as a plain copy's."""

import textwrap

from generator.model import iter_clauses
from generator.read.ingest import ingest
from generator.read.metadata import document_meta
from generator.read.parse import parse_plan

MARKDOWN_REPORT = textwrap.dedent(
    """\
    # 政府工作报告

    **——2026年3月5日在第十四届全国人民代表大会第四次会议上**

    国务院总理　李强

    ---

    各位代表：

    现在，我代表国务院，向大会报告政府工作，请予审议。

    **一、2025年工作回顾**

    过去一年，国内生产总值增长5%。**成绩来之不易。**

    **二、2026年经济社会发展总体要求和政策取向**

    今年发展主要预期目标是：国内生产总值增长4.5%－5%；城镇调查失业率5.5%左右。

    **三、2026年政府工作任务**

    **（一）大力提振消费。**实施提振消费专项行动。

    ## （二）扩大有效投资。

    积极扩大有效投资，详见[国务院](https://www.gov.cn/)网站。

    各位代表！让我们更加紧密地团结在一起。
    """
)


def _document():
    return parse_plan(ingest(MARKDOWN_REPORT))


def test_a_markdown_copy_is_read_as_the_document():
    document = _document()
    assert document.title.text == "政府工作报告"
    assert document.front.occasion.text == "——2026年3月5日在第十四届全国人民代表大会第四次会议上"
    assert [chapter.title.text for chapter in document.chapters] == [
        "一、2025年工作回顾", "二、2026年经济社会发展总体要求和政策取向", "三、2026年政府工作任务",
    ]  # fmt: skip
    assert [section.heading.text for section in document.chapters[2].sections] == ["（一）大力提振消费。", "（二）扩大有效投资。"]


def test_the_markup_is_debris_with_its_rule():
    rules = {item.rule for item in _document().debris if item.kind == "markup"}
    assert rules == {"markdown-heading", "markdown-strong", "markdown-rule", "markdown-link"}
    assert not any("*" in clause.text or "#" in clause.text or "](" in clause.text for clause in iter_clauses(_document()))


def test_every_clause_spans_its_own_words_in_the_source_skipping_the_markup():
    for clause in iter_clauses(_document()):
        source = MARKDOWN_REPORT[clause.span.start : clause.span.end]
        assert source.replace("**", "").replace("](https://www.gov.cn/)", "").replace("[", "") == clause.text


def test_a_markdown_national_report_has_the_nations_metadata():
    meta = document_meta(_document())
    assert (meta.region, meta.speaker, meta.issuer, meta.year) == ("全国", "国务院总理 李强", "国务院", 2026)


def test_a_plain_text_keeps_its_asterisks():
    text = MARKDOWN_REPORT.replace("# ", "").replace("**", "").replace("---\n", "")
    text = text.replace("过去一年，国内生产总值增长5%。", "过去一年，国内生产总值增长5%（**为初步核算数**）。")
    assert any("（**为初步核算数**）" in clause.text for clause in iter_clauses(parse_plan(ingest(text))))
