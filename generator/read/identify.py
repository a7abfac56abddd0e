"""Identify: each clause of a (revised) plan keeps the permanent ID its ID lock recorded for it.

Old lock lines are matched to the document's clauses, a chapter title only to a chapter title, a
section heading to a section heading, a sentence to a sentence; headings are compared without
their numbering (四、, (二)), texts after NFKC normalisation (，and , alike):

1. runs of clauses in the same order with the same text (difflib's matching blocks);
2. the same text anywhere else: a moved clause;
3. a similar text between the same pair of unchanged neighbours: an edited clause
   (difflib ratio at least ``EDITED_IN_PLACE``);
4. a very similar text anywhere (ratio at least ``EDITED_AND_MOVED``): moved and edited.

A clause left unmatched is new and takes an ID never recorded before: when it comes after every
clause of its section that kept an ID, the number after the highest ever used there (4-2-10 after
4-2-9), else the ID of the clause before it with a letter, as legislation numbers inserted
sections (4-2-3a after 4-2-3; 4-2-0a at the head of the section; chapters 3a, sections 4-2a). Chapter and section IDs are kept
the same way, so a renumbered chapter keeps its page. Old IDs no clause holds stay in the lock as
``removed`` (or ``moved``, where a clause left a chapter's page) and come out as the document's
tombstones, so that their links still land.
"""

import unicodedata
from dataclasses import replace
from difflib import SequenceMatcher

from generator import patterns
from generator.model import (
    ID_SUFFIXES,
    Clause,
    ClauseKind,
    Division,
    Document,
    IdLock,
    LockEntry,
    LockState,
    Paragraph,
    Tombstone,
    page_clauses,
    page_divisions,
    text_clauses,
)
from generator.read.headings import heading_title
from generator.read.idlock import entry_pages, lock_kinds

# The run of parts' IDs (p1, p2…): a part's ID is this letter and its number.
PARTS = "p"
EDITED_IN_PLACE = 0.7
EDITED_AND_MOVED = 0.85


def assign_ids(document: Document, lock: IdLock) -> tuple[Document, IdLock]:
    """The document with its clauses' permanent IDs and tombstones, and the lock updated to match it."""
    # 专栏 boxes keep the IDs their numbering gives them (b2-1); the lock records the text's clauses.
    clauses = tuple(text_clauses(document))
    if not lock.entries:
        return document, IdLock(tuple(LockEntry(clause.id, clause.text) for clause in clauses))
    live = [entry for entry in lock.entries if entry.state == LockState.LIVE]
    kept = _match(live, clauses)
    used = {entry.id for entry in lock.entries}
    revised = _renamed(document, _new_ids(document, kept, used))
    entries, tombstones = _with_tombstones(lock, revised)
    return replace(revised, tombstones=tombstones), IdLock(entries)


def _comparable(text: str, kind: ClauseKind) -> str:
    """A clause's text as matched: without a heading's numbering, in NFKC form."""
    if kind is not ClauseKind.SENTENCE:
        text = heading_title(text)
    return unicodedata.normalize("NFKC", text).strip()


def _match(entries: list[LockEntry], clauses: tuple[Clause, ...]) -> dict[str, str]:
    """The old ID each clause keeps, by the clause's numbering ID."""
    old = [(kind, _comparable(entry.text, kind)) for entry, kind in zip(entries, lock_kinds(tuple(entries)))]
    new = [(clause.kind, _comparable(clause.text, clause.kind)) for clause in clauses]
    pairs: dict[int, int] = {}
    blocks = SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
    for start_old, start_new, size in blocks:
        for offset in range(size):
            pairs[start_new + offset] = start_old + offset
    waiting: dict[tuple, list[int]] = {}
    taken = set(pairs.values())
    for index, key in enumerate(old):
        if index not in taken:
            waiting.setdefault(key, []).append(index)
    for index, key in enumerate(new):
        if index not in pairs and waiting.get(key):
            pairs[index] = waiting[key].pop(0)
    previous_old = previous_new = 0
    for start_old, start_new, size in blocks:
        _pair_similar(old, new, range(previous_old, start_old), range(previous_new, start_new), pairs, EDITED_IN_PLACE)
        previous_old, previous_new = start_old + size, start_new + size
    _pair_similar(old, new, range(len(old)), range(len(new)), pairs, EDITED_AND_MOVED)
    return {clauses[index].id: entries[old_index].id for index, old_index in pairs.items()}


def _pair_similar(old, new, old_range, new_range, pairs: dict[int, int], threshold: float) -> None:
    """Pair the unpaired old and new clauses in the ranges whose texts are similar, best first."""
    taken = set(pairs.values())
    olds = [index for index in old_range if index not in taken]
    news = [index for index in new_range if index not in pairs]
    if not olds or not news:
        return
    old_rank = {index: rank / len(olds) for rank, index in enumerate(olds)}
    new_rank = {index: rank / len(news) for rank, index in enumerate(news)}
    candidates = []
    for new_index in news:
        kind, text = new[new_index]
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(text)
        for old_index in olds:
            if old[old_index][0] != kind:
                continue
            matcher.set_seq1(old[old_index][1])
            if matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold:
                ratio = matcher.ratio()
                if ratio >= threshold:
                    candidates.append((-ratio, abs(old_rank[old_index] - new_rank[new_index]), new_index, old_index))
    for _, _, new_index, old_index in sorted(candidates):
        if new_index not in pairs and old_index not in taken:
            pairs[new_index] = old_index
            taken.add(old_index)


def _new_ids(document: Document, kept: dict[str, str], used: set[str]) -> dict[str, str]:
    """The permanent ID of every clause, by its numbering ID: kept ones, and fresh ones for new clauses."""
    ids: dict[str, str] = {}
    preamble = [clause for paragraph in document.preamble for clause in paragraph.clauses]
    _number_run(preamble, "0-0", kept, used, ids)
    # Parts (p1) and chapters (4) are numbered apart, each across the whole document.
    for level_divisions, prefix in ((document.parts, PARTS), (document.chapters, "")):
        _number_run([division.heading for division in level_divisions], prefix, kept, used, ids)
    for appendix in document.appendices:
        # Appendices are numbered apart (a1, a2…); a new one takes the next a-number never used.
        identifier = kept.get(appendix.id) or next(
            f"a{number}" for number in range(1, len(used) + 2) if f"a{number}" not in used
        )
        used.add(identifier)
        ids[appendix.id] = identifier
    for division in (*document.divisions, *document.appendices):
        _number_division(division, kept, used, ids)
    return ids


def _number_division(division: Division, kept: dict[str, str], used: set[str], ids: dict[str, str]) -> None:
    """IDs for a division's own sentences and its subdivisions (its own ID is given already)."""
    division_id = ids[division.id]
    own = [clause for paragraph in (*division.intro, *division.closing) for clause in paragraph.clauses]
    # A chapter's closing paragraphs continue its introduction's numbering (4-0-8 after 4-0-7).
    if division.level.paged or division.children:
        _number_run(own, f"{division_id}-0", kept, used, ids)
    else:
        _number_run(own, division_id, kept, used, ids)
    below = [child for child in division.children if not child.level.paged]
    _number_run([child.heading for child in below], division_id, kept, used, ids)
    for child in division.children:
        _number_division(child, kept, used, ids)


def _number_run(clauses: list[Clause], prefix: str, kept: dict[str, str], used: set[str], ids: dict[str, str]) -> None:
    """IDs for a run of sibling clauses under ``prefix`` ("" chapters, "p" parts, "4-2" a section's
    sentences): kept IDs stay, new ones are fresh."""
    start = _start(prefix)
    last_kept = max((index for index, clause in enumerate(clauses) if clause.id in kept), default=-1)
    previous = f"{start}0"
    for index, clause in enumerate(clauses):
        if clause.id in kept:
            identifier = kept[clause.id]
        elif index > last_kept:
            identifier = f"{start}{_next_number(prefix, used)}"
        else:
            root = patterns.ID_LETTERS.sub("", previous)
            identifier = next(root + suffix for suffix in ID_SUFFIXES if root + suffix not in used)
        used.add(identifier)
        ids[clause.id] = identifier
        if _number_under(start, identifier) is not None:
            previous = identifier


def _start(prefix: str) -> str:
    """What IDs directly under a prefix begin with: 4-2- under 4-2 (4-2a- under 4-2a); parts' p and
    chapters' nothing under the runs of parts ("p") and chapters ("")."""
    return prefix if prefix in ("", PARTS) else f"{prefix}-"


def _number_under(start: str, identifier: str) -> int | None:
    """The number of an ID directly under the IDs beginning ``start`` (4-2-3a under 4-2-: 3), else None."""
    rest = patterns.ID_LETTERS.sub("", identifier[len(start) :]) if identifier.startswith(start) else ""
    return int(rest) if rest.isdigit() else None


def _next_number(prefix: str, used: set[str]) -> int:
    """One more than the highest number ever used directly under ``prefix`` (chapters: none)."""
    start = _start(prefix)
    numbers = [number for identifier in used if (number := _number_under(start, identifier)) is not None]
    return max(numbers, default=0) + 1


def _renamed(document: Document, ids: dict[str, str]) -> Document:
    """The document with every clause and division under its permanent ID."""

    def clause(old: Clause) -> Clause:
        return replace(old, id=ids[old.id])

    def paragraphs(old: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
        return tuple(replace(paragraph, clauses=tuple(map(clause, paragraph.clauses))) for paragraph in old)

    def division(old: Division) -> Division:
        return replace(
            old,
            id=ids[old.id],
            heading=clause(old.heading),
            intro=paragraphs(old.intro),
            children=tuple(map(division, old.children)),
            closing=paragraphs(old.closing),
        )

    return replace(
        document,
        preamble=paragraphs(document.preamble),
        divisions=tuple(map(division, document.divisions)),
        appendices=tuple(map(division, document.appendices)),
        contents=tuple(replace(entry, id=ids.get(entry.id, "")) for entry in document.contents),
    )


def _with_tombstones(lock: IdLock, document: Document) -> tuple[tuple[LockEntry, ...], tuple[Tombstone, ...]]:
    """The new lock's entries in document order, and the tombstones among them, each placed where it stood.

    A tombstone stays on the page it stood on, after the clause it followed there; the tombstones
    of a removed chapter keep their page, placed after the chapter that preceded it.
    """
    pages = {clause.id: "" for paragraph in document.preamble for clause in paragraph.clauses}
    on_page: dict[str, list[Clause]] = {"": [clause for paragraph in document.preamble for clause in paragraph.clauses]}
    parts = page_divisions(document)
    for page in parts:
        on_page[page.id] = list(page_clauses(page))
        pages.update((clause.id, page.id) for clause in on_page[page.id])
    stubs: dict[str, list[tuple[str, LockEntry]]] = {}
    for entry, page in zip(lock.entries, entry_pages(lock.entries)):
        page_stubs = stubs.setdefault(page, [])
        if pages.get(entry.id) == page:
            if entry.state == LockState.LIVE:
                # Still on this page: the tombstones below it in the lock follow it.
                page_stubs.append((entry.id, None))
            # (A moved clause that came back needs no tombstone here.)
            continue
        if entry.state == LockState.LIVE:
            state = LockState.MOVED if entry.id in pages else LockState.REMOVED
            entry = LockEntry(entry.id, entry.text if state == LockState.REMOVED else "", state)
        page_stubs.append(("", entry))
    order = _page_order(list(stubs), [""] + [page.id for page in parts], set(on_page))
    entries: list[LockEntry] = []
    tombstones: list[Tombstone] = []
    previous_chapter = ""
    for page in order:
        if page in on_page:
            following = _following(stubs.get(page, []))
            for anchor, text in [("", ""), *((clause.id, clause.text) for clause in on_page[page])]:
                if anchor:
                    entries.append(LockEntry(anchor, text))
                for stub in following.get(anchor, ()):
                    entries.append(stub)
                    tombstones.append(_tombstone(stub, page, anchor))
            previous_chapter = page or previous_chapter
        else:
            for _, stub in stubs[page]:
                entries.append(stub)
                tombstones.append(_tombstone(stub, page, previous_chapter if stub.id == page else ""))
    return tuple(entries), tuple(tombstones)


def _following(page_stubs: list[tuple[str, LockEntry | None]]) -> dict[str, list[LockEntry]]:
    """A live page's tombstones by the clause each follows (the last clause still there above it)."""
    following: dict[str, list[LockEntry]] = {}
    anchor = ""
    for clause_id, stub in page_stubs:
        if stub is None:
            anchor = clause_id
        else:
            following.setdefault(anchor, []).append(stub)
    return following


def _page_order(old_order: list[str], live_order: list[str], live: set[str]) -> list[str]:
    """Pages in the new lock's order: the document's, each removed chapter after the page it followed."""
    order = list(live_order)
    placed_removed: set[str] = set()
    for index, page in enumerate(old_order):
        if page in live:
            continue
        predecessor = next((old for old in reversed(old_order[:index]) if old in order), "")
        position = order.index(predecessor) + 1
        while position < len(order) and order[position] in placed_removed:
            position += 1
        order.insert(position, page)
        placed_removed.add(page)
    return order


def _tombstone(entry: LockEntry, page: str, after: str) -> Tombstone:
    """The tombstone a lock entry leaves on a page."""
    return Tombstone(entry.id, page, after, entry.text, entry.state == LockState.MOVED)
