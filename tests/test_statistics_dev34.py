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
