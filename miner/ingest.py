"""Source -> bytes -> Document -> extraction -> one atomic write.

`Ingester` is what the CLI, the crawler and the tests use. A bad input is
recorded as a failure with its reason and the batch goes on.

The parent reads each source, skips local files unchanged since the last
run (by size and mtime, see `miner.store.source_files`) and bytes already
stored (by hash); `Analyser` converts and extracts the rest, in this process
or in worker processes (`miner.workers`); the parent writes every result in
input order, one transaction per document, so ids and rows do not depend on
the number of jobs.
"""

from __future__ import annotations

import gc
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

from sqlite_utils import Database

from miner.document import Block, Document, content_hash
from miner.errors import ExtractionFailed, MinerError
from miner.nlp.records import Extraction
from miner.sources import RawDocument, Source, expand_sources
from miner.store import DocumentWriter
from miner.store.writer import PreparedDocument, prepare
from miner.store.source_files import FileStat, SourceFiles, database_files
from miner.text import claimed_type, convert
from miner.text.sandbox import IsolatedConverter  # here, not in `prepare`'s thread while spaCy is being imported
from miner.workers import WorkerLost, worker_pool

if TYPE_CHECKING:  # spaCy is imported only when a document needs extracting
    from miner.nlp.pipeline import Extractor


@dataclass
class IngestResult:
    source: str
    status: str  # added, new-version, unchanged, failed
    document_id: int | None = None
    reason: str | None = None
    counts: dict = field(default_factory=dict)
    skipped: bool = False  # unchanged, and known so by size and mtime without reading the file

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, {}) and v is not False}


@dataclass
class IngestSummary:
    results: list[IngestResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.results if r.skipped)

    @property
    def failed(self) -> list[IngestResult]:
        return [r for r in self.results if r.status == "failed"]

    def to_dict(self) -> dict:
        return {
            "added": self.count("added"),
            "new_versions": self.count("new-version"),
            "unchanged": self.count("unchanged"),
            "skipped": self.skipped,
            "failed": self.count("failed"),
            "results": [r.to_dict() for r in self.results],
        }


@dataclass
class Analysis:
    """A converted and extracted document, or why not: plain data a worker can send back.

    An ingested document comes back as `prepared` rows only (see `PreparedDocument`).
    """

    document: Document | None = None
    extraction: Extraction | None = None
    stage: str | None = None  # where it failed
    reason: str | None = None
    prepared: PreparedDocument | None = None


class Analyser:
    """Bytes -> Document -> Extraction, never raising: what runs in a worker.

    Payloads are ("ingest", RawDocument, sha256, kind) or ("extract", Document);
    `prepare` turns an "ingest" payload into ("converted", Document, kind) or
    ("analysed", Analysis) (a failed conversion) in the parent while the
    pipeline loads; `warm_up` extracts the first document in the parent, so
    the patterns the pipeline compiles on first use are compiled once, before
    the workers are forked.
    """

    def __init__(self, extractor: Extractor | None = None, *, isolated: bool = True):
        self._extractor = extractor
        self.isolated = isolated
        self._converter = None
        self._settled = extractor is not None  # a caller's pipeline is the caller's to manage

    @property
    def extractor(self) -> Extractor:
        """Loaded on first use: a re-run with nothing new never pays for spaCy."""
        if self._extractor is None:
            from miner.nlp.pipeline import Extractor

            self._extractor = Extractor()
        return self._extractor

    def load(self) -> None:
        self.extractor  # noqa: B018 - before forking, so workers share one copy

    def __call__(self, payload: tuple) -> Analysis:
        if payload[0] == "ingest":
            return self.analyse(*payload[1:])
        if payload[0] == "converted":
            return self._extract_converted(*payload[1:])
        if payload[0] == "analysed":
            return payload[1]
        analysis = self.extract(payload[1])
        analysis.document = None  # the parent has it stored: send back only the records
        return analysis

    def weight(self, payload: tuple) -> int:
        """The bytes a payload holds (what the parent reads ahead while loading)."""
        if payload[0] == "ingest":
            return len(payload[1].data)
        return len(payload[1].text) if payload[0] == "extract" else 0

    def warm_up(self, payload: tuple) -> Analysis | None:
        """The analysis of a payload that needs only extracting, here and now; None for one that needs converting or failed to."""
        if payload[0] in ("converted", "extract") or (payload[0] == "ingest" and not self.isolated):
            return self(payload)
        return None  # converting would use the converter child the prepare thread is using

    def prepare(self, payload: tuple) -> tuple:
        """Convert an "ingest" payload in the sandbox (the parent's converter child), leaving extraction to a worker."""
        if payload[0] != "ingest" or not self.isolated:
            return payload  # in-process conversion would only compete with loading for this process
        raw, digest, kind = payload[1:]
        converted = self._converted(raw, digest, kind)
        return ("analysed", converted) if isinstance(converted, Analysis) else ("converted", converted, kind)

    def prepared(self) -> None:
        # The workers start their own converters; the parent's would only sit idle.
        # It is idle now, so it can be killed rather than waited for.
        if self._converter is not None:
            self._converter.close(timeout=0)
            self._converter = None

    def forked(self) -> None:
        # A converter child started by the parent is the parent's to stop. This
        # worker starts its own at its first unconverted document: a batch the
        # parent converted while loading needs none (a fifth of a second of CPU each).
        self._converter = None

    def close(self) -> None:
        if self._converter is not None:
            self._converter.close()
            self._converter = None

    def _convert(self, raw: RawDocument) -> Document:
        expected = claimed_type(raw.url, raw.content_type)
        if not self.isolated:
            return convert(raw.data, raw.url, raw.charset, expected)
        if self._converter is None:
            self._converter = IsolatedConverter()
        return self._converter.convert(raw.data, raw.url, raw.charset, expected)

    def analyse(self, raw: RawDocument, digest: str, kind: str | None = None) -> Analysis:
        converted = self._converted(raw, digest, kind)
        return converted if isinstance(converted, Analysis) else self._extract_converted(converted, kind)

    def _converted(self, raw: RawDocument, digest: str, kind: str | None) -> Document | Analysis:
        """The document, or the failed analysis saying why not."""
        try:
            document = self._convert(raw)
        except MinerError as error:
            return Analysis(stage="convert", reason=str(error))
        except Exception as error:  # a converter bug must not take the batch down
            return Analysis(stage="convert", reason=f"{raw.url}: conversion failed ({type(error).__name__}: {error})")
        document.url = raw.url
        document.content_hash = digest
        if kind:
            document.kind = kind
        return document

    def _extract_converted(self, document: Document, kind: str | None) -> Analysis:
        analysis = self.extract(document)
        if analysis.extraction is None:
            return analysis
        if kind:
            analysis.extraction.kind = kind
        # Rows, built here (in a worker: in parallel), are all the writer needs.
        return Analysis(prepared=prepare(document, analysis.extraction))

    def extract(self, document: Document) -> Analysis:
        try:
            analysis = Analysis(document, self.extractor.extract(document))
        except Exception as error:  # one document's extractor bug must not take the batch down
            cause = error.__cause__ if isinstance(error, ExtractionFailed) and error.__cause__ else error
            if isinstance(cause, MinerError) and cause is error:
                return Analysis(stage="extract", reason=str(error))
            name = document.url or document.title or "document"
            return Analysis(stage="extract", reason=f"{name}: extraction failed: {type(cause).__name__}: {cause}")
        if not self._settled:
            # The pipeline lives as long as the process, and after a first document
            # so do the patterns and tables it builds on first use: hundreds of
            # thousands of objects that the garbage collector would otherwise walk
            # at every full collection, a tenth of extraction's time on the real
            # reports. Frozen, they are left alone (a forked worker inherits that).
            gc.freeze()
            self._settled = True
        return analysis


def lost_reason(source: str, lost: WorkerLost) -> str:
    return f"{source}: the worker process {lost.describe()} while extracting"


@dataclass
class _Step:
    """One source after the parent's cheap checks: decided already, or work for the analyser."""

    source: str
    result: IngestResult | None = None  # decided without analysis
    failure_stage: str | None = None
    raw: RawDocument | None = None
    digest: str | None = None
    stat: FileStat | None = None
    kind: str | None = None

    @property
    def payload(self) -> tuple | None:
        if self.result is not None:
            return None
        return ("ingest", self.raw, self.digest, self.kind)


class Ingester:
    def __init__(self, db: Database, *, extractor: Extractor | None = None, kind: str | None = None, isolated: bool = True, jobs: int = 1):
        self.db = db
        self.writer = DocumentWriter(db)
        self.source_files = SourceFiles(db)
        self.kind = None if kind in (None, "auto") else kind
        self.isolated = isolated
        self.jobs = jobs
        self.analyser = Analyser(extractor, isolated=isolated)

    @property
    def extractor(self) -> Extractor:
        return self.analyser.extractor

    def __enter__(self) -> "Ingester":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.analyser.close()

    def expand(self, locations: list[str]) -> list[Source]:
        """`expand_sources`, less the database's own files (a corpus folder may hold it)."""
        own = database_files(self.db)
        return [s for s in expand_sources(locations) if _is_url(s.location) or FileStat.resolved(s.location) not in own]

    def ingest_source(self, source: Source) -> IngestResult:
        step = self._prepare(source)
        return self._commit(step, None if step.payload is None else self.analyser(step.payload))

    def ingest_raw(self, raw: RawDocument) -> IngestResult:
        step = self._prepare_raw(_Step(raw.url, raw=raw, kind=self.kind))
        return self._commit(step, None if step.payload is None else self.analyser(step.payload))

    def ingest_all(self, sources: Iterable[Source], progress: Callable[[IngestResult], None] | None = None) -> IngestSummary:
        """Ingest every source, converting and extracting in `jobs` processes; results in input order."""
        summary = IngestSummary()
        steps = (self._prepare(source) for source in sources)
        with worker_pool(self.analyser, self.jobs) as pool:
            for step, outcome in pool.imap((step, step.payload) for step in steps):
                result = self._commit(step, outcome)
                summary.results.append(result)
                if progress:
                    progress(result)
        return summary

    def _prepare(self, source: Source) -> _Step:
        """Skip, read and hash one source in the parent: cheap next to converting it."""
        stat = None if _is_url(source.location) else FileStat.of(source.location)
        if stat is not None:
            stored = self.source_files.unchanged(stat)
            if stored is not None:
                return _Step(stat.path, IngestResult(stat.path, "unchanged", stored, skipped=True))
        try:
            raw = source.read()
        except MinerError as error:
            return _Step(source.location, IngestResult(source.location, "failed", reason=str(error)), failure_stage="fetch")
        return self._prepare_raw(_Step(raw.url, raw=raw, stat=stat, kind=self.kind))

    def _prepare_raw(self, step: _Step) -> _Step:
        assert step.raw is not None
        step.digest = content_hash(step.raw.data)
        existing = self.writer.find_by_hash(step.digest)
        if existing is not None:
            step.result = IngestResult(step.source, "unchanged", existing)
        return step

    def _commit(self, step: _Step, outcome: Analysis | WorkerLost | None) -> IngestResult:
        """Write one step's outcome: a failure, a remembered file, or a document, atomically."""
        if step.result is not None:
            if step.failure_stage:
                self.writer.record_failure(step.source, None, step.failure_stage, step.result.reason or "")
            elif step.stat is not None and step.digest is not None:
                with self.db.atomic():
                    self.source_files.record(step.stat, step.digest)
            return step.result
        assert outcome is not None and step.digest is not None
        if isinstance(outcome, WorkerLost):
            # Conversion crashes are caught by the worker's own sandbox; this is the pipeline.
            outcome = Analysis(stage="extract", reason=lost_reason(step.source, outcome))
        if outcome.reason is not None or outcome.prepared is None:
            self.writer.record_failure(step.source, step.digest, outcome.stage or "extract", outcome.reason or "")
            return IngestResult(step.source, "failed", reason=outcome.reason)
        with self.db.atomic():
            written = self.writer.save_prepared(outcome.prepared, pipeline=self.extractor.version)
            if step.stat is not None:
                self.source_files.record(step.stat, step.digest)
        if written.status == "unchanged":  # the same bytes earlier in this batch
            return IngestResult(step.source, "unchanged", written.document_id)
        return IngestResult(step.source, written.status, written.document_id, counts=outcome.prepared.counts())


def _is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def reextract(
    db: Database, extractor: Extractor, *, only_stale: bool = False, progress: Callable[[int], None] | None = None, jobs: int = 1
) -> tuple[int, list[str]]:
    """Re-run the pipeline over stored documents, replacing each one's records atomically."""
    writer = DocumentWriter(db)
    where = "where coalesce(d.pipeline, '') != ?" if only_stale else ""
    params = [extractor.version] if only_stale else []
    ids = [row[0] for row in db.execute(f"select d.id from documents d {where} order by d.id", params).fetchall()]

    def payloads():
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
            yield document_id, ("extract", document)

    errors: list[str] = []
    done = 0
    analyser = Analyser(extractor, isolated=False)
    with worker_pool(analyser, jobs) as pool:
        for document_id, outcome in pool.imap(payloads()):
            if isinstance(outcome, WorkerLost):
                errors.append(lost_reason(f"document {document_id}", outcome))
                continue
            if outcome.extraction is None:
                errors.append(outcome.reason or f"document {document_id}: extraction failed")
                continue
            writer.replace_records(document_id, outcome.extraction, pipeline=extractor.version)
            done += 1
            if progress:
                progress(1)
    return done, errors
