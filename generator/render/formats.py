"""Formats of the data files: JSON as readers read it, CSV as spreadsheets open it.

The library's tables (data/targets.*, data/results.*) follow one set of conventions, kept here so
that every export pastes the same way into a spreadsheet or an article:

- each column has a field (the JSON key, the header of ``<name>.csv``) and a Chinese header
  journalists read (地区, 指标, 目标, 原文, 链接…), the header of the twin ``<name>-zh.csv``;
- links are absolute, on the published site (``absolute_url``), so that a spreadsheet can open them;
- CSV files are UTF-8 with a byte order mark (spreadsheet programs then read them as UTF-8) and
  CRLF line ends; a missing value (None) is an empty cell.
"""

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.model import OutputFile

# Spreadsheet programs read a CSV as UTF-8 (not the system's legacy code page) when it starts with a BOM.
BYTE_ORDER_MARK = "\ufeff"
# The twin of data/<name>.csv with Chinese column headers: data/<name>-zh.csv.
CHINESE_SUFFIX = "-zh"


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a data table: its field (JSON key, header of the CSV) and its Chinese header."""

    field: str
    label: str


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


def table_files(path: str, columns: Sequence[Column], records: Sequence[dict]) -> tuple[OutputFile, OutputFile]:
    """A table for spreadsheets: ``path`` (headed by the fields) and its twin with Chinese headers
    (``chinese_path(path)``); the same rows, None as an empty cell."""
    fields = [column.field for column in columns]
    cells = [{field: "" if record[field] is None else record[field] for field in fields} for record in records]
    english = spreadsheet_csv(fields, cells)
    labels = {column.field: column.label for column in columns}
    chinese = spreadsheet_csv([labels[field] for field in fields], ({labels[field]: row[field] for field in fields} for row in cells))
    return OutputFile(path, english), OutputFile(chinese_path(path), chinese)


def table_json(columns: Sequence[Column], records: Sequence[dict], **heading) -> str:
    """A table as JSON: ``heading``'s keys first, then the fields, their Chinese headers and the rows."""
    return data_json({**heading, "fields": [column.field for column in columns], "labels": {column.field: column.label for column in columns}, "rows": list(records)})
