"""Index data: projects/places/laws as JSON and as CSV that spreadsheets open as UTF-8."""

import csv
import io
import json

from generator.extract import indexes
from generator.model import Plan, PlanInfo
from generator.render.export import export_data

from .conftest import parse


def _files():
    document = parse(
        """\
        2026年某某省国民经济和社会发展计划

          一、第一部分

          加快建设乌布林水库，开工建设临河至哈密铁路。落实《某某省优化营商环境条例》。乌布林水库蓄水。
        """
    )
    plan = Plan(PlanInfo("x-plan"), document, index=indexes.extract_index(document))
    return {file.path: file.text for file in export_data(plan)}


def test_each_index_is_exported_as_json_and_csv_beside_plan_json():
    assert set(_files()) >= {
        "x-plan/data/plan.json",
        *(f"x-plan/data/{name}.{ext}" for name in ("projects", "places", "laws") for ext in ("json", "csv")),
    }


def test_json_entries_carry_id_name_aliases_category_clauses_and_url():
    data = json.loads(_files()["x-plan/data/projects.json"])
    entry = next(entry for entry in data["entries"] if entry["name"] == "乌布林水库")
    assert entry["id"] == "wubulinshuiku"
    assert entry["category"] == "water" and entry["aliases"] == []
    assert entry["clauses"] == ["1-0-1", "1-0-3"]
    assert entry["url"] == "x-plan/projects/#wubulinshuiku"


def test_places_and_laws_carry_a_type():
    places = json.loads(_files()["x-plan/data/places.json"])["entries"]
    laws = json.loads(_files()["x-plan/data/laws.json"])["entries"]
    assert {entry["name"]: entry["type"] for entry in laws} == {"某某省优化营商环境条例": "regulation"}
    assert all("type" in entry for entry in places)


def test_csv_starts_with_a_byte_order_mark_and_reads_back():
    text = _files()["x-plan/data/projects.csv"]
    assert text.startswith("\ufeffid,name,aliases,category,label,clauses,url\r\n")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    reservoir = next(row for row in rows if row["name"] == "乌布林水库")
    assert reservoir["clauses"] == "1-0-1；1-0-3" and reservoir["label"] == "水利"


def test_a_division_is_exported_with_its_code_and_its_level_in_the_document_s_terms():
    from generator.model import DocumentKind, DocumentMeta

    document = parse(
        """\
        2026年四川省政府工作报告

          一、工作回顾

          支持成都、凉山州和丹巴县发展。
        """
    )
    meta = DocumentMeta(region="四川省", kind=DocumentKind.WORK_REPORT)
    plan = Plan(PlanInfo("x-plan"), document, meta=meta, index=indexes.extract_index(document, region="四川省"))
    files = {file.path: file.text for file in export_data(plan)}
    exported = json.loads(files["x-plan/data/places.json"])
    assert exported["format"] == 2
    rows = {entry["name"]: (entry["type"], entry["label"], entry["code"]) for entry in exported["entries"]}
    assert rows["成都市"] == ("prefecture", "市州", "510100")
    assert rows["凉山彝族自治州"] == ("prefecture", "市州", "513400")
    assert rows["丹巴县"] == ("county", "县", "513323")
    assert files["x-plan/data/places.csv"].startswith("\ufeffid,name,aliases,type,label,code,clauses,url\r\n")
