"""Phrasing -> gradings, by the general categories dev18's first runs missed
(corpora/gold/dev18: news stories and press releases): a hospital named in a
CQC headline as the place rated (its core service's ratings are the
location's), a count table of grades per body in a round-up, a threshold count
("at least good in all 11"), an SIF sub-judgement as the subject of a kept
grade, "rated good again", an area named in an aside between dashes, a
positive inverted condition, and a grade a rule already recorded that the
learned layer must not read again. The cases are new wordings of each
category, not the documents. Each case is a short document ("# " starts a
heading, "|" a table row); the expected records are (organisation, area,
grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
RI_OFSTED = "requires improvement to be good"
NTH = "north-tees-and-hartlepool-nhs-foundation-trust"
NTH_NAME = "North Tees and Hartlepool NHS Foundation Trust"


def extraction(extractor, lines, title, published="2025-05-20", kind="news"):
    return extractor.extract(document_from_lines(lines, title, published=published, kind=kind))


def extract(extractor, lines, title, **kwargs):
    return grading_rows(extraction(extractor, lines, title, **kwargs))


# 1. A CQC headline naming a hospital as the place rated: the location (slug when unlisted) is the body
#    graded, and "the overall rating for surgery services at the hospital" is the location's overall.
@pytest.mark.parametrize("title, lines, expected", [
    ("CQC rates surgery at Royal Derby Hospital as inadequate",
     ["The overall rating for surgery services at the hospital has gone down from good to inadequate.",
      "The rating for safe dropped from good to inadequate."],
     {("royal-derby-hospital", "overall", "inadequate", False, None, None), ("royal-derby-hospital", "overall", "good", True, None, None),
      ("royal-derby-hospital", "safe", "inadequate", False, None, None), ("royal-derby-hospital", "safe", "good", True, None, None)}),
])
def test_hospital_named_as_the_place_rated(extractor, title, lines, expected):
    result = extraction(extractor, lines, title, published="2024-03-20", kind="press-release")
    assert {(g.organisation_id, g.area, g.grade, g.previous, g.count, g.out_of) for g in result.gradings} == expected
    assert result.subject_id == "royal-derby-hospital"


def test_hospital_named_in_passing_is_not_the_place_rated(extractor):
    # Trap: a headline that rates nothing names no location to grade.
    result = extraction(extractor, ["Patients praised the care they had at Royal Derby Hospital.",
                                    "The Care Quality Commission rated University Hospitals of Derby and Burton NHS Foundation Trust as good."],
                        "Good care at Royal Derby Hospital, patients say", published="2024-03-20")
    assert "royal-derby-hospital" not in {g.organisation_id for g in result.gradings}


# 2. A round-up's count table: a count per figure under a grade column, out of the row's sum; "-" is no record.
@pytest.mark.parametrize("lines, expected", [
    (["Every fire service in the region has now had its inspection.",
      "| Service | Outstanding | Good | Adequate | Requires improvement | Inadequate",
      "| Greater Manchester Fire and Rescue Service | - | 5 | 5 | 1 | -",
      "| Cheshire Fire and Rescue Service | 1 | 4 | 4 | 2 | -"],
     {("greater-manchester-fire-and-rescue-service", None, "good", False, 5, 11),
      ("greater-manchester-fire-and-rescue-service", None, "adequate", False, 5, 11),
      ("greater-manchester-fire-and-rescue-service", None, RI, False, 1, 11),
      ("cheshire-fire-and-rescue-service", None, "outstanding", False, 1, 11),
      ("cheshire-fire-and-rescue-service", None, "good", False, 4, 11),
      ("cheshire-fire-and-rescue-service", None, "adequate", False, 4, 11),
      ("cheshire-fire-and-rescue-service", None, RI, False, 2, 11)}),
    # Trap: a table of figures under headers that are no grades is no count of grades.
    (["Every fire service in the region has now had its inspection.",
      "| Service | Stations | Firefighters | Calls",
      "| Greater Manchester Fire and Rescue Service | 41 | 1200 | 30000"],
     set()),
])
def test_count_table_of_grades(extractor, lines, expected):
    assert extract(extractor, lines, "How the region's fire services compare") == expected


# 3. A threshold count keeps its wording ("at least good in all 11").
def test_at_least_good_is_a_threshold_count(extractor):
    lines = ["Inspectors judged Cheshire Fire and Rescue Service outstanding in four of its 11 areas and good in the other seven, "
             "so it was rated at least good in all 11."]
    assert extract(extractor, lines, "Cheshire fire service among best in England") == {
        ("cheshire-fire-and-rescue-service", None, "outstanding", False, 4, 11),
        ("cheshire-fire-and-rescue-service", None, "good", False, 7, 11),
        ("cheshire-fire-and-rescue-service", None, "at least good", False, 11, 11)}


# 4. An SIF sub-judgement as the subject of a kept grade is that area's (not the overall effectiveness).
@pytest.mark.parametrize("lines, expected", [
    (["Ofsted rated Wiltshire Council's children's services as requires improvement to be good.",
      "Adoption performance kept the good grade it had in 2012."],
     {("wiltshire-council", "overall effectiveness", RI_OFSTED, False, None, None),
      ("wiltshire-council", "adoption performance", "good", False, None, None),
      ("wiltshire-council", "adoption performance", "good", True, None, None)}),
    # Trap: the council as the subject keeps its overall grade.
    (["Ofsted said Wiltshire Council kept its good rating after the inspection in May."],
     {("wiltshire-council", "overall effectiveness", "good", False, None, None),
      ("wiltshire-council", "overall effectiveness", "good", True, None, None)}),
])
def test_area_keeps_its_grade(extractor, lines, expected):
    assert extract(extractor, lines, "Wiltshire children's services inspected", published="2016-05-01") == expected


# 5. "rated good again" is a kept grade; a bracketed earlier grade after a grade the prose gave is not the learned layer's.
@pytest.mark.parametrize("lines, expected", [
    ([f"The Care Quality Commission rated {NTH_NAME} as requires improvement, down from good.",
      "Effective was rated good again."],
     {(NTH, "overall", RI, False, None, None), (NTH, "overall", "good", True, None, None),
      (NTH, "effective", "good", False, None, None), (NTH, "effective", "good", True, None, None)}),
    ([f"The Care Quality Commission rated {NTH_NAME} as requires improvement, down from good.",
      "Responsive slipped from outstanding to good.",
      "# How the trust was rated",
      "Responsive: good (previously outstanding)"],
     {(NTH, "overall", RI, False, None, None), (NTH, "overall", "good", True, None, None),
      (NTH, "responsive", "good", False, None, None), (NTH, "responsive", "outstanding", True, None, None)}),
    # Trap: a hope is no grade, however "again" it is.
    ([f"The Care Quality Commission rated {NTH_NAME} as requires improvement.",
      "The chief executive said caring could be rated outstanding again next time."],
     {(NTH, "overall", RI, False, None, None)}),
])
def test_kept_and_bracketed_grades(extractor, lines, expected):
    assert extract(extractor, lines, "Teesside hospitals trust downgraded") == expected


# 6. PEEL: an area named in an aside between dashes takes the grade after it (not the count's before it);
#    "was only adequate"; a list of pillars followed by "and rated good for" another.
@pytest.mark.parametrize("lines, expected", [
    (["Cleveland Police was assessed in nine areas. It was good in five and adequate in three, with the last area - "
      "investigating crime - rated inadequate."],
     {("cleveland-police", None, "good", False, 5, 9), ("cleveland-police", None, "adequate", False, 3, 9),
      ("cleveland-police", "investigating crime", "inadequate", False, None, None)}),
    (["Cleveland Police was rated good for preventing crime.", "Its crime recording was only adequate."],
     {("cleveland-police", "preventing crime", "good", False, None, None), ("cleveland-police", "crime data integrity", "adequate", False, None, None)}),
    (["Cleveland Police was rated good for preventing crime.",
      "In 2018 it was judged inadequate for efficiency and legitimacy and rated requires improvement for effectiveness."],
     {("cleveland-police", "preventing crime", "good", False, None, None),
      ("cleveland-police", "efficiency", "inadequate", True, None, None), ("cleveland-police", "legitimacy", "inadequate", True, None, None),
      ("cleveland-police", "effectiveness", RI, True, None, None)}),
    # Trap: "only" before a figure is no grade.
    (["Cleveland Police was rated good for preventing crime.", "Its crime recording was only 85 per cent accurate."],
     {("cleveland-police", "preventing crime", "good", False, None, None)}),
])
def test_peel_asides_and_lists(extractor, lines, expected):
    assert extract(extractor, lines, "Cleveland Police inspection", published="2022-10-01") == expected


# 7. A positive inverted condition ("Had the PDU been rated good in X, we would have ...") is no grade.
def test_positive_inverted_condition_is_hypothetical(extractor):
    lines = ["Stockport and Trafford Probation Delivery Unit was rated inadequate.",
             "Had the PDU been rated good in case supervision, inspectors would have returned later."]
    assert extract(extractor, lines, "Stockport probation service rated inadequate") == {
        ("stockport-and-trafford-probation-delivery-unit", "overall", "inadequate", False, None, None)}


# 8. "The trust as a whole is still rated outstanding": the body's grade now (and kept), after a core service's grade.
def test_trust_as_a_whole_is_still_rated(extractor):
    lines = [f"The Care Quality Commission rated the children's mental health services run by {NTH_NAME} as good, down from outstanding.",
             "The trust as a whole is still rated outstanding, a rating it has held since 2017."]
    records = extract(extractor, lines, "Teesside mental health services downgraded")
    assert (NTH, "overall", "outstanding", False, None, None) in records
