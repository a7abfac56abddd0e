"""Parse: the ingested body becomes a tree of chapters, sections and clauses with numbering-derived IDs.

IDs: chapter ``4``; section ``4-2``; sentence ``4-2-3`` (chapter 4, section 2, third sentence
after the heading). Section 0 holds a chapter's introductory sentences, chapter 0 the preamble.
"""

from dataclasses import dataclass

from . import patterns
from .errors import PlanError
from .ingest import is_chapter_heading
from .model import Chapter, Clause, ClauseKind, Document, Line, Paragraph, Section, Source, Span, Warning


@dataclass(frozen=True, slots=True)
class _Block:
    """A body line classified: a chapter heading, a section start, or running text."""

    kind: str
    number: int
    line: Line


def parse_plan(source: Source) -> Document:
    """The document tree of an ingested plan."""
    blocks = tuple(_classify(line) for line in source.body)
    first_chapter = next((i for i, block in enumerate(blocks) if block.kind == "chapter"), None)
    if first_chapter is None:
        line = source.title.span.line
        raise PlanError("no chapters found: expected headings such as 一、… after the title", line)
    warnings = list(_numbering_warnings(blocks))
    preamble_lines = [block.line for block in blocks[:first_chapter]]
    for block in blocks[:first_chapter]:
        if block.kind == "section":
            warnings.append(Warning(block.line.span.line, "a numbered section comes before the first chapter"))
    used_ids: set[str] = set()
    preamble = _numbered_paragraphs(preamble_lines, 0, 0, used_ids)
    chapters = []
    index = first_chapter
    while index < len(blocks):
        end = next((i for i in range(index + 1, len(blocks)) if blocks[i].kind == "chapter"), len(blocks))
        chapters.append(_chapter(blocks[index], blocks[index + 1 : end], used_ids))
        index = end
    return Document(
        title=source.title,
        front=source.front,
        preamble=tuple(_with_roles(preamble)),
        chapters=tuple(chapters),
        debris=source.debris,
        warnings=tuple(sorted(warnings, key=lambda warning: warning.line)),
    )


def split_sentences(line: Line) -> tuple[tuple[str, Span], ...]:
    """A paragraph's sentences, each with closing quotes kept, and their spans; they concatenate to it."""
    base = line.span.start
    return tuple(
        (match.group(), Span(base + match.start(), base + match.end(), line.span.line))
        for match in patterns.SENTENCE.finditer(line.text)
    )


def _classify(line: Line) -> _Block:
    """Which kind of body line this is, with its number for headings."""
    if is_chapter_heading(line.text):
        number = _numeral(patterns.CHAPTER_HEADING.match(line.text)["number"])
        if number:
            return _Block("chapter", number, line)
    section = patterns.SECTION_MARKER.match(line.text)
    if section and _numeral(section["number"]):
        return _Block("section", _numeral(section["number"]), line)
    return _Block("text", 0, line)


def _numeral(text: str) -> int:
    """A Chinese numeral's value, or 0 when it is not a well-formed numeral."""
    try:
        return patterns.chinese_numeral_to_int(text)
    except ValueError:
        return 0


def _numbering_warnings(blocks: tuple[_Block, ...]):
    """Gaps, repeats and disorder in chapter numbers, and in section numbers within each chapter."""
    previous_chapter = 0
    previous_section = 0
    for block in blocks:
        if block.kind == "chapter":
            yield from _sequence_warning("chapter", previous_chapter, block)
            previous_chapter, previous_section = block.number, 0
        elif block.kind == "section" and previous_chapter:
            yield from _sequence_warning("section", previous_section, block)
            previous_section = block.number


def _sequence_warning(what: str, previous: int, block: _Block):
    """A warning when a number does not follow the previous one by exactly one."""
    if block.number == previous + 1:
        return
    if block.number == previous:
        problem = f"repeats number {block.number}"
    elif block.number < previous:
        problem = f"number {block.number} comes after {previous}"
    else:
        problem = f"numbering skips from {previous} to {block.number}"
    yield Warning(block.line.span.line, f"{what} {problem}: {block.line.text[:20]}")


def _chapter(heading: _Block, blocks: tuple[_Block, ...], used_ids: set[str]) -> Chapter:
    """A chapter from its heading and the blocks up to the next chapter."""
    chapter_id = _unique(str(heading.number), used_ids)
    title = Clause(chapter_id, ClauseKind.CHAPTER_TITLE, heading.line.text, heading.line.span, heading.number, 0, 0)
    first_section = next((i for i, block in enumerate(blocks) if block.kind == "section"), len(blocks))
    intro = _numbered_paragraphs([block.line for block in blocks[:first_section]], heading.number, 0, used_ids)
    sections = []
    index = first_section
    while index < len(blocks):
        end = next((i for i in range(index + 1, len(blocks)) if blocks[i].kind == "section"), len(blocks))
        sections.append(_section(chapter_id, heading.number, blocks[index], blocks[index + 1 : end], used_ids))
        index = end
    return Chapter(chapter_id, heading.number, title, tuple(intro), tuple(sections))


def _section(chapter_id: str, chapter: int, start: _Block, blocks: tuple[_Block, ...], used_ids: set[str]) -> Section:
    """A section: the first sentence of its opening line is the heading, the rest its body."""
    section_id = _unique(f"{chapter_id}-{start.number}", used_ids)
    sentences = split_sentences(start.line)
    heading_text, heading_span = sentences[0]
    heading = Clause(section_id, ClauseKind.SECTION_HEADING, heading_text, heading_span, chapter, start.number, 0)
    pieces = [sentences[1:]] if len(sentences) > 1 else []
    pieces.extend(split_sentences(block.line) for block in blocks)
    paragraphs = _paragraphs(pieces, section_id, chapter, start.number, used_ids)
    return Section(section_id, start.number, heading, tuple(paragraphs))


def _numbered_paragraphs(lines: list[Line], chapter: int, section: int, used_ids: set[str]) -> list[Paragraph]:
    """Paragraphs of running text whose sentences are numbered from 1 under ``chapter-section``."""
    return _paragraphs([split_sentences(line) for line in lines], f"{chapter}-{section}", chapter, section, used_ids)


def _paragraphs(pieces, prefix: str, chapter: int, section: int, used_ids: set[str]) -> list[Paragraph]:
    """Paragraphs of sentence clauses numbered consecutively across paragraphs."""
    paragraphs = []
    number = 0
    for sentences in pieces:
        clauses = []
        for text, span in sentences:
            number += 1
            clause_id = _unique(f"{prefix}-{number}", used_ids)
            clauses.append(Clause(clause_id, ClauseKind.SENTENCE, text, span, chapter, section, number))
        paragraphs.append(Paragraph(tuple(clauses)))
    return paragraphs


def _with_roles(paragraphs: list[Paragraph]):
    """Preamble paragraphs tagged with what they state: general requirements, main targets."""
    for paragraph in paragraphs:
        text = "".join(clause.text for clause in paragraph.clauses)
        if patterns.MAIN_TARGETS.search(text):
            yield Paragraph(paragraph.clauses, "main-targets")
        elif patterns.GENERAL_REQUIREMENTS.search(text):
            yield Paragraph(paragraph.clauses, "general-requirements")
        else:
            yield paragraph


def _unique(candidate: str, used_ids: set[str]) -> str:
    """The candidate ID, or (when the numbering repeats) the first free ``candidate`` + b, c…"""
    identifier = candidate
    suffix = ord("b")
    while identifier in used_ids:
        identifier = f"{candidate}{chr(suffix)}"
        suffix += 1
    used_ids.add(identifier)
    return identifier
