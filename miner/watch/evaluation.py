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


def add_to_report(report, split: str, extractor=None) -> None:
    """The hook `miner eval` calls: recurrence scores as group `recurrence`.

    `recurrences` and `recurring-concerns` score the linker on gold findings;
    `recurrences-end-to-end` scores it on what the extractor finds.
    """
    if split == "test" or not ANNOTATIONS.exists():
        return  # every annotated succession is in the dev split
    links, concerns, errors = score_recurrences(gold_findings(split))
    # Straight into its own group: these are not extraction figures, so they stay out of "all".
    report.scores["recurrence"]["recurrences"].add(links)
    report.scores["recurrence"]["recurring-concerns"].add(concerns)
    end_to_end, end_errors = score_end_to_end(extractor)
    report.scores["recurrence"]["recurrences-end-to-end"].add(end_to_end)
    report.errors.extend({"document": "corpora/recurrences.json", **e} for e in end_errors)
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


def score_end_to_end(extractor=None, annotations: dict | None = None):
    """Links found from the extractor's findings, as `miner themes` finds them in a database.

    Each annotated report is converted and extracted; a predicted link is
    right when its two findings' evidence overlaps an annotated link's two
    evidence spans (by at least half of the longer span, as `miner eval`
    matches findings). Returns (Score, errors).
    """
    from miner.evaluation import locate
    from miner.nlp.pipeline import Extractor
    from miner.text import convert

    annotations = annotations or load_annotations()
    extractor = extractor or Extractor()
    documents = sorted({p["earlier"] for p in annotations["pairs"]} | {p["later"] for p in annotations["pairs"]})
    findings, spans, texts = [], {}, {}
    for name in documents:
        gold = json.loads((CORPUS / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        path = CORPUS / "documents" / name
        document = convert(path.read_bytes(), str(path))
        document.url = str(path)
        texts[name] = document.text
        for i, f in enumerate(extractor.extract(document).findings):
            finding = FindingText(f"{name}#{i}", f.organisation_id, name, gold["inspection"]["date"], f.text, f.kind, f.polarity, f.topic)
            findings.append(finding)
            spans[finding.id] = (f.evidence.start, f.evidence.end)
    predicted = [
        r for r in find_recurrences(findings)
        if any((r.earlier.document_id, r.later.document_id) == (p["earlier"], p["later"]) for p in annotations["pairs"])
    ]
    gold_spans = []
    for pair in annotations["pairs"]:
        for link in pair["links"]:
            gold_spans.append((pair["earlier"], locate(texts[pair["earlier"]], link["earlier"]), pair["later"], locate(texts[pair["later"]], link["later"]), link))
    used, score, errors = set(), Score(), []
    for r in predicted:
        match = next(
            (
                i for i, (ed, es, ld, ls, _) in enumerate(gold_spans)
                if i not in used and ed == r.earlier.document_id and ld == r.later.document_id
                and _overlaps(es, spans[r.earlier.id]) and _overlaps(ls, spans[r.later.id])
            ),
            None,
        )
        if match is None:
            score.fp += 1
            errors.append({"field": "recurrences-end-to-end", "error": "spurious", "predicted": [r.earlier.document_id, r.earlier.text, r.later.document_id, r.later.text]})
        else:
            used.add(match)
            score.tp += 1
    for i, (ed, _, ld, _, link) in enumerate(gold_spans):
        if i not in used:
            score.fn += 1
            errors.append({"field": "recurrences-end-to-end", "error": "missed", "gold": [ed, link["earlier"], ld, link["later"]]})
    return score, errors


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int]) -> bool:
    if a is None:
        return False
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) >= 0.5 * max(a[1] - a[0], b[1] - b[0])
