"""The conventions every data table of the library follows: Chinese headers in a twin CSV, absolute
links, a byte order mark, empty cells for missing values."""

import csv
import io
import json

from generator.render.formats import (
    absolute_url,
    chinese_path,
    table_files,
    table_json,
)

COLUMNS = {"region": "地区", "value": "数值", "url": "链接"}
RECORDS = [{"region": "北京市", "value": 5.5, "url": "https://x.org/a/#1"}, {"region": "天津市", "value": None, "url": ""}]


def test_a_table_is_two_csv_files_one_with_chinese_headers_the_same_rows():
    english, chinese = table_files("data/targets.csv", COLUMNS, RECORDS)
    assert (english.path, chinese.path) == ("data/targets.csv", "data/targets-zh.csv")
    assert english.text == "\ufeffregion,value,url\r\n北京市,5.5,https://x.org/a/#1\r\n天津市,,\r\n"
    rows = list(csv.reader(io.StringIO(chinese.text.removeprefix("\ufeff"))))
    assert rows == [["地区", "数值", "链接"], ["北京市", "5.5", "https://x.org/a/#1"], ["天津市", "", ""]]


def test_a_tables_json_names_its_fields_and_their_chinese_headers():
    data = json.loads(table_json(COLUMNS, RECORDS, format=2, page="compare/2026/"))
    assert list(data) == ["format", "page", "fields", "labels", "rows"]
    assert data["fields"] == ["region", "value", "url"] and data["labels"]["url"] == "链接"
    assert data["rows"][1] == {"region": "天津市", "value": None, "url": ""}


def test_links_are_absolute_on_the_published_site_and_stay_relative_without_one():
    assert absolute_url("https://plans.example.org/", "beijing/3/#3-8-3") == "https://plans.example.org/beijing/3/#3-8-3"
    assert absolute_url("", "beijing/3/#3-8-3") == "beijing/3/#3-8-3"
    assert absolute_url("https://plans.example.org/", "") == ""


def test_the_chinese_twin_sits_beside_its_table():
    assert chinese_path("data/results.csv") == "data/results-zh.csv"
