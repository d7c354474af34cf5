"""`miner_sentences`: sentence boundaries from punctuation and block breaks.

Done with one regular expression over the text and a vectorised token
lookup, because a per-token Python loop would cost more than tokenising.
"""

from __future__ import annotations

import re
from itertools import repeat

import numpy
from spacy.attrs import IDX, SENT_START
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


def _table(marks: dict[str, int]) -> bytes:
    """A `bytes.translate` table giving each of `marks`' characters its value, else 0."""
    return bytes(marks.get(chr(code), 0) for code in range(256))


# The characters a boundary begins with, but "?" (see _boundary_offsets):
# "." and "!" marked 1, newlines 2 (a newline is a boundary by itself).
_MARKS = _table({".": 1, "!": 1, "\n": 2})
# What can follow the punctuation of a boundary: a closing quote or bracket
# or whitespace; and "?", which stands for every non-ASCII character.
_FOLLOWS = _table({char: 1 for char in "\"')]?" + "".join(c for c in map(chr, range(128)) if c.isspace())})
# A token's first character: ASCII whitespace 1, "?" (any non-ASCII character, looked up in the text) 2.
_SPACES = numpy.frombuffer(_table({**{c: 1 for c in map(chr, range(128)) if c.isspace()}, "?": 2}), dtype=numpy.uint8)


def _boundary_offsets(text: str, encoded: bytes | None = None) -> list[int]:
    """`[m.end() for m in _BOUNDARY.finditer(text)]`, with `_BOUNDARY.match` tried
    only where a boundary can begin: at ".", "!" and "?" followed by whitespace,
    a quote or a bracket, found in vectorised passes over the text as bytes
    (`encoded`: `text.encode("ascii", "replace")`, if the caller has it), where
    the regex scan would try every position (half the time over a report).
    A newline is a boundary by itself, taken without the pattern (two in five
    of a report's boundaries). The same matches: no match covers another's
    first character (after its own it takes only quotes and brackets).
    Non-ASCII characters become "?" in the bytes, so "?" is looked for in the text."""
    if encoded is None:
        encoded = text.encode("ascii", "replace")
    marks = numpy.frombuffer(encoded.translate(_MARKS), dtype=numpy.uint8)
    follows = numpy.frombuffer(encoded.translate(_FOLLOWS) + b"\0", dtype=numpy.uint8)
    punctuation = numpy.flatnonzero(marks == 1)
    starts = punctuation[follows[punctuation + 1] == 1].tolist()
    i = text.find("?")
    if i >= 0:
        while i >= 0:
            starts.append(i)
            i = text.find("?", i + 1)
        starts.sort()
    match = _BOUNDARY.match
    found = [m.end() for m in map(match, repeat(text), starts) if m]
    newlines = (numpy.flatnonzero(marks == 2) + 1).tolist()
    if not newlines:
        return found
    # Two sorted runs, no offset in both (a match ends after punctuation, quote or bracket).
    found += newlines
    found.sort()
    return found


def _is_space(text: str, encoded: bytes, offsets: numpy.ndarray) -> numpy.ndarray:
    """Whether the character at each offset is whitespace: token.is_space of the
    tokens starting there, as a token is all whitespace or has none (spaCy's
    tokenizer splits at every change), read from the bytes rather than from
    each token's lexeme (`Doc.to_array(IS_SPACE)`, three times the cost of IDX)."""
    marks = _SPACES[numpy.frombuffer(encoded, dtype=numpy.uint8)[offsets]]
    space = marks == 1
    for n in numpy.flatnonzero(marks == 2).tolist():
        space[n] = text[offsets[n]].isspace()
    return space


class SentenceSegmenter:
    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            get_context(doc).set_sentences("", [])
            return doc
        # Doc.text rebuilds the string from every token; the Extractor passes it in.
        ctx = get_context(doc)
        text = ctx.text or doc.text
        encoded = text.encode("ascii", "replace")
        offsets = _boundary_offsets(text, encoded)
        idx = doc.to_array(IDX)
        starts = numpy.full(len(doc), -1, dtype="int32")
        starts[0] = 1
        if offsets:
            # The first token starting at or after each boundary begins a sentence.
            # In idx's own dtype (uint64): against int64 numpy would search a float64 copy.
            positions = numpy.searchsorted(idx, numpy.asarray(offsets, dtype=idx.dtype), side="left")
            positions = positions[positions < len(doc)]
            starts[positions] = 1
        # Whitespace tokens ("\n\n") must not start a sentence of their own:
        # each one passes the start on to the next token; where two follow
        # each other, the second stays no start (it passes it on in turn).
        begins = numpy.flatnonzero(starts == 1)
        moved = begins[_is_space(text, encoded, idx[begins])]
        if len(moved):
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
