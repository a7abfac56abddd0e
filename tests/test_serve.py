"""`make serve` in a fresh folder: it builds, answers on the port asked for, and after a sentence of
the plan is edited, the chapter page open in the browser shows the edit within a minute."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from .conftest import ROOT

# Left out of the fresh folder: what a clone does not have (builds, environments, caches).
NOT_IN_A_CLONE = shutil.ignore_patterns(".git", "site", "content", ".venv", "dist", "node_modules", "__pycache__", ".pytest_cache")
SENTENCE = "稳步实施光伏治沙"
EDITED = "稳步实施光伏治沙试点示范"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, log, seconds: float) -> None:
    """Wait until ``url`` answers 200 (the first build is done), or fail with the server's output."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"make serve did not answer on {url}:\n{log.read_text(encoding='utf-8')}")


def test_make_serve_answers_and_shows_an_edit_within_a_minute(browser, tmp_path):
    fresh = tmp_path / "plansite"
    shutil.copytree(ROOT, fresh, ignore=NOT_IN_A_CLONE)
    # The seed alone, so that the first build is quick.
    for path in (fresh / "seeds").iterdir():
        if not path.name.startswith("nmg-2026-plan."):
            path.unlink()
    plan = fresh / "seeds" / "nmg-2026-plan.txt"
    assert plan.read_text(encoding="utf-8").count(SENTENCE) == 1
    port = _free_port()
    log = tmp_path / "serve.log"
    # This environment's Python, already set up (INSTALLED= skips creating .venv from requirements.txt).
    command = ["make", "serve", f"PORT={port}", f"PY={sys.executable}", "INSTALLED="]
    with open(log, "w", encoding="utf-8") as output:
        process = subprocess.Popen(command, cwd=fresh, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    context = None
    try:
        chapter = f"http://127.0.0.1:{port}/nmg-2026-plan/2/"
        _wait_for(chapter, process, log, 180)
        missing = urllib.request.Request(f"http://127.0.0.1:{port}/nmg-2026-plan/no-such-page/")
        try:
            urllib.request.urlopen(missing, timeout=10)
            raise AssertionError("a missing page answered 200")
        except urllib.error.HTTPError as error:
            assert error.code == 404 and "找不到" in error.read().decode("utf-8")
        context = browser.new_context()
        page = context.new_page()
        page.goto(chapter, timeout=60_000)
        assert EDITED not in page.inner_text("article", timeout=30_000)
        started = time.monotonic()
        plan.write_text(plan.read_text(encoding="utf-8").replace(SENTENCE, EDITED), encoding="utf-8")
        # No reload here: the served page reloads itself once the rebuild is done.
        page.wait_for_function(
            f"document.querySelector('article') && document.querySelector('article').innerText.includes({EDITED!r})",
            polling=500,
            timeout=60_000,
        )
        assert time.monotonic() - started < 60
    finally:
        # The server first: the page's live-reload request stays open while it runs.
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
        if context is not None:
            context.close()
