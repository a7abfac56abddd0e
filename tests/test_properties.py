"""Property tests: whatever text comes in, the generator builds or refuses it clearly, and never
alters a character of what it keeps."""

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import PlanError
from generator.model import Plan, PlanInfo, iter_clauses, text_span
from generator.read.ingest import decode, ingest, is_heading
from generator.read.parse import parse_plan
from generator.render import export

from .conftest import ROOT, render_markdown, rendered
from .html_reading import text_by_id

NUMERALS = "一二三四五六七八九十"
# Fragments that steer random texts through every branch of the reader: titles, headings, markers,
# furniture, addresses, quotes and brackets, punctuation of both widths.
FRAGMENTS = [
    "2026年某某省国民经济和社会发展计划", "2026年政府工作报告", "某某省人民政府关于下达2026年计划的通知", "某政发〔2026〕3号",
    "2026年2月1日", "（此件公开发布）", "——2026年2月3日在某某省人民代表大会上", "省长 张三", "各位代表：", "各位代表！",
    "一、", "二、第二部分", "三、", "（一）", "（二）小节。", "(三)", "（", "名词解释", "附件1：清单", "1.“两重”：", "一是",
    "主要预期目标是：", "总体要求是：", "增长5％左右；", "5%", "。", "；", "！", "：", "“", "”", "《", "》", "（下转第四版）",
    "（上接第一版）", "photo.jpg", "记者 王五 摄", "责任编辑：", "打印本页", "扫一扫在手机打开当前页", "abcd39f1fb7f426d9dfb6bd0fa1f2146:",
    "当前位置：", ">", "首页", "【字体：", "】", "11069", "<script>", "**", "|", "#", "`", "{#id}", "[x](javascript:1)", "\t", " ",
    "\u3000", "\r", "\ufeff", "稳中求进", "推进产业升级", "\u200b", "&amp;",
]
SENTENCES = ["推进产业升级。", "稳中求进；", "加强“两新”工作。", "1.“两重”：是指重大战略。", "一是扩内需。", "各位代表！让我们团结奋斗！"] * 3
HEADINGS = ["一、第一部分", "二、第二部分", "三、第三部分", "（一）第一节。正文。", "（二）第二节", "名词解释"] * 2
line = st.one_of(
    st.sampled_from(FRAGMENTS + SENTENCES + HEADINGS),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=6).map("".join),
)
plan_ish = st.tuples(
    st.sampled_from(["2026年某某省国民经济和社会发展计划\n", "当前位置：\n2026年政府工作报告\n各位代表：\n", ""]),
    st.lists(line, max_size=40).map("\n".join),
    st.sampled_from(["", "\n推进产业升级。"]),
).map("".join)


def _through_the_pipeline(text: str) -> None:
    """Ingest, parse, render and export a text; a PlanError is the only acceptable failure."""
    try:
        document = parse_plan(ingest(text))
    except PlanError as error:
        assert error.message and "\n" not in str(error)
        return
    plan = Plan(PlanInfo("x"), document)
    rendered(plan)
    export.export_data(plan)
    body = "".join(clause.text for clause in iter_clauses(document))
    assert body.replace("\n", "") == body


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text_builds_or_is_refused_clearly(text):
    _through_the_pipeline(text)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_ish)
def test_plan_like_noise_builds_or_is_refused_clearly(text):
    _through_the_pipeline(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_decode_or_are_refused_clearly(raw):
    try:
        text = decode(raw)
    except PlanError as error:
        assert error.message
        return
    _through_the_pipeline(text)


# Generated plans: the text they must come back as, and the shape they must be read in.
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5).filter(lambda char: char not in NUMERALS + "零〇两百千")
WORD_CHARS = st.one_of(CJK, st.sampled_from(list("0123456789.％%，、·-——…") + ["“甲”", "《乙》", "（丙）", "(丁)"]))
word = st.lists(WORD_CHARS, min_size=1, max_size=12).map("".join)
sentence = st.tuples(CJK, word, st.sampled_from(["。", "！", "？", "；", "。”", ";"])).map("".join)
last_sentence = st.tuples(CJK, word, st.sampled_from(["。", "！", "？", "。”"])).map("".join)
paragraph = st.tuples(st.lists(sentence, max_size=3).map("".join), last_sentence).map("".join)
heading_text = st.tuples(CJK, word).map("".join).filter(lambda text: not any(end in text for end in "。！？；;…"))


@st.composite
def plans(draw):
    """A plan text, its paragraphs (as the reader must find them) and the count of sections per chapter."""
    title = "2026年某某省国民经济和社会发展计划"
    paragraphs = draw(st.lists(paragraph, max_size=2))
    shape = []
    for chapter in range(1, draw(st.integers(1, 4)) + 1):
        paragraphs.append(f"{_numeral(chapter)}、{draw(heading_text)}")
        paragraphs.extend(draw(st.lists(paragraph, min_size=1, max_size=2)))
        sections = draw(st.integers(0, 3))
        for section in range(1, sections + 1):
            if draw(st.booleans()):
                paragraphs.append(f"（{_numeral(section)}）{draw(heading_text)}。{draw(paragraph)}")
            else:
                paragraphs.append(f"（{_numeral(section)}）{draw(heading_text)}")
                paragraphs.append(draw(paragraph))
            paragraphs.extend(draw(st.lists(paragraph, max_size=2)))
        shape.append(sections)
    lines = []
    for text in paragraphs:
        cut = draw(st.integers(0, len(text) - 1))
        if is_heading(text):
            # A heading breaks only after its opening bracket or its number: （ / 三）…  二、 / 第二部分
            cut = 1 if text[0] == "（" else text.index("、") + 1 if "、" in text[:3] else 0
        if 0 < cut and _may_break(text, cut):
            lines.extend([text[:cut], "  " + text[cut:]])
        else:
            lines.append(text)
    separator = draw(st.sampled_from(["\n", "\n\n", "\n  \n"]))
    return separator.join([title, *lines]) + "\n", paragraphs, shape


def _numeral(number: int) -> str:
    return NUMERALS[number - 1] if number <= 10 else "十" + NUMERALS[number - 11]


def _may_break(text: str, cut: int) -> bool:
    """Whether a web page could have broken this paragraph here without the break being a paragraph end."""
    from generator import patterns

    first, rest = text[:cut], text[cut:]
    # A first line that is page furniture by itself (中, a font-size widget) is read as furniture.
    furniture = any(rule.search(first) for rule in patterns.DEBRIS_LINE.values())
    return not (furniture or patterns.PARAGRAPH_END.search(first) or rest[0] in "。！？；;，、”’）》】" or patterns.NUMBERED_ITEM.match(rest))


@settings(max_examples=200, deadline=None)
@given(plans())
def test_generated_plans_come_back_whole(generated):
    text, paragraphs, shape = generated
    source = ingest(text)
    assert [line.text for line in source.body] == paragraphs
    document = parse_plan(source)
    assert [len(chapter.sections) for chapter in document.chapters] == shape
    clauses = list(iter_clauses(document))
    assert "".join(clause.text for clause in clauses) == "".join(paragraphs)
    assert len({clause.id for clause in clauses}) == len(clauses)
    for line in source.body:
        span = text_span(line, 0, len(line.text))
        assert "".join(text[span.start : span.end].split()) == "".join(line.text.split())


MARKUP_TEXT = st.lists(
    st.one_of(st.sampled_from(["<", ">", "&", "*", "_", "`", "[", "]", "(", ")", "{", "}", "#", "|", "!", "\\", "~", "=", "^", "$", ":", "\"", "'", "-", "+", ".", "/", "javascript:", "<script>", "&lt;", "&#42;", "{#x}", "{.c}", "<!--", "-->", "]]>", "\u00a0"]), CJK),
    min_size=1,
    max_size=30,
).map("".join).filter(lambda text: text.strip() == text and not any(end in text for end in "。！？；;!?"))


@settings(max_examples=100, deadline=None)
@given(MARKUP_TEXT.filter(lambda text: text[-1] not in "“‘《（(【〔"), MARKUP_TEXT)
def test_any_clause_text_renders_literally_in_the_page(heading, body):
    text = f"2026年某某省国民经济和社会发展计划\n一、第一部分{heading}\n正文{body}。\n"
    document = parse_plan(ingest(text))
    site = rendered(Plan(PlanInfo("x"), document))
    page = next(file for file in site.pages if file.path == "x/1.md")
    html = render_markdown(page.text.split("---\n", 2)[2])
    shown = text_by_id(html)
    chapter = document.chapters[0]
    assert chapter.title.text in shown["1"]
    clause = chapter.intro[0].clauses[0]
    assert shown[clause.id].endswith(clause.text)


@pytest.mark.build
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(plan_ish, plans().map(lambda generated: generated[0])))
def test_the_command_line_builds_or_fails_with_one_clear_line(text):
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder, "plan.txt")
        plan.write_text(text, encoding="utf-8", newline="")
        out = Path(folder, "out")
        result = subprocess.run(
            [sys.executable, "-m", "generator", "build", plan, "--out", out], cwd=ROOT, capture_output=True, text=True
        )
        if result.returncode == 0:
            assert (out / "plan" / "data" / "plan.json").is_file()
        else:
            errors = [line for line in result.stderr.splitlines() if not line.startswith("warning:")]
            assert len(errors) == 1 and errors[0].startswith(f"error: {plan}"), result.stderr
            assert "Traceback" not in result.stderr
            assert not out.exists()
