"""Prefilters for `miner_gradings` (miner/nlp/gradings.py): cheap checks that
say where its patterns can match, so that the long case-insensitive
alternations (the ~200 area aliases are in most of them) run only there.

Like `miner.nlp.scan`, a gate may say "maybe" wrongly but never "no" wrongly:
the records are the same with the gates off (`GradingGates(..., enabled=False)`,
which tests/test_grading_gates.py compares over the corpus). Each gate works
on the folded sentence (`scan.fold`) and says "maybe" when there is none.
"""

from __future__ import annotations

import re

from miner.nlp.scales import Scales, _alias_regex
from miner.nlp.scan import SPECIAL_FOLDS, Literals, PhraseStarts, finditer_at, fold, required_literals, search_at, start_literals

# `row`, `row_prefix` and `area_only` match an area after at most this lead:
# `^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?`, whose ends never pass this one's.
_ROW_LEAD = re.compile(r"[\s\d.]*(?:the\s+)?(?:(?:previous|last|earlier|prior)\s+)?")  # as `row` reads them
_FIRST_CHARACTER = re.compile(r"\s*(\S)")
# Every match of `across` contains one of these nouns.
_ACROSS_NOUNS = Literals(["areas", "categories", "questions", "pillar", "tests", "standards"])  # "pillar": "three-pillar"


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
        # Where a grade word (GRADE_PATTERN or the failing words) can start.
        words = [re.sub(r"\\(.)", r"\1", a) for a in f"{grade_pattern}|{extra_grades}".split("|")]
        self.grade_starts = Literals(w.split()[0] for w in words) if all(re.fullmatch(r"[a-z ]+", w) for w in words) else None
        # Characters a grade word can begin with, in any case (and the ones
        # `re.I` folds to ASCII letters: fold() would give up on them).
        self.grade_initials = (
            frozenset(c for w in self.grade_starts.words for c in (w[0], w[0].upper())) | SPECIAL_FOLDS if self.grade_starts else None
        )
        self._memo: dict = {}
        self._needs: dict = {}  # pattern -> its `required_literals` (or ())
        self._starts: dict = {}  # pattern -> its `start_literals` with ASCII digits (or None)

    def area_positions(self, s: str, low: str | None) -> list[int] | None:
        """The offsets in sentence `s` where an area alias may start, for
        `finditer_at(..., offsets=...)`; None when unknown (try everywhere)."""
        if self.areas is None or low is None:
            return None
        key = ("areas", s)  # the driver and `_find` ask for the same sentence
        positions = self._memo.get(key)
        if positions is None:
            positions = self._remember(key, self.areas.positions(low))
        return positions

    def area_word_positions(self, s: str, low: str | None) -> list[int] | None:
        """Like `area_positions`, only at the start of a word: the offsets for
        `scales.area_regex`, which is bounded by `(?<![\\w-])`."""
        if self.areas is None or low is None:
            return None
        key = ("area words", s)
        positions = self._memo.get(key)
        if positions is None:
            positions = self._remember(key, self.areas.word_positions(low))
        return positions

    def has_area(self, s: str, low: str | None) -> bool:
        """`bool(scales.area_regex.search(s))`, trying at each word start where a
        phrase begins only the phrases of that first word."""
        positions = self.area_word_positions(s, low)
        if positions is None:
            return self.scales.area_regex.search(s) is not None
        word_at = self.areas.word_at
        return any(self._area_by_word[word_at(low, p)].match(s, p) for p in positions)

    def may_lead_with_area(self, s: str, low: str | None) -> bool:
        """Whether a pattern anchored at the start that reads an optional
        number and "the" before an area (`row`, `row_prefix`, `area_only`) can match."""
        positions = self.area_positions(s, low)
        if positions is None:
            return True
        return bool(positions) and positions[0] <= _ROW_LEAD.match(low).end()

    def grade_word(self, rx: re.Pattern, s: str, low: str | None) -> re.Match | None:
        """`rx.search(s)` for the grade-word pattern, tried only where a grade word starts."""
        if not self.enabled or self.grade_starts is None:
            return rx.search(s)
        return search_at(rx, s, low, self.grade_starts)

    def across(self, rx: re.Pattern, s: str, low: str | None) -> re.Match | None:
        """`rx.search(s)` for the `across` pattern (how many areas were graded),
        once per sentence, and only where one of its nouns occurs."""
        if not self.enabled:
            return rx.search(s)
        key = ("across", s)
        if key not in self._memo:
            return self._remember(key, rx.search(s) if _ACROSS_NOUNS.any_in(low) else None)
        return self._memo[key]

    def _may_match(self, rx: re.Pattern, text: str) -> bool:
        """False only when `rx` cannot match in `text`: a word it needs is absent."""
        needs = self._needs.get(rx)
        if needs is None:
            needs = self._needs[rx] = required_literals(rx) or ()
        if not needs:
            return True
        low = fold(text)
        return all(words.any_in(low) for words in needs)

    def search(self, rx: re.Pattern, text: str, pos: int = 0, *, gate: bool = False) -> re.Match | None:
        """`rx.search(text, pos)`, remembered for the document (the same clause
        or sentence is asked about once per grading in it); with `gate`, skipped
        when a word the pattern needs is absent (`scan.required_literals`),
        which pays only for a costly pattern that rarely matches."""
        if not self.enabled:
            return rx.search(text, pos)
        key = ("search", rx, text, pos)
        if key in self._memo:
            return self._memo[key]
        return self._remember(key, rx.search(text, pos) if not gate or self._may_match(rx, text) else None)

    def match(self, rx: re.Pattern, text: str) -> re.Match | None:
        """`rx.match(text)`, remembered like `search`."""
        if not self.enabled:
            return rx.match(text)
        key = ("match", rx, text)
        if key in self._memo:
            return self._memo[key]
        return self._remember(key, rx.match(text))

    def finditer(self, rx: re.Pattern, text: str, low: str | None = None) -> list[re.Match]:
        """`list(rx.finditer(text))`, remembered like `search`; given the
        folded text of an ASCII sentence, tried only where a match can begin
        (`scan.start_literals`, counting digits: "three areas", "2 areas")."""
        if not self.enabled:
            return list(rx.finditer(text))
        key = ("finditer", rx, text)
        if key in self._memo:
            return self._memo[key]
        starts = None
        if low is not None and low.isascii():
            starts = self._starts.get(rx, False)
            if starts is False:
                starts = self._starts[rx] = start_literals(rx, ascii_digits=True)
        matches = finditer_at(rx, text, low, starts) if starts else rx.finditer(text)
        return self._remember(key, list(matches))

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
