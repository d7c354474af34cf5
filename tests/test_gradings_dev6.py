"""Phrasing -> gradings found by the dev6 news corpus (regional and national
papers, trade press, a council press release, prison, probation and CQC
stories): each case is a short document; the expected records are (area,
grade, previous, count, out_of) for the document's subject, or with the
organisation first where a case names several bodies."""

import pytest

from tests.test_extract_gradings import OFSTED, PEEL, extract

PRISON = "HMP Bristol: report of an unannounced inspection"
PROBATION = "Essex youth justice team rated outstanding by HM Inspectorate of Probation"
CQC = "Hull Royal Infirmary A&E no longer 'inadequate', says the Care Quality Commission"


def by_body(extractor, paragraphs, title, published="2025-05-22", kind="news"):
    """(organisation, area, grade, previous, count, out_of) of every record."""
    _, extraction = extract(extractor, paragraphs, title=title, published=published, kind=kind)
    return {(g.organisation_id, g.area, g.grade, g.previous, g.count, g.out_of) for g in extraction.gradings}


@pytest.mark.parametrize("text, title, expected", [
    # "give ... their lowest grade" in the present tense, as a standfirst has it.
    (["Inspectors give the jail their lowest grade in two of the four healthy prison tests."], PRISON, {(None, "poor", False, 2, 4)}),
    # A second area of a leading earlier clause, with "already".
    (["At the last full inspection, in 2022, safety was judged not sufficiently good and purposeful activity was already poor."], PRISON,
     {("safety", "not sufficiently good", True, None, None), ("purposeful activity", "poor", True, None, None)}),
    # "N of the standards" as the graded things; a total of standards, not of the areas they fall in.
    (["Inspectors looked at twelve standards across three areas of the service's work.", "They rated nine of the standards outstanding and three good."],
     PROBATION, {(None, "outstanding", False, 9, 12), (None, "good", False, 3, 12)}),
    # "its resettlement work"; a clause after "while" is not part of the list before it.
    (["The service's organisational delivery was judged outstanding, as was its work with children sentenced by the courts, while its resettlement work was rated good."],
     PROBATION, {("organisational delivery", "outstanding", False, None, None), ("court work", "outstanding", False, None, None), ("resettlement", "good", False, None, None)}),
    # A named inspectorate in a leading "when ... last visited" clause dates the grade.
    (["When HM Inspectorate of Probation last visited, in 2019, the service was rated good overall."], PROBATION, {("overall", "good", True, None, None)}),
    # "remained inadequate": the grade now and the same grade before.
    (["Inspectors said the experiences and progress of care leavers remained inadequate."], OFSTED,
     {("care leavers", "inadequate", False, None, None), ("care leavers", "inadequate", True, None, None)}),
    # A named body, or a part of it, as the object of "rated ... as": its overall grade.
    (["The Care Quality Commission has rated the emergency department at Hull Royal Infirmary as requires improvement, up from inadequate at its previous inspection in 2023."],
     CQC, {("overall", "requires improvement", False, None, None), ("overall", "inadequate", True, None, None)}),
    # Traps: an ordinary "remained good"; "rated ... as good" of what is not a body.
    (["Relations between staff and children remained good throughout."], OFSTED, set()),
    (["Parents rated the new Family Hub as good value."], OFSTED, set()),
    (["The Ombudsman's Office, which was rated good by users, took the complaint."], OFSTED, set()),
])
def test_dev6_phrasing(extractor, text, title, expected):
    assert extract(extractor, text, title=title, published="2025-02-11")[0] == expected


def test_body_named_in_a_relative_clause_is_not_the_graded_one(extractor):
    text = ["Hull University Teaching Hospitals NHS Trust, which runs Hull Royal Infirmary, remains rated requires improvement overall, a rating it has held since 2018."]
    assert by_body(extractor, text, CQC, published="2025-09-30") == {
        ("hull-university-teaching-hospitals-nhs-trust", "overall", "requires improvement", False, None, None),
        ("hull-university-teaching-hospitals-nhs-trust", "overall", "requires improvement", True, None, None)}


def test_a_neighbouring_council_graded_in_a_relative_clause(extractor):
    text = ["Ofsted has rated Sefton Council's children's services as requires improvement to be good.",
            "Neighbouring Wirral Council, which was also rated inadequate in 2022, is awaiting reinspection."]
    assert by_body(extractor, text, "Sefton children's services lifted out of 'inadequate'", published="2025-02-11") == {
        ("sefton-council", "overall effectiveness", "requires improvement to be good", False, None, None),
        ("wirral-council", "overall effectiveness", "inadequate", False, None, None)}


@pytest.mark.parametrize("text, expected", [
    # A threshold count keeps its wording, as "failing" does; a zero count takes the total its sentence stated before it.
    (["Merseyside Police was graded good or better in six of the nine areas, and was not found inadequate anywhere."],
     {(None, "good or better", False, 6, 9), (None, "inadequate", False, 0, 9)}),
    (["Durham Constabulary was graded good or outstanding in all but one of its nine areas."], {(None, "good or outstanding", False, 8, 9)}),
    # "in need of improvement in two" is a count of requires improvement, sharing the list's total.
    (["HMICFRS assessed the force across nine areas of policing.", "It found the force adequate in three of them and in need of improvement in two, with preventing crime the only area to be graded good."],
     {(None, "adequate", False, 3, 9), (None, "requires improvement", False, 2, 9), ("preventing crime", "good", False, None, None)}),
    # "from the eight areas inspected" states the total; a singular "grade" after a count.
    (["It received one outstanding, five good and two adequate grades from the eight areas inspected."],
     {(None, "outstanding", False, 1, 8), (None, "good", False, 5, 8), (None, "adequate", False, 2, 8)}),
    (["Durham Constabulary: best in the region, with one outstanding grade."], {(None, "outstanding", False, 1, None)}),
    # Trap: the total is of an earlier inspection, stated after the zero count.
    (["Durham Constabulary is no longer rated inadequate in any part of its work, two years after it was found to be failing in three of the eight areas inspected."],
     {(None, "inadequate", False, 0, None), (None, "failing", True, 3, 8)}),
    # Traps: a threshold that is not a count; "in need of improvement" without a count.
    (["Inspectors want every investigation to be good or better within a year."], set()),
    (["The force's estate is in need of improvement in places."], set()),
])
def test_thresholds_zero_counts_and_stated_totals(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # "that grade has now risen to good": the area just graded, now.
    (["When it was last inspected, in 2022, the force was judged inadequate at responding to the public; that grade has now risen to good."],
     {("responding to the public", "inadequate", True, None, None), ("responding to the public", "good", False, None, None)}),
    # A chain of dated grades with commas, then "it is now ...".
    (["The force was rated outstanding for leadership in 2016, good in 2018 and requires improvement in 2022, and inspectors say it is now adequate."],
     {("leadership and force management", "outstanding", True, None, None), ("leadership and force management", "good", True, None, None),
      ("leadership and force management", "requires improvement", True, None, None), ("leadership and force management", "adequate", False, None, None)}),
    # "in that area": the area graded in the sentence before.
    (["Durham Constabulary was found inadequate at responding to the public.", "In the previous round it had been rated good in that area."],
     {("responding to the public", "inadequate", False, None, None), ("responding to the public", "good", True, None, None)}),
    # Traps: no area before to refer to; "it is now" with no dated grade before; a grade of something else moving.
    (["Officers said that area had been rated good in that area by residents."], set()),
    (["The chief constable said the force is now good at listening."], set()),
    (["Its rating among residents has risen to good, a survey found."], set()),
])
def test_anaphoric_areas_and_chains_of_years(extractor, text, expected):
    assert extract(extractor, text, published="2025-05-22")[0] == expected


def test_both_in_the_next_sentence_shares_the_grade(extractor):
    text = ["Kent Police and Essex Police share third place. Both were rated good for preventing crime."]
    assert by_body(extractor, text, "PEEL league table: Surrey tops the south-east", published="2025-07-03") == {
        ("kent-police", "preventing crime", "good", False, None, None), ("essex-police", "preventing crime", "good", False, None, None)}
    # Trap: two forces not coordinated ("beat"): the grade is the nearest one's.
    text = ["Kent Police beat Essex Police to third place. Both were rated good for preventing crime."]
    assert by_body(extractor, text, "PEEL league table: Surrey tops the south-east", published="2025-07-03") == {
        ("essex-police", "preventing crime", "good", False, None, None)}


@pytest.mark.parametrize("text, expected", [
    # A kept count: the same count at the inspection before.
    (["Service holds on to two good grades."], {(None, "good", False, 2, None), (None, "good", True, 2, None)}),
    (["The force kept its three outstanding ratings."], {(None, "outstanding", False, 3, None), (None, "outstanding", True, 3, None)}),
    # Trap: a count with no verb of keeping.
    (["The force received two good grades."], {(None, "good", False, 2, None)}),
])
def test_kept_counts(extractor, text, expected):
    assert extract(extractor, text, published="2022-08-04")[0] == expected


PRISON_NEWS = "HMP Bristol: report of an unannounced inspection by HM Inspectorate of Prisons"
CARE_HOME = "Care home rated by the Care Quality Commission"


@pytest.mark.parametrize("title, text, expected", [
    # A list of dated grades, then the area they are of.
    (PEEL, ["The force was rated good in 2017, requires improvement in 2019 and inadequate in 2022 for investigating crime."],
     {("investigating crime", "good", True, None, None), ("investigating crime", "requires improvement", True, None, None),
      ("investigating crime", "inadequate", True, None, None)}),
    (PEEL, ["Its response to the public, rated outstanding in 2014, good in 2018 and adequate in 2022, is now inadequate."],
     {("responding to the public", "outstanding", True, None, None), ("responding to the public", "good", True, None, None),
      ("responding to the public", "adequate", True, None, None), ("responding to the public", "inadequate", False, None, None)}),
    # "rated poorly for" a list of tests: HMI Prisons' poor for each.
    (PRISON_NEWS, ["The prison was rated poorly for safety and respect."], {("safety", "poor", False, None, None), ("respect", "poor", False, None, None)}),
    # A count of "them" after a sentence stating the total, and "the other five".
    (PEEL, ["HMICFRS graded the force in eight areas.", "It was good in three of them.", "It was adequate in the other five."],
     {(None, "good", False, 3, 8), (None, "adequate", False, 5, 8)}),
    # Zero counts: "in a single area", "received no inadequate grades".
    (PEEL, ["The force was not judged outstanding in a single area."], {(None, "outstanding", False, 0, None)}),
    (PEEL, ["It received no inadequate grades."], {(None, "inadequate", False, 0, None)}),
    # "had improved to good" in reported speech is the grade now.
    (OFSTED, ["Ofsted found services for care leavers had improved to good."], {("care leavers", "good", False, None, None)}),
    # "..., and requires improvement overall" after grades of key questions.
    (CARE_HOME, ["The CQC rated the home inadequate for being safe and well-led, and requires improvement overall."],
     {("safe", "inadequate", False, None, None), ("well-led", "inadequate", False, None, None), ("overall", "requires improvement", False, None, None)}),
    # "has improved to adequate in that area"; "the same as in 2021" is a kept grade.
    (PEEL, ["The force, which had been rated inadequate for responding to the public in 2021, has improved to adequate in that area."],
     {("responding to the public", "inadequate", True, None, None), ("responding to the public", "adequate", False, None, None)}),
    (PEEL, ["Inspectors rated the force as adequate at investigating crime, the same as in 2021."],
     {("investigating crime", "adequate", False, None, None), ("investigating crime", "adequate", True, None, None)}),
    # Traps: ordinary "poor", "good" and "adequate".
    (PRISON_NEWS, ["Conditions were poor and the food was poor, prisoners said."], set()),
    (PRISON_NEWS, ["The prison performed poorly in a league table of drug tests."], set()),
    (OFSTED, ["Leaders have made good progress and staff morale is good."], set()),
    (PEEL, ["The chief constable said the force has good people and adequate funding."], set()),
    (PEEL, ["Crime fell in 2019, rose in 2021 and fell again in 2023 for most offences."], set()),
])
def test_unseen_probes_of_the_weak_categories(extractor, title, text, expected):
    assert extract(extractor, text, title=title, published="2024-06-01", kind="news")[0] == expected


@pytest.mark.parametrize("title, text, expected", [
    # A headline's "'requires improvement' verdict on investigations".
    (PEEL, ["Force told to improve after 'requires improvement' verdict on investigations"], {("investigating crime", "requires improvement", False, None, None)}),
    # "fell to X from Y for AREA": the grade now and the one before.
    (PEEL, ["The force fell to inadequate from good for responding to the public."],
     {("responding to the public", "inadequate", False, None, None), ("responding to the public", "good", True, None, None)}),
    # "an improvement on 2019 when they required improvement": the area's earlier grade.
    (OFSTED, ["Inspectors judged the experiences and progress of children in care to be good, an improvement on 2019 when they required improvement."],
     {("children in care", "good", False, None, None), ("children in care", "requires improvement to be good", True, None, None)}),
    # A second count joined to a count of judgements shares its total.
    (OFSTED, ["Three of the four judgements were good and one was outstanding."], {(None, "good", False, 3, 4), (None, "outstanding", False, 1, 4)}),
    # "Safety at the jail was rated 'poor'".
    (PRISON_NEWS, ["Safety at the jail was rated 'poor', the lowest grade."], {("safety", "poor", False, None, None)}),
    # "last time" dates a count.
    (PEEL, ["The force was graded requires improvement in six of the nine areas last time."], {(None, "requires improvement", True, 6, 9)}),
    # Traps: other things graded or described with grade words.
    (OFSTED, ["Ofsted rated Oak Hill Primary School good last month."], set()),
    (OFSTED, ["The council's fostering service was rated good by Ofsted in a separate inspection."], set()),
    (PEEL, ["Officers are executing outstanding warrants and the force has adequate staffing."], set()),
    (PEEL, ["The force has drawn up requires improvement plans for each area."], set()),
    (PRISON_NEWS, ["Staff relations with prisoners were reasonably good, inspectors said."], set()),
    (PEEL, ["A poor start to the year meant the force's budget was inadequate."], set()),
])
def test_more_unseen_probes(extractor, title, text, expected):
    assert extract(extractor, text, title=title, published="2024-06-01", kind="news")[0] == expected


PRISON_REPORT = "Report on an unannounced inspection of HMP Bristol by HM Chief Inspector of Prisons"
PROBATION_REPORT = "An inspection of probation services in Wirral PDU - HM Inspectorate of Probation"


@pytest.mark.parametrize("title, text, expected", [
    # "poor against the healthy prison test of safety"
    (PRISON_REPORT, ["Outcomes for prisoners were poor against the healthy prison test of safety."], {("safety", "poor", False, None, None)}),
    # "Of the 12 standards, ..." states the total of the counts after it.
    (PROBATION_REPORT, ["Of the 12 standards, two were rated good, six requires improvement and four inadequate."],
     {(None, "good", False, 2, 12), (None, "requires improvement", False, 6, 12), (None, "inadequate", False, 4, 12)}),
    # "maintained its good judgement": a kept grade.
    (OFSTED, ["The local authority has maintained its good judgement since the last inspection."],
     {("overall effectiveness", "good", False, None, None), ("overall effectiveness", "good", True, None, None)}),
    # Traps in report prose.
    (PRISON_REPORT, ["We were told that the food was good and that the gym was adequate."], set()),
    (PEEL, ["We found that the force needs to improve how it investigates crime."], set()),
])
def test_report_phrasing_probes(extractor, title, text, expected):
    assert extract(extractor, text, title=title, published="2024-06-01", kind="report")[0] == expected


ROUND_UP = "How your police force performed in the latest inspections"


@pytest.mark.parametrize("text, expected", [
    # A relative clause's earlier grade does not date the main clause's.
    (["Greater Manchester Police, which was rated inadequate in 2020, was graded good in five areas this time."],
     {("greater-manchester-police", None, "good", False, 5, None)}),
    # Round-up phrasing: several forces in one sentence, "in that area" for another force, a colon list.
    (["Kent Police was rated good in six areas, while Sussex Police was rated inadequate at responding to the public."],
     {("kent-police", None, "good", False, 6, None), ("sussex-police", "responding to the public", "inadequate", False, None, None)}),
    (["Surrey Police, Sussex Police and Kent Police were all graded adequate for investigating crime."],
     {("surrey-police", "investigating crime", "adequate", False, None, None), ("sussex-police", "investigating crime", "adequate", False, None, None),
      ("kent-police", "investigating crime", "adequate", False, None, None)}),
    (["Essex Police was judged outstanding for preventing crime. Its neighbour, Kent Police, was rated good in that area."],
     {("essex-police", "preventing crime", "outstanding", False, None, None), ("kent-police", "preventing crime", "good", False, None, None)}),
    # Trap: a chief constable's "good job" and "outstanding news".
    (["Merseyside Police's chief constable said officers had done a good job and the grades were 'outstanding news'."], set()),
])
def test_round_up_probes(extractor, text, expected):
    assert by_body(extractor, text, ROUND_UP, published="2025-03-01") == expected


@pytest.mark.parametrize("text, expected", [
    # "last time" after the grade dates it; "unlike last time" before it does not.
    (["The force was rated good in five areas last time."], {(None, "good", True, 5, None)}),
    (["Unlike last time, the force was rated good in five areas."], {(None, "good", False, 5, None)}),
    # "remains rated ... overall, a rating it has held since 2018": now, and kept.
    (["The force remains rated good for investigating crime, a rating it has held since 2018."],
     {("investigating crime", "good", False, None, None), ("investigating crime", "good", True, None, None)}),
])
def test_last_time_and_remains(extractor, text, expected):
    assert extract(extractor, text, published="2024-06-01", kind="news")[0] == expected
