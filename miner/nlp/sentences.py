"""`miner_sentences`: sentence boundaries from punctuation and block breaks.

Done with one regular expression over the text and a vectorised token
lookup, because a per-token Python loop would cost more than tokenising.
"""

from __future__ import annotations

import re

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


class SentenceSegmenter:
    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            get_context(doc).set_sentences("", [])
            return doc
        # Doc.text rebuilds the string from every token; the Extractor passes it in.
        ctx = get_context(doc)
        text = ctx.text or doc.text
        offsets = [m.end() for m in _BOUNDARY.finditer(text)]
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
            moved = numpy.nonzero((starts == 1) & is_space)[0]
            for i in moved:
                starts[i] = -1
                if i + 1 < len(doc):
                    starts[i + 1] = 1
            starts[0] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))
        ctx.set_sentences(text, idx[numpy.nonzero(starts == 1)[0]].tolist())
        return doc


@Language.factory("miner_sentences")
def make_sentence_segmenter(nlp: Language, name: str) -> SentenceSegmenter:
    return SentenceSegmenter()
