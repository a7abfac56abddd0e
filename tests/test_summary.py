"""Document summaries: each clause of a plan with its place, text and URL, as the library (its search above all) sees it."""

from generator.library.summary import document_summary
from generator.model import DocumentKind, DocumentMeta, Plan, PlanInfo

from .conftest import parse

PLAN = """\
    2026年某某省国民经济和社会发展计划

    前言第一句。前言第二句。

    一、第一部分

    引言一句。

    （一）第一项标题

    第一项第一句。第一项第二句。
"""


def test_every_clause_has_its_citation_label_and_url_in_document_order():
    plan = Plan(PlanInfo("mou-2026"), parse(PLAN), meta=DocumentMeta(region="某某省", year=2026, kind=DocumentKind.PLAN))
    document = document_summary(plan)
    assert (document.slug, document.title, document.url, document.meta.region) == ("mou-2026", "2026年某某省国民经济和社会发展计划", "mou-2026/", "某某省")
    assert [(clause.label, clause.text, clause.url) for clause in document.clauses] == [
        ("序言第1句", "前言第一句。", "mou-2026/#0-0-1"),
        ("序言第2句", "前言第二句。", "mou-2026/#0-0-2"),
        ("第一部分", "一、第一部分", "mou-2026/1/#1"),
        ("第一部分第1句", "引言一句。", "mou-2026/1/#1-0-1"),
        ("第一部分第（一）项", "（一）第一项标题", "mou-2026/1/#1-1"),
        ("第一部分第（一）项第1句", "第一项第一句。", "mou-2026/1/#1-1-1"),
        ("第一部分第（一）项第2句", "第一项第二句。", "mou-2026/1/#1-1-2"),
    ]


REPORT = """\
    2026年政府工作报告

    各位代表：

    一、2025年工作回顾

    经济稳定增长。

    二、2026年工作安排

    （一）稳定增长

    推动经济稳定增长。
"""


def test_clauses_of_a_chapter_reviewing_past_work_are_marked_as_review():
    document = document_summary(Plan(PlanInfo("bao-2026"), parse(REPORT)))
    assert [(clause.text, clause.review) for clause in document.clauses] == [
        ("各位代表：", False),
        ("一、2025年工作回顾", True),
        ("经济稳定增长。", True),
        ("二、2026年工作安排", False),
        ("（一）稳定增长", False),
        ("推动经济稳定增长。", False),
    ]


def test_a_review_standing_in_the_preamble_is_marked_as_review_up_to_the_heading_looking_forward():
    report = """\
    2026年政府工作报告

    各位代表：

    2025年工作回顾

    刚刚过去的2025年，经济稳定增长。

    2026年重点工作

    今年推动经济稳定增长。

    一、扎实推进科技创新

    全社会研发经费投入增长8%。
"""
    plan = Plan(PlanInfo("bao-2026"), parse(report), meta=DocumentMeta(year=2026, kind=DocumentKind.WORK_REPORT))
    assert [clause.text for clause in document_summary(plan).clauses if clause.review] == ["2025年工作回顾", "刚刚过去的2025年，经济稳定增长。"]


def test_an_offline_bundles_summary_has_one_html_file_a_page():
    document = document_summary(Plan(PlanInfo("mou-2026"), parse(PLAN)), directory_urls=False)
    assert document.url == "mou-2026/index.html"
    assert [clause.url for clause in document.clauses][1:4] == ["mou-2026/index.html#0-0-2", "mou-2026/1.html#1", "mou-2026/1.html#1-0-1"]
