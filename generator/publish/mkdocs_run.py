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
    # A fixed build date (seconds since the epoch) for reproducible output.
    epoch: int
    # Where the site is published (None: mkdocs.yml's site_url; "" for none at all).
    site_url: str | None = None
    # Offline bundles: one .html file a page.
    offline: bool = False
    # Offline bundles: the published site they are taken from (the theme names it; copied links point there).
    offline_source: str = ""
    templates: TemplateCache | None = field(default=None, compare=False)


def run_mkdocs(run: MkdocsRun) -> None:
    """Render ``run.docs`` into ``run.site`` with mkdocs; a failure becomes one PlanError line."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    raw_config = read_config(run.config_file)
    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(run.epoch)
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
        if run.templates is not None:
            config.plugins["plansite-templates"] = _KeepCompiledTemplates(run.templates)
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
    overrides: dict = {"plugins": plugins}
    if offline:
        extra = dict(raw_config.get("extra") or {})
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


class _KeepCompiledTemplates:
    """An mkdocs plugin (events only) that gives the theme's Jinja environment the shared template cache."""

    def __init__(self, templates: TemplateCache):
        self.templates = templates

    def on_env(self, env, config, files):
        env.bytecode_cache = self.templates
        return env
