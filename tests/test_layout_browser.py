"""Phone first, in a real browser: no sideways scrolling, 44 px tap targets, readable text, print."""

import pytest

from .browsing import DESKTOP, PHONE, offline_site, open_page, served_site

TAP = 44  # px, the smallest tap target on a phone (WCAG 2.5.5)
# Everything a reader taps to move around; links inside running text are exempt (WCAG's inline case).
PAGE_TARGETS = [
    "label.md-header__button",
    "button.md-header__button",
    ".md-header a[href]",
    ".md-footer a.md-footer__link",
    ".c > a.n",
    "a.headerlink",
    "h2#contents + ul a",
]
DRAWER_TARGETS = [".md-nav a.md-nav__link", ".md-nav label.md-nav__link"]


@pytest.fixture(scope="module", params=["served", "offline"])
def site(request, served_seed, built_seed, offline_seed):
    if request.param == "served":
        return served_site(served_seed, built_seed[0])
    return offline_site(offline_seed[1])


@pytest.fixture
def phone(browser, site):
    with open_page(browser, site, PHONE, has_touch=True, is_mobile=True) as page:
        yield page


def test_no_page_scrolls_sideways_at_360_px(phone, site):
    wide = []
    for url in site.pages():
        phone.goto(url)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append((url, width))
    assert wide == []


def test_a_wide_table_scrolls_inside_its_own_box(phone, site):
    phone.goto(site.url("nmg-2026-plan/2.md"))
    widths = phone.evaluate(
        """() => {
             const table = document.createElement('table');
             table.innerHTML = '<tr>' + '<th>指标名称及计量单位</th>'.repeat(12) + '</tr><tr>' + '<td>12345678.9万千瓦</td>'.repeat(12) + '</tr>';
             document.querySelector('.md-content article').prepend(table);
             return [document.documentElement.scrollWidth, table.scrollWidth, table.clientWidth];
           }"""
    )
    page_width, table_content, table_box = widths
    assert page_width <= PHONE["width"]
    assert table_content > table_box


def _small_targets(page, selectors) -> list:
    """Targets whose 44 × 44 px square around the centre does not answer a tap on them.

    Where two targets' squares overlap (clause numbers on neighbouring lines), the space between
    them goes to the nearer one, as WCAG's spacing rule allows.
    """
    return page.evaluate(
        """([selectors, size]) => {
             const centre = element => { const r = element.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; };
             const distance = ([x1, y1], [x2, y2]) => Math.hypot(x1 - x2, y1 - y2);
             const small = [];
             const half = size / 2 - 1;
             for (const element of document.querySelectorAll(selectors.join(','))) {
               const box = element.getBoundingClientRect();
               const style = getComputedStyle(element);
               if (!box.width || !box.height || style.visibility === 'hidden') continue;
               element.scrollIntoView({block: 'center', inline: 'center'});
               const r = element.getBoundingClientRect();
               const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
               if (x < 0 || x > innerWidth || y < 0 || y > innerHeight) continue;  // off-canvas (closed drawer)
               const top = document.elementFromPoint(x, y);
               if (!top || !(top === element || element.contains(top))) continue;  // under another panel of the drawer
               for (const [dx, dy] of [[-half, -half], [half, -half], [-half, half], [half, half]]) {
                 const px = Math.min(innerWidth - 1, Math.max(0, x + dx));
                 const py = Math.min(innerHeight - 1, Math.max(0, y + dy));
                 const hit = document.elementFromPoint(px, py);
                 const other = hit && hit.closest(selectors.join(','));
                 if (other && other !== element && distance(centre(other), [px, py]) <= distance([x, y], [px, py])) continue;
                 if (!hit || !(hit === element || element.contains(hit))) {
                   small.push([element.className || element.tagName, element.textContent.trim().slice(0, 12), Math.round(r.width), Math.round(r.height)]);
                   break;
                 }
               }
             }
             return small;
           }""",
        [selectors, TAP],
    )


@pytest.mark.parametrize("source", ["index.md", "nmg-2026-plan/index.md", "nmg-2026-plan/2.md"])
def test_tap_targets_are_at_least_44_px(phone, site, source):
    phone.goto(site.url(source))
    assert _small_targets(phone, PAGE_TARGETS) == []
    phone.click(".md-header__button.ps-menu")  # the drawer's menu button (plansite.js)
    phone.wait_for_timeout(400)
    assert _small_targets(phone, DRAWER_TARGETS) == []


def test_chinese_text_has_a_readable_measure_and_leading(browser, site):
    for viewport, (fewest, most) in [(PHONE, (15, 26)), (DESKTOP, (28, 45))]:
        with open_page(browser, site, viewport) as page:
            page.goto(site.url("nmg-2026-plan/2.md"))
            measure = page.evaluate(
                """() => { const p = document.querySelector('.md-content article p');
                     const style = getComputedStyle(p);
                     return [p.clientWidth / parseFloat(style.fontSize), parseFloat(style.lineHeight) / parseFloat(style.fontSize),
                             parseFloat(style.fontSize)]; }"""
            )
            characters_per_line, leading, font_size = measure
            assert fewest <= characters_per_line <= most, viewport
            assert leading >= 1.7
            assert font_size >= 15


def test_print_shows_clause_ids_and_section_urls(browser, site):
    with open_page(browser, site, DESKTOP) as page:
        page.goto(site.url("nmg-2026-plan/2.md"))
        page.emulate_media(media="print")
        printed = page.evaluate(
            """() => ({
                 clause: getComputedStyle(document.getElementById('2-1-3'), '::before').content,
                 number: getComputedStyle(document.querySelector('.c > .n')).display,
                 section: getComputedStyle(document.querySelector('h2[id="2-1"]'), '::after').content,
                 header: getComputedStyle(document.querySelector('.md-header')).display,
                 sidebar: getComputedStyle(document.querySelector('.md-sidebar')).display,
               })"""
        )
    assert printed["clause"] == '"2-1-3"'
    assert printed["number"] == "none"
    url = "nmg-2026-plan/2/#2-1"
    assert printed["section"].replace('"', "").replace(" ", "").endswith(url)
    if site.directory_urls:
        assert printed["section"].replace('"', "").replace(" ", "") == site.base + url
    assert printed["header"] == "none" and printed["sidebar"] == "none"
