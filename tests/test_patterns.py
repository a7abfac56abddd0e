import pytest

from generator import patterns


@pytest.mark.parametrize(
    "numeral, value",
    [("一", 1), ("九", 9), ("十", 10), ("十四", 14), ("二十", 20), ("二十一", 21), ("一百零五", 105), ("两百", 200)],
)
def test_chinese_numerals_become_ints(numeral, value):
    assert patterns.chinese_numeral_to_int(numeral) == value


@pytest.mark.parametrize("bad", ["", "一一", "十A", "五四"])
def test_malformed_numerals_are_refused(bad):
    with pytest.raises(ValueError):
        patterns.chinese_numeral_to_int(bad)


def test_sentences_keep_their_closing_quotes():
    pieces = [m.group() for m in patterns.SENTENCE.finditer("他说：“好。”然后行动。")]
    assert pieces == ["他说：“好。”", "然后行动。"]


def test_semicolons_end_clauses_in_either_width():
    pieces = [m.group() for m in patterns.SENTENCE.finditer("增长5%左右;就业18万人以上；粮食丰收。")]
    assert pieces == ["增长5%左右;", "就业18万人以上；", "粮食丰收。"]


@pytest.mark.parametrize("marker", ["(一)", "（一）", "(十二)"])
def test_section_markers_in_ascii_and_full_width(marker):
    assert patterns.SECTION_MARKER.match(marker + "扎实推进工作。")


@pytest.mark.parametrize(
    "line, kind",
    [
        ("_DSC2271.png", "image"),
        ("编辑:杨净毓", "editor"),
        ("Copyright © 2016- 北疆新闻 All Rights Reserved", "copyright"),
        ("北疆新闻 | 内蒙古自治区重点新媒体平台", "site-banner"),
        ("北疆新闻 > 要闻 > 正文", "breadcrumb"),
        ("11069", "counter"),
    ],
)
def test_debris_patterns_name_their_kind(line, kind):
    assert patterns.DEBRIS_LINE[kind].search(line)


def test_plan_text_is_not_taken_for_debris():
    sentence = "加强版权保护,推进知识产权强区建设。"
    assert not any(pattern.search(sentence) for pattern in patterns.DEBRIS_LINE.values())
