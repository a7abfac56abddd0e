import textwrap

import pytest

from generator.errors import PlanError
from generator.read.ingest import decode, ingest

NOTICE_PAGE = textwrap.dedent(
    """\
    客户端
    新闻 > 要闻 > 正文

    某某省人民政府关于下达2026年某某省国民经济和社会发展计划的通知

    某政发〔2026〕3号

      各市人民政府,省各委、办、厅、局:

      《2026年某某省国民经济和社会发展计划》已经审议通过,现予下达。

    2026年2月1日

      (此件公开发布)

    2026年某某省国民经济和社会发展计划

      2026年是开局之年,总体要求是:稳中求进。

      一、第一部分

      推进工作。

    photo_01.jpg

      二、第二部分

      继续推进。

    某某新闻 | 省级新媒体平台

    编辑:张三
    一、凡本站注明来源的作品,版权归本站所有。
    """
)


def test_front_matter_of_a_notice_is_read_field_by_field():
    front = ingest(NOTICE_PAGE).front
    assert front.issuer == "某某省人民政府"
    assert front.document_number.text == "某政发〔2026〕3号"
    assert front.addressees.text == "各市人民政府,省各委、办、厅、局:"
    assert [line.text for line in front.notice] == ["《2026年某某省国民经济和社会发展计划》已经审议通过,现予下达。"]
    assert (front.date.text, front.iso_date) == ("2026年2月1日", "2026-02-01")
    assert front.publication_note.text == "(此件公开发布)"


def test_plan_title_follows_the_notice():
    assert ingest(NOTICE_PAGE).title.text == "2026年某某省国民经济和社会发展计划"


def test_page_header_and_footer_are_debris_not_body():
    source = ingest(NOTICE_PAGE)
    body = [line.text for line in source.body]
    assert body[0].startswith("2026年是开局之年")
    assert body[-1] == "继续推进。"
    kinds = {debris.line.text: debris.kind for debris in source.debris}
    assert kinds["客户端"] == "page-header"
    assert kinds["编辑:张三"] == "page-footer"
    assert kinds["一、凡本站注明来源的作品,版权归本站所有。"] == "page-footer"


def test_image_placeholder_inside_the_body_is_removed_with_its_line():
    source = ingest(NOTICE_PAGE)
    images = [debris for debris in source.debris if debris.kind == "image"]
    assert [(debris.line.text, debris.line.span.line) for debris in images] == [("photo_01.jpg", 24)]
    assert "photo_01.jpg" not in [line.text for line in source.body]


def test_body_lines_keep_their_source_spans():
    source = ingest(NOTICE_PAGE)
    for line in source.body:
        assert source.text[line.span.start : line.span.end] == line.text


def test_seed_front_matter(seed_text):
    source = ingest(seed_text)
    assert source.title.text == "2026年内蒙古自治区国民经济和社会发展计划"
    assert source.front.document_number.text == "内政发〔2026〕5号"
    assert source.front.iso_date == "2026-02-13"
    assert source.front.publication_note.text == "(此件公开发布)"


def test_seed_debris_is_the_page_furniture(seed_text):
    debris = ingest(seed_text).debris
    assert {d.line.span.line for d in debris if d.kind == "image"} == {45, 67, 177}
    assert min(d.line.span.line for d in debris if d.kind == "page-footer") == 183


def test_text_without_a_title_is_refused():
    with pytest.raises(PlanError, match="no plan title"):
        ingest("这是一段普通文字。\n没有标题。\n")


@pytest.mark.parametrize(
    "raw",
    [
        "标题\r\n正文。\r\n".encode("utf-8"),
        "标题\r正文。\r".encode("utf-8"),
        "\ufeff标题\n正文。\n".encode("utf-8"),
        "标题\n正文。\n".encode("gb18030"),
        "标题\r\n正文。\r\n".encode("gbk"),
        "\ufeff标题\n正文。\n".encode("utf-16-le"),
        "\ufeff标题\n正文。\n".encode("utf-16-be"),
    ],
)
def test_encodings_and_line_ends_decode_alike(raw):
    assert decode(raw) == "标题\n正文。\n"


@pytest.mark.parametrize("raw, problem", [(b"", "empty"), (b"  \n", "empty"), (b"\x89PNG\x00\x01", "binary")])
def test_empty_and_binary_files_are_refused(raw, problem):
    with pytest.raises(PlanError, match=problem):
        decode(raw)


def test_binary_bytes_that_happen_to_decode_as_gb18030_are_refused():
    raw = bytes(range(0x81, 0xFF)) * 40 + b"\x01\x02\x1b"
    raw.decode("gb18030")
    with pytest.raises(PlanError, match="binary|neither"):
        decode(raw)


def test_text_full_of_control_characters_is_refused():
    with pytest.raises(PlanError, match="binary"):
        decode("标题\x01\x02\x03\x1b正文。".encode("utf-8"))


def test_a_utf8_file_cut_in_the_middle_of_a_character_is_named_truncated():
    raw = ("标题\n" + "正文。" * 20 + "\n末").encode("utf-8")[:-1]
    with pytest.raises(PlanError, match="truncated") as error:
        decode(raw)
    assert error.value.line == 3


@pytest.mark.parametrize(
    "raw",
    [
        "Plan für 2026\nDie Regierung wird sparen.\nÜbersicht\n".encode("latin-1"),
        "Plan\nLe gouvernement décide, café".encode("latin-1"),
        "Plan\r\nLe gouvernement décide, café\r\n".encode("cp1252"),
    ],
    ids=["misread-as-gb18030", "ends-in-an-accent", "windows-1252"],
)
def test_a_latin1_file_is_said_to_be_neither_utf8_nor_gb18030_not_truncated(raw):
    with pytest.raises(PlanError, match="not UTF-8 or GB18030 text") as error:
        decode(raw)
    assert "truncated" not in str(error.value)


def test_a_gb18030_file_cut_in_the_middle_of_a_character_is_named_truncated():
    raw = ("标题\n" + "正文。" * 20 + "\n末").encode("gb18030")[:-1]
    with pytest.raises(PlanError, match="truncated") as error:
        decode(raw)
    assert error.value.line == 3


def test_a_stray_byte_before_a_line_end_in_gb18030_text_is_no_truncation():
    raw = ("标题\n" + "正文。" * 20 + "\n").encode("gb18030") + b"caf\xe9\n"
    with pytest.raises(PlanError, match="neither UTF-8 nor GB18030") as error:
        decode(raw)
    assert error.value.line == 3


def test_a_corrupted_byte_in_utf8_text_is_named_with_its_line():
    raw = ("标题\n" + "正文。" * 20 + "\n").encode("utf-8") + b"\xff" + ("正文。" * 20).encode("utf-8")
    with pytest.raises(PlanError, match="invalid UTF-8") as error:
        decode(raw)
    assert error.value.line == 3



# A report published bare (no notice), with the furniture of a provincial government's web page.
REPORT_PAGE = textwrap.dedent(
    """\
    当前位置：
    首页
    >
    要闻
    2026年某某省政府工作报告
    发表时间：
    2026-02-09 09:45:30
    来源：
    某某日报客户端
    【字体：
    大
    】
    政府工作报告
    ——2026年2月3日在某某省第十四届人民代表大会第四次会议上
    省长　张三
    2月3日，大会开幕。省长张三作政府工作报告。 某某日报记者 李四 摄
    各位代表：
    现在，我代表省人民政府，向大会报告工作，请予审议。
    一、2025年工作回顾
    过去一年，经济稳中有进。
    二、2026年重点工作
    主要预期目标是：地区生产总值增长5％左右。
    各位代表！让我们团结奋斗！
    责任编辑：
    王五
    扫一扫在手机打开当前页
    相关链接>>
    abcd39f1fb7f426d9dfb6bd0fa1f2146:
    某某省人民代表大会关于政府工作报告的决议
    打印本页
    2026年某某省政府工作报告
    各位代表：现在，我代表省人民政府，向大会报告工作，请予审议。
    """
)


def test_a_report_without_a_notice_has_its_heading_occasion_and_speaker_as_front_matter():
    source = ingest(REPORT_PAGE)
    assert source.title.text == "2026年某某省政府工作报告"
    front = source.front
    assert (front.heading.text, front.speaker.text) == ("政府工作报告", "省长\u3000张三")
    assert front.occasion.text == "——2026年2月3日在某某省第十四届人民代表大会第四次会议上"
    assert front.iso_date == "2026-02-03"


def test_a_report_begins_at_the_address_to_the_delegates():
    body = [line.text for line in ingest(REPORT_PAGE).body]
    assert body[:2] == ["各位代表：", "现在，我代表省人民政府，向大会报告工作，请予审议。"]
    assert body[-1] == "各位代表！让我们团结奋斗！"


def test_every_line_of_the_report_page_is_text_front_matter_or_named_debris():
    source = ingest(REPORT_PAGE)
    front = [source.title, source.front.heading, source.front.occasion, source.front.speaker]
    lines = {line.span.line for line in (*source.body, *front)} | {item.line.span.line for item in source.debris}
    assert lines == set(range(1, REPORT_PAGE.count("\n") + 1))
    assert all(item.rule for item in source.debris)
    assert source.warnings == ()


@pytest.mark.parametrize(
    "line, kind, rule",
    [
        (7, "page-header", "timestamp"),
        (9, "page-header", "label"),
        (16, "page-header", "caption"),
        (25, "page-footer", "label"),
        (29, "page-footer", "related"),
        (31, "page-footer", "repeat"),
        (32, "page-footer", "repeat"),
    ],
)
def test_page_furniture_is_recognised_by_rule(line, kind, rule):
    debris = {item.line.span.line: item for item in ingest(REPORT_PAGE).debris}
    assert (debris[line].kind, debris[line].rule) == (kind, rule)


def test_without_an_address_the_text_begins_after_the_furniture():
    page = "2026年某某省政府工作报告\n来源：某某日报\n【字体：\n大\n】\n过去一年，经济稳中有进，各项工作取得新成效。\n一、工作回顾\n稳中求进。\n"
    source = ingest(page)
    assert [line.text for line in source.body][0] == "过去一年，经济稳中有进，各项工作取得新成效。"
    assert {item.rule for item in source.debris} == {"label", "widget"}


def test_an_unrecognised_line_before_the_text_is_dropped_with_a_warning():
    page = REPORT_PAGE.replace("【字体：", "某某神秘栏目\n【字体：")
    source = ingest(page)
    assert "某某神秘栏目" in [item.line.text for item in source.debris]
    assert [warning.line for warning in source.warnings] == [10]
    assert "unrecognised line before the text" in source.warnings[0].message


def test_an_unrecognised_line_after_the_text_is_dropped_with_a_warning():
    page = REPORT_PAGE.replace("打印本页", "打印本页\n欢迎订阅某某日报")
    warnings = ingest(page).warnings
    assert [(warning.line, "unrecognised line after the text" in warning.message) for warning in warnings] == [(31, True)]


def test_a_web_page_cut_before_its_footer_is_marked_incomplete():
    page = REPORT_PAGE[: REPORT_PAGE.index("责任编辑：")]
    source = ingest(page)
    assert source.missing_footer and source.warnings == ()
    assert not ingest(REPORT_PAGE).missing_footer


def test_a_page_with_only_a_source_label_and_no_footer_is_doubted():
    page = "2026年某某省政府工作报告\n来源：某某日报\n各位代表：\n一、工作回顾\n稳中求进。\n"
    source = ingest(page)
    assert not source.missing_footer
    assert [warning.message.split(":")[0] for warning in source.warnings] == ["the page has a header but no footer after the text"]


def _joined(source, line):
    """The source text under a joined line, without the stretches its joins skip."""
    pieces, position = [], line.span.start
    for join in line.joins:
        pieces.append(source[position : line.span.start + join.at + sum(j.skip for j in line.joins if j.at < join.at)])
        position = line.span.start + join.at + sum(j.skip for j in line.joins if j.at <= join.at)
    pieces.append(source[position : line.span.end])
    return "".join(pieces)


FRAGMENTED = textwrap.dedent(
    """\
    2026年某某省政府工作报告
    各位代表：
    一、工作回顾
    7.“双向揭榜挂帅”：企业找技术、成果找市场“双向
    揭榜
    挂帅”的简称，由技术供给方带技术
      揭榜
    ；由成果需求方带场景
    揭榜
    。
    8.“灯塔工厂”：智能制造的示范工厂。
    （
    二）改革开放持续深化、互促共进。
    改革取得新进展。
    二、
    重点工作
    （三）
    加强自身建设。
    做好各项工作。
    """
)


def test_a_paragraph_broken_across_lines_is_joined_whole():
    body = ingest(FRAGMENTED).body
    texts = [line.text for line in body]
    assert texts[2] == "7.“双向揭榜挂帅”：企业找技术、成果找市场“双向揭榜挂帅”的简称，由技术供给方带技术揭榜；由成果需求方带场景揭榜。"
    assert texts[3] == "8.“灯塔工厂”：智能制造的示范工厂。"
    assert body[2].span.line == 4


def test_a_joined_paragraph_is_its_lines_concatenated():
    for line in ingest(FRAGMENTED).body:
        assert _joined(FRAGMENTED, line) == line.text


def test_a_heading_split_after_its_opening_bracket_or_number_is_joined():
    texts = [line.text for line in ingest(FRAGMENTED).body]
    assert "（二）改革开放持续深化、互促共进。" in texts
    assert "二、重点工作" in texts
    assert "（三）加强自身建设。" in texts


def test_a_heading_without_a_full_stop_stands_on_its_own_line():
    page = "2026年某某省政府工作报告\n各位代表：\n一、工作回顾\n（一）巩固壮大实体经济根基，纵深推进产业强省建设\n做强做优做大资源型产业。\n名词解释\n1.“两重”：是指重大战略。\n"
    texts = [line.text for line in ingest(page).body]
    assert texts[2:] == ["（一）巩固壮大实体经济根基，纵深推进产业强省建设", "做强做优做大资源型产业。", "名词解释", "1.“两重”：是指重大战略。"]


def test_a_lead_in_and_an_address_stay_paragraphs_of_their_own():
    page = "2026年某某省政府工作报告\n各位代表：\n一、工作回顾\n一年来，主要做了以下工作：\n一是扩内需。\n各位代表！\n过去五年成绩显著。\n"
    texts = [line.text for line in ingest(page).body]
    assert texts == ["各位代表：", "一、工作回顾", "一年来，主要做了以下工作：", "一是扩内需。", "各位代表！", "过去五年成绩显著。"]


NEWSPAPER = textwrap.dedent(
    """\
    2026年某某省政府工作报告
    各位代表：
    一、工作回顾
    全年地区生产总值增长5.2％，城镇调查失业率5.1％，加快推进（下转第四版）
    — 1 —
    （上接第一版）产业转型升级。
    photo_01.jpg
    （下转第五版）
    民生持续改善。为抗震救灾提供了行动指南。（下转第四版）（紧接第一版） 我们坚持人民至上。
    """
)


def test_newspaper_jump_markers_are_removed_and_the_paragraph_rejoined():
    source = ingest(NEWSPAPER)
    texts = [line.text for line in source.body]
    assert texts[2] == "全年地区生产总值增长5.2％，城镇调查失业率5.1％，加快推进产业转型升级。"
    assert texts[3] == "民生持续改善。为抗震救灾提供了行动指南。我们坚持人民至上。"
    assert [_joined(NEWSPAPER, line) for line in source.body] == texts
    debris = [(item.kind, item.line.text, item.line.span.line) for item in source.debris]
    assert debris == [
        ("jump", "（下转第四版）", 4),
        ("page-number", "— 1 —", 5),
        ("jump", "（上接第一版）", 6),
        ("image", "photo_01.jpg", 7),
        ("jump", "（下转第五版）", 8),
        ("jump", "（下转第四版）", 9),
        ("jump", "（紧接第一版）", 9),
    ]


def test_a_character_broken_off_a_paragraph_is_not_taken_for_a_footer_widget():
    page = "2026年某某省政府工作报告\n各位代表：\n一、工作回顾\n支持大\n中\n小企业发展。\n"
    source = ingest(page)
    assert [line.text for line in source.body][-1] == "支持大中小企业发展。"
    assert source.debris == ()


def test_a_short_line_opening_a_paragraph_is_doubted():
    page = "2026年某某省政府工作报告\n各位代表：\n一、工作回顾\n经济稳中有进。\n云南要闻\n民生持续改善。\n"
    source = ingest(page)
    assert [line.text for line in source.body][-1] == "云南要闻民生持续改善。"
    assert [(warning.line, "short line" in warning.message) for warning in source.warnings] == [(5, True)]


def test_a_chapter_heading_broken_after_its_number_still_numbers_the_chapters():
    page = textwrap.dedent(
        """\
        2026年某某省政府工作报告
        各位代表：
        一、
        工作回顾
        经济稳中有进。
        民生
        持续改善。
        """
    )
    texts = [line.text for line in ingest(page).body]
    assert texts == ["各位代表：", "一、工作回顾", "经济稳中有进。", "民生持续改善。"]


PART_HEADINGS = textwrap.dedent(
    """\
    2026年某某省政府工作报告
    各位代表：
    现在，我代表省人民政府向大会报告工作。
    “十四五”时期发展成就和2025年工作回顾
    “十四五”时期发展历程极不平凡。
    过去五年成绩来之不易。
    2026年工作安排
    今年是“十五五”开局之年。
    “十五五”时期经济社会发展的
    主要目标
    是：地区生产总值年均增长5%左右。
    一、扎实推动高质量发展
    经济稳中有进。
    """
)


def test_a_part_heading_above_numbered_chapters_stands_alone_unless_it_runs_on():
    source = ingest(PART_HEADINGS)
    assert [line.text for line in source.body][2:] == [
        "“十四五”时期发展成就和2025年工作回顾",
        "“十四五”时期发展历程极不平凡。",
        "过去五年成绩来之不易。",
        "2026年工作安排",
        "今年是“十五五”开局之年。",
        "“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右。",
        "一、扎实推动高质量发展",
        "经济稳中有进。",
    ]
    assert source.warnings == ()


def test_a_notice_with_an_impossible_date_has_no_iso_date():
    assert ingest(NOTICE_PAGE.replace("2026年2月1日", "2026年2月30日")).front.iso_date == ""


# A page that repeats its title block under a breadcrumb, with the occasion and speaker on one line.
REPEATING_PAGE = textwrap.dedent(
    """\
    分享:
    某某省2026年政府工作报告
    2026年1月27日在某某省第十四届人民代表大会第四次会议上 某某省省长 张三
    首页
    >
    政府信息公开
    >
    政府工作报告
    某某省2026年政府工作报告
    2026年1月27日在某某省第十四届人民代表大会第四次会议上 某某省省长 张三
    时间：
    2026-02-02 09:20
    省长张三作政府工作报告
    各位代表：
    现在，我代表省人民政府向大会报告工作。
    一、2025年工作回顾
    地区生产总值增长5.1％。
    打印本页
    """
)


def test_a_repeated_title_block_and_a_title_like_breadcrumb_are_debris():
    source = ingest(REPEATING_PAGE)
    assert source.title.span.line == 2
    assert source.front.heading is None
    assert (source.front.occasion.span.line, source.front.iso_date) == (3, "2026-01-27")
    rules = {item.line.span.line: item.rule for item in source.debris}
    assert (rules[8], rules[9], rules[10], rules[13]) == ("breadcrumb", "repeat", "repeat", "caption")
    assert source.warnings == ()


def test_a_photo_caption_above_the_title_is_no_web_page_header():
    page = "政府工作报告。 某某日报记者 李四 摄\n政府工作报告\n（2026年1月27日在某某省第十四届人民代表大会第四次会议上）\n省长 张三\n各位代表：\n一、工作回顾\n稳中求进。\n"
    source = ingest(page)
    assert [(item.line.span.line, item.rule) for item in source.debris] == [(1, "caption")]
    assert source.front.iso_date == "2026-01-27"
    assert source.warnings == ()


def test_a_speaker_whose_name_has_a_middle_dot_is_front_matter():
    source = ingest("2026年某某自治区政府工作报告\n自治区主席 艾尔肯·吐尼亚孜\n各位代表：\n一、工作回顾\n成绩显著。\n")
    assert source.front.speaker.text == "自治区主席 艾尔肯·吐尼亚孜"


def test_an_occasion_dated_in_chinese_numerals_dates_the_report():
    source = ingest("2026年某某省政府工作报告\n——二〇二六年一月二十七日在某某省十四届人民代表大会第四次会议上\n各位代表：\n一、工作回顾\n成绩显著。\n")
    assert source.front.occasion.span.line == 2 and source.front.iso_date == "2026-01-27"


def test_a_caption_crediting_a_reporter_without_she_is_debris():
    source = ingest("2026年某某省政府工作报告\n张三作政府工作报告。某某日报记者 李四\n各位代表：\n一、工作回顾\n成绩显著。\n")
    assert [item.rule for item in source.debris] == ["caption"] and source.warnings == ()


def test_a_caption_whose_reporter_name_is_spaced_is_debris():
    source = ingest("2026年某某省政府工作报告\n省长张三作政府工作报告。本报全媒体记者 林 君摄\n各位代表：\n一、工作回顾\n成绩显著。\n")
    assert [item.rule for item in source.debris] == ["caption"] and source.warnings == ()


def test_a_name_alone_above_a_caption_naming_it_is_debris():
    text = "2026年某某省政府工作报告\n毛伟明\n2月3日，会议开幕。省长毛伟明作政府工作报告。某某日报记者 刘尚文 摄\n各位代表：\n一、工作回顾\n成绩显著。\n"
    source = ingest(text)
    assert [item.rule for item in source.debris] == ["caption", "caption"] and source.warnings == ()
