"""Targets stated elsewhere: an indicator's target for the year given outside the statement of main targets.

Many reports leave a canonical indicator out of their statement of main targets (主要预期目标是：…)
and state it with the work it belongs to: Beijing's 城镇新增就业不少于28万人 stands in its clause on
employment (3-8-3), not in the statement. The comparison shows such a target, marked as stated
outside the statement, rather than a dash that reads "no target".

A target counts only where the document plans the year: after the statement of main targets
(before it, reports review the past year and the five-year period), outside the review chapters
(the extraction already skips them), and not a target over several years (年均增长, 累计, 十五五)
or for another year (到2030年).
"""

from generator import patterns
from generator.extract.indicators import headline_clauses
from generator.model import Indicator, Plan, iter_clauses


def targets_elsewhere(plan: Plan, main: tuple[Indicator, ...]) -> tuple[Indicator, ...]:
    """Per canonical indicator the statement of main targets (``main``) does not give, the first
    target for the plan's year stated elsewhere in the document, in document order."""
    clauses = list(iter_clauses(plan.document))
    order = {clause.id: index for index, clause in enumerate(clauses)}
    texts = {clause.id: clause.text for clause in clauses}
    statement = headline_clauses(plan.document)
    # Where the year's plans begin: the statement of main targets, else the first chapter.
    start = order[statement[0].id] if statement else next((order[c.id] for c in clauses if c.chapter > 0), len(clauses))
    seen = {target.key for target in main}
    found = []
    for target in plan.indicators:
        if not target.key or target.headline or target.key in seen or order.get(target.clause, -1) < start:
            continue
        if _several_years(target, texts[target.clause], plan.meta.year):
            continue
        seen.add(target.key)
        found.append(target)
    return tuple(found)


def _several_years(target: Indicator, clause: str, year: int) -> bool:
    """Whether a target is for several years (年均增长5%) or another year (到2030年…) than ``year``."""
    if patterns.SEVERAL_YEARS_TARGET.search(target.text):
        return True
    before = clause[: target.start]
    sentence = before[max(before.rfind(mark) for mark in "，；：。") + 1 :] + target.text
    if patterns.SEVERAL_YEARS_TARGET.search(sentence):
        return True
    return bool(year) and any(not match["base"] and int(match["year"]) != year for match in patterns.YEAR.finditer(clause))
