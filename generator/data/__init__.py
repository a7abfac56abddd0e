"""Genre knowledge kept as data beside this module: China's divisions (the Ministry of Civil Affairs'
code list), other places, regions, the indicator vocabulary, the kinds of index and of document.

These are facts of the genre, not of one document (those live in seeds/), read once per process,
like jieba's dictionary: the files ship with the generator and never change during a build.
"""

from collections import Counter
from functools import cache
from pathlib import Path

import yaml

from generator.data.divisions import read_divisions
from generator.model import (
    AdminDivision,
    DivisionKind,
    DivisionKindInfo,
    DivisionLevel,
    DocumentKind,
    DocumentKindInfo,
    Genre,
    GenreLevel,
    HeadingShape,
    IndexKind,
    IndicatorTerm,
    Level,
    Measure,
    PlaceVocabulary,
    Region,
    RegionKind,
)

FOLDER = Path(__file__).resolve().parent
REGIONS = FOLDER / "regions.yml"
INDICATORS = FOLDER / "indicators.yml"
INDEX_KINDS = FOLDER / "index_kinds.yml"
DIVISIONS = FOLDER / "divisions.txt"
DIVISION_KINDS = FOLDER / "division_kinds.yml"
PLACES = FOLDER / "places.yml"
DOCUMENT_KINDS = FOLDER / "document_kinds.yml"
BOX_CATEGORIES = FOLDER / "box_categories.yml"
GENRES = FOLDER / "genres.yml"
# The genre of a document whose kind no genre names.
DEFAULT_GENRE = "report"
# libyaml's parser where PyYAML has it (four times quicker; the same values), else PyYAML's own.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def regions() -> tuple[Region, ...]:
    """The regions the library knows, in the order of regions.yml: each provincial-level region
    (its kind, code and short name from its division), and any region that is no division."""
    entries = yaml.load(REGIONS.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    provinces = {division.name: division for division in divisions() if division.level is DivisionLevel.PROVINCE}
    kinds = division_kinds()
    found = []
    for entry in entries:
        division = provinces.get(entry["name"])
        kind = RegionKind(entry["kind"]) if "kind" in entry else kinds[division.kind].region
        short = entry["short"] if "short" in entry else ([division.short] if division and division.short else [])
        found.append(
            Region(
                name=entry["name"],
                short=tuple(short),
                abbreviation=entry.get("abbreviation", ""),
                slug=entry["slug"],
                kind=kind,
                code=division.code if division else "",
                terms=tuple((DivisionLevel(level), str(term)) for level, term in entry.get("terms", {}).items()),
            )
        )
    return tuple(found)


@cache
def region_named(name: str) -> Region | None:
    """The region a name stands for: the nation or a provincial-level region by its full or short
    name (内蒙古 → 内蒙古自治区), else a prefecture- or county-level division by its full name when
    no other division has it (杭州市, 凉山彝族自治州, 余杭区; not 朝阳区, which two cities have)."""
    known = next((region for region in regions() if name in (region.name, *region.short)), None)
    return known or _division_regions().get(name)


def regions_of(names) -> tuple[Region, ...]:
    """The regions of regions.yml in its order, each followed by the cities and counties among
    ``names`` (region names, as documents' metadata give them) that lie in it, in code order."""
    below: dict[str, list[Region]] = {}
    for name in sorted(set(names)):
        region = region_named(name) if name else None
        if region is not None and region.within and region.name == name:
            below.setdefault(region.within, []).append(region)
    return tuple(found for region in regions() for found in (region, *sorted(below.get(region.name, ()), key=lambda city: city.code)))


@cache
def named_divisions() -> dict[str, AdminDivision]:
    """Each prefecture- and county-level division by its full name, where no other division has it
    (杭州市, 余杭区; not 朝阳区): the names that tell which city or county a document is about."""
    counts = Counter(division.name for division in divisions())
    return {division.name: division for division in divisions() if division.level is not DivisionLevel.PROVINCE and counts[division.name] == 1}


@cache
def _division_regions() -> dict[str, Region]:
    """Each prefecture- and county-level division a document may be about, by its full name (names
    two divisions share left out), as a region: its short name, its kind, a slug of its short
    name's pinyin and its code (hangzhou-330100), the provincial-level region it lies in."""
    from pypinyin import lazy_pinyin  # its dictionaries (55 MB) only for a library that needs them

    provinces = {region.code: region.name for region in regions() if region.code}
    levels = {DivisionLevel.PREFECTURE: RegionKind.PREFECTURE, DivisionLevel.COUNTY: RegionKind.COUNTY}
    found = {}
    for division in named_divisions().values():
        if division.province in provinces:
            syllables = "".join(lazy_pinyin(division.short or division.name)).lower()
            slug = "-".join(part for part in ("".join(char for char in syllables if char.isascii() and char.isalnum()), division.code) if part)
            short = (division.short,) if division.short else ()
            found[division.name] = Region(division.name, short, "", slug, levels[division.level], division.code, within=provinces[division.province])
    return found


@cache
def divisions() -> tuple[AdminDivision, ...]:
    """China's provinces, prefecture-level and county-level divisions, in code order (divisions.txt)."""
    return read_divisions(DIVISIONS.read_text(encoding="utf-8"), division_kinds(), place_vocabulary().ethnic_groups)


@cache
def divisions_by_code() -> dict[str, AdminDivision]:
    """Each division by its code."""
    return {division.code: division for division in divisions()}


@cache
def division_kinds() -> dict[DivisionKind, DivisionKindInfo]:
    """Every kind of division, with its name, level, suffixes and wording (division_kinds.yml)."""
    entries = yaml.load(DIVISION_KINDS.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    return {
        DivisionKind(key): DivisionKindInfo(
            kind=DivisionKind(key),
            name=entry["name"],
            level=DivisionLevel(entry["level"]),
            suffixes=tuple(entry["suffix"]) if isinstance(entry["suffix"], list) else (entry["suffix"],),
            written=entry.get("written", ""),
            term=entry.get("term", ""),
            region=RegionKind(entry["region"]) if "region" in entry else None,
            names=tuple(entry.get("names", ())),
        )
        for key, entry in entries.items()
    }


@cache
def place_vocabulary() -> PlaceVocabulary:
    """Places that are no division, by category, and the ethnic groups division names carry (places.yml)."""
    entries = yaml.load(PLACES.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    groups, nation, ordinary = (tuple(str(name) for name in entries.pop(key)) for key in ("ethnic_group", "nation", "ordinary_word"))
    lists = tuple((category, tuple(str(name) for name in names)) for category, names in entries.items())
    return PlaceVocabulary(lists, groups, nation, ordinary)


@cache
def indicator_terms() -> tuple[IndicatorTerm, ...]:
    """The canonical indicators and their name variants, in the order of indicators.yml."""
    entries = yaml.load(INDICATORS.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    return tuple(
        IndicatorTerm(
            key=key,
            name=entry["name"],
            english=entry["english"],
            units=tuple(str(unit) for unit in entry["units"]),
            variants=tuple(str(variant) for variant in entry["variants"]),
            measure=Measure(entry.get("measure", Measure.GROWTH.value if entry["units"] == ["%"] else Measure.QUANTITY.value)),
            statement_variants=tuple(str(variant) for variant in entry.get("statement_variants", ())),
            unit=str(entry.get("unit", "")),
            conversions=tuple((str(unit), str(factor)) for unit, factor in (entry.get("conversions") or {}).items()),
            national_name=str(entry.get("national_name", "")),
        )
        for key, entry in entries.items()
    )


@cache
def index_kinds() -> dict[str, IndexKind]:
    """The indexes of a document (projects, places, documents), in order, each defined once (index_kinds.yml)."""
    entries = yaml.load(INDEX_KINDS.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    return {name: _index_kind(name, entry) for name, entry in entries.items()}


def _index_kind(name: str, entry: dict) -> IndexKind:
    """One index's entry of index_kinds.yml as an IndexKind (its categories and renamed keys as pairs)."""
    fields = [entry[key] for key in ("link", "page", "title", "card", "intro", "data", "field")]
    pairs = [tuple((str(key), str(value)) for key, value in entry.get(table, {}).items()) for table in ("categories", "renamed")]
    return IndexKind(name, *fields, entry["by"] == "category", *pairs)


@cache
def document_kinds() -> dict[DocumentKind, DocumentKindInfo]:
    """Every kind of document, in the order the library lists them, with its names."""
    entries = yaml.load(DOCUMENT_KINDS.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    return {DocumentKind(key): DocumentKindInfo(DocumentKind(key), entry["name"], entry["noun"]) for key, entry in entries.items()}


@cache
def box_categories() -> dict[str, tuple[str, ...]]:
    """Project categories by the words of a 专栏 box's title that name them, in the order they are tried."""
    entries = yaml.load(BOX_CATEGORIES.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    return {str(category): tuple(str(word) for word in words) for category, words in entries.items()}


def kind_name(kind: DocumentKind) -> str:
    """How the site names a kind of document: 政府工作报告."""
    return document_kinds()[kind].name


@cache
def genres() -> dict[str, Genre]:
    """Each genre's heading levels, outermost first (genres.yml)."""
    entries = yaml.load(GENRES.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    return {
        name: Genre(
            name=name,
            kinds=tuple(DocumentKind(kind).value for kind in entry["kinds"]),
            levels=tuple(
                GenreLevel(
                    Level(level["level"]),
                    tuple(HeadingShape(str(shape["shape"]), str(shape["cite"]), str(shape["noun"])) for shape in level["headings"]),
                    level.get("numbering") == "document",
                )
                for level in entry["levels"]
            ),
        )
        for name, entry in entries.items()
    }


def genre_of(kind: DocumentKind) -> Genre:
    """The genre a kind of document is read as (the default genre where none names it)."""
    return next((genre for genre in genres().values() if kind.value in genre.kinds), genres()[DEFAULT_GENRE])
