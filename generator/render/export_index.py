"""Export the plan's indexes as data beside plan.json: projects, places and laws, as JSON and CSV.

CSV files start with a byte-order mark so that spreadsheet programs open the Chinese text as UTF-8.
"""


from generator import urls
from generator.extract import indexes
from generator.model import IndexEntry, OutputFile, Plan
from generator.render.formats import data_json, spreadsheet_csv

FORMAT_VERSION = 1
DATA_NAMES = {"projects": "projects", "places": "places", "documents": "laws"}
CATEGORY_FIELDS = {"projects": "category", "places": "type", "documents": "type"}
CSV_COLUMNS = ("id", "name", "aliases", "{category}", "label", "clauses", "url")
LIST_SEPARATOR = "；"


def export_index(plan: Plan) -> tuple[OutputFile, ...]:
    """projects.json/.csv, places.json/.csv and laws.json/.csv of a plan (only for indexes with entries)."""
    files = []
    for index_name in indexes.INDEX_NAMES:
        entries = getattr(plan.index, index_name)
        if not entries:
            continue
        page = urls.served_url(urls.index_page(plan, index_name))
        rows = [_row(index_name, entry, page) for entry in entries]
        name = DATA_NAMES[index_name]
        data = {"format": FORMAT_VERSION, "plan": plan.info.slug, "index": index_name,
                "url": page, "entries": rows}
        files.append(OutputFile(urls.data_path(plan, name + ".json"), data_json(data)))
        files.append(OutputFile(urls.data_path(plan, name + ".csv"), _csv(index_name, rows)))
    return tuple(files)


def _row(index_name: str, entry: IndexEntry, page: str) -> dict:
    """One entry as data: identity, names, category, the clauses mentioning it and where its entry is."""
    clauses = list(dict.fromkeys(mention.clause for mention in entry.mentions))
    return {
        "id": entry.id,
        "name": entry.name,
        "aliases": list(entry.aliases),
        CATEGORY_FIELDS[index_name]: entry.category,
        "label": indexes.category_label(index_name, entry.category),
        "clauses": clauses,
        "url": f"{page}#{entry.id}",
        "mentions": [{"clause": m.clause, "start": m.start, "end": m.end} for m in entry.mentions],
    }


def _csv(index_name: str, rows: list[dict]) -> str:
    """The entries as CSV with a byte-order mark; lists joined with ；."""
    columns = [column.format(category=CATEGORY_FIELDS[index_name]) for column in CSV_COLUMNS]
    return spreadsheet_csv(
        columns,
        ({column: LIST_SEPARATOR.join(row[column]) if isinstance(row[column], list) else row[column] for column in columns} for row in rows),
    )
