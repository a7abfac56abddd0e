"""Summary: what the library keeps of a built document — its metadata, clauses and main targets."""

from generator import patterns, urls
from generator.extract import indicators
from generator.model import ClauseRecord, DocumentSummary, Plan, chapter_clauses, iter_clauses
from generator.render import cite


def document_summary(plan: Plan, directory_urls: bool = True) -> DocumentSummary:
    """The library's view of a plan: everything its pages need without reading the document again.

    URLs are served ones (``nmg-2026-plan/4/#4-2-3``), or an offline bundle's (``nmg-2026-plan/4.html#4-2-3``)
    without ``directory_urls``.
    """
    pages = urls.clause_pages(plan)
    labels = cite.labels(plan.document)
    review = review_clauses(plan)
    clauses = tuple(
        ClauseRecord(clause.id, clause.kind, labels[clause.id], clause.text, f"{urls.page_url(pages[clause.id], directory_urls)}#{clause.id}", clause.id in review)
        for clause in iter_clauses(plan.document)
    )
    return DocumentSummary(
        slug=plan.info.slug,
        title=plan.document.title.text,
        url=urls.page_url(urls.plan_home(plan), directory_urls),
        meta=plan.meta,
        clauses=clauses,
        targets=indicators.main_targets(plan),
    )


def review_clauses(plan: Plan) -> frozenset[str]:
    """IDs of the clauses of chapters reviewing past work (一、2025年工作回顾; …计划执行情况): what
    the year's plans are not."""
    return frozenset(
        clause.id
        for chapter in plan.document.chapters
        if patterns.REVIEW_CHAPTER.search(chapter.title.text)
        for clause in chapter_clauses(chapter)
    )
