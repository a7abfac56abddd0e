"""Render: plans become Markdown pages (Jinja2 templates) and the site navigation.

Plan text is text: every value a template prints is escaped for HTML and for Markdown unless it
is already markup, so ``**``, ``<script>`` or ``{#id}`` in a plan render literally.
"""

import html
import json
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import urls
from .model import Clause, Link, NavItem, OutputFile, Plan, SiteContent, iter_clauses

SITE_TITLE = "政府计划文本库"
DESCRIPTION_LENGTH = 110

# One pass over the text: HTML's specials, then every ASCII character with a meaning in Markdown
# or its extensions, as numeric character references (rendered literally by both).
_TEXT_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#39;"}
_TEXT_ESCAPES.update({ord(char): f"&#{ord(char)};" for char in "\\`*_{}[]|~^=#!+:$"})

PREAMBLE_HEADINGS = {"general-requirements": ("总体要求", "general-requirements"), "main-targets": ("主要预期目标", "main-targets")}


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a clause's text as printed: plain, or a link with a tooltip and a class."""

    text: str
    href: str = ""
    title: str = ""
    kind: str = ""


def escape_text(text: str) -> str:
    """Text safe to place in Markdown or raw HTML: it will render exactly as written."""
    return text.translate(_TEXT_ESCAPES)


def render_site(plans: tuple[Plan, ...]) -> SiteContent:
    """The Markdown pages of the site (home page and each plan) and its navigation."""
    environment = _environment()
    files = [OutputFile(urls.SITE_HOME, environment.get_template("home.md.j2").render(plans=_plan_cards(plans)))]
    nav = [NavItem("首页", urls.SITE_HOME)]
    for plan in plans:
        plan_files, plan_nav = _render_plan(environment, plan)
        files.extend(plan_files)
        nav.append(plan_nav)
    return SiteContent(tuple(files), tuple(nav))


def linked_segments(plan: Plan, page: str) -> dict[str, tuple[Segment, ...]]:
    """The text of each linked clause split into plain and linked segments, links relative to ``page``."""
    clauses = {clause.id: clause for clause in iter_clauses(plan.document)}
    by_clause: dict[str, list[Link]] = {}
    for link in plan.links:
        by_clause.setdefault(link.clause, []).append(link)
    return {
        clause_id: _segments(clauses[clause_id], links, page)
        for clause_id, links in by_clause.items()
        if clause_id in clauses
    }


def _segments(clause: Clause, links: list[Link], page: str) -> tuple[Segment, ...]:
    """A clause's text cut at its links; where links overlap, the earlier (then longer) one wins."""
    segments = []
    position = 0
    for link in sorted(links, key=lambda link: (link.start, link.start - link.end)):
        if not 0 <= link.start < link.end <= len(clause.text):
            raise ValueError(f"link {link} lies outside clause {clause.id}")
        if link.start < position:
            continue
        if link.start > position:
            segments.append(Segment(clause.text[position : link.start]))
        href = urls.relative_link(page, link.target) + "#" + link.fragment
        segments.append(Segment(clause.text[link.start : link.end], href, link.title, link.kind))
        position = link.end
    if position < len(clause.text):
        segments.append(Segment(clause.text[position:]))
    return tuple(segments)


def summary(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """The start of a text, cut at ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _environment() -> Environment:
    """The template environment: strict about undefined names, escaping every printed value."""
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
    # attr_list's heading ID, written {#id} after the heading text.
    # attr_list's attributes for the inline element before it, written {.class}.
    environment.filters["braces"] = lambda value: Markup("{" + html.escape(str(value), quote=True) + "}")
    environment.filters["anchor"] = lambda value: Markup("{#" + html.escape(str(value), quote=True) + "}")
    # mkdocs prints front-matter values into HTML unescaped, so they are escaped here, then quoted.
    environment.filters["meta"] = lambda value: Markup(json.dumps(html.escape(str(value)), ensure_ascii=False))
    return environment


def _plan_cards(plans: tuple[Plan, ...]) -> list[dict]:
    """What the site's home page says of each plan."""
    return [
        {
            "title": plan.document.title.text,
            "link": urls.relative_link(urls.SITE_HOME, urls.plan_home(plan)),
            "document_number": plan.document.front.document_number.text if plan.document.front.document_number else "",
            "date": plan.document.front.date.text if plan.document.front.date else "",
            "chapters": len(plan.document.chapters),
        }
        for plan in plans
    ]


def _render_plan(environment: Environment, plan: Plan) -> tuple[list[OutputFile], NavItem]:
    """The plan's home page and chapter pages, and its group in the navigation."""
    document = plan.document
    home = urls.plan_home(plan)
    title = document.title.text
    parts = (*document.chapters, *document.appendices)
    chapters = [
        {"chapter": chapter, "link": urls.relative_link(home, urls.chapter_page(plan, chapter))} for chapter in parts
    ]
    preamble = [
        {"paragraph": paragraph, "heading": PREAMBLE_HEADINGS.get(paragraph.role)} for paragraph in document.preamble
    ]
    files = [
        OutputFile(
            home,
            environment.get_template("plan.md.j2").render(
                title=title,
                description=_plan_description(plan),
                front=document.front,
                preamble=preamble,
                chapters=chapters,
                data_link=urls.relative_link(home, urls.data_path(plan, "plan.json")),
                links=linked_segments(plan, home),
                source_name=plan.info.source_name,
            ),
        )
    ]
    nav_pages = [NavItem(html.escape(title), home)]
    for chapter in parts:
        page = urls.chapter_page(plan, chapter)
        files.append(
            OutputFile(
                page,
                environment.get_template("chapter.md.j2").render(
                    plan_title=title,
                    chapter=chapter,
                    description=_chapter_description(chapter),
                    links=linked_segments(plan, page),
                ),
            )
        )
        nav_pages.append(NavItem(html.escape(chapter.title.text), page))
    return files, NavItem(html.escape(title), children=tuple(nav_pages))


def _plan_description(plan: Plan) -> str:
    """Meta description of a plan's home page."""
    document = plan.document
    parts = [f"《{document.title.text}》全文"]
    if document.front.document_number:
        parts.append(document.front.document_number.text)
    if document.front.date:
        parts.append(document.front.date.text)
    if document.front.occasion:
        parts.append(document.front.occasion.text)
    opening = "".join(clause.text for clause in document.preamble[0].clauses) if document.preamble else ""
    return summary("，".join(parts) + "。" + opening)


def _chapter_description(chapter) -> str:
    """Meta description of a chapter page: its title, then its opening text."""
    first = chapter.intro[0].clauses if chapter.intro else (chapter.sections[0].heading,) if chapter.sections else ()
    return summary(chapter.title.text + "：" + "".join(clause.text for clause in first))
