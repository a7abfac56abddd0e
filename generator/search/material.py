"""Search index: material's search_index.json rewritten so that a result is a clause.

Material indexes a page by its headings, so a result is a whole section and its snippet a whole
paragraph. Here every clause of a plan page becomes an entry of its own (location = the clause's
URL, the same one a citation uses); the page keeps a first entry (its title, and the notice on the
plan's home page) so material groups the clauses under their page. Entries of other pages (the
site home, glossaries, indexes) stay as material made them.

Every entry is segmented again by one jieba tokenizer that knows the plans' search terms, so the
same words are whole everywhere and a build does not depend on what jieba saw before. Segments are
joined by U+200B, lunr's token boundary; the theme's search script removes it from what is shown.
A hidden ``words`` field adds jieba's search-mode sub-words of long tokens (城乡居民增收工程 → 居民,
增收…) and the NFKC forms of full-width tokens, so parts of whole terms are still found.
"""

import html
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from generator import patterns, urls
from generator.extract import lexicon
from generator.model import Plan, box_clauses, page_clauses, page_divisions

SEGMENT_BOUNDARY = "\u200b"
WORDS_FIELD = "words"
WORDS_BOOST = 0.5


@dataclass(frozen=True, slots=True)
class Entry:
    """One search result as material shows it: where it leads, its title, its text."""

    location: str
    title: str
    text: str


def search_index(material_index: str, plans: tuple[Plan, ...], terms: Iterable[str], directory_urls: bool = True) -> str:
    """The text of search_index.json: clause entries for the plans' pages, material's for the rest."""
    index = json.loads(material_index)
    tokenizer = _tokenizer(terms)
    ours = {page: entries for plan in plans for page, entries in _plan_pages(plan, directory_urls)}
    docs, placed = [], set()
    for entry in index["docs"]:
        page = entry["location"].split("#")[0]
        if page not in ours:
            docs.append(_document(Entry(entry["location"], entry["title"], entry["text"]), tokenizer, escaped=True))
        elif page not in placed:
            docs.extend(_document(ours_entry, tokenizer, escaped=False) for ours_entry in ours[page])
            placed.add(page)
    for page, entries in ours.items():
        if page not in placed:
            docs.extend(_document(entry, tokenizer, escaped=False) for entry in entries)
    config = dict(index["config"])
    config["separator"] = patterns.SEARCH_SEPARATOR
    config["fields"] = {**config["fields"], WORDS_FIELD: {"boost": WORDS_BOOST}}
    return json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class Segmenter:
    """jieba (a tokenizer of its own, knowing the terms) and one pattern finding every term."""

    jieba: object
    terms: re.Pattern | None


def segment(text: str, segmenter: Segmenter) -> list[str]:
    """The segments of a text, white space included, so that they join back into the text.

    Every occurrence of a term is one segment whatever stands around it (jieba alone may join a
    term's last character to the next word); jieba cuts the text between terms.
    """
    tokens, position = [], 0
    for match in segmenter.terms.finditer(text) if segmenter.terms else ():
        tokens.extend(segmenter.jieba.cut(text[position : match.start()]))
        tokens.append(match.group())
        position = match.end()
    tokens.extend(segmenter.jieba.cut(text[position:]))
    return [token for token in tokens if token]


def _tokenizer(terms: Iterable[str]) -> Segmenter:
    """A segmenter that keeps every term whole, with a jieba tokenizer of its own (not jieba's shared one)."""
    words = tuple(sorted(set(terms)))
    return Segmenter(lexicon.tokenizer(words), patterns.any_of(words) if words else None)


def _plan_pages(plan: Plan, directory_urls: bool):
    """Each page of a plan with its entries: the page itself first, then one entry per clause."""
    document = plan.document
    front = document.front
    home = urls.page_url(urls.plan_home(plan), directory_urls)
    notice = [line.text for line in (front.notice_title, front.document_number, front.addressees, *front.notice, front.date, front.publication_note) if line is not None]
    entries = [Entry(home, document.title.text, "\n".join(notice))]
    entries.extend(Entry(f"{home}#{clause.id}", clause.id, clause.text) for paragraph in document.preamble for clause in paragraph.clauses)
    # 专栏 boxes' clauses are found on the page they stand on.
    pages = urls.clause_pages(plan)
    boxed: dict[str, list] = {}
    for box in document.boxes:
        boxed.setdefault(pages[box.title.id], []).extend(box_clauses(box))
    entries.extend(Entry(f"{home}#{clause.id}", clause.id, clause.text) for clause in boxed.get(urls.plan_home(plan), ()))
    yield home, entries
    for chapter in page_divisions(document):
        source = urls.chapter_page(plan, chapter)
        page = urls.page_url(source, directory_urls)
        entries = [Entry(page, chapter.title.text, "")]
        entries.extend(Entry(f"{page}#{clause.id}", clause.id, clause.text) for clause in (*page_clauses(chapter), *boxed.get(source, ())))
        yield page, entries


def _document(entry: Entry, tokenizer, escaped: bool) -> dict:
    """An entry as the search worker reads it: title and text segmented, the hidden words beside."""
    title_tokens, title = _segmented(entry.title, tokenizer, escaped)
    text_tokens, text = _segmented(entry.text, tokenizer, escaped)
    document = {"location": entry.location, "title": title, "text": text}
    words = _hidden_words((title_tokens, text_tokens), tokenizer)
    if words:
        document[WORDS_FIELD] = " ".join(words)
    return document


def _segmented(markup_or_text: str, tokenizer, escaped: bool) -> tuple[list[str], str]:
    """The tokens of a text and the text as the index holds it: escaped, segments joined by U+200B.

    Material's texts are already escaped markup with its own U+200B: the boundaries are dropped,
    the tags kept and the text between them segmented again.
    """
    if not escaped:
        tokens = segment(markup_or_text, tokenizer)
        return tokens, SEGMENT_BOUNDARY.join(html.escape(token, quote=False) for token in tokens)
    markup = markup_or_text.replace(SEGMENT_BOUNDARY, "")
    tokens, pieces, position = [], [], 0
    for tag in [*patterns.INDEX_TAG.finditer(markup), None]:
        end = tag.start() if tag else len(markup)
        text_tokens = segment(html.unescape(markup[position:end]), tokenizer)
        tokens.extend(text_tokens)
        pieces.append(SEGMENT_BOUNDARY.join(html.escape(token, quote=False) for token in text_tokens))
        if tag:
            pieces.append(tag.group())
            position = tag.end()
    # A boundary beside each tag too, so that a term next to one (地区生产总值</strong>) stays a word.
    return tokens, SEGMENT_BOUNDARY.join(piece for piece in pieces if piece)


def _hidden_words(fields: tuple[list[str], ...], tokenizer) -> list[str]:
    """Words inside long tokens (jieba's search mode) and Latin runs in NFKC form, in order, once each."""
    present = {token.lower() for tokens in fields for token in tokens}
    words: dict[str, None] = {}
    for token in (token for tokens in fields for token in tokens):
        for size in (2, 3):
            if len(token) > size:
                for start in range(len(token) - size + 1):
                    gram = token[start : start + size]
                    if tokenizer.jieba.FREQ.get(gram):
                        words[gram.lower()] = None
    # jieba cuts full-width Latin letter by letter (Ｐ/Ｐ/Ｐ): the folded runs of the whole text.
    for tokens in fields:
        for run in patterns.LATIN_RUN.findall(unicodedata.normalize("NFKC", "".join(tokens)).lower()):
            words[run] = None
    return [word for word in words if word not in present and not word.isspace()]
