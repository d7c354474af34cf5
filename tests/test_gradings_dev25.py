"""Phrasing -> gradings and organisations, by the general categories dev25's first
runs missed (corpora/gold/dev25: eight report extracts from the older frameworks):
a Community Rehabilitation Company (2014-21) as the body HMI Probation rates, its
"Overall, <name with commas> (<short form>) is rated as: ..." line and "Through the
Gate" as its resettlement standard; a SIF report whose title is all that says it is
Ofsted's; a CQC report on a GP practice named by its title; "areas of outstanding
practice" (no count of a grade); a kept count ("good in two of the three pillars, as
it was in 2017") that does not reach the clause after it; a zero count held "since"
a year (now, not then); "at risk of being graded"; a PEEL 2014-19 table of questions
flattened by a PDF ("How effective is the force at ...?" then its grade); the
"overall" grade of a pillar's own earlier inspection; a grade from before the SIF
recalled in a SIF report (the 2009 scale); and the Local Safeguarding Children Board
the SIF judged apart from the council. The cases are new wordings of each category,
not the documents. Each case is a short document ("# " starts a heading, "|" a table
row); the expected records are (organisation, area, grade, previous, count, out_of)."""

import pytest

from miner.nlp.gazetteer import Gazetteer, safeguarding_board_id, unlisted
from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
RIG = "requires improvement to be good"
KSS = "kent-surrey-and-sussex-community-rehabilitation-company"
KSS_TITLE = "An inspection of probation services in Kent, Surrey and Sussex CRC – HM Inspectorate of Probation"
BURY = "bury-council"
SIF_TITLE = "Bury - Inspection of services for children in need of help and protection, children looked after and care leavers"
PRACTICE = "church-street-medical-practice"
PRACTICE_TITLE = "Church Street Medical Practice - Care Quality Commission"
DYFED = "dyfed-powys-police"
DYFED_TITLE = "PEEL: Police effectiveness 2016 - An inspection of Dyfed-Powys Police"


def extract(extractor, lines, title, published="2018-11-20", kind="report"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return extractor.extract(doc)


def rows(extractor, lines, title, published="2018-11-20"):
    return grading_rows(extract(extractor, lines, title, published))


# 1. A CRC is the body rated: its overall line (a name with commas and its short form in
# brackets), its standards by domain, "Through the Gate" its resettlement work.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Overall, Kent, Surrey and Sussex Community Rehabilitation Company (KSS CRC) is rated as: Inadequate."],
     {(KSS, "overall", "inadequate", False, None, None)}, set()),
    (["|1.3 Services|Requires improvement|", "|4.2 Through the Gate|Good|", "|4.1 Unpaid work|Outstanding|"],
     {(KSS, "organisational delivery", RI, False, None, None), (KSS, "resettlement", "good", False, None, None)},
     {(KSS, "resettlement", "outstanding", False, None, None), (KSS, "overall", "outstanding", False, None, None)}),
    # trap: Through the Gate named in a recommendation grades nothing
    (["The CRC should make sure that its Through the Gate work starts at least 12 weeks before release."], set(),
     {(KSS, "resettlement", "good", False, None, None)}),
])
def test_crc_rated_as_itself(extractor, lines, expected, absent):
    got = rows(extractor, lines, KSS_TITLE)
    assert expected <= got
    assert not (absent & got)
    assert not {r for r in got if r[0] == "probation-service"}


def test_crc_and_owner_are_in_the_gazetteer():
    gazetteer = Gazetteer.default()
    assert gazetteer.lookup("Kent, Surrey and Sussex CRC").id == KSS
    assert gazetteer.lookup("CRC in Wales").id == "wales-community-rehabilitation-company"
    assert gazetteer.lookup("National Probation Service").id == "national-probation-service"
    assert gazetteer.lookup("Working Links").kind == "other"  # an owner, not a body rated


# 2. The SIF's title names no inspectorate in a PDF without its logo: it is Ofsted's.
def test_sif_title_is_ofsteds(extractor):
    got = rows(extractor, ["Children's services in Bury require improvement to be good",
                           "1. Children who need help and protection Inadequate",
                           "2.1 Adoption performance Outstanding"], SIF_TITLE, published="2016-02-01")
    assert {(BURY, "overall effectiveness", RIG, False, None, None), (BURY, "help and protection", "inadequate", False, None, None),
            (BURY, "adoption performance", "outstanding", False, None, None)} <= got


# 3. A CQC report on a GP practice grades the practice its title names, not a trust named
# in passing; "areas of outstanding practice" are notable practice, no count of a grade.
@pytest.mark.parametrize("lines, expected, absent", [
    (["|Overall rating for this service|Requires improvement|", "|Are services caring?|Outstanding|"],
     {(PRACTICE, "overall", RI, False, None, None), (PRACTICE, "caring", "outstanding", False, None, None)}, set()),
    (["We found two areas of outstanding practice, including a phlebotomy service run on Saturdays."], set(),
     {(PRACTICE, None, "outstanding", False, 2, None)}),
    (["The practice is rated as good overall. The nearby Royal Wolverhampton NHS Trust was rated requires improvement in 2015."],
     {(PRACTICE, "overall", "good", False, None, None), ("the-royal-wolverhampton-nhs-trust", "overall", RI, False, None, None)},
     {(PRACTICE, "overall", RI, False, None, None)}),
])
def test_gp_practice_named_in_the_title(extractor, lines, expected, absent):
    got = rows(extractor, lines, PRACTICE_TITLE, published="2016-05-10")
    assert expected <= got
    assert not (absent & got)


def test_gp_practice_slug_reads_back_as_a_health_provider():
    assert unlisted(PRACTICE).kind == "health_provider"
    assert unlisted("market-square-surgery").kind == "health_provider"


# 4. A kept count reaches back, not on into the next clause; 5. a zero count "since" a year
# holds now; 6. "at risk of being graded" is no grade.
@pytest.mark.parametrize("lines, expected, absent", [
    (["The force is outstanding in one of the three pillars, as it was in 2016, and it is good at fair treatment of the workforce."],
     {(DYFED, None, "outstanding", False, 1, 3), (DYFED, None, "outstanding", True, 1, 3),
      (DYFED, "fair treatment of the workforce", "good", False, None, None)},
     {(DYFED, "fair treatment of the workforce", "good", True, None, None)}),
    (["Dyfed-Powys Police has not been graded inadequate for any pillar since the programme began in 2014."],
     {(DYFED, None, "inadequate", False, 0, None)}, {(DYFED, None, "inadequate", True, 0, None)}),
    (["The force is at risk of being graded inadequate for efficiency if savings are not found."], set(),
     {(DYFED, "efficiency", "inadequate", False, None, None)}),
    # trap: a grade stated outright stays
    (["The force was graded requires improvement for legitimacy."], {(DYFED, "legitimacy", RI, False, None, None)}, set()),
])
def test_kept_counts_zero_since_and_risk(extractor, lines, expected, absent):
    got = rows(extractor, lines, "PEEL: Police effectiveness, efficiency and legitimacy 2017 - An inspection of Dyfed-Powys Police", published="2018-03-22")
    assert expected <= got
    assert not (absent & got)


# 7. A PEEL 2014-19 question table flattened by a PDF: the question, then its grade (same line
# or next); "Ungraded" is none. 8. The "overall" grade of a pillar's own earlier inspection.
def test_peel_question_rows_and_pillar_inspection(extractor):
    lines = ["Question Judgement",
             "How effective is the force at investigating crime and reducing re-offending?",
             "Good",
             "How effective is the force at tackling serious and organised crime? Requires improvement How effective are the force's specialist capabilities? Ungraded",
             "In its previous effectiveness inspection the force was judged to be good overall, but it has slipped since.",
             "Overall, the force is rated requires improvement for effectiveness."]
    got = rows(extractor, lines, DYFED_TITLE, published="2017-03-02")
    assert {(DYFED, "investigating crime", "good", False, None, None), (DYFED, "tackling serious and organised crime", RI, False, None, None),
            (DYFED, "effectiveness", "good", True, None, None), (DYFED, "effectiveness", RI, False, None, None)} <= got
    assert not {r for r in got if r[1] == "effectiveness" and r[2] == "good" and not r[3]}


# 9. A grade from before the SIF (2009-13 framework) recalled in a SIF report: the council's
# overall effectiveness then, on the 2009 scale ("adequate" is on it); not without a year.
@pytest.mark.parametrize("lines, expected, absent", [
    (["When Bury was inspected in 2011, its safeguarding services were judged adequate."],
     {(BURY, "overall effectiveness", "adequate", True, None, None)}, set()),
    (["In our 2012 inspection of safeguarding and looked after children's services, both were judged good, and the council has kept that standard."],
     {(BURY, "overall effectiveness", "good", True, None, None)}, set()),
])
def test_pre_sif_grades(extractor, lines, expected, absent):
    extraction = extract(extractor, lines, SIF_TITLE, published="2016-02-01")
    got = grading_rows(extraction)
    assert expected <= got
    assert not (absent & got)
    assert {g.scale for g in extraction.gradings if g.previous} == {"ofsted-2009"}


# 10. The LSCB's judgement row is the board's own overall effectiveness; its id is the
# gazetteer's where the board is listed, else the slug of the council's place and its kind.
def test_local_safeguarding_children_board(extractor):
    lines = ["Children's services in Bury are good",
             "|1. Children who need help and protection|Good|",
             "|The effectiveness of the Local Safeguarding Children Board|Requires improvement|",
             "The LSCB has not yet audited the help offered to families."]
    extraction = extract(extractor, lines, SIF_TITLE, published="2016-02-01")
    got = grading_rows(extraction)
    board = "bury-local-safeguarding-children-board"
    assert {(BURY, "overall effectiveness", "good", False, None, None), (board, "overall effectiveness", RIG, False, None, None)} <= got
    assert (BURY, "overall effectiveness", RIG, False, None, None) not in got
    assert board in {o["id"] for o in extraction.organisations}
    assert safeguarding_board_id(Gazetteer.default(), "london-borough-of-croydon") == "croydon-safeguarding-children-board"
    assert safeguarding_board_id(Gazetteer.default(), "kent-police") is None
