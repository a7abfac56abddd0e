"""Build: the only stage that touches files. Reads plans and seeds, writes Markdown, runs mkdocs.

The site is built in a hidden scratch folder inside the output folder (plans are read there too, so
that libraries' caches land in it) and moved into place only when finished, so a failed build leaves
the output folder as it was (or absent, if it did not exist). Nothing is written outside the output
folder but the Markdown when --content asks for it and the ID lock when --ids does.
"""

import contextlib
import json
import logging
import multiprocessing
import os
import shutil
import tempfile
import threading
import zipfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

import rcssmin
import rjsmin

from generator import patterns, urls
from generator.errors import PlanError
from generator.extract import indexes, indicators, pinyin
from generator.model import IdLock, NavItem, OutputFile, Plan, Warning
from generator.publish import slim
from generator.read import editorial, identify, idlock, ingest, parse
from generator.render import export, pages
from generator.search import library, material, summary
from generator.search import terms as terms_module

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = ROOT / "mkdocs.yml"
# Present in every folder this tool fills, so that it never clears a folder it did not make.
OUTPUT_MARKER = ".plansite"
SEARCH_DICTIONARY = "search-terms.txt"
# The WebWorker shim that lets search run from file:// (vendored: no page may load it from unpkg).
# Its path contains "iframe-worker", so material's offline plugin does not add its own.
IFRAME_WORKER_SHIM = "assets/iframe-worker/shim.js"
# Files an offline bundle has no use for: there is no server to send 404.html or read a sitemap,
# search reads search_index.js (the index inlined into a script) instead of the JSON, and the
# library's search page (search.js) is online only.
OFFLINE_DEAD_WEIGHT = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "assets/search.js")
ZIP_EARLIEST = 315532800  # 1980-01-01: a zip cannot date a file before it
# The hidden folder inside the output folder where a build is made before it is moved into place.
SCRATCH_PREFIX = ".plansite-build-"


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build produced: its plans and the warnings found in each source."""

    plans: tuple[Plan, ...]
    warnings: tuple[tuple[str, Warning], ...]


def load_plan(path: Path, ids_path: Path | None = None, romanise=pinyin.romanised) -> Plan:
    """Read one plan file and its seeds (<stem>.yml, .indicators.yml, .index.yml) and run every stage before rendering.

    With ``ids_path``, clauses keep the permanent IDs that lock file records (none yet if it does
    not exist), and the plan carries the updated lock for ``build`` to write back. ``romanise``
    reads names in pinyin (see _romaniser).
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PlanError(f"cannot read the file: {error.strerror or error}", path=str(path)) from None
    try:
        document = parse.parse_plan(ingest.ingest(ingest.decode(raw)))
    except PlanError as error:
        raise error.located(str(path)) from None
    lock = None
    if ids_path is not None:
        document, lock = identify.assign_ids(document, _read_lock(ids_path))
    indicator_seed, indicator_curation = read_seed(path, ".indicators.yml", editorial.indicator_curation)
    index_seed, index_curation = read_seed(path, ".index.yml", editorial.index_curation)
    index = indexes.extract_index(document, index_curation, romanise)
    # Read after the indexes: a slug taken from the file name waits for the romaniser no longer.
    _, info = read_seed(path, ".yml", lambda text: editorial.plan_info(text, path.stem, romanise))
    found, stale = indicators.curate_indicators(document, indicator_curation)
    warnings = tuple(
        replace(warning, path=str(seed))
        for seed, seed_warnings in (
            (indicator_seed, stale),
            (index_seed, index.warnings),
        )
        for warning in seed_warnings
    )
    plan = Plan(
        info,
        document,
        indicators=found,
        definitions=indicator_curation.definitions,
        index=index,
        warnings=warnings,
        id_lock=lock,
    )
    pages = {name: urls.index_page(plan, name) for name in indexes.INDEX_NAMES}
    links = indicators.indicator_links(found, urls.glossary_page(plan)) + indexes.index_links(plan, pages)
    return replace(plan, links=links)


def read_seed(plan_path: Path, suffix: str, read):
    """A seeds file beside the plan (``<stem><suffix>``) and what ``read`` makes of its text (None if absent)."""
    seed = plan_path.with_name(plan_path.stem + suffix)
    try:
        text = seed.read_text(encoding="utf-8") if seed.is_file() else None
        return seed, read(text)
    except PlanError as error:
        raise error.located(str(seed)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlanError(f"cannot read the file: {error}", path=str(seed)) from None


def _read_lock(ids_path: Path) -> IdLock:
    """The ID lock recorded in ``ids_path`` (empty if the file does not exist yet)."""
    try:
        return idlock.parse_lock(ids_path.read_text(encoding="utf-8")) if ids_path.exists() else IdLock()
    except PlanError as error:
        raise error.located(str(ids_path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlanError(f"cannot read the ID lock: {error}", path=str(ids_path)) from None


def generate(plans: tuple[Plan, ...]) -> tuple[tuple[OutputFile, ...], tuple[NavItem, ...]]:
    """Every file of the docs folder (pages and data) and the site navigation."""
    site = pages.render_site(plans)
    data = tuple(file for plan in plans for file in export.export_data(plan))
    return site.files + data, site.nav


def build(
    plan_paths: list[Path],
    out_dir: Path,
    content_dir: Path | None = None,
    config_file: Path = DEFAULT_CONFIG,
    strict: bool = False,
    ids_paths: list[Path | None] | None = None,
    site_url: str | None = None,
    offline: bool = False,
) -> BuildReport:
    """Build the complete site for the given plans into ``out_dir``.

    ``ids_paths`` gives each plan's ID lock file (or None), read and then updated once the site is
    in place; ``site_url`` overrides mkdocs.yml's (where the site is published). With ``offline``,
    the site is built to be read from disk (one .html file a page, search without a server) and
    ``out_dir`` receives it as one zip, ``<slug>-offline.zip``.
    """
    ids_paths = list(ids_paths or [None] * len(plan_paths))
    if len(ids_paths) != len(plan_paths):
        raise PlanError(f"{len(ids_paths)} ID lock files given for {len(plan_paths)} plans; give one per plan, in order", path="--ids")
    if site_url is not None:
        site_url = _checked_site_url(site_url)
    if offline:
        _check_zip_folder(out_dir)
    else:
        _check_folder(out_dir)
    if content_dir is not None:
        _check_folder(content_dir)
        _check_apart(content_dir, out_dir)
    if not config_file.is_file():
        raise PlanError("no such mkdocs configuration file", path=str(config_file))
    created = _first_missing(out_dir)
    scratch = None
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=out_dir))
        with _temporary_files_in(scratch):
            with _romaniser() as romanise:
                plans = tuple(load_plan(path, ids, romanise) for path, ids in zip(plan_paths, ids_paths))
            _check_slugs(plans, plan_paths)
            warnings = tuple(
                (warning.path or str(path), warning)
                for path, plan in zip(plan_paths, plans)
                for warning in plan.document.warnings + plan.warnings
            )
            if strict and warnings:
                path, warning = warnings[0]
                raise PlanError(f"{warning.message} (--strict)", warning.line, path)
            files, nav = generate(plans)
            if not offline:
                files += (pages.search_page(),)
            terms = tuple(term for plan in plans for term in terms_module.search_terms(plan))
            epoch = _build_epoch(plans)
            docs = scratch / "content" if content_dir is None else content_dir
            site = scratch / "site"
            dictionary = scratch / SEARCH_DICTIONARY
            write_docs(files, docs)
            dictionary.write_text(terms_module.user_dictionary(terms), encoding="utf-8")
            run_mkdocs(config_file, docs, site, nav, epoch, search_dictionary=dictionary, offline=offline, site_url=site_url)
            if offline:
                write_search_index(site, plans, terms, offline)
            else:
                write_library_search(site, plans)
        strip_dead_weight(site, offline)
        if offline:
            _write_zip(site, out_dir / offline_zip_name(plans), epoch)
        else:
            (site / OUTPUT_MARKER).write_text("built by plansite\n", encoding="utf-8")
            _install(site, out_dir, scratch)
    except OSError as error:
        _discard(created or scratch)
        raise PlanError(f"cannot write: {error.strerror or error}", path=str(error.filename or out_dir)) from None
    except BaseException:
        _discard(created or scratch)
        raise
    _discard(scratch)
    for path, ids_path, plan in zip(plan_paths, ids_paths, plans):
        if ids_path is not None:
            _write_if_changed(ids_path, idlock.format_lock(plan.id_lock, path.name))
    return BuildReport(plans, warnings)


def offline_zip_name(plans: tuple[Plan, ...]) -> str:
    """The offline bundle's file name: the plan's slug, or plansite's for several plans."""
    stem = plans[0].info.slug if len(plans) == 1 else "plansite"
    return f"{stem}-offline.zip"


def write_docs(files: tuple[OutputFile, ...], docs: Path) -> None:
    """Replace the docs folder's contents with the generated files."""
    _clear_folder(docs)
    for file in files:
        target = docs / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.text, encoding="utf-8")


def run_mkdocs(
    config_file: Path,
    docs: Path,
    site: Path,
    nav: tuple[NavItem, ...],
    epoch: int,
    search_dictionary: Path | None = None,
    offline: bool = False,
    site_url: str | None = None,
) -> None:
    """Render the docs folder into ``site`` with mkdocs, the navigation given, at a fixed build date.

    ``search_dictionary`` is jieba's user dictionary for material's search plugin; ``offline``
    adds material's offline plugin, with the vendored WebWorker shim, and file URLs; ``site_url``
    replaces mkdocs.yml's.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.utils import yaml_load

    with open(config_file, "rb") as file:
        raw_config = yaml_load(file) or {}
    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch))
    errors = _ErrorLog()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(errors)
    try:
        # The offline bundle names no host at all: no canonical links to where the site is served.
        overrides = {"site_url": ""} if offline else {} if site_url is None else {"site_url": site_url}
        config = load_config(
            config_file=str(config_file),
            docs_dir=str(docs),
            site_dir=str(site),
            nav=_mkdocs_nav(nav),
            **_config_overrides(raw_config, search_dictionary, offline),
            **overrides,
        )
        mkdocs_build(config)
    except MkDocsException as error:
        errors.messages.append(str(error))
    finally:
        logger.removeHandler(errors)
        if previous_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
    if errors.messages:
        reason = patterns.WHITESPACE_RUN.sub(" ", errors.messages[0]).strip()
        raise PlanError(f"mkdocs failed: {reason}", path=str(config_file))


class _ErrorLog(logging.Handler):
    """Keeps the messages of errors mkdocs logs, so that a failed build is reported in one line."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def write_search_index(site: Path, plans: tuple[Plan, ...], terms: tuple[str, ...], offline: bool) -> None:
    """Replace material's search index by one whose results are clauses (see search_index.py)."""
    folder = site / "search"
    index_file = folder / "search_index.json"
    if not index_file.is_file():
        return
    text = material.search_index(index_file.read_text(encoding="utf-8"), plans, terms, directory_urls=not offline)
    index_file.write_text(text, encoding="utf-8")
    if offline:
        # What material's offline plugin writes, from the new index: search reads it from file://.
        (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")


def write_library_search(site: Path, plans: tuple[Plan, ...]) -> None:
    """The online site's search index (generator/search/library.py), beside its search page."""
    for file in library.search_files(summary.search_documents(plans)):
        target = site / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.data)


def strip_dead_weight(site: Path, offline: bool = False) -> None:
    """Remove what no reader loads: source maps, unused search languages, the SVG namespace URL,
    templates' indentation, the stylesheet's rules no page uses; minify plansite's own scripts and styles.

    Offline, also what has no use without a server (404 page, sitemaps, the JSON search index);
    served, the WebWorker shim that only file:// needs. The site is listed once and each file read
    once: this runs on every build.
    """
    files = _site_files(site)
    dead = {path for path in files if path.suffix == ".map"}
    dead.update(_unused_search_scripts(site))
    dead.update(site / name for name in OFFLINE_DEAD_WEIGHT if offline)
    if not offline:
        shim_folder = (site / IFRAME_WORKER_SHIM).parent
        dead.update(path for path in files if shim_folder in path.parents)
    for path in dead:
        path.unlink(missing_ok=True)
    _remove_empty_folders(site, {path.parent for path in dead})
    files = [path for path in files if path not in dead]
    assets = site / "assets"
    scripts: dict[Path, str] = {}
    stylesheets: dict[Path, str] = {}  # material's, written once slimmed
    for asset in (path for path in files if path.suffix in (".js", ".css")):
        text = asset.read_text(encoding="utf-8")
        stripped = patterns.SOURCE_MAP_COMMENT.sub("", text)
        if asset.parent == assets:
            # plansite's own scripts and styles (theme/assets), written readable, shipped minified.
            stripped = rjsmin.jsmin(stripped) if asset.suffix == ".js" else rcssmin.cssmin(stripped)
        if asset.suffix == ".css" and asset.parent == assets / "stylesheets":
            stylesheets[asset] = stripped
        elif stripped != text:
            asset.write_text(stripped, encoding="utf-8")
        # Class names come from the pages and from the scripts that build the page (material's
        # bundle, plansite's own), not from the search worker or its language files.
        if asset.suffix == ".js" and (asset.parent == assets or (asset.parent.name == "javascripts" and asset.name.startswith("bundle."))):
            scripts[asset] = stripped
    pages = {page: page.read_text(encoding="utf-8") for page in files if page.suffix == ".html"}
    used = slim.used_names([*pages.values(), *scripts.values()])
    for stylesheet, text in stylesheets.items():
        stylesheet.write_text(slim.unused_rules_removed(text, used), encoding="utf-8")
    for page, text in pages.items():
        text = patterns.SVG_XMLNS.sub("", text)
        if not patterns.PREFORMATTED.search(text):
            text = patterns.INDENTATION.sub("\n", text)
        page.write_text(text, encoding="utf-8")


def _site_files(site: Path) -> list[Path]:
    """Every file of the built site, in a fixed order."""
    return sorted(Path(folder, name) for folder, _, names in os.walk(site) for name in names)


def _remove_empty_folders(site: Path, folders: set[Path]) -> None:
    """Remove the given folders and their parents (up to the site) that are left empty."""
    for folder in sorted(folders, key=lambda path: len(path.parts), reverse=True):
        while folder != site and site in folder.parents and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def _checked_site_url(site_url: str) -> str:
    """The site's published address, ending in a slash, or a PlanError if it is not an http(s) URL."""
    if not patterns.SITE_URL.match(site_url):
        raise PlanError(f"expected an absolute http:// or https:// address such as https://example.org/plans/, not {site_url!r}", path="--site-url")
    return site_url if site_url.endswith("/") else site_url + "/"


def _write_if_changed(path: Path, text: str) -> None:
    """Write a file beside the input (the ID lock) whole, and only when its text changes."""
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return
        scratch = path.with_name(f".{path.name}.tmp")
        scratch.write_text(text, encoding="utf-8")
        os.replace(scratch, path)
    except OSError as error:
        raise PlanError(f"cannot write the ID lock: {error.strerror or error}", path=str(path)) from None


def _config_overrides(raw_config: dict, search_dictionary: Path | None, offline: bool) -> dict:
    """mkdocs.yml settings this build changes: the search plugin's jieba dictionary, offline mode.

    Material's search serves the offline bundle only: online, the library's own search page does.
    """
    configured = raw_config.get("plugins") or ["search"]
    entries = [{name: options} for name, options in configured.items()] if isinstance(configured, dict) else configured
    plugins = []
    for entry in entries:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        if name in ("search", "material/search") and not offline:
            continue
        if name in ("search", "material/search") and search_dictionary is not None:
            options = {**(options or {}), "jieba_dict_user": str(search_dictionary)}
        plugins.append({name: options} if options else name)
    overrides: dict = {"plugins": plugins}
    if offline:
        plugins.append("offline")
        extra = dict(raw_config.get("extra") or {})
        extra["polyfills"] = [*extra.get("polyfills", []), IFRAME_WORKER_SHIM]
        overrides.update(extra=extra, use_directory_urls=False)
    return overrides


def _unused_search_scripts(site: Path) -> list[Path]:
    """lunr's language scripts that the search worker will not import for the index's languages."""
    folder = site / "assets" / "javascripts" / "lunr"
    index_file = site / "search" / "search_index.json"
    if not index_file.is_file():
        # No material search (the online site): its worker and lunr go too.
        workers = site / "assets" / "javascripts" / "workers"
        return sorted([*folder.rglob("*.js"), *workers.glob("search.*.js")]) if folder.is_dir() else []
    if not folder.is_dir():
        return []
    languages = json.loads(index_file.read_text(encoding="utf-8"))["config"]["lang"]
    # What material's worker imports: nothing for English; for others the stemmer support, the
    # language, a segmenter for ja/hi/th, and the multi-language glue for several.
    needed = set()
    if languages != ["en"]:
        needed.add("min/lunr.stemmer.support.min.js")
        needed.update(f"min/lunr.{language}.min.js" for language in languages if language != "en")
        needed.update("tinyseg.js" for language in languages if language == "ja")
        needed.update("wordcut.js" for language in languages if language in ("hi", "th"))
        if len(languages) > 1:
            needed.add("min/lunr.multi.min.js")
    return [path for path in sorted(folder.rglob("*.js")) if path.relative_to(folder).as_posix() not in needed]


def _mkdocs_nav(items: tuple[NavItem, ...]) -> list:
    """The navigation in mkdocs.yml's form: a list of {title: path} and {title: [children]}."""
    return [{item.title: _mkdocs_nav(item.children) if item.children else item.path} for item in items]


def _build_epoch(plans: tuple[Plan, ...]) -> int:
    """A fixed build date for reproducible output: the latest plan's date (or the epoch)."""
    dates = sorted(plan.document.front.iso_date for plan in plans if plan.document.front.iso_date)
    if not dates:
        return 0
    return int(datetime.fromisoformat(dates[-1]).replace(tzinfo=timezone.utc).timestamp())


def _check_slugs(plans: tuple[Plan, ...], paths: list[Path]) -> None:
    """Refuse two plans that would share a URL prefix."""
    seen: dict[str, Path] = {}
    for path, plan in zip(paths, plans):
        if plan.info.slug in seen:
            raise PlanError(f"slug {plan.info.slug!r} is already used by {seen[plan.info.slug]}", path=str(path))
        seen[plan.info.slug] = path


def _check_zip_folder(folder: Path) -> None:
    """Refuse an output path for a zip that is not a folder."""
    if folder.exists() and not folder.is_dir():
        raise PlanError("the output path is not a folder", path=str(folder))


def _write_zip(site: Path, target: Path, epoch: int) -> None:
    """Zip the site reproducibly (sorted entries, fixed dates and modes) under one top folder."""
    top = target.name[: -len(".zip")]
    stamp = datetime.fromtimestamp(max(epoch, ZIP_EARLIEST), tz=timezone.utc).timetuple()[:6]
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(partial, "w") as bundle:
            for path in sorted(site.rglob("*"), key=lambda path: path.relative_to(site).as_posix()):
                if path.is_dir() or path.name == OUTPUT_MARKER:
                    continue
                info = zipfile.ZipInfo(f"{top}/{path.relative_to(site).as_posix()}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                bundle.writestr(info, path.read_bytes(), compresslevel=9)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise PlanError(f"cannot write the bundle: {error.strerror or error}", path=str(target)) from None


def _check_folder(folder: Path) -> None:
    """Refuse to fill a folder that holds files this tool did not make."""
    if folder.exists() and not folder.is_dir():
        raise PlanError("the output path is not a folder", path=str(folder))
    if folder.is_dir() and not _ours(folder):
        raise PlanError("the folder is not empty and was not made by plansite; not overwriting it", path=str(folder))


def _ours(folder: Path) -> bool:
    """Whether a folder is empty of visible files or was filled by this tool."""
    return (folder / OUTPUT_MARKER).exists() or all(entry.name.startswith(".") for entry in folder.iterdir())


def _clear_folder(folder: Path) -> None:
    """Empty a folder of everything but dotfiles (such as .gitignore), creating it if needed."""
    folder.mkdir(parents=True, exist_ok=True)
    for entry in folder.iterdir():
        if entry.name.startswith(".") and entry.name != OUTPUT_MARKER:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    (folder / OUTPUT_MARKER).write_text("generated by plansite; do not edit\n", encoding="utf-8")


def _check_apart(content_dir: Path, out_dir: Path) -> None:
    """Refuse a --content folder that is, holds or lies in the output folder (one would clear the other)."""
    content, out = content_dir.resolve(), out_dir.resolve()
    if content == out or out in content.parents or content in out.parents:
        raise PlanError("the --content folder must lie outside the output folder", path=str(content_dir))


@contextlib.contextmanager
def _romaniser():
    """pinyin.romanised, run by a worker process that loads pypinyin while this one reads the plans.

    Loading pypinyin's tables costs a fifth of a second, and reading a plan (jieba's dictionary
    above all) much longer: on a second core the load costs nothing. The worker is forked (a copy
    of this process, so nothing is imported twice); with one core, where forking is not safe (no
    fork, or other threads running) or the worker fails, romanisation runs here, with the same result.
    """
    forkable = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    if not forkable or (os.cpu_count() or 1) < 2:
        yield pinyin.romanised
        return
    pool = None
    try:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        pool.submit(pinyin.prepare)  # starts the worker and its loading now, not at the first name
    except (OSError, ImportError, NotImplementedError):  # no process or no semaphores to be had here
        if pool is not None:
            pool.shutdown()
        yield pinyin.romanised
        return
    with pool:

        def romanise(texts: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
            try:
                return pool.submit(pinyin.romanised, texts).result()
            except BrokenProcessPool:
                return pinyin.romanised(texts)

        yield romanise


@contextlib.contextmanager
def _temporary_files_in(folder: Path):
    """Send the temporary files of libraries (jieba's dictionary cache…) to ``folder`` for a while."""
    previous = tempfile.tempdir
    tempfile.tempdir = str(folder)
    try:
        yield
    finally:
        tempfile.tempdir = previous


def _install(built: Path, target: Path, scratch: Path) -> None:
    """Put a finished build in place of the target folder's previous contents (dotfiles not ours stay)."""
    for entry in target.iterdir():
        ours = entry.name == OUTPUT_MARKER or entry.name.startswith(SCRATCH_PREFIX)
        if entry == scratch or (entry.name.startswith(".") and not ours):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in built.iterdir():
        entry.rename(target / entry.name)


def _first_missing(folder: Path) -> Path | None:
    """The outermost of a folder and its parents that does not exist yet (what a failed build removes)."""
    missing = None
    while not folder.exists():
        missing, folder = folder, folder.parent
        if folder == missing:
            break
    return missing


def _discard(folder: Path | None) -> None:
    """Remove a folder this build made, if it is still there."""
    if folder is not None and folder.exists():
        shutil.rmtree(folder, ignore_errors=True)
