"""Library search: a static index cut into small files, so that a query downloads only what it needs.

The online site's search page (theme/assets/search.js) reads three kinds of file, each compressed
with gzip (the script inflates them: they are small whether or not the server compresses):

- ``search/catalogue.bin`` (JSON): every document — slug, title, URL, region, year, kind, number of
  clauses, the first clause of each of its text files — the number of posting shards, the version;
- ``search/postings/<shard>.bin`` (binary): for each token hashed to that shard, where it occurs;
- ``search/text/<slug>/<n>.bin`` (JSON): a run of a document's clauses, each [label, text, URL].

Tokens. A clause's text is folded character by character (NFKC, lower case, zero-width characters
dropped: ＰＰＰ and PPP are one). Each character is a token listing the clauses that hold it; each
pair of neighbouring characters (white space excluded) is a token listing the clauses and the
positions where it starts. A query word of one character is answered by its character; a longer
one by the pairs at offsets 0, 2, 4… and its last pair, which must start at those offsets from one
position of one clause. So a clause is found exactly when its folded text holds the word — 三北,
牛羊肉, 人工智能+, 5G alike, with no dictionary to agree on — and counts are exact before any text
is fetched. search.js folds and hashes exactly as this module does.

Postings of a token: for each document holding it, in catalogue order, the document's index (the
first as it is, each next as its distance from the one before, less one), then that document's
block. A block does not depend on where its document stands in the catalogue, so it is made once
per document (document_index; the build may cache it) and the library's files are a merge: for a
character, the number of clauses holding it, then their indexes, each as its distance from the one
before (the first from 0); for a pair, the number of its occurrences, their clauses' indexes in the
same way (0 for another occurrence in the same clause), then each occurrence's position in its
clause. Numbers are unsigned LEB128 varints. A shard holds its tokens sorted, each as the token's
UTF-8 length, the token, the postings' length, the postings.
"""

import array
import collections
import gzip
import hashlib
import itertools
import json
import operator
import sys
import unicodedata
from dataclasses import dataclass

from generator import data
from generator.model import BinaryFile, DocumentSummary

FORMAT_VERSION = 1
CATALOGUE = "search/catalogue.bin"
POSTINGS_FOLDER = "search/postings"
TEXT_FOLDER = "search/text"
# Shards aim at this many bytes of postings (before compression): a query fetches one per token.
SHARD_BYTES = 12_000
# A document's clause texts are cut into files of about this many bytes of UTF-8 text.
TEXT_FILE_BYTES = 8_000
# Characters a reader never sees and a query never needs: dropped from what is indexed and queried.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# Every number below 2**14 as its varint, so that most numbers are encoded by lookup.
_VARINT_BYTES = tuple(bytes([value]) if value < 0x80 else bytes([value & 0x7F | 0x80, value >> 7]) for value in range(1 << 14))
FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


@dataclass(frozen=True, slots=True)
class DocumentIndex:
    """What one document adds to the search index, made once per document (the build may cache it)."""

    slug: str
    # Each token of the document with its block, tokens in a fixed order.
    blocks: tuple[tuple[str, bytes], ...]
    # The first clause of each of the document's text files, and each file (JSON, compressed).
    text_starts: tuple[int, ...]
    text_files: tuple[bytes, ...]


def search_files(documents: tuple[DocumentSummary, ...], indexes: tuple[DocumentIndex, ...] = ()) -> tuple[BinaryFile, ...]:
    """Every file of the library's search index (site-relative paths, gzip-compressed contents), in path order.

    ``indexes`` may bring documents' parts already made (document_index of the same summaries,
    cached by the build), matched by slug; the others are made here. The same documents, in
    whatever order, give byte-identical files.
    """
    ordered = sorted(documents, key=lambda document: document.slug)
    ready = {index.slug: index for index in indexes}
    folding = _FoldTable()
    parts = [ready.get(document.slug) or _document_index(document, folding) for document in ordered]
    shards = _shards(parts)
    files = [BinaryFile(f"{POSTINGS_FOLDER}/{number:x}.bin", _compressed(shard)) for number, shard in enumerate(shards)]
    for part in parts:
        files.extend(BinaryFile(f"{TEXT_FOLDER}/{part.slug}/{number}.bin", text) for number, text in enumerate(part.text_files))
    version = hashlib.sha256(b"".join(file.path.encode() + b"\0" + file.data for file in files)).hexdigest()[:12]
    catalogue = {
        "format": FORMAT_VERSION,
        "version": version,
        "shards": len(shards),
        "kinds": {kind.value: info.name for kind, info in data.document_kinds().items()},
        "documents": [_catalogue_entry(document, part) for document, part in zip(ordered, parts)],
    }
    files.append(BinaryFile(CATALOGUE, _compressed(_json(catalogue))))
    return tuple(sorted(files, key=lambda file: file.path))


def document_index(document: DocumentSummary) -> DocumentIndex:
    """One document's part of the search index: what search_files merges (made per document, so it can be cached)."""
    return _document_index(document, _FoldTable())


def part_bytes(part: DocumentIndex) -> bytes:
    """A document's part as one blob, for the build to keep with the document.

    Lengths are 4-byte little-endian numbers in one array, so that part_from_bytes reads them in one
    step: the slug; the tokens (joined by NUL) and their blocks; the text files' first clauses; the
    text files.
    """
    tokens = "\0".join(token for token, _ in part.blocks).encode("utf-8")
    blocks = [block for _, block in part.blocks]
    texts = list(part.text_files)
    slug = part.slug.encode("utf-8")
    lengths = array.array("I", [len(slug), len(tokens), len(blocks), len(part.text_starts), len(texts)])
    lengths.extend(map(len, blocks))
    lengths.extend(part.text_starts)
    lengths.extend(map(len, texts))
    if sys.byteorder != "little":
        lengths.byteswap()
    header = lengths.tobytes()
    return len(header).to_bytes(4, "little") + header + slug + tokens + b"".join(blocks) + b"".join(texts)


def part_from_bytes(data: bytes) -> DocumentIndex:
    """A document's part back from part_bytes; a ValueError if the blob is not one."""
    try:
        size = int.from_bytes(data[:4], "little")
        lengths = array.array("I")
        lengths.frombytes(data[4 : 4 + size])
        if sys.byteorder != "little":
            lengths.byteswap()
        slug_length, tokens_length, block_count, start_count, text_count = lengths[:5]
        block_lengths = lengths[5 : 5 + block_count]
        starts = tuple(lengths[5 + block_count : 5 + block_count + start_count])
        text_lengths = lengths[5 + block_count + start_count :]
        if len(text_lengths) != text_count:
            raise ValueError("a search index part's lengths do not add up")
        position = 4 + size
        slug = data[position : position + slug_length].decode("utf-8")
        position += slug_length
        tokens = data[position : position + tokens_length].decode("utf-8").split("\0") if block_count else []
        position += tokens_length
        blocks, position = _slices(data, position, block_lengths)
        texts, position = _slices(data, position, text_lengths)
    except (UnicodeDecodeError, IndexError) as error:
        raise ValueError(f"not a search index part: {error}") from None
    if len(tokens) != block_count or position != len(data):
        raise ValueError("a search index part's lengths do not add up")
    return DocumentIndex(slug, tuple(zip(tokens, blocks)), starts, tuple(texts))


def _slices(data: bytes, position: int, lengths) -> tuple[list[bytes], int]:
    """The consecutive pieces of ``data`` from ``position`` of the given lengths, and where they end."""
    ends = list(itertools.accumulate(lengths, initial=position))
    if ends[-1] > len(data):
        raise ValueError("a search index part ends early")
    return [data[start:end] for start, end in zip(ends, ends[1:])], ends[-1]


def _catalogue_entry(document: DocumentSummary, part: DocumentIndex) -> dict:
    """A document as the search page lists, filters and finds it."""
    meta = document.meta
    return {
        "slug": document.slug,
        "title": document.title,
        "url": document.url,
        "region": meta.region,
        "year": meta.year,
        "kind": meta.kind.value,
        "clauses": document.clause_count,
        "text": list(part.text_starts),
    }


class _FoldTable(dict):
    """str.translate's table folding one character at a time: NFKC, lower case, zero-width dropped.

    Filled as characters are met; search.js folds the same way, character by character, so that
    positions agree (NFKC of a whole text may join characters that it folds apart).
    """

    def __missing__(self, code: int):
        char = chr(code)
        folded = None if char in ZERO_WIDTH else unicodedata.normalize("NFKC", char).lower()
        self[code] = folded
        return folded


def _document_index(document: DocumentSummary, folding: _FoldTable) -> DocumentIndex:
    """One document's token blocks (characters, then pairs, each sorted) and its text files.

    The work is done by sorting and mapping whole arrays, one Python step per token rather than
    per character: this runs for every document of the library.
    """
    texts = [clause.text.translate(folding) for clause in document.clauses]
    # One text, clauses separated by a line break: white space, so no pair spans two clauses.
    joined = "\n".join(texts)
    clause_at: list[int] = []
    offset_at: list[int] = []
    for number, text in enumerate(texts):
        clause_at.extend(itertools.repeat(number, len(text) + 1))
        offset_at.extend(range(len(text) + 1))
    blocks: list[tuple[str, bytes]] = []
    # Characters: each (character, clause) once, as one number that sorts by character, then clause.
    bits = max(len(texts), 1).bit_length()
    held = sorted(set(map(operator.or_, map(operator.lshift, map(ord, joined), itertools.repeat(bits)), clause_at)))
    clauses = list(map(operator.and_, held, itertools.repeat((1 << bits) - 1)))
    gaps = _encoded(list(map(operator.sub, clauses, [0, *clauses[:-1]])))
    start = 0
    for code, group in itertools.groupby(map(operator.rshift, held, itertools.repeat(bits))):
        end = start + len(list(group))
        char = chr(code)
        if not char.isspace():
            blocks.append((char, _varint(end - start) + _varint(clauses[start]) + b"".join(gaps[start + 1 : end])))
        start = end
    # Pairs: every occurrence, sorted by pair, then position.
    pairs = list(map(operator.add, joined, joined[1:]))
    positions = sorted(range(len(pairs)), key=pairs.__getitem__)
    clauses = list(map(clause_at.__getitem__, positions))
    gaps = _encoded(list(map(operator.sub, clauses, [0, *clauses[:-1]])))
    offsets = _encoded(list(map(offset_at.__getitem__, positions)))
    start = 0
    for pair, group in itertools.groupby(map(pairs.__getitem__, positions)):
        end = start + len(list(group))
        if not (pair[0].isspace() or pair[1].isspace()):
            head = _varint(end - start) + _varint(clauses[start])
            blocks.append((pair, head + b"".join(gaps[start + 1 : end]) + b"".join(offsets[start:end])))
        start = end
    text_starts, text_files = _text_files(document)
    return DocumentIndex(document.slug, tuple(blocks), text_starts, text_files)


def _encoded(values: list[int]) -> list[bytes]:
    """Each number as its varint."""
    if not values or max(values) < len(_VARINT_BYTES):
        return list(map(_VARINT_BYTES.__getitem__, values))
    return list(map(_varint, values))


def _varint(value: int) -> bytes:
    """A number as an unsigned LEB128 varint: seven bits a byte, low bits first, the high bit set on all but the last."""
    if value < len(_VARINT_BYTES):
        return _VARINT_BYTES[value]
    out = bytearray()
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _shards(parts: list[DocumentIndex]) -> list[bytes]:
    """Every token's postings, sharded by the token's hash: each document's block behind its index gap."""
    postings: dict[str, list] = collections.defaultdict(list)  # token → [index, block, index, block…]
    for index, part in enumerate(parts):
        for token, block in part.blocks:
            postings[token] += (index, block)
    total = 0
    joined: dict[str, bytes] = {}
    for token, entries in postings.items():
        indexes, blocks = entries[0::2], entries[1::2]
        # The first document's index, then each one's distance from the one before, less one.
        gaps = _encoded(list(map(operator.sub, indexes, [0, *map((1).__add__, indexes[:-1])])))
        data = joined[token] = b"".join(itertools.chain.from_iterable(zip(gaps, blocks)))
        total += len(data)
    count = _shard_count(total)
    shards: list[list[bytes]] = [[] for _ in range(count)]
    for token in sorted(joined):
        key = token.encode()
        data = joined[token]
        shards[_token_hash(key) & (count - 1)] += (_varint(len(key)), key, _varint(len(data)), data)
    return [b"".join(entries) for entries in shards]


def _shard_count(total_bytes: int) -> int:
    """The number of shards, a power of two, that keeps each near SHARD_BYTES."""
    count = 1
    while total_bytes / count > SHARD_BYTES:
        count *= 2
    return count


def _token_hash(key: bytes) -> int:
    """32-bit FNV-1a of a token's UTF-8 bytes: which shard holds it (search.js computes the same)."""
    value = FNV_OFFSET
    for byte in key:
        value = ((value ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return value


def _text_files(document: DocumentSummary) -> tuple[tuple[int, ...], tuple[bytes, ...]]:
    """A document's clauses cut into runs of about TEXT_FILE_BYTES: each run's first clause, each run's compressed JSON."""
    starts: list[int] = []
    files: list[bytes] = []
    run: list[list[str]] = []
    size = 0
    for number, clause in enumerate(document.clauses):
        if not run:
            starts.append(number)
        run.append([clause.label, clause.text, clause.url])
        size += len(clause.text.encode())
        if size >= TEXT_FILE_BYTES:
            files.append(_compressed(_json(run)))
            run, size = [], 0
    if run:
        files.append(_compressed(_json(run)))
    return tuple(starts), tuple(files)


def _json(value) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _compressed(data: bytes) -> bytes:
    """gzip at its best level, with no name and no date in the header: the same bytes every build."""
    return gzip.compress(data, compresslevel=9, mtime=0)
