"""`make bench`: time each build stage for a plan, weigh its pages and search index, and build
sites of many plans to show how the cost grows (not a test).

Usage: python tests/bench.py PLAN.txt [--scale N] [--search N]

--search N also builds a library of N documents and measures its search (tests/search_bench.py).
"""

import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import build
from generator.cli import _quiet_mkdocs  # noqa: E402
from generator.extract import indexes, indicators
from generator.model import IdLock  # noqa: E402
from generator.read import editorial, identify, idlock, ingest, parse
from generator.search import library, summary  # noqa: E402
from generator.search import terms as terms_module  # noqa: E402

REPEATS = 3
ROOT = Path(__file__).resolve().parent.parent
# The documents a scale run repeats: the seed and the other plans of the genre.
SCALE_SOURCES = [ROOT / "seeds" / "nmg-2026-plan.txt", *sorted(path for path in (ROOT / "seeds").glob("2026-*.txt"))]
SCALE_STEPS = (1, 5, 10, 20, 30)
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
    _, index_curation = build.read_seed(path, ".index.yml", editorial.index_curation)
    _, indicator_curation = build.read_seed(path, ".indicators.yml", editorial.indicator_curation)
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
        terms = terms_module.search_terms(plan)
        start = time.perf_counter()
        index_files = library.search_files(summary.search_documents((plan,)))
        timings["search index"] = time.perf_counter() - start
        start = time.perf_counter()
        build.strip_dead_weight(site)
        timings["finish (slim, minify)"] = time.perf_counter() - start
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
        bundle = Path(scratch, "dist", build.offline_zip_name(plan)).stat().st_size
    generator_total = sum(timings[stage] for stage in ("ingest", "parse", "identify", "indexes", "indicators", "render Markdown"))
    print(f"plan: {path} ({len(raw):,} bytes, {len(document.chapters)} chapters, {len(files)} files for mkdocs)")
    for stage, seconds in timings.items():
        print(f"  {stage:<20} {seconds * 1000:9.1f} ms")
    print(f"  generator stages = {generator_total / timings['mkdocs']:.1%} of mkdocs' render time")
    print_weight(f"page weight (gzipped) of the largest chapter page, {largest.parent.relative_to(site)}/:", chapter_weights)
    print_weight(f"page weight (gzipped) of the indicator glossary ({len(plan.indicators)} targets):", glossary_weights)
    index_bytes = sum(len(file.data) for file in index_files)
    print(f"library search index (online): {len(index_files)} files, {index_bytes / 1024:.1f} KB (gzip)")
    print(f"material's search (offline bundle): {len(terms)} dictionary terms")
    print(f"offline bundle: {bundle / 1024:.1f} KB zipped")


def timed_build(arguments: list[str]) -> tuple[float, int]:
    """Seconds and peak resident memory (KB) of one command-line build in a process of its own."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", *arguments],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    if status:
        raise SystemExit(f"build failed: {' '.join(arguments)}")
    return time.perf_counter() - start, usage.ru_maxrss


def variants(folder: Path, count: int) -> list[Path]:
    """``count`` plan-sized documents: the sources in turn, each copy's year (and so its numbers) shifted."""
    paths = []
    for index in range(count):
        source = SCALE_SOURCES[index % len(SCALE_SOURCES)]
        shift = index // len(SCALE_SOURCES)
        text = source.read_text(encoding="utf-8").replace("2026年", f"{2026 + shift}年")
        path = folder / f"scale-{index + 1:02d}-{source.stem}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def scale(largest: int) -> None:
    """Sites of 1, 5, 10… plans built by the command line: time per plan and peak memory."""
    print(f"scale: sites of several plans (the seed and {len(SCALE_SOURCES) - 1} reports of the genre, repeated)")
    print(f"  {'plans':>5} {'seconds':>8} {'per plan':>9} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as scratch:
        plans = variants(Path(scratch), largest)
        for count in (step for step in SCALE_STEPS if step <= largest):
            seconds, peak = timed_build([*map(str, plans[:count]), "--out", str(Path(scratch, f"site-{count}"))])
            print(f"  {count:>5} {seconds:>8.1f} {seconds / count:>9.2f} {peak / 1024:>8.0f}")


def compare_with_mkdocs(plan: Path, rounds: int = 3) -> None:
    """The command-line build against mkdocs' own build of the generated Markdown, timed alternately."""
    with tempfile.TemporaryDirectory() as scratch:
        content = Path(scratch, "content")
        cli_times, mkdocs_times = [], []
        for round_number in range(rounds):
            cli_times.append(timed_build([str(plan), "--out", str(Path(scratch, "site")), "--content", str(content)])[0])
            config = Path(scratch, "mkdocs.yml")
            config.write_text(
                (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("docs_dir: content", f"docs_dir: {content}")
                .replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}"),
                encoding="utf-8",
            )
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(Path(scratch, "mkdocs-site"))],
                check=True,
                capture_output=True,
            )
            mkdocs_times.append(time.perf_counter() - start)
    cli, mkdocs = min(cli_times), min(mkdocs_times)
    print(f"command line build {cli:.2f} s, mkdocs build of its Markdown {mkdocs:.2f} s: ratio {cli / mkdocs:.2f}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    largest = int(arguments[arguments.index("--scale") + 1]) if "--scale" in arguments else max(SCALE_STEPS)
    plan_path = next(argument for argument in arguments if argument.endswith(".txt"))
    main(plan_path)
    compare_with_mkdocs(Path(plan_path))
    scale(largest)
    if "--search" in arguments:
        from tests import search_bench

        search_bench.measure(int(arguments[arguments.index("--search") + 1]), None)
