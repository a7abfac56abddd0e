"""Last year's results in the built library of seeds/: each result's link lands on a clause holding its
words, the CSVs open in a spreadsheet, and each region's page gives its results linked."""

import csv
import io
import json
from pathlib import Path

import pytest

from generator import data

from .conftest import site_url
from .html_reading import read_html, text_by_id


@pytest.fixture(scope="module")
def library(library_site) -> Path:
    return library_site[0]


@pytest.fixture(scope="module")
def rows(library) -> list[dict]:
    return json.loads((library / "data" / "results.json").read_text(encoding="utf-8"))["rows"]


def test_every_provincial_report_gives_its_gdp_result_for_2025(rows):
    reports = {path.stem for path in (Path(__file__).resolve().parent.parent / "seeds").glob("2026-*-gov-work-report.txt")}
    assert {row["document"] for row in rows if row["indicator"] == "gdp_growth" and row["year"] == 2025} == reports


def test_every_result_url_lands_on_a_clause_holding_its_text(library, rows):
    pages = {}
    for row in rows:
        assert row["url"].startswith(site_url()), row
        page, fragment = row["url"].removeprefix(site_url()).split("#")
        if page not in pages:
            pages[page] = text_by_id((library / page / "index.html").read_text(encoding="utf-8"))
        assert fragment == row["clause"] and row["text"] in pages[page][fragment], row


def test_results_csv_and_its_readable_twin_hold_the_same_rows(library, rows):
    for name, document, url in (("results.csv", "document", "url"), ("results-zh.csv", "文件代号", "链接")):
        text = (library / "data" / name).read_text(encoding="utf-8")
        assert text.startswith("\ufeff")
        assert [(row[document], row[url]) for row in csv.DictReader(io.StringIO(text[1:]))] == [(row["document"], row["url"]) for row in rows]


def test_each_regions_page_links_its_results_to_their_clauses(library, rows):
    slugs = {region.name: region.slug for region in data.regions()}
    for region in {row["region"] for row in rows}:
        page = library / "region" / slugs[region] / "index.html"
        links = {attributes["href"] for tag, attributes in read_html(page.read_text(encoding="utf-8")).tags if tag == "a" and "href" in attributes}
        for row in rows:
            if row["region"] == region:
                assert "../../" + row["url"].removeprefix(site_url()) in links, row
