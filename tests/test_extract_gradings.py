"""Phrasing -> gradings. Each case is a short document; the expected records
are (area, grade, previous, count, out_of) for the document's subject."""

import pytest

from tests.document_lines import document_from_lines

PEEL = "PEEL 2023–25: An inspection of Durham Constabulary"
OFSTED = "Inspection of Norfolk County Council local authority children’s services"


def extract(extractor, paragraphs, title=PEEL, published="2024-05-16", kind="report"):
    extraction = extractor.extract(document_from_lines(paragraphs, title, published=published, kind=kind))
    return {(g.area, g.grade, g.previous, g.count, g.out_of) for g in extraction.gradings}, extraction


@pytest.mark.parametrize("text, expected", [
    # Tables, flattened or as rows.
    (["| Investigating crime | Adequate |"], {("investigating crime", "adequate", False, None, None)}),
    (["Investigating crime Requires improvement"], {("investigating crime", "requires improvement", False, None, None)}),
    # Two rows run into one line by PDF extraction.
    (["Protecting vulnerable people Requires improvement Leadership and force management Adequate"],
     {("protecting vulnerable people", "requires improvement", False, None, None), ("leadership and force management", "adequate", False, None, None)}),
    (["Investigating crime Adequate Inspectors found good practice in the force."], {("investigating crime", "adequate", False, None, None)}),
    # Prose, in several shapes.
    (["Durham Constabulary was rated inadequate at investigating crime."], {("investigating crime", "inadequate", False, None, None)}),
    (["The force requires improvement in how it investigates crime."], {("investigating crime", "requires improvement", False, None, None)}),
    (["Inspectors rated its response to the public as good."], {("responding to the public", "good", False, None, None)}),
    (["The force's management of offenders was judged inadequate."], {("managing offenders and suspects", "inadequate", False, None, None)}),
    (["The force is good at preventing crime and at protecting vulnerable people."],
     {("preventing crime", "good", False, None, None), ("protecting vulnerable people", "good", False, None, None)}),
    (["The inadequate grades were given for how the force responds to the public and how it investigates crime."],
     {("responding to the public", "inadequate", False, None, None), ("investigating crime", "inadequate", False, None, None)}),
    (["Durham Constabulary was rated 'outstanding' at investigating crime."], {("investigating crime", "outstanding", False, None, None)}),
    # Counts, totals, lists and aggregates kept as stated.
    (["Graded across nine areas, it was good in two, adequate in three and requires improvement in four."],
     {(None, "good", False, 2, 9), (None, "adequate", False, 3, 9), (None, "requires improvement", False, 4, 9)}),
    (["The force was failing in six of nine areas."], {(None, "failing", False, 6, 9)}),
    (["It was rated inadequate in two areas, investigating crime and managing offenders and suspects."],
     {(None, "inadequate", False, 2, None), ("investigating crime", "inadequate", False, None, None),
      ("managing offenders and suspects", "inadequate", False, None, None)}),
    (["It was not rated good or outstanding in any area."], {(None, "good", False, 0, None), (None, "outstanding", False, 0, None)}),
    # A zero count takes a total only from its own or the sentence before, never the document's.
    (["HMICFRS assessed the force across nine areas.", "Its officers work hard.", "It has a new chief constable.",
      "Calls are answered quickly.", "Crime recording is accurate.", "Victims are kept informed.",
      "The force was not graded outstanding or inadequate in any area."],
     {(None, "outstanding", False, 0, None), (None, "inadequate", False, 0, None)}),
    (["Inspectors graded the force inadequate in two of the eight areas they assessed.", "It was not graded good in any area."],
     {(None, "inadequate", False, 2, 8), (None, "good", False, 0, 8)}),
    # Earlier inspections are previous, with their year.
    (["When it was last inspected in 2021 it was judged to require improvement at investigating crime."],
     {("investigating crime", "requires improvement", True, None, None)}),
    (["The force, which was judged inadequate at responding to the public in 2019, is now rated good at responding to the public."],
     {("responding to the public", "inadequate", True, None, None), ("responding to the public", "good", False, None, None)}),
    # "for both X and Y" lists the areas of one grade.
    (["When it was last inspected, in 2019, the force was judged good for both efficiency and legitimacy."],
     {("efficiency", "good", True, None, None), ("legitimacy", "good", True, None, None)}),
    # "since its last inspection" dates an improvement, not the grade.
    (["Durham Constabulary requires improvement in the way it investigates crime, despite an effort to raise standards since its last inspection."],
     {("investigating crime", "requires improvement", False, None, None)}),
    # "the same grade it received in 2019": the grade again, at the earlier inspection.
    (["The watchdog judged the force to require improvement at investigating crime, the same grade it received in 2019."],
     {("investigating crime", "requires improvement", False, None, None), ("investigating crime", "requires improvement", True, None, None)}),
    (["The force requires improvement at investigating crime, the same grade it received from an outside reviewer."],
     {("investigating crime", "requires improvement", False, None, None)}),
    # "good in another" is a count of one; "with five rated adequate" a count.
    (["Graded across nine areas, it was outstanding in one area and good in another, with five rated adequate and two requiring improvement."],
     {(None, "outstanding", False, 1, 9), (None, "good", False, 1, 9), (None, "adequate", False, 5, 9), (None, "requires improvement", False, 2, 9)}),
    (["The force was good in another way: it answered calls quickly."], set()),
    # A list of counts that ends with "the remaining N" covers every area: its sum is the total.
    (["The force was judged good in two of them, adequate in three and requires improvement in the remaining four."],
     {(None, "good", False, 2, 9), (None, "adequate", False, 3, 9), (None, "requires improvement", False, 4, 9)}),
    # ... unless the sentence states the total.
    (["It was inadequate in three of nine areas and requires improvement in the other two."],
     {(None, "inadequate", False, 3, 9), (None, "requires improvement", False, 2, 9)}),
    # "X was one of two areas rated adequate": a count of two, and X among them.
    (["Investigating crime was one of two areas rated adequate."],
     {("investigating crime", "adequate", False, None, None), (None, "adequate", False, 2, None)}),
    # A count whose areas are listed between dashes.
    (["Three areas – preventing crime, investigating crime and responding to the public – were judged adequate."],
     {(None, "adequate", False, 3, None), ("preventing crime", "adequate", False, None, None),
      ("investigating crime", "adequate", False, None, None), ("responding to the public", "adequate", False, None, None)}),
    # A count whose areas the next sentence lists ("These include ...").
    (["Inspectors judged two areas inadequate.", "These include investigating crime and protecting vulnerable people."],
     {(None, "inadequate", False, 2, None), ("investigating crime", "inadequate", False, None, None),
      ("protecting vulnerable people", "inadequate", False, None, None)}),
    # Trap: a next sentence that does not list the counted areas.
    (["Inspectors judged two areas inadequate.", "Investigating crime has a new lead officer."], {(None, "inadequate", False, 2, None)}),
    # An earlier inspection's count does not take the current inspection's total.
    (["HMICFRS assessed the force across nine areas.", "Its officers work hard.", "It has a new chief constable.",
      "Calls are answered quickly.", "Crime recording is accurate.", "Victims are kept informed.",
      "It was rated good in two areas.", "In 2019 it had been rated inadequate in two areas."],
     {(None, "good", False, 2, 9), (None, "inadequate", True, 2, None)}),
    # "last week" dates the news, not an earlier inspection; "last inspection" does.
    (["Last week the police inspectorate rated it good at preventing crime."], {("preventing crime", "good", False, None, None)}),
    (["Earlier this month inspectors rated the force inadequate at investigating crime."], {("investigating crime", "inadequate", False, None, None)}),
    (["At its last inspection the force was rated inadequate at investigating crime."], {("investigating crime", "inadequate", True, None, None)}),
    # Not gradings: a class of grades ("good or outstanding") said of others.
    (["Most forces are rated good or outstanding at investigating crime."], set()),
    (["Investigating crime was rated good or outstanding in most forces."], set()),
    # Not gradings.
    (["Officers carry out good-quality investigations with adequate resources."], set()),
    (["Inspectors found inadequate training for call handlers and a good number of officers."], set()),
])
def test_peel_phrasing(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


def test_previous_grade_keeps_its_year(extractor):
    _, extraction = extract(extractor, ["When it was last inspected in 2021 it was judged to require improvement at investigating crime."])
    assert [(g.previous, g.year) for g in extraction.gradings] == [(True, 2021)]


@pytest.mark.parametrize("text, expected", [
    (["| The experiences and progress of children who need help and protection | Requires improvement to be good |"],
     {("help and protection", "requires improvement to be good", False, None, None)}),
    (["Children’s services in Norfolk require improvement to be good"],
     {("overall effectiveness", "requires improvement to be good", False, None, None)}),
    (["2.1 Adoption performance Outstanding"], {("adoption performance", "outstanding", False, None, None)}),
    # SIF's "Requires improvement" is the scale's "requires improvement to be good".
    (["3. Leadership, management and governance Requires improvement"],
     {("leadership, management and governance", "requires improvement to be good", False, None, None)}),
    (["At the last inspection, in 2016, the local authority was judged inadequate."],
     {("overall effectiveness", "inadequate", True, None, None)}),
    (["Health outcomes for looked after children and care leavers are inadequate."], set()),
    # An earlier inspection's grade of the whole service, with a pronoun or bare "services" as subject.
    (["At the last inspection, in December 2018, services required improvement to be good, and before that, in 2016, they were inadequate."],
     {("overall effectiveness", "requires improvement to be good", True, None, None), ("overall effectiveness", "inadequate", True, None, None)}),
    (["Services have improved since the last inspection in June 2019, when they were judged to require improvement to be good.",
      "In 2016, before that, the local authority's services were found to be inadequate."],
     {("overall effectiveness", "requires improvement to be good", True, None, None), ("overall effectiveness", "inadequate", True, None, None)}),
    (["When the council was last inspected, in 2017, it was found to require improvement to be good."],
     {("overall effectiveness", "requires improvement to be good", True, None, None)}),
    # "were found to require improvement", an area list with "and for".
    (["Services for children looked after, and for care leavers, were found to require improvement."],
     {("children looked after and achieving permanence", "requires improvement to be good", False, None, None),
      ("care leavers", "requires improvement to be good", False, None, None)}),
    (["In 2018 the care of looked-after children and care leavers was judged to require improvement to be good."],
     {("children in care and care leavers", "requires improvement to be good", True, None, None)}),
    # A comparison after the grade: the year dates the grade compared with.
    (["Children's services in Norfolk have been rated as requiring improvement by Ofsted, moving up from the inadequate verdict of 2019."],
     {("overall effectiveness", "requires improvement to be good", False, None, None), ("overall effectiveness", "inadequate", True, None, None)}),
    (["Norfolk's children's services have been rated good by Ofsted, an improvement on requires improvement at its last inspection in 2019."],
     {("overall effectiveness", "good", False, None, None), ("overall effectiveness", "requires improvement to be good", True, None, None)}),
    # DOMAIN.md: "since a judgement of inadequate in 2019" is an earlier grade.
    (["Services have improved since a judgement of inadequate in 2019."], {("overall effectiveness", "inadequate", True, None, None)}),
    (["Children are safer since its last judgement of inadequate for help and protection."],
     {("help and protection", "inadequate", True, None, None)}),
    # Traps: not dated to an earlier inspection, or a part of the service.
    (["Early help services were inadequate and they remain weak."], set()),
    (["Leaders know that some services were inadequate for disabled children in the past."], set()),
])
def test_ofsted_phrasing(extractor, text, expected):
    assert extract(extractor, text, title=OFSTED, published="2023-01-13")[0] == expected


PRISON = "Report on an unannounced inspection of HMP Leeds by HM Chief Inspector of Prisons"


@pytest.mark.parametrize("text, expected", [
    # An aside between dashes after the area.
    (["Respect – which covers living conditions and relationships between staff and prisoners – was rated reasonably good."],
     {("respect", "reasonably good", False, None, None)}),
    (["Safety – the first of the healthy prison tests – was judged poor."], {("safety", "poor", False, None, None)}),
    # "identical to those given at the previous inspection": the last sentence's grades again, as previous;
    # "assessed against the four healthy prison tests" states the total.
    (["The jail was assessed against the four healthy prison tests.",
      "Inspectors judged outcomes to be reasonably good in two of them – respect, and purposeful activity.",
      "The assessments are identical to those given at the previous inspection in 2019."],
     {(None, "reasonably good", False, 2, 4), ("respect", "reasonably good", False, None, None),
      ("purposeful activity", "reasonably good", False, None, None), ("respect", "reasonably good", True, None, None),
      ("purposeful activity", "reasonably good", True, None, None)}),
    # Trap: a sentence that is not about the earlier inspection's grades.
    (["Respect was rated reasonably good.", "Staff shortages are identical to those seen across the region."],
     {("respect", "reasonably good", False, None, None)}),
    # A sentence about the latest report is current even after one about an earlier inspection.
    (["Five years ago the picture was bleaker: in 2017 the jail was judged poor for safety.",
      "None of the four tests was rated good in the latest report."],
     {("safety", "poor", True, None, None), (None, "good", False, 0, 4)}),
    # Trap: the dash clause is not an aside ("– good news for staff").
    (["Purposeful activity improved – good news for staff."], set()),
])
def test_prison_phrasing(extractor, text, expected):
    assert extract(extractor, text, title=PRISON, published="2022-10-04")[0] == expected


LAC_2013 = "Ofsted: Inspection of looked after children services"


@pytest.mark.parametrize("text, expected", [
    # Before the single inspection framework (2014) Ofsted graded on a four-point scale with
    # "adequate": its judgements are on their own scale, not the later frameworks'.
    (["Overall effectiveness Inadequate"], {("overall effectiveness", "ofsted-2009", "inadequate")}),
    (["Capacity to improve Adequate"], {("capacity to improve", "ofsted-2009", "adequate")}),
    # Not one of that framework's areas, and a complement: "the wellbeing of ... care leavers".
    (["The impact of services to improve the economic wellbeing of looked after young people and care leavers is inadequate."], set()),
])
def test_ofsted_pre_2014_scale(extractor, text, expected):
    _, extraction = extract(extractor, text, title=LAC_2013, published="2013-08-16")
    assert {(g.area, g.scale, g.grade) for g in extraction.gradings} == expected


def test_pre_2014_areas_are_not_graded_in_later_reports(extractor):
    grades, _ = extract(extractor, ["Leadership and management Inadequate", "Overall effectiveness Good"], title=OFSTED, published="2023-01-13")
    assert grades == {("overall effectiveness", "good", False, None, None)}


def test_split_table_row_pairs_area_and_grade(extractor):
    grades, _ = extract(extractor, ["The impact of leaders on social work practice with children and families", "Good"], title=OFSTED)
    assert grades == {("impact of leaders", "good", False, None, None)}


def test_round_up_table_with_areas_as_columns(extractor):
    grades, extraction = extract(extractor, [
        "| Force | Investigating crime | Responding to the public |",
        "| Cleveland Police | Requires improvement | Adequate |",
        "| Merseyside Police | Good | Good |",
    ], title="How forces compare on investigations", kind="news")
    assert {(g.organisation_id, g.area, g.grade) for g in extraction.gradings} == {
        ("cleveland-police", "investigating crime", "requires improvement"),
        ("cleveland-police", "responding to the public", "adequate"),
        ("merseyside-police", "investigating crime", "good"),
        ("merseyside-police", "responding to the public", "good"),
    }


@pytest.mark.parametrize("text, expected", [
    # A score column between area and grade (HMI Prisons, HMI Probation).
    (["| Safety | 1 | Poor |"], {("safety", "poor", False, None, None)}),
    # Later names of the healthy prison tests.
    (["| Preparation for release | Not sufficiently good |"], {("rehabilitation and release planning", "not sufficiently good", False, None, None)}),
    # "having been X": the earlier grade of the area just graded, the current one stays current.
    (["Respect was judged not sufficiently good, having been reasonably good in 2019."],
     {("respect", "not sufficiently good", False, None, None), ("respect", "reasonably good", True, None, None)}),
    # Zero counts with the graded things as subject; "neither"/"none" shares the total named before it.
    (["None of the four healthy prison tests was judged good, but neither was any rated poor."],
     {(None, "good", False, 0, 4), (None, "poor", False, 0, 4)}),
    (["No test was rated good, and none was rated not sufficiently good or poor."],
     {(None, "good", False, 0, None), (None, "not sufficiently good", False, 0, None), (None, "poor", False, 0, None)}),
    # Trap: the scale's own legend is not a count of grades.
    (["We score each test from 1 to 4."], set()),
])
def test_prison_tables_and_zero_counts(extractor, text, expected):
    assert extract(extractor, text, title=PRISON, published="2024-11-05")[0] == expected


@pytest.mark.parametrize("text, expected", [
    # "In its 2022 inspection", "At its previous PEEL inspection, in 2022,": a leading clause dates the grade.
    (["In its 2022 inspection, the force was rated requires improvement for responding to the public."],
     {("responding to the public", "requires improvement", True, None, None)}),
    (["At its previous PEEL inspection, in 2022, the force was not graded inadequate in any area."],
     {(None, "inadequate", True, 0, None)}),
    # A current year is not an earlier inspection.
    (["In its 2024 inspection, the force was rated good at investigating crime."], {("investigating crime", "good", False, None, None)}),
    # Zero counts: "no area was judged", "None of the areas was rated".
    (["No area was judged outstanding."], {(None, "outstanding", False, 0, None)}),
    (["None of the eight areas was rated good or outstanding."], {(None, "good", False, 0, 8), (None, "outstanding", False, 0, 8)}),
    # A zero count takes the total of the sentence before, but not of one further back.
    (["The force was rated adequate in four of eight areas.", "No area was rated inadequate."],
     {(None, "adequate", False, 4, 8), (None, "inadequate", False, 0, 8)}),
    (["The force was rated adequate in four of eight areas.", "It was praised for its work with schools.", "No area was rated inadequate."],
     {(None, "adequate", False, 4, 8), (None, "inadequate", False, 0, None)}),
    # The areas after a count end where "with only ..." names another grade's area.
    (["It was graded good in four areas, with only leadership and force management judged adequate."],
     {(None, "good", False, 4, None), ("leadership and force management", "adequate", False, None, None)}),
    # Trap: "no" before an ordinary noun.
    (["No officer was given adequate training."], set()),
])
def test_peel_2023_phrasing(extractor, text, expected):
    assert extract(extractor, text, published="2024-10-22")[0] == expected


def test_split_table_row_with_text_after_the_grade(extractor):
    grades, _ = extract(extractor, ["Police powers and public treatment", "Good Fair use of stop and search; strong scrutiny"])
    assert grades == {("police powers and public treatment", "good", False, None, None)}


CQC = "Hull Royal Infirmary – Medical care – Care Quality Commission"


@pytest.mark.parametrize("text, expected", [
    (["| Safe | Inadequate |"], {("safe", "inadequate", False, None, None)}),
    (["The service was rated inadequate for safety."], {("safe", "inadequate", False, None, None)}),
    (["Inspectors rated it requires improvement for being effective and well-led, and good for being caring."],
     {("effective", "requires improvement", False, None, None), ("well-led", "requires improvement", False, None, None), ("caring", "good", False, None, None)}),
    # "rated X overall, having previously been rated Y": current X, earlier Y.
    (["The service was rated requires improvement overall, having previously been rated good."],
     {("overall", "requires improvement", False, None, None), ("overall", "good", True, None, None)}),
    # Trap: key-question words in ordinary use.
    (["Staff were caring and the ward was safe and clean, and care was good."], set()),
])
def test_cqc_phrasing(extractor, text, expected):
    assert extract(extractor, text, title=CQC, published="2023-09-18")[0] == expected


@pytest.mark.parametrize("text, expected", [
    # "X, which inspectors judged Y" and "X, which requires improvement": relative clauses.
    (["Its best result came for recording data about crime, which inspectors judged outstanding."],
     {("crime data integrity", "outstanding", False, None, None)}),
    # "its work to prevent crime" names the area.
    (["The force's work to prevent and deter crime was judged good."], {("preventing crime", "good", False, None, None)}),
    # Each "down from"/"up from" grade is the earlier grade of the area named just before it.
    (["The way it treats the public is now adequate, down from good in 2022, while its response to calls has moved up from requires improvement."],
     {("police powers and public treatment", "adequate", False, None, None), ("police powers and public treatment", "good", True, None, None),
      ("responding to the public", "requires improvement", True, None, None)}),
    # An earlier year's "when" clause dates the grades that follow it.
    (["The grades are a step down from its previous inspection, published in 2021, when it was graded outstanding in four of ten areas."],
     {(None, "outstanding", True, 4, 10)}),
    # A count's areas after a short time phrase: "in six of 11 areas last October, including ...".
    (["Durham Constabulary was rated inadequate in six of 11 areas last October, including how it investigates crime and protects vulnerable people."],
     {(None, "inadequate", False, 6, 11), ("investigating crime", "inadequate", False, None, None), ("protecting vulnerable people", "inadequate", False, None, None)}),
    # Trap: "which" clause about something else.
    (["The force has a new crime recording system, which officers judged good value."], set()),
])
def test_relative_clauses_and_earlier_grades(extractor, text, expected):
    assert extract(extractor, text, published="2024-07-10")[0] == expected


def test_services_in_the_city_earlier_inspection(extractor):
    grades, _ = extract(extractor, ["In 2018, children's services in the city were judged inadequate, as they had been in 2015."], title=OFSTED, published="2021-07-01")
    assert grades == {("overall effectiveness", "inadequate", True, None, None)}


def test_cqc_overall_and_key_questions(extractor):
    grades, _ = extract(extractor, ["At our last inspection we rated the service inadequate overall and for being safe, effective and well-led."], title=CQC, published="2025-11-19")
    assert grades == {("overall", "inadequate", True, None, None), ("safe", "inadequate", True, None, None),
                      ("effective", "inadequate", True, None, None), ("well-led", "inadequate", True, None, None)}


@pytest.mark.parametrize("text, expected", [
    # A count after a zero count shares its total.
    (["None of the five judgements is good or outstanding, and three are inadequate."],
     {(None, "good", False, 0, 5), (None, "outstanding", False, 0, 5), (None, "inadequate", False, 3, 5)}),
    # "nine graded areas in all, none of them inadequate"
    (["That makes nine graded areas in all, none of them inadequate."], {(None, "inadequate", False, 0, 9)}),
    # Trap: "none of them" without graded things before it.
    (["The council appointed three new directors, none of them good communicators."], set()),
])
def test_ofsted_zero_and_following_counts(extractor, text, expected):
    assert extract(extractor, text, title=OFSTED, published="2025-01-20")[0] == expected


def test_leading_year_dates_every_grade_in_the_sentence(extractor):
    grades, _ = extract(extractor, ["In 2014 help and protection and care leavers were both rated inadequate, while adoption performance required improvement."],
                        title=OFSTED, published="2018-01-20")
    assert grades == {("help and protection", "inadequate", True, None, None), ("care leavers", "inadequate", True, None, None),
                      ("adoption performance", "requires improvement to be good", True, None, None)}


PROBATION = "National inspection of the Probation Service – HM Inspectorate of Probation"


@pytest.mark.parametrize("text, expected", [
    # HMI Probation grades standards; the areas named after a count ("..., leadership and staffing").
    (["HM Inspectorate of Probation rated the service requires improvement in two of the four standards it examined, leadership and staffing."],
     {(None, "requires improvement", False, 2, 4), ("organisational delivery", "requires improvement", False, None, None)}),
    (["| 1.3 Services | 0 | Inadequate |"], {("organisational delivery", "inadequate", False, None, None)}),
    (["We have therefore rated the Probation Service as ‘Requires improvement’ overall."], {("overall", "requires improvement", False, None, None)}),
    # Trap: "standards" of behaviour are not graded standards.
    (["Staff understood the standards of behaviour expected of them, and morale was good."], set()),
])
def test_probation_phrasing(extractor, text, expected):
    assert extract(extractor, text, title=PROBATION, published="2025-04-29")[0] == expected


def test_having_been_grades_every_area_of_the_list(extractor):
    grades, _ = extract(extractor, ["Ofsted found that both the impact of leaders on social work practice and the experiences of children who need help and protection require improvement to be good, having been inadequate three years ago."],
                        title=OFSTED, published="2022-12-01")
    assert grades == {("impact of leaders", "requires improvement to be good", False, None, None), ("help and protection", "requires improvement to be good", False, None, None),
                      ("impact of leaders", "inadequate", True, None, None), ("help and protection", "inadequate", True, None, None)}


@pytest.mark.parametrize("text, expected", [
    # "from X to Y": Y now, X before, for the area named last before it.
    (["Its grade for investigating crime fell from good to requires improvement."],
     {("investigating crime", "requires improvement", False, None, None), ("investigating crime", "good", True, None, None)}),
    (["Investigating crime improved from inadequate to adequate."],
     {("investigating crime", "adequate", False, None, None), ("investigating crime", "inadequate", True, None, None)}),
    # The same grade "for the third inspection in a row": now and before, each its own record.
    (["The force was rated inadequate at responding to the public for the third inspection in a row."],
     {("responding to the public", "inadequate", False, None, None), ("responding to the public", "inadequate", True, None, None)}),
    # Trap: a move between places, not grades.
    (["Call handlers moved from Durham to Darlington, and response times were good."], set()),
])
def test_grade_transitions(extractor, text, expected):
    assert extract(extractor, text, published="2025-02-01")[0] == expected


def test_ofsted_transition_without_an_area_is_the_overall_judgement(extractor):
    grades, _ = extract(extractor, ["Services for children in Norfolk have improved from inadequate to requires improvement to be good."], title=OFSTED, published="2023-01-13")
    assert ("overall effectiveness", "requires improvement to be good", False, None, None) in grades
    assert ("overall effectiveness", "inadequate", True, None, None) in grades


@pytest.mark.parametrize("text, expected", [
    # "services for children in care were good": the services are the area's.
    (["Ofsted said the council's services for children in care were good."], {("children in care", "good", False, None, None)}),
    # Trap: outcomes and health of a group are not its judgement.
    (["Health outcomes for children in care are good."], set()),
])
def test_services_for_a_group(extractor, text, expected):
    assert extract(extractor, text, title=OFSTED, published="2024-03-01")[0] == expected


@pytest.mark.parametrize("text, expected", [
    # A kept grade (ANNOTATION.md): the grade now and the same grade at the inspection before.
    (["The local authority's services for children remain inadequate."],
     {("overall effectiveness", "inadequate", False, None, None), ("overall effectiveness", "inadequate", True, None, None)}),
    (["Services for children in Norfolk were judged outstanding in 2019 and remain outstanding."],
     {("overall effectiveness", "outstanding", True, None, None), ("overall effectiveness", "outstanding", False, None, None)}),
    # Trap: a place that remains, not a grade.
    (["Children's services remain in the council's control, and staff morale is good."], set()),
])
def test_remaining_grades(extractor, text, expected):
    assert extract(extractor, text, title=OFSTED, published="2024-03-01")[0] == expected


def test_overall_rating_went_down(extractor):
    grades, extraction = extract(extractor, ["Its overall rating went down from good to requires improvement."], title=CQC, published="2024-09-18")
    assert grades == {("overall", "requires improvement", False, None, None), ("overall", "good", True, None, None)}
    assert {(g.previous, g.year) for g in extraction.gradings} == {(False, 2024), (True, None)}


@pytest.mark.parametrize("text, expected", [
    # "X received a good grade": the area's grade.
    (["The experiences and progress of children in care were judged good, and care leavers also received a good grade."],
     {("children in care", "good", False, None, None), ("care leavers", "good", False, None, None)}),
    # Trap: a grade received by someone else.
    (["Care leavers received a good level of support from personal advisers."], set()),
])
def test_area_received_a_grade(extractor, text, expected):
    assert extract(extractor, text, title=OFSTED, published="2024-05-21")[0] == expected


def test_at_the_year_inspection_dates_the_grades_after_it(extractor):
    grades, _ = extract(extractor, ["At the 2017 inspection, safety and respect had both been assessed as poor, and rehabilitation and release planning as not sufficiently good."],
                        title=PRISON, published="2024-09-24")
    assert grades == {("safety", "poor", True, None, None), ("respect", "poor", True, None, None),
                      ("rehabilitation and release planning", "not sufficiently good", True, None, None)}


def test_a_tally_after_an_earlier_inspection_is_current(extractor):
    grades, _ = extract(extractor, ["At the 2017 inspection, safety had been assessed as poor.", "None of the four healthy prison tests was rated good."],
                        title=PRISON, published="2024-09-24")
    assert grades == {("safety", "poor", True, None, None), (None, "good", False, 0, 4)}


@pytest.mark.parametrize("text, expected", [
    # Counts in words: a fraction of a stated total is a count (ANNOTATION.md).
    (["The force was rated good in half of its eight areas."], {(None, "good", False, 4, 8)}),
    (["Half of the eight areas were rated adequate."], {(None, "adequate", False, 4, 8)}),
    (["It was rated good in all but one of the nine areas."], {(None, "good", False, 8, 9)}),
    # Without a total there is no count to give; "most" is not a count.
    (["The force was rated good in all but one area."], set()),
    (["The force was rated good in half of its areas."], set()),
    (["The force requires improvement in most areas."], set()),
    # A list of counts names only the grades it counts: no zero for the others, no total unless stated.
    (["The force received one outstanding, six good and two adequate grades."],
     {(None, "outstanding", False, 1, None), (None, "good", False, 6, None), (None, "adequate", False, 2, None)}),
    # "Performing poorly" is not a grade.
    (["The force was performing poorly, the report said."], set()),
])
def test_counts_in_words(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # An elliptical second grade: the same area, the year it names.
    (["The council's children's services were rated outstanding in 2016, and as good in 2017."],
     {("overall effectiveness", "outstanding", True, None, None), ("overall effectiveness", "good", True, None, None)}),
    # The inspection's own year is the current grade.
    (["The council's children's services were rated inadequate in 2019, and good in 2024."],
     {("overall effectiveness", "inadequate", True, None, None), ("overall effectiveness", "good", False, None, None)}),
])
def test_elliptical_grade_of_another_year(extractor, text, expected):
    assert extract(extractor, text, title=OFSTED, published="2024-05-21")[0] == expected


@pytest.mark.parametrize("text, expected", [
    (["Gwent Police and South Wales Police were rated adequate for investigating crime."],
     {("gwent-police", "investigating crime", "adequate"), ("south-wales-police", "investigating crime", "adequate")}),
    (["Gwent Police, Dyfed-Powys Police and South Wales Police were all rated good at preventing crime."],
     {("gwent-police", "preventing crime", "good"), ("dyfed-powys-police", "preventing crime", "good"), ("south-wales-police", "preventing crime", "good")}),
    # Trap: each force its own grade.
    (["Gwent Police was rated good at preventing crime, while South Wales Police was rated adequate at investigating crime."],
     {("gwent-police", "preventing crime", "good"), ("south-wales-police", "investigating crime", "adequate")}),
])
def test_a_list_of_forces_shares_its_grade(extractor, text, expected):
    _, extraction = extract(extractor, text, title="Policing round-up: the latest PEEL grades", kind="news")
    assert {(g.organisation_id, g.area, g.grade) for g in extraction.gradings} == expected


@pytest.mark.parametrize("text, expected", [
    # A total of standards in the sentence before carries into a list of counts.
    (["Inspectors examined 64 cases and scored the unit against 12 standards.", "It was rated good in two, requires improvement in six and inadequate in four."],
     {(None, "good", False, 2, 12), (None, "requires improvement", False, 6, 12), (None, "inadequate", False, 4, 12)}),
    # "did not receive an inadequate grade": a zero count.
    (["The force was judged good in three areas and did not receive an inadequate grade."],
     {(None, "good", False, 3, None), (None, "inadequate", False, 0, None)}),
    (["The force did not receive a good level of funding."], set()),
    # "..., and remains so": the earlier grade, now.
    (["The force was rated inadequate at responding to the public in its last inspection, in 2022, and remains so."],
     {("responding to the public", "inadequate", True, None, None), ("responding to the public", "inadequate", False, None, None)}),
    (["Dorset Police has been graded good in half of its eight inspected areas."], {(None, "good", False, 4, 8)}),
])
def test_dev5_phrasing(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


def test_probation_improvement_on_its_first_inspection(extractor):
    grades, _ = extract(extractor, [
        "The County Durham and Darlington Probation Delivery Unit has been rated requires improvement overall by HM Inspectorate of Probation, "
        "an improvement on its first inspection after unification, when it was judged inadequate."],
        title="Durham and Darlington probation unit rated 'requires improvement'", kind="news")
    assert grades == {("overall", "requires improvement", False, None, None), ("overall", "inadequate", True, None, None)}


@pytest.mark.parametrize("text, expected", [
    # Zero counts stated with infinitives, commas, "no part of its work", "none of its grades".
    (["It was not found to require improvement, or to be inadequate, in any of them."],
     {(None, "requires improvement", False, 0, None), (None, "inadequate", False, 0, None)}),
    (["No part of the force's work was found to be inadequate."], {(None, "inadequate", False, 0, None)}),
    (["None of its grades was inadequate."], {(None, "inadequate", False, 0, None)}),
    # Trap: not the graded things.
    (["None of its officers were rated good by the public."], set()),
    # A zero count takes its total only from a sentence that states it (ANNOTATION.md), not
    # from one that carried it over.
    (["Inspectors graded the force inadequate in two of the eight areas they assessed.",
      "The force requires improvement in five areas.", "It was not graded good or outstanding in any area."],
     {(None, "inadequate", False, 2, 8), (None, "requires improvement", False, 5, 8), (None, "good", False, 0, None), (None, "outstanding", False, 0, None)}),
])
def test_stated_zero_counts(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


@pytest.mark.parametrize("text, title, expected", [
    # "Its lowest grade": the scale's last grade, as a count with the areas listed after it.
    (["The education watchdog gave the council its lowest grade in each of the four judgements it makes: the impact of leaders "
      "on social work practice, the experiences and progress of children who need help and protection, and the experiences and "
      "progress of children in care and care leavers."], OFSTED,
     {(None, "inadequate", False, 4, 4), ("impact of leaders", "inadequate", False, None, None),
      ("help and protection", "inadequate", False, None, None), ("children in care and care leavers", "inadequate", False, None, None)}),
    (["HMP Leeds has been given the lowest possible score for safety after inspectors found self-harm had risen sharply."], PRISON,
     {("safety", "poor", False, None, None)}),
    # Trap: the lowest of something else.
    (["The force gave the lowest priority to burglary."], PEEL, set()),
    # "The two 'good' grades went to X and Y. Both are an improvement on the force's 2022 grades of requires improvement."
    (["The two 'good' grades went to its work to prevent and deter crime and anti-social behaviour and to the way it manages suspects and offenders.",
      "Both are an improvement on the force's 2022 grades of requires improvement in those areas."], PEEL,
     {("preventing crime", "good", False, None, None), ("managing offenders and suspects", "good", False, None, None), (None, "good", False, 2, None),
      ("preventing crime", "requires improvement", True, None, None), ("managing offenders and suspects", "requires improvement", True, None, None)}),
])
def test_lowest_grade_and_anaphoric_earlier_grades(extractor, text, title, expected):
    assert extract(extractor, text, title=title, published="2024-09-24")[0] == expected


@pytest.mark.parametrize("text, title, expected", [
    (["The force's rating for investigating crime dropped to inadequate."], PEEL, {("investigating crime", "inadequate", False, None, None)}),
    (["Its grade for protecting vulnerable people improved to good."], PEEL, {("protecting vulnerable people", "good", False, None, None)}),
    (["Norfolk County Council's children's services have been upgraded to good."], OFSTED, {("overall effectiveness", "good", False, None, None)}),
    (["Norfolk's children's services have moved up to good."], OFSTED, {("overall effectiveness", "good", False, None, None)}),
    (["Norfolk children's services given 'outstanding' rating"], OFSTED, {("overall effectiveness", "outstanding", False, None, None)}),
    (["Inspectors found services for children in Norfolk to be good."], OFSTED, {("overall effectiveness", "good", False, None, None)}),
    (["Inspectors gave the jail the lowest score in three of the four tests."], PRISON, {(None, "poor", False, 3, 4)}),
    # Traps: a change of something that is not a grade; the grade of a part of the service.
    (["The force's score for public confidence dropped to 61 per cent."], PEEL, set()),
    (["Inspectors found services for children in Norfolk to be good at times, but not consistently."], OFSTED, set()),
])
def test_grades_that_moved_and_whole_service_phrasing(extractor, text, title, expected):
    assert extract(extractor, text, title=title, published="2024-09-24")[0] == expected


@pytest.mark.parametrize("text, expected", [
    (["Investigating crime, previously inadequate, is now adequate."],
     {("investigating crime", "adequate", False, None, None), ("investigating crime", "inadequate", True, None, None)}),
    (["The force, rated inadequate at responding to the public in 2022, is now good in that area."],
     {("responding to the public", "inadequate", True, None, None), ("responding to the public", "good", False, None, None)}),
    # Trap: "now" without an area to refer to.
    (["The force is now good in that respect, the chief constable said."], set()),
])
def test_now_and_previously_in_one_sentence(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


def test_an_ofsted_judgement_inside_a_prison_report(extractor):
    text = ["Ofsted judged the overall effectiveness of education, skills and work to be inadequate.",
            # Trap: Ofsted is not named as the judge, so a prison report's "overall effectiveness" is no grading.
            "The overall effectiveness of the regime was judged poor by prisoners."]
    grades, extraction = extract(extractor, text, title=PRISON, published="2024-09-24")
    assert grades == {("overall effectiveness", "inadequate", False, None, None)}
    assert {g.scale for g in extraction.gradings} == {"ofsted"}


@pytest.mark.parametrize("text, expected", [
    (["That is a clear improvement on 2017, when the prison was rated poorly in two of the four tests – safety, and rehabilitation "
      "and release planning – and not sufficiently good in the other two, respect and purposeful activity."],
     {(None, "poor", True, 2, 4), (None, "not sufficiently good", True, 2, 4), ("safety", "poor", True, None, None),
      ("rehabilitation and release planning", "poor", True, None, None), ("respect", "not sufficiently good", True, None, None),
      ("purposeful activity", "not sufficiently good", True, None, None)}),
    (["The jail scored poorly on safety and was rated not sufficiently good on respect."],
     {("safety", "poor", False, None, None), ("respect", "not sufficiently good", False, None, None)}),
    (["HMP Leeds was given a poor score for safety."], {("safety", "poor", False, None, None)}),
    (["HMP Leeds got the worst possible rating for purposeful activity."], {("purposeful activity", "poor", False, None, None)}),
    # Traps: "poorly" without a verb of grading is no grade.
    (["The prison was performing poorly, the report said."], set()),
    (["Staff rated the new regime poorly in a survey."], set()),
])
def test_prison_poorly_and_worst_possible(extractor, text, expected):
    assert extract(extractor, text, title=PRISON, published="2024-09-24")[0] == expected


@pytest.mark.parametrize("text, expected", [
    (["Ofsted gave the council a \"requires improvement\" rating overall."], {("overall effectiveness", "requires improvement to be good", False, None, None)}),
    # Kept or retained: the grade now and at the inspection before.
    (["The council retained its good rating."], {("overall effectiveness", "good", False, None, None), ("overall effectiveness", "good", True, None, None)}),
    (["The council's overall rating remained good."], {("overall effectiveness", "good", False, None, None), ("overall effectiveness", "good", True, None, None)}),
    # Trap: a year after the grade may date it earlier: no record rather than a wrong current one.
    (["Ofsted rated the council inadequate in 2019, requires improvement in 2022 and good this year."], set()),
])
def test_the_council_as_object_and_kept_ratings(extractor, text, expected):
    assert extract(extractor, text, title=OFSTED, published="2024-05-21")[0] == expected


@pytest.mark.parametrize("text, expected", [
    (["The force was rated good in five of the nine areas inspected, and adequate in the rest."],
     {(None, "good", False, 5, 9), (None, "adequate", False, 4, 9)}),
    (["Five of its nine grades were good."], {(None, "good", False, 5, 9)}),
    (["It received five good grades and four adequate ones."], {(None, "good", False, 5, None), (None, "adequate", False, 4, None)}),
    (["Inspectors awarded the force four 'good' ratings."], {(None, "good", False, 4, None)}),
    # Traps: the rest of something else; no total to take from.
    (["The force was rated good in five areas, and the rest of the report was positive."], {(None, "good", False, 5, None)}),
    (["The force was rated good in five areas and adequate in the rest."], {(None, "good", False, 5, None)}),
])
def test_counts_of_grades_and_the_rest(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    (["Dyfed-Powys Police was the only Welsh force to be graded outstanding in any area, for preventing crime."],
     {("preventing crime", "outstanding", False, None, None)}),
    # Trap: a zero count, not a grade of the area after it.
    (["The force was not rated inadequate in any area, for all its problems with investigating crime."], {(None, "inadequate", False, 0, None)}),
])
def test_in_any_area_for(extractor, text, expected):
    assert extract(extractor, text)[0] == expected


def test_new_rules_survive_text_fold_gives_up_on(extractor):
    # The Kelvin sign makes `scan.fold` give up (low is None): the rules' literal gates must still work.
    grades, _ = extract(extractor, ["The force was rated good in half of its eight areas, at 300 \u212a.",
                                    "Gwent Police and South Wales Police were rated adequate for investigating crime."])
    assert (None, "good", False, 4, 8) in grades


NORTHUMBRIA_2019 = "PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – An inspection of Northumbria Police"
TRUST = "Hull University Teaching Hospitals NHS Trust: inspection report – Care Quality Commission"


@pytest.mark.parametrize("text, title, published, expected", [
    # A comparison table whose columns are named "Rating" and "Previous rating", rows asked as CQC's questions.
    (["| Key question | Rating | Previous rating |", "| Are services safe? | Requires improvement | Good |",
      "| Are services well-led? | Inadequate | Requires improvement |"], TRUST, "2024-06-27",
     {("safe", "requires improvement", False, None, None), ("safe", "good", True, None, None),
      ("well-led", "inadequate", False, None, None), ("well-led", "requires improvement", True, None, None)}),
    # CQC's names for the overall rating; "Previous overall rating (June 2022)" is the inspection before's.
    (["| Overall trust quality rating | Requires improvement |", "| Previous overall rating (June 2022) | Good |"], TRUST, "2024-06-27",
     {("overall", "requires improvement", False, None, None), ("overall", "good", True, None, None)}),
    # The same tables flattened by PDF extraction: a header line naming the two columns, then rows of an area and two grades.
    (["Healthy prison test 2021 2024", "Safety Not sufficiently good Poor", "Purposeful activity Poor Poor"], PRISON, "2024-10-22",
     {("safety", "not sufficiently good", True, None, None), ("safety", "poor", False, None, None),
      ("purposeful activity", "poor", True, None, None), ("purposeful activity", "poor", False, None, None)}),
    (["Pillar 2018/19 judgement Last judgement (2017)", "Effectiveness Requires improvement Good", "Legitimacy Good Good"], NORTHUMBRIA_2019, "2019-05-02",
     {("effectiveness", "requires improvement", False, None, None), ("effectiveness", "good", True, None, None),
      ("legitimacy", "good", False, None, None), ("legitimacy", "good", True, None, None)}),
    # Traps: figures under a header of years; a comparison header with no rows of grades after it.
    (["Measure 2021 2024", "Safety incidents 212 236"], PRISON, "2024-10-22", set()),
    (["Healthy prison test 2021 2024", "The table shows that outcomes were good in some respects."], PRISON, "2024-10-22", set()),
])
def test_comparison_tables(extractor, text, title, published, expected):
    assert extract(extractor, text, title=title, published=published)[0] == expected


@pytest.mark.parametrize("text, title, published, expected", [
    # Counts listed after "N of the M standards ..." share its total.
    (["Three of the eight standards we inspected were rated good, four required improvement and one was inadequate."], PROBATION, "2024-11-26",
     {(None, "good", False, 3, 8), (None, "requires improvement", False, 4, 8), (None, "inadequate", False, 1, 8)}),
    # "rated the prison poorly": HMI Prisons' poor, with the object between verb and adverb.
    (["We rated the prison poorly in two of the four healthy prison tests."], PRISON, "2024-10-22", {(None, "poor", False, 2, 4)}),
    # "had been given our lowest grade": an earlier inspection's count of the lowest grade.
    (["Pentonville had been given our lowest grade in three of the four healthy prison tests."], PRISON, "2024-08-13", {(None, "poor", True, 3, 4)}),
    # A leading "At our full inspection of X in <earlier year>," dates every grade of the sentence.
    (["At our full inspection of HMP Leeds in November 2019, we found that outcomes were poor in safety, and not sufficiently good in respect."], PRISON, "2022-10-04",
     {("safety", "poor", True, None, None), ("respect", "not sufficiently good", True, None, None)}),
    # A chain of dated grades joined by commas as well as "and".
    (["They were judged inadequate in 2014, requires improvement to be good in 2016 and good in 2019."], OFSTED, "2024-05-10",
     {("overall effectiveness", "inadequate", True, None, None), ("overall effectiveness", "requires improvement to be good", True, None, None),
      ("overall effectiveness", "good", True, None, None)}),
    # Traps: grades of a reviewed sample of cases, and a review of progress's judgements.
    (["Supervision of investigations was inadequate in a third of the cases we reviewed."], PEEL, "2025-11-20", set()),
    (["The standard of investigation was adequate in 23 of the 60 cases we reviewed."], PEEL, "2025-11-20", set()),
    (["The prison had made good progress against two of them and reasonable progress against three."], PRISON, "2024-08-13", set()),
    (["In the survey, 62 per cent of victims rated the support they received as good."], PEEL, "2025-11-20", set()),
])
def test_counts_chains_and_sample_traps(extractor, text, title, published, expected):
    assert extract(extractor, text, title=title, published=published)[0] == expected


def test_this_area_takes_the_area_of_the_sentence_before_even_beside_a_table(extractor):
    table = ["| Investigating crime | Requires improvement |", "| Preventing crime | Good |", "| Responding to the public | Adequate |"]
    grades, _ = extract(extractor, table + [
        "We also inspected how well the force records crime, which we describe in the section on recording data about crime. We graded this area as inadequate."])
    assert ("crime data integrity", "inadequate", False, None, None) in grades
    # Trap: prose grading an area the judgement table does not have, without saying it was graded, stays a description.
    grades, _ = extract(extractor, table + ["The force is good at managing offenders."])
    assert ("managing offenders and suspects", "good", False, None, None) not in grades


def test_as_had_another_body_gives_it_the_same_earlier_grade(extractor):
    _, extraction = extract(extractor, [
        "Essex Police had been graded requires improvement for protecting vulnerable people in its most recent PEEL inspection, "
        "published in May 2025, as had Merseyside Police in October 2023."], title="Meeting the needs of victims of domestic abuse", published="2025-11-20")
    assert {(g.organisation_id, g.area, g.grade, g.previous) for g in extraction.gradings} == {
        ("essex-police", "protecting vulnerable people", "requires improvement", True),
        ("merseyside-police", "protecting vulnerable people", "requires improvement", True),
    }


GRADE_COLUMNS = b"""<html><head><title>PEEL 2021/22: An inspection of Lincolnshire Police</title></head><body><main>
<h1>PEEL 2021/22: An inspection of Lincolnshire Police</h1>
<p>Our inspection assessed how good Lincolnshire Police is in nine areas of policing.</p>
<table><thead><tr><th>Outstanding</th><th>Good</th><th>Adequate</th><th>Requires improvement</th></tr></thead>
<tbody><tr><td></td><td>Preventing crime</td><td>Treatment of the public</td><td>Investigating crime</td></tr>
<tr><td></td><td></td><td></td><td>Recording data about crime</td></tr></tbody></table>
<p>Force in numbers</p>
<table><thead><tr><th>Measure</th><th>2021</th><th>2022</th></tr></thead>
<tbody><tr><td>Officers</td><td></td><td>1,180</td></tr></tbody></table>
</main></body></html>"""


def test_table_of_areas_listed_under_grade_columns(extractor):
    # PEEL 2021/22 lists each area in its grade's column: the converter labels each cell with
    # its column heading, so the grade survives the dropping of empty cells.
    from miner.text import convert

    document = convert(GRADE_COLUMNS, name="lincolnshire.html")
    assert "Good: Preventing crime | Adequate: Treatment of the public | Requires improvement: Investigating crime" in document.text
    assert "Requires improvement: Recording data about crime" in document.text
    # Trap: a table whose first column names its rows keeps its cells as they were.
    assert "Officers | 1,180" in document.text
    graded = {(g.area, g.grade, g.previous) for g in extractor.extract(document).gradings}
    assert graded == {("preventing crime", "good", False), ("police powers and public treatment", "adequate", False),
                      ("investigating crime", "requires improvement", False), ("crime data integrity", "requires improvement", False)}


@pytest.mark.parametrize("text, title, expected", [
    # Aggregates kept in their own words; zero counts of a grade received.
    (["The force was graded good or better in six of the nine areas."], PEEL, {(None, "good or better", False, 6, 9)}),
    (["It was graded adequate or better in seven areas."], PEEL, {(None, "adequate or better", False, 7, None)}),
    (["The force received no outstanding grades."], PEEL, {(None, "outstanding", False, 0, None)}),
    # "an improvement on its previous rating of X": the earlier grade of the area just graded.
    (["We rated the service as good overall, an improvement on its previous rating of requires improvement."], CQC,
     {("overall", "good", False, None, None), ("overall", "requires improvement", True, None, None)}),
    # CQC's summary sentence, and "stayed the same" before it: the overall rating now and before.
    (["Our rating of this service went down. We rated it as inadequate because:"], CQC, {("overall", "inadequate", False, None, None)}),
    (["Our rating of this service stayed the same. We rated it as requires improvement because:"], CQC,
     {("overall", "requires improvement", False, None, None), ("overall", "requires improvement", True, None, None)}),
    # HMI Probation's "Overall, X is rated as: Y".
    (["Overall, Leeds PDU is rated as: 'Requires improvement'."], PROBATION, {("overall", "requires improvement", False, None, None)}),
    # A transition's newer grade is current, even in the past perfect.
    (["Safety had deteriorated from reasonably good to poor."], PRISON, {("safety", "poor", False, None, None), ("safety", "reasonably good", True, None, None)}),
    # "The grade for X stayed at Y": the same grade now and before.
    (["The force's grade for protecting vulnerable people stayed at requires improvement."], PEEL,
     {("protecting vulnerable people", "requires improvement", False, None, None), ("protecting vulnerable people", "requires improvement", True, None, None)}),
    # Traps: "rated it as good for" something that is no area; a transition of something else.
    (["Inspectors rated it as good for its work with partners."], PEEL, set()),
    (["Staff said the new system had gone from poor to good in a year."], PEEL, set()),
    (["The force received no complaints about its good work."], PEEL, set()),
])
def test_aggregates_summaries_and_kept_grades(extractor, text, title, expected):
    assert extract(extractor, text, title=title)[0] == expected


@pytest.mark.parametrize("text, title, expected", [
    # "remained": a kept grade, now and before.
    (["Purposeful activity remained poor."], PRISON, {("purposeful activity", "poor", False, None, None), ("purposeful activity", "poor", True, None, None)}),
    # An area "had declined to" a grade: the grade now.
    (["Outcomes in respect had declined to not sufficiently good."], PRISON, {("respect", "not sufficiently good", False, None, None)}),
    # The body rated with no area named: its overall rating.
    (["The service was previously rated good."], CQC, {("overall", "good", True, None, None)}),
    (["Our rating of services went down. We rated them as requires improvement because:"], CQC, {("overall", "requires improvement", False, None, None)}),
    # "graded it X in this area": the area named before in the same sentence, or in the sentence before.
    (["We have serious concerns about how the force investigates crime and have graded it inadequate in this area."], PEEL,
     {("investigating crime", "inadequate", False, None, None)}),
    (["We have serious concerns about how the force investigates crime.", "We have graded it inadequate in this area."], PEEL,
     {("investigating crime", "inadequate", False, None, None)}),
    # Traps: "remained" of something else; "this area" with no area named before it; a body "rated" by its users.
    (["Morale remained good despite the pressures."], PRISON, set()),
    (["Staff told us they rated the service as good in this area of the county."], PEEL, set()),
    (["The home was rated good by the families we spoke to for its food."], CQC, set()),
])
def test_kept_moved_and_anaphoric_grades(extractor, text, title, expected):
    assert extract(extractor, text, title=title)[0] == expected


@pytest.mark.parametrize("text, title, expected", [
    # Monitoring and focused visit letters recount the last judgement: a month before the year, "last judged".
    (["The local authority was judged inadequate in March 2022 and has since had four monitoring visits."], OFSTED,
     {("overall effectiveness", "inadequate", True, None, None)}),
    (["The local authority's children's services were last judged to be good, in 2019."], OFSTED, {("overall effectiveness", "good", True, None, None)}),
    # Ofsted's judgement of a prison's education, in other words.
    (["Ofsted rated the prison's education, skills and work provision as inadequate overall."], PRISON,
     {("overall effectiveness", "inadequate", False, None, None)}),
    # "improved from X to Y in <area>": Y now, X before, the area named after them.
    (["Since our last inspection, the force has improved from requires improvement to adequate in responding to the public."], PEEL,
     {("responding to the public", "adequate", False, None, None), ("responding to the public", "requires improvement", True, None, None)}),
    # Traps: progress is not a grade; a focused visit gives none.
    (["Leaders have made good progress since the last inspection."], OFSTED, set()),
    (["Ofsted does not give graded judgements on focused visits."], OFSTED, set()),
])
def test_visit_letters_and_transitions_with_the_area_after(extractor, text, title, expected):
    assert extract(extractor, text, title=title, published="2024-06-01")[0] == expected


@pytest.mark.parametrize("text, expected", [
    # A PDF table row run into the heading after it, with the pillar's name in brackets.
    (["Treating the public and its workforce legitimately (legitimacy) Good HM Inspector's observations"], {("legitimacy", "good", False, None, None)}),
    # Trap: a row needs its grade straight after the area (and any bracket): a sentence is no row.
    (["Legitimacy (the third pillar) was not inspected this year, HMICFRS said."], set()),
])
def test_row_run_into_a_heading(extractor, text, expected):
    assert extract(extractor, text, title=NORTHUMBRIA_2019, published="2019-05-02")[0] == expected


@pytest.mark.parametrize("text, expected", [
    # An earlier inspection recounted in the past tense names its areas in the past tense too.
    (["When we last inspected the force in 2022, we found that it required improvement in how it responded to the public."],
     {("responding to the public", "requires improvement", True, None, None)}),
    # "which we judged to require improvement in 2022": a relative clause with an infinitive.
    (["The force has made progress in investigating crime, which we judged to require improvement in 2022."],
     {("investigating crime", "requires improvement", True, None, None)}),
    # Trap: a past-tense area phrase with no grade of it.
    (["Officers responded to the public quickly during the floods, and the response was good for morale."], set()),
])
def test_earlier_inspections_in_the_past_tense(extractor, text, expected):
    assert extract(extractor, text, published="2025-03-01")[0] == expected


@pytest.mark.parametrize("text, expected", [
    # "X and Y are no longer inadequate": the grade they had before, and no current one.
    (["Some progress has been made, and services for children looked after and care leavers are no longer inadequate."],
     {("children looked after and achieving permanence", "inadequate", True, None, None), ("care leavers", "inadequate", True, None, None)}),
    # Trap: "no longer" of something other than the areas named before it.
    (["Care leavers told inspectors that their accommodation is no longer inadequate."], set()),
])
def test_no_longer_a_grade(extractor, text, expected):
    assert extract(extractor, text, title=OFSTED, published="2023-01-13")[0] == expected


def test_a_grade_the_inspectors_say_they_gave_stands_beside_a_judgement_table(extractor):
    table = ["| Investigating crime | Adequate |", "| Preventing crime | Good |", "| Responding to the public | Adequate |"]
    grades, _ = extract(extractor, table + [
        "In a separate inspection of serious and organised crime, we graded the force outstanding at disrupting serious organised crime. "
        "It was also graded outstanding in this area when we inspected it in 2022."], published="2023-10-01")
    assert ("disrupting serious organised crime", "outstanding", False, None, None) in grades
    assert ("disrupting serious organised crime", "outstanding", True, None, None) in grades
    # Trap: a description of work in an area the table does not grade stays a description.
    grades, _ = extract(extractor, table + ["Officers told us the force is good at managing offenders."], published="2023-10-01")
    assert not any(area == "managing offenders and suspects" for area, *_ in grades)


@pytest.mark.parametrize("text, expected", [
    # A pillar inspection of 2015-17 grades the pillar it is named after.
    (["In our 2017 efficiency inspection the force was judged good."], {("efficiency", "good", True, None, None)}),
    (["Our 2016 legitimacy inspection rated the force outstanding."], {("legitimacy", "outstanding", True, None, None)}),
    # Trap: the pillar inspection's findings without a grade.
    (["Our 2017 efficiency inspection found good use of overtime in some teams."], set()),
])
def test_pillar_inspections(extractor, text, expected):
    assert extract(extractor, text, title=NORTHUMBRIA_2019, published="2019-05-02")[0] == expected


@pytest.mark.parametrize("text, expected", [
    # "had declined in X, which we assessed as Y": the move to this inspection's grade.
    (["We found that outcomes had declined in respect, which we assessed as not sufficiently good."], {("respect", "not sufficiently good", False, None, None)}),
    # "had then improved": the time of an earlier inspection, as before.
    (["At our previous inspection in 2019, outcomes had then improved: respect was reasonably good."], {("respect", "reasonably good", True, None, None)}),
])
def test_past_perfect_moves(extractor, text, expected):
    assert extract(extractor, text, title=PRISON, published="2024-06-01")[0] == expected
