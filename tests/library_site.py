"""Libraries of many documents for search tests and the bench: built by the build stage, with the
library's search index written from document summaries carrying each document's metadata.

Until documents' metadata is read from their text (region, year, kind), the library here states
it: the region each source comes from, its year as shifted in a copy, its kind.
"""

import re
import shutil
import time
from dataclasses import dataclass, replace
from pathlib import Path

from generator import build
from generator.model import DocumentKind, DocumentMeta, DocumentSummary
from generator.search import library, summary

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "nmg-2026-plan.txt"
SHARED_CORPUS = ROOT.parent.parent / "shared" / "corpus"
# Where each source document comes from (test data: the generator reads this from the text).
REGIONS = {
    "nmg": "内蒙古自治区", "beijing": "北京市", "tianjin": "天津市", "shanghai": "上海市", "zhejiang": "浙江省",
    "fujian": "福建省", "henan": "河南省", "hunan": "湖南省", "liaoning": "辽宁省", "heilongjiang": "黑龙江省",
    "guizhou": "贵州省", "qinghai": "青海省", "xinjiang": "新疆维吾尔自治区", "ningxia": "宁夏回族自治区",
    "sichuan": "四川省", "yunnan": "云南省",
}  # fmt: skip
YEAR_IN_TEXT = re.compile(r"2026年")


@dataclass(frozen=True)
class Source:
    """A document of the library: its file, and what the library says of it."""

    path: Path
    meta: DocumentMeta


def source(path: Path, year: int = 2026) -> Source:
    """A source document with the metadata its file name tells (region, kind) and its year."""
    region = next((name for key, name in REGIONS.items() if key in path.stem), "")
    kind = DocumentKind.WORK_REPORT if "work-report" in path.stem else DocumentKind.PLAN
    return Source(path, DocumentMeta(region=region, year=year, kind=kind))


def shifted_copy(original: Path, folder: Path, name: str, shift: int) -> Source:
    """A copy of a document whose year (2026年 throughout the text) is moved by ``shift`` years."""
    text = YEAR_IN_TEXT.sub(f"{2026 + shift}年", original.read_text(encoding="utf-8"))
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    found = source(original, 2026 + shift)
    return Source(path, found.meta)


def library_sources(folder: Path, count: int) -> list[Source]:
    """``count`` documents: the seed, the shared corpus's reports, then copies of them with their years shifted."""
    originals = [SEED, *sorted(SHARED_CORPUS.glob("*.txt"))]
    sources = [source(path) for path in originals[:count]]
    for number in range(len(sources), count):
        original = originals[number % len(originals)]
        shift = number // len(originals)
        sources.append(shifted_copy(original, folder, f"{2026 + shift}-copy{number:03d}-{original.stem}", shift))
    return sources


@dataclass(frozen=True)
class Library:
    """A built library: its folder, its documents as search sees them, the seconds its index took."""

    folder: Path
    documents: tuple[DocumentSummary, ...]
    index_seconds: float


def library_documents(sources: list[Source]) -> tuple[DocumentSummary, ...]:
    """The documents as search sees them, read again from their sources (for a library built before)."""
    plans = tuple(build.load_plan(item.path) for item in sources)
    return tuple(replace(document, meta=item.meta) for document, item in zip(summary.search_documents(plans), sources))


def build_library(sources: list[Source], out: Path) -> Library:
    """Build the documents into one site, then write its search index from summaries with their metadata."""
    report = build.build([item.path for item in sources], out)
    documents = tuple(
        replace(document, meta=item.meta) for document, item in zip(summary.search_documents(report.plans), sources)
    )
    start = time.perf_counter()
    files = library.search_files(documents)
    seconds = time.perf_counter() - start
    for folder in ("postings", "text"):
        shutil.rmtree(out / "search" / folder, ignore_errors=True)
    for file in files:
        target = out / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.data)
    return Library(out, documents, seconds)
