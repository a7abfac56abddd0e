"""publish/pool.py's side task: the search index merged in a forked process while the library's pages render."""

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from generator.errors import PlanError
from generator.publish.pool import alongside

ROOT = Path(__file__).resolve().parent.parent


def _fresh(code: str, tmp_path) -> str:
    """Run ``code`` in a fresh interpreter (one thread, as the command line starts) and return what it prints."""
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code), str(tmp_path)], cwd=ROOT, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_the_task_runs_in_another_process_while_the_body_runs_here(tmp_path):
    printed = _fresh(
        """
        import os, sys
        from pathlib import Path
        from generator.publish.pool import alongside
        marker = Path(sys.argv[1], "pid")
        with alongside(lambda: marker.write_text(str(os.getpid()))):
            pass
        print(marker.read_text() != str(os.getpid()))
        """,
        tmp_path,
    )
    assert printed == "True"


def test_a_task_that_fails_apart_runs_again_here_and_its_error_is_raised(tmp_path):
    printed = _fresh(
        """
        import os, sys
        from pathlib import Path
        from generator.errors import PlanError
        from generator.publish.pool import alongside
        runs = Path(sys.argv[1], "runs")
        def task():
            with runs.open("a") as log:
                log.write(f"{os.getpid()}\\n")
            raise PlanError("the index cannot be written")
        try:
            with alongside(task):
                pass
        except PlanError as error:
            pids = runs.read_text().split()
            print(len(pids), pids[-1] == str(os.getpid()), error.message if hasattr(error, "message") else error)
        """,
        tmp_path,
    )
    assert printed.startswith("2 True") and "the index cannot be written" in printed


def test_with_other_threads_running_the_task_runs_here_after_the_body(tmp_path):
    order = []
    release = threading.Event()
    waiting = threading.Thread(target=release.wait, daemon=True)
    waiting.start()
    try:
        with alongside(lambda: order.append(("task", os.getpid()))):
            order.append(("body", os.getpid()))
    finally:
        release.set()
    assert order == [("body", os.getpid()), ("task", os.getpid())]


def test_a_body_that_fails_raises_its_own_error_and_the_task_never_finishes(tmp_path):
    marker = tmp_path / "done"

    def task():
        import time

        time.sleep(5)
        marker.write_text("done")

    with pytest.raises(ValueError, match="mkdocs failed"):
        with alongside(task):
            raise ValueError("mkdocs failed")
    assert not marker.exists()


def test_an_error_of_the_task_here_is_raised_as_it_is(tmp_path):
    def task():
        raise PlanError("the index cannot be written")

    release = threading.Event()
    waiting = threading.Thread(target=release.wait, daemon=True)
    waiting.start()
    try:
        with pytest.raises(PlanError, match="the index cannot be written"):
            with alongside(task):
                pass
    finally:
        release.set()
