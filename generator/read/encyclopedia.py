"""Encyclopedia pages: a document printed inside an encyclopedia article (规划全文 in an article on the plan).

Such a page opens with the article's own contents list (目录 / 1规划背景 / ▪五年规划 / 2规划历史 …);
the article's headings repeat its entries, each perhaps followed by the 播报 / 编辑 controls, and its
text carries reference marks ([12]) and notes (参考资料：…). The document is the part of the page
that starts with its own title and ends where the article's next heading begins; everything else
is the article, page debris with the rule that recognised it.
"""

from dataclasses import dataclass

from generator import patterns
from generator.model import Line

# How far into the page the article's contents list must start.
MAX_CONTENTS_START = 60
# An article's contents list has at least this many numbered entries (1规划背景, 2规划历史…).
MIN_ENTRIES = 3


@dataclass(frozen=True, slots=True)
class Article:
    """An encyclopedia article around a document: its contents list's lines (by source offset)
    and the names of its headings."""

    contents: frozenset[int]
    headings: frozenset[str]


def find_article(lines: tuple[Line, ...]) -> Article | None:
    """The encyclopedia article a page prints, recognised by its contents list; None for other pages."""
    for index, line in enumerate(lines[:MAX_CONTENTS_START]):
        if not patterns.CONTENTS_HEADING.match(line.text):
            continue
        entries = []
        for following in lines[index + 1 :]:
            match = patterns.ENCYCLOPEDIA_ENTRY.match(following.text)
            if not match:
                break
            entries.append((following, match))
        numbers = [int(match["number"]) for _, match in entries if match["number"]]
        if len(numbers) >= MIN_ENTRIES and numbers == list(range(1, len(numbers) + 1)):
            names = frozenset(match["name"] or match["sub"] for _, match in entries)
            return Article(frozenset(line.span.start for line in (line, *(entry for entry, _ in entries))), names)
    return None


def is_article_heading(article: Article | None, line: Line) -> bool:
    """Whether a line is one of the article's headings (outside its contents list)."""
    return article is not None and line.text in article.headings and line.span.start not in article.contents


def article_rule(article: Article | None, line: Line) -> str:
    """The rule a line of the article outside the document matches: its contents list, a heading,
    the controls beside a heading, its notes; any other line is the article's text. '' outside an
    encyclopedia page."""
    if article is None:
        return ""
    if line.span.start in article.contents:
        return "encyclopedia-contents"
    if is_article_heading(article, line):
        return "encyclopedia-heading"
    if patterns.ENCYCLOPEDIA_CONTROL.match(line.text):
        return "encyclopedia-control"
    if patterns.ENCYCLOPEDIA_NOTES.match(line.text):
        return "encyclopedia-notes"
    return "encyclopedia-article"
