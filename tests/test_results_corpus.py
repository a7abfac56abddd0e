"""Last year's results of every report in seeds/ against a reading by hand (tests/annotations/corpus-results.yml):
GDP growth, the surveyed unemployment rate and consumer prices, as each review states them."""

import functools
import unicodedata

import pytest
import yaml

from generator.extract.results import extract_results
from generator.model import DocumentMeta, iter_clauses
from generator.read import metadata
from generator.read.ingest import decode, ingest
from generator.read.parse import parse_plan

from .conftest import ROOT

READING = yaml.safe_load((ROOT / "tests" / "annotations" / "corpus-results.yml").read_text(encoding="utf-8"))
# The reports of the reading that seeds/ holds (the national report joins once it is there).
DOCUMENTS = sorted(name for name in READING if (ROOT / "seeds" / f"{name}.txt").is_file())
KEYS = ("gdp_growth", "unemployment_rate", "cpi_growth")
# Of the results the reading finds, the share the extractor must find right (the checks' floor).
FLOOR = {"gdp_growth": 29 / 31, "unemployment_rate": 0.9, "cpi_growth": 0.9}


@functools.cache
def _read(name: str):
    """The document's clauses by ID and its results, as the build reads them."""
    document = parse_plan(ingest(decode((ROOT / "seeds" / f"{name}.txt").read_bytes())))
    meta: DocumentMeta = metadata.document_meta(document)
    clauses = {clause.id: clause.text for clause in iter_clauses(document)}
    return clauses, {result.key: result for result in extract_results(document, meta.year)}


def _same(value: str, expected: str) -> bool:
    return float(unicodedata.normalize("NFKC", value)) == float(expected)


def test_the_reading_covers_every_provincial_report_in_seeds():
    reports = {path.stem for path in (ROOT / "seeds").glob("2026-*-gov-work-report.txt")}
    assert reports <= set(DOCUMENTS) and len(reports) == 31


@pytest.mark.parametrize("key", KEYS)
def test_results_found_right_against_the_reading(key):
    stated = [name for name in DOCUMENTS if READING[name][key]]
    right = [name for name in stated if key in _read(name)[1] and _same(_read(name)[1][key].value, READING[name][key]["value"])]
    assert len(right) >= FLOOR[key] * len(stated), sorted(set(stated) - set(right))


@pytest.mark.parametrize("key", KEYS)
def test_no_result_where_the_reading_has_none_or_another_value(key):
    wrong = [
        (name, _read(name)[1][key].text)
        for name in DOCUMENTS
        if key in _read(name)[1] and not (READING[name][key] and _same(_read(name)[1][key].value, READING[name][key]["value"]))
    ]
    assert wrong == []


@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_result_stands_in_a_clause_holding_the_words_read(name):
    clauses, found = _read(name)
    for key in KEYS:
        if key in found and READING[name][key]:
            result, words = found[key], READING[name][key]["words"]
            assert clauses[result.clause][result.start : result.end] == result.text
            assert words in clauses[result.clause] and (result.text in words or words in result.text), (result.text, words)
            assert result.year == 2025 if name.startswith("2026-") else result.year == 2024
