"""The benchmark corpus (tests/bench_corpus.py): distinct documents, the same from the same seed number."""

import re

from generator.read.ingest import ingest
from generator.read.parse import parse_plan

from .bench_corpus import distinct_documents, document_text


def test_the_same_seed_number_gives_the_same_documents_and_another_gives_others(tmp_path):
    first = [path.read_bytes() for path in distinct_documents(tmp_path / "first", 6, seed=3)]
    again = [path.read_bytes() for path in distinct_documents(tmp_path / "again", 6, seed=3)]
    other = [path.read_bytes() for path in distinct_documents(tmp_path / "other", 6, seed=4)]
    assert first == again
    assert not set(first) & set(other)


def test_no_two_documents_share_their_text_or_their_name():
    documents = [document_text(number, seed=0) for number in range(40)]
    assert len({name for name, _ in documents}) == len({text for _, text in documents}) == 40


def test_documents_are_dated_across_the_genres_years_and_read_as_reports():
    years = []
    for number in range(12):
        name, text = document_text(number, seed=0)
        year = int(name[:4])
        years.append(year)
        assert 1953 <= year <= 2030
        document = parse_plan(ingest(text))
        assert document.title.text == f"{year}年政府工作报告"
        assert len(document.chapters) >= 2
        assert re.search(rf"——{year}年\d+月\d+日在", text)
    assert min(years) < 1970 < max(years)
