"""The places index: every place a document names, and the evidence that each is one.

China's divisions and the places of data/places.yml are found by name (indexes/gazetteer.py).
Other places need evidence beyond a last character — 江, 河, 山 and 口 end slogans (美丽浙江) and
words (智慧口岸) as often as names: a river, lake or mountain stands before a word of geography
(大黑河流域, 贺兰山东麓) or in a list of its class (大黑河和美岱沟等13条河流); a port of entry is a
name no dictionary holds as an ordinary word (甘其毛都口岸, not 智慧口岸); a region ends in a word
for one and holds a known place (杭州都市圈, 呼包鄂榆城市群); and the ends of a route and the stems
of zones are places (临河至哈密铁路, 呼和浩特综合保税区).
"""

from generator import data, patterns
from generator.extract import lexicon
from generator.extract.indexes.gazetteer import gazetteer_places, region_reading, scan
from generator.extract.indexes.names import (
    Found,
    bare_name,
    common_word,
    items_before,
    listed,
    name_start,
    ordinary_noun,
    route_ends,
)
from generator.model import Clause, Mention

# Heads whose stem names a place: 呼和浩特综合保税区 → 呼和浩特; 和林格尔数据中心集群 → 和林格尔.
PLACE_STEM_HEADS = ("综合保税区", "互贸区", "口岸互贸区", "数据中心集群", "产业协作园区", "跨境铁路")

FEATURE_TYPES = {"沙漠": "desert", "沙地": "desert", "淖尔": "lake", "湖": "lake", "海": "lake", "河": "river",
                 "江": "river", "沟": "river", "山": "mountain"}
# Suffixes that make a name a place by themselves (察汗淖尔, 库布其沙漠); the others need a word of
# geography after them.
STRONG_FEATURE_SUFFIXES = {"沙漠", "沙地", "淖尔"}

# jieba tags a port's or a feature's stem may have if the dictionary holds it: a place name's.
PLACE_NAME_TAG = "ns"
# jieba tags of words no name starts with: prepositions, conjunctions, particles, adverbs, verbs (为中国, 至乾县).
FUNCTION_WORD_TAGS = {"p", "c", "u", "d", "r", "v", "vn"}
# How much may stand between a region's known place and the word for it: 长春现代化都市圈, 成渝低空经济带.
CLUSTER_QUALIFIER = 3
# The longest name a place found by where it stands may have: 敖鲁古雅使鹿部落.
LONGEST_PLACE = 12


def place_names(clauses: tuple[Clause, ...], region: str = "") -> list[Found]:
    """Places the clauses name: divisions and known places by name, others by their evidence (never
    the nation itself: 中国)."""
    found = gazetteer_places(clauses, region)
    for clause in clauses:
        text = clause.text
        found += _feature_places(clause, region)
        found += _port_places(clause, region)
        found += _listed_places(clause, region)
        found += _cluster_places(clause, region)
        for match in patterns.PLACE_AND_SURROUNDINGS.finditer(text):
            start = name_start(text, match.end("place"), conjunctions=True)
            if match.end("place") - start <= 6:
                found += _other_place(clause.id, text, start, match.end("place"), region)
    nation = set(data.place_vocabulary().nation)
    return [item for item in found if item.name not in nation]


def places_in_projects(projects: list[Found], region: str = "") -> list[Found]:
    """Places named in projects: the ends of routes (临河至哈密铁路) and the stems of zones (呼和浩特综合保税区)."""
    found = []
    for project in projects:
        mention, stem = project.mention, project.stem
        if mention is None or not stem:
            continue
        spans = []
        if any(project.name == stem + head for head in PLACE_STEM_HEADS) and _name_like(stem, region):
            spans.append((0, len(stem)))
        route = patterns.ROUTE_JOIN.search(stem)
        if route:
            left = stem[: route.start()]
            heads = list(patterns.PROJECT_HEAD.finditer(left))
            left_start = heads[-1].end() if heads else 0
            prefix = patterns.COUNTRY_PAIR_PREFIX.match(left[left_start:])
            if prefix and len(left) - left_start - prefix.end() >= 2:
                left_start += prefix.end()
            spans.append((left_start, route.start()))
            if 2 <= len(stem) - route.end() <= 6:
                spans.append((route.end(), len(stem)))
        for start, end in spans:
            if end - start <= 6:
                found += _other_place(mention.clause, stem, start, end, region, offset=mention.start)
    return found


def _feature_places(clause: Clause, region: str) -> list[Found]:
    """Rivers, lakes, mountains and deserts by their suffix and the geography after it: 大黑河流域,
    贺兰山东麓, 察汗淖尔 (淖尔, 沙漠 and 沙地 are evidence enough)."""
    text = clause.text
    found = []
    previous_end, previous_suffix = -1, ""
    for match in patterns.FEATURE_SUFFIX.finditer(text):
        suffix = match["suffix"]
        after = text[match.end() :]
        evidence = patterns.FEATURE_FOLLOWERS if suffix in STRONG_FEATURE_SUFFIXES else patterns.FEATURE_GEOGRAPHY
        if not evidence.match(after):
            continue
        start = name_start(text, match.start(), conjunctions=True, min_stem=1)
        start = match.start() - len(_after_ordinary_words(text[start : match.start()]))
        stem = text[start : match.start()]
        joined = previous_suffix == suffix and start - previous_end in (0, 1) and start > 0
        if not bare_name(stem) or not (2 <= len(stem) <= 4 or (len(stem) == 1 and joined)):
            continue
        if common_word(stem + suffix) or stem[-1] in "河江湖山海沟" or scan(stem, region_reading(region)):
            continue
        if len(stem) > 1 and not _name_like(stem, region):
            continue
        found.append(Found("places", stem + suffix, FEATURE_TYPES[suffix], Mention(clause.id, start, match.end())))
        previous_end, previous_suffix = match.end(), suffix
    return found


def _port_places(clause: Clause, region: str) -> list[Found]:
    """Ports of entry named before 口岸, and the names listed with them: 满都拉、甘其毛都口岸互贸区;
    a stem that is an ordinary word (智慧口岸, 边境口岸) names none."""
    text = clause.text
    found = []
    for match in patterns.PORT_SUFFIX.finditer(text):
        start = _known_start(text, name_start(text, match.start(), conjunctions=True), match.start(), region)
        stem = text[start : match.start()]
        if not (2 <= len(stem) <= 6) or not bare_name(stem) or not _name_like(stem, region):
            continue
        found.append(Found("places", stem, "port", Mention(clause.id, start, match.start())))
        for item_start, item_end in items_before(text, start):
            item = text[item_start:item_end]
            if len(item) <= 6 and bare_name(item) and not patterns.PROJECT_HEAD.search(item) and _name_like(item, region):
                found.append(Found("places", item, "port", Mention(clause.id, item_start, item_end)))
    return found


def _listed_places(clause: Clause, region: str) -> list[Found]:
    """Names listed before 等 and a class of places: 大黑河和美岱沟等13条河流, 哈素海等区域 (a list
    holding an ordinary noun is no list of places: 牛羊肉、奶酪等区域品牌)."""
    found = []
    text = clause.text
    for items, _, cls in listed(text, conjunctions=True):
        place_type = next((kind for kind, pattern in patterns.PLACE_CLASSES if pattern.match(cls)), "")
        if not place_type or any(ordinary_noun(text[start:end]) for start, end in items):
            continue
        for start, end in items:
            found += _other_place(clause.id, text, start, end, region, category=place_type, dashes=True)
            for part_start, part_end in route_ends(text, start, end):
                found += _other_place(clause.id, text, part_start, part_end, region)
    return found


def _cluster_places(clause: Clause, region: str) -> list[Found]:
    """Regions named by a word for one after a known place: 杭州都市圈, 呼包鄂榆城市群, 长江中游城市群."""
    text = clause.text
    found = []
    reading = region_reading(region)
    for match in patterns.CLUSTER_SUFFIX.finditer(text):
        start = name_start(text, match.start(), conjunctions=True)
        stem = text[start : match.start()]
        known = scan(stem, reading)
        if known and known[0][0] == 0 and len(stem) - known[0][1] <= CLUSTER_QUALIFIER and bare_name(stem):
            found.append(Found("places", text[start : match.end()], "region", Mention(clause.id, start, match.end())))
    return found


def _other_place(
    clause: str, text: str, start: int, end: int, region: str, offset: int = 0, category: str = "other", dashes: bool = False
) -> list[Found]:
    """A place found by where it stands (a route's end, a zone's stem, a list of places, 某某及周边地区)
    in ``text`` (at ``offset`` in the clause): from the known place it holds, if it holds one after
    other words (在二连浩特 → 二连浩特); never the nation (中国)."""
    start = _known_start(text, start, end, region)
    name = text[start:end]
    if not (2 <= len(name) <= LONGEST_PLACE) or not bare_name(name, dashes) or name in data.place_vocabulary().nation:
        return []
    return [Found("places", name, category, Mention(clause, offset + start, offset + end), searchable=not common_word(name))]


def _known_start(text: str, start: int, end: int, region: str) -> int:
    """Where a name read back to ``start`` begins: at the first known place in it, if the words before
    that place are no name (在二连浩特, 带动永州), else at ``start``."""
    known = scan(text[start:end], region_reading(region))
    return start + known[0][0] if known else start


def _after_ordinary_words(stem: str) -> str:
    """A stem without the ordinary words before the name in it: 保护察汗 → 察汗."""
    words = lexicon.tagged(stem)
    while len(words) > 1 and (len(words[0][0]) > 1 and words[0][1] != PLACE_NAME_TAG or words[0][1] in FUNCTION_WORD_TAGS):
        words = words[1:]
    return "".join(word for word, _ in words)


def _name_like(name: str, region: str = "") -> bool:
    """Whether a text reads as a place's name: a place the gazetteer knows, or a text that holds no
    known place and whose words the dictionary holds as no ordinary word (甘其毛都, 满洲里, 大黑; not
    智慧, 边境, 郴州锂电, 为中国)."""
    known = scan(name, region_reading(region))
    if known:
        return len(known) == 1 and known[0][:2] == (0, len(name))
    tag = lexicon.word_tags().get(name)
    if tag is not None:
        return tag == PLACE_NAME_TAG
    words = lexicon.tagged(name)
    if words and words[0][1] in FUNCTION_WORD_TAGS:
        return False
    return all(len(word) == 1 or tag == PLACE_NAME_TAG for word, tag in words)
