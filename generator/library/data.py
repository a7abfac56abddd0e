"""Library data: the catalogue of documents as JSON, for readers who build on it."""

from generator import urls
from generator.model import DocumentSummary, OutputFile
from generator.render.formats import data_json

FORMAT_VERSION = 1
CATALOGUE_PATH = "data/library.json"


def catalogue_file(documents: tuple[DocumentSummary, ...]) -> OutputFile:
    """data/library.json: every document with its address and metadata, in slug order."""
    records = [
        {
            "slug": document.slug,
            "title": document.title,
            "url": document.url,
            "region": document.meta.region,
            "year": document.meta.year,
            "kind": document.meta.kind.value,
            "issuer": document.meta.issuer,
            "speaker": document.meta.speaker,
            "date": document.meta.date,
            "document_number": document.meta.document_number,
            "source": {"name": document.meta.source_name, "url": document.meta.source_url},
            "clauses": document.clause_count,
            "data": urls.document_data(document.slug, "plan.json"),
        }
        for document in sorted(documents, key=lambda document: document.slug)
    ]
    return OutputFile(CATALOGUE_PATH, data_json({"format": FORMAT_VERSION, "documents": records}))
