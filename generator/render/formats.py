"""Formats of the data files: JSON as readers read it, CSV as spreadsheets open it."""

import csv
import io
import json
from collections.abc import Iterable, Sequence

# Spreadsheet programs read a CSV as UTF-8 (not the system's legacy code page) when it starts with a BOM.
BYTE_ORDER_MARK = "\ufeff"


def data_json(data) -> str:
    """Stable, readable JSON: keys in insertion order, Chinese unescaped, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def spreadsheet_csv(fields: Sequence[str], records: Iterable[dict]) -> str:
    """A header row and one row a record (its ``fields``, in order): UTF-8 with a BOM, CRLF line ends."""
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(records)
    return BYTE_ORDER_MARK + table.getvalue()
