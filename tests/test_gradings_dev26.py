"""Phrasing -> gradings, by the general categories dev26's first run missed
(corpora/gold/dev26, eight long-form and opinion pieces about several bodies):
a round-up's table of HMI Prisons scores per jail and test under dated score
columns; a sentence of several areas' moves ("X declined from A to B, Y dropped
from C to D, and Z and W both fell from ..."); another body's year-dated grade in
a relative clause after its undated grades ("a turnaround for a force that was
rated ... in 2016"); "N of the M were judged X", whose M is what is counted; a
fronted "when" clause with an earlier year; "and so were <area>"; a body named
after a list's "and" before ", which was rated"; and "X in 2019 but Y at its
latest inspection". The cases are new wordings of each category, not the
documents. Each case is a short document ("# " starts a heading, "|" a table
row); the expected records are (organisation, area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
RIG = "requires improvement to be good"
NSG = "not sufficiently good"
PRISONS_TITLE = "Four jails on the edge: what the inspectors' scores say"
PRISONS_LEDE = "HM Inspectorate of Prisons scores each healthy prison test from 4 (good) down to 1 (poor)."
TRUST = "the-newcastle-upon-tyne-hospitals-nhs-foundation-trust"
TRUST_TITLE = "Committee report: CQC ratings of hospital trusts in the North"
FORCES_TITLE = "How the North West's police forces measure up"
COUNCILS_TITLE = "Twelve councils compared: Ofsted's children's services judgements in the Midlands"
WIGAN = "wigan-council"
WIGAN_TITLE = "Q&A: Wigan's director of children's services on the road back"


def extract(extractor, lines, title, published="2024-09-18", kind="news"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return grading_rows(extractor.extract(doc))


# 1. A round-up's table of scores per jail and test under two dated score columns.
@pytest.mark.parametrize("lines, expected, absent", [
    ([PRISONS_LEDE, "| Jail | Healthy prison test | Score (2024) | Score (2020) |",
      "| HMP Risley | Respect | 3 | 4 |", "| HMP Altcourse | Safety | 2 | 1 |"],
     {("hmp-risley", "respect", "reasonably good", False, None, None), ("hmp-risley", "respect", "good", True, None, None),
      ("hmp-altcourse", "safety", NSG, False, None, None), ("hmp-altcourse", "safety", "poor", True, None, None)},
     {("hmp-risley", "respect", "good", False, None, None), ("hmp-altcourse", "safety", "poor", False, None, None)}),
    # trap: figures that are no scores (a count of incidents) grade nothing
    ([PRISONS_LEDE, "| Jail | Incidents | Assaults (2024) | Assaults (2020) |",
      "| HMP Risley | Fights | 31 | 17 |"],
     set(), {("hmp-risley", None, "poor", False, None, None)}),
])
def test_score_table_per_jail_and_test(extractor, lines, expected, absent):
    got = extract(extractor, lines, PRISONS_TITLE)
    assert expected <= got
    assert not (absent & got)


# 2. Several areas' moves in one sentence: each its own now and before; a listed pair moves together.
@pytest.mark.parametrize("lines, expected, absent", [
    (["The Newcastle upon Tyne Hospitals NHS Foundation Trust was inspected again last year.",
      "Caring slipped from outstanding to good, responsive went down from good to requires improvement, and safe and well-led both dropped from good to inadequate."],
     {(TRUST, "caring", "good", False, None, None), (TRUST, "caring", "outstanding", True, None, None),
      (TRUST, "responsive", RI, False, None, None), (TRUST, "responsive", "good", True, None, None),
      (TRUST, "safe", "inadequate", False, None, None), (TRUST, "safe", "good", True, None, None),
      (TRUST, "well-led", "inadequate", False, None, None), (TRUST, "well-led", "good", True, None, None)},
     {(TRUST, "responsive", RI, True, None, None), (TRUST, "safe", "inadequate", True, None, None)}),
    # trap: a list joined by "and" that does not sit right before the verb moves only the area before it
    (["The Newcastle upon Tyne Hospitals NHS Foundation Trust was inspected again last year.",
      "Safe and caring were not inspected, but well-led fell from good to inadequate."],
     {(TRUST, "well-led", "inadequate", False, None, None)},
     {(TRUST, "safe", "inadequate", False, None, None), (TRUST, "caring", "inadequate", False, None, None)}),
])
def test_several_moves_in_a_sentence(extractor, lines, expected, absent):
    got = extract(extractor, lines, TRUST_TITLE, published="2025-02-10", kind="other")
    assert expected <= got
    assert not (absent & got)


# 3. Another body's year-dated grade in a relative clause after its undated grades: its earlier grade
# (its counts before the clause stay current).
FORCES_TABLE = ["Merseyside Police has the strongest grades of any force in the region, according to our analysis.",
                "| Force | Investigating crime | Responding to the public |", "| Merseyside Police | Good | Good |",
                "| Cheshire Constabulary | Adequate | Good |", "| Cumbria Constabulary | Good | Adequate |",
                "| Lancashire Constabulary | Outstanding | Good |", "# A good year for Lancashire"]
LANCS = "lancashire-constabulary"


@pytest.mark.parametrize("lines, expected, absent", [
    (FORCES_TABLE + ["Lancashire Constabulary was the only force in the region to be graded outstanding for investigating crime. "
                     "Across all nine areas it was outstanding in two, good in five and adequate in two, a turnaround for a force that was rated inadequate for effectiveness in 2016."],
     {(LANCS, "effectiveness", "inadequate", True, None, None), (LANCS, None, "good", False, 5, 9), (LANCS, None, "outstanding", False, 2, 9)},
     {(LANCS, "effectiveness", "inadequate", False, None, None), (LANCS, None, "good", True, 5, 9)}),
    # trap: with no grade of it before the clause, a year-dated grade of another body is its current one
    (FORCES_TABLE + ["Cumbria Constabulary, which was judged good for preventing crime in 2021, shares a helicopter with Lancashire."],
     {("cumbria-constabulary", "preventing crime", "good", False, None, None)},
     {("cumbria-constabulary", "preventing crime", "good", True, None, None)}),
])
def test_relative_clause_after_the_bodys_grades(extractor, lines, expected, absent):
    got = extract(extractor, lines, FORCES_TITLE, published="2022-11-02")
    assert expected <= got
    assert not (absent & got)


# 4. "N of the M were judged X": the M is what is counted (councils here), never a count of M.
COUNCILS_TABLE = ["| Council | Year of last full inspection | Overall effectiveness |", "| Bolton | 2022 | Good |",
                  "| Bury | 2023 | Inadequate |", "# Our figures"]


@pytest.mark.parametrize("lines", [
    COUNCILS_TABLE + ["Nine of the twelve councils (75 per cent) were judged good or outstanding. Nationally the figure is about 60 per cent, "
                      "so the region does well. Four of the twelve were judged outstanding, against 15 per cent of councils nationally."],
    COUNCILS_TABLE + ["Nine of the twelve councils were judged good or outstanding. The national figure is lower. Five of the twelve were judged good."],
])
def test_number_of_the_total_counts_nothing(extractor, lines):
    got = extract(extractor, lines, COUNCILS_TITLE, published="2024-03-01")
    assert not {g for g in got if g[4] is not None}


def test_count_of_areas_still_counted(extractor):
    got = extract(extractor, ["Birmingham City Council's children's services were judged good in three of the five judgements."],
                  COUNCILS_TITLE, published="2024-03-01")
    assert ("birmingham-city-council", None, "good", False, 3, 5) in got


# 5. A fronted "when" clause with an earlier year dates the sentence's grades, the second "that" clause too.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Wigan Council's children's services were rated good this spring.",
      "When she took over in 2021 the council had just been told that help and protection required improvement to be good, and that the impact of leaders was inadequate."],
     {(WIGAN, "help and protection", RIG, True, None, None), (WIGAN, "impact of leaders", "inadequate", True, None, None)},
     {(WIGAN, "impact of leaders", "inadequate", False, None, None)}),
    # trap: "now" in the sentence is the grade now
    (["Wigan Council's children's services were rated good this spring.",
      "When I started in 2021 morale was low, and now the impact of leaders is judged good."],
     {(WIGAN, "impact of leaders", "good", False, None, None)},
     {(WIGAN, "impact of leaders", "good", True, None, None)}),
])
def test_fronted_when_clause_with_a_year(extractor, lines, expected, absent):
    got = extract(extractor, lines, WIGAN_TITLE, published="2025-05-01")
    assert expected <= got
    assert not (absent & got)


# 6. "and so were <area>": the same grade; "and so were the staff" grades nothing.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Wigan Council's children's services were rated good this spring.",
      "The impact of leaders was judged outstanding, and so was help and protection."],
     {(WIGAN, "impact of leaders", "outstanding", False, None, None), (WIGAN, "help and protection", "outstanding", False, None, None)},
     set()),
    (["Wigan Council's children's services were rated good this spring.",
      "Care leavers were judged good, and so were the social workers' caseloads."],
     {(WIGAN, "care leavers", "good", False, None, None)},
     {(WIGAN, "overall effectiveness", "good", True, None, None)}),
])
def test_and_so_were(extractor, lines, expected, absent):
    got = extract(extractor, lines, WIGAN_TITLE, published="2025-05-01")
    assert expected <= got
    assert not (absent & got)


# 7. A body after a list's "and" before ", which was rated X": that body's grade, not the subject's.
def test_body_after_and_which_was_rated(extractor):
    got = extract(extractor, ["Wigan Council's children's services were rated good by Ofsted this spring.",
                              "We look to Trafford Council's children's services – they have improved a lot – and Stockport, which was rated outstanding in 2024."],
                  WIGAN_TITLE, published="2025-05-01")
    assert ("stockport-council", "overall effectiveness", "outstanding", False, None, None) in got
    assert not {g for g in got if g[0] in (WIGAN, "trafford-council") and g[2] == "outstanding"}


# 8. "X for <area> in 2019 but Y at its latest inspection": the same area's grade now.
@pytest.mark.parametrize("lines, expected, absent", [
    ([PRISONS_LEDE, "HMP Risley was inspected again this year.",
      "It was rated poor for purposeful activity in 2018 but not sufficiently good at its most recent inspection."],
     {("hmp-risley", "purposeful activity", NSG, False, None, None), ("hmp-risley", "purposeful activity", "poor", True, None, None)},
     {("hmp-risley", "purposeful activity", NSG, True, None, None)}),
    # trap: a hope is no grade
    ([PRISONS_LEDE, "HMP Risley was inspected again this year.",
      "It was rated poor for purposeful activity in 2018 but could be good by next year."],
     {("hmp-risley", "purposeful activity", "poor", True, None, None)},
     {("hmp-risley", "purposeful activity", "good", False, None, None)}),
])
def test_but_at_its_latest_inspection(extractor, lines, expected, absent):
    got = extract(extractor, lines, PRISONS_TITLE)
    assert expected <= got
    assert not (absent & got)
