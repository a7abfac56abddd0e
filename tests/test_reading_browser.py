"""Reading on a phone, in Chromium: cards in place, plain reading, and the keyboard and assistive
technology audit (Tab order, the drawer, clause controls' names, forced colours, print, 404)."""

import io
import re
import unicodedata

import pytest

from .browsing import DESKTOP, PHONE, open_page, served_site

CHAPTER = "nmg-2026-plan/2.md"
HOME = "nmg-2026-plan/index.md"

# The element focused now: what it is, and whether a reader can see it (on screen, not hidden or
# transparent, not covered by anything else at its centre).
FOCUSED = """() => {
  // As it looks once its fade-in (material's skip link, permalinks) is over.
  for (const animation of document.getAnimations()) animation.finish();
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const onScreen = (box) => box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight;
  const uncovered = (box) => {
    const top = document.elementFromPoint(Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1), Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1));
    return !!top && (top === element || element.contains(top) || top.contains(element));
  };
  // A link broken over two lines is seen where any of its pieces is.
  const pieces = [...element.getClientRects()];
  const seen = style.visibility === 'visible' && style.opacity !== '0' && pieces.some((box) => onScreen(box) && uncovered(box));
  return {tag: element.tagName, name: (element.getAttribute('aria-label') || element.textContent).trim().slice(0, 30), seen};
}"""


@pytest.fixture(scope="module")
def site(served_seed, built_seed):
    return served_site(served_seed, built_seed[0])


@pytest.fixture
def phone(browser, site):
    with open_page(browser, site, PHONE, has_touch=True, is_mobile=True) as page:
        yield page


# --- cards in place ---------------------------------------------------------------------------


def test_tapping_a_headline_target_shows_its_card_with_its_value_and_escape_closes_it(phone, site):
    phone.goto(site.url(HOME))
    link = phone.locator('.c a.ind', has_text="城镇新增就业18万人以上")
    link.tap()
    card = phone.locator(".ps-card[role=dialog]")
    card.wait_for()
    assert phone.url == site.url(HOME)
    assert card.get_attribute("aria-labelledby") and phone.locator("#ps-card-title").inner_text() == "城镇新增就业"
    text = card.inner_text()
    assert "不低于18万人" in text and "万人" in text and "城镇新增就业18万人以上" in text
    assert phone.evaluate("document.activeElement.closest('.ps-card') !== null")
    # Beside the text: below the link, on screen.
    link_box, card_box = link.bounding_box(), card.bounding_box()
    assert card_box["y"] >= link_box["y"] + link_box["height"] - 1
    assert card_box["x"] >= 0 and card_box["x"] + card_box["width"] <= PHONE["width"]
    phone.keyboard.press("Escape")
    assert card.count() == 0
    assert phone.evaluate("document.activeElement.textContent") == "城镇新增就业18万人以上"
    assert phone.errors == []


def test_a_target_card_links_its_glossary_entry_and_the_comparison_across_documents(phone, site):
    phone.goto(site.url(HOME))
    phone.locator('.c a.ind', has_text="地区生产总值增长5%左右").click()
    links = phone.eval_on_selector_all(".ps-card a", "links => links.map(link => [link.textContent, link.href])")
    assert links[0][1].endswith("nmg-2026-plan/indicators/#0-0-2-t1")
    assert links[1][1] == site.base + "compare/2026/#gdp_growth"
    phone.locator(".ps-card a", has_text="各地区对照").click()
    phone.wait_for_url(site.base + "compare/2026/#gdp_growth")
    assert phone.locator("h1#compare").count() == 1


def test_a_place_card_names_its_category_and_links_the_other_clauses_naming_it(phone, site):
    phone.goto(site.url(CHAPTER))
    phone.locator('.c a.plc[href$="#huanghe"]').first.tap()
    card = phone.locator(".ps-card")
    assert "地名 · 河流" in card.inner_text()
    hrefs = phone.eval_on_selector_all(".ps-card li a", "links => links.map(link => link.getAttribute('href'))")
    own = phone.evaluate("document.querySelector('.c a.plc[href$=\"#huanghe\"]').closest('.c').id")
    assert hrefs and all(not href.endswith("#" + own) for href in hrefs)
    # A tap outside closes it.
    phone.locator("h1").tap()
    assert card.count() == 0


def test_without_javascript_a_linked_target_goes_to_its_glossary_entry(browser, site):
    with open_page(browser, site, PHONE, java_script_enabled=False) as page:
        page.goto(site.url(HOME))
        assert not page.locator(".ps-plain-toggle").is_visible()  # nothing would run it
        page.locator('.c a.ind', has_text="城镇新增就业18万人以上").click()
        page.wait_for_url(re.compile(r"/nmg-2026-plan/indicators/#0-0-3-t2$"))


def test_enter_on_a_focused_name_opens_its_card_and_tab_goes_on_into_it(browser, site):
    with open_page(browser, site, DESKTOP) as page:
        page.goto(site.url(CHAPTER))
        page.focus('.c a.plc[href$="#huanghe"]')
        page.keyboard.press("Enter")
        assert page.url == site.url(CHAPTER)
        assert page.evaluate("document.activeElement.getAttribute('role')") == "dialog"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.ps-card') !== null")


# --- quiet links and plain reading ----------------------------------------------------------------


def test_links_in_the_text_are_quiet_at_rest_but_told_apart_without_colour(phone, site):
    phone.goto(site.url(CHAPTER))
    style = phone.evaluate(
        """() => { const link = document.querySelector('.c a.plc'); const text = link.closest('.c');
                   const s = getComputedStyle(link);
                   return [s.color == getComputedStyle(text).color, s.textDecorationLine, s.textDecorationStyle]; }"""
    )
    assert style == [True, "underline", "dotted"]


def test_plain_reading_hides_numbers_and_link_styling_is_remembered_and_printed_with_numbers(phone, site):
    phone.goto(site.url(CHAPTER))
    toggle = phone.locator("button.ps-plain-toggle")
    assert toggle.inner_text().strip() == "简洁阅读" and toggle.get_attribute("aria-pressed") == "false"
    toggle.focus()
    phone.keyboard.press("Enter")
    assert toggle.get_attribute("aria-pressed") == "true"
    shown = "() => [getComputedStyle(document.querySelector('.c > .n')).display, getComputedStyle(document.querySelector('.c a:is(.ind, .prj, .plc, .doc)')).textDecorationLine]"
    assert phone.evaluate(shown) == ["none", "none"]
    phone.goto(site.url("nmg-2026-plan/3.md"))
    assert phone.evaluate(shown) == ["none", "none"]
    phone.emulate_media(media="print")
    printed = phone.evaluate("[document.querySelector('span.c').id, getComputedStyle(document.querySelector('span.c'), '::before').content]")
    assert printed[1] == f'"{printed[0]}"'
    phone.emulate_media(media="screen")
    phone.locator("button.ps-plain-toggle").click()
    assert phone.evaluate(shown) == ["inline-block", "underline"]


# --- keyboard and assistive technology ----------------------------------------------------------


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_none_of_the_first_40_tab_stops_of_a_chapter_is_invisible_or_off_screen(browser, site, viewport):
    with open_page(browser, site, viewport) as page:
        page.goto(site.url(CHAPTER))
        stops = []
        for _ in range(40):
            page.keyboard.press("Tab")
            stops.append(page.evaluate(FOCUSED))
    assert [stop for stop in stops if not stop["seen"]] == []
    if viewport == PHONE:
        assert stops[1]["name"] == "导航菜单"


def test_the_drawer_opens_from_the_keyboard_and_escape_closes_it(browser, site):
    with open_page(browser, site, PHONE) as page:
        page.goto(site.url(CHAPTER))
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
        assert page.evaluate("document.getElementById('__drawer').checked")
        stops = []
        for _ in range(5):
            stops.append(page.evaluate(FOCUSED))
            page.keyboard.press("Tab")
        assert all(stop["seen"] for stop in stops), stops
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__drawer').checked")
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "导航菜单"


def test_clause_controls_are_named_by_their_clause_and_headings_by_their_words(browser, site):
    with open_page(browser, site, DESKTOP) as page:
        page.goto(site.url(CHAPTER))
        names = page.eval_on_selector_all(".c > .n, .c > .headerlink", "links => links.map(link => link.getAttribute('aria-label'))")
        assert len(names) == len(set(names))
        assert "第（一）项第1句：链接与引用" in names
        tree = page.locator("article").aria_snapshot()
    headings = [line for line in tree.splitlines() if line.strip().startswith("- heading")]
    assert headings and not [line for line in headings if "链接" in line or "¶" in line]
    assert any("二、坚持生态优先" in line for line in headings)


def test_space_on_a_clause_number_opens_its_menu(browser, site):
    with open_page(browser, site, DESKTOP) as page:
        page.goto(site.url(CHAPTER))
        page.focus('[id="2-1-2"] > .n')
        scrolled = page.evaluate("scrollY")
        page.keyboard.press(" ")
        assert page.locator(".cm").is_visible()
        assert page.evaluate("document.activeElement.getAttribute('role')") == "menuitem"
        assert page.evaluate("scrollY") == scrolled


def test_the_focus_ring_of_a_clause_number_fits_between_its_neighbours(browser, site):
    with open_page(browser, site, PHONE, has_touch=True, is_mobile=True) as page:
        page.goto(site.url(CHAPTER))
        page.keyboard.press("Tab")
        for clause in ("2-1-1", "2-1-2"):  # one at a paragraph's start, one after a sentence
            page.focus(f'[id="{clause}"] > .n')
            ring = page.evaluate(
                """id => {
                     const number = document.getElementById(id).querySelector('.n');
                     const style = getComputedStyle(number);
                     const grow = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
                     const box = number.getBoundingClientRect();
                     const ring = {left: box.left - grow, right: box.right + grow};
                     const range = document.createRange();
                     const next = number.nextSibling;
                     range.setStart(next, 0); range.setEnd(next, 1);
                     const after = range.getBoundingClientRect();
                     const before = number.parentElement.previousElementSibling;
                     let end = null;
                     if (before) { const text = before.lastChild; range.setStart(text, text.length - 1); range.setEnd(text, text.length); end = range.getBoundingClientRect().right; }
                     const clip = document.querySelector('.md-content').getBoundingClientRect();
                     return {style: style.outlineStyle, ring, after: after.left, before: end, clip: clip.left};
                   }""",
                clause,
            )
            assert ring["style"] != "none"
            assert ring["ring"]["right"] <= ring["after"] + 0.5, clause
            assert ring["before"] is None or ring["ring"]["left"] >= ring["before"] - 0.5, clause
            assert ring["ring"]["left"] >= ring["clip"], clause


def test_in_forced_colours_the_clause_menu_has_a_border_and_its_focused_item_an_outline(browser, site):
    with open_page(browser, site, DESKTOP) as page:
        page.emulate_media(forced_colors="active")
        page.goto(site.url(CHAPTER))
        page.focus('[id="2-1-2"] > .n')
        page.keyboard.press("Enter")
        styles = page.evaluate(
            """() => { const menu = getComputedStyle(document.querySelector('.cm')); const item = getComputedStyle(document.activeElement);
                       return [parseFloat(menu.borderTopWidth), menu.borderTopStyle, item.outlineStyle, parseFloat(item.outlineWidth), item.outlineColor]; }"""
        )
    assert styles[0] > 0 and styles[1] == "solid"
    assert styles[2] == "solid" and styles[3] > 0 and styles[4] not in ("rgba(0, 0, 0, 0)", "transparent")


def test_printed_headings_stay_with_the_text_that_follows_them(browser, site):
    from pypdf import PdfReader

    def plain(text):
        return unicodedata.normalize("NFKC", text).replace(" ", "")

    stranded = []
    with open_page(browser, site, {"width": 800, "height": 900}) as page:
        for chapter in ("2", "7"):
            page.goto(site.url(f"nmg-2026-plan/{chapter}.md"))
            headings = [plain(text)[:8] for text in page.eval_on_selector_all(".md-typeset h2", "hs => hs.map(h => h.firstChild.textContent)")]
            reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
            for number, sheet in enumerate(reader.pages[:-1]):
                lines = [plain(line) for line in sheet.extract_text().splitlines() if line.strip()]
                last = "".join(lines[-2:])
                stranded.extend((chapter, number, heading) for heading in headings if heading in last and not any(heading in line for line in lines[:-2]))
    assert stranded == []


def test_the_404_page_is_in_chinese_with_a_heading_and_a_way_home(browser, site):
    with open_page(browser, site, PHONE) as page:
        page.goto(site.base + "404.html")
        assert page.locator("h1").inner_text().startswith("404：找不到")
        home = page.locator("article a", has_text="文库首页")
        assert home.get_attribute("href") == "/"


def test_a_share_page_has_a_heading_even_when_its_redirect_does_not_run(built_seed):
    from .html_reading import read_html

    html = (built_seed[0] / "nmg-2026-plan" / "s" / "2-1-1" / "index.html").read_text(encoding="utf-8")
    assert [tag for tag, _ in read_html(html).tags].count("h1") == 1
