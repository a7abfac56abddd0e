"""Links from a document's text to its index entries."""

from generator import data
from generator.model import Link, Plan

# The order links are made in: a place inside a project's or document's name yields to it.
LINK_ORDER = ("projects", "documents", "places")


def index_links(plan: Plan, pages: dict[str, str]) -> tuple[Link, ...]:
    """Links from every mention to its index entry (``pages``: each index's page); a place inside a
    project's or document's name yields."""
    links = []
    covered: dict[str, list[tuple[int, int]]] = {}
    kinds = data.index_kinds()
    for index_name in LINK_ORDER:
        for entry in getattr(plan.index, index_name):
            for mention in entry.mentions:
                spans = covered.setdefault(mention.clause, [])
                if index_name == "places" and any(s < mention.end and mention.start < e for s, e in spans):
                    continue
                if index_name != "places":
                    spans.append((mention.start, mention.end))
                links.append(Link(mention.clause, mention.start, mention.end, pages[index_name], entry.id, kinds[index_name].link))
    return tuple(links)
