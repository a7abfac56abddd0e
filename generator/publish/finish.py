"""Finishing: what mkdocs' output loses before it is published (text in, text out).

Pages lose the indentation of templates and the SVG namespace URL; the site's assets lose source
maps, material's search scripts (the library searches with its own), and the stylesheet rules no
page can use; plansite's own script and stylesheet are minified. Pages are finished per document (in the worker that built them);
assets once for the whole site, from the class names every page uses.
"""

import rcssmin
import rjsmin

from generator import patterns
from generator.publish import slim
from generator.publish.mkdocs_run import is_material_script, is_material_stylesheet

# Material's search scripts, its worker and lunr's languages: no page loads them (generator/search/
# is the site's search, online and offline).
MATERIAL_SEARCH = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


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

    Material's search scripts are not read: they are removed (dead_assets).
    """
    return slim.used_names(
        text
        for path, text in scripts.items()
        if _own_asset(path) or is_material_script(path)
    )


def dead_assets(paths) -> list[str]:
    """The site's files no page uses: source maps and material's search scripts."""
    return [path for path in paths if path.endswith(".map") or path.startswith(MATERIAL_SEARCH)]


def _own_asset(path: str) -> bool:
    """Whether a site path is one of plansite's own assets (theme/assets/*.js|css, not material's)."""
    return path.startswith("assets/") and path.count("/") == 1
