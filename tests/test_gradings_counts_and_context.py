"""Phrasing -> gradings for the categories of the dev split's errors: totals
stated in the sentence before, counts of an earlier inspection, aggregates
kept as stated, zero counts, counts of organisations rather than areas.
Records are (area, grade, previous, count, out_of), as in test_extract_gradings."""

import pytest

from tests.test_extract_gradings import OFSTED, extract


@pytest.mark.parametrize("text, expected", [
    # An aggregate kept as stated, like "failing": "below standard in all three".
    (["The force has been found below standard in all three."], {(None, "below standard", False, 3, 3)}),
    (["That makes nine graded areas in all, none of them inadequate. Essex was below standard in just one of the nine."],
     {(None, "inadequate", False, 0, 9), (None, "below standard", False, 1, 9)}),
    # The sentence after a stated total goes on counting without naming what it counts.
    (["The force was inspected in nine areas. It was good in just two of them."], {(None, "good", False, 2, 9)}),
    (["The force was inspected in nine areas.", "It was not graded inadequate in any area."], {(None, "inadequate", False, 0, 9)}),
    # Traps: no grading words around a count of something else.
    (["Response times were below standard in three of the five districts."], set()),
    (["Its performance was below standard in some respects."], set()),
    (["The force was graded in nine areas. Its response was good in parts."], set()),
])
def test_aggregates_and_totals_in_the_sentence_before(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # "received no outstanding or inadequate grades": a zero count of each grade named,
    # out of the total of the sentence before ("graded judgments in eight of these nine areas").
    (["Our inspection assessed the force in nine areas. We make graded judgments in eight of these nine areas. "
      "The force received no outstanding or inadequate grades."],
     {(None, "outstanding", False, 0, 8), (None, "inadequate", False, 0, 8)}),
    (["The force received no inadequate grades."], {(None, "inadequate", False, 0, None)}),
    # Trap: "no good explanation" is no grade.
    (["Victims received no good explanation of the delays."], set()),
])
def test_received_no_grades(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # A total stated for an earlier inspection carries to the next sentence's counts of it ...
    (["When it was last inspected in 2021, it was graded outstanding in four of ten areas. "
      "Investigating crime was one of two areas rated adequate at that time."],
     {(None, "outstanding", True, 4, 10), (None, "adequate", True, 2, 10), ("investigating crime", "adequate", True, None, None)}),
    # ... but not to the current inspection's counts, nor to an inspection of another year.
    (["When it was last inspected in 2021, it was graded outstanding in four of ten areas. It is now good in three areas."],
     {(None, "outstanding", True, 4, 10), (None, "good", False, 3, None)}),
    (["The results are a marked change from the previous inspection, in 2021, when the force was judged adequate in four "
      "of ten areas and was failing in the other six. In 2019 it had been rated inadequate in two areas."],
     {(None, "adequate", True, 4, 10), (None, "failing", True, 6, 10), (None, "inadequate", True, 2, None)}),
    # "eight areas were graded: three were ... and the other five were said to ...": the total, then counts.
    (["When the force was last inspected, in 2022, eight areas were graded: three were found to be inadequate "
      "and the other five were said to require improvement."],
     {(None, "inadequate", True, 3, 8), (None, "requires improvement", True, 5, 8)}),
    # Trap: "Three areas were judged inadequate" is a count, not a total.
    (["Three areas were judged inadequate."], {(None, "inadequate", False, 3, None)}),
])
def test_counts_of_an_earlier_inspection(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # Numbers that count forces, not areas: no grading ("ten forces", "Of those ten").
    (["We compared the grades given to ten forces. Of those ten, only one was rated good for investigating crime. "
      "Two were adequate, four require improvement and three were judged inadequate."],
     {("investigating crime", "good", False, None, None)}),
    (["Of the 43 forces, five were said to require improvement."], set()),
    # The same list counting grades is kept.
    (["It was graded in nine areas. It received one outstanding, six good and two adequate grades."],
     {(None, "outstanding", False, 1, 9), (None, "good", False, 6, 9), (None, "adequate", False, 2, 9)}),
    # "inadequate in both areas" when eight were graded: the two just named, not a count of the whole.
    (["The inspectorate grades each force in eight core areas.", "Durham Constabulary remains the outlier, rated inadequate in both areas."],
     set()),
    (["Durham Constabulary was rated inadequate in both areas."], {(None, "inadequate", False, 2, 2)}),
])
def test_counts_of_organisations_and_of_areas_named_before(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


@pytest.mark.parametrize("text, title, expected", [
    # A headline's "N years after" dates what came before, not the grade: no comma needed.
    (["Norfolk children's services rated good four years after abuse scandal"], OFSTED, {("overall effectiveness", "good", False, None, None)}),
    (["Children's services in Norfolk were rated inadequate four years ago."], OFSTED, {("overall effectiveness", "inadequate", True, None, None)}),
    # "children's services rated good in every area": a count of areas, not the overall judgement.
    (["Norfolk children's services rated good in every area by Ofsted"], OFSTED, set()),
    (["Norfolk children's services have been rated good in all five areas by Ofsted."], OFSTED, {(None, "good", False, 5, 5)}),
    (["Children's services in Norfolk have been rated good by Ofsted."], OFSTED, {("overall effectiveness", "good", False, None, None)}),
    # "lose 'good' rating": the grade of the inspection before.
    (["Norfolk children's services lose 'good' rating after Ofsted inspection"], OFSTED, {("overall effectiveness", "good", True, None, None)}),
    (["The council risks losing good social workers to agencies."], OFSTED, set()),
    # "no longer inadequate": the areas' (or the whole service's) grade before.
    (["Some progress has been made, and services for children looked after and care leavers are no longer inadequate."],
     "Inspection of Norfolk County Council children's services", {("children looked after and achieving permanence", "inadequate", True, None, None),
                                                                   ("care leavers", "inadequate", True, None, None)}),
    (["Children's services in Norfolk are no longer judged inadequate after Ofsted's latest inspection."], OFSTED,
     {("overall effectiveness", "inadequate", True, None, None)}),
    (["Investigating crime is no longer inadequate."], None, {("investigating crime", "inadequate", True, None, None)}),
    # ... but "no longer inadequate in any part of its work" is a zero count of now.
    (["Durham Constabulary is no longer rated inadequate in any part of its work."], None, {(None, "inadequate", False, 0, None)}),
])
def test_headlines_and_grades_before(extractor, text, title, expected):
    kwargs = {"title": title} if title else {}
    if title and "Norfolk County Council children's services" in title:
        kwargs["published"] = "2016-11-25"
    assert extract(extractor, text, **kwargs)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # "X and Y were both among the areas judged inadequate ..., along with Z".
    (["Responding to the public and protecting vulnerable people were both among the areas judged inadequate two years ago, "
      "along with the force's strategic planning and value for money."],
     {("responding to the public", "inadequate", True, None, None), ("protecting vulnerable people", "inadequate", True, None, None),
      ("good use of resources", "inadequate", True, None, None)}),
    (["Investigating crime was among the areas judged good."], {("investigating crime", "good", False, None, None)}),
    (["Investigating crime is among the areas where the force has improved most."], set()),
    # "Both of those are now graded adequate": the areas the sentence before named, as many as it says.
    (["In 2021 the force was found to require improvement in four areas, including investigating crime and protecting vulnerable people.",
      "Both of those are now graded adequate."],
     {(None, "requires improvement", True, 4, None), ("investigating crime", "requires improvement", True, None, None),
      ("protecting vulnerable people", "requires improvement", True, None, None),
      ("investigating crime", "adequate", False, None, None), ("protecting vulnerable people", "adequate", False, None, None)}),
    (["The force worked on investigating crime, responding to the public and managing offenders.", "Both are now rated good."], set()),
    # "which we judged to require improvement in 2022", past-tense area phrases.
    (["The force has made progress in investigating crime, which we judged to require improvement in 2022."],
     {("investigating crime", "requires improvement", True, None, None)}),
    (["When we last inspected the force in 2022, we found that it required improvement in how it responded to the public, and it still does."],
     {("responding to the public", "requires improvement", True, None, None)}),
    # "In a separate inspection ... outstanding at X. It was also graded outstanding in this area when we inspected it in 2022."
    (["| Investigating crime | Adequate |", "| Responding to the public | Good |", "| Preventing crime | Good |",
      "In a separate inspection of serious and organised crime, we graded the force outstanding at disrupting serious organised crime. "
      "It was also graded outstanding in this area when we inspected it in 2022."],
     {("investigating crime", "adequate", False, None, None), ("responding to the public", "good", False, None, None),
      ("preventing crime", "good", False, None, None), ("disrupting serious organised crime", "outstanding", False, None, None),
      ("disrupting serious organised crime", "outstanding", True, None, None)}),
    # Without a cue ("in a separate inspection", "we graded"), prose about an area the table lacks is
    # still a description.
    (["| Investigating crime | Adequate |", "| Responding to the public | Good |", "| Preventing crime | Good |",
      "The force is outstanding at disrupting serious organised crime."],
     {("investigating crime", "adequate", False, None, None), ("responding to the public", "good", False, None, None),
      ("preventing crime", "good", False, None, None)}),
    # "We graded the force ..." states a grade of the inspectors' own, table or not.
    (["| Investigating crime | Adequate |", "| Responding to the public | Good |", "| Preventing crime | Good |",
      "We graded the force outstanding at disrupting serious organised crime."],
     {("investigating crime", "adequate", False, None, None), ("responding to the public", "good", False, None, None),
      ("preventing crime", "good", False, None, None), ("disrupting serious organised crime", "outstanding", False, None, None)}),
])
def test_areas_named_elsewhere(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


def test_pdf_row_before_a_capitalised_heading(extractor):
    grades, _ = extract(extractor, ["Treating the public and its workforce legitimately (legitimacy) Good HM Inspector's observations"],
                        title="PEEL 2018/19: An inspection of Derbyshire Constabulary", published="2020-01-20")
    assert grades == {("legitimacy", "good", False, None, None)}


def test_the_force_under_a_heading_naming_another_force(extractor):
    # A round-up about Wiltshire Police: "The force" in the Greater Manchester Police section is GMP.
    builder_text = ["Wiltshire Police joins the list of forces in special measures.", "The force was placed in Engage this week."]
    from miner.document import DocumentBuilder

    builder = DocumentBuilder()
    builder.add("heading", "Wiltshire Police placed in special measures", level=1)
    for paragraph in builder_text:
        builder.add("paragraph", paragraph)
    builder.add("heading", "Greater Manchester Police", level=2)
    builder.add("paragraph", "The force was rated inadequate in three of nine areas in a further inspection published in March.")
    document = builder.build("text/html", title="Wiltshire Police placed in special measures", published="2022-06-30", kind="news")
    gradings = extractor.extract(document).gradings
    assert [(g.organisation_id, g.grade, g.count, g.out_of) for g in gradings] == [("greater-manchester-police", "inadequate", 3, 9)]


@pytest.mark.parametrize("text, expected", [
    # "good across the board" with the number of pillars in the sentence: a count of all of them.
    (["The last time the force was inspected under the old three-pillar system, in 2019, it was rated good across the board – "
      "for effectiveness, efficiency and legitimacy alike."],
     {(None, "good", True, 3, 3), ("effectiveness", "good", True, None, None), ("efficiency", "good", True, None, None),
      ("legitimacy", "good", True, None, None)}),
    # Without a total, no count.
    (["The force was rated good across the board."], set()),
    # "It is good in the third" after "two of the three pillars": the one left.
    (["The force now requires improvement in two of the three areas we graded. It is good in the third."],
     {(None, "requires improvement", False, 2, 3), (None, "good", False, 1, 3)}),
    (["The figures improved in the third quarter. It was good in the third quarter."], set()),
    # "Its grade for X is unchanged, having also been requires improvement at the previous inspection."
    (["Its grade for investigating crime is unchanged, having also been requires improvement at the previous inspection."],
     {("investigating crime", "requires improvement", True, None, None)}),
    # "rated adequate, which it was also given in 2022": the same grade then.
    (["Its investigation of crime was rated adequate, which it was also given in 2022."],
     {("investigating crime", "adequate", False, None, None), ("investigating crime", "adequate", True, None, None)}),
    # "a pair of good grades and a single requires improvement"; no total stated, none taken from afar.
    (["HMICFRS assessed the force across nine areas.", "Its officers work hard.", "Calls are answered quickly.",
      "Victims are kept informed.", "Crime recording is accurate.", "It has a new chief constable.",
      "Its profile – mostly adequate, with a pair of good grades and a single requires improvement – is now the most common pattern."],
     {(None, "good", False, 2, None), (None, "requires improvement", False, 1, None)}),
    (["A pair of good officers won awards for their work."], set()),
])
def test_counts_in_other_words(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # An earlier framework's joint area: "children in care, which were judged good together with those for care leavers".
    (["Services for children in care, which were judged good together with those for care leavers at the last inspection, "
      "have declined to inadequate."], {("children in care and care leavers", "good", True, None, None)}),
    # Without "together with", the area named.
    (["The experiences and progress of children in care, which were judged good at the last inspection, have declined."],
     {("children in care", "good", True, None, None)}),
])
def test_joint_areas_of_an_earlier_framework(extractor, text, expected):
    assert extract(extractor, text, title=OFSTED)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # "In our 2017 efficiency inspection the force was judged good": an inspection of one area.
    (["In our 2017 efficiency inspection the force was judged good."], {("efficiency", "good", True, 2017)}),
    # Traps: a grade of something else after the inspection's name.
    (["In our 2017 efficiency inspection the force was good at planning ahead."], set()),
    (["After the efficiency inspection, the chief said morale was good."], set()),
])
def test_an_inspection_of_one_area(extractor, text, expected):
    _, extraction = extract(extractor, text, title="PEEL 2018/19: An inspection of Derbyshire Constabulary", published="2020-01-20")
    assert {(g.area, g.grade, g.previous, g.year) for g in extraction.gradings} == expected


def test_a_headline_before_any_name_is_about_the_body_named_first(extractor):
    # No subject (two bodies named as often), a headline grading before either name: the one the body names first.
    from miner.document import DocumentBuilder

    builder = DocumentBuilder()
    builder.add("heading", "Hull hospital medical wards rated inadequate for safety by health watchdog", level=1)
    builder.add("paragraph", "Medical wards at Hull Royal Infirmary have been rated inadequate for safety by the Care Quality Commission.")
    builder.add("paragraph", "Hull University Teaching Hospitals NHS Trust, which runs the hospital, said it accepted the findings.")
    document = builder.build("text/html", title="Hull hospital medical wards rated inadequate for safety by health watchdog",
                             published="2023-09-18", kind="news")
    extraction = extractor.extract(document)
    assert {(g.organisation_id, g.area, g.grade) for g in extraction.gradings} == {("hull-royal-infirmary", "safe", "inadequate")}


@pytest.mark.parametrize("text, title, expected", [
    (["Help and protection is no longer judged to require improvement."], OFSTED,
     {("help and protection", "requires improvement to be good", True, None, None)}),
    # "lost its good rating for X": that area's grade before, not now.
    (["Durham Constabulary has lost its good rating for investigating crime."], None, {("investigating crime", "good", True, None, None)}),
    # A number of forces as the subject: the grade is theirs, not the document's subject's.
    (["Of the eight forces inspected this year, three were rated inadequate at investigating crime and two were judged good."], None, set()),
    (["Durham Constabulary was rated inadequate at investigating crime, one of four forces to get that grade."], None,
     {("investigating crime", "inadequate", False, None, None)}),
])
def test_grades_lost_and_grades_of_other_forces(extractor, text, title, expected):
    assert extract(extractor, text, **({"title": title} if title else {}))[0] == expected


@pytest.mark.parametrize("text, expected", [
    # An inspection that "found that the council provides good services for" a graded area.
    (["Ofsted's latest inspection found that the council provides good services for children in care and care leavers."],
     {("children in care and care leavers", "good", False, None, None)}),
    # Traps: no inspector's finding, or not the area's services.
    (["The council provides good services for care leavers, its leader said."], set()),
    (["Inspectors found that the council provides good support for care leavers."], set()),
])
def test_found_good_services_for_an_area(extractor, text, expected):
    assert extract(extractor, text, title=OFSTED)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # "the grade was a jump from inadequate": the earlier grade of the area the sentence before named.
    (["The picture for responding to the public is better. Durham Constabulary was rated good, and its grade was a jump "
      "from inadequate in its previous inspection."], {("responding to the public", "inadequate", True, None, None)}),
    # Trap: no area named before, no record.
    (["Its overall grade was a jump from inadequate."], set()),
])
def test_grade_jumped_from(extractor, text, expected):
    assert extract(extractor, text)[0] == expected
