"""Bundle: a document's offline site as one reproducible zip (sorted entries, one fixed date on every
file), its search index as scripts (read from disk, where a page cannot fetch)."""

import base64
import os
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from generator import patterns
from generator.errors import PlanError
from generator.model import BinaryFile, Warning
from generator.publish.cache import tree_sizes

# Every entry's date: 1980-01-01 00:00, the earliest a zip can record (README, "Builds": no file
# carries the time it was built or its document's date, which may lie outside any format's range).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# What an offline bundle has no use for: there is no server to send 404.html, read a sitemap or
# answer a browser's request for /favicon.ico (pages name their icon).
OFFLINE_DEAD_WEIGHT = ("404.html", "sitemap.xml", "sitemap.xml.gz", "favicon.ico")
# At the top of an offline bundle: what it is, where it comes from, how to open it.
OFFLINE_README = "README.txt"


def bundle_name(slug: str) -> str:
    """The offline bundle's file name: <slug>-offline.zip."""
    return f"{slug}-offline.zip"


def local_site_warning(published: str, config_file: Path) -> Warning | None:
    """A warning when mkdocs.yml says the site is published on this machine (its site_url left at
    http://localhost:8000/, as `make offline` finds it): the bundles' copied links would point there."""
    if not patterns.LOCAL_ADDRESS.match(published):
        return None
    lines = config_file.read_text(encoding="utf-8").splitlines()
    line = next((number for number, text in enumerate(lines, 1) if patterns.SITE_URL_SETTING.match(text)), 0)
    message = f"copied links will point at {published} (this machine), not the published site: set site_url, or give --site-url"
    return Warning(line, message, str(config_file))


def index_scripts(files: Iterable[BinaryFile]) -> Iterator[BinaryFile]:
    """The search index's files as scripts, for a page read from disk (file://), which cannot fetch
    them: search/heads/0.bin becomes search/heads/0.js, handing its bytes (base64) to search.js."""
    for file in files:
        encoded = base64.b64encode(file.data).decode("ascii")
        script = f'plansiteIndexFile("{file.path}","{encoded}");\n'
        yield BinaryFile(file.path.removesuffix(".bin") + ".js", script.encode("ascii"))


def drop_unloaded_assets(site: Path, pages: Mapping[Path, str]) -> None:
    """Remove the stylesheets and scripts under ``site``/assets that none of ``pages`` (each page's
    file, its HTML) loads: a bundle holds no comparison (compare.js), and no page of it names
    material's palette stylesheet."""
    loaded = {(page.parent / match["path"]).resolve() for page, html in pages.items() for match in patterns.LOADED_ASSET.finditer(html)}
    for asset in sorted((site / "assets").rglob("*")):
        if asset.suffix in (".css", ".js") and asset.resolve() not in loaded:
            asset.unlink()


def write_zip(site: Path, target: Path) -> None:
    """Zip the site reproducibly (sorted entries, fixed dates and modes) under one top folder."""
    top = target.name[: -len(".zip")]
    # Written beside the site it zips (the build's scratch folder), so that an interrupted build
    # leaves no half zip in the output folder.
    partial = site.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(partial, "w") as bundle:
            for relative, _ in tree_sizes(site):
                info = zipfile.ZipInfo(f"{top}/{relative}", date_time=ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                bundle.writestr(info, (site / relative).read_bytes(), compresslevel=9)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise PlanError(f"cannot write the bundle: {error.strerror or error}", path=str(target)) from None
