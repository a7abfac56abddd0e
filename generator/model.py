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
    # The document's own contents list: its heading (目录) and one line per entry.
    contents_heading: Line | None = None
    contents: tuple[Line, ...] = ()
    # 专栏 boxes lifted out of the text (read/boxes.py), placed by the parser.
    boxes: tuple["Box", ...] = ()


class ClauseKind(str, Enum):
    """What part of the document a clause is: a division's heading (by its level), or a sentence."""

    PART_TITLE = "part_title"
    CHAPTER_TITLE = "chapter_title"
    SECTION_HEADING = "section_heading"
    ITEM_HEADING = "item_heading"
    SENTENCE = "sentence"
    # A 专栏 box's parts (read/boxes.py): its title, an item's first line, its table's heading row
    # and rows, its notes. An item's further sentences are sentences.
    BOX_TITLE = "box_title"
    BOX_ITEM = "box_item"
    TABLE_HEAD = "table_head"
    TABLE_ROW = "table_row"
    BOX_NOTE = "box_note"


class Level(str, Enum):
    """A level of a document's tree, outermost first: parts (第一篇) group chapters (一、 or 第一章),
    chapters hold sections ((一) or 第一节), sections hold numbered items ((一) under a 节).

    Which levels a document has, how their headings look and how citations name them is genre
    knowledge (generator/data/genres.yml). A part and a chapter each have a page of their own;
    sections and items stand on their chapter's page.
    """

    PART = "part"
    CHAPTER = "chapter"
    SECTION = "section"
    ITEM = "item"

    @property
    def heading_kind(self) -> ClauseKind:
        """The kind of a division's heading at this level."""
        return _HEADING_KINDS[self]

    @property
    def paged(self) -> bool:
        """Whether a division at this level has a page of its own."""
        return self in (Level.PART, Level.CHAPTER)


_HEADING_KINDS = {
    Level.PART: ClauseKind.PART_TITLE,
    Level.CHAPTER: ClauseKind.CHAPTER_TITLE,
    Level.SECTION: ClauseKind.SECTION_HEADING,
    Level.ITEM: ClauseKind.ITEM_HEADING,
}


@dataclass(frozen=True, slots=True)
class HeadingShape:
    """A shape a level's headings take in a genre (generator/data/genres.yml), and how a citation
    and running text name a division so headed."""

    shape: str  # its pattern's name in patterns.HEADINGS: ordinal_chapter
    cite: str  # 第{number}章
    noun: str  # 章


@dataclass(frozen=True, slots=True)
class GenreLevel:
    """A level of a genre's tree and the shapes its headings may take, in order of preference; in
    a parsed document, the one shape its headings take there."""

    level: Level
    headings: tuple[HeadingShape, ...]
    # Numbers run on across the level above (an outline's chapters across parts).
    across: bool = False


@dataclass(frozen=True, slots=True)
class Genre:
    """How documents of some kinds are divided: their levels, outermost first."""

    name: str
    kinds: tuple[str, ...]
    levels: tuple[GenreLevel, ...]


# Letters that tell apart IDs sharing a number (a repeated number, a clause inserted in a revision):
# a … z, then aa … zz.
ID_SUFFIXES = tuple(chr(code) for code in range(ord("a"), ord("z") + 1))
ID_SUFFIXES += tuple(first + second for first in ID_SUFFIXES for second in ID_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Clause:
    """The citable unit: one sentence (or heading) of the plan, exactly as written.

    ``chapter`` and ``section`` are the numbers of the chapter and section it stands in (0 where
    none: the preamble, a part's own text, a chapter's introduction); ``number`` counts sentences
    within their division (0 for a heading).
    """

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
class Division:
    """A numbered division of the document at one level of its tree: its heading, the paragraphs
    before its first subdivision (introduction), its subdivisions, and closing paragraphs.

    A part (第一篇) holds chapters; a chapter (一、 / 第一章, or an appendix) holds sections; a
    section ((一) / 第一节) may hold items. A section's heading is its first sentence (or its whole
    heading line), its body the introduction. The closing holds what follows a chapter's last
    section but belongs to the whole chapter (a report's closing address 各位代表！…); its sentences
    are numbered on from the introduction's.
    """

    id: str
    level: Level
    number: int
    heading: Clause
    intro: tuple[Paragraph, ...] = ()
    children: tuple["Division", ...] = ()
    closing: tuple[Paragraph, ...] = ()

    @property
    def title(self) -> Clause:
        """A chapter's (or part's) title: its heading clause."""
        return self.heading

    @property
    def sections(self) -> tuple["Division", ...]:
        """A chapter's sections (a part's chapters): the divisions one level down."""
        return self.children

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """A section's body: the paragraphs under its heading, before any item of its own."""
        return self.intro + self.closing


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    """A line of a document's own contents list (目录), and the ID of the heading it lists ("" when
    the body holds no such heading)."""

    line: Line
    id: str = ""


class ColumnRole(str, Enum):
    """What a column of a main-indicators table holds: 类别, 指标, a base year, the target year,
    年均/累计, 属性, 单位, or anything else (序号…)."""

    CATEGORY = "category"
    INDICATOR = "indicator"
    BASE = "base"
    TARGET = "target"
    SPAN = "span"
    ATTRIBUTE = "attribute"
    UNIT = "unit"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row of a box's table: its words as written (a clause), and where each cell lies in them.

    ``cells`` has one (start, end) per column of the table; a cell the row leaves out (类别 under
    a merged cell, flattened) is empty, and ``category`` carries the one above down.
    """

    clause: Clause
    cells: tuple[tuple[int, int], ...]
    category: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    """A box's table: its heading row (None when the copy has none), its rows, each column's role."""

    head: TableRow | None
    rows: tuple[TableRow, ...]
    columns: tuple[ColumnRole, ...]
    # The years of the base and target columns (2025年, 2030年); 0 where the heading does not say.
    base_year: int = 0
    target_year: int = 0


@dataclass(frozen=True, slots=True)
class Box:
    """A 专栏 box set apart from the text (专栏2　科技创新重大工程): its title, then its items (each a
    paragraph: the item's line, then its description's sentences) or its table, then its notes.

    IDs are the box's own (b2; items b2-1…, their sentences b2-1-1…; table rows b1-1…, the
    heading row b1-0; notes b2-n1…), so the text's clauses keep theirs whether a copy carries
    the boxes or not. ``after``: the ID of the text's clause the box follows ("" before any).
    """

    id: str
    number: int
    title: Clause
    items: tuple[Paragraph, ...] = ()
    table: Table | None = None
    notes: tuple[Paragraph, ...] = ()
    after: str = ""


def box_clauses(box: Box):
    """A box's clauses in order: title, items, the table's heading row and rows, notes."""
    yield box.title
    for paragraph in box.items:
        yield from paragraph.clauses
    if box.table is not None:
        if box.table.head is not None:
            yield box.table.head.clause
        for row in box.table.rows:
            yield row.clause
    for paragraph in box.notes:
        yield from paragraph.clauses


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
    """A parsed plan: its title, the notice issuing it, the preamble, its tree and any appendices.

    ``divisions`` are the top level of the tree: parts where the document has them, else chapters.
    Appendices (名词解释, 附件…) follow the last chapter; they are chapters with IDs a1, a2….
    ``genre`` names the genre whose heading levels it was read with (generator/data/genres.yml).
    """

    title: Line
    front: FrontMatter
    preamble: tuple[Paragraph, ...]
    divisions: tuple[Division, ...]
    debris: tuple[Debris, ...]
    warnings: tuple[Warning, ...]
    appendices: tuple[Division, ...] = ()
    # IDs of earlier revisions that no clause here holds (see identify.py), in lock order.
    tombstones: tuple[Tombstone, ...] = ()
    genre: str = "report"
    # The levels the document has, outermost first, each with the shape its headings take.
    levels: tuple[GenreLevel, ...] = ()
    # The document's own contents list (目录) and its heading line, when it prints one.
    contents: tuple[ContentsEntry, ...] = ()
    contents_heading: Line | None = None

    @property
    def chapters(self) -> tuple[Division, ...]:
        """Every chapter in document order, inside parts or not (appendices apart)."""
        return tuple(division for division in iter_divisions(self.divisions) if division.level is Level.CHAPTER)

    @property
    def parts(self) -> tuple[Division, ...]:
        """The parts (第一篇…) grouping chapters, where the document has them."""
        return tuple(division for division in self.divisions if division.level is Level.PART)
    # 专栏 boxes, in document order, each placed after a clause of the text.
    boxes: tuple[Box, ...] = ()


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
    # The years a plan for several years covers (a five-year outline: 2026 and 2030); 0 for one year.
    period_start: int = 0
    period_end: int = 0
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
    """What sort of region a document is about: the nation, a provincial-level region, which a
    speaker's office names (国务院总理, 省长, 市长, 主席), or a prefecture- or county-level division
    (a city's or a county's own plans and reports: 杭州市, 余杭区)."""

    NATION = "nation"
    PROVINCE = "province"
    MUNICIPALITY = "municipality"
    AUTONOMOUS_REGION = "autonomous_region"
    PREFECTURE = "prefecture"
    COUNTY = "county"


class DivisionLevel(str, Enum):
    """The three levels of China's administrative divisions the gazetteer holds."""

    PROVINCE = "province"  # 省级: 省, 自治区, 直辖市, 特别行政区
    PREFECTURE = "prefecture"  # 地级: 地级市, 地区, 自治州, 盟
    COUNTY = "county"  # 县级: 市辖区, 县, 自治县, 县级市, 旗, 自治旗, 林区, 特区


@dataclass(frozen=True, slots=True)
class Region:
    """A region as texts name it: the nation or a provincial-level region (generator/data/regions.yml
    and divisions.txt), or a prefecture- or county-level division (divisions.txt alone)."""

    name: str  # canonical full name: 内蒙古自治区
    short: tuple[str, ...]  # other names in running text: 内蒙古
    abbreviation: str  # the one-character 简称: 蒙
    slug: str  # pinyin for URLs: neimenggu
    kind: RegionKind
    code: str = ""  # its division's code: 150000 ("" for the nation)
    # How its documents name the levels below it, where its divisions' kinds do not say it: 地州市.
    terms: tuple[tuple[DivisionLevel, str], ...] = ()
    # A city's or county's provincial-level region (浙江省 for 杭州市); "" for that level and the nation.
    within: str = ""


class DivisionKind(str, Enum):
    """The kind of an administrative division, as the Ministry of Civil Affairs' list names it
    (generator/data/division_kinds.yml: its name, level and suffix)."""

    PROVINCE = "province"  # 省
    AUTONOMOUS_REGION = "autonomous_region"  # 自治区
    MUNICIPALITY = "municipality"  # 直辖市
    SPECIAL_ADMINISTRATIVE_REGION = "special_administrative_region"  # 特别行政区
    CITY = "city"  # 地级市
    PREFECTURE = "prefecture"  # 地区
    AUTONOMOUS_PREFECTURE = "autonomous_prefecture"  # 自治州
    LEAGUE = "league"  # 盟
    DISTRICT = "district"  # 市辖区
    COUNTY = "county"  # 县
    AUTONOMOUS_COUNTY = "autonomous_county"  # 自治县
    COUNTY_CITY = "county_city"  # 县级市
    BANNER = "banner"  # 旗
    AUTONOMOUS_BANNER = "autonomous_banner"  # 自治旗
    FORESTRY_DISTRICT = "forestry_district"  # 林区
    SPECIAL_DISTRICT = "special_district"  # 特区


@dataclass(frozen=True, slots=True)
class DivisionKindInfo:
    """What the gazetteer knows of a kind of division (generator/data/division_kinds.yml)."""

    kind: DivisionKind
    name: str  # 地级市
    level: DivisionLevel
    suffixes: tuple[str, ...]  # how its names end: (新区, 区)
    written: str = ""  # what follows a short name in running text: 州 (凉山州)
    term: str = ""  # the character a document's wording uses for its level: 盟 (盟市)
    region: RegionKind | None = None  # a province-level kind: the kind of region it is
    # The only names of the kind, where its suffix is no sign of it (神农架林区; 万柏林区 is a 区).
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AdminDivision:
    """An administrative division of China (generator/data/divisions.txt): 330100 杭州市."""

    code: str  # six digits: 330100
    name: str  # the full name: 杭州市, 凉山彝族自治州
    kind: DivisionKind
    level: DivisionLevel
    parent: str  # the code of the division above it ("" for a province-level one)
    province: str  # the code of its province-level division (its own, for one)
    short: str = ""  # the name people write: 杭州, 凉山, 内蒙古 ("" when there is none: 赵县)
    written: tuple[str, ...] = ()  # other forms of it in running text: 凉山州


@dataclass(frozen=True, slots=True)
class PlaceVocabulary:
    """Places that are no administrative division, and the ethnic groups division names carry
    (generator/data/places.yml): a name on a list is a place of the list's kind."""

    lists: tuple[tuple[str, tuple[str, ...]], ...]  # (category, names): ("river", ("黄河", …))
    ethnic_groups: tuple[str, ...]  # 蒙古, 回, 维吾尔…, without 族
    nation: tuple[str, ...] = ()  # the nation's own names, never indexed as a place: 中国
    ordinary_words: tuple[str, ...] = ()  # division short names that are ordinary words too: 安康


@dataclass(frozen=True, slots=True)
class IndexKind:
    """One index of a document: its name, pages, data files and categories (generator/data/index_kinds.yml)."""

    name: str  # projects, places, documents: the field of Index and IndexCuration
    link: str  # the class of a link to an entry, and its cards' key: prj, plc, doc
    page: str  # the page's file in the document's folder: places.md
    title: str  # 地名索引
    card: str  # what a card calls an entry: 地名
    intro: str  # the page's first sentence, with {noun} and {categories} to fill
    data: str  # the data files' name: laws (laws.json, laws.csv)
    field: str  # the data files' name for an entry's category: type
    by_category: bool  # the page groups entries by category (else by pinyin letter)
    categories: tuple[tuple[str, str], ...]  # (key, label) in the page's order
    renamed: tuple[tuple[str, str], ...] = ()  # (old key, key) still accepted in seeds files

    def label(self, category: str) -> str:
        """The label readers see for a category (the key itself when the table has none)."""
        return dict(self.categories).get(category, category)


class Measure(str, Enum):
    """How a canonical indicator's number reads as a result: a rate of growth (下降3% is −3), a rate of
    reduction (能耗下降3% is 3), a level as it stands (失业率5.1%), or an amount in its unit (141万人)."""

    GROWTH = "growth"
    REDUCTION = "reduction"
    LEVEL = "level"
    QUANTITY = "quantity"


@dataclass(frozen=True, slots=True)
class IndicatorTerm:
    """A canonical indicator and the names documents give it (generator/data/indicators.yml)."""

    key: str  # gdp_growth
    name: str  # 地区生产总值增长
    english: str
    units: tuple[str, ...]  # unit endings its number is measured in: %, 人, 吨
    variants: tuple[str, ...]
    # How a result's number reads (extract/results.py): growth for rates, quantity for other units.
    measure: Measure = Measure.GROWTH
    # Names that mean it only in a statement of main targets: 经济增长5%左右 is GDP growth there.
    statement_variants: tuple[str, ...] = ()
    # The one unit the comparison gives it in (亿斤), and each other unit written for it with how
    # many of that unit one makes, as a decimal ("万吨", "0.2"): 1万吨 = 0.2亿斤.
    unit: str = ""
    conversions: tuple[tuple[str, str], ...] = ()
    # Its name in the nation's terms (国内生产总值增长), where that differs from ``name``.
    national_name: str = ""

    def name_for(self, national: bool) -> str:
        """The name a region's page gives it: the nation's own where it has one."""
        return (self.national_name or self.name) if national else self.name


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


class Accumulation(str, Enum):
    """How a five-year target counts over its period: the level reached in its year, the yearly
    average (年均增长7%), or the total over the period (累计降低17%, 〔17〕 in a table)."""

    IN_YEAR = "in_year"
    ANNUAL_AVERAGE = "annual_average"
    CUMULATIVE = "cumulative"


class Attribute(str, Enum):
    """A main indicator's attribute in an outline's table: 预期性 (expected) or 约束性 (binding)."""

    EXPECTED = "expected"
    BINDING = "binding"


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
    # A five-year outline's target (extract/outline.py); for annual documents these stay empty.
    # The year it is for (2030, or 2035 where the text says 到2035年) and the outline's period.
    year: int = 0
    period_start: int = 0
    period_end: int = 0
    # The base as its table gives it (5.3 in 2025), how it counts, 预期性/约束性, 类别 (经济发展).
    base: str = ""
    base_year: int = 0
    accumulation: Accumulation | None = None
    attribute: Attribute | None = None
    category: str = ""


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
    # How the result relates to its number: 控制在5%以内 (at_most), 基本持平 (about), else exact.
    comparator: Comparator = Comparator.EXACT


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
    # A place that is one of China's divisions: its code in the gazetteer (330100), else "".
    code: str = ""


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


def iter_divisions(divisions: tuple[Division, ...]):
    """Each division of a tree (or subtree) in document order, parents before their children."""
    for division in divisions:
        yield division
        yield from iter_divisions(division.children)


def division_clauses(division: Division):
    """A division's clauses in order: heading, introduction, each subdivision's clauses, closing."""
    yield division.heading
    for paragraph in division.intro:
        yield from paragraph.clauses
    for child in division.children:
        yield from division_clauses(child)
    for paragraph in division.closing:
        yield from paragraph.clauses


def page_divisions(document: Document) -> tuple[Division, ...]:
    """The divisions with a page of their own, in document order: parts and chapters, then appendices."""
    paged = tuple(division for division in iter_divisions(document.divisions) if division.level.paged)
    return paged + document.appendices


def page_clauses(division: Division):
    """The clauses on a division's page: its own and those of its subdivisions without a page
    (a part's page holds its title and introduction; each of its chapters has its own page)."""
    yield division.heading
    for paragraph in division.intro:
        yield from paragraph.clauses
    for child in division.children:
        if not child.level.paged:
            yield from division_clauses(child)
    for paragraph in division.closing:
        yield from paragraph.clauses


def chapter_clauses(chapter: Division):
    """The clauses of a chapter's page in order: title, introduction, each section's heading and
    body, closing (a part's page: its title and introduction)."""
    return page_clauses(chapter)


def chapter_sections(chapter: Division) -> tuple[tuple[Clause, ...], ...]:
    """A page's clauses by section, as a reader meets them: the title with the introduction, each
    section on the page (its heading, body and items), then the closing (left out when empty)."""
    parts = [(chapter.title, *(clause for paragraph in chapter.intro for clause in paragraph.clauses))]
    for section in chapter.children:
        if not section.level.paged:
            parts.append(tuple(division_clauses(section)))
    closing = tuple(clause for paragraph in chapter.closing for clause in paragraph.clauses)
    return (*parts, closing) if closing else tuple(parts)


def division_paragraphs(division: Division):
    """A division's paragraphs in order: introduction, each subdivision's, closing (not its heading)."""
    yield from division.intro
    for child in division.children:
        yield from division_paragraphs(child)
    yield from division.closing


def iter_clauses(document: Document):
    """Every clause of the body in document order, headings included, each 专栏 box's after the
    clause it follows, appendices last."""
    yield from _with_boxes(document, text_clauses(document))


def text_clauses(document: Document):
    """The clauses of the text in document order, its 专栏 boxes left out."""
    for paragraph in document.preamble:
        yield from paragraph.clauses
    for division in (*document.divisions, *document.appendices):
        yield from division_clauses(division)


def _with_boxes(document: Document, clauses):
    """Clauses with each box's clauses after the clause it follows (a box before any, first)."""
    if not document.boxes:
        yield from clauses
        return
    following: dict[str, list[Box]] = {}
    for box in document.boxes:
        following.setdefault(box.after, []).append(box)
    for box in following.get("", ()):
        yield from box_clauses(box)
    for clause in clauses:
        yield clause
        for box in following.get(clause.id, ()):
            yield from box_clauses(box)


def text_span(line: Line, start: int, end: int) -> Span:
    """The source span of ``line.text[start:end]``, on the source line where that stretch begins."""
    source_start = line.span.start + start + sum(join.skip for join in line.joins if join.at <= start)
    source_end = line.span.start + end + sum(join.skip for join in line.joins if join.at < end)
    number = line.span.line
    for join in line.joins:
        if join.at <= start:
            number = join.line
    return Span(source_start, source_end, number)


def slice_line(line: Line, start: int, end: int) -> Line:
    """``line.text[start:end]`` as a line of its own, with its exact source span and the joins inside it."""
    span = text_span(line, start, end)
    joins = tuple(Join(join.at - start, join.skip, join.line) for join in line.joins if start < join.at < end)
    return Line(line.text[start:end], span, joins)


def cut_line(line: Line, stretches) -> Line | None:
    """A line without the stretches of its text given as (start, end), in order and apart, and
    without the white space left at either end; None when nothing is left."""
    kept: list[tuple[int, int]] = []
    position = 0
    for start, end in (*stretches, (len(line.text), len(line.text))):
        if start > position:
            kept.append((position, start))
        position = max(position, end)
    pieces = []
    for start, end in kept:
        while start < end and line.text[start].isspace() and not pieces:
            start += 1
        if start < end:
            pieces.append((start, end))
    while pieces:
        start, end = pieces[-1]
        while end > start and line.text[end - 1].isspace():
            end -= 1
        if end > start:
            pieces[-1] = (start, end)
            break
        pieces.pop()
    if not pieces:
        return None
    joined = slice_line(line, *pieces[0])
    for piece in pieces[1:]:
        joined = join_lines(joined, slice_line(line, *piece))
    return joined


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
    # Whether it stands in the document's review of past work (一、2025年工作回顾; extract/results.py,
    # review_clauses), not the year's plans.
    review: bool = False


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """A place a document's places index holds, as the library sees it (the /places/ page)."""

    name: str  # 郑州市
    aliases: tuple[str, ...]  # 郑州
    category: str  # prefecture, river… (data/index_kinds.yml)
    code: str  # the division's code (410100), "" for a place that is no division
    url: str  # site-relative served URL of the entry on the document's places page, with #id
    clauses: int  # how many of the document's clauses name it


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
    # Targets for the year stated outside the statement of main targets (extract/elsewhere.py), one
    # per canonical indicator the statement does not give, in document order.
    elsewhere: tuple["Indicator", ...] = ()
    # The places its places index holds (the library's index of places).
    places: tuple[PlaceRecord, ...] = ()
    # A five-year outline's main targets for its period (extract/outline.py): its main-indicators
    # table's rows, else the targets of its 主要目标 chapter.
    period_targets: tuple["Indicator", ...] = ()
    # How many clauses the document has. While it builds the library's pages, the build keeps only the
    # clauses those pages link to (library.summary.library_view), and this count; left out, len(clauses).
    clause_count: int = -1

    def __post_init__(self):
        if self.clause_count < 0:
            object.__setattr__(self, "clause_count", len(self.clauses))
