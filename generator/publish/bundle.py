"""Bundle: a document's offline site as one reproducible zip (sorted entries, one fixed date on every file)."""

import os
import zipfile
from pathlib import Path

from generator.errors import PlanError
from generator.publish.cache import tree_sizes

# Every entry's date: 1980-01-01 00:00, the earliest a zip can record (README, "Builds": no file
# carries the time it was built or its document's date, which may lie outside any format's range).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# What an offline bundle has no use for: there is no server to send 404.html, read a sitemap or
# answer a browser's request for /favicon.ico (pages name their icon); search reads search_index.js
# (the index inlined into a script) instead of the JSON, and the library's search page is online only.
OFFLINE_DEAD_WEIGHT = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "favicon.ico", "assets/search.js")
# At the top of an offline bundle: what it is, where it comes from, how to open it.
OFFLINE_README = "README.txt"


def bundle_name(slug: str) -> str:
    """The offline bundle's file name: <slug>-offline.zip."""
    return f"{slug}-offline.zip"


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
