"""`make bench`: time each build stage for a plan and weigh a chapter page (not a test).

Usage: python tests/bench.py PLAN.txt
"""

import gzip
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import build, editorial, identify, idlock, indexes, indicators, ingest, parse  # noqa: E402
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


def page_weight(site: Path, page: Path) -> dict[str, int]:
    """Gzipped bytes of a page and of the CSS and JS it loads."""
    html = page.read_text(encoding="utf-8")
    weights = {"html": len(gzip.compress(html.encode(), mtime=0))}
    for kind in ("css", "js"):
        total = 0
        for reference in ASSET.findall(html):
            if reference.endswith("." + kind):
                total += len(gzip.compress((page.parent / reference).resolve().read_bytes(), mtime=0))
        weights[kind] = total
    return weights


def main(plan_path: str) -> None:
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
        chapters = sorted(
            (page for page in (site / plan.info.slug).glob("*/index.html") if page.parent.name.isdigit()),
            key=lambda p: p.stat().st_size,
        )
        largest = chapters[-1]
        weights = page_weight(site, largest)
        glossary_weights = page_weight(site, site / plan.info.slug / "indicators" / "index.html")
    generator_total = sum(seconds for stage, seconds in timings.items() if stage != "mkdocs")
    print(f"plan: {path} ({len(raw):,} bytes, {len(document.chapters)} chapters, {len(files)} files for mkdocs)")
    for stage, seconds in timings.items():
        print(f"  {stage:<16} {seconds * 1000:9.1f} ms")
    print(f"  generator stages = {generator_total / timings['mkdocs']:.1%} of mkdocs' render time")
    print(f"page weight (gzipped) of the largest chapter page, {largest.parent.relative_to(site)}/:")
    for kind, size in weights.items():
        print(f"  {kind:<5} {size / 1024:7.1f} KB")
    print(f"  total {sum(weights.values()) / 1024:7.1f} KB")
    print(f"page weight (gzipped) of the indicator glossary ({len(plan.indicators)} targets), {plan.info.slug}/indicators/:")
    for kind, size in glossary_weights.items():
        print(f"  {kind:<5} {size / 1024:7.1f} KB")
    print(f"  total {sum(glossary_weights.values()) / 1024:7.1f} KB")


if __name__ == "__main__":
    main(*sys.argv[1:])
