"""Phrasing -> gradings, by the general categories dev21's first run missed
(corpora/gold/dev21, eight report extracts), and one its gold was corrected on:
CQC's "Core service | Safe | ... | Overall" table gives no records (its rows
are services', which a grading cannot hold apart from the trust's own ratings,
ANNOTATION.md); a count whose areas follow "of" ("good in all
three pillars of effectiveness, efficiency and people"); a grade said to hold
"now" in a sentence that continues one about the last inspection; and a body
of the gazetteer's kinds it lacked (a community rehabilitation company). The
cases are new wordings of each category, not the documents. Each case is a
short document ("|" a table row); the expected records are (organisation,
area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
NTW = "cumbria-northumberland-tyne-and-wear-nhs-foundation-trust"
NTW_TITLE = "Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust - Care Quality Commission"
LANCS_FIRE = "lancashire-fire-and-rescue-service"
LANCS_FIRE_TITLE = "Effectiveness, efficiency and people 2023–25: An inspection of Lancashire Fire and Rescue Service"
CLEVELAND = "cleveland-police"
CLEVELAND_TITLE = "PEEL 2023–25: An inspection of Cleveland Police"
LEEDS_PDU = "leeds-probation-delivery-unit"
LEEDS_TITLE = "An inspection of probation services in: Leeds PDU"


def extract(extractor, lines, title, published="2024-06-01", kind="report"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return grading_rows(extractor.extract(doc))


# 1. CQC's core services table beside the trust's own ratings: its rows are the services', which a
# grading (no service field) cannot hold apart from the trust's, so they give no records (ANNOTATION.md).
@pytest.mark.parametrize("lines, expected, absent", [
    (["|Key question|Rating|",
      "|Are services safe?|Requires improvement|",
      "|Core service|Safe|Effective|Caring|Responsive|Well-led|Overall|",
      "|Forensic inpatient wards|Good|Outstanding|Good|Good|Inadequate|Requires improvement|",
      "|Mental health crisis services|Requires improvement|Good|Good|Good|Good|Good|"],
     {(NTW, "safe", RI, False, None, None)},
     {(NTW, "safe", "good", False, None, None), (NTW, "effective", "outstanding", False, None, None),
      (NTW, "well-led", "inadequate", False, None, None), (NTW, "overall", "good", False, None, None)}),
    # the trust's own whole-trust rows are still read
    (["|Safe|Effective|Caring|Responsive|Well-led|Overall|",
      "|Current rating|Good|Good|Outstanding|Good|Requires improvement|Good|",
      "|Core service|Safe|Effective|Caring|Responsive|Well-led|Overall|",
      "|Forensic inpatient wards|Inadequate|Good|Good|Good|Good|Good|"],
     {(NTW, "safe", "good", False, None, None), (NTW, "caring", "outstanding", False, None, None)},
     {(NTW, "safe", "inadequate", False, None, None)}),
])
def test_cqc_core_service_rows_give_no_trust_grades(extractor, lines, expected, absent):
    got = extract(extractor, lines, NTW_TITLE, published="2024-09-01")
    assert expected <= got
    assert not (absent & got)


# 2. A count whose areas are named after "of": each area named carries the count's grade.
@pytest.mark.parametrize("lines, title, expected, absent", [
    (["At our 2022 inspection we judged the service good in all three pillars of effectiveness, efficiency and people."],
     LANCS_FIRE_TITLE,
     {(LANCS_FIRE, None, "good", True, 3, 3), (LANCS_FIRE, "effectiveness", "good", True, None, None),
      (LANCS_FIRE, "efficiency", "good", True, None, None), (LANCS_FIRE, "people", "good", True, None, None)},
     {(LANCS_FIRE, "people", "good", False, None, None)}),
    (["The force was graded adequate in two areas of investigating crime and managing offenders and suspects."],
     CLEVELAND_TITLE,
     {(CLEVELAND, None, "adequate", False, 2, None), (CLEVELAND, "investigating crime", "adequate", False, None, None),
      (CLEVELAND, "managing offenders and suspects", "adequate", False, None, None)},
     set()),
    # trap: "of" after a count that names no area of the scale adds no record
    (["The force was graded adequate in two areas of its work."], CLEVELAND_TITLE,
     {(CLEVELAND, None, "adequate", False, 2, None)}, {(CLEVELAND, "investigating crime", "adequate", False, None, None)}),
    # trap: an ordinary "good" with "of" after it is no count
    (["Officers have a good understanding of the areas of highest demand, including protecting vulnerable people."],
     CLEVELAND_TITLE, set(), {(CLEVELAND, "protecting vulnerable people", "good", False, None, None)}),
])
def test_count_areas_after_of(extractor, lines, title, expected, absent):
    got = extract(extractor, lines, title)
    assert expected <= got
    assert not (absent & got)


# 3. After a sentence on the last inspection, a grade its own clause says holds "now" is this
# inspection's; a clause of the same sentence without "now" still continues the earlier one.
@pytest.mark.parametrize("lines, expected, absent", [
    (["At the 2022 inspection we judged the force good at preventing crime and at protecting vulnerable people. "
      "Its work to protect vulnerable people is now inadequate, and it is no longer graded good for preventing crime."],
     {(CLEVELAND, "protecting vulnerable people", "inadequate", False, None, None),
      (CLEVELAND, "protecting vulnerable people", "good", True, None, None),
      (CLEVELAND, "preventing crime", "good", True, None, None)},
     {(CLEVELAND, "protecting vulnerable people", "inadequate", True, None, None),
      (CLEVELAND, "preventing crime", "good", False, None, None)}),
    # trap: no "now": the continuing sentence stays on the earlier inspection
    (["In 2022 we graded the force requires improvement for responding to the public. "
      "It was also judged adequate at investigating crime."],
     {(CLEVELAND, "investigating crime", "adequate", True, None, None)},
     {(CLEVELAND, "investigating crime", "adequate", False, None, None)}),
    # trap: a hypothetical "now" is no grade at all
    (["At the 2022 inspection we judged the force good at managing offenders and suspects. "
      "It could now be graded inadequate for investigating crime if nothing changes."],
     set(), {(CLEVELAND, "investigating crime", "inadequate", False, None, None),
             (CLEVELAND, "investigating crime", "inadequate", True, None, None)}),
])
def test_now_after_a_sentence_on_the_last_inspection(extractor, lines, expected, absent):
    got = extract(extractor, lines, CLEVELAND_TITLE, published="2025-02-01")
    assert expected <= got
    assert not (absent & got)


# 4. Another body of a kind the gazetteer holds, dated only by a year after it: its grade, current.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Leeds has not been inspected as a PDU before; the West Yorkshire Community Rehabilitation Company, "
      "which supervised lower-risk cases, was judged inadequate in 2018."],
     {("west-yorkshire-community-rehabilitation-company", "overall", "inadequate", False, None, None)},
     {(LEEDS_PDU, "overall", "inadequate", False, None, None), (LEEDS_PDU, "overall", "inadequate", True, None, None)}),
    # trap: a hypothetical grade of the body after the semicolon is none
    (["Leeds has not been inspected as a PDU before; the West Yorkshire CRC could have been rated inadequate in 2019."], set(),
     {("west-yorkshire-community-rehabilitation-company", "overall", "inadequate", False, None, None)}),
    (["Staff who had worked for the West Yorkshire CRC said caseloads were now lower."], set(),
     {("west-yorkshire-community-rehabilitation-company", "overall", "good", False, None, None)}),
])
def test_other_probation_provider_with_a_year(extractor, lines, expected, absent):
    got = extract(extractor, lines, LEEDS_TITLE, published="2024-10-01")
    assert expected <= got
    assert not (absent & got)


# 5. Some of a number of bodies ("14 of the 153 councils ... are rated inadequate") is no body's grade,
# for the learned layer as for the rules; a body's own grade before such a count keeps its record.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Sefton Council's children's services have been judged good.",
      "Nationally, 19 of the 152 councils with children's services are now rated outstanding, Ofsted said."],
     {("sefton-council", "overall effectiveness", "good", False, None, None)},
     {("sefton-council", "overall effectiveness", "outstanding", False, None, None)}),
    # a count of bodies after the body's own grade does not take it away
    (["Sefton Council's children's services have been rated inadequate, joining 14 of the 153 councils in that position."],
     {("sefton-council", "overall effectiveness", "inadequate", False, None, None)}, set()),
])
def test_some_of_a_number_of_bodies(extractor, lines, expected, absent):
    got = extract(extractor, lines, "Sefton's children's services judged", published="2025-04-08")
    assert expected <= got
    assert not (absent & got)
