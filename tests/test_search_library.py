"""The library's search index: what a query finds, read back as search.js reads it (tests/search_reading.py)."""

import gzip
import json

import pytest

from generator.model import (
    ClauseKind,
    ClauseRecord,
    DocumentKind,
    DocumentMeta,
    DocumentSummary,
)
from generator.search import library

from .search_reading import Reader


def document(slug: str, *texts: str, region: str = "内蒙古自治区", year: int = 2026, kind=DocumentKind.PLAN) -> DocumentSummary:
    clauses = tuple(
        ClauseRecord(f"1-0-{number}", ClauseKind.SENTENCE, f"第一部分第{number}句", text, f"{slug}/1/#1-0-{number}")
        for number, text in enumerate(texts, 1)
    )
    return DocumentSummary(slug, f"{slug}的标题", f"{slug}/", DocumentMeta(region=region, year=year, kind=kind), clauses)


def reader(*documents: DocumentSummary) -> Reader:
    return Reader({file.path: file.data for file in library.search_files(documents)})


def test_a_word_finds_the_clauses_holding_it_and_no_other():
    found = reader(document("a", "实施“三北”工程。", "三地北部。", "北三环。")).search("三北")
    assert found == {("a", 0)}


def test_a_phrase_must_stand_whole_not_in_pieces():
    found = reader(document("a", "乌兰牧骑下乡演出。", "乌兰察布与牧骑。", "乌兰牧牧骑。")).search("乌兰牧骑")
    assert found == {("a", 0)}


def test_odd_length_words_are_checked_to_their_last_character():
    found = reader(document("a", "牛羊肉价格稳定。", "牛羊肠。", "牛羊。")).search("牛羊肉")
    assert found == {("a", 0)}


def test_one_character_finds_every_clause_holding_it():
    found = reader(document("a", "稳定煤炭生产。", "发展新能源。", "煤。")).search("煤")
    assert found == {("a", 0), ("a", 2)}


def test_every_word_of_the_query_must_be_held():
    found = reader(document("a", "民营企业发展。", "民营经济发展。", "国有企业改革。")).search("民营 企业")
    assert found == {("a", 0)}


def test_full_width_and_case_are_folded_in_text_and_query():
    index = reader(document("a", "推广ＰＰＰ模式。", "规范ppp项目。", "5G基站和Ａ级景区。"))
    assert index.search("PPP") == index.search("ＰＰＰ") == {("a", 0), ("a", 1)}
    assert index.search("５g") == {("a", 2)}
    assert index.search("a级") == {("a", 2)}


def test_symbols_and_numbers_are_found_as_written():
    index = reader(document("a", "推进人工智能+行动。", "人工智能产业。", "增长5%左右。", "完成4000万亩。"))
    assert index.search("人工智能+") == {("a", 0)}
    assert index.search("5%") == {("a", 2)}
    assert index.search("４０００万亩") == {("a", 3)}


def test_zero_width_characters_neither_hide_nor_join_words():
    index = reader(document("a", "“三\u200b北”工程。"))
    assert index.search("三北") == index.search("三\u200b北") == {("a", 0)}


def test_a_word_never_spans_two_clauses():
    assert reader(document("a", "推进三", "北工程。")).search("三北") == set()


def test_words_are_found_in_every_document_and_named_by_it():
    index = reader(document("b", "枫桥经验。"), document("a", "坚持枫桥经验。", "其他。"))
    assert index.search("枫桥经验") == {("a", 0), ("b", 0)}


def test_a_found_clause_gives_its_label_text_and_url():
    index = reader(document("a", "其他。", "实施“三北”工程。"))
    [(slug, number)] = index.search("三北")
    assert index.clause(slug, number) == ["第一部分第2句", "实施“三北”工程。", "a/1/#1-0-2"]


def test_far_positions_and_many_clauses_are_read_back():
    texts = [f"第{number}句。" for number in range(300)]
    texts[250] = "长" * 20_000 + "乌兰牧骑。"
    index = reader(document("a", *texts))
    assert index.search("乌兰牧骑") == {("a", 250)}
    assert index.search("第299句") == {("a", 299)}
    assert index.clause("a", 299)[1] == "第299句。"


def test_the_catalogue_names_each_document_with_its_metadata():
    files = library.search_files((document("b", "甲。", region="北京市", year=2025, kind=DocumentKind.WORK_REPORT),))
    catalogue = json.loads(gzip.decompress(next(file.data for file in files if file.path == library.CATALOGUE)))
    [entry] = catalogue["documents"]
    assert entry == {"slug": "b", "title": "b的标题", "url": "b/", "region": "北京市", "year": 2025,
                     "kind": "work_report", "clauses": 1, "text": [0]}
    assert catalogue["kinds"]["work_report"] == "政府工作报告"


def test_long_documents_are_cut_into_several_text_files():
    texts = ["句" * 1000 + "。" for _ in range(30)]
    index = reader(document("a", *texts))
    starts = index.documents[0]["text"]
    assert len(starts) > 2 and starts[0] == 0
    assert index.clause("a", 29)[1] == texts[29]


def test_the_same_documents_in_any_order_give_the_same_bytes():
    first, second = document("a", "三北工程。"), document("b", "乌兰牧骑。")
    assert library.search_files((first, second)) == library.search_files((second, first))


def test_parts_made_apart_give_the_same_files():
    documents = (document("a", "三北工程。"), document("b", "乌兰牧骑。"))
    made = tuple(library.document_index(each) for each in documents)
    assert library.search_files(documents, made) == library.search_files(documents)


def test_files_are_gzip_with_no_date_and_the_shard_count_a_power_of_two():
    files = library.search_files((document("a", *[f"第{number}项工作。" for number in range(3000)]),))
    assert all(file.data[:2] == b"\x1f\x8b" and file.data[4:8] == b"\0\0\0\0" for file in files)
    shards = [file for file in files if file.path.startswith(library.POSTINGS_FOLDER)]
    assert len(shards) > 1 and len(shards) & (len(shards) - 1) == 0


def test_a_documents_part_survives_the_builds_cache_byte_for_byte():
    from generator.search.library import document_index, part_bytes, part_from_bytes

    part = document_index(document("jia", "人工智能+产业，PPP项目。", "第二句。"))
    assert part_from_bytes(part_bytes(part)) == part
    with pytest.raises(ValueError):
        part_from_bytes(part_bytes(part)[:-3])
