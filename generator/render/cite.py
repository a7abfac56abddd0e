"""Citations in the usual Chinese forms, short and full.

Short: 《2026年…计划》第四部分第（二）项第3句. Full, as a newsroom pastes it: the title with what
identifies the document (its 文号, or the occasion and date of a speech), the place, and the words:
《2026年…计划》（内政发〔2026〕5号）第四部分第（二）项第3句：“研究制定……。”

A citation names the clause's place in the current text (the numerals as the plan writes them,
sections in full-width brackets, sentences counted within their section), whatever its permanent ID.
The same rule is followed by theme/assets/plansite.js, which puts together a page's citations from
what the page carries: the cited title and source note (meta tags), headings' places (data-cite)
and the clause's own text.
"""

from generator import patterns
from generator.model import ClauseKind, Document

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
    found.update(box_labels(document))
    return found


def box_labels(document: Document) -> dict[str, str]:
    """Each 专栏 box clause's place: 专栏2, 专栏2第1项, 专栏2第1项第2句, 专栏1第3行, 专栏1表头, 专栏1注第1句."""
    found = {}
    for box in document.boxes:
        name = f"专栏{box.number or box.id[1:]}"
        found[box.title.id] = name
        for paragraph in box.items:
            item = name
            for clause in paragraph.clauses:
                if clause.kind is ClauseKind.BOX_ITEM:
                    item = f"{name}第{clause.number}项"
                    found[clause.id] = item
                else:
                    found[clause.id] = f"{item}第{clause.number}句"
        if box.table is not None:
            if box.table.head is not None:
                found[box.table.head.clause.id] = f"{name}表头"
            for row in box.table.rows:
                found[row.clause.id] = f"{name}第{row.clause.number}行"
        for paragraph in box.notes:
            for clause in paragraph.clauses:
                found[clause.id] = f"{name}注第{clause.number}句"
    return found


def cited_title(document: Document) -> str:
    """The document's title in book-title marks: 《2026年内蒙古自治区国民经济和社会发展计划》."""
    return f"《{document.title.text}》"


def source_note(document: Document) -> str:
    """What tells the document apart after its title, in brackets: its 文号 (（内政发〔2026〕5号）),
    else the occasion and date of a speech (（2026年1月25日在…会议上）), else its date; "" if none."""
    front = document.front
    if front.document_number:
        return f"（{front.document_number.text}）"
    occasion = patterns.CITED_OCCASION.search(front.occasion.text) if front.occasion else None
    if occasion:
        return f"（{occasion.group()}）"
    if front.date:
        return f"（{front.date.text}）"
    return ""


def citation(document: Document, label: str) -> str:
    """A short citation: the plan's title in book-title marks, then the place."""
    return f"{cited_title(document)}{label}"


def long_citation(document: Document, label: str, text: str) -> str:
    """The citation a newsroom pastes: title, 文号 (or occasion and date), place, and the quoted words."""
    return f"{cited_title(document)}{source_note(document)}{label}：“{text}”"
