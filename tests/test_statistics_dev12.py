"""Phrasing -> statistics for the categories dev12 and dev13 (two new authors' sets) exposed.

Each case is written afresh (no sentence of the corpus), with a trap beside the
true figures; each runs on the plain path and on the pipeline's fast path
(folded text, candidate offsets), which must agree (corpora/ANNOTATION.md, "Statistics").
"""

import pytest

from miner.nlp.scan import fold
from miner.nlp.statistics import candidate_offsets, find_statistics


def both_paths(sentence):
    plain = find_statistics(sentence)
    low = fold(sentence)
    fast = find_statistics(sentence, low=low, offsets=(candidate_offsets(low, [0]) if low is not None else None, None))
    key = [(s.start, s.end, s.value, s.unit, s.change_from, s.change_to, s.change_pct, s.direction) for s in plain]
    assert key == [(s.start, s.end, s.value, s.unit, s.change_from, s.change_to, s.change_pct, s.direction) for s in fast], sentence
    return plain


def assert_figures(sentence, expected):
    found = [(s.value, s.unit) for s in both_paths(sentence)]
    assert len(found) == len(expected), found
    for (value, unit), (want_value, want_unit) in zip(found, expected):
        assert unit == want_unit, found
        assert value == pytest.approx(want_value, rel=0.01), found


# 1. A figure "for every 10,000" is a rate, as "per 10,000" is; a benchmark beside it
# ("a national rate of 58", "73 per 10,000 across England", "of care leavers nationally",
# "across London") is a record of its own, not the figure's earlier value.
@pytest.mark.parametrize("sentence, expected", [
    ("Leeds had 41 young people remanded for every 10,000, against a national rate of 28.", [(41, "rate"), (28, "rate")]),
    ("The county looks after 61 children in every 10,000, compared with 73 per 10,000 across England.", [(61, "rate"), (73, "rate")]),
    ("There were 48 children on plans, a rate of 35 per 10,000 children, compared with 42 per 10,000 nationally.",
     [(48, "count"), (35, "rate"), (42, "rate")]),
    ("Some 64% of its care leavers are in work, compared with 55% of care leavers nationally.", [(64, "percent"), (55, "percent")]),
    ("A fifth of reviews were late, compared with 9 per cent across London.", [(0.2, "ratio"), (9, "percent")]),
    # traps: an earlier value of the same rate is its change, and one of the same figure's noun;
    # "a rate of" with no rate before it stays as written
    ("The rate was 64 per 10,000, up from 59 per 10,000 in 2022.", [(64, "rate")]),
    ("Some 71% of plans were on time, compared with 80% of plans at the last visit.", [(71, "percent")]),
    ("A rate of 12 is high for a city of 10,000 people.", [(12, "count"), (10000, "count")]),
])
def test_rates_and_their_benchmarks(sentence, expected):
    assert_figures(sentence, expected)


def test_benchmark_is_no_change_and_an_earlier_value_is():
    county, england = both_paths("The county looks after 61 children in every 10,000, compared with 73 per 10,000 across England.")
    assert (county.change_from, england.change_from) == (None, None)
    assert england.measure.endswith("across England")
    leeds, national = both_paths("Leeds had 41 young people remanded for every 10,000, against a national rate of 28.")
    assert national.measure == "national rate of young people remanded"
    (rate,) = both_paths("The rate was 64 per 10,000, up from 59 per 10,000 in 2022.")
    assert (rate.change_from, rate.change_to, rate.direction) == (59, 64, "up")


# 2. Score scales in words and score rows of any healthy prison test are gradings.
@pytest.mark.parametrize("sentence, expected", [
    ("A score of three means that outcomes are reasonably good, and two means they are not sufficiently good.", []),
    ("Inspectors mark every test from 4, meaning good, down to 1, meaning poor.", []),
    ("Preparation for release | 1 | 2", []),
    ("Rehabilitation and release planning | 3 | 3", []),
    # traps: a table row of another label keeps its counts; "meaning" after a noun is no score key
    ("Releases on licence | 14 | 9", [(14, "count"), (9, "count")]),
    ("Inspectors spoke to four men, meaning good coverage of the wing.", [(4, "count")]),
])
def test_score_scales(sentence, expected):
    assert_figures(sentence, expected)


# 3. A rating's points are a grading score; a score out of 100 stays a rate (CQC's).
@pytest.mark.parametrize("sentence, expected", [
    ("The youth justice service was rated good, with a score of 21 out of 33.", []),
    ("Overall, the unit scored 8 out of a possible 27 points.", []),
    ("Ratings: Score 11/30", []),
    # traps: a score out of 100, and a plain "X out of N" share
    ("Score for this key question: 64 out of 100.", [(64, "rate")]),
    ("Eight out of ten families said they felt listened to.", [(0.8, "ratio")]),
])
def test_rating_points(sentence, expected):
    assert_figures(sentence, expected)


# 4. Number words: any modifiers before the plural noun, a number word standing for a
# noun just named, "one in ten of ...", and "twice".
@pytest.mark.parametrize("sentence, expected", [
    ("Sefton is one of six Merseyside councils to be inspected this year.", [(6, "count")]),
    ("The region has twelve youth offending teams.", [(12, "count")]),
    ("Inspectors set out seven areas for improvement and two recommendations.", [(7, "count"), (2, "count")]),
    ("Nine homes were checked; four have since closed.", [(9, "count"), (4, "count")]),
    ("Roughly one in eight of the calls was abandoned.", [(0.125, "ratio")]),
    ("It has 900 staff, one in three of whom joined last year.", [(900, "count"), (0.333, "ratio")]),
    ("Use of force was almost twice that in comparable forces.", [(2, "multiplier")]),
    # traps: framework parts with two modifiers, a group referred back to, scores, twice a year
    ("The prison is judged against four healthy prison tests.", []),
    ("The two were closed in the spring.", []),
    ("It scored 1 in two of the four tests.", []),
    ("The board meets twice a year.", []),
    ("Three is reasonably good.", []),
    ("Only children under the age of five are screened.", []),
    ("Seven assessments in the sample were late.", [(7, "count")]),
    ("The force was rated good in five areas.", []),
])
def test_number_words(sentence, expected):
    assert_figures(sentence, expected)


def test_a_rate_base_in_words_is_no_count():
    assert 10 not in [s.value for s in both_paths("Offending stood at 9.1 per ten thousand children.")]


# 5. Durations: the length of an inspection, a delay in days, no distances, and a threshold
# inside another figure's measure.
@pytest.mark.parametrize("sentence, expected", [
    ("We inspected the service over three weeks in March 2025.", [(3, "weeks")]),
    ("Some victims waited over nine months for a charging decision.", [(9, "months")]),
    ("One referral was allocated eleven days after it was received.", [(11, "days")]),
    ("Reports sat in a queue for more than 36 hours before anyone read them.", [(36, "hours")]),
    ("Some families waited over six weeks before a worker was allocated.", [(6, "weeks")]),
    # traps: spans of time that qualify a figure, gaps in years, distances
    ("The budget grew by £4m over three years.", [(4e6, "gbp")]),
    ("Caseloads fell over the following two years.", []),
    ("The home reopened three years after it was closed.", []),
    ("Three weeks before the inspection, the council moved its front door.", []),
    ("The new panel first met two days before the start of the visit.", []),
    ("There are too few foster homes for children over 11 years.", []),
    ("Young people who are over 21 years can still ask for help.", []),
    ("Most children live within 15 miles of the town.", []),
    ("Some 28% of children were placed more than 15 miles away.", [(28, "percent")]),
    ("Nearly half of the boys were locked up for at least 23 hours a day.", [(0.5, "ratio")]),
    # a comment after ", which" is a clause of its own: its span qualifies no figure before it
    ("Inspectors saw 120 families during the visit, which lasted over two weeks.", [(120, "count"), (2, "weeks")]),
])
def test_durations(sentence, expected):
    assert_figures(sentence, expected)


# 6. A change is one record: an earlier figure in a clause of its own, a percentage change
# before its figure, and one after a period such as "this year".
@pytest.mark.parametrize("sentence, starts, value, unit, change_from, change_pct, direction", [
    ("Waiting lists, which stood at 340 families at the last inspection, have fallen to 210.", "340", 210, "count", 340, None, "down"),
    ("Agency staff numbered 58 in 2021 and have since risen to 75.", "58", 75, "count", 58, None, "up"),
    ("Staff numbers have grown by 14 per cent since 2020, to 2,350.", "14", 2350, "count", None, 14, "up"),
    ("Spending has fallen by 8 per cent in two years, to £31m.", "8", 31e6, "gbp", None, 8, "down"),
    ("Exclusions fell from 212 in 2021 to 180 this year, a drop of 15 per cent.", "212", 180, "count", 212, 15, "down"),
])
def test_change_is_one_record(sentence, starts, value, unit, change_from, change_pct, direction):
    (stat,) = both_paths(sentence)
    assert (stat.unit, stat.change_from, stat.direction) == (unit, change_from, direction)
    assert stat.value == pytest.approx(value)
    assert stat.change_to == pytest.approx(value)
    if change_pct is not None:
        assert stat.change_pct == pytest.approx(change_pct)
    assert sentence[stat.start:].startswith(starts + " ")


@pytest.mark.parametrize("sentence, expected", [
    # traps: two figures of different things, and a percentage of its own before "to"
    ("There were 340 referrals at the last inspection, and assessments have risen to 210.", [(340, "count"), (210, "count")]),
    ("Around 14 per cent of staff moved to 12 new teams.", [(14, "percent"), (12, "count")]),
])
def test_separate_figures_stay_separate(sentence, expected):
    assert_figures(sentence, expected)


# 3 (document). The base of "X of the N" is a record unless the document gave it before.
def _figures(extractor, blocks):
    from miner.document import DocumentBuilder
    from miner.nlp.context import span_offsets, span_values

    builder = DocumentBuilder()
    for text in blocks:
        builder.add("paragraph", text)
    doc = extractor.doc(builder.build("text/plain", title="A probation delivery unit"))
    return [tuple(span_values(doc, start, end, ("value", "unit"))) for start, end in span_offsets(doc, "statistics")]


def test_base_given_before_is_not_repeated(extractor):
    assert _figures(extractor, ["We inspected 64 cases.", "Risk was not reviewed in 20 of the 64 cases."]) == [(64, "count"), (20, "count")]


def test_base_not_given_before_is_a_record(extractor):
    assert _figures(extractor, ["Risk was not reviewed in 20 of the 64 cases we looked at."]) == [(20, "count"), (64, "count")]


def test_figure_at_a_paragraph_start_after_a_word(extractor):
    # "In 14 cases" opens its paragraph: a figure, unlike a numbered paragraph's "12".
    assert _figures(extractor, ["In 14 cases, the plan was late.", "12 The council has a plan."]) == [(14, "count")]


def test_base_given_before_must_count_the_same_thing(extractor):
    # trap: an earlier 10 of another noun is not the base it refers back to
    assert _figures(extractor, ["The county has 10 teams.", "It was one of the 10 councils to pilot the model."]) == [(10, "count"), (10, "count")]
