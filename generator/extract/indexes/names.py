"""The shared reading of names: where a name starts, lists of names, and whether a text can be one.

Every index reads names backwards from a head (铁路, 口岸, 沙漠): a name starts after punctuation
and after the last word that governs it (加快建设库布其至河北输电通道 → 库布其至河北输电通道).
"""

from dataclasses import dataclass

from generator import patterns
from generator.extract import lexicon
from generator.model import Mention

# jieba tags of ordinary words (adjectives, adverbs, function words) that a bare place name must not be.
COMMON_WORD_TAGS = {"a", "ad", "an", "d", "c", "p", "u", "r", "m", "q", "f", "t"}

# jieba tags of ordinary nouns: a list holding one (奶酪、马铃薯、果蔬) is no list of places.
ORDINARY_NOUN_TAGS = {"n", "vn", "ng"}


@dataclass(frozen=True, slots=True)
class Found:
    """A name a rule found: which index, its category, the span it saw, whether to look for it
    everywhere, the other name it is written as, the stem before its head (projects), and the
    code of the division it is (places of the gazetteer)."""

    index: str
    name: str
    category: str
    mention: Mention | None = None
    searchable: bool = True
    alias: str = ""
    stem: str = ""
    code: str = ""


def name_start(text: str, head_start: int, conjunctions: bool, min_stem: int = 2) -> int:
    """Where a name ending at ``head_start`` begins: after punctuation, then after the last governing word.

    A governing word that can also end a name (建设, 提升) cuts only when ``min_stem`` characters
    remain after it; ``conjunctions`` (for places) also stops at 、和及与到至 and opening quotes.
    """
    position = head_start
    stops = "、和及与到至“" if conjunctions else ""
    while position > 0:
        char = text[position - 1]
        if char == "”" and not conjunctions:
            opening = text.rfind("“", 0, position - 1)
            if opening < 0:
                break
            position = opening
            continue
        if char in patterns.NAME_BOUNDARY or char in stops:
            break
        position -= 1
    run = text[position:head_start]
    masked = patterns.QUOTED_NAME.sub(lambda match: "□" * len(match.group()), run)
    cut = 0
    for match in patterns.GOVERNING_WORD.finditer(masked):
        if len(run) - match.end() >= min_stem or (match.group() not in patterns.NOMINAL_GOVERNING_WORDS and len(run) - match.end() >= 1):
            cut = max(cut, match.end())
    if not conjunctions:
        for match in patterns.LIST_END_IN_NAME.finditer(masked):
            cut = max(cut, match.end())
    number = patterns.LIST_NUMBER.match(run, cut)
    return position + (number.end() if number else cut)


def items_before(text: str, start: int) -> list[tuple[int, int]]:
    """The short items listed just before ``start`` with 、 (库布其至江苏、库布其至上海、腾格里至江西…)."""
    items = []
    position = start
    while position > 0 and text[position - 1] == "、":
        item_end = position - 1
        item_start = name_start(text, item_end, conjunctions=False, min_stem=2)
        item = text[item_start:item_end]
        if not (2 <= len(item) <= 12) or "、" in item:
            break
        items.append((item_start, item_end))
        if item_start == 0 or text[item_start - 1] != "、":
            break
        position = item_start
    return list(reversed(items))


def listed(text: str, conjunctions: bool):
    """Lists ending in 等: each as (item spans, quantity, class text); items split at 、 (and 和及与)."""
    for match in patterns.LISTED_ITEMS.finditer(text):
        spans = []
        position = match.start("items")
        pieces = patterns.NAME_LIST_SEPARATOR.split(match["items"]) if conjunctions else match["items"].split("、")
        for piece in pieces:
            piece_start = position
            position += len(piece) + 1
            start = name_start(text, piece_start + len(piece), conjunctions=conjunctions)
            start = max(start, piece_start)
            if piece_start + len(piece) - start >= 2:
                spans.append((start, piece_start + len(piece)))
        if len(spans) >= 1:
            yield spans, match["quantity"] or "", match["cls"]


def route_ends(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The two ends of a route written A至B or A—B, as spans: 阿尔山—柴河 → 阿尔山, 柴河."""
    match = patterns.ROUTE_ENDS.match(text[start:end])
    if not match:
        return []
    return [(start + match.start("start"), start + match.end("start")), (start + match.start("end"), start + match.end("end"))]


def straddled(text: str, start: int, end: int) -> bool:
    """Whether a word of the dictionary runs across a head's end (开行动车: 动车), so it is no head."""
    words = lexicon.frequencies()[0]
    for inside in range(1, end - start):
        for outside in (1, 2):
            if end + outside <= len(text) and words.get(text[end - inside : end + outside]):
                return True
    return False


def followed_by_document_head(text: str, position: int) -> bool:
    """Whether a head is part of a document's title: 碳达峰行动方案, 六期建设管理办法."""
    return bool(patterns.DOCUMENT_HEAD_START.match(text, position))


def bare_name(name: str, dashes: bool = False) -> bool:
    """Whether a text could be a proper name by itself: Chinese characters only, no generic start."""
    allowed = patterns.CHINESE_WITH_DASHES if dashes else patterns.CHINESE_ONLY
    if len(name) >= 2 and only_governing(name):
        return False
    return bool(allowed.fullmatch(name)) and "等" not in name and not patterns.GENERIC_NAME_START.match(name)


def only_governing(stem: str) -> bool:
    """Whether a stem is just verbs and the like (拓展, 新开工建设): a head after it names nothing."""
    masked = patterns.QUOTED_NAME.sub(lambda match: "□" * len(match.group()), stem)
    return sum(1 for char in patterns.GOVERNING_WORD.sub("", masked) if "\u4e00" <= char <= "\u9fff" or char == "□") < 2


def has_letters(text: str) -> bool:
    """Whether a text has any Chinese character (not only digits or punctuation)."""
    return bool(patterns.CHINESE_ONLY.search(text))


def ordinary_noun(name: str) -> bool:
    """Whether a name is an ordinary noun or phrase of the dictionary (奶酪, 果蔬), not a proper name."""
    return lexicon.word_tags().get(name, "") in ORDINARY_NOUN_TAGS or common_word(name)


def common_word(name: str) -> bool:
    """Whether a name is an ordinary word (富裕, 深度) and so cannot be looked for bare in the text."""
    return lexicon.word_tags().get(name, "") in COMMON_WORD_TAGS
