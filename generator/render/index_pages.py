"""Render the plan's index pages: projects by category, places and documents by pinyin letter.

Each entry lists and links every clause that mentions it, with a snippet around the mention;
the mentions in the clause text link back here (indexes.index_links).
"""

import html

from jinja2 import Environment
from markupsafe import Markup

from generator import data, urls
from generator.extract import indexes
from generator.model import IndexEntry, NavItem, OutputFile, Plan, iter_clauses
from generator.render import cite, export_index
from generator.render.templating import escape_text

INDEX_TITLES = {"projects": "项目索引", "places": "地名索引", "documents": "文件索引"}
INDEX_INTROS = {
    "projects": "计划中点名的重大项目、工程、平台、行动和活动，按类别排列，类内按拼音排序。",
    "places": "计划中提到的盟市、旗县、口岸、河湖、沙漠、山脉，以及其他省区市、国家和区域，按拼音排序。",
    "documents": "计划中引用的法律法规（书名号内），以及计划提出将要制定、出台或修订的文件，按拼音排序。",
}


def render_index_pages(environment: Environment, plan: Plan) -> tuple[list[OutputFile], list[NavItem]]:
    """The plan's three index pages and their navigation entries (pages with no entries are left out)."""
    clauses = {clause.id: clause for clause in iter_clauses(plan.document)}
    pages = urls.clause_pages(plan)
    files, nav = [], []
    for index_name in indexes.INDEX_NAMES:
        entries = getattr(plan.index, index_name)
        if not entries:
            continue
        page = urls.index_page(plan, index_name)
        cards = [_card(index_name, entry, clauses, pages, page) for entry in entries]
        title = INDEX_TITLES[index_name]
        data = export_index.DATA_NAMES[index_name]
        files.append(
            OutputFile(
                page,
                environment.get_template("index.md.j2").render(
                    title=title,
                    page_title=cite.page_title(plan.document, plan.meta, title),
                    plan_title=plan.document.title.text,
                    plan_link=urls.relative_link(page, urls.plan_home(plan)),
                    intro=INDEX_INTROS[index_name],
                    count=len(entries),
                    groups=_groups(index_name, cards),
                    letters=_letters(cards),
                    by_category=index_name == "projects",
                    json_link=urls.relative_link(page, urls.data_path(plan, data + ".json")),
                    csv_link=urls.relative_link(page, urls.data_path(plan, data + ".csv")),
                    json_name=data + ".json",
                    csv_name=data + ".csv",
                    served_path=urls.served_url(page),
                ),
            )
        )
        nav.append(NavItem(html.escape(title), page))
    return files, nav


def index_summaries(plan: Plan) -> list[dict]:
    """What the plan's home page says of each index: its title, link and number of entries."""
    home = urls.plan_home(plan)
    return [
        {"title": INDEX_TITLES[name], "link": urls.relative_link(home, urls.index_page(plan, name)),
         "count": len(getattr(plan.index, name))}
        for name in indexes.INDEX_NAMES
        if getattr(plan.index, name)
    ]


def _card(index_name: str, entry: IndexEntry, clauses, pages: dict[str, str], page: str) -> dict:
    """An entry as printed: name, anchor, category label, aliases, and one snippet per mentioning clause."""
    seen, references = set(), []
    for mention in entry.mentions:
        if mention.clause in seen or mention.clause not in clauses:
            continue
        seen.add(mention.clause)
        before, middle, after = indexes.snippet(clauses[mention.clause].text, mention.start, mention.end)
        references.append(
            {
                "clause": mention.clause,
                "link": _url(urls.relative_link(page, pages[mention.clause]) + "#" + mention.clause),
                "snippet": mark(before, middle, after),
            }
        )
    return {
        "entry": entry,
        "label": indexes.category_label(index_name, entry.category),
        "category": entry.category,
        "letter": entry.letter,
        "references": references,
    }


def _groups(index_name: str, cards: list[dict]) -> list[dict]:
    """Sections of the page: categories in their fixed order (projects) or pinyin letters (others)."""
    if index_name == "projects":
        order = list(data.index_categories()["projects"])
        keys = sorted({card["category"] for card in cards}, key=lambda key: order.index(key) if key in order else len(order))
        return [
            {"title": indexes.category_label(index_name, key), "anchor": "c-" + key,
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
