"""The comparison of targets in Chromium as a journalist uses it, at 360 px and 1280 px: one unit per
column sorted right and shareable, marks that say where a number comes from, the header row and the
region column in view while the table scrolls, the whole sentence on tap, print, charts."""

import re
import unicodedata
from pathlib import Path

import pytest

from .browsing import DESKTOP, PHONE, open_page, served_site

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
PAGE = "compare/2026.md"
# The small library (tests/conftest.py built_library): the seed and Ningxia's, Sichuan's and Yunnan's
# reports. Grain: Ningxia ≥76亿斤 (stated outside its statement), Yunnan 1955万吨 = 391亿斤 (converted),
# Sichuan ≥730亿斤, the seed >840亿斤.
GRAIN_ASCENDING = ["宁夏", "云南", "四川", "内蒙古"]


@pytest.fixture(scope="module")
def site(served_library, built_library):
    return served_site(served_library, built_library.folder)


@pytest.fixture
def desktop(browser, site):
    with open_page(browser, site, DESKTOP) as page:
        page.goto(site.url(PAGE))
        yield page


@pytest.fixture
def phone(browser, site):
    with open_page(browser, site, PHONE, has_touch=True, is_mobile=True) as page:
        page.goto(site.url(PAGE))
        yield page


def _regions(page) -> list[str]:
    return page.locator("table.cmp tbody th").all_inner_texts()


def _column(page, key: str) -> list[str]:
    index = page.evaluate(f"[...document.querySelectorAll('table.cmp thead th')].findIndex(th => th.dataset.key === '{key}')")
    return [text.split("\n")[0] for text in page.locator(f"table.cmp tbody tr > :nth-child({index + 1})").all_inner_texts()]


def test_a_grain_column_is_in_one_unit_and_sorts_by_the_converted_values(desktop):
    desktop.locator("table.cmp thead th[data-key=grain_output] button").click()
    assert [region for region, cell in zip(_regions(desktop), _column(desktop, "grain_output")) if cell != "—未提出"][:4] == GRAIN_ASCENDING
    cells = [cell for cell in _column(desktop, "grain_output") if "亿斤" in cell]
    assert len(cells) == 4 and all(cell.count("亿斤") == 1 for cell in cells)
    assert desktop.locator("table.cmp thead th[data-key=grain_output]").get_attribute("aria-sort") == "ascending"


def test_a_sorted_table_and_a_chosen_indicator_can_be_shared_by_their_address(browser, site, desktop):
    desktop.locator("table.cmp thead th[data-key=grain_output] button").click()
    desktop.locator("table.cmp thead th[data-key=grain_output] button").click()
    desktop.select_option("#cmp-show", "grain_output")
    address = desktop.url
    assert "sort=grain_output" in address and "order=desc" in address and "show=grain_output" in address
    with open_page(browser, site, DESKTOP) as shared:
        shared.goto(address)
        shown = shared.locator("table.cmp thead th:visible").evaluate_all("cells => cells.map(cell => cell.dataset.key)")
        assert shown == ["region", "grain_output"]
        assert _regions(shared)[:4] == GRAIN_ASCENDING[::-1]
        assert shared.locator("table.cmp thead th[data-key=grain_output]").get_attribute("aria-sort") == "descending"


def test_a_cell_stated_elsewhere_is_marked_and_its_link_lands_on_the_clause_holding_its_words(desktop):
    link = desktop.locator("td a[aria-describedby='tip-2026-ningxia-gov-work-report-new_urban_jobs']")
    assert "※" in link.inner_text() and "段落之外提出" in link.text_content()
    words = desktop.locator("#tip-2026-ningxia-gov-work-report-new_urban_jobs mark").text_content()
    link.click()
    desktop.wait_for_load_state()
    clause = desktop.evaluate("decodeURIComponent(location.hash.slice(1))")
    assert words == "城镇新增就业8.2万人以上" and words in desktop.locator(f"[id='{clause}']").text_content()


def test_a_converted_cell_keeps_the_words_as_written_in_its_sentence(desktop):
    tip = desktop.locator("#tip-2026-yunnan-gov-work-report-grain_output")
    assert "1955万吨" in tip.text_content() and "按1万吨=0.2亿斤换算为≥391亿斤" in tip.text_content()


def test_at_360_px_the_header_row_and_the_region_column_stay_in_view_while_the_table_scrolls(phone):
    box = phone.locator(".cmp-scroll")
    box.scroll_into_view_if_needed()
    first = phone.evaluate("document.querySelector('table.cmp tbody th').getBoundingClientRect().width")
    assert first <= 80  # short names: 内蒙古, not 内蒙古自治区 (the table's box is 326 px wide)
    box.evaluate("box => { box.scrollTop = box.scrollHeight; box.scrollLeft = box.scrollWidth; }")
    phone.wait_for_timeout(100)
    frame, header, region = phone.evaluate(
        """() => { const box = document.querySelector('.cmp-scroll').getBoundingClientRect();
                   const rows = document.querySelectorAll('table.cmp tbody tr');
                   const header = document.querySelector('table.cmp thead th:last-child').getBoundingClientRect();
                   const region = rows[rows.length - 1].querySelector('th').getBoundingClientRect();
                   return [[box.left, box.top], [header.top], [region.left]]; }"""
    )
    assert abs(header[0] - frame[1]) <= 2 and abs(region[0] - frame[0]) <= 2
    corner = phone.evaluate(
        """() => { const th = document.querySelector('table.cmp thead th:last-child'); const r = th.getBoundingClientRect();
                   const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return th.contains(hit); }"""
    )
    assert corner  # the scrolled heading is on top of the body, not under it


def test_a_tapped_heading_sorts_in_full_view_beside_the_region_column(phone):
    heading = phone.locator("table.cmp thead th[data-key=grain_output]")
    heading.locator("button").tap()
    assert heading.get_attribute("aria-sort") == "ascending"
    first = phone.evaluate("document.querySelector('table.cmp thead th').getBoundingClientRect().right")
    box = heading.bounding_box()
    assert box["x"] >= first - 1 and box["x"] + box["width"] <= PHONE["width"]


def test_the_whole_sentence_shows_on_tap_on_screen_and_off_its_row_and_a_second_tap_opens_the_clause(phone):
    link = phone.locator("td a[aria-describedby='tip-2026-sichuan-gov-work-report-gdp_growth']")
    link.tap()
    tip = phone.locator("#tip-2026-sichuan-gov-work-report-gdp_growth")
    assert tip.is_visible() and phone.url.endswith("/compare/2026/")
    placed = tip.bounding_box()
    row = phone.locator("table.cmp tbody tr", has=link).bounding_box()
    assert placed["x"] >= 0 and placed["x"] + placed["width"] <= PHONE["width"]
    assert placed["y"] >= 0 and placed["y"] + placed["height"] <= PHONE["height"]
    assert placed["y"] >= row["y"] + row["height"] or placed["y"] + placed["height"] <= row["y"]
    sentence = tip.evaluate("tip => [...tip.childNodes].filter(node => !node.classList || !node.classList.contains('cmp-note')).map(node => node.textContent).join('')")
    link.tap()
    phone.wait_for_url(re.compile(r"2026-sichuan-gov-work-report/.+#"))
    clause = phone.evaluate("decodeURIComponent(location.hash.slice(1))")
    assert phone.locator(f"[id='{clause}']").text_content().strip().endswith(sentence.strip())


def test_keyboard_focus_shows_the_sentence_and_escape_hides_it(desktop):
    link = desktop.locator("td a[aria-describedby='tip-nmg-2026-plan-gdp_growth']")
    link.focus()
    tip = desktop.locator("#tip-nmg-2026-plan-gdp_growth")
    assert tip.is_visible() and "<mark>" in tip.inner_html()
    desktop.keyboard.press("Escape")
    assert not tip.is_visible()


def test_the_comparison_prints_every_indicator_with_its_charts_address_and_date(desktop):
    keys = desktop.locator("table.cmp thead th[data-key]").evaluate_all("cells => cells.map(cell => cell.dataset.key).slice(1)")
    titles = desktop.locator("figure.cmp-figure > svg > title").all_text_contents()
    desktop.select_option("#cmp-show", "gdp_growth")  # what the reader chose on screen does not narrow the paper
    desktop.emulate_media(media="print")
    columns = desktop.locator("table.cmp thead th").evaluate_all("cells => cells.filter(cell => getComputedStyle(cell).display !== 'none').length")
    assert columns == len(keys) + 1
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(desktop.pdf(prefer_css_page_size=True)))
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", "".join(page.extract_text() for page in reader.pages)))
    for title in titles:
        assert _loose(title).search(text), title
    assert titles and "localhost:8000/compare/2026/" in text and _loose("数据截至2026年").search(text)
    for region in ("宁夏", "四川", "云南"):
        assert _loose(region).search(text)


def _loose(words: str) -> re.Pattern:
    """Words as a PDF's text gives them: a Chinese character may come out as its radical (⻝ for 食)."""
    return re.compile("".join(f"(?:{re.escape(char)}|[\u2e80-\u2fdf])" if ord(char) > 0x2E7F else re.escape(char) for char in words))


def test_charts_fill_the_column_at_1280_px_with_legible_type_and_a_download(desktop, site):
    figure = desktop.locator("figure.cmp-figure").first
    chart = figure.locator("svg")
    column = desktop.evaluate("document.querySelector('.md-content article').clientWidth")  # its text column
    assert chart.bounding_box()["width"] >= column * 0.9
    smallest = chart.evaluate(
        "svg => Math.min(...[...svg.querySelectorAll('text')].map(text => parseFloat(text.getAttribute('font-size')) * svg.getScreenCTM().a))"
    )
    assert smallest >= 14
    download = desktop.locator("a[download]").first
    with desktop.expect_download() as event:
        download.click()
    assert event.value.suggested_filename.endswith("目标.svg")
    assert "<title>2026年各地" in Path(event.value.path()).read_text(encoding="utf-8")


def test_the_comparison_at_360_px_has_no_accessibility_violations_with_a_sentence_open(phone):
    phone.locator("td a[aria-describedby]").first.tap()
    phone.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = phone.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
             .map(v => [v.id, v.impact, v.nodes.slice(0, 3).map(node => node.target.join(' '))])"""
    )
    assert found == []
