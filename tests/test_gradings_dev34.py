"""Phrasing -> gradings, by the general categories dev34's first run missed or misread
(corpora/gold/dev34, parliament, government and official pages): a share or number of
bodies, or a body of a kind in general, as the subject of a grade ("almost half of forces
were inadequate at ...", "Two councils whose services were judged inadequate ...", "A
council whose services are judged inadequate could ..."): no one body's grade; "could be
scored poor" is only possible; a dated grade in a sentence that ends on the change since
(", so this is a decline") is the earlier one; and a round-up's table of bodies by area with
a year column as a PDF flattens it (the area heads on lines of their own, a body's name
wrapped onto the line of its year and grades). The cases are new wordings of each category,
not the documents. Each case is a short document; the expected records are (organisation,
area, grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
BRIEFING = "Police forces in the South East: a briefing"
COUNCILS = "Children's services across the North West: an overview"


def extract(extractor, lines, title, published="2025-05-01", kind="report"):
    doc = document_from_lines(lines, title, published=published, kind=kind)
    return grading_rows(extractor.extract(doc))


# 1. A share or number of bodies, or a body of a kind in general, as the grade's subject.
@pytest.mark.parametrize("lines, title, absent_grades", [
    (["Surrey Police was inspected in 2024.", "The report notes that nearly a third of forces were graded inadequate at protecting vulnerable people."],
     BRIEFING, {"inadequate"}),
    (["Kent Police was inspected in 2024.", "Over 40 per cent of forces required improvement at responding to the public, the inspectorate said."],
     BRIEFING, {RI}),
    (["Three councils whose children's services were judged inadequate have been given extra funding.", "Wigan Council is one of them."],
     COUNCILS, {"inadequate"}),
    (["Bolton Council was inspected in 2023.", "A council whose services are rated inadequate will be visited every three months."],
     COUNCILS, {"inadequate"}),
    (["Sussex Police was inspected in 2025.", "Any force that is graded inadequate for investigating crime is monitored more closely."],
     BRIEFING, {"inadequate"}),
])
def test_bodies_as_subject_grade_no_body(extractor, lines, title, absent_grades):
    got = extract(extractor, lines, title)
    assert not {g for g in got if g[2] in absent_grades}


# Traps: a named body's grade beside such a clause stands; "a force that" after a named body's grade is that body.
@pytest.mark.parametrize("lines, title, expected", [
    (["Kent Police was rated good at investigating crime, while most forces were graded adequate."],
     BRIEFING, {("kent-police", "investigating crime", "good", False, None, None)}),
    (["Wigan Council is rated good overall, while two councils in the county were judged inadequate."],
     COUNCILS, {("wigan-council", "overall effectiveness", "good", False, None, None)}),
    (["Essex Police was graded good at preventing crime. That is a turnaround for a force that was judged to require improvement for effectiveness in 2017."],
     BRIEFING, {("essex-police", "preventing crime", "good", False, None, None), ("essex-police", "effectiveness", RI, True, None, None)}),
])
def test_named_bodies_beside_bodies_as_subject(extractor, lines, title, expected):
    got = extract(extractor, lines, title)
    assert expected <= got


# 2. "could be scored poor" is only possible; "was scored poor" is a grade.
@pytest.mark.parametrize("lines, expected, absent", [
    (["HMP Bullingdon was inspected in 2024.", "The minister denied that Bullingdon could be scored poor for safety next year."],
     set(), {("hmp-bullingdon", "safety", "poor", False, None, None)}),
    (["HMP Bullingdon was inspected in 2024.", "Bullingdon was scored poor for safety by the inspectors."],
     {("hmp-bullingdon", "safety", "poor", False, None, None)}, set()),
])
def test_could_be_scored(extractor, lines, expected, absent):
    got = extract(extractor, lines, "HMP Bullingdon: written answer", published="2025-03-01")
    assert expected <= got
    assert not (absent & got)


# 3. A dated grade in a sentence that ends on the change since is the earlier grade.
@pytest.mark.parametrize("lines, expected, absent", [
    (["Lancashire Constabulary is graded adequate for preventing crime; it was graded good for preventing crime in its 2021/22 inspection, so this is a decline."],
     {("lancashire-constabulary", "preventing crime", "adequate", False, None, None), ("lancashire-constabulary", "preventing crime", "good", True, None, None)},
     {("lancashire-constabulary", "preventing crime", "good", False, None, None)}),
    (["In 2018 inspectors had judged Lancashire Constabulary inadequate for investigating crime, so this is real progress."],
     {("lancashire-constabulary", "investigating crime", "inadequate", True, None, None)},
     {("lancashire-constabulary", "investigating crime", "inadequate", False, None, None)}),
    # trap: an undated grade before the change is the grade now
    (["Lancashire Constabulary was graded good for preventing crime in its latest inspection, so this is an improvement."],
     {("lancashire-constabulary", "preventing crime", "good", False, None, None)}, set()),
])
def test_dated_grade_before_so_this_is_a_change(extractor, lines, expected, absent):
    got = extract(extractor, lines, BRIEFING, published="2025-07-01", kind="other")
    assert expected <= got
    assert not (absent & got)


# 4. A table of bodies by area with a year column, flattened: wrapped names, grades wrapped onto lines of their own.
FLAT_TABLE = [
    "Table 1: PEEL grades of the South East forces",
    "Force Year",
    "Preventing crime",
    "Investigating crime",
    "Kent",
    "Police 2024 Good Adequate",
    "Sussex Police 2025 Requires improvement",
    "Good",
    "Thames Valley",
    "Police 2023",
    "Adequate",
    "Inadequate",
    "Source: HMICFRS reports, 2023 to 2025",
]


def test_flattened_table_of_bodies_with_a_year_column(extractor):
    got = extract(extractor, FLAT_TABLE, BRIEFING, published="2025-07-01", kind="other")
    assert {("kent-police", "preventing crime", "good", False, None, None), ("kent-police", "investigating crime", "adequate", False, None, None),
            ("sussex-police", "preventing crime", RI, False, None, None), ("sussex-police", "investigating crime", "good", False, None, None),
            ("thames-valley-police", "preventing crime", "adequate", False, None, None), ("thames-valley-police", "investigating crime", "inadequate", False, None, None)} <= got


@pytest.mark.parametrize("lines", [
    # trap: no year column head ("Force"): the lines are no such table
    [line if line != "Force Year" else "Force" for line in FLAT_TABLE],
    # trap: a row whose name is no body ends the table before it
    FLAT_TABLE[:4] + ["Average of the region 2024 Good Adequate"] + FLAT_TABLE[4:],
])
def test_flattened_table_traps(extractor, lines):
    got = extract(extractor, lines, BRIEFING, published="2025-07-01", kind="other")
    assert not {g for g in got if g[0] == "kent-police" and g[1] in ("preventing crime", "investigating crime")}


# 5. A hospital opening a sentence with its town after a comma, then a relative clause, is that location (its slug).
CQC_PAPER = "Hospitals rated by the Care Quality Commission: a board paper"


@pytest.mark.parametrize("lines, expected", [
    (["The Care Quality Commission (CQC) inspected several hospitals this year.",
      "St Mary's Hospital, Newport, which was rated inadequate in 2021, was rated good in 2024."],
     {("st-marys-hospital-newport", "overall", "inadequate", True, None, None)}),
])
def test_hospital_with_its_town_after_a_comma(extractor, lines, expected):
    got = extract(extractor, lines, CQC_PAPER, published="2025-09-01", kind="other")
    assert expected <= got


def test_hospital_with_its_town_named_only_as_a_place(extractor):
    # trap: no rating in its sentence, no body
    doc = document_from_lines(["The Care Quality Commission (CQC) inspected several hospitals this year.",
                               "St Mary's Hospital, Newport, which opened a new ward in May, is busy."], CQC_PAPER, published="2025-09-01", kind="other")
    assert "st-marys-hospital-newport" not in {o["id"] for o in extractor.extract(doc).organisations}
