"""Summary: what the library keeps of a built document — its metadata, clauses and main targets."""

from dataclasses import replace

from generator import urls
from generator.extract import indicators
from generator.model import ClauseRecord, DocumentSummary, Plan, iter_clauses
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
    )


def library_view(summary: DocumentSummary) -> DocumentSummary:
    """What the library step holds of a document while it makes the library's pages: the summary
    with only the clauses those pages link to (its targets' and results' clauses) and the count of
    all, so that a library of thousands of documents is not held clause by clause."""
    linked = {target.clause for target in summary.targets} | {result.clause for result in summary.results}
    return replace(summary, clauses=tuple(clause for clause in summary.clauses if clause.id in linked), clause_count=summary.clause_count)
