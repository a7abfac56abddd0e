"""The library's search index: what a query finds, read back as search.js reads it (tests/search_reading.py)."""

import gzip

import pytest

from generator.model import (
    ClauseKind,
    ClauseRecord,
    DocumentKind,
    DocumentMeta,
    DocumentSummary,
)
from generator.search import library

from .search_reading import Reader, fnv1a


def document(slug: str, *texts: str, region: str = "内蒙古自治区", year: int = 2026, kind=DocumentKind.PLAN, date: str = "") -> DocumentSummary:
    clauses = tuple(
        ClauseRecord(f"1-0-{number}", ClauseKind.SENTENCE, f"第一部分第{number}句", text, f"{slug}/1/#1-0-{number}")
        for number, text in enumerate(texts, 1)
    )
    return DocumentSummary(slug, f"{slug}的标题", f"{slug}/", DocumentMeta(region=region, year=year, kind=kind, date=date), clauses)


class Index(Reader):
    """The index of some documents, answering with (slug, clause index) pairs."""

    def search(self, query: str) -> set[tuple[str, int]]:
        return {(self.entry(document)[0], clause) for document, clause in super().search(query)}


def files(*documents: DocumentSummary, parts=None) -> dict[str, bytes]:
    return {file.path: file.data for file in library.search_files(documents, parts)}


def reader(*documents: DocumentSummary) -> Index:
    return Index(files(*documents))


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
    [(document_number, clause)] = Reader.search(index, "三北")
    assert index.clause(document_number, clause) == ["第一部分第2句", "实施“三北”工程。", "a/1/#1-0-2"]


def test_far_positions_and_many_clauses_are_read_back():
    texts = [f"第{number}句。" for number in range(300)]
    texts[250] = "长" * 20_000 + "乌兰牧骑。"
    index = reader(document("a", *texts))
    assert index.search("乌兰牧骑") == {("a", 250)}
    assert index.search("第299句") == {("a", 299)}
    assert index.clause(0, 299)[1] == "第299句。"


def test_documents_are_numbered_newest_first_then_by_date_and_region():
    documents = (
        document("old", "甲。", region="北京市", year=2020),
        document("henan", "甲。", region="河南省", year=2026),
        document("beijing", "甲。", region="北京市", year=2026),
        document("late", "甲。", region="河南省", year=2026, date="2026-03-01"),
    )
    index = reader(*documents)
    assert index.slugs() == ["late", "beijing", "henan", "old"]
    assert Reader.search(index, "甲") == [(0, 0), (1, 0), (2, 0), (3, 0)]


def test_the_catalogue_gives_each_documents_year_region_and_kind():
    index = reader(document("b", "甲。", region="北京市", year=2025, kind=DocumentKind.WORK_REPORT),
                   document("a", "乙。", region="河南省", year=2026))
    catalogue = index.catalogue
    assert catalogue["regions"] == ["北京市", "河南省"]
    assert catalogue["kinds"] == [["plan", "国民经济和社会发展计划"], ["work_report", "政府工作报告"]]
    assert catalogue["documents"] == {"count": 2, "years": [[2026, 1], [2025, 1]], "region": [1, 0], "kind": [0, 1]}
    assert index.entry(1)[:4] == ["b", "b的标题", "b/", [1]]


def test_a_documents_slug_gives_its_number():
    index = reader(*(document(f"doc-{number}", "甲。", year=2000 + number) for number in range(300)))
    shards = index.catalogue["slugs"]
    assert shards > 1
    for number, slug in ((0, "doc-299"), (299, "doc-0")):
        shard = index.json(f"search/slugs/{fnv1a(slug.encode()) & (shards - 1):x}.bin")
        assert shard[slug] == number


def test_review_chapters_are_given_as_ranges_of_clauses():
    texts = ("一、2025年工作回顾", "经济稳定。", "二、2026年工作安排", "稳定增长。")
    clauses = tuple(
        ClauseRecord(f"{number}", ClauseKind.SENTENCE, "", text, f"a/#{number}", review=number < 2)
        for number, text in enumerate(texts)
    )
    summary = DocumentSummary("a", "a", "a/", DocumentMeta(region="北京市", year=2026), clauses)
    index = reader(summary)
    assert [index.review(0, number) for number in range(4)] == [True, True, False, False]
    assert index.entry(0)[4] == [0, 2]


def test_long_documents_are_cut_into_several_text_files():
    texts = ["句" * 1000 + "。" for _ in range(30)]
    index = reader(document("a", *texts))
    runs = index.entry(0)[3]
    assert len(runs) > 2 and sum(runs) == 30
    assert index.clause(0, 29)[1] == texts[29]


def test_common_tokens_are_cut_into_chunks_of_documents_in_order():
    documents = [document(f"d{number:03d}", *["发展经济。"] * 40, "稀有词。" if number == 7 else "其他。", year=2000 + number) for number in range(120)]
    index = reader(*documents)
    clauses, chunks, inline = index.head("发展")
    assert clauses == 120 * 40 and inline is None and len(chunks) >= 3
    firsts = [first for first, _ in chunks]
    assert firsts == sorted(firsts) and firsts[0] == 0
    for first, number in chunks:
        assert len(gzip.decompress(index.files[library.chunk_path(number)])) <= library.CHUNK_BYTES
    assert len(index.search("发展")) == 120 * 40
    clauses, chunks, inline = index.head("稀有")
    assert clauses == 1 and chunks == [] and inline[0] == 119 - 7
    assert index.search("稀有词 发展") == set()
    assert index.search("稀有词") == {("d007", 40)}


def test_the_same_documents_in_any_order_give_the_same_bytes():
    first, second = document("a", "三北工程。"), document("b", "乌兰牧骑。")
    assert list(library.search_files((first, second))) == list(library.search_files((second, first)))


def test_parts_made_apart_give_the_same_files():
    documents = (document("a", "三北工程。"), document("b", "乌兰牧骑。"))
    made = {each.slug: library.part_bytes(library.document_index(each)) for each in documents}
    assert list(library.search_files(documents, made)) == list(library.search_files(documents))


def test_files_are_gzip_with_no_date_and_the_shard_count_a_power_of_two():
    made = files(document("a", *[f"第{number}项{chr(0x4E00 + number)}{chr(0x5E00 + number)}工作。" for number in range(3000)]))
    assert all(data[:2] == b"\x1f\x8b" and data[4:8] == b"\0\0\0\0" for data in made.values())
    shards = [path for path in made if path.startswith(library.HEADS_FOLDER)]
    assert len(shards) > 1 and len(shards) & (len(shards) - 1) == 0


def test_the_catalogues_version_changes_with_any_other_file():
    first = Index(files(document("a", "三北工程。"))).catalogue["version"]
    assert Index(files(document("a", "三北工程。"))).catalogue["version"] == first
    assert Index(files(document("a", "三北工程！"))).catalogue["version"] != first


def test_a_documents_part_survives_the_builds_cache_byte_for_byte():
    part = library.document_index(document("jia", "人工智能+产业，PPP项目。", "第二句。"))
    assert library.part_from_bytes(library.part_bytes(part)) == part
    with pytest.raises(ValueError):
        library.part_from_bytes(library.part_bytes(part)[:-3])
