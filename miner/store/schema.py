"""The schema, as sqlite-utils migrations: an old database upgrades in place.

Table and column names are a public interface (documented in metadata.yml):
researchers write SQL against them.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("miner")

RECORD_TABLES = ("gradings", "findings", "statistics")


@migrations()
def m001_initial(db: Database) -> None:
    db["organisations"].create(
        {"id": str, "name": str, "kind": str, "region": str, "country": str, "aliases": str},
        pk="id",
    )
    db["documents"].create(
        {
            "id": int,
            "url": str,
            "content_hash": str,
            "version": int,
            "supersedes": int,
            "title": str,
            "publisher": str,
            "author": str,
            "kind": str,
            "published": str,
            "media_type": str,
            "pages": int,
            "n_chars": int,
            "subject_id": str,
            "inspectorate": str,
            "programme": str,
            "inspection_date": str,
            "ingested_at": str,
            "extracted_at": str,
            "pipeline": str,
            "text": str,
        },
        pk="id",
        foreign_keys=[("supersedes", "documents", "id"), ("subject_id", "organisations", "id")],
    )
    db["documents"].create_index(["content_hash"], unique=True)
    db["documents"].create_index(["url", "version"])
    db["document_blocks"].create(
        {"document_id": int, "blocks": str},
        pk="document_id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    common = {"id": int, "document_id": int, "organisation_id": str}
    evidence = {"sentence": str, "start": int, "end": int, "page": int, "section": str}
    db["gradings"].create(
        {
            **common,
            "area": str,
            "grade": str,
            "scale": str,
            "count": int,
            "out_of": int,
            "previous": int,
            "year": int,
            "method": str,
            **evidence,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("organisation_id", "organisations", "id")],
    )
    db["findings"].create(
        {**common, "text": str, "kind": str, "polarity": str, "topic": str, "confidence": float, **evidence},
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("organisation_id", "organisations", "id")],
    )
    db["statistics"].create(
        {
            **common,
            "value": float,
            "unit": str,
            "measure": str,
            "period": str,
            "change_from": float,
            "change_to": float,
            "change_pct": float,
            "direction": str,
            "text": str,
            **evidence,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("organisation_id", "organisations", "id")],
    )
    for table in RECORD_TABLES:
        db[table].create_index(["document_id"])
        db[table].create_index(["organisation_id"])
    db["gradings"].create_index(["grade"])
    db["gradings"].create_index(["area"])
    db["failures"].create(
        {"id": int, "source": str, "content_hash": str, "stage": str, "reason": str, "first_seen": str},
        pk="id",
    )
    db["failures"].create_index(["source", "content_hash", "reason"], unique=True)
    db["documents"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    db["findings"].enable_fts(["text"], create_triggers=True, tokenize="porter")


@migrations()
def m002_views(db: Database) -> None:
    db.create_view(
        "latest_documents",
        """
        select * from documents d
        where not exists (select 1 from documents newer where newer.supersedes = d.id)
        """,
    )
    db.create_view(
        "current_gradings",
        """
        select g.* from gradings g
        join latest_documents d on d.id = g.document_id
        where g.previous = 0 and g.area is not null and g.count is null
        """,
    )


@migrations()
def m003_crawl_log(db: Database) -> None:
    """What crawls fetched and learnt: runs, every fetch, validators, links, robots.txt, listings."""
    db["crawls"].create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "seeds": str,
            "options": str,
            "fetched": int,
            "unchanged": int,
            "skipped": int,
            "failed": int,
        },
        pk="id",
    )
    db["fetches"].create(
        {
            "id": int,
            "crawl_id": int,
            "url": str,
            "fetched_at": str,
            "status": int,
            "bytes": int,
            "content_hash": str,
            "outcome": str,
            "reason": str,
            "final_url": str,
            "media_type": str,
            "document_id": int,
            "elapsed_ms": int,
        },
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id"), ("document_id", "documents", "id")],
    )
    db["fetches"].create_index(["url"])
    db["fetches"].create_index(["outcome"])
    db["fetches"].create_index(["crawl_id"])
    db["validators"].create(
        {
            "url": str,
            "etag": str,
            "last_modified": str,
            "content_hash": str,
            "document_id": int,
            "final_url": str,
            "media_type": str,
            "checked_at": str,
        },
        pk="url",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["links"].create(
        {"source_url": str, "position": int, "url": str, "role": str, "published": str, "title": str, "metadata": str},
        pk=("source_url", "position"),
    )
    db["links"].create_index(["url"])
    db["robots_txt"].create(
        {"origin": str, "status": int, "body": str, "etag": str, "last_modified": str, "fetched_at": str},
        pk="origin",
    )
    db["listing_metadata"].create(
        {
            "url": str,
            "listing_url": str,
            "report_url": str,
            "title": str,
            "organisation": str,
            "programme": str,
            "published": str,
            "adapter": str,
            "first_seen": str,
        },
        pk="url",
    )
    db["listing_metadata"].create_index(["organisation"])
    db["listing_metadata"].create_index(["published"])


@migrations()
def m004_source_files(db: Database) -> None:
    """Local files already ingested, by size, mtime and hash: a re-run skips them unread."""
    db["source_files"].create(
        {"path": str, "size": int, "mtime_ns": int, "sha256": str, "checked_ns": int, "checked_at": str},
        pk="path",
    )
