"""Indexes: the plan's named projects, places and cited documents, found by rules, curated by seeds.

Rules (patterns.py, gazetteer.py) propose names with the span each rule saw; editorial curation
(seeds/<plan>.index.yml) drops, renames, merges, re-categorises and adds entries; then one matcher
per index (a single alternation, longest names first) finds every mention in every clause.
"""

from dataclasses import dataclass, replace

from generator import data, patterns
from generator.data import gazetteer
from generator.extract import lexicon
from generator.model import (
    Clause,
    Document,
    Index,
    IndexCuration,
    IndexEntry,
    Link,
    Mention,
    Plan,
    Warning,
    iter_clauses,
)
from generator.read import pinyin

INDEX_NAMES = ("projects", "places", "documents")
LINK_KINDS = {"projects": "prj", "places": "plc", "documents": "doc"}

# Which type wins when rules disagree about a place: the more official the evidence, the better.
PLACE_TYPE_RANK = ("province", "country", "region", "league-city", "banner-county", "port", "desert", "river",
                   "lake", "mountain", "scenic", "other")

# Heads whose stem names a place: 呼和浩特综合保税区 → 呼和浩特; 和林格尔数据中心集群 → 和林格尔.
PLACE_STEM_HEADS = ("综合保税区", "互贸区", "口岸互贸区", "数据中心集群", "产业协作园区", "跨境铁路")

FEATURE_TYPES = {"沙漠": "desert", "沙地": "desert", "淖尔": "lake", "湖": "lake", "海": "lake", "河": "river",
                 "江": "river", "沟": "river", "山": "mountain"}

# Characters around 市/盟/旗/县/州 that make it part of another word: 城市, 市场, 盟市, 旗县, 县城…
ADMIN_BEFORE_EXCLUDED = {"市": set("城超都上股楼互夜开门集菜早黑入退街闹罢墟坊花盟"), "盟": set("联同结加"),
                         "旗": set("红国党团彩锦战"), "县": set("一各旗州郡市区"), "州": set("神九")}
ADMIN_AFTER_EXCLUDED = {"市": set("场民域区县级政值容辖内外郊直委长属管"), "盟": set("市员友约"),
                        "旗": set("县帜舰下袍手"), "县": set("城域级乡区市委长镇"), "州": set("县市")}
ADMIN_TYPES = {"盟": "league-city", "市": "league-city", "州": "league-city", "旗": "banner-county",
               "县": "banner-county", "自治旗": "banner-county", "自治县": "banner-county", "自治州": "league-city"}

# jieba tags of ordinary words (adjectives, adverbs, function words) that a bare place name must not be.
COMMON_WORD_TAGS = {"a", "ad", "an", "d", "c", "p", "u", "r", "m", "q", "f", "t"}

SNIPPET_RADIUS = 24

# jieba tags of ordinary words, which the stem of a league, city or county name never holds.
ORDINARY_WORD_TAGS = {"n", "vn", "v", "a", "ad", "an", "d", "m", "q", "r", "p", "c", "u"}

# jieba tags of ordinary nouns: a list holding one (奶酪、马铃薯、果蔬) is no list of places.
ORDINARY_NOUN_TAGS = {"n", "vn", "ng"}

# Heads too generic to name anything unless a named facility precedes them: 怀柔国家实验室内蒙古基地.
FACILITY_ONLY_HEADS = {"基地"}


@dataclass(frozen=True, slots=True)
class _Found:
    """A name a rule found: which index, its category, the span it saw, whether to look for it everywhere."""

    index: str
    name: str
    category: str
    mention: Mention | None = None
    searchable: bool = True
    alias: str = ""
    stem: str = ""


def extract_index(document: Document, curation: IndexCuration = IndexCuration(), romanise=pinyin.romanised) -> Index:
    """The plan's three indexes: rules propose names, curation corrects them, a matcher finds every mention.

    ``romanise`` reads names in pinyin (for order and anchors): pinyin.romanised, or the same run elsewhere.
    """
    clauses = tuple(iter_clauses(document))
    places = _place_names(clauses)
    place_stems = {found.name for found in places} | {found.alias for found in places if found.alias}
    projects = _project_names(clauses, place_stems)
    places += _places_in_projects(projects)
    documents = _document_names(clauses)
    warnings: list[Warning] = []
    curated = {}
    for index_name, found in (("projects", projects), ("places", places), ("documents", documents)):
        groups = _group(index_name, found)
        curated[index_name] = _curate(index_name, groups, getattr(curation, index_name), clauses, warnings)
    names = tuple(form for groups in curated.values() for name, group in groups.items() for form in (name, *group["aliases"]))
    syllables = name_syllables(names, romanise)
    indexes = {}
    for index_name, groups in curated.items():
        indexes[index_name] = _entries(groups, clauses, warnings, index_name[:-1], syllables)
    return Index(
        projects=indexes["projects"],
        places=indexes["places"],
        documents=indexes["documents"],
        warnings=tuple(sorted(warnings, key=lambda warning: warning.line)),
    )


def index_links(plan: Plan, pages: dict[str, str]) -> tuple[Link, ...]:
    """Links from every mention to its index entry; a place inside a project's or document's name yields."""
    links = []
    covered: dict[str, list[tuple[int, int]]] = {}
    for index_name in ("projects", "documents", "places"):
        for entry in getattr(plan.index, index_name):
            for mention in entry.mentions:
                spans = covered.setdefault(mention.clause, [])
                if index_name == "places" and any(s < mention.end and mention.start < e for s, e in spans):
                    continue
                if index_name != "places":
                    spans.append((mention.start, mention.end))
                links.append(Link(mention.clause, mention.start, mention.end, pages[index_name], entry.id, LINK_KINDS[index_name]))
    return tuple(links)


def category_label(index_name: str, category: str) -> str:
    """The Chinese label of a category shown to readers."""
    return data.index_categories()[index_name].get(category, category)


def snippet(text: str, start: int, end: int, radius: int = SNIPPET_RADIUS) -> tuple[str, str, str]:
    """The text around a mention: before, the mention, after — cut with ellipses."""
    left = max(0, start - radius)
    right = min(len(text), end + radius)
    before = ("…" if left else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    return before, text[start:end], after


def name_syllables(names: tuple[str, ...], romanise=pinyin.romanised) -> dict[str, tuple[str, ...]]:
    """Each name in lowercase pinyin syllables, leading quotes and brackets ignored (one call to ``romanise``)."""
    unique = tuple(dict.fromkeys(names))
    read = romanise(tuple(patterns.INDEX_SORT_SKIP.sub("", name) for name in unique))
    return {name: tuple(syllable.lower() for syllable in syllables) for name, syllables in zip(unique, read)}


def sort_key(name: str, syllables: tuple[str, ...]) -> tuple:
    """Pinyin order, the way Chinese indexes are ordered: 阿拉善 before 包头 before 策克."""
    return initial(syllables) == "#", syllables, name


def initial(syllables: tuple[str, ...]) -> str:
    """The letter heading a romanised name sorts under: A–Z, or # when it starts with a digit or symbol."""
    letter = syllables[0][:1].upper() if syllables else ""
    return letter if "A" <= letter <= "Z" else "#"


# --- places -------------------------------------------------------------------------------------


def _place_names(clauses: tuple[Clause, ...]) -> list[_Found]:
    """Places found by the gazetteer, administrative and natural suffixes, ports, lists and routes."""
    found: list[_Found] = []
    for clause in clauses:
        text = clause.text
        for match in patterns.GAZETTEER_PLACE.finditer(text):
            found.append(_gazetteer_place(match.group(), Mention(clause.id, match.start(), match.end())))
        found += _admin_places(clause)
        found += _feature_places(clause)
        found += _port_places(clause)
        found += _listed_places(clause)
        for match in patterns.PLACE_AND_SURROUNDINGS.finditer(text):
            start = _name_start(text, match.end("place"), conjunctions=True)
            name = text[start : match.end("place")]
            if _bare_name(name):
                found.append(_Found("places", name, "other", Mention(clause.id, start, match.end("place"))))
    return found


def _gazetteer_place(name: str, mention: Mention) -> _Found:
    """A place of the genre-wide gazetteer, typed by the list it is on; the short name is its alias."""
    for short, suffixes in gazetteer.PROVINCES.items():
        if name == short or name in (short + suffix for suffix in suffixes):
            return _Found("places", short + suffixes[0], "province", mention, alias=short)
    if name in gazetteer.COUNTRIES:
        return _Found("places", name, "country", mention)
    if name in gazetteer.REGIONS:
        return _Found("places", name, "region", mention)
    if name in gazetteer.RIVERS:
        return _Found("places", name, "river", mention)
    return _Found("places", _desert_stem(name), "desert", mention)


def _desert_stem(name: str) -> str:
    """A desert's bare name, which is how plans usually write it: 库布其沙漠 → 库布其."""
    for suffix in ("沙漠", "沙地"):
        if name.endswith(suffix) and name[: -len(suffix)] in gazetteer.DESERTS:
            return name[: -len(suffix)]
    return name


def _admin_places(clause: Clause) -> list[_Found]:
    """Leagues, cities, banners and counties named with their suffix: 通辽市, 锡林郭勒盟."""
    text = clause.text
    found = []
    for match in patterns.ADMIN_SUFFIX.finditer(text):
        suffix = match["suffix"]
        last = suffix[-1]
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if before in ADMIN_BEFORE_EXCLUDED.get(last, ()) or after in ADMIN_AFTER_EXCLUDED.get(last, ()):
            continue
        start = _name_start(text, match.start(), conjunctions=True)
        stem = text[start : match.start()]
        if not (2 <= len(stem) <= 6) or not _bare_name(stem) or _has_ordinary_words(stem):
            continue
        searchable_stem = not _common_word(stem)
        found.append(
            _Found("places", stem + suffix, ADMIN_TYPES[suffix], Mention(clause.id, start, match.end()),
                   alias=stem if searchable_stem else "")
        )
    return found


def _feature_places(clause: Clause) -> list[_Found]:
    """Rivers, lakes, mountains and deserts by their suffix where the name stands alone: 大黑河, 察汗淖尔."""
    text = clause.text
    found = []
    previous_end, previous_suffix = -1, ""
    for match in patterns.FEATURE_SUFFIX.finditer(text):
        suffix = match["suffix"]
        if not patterns.FEATURE_FOLLOWERS.match(text[match.end() :]):
            continue
        start = _name_start(text, match.start(), conjunctions=True, min_stem=1)
        stem = text[start : match.start()]
        joined = previous_suffix == suffix and start - previous_end in (0, 1) and start > 0
        if not _bare_name(stem) or not (2 <= len(stem) <= 4 or (len(stem) == 1 and joined)):
            continue
        if _common_word(stem + suffix) or patterns.GAZETTEER_PLACE.search(stem) or stem[-1] in "河江湖山海沟":
            continue
        found.append(_Found("places", stem + suffix, FEATURE_TYPES[suffix], Mention(clause.id, start, match.end())))
        previous_end, previous_suffix = match.end(), suffix
    return found


def _port_places(clause: Clause) -> list[_Found]:
    """Ports of entry named before 口岸, and the names listed with them: 满都拉、甘其毛都口岸互贸区."""
    text = clause.text
    found = []
    for match in patterns.PORT_SUFFIX.finditer(text):
        start = _name_start(text, match.start(), conjunctions=True)
        stem = text[start : match.start()]
        if not (2 <= len(stem) <= 6) or not _bare_name(stem):
            continue
        found.append(_Found("places", stem, "port", Mention(clause.id, start, match.start())))
        for item_start, item_end in _items_before(text, start):
            item = text[item_start:item_end]
            if len(item) <= 6 and _bare_name(item) and not patterns.PROJECT_HEAD.search(item):
                found.append(_Found("places", item, "port", Mention(clause.id, item_start, item_end)))
    return found


def _listed_places(clause: Clause) -> list[_Found]:
    """Names listed before 等 and a class of places: 大黑河和美岱沟等13条河流, 哈素海等区域."""
    found = []
    for items, quantity, cls in _listed(clause.text, conjunctions=True):
        place_type = next((kind for kind, pattern in patterns.PLACE_CLASSES if pattern.match(cls)), "")
        if not place_type and quantity and all(2 <= end - start <= 4 for start, end in items):
            place_type = "other"
        if not place_type or any(_ordinary_noun(clause.text[start:end]) for start, end in items):
            continue
        for start, end in items:
            name = clause.text[start:end]
            if _bare_name(name, dashes=True):
                found.append(
                    _Found("places", name, place_type, Mention(clause.id, start, end), searchable=not _common_word(name))
                )
            for part_start, part_end in _route_ends(clause.text, start, end):
                part = clause.text[part_start:part_end]
                found.append(_Found("places", part, "other", Mention(clause.id, part_start, part_end),
                                    searchable=not _common_word(part)))
    return found


def _places_in_projects(projects: list[_Found]) -> list[_Found]:
    """Places named in projects: the ends of routes (临河至哈密铁路) and the stems of zones (呼和浩特综合保税区)."""
    found = []
    for project in projects:
        mention, stem = project.mention, project.stem
        if mention is None or not stem:
            continue
        if any(project.name == stem + head for head in PLACE_STEM_HEADS) and _bare_name(stem):
            end = mention.start + len(stem)
            found.append(_Found("places", stem, "other", Mention(mention.clause, mention.start, end),
                                searchable=not _common_word(stem)))
        route = patterns.ROUTE_JOIN.search(stem)
        if not route:
            continue
        left = stem[: route.start()]
        heads = list(patterns.PROJECT_HEAD.finditer(left))
        left_start = heads[-1].end() if heads else 0
        prefix = patterns.COUNTRY_PAIR_PREFIX.match(left[left_start:])
        if prefix and len(left) - left_start - prefix.end() >= 2:
            left_start += prefix.end()
        ends = [(left_start, route.start())]
        right_end = len(stem)
        if 2 <= right_end - route.end() <= 6:
            ends.append((route.end(), right_end))
        for start, end in ends:
            name = stem[start:end]
            if 2 <= len(name) <= 6 and _bare_name(name):
                found.append(_Found("places", name, "other",
                                    Mention(mention.clause, mention.start + start, mention.start + end),
                                    searchable=not _common_word(name)))
    return found


# --- projects ------------------------------------------------------------------------------------


def _project_names(clauses: tuple[Clause, ...], places: set[str]) -> list[_Found]:
    """Named projects and programmes: by head nouns, quoted names, and lists sharing a head."""
    found: list[_Found] = []
    for clause in clauses:
        candidates = _headed_projects(clause, places) + _quoted_projects(clause) + _listed_projects(clause)
        found += _outermost(candidates)
    return found


def _headed_projects(clause: Clause, places: set[str]) -> list[_Found]:
    """Names ending in a project head, read back to where the name starts; lists sharing the head expand."""
    text = clause.text
    quoted = [(match.start(), match.end()) for match in patterns.QUOTED_NAME.finditer(text)]
    found = []
    for match in patterns.PROJECT_HEAD.finditer(text):
        if any(start < match.start() < end for start, end in quoted):
            continue
        head = match.group()
        category, strength = patterns.PROJECT_HEADS[head]
        if _followed_by_document_head(text, match.end()):
            continue
        if _straddled(text, match.start(), match.end()) or patterns.HEAD_IN_LONGER_WORD.match(text, match.start()):
            continue
        start = _name_start(text, match.start(), conjunctions=False)
        for inner in patterns.PROJECT_HEAD.finditer(text, start, match.start()):
            if patterns.NAME_CONJUNCTION.match(text, inner.end()) and inner.end() + 1 < match.start():
                start = inner.end() + 1
        if patterns.CLASS_AFTER_LIST.search(text, 0, start):
            continue  # 满洲里、…等重点口岸提升工程 names a class; its items are the projects
        stem = text[start : match.start()]
        if strength == "weak":
            for conjunction in patterns.NAME_CONJUNCTION.finditer(stem):
                rest = stem[conjunction.end() :]
                if len(rest) >= 4 and _acceptable_stem(rest, head, strength, places):
                    start, stem = start + conjunction.end(), rest
        if not _acceptable_stem(stem, head, strength, places):
            continue
        name = stem + head
        category = _project_category(name, stem, category)
        mention = Mention(clause.id, start, match.end())
        found.append(_Found("projects", name, category, mention, stem=stem))
        if strength == "strong":
            for item_start, item_end in _items_before(text, start):
                item = text[item_start:item_end]
                if not patterns.PROJECT_HEAD.search(item) and _acceptable_stem(item, head, strength, places):
                    found.append(_Found("projects", item + head, category, Mention(clause.id, item_start, item_end),
                                        stem=item))
    return found


def _acceptable_stem(stem: str, head: str, strength: str, places: set[str]) -> bool:
    """Whether a stem before a head makes a name rather than a description of a class of things."""
    if len(stem) < 2 or "等" in stem or patterns.GENERIC_NAME_START.match(stem) or not _has_letters(stem):
        return False
    if _only_governing(stem) or patterns.QUANTITY_IN_NAME.search(stem):
        return False
    if stem.count("(") != stem.count(")") or stem.count("“") != stem.count("”"):
        return False
    inner_head = patterns.PROJECT_HEAD.search(stem)
    if head in FACILITY_ONLY_HEADS:
        return bool(inner_head) and patterns.PROJECT_HEADS[inner_head.group()][1] == "strong"
    if strength == "strong":
        return True
    if strength == "programme":
        return len(patterns.QUOTED_NAME.sub("", stem)) >= 4 or bool(patterns.QUOTED_NAME.search(stem))
    if strength == "upgrade":
        return bool(inner_head) and patterns.PROJECT_HEADS[inner_head.group()][1] in ("strong", "weak")
    specific = patterns.QUOTED_NAME.search(stem) or patterns.ORDINAL.search(stem) or any(place in stem for place in places)
    if inner_head and patterns.PROJECT_HEADS[inner_head.group()][1] == "strong":
        specific = True
    return bool(specific)


def _project_category(name: str, stem: str, category: str) -> str:
    """A project's category: its head's, else a facility named in it, else what its name is about."""
    if category and category not in ("programme", "other"):
        return category
    inner = patterns.PROJECT_HEAD.search(stem)
    if inner and patterns.PROJECT_HEADS[inner.group()][0] not in ("", "programme", "other"):
        return patterns.PROJECT_HEADS[inner.group()][0]
    return next((topic for topic, pattern in patterns.PROJECT_TOPICS if pattern.search(name)), category or "programme")


def _quoted_projects(clause: Clause) -> list[_Found]:
    """Quoted names that end in a project head themselves: “天骏计划”, “十大民生工程”."""
    found = []
    for match in patterns.QUOTED_NAME.finditer(clause.text):
        inner = match["text"]
        head = patterns.PROJECT_HEAD.search(inner)
        if head and head.end() == len(inner) and len(inner) > len(head.group()):
            category = _project_category(match.group(), inner, patterns.PROJECT_HEADS[head.group()][0])
            found.append(_Found("projects", match.group(), category, Mention(clause.id, match.start(), match.end())))
    return found


def _listed_projects(clause: Clause) -> list[_Found]:
    """Items sharing a head after 等: 满洲里、二连浩特…等重点口岸提升工程 → 满洲里口岸提升工程, …"""
    found = []
    text = clause.text
    for items, quantity, cls in _listed(text, conjunctions=False):
        if quantity:
            continue
        if cls.startswith("文化遗产"):
            for start, end in items:
                name = text[start:end]
                if _bare_name(name) and len(name) >= 3:
                    found.append(_Found("projects", name, "culture", Mention(clause.id, start, end)))
            continue
        tail = patterns.PROJECT_HEAD.search(cls)
        if tail is None or tail.end() != len(cls):
            continue
        category, strength = patterns.PROJECT_HEADS[tail.group()]
        of_places = any(pattern.match(cls) for _, pattern in patterns.PLACE_CLASSES)
        for start, end in items:
            item = text[start:end]
            if patterns.PROJECT_HEAD.search(item) or not _has_letters(item):
                continue
            short = len(patterns.QUOTED_NAME.sub("", item)) < 4 and not patterns.QUOTED_NAME.search(item)
            if strength == "programme" and short and not of_places:
                continue
            name = item + cls
            category = _project_category(name, item + cls[: tail.start()], category)
            found.append(_Found("projects", name, category, Mention(clause.id, start, end), stem=item))
    return found


def _outermost(candidates: list[_Found]) -> list[_Found]:
    """Candidates in one clause without those lying inside a longer one (包银高铁 inside 包银高铁…支线)."""
    kept = []
    for candidate in candidates:
        mention = candidate.mention
        inside = any(
            other is not candidate
            and other.mention.start <= mention.start
            and mention.end <= other.mention.end
            and (other.mention.end - other.mention.start) > (mention.end - mention.start)
            for other in candidates
        )
        duplicate = any(
            earlier.mention == mention and earlier.name == candidate.name for earlier in kept
        )
        if not inside and not duplicate:
            kept.append(candidate)
    return kept


# --- documents -----------------------------------------------------------------------------------


def _document_names(clauses: tuple[Clause, ...]) -> list[_Found]:
    """Documents cited in 《》, and those the plan will draft, issue or revise (出台…办法)."""
    found = []
    for clause in clauses:
        text = clause.text
        for match in patterns.BOOK_TITLE.finditer(text):
            title = match["title"]
            if not patterns.DOCUMENT_TITLE_END.search(title):
                continue  # a book, film or song, not a document
            found.append(_Found("documents", title, _document_type(title), Mention(clause.id, match.start(), match.end()),
                                alias=match.group()))
        for match in patterns.DRAFTING.finditer(text):
            for start, end in _document_items(text, match.start("names"), match.end("names")):
                governing = patterns.GOVERNING_WORD.match(text, start)
                if governing and end - governing.end() >= 4:
                    start = governing.end()
                name = text[start:end]
                if "《" in name or patterns.GENERIC_NAME_START.match(name):
                    continue
                found.append(_Found("documents", name, _document_type(name), Mention(clause.id, start, end)))
    return found


def _document_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A list of drafted documents split at 、 where every part ends in a document head."""
    parts, position = [], start
    for index in range(start, end + 1):
        if index == end or text[index] == "、":
            parts.append((position, index))
            position = index + 1
    if len(parts) > 1 and all(patterns.DOCUMENT_HEAD.search(text[s:e]) for s, e in parts):
        return parts
    return [(start, end)]


def _document_type(title: str) -> str:
    """A document's type by how its title ends."""
    return next((kind for kind, pattern in patterns.DOCUMENT_TYPES if pattern.search(title)), "other")


# --- grouping, curation, mentions ------------------------------------------------------------


def _group(index_name: str, found: list[_Found]) -> dict[str, dict]:
    """Names found by the rules, grouped into entries: aliases joined, the strongest category kept."""
    groups: dict[str, dict] = {}
    alias_of: dict[str, str] = {}
    for item in found:
        if item.alias:
            alias_of.setdefault(item.alias, item.name)
    for item in found:
        name = alias_of.get(item.name, item.name)
        group = groups.setdefault(name, {"category": item.category, "aliases": [], "explicit": set(), "quiet": set()})
        group["category"] = _stronger(index_name, group["category"], item.category)
        if item.alias and item.alias != name and item.alias not in group["aliases"]:
            group["aliases"].append(item.alias)
        if not item.searchable:
            group["quiet"].add(item.name)
        if item.mention:
            group["explicit"].add(item.mention)
    searchable = {item.name for item in found if item.searchable}
    for group in groups.values():
        group["quiet"] -= searchable
    return groups


def _stronger(index_name: str, current: str, other: str) -> str:
    """Of two categories rules gave one name, the one with better evidence (places: 盟市 over 其他)."""
    if index_name == "places":
        return min(current, other, key=PLACE_TYPE_RANK.index)
    if current in ("programme", "other") and other not in ("programme", "other"):
        return other
    return current


def _curate(index_name: str, groups: dict[str, dict], changes, clauses, warnings: list[Warning]) -> dict[str, dict]:
    """Editorial changes applied in order: drop, rename, merge, category, add; stale ones warned about."""
    label = index_name[:-1]  # project, place, document

    def find(name: str) -> str | None:
        if name in groups:
            return name
        return next((key for key, group in groups.items() if name in group["aliases"]), None)

    def stale(change, verb: str) -> None:
        warnings.append(Warning(change.line, f"curated {label} {change.name!r} ({verb}) no longer matches an extracted entry"))

    for change in changes.drop:
        key = find(change.name)
        if key is None:
            stale(change, "drop")
        else:
            del groups[key]
    for change in changes.rename:
        key = find(change.name)
        if key is None:
            stale(change, "rename")
            continue
        group = groups.pop(key)
        if key not in group["aliases"]:
            group["aliases"].append(key)
        group["aliases"] = [alias for alias in group["aliases"] if alias != change.value]
        groups[change.value] = group
    for change in changes.merge:
        canonical = find(change.name)
        for other in change.values:
            key = find(other)
            if key is None or key == canonical:
                if key is None:
                    warnings.append(Warning(change.line, f"curated {label} {other!r} (merge into {change.name!r}) no longer matches an extracted entry"))
                continue
            merged = groups.pop(key)
            if canonical is None:
                canonical = change.name
                groups[canonical] = {"category": merged["category"], "aliases": [], "explicit": set(), "quiet": set()}
            target = groups[canonical]
            for alias in [key, *merged["aliases"]]:
                if alias != canonical and alias not in target["aliases"]:
                    target["aliases"].append(alias)
            target["explicit"] |= merged["explicit"]
            target["quiet"] |= merged["quiet"]
    for change in changes.category:
        key = find(change.name)
        if key is None:
            stale(change, "category")
        else:
            groups[key]["category"] = change.value
    for entry in changes.add:
        key = find(entry.name)
        group = groups.pop(key) if key is not None else {"aliases": [], "explicit": set(), "quiet": set()}
        group["category"] = entry.category
        group["aliases"] = [alias for alias in [*group["aliases"], *entry.aliases, *([key] if key and key != entry.name else [])]
                            if alias != entry.name]
        group["aliases"] = list(dict.fromkeys(group["aliases"]))
        group["line"] = entry.line
        groups[entry.name] = group
    return groups


def _entries(
    groups: dict[str, dict], clauses: tuple[Clause, ...], warnings: list[Warning], label: str, syllables: dict[str, tuple[str, ...]]
) -> tuple[IndexEntry, ...]:
    """Entries with every mention: one matcher (longest names first) over each clause, plus rule-seen spans."""
    owner: dict[str, str] = {}
    for name, group in groups.items():
        for form in [name, *group["aliases"]]:
            if form not in group["quiet"] and len(form) >= 2:
                owner.setdefault(form, name)
    mentions: dict[str, set[Mention]] = {name: set(group["explicit"]) for name, group in groups.items()}
    if owner:
        matcher = patterns.any_of(owner)
        for clause in clauses:
            for match in matcher.finditer(clause.text):
                mentions[owner[match.group()]].add(Mention(clause.id, match.start(), match.end()))
    order = {clause.id: position for position, clause in enumerate(clauses)}
    entries, used_ids = [], set()
    for name in sorted(groups, key=lambda name: sort_key(name, syllables[name])):
        group = groups[name]
        found = sorted(mentions[name], key=lambda mention: (order.get(mention.clause, 0), mention.start, mention.end))
        if not found:
            if "line" in group:
                warnings.append(Warning(group["line"], f"curated {label} {name!r} (add) never occurs in the plan's text"))
            continue
        anchor = _anchor(syllables[name], used_ids)
        entries.append(IndexEntry(anchor, name, tuple(group["aliases"]), group["category"], tuple(found), initial(syllables[name])))
    return _with_alias_ids(entries, syllables, used_ids)


def _anchor(syllables: tuple[str, ...], used: set[str]) -> str:
    """A readable, stable anchor for an entry: its name in pinyin (库布其 → kubuqi), unique on its page."""
    base = _anchor_base(syllables)
    anchor, number = base, 2
    while anchor in used:
        anchor = f"{base}-{number}"
        number += 1
    used.add(anchor)
    return anchor


def _anchor_base(syllables: tuple[str, ...]) -> str:
    """A name's anchor before it is made unique: its pinyin, other characters turned to hyphens."""
    return patterns.NON_ANCHOR_RUN.sub("-", "".join(syllables)).strip("-") or "entry"


def _with_alias_ids(entries: list[IndexEntry], syllables: dict[str, tuple[str, ...]], used: set[str]) -> tuple[IndexEntry, ...]:
    """Entries with the anchors of their other names (包鄂榆高铁, renamed: #baoeyugaotie), so that a
    link made before a rename, merge or new reading of the text still lands on the entry. Every
    entry's own anchor comes first; an alias's anchor that another entry or alias has is left out."""
    found = []
    for entry in entries:
        alias_ids = []
        for alias in entry.aliases:
            anchor = _anchor_base(syllables[alias])
            if anchor not in used:
                used.add(anchor)
                alias_ids.append(anchor)
        found.append(replace(entry, alias_ids=tuple(alias_ids)))
    return tuple(found)


# --- shared reading of names ----------------------------------------------------------------------


def _name_start(text: str, head_start: int, conjunctions: bool, min_stem: int = 2) -> int:
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


def _items_before(text: str, start: int) -> list[tuple[int, int]]:
    """The short items listed just before ``start`` with 、 (库布其至江苏、库布其至上海、腾格里至江西…)."""
    items = []
    position = start
    while position > 0 and text[position - 1] == "、":
        item_end = position - 1
        item_start = _name_start(text, item_end, conjunctions=False, min_stem=2)
        item = text[item_start:item_end]
        if not (2 <= len(item) <= 12) or "、" in item:
            break
        items.append((item_start, item_end))
        if item_start == 0 or text[item_start - 1] != "、":
            break
        position = item_start
    return list(reversed(items))


def _listed(text: str, conjunctions: bool):
    """Lists ending in 等: each as (item spans, quantity, class text); items split at 、 (and 和及与)."""
    for match in patterns.LISTED_ITEMS.finditer(text):
        spans = []
        position = match.start("items")
        pieces = patterns.NAME_LIST_SEPARATOR.split(match["items"]) if conjunctions else match["items"].split("、")
        for piece in pieces:
            piece_start = position
            position += len(piece) + 1
            start = _name_start(text, piece_start + len(piece), conjunctions=conjunctions)
            start = max(start, piece_start)
            if piece_start + len(piece) - start >= 2:
                spans.append((start, piece_start + len(piece)))
        if len(spans) >= 1:
            yield spans, match["quantity"] or "", match["cls"]


def _route_ends(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The two ends of a route written A至B or A—B, as spans: 阿尔山—柴河 → 阿尔山, 柴河."""
    match = patterns.ROUTE_ENDS.match(text[start:end])
    if not match:
        return []
    return [(start + match.start("start"), start + match.end("start")), (start + match.start("end"), start + match.end("end"))]


def _straddled(text: str, start: int, end: int) -> bool:
    """Whether a word of the dictionary runs across a head's end (开行动车: 动车), so it is no head."""
    words = lexicon.frequencies()[0]
    for inside in range(1, end - start):
        for outside in (1, 2):
            if end + outside <= len(text) and words.get(text[end - inside : end + outside]):
                return True
    return False


def _followed_by_document_head(text: str, position: int) -> bool:
    """Whether a head is part of a document's title: 碳达峰行动方案, 六期建设管理办法."""
    return bool(patterns.DOCUMENT_HEAD_START.match(text, position))


def _bare_name(name: str, dashes: bool = False) -> bool:
    """Whether a text could be a proper name by itself: Chinese characters only, no generic start."""
    allowed = patterns.CHINESE_WITH_DASHES if dashes else patterns.CHINESE_ONLY
    if len(name) >= 2 and _only_governing(name):
        return False
    return bool(allowed.fullmatch(name)) and "等" not in name and not patterns.GENERIC_NAME_START.match(name)


def _only_governing(stem: str) -> bool:
    """Whether a stem is just verbs and the like (拓展, 新开工建设): a head after it names nothing."""
    masked = patterns.QUOTED_NAME.sub(lambda match: "□" * len(match.group()), stem)
    return sum(1 for char in patterns.GOVERNING_WORD.sub("", masked) if "\u4e00" <= char <= "\u9fff" or char == "□") < 2


def _has_letters(text: str) -> bool:
    """Whether a text has any Chinese character (not only digits or punctuation)."""
    return bool(patterns.CHINESE_ONLY.search(text))


def _has_ordinary_words(stem: str) -> bool:
    """Whether a stem reads as ordinary words (工业强, 试验, 深耕东) rather than a proper name."""
    return any(tag in ORDINARY_WORD_TAGS for _, tag in lexicon.tagged(stem))


def _ordinary_noun(name: str) -> bool:
    """Whether a name is an ordinary noun or phrase of the dictionary (奶酪, 果蔬), not a proper name."""
    return lexicon.word_tags().get(name, "") in ORDINARY_NOUN_TAGS or _common_word(name)


def _common_word(name: str) -> bool:
    """Whether a name is an ordinary word (富裕, 深度) and so cannot be looked for bare in the text."""
    return lexicon.word_tags().get(name, "") in COMMON_WORD_TAGS
