"""Boxes: the 专栏 boxes an outline sets apart from its text, lifted out of the text's lines.

A box opens with its title line (专栏2　科技创新重大工程, or 专栏2 with its title on the next line)
and runs until the text resumes: at a heading (第三节…, 一、…), at the next box, at the end of the
Markdown quote holding it, or where its own shape ends —

- a box of numbered items (01　新一代人工智能 / 1.… / （一）… / ①…), each its line and the lines
  describing it: after its last item, whose description takes no more lines than the longest
  before it (one, for a box of one item), and any notes (注：…);
- a box holding a table (the main indicators: 类别 / 指标 / 2025年 / 2030年 / 年均/累计 / 属性):
  after its last row and its notes;
- a box of lines led by a name (京津冀：…), each an item: at the first line led otherwise;
- any other box: at the first blank line, or the next heading.

A table is read as copies carry it: Markdown pipe rows, tab- or space-separated rows, or one cell a
line (a web page's table flattened), the merged 类别 cell given once for its rows — a row of such a
copy ends at its attribute (预期性, 约束性), or after as many cells as the heading row has.

Boxes have IDs of their own (model.Box), so the text's clauses are numbered as if the box were not
there: a copy carrying its boxes and one without them cite the text alike.
"""

from dataclasses import replace

from generator import patterns
from generator.model import (
    ID_SUFFIXES,
    Box,
    Clause,
    ClauseKind,
    ColumnRole,
    Document,
    Line,
    Paragraph,
    Span,
    Table,
    TableRow,
    Warning,
    iter_clauses,
    join_lines,
    text_span,
)
from generator.read.headings import numbering_problem

# The word every box's title line holds.
BOX_WORD = "专栏"
# A box takes at most this many lines (a main-indicators table flattened a cell a line: some 150).
MAX_BOX_LINES = 400
# A title standing on the line after 专栏2 is short, like a heading.
TITLE_LINE = 40
# A cell of a table flattened one cell a line is short, and holds no sentence.
CELL_LINE = 60
# A name leading a line of a box (京津冀：…) is at most this long.
LEAD_NAME = 16
# The columns of a main-indicators table whose heading row the copy leaves out.
DEFAULT_COLUMNS = (
    ColumnRole.CATEGORY, ColumnRole.INDICATOR, ColumnRole.BASE, ColumnRole.TARGET, ColumnRole.SPAN, ColumnRole.ATTRIBUTE,
)  # fmt: skip
HEAD_ROLES = {"类别": ColumnRole.CATEGORY, "领域": ColumnRole.CATEGORY, "指标": ColumnRole.INDICATOR,
              "指标名称": ColumnRole.INDICATOR, "属性": ColumnRole.ATTRIBUTE, "指标属性": ColumnRole.ATTRIBUTE,
              "单位": ColumnRole.UNIT, "计量单位": ColumnRole.UNIT}  # fmt: skip


def lift_boxes(lines: tuple[Line, ...], text: str) -> tuple[tuple[Line, ...], tuple[Box, ...], tuple[Warning, ...]]:
    """The text's lines without its boxes, the boxes (not yet placed), and doubts about their numbering.

    ``lines``: the text's lines, one a source line, before paragraphs are joined; ``text``: the
    decoded source they lie in (a row of a flattened table is the stretch of source its cells span).
    """
    if BOX_WORD not in text:
        return lines, (), ()
    kept: list[Line] = []
    boxes: list[Box] = []
    used: set[str] = set()
    index = 0
    while index < len(lines):
        opening = _opening(lines, index) if BOX_WORD in lines[index].text else None
        if opening is None:
            kept.append(lines[index])
            index += 1
            continue
        number, title, start = opening
        end = _quote_end(lines, start, text) if _quoted(lines[index], text) else _hard_end(lines, start)
        box, stop, furniture = _box(number, title, lines, start, end, text, used)
        boxes.append(box)
        # Page furniture inside a box (a page number, an image) is left to ingest's rules.
        kept.extend(furniture)
        index = stop
    return tuple(kept), tuple(boxes), tuple(_numbering_warnings(boxes))


def place_boxes(document: Document, boxes: tuple[Box, ...]) -> Document:
    """The document with its boxes, each placed after the last clause of the text that comes before
    it, and numbered in that clause's chapter and section."""
    if not boxes:
        return document
    clauses = sorted(iter_clauses(document), key=lambda clause: clause.span.start)
    placed = []
    for box in boxes:
        before = [clause for clause in clauses if clause.span.start < box.title.span.start]
        anchor = before[-1] if before else None
        placed.append(_relabelled(box, anchor))
    return replace(document, boxes=tuple(placed))


# --- Where a box begins and ends ---------------------------------------------------------------


def _content(line: Line) -> Line | None:
    """A line without the Markdown around it (> quote, # heading, **bold**); None when nothing is left."""
    start, end = 0, len(line.text)
    lead = patterns.BOX_MARKUP_LEAD.match(line.text)
    if lead:
        start = lead.end()
    wrapped = patterns.BOX_MARKUP_WRAP.match(line.text[start:end].strip())
    if wrapped:
        offset = line.text.index(wrapped["inner"], start)
        start, end = offset, offset + len(wrapped["inner"])
    while start < end and line.text[start] in " \u3000\t":
        start += 1
    while end > start and line.text[end - 1] in " \u3000\t":
        end -= 1
    if start == end:
        return None
    if (start, end) == (0, len(line.text)):
        return line
    return Line(line.text[start:end], text_span(line, start, end))


def _furniture(text: str) -> bool:
    """Whether a line inside a box is page furniture rather than the box's: an image, a caption, a
    jump marker, a page number set between dashes (— 12 —; a bare 12 is a table's cell)."""
    return bool(patterns.BOX_PAGE_NUMBER.match(text)) or any(
        pattern.search(text) for kind, pattern in patterns.IN_TEXT_DEBRIS.items() if kind != "page-number"
    )


def _source_mark(line: Line, text: str):
    """The Markdown marks a line's source starts with (> of a quote, - of a list's item): a Markdown
    copy's marks are cut from its lines before boxes are read."""
    return patterns.BOX_SOURCE_MARK.match(text[text.rfind("\n", 0, line.span.start) + 1 : line.span.end])


def _quoted(line: Line, text: str) -> bool:
    """Whether a line stands in a Markdown quote (> …)."""
    mark = _source_mark(line, text)
    return bool(mark and mark["quote"])


def _bulleted(line: Line, text: str) -> bool:
    """Whether a line is a Markdown list's item (- …)."""
    mark = _source_mark(line, text)
    return bool(mark and mark["bullet"])


def _opening(lines: tuple[Line, ...], index: int) -> tuple[int, Line, int] | None:
    """A box's number, its title (one line, or 专栏2 and the line under it), and the index of its
    first line after the title; None when the line opens no box."""
    line = _content(lines[index])
    match = patterns.BOX_TITLE.match(line.text) if line else None
    if not match:
        return None
    number = _number(match["number"])
    if match["title"] or index + 1 >= len(lines):
        return number, line, index + 1
    following = _content(lines[index + 1])
    if following and _title_line(following.text):
        return number, join_lines(line, following), index + 2
    return number, line, index + 1


def _title_line(text: str) -> bool:
    """Whether the line under a bare 专栏2 is its title: short, no sentence, no item, cell or heading."""
    return (
        len(text) <= TITLE_LINE
        and not patterns.HAS_SENTENCE_END.search(text)
        and not _stops(text)
        and not patterns.BOX_ITEM_MARKER.match(text)
        and not _head_cell(text)
    )


def _number(written: str) -> int:
    """A box's number as written: 2, ２, 二."""
    try:
        return patterns.written_number(written.translate(FULL_WIDTH_DIGITS))
    except ValueError:
        return 0


FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _stops(text: str) -> bool:
    """Whether a line ends any box before it: a heading of the text, or the next box's title."""
    chapter = patterns.CHAPTER_HEADING.match(text)
    return bool(
        patterns.OUTLINE_HEADING.match(text)
        or patterns.BOX_TITLE.match(text)
        or (chapter and not patterns.HAS_SENTENCE_END.search(chapter["title"]))
    )


def _quote_end(lines: tuple[Line, ...], start: int, text: str) -> int:
    """The end of a box set in a Markdown quote: the first line outside the quote (or a heading)."""
    end = start
    while end < len(lines) and _quoted(lines[end], text):
        content = _content(lines[end])
        if content and _stops(content.text):
            break
        end += 1
    return end


def _hard_end(lines: tuple[Line, ...], start: int) -> int:
    """Where a box must end at the latest: the next heading or box."""
    end = start
    while end < len(lines):
        content = _content(lines[end])
        if content and _stops(content.text):
            break
        end += 1
    return end


# --- A box's parts -----------------------------------------------------------------------------


def _box(
    number: int, title: Line, lines: tuple[Line, ...], start: int, end: int, text: str, used: set[str]
) -> tuple[Box, int, list[Line]]:
    """A box from its title and the lines that may be its own (``start``…``end``), the index of the
    first line after it, and the page furniture among its lines."""
    box_id = _unique(f"b{number}" if number else f"b{len(used) + 1}", used)
    heading = Clause(box_id, ClauseKind.BOX_TITLE, title.text, title.span, 0, 0, number)
    end = min(end, start + MAX_BOX_LINES)
    furniture = {index for index in range(start, end) if _furniture(lines[index].text)}
    content = [
        (index, line) for index in range(start, end) if index not in furniture and (line := _content(lines[index])) is not None
    ]
    table = _table(box_id, content, text) if _holds_table(content) else None
    if table is not None:
        box_table, used_lines = table
        items: tuple[Paragraph, ...] = ()
    else:
        box_table = None
        items, used_lines = _items(box_id, content, lines, text)
    notes, after_notes = _notes(box_id, content[used_lines:])
    stop = content[used_lines + after_notes][0] if used_lines + after_notes < len(content) else end
    box = Box(box_id, number, heading, items=items, table=box_table, notes=notes)
    return box, stop, [lines[index] for index in sorted(furniture) if index < stop]


def _items(box_id: str, content: list[tuple[int, Line]], lines: tuple[Line, ...], text: str) -> tuple[tuple[Paragraph, ...], int]:
    """A box's items, each its first line and the lines describing it, and how many lines they take."""
    styles = {index: _style(line.text) or ("bullet" if _bulleted(lines[index], text) else "") for index, line in content}
    style = next((styles[index] for index, _ in content if styles[index]), "")
    if style:
        groups = _marked_groups(content, style, styles)
    elif content and _lead_name(content[0][1].text):
        groups = []
        for _, line in content:
            if not _lead_name(line.text) or patterns.BOX_NOTE.match(line.text):
                break
            groups.append([line])
    else:
        groups = []
        previous = None
        for index, line in content:
            if patterns.BOX_NOTE.match(line.text) or (previous is not None and _blank_between(lines, previous, index)):
                break
            groups.append([line])
            previous = index
    used_lines = sum(len(group) for group in groups)
    paragraphs = []
    taken: set[str] = set()
    first_styles = {id(line): styles[index] for index, line in content}
    for position, group in enumerate(groups, start=1):
        marker = patterns.BOX_ITEM_MARKER.match(group[0].text) if style else None
        number = _item_number(marker) if marker else 0
        if style and first_styles[id(group[0])] != style:
            paragraphs.append(_sentences(group, f"{box_id}-0-", ClauseKind.SENTENCE, taken))
            continue
        item_id = _unique(f"{box_id}-{number or position}", taken)
        paragraphs.append(_item(group, item_id, number or position, taken))
    return tuple(paragraphs), used_lines


def _marked_groups(content: list[tuple[int, Line]], style: str, styles: dict[int, str]) -> list[list[Line]]:
    """The lines of a box of numbered items, grouped by item (a lead before the first, if any): an
    item's description runs to the next item; the last one's takes at most as many lines as the
    longest description before it (one, when it is the only item), then notes, then the text resumes."""
    groups: list[list[Line]] = []
    firsts: list[bool] = []
    for index, line in content:
        if styles[index] == style or not groups:
            groups.append([line])
            firsts.append(styles[index] == style)
        else:
            groups[-1].append(line)
    marked = [group for group, is_item in zip(groups, firsts) if is_item]
    if not marked:
        return groups[:1]
    last = groups[-1]
    earlier = [len(group) - 1 for group in marked[:-1]]
    allowed = max(earlier) if earlier else 1
    description = last[1:]
    kept = 0
    for line in description:
        if kept >= allowed or patterns.BOX_NOTE.match(line.text):
            break
        kept += 1
    groups[-1] = last[: 1 + kept]
    return groups


def _style(text: str) -> str:
    """Which kind of item marker opens a line (padded 01, plain 1., bracketed （一）, circled ①), or ''."""
    match = patterns.BOX_ITEM_MARKER.match(text)
    if not match:
        return ""
    return next(name for name, value in match.groupdict().items() if value)


def _item_number(marker) -> int:
    """An item's number as its marker writes it: 01 → 1, （三） → 3, ④ → 4."""
    written = marker["padded"] or marker["plain"] or marker["bracketed"]
    if written:
        return _number(written)
    return ord(marker["circled"]) - ord("①") + 1 if marker["circled"] else 0


def _lead_name(text: str) -> bool:
    """Whether a line is led by a name and a colon, as an item of a box can be: 京津冀：…"""
    colon = min((position for position in (text.find("："), text.find(":")) if position > 0), default=-1)
    return 0 < colon <= LEAD_NAME and not patterns.PHRASE_BREAK.search(text[:colon])


def _blank_between(lines: tuple[Line, ...], previous: int, index: int) -> bool:
    """Whether a blank line stands between two of the text's lines."""
    return lines[index].span.line - _last_line(lines[previous]) > 1


def _last_line(line: Line) -> int:
    """The source line a (joined) line ends on."""
    return line.joins[-1].line if line.joins else line.span.line


def _item(group: list[Line], item_id: str, number: int, taken: set[str]) -> Paragraph:
    """An item: its line's first sentence (01　新一代人工智能) is the item, the rest its sentences."""
    pieces = [_split(line) for line in group]
    first_text, first_span = pieces[0][0]
    clauses = [Clause(item_id, ClauseKind.BOX_ITEM, first_text, first_span, 0, 0, number)]
    sequence = 0
    for text, span in (*pieces[0][1:], *(piece for line_pieces in pieces[1:] for piece in line_pieces)):
        sequence += 1
        clauses.append(Clause(_unique(f"{item_id}-{sequence}", taken), ClauseKind.SENTENCE, text, span, 0, 0, sequence))
    return Paragraph(tuple(clauses), "box-item")


def _sentences(group: list[Line], prefix: str, kind: ClauseKind, taken: set[str]) -> Paragraph:
    """Lines of a box as one paragraph of sentences, numbered after ``prefix`` (b2-0-1…, b1-n1…)."""
    pieces = (piece for line in group for piece in _split(line))
    clauses = tuple(
        Clause(_unique(f"{prefix}{number}", taken), kind, text, span, 0, 0, number)
        for number, (text, span) in enumerate(pieces, start=1)
    )
    return Paragraph(clauses, "box-note" if kind is ClauseKind.BOX_NOTE else "box-lead")


def _split(line: Line) -> tuple[tuple[str, Span], ...]:
    """A line's sentences and their spans (as the parser splits a paragraph)."""
    return tuple((match.group(), text_span(line, match.start(), match.end())) for match in patterns.SENTENCE.finditer(line.text))


def _notes(box_id: str, content: list[tuple[int, Line]]) -> tuple[tuple[Paragraph, ...], int]:
    """The notes opening ``content`` (注：…, then ①… lines), and how many lines they take."""
    lines = []
    for _, line in content:
        if not patterns.BOX_NOTE.match(line.text):
            break
        lines.append(line)
    if not lines:
        return (), 0
    taken: set[str] = set()
    return (_sentences(lines, f"{box_id}-n", ClauseKind.BOX_NOTE, taken),), len(lines)


# --- A box's table -----------------------------------------------------------------------------


def _holds_table(content: list[tuple[int, Line]]) -> bool:
    """Whether a box holds a main-indicators table: a heading row of 指标, years, 属性…, or rows
    ending in an attribute (预期性, 约束性)."""
    head = 0
    for _, line in content[:8]:
        cells = _cell_texts(line.text)
        if sum(1 for cell in cells if _head_cell(cell)) >= 3:
            return True
        if len(cells) == 1 and _head_cell(cells[0]):
            head += 1
            if head >= 3:
                return True
    return any(patterns.INDICATOR_ATTRIBUTE.match(cell) for _, line in content for cell in _cell_texts(line.text)[-1:])


def _cell_texts(text: str) -> list[str]:
    """A line's cells' texts."""
    return [text[start:end] for start, end in _cells(text)]


def _cells(text: str) -> list[tuple[int, int]]:
    """Where a line's cells lie: between pipes (Markdown), tabs, or runs of spaces; a lone number
    (1.) joined to the name after it."""
    if patterns.PIPE_ROW.match(text):
        bounds = _split_at(text, "|")
        if text.startswith("|"):
            bounds = bounds[1:]
        if text.endswith("|"):
            bounds = bounds[:-1]
    elif "\t" in text:
        bounds = _split_at(text, "\t")
    else:
        bounds = []
        position = 0
        for space in patterns.CELL_SPACE.finditer(text):
            bounds.append((position, space.start()))
            position = space.end()
        bounds.append((position, len(text)))
    cells = [_trimmed(text, start, end) for start, end in bounds]
    merged: list[tuple[int, int]] = []
    for start, end in cells:
        if merged and patterns.BOX_ITEM_MARKER.fullmatch(text[merged[-1][0] : merged[-1][1]]) and end > start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _split_at(text: str, separator: str) -> list[tuple[int, int]]:
    """The stretches of text between separators."""
    bounds = []
    position = 0
    while True:
        found = text.find(separator, position)
        if found < 0:
            bounds.append((position, len(text)))
            return bounds
        bounds.append((position, found))
        position = found + 1


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A stretch without the spaces at either end."""
    while start < end and text[start] in " \u3000\t":
        start += 1
    while end > start and text[end - 1] in " \u3000\t":
        end -= 1
    return start, end


def _table(box_id: str, content: list[tuple[int, Line]], text: str) -> tuple[Table, int] | None:
    """A box's table and how many of its lines it takes: the heading row, then rows, up to the
    first line that is no row (notes, or the text resuming). Markdown's separator row (|---|) is
    markup, taken with the table."""
    lines = [line for _, line in content]
    position = 0
    head_cells: list[tuple[Line, int, int]] = []
    first_cells = _cells(lines[0].text) if lines else []
    if len(first_cells) > 1 and sum(1 for start, end in first_cells if _head_cell(lines[0].text[start:end])) >= 3:
        # The heading row on one line …
        head_cells = [(lines[0], start, end) for start, end in first_cells]
        position = 1
    else:
        # … or flattened, a heading cell a line.
        while position < len(lines) and len(_cells(lines[position].text)) == 1 and _head_cell(lines[position].text):
            head_cells.append((lines[position], 0, len(lines[position].text)))
            position += 1
        if len(head_cells) < 3:
            head_cells, position = [], 0
    columns, base_year, target_year = _columns([line.text[start:end] for line, start, end in head_cells])
    head = _row(f"{box_id}-0", ClauseKind.TABLE_HEAD, head_cells, text, 0) if head_cells else None
    rows: list[TableRow] = []
    category = ""
    while position < len(lines):
        if patterns.PIPE_SEPARATOR.match(lines[position].text):
            position += 1
            continue
        found = _next_row(lines, position, columns)
        if found is None:
            break
        cells, position = found
        row = _aligned(_row(f"{box_id}-{len(rows) + 1}", ClauseKind.TABLE_ROW, cells, text, len(rows) + 1), columns, category)
        category = row.category
        rows.append(row)
    if not rows:
        return None
    return Table(head, tuple(rows), columns, base_year, target_year), position


def _columns(head: list[str]) -> tuple[tuple[ColumnRole, ...], int, int]:
    """Each column's role from the heading row's cells, and the years of the base and target columns."""
    if not head:
        return DEFAULT_COLUMNS, 0, 0
    roles = []
    years = []
    for cell in head:
        match = _head_cell(cell)
        if match and match["year"]:
            years.append(int(match["year"]))
            roles.append(ColumnRole.BASE if len(years) == 1 else ColumnRole.TARGET)
        elif match and match["span"]:
            roles.append(ColumnRole.SPAN)
        else:
            roles.append(HEAD_ROLES.get(_squeezed(cell), ColumnRole.OTHER))
    return tuple(roles), years[0] if years else 0, years[1] if len(years) > 1 else 0


def _head_cell(text: str):
    """A heading cell's match (类别, 指标, 2025年, 年均/累计, 属性…), spaces inside it ignored (类　别)."""
    return patterns.TABLE_HEAD_CELL.match(_squeezed(text))


def _squeezed(text: str) -> str:
    """Text without spaces: 类　别 → 类别."""
    return patterns.CELL_SPACE.sub("", text)


def _next_row(lines: list[Line], position: int, columns: tuple[ColumnRole, ...]) -> tuple[list[tuple[Line, int, int]], int] | None:
    """The cells of the row starting at ``position`` and the position after it; None when no row starts there.

    A line of several cells is a row; lines of one cell each (a flattened table) make a row up to
    its attribute cell, or as many cells as the table has columns (one fewer where the merged
    类别 cell is left out)."""
    line = lines[position]
    if patterns.BOX_NOTE.match(line.text) or _stops(line.text):
        return None
    cells = _cells(line.text)
    if len(cells) > 1:
        found = [(line, start, end) for start, end in cells]
        return (found, position + 1) if _is_row([line.text[start:end] for start, end in cells], columns) else None
    found = []
    index = position
    while index < len(lines):
        candidate = lines[index]
        if len(_cells(candidate.text)) > 1 or not _cell_line(candidate.text) or (found and patterns.BOX_NOTE.match(candidate.text)):
            break
        found.append((candidate, 0, len(candidate.text)))
        index += 1
        texts = [cell.text[start:end] for cell, start, end in found]
        if ColumnRole.ATTRIBUTE in columns:
            if patterns.INDICATOR_ATTRIBUTE.match(candidate.text):
                return (found, index) if _is_row(texts, columns) else None
        elif len(found) >= len(columns) - 1 and _is_row(texts, columns) and (
            len(found) == len(columns) or index >= len(lines) or _indicator_like(lines[index].text)
        ):
            return found, index
    return None


def _cell_line(text: str) -> bool:
    """Whether a line can be one cell of a flattened table: short, holding no sentence."""
    return len(text) <= CELL_LINE and not patterns.HAS_SENTENCE_END.search(text)


def _indicator_like(text: str) -> bool:
    """Whether a cell names an indicator: numbered (1.…) or ending in its unit (（%）)."""
    match = patterns.INDICATOR_CELL.match(text)
    return bool(match and (match["number"] or match["unit"])) and not _value_like(text)


def _value_like(text: str) -> bool:
    """Whether a cell holds a value: a number (5.3, >7, 〔13.5〕) or nothing (—)."""
    return bool(patterns.TABLE_VALUE.match(text) or patterns.EMPTY_CELL.match(text))


def _is_row(texts: list[str], columns: tuple[ColumnRole, ...]) -> bool:
    """Whether cells make a row of the table: as many as its columns (or one fewer, 类别 left out),
    an indicator among them, and no heading word."""
    if not (len(columns) - 1 <= len(texts) <= len(columns) + 2):
        return False
    if ColumnRole.ATTRIBUTE in columns and not patterns.INDICATOR_ATTRIBUTE.match(texts[-1]):
        return False
    return any(text and not _value_like(text) and not patterns.INDICATOR_ATTRIBUTE.match(text) for text in texts)


def _row(row_id: str, kind: ClauseKind, cells: list[tuple[Line, int, int]], text: str, number: int) -> TableRow:
    """A row (or the heading row) as a clause: the source from its first filled cell to its last,
    verbatim (a flattened row's line breaks included, page furniture between its cells skipped),
    and each cell's place in it (an empty cell outside that stretch at its edge)."""
    filled = [cell for cell in cells if cell[2] > cell[1]] or cells
    spans = [text_span(line, start, end) for line, start, end in filled]
    pieces = [[spans[0].start, spans[0].end]]
    for span in spans[1:]:
        for skip_start, skip_end in _furniture_between(text, pieces[-1][1], span.start):
            pieces[-1][1] = skip_start
            pieces.append([skip_end, skip_end])
        pieces[-1][1] = span.end
    line = Line(text[pieces[0][0] : pieces[0][1]], Span(pieces[0][0], pieces[0][1], spans[0].line))
    for start, end in pieces[1:]:
        line = join_lines(line, Line(text[start:end], Span(start, end, spans[0].line)))
    clause = Clause(row_id, kind, line.text, text_span(line, 0, len(line.text)), 0, 0, number)
    offsets = []
    for cell_line, cell_start, cell_end in cells:
        cell = text_span(cell_line, cell_start, cell_end)
        edge = min(max(_offset(line, cell.start), 0), len(clause.text))
        offsets.append((edge, edge + cell.end - cell.start) if cell.end > cell.start else (edge, edge))
    return TableRow(clause, tuple(offsets))


def _furniture_between(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The source lines between two cells that are page furniture (— 5 —), each from its start to
    the start of the next line."""
    found = []
    position = start
    while position < end:
        line_end = text.find("\n", position, end)
        line_end = end if line_end < 0 else line_end + 1
        if _furniture(text[position:line_end].strip()):
            found.append((position, line_end))
        position = line_end
    return found


def _offset(line: Line, source: int) -> int:
    """Where a source position falls in a (joined) line's text."""
    skipped = 0
    for join in line.joins:
        if line.span.start + join.at + skipped + join.skip <= source:
            skipped += join.skip
    return source - line.span.start - skipped


def _aligned(row: TableRow, columns: tuple[ColumnRole, ...], category: str) -> TableRow:
    """A row with one cell per column. A row one cell short has left out its 类别 (a merged cell,
    flattened): it is empty there, and the category above carries down. A row with more cells than
    columns has its indicator's name broken by spaces: the cells right of the indicator are taken
    from the right, those left of it from the left, and what is between is the indicator's."""
    cells = list(row.cells)
    text = row.clause.text
    width = len(columns)
    if len(cells) == width - 1 and ColumnRole.CATEGORY in columns:
        at = columns.index(ColumnRole.CATEGORY)
        edge = cells[at][0] if at < len(cells) else len(text)
        cells.insert(at, (edge, edge))
    elif len(cells) != width and ColumnRole.INDICATOR in columns:
        indicator = columns.index(ColumnRole.INDICATOR)
        right = width - indicator - 1
        left, middle = cells[:indicator], cells[indicator : len(cells) - right]
        if middle:
            cells = [*left, (middle[0][0], middle[-1][1]), *cells[len(cells) - right :]]
    cells = (cells + [(len(text), len(text))] * width)[:width]
    if ColumnRole.CATEGORY in columns:
        category = text[slice(*cells[columns.index(ColumnRole.CATEGORY)])] or category
    return replace(row, cells=tuple(cells), category=category)


# --- Placing and numbering -----------------------------------------------------------------------


def _relabelled(box: Box, anchor: Clause | None) -> Box:
    """A box placed after ``anchor``: its clauses carry the chapter and section they stand in."""
    chapter, section = (anchor.chapter, anchor.section) if anchor else (0, 0)

    def moved(clause: Clause) -> Clause:
        return replace(clause, chapter=chapter, section=section)

    def paragraphs(old: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
        return tuple(replace(paragraph, clauses=tuple(map(moved, paragraph.clauses))) for paragraph in old)

    table = box.table
    if table is not None:
        head = replace(table.head, clause=moved(table.head.clause)) if table.head else None
        table = replace(table, head=head, rows=tuple(replace(row, clause=moved(row.clause)) for row in table.rows))
    return replace(
        box,
        title=moved(box.title),
        items=paragraphs(box.items),
        table=table,
        notes=paragraphs(box.notes),
        after=anchor.id if anchor else "",
    )


def _numbering_warnings(boxes: list[Box]):
    """Gaps, repeats and disorder in the boxes' numbers."""
    previous = 0
    for box in boxes:
        problem = numbering_problem(previous, box.number) if box.number else ""
        if problem:
            yield Warning(box.title.span.line, f"box {problem}: {box.title.text[:20]}")
        previous = box.number or previous


def _unique(candidate: str, used: set[str]) -> str:
    """The candidate ID, or (when a number repeats) the first free ``candidate`` + b, c…"""
    free = candidate if candidate not in used else next(candidate + suffix for suffix in ID_SUFFIXES[1:] if candidate + suffix not in used)
    used.add(free)
    return free
