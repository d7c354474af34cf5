"""Assembling the spaCy pipeline and turning its spans into records.

The pipeline is `spacy.blank("en")` plus miner's registered components:
miner_sentences -> miner_organisations -> miner_gradings -> miner_statistics
-> miner_findings. `build_pipeline()` assembles it from the shipped data;
`load_pipeline()` prefers the assembled (and trained) copy in `models/`.
"""

from __future__ import annotations

import hashlib
import os
import pathlib
from itertools import starmap

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the component modules registers their factories.
from miner.nlp import findings as _findings  # noqa: F401
from miner.nlp import gradings as _gradings  # noqa: F401
from miner.nlp import organisations as _organisations  # noqa: F401
from miner.nlp import sentences as _sentences  # noqa: F401
from miner.nlp import statistics as _statistics  # noqa: F401
from miner.document import Document
from miner.errors import ExtractionFailed
from miner.nlp.context import DocContext, get_context, group_columns, span_offsets
from miner.nlp.token_cache import RecurringChunks
from miner.nlp.records import Evidence, Extraction, FindingRecord, GradingRecord, StatisticRecord

COMPONENTS = ("miner_sentences", "miner_organisations", "miner_gradings", "miner_statistics", "miner_findings")
REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_MODEL = REPO_ROOT / "models" / "miner-pipeline"
# spaCy's guard against huge inputs (nlp.max_length): longer texts are
# tokenised in chunks of at most this many characters (`make_doc`).
MAX_CHUNK = 900_000


def build_pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.max_length = MAX_CHUNK + 10_000
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.initialize()
    return nlp


def load_pipeline(path: str | os.PathLike | None = None) -> Language:
    """The pipeline in `path` (or MINER_MODEL, or models/miner-pipeline), else a freshly built one."""
    path = path or os.environ.get("MINER_MODEL") or (DEFAULT_MODEL if DEFAULT_MODEL.exists() else None)
    if path is None:
        return build_pipeline()
    path = pathlib.Path(path)
    # The config already builds the tokenizer; reading the saved one as well
    # replaces every special case again (a fifth of a second). It is read only
    # when it differs from the one built (a tokenizer saved with its own rules).
    nlp = spacy.load(path, exclude=["tokenizer"])
    saved = path / "tokenizer"
    if saved.exists() and saved.read_bytes() != nlp.tokenizer.to_bytes(exclude=["vocab"]):
        nlp.tokenizer.from_disk(saved, exclude=["vocab"])
    nlp.max_length = MAX_CHUNK + 10_000
    nlp._path = path  # for the version fingerprint
    return nlp


def pipeline_version(nlp: Language) -> str:
    """A fingerprint of the components and their data: stored with each extraction."""
    digest = hashlib.sha256()
    for name in nlp.pipe_names:
        digest.update(name.encode())
    data_dir = pathlib.Path(__file__).parent / "data"
    for path in sorted(data_dir.glob("*")):
        digest.update(path.read_bytes())
    for module in ("sentences", "organisations", "gradings", "grading_model", "statistics", "findings", "sections", "inspection", "scales", "numbers", "scan"):
        digest.update((pathlib.Path(__file__).parent / f"{module}.py").read_bytes())
    model_dir = getattr(nlp, "_path", None)
    if model_dir is not None:
        for path in sorted(pathlib.Path(model_dir).rglob("*")):
            if path.is_file():
                digest.update(path.read_bytes())
    meta = nlp.meta.get("version", "0")
    return f"miner-{meta}-{digest.hexdigest()[:12]}"


class Extractor:
    """Runs the pipeline over a `Document` and returns an `Extraction`."""

    def __init__(self, nlp: Language | None = None):
        self.nlp = nlp or load_pipeline()
        self.version = pipeline_version(self.nlp)
        self.recurring = RecurringChunks(self.nlp)

    def doc(self, document: Document) -> Doc:
        doc = make_doc(self.nlp, document.text)
        doc._.miner = DocContext.from_document(document)
        doc._.miner.text = document.text
        for name, component in self.nlp.pipeline:
            doc = component(doc)
        return doc

    def extract(self, document: Document) -> Extraction:
        # A memory zone frees the strings each document adds to the vocab once
        # its records are plain data: without it a long crawl grows without bound.
        # Inside a zone the tokenizer caches nothing, so chunks that recur
        # across documents are cached for good first (token_cache.py).
        self.recurring.before(document.text)
        with self.nlp.memory_zone():
            try:
                doc = self.doc(document)
            except Exception as error:  # report which document broke which component
                raise ExtractionFailed(f"{document.url or document.title or 'document'}: extraction failed ({type(error).__name__}: {error})") from error
            return records_from_doc(doc, document.kind)


def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)`, also for a text longer than `nlp.max_length`: the
    text is tokenised in chunks cut at whitespace (`chunk_bounds`) and the
    pieces joined into one Doc whose offsets are those of the full text.
    Tokens never span whitespace, so the tokens are the same as unchunked, and
    the components still see the whole document (its subject, inspection,
    repeated text), so the records are too."""
    if len(text) <= nlp.max_length:
        return nlp.make_doc(text)
    pieces = [nlp.make_doc(text[start:end]) for start, end in chunk_bounds(text, nlp.max_length)]
    return Doc.from_docs(pieces, ensure_whitespace=False)


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) pieces covering `text`, each at most `limit` characters,
    cut at the end of a whitespace run: after a blank line (a block break) if
    there is one in the window, else after a sentence's closing punctuation,
    else after any space. Only a window without whitespace is cut mid-word."""
    if limit < 1:
        raise ValueError(f"chunk limit must be positive, not {limit}")
    bounds = []
    start, n = 0, len(text)
    while n - start > limit:
        cut = _cut(text, start, start + limit)
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def _cut(text: str, start: int, stop: int) -> int:
    """The best cut in (start, stop]: a position after whitespace and before a non-space."""
    def run_end(i: int) -> int | None:
        # From whitespace at i, the end of its run, if that is inside the window.
        while i < stop and text[i].isspace():
            i += 1
        return i if start < i <= stop and i < len(text) and not text[i].isspace() else None

    for pattern in ("\n\n", ". ", "? ", "! ", " ", "\n"):
        i = text.rfind(pattern, start, stop)
        while i > start:
            cut = run_end(i + len(pattern) - 1)
            if cut is not None:
                return cut
            i = text.rfind(pattern, start, i)
    return stop


def guess_kind(doc: Doc, kind: str | None) -> str:
    if kind in ("report", "news", "press-release"):
        return kind
    ctx = get_context(doc)
    text = ctx.text or doc.text
    head = ((ctx.title or "") + " " + text[:1500]).lower()
    # The context's fold of the whole text is text.lower() when it exists
    # (scan.fold), made once for the components: no second copy of a report.
    low = ctx.folded(0, len(text)) if ctx.text else None
    if "press release" in head or "notes to editors" in (text.lower() if low is None else low):
        return "press-release"
    if ctx.inspection.inspectorate and any(
        phrase in head for phrase in ("inspection of", "inspection report", "peel", "judgement", "report published", "inspection dates")
    ):
        return "report"
    if ctx.inspection.inspectorate and ctx.publisher is None and len(text) > 8000:
        return "report"
    return "news"


_UNSET = object()
_GRADING_FIELDS = ("organisation_id", "area", "grade", "scale", "count", "out_of", "previous", "year", "method")
_STATISTIC_FIELDS = ("organisation_id", "value", "unit", "measure", "period", "change_from", "change_to", "change_pct", "direction")
_FINDING_FIELDS = ("organisation_id", "kind", "polarity", "topic", "confidence")


def records_from_doc(doc: Doc, kind: str | None = None) -> Extraction:
    ctx = get_context(doc)
    # Offsets and extension values are read from the span groups' raw data and
    # doc.user_data: Span.text and Span._ build Python objects per access. Each
    # group is read a column at a time (group_columns, evidence_for) and its
    # records built by `map` over the columns, with no Python loop per record.
    text = ctx.text or doc.text

    def spans(key: str) -> list[tuple[int, int]]:
        return span_offsets(doc, key)  # kept by the components that use set_span_group

    def texts(offsets: list[tuple[int, int]]):
        return map(text.__getitem__, starmap(slice, offsets))

    evidence_for = _EvidenceReader(ctx, text)
    extraction = Extraction(kind=guess_kind(doc, kind), subject_id=ctx.subject_id, inspection=ctx.inspection)
    offsets = spans("gradings")
    organisation_id, area, grade, scale, count, out_of, previous, year, method = group_columns(doc, offsets, _GRADING_FIELDS)
    # GradingRecord(organisation_id, area, grade, scale, evidence, count, out_of, previous, year, method)
    extraction.gradings = list(map(
        GradingRecord, organisation_id, area, grade, scale, evidence_for(offsets), count, out_of,
        map(bool, previous), year, [m or "prose" for m in method],
    ))
    offsets = spans("statistics")
    organisation_id, value, unit, measure, period, change_from, change_to, change_pct, direction = group_columns(doc, offsets, _STATISTIC_FIELDS)
    # StatisticRecord(organisation_id, value, unit, measure, text, evidence, period, change_from, change_to, change_pct, direction)
    extraction.statistics = list(map(
        StatisticRecord, organisation_id, value, unit, measure, texts(offsets), evidence_for(offsets),
        period, change_from, change_to, change_pct, direction,
    ))
    offsets = spans("findings")
    organisation_id, finding_kind, polarity, topic, confidence = group_columns(doc, offsets, _FINDING_FIELDS)
    # FindingRecord(organisation_id, text, kind, polarity, topic, evidence, confidence)
    extraction.findings = list(map(FindingRecord, organisation_id, texts(offsets), finding_kind, polarity, topic, evidence_for(offsets), confidence))
    offsets = spans("organisations")
    (organisation_id,) = group_columns(doc, offsets, ("organisation_id",))
    extraction.organisations = [
        {"id": org_id, "mention": mention, "start": start, "end": end}
        for (start, end), org_id, mention in zip(offsets, organisation_id, texts(offsets))
    ]
    return extraction


class _EvidenceReader:
    """The `Evidence` of each (start, end) of a span group: its sentence (from
    the context's sentences, stripped once each), page and section (ctx.page
    and ctx.section, joined once per block). The sentence and block of every
    offset are found by one `numpy.searchsorted` each rather than two
    bisections per record."""

    def __init__(self, ctx: DocContext, text: str):
        self.ctx, self.text = ctx, text
        self.sentence_starts = numpy.asarray(ctx.sentence_starts, dtype=numpy.int64)
        self.block_starts = numpy.asarray(ctx.starts, dtype=numpy.int64)
        self.sentences: dict[int, str] = {}  # sentence index -> its stripped text
        self.pages = [*ctx.pages, None]  # by block, None at -1 (before the first block)
        self.sections: dict[int, str | None] = {-1: None}  # block -> its section, joined once

    def __call__(self, offsets: list[tuple[int, int]]) -> list[Evidence]:
        if not offsets:
            return []
        ctx, sentence_texts, sections = self.ctx, self.sentences, self.sections
        starts = [start for start, _ in offsets]
        at = numpy.asarray(starts, dtype=numpy.int64)
        ks = (numpy.searchsorted(self.sentence_starts, at, side="right") - 1).tolist()
        bs = (numpy.searchsorted(self.block_starts, at, side="right") - 1).tolist()
        sentences = ctx.sentences
        for k in set(ks).difference(sentence_texts):
            if k >= 0:
                sentence_texts[k] = sentences[k].text.strip()
        kinds, headings = ctx.kinds, ctx.headings
        for b in set(bs).difference(sections):
            sections[b] = None if kinds[b] == "heading" else (" > ".join(headings[b]) or None)
        if min(ks) >= 0:
            sentence_of = list(map(sentence_texts.__getitem__, ks))
        else:  # before the first sentence, the span's own text
            text = self.text
            sentence_of = [sentence_texts[k] if k >= 0 else text[start:end] for k, (start, end) in zip(ks, offsets)]
        # Evidence(sentence, start, end, page, section)
        return list(map(
            Evidence, sentence_of, starts, [end for _, end in offsets],
            map(self.pages.__getitem__, bs), map(sections.__getitem__, bs),
        ))
