"""The gazetteer reading: China's divisions and the places of data/places.yml, found by name in a text.

A division is found by its full name (杭州市, 凉山彝族自治州), a written form (凉山州) or its short
name (杭州, 凉山), and indexed under its full name. A short name stands for the division a reader of
the document would take it for, in this order: the document's own region (吉林 in Jilin's report),
the divisions just below it (海南 in Qinghai's report is 海南州; 朝阳 in Beijing's is 朝阳区), another
province (海南省), a place of the vocabulary (黄山 the mountain, outside Anhui), another region's
prefecture whose short name is no other division's and no ordinary word (郑州, not 大同), then the
region's own counties. A name several of these share stands for the one whose parent the text names
just before it (南京市鼓楼区), or else, full, for all of them alike; short, for none.

A name is read only where it is a word of its own: where jieba, cutting the text around it by its
dictionary, neither cuts inside it nor runs a word across its edges (大理石, 长治久安, 三明治, 长白山),
unless the word running on is the name's with a word of geography (黄河流域, 宁波港).
"""

from dataclasses import dataclass
from functools import cache

from generator import data, patterns
from generator.extract import lexicon
from generator.extract.indexes.names import Found
from generator.model import AdminDivision, Clause, DivisionLevel, Mention

# jieba tags of words that are no names (adverbs, adjectives, verbs, places in space: 大同 is an adverb
# there, 东方 a direction, 开封 a verb): such a short name is read bare only for the divisions just
# below the document's region. (Nouns are not among them: the dictionary tags many cities so, 银川.)
ORDINARY_TAGS = {"a", "ad", "an", "b", "c", "d", "f", "i", "l", "m", "p", "q", "r", "s", "t", "u", "v", "vn", "z"}
# How much of the text on each side of a name is cut into words to see where its words end.
WINDOW = 8
# Desert names are written bare or with these after them: 库布其沙漠, 浑善达克沙地.
DESERT_SUFFIXES = ("沙漠", "沙地")


@dataclass(frozen=True, slots=True)
class Known:
    """A place a name may stand for: a division of China (with its code), or a place of the vocabulary."""

    name: str  # the entry's name: 杭州市, 黄河, 库布其
    category: str  # province, prefecture, county, or the vocabulary's: river, country…
    code: str = ""
    parent: str = ""


@dataclass(frozen=True, slots=True)
class Reading:
    """The names to look for in the documents of one region, each with the places it may stand for."""

    places: dict[str, tuple[Known, ...]]  # name as written → the places it may stand for (several: the context chooses)
    by_start: dict[str, tuple[str, ...]]  # the first two characters → names starting so, longest first


def gazetteer_places(clauses: tuple[Clause, ...], region: str) -> list[Found]:
    """Every division and place of the vocabulary the clauses name, read for a document of ``region``."""
    reading = region_reading(region)
    found = []
    for clause in clauses:
        for start, end, known in scan(clause.text, reading):
            name = clause.text[start:end]
            found.append(
                Found("places", known.name, known.category, Mention(clause.id, start, end),
                      searchable=False, alias=name if name != known.name else "", code=known.code)
            )
    return found


def scan(text: str, reading: Reading) -> list[tuple[int, int, Known]]:
    """The places a text names: (start, end, place), leftmost and longest first, none overlapping."""
    found = []
    position = 0
    while position < len(text) - 1:
        for name in reading.by_start.get(text[position : position + 2], ()):
            end = position + len(name)
            if not text.startswith(name, position) or inside_word(text, position, end):
                continue
            known = _chosen(reading.places[name], text[:position])
            if known is not None:
                found.append((position, end, known))
                position = end
                break
        else:
            position += 1
    return found


def inside_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a longer word: jieba, cutting the text around it by
    its dictionary, cuts inside it or runs a word across its edge (大理石, 长治久安, 大巴山南麓) —
    unless that word is the name and a word of geography (黄河流域, 宁波港)."""
    left, right = max(0, start - WINDOW), min(len(text), end + WINDOW)
    edges, position, running_on = set(), left, ""
    for word in lexicon.plain_tokenizer().cut(text[left:right], HMM=False):
        edges.add(position)
        if start <= position < end < position + len(word):
            running_on = text[end : position + len(word)]  # the word that ends the name runs on
        position += len(word)
    edges.add(position)
    if start not in edges:
        return True
    return end not in edges and not patterns.PLACE_EXTENSION.fullmatch(running_on)


def _chosen(candidates: tuple[Known, ...], before: str) -> Known | None:
    """The place a name stands for: the one candidate, or the one whose parent the text names just
    before it (长春市朝阳区); several of one level named in full stand together under their name."""
    if len(candidates) == 1:
        return candidates[0]
    for known in candidates:
        parent = data.divisions_by_code().get(known.parent)
        if parent and any(before.endswith(name) for name in (parent.name, parent.short) if name):
            return known
    first = candidates[0]
    if first.code and all(known.category == first.category and known.name == first.name for known in candidates):
        return Known(first.name, first.category)
    return None


@cache
def region_reading(region: str) -> Reading:
    """What names stand for in a document of ``region`` (a region's full name; "" for none)."""
    # A city's or county's document reads names as its province's would (its divisions are the
    # province's; another province's short names stand for that province).
    found = data.region_named(region) if region else None
    province = data.region_named(found.within) if found and found.within else found
    own = province.code if province else ""
    full: dict[str, list[AdminDivision]] = {}
    short: dict[str, list[AdminDivision]] = {}
    for division in data.divisions():
        if _looked_for_in_full(division, own):
            for name in (division.name, *division.written):
                full.setdefault(name, []).append(division)
        if division.short:
            short.setdefault(division.short, []).append(division)
    for item in data.regions():
        for name in item.short:
            if item.code and _province_named(name, short) != item.code:
                short.setdefault(name, []).append(data.divisions_by_code()[item.code])
    vocabulary = _vocabulary()
    places = {}
    for name in {*full, *short, *vocabulary}:
        if name in full:
            places[name] = _known(_own_first(full[name], own))
        else:
            chosen = _short_name(name, short.get(name, []), vocabulary.get(name), own)
            if chosen:
                places[name] = chosen
    by_start: dict[str, list[str]] = {}
    for name in sorted(places, key=lambda name: (-len(name), name)):
        by_start.setdefault(name[:2], []).append(name)
    return Reading(places, {start: tuple(names) for start, names in by_start.items()})


def _short_name(name: str, divisions: list[AdminDivision], vocabulary: Known | None, own: str) -> tuple[Known, ...]:
    """What a short name stands for in a document of the region coded ``own`` (module docstring)."""
    own_region = [d for d in divisions if d.code == own]
    below = [d for d in divisions if own and d.parent == own]
    provinces = [d for d in divisions if d.level is DivisionLevel.PROVINCE]
    if own_region or len(below) == 1 or provinces:
        return _known(own_region or below or provinces)
    if vocabulary:
        return (vocabulary,)
    if _ordinary_word(name):
        return ()
    prefectures = [d for d in divisions if d.level is DivisionLevel.PREFECTURE]
    if len(prefectures) == 1 and all(d is prefectures[0] or d.parent == prefectures[0].code for d in divisions):
        return _known(prefectures)
    counties = [d for d in divisions if own and d.province == own and d.level is DivisionLevel.COUNTY]
    return _known(counties) if counties and not prefectures and not below else ()


def _province_named(name: str, short: dict[str, list[AdminDivision]]) -> str:
    """The code of the province-level division whose short name ``name`` is, if any."""
    return next((d.code for d in short.get(name, ()) if d.level is DivisionLevel.PROVINCE), "")


def _own_first(divisions: list[AdminDivision], own: str) -> list[AdminDivision]:
    """The divisions of the document's own region among those sharing a name, if any; else all."""
    return [d for d in divisions if d.province == own] or divisions


def _known(divisions: list[AdminDivision]) -> tuple[Known, ...]:
    """Divisions as places to index: each under its full name, its level as its category."""
    return tuple(Known(d.name, d.level.value, d.code, d.parent) for d in divisions)


def _looked_for_in_full(division: AdminDivision, own: str) -> bool:
    """Whether a division is looked for by its full name: every one but a 区 whose name is an
    ordinary word (城区, 郊区, 矿区), and one named by one character and its suffix (赵县) outside its
    own region."""
    if division.short:
        return True
    if division.level is DivisionLevel.COUNTY and division.name.endswith("区") and not division.written:
        return False
    return division.level is not DivisionLevel.COUNTY or division.province == own


def _ordinary_word(name: str) -> bool:
    """Whether a name is an ordinary word as well (大同, 安康: data/places.yml; 东方, an adverb or
    direction in jieba's dictionary)."""
    return name in data.place_vocabulary().ordinary_words or lexicon.word_tags().get(name) in ORDINARY_TAGS


@cache
def _vocabulary() -> dict[str, Known]:
    """The places of data/places.yml by name (a desert also with 沙漠 or 沙地 after it)."""
    known = {}
    for category, names in data.place_vocabulary().lists:
        for name in names:
            known.setdefault(name, Known(name, category))
            if category == "desert" and not name.endswith(DESERT_SUFFIXES):
                for suffix in DESERT_SUFFIXES:
                    known.setdefault(name + suffix, Known(name, category))
    return known
