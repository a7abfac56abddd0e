"""Export the plan's indexes as data beside plan.json: projects, places and laws, as JSON and CSV.

CSV files start with a byte-order mark so that spreadsheet programs open the Chinese text as UTF-8.
Names, fields and categories come from the one table of index kinds (data/index_kinds.yml).
"""


from generator import data, urls
from generator.extract.indexes.labels import category_label
from generator.model import IndexEntry, IndexKind, OutputFile, Plan
from generator.render.formats import data_json, spreadsheet_csv

# 2: places' categories are levels of China's divisions (prefecture, county; league-city and
# banner-county before), labelled in the document's terms, and a division's entry has its code.
FORMAT_VERSION = 2
CSV_COLUMNS = ("id", "name", "aliases", "{category}", "label", "code", "clauses", "url")
LIST_SEPARATOR = "；"
# The index whose entries carry the code of the division they are (data/divisions.txt).
CODED_INDEX = "places"


def export_index(plan: Plan) -> tuple[OutputFile, ...]:
    """projects.json/.csv, places.json/.csv and laws.json/.csv of a plan (only for indexes with entries)."""
    files = []
    for index_name, kind in data.index_kinds().items():
        entries = getattr(plan.index, index_name)
        if not entries:
            continue
        page = urls.served_url(urls.index_page(plan, index_name))
        rows = [_row(kind, entry, page, plan.meta.region) for entry in entries]
        document = {"format": FORMAT_VERSION, "plan": plan.info.slug, "index": index_name, "url": page, "entries": rows}
        files.append(OutputFile(urls.data_path(plan, kind.data + ".json"), data_json(document)))
        files.append(OutputFile(urls.data_path(plan, kind.data + ".csv"), _csv(kind, rows)))
    return tuple(files)


def _row(kind: IndexKind, entry: IndexEntry, page: str, region: str) -> dict:
    """One entry as data: identity, names, category, the clauses mentioning it and where its entry is."""
    clauses = list(dict.fromkeys(mention.clause for mention in entry.mentions))
    row = {
        "id": entry.id,
        "name": entry.name,
        "aliases": list(entry.aliases),
        kind.field: entry.category,
        "label": category_label(kind.name, entry.category, region),
    }
    if kind.name == CODED_INDEX:
        row["code"] = entry.code
    row.update({
        "clauses": clauses,
        "url": f"{page}#{entry.id}",
        "mentions": [{"clause": m.clause, "start": m.start, "end": m.end} for m in entry.mentions],
    })
    return row


def _csv(kind: IndexKind, rows: list[dict]) -> str:
    """The entries as CSV with a byte-order mark; lists joined with ；."""
    columns = [column.format(category=kind.field) for column in CSV_COLUMNS if column != "code" or kind.name == CODED_INDEX]
    return spreadsheet_csv(
        columns,
        ({column: LIST_SEPARATOR.join(row[column]) if isinstance(row[column], list) else row[column] for column in columns} for row in rows),
    )
