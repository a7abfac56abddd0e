"""Builds on a Dask cluster (README, "Publishing a large library"): a local cluster of two workers,
started here as the README starts one on N machines (`dask scheduler`, `dask worker`)."""

import subprocess
import sys

import pytest

from .conftest import ROOT
from .dask_cluster import local_cluster
from .test_incremental import DOCUMENT, REGIONS, _library, _tree

# Every test here runs the build (README, "Tests": the build tier).
pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler and two single-threaded worker processes on this machine: the scheduler's address."""
    with local_cluster(tmp_path_factory.mktemp("cluster"), workers=2) as address:
        yield address


def _build(*arguments) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "build", *map(str, arguments)], cwd=ROOT, capture_output=True, text=True)


def test_a_cluster_of_two_workers_builds_the_local_build_byte_for_byte(cluster, tmp_path):
    seeds = _library(tmp_path)
    clustered = _build(seeds, "--out", tmp_path / "clustered", "--locks", "--cluster", cluster)
    assert clustered.returncode == 0, clustered.stderr
    assert clustered.stdout.count("built ") == len(REGIONS)
    locks = {path.name: path.read_bytes() for path in seeds.glob("*.ids.tsv")}
    assert len(locks) == len(REGIONS)
    for path in seeds.glob("*.ids.tsv"):
        path.unlink()
    local = _build(seeds, "--out", tmp_path / "local", "--locks", "--jobs", "1")
    assert local.returncode == 0, local.stderr
    assert _tree(tmp_path / "clustered") == _tree(tmp_path / "local")
    assert {path.name: path.read_bytes() for path in seeds.glob("*.ids.tsv")} == locks


def test_a_cluster_build_keeps_what_an_earlier_build_made(cluster, tmp_path):
    seeds = _library(tmp_path)
    site = tmp_path / "site"
    assert _build(seeds, "--out", site, "--jobs", "1").returncode == 0
    (seeds / "b.txt").write_text(DOCUMENT.format(region="某乙省").replace("第三句话。", "第三句话改过了。"), encoding="utf-8")
    again = _build(seeds, "--out", site, "--cluster", cluster)
    assert again.returncode == 0, again.stderr
    assert [line.split(":")[0] for line in again.stdout.splitlines() if line.startswith("built ")] == ["built b"]
    assert "第三句话改过了" in (site / "b" / "2" / "index.html").read_text(encoding="utf-8")


def test_a_scheduler_that_does_not_answer_is_one_line_and_nothing_written(tmp_path):
    result = _build(ROOT / "seeds" / "nmg-2026-plan.txt", "--out", tmp_path / "site", "--cluster", "tcp://127.0.0.1:9")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "cannot reach the cluster's scheduler" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
