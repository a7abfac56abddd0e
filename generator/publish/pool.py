"""Pool: where documents are built — worker processes on this machine, or this process alone.

Workers are forked (at once, with everything imported) unless other threads run, as a test's HTTP
server does, when forking is unsafe and they start afresh. A worker ends when the build that
started it does, however it ends: killed (kill -9) included, since the kernel then tells it
(PR_SET_PDEATHSIG on Linux; elsewhere a thread watches the parent's process ID).
"""

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

from generator.publish.documents import DocumentJob, DocumentResult, build_document

# prctl(2): ask the kernel for a signal when the parent exits (Linux).
PR_SET_PDEATHSIG = 1
# How often (seconds) a worker without prctl looks whether its parent is still there.
PARENT_POLL = 1.0


class LocalWorkers:
    """Worker processes, started on the first job (or this process, for one worker)."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "LocalWorkers":
        return self

    def __exit__(self, *exception) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def at_most(self, count: int) -> None:
        """Start no more workers than ``count`` documents need (one: none, the build runs here)."""
        if self.pool is None:
            self.workers = min(self.workers, max(1, count))

    def beside(self) -> None:
        """Build documents in worker processes from now on, even one, so that this process goes on
        checking the documents an earlier build left meanwhile (on one core, here)."""
        if self.pool is None and self.workers > 1:
            self.pool = _pool(self.workers)

    def build(self, job: DocumentJob) -> Future:
        """Build a document (see documents.build_document); the future's result is for ``received``."""
        return self.submit(build_document, job)

    @staticmethod
    def received(job: DocumentJob, payload: DocumentResult) -> DocumentResult:
        """A document built: its files are in the job's folder already."""
        return payload

    def submit(self, function, job) -> Future:
        """Run ``function(job)``; its result (or exception) is the future's."""
        if self.pool is None and self.workers <= 1:
            done: Future = Future()
            try:
                done.set_result(function(job))
            except Exception as error:  # raised where the result is asked for, as a worker's would be
                done.set_exception(error)
            return done
        if self.pool is None:
            self.pool = _pool(self.workers)
        return self.pool.submit(function, job)


def _pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes, forked when no other thread runs, each ending with this process."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1 else "spawn"
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    )


def die_with_parent(parent: int) -> None:
    """End this process when process ``parent`` ends (a worker must not outlive its build)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                # The parent may have ended before the request was made: then no signal will come.
                if os.getppid() != parent:
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """Where the kernel cannot be asked: end this process once its parent has gone."""
    while os.getppid() == parent:
        threading.Event().wait(PARENT_POLL)
    os._exit(1)


@contextlib.contextmanager
def alongside(task: Callable[[], None]):
    """Run ``task`` in a forked process while the body runs here (on a second core), and wait for it
    at the end. Where forking is unsafe (other threads run) or the forked run failed, ``task`` runs
    here after the body, so that its error is raised as it would be anywhere; a body that fails ends
    the forked process."""
    child = None
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1 and os.cpu_count() != 1:
        # What this process has printed but not yet written would otherwise be written twice.
        sys.stdout.flush()
        sys.stderr.flush()
        child = multiprocessing.get_context("fork").Process(target=_quietly, args=(task, os.getpid()), daemon=True)
        child.start()
    try:
        yield
    except BaseException:
        if child is not None:
            child.kill()
            child.join()
        raise
    if child is not None:
        child.join()
    if child is None or child.exitcode != 0:
        task()


def _quietly(task: Callable[[], None], parent: int) -> None:
    """A forked process's run of ``task``: its exit status says whether it succeeded; no traceback
    (the parent runs the task again to raise its error)."""
    die_with_parent(parent)
    try:
        task()
    except BaseException:
        os._exit(1)
