"""Serve: the library built, served on a local address, and built again when one of its sources
changes, the browser reloading the page it shows — for editors curating seeds files and checking a
correction (``make serve``).

mkdocs' own development server (mkdocs_run.live_server) serves the site and watches the files;
each rebuild is the command line's build, which keeps every document whose inputs did not
change, so that an edit to one document costs the build of that document and of the library's pages.
"""

import sys
from collections.abc import Callable
from pathlib import Path

from generator.errors import PlanError
from generator.publish.mkdocs_run import live_server

HOST = "127.0.0.1"
NOT_FOUND_PAGE = "404.html"


def serve(build: Callable[[], str], site: Path, watched: tuple[Path, ...], port: int, host: str = HOST) -> None:
    """Build (``build`` returns a summary line, or raises a PlanError), serve ``site`` on
    http://host:port/, and build again whenever a file under ``watched`` changes; until interrupted.

    A failed first build raises its PlanError; a failed rebuild is reported and the last site stays served.
    """
    print(build(), flush=True)
    # What the sources looked like after the last build: a build writes back the ID locks it updated,
    # and that change alone needs no second build.
    built = [_fingerprint(watched)]

    def rebuild() -> None:
        if _fingerprint(watched) == built[0]:
            return
        try:
            print(build(), flush=True)
        except PlanError as error:
            print(f"error: {error} (still serving the last good build)", file=sys.stderr, flush=True)
        built[0] = _fingerprint(watched)

    server = live_server(rebuild, site, host, port, lambda: _not_found_page(site))
    for path in watched:
        if path.is_dir():
            server.watch(str(path))
    print(f"serving http://{host}:{port}/ — rebuilt when {', '.join(str(path) for path in watched)} change (Ctrl-C stops)", flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


def _fingerprint(folders: tuple[Path, ...]) -> tuple:
    """Every file under the folders with its size and time of change."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            try:
                status = path.stat()
            except OSError:
                continue
            if path.is_file():
                found.append((str(path), status.st_size, status.st_mtime_ns))
    return tuple(found)


def _not_found_page(site: Path) -> bytes | None:
    """The site's own 404 page, as a published server sends it."""
    try:
        return (site / NOT_FOUND_PAGE).read_bytes()
    except OSError:
        return None
