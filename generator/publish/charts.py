"""Charts as pictures: each comparison chart's SVG also as a PNG, for articles and chat apps that
take no SVG.

The PNG is drawn at build time by resvg (the Rust renderer, through the pinned resvg_py wheel) with
a Chinese font of the build machine (Noto Sans CJK, Debian's fonts-noto-cjk); where none is found,
the comparison offers SVG alone. Drawing takes a few tenths of a second a chart, so each PNG is kept
in the output folder's hidden area under the digest of what it is drawn from (the SVG, the fonts,
the renderer's version) and drawn again only when that changes; PNGs no chart uses any more are
removed, so that a rebuild leaves the same files as a build from scratch.
"""

import hashlib
import shutil
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

import resvg_py

from generator.model import BinaryFile, OutputFile

# Where drawn PNGs are kept between builds, inside the output folder (hidden: never installed).
CHART_CACHE = ".plansite-charts"
# The Chinese sans-serif fonts the SVG names first, where Linux distributions install them.
FONT_FOLDERS = (Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/noto-cjk"), Path("/usr/share/fonts/google-noto-cjk"))
# The regular weight alone: each font file costs a tenth of a second or more to load for every
# picture, and the title stands out by its size.
FONT_NAMES = ("NotoSansCJK-Regular.ttc",)
# The family drawn where an SVG names none, or only fonts not found (sans-serif).
FONT_FAMILY = "Noto Sans CJK SC"
# Pixels per SVG unit: a 640-unit chart becomes a 1280-pixel picture, sharp on a phone's screen.
ZOOM = 2


def chart_fonts() -> tuple[Path, ...]:
    """The Chinese fonts found for drawing charts; () for none."""
    for folder in FONT_FOLDERS:
        found = tuple(folder / name for name in FONT_NAMES if (folder / name).is_file())
        if len(found) == len(FONT_NAMES):
            return found
    return ()


def chart_pictures(charts: tuple[OutputFile, ...], fonts: tuple[Path, ...], cache: Path) -> tuple[BinaryFile, ...]:
    """Each chart's PNG (compare/2026/gdp_growth.svg → compare/2026/gdp_growth.png), from ``cache``
    where it was drawn before; the cache left holding these alone. () without fonts or charts (and
    no cache left)."""
    if not fonts or not charts:
        if cache.is_dir():
            shutil.rmtree(cache)
        return ()
    salt = _salt(fonts)
    keys = [hashlib.blake2b(chart.text.encode("utf-8") + salt, digest_size=16).hexdigest() for chart in charts]
    cache.mkdir(parents=True, exist_ok=True)
    missing = [(chart, key) for chart, key in zip(charts, keys) if not (cache / f"{key}.png").is_file()]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for key, picture in zip((key for _, key in missing), pool.map(lambda item: _drawn(item[0].text, fonts), missing)):
            (cache / f"{key}.png").write_bytes(picture)
    wanted = {f"{key}.png" for key in keys}
    for entry in cache.iterdir():
        if entry.name not in wanted:
            entry.unlink()
    return tuple(BinaryFile(chart.path.removesuffix(".svg") + ".png", (cache / f"{key}.png").read_bytes()) for chart, key in zip(charts, keys))


def _drawn(svg: str, fonts: tuple[Path, ...]) -> bytes:
    """An SVG drawn as a PNG with the given fonts alone (none of the system's: the same picture every time)."""
    return bytes(
        resvg_py.svg_to_bytes(
            svg_string=svg,
            font_files=[str(font) for font in fonts],
            skip_system_fonts=True,
            font_family=FONT_FAMILY,
            sans_serif_family=FONT_FAMILY,
            zoom=ZOOM,
        )
    )


def _salt(fonts: tuple[Path, ...]) -> bytes:
    """What a picture depends on besides its SVG: the fonts (name and size) and the renderer's version."""
    described = ";".join(f"{font.name}:{font.stat().st_size}" for font in fonts)
    return f"{described};resvg_py={metadata.version('resvg_py')};zoom={ZOOM}".encode("utf-8")
