"""Export: a plan's data files (plan.json, and report.json, the build report), in the plan's URL space."""

from pathlib import PurePath

from generator import urls
from generator.extract import indicators
from generator.model import (
    Box,
    Clause,
    Division,
    Indicator,
    Line,
    OutputFile,
    Paragraph,
    Plan,
    TableRow,
    Tombstone,
    iter_clauses,
    plan_warnings,
)
from generator.render import cite, export_index
from generator.render.formats import data_json, spreadsheet_csv

FORMAT_VERSION = 1
# The version of plan.json's tree: 2 nests divisions of any depth (parts → chapters → sections →
# items), each naming its level; 1 held chapters and their sections only.
SCHEMA_VERSION = 2
# The fields of each target in indicators.json and the columns of indicators.csv, in order.
INDICATOR_FIELDS = (
    "id", "key", "name", "value", "low", "high", "unit", "comparator", "kind", "target", "headline",
    "clause", "text", "start", "end", "url", "clause_url", "english", "definition",
    # A five-year outline's targets (extract/outline.py); empty for an annual document's.
    "year", "period_start", "period_end", "base", "base_year", "accumulation", "attribute", "category",
)  # fmt: skip


def export_data(plan: Plan) -> tuple[OutputFile, ...]:
    """The data files of a plan: plan.json (the tree and a flat list of clauses), report.json, indicators, indexes."""
    pages = urls.clause_pages(plan)
    document = plan.document
    labels = cite.labels(document)
    front = document.front
    data = {
        "format": FORMAT_VERSION,
        "schema": SCHEMA_VERSION,
        "slug": plan.info.slug,
        "title": document.title.text,
        "url": urls.served_url(urls.plan_home(plan)),
        "source": {"name": plan.meta.source_name, "url": plan.meta.source_url},
        # What the library says of the document: read from its text, overridden by its seeds YAML.
        "meta": {
            "region": plan.meta.region,
            "year": plan.meta.year,
            "kind": plan.meta.kind.value,
            # The years a plan for several years covers (a five-year outline), else null.
            "period": [plan.meta.period_start, plan.meta.period_end] if plan.meta.period_start else None,
            "issuer": plan.meta.issuer,
            "speaker": plan.meta.speaker,
            "date": plan.meta.date,
            "document_number": plan.meta.document_number,
            "source_name": plan.meta.source_name,
            "source_url": plan.meta.source_url,
        },
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
        # The document's levels, outermost first: how each is headed and how citations name it.
        "levels": [
            {"level": level.level.value, "kind": level.level.heading_kind.value, "cite": level.headings[0].cite, "noun": level.headings[0].noun}
            for level in document.levels
        ],
        # The document's own contents list (目录), each entry with the ID of the heading it lists.
        "contents": [{"text": entry.line.text, "line": entry.line.span.line, "id": entry.id} for entry in document.contents],
        "preamble": [_paragraph(paragraph) for paragraph in document.preamble],
        # The tree: parts → chapters → sections → items, as deep as the document goes.
        "divisions": [_division(division, pages) for division in document.divisions],
        "appendices": [_division(appendix, pages) for appendix in document.appendices],
        # 专栏 boxes: where each stands, its items, its table's rows by column, its notes.
        "boxes": [_box(box, pages) for box in document.boxes],
        "clauses": [_clause(plan, clause, pages, labels) for clause in iter_clauses(document)],
        # IDs whose clauses a revision removed: their URLs land on a note at the old place.
        "removed": [_removed(plan, stone) for stone in document.tombstones if not stone.moved],
    }
    return (
        OutputFile(urls.data_path(plan, "plan.json"), data_json(data)),
        _report(plan),
        *_indicator_files(plan, pages),
        *export_index.export_index(plan),
    )


def _indicator_files(plan: Plan, pages: dict[str, str]) -> tuple[OutputFile, ...]:
    """indicators.json and indicators.csv: every quantitative target, one record each."""
    records = [_indicator(indicator, plan, pages) for indicator in plan.indicators]
    data = {
        "format": FORMAT_VERSION,
        "slug": plan.info.slug,
        "title": plan.document.title.text,
        "url": urls.served_url(urls.glossary_page(plan)),
        "fields": list(INDICATOR_FIELDS),
        "indicators": records,
    }
    rows = ({**{key: "" if value is None else value for key, value in record.items()}, "headline": str(record["headline"]).lower()} for record in records)
    return (
        OutputFile(urls.data_path(plan, "indicators.json"), data_json(data)),
        OutputFile(urls.data_path(plan, "indicators.csv"), spreadsheet_csv(INDICATOR_FIELDS, rows)),
    )


def _indicator(indicator: Indicator, plan: Plan, pages: dict[str, str]) -> dict:
    """A target as a flat record: its fields, its written form, and where it and its clause live."""
    return {
        "id": indicator.id,
        # The canonical indicator (gdp_growth…), "" for none; a range's ends, "" for one number.
        "key": indicator.key,
        "name": indicator.name,
        "value": indicator.value,
        "low": indicator.low,
        "high": indicator.high,
        "unit": indicator.unit,
        "comparator": indicator.comparator.value,
        "kind": indicator.kind.value,
        "target": indicators.written_target(indicator),
        "headline": indicator.headline,
        "clause": indicator.clause,
        "text": indicator.text,
        "start": indicator.start,
        "end": indicator.end,
        "url": f"{urls.served_url(urls.glossary_page(plan))}#{indicator.id}",
        "clause_url": f"{urls.served_url(pages[indicator.clause])}#{indicator.clause}",
        "english": indicator.english,
        "definition": indicator.definition,
        "year": indicator.year or None,
        "period_start": indicator.period_start or None,
        "period_end": indicator.period_end or None,
        "base": indicator.base,
        "base_year": indicator.base_year or None,
        "accumulation": indicator.accumulation.value if indicator.accumulation else "",
        "attribute": indicator.attribute.value if indicator.attribute else "",
        "category": indicator.category,
    }


def _report(plan: Plan) -> OutputFile:
    """The build report: warnings (the plan's and its seeds files'), and every source line left out of
    the text as page debris, with its rule."""
    document = plan.document
    warnings = plan_warnings(plan)
    data = {
        "format": FORMAT_VERSION,
        "slug": plan.info.slug,
        "title": document.title.text,
        "counts": {
            "parts": len(document.parts),
            "chapters": len(document.chapters),
            "sections": sum(len(chapter.sections) for chapter in document.chapters),
            "appendices": len(document.appendices),
            "clauses": sum(1 for _ in iter_clauses(document)),
            "debris_lines": len(document.debris),
            "warnings": len(warnings),
        },
        "warnings": [
            {"file": PurePath(warning.path).name, "line": warning.line, "message": warning.message} for warning in warnings
        ],
        "debris": [
            {"line": item.line.span.line, "kind": item.kind, "rule": item.rule, "text": item.line.text}
            for item in document.debris
        ],
    }
    return OutputFile(urls.data_path(plan, "report.json"), data_json(data))


def _text(line: Line | None) -> str:
    """A line's text, or '' when absent."""
    return line.text if line else ""


def _paragraph(paragraph: Paragraph) -> dict:
    """A paragraph in the tree: the IDs of its clauses, and its role if any."""
    entry = {"clauses": [clause.id for clause in paragraph.clauses]}
    if paragraph.role:
        entry["role"] = paragraph.role
    return entry


def _division(division: Division, pages: dict[str, str]) -> dict:
    """A division in the tree: its level, heading, introduction, subdivisions and closing."""
    return {
        "id": division.id,
        "level": division.level.value,
        "kind": division.heading.kind.value,
        "number": division.number,
        "heading": division.heading.text,
        "url": urls.clause_url(pages, division.heading),
        "intro": [_paragraph(paragraph) for paragraph in division.intro],
        "children": [_division(child, pages) for child in division.children],
        "closing": [_paragraph(paragraph) for paragraph in division.closing],
    }


def _box(box: Box, pages: dict[str, str]) -> dict:
    """A 专栏 box in the tree: its title, the clause it follows, its items or table, its notes."""
    entry = {
        "id": box.id,
        "number": box.number,
        "title": box.title.text,
        "url": urls.clause_url(pages, box.title),
        "after": box.after,
        "items": [_paragraph(paragraph) for paragraph in box.items],
        "table": None,
        "notes": [_paragraph(paragraph) for paragraph in box.notes],
    }
    table = box.table
    if table is not None:
        entry["table"] = {
            "columns": [role.value for role in table.columns],
            "base_year": table.base_year or None,
            "target_year": table.target_year or None,
            "head": _table_row(table.head, pages) if table.head else None,
            "rows": [_table_row(row, pages) for row in table.rows],
        }
    return entry


def _table_row(row: TableRow, pages: dict[str, str]) -> dict:
    """A row of a box's table: its clause, its category, and its cells' texts, one per column."""
    return {
        "id": row.clause.id,
        "url": urls.clause_url(pages, row.clause),
        "category": row.category,
        "cells": [row.clause.text[start:end] for start, end in row.cells],
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
        "citation": cite.citation(plan.document, plan.meta, labels[clause.id]),
        "citation_long": cite.long_citation(plan.document, plan.meta, labels[clause.id], clause.text),
        "source": {"line": clause.span.line, "start": clause.span.start, "end": clause.span.end},
    }
