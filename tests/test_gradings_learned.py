"""The learned recall layer of miner_gradings (miner/nlp/grading_model.py).

Phrasing -> records: sentences in wordings the rules do not read, which the
layer does (each case checks the rules alone miss it), and traps it must not
fire on. The wordings are new: none is a sentence of the annotated corpus.
Records are (organisation, area, grade, previous, count, out_of)."""

import json

import numpy
import pytest

from miner.evaluation import CORPUS
from miner.grading_training import fit, load_examples
from miner.nlp import grading_model
from miner.nlp.pipeline import DEFAULT_MODEL, Extractor, build_pipeline, load_pipeline
from tests.test_extract_gradings import OFSTED, PEEL, extract

PRISON = "Report on an unannounced inspection of HMP Exeter by HM Chief Inspector of Prisons"
RULES_ONLY = "rules only"


@pytest.fixture(scope="module")
def rules_only():
    nlp = load_pipeline()
    nlp.get_pipe("miner_gradings").learned = False
    return Extractor(nlp)


def records(extractor, text, title):
    return {g.key() for g in extract(extractor, [text], title=title, kind="news")[1].gradings}


def learned(extractor, text, title):
    return {g.key() for g in extract(extractor, [text], title=title, kind="news")[1].gradings if g.method == "learned"}


MISSED_BY_THE_RULES = [
    # Verbs of getting and giving the rules have no frame for.
    ("Norfolk County Council's children's services landed an 'inadequate' from Ofsted.", OFSTED,
     ("norfolk-county-council", "overall effectiveness", "inadequate", False, None, None)),
    ("Suffolk County Council's children's services picked up a 'good' verdict from Ofsted.", OFSTED,
     ("suffolk-county-council", "overall effectiveness", "good", False, None, None)),
    ("Children in care got an 'outstanding' from inspectors.", OFSTED,
     ("norfolk-county-council", "children in care", "outstanding", False, None, None)),
    ("Inspectors gave preventing crime a 'good'.", PEEL, ("durham-constabulary", "preventing crime", "good", False, None, None)),
    ("Preventing crime got a 'good' from inspectors.", PEEL, ("durham-constabulary", "preventing crime", "good", False, None, None)),
    ("Investigating crime picked up an 'inadequate' from the inspectorate.", PEEL,
     ("durham-constabulary", "investigating crime", "inadequate", False, None, None)),
    ("Managing offenders picked up an 'inadequate' from the inspectorate.", PEEL,
     ("durham-constabulary", "managing offenders and suspects", "inadequate", False, None, None)),
    ("Responding to the public ended up with a 'good' from inspectors.", PEEL,
     ("durham-constabulary", "responding to the public", "good", False, None, None)),
    ("Respect at the jail got a 'reasonably good' from inspectors.", PRISON, ("hmp-exeter", "respect", "reasonably good", False, None, None)),
    ("Purposeful activity ended up with a 'poor' from the inspectors.", PRISON, ("hmp-exeter", "purposeful activity", "poor", False, None, None)),
    ("On purposeful activity HMP Exeter was marked down to 'poor'.", PRISON, ("hmp-exeter", "purposeful activity", "poor", False, None, None)),
    ("On respect HMP Exeter was marked up to 'reasonably good'.", PRISON, ("hmp-exeter", "respect", "reasonably good", False, None, None)),
    # A grade as a label after a colon, or what an area "came out as".
    ("Care leavers: the inspectors' verdict was 'good'.", OFSTED, ("norfolk-county-council", "care leavers", "good", False, None, None)),
    ("Help and protection came out as 'inadequate'.", OFSTED, ("norfolk-county-council", "help and protection", "inadequate", False, None, None)),
]

# The layer is statistical: a refit on a grown dev split moves single wordings
# across its 0.85 threshold (chosen by `miner train --cv-gradings`),
# so its recall on these frames is asserted as a share, like an eval floor, while
# every trap below must stay silent.
LAYER_READS_AT_LEAST = 0.6  # its cross-validated recall on the grade terms no rule covers is .610 (`miner train --cv-gradings`); 10 of 14 here at the last refit


@pytest.mark.parametrize("text, title, expected", MISSED_BY_THE_RULES)
def test_the_rules_alone_miss_each_wording(rules_only, text, title, expected):
    assert expected not in records(rules_only, text, title), RULES_ONLY


def test_the_layer_reads_what_the_rules_miss(extractor):
    missed = [text for text, title, expected in MISSED_BY_THE_RULES if expected not in learned(extractor, text, title)]
    read = 1 - len(missed) / len(MISSED_BY_THE_RULES)
    assert read >= LAYER_READS_AT_LEAST, f"the layer reads {read:.2f} of the wordings; misses {missed}"


@pytest.mark.parametrize("text, title", [
    # A grade word that qualifies a noun.
    ("The force made good progress on investigating crime.", PEEL),
    ("The force has an adequate number of detectives for investigating crime.", PEEL),
    ("Inspectors found good practice in help and protection.", OFSTED),
    ("Care leavers have a good relationship with their personal advisers.", OFSTED),
    # Hypotheses, conditions, denials and hopes.
    ("Durham Constabulary could end up 'inadequate' for investigating crime if nothing changes.", PEEL),
    ("Preventing crime would have got a 'good' had the force kept its numbers.", PEEL),
    ("If help and protection came out as 'inadequate', the council would face intervention.", OFSTED),
    ("Care leavers services might yet earn an 'outstanding'.", OFSTED),
    ("Preventing crime did not get a 'good' from inspectors.", PEEL),
    ("Preventing crime never got a 'good' from inspectors.", PEEL),
    # Thresholds, and grades of other bodies counted.
    ("Most forces are rated good or outstanding at investigating crime.", PEEL),
    ("Of the five forces inspected this year, two came out as 'good' for preventing crime.", PEEL),
    # A grade lost, or left behind; a headline is not read (its grade is restated in the text).
    ("Norfolk County Council's children's services lost the 'good' rating they held.", OFSTED),
    ("Norfolk children's services lifted out of 'inadequate' after six years.", OFSTED),
])
def test_the_layer_does_not_fire_on_traps(extractor, text, title):
    assert learned(extractor, text, title) == set()


def test_another_body_named_in_the_sentence_takes_the_grade(extractor, rules_only):
    """A grade of a body the sentence names is that body's, not the document subject's."""
    text = "Suffolk County Council's children's services picked up a 'good' verdict from Ofsted."
    assert {k[0] for k in learned(extractor, text, OFSTED)} == {"suffolk-county-council"}


def test_the_pipeline_is_rules_only_without_a_trained_layer():
    nlp = build_pipeline()
    assert nlp.get_pipe("miner_gradings").classifier is None
    text = "Inspectors gave preventing crime a 'good'."
    assert learned(Extractor(nlp), text, PEEL) == set()


def test_the_config_flag_turns_the_layer_off(rules_only):
    assert rules_only.nlp.get_pipe("miner_gradings").classifier is not None
    assert learned(rules_only, "Inspectors gave preventing crime a 'good'.", PEEL) == set()


def test_the_shipped_layer_is_the_one_miner_train_fits():
    """`miner train` fits the layer on the dev split, deterministically: refitting gives the shipped weights."""
    shipped = load_pipeline(DEFAULT_MODEL).get_pipe("miner_gradings").classifier
    assert shipped is not None, "models/miner-pipeline has no grading layer: run `miner train`"
    refitted = fit(load_examples("dev"))
    assert refitted.index == shipped.index
    assert numpy.array_equal(refitted.weights, shipped.weights)
    assert numpy.array_equal(refitted.bias, shipped.bias)
    assert refitted.threshold == shipped.threshold


def test_a_trained_layer_reloads_and_predicts_the_same(tmp_path):
    """Saved with the pipeline (`nlp.to_disk`) and loaded again (no network): the same
    probabilities for every candidate and the same records."""
    files = sorted((CORPUS / "gold" / "dev6").glob("*.json"))[:6] + sorted((CORPUS / "gold" / "peel").glob("*.json"))[:4]
    examples = load_examples(files=files)
    classifier = fit(examples, seed=3)
    nlp = build_pipeline()
    nlp.get_pipe("miner_gradings").classifier = classifier
    nlp.to_disk(tmp_path / "model")
    assert (tmp_path / "model" / "miner_gradings" / "learned" / "weights.npy").exists()
    loaded = load_pipeline(tmp_path / "model").get_pipe("miner_gradings").classifier
    rows = [row for ex in examples for row in ex.rows]
    assert numpy.array_equal(classifier.probabilities(rows), loaded.probabilities(rows))
    before, after = Extractor(nlp), Extractor(load_pipeline(tmp_path / "model"))
    for ex in examples:
        assert [g.key() for g in before.extract(ex.document).gradings] == [g.key() for g in after.extract(ex.document).gradings]


def test_fitting_is_deterministic_for_a_seed():
    files = sorted((CORPUS / "gold" / "dev8").glob("*.json"))[:5]
    examples = load_examples(files=files)
    a, b = fit(examples, seed=1), fit(examples, seed=1)
    assert a.index == b.index and numpy.array_equal(a.weights, b.weights)


def test_candidates_are_grade_terms_no_rule_covers(extractor):
    """Every grade term is a candidate, except those inside a rule grading's span."""
    doc = extractor.doc(extraction_document(["Durham Constabulary was rated inadequate at investigating crime, and its good work elsewhere was noted."]))
    ctx = doc._.miner
    spans = [(sp.start_char, sp.end_char) for sp in doc.spans["gradings"]]
    every = grading_model.find_candidates(ctx, spans, include_covered=True)
    assert [(c.grade, c.covered) for c in every] == [("inadequate", True), ("good", False)]
    assert [c.grade for c in grading_model.find_candidates(ctx, spans)] == ["good"]


def extraction_document(paragraphs, title=PEEL):
    from miner.document import DocumentBuilder

    builder = DocumentBuilder()
    builder.add("heading", title, level=1)
    for paragraph in paragraphs:
        builder.add("paragraph", paragraph)
    return builder.build("text/html", title=title, published="2024-05-16", kind="report")


def test_scores_record_the_layer():
    scores = json.loads((DEFAULT_MODEL / "scores.json").read_text())
    assert scores["training"]["grading_layer"]["examples"] > 1000
