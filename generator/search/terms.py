"""Search terms: the words a plan marks as terms, for jieba's user dictionary.

jieba cuts unfamiliar domain terms apart (绿电直连 → 绿电直/连) and unknown words fall into single
characters, so a query for such a term finds the wrong sections. A user dictionary generated from
the plan keeps its terms whole in the search index: quoted terms (“三北”), 《titles》, Latin and
mixed terms (PPP, A级), the named programmes its headings announce (实施城乡居民增收工程), and the
names the caller passes in — the indicator glossary and the project, place and document indexes.
"""

from collections.abc import Iterable

from generator import patterns
from generator.model import ClauseKind, Plan, iter_clauses

MIN_TERM_LENGTH = 2


def search_terms(plan: Plan, names: Iterable[str] = ()) -> tuple[str, ...]:
    """The plan's search terms, sorted: found in its text, then its glossary and index entries and ``names``.

    An entry's name joins only when it neither holds another term nor sits inside one: jieba keeps
    a dictionary word whole, so 建设国家重要农畜产品生产基地的实施意见 as one word would hide the term
    国家重要农畜产品生产基地 inside it from a query.
    """
    found: set[str] = set()
    front = plan.document.front
    texts = [line.text for line in (front.notice_title, front.addressees, *front.notice) if line is not None]
    texts.extend(clause.text for clause in iter_clauses(plan.document))
    for text in texts:
        for match in patterns.QUOTED_TERM.finditer(text):
            found.update(_word_parts(match["term"]))
        for match in patterns.QUOTED_TITLE.finditer(text):
            found.update(_word_parts(match["title"]))
        found.update(term for term in patterns.LATIN_TERM.findall(text) if len(term) >= MIN_TERM_LENGTH)
    for clause in iter_clauses(plan.document):
        if clause.kind is not ClauseKind.SENTENCE:
            found.update(_heading_phrases(clause.text))
    candidates = {part for name in (*entry_names(plan), *names) for part in _word_parts(name)} - found
    for name in sorted(candidates, key=len):
        if not any(term != name and (term in name or name in term) for term in found):
            found.add(name)
    return tuple(sorted(found))


def entry_names(plan: Plan) -> tuple[str, ...]:
    """Names of the plan's glossary and index entries, as written."""
    index = plan.index
    entries = index.projects + index.places + index.documents
    return tuple(indicator.name for indicator in plan.indicators) + tuple(
        name for entry in entries for name in (entry.name, *entry.aliases)
    )


def user_dictionary(terms: Iterable[str]) -> str:
    """jieba's user dictionary: one word a line; jieba gives each the frequency that keeps it whole."""
    return "".join(f"{term}\n" for term in sorted(set(terms)))


def _word_parts(text: str) -> list[str]:
    """The pieces of a text that jieba can hold as words (it breaks at 、, spaces, brackets…)."""
    return [
        part
        for part in patterns.JIEBA_WORD_BREAK.split(text)
        if len(part) >= MIN_TERM_LENGTH and any(char.isalpha() for char in part)
    ]


def _heading_phrases(heading: str) -> list[str]:
    """The named programmes a heading announces: 实施城乡居民增收工程 → 城乡居民增收工程."""
    phrases = []
    for part in patterns.JIEBA_WORD_BREAK.split(heading):
        match = patterns.HEADING_KEY_PHRASE.search(part)
        if match:
            phrases.append(match["phrase"])
    return phrases
