"""Index pages: grouped entries with anchors, backlinks to every mentioning clause, escaped text."""

import re

from generator import data
from generator.extract import indexes
from generator.extract.indexes import links
from generator.model import Plan, PlanInfo
from generator.read import editorial

from .conftest import parse, render_markdown, rendered
from .html_reading import read_html, text_by_id

TEXT = """\
    2026年某某省国民经济和社会发展计划

      一、第一部分

      加快建设乌布林水库。开工建设临河至哈密铁路。落实《<b>甲</b>**乙**条例》。支持策克口岸发展。
    """


def _site(text: str = TEXT, curation: str | None = None):
    document = parse(text)
    plan = Plan(PlanInfo("x-plan"), document, index=indexes.extract_index(document, editorial.index_curation(curation)))
    pages = {name: f"x-plan/{name}.md" for name in data.index_kinds()}
    plan = Plan(plan.info, document, links=links.index_links(plan, pages), index=plan.index)
    return rendered(plan)


def _page(site, path: str) -> str:
    file = next(file for file in site.pages if file.path == path)
    return render_markdown(file.text.split("---\n", 2)[2])


def test_places_are_grouped_under_pinyin_letters_with_entry_anchors():
    html = _page(_site(), "x-plan/places.md")
    headings = re.findall(r'<h2 id="([^"]+)">([A-Z#])', html)
    assert headings == [("l-c", "C"), ("l-h", "H"), ("l-l", "L")]
    assert text_by_id(html)["linhe"].startswith("临河")


def test_projects_are_grouped_by_category():
    html = _page(_site(), "x-plan/projects.md")
    assert re.findall(r'<h2 id="(c-[a-z-]+)"', html) == ["c-rail", "c-water"]


def test_each_entry_links_back_to_every_mentioning_clause_with_a_snippet():
    html = _page(_site(), "x-plan/projects.md")
    links = [attrs["href"] for tag, attrs in read_html(html).tags if tag == "a" and attrs.get("class") == "ix-ref"]
    assert links == ["1.md#1-0-2", "1.md#1-0-1"]
    assert "<mark>乌布林水库</mark>" in html


def test_clause_text_links_to_the_index_entry():
    html = _page(_site(), "x-plan/1.md")
    anchors = {attrs["href"]: attrs for tag, attrs in read_html(html).tags if tag == "a" and attrs.get("class") == "prj"}
    assert "projects.md#wubulinshuiku" in anchors
    # Its category is on its card (render/cards.py), not in a tooltip phones never show.
    assert "title" not in anchors["projects.md#wubulinshuiku"]
    assert '"c":"项目 · 水利"' in html


def test_hostile_document_titles_render_literally():
    document = parse(TEXT)
    entry = indexes.extract_index(document).documents[0]
    html = _page(_site(), "x-plan/documents.md")
    assert text_by_id(html)[entry.id] == "<b>甲</b>**乙**条例¶"
    assert [tag for tag, _ in read_html(html).tags if tag in ("b", "strong")] == []


def test_the_plan_home_and_navigation_list_the_indexes():
    site = _site()
    home = next(file for file in site.pages if file.path == "x-plan/index.md")
    assert "[项目索引](projects.md)" in home.text and "[地名索引](places.md)" in home.text
    titles = [child.title for child in site.nav.children]
    assert titles[-3:] == ["项目索引", "地名索引", "文件索引"]


def test_an_old_anchor_lands_on_the_renamed_entry():
    html = _page(_site(curation="projects:\n  rename:\n    乌布林水库: 乌布林水利枢纽\n"), "x-plan/projects.md")
    heading = re.search(r'<h3 id="wubulinshuilishuniu">(.*?)</h3>', html)[1]
    assert heading.startswith('<span id="wubulinshuiku"></span>乌布林水利枢纽')
    assert html.count('id="wubulinshuiku"') == 1


def test_a_report_s_places_page_speaks_of_the_report_and_of_its_region_s_own_divisions():
    from generator.model import DocumentKind, DocumentMeta

    document = parse(
        """\
        2026年四川省政府工作报告

          一、工作回顾

          支持成都、凉山州和丹巴县发展。推动成渝地区双城经济圈建设。
        """
    )
    meta = DocumentMeta(region="四川省", kind=DocumentKind.WORK_REPORT)
    plan = Plan(PlanInfo("x-plan"), document, meta=meta, index=indexes.extract_index(document, region="四川省"))
    html = _page(rendered(plan), "x-plan/places.md")
    assert "报告中提到的市州、县、区域，按拼音排序。" in html
    assert "盟市" not in html and "旗县" not in html and "计划" not in html.split("数据下载")[0]
    labels = re.findall(r'<span class="ix-cat">([^<]+)</span>', html)
    assert set(labels) == {"市州", "县", "区域"}


def test_a_report_s_home_says_the_report_states_its_targets():
    from generator.model import DocumentKind, DocumentMeta

    document = parse("2026年四川省政府工作报告\n\n  一、工作回顾\n\n  地区生产总值增长5%左右。\n")
    plan = Plan(PlanInfo("x-plan"), document, meta=DocumentMeta(region="四川省", kind=DocumentKind.WORK_REPORT))
    home = next(file.text for file in rendered(plan).pages if file.path == "x-plan/index.md")
    assert "报告提出的全部" in home and "计划提出的全部" not in home
