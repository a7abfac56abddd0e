"""Export: a plan's data files (plan.json, and report.json, the build report), in the plan's URL space."""

import json

from . import urls
from .model import Chapter, Clause, Line, OutputFile, Paragraph, Plan, iter_clauses

FORMAT_VERSION = 1


def export_data(plan: Plan) -> tuple[OutputFile, ...]:
    """The data files of a plan: plan.json with the tree and a flat list of clauses; report.json."""
    pages = urls.clause_pages(plan)
    document = plan.document
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
            "heading": _text(front.heading),
            "occasion": _text(front.occasion),
            "speaker": _text(front.speaker),
        },
        "preamble": [_paragraph(paragraph) for paragraph in document.preamble],
        "chapters": [_chapter(chapter, pages) for chapter in document.chapters],
        "appendices": [_chapter(appendix, pages) for appendix in document.appendices],
        "clauses": [_clause(clause, pages) for clause in iter_clauses(document)],
    }
    return (OutputFile(urls.data_path(plan, "plan.json"), _json(data)), _report(plan))


def _report(plan: Plan) -> OutputFile:
    """The build report: warnings, and every source line left out of the text as page debris, with its rule."""
    document = plan.document
    data = {
        "format": FORMAT_VERSION,
        "slug": plan.info.slug,
        "title": document.title.text,
        "counts": {
            "chapters": len(document.chapters),
            "appendices": len(document.appendices),
            "clauses": sum(1 for _ in iter_clauses(document)),
            "debris_lines": len(document.debris),
            "warnings": len(document.warnings),
        },
        "warnings": [{"line": warning.line, "message": warning.message} for warning in document.warnings],
        "debris": [
            {"line": item.line.span.line, "kind": item.kind, "rule": item.rule, "text": item.line.text}
            for item in document.debris
        ],
    }
    return OutputFile(urls.data_path(plan, "report.json"), _json(data))


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
        "closing": [_paragraph(paragraph) for paragraph in chapter.closing],
    }


def _clause(clause: Clause, pages: dict[str, str]) -> dict:
    """A clause in the flat list: its ID, kind, position, exact text, URL and source span."""
    return {
        "id": clause.id,
        "kind": clause.kind.value,
        "chapter": clause.chapter,
        "section": clause.section,
        "number": clause.number,
        "text": clause.text,
        "url": urls.clause_url(pages, clause),
        "source": {"line": clause.span.line, "start": clause.span.start, "end": clause.span.end},
    }
