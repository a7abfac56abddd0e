"""A small library for the library's tests: the seed and reports of seeds/, one copied with its year
shifted (a year's library of documents again, as the next spring's); the documents of a built
library as its build recorded them (the bench reads them too).

Each document's metadata (region, year, kind) is read from its text by the build, as in `make site`.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from generator import build
from generator.model import DocumentSummary
from generator.publish import cache
from generator.publish.documents import DocumentResult

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "nmg-2026-plan.txt"
YEAR_IN_TEXT = re.compile(r"2026年")


def shifted_copy(original: Path, folder: Path, name: str, shift: int) -> Path:
    """A copy of a document whose year (2026年 throughout the text) is moved by ``shift`` years."""
    path = folder / f"{name}.txt"
    path.write_text(YEAR_IN_TEXT.sub(f"{2026 + shift}年", original.read_text(encoding="utf-8")), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Library:
    """A built library: its folder, its documents as search sees them."""

    folder: Path
    documents: tuple[DocumentSummary, ...]


def built_summaries(site: Path) -> tuple[DocumentSummary, ...]:
    """The documents of a built library as its build recorded them (its cache records: whole
    summaries, where the build's report holds only what the library's pages need), in slug order."""
    records = site / cache.CACHE_FOLDER
    found = (cache.read_record(records, path.stem, DocumentResult) for path in sorted(records.glob("*" + cache.RECORD_SUFFIX)))
    return tuple(sorted((record.summary for record in found if record), key=lambda summary: summary.slug))


def build_library(paths: list[Path], out: Path) -> Library:
    """Build the documents into one site (search index included)."""
    report = build.build(paths, out)
    order = {result.slug: index for index, result in enumerate(report.documents)}
    return Library(out, tuple(sorted(built_summaries(out), key=lambda summary: order[summary.slug])))
