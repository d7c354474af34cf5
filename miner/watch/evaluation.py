"""Scoring recurrence links against corpora/recurrences.json.

The linker is scored on the gold findings of the annotated reports (their
evidence text, kind, polarity and topic), so the figure measures the linking
alone, not the finding extractor in front of it. A predicted link is right
when the annotation lists the same (earlier evidence, later evidence) pair.
"""

from __future__ import annotations

import json
from collections import defaultdict

from miner.evaluation import CORPUS, Score
from miner.watch.recurrence import THRESHOLD, TOP_K, find_recurrences, successive_pairs
from miner.watch.vectors import FindingText

ANNOTATIONS = CORPUS / "recurrences.json"


def gold_findings(split: str = "all") -> list[FindingText]:
    """Findings of every gold report whose subject has more than one annotated report."""
    by_subject = defaultdict(list)
    for path in sorted((CORPUS / "gold").rglob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("kind") != "report" or not gold.get("subject") or not (gold.get("inspection") or {}).get("date"):
            continue
        if split != "all" and gold.get("split") != split:
            continue
        by_subject[gold["subject"]].append(gold)
    findings = []
    for subject, documents in sorted(by_subject.items()):
        if len(documents) < 2:
            continue
        for gold in documents:
            for i, f in enumerate(gold.get("findings", [])):
                findings.append(
                    FindingText(
                        id=f"{gold['document']}#{i}",
                        organisation_id=subject,
                        document_id=gold["document"],
                        date=gold["inspection"]["date"],
                        text=f["evidence"],
                        kind=f.get("kind"),
                        polarity=f.get("polarity"),
                        topic=f.get("topic"),
                    )
                )
    return findings


def load_annotations() -> dict:
    return json.loads(ANNOTATIONS.read_text(encoding="utf-8"))


def gold_links(annotations: dict | None = None) -> set[tuple[str, str, str, str]]:
    annotations = annotations or load_annotations()
    return {
        (pair["earlier"], link["earlier"], pair["later"], link["later"])
        for pair in annotations["pairs"]
        for link in pair["links"]
    }


def score_recurrences(findings: list[FindingText] | None = None, *, threshold: float = THRESHOLD, top_k: int = TOP_K, annotations: dict | None = None):
    """(links Score, recurring-concerns Score, errors) against the annotated successive pairs."""
    annotations = annotations or load_annotations()
    findings = findings if findings is not None else gold_findings()
    annotated = {(p["earlier"], p["later"]) for p in annotations["pairs"]}
    gold = gold_links(annotations)
    predicted = {
        (r.earlier.document_id, r.earlier.text, r.later.document_id, r.later.text)
        for r in find_recurrences(findings, threshold=threshold, top_k=top_k)
        if (r.earlier.document_id, r.later.document_id) in annotated
    }
    score = Score(len(gold & predicted), len(predicted - gold), len(gold - predicted))
    # Per earlier concern: is it flagged recurring (linked to anything in the next inspection)?
    gold_concerns = {(d, t) for d, t, _, _ in gold}
    predicted_concerns = {(d, t) for d, t, _, _ in predicted}
    concerns = Score(len(gold_concerns & predicted_concerns), len(predicted_concerns - gold_concerns), len(gold_concerns - predicted_concerns))
    errors = [{"field": "recurrences", "error": "missed", "gold": list(link)} for link in sorted(gold - predicted)]
    errors += [{"field": "recurrences", "error": "spurious", "predicted": list(link)} for link in sorted(predicted - gold)]
    return score, concerns, errors


def add_to_report(report, split: str) -> None:
    """The hook `miner eval` calls: recurrence scores as group `recurrence`."""
    if split == "test" or not ANNOTATIONS.exists():
        return  # every annotated succession is in the dev split
    links, concerns, errors = score_recurrences(gold_findings(split))
    # Straight into its own group: these are not extraction figures, so they stay out of "all".
    report.scores["recurrence"]["recurrences"].add(links)
    report.scores["recurrence"]["recurring-concerns"].add(concerns)
    report.errors.extend({"document": "corpora/recurrences.json", **e} for e in errors)


def candidate_pairs(threshold: float = 0.05, top_k: int = 3):
    """Every successive pair with its candidate links, for annotating by hand."""
    findings = gold_findings()
    links = find_recurrences(findings, threshold=threshold, top_k=top_k)
    pairs = []
    for org, earlier, later in successive_pairs(findings):
        pairs.append({
            "organisation": org, "earlier": earlier, "later": later,
            "candidates": sorted(
                ((r.similarity, r.earlier.text, r.later.text) for r in links if (r.earlier.document_id, r.later.document_id) == (earlier, later)),
                reverse=True,
            ),
        })
    return pairs
