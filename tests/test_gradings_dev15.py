"""Phrasing -> gradings, by the general categories dev15's first runs missed
(corpora/gold/dev15): a CQC report on a hospital (a location it rates apart
from the trust that runs it); a kept grade ("remains rated", "continues to be
rated"; "still rated" is the grade now only); a denial over a number of things
("we have no service rated inadequate") that grades no one ("no longer rated
inadequate" stays the grade before, case 6); a youth justice
inspection's numbered standards, of the domain their number gives; a force
named in a story's lede beside another named once in passing; "no longer
inadequate", which says where the body stands now; a contracted zero count;
and a council named by a place of several words with its earlier grade.
The cases are new wordings of each category, not the documents. Each case is a
short document ("# " starts a heading, "|" a table row); the expected records
are (organisation, area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
RIG = "requires improvement to be good"
LCT = "lancashire-teaching-hospitals-nhs-foundation-trust"
LCT_NAME = "Lancashire Teaching Hospitals NHS Foundation Trust"
LYP = "leeds-and-york-partnership-nhs-foundation-trust"
LYP_NAME = "Leeds and York Partnership NHS Foundation Trust"
HARTLEPOOL = "hartlepool-borough-council"


def extraction(extractor, lines, title, published="2025-05-20", kind="news"):
    return extractor.extract(document_from_lines(lines, title, published=published, kind=kind))


def extract(extractor, lines, title, **kwargs):
    return grading_rows(extraction(extractor, lines, title, **kwargs))


# 1. A CQC page titled by a hospital's name grades that location, not the trust that runs it.
def test_location_report_grades_the_location(extractor):
    lines = ["Chorley District Hospital",
             f"Preston Road, Chorley. Provided and run by: {LCT_NAME}",
             "Report from 3 March 2025 assessment.",
             "| Key question | Rating | Previous rating |",
             "| Overall | Good | Requires improvement |",
             "| Caring | Outstanding | Good |",
             "We inspected the surgical wards at Chorley District Hospital after concerns were raised."]
    got = extraction(extractor, lines, "Chorley District Hospital - Care Quality Commission", published="2025-06-02", kind="report")
    assert got.subject_id == "chorley-district-hospital"
    assert {(g.organisation_id, g.area, g.grade, g.previous, g.count, g.out_of) for g in got.gradings} == {
        ("chorley-district-hospital", "overall", "good", False, None, None), ("chorley-district-hospital", "overall", RI, True, None, None),
        ("chorley-district-hospital", "caring", "outstanding", False, None, None), ("chorley-district-hospital", "caring", "good", True, None, None)}


def test_trust_report_grades_the_trust(extractor):
    """Trap: the trust's own report names one of its hospitals; the trust is rated."""
    lines = [LCT_NAME, "Overall rating for this trust: Requires improvement",
             "The trust runs Chorley District Hospital and the Royal Preston Hospital."]
    got = extraction(extractor, lines, f"{LCT_NAME}: inspection report", published="2025-06-02", kind="report")
    assert got.subject_id == LCT
    assert {(g.organisation_id, g.area, g.grade, g.previous) for g in got.gradings} == {(LCT, "overall", RI, False)}


# 2. A kept grade is the grade now and at the inspection before; "still" is the grade now only.
@pytest.mark.parametrize("line, expected", [
    (f"{LYP_NAME} continues to be rated good, the Care Quality Commission said.",
     {(LYP, "overall", "good", False, None, None), (LYP, "overall", "good", True, None, None)}),
    ("Although leadership has improved, the NHS trust responsible for mental health care across Leeds remains rated requires improvement, the CQC found.",
     {(LYP, "overall", RI, False, None, None), (LYP, "overall", RI, True, None, None)}),
    (f"{LYP_NAME} is still rated requires improvement, the Care Quality Commission said.",
     {(LYP, "overall", RI, False, None, None)}),
    # Traps: a hypothetical, and an ordinary "good" in a kept phrase, name no grade.
    (f"If {LYP_NAME} continues to be rated inadequate, it could be placed in special measures, the Care Quality Commission said.", set()),
    (f"{LYP_NAME} continues to have good links with local charities, the Care Quality Commission said.", set()),
])
def test_kept_and_still(extractor, line, expected):
    lines = [line, f"{LYP_NAME} was inspected in the spring."]
    assert extract(extractor, lines, "Leeds mental health trust inspected") == expected


# 3. A denial over a number of things ("no service rated inadequate") is no one's grade, quoted or not.
@pytest.mark.parametrize("line", [
    "The chief executive said: \"We are pleased that no ward was rated inadequate.\"",
    "A spokesperson said the trust had no service judged inadequate overall.",
    "No other team has been rated outstanding, the chairman said.",
])
def test_no_service_rated_is_no_grade(extractor, line):
    lines = [f"The CQC rated {LYP_NAME} as good overall.", line]
    assert extract(extractor, lines, "Leeds mental health trust rated good") == {(LYP, "overall", "good", False, None, None)}


# 4. A youth justice inspection's numbered standards: domain 2 is court work, domain 3 (out of court) has no area.
@pytest.mark.parametrize("rows, expected", [
    (["| 2.1 Assessment | Requires improvement |", "| 2.3 Implementation and delivery | Good |"],
     {(HARTLEPOOL, "court work", RI, False, None, None), (HARTLEPOOL, "court work", "good", False, None, None)}),
    (["| 3.2 Planning | Outstanding |", "| 3.4 Out-of-court disposal policy and provision | Good |"], set()),
    (["| 1.3 Partnerships and services | Inadequate |", "| 4.1 Resettlement policy and provision | Good |"],
     {(HARTLEPOOL, "organisational delivery", "inadequate", False, None, None), (HARTLEPOOL, "resettlement", "good", False, None, None)}),
])
def test_youth_justice_standards_by_domain(extractor, rows, expected):
    lines = ["Hartlepool Youth Justice Service", "HM Inspectorate of Probation", "| Standard | Rating |", *rows]
    got = extract(extractor, lines, "An inspection of youth justice services in Hartlepool", published="2024-11-05", kind="report")
    assert got == expected


def test_pdu_standards_stay_case_supervision(extractor):
    """Trap for 4: an adult PDU's 2.x standards are case supervision."""
    lines = ["An inspection of probation services in Sunderland PDU", "HM Inspectorate of Probation", "| Standard | Rating |",
             "| 2.2 Planning | Inadequate |", "| 3.1 Court work | Good |"]
    got = extract(extractor, lines, "An inspection of probation services: Sunderland PDU", published="2024-11-05", kind="report")
    assert got == {("sunderland-probation-delivery-unit", "case supervision", "inadequate", False, None, None),
                   ("sunderland-probation-delivery-unit", "court work", "good", False, None, None)}


# 5. The force named in a story's lede (and called "the force" after) is the subject though another is named once at its end.
def test_lede_force_is_the_subject(extractor):
    lines = ["Inspectors looked at the States of Jersey Police across eight areas of its work.",
             "The force was judged good at protecting vulnerable people.",
             "Officers answered most emergency calls within the national target, the report said, though callers to the non-emergency line often waited more than ten minutes.",
             "Inspectors found that too many investigations were handed to officers who had not been trained to run them, and that supervisors rarely checked the files.",
             "The island's force wasn't graded outstanding in any area.",
             "The chief officer said the force accepted every recommendation and had already begun training more detectives.",
             "The home affairs minister said the island would pay for the extra posts from next year's budget.",
             "A backlog of several hundred crimes was waiting to be allocated to an investigator when inspectors visited in the spring.",
             "Back in 2017, inspectors rated its legitimacy good.",
             "On the mainland, Durham Constabulary was rated outstanding for preventing crime in 2023."]
    got = extraction(extractor, lines, "Island police told to speed up investigations")
    assert got.subject_id == "states-of-jersey-police"
    assert {(g.organisation_id, g.area, g.grade, g.previous, g.count, g.out_of) for g in got.gradings} >= {
        ("states-of-jersey-police", "protecting vulnerable people", "good", False, None, None),
        ("states-of-jersey-police", None, "outstanding", False, 0, None),
        ("durham-constabulary", "preventing crime", "outstanding", False, None, None)}


def test_round_up_has_no_subject(extractor):
    """Trap for 5: two forces named alike in a short story still make a round-up."""
    lines = ["Durham Constabulary and Cumbria Constabulary were both inspected this year.",
             "Durham Constabulary was rated good at investigating crime, and Cumbria Constabulary adequate."]
    assert extraction(extractor, lines, "Two northern forces inspected").subject_id is None


# 6. "No longer inadequate" says where the body stands now: the next sentence's grades are current.
@pytest.mark.parametrize("second, expected", [
    ("It was judged requires improvement to be good overall after inspectors visited in January.",
     {(HARTLEPOOL, "overall effectiveness", RIG, False, None, None)}),
    ("Inspectors rated the experiences of care leavers good following their visit in February.",
     {(HARTLEPOOL, "care leavers", "good", False, None, None)}),
])
def test_no_longer_starts_no_earlier_chain(extractor, second, expected):
    lines = ["Hartlepool's children's services are no longer rated inadequate, Ofsted has said.", second]
    got = extract(extractor, lines, "Hartlepool children's services improve")
    assert got == {(HARTLEPOOL, "overall effectiveness", "inadequate", True, None, None)} | expected


# 7. A contracted zero count.
@pytest.mark.parametrize("line, expected", [
    ("It wasn't rated outstanding in any area.", {("durham-constabulary", None, "outstanding", False, 0, None)}),
    ("The force hasn't been graded inadequate in any of its areas.", {("durham-constabulary", None, "inadequate", False, 0, None)}),
    # Trap: a contraction with no grade.
    ("It hasn't recruited enough detectives in any area.", set()),
])
def test_contracted_zero_count(extractor, line, expected):
    lines = ["HMICFRS inspected Durham Constabulary in 2024.", line]
    got = extract(extractor, lines, "PEEL 2023-25: An inspection of Durham Constabulary", published="2025-03-01", kind="report")
    assert got == expected


# 8. Another council named in passing by a place of several words, with its earlier grade.
def test_council_place_of_several_words_earlier_grade(extractor):
    lines = ["Ofsted rated Hartlepool's children's services good.",
             "Nearby, Stockton-on-Tees, which was graded inadequate in 2021, was judged good in 2024.",
             "Redcar and Cleveland, which was rated requires improvement to be good in 2019, is now inadequate."]
    got = extract(extractor, lines, "Hartlepool children's services rated good")
    assert got == {(HARTLEPOOL, "overall effectiveness", "good", False, None, None),
                   ("stockton-on-tees-borough-council", "overall effectiveness", "inadequate", True, None, None),
                   ("stockton-on-tees-borough-council", "overall effectiveness", "good", False, None, None),
                   ("redcar-and-cleveland-borough-council", "overall effectiveness", RIG, True, None, None),
                   ("redcar-and-cleveland-borough-council", "overall effectiveness", "inadequate", False, None, None)}
