"""Document summaries: what the library stages (search above all) need of each built document."""

from generator import urls
from generator.model import ClauseRecord, DocumentSummary, Plan, iter_clauses
from generator.render import cite


def search_documents(plans: tuple[Plan, ...]) -> tuple[DocumentSummary, ...]:
    """Each plan as the library sees it: slug, title, URL, metadata and every clause with its place and URL."""
    return tuple(_summary(plan) for plan in plans)


def _summary(plan: Plan) -> DocumentSummary:
    """One plan's summary: its clauses in document order, headings included, each with its citation label."""
    document = plan.document
    pages = urls.clause_pages(plan)
    labels = cite.labels(document)
    clauses = tuple(
        ClauseRecord(clause.id, clause.kind, labels[clause.id], clause.text, urls.clause_url(pages, clause))
        for clause in iter_clauses(document)
    )
    return DocumentSummary(
        slug=plan.info.slug,
        title=document.title.text,
        url=urls.served_url(urls.plan_home(plan)),
        meta=plan.meta,
        clauses=clauses,
    )
