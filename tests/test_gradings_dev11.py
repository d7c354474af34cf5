"""Phrasing -> gradings, by the general categories dev11's first run missed
(corpora/gold/dev11: a council round-up, news of one body naming another,
HMI Prisons score tables, a review of progress, CQC key questions, a PEEL
area graded beside the judgement table). The cases are new wordings and
layouts of each category, not the dev11 documents: the rules must read the
shape, not the example. Each case is a short document ("# " starts a heading,
"- " a list item, "|" a table row); the expected records are (organisation,
area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

ROUNDUP = "Children's social care in the North West: how Ofsted rates every council"
PEEL = "PEEL 2021/22: An inspection of Lancashire Constabulary"
PRISON = "Report on an unannounced inspection of HMP Lewes by HM Chief Inspector of Prisons"
REVIEW = "Lewes jail makes slow progress, prisons watchdog finds"
CQC_NEWS = "CQC rates South Central Ambulance Service after summer inspection"
NORTHANTS = "Ofsted verdict on Northamptonshire children's services"

RI = "requires improvement"
RIG = "requires improvement to be good"
NSG = "not sufficiently good"
OE = "overall effectiveness"


def extract(extractor, lines, title, published="2025-03-10", kind="news"):
    extraction = extractor.extract(document_from_lines(lines, title, published=published, kind=kind))
    return grading_rows(extraction)


# A round-up's lead paragraph: several councils are named, none is the subject.
LEAD = "Ofsted has now inspected every council in the region at least once under its current framework. Here is where each stands."


@pytest.mark.parametrize("lines, expected", [
    # A named council's grade with its year is its latest grade; "as it was in <year>" keeps it.
    ([LEAD, "Stockport was judged outstanding in 2024, as it was in 2021.", "Bolton Council was rated good in 2023."],
     {("stockport-council", OE, "outstanding", False, None, None), ("stockport-council", OE, "outstanding", True, None, None),
      ("bolton-council", OE, "good", False, None, None)}),
    # "for the first time" is no area.
    ([LEAD, "Wigan Council was rated good for the first time in 2024.", "Trafford Council was rated good in 2022."],
     {("wigan-council", OE, "good", False, None, None), ("trafford-council", OE, "good", False, None, None)}),
    # Ofsted's grade in full, with no verb; "the grade it received in <year>" dates it, and it stays current.
    ([LEAD, "Salford City Council requires improvement to be good, the grade it received in 2022.", "Bury Council was rated good in 2023."],
     {("salford-city-council", OE, RIG, False, None, None), ("bury-council", OE, "good", False, None, None)}),
    # A name with an appositive; "G ratings in all four areas" is a count of all of them.
    ([LEAD, "Blackpool, one of the smallest unitary councils in England, was judged inadequate in 2023, with inadequate ratings in all four areas.",
      "Oldham Council was rated good in 2024."],
     {("blackpool-council", OE, "inadequate", False, None, None), ("blackpool-council", None, "inadequate", False, 4, 4),
      ("oldham-council", OE, "good", False, None, None)}),
    # "judged to require improvement to be good in <year>"; a council's children's services named by its place.
    ([LEAD, "Cheshire East Council was judged to require improvement to be good in 2024.", "Knowsley's children's services were rated inadequate in 2023."],
     {("cheshire-east-council", OE, RIG, False, None, None), ("knowsley-metropolitan-borough-council", OE, "inadequate", False, None, None)}),
    # A grade as a participle between commas after the name.
    ([LEAD, "Sefton Council, rated inadequate in 2022, is due to be inspected again this year.", "Bolton Council was rated good in 2023."],
     {("sefton-council", OE, "inadequate", False, None, None), ("bolton-council", OE, "good", False, None, None)}),
    # "which Ofsted rated G in <year>", "which inspectors judged G".
    ([LEAD, "Bolton Council, which Ofsted rated inadequate in 2023, has appointed a new director.",
      "Wigan Council, which inspectors judged outstanding in 2022, is the region's best."],
     {("bolton-council", OE, "inadequate", False, None, None), ("wigan-council", OE, "outstanding", False, None, None)}),
    # The council as the object, with or without "as"; a kept grade; a move to a grade.
    ([LEAD, "Ofsted rated Bury Council good in 2023.", "Inspectors rated Wigan as outstanding in 2024."],
     {("bury-council", OE, "good", False, None, None), ("wigan-council", OE, "outstanding", False, None, None)}),
    ([LEAD, "Bolton Council remains good.", "Oldham Council was upgraded to requires improvement to be good in 2023."],
     {("bolton-council", OE, "good", False, None, None), ("bolton-council", OE, "good", True, None, None),
      ("oldham-council", OE, RIG, False, None, None)}),
    # An area of a council named after it is that council's.
    ([LEAD, "Bolton Council was rated good in 2023.", "Ofsted rated the help and protection of children in Bury as requires improvement to be good."],
     {("bolton-council", OE, "good", False, None, None), ("bury-council", "help and protection", RIG, False, None, None)}),
    # Two councils sharing one grade, also with an aside between them and the verb.
    ([LEAD, "Bolton Council and Bury Council were both rated good in 2023.",
      "Salford City Council and Trafford Council, inspected in 2024, were judged to require improvement to be good."],
     {("bolton-council", OE, "good", False, None, None), ("bury-council", OE, "good", False, None, None),
      ("salford-city-council", OE, RIG, False, None, None), ("trafford-council", OE, RIG, False, None, None)}),
    # A line per council: the name, then its grade.
    ([LEAD, "- Bolton Council: good (2023)", "- Wigan Council: requires improvement to be good (2024)", "- Stockport – Outstanding"],
     {("bolton-council", OE, "good", False, None, None), ("wigan-council", OE, RIG, False, None, None),
      ("stockport-council", OE, "outstanding", False, None, None)}),
    # The counts after a council's current grade are current too.
    ([LEAD, "Bury Council was rated good overall in 2024, as it had been in 2019. It was good in three of the four judgements and requires improvement in one, for children in care.",
      "Wigan Council was rated good in 2023."],
     {("bury-council", OE, "good", False, None, None), ("bury-council", OE, "good", True, None, None),
      ("bury-council", None, "good", False, 3, 4), ("bury-council", None, RIG, False, 1, 4), ("bury-council", "children in care", RIG, False, None, None),
      ("wigan-council", OE, "good", False, None, None)}),
])
def test_round_up_grades_are_each_councils_latest(extractor, lines, expected):
    assert extract(extractor, lines, ROUNDUP) == expected


@pytest.mark.parametrize("lines, expected", [
    # Traps: a sentence that goes on to a later grade dates the earlier one.
    ([LEAD, "Oldham Council, which was rated inadequate in 2019, has since improved to good.", "Bolton Council was rated good in 2023."],
     {("oldham-council", OE, "inadequate", True, None, None), ("oldham-council", OE, "good", False, None, None),
      ("bolton-council", OE, "good", False, None, None)}),
    ([LEAD, "Tameside Council was rated inadequate in 2016 and requires improvement in 2019, and it is now good.", "Bolton Council was rated good in 2023."],
     {("tameside-council", OE, "inadequate", True, None, None), ("tameside-council", OE, RIG, True, None, None),
      ("tameside-council", OE, "good", False, None, None), ("bolton-council", OE, "good", False, None, None)}),
    # A year fronted sets the time of the sentence: an earlier grade.
    ([LEAD, "In 2019 Trafford Council was rated inadequate.", "Bolton Council was rated good in 2023."],
     {("trafford-council", OE, "inadequate", True, None, None), ("bolton-council", OE, "good", False, None, None)}),
    # "has not been inspected since" leaves the grade current.
    ([LEAD, "Salford City Council was rated good in 2022 and has not been inspected since.", "Bolton Council was rated good in 2023."],
     {("salford-city-council", OE, "good", False, None, None), ("bolton-council", OE, "good", False, None, None)}),
    # A number of councils is no council ("Two were judged good" counts bodies, ANNOTATION.md).
    ([LEAD, "Two were judged as good and one outstanding by Ofsted.", "Two, rated good in 2019, have since been inspected again.",
      "Bolton Council was rated good in 2023.", "Wigan Council was rated good in 2022."],
     {("bolton-council", OE, "good", False, None, None), ("wigan-council", OE, "good", False, None, None)}),
    # A line that names no body is no body's grade; nor is a grade after a name that is no body's.
    ([LEAD, "Inspectors rated Christmas good for morale.", "Bolton Council was rated good in 2023.", "Wigan Council was rated good in 2022."],
     {("bolton-council", OE, "good", False, None, None), ("wigan-council", OE, "good", False, None, None)}),
    ([LEAD, "Ofsted rated Summary Report good.", "Bolton Council was rated good in 2023.", "Wigan Council was rated good in 2022."],
     {("bolton-council", OE, "good", False, None, None), ("wigan-council", OE, "good", False, None, None)}),
    ([LEAD, "- Summary: good", "- Bolton Council: good (2023)"], {("bolton-council", OE, "good", False, None, None)}),
    # "for the first time" does not make "good for" an area of the whole body; "good for children" is no grading.
    ([LEAD, "Wigan Council said its services were good for children.", "Bolton Council was rated good in 2023."],
     {("bolton-council", OE, "good", False, None, None)}),
])
def test_round_up_traps(extractor, lines, expected):
    assert extract(extractor, lines, ROUNDUP) == expected


@pytest.mark.parametrize("lines, expected", [
    # Another body named in a story about the subject: its dated grade is its latest.
    (["South Central Ambulance Service has been rated requires improvement by the Care Quality Commission.",
      "East Midlands Ambulance Service, which was rated requires improvement in 2022, faces similar pressures on handovers."],
     {("south-central-ambulance-service-nhs-foundation-trust", "overall", RI, False, None, None),
      ("east-midlands-ambulance-service-nhs-trust", "overall", RI, False, None, None)}),
    # "which was rated G at its last inspection in <year>": the grade before the one it is now.
    (["South Central Ambulance Service, which was rated good at its last inspection in 2019, is now rated requires improvement."],
     {("south-central-ambulance-service-nhs-foundation-trust", "overall", "good", True, None, None),
      ("south-central-ambulance-service-nhs-foundation-trust", "overall", RI, False, None, None)}),
    # A grade the text says is gone: the earlier grade, also with "overall" between.
    (["South Central Ambulance Service has lost its outstanding overall rating after the Care Quality Commission found long waits for ambulances."],
     {("south-central-ambulance-service-nhs-foundation-trust", "overall", "outstanding", True, None, None)}),
    (["South Central Ambulance Service lost its overall good rating, inspectors at the Care Quality Commission said."],
     {("south-central-ambulance-service-nhs-foundation-trust", "overall", "good", True, None, None)}),
])
def test_news_of_another_body(extractor, lines, expected):
    assert extract(extractor, lines, CQC_NEWS, published="2024-09-02") == expected


@pytest.mark.parametrize("lines, title, expected", [
    # Other prisons' and forces' dated grades and counts in a story about one: their latest.
    (["HMP Lewes was rated poor for safety by HM Inspectorate of Prisons.",
      "HMP Lincoln was rated poor for safety in 2023 and HMP Bedford was judged not sufficiently good for respect in 2022."], REVIEW,
     {("hmp-lewes", "safety", "poor", False, None, None), ("hmp-lincoln", "safety", "poor", False, None, None),
      ("hmp-bedford", "respect", NSG, False, None, None)}),
    (["Lancashire Constabulary has been rated good at preventing crime by HMICFRS.",
      "Cheshire Constabulary was graded adequate in five of nine areas in 2023."], "PEEL: Lancashire Constabulary rated good at preventing crime",
     {("lancashire-constabulary", "preventing crime", "good", False, None, None), ("cheshire-constabulary", None, "adequate", False, 5, 9)}),
])
def test_news_of_other_prisons_and_forces(extractor, lines, title, expected):
    assert extract(extractor, lines, title) == expected


NORTH, WEST = "north-northamptonshire-council", "west-northamptonshire-council"


@pytest.mark.parametrize("lines, expected", [
    # A county name whose children's services one trust runs for its two unitary councils names both.
    (["Children's services in Northamptonshire are no longer rated inadequate, Ofsted has said."],
     {(NORTH, OE, "inadequate", True, None, None), (WEST, OE, "inadequate", True, None, None)}),
    # Two councils named as the object of one grade, with a relative clause between.
    (["Ofsted judged children's services in North Northamptonshire and West Northamptonshire, which share a children's trust, to be good."],
     {(NORTH, OE, "good", False, None, None), (WEST, OE, "good", False, None, None)}),
])
def test_a_county_for_two_councils(extractor, lines, expected):
    assert extract(extractor, lines, NORTHANTS) == expected


def test_a_shared_county_name_stays_the_polices_in_a_peel_report(extractor):
    lines = ["Northamptonshire was rated adequate at investigating crime."]
    assert extract(extractor, lines, "PEEL 2023-25: An inspection of Northamptonshire Police", kind="report") == {
        ("northamptonshire-police", "investigating crime", "adequate", False, None, None)}


LEWES = "hmp-lewes"


@pytest.mark.parametrize("lines, expected", [
    # Scores in cells under two dated columns: 4 good, 3 reasonably good, 2 not sufficiently good, 1 poor.
    (["| Healthy prison test | 2024 | 2021 |", "| Safety | 2 | 1 |", "| Respect | 3 | 3 |"],
     {(LEWES, "safety", NSG, False, None, None), (LEWES, "safety", "poor", True, None, None),
      (LEWES, "respect", "reasonably good", False, None, None), (LEWES, "respect", "reasonably good", True, None, None)}),
    # Columns named as this inspection's and the last one's.
    (["| Test | Score this inspection | Score last inspection |", "| Purposeful activity | 1 | 2 |"],
     {(LEWES, "purposeful activity", "poor", False, None, None), (LEWES, "purposeful activity", NSG, True, None, None)}),
    (["| Healthy prison area | Current score | Previous score |", "| Preparation for release | 4 | 3 |"],
     {(LEWES, "rehabilitation and release planning", "good", False, None, None),
      (LEWES, "rehabilitation and release planning", "reasonably good", True, None, None)}),
    # One column of scores: this inspection's.
    (["| Healthy prison test | Score |", "| Safety | 2 |", "| Respect | 3 |"],
     {(LEWES, "safety", NSG, False, None, None), (LEWES, "respect", "reasonably good", False, None, None)}),
    # Scores with their grades in the cells; a table flattened by PDF extraction, its years in brackets.
    (["| Healthy prison area | Score (2024) | Score (2021) |", "| Safety | 1 (poor) | 2 (not sufficiently good) |"],
     {(LEWES, "safety", "poor", False, None, None), (LEWES, "safety", NSG, True, None, None)}),
    (["Healthy prison area Score (2024) Score (2021)", "Respect 3 2"],
     {(LEWES, "respect", "reasonably good", False, None, None), (LEWES, "respect", NSG, True, None, None)}),
    # A test named as one.
    (["The respect healthy prison test was rated reasonably good, and safety was the only test rated poor."],
     {(LEWES, "respect", "reasonably good", False, None, None), (LEWES, "safety", "poor", False, None, None)}),
    # A score with its grade in brackets.
    (["Safety: 1 (poor)", "Respect: 3 (reasonably good)"],
     {(LEWES, "safety", "poor", False, None, None), (LEWES, "respect", "reasonably good", False, None, None)}),
    # Traps: a figure that is no score, a row that names no test, a column that is not of scores.
    (["| Healthy prison test | Score |", "| Safety | 7 |"], set()),
    (["| Healthy prison test | Recommendations |", "| Safety | 3 |"], set()),
    (["| Healthy prison test | 2024 | 2021 |", "| Safety | 5 | 2 |"], set()),
    (["| Measure | 2024 | 2021 |", "| Self-harm incidents | 3 | 4 |"], set()),
])
def test_prison_score_tables(extractor, lines, expected):
    assert extract(extractor, lines, PRISON, published="2024-11-05", kind="report") == expected


def test_scores_in_a_police_table_are_no_grades(extractor):
    lines = ["| Area | 2022 | 2019 |", "| Investigating crime | 2 | 3 |", "| Responding to the public | 1 | 2 |"]
    assert extract(extractor, lines, PEEL, published="2022-05-01", kind="report") == set()


@pytest.mark.parametrize("lines, expected", [
    # A review of progress recounts the full inspection's grades, however long before.
    (["Inspectors went back to HMP Lewes for an independent review of progress, ten months after a full inspection in which it was rated poor for safety and purposeful activity."],
     {(LEWES, "safety", "poor", True, None, None), (LEWES, "purposeful activity", "poor", True, None, None)}),
    (["The visit followed a full inspection at which the jail was judged not sufficiently good for respect."],
     {(LEWES, "respect", NSG, True, None, None)}),
    (["The review came after a full inspection in 2023 at which HMP Lewes was found to be poor for safety."],
     {(LEWES, "safety", "poor", True, None, None)}),
    (["Eighteen months after HMP Lewes was rated poor for safety, inspectors returned to check on progress."],
     {(LEWES, "safety", "poor", True, None, None)}),
    # Its own judgements of progress are no gradings.
    (["The review found good progress on reducing violence at HMP Lewes and insufficient progress on drugs."], set()),
])
def test_a_review_of_progress_recounts_earlier_grades(extractor, lines, expected):
    assert extract(extractor, lines, REVIEW, published="2024-10-01") == expected


@pytest.mark.parametrize("lines, title, expected", [
    # A review of progress, a monitoring or focused visit grades nothing: its grades are the last inspection's.
    (["Safety was rated poor, and purposeful activity not sufficiently good."], "Independent review of progress at HMP Lewes by HM Chief Inspector of Prisons",
     {(LEWES, "safety", "poor", True, None, None), (LEWES, "purposeful activity", NSG, True, None, None)}),
    (["Dear Director,", "Wigan Council was judged to require improvement to be good, and leaders have since strengthened the service for care leavers."],
     "Monitoring visit to Wigan children's services", {("wigan-council", OE, RIG, True, None, None)}),
    # Trap: the same sentence in a full inspection's report is its grade.
    (["Safety was rated poor, and purposeful activity not sufficiently good."], PRISON,
     {(LEWES, "safety", "poor", False, None, None), (LEWES, "purposeful activity", NSG, False, None, None)}),
])
def test_visits_that_grade_nothing(extractor, lines, title, expected):
    assert extract(extractor, lines, title, published="2024-10-01", kind="report") == expected


SCAS = "south-central-ambulance-service-nhs-foundation-trust"


@pytest.mark.parametrize("lines, expected", [
    # A key question with a verb of its own after a list of others takes its own rating.
    (["South Central Ambulance Service was inspected by the Care Quality Commission.",
      "It was rated requires improvement for being safe and effective, and well-led was rated inadequate."],
     {(SCAS, "safe", RI, False, None, None), (SCAS, "effective", RI, False, None, None), (SCAS, "well-led", "inadequate", False, None, None)}),
    (["South Central Ambulance Service was inspected by the Care Quality Commission.",
      "The trust was rated outstanding for caring and responsive, and effective was judged good."],
     {(SCAS, "caring", "outstanding", False, None, None), (SCAS, "responsive", "outstanding", False, None, None),
      (SCAS, "effective", "good", False, None, None)}),
    (["South Central Ambulance Service was inspected by the Care Quality Commission.",
      "It was rated good for being safe, effective and caring, with responsive rated outstanding."],
     {(SCAS, "safe", "good", False, None, None), (SCAS, "effective", "good", False, None, None), (SCAS, "caring", "good", False, None, None),
      (SCAS, "responsive", "outstanding", False, None, None)}),
    # "stayed G" is a kept grade of its own key question; "G overall, and X was rated H" does not list "overall" with X.
    (["South Central Ambulance Service was inspected by the Care Quality Commission.",
      "Its rating for well-led dropped to inadequate, while caring stayed good."],
     {(SCAS, "well-led", "inadequate", False, None, None), (SCAS, "caring", "good", False, None, None), (SCAS, "caring", "good", True, None, None)}),
    (["South Central Ambulance Service was inspected by the Care Quality Commission.",
      "It was rated inadequate for safe and well-led and requires improvement overall, and responsive was rated good."],
     {(SCAS, "safe", "inadequate", False, None, None), (SCAS, "well-led", "inadequate", False, None, None),
      (SCAS, "overall", RI, False, None, None), (SCAS, "responsive", "good", False, None, None)}),
    # A key question named as one ("the caring key question", "the only key question rated ...").
    (["South Central Ambulance Service was inspected by the Care Quality Commission.",
      "The caring key question was rated outstanding, and well-led was the only key question rated inadequate."],
     {(SCAS, "caring", "outstanding", False, None, None), (SCAS, "well-led", "inadequate", False, None, None)}),
    # Traps: a list without verbs of its own shares the grade.
    (["South Central Ambulance Service was inspected by the Care Quality Commission.",
      "It was rated good for being caring, responsive and well-led."],
     {(SCAS, "caring", "good", False, None, None), (SCAS, "responsive", "good", False, None, None), (SCAS, "well-led", "good", False, None, None)}),
    (["South Central Ambulance Service was inspected by the Care Quality Commission.",
      "It was rated outstanding for caring and responsive, and good for being safe."],
     {(SCAS, "caring", "outstanding", False, None, None), (SCAS, "responsive", "outstanding", False, None, None), (SCAS, "safe", "good", False, None, None)}),
])
def test_cqc_key_questions_take_their_own_rating(extractor, lines, expected):
    assert extract(extractor, lines, CQC_NEWS, published="2024-09-02") == expected


LANCS = "lancashire-constabulary"
PEEL_TABLE = ["| Area | Grade |", "| Investigating crime | Adequate |", "| Preventing crime | Good |", "| Responding to the public | Requires improvement |"]


@pytest.mark.parametrize("lines, expected", [
    # An area inspected beside the judgement table and graded in prose stands.
    (PEEL_TABLE + ["We also assessed how accurately the force records crime. Its crime recording was graded adequate."],
     {("investigating crime", "adequate"), ("preventing crime", "good"), ("responding to the public", RI), ("crime data integrity", "adequate")}),
    (PEEL_TABLE + ["The force's crime recording was also graded good."],
     {("investigating crime", "adequate"), ("preventing crime", "good"), ("responding to the public", RI), ("crime data integrity", "good")}),
    (PEEL_TABLE + ["Separately, inspectors graded its crime data integrity as good."],
     {("investigating crime", "adequate"), ("preventing crime", "good"), ("responding to the public", RI), ("crime data integrity", "good")}),
    # Crime data integrity in other words, and with its acronym.
    (PEEL_TABLE + ["We also inspected how well the force records crime. The force's recording of crime was graded outstanding."],
     {("investigating crime", "adequate"), ("preventing crime", "good"), ("responding to the public", RI), ("crime data integrity", "outstanding")}),
    (PEEL_TABLE + ["Its crime data integrity (CDI) was also graded requires improvement."],
     {("investigating crime", "adequate"), ("preventing crime", "good"), ("responding to the public", RI), ("crime data integrity", RI)}),
    (["Its crime-recording accuracy was graded good."], {("crime data integrity", "good")}),
    # Trap: prose that seems to grade an area the table lacks, with no word that it was inspected too.
    (PEEL_TABLE + ["Officers told us that its work with partners was good."],
     {("investigating crime", "adequate"), ("preventing crime", "good"), ("responding to the public", RI)}),
])
def test_an_area_graded_beside_the_table(extractor, lines, expected):
    records = extract(extractor, lines, PEEL, published="2022-05-01", kind="report")
    assert {(area, grade) for org, area, grade, previous, count, out_of in records if org == LANCS and not previous} == expected
