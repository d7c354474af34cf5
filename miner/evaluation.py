"""`miner eval`: precision, recall and F1 of the extractors against gold.

Gold comes from the project's annotated corpus (`corpora/gold/`, see
`corpora/ANNOTATION.md`) and, when present, the real Ofsted reports in
`../shared/data/ofsted-ilacs/` with their judgement tables.

Matching rules, so that figures are comparable between runs:
- gradings are facts: (organisation, area, grade, previous, count, out_of),
  as multisets per document;
- statistics match when the predicted figure lies inside the gold evidence
  and value (within 1%) and unit agree; the measure is scored on matched
  pairs (at least half of the gold measure's content words present);
- findings match when the spans overlap by at least half of the longer one;
  kind and polarity are scored on matched spans;
- organisations: the set of organisations mentioned, per document.
"""

from __future__ import annotations

import json
import pathlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from miner.nlp.pipeline import REPO_ROOT, Extractor
from miner.nlp.records import Extraction
from miner.nlp.scales import Scales
from miner.text import convert

CORPUS = REPO_ROOT / "corpora"
SHARED_OFSTED = REPO_ROOT.parent / "shared" / "data" / "ofsted-ilacs"
FLOORS = CORPUS / "eval_floors.json"
_STOP = {"of", "the", "a", "an", "in", "on", "by", "for", "to", "and", "with", "its", "their", "all", "who", "that", "were", "was", "is", "are"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    scores: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(Score)))  # group -> field -> Score
    errors: list = field(default_factory=list)

    def add(self, group: str, name: str, score: Score) -> None:
        self.scores[group][name].add(score)
        if group != "real-ofsted":  # reported on its own: a different gold, not the corpus
            self.scores["all"][name].add(score)

    def to_dict(self) -> dict:
        return {
            "scores": {g: {n: s.to_dict() for n, s in fields.items()} for g, fields in self.scores.items()},
            "errors": self.errors,
        }


def locate(text: str, evidence: str, start: int = 0) -> tuple[int, int] | None:
    """Offsets of `evidence` in `text`, ignoring white space and table bars."""
    tokens = evidence.replace("|", " ").split()
    if not tokens:
        return None
    pattern = r"[\s|]+".join(re.escape(t) for t in tokens)
    match = re.compile(pattern).search(text, start)
    return (match.start(), match.end()) if match else None


def gold_files(split: str) -> list[pathlib.Path]:
    files = sorted((CORPUS / "gold").rglob("*.json"))
    if split == "all":
        return files
    return [f for f in files if json.loads(f.read_text(encoding="utf-8")).get("split") == split]


def evaluate(split: str = "test", *, extractor: Extractor | None = None, include_real: bool = True) -> Report:
    extractor = extractor or Extractor()
    report = Report()
    scales = Scales.default()
    for path in gold_files(split):
        gold = json.loads(path.read_text(encoding="utf-8"))
        document_path = CORPUS / "documents" / gold["document"]
        document = convert(document_path.read_bytes(), str(document_path))
        document.url = str(document_path)
        extraction = extractor.extract(document)
        group = gold["document"].split("/")[0]
        _score_document(report, group, gold, document.text, extraction, scales)
    if include_real and SHARED_OFSTED.is_dir():
        _score_real_ofsted(report, extractor, scales)
    from miner.coverage.evaluation import score_coverage  # news checked against reports: its own module

    score_coverage(report, split, extractor)
    from miner.watch.evaluation import add_to_report as add_recurrence_scores

    add_recurrence_scores(report, split, extractor)
    return report


def _norm_grade(scales: Scales, scale: str | None, grade: str) -> str:
    if scale in scales.scales:
        return scales.scales[scale].normalise_grade(grade)
    return grade


def _score_document(report: Report, group: str, gold: dict, text: str, extraction: Extraction, scales: Scales) -> None:
    name = gold["document"]
    # Gradings: multisets of facts.
    gold_keys = Counter(
        (g["organisation"], g["area"], _norm_grade(scales, g.get("scale"), g["grade"]), bool(g["previous"]), g.get("count"), g.get("out_of"))
        for g in gold.get("gradings", [])
    )
    predicted_keys = Counter(dict.fromkeys((g.key() for g in extraction.gradings), 1))
    tp = sum((gold_keys & predicted_keys).values())
    report.add(group, "gradings", Score(tp, sum(predicted_keys.values()) - tp, sum(gold_keys.values()) - tp))
    for key in gold_keys - predicted_keys:
        evidence = next((g["evidence"] for g in gold["gradings"] if (g["organisation"], g["area"]) == key[:2]), "")
        report.errors.append({"document": name, "field": "gradings", "error": "missed", "gold": key, "evidence": evidence})
    for key in predicted_keys - gold_keys:
        evidence = next((g.evidence.sentence for g in extraction.gradings if g.key() == key), "")
        report.errors.append({"document": name, "field": "gradings", "error": "spurious", "predicted": key, "evidence": evidence})

    # Statistics.
    gold_stats = []
    for s in gold.get("statistics", []):
        span = locate(text, s["evidence"])
        if span:
            gold_stats.append((span, s))
    matched_gold: set[int] = set()
    value_score, measure_score, head_score = Score(), Score(), Score()
    for stat in extraction.statistics:
        match = None
        for i, ((start, end), s) in enumerate(gold_stats):
            if i in matched_gold or not (start <= stat.evidence.start < end):
                continue
            if s["unit"] == stat.unit and _close(s["value"], stat.value):
                match = i
                break
        if match is None:
            value_score.fp += 1
            measure_score.fp += 1
            head_score.fp += 1
            report.errors.append({"document": name, "field": "statistics", "error": "spurious", "predicted": [stat.value, stat.unit, stat.measure], "evidence": stat.evidence.sentence})
            continue
        matched_gold.add(match)
        value_score.tp += 1
        gold_measure = gold_stats[match][1].get("measure")
        for score, ok in ((measure_score, _measure_ok(gold_measure, stat.measure)), (head_score, _measure_shares_word(gold_measure, stat.measure))):
            if ok:
                score.tp += 1
            else:
                score.fp += 1
                score.fn += 1
    for i, (_, s) in enumerate(gold_stats):
        if i not in matched_gold:
            value_score.fn += 1
            measure_score.fn += 1
            head_score.fn += 1
            report.errors.append({"document": name, "field": "statistics", "error": "missed", "gold": [s["value"], s["unit"], s.get("measure")], "evidence": s["evidence"]})
    report.add(group, "statistics", value_score)
    report.add(group, "statistics+measure", measure_score)
    report.add(group, "statistics+measure-word", head_score)

    # Findings.
    gold_findings = []
    for f in gold.get("findings", []):
        span = locate(text, f["evidence"])
        if span:
            gold_findings.append((span, f))
    span_score, kind_score, polarity_score, topic_score = Score(), Score(), Score(), Score()
    used: set[int] = set()
    for finding in extraction.findings:
        start, end = finding.evidence.start, finding.evidence.end
        best, best_overlap = None, 0.0
        for i, ((gs, ge), f) in enumerate(gold_findings):
            if i in used:
                continue
            overlap = max(0, min(end, ge) - max(start, gs)) / max(end - start, ge - gs)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is None or best_overlap < 0.5:
            for s in (span_score, kind_score, polarity_score, topic_score):
                s.fp += 1
            report.errors.append({"document": name, "field": "findings", "error": "spurious", "predicted": [finding.kind, finding.polarity], "evidence": finding.text})
            continue
        used.add(best)
        f = gold_findings[best][1]
        span_score.tp += 1
        for s, ok in ((kind_score, f["kind"] == finding.kind), (polarity_score, f["polarity"] == finding.polarity), (topic_score, f.get("topic") == finding.topic)):
            if ok:
                s.tp += 1
            else:
                s.fp += 1
                s.fn += 1
        if f["kind"] != finding.kind or f["polarity"] != finding.polarity:
            report.errors.append({"document": name, "field": "findings", "error": "label", "gold": [f["kind"], f["polarity"]], "predicted": [finding.kind, finding.polarity], "evidence": finding.text})
    for i, (_, f) in enumerate(gold_findings):
        if i not in used:
            for s in (span_score, kind_score, polarity_score, topic_score):
                s.fn += 1
            report.errors.append({"document": name, "field": "findings", "error": "missed", "gold": [f["kind"], f["polarity"]], "evidence": f["evidence"]})
    report.add(group, "findings", span_score)
    report.add(group, "findings+kind", kind_score)
    report.add(group, "findings+polarity", polarity_score)
    report.add(group, "findings+topic", topic_score)

    # Organisations: the set mentioned.
    gold_orgs = {o["id"] for o in gold.get("organisations", [])}
    predicted_orgs = {o["id"] for o in extraction.organisations if o["id"]}
    tp = len(gold_orgs & predicted_orgs)
    report.add(group, "organisations", Score(tp, len(predicted_orgs - gold_orgs), len(gold_orgs - predicted_orgs)))
    for org in gold_orgs - predicted_orgs:
        report.errors.append({"document": name, "field": "organisations", "error": "missed", "gold": org})
    for org in predicted_orgs - gold_orgs:
        report.errors.append({"document": name, "field": "organisations", "error": "spurious", "predicted": org})
    subject_ok = gold.get("subject") == extraction.subject_id
    report.add(group, "subject", Score(int(subject_ok), int(not subject_ok), int(not subject_ok)))
    if not subject_ok:
        report.errors.append({"document": name, "field": "subject", "error": "wrong", "gold": gold.get("subject"), "predicted": extraction.subject_id})


def _close(a: float, b: float | None) -> bool:
    if b is None:
        return False
    return abs(a - b) <= max(abs(a), abs(b)) * 0.01 + 1e-9


def _content_words(text: str | None) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in _STOP}


def _measure_ok(gold: str | None, predicted: str | None) -> bool:
    gold_words = _content_words(gold)
    if not gold_words:
        return True
    return len(gold_words & _content_words(predicted)) >= max(1, len(gold_words) / 2)


def _measure_shares_word(gold: str | None, predicted: str | None) -> bool:
    """Lenient: the measure names at least one of the gold measure's content words."""
    gold_words = {w for w in _content_words(gold) if len(w) > 2}
    return not gold_words or bool(gold_words & _content_words(predicted))


def _score_real_ofsted(report: Report, extractor: Extractor, scales: Scales) -> None:
    """Current judgements from the real reports' tables against gold_gradings.jsonl."""
    ofsted = scales.scales["ofsted"]
    for line in (SHARED_OFSTED / "gold_gradings.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if gold["gradings"] is None:
            continue  # not a readable report
        path = SHARED_OFSTED / gold["file"]
        document = convert(path.read_bytes(), str(path))
        document.url = str(path)
        extraction = extractor.extract(document)
        gold_keys = {(area, ofsted.normalise_grade(grade)) for area, grade in gold["gradings"].items()}
        predicted = {
            (g.area, g.grade) for g in extraction.gradings
            if not g.previous and g.area and g.count is None and g.scale == "ofsted" and g.organisation_id == extraction.subject_id
        }
        tp = len(gold_keys & predicted)
        report.add("real-ofsted", "gradings", Score(tp, len(predicted - gold_keys), len(gold_keys - predicted)))
        for key in gold_keys - predicted:
            report.errors.append({"document": gold["file"], "field": "gradings", "error": "missed", "gold": key})
        for key in predicted - gold_keys:
            evidence = next((g.evidence.sentence for g in extraction.gradings if (g.area, g.grade) == key), "")
            report.errors.append({"document": gold["file"], "field": "gradings", "error": "spurious", "predicted": key, "evidence": evidence})


def check_floors(report: Report, split: str) -> list[str]:
    """Figures below their committed floor, as messages."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8")).get(split, {}) if FLOORS.exists() else {}
    failures = []
    for group, fields in floors.items():
        for name, floor in fields.items():
            score = report.scores.get(group, {}).get(name)
            if score is None:
                continue
            if score.f1 < floor:
                failures.append(f"{group} {name}: F1 {score.f1:.3f} is below its floor {floor:.3f}")
    return failures


def render(report: Report, *, show_errors: int = 0) -> str:
    lines = [f"{'group':<16}{'field':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    order = ["gradings", "statistics", "statistics+measure", "statistics+measure-word", "findings", "findings+kind", "findings+polarity", "findings+topic", "organisations", "subject"]
    order += ["misreports", "supported", "links"]  # group "coverage" (miner/coverage/evaluation.py)
    order += ["recurrences", "recurring-concerns", "recurrences-end-to-end"]  # group "recurrence" (miner/watch/evaluation.py)
    for group in sorted(report.scores, key=lambda g: (g in ("all", "real-ofsted"), g)):
        for name in order:
            score = report.scores[group].get(name)
            if score is None or score.tp + score.fp + score.fn == 0:
                continue
            lines.append(f"{group:<16}{name:<22}{score.precision:>7.3f}{score.recall:>7.3f}{score.f1:>7.3f}{score.tp:>6}{score.fp:>6}{score.fn:>6}")
        lines.append("")
    from miner.coverage.evaluation import render_summary

    lines += render_summary(report)
    if show_errors:
        lines.append(f"errors (first {show_errors} of {len(report.errors)}):")
        for error in report.errors[:show_errors]:
            lines.append("  " + json.dumps(error, ensure_ascii=False, default=str))
    return "\n".join(lines)
