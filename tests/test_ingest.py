import textwrap

import pytest

from generator.errors import PlanError
from generator.ingest import decode, ingest

NOTICE_PAGE = textwrap.dedent(
    """\
    客户端
    新闻 > 要闻 > 正文

    某某省人民政府关于下达2026年某某省国民经济和社会发展计划的通知

    某政发〔2026〕3号

      各市人民政府,省各委、办、厅、局:

      《2026年某某省国民经济和社会发展计划》已经审议通过,现予下达。

    2026年2月1日

      (此件公开发布)

    2026年某某省国民经济和社会发展计划

      2026年是开局之年,总体要求是:稳中求进。

      一、第一部分

      推进工作。

    photo_01.jpg

      二、第二部分

      继续推进。

    某某新闻 | 省级新媒体平台

    编辑:张三
    一、凡本站注明来源的作品,版权归本站所有。
    """
)


def test_front_matter_of_a_notice_is_read_field_by_field():
    front = ingest(NOTICE_PAGE).front
    assert front.issuer == "某某省人民政府"
    assert front.document_number.text == "某政发〔2026〕3号"
    assert front.addressees.text == "各市人民政府,省各委、办、厅、局:"
    assert [line.text for line in front.notice] == ["《2026年某某省国民经济和社会发展计划》已经审议通过,现予下达。"]
    assert (front.date.text, front.iso_date) == ("2026年2月1日", "2026-02-01")
    assert front.publication_note.text == "(此件公开发布)"


def test_plan_title_follows_the_notice():
    assert ingest(NOTICE_PAGE).title.text == "2026年某某省国民经济和社会发展计划"


def test_page_header_and_footer_are_debris_not_body():
    source = ingest(NOTICE_PAGE)
    body = [line.text for line in source.body]
    assert body[0].startswith("2026年是开局之年")
    assert body[-1] == "继续推进。"
    kinds = {debris.line.text: debris.kind for debris in source.debris}
    assert kinds["客户端"] == "page-header"
    assert kinds["编辑:张三"] == "page-footer"
    assert kinds["一、凡本站注明来源的作品,版权归本站所有。"] == "page-footer"


def test_image_placeholder_inside_the_body_is_removed_with_its_line():
    source = ingest(NOTICE_PAGE)
    images = [debris for debris in source.debris if debris.kind == "image"]
    assert [(debris.line.text, debris.line.span.line) for debris in images] == [("photo_01.jpg", 24)]
    assert "photo_01.jpg" not in [line.text for line in source.body]


def test_body_lines_keep_their_source_spans():
    source = ingest(NOTICE_PAGE)
    for line in source.body:
        assert source.text[line.span.start : line.span.end] == line.text


def test_seed_front_matter(seed_text):
    source = ingest(seed_text)
    assert source.title.text == "2026年内蒙古自治区国民经济和社会发展计划"
    assert source.front.document_number.text == "内政发〔2026〕5号"
    assert source.front.iso_date == "2026-02-13"
    assert source.front.publication_note.text == "(此件公开发布)"


def test_seed_debris_is_the_page_furniture(seed_text):
    debris = ingest(seed_text).debris
    assert {d.line.span.line for d in debris if d.kind == "image"} == {45, 67, 177}
    assert min(d.line.span.line for d in debris if d.kind == "page-footer") == 183


def test_text_without_a_title_is_refused():
    with pytest.raises(PlanError, match="no plan title"):
        ingest("这是一段普通文字。\n没有标题。\n")


@pytest.mark.parametrize(
    "raw",
    [
        "标题\r\n正文。\r\n".encode("utf-8"),
        "\ufeff标题\n正文。\n".encode("utf-8"),
        "标题\n正文。\n".encode("gb18030"),
    ],
)
def test_encodings_and_line_ends_decode_alike(raw):
    assert decode(raw) == "标题\n正文。\n"


@pytest.mark.parametrize("raw, problem", [(b"", "empty"), (b"  \n", "empty"), (b"\x89PNG\x00\x01", "binary")])
def test_empty_and_binary_files_are_refused(raw, problem):
    with pytest.raises(PlanError, match=problem):
        decode(raw)
