"""Phrasing -> gradings, by the general categories dev14's first runs missed
(corpora/gold/dev14): a news story's sentence giving the grade now against the
earlier one, whose next sentences are about the new inspection; a headline
naming a local unit by its place and its kind as a common noun ("Newcastle
probation service rated ..."), not the national Probation Service; an NHS
trust named in the headline by its places, so that "It was not rated
outstanding in any of the five key questions" is the trust's; and a fire
inspection's diagnostic areas, which are not PEEL's areas of the same name.
The cases are new wordings of each category, not the documents. Each case is a
short document ("# " starts a heading, "|" a table row); the expected records
are (organisation, area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
NTH_TRUST = "north-tees-and-hartlepool-nhs-foundation-trust"
NTH_NAME = "North Tees and Hartlepool NHS Foundation Trust"


def extraction(extractor, lines, title, published="2025-05-20", kind="news"):
    return extractor.extract(document_from_lines(lines, title, published=published, kind=kind))


def extract(extractor, lines, title, **kwargs):
    return grading_rows(extraction(extractor, lines, title, **kwargs))


# 1. "rated X, down from Y at its last inspection in 2019": the sentences after it are the new inspection's.
@pytest.mark.parametrize("lines, expected", [
    ([f"The Care Quality Commission rated {NTH_NAME} as good overall, up from requires improvement at its previous inspection in 2018.",
      "The trust was rated requires improvement for being safe and good for being caring and effective."],
     {(NTH_TRUST, "overall", "good", False, None, None), (NTH_TRUST, "overall", RI, True, None, None),
      (NTH_TRUST, "safe", RI, False, None, None), (NTH_TRUST, "caring", "good", False, None, None),
      (NTH_TRUST, "effective", "good", False, None, None)}),
    ([f"Inspectors downgraded {NTH_NAME} to requires improvement overall, down from good when they last visited in 2020.",
      "The trust was rated inadequate for being well-led."],
     {(NTH_TRUST, "overall", RI, False, None, None), (NTH_TRUST, "overall", "good", True, None, None),
      (NTH_TRUST, "well-led", "inadequate", False, None, None)}),
    # Trap: a sentence wholly about the earlier inspection still starts a chain.
    ([f"When the CQC last inspected {NTH_NAME} in 2019, it was rated good overall.",
      "The trust was rated outstanding for being caring."],
     {(NTH_TRUST, "overall", "good", True, None, None), (NTH_TRUST, "caring", "outstanding", True, None, None)}),
])
def test_grade_now_against_the_earlier_one(extractor, lines, expected):
    assert extract(extractor, lines, "Teesside hospitals rated by watchdog") == expected


# 2. A headline's "X probation service" / "Probation service in X" is the local unit the body names in full.
@pytest.mark.parametrize("lines, title, subject", [
    (["The probation service that supervises offenders in Sunderland has been rated requires improvement.",
      "HM Inspectorate of Probation inspected Sunderland Probation Delivery Unit in June.",
      "A Probation Service spokesperson said it accepted the findings, and the Probation Service would recruit more staff."],
     "Sunderland probation service told it must improve", "sunderland-probation-delivery-unit"),
    (["Probation officers in Stockport and Trafford are managing too many cases, inspectors found.",
      "The Stockport and Trafford Probation Delivery Unit was rated inadequate.",
      "The Probation Service said it was recruiting, and the Probation Service's regional director apologised."],
     "Probation service in Stockport rated inadequate", "stockport-and-trafford-probation-delivery-unit"),
])
def test_headline_names_the_local_unit(extractor, lines, title, subject):
    assert extraction(extractor, lines, title).subject_id == subject


@pytest.mark.parametrize("lines, title, subject", [
    # The national service named as such in the headline, and more often than the unit.
    (["The Probation Service has been told to cut caseloads after inspectors found staff overwhelmed.",
      "Inspectors visited Sunderland Probation Delivery Unit among others.",
      "The Probation Service said it would act on every recommendation."],
     "Probation Service Told To Cut Caseloads", "probation-service"),
])
def test_headline_national_service_trap(extractor, lines, title, subject):
    assert extraction(extractor, lines, title).subject_id == subject


def test_the_unit_story_grades_go_to_the_unit(extractor):
    # (The body names the unit in full once; the headline and the lede only by place and kind.)
    lines = ["The probation service covering Sunderland has been rated requires improvement.",
             "HM Inspectorate of Probation visited Sunderland Probation Delivery Unit in March.",
             "Inspectors looked at ten standards and rated the PDU inadequate in three of them."]
    got = extract(extractor, lines, "Sunderland probation service rated requires improvement")
    assert ("sunderland-probation-delivery-unit", None, "inadequate", False, 3, 10) in got
    assert not any(org == "probation-service" for org, *_ in got)


# 2b. The unit described by what it does before its grade, and "the unit" for it.
@pytest.mark.parametrize("line, expected", [
    ("The probation service responsible for managing offenders in Sunderland has been rated inadequate.",
     {("sunderland-probation-delivery-unit", "overall", "inadequate", False, None, None)}),
    ("The unit had been judged good when inspectors last visited in 2021.",
     {("sunderland-probation-delivery-unit", "overall", "good", True, None, None)}),
    # Trap: people in the place, not the service, are what the clause is about.
    ("Offenders supervised in Sunderland said the service was good to them.", set()),
])
def test_unit_described_by_its_work(extractor, line, expected):
    lines = ["HM Inspectorate of Probation inspected Sunderland Probation Delivery Unit in March.", line]
    assert extract(extractor, lines, "Sunderland probation service under scrutiny") == expected


# 4. The trust named in the headline by its places is the subject: a zero count over the key questions is its.
@pytest.mark.parametrize("lines, title, expected", [
    ([f"The CQC rated {NTH_NAME} as requires improvement overall.",
      "Nearby South Tyneside and Sunderland NHS Foundation Trust was rated good in 2023.",
      "It was not rated outstanding for any of the five key questions."],
     "North Tees and Hartlepool hospitals trust told to improve",
     {(NTH_TRUST, "overall", RI, False, None, None), ("south-tyneside-and-sunderland-nhs-foundation-trust", "overall", "good", False, None, None),
      (NTH_TRUST, None, "outstanding", False, 0, 5)}),
])
def test_trust_named_by_its_places_in_the_headline(extractor, lines, title, expected):
    assert extract(extractor, lines, title) == expected


def test_a_one_word_place_shared_with_another_body_is_no_subject(extractor):
    """Trap: "Hull" in the headline is the hospital's as much as its trust's."""
    lines = ["Hull Royal Infirmary was rated requires improvement overall by the CQC.",
             "The hospital is run by Hull University Teaching Hospitals NHS Trust."]
    assert extraction(extractor, lines, "Hull hospital told to improve").subject_id != "hull-university-teaching-hospitals-nhs-trust"


# 6. A fire inspection grades its three pillars; its diagnostic areas are no PEEL areas.
@pytest.mark.parametrize("rows, expected", [
    (["| Efficiency | Good |", "| Making best use of resources | Requires improvement |", "| Making the service affordable now and in future | Good |"],
     {("kent-fire-and-rescue-service", "efficiency", "good", False, None, None)}),
    (["| People | Requires improvement |", "| Making best use of resources | Good |"],
     {("kent-fire-and-rescue-service", "people", RI, False, None, None)}),
])
def test_fire_diagnostic_areas_are_not_peel_areas(extractor, rows, expected):
    lines = ["Kent Fire and Rescue Service", "# Overall judgements", "| Area | Grade |", *rows]
    got = extract(extractor, lines, "Effectiveness, efficiency and people 2021/22: An inspection of Kent Fire and Rescue Service",
                  published="2022-07-27", kind="report")
    assert got == expected


# 5. A CQC report's "Previous rating (date): G" under its overall rating: the body's earlier overall rating.
@pytest.mark.parametrize("line, expected", [
    ("Previous rating (March 2021): Requires improvement", {(NTH_TRUST, "overall", RI, True, None, None)}),
    ("Last rating: Inadequate", {(NTH_TRUST, "overall", "inadequate", True, None, None)}),
    # Traps: a header cell and a note name no grade.
    ("| Key question | Rating | Previous rating |", set()),
    ("Previous ratings are shown in brackets where they differ.", set()),
])
def test_previous_rating_line(extractor, line, expected):
    lines = [NTH_NAME, "Overall rating for this trust: Good", line]
    got = extract(extractor, lines, f"{NTH_NAME}: inspection report", published="2024-09-12", kind="report")
    assert got == {(NTH_TRUST, "overall", "good", False, None, None)} | expected
