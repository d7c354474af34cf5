"""Phrasing -> findings and organisations, through the whole pipeline."""

import pytest

from miner.document import DocumentBuilder


def build(blocks, title="Cleveland Police rated inadequate", kind="news", publisher="The Northern Echo"):
    builder = DocumentBuilder()
    builder.add("heading", title, level=1)
    for kind_of_block, text in blocks:
        builder.add(kind_of_block, text, level=2)
    return builder.build("text/html", title=title, kind=kind, publisher=publisher)


def findings(extractor, blocks, **kwargs):
    return extractor.extract(build(blocks, **kwargs)).findings


def test_report_sections_fix_the_kind(extractor):
    document = [
        ("paragraph", "PEEL 2023–25: an inspection of Cleveland Police by HMICFRS."),
        ("heading", "Causes of concern"),
        ("list_item", "The force is not responding to calls from the public quickly enough, which puts vulnerable people at risk."),
        ("heading", "Areas for improvement"),
        ("list_item", "The force should make sure that it records equality data when it uses force."),
    ]
    found = {(f.text, f.kind, f.polarity) for f in findings(extractor, document, kind="report", title="PEEL 2023–25: An inspection of Cleveland Police")}
    assert ("The force is not responding to calls from the public quickly enough, which puts vulnerable people at risk.", "cause_of_concern", "negative") in found
    assert ("The force should make sure that it records equality data when it uses force.", "area_for_improvement", "negative") in found


def test_reported_speech_is_a_finding_and_the_forces_response_is_not(extractor):
    document = [
        ("paragraph", "Inspectors found that vulnerable victims were being left at risk because officers took too long to respond."),
        ("paragraph", "Chief Constable Mark Webster said: \"We accept the findings and we have already made changes to how we respond.\""),
    ]
    texts = [f.text for f in findings(extractor, document)]
    assert "Inspectors found that vulnerable victims were being left at risk because officers took too long to respond." in texts
    assert not any("We accept the findings" in t for t in texts)


def test_a_caption_repeating_the_body_is_not_a_second_finding(extractor):
    sentence = "Inspectors found that the force failed to record one in five crimes reported to it."
    texts = [f.text for f in findings(extractor, [("paragraph", sentence), ("caption", sentence), ("paragraph", sentence)])]
    assert texts.count(sentence) == 1


def test_headings_are_not_findings(extractor):
    texts = [f.text for f in findings(extractor, [("heading", "Watchdog says force is failing victims of crime"), ("paragraph", "The report said the force was failing victims of crime in several ways.")])]
    assert texts == ["The report said the force was failing victims of crime in several ways."]


@pytest.mark.parametrize("text, organisation", [
    ("Greater Manchester Police was placed in special measures.", "greater-manchester-police"),
    ("GMP was placed in special measures.", "greater-manchester-police"),
    ("The Met was told to improve.", "metropolitan-police-service"),
    ("Scotland Yard was told to improve.", "metropolitan-police-service"),
    ("Avon and Somerset Constabulary was told to improve.", "avon-and-somerset-constabulary"),
])
def test_organisation_aliases(extractor, text, organisation):
    extraction = extractor.extract(build([("paragraph", text)], title="Police news"))
    assert organisation in {o["id"] for o in extraction.organisations}


def test_mps_is_not_the_met(extractor):
    extraction = extractor.extract(build([("paragraph", "MPs debated the report on Tuesday.")], title="Westminster news"))
    assert extraction.organisations == []


def test_the_force_resolves_to_the_subject(extractor):
    extraction = extractor.extract(build([
        ("paragraph", "Cleveland Police has been rated inadequate at investigating crime."),
        ("paragraph", "Inspectors said the force had too few detectives."),
    ]))
    assert extraction.subject_id == "cleveland-police"
    mentions = {(o["mention"], o["id"]) for o in extraction.organisations}
    assert ("the force", "cleveland-police") in mentions
    assert all(f.organisation_id == "cleveland-police" for f in extraction.findings)
