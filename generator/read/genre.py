"""Genre: what kind of document a title names, and so the genre (heading levels) it is read with."""

from generator import data, patterns
from generator.model import DocumentKind, Genre, Line


def title_kind(title: Line, heading: Line | None = None) -> DocumentKind:
    """The kind its title names (or, for a report titled only by its year, its own heading)."""
    for text in (title.text, heading.text if heading else ""):
        for kind, pattern in patterns.DOCUMENT_KINDS:
            if pattern.search(text):
                return kind
    return DocumentKind.PLAN


def genre_of_title(title: Line, heading: Line | None = None) -> Genre:
    """The genre a document is read as, by the kind its title names (generator/data/genres.yml)."""
    return data.genre_of(title_kind(title, heading))
