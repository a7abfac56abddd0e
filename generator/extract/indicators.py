"""Indicators: every quantitative target of a plan, found by rules and corrected by its seeds/ curation.

A target is a number the plan commits to or expects, attached to a measurable quantity:
地区生产总值增长5%左右, 城镇新增就业18万人以上, 新建20个500千伏输变电工程 (20 个; 500千伏 only
specifies the projects). Years, ordinals (第四届), slogans (“三个离不开”) and quoted titles are not.

The rules read a clause phrase by phrase (phrases end at ，；。： and brackets; a phrase's list
items at 、). In each item the quantities that specify a thing (500千伏, 5000万株以上) are set
aside; each remaining quantity is a target, named by the counted thing after it (20个…输变电工程)
or else by the words before it, without the verbs between (粮食产量超过 → 粮食产量).
"""

import re
from dataclasses import dataclass, replace
from functools import cache

from generator import data, patterns
from generator.model import (
    Clause,
    Comparator,
    CuratedTarget,
    Document,
    DocumentKind,
    Indicator,
    IndicatorCuration,
    IndicatorKind,
    Link,
    Plan,
    Warning,
    division_paragraphs,
    iter_clauses,
    page_clauses,
    page_divisions,
)
from generator.read.parse import opens_main_targets

COMPARATOR_WORDS = {
    "左右": Comparator.ABOUT,
    "上下": Comparator.ABOUT,
    "约": Comparator.ABOUT,
    "大约": Comparator.ABOUT,
    "以上": Comparator.AT_LEAST,
    "及以上": Comparator.AT_LEAST,
    "不低于": Comparator.AT_LEAST,
    "不少于": Comparator.AT_LEAST,
    "至少": Comparator.AT_LEAST,
    "超过": Comparator.MORE_THAN,
    "高于": Comparator.MORE_THAN,
    "多于": Comparator.MORE_THAN,
    "突破": Comparator.MORE_THAN,
    "超": Comparator.MORE_THAN,
    "以内": Comparator.AT_MOST,
    "之内": Comparator.AT_MOST,
    "以下": Comparator.AT_MOST,
    "不超过": Comparator.AT_MOST,
    "不高于": Comparator.AT_MOST,
    "低于": Comparator.AT_MOST,
    "少于": Comparator.AT_MOST,
    "控制在": Comparator.AT_MOST,
}

# A name before 分别 that stands for several: 城乡居民人均可支配收入分别增长5%、6.5% → 城镇…, 农村…
LISTED_PREFIXES = {"城乡": ("城镇", "农村"), "一二三产": ("一产", "二产", "三产")}

# Names listed before 分别 that are this short take the last name's ending: 一产、二产、三产增加值.
SHORT_NAME = 4

# How each comparator is written before the number in the glossary: ≥18万人, 约5%, >840亿斤.
COMPARATOR_SIGNS = {
    Comparator.ABOUT: "约",
    Comparator.AT_LEAST: "≥",
    Comparator.MORE_THAN: ">",
    Comparator.AT_MOST: "≤",
    Comparator.EXACT: "",
    Comparator.RANGE: "",
}

# The dash a range is written with in the glossary: 5%—5.5%.
RANGE_DASH = "—"
# How a target relates to its number in plain words, as a card in the text says it: 约5%, 不低于18万人.
PLAIN_COMPARATORS = {
    Comparator.ABOUT: "约",
    Comparator.AT_LEAST: "不低于",
    Comparator.MORE_THAN: "高于",
    Comparator.AT_MOST: "不高于",
    Comparator.EXACT: "",
    Comparator.RANGE: "",
}

@dataclass(frozen=True, slots=True)
class _Quantity:
    """A number with its unit in a stretch of clause text, and the qualifier written right after it."""

    start: int
    end: int
    value: str
    unit: str
    after: str
    more: bool = False
    # A range's two ends (value is then ""): 5 and 5.5 of 5%—5.5%.
    low: str = ""
    high: str = ""


def extract_indicators(document: Document, curation: IndicatorCuration = IndicatorCuration()) -> tuple[Indicator, ...]:
    """Every quantitative target of the plan in document order, with the curation applied."""
    return curate_indicators(document, curation)[0]


def stale_curation(document: Document, curation: IndicatorCuration) -> tuple[Warning, ...]:
    """The curated entries that no longer match the plan's text (or are no longer needed)."""
    return curate_indicators(document, curation)[1]


def written_target(indicator: Indicator) -> str:
    """The target written the Chinese way: ≥18万人, 约5%, >840亿斤, 增长约5% for a growth rate."""
    if not (indicator.value or indicator.low):
        return indicator.text  # a target in words (保持在合理区间、各年度视情提出)
    change = _change_word(indicator)
    if indicator.comparator is Comparator.RANGE:
        # A rate keeps its sign on both ends (5%—5.5%); a count or amount is written once (1—2个).
        low_unit = indicator.unit if patterns.RATE_UNIT.search(indicator.unit) else ""
        return f"{change}{indicator.low}{low_unit}{RANGE_DASH}{indicator.high}{indicator.unit}"
    return f"{change}{COMPARATOR_SIGNS[indicator.comparator]}{indicator.value}{indicator.unit}"


def plain_target(indicator: Indicator) -> str:
    """The target in plain words: 约5%, 不低于18万人, 高于840亿斤, 增长介于5%和5.5%之间, 介于1个和2个之间."""
    if not (indicator.value or indicator.low):
        return indicator.text
    change = _change_word(indicator)
    if indicator.comparator is Comparator.RANGE:
        return f"{change}介于{indicator.low}{indicator.unit}和{indicator.high}{indicator.unit}之间"
    return f"{change}{PLAIN_COMPARATORS[indicator.comparator]}{indicator.value}{indicator.unit}"


def _change_word(indicator: Indicator) -> str:
    """增长 before a growth target whose name does not already say it (城镇居民人均可支配收入 → 增长约5%)."""
    return "增长" if indicator.kind is IndicatorKind.GROWTH and not patterns.GROWTH_NAME.search(indicator.name) else ""


def main_targets(plan: Plan) -> tuple[Indicator, ...]:
    """The document's main targets: per canonical indicator, the first target of its statement of
    main targets (主要预期目标) with that key, in document order. Never a result of past years: a
    main target comes from that statement only; a five-year outline has none for one year."""
    if plan.meta.kind is DocumentKind.FIVE_YEAR_PLAN:
        return ()  # an outline's targets are for its period (extract/outline.py), not for a year
    seen: set[str] = set()
    found = []
    for indicator in plan.indicators:
        if indicator.headline and indicator.key and indicator.key not in seen:
            seen.add(indicator.key)
            found.append(indicator)
    return tuple(found)


def indicator_key(name: str, unit: str, headline: bool = False) -> str:
    """The canonical key of a target's name (generator/data/indicators.yml), "" for none: 全省地区生产总值
    in % → gdp_growth. Names that say it only in a statement of main targets (经济增长5%左右) count there only."""
    for form in _name_forms(name):
        for term, statement_only in _variants().get(form, ()):
            if any(unit.endswith(ending) or (ending == "%" and unit.endswith("％")) for ending in term.units):
                if headline or not statement_only:
                    return term.key
    return ""


def _name_forms(name: str) -> tuple[str, ...]:
    """A name as written, without a whole-region prefix (全省), without a verb of change (降低)."""
    bare = patterns.REGION_WIDE.sub("", name)
    return tuple(dict.fromkeys((name, bare, patterns.CHANGE_SUFFIX.sub("", name), patterns.CHANGE_SUFFIX.sub("", bare))))


@cache
def _variants() -> dict[str, tuple]:
    """Each variant name → the terms it names, and whether only in a statement of main targets."""
    variants: dict[str, list] = {}
    for term in data.indicator_terms():
        for variant in term.variants:
            variants.setdefault(variant, []).append((term, False))
        for variant in term.statement_variants:
            variants.setdefault(variant, []).append((term, True))
    return {name: tuple(terms) for name, terms in variants.items()}


def tooltip(indicator: Indicator) -> str:
    """A one-line statement of the target (the glossary's description): 城镇新增就业 ≥18万人."""
    return f"{indicator.name} {written_target(indicator)}"


def indicator_links(indicators: tuple[Indicator, ...], glossary_page: str) -> tuple[Link, ...]:
    """Links from each target's words in its clause to its glossary entry."""
    return tuple(
        Link(indicator.clause, indicator.start, indicator.end, glossary_page, indicator.id, "ind")
        for indicator in indicators
    )


def headline_clauses(document: Document) -> tuple[Clause, ...]:
    """The clauses stating the main targets: the sentence that says 主要预期目标是： and the rest of
    its paragraph, wherever it sits (in the preamble, the paragraph the parser tags main-targets)."""
    found = []
    for paragraph in _paragraphs(document):
        opening = next((i for i, c in enumerate(paragraph.clauses) if opens_main_targets(c.text)), None)
        if opening is not None:
            found.extend(paragraph.clauses[opening:])
    return tuple(found)


# --- Curation ---------------------------------------------------------------------------------


def curate_indicators(document: Document, curation: IndicatorCuration) -> tuple[tuple[Indicator, ...], tuple[Warning, ...]]:
    """The extracted targets with curated additions, drops and corrections; and the stale entries (one pass for both)."""
    clauses = {clause.id: clause for clause in iter_clauses(document)}
    headline = {clause.id for clause in headline_clauses(document)}
    targets = tuple(
        target
        for clause, looking_back in _scanned_clauses(document)
        if not looking_back
        for target in _clause_targets(clause, clause.id in headline)
    )
    warnings = []
    for entry in curation.targets:
        targets, problem = _apply(entry, clauses, targets, entry.clause in headline)
        if problem:
            warnings.append(Warning(entry.line, problem))
    headline_text = "".join(clauses[clause_id].text for clause_id in headline)
    names = {target.name for target in targets}
    warnings.extend(
        Warning(definition.line, f"definition of {definition.name!r} matches no target's name")
        for definition in curation.definitions
        if definition.name not in names and definition.name not in headline_text
    )
    order = {clause_id: index for index, clause_id in enumerate(clauses)}
    ordered = sorted(targets, key=lambda target: (order[target.clause], target.start))
    return _numbered(ordered, curation), tuple(sorted(warnings, key=lambda warning: warning.line))


def _numbered(targets: list[Indicator], curation: IndicatorCuration) -> tuple[Indicator, ...]:
    """The targets with their IDs (clause ID, then t1, t2… within the clause) and definitions."""
    definitions = {definition.name: definition for definition in curation.definitions}
    numbered = []
    per_clause: dict[str, int] = {}
    for target in targets:
        per_clause[target.clause] = per_clause.get(target.clause, 0) + 1
        definition = definitions.get(target.name)
        numbered.append(
            replace(
                target,
                id=f"{target.clause}-t{per_clause[target.clause]}",
                definition=definition.definition if definition else "",
                english=definition.english if definition else "",
                key=indicator_key(target.name, target.unit, target.headline),
            )
        )
    return tuple(numbered)


def _apply(
    entry: CuratedTarget, clauses: dict[str, Clause], targets: tuple[Indicator, ...], headline: bool
) -> tuple[tuple[Indicator, ...], str]:
    """The targets after one curated entry, and the problem to report when it no longer applies."""
    clause = clauses.get(entry.clause)
    if clause is None:
        return targets, f"curated target ({entry.action}) names clause {entry.clause}, which the plan no longer has"
    start = clause.text.find(entry.text)
    if start < 0:
        return targets, f"curated text {entry.text!r} ({entry.action}) is no longer in clause {entry.clause}"
    end = start + len(entry.text)
    overlapping = [t for t in targets if t.clause == entry.clause and t.start < end and start < t.end]
    quoted = f"{entry.text!r} in clause {entry.clause}"
    if entry.action == "add":
        if overlapping:
            return targets, f"curated addition {quoted} overlaps an extracted target; correct that one instead"
        added = Indicator(
            id="",
            name=entry.name or "",
            value=entry.value or "",
            unit=entry.unit or "",
            comparator=entry.comparator or Comparator.EXACT,
            kind=entry.kind or target_kind(entry.text, entry.name or "", entry.unit or ""),
            clause=clause.id,
            text=entry.text,
            start=start,
            end=end,
            headline=headline if entry.headline is None else entry.headline,
        )
        return targets + (added,), ""
    if not overlapping:
        return targets, f"curated {entry.action} {quoted} matches no extracted target; it is no longer needed"
    if len(overlapping) > 1:
        return targets, f"curated {entry.action} {quoted} matches {len(overlapping)} targets; quote fewer words"
    [target] = overlapping
    if entry.action == "drop":
        return tuple(t for t in targets if t is not target), ""
    changes = {
        field: getattr(entry, field)
        for field in ("name", "value", "unit", "comparator", "kind", "headline")
        if getattr(entry, field) is not None
    }
    if all(getattr(target, field) == value for field, value in changes.items()):
        return targets, f"curated correction {quoted} already agrees with the extraction; it is no longer needed"
    return tuple(replace(target, **changes) if t is target else t for t in targets), ""


# --- Where targets are looked for --------------------------------------------------------------


def _paragraphs(document: Document):
    """Every paragraph of the body: the preamble's, then each division's (appendices apart)."""
    yield from document.preamble
    for division in document.divisions:
        yield from division_paragraphs(division)


def _scanned_clauses(document: Document):
    """Each clause, and whether it looks back: chapters reviewing past work, and clauses dated
    before the plan's year (2025年4月1日，…印发…), report results, not targets."""
    plan_year = _year(document.title.text)
    for paragraph in document.preamble:
        for clause in paragraph.clauses:
            yield clause, _dated_before(clause.text, plan_year)
    pages = page_divisions(document)
    for chapter in pages[: len(pages) - len(document.appendices)]:
        looking_back = bool(patterns.REVIEW_CHAPTER.search(chapter.title.text))
        for clause in page_clauses(chapter):
            yield clause, looking_back or _dated_before(clause.text, plan_year)


def _year(title: str) -> int:
    """The year a plan is for, from its title (2026年…计划), or 0 when it names none."""
    match = patterns.YEAR.search(title)
    return int(match["year"]) if match else 0


def _dated_before(text: str, plan_year: int) -> bool:
    """Whether a clause speaks of a year before the plan's (not as a base: 比2025年增长5%)."""
    return any(not match["base"] and int(match["year"]) < plan_year for match in patterns.YEAR.finditer(text))


# --- The rules ---------------------------------------------------------------------------------


def _clause_targets(clause: Clause, headline: bool) -> list[Indicator]:
    """The targets written in one clause."""
    text = clause.text
    # Numbers in quotes are names (“1571”), in brackets asides; separators there split nothing.
    aside = _positions(patterns.QUOTED_ASIDE, text) | _positions(patterns.BRACKETED, text)
    found = []
    previous_phrase = ""
    for phrase_start, phrase in _pieces(text, 0, len(text), patterns.PHRASE_BREAK, aside):
        respectively = _respectively_targets(clause, phrase_start, phrase, aside, headline)
        if respectively:
            found.extend(respectively)
        else:
            items = _pieces(text, phrase_start, phrase_start + len(phrase), patterns.ITEM_BREAK, aside)
            for item_start, item in items:
                found.extend(_item_targets(clause, item_start, item, previous_phrase, aside, headline))
        previous_phrase = phrase
    return found


def _pieces(text: str, start: int, end: int, separator: re.Pattern, aside: set[int]):
    """The stretches of ``text[start:end]`` between separators (not those quoted or bracketed)."""
    position = start
    for match in separator.finditer(text, start, end):
        if match.start() in aside:
            continue
        if match.start() > position:
            yield position, text[position : match.start()]
        position = match.end()
    if position < end:
        yield position, text[position:end]


def _positions(pattern: re.Pattern, text: str) -> set[int]:
    """Offsets inside the matches of a pattern: quoted names and bracketed inserts."""
    return {index for match in pattern.finditer(text) for index in range(match.start(), match.end())}


def _quantities(text: str, start: int, end: int, aside: set[int]) -> list[_Quantity]:
    """The numbers with units in ``text[start:end]`` that can be targets (not quoted, not ordinals)."""
    found = []
    ranges = [match for match in patterns.RANGE.finditer(text, start, end) if match.start() not in aside]
    covered = {index for match in ranges for index in range(match.start(), match.end())}
    singles = [match for match in patterns.QUANTITY.finditer(text, start, end) if match.start() not in covered]
    for match in sorted((*ranges, *singles), key=lambda match: match.start()):
        if match.start() in aside or patterns.NOT_A_TARGET_BEFORE.search(text, start, match.start()):
            continue
        if patterns.NOT_A_TARGET_AFTER.match(text, match.end(), end):
            continue
        after = patterns.COMPARATOR_AFTER.match(text[match.end() : end])
        word = after["word"] if after else ""
        if match.re is patterns.RANGE:
            found.append(_Quantity(match.start(), match.end(), "", match["unit"], word, low=match["low"], high=match["high"]))
        else:
            found.append(_Quantity(match.start(), match.end(), match["value"], match["unit"], word, bool(match["more"])))
    return found


def _specifications(text: str, quantities: list[_Quantity], end: int) -> list[bool]:
    """Which quantities describe a thing rather than set a target: 20个|500千伏输变电工程 (right
    after a count), 生产能力5000万株以上|现代设施集约化育苗中心4个 (a thing counted later),
    6岁儿童 (an attribute), 750千伏和330千伏电网工程 (listed with a specification)."""
    flags = []
    for index, quantity in enumerate(quantities):
        stop = quantity.end + len(quantity.after)
        following = text[stop:end]
        described = bool(following) and _is_cjk(following[0])
        if index > 0 and quantities[index - 1].end + len(quantities[index - 1].after) == quantity.start:
            flags.append(True)
        elif described and patterns.ATTRIBUTE_UNIT.search(quantity.unit):
            flags.append(True)
        elif index + 1 < len(quantities):
            between = text[stop : quantities[index + 1].start]
            flags.append(bool(between) and _is_cjk(between[0]) and not patterns.TARGET_LIST_SEPARATOR.search(between))
        else:
            flags.append(False)
    for index in range(len(quantities) - 2, -1, -1):
        stop = quantities[index].end + len(quantities[index].after)
        between = text[stop : quantities[index + 1].start]
        if flags[index + 1] and patterns.TARGET_LIST_SEPARATOR.fullmatch(between) and quantities[index].unit == quantities[index + 1].unit:
            flags[index] = True
    return flags


def _item_targets(clause: Clause, start: int, item: str, previous_phrase: str, aside: set[int], headline: bool) -> list[Indicator]:
    """The targets in one list item of a phrase."""
    text = clause.text
    end = start + len(item)
    quantities = _quantities(text, start, end, aside)
    specification = _specifications(text, quantities, end)
    targets = []
    head_start = start
    for index, quantity in enumerate(quantities):
        if specification[index]:
            continue
        stop = quantity.end + len(quantity.after)
        following = next((q.start for q, spec in zip(quantities[index + 1 :], specification[index + 1 :]) if not spec), end)
        before = text[head_start : quantity.start]
        counted = "" if patterns.RATE_UNIT.search(quantity.unit) else _counted_name(text[stop:following])
        if counted:
            name, span_start, span_end = counted, quantity.start, stop + text[stop:following].index(counted) + len(counted)
        else:
            specs_in_head = [q for q, spec in zip(quantities, specification) if spec and head_start <= q.start < quantity.start]
            name_start = specs_in_head[-1].end + len(specs_in_head[-1].after) if specs_in_head else head_start
            name, offset = _head_name(text[name_start : quantity.start])
            if patterns.GENERIC_MEASURE.match(name):
                subject = patterns.PHRASE_SUBJECT.match(previous_phrase)
                if subject and not patterns.NUMBER.search(subject["subject"]):
                    name = subject["subject"] + name
            if not name:
                head_start = stop
                continue
            span_start, span_end = name_start + offset, stop
        targets.append(
            Indicator(
                id="",
                name=name,
                value=quantity.value,
                unit=quantity.unit,
                comparator=Comparator.RANGE if quantity.low else _comparator(quantity.after, before, quantity.more),
                kind=target_kind(before, name, quantity.unit),
                clause=clause.id,
                text=text[span_start:span_end],
                start=span_start,
                end=span_end,
                headline=headline,
                low=quantity.low,
                high=quantity.high,
            )
        )
        head_start = stop
    return targets


def _counted_name(tail: str) -> str:
    """The thing a count is of, when it follows the number: 20个|500千伏输变电工程 → 500千伏输变电工程."""
    name = tail
    while True:
        trimmed = patterns.COUNTED_TRAIL.sub("", name)
        if trimmed == name:
            break
        name = trimmed
    name = patterns.COUNTED_LEAD.sub("", name)
    return name if any(_is_cjk(char) for char in name) else ""


def _head_name(head: str) -> tuple[str, int]:
    """The name before a number without the verbs around it, and its offset in ``head``:
    力争外贸进出口总值增长 → 外贸进出口总值."""
    name = head
    while True:
        trimmed = patterns.NAME_TRAIL.sub("", name)
        if trimmed == name or not trimmed:
            break
        name = trimmed
    if patterns.NAME_TRAIL.fullmatch(name):
        return "", 0
    lead = patterns.NAME_LEAD.match(name)
    if lead and lead.end() < len(name) - 1:
        return name[lead.end() :], lead.end()
    return name, 0


def _comparator(after: str, before: str, more: bool = False) -> Comparator:
    """The comparator of a target: the qualifier after its unit (or 多 before it), else the one
    before its number."""
    if after:
        return COMPARATOR_WORDS[after]
    if more:
        return Comparator.MORE_THAN
    match = patterns.COMPARATOR_BEFORE.search(before)
    return COMPARATOR_WORDS[match["word"]] if match else Comparator.EXACT


def target_kind(before: str, name: str, unit: str) -> IndicatorKind:
    """Growth for 增长/涨幅 x%, amount for money, count for things counted, level otherwise."""
    verb = patterns.COMPARATOR_BEFORE.sub("", before)
    if patterns.RATE_UNIT.search(unit) and (patterns.GROWTH_VERB.search(verb) or patterns.GROWTH_NAME.search(name)):
        return IndicatorKind.GROWTH
    if patterns.MONEY_UNIT.search(unit):
        return IndicatorKind.AMOUNT
    if patterns.COUNT_UNIT.search(unit):
        return IndicatorKind.COUNT
    return IndicatorKind.LEVEL


def _respectively_targets(clause: Clause, start: int, phrase: str, aside: set[int], headline: bool) -> list[Indicator]:
    """Targets listed with 分别: 育肥牛、育肥羊出栏数分别达到180万头和4000万只以上 → two targets,
    育肥牛出栏数 ≥180万头 and 育肥羊出栏数 ≥4000万只 (a qualifier on the last value only covers all)."""
    match = patterns.RESPECTIVELY.match(phrase)
    if not match:
        return []
    text = clause.text
    values_start = start + match.start("values")
    end = start + len(phrase)
    numbers = [
        number
        for number in patterns.NUMBER.finditer(text, values_start, end)
        if number.start() not in aside and not patterns.NOT_A_TARGET_BEFORE.search(text, values_start, number.start())
    ]
    values = []
    for number in numbers:
        unit = patterns.UNIT.match(text, number.end(), end)
        unit_end = unit.end() if unit else number.end()
        after = patterns.COMPARATOR_AFTER.match(text[unit_end:end])
        values.append(_Quantity(number.start(), unit_end, number.group(), unit.group() if unit else "", after["word"] if after else ""))
    names = _respective_names(match["names"], len(values))
    if not values or not values[-1].unit or len(values) + len(names) < 3:
        return []
    units = [value.unit for value in values]
    for index in range(len(units) - 2, -1, -1):
        units[index] = units[index] or units[index + 1]
    qualifiers = [value.after for value in values]
    if qualifiers[-1] and not any(qualifiers[:-1]):
        qualifiers = [qualifiers[-1]] * len(values)
    verb = text[values_start : values[0].start]
    if len(values) == 1:
        values, units, qualifiers = values * len(names), units * len(names), qualifiers * len(names)
    targets = []
    for name, value, unit, qualifier in zip(names, values, units, qualifiers):
        stop = value.end + len(value.after)
        targets.append(
            Indicator(
                id="",
                name=name,
                value=value.value,
                unit=unit,
                comparator=_comparator(qualifier, verb),
                kind=target_kind(verb, name, unit),
                clause=clause.id,
                text=text[value.start : stop],
                start=value.start,
                end=stop,
                headline=headline,
            )
        )
    return targets


def _respective_names(listed: str, count: int) -> list[str]:
    """The names listed before 分别, one per value (or all of them, for one value), short ones
    sharing the last one's ending: 育肥牛、育肥羊出栏数 → 育肥牛出栏数, 育肥羊出栏数; a name that
    stands for several split into them: 城乡居民人均可支配收入 → 城镇…, 农村…"""
    lead = patterns.NAME_LEAD.match(listed)
    listed = listed[lead.end() :] if lead and lead.end() < len(listed) - 1 else listed
    for prefix, parts in LISTED_PREFIXES.items():
        if listed.startswith(prefix) and len(parts) == count and not patterns.TARGET_LIST_SEPARATOR.search(listed):
            return [part + listed[len(prefix) :] for part in parts]
    names = [name for name in patterns.TARGET_LIST_SEPARATOR.split(listed) if name]
    if not names or (count != 1 and len(names) != count):
        return [listed] * count
    first, last = names[0], names[-1]
    shared = len(last) > len(first) and all(len(name) <= SHORT_NAME for name in names[:-1])
    ending = last[len(first) :] if shared else ""
    return [name + ending for name in names[:-1]] + [last]


def _is_cjk(char: str) -> bool:
    """Whether a character is a Chinese character or a quotation mark opening a name."""
    return "\u4e00" <= char <= "\u9fff" or char in "“‘《"



def respective_names(listed: str, count: int) -> list[str]:
    """The names listed before 分别, one per value, as the targets read them (城乡居民人均可支配收入 →
    城镇…, 农村…); the results of a review are listed the same way."""
    return _respective_names(listed, count)
