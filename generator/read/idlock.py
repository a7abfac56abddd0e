"""The ID lock file kept beside a plan in seeds/: lock text in, IdLock out, and back.

One line per ID, in document order, so that a revision shows up in ``git diff`` as the lines
that changed::

    4-2-3<TAB>积极推进…。            a clause of the plan holds ID 4-2-3
    removed 4-2-4<TAB>原来的句子。   removed in a revision; 4-2-4 is never given out again
    moved 4-2-5                      4-2-5 stood here before its clause moved to another chapter

A line's page is the part or chapter whose ID last began a line above it (the plan's home page before
the first chapter). Tabs, line breaks and backslashes in a text are written ``\\t \\n \\r \\\\``.
"""

from generator import patterns
from generator.errors import PlanError
from generator.model import ClauseKind, IdLock, LockEntry, LockState

HEADER = """\
# Permanent IDs of {name}: which clause holds which ID. Written by `python -m generator build --ids`
# (make site); review its diff after revising the plan (README.md, "Revising a plan").
# One line per ID in document order: ID, a tab, the clause's text. "removed ID<TAB>text": the clause
# was removed, its ID is never given out again. "moved ID": the clause stood here, then moved to
# another chapter; its old link still leads to it.
"""

_UNESCAPES = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}
_ESCAPES = {ord("\\"): "\\\\", ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"}


def parse_lock(text: str) -> IdLock:
    """The entries of a lock file's text, or a PlanError naming the line at fault."""
    entries: list[LockEntry] = []
    lines: list[int] = []
    held: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip() or line.startswith("#"):
            continue
        entry = _entry(line, number)
        if entry.state != LockState.MOVED:
            if entry.id in held:
                raise PlanError(f"ID {entry.id} is already recorded on line {held[entry.id]}", number)
            held[entry.id] = number
        entries.append(entry)
        lines.append(number)
    _check_moves(entries, lines, held)
    return IdLock(tuple(entries))


def format_lock(lock: IdLock, name: str) -> str:
    """The text of a lock file for the plan called ``name``."""
    lines = [HEADER.format(name=name)]
    for entry in lock.entries:
        if entry.state == LockState.MOVED:
            lines.append(f"moved {entry.id}\n")
        else:
            prefix = "removed " if entry.state == LockState.REMOVED else ""
            lines.append(f"{prefix}{entry.id}\t{entry.text.translate(_ESCAPES)}\n")
    return "".join(lines)


def id_depth(clause_id: str) -> int:
    """How deep an ID lies: 1 a part or chapter (a page), 2 a section, 3 a sentence or an item, 4 an
    item's sentence."""
    return clause_id.count("-") + 1


def lock_kinds(entries: tuple[LockEntry, ...]) -> tuple[ClauseKind, ...]:
    """What each entry's ID names, read from the IDs alone: p1 a part, 4 (or a1) a chapter, 4-2 a
    section, 4-2-1 an item where IDs below it are recorded (4-2-1-1), else a sentence."""
    parents = {entry.id.rsplit("-", 1)[0] for entry in entries if "-" in entry.id}
    kinds = []
    for entry in entries:
        depth = id_depth(entry.id)
        if depth == 1:
            kinds.append(ClauseKind.PART_TITLE if entry.id.startswith("p") else ClauseKind.CHAPTER_TITLE)
        elif depth == 2:
            kinds.append(ClauseKind.SECTION_HEADING)
        elif depth == 3 and entry.id in parents:
            kinds.append(ClauseKind.ITEM_HEADING)
        else:
            kinds.append(ClauseKind.SENTENCE)
    return tuple(kinds)


def entry_pages(entries: tuple[LockEntry, ...]) -> tuple[str, ...]:
    """The page each entry stands on: the chapter ID last seen above it, "" for the plan's home page."""
    page = ""
    pages = []
    for entry in entries:
        if id_depth(entry.id) == 1:
            page = entry.id
        pages.append(page)
    return tuple(pages)


def _entry(line: str, number: int) -> LockEntry:
    """One line of the lock as an entry."""
    match = patterns.LOCK_LINE.match(line)
    if not match or not patterns.CLAUSE_ID.match(match["id"]):
        raise PlanError("expected an ID such as 4-2-3 (or p1, a1-0-2), a tab and the clause's text (or 'removed ID<TAB>text', 'moved ID')", number)
    state = LockState(match["state"] or "live")
    text = match["text"]
    if state == LockState.MOVED:
        if text:
            raise PlanError(f"a 'moved' line takes no text: moved {match['id']}", number)
        if id_depth(match["id"]) == 1:
            raise PlanError(f"chapter {match['id']} cannot move: a chapter's page is named by its ID", number)
        return LockEntry(match["id"], "", state)
    if not text:
        raise PlanError(f"ID {match['id']} has no text after its tab", number)
    return LockEntry(match["id"], _unescape(text, number), state)


def _unescape(text: str, number: int) -> str:
    """A lock text with its backslash escapes read."""

    def replace(match):
        if match[1] not in _UNESCAPES:
            raise PlanError(f"unknown escape \\{match[1]} (write \\\\ for a backslash)", number)
        return _UNESCAPES[match[1]]

    return patterns.LOCK_ESCAPE.sub(replace, text)


def _check_moves(entries: list[LockEntry], lines: list[int], held: dict[str, int]) -> None:
    """Every 'moved' line names an ID recorded elsewhere, on another page, once per page."""
    pages = entry_pages(tuple(entries))
    home = {entry.id: page for entry, page in zip(entries, pages) if entry.state != LockState.MOVED}
    seen: set[tuple[str, str]] = set()
    for entry, page, line in zip(entries, pages, lines):
        if entry.state != LockState.MOVED:
            continue
        if entry.id not in held:
            raise PlanError(f"moved {entry.id}: no line records where {entry.id} went", line)
        if home[entry.id] == page or (entry.id, page) in seen:
            raise PlanError(f"moved {entry.id}: {entry.id} is already on this page (line {held[entry.id]})", line)
        seen.add((entry.id, page))
