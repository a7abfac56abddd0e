"""Sitemap: every page search engines should find (not share pages), at its published address."""

import gzip
from xml.sax.saxutils import escape

from generator.model import BinaryFile, OutputFile

SITEMAP = "sitemap.xml"


def sitemap_files(site_url: str, pages: tuple[str, ...]) -> tuple[OutputFile, BinaryFile]:
    """sitemap.xml (see sitemap) and sitemap.xml.gz, at the site's root."""
    text = sitemap(site_url, pages)
    return OutputFile(SITEMAP, text), BinaryFile(SITEMAP + ".gz", compressed(text))


def sitemap(site_url: str, pages: tuple[str, ...]) -> str:
    """sitemap.xml listing ``pages`` (site-relative URLs) under ``site_url`` ("" lists nothing: no address to give)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    if site_url:
        lines.extend(f"<url><loc>{escape(site_url + page)}</loc></url>" for page in sorted(set(pages)))
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def compressed(text: str) -> bytes:
    """A sitemap gzipped reproducibly (no file name, no date)."""
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
