"""Where any of a few dozen words may start in a whole folded document, in
one vectorised pass.

`scan.Literals.positions` runs one `str.find` loop per word, and a regular
expression alternation of the words is tried at every position of the text;
on a long report both cost far more than the rest of a component's work on
the few hundred offsets they find. Here the text becomes bytes once (one per
character: `str.encode` with "replace"), `bytes.translate` tables mark the
characters that begin a word and the word characters (a fraction of the cost
of numpy's indexing over an array of code points), and numpy keeps the
positions whose character begins a word, behind a non-word character, whose
first three characters begin one of the words and whose next three continue
one (two lookups in tables of three packed characters); the few survivors are
then checked exactly by the caller.

Exactness: the result is a superset of the offsets where a word starts after
a non-word character (or at offset 0). Characters outside ASCII count as
non-word characters before an offset (so their offsets are kept, never
dropped) and never equal a word's character (the words are ASCII without "?",
the byte that stands for them).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

_KEY_CHARS = 3
_PAD = _KEY_CHARS + 1  # zeros after the text, for the windows at its end
_BITS = 7  # an ASCII code
# Characters outside ASCII become this one byte (`str.encode(..., "replace")`
# gives one "?" per character): like them it is no word character and in no word.
_OTHER = ord("?")


def _table(chars: Iterable[str]) -> bytes:
    """A `bytes.translate` table: 1 for the given ASCII characters, else 0."""
    table = bytearray(256)
    for char in chars:
        table[ord(char)] = 1
    return bytes(table)


# What `re` counts as \w among ASCII characters.
_WORD_TABLE = _table(c for c in map(chr, range(128)) if c.isalnum() or c == "_")
_WORD = np.frombuffer(_WORD_TABLE, dtype=np.uint8).astype(bool)


class WordStarts:
    """Offsets in a folded text where one of `words` (lower-case ASCII, each
    beginning with a letter or digit) may start behind a non-word character."""

    def __init__(self, words: Iterable[str]):
        words = sorted(set(words))
        if not words or any(not w.isascii() or chr(_OTHER) in w or not (w[0].isalnum() or w[0] == "_") for w in words):
            raise ValueError(f"words must be ASCII (without {chr(_OTHER)!r}) and begin with a word character: {words}")
        self.words = tuple(words)
        self._first = _table(w[0] for w in words)
        # Which three characters (7 bits each, the first lowest) a word has at
        # its start (`_heads`), and one character further on (`_next`, words of
        # two or more characters): a word of fewer characters is followed by any.
        self._heads = self._windows(words, 0)
        self._next = self._windows([w for w in words if len(w) > 1], 1)
        # The one-character words ("7"), which any characters may follow.
        self._single = np.frombuffer(_table(w for w in words if len(w) == 1), dtype=np.uint8).astype(bool)

    @staticmethod
    def _windows(words: Iterable[str], skip: int) -> np.ndarray:
        table = np.zeros(1 << (_BITS * _KEY_CHARS), dtype=bool)
        rest = np.arange(1 << _BITS)
        for w in words:
            codes = [ord(c) for c in w[skip:skip + _KEY_CHARS]]
            head = sum(code << (_BITS * i) for i, code in enumerate(codes))
            if len(codes) == 1:
                table[head | (rest[:, None] << _BITS) | (rest[None, :] << (2 * _BITS))] = True
            elif len(codes) == 2:
                table[head | (rest << (2 * _BITS))] = True
            else:
                table[head] = True
        return table

    def codes(self, low: str) -> np.ndarray:
        """`low` as an array of bytes: ASCII codes, "?" for any other character, padded with zeros."""
        return np.frombuffer(low.encode("ascii", "replace") + bytes(_PAD), dtype=np.uint8)

    def positions(self, low: str, codes: np.ndarray | None = None) -> np.ndarray:
        """Sorted offsets (a superset, see the module's docstring)."""
        if codes is None:
            codes = self.codes(low)
        data = codes.tobytes()
        # Each byte mapped to 0/1 by `bytes.translate`: a fraction of the cost of numpy's fancy indexing.
        size = len(low)
        first = np.frombuffer(data.translate(self._first), dtype=np.uint8)[:size]
        word = np.frombuffer(data.translate(_WORD_TABLE), dtype=np.uint8)
        start = first.astype(bool)
        if size > 1:
            start[1:] &= first[1:] > word[: size - 1]
        found = np.flatnonzero(start)
        found = found[self._heads[self._window(codes, found)]]
        return found[self._next[self._window(codes, found + 1)] | self._single[codes[found]]]

    @staticmethod
    def _window(codes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        """The three characters at each offset, packed as in `_windows`."""
        window = codes[offsets].astype(np.uint32)
        window |= codes[offsets + 1].astype(np.uint32) << _BITS
        window |= codes[offsets + 2].astype(np.uint32) << (2 * _BITS)
        return window

    def word_before(self, codes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        """Which of `offsets` (each > 0) follow an ASCII word character."""
        return _WORD[codes[offsets - 1]]
