"""Formats of the data files: JSON as readers read it, CSV as spreadsheets open it.

The library's tables (data/targets.*, data/results.*) follow one set of conventions, kept here so
that every export pastes the same way into a spreadsheet or an article:

- a table's columns are a mapping of each field (the JSON key, the header of ``<name>.csv``), in
  order, to the Chinese header journalists read (地区, 指标, 目标, 原文, 链接…), the header of the
  twin ``<name>-zh.csv``;
- links are absolute, on the published site (``absolute_url``), so that a spreadsheet can open them;
- CSV files are UTF-8 with a byte order mark (spreadsheet programs then read them as UTF-8) and
  CRLF line ends; a missing value (None) is an empty cell.
"""

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence

from generator.model import OutputFile

# Spreadsheet programs read a CSV as UTF-8 (not the system's legacy code page) when it starts with a BOM.
BYTE_ORDER_MARK = "\ufeff"
# The twin of data/<name>.csv with Chinese column headers: data/<name>-zh.csv.
CHINESE_SUFFIX = "-zh"


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


def absolute_url(site_url: str, url: str) -> str:
    """A site-relative URL (2026-beijing-gov-work-report/3/#3-8-3) on the published site
    (``site_url``, ending in /); left relative when the site's address is unknown ("")."""
    return site_url + url if site_url and url else url


def chinese_path(path: str) -> str:
    """The path of a CSV's twin with Chinese headers: data/targets.csv → data/targets-zh.csv."""
    stem, dot, extension = path.rpartition(".")
    return f"{stem}{CHINESE_SUFFIX}{dot}{extension}"


def table_files(path: str, columns: Mapping[str, str], records: Sequence[dict]) -> tuple[OutputFile, OutputFile]:
    """A table for spreadsheets: ``path`` (headed by the fields of ``columns``) and its twin with
    Chinese headers (``chinese_path(path)``, headed by their labels); the same rows, None as an empty cell."""
    cells = [{field: "" if record[field] is None else record[field] for field in columns} for record in records]
    english = spreadsheet_csv(list(columns), cells)
    chinese = spreadsheet_csv(list(columns.values()), ({label: row[field] for field, label in columns.items()} for row in cells))
    return OutputFile(path, english), OutputFile(chinese_path(path), chinese)


def table_json(columns: Mapping[str, str], records: Sequence[dict], **heading) -> str:
    """A table as JSON: ``heading``'s keys first, then the fields, their Chinese headers and the rows."""
    return data_json({**heading, "fields": list(columns), "labels": dict(columns), "rows": list(records)})
