"""`miner train`: build the finding classifier from the annotated corpus and
assemble the full pipeline in models/miner-pipeline, with its scores."""

from __future__ import annotations

import json
import pathlib
import random

from miner.evaluation import CORPUS, evaluate, gold_files, locate
from miner.grading_training import fit as fit_gradings
from miner.grading_training import load_examples as load_grading_examples
from miner.nlp.finding_model import Candidate, train
from miner.nlp.pipeline import DEFAULT_MODEL, Extractor, build_pipeline
from miner.text import convert


def labelled_candidates(split: str = "dev", files: list[pathlib.Path] | None = None) -> list[tuple[Candidate, str, str | None, str | None]]:
    """Every candidate sentence of the gold documents, labelled from the gold findings."""
    extractor = Extractor(build_pipeline())
    findings = extractor.nlp.get_pipe("miner_findings")
    findings.classifier = None
    labelled = []
    for path in files if files is not None else gold_files(split):
        gold = json.loads(path.read_text(encoding="utf-8"))
        document = convert((CORPUS / "documents" / gold["document"]).read_bytes())
        document.kind = gold.get("kind")
        doc = extractor.doc(document)
        spans = []
        for f in gold.get("findings", []):
            located = locate(document.text, f["evidence"])
            if located:
                spans.append((located, f))
        for candidate in findings.candidates(doc):
            best, best_overlap = None, 0.0
            for (start, end), f in spans:
                overlap = max(0, min(candidate.end, end) - max(candidate.start, start)) / max(candidate.end - candidate.start, end - start)
                if overlap > best_overlap:
                    best, best_overlap = f, overlap
            if best is not None and best_overlap >= 0.5:
                labelled.append((candidate, best["kind"], best.get("polarity"), best.get("topic")))
            else:
                labelled.append((candidate, "none", None, None))
    return labelled


def train_pipeline(output: pathlib.Path = DEFAULT_MODEL, *, epochs: int = 15, seed: int = 0, log=print) -> dict:
    """Train on the dev split, assemble the pipeline in `output`, score it, write scores.json."""
    labelled = labelled_candidates("dev")
    positives = sum(1 for _, k, _, _ in labelled if k != "none")
    log(f"training on {len(labelled)} candidate sentences ({positives} findings) from the dev split")
    classifier, history = train(labelled, epochs=epochs, seed=seed)
    grading_examples = load_grading_examples("dev")
    grading_classifier = fit_gradings(grading_examples, seed=seed)
    log(f"grading layer: {grading_classifier.meta['examples']} grade terms, {grading_classifier.meta['features']} features")
    nlp = build_pipeline()
    nlp.get_pipe("miner_findings").classifier = classifier
    nlp.get_pipe("miner_gradings").classifier = grading_classifier
    nlp.meta["name"] = "miner_pipeline"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = "miner's extraction pipeline: rules and gazetteer data plus a trained finding classifier and a learned grading recall layer"
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    extractor = Extractor(nlp)
    scores = {"training": {"candidates": len(labelled), "findings": positives, "epochs": epochs, "seed": seed, "heads": history, "grading_layer": grading_classifier.meta}}
    for split in ("dev", "test"):
        report = evaluate(split, extractor=extractor, include_real=(split == "test"))
        scores[split] = {group: {name: s.to_dict() for name, s in fields.items()} for group, fields in report.scores.items()}
    (output / "scores.json").write_text(json.dumps(scores, indent=1), encoding="utf-8")
    return scores


def cross_validate(folds: int = 5, *, epochs: int = 15, seed: int = 0) -> dict:
    """Finding F1 on dev by document-level folds: a fair estimate while tuning."""
    from miner.evaluation import Report, _score_document
    from miner.nlp.scales import Scales

    files = gold_files("dev")
    random.Random(seed).shuffle(files)
    report = Report()
    for fold in range(folds):
        held = files[fold::folds]
        training = [f for f in files if f not in held]
        classifier, _ = train(labelled_candidates(files=training), epochs=epochs, seed=seed)
        nlp = build_pipeline()
        nlp.get_pipe("miner_findings").classifier = classifier
        extractor = Extractor(nlp)
        for path in held:
            gold = json.loads(path.read_text(encoding="utf-8"))
            document = convert((CORPUS / "documents" / gold["document"]).read_bytes())
            _score_document(report, gold["document"].split("/")[0], gold, document.text, extractor.extract(document), Scales.default())
    return report
