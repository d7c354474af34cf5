"""Phrasing -> gradings, by the general categories dev19's first runs missed
(corpora/gold/dev19, eight report extracts): a CQC table whose key questions
head the columns over a "Current rating" and a "Previous rating (2019)" row; a
fronted "Before this inspection, ..."; a zero count whose total follows it in
the sentence ("in any of the eight graded areas") and a "Nor was it ..." that
continues it; another body named in a prepositional relative clause (", with
which Surrey shares ...,"); a fire round-2 table with a "This inspection"
column beside a dated one; "as it did when we first inspected it"; a count of
questions "now graded good"; and "we rated it inadequate" whose "it" is the
thing the sentence opened with, not the body. The cases are new wordings of
each category, not the documents. Each case is a short document ("# " starts a
heading, "|" a table row); the expected records are (organisation, area,
grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
NTH = "north-tees-and-hartlepool-nhs-foundation-trust"
NTH_TITLE = "North Tees and Hartlepool NHS Foundation Trust - Inspection report - Care Quality Commission"
KENT_FIRE = "kent-fire-and-rescue-service"
KENT_FIRE_TITLE = "Effectiveness, efficiency and people 2021/22: An inspection of Kent Fire and Rescue Service"
KENT_POLICE_TITLE = "PEEL 2021/22: An inspection of Kent Police"
YOS_TITLE = "An inspection of youth offending services in Southampton"


def extract(extractor, lines, title, published="2022-07-27", kind="report"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return grading_rows(extractor.extract(doc))


# 1. CQC: the key questions head the columns, the rows say whose grades they are; a fronted "Before this inspection".
@pytest.mark.parametrize("lines, expected, absent", [
    (["|Safe|Effective|Caring|Well-led|Overall|",
      "|Current rating (May 2023)|Good|Requires improvement|Good|Good|Good|",
      "|Previous rating (March 2020)|Requires improvement|Good|Outstanding|Inadequate|Requires improvement|"],
     {(NTH, "safe", "good", False, None, None), (NTH, "effective", RI, False, None, None), (NTH, "overall", "good", False, None, None),
      (NTH, "safe", RI, True, None, None), (NTH, "effective", "good", True, None, None), (NTH, "caring", "outstanding", True, None, None),
      (NTH, "well-led", "inadequate", True, None, None), (NTH, "overall", RI, True, None, None)},
     set()),
    (["Before this inspection, the trust was rated requires improvement overall."],
     {(NTH, "overall", RI, True, None, None)}, {(NTH, "overall", RI, False, None, None)}),
    # trap: no grade in the fronted sentence; "now" makes it this inspection's
    (["Before this inspection, the trust had asked for support with its emergency department. It provided good care."], set(),
     {(NTH, "overall", "good", True, None, None)}),
    (["Before this inspection, the trust was rated inadequate, but it is now rated good overall."],
     {(NTH, "overall", "good", False, None, None)}, {(NTH, "overall", "good", True, None, None)}),
])
def test_cqc_previous_rows_and_before_this_inspection(extractor, lines, expected, absent):
    got = extract(extractor, lines, NTH_TITLE, published="2023-07-01")
    assert expected <= got
    assert not (absent & got)


# 2. PEEL 2021/22 grades laid out in grade columns, flattened by PDF extraction: the column of
# each area is not recoverable (empty cells vanish), so no area takes a guessed grade.
def test_flattened_grade_columns_give_no_guessed_grades(extractor):
    lines = ["Our inspection assessed how good Kent Police is in nine areas of policing.",
             "Outstanding Good Adequate Requires improvement Inadequate",
             "Investigating crime", "Treatment of the public", "Responding to the public"]
    got = extract(extractor, lines, KENT_POLICE_TITLE, published="2022-10-01")
    assert not {g for g in got if g[1] in ("investigating crime", "police powers and public treatment", "responding to the public")}


# 3. Zero counts: the total after "in any", and "Nor ..." taking the sentence before's total.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Kent Police was not rated inadequate in any of the eight graded areas."],
     {("kent-police", None, "inadequate", False, 0, 8)}, {("kent-police", None, "inadequate", False, 0, None)}),
    (["The force was not judged outstanding in any of its eight graded areas. Nor was it judged inadequate in any of them."],
     {("kent-police", None, "outstanding", False, 0, 8), ("kent-police", None, "inadequate", False, 0, 8)}, set()),
    # trap: "Nor" with no grade, and a "Nor" sentence two sentences after the total
    (["The force was not graded outstanding in any of the eight graded areas. Nor did it expect to be."],
     {("kent-police", None, "outstanding", False, 0, 8)}, set()),
    (["The force was not graded outstanding in any of the eight graded areas. Its call handling was slow. Nor was it graded inadequate in any area."],
     {("kent-police", None, "inadequate", False, 0, None)}, {("kent-police", None, "inadequate", False, 0, 8)}),
])
def test_zero_counts_with_their_totals(extractor, lines, expected, absent):
    got = extract(extractor, lines, KENT_POLICE_TITLE, published="2022-10-01")
    assert expected <= got
    assert not (absent & got)


# 4. A body named in a prepositional relative clause is not the one graded after it.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Essex Police, with which Kent shares its serious crime directorate, was graded good for investigating crime."],
     {("essex-police", "investigating crime", "good", False, None, None)}, {("kent-police", "investigating crime", "good", False, None, None)}),
    (["Essex Police, alongside which Kent Police runs a joint firearms unit, was rated adequate for protecting vulnerable people."],
     {("essex-police", "protecting vulnerable people", "adequate", False, None, None)},
     {("kent-police", "protecting vulnerable people", "adequate", False, None, None)}),
    # trap: "with" that opens no relative clause: the body after it is graded
    (["Working with Essex Police, Kent Police was graded good for investigating crime."],
     {("kent-police", "investigating crime", "good", False, None, None)}, {("essex-police", "investigating crime", "good", False, None, None)}),
])
def test_body_in_prepositional_relative_clause(extractor, lines, expected, absent):
    got = extract(extractor, lines, "Kent Police responds to PEEL report", published="2022-11-04", kind="press-release")
    assert expected <= got
    assert not (absent & got)


# 5. Fire round 2: "This inspection" beside a dated column; "as it did when we first inspected it";
# "N questions are now graded good" (no total); round-2 questions are not recorded.
@pytest.mark.parametrize("lines, expected, absent", [
    (["|Question|This inspection|2018/19|", "|Efficiency|Good|Requires improvement|", "|Making best use of resources|Good|Requires improvement|"],
     {(KENT_FIRE, "efficiency", "good", False, None, None), (KENT_FIRE, "efficiency", RI, True, None, None)},
     {(KENT_FIRE, "efficiency", RI, False, None, None)}),
    (["The service still requires improvement in two of the three pillars, as it did when we first inspected it in 2019."],
     {(KENT_FIRE, None, RI, False, 2, 3), (KENT_FIRE, None, RI, True, 2, 3)}, set()),
    # trap: "still" alone keeps no earlier grade (ANNOTATION.md)
    (["The service still requires improvement in two of the three pillars."],
     {(KENT_FIRE, None, RI, False, 2, 3)}, {(KENT_FIRE, None, RI, True, 2, 3)}),
    # a count of questions takes no pillar total from the sentence before
    (["The service requires improvement in all three pillars. But five questions are now graded good."],
     {(KENT_FIRE, None, RI, False, 3, 3), (KENT_FIRE, None, "good", False, 5, None)}, {(KENT_FIRE, None, "good", False, 5, 3)}),
])
def test_fire_round_two_comparisons(extractor, lines, expected, absent):
    got = extract(extractor, lines, KENT_FIRE_TITLE)
    assert expected <= got
    assert not (absent & got)
    assert not {g for g in got if g[1] in ("making best use of resources",)}


# 6. "we rated it X" after a clause about a thing: "it" is that thing, not the body.
@pytest.mark.parametrize("lines, title, expected, absent_grade", [
    (["The planning of children's interventions, and of their reviews, was not good enough in too many cases, and we rated it inadequate."],
     YOS_TITLE + " - HM Inspectorate of Probation", set(), "inadequate"),
    (["The quality of out-of-court work varied widely between teams, and we rated it requires improvement."],
     YOS_TITLE + " - HM Inspectorate of Probation", set(), RI),
    (["The assessment of patients' risks was not thorough enough, and we rated it inadequate."], NTH_TITLE, set(), "inadequate"),
    # the body itself, and a bare "we rated it": its overall rating
    (["The trust has made progress since 2019, and we rated it good."], NTH_TITLE, {(NTH, "overall", "good", False, None, None)}, None),
    (["We rated it as requires improvement because:"], NTH_TITLE, {(NTH, "overall", RI, False, None, None)}, None),
])
def test_it_of_a_thing_is_not_the_body(extractor, lines, title, expected, absent_grade):
    got = extract(extractor, lines, title, published="2022-05-01")
    assert expected <= got
    assert not {g for g in got if g[1] == "overall" and g[2] == absent_grade}


# 7. Ofsted SIF (2013-17) sub-judgements are areas of their own (DOMAIN.md).
def test_sif_sub_judgements(extractor):
    lines = ["|Judgement|Grade|",
             "|1. Children who need help and protection|Requires improvement|",
             "|2. Children looked after and achieving permanence|Good|",
             "|2.1 Adoption performance|Outstanding|",
             "|2.2 Experiences and progress of care leavers|Good|"]
    got = extract(extractor, lines, "London Borough of Bromley: Inspection of services for children in need of help and protection, children looked after and care leavers", published="2016-06-01")
    assert {("london-borough-of-bromley", "adoption performance", "outstanding", False, None, None),
            ("london-borough-of-bromley", "care leavers", "good", False, None, None)} <= got


# 8. A body's own statement restating its grades: gradings; its chief's pride is no new grade.
def test_body_statement_restates_grades(extractor):
    lines = ["The inspectorate graded the force good for investigating crime and adequate for responding to the public.",
             "Chief Constable Jo Smith said: \"I hope we can be outstanding next time.\""]
    got = extract(extractor, lines, "Kent Police responds to PEEL report", published="2022-11-04", kind="press-release")
    assert {("kent-police", "investigating crime", "good", False, None, None),
            ("kent-police", "responding to the public", "adequate", False, None, None)} <= got
    assert not {g for g in got if g[2] == "outstanding"}
