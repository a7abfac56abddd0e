"""Outline: what a five-year outline's targets say beyond an annual plan's.

- The main-indicators table (专栏1 “十五五”时期经济社会发展主要指标): a target per row, with its
  category (经济发展), base (5.3 in 2025; 60.6* a base of the year its notes name), target (65 in
  2030, or the 年均/累计 column's >7 or 〔17〕), how it counts (in its year, yearly average,
  cumulative), and attribute (预期性, 约束性).
- Targets in the prose: each is for the year its sentence names (到2035年…), else the outline's last
  year; counted yearly (年均增长7%以上), cumulatively (累计降低…, a reduction stated for the period:
  降低17%), else as the level reached; results the outline reviews (“十四五”时期…取得重大成就, or dated
  before its period) are no targets.
- Its main targets: the table's rows, else the targets of its 主要目标 chapter.
- Its boxes' items (01　新一代人工智能) as projects, in a category the box's title names.
"""

from dataclasses import replace

from generator import data, patterns
from generator.extract.indicators import indicator_key, target_kind
from generator.model import (
    Accumulation,
    Attribute,
    Box,
    Clause,
    ClauseKind,
    ColumnRole,
    Comparator,
    CuratedEntry,
    Document,
    Indicator,
    Level,
    Plan,
    Table,
    TableRow,
    iter_clauses,
)

# The 第N个五年 plans: the third (after three years of readjustment) began in 1966, one every five years since.
THIRD_PLAN_START = 1966
PLAN_YEARS = 5
CHINESE_DIGITS = "〇一二三四五六七八九"
SIGNS = {">": Comparator.MORE_THAN, "＞": Comparator.MORE_THAN, "≥": Comparator.AT_LEAST, "⩾": Comparator.AT_LEAST,
         "<": Comparator.AT_MOST, "＜": Comparator.AT_MOST, "≤": Comparator.AT_MOST, "⩽": Comparator.AT_MOST}  # fmt: skip
WORDS = {"左右": Comparator.ABOUT, "以上": Comparator.AT_LEAST, "以下": Comparator.AT_MOST, "以内": Comparator.AT_MOST}
ATTRIBUTES = {"预期性": Attribute.EXPECTED, "约束性": Attribute.BINDING}
# Heading kinds by level, outermost first: a heading's part of the text runs to the next heading of
# its level or above.
HEADING_LEVELS = {level.heading_kind: rank for rank, level in enumerate(Level)}
# An item's name in a box is at most this long (01　新一代人工智能); longer first lines are sentences.
PROJECT_NAME = 20


def period_name(start: int, end: int) -> str:
    """A period as readers name it: “十五五” for 2026–2030; 2031—2035年 for one no plan's number fits."""
    number, rest = divmod(start - THIRD_PLAN_START, PLAN_YEARS)
    if rest or number < 0 or end - start != PLAN_YEARS - 1:
        return f"{start}—{end}年"
    return f"“{_numeral(number + 3)}五”"


def _numeral(number: int) -> str:
    """A number below 100 in Chinese numerals: 15 → 十五, 20 → 二十."""
    tens, ones = divmod(number, 10)
    return (("" if tens == 1 else CHINESE_DIGITS[tens]) + "十" if tens else "") + (CHINESE_DIGITS[ones] if ones or not tens else "")


def outline_indicators(document: Document, found: tuple[Indicator, ...], period: tuple[int, int]) -> tuple[Indicator, ...]:
    """An outline's targets: those found in its prose, each dated (its year, the period it covers
    (read/metadata.py), how it counts) — without the results it reviews — and a target per row of
    its main-indicators table; in document order."""
    reviewed = _reviewed_clauses(document)
    clauses = {clause.id: clause for clause in iter_clauses(document)}
    previous = period_name(period[0] - PLAN_YEARS, period[1] - PLAN_YEARS).strip("“”")
    dated = []
    for indicator in found:
        clause = clauses.get(indicator.clause)
        if clause is None or clause.id in reviewed or _looks_back(clause.text, previous):
            continue
        target = _dated(indicator, clause, period)
        if target.year >= period[0]:
            dated.append(target)
    rows = [target for box in document.boxes if box.table for target in _table_targets(box, period)]
    order = {clause_id: position for position, clause_id in enumerate(clauses)}
    return tuple(sorted((*dated, *rows), key=lambda target: (order.get(target.clause, 0), target.start)))


def outline_main_targets(plan: Plan) -> tuple[Indicator, ...]:
    """An outline's main targets: its main-indicators table's rows, else the targets of the part of
    its text headed 主要目标 (the chapter stating its goals)."""
    rows = {row.clause.id for box in plan.document.boxes if box.table for row in box.table.rows}
    if rows & {indicator.clause for indicator in plan.indicators}:
        return tuple(indicator for indicator in plan.indicators if indicator.clause in rows)
    stated = _clauses_under(plan.document, patterns.OUTLINE_MAIN_TARGETS)
    return tuple(indicator for indicator in plan.indicators if indicator.clause in stated)


def box_projects(document: Document) -> tuple[CuratedEntry, ...]:
    """The items of the document's boxes as projects (01　新一代人工智能 → 新一代人工智能), each in the
    category its box's title names (科技创新重大工程 → science; data/box_categories.yml)."""
    entries = []
    for box in document.boxes:
        category = _category(box)
        for paragraph in box.items:
            item = paragraph.clauses[0]
            if item.kind is not ClauseKind.BOX_ITEM:
                continue
            name = _item_name(item.text)
            if name:
                entries.append(CuratedEntry(name, category))
    return tuple(dict.fromkeys(entries))


# --- The table ----------------------------------------------------------------------------------


def _table_targets(box: Box, period: tuple[int, int]) -> list[Indicator]:
    """A target per row of a box's table that names an indicator."""
    table = box.table
    star_year = _star_year(box)
    targets = []
    for row in table.rows:
        target = _row_target(row, table, period, star_year)
        if target is not None:
            targets.append(target)
    return targets


def _row_target(row: TableRow, table: Table, period: tuple[int, int], star_year: int) -> Indicator | None:
    """A row as a target: its indicator's name and unit, base, target value and how it counts, attribute."""
    cell = {role: row.clause.text[start:end] for role, (start, end) in zip(table.columns, row.cells)}
    offsets = dict(zip(table.columns, row.cells))
    named = patterns.INDICATOR_CELL.match(cell.get(ColumnRole.INDICATOR, ""))
    if not named or not named["name"]:
        return None
    name = named["name"].strip()
    base_year = table.base_year or (period[0] - 1 if period[0] else 0)
    target_year = table.target_year or period[1]
    start_year = base_year + 1 if table.base_year else period[0]
    role = _target_column(cell)
    if role is None:
        return None
    written = cell[role]
    value = patterns.TABLE_VALUE.match(written)
    unit_cell = cell.get(ColumnRole.UNIT, "")
    unit = named["unit"] or ("" if patterns.EMPTY_CELL.match(unit_cell) else unit_cell) or (value["unit"] if value and value["unit"] else "")
    base = patterns.TABLE_VALUE.match(cell.get(ColumnRole.BASE, ""))
    start, end = offsets[role]
    attribute = patterns.INDICATOR_ATTRIBUTE.match(cell.get(ColumnRole.ATTRIBUTE, ""))
    comparator, number, low, high = _value(value)
    return Indicator(
        id=f"{row.clause.id}-t1",
        name=name,
        value=number,
        unit=unit,
        comparator=comparator,
        kind=target_kind(name, name, unit),
        clause=row.clause.id,
        text=written,
        start=start,
        end=end,
        headline=True,
        low=low,
        high=high,
        key=indicator_key(patterns.LATIN_ASIDE.sub("", name), unit, True),
        year=target_year,
        period_start=start_year,
        period_end=target_year,
        base=base["value"] if base else "",
        base_year=(star_year or base_year) if base and base["star"] else (base_year if base else 0),
        accumulation=_accumulation(role, value, table),
        attribute=ATTRIBUTES[attribute["attribute"]] if attribute else None,
        category=row.category,
    )


def _target_column(cell: dict[ColumnRole, str]) -> ColumnRole | None:
    """The column holding a row's target: the target year's with a number, else 年均/累计's with a
    number, else the first of them with words (保持在合理区间…); None when both are empty."""
    filled = [role for role in (ColumnRole.TARGET, ColumnRole.SPAN) if not patterns.EMPTY_CELL.match(cell.get(role, ""))]
    numbered = [role for role in filled if patterns.TABLE_VALUE.match(cell[role])]
    return (numbered or filled or [None])[0]


def _value(value) -> tuple[Comparator, str, str, str]:
    """A value cell's comparator, number (or a range's ends); EXACT and no number for words."""
    if value is None:
        return Comparator.EXACT, "", "", ""
    if value["high"]:
        return Comparator.RANGE, "", value["value"], value["high"]
    comparator = SIGNS.get(value["sign"] or "") or WORDS.get(value["word"] or "") or Comparator.EXACT
    return comparator, value["value"], "", ""


def _accumulation(role: ColumnRole, value, table: Table) -> Accumulation:
    """How a row's target counts: in its year (the target year's column), else over the period —
    cumulative where brackets mark it (〔17〕) or the column says 累计 alone, else the yearly average."""
    if role is ColumnRole.TARGET:
        return Accumulation.IN_YEAR
    if value is not None and value["open"]:
        return Accumulation.CUMULATIVE
    head = table.head
    span = next((head.clause.text[start:end] for role_, (start, end) in zip(table.columns, head.cells) if role_ is ColumnRole.SPAN), "") if head else ""
    return Accumulation.CUMULATIVE if "累计" in span and "年均" not in span else Accumulation.ANNUAL_AVERAGE


def _star_year(box: Box) -> int:
    """The year a box's notes give the bases marked with a star (②带*的为2024年数据), 0 if none."""
    for paragraph in box.notes:
        for clause in paragraph.clauses:
            match = patterns.STAR_YEAR_NOTE.search(clause.text)
            if match:
                return int(match["year"])
    return 0


# --- The prose -----------------------------------------------------------------------------------


def _dated(indicator: Indicator, clause: Clause, period: tuple[int, int]) -> Indicator:
    """A target of the prose with its year (the last one its sentence names before it, not a base
    of comparison: 比2020年), the period, and how it counts."""
    before = clause.text[: indicator.start]
    years = [int(match["year"]) for match in patterns.YEAR.finditer(before) if not match["base"]]
    year = years[-1] if years else period[1]
    phrase_start = max((match.end() for match in patterns.PHRASE_BREAK.finditer(clause.text, 0, indicator.start)), default=0)
    phrase = clause.text[phrase_start : indicator.end]
    if patterns.ANNUAL_AVERAGE.search(phrase):
        accumulation = Accumulation.ANNUAL_AVERAGE
    elif patterns.CUMULATIVE.search(phrase) or (patterns.REDUCTION.search(phrase) and patterns.RATE_UNIT.search(indicator.unit)):
        accumulation = Accumulation.CUMULATIVE
    else:
        accumulation = Accumulation.IN_YEAR
    return replace(indicator, year=year, period_start=period[0], period_end=period[1], accumulation=accumulation)


def _reviewed_clauses(document: Document) -> set[str]:
    """The clauses of the parts of the text reviewing past work (“十四五”时期我国发展取得重大成就, 发展基础)."""
    return _clauses_under(document, patterns.OUTLINE_REVIEW)


def _looks_back(text: str, previous: str) -> bool:
    """Whether a sentence reports on the period before the outline's: “十四五”时期，… / 过去五年，…"""
    opening = patterns.LOOKING_BACK.match(text)
    return bool(opening and (opening["period"] is None or opening["period"] == previous))


def _clauses_under(document: Document, heading) -> set[str]:
    """The clauses under a heading matching ``heading``, to the next heading of its level or above."""
    found: set[str] = set()
    level = None
    for clause in iter_clauses(document):
        rank = HEADING_LEVELS.get(clause.kind)
        if rank is not None:
            if level is not None and rank <= level:
                level = None
            if level is None and heading.search(clause.text):
                level = rank
                continue
        if level is not None:
            found.add(clause.id)
    return found


# --- Boxes' items as projects --------------------------------------------------------------------


def _item_name(text: str) -> str:
    """An item's name: its words after the marker, up to a colon or the end of its first phrase;
    "" for an item that is a sentence rather than a name."""
    marker = patterns.BOX_ITEM_MARKER.match(text)
    words = text[marker.end() :] if marker else text
    name = patterns.ITEM_NAME_END.split(words, maxsplit=1)[0].strip()
    if not name or len(name) > PROJECT_NAME or len(name) < 2:
        return ""
    return name


def _category(box: Box) -> str:
    """The project category a box's title names (科技创新重大工程 → science), else other."""
    for category, words in data.box_categories().items():
        if any(word in box.title.text for word in words):
            return category
    return "other"
