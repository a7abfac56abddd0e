"""Cache: which documents of an earlier build still stand, as they are, in the output folder.

Each document built is recorded in the output folder's hidden area (``.plansite-cache/``), under the
digest of its inputs — its bytes, its seeds files and lock, the generator's code, templates, data,
the theme, mkdocs.yml and the versions of the packages that render it — with what the library step
needs of it and the size of every file it put in the site (and the content folder). A record is
used only when it reads back whole (its own digest checks out) and every one of those files is
still there, of its size, with no other file beside them; anything else, and the document is
built again. The record is never taken on trust; the pages, once checked, are.
"""

import base64
import dataclasses
import functools
import hashlib
import itertools
import json
import os
import platform
import types
import typing
from enum import Enum
from importlib import metadata
from pathlib import Path

from generator.errors import PlanError

CACHE_FOLDER = ".plansite-cache"
RECORD_SUFFIX = ".record"
# Bump when the record's form changes, so that older records are never read as new ones.
RECORD_FORMAT = "plansite-record-6"
# The record's key naming its bytes fields, stored raw after the JSON (in this order).
BLOB_FIELDS = "$bytes"
# What renders a document besides its own files: the code, templates, data and theme, and these packages.
PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "Jinja2", "MarkupSafe", "PyYAML", "jieba", "pypinyin", "rjsmin", "rcssmin")
DIGEST_SIZE = 16


def tree_digests(folder: Path) -> tuple[tuple[str, str], ...]:
    """Every file under ``folder`` (relative POSIX path) with the digest of its bytes, in path order;
    Python's compiled files (__pycache__) left out: they follow from the sources."""
    return tuple((path, digest) for path, _, digest in file_table(folder, leave_out="__pycache__"))


def tree_sizes(folder: Path) -> tuple[tuple[str, int], ...]:
    """Every file under ``folder`` (relative POSIX path) with its size, in path order; -1 for a link
    or other oddity the build never makes (so that no record matches it)."""
    found: list[tuple[str, int]] = []
    pending = [(str(folder), "")]
    while pending:
        directory, relative = pending.pop()
        try:
            entries = list(os.scandir(directory))
        except FileNotFoundError:
            continue
        for entry in entries:
            name = relative + entry.name
            if entry.is_dir(follow_symlinks=False):
                pending.append((entry.path, name + "/"))
            elif entry.is_file(follow_symlinks=False):
                found.append((name, entry.stat(follow_symlinks=False).st_size))
            else:
                found.append((name, -1))
    found.sort()
    return tuple(found)


def build_salt(code_folders: tuple[Path, ...], config_file: Path, settings: tuple[str, ...]) -> str:
    """A digest of what every document's output depends on besides its own files.

    ``code_folders``: the generator's package and the theme (every file under them); ``settings``:
    the build's options that change pages (site URL, whether Markdown is kept…).
    """
    digest = hashlib.blake2b(RECORD_FORMAT.encode("ascii"), digest_size=DIGEST_SIZE)
    for folder in code_folders:
        for relative, value in tree_digests(folder):
            digest.update(f"{folder.name}/{relative}\0{value}\n".encode("utf-8"))
    digest.update(config_file.read_bytes())
    digest.update(platform.python_version().encode("ascii"))
    for package in PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}\n".encode("utf-8"))
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=-\n".encode("utf-8"))
    for setting in settings:
        digest.update(setting.encode("utf-8") + b"\0")
    return digest.hexdigest()


def record_path(cache: Path, key: str) -> Path:
    """Where the record of the document built from inputs of digest ``key`` lies."""
    return cache / (key + RECORD_SUFFIX)


def read_record(cache: Path, key: str, kind: type):
    """The record (a ``kind``, DocumentResult) of the document built from inputs of digest ``key``,
    or None if it is absent, damaged (its digest no longer matches) or not of this build's form."""
    try:
        data, blobs = _record_parts(record_path(cache, key))
        record = _decoded({**data, **blobs}, kind)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None  # written by other code, or damaged: rebuild rather than trust it
    return record if getattr(record, "key", None) == key else None


def read_blob(cache: Path, key: str, name: str) -> bytes:
    """One bytes field of a record (the search index part), without decoding the rest: read when the
    library step needs it, rather than held from the moment the record was read."""
    path = record_path(cache, key)
    try:
        return _record_parts(path)[1][name]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        raise PlanError("a cache record changed or went while the build read it; build again", path=str(path)) from None


def write_record(cache: Path, record) -> None:
    """Store a record in ``cache`` (made if missing), whole or not at all."""
    cache.mkdir(parents=True, exist_ok=True)
    target = record_path(cache, record.key)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(record_bytes(record))
    os.replace(partial, target)


def _record_parts(path: Path) -> tuple[dict, dict[str, bytes]]:
    """A record file's JSON data and its bytes fields by name; a ValueError if it is not whole."""
    header, _, rest = path.read_bytes().partition(b"\n")
    if header != f"{RECORD_FORMAT} {_digest(rest)}".encode("ascii"):
        raise ValueError("not a record of this form, or damaged")
    sizes, _, body = rest.partition(b"\n")
    lengths = [int(size) for size in sizes.split()]
    ends = list(itertools.accumulate(lengths))
    if not lengths or ends[-1] != len(body):
        raise ValueError("a record's lengths do not add up")
    data = json.loads(body[: ends[0]])
    blobs = [body[start:end] for start, end in zip(ends, ends[1:])]
    names = data.pop(BLOB_FIELDS)
    if len(names) != len(blobs):
        raise ValueError("a record's bytes fields do not add up")
    return data, dict(zip(names, blobs))


def record_bytes(record) -> bytes:
    """A record as stored: a line naming its form and the digest of the rest; the lengths of the parts;
    the record as JSON, then the bytes of its bytes fields (the search index part), raw.

    The same record gives the same bytes, whatever process made it.
    """
    names = [field.name for field in dataclasses.fields(record) if isinstance(getattr(record, field.name), bytes)]
    blobs = [getattr(record, name) for name in names]
    data = _encoded(dataclasses.replace(record, **dict.fromkeys(names, b"")))
    for name in names:
        del data[name]
    data[BLOB_FIELDS] = names
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    rest = " ".join(str(len(part)) for part in (payload, *blobs)).encode("ascii") + b"\n" + payload + b"".join(blobs)
    return f"{RECORD_FORMAT} {_digest(rest)}\n".encode("ascii") + rest


def _digest(data: bytes) -> str:
    """The digest of some bytes."""
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).hexdigest()


def _encoded(value):
    """A frozen dataclass (nested, with tuples, enums and bytes) as plain JSON data."""
    if dataclasses.is_dataclass(value):
        return {field.name: _encoded(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, (tuple, list)):
        return [_encoded(item) for item in value]
    return value


def _decoded(data, kind):
    """Plain JSON data back into ``kind`` (a dataclass, tuple, enum, optional or plain type)."""
    return _decoder(kind)(data)


@functools.cache
def _decoder(kind):
    """A function turning plain JSON data into ``kind``, made once per type (records hold thousands of values)."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [option for option in typing.get_args(kind) if option is not type(None)]
        inner = _decoder(options[0])
        return lambda data: None if data is None else inner(data)
    if origin is tuple:
        arguments = typing.get_args(kind)
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            item = _decoder(arguments[0])
            return lambda data: tuple(map(item, data))
        if all(argument in (str, int, bool) for argument in arguments):
            return tuple
        items = tuple(_decoder(argument) for argument in arguments)
        return lambda data: tuple(decode(value) for decode, value in zip(items, data, strict=True))
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        fields = tuple((field.name, _decoder(hints[field.name])) for field in dataclasses.fields(kind))
        return lambda data: kind(**{name: decode(data[name]) for name, decode in fields})
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind
    if kind is bytes:
        return lambda data: data if isinstance(data, bytes) else base64.b64decode(data.encode("ascii"), validate=True)
    return lambda data: data


def file_table(folder: Path, leave_out: str | None = None) -> tuple[tuple[str, int, str], ...]:
    """Every file under ``folder`` (relative POSIX path; none whose path holds ``leave_out``) with
    its size and the digest of its bytes, in path order: what a record says a document put in the site."""
    return tuple(
        (path, size, _digest(Path(folder, path).read_bytes()) if size >= 0 else "-")
        for path, size in tree_sizes(folder)
        if leave_out is None or leave_out not in path
    )


def still_there(record, site: Path, content: Path | None) -> bool:
    """Whether every file a record lists is in place as it was written — of its size, then of its
    bytes (each kept file is read and its digest compared) — with nothing else in its folders."""
    return _same(site / record.slug, record.files, record.slug) and (content is None or _same(content / record.slug, record.content, record.slug))


def _same(folder: Path, recorded: tuple[tuple[str, int, str], ...], slug: str) -> bool:
    """Whether a folder's files (relative to it) are the recorded ones (relative to the site root):
    the same paths and sizes (the folder walked, nothing read), then the same bytes."""
    prefix = slug + "/"
    found = tree_sizes(folder)
    if not recorded or tuple((prefix + path, size) for path, size in found) != tuple((path, size) for path, size, _ in recorded):
        return False
    try:
        return all(_digest(Path(folder, path).read_bytes()) == digest for (path, _), (_, _, digest) in zip(found, recorded))
    except OSError:
        return False
