"""The literal prefilters (miner/nlp/scan.py) never change what a rule finds,
and a rule whose keywords are absent is never run."""

import random
import re

import pytest

from miner.nlp import gradings, inspection, scan, statistics
from miner.nlp.gradings import _GRADE_LITERALS
from miner.nlp.scan import SPECIAL_FOLDS, Literals, finditer_at, first_words, fold, search_at


class Spy:
    """A compiled pattern that counts the calls made on it."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.calls = 0

    def __getattr__(self, name):
        method = getattr(self.pattern, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return method(*args, **kwargs)

        return counted


WORDS = [
    "The", "force", "was", "rated", "inadequate", "good", "at", "investigating", "crime", "and", "responding", "to", "the",
    "public", "Children's", "services", "in", "Norfolk", "require", "improvement", "to", "be", "good", "ſafe", "KEEPING",
    "people", "safe", "İnspectors", "found", "ınadequate", "84.7", "per", "cent", "of", "calls", "£3.2m", "one", "in", "five",
    "a", "third", "doubled", "twenty-three", "01632", "960", "123", "+44", "(0)20", "0113 496 0000", "+44 20 7946 0000", "(01632) 960 123", "2023", "–", "’", "well-led", "overall",
    "Kelvin", "7", "areas", "only", "area", "where", "it", "requires", "improvement", "nearly", "half", ",", ".", ";",
    "HMICFRS", "Ofsted", "PEEL 2023–25", "Care Quality Commission", "HM Inspectorate of Prisons", "probation", "not", "no longer",
    "none of the nine areas", "overall", "judged", "up from", "from", "services", "the council", "the local authority", "‘good’",
    "all", "both", "nine", "tests", "was judged", "rated its", "response to the public", "as", "were", "in all four of the areas",
]


def random_sentences(count: int, seed: int = 7, *, words: list[str] = WORDS, longest: int = 30,
                     separators: tuple[str, ...] = (" ", " ", " ", "  ", ", ", "-", "")):
    """`count` reproducible jumbles of `words`: text no corpus holds, for checking a shortcut against the plain path."""
    rng = random.Random(seed)
    for _ in range(count):
        chosen = [rng.choice(words) for _ in range(rng.randint(1, longest))]
        joins = [rng.choice(separators) for _ in chosen]
        yield "".join(w + s for w, s in zip(chosen, joins)).strip()


SENTENCES = [
    "The force was rated inadequate at investigating crime and good at responding to the public.",
    "Children’s services in Norfolk require improvement to be good.",
    "Investigating crime was the only area where it ‘requires improvement’.",
    "The force answered 84.7 per cent of emergency calls within ten seconds, up from 62 per cent.",
    "One in five victims waited more than a week; call 01632 960123 or +44 (0)20 7946 0000.",
    "Nearly half of the 1,518 officers had doubled their caseload since 2021/22.",
    "ſafe and KEEPING PEOPLE SAFE were rated GOOD.",  # long s and upper case: the fold fallback
    "İnspectors found the Kelvin sign K in keeping people safe.",
    "",
    *random_sentences(1000),
    *(
        f"{lead}{area} {verb} the only area where it was {grade}."
        for lead in ("", "In 2023 ", "x")
        for area in ("Investigating crime", "KEEPING PEOPLE SAFE", "preventing crime", "leadership", "ſafe")
        for verb in ("was", "is")
        for grade in ("'inadequate'", "rated good", "judged to require improvement")
    ),
    *(
        f"{lead}{phrase}{tail}"
        for lead in ("", "In 2019 the force was ", "ſo ", "THE COUNCIL WAS ")
        for phrase in (
            "rated 'good' in two of nine areas, requires improvement in five and inadequate in all three",
            "not rated inadequate in any of the eight areas", "up from inadequate in 2021", "judged inadequate overall",
            "rated its response to the public as good", "good at investigating crime and preventing crime",
            "the local authority was judged to be inadequate", "failing in six of nine areas", "no longer inadequate in any area",
        )
        for tail in ("", ".", " according to HMICFRS and the Care Quality Commission.")
    ),
]


def test_fold_is_lower_case_with_the_same_offsets_or_none():
    assert fold("Rated GOOD – £3.2m, children’s") == "rated good – £3.2m, children’s"
    for special in ("ſafe", "\u212aeeping", "İnspectors", "ınadequate"):
        assert fold(special) is None
    for text in SENTENCES:
        low = fold(text)
        assert low is None or (len(low) == len(text) and low == text.lower())


def test_fold_agrees_with_its_plain_definition():
    """fold's fast tests (`in` scans, the UTF-16 size) decide as the plain
    ones do: no special fold, no character above U+FFFF, the same length."""

    def plain(text):
        if text.isascii() or SPECIAL_FOLDS.isdisjoint(text):
            low = text.lower()
            if len(low) == len(text) and (text.isascii() or max(text) < "\U00010000"):
                return low
        return None

    pieces = ["Word", " ", "’", "–", "\u00e9", "ſ", "\u212a", "İ", "ı", "\U0001f642", "\ud800", "\udfff", "\uffff", "\U00010000", "ﬁ", "Σ"]
    rng = random.Random(4)
    texts = ["", "ASCII only", "\U0001f642", "\ud800", "\uffff"] + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    for text in texts:
        assert fold(text) == plain(text), repr(text)
    assert fold("a\U0001f642b") is None and fold("a\ud800b") == "a\ud800b"


def test_literals_keep_the_shortest_prefix_and_find_every_occurrence():
    literals = Literals(["Building", "build", "care", "childcare"])
    assert literals.words == ("build", "care", "childcare")
    assert literals.positions("the childcare building builds care") == [4, 9, 14, 23, 30]
    assert literals.any_in("no such word") is False
    assert literals.any_in(None) is True  # text that could not be folded: the rule must run
    assert literals.any_in("childcare", 1, 9) is True and literals.any_in("childcare", 0, 4) is False


def test_literals_must_be_ascii_or_caseless():
    assert Literals(["£", "–"]).words == ("£", "–")
    with pytest.raises(ValueError, match="of ASCII or caseless characters"):
        Literals(["ſafe"])


def grading_extractor(extractor):
    grader = extractor.nlp.get_pipe("miner_gradings")
    if grader.scales is None:  # compiled on first use
        grader.initialize()
    return grader


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (statistics._CANDIDATE, statistics._CANDIDATE_STARTS),
        (statistics._CANDIDATE_DIGITS, statistics._CANDIDATE_STARTS),
        (statistics._PHONE, statistics._PHONE_STARTS),
        ("area_then_grade", "area_starts"),
        ("only_area", "area_starts"),
        ("area_regex", "area_starts"),
        ("count_of", gradings._GRADE_STARTS),
        ("grade_then_area", gradings._GRADE_STARTS),
        ("rated_area_as", gradings._JUDGED_STARTS),
        ("overall", gradings._OVERALL_STARTS),
        ("unqualified", gradings._UNQUALIFIED_STARTS),
        ("up_from", gradings._UP_FROM_STARTS),
        ("zero_count", gradings._NO_STARTS),
        (inspection._ANY_INSPECTORATE, inspection._INSPECTORATE_STARTS),
        (inspection._PEEL_ROUND, inspection._PEEL_STARTS),
    ],
)
def test_finditer_at_equals_finditer(extractor, pattern, starts):
    grader = grading_extractor(extractor)
    if isinstance(pattern, str):
        pattern = grader.scales.area_regex if pattern == "area_regex" else getattr(grader, pattern)
        starts = getattr(grader, starts) if isinstance(starts, str) else starts
    compared = 0
    for text in SENTENCES:
        low = fold(text)
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in finditer_at(pattern, text, low, starts)] == expected, text
        compared += bool(expected)
        for pos, endpos in ((3, len(text)), (0, len(text) // 2)):
            expected = [m.span() for m in pattern.finditer(text, pos, endpos)]
            assert [m.span() for m in finditer_at(pattern, text, low, starts, pos, endpos)] == expected, text
        first, found = pattern.search(text), search_at(pattern, text, low, starts)
        assert (found.span() if found else None) == (first.span() if first else None)
    assert compared > 10  # the inputs exercise the patterns, not only their absence


def test_a_rule_whose_keywords_are_absent_is_never_run():
    spy = Spy(statistics._CANDIDATE_DIGITS)
    text = "Inspectors were pleased with the progress made by the team."
    assert list(finditer_at(spy, text, fold(text), statistics._CANDIDATE_STARTS)) == []
    assert spy.calls == 0
    assert [m.group(0) for m in finditer_at(spy, "It rose by 12 per cent.", fold("It rose by 12 per cent."), statistics._CANDIDATE_STARTS)] == ["12 per cent"]
    assert spy.calls == 1  # tried once, at the digit


def test_grading_rules_are_not_tried_on_sentences_without_their_keywords(extractor, monkeypatch):
    grader = grading_extractor(extractor)
    spies = {name: Spy(getattr(grader, name)) for name in ("area_then_grade", "only_area")}
    for name, spy in spies.items():
        monkeypatch.setattr(grader, name, spy)
    without = "Inspectors judged it inadequate."
    assert not grader.area_starts.any_in(fold(without)) and _GRADE_LITERALS.any_in(fold(without))
    grader._find(without)
    assert spies["area_then_grade"].calls == 0 and spies["only_area"].calls == 0
    found = grader._find("Investigating crime was the only area where it was judged inadequate.")
    assert spies["area_then_grade"].calls > 0 and spies["only_area"].calls > 0
    assert [(f.grade, f.area) for f in found] == [("inadequate", "Investigating crime")]


def test_first_words_cut_at_apostrophes_and_hyphens():
    assert first_words(["children's services", "well-led", "Overall effectiveness"]) == {"children", "well", "overall"}


def test_special_folds_are_the_characters_re_ignorecase_adds():
    assert scan.SPECIAL_FOLDS == scan._special_folds() == {"ſ", "\u212a", "ı", "İ"}
    assert re.fullmatch("s", "ſ", re.I) and not re.fullmatch("s", "ś", re.I)


def test_occurrences_in_one_pass_equal_a_find_per_word():
    # Enough words that a sentence is read in one Aho-Corasick pass (`Literals._one_pass`).
    literals = Literals(first_words(gradings.Scales.default().area_aliases) | {"’", "£", "good"})
    compared = 0
    for text in SENTENCES + [" ".join(SENTENCES)]:
        low = fold(text)
        if low is None:
            continue
        for start, end in ((3, len(low) - 5), (len(low), len(low)), (0, len(low))):
            by_find = sorted((i, w) for w in literals.words for i in range(start, end) if low.startswith(w, i) and i + len(w) <= end)
            assert literals.occurrences(low, start, end) == by_find, text
            assert literals.positions(low, start, end) == [i for i, _ in by_find]
        compared += literals._one_pass(low, 0, len(low)) and bool(by_find)  # over the whole text
    assert compared > 10  # the one-pass path was taken, and found words
