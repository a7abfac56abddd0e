"""Markdown copies: the markup around a document's text (# 政府工作报告, **一、…**, ---) cut out as debris.

A file is read as Markdown when it holds a Markdown heading or a whole line in strong emphasis.
Its marks are cut out of each line (the line keeps its exact source span, skipping them), so the
text reads as a plain copy would; a line holding only markup (a thematic break, an image) is
dropped whole. Every mark cut out is debris with the rule that recognised it.
"""

from generator import patterns
from generator.model import Debris, Line, cut_line, slice_line

# The rules that recognise each kind of mark (cut from inside a line).
INLINE_MARKS = (
    ("markdown-heading", patterns.MARKDOWN_HEADING),
    ("markdown-block", patterns.MARKDOWN_BLOCK_MARK),
    ("markdown-strong", patterns.MARKDOWN_STRONG),
    ("markdown-link", patterns.MARKDOWN_LINK),
)


def strip_markup(lines: tuple[Line, ...]) -> tuple[tuple[Line, ...], tuple[Debris, ...]]:
    """The lines of a Markdown copy without their markup, and the markup as debris (a plain text's
    lines come back as they are)."""
    if not any(_is_markdown(line.text) for line in lines):
        return lines, ()
    kept: list[Line] = []
    debris: list[Debris] = []
    for line in lines:
        rule = _whole_line_rule(line.text)
        if rule:
            debris.append(Debris("markup", line, rule))
            continue
        marks = _marks(line.text)
        for start, end, mark_rule in marks:
            debris.append(Debris("markup", slice_line(line, start, end), mark_rule))
        text = cut_line(line, [(start, end) for start, end, _ in marks]) if marks else line
        if text is not None:
            kept.append(text)
    return tuple(kept), tuple(debris)


def _is_markdown(text: str) -> bool:
    """Whether a line shows a file is Markdown: a heading (# 标题) or a whole line in strong emphasis."""
    return bool(patterns.MARKDOWN_HEADING.match(text)) or (
        text.startswith(("**", "__")) and text.endswith(("**", "__")) and len(text) > 4
    )


def _whole_line_rule(text: str) -> str:
    """The rule of a line that is markup alone (a thematic break, an image), or ''."""
    if patterns.MARKDOWN_RULE.match(text):
        return "markdown-rule"
    if patterns.MARKDOWN_IMAGE.match(text):
        return "markdown-image"
    return ""


def _marks(text: str) -> list[tuple[int, int, str]]:
    """The stretches of markup in a line, in order, each with its rule; strong emphasis only where
    its marks pair up."""
    marks: list[tuple[int, int, str]] = []
    for rule, pattern in INLINE_MARKS:
        found = [(match.start(), match.end(), rule) for match in pattern.finditer(text) if match.end() > match.start()]
        if rule == "markdown-strong" and len(found) % 2:
            continue
        if rule == "markdown-block" and marks:
            continue  # a heading's text does not open a list (# - 标题 is rare and read as written)
        marks.extend(found)
    if patterns.MARKDOWN_EMPHASIS_LINE.match(text) and not any(rule == "markdown-strong" for *_, rule in marks):
        marks.extend([(0, 1, "markdown-emphasis"), (len(text) - 1, len(text), "markdown-emphasis")])
    marks.sort()
    apart: list[tuple[int, int, str]] = []
    for mark in marks:
        if not apart or mark[0] >= apart[-1][1]:
            apart.append(mark)
    return apart
