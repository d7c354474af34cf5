"""Where any of a few dozen words may start in a whole folded document, in
one vectorised pass.

`scan.Literals.positions` runs one `str.find` loop per word, and a regular
expression alternation of the words is tried at every position of the text;
on a long report both cost far more than the rest of a component's work on
the few hundred offsets they find. Here the text becomes an array of code
points once, and numpy keeps the positions whose character starts a word
(the one before it is not a word character) and whose first four characters
are those of one of the words; the few survivors are then checked exactly by
the caller.

Exactness: the result is a superset of the offsets where a word starts after
a non-word character (or at offset 0). Characters outside ASCII count as
non-word characters before an offset (so their offsets are kept, never
dropped) and never equal a word's character (the words are ASCII).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

_KEY_CHARS = 4
_BITS = 7  # an ASCII code; every other code point is folded to 127 (DEL), in no word


def _lookup(chars: Iterable[str]) -> np.ndarray:
    table = np.zeros(128, dtype=bool)
    for char in chars:
        table[ord(char)] = True
    return table


# What `re` counts as \w among ASCII characters.
_WORD = _lookup(c for c in map(chr, range(128)) if c.isalnum() or c == "_")


class WordStarts:
    """Offsets in a folded text where one of `words` (lower-case ASCII, each
    beginning with a letter or digit) may start behind a non-word character."""

    def __init__(self, words: Iterable[str]):
        words = sorted(set(words))
        if not words or any(not w.isascii() or not (w[0].isalnum() or w[0] == "_") for w in words):
            raise ValueError(f"words must be ASCII and begin with a word character: {words}")
        self.words = tuple(words)
        self._first = _lookup(w[0] for w in words)
        # For each prefix length in use, the codes of the words' first characters packed in one integer.
        self._keys: dict[int, np.ndarray] = {}
        for length in sorted({min(len(w), _KEY_CHARS) for w in words}):
            keys = {self._pack([ord(c) for c in w[:length]]) for w in words if min(len(w), _KEY_CHARS) == length}
            self._keys[length] = np.array(sorted(keys), dtype=np.uint64)

    @staticmethod
    def _pack(codes: list[int]) -> int:
        return sum(code << (_BITS * i) for i, code in enumerate(codes))

    def codes(self, low: str) -> np.ndarray:
        """`low` as an array of ASCII codes (127 for any other character), padded with zeros."""
        codes = np.frombuffer(low.encode("utf-32-le"), dtype=np.uint32)
        padded = np.zeros(len(codes) + _KEY_CHARS, dtype=np.uint64)
        np.minimum(codes, 127, out=padded[: len(codes)], casting="unsafe")
        return padded

    def positions(self, low: str, codes: np.ndarray | None = None) -> np.ndarray:
        """Sorted offsets (a superset, see the module's docstring)."""
        if codes is None:
            codes = self.codes(low)
        text = codes[: len(low)].astype(np.intp)
        start = self._first[text]
        start[1:] &= ~_WORD[text[:-1]]
        found = np.flatnonzero(start)
        if not len(found):
            return found
        key = np.zeros(len(found), dtype=np.uint64)
        keep = np.zeros(len(found), dtype=bool)
        for i in range(_KEY_CHARS):
            key |= codes[found + i] << np.uint64(_BITS * i)
            keys = self._keys.get(i + 1)
            if keys is not None:
                # np.isin, without its set-up cost on the many small documents
                at = np.searchsorted(keys, key)
                np.minimum(at, len(keys) - 1, out=at)
                keep |= keys[at] == key
        return found[keep]

    def word_before(self, codes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        """Which of `offsets` (each > 0) follow an ASCII word character."""
        return _WORD[codes[offsets - 1].astype(np.intp)]
