"""Phrasing -> gradings, by the general categories dev24's first runs missed
(corpora/gold/dev24, eight short news stories): a quoted grade before "in N
areas" in a headline is a count, not the number of areas graded; a lost rating
that names its inspectorate ("stripped of its 'good' Ofsted rating"); a
correction note's retracted grade; a round-up's paragraphs opened by a body's
name and a colon ("Thurrock Council: Rated ..."); and a body's grade followed by
its earlier one ("..., down from good in 2019", "..., having previously been
rated ...", "... in 2019 and again in 2024"). The cases are new wordings of each
category, not the documents. Each case is a short document; the expected
records are (organisation, area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
RIG = "requires improvement to be good"
OE = "overall effectiveness"
KENT = "kent-police"


def extract(extractor, lines, title, published="2024-06-01", kind="news"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return grading_rows(extractor.extract(doc))


# 1. A quoted grade before "in N areas" is the count's grade: the N is its count, not the areas graded.
@pytest.mark.parametrize("title, lines, expected, absent", [
    ("Kent Police graded 'good' in five areas by HMICFRS",
     ["Kent Police has been graded good in five of the eight areas HMICFRS assessed.", "It was adequate in the other three."],
     {(KENT, None, "good", False, 5, 8), (KENT, None, "adequate", False, 3, 8)},
     {(KENT, None, "good", False, 5, 5), (KENT, None, "good", False, 5, None)}),
    ("Kent Police rated “outstanding” in two areas",
     ["Kent Police was rated outstanding in two of the nine areas HMICFRS inspected."],
     {(KENT, None, "outstanding", False, 2, 9)}, {(KENT, None, "outstanding", False, 2, 2)}),
    # trap: an unquoted "assessed in eight areas" still states the total
    ("Kent Police rated by inspectors",
     ["HMICFRS assessed the force in eight areas.", "Kent Police was graded good in five areas and adequate in three."],
     {(KENT, None, "good", False, 5, 8), (KENT, None, "adequate", False, 3, 8)}, set()),
])
def test_quoted_grade_before_a_number_of_areas(extractor, title, lines, expected, absent):
    got = extract(extractor, lines, title, published="2023-03-10")
    assert expected <= got
    assert not (absent & got)


# 2. A lost rating naming its inspectorate: the grade before.
@pytest.mark.parametrize("title, lines, expected, absent", [
    ("Derby children's services lose 'outstanding' Ofsted rating",
     ["Derby City Council's children's services are now rated good by Ofsted."],
     {("derby-city-council", OE, "outstanding", True, None, None), ("derby-city-council", OE, "good", False, None, None)},
     {("derby-city-council", OE, "outstanding", False, None, None)}),
    ("Hull hospital trust stripped of its 'good' CQC rating",
     ["Hull University Teaching Hospitals NHS Trust has been rated requires improvement by the Care Quality Commission."],
     {("hull-university-teaching-hospitals-nhs-trust", "overall", "good", True, None, None)},
     {("hull-university-teaching-hospitals-nhs-trust", "overall", "good", False, None, None)}),
])
def test_lost_rating_naming_the_inspectorate(extractor, title, lines, expected, absent):
    got = extract(extractor, lines, title)
    assert expected <= got
    assert not (absent & got)


# 3. A correction note: the retracted grade is no one's.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Wirral Council's children's services have been rated good by Ofsted.",
      "Correction: an earlier version of this story said the experiences of children in care had been judged inadequate; "
      "they were judged to require improvement."],
     {("wirral-council", OE, "good", False, None, None)},
     {("wirral-council", "children in care", "inadequate", False, None, None), ("wirral-council", "children in care", "inadequate", True, None, None)}),
    # trap: "the previous version of the framework" retracts nothing
    (["Wirral Council's children's services have been rated good by Ofsted.",
      "Under the previous version of the framework, the council was judged inadequate in 2016."],
     {("wirral-council", OE, "good", False, None, None), ("wirral-council", OE, "inadequate", True, None, None)}, set()),
])
def test_correction_note(extractor, lines, expected, absent):
    got = extract(extractor, lines, "Wirral children's services rated good")
    assert expected <= got
    assert not (absent & got)


# 4. A round-up's paragraphs opened by the body's name and a colon.
ROUNDUP = "How North West councils' children's services are rated by Ofsted"
ROUNDUP_LEDE = "Here is how Ofsted graded each council at its latest full inspection."


@pytest.mark.parametrize("line, expected, absent", [
    ("Wigan Council: Judged outstanding in 2024, up from good in 2019.",
     {("wigan-council", OE, "outstanding", False, None, None), ("wigan-council", OE, "good", True, None, None)}, set()),
    ("Bury Council: Requires improvement to be good in 2024, having previously been judged inadequate.",
     {("bury-council", OE, RIG, False, None, None), ("bury-council", OE, "inadequate", True, None, None)}, set()),
    ("Salford City Council: Graded good (2023).", {("salford-city-council", OE, "good", False, None, None)}, set()),
    # traps: a grade word qualifying a noun; an ordinary "good"; a grade only feared
    ("Oldham Council: Good practice in its front door team was praised by inspectors.", set(),
     {("oldham-council", OE, "good", False, None, None)}),
    ("Rochdale Borough Council: Inspectors found good work with care leavers.", set(),
     {("rochdale-borough-council", OE, "good", False, None, None)}),
    ("Tameside Council: Rated good in 2023, though it could be judged inadequate at its next visit.",
     {("tameside-council", OE, "good", False, None, None)},
     {("tameside-council", OE, "inadequate", False, None, None), ("tameside-council", OE, "inadequate", True, None, None)}),
])
def test_roundup_label_rows(extractor, line, expected, absent):
    got = extract(extractor, [ROUNDUP_LEDE, line], ROUNDUP, published="2025-03-01")
    assert expected <= got
    assert not (absent & got)


# 5. A body's grade, then its grade before in the same clause chain (or the same grade again later).
@pytest.mark.parametrize("lines, expected, absent", [
    (["Sefton Council was judged requires improvement to be good by Ofsted in 2024, up from inadequate in 2021."],
     {("sefton-council", OE, RIG, False, None, None), ("sefton-council", OE, "inadequate", True, None, None)},
     {("sefton-council", OE, RIG, True, None, None)}),
    (["Knowsley Council was rated good in 2024, having previously been rated requires improvement to be good."],
     {("knowsley-metropolitan-borough-council", OE, "good", False, None, None), ("knowsley-metropolitan-borough-council", OE, RIG, True, None, None)},
     set()),
    (["Halton Borough Council was judged requires improvement to be good in 2019 and again in 2024."],
     {("halton-borough-council", OE, RIG, True, None, None), ("halton-borough-council", OE, RIG, False, None, None)}, set()),
    # trap: the "from" grade is another body's, after "while"
    (["Knowsley Council was rated good in 2024, while St Helens Borough Council has moved up from inadequate."],
     {("knowsley-metropolitan-borough-council", OE, "good", False, None, None)},
     {("knowsley-metropolitan-borough-council", OE, "inadequate", True, None, None)}),
])
def test_grade_then_its_earlier_grade(extractor, lines, expected, absent):
    # (a round-up of several councils: no subject, whose grades a year before the story's would date)
    got = extract(extractor, ["Wirral Council was rated good by Ofsted in 2022.", *lines], "Merseyside councils' children's services: the latest Ofsted grades", published="2024-11-01")
    assert expected <= got
    assert not (absent & got)


# 6. Another body named after "the", in a which-clause that gives its earlier grade.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Neighbouring Yorkshire Ambulance Service was rated good in 2023, while the North West Ambulance Service, which "
      "was judged requires improvement in 2019, has since improved to good."],
     {("north-west-ambulance-service-nhs-trust", "overall", RI, True, None, None), ("north-west-ambulance-service-nhs-trust", "overall", "good", False, None, None)},
     {("yorkshire-ambulance-service-nhs-trust", "overall", RI, True, None, None)}),
    # trap: "the" before a common noun is no body
    (["Yorkshire Ambulance Service was rated good in 2023, while the service, which some staff said was stretched, has grown."],
     {("yorkshire-ambulance-service-nhs-trust", "overall", "good", False, None, None)},
     {("yorkshire-ambulance-service-nhs-trust", "overall", "good", True, None, None)}),
])
def test_the_body_in_a_which_clause(extractor, lines, expected, absent):
    got = extract(extractor, lines, "North East Ambulance Service rated good by CQC", published="2024-03-01")
    assert expected <= got
    assert not (absent & got)


# 7. A fire service "judged adequate at keeping people safe" (the effectiveness pillar's question), not "people".
@pytest.mark.parametrize("line, expected, absent", [
    ("The county's fire service was judged good at keeping people safe, two years after it was told to improve.",
     {("kent-fire-and-rescue-service", "effectiveness", "good", False, None, None)},
     {("kent-fire-and-rescue-service", "people", "good", False, None, None)}),
    ("Kent Fire and Rescue Service was graded requires improvement at keeping people safe and at looking after its people.",
     {("kent-fire-and-rescue-service", "effectiveness", RI, False, None, None), ("kent-fire-and-rescue-service", "people", RI, False, None, None)}, set()),
])
def test_fire_keeping_people_safe(extractor, line, expected, absent):
    lines = ["Kent Fire and Rescue Service has been inspected by HMICFRS.", line]
    got = extract(extractor, lines, "Kent fire service inspected by HMICFRS", published="2022-08-01")
    assert expected <= got
    assert not (absent & got)
