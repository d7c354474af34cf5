"""Cheap literal prefilters run before the extractors' regular expressions.

Most sentences cannot match most rules: a pattern built from the area
vocabulary can only match where one of its first words occurs, a count rule
only where "area" or "judgement" occurs. Looking for those literals in a
lower-cased copy of the text (`str.__contains__`, `str.find`) is far cheaper
than letting a long case-insensitive alternation try every position, so rules
run only where their keywords are.

Exactness: a prefilter may say "maybe" wrongly but never "no" wrongly. The
lower-cased copy stands in for `re.IGNORECASE` only when the text has no
character that folds to an ASCII letter in a way `str.lower()` does not
reproduce offset for offset (the Kelvin sign, long s, dotless i, ...); for
such text `fold()` returns None and the helpers run the plain regex.
"""

from __future__ import annotations

import bisect
import functools
import re
import string
import sys
from collections.abc import Iterable, Iterator

import ahocorasick


def _special_folds() -> frozenset[str]:
    """Non-ASCII characters that `re.I` matches to an ASCII letter, or whose
    `str.lower()` is not a single non-ASCII-letter character."""
    every = "".join(chr(c) for c in range(128, 0x10000) if not 0xD800 <= c < 0xE000)
    letters = re.compile("|".join(string.ascii_lowercase), re.I)
    special = set(letters.findall(every))
    special.update(c for c in every if len(c.lower()) != 1 or c.lower().isascii())
    return frozenset(special)


# What `_special_folds()` gives for this Python's Unicode tables, spelt out because
# computing it costs 80 ms at import (tests/test_scan.py checks the two agree):
# dotted capital I, dotless i, long s, Kelvin sign.
SPECIAL_FOLDS = frozenset("\u0130\u0131\u017f\u212a")


def fold(text: str) -> str | None:
    """`text.lower()` when its offsets and letters match what `re.I` sees, else None."""
    if text.isascii():
        return text.lower()
    # Both tests are over whole documents: four `in` scans, not
    # `SPECIAL_FOLDS.isdisjoint(text)` (which hashes every character), and no
    # character above U+FFFF, told by its size in UTF-16 (every other
    # character, a lone surrogate too, is two bytes) rather than by
    # `max(text)`, which compares every character as a new string: each cost
    # sixty times as much on the real reports.
    if any(char in text for char in SPECIAL_FOLDS):
        return None
    low = text.lower()
    if len(low) == len(text) and len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return low
    return None


def _plain(char: str) -> bool:
    """ASCII, or a character without case ("£", "–") that `re.I` matches only to itself."""
    return char.isascii() or (char.lower() == char == char.upper() and char not in SPECIAL_FOLDS)


class Literals:
    """Lower-case words (ASCII or caseless characters) of which at least one occurs wherever a pattern
    can match (`any_in`), or at every position where a match can start (`positions`)."""

    def __init__(self, words: Iterable[str]):
        words = {w.lower() for w in words}
        if not words or any(not w or not all(_plain(c) for c in w) for w in words):
            raise ValueError(f"literal prefilter words must be non-empty, of ASCII or caseless characters: {sorted(words)}")
        # A word that starts with another adds nothing (neither to `any_in` nor
        # to `positions`): keep the shorter one.
        self.words = tuple(sorted(w for w in words if not any(o != w and w.startswith(o) for o in words)))
        self._automaton = None  # made on first use (`occurrences`)

    def any_in(self, low: str | None, start: int = 0, end: int = sys.maxsize) -> bool:
        """Whether any word occurs in low[start:end] (True when the text could not be folded)."""
        if low is None:
            return True
        if start == 0 and end >= len(low):
            for w in self.words:  # (a loop, not `any` over a generator: a third of the cost, called per rule)
                if w in low:
                    return True
            return False
        return any(low.find(w, start, end) >= 0 for w in self.words)

    def positions(self, low: str, start: int = 0, end: int = sys.maxsize) -> list[int]:
        """Sorted offsets in low[start:end] where a word starts."""
        if self._one_pass(low, start, end):
            return [p for p, _ in self.occurrences(low, start, end)]
        found = set()
        for word in self.words:
            i = low.find(word, start, end)
            while i >= 0:
                found.add(i)
                i = low.find(word, i + 1, end)
        return sorted(found)

    def occurrences(self, low: str, start: int = 0, end: int = sys.maxsize) -> list[tuple[int, str]]:
        """(offset, word) wherever a word occurs in low[start:end], by offset:
        one word per offset, as no kept word begins another."""
        if not self._one_pass(low, start, end):
            found = []
            for word in self.words:
                i = low.find(word, start, end)
                while i >= 0:
                    found.append((i, word))
                    i = low.find(word, i + 1, end)
            found.sort()
            return found
        if start >= min(end, len(low)):
            return []
        automaton = self._automaton
        if automaton is None:
            automaton = self._automaton = ahocorasick.Automaton()
            for word in self.words:
                automaton.add_word(word, (len(word) - 1, word))
            automaton.make_automaton()
        # The automaton reports each word at its last character, in the order of those.
        found = [(last - back, word) for last, (back, word) in automaton.iter(low, start, min(end, len(low)))]
        found.sort()
        return found

    def _one_pass(self, low: str, start: int, end: int) -> bool:
        """Whether one Aho-Corasick pass over low[start:end] (pyahocorasick, about
        20 ns a character) is cheaper than a `str.find` per word (about 1 ns a
        character, but 0.1 us a call, and a Python loop per word): for many words
        over a sentence, not for a few over a document."""
        words = len(self.words)
        if words < _ONE_PASS_WORDS:
            return False
        length = min(end, len(low)) - start
        return length * 20 < words * (100 + length)


_ONE_PASS_WORDS = 6  # below this, `str.find` for each word is as cheap on any text


class LiteralIndex:
    """Every offset where one of a `Literals`' words starts in a whole folded
    document, found once, so that each sentence looks its own up by bisection
    instead of searching again ("once per document, not per sentence")."""

    def __init__(self, literals: Literals, low: str | None):
        self.offsets = literals.positions(low) if low is not None else None

    def any_within(self, start: int, end: int) -> bool:
        """Whether a word starts in [start, end) (True when the text could not be folded).
        A word starting there may run past `end`: a "maybe", never a wrong "no"."""
        if self.offsets is None:
            return True
        i = bisect.bisect_left(self.offsets, start)
        return i < len(self.offsets) and self.offsets[i] < end

    def within(self, start: int, end: int) -> list[int] | None:
        """The offsets in [start, end), relative to `start` (None when unknown)."""
        if self.offsets is None:
            return None
        i, j = bisect.bisect_left(self.offsets, start), bisect.bisect_left(self.offsets, end)
        return [p - start for p in self.offsets[i:j]]


def finditer_at(rx: re.Pattern, text: str, low: str | None, starts: Literals, pos: int = 0, endpos: int = sys.maxsize, *, offsets: list[int] | None = None) -> Iterator[re.Match]:
    """`rx.finditer(text, pos, endpos)` for a pattern whose every match starts
    with one of `starts`' words (case-insensitively): `rx.match` is tried only
    at those offsets (or at `offsets`, the sorted offsets of those words in
    `text` when the caller has them from a `LiteralIndex`; extra offsets are
    harmless). Patterns that can match the empty string are not supported."""
    if offsets is None:
        if low is None:
            yield from rx.finditer(text, pos, endpos)
            return
        offsets = starts.positions(low, pos, endpos)
    yield from matches_at(offsets, lambda p: rx.match(text, p, endpos), pos, endpos)


def matches_at(offsets: Iterable[int], match_at, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
    """What `match_at(offset)` matches at the sorted `offsets` in [pos, endpos),
    left to right and not overlapping, as `finditer` gives them: the loop of
    `finditer_at`, for callers that choose the pattern offset by offset."""
    last_end = pos
    for p in offsets:
        if p >= endpos:
            break
        if p < last_end:
            continue
        m = match_at(p)
        if m:
            yield m
            last_end = m.end()


def search_at(rx: re.Pattern, text: str, low: str | None, starts: Literals, pos: int = 0, endpos: int = sys.maxsize, *, offsets: list[int] | None = None) -> re.Match | None:
    """`rx.search(text, pos, endpos)` under the same condition as `finditer_at`."""
    return next(finditer_at(rx, text, low, starts, pos, endpos, offsets=offsets), None)


def first_words(phrases: Iterable[str]) -> set[str]:
    """The literal beginning of each phrase (its first word, cut at any
    apostrophe or hyphen, which patterns often spell as a class)."""
    return {re.split(r"[\s'’-]", p.strip().lower(), maxsplit=1)[0] for p in phrases}


class PhraseStarts:
    """Where any of many phrase patterns (the area aliases: "investigating
    crime", "children['’]s services") can match in a folded text, found by
    `str.find` for their first words and a check of the rest at each hit.

    A long case-insensitive alternation tried at every offset, or at every
    "the" and "its", is what makes the area patterns slow; this gives the few
    offsets where a phrase really starts, for `finditer_at(..., offsets=...)`.
    Each alternative is a regex source written in lower case that begins with
    a literal word (letters or digits) and has no top-level "|"; it is matched
    case-sensitively against the folded text, which stands in for `re.I` as in
    `Literals`. A phrase matched without its boundaries: a superset of where
    the bounded pattern matches."""

    def __init__(self, alternatives: Iterable[str]):
        alternatives = list(alternatives)
        heads = [re.match(r"[a-z0-9]*", a).group(0) for a in alternatives]
        if not alternatives or not all(heads):
            raise ValueError("every alternative must begin with a lower-case literal word")
        self.literals = Literals(heads)
        groups: dict[str, list[str]] = {}
        for alternative in alternatives:
            # The shortest kept word that begins this phrase (see `Literals`).
            word = next(w for w in self.literals.words if alternative.startswith(w))
            groups.setdefault(word, []).append(alternative[len(word):])
        # The rest of each phrase after its word: one small alternation per word.
        self.groups = tuple((word, re.compile("(?:" + "|".join(rests) + ")")) for word, rests in sorted(groups.items()))
        self._rest = dict(self.groups)
        # Words that are a whole phrase too (an empty rest): no rest to check.
        self._whole = frozenset(word for word, rests in groups.items() if "" in rests)
        # The words at the start of a word only, as one case-sensitive regex
        # factored by first character (sre tries each branch's first literal
        # quickly): a fifth of the cost of a `str.find` per word.
        by_first: dict[str, list[str]] = {}
        for word in self.literals.words:
            by_first.setdefault(word[0], []).append(re.escape(word[1:]))
        self._word_starts = re.compile(
            "(?<![a-z])(?:" + "|".join(re.escape(c) + "(?:" + "|".join(sorted(r, key=len, reverse=True)) + ")" for c, r in sorted(by_first.items())) + ")"
        )

    def positions(self, low: str, start: int = 0, end: int = sys.maxsize) -> list[int]:
        """Sorted offsets in low[start:end] where a phrase starts (it may run past `end`)."""
        return [p for p, _ in self.phrases(self.literals.occurrences(low, start, end), low)]

    def word_positions(self, low: str) -> list[int]:
        """Sorted offsets where a phrase starts and no ASCII letter comes just
        before: a superset of where a pattern that begins with `(?<![\\w-])`
        and a phrase can match (a letter before the phrase is a word character
        in the text too, as `fold` keeps letters). At most one word can start
        at an offset, as no kept word begins another."""
        return [p for p, _ in self.phrases(self.literals.occurrences(low), low, word_start=True)]

    def phrases(self, occurrences: list[tuple[int, str]], low: str, *, word_start: bool = False) -> list[tuple[int, str]]:
        """The (offset, word) of `occurrences` (`self.literals.occurrences(low)`,
        which a caller may keep for both kinds) where a phrase starts; with
        `word_start`, only those with no ASCII letter just before (`word_positions`).
        One pass over the text for every head word, then a check of the rest
        at each: not a `str.find` for each of a hundred words."""
        rest, whole = self._rest, self._whole
        return [
            (p, word) for p, word in occurrences
            if not (word_start and p and "a" <= low[p - 1] <= "z") and (word in whole or rest[word].match(low, p + len(word)))
        ]

    def word_at(self, low: str, offset: int) -> str:
        """The kept word that starts at `offset`, one of `word_positions`' offsets."""
        return self._word_starts.match(low, offset).group()


# Reading a pattern's structure for `required_literals` and `start_literals`.
try:  # the parser behind `re.compile` (a private module: without it, no gate)
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - other Pythons
    _sre = _sre_parse = None

_MAX_WORDS = 40  # a larger set costs more `str.find` calls than it saves


def _items(pattern) -> list:
    return list(pattern.data if hasattr(pattern, "data") else pattern)


def _needed(items) -> list[set[str]]:
    """Sets of lower-case words such that every match of `items` contains a
    word of each set (an empty list: nothing known)."""
    needs: list[set[str]] = []
    run: list[str] = []

    def flush():
        if run:
            needs.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL and _plain(chr(av)):
            run.append(chr(av).lower())
            continue
        if op is _sre.AT:  # zero-width: the literals on each side still touch
            continue
        flush()
        if op is _sre.SUBPATTERN:
            needs.extend(_needed(_items(av[-1])))
        elif op is _sre.ATOMIC_GROUP:
            needs.extend(_needed(_items(av)))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            needs.extend(_needed(_items(av[2])))
        elif op is _sre.ASSERT:  # what a look-around reads is in the text too
            needs.extend(_needed(_items(av[1])))
        elif op is _sre.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                best = _best(_needed(_items(branch)))
                if best is None:
                    break
                union |= best
            else:
                needs.append(union)
    flush()
    return needs


def _best(needs: list[set[str]]) -> set[str] | None:
    """The most selective set: the longest shortest word, then the fewest words."""
    return max(needs, key=lambda words: (min(map(len, words)), -len(words)), default=None)


def required_literals(rx: re.Pattern) -> list[Literals] | None:
    """Word sets such that every match of `rx` (case-insensitive or not)
    contains a word of each set, read from the pattern's structure: a gate
    `all(words.any_in(low) for words in needs)` before running `rx` on a text
    with fold `low`. None when nothing useful is known."""
    return required_literals_in(parse_pattern(rx))


def parse_pattern(rx: re.Pattern) -> list | None:
    """`rx`'s source as sre's parser reads it (the items that
    `required_literals_in` and `start_literals_in` walk), or None when unknown.
    For a caller that asks both about one pattern: parsing a pattern with the
    ~240 area aliases in it costs 15 ms, walking the items a fraction of that."""
    if not isinstance(rx.pattern, str):
        return None
    return parse_source(rx.pattern, rx.flags)


def parse_source(source: str, flags: int = 0, *, part: str | None = None) -> list | None:
    """`parse_pattern` for a source not compiled: a source that sre parses but
    would not compile (a look-behind of varying width) is read all the same.

    With `part`, a regular expression that `source` may hold as groups
    `(?:part)` (the ~240 area aliases in most rules of miner_gradings): the
    part is parsed once (remembered) and its items put where each such group
    was, not parsed again in every source. The items are the same as parsing
    `source` whole (tests/test_grading_gates.py compares them)."""
    if _sre_parse is None:
        return None
    try:
        group = f"(?:{part})" if part else None
        if group is None or group not in source or _PART in source:
            return _items(_sre_parse.parse(source, flags))
        # sre's parser unpacks a group `(?:...)` into the sequence around it,
        # so each stand-in is one item there (or the body of a repeat).
        items = _items(_sre_parse.parse(source.replace(group, f"(?:{_PART})"), flags))
        if _splice(items, _parsed_part(part, flags)) != source.count(group):
            # An alternation whose branches began with the part had them
            # merged or factored as a NUL: read the source whole.
            return _items(_sre_parse.parse(source, flags))
        return items
    except Exception:  # an unknown construct: no gate
        return None


_PART = "\x00"  # what stands for the part while a source is parsed: a NUL, in no pattern


@functools.lru_cache(maxsize=4)
def _parsed_part(part: str, flags: int) -> list:
    """The items of `part` parsed alone (read-only: `_splice` copies them in)."""
    return _items(_sre_parse.parse(part, flags))


def _splice(items: list, part: list) -> int:
    """Put the items of `part` in place of each stand-in NUL in `items` and
    everything nested in them; how many there were."""
    spliced = 0
    k = 0
    while k < len(items):
        op, av = items[k]
        if op is _sre.LITERAL and av == 0:
            items[k:k + 1] = part
            spliced += 1
            k += len(part)
            continue
        if op is _sre.SUBPATTERN:
            nested = [av[-1]]
        elif op is _sre.BRANCH:
            nested = av[1]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            nested = [av[2]]
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            nested = [av[1]]
        elif op is _sre.ATOMIC_GROUP:
            nested = [av]
        elif op is _sre.GROUPREF_EXISTS:
            nested = [p for p in av[1:] if p is not None]
        else:
            nested = []
        for sub in nested:
            spliced += _splice(sub.data, part)
        k += 1
    return spliced


def required_literals_in(items: list | None) -> list[Literals] | None:
    """`required_literals` of a pattern parsed by `parse_pattern`."""
    if items is None:
        return None
    try:
        needs = _needed(items)
    except Exception:  # an unknown construct: no gate
        return None
    needs = [Literals(words) for words in needs if len(words) <= _MAX_WORDS]
    return needs or None


def _prefixes(items: list, ascii_digits: bool = False) -> set[str] | None:
    """Lower-case words one of which begins every match of `items`, or None
    (with `ascii_digits`, `\\d` stands for 0-9: true of ASCII text only)."""
    run: list[str] = []
    i = 0
    while i < len(items):
        op, av = items[i]
        if op is _sre.LITERAL and _plain(chr(av)):
            run.append(chr(av).lower())
        elif not (op is _sre.AT or op is _sre.ASSERT_NOT or (op is _sre.ASSERT and av[0] < 0)):
            break  # zero-width items (boundaries, look-behinds) are skipped
        i += 1
    if run:
        return {"".join(run)}
    if i == len(items):
        return None  # the match can be empty here
    op, av = items[i]
    rest = items[i + 1:]
    if op is _sre.SUBPATTERN:
        return _prefixes(_items(av[-1]) + rest, ascii_digits)
    if op is _sre.ASSERT:  # a look-ahead: zero-width
        return _prefixes(rest, ascii_digits)
    if op is _sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            words = _prefixes(_items(branch) + rest, ascii_digits)
            if words is None:
                return None
            union |= words
        return union
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        body = _prefixes(_items(av[2]), ascii_digits)
        if av[0] >= 1 or body is None:
            return body
        after = _prefixes(rest, ascii_digits)
        return None if after is None else body | after
    if op is _sre.IN and all(o is _sre.LITERAL and _plain(chr(c)) for o, c in av):
        return {chr(c).lower() for _, c in av}
    if op is _sre.IN and ascii_digits and av == [(_sre.CATEGORY, _sre.CATEGORY_DIGIT)]:
        return set(string.digits)
    return None


def start_literals(rx: re.Pattern, *, ascii_digits: bool = False) -> Literals | None:
    """Words one of which begins every match of `rx`, read from the pattern's
    structure (the `starts` of `finditer_at`), or None when unknown. With
    `ascii_digits`, a `\\d` may begin a match as "0" to "9": use those only on
    ASCII text, as `\\d` matches every Unicode digit."""
    return start_literals_in(parse_pattern(rx), ascii_digits=ascii_digits)


def start_literals_in(items: list | None, *, ascii_digits: bool = False) -> Literals | None:
    """`start_literals` of a pattern parsed by `parse_pattern`."""
    if items is None:
        return None
    try:
        words = _prefixes(items, ascii_digits)
        return Literals(words) if words else None
    except Exception:  # an unknown construct: no gate
        return None

