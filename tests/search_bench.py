"""Library search at scale (not a test): build a library of N documents, index it, serve it, and
measure what a reader downloads and waits for, and what the queries find.

Usage: python tests/search_bench.py [--documents N] [--keep DIR]

The library is the seed, the shared corpus's reports, then copies of them with their years shifted
(tests/library_site.py). Reported: the site's build time and the index's (all at once, and as
per-document parts then a merge); index files and sizes; per query, the bytes of index files
downloaded (the first query of a reader, then later ones with the browser's cache working: each
query opens /search/?q=… afresh) and the time to the first results; recall and precision of the
seed's query set (in the seed, and across the library) and whether phrases found in one document
only find it.
"""

import argparse
import functools
import random
import re
import statistics
import sys
import tempfile
import threading
import time
import unicodedata
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.cli import _quiet_mkdocs  # noqa: E402
from generator.search import library  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler, _QuietServer  # noqa: E402
from tests.library_site import build_library, library_documents, library_sources  # noqa: E402
from tests.test_library_search_browser import SEED, SEED_QUERIES  # noqa: E402

UNIQUE_PHRASES = 12
PHRASE_LENGTH = 8
YEAR = re.compile(r"20\d\d年")


def fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", char).lower() for char in text)


def unique_phrases(documents, count: int) -> list[tuple[str, str]]:
    """``count`` phrases each found in one document only, from documents spread over the library: (slug, phrase).

    Copies differ from their originals only in their years, so phrases holding a year come first,
    and a document with none (its years only in generic phrases) gives way to the next.
    """
    texts = {document.slug: [fold(clause.text) for clause in document.clauses] for document in documents}
    joined = {slug: "\n".join(found) for slug, found in texts.items()}
    chooser = random.Random(12)
    picked = []
    stride = max(1, len(documents) // count)
    spread = [document for offset in range(stride) for document in documents[offset::stride]]
    for document in spread:
        if len(picked) == count:
            break
        windows = [
            text[start : start + PHRASE_LENGTH]
            for text in texts[document.slug]
            for start in range(0, max(0, len(text) - PHRASE_LENGTH), 3)
        ]
        chooser.shuffle(windows)
        windows.sort(key=lambda window: not YEAR.search(window))
        for phrase in windows:
            if " " not in phrase and sum(phrase in other for other in joined.values()) == 1:
                picked.append((document.slug, phrase))
                break
    return picked


def holding(documents, query: str, slugs=None) -> set[tuple[str, str]]:
    words = fold(query).split()
    return {
        (document.slug, clause.url.split("#")[1])
        for document in documents
        if slugs is None or document.slug in slugs
        for clause in document.clauses
        if all(word in fold(clause.text) for word in words)
    }


class Reader:
    """A reader in Chromium with a cache of their own: each query opens the search page afresh."""

    def __init__(self, browser, base: str):
        self.context = browser.new_context(viewport={"width": 360, "height": 740})
        self.page = self.context.new_page()
        self.base = base
        self.outside = []
        self.context.route("**/*", self._route)

    def _route(self, route):
        if route.request.url.startswith(self.base):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def query(self, query: str, doc: str = "", show_all: bool = False) -> dict:
        """Open /search/?q=…: seconds to the results, index bytes downloaded, the results (all of them if asked)."""
        url = self.base + "search/?q=" + quote(query) + (f"&doc={doc}" if doc else "")
        start = time.monotonic()
        self.page.goto(url)
        self.page.wait_for_function(
            "() => /找到|没有/.test(document.querySelector('[data-search-status]').textContent)"
            " && document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'",
            timeout=60_000,
        )
        seconds = time.monotonic() - start
        if show_all:
            while self.page.is_visible("[data-search-more]"):
                before = len(self.page.query_selector_all("[data-search-result]"))
                self.page.click("[data-search-more]")
                self.page.wait_for_function(f"() => document.querySelectorAll('[data-search-result]').length > {before}")
        downloaded = self.page.evaluate(
            """() => performance.getEntriesByType('resource')
                 .filter(entry => new URL(entry.name).pathname.startsWith('/search/') && entry.name.includes('.bin'))
                 .reduce((total, entry) => total + entry.transferSize, 0)"""
        )
        results = self.page.evaluate(
            """() => [...document.querySelectorAll('[data-search-result]')].map(item => {
                 const url = new URL(item.querySelector('a').href);
                 return [url.pathname.split('/')[1], decodeURIComponent(url.hash.slice(1)),
                         item.querySelector('.ps-result__text').textContent];
               })"""
        )
        status = self.page.inner_text("[data-search-status]")
        return {"seconds": seconds, "bytes": downloaded, "results": results, "status": status}

    def close(self):
        self.context.close()


def kb(value: float) -> str:
    return f"{value / 1024:.1f} KB"


def measure(count: int, keep: Path | None) -> None:
    """Build a library of ``count`` documents (in ``keep``, or a temporary folder) and measure its search."""
    _quiet_mkdocs()
    scratch = tempfile.TemporaryDirectory()
    folder = keep or Path(scratch.name)
    folder.mkdir(parents=True, exist_ok=True)
    sources = library_sources(folder, count)
    if keep and (folder / "site" / "search" / "catalogue.bin").is_file():
        print(f"library: {count} documents, built before in {folder / 'site'}")
        measure_search(folder / "site", library_documents(sources))
        return
    start = time.perf_counter()
    built = build_library(sources, folder / "site")
    print(f"library: {len(built.documents)} documents, {sum(len(d.clauses) for d in built.documents)} clauses; "
          f"site built in {time.perf_counter() - start:.0f} s (index included)")
    measure_search(built.folder, built.documents)
    scratch.cleanup()


def measure_search(site: Path, documents) -> None:
    """The index's build time and files, then queries in Chromium against the site served from ``site``."""
    start, cpu = time.perf_counter(), time.process_time()
    library.search_files(documents)
    whole = (time.perf_counter() - start, time.process_time() - cpu)
    start, cpu = time.perf_counter(), time.process_time()
    parts = tuple(library.document_index(document) for document in documents)
    each = (time.perf_counter() - start, time.process_time() - cpu)
    start, cpu = time.perf_counter(), time.process_time()
    files = library.search_files(documents, parts)
    merge = (time.perf_counter() - start, time.process_time() - cpu)
    sizes = {kind: [len(file.data) for file in files if f"/{kind}/" in file.path] for kind in ("postings", "text")}
    catalogue = next(len(file.data) for file in files if file.path == library.CATALOGUE)
    print(f"index build (wall / CPU seconds): {whole[0]:.2f} / {whole[1]:.2f} at once; per-document parts "
          f"{each[0]:.2f} / {each[1]:.2f} ({each[1] / len(documents) * 1000:.0f} ms CPU each), then merge {merge[0]:.2f} / {merge[1]:.2f}")
    print(f"index files: {len(files)}, {kb(sum(len(file.data) for file in files))} (gzip); catalogue {kb(catalogue)}; "
          f"{len(sizes['postings'])} posting shards (median {kb(statistics.median(sizes['postings']))}, max {kb(max(sizes['postings']))}); "
          f"{len(sizes['text'])} text files (median {kb(statistics.median(sizes['text']))}, max {kb(max(sizes['text']))})")

    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    from playwright.sync_api import sync_playwright

    phrases = unique_phrases(documents, UNIQUE_PHRASES)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        # Each reader's first query, then the rest of the query set with their cache.
        first_bytes, first_seconds, later_bytes, seconds = [], [], [], []
        readers = [Reader(browser, base) for _ in range(3)]
        library_found = library_shown = library_holding = 0
        seed_expected = seed_found = seed_shown = seed_holding = 0
        for number, term in enumerate(SEED_QUERIES):
            reader = readers[number % len(readers)]
            outcome = reader.query(term)
            (first_bytes if number < len(readers) else later_bytes).append(outcome["bytes"])
            (first_seconds if number < len(readers) else seconds).append(outcome["seconds"])
            holds = [fold(term) in fold(text) for _, _, text in outcome["results"]]
            library_found += any(holds)
            library_shown += len(holds)
            library_holding += sum(holds)
            scoped = reader.query(term, doc=SEED, show_all=True)
            later_bytes.append(scoped["bytes"])
            seconds.append(scoped["seconds"])
            expected = holding(documents, term, {SEED})
            found = {(slug, fragment) for slug, fragment, _ in scoped["results"]}
            seed_expected += len(expected)
            seed_found += len(expected & found)
            seed_shown += len(found)
            seed_holding += sum(fold(term) in fold(text) for _, _, text in scoped["results"])
        phrase_found = 0
        for number, (slug, phrase) in enumerate(phrases):
            outcome = readers[number % len(readers)].query(phrase)
            later_bytes.append(outcome["bytes"])
            seconds.append(outcome["seconds"])
            phrase_found += slug in {found for found, _, _ in outcome["results"]}
        outside = [url for reader in readers for url in reader.outside]
        for reader in readers:
            reader.close()
        browser.close()
    server.shutdown()
    print(f"first query of a reader: {', '.join(kb(value) for value in first_bytes)} of index files; "
          f"results in {', '.join(f'{value:.2f}' for value in first_seconds)} s")
    print(f"later queries ({len(later_bytes)}): median {kb(statistics.median(later_bytes))}, max {kb(max(later_bytes))}; "
          f"results in median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s")
    print(f"seed's query set ({len(SEED_QUERIES)} queries) in the seed: recall {seed_found / seed_expected:.3f} "
          f"({seed_found}/{seed_expected}), precision {seed_holding / max(seed_shown, 1):.3f} ({seed_holding}/{seed_shown})")
    print(f"seed's query set across the library: {library_found}/{len(SEED_QUERIES)} find a clause holding the term; "
          f"{library_holding}/{library_shown} shown results hold it ({library_holding / max(library_shown, 1):.3f})")
    print(f"phrases found in one document only: {phrase_found}/{len(phrases)} find it")
    print(f"requests to outside hosts: {len(outside)}")


def main(arguments: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="build the library here and leave it (measure it again if it is there)")
    options = parser.parse_args(arguments)
    measure(options.documents, options.keep)


if __name__ == "__main__":
    main()
