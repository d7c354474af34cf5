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


# Filled by the extraction; the rest of a document row is known before it.
EXTRACTED_COLUMNS = ("subject_id", "inspectorate", "programme", "inspection_date", "kind")


@dataclass
class PreparedDocument:
    """A document and its records as the rows to insert: what a worker sends back.

    Plain strings, numbers and tuples pickle and unpickle several times
    faster than the `Document` and record dataclasses, and building them is
    per-document work that can run in parallel, leaving the single writer
    only its SQL.
    """

    content_hash: str
    url: str | None
    columns: dict  # documents columns but id, version, supersedes and the times
    blocks: str  # document_blocks.blocks, JSON
    records: dict[str, tuple[tuple[str, ...], list[tuple]]]  # table: (columns, rows) without document_id

    def counts(self) -> dict[str, int]:
        return {table: len(rows) for table, (_, rows) in self.records.items()}


def prepare(document: Document, extraction: Extraction) -> PreparedDocument:
    assert document.content_hash, "documents are keyed by content hash"
    columns = {
        "url": document.url,
        "content_hash": document.content_hash,
        "title": document.title,
        "publisher": document.publisher,
        "author": document.author,
        "kind": document.kind,
        "published": document.published,
        "media_type": document.media_type,
        "pages": document.pages,
        "n_chars": len(document.text),
        "text": document.text,
    }
    columns.update(_extracted(extraction))
    blocks = json.dumps([b.to_dict() for b in document.blocks])
    return PreparedDocument(document.content_hash, document.url, columns, blocks, record_rows(extraction))


def record_rows(extraction: Extraction) -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    tables = {}
    for table, records in (("gradings", extraction.gradings), ("findings", extraction.findings), ("statistics", extraction.statistics)):
        dicts = [record.to_row() for record in records]
        names = tuple(dicts[0]) if dicts else ()
        tables[table] = (names, [tuple(row.values()) for row in dicts])
    return tables


def _extracted(extraction: Extraction) -> dict:
    values = (extraction.subject_id, extraction.inspection.inspectorate, extraction.inspection.programme, extraction.inspection.date, extraction.kind)
    return dict(zip(EXTRACTED_COLUMNS, values))


def _insert_sql(table: str, names) -> str:
    return f"insert into [{table}] ({', '.join(f'[{name}]' for name in names)}) values ({', '.join('?' * len(names))})"


class DocumentWriter:
    def __init__(self, db: Database):
        self.db = db

    def find_by_hash(self, content_hash: str) -> int | None:
        row = self.db.execute("select id from documents where content_hash = ?", [content_hash]).fetchone()
        return row[0] if row else None

    def save(self, document: Document, extraction: Extraction, *, pipeline: str) -> WriteResult:
        """Store a new document with its records; an already-stored hash is left untouched."""
        return self.save_prepared(prepare(document, extraction), pipeline=pipeline)

    def save_prepared(self, prepared: PreparedDocument, *, pipeline: str) -> WriteResult:
        """`save` of a document already turned into rows."""
        with self.db.atomic():
            existing = self.find_by_hash(prepared.content_hash)
            if existing is not None:
                return WriteResult("unchanged", existing)
            previous = self.db.execute(
                "select id, version from documents where url = ? order by version desc limit 1",
                [prepared.url],
            ).fetchone()
            now = utcnow()
            self._add_unlisted_organisations(prepared.columns.get("subject_id"), prepared.records)
            # One insert with the extracted columns too: an update would have the
            # full-text trigger index the whole text a second time.
            row = {
                **prepared.columns,
                "version": previous[1] + 1 if previous else 1,
                "supersedes": previous[0] if previous else None,
                "ingested_at": now,
                "extracted_at": now,
                "pipeline": pipeline,
            }
            document_id = self.db.execute(_insert_sql("documents", row), list(row.values())).lastrowid
            self.db.execute("insert into [document_blocks] ([document_id], [blocks]) values (?, ?)", [document_id, prepared.blocks])
            self._insert_records(document_id, prepared.records)
        status = "new-version" if previous else "added"
        return WriteResult(status, document_id, previous[0] if previous else None)

    def replace_records(self, document_id: int, extraction: Extraction, *, pipeline: str) -> None:
        """Swap a stored document's records for a fresh extraction, atomically."""
        with self.db.atomic():
            for table in RECORD_TABLES:
                self.db.execute(f"delete from [{table}] where document_id = ?", [document_id])
            records = record_rows(extraction)
            self._add_unlisted_organisations(extraction.subject_id, records)
            self.db["documents"].update(document_id, {**_extracted(extraction), "extracted_at": utcnow(), "pipeline": pipeline})
            self._insert_records(document_id, records)

    def _add_unlisted_organisations(self, subject_id: str | None, records: dict[str, tuple[tuple[str, ...], list[tuple]]]) -> None:
        """Rows in `organisations` for the bodies of a graded kind that the gazetteer does
        not list ("Lambeth PDU": `Gazetteer.organisation`), which records and documents
        reference: the gazetteer's own are loaded when the database is opened."""
        from miner.nlp.gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
        ids = {subject_id} if subject_id else set()
        for names, rows in records.values():
            if "organisation_id" in names:
                column = names.index("organisation_id")
                ids.update(row[column] for row in rows if row[column])
        new = [gazetteer.organisation(i) for i in sorted(ids) if i not in gazetteer.by_id]
        rows = [(o.id, o.name, o.kind, json.dumps(list(o.aliases))) for o in new if o is not None]
        if rows:
            self.db.conn.executemany("insert or ignore into [organisations] ([id], [name], [kind], [aliases]) values (?, ?, ?, ?)", rows)

    def _insert_records(self, document_id: int, records: dict[str, tuple[tuple[str, ...], list[tuple]]]) -> None:
        for table, (names, rows) in records.items():
            if rows:
                self.db.conn.executemany(_insert_sql(table, ("document_id", *names)), [(document_id, *row) for row in rows])

    def record_failure(self, source: str, content_hash: str | None, stage: str, reason: str) -> None:
        """Log a failed input once; the same failure seen again changes nothing."""
        with self.db.atomic():
            self.db["failures"].insert(
                {"source": source, "content_hash": content_hash or "", "stage": stage, "reason": reason, "first_seen": utcnow()},
                ignore=True,
            )
