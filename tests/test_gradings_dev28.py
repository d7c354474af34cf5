"""Phrasing -> gradings, by the general category dev28's first run missed
(corpora/gold/dev28, eight national news pieces from the North West and West
Midlands): a named body, then an aside between commas that names no other
body ("<Body>, its neighbour,", "<Body>, which borders the county,"), then its
grade. The aside must not name another body (the grade would be read as that
body's), and a grade with no inspection verb, or a hypothetical, is none. The
cases are new wordings, not the documents. Each case is a short document; the
expected records are (organisation, area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement to be good"
HEREFORD_TITLE = "Herefordshire children's services rated inadequate by Ofsted"
WARKS_TITLE = "Warwickshire Police placed in special measures after inspection"


def extract(extractor, lines, title, published="2025-05-01", kind="news"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return grading_rows(extractor.extract(doc))


@pytest.mark.parametrize("lines, title, expected, absent", [
    (["Worcestershire County Council, the county's other neighbour, was judged requires improvement to be good."], HEREFORD_TITLE,
     {("worcestershire-county-council", "overall effectiveness", RI, False, None, None)}, set()),
    (["Shropshire Council, which shares a border with the county, has been rated outstanding."], HEREFORD_TITLE,
     {("shropshire-council", "overall effectiveness", "outstanding", False, None, None)}, set()),
    (["West Mercia Police, its neighbour to the west, was graded adequate at responding to the public."], WARKS_TITLE,
     {("west-mercia-police", "responding to the public", "adequate", False, None, None)}, set()),
    # trap: the aside names another body, whose grade this is not read as
    (["Shropshire Council, which runs services with Telford and Wrekin Council, was judged good."], HEREFORD_TITLE,
     set(), {("telford-and-wrekin-council", "overall effectiveness", "good", False, None, None)}),
    # trap: an ordinary "good" after an aside, no inspection verb
    (["Shropshire Council, its neighbour, was good at answering the phone, residents said."], HEREFORD_TITLE,
     set(), {("shropshire-council", "overall effectiveness", "good", False, None, None)}),
    # trap: a hypothetical grade
    (["Shropshire Council, its neighbour, could be rated inadequate if nothing changes."], HEREFORD_TITLE,
     set(), {("shropshire-council", "overall effectiveness", "inadequate", False, None, None)}),
])
def test_named_body_aside_then_grade(extractor, lines, title, expected, absent):
    got = extract(extractor, lines, title)
    assert expected <= got
    assert not (absent & got)
