"""Where each page and clause of a plan lives on the site; everything sits under /<slug>/.

Pages are addressed by their Markdown source path (``nmg-2026-plan/4.md``), which mkdocs turns
into ``nmg-2026-plan/4/`` (served) or ``nmg-2026-plan/4.html`` (offline); published URLs use the
served form. A chapter's page is named by the chapter's ID, so it never moves when others do; a
part's page (``p1``) is its folder's index, which the navigation shows as the part's own entry.
"""

from generator import data
from generator.model import (
    Clause,
    Division,
    Plan,
    box_clauses,
    page_clauses,
    page_divisions,
)

SITE_HOME = "index.md"
# The site's icon (material's), which pages written without the theme link to as well.
SITE_ICON = "assets/images/favicon.png"
# A part's ID begins with it (p1, p2…).
PART_ID = "p"
# The library's search page, served as /search/ (?q=…).
SEARCH_PAGE = "search.md"
# The library's index of places, served as /places/: the pinyin letters, each a page of the places
# under it (/places/z/; /places/other/ for names that begin with no letter).
PLACES_PAGE = "places.md"


def places_letter_page(letter: str) -> str:
    """Source path of the library's page of places under a pinyin letter (Z → places/z.md; # → places/other.md)."""
    return f"places/{letter.lower() if letter.isalpha() else 'other'}.md"


def plan_home(plan: Plan) -> str:
    """Source path of the plan's home page."""
    return document_home(plan.info.slug)


def document_home(slug: str) -> str:
    """Source path of the home page of the document ``slug``."""
    return f"{slug}/{SITE_HOME}"


def chapter_page(plan: Plan, chapter: Division) -> str:
    """Source path of a chapter's (or a part's) page."""
    return chapter_id_page(plan, chapter.id)


def chapter_id_page(plan: Plan, chapter_id: str) -> str:
    """Source path of the page named by a chapter or part ID (a removed one's too); "" is the plan's
    home: nmg-2026-plan/4.md, served as nmg-2026-plan/4/; a part's p1/index.md, served as p1/."""
    if not chapter_id:
        return plan_home(plan)
    if chapter_id.startswith(PART_ID):
        return f"{plan.info.slug}/{chapter_id}/{SITE_HOME}"
    return f"{plan.info.slug}/{chapter_id}.md"


def share_page(plan: Plan, clause_id: str) -> str:
    """Source path of a clause's share page: nmg-2026-plan/s/4-2-3.md, served as nmg-2026-plan/s/4-2-3/."""
    return f"{plan.info.slug}/s/{clause_id}.md"


def share_folder(plan: Plan) -> str:
    """The served URL of the folder of the plan's share pages, nmg-2026-plan/s/: a clause's is
    served_url(share_page(plan, id)), the folder followed by ``<id>/``."""
    return f"{plan.info.slug}/s/"


def glossary_page(plan: Plan) -> str:
    """Source path of the plan's indicator glossary (every quantitative target)."""
    return f"{plan.info.slug}/indicators.md"


def data_path(plan: Plan, name: str) -> str:
    """Source path of a data export of the plan."""
    return document_data(plan.info.slug, name)


def document_data(slug: str, name: str) -> str:
    """Source path of a data export of the document ``slug``."""
    return f"{slug}/data/{name}"


def served_url(source_path: str) -> str:
    """The site-relative URL mkdocs gives a source path (directory URLs)."""
    if not source_path.endswith(".md"):
        return source_path
    stem = source_path[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def offline_url(source_path: str) -> str:
    """The site-relative URL mkdocs gives a source path with use_directory_urls: false."""
    return source_path[: -len(".md")] + ".html" if source_path.endswith(".md") else source_path


def page_url(source_path: str, directory_urls: bool = True) -> str:
    """The site-relative URL of a page: served (directory URLs) or offline (one .html file a page)."""
    return served_url(source_path) if directory_urls else offline_url(source_path)


def output_path(source_path: str, directory_urls: bool = True) -> str:
    """The file a source path becomes in the site: 4.md → 4/index.html (served) or 4.html (offline)."""
    if not source_path.endswith(".md"):
        return source_path
    url = page_url(source_path, directory_urls)
    return url + "index.html" if url == "" or url.endswith("/") else url


def relative_link(from_path: str, to_path: str) -> str:
    """A Markdown link from one source path to another, which mkdocs rewrites for either URL style."""
    from_parts = from_path.split("/")[:-1]
    to_parts = to_path.split("/")
    common = 0
    while common < min(len(from_parts), len(to_parts) - 1) and from_parts[common] == to_parts[common]:
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:])


def page_link(from_source: str, to_source: str, fragment: str, directory_urls: bool = True) -> str:
    """A link printed into a page as it is (mkdocs does not rewrite it) to a #fragment of a page of
    the same run, in the site's URL style: #4-2-3 on the same page, else ../4/#4-2-3 (served) or
    4.html#4-2-3 (offline)."""
    if from_source == to_source:
        return "#" + fragment
    return relative_link(output_path(from_source, directory_urls), page_url(to_source, directory_urls)) + "#" + fragment


def clause_pages(plan: Plan) -> dict[str, str]:
    """The source page holding each clause (and each part, chapter and section ID)."""
    pages = {clause.id: plan_home(plan) for paragraph in plan.document.preamble for clause in paragraph.clauses}
    for division in page_divisions(plan.document):
        page = chapter_page(plan, division)
        for clause in page_clauses(division):
            pages[clause.id] = page
    # A 专栏 box stands on the page of the clause it follows.
    for box in plan.document.boxes:
        page = pages.get(box.after, plan_home(plan))
        for clause in box_clauses(box):
            pages[clause.id] = page
    return pages


def clause_url(pages: dict[str, str], clause: Clause) -> str:
    """Site-relative URL of a clause: its page's served URL and the clause's anchor."""
    return f"{served_url(pages[clause.id])}#{clause.id}"


def index_page(plan: Plan, index_name: str) -> str:
    """Source path of one of the plan's index pages: projects, places or documents (data/index_kinds.yml)."""
    return f"{plan.info.slug}/{data.index_kinds()[index_name].page}"


def compare_page(year: int) -> str:
    """Source path of a year's comparison of main targets: compare/2026.md, served as /compare/2026/."""
    return f"compare/{year}.md"


def period_compare_page(start: int, end: int) -> str:
    """Source path of the comparison of five-year outlines' main targets for a period:
    compare/2026-2030.md, served as /compare/2026-2030/ (十五五主要指标对照)."""
    return f"compare/{start}-{end}.md"


def region_page(slug: str) -> str:
    """Source path of a region's page in the library: region/<slug>.md, served as /region/<slug>/."""
    return f"region/{slug}.md"


def served_link(from_source: str, to_url: str) -> str:
    """A link to a page another mkdocs run renders: its served URL (with any #fragment) relative to the page's."""
    path, _, fragment = to_url.partition("#")
    link = relative_link(output_path(from_source), path) or "./"
    return link + ("#" + fragment if fragment else "")


def library_link(from_source: str, to_url: str, site) -> str:
    """A document page's link to a library page (served URL ``to_url``): relative on the site itself,
    absolute on the published site from an offline bundle, which holds no library pages."""
    return site.bundle_of + to_url if site.bundle_of else served_link(from_source, to_url)


def compare_link(from_source: str, year: int, site) -> str:
    """A document page's link to the comparison of ``year``'s targets across the library."""
    return library_link(from_source, served_url(compare_page(year)), site)


def period_compare_link(from_source: str, period: tuple[int, int], site) -> str:
    """A document page's link to the comparison of five-year outlines' main targets for ``period``."""
    return library_link(from_source, served_url(period_compare_page(*period)), site)
