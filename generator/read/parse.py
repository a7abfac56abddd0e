"""Parse: the ingested body becomes a tree of divisions and clauses with numbering-derived IDs.

The tree's levels are the genre's (generator/data/genres.yml): a report has chapters (一、) holding
sections ((一)); an outline has parts (第一篇) grouping chapters (第一章, numbered across parts),
sections (第一节) and, where it has them, items ((一)). A document takes, for each level of its
genre, the first heading shape its text uses that no level above it uses; a level it never uses
is left out.

IDs: chapter ``4``; section ``4-2``; sentence ``4-2-3`` (chapter 4, section 2, third sentence
after the heading). Section 0 holds a chapter's introductory sentences (and, numbered on, its
closing ones), chapter 0 the preamble. A part is ``p1``, its own sentences ``p1-0-1``; a chapter's
number stays its ID inside a part (numbered across parts, it names the chapter alone: ``62-4-3``).
An item is ``4-2-1`` (its section's sentences are then ``4-2-0-1``), its sentences ``4-2-1-1``.
Appendices after the last chapter are ``a1``, ``a2``…, their sentences ``a1-0-1``….
"""

import unicodedata
from dataclasses import dataclass
from enum import Enum

from generator import patterns
from generator.errors import PlanError
from generator.model import (
    ID_SUFFIXES,
    Clause,
    ClauseKind,
    ContentsEntry,
    Division,
    Document,
    GenreLevel,
    Level,
    Line,
    Paragraph,
    Source,
    Span,
    Warning,
    iter_divisions,
    text_span,
)
from generator.read.boxes import place_boxes
from generator.read.genre import genre_of_title
from generator.read.headings import (
    Heading,
    heading,
    is_appendix_heading,
    numbering_problem,
)
from generator.read.ingest import contents_key, is_bare_heading

# A part whose paragraphs mostly end in a full sentence must end in one too, or it was cut short.
SENTENCE_ENDING_SHARE = 0.8
# The letter before a part's number in its ID (p1); a chapter's ID is its number alone.
ID_PREFIXES = {Level.PART: "p"}


class _BlockKind(Enum):
    """What a body paragraph is: a division's heading, an appendix's heading, or running text."""

    HEADING = "heading"
    APPENDIX = "appendix"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class _Block:
    """A body paragraph classified; a heading with its level (an index into the document's levels) and number."""

    kind: _BlockKind
    line: Line
    level: int = -1
    number: int = 0


@dataclass(frozen=True, slots=True)
class _Tree:
    """What building a tree needs to know: the document's levels and the IDs given out so far."""

    levels: tuple[GenreLevel, ...]
    used_ids: set


def parse_plan(source: Source) -> Document:
    """The document tree of an ingested plan."""
    genre = genre_of_title(source.title, source.front.heading)
    found = tuple(heading(line.text) for line in source.body)
    levels = _document_levels(genre.levels, found)
    chapter_level = next(index for index, level in enumerate(levels) if level.level is Level.CHAPTER)
    blocks = tuple(_classify(line, shape, levels) for line, shape in zip(source.body, found))
    inferred: list[Warning] = []
    if not any(_heads_page(block, chapter_level) for block in blocks):
        blocks, inferred = _unnumbered_chapters(blocks, chapter_level)
    first_chapter = next((i for i, block in enumerate(blocks) if _heads_page(block, chapter_level)), None)
    if first_chapter is None:
        line = source.title.span.line
        raise PlanError("no chapters found: expected headings such as 一、… or 第一章… after the title", line)
    first_appendix = next(
        (i for i in range(first_chapter, len(blocks)) if blocks[i].kind is _BlockKind.APPENDIX), len(blocks)
    )
    main = tuple(block if block.kind is not _BlockKind.APPENDIX else _text(block) for block in blocks[:first_appendix])
    appendix_blocks = tuple(
        block
        if (block.kind is _BlockKind.HEADING and block.level > chapter_level)
        or (block.kind is _BlockKind.APPENDIX and blocks[index - 1].kind is not _BlockKind.APPENDIX)
        else _text(block)
        for index, block in enumerate(blocks[first_appendix:], start=first_appendix)
    )
    _check_complete(main, appendix_blocks, source.missing_footer, chapter_level)
    warnings = list(source.warnings) + inferred
    warnings.extend(_numbering_warnings(main[first_chapter:], levels))
    warnings.extend(warning for block in blocks if (warning := _balance_warning(block.line)))
    for block in main[:first_chapter]:
        if block.kind is _BlockKind.HEADING:
            warnings.append(Warning(block.line.span.line, f"a numbered {levels[block.level].level.value} comes before the first chapter"))
    tree = _Tree(levels, set())
    preamble = _paragraphs([split_sentences(block.line) for block in main[:first_chapter]], "0-0", (0, 0), tree)
    divisions = _forest(main[first_chapter:], "", (0, 0), tree)
    appendices = [
        _division(start, body, "", (0, 0), tree, appendix=number)
        for number, (start, body) in enumerate(_appendix_runs(appendix_blocks), start=1)
    ]
    contents = _contents(source.contents, (*divisions, *appendices))
    warnings.extend(
        Warning(entry.line.span.line, f"the contents list names a heading the text does not have: {entry.line.text[:30]}")
        for entry in contents
        if not entry.id
    )
    document = Document(
        title=source.title,
        front=source.front,
        preamble=tuple(preamble),
        divisions=tuple(divisions),
        debris=source.debris,
        warnings=tuple(sorted(warnings, key=lambda warning: warning.line)),
        appendices=tuple(appendices),
        genre=genre.name,
        levels=levels,
        contents=contents,
        contents_heading=source.contents_heading,
    )
    return place_boxes(document, source.boxes)


def split_sentences(line: Line) -> tuple[tuple[str, Span], ...]:
    """A paragraph's sentences, each with closing quotes kept, and their spans; they concatenate to it."""
    return tuple(
        (match.group(), text_span(line, match.start(), match.end())) for match in patterns.SENTENCE.finditer(line.text)
    )


def _document_levels(genre_levels: tuple[GenreLevel, ...], found: tuple[Heading | None, ...]) -> tuple[GenreLevel, ...]:
    """The levels a document has, each with the one heading shape it takes: for each of the genre's
    levels, the first of its shapes the text uses that no level above took. The chapter level is
    always there (with its first shape where the text numbers no chapter: they are then inferred)."""
    used = {item.shape for item in found if item}
    taken: set[str] = set()
    levels = []
    for level in genre_levels:
        shape = next((shape for shape in level.headings if shape.shape in used and shape.shape not in taken), None)
        if shape is None and level.level is Level.CHAPTER:
            shape = level.headings[0]
        if shape is not None:
            taken.add(shape.shape)
            levels.append(GenreLevel(level.level, (shape,), level.across))
    return tuple(levels)


def _classify(line: Line, found: Heading | None, levels: tuple[GenreLevel, ...]) -> _Block:
    """Which kind of body paragraph this is, with its level and number for headings."""
    if found:
        level = next((index for index, level in enumerate(levels) if level.headings[0].shape == found.shape), None)
        if level is not None:
            return _Block(_BlockKind.HEADING, line, level, found.number)
    if is_appendix_heading(line.text):
        return _Block(_BlockKind.APPENDIX, line)
    return _Block(_BlockKind.TEXT, line)


def _text(block: _Block) -> _Block:
    """A block read as running text."""
    return _Block(_BlockKind.TEXT, block.line)


def _heads_page(block: _Block, chapter_level: int) -> bool:
    """Whether a block heads a part or a chapter."""
    return block.kind is _BlockKind.HEADING and block.level <= chapter_level


def _unnumbered_chapters(blocks: tuple[_Block, ...], chapter_level: int) -> tuple[tuple[_Block, ...], list[Warning]]:
    """A text with no numbered chapter read as chapters headed by its bare heading lines: a short
    unpunctuated line standing alone (“十四五”时期工作回顾, 2026年工作安排), numbered in order, with a
    warning that the numbering was inferred. A bare line after which the section numbering goes on
    ((三) after (二)) is a heading inside a section, not a chapter; fewer than two make no chapters.
    """
    headings = [
        index
        for index, block in enumerate(blocks)
        if block.kind is _BlockKind.TEXT and index + 1 < len(blocks) and is_bare_heading(block.line.text)
    ]
    chapters = []
    for position, index in enumerate(headings):
        end = headings[position + 1] if position + 1 < len(headings) else len(blocks)
        section = next((block for block in blocks[index + 1 : end] if block.kind is _BlockKind.HEADING), None)
        if section is None or section.number == 1 or not chapters:
            chapters.append(index)
    if len(chapters) < 2:
        return blocks, []
    numbers = {index: number for number, index in enumerate(chapters, start=1)}
    inferred = tuple(
        _Block(_BlockKind.HEADING, block.line, chapter_level, numbers[index]) if index in numbers else block
        for index, block in enumerate(blocks)
    )
    first = blocks[chapters[0]].line
    warning = Warning(
        first.span.line,
        f"chapter headings carry no number: {len(chapters)} chapters inferred from heading lines standing alone "
        f"({first.text[:20]} …), numbered in order",
    )
    return inferred, [warning]


def _runs(blocks: tuple[_Block, ...], level: int):
    """Each heading of a level with the blocks that follow it up to the next heading of that level."""
    starts = [i for i, block in enumerate(blocks) if block.kind is _BlockKind.HEADING and block.level == level]
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(blocks)
        yield blocks[start], blocks[start + 1 : end]


def _appendix_runs(blocks: tuple[_Block, ...]):
    """Each appendix heading with the blocks that follow it up to the next one."""
    starts = [i for i, block in enumerate(blocks) if block.kind is _BlockKind.APPENDIX]
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(blocks)
        yield blocks[start], blocks[start + 1 : end]


def _check_complete(main: tuple[_Block, ...], appendices: tuple[_Block, ...], missing_footer: bool, chapter_level: int) -> None:
    """Refuse a text that stops short: after a heading, in the middle of a sentence, or before its page's footer."""
    blocks = main + appendices
    last = blocks[-1]
    if (
        _heads_page(last, chapter_level)
        or last.kind is _BlockKind.APPENDIX
        or (last.kind is _BlockKind.HEADING and len(split_sentences(last.line)) == 1)
    ):
        raise PlanError(f"the text ends with the heading {last.line.text[:20]!r}: is the file truncated?", last.line.span.line)
    if not (patterns.DOCUMENT_END.search(last.line.text) or patterns.SIGNATURE.match(last.line.text)):
        part = appendices or main
        start = max(i for i, block in enumerate(part) if _heads_page(block, chapter_level) or block.kind is _BlockKind.APPENDIX)
        texts = [block.line.text for block in part[start + 1 : -1] if block.kind is _BlockKind.TEXT]
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


def _numbering_warnings(blocks: tuple[_Block, ...], levels: tuple[GenreLevel, ...]):
    """Gaps, repeats and disorder in each level's numbers: within each parent, or across the
    document for a level numbered across its parents (an outline's chapters)."""
    previous = [0] * len(levels)
    for block in blocks:
        if block.kind is not _BlockKind.HEADING:
            continue
        yield from _sequence_warning(levels[block.level].level.value, previous[block.level], block)
        previous[block.level] = block.number
        for deeper in range(block.level + 1, len(levels)):
            if not levels[deeper].across:
                previous[deeper] = 0


def _sequence_warning(what: str, previous: int, block: _Block):
    """A warning when a number does not follow the previous one by exactly one."""
    problem = numbering_problem(previous, block.number)
    if problem:
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


def _forest(blocks: tuple[_Block, ...], parent_id: str, place: tuple[int, int], tree: _Tree) -> list[Division]:
    """The divisions of blocks that open with a heading: one per heading of the outermost level
    among them (any deeper ones before its first heading stand before it, at their own level)."""
    level = min(block.level for block in blocks if block.kind is _BlockKind.HEADING)
    first = next(i for i, block in enumerate(blocks) if block.kind is _BlockKind.HEADING and block.level == level)
    lead = _forest(blocks[:first], parent_id, place, tree) if first else []
    return lead + [_division(start, body, parent_id, place, tree) for start, body in _runs(blocks[first:], level)]


def _division(start: _Block, blocks: tuple[_Block, ...], parent_id: str, place: tuple[int, int], tree: _Tree, appendix: int = 0) -> Division:
    """A division from its heading and the blocks up to the next heading of its level: its
    introduction, then its subdivisions (the outermost level among the blocks), then, for a
    chapter, its closing (from the address to the delegates after its last section). An appendix
    (``appendix``: its number) is a chapter headed by its whole first line, with an ID of its own (a1)."""
    level = Level.CHAPTER if appendix else tree.levels[start.level].level
    if appendix:
        division_id = _unique(f"a{appendix}", tree.used_ids)
    elif level.paged:
        division_id = _unique(f"{ID_PREFIXES.get(level, '')}{start.number}", tree.used_ids)
    else:
        division_id = _unique(f"{parent_id}-{start.number}", tree.used_ids)
    chapter, section = place
    if level is Level.CHAPTER:
        chapter, section = (0 if appendix else start.number), 0
    elif level is Level.SECTION:
        section = start.number
    sentences = ((start.line.text, start.line.span),) if appendix else split_sentences(start.line)
    heading_text, heading_span = sentences[0]
    title = Clause(division_id, level.heading_kind, heading_text, heading_span, chapter, section, 0)
    child_level = min((block.level for block in blocks if block.kind is _BlockKind.HEADING), default=None)
    first_child = next(
        (i for i, block in enumerate(blocks) if block.kind is _BlockKind.HEADING and block.level == child_level), len(blocks)
    )
    runs = list(_runs(blocks[first_child:], child_level)) if child_level is not None else []
    closing_blocks: tuple[_Block, ...] = ()
    if runs and level is Level.CHAPTER:
        last, body = runs[-1]
        closing_at = next((i for i, block in enumerate(body) if patterns.ADDRESS.match(block.line.text)), len(body))
        runs[-1] = (last, body[:closing_at])
        closing_blocks = body[closing_at:]
    prefix = f"{division_id}-0" if level.paged or runs else division_id
    pieces = ([sentences[1:]] if len(sentences) > 1 else []) + [split_sentences(block.line) for block in blocks[:first_child]]
    intro = _paragraphs(pieces, prefix, (chapter, section), tree)
    children = [_division(child, body, division_id, (chapter, section), tree) for child, body in runs]
    closing = _paragraphs([split_sentences(block.line) for block in closing_blocks], prefix, (chapter, section), tree, _count(intro) + 1)
    return Division(division_id, level, appendix or start.number, title, tuple(intro), tuple(children), tuple(closing))


def _paragraphs(pieces, prefix: str, place: tuple[int, int], tree: _Tree, first: int = 1) -> list[Paragraph]:
    """Paragraphs of sentence clauses numbered consecutively across paragraphs, tagged with their role."""
    chapter, section = place
    paragraphs = []
    number = first - 1
    for sentences in pieces:
        clauses = []
        for text, span in sentences:
            number += 1
            clause_id = _unique(f"{prefix}-{number}", tree.used_ids)
            clauses.append(Clause(clause_id, ClauseKind.SENTENCE, text, span, chapter, section, number))
        paragraphs.append(Paragraph(tuple(clauses), _role("".join(clause.text for clause in clauses))))
    return paragraphs


def _contents(lines: tuple[Line, ...], divisions) -> tuple[ContentsEntry, ...]:
    """Each entry of the document's own contents list with the ID of the heading it lists ("" for
    none), matched by their words without page numbers or spaces."""
    found: dict[str, str] = {}
    for division in iter_divisions(tuple(divisions)):
        found.setdefault(_heading_key(division.heading.text), division.id)
    return tuple(ContentsEntry(line, found.get(_heading_key(line.text), "")) for line in lines)


def _heading_key(text: str) -> str:
    """A heading's words as a contents list's entry and the body are compared."""
    return unicodedata.normalize("NFKC", contents_key(text))


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
