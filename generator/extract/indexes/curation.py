"""Index curation: names the rules found grouped into entries, then the editors' changes applied.

seeds/<stem>.index.yml drops, renames, merges, re-categorises and adds entries (README "Seeds
files"); a change that matches nothing the rules found, or that files a division of China under
another level than its own, is a warning naming the file and line.
"""

from generator import data
from generator.extract.indexes.names import Found
from generator.model import DivisionLevel, Warning

# Which category wins when rules disagree about a place: the more official the evidence, the better.
PLACE_TYPE_RANK = ("province", "prefecture", "county", "country", "region", "port", "desert", "river", "lake",
                   "mountain", "scenic", "other")
# The places categories that are levels of China's divisions.
DIVISION_CATEGORIES = {level.value: level for level in DivisionLevel}


def group_found(index_name: str, found: list[Found]) -> dict[str, dict]:
    """Names found by the rules, grouped into entries: aliases joined, the strongest category kept."""
    groups: dict[str, dict] = {}
    alias_of: dict[str, str] = {}
    for item in found:
        if item.alias:
            alias_of.setdefault(item.alias, item.name)
    for item in found:
        name = alias_of.get(item.name, item.name)
        group = groups.setdefault(name, {"category": item.category, "aliases": [], "explicit": set(), "quiet": set(), "code": ""})
        group["category"] = stronger(index_name, group["category"], item.category)
        group["code"] = group["code"] or item.code
        if item.alias and item.alias != name and item.alias not in group["aliases"]:
            group["aliases"].append(item.alias)
        if not item.searchable:
            group["quiet"].update(form for form in (item.name, item.alias) if form)
        if item.mention:
            group["explicit"].add(item.mention)
    searchable = {item.name for item in found if item.searchable}
    for group in groups.values():
        group["quiet"] -= searchable
    return groups


def stronger(index_name: str, current: str, other: str) -> str:
    """Of two categories rules gave one name, the one with better evidence (places: 盟市 over 其他)."""
    if index_name == "places":
        return min(current, other, key=PLACE_TYPE_RANK.index)
    if current in ("programme", "other") and other not in ("programme", "other"):
        return other
    return current


def curate(index_name: str, groups: dict[str, dict], changes, warnings: list[Warning]) -> dict[str, dict]:
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
                groups[canonical] = {"category": merged["category"], "aliases": [], "explicit": set(), "quiet": set(), "code": merged["code"]}
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
            _warn_if_disagreeing(index_name, change.name, groups[key], change.value, change.line, warnings)
            groups[key]["category"] = change.value
    for entry in changes.add:
        key = find(entry.name)
        group = groups.pop(key) if key is not None else {"aliases": [], "explicit": set(), "quiet": set(), "code": ""}
        if key is not None:
            _warn_if_disagreeing(index_name, entry.name, group, entry.category, entry.line, warnings)
        group["category"] = entry.category
        group["aliases"] = [alias for alias in [*group["aliases"], *entry.aliases, *([key] if key and key != entry.name else [])]
                            if alias != entry.name]
        group["aliases"] = list(dict.fromkeys(group["aliases"]))
        group["line"] = entry.line
        groups[entry.name] = group
    return groups


def _warn_if_disagreeing(index_name: str, name: str, group: dict, category: str, line: int, warnings: list[Warning]) -> None:
    """A warning when the editors file a place under a level of China's divisions that the gazetteer
    does not give it: a division of another level, or a name that is no division."""
    if index_name != "places" or category not in DIVISION_CATEGORIES:
        return
    if not group["code"]:
        named = [d for d in data.divisions() if name in (d.name, d.short, *d.written) and d.level.value == category]
        if len(named) == 1:
            group["code"] = named[0].code
        elif not named:
            warnings.append(Warning(line, f"curated place {name!r} is filed as {category}, but no {category}-level division is named so"))
        return
    division = data.divisions_by_code()[group["code"]]
    if category != division.level.value:
        warnings.append(Warning(line, f"curated place {name!r} is filed as {category}, but {division.name} ({division.code}) "
                                      f"is a {division.level.value}-level division"))
