import pytest

from generator.render.cite import citation, labels, long_citation, source_note

from .conftest import parse

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
    assert citation(document, "第一部分第（一）项第2句") == "《2026年某某省国民经济和社会发展计划》第一部分第（一）项第2句"


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
    assert long_citation(document, "第一部分第1句", "研究制定促进新能源消纳若干举措。") == (
        "《2026年内蒙古自治区国民经济和社会发展计划》（内政发〔2026〕5号）第一部分第1句：“研究制定促进新能源消纳若干举措。”"
    )


def test_a_report_without_document_number_is_named_by_its_occasion_and_date():
    document = parse(REPORT)
    assert source_note(document) == "（2026年1月25日在某某省第十六届人民代表大会第四次会议上）"
    assert long_citation(document, "第一部分第（一）项第1句", "全年地区生产总值增长5%左右。").startswith(
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
    assert source_note(document) == "（2026年1月27日在某某省第十四届人民代表大会第四次会议上）"


def test_an_occasion_dated_in_chinese_numerals_is_cited_as_written():
    occasion = "二〇二六年一月二十七日在某某省第十四届人民代表大会第四次会议上"
    document = parse(REPORT.replace("2026年1月25日在某某省第十六届人民代表大会第四次会议上", occasion))
    assert source_note(document) == f"（{occasion}）"


def test_a_plan_with_neither_number_nor_occasion_is_cited_by_title_alone():
    document = parse(PLAN)
    assert source_note(document) == ""
    assert long_citation(document, "序言第1句", "开篇第一句。") == "《2026年某某省国民经济和社会发展计划》序言第1句：“开篇第一句。”"
