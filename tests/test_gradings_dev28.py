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
H_W_FIRE = "hereford-and-worcester-fire-and-rescue-service"
H_W_FIRE_TITLE = "Hereford and Worcester Fire and Rescue Service told to improve after inspection"


def extract(extractor, lines, title, published="2025-05-01", kind="news"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return grading_rows(extractor.extract(doc))


@pytest.mark.parametrize("lines, title, expected, absent", [
    (["Worcestershire County Council, the county's other neighbour, was judged requires improvement to be good in 2023."], HEREFORD_TITLE,
     {("worcestershire-county-council", "overall effectiveness", RI, False, None, None)}, set()),
    (["Shropshire Council, which shares a border with the county, was rated outstanding in 2021."], HEREFORD_TITLE,
     {("shropshire-council", "overall effectiveness", "outstanding", False, None, None)}, set()),
    (["Telford and Wrekin Council, its neighbour to the north, was rated good in 2019."], HEREFORD_TITLE,
     {("telford-and-wrekin-council", "overall effectiveness", "good", False, None, None)}, set()),
    (["Walsall PDU, the smallest of the region's units, was rated inadequate."], "Probation units across the West Midlands rated by inspectors",
     {("walsall-probation-delivery-unit", "overall", "inadequate", False, None, None)}, set()),
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


# "..., the two areas it had rated inadequate in May last year": the earlier grade of the areas just
# listed (a past perfect or "last year" dates it before); with no earlier cue, none.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Inspectors said Warwickshire Police is now adequate at investigating crime and good at preventing crime, the two areas they had graded inadequate in the spring of last year."],
     {("warwickshire-police", "investigating crime", "inadequate", True, None, None), ("warwickshire-police", "preventing crime", "inadequate", True, None, None),
      ("warwickshire-police", "investigating crime", "adequate", False, None, None)}, set()),
    # trap: the appositive gives no grade of its own
    (["Warwickshire Police is now adequate at investigating crime and good at preventing crime, the two areas residents care about most."],
     {("warwickshire-police", "investigating crime", "adequate", False, None, None)},
     {("warwickshire-police", "investigating crime", "adequate", True, None, None), ("warwickshire-police", "preventing crime", "good", True, None, None)}),
])
def test_the_areas_it_had_rated(extractor, lines, expected, absent):
    got = extract(extractor, lines, WARKS_TITLE, published="2026-05-01")
    assert expected <= got
    assert not (absent & got)


# A kept grade's verbless second grade after "and" is kept too ("it remains good at A and requires
# improvement at B"); a second grade with a verb of its own ("and is now good at B") is not.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Its other grades were not reviewed: the force remains adequate at preventing crime and requires improvement at investigating crime."],
     {("warwickshire-police", "preventing crime", "adequate", True, None, None), ("warwickshire-police", "investigating crime", "requires improvement", False, None, None),
      ("warwickshire-police", "investigating crime", "requires improvement", True, None, None)}, set()),
    (["The force remains good at investigating crime and is now outstanding at preventing crime."],
     {("warwickshire-police", "investigating crime", "good", True, None, None), ("warwickshire-police", "preventing crime", "outstanding", False, None, None)},
     {("warwickshire-police", "preventing crime", "outstanding", True, None, None)}),
    # trap: "but" starts a grade of its own
    (["The force remains adequate at responding to the public, but inspectors rated it good at preventing crime."],
     {("warwickshire-police", "preventing crime", "good", False, None, None)}, {("warwickshire-police", "preventing crime", "good", True, None, None)}),
])
def test_kept_grade_and_a_second_grade(extractor, lines, expected, absent):
    got = extract(extractor, lines, WARKS_TITLE, published="2026-05-01")
    assert expected <= got
    assert not (absent & got)


# "the number of <bodies> with at least one inadequate grade" counts bodies: no count of the story's body.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Nationally, the number of fire and rescue services with at least one inadequate grade rose to nine this year."], set(),
     {(H_W_FIRE, None, "inadequate", False, 1, None), (H_W_FIRE, None, "inadequate", False, 1, 11)}),
    (["The number of services awarded two outstanding grades has halved."], set(), {(H_W_FIRE, None, "outstanding", False, 2, None)}),
    # still a count of the body's own grades
    (["The service was given one inadequate grade and eight good grades."], {(H_W_FIRE, None, "inadequate", False, 1, None)}, set()),
])
def test_number_of_bodies_with_a_grade(extractor, lines, expected, absent):
    got = extract(extractor, lines, H_W_FIRE_TITLE, published="2025-06-01")
    assert expected <= got
    assert not (absent & got)


# "X, which was judged to require improvement when Ofsted last inspected it in 2018": an earlier grade.
def test_body_which_judged_to_require_improvement(extractor):
    got = extract(extractor, ["The fall is steep for Herefordshire Council, which was judged to require improvement at its previous inspection in 2018."], HEREFORD_TITLE, published="2022-09-01")
    assert ("herefordshire-council", "overall effectiveness", RI, True, None, None) in got
    assert ("herefordshire-council", "overall effectiveness", RI, False, None, None) not in got
