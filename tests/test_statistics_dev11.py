"""Phrasing -> statistics for the categories dev11 (a new author's set) exposed.

Each case is written afresh (no sentence of the corpus), with a trap beside the
true figures; each runs on the plain path and on the pipeline's fast path
(folded text, candidate offsets), which must agree (corpora/ANNOTATION.md, "Statistics").
"""

import pytest

from tests.test_statistics_dev12 import assert_figures, both_paths


# A. A from-to change whose earlier figure carries a "year to <month> <year>" period, or
# "an average of", is one record with the newer value.
@pytest.mark.parametrize("sentence, expected, change_from", [
    ("Positive outcomes dropped from 12.1 per cent in the year to June 2020 to 7.4 per cent in the year to June 2023.", [(7.4, "percent")], 12.1),
    ("Arrests rose from 3,410 in the year to September 2021 to 4,020.", [(4020, "count")], 3410),
    ("The team cut caseloads from an average of 31 families to 24.", [(24, "count")], 31),
    # trap: two figures joined by "to" with no "from" stay two figures
    ("Some 40 staff were moved to 12 new teams.", [(40, "count"), (12, "count")], None),
])
def test_from_to_across_a_period(sentence, expected, change_from):
    assert_figures(sentence, expected)
    assert both_paths(sentence)[0].change_from == change_from


# B. ", up 11 per cent" after a figure of another unit is that figure's percentage change.
@pytest.mark.parametrize("sentence, expected, pct", [
    ("The county spent £48m on home-to-school transport last year, up 14 per cent on 2022.", [(48e6, "gbp")], 14),
    ("Police recorded 7,260 thefts in 2024, down 9% in a year.", [(7260, "count")], 9),
    # trap: a percentage of its own after a percentage is not a change of it
    ("Around 62% of pupils attended, and 20% were persistently absent.", [(62, "percent"), (20, "percent")], None),
])
def test_change_percentage_joins_the_figure_before(sentence, expected, pct):
    assert_figures(sentence, expected)
    assert both_paths(sentence)[0].change_pct == pct


# C. Numbers that are no statistic: an age band named as a group, a category label,
# a phone number run into a web address, HMIP score rows and score keys, "make up" (no
# change), and when the inspectorate will next inspect.
@pytest.mark.parametrize("sentence, expected", [
    ("Girls are 23% of the 12 to 15 population but 35% of referrals.", [(23, "percent"), (35, "percent")]),
    ("Young adults in the 18-24 age group made up 40% of arrests.", [(40, "percent")]),
    ("The trust answered category 1 calls in 9 minutes on average.", [(9, "minutes")]),
    ("Call 0300 555 0192www.example.gov.uk for help.", []),
    ("Respect | 3 | 2", []),
    ("Purposeful activity | 1", []),
    ("Each test is graded on a scale where 4 is good and 1 is poor.", []),
    ("The council will be inspected again within two years.", []),
    ("A further monitoring visit may take place within approximately nine months.", []),
    # traps: a count in a table row of another label, a deadline set for the service, a real duration
    ("Children in care | 3 | 2", [(3, "count"), (2, "count")]),
    ("The provider must respond within 28 days.", [(28, "days")]),
    ("Every referral was screened within 24 hours.", [(24, "hours")]),
])
def test_not_statistics(sentence, expected):
    assert_figures(sentence, expected)


def test_make_up_is_no_change():
    stat = both_paths("Boys make up 64% of the caseload.")[0]
    assert (stat.value, stat.change_pct, stat.direction) == (64, None, None)


# D. A figure per member of staff written as a number word is a rate, as digits are.
@pytest.mark.parametrize("sentence, expected", [
    ("Caseloads average twelve families per social worker.", [(12, "rate")]),
    ("Each team has six practitioners, with caseloads of eight children per practitioner.", [(6, "count"), (8, "rate")]),
    # trap: a duration per member of staff keeps its unit
    ("Sickness absence was nine days per officer.", [(9, "days")]),
])
def test_number_word_rate(sentence, expected):
    assert_figures(sentence, expected)


# E. A benchmark the figure is compared with is a record of its own; an earlier value
# (no benchmark words after it) stays the change's `change_from`.
@pytest.mark.parametrize("sentence, expected, change_from", [
    ("Some 71% of plans were reviewed on time, compared with 80% across England.", [(71, "percent"), (80, "percent")], None),
    ("Just 44 per cent of victims were contacted, against 57 per cent nationally.", [(44, "percent"), (57, "percent")], None),
    ("The charge rate was 6.1 per cent, compared with 6.9 per cent across England and Wales.", [(6.1, "percent"), (6.9, "percent")], None),
    # trap: a comparison with the figure before is one record
    ("Some 71% of plans were reviewed on time, compared with 58% a year earlier.", [(71, "percent")], 58),
])
def test_benchmark_is_its_own_record(sentence, expected, change_from):
    assert_figures(sentence, expected)
    assert both_paths(sentence)[0].change_from == change_from


# F. A span after "within" or "under" qualifies a figure of its own clause only.
@pytest.mark.parametrize("sentence, expected", [
    ("About half of the men were unemployed, and most spent under three hours a day on the wings.", [(0.5, "ratio"), (3, "hours")]),
    # trap: in the same clause, the span is the first figure's threshold
    ("About 64% of the men were unlocked within two hours.", [(64, "percent")]),
])
def test_span_qualifies_its_own_clause(sentence, expected):
    assert_figures(sentence, expected)


# G. Framework parts and irregular plurals.
@pytest.mark.parametrize("sentence, expected", [
    ("The inspection covered four domains of practice.", []),
    ("Seven young people had moved placement.", [(7, "count")]),
    ("Inspectors tracked five children and spoke to twelve women.", [(5, "count"), (12, "count")]),
    # trap: a group referred back to is still no figure
    ("The two children had not been seen.", []),
])
def test_framework_and_irregular_plurals(sentence, expected):
    assert_figures(sentence, expected)


# H. Coverage: a comment on the figure after ", which" is not part of what the figure counts,
# so a benchmark record added to the report (E) leaves the caseload claim's match intact.
@pytest.mark.parametrize("sentence, text, expected", [
    ("Advisers had caseloads of up to 30 young people, which the report called too high.", "30 young people",
     "Advisers had caseloads of up to 30 young people"),
    # trap: a restrictive "which" (no comma) stays in the clause
    ("Some 12 homes which had closed reopened.", "12 homes", "Some 12 homes which had closed reopened."),
])
def test_coverage_clause_ends_before_a_comment(sentence, text, expected):
    from miner.coverage.claims import clause
    assert clause({"sentence": sentence, "text": text}) == expected
