"""A Dask cluster on this machine, started as the README starts one on N machines (`dask scheduler`,
`dask worker ADDRESS --nworkers N --nthreads 1`, run from the checkout): for tests and the bench."""

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# How long the scheduler and the workers may take to start (seconds).
START_TIMEOUT = 120


def _started(arguments: list[str], log: Path) -> subprocess.Popen:
    """A Dask command run from the checkout (PYTHONPATH: workers import the generator from it)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *arguments], cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=log.open("wb"), start_new_session=True
    )


@contextlib.contextmanager
def local_cluster(folder: Path, workers: int = 2):
    """A scheduler and ``workers`` single-threaded worker processes: the scheduler's address.
    Their logs go to ``folder``; every process is ended afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    address_file = folder / "scheduler.json"
    log = folder / "workers.log"
    processes = [_started(["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(address_file)], folder / "scheduler.log")]
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not address_file.exists():
            if time.monotonic() > deadline:
                raise RuntimeError(f"the Dask scheduler did not start: {(folder / 'scheduler.log').read_text(errors='replace')[-2000:]}")
            time.sleep(0.2)
        address = json.loads(address_file.read_text(encoding="utf-8"))["address"]
        processes.append(_started(["worker", address, "--nworkers", str(workers), "--nthreads", "1", "--no-dashboard"], log))
        while log.read_text(encoding="utf-8", errors="replace").count("Registered to:") < workers:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the Dask workers did not start: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.2)
        yield address
    finally:
        for process in reversed(processes):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in reversed(processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
