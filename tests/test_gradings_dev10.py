"""Phrasing -> gradings, by the general categories dev10's first run missed
(corpora/gold/dev10: inspectorates' own report extracts and summaries). The
cases are new wordings and layouts of each category, not the dev10 documents:
the rules must read the shape, not the example. Each case is a short document
("# " starts a heading, "- " a list item, "|" a table row); the expected
records are (area, grade, previous, count, out_of) for the document's subject."""

import pytest

from miner.document import DocumentBuilder
from tests.document_lines import document_from_lines

PEEL = "PEEL 2021/22: An inspection of Avon and Somerset Constabulary"
PRISON = "Report on an unannounced inspection of HMP Bristol by HM Chief Inspector of Prisons"
YOUTH = "An inspection of youth justice services in Essex"
HOME = "Ofsted children's home inspection: a home run by Essex County Council"
OFSTED = "Inspection of Essex County Council local authority children's services"
CQC = "Essex Partnership University NHS Foundation Trust: inspection report - Care Quality Commission"

RI = "requires improvement"
RIG = "requires improvement to be good"
NSG = "not sufficiently good"


def extract(extractor, lines, title, published="2024-06-12", kind="report"):
    extraction = extractor.extract(document_from_lines(lines, title, published=published, kind=kind))
    return {(g.area, g.grade, g.previous, g.count, g.out_of) for g in extraction.gradings}, extraction


@pytest.mark.parametrize("lines, expected", [
    # Each grade a heading, the areas it was given listed under it.
    (["# Good", "- Responding to the public", "- Managing offenders and suspects", "# Adequate", "- Investigating crime"],
     {("responding to the public", "good", False, None, None), ("managing offenders and suspects", "good", False, None, None),
      ("investigating crime", "adequate", False, None, None)}),
    (["# Requires improvement", "- Protecting vulnerable people", "# Inadequate", "None"],
     {("protecting vulnerable people", RI, False, None, None)}),
    # A list that is not of areas, or areas under a heading that is not a grade, grades nothing.
    (["# Good", "- Officers said morale had improved.", "- Investigating crime"], set()),
    (["# Areas we looked at", "- Investigating crime", "- Responding to the public"], set()),
    (["# Outstanding practice", "- Preventing crime and anti-social behaviour"], set()),
])
def test_areas_listed_under_a_grade_heading(extractor, lines, expected):
    assert extract(extractor, lines, PEEL)[0] == expected


@pytest.mark.parametrize("lines, expected", [
    # Healthy prison scores, 4 (good) to 1 (poor), beside the previous inspection's.
    (["Healthy prison test Score 2025 Score 2022", "Safety 2 3", "Purposeful activity 1 1"],
     {("safety", NSG, False, None, None), ("safety", "reasonably good", True, None, None),
      ("purposeful activity", "poor", False, None, None), ("purposeful activity", "poor", True, None, None)}),
    (["Healthy prison test Score 2025 Score 2022", "Respect 4 3"],
     {("respect", "good", False, None, None), ("respect", "reasonably good", True, None, None)}),
    # Digits after an area on a scale with no scores are not grades.
    (["Healthy prison test Score 2025 Score 2022", "Safety 12 9"], set()),
])
def test_numeric_prison_scores(extractor, lines, expected):
    assert extract(extractor, lines, PRISON)[0] == expected


def test_numbers_after_a_police_area_are_not_grades(extractor):
    lines = ["Area 2025 rating 2022 rating", "Investigating crime 2 3"]
    assert extract(extractor, lines, PEEL)[0] == set()


@pytest.mark.parametrize("lines, expected", [
    # A youth justice inspection's assessment, planning, delivery and reviewing are its court work.
    (["| 2.3 Implementation and delivery | Outstanding |", "| 2.4 Reviewing | Requires improvement |"],
     {("court work", "outstanding", False, None, None), ("court work", RI, False, None, None)}),
    (["| 1.3 Partnerships and services | Good |", "| 4.1 Resettlement policy and provision | Inadequate |"],
     {("organisational delivery", "good", False, None, None), ("resettlement", "inadequate", False, None, None)}),
])
def test_youth_justice_standards(extractor, lines, expected):
    assert extract(extractor, lines, YOUTH)[0] == expected


@pytest.mark.parametrize("lines, title, expected", [
    # A numbered standard whose name is no area alias takes its domain from its number.
    (["| 1.2 Staff and workloads | Inadequate |", "| 2.2 Planning and review | Good |"], "An inspection of probation services in Leeds PDU",
     {("organisational delivery", "inadequate", False, None, None), ("case supervision", "good", False, None, None)}),
    (["| 2.2 Planning and review | Good |", "| 3.1 Out-of-court assessment | Inadequate |"], YOUTH, {("court work", "good", False, None, None)}),
    # Not on another inspectorate's scale.
    (["| 1.2 Staff and workloads | Inadequate |"], PEEL, set()),
    # Not a standard: a number past the fourth, or a name that starts with a grade word.
    (["| 2.7 Caseloads | Good |", "| 2.4 Good practice examples | Good |"], "An inspection of probation services in Leeds PDU", set()),
])
def test_numbered_probation_standards(extractor, lines, title, expected):
    assert extract(extractor, lines, title)[0] == expected


def test_probation_delivery_unit_standards_stay_case_supervision(extractor):
    lines = ["| 2.1 Assessment | Good |"]
    assert extract(extractor, lines, "An inspection of probation services in Leeds PDU")[0] == {("case supervision", "good", False, None, None)}


def test_a_youth_justice_service_is_the_councils(extractor):
    lines = ["Essex Youth Justice Service was rated as outstanding overall."]
    _, extraction = extract(extractor, lines, "Inspectors praise work with children who offend")
    assert {o["id"] for o in extraction.organisations} >= {"essex-county-council"}


@pytest.mark.parametrize("lines, expected", [
    (["| Overall experiences and progress of children and young people | Requires improvement to be good |",
      "| How well children and young people are helped and protected | Inadequate |",
      "| The effectiveness of leaders and managers | Outstanding |"],
     {("overall effectiveness", RIG, False, None, None), ("help and protection", "inadequate", False, None, None),
      ("impact of leaders", "outstanding", False, None, None)}),
])
def test_childrens_home_judgements(extractor, lines, expected):
    assert extract(extractor, lines, HOME)[0] == expected


@pytest.mark.parametrize("lines, expected", [
    # A list of possessive areas before "to be G"; "management of offenders and suspects" in full.
    (["Inspectors judged its response to the public, its protection of vulnerable people and its management of suspects and offenders to be inadequate."],
     {("responding to the public", "inadequate", False, None, None), ("protecting vulnerable people", "inadequate", False, None, None),
      ("managing offenders and suspects", "inadequate", False, None, None)}),
    (["We found its management of offenders and suspects to be good."], {("managing offenders and suspects", "good", False, None, None)}),
])
def test_possessive_area_lists(extractor, lines, expected):
    assert extract(extractor, lines, PEEL)[0] == expected


def test_handling_of_calls_from_the_public(extractor):
    lines = ["Its handling of calls from the public was judged inadequate."]
    assert extract(extractor, lines, PEEL)[0] == {("responding to the public", "inadequate", False, None, None)}


def test_a_subject_named_only_in_the_title(extractor):
    # The body says only "the prison" and a place name (PDF extraction had split
    # "HMP" and "Bristol" across two blocks of the title page).
    builder = DocumentBuilder()
    for kind, text in [("heading", "Report on an unannounced inspection of HMP"), ("paragraph", "Bristol by HM Chief Inspector of Prisons"),
                       ("paragraph", "Healthy prison test Score 2025 Score 2022"), ("paragraph", "Safety 1 2"),
                       ("paragraph", "Outcomes at the prison had declined since 2022.")]:
        builder.add(kind, text)
    extraction = extractor.extract(builder.build("application/pdf", title=PRISON, published="2025-03-01", kind="report"))
    assert {(g.organisation_id, g.area, g.grade, g.previous) for g in extraction.gradings} == {
        ("hmp-bristol", "safety", "poor", False), ("hmp-bristol", "safety", NSG, True)}


@pytest.mark.parametrize("lines, title, expected", [
    # "previously rated it as G": the whole service before.
    (["We had previously rated it as outstanding. We rated it as good because:"], CQC,
     {("overall", "outstanding", True, None, None), ("overall", "good", False, None, None)}),
    # "have remained G overall since ...": now and at the inspection before.
    (["Children's services in Essex have remained inadequate overall since the last inspection in 2021."], OFSTED,
     {("overall effectiveness", "inadequate", False, None, None), ("overall effectiveness", "inadequate", True, None, None)}),
    # "Services for children ... have improved from G": the whole service before, though "services" is an area word.
    (["Services for children and young people in Essex have improved from requires improvement at the previous inspection."], OFSTED,
     {("overall effectiveness", RIG, True, None, None)}),
    # "the same as at that inspection": a kept grade.
    (["Purposeful activity was judged poor, the same as at that inspection."], PRISON,
     {("purposeful activity", "poor", False, None, None), ("purposeful activity", "poor", True, None, None)}),
    # A short predicate, then "and remained G".
    (["Safety improved slightly and remained reasonably good."], PRISON,
     {("safety", "reasonably good", False, None, None), ("safety", "reasonably good", True, None, None)}),
    # An appositive giving the earlier grade of the areas just named; the main grade stays current.
    (["The force is now good at responding to the public, an area where it had been rated requires improvement in 2021."], PEEL,
     {("responding to the public", "good", False, None, None), ("responding to the public", RI, True, None, None)}),
    (["It was judged adequate for preventing crime and for managing offenders and suspects, both areas that inspectors had previously rated good."], PEEL,
     {("preventing crime", "adequate", False, None, None), ("managing offenders and suspects", "adequate", False, None, None),
      ("preventing crime", "good", True, None, None), ("managing offenders and suspects", "good", True, None, None)}),
])
def test_earlier_and_kept_grades(extractor, lines, title, expected):
    assert extract(extractor, lines, title)[0] == expected


@pytest.mark.parametrize("lines, title, expected", [
    # "no area in which ... was G": a zero count.
    (["There was no area in which the force was judged outstanding."], PEEL, {(None, "outstanding", False, 0, None)}),
    # "the lowest level/score/grade" as a count's grade; a count's earlier count.
    (["Of the four healthy prison tests, three were given the lowest score."], PRISON, {(None, "poor", False, 3, 4)}),
    (["Of its eight areas, two were rated inadequate, down from four at the last inspection."], PEEL,
     {(None, "inadequate", False, 2, 8), (None, "inadequate", True, 4, 8)}),
    # Scores in prose on a scale that has them.
    (["Respect scored 3, and purposeful activity was given a score of 2."], PRISON,
     {("respect", "reasonably good", False, None, None), ("purposeful activity", NSG, False, None, None)}),
    (["The establishment scored 2 in two of the four tests."], PRISON, {(None, NSG, False, 2, 4)}),
    (["Safety scored 1 at both inspections."], PRISON, {("safety", "poor", False, None, None), ("safety", "poor", True, None, None)}),
])
def test_counts_and_scores(extractor, lines, title, expected):
    assert extract(extractor, lines, title)[0] == expected


@pytest.mark.parametrize("lines, expected", [
    # A key question as a question, its rating in the next sentence (a flattened PDF row).
    (["Is the service well-led? Inadequate"], {("well-led", "inadequate", False, None, None)}),
    (["Are services responsive? Requires improvement"], {("responsive", RI, False, None, None)}),
    (["Is the service safe? We found too few nurses on the wards."], set()),
])
def test_cqc_key_questions_as_questions(extractor, lines, expected):
    assert extract(extractor, lines, CQC)[0] == expected


@pytest.mark.parametrize("lines, title, expected", [
    # "<area> outcomes were G".
    (["Respect outcomes were reasonably good."], PRISON, {("respect", "reasonably good", False, None, None)}),
    # The area called an area (a test, a strength), then ", rated G".
    (["Preventing crime was the force's best area, graded outstanding."], PEEL, {("preventing crime", "outstanding", False, None, None)}),
    (["Purposeful activity remained the weakest of the four tests, judged poor."], PRISON, {("purposeful activity", "poor", False, None, None)}),
    # "overall, with Y rated G": Y is not listed with "overall".
    (["The force was graded requires improvement overall, with investigating crime rated good."], PEEL, {("investigating crime", "good", False, None, None)}),
    (["We rated the PDU as inadequate overall, with court work rated good."], "An inspection of probation services in Leeds PDU",
     {("overall", "inadequate", False, None, None), ("court work", "good", False, None, None)}),
])
def test_more_sentence_shapes(extractor, lines, title, expected):
    assert extract(extractor, lines, title)[0] == expected


@pytest.mark.parametrize("lines, title, expected", [
    # The grade before, in brackets after the grade now.
    (["Care leavers – outstanding (previously good)"], OFSTED, {("care leavers", "outstanding", False, None, None), ("care leavers", "good", True, None, None)}),
    (["Well-led: Inadequate (previously Requires improvement)"], CQC, {("well-led", "inadequate", False, None, None), ("well-led", RI, True, None, None)}),
    # Counts of "gradings".
    (["It was given three 'good' gradings and one 'inadequate' grading."], PEEL, {(None, "good", False, 3, None), (None, "inadequate", False, 1, None)}),
    # A grade denied is no grade; zero counts and "not sufficiently good" stay.
    (["The force is not good at responding to the public."], PEEL, set()),
    (["Respect has never been judged good at this prison."], PRISON, set()),
    (["Respect was not sufficiently good."], PRISON, {("respect", NSG, False, None, None)}),
    (["The force was not rated outstanding in any area."], PEEL, {(None, "outstanding", False, 0, None)}),
])
def test_brackets_gradings_and_denials(extractor, lines, title, expected):
    assert extract(extractor, lines, title)[0] == expected


PDU = "An inspection of probation services in Leeds PDU"


@pytest.mark.parametrize("lines, title, expected", [
    # The whole body moving from one grade to another, or up from one.
    (["The PDU has gone from requires improvement to good since 2021."], PDU,
     {("overall", RI, True, None, None), ("overall", "good", False, None, None)}),
    (["The council has moved up from requires improvement."], OFSTED, {("overall effectiveness", RIG, True, None, None)}),
    # A fronted or bracketed earlier grade of the subject; the main clause's grade is current.
    (["Previously judged inadequate, the council is now rated requires improvement."], OFSTED,
     {("overall effectiveness", "inadequate", True, None, None), ("overall effectiveness", RIG, False, None, None)}),
    (["Formerly rated good, purposeful activity is now poor."], PRISON,
     {("purposeful activity", "good", True, None, None), ("purposeful activity", "poor", False, None, None)}),
    (["Responding to the public, previously graded adequate, now requires improvement."], PEEL,
     {("responding to the public", "adequate", True, None, None), ("responding to the public", RI, False, None, None)}),
    # A named body, or "the local authority", rated.
    (["Essex County Council has been judged outstanding by Ofsted."], OFSTED, {("overall effectiveness", "outstanding", False, None, None)}),
    (["The local authority is now rated requires improvement."], OFSTED, {("overall effectiveness", RIG, False, None, None)}),
    (["Essex County Council was rated inadequate at the last inspection."], OFSTED, {("overall effectiveness", "inadequate", True, None, None)}),
    (["Essex County Council was rated good at listening to children."], OFSTED, set()),
])
def test_whole_body_grades(extractor, lines, title, expected):
    assert extract(extractor, lines, title)[0] == expected


@pytest.mark.parametrize("lines, title, expected", [
    # "we now grade it as G" after a named area: that area.
    (["Its management of offenders has got better, and we now grade it as good."], PEEL, {("managing offenders and suspects", "good", False, None, None)}),
    # "..., which is now G".
    (["The force has made progress in investigating crime, which is now adequate."], PEEL, {("investigating crime", "adequate", False, None, None)}),
    # "... had deteriorated and were now G".
    (["Outcomes in respect had slipped and were now not sufficiently good."], PRISON, {("respect", NSG, False, None, None)}),
    # "we rated the PDU as G", then "It is now rated as G".
    (["In 2021, we rated the PDU as requires improvement. It is now rated as good."], PDU,
     {("overall", RI, True, None, None), ("overall", "good", False, None, None)}),
])
def test_report_prose(extractor, lines, title, expected):
    assert extract(extractor, lines, title)[0] == expected


def test_having_been_judged_to_require_improvement(extractor):
    lines = ["Children's services in Essex are now rated good, having been judged to require improvement in 2020."]
    assert extract(extractor, lines, OFSTED)[0] == {("overall effectiveness", "good", False, None, None), ("overall effectiveness", RIG, True, None, None)}


def test_an_inspection_history_table(extractor):
    lines = ["# Inspection history", "| Inspection date | Inspection type | Inspection judgement |", "| 3 March 2022 | Full | Inadequate |",
             "| 11/10/2019 | Full | Good |", "| 2 May 2024 | Full | Requires improvement to be good |"]
    got, extraction = extract(extractor, lines, OFSTED, published="2024-06-12")
    # The earlier rows only: the row of this year's inspection is not read as an earlier grade.
    assert got == {("overall effectiveness", "inadequate", True, None, None), ("overall effectiveness", "good", True, None, None)}
    assert {g.year for g in extraction.gradings} == {2022, 2019}


@pytest.mark.parametrize("lines, title", [
    # Ordinary words: no grading.
    (["# Good", "- Staff knew the children well."], HOME),
    (["The prison held 1,204 men; 3 in 4 said they had a job."], PRISON),
    (["The youth justice service has a good relationship with the courts."], YOUTH),
    (["Leaders have an adequate understanding of demand for handling of calls from the public."], PEEL),
    (["Care leavers felt supported and remained good friends with their carers."], OFSTED),
    (["Investigating crime was an area of concern, and officers said morale was good."], PEEL),
    (["Responding to the public scored 2 on the survey of residents."], PEEL),
    (["The prison scored 1.5 on average across 12 tests."], PRISON),
    (["Officers spoke about investigating crime, an area where the force had previously received good feedback from victims."], PEEL),
])
def test_traps(extractor, lines, title):
    assert extract(extractor, lines, title)[0] == set()
