"""Phrasing -> gradings and organisations, by the general categories dev30's first runs missed
(corpora/gold/dev30, Ofsted children's services publications): a town written before a postcode
in an inspectorate's letterhead is an address, no council; a share of bodies in words ("around a
quarter of councils", "one in five forces") is the subject of the grade after it, which is no
one body's; the bodies of a joint inspection's letter (a police and crime commissioner, an
integrated care board, a safeguarding partnership) are the gazetteer's. The cases are new
wordings of each category, not the documents. Each case is a short document ("# " starts a
heading, "|" a table row); the expected records are (organisation, area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement to be good"
OE = "overall effectiveness"
WIRRAL = "wirral-council"
WIRRAL_TITLE = "Monitoring visit to Wirral children's services"


def run(extractor, lines, title, published="2024-09-12", kind="report"):
    return extractor.extract(document_from_lines(lines, title, published=published, kind=kind))


def organisation_ids(extraction) -> set[str]:
    return {o["id"] if isinstance(o, dict) else o.id for o in extraction.organisations}


# 1. A town before a postcode is an address (an inspectorate's office in a letter's head), no council.
@pytest.mark.parametrize("address, town_council", [
    ("Ofsted Agora 6 Cumberland Place Nottingham NG1 6HJ", "nottingham-city-council"),
    ("Ofsted Piccadilly Gate Store Street Manchester M1 2WD", "manchester-city-council"),
    ("Ofsted, 2 Rivergate, Temple Quay, Bristol BS1 6EH", "bristol-city-council"),
])
def test_town_in_a_letterhead_address_is_no_body(extractor, address, town_council):
    lines = [address, "Dear Director",
             "This letter sets out what we found when we visited Wirral Council's children's services.",
             "The local authority was judged inadequate for overall effectiveness in 2023."]
    got = run(extractor, lines, WIRRAL_TITLE)
    assert town_council not in organisation_ids(got)
    assert got.subject_id == WIRRAL
    assert not any(g.organisation_id == town_council for g in got.gradings)


# trap: the same town named as a body in the text stays one
def test_town_named_as_a_body_outside_an_address_stays(extractor):
    lines = ["Ofsted Agora 6 Cumberland Place Nottingham NG1 6HJ",
             "This letter sets out what we found when we visited Wirral Council's children's services.",
             "Leaders have visited Nottingham City Council to learn from its work with care leavers."]
    got = run(extractor, lines, WIRRAL_TITLE)
    assert "nottingham-city-council" in organisation_ids(got)


# 2. A share of bodies in words as the subject of a grade: no body's grade; the subject's own grade beside it stays.
REDCAR = "redcar-and-cleveland-borough-council"
REDCAR_TITLE = "Redcar and Cleveland children's services rated good by Ofsted"


@pytest.mark.parametrize("sentence", [
    "Roughly a third of councils in England are now rated outstanding for their children's services.",
    "Nationally, half of all councils are judged good, according to Ofsted's latest figures.",
    "One in five councils was rated inadequate at its most recent inspection.",
    "Some 15% of councils remain rated requires improvement to be good.",
    "Most councils in the region have been rated good since 2019.",
])
def test_share_of_bodies_grades_no_body(extractor, sentence):
    lines = ["Redcar and Cleveland Borough Council's services for children were rated good by inspectors this week.", sentence]
    got = grading_rows(run(extractor, lines, REDCAR_TITLE, kind="news"))
    assert (REDCAR, OE, "good", False, None, None) in got
    assert not {row for row in got if row[2] != "good" or row[3]}, got


@pytest.mark.parametrize("lines, expected", [
    # trap: a body named by itself, no share before it, keeps its grade
    (["Redcar and Cleveland Borough Council was rated good by inspectors this week.",
      "Neighbouring Middlesbrough Council was rated inadequate in 2022."],
     {(REDCAR, OE, "good", False, None, None), ("middlesbrough-council", OE, "inadequate", False, None, None)}),
    # trap: the council's own grade before the share in the same sentence stays
    (["Redcar and Cleveland Borough Council was rated good, like about half of councils in England."],
     {(REDCAR, OE, "good", False, None, None)}),
    # trap: an ordinary "good" and a hypothetical grade are no gradings
    (["Redcar and Cleveland Borough Council was rated good by inspectors this week.",
      "Some councils say that good social workers are hard to find, and the council feared it could be rated inadequate."],
     {(REDCAR, OE, "good", False, None, None)}),
])
def test_share_of_bodies_traps(extractor, lines, expected):
    got = grading_rows(run(extractor, lines, REDCAR_TITLE, kind="news"))
    assert got == expected


def test_share_of_forces_in_a_police_story(extractor):
    lines = ["Cleveland Police has been rated adequate at investigating crime by the inspectorate.",
             "Around a quarter of forces in England and Wales were rated inadequate for responding to the public."]
    got = grading_rows(run(extractor, lines, "Cleveland Police improves in latest inspection", kind="news"))
    assert ("cleveland-police", "investigating crime", "adequate", False, None, None) in got
    assert not any(row[2] == "inadequate" for row in got)


# 3. A joint inspection's letter names partners the gazetteer lists: the commissioner, the ICB (not the trust
# whose name its own contains) and the safeguarding partnership.
def test_joint_inspection_partners_are_the_gazetteers(extractor):
    lines = ["To: the Chief Constable, Northumbria Police; the Police and Crime Commissioner for Northumbria; "
             "the Chief Executive, NHS North East and North Cumbria Integrated Care Board; "
             "the Independent Scrutineer, Northumberland Strategic Safeguarding Partnership",
             "A joint targeted area inspection does not result in a graded judgement.",
             "Northumberland County Council and its partners have a good understanding of the risks children face."]
    got = run(extractor, lines, "Joint targeted area inspection of Northumberland")
    ids = organisation_ids(got)
    assert {"northumbria-police-and-crime-commissioner", "nhs-north-east-and-north-cumbria-integrated-care-board",
            "northumberland-strategic-safeguarding-partnership", "northumbria-police"} <= ids
    assert "north-cumbria-integrated-care-nhs-foundation-trust" not in ids
    assert not got.gradings
