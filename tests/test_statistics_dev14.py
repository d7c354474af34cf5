"""Phrasing -> statistics for the categories dev14 (a separate author's set: prisons, NHS
trusts, probation, a fire service) exposed.

Each case is written afresh (no sentence of the corpus), with a trap beside the true
figures; each runs on the plain path and on the pipeline's fast path, which must agree
(corpora/ANNOTATION.md, "Statistics").
"""

import pytest

from tests.test_statistics_dev12 import _figures, assert_figures, both_paths


# 1. Benchmarks and targets: a standard after a figure is a record of its own; a duration
# written as a unit-adjective of a target or a wait is a duration; "at similar prisons" is
# where a benchmark is for.
@pytest.mark.parametrize("sentence, expected", [
    ("Crews reached stroke patients in 41 minutes 12 seconds, against a national standard of 40 minutes.", [(2472, "seconds"), (40, "minutes")]),
    ("The unit missed the four-hour standard all winter.", [(4, "hours")]),
    ("The median was 52 minutes, nearly three times the 18-minute target.", [(52, "minutes"), (3, "multiplier"), (18, "minutes")]),
    ("Only 31% of the women felt safe, compared with 47% at comparable prisons.", [(31, "percent"), (47, "percent")]),
    # traps: a duration naming a period or a plan, a threshold inside another figure's measure,
    # and an earlier value of the same figure
    ("Half of callers waited longer than the four-hour standard.", [(0.5, "ratio")]),
    ("The trust agreed a three-year plan over a 12-month period.", []),
    ("Only 31% of the women felt safe, compared with 47% at the last inspection.", [(31, "percent")]),
])
def test_benchmarks_and_targets(sentence, expected):
    assert_figures(sentence, expected)


def test_a_benchmark_at_similar_prisons_is_no_earlier_value():
    ours, theirs = both_paths("Only 31% of the women felt safe, compared with 47% at comparable prisons.")
    assert (ours.change_from, theirs.change_from) == (None, None)
    assert theirs.measure.endswith("at comparable prisons")


# 2. Counts of graded items in words ("eight of the 30 cases", "one cause of concern",
# counts per judgement of recommendations just named), where a figure comes from ("from
# 22 stations" is no earlier value); no list item's number, no cell's crowding, no part
# of the framework.
@pytest.mark.parametrize("sentence, expected", [
    ("Risk was reassessed in eight of the 30 cases that needed it.", [(8, "count"), (30, "count")]),
    ("The visit followed up seven of the earlier recommendations.", [(7, "count")]),
    ("Inspectors saw good progress in two, some progress in four and no progress in one.", [(2, "count"), (4, "count"), (1, "count")]),
    ("Inspectors identified one cause of concern and nine areas for improvement.", [(1, "count"), (9, "count")]),
    ("The brigade covers 410,000 residents from 22 stations.", [(410000, "count"), (22, "count")]),
    # traps
    ("It was judged poor in three of the four healthy prison tests.", []),
    ("It was one of the busiest trusts.", []),
    ("Rooms built for two held three women during the summer.", []),
    ("1. recruit more staff 2. improve training for managers 4. publish the plan", []),
    ("Referrals rose to 640, up from 410 referrals.", [(640, "count")]),
])
def test_counts_of_graded_items(sentence, expected):
    assert_figures(sentence, expected)


# 3. Changes and benchmarks without a noun: "treble the number a year earlier" is the figure
# before's change; "above the 35 the board regards as safe" a rate after a rate; the next
# inspection "expected within" a span is the inspectorate's timetable.
def test_double_the_number_is_the_figures_change():
    (stat,) = both_paths("Some 3,400 people waited over four hours in May, treble the number a year earlier.")
    assert (stat.value, stat.unit, stat.change_pct, stat.direction) == (3400, "count", 200, "up")


@pytest.mark.parametrize("sentence, expected", [
    ("Officers held 61 cases each, far above the 35 the board regards as safe.", [(61, "rate"), (35, "rate")]),
    ("The next inspection is expected within nine months.", []),
    # traps: a plain multiplier against a target, a count after "above the" with a noun, a
    # deadline set for the inspected body
    ("Waits were twice the target.", [(2, "multiplier")]),
    ("Officers held 61 cases each, above the 35 cases in the plan.", [(61, "rate"), (35, "count")]),
    ("The trust must publish its plan within 20 working days.", [(20, "days")]),
])
def test_rates_and_the_timetable(sentence, expected):
    assert_figures(sentence, expected)


def test_a_population_given_before_is_not_repeated(extractor):
    # The base of a ratio ("places for a population of N") refers back to the figure given before.
    assert _figures(extractor, ["The prison holds 850 women.", "There were 300 jobs for a population of about 850."]) == [(850, "count"), (300, "count")]


def test_a_population_not_given_before_is_a_record(extractor):
    assert _figures(extractor, ["There were 300 jobs for a population of about 850."]) == [(300, "count"), (850, "count")]
