"""Phrasing -> gradings, by the general categories dev20's first runs missed
(corpora/gold/dev20, eight news pages): a fire explainer whose only police word
is the inspectorate's own name ("... Inspectorate of Constabulary and Fire and
Rescue Services"), so its bare county names are the fire services; an explainer's
line per body ("Norfolk: good in three of the 11 areas", then "Suffolk: good in
four areas"), where one body's total is not the next body's; a fronted "At its
previous PEEL assessment,"; a kept grade whose list of areas ends at ", with
inspectors rating ..."; and "the council" in a "<Place>, where ..." clause, which
is that place's council, not the story's subject. The cases are new wordings of
each category, not the documents. Each case is a short document ("# " starts a
heading, "|" a table row); the expected records are (organisation, area, grade,
previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
RIG = "requires improvement to be good"
HMICFRS = "His Majesty's Inspectorate of Constabulary and Fire and Rescue Services (HMICFRS)"
FIRE_TITLE = "Is your fire service up to the job? The north-west's grades | North West Echo"
OFSTED_TITLE = "Wigan children's services judged good by Ofsted | Lancashire Daily"


def extract(extractor, lines, title, published="2025-02-01", kind="news"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    extraction = extractor.extract(doc)
    return grading_rows(extraction), extraction.subject_id


# 1. The inspectorate's full name says "Constabulary": no police signal in a fire piece.
@pytest.mark.parametrize("lines, expected, absent", [
    ([f"Cumbria Fire and Rescue Service has had its latest report from {HMICFRS}.",
      "Lancashire: adequate in four areas and good in two."],
     {("lancashire-fire-and-rescue-service", None, "adequate", False, 4, None)},
     {("lancashire-constabulary", None, "adequate", False, 4, None)}),
    ([f"Cumbria Fire and Rescue Service was inspected by {HMICFRS} in the autumn.",
      "Cheshire: requires improvement for promoting the right values and culture."],
     {("cheshire-fire-and-rescue-service", "promoting the right values and culture", RI, False, None, None)}, set()),
])
def test_inspectorate_name_is_no_police_signal(extractor, lines, expected, absent):
    got, subject = extract(extractor, lines, FIRE_TITLE)
    assert expected <= got
    assert not (absent & got)


def test_police_piece_keeps_its_forces(extractor):
    # trap: a PEEL story naming the same inspectorate is about the police force
    lines = [f"Lancashire Constabulary has been inspected by {HMICFRS}.", "The force was graded good at investigating crime."]
    got, _ = extract(extractor, lines, "Lancashire Constabulary rated good at investigating crime | Lancashire Daily")
    assert ("lancashire-constabulary", "investigating crime", "good", False, None, None) in got


# 2. An explainer's line per body: another body's count takes no total from the line before.
@pytest.mark.parametrize("lines, expected, absent", [
    ([f"Cumbria Fire and Rescue Service has had its report from {HMICFRS}.",
      "Cumbria: good in two of the 11 areas and adequate in six.",
      "It requires improvement in three.",
      "Merseyside: good in five areas, among them preventing fire and other risks."],
     {("cumbria-fire-and-rescue-service", None, "good", False, 2, 11), ("cumbria-fire-and-rescue-service", None, RI, False, 3, 11),
      ("merseyside-fire-and-rescue-service", None, "good", False, 5, None)},
     {("merseyside-fire-and-rescue-service", None, "good", False, 5, 11)}),
])
def test_another_bodys_count_takes_no_total(extractor, lines, expected, absent):
    got, _ = extract(extractor, lines, FIRE_TITLE)
    assert expected <= got
    assert not (absent & got)


# 3. A fronted "At its previous PEEL assessment," dates the grades after it.
@pytest.mark.parametrize("lines, expected, absent", [
    (["At its previous PEEL assessment, in 2017, Durham Constabulary was rated outstanding for effectiveness and good for efficiency."],
     {("durham-constabulary", "effectiveness", "outstanding", True, None, None), ("durham-constabulary", "efficiency", "good", True, None, None)},
     {("durham-constabulary", "effectiveness", "outstanding", False, None, None)}),
    # trap: the latest assessment is this one
    (["At its latest PEEL assessment, Durham Constabulary was rated good at investigating crime."],
     {("durham-constabulary", "investigating crime", "good", False, None, None)},
     {("durham-constabulary", "investigating crime", "good", True, None, None)}),
])
def test_previous_assessment_fronted(extractor, lines, expected, absent):
    got, _ = extract(extractor, lines, "Durham Constabulary: PEEL 2023-25 | Northern Echo Online", published="2024-06-01")
    assert expected <= got
    assert not (absent & got)


# 4. A kept grade's areas end at ", with ...", whose clause grades on its own.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Wigan Council kept its good rating for children's services, with inspectors judging its care leavers' experiences outstanding."],
     set(), {("wigan-council", "care leavers", "good", False, None, None), ("wigan-council", "care leavers", "good", True, None, None)}),
    # trap: the kept list itself still names its areas
    (["Wigan Council kept its good ratings for care leavers and children in care, with a new director in post."],
     {("wigan-council", "care leavers", "good", False, None, None), ("wigan-council", "care leavers", "good", True, None, None),
      ("wigan-council", "children in care", "good", False, None, None), ("wigan-council", "children in care", "good", True, None, None)}, set()),
])
def test_kept_list_ends_at_with(extractor, lines, expected, absent):
    got, _ = extract(extractor, lines, OFSTED_TITLE)
    assert expected <= got
    assert not (absent & got)


# 5. "the council" in "<Place>, where ..." is that place's council.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Wigan Council's children's services were judged good by Ofsted.",
      "Things were worse in Bolton, where Ofsted rated the council's services inadequate overall."],
     {("bolton-council", "overall effectiveness", "inadequate", False, None, None)},
     {("wigan-council", "overall effectiveness", "inadequate", False, None, None)}),
    # trap: without the "where" clause the council is the story's own
    (["Wigan Council's children's services were judged good by Ofsted.",
      "Leaders visited Bolton last year. Ofsted judged the council's help and protection good."],
     {("wigan-council", "help and protection", "good", False, None, None)},
     {("bolton-council", "help and protection", "good", False, None, None)}),
])
def test_where_clause_anaphor(extractor, lines, expected, absent):
    got, _ = extract(extractor, lines, OFSTED_TITLE)
    assert expected <= got
    assert not (absent & got)


# 6. "Probation services across <place>" is the whole unit, as "in <place>" is; "continue to be rated" is kept.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Probation services across Lambeth continue to be rated inadequate after a second inspection."],
     {("lambeth-probation-delivery-unit", "overall", "inadequate", False, None, None), ("lambeth-probation-delivery-unit", "overall", "inadequate", True, None, None)},
     {("lambeth-probation-delivery-unit", "organisational delivery", "inadequate", False, None, None)}),
    # trap: no "continue", no earlier grade
    (["Probation services across Lambeth were rated inadequate."],
     {("lambeth-probation-delivery-unit", "overall", "inadequate", False, None, None)},
     {("lambeth-probation-delivery-unit", "overall", "inadequate", True, None, None)}),
])
def test_probation_services_across_a_place(extractor, lines, expected, absent):
    got, _ = extract(extractor, lines, "Lambeth Probation Delivery Unit: HM Inspectorate of Probation's verdict | South London Press", published="2024-11-01")
    assert expected <= got
    assert not (absent & got)


# 7. Another body's year dates its own latest grade: "most recent" in another clause of the sentence
# does not make it earlier; "has since improved to G" is the area just graded, now.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Kent Police was graded good at investigating crime in its latest PEEL inspection, while Essex Police was judged adequate in that area in 2023."],
     {("kent-police", "investigating crime", "good", False, None, None), ("essex-police", "investigating crime", "adequate", False, None, None)},
     {("essex-police", "investigating crime", "adequate", True, None, None)}),
    (["Surrey Police, which had been rated inadequate for responding to the public in 2018, has since improved to adequate."],
     {("surrey-police", "responding to the public", "inadequate", True, None, None), ("surrey-police", "responding to the public", "adequate", False, None, None)},
     set()),
    # trap: no earlier grade in the sentence to say which area improved
    (["Surrey Police has since improved to adequate, officers say."], set(),
     {("surrey-police", "responding to the public", "adequate", False, None, None)}),
])
def test_other_bodies_dated_grades_in_a_thematic_story(extractor, lines, expected, absent):
    got, _ = extract(extractor, lines, "HMICFRS thematic: custody under strain | Policing Weekly", published="2024-10-01")
    assert expected <= got
    assert not (absent & got)


# 8. A fire pillar (2018-22 rounds) dated before 2023 in a story on the 2023-25 round is the grade before.
def test_fire_pillar_before_2023_is_earlier(extractor):
    lines = [f"Cumbria Fire and Rescue Service has had its latest report from {HMICFRS}.",
             "Lancashire: good in five areas; its efficiency was rated requires improvement in 2019 and has not been graded as a pillar since."]
    got, _ = extract(extractor, lines, FIRE_TITLE, published="2025-01-10")
    assert ("lancashire-fire-and-rescue-service", "efficiency", RI, True, None, None) in got
    assert ("lancashire-fire-and-rescue-service", "efficiency", RI, False, None, None) not in got


def test_fire_pillar_in_its_own_round_is_current(extractor):
    # trap: the 2021/22 round's own report grades its pillars now
    lines = [f"Lancashire Fire and Rescue Service was inspected by {HMICFRS} in 2021.", "Its efficiency was rated requires improvement."]
    got, _ = extract(extractor, lines, "Effectiveness, efficiency and people 2021/22: An inspection of Lancashire Fire and Rescue Service", published="2022-07-27", kind="report")
    assert ("lancashire-fire-and-rescue-service", "efficiency", RI, False, None, None) in got
