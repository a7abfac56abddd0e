"""Immutable values passed between pipeline stages: source lines, the document tree, its clauses."""

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the decoded source text: character offsets and the 1-based line it starts on."""

    start: int
    end: int
    line: int


@dataclass(frozen=True, slots=True)
class Join:
    """A point where a line's text skips source characters: a line break inside a paragraph, a removed marker."""

    at: int
    skip: int
    line: int


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank source line, stripped of surrounding whitespace; or a paragraph joined from several.

    The text is the source from ``span.start`` to ``span.end`` without the stretches named in ``joins``
    (each at a text offset, with the number of source characters skipped and the line the text goes on).
    """

    text: str
    span: Span
    joins: tuple[Join, ...] = ()


@dataclass(frozen=True, slots=True)
class Debris:
    """A source line that is web-page furniture, not part of the document."""

    kind: str
    line: Line
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Warning:
    """Something doubtful in the source, reported with its line; an error under --strict."""

    line: int
    message: str
    # The file it is about (the plan's text or one of its seeds files), as the build was given it;
    # "" until the build stage names it.
    path: str = ""


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The covering notice that issues the plan, or the lines heading a report delivered as a speech.

    A report has no notice; under its title stand its own heading (政府工作报告), the occasion
    (——2026年2月3日在…会议上, which dates it) and the speaker (省长 某某).
    """

    notice_title: Line | None = None
    issuer: str = ""
    document_number: Line | None = None
    addressees: Line | None = None
    notice: tuple[Line, ...] = ()
    date: Line | None = None
    iso_date: str = ""
    publication_note: Line | None = None
    heading: Line | None = None
    occasion: Line | None = None
    speaker: Line | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """The ingested text: front matter, the plan's title, its paragraphs, the debris removed, doubts found.

    ``missing_footer``: the page has a web page's header (navigation, widgets) but no footer after the
    text, so the file was most likely cut short.
    """

    text: str
    front: FrontMatter
    title: Line
    body: tuple[Line, ...]
    debris: tuple[Debris, ...]
    warnings: tuple[Warning, ...] = ()
    missing_footer: bool = False


class ClauseKind(str, Enum):
    """What part of the document a clause is."""

    CHAPTER_TITLE = "chapter_title"
    SECTION_HEADING = "section_heading"
    SENTENCE = "sentence"


# Letters that tell apart IDs sharing a number (a repeated number, a clause inserted in a revision):
# a … z, then aa … zz.
ID_SUFFIXES = tuple(chr(code) for code in range(ord("a"), ord("z") + 1))
ID_SUFFIXES += tuple(first + second for first in ID_SUFFIXES for second in ID_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Clause:
    """The citable unit: one sentence (or heading) of the plan, exactly as written."""

    id: str
    kind: ClauseKind
    text: str
    span: Span
    chapter: int
    section: int
    number: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A source paragraph, split into clauses whose texts concatenate to the paragraph."""

    clauses: tuple[Clause, ...]
    role: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered section (一)…; its first sentence is its heading."""

    id: str
    number: int
    heading: Clause
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Chapter:
    """A numbered chapter 一、… (or an appendix): title, introduction, sections, and closing paragraphs.

    The closing holds what follows the last section but belongs to the whole chapter (a report's
    closing address 各位代表！…); its sentences are numbered on from the introduction's.
    """

    id: str
    number: int
    title: Clause
    intro: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    closing: tuple[Paragraph, ...] = ()


@dataclass(frozen=True, slots=True)
class Tombstone:
    """An ID no clause holds on a page any more: its clause was removed, or moved to another chapter.

    ``page`` is the chapter ID of the page it stays on ("" for the plan's home page); ``after`` is
    the clause it followed there (for a removed chapter, the chapter it followed), "" at the top.
    """

    id: str
    page: str
    after: str = ""
    text: str = ""
    moved: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed plan: its title, the notice issuing it, the preamble, the chapters and any appendices.

    Appendices (名词解释, 附件…) follow the last chapter; they are chapters with IDs a1, a2….
    """

    title: Line
    front: FrontMatter
    preamble: tuple[Paragraph, ...]
    chapters: tuple[Chapter, ...]
    debris: tuple[Debris, ...]
    warnings: tuple[Warning, ...]
    appendices: tuple[Chapter, ...] = ()
    # IDs of earlier revisions that no clause here holds (see identify.py), in lock order.
    tombstones: tuple[Tombstone, ...] = ()


class LockState(str, Enum):
    """What became of an ID recorded in a lock: a clause holds it, it was removed, or it moved away."""

    LIVE = "live"
    REMOVED = "removed"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class LockEntry:
    """One line of an ID lock: an ID and the text of the clause given it (removed: its last text)."""

    id: str
    text: str = ""
    state: LockState = LockState.LIVE


@dataclass(frozen=True, slots=True)
class IdLock:
    """Which clause holds which permanent ID, in document order, with the IDs no clause holds any more."""

    entries: tuple[LockEntry, ...] = ()


class DocumentKind(str, Enum):
    """What sort of government document it is; the library groups documents by kind."""

    PLAN = "plan"  # 国民经济和社会发展计划
    WORK_REPORT = "work_report"  # 政府工作报告
    PLAN_REPORT = "plan_report"  # 计划执行情况与计划草案的报告
    BUDGET_REPORT = "budget_report"  # 预算执行情况与预算草案的报告
    FIVE_YEAR_PLAN = "five_year_plan"  # 五年规划纲要


@dataclass(frozen=True, slots=True)
class DocumentKindInfo:
    """How the site names a kind of document (generator/data/document_kinds.yml)."""

    kind: DocumentKind
    name: str  # 政府工作报告: library headings, a document's home page
    noun: str  # 报告: running text (报告提出的…)


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What the library says of a document: read from its text, overridable in its seeds YAML."""

    region: str = ""  # canonical full name: 内蒙古自治区, 北京市; "" when unknown
    year: int = 0  # the year the document is for (2026年…计划, 2026年政府工作报告)
    kind: DocumentKind = DocumentKind.PLAN
    issuer: str = ""  # 内蒙古自治区人民政府
    speaker: str = ""  # a report's speaker as printed: 省长 王某某
    date: str = ""  # ISO yyyy-mm-dd: the notice's date, or the day a report was delivered
    document_number: str = ""  # 文号: 内政发〔2026〕5号
    source_name: str = ""  # where the text was published: 北疆新闻
    source_url: str = ""


@dataclass(frozen=True, slots=True)
class MetaOverrides:
    """Facts about a document that its seeds YAML states (None where it says nothing): they win
    over what the text says, key by key."""

    region: str | None = None
    year: int | None = None
    kind: DocumentKind | None = None
    issuer: str | None = None
    speaker: str | None = None
    date: str | None = None
    document_number: str | None = None
    source_name: str | None = None
    source_url: str | None = None


class RegionKind(str, Enum):
    """What sort of region a document is about: the nation, or a provincial-level region, which a
    speaker's office names (国务院总理, 省长, 市长, 主席)."""

    NATION = "nation"
    PROVINCE = "province"
    MUNICIPALITY = "municipality"
    AUTONOMOUS_REGION = "autonomous_region"


@dataclass(frozen=True, slots=True)
class Region:
    """A provincial-level region as texts name it (generator/data/regions.yml)."""

    name: str  # canonical full name: 内蒙古自治区
    short: tuple[str, ...]  # other names in running text: 内蒙古
    abbreviation: str  # the one-character 简称: 蒙
    slug: str  # pinyin for URLs: neimenggu
    kind: RegionKind
    cities: tuple[str, ...]  # prefecture-level cities, leagues, prefectures (a municipality's districts)


@dataclass(frozen=True, slots=True)
class IndicatorTerm:
    """A canonical indicator and the names documents give it (generator/data/indicators.yml)."""

    key: str  # gdp_growth
    name: str  # 地区生产总值增长
    english: str
    units: tuple[str, ...]  # unit endings its number is measured in: %, 人, 吨
    variants: tuple[str, ...]
    # Names that mean it only in a statement of main targets: 经济增长5%左右 is GDP growth there.
    statement_variants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanInfo:
    """Editorial facts about one plan, from its seeds/ metadata: where it lives on the site."""

    slug: str
    source_name: str = ""
    source_url: str = ""


@dataclass(frozen=True, slots=True)
class Link:
    """A stretch of a clause's text that links to an entry elsewhere (a glossary or index entry)."""

    clause: str
    start: int
    end: int
    target: str
    fragment: str
    kind: str = ""


class Comparator(str, Enum):
    """How a target relates to its number: 左右, 以上, 超过, 以内, exactly, or between two (5%—5.5%)."""

    ABOUT = "about"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    EXACT = "exact"
    RANGE = "range"


class IndicatorKind(str, Enum):
    """What a target's number measures: a growth rate, a count, money, or any other level."""

    GROWTH = "growth"
    COUNT = "count"
    AMOUNT = "amount"
    LEVEL = "level"


@dataclass(frozen=True, slots=True)
class Indicator:
    """A quantitative target of the plan, as worded: 粮食产量超过840亿斤 → 粮食产量 > 840 亿斤."""

    id: str
    name: str
    value: str
    unit: str
    comparator: Comparator
    kind: IndicatorKind
    clause: str
    # The exact source span: clause.text[start:end] == text.
    text: str
    start: int
    end: int
    headline: bool = False
    definition: str = ""
    english: str = ""
    # A range's two ends as written (5 and 5.5 of 5%—5.5%; value is then ""); "" for one number.
    low: str = ""
    high: str = ""
    # The canonical indicator it is (generator/data/indicators.yml): gdp_growth…; "" for none.
    key: str = ""


@dataclass(frozen=True, slots=True)
class Result:
    """A result a document states for a past year, in its review: 生产总值…增长5.5% → gdp_growth 5.5 % for 2025.

    Only the canonical indicators (generator/data/indicators.yml): never a five-year average, a
    total, a part of the economy or this year's target.
    """

    key: str  # the canonical indicator: gdp_growth
    name: str  # as written: 地区生产总值
    value: str  # 5.5
    unit: str  # %
    year: int  # the year the result is for (the year before a report's)
    clause: str
    # The exact source span: clause.text[start:end] == text.
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CuratedTarget:
    """An editorial change to the extracted targets: add, drop or correct the one quoted by ``text``."""

    action: str
    clause: str
    text: str
    line: int
    name: str | None = None
    value: str | None = None
    unit: str | None = None
    comparator: Comparator | None = None
    kind: IndicatorKind | None = None
    headline: bool | None = None


@dataclass(frozen=True, slots=True)
class IndicatorDefinition:
    """A plain-language definition and English name of an indicator, for the glossary."""

    name: str
    english: str
    definition: str
    line: int


@dataclass(frozen=True, slots=True)
class IndicatorCuration:
    """The editorial data of a plan's indicator glossary (seeds/<stem>.indicators.yml)."""

    targets: tuple[CuratedTarget, ...] = ()
    definitions: tuple[IndicatorDefinition, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an index entry's name occurs: a clause and the offsets within its text."""

    clause: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """An entry of a back-of-book index: a project, place or document and every mention of it."""

    id: str
    name: str
    aliases: tuple[str, ...]
    category: str
    mentions: tuple[Mention, ...]
    letter: str = "#"  # the pinyin letter it sorts under (A–Z, # for digits and symbols)
    # Anchors of its other names (former names kept by a rename, merge or add, and aliases), no
    # other entry's: links made before a name changed still land on the entry.
    alias_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Index:
    """The plan's indexes of named projects, places and cited documents, and curation warnings."""

    projects: tuple[IndexEntry, ...] = ()
    places: tuple[IndexEntry, ...] = ()
    documents: tuple[IndexEntry, ...] = ()
    warnings: tuple[Warning, ...] = ()


@dataclass(frozen=True, slots=True)
class CuratedName:
    """An editorial change to one extracted name: the value it sets, and the seeds line it is on."""

    name: str
    value: str = ""
    values: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True, slots=True)
class CuratedEntry:
    """An entry the editors add to an index by hand, with the seeds line it is on."""

    name: str
    category: str
    aliases: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True, slots=True)
class IndexChanges:
    """Editorial changes to one index: drop, rename, merge, re-categorise, add."""

    drop: tuple[CuratedName, ...] = ()
    rename: tuple[CuratedName, ...] = ()
    merge: tuple[CuratedName, ...] = ()
    category: tuple[CuratedName, ...] = ()
    add: tuple[CuratedEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class IndexCuration:
    """Editorial changes to a plan's indexes, from seeds/<plan>.index.yml."""

    projects: IndexChanges = IndexChanges()
    places: IndexChanges = IndexChanges()
    documents: IndexChanges = IndexChanges()


@dataclass(frozen=True, slots=True)
class Plan:
    """A plan ready to render: its document, editorial metadata and the links in its text."""

    info: PlanInfo
    document: Document
    links: tuple[Link, ...] = ()
    meta: DocumentMeta = DocumentMeta()
    index: Index = Index()
    indicators: tuple[Indicator, ...] = ()
    # Last year's results stated in the review (extract/results.py), in document order.
    results: tuple[Result, ...] = ()
    definitions: tuple[IndicatorDefinition, ...] = ()
    # Doubts about the plan's seeds/ files (stale curated entries), each naming its file.
    warnings: tuple[Warning, ...] = ()
    # The updated ID lock to write back beside the seed (build --ids), if one was read.
    id_lock: IdLock | None = None


def plan_warnings(plan: Plan) -> tuple[Warning, ...]:
    """Every warning about a plan: its text's, then its seeds files'."""
    return plan.document.warnings + plan.warnings


@dataclass(frozen=True, slots=True)
class OutputFile:
    """A file to write into the docs folder: path relative to it, and its text."""

    path: str
    text: str


@dataclass(frozen=True, slots=True)
class BinaryFile:
    """A file to write into the site as bytes: path relative to the site's root, and its contents."""

    path: str
    data: bytes


def chapter_clauses(chapter: Chapter):
    """A chapter's clauses in order: title, introduction, each section's heading and body, closing."""
    yield chapter.title
    for paragraph in chapter.intro:
        yield from paragraph.clauses
    for section in chapter.sections:
        yield section.heading
        for paragraph in section.paragraphs:
            yield from paragraph.clauses
    for paragraph in chapter.closing:
        yield from paragraph.clauses


def chapter_sections(chapter: Chapter) -> tuple[tuple[Clause, ...], ...]:
    """A chapter's clauses by section, as a reader meets them: the title with the introduction, each
    numbered section (its heading and body), then the closing (left out when empty)."""
    parts = [(chapter.title, *(clause for paragraph in chapter.intro for clause in paragraph.clauses))]
    for section in chapter.sections:
        parts.append((section.heading, *(clause for paragraph in section.paragraphs for clause in paragraph.clauses)))
    closing = tuple(clause for paragraph in chapter.closing for clause in paragraph.clauses)
    return (*parts, closing) if closing else tuple(parts)


def iter_clauses(document: Document):
    """Every clause of the body in document order, headings included, appendices last."""
    for paragraph in document.preamble:
        yield from paragraph.clauses
    for chapter in (*document.chapters, *document.appendices):
        yield from chapter_clauses(chapter)


def text_span(line: Line, start: int, end: int) -> Span:
    """The source span of ``line.text[start:end]``, on the source line where that stretch begins."""
    source_start = line.span.start + start + sum(join.skip for join in line.joins if join.at <= start)
    source_end = line.span.start + end + sum(join.skip for join in line.joins if join.at < end)
    number = line.span.line
    for join in line.joins:
        if join.at <= start:
            number = join.line
    return Span(source_start, source_end, number)


def join_lines(first: Line, second: Line) -> Line:
    """One line whose text is both lines' texts run together, skipping the source between them."""
    offset = len(first.text)
    between = Join(offset, second.span.start - first.span.end, second.span.line)
    shifted = tuple(Join(join.at + offset, join.skip, join.line) for join in second.joins)
    return Line(first.text + second.text, Span(first.span.start, second.span.end, first.span.line), (*first.joins, between, *shifted))


@dataclass(frozen=True, slots=True)
class NavItem:
    """An entry of the site navigation: a page, or a titled group of entries."""

    title: str
    path: str = ""
    children: tuple["NavItem", ...] = ()


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """What pages written without mkdocs need to know of the site: its name, address and URL style."""

    name: str
    # Where the site is published, ending in "/" ("" when unknown or offline: no canonical links).
    url: str = ""
    # Served sites address a page as folder/ (folder/index.html); offline bundles as page.html.
    directory_urls: bool = True
    # An offline bundle holds one document: the published site it is taken from, where links to the
    # library's pages (comparisons, other documents) lead. "" for the site itself.
    bundle_of: str = ""


@dataclass(frozen=True, slots=True)
class SiteContent:
    """Everything the docs folder receives, and the navigation mkdocs is given."""

    files: tuple[OutputFile, ...]
    nav: tuple[NavItem, ...]


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    """One document rendered: Markdown pages for mkdocs, its group in the navigation, and share pages (HTML)."""

    pages: tuple[OutputFile, ...]
    nav: NavItem
    share_pages: tuple[OutputFile, ...]


@dataclass(frozen=True, slots=True)
class ClauseRecord:
    """A clause as the library sees it: its ID, kind, place in citations, text and URL."""

    id: str
    kind: ClauseKind
    label: str  # 第四部分第（二）项第3句
    text: str
    url: str  # site-relative served URL with the clause's #id
    # Whether it stands in a chapter reviewing past work (一、2025年工作回顾), not the year's plans.
    review: bool = False


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the library stage needs of one built document: it never re-reads the document itself."""

    slug: str
    title: str
    url: str  # site-relative served URL of the document's home page
    meta: DocumentMeta
    clauses: tuple[ClauseRecord, ...]
    # The document's main targets (主要预期目标), one per canonical indicator key, in document order.
    targets: tuple["Indicator", ...] = ()
    # The results its review states for past years, one per canonical indicator and year.
    results: tuple[Result, ...] = ()
