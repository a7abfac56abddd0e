"""Genre knowledge kept as YAML beside this module: region names, the indicator vocabulary, index categories.

These are facts of the genre, not of one document (those live in seeds/), read once per process,
like jieba's dictionary: the files ship with the generator and never change during a build.
"""

from functools import cache
from pathlib import Path

import yaml

from generator.model import (
    DocumentKind,
    DocumentKindInfo,
    Genre,
    GenreLevel,
    HeadingShape,
    IndicatorTerm,
    Level,
    Region,
    RegionKind,
)

FOLDER = Path(__file__).resolve().parent
REGIONS = FOLDER / "regions.yml"
INDICATORS = FOLDER / "indicators.yml"
INDEX_CATEGORIES = FOLDER / "index_categories.yml"
DOCUMENT_KINDS = FOLDER / "document_kinds.yml"
BOX_CATEGORIES = FOLDER / "box_categories.yml"
GENRES = FOLDER / "genres.yml"
# The genre of a document whose kind no genre names.
DEFAULT_GENRE = "report"
# libyaml's parser where PyYAML has it (four times quicker; the same values), else PyYAML's own.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def regions() -> tuple[Region, ...]:
    """The 31 provincial-level regions, in the order of regions.yml."""
    entries = yaml.load(REGIONS.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    return tuple(
        Region(
            name=entry["name"],
            short=tuple(entry.get("short", ())),
            abbreviation=entry.get("abbreviation", ""),
            slug=entry["slug"],
            kind=RegionKind(entry["kind"]),
            cities=tuple(entry.get("cities", ())),
        )
        for entry in entries
    )


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
            statement_variants=tuple(str(variant) for variant in entry.get("statement_variants", ())),
        )
        for key, entry in entries.items()
    )


@cache
def index_categories() -> dict[str, dict[str, str]]:
    """Each index's categories (projects, places, documents): key → the label readers see, in order."""
    entries = yaml.load(INDEX_CATEGORIES.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    return {index: {str(key): str(label) for key, label in labels.items()} for index, labels in entries.items()}


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
