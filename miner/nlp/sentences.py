"""`miner_sentences`: sentence boundaries from punctuation and block breaks.

Done with one regular expression over the text and a vectorised token
lookup, because a per-token Python loop would cost more than tokenising.
"""

from __future__ import annotations

import re
from itertools import repeat

import numpy
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from miner.nlp.context import get_context

# A boundary after . ! ? (and any closing quotes or brackets) followed by space
# and a capital, digit, quote or bullet; or at any newline (blocks are
# separated by blank lines). A full stop ending an abbreviation ("Mr.",
# "e.g.") is not a boundary: the abbreviation must be the whole run of letters
# and dots before the stop ("bigmr." is a boundary). The check is a negative
# look-behind per abbreviation length (Python's look-behinds are fixed-width),
# placed after the full stop so it runs only there: one C-level scan, no
# Python call per candidate.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "e.g", "i.e", "etc", "vs", "c", "approx", "cllr", "supt", "insp",
    "sgt", "ch", "det", "con", "pc", "ds", "di", "dci", "dcs", "prof", "rev", "sir", "hon", "gov", "fig", "para",
}


def _boundary_pattern(abbreviations: set[str]) -> re.Pattern:
    by_length: dict[int, list[str]] = {}
    for word in sorted(abbreviations):
        by_length.setdefault(len(word), []).append(re.escape(word))
    not_abbreviation = "".join(
        rf"(?<!(?<![A-Za-z.])(?i:{'|'.join(words)})\.)" for _, words in sorted(by_length.items())
    )
    after = r"[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9£◼•])"
    # Each alternative begins with its own character (not "(?:\.|[!?])..."):
    # a third less time over a whole report, the same matches.
    return re.compile(rf"\.{not_abbreviation}{after}|[!?]{after}|\n")


_BOUNDARY = _boundary_pattern(_ABBREVIATIONS)
# The characters a boundary begins with, but "?" (see _boundary_offsets), as a
# `bytes.translate` table marking them with 1.
_MARKS = bytes(1 if chr(code) in ".!\n" else 0 for code in range(256))


def _boundary_offsets(text: str) -> list[int]:
    """`[m.end() for m in _BOUNDARY.finditer(text)]`, with `_BOUNDARY.match` tried
    only where a boundary can begin: at ".", "!", "?" and newlines, found in one
    vectorised pass over the text as bytes, where the regex scan would try every
    position (half the time over a report). The same matches: no match covers
    another's first character (after its own it takes only quotes and brackets).
    Non-ASCII characters become "?" in the bytes, so "?" is looked for in the text."""
    marks = numpy.frombuffer(text.encode("ascii", "replace").translate(_MARKS), dtype=numpy.uint8)
    starts = numpy.flatnonzero(marks).tolist()
    i = text.find("?")
    if i >= 0:
        while i >= 0:
            starts.append(i)
            i = text.find("?", i + 1)
        starts.sort()
    match = _BOUNDARY.match
    return [m.end() for m in map(match, repeat(text), starts) if m]


class SentenceSegmenter:
    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            get_context(doc).set_sentences("", [])
            return doc
        # Doc.text rebuilds the string from every token; the Extractor passes it in.
        ctx = get_context(doc)
        text = ctx.text or doc.text
        offsets = _boundary_offsets(text)
        columns = doc.to_array([IDX, IS_SPACE])
        idx = columns[:, 0]
        starts = numpy.full(len(doc), -1, dtype="int32")
        starts[0] = 1
        if offsets:
            # The first token starting at or after each boundary begins a sentence.
            positions = numpy.searchsorted(idx, numpy.asarray(offsets), side="left")
            positions = positions[positions < len(doc)]
            starts[positions] = 1
        # Whitespace tokens ("\n\n") must not start a sentence of their own.
        is_space = columns[:, 1].astype(bool)
        if is_space.any():
            # Each one passes the start on to the next token: where two follow
            # each other, the second stays no start (it passes it on in turn).
            moved = numpy.nonzero((starts == 1) & is_space)[0]
            following = moved + 1
            starts[following[following < len(doc)]] = 1
            starts[moved] = -1
            starts[0] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))
        ctx.set_sentences(text, idx[numpy.nonzero(starts == 1)[0]].tolist())
        return doc


@Language.factory("miner_sentences")
def make_sentence_segmenter(nlp: Language, name: str) -> SentenceSegmenter:
    return SentenceSegmenter()
