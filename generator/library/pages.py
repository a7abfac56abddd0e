"""Library pages: the home page (documents by year and kind) and one page per region, as Markdown.

The library's pages are rendered in a run of mkdocs of their own, without the documents' pages,
so they link to documents by their served URLs (relative to the page); an offline bundle's home page
is rendered with its one document and links to its Markdown source instead.
"""

from dataclasses import dataclass

from generator import urls
from generator.library.catalogue import Catalogue
from generator.model import DocumentSummary, OutputFile
from generator.render.pages import template_environment

SITE_TITLE = "政府计划文本库"
REGION_FOLDER = "region"


@dataclass(frozen=True, slots=True)
class DocumentCard:
    """What the library says of a document in a list: region, title, link, date, 文号 or speaker."""

    region: str
    title: str
    link: str
    date: str
    detail: str


def library_pages(catalogue: Catalogue, markdown_links: bool = False) -> tuple[OutputFile, ...]:
    """The home page and the region pages; document links are served URLs unless ``markdown_links``."""
    environment = template_environment()
    home = environment.get_template("home.md.j2").render(
        title=SITE_TITLE,
        years=[
            {"year": group.year, "kinds": [{"label": kind.label, "cards": [_card(urls.SITE_HOME, d, markdown_links) for d in kind.documents]} for kind in group.kinds]}
            for group in catalogue.years
        ],
        regions=[
            {"name": region.name, "link": _page_link(urls.SITE_HOME, region_page(region.slug), markdown_links), "count": len(region.documents)}
            for region in catalogue.regions
        ]
        if not markdown_links
        else [],
    )
    files = [OutputFile(urls.SITE_HOME, home)]
    if markdown_links:
        return tuple(files)
    for region in catalogue.regions:
        page = region_page(region.slug)
        text = environment.get_template("region.md.j2").render(
            name=region.name,
            home_link=_page_link(page, urls.SITE_HOME, markdown_links),
            cards=[_card(page, document, markdown_links) for document in region.documents],
        )
        files.append(OutputFile(page, text))
    return tuple(files)


def region_page(slug: str) -> str:
    """Source path of a region's page: region/<slug>.md, served as /region/<slug>/."""
    return f"{REGION_FOLDER}/{slug}.md"


def _card(page: str, document: DocumentSummary, markdown_links: bool) -> DocumentCard:
    """A document as the page lists it."""
    meta = document.meta
    detail = meta.document_number or meta.speaker
    return DocumentCard(
        region=meta.region,
        title=document.title,
        link=_page_link(page, f"{document.slug}/index.md", markdown_links),
        date=chinese_date(meta.date),
        detail=detail,
    )


def _page_link(page: str, target: str, markdown_links: bool) -> str:
    """A link from one library page to another page: its Markdown source, or its served URL."""
    if markdown_links:
        return urls.relative_link(page, target)
    return urls.relative_link(urls.output_path(page), urls.served_url(target)) or "./"


def chinese_date(iso: str) -> str:
    """An ISO date the Chinese way: 2026-02-03 → 2026年2月3日 ("" stays "")."""
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return f"{int(year)}年{int(month)}月{int(day)}日"
