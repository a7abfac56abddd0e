"""The library's index of places (/places/, a page per pinyin letter, and each region's page): which documents name a place.

Every document's places index (library/summary.py keeps its entries) is merged here: a division of
China by its code (郑州 in one report and 郑州市 in another are one place), any other place by its
name. Each place lists the documents naming it, how many of their clauses do, and a link to its
entry in each document's own places index, where every clause is quoted.
"""

from generator import data, urls
from generator.extract.indexes.entries import (
    initial,
    name_syllables,
    sort_key,
    unique_anchor,
)
from generator.model import DivisionLevel, DocumentSummary, OutputFile, PlaceRecord
from generator.render.templating import template_environment

# The page's title, in the library's navigation too.
PLACES_TITLE = "地名索引"


def library_places(documents: tuple[DocumentSummary, ...], page: str) -> list[dict]:
    """Every place the documents' indexes hold, merged, in pinyin order, as its page prints it: name,
    other names, label (地级市 · 河南省, 河流), code, anchor, letter, and sources — each document
    naming it (title, link relative to ``page``, clauses naming it), most clauses first."""
    merged: dict[str, list[tuple[DocumentSummary, PlaceRecord]]] = {}
    for document in documents:
        for record in document.places:
            merged.setdefault(record.code or record.name, []).append((document, record))
    names = {key: _name(key, found) for key, found in merged.items()}
    syllables = name_syllables(tuple(names.values()))
    used: set[str] = set()
    places = []
    for key in sorted(merged, key=lambda key: sort_key(names[key], syllables[names[key]])):
        found = merged[key]
        name = names[key]
        aliases = tuple(dict.fromkeys(form for _, record in found for form in (record.name, *record.aliases) if form != name))
        sources = [
            {"title": document.title, "link": urls.served_link(page, record.url), "clauses": record.clauses}
            for document, record in sorted(found, key=lambda item: (-item[1].clauses, item[0].title, item[0].slug))
        ]
        places.append({
            "name": name, "aliases": aliases, "label": _label(key, found[0][1].category),
            "code": key if found[0][1].code else "", "anchor": unique_anchor(syllables[name], used),
            "letter": initial(syllables[name]), "sources": sources,
        })
    return places


def places_pages(documents: tuple[DocumentSummary, ...]) -> tuple[OutputFile, ...]:
    """The library's index of places: /places/, the pinyin letters with how many places each, and a
    page per letter (/places/z/) listing its places, each with the documents naming it. A page a
    letter, so that no page grows with the whole library (at 400 documents one page was 3 MB)."""
    # Every letter's page lies in one folder (places/), so one reading of the links serves them all.
    places = library_places(documents, urls.places_letter_page("a"))
    by_letter: dict[str, list[dict]] = {}
    for place in places:
        by_letter.setdefault(place["letter"], []).append(place)
    groups = [
        {"title": letter if letter != "#" else "其他", "page": urls.places_letter_page(letter), "places": by_letter[letter]}
        for letter in sorted(by_letter, key=lambda letter: (letter == "#", letter))
    ]
    environment = template_environment()
    files = [
        OutputFile(
            urls.PLACES_PAGE,
            environment.get_template("places.md.j2").render(
                title=PLACES_TITLE,
                documents=len(documents),
                count=len(places),
                # Links of raw HTML, which mkdocs leaves as written: served URLs (z/).
                groups=[{**group, "link": urls.served_link(urls.PLACES_PAGE, urls.served_url(group["page"]))} for group in groups],
            ),
        )
    ]
    for group in groups:
        files.append(
            OutputFile(
                group["page"],
                environment.get_template("places_letter.md.j2").render(
                    title=PLACES_TITLE,
                    letter=group["title"],
                    home_link=urls.relative_link(group["page"], urls.PLACES_PAGE),
                    # Links of raw HTML, which mkdocs leaves as written: served URLs (../b/).
                    groups=[{**other, "link": urls.served_link(group["page"], urls.served_url(other["page"])), "current": other is group} for other in groups],
                    places=group["places"],
                ),
            )
        )
    return tuple(files)


def region_places(places: list[dict], region_code: str) -> list[dict]:
    """Of the library's places (library_places), those of one region — its division and those below
    it — the region first, then its prefecture-level divisions, then its counties, each in pinyin order."""
    if not region_code:
        return []
    divisions = data.divisions_by_code()
    ours = [place for place in places if place["code"] and _within(place["code"], region_code, divisions)]
    levels = list(DivisionLevel)
    return sorted(ours, key=lambda place: levels.index(divisions[place["code"]].level))


def _within(code: str, region_code: str, divisions) -> bool:
    """Whether the division coded ``code`` is the region's division or lies below it."""
    while code:
        if code == region_code:
            return True
        code = divisions[code].parent
    return False


def _name(key: str, found: list[tuple[DocumentSummary, PlaceRecord]]) -> str:
    """A merged place's name: a division's full name, else the name most documents give it."""
    division = data.divisions_by_code().get(key)
    if division:
        return division.name
    counts: dict[str, int] = {}
    for _, record in found:
        counts[record.name] = counts.get(record.name, 0) + 1
    return max(counts, key=lambda name: (counts[name], name))


def _label(key: str, category: str) -> str:
    """What a place is: a division's kind and province (地级市 · 河南省), else its category's label."""
    division = data.divisions_by_code().get(key)
    if division is None:
        return data.index_kinds()["places"].label(category)
    kind = data.division_kinds()[division.kind].name
    if division.level is DivisionLevel.PROVINCE:
        return kind
    return f"{kind} · {data.divisions_by_code()[division.province].name}"
