"""Phrasing -> gradings, by the general categories dev29's first runs missed
(corpora/gold/dev29, eight full-length report chapters): a CQC location's tally
of one key question over its core services and "No service was rated ..." after
it; "We rated it as X because:" under a core service's key question; the
trust's kept overall rating in a location's report; another body ", itself
rated X"; ", which we rated X" after a body's name or its bracketed
abbreviation; a fronted "Before ... in YEAR," clause; a council's youth justice
service graded past a prepositional relative clause; HMI Prisons' closing
judgement "against this healthy prison test"; Ofsted's education judgement after
a relative clause; a list of counts whose total the zero count after it states;
a report's dateline. The cases are new wordings of each category, not the
documents. Each case is a short document ("# " starts a heading, "|" a table
row); the expected records are (organisation, area, grade, previous, count, out_of)."""

import pytest

from miner.nlp.inspection import identify_inspection
from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
IPSWICH = "ipswich-hospital"
ESNEFT = "east-suffolk-and-north-essex-nhs-foundation-trust"
IPSWICH_TITLE = "Ipswich Hospital - Care Quality Commission"
RUN_BY = "Provided and run by: East Suffolk and North Essex NHS Foundation Trust"
NORFOLK_POLICE_TITLE = "PEEL 2021/22: An inspection of Norfolk Constabulary"
PDU_TITLE = "An inspection of probation services in Dorset PDU"
PDU = "dorset-probation-delivery-unit"
YJS_TITLE = "An inspection of youth justice services in Luton"
PRISON_REPORT = "Report on an unannounced inspection of HMP Dartmoor – HM Inspectorate of Prisons"
PRISON_TITLE = "Report on an unannounced inspection of HMP Dartmoor – Section 4 Respect – HM Inspectorate of Prisons"


def extract(extractor, lines, title, published="2024-06-01", kind="report"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return grading_rows(extractor.extract(doc))


def organisation_ids(extractor, lines, title, published="2024-06-01"):
    doc = document_from_lines(lines, title, published=published, kind="report")
    return {o["id"] for o in extractor.extract(doc).organisations}


# 1. CQC: a key question's tally over the core services inspected, and "No service ..." after it.
@pytest.mark.parametrize("lines, expected, absent", [
    ([RUN_BY, "We rated well-led in two of the four services as good, in one as requires improvement and in the remaining one as inadequate."],
     {(IPSWICH, None, "good", False, 2, 4), (IPSWICH, None, RI, False, 1, 4), (IPSWICH, None, "inadequate", False, 1, 4)}, set()),
    ([RUN_BY, "We rated safe in three of the six services as requires improvement and in the other three as good.",
      "No service was rated inadequate for safe."],
     {(IPSWICH, None, RI, False, 3, 6), (IPSWICH, None, "good", False, 3, 6), (IPSWICH, None, "inadequate", False, 0, 6)}, set()),
    # trap: "No service ..." with no tally before it counts nothing
    ([RUN_BY, "The hospital runs six core services.", "No service was rated inadequate for safe."], set(),
     {(IPSWICH, None, "inadequate", False, 0, 6), (IPSWICH, None, "inadequate", False, 0, None)}),
])
def test_cqc_services_tally(extractor, lines, expected, absent):
    got = extract(extractor, lines, IPSWICH_TITLE)
    assert expected <= got
    assert not (absent & got)


# 2. CQC: "We rated it as X because:" under a core service's key question grades that question.
@pytest.mark.parametrize("lines, expected, absent", [
    ([RUN_BY, "# Maternity", "Is the service well-led?", "Inadequate", "Our rating of well-led fell. We rated it as inadequate because:"],
     {(IPSWICH, "well-led", "inadequate", False, None, None)}, {(IPSWICH, "overall", "inadequate", False, None, None)}),
    ([RUN_BY, "# Surgery", "Is the service safe?", "Good", "We rated it as good because:"],
     {(IPSWICH, "safe", "good", False, None, None)}, {(IPSWICH, "overall", "good", False, None, None)}),
    # trap: no key question just before: the service's overall rating, as before
    ([RUN_BY, "# Outpatients", "Staff were kind and patients were seen quickly in most clinics this spring.", "We rated it as good because:"],
     {(IPSWICH, "overall", "good", False, None, None)}, {(IPSWICH, "safe", "good", False, None, None)}),
])
def test_cqc_key_question_before_rated_it(extractor, lines, expected, absent):
    got = extract(extractor, lines, IPSWICH_TITLE)
    assert expected <= got
    assert not (absent & got)


# 3. CQC: the trust's kept overall rating in a location's report is the trust's, now and before.
@pytest.mark.parametrize("lines, expected, absent", [
    ([RUN_BY, "Our visit did not alter the trust's overall rating, which remains good."],
     {(ESNEFT, "overall", "good", False, None, None), (ESNEFT, "overall", "good", True, None, None)},
     {(IPSWICH, "overall", "good", True, None, None)}),
    # trap: the trust's rating not stated as kept
    ([RUN_BY, "We will look at the trust's overall rating when we inspect well-led later this year."], set(),
     {(ESNEFT, "overall", "good", False, None, None)}),
])
def test_cqc_trust_kept_rating(extractor, lines, expected, absent):
    got = extract(extractor, lines, IPSWICH_TITLE)
    assert expected <= got
    assert not (absent & got)


# 4. Another body ", itself rated X": its own grade (current: a year alone), not the subject's.
@pytest.mark.parametrize("lines, expected, absent", [
    ([RUN_BY, "Delays affected crews from the East of England Ambulance Service NHS Trust, itself rated inadequate in 2023, who waited outside."],
     {("east-of-england-ambulance-service-nhs-trust", "overall", "inadequate", False, None, None)},
     {(IPSWICH, "overall", "inadequate", False, None, None)}),
    # trap: a hypothetical
    ([RUN_BY, "Staff worried that the unit might itself be rated inadequate."], set(),
     {(IPSWICH, "overall", "inadequate", False, None, None)}),
])
def test_itself_rated(extractor, lines, expected, absent):
    got = extract(extractor, lines, IPSWICH_TITLE)
    assert expected <= got
    assert not (absent & got)


# 5. ", which we rated X" after a body's name or bracketed abbreviation; a fronted "Before ... in YEAR," dates it.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Before the Probation Service was reunified in 2021, some cases were held by the Dorset, Devon and Cornwall Community Rehabilitation Company (DDC CRC), which we rated inadequate in 2019."],
     {("dorset-devon-and-cornwall-community-rehabilitation-company", "overall", "inadequate", True, None, None)},
     {("dorset-devon-and-cornwall-community-rehabilitation-company", "overall", "inadequate", False, None, None)}),
    (["Some cases were held by the Dorset, Devon and Cornwall Community Rehabilitation Company, which we rated inadequate."],
     {("dorset-devon-and-cornwall-community-rehabilitation-company", "overall", "inadequate", False, None, None)}, set()),
    # trap: a standard, which we rated: no body's grade
    (["Planning was weaker than assessment, which we rated good."], set(),
     {(PDU, "overall", "good", False, None, None)}),
    # trap: "Before" with the inspection's own year dates nothing
    (["Before the inspection in 2024, the PDU, which we rated good, had lost staff."], set(),
     {(PDU, "overall", "good", True, None, None)}),
])
def test_which_we_rated_and_fronted_before(extractor, lines, expected, absent):
    got = extract(extractor, lines, PDU_TITLE, published="2024-07-01")
    assert expected <= got
    assert not (absent & got)


# 6. A council's youth justice service graded past a prepositional relative clause: the council's.
@pytest.mark.parametrize("lines, expected, absent", [
    (["HM Inspectorate of Probation", "Overall, Luton Youth Justice Service was rated as: Good.",
      "Bedford Borough Council's youth justice service, with which Luton runs a joint panel, was rated outstanding in 2023."],
     {("bedford-borough-council", "overall", "outstanding", False, None, None)},
     {("luton-borough-council", "overall", "outstanding", False, None, None)}),
    # trap: ordinary "good" about the service's work
    (["HM Inspectorate of Probation", "Overall, Luton Youth Justice Service was rated as: Good.",
      "Bedford Borough Council's youth justice service has good links with schools."], set(),
     {("bedford-borough-council", "overall", "good", False, None, None)}),
])
def test_council_youth_justice_service(extractor, lines, expected, absent):
    got = extract(extractor, lines, YJS_TITLE)
    assert expected <= got
    assert not (absent & got)


# 7. HMI Prisons: the closing judgement of a test's section; Ofsted's education judgement after a relative clause.
@pytest.mark.parametrize("title, lines, expected, absent", [
    (PRISON_TITLE, ["Living conditions had improved. Outcomes for prisoners were reasonably good against this healthy prison test."],
     {("hmp-dartmoor", "respect", "reasonably good", False, None, None)}, set()),
    (PRISON_REPORT, ["# 4. Respect", "Outcomes for prisoners were poor against this healthy prison test."],
     {("hmp-dartmoor", "respect", "poor", False, None, None)}, set()),
    # trap: no test named in the headings
    (PRISON_REPORT, ["# Conclusions", "Outcomes for prisoners were poor against this healthy prison test."], set(),
     {("hmp-dartmoor", "safety", "poor", False, None, None), ("hmp-dartmoor", "respect", "poor", False, None, None)}),
    (PRISON_TITLE, ["Ofsted, which visited the education department in the same week, judged the overall effectiveness of education, skills and work to be good."],
     {("hmp-dartmoor", "overall effectiveness", "good", False, None, None)}, set()),
])
def test_prison_closing_judgement_and_ofsted(extractor, title, lines, expected, absent):
    got = extract(extractor, lines, title)
    assert expected <= got
    assert not (absent & got)


# 8. A list of counts whose total the zero count right after it states.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Norfolk Constabulary was graded good in four areas, adequate in four and requires improvement in one. It was not graded inadequate in any of the nine areas we graded."],
     {("norfolk-constabulary", None, "good", False, 4, 9), ("norfolk-constabulary", None, "adequate", False, 4, 9),
      ("norfolk-constabulary", None, RI, False, 1, 9), ("norfolk-constabulary", None, "inadequate", False, 0, 9)},
     {("norfolk-constabulary", None, "good", False, 4, None)}),
    # trap: the next sentence's total is an earlier inspection's
    (["Norfolk Constabulary was graded good in four areas and adequate in two. In 2019 it was not graded inadequate in any of the ten areas we graded."],
     {("norfolk-constabulary", None, "good", False, 4, None)}, {("norfolk-constabulary", None, "good", False, 4, 10)}),
])
def test_count_list_total_in_the_zero_count_after(extractor, lines, expected, absent):
    got = extract(extractor, lines, NORFOLK_POLICE_TITLE, published="2022-09-01")
    assert expected <= got
    assert not (absent & got)


# 9. A report's dateline under its title dates the inspection when the page's metadata gives another year.
@pytest.mark.parametrize("text, published, date", [
    ("An inspection of youth justice services in Luton\nHM Inspectorate of Probation, October 2024\nOverall findings", "2019-01-01", "2024-10-01"),
    ("An inspection of youth justice services in Luton\nHM Inspectorate of Probation, October 2024\nOverall findings", "2024-10-17", "2024-10-17"),
    # trap: a month and year in a sentence is no dateline
    ("An inspection of youth justice services in Luton\nHM Inspectorate of Probation visited in October 2024, and we met staff.", "2025-01-09", "2025-01-09"),
])
def test_report_dateline(text, published, date):
    assert identify_inspection(text, title="An inspection of youth justice services in Luton", published=published).date == date


# 10. Organisations: a grade line run into a sentence names no PDU; a commissioner "for" a force area.
def test_grade_line_before_the_pdu_names_no_body(extractor):
    ids = organisation_ids(extractor, ["1.3 Services", "Good The PDU has a good range of services for people on probation."], PDU_TITLE)
    assert not any(i and i.startswith("good-") for i in ids)


def test_police_and_crime_commissioner_for_a_force_area(extractor):
    ids = organisation_ids(extractor, ["My thanks go to the Police and Crime Commissioner for Suffolk for her support."], NORFOLK_POLICE_TITLE)
    assert "suffolk-police-and-crime-commissioner" in ids
