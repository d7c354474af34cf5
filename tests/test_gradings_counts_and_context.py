"""Phrasing -> gradings for the categories of the dev split's errors: totals
stated in the sentence before, counts of an earlier inspection, aggregates
kept as stated, zero counts, counts of organisations rather than areas.
Records are (area, grade, previous, count, out_of), as in test_extract_gradings."""

import pytest

from tests.test_extract_gradings import OFSTED, extract


@pytest.mark.parametrize("text, expected", [
    # An aggregate kept as stated, like "failing": "below standard in all three".
    (["The force has been found below standard in all three."], {(None, "below standard", False, 3, 3)}),
    (["That makes nine graded areas in all, none of them inadequate. Essex was below standard in just one of the nine."],
     {(None, "inadequate", False, 0, 9), (None, "below standard", False, 1, 9)}),
    # The sentence after a stated total goes on counting without naming what it counts.
    (["The force was inspected in nine areas. It was good in just two of them."], {(None, "good", False, 2, 9)}),
    (["The force was inspected in nine areas.", "It was not graded inadequate in any area."], {(None, "inadequate", False, 0, 9)}),
    # Traps: no grading words around a count of something else.
    (["Response times were below standard in three of the five districts."], set()),
    (["Its performance was below standard in some respects."], set()),
    (["The force was graded in nine areas. Its response was good in parts."], set()),
])
def test_aggregates_and_totals_in_the_sentence_before(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # "received no outstanding or inadequate grades": a zero count of each grade named,
    # out of the total of the sentence before ("graded judgments in eight of these nine areas").
    (["Our inspection assessed the force in nine areas. We make graded judgments in eight of these nine areas. "
      "The force received no outstanding or inadequate grades."],
     {(None, "outstanding", False, 0, 8), (None, "inadequate", False, 0, 8)}),
    (["The force received no inadequate grades."], {(None, "inadequate", False, 0, None)}),
    # Trap: "no good explanation" is no grade.
    (["Victims received no good explanation of the delays."], set()),
])
def test_received_no_grades(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # A total stated for an earlier inspection carries to the next sentence's counts of it ...
    (["When it was last inspected in 2021, it was graded outstanding in four of ten areas. "
      "Investigating crime was one of two areas rated adequate at that time."],
     {(None, "outstanding", True, 4, 10), (None, "adequate", True, 2, 10), ("investigating crime", "adequate", True, None, None)}),
    # ... but not to the current inspection's counts, nor to an inspection of another year.
    (["When it was last inspected in 2021, it was graded outstanding in four of ten areas. It is now good in three areas."],
     {(None, "outstanding", True, 4, 10), (None, "good", False, 3, None)}),
    (["The results are a marked change from the previous inspection, in 2021, when the force was judged adequate in four "
      "of ten areas and was failing in the other six. In 2019 it had been rated inadequate in two areas."],
     {(None, "adequate", True, 4, 10), (None, "failing", True, 6, 10), (None, "inadequate", True, 2, None)}),
    # "eight areas were graded: three were ... and the other five were said to ...": the total, then counts.
    (["When the force was last inspected, in 2022, eight areas were graded: three were found to be inadequate "
      "and the other five were said to require improvement."],
     {(None, "inadequate", True, 3, 8), (None, "requires improvement", True, 5, 8)}),
    # Trap: "Three areas were judged inadequate" is a count, not a total.
    (["Three areas were judged inadequate."], {(None, "inadequate", False, 3, None)}),
])
def test_counts_of_an_earlier_inspection(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # Numbers that count forces, not areas: no grading ("ten forces", "Of those ten").
    (["We compared the grades given to ten forces. Of those ten, only one was rated good for investigating crime. "
      "Two were adequate, four require improvement and three were judged inadequate."],
     {("investigating crime", "good", False, None, None)}),
    (["Of the 43 forces, five were said to require improvement."], set()),
    # The same list counting grades is kept.
    (["It was graded in nine areas. It received one outstanding, six good and two adequate grades."],
     {(None, "outstanding", False, 1, 9), (None, "good", False, 6, 9), (None, "adequate", False, 2, 9)}),
    # "inadequate in both areas" when eight were graded: the two just named, not a count of the whole.
    (["The inspectorate grades each force in eight core areas.", "Durham Constabulary remains the outlier, rated inadequate in both areas."],
     set()),
    (["Durham Constabulary was rated inadequate in both areas."], {(None, "inadequate", False, 2, 2)}),
])
def test_counts_of_organisations_and_of_areas_named_before(extractor, text, expected):
    assert extract(extractor, text)[0] == expected
