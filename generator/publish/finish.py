"""Finishing: what mkdocs' output loses before it is published (text in, text out).

Pages lose the indentation of templates and the SVG namespace URL; the site's assets lose source
maps, the lunr languages no index asks for, and the stylesheet rules no page can use; plansite's own
script and stylesheet are minified. Pages are finished per document (in the worker that built them);
assets once for the whole site, from the class names every page uses.
"""

import rcssmin
import rjsmin

from generator import patterns
from generator.publish import slim
from generator.publish.mkdocs_run import is_material_script, is_material_stylesheet

# What material's search worker imports for an index's languages (see dead_search_scripts).
LUNR_FOLDER = "assets/javascripts/lunr/"


def finished_page(html: str) -> str:
    """A page without its templates' indentation (unless white space is text in it) and the SVG namespace URL."""
    html = patterns.SVG_XMLNS.sub("", html)
    if not patterns.PREFORMATTED.search(html):
        html = patterns.INDENTATION.sub("\n", html)
    return html


def finished_script(path: str, text: str) -> str:
    """A script without its source map comment; plansite's own (assets/*.js) minified."""
    text = patterns.SOURCE_MAP_COMMENT.sub("", text)
    return rjsmin.jsmin(text) if _own_asset(path) else text


def finished_stylesheet(path: str, text: str, used: frozenset[str]) -> str:
    """A stylesheet without its source map comment; material's slimmed to ``used``, plansite's minified."""
    text = patterns.SOURCE_MAP_COMMENT.sub("", text)
    if _own_asset(path):
        return rcssmin.cssmin(text)
    if is_material_stylesheet(path):
        return slim.unused_rules_removed(text, used)
    return text


def names_in_scripts(scripts: dict[str, str]) -> frozenset[str]:
    """Class names the scripts that build pages may add: material's bundle and plansite's own.

    The search worker and its language files never touch the page, so they are not read.
    """
    return slim.used_names(
        text
        for path, text in scripts.items()
        if _own_asset(path) or is_material_script(path)
    )


def dead_search_scripts(paths, languages: list[str] | None) -> list[str]:
    """lunr's language scripts that material's search worker will not import (all of them without search)."""
    lunr = [path for path in paths if path.startswith(LUNR_FOLDER) and path.endswith(".js")]
    if languages is None:
        return lunr
    # What material's worker imports: nothing for English; for others the stemmer support, the
    # language, a segmenter for ja/hi/th, and the multi-language glue for several.
    needed = set()
    if languages != ["en"]:
        needed.add("min/lunr.stemmer.support.min.js")
        needed.update(f"min/lunr.{language}.min.js" for language in languages if language != "en")
        needed.update("tinyseg.js" for language in languages if language == "ja")
        needed.update("wordcut.js" for language in languages if language in ("hi", "th"))
        if len(languages) > 1:
            needed.add("min/lunr.multi.min.js")
    return [path for path in lunr if path[len(LUNR_FOLDER) :] not in needed]


def _own_asset(path: str) -> bool:
    """Whether a site path is one of plansite's own assets (theme/assets/*.js|css, not material's)."""
    return path.startswith("assets/") and path.count("/") == 1
