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

import collections
import collections.abc
import contextlib
import dataclasses
import os
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from pathlib import Path

from generator import data, patterns, sources, urls
from generator.errors import PlanError
from generator.library import compare, outline_compare, sitemap
from generator.library import data as library_data
from generator.library.catalogue import RegionTable, catalogue, region_table
from generator.library.pages import library_pages, search_page
from generator.library.places import PLACES_TITLE, places_pages
from generator.library.results import results_files
from generator.library.summary import library_view
from generator.model import DocumentSummary, NavItem, SiteSettings, Warning
from generator.publish import cache, charts, install, slim
from generator.publish.assets import finish_assets
from generator.publish.bundle import local_site_warning
from generator.publish.cluster import ClusterWorkers
from generator.publish.documents import (
    HOME_TITLE,
    DocumentJob,
    DocumentResult,
    build_bundle,
    finish_pages,
    template_cache,
    write_files,
)
from generator.publish.mkdocs_run import MkdocsRun, read_config, run_mkdocs
from generator.publish.pool import LocalWorkers, alongside
from generator.search import library as search_library

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = ROOT / "mkdocs.yml"
PACKAGE = Path(__file__).resolve().parent
THEME = ROOT / "theme"
# Top-level names of the library's own pages and files: no document's slug may take one.
RESERVED_SLUGS = frozenset({"assets", "data", "region", "compare", "search", "index", "404", "sitemap", "s", "places"})


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build produced: every document (built now or kept) as the library step held it (its
    summary's library view: no clause text; no file list), the slugs built now, and all warnings."""

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
    cluster: str | None = None,
) -> BuildReport:
    """Build the library of the given documents (files, or folders of them) into ``out_dir``.

    ``ids_paths`` gives each document file its ID lock (or None); with ``locks`` every document keeps
    the lock beside it (``<stem>.ids.tsv``); locks are read, then updated once the site is in place.
    ``site_url`` overrides mkdocs.yml's (where the site is published). With ``offline``, ``out_dir``
    receives one zip per document, ``<slug>-offline.zip``. ``jobs``: worker processes (default: one a
    core); ``cluster``: the address of a Dask scheduler whose workers build the documents instead.
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
        if cluster:
            raise PlanError("offline bundles are built on this machine: leave --cluster out", path="--cluster")
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
    salted = (published, str(settings.directory_urls), str(content_dir is not None))
    salt = cache.build_salt((PACKAGE, THEME), config_file, salted)
    records = out_dir / cache.CACHE_FOLDER
    engine = ClusterWorkers(cluster, config_file, salt, salted) if cluster else LocalWorkers(workers)
    with _scratch(out_dir) as scratch:
        keys = [sources.input_digest(document, salt) for document in documents]
        jobs = [
            DocumentJob(document, key, scratch / f"document-{index}", config_file, settings, site_url, earlier=out_dir)
            for index, (document, key) in enumerate(zip(documents, keys))
        ]
        made = scratch / "records"
        gathered = _documents(jobs, _Place(records, made, out_dir, content_dir, salt), engine)
        results = gathered.results
        _check_slugs(results)
        warnings = tuple((warning.path, warning) for result in results for warning in result.warnings)
        if strict and warnings:
            path, warning = warnings[0]
            raise PlanError(f"{warning.message} (--strict)", warning.line, path)
        parts = _SearchParts({result.slug: (made if result.key in gathered.built else records, result.key) for result in results})
        library = _build_library(results, parts, gathered.class_names, scratch, config_file, settings, site_url, (out_dir, content_dir))
        folders = {result.slug: gathered.built[result.key] for result in results if result.key in gathered.built}
        kept_slugs = {result.slug for result in results if result.key not in gathered.built}
        install.install(out_dir, library / "site", {slug: folder / "site" / slug for slug, folder in folders.items()}, kept_slugs)
        if content_dir is not None:
            install.install(content_dir, library / "content", {slug: folder / "content" / slug for slug, folder in folders.items()}, kept_slugs)
        _write_records(records, made, results)
    for document, result in zip(documents, results):
        if document.lock is not None and result.lock is not None:
            install.write_if_changed(document.lock, result.lock, "the ID lock")
    return BuildReport(results, tuple(result.slug for result in results if result.key in gathered.built), warnings)


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a build keeps and finds documents: the earlier build's records and this one's, the
    output and content folders (to check kept documents' files), and the digest of the code."""

    records: Path
    made: Path
    out_dir: Path
    content_dir: Path | None
    salt: str


@dataclass(frozen=True, slots=True)
class _Gathered:
    """Every document of the build as the library step holds it (library_view), in order; the folder
    of each built now (by its record's key); the class names its pages use."""

    results: tuple[DocumentResult, ...]
    built: dict[str, Path]
    class_names: frozenset[str]


def _documents(jobs: list[DocumentJob], place: _Place, engine) -> _Gathered:
    """The documents an earlier build left in place (by input digest) and those built now.

    Documents without a record go to the workers at once (a few at a time, so that no more are
    waiting than there are workers to take them); between checks of the others' files against
    their records, finished documents are taken in, and those that fail their check join the queue.
    Each built document's record is written as it arrives, and only its library view is held.
    A single document to build is built in this process (which builds the library's pages next),
    with no worker to start, unless documents of an earlier build are to be checked meanwhile.
    """
    waiting = collections.deque(job for job in jobs if not cache.record_path(place.records, job.key).exists())
    unchecked = collections.deque(job for job in jobs if cache.record_path(place.records, job.key).exists())
    held: dict[str, DocumentResult] = {}
    built: dict[str, Path] = {}
    names: set[str] = set()
    running: dict[Future, DocumentJob] = {}

    def take(job: DocumentJob, result: DocumentResult, now: bool) -> None:
        if now:
            result = _keyed_by_lock(result, job.source, place.salt)
            cache.write_record(place.made, result)
            built[result.key] = job.folder
        names.update(result.class_names)
        held[job.key] = _held(result)

    def collect(block: bool) -> None:
        finished, _ = wait(running, timeout=None if block else 0, return_when=FIRST_COMPLETED)
        for future in finished:
            job = running.pop(future)
            take(job, engine.received(job, future.result()), True)

    with engine:
        eager = len(waiting) > 1 or isinstance(engine, ClusterWorkers)
        if waiting and unchecked and not eager:
            # One document changed in a kept library: built in a worker while the others are checked.
            engine.beside()
            eager = True
        while waiting or unchecked or running:
            if waiting and not eager and not unchecked:
                engine.at_most(len(waiting))
            while waiting and (eager or not unchecked) and len(running) < _in_flight(engine):
                job = waiting.popleft()
                running[engine.build(job)] = job
            if running:
                collect(block=not unchecked)
            if unchecked:
                job = unchecked.popleft()
                record = cache.read_record(place.records, job.key, DocumentResult)
                if record is not None and cache.still_there(record, place.out_dir, place.content_dir):
                    take(job, record, False)
                else:
                    waiting.append(job)
    return _Gathered(tuple(held[job.key] for job in jobs), built, frozenset(names))


def _in_flight(engine) -> int:
    """How many documents to hand out at once: two per worker, so none waits for the next."""
    return 2 * max(1, engine.workers)


def _held(result: DocumentResult) -> DocumentResult:
    """What the library step holds of a document: no file list, no class names (gathered apart), no
    search part (read back from its record when the index is made), the summary's library view."""
    return dataclasses.replace(result, summary=library_view(result.summary), files=(), content=(), class_names=(), search=b"")


def _keyed_by_lock(result: DocumentResult, document: sources.DocumentSource, salt: str) -> DocumentResult:
    """A document just built, recorded under the digest of its inputs as the next build will find
    them: with the ID lock this build writes beside it."""
    if document.lock is None or result.lock is None:
        return result
    return dataclasses.replace(result, key=sources.input_digest(document, salt, result.lock))


def _build_library(
    results: tuple[DocumentResult, ...],
    parts,
    class_names: frozenset[str],
    scratch: Path,
    config_file: Path,
    settings: SiteSettings,
    site_url: str | None,
    earlier: tuple[Path, Path | None],
) -> Path:
    """The library's pages, data and assets, and the site-wide files, in ``scratch/library``: site/ and content/.

    ``parts``: each document's part of the search index (bytes) by slug, read as needed. ``earlier``:
    the output and content folders as the last build left them, whose unchanged files are linked.
    """
    out_dir, content_dir = earlier
    folder = scratch / "library"
    summaries = tuple(result.summary for result in results)
    fonts = charts.chart_fonts()
    library = Library(summaries, _regions(summary.meta.region for summary in summaries), settings.url, pictures=bool(fonts))
    files = tuple(file for builder in LIBRARY_PAGES for file in builder(library))
    # Each chart's SVG drawn as a PNG beside it where this machine has the font (publish/charts.py).
    pictures = charts.chart_pictures(tuple(file for file in files if file.path.endswith(".svg")), fonts, scratch.parent / charts.CHART_CACHE)
    content = folder / "content"
    site = folder / "site"
    write_files((*files, *pictures), content, earlier=content_dir)
    periods = outline_compare.periods(outline_compare.period_rows(summaries))
    nav = (
        NavItem(HOME_TITLE, urls.SITE_HOME),
        *(NavItem(f"{year}年主要预期目标对照", urls.compare_page(year)) for year in compare_years(summaries)),
        *(NavItem(f"{outline_compare.period_name(*period)}主要指标对照", urls.period_compare_page(*period)) for period in periods),
        NavItem(PLACES_TITLE, urls.PLACES_PAGE),
    )
    index = folder / "index"

    def write_index() -> None:
        # Streamed: each document's search part is read, and each index file written, as the merge goes.
        write_files(search_library.search_files(summaries, parts), index, earlier=out_dir)

    # The search index is merged in a process of its own while mkdocs renders the library's pages.
    with alongside(write_index):
        run_mkdocs(MkdocsRun(config_file, content, site, nav, site_url=site_url, templates=template_cache()))
        page_texts = finish_pages(site)
        finish_assets(site, class_names | slim.used_names(page_texts.values()))
    _move_into(index, site)
    pages = [urls.served_url(file.path) for file in files if file.path.endswith(".md")]
    pages.extend(page for result in results for page in result.pages)
    write_files(sitemap.sitemap_files(settings.url, tuple(pages)), site, earlier=out_dir)
    return folder


def _move_into(source: Path, target: Path) -> None:
    """Move every file under ``source`` to the same place under ``target``, merging folders."""
    for entry in sorted(source.iterdir()) if source.is_dir() else ():
        destination = target / entry.name
        if entry.is_dir() and destination.is_dir():
            _move_into(entry, destination)
        else:
            os.replace(entry, destination)


class _SearchParts(collections.abc.Mapping):
    """Each document's part of the search index by slug, read from its record when the merge asks
    for it: one document's part in memory at a time, whatever the library's size."""

    def __init__(self, places: dict[str, tuple[Path, str]]):
        self._places = places

    def __getitem__(self, slug: str) -> bytes:
        folder, key = self._places[slug]
        return cache.read_blob(folder, key, "search")

    def __iter__(self):
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)


@dataclass(frozen=True, slots=True)
class Library:
    """What the library's page builders take: every document's library view (in build order), the
    regions, the published site's address ("" when unknown) and whether charts get a PNG beside them."""

    documents: tuple[DocumentSummary, ...]
    regions: RegionTable
    site_url: str
    pictures: bool


def compare_years(summaries: tuple[DocumentSummary, ...]) -> tuple[int, ...]:
    """The years the library's comparison pages cover, newest first (five-year outlines have their own)."""
    return tuple(sorted({summary.meta.year for summary in compare.annual_documents(summaries)}, reverse=True))


def _home_and_regions(library: Library) -> tuple:
    """The library's home page and a page per region."""
    periods = outline_compare.periods(outline_compare.period_rows(library.documents))
    return library_pages(catalogue(library.documents, library.regions), periods=periods)


def _comparisons(library: Library) -> tuple:
    """The comparison of targets, a page per year with its charts, and targets.json/csv."""
    rows = compare.target_rows(library.documents, library.site_url)
    pages = compare.compare_pages(library.documents, rows, _vocabulary(), library.regions, library.site_url, pictures=library.pictures)
    return (*pages, *compare.targets_files(rows, compare_years(library.documents)))


def _period_comparisons(library: Library) -> tuple:
    """The five-year outlines' comparison, a page per period, and period-targets.json/csv."""
    rows = outline_compare.period_rows(library.documents)
    return (*outline_compare.period_pages(library.documents, rows, library.regions), *outline_compare.period_files(rows))


def _results(library: Library) -> tuple:
    """Last year's results as data: results.json and its CSVs."""
    return results_files(library.documents, library.site_url)


def _places(library: Library) -> tuple:
    """The library's index of places."""
    return places_pages(library.documents)


def _search(library: Library) -> tuple:
    """The library's search page (its index is made apart, from the documents' parts)."""
    return (search_page(),)


def _catalogue(library: Library) -> tuple:
    """data/library.json."""
    return (library_data.catalogue_file(library.documents),)


# The library's pages and data files: each builder takes the Library and returns its files (Markdown
# pages go through mkdocs). A new library page is one more builder here.
LIBRARY_PAGES = (_home_and_regions, _comparisons, _period_comparisons, _results, _places, _search, _catalogue)


def _build_bundles(documents, out_dir: Path, config_file: Path, config: dict, published: str, workers: int) -> BuildReport:
    """One offline zip per document in ``out_dir``."""
    install.check_zip_folder(out_dir)
    with _scratch(out_dir) as scratch:
        settings = SiteSettings(str(config.get("site_name", "")), "", directory_urls=False, bundle_of=published)
        jobs = [
            DocumentJob(document, "", scratch / f"bundle-{index}", config_file, settings, offline_source=published)
            for index, document in enumerate(documents)
        ]
        with LocalWorkers(min(workers, len(jobs))) as pool:
            futures = [pool.submit(_bundle_job, (job, out_dir)) for job in jobs]
            slugs = [future.result() for future in futures]
        if len(set(slugs)) != len(slugs):
            raise PlanError("two documents have the same slug; give one a slug of its own in its seeds YAML", path=str(documents[0].path))
    return BuildReport((), tuple(slugs), ())


@contextlib.contextmanager
def _scratch(out_dir: Path):
    """A hidden scratch folder inside the output folder, removed afterwards (and those interrupted
    builds left, first); on failure, also the folders this build created (the output folder as it
    was), and a write error as one PlanError."""
    created = install.first_missing(out_dir)
    scratch = None
    try:
        with install.scratch_folder(out_dir) as scratch:
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


def _vocabulary() -> tuple[tuple[str, str], ...]:
    """The canonical indicators, each key with its Chinese name, in column order (generator/data/indicators.yml)."""
    return tuple((term.key, term.name) for term in data.indicator_terms())


def _regions(names=()) -> RegionTable:
    """The regions the library knows, in their conventional order (generator/data/regions.yml),
    with the cities and counties among ``names`` (its documents' regions) after their provinces."""
    return region_table(data.regions_of(names))


def _write_records(records: Path, made: Path, results: tuple[DocumentResult, ...]) -> None:
    """Keep the records of the documents built now (written in ``made`` as they arrived) for the
    next build, and forget the records of documents gone."""
    records.mkdir(parents=True, exist_ok=True)
    current = {cache.record_path(records, result.key).name for result in results}
    for entry in records.iterdir():
        if entry.name not in current:
            entry.unlink()
    if made.is_dir():
        for entry in sorted(made.iterdir()):
            os.replace(entry, records / entry.name)


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
