"""Summary: what the library keeps of a built document — its metadata, clauses and main targets."""

from generator import urls
from generator.extract import indicators, outline
from generator.model import ClauseRecord, DocumentKind, DocumentSummary, Plan, iter_clauses
from generator.render import cite


def document_summary(plan: Plan) -> DocumentSummary:
    """The library's view of a plan: everything its pages need without reading the document again."""
    pages = urls.clause_pages(plan)
    labels = cite.labels(plan.document)
    clauses = tuple(
        ClauseRecord(clause.id, clause.kind, labels[clause.id], clause.text, urls.clause_url(pages, clause))
        for clause in iter_clauses(plan.document)
    )
    return DocumentSummary(
        slug=plan.info.slug,
        title=plan.document.title.text,
        url=urls.served_url(urls.plan_home(plan)),
        meta=plan.meta,
        clauses=clauses,
        targets=indicators.main_targets(plan),
        period_targets=outline.outline_main_targets(plan) if plan.meta.kind is DocumentKind.FIVE_YEAR_PLAN else (),
    )
