"""Other plans of the genre: three of the provincial government work reports in seeds/, as scraped.

Each is checked against a reading of the file made independently of the parser: where the speech
begins and the page footer starts, which lines are chapter headings, and the two places where the
web page broke a paragraph across lines.
"""

import hashlib
import json
import subprocess
import sys

import pytest

from generator.model import iter_clauses
from generator.read.ingest import decode, ingest
from generator.read.parse import parse_plan

from .conftest import ROOT
from .html_reading import text_by_id

SEEDS = ROOT / "seeds"
# The shared corpus, ../shared/corpus beside a clone (or beside the clone a worktree belongs to),
# and the checksums of its files, which travel with the repository.
SHARED = (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus")
CHECKSUMS = ROOT / "tests" / "corpus.sha256"

# Read by eye from each file: the title line, the report's own heading/occasion/speaker lines, the
# speech's first line, the first footer line, the chapter heading lines, sections per chapter, the
# appendix heading line, and the line runs that form one paragraph.
READING = {
    "2026-ningxia-gov-work-report": {
        "title": 7, "front": [18, 19, 20], "start": 22, "footer": 114, "iso_date": "2026-02-03",
        "chapters": [24, 63, 76], "sections": [0, 0, 6], "appendix": None, "runs": [],
        "main_targets": 79, "closing": {3: 112},
    },
    "2026-sichuan-gov-work-report": {
        "title": 1, "front": [11, 12], "start": 13, "footer": 128, "iso_date": "2026-02-03",
        "chapters": [15, 36, 44], "sections": [0, 0, 10], "appendix": 101, "runs": [(108, 114)],
        "main_targets": 46, "closing": {3: 100},
    },
    "2026-yunnan-gov-work-report": {
        "title": 6, "front": [14, 15], "start": 16, "footer": 120, "iso_date": "2026-01-28",
        "chapters": [18, 52, 65], "sections": [7, 5, 9], "appendix": None, "runs": [(38, 39)],
        "main_targets": 67, "closing": {1: 49, 3: 118},
    },
}
NAMES = sorted(READING)


def _text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    """The file's lines, numbered from 1 (index 0 is unused)."""
    return ["", *(line.strip() for line in _text(name).split("\n"))]


def _expected_paragraphs(name: str) -> list[str]:
    """The document's paragraphs: each non-blank line from the speech to the footer, broken runs rejoined."""
    reading, lines = READING[name], _lines(name)
    paragraphs, number = [], reading["start"]
    while number < reading["footer"]:
        run = next((run for run in reading["runs"] if run[0] == number), (number, number))
        text = "".join(lines[run[0] : run[1] + 1])
        if text:
            paragraphs.append(text)
        number = run[1] + 1
    return paragraphs


@pytest.fixture(scope="module", params=NAMES)
def corpus(request):
    name = request.param
    source = ingest(_text(name))
    return name, source, parse_plan(source)


def _digests(lines) -> dict[str, str]:
    """File name → SHA-256, from lines in sha256sum's format (comments skipped)."""
    return {name: digest for digest, name in (line.split(None, 1) for line in lines if line.strip() and not line.startswith("#"))}


def test_the_corpus_is_a_byte_identical_copy_of_the_shared_one():
    """Checked against the shared corpus's checksums (tests/corpus.sha256) wherever the clone lies,
    and those against the shared corpus itself when it is at hand."""
    recorded = _digests(CHECKSUMS.read_text(encoding="utf-8").splitlines())
    copies = {path.name: path for folder in (SEEDS,) for path in sorted(folder.glob("*.txt")) if path.name in recorded}
    assert {f"{name}.txt" for name in NAMES} <= set(copies)
    for name, path in copies.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded[name], path
    for shared in (folder for folder in SHARED if folder.is_dir()):
        assert {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in shared.glob("*.txt")} == recorded


def test_every_paragraph_is_kept_whole(corpus):
    name, source, _ = corpus
    assert [line.text for line in source.body] == _expected_paragraphs(name)


def test_the_clauses_are_the_paragraphs_cut_into_sentences(corpus):
    name, _, document = corpus
    assert "".join(clause.text for clause in iter_clauses(document)) == "".join(_expected_paragraphs(name))


def test_title_and_front_matter(corpus):
    name, source, _ = corpus
    reading, lines = READING[name], _lines(name)
    front = [line for line in (source.front.heading, source.front.occasion, source.front.speaker) if line]
    assert source.title.text == lines[reading["title"]]
    assert [line.span.line for line in front] == reading["front"]
    assert source.front.iso_date == reading["iso_date"]


def test_every_other_line_is_debris_recognised_by_a_rule(corpus):
    name, source, document = corpus
    reading, lines = READING[name], _lines(name)
    kept = {reading["title"], *reading["front"], *range(reading["start"], reading["footer"])}
    expected = {number for number, line in enumerate(lines) if number and line and number not in kept}
    assert {item.line.span.line for item in document.debris} == expected
    assert all(item.rule for item in document.debris if item.line.span.line > reading["title"])
    assert document.warnings == ()


def test_chapters_sections_and_appendix(corpus):
    name, _, document = corpus
    reading = READING[name]
    assert [chapter.title.span.line for chapter in document.chapters] == reading["chapters"]
    assert [chapter.id for chapter in document.chapters] == ["1", "2", "3"]
    assert [len(chapter.sections) for chapter in document.chapters] == reading["sections"]
    assert [appendix.title.span.line for appendix in document.appendices] == (
        [reading["appendix"]] if reading["appendix"] else []
    )


def test_the_closing_address_belongs_to_the_chapter(corpus):
    name, _, document = corpus
    closings = {chapter.number: chapter.closing[0].clauses[0].span.line for chapter in document.chapters if chapter.closing}
    assert closings == READING[name]["closing"]


def test_the_main_targets_are_one_paragraph_of_whole_clauses_in_the_last_chapter(corpus):
    name, _, document = corpus
    line = _lines(name)[READING[name]["main_targets"]]
    (paragraph,) = [p for chapter in document.chapters for p in chapter.intro if p.role == "main-targets"]
    assert "".join(clause.text for clause in paragraph.clauses) == line
    assert paragraph.clauses[0].id.startswith("3-0-")
    assert all(clause.text[-1] in "。；" for clause in paragraph.clauses)


def test_the_sichuan_glossary_items_are_paragraphs_of_the_appendix():
    document = parse_plan(ingest(_text("2026-sichuan-gov-work-report")))
    (appendix,) = document.appendices
    items = ["".join(clause.text for clause in paragraph.clauses) for paragraph in appendix.intro]
    assert [item.split(".")[0] for item in items] == [str(number) for number in range(1, 21)]
    assert items[6].endswith("由成果需求方带资金、带场景揭榜。")


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("gb18030"),
        lambda text: text.replace("\n", "\r\n").encode("gbk"),
        lambda text: "\ufeff".encode("utf-8") + text.replace("\n", "\r\n").encode("utf-8"),
        lambda text: ("\ufeff" + text).encode("utf-16-le"),
    ],
    ids=["gb18030", "gbk-crlf", "utf8-bom-crlf", "utf16"],
)
def test_other_encodings_give_the_same_clauses(encode):
    text = _text("2026-sichuan-gov-work-report")
    expected = [(clause.id, clause.text) for clause in iter_clauses(parse_plan(ingest(text)))]
    document = parse_plan(ingest(decode(encode(text))))
    assert [(clause.id, clause.text) for clause in iter_clauses(document)] == expected


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Each corpus document built by the command line, strictly: {name: (site folder, result)}."""
    sites = {}
    for name in NAMES:
        out = tmp_path_factory.mktemp(name) / "site"
        result = subprocess.run(
            [sys.executable, "-m", "generator", "build", SEEDS / f"{name}.txt", "--out", out, "--strict"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        sites[name] = (out, result)
    return sites


@pytest.mark.build
@pytest.mark.parametrize("name", NAMES)
def test_the_command_line_builds_each_document_strictly(built, name):
    out, result = built[name]
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    chapters = 3
    assert f"built {name}: {chapters} chapters" in result.stdout
    plan = json.loads((out / name / "data" / "plan.json").read_text(encoding="utf-8"))
    assert [chapter["id"] for chapter in plan["divisions"]] == ["1", "2", "3"]
    assert plan["front_matter"]["occasion"] == _lines(name)[READING[name]["front"][-2]]


@pytest.mark.build
@pytest.mark.parametrize("name", NAMES)
def test_every_clause_of_a_built_document_is_on_its_page(built, name):
    out, _ = built[name]
    plan = json.loads((out / name / "data" / "plan.json").read_text(encoding="utf-8"))
    pages: dict[str, dict[str, str]] = {}
    for clause in plan["clauses"]:
        page, fragment = clause["url"].split("#")
        if page not in pages:
            pages[page] = text_by_id((out / page / "index.html").read_text(encoding="utf-8"))
        assert clause["text"] in pages[page][fragment]


@pytest.mark.build
@pytest.mark.parametrize("name", NAMES)
def test_the_build_report_lists_the_debris_with_lines_and_rules(built, name):
    out, _ = built[name]
    report = json.loads((out / name / "data" / "report.json").read_text(encoding="utf-8"))
    lines = _lines(name)
    assert report["warnings"] == []
    assert report["debris"] and all(lines[item["line"]] == item["text"] for item in report["debris"])
    assert {item["kind"] for item in report["debris"]} <= {"page-header", "page-footer", "caption"}


@pytest.mark.build
def test_the_sichuan_appendix_has_its_own_page(built):
    out, _ = built["2026-sichuan-gov-work-report"]
    texts = text_by_id((out / "2026-sichuan-gov-work-report" / "a1" / "index.html").read_text(encoding="utf-8"))
    assert texts["a1"].startswith("名词解释")
    assert "“双向揭榜挂帅”" in texts["a1-0-9"]


# The main targets each report states (its 主要预期目标 sentence), read from the source by hand.
MAIN_TARGETS = {
    "2026-ningxia-gov-work-report": {("地区生产总值", "5", "%", "about"), ("城镇调查失业率", "5.5", "%", "about")},
    "2026-sichuan-gov-work-report": {("地区生产总值", "5.5", "%", "about"), ("粮食产量", "730", "亿斤", "at_least")},
    "2026-yunnan-gov-work-report": {("地区生产总值", "4.5", "%", "about"), ("城镇调查失业率", "5.5", "%", "at_most")},
}


@pytest.mark.build
@pytest.mark.parametrize("name", NAMES)
def test_the_main_targets_are_published_as_headline_indicators(built, name):
    out, _ = built[name]
    data = json.loads((out / name / "data" / "indicators.json").read_text(encoding="utf-8"))
    headline = {(i["name"], i["value"], i["unit"], i["comparator"]) for i in data["indicators"] if i["headline"]}
    assert MAIN_TARGETS[name] <= headline
    glossary = (out / name / "indicators" / "index.html").read_text(encoding="utf-8")
    assert all(target[0] in glossary for target in MAIN_TARGETS[name])


# --- The national documents: the 2025 report and the 十五五 outline in its encyclopedia page ---------

OUTLINE = "2026-national-15th-five-year-plan-outline"
NATIONAL_REPORT = "2025-national-gov-work-report"
# Read by eye from the outline's file: its title line, its contents list (目录 and the line after its
# last entry), where its body ends and the article goes on (6规划组成), and its numbered headings,
# each at the start of a line of the body: 第…篇 18, 第…章 62 (numbered across parts), 第…节 171.
OUTLINE_READING = {"title": 223, "contents": (224, 305), "end": 824, "article": 826, "parts": 18, "chapters": 62, "sections": 171}


@pytest.fixture(scope="module")
def outline():
    source = ingest(_text(OUTLINE))
    return source, parse_plan(source)


def _headings(kind: str) -> list[int]:
    """The body's lines that begin with a numbered heading of a kind (篇, 章, 节), read without the parser."""
    lines = _lines(OUTLINE)
    start, end = OUTLINE_READING["contents"][1], OUTLINE_READING["end"]
    return [number for number in range(start, end + 1) if lines[number].startswith("第") and lines[number][1:6].find(kind) > 0]


def test_the_outline_has_its_18_parts_62_chapters_and_171_sections(outline):
    _, document = outline
    assert len(document.parts) == OUTLINE_READING["parts"] == len(_headings("篇"))
    assert len(document.chapters) == OUTLINE_READING["chapters"] == len(_headings("章"))
    assert sum(len(chapter.sections) for chapter in document.chapters) == OUTLINE_READING["sections"] == len(_headings("节"))
    assert [part.title.span.line for part in document.parts] == _headings("篇")
    assert [chapter.title.span.line for chapter in document.chapters] == _headings("章")


def test_the_outlines_chapters_are_numbered_across_parts(outline):
    _, document = outline
    assert [chapter.id for chapter in document.chapters] == [str(number) for number in range(1, 63)]
    assert [part.id for part in document.parts] == [f"p{number}" for number in range(1, 19)]
    assert sum(len(part.children) for part in document.parts) == 62


def test_the_outlines_contents_list_is_recognised_and_every_entry_found(outline):
    source, document = outline
    first, after = OUTLINE_READING["contents"]
    assert source.contents_heading.span.line == first
    assert [line.span.line for line in source.contents] == list(range(first + 1, after))
    assert all(entry.id for entry in document.contents)
    assert {entry.id for entry in document.contents} == {division.id for division in (*document.parts, *document.chapters)}


def test_the_outline_is_read_out_of_its_encyclopedia_page(outline):
    source, document = outline
    reading = OUTLINE_READING
    assert source.title.span.line == reading["title"]
    assert document.divisions[-1].children[-1].sections[-1].paragraphs[-1].clauses[-1].span.line == reading["end"]
    rules = {item.line.span.line: item.rule for item in document.debris}
    assert rules[12] == rules[14] == "encyclopedia-contents"  # 目录 / ▪五年规划 of the article
    assert rules[reading["article"]] == "encyclopedia-heading"  # 规划组成
    assert rules[853] == rules[854] == "encyclopedia-control"  # 播报 / 编辑
    assert all(item.rule for item in document.debris) and document.warnings == ()


def test_the_reference_mark_inside_the_outlines_last_sentence_is_cut_with_its_span_exact(outline):
    _, document = outline
    text = _text(OUTLINE)
    last = document.chapters[-1].sections[-1].paragraphs[-1].clauses[-1]
    assert last.text.endswith("接受社会各界监督。") and "[67]" not in last.text
    assert text[last.span.start : last.span.end] == last.text.replace("监督。", "监督 [67]。")
    (mark,) = [item for item in document.debris if item.rule == "reference-mark"]
    assert text[mark.line.span.start : mark.line.span.end] == "[67]"


def test_the_national_report_is_read_as_the_nations():
    from generator.read.metadata import document_meta

    meta = document_meta(parse_plan(ingest(_text(NATIONAL_REPORT))))
    assert (meta.region, meta.issuer, meta.speaker, meta.year, meta.kind.value) == ("全国", "国务院", "国务院总理 李强", 2025, "work_report")
    assert (meta.date, meta.source_name) == ("2025-03-05", "新华社")


def test_the_outline_is_the_nations_five_year_plan_for_2026_to_2030(outline):
    from generator.read.metadata import document_meta

    meta = document_meta(outline[1])
    assert (meta.region, meta.kind.value, meta.period_start, meta.period_end, meta.year) == ("全国", "five_year_plan", 2026, 2030, 2026)


@pytest.fixture(scope="module")
def built_outline(tmp_path_factory):
    """The outline built alone by the command line, strictly."""
    out = tmp_path_factory.mktemp("outline") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", SEEDS / f"{OUTLINE}.txt", "--out", out, "--strict"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return out / OUTLINE, result


@pytest.mark.build
def test_the_outline_builds_strictly_with_a_page_per_part_and_chapter(built_outline):
    folder, result = built_outline
    assert result.returncode == 0, result.stderr
    assert f"built {OUTLINE}: 62 chapters" in result.stdout
    assert all((folder / str(number) / "index.html").is_file() for number in range(1, 63))
    assert all((folder / f"p{number}" / "index.html").is_file() for number in range(1, 19))


@pytest.mark.build
def test_each_outline_chapter_page_holds_its_sections(built_outline):
    folder, _ = built_outline
    plan = json.loads((folder / "data" / "plan.json").read_text(encoding="utf-8"))
    assert plan["schema"] == 2 and [level["level"] for level in plan["levels"]] == ["part", "chapter", "section"]
    for part in plan["divisions"]:
        assert part["kind"] == "part_title"
        for chapter in part["children"]:
            texts = text_by_id((folder / chapter["id"] / "index.html").read_text(encoding="utf-8"))
            assert chapter["kind"] == "chapter_title"
            for section in chapter["children"]:
                assert section["kind"] == "section_heading" and section["id"] in texts
                assert section["url"] == f"{OUTLINE}/{chapter['id']}/#{section['id']}"


@pytest.mark.build
def test_the_outline_cites_chapters_and_sections_as_the_genre_does(built_outline):
    folder, _ = built_outline
    plan = json.loads((folder / "data" / "plan.json").read_text(encoding="utf-8"))
    citations = {clause["id"]: clause["citation"] for clause in plan["clauses"]}
    title = "《中华人民共和国国民经济和社会发展第十五个五年规划纲要》"
    assert citations["62-4-1"] == f"{title}第六十二章第四节第1句"
    assert citations["p18"] == f"{title}第十八篇"
