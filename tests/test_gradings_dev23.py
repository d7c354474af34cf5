"""Phrasing -> gradings, by the general categories dev23's first run missed
(corpora/gold/dev23, eight web pages and press releases): a CQC core service
rated at a named hospital (and "at the hospital" after it), which grades the
location, not the trust; minutes' and news' reported speech ("reported that the
Service had been graded ..."), whose past perfect dates nothing; "This is an
improvement on the X judgement it received in 2018" after the sentence that
gave the grade now; and a council's youth justice service named by its
possessive ("Blackpool's youth justice service, which was rated ..."). The cases
are new wordings of each category, not the documents. Each case is a short
document ("# " starts a heading, "|" a table row); the expected records are
(organisation, area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
RIG = "requires improvement to be good"
TRUST = "east-lancashire-hospitals-nhs-trust"
TRUST_TITLE = "CQC rates East Lancashire Hospitals NHS Trust as requires improvement"
RBH = "royal-blackburn-teaching-hospital"
FIRE = "cumbria-fire-and-rescue-service"
FIRE_TITLE = "Minutes - Cumbria Fire and Rescue Service scrutiny panel - 3 June 2024"
OLDHAM = "oldham-council"
OLDHAM_TITLE = "Ofsted inspection of children's services: outcome | Oldham Council"
YJ_TITLE = "Bolton youth justice service rated 'Good' - HM Inspectorate of Probation"


def extract(extractor, lines, title, published="2024-06-20", kind="press-release"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return grading_rows(extractor.extract(doc))


# 1. A core service rated at a named hospital is the location's grade; "at the hospital" after it too.
@pytest.mark.parametrize("lines, expected, absent", [
    (["The Care Quality Commission has rated East Lancashire Hospitals NHS Trust as requires improvement overall.",
      "Maternity care at Royal Blackburn Teaching Hospital was rated inadequate for being well-led and requires improvement overall."],
     {(TRUST, "overall", RI, False, None, None), (RBH, "well-led", "inadequate", False, None, None), (RBH, "overall", RI, False, None, None)},
     {(TRUST, "well-led", "inadequate", False, None, None)}),
    (["The Care Quality Commission has rated East Lancashire Hospitals NHS Trust as requires improvement overall.",
      "The surgery service at Royal Blackburn Teaching Hospital was rated good overall. Children's services at the hospital were rated outstanding overall."],
     {(RBH, "overall", "good", False, None, None), (RBH, "overall", "outstanding", False, None, None)},
     {(TRUST, "overall", "outstanding", False, None, None)}),
    # trap: the trust's own grades stay the trust's; a hospital only visited is graded nothing
    (["Inspectors visited wards at Royal Blackburn Teaching Hospital in March.",
      "The trust was rated good for being caring and requires improvement overall."],
     {(TRUST, "caring", "good", False, None, None), (TRUST, "overall", RI, False, None, None)},
     {(RBH, "caring", "good", False, None, None), (RBH, "overall", RI, False, None, None)}),
])
def test_core_service_at_a_named_hospital(extractor, lines, expected, absent):
    got = extract(extractor, lines, TRUST_TITLE)
    assert expected <= got
    assert not (absent & got)


# 2. Reported speech: the past perfect of minutes and news is no earlier inspection.
@pytest.mark.parametrize("lines, expected, absent", [
    (["The panel received the report of the Chief Fire Officer on the Service's inspection by HMICFRS.",
      "The Chief Fire Officer told members that the Service had been graded good in six of the 11 areas and adequate in four."],
     {(FIRE, None, "good", False, 6, 11), (FIRE, None, "adequate", False, 4, 11)},
     {(FIRE, None, "good", True, 6, 11)}),
    (["The panel received the report of the Chief Fire Officer on the Service's inspection by HMICFRS.",
      "The Chair noted that Lancashire Fire and Rescue Service had been graded good in seven areas at its latest inspection."],
     {("lancashire-fire-and-rescue-service", None, "good", False, 7, None)},
     {("lancashire-fire-and-rescue-service", None, "good", True, 7, None)}),
    # trap: another cue in the clause still dates it
    (["The panel received the report of the Chief Fire Officer on the Service's inspection by HMICFRS.",
      "Members were told that at the previous inspection in 2019 the Service had been graded requires improvement for efficiency."],
     {(FIRE, "efficiency", RI, True, None, None)}, {(FIRE, "efficiency", RI, False, None, None)}),
    # trap: a hypothetical is no grade; an ordinary "good" is none either
    (["The panel received the report of the Chief Fire Officer on the Service's inspection by HMICFRS.",
      "He said that without the new rota the Service might have been graded inadequate for responding to fires, and that morale was good."],
     set(), {(FIRE, "responding to fires and other emergencies", "inadequate", False, None, None),
             (FIRE, "responding to fires and other emergencies", "inadequate", True, None, None)}),
])
def test_reported_speech_past_perfect(extractor, lines, expected, absent):
    got = extract(extractor, lines, FIRE_TITLE, kind="report")
    assert expected <= got
    assert not (absent & got)


# 3. "This is an improvement on the X judgement ...": the earlier grade of the area just graded.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Oldham's children's services were judged good overall.",
      "This represents an improvement on the inadequate rating the council was given in 2019."],
     {(OLDHAM, "overall effectiveness", "good", False, None, None), (OLDHAM, "overall effectiveness", "inadequate", True, None, None)},
     {(OLDHAM, "overall effectiveness", "inadequate", False, None, None)}),
    (["The experiences and progress of care leavers were judged requires improvement to be good.",
      "That marks a fall from the good judgement it received when last inspected in 2021."],
     {(OLDHAM, "care leavers", RIG, False, None, None), (OLDHAM, "care leavers", "good", True, None, None)},
     {(OLDHAM, "care leavers", "good", False, None, None)}),
    # trap: no grade in the sentence before; no grade in the "improvement"
    (["The council published its improvement plan in July.",
      "This is an improvement on the good plan it received in 2019."], set(),
     {(OLDHAM, "overall effectiveness", "good", True, None, None)}),
    (["Oldham's children's services were judged good overall.",
      "This is an improvement on last year's staffing levels, which were good news for families."],
     {(OLDHAM, "overall effectiveness", "good", False, None, None)},
     {(OLDHAM, "overall effectiveness", "good", True, None, None)}),
])
def test_improvement_on_the_grade_just_given(extractor, lines, expected, absent):
    got = extract(extractor, lines, OLDHAM_TITLE, published="2024-11-12", kind="report")
    assert expected <= got
    assert not (absent & got)


# 4. A council's youth justice service by its possessive, in a relative clause: the council's grade.
@pytest.mark.parametrize("lines, expected, absent", [
    (["HM Inspectorate of Probation has rated Bolton Youth Justice Service as 'Good'.",
      "Wigan's youth justice service, which was rated 'Outstanding' in 2023, runs a joint panel with Bolton."],
     {("wigan-council", "overall", "outstanding", False, None, None)}, {("wigan-council", "overall", "outstanding", True, None, None)}),
    (["HM Inspectorate of Probation has rated Bolton Youth Justice Service as 'Good'.",
      "Salford's youth offending team, which was judged inadequate in 2019, has since improved to good."],
     {("salford-city-council", "overall", "inadequate", True, None, None)}, {("salford-city-council", "overall", "inadequate", False, None, None)}),
    # trap: a relative clause that grades nothing
    (["HM Inspectorate of Probation has rated Bolton Youth Justice Service as 'Good'.",
      "Wigan's youth justice service, which was praised for its good partnerships, shares a building with Bolton."],
     set(), {("wigan-council", "overall", "good", False, None, None)}),
])
def test_possessive_youth_justice_service(extractor, lines, expected, absent):
    got = extract(extractor, lines, YJ_TITLE, published="2024-08-01")
    assert expected <= got
    assert not (absent & got)


# 5. A fire and rescue authority is a body of its own (kind other); the grades in its minutes are the service's.
def test_fire_authority_is_its_own_body(extractor):
    doc = document_from_lines(["Members of Merseyside Fire and Rescue Authority considered the report of the Chief Fire Officer.",
                               "He reported that Merseyside Fire and Rescue Service had been graded good in five of the 11 areas."],
                              "Minutes - Merseyside Fire and Rescue Authority - 4 July 2024", published="2024-07-04", kind="report")
    extraction = extractor.extract(doc)
    assert {o["id"] for o in extraction.organisations} >= {"merseyside-fire-and-rescue-authority", "merseyside-fire-and-rescue-service"}
    assert grading_rows(extraction) == {("merseyside-fire-and-rescue-service", None, "good", False, 5, 11)}
