"""Citations in the usual Chinese form: 《2026年…计划》第四部分第（二）项第3句.

A citation names the clause's place in the current text (the numerals as the plan writes them,
sections in full-width brackets, sentences counted within their section), whatever its permanent ID.
The same rule is followed by theme/assets/plansite.js, which reads headings' data-cite.
"""

from generator import patterns
from generator.model import Document

PREAMBLE = "序言"


def labels(document: Document) -> dict[str, str]:
    """Each clause's place, such as 第四部分第（二）项第3句, by ID; "" maps to the preamble (序言)."""
    found = {"": PREAMBLE}
    for paragraph in document.preamble:
        for clause in paragraph.clauses:
            found[clause.id] = f"{PREAMBLE}第{clause.number}句"
    for chapter in (*document.chapters, *document.appendices):
        match = patterns.CHAPTER_HEADING.match(chapter.title.text)
        if chapter in document.appendices:
            part = f"附录“{chapter.title.text}”"
        else:
            part = f"第{match['number'] if match else chapter.number}部分"
        found[chapter.id] = part
        for paragraph in (*chapter.intro, *chapter.closing):
            for clause in paragraph.clauses:
                found[clause.id] = f"{part}第{clause.number}句"
        for section in chapter.sections:
            marker = patterns.SECTION_MARKER.match(section.heading.text)
            item = f"{part}第（{marker['number'] if marker else section.number}）项"
            found[section.id] = item
            for paragraph in section.paragraphs:
                for clause in paragraph.clauses:
                    found[clause.id] = f"{item}第{clause.number}句"
    return found


def citation(document: Document, label: str) -> str:
    """A full citation: the plan's title in book-title marks, then the place."""
    return f"《{document.title.text}》{label}"
