"""What the pipeline knows about a Doc beyond its text: the document's
metadata and block structure, set by `Extractor` before the components run,
and the inspection it reports on, set by `miner_organisations`."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import repeat
from typing import NamedTuple

from spacy.tokens import Doc, Span

from miner.nlp.records import Inspection
from miner.nlp.scan import LiteralIndex, Literals, fold


class Sentence(NamedTuple):
    """A sentence as offsets and text: iterating doc.sents or asking span.sent
    walks every token of the Doc each time, far too slow to do per record."""

    start_char: int
    end_char: int
    text: str


@dataclass
class DocContext:
    title: str | None = None
    kind: str | None = None
    published: str | None = None
    publisher: str | None = None
    # Parallel lists over blocks: start offsets, ends, kinds, pages, heading paths.
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    pages: list[int | None] = field(default_factory=list)
    headings: list[tuple[str, ...]] = field(default_factory=list)
    subject_id: str | None = None
    inspection: Inspection = field(default_factory=Inspection)
    # Set by miner_sentences: the Doc's text (Doc.text rebuilds it on every
    # access) and its sentences.
    text: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    # The lower-cased text for the literal prefilters (miner.nlp.scan), made once.
    _folded: str | None = field(default=None, repr=False)
    _folded_text: str | None = field(default=None, repr=False)

    _indexes: dict = field(default_factory=dict, repr=False)
    # Set by miner_organisations: start offsets and ids of the mentions of
    # bodies that can be a document's subject (OrganisationIndex reads them).
    organisation_mentions: tuple[list[int], list[str | None]] | None = None
    # Set by set_span_group: per span group key, the SpanGroup made and its spans' offsets (span_offsets).
    _span_offsets: dict = field(default_factory=dict, repr=False)
    # Set by miner_organisations: the title names two or more bodies that can be
    # subjects (a round-up: "Warrington wins ... as Leicester slips ..."), so a
    # record in a paragraph naming no body is the last body's named before it.
    several_in_title: bool = False

    def literal_index(self, literals: Literals) -> LiteralIndex:
        """Where `literals`' words start in the whole text (scan.LiteralIndex), made once per document."""
        self.folded(0, 0)
        index = self._indexes.get(id(literals))
        if index is None or index[0] is not literals or index[1] is not self.text:
            index = (literals, self.text, LiteralIndex(literals, self._folded))
            self._indexes[id(literals)] = index
        return index[2]

    def folded(self, start: int, end: int) -> str | None:
        """`scan.fold(self.text[start:end])`, sliced from one fold of the whole text."""
        if self._folded_text is not self.text:
            self._folded_text, self._folded = self.text, fold(self.text)
        if self._folded is not None:
            return self._folded[start:end]
        return fold(self.text[start:end])

    def set_sentences(self, text: str, starts: list[int]) -> None:
        self.text = text
        self.sentence_starts = starts
        # Each sentence runs to the next one's start, less trailing whitespace.
        ends = [*starts[1:], len(text)]
        texts = [text[start:end].rstrip() for start, end in zip(starts, ends)]
        self.sentences = list(map(Sentence._make, zip(starts, [start + len(sentence) for start, sentence in zip(starts, texts)], texts)))

    def sentence_at(self, offset: int) -> Sentence | None:
        k = bisect.bisect_right(self.sentence_starts, offset) - 1
        return self.sentences[k] if k >= 0 else None

    @classmethod
    def from_document(cls, document) -> "DocContext":
        ctx = cls(title=document.title, kind=document.kind, published=document.published, publisher=document.publisher)
        for block in document.blocks:
            ctx.starts.append(block.start)
            ctx.ends.append(block.end)
            ctx.kinds.append(block.kind)
            ctx.pages.append(block.page)
            ctx.headings.append(block.heading)
        return ctx

    def block_index(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 else None

    def block_kind(self, offset: int) -> str | None:
        i = self.block_index(offset)
        return self.kinds[i] if i is not None else None

    def page(self, offset: int) -> int | None:
        i = self.block_index(offset)
        return self.pages[i] if i is not None else None

    def section(self, offset: int) -> str | None:
        i = self.block_index(offset)
        if i is None:
            return None
        if self.kinds[i] == "heading":
            return None
        return " > ".join(self.headings[i]) or None

    def block_span(self, offset: int) -> tuple[int, int] | None:
        i = self.block_index(offset)
        return (self.starts[i], self.ends[i]) if i is not None else None


def get_context(doc: Doc) -> DocContext:
    ctx = doc._.miner
    if ctx is None:
        ctx = DocContext()
        doc._.miner = ctx
    return ctx


def span_key(name: str, start_char: int, end_char: int) -> tuple:
    """Where spaCy keeps `span._.name` in `doc.user_data` (for an extension with
    a default and no getter): reading and writing the dict directly costs a
    fraction of building an `Underscore` object per access, which mattered in
    the extractors' loops. tests/test_span_values.py checks the two agree."""
    return ("._.", name, start_char, end_char)


def set_span_values(span: Span, values: dict) -> None:
    """`span._.name = value` for each item."""
    user_data = span.doc.user_data
    start, end = span.start_char, span.end_char
    for name, value in values.items():
        user_data[("._.", name, start, end)] = value


def span_values(doc: Doc, start_char: int, end_char: int, names) -> list:
    """`[span._.name for name in names]` for the span at these offsets (None when unset)."""
    get = doc.user_data.get
    return [get(("._.", name, start_char, end_char)) for name in names]


def group_values(doc: Doc, offsets: list[tuple[int, int]], names) -> list[tuple]:
    """`tuple(span_values(doc, start, end, names))` for each (start, end) of
    `offsets`, a column at a time (`group_columns`): what reading a large span
    group costs is a loop per span."""
    columns = group_columns(doc, offsets, names)
    return list(zip(*columns)) if columns else [() for _ in offsets]


def group_columns(doc: Doc, offsets: list[tuple[int, int]], names) -> list[list]:
    """`[span._.name for each (start, end) of offsets]` for each of `names`: the
    keys made by `zip` and looked up by `map`, with no Python loop per span
    (a third of the time of a list comprehension over 13,000 spans)."""
    get = doc.user_data.get
    starts = [start for start, _ in offsets]
    ends = [end for _, end in offsets]
    return [list(map(get, zip(repeat("._."), repeat(name), starts, ends))) for name in names]


def set_span_group(doc: Doc, key: str, spans: list[Span], starts: list[int] | None = None, ends: list[int] | None = None) -> None:
    """`doc.spans[key] = spans`, keeping the spans' offsets for `span_offsets`:
    reading them back from the group builds a Span (and its Tokens) per item.
    `starts` and `ends`: the spans' start_char and end_char, when the caller
    has them as lists (no attribute read per span)."""
    doc.spans[key] = spans
    offsets = list(zip(starts, ends)) if starts is not None and ends is not None else [(span.start_char, span.end_char) for span in spans]
    get_context(doc)._span_offsets[key] = (doc.spans[key], offsets)


def span_offsets(doc: Doc, key: str) -> list[tuple[int, int]]:
    """`[(span.start_char, span.end_char) for span in doc.spans.get(key, [])]`, from
    what `set_span_group` kept while the group is still the one it made (not
    replaced, nor grown or shrunk since), else read from the group."""
    group = doc.spans.get(key)
    if group is None:
        return []
    ctx = doc._.miner
    kept = ctx._span_offsets.get(key) if ctx is not None else None
    if kept is not None and kept[0] is group and len(kept[1]) == len(group):
        return kept[1]
    return [(span.start_char, span.end_char) for span in group]


def register_extensions() -> None:
    if not Doc.has_extension("miner"):
        Doc.set_extension("miner", default=None)
    for name in (
        "organisation_id", "grade", "area", "scale", "count", "out_of", "previous", "year",
        "value", "unit", "measure", "period", "change_from", "change_to", "change_pct", "direction",
        "kind", "polarity", "topic", "confidence", "method",
    ):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()
