"""`make bench`: what a build costs and what a reader downloads (not a test; figures for the README).

1. The seed alone: each stage of its build in this process, the weight of its heaviest pages, its
   offline bundle.
2. Libraries of 10, 30 and 100 documents (the seed, the reports of seeds/, then copies with their
   years shifted), each built by the command line in a process of its own: a full build, the same
   command again with nothing changed, and again after one document changed; seconds, seconds per
   document and the peak memory of the build's processes together.
3. Search on the largest library, in Chromium: bytes downloaded per query (a reader's first, then
   later ones with the browser's cache), seconds to the first results, recall and precision
   (tests/search_bench.py).

Usage: python tests/bench.py [--libraries 10,30,100] [--no-search]
"""

import dataclasses
import gzip
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import build, sources  # noqa: E402
from generator.cli import _quiet_mkdocs  # noqa: E402
from generator.extract import indexes, indicators  # noqa: E402
from generator.model import IdLock, SiteSettings  # noqa: E402
from generator.publish import cache, documents  # noqa: E402
from generator.publish.bundle import bundle_name  # noqa: E402
from generator.read import editorial, identify, idlock, ingest, parse  # noqa: E402
from generator.render import export, pages  # noqa: E402
from tests import search_bench  # noqa: E402
from tests.library_site import SEED, library_sources  # noqa: E402

REPEATS = 3
ROOT = Path(__file__).resolve().parent.parent
LIBRARIES = (10, 30, 100)
ASSET = re.compile(r'(?:href|src)="([^"]+\.(?:css|js))"')


def best_time(function, *arguments):
    """The fastest of a few runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = function(*arguments)
        best = min(best, time.perf_counter() - start)
    return best, result


def gzipped(data: bytes) -> int:
    """Bytes after gzip, as a web server would send them."""
    return len(gzip.compress(data, mtime=0))


def page_weight(page: Path) -> dict[str, int]:
    """Gzipped bytes of a page and of the CSS and JS it loads."""
    html = page.read_text(encoding="utf-8")
    weights = {"html": gzipped(html.encode())}
    for kind in ("css", "js"):
        references = [reference for reference in ASSET.findall(html) if reference.endswith("." + kind)]
        weights[kind] = sum(gzipped((page.parent / reference).resolve().read_bytes()) for reference in references)
    return weights


def print_weight(title: str, weights: dict[str, int]) -> None:
    parts = ", ".join(f"{kind} {size / 1024:.1f}" for kind, size in weights.items())
    print(f"  {title}: {sum(weights.values()) / 1024:.1f} KiB gzipped ({parts})")


def seed() -> None:
    """The seed's stages, timed in this process, and its pages' weights."""
    _quiet_mkdocs()
    path = SEED
    raw = path.read_bytes()
    timings = {}
    timings["ingest"], source = best_time(lambda: ingest.ingest(ingest.decode(raw)))
    timings["parse"], document = best_time(parse.parse_plan, source)
    lock_path = sources.lock_path(path)
    lock = idlock.parse_lock(lock_path.read_text(encoding="utf-8")) if lock_path.exists() else IdLock()
    timings["identify"], (document, _) = best_time(identify.assign_ids, document, lock)
    _, index_curation = sources.read_seed(path, ".index.yml", editorial.index_curation)
    _, indicator_curation = sources.read_seed(path, ".indicators.yml", editorial.indicator_curation)
    timings["indexes"], _ = best_time(indexes.extract_index, document, index_curation)
    timings["indicators"], _ = best_time(indicators.extract_indicators, document, indicator_curation)
    plan = sources.load_plan(path, lock_path)
    site_settings = SiteSettings("政府计划文本库", "http://localhost:8000/")
    timings["render Markdown and share pages"], rendered = best_time(pages.render_document, plan, site_settings)
    timings["data files"], _ = best_time(export.export_data, plan)
    with tempfile.TemporaryDirectory() as scratch:
        job = documents.DocumentJob(sources.DocumentSource(path), "bench", Path(scratch, "document"), build.DEFAULT_CONFIG, site_settings)
        documents.build_document(job)  # compiles the theme's templates once, as a worker does
        timings["document, whole (worker)"], _ = best_time(
            lambda: documents.build_document(dataclasses.replace(job, folder=Path(tempfile.mkdtemp(dir=scratch))))
        )
        start = time.perf_counter()
        build.build([path], Path(scratch, "site"), jobs=1)
        timings["command line build, one document"] = time.perf_counter() - start
        site = Path(scratch, "site")
        chapters = sorted((page for page in (site / plan.info.slug).glob("*/index.html") if page.parent.name.isdigit()), key=lambda page: page.stat().st_size)
        start = time.perf_counter()
        build.build([path], Path(scratch, "dist"), offline=True)
        timings["offline bundle"] = time.perf_counter() - start
        bundle = Path(scratch, "dist", bundle_name(plan.info.slug)).stat().st_size
        print(f"seed: {path.name} ({len(raw):,} bytes, {len(document.chapters)} chapters, {len(rendered.pages)} Markdown pages, {len(rendered.share_pages)} share pages)")
        for stage, seconds in timings.items():
            print(f"  {stage:<34} {seconds * 1000:9.1f} ms")
        print_weight(f"largest chapter page, {chapters[-1].parent.relative_to(site)}/, with its CSS and JS", page_weight(chapters[-1]))
        print_weight("indicator glossary with its CSS and JS", page_weight(site / plan.info.slug / "indicators" / "index.html"))
        print_weight("library home with its CSS and JS", page_weight(site / "index.html"))
        print(f"  offline bundle: {bundle / 1024:.1f} KiB zipped")


def measured_build(arguments: list[str]) -> tuple[float, int]:
    """Seconds and peak memory (bytes, all the build's processes together) of a command-line build."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "generator", "build", *arguments], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_memory(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, error = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode:
        raise SystemExit(f"build failed: {error.decode(errors='replace').strip()}")
    return seconds, peak[0]


def _tree_memory(pid: int) -> int:
    """Resident bytes of a process and all its descendants, now."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as file:
                    parent = int(file.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, ()))
        try:
            with open(f"/proc/{current}/status", encoding="utf-8") as file:
                total += next(int(line.split()[1]) * 1024 for line in file if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            continue
    return total


def summaries(site: Path):
    """The documents of a built library as the build recorded them (its cache records)."""
    records = site / cache.CACHE_FOLDER
    found = (cache.read_record(records, path.stem, documents.DocumentResult) for path in sorted(records.glob("*" + cache.RECORD_SUFFIX)))
    return tuple(sorted((record.summary for record in found if record), key=lambda summary: summary.slug))


def libraries(counts: tuple[int, ...], search: bool) -> None:
    """Libraries of ``counts`` documents: full build, nothing changed, one document changed; then search on the largest."""
    print(f"libraries (command line, {os.cpu_count()} cores; copies of the seed and the reports of seeds/ with their years shifted):")
    print(f"  {'docs':>5} {'full s':>7} {'s/doc':>6} {'peak MB':>8} {'again s':>8} {'one changed s':>14} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for count in counts:
            paths = library_sources(folder / f"sources-{count}", count)
            site = folder / f"site-{count}"
            arguments = [*map(str, paths), "--out", str(site)]
            full, peak = measured_build(arguments)
            again, _ = measured_build(arguments)
            changed = paths[count // 2]
            changed.with_name(changed.stem + ".yml").write_text("source:\n  name: 基准测试\n", encoding="utf-8")
            one, _ = measured_build(arguments)
            print(f"  {count:>5} {full:>7.1f} {full / count:>6.2f} {peak / 2**20:>8.0f} {again:>8.1f} {one:>14.1f} {one / full:>6.2f}")
        if search:
            largest = max(counts)
            print(f"search, on the library of {largest} documents:")
            search_bench.measure_search(folder / f"site-{largest}", summaries(folder / f"site-{largest}"))


if __name__ == "__main__":
    arguments = sys.argv[1:]
    counts = tuple(int(count) for count in arguments[arguments.index("--libraries") + 1].split(",")) if "--libraries" in arguments else LIBRARIES
    seed()
    libraries(counts, "--no-search" not in arguments)
