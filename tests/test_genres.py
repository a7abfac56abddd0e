"""The genres' heading levels (generator/data/genres.yml), the shapes of headings (read/headings.py)
and which genre a title is read as (read/genre.py)."""

import pytest

from generator import data, patterns
from generator.model import DocumentKind, Level, Line, Span
from generator.read.genre import genre_of_title
from generator.read.headings import (
    heading,
    heading_title,
    is_chapter_heading,
    is_heading,
)

LEVEL_ORDER = list(Level)


def test_every_document_kind_is_read_as_one_genre():
    kinds = [kind for genre in data.genres().values() for kind in genre.kinds]
    assert sorted(kinds) == sorted(kind.value for kind in DocumentKind)


@pytest.mark.parametrize("genre", sorted(data.genres()))
def test_each_genres_levels_run_outermost_first_and_include_chapters(genre):
    levels = [level.level for level in data.genres()[genre].levels]
    assert levels == sorted(levels, key=LEVEL_ORDER.index) and Level.CHAPTER in levels


@pytest.mark.parametrize("genre", sorted(data.genres()))
def test_each_heading_shape_is_a_pattern_and_its_citation_names_its_number(genre):
    for level in data.genres()[genre].levels:
        for shape in level.headings:
            assert shape.shape in patterns.HEADINGS, shape
            assert "{number}" in shape.cite and shape.noun, shape


def test_an_outlines_chapters_are_numbered_across_its_parts():
    (chapter,) = [level for level in data.genres()["outline"].levels if level.level is Level.CHAPTER]
    assert chapter.across


@pytest.mark.parametrize(
    ("title", "genre"),
    [("中华人民共和国国民经济和社会发展第十五个五年规划纲要", "outline"), ("2026年政府工作报告", "report"),
     ("2026年内蒙古自治区国民经济和社会发展计划", "report"), ("某某市“十五五”规划纲要", "outline")],
)  # fmt: skip
def test_a_title_names_the_genre_it_is_read_as(title, genre):
    assert genre_of_title(Line(title, Span(0, len(title), 1))).name == genre


@pytest.mark.parametrize(
    ("text", "shape", "number"),
    [("一、总体要求", "numbered", 1), ("（十二）推进改革。正文。", "bracketed", 12), ("(三)推进", "bracketed", 3),
     ("第一篇　开创新局面", "ordinal_part", 1), ("第六十二章 健全机制", "ordinal_chapter", 62),
     ("第四节加强监测", "ordinal_section", 4), ("第12章　总则", "ordinal_chapter", 12)],
)  # fmt: skip
def test_a_heading_is_read_with_its_shape_and_number(text, shape, number):
    found = heading(text)
    assert (found.shape, found.number) == (shape, number)


@pytest.mark.parametrize("text", ["一、总体要求是稳中求进。", "第一章规定，本法适用于全国。", "第一次会议召开"])
def test_a_numbered_sentence_is_no_heading(text):
    assert heading(text) is None or heading(text).shape == "bracketed"
    assert not is_chapter_heading(text)


def test_a_headings_title_is_its_words_without_its_number():
    assert [heading_title(text) for text in ("第一章　发展环境", "（二）加强环境治理。", "三、工作任务")] == ["发展环境", "加强环境治理。", "工作任务"]


def test_a_bare_number_is_no_heading_standing_on_its_own():
    assert not is_heading("第一章") and not is_heading("（一）") and is_heading("第一节 发展基础")
