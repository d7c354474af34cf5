"""Phrasing -> gradings, by the general categories dev9's first run missed
(corpora/gold/dev9: news, opinion, round-ups of several bodies, and press
releases by inspectorates and by the bodies inspected, with CQC and HMI
Probation items). The cases are new wordings of each category, not the dev9
sentences: the rules must read the shape, not the example. Each case is a
short document; the expected records are (area, grade, previous, count,
out_of), or with the organisation first where attachment is what is tested."""

import pytest

from miner.document import DocumentBuilder
from tests.test_extract_gradings import OFSTED, PEEL, extract

CQC = "Hospital trust told to improve by the Care Quality Commission"
PROBATION = "Youth justice service inspected by HM Inspectorate of Probation"
PRISON = "HMP Exeter: report of an unannounced inspection by HM Inspectorate of Prisons"
FIRE = "Fire and rescue service inspection: HMICFRS publishes its findings"

RI = "requires improvement"
RIG = "requires improvement to be good"


def records(extractor, paragraphs, title, published="2025-03-04"):
    """(organisation, area, grade, previous, count, out_of) for every grading of a news story."""
    builder = DocumentBuilder()
    builder.add("heading", title, level=1)
    for paragraph in paragraphs:
        builder.add("paragraph", paragraph)
    extraction = extractor.extract(builder.build("text/html", title=title, published=published, kind="news"))
    return {(g.organisation_id, g.area, g.grade, g.previous, g.count, g.out_of) for g in extraction.gradings}


def graded(extractor, text, title, published="2025-03-04"):
    return extract(extractor, text, title=title, published=published, kind="news")[0]


@pytest.mark.parametrize("text, title, expected", [
    # CQC and HMI Probation rate the whole body: a grade with no area named is its overall rating.
    (["The hospital trust has been downgraded from outstanding to good by the regulator."], CQC,
     {("overall", "good", False, None, None), ("overall", "outstanding", True, None, None)}),
    (["The county's youth offending service has been given an 'inadequate' rating."], PROBATION, {("overall", "inadequate", False, None, None)}),
    (["The trust was handed a 'requires improvement' verdict after inspectors visited in January."], CQC, {("overall", RI, False, None, None)}),
    (["The unit earned its first 'good' overall rating in spring 2024."], PROBATION, {("overall", "good", False, None, None)}),
    # ... with "again": the same rating at the inspection before too.
    (["The hospital has again been given an 'inadequate' rating."], CQC,
     {("overall", "inadequate", False, None, None), ("overall", "inadequate", True, None, None)}),
    # Ofsted: a council's services that have moved to a grade.
    (["Norfolk County Council, which was judged inadequate in 2013, has since risen to good."], OFSTED,
     {("overall effectiveness", "inadequate", True, None, None), ("overall effectiveness", "good", False, None, None)}),
])
def test_whole_body_ratings(extractor, text, title, expected):
    assert graded(extractor, text, title) == expected


@pytest.mark.parametrize("text, title, expected", [
    # The key questions and areas in other words.
    (["Inspectors rated the trust good for responsiveness and inadequate for leadership."], CQC,
     {("responsive", "good", False, None, None), ("well-led", "inadequate", False, None, None)}),
    (["How the trust is led was found to require improvement, while its effectiveness was judged good."], CQC,
     {("well-led", RI, False, None, None), ("effective", "good", False, None, None)}),
    (["The brigade requires improvement in how efficiently it runs and is good in how it treats its people."], FIRE,
     {("efficiency", RI, False, None, None), ("people", "good", False, None, None)}),
    (["Inspectors judged it adequate in how effectively it keeps people safe from fire."], FIRE, {("effectiveness", "adequate", False, None, None)}),
    (["Its resettlement provision was rated 'Good', as was the way it works with children sentenced by the courts."], PROBATION,
     {("resettlement", "good", False, None, None), ("court work", "good", False, None, None)}),
    (["The force's call handling was graded inadequate."], PEEL, {("responding to the public", "inadequate", False, None, None)}),
    # Who or where between the area and its verb.
    (["Safety at Exeter was judged poor."], PRISON, {("safety", "poor", False, None, None)}),
    (["Respect there is now reasonably good."], PRISON, {("respect", "reasonably good", False, None, None)}),
    (["Case supervision in Plymouth, which inspectors rated 'Requires improvement', was the weakest area."], PROBATION,
     {("case supervision", RI, False, None, None)}),
    (["Safety was poor, and poor, too, for purposeful activity."], PRISON,
     {("safety", "poor", False, None, None), ("purposeful activity", "poor", False, None, None)}),
])
def test_area_vocabulary_and_attachment(extractor, text, title, expected):
    assert graded(extractor, text, title) == expected


@pytest.mark.parametrize("text, title, expected", [
    # "as does Y", "gave Y the same grade", "that grade is now G": the grade just given, for another area.
    (["The force still requires improvement in responding to the public, as does the way it investigates crime."], PEEL,
     {("responding to the public", RI, False, None, None), ("investigating crime", RI, False, None, None)}),
    (["Inspectors rated its case supervision 'Inadequate' and gave its resettlement work the same grade."], PROBATION,
     {("case supervision", "inadequate", False, None, None), ("resettlement", "inadequate", False, None, None)}),
    (["Its people work was judged inadequate in 2021; that grade is now good."], FIRE,
     {("people", "inadequate", True, None, None), ("people", "good", False, None, None)}),
    (["Patients said staff were caring, and that key question was rated outstanding."], CQC, {("caring", "outstanding", False, None, None)}),
])
def test_elliptical_grades(extractor, text, title, expected):
    assert graded(extractor, text, title) == expected


@pytest.mark.parametrize("text, title, expected", [
    # Kept grades: the grade now and the same at the inspection before.
    (["Purposeful activity was assessed as poor for the third visit running."], PRISON,
     {("purposeful activity", "poor", False, None, None), ("purposeful activity", "poor", True, None, None)}),
    (["The trust kept its good ratings for caring and responsiveness."], CQC,
     {("caring", "good", False, None, None), ("caring", "good", True, None, None),
      ("responsive", "good", False, None, None), ("responsive", "good", True, None, None)}),
    (["Respect was judged not sufficiently good, the same score as at the inspection in 2021."], PRISON,
     {("respect", "not sufficiently good", False, None, None), ("respect", "not sufficiently good", True, None, None)}),
    # Only the clause with the kept grade: the other area moved.
    (["Safety has risen to reasonably good, while respect remains poor, the same score as in 2022."], PRISON,
     {("safety", "reasonably good", False, None, None), ("respect", "poor", False, None, None), ("respect", "poor", True, None, None)}),
    # The grade it moved from.
    (["The trust is now rated good overall, an upgrade from the requires improvement rating it was given in 2022."], CQC,
     {("overall", "good", False, None, None), ("overall", RI, True, None, None)}),
    (["Safety was assessed as reasonably good, an improvement on the poor score it had received in 2019."], PRISON,
     {("safety", "reasonably good", False, None, None), ("safety", "poor", True, None, None)}),
    # A recent year beside a grade compared "up from" an earlier one: the later grade is the current one.
    (["Children's services in Norfolk were judged good in 2024, up from the inadequate verdict they received in 2017."], OFSTED,
     {("overall effectiveness", "good", False, None, None), ("overall effectiveness", "inadequate", True, None, None)}),
])
def test_kept_and_earlier_grades(extractor, text, title, expected):
    assert graded(extractor, text, title) == expected


def test_the_last_inspection_when_clause_is_earlier(extractor):
    text = ["Since the previous inspection, when services were judged to be inadequate, leaders have made steady improvements."]
    assert extract(extractor, text, title=OFSTED, published="2019-06-12")[0] == {("overall effectiveness", "inadequate", True, None, None)}


@pytest.mark.parametrize("text, title, expected", [
    # Counts of grades, plural grade nouns included.
    (["The force received five 'goods' and two 'adequates'."], PEEL, {(None, "good", False, 5, None), (None, "adequate", False, 2, None)}),
    # Zero counts with the areas' owner between the noun and the verb.
    (["No area of the council's work was judged outstanding."], OFSTED, {(None, "outstanding", False, 0, None)}),
    (["Not a single key question was rated inadequate."], CQC, {(None, "inadequate", False, 0, None)}),
])
def test_counts(extractor, text, title, expected):
    assert graded(extractor, text, title) == expected


@pytest.mark.parametrize("text, title", [
    # Counts of bodies or inspections, not of one body's areas.
    (["Of the 20 youth justice inspections published last year, only two were rated 'Inadequate'."], PROBATION),
    (["Inspectors rated purposeful activity poor in 12 of the 30 local prisons they visited."], PRISON),
    (["Of the 14 ambulance trusts inspected, three were rated 'Good'."], CQC),
    # Ordinary uses of the grade words.
    (["The chief executive said there was a good deal of work still to do."], CQC),
    (["All outstanding actions from the warning notice have now been completed."], CQC),
    (["Too many children were not getting adequate support with their education."], PROBATION),
    (["Nine in ten assessments were of good quality, the report said."], PROBATION),
    (["The fire chief praised an outstanding team of firefighters."], FIRE),
    (["A former prisoner said the food was adequate but bland."], PRISON),
    (["The council said it had good foundations to build on."], OFSTED),
])
def test_traps(extractor, text, title):
    assert graded(extractor, text, title) == set()


def test_a_round_up_attaches_each_grade_to_the_body_it_names(extractor):
    text = [
        "Norfolk Constabulary was rated good at preventing crime, and Suffolk Constabulary was graded adequate for investigating crime.",
        "Essex Police fared worst. It was judged inadequate at protecting vulnerable people.",
        "In 2018 the force had been rated requires improvement for effectiveness.",
        "Kent Police was rated outstanding for managing offenders and suspects, and good in five of the eight areas it was assessed on.",
        "Essex Police now has three 'adequate' grades.",
    ]
    assert records(extractor, text, "How the eastern forces fared in the latest police inspections") == {
        ("norfolk-constabulary", "preventing crime", "good", False, None, None),
        ("suffolk-constabulary", "investigating crime", "adequate", False, None, None),
        ("essex-police", "protecting vulnerable people", "inadequate", False, None, None),
        ("essex-police", "effectiveness", RI, True, None, None),
        # Not dated by the sentence before, which was about another force's earlier grade.
        ("kent-police", "managing offenders and suspects", "outstanding", False, None, None),
        ("kent-police", None, "good", False, 5, 8),
        # Kent's total is not Essex's.
        ("essex-police", None, "adequate", False, 3, None),
    }


@pytest.mark.parametrize("text, expected", [
    (["Leeds Youth Justice Service was rated 'Outstanding' overall by HM Inspectorate of Probation."],
     {("leeds-city-council", "overall", "outstanding", False, None, None)}),
    (["Norfolk's youth offending team has been given a 'Good' rating by HM Inspectorate of Probation."],
     {("norfolk-county-council", "overall", "good", False, None, None)}),
])
def test_a_youth_justice_service_is_its_councils(extractor, text, expected):
    assert records(extractor, text, "Youth justice inspection results") == expected


@pytest.mark.parametrize("text, expected", [
    (["London Ambulance Service NHS Trust was rated good for being caring by the Care Quality Commission."],
     {("london-ambulance-service-nhs-trust", "caring", "good", False, None, None)}),
    (["The Care Quality Commission rated Yorkshire Ambulance Service requires improvement for being safe."],
     {("yorkshire-ambulance-service-nhs-trust", "safe", RI, False, None, None)}),
])
def test_ambulance_trusts_are_known(extractor, text, expected):
    assert records(extractor, text, "Ambulance service inspected") == expected


@pytest.mark.parametrize("text, title, expected", [
    # A named body, a body noun or (where the body has one overall rating) "It" as subject, no area.
    (["Stockport Council has been rated outstanding by Ofsted."], OFSTED, {("overall effectiveness", "outstanding", False, None, None)}),
    (["The hospital remains rated as inadequate."], CQC, {("overall", "inadequate", False, None, None), ("overall", "inadequate", True, None, None)}),
    (["The local authority has again been judged to require improvement to be good."], OFSTED,
     {("overall effectiveness", RIG, False, None, None), ("overall effectiveness", RIG, True, None, None)}),
    (["It was rated 'Requires improvement' for the second inspection running."], PROBATION,
     {("overall", RI, False, None, None), ("overall", RI, True, None, None)}),
    (["The delivery unit had been downgraded to 'Inadequate'."], PROBATION, {("overall", "inadequate", False, None, None)}),
    (["The trust went into special measures after being rated inadequate."], CQC, {("overall", "inadequate", False, None, None)}),
    (["Inspectors gave the trust the highest rating, outstanding."], CQC, {("overall", "outstanding", False, None, None)}),
    (["The clinic was previously rated requires improvement in 2020."], CQC, {("overall", RI, True, None, None)}),
])
def test_whole_body_subjects(extractor, text, title, expected):
    assert graded(extractor, text, title) == expected


@pytest.mark.parametrize("text, title", [
    # "It was rated ..." with no area is no grading where the body has no overall rating (PEEL).
    (["It was rated good."], PEEL),
    # A name after a preposition is not the subject of the grade.
    (["Leaders of social care in Rotherham have been rated inadequate by Ofsted."], OFSTED),
])
def test_whole_body_traps(extractor, text, title):
    assert all(area != "overall effectiveness" for area, *_ in graded(extractor, text, title))


def test_a_kept_rating_for_an_area_is_the_areas(extractor):
    text = ["The trust kept its outstanding rating for being well-led."]
    assert graded(extractor, text, CQC) == {("well-led", "outstanding", False, None, None), ("well-led", "outstanding", True, None, None)}


def test_the_same_as_before_after_a_grade_of_its_own(extractor):
    # "the same as at its previous inspection" restates its own grade, not the sentence before's.
    text = ["At HMP Leeds, safety was judged reasonably good.",
            "HMP Lincoln's respect was rated poor, the same as at its previous inspection in 2021."]
    assert records(extractor, text, "How the region's prisons fared") == {
        ("hmp-leeds", "safety", "reasonably good", False, None, None),
        ("hmp-lincoln", "respect", "poor", False, None, None), ("hmp-lincoln", "respect", "poor", True, None, None),
    }


def test_short_place_names_of_councils(extractor):
    # The gazetteer's place aliases ("Stoke" for Stoke-on-Trent, "Hull" for Kingston upon Hull).
    text = ["In Stoke, the help and protection of children was judged inadequate by Ofsted."]
    assert records(extractor, text, "Children's services in the region") == {("stoke-on-trent-city-council", "help and protection", "inadequate", False, None, None)}


def test_a_round_up_of_several_inspectorates_grades_each_body_on_its_own_scale(extractor):
    text = [
        "Cumbria Constabulary was graded adequate for responding to the public.",
        "Norfolk County Council, meanwhile, kept the good judgement Ofsted gave it in 2021.",
        "At HMP Durham, respect was rated poor for the second visit in a row.",
    ]
    assert records(extractor, text, "The county's public services under the inspectors' eye") == {
        ("cumbria-constabulary", "responding to the public", "adequate", False, None, None),
        ("norfolk-county-council", "overall effectiveness", "good", False, None, None),
        ("norfolk-county-council", "overall effectiveness", "good", True, None, None),
        ("hmp-durham", "respect", "poor", False, None, None),
        ("hmp-durham", "respect", "poor", True, None, None),
    }


@pytest.mark.parametrize("text, expected", [
    # The body named at the start of a clause, an aside before its verb.
    (["Barnet, which was judged inadequate in 2016, now requires improvement to be good."],
     {("london-borough-of-barnet", "overall effectiveness", "inadequate", True, None, None),
      ("london-borough-of-barnet", "overall effectiveness", RIG, False, None, None)}),
    # ... "has been rated G since 2019": held since then (the grade now and at that inspection).
    (["Its neighbour, Camden, has been rated outstanding by Ofsted since 2019."],
     {("london-borough-of-camden", "overall effectiveness", "outstanding", False, None, None),
      ("london-borough-of-camden", "overall effectiveness", "outstanding", True, None, None)}),
])
def test_named_bodies_in_a_round_up(extractor, text, expected):
    assert records(extractor, text, "London's children's services: the Ofsted verdicts") == expected


def test_a_body_rated_by_others_than_an_inspectorate(extractor):
    text = ["The Citizens Advice office, which was rated good by its clients, helped 400 families."]
    assert graded(extractor, text, OFSTED) == set()


@pytest.mark.parametrize("text, title, expected", [
    # The body as object of the move; a place's service; a move with its years.
    (["The regulator downgraded the trust to requires improvement."], CQC, {("overall", RI, False, None, None)}),
    (["The county's probation service was rated 'Good', the second-highest of four ratings."], PROBATION, {("overall", "good", False, None, None)}),
    (["The unit moved from 'Requires improvement' in 2021 to 'Good' this year."], PROBATION,
     {("overall", "good", False, None, None), ("overall", RI, True, None, None)}),
])
def test_moves_and_place_services(extractor, text, title, expected):
    assert graded(extractor, text, title) == expected
