"""Prefilters for `miner_gradings` (miner/nlp/gradings.py): cheap checks that
say where its patterns can match, so that the long case-insensitive
alternations (the ~200 area aliases are in most of them) run only there.

Like `miner.nlp.scan`, a gate may say "maybe" wrongly but never "no" wrongly:
the records are the same with the gates off (`GradingGates(..., enabled=False)`,
which tests/test_grading_gates.py compares over the corpus). Each gate works
on the folded sentence (`scan.fold`) and says "maybe" when there is none.
"""

from __future__ import annotations

import functools
import re
import sys
import types
from collections.abc import Iterable, Iterator
from itertools import repeat

from miner.nlp.numbers import NUMBER_WORD
from miner.nlp.scales import Scales, _alias_regex
from miner.nlp.scan import (
    SPECIAL_FOLDS, Literals, PhraseStarts, finditer_at, fold, matches_at, parse_source, required_literals_in, search_at, start_literals_in,
)

_WORD_START = re.compile(r"(?<![\w-])\w")  # where `scales.area_regex` (bounded by `(?<![\w-])`) can match

# `row`, `row_prefix` and `area_only` match an area after at most this lead:
# `^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?`, whose ends never pass this one's.
_ROW_LEAD = re.compile(r"[\s\d.]*(?:the\s+)?(?:(?:previous|last|earlier|prior)\s+)?")  # as `row` reads them
_FIRST_CHARACTER = re.compile(r"\s*(\S)")
# How `row`, `row_prefix` and `area_only` begin before their area group
# (`lead_area`): each lead ends within `_ROW_LEAD`'s.
_LEADS_THEN_AREA = (
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?",
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?(?P<earlier>(?:previous|last|earlier|prior)\s+)?",
)
# Every match of `across` contains one of these nouns.
_ACROSS_NOUNS = Literals(["areas", "categories", "questions", "pillar", "tests", "standards", "judgements", "judgments"])  # "pillar": "three-pillar"
# Every match of `gradings.across` holds its total as `numbers.NUMBER` (a digit, or a number word),
# after a word boundary and before a space or a hyphen ("nine areas", "three-pillar"): a sentence
# with an across noun and no number (most of them: "standards", "areas" in prose) needs no search.
_A_NUMBER = re.compile(rf"\d|\b{NUMBER_WORD}[\s-]", re.I)
# A digit `\\d` matches that is not "0" to "9": where there is none, a pattern
# may be tried only at the ASCII digits (`scan.start_literals(..., ascii_digits=True)`).
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


class LazyPattern:
    """`re.compile(pattern, flags)`, compiled when first used: what
    `GradingExtractor._compile` makes of its rules (through `LAZY_RE`).

    Compiling its ~80 rules cost a fresh process 1.1 s CPU before its first
    document (the ~240 area aliases in a quarter of them), which every
    `miner ingest --jobs N` worker pays; most are never run whole in a given
    document (no gate passes, or the gates run only cut copies, which read
    `pattern` and `flags`). On first use the pattern's methods are bound onto
    the instance, so later calls cost what a compiled pattern's do. Hashed by
    identity, as the gates key patterns anyway."""

    _BOUND = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner", "groups", "groupindex")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        # As `re.Pattern.flags` reads (a str pattern is Unicode unless ASCII).
        self.flags = int(flags) | (0 if flags & re.ASCII else re.UNICODE)

    def __getattr__(self, name: str):
        # Only for what the instance lacks: first use of a method, before it is bound.
        if name not in LazyPattern._BOUND:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for bound in LazyPattern._BOUND:
            setattr(self, bound, getattr(compiled, bound))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r}, {self.flags})"


# `re` as `GradingExtractor._compile` sees it: its `re.compile` makes a `LazyPattern`.
LAZY_RE = types.SimpleNamespace(**{**{name: getattr(re, name) for name in re.__all__}, "compile": LazyPattern})


def _alternates(source: str) -> bool:
    """Whether a regular expression has a "|" outside every group and set."""
    depth, i, in_set = 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            if source.startswith("]", i + 1) or source.startswith("^]", i + 1):
                i += 2 if source[i + 1] == "]" else 3  # a "]" first in a set is a member
                continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        i += 1
    return False


def _lead_starts(rx: re.Pattern) -> tuple[bool, Literals] | None:
    """For a pattern read with `match` (`^`, then perhaps `\\s*`, then a part
    every match of which begins with one of some words): whether the spaces
    are there, and the words. None when the pattern is not of that shape."""
    source = rx.pattern
    if not isinstance(source, str):
        return None
    rest = source[1:] if source.startswith("^") else source
    spaces = rest.startswith("\\s*")
    rest = rest[3:] if spaces else rest
    if _alternates(rest):
        return None  # the "^" or the spaces belong to the first alternative only
    # Parsed, not compiled: what `rest` holds compiles, as `rx` did.
    words = start_literals_in(parse_source(rest, rx.flags))
    if words is None or any(word[0].isspace() for word in words.words):
        return None
    return spaces, words


def _few(starts: Literals | None) -> Literals | None:
    """`starts` (a pattern's `scan.start_literals`) when there are not too many
    words: then finding them and trying the pattern there is cheaper than
    `rx.search` trying it at every offset (a case-insensitive pattern is never
    searched for by its first characters), even for a one-letter word ("a")
    that occurs every dozen characters."""
    if starts is None or len(starts.words) > 40:
        return None
    return starts


# What a case-insensitive pattern may hold to be run without `re.I` on a
# folded text: escapes of classes, boundaries and punctuation (not `\\x41`,
# `\\N{...}`, group references), and no inline flags.
_CASE_FREE_ESCAPE = re.compile(r"\\(?:[sSwWdDbBAZ]|[^\w])")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]+[:)]")


def _case_free(rx: re.Pattern) -> re.Pattern | None:
    """`rx` compiled without `re.I`, when it finds on `scan.fold(text)` the
    matches `rx` finds on `text`, at the same offsets: every letter in it is
    a lower-case ASCII one (`re.I` matches those to the characters whose
    `str.lower` they are, `fold` having refused the few it does not), and it
    has no inline flags or escapes that could spell a letter otherwise. None
    when not so. Case-sensitive matching is what sre does fast: `_GRADING_CONTEXT`
    is searched 2.5 times as fast on the folded sentence."""
    source = rx.pattern
    if not isinstance(source, str) or not rx.flags & re.IGNORECASE or rx.flags & (re.ASCII | re.LOCALE | re.VERBOSE):
        return None
    bare = _CASE_FREE_ESCAPE.sub("", source).replace("(?P<", "(")  # (a group reference `(?P=` keeps its "P")
    if "\\" in bare or _INLINE_FLAGS.search(bare) or any(c.isalpha() and not ("a" <= c <= "z") for c in bare):
        return None
    return re.compile(source, rx.flags & ~re.IGNORECASE)


def _telling_needs(needs: Iterable[Literals]) -> tuple[tuple[str, ...], ...]:
    """The sets of a pattern's `scan.required_literals` worth testing before a
    rule runs on a sentence: at most three, each of at most eight words, the
    ones with the longest shortest word first (short words occur everywhere)."""
    needs = [words.words for words in needs if len(words.words) <= 8 and min(map(len, words.words)) >= 2]
    needs.sort(key=lambda words: (-min(map(len, words)), len(words)))
    return tuple(needs[:3])


class _Pattern:
    """What the gates read once from one pattern. Kept by `id(rx)`, with `rx`
    itself so that the id stays its own: hashing a compiled pattern hashes its
    whole compiled code, uncached (90 us for one with every area alias in it),
    so no dict here is keyed by a pattern.

    Each part is read when first asked for, from one parse of the pattern
    (`scan.parse_pattern`): a fresh process (each `miner ingest --jobs N`
    worker) spent 2.5 s of its first document reading every part of every
    pattern, parsing each up to five times, most parts never used."""

    def __init__(self, rx: re.Pattern, part: str | None = None):
        self.rx = rx
        self._part = part  # the area alternation, parsed once for every pattern that holds it (`scan.parse_source`)
        self.by_area_word: dict[str, re.Pattern] | None = None  # set by the gates for a pattern led by the area group
        self.grade_word = self.lead_grade = None  # whether `grade_word` / `lead_grade` can cut it, when first asked
        self.leads_to_area: bool | None = None  # whether `lead_area` can cut it, when first asked

    @functools.cached_property
    def _parsed(self) -> list | None:
        if not isinstance(self.rx.pattern, str):
            return None
        return parse_source(self.rx.pattern, self.rx.flags, part=self._part)

    @functools.cached_property
    def needs(self) -> tuple[Literals, ...] | list[Literals]:
        """`scan.required_literals`, for `search(..., gate=True)`."""
        return required_literals_in(self._parsed) or ()

    @functools.cached_property
    def telling(self) -> tuple[tuple[str, ...], ...]:
        """The needs worth testing first, for `finditer_at`."""
        return _telling_needs(self.needs)

    @functools.cached_property
    def digit_starts(self) -> Literals | None:
        """`scan.start_literals` with the ASCII digits, for `finditer`."""
        return start_literals_in(self._parsed, ascii_digits=True)

    @functools.cached_property
    def word_starts(self) -> Literals | None:
        """`scan.start_literals` without ASCII digits and without `_few`'s cap."""
        return start_literals_in(self._parsed)

    @functools.cached_property
    def few_starts(self) -> Literals | None:
        """`word_starts` when few enough, for `search`."""
        return _few(self.word_starts)

    @functools.cached_property
    def few_digit_starts(self) -> Literals | None:
        """The same on ASCII text."""
        return _few(self.digit_starts)

    @functools.cached_property
    def case_free(self) -> re.Pattern | None:
        """The pattern without `re.I`, to search a folded text (`GradingGates._search`)."""
        return _case_free(self.rx)

    @functools.cached_property
    def lead(self) -> tuple[bool, Literals] | None:
        """For `match`: (whether spaces lead, the words that begin every match after them)."""
        return _lead_starts(self.rx)


class GradingGates:
    def __init__(self, scales: Scales, grade_pattern: str, extra_grades: str, *, enabled: bool = True):
        self.scales, self.enabled = scales, enabled
        alternatives = [_alias_regex(alias) for alias in scales.area_aliases]
        # The phrases are those of `scales.area_regex` only if it is still built
        # from `_alias_regex`: otherwise no area gate (every offset is a maybe).
        rebuilt = "|".join(sorted(alternatives, key=len, reverse=True))
        self.areas = PhraseStarts(alternatives) if enabled and rebuilt in scales.area_regex.pattern else None
        # `area_regex` cut into one small pattern per first word: at an offset
        # where that word starts, only its phrases can match.
        self._area_by_word = {
            word: re.compile(rf"(?<![\w-]){re.escape(word)}{rest.pattern}(?![\w-])", re.I) for word, rest in self.areas.groups
        } if self.areas else {}
        # A pattern that begins with the area group (`(?P<area>AREA)`, AREA the
        # alternation of `area_regex` without its boundaries) can match at an
        # offset only through the phrases of the word that starts there: the
        # same pattern with only those in the group matches the same, without
        # trying the other two hundred aliases one by one (`_area_led`).
        self._area_group = f"(?P<area>(?:{rebuilt}))" if self.areas else None
        self._area_alternation = rebuilt if self.areas else None
        self._area_ordered = [
            (a, next(w for w in self.areas.literals.words if a.startswith(w))) for a in sorted(alternatives, key=len, reverse=True)
        ] if self.areas else []
        ordered = sorted(alternatives, key=len, reverse=True)
        self._area_group_by_word = {
            word: "(?P<area>(?:" + "|".join(a for a in ordered if a.startswith(word)) + "))" for word in self.areas.literals.words
        } if self.areas else {}
        # Where a grade word (GRADE_PATTERN or the failing words) can start.
        # (A phrase may end in a lookahead: "requires improvement(?!\s+to\s+be\s+good\b)".)
        words = [re.sub(r"\\(.)", r"\1", re.sub(r"\(\?!.*\)$", "", a)) for a in f"{grade_pattern}|{extra_grades}".split("|")]
        self.grade_starts = Literals(w.split()[0] for w in words) if all(re.fullmatch(r"[a-z ]+", w) for w in words) else None
        # Characters a grade word can begin with, in any case (and the ones
        # `re.I` folds to ASCII letters: fold() would give up on them).
        self.grade_initials = (
            frozenset(c for w in self.grade_starts.words for c in (w[0], w[0].upper())) | SPECIAL_FOLDS if self.grade_starts else None
        )
        # The same cut for the grade alternation (`grade_pattern`, every phrase
        # of it beginning with one of `grade_starts`' words): `grade_word`, `lead_grade`.
        self._grade_run = grade_pattern if self.grade_starts else None
        self._grade_ordered = [
            (a, next(w for w in self.grade_starts.words if re.sub(r"\\(.)", r"\1", a).startswith(w))) for a in grade_pattern.split("|")
        ] if self.grade_starts else []
        self._grade_word_at = re.compile("|".join(sorted(map(re.escape, self.grade_starts.words), key=len, reverse=True))) if self.grade_starts else None
        # The characters an area alias can end with, in any case (with the ones
        # `re.I` folds to ASCII letters): `may_end_with_area`.
        ends = {alias[-1] for alias in scales.area_aliases}
        ends |= {"’"} if "'" in ends else set()
        self._area_ends = frozenset(c for end in ends for c in (end, end.upper())) | SPECIAL_FOLDS
        self._cuts: dict[tuple, re.Pattern] = {}  # (id(rx), what was cut to) -> the cut pattern
        self._memo: dict = {}
        self._patterns: dict[int, _Pattern] = {}  # id(rx) -> what was read from rx
        self._text: str | None = None  # the sentence being read (`reading`)
        self._low: str | None = None

    def area_positions(self, s: str, low: str | None) -> list[int] | None:
        """The offsets in sentence `s` where an area alias may start, for
        `finditer_at(..., offsets=...)`; None when unknown (try everywhere)."""
        if self.areas is None or low is None:
            return None
        key = ("areas", s)  # the driver and `_find` ask for the same sentence
        positions = self._memo.get(key)
        if positions is None:
            positions = self._remember(key, [p for p, _ in self._area_phrases(s, low)])
        return positions

    def _area_phrases(self, s: str, low: str) -> list[tuple[int, str]]:
        """(offset, first word) wherever an area phrase may start in `s`: those
        at a word start (`_area_word_phrases`, which the driver has asked for
        first) and those after a letter, each head's phrase checked once."""
        key = ("area phrases", s)
        phrases = self._memo.get(key)
        if phrases is None:
            # The heads `PhraseStarts.phrases(..., word_start=True)` leaves out.
            inner = [(p, word) for p, word in self._area_heads(s, low) if p and "a" <= low[p - 1] <= "z"]
            phrases = self._area_word_phrases(s, low)
            if inner:
                phrases = sorted(phrases + self.areas.phrases(inner, low))  # one head per offset
            phrases = self._remember(key, phrases)
        return phrases

    def area_word_positions(self, s: str, low: str | None) -> list[int] | None:
        """Like `area_positions`, only at the start of a word: the offsets for
        `scales.area_regex`, which is bounded by `(?<![\\w-])`."""
        if self.areas is None or low is None:
            return None
        return [p for p, _ in self._area_word_phrases(s, low)]

    def area_matches(self, s: str, low: str | None) -> list[re.Match]:
        """The matches of `scales.area_regex` at each word start of `s` (overlapping
        ones too), tried only where a phrase may start (`_area_word_phrases`)."""
        if self.areas is None or low is None:  # the same matches, tried at every word start
            positions = [w.start() for w in _WORD_START.finditer(s)]
        else:
            key = ("area matches", s)
            found = self._memo.get(key)
            if found is not None:
                return found
            positions = sorted({p for p, _ in self._area_word_phrases(s, low)})
        # (`area_regex` itself, not the phrases of one first word: more than one may start there)
        found = [m for m in map(self.scales.area_regex.match, repeat(s), positions) if m]
        return found if self.areas is None or low is None else self._remember(key, found)

    def has_area(self, s: str, low: str | None) -> bool:
        """`bool(scales.area_regex.search(s))`, trying at each word start where a
        phrase begins only the phrases of that first word."""
        if self.areas is None or low is None:
            return self.scales.area_regex.search(s) is not None
        by_word = self._area_by_word
        return any(by_word[word].match(s, p) for p, word in self._area_word_phrases(s, low))

    def _area_heads(self, s: str, low: str) -> list[tuple[int, str]]:
        """Where the area phrases' first words occur in sentence `s`: one pass
        over it (`Literals.occurrences`) for both kinds of positions."""
        key = ("area heads", s)
        heads = self._memo.get(key)
        if heads is None:
            heads = self._remember(key, self.areas.literals.occurrences(low))
        return heads

    def _area_word_phrases(self, s: str, low: str) -> list[tuple[int, str]]:
        """(offset, first word) where an area phrase may start at the start of a word in `s`."""
        key = ("area words", s)
        phrases = self._memo.get(key)
        if phrases is None:
            phrases = self._remember(key, self.areas.phrases(self._area_heads(s, low), low, word_start=True))
        return phrases

    def may_lead_with_area(self, s: str, low: str | None) -> bool:
        """Whether a pattern anchored at the start that reads an optional
        number and "the" before an area (`row`, `row_prefix`, `area_only`) can match."""
        positions = self.area_positions(s, low)
        if positions is None:
            return True
        return bool(positions) and positions[0] <= _ROW_LEAD.match(low).end()

    def grade_word(self, rx: re.Pattern, s: str, low: str | None) -> re.Match | None:
        """`rx.search(s)` for the grade-word pattern, tried only where a grade word
        starts, each time with only the grade phrases of that word when the
        pattern begins `\\b(?:GRADES|...`: a match begins with its phrase."""
        if not self.enabled or self.grade_starts is None:
            return rx.search(s)
        pattern = self._pattern(rx)  # (which keeps rx, whose id names its cuts)
        if pattern.grade_word is None:
            pattern.grade_word = isinstance(rx.pattern, str) and rx.pattern.startswith("\\b(?:" + self._grade_run)
        if low is None or not pattern.grade_word:
            return search_at(rx, s, low, self.grade_starts)
        for p, word in self.grade_starts.occurrences(low):
            m = self._cut(rx, self._grade_run, self._grade_ordered, word).match(s, p)
            if m:
                return m
        return None

    def lead_grade(self, rx: re.Pattern, text: str) -> re.Match | None:
        """`rx.match(text)` for a pattern that begins `^\\s*(?P<grade>GRADES)`
        (`grade_only`, `grade_lead`): the grades are tried only at the first
        non-space character, so only the phrases of the grade word there."""
        if not self.enabled or self.grade_starts is None:
            return rx.match(text)
        pattern = self._pattern(rx)
        if pattern.lead_grade is None:
            pattern.lead_grade = isinstance(rx.pattern, str) and rx.pattern.startswith(f"^\\s*(?P<grade>{self._grade_run})")
        if not pattern.lead_grade:
            return rx.match(text)
        first = _FIRST_CHARACTER.match(text)
        low = fold(text[first.start(1):first.start(1) + 40]) if first else None
        if low is None:
            return rx.match(text)
        word = self._grade_word_at.match(low)
        if word is None:
            return None  # no grade phrase begins there
        return self._cut(rx, self._grade_run, self._grade_ordered, word.group()).match(text)

    def lead_area(self, rx: re.Pattern, s: str, low: str | None) -> re.Match | None:
        """`rx.match(s)` for a pattern anchored at the start that reads an
        optional number and "the" before the area group (`row`, `row_prefix`,
        `area_only`): the area is tried only within that lead, so only the
        phrases of the words that begin a phrase there (`may_lead_with_area`)."""
        if self.areas is None or not self.enabled:
            return rx.match(s)
        pattern = self._pattern(rx)
        if pattern.leads_to_area is None:
            pattern.leads_to_area = isinstance(rx.pattern, str) and any(rx.pattern.startswith(lead + "(?P<area>(?:") for lead in _LEADS_THEN_AREA)
        if not pattern.leads_to_area:
            return rx.match(s)
        if low is None:
            low = fold(s)
            if low is None:
                return rx.match(s)
        bound = _ROW_LEAD.match(low).end()
        words = frozenset(word for p, word in self._area_phrases(s, low) if p <= bound)
        if not words:
            return None
        return self._cut(rx, self._area_alternation, self._area_ordered, words).match(s)

    def _cut(self, rx: re.Pattern, run: str, ordered: list[tuple[str, str]], words) -> re.Pattern:
        """`rx` with the first `run` of alternatives in its source (the areas or
        the grades: `ordered` lists them with their first words) replaced by
        those of `words` (a word or a frozenset), made once. Exact where the
        caller knows the run is tried only at offsets where one of `words`
        begins: the other alternatives cannot match there, and the kept ones
        are tried in the same order."""
        key = (id(rx), run is self._grade_run, words)
        cut = self._cuts.get(key)
        if cut is None:
            kept = "|".join(a for a, w in ordered if (w == words if isinstance(words, str) else w in words))
            cut = self._cuts[key] = re.compile(rx.pattern.replace(run, kept or "(?!)", 1), rx.flags)
        return cut

    def across(self, rx: re.Pattern, s: str, low: str | None) -> re.Match | None:
        """`rx.search(s)` for the `across` pattern (how many areas were graded),
        once per sentence, and only where one of its nouns occurs."""
        if not self.enabled:
            return rx.search(s)
        key = ("across", s)
        if key not in self._memo:
            if low is None:
                low = fold(s)  # a sentence the driver did not fold (no grade word)
            if not _ACROSS_NOUNS.any_in(low) or not _A_NUMBER.search(s):
                return self._remember(key, None)
            # Its ~50 start words (the number words, digits, its verbs) are more than
            # `_search` takes, but one pass for them costs a fraction of `rx.search`.
            starts = self._starts(self._pattern(rx), s, low)
            return self._remember(key, search_at(rx, s, low, starts) if starts is not None else rx.search(s))
        return self._memo[key]

    def _starts(self, pattern: _Pattern, text: str, low: str | None) -> Literals | None:
        """Every word one of which begins each match of the pattern (uncapped),
        counting the ASCII digits when `\\d` can match no other in `text`; None
        when unknown or when `low` is None (`fold` gave up)."""
        if low is None:
            return None
        key = ("ascii digits", text)
        ascii_digits = self._memo.get(key)
        if ascii_digits is None:
            ascii_digits = self._remember(key, low.isascii() or _OTHER_DIGIT.search(low) is None)
        return pattern.digit_starts if ascii_digits else pattern.word_starts

    def rule(self, rx: re.Pattern, text: str, low: str | None) -> Iterator[re.Match]:
        """`rx.finditer(text)` for a rule of `_find` that has no start words of
        its own: nothing when a word every match needs is absent (`finditer_at`),
        else tried only where a match can begin (`_starts`). A rule written as
        `rx.finditer(s) if "word" in gate` ran over the whole sentence wherever
        its word was, mostly to match nothing. Where the pattern allows, it is
        run without `re.I` on the folded text (`_case_free`), which costs half
        as much as trying it at each start word."""
        if not self.enabled or low is None:
            return rx.finditer(text)
        pattern = self._pattern(rx)
        for words in pattern.telling:  # as `finditer_at` checks them
            if not any(word in low for word in words):
                return iter(())
        if pattern.case_free is not None:
            return self._case_free_finditer(pattern, text, low)  # half the time of trying it at its start words
        starts = self._starts(pattern, text, low)
        if starts is not None:
            return self.finditer_at(rx, text, low, starts)
        return rx.finditer(text)

    @staticmethod
    def _case_free_finditer(pattern: _Pattern, text: str, low: str) -> list[re.Match]:
        """`list(rx.finditer(text))`, found by `pattern.case_free` on `low`, the
        fold of `text` (same matches at the same offsets), each matched again
        on `text` where it starts so that its groups read the text's own case."""
        match = pattern.rx.match
        return [match(text, m.start()) for m in pattern.case_free.finditer(low)]

    def reading(self, text: str, low: str) -> None:
        """`text`, whose fold is `low`, is the sentence read now: no need to fold it again."""
        self._text, self._low = text, low

    def _fold(self, text: str) -> str | None:
        return self._low if text is self._text else fold(text)

    def _pattern(self, rx: re.Pattern) -> _Pattern:
        """What was read from `rx`, read on first use; from then on `id(rx)` names
        it in the memo keys (see `_Pattern`)."""
        pattern = self._patterns.get(id(rx))
        if pattern is None:
            pattern = self._patterns[id(rx)] = _Pattern(rx, self._area_alternation)
            # Only a pattern without a top-level "|": every match then begins so.
            # (Not a stand-in such as a test's spy, whose `pattern` is no source text.)
            single = isinstance(rx.pattern, str) and not _alternates(rx.pattern)
            if single and self._area_group and rx.pattern.startswith(self._area_group):
                pattern.by_area_word = {}
        return pattern

    def _may_match(self, pattern: _Pattern, low: str | None) -> bool:
        """False only when the pattern cannot match in a text with fold `low`: a word it needs is absent."""
        return all(words.any_in(low) for words in pattern.needs)

    def search(self, rx: re.Pattern, text: str, pos: int = 0, *, gate: bool = False) -> re.Match | None:
        """`rx.search(text, pos)`, remembered for the document (the same clause
        or sentence is asked about once per grading in it); with `gate`, skipped
        when a word the pattern needs is absent (`scan.required_literals`),
        which pays only for a costly pattern that rarely matches. A pattern
        that allows it is searched without `re.I` on the folded text
        (`_case_free`); else one whose every match begins with one of a few
        words (`scan.start_literals`) is tried only where they occur."""
        if not self.enabled:
            return rx.search(text, pos)
        pattern = self._pattern(rx)
        key = ("search", id(rx), text, pos)
        if key in self._memo:
            return self._memo[key]
        low = self._fold(text)
        if gate and not self._may_match(pattern, low):
            return self._remember(key, None)
        return self._remember(key, self._search(pattern, text, low, pos))

    def _search(self, pattern: _Pattern, text: str, low: str | None, pos: int = 0) -> re.Match | None:
        if low is not None and pattern.case_free is not None:
            # Found on the folded text, then matched there on `text` itself: its
            # groups are the text's own (a caller may read them with case).
            found = pattern.case_free.search(low, pos)
            return pattern.rx.match(text, found.start()) if found else None
        starts = pattern.few_digit_starts if low is not None and low.isascii() else pattern.few_starts
        return search_at(pattern.rx, text, low, starts, pos) if starts is not None else pattern.rx.search(text, pos)

    def finditer_at(self, rx: re.Pattern, text: str, low: str | None, starts: Literals, pos: int = 0, endpos: int = sys.maxsize, *, offsets: list[int] | None = None) -> Iterator[re.Match]:
        """`scan.finditer_at` for the rules of `_find` (which calls this one by
        that name): nothing at once when a word that every match of `rx` needs
        is absent from the folded sentence (`scan.required_literals`, the few
        most telling sets, read once per pattern). A rule that is tried at
        every "and" or "the" mostly fails there: this skips the sentences
        where it cannot match for the price of a few `in` tests."""
        if self.enabled and low is not None:
            pattern = self._pattern(rx)
            for words in pattern.telling:
                for word in words:
                    if word in low:
                        break
                else:
                    return iter(())
            if pattern.by_area_word is not None:
                return self._area_led(pattern, text, low, pos, endpos)
            if offsets is None:
                offsets = starts.positions(low, pos, endpos)
            if not offsets:
                return iter(())  # no start word: nothing to try (and no generator to make)
        return finditer_at(rx, text, low, starts, pos, endpos, offsets=offsets)

    def _area_led(self, pattern: _Pattern, text: str, low: str, pos: int, endpos: int) -> Iterator[re.Match]:
        """`finditer_at` for a pattern led by the area group: tried where an area
        phrase starts (whatever offsets the caller had: every match starts at
        one), each time as the pattern cut down to that phrase's first word."""
        by_word, rx = pattern.by_area_word, pattern.rx
        phrases = dict(self._area_phrases(text, low))  # offset -> first word, in order

        def match_at(p: int) -> re.Match | None:
            word = phrases[p]
            cut = by_word.get(word)
            if cut is None:
                cut = by_word[word] = re.compile(self._area_group_by_word[word] + rx.pattern[len(self._area_group):], rx.flags)
            return cut.match(text, p, endpos)

        return matches_at(phrases, match_at, pos, endpos)

    def match(self, rx: re.Pattern, text: str) -> re.Match | None:
        """`rx.match(text)`, remembered like `search`."""
        if not self.enabled:
            return rx.match(text)
        pattern = self._pattern(rx)
        key = ("match", id(rx), text)
        if key in self._memo:
            return self._memo[key]
        if pattern.lead is not None:
            # Only when the text (after its spaces) begins with one of the words.
            spaces, words = pattern.lead
            first = _FIRST_CHARACTER.match(text) if spaces else None
            at = first.start(1) if first else 0
            head = fold(text[at:at + max(map(len, words.words))])
            if head is not None and not any(head.startswith(word) for word in words.words):
                return self._remember(key, None)
        return self._remember(key, rx.match(text))

    def finditer(self, rx: re.Pattern, text: str, low: str | None = None) -> list[re.Match]:
        """`list(rx.finditer(text))`, remembered like `search`: found on the
        folded text without `re.I` where the pattern allows (`_case_free`), else
        on an ASCII sentence tried only where a match can begin
        (`scan.start_literals`, counting digits: "three areas", "2 areas")."""
        if not self.enabled:
            return list(rx.finditer(text))
        pattern = self._pattern(rx)
        key = ("finditer", id(rx), text)
        if key in self._memo:
            return self._memo[key]
        if low is None:
            low = self._fold(text)
        if low is not None and pattern.case_free is not None:
            return self._remember(key, self._case_free_finditer(pattern, text, low))
        starts = pattern.digit_starts if low is not None and low.isascii() else None
        matches = finditer_at(rx, text, low, starts) if starts else rx.finditer(text)
        return self._remember(key, list(matches))

    def may_end_with_area(self, text: str) -> bool:
        """False when `text` cannot be a bare area (`area_only`: an area alias,
        then perhaps a colon, then spaces to the end): most sentences end with
        a full stop, and the next sentence need not be read as a grade."""
        if not self.enabled or self.areas is None:
            return True
        last = text.rstrip()[-1:]
        return last == ":" or last in self._area_ends

    def may_be_grade_only(self, text: str) -> bool:
        """False when `text` cannot be a bare grade (`grade_only`): its first
        non-space character cannot begin a grade word."""
        if not self.enabled or self.grade_initials is None:
            return True
        first = _FIRST_CHARACTER.match(text)
        return first is not None and first.group(1) in self.grade_initials

    def positions(self, literals: Literals, s: str, low: str | None) -> list[int] | None:
        """`literals.positions(low)` for sentence `s`, once per sentence (None when `low` is)."""
        if low is None or not self.enabled:
            return None
        key = (literals, s)
        positions = self._memo.get(key)
        if positions is None:
            positions = self._remember(key, literals.positions(low))
        return positions

    def remembered(self, key: tuple, compute):
        """`compute()`, once per document for each `key` (which must say all it depends on)."""
        if key not in self._memo:
            return self._remember(key, compute())
        return self._memo[key]

    def _remember(self, key: tuple, value):
        if len(self._memo) > 4096:  # `_find` called on its own, sentence after sentence
            self._memo.clear()
        self._memo[key] = value
        return value

    def forget(self) -> None:
        """Drop the per-sentence results (called once per document)."""
        self._memo.clear()
        self._text = self._low = None
