import pytest

from generator.read.ingest import decode

from .golden import DOCUMENTS, golden_path, indicator_listing, indicators_path, outline


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.stem)
def test_outline_matches_the_reviewed_golden_file(document):
    expected = golden_path(document).read_text(encoding="utf-8")
    assert outline(decode(document.read_bytes())) == expected, "run `make golden` and review the diff"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.stem)
def test_targets_match_the_reviewed_golden_file(document):
    expected = indicators_path(document).read_text(encoding="utf-8")
    assert indicator_listing(document) == expected, "run `make golden` and review the diff"
