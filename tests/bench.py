"""`make bench`: what a build costs and what a reader downloads (not a test; figures for the README).

1. The seed alone: each stage of its build in this process, the weight of its heaviest pages, its
   offline bundle.
2. Start-up: the command as a user runs it, each time in a fresh process —
   ``python -m generator build seeds/nmg-2026-plan.txt --out DIR`` into an empty folder, then again
   with its cache — and the fixed costs inside it, stage by stage (interpreter, imports, jieba's
   dictionary, compiling the theme's templates, the document's mkdocs run, the library's).
3. Libraries of distinct documents (tests/bench_corpus.py: real clauses recombined under their own
   region, year 1953–2030, speaker and headings; seed 0), each built by the command line in a
   process of its own: a full build into an empty folder, the same command again with nothing
   changed, and again after one document's text changed; seconds, seconds per document, the peak
   resident memory of the largest process and of all the build's processes together.
4. The cluster build (``--cluster``) on a local Dask cluster of two workers against ``--jobs 2``
   and ``--jobs 1``, on the smallest library.
5. Search on a library of as many distinct documents as the largest library, the same ones (the
   corpus's seed 0): ``tests/search_bench.py --documents N`` (its index, the bytes a first page of
   results reads, seconds in Chromium, recall and precision, Pagefind beside it).

Everything is written under a temporary folder; the bench ends by checking that ``git status`` is
as it was (nothing written into seeds/ or any tracked path).

Usage: python tests/bench.py [--libraries 100,1000] [--no-seed] [--no-libraries] [--no-cluster] [--no-search]
"""

import argparse
import contextlib
import dataclasses
import gzip
import os
import re
import resource
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
from generator.publish import documents  # noqa: E402
from generator.publish.bundle import bundle_name  # noqa: E402
from generator.read import editorial, identify, idlock, ingest, parse  # noqa: E402
from generator.render import export, pages  # noqa: E402
from tests.bench_corpus import distinct_documents  # noqa: E402
from tests.dask_cluster import local_cluster  # noqa: E402
from tests.library_site import SEED  # noqa: E402

REPEATS = 3
ROOT = Path(__file__).resolve().parent.parent
LIBRARIES = (100, 1000)
# The corpus's seed number: the same documents every run.
CORPUS_SEED = 0
ASSET = re.compile(r'(?:href|src)="([^"]+\.(?:css|js))"')
# How often the memory of the build's processes is sampled (seconds).
SAMPLE_EVERY = 0.05


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
        timings["document, whole (warm worker)"], _ = best_time(
            lambda: documents.build_document(dataclasses.replace(job, folder=Path(tempfile.mkdtemp(dir=scratch))))
        )
        build.build([path], Path(scratch, "site"), jobs=1)
        site = Path(scratch, "site")
        chapters = sorted((page for page in (site / plan.info.slug).glob("*/index.html") if page.parent.name.isdigit()), key=lambda page: page.stat().st_size)
        start = time.perf_counter()
        build.build([path], Path(scratch, "dist"), offline=True)
        timings["offline bundle (in this process)"] = time.perf_counter() - start
        bundle = Path(scratch, "dist", bundle_name(plan.info.slug)).stat().st_size
        print(f"seed: {path.name} ({len(raw):,} bytes, {len(document.chapters)} chapters, {len(rendered.pages)} Markdown pages, {len(rendered.share_pages)} share pages)")
        for stage, seconds in timings.items():
            print(f"  {stage:<36} {seconds * 1000:9.1f} ms")
        print_weight(f"largest chapter page, {chapters[-1].parent.relative_to(site)}/, with its CSS and JS", page_weight(chapters[-1]))
        print_weight("indicator glossary with its CSS and JS", page_weight(site / plan.info.slug / "indicators" / "index.html"))
        print_weight("library home with its CSS and JS", page_weight(site / "index.html"))
        print(f"  offline bundle: {bundle / 1024:.1f} KiB zipped")


@dataclasses.dataclass(frozen=True)
class Run:
    """A command-line build as measured: wall seconds, and the peak resident bytes of its largest
    process (which, by process ID role: the command's own, or a worker) and of all its processes."""

    seconds: float
    largest: int
    largest_is_main: bool
    total: int
    # CPU seconds (user and system) of the build and every process it started and waited for: what
    # the build costs whatever else the machine runs, where wall seconds vary with its load.
    cpu: float = 0.0


def measured_build(arguments: list[str]) -> Run:
    """A command-line build (``python -m generator build …``) in a fresh process, measured."""
    start = time.perf_counter()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen([sys.executable, "-m", "generator", "build", *arguments], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks = {"largest": 0, "main": True, "total": 0}
    done = threading.Event()

    def sample():
        while not done.is_set():
            memory = _tree_memory(process.pid)
            if memory:
                pid, largest = max(memory.items(), key=lambda item: item[1])
                if largest > peaks["largest"]:
                    peaks.update(largest=largest, main=pid == process.pid)
                peaks["total"] = max(peaks["total"], sum(memory.values()))
            done.wait(SAMPLE_EVERY)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, error = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode:
        raise SystemExit(f"build failed: {error.decode(errors='replace').strip()}")
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime
    return Run(seconds, peaks["largest"], peaks["main"], peaks["total"], cpu)


def _tree_memory(pid: int) -> dict[int, int]:
    """Resident bytes of a process and of each of its descendants, now."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as file:
                    parent = int(file.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, stack = {}, [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, ()))
        try:
            with open(f"/proc/{current}/status", encoding="utf-8") as file:
                found[current] = next(int(line.split()[1]) * 1024 for line in file if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            continue
    return found


def fresh_seconds(code: str) -> tuple[float, float]:
    """Wall and CPU seconds of ``python -c code`` in a fresh process (best of a few)."""
    best, cpu = float("inf"), float("inf")
    for _ in range(REPEATS):
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
        now = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = min(cpu, now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime)
    return best, cpu


# Run in a fresh process: the fixed costs of a one-document build, stage by stage (seconds, as JSON).
STAGES = """
import json, sys, tempfile, time
from pathlib import Path
start, cpu = time.perf_counter(), time.process_time()
from generator import build
from generator.cli import _quiet_mkdocs
from generator.publish import documents
_quiet_mkdocs()
stages = {"imports (generator.cli)": (time.perf_counter() - start, time.process_time() - cpu)}
from generator.extract import lexicon
started, cpu = time.perf_counter(), time.process_time(); lexicon.frequencies(); stages["jieba's dictionary"] = (time.perf_counter() - started, time.process_time() - cpu)
runs = []
def timed(function):
    def measured(*arguments, **options):
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*arguments, **options)
        finally:
            runs.append((time.perf_counter() - started, time.process_time() - cpu))
    return measured
documents.run_mkdocs = timed(documents.run_mkdocs)
build.run_mkdocs = timed(build.run_mkdocs)
library = timed(build._build_library)
build._build_library = library
with tempfile.TemporaryDirectory() as scratch:
    started, cpu = time.perf_counter(), time.process_time()
    build.build([Path(sys.argv[1])], Path(scratch, "site"), jobs=1)
    stages["build.build, in all"] = (time.perf_counter() - started, time.process_time() - cpu)
stages["the document's mkdocs run (templates compiled)"] = runs[0]
stages["the library's mkdocs run (templates compiled already)"] = runs[1]
stages["the library step, in all (its mkdocs run, search index, assets, sitemap)"] = runs[2]
print(json.dumps(stages))
"""


# Run in a fresh process on a built library, nothing changed: the library step's peak memory in the
# command's process (records read and checked, each document's library view held, library pages,
# mkdocs) and in the forked process that merges the search index beside it (MB, as JSON).
LIBRARY_MEMORY = """
import json, resource, sys
from pathlib import Path
from generator import build
from generator.cli import _quiet_mkdocs
_quiet_mkdocs()
build.build([Path(sys.argv[1])], Path(sys.argv[2]))
print(json.dumps({
    "the command's process": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "the search index's merge": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


def library_memory(documents_folder: Path, site: Path) -> dict[str, float]:
    """The library step's peak memory (MB) in the command's process and in the search index's merge, on a built library."""
    import json

    result = subprocess.run([sys.executable, "-c", LIBRARY_MEMORY, str(documents_folder), str(site)], cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def startup() -> None:
    """The command as a user runs it, in fresh processes, and its fixed costs stage by stage."""
    import json

    print("start-up (fresh processes; best of 3; wall seconds, then CPU seconds of the process and those it waited for):")
    for label, code in (("python -c pass (the interpreter alone)", "pass"), ("python -c 'import generator.cli' (interpreter and imports)", "import generator.cli")):
        wall, cpu = fresh_seconds(code)
        print(f"  {label:<72} {wall:6.2f} s {cpu:6.2f} s")
    with tempfile.TemporaryDirectory() as scratch:
        fresh, cached = [], []
        for attempt in range(REPEATS):
            out = Path(scratch, f"site-{attempt}")
            fresh.append(measured_build([str(SEED.relative_to(ROOT)), "--out", str(out)]))
            cached.append(measured_build([str(SEED.relative_to(ROOT)), "--out", str(out)]))
        for label, runs in (("python -m generator build seeds/nmg-2026-plan.txt --out DIR (empty DIR)", fresh), ("the same again, its cache in DIR (nothing changed)", cached)):
            print(f"  {label:<72} {min(run.seconds for run in runs):6.2f} s {min(run.cpu for run in runs):6.2f} s")
        stages = subprocess.run([sys.executable, "-c", STAGES, str(SEED)], cwd=ROOT, check=True, capture_output=True, text=True)
        print("  inside one fresh process (build.build with jobs=1, as the command line builds one document):")
        for stage, (wall, cpu) in json.loads(stages.stdout.strip().splitlines()[-1]).items():
            print(f"    {stage:<70} {wall:6.2f} s {cpu:6.2f} s")


def libraries(counts: tuple[int, ...], cluster: bool) -> None:
    """Libraries of ``counts`` distinct documents: full build, nothing changed, one document changed."""
    print(f"libraries of distinct documents (tests/bench_corpus.py, seed {CORPUS_SEED}; the command line, {len(os.sched_getaffinity(0))} cores):")
    print(f"  {'docs':>6} {'full s':>8} {'s/doc':>6} {'CPU s/doc':>9} {'largest MB':>11} {'all MB':>7} {'again s':>8} {'again largest MB':>17} {'one changed s':>14} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for count in counts:
            paths = distinct_documents(folder / f"documents-{count}", count, CORPUS_SEED)
            site = folder / f"site-{count}"
            arguments = [str(paths[0].parent), "--out", str(site)]
            full = measured_build(arguments)
            again = measured_build(arguments)
            changed = paths[count // 2]
            changed.write_text(changed.read_text(encoding="utf-8").replace("发展", "发 展", 1), encoding="utf-8")
            one = measured_build(arguments)
            phases = library_memory(paths[0].parent, site)
            role = "" if full.largest_is_main else " (a worker)"
            print(
                f"  {count:>6} {full.seconds:>8.1f} {full.seconds / count:>6.2f} {full.cpu / count:>9.2f} {full.largest / 2**20:>11.0f}{role} {full.total / 2**20:>7.0f}"
                f" {again.seconds:>8.1f} {again.largest / 2**20:>17.0f} {one.seconds:>14.1f} {one.seconds / full.seconds:>6.2f}",
                flush=True,
            )
            own, merge = phases["the command's process"], phases["the search index's merge"]
            print(f"  {'':>6} the library step alone (nothing changed): peak {own:.0f} MB in the command's process, {merge:.0f} MB in the search index's merge (forked beside it)", flush=True)
        if cluster:
            cluster_speedup(folder / f"documents-{min(counts)}", folder)


def cluster_speedup(documents_folder: Path, scratch: Path) -> None:
    """Full builds of one library by one process, two local workers, and a local Dask cluster of two."""
    count = len(list(documents_folder.glob("*.txt")))
    print(f"the cluster build, {count} distinct documents (full builds into empty folders):")
    one = measured_build([str(documents_folder), "--out", str(scratch / "one"), "--jobs", "1"])
    two = measured_build([str(documents_folder), "--out", str(scratch / "two"), "--jobs", "2"])
    started = time.perf_counter()
    with local_cluster(scratch / "cluster", workers=2) as address:
        print(f"  (the local cluster of 2 workers started in {time.perf_counter() - started:.1f} s, before the build)")
        clustered = measured_build([str(documents_folder), "--out", str(scratch / "clustered"), "--cluster", address])
    for name, run in (("--jobs 1 (this process alone)", one), ("--jobs 2 (two local worker processes)", two), ("--cluster, a local Dask cluster of 2 workers", clustered)):
        print(f"  {name:<48} {run.seconds:7.1f} s  {one.seconds / run.seconds:4.2f}× --jobs 1  (largest process {run.largest / 2**20:.0f} MB; CPU of this machine's build process {run.cpu:.0f} s)")
    same = _tree_digest(scratch / "two") == _tree_digest(scratch / "clustered")
    print(f"  the cluster's site and cache byte for byte the local build's: {'yes' if same else 'NO'}")


def _tree_digest(folder: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def search(count: int) -> None:
    """Search on a library of ``count`` distinct documents (tests/search_bench.py, in this process)."""
    from tests import search_bench

    print(f"search, on a library of {count} distinct documents (tests/search_bench.py --documents {count}):", flush=True)
    search_bench.main(["--documents", str(count)])


def git_status() -> str:
    """``git status --porcelain`` of the checkout (empty outside a git checkout)."""
    result = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else ""


def main(arguments: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--libraries", default=",".join(map(str, LIBRARIES)), metavar="N,N…",
                        help="sizes of the libraries of distinct documents, comma-separated (default: %(default)s); search takes the largest")
    parser.add_argument("--no-seed", action="store_true", help="leave out the seed's stages and the start-up")
    parser.add_argument("--no-libraries", action="store_true", help="leave out the libraries' builds (and the cluster build)")
    parser.add_argument("--no-cluster", action="store_true", help="leave out the cluster build")
    parser.add_argument("--no-search", action="store_true", help="leave out search")
    options = parser.parse_args(arguments)
    counts = tuple(int(count) for count in options.libraries.split(","))
    before = git_status()
    if not options.no_seed:
        seed()
        startup()
    if not options.no_libraries:
        libraries(counts, not options.no_cluster)
    if not options.no_search:
        search(max(counts))
    after = git_status()
    if after != before:
        raise SystemExit(f"make bench changed the checkout (git status):\n{after}")
    print("git status: as before the bench (nothing written outside temporary folders)")


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        main(sys.argv[1:])
