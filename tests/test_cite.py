from generator.render.cite import citation, labels

from .conftest import parse

PLAN = """\
    2026年某某省国民经济和社会发展计划

      总体要求是:开篇第一句。开篇第二句。

      一、第一部分

      引言第一句。引言第二句。

      (一)第一项。第一项第一句。第一项第二句。

      （二）第二项。

      第二项第一句。
    """


def test_sentences_are_cited_by_part_item_and_number():
    found = labels(parse(PLAN))
    assert found["1-1-2"] == "第一部分第（一）项第2句"
    assert found["1-2-1"] == "第一部分第（二）项第1句"


def test_a_chapter_introduction_is_cited_without_an_item():
    assert labels(parse(PLAN))["1-0-2"] == "第一部分第2句"


def test_the_preamble_is_the_序言():
    found = labels(parse(PLAN))
    assert found["0-0-2"] == "序言第2句"
    assert found[""] == "序言"


def test_headings_are_cited_as_their_part_or_item():
    found = labels(parse(PLAN))
    assert (found["1"], found["1-1"]) == ("第一部分", "第一部分第（一）项")


def test_a_citation_opens_with_the_title_in_book_title_marks():
    document = parse(PLAN)
    assert citation(document, "第一部分第（一）项第2句") == "《2026年某某省国民经济和社会发展计划》第一部分第（一）项第2句"
