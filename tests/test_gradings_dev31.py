"""Phrasing -> gradings and subject, by the general category dev31's first run
missed (corpora/gold/dev31, eight CQC documents): an adult social care service
a CQC report's title names (a care home, a nursing home, a home care agency) is
the body rated, by the slug of its name, as a GP practice in the title is; the
council that funds its places is not graded. A single assessment framework
report's 1-4 quality statement scores are no gradings. The cases are new
wordings, not the documents. Each case is a short document ("|" a table row);
the expected records are (organisation, area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
HOLLY = "hollyfield-nursing-home"
HOLLY_TITLE = "Hollyfield Nursing Home - Care Quality Commission"
GREEN = "greenacre-home-care"
GREEN_TITLE = "Greenacre Home Care - Assessment report - Care Quality Commission"
ASH = "ashdown-lodge-care-home"
ASH_TITLE = "Ashdown Lodge Care Home - Inspection report - Care Quality Commission"


def extract(extractor, lines, title, published="2024-10-01", kind="report"):
    extraction = extractor.extract(document_from_lines(lines, title, published=published, kind=kind))
    return grading_rows(extraction), extraction


@pytest.mark.parametrize("lines, title, body, expected", [
    (["Overall: Good", "|Key question|Rating|", "|Safe|Requires improvement|", "|Caring|Outstanding|",
      "Most residents' places are paid for by Surrey County Council."],
     HOLLY_TITLE, HOLLY,
     {(HOLLY, "overall", "good", False, None, None), (HOLLY, "safe", RI, False, None, None),
      (HOLLY, "caring", "outstanding", False, None, None)}),
    (["Overall rating: Requires improvement", "|Key question|Rating|", "|Well-led|Inadequate|",
      "At our last inspection (published 4 May 2022) the service was rated good."],
     GREEN_TITLE, GREEN,
     {(GREEN, "overall", RI, False, None, None), (GREEN, "well-led", "inadequate", False, None, None),
      (GREEN, "overall", "good", True, None, None)}),
    (["We rated the home as inadequate overall.", "The last rating for this service was requires improvement (published 9 March 2021)."],
     ASH_TITLE, ASH,
     {(ASH, "overall", "inadequate", False, None, None), (ASH, "overall", RI, True, None, None)}),
])
def test_a_care_service_named_in_the_title_is_graded(extractor, lines, title, body, expected):
    got, extraction = extract(extractor, lines, title)
    assert expected <= got
    assert {row[0] for row in got} == {body}  # the funding council and the regulator are not graded
    assert extraction.subject_id == body


# Traps: an ordinary "good", the 1-4 scores of quality statements, a title that names no service.
@pytest.mark.parametrize("lines, title", [
    (["Relatives said the food was good and the garden well kept."], HOLLY_TITLE),
    (["|Quality statement|Score|", "|Safeguarding|3|", "|Medicines optimisation|1|",
      "A score of 3 shows a good standard."], GREEN_TITLE),
    (["Care homes across the county were rated good in most areas, the council said."],
     "Care home places in Kent - Care Quality Commission"),
])
def test_no_grading_without_a_rating(extractor, lines, title):
    got, _ = extract(extractor, lines, title)
    assert not got


# A location page's table of its core services' ratings: the services' rows give no records, its "Overall" row is the location's.
WHIT = "whitmore-general-hospital"
WHIT_TITLE = "Whitmore General Hospital - Care Quality Commission"


def test_the_overall_row_of_a_services_table_is_the_location(extractor):
    lines = ["|Service|Safe|Effective|Caring|Responsive|Well-led|Overall|",
             "|Maternity|Inadequate|Good|Good|Good|Inadequate|Inadequate|",
             "|Surgery|Good|Good|Outstanding|Good|Good|Good|",
             "|Overall|Requires improvement|Good|Good|Good|Requires improvement|Requires improvement|"]
    got, _ = extract(extractor, lines, WHIT_TITLE)
    assert got == {(WHIT, "safe", RI, False, None, None), (WHIT, "effective", "good", False, None, None),
                   (WHIT, "caring", "good", False, None, None), (WHIT, "responsive", "good", False, None, None),
                   (WHIT, "well-led", RI, False, None, None), (WHIT, "overall", RI, False, None, None)}


def test_a_services_table_without_its_overall_row_gives_nothing(extractor):
    lines = ["|Service|Safe|Effective|Caring|Responsive|Well-led|Overall|",
             "|Maternity|Inadequate|Good|Good|Good|Inadequate|Inadequate|"]
    got, _ = extract(extractor, lines, WHIT_TITLE)
    assert not got
