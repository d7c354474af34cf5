"""Phrasing -> statistics for the categories dev34 and dev31 (new authors' sets) exposed.

Each case is written afresh (no sentence of the corpus), with a trap beside the true
figures (corpora/ANNOTATION.md, "Statistics").
"""

import pytest

from miner.nlp.statistics import find_statistics


def _figures(extractor, blocks):
    from miner.document import DocumentBuilder
    from miner.nlp.context import span_offsets, span_values

    builder = DocumentBuilder()
    for kind, text in blocks:
        builder.add(kind, text)
    doc = extractor.doc(builder.build("application/pdf", title="A briefing"))
    return [tuple(span_values(doc, start, end, ("value", "unit"))) for start, end in span_offsets(doc, "statistics")]


# 1. A table a PDF flattened into lines ("South West 14 8 57 -3"), which its layout may
# set as headings: each figure is a record, and the head's column units ("(%)",
# "(percentage points)") are the units of the row's last figures, in order.
_HEAD = [("paragraph", "Table 3: Forces by region, March 2025"), ("paragraph", "Region Forces Graded good"),
         ("heading", "Share"), ("paragraph", "(%)"), ("heading", "Change on 2023"), ("paragraph", "(percentage points)")]


@pytest.mark.parametrize("row, expected", [
    ("South West 14 8 57 +3", [(14, "count"), (8, "count"), (57, "percent"), (3, "percentage_points")]),
    ("Wales 4 3 75 +25", [(4, "count"), (3, "count"), (75, "percent"), (25, "percentage_points")]),
    ("All forces 43 21 49 +2", [(43, "count"), (21, "count"), (49, "percent"), (2, "percentage_points")]),
])
def test_flattened_table_rows_take_their_column_units(extractor, row, expected):
    assert _figures(extractor, [*_HEAD, ("heading", row)]) == expected


def test_flattened_rows_without_unit_heads_stay_counts(extractor):
    # trap: no "(%)" in the head, so a row's figures are counts; a headline with one figure stays a headline
    blocks = [("paragraph", "Region Prisons Inspected"), ("heading", "North West 12 5"),
              ("heading", "Violence up 40 per cent in 12 jails"), ("paragraph", "Inspectors visited 9 prisons.")]
    assert _figures(extractor, blocks) == [(12, "count"), (5, "count"), (40, "percent"), (9, "count")]


# 2. A table of cells: a column head's unit is its cells' ("Share (%)"), and a "Score"
# column's cells (CQC's quality statements, 1-4) are grades, no counts.
def test_table_cells_take_their_column_heads_units(extractor):
    blocks = [("table_row", "Region | Councils | Share (%) | Change (percentage points)"),
              ("table_row", "Yorkshire | 15 | 60 | +4")]
    assert _figures(extractor, blocks) == [(15, "count"), (60, "percent"), (4, "percentage_points")]


def test_score_column_cells_are_grades(extractor):
    blocks = [("table_row", "Quality statement | Score"), ("table_row", "Kind and compassionate care | 3"),
              ("table_row", "Equity in access | 1"),
              # trap: a count column under another head stays a count, and so does a figure above 4
              ("table_row", "Visits | 12")]
    assert _figures(extractor, blocks) == [(12, "count")]


def test_count_column_is_not_a_score(extractor):
    # trap: a table whose head names no score keeps its small counts
    blocks = [("table_row", "Ward | Beds closed"), ("table_row", "Ash ward | 2")]
    assert _figures(extractor, blocks) == [(2, "count")]


# 3. A score key in CQC's words ("3 shows a good standard") is no count.
@pytest.mark.parametrize("sentence, expected", [
    ("Each statement is scored: 4 shows an exceptional standard and 1 shows significant shortfalls.", []),
    ("Here 2 shows some shortfalls, while 3 shows a good standard.", []),
    # trap: a count before "shows" with no standard after it stays a count
    ("The audit of 3 shows a good deal of progress.", [(3, "count")]),
])
def test_cqc_score_keys(sentence, expected):
    assert [(s.value, s.unit) for s in find_statistics(sentence)] == expected


def test_flattened_score_rows_stay_grades(extractor):
    # trap: a healthy prison test's flattened row of scores 1-4 is grades, as a heading's counts are dropped
    blocks = [("paragraph", "Test Previous Current"), ("heading", "Respect 2 3"), ("heading", "Safety 1 1")]
    assert _figures(extractor, blocks) == []


def _both_paths(sentence):
    from miner.nlp.scan import fold
    from miner.nlp.statistics import candidate_offsets

    plain = find_statistics(sentence)
    low = fold(sentence)
    fast = find_statistics(sentence, low=low, offsets=(candidate_offsets(low, [0]) if low is not None else None, None))
    assert [(s.start, s.end, s.value, s.unit) for s in plain] == [(s.start, s.end, s.value, s.unit) for s in fast], sentence
    return [(s.value, s.unit) for s in plain]


# 4. A range of one measure is one record of its upper figure; a change "from" is not a range.
@pytest.mark.parametrize("sentence, expected", [
    ("Boards had planned on 12 to 15 months of support.", [(15, "months")]),
    ("Families were told to expect a wait of 6 to 10 weeks.", [(10, "weeks")]),
    # traps: "from ... to" is a change of one record; a range of counts with no unit after keeps both
    ("Caseloads grew from 16 to 20 children.", [(20, "count")]),
    ("Each team had 6 to 10 staff.", [(6, "count"), (10, "count")]),
])
def test_a_range_is_one_record_of_its_upper_figure(sentence, expected):
    assert _both_paths(sentence) == expected


def test_from_to_before_a_unit_stays_one_change():
    # trap: "from 6 to 10 weeks" is a change with its earlier figure, not a range
    (stat,) = find_statistics("The wait grew from 6 to 10 weeks.")
    assert (stat.value, stat.change_from) == (10, 6)


# 5. "The ratio was 1:29" is a rate of 29, as "a ratio of 1 to 9" is; a clock time is none.
@pytest.mark.parametrize("sentence, expected", [
    ("On the night shift the nurse to patient ratio was 1:14.", [(14, "rate")]),
    ("It held a ratio of 1:8, against 1:6 elsewhere.", [(8, "rate")]),
    # trap: a time of day is no ratio
    ("The ward closed at 1:30 after 4 admissions.", [(4, "count")]),
])
def test_one_colon_n_ratio_is_a_rate(sentence, expected):
    assert _both_paths(sentence) == expected


# 6. "The first half of 2025" is a period; "half of the men" stays a fraction.
@pytest.mark.parametrize("sentence, expected", [
    ("Waits rose to 11.2% in the second half of 2024.", [(11.2, "percent")]),
    ("In the first half of the year 31 complaints were upheld.", [(31, "count")]),
    ("Half of the 60 cases had a plan.", [(0.5, "ratio"), (60, "count")]),
])
def test_half_of_a_period_is_no_fraction(sentence, expected):
    assert _both_paths(sentence) == expected


# 7. A figure a correction retracts is no record; the corrected figure is.
@pytest.mark.parametrize("sentence, expected", [
    ("Last week we reported 310 complaints; the correct figure is 130.", [(130, "count")]),
    ("The force answered 91 per cent of calls, which we incorrectly gave as 19 per cent.", [(91, "percent")]),
    # trap: "wrongly" about what staff did is no retraction
    ("Staff wrongly gave 14 doses late.", [(14, "count")]),
])
def test_retracted_figures_give_no_record(sentence, expected):
    assert _both_paths(sentence) == expected


# 8. CQC's quality statements are the framework's parts, as "12 standards" are; an address
# line's numbers are no counts.
@pytest.mark.parametrize("sentence, expected", [
    ("We assessed 6 quality statements in the responsive key question.", []),
    ("Inspectors scored eleven quality statements.", []),
    ("Suite 12, Harbour House, Quay Road, Whitby, YO21 1AB", []),
    # traps: other statements are counted, and a figure in a sentence beside an address stays
    ("Officers took 23 witness statements.", [(23, "count")]),
    ("The office on Quay Road, Whitby, YO21 1AB, handled 412 referrals.", [(412, "count")]),
])
def test_framework_parts_and_addresses(sentence, expected):
    assert _both_paths(sentence) == expected
