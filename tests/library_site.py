"""Libraries of many documents for search tests and the bench: the seed, the reports of seeds/, and
copies of them with their years shifted (a year's library of documents again, as the next spring's).

Each document's metadata (region, year, kind) is read from its text by the build, as in `make site`.
"""

import re
import time
from dataclasses import dataclass
from pathlib import Path

from generator import build, sources
from generator.library.summary import document_summary
from generator.model import DocumentSummary
from generator.publish import cache
from generator.publish.documents import DocumentResult
from generator.search import library

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "nmg-2026-plan.txt"
REPORTS = tuple(sorted((ROOT / "seeds").glob("2026-*-gov-work-report.txt")))
YEAR_IN_TEXT = re.compile(r"2026年")


def shifted_copy(original: Path, folder: Path, name: str, shift: int) -> Path:
    """A copy of a document whose year (2026年 throughout the text) is moved by ``shift`` years."""
    path = folder / f"{name}.txt"
    path.write_text(YEAR_IN_TEXT.sub(f"{2026 + shift}年", original.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def library_sources(folder: Path, count: int) -> list[Path]:
    """``count`` documents: the seed, the reports of seeds/, then copies of them with their years shifted."""
    originals = [SEED, *REPORTS]
    found = originals[:count]
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(len(found), count):
        original = originals[number % len(originals)]
        shift = -(number // len(originals))
        found.append(shifted_copy(original, folder, f"{2026 + shift}-copy{number:03d}-{original.stem}", shift))
    return found


@dataclass(frozen=True)
class Library:
    """A built library: its folder, its documents as search sees them, the seconds its index took."""

    folder: Path
    documents: tuple[DocumentSummary, ...]
    index_seconds: float


def library_documents(paths: list[Path]) -> tuple[DocumentSummary, ...]:
    """The documents as the library sees them, read again from their sources (for a library built before)."""
    return tuple(document_summary(sources.load_plan(path)) for path in paths)


def built_summaries(site: Path) -> tuple[DocumentSummary, ...]:
    """The documents of a built library as its build recorded them (its cache records: whole
    summaries, where the build's report holds only what the library's pages need), in slug order."""
    records = site / cache.CACHE_FOLDER
    found = (cache.read_record(records, path.stem, DocumentResult) for path in sorted(records.glob("*" + cache.RECORD_SUFFIX)))
    return tuple(sorted((record.summary for record in found if record), key=lambda summary: summary.slug))


def build_library(paths: list[Path], out: Path) -> Library:
    """Build the documents into one site (search index included) and time the index made at once."""
    report = build.build(paths, out)
    order = {result.slug: index for index, result in enumerate(report.documents)}
    documents = tuple(sorted(built_summaries(out), key=lambda summary: order[summary.slug]))
    start = time.perf_counter()
    for _ in library.search_files(documents):
        pass
    return Library(out, documents, time.perf_counter() - start)
