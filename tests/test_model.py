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


def test_loading_builds_the_tokenizer_the_shipped_model_saved(shipped):
    """`load_pipeline` skips reading the saved tokenizer when it equals the one the config builds."""
    import spacy

    assert shipped.tokenizer.to_bytes() == spacy.load(DEFAULT_MODEL).tokenizer.to_bytes()


def test_a_tokenizer_saved_with_its_own_rules_is_read(tmp_path):
    nlp = load_pipeline(DEFAULT_MODEL)
    nlp.tokenizer.add_special_case("PEEL2025", [{"ORTH": "PEEL"}, {"ORTH": "2025"}])
    nlp.to_disk(tmp_path / "model")
    loaded = load_pipeline(tmp_path / "model")
    assert [t.text for t in loaded.make_doc("graded in PEEL2025")] == ["graded", "in", "PEEL", "2025"]
