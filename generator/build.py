"""Build: the only stage that touches files. Reads plans and seeds, writes Markdown, runs mkdocs.

Nothing is written until every plan has been read and parsed; the site is built in a hidden scratch
folder inside the output folder and moved into place, so a failed build leaves the output folder as
it was (or absent, if it did not exist). Nothing is written outside the output folder, except the
Markdown when --content asks for it: even the libraries' temporary files go to the scratch folder.
"""

import contextlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import editorial, export, ingest, parse, patterns, render
from .errors import PlanError
from .model import NavItem, OutputFile, Plan, Warning

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = ROOT / "mkdocs.yml"
# Present in every folder this tool fills, so that it never clears a folder it did not make.
OUTPUT_MARKER = ".plansite"
# The hidden folder inside the output folder where a build is made before it is moved into place.
SCRATCH_PREFIX = ".plansite-build-"


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build produced: its plans and the warnings found in each source."""

    plans: tuple[Plan, ...]
    warnings: tuple[tuple[str, Warning], ...]


def load_plan(path: Path) -> Plan:
    """Read, ingest and parse one plan file, with its seeds metadata (<stem>.yml) if present."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PlanError(f"cannot read the file: {error.strerror or error}", path=str(path)) from None
    try:
        document = parse.parse_plan(ingest.ingest(ingest.decode(raw)))
    except PlanError as error:
        raise error.located(str(path)) from None
    meta_path = path.with_suffix(".yml")
    try:
        meta_text = meta_path.read_text(encoding="utf-8") if meta_path.is_file() else None
        info = editorial.plan_info(meta_text, path.stem)
    except PlanError as error:
        raise error.located(str(meta_path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlanError(f"cannot read the file: {error}", path=str(meta_path)) from None
    return Plan(info, document)


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
) -> BuildReport:
    """Build the complete site for the given plans into ``out_dir``."""
    plans = tuple(load_plan(path) for path in plan_paths)
    _check_slugs(plans, plan_paths)
    warnings = tuple((str(path), warning) for path, plan in zip(plan_paths, plans) for warning in plan.document.warnings)
    if strict and warnings:
        path, warning = warnings[0]
        raise PlanError(f"{warning.message} (--strict)", warning.line, path)
    files, nav = generate(plans)
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
        docs = scratch / "content" if content_dir is None else content_dir
        site = scratch / "site"
        write_docs(files, docs)
        with _temporary_files_in(scratch):
            run_mkdocs(config_file, docs, site, nav, _build_epoch(plans))
        strip_dead_weight(site)
        (site / OUTPUT_MARKER).write_text("built by plansite\n", encoding="utf-8")
        _install(site, out_dir, scratch)
    except OSError as error:
        _discard(created or scratch)
        raise PlanError(f"cannot write: {error.strerror or error}", path=str(error.filename or out_dir)) from None
    except BaseException:
        _discard(created or scratch)
        raise
    _discard(scratch)
    return BuildReport(plans, warnings)


def write_docs(files: tuple[OutputFile, ...], docs: Path) -> None:
    """Replace the docs folder's contents with the generated files."""
    _clear_folder(docs)
    for file in files:
        target = docs / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.text, encoding="utf-8")


def run_mkdocs(config_file: Path, docs: Path, site: Path, nav: tuple[NavItem, ...], epoch: int) -> None:
    """Render the docs folder into ``site`` with mkdocs, the navigation given, at a fixed build date."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(epoch))
    errors = _ErrorLog()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(errors)
    try:
        config = load_config(
            config_file=str(config_file), docs_dir=str(docs), site_dir=str(site), nav=_mkdocs_nav(nav)
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


def _check_apart(content_dir: Path, out_dir: Path) -> None:
    """Refuse a --content folder that is, holds or lies in the output folder (one would clear the other)."""
    content, out = content_dir.resolve(), out_dir.resolve()
    if content == out or out in content.parents or content in out.parents:
        raise PlanError("the --content folder must lie outside the output folder", path=str(content_dir))


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
