"""A reader of the library's search index written from its description (generator/search/library.py),
as theme/assets/search.js reads it: which clauses of which documents hold every word of a query."""

import gzip
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
        self.catalogue = json.loads(gzip.decompress(files["search/catalogue.bin"]))
        self.documents = self.catalogue["documents"]

    def postings(self, token: str) -> bytes:
        """The postings of a token, b"" if no document holds it."""
        key = token.encode()
        shard = fnv1a(key) & (self.catalogue["shards"] - 1)
        data = gzip.decompress(self.files[f"search/postings/{shard:x}.bin"])
        at = 0
        while at < len(data):
            length, at = varint(data, at)
            found = data[at : at + length]
            at += length
            size, at = varint(data, at)
            if found == key:
                return data[at : at + size]
            at += size
        return b""

    def clauses_holding(self, word: str) -> set[tuple[str, int]]:
        """(slug, clause index) of every clause whose folded text holds the folded word."""
        chars = list(fold(word))
        if not chars:
            return set()
        if len(chars) == 1:
            return {(self.documents[document]["slug"], clause) for document, clause, _ in self.occurrences(chars[0])}
        offsets = sorted({*range(0, len(chars) - 1, 2), len(chars) - 2})
        found = None
        for offset in offsets:
            starts = {(document, clause, position - offset) for document, clause, position in self.occurrences(chars[offset] + chars[offset + 1])}
            found = starts if found is None else found & starts
        return {(self.documents[document]["slug"], clause) for document, clause, _ in found}

    def occurrences(self, token: str) -> list[tuple[int, int, int]]:
        """(document index, clause index, position) of a pair; position 0 for a character."""
        data = self.postings(token)
        pair = len(token) == 2
        found, at, document = [], 0, -1
        while at < len(data):
            gap, at = varint(data, at)
            document = gap if document < 0 else document + gap + 1
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
            found.extend((document, clause, position) for clause, position in zip(clauses, positions))
        return found

    def search(self, query: str) -> set[tuple[str, int]]:
        """Clauses holding every word of the query (words separated by white space)."""
        words = query.split()
        if not words:
            return set()
        return set.intersection(*(self.clauses_holding(word) for word in words))

    def clause(self, slug: str, number: int) -> list:
        """[label, text, URL] of a clause, from its document's text file."""
        document = next(document for document in self.documents if document["slug"] == slug)
        file = max(index for index, start in enumerate(document["text"]) if start <= number)
        run = json.loads(gzip.decompress(self.files[f"search/text/{slug}/{file}.bin"]))
        return run[number - document["text"][file]]


def varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at
