"""Phrasing -> gradings, by the general categories dev16's first runs missed
(corpora/gold/dev16): a body named by its kind and the place it serves ("The
ambulance service for the North West ...") and its earlier rating at the end of
a long sentence; a county's short form in a headline ("Notts fire service");
a round-up whose title names several bodies, each paragraph's grades going to
the body it (or the one before it) names, and a number of bodies ("12 of the
153 councils") grading none; another body's grade "at its last inspection" (its
latest, so current); grades "earned" by areas, shared "as did"/"as were" and
"both of which were judged"; the 2023-25 fire round's eleven graded areas; and
an HMI Prisons score table whose header the PDF split over lines. The cases
are new wordings of each category, not the documents. Each case is a short
document ("# " starts a heading, "|" a table row); the expected records are
(organisation, area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
RIG = "requires improvement to be good"
NWAS = "north-west-ambulance-service-nhs-trust"
LANCS_FIRE = "lancashire-fire-and-rescue-service"


def extraction(extractor, lines, title, published="2025-05-20", kind="news"):
    return extractor.extract(document_from_lines(lines, title, published=published, kind=kind))


def extract(extractor, lines, title, **kwargs):
    return grading_rows(extraction(extractor, lines, title, **kwargs))


# 1. The body described by its kind and place; its earlier rating ending a long sentence.
@pytest.mark.parametrize("line, expected", [
    ("The ambulance service for the North West has been rated as inadequate by the health watchdog after long waits.",
     {(NWAS, "overall", "inadequate", False, None, None)}),
    ("North West Ambulance Service NHS Trust, which serves Cumbria, Lancashire, Merseyside and Cheshire, had previously been rated good.",
     {(NWAS, "overall", "good", True, None, None)}),
    # Traps: the service's staff, and a hypothetical, state no rating.
    ("The ambulance service for the North West has been praised by patients for good care.", set()),
    ("If the ambulance service for the North West is rated inadequate again, the regulator could act.", set()),
])
def test_service_described_by_kind_and_place(extractor, line, expected):
    lines = ["The Care Quality Commission inspected North West Ambulance Service NHS Trust in the spring.", line]
    assert extract(extractor, lines, "North West Ambulance Service rating changed by CQC", published="2024-03-01") == expected


@pytest.mark.parametrize("title, subject", [
    ("Lancs fire service told to improve its culture", LANCS_FIRE),
    ("Lancashire fire service told to improve its culture", LANCS_FIRE),
])
def test_county_short_form_in_headline(extractor, title, subject):
    lines = ["Lancashire Fire and Rescue Service has been told to improve by HMICFRS, the fire inspectorate.",
             "Greater Manchester Fire and Rescue Service, next door, was inspected in 2023."]
    assert extraction(extractor, lines, title).subject_id == subject


def test_short_form_of_another_county_is_no_subject(extractor):
    """Trap: "Notts" in the headline is not Lancashire's."""
    lines = ["Lancashire Fire and Rescue Service has been told to improve by HMICFRS, the fire inspectorate.",
             "Greater Manchester Fire and Rescue Service, next door, was inspected in 2023."]
    assert extraction(extractor, lines, "Notts fire chiefs watch neighbours' verdicts").subject_id is None


# 2. A round-up whose title names several councils: the lede's body leads; a paragraph naming none is the last one named.
ROUNDUP_TITLE = "Bolton climbs to 'outstanding' as Sefton slips back"


def test_roundup_paragraph_without_a_name(extractor):
    lines = ["Sefton Council's children's services have been downgraded from good to requires improvement to be good, Ofsted said.",
             "Inspectors, who spent a fortnight in the borough, judged all four of the areas they grade to require improvement.",
             "Sefton was rated good in 2021.",
             "# Bolton's rise",
             "Bolton Council has climbed to outstanding, the watchdog said.",
             "Help and protection and children in care were both graded outstanding, but care leavers still require improvement."]
    got = extraction(extractor, lines, ROUNDUP_TITLE, published="2025-04-08")
    records = {(g.organisation_id, g.area, g.grade, g.previous, g.count, g.out_of) for g in got.gradings}
    assert got.subject_id == "sefton-council"
    assert ("sefton-council", None, RIG, False, 4, 4) in records
    assert ("sefton-council", "overall effectiveness", "good", True, None, None) in records
    assert ("sefton-council", "overall effectiveness", "good", False, None, None) not in records
    assert {("bolton-council", "help and protection", "outstanding", False, None, None),
            ("bolton-council", "children in care", "outstanding", False, None, None),
            ("bolton-council", "care leavers", RIG, False, None, None)} <= records
    assert not any(org == "sefton-council" and area in ("help and protection", "children in care", "care leavers") and grade != RIG for org, area, grade, *_ in records)


@pytest.mark.parametrize("line", [
    "Across England, 14 of the 153 councils with children's services are now rated inadequate, according to Ofsted.",
    "Of the 153 councils, 30 are currently rated outstanding.",
])
def test_a_number_of_councils_is_no_body(extractor, line):
    lines = ["Sefton Council's children's services have been rated requires improvement to be good.", line]
    got = extract(extractor, lines, "Sefton told to improve", published="2025-04-08")
    assert got == {("sefton-council", "overall effectiveness", RIG, False, None, None)}


# 3. Another body's grade "at its last inspection" is its latest grade; the subject's is earlier.
@pytest.mark.parametrize("line, expected", [
    ("Cheshire Constabulary, on the other hand, was not rated inadequate in any area at its last inspection.",
     {("cheshire-constabulary", None, "inadequate", False, 0, None)}),
    ("Cheshire Constabulary was graded good at investigating crime at its most recent inspection.",
     {("cheshire-constabulary", "investigating crime", "good", False, None, None)}),
    # Trap: the subject's own last inspection is the one before this.
    ("At its last inspection the force was rated inadequate at investigating crime.",
     {("lancashire-constabulary", "investigating crime", "inadequate", True, None, None)}),
])
def test_other_body_at_its_last_inspection(extractor, line, expected):
    lines = ["Lancashire Constabulary has been rated adequate at responding to the public.", line]
    got = extract(extractor, lines, "Lancashire police given mixed grades", published="2025-03-14")
    assert got - {("lancashire-constabulary", "responding to the public", "adequate", False, None, None)} == expected


# 4. Areas that "earned" a grade; a grade shared "as did" / "as were"; "both of which were judged".
@pytest.mark.parametrize("line, expected", [
    ("Its handling of investigations and its leadership both earned 'adequate' grades.",
     {("investigating crime", "adequate"), ("leadership and force management", "adequate")}),
    ("The way it protects vulnerable people received an 'inadequate' rating.",
     {("protecting vulnerable people", "inadequate")}),
    ("Inspectors singled out its neighbourhood policing and the way it manages registered sex offenders, both of which were graded outstanding.",
     {("preventing crime", "outstanding"), ("managing offenders and suspects", "outstanding")}),
    ("Investigating crime was rated good, as was its handling of emergencies.",
     {("investigating crime", "good"), ("responding to the public", "good")}),
    # Traps: praise with no grade stated, an ordinary "good", and a grade the area did not earn.
    ("Inspectors praised its neighbourhood policing and the way it manages registered sex offenders.", set()),
    ("Its leadership earned good reviews from staff.", set()),
    ("Its leadership could have earned a 'good' grade had it acted sooner.", set()),
])
def test_areas_earned_and_shared_grades(extractor, line, expected):
    lines = ["HMICFRS inspected Cheshire Constabulary this spring.", line]
    got = extract(extractor, lines, "Cheshire police inspection results", published="2025-03-14")
    assert {(area, grade) for org, area, grade, previous, count, out_of in got if org == "cheshire-constabulary" and not previous} == expected


# 5. The 2023-25 fire round grades eleven areas; the 2018-22 rounds their three pillars.
@pytest.mark.parametrize("line, expected", [
    ("Its understanding of risk and its prevention work were judged good, as was the way it protects the public through fire regulation.",
     {("understanding the risk of fire and other emergencies", "good"), ("preventing fire and other risks", "good"),
      ("protecting the public through fire regulation", "good")}),
    ("Promoting fairness and diversity and getting the right people with the right skills were both rated adequate.",
     {("ensuring fairness and promoting diversity", "adequate"), ("getting the right people with the right skills", "adequate")}),
    ("Its future affordability, which depends on council tax, was judged inadequate.",
     {("making the fire and rescue service affordable now and in future", "inadequate")}),
    # Trap: a pillar named in a 2023-25 story stays a pillar.
    ("In 2022 the service had been rated good for efficiency.", set()),
])
def test_fire_2023_areas(extractor, line, expected):
    lines = ["Lancashire Fire and Rescue Service was inspected in 11 areas by HMICFRS.", line]
    got = extract(extractor, lines, "Lancashire Fire and Rescue Service inspection 2024", published="2024-10-01")
    assert {(area, grade) for org, area, grade, previous, count, out_of in got if org == LANCS_FIRE and area and not previous} == expected


def test_fire_areas_before_2023_are_not_graded(extractor):
    """The 2018-22 rounds' reports: the pillar is the record, not the area of the later round."""
    lines = ["Lancashire Fire and Rescue Service", "# Overall judgements", "| Area | Grade |",
             "| Effectiveness | Good |", "| Preventing fire and other risks | Requires improvement |"]
    got = extract(extractor, lines, "Effectiveness, efficiency and people 2021/22: Lancashire Fire and Rescue Service",
                  published="2022-07-27", kind="report")
    assert got == {(LANCS_FIRE, "effectiveness", "good", False, None, None)}


def test_fire_area_names_in_a_peel_report_are_no_areas(extractor):
    """Trap: a police report's "prevention work" is no fire area."""
    lines = ["Lancashire Constabulary", "Its prevention work was judged good by inspectors."]
    got = extract(extractor, lines, "PEEL 2023-25: An inspection of Lancashire Constabulary", published="2024-10-01", kind="report")
    assert not any(area and "fire" in area for _, area, *_ in got)


# 6. An HMI Prisons score table whose header the PDF split over lines, an outcome line under each row.
def test_split_score_header(extractor):
    lines = ["HMP Lindholme", "Healthy prison test Score", "(2025)", "Score", "(2021) Outcome at this inspection",
             "Safety 1 2", "Outcomes for prisoners were poor; the score has fallen since the last inspection",
             "Purposeful activity 3 2", "Outcomes for prisoners were reasonably good, up from the last inspection"]
    got = extract(extractor, lines, "Report on an unannounced inspection of HMP Lindholme", published="2025-06-01", kind="report")
    assert {("hmp-lindholme", "safety", "poor", False, None, None), ("hmp-lindholme", "safety", "not sufficiently good", True, None, None),
            ("hmp-lindholme", "purposeful activity", "reasonably good", False, None, None),
            ("hmp-lindholme", "purposeful activity", "not sufficiently good", True, None, None)} <= got


def test_split_header_trap_figures(extractor):
    """Trap: a header of figures, not scores, gives no earlier grades."""
    lines = ["HMP Lindholme", "Prisoners locked up Score", "(2025)", "Score", "(2021) Outcome at this inspection",
             "Safety 12 24"]
    got = extract(extractor, lines, "Report on an unannounced inspection of HMP Lindholme", published="2025-06-01", kind="report")
    assert not any(previous for _, _, _, previous, _, _ in got)


# 2b. "Leaders" heading a list of Ofsted's judgements is the leaders judgement.
@pytest.mark.parametrize("line, expected", [
    ("Leaders, help and protection and care leavers were all judged outstanding.",
     {("impact of leaders", "outstanding"), ("help and protection", "outstanding"), ("care leavers", "outstanding")}),
    # Traps: leaders as people, not the judgement.
    ("Leaders and managers know their services well, and help and protection is good.", {("help and protection", "good")}),
    ("Leaders, managers and social workers said care leavers were judged good.", {("care leavers", "good")}),
])
def test_leaders_in_a_list_of_judgements(extractor, line, expected):
    lines = ["Ofsted inspected Bolton Council's children's services in January.", line]
    got = extract(extractor, lines, "Bolton children's services inspected", published="2025-03-14")
    assert {(area, grade) for org, area, grade, previous, count, out_of in got if org == "bolton-council"} == expected
