"""Summary: what the library keeps of a built document — its metadata, clauses, main targets and last year's results."""

from dataclasses import replace

from generator import urls
from generator.extract import indicators, outline, results
from generator.extract.elsewhere import targets_elsewhere
from generator.model import (
    ClauseRecord,
    DocumentKind,
    DocumentSummary,
    PlaceRecord,
    Plan,
    iter_clauses,
)
from generator.render import cite


def document_summary(plan: Plan, directory_urls: bool = True) -> DocumentSummary:
    """The library's view of a plan: everything its pages need without reading the document again.

    URLs are served ones (``nmg-2026-plan/4/#4-2-3``), or an offline bundle's (``nmg-2026-plan/4.html#4-2-3``)
    without ``directory_urls``.
    """
    pages = urls.clause_pages(plan)
    labels = cite.labels(plan.document)
    review = results.review_clauses(plan.document, plan.meta.year)
    clauses = tuple(
        ClauseRecord(clause.id, clause.kind, labels[clause.id], clause.text, f"{urls.page_url(pages[clause.id], directory_urls)}#{clause.id}", clause.id in review)
        for clause in iter_clauses(plan.document)
    )
    main = indicators.main_targets(plan)
    return DocumentSummary(
        slug=plan.info.slug,
        title=plan.document.title.text,
        url=urls.page_url(urls.plan_home(plan), directory_urls),
        meta=plan.meta,
        clauses=clauses,
        targets=main,
        results=plan.results,
        # An outline states its targets for its period, not for a year (period_targets).
        elsewhere=targets_elsewhere(plan, main) if plan.meta.kind is not DocumentKind.FIVE_YEAR_PLAN else (),
        period_targets=outline.outline_main_targets(plan) if plan.meta.kind is DocumentKind.FIVE_YEAR_PLAN else (),
        places=_places(plan),
    )


def _places(plan: Plan) -> tuple[PlaceRecord, ...]:
    """The entries of the plan's places index, each with the URL of its entry and how many clauses name it."""
    page = urls.served_url(urls.index_page(plan, "places"))
    return tuple(
        PlaceRecord(entry.name, entry.aliases, entry.category, entry.code, f"{page}#{entry.id}",
                    len({mention.clause for mention in entry.mentions}))
        for entry in plan.index.places
    )


def library_view(summary: DocumentSummary) -> DocumentSummary:
    """What the library step holds of a document while it makes the library's pages: the summary
    with only the clauses those pages link to (its targets', results' and period targets' clauses) and the count of
    all, so that a library of thousands of documents is not held clause by clause."""
    targets = (*summary.targets, *summary.elsewhere, *summary.period_targets, *summary.results)
    linked = {target.clause for target in targets}
    return replace(summary, clauses=tuple(clause for clause in summary.clauses if clause.id in linked), clause_count=summary.clause_count)
