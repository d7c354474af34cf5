"""Phrasing -> statistics: value, unit, change, and the traps that are not statistics."""

import pytest

from miner.nlp.statistics import find_statistics


def figures(sentence):
    return [(s.value, s.unit) for s in find_statistics(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("Officers recorded 12,408 crimes last year.", [(12408, "count")]),
    ("The force answered 85.7 per cent of emergency calls within ten seconds.", [(85.7, "percent")]),
    ("Satisfaction fell by 4 percentage points.", [(4, "percentage_points")]),
    ("Only 62% of victims were kept informed.", [(62, "percent")]),
    ("The programme cost £3.2m.", [(3_200_000, "gbp")]),
    ("The control room handled 1.4 million calls.", [(1_400_000, "count")]),
    ("One in four victims withdrew their support.", [(0.25, "ratio")]),
    ("Nine out of ten callers were satisfied.", [(0.9, "ratio")]),
    ("A third of investigations had no plan.", [(0.3333, "ratio")]),
    ("Nearly half of all domestic abuse cases were closed without charge.", [(0.5, "ratio")]),
    ("Arrests for knife crime doubled.", [(2, "multiplier")]),
    ("There were 52.3 crimes per 1,000 people in 2022/23.", [(52.3, "rate")]),
    # A caseload is a rate of people to staff; a duration per officer stays a duration.
    ("Caseloads were manageable, at an average of 16 children per worker.", [(16, "rate")]),
    ("Some had more than 25 children per social worker in 2019.", [(25, "rate")]),
    ("Sickness absence rose to 10.4 days per officer.", [(10.4, "days")]),
    ("Each officer carried 14 investigations.", [(14, "count")]),
    ("The force flagged fewer than three in every 1,000 incidents.", [(3, "rate")]),
    ("The council runs nine children's homes of its own.", [(9, "count")]),
])
def test_figures(sentence, expected):
    found = figures(sentence)
    assert len(found) == len(expected)
    for (value, unit), (want_value, want_unit) in zip(found, expected):
        assert unit == want_unit
        assert value == pytest.approx(want_value, rel=0.01)


@pytest.mark.parametrize("sentence", [
    "Call 999 in an emergency or 101 to report a crime.",
    "Since 2015 the force has changed its approach.",
    "The PEEL 2023–25 programme began in April.",
    "Published 7 February 2025. 4 min read",
    "See paragraph 12 and page 4 of the report.",
    "Read the full report at www.justiceinspectorates.gov.uk/hmicfrs/2023/report-14.pdf",
    "For press enquiries call 0300 071 6876.",
    "Young people aged 16 and 17 who become homeless are helped quickly.",
    "The inspection took place between 7 and 18 November 2022.",
])
def test_not_statistics(sentence):
    assert figures(sentence) == []


def test_change_from_to_is_one_figure_with_its_percentage():
    [stat] = find_statistics("Referrals rose from 2,860 in 2021-22 to 3,540 in 2023-24, up 24 per cent.")
    assert (stat.value, stat.unit, stat.change_from, stat.change_to, stat.direction, stat.change_pct) == (3540, "count", 2860, 3540, "up", 24)


def test_comparison_attaches_to_the_figure_it_qualifies():
    [stat] = find_statistics("In August, 82% of patients were assessed within 15 minutes, compared with 49% at our previous inspection.")
    assert (stat.value, stat.change_from, stat.change_to, stat.direction) == (82, 49, 82, "up")


def test_down_from():
    [stat] = find_statistics("The charge rate fell to 5.2 per cent, down from 9.8 per cent the year before.")
    assert (stat.value, stat.unit, stat.change_from, stat.change_to, stat.direction) == (5.2, "percent", 9.8, 5.2, "down")


def test_part_of_a_whole():
    stats = find_statistics("Some 312 officers in the 8,500-strong force were on restricted duties.")
    assert [(s.value, s.unit) for s in stats] == [(312, "count"), (8500, "count")]
    assert stats[0].measure.startswith("officers")


@pytest.mark.parametrize("sentence, measure", [
    ("The number of children on child protection plans rose from 142 in 2020 to 196 in 2022.", "children on child protection plans"),
    ("The force answered 84.7 per cent of emergency calls within ten seconds.", "emergency calls answered within ten seconds"),
    ("Recorded domestic abuse crimes in the county rose by 38 per cent.", "Recorded domestic abuse crimes in the county"),
])
def test_measure(sentence, measure):
    assert find_statistics(sentence)[0].measure == measure


def test_period_of_a_change():
    [stat] = find_statistics("Violent crime was up 38 per cent in three years.")
    assert (stat.value, stat.direction, stat.change_pct, stat.period) == (38, "up", 38, "three years")
