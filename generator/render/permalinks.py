"""Links that last: a share page for every clause ID, and notes where revisions removed or moved clauses.

Share pages (``<slug>/s/<id>/``) are finished HTML written directly (templates/share.html.j2): Open
Graph and Twitter tags for chat-app previews, and a plain HTML redirect on to the clause. A removed clause leaves a
note at its old place, a clause moved to another chapter leaves a link there, and a removed
chapter keeps its page, so every link ever published still lands.
"""

from dataclasses import dataclass, field

from jinja2 import Environment
from markupsafe import Markup

from generator import urls
from generator.model import (
    ClauseKind,
    Document,
    Level,
    OutputFile,
    Plan,
    SiteSettings,
    Tombstone,
    iter_clauses,
    page_clauses,
    page_divisions,
)
from generator.read.idlock import id_depth
from generator.render import cite

# How a note names a removed sentence; a removed heading is named as its level is (部分, 项; 章, 节).
SENTENCE_NOUN = "句"
# A level the document lacks is named as a report names it.
DEFAULT_NOUNS = {Level.PART: "篇", Level.CHAPTER: "部分", Level.SECTION: "项"}


@dataclass(frozen=True, slots=True)
class Mark:
    """A tombstone as printed: a removed clause's last text, or a link to where a moved one went."""

    id: str
    noun: str
    text: str = ""
    href: str = ""
    label: str = ""


@dataclass(frozen=True, slots=True)
class Marks:
    """A page's tombstones by place: before or after a clause, or alone after a heading ("": page top)."""

    before: dict[str, tuple[Mark, ...]] = field(default_factory=dict)
    after: dict[str, tuple[Mark, ...]] = field(default_factory=dict)
    alone: dict[str, tuple[Mark, ...]] = field(default_factory=dict)


def page_marks(plan: Plan, page: str, chapter_id: str) -> Marks:
    """Where the tombstones of the page named by ``chapter_id`` ("" the plan's home) are printed.

    A note follows the clause it followed; one that followed a heading goes before the first
    sentence under it (or alone after the heading when none is left).
    """
    document = plan.document
    if not any(stone.page == chapter_id for stone in document.tombstones):
        return Marks()
    if chapter_id:
        chapter = next(page for page in page_divisions(document) if page.id == chapter_id)
        clauses = list(page_clauses(chapter))
    else:
        clauses = [clause for paragraph in document.preamble for clause in paragraph.clauses]
    first_under: dict[str, str] = {}
    heading = ""
    for clause in clauses:
        if clause.kind != ClauseKind.SENTENCE:
            heading = clause.id
        elif heading not in first_under:
            first_under[heading] = clause.id
    sentences = {clause.id for clause in clauses if clause.kind == ClauseKind.SENTENCE}
    before: dict[str, list[Mark]] = {}
    after: dict[str, list[Mark]] = {}
    alone: dict[str, list[Mark]] = {}
    locate = _locator(plan)
    for stone in document.tombstones:
        if stone.page != chapter_id:
            continue
        mark = _mark(plan, stone, page, locate)
        if stone.after in sentences:
            after.setdefault(stone.after, []).append(mark)
        elif stone.after in first_under:
            before.setdefault(first_under[stone.after], []).append(mark)
        else:
            alone.setdefault(stone.after, []).append(mark)
    return Marks(*({key: tuple(value) for key, value in group.items()} for group in (before, after, alone)))


def share_pages(environment: Environment, plan: Plan, site: SiteSettings) -> tuple[OutputFile, ...]:
    """The plan's share pages, finished HTML (one per clause ID, removed ones too), at their site paths."""
    document = plan.document
    labels = cite.labels(document)
    pages = urls.clause_pages(plan)
    template = environment.get_template("share.html.j2")
    files = []
    for clause in iter_clauses(document):
        label = labels[clause.id]
        citation = cite.citation(document, plan.meta, label)
        files.append(_share_page(template, plan, site, clause.id, pages[clause.id], citation, clause.text, f"阅读原文：{label}"))
    for stone in document.tombstones:
        if stone.moved:
            continue
        noun = _noun(document, stone.id)
        title = cite.citation(document, plan.meta, f"中已删除的一{noun}（{stone.id}）")
        description = f"此{noun}已在修订中删除。原文：{stone.text}"
        page = urls.chapter_id_page(plan, stone.page)
        files.append(_share_page(template, plan, site, stone.id, page, title, description, "查看它原来的位置"))
    return tuple(files)


def _share_page(template, plan: Plan, site: SiteSettings, clause_id: str, page: str, title: str, description: str, link_text: str) -> OutputFile:
    """One share page: its meta tags, and the redirect to the clause's place."""
    source = urls.share_page(plan, clause_id)
    path = urls.output_path(source, site.directory_urls)
    target = urls.page_link(source, page, clause_id, site.directory_urls)
    text = template.render(
        title=title,
        description=description,
        target=target,
        link_text=link_text,
        site_name=site.name,
        canonical=site.url + urls.served_url(source) if site.url else "",
        icon=urls.relative_link(path, urls.SITE_ICON),
    )
    return OutputFile(path, text)


def removed_chapter_pages(environment: Environment, plan: Plan) -> list[OutputFile]:
    """A page for each removed chapter, at its old address, with a note for each ID it held."""
    document = plan.document
    pages = page_divisions(document)
    chapters = pages[: len(pages) - len(document.appendices)]
    live = [chapter.id for chapter in chapters]
    locate = _locator(plan)
    files = []
    for stone in document.tombstones:
        if id_depth(stone.id) != 1:
            continue
        page = urls.chapter_id_page(plan, stone.page)
        position = live.index(stone.after) + 1 if stone.after in live else 0
        neighbours = {}
        for name, index in (("previous", position - 1), ("next", position)):
            if 0 <= index < len(live):
                chapter = chapters[index]
                link = Markup(urls.relative_link(page, urls.chapter_page(plan, chapter)))
                neighbours[name] = {"label": chapter.title.text, "link": link}
        marks = [_mark(plan, other, page, locate) for other in document.tombstones if other.page == stone.page and other is not stone]
        text = environment.get_template("removed.md.j2").render(
            id=stone.id,
            title=stone.text,
            page_title=cite.page_title(document, plan.meta, f"{stone.text}（已删除）"),
            description=f"{stone.text}：此部分已在修订中删除。",
            marks=marks,
            contents=_href(page, urls.plan_home(plan), "contents"),
            served_path=urls.served_url(page),
            **neighbours,
        )
        files.append(OutputFile(page, text))
    return files


def _locator(plan: Plan):
    """A function giving an ID's current place: (source page, label) of its clause or its removal note."""
    pages = urls.clause_pages(plan)
    labels = cite.labels(plan.document)
    removed = {stone.id: urls.chapter_id_page(plan, stone.page) for stone in plan.document.tombstones if not stone.moved}

    def locate(clause_id: str) -> tuple[str, str]:
        if clause_id in pages:
            return pages[clause_id], labels[clause_id]
        return removed[clause_id], "它后来的位置（已删除）"

    return locate


def _mark(plan: Plan, stone: Tombstone, page: str, locate) -> Mark:
    """How a tombstone is printed on ``page``."""
    noun = _noun(plan.document, stone.id)
    if not stone.moved:
        return Mark(stone.id, noun, text=stone.text)
    target, label = locate(stone.id)
    return Mark(stone.id, noun, href=_href(page, target, stone.id), label=label)


def _href(from_page: str, to_page: str, fragment: str) -> Markup:
    """A Markdown link target: a source path and an ID, printed as is (mkdocs rewrites the path)."""
    return Markup(urls.relative_link(from_page, to_page) + "#" + fragment)


def _noun(document: Document, clause_id: str) -> str:
    """How a note names what an ID held: its level's noun (部分, 项; 篇, 章, 节), or 句 for a sentence."""
    depth = id_depth(clause_id)
    if depth > 2:
        return SENTENCE_NOUN
    level = Level.SECTION if depth == 2 else Level.PART if clause_id.startswith(urls.PART_ID) else Level.CHAPTER
    shapes = {item.level: item.headings[0].noun for item in document.levels}
    return shapes.get(level, DEFAULT_NOUNS[level])
