"""RSS/Atom feeds and XML sitemaps as sources of URLs (with dates, for --since).

Feeds are read with feedparser: it has handled RSS 0.9x/1.0/2.0 and Atom
0.3/1.0 for twenty years, including the broken XML, odd encodings and the
dozen date formats real publishers emit (normalised to UTC), and it
resolves relative links against xml:base. Writing that again would be a
worse feedparser. Sitemaps are a small, strict format: lxml with entity
expansion and network access switched off.

Only bytes are ever handed to either parser: given a string or bytes that
look like a URL or a file name, feedparser would fetch or open it itself.
"""

from __future__ import annotations

import io
import re
import time
import urllib.parse
import zlib
from dataclasses import dataclass, field

from miner.errors import UnsupportedDocument

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class FeedEntry:
    """A URL a feed or sitemap lists, with its date (YYYY-MM-DD) and title when given."""

    url: str
    published: str | None = None
    title: str | None = None


@dataclass
class FeedLinks:
    """What a feed or sitemap points at: documents, and (for a sitemap index) more sitemaps."""

    entries: list[FeedEntry] = field(default_factory=list)
    sitemaps: list[FeedEntry] = field(default_factory=list)
    title: str | None = None


def read_feed(data: bytes, base_url: str) -> FeedLinks:
    """Entries of an RSS/Atom feed or a sitemap (index), absolute http(s) URLs only."""
    head = data[:4096].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return parse_sitemap(data, base_url)
    return parse_feed(data, base_url)


def parse_feed(data: bytes, base_url: str) -> FeedLinks:
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": base_url}, sanitize_html=False)
    if parsed.bozo and not parsed.entries:
        raise UnsupportedDocument(f"{base_url}: not a readable RSS or Atom feed ({type(parsed.bozo_exception).__name__})")
    links = FeedLinks(title=(parsed.feed.get("title") or None))
    for entry in parsed.entries:
        url = entry.get("link") or (entry.get("id") if str(entry.get("id", "")).startswith(("http://", "https://")) else None)
        url = _absolute(base_url, url)
        if url is None:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%d", when) if when else None
        links.entries.append(FeedEntry(url, published, entry.get("title") or None))
    return links


def parse_sitemap(data: bytes, base_url: str) -> FeedLinks:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise UnsupportedDocument(f"{base_url}: not a readable sitemap ({error})") from None
    if root is None:
        raise UnsupportedDocument(f"{base_url}: not a readable sitemap")
    links = FeedLinks()
    kind = etree.QName(root).localname
    for item in root:
        if not isinstance(item.tag, str):
            continue  # comments, processing instructions
        values = {etree.QName(child).localname: (child.text or "").strip() for child in item if isinstance(child.tag, str)}
        url = _absolute(base_url, values.get("loc"))
        if url is None:
            continue
        lastmod = values.get("lastmod", "")
        entry = FeedEntry(url, lastmod[:10] if _ISO_DATE.match(lastmod) else None)
        (links.sitemaps if kind == "sitemapindex" else links.entries).append(entry)
    return links


def gunzip(data: bytes, name: str, limit: int) -> bytes:
    """A .xml.gz sitemap's content, refusing to inflate past `limit` bytes."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as error:
        raise UnsupportedDocument(f"{name}: corrupt gzip data ({error})") from None
    if len(out) > limit:
        raise UnsupportedDocument(f"{name}: gzip content expands past the {limit:,}-byte limit (a decompression bomb?)")
    return out


def _absolute(base_url: str, url: str | None) -> str | None:
    if not url:
        return None
    absolute = urllib.parse.urljoin(base_url, url.strip()).split("#")[0]
    return absolute if urllib.parse.urlsplit(absolute).scheme in ("http", "https") else None
