"""Phrasing -> gradings, by the general categories dev17's first runs missed
(corpora/gold/dev17): a grade that is only the consequence of an inverted
condition ("Had the trust not ..., we would have rated ..."); Ofsted's "the
leadership of the service" as the impact of leaders; an HMI Probation standards
table with the number in a cell of its own; HMI Prisons' counts over "each of
the other three tests" and a count that does not reach past "but"; a kept grade
over a list of areas ("continues to be good in X and Y"); the questions of
PEEL's 2014-19 framework, graded under their pillars; "we graded this as good"
after the area is named; and a list of counts that runs on into the next
sentence, sharing its total. The cases are new wordings of each category, not
the documents. Each case is a short document ("# " starts a heading, "|" a
table row); the expected records are (organisation, area, grade, previous,
count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
RI_OFSTED = "requires improvement to be good"
NSG = "not sufficiently good"
SHEFFIELD = "sheffield-teaching-hospitals-nhs-foundation-trust"
SHEFFIELD_NAME = "Sheffield Teaching Hospitals NHS Foundation Trust"
KENT_CC = "kent-county-council"
CROYDON = "croydon-probation-delivery-unit"
FOSTON = "hmp-foston-hall"
LANCS = "lancashire-constabulary"
WYP = "west-yorkshire-police"


def extraction(extractor, lines, title, published="2025-05-20", kind="news"):
    return extractor.extract(document_from_lines(lines, title, published=published, kind=kind))


def extract(extractor, lines, title, **kwargs):
    return grading_rows(extraction(extractor, lines, title, **kwargs))


# 1. An inverted condition's consequence is no grade; the grade stated as a fact beside it stays.
@pytest.mark.parametrize("lines, expected", [
    ([f"The Care Quality Commission rated {SHEFFIELD_NAME} requires improvement for being well-led.",
      "Had the board not acted on the backlog, inspectors would have rated the trust inadequate for being safe."],
     {(SHEFFIELD, "well-led", RI, False, None, None)}),
    ([f"The Care Quality Commission rated {SHEFFIELD_NAME} good for being caring.",
      "Were it not for the progress made since the spring, we would have judged responsive to be inadequate."],
     {(SHEFFIELD, "caring", "good", False, None, None)}),
    # Trap: a sentence that starts with "Had" as a verb of fact is a grade.
    ([f"Inspectors visited {SHEFFIELD_NAME} in March.",
      "Had been rated inadequate for being safe in 2021, the trust is now rated good for being safe."],
     {(SHEFFIELD, "safe", "good", False, None, None)}),
])
def test_inverted_condition_is_no_grade(extractor, lines, expected):
    got = extract(extractor, lines, "Sheffield hospitals inspected", kind="news")
    assert expected <= got
    assert not any(g[2] == "inadequate" and not g[3] for g in got)


# 2. Ofsted: "the leadership of the service" is the impact of leaders.
@pytest.mark.parametrize("lines, expected", [
    (["Ofsted rated Kent County Council's children's services as good overall.",
      "Inspectors found the leadership of the service to be outstanding, while help and protection was judged good."],
     {(KENT_CC, "overall effectiveness", "good", False, None, None), (KENT_CC, "impact of leaders", "outstanding", False, None, None),
      (KENT_CC, "help and protection", "good", False, None, None)}),
    (["Ofsted rated Kent County Council's children's services as requiring improvement to be good overall.",
      "The leadership of children's services and the experiences of care leavers were both graded requires improvement."],
     {(KENT_CC, "overall effectiveness", RI_OFSTED, False, None, None), (KENT_CC, "impact of leaders", RI_OFSTED, False, None, None),
      (KENT_CC, "care leavers", RI_OFSTED, False, None, None)}),
])
def test_ofsted_leadership_of_the_service(extractor, lines, expected):
    assert extract(extractor, lines, "Kent children's services inspected") == expected


def test_leadership_of_the_service_is_not_ofsted_elsewhere(extractor):
    # Trap: a fire and rescue service's "leadership of the service" is none of its graded pillars.
    lines = ["HMICFRS rated Kent Fire and Rescue Service good at effectiveness.",
             "Inspectors said the leadership of the service was good and staff felt supported."]
    got = extract(extractor, lines, "Kent fire service inspected")
    assert not any(g[1] == "impact of leaders" for g in got)


# 3. An HMI Probation standards table with the number in a cell of its own.
def test_standard_number_in_its_own_cell(extractor):
    lines = ["# Ratings", "| Croydon PDU | Rating |", "| Overall rating | Requires improvement |",
             "| 1.1 | Leadership | Good |", "| 1.3 | Services | Inadequate |",
             "| 2.2 | Planning | Requires improvement |", "| 2.4 | Reviewing | Requires improvement |",
             "| 3.1 | Unpaid work | Inadequate |"]
    got = extract(extractor, lines, "An inspection of probation services in Croydon PDU", published="2024-06-01", kind="report")
    assert got == {(CROYDON, "overall", RI, False, None, None), (CROYDON, "organisational delivery", "good", False, None, None),
                   (CROYDON, "organisational delivery", "inadequate", False, None, None),
                   (CROYDON, "case supervision", RI, False, None, None)}


# 4. HMI Prisons: "in each of the other three tests" counts; a count does not reach past "but".
@pytest.mark.parametrize("lines, expected", [
    (["At our previous inspection in 2021 outcomes were reasonably good in respect and not sufficiently good in each of the other three tests."],
     {(FOSTON, "respect", "reasonably good", True, None, None), (FOSTON, None, NSG, True, 3, None)}),
    (["This time outcomes had got better in three tests but stayed poor in purposeful activity."],
     {(FOSTON, "purposeful activity", "poor", False, None, None), (FOSTON, "purposeful activity", "poor", True, None, None)}),
    # Trap: "improved in two tests" alone is no grade at all.
    (["Outcomes improved in two tests since the last visit, and the governor was pleased."], set()),
])
def test_prison_counts_over_tests(extractor, lines, expected):
    assert extract(extractor, lines, "Report on an unannounced inspection of HMP Foston Hall", published="2024-05-01", kind="report") == expected


# 5. A kept grade over a list of areas: each area, now and before.
@pytest.mark.parametrize("lines, expected", [
    (["Inspectors said Lancashire Constabulary continues to be good at investigating crime and managing offenders."],
     {(LANCS, a, "good", p, None, None) for a in ("investigating crime", "managing offenders and suspects") for p in (False, True)}),
    (["West Yorkshire Police remained adequate in preventing crime and in responding to the public, the inspectorate said."],
     {(WYP, a, "adequate", p, None, None) for a in ("preventing crime", "responding to the public") for p in (False, True)}),
    # Trap: "still" is no kept grade, for one area or two.
    (["West Yorkshire Police still requires improvement in investigating crime and protecting vulnerable people."],
     {(WYP, "investigating crime", RI, False, None, None), (WYP, "protecting vulnerable people", RI, False, None, None)}),
])
def test_kept_grade_over_a_list(extractor, lines, expected):
    assert extract(extractor, lines, "Police force inspected", published="2025-03-01") == expected


# 6. PEEL 2014-19: each question is graded as its own area, not as its pillar.
def test_peel_2014_questions(extractor):
    lines = ["An inspection of Lancashire Constabulary",
             "# Effectiveness", "| Question | Grade |", "| Effectiveness | Requires improvement |",
             "| Preventing crime and tackling anti-social behaviour | Good |", "| Investigating crime | Inadequate |",
             "| Protecting vulnerable people | Requires improvement |",
             "# Legitimacy", "| Legitimacy | Good |", "| Fair treatment of the workforce | Outstanding |",
             "In our 2016 inspection its protection of vulnerable people was graded good; it now requires improvement."]
    doc = extraction(extractor, lines, "PEEL: Police effectiveness, efficiency and legitimacy 2017", published="2018-03-22", kind="report")
    got = {(g.organisation_id, g.area, g.grade, g.previous, g.count, g.out_of) for g in doc.gradings}
    assert got == {(LANCS, "effectiveness", RI, False, None, None), (LANCS, "legitimacy", "good", False, None, None),
                   (LANCS, "preventing crime and tackling anti-social behaviour", "good", False, None, None),
                   (LANCS, "investigating crime", "inadequate", False, None, None),
                   (LANCS, "protecting vulnerable people", RI, False, None, None),
                   (LANCS, "protecting vulnerable people", "good", True, None, None),
                   (LANCS, "fair treatment of the workforce", "outstanding", False, None, None)}
    assert {g.scale for g in doc.gradings} == {"peel-2014"}


def test_peel_2014_questions_not_in_later_reports(extractor):
    # Trap: a 2024 story that recalls the old pillars grades "preventing crime" on the 2021 framework.
    lines = ["In 2018 Lancashire Constabulary was rated good for effectiveness, efficiency and legitimacy.",
             "This week the inspectorate rated it good in three of eight areas, including preventing crime."]
    doc = extraction(extractor, lines, "Lancashire police rated by inspectors", published="2024-10-02")
    assert {(g.area, g.scale) for g in doc.gradings if g.area and not g.previous} == {("preventing crime", "peel-2021")}


# 7. "we graded this as good": the area named last, in the sentence or the one before.
@pytest.mark.parametrize("lines, expected", [
    (["# Our judgements", "| Area | Grade |", "| Preventing crime | Good |",
      "We also examined how accurately the force records crime. Its crime data integrity is strong: it records 95.1 percent of reported crime, and we rated this as outstanding."],
     {(WYP, "preventing crime", "good", False, None, None), (WYP, "crime data integrity", "outstanding", False, None, None)}),
    (["# Our judgements", "| Area | Grade |", "| Preventing crime | Good |",
      "We also looked at crime data integrity.", "The force records 89 percent of reported crime, and we graded this as adequate."],
     {(WYP, "preventing crime", "good", False, None, None), (WYP, "crime data integrity", "adequate", False, None, None)}),
    # Traps: nothing named to grade, and a grade only considered.
    (["# Our judgements", "| Area | Grade |", "| Preventing crime | Good |",
      "The force has a new chief constable, and we rated this as a positive step."],
     {(WYP, "preventing crime", "good", False, None, None)}),
    (["# Our judgements", "| Area | Grade |", "| Preventing crime | Good |",
      "We looked at crime data integrity. Had the force not fixed its systems, we would have graded this as inadequate."],
     {(WYP, "preventing crime", "good", False, None, None)}),
])
def test_graded_this(extractor, lines, expected):
    got = extract(extractor, lines, "PEEL 2023–25: An inspection of West Yorkshire Police", published="2025-01-20", kind="report")
    assert got == expected


# 8. A list of counts running into the next sentence shares the total; a zero count still takes only the sentence before's.
def test_counts_share_a_total_across_sentences(extractor):
    lines = ["The inspectorate's latest PEEL report assessed West Yorkshire Police in eight areas.",
             "It was judged requires improvement in two areas, investigating crime and protecting vulnerable people.",
             "It was good in four areas and adequate in two.",
             "It was not graded outstanding in any area."]
    got = extract(extractor, lines, "West Yorkshire Police inspected", published="2025-04-01")
    counts = {g for g in got if g[1] is None}
    assert counts == {(WYP, None, RI, False, 2, 8), (WYP, None, "good", False, 4, 8), (WYP, None, "adequate", False, 2, 8),
                      (WYP, None, "outstanding", False, 0, None)}
