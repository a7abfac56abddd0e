"""The documents index: documents a document cites in 《》, and those it will draft, issue or revise."""

from generator import patterns
from generator.extract.indexes.names import Found
from generator.model import Clause, Mention


def document_names(clauses: tuple[Clause, ...]) -> list[Found]:
    """Documents cited in 《》, and those the plan will draft, issue or revise (出台…办法)."""
    found = []
    for clause in clauses:
        text = clause.text
        for match in patterns.BOOK_TITLE.finditer(text):
            title = match["title"]
            if not patterns.DOCUMENT_TITLE_END.search(title):
                continue  # a book, film or song, not a document
            found.append(Found("documents", title, _document_type(title), Mention(clause.id, match.start(), match.end()),
                                alias=match.group()))
        for match in patterns.DRAFTING.finditer(text):
            for start, end in _document_items(text, match.start("names"), match.end("names")):
                governing = patterns.GOVERNING_WORD.match(text, start)
                if governing and end - governing.end() >= 4:
                    start = governing.end()
                name = text[start:end]
                if "《" in name or patterns.GENERIC_NAME_START.match(name):
                    continue
                found.append(Found("documents", name, _document_type(name), Mention(clause.id, start, end)))
    return found


def _document_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A list of drafted documents split at 、 where every part ends in a document head."""
    parts, position = [], start
    for index in range(start, end + 1):
        if index == end or text[index] == "、":
            parts.append((position, index))
            position = index + 1
    if len(parts) > 1 and all(patterns.DOCUMENT_HEAD.search(text[s:e]) for s, e in parts):
        return parts
    return [(start, end)]


def _document_type(title: str) -> str:
    """A document's type by how its title ends."""
    return next((kind for kind, pattern in patterns.DOCUMENT_TYPES if pattern.search(title)), "other")
