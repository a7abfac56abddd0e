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

from generator import build, export, ingest, parse, render, search_terms  # noqa: E402
from generator.cli import _quiet_mkdocs  # noqa: E402
from generator.model import Plan  # noqa: E402

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
    _quiet_mkdocs()
    path = Path(plan_path)
    raw = path.read_bytes()
    timings = {}
    timings["ingest"], source = best_time(lambda: ingest.ingest(ingest.decode(raw)))
    timings["parse"], document = best_time(parse.parse_plan, source)
    plan = Plan(build.load_plan(path).info, document)
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
        index_weight = (len(index), len(gzip.compress(index, mtime=0)))
        chapters = sorted((site / plan.info.slug).glob("*/index.html"), key=lambda p: p.stat().st_size)
        largest = chapters[-1]
        weights = page_weight(site, largest)
        start = time.perf_counter()
        build.build([path], Path(scratch, "dist"), offline=True)
        timings["offline build, all"] = time.perf_counter() - start
        bundle = Path(scratch, "dist", build.offline_zip_name((plan,))).stat().st_size
    generator_total = timings["ingest"] + timings["parse"] + timings["render Markdown"]
    print(f"plan: {path} ({len(raw):,} bytes, {len(document.chapters)} chapters)")
    for stage, seconds in timings.items():
        print(f"  {stage:<16} {seconds * 1000:9.1f} ms")
    print(f"  generator stages = {generator_total / timings['mkdocs']:.1%} of mkdocs' render time")
    print(f"page weight (gzipped) of the largest chapter page, {largest.parent.relative_to(site)}/:")
    for kind, size in weights.items():
        print(f"  {kind:<5} {size / 1024:7.1f} KB")
    print(f"  total {sum(weights.values()) / 1024:7.1f} KB")
    print(f"search index: {index_weight[0] / 1024:.1f} KB, {index_weight[1] / 1024:.1f} KB gzipped ({len(terms)} dictionary terms)")
    print(f"offline bundle: {bundle / 1024:.1f} KB zipped")


if __name__ == "__main__":
    main(*sys.argv[1:])
