"""publish/pool.py's side task: the search index merged in a forked process while the library's pages render."""

import os

import pytest

from generator.errors import PlanError
from generator.publish.pool import alongside


def test_the_task_runs_in_another_process_while_the_body_runs_here(tmp_path):
    marker = tmp_path / "pid"
    with alongside(lambda: marker.write_text(str(os.getpid()))):
        here = os.getpid()
    assert marker.read_text() != str(here)


def test_a_task_that_fails_apart_runs_again_here_and_its_error_is_raised(tmp_path):
    runs = tmp_path / "runs"

    def task():
        with runs.open("a") as log:
            log.write(f"{os.getpid()}\n")
        raise PlanError("the index cannot be written", path="site/search")

    with pytest.raises(PlanError, match="the index cannot be written"):
        with alongside(task):
            pass
    assert len(runs.read_text().split()) == 2 and runs.read_text().split()[1] == str(os.getpid())


def test_a_body_that_fails_ends_the_task_and_raises_its_own_error(tmp_path):
    marker = tmp_path / "done"

    def task():
        import time

        time.sleep(5)
        marker.write_text("done")

    with pytest.raises(ValueError):
        with alongside(task):
            raise ValueError("mkdocs failed")
    assert not marker.exists()
