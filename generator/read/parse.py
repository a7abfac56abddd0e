"""Parse: the ingested body becomes a tree of chapters, sections and clauses with numbering-derived IDs.

IDs: chapter ``4``; section ``4-2``; sentence ``4-2-3`` (chapter 4, section 2, third sentence
after the heading). Section 0 holds a chapter's introductory sentences (and, numbered on, its
closing ones), chapter 0 the preamble. Appendices after the last chapter are ``a1``, ``a2``…,
their sentences ``a1-0-1``….
"""

from dataclasses import dataclass

from generator import patterns
from generator.errors import PlanError
from generator.model import (
    ID_SUFFIXES,
    Chapter,
    Clause,
    ClauseKind,
    Document,
    Line,
    Paragraph,
    Section,
    Source,
    Span,
    Warning,
    text_span,
)
from generator.read.boxes import place_boxes
from generator.read.ingest import (
    is_appendix_heading,
    is_bare_heading,
    is_chapter_heading,
)

# A part whose paragraphs mostly end in a full sentence must end in one too, or it was cut short.
SENTENCE_ENDING_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class _Block:
    """A body paragraph classified: a chapter heading, a section start, an appendix heading, or running text."""

    kind: str
    number: int
    line: Line


def parse_plan(source: Source) -> Document:
    """The document tree of an ingested plan."""
    blocks = tuple(_classify(line) for line in source.body)
    inferred: list[Warning] = []
    if not any(block.kind == "chapter" for block in blocks):
        blocks, inferred = _unnumbered_chapters(blocks)
    first_chapter = next((i for i, block in enumerate(blocks) if block.kind == "chapter"), None)
    if first_chapter is None:
        line = source.title.span.line
        raise PlanError("no chapters found: expected headings such as 一、… after the title", line)
    first_appendix = next(
        (i for i in range(first_chapter, len(blocks)) if blocks[i].kind == "appendix"), len(blocks)
    )
    main = tuple(block if block.kind != "appendix" else _Block("text", 0, block.line) for block in blocks[:first_appendix])
    appendix_blocks = tuple(
        block if block.kind == "section" or block.kind == "appendix" and blocks[index - 1].kind != "appendix"
        else _Block("text", 0, block.line)
        for index, block in enumerate(blocks[first_appendix:], start=first_appendix)
    )
    _check_complete(main, appendix_blocks, source.missing_footer)
    warnings = list(source.warnings) + inferred
    warnings.extend(_numbering_warnings(main))
    warnings.extend(warning for block in blocks if (warning := _balance_warning(block.line)))
    preamble_lines = [block.line for block in main[:first_chapter]]
    for block in main[:first_chapter]:
        if block.kind == "section":
            warnings.append(Warning(block.line.span.line, "a numbered section comes before the first chapter"))
    used_ids: set[str] = set()
    preamble = _paragraphs([split_sentences(line) for line in preamble_lines], "0-0", 0, 0, used_ids)
    chapters = [
        _chapter(str(heading.number), heading.number, heading.number, heading, body, used_ids)
        for heading, body in _runs(main[first_chapter:], "chapter")
    ]
    appendices = [
        _chapter(f"a{number}", number, 0, heading, body, used_ids)
        for number, (heading, body) in enumerate(_runs(appendix_blocks, "appendix"), start=1)
    ]
    document = Document(
        title=source.title,
        front=source.front,
        preamble=tuple(preamble),
        chapters=tuple(chapters),
        debris=source.debris,
        warnings=tuple(sorted(warnings, key=lambda warning: warning.line)),
        appendices=tuple(appendices),
    )
    return place_boxes(document, source.boxes)


def split_sentences(line: Line) -> tuple[tuple[str, Span], ...]:
    """A paragraph's sentences, each with closing quotes kept, and their spans; they concatenate to it."""
    return tuple(
        (match.group(), text_span(line, match.start(), match.end())) for match in patterns.SENTENCE.finditer(line.text)
    )


def _classify(line: Line) -> _Block:
    """Which kind of body paragraph this is, with its number for headings."""
    if is_chapter_heading(line.text):
        number = _numeral(patterns.CHAPTER_HEADING.match(line.text)["number"])
        if number:
            return _Block("chapter", number, line)
    section = patterns.SECTION_MARKER.match(line.text)
    if section and _numeral(section["number"]):
        return _Block("section", _numeral(section["number"]), line)
    if is_appendix_heading(line.text):
        return _Block("appendix", 0, line)
    return _Block("text", 0, line)


def _unnumbered_chapters(blocks: tuple[_Block, ...]) -> tuple[tuple[_Block, ...], list[Warning]]:
    """A text with no numbered chapter read as chapters headed by its bare heading lines: a short
    unpunctuated line standing alone (“十四五”时期工作回顾, 2026年工作安排), numbered in order, with a
    warning that the numbering was inferred. A bare line after which the section numbering goes on
    ((三) after (二)) is a heading inside a section, not a chapter; fewer than two make no chapters.
    """
    headings = [
        index
        for index, block in enumerate(blocks)
        if block.kind == "text" and index + 1 < len(blocks) and is_bare_heading(block.line.text)
    ]
    chapters = []
    for position, index in enumerate(headings):
        end = headings[position + 1] if position + 1 < len(headings) else len(blocks)
        section = next((block for block in blocks[index + 1 : end] if block.kind == "section"), None)
        if section is None or section.number == 1 or not chapters:
            chapters.append(index)
    if len(chapters) < 2:
        return blocks, []
    numbers = {index: number for number, index in enumerate(chapters, start=1)}
    inferred = tuple(
        _Block("chapter", numbers[index], block.line) if index in numbers else block for index, block in enumerate(blocks)
    )
    first = blocks[chapters[0]].line
    warning = Warning(
        first.span.line,
        f"chapter headings carry no number: {len(chapters)} chapters inferred from heading lines standing alone "
        f"({first.text[:20]} …), numbered in order",
    )
    return inferred, [warning]


def _numeral(text: str) -> int:
    """A Chinese numeral's value, or 0 when it is not a well-formed numeral."""
    try:
        return patterns.chinese_numeral_to_int(text)
    except ValueError:
        return 0


def _runs(blocks: tuple[_Block, ...], kind: str):
    """Each block of a kind with the blocks that follow it up to the next of that kind."""
    starts = [i for i, block in enumerate(blocks) if block.kind == kind]
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(blocks)
        yield blocks[start], blocks[start + 1 : end]


def _check_complete(main: tuple[_Block, ...], appendices: tuple[_Block, ...], missing_footer: bool) -> None:
    """Refuse a text that stops short: after a heading, in the middle of a sentence, or before its page's footer."""
    blocks = main + appendices
    last = blocks[-1]
    if last.kind in ("chapter", "appendix") or (last.kind == "section" and len(split_sentences(last.line)) == 1):
        raise PlanError(f"the text ends with the heading {last.line.text[:20]!r}: is the file truncated?", last.line.span.line)
    if not (patterns.DOCUMENT_END.search(last.line.text) or patterns.SIGNATURE.match(last.line.text)):
        part = appendices or main
        start = max(i for i, block in enumerate(part) if block.kind in ("chapter", "appendix"))
        texts = [block.line.text for block in part[start + 1 : -1] if block.kind == "text"]
        ending = sum(1 for text in texts if patterns.DOCUMENT_END.search(text))
        if not texts or ending >= SENTENCE_ENDING_SHARE * len(texts):
            raise PlanError(
                f"the text ends mid-sentence ('…{last.line.text[-12:]}'): is the file truncated?", last.line.span.line
            )
    if missing_footer:
        raise PlanError(
            "the web page's footer is missing after the text (its header is there): is the file truncated?",
            last.line.span.line,
        )


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


def _balance_warning(line: Line) -> Warning | None:
    """A warning for the first quote or bracket in a paragraph that is never closed, or closes nothing."""
    closers = {close: open_ for open_, close in patterns.PAIRED_MARKS.items()}
    stack: list[int] = []
    for index, char in enumerate(line.text):
        if char in patterns.PAIRED_MARKS:
            stack.append(index)
        elif char in closers:
            if stack and line.text[stack[-1]] == closers[char]:
                stack.pop()
            else:
                return _mark_warning(line, index, f"{char} closes nothing")
    if stack:
        return _mark_warning(line, stack[0], f"{line.text[stack[0]]} is never closed")
    return None


def _mark_warning(line: Line, index: int, problem: str) -> Warning:
    """A warning about the mark at ``index`` of a paragraph, on the source line it stands on."""
    context = line.text[max(index - 8, 0) : index + 9]
    return Warning(text_span(line, index, index + 1).line, f"unmatched quote or bracket: {problem} in '…{context}…'")


def _chapter(chapter_id: str, number: int, clause_chapter: int, heading: _Block, blocks, used_ids: set[str]) -> Chapter:
    """A chapter (or appendix) from its heading and the blocks up to the next one."""
    chapter_id = _unique(chapter_id, used_ids)
    title = Clause(chapter_id, ClauseKind.CHAPTER_TITLE, heading.line.text, heading.line.span, clause_chapter, 0, 0)
    first_section = next((i for i, block in enumerate(blocks) if block.kind == "section"), len(blocks))
    intro_pieces = [split_sentences(block.line) for block in blocks[:first_section]]
    runs = list(_runs(blocks[first_section:], "section"))
    closing_pieces = []
    if runs:
        start, body = runs[-1]
        closing_at = next((i for i, block in enumerate(body) if patterns.ADDRESS.match(block.line.text)), len(body))
        runs[-1] = (start, body[:closing_at])
        closing_pieces = [split_sentences(block.line) for block in body[closing_at:]]
    prefix = f"{chapter_id}-0"
    intro = _paragraphs(intro_pieces, prefix, clause_chapter, 0, used_ids)
    sections = [_section(chapter_id, clause_chapter, start, body, used_ids) for start, body in runs]
    closing = _paragraphs(closing_pieces, prefix, clause_chapter, 0, used_ids, _count(intro) + 1)
    return Chapter(chapter_id, number, title, tuple(intro), tuple(sections), tuple(closing))


def _section(chapter_id: str, chapter: int, start: _Block, blocks, used_ids: set[str]) -> Section:
    """A section: the first sentence of its opening line is the heading, the rest its body."""
    section_id = _unique(f"{chapter_id}-{start.number}", used_ids)
    sentences = split_sentences(start.line)
    heading_text, heading_span = sentences[0]
    heading = Clause(section_id, ClauseKind.SECTION_HEADING, heading_text, heading_span, chapter, start.number, 0)
    pieces = [sentences[1:]] if len(sentences) > 1 else []
    pieces.extend(split_sentences(block.line) for block in blocks)
    paragraphs = _paragraphs(pieces, section_id, chapter, start.number, used_ids)
    return Section(section_id, start.number, heading, tuple(paragraphs))


def _paragraphs(pieces, prefix: str, chapter: int, section: int, used_ids: set[str], first: int = 1) -> list[Paragraph]:
    """Paragraphs of sentence clauses numbered consecutively across paragraphs, tagged with their role."""
    paragraphs = []
    number = first - 1
    for sentences in pieces:
        clauses = []
        for text, span in sentences:
            number += 1
            clause_id = _unique(f"{prefix}-{number}", used_ids)
            clauses.append(Clause(clause_id, ClauseKind.SENTENCE, text, span, chapter, section, number))
        paragraphs.append(Paragraph(tuple(clauses), _role("".join(clause.text for clause in clauses))))
    return paragraphs


def _count(paragraphs: list[Paragraph]) -> int:
    """How many clauses the paragraphs hold."""
    return sum(len(paragraph.clauses) for paragraph in paragraphs)


def opens_main_targets(text: str) -> bool:
    """Whether a text opens the statement of this year's main targets (主要预期目标是：, 主要目标为：…),
    not of goals for several years (“十五五”时期…主要目标是：)."""
    for match in patterns.MAIN_TARGETS.finditer(text):
        sentence_start = max(text.rfind(mark, 0, match.start()) for mark in patterns.SENTENCE_ENDERS) + 1
        if not patterns.SEVERAL_YEARS.search(text, sentence_start, match.start()):
            return True
    return False


def _role(text: str) -> str:
    """What a paragraph states, when it is one of the plan's landmarks: the main targets, the general requirements."""
    if opens_main_targets(text):
        return "main-targets"
    if patterns.GENERAL_REQUIREMENTS.search(text):
        return "general-requirements"
    return ""


def _unique(candidate: str, used_ids: set[str]) -> str:
    """The candidate ID, or (when the numbering repeats) the first free ``candidate`` + b, c… z, aa…"""
    identifier = candidate
    if identifier in used_ids:
        identifier = next(candidate + suffix for suffix in ID_SUFFIXES[1:] if candidate + suffix not in used_ids)
    used_ids.add(identifier)
    return identifier
