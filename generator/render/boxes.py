"""Boxes on the page: each 专栏 box after the clause it follows, set apart as a box, its table a real table.

The template (_box.md.j2) lays out a box's title, items and notes as clauses with their places
(data-cite, for the link menu's citations); this module gives it, per box, its table as HTML: a
row per indicator, the 类别 cell merged over its rows (a row group), each row's indicator cell the
row's clause (its ID, its number, its place: 专栏1第3行), its target cell linked to the target's
glossary entry. Every text is escaped here.
"""

import html
from dataclasses import dataclass

from markupsafe import Markup

from generator import urls
from generator.model import (
    Box,
    Clause,
    ColumnRole,
    Indicator,
    Plan,
    SiteSettings,
    Table,
    TableRow,
    box_clauses,
)

# What a column is called when the copy gives no heading row.
COLUMN_NAMES = {
    ColumnRole.CATEGORY: "类别", ColumnRole.INDICATOR: "指标", ColumnRole.BASE: "基期", ColumnRole.TARGET: "目标",
    ColumnRole.SPAN: "年均/累计", ColumnRole.ATTRIBUTE: "属性", ColumnRole.UNIT: "单位", ColumnRole.OTHER: "",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class BoxView:
    """A box as its page shows it: the box, and its table as HTML ("" for a box of items)."""

    box: Box
    table: Markup


def box_views(plan: Plan, page: str, site: SiteSettings, places: dict[str, str], pages: dict[str, str]) -> dict[str, tuple[BoxView, ...]]:
    """The boxes a page shows, by the clause each follows (the page's template puts them there).

    ``places``: each clause's label (cite.labels); ``pages``: the page holding each clause (urls.clause_pages).
    """
    if not plan.document.boxes:
        return {}
    targets = {indicator.clause: indicator for indicator in plan.indicators}
    glossary = urls.glossary_page(plan)
    views: dict[str, tuple[BoxView, ...]] = {}
    for box in plan.document.boxes:
        if pages.get(box.title.id) != page:
            continue
        table = _table(box, box.table, places, targets, page, glossary, site) if box.table else Markup("")
        views[box.after] = (*views.get(box.after, ()), BoxView(box, table))
    return views


def box_sections(plan: Plan, page: str, pages: dict[str, str]) -> tuple[tuple[Clause, ...], ...]:
    """The clauses of the boxes on a page, box by box (for the links and cards the page shows)."""
    return tuple(tuple(box_clauses(box)) for box in plan.document.boxes if pages.get(box.title.id) == page)


def _table(box: Box, table: Table, places: dict[str, str], targets: dict[str, Indicator], page: str, glossary: str, site: SiteSettings) -> Markup:
    """A box's table as HTML, in a box of its own that scrolls sideways on a narrow screen."""
    columns = table.columns
    head = [
        _escape(table.head.clause.text[start:end]) if table.head else COLUMN_NAMES[role]
        for role, (start, end) in zip(columns, table.head.cells if table.head else [(0, 0)] * len(columns))
    ]
    head_id = f' id="{_attr(table.head.clause.id)}"' if table.head else ""
    lines = [
        f'<div class="ps-table-scroll" role="region" aria-label="{_attr(box.title.text)}" tabindex="0">',
        '<table class="ps-table">',
        f"<thead><tr{head_id}>" + "".join(f'<th scope="col">{name}</th>' for name in head) + "</tr></thead>",
    ]
    for group in _groups(table):
        lines.append("<tbody>")
        for index, row in enumerate(group):
            cells = []
            for role, (start, end) in zip(columns, row.cells):
                words = row.clause.text[start:end]
                if role is ColumnRole.CATEGORY:
                    if index == 0:
                        cells.append(f'<th scope="rowgroup" rowspan="{len(group)}">{_escape(row.category)}</th>')
                elif role is ColumnRole.INDICATOR:
                    clause = row.clause
                    cells.append(
                        f'<th scope="row" class="c" id="{_attr(clause.id)}" data-cite="{_attr(places[clause.id])}">'
                        f'<a class="n" href="#{_attr(clause.id)}">{clause.number}</a>{_escape(words)}</th>'
                    )
                else:
                    cells.append(f"<td>{_target_link(row, start, end, targets, page, glossary, site) or _escape(words)}</td>")
            lines.append("<tr>" + "".join(cells) + "</tr>")
        lines.append("</tbody>")
    lines.extend(["</table>", "</div>"])
    return Markup("\n".join(lines))


def _groups(table: Table) -> list[list[TableRow]]:
    """The rows in runs of one category (one run for a table without 类别)."""
    groups: list[list[TableRow]] = []
    merged = ColumnRole.CATEGORY in table.columns
    for row in table.rows:
        if groups and (not merged or groups[-1][-1].category == row.category):
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def _target_link(row: TableRow, start: int, end: int, targets: dict[str, Indicator], page: str, glossary: str, site: SiteSettings) -> str:
    """The target cell's words linked to the target's glossary entry; "" for any other cell."""
    target = targets.get(row.clause.id)
    if target is None or (target.start, target.end) != (start, end):
        return ""
    href = urls.page_link(page, glossary, target.id, site.directory_urls)
    return f'<a class="ind" href="{_attr(href)}">{_escape(target.text)}</a>'


def _escape(text: str) -> str:
    """Text in HTML."""
    return html.escape(text, quote=False)


def _attr(text: str) -> str:
    """Text in an HTML attribute."""
    return html.escape(text, quote=True)
