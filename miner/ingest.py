"""Source -> bytes -> Document -> extraction -> one atomic write.

`Ingester` is what the CLI, the crawler and the tests use. A bad input is
recorded as a failure with its reason and the batch goes on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable, Iterable

from sqlite_utils import Database

from miner.document import Document, content_hash
from miner.errors import MinerError
from miner.nlp.pipeline import Extractor
from miner.sources import RawDocument, Source
from miner.store import DocumentWriter
from miner.text import claimed_type, convert


@dataclass
class IngestResult:
    source: str
    status: str  # added, new-version, unchanged, failed
    document_id: int | None = None
    reason: str | None = None
    counts: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, {})}


@dataclass
class IngestSummary:
    results: list[IngestResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[IngestResult]:
        return [r for r in self.results if r.status == "failed"]

    def to_dict(self) -> dict:
        return {
            "added": self.count("added"),
            "new_versions": self.count("new-version"),
            "unchanged": self.count("unchanged"),
            "failed": self.count("failed"),
            "results": [r.to_dict() for r in self.results],
        }


class Ingester:
    def __init__(self, db: Database, *, extractor: Extractor | None = None, kind: str | None = None, isolated: bool = True):
        self.db = db
        self.writer = DocumentWriter(db)
        self.extractor = extractor or Extractor()
        self.kind = None if kind in (None, "auto") else kind
        self.isolated = isolated
        self._converter = None

    def __enter__(self) -> "Ingester":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._converter is not None:
            self._converter.close()
            self._converter = None

    def _convert(self, raw: RawDocument) -> Document:
        expected = claimed_type(raw.url, raw.content_type)
        if not self.isolated:
            return convert(raw.data, raw.url, raw.charset, expected)
        if self._converter is None:
            from miner.text.sandbox import IsolatedConverter

            self._converter = IsolatedConverter()
        return self._converter.convert(raw.data, raw.url, raw.charset, expected)

    def ingest_source(self, source: Source) -> IngestResult:
        try:
            raw = source.read()
        except MinerError as error:
            self.writer.record_failure(source.location, None, "fetch", str(error))
            return IngestResult(source.location, "failed", reason=str(error))
        return self.ingest_raw(raw)

    def ingest_raw(self, raw: RawDocument) -> IngestResult:
        digest = content_hash(raw.data)
        existing = self.writer.find_by_hash(digest)
        if existing is not None:
            return IngestResult(raw.url, "unchanged", existing)
        stage = "convert"
        try:
            document = self._convert(raw)
            document.url = raw.url
            document.content_hash = digest
            if self.kind:
                document.kind = self.kind
            stage = "extract"
            extraction = self.extractor.extract(document)
            if self.kind:
                extraction.kind = self.kind
            stage = "store"
            result = self.writer.save(document, extraction, pipeline=self.extractor.version)
        except MinerError as error:
            self.writer.record_failure(raw.url, digest, stage, str(error))
            return IngestResult(raw.url, "failed", reason=str(error))
        counts = {"gradings": len(extraction.gradings), "findings": len(extraction.findings), "statistics": len(extraction.statistics)}
        return IngestResult(raw.url, result.status, result.document_id, counts=counts)

    def ingest_all(self, sources: Iterable[Source], progress: Callable[[IngestResult], None] | None = None) -> IngestSummary:
        summary = IngestSummary()
        for source in sources:
            result = self.ingest_source(source)
            summary.results.append(result)
            if progress:
                progress(result)
        return summary


def reextract(db: Database, extractor: Extractor, *, only_stale: bool = False, progress: Callable[[int], None] | None = None) -> tuple[int, list[str]]:
    """Re-run the pipeline over stored documents, replacing each one's records atomically."""
    from miner.document import Block

    writer = DocumentWriter(db)
    where = "where coalesce(d.pipeline, '') != ?" if only_stale else ""
    params = [extractor.version] if only_stale else []
    ids = [row[0] for row in db.execute(f"select d.id from documents d {where} order by d.id", params).fetchall()]
    errors: list[str] = []
    done = 0
    for document_id in ids:
        row = db.execute(
            "select d.text, d.title, d.kind, d.published, d.publisher, d.media_type, d.url, b.blocks "
            "from documents d left join document_blocks b on b.document_id = d.id where d.id = ?",
            [document_id],
        ).fetchone()
        text, title, kind, published, publisher, media_type, url, blocks = row
        document = Document(
            text=text, blocks=[Block.from_dict(b) for b in json.loads(blocks or "[]")], media_type=media_type,
            title=title, kind=kind, published=published, publisher=publisher, url=url,
        )
        try:
            extraction = extractor.extract(document)
        except MinerError as error:
            errors.append(str(error))
            continue
        writer.replace_records(document_id, extraction, pipeline=extractor.version)
        done += 1
        if progress:
            progress(1)
    return done, errors
