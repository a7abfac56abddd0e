"""Export: a plan's data files (plan.json), written in the plan's URL space beside its pages."""

import json

from . import cite, urls
from .model import Chapter, Clause, Line, OutputFile, Paragraph, Plan, Tombstone, iter_clauses

FORMAT_VERSION = 1


def export_data(plan: Plan) -> tuple[OutputFile, ...]:
    """The data files of a plan: plan.json with the tree and a flat list of clauses."""
    pages = urls.clause_pages(plan)
    document = plan.document
    labels = cite.labels(document)
    front = document.front
    data = {
        "format": FORMAT_VERSION,
        "slug": plan.info.slug,
        "title": document.title.text,
        "url": urls.served_url(urls.plan_home(plan)),
        "source": {"name": plan.info.source_name, "url": plan.info.source_url},
        "front_matter": {
            "notice_title": _text(front.notice_title),
            "issuer": front.issuer,
            "document_number": _text(front.document_number),
            "addressees": _text(front.addressees),
            "notice": [line.text for line in front.notice],
            "date": _text(front.date),
            "iso_date": front.iso_date,
            "publication_note": _text(front.publication_note),
        },
        "preamble": [_paragraph(paragraph) for paragraph in document.preamble],
        "chapters": [_chapter(chapter, pages) for chapter in document.chapters],
        "clauses": [_clause(plan, clause, pages, labels) for clause in iter_clauses(document)],
        # IDs whose clauses a revision removed: their URLs land on a note at the old place.
        "removed": [_removed(plan, stone) for stone in document.tombstones if not stone.moved],
    }
    return (OutputFile(urls.data_path(plan, "plan.json"), _json(data)),)


def _json(data) -> str:
    """Stable, readable JSON: keys in insertion order, Chinese unescaped, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _text(line: Line | None) -> str:
    """A line's text, or '' when absent."""
    return line.text if line else ""


def _paragraph(paragraph: Paragraph) -> dict:
    """A paragraph in the tree: the IDs of its clauses, and its role if any."""
    entry = {"clauses": [clause.id for clause in paragraph.clauses]}
    if paragraph.role:
        entry["role"] = paragraph.role
    return entry


def _chapter(chapter: Chapter, pages: dict[str, str]) -> dict:
    """A chapter in the tree, with its sections."""
    return {
        "id": chapter.id,
        "number": chapter.number,
        "title": chapter.title.text,
        "url": urls.clause_url(pages, chapter.title),
        "intro": [_paragraph(paragraph) for paragraph in chapter.intro],
        "sections": [
            {
                "id": section.id,
                "number": section.number,
                "heading": section.heading.text,
                "url": urls.clause_url(pages, section.heading),
                "paragraphs": [_paragraph(paragraph) for paragraph in section.paragraphs],
            }
            for section in chapter.sections
        ],
    }


def _removed(plan: Plan, stone: Tombstone) -> dict:
    """A removed clause: its ID, last text, and where its note and share page are."""
    page = urls.chapter_id_page(plan, stone.page)
    return {
        "id": stone.id,
        "text": stone.text,
        "url": f"{urls.served_url(page)}#{stone.id}",
        "share_url": urls.served_url(urls.share_page(plan, stone.id)),
    }


def _clause(plan: Plan, clause: Clause, pages: dict[str, str], labels: dict[str, str]) -> dict:
    """A clause in the flat list: its ID, kind, position, exact text, URLs, citation and source span."""
    return {
        "id": clause.id,
        "kind": clause.kind.value,
        "chapter": clause.chapter,
        "section": clause.section,
        "number": clause.number,
        "text": clause.text,
        "url": urls.clause_url(pages, clause),
        "share_url": urls.served_url(urls.share_page(plan, clause.id)),
        "citation": cite.citation(plan.document, labels[clause.id]),
        "source": {"line": clause.span.line, "start": clause.span.start, "end": clause.span.end},
    }
