"""Reading built HTML the way a browser would: text by element id, links, outside references."""

from html.parser import HTMLParser

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Reader(HTMLParser):
    """Collects the text content of every element with an id, and every tag with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open_ids: list[tuple[str, str | None]] = []
        self.texts: dict[str, list[str]] = {}
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in VOID_ELEMENTS:
            return
        element_id = attributes.get("id")
        self.open_ids.append((tag, element_id))
        if element_id is not None:
            self.texts.setdefault(element_id, [])

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.open_ids:
            open_tag, _ = self.open_ids.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        for _, element_id in self.open_ids:
            if element_id is not None:
                self.texts[element_id].append(data)


def read_html(html: str) -> _Reader:
    """Parse a page; the reader's ``texts`` and ``tags`` hold what was found."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


def text_by_id(html: str) -> dict[str, str]:
    """The text content of every element carrying an id."""
    return {element_id: "".join(parts) for element_id, parts in read_html(html).texts.items()}


def outside_references(html: str) -> list[str]:
    """Every src/href/content/action URL pointing at another host (http:, https:, or //host)."""
    found = []
    for _, attributes in read_html(html).tags:
        for name in ("src", "href", "action", "srcset", "data", "poster"):
            value = (attributes.get(name) or "").strip()
            if value.startswith(("http:", "https:", "//")):
                found.append(value)
    return found
