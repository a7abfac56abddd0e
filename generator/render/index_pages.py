"""Render the plan's index pages: projects by category, places and documents by pinyin letter.

Each entry lists and links every clause that mentions it, with a snippet around the mention;
the mentions in the clause text link back here (extract/indexes/links.py). Titles, pages and
categories come from the one table of index kinds (data/index_kinds.yml); the wording — how the
page speaks of the document and of its region's divisions — from extract/indexes/labels.py.
"""

import html

from jinja2 import Environment
from markupsafe import Markup

from generator import data, urls
from generator.extract.indexes.labels import category_label, index_intro
from generator.model import IndexEntry, NavItem, OutputFile, Plan, iter_clauses
from generator.render import cite
from generator.render.templating import escape_text

SNIPPET_RADIUS = 24


def render_index_pages(environment: Environment, plan: Plan) -> tuple[list[OutputFile], list[NavItem]]:
    """The plan's three index pages and their navigation entries (pages with no entries are left out)."""
    clauses = {clause.id: clause for clause in iter_clauses(plan.document)}
    pages = urls.clause_pages(plan)
    region = plan.meta.region
    files, nav = [], []
    for index_name, kind in data.index_kinds().items():
        entries = getattr(plan.index, index_name)
        if not entries:
            continue
        page = urls.index_page(plan, index_name)
        cards = [_card(index_name, entry, clauses, pages, page, region) for entry in entries]
        categories = tuple(dict.fromkeys(entry.category for entry in entries))
        files.append(
            OutputFile(
                page,
                environment.get_template("index.md.j2").render(
                    title=kind.title,
                    page_title=cite.page_title(plan.document, plan.meta, kind.title),
                    plan_title=plan.document.title.text,
                    plan_link=urls.relative_link(page, urls.plan_home(plan)),
                    intro=index_intro(index_name, plan.meta.kind, region, categories),
                    count=len(entries),
                    groups=_groups(index_name, cards, region),
                    letters=_letters(cards),
                    by_category=kind.by_category,
                    json_link=urls.relative_link(page, urls.data_path(plan, kind.data + ".json")),
                    csv_link=urls.relative_link(page, urls.data_path(plan, kind.data + ".csv")),
                    json_name=kind.data + ".json",
                    csv_name=kind.data + ".csv",
                    served_path=urls.served_url(page),
                ),
            )
        )
        nav.append(NavItem(html.escape(kind.title), page))
    return files, nav


def index_summaries(plan: Plan) -> list[dict]:
    """What the plan's home page says of each index: its title, link and number of entries."""
    home = urls.plan_home(plan)
    return [
        {"title": kind.title, "link": urls.relative_link(home, urls.index_page(plan, name)), "count": len(getattr(plan.index, name))}
        for name, kind in data.index_kinds().items()
        if getattr(plan.index, name)
    ]


def snippet(text: str, start: int, end: int, radius: int = SNIPPET_RADIUS) -> tuple[str, str, str]:
    """The text around a mention: before, the mention, after — cut with ellipses."""
    left = max(0, start - radius)
    right = min(len(text), end + radius)
    before = ("…" if left else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    return before, text[start:end], after


def _card(index_name: str, entry: IndexEntry, clauses, pages: dict[str, str], page: str, region: str) -> dict:
    """An entry as printed: name, anchor, category label, aliases, and one snippet per mentioning clause."""
    seen, references = set(), []
    for mention in entry.mentions:
        if mention.clause in seen or mention.clause not in clauses:
            continue
        seen.add(mention.clause)
        before, middle, after = snippet(clauses[mention.clause].text, mention.start, mention.end)
        references.append(
            {
                "clause": mention.clause,
                "link": _url(urls.relative_link(page, pages[mention.clause]) + "#" + mention.clause),
                "snippet": mark(before, middle, after),
            }
        )
    return {
        "entry": entry,
        "label": category_label(index_name, entry.category, region),
        "category": entry.category,
        "letter": entry.letter,
        "references": references,
    }


def _groups(index_name: str, cards: list[dict], region: str) -> list[dict]:
    """Sections of the page: categories in their fixed order (projects) or pinyin letters (others)."""
    kind = data.index_kinds()[index_name]
    if kind.by_category:
        order = [key for key, _ in kind.categories]
        keys = sorted({card["category"] for card in cards}, key=lambda key: order.index(key) if key in order else len(order))
        return [
            {"title": category_label(index_name, key, region), "anchor": "c-" + key,
             "cards": [card for card in cards if card["category"] == key]}
            for key in keys
        ]
    letters = sorted({card["letter"] for card in cards}, key=lambda letter: (letter == "#", letter))
    return [
        {"title": letter, "anchor": "l-" + letter.lower() if letter != "#" else "l-other",
         "cards": [card for card in cards if card["letter"] == letter]}
        for letter in letters
    ]


def _letters(cards: list[dict]) -> list[dict]:
    """The A–Z list: each letter with the entries under it (their names and anchors)."""
    letters = sorted({card["letter"] for card in cards}, key=lambda letter: (letter == "#", letter))
    return [{"letter": letter, "cards": [card for card in cards if card["letter"] == letter]} for letter in letters]


def _url(url: str) -> Markup:
    """A generated link target, HTML-escaped only (its # must stay a fragment, not become &#35;)."""
    return Markup(html.escape(url, quote=True))


def mark(before: str, middle: str, after: str) -> Markup:
    """A snippet with its mention marked; every piece of plan text escaped."""
    return Markup(escape_text(before) + "<mark>" + escape_text(middle) + "</mark>" + escape_text(after))
