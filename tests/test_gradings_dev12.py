"""Phrasing -> gradings, by the general categories dev12's and dev13's first
runs missed (corpora/gold/dev12, dev13: probation delivery units and NHS trusts
that the gazetteer does not list, counts whose total is in the sentence before,
a round-up's table with a year column, relative clauses with years, earlier
grades in narrative, a comparison table whose earlier column comes first,
probation standards, and CQC's and HMI Prisons' wording). The cases are new
wordings of each category, not the documents: the rules must read the shape,
not the example. Each case is a short document ("# " starts a heading, "- " a
list item, "|" a table row); the expected records are (organisation, area,
grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
RIG = "requires improvement to be good"
OE = "overall effectiveness"
ROUNDUP = "How Ofsted rates children's services across the North West"
PDU_REPORT = "An inspection of probation services in: Hackney PDU"
PEEL = "PEEL 2023-25: An inspection of Kent Police"
CQC_NEWS = "Ambulance service told to improve after CQC inspection"
HACKNEY_PDU = "hackney-probation-delivery-unit"


def extract(extractor, lines, title, published="2025-03-10", kind="news"):
    extraction = extractor.extract(document_from_lines(lines, title, published=published, kind=kind))
    return grading_rows(extraction)


def subject_and_organisations(extractor, lines, title, published="2025-03-10", kind="news"):
    extraction = extractor.extract(document_from_lines(lines, title, published=published, kind=kind))
    return extraction.subject_id, {o["id"] for o in extraction.organisations}


# 1. A named body of a known kind that the gazetteer does not list takes the slug of its full name.
@pytest.mark.parametrize("lines, title, expected", [
    # A probation delivery unit, by its acronym, as a report's subject.
    (["| Standard | Rating |", "| Overall rating | Inadequate |", "We inspected Hackney PDU in May 2024."], PDU_REPORT,
     {(HACKNEY_PDU, "overall", "inadequate", False, None, None)}),
    # ... and in full, named in passing in another unit's report.
    (["Hackney PDU was rated requires improvement overall.", "Kirklees Probation Delivery Unit, inspected in 2023, was rated 'Outstanding'."], PDU_REPORT,
     {(HACKNEY_PDU, "overall", RI, False, None, None), ("kirklees-probation-delivery-unit", "overall", "outstanding", False, None, None)}),
    # After "the" and an adjective.
    (["Hackney PDU was rated requires improvement overall.", "The nearby Bradford PDU, inspected in 2022, was rated 'Inadequate'."], PDU_REPORT,
     {(HACKNEY_PDU, "overall", RI, False, None, None), ("bradford-probation-delivery-unit", "overall", "inadequate", False, None, None)}),
    # An NHS trust or foundation trust named in a story about another body: its dated grade is its latest.
    (["South Central Ambulance Service has been rated requires improvement by the Care Quality Commission.",
      "Many of its patients are taken to Queen Alexandra Hospital, run by Portsmouth Hospitals University NHS Trust, which was rated good in 2022."], CQC_NEWS,
     {("south-central-ambulance-service-nhs-foundation-trust", "overall", RI, False, None, None),
      ("portsmouth-hospitals-university-nhs-trust", "overall", "good", False, None, None)}),
    (["Dorset County Hospital NHS Foundation Trust was rated outstanding for being caring."], "Dorset hospital trust praised by CQC",
     {("dorset-county-hospital-nhs-foundation-trust", "caring", "outstanding", False, None, None)}),
    # A prison the gazetteer lacks.
    (["HMP Ashfield was scored poor for safety by HM Inspectorate of Prisons."], "Bristol-area jail criticised by inspectors",
     {("hmp-ashfield", "safety", "poor", False, None, None)}),
])
def test_unlisted_bodies_of_a_known_kind(extractor, lines, title, expected):
    assert extract(extractor, lines, title) == expected


@pytest.mark.parametrize("lines, title", [
    # Traps: kind words without a name of their own, a generic use, a name that is another kind of body.
    (["The PDU was rated requires improvement.", "Another Probation Delivery Unit was rated good last year."], "Probation inspection news"),
    (["Several NHS Trusts were rated good for caring.", "The NHS Trust was rated good for caring."], CQC_NEWS),
    (["The NHS Trust Development Authority was rated good for leadership by staff."], CQC_NEWS),
    (["In May HMP inspectors rated the jail poor for safety."], "Jail criticised by inspectors"),
])
def test_unlisted_body_traps(extractor, lines, title):
    _, organisations = subject_and_organisations(extractor, lines, title)
    made_up = {o for o in organisations if o and (o.endswith(("-trust", "-probation-delivery-unit")) or o.startswith("hmp-"))}
    assert {g[0] for g in extract(extractor, lines, title)} <= {None} and not made_up


@pytest.mark.parametrize("lines, expected", [
    # "of" and "upon" inside a name; a role before "of" is not part of it.
    (["The Isle of Wight PDU, inspected in 2023, was rated 'Good'."], {"isle-of-wight-probation-delivery-unit"}),
    (["Kingston upon Thames Probation Delivery Unit was rated 'Good' last year."], {"kingston-upon-thames-probation-delivery-unit"}),
    (["The Head of Hackney PDU said the rating was fair."], {HACKNEY_PDU}),
])
def test_unlisted_unit_names(extractor, lines, expected):
    _, organisations = subject_and_organisations(extractor, lines, "Probation inspection news")
    assert {o for o in organisations if o and o.endswith("-probation-delivery-unit")} == expected


def test_an_unlisted_unit_is_the_reports_subject(extractor):
    lines = ["| Standard | Rating |", "| Overall rating | Good |", "We inspected Hackney probation delivery unit (PDU) in May 2024."]
    subject, organisations = subject_and_organisations(extractor, lines, PDU_REPORT, kind="report")
    assert subject == HACKNEY_PDU and HACKNEY_PDU in organisations and "probation-service" not in organisations


# 2. A count whose total is in the sentence before ("in eight areas. ... good in three of them"),
# and a list of counts after "Of the N standards".
@pytest.mark.parametrize("lines, title, expected", [
    (["Our inspection looked at how well Kent Police performs in nine areas of policing.",
      "The force was adequate in four of them, good in three and requires improvement in two."], PEEL,
     {("kent-police", None, "adequate", False, 4, 9), ("kent-police", None, "good", False, 3, 9), ("kent-police", None, RI, False, 2, 9)}),
    (["Of the six standards we rated, three were good, two required improvement and one was inadequate."], PDU_REPORT,
     {(HACKNEY_PDU, None, "good", False, 3, 6), (HACKNEY_PDU, None, RI, False, 2, 6), (HACKNEY_PDU, None, "inadequate", False, 1, 6)}),
    # Trap: a zero count takes a total only from the sentence before (ANNOTATION.md).
    (["This report sets out how well Kent Police performs in nine areas of policing.", "The force serves 1.9 million people.",
      "It was not graded outstanding in any area."], PEEL,
     {("kent-police", None, "outstanding", False, 0, None)}),
    # Traps: numbers of bodies or of cases are no counts of a body's grades.
    (["Of the ten forces inspected this year, three were rated inadequate and two were good."], PEEL, set()),
    (["Of the 40 cases we inspected, 12 were inadequate."], PDU_REPORT, set()),
])
def test_counts_take_the_total_before_them(extractor, lines, title, expected):
    assert extract(extractor, lines, title, kind="report") == expected


# 3. A round-up's table with a year column: each council's latest grade.
@pytest.mark.parametrize("lines, expected", [
    (["Here is how some of the region's councils fared at their last full inspection.",
      "| Council | Inspected | Grade |", "| Wigan | 2023 | Good |", "| Oldham | 2024 | Requires improvement to be good |", "| Trafford | 2022 | Inadequate |"],
     {("wigan-council", OE, "good", False, None, None), ("oldham-council", OE, RIG, False, None, None),
      ("trafford-council", OE, "inadequate", False, None, None)}),
    (["| Local authority | Year of inspection | Overall effectiveness |", "| Stockport | 2024 | Outstanding |", "| Bolton | 2023 | Good |"],
     {("stockport-council", OE, "outstanding", False, None, None), ("bolton-council", OE, "good", False, None, None)}),
    # The body named inside the first cell ("City of ..."); a row naming no body gives nothing.
    (["| Council | Last inspected | Rating |", "| City of Wolverhampton | 2022 | Good |", "| Most councils nationally | 2024 | Good |"],
     {("city-of-wolverhampton-council", OE, "good", False, None, None)}),
    # Trap: two dated columns of grades are a comparison (the earlier year's are previous).
    (["| Council | 2019 | 2024 |", "| Wigan | Inadequate | Good |", "| Bury | Good | Good |"],
     {("wigan-council", OE, "inadequate", True, None, None), ("wigan-council", OE, "good", False, None, None),
      ("bury-council", OE, "good", True, None, None), ("bury-council", OE, "good", False, None, None)}),
])
def test_round_up_table_with_a_year_column(extractor, lines, expected):
    assert extract(extractor, lines, ROUNDUP) == expected


# 4. Relative clauses and participles with years in a round-up: the later grade is current.
LEAD = "Ofsted has inspected every council in the region under its current framework."
BURY = "Bury Council was rated good in 2023."  # a second council: the round-up has no subject
BURY_GOOD = ("bury-council", OE, "good", False, None, None)


@pytest.mark.parametrize("lines, expected", [
    ([LEAD, BURY, "Oldham, whose children's services were judged inadequate in 2019, was rated good in 2024."],
     {BURY_GOOD, ("oldham-council", OE, "inadequate", True, None, None), ("oldham-council", OE, "good", False, None, None)}),
    ([LEAD, BURY, "Nearby Wigan was judged good in 2022, while Trafford, which was rated inadequate in 2019, was judged requires improvement to be good in 2023."],
     {BURY_GOOD, ("wigan-council", OE, "good", False, None, None), ("trafford-council", OE, "inadequate", True, None, None),
      ("trafford-council", OE, RIG, False, None, None)}),
    # A dated grade in a relative clause, the main clause saying something else: current.
    ([LEAD, BURY, "Bolton, which was rated outstanding in 2023, had a focused visit in March."],
     {BURY_GOOD, ("bolton-council", OE, "outstanding", False, None, None)}),
    # A participle with a year, then "have since improved to".
    ([LEAD, BURY, "Tameside's services, rated inadequate in 2017, have since improved to requires improvement to be good."],
     {BURY_GOOD, ("tameside-council", OE, "inadequate", True, None, None), ("tameside-council", OE, RIG, False, None, None)}),
    # "G in <year> after requiring improvement in <year>".
    ([LEAD, BURY, "Stockport was judged outstanding in 2024 after requiring improvement to be good in 2019."],
     {BURY_GOOD, ("stockport-council", OE, "outstanding", False, None, None), ("stockport-council", OE, RIG, True, None, None)}),
    # A name joined by "with"; "after being judged G in <year>".
    ([LEAD, BURY, "Further north, Blackburn with Darwen was rated outstanding in 2024 after being judged good in 2019."],
     {BURY_GOOD, ("blackburn-with-darwen-borough-council", OE, "outstanding", False, None, None),
      ("blackburn-with-darwen-borough-council", OE, "good", True, None, None)}),
    # Traps: "after" with no earlier grade; a grade of another body after "while".
    ([LEAD, BURY, "Wigan was judged good in 2024 after a long wait for inspectors."],
     {BURY_GOOD, ("wigan-council", OE, "good", False, None, None)}),
    ([LEAD, BURY, "Wigan was rated good in 2021, while Trafford was judged outstanding in 2024."],
     {BURY_GOOD, ("wigan-council", OE, "good", False, None, None), ("trafford-council", OE, "outstanding", False, None, None)}),
])
def test_relative_clauses_with_years(extractor, lines, expected):
    assert extract(extractor, lines, ROUNDUP) == expected


# 5. Earlier grades in narrative; "still" is a kept grade.
WIGAN_NEWS = "Wigan children's services rated good by Ofsted"


@pytest.mark.parametrize("lines, expected", [
    (["Wigan Council's children's services have been rated good, three years after inspectors said they were inadequate."],
     {("wigan-council", OE, "good", False, None, None), ("wigan-council", OE, "inadequate", True, None, None)}),
    (["Wigan Council's children's services have been rated good, three years after inspectors found them inadequate."],
     {("wigan-council", OE, "good", False, None, None), ("wigan-council", OE, "inadequate", True, None, None)}),
    # "still" is the grade now only (ANNOTATION.md); "have remained" is a kept grade.
    (["Wigan Council's children's services have been rated good.", "Support for young people leaving care still requires improvement to be good, inspectors said."],
     {("wigan-council", OE, "good", False, None, None), ("wigan-council", "care leavers", RIG, False, None, None)}),
    (["Wigan Council's children's services have been rated good.", "Services for children in care have remained outstanding."],
     {("wigan-council", OE, "good", False, None, None), ("wigan-council", "children in care", "outstanding", False, None, None),
      ("wigan-council", "children in care", "outstanding", True, None, None)}),
    # Traps: "have" before a grade that is no area's grading; reported speech that grades nothing.
    (["Wigan Council's children's services have been rated good.", "Most care leavers have good support from personal advisers."],
     {("wigan-council", OE, "good", False, None, None)}),
    (["Wigan Council's children's services have been rated good.", "Inspectors said it was good to see leaders listening to children."],
     {("wigan-council", OE, "good", False, None, None)}),
    # Trap: "still" with no grade after it.
    (["Wigan Council's children's services have been rated good.", "Leaders still have good reason to worry about recruitment."],
     {("wigan-council", OE, "good", False, None, None)}),
])
def test_earlier_grades_in_narrative(extractor, lines, expected):
    assert extract(extractor, lines, WIGAN_NEWS) == expected


# 6. A comparison table whose earlier column comes first: the header says which is which.
@pytest.mark.parametrize("lines, expected", [
    (["| Area | 2021/22 | 2023–25 |", "| Investigating crime | Good | Adequate |", "| Responding to the public | Adequate | Requires improvement |"],
     {("investigating crime", "good", True), ("investigating crime", "adequate", False),
      ("responding to the public", "adequate", True), ("responding to the public", RI, False)}),
    (["| Area | Previous grade | Grade now |", "| Preventing crime | Requires improvement | Good |"],
     {("preventing crime", RI, True), ("preventing crime", "good", False)}),
    # The same table as PDF extraction flattens it, the years joined by a dash.
    (["Area 2018–19 2023–25", "Investigating crime Requires improvement Good", "Preventing crime Good Good"],
     {("investigating crime", RI, True), ("investigating crime", "good", False), ("preventing crime", "good", True), ("preventing crime", "good", False)}),
    # Trap: the newer column first.
    (["| Area | 2023–25 | 2021/22 |", "| Investigating crime | Good | Adequate |"],
     {("investigating crime", "good", False), ("investigating crime", "adequate", True)}),
    (["Area 2023–25 2018–19", "Investigating crime Requires improvement Good"],
     {("investigating crime", RI, False), ("investigating crime", "good", True)}),
])
def test_comparison_table_earlier_column_first(extractor, lines, expected):
    records = extract(extractor, lines, PEEL, kind="report")
    assert {(area, grade, previous) for org, area, grade, previous, count, out_of in records if org == "kent-police"} == expected


# 7. Probation standards and the whole service.
@pytest.mark.parametrize("lines, expected", [
    (["| Standard | Rating |", "| Overall rating | Requires improvement |", "| 1.2 Staffing | Good |", "| 2.4 Reviewing | Inadequate |"],
     {(HACKNEY_PDU, "overall", RI, False, None, None), (HACKNEY_PDU, "organisational delivery", "good", False, None, None),
      (HACKNEY_PDU, "case supervision", "inadequate", False, None, None)}),
    # "probation services in <place>" is the whole service, not the "services" standard.
    (["| Standard | Rating |", "| Overall rating | Good |", "When we last inspected in 2021, probation services in Hackney were rated inadequate."],
     {(HACKNEY_PDU, "overall", "good", False, None, None), (HACKNEY_PDU, "overall", "inadequate", True, None, None)}),
])
def test_probation_standards(extractor, lines, expected):
    assert extract(extractor, lines, PDU_REPORT, kind="report") == expected


# 8. CQC key questions' earlier ratings; HMI Prisons' lowest score.
SCAS = "south-central-ambulance-service-nhs-foundation-trust"


@pytest.mark.parametrize("lines, expected", [
    (["South Central Ambulance Service was rated requires improvement overall.", "Its safe rating had previously been inadequate, in 2019."],
     {(SCAS, "overall", RI, False, None, None), (SCAS, "safe", "inadequate", True, None, None)}),
    (["South Central Ambulance Service was rated good for being caring and responsive, but requires improvement for being effective."],
     {(SCAS, "caring", "good", False, None, None), (SCAS, "responsive", "good", False, None, None), (SCAS, "effective", RI, False, None, None)}),
])
def test_cqc_key_questions(extractor, lines, expected):
    assert extract(extractor, lines, CQC_NEWS) == expected


def test_the_lowest_score_in_both_tests(extractor):
    lines = ["HMP Lewes was scored poor for respect and for safety, the lowest possible score in both tests."]
    assert extract(extractor, lines, "Lewes jail criticised by inspectors") == {
        ("hmp-lewes", "respect", "poor", False, None, None), ("hmp-lewes", "safety", "poor", False, None, None), ("hmp-lewes", None, "poor", False, 2, 2)}


@pytest.mark.parametrize("lines, expected", [
    # A place whose children's services are named is the council, in a story naming no inspectorate.
    (["Every public service is graded differently.", "Knowsley, whose children's services were rated inadequate in 2018, was judged good in 2023.",
      "Cheshire Constabulary was rated adequate at investigating crime."],
     {("knowsley-metropolitan-borough-council", OE, "inadequate", True, None, None), ("knowsley-metropolitan-borough-council", OE, "good", False, None, None),
      ("cheshire-constabulary", "investigating crime", "adequate", False, None, None)}),
    # Trap: the bare place, its children's services not named, stays no body there.
    (["Every public service is graded differently.", "Knowsley has many parks that visitors rate good.",
      "Cheshire Constabulary was rated adequate at investigating crime."],
     {("cheshire-constabulary", "investigating crime", "adequate", False, None, None)}),
])
def test_a_place_named_by_its_childrens_services(extractor, lines, expected):
    assert extract(extractor, lines, "What do inspection grades mean?") == expected


def test_the_lowest_score_in_both_years_is_no_count(extractor):
    lines = ["HMP Lewes was scored poor for respect, the lowest possible score, in both 2021 and 2024."]
    assert {r for r in extract(extractor, lines, "Lewes jail criticised by inspectors") if r[4] is not None} == set()
