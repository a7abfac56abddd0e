"""Editorial data kept in seeds/ as YAML: text in, values out, every problem named with its line."""

from datetime import date

import yaml

from generator import data, patterns
from generator.errors import PlanError
from generator.model import (
    Comparator,
    CuratedEntry,
    CuratedName,
    CuratedTarget,
    DocumentKind,
    IndexChanges,
    IndexCuration,
    IndexKind,
    IndicatorCuration,
    IndicatorDefinition,
    IndicatorKind,
    MetaOverrides,
    PlanInfo,
)
from generator.read import pinyin

# seeds/<stem>.yml: the slug, and facts about the document its text does not state (or states wrongly).
META_KEYS = ("region", "year", "kind", "issuer", "speaker", "date", "document_number", "source")
PLAN_INFO_KEYS = {"slug", *META_KEYS}
# Years a document may be for.
EARLIEST_YEAR, LATEST_YEAR = 1949, 2100
SOURCE_KEYS = {"name", "url"}

# seeds/<stem>.indicators.yml: definitions of indicators, and targets to add, drop or correct.
CURATION_KEYS = ("definitions", "add", "drop", "correct")
DEFINITION_KEYS = {"english", "definition"}
TARGET_FIELDS = ("name", "value", "unit", "comparator", "kind", "headline")
CURATED_KEYS = {
    "add": {"clause", "text", *TARGET_FIELDS},
    "drop": {"clause", "text"},
    "correct": {"clause", "text", *TARGET_FIELDS},
}
REQUIRED_KEYS = {"add": {"clause", "text", "name", "value", "unit"}, "drop": {"clause", "text"}, "correct": {"clause", "text"}}
BOOLEANS = {"true": True, "yes": True, "false": False, "no": False}


def default_slug(stem: str, romanise=pinyin.romanised) -> str:
    """A URL slug from a file name: nmg-2026-plan stays, 2026_四川 becomes 2026-si-chuan."""
    (syllables,) = romanise((stem.lower(),))
    return patterns.NON_SLUG_RUN.sub("-", "-".join(syllables)).strip("-") or "plan"


def plan_info(yaml_text: str | None, stem: str, romanise=pinyin.romanised) -> PlanInfo:
    """A plan's metadata from its seeds/<stem>.yml text, or defaults when there is none."""
    return plan_seed(yaml_text, stem, romanise)[0]


def meta_overrides(yaml_text: str | None) -> MetaOverrides:
    """The facts about a document its seeds/<stem>.yml states (region, year, kind, issuer, speaker,
    date, document_number, source: {name, url}), each checked, a problem named with its line."""
    return _overrides(_seed_entries(yaml_text))


def plan_seed(yaml_text: str | None, stem: str, romanise=pinyin.romanised) -> tuple[PlanInfo, MetaOverrides]:
    """What seeds/<stem>.yml says (plan_info and meta_overrides), its text read once.

    ``romanise`` reads the file name in pinyin when the slug comes from it (see default_slug).
    """
    entries = _seed_entries(yaml_text)
    overrides = _overrides(entries)  # checks every key, naming its line
    if "slug" not in entries:
        slug = default_slug(stem, romanise)
    else:
        node = entries["slug"][1]
        slug = node.value if isinstance(node, yaml.ScalarNode) else None
        if not slug or not patterns.SLUG.match(slug):
            raise PlanError(f"slug {slug!r} must be lowercase letters, digits and single hyphens", _line(node))
    return PlanInfo(slug=slug, source_name=overrides.source_name or "", source_url=overrides.source_url or ""), overrides


def _seed_entries(yaml_text: str | None) -> dict:
    """The top-level entries of a seeds/<stem>.yml text (none for no file, or an empty one)."""
    root = _node(yaml_text) if yaml_text is not None else None
    return _mapping_node(root, "the file") if root is not None else {}


def _overrides(entries: dict) -> MetaOverrides:
    """The facts a seeds/<stem>.yml's entries state, each checked (meta_overrides)."""
    for key, (key_node, _) in entries.items():
        if key not in PLAN_INFO_KEYS:
            raise PlanError(f"unknown key {key!r}; expected one of {sorted(PLAN_INFO_KEYS)}", _line(key_node))
    values: dict = {}
    for key in ("issuer", "speaker", "document_number"):
        if key in entries:
            values[key] = _text(entries[key][1])
    if "region" in entries:
        node = entries["region"][1]
        region = data.region_named(_text(node))
        if region is None:
            raise PlanError(f"region {_scalar(node)!r} is not a region's name (a province such as 内蒙古自治区 or 北京, or a city or county such as 杭州市)", _line(node))
        values["region"] = region.name
    if "year" in entries:
        node = entries["year"][1]
        year = _scalar(node).strip()
        if not year.isdigit() or not EARLIEST_YEAR <= int(year) <= LATEST_YEAR:
            raise PlanError(f"year {year!r} must be a year such as 2026", _line(node))
        values["year"] = int(year)
    if "kind" in entries:
        node = entries["kind"][1]
        values["kind"] = _choice(DocumentKind, _text(node), "kind", _line(node))
    if "date" in entries:
        node = entries["date"][1]
        date_text = _scalar(node).strip()
        if not patterns.ISO_DATE.fullmatch(date_text) or not _real_date(date_text):
            raise PlanError(f"date {date_text!r} must be a day written yyyy-mm-dd, such as 2026-02-13", _line(node))
        values["date"] = date_text
    if "source" in entries:
        source = _fields(entries["source"][1], "source", SOURCE_KEYS, set(), _line(entries["source"][0]))
        if "url" in source and not patterns.PAGE_URL.match(source["url"]):
            raise PlanError(f"source url {source['url']!r} must be an http:// or https:// address", _line(entries["source"][1]))
        if "url" in source and patterns.LOGIN_PROXY.search(source["url"]):
            url_line = _line(_mapping_node(entries["source"][1], "source")["url"][1])
            raise PlanError(f"source url {source['url']!r} goes through a login proxy; give the public page, or the publisher's name alone", url_line)
        values.update({f"source_{key}": value for key, value in source.items()})
    return MetaOverrides(**values)


def _real_date(text: str) -> bool:
    """Whether a yyyy-mm-dd date exists (not 2026-02-30)."""
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


INDEX_CHANGE_KINDS = ("drop", "rename", "merge", "category", "add")
ADD_KEYS = {"name", "category", "aliases"}


def index_curation(yaml_text: str | None) -> IndexCuration:
    """Editorial changes to a plan's indexes from its seeds/<stem>.index.yml text (none when absent).

    README.md ("Seeds files") shows every change with an example.
    """
    if yaml_text is None:
        return IndexCuration()
    root = _node(yaml_text)
    if root is None:
        return IndexCuration()
    if not isinstance(root, yaml.MappingNode):
        raise PlanError("expected a mapping with keys projects, places, documents", _line(root))
    indexes = {}
    kinds = data.index_kinds()
    for key, value in root.value:
        index_name = _scalar(key)
        if index_name not in kinds:
            raise PlanError(f"unknown index {index_name!r}; expected one of {sorted(kinds)}", _line(key))
        indexes[index_name] = _index_changes(value, kinds[index_name])
    return IndexCuration(**indexes)


def _category(node, kind: IndexKind) -> str:
    """A category key of an index (a key an earlier version used is read as the key it is now:
    league-city as prefecture), or an error naming the line."""
    category = dict(kind.renamed).get(_text(node), _text(node))
    keys = [key for key, _ in kind.categories]
    if category not in keys:
        raise PlanError(f"category {_text(node)!r} is not one of {keys}", _line(node))
    return category


def _index_changes(node, kind: IndexKind) -> IndexChanges:
    """One index's changes: drop (names), rename (old: new), merge (name: [names]), category, add."""
    if not isinstance(node, yaml.MappingNode):
        raise PlanError(f"expected a mapping with keys {list(INDEX_CHANGE_KINDS)}", _line(node))
    changes: dict[str, tuple] = {}
    for key, value in node.value:
        change = _scalar(key)
        if change == "drop":
            changes[change] = tuple(CuratedName(_text(item), line=_line(item)) for item in _sequence(value))
        elif change == "rename":
            changes[change] = tuple(CuratedName(_text(name), _text(new), line=_line(name)) for name, new in _pairs(value))
        elif change == "category":
            changes[change] = tuple(CuratedName(_text(name), _category(new, kind), line=_line(name)) for name, new in _pairs(value))
        elif change == "merge":
            changes[change] = tuple(
                CuratedName(_text(name), values=tuple(_text(item) for item in _sequence(others)), line=_line(name))
                for name, others in _pairs(value)
            )
        elif change == "add":
            changes[change] = tuple(_added_entry(item, kind) for item in _sequence(value))
        else:
            raise PlanError(f"unknown change {change!r}; expected one of {list(INDEX_CHANGE_KINDS)}", _line(key))
    return IndexChanges(**changes)


def _added_entry(node, kind: IndexKind) -> CuratedEntry:
    """An entry added by hand: name, category and optional aliases."""
    if not isinstance(node, yaml.MappingNode):
        raise PlanError("an added entry is a mapping with keys name, category, aliases", _line(node))
    fields = {_scalar(key): value for key, value in node.value}
    unknown = set(fields) - ADD_KEYS
    if unknown or "name" not in fields or "category" not in fields:
        raise PlanError(f"an added entry needs name and category (and may have aliases), not {sorted(unknown) or 'this'}", _line(node))
    aliases = tuple(_text(item) for item in _sequence(fields["aliases"])) if "aliases" in fields else ()
    return CuratedEntry(_text(fields["name"]), _category(fields["category"], kind), aliases, _line(node))


def indicator_curation(yaml_text: str | None) -> IndicatorCuration:
    """The curation of a plan's indicator glossary from its seeds/<stem>.indicators.yml text.

    Every scalar is read as written (5.70 stays "5.70"); each entry keeps its line for reports.
    """
    if yaml_text is None:
        return IndicatorCuration()
    root = _node(yaml_text)
    if root is None:
        return IndicatorCuration()
    sections = _mapping_node(root, "the file")
    for key, (key_node, _) in sections.items():
        if key not in CURATION_KEYS:
            raise PlanError(f"unknown key {key!r}; expected one of {list(CURATION_KEYS)}", _line(key_node))
    definitions = []
    if "definitions" in sections:
        for name, (name_node, value_node) in _mapping_node(sections["definitions"][1], "definitions").items():
            fields = _fields(value_node, f"definition of {name!r}", DEFINITION_KEYS, DEFINITION_KEYS, _line(name_node))
            definitions.append(IndicatorDefinition(name, fields["english"], fields["definition"], _line(name_node)))
    targets = []
    for action in ("add", "drop", "correct"):
        if action not in sections:
            continue
        entries = sections[action][1]
        if not isinstance(entries, yaml.SequenceNode):
            raise PlanError(f"{action} must be a list of entries (- clause: …)", _line(entries))
        for entry in entries.value:
            fields = _fields(entry, f"{action} entry", CURATED_KEYS[action], REQUIRED_KEYS[action])
            targets.append(_curated_target(action, fields, _line(entry)))
    return IndicatorCuration(tuple(targets), tuple(definitions))


def _curated_target(action: str, fields: dict[str, str], line: int) -> CuratedTarget:
    """One add/drop/correct entry, its values checked."""
    values: dict = {key: fields[key] for key in ("name", "value", "unit") if key in fields}
    if "value" in values and not patterns.NUMBER_AS_WRITTEN.fullmatch(values["value"]):
        raise PlanError(f"value {values['value']!r} is not a number as written (such as 5.7, 840 or 十)", line)
    if "comparator" in fields:
        values["comparator"] = _choice(Comparator, fields["comparator"], "comparator", line)
    if "kind" in fields:
        values["kind"] = _choice(IndicatorKind, fields["kind"], "kind", line)
    if "headline" in fields:
        if fields["headline"].lower() not in BOOLEANS:
            raise PlanError(f"headline must be true or false, not {fields['headline']!r}", line)
        values["headline"] = BOOLEANS[fields["headline"].lower()]
    if action == "add" and values["value"] not in fields["text"]:
        raise PlanError(f"value {values['value']!r} does not appear in text {fields['text']!r}", line)
    return CuratedTarget(action, fields["clause"], fields["text"], line, **values)


def _choice(enum, value: str, what: str, line: int):
    """An enum member by its value, or a PlanError listing the choices."""
    try:
        return enum(value)
    except ValueError:
        raise PlanError(f"{what} {value!r} must be one of {[member.value for member in enum]}", line) from None


def _node(yaml_text: str):
    """The YAML document's root node (scalars unresolved), or a PlanError naming the line at fault."""
    try:
        return yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise _yaml_error(error) from None


def _yaml_error(error: yaml.YAMLError) -> PlanError:
    """What YAML could not read, and the line where it stopped."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or "invalid YAML"
    return PlanError(f"invalid YAML: {problem}", mark.line + 1 if mark else None)


def _line(node) -> int:
    """The 1-based line a node starts on."""
    return node.start_mark.line + 1


def _scalar(node) -> str:
    """A scalar node's text; anything else is an error at its line."""
    if not isinstance(node, yaml.ScalarNode):
        raise PlanError("expected a single value here", _line(node))
    return node.value


def _text(node) -> str:
    """A non-empty name or value."""
    value = _scalar(node).strip()
    if not value:
        raise PlanError("expected a name, found an empty value", _line(node))
    return value


def _sequence(node) -> list:
    """A list node's items (a single value counts as a list of one)."""
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.ScalarNode):
        return [node]
    raise PlanError("expected a list of names", _line(node))


def _pairs(node) -> list:
    """A mapping node's (key, value) pairs."""
    if not isinstance(node, yaml.MappingNode):
        raise PlanError("expected a mapping of names to values", _line(node))
    return list(node.value)


def _mapping_node(node, what: str) -> dict:
    """A mapping node's entries: key text → (key node, value node)."""
    if not isinstance(node, yaml.MappingNode):
        raise PlanError(f"{what} must be a mapping of keys to values", _line(node))
    entries = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise PlanError(f"{what} has a key that is not plain text", _line(key_node))
        if key_node.value in entries:
            raise PlanError(f"{what} repeats the key {key_node.value!r}", _line(key_node))
        entries[key_node.value] = (key_node, value_node)
    return entries


def _fields(node, what: str, allowed: set[str], required: set[str], line: int | None = None) -> dict[str, str]:
    """A mapping of plain-text fields, checked against the keys allowed and required; a missing
    key is reported at ``line`` (where the entry is named) or else where the mapping starts."""
    entries = _mapping_node(node, what)
    fields = {}
    for key, (key_node, value_node) in entries.items():
        if key not in allowed:
            raise PlanError(f"{what} has unknown key {key!r}; expected {sorted(allowed)}", _line(key_node))
        if not isinstance(value_node, yaml.ScalarNode) or not value_node.value.strip():
            raise PlanError(f"{what}: {key} must be non-empty text", _line(value_node))
        fields[key] = value_node.value.strip()
    missing = sorted(required - set(fields))
    if missing:
        raise PlanError(f"{what} lacks {', '.join(missing)}", line or _line(node))
    return fields
