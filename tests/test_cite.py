import pytest

from generator.model import DocumentMeta
from generator.read.metadata import document_meta
from generator.render.cite import (
    citation,
    cited_title,
    document_name,
    labels,
    long_citation,
    page_title,
    source_note,
)

from .conftest import parse

# What a citation knows of a document besides its text: nothing (no region, year or speaker).
NO_META = DocumentMeta()

PLAN = """\
    2026年某某省国民经济和社会发展计划

      总体要求是:开篇第一句。开篇第二句。

      一、第一部分

      引言第一句。引言第二句。

      (一)第一项。第一项第一句。第一项第二句。

      （二）第二项。

      第二项第一句。
    """


def test_sentences_are_cited_by_part_item_and_number():
    found = labels(parse(PLAN))
    assert found["1-1-2"] == "第一部分第（一）项第2句"
    assert found["1-2-1"] == "第一部分第（二）项第1句"


def test_a_chapter_introduction_is_cited_without_an_item():
    assert labels(parse(PLAN))["1-0-2"] == "第一部分第2句"


def test_the_preamble_is_the_序言():
    found = labels(parse(PLAN))
    assert found["0-0-2"] == "序言第2句"
    assert found[""] == "序言"


def test_headings_are_cited_as_their_part_or_item():
    found = labels(parse(PLAN))
    assert (found["1"], found["1-1"]) == ("第一部分", "第一部分第（一）项")


def test_a_citation_opens_with_the_title_in_book_title_marks():
    document = parse(PLAN)
    assert citation(document, NO_META, "第一部分第（一）项第2句") == "《2026年某某省国民经济和社会发展计划》第一部分第（一）项第2句"


NOTICE = """\
    内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知
    内政发〔2026〕5号
    各盟行政公署、市人民政府,自治区各委、办、厅、局:
    现将《2026年内蒙古自治区国民经济和社会发展计划》印发给你们,请认真贯彻执行。
    2026年2月13日
    (此件公开发布)
    2026年内蒙古自治区国民经济和社会发展计划

      一、第一部分

      研究制定促进新能源消纳若干举措。
    """

REPORT = """\
    2026年某某省政府工作报告
    ——2026年1月25日在某某省第十六届人民代表大会第四次会议上
    省长 某某某

    各位代表：

    一、过去一年的工作

    （一）经济运行稳中向好。全年地区生产总值增长5%左右。
    """


def test_the_long_citation_names_the_document_number_and_quotes_the_clause():
    document = parse(NOTICE)
    assert long_citation(document, document_meta(document), "第一部分第1句", "研究制定促进新能源消纳若干举措。") == (
        "《2026年内蒙古自治区国民经济和社会发展计划》（内政发〔2026〕5号）第一部分第1句：“研究制定促进新能源消纳若干举措。”"
    )


def test_a_report_without_document_number_is_named_by_its_occasion_and_date():
    document = parse(REPORT)
    assert source_note(document, NO_META) == "（2026年1月25日在某某省第十六届人民代表大会第四次会议上）"
    assert long_citation(document, NO_META, "第一部分第（一）项第1句", "全年地区生产总值增长5%左右。").startswith(
        "《2026年某某省政府工作报告》（2026年1月25日在某某省第十六届人民代表大会第四次会议上）第一部分第（一）项第1句：“"
    )


@pytest.mark.parametrize(
    "occasion",
    ["（2026年1月27日在某某省第十四届人民代表大会第四次会议上）", "――2026年1月27日在某某省第十四届人民代表大会第四次会议上",
     "2026年1月27日在某某省第十四届人民代表大会第四次会议上 某某省省长 某某"],
    ids=["bracketed", "horizontal-bar", "with-speaker"],
)
def test_the_occasion_is_cited_without_its_dashes_brackets_or_speaker(occasion):
    document = parse(REPORT.replace("——2026年1月25日在某某省第十六届人民代表大会第四次会议上", occasion))
    assert source_note(document, NO_META) == "（2026年1月27日在某某省第十四届人民代表大会第四次会议上）"


def test_an_occasion_dated_in_chinese_numerals_is_cited_as_written():
    occasion = "二〇二六年一月二十七日在某某省第十四届人民代表大会第四次会议上"
    document = parse(REPORT.replace("2026年1月25日在某某省第十六届人民代表大会第四次会议上", occasion))
    assert source_note(document, NO_META) == f"（{occasion}）"


def test_a_plan_with_neither_number_nor_occasion_is_cited_by_title_alone():
    document = parse(PLAN)
    assert source_note(document, NO_META) == ""
    assert long_citation(document, NO_META, "序言第1句", "开篇第一句。") == "《2026年某某省国民经济和社会发展计划》序言第1句：“开篇第一句。”"


# --- The document's region, year and speaker ---------------------------------------------------

YUNNAN = """\
    2026年政府工作报告
    ——2026年1月28日在云南省第十四届人民代表大会第四次会议上
    省长　王予波

    各位代表：

    一、2025年工作回顾

    （一）经济运行稳中向好。全年地区生产总值增长5%左右。
    """


def test_a_title_that_does_not_name_the_region_is_preceded_by_it():
    document = parse(YUNNAN)
    assert cited_title(document, document_meta(document)) == "云南省《2026年政府工作报告》"


def test_a_title_naming_its_region_by_a_short_name_is_cited_as_it_is():
    document = parse(YUNNAN.replace("2026年政府工作报告", "2026年云南政府工作报告"))
    assert cited_title(document, document_meta(document)) == "《2026年云南政府工作报告》"


def test_a_title_naming_no_year_is_preceded_by_the_year_too():
    document = parse(YUNNAN.replace("2026年政府工作报告", "政府工作报告"))
    assert citation(document, document_meta(document), "第一部分") == "云南省2026年《政府工作报告》第一部分"


def test_the_long_citation_names_the_speaker_after_the_occasion():
    document = parse(YUNNAN)
    assert long_citation(document, document_meta(document), "第一部分第（一）项第1句", "全年地区生产总值增长5%左右。") == (
        "云南省《2026年政府工作报告》（2026年1月28日在云南省第十四届人民代表大会第四次会议上，省长 王予波）"
        "第一部分第（一）项第1句：“全年地区生产总值增长5%左右。”"
    )


def test_a_page_is_named_by_region_then_document_then_page():
    document = parse(YUNNAN.replace("2026年政府工作报告", "2026年云南省政府工作报告"))
    meta = document_meta(document)
    assert document_name(document, meta) == "云南省 · 2026年政府工作报告"
    assert page_title(document, meta, "一、2025年工作回顾") == "云南省 · 2026年政府工作报告 · 一、2025年工作回顾"


def test_a_page_of_a_document_of_unknown_region_is_named_by_its_title():
    document = parse(PLAN)
    assert page_title(document, NO_META, "一、第一部分") == "2026年某某省国民经济和社会发展计划 · 一、第一部分"


# --- An outline's levels: parts, chapters numbered across them, sections ------------------------

OUTLINE = """\
    中华人民共和国国民经济和社会发展第十五个五年规划纲要

    第一篇　总篇

    本篇第一句。本篇第二句。

    第一章　发展环境

    本章第一句。

    第一节　第一节标题

    第一节第一句。第一节第二句。

    第二篇　分篇

    第二章　第二章标题

    第一节　一节

    二章一节第一句。

    第二节　二节

    二章二节第一句。二章二节第二句。二章二节第三句。
    """


def test_an_outline_cites_chapters_alone_and_sections_within_them():
    found = labels(parse(OUTLINE))
    assert (found["2"], found["2-2"], found["2-2-3"]) == ("第二章", "第二章第二节", "第二章第二节第3句")


def test_an_outline_cites_a_part_and_its_own_sentences():
    found = labels(parse(OUTLINE))
    assert (found["p1"], found["p1-0-2"], found["1-0-1"]) == ("第一篇", "第一篇第2句", "第一章第1句")


def test_an_outline_titled_by_the_state_and_its_five_year_number_is_cited_as_titled():
    document = parse(OUTLINE)
    assert cited_title(document, document_meta(document)) == "《中华人民共和国国民经济和社会发展第十五个五年规划纲要》"
