"""Results: what a report's review says the year before it achieved, for the canonical indicators.

A government work report (or a plan report) opens by reviewing past work: 全省地区生产总值5.3万亿元、
增长5.5%，…城镇调查失业率4.1%，居民消费价格上涨0.2%. Those are the results of the year before the
report. The review is found by its headings (工作回顾, 执行情况…; else a report's first chapter, or
a heading line in the preamble), and within it the stretch that speaks of that one year — not of the
five-year period reviewed beside it (五年来，…  ——这五年，…  “十四五”时期…), which the opening words
of its sentences tell apart.

A result is a canonical indicator's name (data/indicators.yml, matched whole: 县域经济, 人均地区生产总值
or 海洋生产总值 are other quantities) followed by its number, perhaps through a level and other words
(全省地区生产总值5.3万亿元、增长5.5% → 5.5). Never a number over several years (年均增长, 比2020年,
累计), of part of the year (一季度, 年末…), a target (目标, 今年), a total or level in another unit
(5.3万亿元 is not a growth rate), or a change where a level is meant (失业率下降0.2个百分点).
"""

import re
import unicodedata

from generator import data, patterns
from generator.extract import indicators
from generator.model import (
    Clause,
    Comparator,
    Document,
    Measure,
    Paragraph,
    Result,
    chapter_clauses,
)
from generator.read.parse import opens_main_targets

# A qualifier before the number, among the words linking it to its name: 超过3%  控制在5.5%  约5%
LINK_COMPARATORS = {"超过": Comparator.MORE_THAN, "突破": Comparator.MORE_THAN, "控制在": Comparator.AT_MOST, "约": Comparator.ABOUT}
# The value of a rate stated as unchanged (持平).
FLAT_VALUE = "0"
FLAT_UNIT = "%"
# A heading line standing alone in the preamble (“十四五”时期发展成就和2025年工作回顾) is this short at most.
HEADING_LENGTH = 40


# The quantity a clause is speaking of, which a later number may continue (地区生产总值…、增长5.5%):
# its name and where the name starts in the clause. A subject whose words speak of several years
# (年均, 比2020年…) keeps no name, so that no result follows from it.
Subject = tuple[str, int]


def extract_results(document: Document, year: int) -> tuple[Result, ...]:
    """The results the document's review states for the year before ``year`` (the document's year;
    a review heading naming its year wins: 一、2025年计划执行情况), one per canonical indicator, the
    first stated, in document order."""
    found: dict[str, Result] = {}
    for clause, result_year in _review(document, year):
        if result_year is None:
            continue
        for result in _clause_results(clause, result_year):
            found.setdefault(result.key, result)
    return tuple(found.values())


def review_clauses(document: Document, year: int) -> frozenset[str]:
    """IDs of the clauses of the document's review of past work (``year``: the document's), its
    headings included — what the year's plans are not: the chapters whose titles say so (一、2025年工作回顾,
    …计划执行情况, …发展成就), else a report's first chapter where no heading says where the review is
    and it speaks of the year reviewed (一、一年接着一年干，… 2025年是…); in the preamble, from a
    heading saying so (“十四五”时期发展成就和2025年工作回顾), or a sentence opening on the year
    reviewed (过去一年，…), to a heading or sentence looking forward or this year's main targets."""
    return frozenset(clause.id for clause, _ in _review(document, year))


# --- Where the review speaks of last year ---------------------------------------------------------


def _review(document: Document, year: int):
    """Each clause of the review (review_clauses), in document order, with the year it speaks of:
    the review year, or None where it speaks of the five-year period, another year or none."""
    chapters = document.chapters
    reviews = [bool(patterns.REVIEW_CHAPTER.search(chapter.title.text)) for chapter in chapters]
    headings = [paragraph.clauses[0].text for paragraph in document.preamble if _heading_line(paragraph)]
    review_headings = [text for text in headings if patterns.REVIEW_CHAPTER.search(text)]
    named = [_heading_year(text) for text in (*review_headings, *(c.title.text for c, r in zip(chapters, reviews) if r))]
    review_year = next((named_year for named_year in named if named_year), year - 1)
    # A report's first chapter reviews past work whatever its title says (一年接着一年干，…), when no
    # heading says where the review is and it speaks of the review year (2025年是…).
    untitled = bool(chapters) and not any(reviews) and not review_headings and not patterns.FORWARD_HEADING.search(chapters[0].title.text)
    yield from _preamble_review(document.preamble, review_year)
    for index, (chapter, review) in enumerate(zip(chapters, reviews)):
        if review:
            yield from _chapter_review(chapter, _heading_period(chapter.title.text, review_year), review_year)
        elif untitled and index == 0:
            spoken = list(_chapter_review(chapter, None, review_year))
            if any(period for _, period in spoken):
                yield from spoken


def _preamble_review(preamble: tuple[Paragraph, ...], review_year: int):
    """The clauses of the review standing in the preamble, each with the year it speaks of: from a
    heading reviewing past work, or a sentence opening on the review year (过去一年…), up to a
    heading or sentence looking forward or this year's main targets."""
    reviewing, period = False, None
    for paragraph in preamble:
        for clause in paragraph.clauses:
            if _heading_line(paragraph) and patterns.REVIEW_CHAPTER.search(clause.text):
                reviewing, period = True, _heading_period(clause.text, review_year)
                yield clause, None
                continue
            if _heading_line(paragraph) and patterns.FORWARD_HEADING.search(clause.text):
                reviewing, period = False, None
                continue
            period = _sentence_period(clause.text, period, review_year)
            if period:
                reviewing = True
            elif patterns.FORWARD_OPENING.match(_opening(clause.text)) or opens_main_targets(clause.text):
                reviewing = False
            if reviewing:
                yield clause, period


def _chapter_review(chapter, period: int | None, review_year: int):
    """A review chapter's clauses, its title first (speaking of no year), each with the year it
    speaks of; ``period``: the year its title speaks of first."""
    clauses = list(chapter_clauses(chapter))
    yield clauses[0], None
    for clause in clauses[1:]:
        period = _sentence_period(clause.text, period, review_year)
        yield clause, period


def _heading_line(paragraph: Paragraph) -> bool:
    """Whether a preamble paragraph is a heading standing alone: one short clause with no sentence end."""
    text = paragraph.clauses[0].text
    return len(paragraph.clauses) == 1 and len(text) <= HEADING_LENGTH and not patterns.HAS_SENTENCE_END.search(text)


def _heading_year(title: str) -> int:
    """The year a review heading names first, 0 when it names the five-year period first or none."""
    match = patterns.HEADING_PERIOD.search(title)
    return int(match["year"]) if match and match["year"] else 0


def _heading_period(title: str, review_year: int) -> int | None:
    """The year a review's heading speaks of first (the review year when it names none); None when
    it names the five-year period first (“十四五”时期和2025年工作回顾)."""
    match = patterns.HEADING_PERIOD.search(title)
    if match and match["several"]:
        return None
    return review_year if not match or not match["year"] or int(match["year"]) == review_year else None


def _sentence_period(text: str, period: int | None, review_year: int) -> int | None:
    """The year the review speaks of from this sentence on: changed by its opening words (过去一年,
    刚刚过去的2025年 → the review year; 五年来, “十四五”时期, 今年, another year → none) and by a
    statement of this year's main targets (none), else as before. A section heading's number is set
    aside: （二）“十四五”时期发展成就."""
    text = _opening(text)
    opening = patterns.YEAR_OPENING.match(text)
    if opening:
        named = opening["past"] or opening["named"]
        return review_year if not named or int(named) == review_year else None
    if patterns.SEVERAL_OPENING.search(text) or patterns.FORWARD_OPENING.match(text) or opens_main_targets(text):
        return None
    return period


def _opening(text: str) -> str:
    """A sentence without a section's number before it: （二）“十四五”时期发展成就 → “十四五”时期发展成就."""
    return patterns.OPENING_NUMBER.sub("", text, count=1)


# --- What a clause states ------------------------------------------------------------------------


def _clause_results(clause: Clause, year: int) -> list[Result]:
    """The results a clause of the review states, phrase by phrase, list item by list item."""
    text = clause.text
    aside = {
        index
        for pattern in (patterns.QUOTED_ASIDE, patterns.BRACKETED)
        for match in pattern.finditer(text)
        for index in range(match.start(), match.end())
    }
    found = []
    subject = None
    for phrase_start, phrase_end in _parts(text, 0, len(text), patterns.PHRASE_BREAK, aside):
        listed = _listed_results(clause, phrase_start, phrase_end, year, aside)
        if listed is not None:
            found.extend(listed)
            subject = None
            continue
        for item_start, item_end in _parts(text, phrase_start, phrase_end, patterns.ITEM_BREAK, aside):
            subject = _item_results(clause, item_start, item_end, subject, year, aside, found)
    return found


def _parts(text: str, start: int, end: int, separator: re.Pattern, aside: set[int]) -> list[tuple[int, int]]:
    """The (start, end) of each non-empty stretch of ``text[start:end]`` between separators that are
    not quoted or bracketed."""
    cuts = [match for match in separator.finditer(text, start, end) if match.start() not in aside]
    bounds = zip([start, *(cut.end() for cut in cuts)], [*(cut.start() for cut in cuts), end])
    return [(first, last) for first, last in bounds if last > first]


def _item_results(clause: Clause, start: int, end: int, subject: Subject | None, year: int, aside: set[int], found: list) -> Subject | None:
    """Add the results one list item states to ``found``; the subject it leaves for the next item."""
    text = clause.text
    quantities = [match for match in patterns.QUANTITY.finditer(text, start, end) if match.start() not in aside]
    if not quantities:
        flat = _flat_result(clause, start, end, year)
        if flat:
            found.append(flat)
        return subject
    position = start
    for quantity in quantities:
        head = text[position : quantity.start()]
        name, offset, links = _name_and_links(head)
        several = bool(patterns.SEVERAL_YEARS_RESULT.search(head) or _other_year(head, year))
        if name:
            part = patterns.PART_OF_YEAR_LEAD.match(name)
            skipped = part.end() if part else 0
            subject = ("" if several else name[skipped:], position + offset + skipped)
        elif subject is not None and several:
            subject = ("", subject[1])
        qualifier = patterns.COMPARATOR_AFTER.match(text[quantity.end() : end])
        position = quantity.end() + (qualifier.end() if qualifier else 0)
        if subject is None or _not_annual(head) or patterns.TARGET_AFTER.match(text[position:end]):
            continue
        result = _result(clause, subject, links, quantity, qualifier, position, year)
        if result:
            found.append(result)
    return subject


def _listed_results(clause: Clause, start: int, end: int, year: int, aside: set[int]) -> list[Result] | None:
    """The results of a phrase listing them with 分别 (城镇、农村居民人均可支配收入分别增长4.4%、5.9%),
    or names and rates listed alike without it, one per name; None when the phrase lists nothing so."""
    text = clause.text
    match = patterns.RESPECTIVELY.match(text[start:end]) or patterns.LISTED_RATES.match(text[start:end])
    if not match:
        return None
    values_start = start + match.start("values")
    quantities = [q for q in patterns.QUANTITY.finditer(text, values_start, end) if q.start() not in aside]
    head = text[start:values_start]
    if not quantities or patterns.SEVERAL_YEARS_RESULT.search(head) or _not_annual(head) or _other_year(head, year):
        return []
    lead = patterns.RESULT_LEAD.match(match["names"])
    names_start = start + (lead.end() if lead else 0)
    names = indicators.respective_names(text[names_start : start + match.end("names")], len(quantities))
    links = [text[values_start : quantities[0].start()]]
    results = []
    for name, quantity in zip(names, quantities):
        qualifier = patterns.COMPARATOR_AFTER.match(text[quantity.end() : end])
        stop = quantity.end() + (qualifier.end() if qualifier else 0)
        result = _result(clause, (name, names_start), links, quantity, qualifier, stop, year)
        if result:
            results.append(result)
    return results


def _flat_result(clause: Clause, start: int, end: int, year: int) -> Result | None:
    """A rate stated as unchanged, as 0%: 居民消费价格与上年持平  居民消费价格涨幅基本持平."""
    item = clause.text[start:end]
    flat = patterns.RESULT_FLAT.match(item)
    if not flat or _not_annual(item) or patterns.SEVERAL_YEARS_RESULT.search(item) or _other_year(item, year):
        return None
    name, offset, _ = _name_and_links(flat["name"])
    term = _term(name, FLAT_UNIT)
    if term is None or term.measure is not Measure.GROWTH:
        return None
    comparator = Comparator.ABOUT if flat["about"] else Comparator.EXACT
    return Result(term.key, name, FLAT_VALUE, FLAT_UNIT, year, clause.id, item[offset:], start + offset, end, comparator)


def _name_and_links(head: str) -> tuple[str, int, list[str]]:
    """The name in the words before a number, its offset there, and the words linking it to the
    number: 全年地区生产总值比上年增长 → 地区生产总值, 2, [比上年, 增长]; 增长 → "", 2, [增长]."""
    name, links = head, []
    while True:
        link = patterns.RESULT_LINK.search(name)
        if not link:
            break
        links.insert(0, link.group())
        name = name[: link.start()]
    lead = patterns.RESULT_LEAD.match(name)
    offset = lead.end() if lead else 0
    return name[offset:], offset, links


def _result(clause: Clause, subject: Subject, links: list[str], quantity: re.Match, qualifier: re.Match | None, stop: int, year: int) -> Result | None:
    """The result a number states for its subject, or None when it is not one of a canonical
    indicator (another unit, a change where a level is meant…)."""
    name, start = subject
    unit = unicodedata.normalize("NFKC", quantity["unit"])
    term = _term(name, unit)
    if term is None or quantity["more"]:
        return None
    words = "".join(links)
    changes = bool(patterns.GROWTH_VERB.search(words) or patterns.RESULT_FALL.search(words) or "增加" in words)
    reached = bool(patterns.RESULT_REACHED.search(words))
    if term.measure in (Measure.LEVEL, Measure.QUANTITY) and changes and not reached:
        return None  # 失业率下降0.2%, 粮食产量增加39.7亿斤: a change, not the level
    falls = bool(patterns.RESULT_FALL.search(words)) and not reached
    rises = bool(patterns.GROWTH_VERB.search(words)) and not falls and not reached
    value = unicodedata.normalize("NFKC", quantity["value"])
    negative = (term.measure is Measure.GROWTH and falls) or (term.measure is Measure.REDUCTION and rises)
    if negative and float(value):
        value = "-" + value
    if qualifier:
        comparator = indicators.COMPARATOR_WORDS[qualifier["word"]]
    else:
        comparator = next((LINK_COMPARATORS[link] for link in links if link in LINK_COMPARATORS), Comparator.EXACT)
    return Result(term.key, name, value, unit, year, clause.id, clause.text[start:stop], start, stop, comparator)


def _term(name: str, unit: str):
    """The canonical indicator a name in a unit is (data/indicators.yml), or None ("" names none).
    A review's statement of results reads as a statement of targets does: 全省经济增长5.5% is GDP."""
    key = name and indicators.indicator_key(patterns.BRACKETED.sub("", name), unit, headline=True)
    return next((term for term in data.indicator_terms() if term.key == key), None) if key else None


def _not_annual(words: str) -> bool:
    """Whether words make a number part of the year's (一季度, 年末…) or a target (目标, 今年)."""
    return bool(patterns.PART_OF_YEAR.search(words) or patterns.TARGET_WORD.search(words))


def _other_year(words: str, year: int) -> bool:
    """Whether words name a year other than the result's: 比2024年…, 2020年的3.68万亿元."""
    return any(int(match["year"]) != year for match in patterns.YEAR.finditer(words))
