"""Writing one document and all its records in one transaction.

A crash (or kill -9) at any moment leaves a document complete or absent:
the document row, its blocks and every grading, finding and statistic
commit together or not at all.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from sqlite_utils import Database

from miner.document import Document
from miner.nlp.records import Extraction
from miner.store.schema import RECORD_TABLES


def utcnow() -> str:
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class WriteResult:
    status: str  # "added", "new-version", "unchanged"
    document_id: int
    supersedes: int | None = None


class DocumentWriter:
    def __init__(self, db: Database):
        self.db = db

    def find_by_hash(self, content_hash: str) -> int | None:
        row = self.db.execute("select id from documents where content_hash = ?", [content_hash]).fetchone()
        return row[0] if row else None

    def save(self, document: Document, extraction: Extraction, *, pipeline: str) -> WriteResult:
        """Store a new document with its records; an already-stored hash is left untouched."""
        assert document.content_hash, "documents are keyed by content hash"
        with self.db.atomic():
            existing = self.find_by_hash(document.content_hash)
            if existing is not None:
                return WriteResult("unchanged", existing)
            previous = self.db.execute(
                "select id, version from documents where url = ? order by version desc limit 1",
                [document.url],
            ).fetchone()
            now = utcnow()
            row = {
                "url": document.url,
                "content_hash": document.content_hash,
                "version": previous[1] + 1 if previous else 1,
                "supersedes": previous[0] if previous else None,
                "title": document.title,
                "publisher": document.publisher,
                "author": document.author,
                "kind": document.kind,
                "published": document.published,
                "media_type": document.media_type,
                "pages": document.pages,
                "n_chars": len(document.text),
                "ingested_at": now,
                "text": document.text,
            }
            document_id = self.db["documents"].insert(row).last_pk
            self.db["document_blocks"].insert(
                {"document_id": document_id, "blocks": json.dumps([b.to_dict() for b in document.blocks])}
            )
            self._write_records(document_id, extraction, pipeline, now)
        status = "new-version" if previous else "added"
        return WriteResult(status, document_id, previous[0] if previous else None)

    def replace_records(self, document_id: int, extraction: Extraction, *, pipeline: str) -> None:
        """Swap a stored document's records for a fresh extraction, atomically."""
        with self.db.atomic():
            for table in RECORD_TABLES:
                self.db.execute(f"delete from [{table}] where document_id = ?", [document_id])
            self._write_records(document_id, extraction, pipeline, utcnow())

    def _write_records(self, document_id: int, extraction: Extraction, pipeline: str, now: str) -> None:
        self.db["documents"].update(
            document_id,
            {
                "subject_id": extraction.subject_id,
                "inspectorate": extraction.inspection.inspectorate,
                "programme": extraction.inspection.programme,
                "inspection_date": extraction.inspection.date,
                "kind": extraction.kind,
                "extracted_at": now,
                "pipeline": pipeline,
            },
        )
        for table, records in (
            ("gradings", extraction.gradings),
            ("findings", extraction.findings),
            ("statistics", extraction.statistics),
        ):
            rows = [{**record.to_row(), "document_id": document_id} for record in records]
            if rows:
                self.db[table].insert_all(rows)

    def record_failure(self, source: str, content_hash: str | None, stage: str, reason: str) -> None:
        """Log a failed input once; the same failure seen again changes nothing."""
        with self.db.atomic():
            self.db["failures"].insert(
                {"source": source, "content_hash": content_hash or "", "stage": stage, "reason": reason, "first_seen": utcnow()},
                ignore=True,
            )
