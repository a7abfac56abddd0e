"""mkdocs and material: the one module that runs mkdocs or names what plansite relies on of them.

The build runs mkdocs once per document (its pages, its own navigation) and once for the library's
pages, often many times in one worker process; compiled templates are kept between runs
(``TemplateCache``), since compiling material's templates costs more than rendering a chapter.

What plansite relies on, to check when mkdocs or mkdocs-material is upgraded (requirements.txt):

- mkdocs run in-process: ``load_config`` with overrides, ``commands.build.build``, an object with
  event methods put in ``config.plugins`` (``_Events``: ``on_config``, ``on_env``), the theme's
  ``get_env`` (a document's run lists no theme files), ``SOURCE_DATE_EPOCH``, the "mkdocs" logger;
  ``mkdocs.livereload.LiveReloadServer`` and its ``error_handler`` for ``make serve``.
- material's templates: theme/ overrides some (main.html's blocks, partials/copyright.html,
  partials/search.html, partials/header.html and 404.html adapted from material's (the header names a
  document's page's document), partials/alternate.html standing in material's header); each records the digest of the material template it was written against, and
  tests/test_mkdocs_run.py fails when the installed one differs (``material_originals``).
- material's asset layout: its page script ``assets/javascripts/bundle.*.js`` (the class names it
  adds) and its stylesheets under ``assets/stylesheets/`` (slimmed to the names pages use).
- ``extra.alternate``: set to true so that material's header includes partials/alternate.html,
  where plansite's search box stands.
- no search or offline plugin of mkdocs' or material's runs (``SEARCH_PLUGINS``): the library's own
  search serves the site and every offline bundle (generator/search/).
"""

import hashlib
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import BytecodeCache

from generator import patterns
from generator.errors import PlanError
from generator.model import NavItem

# material's page script (its name carries a digest) and its stylesheets, as it lays them out in a site.
MATERIAL_SCRIPT = "assets/javascripts/bundle."
MATERIAL_STYLESHEETS = "assets/stylesheets/"
# In a theme override's leading comment: the material template it was written against, and its digest.
ORIGINAL_RECORD = patterns.MATERIAL_ORIGINAL
# The name of the handler quiet_logging gives mkdocs' logger (once a process).
QUIET_HANDLER = "plansite"
# mkdocs' build date (SOURCE_DATE_EPOCH): no time at all, so that its gzip headers say none (MTIME 0)
# and nothing depends on when or from which document's date a site was built (README, "Builds").
BUILD_EPOCH = 0
# mkdocs' and material's search plugins: never run, the library's own search serves the site and
# the offline bundles (generator/search/); material's offline plugin neither (it only set up theirs).
SEARCH_PLUGINS = ("search", "material/search", "offline", "material/offline")


class TemplateCache(BytecodeCache):
    """Compiled Jinja templates kept in memory across mkdocs runs in one process (keyed by source checksum)."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        code = self.compiled.get(bucket.key + bucket.checksum)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key + bucket.checksum] = bucket.bytecode_to_string()


@dataclass(frozen=True, slots=True)
class MkdocsRun:
    """One mkdocs run: what to render, where, with which navigation and settings."""

    config_file: Path
    docs: Path
    site: Path
    nav: tuple[NavItem, ...]
    # Where the site is published (None: mkdocs.yml's site_url; "" for none at all).
    site_url: str | None = None
    # Offline bundles: one .html file a page.
    offline: bool = False
    # Offline bundles: the published site they are taken from (the theme names it; copied links point there).
    offline_source: str = ""
    templates: TemplateCache | None = field(default=None, compare=False)
    # A document's run: its pages alone, without copying the theme's assets (stylesheets, scripts,
    # fonts), which the library's run puts in the site once.
    pages_only: bool = False


def run_mkdocs(run: MkdocsRun) -> None:
    """Render ``run.docs`` into ``run.site`` with mkdocs; a failure becomes one PlanError line."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    raw_config = read_config(run.config_file)
    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(BUILD_EPOCH)
    errors = _ErrorLog()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(errors)
    try:
        overrides = {"site_url": run.site_url} if run.site_url is not None else {}
        if run.offline:
            # The offline bundle names no host at all: no canonical links to where the site is served.
            overrides["site_url"] = ""
        config = load_config(
            config_file=str(run.config_file),
            docs_dir=str(run.docs),
            site_dir=str(run.site),
            nav=mkdocs_nav(run.nav),
            **config_overrides(raw_config, run.offline, run.offline_source),
            **overrides,
        )
        config.plugins["plansite"] = _Events(run.templates, run.pages_only)
        mkdocs_build(config)
    except MkDocsException as error:
        errors.messages.append(str(error))
    finally:
        logger.removeHandler(errors)
        if previous_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous_epoch
    if errors.messages:
        reason = patterns.WHITESPACE_RUN.sub(" ", errors.messages[0]).strip()
        raise PlanError(f"mkdocs failed: {reason}", path=str(run.config_file))


def read_config(config_file: Path) -> dict:
    """mkdocs.yml's settings as written (mkdocs' YAML reader: !ENV tags and all)."""
    from mkdocs.utils import yaml_load

    try:
        with open(config_file, "rb") as file:
            data = yaml_load(file) or {}
    except Exception as error:  # mkdocs' reader raises its own errors as well as YAML's
        raise PlanError(f"cannot read the mkdocs configuration: {error}", path=str(config_file)) from None
    return data if isinstance(data, dict) else {}


def config_overrides(raw_config: dict, offline: bool, offline_source: str = "") -> dict:
    """mkdocs.yml settings a run changes: plugins (never a search plugin: SEARCH_PLUGINS), offline
    mode (one .html file a page, with the address of the site a bundle is taken from in extra.offline_source)."""
    configured = raw_config.get("plugins") or []
    entries = [{name: options} for name, options in configured.items()] if isinstance(configured, dict) else configured
    plugins = []
    for entry in entries:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        if name not in SEARCH_PLUGINS:
            plugins.append({name: options} if options else name)
    # material's header includes partials/alternate.html (theme/: plansite's search box) when
    # extra.alternate is set; true rather than a list of languages, so no <link rel="alternate">.
    extra = {**(raw_config.get("extra") or {}), "alternate": True}
    overrides: dict = {"plugins": plugins, "extra": extra}
    if offline:
        extra["offline_source"] = offline_source
        overrides.update(use_directory_urls=False)
    return overrides


def quiet_logging() -> None:
    """Show mkdocs' warnings, one line each, but not its progress messages (the command line's logging)."""
    logger = logging.getLogger("mkdocs")
    if any(handler.get_name() == QUIET_HANDLER for handler in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(QUIET_HANDLER)
    handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    # mkdocs' errors end the build, and run_mkdocs reports the first of them in the one error line.
    handler.addFilter(lambda record: record.levelno < logging.ERROR)
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False


def live_server(rebuild, site: Path, host: str, port: int, not_found):
    """mkdocs' development server: serves ``site``, calls ``rebuild`` when a watched file changes
    (``server.watch(path)``), answers a missing page with ``not_found()``'s bytes, reloads the browser."""
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site))
    server.error_handler = lambda code: not_found() if code == 404 else None
    return server


def is_material_script(path: str) -> bool:
    """Whether a site path is material's page script (whose class names pages may gain)."""
    return path.startswith(MATERIAL_SCRIPT) and path.endswith(".js")


def is_material_stylesheet(path: str) -> bool:
    """Whether a site path is one of material's stylesheets."""
    return path.startswith(MATERIAL_STYLESHEETS)


def material_originals(theme: Path) -> tuple[tuple[str, str, str, str], ...]:
    """Every theme file that records the material template it was written against: (theme file,
    material template, digest recorded, digest of the installed one — "" if there is none)."""
    import material

    templates = Path(material.__file__).resolve().parent / "templates"
    found = []
    for path in sorted(theme.rglob("*.html")):
        for original, recorded in ORIGINAL_RECORD.findall(path.read_text(encoding="utf-8")):
            installed = templates / original
            digest = hashlib.sha256(installed.read_bytes()).hexdigest() if installed.is_file() else ""
            found.append((path.relative_to(theme).as_posix(), original, recorded, digest))
    return tuple(found)


def material_templates() -> frozenset[str]:
    """The paths of the installed material's templates (.html), relative to its templates folder."""
    import material

    templates = Path(material.__file__).resolve().parent / "templates"
    return frozenset(path.relative_to(templates).as_posix() for path in templates.rglob("*.html") if ".icons" not in path.parts)


def mkdocs_nav(items: tuple[NavItem, ...]) -> list:
    """The navigation in mkdocs.yml's form: a list of {title: path} and {title: [children]}."""
    return [{item.title: mkdocs_nav(item.children) if item.children else item.path} for item in items]


class _ErrorLog(logging.Handler):
    """Keeps the messages of errors mkdocs logs, so that a failed build is reported in one line."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _listing_nothing(make_environment):
    """mkdocs' make-the-Jinja-environment function, whose environment lists no template files."""

    def environment():
        made = make_environment()
        made.list_templates = lambda *arguments, **options: []
        return made

    return environment


class _Events:
    """An mkdocs plugin (events only): the theme's Jinja environment gets the shared template cache,
    and a document's run leaves the theme's assets out."""

    def __init__(self, templates: TemplateCache | None, pages_only: bool):
        self.templates = templates
        self.pages_only = pages_only

    def on_config(self, config):
        if self.pages_only:
            # mkdocs lists every file of the theme folders (material's: 14,500, icons included) to
            # copy its assets; a document's run copies none, so its environment lists none.
            config.theme.get_env = _listing_nothing(config.theme.get_env)
        return config

    def on_env(self, env, config, files):
        if self.templates is not None:
            env.bytecode_cache = self.templates
        return env
