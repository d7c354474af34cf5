"""The finding classifier's fast path (BowScorer: n-gram keys hashed from the
words, no Doc per candidate) gives the trained model's own probabilities."""

import contextlib
import pathlib

import pytest
import spacy

from miner.nlp.context import DocContext
from miner.nlp.finding_model import BowScorer, FindingClassifier
from miner.text import convert

DOCUMENTS = pathlib.Path(__file__).resolve().parents[1] / "corpora" / "documents"


def corpus_candidates(extractor):
    """Every finding candidate of every corpus document, per document."""
    findings = extractor.nlp.get_pipe("miner_findings")
    for path in sorted(p for p in DOCUMENTS.rglob("*") if p.is_file()):
        document = convert(path.read_bytes(), str(path))
        with extractor.nlp.memory_zone():
            doc = extractor.nlp.make_doc(document.text)
            doc._.miner = DocContext.from_document(document)
            doc._.miner.text = document.text
            for name, component in extractor.nlp.pipeline:
                if name != "miner_findings":
                    doc = component(doc)
            candidates = findings.candidates(doc)
        if candidates:
            yield path.name, candidates


def test_fast_scores_equal_the_models_on_every_corpus_candidate(extractor):
    classifier = extractor.nlp.get_pipe("miner_findings").classifier
    assert classifier.scorers is not None, "the shipped heads are TextCatBOW models: the fast path must be on"
    compared = 0
    for name, candidates in corpus_candidates(extractor):
        fast = classifier._predict_fast(candidates)
        with contextlib.ExitStack() as zones:
            for nlp in classifier.heads.values():
                zones.enter_context(nlp.memory_zone())
            slow = classifier._predict(candidates)
        for f, s in zip(fast, slow, strict=True):
            assert {k: v for k, v in f.items() if not k.endswith("_p")} == {k: v for k, v in s.items() if not k.endswith("_p")}, name
            for key in (k for k in s if k.endswith("_p")):
                assert f[key] == pytest.approx(s[key], abs=1e-6), (name, key)
        compared += len(candidates)
    assert compared > 1000


def test_a_head_that_is_not_a_bow_model_turns_the_fast_path_off():
    class NotBow:
        model = type("Model", (), {"layers": [], "name": "tok2vec>>linear"})()
        labels = ("a", "b")

    assert BowScorer.for_textcat(NotBow()) is None
    bow = FindingClassifier.create()
    assert bow.scorers is not None and BowScorer.for_textcat(bow.heads["kind"].get_pipe("textcat")).labels[0] == "none"
    heads = dict(bow.heads)
    heads["topic"] = spacy.blank("en")  # no textcat at all
    assert FindingClassifier(heads).scorers is None


def test_column_decisions_are_the_per_candidate_decisions(extractor):
    """The span loop's decisions by columns (each head scored only where a record
    reads it) are `_decide`'s over the full predictions, candidate by candidate."""
    findings = extractor.nlp.get_pipe("miner_findings")
    compared = 0
    for name, candidates in corpus_candidates(extractor):
        expected = ([], [], [], [], [])
        for n, (candidate, prediction) in enumerate(zip(candidates, findings._predictions(candidates))):
            kind, polarity, topic, confidence = findings._decide(candidate, prediction)
            if kind is not None:
                for column, value in zip(expected, (n, kind, polarity, topic, confidence)):
                    column.append(value)
        assert findings._model_decisions(candidates) == expected, name
        compared += len(expected[0])
    assert compared > 500
