"""Citations in the usual Chinese forms, short and full, and the names pages give their document.

Short: 《2026年…计划》第四部分第（二）项第3句. Full, as a newsroom pastes it: the title with what
identifies the document (its 文号, or the occasion and date of a speech, and the speaker), the
place, and the words: 《2026年…计划》（内政发〔2026〕5号）第四部分第（二）项第3句：“研究制定……。”
A title that does not name the document's region (2026年政府工作报告) is preceded by it, and one that
names no year by the year: 云南省《2026年政府工作报告》…, 广东省2026年《政府工作报告》….

A citation names the clause's place in the current text as the genre cites its levels
(generator/data/genres.yml: 第四部分第（二）项 in a report, 第六十二章第四节 in an outline; a chapter
numbered across parts is named alone), with the numerals as the document writes them and
sentences counted within their division, whatever its permanent ID. The same rule is followed by
theme/assets/plansite.js, which puts together a page's citations from what the page carries: the
cited title and source note (meta tags), headings' places (data-cite) and the clause's own text.
"""

from functools import cache

from generator import data, patterns
from generator.model import (
    ClauseKind,
    Division,
    Document,
    DocumentMeta,
    GenreLevel,
    Level,
)
from generator.read.headings import heading

PREAMBLE = "序言"
# Between the parts of a page's name: 北京市 · 2026年政府工作报告 · 三、2026年重点工作
NAME_SEPARATOR = " · "


def labels(document: Document) -> dict[str, str]:
    """Each clause's place, such as 第四部分第（二）项第3句, by ID; "" maps to the preamble (序言)."""
    found = {"": PREAMBLE}
    for paragraph in document.preamble:
        for clause in paragraph.clauses:
            found[clause.id] = f"{PREAMBLE}第{clause.number}句"
    levels = {level.level: level for level in document.levels}
    for division in document.divisions:
        _label(division, "", levels, found)
    for appendix in document.appendices:
        _label(appendix, "", levels, found, f"附录“{appendix.title.text}”")
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


def _label(division: Division, parent: str, levels: dict[Level, GenreLevel], found: dict[str, str], label: str = "") -> None:
    """The places of a division's heading and clauses, and of its subdivisions'."""
    if not label:
        level = levels.get(division.level)
        written = heading(division.heading.text)
        numeral = written.numeral if written and level and written.shape == level.headings[0].shape else str(division.number)
        own = level.headings[0].cite.format(number=numeral) if level else f"第{numeral}部分"
        # A part, and a chapter numbered across parts, is named alone; other levels within their parent.
        label = own if division.level is Level.PART or (level and level.across) else parent + own
    found[division.id] = label
    for paragraph in (*division.intro, *division.closing):
        for clause in paragraph.clauses:
            found[clause.id] = f"{label}第{clause.number}句"
    for child in division.children:
        _label(child, label, levels, found)


def cited_title(document: Document, meta: DocumentMeta) -> str:
    """The document's title in book-title marks, preceded by its region and year where the title
    names neither: 《2026年内蒙古自治区国民经济和社会发展计划》, 云南省《2026年政府工作报告》."""
    title = document.title.text
    region = meta.region if meta.region and not _region_names(meta.region).search(title) else ""
    year = f"{meta.year}年" if meta.year and not patterns.NAMED_TIME.search(title) else ""
    return f"{region}{year}《{title}》"


def document_name(document: Document, meta: DocumentMeta) -> str:
    """What a page calls its document: region, then the title without the region's name (with the
    year where the title names none): 北京市 · 2026年政府工作报告."""
    title = document.title.text
    if meta.region:
        title = _region_names(meta.region).sub("", title, count=1) or title
    if meta.year and not patterns.NAMED_TIME.search(title):
        title = f"{meta.year}年{title}"
    return NAME_SEPARATOR.join(part for part in (meta.region, title) if part)


def page_title(document: Document, meta: DocumentMeta, page: str = "") -> str:
    """A page's title, naming its document first: 北京市 · 2026年政府工作报告 · 三、2026年重点工作."""
    return NAME_SEPARATOR.join(part for part in (document_name(document, meta), page) if part)


def source_note(document: Document, meta: DocumentMeta) -> str:
    """What tells the document apart after its title, in brackets: its 文号 (（内政发〔2026〕5号）),
    else the occasion and date of a speech, with the speaker (（2026年1月25日在…会议上，市长 殷勇）),
    else its date; "" if none."""
    front = document.front
    occasion = patterns.CITED_OCCASION.search(front.occasion.text) if front.occasion else None
    if front.document_number:
        parts = [front.document_number.text]
    elif occasion:
        parts = [occasion.group()]
    elif front.date:
        parts = [front.date.text]
    else:
        parts = []
    if meta.speaker:
        parts.append(meta.speaker)
    return f"（{'，'.join(parts)}）" if parts else ""


def citation(document: Document, meta: DocumentMeta, label: str) -> str:
    """A short citation: the plan's title in book-title marks (with its region), then the place."""
    return f"{cited_title(document, meta)}{label}"


def long_citation(document: Document, meta: DocumentMeta, label: str, text: str) -> str:
    """The citation a newsroom pastes: title, 文号 (or occasion, date and speaker), place, and the quoted words."""
    return f"{cited_title(document, meta)}{source_note(document, meta)}{label}：“{text}”"


@cache
def _region_names(region: str):
    """A pattern of a region's names: its full name and short ones (云南省, 云南)."""
    known = data.region_named(region)
    return patterns.any_of((region, *(known.short if known else ())))
