"""One query set through the Python writer (generator/search/library.py) and the search page's own
reader (theme/assets/search.js, run in Node by tests/search_parity.js): the same clauses, in the
same order, as a scan of the documents' texts finds, with every filter the page offers.

Node.js runs the reader (the fast tier: no browser). Without Node the test is skipped, saying so,
except under CI, where it must run.
"""

import json
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from generator.library.summary import document_summary
from generator.model import (
    ClauseKind,
    ClauseRecord,
    DocumentKind,
    DocumentMeta,
    DocumentSummary,
    Plan,
)
from generator.read import editorial, ingest, metadata, parse
from generator.search import library

from .conftest import ROOT, SEED
from .search_reading import Reader
from .test_search_browser import QUERIES

NODE = shutil.which("node")
PARITY = ROOT / "tests" / "search_parity.js"
REPORTS = [ROOT / "seeds" / f"2026-{name}-gov-work-report.txt" for name in ("ningxia", "henan")]
# Queries of every kind: the offline query set, common words across documents, several words,
# full-width and mixed forms, zero-width characters, words of one character, and none found.
EXTRA = ["发展", "高质量发展", "推动", "新质生产力", "人工智能+", "以旧换新", "城中村改造", "低空经济", "营商环境 民营",
         "发展 改革 创新", "ＧＤＰ", "5g", "经", "的", "三\u200b北", "量子引力", "乌兰牧骑 不存在的词"]


def fold(text: str) -> str:
    return "".join("" if char in library.ZERO_WIDTH else unicodedata.normalize("NFKC", char).lower() for char in text)


def summary_of(path: Path, year: int | None = None) -> DocumentSummary:
    """A document's summary as the build makes it (its metadata read from its text), its year moved if asked."""
    text = path.read_text(encoding="utf-8")
    if year is not None:
        text = text.replace("2026年", f"{year}年").replace("2025年", f"{year - 1}年")
    document = parse.parse_plan(ingest.ingest(text))
    info, overrides = editorial.plan_seed(None, path.stem if year is None else f"{year}-{path.stem[5:]}")
    return document_summary(Plan(info, document, meta=metadata.document_meta(document, overrides)))


def synthetic(slug: str, year: int, region: str, texts: list[str]) -> DocumentSummary:
    clauses = tuple(
        ClauseRecord(f"1-0-{number}", ClauseKind.SENTENCE, f"第一部分第{number}句", text, f"{slug}/1/#1-0-{number}", review=number % 3 == 0)
        for number, text in enumerate(texts, 1)
    )
    return DocumentSummary(slug, f"{year}年计划", f"{slug}/", DocumentMeta(region=region, year=year, kind=DocumentKind.PLAN), clauses)


@pytest.fixture(scope="module")
def documents() -> tuple[DocumentSummary, ...]:
    real = [summary_of(SEED), summary_of(REPORTS[0]), summary_of(REPORTS[0], 2025), summary_of(REPORTS[1], 1958)]
    made = [synthetic(f"made-{number}", 2000 + number % 3, ("北京市", "河南省", "")[number % 3],
                      [f"推动ＰＰＰ项目{number}号。", "发展经济。" * (number % 4 + 1), "三北工程和5G基站。", "的"]) for number in range(24)]
    return (*real, *made)


@pytest.fixture(scope="module")
def index_folder(documents, tmp_path_factory) -> Path:
    """The index, with chunks and inline postings far smaller than the site's, so that a few
    documents exercise what a large library does: many chunks per token, heads of many shards."""
    folder = tmp_path_factory.mktemp("index")
    patch = pytest.MonkeyPatch()
    patch.setattr(library, "CHUNK_BYTES", 96)
    patch.setattr(library, "INLINE_BYTES", 24)
    patch.setattr(library, "HEAD_BYTES", 512)
    try:
        for file in library.search_files(documents):
            target = folder / file.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.data)
    finally:
        patch.undo()
    return folder


def expected(documents, query: str, keep=lambda document: True, part: str = "") -> list[tuple[str, int]]:
    """(slug, clause index) of every clause holding every word of the query, newest documents first."""
    words = fold(query).split()
    return [
        (document.slug, number)
        for document in library.newest_first(documents)
        if keep(document)
        for number, clause in enumerate(document.clauses)
        if all(word in fold(clause.text) for word in words) and (not part or clause.review == (part == "review"))
    ]


def answers(folder: Path, requests: list[dict]) -> list[dict]:
    if not NODE:
        if os.environ.get("CI"):
            pytest.fail("Node.js is missing: the search page's reader cannot be checked against the writer")
        pytest.skip("Node.js is not installed: search.js's reader is not run (apt-get install nodejs)")
    done = subprocess.run([NODE, str(PARITY), str(folder)], input=json.dumps(requests), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


QUERY_SET = list(dict.fromkeys([*QUERIES, *EXTRA]))


def test_every_query_finds_the_same_clauses_in_the_same_order(documents, index_folder):
    found = answers(index_folder, [{"query": query, "all": True} for query in QUERY_SET])
    python = Reader({path.relative_to(index_folder).as_posix(): path.read_bytes() for path in index_folder.rglob("*.bin")})
    slugs = python.slugs()
    assert sum(len(answer["results"]) for answer in found) > 1000
    for query, answer in zip(QUERY_SET, found):
        truth = expected(documents, query)
        assert [tuple(result) for result in answer["results"]] == truth, query
        assert [(slugs[document], clause) for document, clause in python.search(query)] == truth, query
        assert answer["total"] == len(truth) and answer["exhausted"]


def test_a_first_page_is_the_newest_twenty_and_its_count_exact_or_at_least(documents, index_folder):
    found = answers(index_folder, [{"query": query} for query in QUERY_SET])
    for query, answer in zip(QUERY_SET, found):
        truth = expected(documents, query)
        results = [tuple(result) for result in answer["results"]]
        assert results == truth[: len(results)], query
        assert len(results) >= min(20, len(truth)) or not answer["exhausted"], query
        assert answer["total"] in (None, len(truth)), query
        if answer["total"] is None:
            assert not answer["exhausted"]
        # A page reads at most PAGE_CHUNKS chunks, besides heads, catalogue, documents and texts.
        assert answer["files"] <= 64 + len(query) + 3 + 2 * 20, query
        shown = answer["page"]
        assert len(shown) == min(20, len(truth))
        for (slug, number), (label, text, url, review) in zip(truth, shown):
            document = next(document for document in documents if document.slug == slug)
            clause = document.clauses[number]
            assert [label, text, url, review] == [clause.label, clause.text, clause.url, clause.review]
    counted = dict(zip(QUERY_SET, found))
    assert counted["发展"]["total"] == len(expected(documents, "发展")), "one token: its head counts its clauses"


def test_filters_keep_a_document_a_region_a_year_a_kind_and_plans_or_review(documents, index_folder):
    seed = summary_of(SEED)
    requests = [
        ({"doc": seed.slug}, lambda document: document.slug == seed.slug, ""),
        ({"region": "河南省"}, lambda document: document.meta.region == "河南省", ""),
        ({"year": 2025}, lambda document: document.meta.year == 2025, ""),
        ({"year": 1958}, lambda document: document.meta.year == 1958, ""),
        ({"kind": "work_report"}, lambda document: document.meta.kind is DocumentKind.WORK_REPORT, ""),
        ({"region": "北京市", "year": 2001}, lambda document: document.meta.region == "北京市" and document.meta.year == 2001, ""),
        ({"part": "review"}, lambda document: True, "review"),
        ({"part": "plan", "region": "宁夏回族自治区"}, lambda document: document.meta.region == "宁夏回族自治区", "plan"),
    ]
    queries = ["发展", "营商环境", "推动 经济", "三北"]
    asked = [{"query": query, "all": True, **request} for request, _, _ in requests for query in queries]
    found = iter(answers(index_folder, asked))
    for request, keep, part in requests:
        for query in queries:
            truth = expected(documents, query, keep, part)
            assert [tuple(result) for result in next(found)["results"]] == truth, (request, query)
    assert expected(documents, "发展", requests[6][1], "review") and expected(documents, "发展", requests[7][1], "plan")


def test_a_word_found_nowhere_finds_nothing_and_says_so_exactly(index_folder):
    for answer in answers(index_folder, [{"query": "量子引力"}, {"query": "乌兰牧骑 量子引力", "all": True}]):
        assert (answer["results"], answer["total"], answer["exhausted"]) == ([], 0, True)
