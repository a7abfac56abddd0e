"""Shared fixtures: small synthetic plans, and the seed built once into a temporary site.

Tests come in two tiers (README, "Tests"): ``make test-fast`` runs those that neither build a site nor
drive a browser; ``make test`` runs everything. A test is marked ``browser`` when it uses the browser
fixture and ``build`` when it uses a built site (the fixtures in BUILD_FIXTURES) or is marked so by
hand; a test left unmarked that builds a site anyway fails, saying so (``_guard_builds``).
"""

import functools
import http.server
import os
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml

from generator import build
from generator.publish.bundle import bundle_name
from generator.read.ingest import ingest
from generator.read.parse import parse_plan

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "nmg-2026-plan.txt"
# The other documents of the library: provincial government work reports as published
# (byte-identical copies of ../shared/corpus/, web debris and all), each with its seeds files.
CORPUS = tuple(sorted(path for path in (ROOT / "seeds").glob("*.txt") if path != SEED))


# Fixtures that build a site (or take one built): a test using any of them is in the build tier.
BUILD_FIXTURES = {"built_seed", "library_site", "offline_seed", "built_library"}


def pytest_collection_modifyitems(config, items):
    """Mark each test with its tier: ``browser`` (Chromium), ``build`` (a site built), else fast."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.build)
        elif names & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)


# The checkout's git status when the session began (compared when it ends).
_STATUS = pytest.StashKey[str | None]()

# Whether the test being set up or run may build a site: only a test of the build tier may.
_TIER = {"builds": True}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    _TIER["builds"] = item.get_closest_marker("build") is not None


def pytest_runtest_teardown(item):
    _TIER["builds"] = True


def _guard_builds(function, what):
    """``function`` wrapped to fail a fast-tier test that calls it: mark the test ``build``."""

    @functools.wraps(function)
    def guarded(*args, **kwargs):
        if not _TIER["builds"] and what(*args, **kwargs):
            pytest.fail("this test builds a site: mark it @pytest.mark.build (README, \"Tests\")")
        return function(*args, **kwargs)

    return guarded


def _runs_the_generator(command, *args, **kwargs) -> bool:
    """Whether a subprocess command line runs the generator (``python -m generator …``)."""
    words = [str(word) for word in (command if isinstance(command, (list, tuple)) else [command])]
    return "generator" in words or any("-m generator" in word for word in words)


def _git_status() -> str | None:
    """``git status --porcelain`` of the checkout (None outside a git checkout)."""
    result = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else None


def pytest_sessionstart(session):
    session.config.stash[_STATUS] = _git_status()


def pytest_sessionfinish(session, exitstatus):
    """Tests write only under temporary folders: the checkout's git status ends as it began."""
    before, after = session.config.stash.get(_STATUS, None), _git_status()
    if before is not None and after != before:
        changed = sorted(set(after.splitlines()) ^ set(before.splitlines()))
        print(f"\nerror: the tests changed the checkout (git status): {'; '.join(changed[:10])}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_configure(config):
    build.build = _guard_builds(build.build, lambda *args, **kwargs: True)
    subprocess.run = _guard_builds(subprocess.run, _runs_the_generator)
    subprocess.Popen.__init__ = _guard_builds(subprocess.Popen.__init__, lambda self, *args, **kwargs: _runs_the_generator(*args, **kwargs))


def site_url() -> str:
    """The address mkdocs.yml says the site is published at."""
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def parse(text: str):
    """The document tree of a dedented plan text."""
    return parse_plan(ingest(textwrap.dedent(text)))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def rendered(plan):
    """A plan rendered as the build renders each document: Markdown pages, navigation, share pages."""
    from generator.model import SiteSettings
    from generator.render.pages import render_document

    return render_document(plan, SiteSettings("政府计划文本库", "http://localhost:8000/"))


def render_markdown(text: str) -> str:
    """Markdown rendered to HTML with the extensions mkdocs.yml configures."""
    import markdown
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    extensions, options = [], {}
    for entry in config["markdown_extensions"]:
        name, value = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        extensions.append(name)
        options[name] = value or {}
    return markdown.markdown(text, extensions=extensions, extension_configs=options)


@pytest.fixture(scope="session")
def built_seed(tmp_path_factory):
    """The seed built through the build stage, as `make site` does: (site folder, report)."""
    out = tmp_path_factory.mktemp("seed") / "site"
    report = build.build([SEED], out)
    return out, report


@pytest.fixture(scope="session")
def library_site(tmp_path_factory):
    """The whole library of seeds/ built as `make site` does: (site folder, report)."""
    out = tmp_path_factory.mktemp("library") / "site"
    report = build.build([ROOT / "seeds"], out)
    return out, report


@pytest.fixture(scope="session")
def offline_seed(tmp_path_factory):
    """The seed's offline bundle, built as `make offline` does and unzipped: (zip file, site folder)."""
    import zipfile

    dist = tmp_path_factory.mktemp("dist")
    build.build([SEED], dist, offline=True)
    bundle = dist / bundle_name("nmg-2026-plan")
    unpacked = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(unpacked)
    return bundle, unpacked / bundle.name.removesuffix(".zip")


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; required in CI, skipped elsewhere when absent."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: apt-get install chromium (.ci/run does this)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def served_seed(built_seed):
    """The built seed served over HTTP on localhost; yields its base URL."""
    yield from _served(built_seed[0])


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that does not log every request to stderr."""

    def log_message(self, format, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    """A server that does not print a traceback when the browser drops a connection it no longer needs."""

    def handle_error(self, request, client_address):
        pass


@pytest.fixture(scope="session")
def built_library(tmp_path_factory):
    """A small library: the seed, three reports of seeds/ and one report again a year earlier,
    built into one site with the library's search index (see tests/library_site.py)."""
    from .library_site import build_library, shifted_copy

    folder = tmp_path_factory.mktemp("library")
    reports = [ROOT / "seeds" / f"2026-{name}-gov-work-report.txt" for name in ("ningxia", "sichuan", "yunnan")]
    return build_library([SEED, *reports, shifted_copy(reports[-1], folder, "2025-yunnan-gov-work-report", -1)], folder / "site")


@pytest.fixture(scope="session")
def served_library(built_library):
    """The small library served over HTTP on localhost; yields its base URL."""
    yield from _served(built_library.folder)


def _served(folder: Path):
    import functools
    import threading

    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="module")
def seed_site(built_seed) -> Path:
    """The built seed's site folder."""
    return built_seed[0]


@pytest.fixture(scope="module")
def seed_plan_json(seed_site) -> dict:
    """The built seed's plan.json."""
    import json

    return json.loads((seed_site / "nmg-2026-plan" / "data" / "plan.json").read_text(encoding="utf-8"))
