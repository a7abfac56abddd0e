"""Build: the library's documents into one site — each document on its own, then the library's pages.

The build layer is the only one that touches files (this module, sources.py and publish/). A build:

1. finds the documents (files, or folders of ``*.txt``) and the digest of each one's inputs;
2. keeps each document an earlier build made from the same inputs, when its files are still in place
   unchanged (publish/cache.py), and builds the others — on every core, each in a folder of its own
   (publish/documents.py);
3. builds the library's pages (home, regions, comparison of targets), the stylesheet and the search
   index from every document's summary, in one final step;
4. moves what it built into place, and writes back the ID locks that changed.

Everything is made in a hidden scratch folder inside the output folder and moved into place only when
finished, so a failed build leaves the output folder as it was (or absent, if it did not exist).
With ``offline``, each document becomes a zip of its own, read from disk with search included.
"""

import contextlib
import dataclasses
import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator import data, patterns, sources, urls
from generator.errors import PlanError
from generator.library import compare, sitemap
from generator.library import data as library_data
from generator.library.catalogue import RegionTable, catalogue
from generator.library.pages import library_pages, search_page
from generator.model import NavItem, SiteSettings, Warning
from generator.publish import cache, install, slim
from generator.publish.assets import finish_assets
from generator.publish.bundle import local_site_warning
from generator.publish.documents import (
    HOME_TITLE,
    DocumentJob,
    DocumentResult,
    build_bundle,
    build_document,
    finish_pages,
    write_files,
)
from generator.publish.mkdocs_run import MkdocsRun, read_config, run_mkdocs
from generator.search import library as search_library

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = ROOT / "mkdocs.yml"
PACKAGE = Path(__file__).resolve().parent
THEME = ROOT / "theme"
# Top-level names of the library's own pages and files: no document's slug may take one.
RESERVED_SLUGS = frozenset({"assets", "data", "region", "compare", "search", "index", "404", "sitemap", "s"})


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build produced: every document (built now or kept), the slugs built now, and all warnings."""

    documents: tuple[DocumentResult, ...]
    built: tuple[str, ...]
    warnings: tuple[tuple[str, Warning], ...]


def build(
    plan_paths: list[Path],
    out_dir: Path,
    content_dir: Path | None = None,
    config_file: Path = DEFAULT_CONFIG,
    strict: bool = False,
    ids_paths: list[Path | None] | None = None,
    site_url: str | None = None,
    offline: bool = False,
    locks: bool = False,
    jobs: int | None = None,
) -> BuildReport:
    """Build the library of the given documents (files, or folders of them) into ``out_dir``.

    ``ids_paths`` gives each document file its ID lock (or None); with ``locks`` every document keeps
    the lock beside it (``<stem>.ids.tsv``); locks are read, then updated once the site is in place.
    ``site_url`` overrides mkdocs.yml's (where the site is published). With ``offline``, ``out_dir``
    receives one zip per document, ``<slug>-offline.zip``. ``jobs``: worker processes (default: one a core).
    """
    documents = sources.discover(plan_paths, ids_paths, locks)
    if site_url is not None:
        site_url = _checked_site_url(site_url)
    if not config_file.is_file():
        raise PlanError("no such mkdocs configuration file", path=str(config_file))
    config = read_config(config_file)
    published = site_url if site_url is not None else _published_url(config)
    workers = max(1, jobs or len(os.sched_getaffinity(0)))
    if offline:
        if content_dir is not None:
            raise PlanError("--content keeps the Markdown of one site, and --offline makes one per document: leave it out", path="--content")
        if not published:
            raise PlanError("the offline bundle needs the http(s) address of the site it is taken from: set site_url, or give --site-url", path=str(config_file))
        report = _build_bundles(documents, out_dir, config_file, config, published, workers)
        warning = local_site_warning(published, config_file) if site_url is None else None
        return dataclasses.replace(report, warnings=((warning.path, warning),)) if warning else report
    install.check_folder(out_dir)
    if content_dir is not None:
        install.check_folder(content_dir)
        install.check_apart(content_dir, out_dir)
    settings = SiteSettings(str(config.get("site_name", "")), published, bool(config.get("use_directory_urls", True)))
    salt = cache.build_salt((PACKAGE, THEME), config_file, (published, str(settings.directory_urls), str(content_dir is not None)))
    records = out_dir / cache.CACHE_FOLDER
    with _scratch(out_dir) as scratch:
        keys = [sources.input_digest(document, salt) for document in documents]
        jobs = [DocumentJob(document, key, scratch / f"document-{index}", config_file, settings, site_url) for index, (document, key) in enumerate(zip(documents, keys))]
        kept, built = _documents(jobs, records, out_dir, content_dir, workers)
        results = tuple(kept.get(key) or _keyed_by_lock(built[key], document, salt) for document, key in zip(documents, keys))
        made = {result.key for result in results if result.key not in kept}
        _check_slugs(results)
        warnings = tuple((warning.path, warning) for result in results for warning in result.warnings)
        if strict and warnings:
            path, warning = warnings[0]
            raise PlanError(f"{warning.message} (--strict)", warning.line, path)
        library = _build_library(results, scratch, config_file, settings, site_url)
        folders = {built[job.key].slug: job.folder for job in jobs if job.key in built}
        kept_slugs = {result.slug for result in kept.values()}
        install.install(out_dir, library / "site", {slug: folder / "site" / slug for slug, folder in folders.items()}, kept_slugs)
        if content_dir is not None:
            install.install(content_dir, library / "content", {slug: folder / "content" / slug for slug, folder in folders.items()}, kept_slugs)
        _write_records(records, results, made)
    for document, result in zip(documents, results):
        if document.lock is not None and result.lock is not None:
            install.write_if_changed(document.lock, result.lock, "the ID lock")
    return BuildReport(results, tuple(result.slug for result in results if result.key in made), warnings)


def _keyed_by_lock(result: DocumentResult, document: sources.DocumentSource, salt: str) -> DocumentResult:
    """A document just built, recorded under the digest of its inputs as the next build will find
    them: with the ID lock this build writes beside it."""
    if document.lock is None or result.lock is None:
        return result
    return dataclasses.replace(result, key=sources.input_digest(document, salt, result.lock))


def _build_library(results: tuple[DocumentResult, ...], scratch: Path, config_file: Path, settings: SiteSettings, site_url: str | None) -> Path:
    """The library's pages, data and assets, and the site-wide files, in ``scratch/library``: site/ and content/."""
    folder = scratch / "library"
    summaries = tuple(result.summary for result in results)
    regions = _regions()
    rows = compare.target_rows(summaries)
    years = tuple(sorted({summary.meta.year for summary in summaries}, reverse=True))
    comparisons = compare.compare_pages(summaries, rows, _vocabulary(), regions)
    files = (
        *library_pages(catalogue(summaries, regions)),
        *comparisons,
        search_page(),
        *compare.targets_files(rows, years),
        library_data.catalogue_file(summaries),
    )
    content = folder / "content"
    site = folder / "site"
    write_files(files, content)
    epoch = max((result.epoch for result in results), default=0)
    nav = (NavItem(HOME_TITLE, urls.SITE_HOME), *(NavItem(f"{year}年主要预期目标对照", urls.compare_page(year)) for year in years))
    run_mkdocs(MkdocsRun(config_file, content, site, nav, epoch, site_url=site_url))
    page_texts = finish_pages(site)
    names = frozenset(name for result in results for name in result.class_names)
    finish_assets(site, names | slim.used_names(page_texts.values()))
    # Streamed: each document's search part is read, and each index file written, as the merge goes.
    write_files(search_library.search_files(summaries, {result.slug: result.search for result in results}), site)
    pages = [urls.served_url(file.path) for file in files if file.path.endswith(".md")]
    pages.extend(page for result in results for page in result.pages)
    write_files(sitemap.sitemap_files(settings.url, tuple(pages)), site)
    return folder


def _build_bundles(documents, out_dir: Path, config_file: Path, config: dict, published: str, workers: int) -> BuildReport:
    """One offline zip per document in ``out_dir``."""
    install.check_zip_folder(out_dir)
    with _scratch(out_dir) as scratch:
        settings = SiteSettings(str(config.get("site_name", "")), "", directory_urls=False, bundle_of=published)
        jobs = [
            DocumentJob(document, "", scratch / f"bundle-{index}", config_file, settings, offline_source=published)
            for index, document in enumerate(documents)
        ]
        with _Workers(min(workers, len(jobs))) as pool:
            futures = [pool.submit(_bundle_job, (job, out_dir)) for job in jobs]
            slugs = [future.result() for future in futures]
        if len(set(slugs)) != len(slugs):
            raise PlanError("two documents have the same slug; give one a slug of its own in its seeds YAML", path=str(documents[0].path))
    return BuildReport((), tuple(slugs), ())


@contextlib.contextmanager
def _scratch(out_dir: Path):
    """A hidden scratch folder inside the output folder, removed afterwards; on failure, also the
    folders this build created (the output folder as it was), and a write error as one PlanError."""
    created = install.first_missing(out_dir)
    scratch = None
    try:
        scratch = install.make_scratch(out_dir)
        yield scratch
    except OSError as error:
        install.discard(created or scratch)
        raise PlanError(f"cannot write: {error.strerror or error}", path=str(error.filename or out_dir)) from None
    except BaseException:
        install.discard(created or scratch)
        raise
    install.discard(scratch)


def _bundle_job(arguments) -> str:
    """A worker's job: one offline bundle (see documents.build_bundle)."""
    job, out_dir = arguments
    return build_bundle(job, _regions(), out_dir)


def _documents(jobs: list[DocumentJob], records: Path, out_dir: Path, content_dir: Path | None, workers: int):
    """The documents an earlier build left in place (by input digest) and those built now.

    Documents without a record are handed to the workers at once; while they build, the others'
    files are checked against their records, and those that fail join them.
    """
    found = [cache.read_record(records, job.key, DocumentResult) for job in jobs]
    with _Workers(workers) as pool:
        futures = {job.key: pool.submit(build_document, job) for job, record in zip(jobs, found) if record is None}
        kept = {}
        for job, record in zip(jobs, found):
            if record is None:
                continue
            if cache.still_there(record, out_dir, content_dir):
                kept[job.key] = record
            else:
                futures[job.key] = pool.submit(build_document, job)
        built = {job.key: futures[job.key].result() for job in jobs if job.key in futures}
    return kept, built


class _Workers:
    """Where documents are built: worker processes, started on the first job (or this process, for one worker)."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "_Workers":
        return self

    def __exit__(self, *exception) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def submit(self, function, job) -> Future:
        if self.workers <= 1:
            done: Future = Future()
            try:
                done.set_result(function(job))
            except Exception as error:  # raised where the result is asked for, as a worker's would be
                done.set_exception(error)
            return done
        if self.pool is None:
            self.pool = _pool(self.workers)
        return self.pool.submit(function, job)


def _pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes: forked (at once, with everything imported) unless other threads run, as a
    test's HTTP server does, when forking is unsafe and workers start afresh."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1 else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))


def _vocabulary() -> tuple[tuple[str, str], ...]:
    """The canonical indicators, each key with its Chinese name, in column order (generator/data/indicators.yml)."""
    return tuple((term.key, term.name) for term in data.indicator_terms())


def _regions() -> RegionTable:
    """The regions the library knows, in their conventional order (generator/data/regions.yml)."""
    regions = data.regions()
    return RegionTable(
        tuple(region.name for region in regions),
        tuple(region.slug for region in regions),
        tuple(region.short[0] if region.short else region.name for region in regions),
    )


def _write_records(records: Path, results: tuple[DocumentResult, ...], made: set[str]) -> None:
    """Record each document built now for the next build, and forget the records of documents gone."""
    records.mkdir(parents=True, exist_ok=True)
    current = {result.key + cache.RECORD_SUFFIX: result for result in results}
    for entry in records.iterdir():
        if entry.name not in current:
            entry.unlink()
    for name, result in current.items():
        if result.key in made:
            partial = records / (name + ".partial")
            partial.write_bytes(cache.record_bytes(result))
            os.replace(partial, records / name)


def _check_slugs(results: tuple[DocumentResult, ...]) -> None:
    """Refuse two documents that would share a URL prefix, or a slug the library's own pages use."""
    seen: dict[str, str] = {}
    for result in results:
        if result.slug in RESERVED_SLUGS:
            raise PlanError(f"slug {result.slug!r} is a name the library's own pages use; set another in the seeds YAML", path=result.source)
        if result.slug in seen:
            raise PlanError(f"slug {result.slug!r} is already used by {seen[result.slug]}", path=result.source)
        seen[result.slug] = result.source


def _published_url(config: dict) -> str:
    """mkdocs.yml's site_url, ending in a slash ("" when it sets none)."""
    url = str(config.get("site_url") or "")
    return url if not url or url.endswith("/") else url + "/"


def _checked_site_url(site_url: str) -> str:
    """The site's published address, ending in a slash, or a PlanError if it is not an http(s) URL."""
    if not patterns.SITE_URL.match(site_url):
        raise PlanError(f"expected an absolute http:// or https:// address such as https://example.org/plans/, not {site_url!r}", path="--site-url")
    return site_url if site_url.endswith("/") else site_url + "/"
