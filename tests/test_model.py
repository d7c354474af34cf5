"""The assembled pipeline in models/ must match the code and data it was built from."""

import json

import pytest

from miner.nlp.gazetteer import DATA, Gazetteer
from miner.nlp.pipeline import COMPONENTS, DEFAULT_MODEL, load_pipeline


@pytest.fixture(scope="module")
def shipped():
    if not DEFAULT_MODEL.exists():
        pytest.fail("models/miner-pipeline is missing: run `miner train`")
    return load_pipeline(DEFAULT_MODEL)


def test_shipped_pipeline_has_every_component_and_the_classifier(shipped):
    assert tuple(shipped.pipe_names) == COMPONENTS
    assert shipped.get_pipe("miner_findings").classifier is not None


def test_shipped_gazetteer_and_lexicon_are_current(shipped):
    """Editing the data without re-running `miner train` leaves models/ stale."""
    saved = Gazetteer.from_jsonl(DEFAULT_MODEL / "miner_organisations" / "organisations.jsonl")
    assert [o.id for o in saved.organisations] == [o.id for o in Gazetteer.default().organisations]
    assert {o.id: o.names for o in saved.organisations} == {o.id: o.names for o in Gazetteer.default().organisations}
    lexicon = json.loads((DEFAULT_MODEL / "miner_findings" / "findings.json").read_text())
    assert lexicon == json.loads((DATA / "findings.json").read_text())


def test_scores_are_recorded():
    scores = json.loads((DEFAULT_MODEL / "scores.json").read_text())
    assert {"dev", "test", "training"} <= set(scores)
    assert scores["test"]["all"]["findings"]["f1"] > 0.5
