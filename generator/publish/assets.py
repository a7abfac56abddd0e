"""Assets: the site's scripts and stylesheets finished once every page is known (files in place)."""

from pathlib import Path

from generator.publish import finish


def finish_assets(site: Path, page_names: frozenset[str]) -> None:
    """Finish the site's assets in place: drop source maps and the search scripts no page loads,
    slim material's stylesheet to the class names of ``page_names`` and the page scripts, minify
    plansite's own.
    """
    files = {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}
    dead = finish.dead_assets(files)
    for relative in sorted(dead):
        files.pop(relative).unlink()
    _remove_emptied_folders(site, {Path(site, relative).parent for relative in dead})
    scripts = {relative: path.read_text(encoding="utf-8") for relative, path in files.items() if relative.endswith(".js")}
    used = page_names | finish.names_in_scripts(scripts)
    for relative, text in scripts.items():
        _write_if_different(files[relative], text, finish.finished_script(relative, text))
    for relative, path in files.items():
        if relative.endswith(".css"):
            text = path.read_text(encoding="utf-8")
            _write_if_different(path, text, finish.finished_stylesheet(relative, text, used))


def _write_if_different(path: Path, old: str, new: str) -> None:
    """Write a finished asset when finishing changed it."""
    if new != old:
        path.write_text(new, encoding="utf-8")


def _remove_emptied_folders(site: Path, folders: set[Path]) -> None:
    """Remove the ``folders`` removing files left empty, and their parents so emptied, deepest first."""
    for folder in sorted(folders, key=lambda path: len(path.parts), reverse=True):
        while folder != site and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
