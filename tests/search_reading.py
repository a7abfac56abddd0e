"""A reader of the library's search index written from its description (generator/search/library.py):
which clauses of which documents hold every word of a query, every chunk read (no page, no cut).
The search page's own reader (theme/assets/search.js) is checked against the same answers by
test_search_parity.py."""

import bisect
import gzip
import itertools
import json
import unicodedata

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def fold(text: str) -> str:
    """Each character NFKC-normalised and lower-cased; zero-width characters dropped."""
    return "".join("" if char in ZERO_WIDTH else unicodedata.normalize("NFKC", char).lower() for char in text)


def fnv1a(data: bytes) -> int:
    value = 0x811C9DC5
    for byte in data:
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


class Reader:
    """The index as files (site-relative path → bytes), queried without a browser."""

    def __init__(self, files: dict[str, bytes]):
        self.files = files
        self.catalogue = self.json("search/catalogue.bin")
        self.count = self.catalogue["documents"]["count"]
        self._entries: dict[int, list] = {}

    def json(self, path: str):
        return json.loads(gzip.decompress(self.files[path]))

    def entry(self, document: int) -> list:
        """[slug, title, URL, clauses in each text file, review ranges] of a document."""
        per_file = self.catalogue["documents_per_file"]
        if document not in self._entries:
            for offset, entry in enumerate(self.json(f"search/documents/{document // per_file}.bin")):
                self._entries[document // per_file * per_file + offset] = entry
        return self._entries[document]

    def slugs(self) -> list[str]:
        return [self.entry(document)[0] for document in range(self.count)]

    def head(self, token: str) -> tuple[int, list[tuple[int, int]], tuple[int, bytes] | None] | None:
        """(clauses holding it, chunks as (first document, file number), inline (first document, postings)), or None."""
        key = token.encode()
        data = gzip.decompress(self.files[f"search/heads/{fnv1a(key) & (self.catalogue['heads'] - 1):x}.bin"])
        at = 0
        while at < len(data):
            length, at = varint(data, at)
            found = data[at : at + length]
            at += length
            size, at = varint(data, at)
            if found != key:
                at += size
                continue
            end = at + size
            clauses, at = varint(data, at)
            count, at = varint(data, at)
            chunks, document, number = [], 0, 0
            for _ in range(count):
                gap, at = varint(data, at)
                step, at = varint(data, at)
                document, number = document + gap, number + step
                chunks.append((document, number))
            inline = None
            if not count:
                first, at = varint(data, at)
                inline = (first, data[at:end])
            return clauses, chunks, inline
        return None

    def occurrences(self, token: str) -> dict[tuple[int, int], list[int]]:
        """(document, clause) → positions (a pair's; [0] for a character) of every occurrence of a token."""
        head = self.head(token)
        if head is None:
            return {}
        _, chunks, inline = head
        pieces = [inline] if inline else [
            (first, gzip.decompress(self.files[f"search/chunks/{number // self.catalogue['chunks_per_folder']}/{number}.bin"]))
            for first, number in chunks
        ]
        found: dict[tuple[int, int], list[int]] = {}
        for first, data in pieces:
            for document, clause, position in decode(data, first, len(token) == 2):
                found.setdefault((document, clause), []).append(position)
        return found

    def clauses_holding(self, word: str) -> set[tuple[int, int]]:
        """(document, clause) of every clause whose folded text holds the folded word."""
        chars = list(fold(word))
        if not chars:
            return set()
        if len(chars) == 1:
            return set(self.occurrences(chars[0]))
        offsets = sorted({*range(0, len(chars) - 1, 2), len(chars) - 2})
        lists = [self.occurrences(chars[offset] + chars[offset + 1]) for offset in offsets]
        return {
            key
            for key, starts in lists[0].items()
            if any(all(start + offset in found.get(key, ()) for offset, found in zip(offsets[1:], lists[1:])) for start in starts)
        }

    def search(self, query: str) -> list[tuple[int, int]]:
        """(document, clause) of the clauses holding every word of the query, in the index's order."""
        words = query.split()
        if not words:
            return []
        return sorted(set.intersection(*(self.clauses_holding(word) for word in words)))

    def clause(self, document: int, number: int) -> list:
        """[label, text, URL] of a clause, from its document's text file."""
        starts = list(itertools.accumulate(self.entry(document)[3], initial=0))
        run = bisect.bisect_right(starts, number) - 1
        return self.json(f"search/text/{document}/{run}.bin")[number - starts[run]]

    def review(self, document: int, number: int) -> bool:
        ranges = self.entry(document)[4]
        return any(start <= number < end for start, end in zip(ranges[0::2], ranges[1::2]))


def decode(data: bytes, first: int, pair: bool):
    """(document, clause, position) of each occurrence in a run of blocks starting at document ``first``."""
    at, document = 0, first
    while at < len(data):
        if at:
            gap, at = varint(data, at)
            document += gap + 1
        count, at = varint(data, at)
        clauses, clause = [], 0
        for _ in range(count):
            gap, at = varint(data, at)
            clause += gap
            clauses.append(clause)
        positions = [0] * count
        if pair:
            for number in range(count):
                positions[number], at = varint(data, at)
        yield from ((document, clause, position) for clause, position in zip(clauses, positions))


def varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def review_chapters(plan: dict, pattern) -> set[int]:
    """The numbers of a plan.json's chapters (at any depth of its divisions) whose headings ``pattern``
    finds: the chapters reviewing past work."""
    found, stack = set(), list(plan["divisions"])
    while stack:
        division = stack.pop()
        if division["level"] == "chapter" and pattern.search(division["heading"]):
            found.add(division["number"])
        stack.extend(division.get("children", ()))
    return found
