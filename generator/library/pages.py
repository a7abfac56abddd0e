"""Library pages: the home page (documents by year and kind) and one page per region, as Markdown.

The library's pages are rendered in a run of mkdocs of their own, without the documents' pages, so
they link to documents by their served URLs (relative to the page); an offline bundle's home page is
rendered with its one document and links to its Markdown source instead.
"""

from dataclasses import dataclass

from generator import data, urls
from generator.extract.outline import period_name
from generator.library import compare
from generator.library.catalogue import Catalogue, DocumentGroup, YearGroup
from generator.library.places import library_places, region_places
from generator.library.results import written_result
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
    national: bool = False


# A number on a region's page as written (5%左右, ≤5%), and the link to the clause stating it.
FigureCell = tuple[str, str]


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One indicator in one year of a region: the targets set for the year, the results stated after it."""

    label: str
    targets: tuple[FigureCell, ...]
    results: tuple[FigureCell, ...]


@dataclass(frozen=True, slots=True)
class FigureYear:
    """One year of a region's targets and results, with the documents each column comes from."""

    year: int
    rows: tuple[FigureRow, ...]
    target_sources: tuple[DocumentCard, ...]
    result_sources: tuple[DocumentCard, ...]


def _compared(group: YearGroup) -> bool:
    """Whether the year has a comparison page: one of its documents is not a five-year outline."""
    return bool(compare.annual_documents(tuple(document for kind in group.kinds for document in kind.documents)))


def library_pages(catalogue: Catalogue, bundled: bool = False, periods: tuple[tuple[int, int], ...] = ()) -> tuple[OutputFile, ...]:
    """The home page and the region pages; ``bundled``: the home page of an offline bundle, which
    holds its documents' pages (and no region pages, nor comparisons). ``periods``: those the
    outlines' comparisons cover, each listed under the year it begins."""
    environment = template_environment()
    home = environment.get_template("home.md.j2").render(
        title=SITE_TITLE,
        years=[
            {
                "year": group.year,
                "compare": "" if bundled or not _compared(group) else urls.relative_link(urls.SITE_HOME, urls.compare_page(group.year)),
                "periods": [
                    {"name": period_name(*period), "link": urls.relative_link(urls.SITE_HOME, urls.period_compare_page(*period))}
                    for period in periods
                    if period[0] == group.year and not bundled
                ],
                "kinds": [{"label": kind.name, "cards": [_card(urls.SITE_HOME, d, bundled, catalogue.nation) for d in kind.documents]} for kind in group.kinds],
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
    documents = tuple(document for region in catalogue.regions for document in region.documents)
    codes = {region.name: found.code for region in catalogue.regions if (found := data.region_named(region.name))}
    # Every region's page lies in one folder (region/), so one reading of the places links for all.
    places = library_places(documents, urls.region_page(catalogue.regions[0].slug)) if catalogue.regions else []
    for region in catalogue.regions:
        page = urls.region_page(region.slug)
        text = environment.get_template("region.md.j2").render(
            name=region.name,
            home_link=urls.relative_link(page, urls.SITE_HOME),
            cards=[_card(page, document, bundled) for document in region.documents],
            years=region_figures(page, region, national=region.name == catalogue.nation),
            places=region_places(places, codes.get(region.name, "")),
            places_link=urls.relative_link(page, urls.PLACES_PAGE),
        )
        files.append(OutputFile(page, text))
    return tuple(files)


def _card(page: str, document: DocumentSummary, bundled: bool, nation: str = "") -> DocumentCard:
    """A document as the page lists it (a national document said to be one)."""
    meta = document.meta
    return DocumentCard(
        region=meta.region,
        title=document.title,
        link=urls.relative_link(page, urls.document_home(document.slug)) if bundled else urls.served_link(page, document.url),
        date=chinese_date(meta.date),
        detail=meta.document_number or meta.speaker,
        national=bool(nation) and meta.region == nation,
    )


def region_figures(page: str, region: DocumentGroup, national: bool = False) -> tuple[FigureYear, ...]:
    """A region's targets and results by year (newest first), from every document of the region: a
    year's main targets from its documents beside the results later documents state for it (numbers
    only: the reader compares), each indicator in the vocabulary's order, named in the nation's terms
    on the nation's page (``national``)."""
    targets: dict[tuple[int, str], list[FigureCell]] = {}
    results: dict[tuple[int, str], list[FigureCell]] = {}
    target_sources: dict[int, dict[str, DocumentSummary]] = {}
    result_sources: dict[int, dict[str, DocumentSummary]] = {}
    for document in region.documents:
        for row in compare.target_rows((document,)):
            targets.setdefault((row.year, row.indicator), []).append((row.target, urls.served_link(page, row.url)))
            target_sources.setdefault(row.year, {})[document.slug] = document
        clause_urls = {clause.id: clause.url for clause in document.clauses}
        for result in document.results:
            cell = (written_result(result), urls.served_link(page, clause_urls[result.clause]))
            results.setdefault((result.year, result.key), []).append(cell)
            result_sources.setdefault(result.year, {})[document.slug] = document
    years = []
    for year in sorted({year for year, _ in (*targets, *results)}, reverse=True):
        rows = tuple(
            FigureRow(term.name_for(national), tuple(targets.get((year, term.key), ())), tuple(results.get((year, term.key), ())))
            for term in data.indicator_terms()
            if (year, term.key) in targets or (year, term.key) in results
        )
        years.append(
            FigureYear(
                year,
                rows,
                tuple(_card(page, document, False) for document in target_sources.get(year, {}).values()),
                tuple(_card(page, document, False) for document in result_sources.get(year, {}).values()),
            )
        )
    return tuple(years)


def search_page(bundled: bool = False) -> OutputFile:
    """The library's search page, search.md (served as /search/): the form its script runs.
    ``bundled``: an offline bundle's (search.html, its index files read as scripts)."""
    template = template_environment().get_template("search.md.j2")
    return OutputFile(urls.SEARCH_PAGE, template.render(action="search.html" if bundled else ".", scripts=bundled))
