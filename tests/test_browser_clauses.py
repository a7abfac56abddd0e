"""Clause links in a real browser: landing on a clause, the link menu by mouse, keyboard and touch, share pages."""

import json

import pytest

from .browsing import copied_citations

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
TITLE = "《2026年内蒙古自治区国民经济和社会发展计划》"


@pytest.fixture(scope="module")
def citations(built_seed) -> dict[str, dict]:
    plan = json.loads((built_seed[0] / "nmg-2026-plan" / "data" / "plan.json").read_text(encoding="utf-8"))
    return {clause["id"]: clause for clause in plan["clauses"]}


def _context(browser, served_seed, viewport, touch=False, javascript=True):
    context = browser.new_context(viewport=viewport, has_touch=touch, is_mobile=touch, java_script_enabled=javascript)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_seed.rstrip("/"))
    return context


@pytest.fixture
def desktop(browser, served_seed):
    context = _context(browser, served_seed, DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser, served_seed):
    context = _context(browser, served_seed, PHONE, touch=True)
    yield context.new_page()
    context.close()


def _trigger(page, clause_id: str):
    """The control that opens a clause's menu: its number, or a heading's permalink."""
    return page.locator(f'[id="{clause_id}"] > .n, [id="{clause_id}"].c > .headerlink').first


def _box(page, clause_id: str) -> dict:
    return page.evaluate(f"(() => {{ const r = document.getElementById('{clause_id}').getBoundingClientRect(); return {{top: r.top, bottom: r.bottom}}; }})()")


def _header_bottom(page) -> float:
    return page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


def _highlighted(page, clause_id: str) -> bool:
    return page.evaluate(f"document.getElementById('{clause_id}').classList.contains('hl')")


def _clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("clause_id", ["4-2-3", "4-2", "4", "0-0-3", "13-10-3"])
def test_landing_shows_the_clause_below_the_header_highlighted(browser, served_seed, viewport, clause_id):
    context = _context(browser, served_seed, viewport)
    page = context.new_page()
    page.goto(served_seed + ("nmg-2026-plan/" if clause_id.startswith("0-") else f"nmg-2026-plan/{clause_id.split('-')[0]}/") + f"#{clause_id}")
    page.wait_for_timeout(200)
    box = _box(page, clause_id)
    # Just below the header, unless the page ends first (13-10-3 is the chapter's last sentence).
    at_end = page.evaluate("Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight")
    assert _header_bottom(page) <= box["top"] < (viewport["height"] if at_end else _header_bottom(page) + 60)
    assert box["bottom"] <= viewport["height"] or not at_end
    assert _highlighted(page, clause_id)
    background = page.evaluate(f"getComputedStyle(document.getElementById('{clause_id}')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    context.close()


@pytest.mark.parametrize(
    "interact",
    [
        lambda page: page.mouse.click(5, 400),
        lambda page: page.keyboard.press("ArrowDown"),
        lambda page: page.mouse.wheel(0, 300),
    ],
    ids=["click", "key", "scroll"],
)
def test_the_highlight_goes_when_the_reader_interacts(desktop, served_seed, interact):
    desktop.goto(served_seed + "nmg-2026-plan/4/#4-2-3")
    desktop.wait_for_timeout(200)
    assert _highlighted(desktop, "4-2-3")
    desktop.wait_for_timeout(300)
    assert _highlighted(desktop, "4-2-3")  # it stays while the reader does nothing
    interact(desktop)
    desktop.wait_for_timeout(100)
    assert not _highlighted(desktop, "4-2-3")


def test_following_a_link_within_the_page_highlights_its_target(desktop, served_seed):
    desktop.goto(served_seed + "nmg-2026-plan/4/")
    desktop.locator('a.md-nav__link[href="#4-2"]:visible').first.click()
    desktop.wait_for_timeout(300)
    assert _highlighted(desktop, "4-2")
    assert _header_bottom(desktop) <= _box(desktop, "4-2")["top"] < DESKTOP["height"] / 2


@pytest.mark.parametrize("clause_id", ["4-2-3", "4-0-1", "0-0-3", "0-0-1", "4-2", "4", "13-10-3"])
def test_the_menu_copies_link_citation_and_share_link(desktop, served_seed, citations, clause_id):
    clause = citations[clause_id]
    url = served_seed + clause["url"]
    expected = {
        "link": url,
        "cite": clause["citation"] + " " + url,
        "full": clause["citation_long"] + " " + url,
        "share": served_seed + clause["share_url"],
    }
    desktop.goto(served_seed + clause["url"].split("#")[0])
    menu = desktop.locator(".cm")
    for action, text in expected.items():
        _trigger(desktop, clause_id).click()
        assert menu.is_visible()
        menu.locator(f'button[data-action="{action}"]').click()
        assert _clipboard(desktop) == text
        assert not menu.is_visible()
        assert desktop.locator(".md-dialog__inner").text_content().startswith("已复制")


def test_the_citation_is_in_the_usual_form(citations):
    assert citations["4-2-3"]["citation"] == TITLE + "第四部分第（二）项第3句"
    assert citations["4-0-1"]["citation"] == TITLE + "第四部分第1句"
    assert citations["0-0-3"]["citation"] == TITLE + "序言第3句"


def test_the_long_citation_holds_the_document_number_and_the_clause_s_words(citations):
    clause = citations["4-2-3"]
    assert clause["citation_long"] == TITLE + "（内政发〔2026〕5号）第四部分第（二）项第3句：“" + clause["text"] + "”"
    assert clause["text"].startswith("研究制定促进新能源消纳若干举措")
    heading = citations["4-2"]
    assert heading["citation_long"] == TITLE + "（内政发〔2026〕5号）第四部分第（二）项：“(二)提高新能源开发利用水平。”"


def test_the_page_copies_every_citation_as_plan_json_gives_it(browser, served_seed, citations):
    """plansite.js puts citations together from the page by render/cite.py's rule, which plan.json's follow."""
    copied = copied_citations(browser, served_seed, {clause["url"].split("#")[0] for clause in citations.values()})
    for clause_id, clause in citations.items():
        url = served_seed + clause["url"]
        assert copied[clause_id, "cite"] == clause["citation"] + " " + url
        assert copied[clause_id, "full"] == clause["citation_long"] + " " + url


def test_the_link_icon_shows_on_hover(desktop, served_seed):
    desktop.goto(served_seed + "nmg-2026-plan/4/")
    number = _trigger(desktop, "4-2-3")
    icon = "getComputedStyle(document.querySelector('[id=\"4-2-3\"] > .n'), '::before').visibility"
    assert desktop.evaluate(icon) == "hidden"
    number.hover()
    assert desktop.evaluate(icon) == "visible"


def test_the_menu_works_from_the_keyboard_with_chinese_labels(desktop, served_seed, citations):
    desktop.goto(served_seed + "nmg-2026-plan/4/")
    _trigger(desktop, "4-2-2").focus()
    for _ in range(20):  # Tab on to the next clause's number (past any links in the text)
        desktop.keyboard.press("Tab")
        if desktop.evaluate("document.activeElement.parentElement.id") == "4-2-3":
            break
    number = _trigger(desktop, "4-2-3")
    assert number.get_attribute("aria-label") == "第（二）项第3句：链接与引用"  # named by its clause on the page
    assert number.get_attribute("aria-haspopup") == "menu"
    desktop.keyboard.press("Enter")
    menu = desktop.locator(".cm")
    assert menu.get_attribute("role") == "menu" and menu.get_attribute("aria-label") == "第四部分第（二）项第3句"
    assert number.get_attribute("aria-expanded") == "true"
    assert desktop.evaluate("document.activeElement.textContent") == "复制链接"
    assert [item.get_attribute("role") for item in menu.locator("button").all()] == ["menuitem"] * 4
    desktop.keyboard.press("ArrowDown")
    assert desktop.evaluate("document.activeElement.textContent") == "复制引用"
    desktop.keyboard.press("Enter")
    assert _clipboard(desktop) == citations["4-2-3"]["citation"] + " " + served_seed + "nmg-2026-plan/4/#4-2-3"
    assert desktop.evaluate("document.activeElement.parentElement.id") == "4-2-3"
    assert desktop.locator(".md-dialog__inner").get_attribute("role") == "status"
    desktop.keyboard.press("Enter")
    desktop.keyboard.press("Escape")
    assert not menu.is_visible()
    assert number.get_attribute("aria-expanded") == "false"
    assert desktop.evaluate("document.activeElement.parentElement.id") == "4-2-3"
    desktop.keyboard.press("Enter")
    desktop.keyboard.press("ArrowDown")
    desktop.keyboard.press("ArrowDown")
    assert desktop.evaluate("document.activeElement.textContent") == "复制完整引用"
    desktop.keyboard.press("Enter")
    assert _clipboard(desktop) == citations["4-2-3"]["citation_long"] + " " + served_seed + "nmg-2026-plan/4/#4-2-3"
    assert desktop.locator(".md-dialog__inner").text_content() == "已复制完整引用"


def test_the_menu_is_usable_by_touch_on_a_phone(phone, served_seed, citations):
    phone.goto(served_seed + "nmg-2026-plan/13/")
    number = _trigger(phone, "13-10-3")
    number.scroll_into_view_if_needed()
    # A finger-sized target: a tap anywhere in the 24 px square around the small number hits it.
    hits = number.evaluate(
        """number => { const box = number.getBoundingClientRect(); const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
                       return [[-12, -12], [12, -12], [-12, 12], [12, 12]].map(([dx, dy]) => number.contains(document.elementFromPoint(x + dx, y + dy))); }"""
    )
    assert hits == [True] * 4
    number.tap()
    menu = phone.locator(".cm")
    items = menu.locator("button").all()
    menu_box = menu.bounding_box()
    assert 0 <= menu_box["x"] and menu_box["x"] + menu_box["width"] <= PHONE["width"]
    assert all(item.bounding_box()["height"] >= 40 for item in items)
    items[1].tap()
    assert _clipboard(phone) == citations["13-10-3"]["citation"] + " " + served_seed + "nmg-2026-plan/13/#13-10-3"
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_headings_permalinks_are_visible_on_a_phone(phone, served_seed):
    phone.goto(served_seed + "nmg-2026-plan/4/")
    assert phone.evaluate("getComputedStyle(document.querySelector('[id=\"4-2\"] > .headerlink')).opacity") == "1"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_share_page_takes_the_reader_to_the_clause(browser, served_seed, javascript):
    context = _context(browser, served_seed, PHONE, javascript=javascript)
    page = context.new_page()
    page.goto(served_seed + "nmg-2026-plan/s/4-2-3/")
    page.wait_for_url(served_seed + "nmg-2026-plan/4/#4-2-3")
    page.wait_for_timeout(200)
    box = _box(page, "4-2-3")
    assert _header_bottom(page) <= box["top"] < PHONE["height"] / 2
    context.close()


def test_a_share_page_reads_well_on_a_phone_while_it_redirects(phone, served_seed):
    def without_redirect(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace('http-equiv="refresh"', 'data-refresh'))

    phone.route("**/s/4-2-3/", without_redirect)
    phone.goto(served_seed + "nmg-2026-plan/s/4-2-3/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert phone.locator("a").text_content() == "阅读原文：第四部分第（二）项第3句"
    assert phone.title().startswith(TITLE + "第四部分第（二）项第3句")
