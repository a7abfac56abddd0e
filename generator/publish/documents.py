"""Documents: one document built into a folder of its own — its pages, share pages and data.

A document is built on its own, by a worker process when several are built at once: its Markdown
is rendered, mkdocs renders it with the document's own navigation (a link back to the library, then
its pages), its share pages and data files are written beside, and its pages are finished. Nothing
in it depends on the other documents, so that it can be kept from one build to the next.
"""

import functools
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator import sources, urls
from generator.library.catalogue import RegionTable, catalogue
from generator.library.pages import library_pages, search_page
from generator.library.summary import document_summary
from generator.model import (
    BinaryFile,
    DocumentSummary,
    NavItem,
    OutputFile,
    SiteSettings,
    Warning,
    iter_clauses,
    plan_warnings,
)
from generator.publish import finish, slim
from generator.publish.assets import finish_assets
from generator.publish.bundle import (
    OFFLINE_DEAD_WEIGHT,
    OFFLINE_README,
    bundle_name,
    drop_unloaded_assets,
    index_scripts,
    write_zip,
)
from generator.publish.cache import file_table
from generator.publish.mkdocs_run import MkdocsRun, TemplateCache, run_mkdocs
from generator.read import idlock
from generator.render import export, pages
from generator.search import library as search_library

# The library's home page as each document's navigation names it (the page itself is the library's).
HOME_TITLE = "文库首页"
# An offline bundle's search heads aim at this many bytes (the site's at search.library.HEAD_BYTES).
BUNDLE_HEAD_BYTES = 1 << 20
# A stand-in for the library's home page in a document's own mkdocs run: its navigation needs one.
HOME_STAND_IN = "---\ntitle: " + HOME_TITLE + "\n---\n"


@dataclass(frozen=True, slots=True)
class DocumentJob:
    """What a worker needs to build one document: its source, a folder to build in, the site's settings."""

    source: sources.DocumentSource
    key: str
    folder: Path
    config_file: Path
    site: SiteSettings
    # mkdocs' site_url for this run (None: mkdocs.yml's own).
    site_url: str | None = None
    # Offline bundles: the address of the published site they are taken from (copied links point there).
    offline_source: str = ""
    # The output folder as the last build left it: share pages it holds unchanged are linked from there.
    earlier: Path | None = None


@dataclass(frozen=True, slots=True)
class DocumentStats:
    """Counts the command line reports for a document."""

    chapters: int
    appendices: int
    clauses: int
    debris: int


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """A built document as the library step and the cache see it: no page needs to be read again."""

    source: str
    key: str
    summary: DocumentSummary
    stats: DocumentStats
    warnings: tuple[Warning, ...]
    # Words of its pages that could be class names, sorted: the site's stylesheet keeps their rules.
    class_names: tuple[str, ...]
    # Each file it put in the site (paths relative to the site's root) and in the content folder,
    # with its size and the digest of its bytes.
    files: tuple[tuple[str, int, str], ...]
    content: tuple[tuple[str, int, str], ...]
    # Site-relative URLs of its pages (not share pages), for the sitemap.
    pages: tuple[str, ...]
    # The updated ID lock to write back beside the source (None: no lock kept).
    lock: str | None
    # What the document adds to the library's search index (search.library.part_bytes), merged with
    # the others' in the last step.
    search: bytes

    @property
    def slug(self) -> str:
        return self.summary.slug


def build_document(job: DocumentJob, inputs: sources.DocumentInputs | None = None) -> DocumentResult:
    """Build one document into ``job.folder``: ``site/<slug>/`` (pages, share pages, data) and ``content/<slug>/`` (Markdown).

    ``inputs``: the document's files, read elsewhere (a cluster's worker); else they are read here.
    """
    plan = sources.load_plan(job.source.path, job.source.lock, inputs=inputs)
    rendered = pages.render_document(plan, job.site)
    markdown = (OutputFile(urls.SITE_HOME, HOME_STAND_IN), *rendered.pages, *export.export_data(plan))
    content = job.folder / "content"
    raw = job.folder / "mkdocs"
    site = job.folder / "site"
    write_files(markdown, content)
    nav = (NavItem(HOME_TITLE, urls.SITE_HOME), rendered.nav)
    run_mkdocs(MkdocsRun(job.config_file, content, raw, nav, site_url=job.site_url, templates=template_cache(), pages_only=True))
    (content / urls.SITE_HOME).unlink()
    slug = plan.info.slug
    (site / slug).parent.mkdir(parents=True, exist_ok=True)
    os.replace(raw / slug, site / slug)
    shutil.rmtree(raw)
    pages_written = finish_pages(site / slug)
    write_files(rendered.share_pages, site, earlier=job.earlier)
    document = plan.document
    warnings = plan_warnings(plan)
    summary = document_summary(plan)
    return DocumentResult(
        source=str(job.source.path),
        key=job.key,
        summary=summary,
        stats=DocumentStats(
            chapters=len(document.chapters),
            appendices=len(document.appendices),
            clauses=sum(1 for _ in iter_clauses(document)),
            debris=len(document.debris),
        ),
        warnings=warnings,
        class_names=tuple(sorted(slim.used_names(pages_written.values()))),
        files=file_table(site),
        content=file_table(content),
        pages=tuple(sorted(_page_url(site, path) for path in pages_written)),
        lock=idlock.format_lock(plan.id_lock, job.source.path.name) if plan.id_lock is not None else None,
        search=search_library.part_bytes(search_library.document_index(summary)),
    )


def finish_pages(folder: Path) -> dict[Path, str]:
    """Finish every HTML page mkdocs wrote under ``folder`` in place; the pages' finished texts."""
    finished = {}
    for path in sorted(folder.rglob("*.html")):
        text = finish.finished_page(path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
        finished[path] = text
    return finished


def write_files(files, folder: Path, earlier: Path | None = None) -> None:
    """Write generated files (OutputFile: text, BinaryFile: bytes) under ``folder``, creating their folders.

    ``earlier``: the folder the files will replace (the site as the last build left it). A file whose
    bytes it already holds at the same path is linked from there instead of written: on this kind
    of disk creating a file with contents costs about 20 times a link, and a library's rebuild writes
    thousands of index files that mostly did not change. The earlier folder's file is not touched.
    """
    for file in files:
        target = folder / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = file.data if isinstance(file, BinaryFile) else file.text.encode("utf-8")
        if earlier is None or not _linked(earlier / file.path, data, target):
            target.write_bytes(data)


def _linked(old: Path, data: bytes, target: Path) -> bool:
    """Link ``target`` to ``old`` when ``old`` is a plain file holding exactly ``data``."""
    try:
        if old.is_symlink() or not old.is_file() or old.stat().st_size != len(data) or old.read_bytes() != data:
            return False
        os.link(old, target)
    except OSError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def template_cache() -> TemplateCache:
    """This process's compiled templates, shared by its mkdocs runs (compiling costs more than rendering)."""
    return TemplateCache()


def _page_url(site: Path, page: Path) -> str:
    """The served, site-relative URL of a page file: a/4/index.html → a/4/."""
    path = page.relative_to(site).as_posix()
    return path[: -len("index.html")] if path.endswith("index.html") else path


def build_bundle(job: DocumentJob, regions: RegionTable, out_dir: Path) -> str:
    """Build one document's offline bundle in ``job.folder`` and zip it into ``out_dir``; its slug.

    The bundle is read from disk (one .html file a page); its home page lists the one document, and
    its search page (search.html) searches it as the site's does, the index's files as scripts.
    """
    plan = sources.load_plan(job.source.path, job.source.lock)
    rendered = pages.render_document(plan, job.site)
    summary = document_summary(plan, directory_urls=False)
    home = library_pages(catalogue((summary,), regions), bundled=True)
    content = job.folder / "content"
    site = job.folder / "site"
    write_files((*home, search_page(bundled=True), *rendered.pages, *export.export_data(plan)), content)
    nav = (NavItem(HOME_TITLE, urls.SITE_HOME), rendered.nav)
    run_mkdocs(MkdocsRun(job.config_file, content, site, nav, offline=True, offline_source=job.offline_source, templates=template_cache()))
    for name in OFFLINE_DEAD_WEIGHT:
        (site / name).unlink(missing_ok=True)
    page_texts = finish_pages(site)
    write_files(rendered.share_pages, site)
    drop_unloaded_assets(site, page_texts | {site / page.path: page.text for page in rendered.share_pages})
    finish_assets(site, slim.used_names(page_texts.values()))
    # Read from disk, a head costs no request: few large ones compress better in the zip.
    write_files(index_scripts(search_library.search_files((summary,), head_bytes=BUNDLE_HEAD_BYTES)), site)
    (site / OFFLINE_README).write_text(pages.offline_readme(plan, job.offline_source), encoding="utf-8", newline="")
    write_zip(site, out_dir / bundle_name(plan.info.slug))
    return plan.info.slug
