"""The library as readers and checkers meet it: the home page, region pages, navigation, page weight."""

import gzip
import json
import re
from pathlib import Path

import pytest

from generator import data

from .html_reading import read_html, text_by_id

DOCUMENTS = sorted(path.stem for path in (Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def library(library_site) -> Path:
    return library_site[0]


@pytest.fixture(scope="module")
def catalogue(library) -> list[dict]:
    return json.loads((library / "data" / "library.json").read_text(encoding="utf-8"))["documents"]


def _links(html: str) -> list[str]:
    return [attributes["href"] for tag, attributes in read_html(html).tags if tag == "a" and "href" in attributes]


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_every_document_of_seeds_is_in_the_library(library, catalogue):
    assert sorted(document["slug"] for document in catalogue) == DOCUMENTS
    for document in catalogue:
        assert (library / document["url"] / "index.html").is_file()


def test_the_home_page_lists_documents_by_year_and_kind_with_region_date_and_number_or_speaker(library, catalogue):
    home = (library / "index.html").read_text(encoding="utf-8")
    text = _text(home)
    assert text.index("2026年") < text.index("政府工作报告") < text.index("国民经济和社会发展计划")
    for document in catalogue:
        assert document["url"] in _links(home)
        item = next(line for line in home.split("<li>") if f'href="{document["url"]}"' in line)
        assert document["region"] in _text(item)
        assert document["date"][:4] + "年" in _text(item)
        assert (document["document_number"] or document["speaker"]) in _text(item)


def test_yunnans_report_is_listed_with_its_region_though_its_title_names_none(library, catalogue):
    yunnan = next(document for document in catalogue if document["slug"] == "2026-yunnan-gov-work-report")
    assert yunnan["title"] == "2026年政府工作报告" and yunnan["region"] == "云南省"


def test_each_region_has_a_page_reachable_without_javascript(library, catalogue):
    home = (library / "index.html").read_text(encoding="utf-8")
    slugs = {region.name: region.slug for region in data.regions()}
    for document in catalogue:
        link = f"region/{slugs[document['region']]}/"
        assert link in _links(home)
        page = (library / link / "index.html").read_text(encoding="utf-8")
        assert f"../../{document['url']}" in _links(page)


def test_a_chapter_page_navigates_its_own_document_and_back_to_the_library(library, catalogue):
    page = (library / "nmg-2026-plan" / "2" / "index.html").read_text(encoding="utf-8")
    nav = page[page.index('<nav class="md-nav md-nav--primary"') : page.index("</nav>", page.index('<nav class="md-nav md-nav--primary"'))]
    links = _links(nav)
    assert "../.." in links  # the library's home
    assert not [link for link in links if any(other["slug"] in link for other in catalogue if other["slug"] != "nmg-2026-plan")]
    assert not [document for document in catalogue if document["slug"] != "nmg-2026-plan" and document["title"] in _text(nav)]


def _weight(site: Path, page: str) -> int:
    """A page's gzipped bytes with the stylesheets and scripts it loads."""
    path = site / page / "index.html"
    html = path.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode("utf-8")))
    for tag, attributes in read_html(html).tags:
        reference = attributes.get("src") if tag == "script" else attributes.get("href") if tag == "link" and attributes.get("rel") == "stylesheet" else None
        if reference and not reference.startswith("http"):
            total += len(gzip.compress((path.parent / reference).resolve().read_bytes()))
    return total


def test_a_chapter_page_weighs_no_more_in_the_library_than_in_a_one_plan_site(library, seed_site):
    for page in ("nmg-2026-plan/2", "nmg-2026-plan/13"):
        assert _weight(library, page) <= 1.15 * _weight(seed_site, page), page


def test_the_catalogue_gives_each_documents_metadata(catalogue):
    plan = next(document for document in catalogue if document["slug"] == "nmg-2026-plan")
    assert plan["region"] == "内蒙古自治区" and plan["kind"] == "plan" and plan["year"] == 2026
    assert plan["document_number"] == "内政发〔2026〕5号"
    reports = [document for document in catalogue if document["kind"] == "work_report"]
    assert len(reports) == len(DOCUMENTS) - 1
    assert all(document["speaker"] and document["date"].startswith("2026-") for document in reports)


# The GDP growth target each document's main-targets statement gives (read by hand from the texts).
GDP_TARGETS = {
    "2026-beijing-gov-work-report": ("about", 5), "2026-fujian-gov-work-report": ("about", 5),
    "2026-guizhou-gov-work-report": ("about", 5), "2026-heilongjiang-gov-work-report": ("range", (4.5, 5)),
    "2026-henan-gov-work-report": ("about", 5), "2026-hunan-gov-work-report": ("about", 5),
    "2026-liaoning-gov-work-report": ("about", 4.5), "2026-ningxia-gov-work-report": ("about", 5),
    "2026-qinghai-gov-work-report": ("about", 4.5), "2026-shanghai-gov-work-report": ("about", 5),
    "2026-sichuan-gov-work-report": ("about", 5.5), "2026-tianjin-gov-work-report": ("exact", 4.5),
    "2026-xinjiang-gov-work-report": ("range", (5.5, 6)), "2026-yunnan-gov-work-report": ("about", 4.5),
    "2026-zhejiang-gov-work-report": ("range", (5, 5.5)), "nmg-2026-plan": ("about", 5),
    # The sixteen other provincial reports, read by hand from their main-targets statements.
    "2026-anhui-gov-work-report": ("range", (5, 5.5)), "2026-chongqing-gov-work-report": ("at_least", 5),
    "2026-gansu-gov-work-report": ("about", 5.5), "2026-guangdong-gov-work-report": ("range", (4.5, 5)),
    "2026-guangxi-gov-work-report": ("about", 5), "2026-hainan-gov-work-report": ("about", 6),
    "2026-hebei-gov-work-report": ("at_least", 5), "2026-hubei-gov-work-report": ("about", 5.5),
    "2026-jiangsu-gov-work-report": ("exact", 5), "2026-jiangxi-gov-work-report": ("range", (5, 5.5)),
    "2026-jilin-gov-work-report": ("about", 5), "2026-neimenggu-gov-work-report": ("about", 5),
    "2026-shaanxi-gov-work-report": ("about", 5), "2026-shandong-gov-work-report": ("at_least", 5),
    "2026-shanxi-gov-work-report": ("range", (4.5, 5)), "2026-xizang-gov-work-report": ("at_least", 7),
}  # fmt: skip


@pytest.fixture(scope="module")
def targets(library) -> dict:
    return json.loads((library / "data" / "targets.json").read_text(encoding="utf-8"))


def test_every_documents_gdp_growth_target_is_right(targets):
    found = {}
    for row in targets["rows"]:
        if row["indicator"] == "gdp_growth":
            found[row["document"]] = (row["comparator"], (row["low"], row["high"]) if row["comparator"] == "range" else row["value"])
    assert found == GDP_TARGETS


def test_every_target_row_lands_on_a_clause_holding_its_text(library, targets):
    fields = {"document", "region", "kind", "year", "indicator", "name", "text", "comparator", "value", "low", "high", "unit", "clause", "url"}
    clauses = {}
    for row in targets["rows"]:
        assert set(row) == fields
        page, fragment = row["url"].split("#")
        if page not in clauses:
            clauses[page] = text_by_id((library / page / "index.html").read_text(encoding="utf-8"))
        assert fragment == row["clause"] and row["text"] in clauses[page][fragment], row


def test_the_comparison_page_links_every_gdp_cell_to_its_clause_and_charts_it_by_region(library, targets):
    page = (library / targets["page"] / "index.html").read_text(encoding="utf-8")
    links = set(_links(page))
    for row in targets["rows"]:
        if row["indicator"] == "gdp_growth":
            assert f"../../{row['url']}" in links, row["url"]
    start = page.index('<svg class="cmp-chart"')
    chart = page[start : page.index("</svg>", start)]
    for region in data.regions():
        if any(row["region"] == region.name and row["indicator"] == "gdp_growth" for row in targets["rows"]):
            assert f">{region.short[0]}</text>" in chart


def test_targets_csv_holds_the_same_rows_for_a_spreadsheet(library, targets):
    import csv
    import io

    text = (library / "data" / "targets.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [(row["document"], row["indicator"], row["text"]) for row in rows] == [
        (row["document"], row["indicator"], row["text"]) for row in targets["rows"]
    ]


def test_the_home_page_and_each_glossary_link_to_the_comparison(library, catalogue, targets):
    assert targets["page"] in _links((library / "index.html").read_text(encoding="utf-8"))
    for document in catalogue:
        glossary = (library / document["url"] / "indicators" / "index.html").read_text(encoding="utf-8")
        assert f"../../{targets['page']}" in _links(glossary)
