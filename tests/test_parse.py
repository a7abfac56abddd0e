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
    from generator.read.ingest import ingest
    from generator.read.parse import parse_plan

    document = parse_plan(ingest(seed_text))
    assert len(document.chapters) == 14
    assert [len(chapter.sections) for chapter in document.chapters] == [0, 5, 3, 3, 3, 3, 4, 4, 4, 3, 2, 3, 10, 0]
    assert document.warnings == ()


REPORT = """\
    2026年某某省政府工作报告
    各位代表：
    一、2025年工作回顾
    一年来，主要做了以下工作：
    一是扩大内需。二是培育新动能。
    二、2026年重点工作
    政府工作的总体要求是：稳中求进。
    主要预期目标是：地区生产总值增长5％左右；城镇新增就业50万人以上。
    （一）巩固壮大实体经济根基，纵深推进产业强省建设
    做强资源型产业。提升特色产业。
    各位代表！环境就是民生。
    （二）统筹发展和安全，保持社会和谐稳定
    防范化解风险。
    各位代表！建设人民满意的政府。
    各位代表！让我们团结奋斗！
    名词解释
    1.“两重”：是指国家重大战略实施和重点领域安全能力建设。
    2.“两新”：是指大规模设备更新和消费品以旧换新。
    """


def test_one_shi_paragraphs_are_paragraphs_not_sections():
    chapter = parse(REPORT).chapters[0]
    assert chapter.sections == ()
    assert [[clause.text for clause in paragraph.clauses] for paragraph in chapter.intro] == [
        ["一年来，主要做了以下工作："],
        ["一是扩大内需。", "二是培育新动能。"],
    ]


def test_a_heading_without_a_full_stop_is_the_whole_line():
    section = parse(REPORT).chapters[1].sections[0]
    assert section.heading.text == "（一）巩固壮大实体经济根基，纵深推进产业强省建设"
    assert [clause.id for clause in section.paragraphs[0].clauses] == ["2-1-1", "2-1-2"]


def test_main_targets_and_general_requirements_are_found_in_a_chapter_introduction():
    intro = parse(REPORT).chapters[1].intro
    assert [paragraph.role for paragraph in intro] == ["general-requirements", "main-targets"]
    assert [clause.text for clause in intro[1].clauses] == ["主要预期目标是：地区生产总值增长5％左右；", "城镇新增就业50万人以上。"]


def test_an_address_after_the_last_section_closes_the_chapter():
    chapter = parse(REPORT).chapters[1]
    assert [len(section.paragraphs) for section in chapter.sections] == [2, 1]
    assert [[clause.id for clause in paragraph.clauses] for paragraph in chapter.closing] == [
        ["2-0-4", "2-0-5"],
        ["2-0-6", "2-0-7"],
    ]
    assert chapter.closing[0].clauses[0].text == "各位代表！"


def test_an_address_inside_an_earlier_section_stays_in_it():
    section = parse(REPORT).chapters[1].sections[0]
    assert [clause.text for clause in section.paragraphs[-1].clauses] == ["各位代表！", "环境就是民生。"]


def test_an_appendix_after_the_last_chapter_is_kept_as_an_appendix():
    document = parse(REPORT)
    assert [chapter.id for chapter in document.chapters] == ["1", "2"]
    (appendix,) = document.appendices
    assert (appendix.id, appendix.title.text) == ("a1", "名词解释")
    assert [[clause.id for clause in paragraph.clauses] for paragraph in appendix.intro] == [["a1-0-1"], ["a1-0-2"]]


def test_appendix_clauses_come_last_and_the_texts_still_concatenate_to_the_body():
    document = parse(REPORT)
    ids = [clause.id for clause in iter_clauses(document)]
    assert ids[-3:] == ["a1", "a1-0-1", "a1-0-2"]
    body = "".join(line.strip() for line in REPORT.splitlines()[1:] if line.strip())
    assert "".join(clause.text for clause in iter_clauses(document)) == body


def test_an_appendix_heading_before_the_first_chapter_is_text():
    document = parse(REPORT.replace("各位代表：\n", "各位代表：\n    附件\n"))
    assert document.appendices[0].id == "a1"
    assert [clause.text for clause in document.preamble[1].clauses] == ["附件"]


@pytest.mark.parametrize(
    "change, line, problem",
    [
        (("一是扩大内需。", "一是扩大“内需。"), 5, "“ is never closed"),
        (("一是扩大内需。", "一是扩大内需》。"), 5, "》 closes nothing"),
        (("（二）统筹", "（二统筹"), 12, "（ is never closed"),
    ],
)
def test_unmatched_quotes_and_brackets_are_reported_with_their_line(change, line, problem):
    warnings = parse(REPORT.replace(*change)).warnings
    assert [(warning.line, problem in warning.message) for warning in warnings] == [(line, True)]


def test_balanced_quotes_and_brackets_raise_no_warning():
    assert parse(REPORT).warnings == ()


@pytest.mark.parametrize(
    "cut, line, problem",
    [
        ("    各位代表！让我们团结奋斗！\n    名词解释\n", None, "ends with the heading"),
        ("其他", 9, "ends with the heading"),
        ("做强资源型产业。提升特色", 10, "ends mid-sentence"),
        ("政府工作的总体要求是：", 7, "ends mid-sentence"),
        ("2.“两新”：是指大规模设备更新和消费品以旧", 18, "ends mid-sentence"),
    ],
)
def test_a_truncated_text_is_refused_with_its_line(cut, line, problem):
    text = REPORT[: REPORT.index(cut) + len(cut)] if line != 9 else REPORT[: REPORT.index("    做强")]
    with pytest.raises(PlanError, match=problem) as error:
        parse(text)
    if line is not None:
        assert error.value.line == line


@pytest.mark.parametrize("signature", ["某某省人民政府", "2026年1月5日"])
def test_a_text_may_end_with_its_signature(signature):
    document = parse(REPORT.replace("名词解释", "").split("    1.")[0] + f"    {signature}\n")
    assert document.chapters[-1].closing[-1].clauses[-1].text == signature


def test_a_web_page_cut_before_its_footer_is_refused():
    page = "当前位置：\n首页\n>\n要闻\n2026年某某省政府工作报告\n【字体：\n大\n】\n各位代表：\n一、工作回顾\n稳中求进。\n"
    with pytest.raises(PlanError, match="footer is missing") as error:
        parse(page)
    assert error.value.line == 11
    assert parse(page + "打印本页\n").chapters[0].intro[0].clauses[0].text == "稳中求进。"


def test_an_appendix_of_unpunctuated_entries_may_end_without_a_full_stop():
    text = REPORT.replace("1.“两重”：是指国家重大战略实施和重点领域安全能力建设。", "1.重点项目清单").replace(
        "2.“两新”：是指大规模设备更新和消费品以旧换新。", "2.重大工程清单"
    )
    assert parse(text).appendices[0].intro[-1].clauses[0].text == "2.重大工程清单"


def test_a_clause_in_a_joined_paragraph_has_the_span_and_line_it_starts_on():
    text = "2026年某某省政府工作报告\n一、工作回顾\n推进产业\n  升级。加快\n转型。\n"
    document = parse(text)
    clauses = document.chapters[0].intro[0].clauses
    assert [(clause.text, clause.span.line) for clause in clauses] == [("推进产业升级。", 3), ("加快转型。", 4)]
    assert text[clauses[1].span.start : clauses[1].span.end] == "加快\n转型。"


# A report as some provinces publish it: no page around it, the occasion broken over two lines,
# bold words and subscripts on lines of their own, and two appendices after the closing address.
BARE_REPORT = """\
    政府工作报告
    ——2026年1月26日在某某省第十四届
    人民代表大会第五次会议上
    某某省省长 张三
    各位代表：
    现在，我代表省人民政府，向大会报告工作。
    一、2025年工作回顾
    空气质量持续改善，PM
    2.5
    年平均浓度保持在20微克/立方米左右。
    二、2026年工作安排
    2026年是“十五五”第一年。今年经济社会发展的
    主要预期目标
    是：地区生产总值增长4.5%—5%；地方一般公共预算收入增长3%左右。
    （一）推动高质量发展。
    扩大内需。
    各位代表！让我们团结奋斗！
    附件1
    2026年省十件民生实事
    坚持民生为大，办好十件民生实事。
    一、提高低保标准。
    农村低保标准提高到80%以上。
    附件2
    名词解释
    1.“四上”企业：
    规模以上法人单位的习惯称谓。
    """


def test_a_bare_report_reads_whole():
    document = parse(BARE_REPORT)
    assert document.front.occasion.text == "——2026年1月26日在某某省第十四届人民代表大会第五次会议上"
    assert document.front.iso_date == "2026-01-26"
    assert [chapter.id for chapter in document.chapters] == ["1", "2"]
    assert "".join(clause.text for clause in document.chapters[0].intro[0].clauses) == (
        "空气质量持续改善，PM2.5年平均浓度保持在20微克/立方米左右。"
    )
    assert document.warnings == ()


def test_main_targets_in_bold_on_a_line_of_their_own_are_found():
    (paragraph,) = [p for p in parse(BARE_REPORT).chapters[1].intro if p.role == "main-targets"]
    assert [clause.text for clause in paragraph.clauses] == [
        "2026年是“十五五”第一年。",
        "今年经济社会发展的主要预期目标是：地区生产总值增长4.5%—5%；",
        "地方一般公共预算收入增长3%左右。",
    ]


def test_appendices_keep_their_subtitles_and_numbered_items_as_paragraphs():
    appendices = parse(BARE_REPORT).appendices
    assert [(appendix.id, appendix.title.text) for appendix in appendices] == [("a1", "附件1"), ("a2", "附件2")]
    texts = [["".join(c.text for c in p.clauses) for p in appendix.intro] for appendix in appendices]
    assert texts[0] == ["2026年省十件民生实事", "坚持民生为大，办好十件民生实事。", "一、提高低保标准。", "农村低保标准提高到80%以上。"]
    assert texts[1] == ["名词解释", "1.“四上”企业：", "规模以上法人单位的习惯称谓。"]


UNNUMBERED_REPORT = """\
    2026年某某省政府工作报告
    各位代表：
    现在，我代表省人民政府向大会报告工作。
    “十四五”时期工作回顾
    五年来，全省经济持续向好。
    （一）产业升级。制造业稳步发展。
    （二）民生改善。就业保持稳定。
    2026年工作安排
    今年是“十五五”开局之年。
    （一）扩大内需。促进消费。
    着力扩大有效投资
    推动项目建设。
    （二）深化改革。优化营商环境。
    加强政府自身建设
    各位代表！让我们团结奋斗。
    """


def test_unnumbered_chapter_headings_are_read_as_chapters_in_order():
    document = parse(UNNUMBERED_REPORT)
    assert [(chapter.id, chapter.title.text) for chapter in document.chapters] == [
        ("1", "“十四五”时期工作回顾"),
        ("2", "2026年工作安排"),
        ("3", "加强政府自身建设"),
    ]
    assert [section.id for section in document.chapters[1].sections] == ["2-1", "2-2"]


def test_inferred_chapter_numbering_is_reported_once_with_the_first_heading_line():
    (warning,) = parse(UNNUMBERED_REPORT).warnings
    assert warning.line == 4
    assert "no number" in warning.message and "3 chapters" in warning.message


def test_a_bare_line_inside_a_section_whose_numbering_goes_on_is_not_a_chapter():
    section = parse(UNNUMBERED_REPORT).chapters[1].sections[0]
    assert [clause.text for paragraph in section.paragraphs for clause in paragraph.clauses] == [
        "促进消费。",
        "着力扩大有效投资",
        "推动项目建设。",
    ]


def test_bare_lines_inside_sections_of_numbered_chapters_are_not_chapters():
    document = parse(
        """\
        2026年某某省政府工作报告
        一、工作回顾
        （一）产业升级。制造业稳步发展。
        二、工作安排
        今年是开局之年。
        （一）扩大内需。
        着力扩大有效投资。
        （二）深化改革。
        加强政府自身建设
        优化营商环境。
        """
    )
    assert [chapter.title.text for chapter in document.chapters] == ["一、工作回顾", "二、工作安排"]
    assert not any("no number" in warning.message for warning in document.warnings)


def test_one_bare_line_makes_no_chapters():
    with pytest.raises(PlanError, match="no chapters found"):
        parse("2026年某某省政府工作报告\n各位代表：\n工作回顾\n过去一年成绩显著。\n")


def test_repeated_ids_run_from_z_to_aa_not_past_the_alphabet():
    repeats = "".join("（一）同一节。正文。\n" for _ in range(28))
    document = parse(f"2026年某某省国民经济和社会发展计划\n一、第一部分\n{repeats}")
    ids = [section.id for section in document.chapters[0].sections]
    assert ids[:2] == ["1-1", "1-1b"] and ids[25:28] == ["1-1z", "1-1aa", "1-1ab"]


# --- An outline: parts, chapters numbered across them, sections, items (generator/data/genres.yml) ---

OUTLINE = """\
    某某省国民经济和社会发展第十五个五年规划纲要

    目录

    第一篇　总体要求

    第一章　发展环境

    第二章　主要目标

    第二篇　现代产业

    第三章　建设产业体系

    某某省国民经济和社会发展第十五个五年规划纲要

    本纲要阐明战略意图。

    第一篇　总体要求

    本篇第一句。本篇第二句。

    第一章　发展环境

    本章引言。

    第一节　发展基础

    第一节正文第一句。第一节正文第二句。

    第二节　面临形势

    第二节正文。

    第二章　主要目标

    ——经济发展。增长保持在合理区间。

    第二篇　现代产业

    第三章　建设产业体系

    第一节　优化传统产业

    （一）推进改造。改造第一句。

    改造第二句。

    （二）培育集群。集群第一句。
    """


def test_an_outline_is_a_tree_of_parts_chapters_and_sections():
    document = parse(OUTLINE)
    assert [part.id for part in document.parts] == ["p1", "p2"]
    assert [[chapter.id for chapter in part.children] for part in document.parts] == [["1", "2"], ["3"]]
    assert [[section.id for section in chapter.sections] for chapter in document.chapters] == [["1-1", "1-2"], [], ["3-1"]]


def test_an_outlines_heading_clauses_name_their_level():
    document = parse(OUTLINE)
    kinds = {clause.id: clause.kind for clause in iter_clauses(document)}
    assert (kinds["p1"], kinds["1"], kinds["1-1"]) == (ClauseKind.PART_TITLE, ClauseKind.CHAPTER_TITLE, ClauseKind.SECTION_HEADING)


def test_a_part_has_its_own_sentences_and_a_chapter_numbered_across_parts_keeps_its_number():
    document = parse(OUTLINE)
    ids = [clause.id for clause in iter_clauses(document)]
    assert ["p1", "p1-0-1", "p1-0-2", "1", "1-0-1", "1-1", "1-1-1", "1-1-2"] == ids[1:9]
    assert "3-1" in ids and "1-3" not in ids


def test_items_under_a_section_are_a_level_of_their_own():
    section = parse(OUTLINE).chapters[2].sections[0]
    assert [item.id for item in section.children] == ["3-1-1", "3-1-2"]
    assert section.children[0].heading.kind is ClauseKind.ITEM_HEADING
    assert [clause.id for paragraph in section.children[0].intro for clause in paragraph.clauses] == ["3-1-1-1", "3-1-1-2"]


def test_a_section_holding_items_numbers_its_own_sentences_under_0():
    text = OUTLINE.replace("第一节　优化传统产业\n", "第一节　优化传统产业\n\n    本节引言。\n")
    section = parse(text).chapters[2].sections[0]
    assert [clause.id for paragraph in section.intro for clause in paragraph.clauses] == ["3-1-0-1"]


def test_an_outlines_contents_list_is_recognised_not_read_as_text():
    document = parse(OUTLINE)
    assert document.contents_heading.text == "目录"
    assert [entry.id for entry in document.contents] == ["p1", "1", "2", "p2", "3"]
    assert [clause.text for paragraph in document.preamble for clause in paragraph.clauses] == ["本纲要阐明战略意图。"]
    assert not any("目录" in clause.text for clause in iter_clauses(document))


def test_a_heading_the_contents_list_names_but_the_text_lacks_is_warned_of():
    document = parse(OUTLINE.replace("第二章　主要目标\n\n    第二篇", "第二章　主要目标\n\n    第三章　不存在的章\n\n    第二篇", 1))
    warnings = [warning.message for warning in document.warnings if "contents list" in warning.message]
    assert len(warnings) == 1 and "第三章　不存在的章" in warnings[0]


def test_an_outline_in_another_layout_reads_the_same():
    # No full-width space after the number; a chapter's number on its own line; page numbers in the
    # contents list; no 目录 title repeated before the body.
    text = """\
        某某市国民经济和社会发展第十五个五年规划纲要

        目　录

        第一篇 总体要求……………1

        第一章 发展环境 3

        第二篇　现代产业 ··· 9

        第二章 建设产业体系 11

        第一篇总体要求

        本篇第一句。

        第一章

        发展环境

        第一节发展基础

        第一节正文。

        第二篇 现代产业

        第二章 建设产业体系

        第一节 优化传统产业

        正文第一句。正文第二句。
        """
    document = parse(text)
    assert [part.title.text for part in document.parts] == ["第一篇总体要求", "第二篇 现代产业"]
    assert [chapter.title.text for chapter in document.chapters] == ["第一章发展环境", "第二章 建设产业体系"]
    assert [len(chapter.sections) for chapter in document.chapters] == [1, 1]
    assert [entry.id for entry in document.contents] == ["p1", "1", "p2", "2"]
    assert not document.warnings


def test_an_outline_without_parts_has_chapters_at_the_top():
    text = """\
        某某县国民经济和社会发展第十五个五年规划纲要

        第一章　发展基础

        第一节　成就

        正文。

        第二章　目标

        正文。
        """
    document = parse(text)
    assert (document.parts, [chapter.id for chapter in document.divisions]) == ((), ["1", "2"])


def test_a_chapter_number_out_of_order_across_parts_is_warned_of():
    document = parse(OUTLINE.replace("第三章　建设产业体系\n\n    第一节", "第五章　建设产业体系\n\n    第一节"))
    assert any("chapter numbering skips from 2 to 5" in warning.message for warning in document.warnings)


def test_a_contents_list_after_a_note_under_the_title_is_recognised_and_the_note_kept():
    text = OUTLINE.replace("    目录\n", "    （2026年3月12日第十四届全国人民代表大会第四次会议批准）\n\n    目录\n", 1)
    document = parse(text)
    assert [entry.id for entry in document.contents] == ["p1", "1", "2", "p2", "3"]
    assert [clause.text for paragraph in document.preamble for clause in paragraph.clauses][0].startswith("（2026年3月12日")
    assert [part.id for part in document.parts] == ["p1", "p2"]


def test_a_contents_entry_whose_number_stands_on_a_line_of_its_own_is_one_entry():
    text = OUTLINE.replace("    第一章　发展环境\n\n    第二章　主要目标\n\n    第二篇", "    第一章\n\n    发展环境……3\n\n    第二章　主要目标\n\n    第二篇", 1)
    document = parse(text)
    assert [entry.line.text for entry in document.contents][1] == "第一章发展环境……3"
    assert [entry.id for entry in document.contents] == ["p1", "1", "2", "p2", "3"]


def test_the_title_printed_again_at_the_head_of_a_page_is_debris_not_text():
    text = OUTLINE.replace("    第二节　面临形势", "    某某省国民经济和社会发展第十五个五年规划纲要\n\n    — 3 —\n\n    第二节　面临形势")
    document = parse(text)
    assert [section.heading.text for section in document.chapters[0].sections] == ["第一节　发展基础", "第二节　面临形势"]
    assert [item.rule for item in document.debris if item.kind == "running-head"] == ["repeat"]
    assert "".join(clause.text for paragraph in document.chapters[0].sections[0].paragraphs for clause in paragraph.clauses) == "第一节正文第一句。第一节正文第二句。"
