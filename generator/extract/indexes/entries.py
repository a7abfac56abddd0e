"""Index entries: every mention of each entry's names, the entries in pinyin order, and their anchors.

An entry's anchor is its name in pinyin (库布其 → kubuqi), unique on its page; its other names'
anchors are kept beside it, so links made before a rename or merge still land on it.
"""

from dataclasses import replace

from generator import patterns
from generator.model import Clause, IndexEntry, Mention, Warning
from generator.read import pinyin


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


def index_entries(
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
        anchor = unique_anchor(syllables[name], used_ids)
        entries.append(IndexEntry(anchor, name, tuple(group["aliases"]), group["category"], tuple(found), initial(syllables[name]),
                                  code=group.get("code", "")))
    return _with_alias_ids(entries, syllables, used_ids)


def unique_anchor(syllables: tuple[str, ...], used: set[str]) -> str:
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
