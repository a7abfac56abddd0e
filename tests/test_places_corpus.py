"""The places index on every provincial report of seeds/ (the 31 of 2026) and the seed plan, against
an independent reading of the prefectures each names (tests/place_reading.py)."""

from functools import cache

import pytest

from generator import data
from generator.extract import indexes
from generator.extract.indexes.labels import category_label, index_intro
from generator.read import metadata
from generator.read.ingest import decode, ingest
from generator.read.parse import parse_plan

from . import place_reading
from .conftest import ROOT
from .test_places import NEVER_PLACES

REPORTS = sorted((ROOT / "seeds").glob("2026-*-gov-work-report.txt"))
DOCUMENTS = [*REPORTS, ROOT / "seeds" / "nmg-2026-plan.txt"]
# The share of the prefecture-level divisions of its own province a report names that its places
# index must hold, under a name or another name.
RECALL = 0.95
# Inner Mongolia's own words for its levels, which no other region's pages may use.
INNER_MONGOLIA_TERMS = ("盟市", "旗县")


@cache
def _read(path):
    document = parse_plan(ingest(decode(path.read_bytes())))
    meta = metadata.document_meta(document)
    return document, meta, indexes.extract_index(document, region=meta.region)


def _region(name: str):
    return next(region for region in data.regions() if region.name == name)


def test_every_provincial_report_is_there():
    assert len(REPORTS) == 31 and len({_read(path)[1].region for path in REPORTS}) == 31


@pytest.mark.parametrize("path", REPORTS, ids=lambda path: path.stem)
def test_the_prefectures_a_report_names_are_in_its_places_index(path):
    document, meta, index = _read(path)
    named = place_reading.prefectures_named(document, _region(meta.region).code)
    forms = {form for entry in index.places for form in (entry.name, *entry.aliases)}
    missed = sorted(name for name in named if name not in forms)
    assert not named or 1 - len(missed) / len(named) >= RECALL, missed


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
def test_entries_filed_as_divisions_are_divisions_of_that_level(path):
    _, _, index = _read(path)
    levels = {"province", "prefecture", "county"}
    by_code = data.divisions_by_code()
    by_name: dict[str, set[str]] = {}
    for division in data.divisions():
        by_name.setdefault(division.name, set()).add(division.level.value)
    for entry in index.places:
        if entry.category not in levels:
            continue
        if entry.code:
            assert by_code[entry.code].level.value == entry.category and by_code[entry.code].name == entry.name, entry
        else:
            assert entry.category in by_name.get(entry.name, ()), entry


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
def test_no_slogan_or_ordinary_word_is_a_place(path):
    _, _, index = _read(path)
    forms = {form for entry in index.places for form in (entry.name, *entry.aliases)}
    assert not forms & set(NEVER_PLACES)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.stem)
def test_only_inner_mongolia_s_pages_speak_of_its_leagues_and_banners(path):
    _, meta, index = _read(path)
    categories = tuple(dict.fromkeys(entry.category for entry in index.places))
    wording = index_intro("places", meta.kind, meta.region, categories) + "".join(
        category_label("places", category, meta.region) for category in categories
    )
    used = [term for term in INNER_MONGOLIA_TERMS if term in wording]
    assert used == ([*INNER_MONGOLIA_TERMS] if meta.region == "内蒙古自治区" else []), (meta.region, wording)
