"""mkdocs: render a folder of generated Markdown into HTML with mkdocs.yml and the theme's overrides.

The build runs mkdocs once per document (its pages, its own navigation) and once for the library's
pages, often many times in one worker process; compiled templates are kept between runs
(``TemplateCache``), since compiling material's templates costs more than rendering a chapter.
"""

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import BytecodeCache

from generator import patterns
from generator.errors import PlanError
from generator.model import NavItem

# The WebWorker shim that lets search run from file:// (vendored: no page may load it from unpkg).
# Its path contains "iframe-worker", so material's offline plugin does not add its own.
IFRAME_WORKER_SHIM = "assets/iframe-worker/shim.js"
# mkdocs' build date (SOURCE_DATE_EPOCH): no time at all, so that its gzip headers say none (MTIME 0)
# and nothing depends on when or from which document's date a site was built (README, "Builds").
BUILD_EPOCH = 0


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
    # Offline bundles: material's offline and search plugins, one .html file a page.
    offline: bool = False
    # jieba's user dictionary for material's search plugin (offline bundles only).
    search_dictionary: Path | None = None
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
            **config_overrides(raw_config, run.offline, run.search_dictionary, run.offline_source),
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


def config_overrides(raw_config: dict, offline: bool, search_dictionary: Path | None, offline_source: str = "") -> dict:
    """mkdocs.yml settings a run changes: plugins (search only offline, with jieba's dictionary), offline
    mode (with the address of the site a bundle is taken from in extra.offline_source)."""
    configured = raw_config.get("plugins") or []
    entries = [{name: options} for name, options in configured.items()] if isinstance(configured, dict) else configured
    plugins = []
    for entry in entries:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        if name in ("search", "material/search"):
            # The online library has its own search (generator/search/); material's serves the bundle.
            if not offline:
                continue
            if search_dictionary is not None:
                options = {**(options or {}), "jieba_dict_user": str(search_dictionary)}
        plugins.append({name: options} if options else name)
    overrides: dict = {"plugins": plugins}
    if offline:
        plugins.append("offline")
        extra = dict(raw_config.get("extra") or {})
        extra["polyfills"] = [*extra.get("polyfills", []), IFRAME_WORKER_SHIM]
        extra["offline_source"] = offline_source
        overrides.update(extra=extra, use_directory_urls=False)
    return overrides


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
