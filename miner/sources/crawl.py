"""The crawler: from seed URLs through listings, feeds and sitemaps to stored documents.

Incremental by construction. Every URL is fetched conditionally with the
validators stored from last time, so an unchanged page costs one request
that returns 304 and nothing is re-extracted; the links a listing or feed
held are kept in SQLite, so a 304 listing is still followed. A changed
page becomes a new document version (the Ingester keeps the old one).

Restartable by construction. A URL's document is committed first, then its
fetch record, validators and links together; a run killed at any instant
is simply run again: finished URLs answer 304 or hash as unchanged, an
unfinished one is fetched afresh, and nothing is stored twice.
"""

from __future__ import annotations

import collections
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from miner.document import content_hash
from miner.errors import FetchError, MinerError
from miner.sources.adapters import DOCUMENT, FEED, LISTING, REPORT, SAME_DEPTH, Adapter, Examination, Link, Page
from miner.sources.feeds import gunzip, read_feed
from miner.sources.links import same_site
from miner.sources.polite import PoliteClient, Response, Validators
from miner.sources.robots import RobotsDisallowed, RobotsUnreachable
from miner.store.fetch_log import FetchLog, FetchRecord, StoredLink, StoredValidators
from miner.text import sniff as sniffing

if TYPE_CHECKING:
    from miner.ingest import Ingester

# Outcome -> the counter it adds to in progress displays and summaries.
COUNTERS = {
    "added": "fetched", "new-version": "fetched", "parsed": "fetched",
    "unchanged": "unchanged", "not-modified": "unchanged",
    "skipped": "skipped", "failed": "failed", "would-fetch": "would_fetch",
}
HUB_ROLES = {LISTING, FEED}


@dataclass
class CrawlOptions:
    since: str | None = None  # YYYY-MM-DD: skip what listings and feeds date earlier
    limit: int | None = None  # stop after this many documents
    max_depth: int = 2  # link hops from a seed; pagination and sitemap indexes are not hops
    dry_run: bool = False  # read listings and feeds, fetch no documents, write nothing
    max_listing_pages: int = 1000  # a listing that paginates for ever is a trap, not an archive


@dataclass
class CrawlResult:
    """What happened to one URL."""

    url: str
    outcome: str  # a fetch_log OUTCOME, or "would-fetch" in a dry run
    role: str
    depth: int
    reason: str | None = None
    status: int | None = None
    document_id: int | None = None
    published: str | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class CrawlSummary:
    results: list[CrawlResult] = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    def count(self, counter: str) -> int:
        return sum(1 for r in self.results if COUNTERS[r.outcome] == counter)

    def outcome(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {c: self.count(c) for c in ("fetched", "unchanged", "skipped", "failed")}

    @property
    def failed(self) -> list[CrawlResult]:
        return [r for r in self.results if r.outcome == "failed"]

    def to_dict(self) -> dict:
        data: dict = {
            **self.counts,
            "added": self.outcome("added"),
            "new_versions": self.outcome("new-version"),
            "requests": self.requests,
            "seconds": round(self.seconds, 2),
        }
        if self.interrupted:
            data["interrupted"] = True
        data["results"] = [r.to_dict() for r in self.results]
        return data


@dataclass
class _Item:
    link: Link
    adapter: Adapter
    depth: int


class Crawler:
    """Walks seeds breadth-first, one request at a time, storing documents through an Ingester."""

    def __init__(
        self,
        client: PoliteClient,
        log: FetchLog,
        ingester: "Ingester | None" = None,  # None in a dry run
        *,
        options: CrawlOptions | None = None,
        progress: Callable[[CrawlResult], None] | None = None,
    ):
        self.client = client
        self.log = log
        self.ingester = ingester
        self.options = options or CrawlOptions()
        self.progress = progress
        if self.ingester is None and not self.options.dry_run:
            raise ValueError("a crawl that stores documents needs an Ingester")
        self._summary = CrawlSummary()
        self._queue: collections.deque[_Item] = collections.deque()
        self._seen: set[str] = set()  # URLs queued or dealt with in this run
        self._documents = 0
        self._listing_pages = 0

    def crawl(self, seeds: list[tuple[str, Adapter]]) -> CrawlSummary:
        """Crawl from each (url, adapter) seed; every outcome is in the summary and the `fetches` table."""
        started = time.monotonic()
        summary = self._summary = CrawlSummary()
        self._queue.clear()
        self._seen.clear()
        self._documents = self._listing_pages = 0
        self.log.start_crawl([url for url, _ in seeds], self._options_dict())
        for url, adapter in seeds:
            self._push(_Item(adapter.seed(url), adapter, 0))
        try:
            while self._queue:
                if self.options.limit is not None and self._documents >= self.options.limit:
                    break
                self._visit(self._queue.popleft())
        except KeyboardInterrupt:
            summary.interrupted = True
        summary.requests = self.client.requests
        summary.seconds = time.monotonic() - started
        if not summary.interrupted:
            self.log.finish_crawl(summary.counts)
        return summary

    # -- one URL ------------------------------------------------------------

    def _visit(self, item: _Item) -> None:
        link = item.link
        started = time.monotonic()
        if link.role == LISTING:
            self._listing_pages += 1
            if self._listing_pages > self.options.max_listing_pages:
                self._finish(item, "skipped", reason=f"{link.url}: more than {self.options.max_listing_pages} listing pages, not followed")
                return
        try:
            self.client.check_allowed(link.url)
        except RobotsUnreachable as error:  # the host is down or erring: a failure, not a choice
            self._fail(item, str(error), started)
            return
        except RobotsDisallowed as error:
            self._finish(item, "skipped", reason=str(error), record=FetchRecord(link.url, "skipped", reason=str(error)))
            return
        stored = self.log.validators(link.url)
        if self.options.dry_run and not self._is_discovery(item):
            self._finish(item, "would-fetch")
            return
        validators = Validators(stored.etag, stored.last_modified) if stored is not None else None
        try:
            response = self.client.get(link.url, validators=validators or None)
        except RobotsUnreachable as error:
            self._fail(item, str(error), started)
            return
        except RobotsDisallowed as error:  # a redirect led somewhere robots.txt forbids
            self._finish(item, "skipped", reason=str(error), record=FetchRecord(link.url, "skipped", reason=str(error)))
            return
        except FetchError as error:
            self._fail(item, str(error), started, status=getattr(error, "status", None))
            return
        if response.not_modified and stored is not None:
            self._not_modified(item, response, stored, started)
        else:
            self._modified(item, response, stored, started)

    def _not_modified(self, item: _Item, response: Response, stored: StoredValidators, started: float) -> None:
        links = [Link(s.url, s.role, s.published, s.title, s.metadata) for s in self.log.links(item.link.url)]
        record = FetchRecord(
            item.link.url, "not-modified", 304, 0, stored.content_hash, final_url=stored.final_url,
            media_type=stored.media_type, document_id=stored.document_id, elapsed_ms=_ms(started),
        )
        if stored.document_id is not None:
            self._documents += 1
        self._finish(item, "not-modified", status=304, document_id=stored.document_id, record=record)
        self._follow(item, links, stored.final_url or item.link.url)

    def _modified(self, item: _Item, response: Response, stored: StoredValidators | None, started: float) -> None:
        url = item.link.url
        data = response.data
        digest = content_hash(data)
        try:
            data = self._unwrap(response)
            media_type = _sniff(data, response.final_url)
            if media_type == sniffing.FEED:
                examination = self._feed(item, data, response.final_url)
            else:
                page = Page(response.final_url, item.link, data, media_type, response.charset, response.content_type)
                examination = item.adapter.examine(page)
        except MinerError as error:
            self._fail(item, str(error), started, response)
            return
        except Exception as error:  # an adapter tripping on hostile HTML must not end the crawl
            self._fail(item, f"{url}: could not read the page ({type(error).__name__}: {error})", started, response)
            return
        if self.options.dry_run:
            self._finish(item, "would-fetch" if examination.store else "parsed", status=response.status)
            self._follow(item, examination.links, response.final_url)
            return
        document_id, reason = None, None
        if examination.store:
            self._documents += 1
            self.ingester.kind = examination.kind
            result = self.ingester.ingest_raw(response.raw_document())
            outcome, document_id, reason = result.status, result.document_id, result.reason
        elif stored is not None and stored.content_hash == digest:
            outcome = "unchanged"  # a listing served again without validators
        else:
            outcome = "parsed"
        record = FetchRecord(
            url, outcome, response.status, len(response.data), digest, reason, response.final_url, media_type, document_id, _ms(started),
        )
        links = [StoredLink(l.url, l.role, l.published, l.title, l.metadata) for l in examination.links]
        if outcome == "failed":
            # No validators: next run fetches it in full and tries again.
            self.log.record(record)
        else:
            validators = StoredValidators(
                url, response.validators.etag, response.validators.last_modified, digest, document_id, response.final_url, media_type,
            )
            self.log.record(record, validators=validators, links=links, listings=examination.listings)
        self._finish(item, outcome, reason=reason, status=response.status, document_id=document_id)
        # A page that failed to store can still lead somewhere (a report page to its PDF).
        self._follow(item, examination.links, response.final_url)

    def _feed(self, item: _Item, data: bytes, url: str) -> Examination:
        feed = read_feed(data, url)
        links = [Link(s.url, FEED, s.published) for s in feed.sitemaps]
        links += [Link(e.url, item.adapter.feed_entry_role, e.published, e.title) for e in feed.entries]
        return Examination(store=False, links=links)

    def _unwrap(self, response: Response) -> bytes:
        """A gzipped sitemap (sitemap.xml.gz, not Content-Encoding) inflated, within the size cap."""
        data = response.data
        if data[:2] == b"\x1f\x8b" and response.final_url.lower().split("?")[0].endswith(".gz"):
            return gunzip(data, response.final_url, self.client.max_decoded_bytes)
        return data

    def _fail(self, item: _Item, reason: str, started: float, response: Response | None = None, *, status: int | None = None) -> None:
        record = FetchRecord(
            item.link.url, "failed", response.status if response else status, len(response.data) if response else None,
            content_hash(response.data) if response else None, reason, response.final_url if response else None, elapsed_ms=_ms(started),
        )
        self.log.record(record)
        if item.link.role not in HUB_ROLES and self.ingester is not None and not self.options.dry_run:
            self.ingester.writer.record_failure(item.link.url, None, "fetch", reason)
        self._finish(item, "failed", reason=reason, status=record.status)

    def _finish(self, item: _Item, outcome: str, *, reason: str | None = None, status: int | None = None,
                document_id: int | None = None, record: FetchRecord | None = None) -> None:
        if record is not None:
            self.log.record(record)
        result = CrawlResult(item.link.url, outcome, item.link.role, item.depth, reason, status, document_id, item.link.published)
        self._summary.results.append(result)
        if self.progress is not None:
            self.progress(result)

    # -- the frontier -------------------------------------------------------

    def _follow(self, parent: _Item, links: list[Link], page_url: str) -> None:
        """Queue a page's links: within depth, once per run, discovery on the page's own site."""
        since = self.options.since
        dated = [l for l in links if l.published and l.role not in SAME_DEPTH]
        # Listings run newest first: once a whole page predates --since, older pages do too.
        stale_page = bool(since and dated and all(l.published < since for l in dated))
        for link in links:
            if link.role in SAME_DEPTH:
                if stale_page and link.role == LISTING:
                    continue
                depth = parent.depth
            else:
                depth = parent.depth + 1
            if depth > self.options.max_depth or link.url in self._seen:
                continue
            if link.role not in (DOCUMENT, REPORT) and not same_site(link.url, page_url):
                continue  # discovery stays on the site; documents may live on a CDN
            if since and link.published and link.published < since:
                self._seen.add(link.url)
                self._finish(_Item(link, parent.adapter, depth), "skipped", reason=f"{link.url}: published {link.published}, before {since}")
                continue
            self._push(_Item(link, parent.adapter, depth))

    def _push(self, item: _Item) -> None:
        self._seen.add(item.link.url)
        self._queue.append(item)

    def _is_discovery(self, item: _Item) -> bool:
        """In a dry run, what must still be fetched: listings, feeds, and the seeds themselves."""
        return item.link.role in HUB_ROLES or item.depth == 0

    def _options_dict(self) -> dict:
        return {k: v for k, v in self.options.__dict__.items() if v is not None}


def _sniff(data: bytes, url: str) -> str | None:
    try:
        return sniffing.sniff(data, url)
    except MinerError:
        return None


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
