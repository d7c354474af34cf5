"""Phrasing -> gradings, by the general categories dev8's first run missed
(corpora/gold/dev8: news, press releases and report extracts written to vary
the grading phrasing). The cases are new wordings of each category, not the
dev8 sentences: the rules must read the shape, not the example. Each case is a
short document; the expected records are (area, grade, previous, count, out_of)
for the document's subject."""

import pytest

from tests.test_extract_gradings import OFSTED, PEEL, extract

PRISON = "HMP Bristol: report of an unannounced inspection"
PROBATION = "Essex youth justice team rated outstanding by HM Inspectorate of Probation"
FIRE = "Kent fire service told to improve how it treats its staff"

RI = "requires improvement"
RIG = "requires improvement to be good"


@pytest.mark.parametrize("text, title, expected", [
    # A parenthetical between the area and its verb.
    (["Investigating crime, however, was judged to be inadequate."], PEEL, {("investigating crime", "inadequate", False, None, None)}),
    (["Its response to the public, meanwhile, was rated as requiring improvement."], PEEL, {("responding to the public", RI, False, None, None)}),
    (["Support for care leavers, by comparison, was judged outstanding."], OFSTED, {("care leavers", "outstanding", False, None, None)}),
    # Who the area serves, between the area and its grade; "said to".
    (["“The help and protection of children is inadequate,” the watchdog said."], OFSTED, {("help and protection", "inadequate", False, None, None)}),
    (["The help and protection offered to vulnerable children was said to be inadequate."], OFSTED, {("help and protection", "inadequate", False, None, None)}),
    # A list of areas with commas around the second one; a new alias.
    (["Leaders' impact on social work practice, and the help and protection given to children, were both found to require improvement."], OFSTED,
     {("impact of leaders", RIG, False, None, None), ("help and protection", RIG, False, None, None)}),
    # The area fronted, the grade after the body.
    (["When it comes to investigating crime, the force was rated inadequate."], PEEL, {("investigating crime", "inadequate", False, None, None)}),
    (["For investigating crime, the force received an inadequate grade."], PEEL, {("investigating crime", "inadequate", False, None, None)}),
    (["For care leavers, the council was judged good."], OFSTED, {("care leavers", "good", False, None, None)}),
    # "an area the watchdog rated as".
    (["Responding to the public was an area inspectors judged to be inadequate."], PEEL, {("responding to the public", "inadequate", False, None, None)}),
    # "receiving a rating of".
    (["Children in care were said to require improvement, while care leavers fared better, receiving a rating of good."], OFSTED,
     {("children in care", RIG, False, None, None), ("care leavers", "good", False, None, None)}),
    # A named body between the area and "to be".
    (["Inspectors judged court work at the Essex Youth Justice Service to be good."], PROBATION, {("court work", "good", False, None, None)}),
])
def test_attachment_tolerates_intervening_words(extractor, text, title, expected):
    assert extract(extractor, text, title=title, published="2025-02-11", kind="news")[0] == expected


@pytest.mark.parametrize("text, title, expected", [
    # "no longer rated G for A": the grade before.
    (["The force is no longer graded inadequate in how it investigates crime."], PEEL, {("investigating crime", "inadequate", True, None, None)}),
    # "a drop from the 'G' it received": the grade before, of the area just graded.
    (["The force now requires improvement at investigating crime, a fall from the good grade it was given in 2021."], PEEL,
     {("investigating crime", RI, False, None, None), ("investigating crime", "good", True, None, None)}),
    # A relative clause with the earlier grade, then the move.
    (["Investigating crime, which was previously rated inadequate, has improved to adequate."], PEEL,
     {("investigating crime", "adequate", False, None, None), ("investigating crime", "inadequate", True, None, None)}),
    (["Safety, which had been judged poor three years ago, has risen to not sufficiently good."], PRISON,
     {("safety", "not sufficiently good", False, None, None), ("safety", "poor", True, None, None)}),
    # A kept grade: the grade now and the same at the inspection before.
    (["Safety was judged poor, as it was at the previous inspection in 2022."], PRISON,
     {("safety", "poor", False, None, None), ("safety", "poor", True, None, None)}),
    (["The force was rated requires improvement for investigating crime, unchanged from 2022."], PEEL,
     {("investigating crime", RI, False, None, None), ("investigating crime", RI, True, None, None)}),
    (["Care leavers' services have gone from inadequate to good since 2019."], OFSTED,
     {("care leavers", "good", False, None, None), ("care leavers", "inadequate", True, None, None)}),
])
def test_earlier_grades(extractor, text, title, expected):
    assert extract(extractor, text, title=title, published="2025-02-11", kind="news")[0] == expected


@pytest.mark.parametrize("text, title, expected", [
    # "every one of" / "each of" the N: all of them.
    (["Inspectors rated every one of the four judgements good."], OFSTED, {(None, "good", False, 4, 4)}),
    (["Each of the eight areas was rated adequate."], PEEL, {(None, "adequate", False, 8, 8)}),
    # "the remaining N – A and B –", its total in the sentence before.
    (["Inspectors assessed eight areas and graded the force good in four of them and adequate in two.",
      "The remaining two – preventing crime and managing offenders and suspects – were judged to require improvement."], PEEL,
     {(None, "good", False, 4, 8), (None, "adequate", False, 2, 8), (None, RI, False, 2, 8),
      ("preventing crime", RI, False, None, None), ("managing offenders and suspects", RI, False, None, None)}),
    (["The other three – preventing crime, responding to the public and managing offenders and suspects – were rated good."], PEEL,
     {(None, "good", False, 3, None), ("preventing crime", "good", False, None, None), ("responding to the public", "good", False, None, None),
      ("managing offenders and suspects", "good", False, None, None)}),
    # ... and with the area noun, as before.
    (["The force was rated good in five of eight areas. The other three areas were judged adequate."], PEEL, {(None, "good", False, 5, 8), (None, "adequate", False, 3, 8)}),
    # A grade before "across" counts areas; it states no total.
    (["The force was rated adequate across five areas and good in three."], PEEL, {(None, "adequate", False, 5, None), (None, "good", False, 3, None)}),
    # The lowest grade "in N of them", the total in the sentence before.
    (["Inspectors looked at nine areas. The force received the lowest grade in three of them."], PEEL, {(None, "inadequate", False, 3, 9)}),
    # A total with "graded"; a second count after a count of grades.
    (["Of its eight graded areas, the force was good in three and adequate in five."], PEEL, {(None, "good", False, 3, 8), (None, "adequate", False, 5, 8)}),
    (["Three of its eight grades were good, and five were adequate."], PEEL, {(None, "good", False, 3, 8), (None, "adequate", False, 5, 8)}),
    # "The areas judged to require improvement were ..."
    (["The areas judged to require improvement were the impact of leaders and the help and protection of children."], OFSTED,
     {("impact of leaders", RIG, False, None, None), ("help and protection", RIG, False, None, None)}),
])
def test_counts(extractor, text, title, expected):
    assert extract(extractor, text, title=title, published="2025-02-11", kind="news")[0] == expected


def test_a_grade_off_the_area_scale_takes_the_scale_that_has_it(extractor):
    # No inspectorate named: "efficiency" is PEEL 2014's (no "adequate") and the fire services'.
    text = ["Kent Fire and Rescue Service was rated good at keeping people safe from fire and other risks, and adequate for its efficiency."]
    _, extraction = extract(extractor, text, title=FIRE, published="2023-08-09", kind="news")
    assert {(g.area, g.grade, g.scale) for g in extraction.gradings} == {("effectiveness", "good", "hmicfrs-fire"), ("efficiency", "adequate", "hmicfrs-fire")}


def test_the_probation_service_covering_an_area(extractor):
    text = ["The probation service covering Essex has been rated as requiring improvement by HM Inspectorate of Probation."]
    assert extract(extractor, text, title=PROBATION, published="2024-10-02", kind="news")[0] == {("overall", RI, False, None, None)}


@pytest.mark.parametrize("text, title", [
    # Ordinary "good", "adequate", "inadequate", "poor", "no longer": no grading.
    (["The force does good work in preventing crime, according to residents."], PEEL),
    (["The force has adequate resources for investigating crime."], PEEL),
    (["The chief constable said the force had made good progress in responding to the public."], PEEL),
    (["A force spokesperson said it was no longer inadequate resources that held it back."], PEEL),
    (["Officers said investigating crime was an area where they needed more training, and morale was poor."], PEEL),
    (["Preventing crime, by contrast, was an area where officers did good work."], PEEL),
    (["Leaders' impact on social work practice has been strengthened, and staff said morale was good."], OFSTED),
    (["Care leavers told inspectors their personal advisers were good."], OFSTED),
    (["Inspectors found that respect between staff and prisoners was poor on some wings."], PRISON),
    # "the remaining two" counts areas only when it names them.
    (["The remaining two – Sarah and James – were good friends."], PEEL),
    # "services for children" is the whole service, not an area's recipients.
    (["Parents said the services for children were good value."], OFSTED),
])
def test_traps(extractor, text, title):
    assert extract(extractor, text, title=title, published="2025-02-11", kind="news")[0] == set()
