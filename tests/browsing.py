"""Driving the built site in Chromium as a reader does: served over HTTP or opened from disk."""

import re
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@dataclass(frozen=True)
class Site:
    """A built site as a browser reaches it: its base URL and its URL style."""

    name: str
    base: str
    folder: Path
    directory_urls: bool

    def url(self, source_path: str) -> str:
        """The URL of a page given by its Markdown source path (nmg-2026-plan/4.md)."""
        stem = source_path.removesuffix(".md")
        if not self.directory_urls:
            return self.base + stem + ".html"
        if stem == "index":
            return self.base
        return self.base + (stem.removesuffix("index") if stem.endswith("/index") else stem + "/")

    def pages(self) -> list[str]:
        """The URL of every HTML page a reader stays on (share pages redirect at once: left out)."""
        urls = []
        for html in sorted(self.folder.rglob("*.html")):
            relative = html.relative_to(self.folder).as_posix()
            if "/s/" in "/" + relative:
                continue
            if self.directory_urls and html.name == "index.html":
                relative = relative.removesuffix("index.html")
            urls.append(self.base + relative)
        return urls

    def local(self, url: str) -> bool:
        """Whether a request stays inside the site (the same server, or the bundle's folder)."""
        return url.startswith(self.base) or (not self.directory_urls and url.startswith("file://"))

    def search_page(self) -> str:
        """The URL of the search page: search/ served, search.html in an offline bundle."""
        return self.base + ("search/" if self.directory_urls else "search.html")


def served_site(base: str, folder: Path) -> Site:
    return Site("served", base, folder, True)


def offline_site(folder: Path) -> Site:
    return Site("offline", folder.as_uri() + "/", folder, False)


@contextmanager
def open_page(browser, site: Site, viewport=PHONE, **context_options):
    """A page that lets requests inside the site through and records (and blocks) every other."""
    context = browser.new_context(viewport=viewport, **context_options)
    page = context.new_page()
    page.outside_requests = []
    page.errors = []

    def route(route):
        if site.local(route.request.url):
            route.continue_()
        else:
            page.outside_requests.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()


@contextmanager
def checked_page(browser, site: Site, viewport=PHONE):
    """A page (open_page) that, once the test using it has passed, must have fetched nothing from
    outside the site and raised no script error."""
    with open_page(browser, site, viewport) as page:
        yield page
        assert page.outside_requests == []
        assert page.errors == []


# A clipboard that records what the page writes to it (in window.__copied), whatever the origin.
RECORDING_CLIPBOARD = """
    window.__copied = [];
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (text) => { window.__copied.push(text); } } });
"""

# Opens the link menu of every clause and heading of the page and chooses one action ("link",
# "cite", "full" or "share"): what each copied, by ID. Needs RECORDING_CLIPBOARD.
COPY_EVERY_CLAUSE = """(action) => {
    const found = {};
    for (const trigger of document.querySelectorAll(".c>.n,.c>.headerlink")) {
      trigger.click();
      document.querySelector(`.cm button[data-action="${action}"]`).click();
      found[trigger.parentElement.id] = window.__copied.at(-1);
    }
    return found;
  }"""


def copied_citations(browser, base: str, paths) -> dict[tuple[str, str], str]:
    """What the page script copies for 复制引用 and 复制完整引用 on each page, by (clause ID, action)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(RECORDING_CLIPBOARD)
    page = context.new_page()
    copied = {}
    for path in sorted(paths):
        page.goto(base + path)
        for action in ("cite", "full"):
            for clause_id, text in page.evaluate(COPY_EVERY_CLAUSE, action).items():
                copied[clause_id, action] = text
    context.close()
    return copied


def fold(text: str) -> str:
    """Text as search compares it: NFKC, lower case."""
    return unicodedata.normalize("NFKC", text).lower()


class _Linked:
    """A result's link, read: the clause ID it lands on, and the page's path."""

    href: str

    @property
    def fragment(self) -> str:
        return unquote(urlsplit(self.href).fragment)

    @property
    def path(self) -> str:
        return urlsplit(self.href).path


# 找到 18 句 (exact), 找到至少 20 句 (a page found, chunks left to read)
LIBRARY_COUNT = re.compile(r"找到(?: |至少 )(\d+) 句")


@dataclass(frozen=True)
class LibraryResult(_Linked):
    """One result of the library's search page: its link, its place, its text, its document."""

    href: str
    place: str
    text: str
    document: str
    marks: tuple[str, ...]


@dataclass(frozen=True)
class LibrarySearch:
    """What the search page shows: the time to first results, the count announced, every result, the counts by region."""

    seconds: float
    status: str
    count: int
    results: tuple[LibraryResult, ...]
    regions: str = ""


def library_search(page, site: Site, query: str, doc: str = "", scope_all: bool = False, timeout: float = 10.0, **filters) -> LibrarySearch:
    """Open /search/?q=… (with a scope and filters) and read every result, showing them all."""
    params = {"q": query, **({"doc": doc} if doc else {}), **({"all": "1"} if scope_all else {}), **filters}
    start = time.monotonic()
    page.goto(site.search_page() + "?" + "&".join(f"{key}={quote(str(value))}" for key, value in params.items()))
    return read_library_results(page, start, timeout)


def read_library_results(page, start: float | None = None, timeout: float = 10.0) -> LibrarySearch:
    """The results on the search page once its status reports them (all of them: 显示更多 is pressed);
    the status and the counts by region as the first page showed them."""
    start = time.monotonic() if start is None else start
    page.wait_for_function(
        "() => { const status = document.querySelector('[data-search-status]');"
        " const list = document.querySelector('[data-search-results]');"
        " return status && list && /找到|没有/.test(status.textContent) && list.getAttribute('aria-busy') === 'false'; }",
        timeout=timeout * 1000,
    )
    seconds = time.monotonic() - start
    status = page.inner_text("[data-search-status]")
    regions = page.evaluate("() => { const line = document.querySelector('[data-search-regions]'); return line && !line.hidden ? line.textContent : ''; }")
    while page.is_visible("[data-search-more]"):
        page.click("[data-search-more]")
        page.wait_for_function("() => document.querySelector('[data-search-results]').getAttribute('aria-busy') === 'false'", timeout=timeout * 1000)
    results = page.evaluate(
        """() => [...document.querySelectorAll('[data-search-result]')].map(item => {
             const link = item.querySelector('a[href]');
             const part = name => (item.querySelector('.ps-result__' + name) || {}).textContent || '';
             return [link.href, part('place'), part('text'), part('doc'), [...item.querySelectorAll('mark')].map(m => m.textContent)];
           })"""
    )
    match = LIBRARY_COUNT.search(status)
    return LibrarySearch(seconds, status, int(match.group(1)) if match else 0, tuple(LibraryResult(*result[:4], tuple(result[4])) for result in results), regions)
