"""Phrasing -> gradings, by the general categories dev32's first run missed
(corpora/gold/dev32: prison, YOI, probation region and youth justice reports
from Wales, the North West and London): a Welsh council's youth justice service
named after the council ("Flintshire Youth Justice Service"; the gazetteer lists
Welsh councils by their full names, with no bare place); a probation region
written "the X region" in a report on the region, but not where it is only a
place ("part of the X region of the Probation Service"); a region's delivery
standards, where "Desistance" and "Public protection" are case supervision and
"Unpaid work" has no area; a flattened comparison header whose second column's
date wrapped onto a line of its own ("This inspection Last inspection" /
"(2021)"); and Ofsted's earlier grade of a prison's education after "down from"
or "an improvement on the X judgement it gave". The cases are new wordings of
each category, not the documents. Each case is a short document ("# " starts a
heading, "|" a table row); the expected records are (organisation, area, grade,
previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
RI_OFSTED = "requires improvement to be good"
WREXHAM = "wrexham-county-borough-council"
SW = "south-west-probation-region"
SW_TITLE = "An inspection of probation services in the South West region - HM Inspectorate of Probation"
BRISTOL_TITLE = "An inspection of probation services in Bristol PDU - HM Inspectorate of Probation"
HAVERIGG = "hmp-haverigg"
HAVERIGG_TITLE = "Report on an unannounced inspection of HMP Haverigg"


def extract(extractor, lines, title, published="2025-02-10", kind="report"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return grading_rows(extractor.extract(doc))


def organisations(extractor, lines, title, published="2025-02-10", kind="report"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return {o["id"] for o in extractor.extract(doc).organisations}


# 1. A Welsh council's youth justice service, named after the council: the council's grades.
@pytest.mark.parametrize("lines, expected", [
    (["Overall, Wrexham Youth Justice Service was rated as Requires improvement."], {(WREXHAM, "overall", RI, False, None, None)}),
    (["We rated four of the twelve standards as good and eight as requires improvement."],
     {(WREXHAM, None, "good", False, 4, 12), (WREXHAM, None, RI, False, 8, 12)}),
    (["|1.2 Staff|Outstanding|"], {(WREXHAM, "organisational delivery", "outstanding", False, None, None)}),
])
def test_welsh_youth_justice_service_is_its_council(extractor, lines, expected):
    got = extract(extractor, lines, "An inspection of youth justice services in Wrexham Youth Justice Service - HM Inspectorate of Probation")
    assert expected <= got
    assert all(row[0] == WREXHAM for row in got)


# 2. "The X region" in a report on a probation region is the region; a region only named as where
# a unit is ("part of the X region of the Probation Service") is no body.
def test_region_report_grades_the_region(extractor):
    got = extract(extractor, ["The South West region of the Probation Service covers six counties.",
                              "Overall, we rated the South West region as Good."], SW_TITLE)
    assert (SW, "overall", "good", False, None, None) in got


def test_region_as_a_place_is_no_body(extractor):
    lines = ["Bristol PDU, part of the South West region of the Probation Service, was rated good.",
             "It is one of the busiest units in the South West region.",
             "The South West region of the Probation Service should:", "- recruit more probation officers"]
    assert SW not in organisations(extractor, lines, BRISTOL_TITLE)
    assert not any(row[0] == SW for row in extract(extractor, lines, BRISTOL_TITLE))


def test_region_addressed_by_recommendations_is_named(extractor):
    lines = ["# Recommendations", "The South West region should:", "- reduce caseloads"]
    assert SW in organisations(extractor, lines, BRISTOL_TITLE)


# 3. A region's delivery standards: desistance and public protection are case supervision; unpaid work has no area.
@pytest.mark.parametrize("lines, expected, absent", [
    (["|2.1 Desistance|Requires improvement|"], {(SW, "case supervision", RI, False, None, None)}, set()),
    (["|2.2 Public protection|Inadequate|"], {(SW, "case supervision", "inadequate", False, None, None)}, set()),
    # trap: unpaid work is graded, but no area of the scale is unpaid work
    (["|2.4 Unpaid work|Outstanding|"], set(), {(SW, "case supervision", "outstanding", False, None, None)}),
    (["|3.4 Accredited programmes|Good|"], set(), {(SW, "case supervision", "good", False, None, None)}),
])
def test_region_delivery_standards(extractor, lines, expected, absent):
    got = extract(extractor, lines, SW_TITLE)
    assert expected <= got
    assert not (absent & got)
    if not expected:
        assert not got


# 4. A flattened comparison table whose second header's date wrapped onto its own line.
def test_comparison_header_with_wrapped_date(extractor):
    lines = ["Healthy prison test This inspection Last inspection", "(2020)",
             "Safety Poor Not sufficiently good", "Respect Reasonably good Good"]
    got = extract(extractor, lines, HAVERIGG_TITLE, published="2024-06-01")
    assert {(HAVERIGG, "safety", "poor", False, None, None), (HAVERIGG, "safety", "not sufficiently good", True, None, None),
            (HAVERIGG, "respect", "reasonably good", False, None, None), (HAVERIGG, "respect", "good", True, None, None)} <= got
    assert (HAVERIGG, "respect", "good", False, None, None) not in got


# 5. Ofsted's earlier grade of a prison's education, skills and work, after the current one.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Ofsted judged the overall effectiveness of education, skills and work to be good, up from requires improvement at the previous inspection."],
     {(HAVERIGG, "overall effectiveness", "good", False, None, None), (HAVERIGG, "overall effectiveness", RI_OFSTED, True, None, None)}, set()),
    (["Ofsted found the overall effectiveness of education, skills and work to be inadequate, a fall from the good judgement it gave in 2021."],
     {(HAVERIGG, "overall effectiveness", "inadequate", False, None, None), (HAVERIGG, "overall effectiveness", "good", True, None, None)}, set()),
    # trap: "down from" a figure is no grade
    (["Ofsted judged the overall effectiveness of education, skills and work to be inadequate, with attendance down from 80% to 61%."],
     {(HAVERIGG, "overall effectiveness", "inadequate", False, None, None)}, {(HAVERIGG, "overall effectiveness", "inadequate", True, None, None)}),
])
def test_ofsted_earlier_education_grade(extractor, lines, expected, absent):
    got = extract(extractor, lines, HAVERIGG_TITLE, published="2024-06-01")
    assert expected <= got
    assert not (absent & got)
    assert not any(row[3] for row in got if row not in expected)
