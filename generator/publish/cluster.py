"""Cluster: documents built by the workers of a Dask cluster (``--cluster tcp://host:8786``).

Documents are independent tasks, so a cluster engine that exists and is maintained does the
distributing: Dask's scheduler hands each document to a worker process on whichever machine is free,
and the library's step stays on the machine that runs the command. A worker needs the same checkout
(code, theme, mkdocs.yml) and the same packages (requirements.txt) — it checks, by the digest every
cache key starts from, and refuses a job from a build that differs — but no document: each job
carries its document's input files as bytes, and the worker sends back the document's record and
its files (one tar, uncompressed) through Dask's own connections. No shared storage is needed.

Workers build one document at a time in a process of their own (``dask worker ADDRESS --nthreads 1
--nworkers N``): mkdocs is not made for several runs at once in one process, and threads would share
one core's worth of Python anyway.
"""

import dataclasses
import functools
import io
import os
import tarfile
import tempfile
from concurrent.futures import Future
from pathlib import Path

from generator import sources
from generator.errors import PlanError
from generator.publish import cache
from generator.publish.documents import DocumentJob, DocumentResult, build_document
from generator.publish.mkdocs_run import quiet_logging

# The checkout a worker runs from: the generator's package, the theme, the root (mkdocs.yml).
PACKAGE = Path(__file__).resolve().parent.parent
ROOT = PACKAGE.parent
THEME = ROOT / "theme"
# A folder in memory, on Linux.
SHARED_MEMORY = "/dev/shm"
# How long to wait for the scheduler to answer (seconds).
CONNECT_TIMEOUT = 10


@dataclasses.dataclass(frozen=True, slots=True)
class RemoteJob:
    """A document's job as sent to a worker: the job (its folder is the worker's to choose), its
    input files, where mkdocs.yml lies in the checkout, and the digest the build's code gives."""

    job: DocumentJob
    inputs: sources.DocumentInputs
    config: str
    salt: str
    settings: tuple[str, ...]


class ClusterWorkers:
    """The workers of a Dask cluster, reached through its scheduler's address."""

    def __init__(self, address: str, config_file: Path, salt: str, settings: tuple[str, ...]):
        self.address = address
        self.config = _in_checkout(config_file)
        self.salt = salt
        self.settings = settings
        self.client = None
        self.workers = 0

    def __enter__(self) -> "ClusterWorkers":
        from distributed import Client

        try:
            self.client = Client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise PlanError(f"cannot reach the cluster's scheduler: {error}", path=self.address) from None
        threads = {name: info.get("nthreads", 1) for name, info in self.client.scheduler_info()["workers"].items()}
        if not threads:
            self.client.close()
            raise PlanError("the cluster has no worker: start some (dask worker ADDRESS --nthreads 1)", path=self.address)
        crowded = sorted(name for name, count in threads.items() if count > 1)
        if crowded:
            self.client.close()
            raise PlanError(f"worker {crowded[0]} runs {threads[crowded[0]]} threads; plansite builds one document per worker process: start workers with --nthreads 1 (and --nworkers N)", path=self.address)
        self.workers = len(threads)
        return self

    def __exit__(self, *exception) -> None:
        if self.client is not None:
            self.client.close()

    def beside(self) -> None:
        """The cluster's workers build beside this process already."""

    def at_most(self, count: int) -> None:
        """The cluster's workers are there already, whatever the count."""

    def build(self, job: DocumentJob) -> Future:
        """Build a document on a worker; the future's result is (DocumentResult, its files as a tar)."""
        remote = RemoteJob(dataclasses.replace(job, folder=Path(".")), sources.read_inputs(job.source), self.config, self.salt, self.settings)
        done: Future = Future()
        task = self.client.submit(build_on_worker, remote, pure=False)

        def finished(task) -> None:
            try:
                done.set_result(task.result())
            except BaseException as error:  # the worker's exception, raised where the result is asked for
                done.set_exception(error)
            task.release()

        task.add_done_callback(finished)
        return done

    @staticmethod
    def received(job: DocumentJob, payload) -> DocumentResult:
        """A document a worker built: its files unpacked into the job's folder, its result."""
        result, files = payload
        job.folder.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(files), mode="r:") as archive:
            archive.extractall(job.folder, filter="data")
        return result


def build_on_worker(remote: RemoteJob) -> tuple[DocumentResult, bytes]:
    """On a worker: build one document in a temporary folder; its result and its files (a tar)."""
    salt = _salt(remote.config, remote.settings)
    if salt != remote.salt:
        raise PlanError(
            "this worker runs other code, theme, mkdocs.yml or packages than the machine that started the build: "
            "give every machine the same checkout and requirements.txt",
            path=str(remote.job.source.path),
        )
    # The worker's own logging would pass mkdocs' progress messages on: only its warnings matter.
    quiet_logging()
    with tempfile.TemporaryDirectory(prefix="plansite-worker-", dir=_memory_folder()) as folder:
        job = dataclasses.replace(remote.job, folder=Path(folder), config_file=ROOT / remote.config)
        result = build_document(job, remote.inputs)
        packed = io.BytesIO()
        with tarfile.open(fileobj=packed, mode="w:") as archive:
            for part in ("site", "content"):
                if (job.folder / part).is_dir():
                    archive.add(job.folder / part, arcname=part)
        return result, packed.getvalue()


@functools.lru_cache(maxsize=4)
def _salt(config: str, settings: tuple[str, ...]) -> str:
    """The digest this worker's checkout and packages give (computed once per worker process)."""
    return cache.build_salt((PACKAGE, THEME), ROOT / config, settings)


def _memory_folder() -> str | None:
    """Where a worker builds a document: in memory (/dev/shm) where the system has it, since the
    document's folder (hundreds of small folders, sent away as one tar) is removed at once, and
    removing folders from a disk can cost more than building them (ext4 mounted with discard:
    3 ms a folder measured here); else the system's temporary folder."""
    return SHARED_MEMORY if os.path.isdir(SHARED_MEMORY) and os.access(SHARED_MEMORY, os.W_OK) else None


def _in_checkout(config_file: Path) -> str:
    """mkdocs.yml's path inside the checkout (each worker finds it in its own), or a PlanError."""
    try:
        return config_file.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        raise PlanError("a cluster build takes its mkdocs configuration from the checkout every worker has: give one inside it", path=str(config_file)) from None
