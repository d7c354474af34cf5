"""The crawler's memory in SQLite: what it fetched, and what it learnt doing so.

- `crawls`: one row per run, with its counts (a run killed midway has no `finished_at`).
- `fetches`: every URL a run dealt with: when, HTTP status, bytes, content hash,
  outcome and, for a failure or a skip, the reason. Datasette shows it.
- `validators`: per URL, the ETag / Last-Modified of the copy we hold, for
  conditional GETs; written only once that copy is safely stored.
- `links`: per listing, feed or report page, the links read from it, so a 304
  ("not modified") can be followed without the body.
- `robots_txt`: each origin's robots.txt, re-asked at most daily.
- `listing_metadata`: what an inspectorate's listing says about each report
  (organisation, programme, publication date), keyed by the report's URL.

Each URL's rows are written in one transaction, after its document (if any)
was committed by `DocumentWriter`: a run killed at any instant leaves either
the whole record or none, and the next run simply fetches that URL again.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Iterable

from sqlite_utils import Database

from miner.store.writer import utcnow

OUTCOMES = ("added", "new-version", "unchanged", "not-modified", "parsed", "skipped", "failed")


@dataclass
class FetchRecord:
    """One row of `fetches`."""

    url: str
    outcome: str  # one of OUTCOMES
    status: int | None = None
    bytes: int | None = None
    content_hash: str | None = None
    reason: str | None = None
    final_url: str | None = None
    media_type: str | None = None
    document_id: int | None = None
    elapsed_ms: int | None = None


@dataclass
class StoredValidators:
    """One row of `validators`: what to send to ask "has this changed?"."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    document_id: int | None = None  # set when the page is stored as a document
    final_url: str | None = None
    media_type: str | None = None


@dataclass
class StoredLink:
    """One row of `links`: a link read from a page, with what the page said about it."""

    url: str
    role: str
    published: str | None = None
    title: str | None = None
    metadata: dict = field(default_factory=dict)


class FetchLog:
    """Reads and writes the crawl tables. With `read_only`, writes are dropped (for --dry-run)."""

    def __init__(self, db: Database, *, read_only: bool = False):
        self.db = db
        self.read_only = read_only
        self.crawl_id: int | None = None

    # -- runs -------------------------------------------------------------

    def start_crawl(self, seeds: Iterable[str], options: dict) -> int | None:
        if self.read_only:
            return None
        with self.db.atomic():
            self.crawl_id = self.db["crawls"].insert(
                {"started_at": utcnow(), "seeds": json.dumps(list(seeds)), "options": json.dumps(options, default=str)}
            ).last_pk
        return self.crawl_id

    def finish_crawl(self, counts: dict[str, int]) -> None:
        if self.read_only or self.crawl_id is None:
            return
        columns = {k: counts.get(k, 0) for k in ("fetched", "unchanged", "skipped", "failed")}
        with self.db.atomic():
            self.db["crawls"].update(self.crawl_id, {"finished_at": utcnow(), **columns})

    # -- reading ----------------------------------------------------------

    def validators(self, url: str) -> StoredValidators | None:
        row = self._one("select * from validators where url = ?", [url])
        if row is None:
            return None
        row.pop("checked_at", None)
        return StoredValidators(**row)

    def links(self, source_url: str) -> list[StoredLink]:
        rows = self.db.execute(
            "select url, role, published, title, metadata from links where source_url = ? order by position", [source_url]
        ).fetchall()
        return [StoredLink(url, role, published, title, json.loads(metadata or "{}")) for url, role, published, title, metadata in rows]

    def listing(self, url: str) -> dict | None:
        return self._one("select * from listing_metadata where url = ?", [url])

    def robots_row(self, origin: str) -> dict | None:
        return self._one("select * from robots_txt where origin = ?", [origin])

    # -- writing ----------------------------------------------------------

    def record(
        self,
        fetch: FetchRecord,
        *,
        validators: StoredValidators | None = None,
        links: list[StoredLink] | None = None,
        listings: Iterable[dict] = (),
    ) -> None:
        """Log one fetch and, in the same transaction, what it taught us.

        `links` replaces the page's stored links (None leaves them alone);
        `listings` rows are upserted only when they differ from what is stored.
        """
        if self.read_only:
            return
        now = utcnow()
        with self.db.atomic():
            self.db["fetches"].insert({**asdict(fetch), "crawl_id": self.crawl_id, "fetched_at": now})
            if validators is not None:
                self.db["validators"].upsert({**asdict(validators), "checked_at": now}, pk="url")
            if links is not None:
                self._replace_links(fetch.url, links)
            for listing in listings:
                self._upsert_listing(listing, now)

    def save_robots_row(self, row: dict) -> None:
        if self.read_only:
            return
        with self.db.atomic():
            self.db["robots_txt"].upsert(row, pk="origin")

    def _replace_links(self, source_url: str, links: list[StoredLink]) -> None:
        if self.links(source_url) == links:
            return  # an unchanged page writes nothing
        self.db.execute("delete from links where source_url = ?", [source_url])
        rows = [
            {
                "source_url": source_url, "position": position, "url": link.url, "role": link.role,
                "published": link.published, "title": link.title, "metadata": json.dumps(link.metadata, sort_keys=True),
            }
            for position, link in enumerate(links)
        ]
        if rows:
            self.db["links"].insert_all(rows, pk=("source_url", "position"))

    def _upsert_listing(self, listing: dict, now: str) -> None:
        stored = self.listing(listing["url"])
        if stored is not None:
            first_seen = stored.pop("first_seen")
            if all(stored.get(k) == v for k, v in listing.items()):
                return
        else:
            first_seen = now
        self.db["listing_metadata"].upsert({**listing, "first_seen": first_seen}, pk="url")

    def _one(self, sql: str, params: list) -> dict | None:
        cursor = self.db.execute(sql, params)
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cursor.description], row))
