"""The projects index: named projects and programmes, by head nouns, quoted names and lists sharing a head.

A name ends in a head (铁路, 工程, 行动: patterns.PROJECT_HEADS, each with its category and how much
of a stem it needs) and starts where names.name_start reads it back to.
"""

from generator import patterns
from generator.extract import lexicon
from generator.extract.indexes.names import (
    Found,
    bare_name,
    followed_by_document_head,
    has_letters,
    items_before,
    listed,
    name_start,
    only_governing,
    straddled,
)
from generator.model import Clause, Mention

# Heads too generic to name anything unless a named facility precedes them: 怀柔国家实验室内蒙古基地.
FACILITY_ONLY_HEADS = {"基地"}

# Words that lead into a name and are never its first (把, 让, 以…): a name starts after them.
LEADING_WORDS = {"把", "让", "以", "将", "对", "向", "为", "使", "被", "从", "要", "跟", "和", "与", "及", "由", "给"}
# A name left after its leading words must hold at least this many characters (和若铁路 keeps its 和).
MINIMUM_STEM = 2


def project_names(clauses: tuple[Clause, ...], places: set[str]) -> list[Found]:
    """Named projects and programmes: by head nouns, quoted names, and lists sharing a head."""
    found: list[Found] = []
    for clause in clauses:
        candidates = _headed_projects(clause, places) + _quoted_projects(clause) + _listed_projects(clause)
        found += _outermost(candidates)
    return found


def _headed_projects(clause: Clause, places: set[str]) -> list[Found]:
    """Names ending in a project head, read back to where the name starts; lists sharing the head expand."""
    text = clause.text
    quoted = [(match.start(), match.end()) for match in patterns.QUOTED_NAME.finditer(text)]
    found = []
    for match in patterns.PROJECT_HEAD.finditer(text):
        if any(start < match.start() < end for start, end in quoted):
            continue
        head = match.group()
        category, strength = patterns.PROJECT_HEADS[head]
        if followed_by_document_head(text, match.end()):
            continue
        if straddled(text, match.start(), match.end()) or patterns.HEAD_IN_LONGER_WORD.match(text, match.start()):
            continue
        start = name_start(text, match.start(), conjunctions=False)
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
        start = _word_start(text, start, match.start())
        stem = text[start : match.start()]
        if not _acceptable_stem(stem, head, strength, places):
            continue
        name = stem + head
        category = _project_category(name, stem, category)
        mention = Mention(clause.id, start, match.end())
        found.append(Found("projects", name, category, mention, stem=stem))
        items = items_before(text, start)
        # A list shares the head only if no item has a head of its own: in 杭州芯光半导体芯片、沪乍杭铁路、
        # 诸暨至嵊州高速公路 each item is a project of its own kind, none a 高速公路.
        if strength == "strong" and not any(patterns.PROJECT_HEAD.search(text, s, e) for s, e in items):
            for item_start, item_end in items:
                item = text[item_start:item_end]
                if _acceptable_stem(item, head, strength, places):
                    found.append(Found("projects", item + head, category, Mention(clause.id, item_start, item_end),
                                        stem=item))
    return found


def _word_start(text: str, start: int, end: int) -> int:
    """Where a name read back to ``start`` begins as a word: after the words that only lead into it
    (把城市更新行动 → 城市更新行动, 以西安区域科技创新中心 → 西安区域科技创新中心), if a name is left."""
    while True:
        words = lexicon.tagged(text[start:end])
        if not words or words[0][0] not in LEADING_WORDS or end - start - len(words[0][0]) < MINIMUM_STEM:
            return start
        start += len(words[0][0])


def _acceptable_stem(stem: str, head: str, strength: str, places: set[str]) -> bool:
    """Whether a stem before a head makes a name rather than a description of a class of things or a
    stretch of a sentence (让生态文明成为人们的行动, 自觉把思想和行动, 多措并举推进工程)."""
    if len(stem) < 2 or "等" in stem or patterns.GENERIC_NAME_START.match(stem) or not has_letters(stem):
        return False
    unquoted = patterns.QUOTED_NAME.sub("", stem)
    words = lexicon.tagged(unquoted) if unquoted else []
    if "的" in unquoted or words and patterns.NAME_CONJUNCTION.fullmatch(words[-1][0]):
        return False
    if patterns.VERB_BEFORE_HEAD.search(unquoted):
        return False
    if only_governing(stem) or patterns.QUANTITY_IN_NAME.search(stem):
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


def _quoted_projects(clause: Clause) -> list[Found]:
    """Quoted names that end in a project head themselves: “天骏计划”, “十大民生工程”."""
    found = []
    for match in patterns.QUOTED_NAME.finditer(clause.text):
        inner = match["text"]
        head = patterns.PROJECT_HEAD.search(inner)
        if head and head.end() == len(inner) and len(inner) > len(head.group()):
            category = _project_category(match.group(), inner, patterns.PROJECT_HEADS[head.group()][0])
            found.append(Found("projects", match.group(), category, Mention(clause.id, match.start(), match.end())))
    return found


def _listed_projects(clause: Clause) -> list[Found]:
    """Items sharing a head after 等: 满洲里、二连浩特…等重点口岸提升工程 → 满洲里口岸提升工程, …"""
    found = []
    text = clause.text
    for items, quantity, cls in listed(text, conjunctions=False):
        if quantity:
            continue
        if cls.startswith("文化遗产"):
            for start, end in items:
                name = text[start:end]
                if bare_name(name) and len(name) >= 3:
                    found.append(Found("projects", name, "culture", Mention(clause.id, start, end)))
            continue
        tail = patterns.PROJECT_HEAD.search(cls)
        if tail is None or tail.end() != len(cls):
            continue
        category, strength = patterns.PROJECT_HEADS[tail.group()]
        of_places = any(pattern.match(cls) for _, pattern in patterns.PLACE_CLASSES)
        for start, end in items:
            item = text[start:end]
            if patterns.PROJECT_HEAD.search(item) or not has_letters(item):
                continue
            short = len(patterns.QUOTED_NAME.sub("", item)) < 4 and not patterns.QUOTED_NAME.search(item)
            if strength == "programme" and short and not of_places:
                continue
            name = item + cls
            category = _project_category(name, item + cls[: tail.start()], category)
            found.append(Found("projects", name, category, Mention(clause.id, start, end), stem=item))
    return found


def _outermost(candidates: list[Found]) -> list[Found]:
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
