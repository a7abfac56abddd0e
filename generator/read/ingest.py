"""Ingest: separate the published document from the web page around it, and read its front matter.

A page is read in four zones: the page header (everything before the document's title or notice);
the front matter (a notice, or a report's heading, occasion and speaker, among page furniture);
the text, whose lines are joined into whole paragraphs; and the page footer (from the first
unmistakable piece of furniture after the last chapter heading). Every line outside the text is
kept as Debris with the rule that recognised it, so that the build report accounts for it.
"""

import unicodedata
from datetime import date

from generator import patterns
from generator.errors import PlanError
from generator.model import (
    Debris,
    FrontMatter,
    Line,
    Source,
    Span,
    Warning,
    cut_line,
    join_lines,
    slice_line,
)
from generator.read import encyclopedia, markdown
from generator.read.boxes import lift_boxes
from generator.read.encyclopedia import Article
from generator.read.headings import (
    heading,
    is_appendix_heading,
    is_chapter_heading,
    is_heading,
)

# How far into the page the document must start: headers are short, plans are long.
MAX_HEADER_LINES = 60
# The notice (addressees, paragraph, date, note) is a handful of lines.
MAX_NOTICE_LINES = 8
# A line this short without punctuation, opening a paragraph, looks like page furniture.
SHORT_LINE = 12
# A short unpunctuated line right under an appendix heading is taken for its subtitle.
SUBTITLE = 30
# A heading without a number (“十四五”时期工作回顾, 2026年工作安排) is a line at most this long.
BARE_HEADING = 30
# Where a title is searched for in the whole of an encyclopedia page, the document must follow it
# within this many lines (its contents list, a heading, the occasion or the address).
TITLE_FOLLOWED_WITHIN = 8
# A footer line repeating the text is recognised only when it is long enough to be unambiguous.
MIN_REPEAT = 10
# Decoding: the share of control characters (or, for GB18030, of characters no Chinese text uses)
# above which bytes are taken for binary data rather than text.
MAX_CONTROL_SHARE = 0.001
MAX_UNUSUAL_SHARE = 0.02


def ingest(text: str) -> Source:
    """Split a published page into front matter, the plan's title, its paragraphs and debris."""
    lines, markup = markdown.strip_markup(_content_lines(text))
    if not lines:
        raise PlanError("the file holds no text")
    lines = _split_run_together(lines)
    article = encyclopedia.find_article(lines)
    start = _document_start(lines, article)
    header = lines[:start]
    debris = [
        Debris("page-header", line, rule or encyclopedia.article_rule(article, line) or "before-title")
        for line, rule in zip(header, _furniture_rules(header))
    ]
    debris.extend(markup)
    warnings: list[Warning] = []
    front, title_index = _front_matter(lines, start)
    title = lines[title_index]
    rest = lines[title_index + 1 :]
    if front.notice_title is None:
        front, lead, rest = _report_front(rest, title)
        debris.extend(lead)
        warnings.extend(_unrecognised(lead, "before the text"))
    contents_heading, contents, rest, repeated = _contents(rest, title)
    debris.extend(repeated)
    tail = _tail_start(rest, article)
    # 专栏 boxes come out of the text before its lines are joined into paragraphs (read/boxes.py).
    box_free, boxes, box_warnings = lift_boxes(rest[:tail], text)
    warnings.extend(box_warnings)
    text_lines, in_text_debris = _text_lines(box_free, article, title)
    debris.extend(in_text_debris)
    body = _paragraphs(text_lines)
    warnings.extend(_short_line_warnings(text_lines, body))
    footer = _footer_debris(rest[tail:], title, body, article)
    debris.extend(footer)
    warnings.extend(_unrecognised(footer, "after the text"))
    header_rules = {item.rule for item in debris if item.kind == "page-header"}
    missing_footer = bool(body) and not footer and bool(header_rules & patterns.WEB_PAGE_RULES)
    if body and not footer and not missing_footer and header_rules & patterns.WEB_PAGE_HINT_RULES:
        warnings.append(Warning(body[-1].span.line, "the page has a header but no footer after the text: is the file complete?"))
    debris.sort(key=lambda item: item.line.span.start)
    return Source(text, front, title, body, tuple(debris), tuple(warnings), missing_footer, contents_heading, contents, boxes)


def debris_kind(text: str) -> str:
    """The rule of page furniture a line matches (label, widget, copyright…), or '' for none."""
    for kind, pattern in patterns.DEBRIS_LINE.items():
        if pattern.search(text):
            return kind
    return ""


def in_text_debris_kind(text: str) -> str:
    """The kind of furniture that may stand between paragraphs (image, caption…), or '' for text."""
    for kind, pattern in patterns.IN_TEXT_DEBRIS.items():
        if pattern.search(text):
            return kind
    return ""


def is_bare_heading(text: str) -> bool:
    """Whether a line looks like a heading that carries no number: short, Chinese, without any
    punctuation of running text (“十四五”时期工作回顾, 2026年工作安排)."""
    return (
        len(text) <= BARE_HEADING
        and not patterns.HAS_PUNCTUATION.search(text)
        and patterns.CHINESE_ONLY.search(text) is not None
        and not _opens(text)
        and not is_heading(text)
    )


def _content_lines(text: str) -> tuple[Line, ...]:
    """Non-blank lines, stripped, each with its span in the text."""
    lines = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped[0])
            lines.append(Line(stripped, Span(start, start + len(stripped), number)))
        offset += len(raw) + 1
    return tuple(lines)


def _split_run_together(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines with a first line that runs title, occasion and speaker together (政府工作报告——2024年3月5日
    在…上国务院总理 李强) cut into one line each, every piece keeping its exact span."""
    split: list[Line] = []
    for index, line in enumerate(lines):
        match = patterns.TITLE_WITH_OCCASION.match(line.text) if index < MAX_HEADER_LINES else None
        if match and (not match["speaker"] or patterns.SPEAKER.match(match["speaker"])):
            split.extend(slice_line(line, match.start(part), match.end(part)) for part in ("title", "occasion", "speaker") if match[part])
        else:
            split.append(line)
    return tuple(split)


def _document_start(lines: tuple[Line, ...], article: Article | None) -> int:
    """Index of the notice title, or else of the plan title, among the first lines (anywhere in an
    encyclopedia page, after its article's contents list, where the document must follow at once)."""
    head = lines[:MAX_HEADER_LINES]
    for index, line in enumerate(head):
        if patterns.NOTICE_TITLE.match(line.text):
            return index
    for index, line in enumerate(lines if article else head):
        if (
            patterns.PLAN_TITLE.match(line.text)
            and (article is None or line.span.start > max(article.contents))
            and not encyclopedia.is_article_heading(article, line)
            and (_followed_by_document(lines, index) if article else _starts_document(lines, index))
        ):
            return index
    raise PlanError(
        "no plan title found: expected a notice title (…关于…的通知) "
        "or a title ending in 计划, 规划, 报告, 纲要 or 方案 near the top"
    )


def _starts_document(lines: tuple[Line, ...], index: int) -> bool:
    """Whether a title-like line is followed by the document rather than more page header."""
    following = lines[index + 1 : index + 1 + MAX_HEADER_LINES]
    return any(_opens_part(line.text) for line in following) or any(
        len(line.text) > 40 for line in following[:5]
    )


def _followed_by_document(lines: tuple[Line, ...], index: int) -> bool:
    """Whether a title-like line is followed at once by a document's own parts: its contents list,
    a heading, the occasion of a speech or the address to the delegates."""
    return any(
        patterns.CONTENTS_HEADING.match(line.text) or _opens_part(line.text) or patterns.OCCASION.match(line.text)
        for line in lines[index + 1 : index + 1 + TITLE_FOLLOWED_WITHIN]
    )


def _opens_part(text: str) -> bool:
    """Whether a line opens the document's text: a part's or chapter's heading (or its bare number), or the address."""
    return is_chapter_heading(text) or bool(patterns.BARE_NUMBER.match(text) or patterns.ADDRESS.match(text))


def _contents(lines: tuple[Line, ...], title: Line) -> tuple[Line | None, tuple[Line, ...], tuple[Line, ...], list[Debris]]:
    """The document's own contents list before its first heading (目录, then a line per heading,
    perhaps with page numbers; a bare number and its title on two lines are one entry), and the
    text around it; the title printed again after the list is debris. The list ends at the first
    line that is no entry, or at the heading it began with, printed again where the body begins."""
    first_heading = next((index for index, line in enumerate(lines) if is_chapter_heading(line.text)), len(lines))
    start = next((index for index, line in enumerate(lines[:first_heading]) if patterns.CONTENTS_HEADING.match(line.text)), None)
    if start is None:
        return None, (), lines, []
    entries: list[Line] = []
    index = start + 1
    while index < len(lines):
        entry = lines[index]
        if patterns.BARE_NUMBER.match(entry.text) and index + 1 < len(lines):
            entry = join_lines(entry, lines[index + 1])
        if not _is_contents_entry(entry.text) or (entries and contents_key(entry.text) == contents_key(entries[0].text)):
            break
        entries.append(entry)
        index += 2 if entry is not lines[index] else 1
    if not entries:
        return None, (), lines, []
    repeated = []
    if index < len(lines) and lines[index].text == title.text:
        repeated.append(Debris("front", lines[index], "repeat"))
        index += 1
    return lines[start], tuple(entries), lines[:start] + lines[index:], repeated


def contents_key(text: str) -> str:
    """A heading as a contents list and the body both print it: without a page number, dot leaders
    or spaces (第一章　发展环境……3 and 第一章 发展环境 are one)."""
    return patterns.WHITESPACE_RUN.sub("", patterns.CONTENTS_PAGE.sub("", text))


def _is_contents_entry(text: str) -> bool:
    """Whether a line can be an entry of a contents list: a numbered or appendix heading, or a short
    line ending in a page number."""
    key = patterns.CONTENTS_PAGE.sub("", text)
    return heading(key) is not None or is_appendix_heading(key) or (
        key != text and len(key) <= BARE_HEADING and not patterns.HAS_SENTENCE_END.search(key)
    )


def _front_matter(lines: tuple[Line, ...], start: int) -> tuple[FrontMatter, int]:
    """The notice's parts, and the index of the plan's title line that follows them."""
    notice_title = patterns.NOTICE_TITLE.match(lines[start].text)
    if not notice_title:
        return FrontMatter(), start
    index = start + 1
    fields = {"notice_title": lines[start], "issuer": notice_title["issuer"]}
    if index < len(lines) and patterns.DOCUMENT_NUMBER.match(lines[index].text):
        fields["document_number"] = lines[index]
        index += 1
    if index < len(lines) and patterns.ADDRESSEES.match(lines[index].text):
        fields["addressees"] = lines[index]
        index += 1
    notice = []
    while index < len(lines) and len(notice) < MAX_NOTICE_LINES:
        date_line = patterns.DATE_LINE.match(lines[index].text)
        if date_line:
            fields["date"] = lines[index]
            fields["iso_date"] = _iso_date(date_line["year"], date_line["month"], date_line["day"])
            index += 1
            break
        notice.append(lines[index])
        index += 1
    else:
        raise PlanError("the notice has no date line such as 2026年2月13日", lines[start].span.line)
    fields["notice"] = tuple(notice)
    if index < len(lines) and patterns.PUBLICATION_NOTE.match(lines[index].text):
        fields["publication_note"] = lines[index]
        index += 1
    if index >= len(lines):
        raise PlanError("the notice is not followed by the plan", lines[start].span.line)
    quoted = [m["title"] for line in notice for m in patterns.QUOTED_TITLE.finditer(line.text)]
    title = lines[index]
    if title.text not in quoted and not patterns.PLAN_TITLE.match(title.text):
        raise PlanError(f"expected the plan's title after the notice, found {title.text[:30]!r}", title.span.line)
    return FrontMatter(**fields), index


def _iso_date(year: str, month: str, day: str) -> str:
    """A date as YYYY-MM-DD, or '' when it is not a real date (2026年2月30日); in digits or Chinese numerals."""
    try:
        return date(*(patterns.written_number(part) for part in (year, month, day))).isoformat()
    except ValueError:
        return ""


def _report_front(lines: tuple[Line, ...], title: Line) -> tuple[FrontMatter, list[Debris], tuple[Line, ...]]:
    """A report's heading, occasion and speaker under its title; the furniture among them; the rest.

    The text begins at the speech's address to the delegates (各位代表：) when one comes before the
    first chapter; otherwise at the first line that is neither front matter nor page furniture.
    """
    first_chapter = next((i for i, line in enumerate(lines) if is_chapter_heading(line.text)), len(lines))
    window = min(first_chapter, MAX_HEADER_LINES)
    address = next((i for i, line in enumerate(lines[:window]) if patterns.ADDRESS.match(line.text)), None)
    fields: dict = {}
    lead: list[Debris] = []
    rules = _furniture_rules(lines[:window], title)
    index = 0
    end = address if address is not None else window
    while index < end:
        line, rule = lines[index], rules[index]
        part = _front_part(line.text)
        if not part and not rule and index + 1 < end and _front_part(line.text + lines[index + 1].text) == "occasion":
            # The occasion broken across two lines: ——2026年1月26日在广东省第十四届 / 人民代表大会第五次会议上
            line, part = join_lines(line, lines[index + 1]), "occasion"
            index += 1
        if part == "heading" and rule:
            part = ""  # a title-like breadcrumb entry (首页 > 政府工作报告) or the page title repeated
        if part and part not in fields:
            fields[part] = line
        elif part and fields[part].text == line.text:
            lead.append(Debris("page-header", line, "repeat"))
        elif rule or address is not None:
            lead.append(Debris("page-header", line, rule))
        else:
            break
        index += 1
    occasion = fields.get("occasion")
    if occasion:
        when = patterns.OCCASION.match(occasion.text)
        if when["year"]:
            fields["iso_date"] = _iso_date(when["year"], when["month"], when["day"])
    return FrontMatter(**fields), lead, lines[index:]


def _front_part(text: str) -> str:
    """Which line of a report's front matter this is: heading, occasion, speaker, or ''."""
    if patterns.OCCASION.match(text):
        return "occasion"
    if patterns.SPEAKER.match(text):
        return "speaker"
    if patterns.PLAN_TITLE.match(text):
        return "heading"
    return ""


def _furniture_rules(lines: tuple[Line, ...], title: Line | None = None, text: str = "") -> list[str]:
    """The furniture rule each line matches, reading neighbours: a label's value, a link's title…"""
    rules: list[str] = []
    for index, line in enumerate(lines):
        rule = debris_kind(line.text) or in_text_debris_kind(line.text)
        previous = lines[index - 1].text if index else ""
        if rule:
            pass
        elif previous and patterns.BARE_LABEL.match(previous) and _short(line.text):
            rule = "label"
        elif rules[index - 1 : index] == ["link-id"]:
            rule = "related"
        elif _short(line.text) and _beside_breadcrumb(lines, index):
            rule = "breadcrumb"
        elif title is not None and line.text == title.text:
            rule = "repeat"
        elif _named_in_caption(lines, index):
            rule = "caption"
        elif len(line.text) >= MIN_REPEAT and line.text in text:
            rule = "repeat"
        rules.append(rule)
    return rules


def _named_in_caption(lines: tuple[Line, ...], index: int) -> bool:
    """Whether a line is only a person's name that the photo caption under it names: 毛伟明 /
    …省长毛伟明作政府工作报告。… 摄 (the speaker printed without the office)."""
    text = lines[index].text
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    return bool(patterns.PERSON_NAME.fullmatch(text)) and text in following and in_text_debris_kind(following) == "caption"


def _short(text: str) -> bool:
    """Whether a line is short and unpunctuated, like a label's value or a menu entry."""
    return len(text) <= 20 and not patterns.HAS_PUNCTUATION.search(text)


def _beside_breadcrumb(lines: tuple[Line, ...], index: int) -> bool:
    """Whether a line stands next to a breadcrumb separator (首页 / > / 政务信息 / > / 宁夏要闻)."""
    neighbours = lines[max(index - 1, 0) : index] + lines[index + 1 : index + 2]
    return any(patterns.DEBRIS_LINE["breadcrumb"].search(line.text) for line in neighbours)


def _tail_start(lines: tuple[Line, ...], article: Article | None) -> int:
    """Index of the page footer: the first unmistakable furniture after the plan's last heading; in
    an encyclopedia page, the article's next heading.

    Searching only after the last chapter or section heading means that no heading, and so no part
    of the plan's structure, can be lost to the footer.
    """
    if article:
        return next((index for index, line in enumerate(lines) if encyclopedia.is_article_heading(article, line)), len(lines))
    headings = [index for index, line in enumerate(lines) if _numbered_heading(line.text)]
    last_heading = headings[-1] if headings else -1
    for index in range(last_heading + 1, len(lines)):
        text = lines[index].text
        if debris_kind(text) not in patterns.FOOTER_START_RULES:
            continue
        # A character such as 中 followed by text is a broken paragraph, not a font-size widget (小 / 中 / 大).
        if len(text) <= 2 and index + 1 < len(lines) and not debris_kind(lines[index + 1].text):
            continue
        return index
    return len(lines)


def _numbered_heading(text: str) -> bool:
    """Whether a line starts a division (一、…, （一）…, 第一章…), or is a division's bare number."""
    return heading(text) is not None or bool(patterns.BARE_NUMBER.match(text))


def _text_lines(lines: tuple[Line, ...], article: Article | None, title: Line) -> tuple[list[Line], list[Debris]]:
    """The text's lines with in-text furniture taken out: whole lines (images, captions, the title
    repeated at the head of each printed page; an encyclopedia's controls) and marks inside lines
    (jump markers; an encyclopedia's reference marks)."""
    kept: list[Line] = []
    debris: list[Debris] = []
    for line in lines:
        if line.text == title.text:
            debris.append(Debris("running-head", line, "repeat"))
            continue
        kind = in_text_debris_kind(line.text) or ("encyclopedia" if article and patterns.ENCYCLOPEDIA_CONTROL.match(line.text) else "")
        if kind:
            debris.append(Debris(kind, line, "encyclopedia-control" if kind == "encyclopedia" else kind))
            continue
        marks = [(match.start(), match.end(), "jump") for match in patterns.JUMP_MARKER.finditer(line.text)]
        if article:
            marks += [(match.start(), match.end(), "reference-mark") for match in patterns.REFERENCE_MARK.finditer(line.text)]
        marks.sort()
        for start, end, rule in marks:
            debris.append(Debris(rule.split("-")[0], slice_line(line, *_stripped(line.text, start, end)), rule))
        text = cut_line(line, [(start, end) for start, end, _ in marks]) if marks else line
        if text is not None:
            kept.append(text)
    return kept, debris


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """A stretch of text without the whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraphs(lines: list[Line]) -> tuple[Line, ...]:
    """The text's paragraphs: a line that stops mid-sentence runs on into the next (揭榜 / 挂帅”的简称…).

    A short unpunctuated line right under an appendix heading is its subtitle (附件1 / 2026年省十件民生实事)
    and stands alone; in a text whose chapters carry no number, so does one opening a paragraph: a
    heading (2026年工作安排). Where chapters are numbered, a bare heading above them or between them
    (“十四五”时期发展成就和2025年工作回顾) stands alone too when it names the period its part covers and
    the next line is running text of its own; a line ending on 的 or 和 (“十五五”时期经济社会发展的 /
    主要目标 / 是：…) runs on.
    """
    paragraphs: list[Line] = []
    # A chapter number alone on its line (一、) is joined to its title below, so it counts as a numbered heading too.
    unnumbered = not any(is_chapter_heading(line.text) or patterns.BARE_CHAPTER_NUMBER.match(line.text) for line in lines)
    for line in lines:
        subtitle = len(paragraphs) > 1 and is_appendix_heading(paragraphs[-2].text) and _is_subtitle(paragraphs[-1].text)
        # A bare heading opening a paragraph stands alone; a short piece continuing one (揭榜) runs on.
        heading = bool(paragraphs) and not paragraphs[-1].joins and is_bare_heading(paragraphs[-1].text) and (
            len(paragraphs) == 1 or patterns.PARAGRAPH_END.search(paragraphs[-2].text) or is_heading(paragraphs[-2].text)
        ) and (unnumbered or _heads(paragraphs[-1].text, line.text))
        if paragraphs and not subtitle and not heading and _continues(paragraphs[-1].text, line.text):
            paragraphs[-1] = join_lines(paragraphs[-1], line)
        else:
            paragraphs.append(line)
    return tuple(paragraphs)


def _heads(bare: str, following: str) -> bool:
    """Whether a bare line heads the following line rather than starting its sentence, in a text
    whose chapters are numbered: the bare line names the period a part of the report covers, as
    part headings do (2026年工作安排), unlike page furniture (云南要闻) or a paragraph's first line
    broken off, and it does not end on a word needing more (的, 和); the following line holds a
    sentence of its own (it does not open on punctuation, and ends one)."""
    return (
        bool(patterns.PERIOD_NAME.search(bare))
        and bool(patterns.HAS_SENTENCE_END.search(following))
        and following[0] not in patterns.CLOSERS
        and not patterns.HAS_PUNCTUATION.match(following)
        and not patterns.OPEN_WORD_END.search(bare)
    )


def _is_subtitle(text: str) -> bool:
    """Whether a line could be a heading's subtitle: short, with no punctuation."""
    return len(text) <= SUBTITLE and not patterns.HAS_PUNCTUATION.search(text) and not _opens(text)


def _continues(text: str, following: str) -> bool:
    """Whether a paragraph so far runs on into the following line."""
    if _opens(text):
        return True
    if is_heading(text) or patterns.PARAGRAPH_END.search(text):
        return False
    return not (
        patterns.NUMBERED_ITEM.match(following) or patterns.ADDRESS.match(following) or is_heading(following)
    )


def _opens(text: str) -> bool:
    """Whether text ends on an opening mark or is a bare number, so that the next line completes it: （ / 三、"""
    return text[-1] in patterns.PAIRED_MARKS or bool(patterns.BARE_NUMBER.match(text))


def _short_line_warnings(lines: list[Line], paragraphs: tuple[Line, ...]):
    """Short unpunctuated lines that open a paragraph (not a heading or subtitle): page furniture left in the text?

    In a text whose chapters carry no numbers, a line standing alone is left to the parser, which
    reads such lines as chapter headings (and says so); where they are numbered, so is a part heading
    standing alone that names its period (2026年工作安排).
    """
    openers = {paragraph.span.start: index for index, paragraph in enumerate(paragraphs)}
    unnumbered = not any(is_chapter_heading(paragraph.text) for paragraph in paragraphs)
    for line in lines:
        index = openers.get(line.span.start)
        if index is None or len(line.text) > SHORT_LINE or patterns.HAS_PUNCTUATION.search(line.text):
            continue
        paragraph = paragraphs[index]
        subtitle = index > 0 and is_appendix_heading(paragraphs[index - 1].text) and paragraph.text == line.text
        if is_heading(paragraph.text) or subtitle or line.text[-1] in patterns.PAIRED_MARKS:
            continue
        if paragraph.text == line.text and is_bare_heading(line.text) and (unnumbered or patterns.PERIOD_NAME.search(line.text)):
            continue
        yield Warning(line.span.line, f"short line without punctuation kept as text (page debris?): {line.text!r}")


def _footer_debris(lines: tuple[Line, ...], title: Line, body: tuple[Line, ...], article: Article | None) -> list[Debris]:
    """The page footer's lines, each with the furniture rule that recognises it (in an
    encyclopedia page, the article's rules where no other does)."""
    text = "".join(paragraph.text for paragraph in body)
    rules = _furniture_rules(lines, title, text)
    return [Debris("page-footer", line, rule or encyclopedia.article_rule(article, line)) for line, rule in zip(lines, rules)]


def _unrecognised(debris: list[Debris], where: str):
    """A warning for each line dropped as page furniture that no rule recognises."""
    for item in debris:
        if not item.rule:
            yield Warning(item.line.span.line, f"unrecognised line {where} dropped as page debris: {item.line.text[:30]!r}")


def decode(raw: bytes) -> str:
    """The text of a plan file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030; line ends made LF."""
    if not raw.strip():
        raise PlanError("the file is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decode_strict(raw, "utf-16")
    elif b"\x00" in raw:
        raise PlanError("the file is binary, not text")
    else:
        text = _decode_text(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\n\t\f\v")
    if controls > max(1, MAX_CONTROL_SHARE * len(text)):
        raise PlanError("the file is binary, not text")
    return text


def _decode_text(raw: bytes) -> str:
    """UTF-8 if it reads as UTF-8; GB18030 if it reads as Chinese text in GB18030; otherwise an error."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    if _mostly_utf8(raw):
        line = raw[: utf8_error.start].count(b"\n") + 1
        if utf8_error.end >= len(raw.rstrip()):
            raise PlanError("the file ends in the middle of a character: is it truncated?", line) from None
        raise PlanError(f"invalid UTF-8 (byte {utf8_error.start})", line) from None
    lone = _lone_high_byte(raw)
    if lone is not None:
        # Chinese in GB18030 comes in pairs of high bytes; lone ones are accented letters of a
        # single-byte encoding (Latin-1: café), which GB18030 would misread or call truncated.
        line = raw[:lone].count(b"\n") + 1
        raise PlanError("the file is not UTF-8 or GB18030 text (Latin-1 or another single-byte encoding?): save it as UTF-8", line)
    text = _decode_strict(raw, "gb18030")
    unusual = sum(1 for char in text if not _usual(char))
    if unusual > MAX_UNUSUAL_SHARE * len(text):
        raise PlanError("the file is neither UTF-8 nor GB18030 text (binary?)")
    return text


def _decode_strict(raw: bytes, encoding: str) -> str:
    """Bytes decoded in an encoding, or a PlanError naming the line where they stop making sense."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        # Cut short, a file stops inside its last character; a stray byte before a line end is no cut.
        if error.end >= len(raw):
            raise PlanError("the file ends in the middle of a character: is it truncated?", line) from None
        raise PlanError(f"the file is neither UTF-8 nor {encoding.upper()} text", line) from None


def _lone_high_byte(raw: bytes) -> int | None:
    """Where the first byte ≥ 0x80 between two ASCII bytes lies, if most such bytes stand alone so
    (text in a single-byte encoding such as Latin-1); None if they mostly come in runs (GB18030)."""
    high = lone = 0
    first = None
    for index, byte in enumerate(raw):
        if byte < 0x80:
            continue
        high += 1
        if (index == 0 or raw[index - 1] < 0x80) and (index + 1 == len(raw) or raw[index + 1] < 0x80):
            lone += 1
            first = index if first is None else first
    return first if lone * 2 > high else None


def _mostly_utf8(raw: bytes) -> bool:
    """Whether bytes that fail to decode as UTF-8 are nonetheless UTF-8 text with a few bad bytes."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = sum(1 for char in text if ord(char) > 0x7F and char != "\ufffd")
    return wide >= 10 * bad


def _usual(char: str) -> bool:
    """Whether a character is one Chinese plain text uses: ASCII, CJK ideographs, punctuation, full-width forms."""
    code = ord(char)
    return (
        0x20 <= code < 0x7F
        or char in "\n\r\t\f\v\u00a0\u00b7\u00d7\u00f7"
        or 0x2000 <= code <= 0x206F  # general punctuation: “ ” — …
        or 0x2150 <= code <= 0x22FF  # number forms, arrows, mathematical operators
        or 0x2460 <= code <= 0x24FF  # enclosed numbers ①
        or 0x2500 <= code <= 0x27BF  # box drawing, shapes, symbols
        or 0x3000 <= code <= 0x303F  # CJK punctuation 、。〔〕
        or 0x3200 <= code <= 0x33FF  # enclosed CJK, CJK compatibility ㎡
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0xFF00 <= code <= 0xFFEF  # full-width forms ，：％（）
        or 0x0391 <= code <= 0x03C9  # Greek letters (β, μ)
        or 0x2160 <= code <= 0x217F  # Roman numerals Ⅱ
    )
