"""`make bench`: time each build stage for a plan and weigh its pages and search index (not a test).

Usage: python tests/bench.py PLAN.txt
"""

import gzip
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import build, editorial, identify, idlock, indexes, indicators, ingest, parse, search_terms  # noqa: E402
from generator.cli import _quiet_mkdocs  # noqa: E402
from generator.model import IdLock  # noqa: E402

REPEATS = 3
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
    print(title)
    for kind, size in weights.items():
        print(f"  {kind:<5} {size / 1024:7.1f} KB")
    print(f"  total {sum(weights.values()) / 1024:7.1f} KB")


def main(plan_path: str) -> None:
    _quiet_mkdocs()
    path = Path(plan_path)
    raw = path.read_bytes()
    timings = {}
    timings["ingest"], source = best_time(lambda: ingest.ingest(ingest.decode(raw)))
    timings["parse"], document = best_time(parse.parse_plan, source)
    lock_path = path.with_name(path.stem + ".ids.tsv")
    lock = idlock.parse_lock(lock_path.read_text(encoding="utf-8")) if lock_path.exists() else IdLock()
    timings["identify"], (document, _) = best_time(identify.assign_ids, document, lock)
    _, index_curation = build._read_seed(path, ".index.yml", editorial.index_curation)
    _, indicator_curation = build._read_seed(path, ".indicators.yml", editorial.indicator_curation)
    timings["indexes"], _ = best_time(indexes.extract_index, document, index_curation)
    timings["indicators"], _ = best_time(indicators.extract_indicators, document, indicator_curation)
    plan = build.load_plan(path, lock_path)
    timings["render Markdown"], (files, nav) = best_time(build.generate, (plan,))
    with tempfile.TemporaryDirectory() as scratch:
        docs, site = Path(scratch, "content"), Path(scratch, "site")
        build.write_docs(files, docs)
        start = time.perf_counter()
        build.run_mkdocs(build.DEFAULT_CONFIG, docs, site, nav, 0)
        timings["mkdocs"] = time.perf_counter() - start
        terms = search_terms.search_terms(plan)
        start = time.perf_counter()
        build.write_search_index(site, (plan,), terms, offline=False)
        timings["search index"] = time.perf_counter() - start
        index = (site / "search" / "search_index.json").read_bytes()
        chapters = sorted(
            (page for page in (site / plan.info.slug).glob("*/index.html") if page.parent.name.isdigit()),
            key=lambda page: page.stat().st_size,
        )
        largest = chapters[-1]
        chapter_weights = page_weight(largest)
        glossary_weights = page_weight(site / plan.info.slug / "indicators" / "index.html")
        start = time.perf_counter()
        build.build([path], Path(scratch, "dist"), offline=True)
        timings["offline build, all"] = time.perf_counter() - start
        bundle = Path(scratch, "dist", build.offline_zip_name((plan,))).stat().st_size
    generator_total = sum(timings[stage] for stage in ("ingest", "parse", "identify", "indexes", "indicators", "render Markdown"))
    print(f"plan: {path} ({len(raw):,} bytes, {len(document.chapters)} chapters, {len(files)} files for mkdocs)")
    for stage, seconds in timings.items():
        print(f"  {stage:<20} {seconds * 1000:9.1f} ms")
    print(f"  generator stages = {generator_total / timings['mkdocs']:.1%} of mkdocs' render time")
    print_weight(f"page weight (gzipped) of the largest chapter page, {largest.parent.relative_to(site)}/:", chapter_weights)
    print_weight(f"page weight (gzipped) of the indicator glossary ({len(plan.indicators)} targets):", glossary_weights)
    print(f"search index: {len(index) / 1024:.1f} KB, {gzipped(index) / 1024:.1f} KB gzipped ({len(terms)} dictionary terms)")
    print(f"offline bundle: {bundle / 1024:.1f} KB zipped")


if __name__ == "__main__":
    main(*sys.argv[1:])
