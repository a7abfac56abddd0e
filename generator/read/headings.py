"""Headings: which numbered heading a paragraph opens with (一、 （一） 第一篇 第一章 第一节), and its number.

The shapes are named in patterns.HEADINGS; which level of the tree each shape heads is the genre's
(generator/data/genres.yml). A whole-line heading (一、… 第一章…) holds no sentence end; a bracketed
one (（一）扎实推进…。) heads the paragraph it opens with its first sentence.
"""

import re
from dataclasses import dataclass

from generator import patterns

# Shapes that head a division above sections (a part or a chapter): where a document's text begins.
DIVISION_SHAPES = ("numbered", "ordinal_part", "ordinal_chapter")


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading: its shape's name, its number's value and numeral as written, and where
    its title starts in the text."""

    shape: str
    number: int
    numeral: str
    title_start: int


def heading(text: str) -> Heading | None:
    """The numbered heading a paragraph opens with, or None for running text."""
    for shape, pattern in patterns.HEADINGS.items():
        match = pattern.match(text)
        if match and _well_formed(pattern, match):
            number = _number(match["number"])
            if number:
                return Heading(shape, number, match["number"], match.start("title") if "title" in pattern.groupindex else match.end())
    return None


def heading_title(text: str) -> str:
    """A heading's words without its number (一、 （一） 第一章　): what two versions of it share."""
    found = heading(text)
    return text[found.title_start :] if found else text


def is_chapter_heading(text: str) -> bool:
    """Whether a line heads a division above sections: a part or a chapter (一、…, 第一篇…, 第一章…)."""
    found = heading(text)
    return found is not None and found.shape in DIVISION_SHAPES


def is_appendix_heading(text: str) -> bool:
    """Whether a line heads an appendix: 名词解释, 附件1：…"""
    return bool(patterns.APPENDIX_HEADING.match(text))


def is_heading(text: str) -> bool:
    """Whether a line is a heading that stands on its own: a part, chapter or section (with its
    title), or an appendix."""
    found = heading(text)
    return bool(found and text[found.title_start :].strip()) or is_appendix_heading(text)


def _well_formed(pattern: re.Pattern, match: re.Match) -> bool:
    """Whether a whole-line heading is one: its title holds no sentence end (一、…。 is a numbered sentence)."""
    return "title" not in pattern.groupindex or not patterns.HAS_SENTENCE_END.search(match["title"])


def _number(numeral: str) -> int:
    """A heading numeral's value (三十二, 32), or 0 when it is not a well-formed numeral."""
    try:
        return patterns.written_number(numeral)
    except ValueError:
        return 0


def numbering_problem(previous: int, number: int) -> str:
    """What is wrong with a number that follows ``previous`` (a gap, a repeat, disorder); "" when
    it follows by exactly one."""
    if number == previous + 1:
        return ""
    if number == previous:
        return f"repeats number {number}"
    if number < previous:
        return f"number {number} comes after {previous}"
    return f"numbering skips from {previous} to {number}"
