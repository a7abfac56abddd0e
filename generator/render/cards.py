"""Cards: what a page's script shows beside the text when a reader taps a linked name or target.

A chapter page (and a plan's home page) carries, in one JSON block, the card of every target and
index entry its text links to: for a target, its name, the words as written, the target in plain
words, its unit and definition, and the canonical indicator it is (for the comparison across
documents); for a project, place or cited document, its category and the clauses that name it. The
script (theme/assets/plansite.js) only lays these out; it never reads anything from the text.
"""

import json

from generator import data, urls
from generator.extract import indicators
from generator.extract.indexes.labels import category_label
from generator.model import Clause, Link, Plan, SiteSettings

# How many clauses naming an entry a card lists (besides the one it is opened from); the entry's
# index page lists them all.
MENTIONS_SHOWN = 5


def page_cards(
    plan: Plan,
    page: str,
    shown: tuple[tuple[Clause, tuple[Link, ...]], ...],
    site: SiteSettings,
    places: dict[str, str],
    clause_pages: dict[str, str],
) -> str:
    """The JSON text of the cards of the links a page shows (``pages.shown_links``), "" for none.

    ``places``: each clause's label (cite.labels); ``clause_pages``: the page holding each clause
    (urls.clause_pages) — the same for every page of a plan, so worked out once.

    ``{"ind": {id: {n, v, u, d?, k?}}, "prj"|"plc"|"doc": {id: {n, c, m: [[place, href]…], t}},
    "ix": {"prj"|"plc"|"doc": the index's title}, "cmp": link to the year's comparison (when a target
    has a canonical key)}``: n name, v the target in plain words, u unit, d definition, k canonical
    key (the words as written are the link's own text, the target's exact span); c category, m the
    first clauses that name the entry (one more than a card lists, in case one is the card's own),
    t how many clauses name it; ix names each index a card links to (data/index_kinds.yml), so the
    script repeats no vocabulary of its own.
    """
    wanted = {(link.kind, link.fragment) for _, links in shown for link in links}
    if not wanted:
        return ""
    cards: dict[str, dict] = {}
    targets = {indicator.id: indicator for indicator in plan.indicators}
    for kind, fragment in sorted(wanted):
        if kind == "ind" and fragment in targets:
            cards.setdefault("ind", {})[fragment] = _target_card(targets[fragment])
    for index_name, index_kind in data.index_kinds().items():
        kind = index_kind.link
        for entry in getattr(plan.index, index_name):
            if (kind, entry.id) not in wanted:
                continue
            clauses = list(dict.fromkeys(mention.clause for mention in entry.mentions))
            cards.setdefault("ix", {})[kind] = index_kind.title
            cards.setdefault(kind, {})[entry.id] = {
                "n": entry.name,
                "c": f"{index_kind.card} · {category_label(index_name, entry.category, plan.meta.region)}",
                "m": [[places[clause], urls.page_link(page, clause_pages[clause], clause, site.directory_urls)] for clause in clauses[: MENTIONS_SHOWN + 1]],
                "t": len(clauses),
            }
    if any("k" in card for card in cards.get("ind", {}).values()):
        if plan.meta.period_end:
            cards["cmp"] = urls.period_compare_link(page, (plan.meta.period_start, plan.meta.period_end), site)
        elif plan.meta.year:
            cards["cmp"] = urls.compare_link(page, plan.meta.year, site)
    # Safe inside <script>: no "<" can close the element.
    return json.dumps(cards, ensure_ascii=False, separators=(",", ":"), sort_keys=True).replace("<", "\\u003c")


def _target_card(indicator) -> dict:
    """A target's card: name, plain target, unit, and the definition and key when known."""
    card = {"n": indicator.name, "v": indicators.plain_target(indicator), "u": indicator.unit}
    if indicator.definition:
        card["d"] = indicator.definition
    if indicator.key:
        card["k"] = indicator.key
    return card
