"""Build: the only stage that touches files. Reads plans and seeds, writes Markdown, runs mkdocs.

Nothing is written until every plan has been read and parsed; the site is built in a temporary
folder and moved into place, so a failed build leaves the output folder as it was.
"""

import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from . import editorial, export, identify, idlock, indexes, indicators, ingest, parse, patterns, render, urls
from .errors import PlanError
from .model import IdLock, NavItem, OutputFile, Plan, Warning

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = ROOT / "mkdocs.yml"
# Present in every folder this tool fills, so that it never clears a folder it did not make.
OUTPUT_MARKER = ".plansite"


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build produced: its plans and the warnings found in each source."""

    plans: tuple[Plan, ...]
    warnings: tuple[tuple[str, Warning], ...]


def load_plan(path: Path, ids_path: Path | None = None) -> Plan:
    """Read one plan file and its seeds (<stem>.yml, .indicators.yml, .index.yml) and run every stage before rendering.

    With ``ids_path``, clauses keep the permanent IDs that lock file records (none yet if it does
    not exist), and the plan carries the updated lock for ``build`` to write back.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PlanError(f"cannot read the file: {error.strerror or error}", path=str(path)) from None
    try:
        document = parse.parse_plan(ingest.ingest(ingest.decode(raw)))
    except PlanError as error:
        raise error.located(str(path)) from None
    _, info = _read_seed(path, ".yml", lambda text: editorial.plan_info(text, path.stem))
    lock = None
    if ids_path is not None:
        document, lock = identify.assign_ids(document, _read_lock(ids_path))
    indicator_seed, indicator_curation = _read_seed(path, ".indicators.yml", editorial.indicator_curation)
    index_seed, index_curation = _read_seed(path, ".index.yml", editorial.index_curation)
    index = indexes.extract_index(document, index_curation)
    found = indicators.extract_indicators(document, indicator_curation)
    warnings = tuple(
        replace(warning, path=str(seed))
        for seed, seed_warnings in (
            (indicator_seed, indicators.stale_curation(document, indicator_curation)),
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


def _read_seed(plan_path: Path, suffix: str, read):
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
    site = render.render_site(plans)
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
) -> BuildReport:
    """Build the complete site for the given plans into ``out_dir``.

    ``ids_paths`` gives each plan's ID lock file (or None), read and then updated once the site is
    in place; ``site_url`` overrides mkdocs.yml's (where the site is published).
    """
    ids_paths = list(ids_paths or [None] * len(plan_paths))
    if len(ids_paths) != len(plan_paths):
        raise PlanError(f"{len(ids_paths)} ID lock files given for {len(plan_paths)} plans; give one per plan, in order", path="--ids")
    if site_url is not None:
        site_url = _checked_site_url(site_url)
    plans = tuple(load_plan(path, ids) for path, ids in zip(plan_paths, ids_paths))
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
    _check_folder(out_dir)
    if content_dir is not None:
        _check_folder(content_dir)
    with tempfile.TemporaryDirectory(prefix="plansite-") as scratch:
        docs = Path(scratch, "content") if content_dir is None else content_dir
        site = Path(scratch, "site")
        write_docs(files, docs)
        run_mkdocs(config_file, docs, site, nav, _build_epoch(plans), site_url)
        strip_dead_weight(site)
        (site / OUTPUT_MARKER).write_text("built by plansite\n", encoding="utf-8")
        _replace_folder(site, out_dir)
    for path, ids_path, plan in zip(plan_paths, ids_paths, plans):
        if ids_path is not None:
            _write_if_changed(ids_path, idlock.format_lock(plan.id_lock, path.name))
    return BuildReport(plans, warnings)


def write_docs(files: tuple[OutputFile, ...], docs: Path) -> None:
    """Replace the docs folder's contents with the generated files."""
    _clear_folder(docs)
    for file in files:
        target = docs / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.text, encoding="utf-8")


def run_mkdocs(
    config_file: Path, docs: Path, site: Path, nav: tuple[NavItem, ...], epoch: int, site_url: str | None = None
) -> None:
    """Render the docs folder into ``site`` with mkdocs, the navigation given, at a fixed build date."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch))
    try:
        overrides = {} if site_url is None else {"site_url": site_url}
        config = load_config(
            config_file=str(config_file), docs_dir=str(docs), site_dir=str(site), nav=_mkdocs_nav(nav), **overrides
        )
        mkdocs_build(config)
    finally:
        if previous_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


def strip_dead_weight(site: Path) -> None:
    """Remove source maps and their references, and the SVG namespace URL from HTML pages."""
    for map_file in site.rglob("*.map"):
        map_file.unlink()
    for asset in [*site.rglob("*.js"), *site.rglob("*.css")]:
        text = asset.read_text(encoding="utf-8")
        stripped = patterns.SOURCE_MAP_COMMENT.sub("", text)
        if stripped != text:
            asset.write_text(stripped, encoding="utf-8")
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(patterns.SVG_XMLNS.sub("", text), encoding="utf-8")


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


def _replace_folder(built: Path, target: Path) -> None:
    """Put a finished build in place of the target folder."""
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(built), str(target))
