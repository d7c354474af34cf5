"""Extractor.extract pauses Python's cyclic garbage collector for one document
(pipeline.collector_paused) and leaves it as it found it: on again after the
document, also when the document fails, and off if the caller had turned it off."""

import gc

import pytest

from miner.document import DocumentBuilder
from miner.errors import ExtractionFailed
from miner.nlp.pipeline import collector_paused


def report():
    builder = DocumentBuilder()
    builder.add("heading", "Inspection of Exe Valley children's services", level=1)
    builder.add("paragraph", "Inspectors found that 72% of children were seen within ten working days.")
    return builder.build("text/html", title="Inspection of Exe Valley children's services", kind="report")


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_inside_and_on_again_after(collector_on):
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_on_again_after_an_error(collector_on):
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a component broke")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(collector_on):
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_extract_runs_with_the_collector_paused_and_restores_it(extractor, collector_on, monkeypatch):
    states = []
    run = extractor.doc

    def doc(document):
        states.append(gc.isenabled())
        return run(document)

    monkeypatch.setattr(extractor, "doc", doc)
    extraction = extractor.extract(report())
    assert states == [False]
    assert gc.isenabled()
    assert extraction.statistics  # the document was extracted as usual

    def broken(document):
        raise ValueError("component failure")

    monkeypatch.setattr(extractor, "doc", broken)
    with pytest.raises(ExtractionFailed):
        extractor.extract(report())
    assert gc.isenabled()


def test_doc_alone_runs_with_the_collector_paused_and_restores_it(extractor, collector_on, monkeypatch):
    from miner.nlp import pipeline

    states = []
    make_doc = pipeline.make_doc

    def spy(nlp, text):
        states.append(gc.isenabled())
        return make_doc(nlp, text)

    monkeypatch.setattr(pipeline, "make_doc", spy)
    doc = extractor.doc(report())
    assert states == [False]
    assert gc.isenabled()
    assert doc.spans["statistics"]
