"""Phrasing -> gradings, by the general categories dev22's first runs missed
(corpora/gold/dev22, Wales and the South West): a fire story naming the
inspectorate in full ("Inspectorate of Constabulary and Fire & Rescue
Services", whose "Constabulary" names no police force); a list of counts ending
"in the remaining two" that runs on from a sentence stating the total; a modal
with its object before the grade ("could have graded the force inadequate");
another body's grade followed by ", and <a third body> ..., has since improved
to X" (the later grade is the third body's, of the area its relative clause
named); a table comparing bodies side by side ("Area | Wiltshire |
Gloucestershire"); a core service at a named hospital ("Maternity services at
the X Hospital ... remain rated ...", "... improved from ... to ..."): the
location's overall grade, the hospital its own body; Welsh councils and Care
Inspectorate Wales in the gazetteer. The cases are new wordings of each
category, not the documents. Each case is a short document ("# " starts a
heading, "|" a table row); the expected records are (organisation, area,
grade, previous, count, out_of)."""

import pytest

from tests.document_lines import document_from_lines, grading_rows

RI = "requires improvement"
NSG = "not sufficiently good"
AVON_FIRE = "avon-fire-and-rescue-service"
FIRE_TITLE = "Avon fire service praised for its response times | Western Daily News"
HMICFRS_IN_FULL = "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"
AVON_POLICE = "avon-and-somerset-constabulary"
PEEL_TITLE = "PEEL 2021/22: An inspection of Avon and Somerset Constabulary"
CORNWALL_TRUST = "royal-cornwall-hospitals-nhs-trust"
CQC_TITLE = "Cornwall hospital trust keeps its rating | Cornish Courier"
CQC_LEAD = "The Care Quality Commission (CQC) rated Royal Cornwall Hospitals NHS Trust as requires improvement overall."


def extract(extractor, lines, title, published="2024-09-12", kind="news"):
    return grading_rows(extractor.extract(document_from_lines(lines, title, published=published, kind=kind)))


def subject_and_organisations(extractor, lines, title, published="2024-03-20", kind="news"):
    extraction = extractor.extract(document_from_lines(lines, title, published=published, kind=kind))
    return extraction.subject_id, {o["id"] for o in extraction.organisations}


# 1. The inspectorate's full name ("... of Constabulary and Fire & Rescue Services") in a fire story
# names no force: the 2023-25 round's areas are graded ("good at" a list of them, "requires improvement at").
@pytest.mark.parametrize("lines, expected, absent", [
    ([f"Avon Fire and Rescue Service was inspected by {HMICFRS_IN_FULL} in the spring.",
      "The inspectors found it good at understanding the risk of fire and other emergencies and at responding to major and multi-agency incidents."],
     {(AVON_FIRE, "understanding the risk of fire and other emergencies", "good", False, None, None),
      (AVON_FIRE, "responding to major and multi-agency incidents", "good", False, None, None)}, set()),
    ([f"{HMICFRS_IN_FULL} has published its report on Avon Fire and Rescue Service.",
      "The service requires improvement at promoting the right values and culture."],
     {(AVON_FIRE, "promoting the right values and culture", RI, False, None, None)}, set()),
    # trap: ordinary "good at" of the crews, no area of the scale
    ([f"Avon Fire and Rescue Service was inspected by {HMICFRS_IN_FULL}.",
      "Its crews were good at talking to residents."], set(),
     {(AVON_FIRE, "talking to residents", "good", False, None, None)}),
])
def test_fire_story_naming_the_inspectorate_in_full(extractor, lines, expected, absent):
    got = extract(extractor, lines, FIRE_TITLE)
    assert expected <= got
    assert not (absent & got)


def test_police_story_naming_the_inspectorate_in_full_stays_peel(extractor):
    # trap: a force (and no fire service) is graded on PEEL's areas, not the fire scale's
    lines = [f"{HMICFRS_IN_FULL} graded Avon and Somerset Constabulary good at preventing crime."]
    got = extract(extractor, lines, "Avon and Somerset police praised | Western Daily News", published="2022-10-01")
    assert (AVON_POLICE, "preventing crime", "good", False, None, None) in got


# 2. "... in the remaining two" after a sentence stating the total: the list runs on from it and
# shares its total; a zero count after it takes no total (none is written in the sentence before).
@pytest.mark.parametrize("lines, expected, absent", [
    (["Avon Fire and Rescue Service was judged good in three of the eleven areas inspected.",
      "It was graded adequate in six areas and requires improvement in the remaining two.",
      "It was not rated outstanding or inadequate in any area."],
     {(AVON_FIRE, None, "good", False, 3, 11), (AVON_FIRE, None, "adequate", False, 6, 11),
      (AVON_FIRE, None, RI, False, 2, 11), (AVON_FIRE, None, "outstanding", False, 0, None),
      (AVON_FIRE, None, "inadequate", False, 0, None)},
     {(AVON_FIRE, None, "adequate", False, 6, 8), (AVON_FIRE, None, "outstanding", False, 0, 8)}),
    # trap: with no total before it, the list's own sum is the total
    (["Avon Fire and Rescue Service was inspected last spring.",
      "It was graded adequate in six areas and requires improvement in the remaining two."],
     {(AVON_FIRE, None, "adequate", False, 6, 8), (AVON_FIRE, None, RI, False, 2, 8)}, set()),
])
def test_remaining_list_takes_the_total_before_it(extractor, lines, expected, absent):
    got = extract(extractor, [f"{HMICFRS_IN_FULL} published its report today.", *lines], FIRE_TITLE)
    assert expected <= got
    assert not (absent & got)


# 3. A modal with its object before the grade: only considered, no grading.
@pytest.mark.parametrize("lines, expected", [
    (["We could have graded the constabulary inadequate for investigating crime had it not already trained 60 more detectives."], set()),
    (["Inspectors said they might have rated Avon and Somerset Constabulary outstanding at preventing crime."], set()),
    # trap: the grade given, no modal
    (["We graded the constabulary inadequate for investigating crime."], {(AVON_POLICE, "investigating crime", "inadequate", False, None, None)}),
])
def test_modal_with_object_is_no_grading(extractor, lines, expected):
    got = extract(extractor, lines, PEEL_TITLE, published="2022-07-01", kind="report")
    assert {r for r in got if r[1] in ("investigating crime", "preventing crime")} == expected


# 4. ", and <another body>, which was judged X for AREA in YEAR, has since improved to Y": the later
# grade is that body's, of that area; the year before the ", and" dates only the first body's grade (its current one).
@pytest.mark.parametrize("lines, expected, absent", [
    (["By contrast, HMP Leeds was rated reasonably good for respect in 2023, and HMP Hull, which was judged poor for safety in 2019, has since improved to not sufficiently good."],
     {("hmp-leeds", "respect", "reasonably good", False, None, None), ("hmp-hull", "safety", "poor", True, None, None),
      ("hmp-hull", "safety", NSG, False, None, None)},
     {("hmp-leeds", "respect", "reasonably good", True, None, None), ("hmp-leeds", "safety", NSG, False, None, None)}),
    # trap: no relative clause naming an area: the later grade is not given an area
    (["HMP Leeds was rated good for respect in 2023, and HMP Hull has since improved."],
     {("hmp-leeds", "respect", "good", False, None, None)}, {("hmp-hull", "respect", "good", False, None, None)}),
])
def test_another_body_has_since_improved(extractor, lines, expected, absent):
    got = extract(extractor, ["HM Inspectorate of Prisons rated safety at HMP Lincoln as poor."] + lines,
                  "Lincoln prison safety rated poor | Lincs Echo", published="2025-01-15")
    assert expected <= got
    assert not (absent & got)


# 5. A table comparing bodies side by side: each column is its body's grades now.
def test_bodies_side_by_side_table(extractor):
    lines = ["HMICFRS graded Avon and Somerset Constabulary adequate in five of the nine areas.",
             "# The neighbours compared",
             "|Question|Avon and Somerset|Devon and Cornwall|",
             "|Responding to the public|Adequate|Inadequate|",
             "|Managing offenders and suspects|Good|Requires improvement|",
             "Avon and Somerset Constabulary was also judged good at preventing crime."]
    got = extract(extractor, lines, "Avon and Somerset police graded | Western Daily News", published="2022-10-01")
    assert {(AVON_POLICE, "responding to the public", "adequate", False, None, None),
            ("devon-and-cornwall-police", "responding to the public", "inadequate", False, None, None),
            (AVON_POLICE, "managing offenders and suspects", "good", False, None, None),
            ("devon-and-cornwall-police", "managing offenders and suspects", RI, False, None, None),
            # not a report's judgement table: the prose grade of an area it lacks stands
            (AVON_POLICE, "preventing crime", "good", False, None, None)} <= got
    assert ("devon-and-cornwall-police", "responding to the public", "adequate", False, None, None) not in got


def test_dated_columns_are_still_a_comparison(extractor):
    # trap: years head the columns, not bodies: the earlier column is the grade before
    lines = ["|Area|2022|2019|", "|Preventing crime|Good|Adequate|"]
    got = extract(extractor, lines, PEEL_TITLE, published="2022-07-01", kind="report")
    assert (AVON_POLICE, "preventing crime", "good", False, None, None) in got
    assert not any(r[0] != AVON_POLICE for r in got)


# 6. A core service at a named hospital: the location's overall grade ("remain rated": now and before;
# "improved from X to Y": both), the hospital its own body (its slug, a town after its name included).
@pytest.mark.parametrize("line, expected, absent", [
    ("Cancer services at the Royal Cornwall Hospital, which were last inspected in 2022, remain rated requires improvement.",
     {("royal-cornwall-hospital", "overall", RI, False, None, None), ("royal-cornwall-hospital", "overall", RI, True, None, None)},
     {(CORNWALL_TRUST, "overall", RI, True, None, None)}),
    ("The children's ward at West Cornwall Hospital Penzance improved from inadequate to good.",
     {("west-cornwall-hospital-penzance", "overall", "good", False, None, None),
      ("west-cornwall-hospital-penzance", "overall", "inadequate", True, None, None)}, set()),
    ("Surgery at St Michael's Hospital was rated outstanding.",
     {("st-michaels-hospital", "overall", "outstanding", False, None, None)}, set()),
    # trap: ordinary "good at" of staff at a hospital
    ("Staff at the Royal Cornwall Hospital were good at explaining treatment.", set(),
     {("royal-cornwall-hospital", "overall", "good", False, None, None)}),
])
def test_core_service_at_a_named_hospital(extractor, line, expected, absent):
    got = extract(extractor, [CQC_LEAD, line], CQC_TITLE, published="2024-06-12")
    assert expected <= got
    assert not (absent & got)


def test_hospital_named_only_as_a_place_is_no_body(extractor):
    # trap: no rating in its sentence: "at Derriford Hospital" is where crews waited
    lines = ["The Care Quality Commission rated South Western Ambulance Service NHS Foundation Trust good overall.",
             "Crews lost thousands of hours waiting outside hospitals, most of them at Derriford Hospital."]
    _, organisations = subject_and_organisations(extractor, lines, "Ambulance trust rated good | Devon Live")
    assert "derriford-hospital" not in organisations


# 7. Welsh councils and Care Inspectorate Wales are in the gazetteer (CIW grades nothing: no scale).
@pytest.mark.parametrize("lines, subject, ids", [
    (["Conwy County Borough Council has welcomed a Care Inspectorate Wales (CIW) report on its children's services.",
      "CIW found that the council knew its children well."], "conwy-county-borough-council",
     {"conwy-county-borough-council", "care-inspectorate-wales"}),
    (["Cyngor Gwynedd said the inspection by Arolygiaeth Gofal Cymru had been thorough."], "gwynedd-council",
     {"gwynedd-council", "care-inspectorate-wales"}),
])
def test_welsh_councils_and_ciw(extractor, lines, subject, ids):
    got_subject, organisations = subject_and_organisations(extractor, lines, "Council responds to inspection report")
    assert got_subject == subject
    assert ids <= organisations
    assert not extract(extractor, lines, "Council responds to inspection report")


def test_welsh_place_alone_is_no_council(extractor):
    # trap: the councils are listed without their bare place names: "Cardiff" in a prison story is the city
    lines = ["HM Inspectorate of Prisons rated respect at HMP Cardiff as reasonably good.",
             "Many of the men come from Cardiff and Swansea."]
    _, organisations = subject_and_organisations(extractor, lines, "Cardiff prison report | Wales News")
    assert not {"cardiff-council", "swansea-council"} & organisations
