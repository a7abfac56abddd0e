"""Library search: a static index cut into small files, so that a query downloads what its first
page of results needs, however large the library grows.

The search page (theme/assets/search.js, the one reader of these files, online and in the offline
bundle) reads these files, each compressed with gzip (the script inflates them):

- ``search/catalogue.bin`` (JSON): the version, how the other files are cut, and for every document,
  newest first, its year, region and kind (what the filters, the counts by region and the order need);
- ``search/documents/<n>.bin`` (JSON): documents ``64n`` to ``64n+63``, each [slug, title, URL, the
  number of clauses in each of its text files, its review's clauses as [start, end) pairs];
- ``search/slugs/<shard>.bin`` (JSON): each document's number by its slug (the scope of a search
  started from a document's page), sharded by the slug's hash;
- ``search/heads/<shard>.bin`` (binary): for each token hashed to that shard, how many clauses hold
  it and where its postings are: the first document and the file of each of its chunks, or, when they
  are a few bytes, the postings themselves;
- ``search/chunks/<n // 1024>/<n>.bin`` (binary): a run of one token's postings, documents in order,
  about CHUNK_BYTES;
- ``search/text/<document>/<n>.bin`` (JSON): a run of a document's clauses, each [label, text, URL].

Documents are numbered newest first (year, then date, then the regions' conventional order, then
slug): a search lists them in that order, so its first page is found in the first chunk of each
token's postings, and a later page or a count reads on only as far as it needs. A query reads the
heads of its tokens, then the chunks of the rarest token in order; each document they name is
checked against the other tokens' chunks covering it (fetched only for documents still in the
running), then clause by clause. So a page costs a few chunks of each token whatever the library's
size, and a count is exact once every chunk has been read (before that, search.js says 至少 N).

Tokens. A clause's text is folded character by character (NFKC, lower case, zero-width characters
dropped: ＰＰＰ and PPP are one). Each character is a token listing the clauses that hold it; each
pair of neighbouring characters (white space excluded) is a token listing the clauses and the
positions where it starts. A query word of one character is answered by its character; a longer
one by the pairs at offsets 0, 2, 4… and its last pair, which must start at those offsets from one
position of one clause. So a clause is found exactly when its folded text holds the word — 三北,
牛羊肉, 人工智能+, 5G alike, with no dictionary to agree on.

Postings. A token's block in one document: for a character, the number of clauses holding it, then
their indexes, each as its distance from the one before (the first from 0); for a pair, the number
of its occurrences, their clauses' indexes in the same way (0 for another occurrence in the same
clause), then each occurrence's position in its clause. A block does not depend on the library, so
it is made once per document (document_index; the build caches it). A chunk is blocks of documents
in order: the first block, then for each next document its distance from the one before, less one,
and its block. Numbers are unsigned LEB128 varints. A head shard holds its tokens sorted, each as the
token's UTF-8 length, the token, the length of the rest and the rest: the number of clauses holding
the token, the number of chunks, then for each chunk its first document and its file number (each
as the distance from the chunk before); with no chunk, the first document and the postings inline.

The merge streams: documents are read one at a time, and a token's postings are held only until
they fill a chunk, which is written out at once; files come out as they are made, the catalogue
last (its version is a digest of every other file).
"""

import array
import gzip
import hashlib
import itertools
import json
import operator
import sys
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from generator import data
from generator.model import BinaryFile, DocumentSummary

FORMAT_VERSION = 2
CATALOGUE = "search/catalogue.bin"
DOCUMENTS_FOLDER = "search/documents"
SLUGS_FOLDER = "search/slugs"
HEADS_FOLDER = "search/heads"
CHUNKS_FOLDER = "search/chunks"
TEXT_FOLDER = "search/text"
# A token's postings are cut into chunks of about this many bytes (before compression): what a
# common word costs a page of results.
CHUNK_BYTES = 4096
# Postings this short stay in their token's head: a rare word costs no file of its own.
INLINE_BYTES = 512
# Head shards and slug shards aim at this many bytes (before compression): a query fetches one per token.
HEAD_BYTES = 2048
SLUG_BYTES = 2048
CHUNKS_PER_FOLDER = 1024
DOCUMENTS_PER_FILE = 64
# A document's clause texts are cut into files of about this many bytes of UTF-8 text: a result
# shown costs one.
TEXT_FILE_BYTES = 1000
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
    # Each token of the document (characters, then pairs, each sorted), its block, and how many of
    # the document's clauses hold it.
    tokens: tuple[str, ...]
    blocks: tuple[bytes, ...]
    clauses: tuple[int, ...]
    # How many clauses each of the document's text files holds, and each file (JSON, compressed).
    text_runs: tuple[int, ...]
    text_files: tuple[bytes, ...]
    # The clauses of its review of past work, as [start, end) pairs.
    review: tuple[int, ...]


def search_files(documents: tuple[DocumentSummary, ...], parts: Mapping[str, bytes] | None = None, head_bytes: int = HEAD_BYTES) -> Iterator[BinaryFile]:
    """Every file of the library's search index (site-relative paths, gzip-compressed contents), as made.

    ``parts`` may bring documents' parts already made (part_bytes of document_index, cached by the
    build), by slug; the others are made here (a document with a part needs no clauses: its slug,
    title, URL and metadata are read). Parts are read one at a time, and postings held only until
    they fill a chunk. The same documents, in whatever order, give the same files in the same order.
    ``head_bytes``: what a head shard aims at (an offline bundle, read from disk, takes few large ones).
    """
    ordered = newest_first(documents)
    parts = parts or {}
    folding = _FoldTable()
    digest = hashlib.sha256()
    postings = _Postings(head_bytes)

    def kept(file: BinaryFile) -> BinaryFile:
        digest.update(file.path.encode() + b"\0" + hashlib.sha256(file.data).digest())
        return file

    entries = []
    for number, document in enumerate(ordered):
        blob = parts.get(document.slug)
        part = part_from_bytes(blob) if blob is not None else _document_index(document, folding)
        for file in postings.add(number, part):
            yield kept(file)
        for run, text in enumerate(part.text_files):
            yield kept(BinaryFile(f"{TEXT_FOLDER}/{number}/{run}.bin", text))
        entries.append([document.slug, document.title, document.url, list(part.text_runs), list(part.review)])
    for file in postings.finish():
        yield kept(file)
    for start in range(0, len(entries), DOCUMENTS_PER_FILE):
        yield kept(BinaryFile(f"{DOCUMENTS_FOLDER}/{start // DOCUMENTS_PER_FILE}.bin", _compressed(_json(entries[start : start + DOCUMENTS_PER_FILE]))))
    slug_shards = _slug_shards([entry[0] for entry in entries])
    for shard, slugs in enumerate(slug_shards):
        yield kept(BinaryFile(f"{SLUGS_FOLDER}/{shard:x}.bin", _compressed(_json(slugs))))
    yield BinaryFile(CATALOGUE, _compressed(_json(_catalogue(ordered, digest.hexdigest()[:12], postings.head_shards, len(slug_shards)))))


def document_index(document: DocumentSummary) -> DocumentIndex:
    """One document's part of the search index: what search_files merges (made per document, so it can be cached)."""
    return _document_index(document, _FoldTable())


def part_bytes(part: DocumentIndex) -> bytes:
    """A document's part as one blob, for the build to keep with the document.

    Lengths are 4-byte little-endian numbers in one array, so that part_from_bytes reads them in one
    step: the slug; the tokens (joined by NUL), their blocks and clause counts; the text files'
    clause counts; the review ranges; the text files.
    """
    tokens = "\0".join(part.tokens).encode("utf-8")
    texts = list(part.text_files)
    slug = part.slug.encode("utf-8")
    lengths = array.array("I", [len(slug), len(tokens), len(part.blocks), len(part.text_runs), len(part.review), len(texts)])
    lengths.extend(map(len, part.blocks))
    lengths.extend(part.clauses)
    lengths.extend(part.text_runs)
    lengths.extend(part.review)
    lengths.extend(map(len, texts))
    if sys.byteorder != "little":
        lengths.byteswap()
    header = lengths.tobytes()
    return len(header).to_bytes(4, "little") + header + slug + tokens + b"".join(part.blocks) + b"".join(texts)


def part_from_bytes(blob: bytes) -> DocumentIndex:
    """A document's part back from part_bytes; a ValueError if the blob is not one."""
    try:
        size = int.from_bytes(blob[:4], "little")
        lengths = array.array("I")
        lengths.frombytes(blob[4 : 4 + size])
        if sys.byteorder != "little":
            lengths.byteswap()
        slug_length, tokens_length, block_count, run_count, review_count, text_count = lengths[:6]
        at = 6
        block_lengths = lengths[at : at + block_count]
        clauses = tuple(lengths[at + block_count : at + 2 * block_count])
        at += 2 * block_count
        runs = tuple(lengths[at : at + run_count])
        review = tuple(lengths[at + run_count : at + run_count + review_count])
        text_lengths = lengths[at + run_count + review_count :]
        if len(text_lengths) != text_count or len(clauses) != block_count:
            raise ValueError("a search index part's lengths do not add up")
        position = 4 + size
        slug = blob[position : position + slug_length].decode("utf-8")
        position += slug_length
        tokens = blob[position : position + tokens_length].decode("utf-8").split("\0") if block_count else []
        position += tokens_length
        blocks, position = _slices(blob, position, block_lengths)
        texts, position = _slices(blob, position, text_lengths)
    except (UnicodeDecodeError, IndexError) as error:
        raise ValueError(f"not a search index part: {error}") from None
    if len(tokens) != block_count or position != len(blob):
        raise ValueError("a search index part's lengths do not add up")
    return DocumentIndex(slug, tuple(tokens), tuple(blocks), clauses, runs, tuple(texts), review)


def _slices(blob: bytes, position: int, lengths) -> tuple[list[bytes], int]:
    """The consecutive pieces of ``blob`` from ``position`` of the given lengths, and where they end."""
    ends = list(itertools.accumulate(lengths, initial=position))
    if ends[-1] > len(blob):
        raise ValueError("a search index part ends early")
    return [blob[start:end] for start, end in zip(ends, ends[1:])], ends[-1]


def newest_first(documents) -> list[DocumentSummary]:
    """Documents in the index's order: newest year first, then latest date (undated last), then the
    regions' conventional order, then slug."""
    rank = _region_rank()
    ordered = sorted(documents, key=lambda document: (rank(document.meta.region), document.slug))
    ordered.sort(key=lambda document: document.meta.date or "", reverse=True)
    ordered.sort(key=lambda document: document.meta.year, reverse=True)
    return ordered


def _region_rank():
    """Where a region stands in data/regions.yml's order (regions it does not know after, by name)."""
    ranks = {known.name: rank for rank, known in enumerate(data.regions())}
    return lambda region: (ranks.get(region, len(ranks)), region)


def _catalogue(ordered: list[DocumentSummary], version: str, head_shards: int, slug_shards: int) -> dict:
    """The catalogue: how the files are cut, and each document's year, region and kind, newest first."""
    regions = sorted({document.meta.region for document in ordered}, key=_region_rank())
    kinds = sorted({document.meta.kind for document in ordered}, key=lambda kind: kind.value)
    names = data.document_kinds()
    region_number = {region: number for number, region in enumerate(regions)}
    kind_number = {kind: number for number, kind in enumerate(kinds)}
    years = [[year, len(list(group))] for year, group in itertools.groupby(document.meta.year for document in ordered)]
    return {
        "format": FORMAT_VERSION,
        "version": version,
        "heads": head_shards,
        "slugs": slug_shards,
        "chunks_per_folder": CHUNKS_PER_FOLDER,
        "documents_per_file": DOCUMENTS_PER_FILE,
        "regions": regions,
        "kinds": [[kind.value, names[kind].name if kind in names else kind.value] for kind in kinds],
        "documents": {
            "count": len(ordered),
            "years": years,
            "region": [region_number[document.meta.region] for document in ordered],
            "kind": [kind_number[document.meta.kind] for document in ordered],
        },
    }


def _review_ranges(document: DocumentSummary) -> tuple[int, ...]:
    """The clauses of the document's review of past work, as [start, end) pairs in one list."""
    ranges: list[int] = []
    for number, clause in enumerate(document.clauses):
        if not clause.review:
            continue
        if ranges and ranges[-1] == number:
            ranges[-1] = number + 1
        else:
            ranges += (number, number + 1)
    return tuple(ranges)


def _slug_shards(slugs: list[str]) -> list[dict[str, int]]:
    """Each document's number by its slug, in shards by the slug's hash."""
    count = _shard_count(sum(len(slug.encode()) + 8 for slug in slugs), SLUG_BYTES)
    shards: list[dict[str, int]] = [{} for _ in range(count)]
    for number, slug in enumerate(slugs):
        shards[_token_hash(slug.encode()) & (count - 1)][slug] = number
    return [dict(sorted(shard.items())) for shard in shards]


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
    tokens: list[str] = []
    blocks: list[bytes] = []
    counts: list[int] = []
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
            tokens.append(char)
            blocks.append(_varint(end - start) + _varint(clauses[start]) + b"".join(gaps[start + 1 : end]))
            counts.append(end - start)
        start = end
    # Pairs: every occurrence, sorted by pair, then position.
    pairs = list(map(operator.add, joined, joined[1:]))
    positions = sorted(range(len(pairs)), key=pairs.__getitem__)
    clauses = list(map(clause_at.__getitem__, positions))
    gaps = list(map(operator.sub, clauses, [0, *clauses[:-1]]))
    encoded_gaps = _encoded(gaps)
    offsets = _encoded(list(map(offset_at.__getitem__, positions)))
    start = 0
    for pair, group in itertools.groupby(map(pairs.__getitem__, positions)):
        end = start + len(list(group))
        if not (pair[0].isspace() or pair[1].isspace()):
            tokens.append(pair)
            head = _varint(end - start) + _varint(clauses[start])
            blocks.append(head + b"".join(encoded_gaps[start + 1 : end]) + b"".join(offsets[start:end]))
            # The first occurrence starts a clause; each later one with a gap does too.
            counts.append(1 + sum(map(bool, gaps[start + 1 : end])))
        start = end
    text_runs, text_files = _text_files(document)
    return DocumentIndex(document.slug, tuple(tokens), tuple(blocks), tuple(counts), text_runs, text_files, _review_ranges(document))


class _Postings:
    """Every token's postings as documents are added in order: cut into chunks as they fill, then heads.

    A token's state is [pending bytes, first document pending, last document added, clauses holding
    it, each chunk's first document, each chunk's file number].
    """

    def __init__(self, head_bytes: int):
        self.tokens: dict[str, list] = {}
        self.chunks = 0
        self.head_bytes = head_bytes
        self.head_shards = 1

    def add(self, number: int, part: DocumentIndex) -> Iterator[BinaryFile]:
        """Add document ``number``'s blocks (documents come in order); the chunks they fill, written out."""
        # The hot loop of the merge (once per token of every document): names bound locally.
        tokens, varints, limit = self.tokens, _VARINT_BYTES, CHUNK_BYTES
        for token, block, count in zip(part.tokens, part.blocks, part.clauses):
            state = tokens.get(token)
            if state is None:
                tokens[token] = [bytearray(block), number, number, count, array.array("I"), array.array("I")]
                continue
            pending = state[0]
            if len(pending) + len(block) > limit:
                yield self._chunk(state)
                pending = state[0]
                state[1] = number
            else:
                gap = number - state[2] - 1
                pending += varints[gap] if gap < len(varints) else _varint(gap)
            pending += block
            state[2] = number
            state[3] += count

    def finish(self) -> Iterator[BinaryFile]:
        """The last chunks (tokens in order), then the head shards."""
        heads = []
        for token in sorted(self.tokens):
            state = self.tokens[token]
            pending, first, _, clauses, starts, numbers = state
            if pending and (starts or len(pending) > INLINE_BYTES):
                yield self._chunk(state)
            body = bytearray(_varint(clauses) + _varint(len(starts)))
            if starts:
                for previous_start, start, previous_number, number in zip([0, *starts], starts, [0, *numbers], numbers):
                    body += _varint(start - previous_start) + _varint(number - previous_number)
            else:
                body += _varint(first) + pending
            key = token.encode()
            heads.append((key, _varint(len(key)) + key + _varint(len(body)) + body))
        self.tokens = {}
        self.head_shards = count = _shard_count(sum(len(entry) for _, entry in heads), self.head_bytes)
        shards: list[list[bytes]] = [[] for _ in range(count)]
        for key, entry in heads:
            shards[_token_hash(key) & (count - 1)].append(entry)
        for number, entries in enumerate(shards):
            yield BinaryFile(f"{HEADS_FOLDER}/{number:x}.bin", _compressed(b"".join(entries)))

    def _chunk(self, state: list) -> BinaryFile:
        """A token's pending postings as the next chunk file, recorded in its state and cleared."""
        number = self.chunks
        self.chunks += 1
        state[4].append(state[1])
        state[5].append(number)
        file = BinaryFile(chunk_path(number), _compressed(bytes(state[0])))
        state[0] = bytearray()
        return file


def chunk_path(number: int) -> str:
    """The site path of postings chunk ``number`` (search.js names it the same way)."""
    return f"{CHUNKS_FOLDER}/{number // CHUNKS_PER_FOLDER}/{number}.bin"


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


def _shard_count(total_bytes: int, target: int) -> int:
    """The number of shards, a power of two, that keeps each near ``target`` bytes."""
    count = 1
    while total_bytes / count > target:
        count *= 2
    return count


def _token_hash(key: bytes) -> int:
    """32-bit FNV-1a of a token's UTF-8 bytes: which shard holds it (search.js computes the same)."""
    value = FNV_OFFSET
    for byte in key:
        value = ((value ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return value


def _text_files(document: DocumentSummary) -> tuple[tuple[int, ...], tuple[bytes, ...]]:
    """A document's clauses cut into runs of about TEXT_FILE_BYTES: each run's number of clauses, each run's compressed JSON."""
    runs: list[int] = []
    files: list[bytes] = []
    run: list[list[str]] = []
    size = 0
    for clause in document.clauses:
        run.append([clause.label, clause.text, clause.url])
        size += len(clause.text.encode())
        if size >= TEXT_FILE_BYTES:
            runs.append(len(run))
            files.append(_compressed(_json(run)))
            run, size = [], 0
    if run:
        runs.append(len(run))
        files.append(_compressed(_json(run)))
    return tuple(runs), tuple(files)


def _json(value) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _compressed(content: bytes) -> bytes:
    """gzip at its best level, with no name and no date in the header: the same bytes every build."""
    return gzip.compress(content, compresslevel=9, mtime=0)
