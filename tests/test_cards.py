"""Quiet links and cards in place: a named thing linked once a section, and what its card says."""

import json
import re
import textwrap

import pytest

from generator import sources, urls
from generator.extract.indicators import extract_indicators, plain_target
from generator.model import SiteSettings, chapter_sections
from generator.render import cards, cite, pages

from .conftest import parse, render_markdown, rendered
from .html_reading import read_html

SITE = SiteSettings("政府计划文本库", "http://localhost:8000/")
OFFLINE = SiteSettings("政府计划文本库", "", directory_urls=False, bundle_of="https://plans.example.org/")
KINDS = ("ind", "prj", "plc", "doc")

PLAN = """\
    2026年内蒙古自治区国民经济和社会发展计划

    主要预期目标是：地区生产总值增长5%左右，城镇新增就业18万人以上。

    一、生态

    加强黄河流域生态保护。推进黄河岸线治理，黄河两岸同步治理。

    (一)治沙。推进黄河沿线治沙，加强阴山生态修复。

    (二)治水。开展黄河河道治理。推进阴山生态修复。

    二、水利

    推进黄河沿线水利建设。
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cards")
    path = folder / "nmg-2026-plan.txt"
    path.write_text(textwrap.dedent(PLAN), encoding="utf-8")
    return sources.load_plan(path)


def _linked(html: str) -> list[str]:
    """The destinations of the links of names and targets in a page's text, in order."""
    return [attributes["href"] for tag, attributes in read_html(html).tags if tag == "a" and attributes.get("class") in KINDS]


def _page(plan, path: str) -> str:
    page = next(file for file in rendered(plan).pages if file.path == path)
    return render_markdown(page.text.split("---\n", 2)[2])


def test_a_name_is_linked_at_its_first_mention_in_each_section_only(plan):
    html = _page(plan, "nmg-2026-plan/1.md")
    huanghe = [href for href in _linked(html) if href.endswith("#huanghe")]
    # Mentioned three times in the introduction, once in (一), once in (二): one link each.
    assert len(huanghe) == 3
    sections = re.split(r"<h2", html)
    assert [section.count('#huanghe"') for section in sections] == [1, 1, 1]


def test_a_name_in_another_chapter_is_linked_again(plan):
    assert any(href.endswith("#huanghe") for href in _linked(_page(plan, "nmg-2026-plan/2.md")))


def test_sections_of_a_chapter_are_its_introduction_with_title_each_section_and_closing():
    document = parse(
        """\
        2026年某某省国民经济和社会发展计划

          一、第一部分

          引言一句。

          (一)小节。正文一句。

          各位代表！结束一句。
        """
    )
    parts = chapter_sections(document.chapters[0])
    assert [[clause.id for clause in part] for part in parts][:2] == [["1", "1-0-1"], ["1-1", "1-1-1"]]


@pytest.mark.parametrize(
    ("sentence", "plain"),
    [
        ("地区生产总值增长5%左右", "增长约5%"),
        ("城镇新增就业18万人以上", "不低于18万人"),
        ("粮食产量超过840亿斤", "高于840亿斤"),
        ("城镇调查失业率控制在5.5%以内", "不高于5.5%"),
        ("地区生产总值增长4.5%—5%", "增长介于4.5%和5%之间"),
    ],
)
def test_a_target_is_said_in_plain_words(sentence, plain):
    document = parse(f"2026年某某省国民经济和社会发展计划\n\n  主要预期目标是：{sentence}。\n\n  一、重点工作\n\n  推进。\n")
    [target] = extract_indicators(document)
    assert plain_target(target) == plain


def _cards(plan, page: str, site=SITE) -> dict:
    home = page == "nmg-2026-plan/index.md"
    if home:
        sections = ((*(clause for paragraph in plan.document.preamble for clause in paragraph.clauses),),)
    else:
        chapter = next(chapter for chapter in plan.document.chapters if f"/{chapter.id}.md" in page)
        sections = chapter_sections(chapter)
    shown = pages.shown_links(plan, sections)
    return json.loads(cards.page_cards(plan, page, shown, site, cite.labels(plan.document), urls.clause_pages(plan)))


def test_a_target_card_gives_the_plain_target_unit_and_the_comparison(plan):
    found = _cards(plan, "nmg-2026-plan/index.md")
    jobs = next(card for card in found["ind"].values() if card["n"] == "城镇新增就业")
    assert jobs == {"n": "城镇新增就业", "v": "不低于18万人", "u": "万人", "k": "new_urban_jobs"}
    assert found["cmp"] == "../compare/2026/"


def test_an_offline_card_compares_on_the_published_site(plan):
    assert _cards(plan, "nmg-2026-plan/index.md", OFFLINE)["cmp"] == "https://plans.example.org/compare/2026/"


def test_a_name_card_gives_its_category_and_the_clauses_naming_it(plan):
    card = _cards(plan, "nmg-2026-plan/1.md")["plc"]["huanghe"]
    assert card["n"] == "黄河" and card["c"] == "地名 · 河流"
    assert card["t"] == 5  # clauses, not mentions: 1-0-2 names it twice
    assert card["m"][:2] == [["第一部分第1句", "#1-0-1"], ["第一部分第2句", "#1-0-2"]]
    assert ["第二部分第1句", "../2/#2-0-1"] in card["m"]


def test_a_name_card_links_clauses_in_the_offline_url_style(plan):
    card = _cards(plan, "nmg-2026-plan/2.md", OFFLINE)["plc"]["huanghe"]
    assert card["m"][0] == ["第一部分第1句", "1.html#1-0-1"]


def test_cards_are_json_that_cannot_end_their_script_element(plan):
    from dataclasses import replace

    renamed = tuple(replace(entry, name="</script><b>黄河") if entry.id == "huanghe" else entry for entry in plan.index.places)
    hostile = replace(plan, index=replace(plan.index, places=renamed))
    shown = pages.shown_links(hostile, chapter_sections(hostile.document.chapters[1]))
    text = cards.page_cards(hostile, "nmg-2026-plan/2.md", shown, SITE, cite.labels(hostile.document), urls.clause_pages(hostile))
    assert "<" not in text
    assert json.loads(text)["plc"]["huanghe"]["n"] == "</script><b>黄河"


def test_a_page_carries_the_cards_of_its_links_only(plan):
    html = _page(plan, "nmg-2026-plan/2.md")
    block = re.search(r'<script type="application/json" id="ps-cards">(.*?)</script>', html, re.S)
    found = json.loads(block.group(1))
    assert set(found) == {"plc", "ix"} and set(found["plc"]) == {"huanghe"}
    # The script is handed the titles of the indexes it links to, from data/index_kinds.yml.
    assert found["ix"] == {"plc": "地名索引"}


def test_a_page_without_links_carries_no_cards():
    document = parse("2026年某某省国民经济和社会发展计划\n\n  一、第一部分\n\n  第一句。\n")
    from generator.model import Plan, PlanInfo

    html = _page(Plan(PlanInfo("x-plan"), document), "x-plan/1.md")
    assert "ps-cards" not in html


# --- the seed as built ------------------------------------------------------------------------


def test_no_section_of_the_seed_links_the_same_thing_twice(built_seed):
    site = built_seed[0]
    repeated = []
    for page in sorted((site / "nmg-2026-plan").glob("[0-9]*/index.html")):
        article = page.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>", 1)[0]
        # Sections: the title and introduction, each (一) section, the closing after its rule.
        for number, section in enumerate(re.split(r"<h2|<hr", article)):
            hrefs = _linked(section)
            repeated.extend((page.parent.name, number, href) for href in hrefs if hrefs.count(href) > 1)
    assert repeated == []


def test_every_link_of_the_seed_s_text_has_its_card(built_seed):
    site = built_seed[0]
    for page in sorted((site / "nmg-2026-plan").glob("[0-9]*/index.html")):
        html = page.read_text(encoding="utf-8")
        found = json.loads(re.search(r'id="ps-cards">(.*?)</script>', html, re.S).group(1))
        for tag, attributes in read_html(html).tags:
            if tag == "a" and attributes.get("class") in KINDS:
                assert attributes["href"].split("#")[1] in found[attributes["class"]], (page, attributes)
