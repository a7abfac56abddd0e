"""Sources: the documents on disk and their seeds files, read into plans (part of the build layer).

A document is a text file (``seeds/<stem>.txt``); beside it may lie its seeds files: ``<stem>.yml``
(metadata, slug), ``<stem>.indicators.yml``, ``<stem>.index.yml`` and ``<stem>.ids.tsv`` (the ID lock).
"""

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from generator import data, urls
from generator.errors import PlanError
from generator.extract import indexes, indicators, outline, results
from generator.extract.indexes.links import index_links
from generator.model import DocumentKind, IdLock, Plan
from generator.read import editorial, identify, idlock, ingest, metadata, parse, pinyin

DOCUMENT_SUFFIX = ".txt"
LOCK_SUFFIX = ".ids.tsv"
# The seeds files read with a document, in the order their bytes enter its cache key.
SEED_SUFFIXES = (".yml", ".indicators.yml", ".index.yml")


@dataclass(frozen=True, slots=True)
class DocumentSource:
    """A document to build: its text file and the ID lock it keeps (None: IDs from numbering alone)."""

    path: Path
    lock: Path | None = None


@dataclass(frozen=True, slots=True)
class DocumentInputs:
    """A document's input files read into memory — its text, seeds files and lock, each by its path
    as named (None: absent) — for a worker on a machine that does not have them (a cluster build)."""

    files: tuple[tuple[Path, bytes | None], ...]

    def read(self, path: Path) -> bytes | None:
        """The bytes of one of the files (None: absent); a KeyError for a file not read."""
        return dict(self.files)[path]


def discover(paths: list[Path], ids_paths: list[Path | None] | None = None, locks: bool = False) -> tuple[DocumentSource, ...]:
    """The documents named by the command line: files as given, folders as their ``*.txt`` files in name order.

    ``ids_paths`` gives one lock file per path (files only); with ``locks``, every document keeps the
    lock beside it (``<stem>.ids.tsv``).
    """
    if ids_paths is not None and len(ids_paths) != len(paths):
        raise PlanError(f"{len(ids_paths)} ID lock files given for {len(paths)} plans; give one per plan, in order", path="--ids")
    found = []
    for index, path in enumerate(paths):
        if path.is_dir():
            if ids_paths is not None and ids_paths[index] is not None:
                raise PlanError("--ids names one document's lock; a folder's documents keep theirs beside them (--locks)", path=str(path))
            documents = sorted(child for child in path.iterdir() if child.suffix == DOCUMENT_SUFFIX and child.is_file())
            if not documents:
                raise PlanError(f"the folder holds no documents (*{DOCUMENT_SUFFIX})", path=str(path))
            found.extend(DocumentSource(document, lock_path(document) if locks else None) for document in documents)
        else:
            lock = ids_paths[index] if ids_paths is not None else lock_path(path) if locks else None
            found.append(DocumentSource(path, lock))
    seen: dict[Path, Path] = {}
    for source in found:
        resolved = source.path.resolve()
        if resolved in seen:
            raise PlanError("the document is named twice", path=str(source.path))
        seen[resolved] = source.path
    return tuple(found)


def lock_path(document: Path) -> Path:
    """Where a document's ID lock lies: beside it, ``<stem>.ids.tsv``."""
    return document.with_name(document.stem + LOCK_SUFFIX)


def input_paths(source: DocumentSource) -> tuple[Path, ...]:
    """Every file a document is built from: its text, its seeds files, its lock (if it keeps one)."""
    seeds = tuple(seed_path(source.path, suffix) for suffix in SEED_SUFFIXES)
    return (source.path, *seeds, *((source.lock,) if source.lock is not None else ()))


def read_inputs(source: DocumentSource) -> DocumentInputs:
    """A document's input files, read (see DocumentInputs)."""
    files = []
    for path in input_paths(source):
        try:
            files.append((path, path.read_bytes() if path == source.path or path.is_file() else None))
        except FileNotFoundError:
            files.append((path, None))
        except OSError as error:
            raise PlanError(f"cannot read the file: {error.strerror or error}", path=str(path)) from None
    return DocumentInputs(tuple(files))


def input_digest(source: DocumentSource, salt: str, lock_text: str | None = None) -> str:
    """A digest of everything a document's pages are made from: its bytes, its seeds files, its lock, ``salt``.

    ``lock_text``: the lock as the build is about to write it (what the next build will read).
    """
    digest = hashlib.blake2b(salt.encode("utf-8"), digest_size=16)
    digest.update(source.path.name.encode("utf-8") + b"\0")
    for path in (source.path, *(seed_path(source.path, suffix) for suffix in SEED_SUFFIXES), source.lock):
        if path is None:
            digest.update(b"-\0")
            continue
        try:
            data = lock_text.encode("utf-8") if path == source.lock and lock_text is not None else path.read_bytes()
        except FileNotFoundError:
            digest.update(b"absent\0")
            continue
        except OSError as error:
            raise PlanError(f"cannot read the file: {error.strerror or error}", path=str(path)) from None
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def seed_path(document: Path, suffix: str) -> Path:
    """A seeds file beside a document: ``<stem><suffix>``."""
    return document.with_name(document.stem + suffix)


def load_plan(path: Path, ids_path: Path | None = None, romanise=pinyin.romanised, inputs: DocumentInputs | None = None) -> Plan:
    """Read one document file and its seeds, and run every stage before rendering.

    Its metadata (region, year, kind…) is read from the text, with the facts <stem>.yml states in their place.

    With ``ids_path``, clauses keep the permanent IDs that lock file records (none yet if it does
    not exist), and the plan carries the updated lock for the build to write back. With ``inputs``,
    the files are taken from there rather than read (a worker of a cluster build).
    """
    try:
        raw = inputs.read(path) if inputs is not None else path.read_bytes()
        if raw is None:
            raise FileNotFoundError(2, "No such file or directory")
    except OSError as error:
        raise PlanError(f"cannot read the file: {error.strerror or error}", path=str(path)) from None
    try:
        document = parse.parse_plan(ingest.ingest(ingest.decode(raw)))
    except PlanError as error:
        raise error.located(str(path)) from None
    document = replace(document, warnings=tuple(replace(warning, path=str(path)) for warning in document.warnings))
    lock = None
    if ids_path is not None:
        document, lock = identify.assign_ids(document, read_lock(ids_path, inputs))
    indicator_seed, indicator_curation = read_seed(path, ".indicators.yml", editorial.indicator_curation, inputs)
    index_seed, index_curation = read_seed(path, ".index.yml", editorial.index_curation, inputs)
    _, (info, overrides) = read_seed(path, ".yml", lambda text: editorial.plan_seed(text, path.stem, romanise), inputs)
    meta = metadata.document_meta(document, overrides)
    # An outline's 专栏 boxes list projects (01　新一代人工智能): the index takes them in as if curated.
    boxed = replace(index_curation, projects=replace(index_curation.projects, add=outline.box_projects(document) + index_curation.projects.add))
    index = indexes.extract_index(document, boxed, romanise, region=meta.region)
    found, stale = indicators.curate_indicators(document, indicator_curation)
    if meta.kind is DocumentKind.FIVE_YEAR_PLAN:
        found = outline.outline_indicators(document, found, (meta.period_start, meta.period_end))
    warnings = tuple(
        replace(warning, path=str(seed))
        for seed, seed_warnings in (
            (indicator_seed, stale),
            (index_seed, index.warnings),
        )
        for warning in seed_warnings
    )
    plan = Plan(
        info,
        document,
        meta=meta,
        indicators=found,
        results=results.extract_results(document, meta.year),
        definitions=indicator_curation.definitions,
        index=index,
        warnings=warnings,
        id_lock=lock,
    )
    pages = {name: urls.index_page(plan, name) for name in data.index_kinds()}
    links = indicators.indicator_links(found, urls.glossary_page(plan)) + index_links(plan, pages)
    return replace(plan, links=links)


def read_seed(plan_path: Path, suffix: str, read, inputs: DocumentInputs | None = None):
    """A seeds file beside the plan (``<stem><suffix>``) and what ``read`` makes of its text (None if
    absent); from ``inputs`` when given."""
    seed = seed_path(plan_path, suffix)
    try:
        if inputs is not None:
            data = inputs.read(seed)
            text = _text(data) if data is not None else None
        else:
            text = seed.read_text(encoding="utf-8") if seed.is_file() else None
        return seed, read(text)
    except PlanError as error:
        raise error.located(str(seed)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlanError(f"cannot read the file: {error}", path=str(seed)) from None


def read_lock(ids_path: Path, inputs: DocumentInputs | None = None) -> IdLock:
    """The ID lock recorded in ``ids_path`` (empty if the file does not exist yet); from ``inputs`` when given."""
    try:
        if inputs is not None:
            data = inputs.read(ids_path)
            return idlock.parse_lock(_text(data)) if data is not None else IdLock()
        return idlock.parse_lock(ids_path.read_text(encoding="utf-8")) if ids_path.exists() else IdLock()
    except PlanError as error:
        raise error.located(str(ids_path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlanError(f"cannot read the ID lock: {error}", path=str(ids_path)) from None


def _text(data: bytes) -> str:
    """A seeds file's bytes as text, as reading the file in text mode gives it (UTF-8, universal newlines)."""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
