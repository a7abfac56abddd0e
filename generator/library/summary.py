"""Summary: what the library keeps of a built document — its metadata, clauses, main targets and last year's results."""

from generator import urls
from generator.extract import indicators
from generator.extract.elsewhere import targets_elsewhere
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
    main = indicators.main_targets(plan)
    return DocumentSummary(
        slug=plan.info.slug,
        title=plan.document.title.text,
        url=urls.served_url(urls.plan_home(plan)),
        meta=plan.meta,
        clauses=clauses,
        targets=main,
        results=plan.results,
        elsewhere=targets_elsewhere(plan, main),
    )
