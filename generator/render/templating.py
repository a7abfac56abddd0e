"""Templating: the one Jinja2 environment every Markdown page is rendered with, and its escaping.

Plan text is text: every value a template prints is escaped for HTML and for Markdown unless it
is already markup, so ``**``, ``<script>`` or ``{#id}`` in a plan render literally.
"""

import functools
import html
import json
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

DESCRIPTION_LENGTH = 110

# One pass over the text: HTML's specials, then every ASCII character with a meaning in Markdown
# or its extensions, as numeric character references (rendered literally by both).
_TEXT_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#39;"}
_TEXT_ESCAPES.update({ord(char): f"&#{ord(char)};" for char in "\\`*_{}[]|~^=#!+:$"})


def escape_text(text: str) -> str:
    """Text safe to place in Markdown or raw HTML: it will render exactly as written."""
    return text.translate(_TEXT_ESCAPES)


def summary(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """The start of a text, cut at ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def chinese_date(iso_date: str) -> str:
    """2026-02-13 → 2026年2月13日 ("" stays "")."""
    if not iso_date:
        return ""
    year, month, day = iso_date.split("-")
    return f"{year}年{int(month)}月{int(day)}日"


@functools.cache
def template_environment() -> Environment:
    """The template environment: strict about undefined names, escaping every printed value.

    One per process (a worker renders many documents): its templates are compiled once.
    """
    environment = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=lambda value: value if isinstance(value, Markup) else Markup(escape_text(str(value))),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["attr"] = lambda value: Markup(html.escape(str(value), quote=True))
    # A link destination in Markdown: percent-encoded, so that mkdocs still finds the page and fragment.
    environment.filters["href"] = lambda value: Markup(quote(str(value), safe="/#.-_~:"))
    # attr_list's attributes for the inline element before it, written {.class}.
    environment.filters["braces"] = lambda value: Markup("{" + html.escape(str(value), quote=True) + "}")
    # attr_list's heading ID, written {#id} after the heading text.
    environment.filters["anchor"] = lambda value: Markup("{#" + html.escape(str(value), quote=True) + "}")
    # A heading's ID, its place in citations (read by theme/assets/plansite.js) and, for a clause's
    # heading, class c.
    environment.filters["cite_anchor"] = lambda value, place, clause=True: Markup(
        "{#" + html.escape(str(value), quote=True) + (" .c" if clause else "") + f' data-cite="{escape_text(place)}"' + "}"
    )
    # mkdocs prints front-matter values into HTML unescaped, so they are escaped here, then quoted.
    environment.filters["meta"] = lambda value: Markup(json.dumps(html.escape(str(value)), ensure_ascii=False))
    return environment
