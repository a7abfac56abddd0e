"""Rendered notes where revisions removed or moved clauses, removed chapters' pages, headings' citations."""

import html

import markdown
import yaml

from generator.model import IdLock, Plan, PlanInfo
from generator.read.identify import assign_ids

from .conftest import ROOT, parse, rendered
from .html_reading import read_html, text_by_id

FIRST = """\
    2026年某某省国民经济和社会发展计划

      总体要求是:开篇第一句。开篇第二句。

      一、推进生态建设

      完成造林任务300万亩。治理沙化土地500万亩。

      (一)扎实推进防沙治沙。实施防沙治沙重点工程。建设防护林体系。

      (二)加强环境治理。持续打好蓝天保卫战。

      二、发展现代能源经济

      建设新型能源体系。
    """


def _pages(*texts) -> dict[str, str]:
    """The HTML body of each page of the last text's site, built through the earlier texts' locks."""
    lock = IdLock()
    for text in texts:
        document, lock = assign_ids(parse(text), lock)
    site = rendered(Plan(PlanInfo("x-plan"), document))
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    extensions = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in config["markdown_extensions"]]
    return {file.path: markdown.markdown(file.text.split("---\n", 2)[2], extensions=extensions) for file in site.pages}


def test_a_removed_sentence_leaves_a_note_with_its_text_where_it_stood():
    pages = _pages(FIRST, FIRST.replace("实施防沙治沙重点工程。", ""))
    texts = text_by_id(pages["x-plan/1.md"])
    assert texts["1-1-1"] == "〔此句已在修订中删除，原文：实施防沙治沙重点工程。〕"
    paragraph = pages["x-plan/1.md"].split('id="1-1"')[1]
    assert paragraph.index('id="1-1-1"') < paragraph.index('id="1-1-2"')  # at the head of the section, as before


def test_a_removed_section_is_noted_after_the_sentence_before_it():
    pages = _pages(FIRST, FIRST.replace("      (二)加强环境治理。持续打好蓝天保卫战。\n", ""))
    page = pages["x-plan/1.md"]
    assert text_by_id(page)["1-2"] == "〔此项已在修订中删除，原文：(二)加强环境治理。〕"
    assert page.index('id="1-1-2"') < page.index('id="1-2"') < page.index('id="1-2-1"')


def test_a_removed_preamble_sentence_is_noted_on_the_plan_home():
    pages = _pages(FIRST, FIRST.replace("开篇第二句。", ""))
    assert "此句已在修订中删除" in text_by_id(pages["x-plan/index.md"])["0-0-2"]


def test_a_moved_sentence_leaves_a_link_to_its_new_place():
    moved = FIRST.replace("持续打好蓝天保卫战。", "").replace("建设新型能源体系。", "建设新型能源体系。持续打好蓝天保卫战。")
    pages = _pages(FIRST, moved)
    assert text_by_id(pages["x-plan/1.md"])["1-2-1"] == "〔此句已移至第二部分第2句〕"
    links = [attributes for tag, attributes in read_html(pages["x-plan/1.md"]).tags if tag == "a" and attributes.get("class") == "mv"]
    assert links == [{"href": "2.md#1-2-1", "class": "mv"}]
    assert "持续打好蓝天保卫战。" in text_by_id(pages["x-plan/2.md"])["1-2-1"]


def test_a_removed_chapter_keeps_a_page_listing_its_ids_and_where_it_stood():
    pages = _pages(FIRST, FIRST.split("      二、")[0])
    page = pages["x-plan/2.md"]
    texts = text_by_id(page)
    assert texts["2"].startswith("二、发展现代能源经济（已删除）")
    assert "此句已在修订中删除" in texts["2-0-1"]
    assert [attributes["href"] for tag, attributes in read_html(page).tags if tag == "a" and "headerlink" not in attributes.get("class", "")] == [
        "1.md",
        "index.md#contents",
    ]


def test_share_pages_exist_for_removed_ids_too():
    lock = IdLock()
    for text in (FIRST, FIRST.replace("实施防沙治沙重点工程。", "")):
        document, lock = assign_ids(parse(text), lock)
    shares = {file.path: file.text for file in rendered(Plan(PlanInfo("x-plan"), document)).share_pages}
    assert "x-plan/s/1-1-1/index.html" in shares and "x-plan/s/1-1-2/index.html" in shares
    assert "此句已在修订中删除" in shares["x-plan/s/1-1-1/index.html"]


def test_headings_carry_their_place_in_citations_for_the_link_menu():
    pages = _pages(FIRST)
    headings = {attributes["id"]: attributes for tag, attributes in read_html(pages["x-plan/1.md"]).tags if tag in ("h1", "h2")}
    assert headings["1"]["data-cite"] == "第一部分"
    assert headings["1-2"]["data-cite"] == "第一部分第（二）项"
    assert headings["1"]["class"] == "c"
    home = {attributes.get("id"): attributes for tag, attributes in read_html(pages["x-plan/index.md"]).tags if tag == "h1"}
    assert home["plan-title"]["data-cite"] == "序言" and "class" not in home["plan-title"]


def test_pages_with_clauses_carry_the_cited_title_and_source_note_literally():
    hostile = FIRST.replace("2026年某某省国民经济和社会发展计划", '2026年"某某"省{#x}<b>国民经济和社会发展计划')
    document, _ = assign_ids(parse(hostile), IdLock())
    site = rendered(Plan(PlanInfo("x-plan"), document))
    for path in ("x-plan/index.md", "x-plan/1.md"):
        text = next(file.text for file in site.pages if file.path == path)
        front = {key: html.unescape(value) for key, value in yaml.safe_load(text.split("---\n", 2)[1]).items()}
        assert front["cite_title"] == '《2026年"某某"省{#x}<b>国民经济和社会发展计划》'
        assert front["cite_source"] == ""
        assert front["share_prefix"] == "x-plan/s/"
    assert front["served_path"] == "x-plan/1/"
