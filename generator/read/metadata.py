"""Metadata: what the library says of a document (region, year, kind, speaker, date, 文号, source),
read from its text and overridden, key by key, by its seeds YAML.

Each fact comes from the surest place that states it: the title (2026年北京市政府工作报告), the
notice (issuer, 文号, date), a report's front matter (the occasion 在贵州省第十四届人民代表大会…上,
the speaker 省长 李炳军) and the page around it (来源：云南日报, a caption 省长毛伟明作政府工作报告).
A title that names no region (2026年政府工作报告) leaves the region to the occasion, the speaker's
office, the source's name, and at last to the places the text names most: the region whose names and
cities it mentions most often, among the regions of the kind the speaker's office allows (a 省长
speaks for a province, a 市长 for a municipality, a 主席 for an autonomous region).
"""

from collections import Counter
from dataclasses import fields, replace
from functools import cache

from generator import data, patterns
from generator.model import (
    DivisionLevel,
    Document,
    DocumentKind,
    DocumentMeta,
    MetaOverrides,
    Region,
    RegionKind,
    iter_clauses,
)
from generator.read.genre import title_kind

# Which kind of region a speaker's office speaks for.
OFFICE_REGIONS = {
    "省长": RegionKind.PROVINCE,
    "市长": RegionKind.MUNICIPALITY,
    "主席": RegionKind.AUTONOMOUS_REGION,
    "总理": RegionKind.NATION,
}
# The five-year plans' first years: the third began in 1966 (1963–1965 had none), each after it
# five years on (the 15th: 2026–2030).
THIRD_FIVE_YEAR_PLAN, FIVE_YEARS = 1966, 5
# Where the occasion's place stands among the texts that state a region (title, issuer, occasion, office).
OCCASION = 2
# The most-named region must be named this many times more than the next, or the text does not tell.
MARGIN = 1.5


def document_meta(document: Document, overrides: MetaOverrides = MetaOverrides()) -> DocumentMeta:
    """The document's metadata as its text states it, with the seeds YAML's facts in their place."""
    front = document.front
    speaker = _speaker(document)
    source_name = _source_name(document)
    kind = title_kind(document.title, front.heading)
    start, end = _period(document) if kind is DocumentKind.FIVE_YEAR_PLAN else (0, 0)
    meta = DocumentMeta(
        # Stated in the seeds YAML: no need to look through the text for it.
        region=overrides.region if overrides.region is not None else _region(document, source_name, _office(speaker)),
        # A five-year plan is for its first year (its title may name a later one: …和2035年远景目标纲要).
        year=start or _year(document),
        kind=kind,
        period_start=start,
        period_end=end,
        issuer=front.issuer or _speaker_body(speaker),
        speaker=speaker,
        date=front.iso_date,
        document_number=front.document_number.text if front.document_number else "",
        source_name=source_name,
        source_url=next(
            (item.line.text for item in document.debris if patterns.PAGE_URL.match(item.line.text) and not patterns.LOGIN_PROXY.search(item.line.text)), ""
        ),
    )
    stated = {field.name: getattr(overrides, field.name) for field in fields(overrides)}
    return replace(meta, **{name: value for name, value in stated.items() if value is not None})


# --- Kind and year -----------------------------------------------------------------------------


def _period(document: Document) -> tuple[int, int]:
    """The years a five-year plan covers: as its title or opening states them (（2026－2030年）),
    else from its number (第十五个五年, “十五五”: 2026–2030); (0, 0) when it says neither."""
    opening = "".join(clause.text for paragraph in document.preamble[:1] for clause in paragraph.clauses)
    for text in (document.title.text, opening):
        stated = patterns.PERIOD.search(text)
        if stated and int(stated["end"]) - int(stated["start"]) == FIVE_YEARS - 1:
            return int(stated["start"]), int(stated["end"])
    for text in (document.title.text, opening):
        number = patterns.FIVE_YEAR_NUMBER.search(text)
        if number:
            ordinal = patterns.chinese_numeral_to_int(number["ordinal"] or number["short"])
            if ordinal >= 3:
                start = THIRD_FIVE_YEAR_PLAN + FIVE_YEARS * (ordinal - 3)
                return start, start + FIVE_YEARS - 1
    return 0, 0


def _year(document: Document) -> int:
    """The year the document is for: its title's (2026年…), else the year it was delivered or dated."""
    title = patterns.YEAR.search(document.title.text)
    if title:
        return int(title["year"])
    front = document.front
    occasion = patterns.OCCASION.match(front.occasion.text) if front.occasion else None
    if occasion and occasion["year"]:
        return patterns.written_number(occasion["year"])
    return int(front.iso_date[:4]) if front.iso_date else 0


# --- Speaker and source ------------------------------------------------------------------------


def _speaker(document: Document) -> str:
    """Who delivered a report, as printed (runs of spaces made one): 省长 李炳军; from its speaker
    line, else from a caption on the page (省长毛伟明作政府工作报告 → 省长 毛伟明)."""
    if document.front.speaker:
        return patterns.WHITESPACE_RUN.sub(" ", document.front.speaker.text)
    for item in document.debris:
        caption = patterns.SPEAKER_IN_CAPTION.search(item.line.text)
        if caption:
            return f"{caption['office']} {caption['name']}"
    return ""


def _speaker_body(speaker: str) -> str:
    """The government a speaker reports for, where the speaker's line names it: 国务院总理 李强 → 国务院,
    福建省人民政府省长 赵龙 → 福建省人民政府 (not 自治区人民政府, which names no region)."""
    match = patterns.SPEAKER_BODY.match(speaker) if speaker else None
    if not match or (match["body"] != patterns.NATIONAL_GOVERNMENT and not _stated(match["body"])):
        return ""
    return match["body"]


def _office(speaker: str) -> tuple[str, str]:
    """The speaker's office and the place named before it: (北京市, 市长), (自治区, 主席), ("", 省长)."""
    match = patterns.SPEAKER_OFFICE.match(speaker) if speaker else None
    return (match["place"], match["office"]) if match else ("", "")


def _source_name(document: Document) -> str:
    """Where the page says the text comes from: its 来源 label (or the value on the line after a bare
    label), else a news agency's dateline (新华社北京3月12日电), else the site's own name in its
    breadcrumb, banner or copyright line."""
    debris = document.debris
    for index, item in enumerate(debris):
        label = patterns.SOURCE_LABEL.match(item.line.text)
        if not label:
            continue
        if label["name"].strip():
            return label["name"].strip()
        following = debris[index + 1].line if index + 1 < len(debris) else None
        if following and following.span.line == item.line.span.line + 1 and not patterns.HAS_PUNCTUATION.search(following.text):
            return following.text
    for item in debris:
        dateline = patterns.DATELINE.match(item.line.text)
        if dateline:
            return dateline["name"]
    for item in debris:
        site = patterns.SITE_NAME.match(item.line.text)
        if site and (site["name"] or site["owner"]) not in ("首页", "网站首页", "主页"):
            return site["name"] or site["owner"]
    return ""


# --- Region ------------------------------------------------------------------------------------


def _region(document: Document, source_name: str, office: tuple[str, str]) -> str:
    """The region's canonical name: the first one named by the title, the notice's issuer, the
    occasion, the speaker's office or the source; else the one the text names most often."""
    front = document.front
    place, office_name = office
    occasion = patterns.OCCASION_PLACE.search(front.occasion.text) if front.occasion else None
    stated = (
        document.title.text,
        front.issuer,
        occasion["place"] if occasion else "",
        place,
    )
    for index, text in enumerate(stated):
        # The occasion's place is the congress's: the last region it names (在昆明市举行的云南省…).
        name = _stated(text, last=index == OCCASION)
        if name:
            return name
    # The nation's signals: a report to the national congress, by the premier (国务院总理), of the
    # State Council (2024年国务院政府工作报告).
    national = (front.occasion is not None and patterns.NATIONAL_CONGRESS.search(front.occasion.text)) or (
        patterns.NATIONAL_GOVERNMENT in document.title.text
    )
    if national or OFFICE_REGIONS.get(office_name) is RegionKind.NATION:
        nation = next((region for region in data.regions() if region.kind is RegionKind.NATION), None)
        if nation:
            return nation.name
    source = next((region for name, region in _names().items() if source_name.startswith(name)), None)
    if source:
        return source.name
    return _most_named(document, OFFICE_REGIONS.get(office_name))


def _stated(text: str, last: bool = False) -> str:
    """The region a title, issuer, occasion or office names: a provincial-level region by its full
    or short name, or a city or county by its full name (2026年杭州市政府工作报告 → 杭州市) — the first
    named, or a city or county named right after its province (浙江省杭州市), or with ``last`` the
    last named; "" for none."""
    found = [(match, data.region_named(match.group())) for match in _stated_pattern().finditer(text or "")]
    found = [(match, region) for match, region in found if region]
    if not found:
        return ""
    if last:
        return found[-1][1].name
    (match, region), following = found[0], found[1:2]
    if following and following[0][0].start() == match.end() and following[0][1].within == region.name:
        return following[0][1].name
    return region.name


@cache
def _stated_pattern():
    """Any region's full or short name and any prefecture- or county-level division's full name
    that no other division has, longest first (吉林市 before 吉林)."""
    return patterns.any_of((*_names(), *data.named_divisions()))


def _most_named(document: Document, kind: RegionKind | None) -> str:
    """The region whose names and cities the text mentions most often (of the kind given, if any),
    when it clearly leads; "" otherwise."""
    places = _places()
    counts: Counter[str] = Counter()
    pattern = _place_pattern()
    for clause in iter_clauses(document):
        for match in pattern.finditer(clause.text):
            region = places[match.group()]
            if kind is None or region.kind is kind:
                counts[region.name] += 1
    ranked = counts.most_common(2)
    if not ranked:
        return ""
    if len(ranked) == 2 and ranked[0][1] < MARGIN * ranked[1][1]:
        return ""
    return ranked[0][0]


@cache
def _names() -> dict[str, Region]:
    """Each region's full and short names → the region."""
    return {name: region for region in data.regions() for name in (region.name, *region.short)}


@cache
def _places() -> dict[str, Region]:
    """Each region's names and its cities' names → the region (a name two regions share counts for
    neither). A region's cities are the divisions just below it (data/divisions.txt): a province's
    prefecture-level ones, a municipality's districts and counties; each by its name and short name."""
    below: dict[str, list[str]] = {}
    for division in data.divisions():
        if division.parent and data.divisions_by_code()[division.parent].level is DivisionLevel.PROVINCE:
            below.setdefault(division.province, []).extend(name for name in (division.name, division.short) if name)
    owners: dict[str, set[str]] = {}
    for region in data.regions():
        if region.kind is RegionKind.NATION:
            continue  # 全国 in running text speaks of the nation beside a province, not for it
        for name in (region.name, *region.short, *below.get(region.code, ())):
            owners.setdefault(name, set()).add(region.name)
    regions = {region.name: region for region in data.regions()}
    return {name: regions[next(iter(names))] for name, names in owners.items() if len(names) == 1}


@cache
def _place_pattern():
    """Any region's or city's name, longest first."""
    return patterns.any_of(_places())
