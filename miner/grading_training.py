"""Training and cross-validating the learned recall layer of `miner_gradings`
(miner/nlp/grading_model.py) on the annotated corpus.

Labels come from the gold gradings: a grade term is a grading when a gold
grading of that grade (not a count) has evidence overlapping its sentence;
current or previous as the gold says. Candidates are taken from the rules'
output, so the classifier is trained on every grade term (`include_covered`)
and applied only to those no rule grading covers.
"""

from __future__ import annotations

import json
import pathlib
from collections import Counter
from dataclasses import dataclass, field

import numpy

from miner.evaluation import CORPUS, _norm_grade, gold_files, locate
from miner.nlp import grading_model
from miner.nlp.grading_model import CURRENT, LABELS, NONE, PREVIOUS, GradingClassifier
from miner.nlp.gradings import _year_of
from miner.nlp.organisations import OrganisationIndex
from miner.nlp.pipeline import Extractor, build_pipeline, records_from_doc
from miner.nlp.scales import GRADE_PHRASES, Scales
from miner.text import convert

# Chosen by leave-one-folder-out cross-validation on dev (`miner train --cv-gradings`).
# With dev28-dev35 in dev, the held-out folders' uncovered grade terms are read at 0.85 with
# precision 0.881, recall 0.610 (at 0.9: 0.914, 0.547; at 0.8: 0.858, 0.662), and the extractor's
# gradings F1 is the same from 0.5 to 0.9 (0.945). 0.85 keeps the layer's recall on new wordings
# (tests/test_gradings_learned.py) and leaves "we rated it X" after a thing to the rules (test_gradings_dev19.py).
C = 0.3
THRESHOLD = 0.85


@dataclass
class DocumentExamples:
    """One gold document: its candidates' features and labels, and the rules' gradings."""

    name: str
    group: str
    document: object
    gold: dict
    rows: list = field(default_factory=list)
    labels: list = field(default_factory=list)
    covered: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    rule_keys: list = field(default_factory=list)


def _gold_grade(grade: str) -> str:
    return GRADE_PHRASES.get(grade.lower(), grade.lower())


def label(candidate: grading_model.Candidate, gold_spans: list[tuple[tuple[int, int], dict]], area: str | None = None) -> int | None:
    """The candidate's label from the gold gradings whose evidence overlaps its
    sentence; else, when the grading it would give (`area`, its grade) is a gold
    fact stated elsewhere (a headline or summary restating it: gold records a
    fact once), that fact's. None: ambiguous (the same area and grade both
    current and earlier), left out of training."""
    sentence_end = candidate.sentence_start + len(candidate.sentence_text)
    matches = []
    for (start, end), g in gold_spans:
        if end <= candidate.sentence_start or start >= sentence_end:
            continue
        if g.get("count") is not None or _gold_grade(g["grade"]) != candidate.grade:
            continue
        inside = start <= candidate.start and candidate.end <= end
        matches.append((not inside, bool(g["previous"]), g))
    if not matches:
        if area is None:
            return NONE
        flags = {bool(g["previous"]) for _, g in gold_spans if g.get("count") is None and g["area"] == area and _gold_grade(g["grade"]) == candidate.grade}
        if len(flags) > 1:
            return None
        return (PREVIOUS if flags.pop() else CURRENT) if flags else NONE
    matches.sort(key=lambda m: (m[0], m[1]))
    return PREVIOUS if matches[0][2]["previous"] else CURRENT


def load_examples(split: str = "dev", files: list[pathlib.Path] | None = None, log=None) -> list[DocumentExamples]:
    """Every grade term of the gold documents, with features and labels, from a rules-only run."""
    nlp = build_pipeline()
    gradings = nlp.get_pipe("miner_gradings")
    gradings.classifier = None
    extractor = Extractor(nlp)
    examples = []
    for path in files if files is not None else gold_files(split):
        gold = json.loads(path.read_text(encoding="utf-8"))
        document_path = CORPUS / "documents" / gold["document"]
        document = convert(document_path.read_bytes(), str(document_path))
        document.url = str(document_path)
        doc = extractor.doc(document)
        ctx = doc._.miner
        offsets = [(sp.start_char, sp.end_char) for sp in doc.spans["gradings"]]
        orgs = OrganisationIndex(doc)
        candidates, rows = gradings.learned_candidates(ctx, orgs, _year_of(ctx.inspection.date), offsets, include_covered=True)
        gold_spans = [(span, g) for g in gold.get("gradings", []) if (span := locate(document.text, g["evidence"]))]
        ex = DocumentExamples(gold["document"], gold["document"].split("/")[0], document, gold)
        ex.rows = rows
        year = _year_of(ctx.inspection.date)
        ex.labels = [label(c, gold_spans, gradings.learned_key_area(c, ctx, year)) for c in candidates]
        ex.covered = [c.covered for c in candidates]
        ex.texts = [(c.sentence_text, c.start - c.sentence_start, c.grade) for c in candidates]
        ex.rule_keys = [g.key() for g in records_from_doc(doc, document.kind).gradings]
        examples.append(ex)
        if log:
            log(f"{gold['document']}: {len(candidates)} grade terms, {sum(1 for x in ex.labels if x)} gradings")
    return examples


def fit(examples: list[DocumentExamples], *, C: float = C, threshold: float = THRESHOLD, seed: int = 0) -> GradingClassifier:
    pairs = [(row, y) for ex in examples for row, y in zip(ex.rows, ex.labels) if y is not None]
    rows = [row for row, _ in pairs]
    labels = [y for _, y in pairs]
    return GradingClassifier.fit(rows, labels, C=C, threshold=threshold, seed=seed)


def gold_keys(gold: dict) -> Counter:
    scales = Scales.default()
    return Counter(
        (g["organisation"], g["area"], _norm_grade(scales, g.get("scale"), g["grade"]), bool(g["previous"]), g.get("count"), g.get("out_of"))
        for g in gold.get("gradings", [])
    )


def score_keys(predicted: list[tuple], gold: Counter) -> tuple[int, int, int]:
    keys = Counter(dict.fromkeys(predicted, 1))
    tp = sum((gold & keys).values())
    return tp, sum(keys.values()) - tp, sum(gold.values()) - tp


def learned_gradings(classifier: GradingClassifier, ex: DocumentExamples) -> tuple[list[tuple], list[tuple]]:
    """(keys of all gradings, (key, confidence) of the learned ones) with the layer on."""
    extractor = _shared_extractor()
    extractor.nlp.get_pipe("miner_gradings").classifier = classifier
    doc = extractor.doc(ex.document)
    extraction = records_from_doc(doc, ex.document.kind)
    user_data = doc.user_data
    learned = [(g.key(), user_data.get(("._.", "confidence", g.evidence.start, g.evidence.end))) for g in extraction.gradings if g.method == "learned"]
    return [g.key() for g in extraction.gradings], learned


_EXTRACTOR: list[Extractor] = []


def _shared_extractor() -> Extractor:
    # One pipeline, its classifier swapped: building one per document costs more than reading it.
    if not _EXTRACTOR:
        _EXTRACTOR.append(Extractor(build_pipeline()))
    return _EXTRACTOR[0]


def cross_validate(examples: list[DocumentExamples], *, Cs=(C,), thresholds=(0.5, 0.6, 0.7, 0.8, 0.9), seed: int = 0, extractor_level: bool = True, log=print) -> dict:
    """Leave one folder out (dev2, ..., peel, news, ...): the classifier's own
    precision and recall on the held-out folder's grade terms (all of them, and
    those no rule covers), and the extractor's gradings P/R/F1 with the layer
    at each threshold beside rules only."""
    groups = sorted({ex.group for ex in examples})
    results = {}
    for c_value in Cs:
        probabilities: list[numpy.ndarray] = []
        labels, covered = [], []
        extractor_counts = {t: [0, 0, 0] for t in thresholds}
        rules = [0, 0, 0]
        for group in groups:
            training = [ex for ex in examples if ex.group != group]
            held = [ex for ex in examples if ex.group == group]
            classifier = fit(training, C=c_value, threshold=min(thresholds), seed=seed)
            for ex in held:
                probabilities.append(classifier.probabilities(ex.rows) if ex.rows else numpy.zeros((0, len(LABELS))))
                labels += [-1 if y is None else y for y in ex.labels]
                covered += ex.covered
                gold = gold_keys(ex.gold)
                for k, v in enumerate(score_keys(ex.rule_keys, gold)):
                    rules[k] += v
                if extractor_level:
                    keys, learned = learned_gradings(classifier, ex)
                    rule_only = [k for k in keys if k not in {key for key, _ in learned}]
                    for t in thresholds:
                        kept = rule_only + [key for key, conf in learned if conf is None or conf >= t]
                        for k, v in enumerate(score_keys(kept, gold)):
                            extractor_counts[t][k] += v
        p = numpy.concatenate(probabilities) if probabilities else numpy.zeros((0, 3))
        y = numpy.asarray(labels)
        cov = numpy.asarray(covered, dtype=bool)
        table = {}
        for t in thresholds:
            positive = (1 - p[:, NONE]) >= t
            predicted = numpy.where(positive, numpy.where(p[:, PREVIOUS] > p[:, CURRENT], PREVIOUS, CURRENT), NONE)
            row = {}
            for name, mask in (("all", y >= 0), ("uncovered", ~cov & (y >= 0))):
                tp = int(((predicted != NONE) & (y > NONE) & mask).sum())
                fp = int(((predicted != NONE) & (y == NONE) & mask).sum())
                fn = int(((predicted == NONE) & (y > NONE) & mask).sum())
                same = int(((predicted != NONE) & (predicted == y) & mask).sum())
                row[name] = {"tp": tp, "fp": fp, "fn": fn, "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn), "label_agrees": _ratio(same, tp)}
            if extractor_level:
                tp, fp, fn = extractor_counts[t]
                row["extractor"] = {"tp": tp, "fp": fp, "fn": fn, **_prf(tp, fp, fn)}
            table[t] = row
        tp, fp, fn = rules
        results[c_value] = {"thresholds": table, "rules_only": {"tp": tp, "fp": fp, "fn": fn, **_prf(tp, fp, fn)},
                            "candidates": len(y), "positives": int((y > NONE).sum()), "uncovered": int((~cov).sum()), "uncovered_positives": int(((y > NONE) & ~cov).sum())}
        if log:
            log(render_cv(c_value, results[c_value]))
    return results


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def render_cv(c_value: float, result: dict) -> str:
    lines = [f"C={c_value}: {result['candidates']} grade terms ({result['positives']} gradings), {result['uncovered']} not covered by a rule ({result['uncovered_positives']} gradings)"]
    r = result["rules_only"]
    lines.append(f"  rules only: gradings P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} (tp {r['tp']} fp {r['fp']} fn {r['fn']})")
    for t, row in result["thresholds"].items():
        a, u = row["all"], row["uncovered"]
        line = f"  t={t:.2f} candidates P {a['precision']:.3f} R {a['recall']:.3f} | uncovered P {u['precision']:.3f} R {u['recall']:.3f} (tp {u['tp']} fp {u['fp']} fn {u['fn']})"
        if "extractor" in row:
            e = row["extractor"]
            line += f" | gradings P {e['precision']:.3f} R {e['recall']:.3f} F1 {e['f1']:.3f} (tp {e['tp']} fp {e['fp']} fn {e['fn']})"
        lines.append(line)
    return "\n".join(lines)
