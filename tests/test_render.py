import re

import pytest
import yaml

from generator.model import Plan, PlanInfo, iter_clauses
from generator.render.templating import escape_text

from .conftest import parse, render_markdown, rendered
from .html_reading import read_html, text_by_id

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "**粗体**与_斜体_",
    "表格|竖线|",
    "# 井号",
    "`反引号`",
    "末尾{#injected}",
    "&amp;实体&lt;",
    "\\反斜杠\\*",
    "~~删除~~==标记==^^上标^^",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_literally(text):
    html = render_markdown("<span id=\"x\">" + escape_text(text) + "</span>")
    assert text_by_id(html)["x"] == text


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_makes_no_markup(text):
    tags = [tag for tag, _ in read_html(render_markdown(escape_text(text))).tags]
    assert tags == ["p"]


def _hostile_plan():
    sentences = "".join(text + "。" for text in HOSTILE)
    return parse(
        f"""\
        2026年某某省国民经济和社会发展计划

          总体要求是:{sentences}

          一、第一部分<b>标题</b>

          {sentences}

          (一)小节**标题**。{sentences}
        """
    )


def test_hostile_plan_text_renders_literally_on_every_page():
    document = _hostile_plan()
    site = rendered(Plan(PlanInfo("x-plan"), document))
    texts = {}
    for file in site.pages:
        body = file.text.split("---\n", 2)[2]
        texts.update(text_by_id(render_markdown(body)))
    for clause in iter_clauses(document):
        if clause.kind.value == "sentence":
            assert texts[clause.id] == f"{clause.number}{clause.text}"  # the visible number, then the text
        else:
            assert texts[clause.id] == clause.text + "¶"  # a heading, then its permalink


def test_front_matter_values_are_quoted_and_escaped():
    document = _hostile_plan()
    site = rendered(Plan(PlanInfo("x-plan"), document))
    chapter_page = next(file for file in site.pages if file.path == "x-plan/1.md")
    meta = yaml.safe_load(chapter_page.text.split("---\n")[1])
    # The page names its document, then its chapter (the document's region is unknown here).
    assert meta["title"].endswith(" · 一、第一部分&lt;b&gt;标题&lt;/b&gt;")
    assert "<" not in meta["description"]


def test_nav_titles_are_escaped_because_mkdocs_prints_them_raw():
    site = rendered(Plan(PlanInfo("x-plan"), _hostile_plan()))
    titles = [child.title for child in site.nav.children]
    assert "一、第一部分&lt;b&gt;标题&lt;/b&gt;" in titles


def test_each_clause_carries_its_id_and_visible_number():
    document = parse(
        """\
        2026年某某省国民经济和社会发展计划

          一、第一部分

          第一句。第二句。
        """
    )
    site = rendered(Plan(PlanInfo("x-plan"), document))
    page = next(file for file in site.pages if file.path == "x-plan/1.md")
    html = render_markdown(page.text.split("---\n", 2)[2])
    assert text_by_id(html)["1-0-2"] == "2第二句。"
    links = [attrs["href"] for tag, attrs in read_html(html).tags if tag == "a" and attrs.get("class") == "n"]
    assert links == ["#1-0-1", "#1-0-2"]


def _linked_page(links):
    document = parse(
        """\
        2026年某某省国民经济和社会发展计划

          一、第一部分

          粮食产量超过840亿斤。
        """
    )
    plan = Plan(PlanInfo("x-plan"), document, links=tuple(links))
    page = next(file for file in rendered(plan).pages if file.path == "x-plan/1.md")
    return render_markdown(page.text.split("---\n", 2)[2])


def test_links_in_clause_text_point_to_their_entries_without_a_tooltip():
    from generator.model import Link

    html = _linked_page([Link("1-0-1", 0, 11, "x-plan/glossary.md", "g-1", "ind")])
    anchors = [attrs for tag, attrs in read_html(html).tags if tag == "a" and attrs.get("class") == "ind"]
    # No title: phones never show one; the link's card says what it is (render/cards.py).
    assert anchors == [{"href": "glossary.md#g-1", "class": "ind"}]
    assert text_by_id(html)["1-0-1"] == "1粮食产量超过840亿斤。"


def test_overlapping_links_keep_the_earlier_longer_one():
    from generator.model import Link

    html = _linked_page(
        [Link("1-0-1", 0, 4, "x-plan/a.md", "short"), Link("1-0-1", 0, 11, "x-plan/a.md", "long"), Link("1-0-1", 2, 6, "x-plan/a.md", "inner")]
    )
    hrefs = [attrs["href"] for tag, attrs in read_html(html).tags if tag == "a" and "#" in attrs["href"] and "a.md" in attrs["href"]]
    assert hrefs == ["a.md#long"]
    assert text_by_id(html)["1-0-1"] == "1粮食产量超过840亿斤。"


# --- An outline: a page per part and chapter, headings one level down per level, nav by part ------

OUTLINE = """\
    某某省国民经济和社会发展第十五个五年规划纲要

    第一篇　总体要求

    本篇第一句。

    第一章　发展环境

    本章引言。

    第一节　发展基础

    （一）基础扎实。基础第一句。

    （二）优势明显。

    第二篇　现代产业

    第二章　建设产业体系

    第一节　优化传统产业

    正文第一句。
    """


def _outline_site():
    document = parse(OUTLINE)
    return rendered(Plan(PlanInfo("ol"), document))


def _page(site, path: str) -> str:
    return render_markdown(next(file for file in site.pages if file.path == path).text.split("---\n", 2)[2])


def test_a_part_has_a_page_of_its_own_listing_its_chapters():
    site = _outline_site()
    html = _page(site, "ol/p1/index.md")
    assert text_by_id(html)["p1-0-1"] == "1本篇第一句。"
    assert '<a href="../1.md">第一章　发展环境</a>' in html
    assert "本章引言" not in html


def test_a_chapter_page_heads_sections_one_level_down_and_items_two():
    html = _page(_outline_site(), "ol/1.md")
    headings = re.findall(r'<(h[1-6]) class="c" data-cite="([^"]*)" id="([^"]*)">', html)
    assert headings == [
        ("h1", "第一章", "1"), ("h2", "第一章第一节", "1-1"),
        ("h3", "第一章第一节第（一）项", "1-1-1"), ("h3", "第一章第一节第（二）项", "1-1-2"),
    ]  # fmt: skip
    assert 'data-cite="第一章第一节第（一）项"' in html


def test_the_navigation_groups_chapters_by_part_with_the_parts_own_page_first():
    nav = _outline_site().nav
    part = next(child for child in nav.children if child.title.startswith("第一篇"))
    assert [(item.title, item.path) for item in part.children] == [("第一篇　总体要求", "ol/p1/index.md"), ("第一章　发展环境", "ol/1.md")]


def test_the_home_page_lists_parts_with_their_chapters_one_step_in():
    html = _page(_outline_site(), "ol/index.md")
    contents = html[html.index('id="contents"') :]
    assert contents.index("第一篇　总体要求") < contents.index("<ul>", contents.index("第一篇")) < contents.index("第一章　发展环境")


def test_every_page_of_a_document_is_titled_by_its_document_then_itself():
    site = _outline_site()
    titles = [yaml.safe_load(file.text.split("---\n")[1])["title"] for file in site.pages if file.text.startswith("---")]
    assert len(titles) == len(set(titles))
    assert "某某省国民经济和社会发展第十五个五年规划纲要 · 第二章　建设产业体系" in titles
