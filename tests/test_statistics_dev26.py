"""Phrasing -> statistics for the categories dev26 (a new author's set) exposed.

Each case is written afresh (no sentence of the corpus), with a trap beside the
true figures; sentences run on the plain path and on the pipeline's fast path
(folded text, candidate offsets), which must agree (corpora/ANNOTATION.md, "Statistics").
"""

import pytest

from miner.nlp.scan import fold
from miner.nlp.statistics import candidate_offsets, find_statistics


def both_paths(sentence):
    plain = find_statistics(sentence)
    low = fold(sentence)
    fast = find_statistics(sentence, low=low, offsets=(candidate_offsets(low, [0]) if low is not None else None, None))
    key = [(s.start, s.end, s.value, s.unit) for s in plain]
    assert key == [(s.start, s.end, s.value, s.unit) for s in fast], sentence
    return [(s.value, s.unit) for s in plain]


# 1. A healthy prison test's score in a table row, with the prison's cell before the
# test's or not, is a grade, no count ("HMP Ashdown | Respect | 2 | 3").
@pytest.mark.parametrize("sentence, expected", [
    ("HMP Ashdown | Respect | 2 | 3", []),
    ("HMYOI Brookfell | Purposeful activity | 4 | 1", []),
    ("HMP Carrow Vale | Rehabilitation and release planning | 3 | 3 |", []),
    ("Preparation for release | 2 | 1", []),
    # traps: a row of counts under another heading, and a row with a number outside 1-4 (no score row), stay figures
    ("HMP Ashdown | Self-harm incidents | 214 | 180", [(214, "count"), (180, "count")]),
    ("HMP Ashdown | Safety | 7 | 2", [(7, "count"), (2, "count")]),
])
def test_score_table_rows_after_a_prison_cell(sentence, expected):
    assert both_paths(sentence) == expected


# 2 (document). A headline's span of time restates the body's figure or is a gap
# ("Fourteen days to answer the chief inspector"); the body's figure is the record.
# A heading that leads into a list keeps its deadline.
def _figures(extractor, blocks):
    from miner.document import DocumentBuilder
    from miner.nlp.context import span_offsets, span_values

    builder = DocumentBuilder()
    for kind, text in blocks:
        builder.add(kind, text)
    doc = extractor.doc(builder.build("text/plain", title="A prison"))
    return [tuple(span_values(doc, start, end, ("value", "unit"))) for start, end in span_offsets(doc, "statistics")]


@pytest.mark.parametrize("headline", [
    "Fourteen days to answer the chief inspector",
    "Young people wait up to three years for a bed, inspectors find",
    "Twelve months on: how the jail has changed",
])
def test_headline_durations_are_no_records(extractor, headline):
    body = "The minister must reply within 14 days, and 31 per cent of men said they felt unsafe."
    assert _figures(extractor, [("heading", headline), ("paragraph", body)]) == [(14, "days"), (31, "percent")]


def test_headline_keeps_its_percentage_and_a_lead_in_keeps_its_deadline(extractor):
    # traps: a headline's percentage is no count or span of time; a list's lead-in is no headline
    blocks = [("heading", "Violence up 40 per cent at the jail"), ("heading", "Within six months, the prison should:"),
              ("paragraph", "- reduce the supply of drugs.")]
    assert _figures(extractor, blocks) == [(40, "percent"), (6, "months")]


# 3. "a ratio of 1 to N" is how many there are per one: one rate of N, not two counts.
@pytest.mark.parametrize("sentence, expected", [
    ("The unit ran with an officer-to-prisoner ratio of 1 to 14 on most nights.", [(14, "rate")]),
    ("Its ratio of 1 to 6.5 was the lowest of the four sites, and 12 posts were empty.", [(6.5, "rate"), (12, "count")]),
    # traps: a range of counts with no "ratio of", and a ratio not of one, stay as written
    ("Officers worked 1 to 3 extra shifts a month.", [(1, "count"), (3, "count")]),
    ("The ratio of 2 to 7 held.", [(2, "count"), (7, "count")]),
])
def test_a_ratio_of_one_to_n_is_one_rate(sentence, expected):
    assert both_paths(sentence) == expected


# 4. A change written as a noun phrase of its own after a figure ("an increase of 6 per cent
# since 2021") is a percent record of its own (ANNOTATION.md, as the peel and ofsted golds
# have it); "up 6 per cent" after a figure of another unit is that figure's change.
@pytest.mark.parametrize("sentence, expected", [
    ("The service employed 2,480 staff in June, an increase of 6 per cent since 2021.", [(2480, "count"), (6, "percent")]),
    ("The hub took 41,300 calls, a fall of 4 per cent on the year before.", [(41300, "count"), (4, "percent")]),
    # trap: the adverb form is the figure's change, one record
    ("The service employed 2,480 staff in June, up 6 per cent on 2021.", [(2480, "count")]),
])
def test_a_change_after_a_figure(sentence, expected):
    assert both_paths(sentence) == expected


# 5. "varies from X in one place to Y in another" is a spread across places: two figures,
# no change from the one to the other.
@pytest.mark.parametrize("sentence, expected", [
    ("Spending per pupil varies from £4,310 in the county's north to £5,020 in its towns.", [(4310, "gbp"), (5020, "gbp")]),
    ("Waiting lists ranged from 14 weeks at one clinic to 40 weeks at another.", [(14, "weeks"), (40, "weeks")]),
    # trap: a change over time from one value to another is one record
    ("Waiting lists grew from 14 weeks in 2021 to 40 weeks in 2024.", [(40, "weeks")]),
])
def test_a_spread_across_places_is_two_figures(sentence, expected):
    assert both_paths(sentence) == expected
