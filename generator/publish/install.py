"""Install: output folders made safely — never a folder plansite did not fill, never half a site.

A build is made in a hidden scratch folder inside the output folder and moved into place only when
finished, so a failed build leaves the output folder as it was (or absent, if it did not exist).
Documents kept from an earlier build stay where they are; everything else is replaced.
"""

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from pathlib import Path

from generator.errors import PlanError

# Present in every folder this tool fills, so that it never clears a folder it did not make.
OUTPUT_MARKER = ".plansite"
# The hidden folder inside the output folder where a build is made before it is moved into place.
SCRATCH_PREFIX = ".plansite-build-"
# Inside a scratch folder: the file its build keeps locked while it runs (the kernel lets go of the
# lock when the process ends, kill -9 included), so that the next build knows it abandoned.
SCRATCH_LOCK = ".lock"
# A scratch folder without its lock file is abandoned once it is this old (seconds): a build makes
# the lock within a moment of the folder.
UNLOCKED_GRACE = 60


def check_folder(folder: Path) -> None:
    """Refuse to fill a folder that holds files this tool did not make."""
    check_zip_folder(folder)
    if folder.is_dir() and not _ours(folder):
        raise PlanError("the folder is not empty and was not made by plansite; not overwriting it", path=str(folder))


def check_zip_folder(folder: Path) -> None:
    """Refuse an output path for zips that is not a folder."""
    if folder.exists() and not folder.is_dir():
        raise PlanError("the output path is not a folder", path=str(folder))


def check_apart(content_dir: Path, out_dir: Path) -> None:
    """Refuse a --content folder that is, holds or lies in the output folder (one would clear the other)."""
    content, out = content_dir.resolve(), out_dir.resolve()
    if content == out or out in content.parents or content in out.parents:
        raise PlanError("the --content folder must lie outside the output folder", path=str(content_dir))


def first_missing(folder: Path) -> Path | None:
    """The outermost of a folder and its parents that does not exist yet (what a failed build removes)."""
    missing = None
    while not folder.exists():
        missing, folder = folder, folder.parent
        if folder == missing:
            break
    return missing


@contextlib.contextmanager
def scratch_folder(out_dir: Path):
    """A new hidden scratch folder inside the output folder (created if needed), locked while in use.

    Scratch folders that interrupted builds left behind (their lock free) are removed first; the
    caller removes this one (discard) when done.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_abandoned(out_dir)
    scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=out_dir))
    with open(scratch / SCRATCH_LOCK, "wb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield scratch


def remove_abandoned(out_dir: Path) -> None:
    """Remove the scratch folders of builds that ended without removing theirs (killed, or the
    machine stopped); those of builds still running keep their lock and stay."""
    for entry in out_dir.iterdir():
        if entry.name.startswith(SCRATCH_PREFIX) and entry.is_dir() and not entry.is_symlink() and _abandoned(entry):
            shutil.rmtree(entry, ignore_errors=True)


def _abandoned(scratch: Path) -> bool:
    """Whether no running build holds a scratch folder's lock."""
    try:
        with open(scratch / SCRATCH_LOCK, "rb") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
    except BlockingIOError:
        return False
    except FileNotFoundError:
        return time.time() - scratch.stat().st_mtime > UNLOCKED_GRACE


def install(target: Path, built: Path, documents: dict[str, Path], kept: set[str]) -> None:
    """Replace the target folder's contents: ``kept`` document folders stay, ``documents`` (slug → folder)
    move in, and every entry of ``built`` (the library's pages and assets) moves to the top.

    Dotfiles not made by plansite stay; the scratch folders are left for the caller to remove.
    """
    target.mkdir(parents=True, exist_ok=True)
    for entry in target.iterdir():
        if entry.name.startswith(".") or entry.name in kept:
            continue
        _remove(entry)
    for slug, folder in documents.items():
        os.replace(folder, target / slug)
    if built.is_dir():
        for entry in sorted(built.iterdir()):
            os.replace(entry, target / entry.name)
    (target / OUTPUT_MARKER).write_text("built by plansite; do not edit\n", encoding="utf-8")


def discard(folder: Path | None) -> None:
    """Remove a folder this build made, if it is still there."""
    if folder is not None and folder.exists():
        shutil.rmtree(folder, ignore_errors=True)


def write_if_changed(path: Path, text: str, what: str = "the file") -> None:
    """Write a file beside the input (an ID lock) whole, and only when its text changes."""
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return
        scratch = path.with_name(f".{path.name}.tmp")
        scratch.write_text(text, encoding="utf-8")
        os.replace(scratch, path)
    except OSError as error:
        raise PlanError(f"cannot write {what}: {error.strerror or error}", path=str(path)) from None


def _ours(folder: Path) -> bool:
    """Whether a folder is empty of visible files or was filled by this tool."""
    return (folder / OUTPUT_MARKER).exists() or all(entry.name.startswith(".") for entry in folder.iterdir())


def _remove(entry: Path) -> None:
    """Remove a file or a folder."""
    if entry.is_dir() and not entry.is_symlink():
        shutil.rmtree(entry)
    else:
        entry.unlink()
