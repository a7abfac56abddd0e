"""An independent reading of the prefecture-level divisions a document names, to measure the places
index against (tests/test_places_corpus.py).

It shares nothing with extract/indexes but the Ministry's list of divisions (generator/data): a
prefecture is named where the body's text holds its full name (杭州市, 凉山彝族自治州), or its short
name followed by 市, 州 or 盟 (凉山州), or its short name standing as a whole word — where jieba cuts
the text, with every prefecture's and province's short name added to its dictionary, so that a name
it does not know (黔东南) is still cut as one word, and one inside another word (长治久安, 世界大同,
长白山, 南昌都市圈) is not read as the division. A short name that is also a province's (吉林, 海南)
counts only with its suffix: bare, a reader takes it for the province.
"""

from functools import cache

import jieba

from generator import data
from generator.extract import lexicon
from generator.model import AdminDivision, DivisionLevel, Document, iter_clauses

SUFFIXES = ("市", "州", "盟")


def prefectures_named(document: Document, province: str = "") -> set[str]:
    """The full names of the prefecture-level divisions of ``province`` (a region's code; "" for
    every province) the body names."""
    text, words = _body(document), _words(document)
    return {division.name for division in _prefectures(province) if _named(division, text, words)}


def _named(division: AdminDivision, text: str, words: frozenset[tuple[str, str]]) -> bool:
    if division.name in text:
        return True
    if not division.short:
        return False
    if any((division.short, suffix) in words for suffix in SUFFIXES):
        return True
    return (division.short, "") in words and division.short not in _province_shorts()


def _body(document: Document) -> str:
    return "\n".join(clause.text for clause in iter_clauses(document))


def _words(document: Document) -> frozenset[tuple[str, str]]:
    """Each word jieba cuts the body into, with what follows it if that is 市, 州 or 盟 ("" else)."""
    segmenter = _segmenter()
    found = set()
    for clause in iter_clauses(document):
        words = segmenter.lcut(clause.text, HMM=False)
        for word, following in zip(words, [*words[1:], ""]):
            found.add((word, ""))
            if following[:1] in SUFFIXES:
                found.add((word, following[:1]))
    return frozenset(found)


@cache
def _province_shorts() -> frozenset[str]:
    return frozenset(d.short for d in data.divisions() if d.level is DivisionLevel.PROVINCE)


def _prefectures(province: str) -> tuple[AdminDivision, ...]:
    return tuple(d for d in data.divisions() if d.province.startswith(province[:2]) and d.level is DivisionLevel.PREFECTURE)


@cache
def _segmenter() -> jieba.Tokenizer:
    """jieba's dictionary (as the generator loaded it: no need to read the file again) with every
    prefecture's and province's short name added."""
    frequency, total = lexicon.frequencies()
    segmenter = jieba.Tokenizer()
    # A copy: the words added must not reach the generator's own tokenizer.
    segmenter.FREQ, segmenter.total, segmenter.initialized = dict(frequency), total, True
    for word in sorted({d.short for d in data.divisions() if d.level is not DivisionLevel.COUNTY and d.short}):
        segmenter.add_word(word)
    return segmenter
