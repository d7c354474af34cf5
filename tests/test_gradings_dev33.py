"""Phrasing -> gradings, by the general categories dev33's first run missed
(corpora/gold/dev33: PEEL and fire across rounds, East Midlands, South West,
Wales): a council's minutes on a force's PEEL inspection (the PEEL round named
in the opening makes it a police inspection though the minutes also note the
county's fire service; the council as the site's name after the title's " | "
is no subject; the minutes' past perfect dates nothing); a total stated as
"grading the force in nine areas of its work" or by a round that runs into the
publication's year ("Our PEEL 2023-25 report ... assessed us in nine areas");
"That inspection also found ..." after a sentence on the inspection before; a
fronted "In its first inspection, in 2018/19,"; a fire question graded in the
first round (not recorded: the pillars are); a flattened three-column pillar
table whose last column is "Not graded as a pillar"; a number of bodies as the
subject with a place between ("Three forces in the region were rated ...")
and its elided grades after; "at least one inadequate grade". The cases are
new wordings of each category, not the documents. Each case is a short
document ("# " starts a heading, "|" a table row); the expected records are
(organisation, area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
CUMBRIA = "cumbria-constabulary"
CUMBRIA_FIRE = "cumbria-fire-and-rescue-service"
ESSEX = "essex-police"
ESSEX_FIRE = "essex-county-fire-and-rescue-service"
DORSET_FIRE = "dorset-and-wiltshire-fire-and-rescue-service"
NYP = "north-yorkshire-police"


def extract(extractor, lines, title, published="2025-04-02", kind="report"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return extractor.extract(doc)


# 1. A council's minutes on a force's PEEL inspection.
MINUTES = "Minutes - Community Safety Scrutiny Panel, 9 February 2023 | Cumberland Council"
MINUTES_OPENING = ["Present: Councillors Ashby (Chair), Bell and Crane.",
                   "CSSP/12 Cumbria Constabulary: HMICFRS PEEL Inspection 2021/22",
                   "The Panel received a report from the Assistant Chief Constable on the inspection of Cumbria Constabulary."]


@pytest.mark.parametrize("lines, expected, absent", [
    (["The force had been judged inadequate at investigating crime."],
     {(CUMBRIA, "investigating crime", "inadequate", False, None, None)}, {(CUMBRIA, "investigating crime", "inadequate", True, None, None)}),
    (["Managing offenders and suspects and good use of resources had been graded adequate."],
     {(CUMBRIA, "managing offenders and suspects", "adequate", False, None, None), (CUMBRIA, "good use of resources", "adequate", False, None, None)}, set()),
    # another cue still dates a past perfect grade
    (["The force had been rated good for efficiency when it was last inspected in 2017."],
     {(CUMBRIA, "efficiency", "good", True, None, None)}, {(CUMBRIA, "efficiency", "good", False, None, None)}),
    # the county's fire service, noted in passing: its latest grades, the force still the subject
    (["Members noted that Cumbria Fire and Rescue Service had been rated good for people in its 2022 inspection."],
     {(CUMBRIA_FIRE, "people", "good", False, None, None)}, {(CUMBRIA_FIRE, "people", "good", True, None, None)}),
    # trap: a councillor's hypothetical
    (["A member asked whether the force could be rated inadequate at responding to the public next time."], set(),
     {(CUMBRIA, "responding to the public", "inadequate", False, None, None)}),
])
def test_minutes_on_a_forces_peel_inspection(extractor, lines, expected, absent):
    extraction = extract(extractor, MINUTES_OPENING + lines, MINUTES, published="2023-02-09")
    got = grading_rows(extraction)
    assert extraction.subject_id == CUMBRIA
    assert expected <= got
    assert not (absent & got)


def test_a_site_name_of_another_kind_is_no_subject(extractor):
    extraction = extract(extractor, MINUTES_OPENING + ["The force had been graded in nine areas."], MINUTES, published="2023-02-09")
    assert extraction.subject_id == CUMBRIA


def test_minutes_without_a_peel_round_on_a_fire_service_stay_fire(extractor):
    # trap: no PEEL round in the opening: a fire authority's minutes are a fire inspection's
    lines = ["Item 5: HMICFRS inspection report on Cumbria Fire and Rescue Service",
             "The Service had been graded good in four of the 11 areas."]
    extraction = extract(extractor, lines, "Minutes - Fire Authority, 3 March 2024 | Cumberland Council", published="2024-03-03")
    assert (CUMBRIA_FIRE, None, "good", False, 4, 11) in grading_rows(extraction)


# 2. How many areas were graded: "grading the force in nine areas of its work", a round that runs into the year.
@pytest.mark.parametrize("lines, expected, absent", [
    (["The inspectorate published its findings after grading the force in nine areas of its work.",
      "It found Essex Police was good in five areas and adequate in four."],
     {(ESSEX, None, "good", False, 5, 9), (ESSEX, None, "adequate", False, 4, 9)}, {(ESSEX, None, "good", False, 5, None)}),
    (["Our PEEL 2023-25 inspection report was published in January 2025 and graded us in nine areas.",
      "Essex Police was rated good in two areas, adequate in three and requires improvement in four."],
     {(ESSEX, None, "good", False, 2, 9), (ESSEX, None, RI, False, 4, 9)}, {(ESSEX, None, "good", False, 2, None)}),
    # trap: a round that ended before the year is an earlier inspection's total
    (["Our PEEL 2021/22 report graded us in nine areas.",
      "Essex Police was rated good in two areas in 2025."],
     set(), {(ESSEX, None, "good", False, 2, 9)}),
])
def test_totals_stated_by_grading_and_by_a_running_round(extractor, lines, expected, absent):
    got = grading_rows(extract(extractor, lines, "PEEL 2023-25: Essex Police inspection results", published="2025-03-01"))
    assert expected <= got
    assert not (absent & got)


# 3. "That inspection also found ..." after a sentence on the inspection before.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Essex Police was rated adequate at investigating crime.",
      "When the force was last inspected, in 2021/22, it was graded good at preventing crime.",
      "That inspection also judged its crime data integrity to be outstanding."],
     {(ESSEX, "crime data integrity", "outstanding", True, None, None), (ESSEX, "investigating crime", "adequate", False, None, None)},
     {(ESSEX, "crime data integrity", "outstanding", False, None, None)}),
    # trap: "That inspection" after a sentence on this inspection is this one
    (["Inspectors visited Essex Police in March.",
      "That inspection found its crime data integrity to be good."],
     {(ESSEX, "crime data integrity", "good", False, None, None)}, {(ESSEX, "crime data integrity", "good", True, None, None)}),
])
def test_that_inspection_continues_the_earlier_one(extractor, lines, expected, absent):
    got = grading_rows(extract(extractor, lines, "Essex Police told to improve investigations"))
    assert expected <= got
    assert not (absent & got)


# 4. A fronted "In its first inspection, in 2018/19,"; a first-round fire question is not recorded.
FIRE_TITLE = "Dorset and Wiltshire Fire and Rescue Service graded in 11 areas"


@pytest.mark.parametrize("lines, expected, absent", [
    (["In its first inspection, in 2018/19, the service was judged good for effectiveness and requires improvement for people."],
     {(DORSET_FIRE, "effectiveness", "good", True, None, None), (DORSET_FIRE, "people", RI, True, None, None)},
     {(DORSET_FIRE, "effectiveness", "good", False, None, None)}),
    # trap: a first inspection under the new round, with no earlier year, is this one
    (["In its first inspection under the new framework, the service was judged good at preventing fire and other risks."],
     {(DORSET_FIRE, "preventing fire and other risks", "good", False, None, None)}, {(DORSET_FIRE, "preventing fire and other risks", "good", True, None, None)}),
    (["In 2018 the service was also rated outstanding for getting the right people with the right skills."],
     set(), {(DORSET_FIRE, "getting the right people with the right skills", "outstanding", True, None, None)}),
    # trap: a 2021/22 question compared with the area of its name now stays the area's earlier grade
    (["Its promotion of the right values and culture fell from good at the last inspection in 2022 to adequate."],
     {(DORSET_FIRE, "promoting the right values and culture", "good", True, None, None)}, set()),
])
def test_fronted_first_inspection_and_first_round_questions(extractor, lines, expected, absent):
    got = grading_rows(extract(extractor, lines, FIRE_TITLE, published="2024-10-01", kind="news"))
    assert expected <= got
    assert not (absent & got)


# 5. A flattened pillar table with a third column that grades nothing.
def test_flattened_three_column_pillar_table(extractor):
    lines = ["Table 1 compares the pillar grades of each round.",
             "Pillar 2018/19 2021/22 2023-25",
             "Effectiveness Requires improvement Good Not graded",
             "People Good Adequate Not graded",
             "Efficiency Good Requires improvement Good"]
    got = grading_rows(extract(extractor, lines, "Report of the Chief Fire Officer: Essex County Fire and Rescue Service inspection", published="2024-12-01"))
    assert {(ESSEX_FIRE, "effectiveness", RI, True, None, None), (ESSEX_FIRE, "effectiveness", "good", True, None, None),
            (ESSEX_FIRE, "people", "good", True, None, None)} <= got
    assert not {(ESSEX_FIRE, "effectiveness", RI, False, None, None), (ESSEX_FIRE, "people", "good", False, None, None)} & got
    # a row of three grades: the last column's is this inspection's
    assert {(ESSEX_FIRE, "efficiency", "good", True, None, None), (ESSEX_FIRE, "efficiency", RI, True, None, None),
            (ESSEX_FIRE, "efficiency", "good", False, None, None)} <= got


# 6. A number of bodies as the subject, a place between; "at least one".
@pytest.mark.parametrize("lines, absent", [
    (["North Yorkshire Police was rated good at preventing crime.",
      "Four forces across the north of England were rated inadequate at investigating crime, and three for protecting vulnerable people."],
     {(NYP, "investigating crime", "inadequate", False, None, None), (NYP, "protecting vulnerable people", "inadequate", False, None, None)}),
    (["North Yorkshire Police was rated good at preventing crime.",
      "These are the forces in the region that were given at least one inadequate grade."],
     {(None, None, "inadequate", False, 1, None), (NYP, None, "inadequate", False, 1, None)}),
])
def test_a_number_of_bodies_and_at_least_one(extractor, lines, absent):
    got = grading_rows(extract(extractor, lines, "The forces rated inadequate", kind="news"))
    assert (NYP, "preventing crime", "good", False, None, None) in got
    assert not (absent & got)


def test_at_least_before_a_grade_is_a_threshold_count(extractor):
    # trap: "at least good in all 11" is a threshold grade's count, not "at least one"
    lines = ["Essex County Fire and Rescue Service was the only service in the region rated at least good in all 11 areas."]
    got = grading_rows(extract(extractor, lines, "The fire services rated good", kind="news"))
    assert (ESSEX_FIRE, None, "at least good", False, 11, 11) in got


def test_a_named_body_after_a_number_of_bodies_keeps_its_grade(extractor):
    lines = ["Two forces in the region were rated inadequate at investigating crime, and North Yorkshire Police was rated good at it."]
    got = grading_rows(extract(extractor, lines, "The forces rated inadequate", kind="news"))
    assert not {(NYP, "investigating crime", "inadequate", False, None, None)} & got


# 7. Commissioners and a fire authority the gazetteer lists.
@pytest.mark.parametrize("text, organisation", [
    ("The Police and Crime Commissioner for Leicester, Leicestershire and Rutland welcomed the report.", "leicestershire-police-and-crime-commissioner"),
    ("Nottinghamshire Police and Crime Commissioner Gary Godden said the force had worked hard.", "nottinghamshire-police-and-crime-commissioner"),
    ("A report to Derbyshire Fire and Rescue Authority set out the grades.", "derbyshire-fire-and-rescue-authority"),
])
def test_commissioners_and_fire_authorities(extractor, text, organisation):
    extraction = extract(extractor, [text], "Inspection news", kind="news")
    assert organisation in {o["id"] for o in extraction.organisations}
