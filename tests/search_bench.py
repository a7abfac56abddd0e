"""Library search at scale (not a test): a library of N distinct documents, its search index, what a
reader downloads and waits for, what the queries find, and Pagefind on the same library.

Usage: python tests/search_bench.py [--documents N] [--seed S] [--keep DIR] [--browser | --no-browser] [--no-pagefind]

The library is N distinct documents made by tests/bench_corpus.py (real clauses of seeds/ recombined,
years 1953–2030). The search index is built from the documents' summaries alone, as the build's
library step merges it (generator/search/library.py), without building the documents' pages: a full
site build of 10,000 documents would take hours on this machine. Each document's summary is made
from its text (read, parsed, labelled; the indexes of names are not extracted, search does not use
them), its part of the index made and kept on disk, and the merge runs in a process of its own
(its peak memory is the merge's).

Reported:
- the index: time per document and of the merge (wall and CPU), the merge's peak memory, its files;
- per query (the issue's common words, the seed's query set, phrases found in one document only),
  the index bytes a reader's first page of results downloads, nothing cached: computed from the
  files by search.js's own engine in Node (tests/search_parity.js), and, with --browser (the
  default up to 1,000 documents), measured in Chromium on the served index with the seconds to
  the first results;
- recall and precision: every result read to the end in Node against the clauses holding every word
  of the query (folded), and in the browser each first page against the newest 20 of them (and
  every page of queries with at most 200 results);
- Pagefind 1.5 (extended, for Chinese) on the same documents, one record per page as its crawler
  would see the site, in the same browser: bytes of its first page of 20 results, seconds, and
  recall and precision counted by page.
"""

import argparse
import collections
import functools
import json
import multiprocessing
import pickle
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.library.summary import document_summary  # noqa: E402
from generator.model import Plan  # noqa: E402
from generator.read import editorial, ingest, metadata, parse  # noqa: E402
from generator.search import library  # noqa: E402
from tests.bench_corpus import distinct_documents  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, SEED, _QuietHandler, _QuietServer  # noqa: E402
from tests.test_library_search_browser import SEED_QUERIES  # noqa: E402

# The common words (issue 22): what a large library costs a reader.
COMMON = ["发展", "高质量发展", "推动", "新质生产力", "人工智能+", "以旧换新", "城中村改造", "低空经济"]
PHRASES = 12
PHRASE_LENGTH = 8
PAGE = 20
# Queries with at most this many results are read to the end in the browser (recall of every page).
READ_ALL = 200
# Queries with at most this many results are read to the end in Node (recall and precision of all).
READ_TO_THE_END = 100_000
YEAR = re.compile(r"1[95]\d\d年|20\d\d年")
BROWSER_UP_TO = 1000


def fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", char).lower() for char in text)


def light_summary(path: Path):
    """A document's summary from its text: read, parsed, its metadata and clause labels (no index of names)."""
    document = parse.parse_plan(ingest.ingest(ingest.decode(path.read_bytes())))
    info, overrides = editorial.plan_seed(None, path.stem)
    return document_summary(Plan(info, document, meta=metadata.document_meta(document, overrides)))


class PartsOnDisk(Mapping):
    """Documents' index parts kept as files, read one at a time by the merge."""

    def __init__(self, folder: Path, slugs: list[str]):
        self.folder, self.slugs = folder, slugs

    def __getitem__(self, slug):
        return (self.folder / f"{slug}.part").read_bytes()

    def __iter__(self):
        return iter(self.slugs)

    def __len__(self):
        return len(self.slugs)


@dataclass
class Library:
    folder: Path
    documents: list  # summaries without their clauses (slug, title, URL, metadata)
    truth: dict[str, list[tuple[str, str, int]]]  # query → (slug, clause ID, clause index) of every clause holding it, in the index's order
    pages: dict[str, set[str]]  # query → page URLs holding it (for Pagefind)
    phrases: list[tuple[str, str]]  # (slug, phrase found in that document only)
    part_seconds: float | None  # CPU per document part made (None: every part kept from an earlier run)
    clauses: int


class Expected:
    """What each query should find, document by document: the clauses holding every word (folded)."""

    def __init__(self, queries, phrases=()):
        self.queries = list(dict.fromkeys(queries))
        self.words = {query: fold(query).split() for query in self.queries}
        self.found: dict[str, list[tuple[str, str, int]]] = {query: [] for query in self.queries}
        self.pages: dict[str, set[str]] = {query: set() for query in self.queries}
        self.finder = re.compile("|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))) if phrases else None
        self.seen = collections.Counter()
        self.clauses = 0

    def add(self, summary) -> None:
        texts = [fold(clause.text) for clause in summary.clauses]
        self.clauses += len(texts)
        for query in self.queries:
            held = [number for number, text in enumerate(texts) if all(word in text for word in self.words[query])]
            self.found[query] += ((summary.slug, summary.clauses[number].id, number) for number in held)
            self.pages[query].update(summary.clauses[number].url.split("#")[0] for number in held)
        if self.finder:
            self.seen.update({match.group() for match in self.finder.finditer("\n".join(texts))})

    def library(self, folder: Path, documents, phrases, part_seconds: float | None = None) -> Library:
        """The library, its expected results in the index's order, and the phrases found in one document only."""
        ordered = library.newest_first(documents)
        order = {document.slug: rank for rank, document in enumerate(ordered)}
        for query in self.queries:
            self.found[query].sort(key=lambda key: (order[key[0]], key[2]))
        unique = []
        for phrase in phrases:
            if self.seen[phrase] == 1 and len(unique) < PHRASES and len({slug for slug, _, _ in self.found[phrase]}) == 1:
                unique.append((self.found[phrase][0][0], phrase))
        return Library(folder, ordered, self.found, self.pages, unique, part_seconds, self.clauses)


def prepare(folder: Path, count: int, seed: int, pagefind_site: Path | None) -> Library:
    """The corpus, each document's summary and index part (on disk), and what every query should find;
    with ``pagefind_site``, each document's pages there as plain HTML for Pagefind to crawl."""
    paths = distinct_documents(folder / "corpus", count, seed)
    parts = folder / "parts"
    parts.mkdir(parents=True, exist_ok=True)
    candidates = _phrase_candidates(paths)
    expected = Expected([*COMMON, *SEED_QUERIES, *candidates], candidates)
    documents = []
    cpu, made = 0.0, 0
    for path in paths:
        summary = light_summary(path)
        part = parts / f"{summary.slug}.part"
        if not part.is_file():  # a part made by an earlier run in the --keep folder is reused
            start = time.process_time()
            part.write_bytes(library.part_bytes(library.document_index(summary)))
            cpu += time.process_time() - start
            made += 1
        expected.add(summary)
        if pagefind_site:
            for url, text in _pages(summary).items():
                page = pagefind_site / url / "index.html"
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(f'<!doctype html><html lang="zh"><meta charset="utf-8"><title>{escape(summary.title)}</title>'
                                f"<main><h1>{escape(summary.title)}</h1>{text}</main></html>", encoding="utf-8")
        documents.append(replace(summary, clauses=()))
    return expected.library(folder, documents, candidates, cpu / made if made else None)


def _pages(summary) -> dict[str, str]:
    """Each page of a document (its home, each chapter) with its clauses as HTML paragraphs."""
    pages: dict[str, list[str]] = {}
    for clause in summary.clauses:
        pages.setdefault(clause.url.split("#")[0], []).append(f"<p>{escape(clause.text)}</p>")
    return {url: "".join(texts) for url, texts in pages.items()}


def _phrase_candidates(paths: list[Path]) -> dict[str, None]:
    """Windows of PHRASE_LENGTH characters holding a year, from documents spread over the library."""
    stride = max(1, len(paths) // (PHRASES * 2))
    candidates: dict[str, None] = {}
    for path in paths[::stride][: PHRASES * 2]:
        text = fold(path.read_text(encoding="utf-8"))
        for match in YEAR.finditer(text):
            window = text[match.start() : match.start() + PHRASE_LENGTH]
            if len(window) == PHRASE_LENGTH and not any(char.isspace() for char in window):
                candidates[window] = None
                if sum(1 for candidate in candidates if candidate in text) >= 6:
                    break
    return candidates


def merge(library_: Library, out: Path) -> dict:
    """The index merged in a process of its own, into ``out``: its time, CPU, peak memory and files."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(_merge, (pickle.dumps(library_.documents), str(library_.folder / "parts"), str(out)))


def _merge(documents: bytes, parts: str, out: str) -> dict:
    documents = pickle.loads(documents)
    start, cpu = time.perf_counter(), time.process_time()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    counts, sizes = collections.Counter(), collections.defaultdict(list)
    for file in library.search_files(tuple(documents), PartsOnDisk(Path(parts), [document.slug for document in documents])):
        target = Path(out) / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.data)
        kind = file.path.split("/")[1]
        counts[kind] += 1
        sizes[kind].append(len(file.data))
    return {
        "seconds": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "start_mb": before / 1024,
        "files": {kind: (counts[kind], sum(sizes[kind]), statistics.median(sizes[kind]), max(sizes[kind])) for kind in counts},
    }


def node_answers(site: Path, requests: list[dict]) -> list[dict]:
    """search.js's engine in Node on the index files (tests/search_parity.js)."""
    done = subprocess.run(
        ["node", str(ROOT / "tests" / "search_parity.js"), str(site)],
        input=json.dumps(requests), capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


def kb(value: float) -> str:
    return f"{value / 1024:.1f} KB"


def spread(values, unit=kb) -> str:
    return f"median {unit(statistics.median(values))}, max {unit(max(values))}" if values else "none"


def seconds(value: float) -> str:
    return f"{value:.2f} s"


def measure_node(library_: Library, site: Path) -> None:
    queries = list(dict.fromkeys([*COMMON, *SEED_QUERIES, *(phrase for _, phrase in library_.phrases)]))
    first = node_answers(site, [{"query": query} for query in queries])
    common = [answer["bytes"] for query, answer in zip(queries, first) if query in COMMON]
    every = [answer["bytes"] for answer in first]
    print(f"first page of results, index bytes (search.js in Node, nothing cached): the issue's common words "
          f"({len(COMMON)}): {spread(common)}; all {len(queries)} queries: {spread(every)}")
    print("  " + "; ".join(f"{query} {kb(answer['bytes'])} ({answer['files']} files)" for query, answer in zip(queries, first) if query in COMMON))
    exact_pages = sum(
        [tuple(result) for result in answer["results"][:PAGE]] == [(slug, number) for slug, _, number in library_.truth[query][:PAGE]]
        for query, answer in zip(queries, first)
    )
    print(f"first pages equal to the newest {PAGE} clauses holding the query: {exact_pages}/{len(queries)}")
    # Every result of each query read to the end (the largest, millions of results at 10,000 documents, left out).
    complete = [query for query in queries if len(library_.truth[query]) <= READ_TO_THE_END]
    full = node_answers(site, [{"query": query, "all": True} for query in complete])
    expected = found = shown = holding = 0
    for query, answer in zip(complete, full):
        truth = {(slug, number) for slug, _, number in library_.truth[query]}
        results = {tuple(result) for result in answer["results"]}
        expected += len(truth)
        found += len(truth & results)
        shown += len(results)
        holding += len(results & truth)
    print(f"every result read to the end (Node, {len(complete)} queries of at most {READ_TO_THE_END} results): "
          f"recall {found / max(expected, 1):.4f} ({found}/{expected}), precision {holding / max(shown, 1):.4f} ({holding}/{shown})")
    answers = dict(zip(complete, full))
    phrase_found = sum(phrase in answers and {slug for slug, _ in answers[phrase]["results"]} == {slug} for slug, phrase in library_.phrases)
    print(f"phrases found in one document only: {phrase_found}/{len(library_.phrases)} find that document and no other")


class Reader:
    """A reader in Chromium, nothing cached: each query in a browser context of its own."""

    def __init__(self, browser, base: str):
        self.browser, self.base = browser, base
        self.outside: list[str] = []

    def open(self, url: str, ready: str, script: str | None = None, argument=None):
        context = self.browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()

        def route(route):
            if route.request.url.startswith(self.base):
                route.continue_()
            else:
                self.outside.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        # Bytes received, by URL: a worker's requests too (Pagefind fetches its index from one).
        page.received = {}
        context.on("response", lambda response: page.received.__setitem__(response.url, int(response.headers.get("content-length", 0))))
        start = time.monotonic()
        page.goto(url)
        page.wait_for_function(ready, timeout=120_000)
        answer = page.evaluate(script, argument) if script else None
        elapsed = time.monotonic() - start
        return context, page, elapsed, answer

    def transferred(self, page, prefix: str) -> int:
        """Bytes of the responses under ``prefix`` (the files as served: gzip as the index holds them)."""
        return sum(size for url, size in page.received.items() if url.startswith(self.base + prefix.lstrip("/")))


READY = ("() => /找到|没有/.test(document.querySelector('[data-search-status]').textContent)"
         " && document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'")
SHOWN = """() => [...document.querySelectorAll('[data-search-result]')].map(item => {
             const url = new URL(item.querySelector('a').href);
             return [url.pathname.split('/')[1], decodeURIComponent(url.hash.slice(1)), item.querySelector('.ps-result__text').textContent];
           })"""


def measure_browser(library_: Library, site: Path, pagefind: Path | None) -> None:
    """The search page and Pagefind in Chromium, served from this machine."""
    from playwright.sync_api import sync_playwright

    queries = list(dict.fromkeys([*COMMON, *SEED_QUERIES, *(phrase for _, phrase in library_.phrases)]))
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        reader = Reader(browser, base)
        ours = _ours(reader, library_, queries)
        theirs = _pagefind(reader, library_, queries) if pagefind else None
        browser.close()
        outside = reader.outside
    server.shutdown()
    for name, figures in (("plansite", ours), ("Pagefind", theirs)):
        if figures is None:
            continue
        common = [figures["bytes"][query] for query in COMMON]
        print(f"{name} in Chromium, a reader's first page of {PAGE} results, nothing cached: index bytes for the common words "
              f"{spread(common)}; all {len(queries)} queries {spread(list(figures['bytes'].values()))}; "
              f"seconds to results {spread(list(figures['seconds'].values()), seconds)}")
        print(f"  {name}: {figures['summary']}")
    print(f"requests to outside hosts: {len(outside)}")


def _ours(reader: Reader, library_: Library, queries: list[str]) -> dict:
    bytes_, seconds_ = {}, {}
    prefix_equal = shown_total = holding_total = expected_total = found_total = 0
    for query in queries:
        context, page, elapsed, _ = reader.open(reader.base + "search/?q=" + quote(query), READY)
        bytes_[query] = reader.transferred(page, "/search/") - reader.transferred(page, "/search/?")
        seconds_[query] = elapsed
        truth = [(slug, clause) for slug, clause, _ in library_.truth[query]]
        if len(truth) <= READ_ALL:
            while page.is_visible("[data-search-more]"):
                before = len(page.query_selector_all("[data-search-result]"))
                page.click("[data-search-more]")
                page.wait_for_function(f"() => document.querySelectorAll('[data-search-result]').length > {before}", timeout=60_000)
        shown = page.evaluate(SHOWN)
        context.close()
        keys = [(slug, clause) for slug, clause, _ in shown]
        expected = truth if len(truth) <= READ_ALL else truth[:PAGE]
        prefix_equal += keys[:PAGE] == truth[:PAGE]
        expected_total += len(expected)
        found_total += len(set(expected) & set(keys))
        shown_total += len(shown)
        holding_total += sum(all(word in fold(text) for word in fold(query).split()) for _, _, text in shown)
    summary = (f"recall {found_total / max(expected_total, 1):.3f} ({found_total}/{expected_total}: first pages, and every page "
               f"of queries with at most {READ_ALL} results), precision {holding_total / max(shown_total, 1):.3f} "
               f"({holding_total}/{shown_total} shown results hold every word); first pages equal to the newest {PAGE}: "
               f"{prefix_equal}/{len(queries)}")
    return {"bytes": bytes_, "seconds": seconds_, "summary": summary}


PAGEFIND_SEARCH = """async ([query, page]) => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, page).map((result) => result.data()));
    return { count: search.results.length, urls: data.map((found) => found.url), texts: data.map((found) => found.content) };
  }"""
PAGEFIND_ALL = """async ([query, limit]) => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, limit).map((result) => result.data()));
    return data.map((found) => found.url);
  }"""


def _pagefind(reader: Reader, library_: Library, queries: list[str]) -> dict:
    bytes_, seconds_, codes = {}, {}, []
    shown_total = holding_total = expected_total = found_total = 0
    for query in queries:
        context, page, elapsed, answer = reader.open(reader.base + "pagefind-bench.html", "() => true", PAGEFIND_SEARCH, [query, PAGE])
        code = sum(reader.transferred(page, f"/pagefind/{name}") for name in ("pagefind.js", "pagefind-worker.js", "wasm."))
        bytes_[query] = reader.transferred(page, "/pagefind/") - code
        codes.append(code)
        seconds_[query] = elapsed
        expected = library_.pages[query]
        urls = answer["urls"]
        if len(expected) <= READ_ALL and answer["count"] > len(urls):
            urls = page.evaluate(PAGEFIND_ALL, [query, READ_ALL * 2])
        context.close()
        found = {url.lstrip("/") for url in urls}
        expected_total += len(expected) if len(expected) <= READ_ALL else min(PAGE, len(expected))
        found_total += len(expected & found) if len(expected) <= READ_ALL else min(PAGE, len(expected & found))
        shown_total += len(answer["urls"])
        holding_total += len({url.lstrip("/") for url in answer["urls"]} & expected)
    summary = (f"recall {found_total / max(expected_total, 1):.3f} ({found_total}/{expected_total} pages holding the query: first pages, "
               f"and every page of queries with at most {READ_ALL}), precision {holding_total / max(shown_total, 1):.3f} "
               f"({holding_total}/{shown_total} pages shown hold it); its scripts and WebAssembly besides: {kb(max(codes))}")
    return {"bytes": bytes_, "seconds": seconds_, "summary": summary}


def pagefind_index(pages: Path, site: Path) -> float:
    """Pagefind's index of the same pages (its crawler on their HTML), written into site/pagefind/; seconds."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(site / "pagefind"), "--force-language", "zh", "--silent"], check=True)
    (site / "pagefind-bench.html").write_text("<!doctype html><meta charset=utf-8><title>Pagefind</title>", encoding="utf-8")
    return time.perf_counter() - start


def search_page_site(folder: Path, index: Path) -> Path:
    """A served site holding the search page (the seed built alone) with the bench library's index in its search/."""
    from generator import build

    site = folder / "site"
    if not (site / "search" / "index.html").is_file():
        build.build([SEED], site)
    for entry in (site / "search").iterdir():
        if entry.name != "index.html":
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    for entry in (index / "search").iterdir():
        (site / "search" / entry.name).symlink_to(entry)
    return site


def measure(count: int, seed: int, keep: Path | None, browser: bool, pagefind: bool) -> None:
    from generator.cli import _quiet_mkdocs

    _quiet_mkdocs()
    scratch = tempfile.TemporaryDirectory(dir="/tmp")
    folder = keep or Path(scratch.name)
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    pages = folder / "pagefind-pages" if pagefind else None
    if pages:
        shutil.rmtree(pages, ignore_errors=True)
    library_ = prepare(folder, count, seed, pages)
    print(f"library: {count} distinct documents (seed {seed}), {library_.clauses} clauses; summaries, index parts and expected "
          f"results in {time.perf_counter() - start:.0f} s; index parts " + (f"{library_.part_seconds * 1000:.0f} ms of CPU per document"
          if library_.part_seconds is not None else f"made by an earlier run, kept in {folder / 'parts'}"))
    index = folder / "index"
    shutil.rmtree(index, ignore_errors=True)
    merged = merge(library_, index)
    files = merged["files"]
    total = sum(size for _, size, _, _ in files.values())
    print(f"merge (a process of its own, the summaries and parts read from disk): {merged['seconds']:.1f} s wall, "
          f"{merged['cpu']:.1f} s CPU, peak memory {merged['peak_mb']:.0f} MB ({merged['start_mb']:.0f} MB before the merge)")
    print(f"index files: {sum(number for number, _, _, _ in files.values())}, {total / 1e6:.1f} MB (gzip): " + "; ".join(
        f"{kind} {number} (median {kb(median)}, max {kb(largest)})" for kind, (number, size, median, largest) in sorted(files.items())))
    measure_node(library_, index)
    if browser:
        site = search_page_site(folder, index)
        if pagefind:
            shutil.rmtree(site / "pagefind", ignore_errors=True)
            print(f"Pagefind index of the same pages: {pagefind_index(pages, site):.0f} s; "
                  f"{sum(1 for _ in (site / 'pagefind').rglob('*') if _.is_file())} files, "
                  f"{sum(path.stat().st_size for path in (site / 'pagefind').rglob('*') if path.is_file()) / 1e6:.1f} MB")
        measure_browser(library_, site, site / "pagefind" if pagefind else None)
    scratch.cleanup()


def main(arguments: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="work in this folder and leave it (corpus, parts, index, sites)")
    parser.add_argument("--browser", action=argparse.BooleanOptionalAction, default=None,
                        help=f"measure in Chromium too (default: up to {BROWSER_UP_TO} documents)")
    parser.add_argument("--pagefind", action=argparse.BooleanOptionalAction, default=True, help="compare with Pagefind (in the browser)")
    options = parser.parse_args(arguments)
    browser = options.browser if options.browser is not None else options.documents <= BROWSER_UP_TO
    measure(options.documents, options.seed, options.keep, browser, options.pagefind and browser)


if __name__ == "__main__":
    main()
