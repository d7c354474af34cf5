"""Phrasing -> statistics: the numbers beside a figure that are not figures of their own.

Each case keeps the true statistics of the sentence and drops the trap
(corpora/ANNOTATION.md, "Statistics"): the earlier value of a change, a threshold
or period that qualifies another figure, grading scores, groups referred to,
ages, narrative time gaps, document furniture and rate bases.
"""

import pytest

from miner.nlp.statistics import find_statistics


def figures(sentence):
    return [(s.value, s.unit) for s in find_statistics(sentence)]


def assert_figures(sentence, expected):
    found = figures(sentence)
    assert len(found) == len(expected), found
    for (value, unit), (want_value, want_unit) in zip(found, expected):
        assert unit == want_unit
        assert value == pytest.approx(want_value, rel=0.01)


# A. The earlier value of a change is part of its one record, whatever comes between it and "to".
@pytest.mark.parametrize("sentence, expected, change", [
    ("Referrals fell from 1,530 in April 2022 to 1,210 in April 2024.", [(1210, "count")], (1530, 1210)),
    ("Open cases grew from 312 at the previous visit to more than 650.", [(650, "count")], (312, 650)),
    ("Caseloads have come down from 27 families to 19 since the restructure.", [(19, "count")], (27, 19)),
    ("The wait for an assessment fell from eight weeks to three weeks.", [(3, "weeks")], (8, 3)),
    ("Average response times went from 14 minutes in 2021 to 11 minutes in 2023.", [(11, "minutes")], (14, 11)),
    ("Staff sickness rose from 7.2 days per employee in 2020 to 9.6 days in 2022.", [(9.6, "days")], (7.2, 9.6)),
    ("Burglaries fell from 6.4 per 1,000 households in 2019 to 4.1 in the latest year.", [(4.1, "rate")], (6.4, 4.1)),
    ("Complaints rose from 88 in the year before our last visit to 131 in the last year.", [(131, "count")], (88, 131)),
    ("Missing episodes fell from over 40 a month to under 25.", [(25, "count")], (40, 25)),
    # The newer figure's own unit, the earlier one in it.
    ("The wait for a dentist fell from three weeks to ten days.", [(10, "days")], (21, 10)),
])
def test_change_is_one_record(sentence, expected, change):
    assert_figures(sentence, expected)
    stat = find_statistics(sentence)[0]
    assert (stat.change_from, stat.change_to) == pytest.approx(change)


def test_percentage_change_after_a_change_is_its_change_pct():
    sentence = "Arrests rose from 2,400 in June 2021 to 3,000 in June 2023, an increase of 25 per cent."
    (stat,) = find_statistics(sentence)
    assert (stat.value, stat.change_from, stat.change_pct) == (3000, 2400, 25)


# B. A threshold or period of another figure in its clause is that figure's measure or period.
@pytest.mark.parametrize("sentence, expected", [
    ("At the time of the visit, 212 referrals had waited for more than 48 hours.", [(212, "count")]),
    ("Only 58% of strategy discussions took place within three working days.", [(58, "percent")]),
    ("In four in ten files there had been no management oversight for more than two months.", [(0.4, "ratio")]),
    ("Some 35 per cent of staff had less than three years' experience.", [(35, "percent")]),
    ("Nearly 30% of children in care lived more than 25 miles from home.", [(30, "percent")]),
    ("The council placed 61 children for adoption in the previous 12 months.", [(61, "count")]),
    ("Violent incidents rose to 340 in the most recent 12 months.", [(340, "count")]),
    ("64% of children in long-term foster care had stayed with the same carers for at least two years.", [(64, "percent")]),
    # No other figure in the clause: the duration is the statistic.
    ("Many men spent more than 21 hours a day behind their doors.", [(21, "hours")]),
    ("Only 35% were in education, and callers often waited more than 15 minutes.", [(35, "percent"), (15, "minutes")]),
    ("The average wait was more than six minutes, and 14 per cent of callers hung up.", [(6, "minutes"), (14, "percent")]),
])
def test_threshold_qualifies_its_figure(sentence, expected):
    assert_figures(sentence, expected)


def test_threshold_stays_in_the_measure():
    (stat,) = find_statistics("At the time of the visit, 212 referrals had waited for more than 48 hours.")
    assert stat.measure == "referrals waited for more than 48 hours"  # the threshold is in the measure (ANNOTATION.md)


# C. Grading scores and their keys are gradings, not statistics.
@pytest.mark.parametrize("sentence, expected", [
    ("Scores: 4 = good; 3 = reasonably good; 2 = not sufficiently good; 1 = poor.", []),
    ("Each area is scored from 1 (poor) to 4 (good).", []),
    ("We rate each area from 4, the best, to 1, the worst.", []),
    ("Where 4 means outcomes are good, 3 reasonably good, 2 not sufficiently good and 1 poor.", []),
    ("Respect | 3 | Reasonably good", []),
    ("Resettlement scored 3 at this inspection.", []),
    ("Resettlement scored 3 at this inspection, and 412 men were released.", [(412, "count")]),
])
def test_grading_scores(sentence, expected):
    assert_figures(sentence, expected)


# D. A group the text refers to, and the parts of an inspection framework.
@pytest.mark.parametrize("sentence, expected", [
    ("Across the four trusts, waiting lists grew by 12 per cent.", [(12, "percent")]),
    ("All seven councils had vacancy rates above 20%.", [(20, "percent")]),
    ("Inspectors looked at eleven standards in the region's three prisons.", []),
    ("The biggest gain was in care leavers, up two grades.", []),
    ("Vandalism was found on three wings.", []),
    ("Inspectors examined the 43 forces' records.", [(43, "count")]),
    ("At the visit, five families were living in hostels.", [(5, "count")]),
])
def test_group_references(sentence, expected):
    assert_figures(sentence, expected)


# E. Ages are no statistics.
@pytest.mark.parametrize("sentence, expected", [
    ("Support for homeless 16 and 17-year-olds was weak.", []),
    ("The service helps 18 to 20-year-old care leavers, and 71% are in work.", [(71, "percent")]),
    ("Personal advisers stay in touch with care leavers until they are 25.", []),
    ("Falls among people over 75 have been reduced.", []),
    ("Plans for young people aged over 19 were not updated.", []),
])
def test_ages(sentence, expected):
    assert_figures(sentence, expected)


# F. Narrative time gaps in news.
@pytest.mark.parametrize("sentence, expected", [
    ("The council is now rated good, six years after it was judged inadequate.", []),
    ("Eighteen months on, the picture has changed.", []),
    ("The inspectorate has raised staffing for four years running.", []),
    ("The prison failed the test for the third inspection, two years in a row.", []),
])
def test_narrative_time_gaps(sentence, expected):
    assert_figures(sentence, expected)


# G. Document furniture: references, times, addresses, contents pages, numbered provisions.
@pytest.mark.parametrize("sentence, expected", [
    ("Reference: 91234.", []),
    ("Reference number: 10045123", []),
    ("Updated: 4 June 2024 14:30", []),
    ("Director of Children's Services, Town Hall 2 Exeter EX1 1AB", []),
    ("Help and protection for children 8 The experiences of care leavers", []),
    ("The trust breached regulations 9 (person-centred care) and 13 (safeguarding).", []),
    ("The use of outcome 15 (evidential difficulties) was high.", []),
    ("It answered 81 percent of priority (grade 1) calls on time.", [(81, "percent")]),
])
def test_document_furniture(sentence, expected):
    assert_figures(sentence, expected)


# H. The base of a rate, minutes and seconds, and years before 1900.
@pytest.mark.parametrize("sentence, expected", [
    ("The charge rate was 9 charges per 100 offences.", [(9, "rate")]),
    ("Figures are given per 1,000 population unless stated.", []),
    ("Calls per 1,000 population (2022/23) | 112.4 | 98.7", [(112.4, "rate"), (98.7, "rate")]),
    ("The average time to answer was 3 minutes 20 seconds.", [(200, "seconds")]),
    ("It took on average 2 hours and 15 minutes to attend.", [(135, "minutes")]),
    ("The hospital, opened in 1868, has 420 beds.", [(420, "count")]),
])
def test_rate_bases_and_compound_durations(sentence, expected):
    assert_figures(sentence, expected)


# A figure per member of staff is a rate; "more than N" is no comparison with the figure before.
@pytest.mark.parametrize("sentence, expected", [
    ("Youth justice workers carried 12 cases each, and 80% said they felt supported.", [(12, "rate"), (80, "percent")]),
    ("Each probation officer holds on average nine cases.", [(9, "rate")]),
    ("The panel reviews about 30 children each month.", [(30, "count")]),
    ("Inspectors reviewed 50 stalking cases in each force.", [(50, "count")]),
    ("Some 900 reports were unread, and some officers held more than 40 cases each.", [(900, "count"), (40, "rate")]),
])
def test_per_staff_figures(sentence, expected):
    assert_figures(sentence, expected)


@pytest.mark.parametrize("sentence, expected", [
    ("The service supports around 1,980 families.", [(1980, "count")]),
    ("Some 2,050 officers had been trained.", [(2050, "count")]),
    ("The scheme began in 2019 with 1,940 places.", [(1940, "count")]),
])
def test_thousands_separator_is_no_year(sentence, expected):
    assert_figures(sentence, expected)


@pytest.mark.parametrize("sentence, fraction", [
    ("More than half of its detectives were newly qualified.", "half"),
    ("Nearly a third of the referrals were repeats.", "a third"),
    ("Arrests fell by almost a quarter.", "a quarter"),
])
def test_fraction_starts_after_its_modifier(sentence, fraction):
    (stat,) = find_statistics(sentence)
    assert sentence[stat.start:].startswith(fraction)
