"""Site adapters: how to walk a kind of site, registered by name.

An adapter looks at one fetched page and says whether it is a document to
store (and of what kind), which links on it to follow (and what each is),
and what a listing says about the documents it lists. The crawler does the
fetching, politeness, feeds and sitemaps, bookkeeping and storage.

A new site is a new module here:

    @register("hmicfrs")
    class HMICFRS(InspectorateAdapter):
        hosts = ("www.justiceinspectorates.gov.uk",)
        start_urls = ("https://www.justiceinspectorates.gov.uk/hmicfrs/publications/",)

`hosts` lets `--adapter auto` pick it for URLs on those hosts, and
`start_urls` lets `miner crawl DB hmicfrs` name the site instead of a URL.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Callable, TypeVar
from urllib.parse import urlsplit

from lxml import html as lxml_html

from miner.errors import MinerError
from miner.sources.links import parse_html
from miner.text import claimed_type

# What a link leads to, which decides how the crawler treats it:
LISTING = "listing"  # a page of links (a listing, its next page): read for links, never stored
FEED = "feed"  # an RSS/Atom feed or sitemap: read for links, never stored
REPORT = "report"  # an inspection report page: stored, and its files followed
DOCUMENT = "document"  # a document (PDF, article): stored, nothing followed
PAGE = "page"  # not known until fetched: the adapter decides
ROLES = (LISTING, FEED, REPORT, DOCUMENT, PAGE)
# Links of these roles stay at their parent's depth: pagination is not depth.
SAME_DEPTH = {LISTING, FEED}


@dataclass(frozen=True)
class Link:
    """A URL to fetch, what it is expected to be, and what the linking page said about it."""

    url: str
    role: str = PAGE
    published: str | None = None  # YYYY-MM-DD when the listing or feed gives it (used by --since)
    title: str | None = None
    metadata: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Page:
    """A fetched page as an adapter sees it."""

    url: str  # after redirects
    link: Link  # how the crawler got here
    data: bytes
    media_type: str | None  # sniffed from the bytes (miner.text.sniff), None if unrecognised
    charset: str | None = None
    content_type: str | None = None  # what the server claimed
    _tree: lxml_html.HtmlElement | None = field(default=None, repr=False)

    @property
    def is_html(self) -> bool:
        return self.media_type == "text/html"

    @property
    def claims_pdf(self) -> bool:
        """The URL or the server says PDF: a document, even if an HTML login page arrived instead."""
        return claimed_type(self.url, self.content_type) == "application/pdf"

    def tree(self) -> lxml_html.HtmlElement:
        if self._tree is None:
            self._tree = parse_html(self.data, self.charset)
        return self._tree


@dataclass
class Examination:
    """An adapter's verdict on a page."""

    store: bool  # ingest the page as a document
    kind: str | None = None  # documents.kind to store it with (None: let extraction decide)
    links: list[Link] = field(default_factory=list)
    listings: list[dict] = field(default_factory=list)  # rows for the listing_metadata table


class Adapter:
    """Base adapter: stores what it is given, follows nothing."""

    name = "base"
    kind: str | None = None
    hosts: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    feed_entry_role = DOCUMENT  # what the entries of this site's feeds and sitemaps are

    def seed(self, url: str) -> Link:
        """The link a URL given on the command line becomes."""
        return Link(url, PAGE)

    def examine(self, page: Page) -> Examination:
        return Examination(store=True, kind=self.kind)


ADAPTERS: dict[str, type[Adapter]] = {}
A = TypeVar("A", bound=type[Adapter])


def register(name: str) -> Callable[[A], A]:
    """Class decorator: make an adapter available as `--adapter NAME`."""

    def decorate(cls: A) -> A:
        cls.name = name
        ADAPTERS[name] = cls
        return cls

    return decorate


def _load_all() -> None:
    """Import every module in this package, so their @register calls run."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


def adapter_names() -> list[str]:
    _load_all()
    return sorted(ADAPTERS)


def get_adapter(name: str) -> Adapter:
    """The adapter registered as `name`; MinerError naming the known ones otherwise."""
    _load_all()
    try:
        return ADAPTERS[name]()
    except KeyError:
        raise MinerError(f"unknown adapter {name!r} (known: {', '.join(sorted(ADAPTERS))})") from None


def adapter_for(url: str, default: str = "news") -> Adapter:
    """The adapter that claims `url`'s host, else `default`."""
    _load_all()
    host = (urlsplit(url).hostname or "").lower()
    for cls in ADAPTERS.values():
        if host and host in cls.hosts:
            return cls()
    return get_adapter(default)
