"""Library pages: the home page (documents by year and kind) and one page per region, as Markdown.

The library's pages are rendered in a run of mkdocs of their own, without the documents' pages, so
they link to documents by their served URLs (relative to the page); an offline bundle's home page is
rendered with its one document and links to its Markdown source instead.
"""

from dataclasses import dataclass

from generator import urls
from generator.library.catalogue import Catalogue
from generator.model import DocumentSummary, OutputFile
from generator.render.templating import chinese_date, template_environment

SITE_TITLE = "政府计划文本库"


@dataclass(frozen=True, slots=True)
class DocumentCard:
    """What the library says of a document in a list: region, title, link, date, 文号 or speaker."""

    region: str
    title: str
    link: str
    date: str
    detail: str


def library_pages(catalogue: Catalogue, bundled: bool = False) -> tuple[OutputFile, ...]:
    """The home page and the region pages; ``bundled``: the home page of an offline bundle, which
    holds its documents' pages (and no region pages, nor comparisons)."""
    environment = template_environment()
    home = environment.get_template("home.md.j2").render(
        title=SITE_TITLE,
        years=[
            {
                "year": group.year,
                "compare": "" if bundled else urls.relative_link(urls.SITE_HOME, urls.compare_page(group.year)),
                "kinds": [{"label": kind.label, "cards": [_card(urls.SITE_HOME, d, bundled) for d in kind.documents]} for kind in group.kinds],
            }
            for group in catalogue.years
        ],
        regions=[]
        if bundled
        else [
            {"name": region.name, "link": urls.served_link(urls.SITE_HOME, urls.served_url(urls.region_page(region.slug))), "count": len(region.documents)}
            for region in catalogue.regions
        ],
    )
    files = [OutputFile(urls.SITE_HOME, home)]
    if bundled:
        return tuple(files)
    for region in catalogue.regions:
        page = urls.region_page(region.slug)
        text = environment.get_template("region.md.j2").render(
            name=region.name,
            home_link=urls.relative_link(page, urls.SITE_HOME),
            cards=[_card(page, document, bundled) for document in region.documents],
        )
        files.append(OutputFile(page, text))
    return tuple(files)


def _card(page: str, document: DocumentSummary, bundled: bool) -> DocumentCard:
    """A document as the page lists it."""
    meta = document.meta
    return DocumentCard(
        region=meta.region,
        title=document.title,
        link=urls.relative_link(page, urls.document_home(document.slug)) if bundled else urls.served_link(page, document.url),
        date=chinese_date(meta.date),
        detail=meta.document_number or meta.speaker,
    )


def search_page(bundled: bool = False) -> OutputFile:
    """The library's search page, search.md (served as /search/): the form its script runs.
    ``bundled``: an offline bundle's (search.html, its index files read as scripts)."""
    template = template_environment().get_template("search.md.j2")
    return OutputFile(urls.SEARCH_PAGE, template.render(action="search.html" if bundled else ".", scripts=bundled))
