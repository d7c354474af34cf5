"""Phrasing -> gradings and subjects, by the general categories dev35's first run
missed (corpora/gold/dev35: numbers-heavy stories, a fact-check and a corrections
column): an anaphor naming a kind of unit ("the trust", "the PDU") supports that
unit, not a hospital or the national Probation Service named in between; a body a
unit is "part of" is no rival subject nor what "it" is after it; "the West
Midlands" is the region, not its force; a corrections column's account of what the
paper said ("we said", "Our 3 May story ... said", "A report on 9 April about ...
said") is retracted; "one of five areas in which it was graded outstanding" is a
count of five; "was then graded" after a sentence on the last inspection is that
inspection's; "in two others" is no remainder whose sum is a total; "Of the seven
standards inspectors rated, ..." counts this inspection's standards; "which was
judged X in 2018, was rated Y last year" makes X earlier; numeric prison scores
under a fronted year, with a second item ("and 2 for ..."); "the other area graded
X"; a CQC location named a wing; a table of bodies whose column header names an
area with a note in brackets. The cases are new wordings, not the documents'. Each
case is a short document ("# " starts a heading, "|" a table row); the expected
records are (organisation, area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
RI_OFSTED = "requires improvement to be good"


def extract(extractor, lines, title, published="2025-06-01", kind="news"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return extractor.extract(doc)


# 1. Subjects: an anaphor of a unit's kind supports that unit; a parent body is no rival; a region is no force.
@pytest.mark.parametrize("lines, title, subject", [
    (["Leeds Teaching Hospitals NHS Trust has been rated good by the Care Quality Commission.",
      "The trust, which runs St James's University Hospital, had been rated requires improvement since 2018.",
      "Emergency care at St James's University Hospital was rated requires improvement.",
      "The trust said it was pleased. The trust has opened a new ward. Inspectors praised the trust's staff."],
     "Leeds hospitals trust upgraded", "leeds-teaching-hospitals-nhs-trust"),
    (["Probation services in Doncaster have been rated requires improvement by HM Inspectorate of Probation.",
      "The Doncaster Probation Delivery Unit, part of the Yorkshire and the Humber region of the Probation Service, was inspected in March.",
      "Caseloads are above the level the Probation Service regards as safe.",
      "The PDU should recruit more staff. The PDU has a new head, and the PDU's staff are stretched. Across the region, vacancies are high."],
     "Yorkshire Probation News, Issue 12", "doncaster-probation-delivery-unit"),
    (["Several forces in the West Midlands were inspected this year.",
      "Staffordshire Police was rated adequate for investigating crime.",
      "Warwickshire Police was rated good for preventing crime.",
      "West Mercia Police was rated adequate for responding to the public."],
     "Are the forces of the West Midlands getting better?", None),
])
def test_subject_by_unit_anaphors_parents_and_regions(extractor, lines, title, subject):
    assert extract(extractor, lines, title).subject_id == subject


# trap: a body named as the unit's parent is not what "it" is after it
def test_parent_body_is_not_it(extractor):
    lines = ["Probation services in Doncaster have been rated requires improvement by HM Inspectorate of Probation.",
             "The Doncaster Probation Delivery Unit is part of the Yorkshire and the Humber region of the Probation Service. When the unit was last inspected, in 2021, it was rated good."]
    got = grading_rows(extract(extractor, lines, "Doncaster probation slips"))
    assert ("doncaster-probation-delivery-unit", "overall", "good", True, None, None) in got
    assert not any(r[0] == "probation-service" for r in got)


# 2. A corrections column: what the paper said is retracted; the corrected grade stands.
@pytest.mark.parametrize("lines, expected, absent", [
    (["In a feature on 4 June about children's services in Kent, we said Kent County Council had been rated inadequate by Ofsted. In fact, it was rated good overall at its most recent inspection."],
     {("kent-county-council", "overall effectiveness", "good", False, None, None)},
     {("kent-county-council", "overall effectiveness", "inadequate", False, None, None), ("kent-county-council", "overall effectiveness", "inadequate", True, None, None)}),
    (["Our 12 June story on Essex Police said the force had been graded inadequate in four areas. It was graded inadequate in one area."],
     {("essex-police", None, "inadequate", False, 1, None)},
     {("essex-police", None, "inadequate", False, 4, None), ("essex-police", None, "inadequate", True, 4, None)}),
    (["A story on 2 June about HMP Lewes said inspectors had rated the jail poor for respect. It was rated not sufficiently good for respect."],
     {("hmp-lewes", "respect", "not sufficiently good", False, None, None)},
     {("hmp-lewes", "respect", "poor", False, None, None)}),
    # trap: an ordinary report's statement is no retraction
    (["A report on HMP Lewes said the jail was rated poor for respect."],
     {("hmp-lewes", "respect", "poor", False, None, None)}, set()),
])
def test_corrections_column_retracted_claims(extractor, lines, expected, absent):
    got = grading_rows(extract(extractor, lines, "Corrections and clarifications"))
    assert expected <= got
    assert not (absent & got)


# 3. Counts: "one of N areas in which"; "in two others"; "Of the seven standards inspectors rated".
@pytest.mark.parametrize("lines, title, expected, absent", [
    (["The latest PEEL inspection of Cleveland Police, published in May, graded the force in nine areas.",
      "Inspectors rated it good for preventing crime, one of four areas in which it was graded good."],
     "Cleveland Police improves", {("cleveland-police", "preventing crime", "good", False, None, None), ("cleveland-police", None, "good", False, 4, 9)},
     {("cleveland-police", None, "good", False, 1, 4)}),
    (["Durham Constabulary was inspected last year. It was graded outstanding in one area, preventing crime, and adequate in three others."],
     "Durham Constabulary inspection", {("durham-constabulary", None, "outstanding", False, 1, None), ("durham-constabulary", None, "adequate", False, 3, None)},
     {("durham-constabulary", None, "adequate", False, 3, 4)}),
    # (the sum stays for "the other four": they are the rest)
    (["Durham Constabulary was inspected last year. It was graded good in two areas, adequate in three and requires improvement in the other four."],
     "Durham Constabulary inspection", {("durham-constabulary", None, RI, False, 4, 9)}, set()),
    (["The Bradford and Calderdale Probation Delivery Unit was inspected in May. When it was last inspected, in 2021, it was rated good.",
      "Of the eight standards inspectors rated, four were good and four required improvement."],
     "Bradford probation", {("bradford-and-calderdale-probation-delivery-unit", None, "good", False, 4, 8), ("bradford-and-calderdale-probation-delivery-unit", None, RI, False, 4, 8)},
     {("bradford-and-calderdale-probation-delivery-unit", None, RI, True, 4, 8)}),
])
def test_counts(extractor, lines, title, expected, absent):
    got = grading_rows(extract(extractor, lines, title))
    assert expected <= got
    assert not (absent & got)


# 4. Earlier grades: "was then graded"; "..., which was judged X in 2018, was rated Y last year"; scores under a fronted year.
@pytest.mark.parametrize("lines, title, published, expected, absent", [
    (["Cleveland Police was inspected in March. At its previous inspection, in 2022, the force was graded adequate in five areas.",
      "Investigating crime was then graded inadequate."],
     "Cleveland Police improves", "2025-06-01", {("cleveland-police", "investigating crime", "inadequate", True, None, None)},
     {("cleveland-police", "investigating crime", "inadequate", False, None, None)}),
    # trap: no earlier inspection before it
    (["Cleveland Police was inspected in March and graded good for preventing crime.", "Investigating crime was then graded adequate."],
     "Cleveland Police improves", "2025-06-01", {("cleveland-police", "investigating crime", "adequate", False, None, None)}, set()),
    (["Rochdale Borough Council was judged good by Ofsted.",
      "Nearby Oldham, which was judged inadequate in 2019, was rated requires improvement to be good last year, while Bury Council was rated good in 2023."],
     "Rochdale children's services good", "2025-03-01",
     {("oldham-council", "overall effectiveness", "inadequate", True, None, None), ("oldham-council", "overall effectiveness", RI_OFSTED, False, None, None),
      ("bury-council", "overall effectiveness", "good", False, None, None)},
     {("oldham-council", "overall effectiveness", "inadequate", False, None, None)}),
    (["HMP Hull was given the lowest possible score for respect.", "In 2021, the prison scored 2 for safety and 3 for rehabilitation and release planning."],
     "HMP Hull inspection", "2025-02-01",
     {("hmp-hull", "safety", "not sufficiently good", True, None, None), ("hmp-hull", "rehabilitation and release planning", "reasonably good", True, None, None)},
     {("hmp-hull", "safety", "not sufficiently good", False, None, None)}),
    # trap: no fronted year: this inspection's scores
    (["HMP Hull was inspected in January.", "The prison scored 2 for safety and 3 for respect."],
     "HMP Hull inspection", "2025-02-01",
     {("hmp-hull", "safety", "not sufficiently good", False, None, None), ("hmp-hull", "respect", "reasonably good", False, None, None)}, set()),
])
def test_earlier_grades(extractor, lines, title, published, expected, absent):
    got = grading_rows(extract(extractor, lines, title, published=published))
    assert expected <= got
    assert not (absent & got)


# 5. "the other area graded X"; a CQC location named a wing; a table of bodies under an area column with a note.
def test_the_other_area(extractor):
    lines = ["Avon Fire and Rescue Service has been graded good for responding to fires and other emergencies.",
             "Protecting the public through fire regulation was the other area graded good.",
             "Preventing fire and other risks was the other area inspectors visited twice."]
    got = grading_rows(extract(extractor, lines, "Avon fire service inspection", published="2025-08-01"))
    assert ("avon-fire-and-rescue-service", "protecting the public through fire regulation", "good", False, None, None) in got
    assert not any(r[1] == "preventing fire and other risks" for r in got)


def test_location_named_a_wing(extractor):
    lines = ["Sheffield Teaching Hospitals NHS Foundation Trust has been rated good by the Care Quality Commission.",
             "Inspectors said staff were kind, and maternity services at the Jessop Wing were rated outstanding.",
             "Patients on the east wing were rated as at risk."]
    extraction = extract(extractor, lines, "Sheffield hospitals trust rated good", published="2025-07-01")
    got = grading_rows(extraction)
    assert ("jessop-wing", "overall", "outstanding", False, None, None) in got
    assert ("sheffield-teaching-hospitals-nhs-foundation-trust", "overall", "outstanding", False, None, None) not in got


def test_table_of_bodies_under_an_area_column_with_a_note(extractor):
    lines = ["Durham Constabulary answered most 999 calls within ten seconds.",
             "|Force|Calls answered|Investigating crime (PEEL)|",
             "|Durham Constabulary|91,000|Good|",
             "|Cleveland Police|120,500|Inadequate|"]
    got = grading_rows(extract(extractor, lines, "Durham Constabulary answers 999 calls fastest"))
    assert {("durham-constabulary", "investigating crime", "good", False, None, None), ("cleveland-police", "investigating crime", "inadequate", False, None, None)} <= got
