"""Render: plans become Markdown pages (Jinja2 templates, render/templating.py) and the site navigation."""

import html
from dataclasses import dataclass

from jinja2 import Environment
from markupsafe import Markup

from generator import data, patterns, urls
from generator.extract import indicators, outline
from generator.model import (
    Clause,
    Division,
    DocumentKind,
    DocumentMeta,
    Level,
    Link,
    NavItem,
    OutputFile,
    Plan,
    RenderedDocument,
    SiteSettings,
    chapter_sections,
    page_clauses,
    page_divisions,
)
from generator.render import boxes, cards, cite, index_pages, permalinks
from generator.render.templating import chinese_date, summary, template_environment

GLOSSARY_TITLE = "量化目标"
# Punctuation closing a clause, left off where a clause is quoted in a list.
CLAUSE_END = "。；;"
PREAMBLE_HEADINGS = {"general-requirements": ("总体要求", "general-requirements"), "main-targets": ("主要预期目标", "main-targets")}


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a clause's text as printed: plain, or a link with its class (ind, prj, plc, doc).

    A link carries no tooltip: its card (render/cards.py) says what it names, on phones too."""

    text: str
    href: str = ""
    kind: str = ""


def render_document(plan: Plan, site: SiteSettings) -> RenderedDocument:
    """A document's Markdown pages and navigation, and its share pages (finished HTML)."""
    environment = template_environment()
    files, nav = _render_plan(environment, plan, site)
    return RenderedDocument(tuple(files), nav, permalinks.share_pages(environment, plan, site))


def offline_readme(plan: Plan, site_url: str) -> str:
    """The README.txt at the top of a plan's offline bundle: what it is, the site it was taken from,
    how to open it. UTF-8 with a BOM and CRLF line ends, so that any text editor shows the Chinese."""
    lines = (
        f"《{plan.document.title.text}》离线版",
        "",
        f"本离线版取自 {site_url}",
        f"网上原文：{site_url}{urls.served_url(urls.plan_home(plan))}",
        "",
        "用浏览器打开本文件夹中的 index.html 即可阅读，无需联网，也可以搜索。",
        "页面上复制的链接和引用都指向上面的网站。",
    )
    return "\ufeff" + "\r\n".join(lines) + "\r\n"


def linked_segments(page: str, shown: tuple[tuple[Clause, tuple[Link, ...]], ...]) -> dict[str, tuple[Segment, ...]]:
    """The text of each clause with links shown (``shown_links``) cut into plain and linked
    segments, links relative to ``page``."""
    return {clause.id: _segments(clause, links, page) for clause, links in shown}


def shown_links(plan: Plan, sections) -> tuple[tuple[Clause, tuple[Link, ...]], ...]:
    """The links a page shows, by clause, for its ``sections`` (each a sequence of clauses): a named
    thing is linked at its first mention in each section only; where links overlap, the earlier
    (then longer) one wins."""
    by_clause: dict[str, list[Link]] = {}
    for link in plan.links:
        by_clause.setdefault(link.clause, []).append(link)
    shown = []
    for section in sections:
        seen: set[tuple[str, str]] = set()
        for clause in section:
            kept = []
            for link in _apart(clause, by_clause.get(clause.id, ())):
                if (link.target, link.fragment) not in seen:
                    seen.add((link.target, link.fragment))
                    kept.append(link)
            if kept:
                shown.append((clause, tuple(kept)))
    return tuple(shown)


def _apart(clause: Clause, links) -> list[Link]:
    """A clause's links in text order without overlaps: the earlier (then longer) one wins."""
    kept = []
    position = 0
    for link in sorted(links, key=lambda link: (link.start, link.start - link.end)):
        if not 0 <= link.start < link.end <= len(clause.text):
            raise ValueError(f"link {link} lies outside clause {clause.id}")
        if link.start >= position:
            kept.append(link)
            position = link.end
    return kept


def _segments(clause: Clause, links: tuple[Link, ...], page: str) -> tuple[Segment, ...]:
    """A clause's text cut at its links (in text order, not overlapping)."""
    segments = []
    position = 0
    for link in links:
        if link.start > position:
            segments.append(Segment(clause.text[position : link.start]))
        # A generated URL, not plan text: HTML-escaped only, so that its # stays a fragment.
        href = Markup(html.escape(urls.relative_link(page, link.target) + "#" + link.fragment, quote=True))
        segments.append(Segment(clause.text[link.start : link.end], href, link.kind))
        position = link.end
    if position < len(clause.text):
        segments.append(Segment(clause.text[position:]))
    return tuple(segments)


def _render_plan(environment: Environment, plan: Plan, site: SiteSettings) -> tuple[list[OutputFile], NavItem]:
    """The plan's home page and a page per part and chapter, and its group in the navigation."""
    document = plan.document
    home = urls.plan_home(plan)
    title = document.title.text
    preamble = [
        {"paragraph": paragraph, "heading": PREAMBLE_HEADINGS.get(paragraph.role)} for paragraph in document.preamble
    ]
    places = cite.labels(document)
    clause_pages = urls.clause_pages(plan)
    citing = _citing(plan)
    # The preamble is one section: a named thing is linked at its first mention there.
    home_links = shown_links(plan, ((*(c for p in document.preamble for c in p.clauses),), *boxes.box_sections(plan, home, clause_pages)))
    files = [
        OutputFile(
            home,
            environment.get_template("plan.md.j2").render(
                title=title,
                page_title=cite.page_title(document, plan.meta),
                description=_plan_description(plan),
                front=document.front,
                preamble=preamble,
                chapters=_contents(plan, home),
                data_link=urls.relative_link(home, urls.data_path(plan, "plan.json")),
                links=linked_segments(home, home_links),
                cards=Markup(cards.page_cards(plan, home, home_links, site, places, clause_pages)),
                meta=_meta_rows(plan.meta),
                indexes=index_pages.index_summaries(plan),
                glossary_link=urls.relative_link(home, urls.glossary_page(plan)),
                target_count=len(plan.indicators),
                noun=data.document_kinds()[plan.meta.kind].noun,
                places=places,
                citing=citing,
                served_path=urls.served_url(home),
                marks=permalinks.page_marks(plan, home, ""),
                box_views=boxes.box_views(plan, home, site, places, clause_pages),
            ),
        ),
        _glossary(environment, plan, site),
    ]
    for division in page_divisions(document):
        page = urls.chapter_page(plan, division)
        page_links = shown_links(plan, (*chapter_sections(division), *boxes.box_sections(plan, page, clause_pages)))
        files.append(
            OutputFile(
                page,
                environment.get_template("chapter.md.j2").render(
                    chapter=division,
                    page_title=cite.page_title(document, plan.meta, division.title.text),
                    description=_chapter_description(division),
                    pages={
                        child.id: urls.relative_link(page, urls.chapter_page(plan, child))
                        for child in division.children
                        if child.level.paged
                    },
                    links=linked_segments(page, page_links),
                    cards=Markup(cards.page_cards(plan, page, page_links, site, places, clause_pages)),
                    places=places,
                    citing=citing,
                    served_path=urls.served_url(page),
                    marks=permalinks.page_marks(plan, page, division.id),
                    boxes=boxes.box_views(plan, page, site, places, clause_pages),
                ),
            )
        )
    nav_pages = [NavItem(html.escape(title), home)]
    nav_pages.extend(_nav(plan, division) for division in (*document.divisions, *document.appendices))
    nav_pages.append(NavItem(GLOSSARY_TITLE, urls.glossary_page(plan)))
    index_files, index_nav = index_pages.render_index_pages(environment, plan)
    files.extend(index_files)
    nav_pages.extend(index_nav)
    files.extend(permalinks.removed_chapter_pages(environment, plan))
    return files, NavItem(html.escape(title), children=tuple(nav_pages))


def _nav(plan: Plan, division: Division) -> NavItem:
    """A page's entry in the navigation: a chapter's page, or a part's group (its own page first, as
    the group's index, then its chapters')."""
    entry = NavItem(html.escape(division.title.text), urls.chapter_page(plan, division))
    if division.level is not Level.PART:
        return entry
    chapters = tuple(_nav(plan, child) for child in division.children if child.level.paged)
    return NavItem(entry.title, children=(entry, *chapters))


def _contents(plan: Plan, home: str) -> list[dict]:
    """The home page's contents: every part and chapter (and appendix) with its page's link, chapters
    inside a part one step in."""
    return [
        {"title": division.title.text, "link": urls.relative_link(home, urls.chapter_page(plan, division)), "depth": depth}
        for division, depth in _paged(plan.document.divisions + plan.document.appendices, 0)
    ]


def _paged(divisions: tuple[Division, ...], depth: int):
    """Each division with a page, and how deep it lies among those (a part's chapter: 1)."""
    for division in divisions:
        if division.level.paged:
            yield division, depth
            yield from _paged(division.children, depth + 1)


def _citing(plan: Plan) -> dict[str, str]:
    """What a page with clauses tells theme/assets/plansite.js to build its links and citations:
    the share pages' folder, the cited title and the source note (render/cite.py's rule); and the
    document's name for the header."""
    return {
        "document": cite.document_name(plan.document, plan.meta),
        "share_prefix": urls.share_folder(plan),
        "cite_title": cite.cited_title(plan.document, plan.meta),
        "cite_source": cite.source_note(plan.document, plan.meta),
    }


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


def _chapter_description(chapter: Division) -> str:
    """Meta description of a chapter's (or part's) page: its title, then its opening text."""
    first = chapter.intro[0].clauses if chapter.intro else (chapter.children[0].heading,) if chapter.children else ()
    return summary(chapter.title.text + "：" + "".join(clause.text for clause in first))


def _meta_rows(meta: DocumentMeta) -> list[dict]:
    """The document's metadata as the home page lists it: label, value, and a link for the source."""
    rows = [
        ("地区", meta.region),
        ("年度", f"{meta.year}年" if meta.year and not meta.period_start else ""),
        ("规划期", f"{meta.period_start}—{meta.period_end}年" if meta.period_start else ""),
        ("类型", data.kind_name(meta.kind)),
        ("发文机关", meta.issuer),
        ("文号", meta.document_number),
        ("报告人", meta.speaker),
        ("日期", chinese_date(meta.date)),
    ]
    shown = [{"label": label, "value": value, "url": ""} for label, value in rows if value]
    if meta.source_name or meta.source_url:
        shown.append({"label": "来源", "value": meta.source_name or meta.source_url, "url": meta.source_url})
    return shown


def _glossary(environment: Environment, plan: Plan, site: SiteSettings) -> OutputFile:
    """The plan's indicator glossary: headline targets, definitions, then every target by chapter."""
    page = urls.glossary_page(plan)
    pages = urls.clause_pages(plan)
    chapters = {clause.id: chapter for chapter in page_divisions(plan.document) for clause in page_clauses(chapter)}

    def clause_link(clause_id: str) -> str:
        return urls.relative_link(page, pages[clause_id]) + "#" + clause_id

    def row(indicator) -> dict:
        return {
            "indicator": indicator,
            "target": indicators.written_target(indicator),
            "clause_link": clause_link(indicator.clause),
        }

    headline = [row(indicator) for indicator in plan.indicators if indicator.headline]
    stated = {indicator.clause for indicator in plan.indicators}
    goals = [
        {"clause": clause, "text": clause.text.rstrip(CLAUSE_END), "link": clause_link(clause.id)}
        for clause in indicators.headline_clauses(plan.document)
        if clause.id not in stated and _states_a_goal(clause)
    ]
    groups: dict[str, dict] = {}
    for indicator in plan.indicators:
        if not indicator.headline:
            chapter = chapters.get(indicator.clause)
            group = groups.setdefault(
                chapter.id if chapter else "0",
                {"title": chapter.title.text if chapter else "开篇", "anchor": f"chapter-{chapter.id if chapter else 0}", "rows": []},
            )
            group["rows"].append(row(indicator))
    entries = {}
    for indicator in plan.indicators:
        entries.setdefault(indicator.name, indicator.id)
    definitions = [
        {"definition": definition, "entry": entries.get(definition.name, "")} for definition in plan.definitions
    ]
    title = plan.document.title.text
    description = f"《{title}》提出的{len(plan.indicators)}项量化目标：" + "；".join(
        indicators.tooltip(item["indicator"]) for item in headline
    )
    text = environment.get_template("glossary.md.j2").render(
        plan_title=title,
        title=cite.page_title(plan.document, plan.meta, GLOSSARY_TITLE),
        description=summary(description),
        count=len(plan.indicators),
        headline=headline,
        # An outline's headline targets are its main-indicators table's rows (专栏1 …主要指标).
        headline_title="主要指标" if plan.meta.kind is DocumentKind.FIVE_YEAR_PLAN else "主要预期目标",
        goals=goals,
        definitions=definitions,
        groups=list(groups.values()),
        home_link=urls.relative_link(page, urls.plan_home(plan)),
        csv_link=urls.relative_link(page, urls.data_path(plan, "indicators.csv")),
        json_link=urls.relative_link(page, urls.data_path(plan, "indicators.json")),
        **_compare(plan, page, site),
        served_path=urls.served_url(page),
    )
    return OutputFile(page, text)


def _compare(plan: Plan, page: str, site: SiteSettings) -> dict[str, str]:
    """The comparison across documents a glossary links to, and its name: the year's, or an
    outline's period's (“十五五”时期主要指标对照)."""
    period = (plan.meta.period_start, plan.meta.period_end)
    if plan.meta.period_end:
        return {"compare_link": urls.period_compare_link(page, period, site), "compare_name": f"{outline.period_name(*period)}时期主要指标对照"}
    if plan.meta.year:
        return {"compare_link": urls.compare_link(page, plan.meta.year, site), "compare_name": f"{plan.meta.year}年主要预期目标对照"}
    return {"compare_link": "", "compare_name": ""}


def _states_a_goal(clause: Clause) -> bool:
    """Whether a main-targets clause states a goal, not only opens the list (主要预期目标是：)."""
    opening = patterns.MAIN_TARGETS.search(clause.text)
    rest = clause.text[opening.end() :] if opening else clause.text
    return bool(patterns.CHINESE_ONLY.search(rest))
