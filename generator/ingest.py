"""Ingest: separate the published document from the web page around it, and read its front matter."""

from . import patterns
from .errors import PlanError
from .model import Debris, FrontMatter, Line, Source, Span

# How far into the page the document must start: headers are short, plans are long.
MAX_HEADER_LINES = 60
# The notice (addressees, paragraph, date, note) is a handful of lines.
MAX_NOTICE_LINES = 8


def ingest(text: str) -> Source:
    """Split a published page into front matter, the plan's title, body lines and debris."""
    lines = _content_lines(text)
    if not lines:
        raise PlanError("the file holds no text")
    start = _document_start(lines)
    debris = [Debris("page-header", line) for line in lines[:start]]
    front, title_index = _front_matter(lines, start)
    title = lines[title_index]
    rest = lines[title_index + 1 :]
    tail = _tail_start(rest)
    body = []
    for line in rest[:tail]:
        kind = debris_kind(line.text)
        if kind:
            debris.append(Debris(kind, line))
        else:
            body.append(line)
    debris.extend(Debris("page-footer", line) for line in rest[tail:])
    return Source(text=text, front=front, title=title, body=tuple(body), debris=tuple(debris))


def debris_kind(text: str) -> str:
    """The kind of web-page furniture a line is (image, editor, copyright…), or '' for text."""
    for kind, pattern in patterns.DEBRIS_LINE.items():
        if pattern.search(text):
            return kind
    return ""


def is_chapter_heading(text: str) -> bool:
    """Whether a line is a chapter heading 一、… (a title, not a numbered sentence)."""
    match = patterns.CHAPTER_HEADING.match(text)
    return bool(match) and not patterns.HAS_SENTENCE_END.search(match["title"])


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


def _document_start(lines: tuple[Line, ...]) -> int:
    """Index of the notice title, or else of the plan title, among the first lines."""
    head = lines[:MAX_HEADER_LINES]
    for index, line in enumerate(head):
        if patterns.NOTICE_TITLE.match(line.text):
            return index
    for index, line in enumerate(head):
        if patterns.PLAN_TITLE.match(line.text) and _starts_document(lines, index):
            return index
    raise PlanError(
        "no plan title found: expected a notice title (…关于…的通知) "
        "or a title ending in 计划, 规划, 报告, 纲要 or 方案 near the top"
    )


def _starts_document(lines: tuple[Line, ...], index: int) -> bool:
    """Whether a title-like line is followed by the document rather than more page header."""
    following = lines[index + 1 : index + 1 + MAX_HEADER_LINES]
    return any(is_chapter_heading(line.text) for line in following) or any(
        len(line.text) > 40 for line in following[:5]
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
        date = patterns.DATE_LINE.match(lines[index].text)
        if date:
            fields["date"] = lines[index]
            fields["iso_date"] = f"{int(date['year']):04d}-{int(date['month']):02d}-{int(date['day']):02d}"
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


def _tail_start(lines: tuple[Line, ...]) -> int:
    """Index of the page footer: the first debris line after the plan's last chapter heading."""
    headings = [index for index, line in enumerate(lines) if is_chapter_heading(line.text)]
    last_heading = headings[-1] if headings else -1
    for index in range(last_heading + 1, len(lines)):
        if debris_kind(lines[index].text):
            return index
    return len(lines)


def decode(raw: bytes) -> str:
    """The text of a plan file: UTF-8 (with or without BOM) or GB18030, line ends made LF."""
    if not raw.strip():
        raise PlanError("the file is empty")
    if b"\x00" in raw:
        raise PlanError("the file is binary, not text")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise PlanError("the file is neither UTF-8 nor GB18030 text")
    return text.replace("\r\n", "\n").replace("\r", "\n")
