"""Scoring the coverage checks against the annotated corpus (`miner eval` prints it).

Gold: a news gold file with a top-level `coverage: {"reports": [...]}` names
the reports the article covers; each of its gradings and statistics may carry
`coverage: {"verdict": ..., "report": ...}` (see corpora/ANNOTATION.md).

The corpus documents of the split are ingested into a scratch database, the
checks run as `miner check-coverage` runs them, and three figures come out:

- misreports: a planted or real misreport (gold `contradicted`) flagged
  contradicted is a true positive; one not flagged is a false negative;
  any other claim of those articles flagged contradicted is a false alarm
  (false positive), whether gold calls it supported, not_found, or the
  extractor made it up;
- supported: gold `supported` claims the checks also find supported;
- links: article -> report links against the gold's `reports`.

Claims the extractor never produced count against recall; how many of the
misses are the extractor's is listed in the errors ("missed by extractor").
"""

from __future__ import annotations

import json
import pathlib
import tempfile
from collections import Counter

from miner.nlp.scales import Scales

FIELDS = ("misreports", "supported", "links")


def coverage_gold(split: str) -> list[tuple[pathlib.Path, dict]]:
    from miner.evaluation import gold_files

    found = []
    for path in gold_files(split):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(gold.get("coverage"), dict):
            found.append((path, gold))
    return found


def score_coverage(report, split: str, extractor) -> None:
    """Add the coverage figures to an evaluation `Report` (group "coverage"); nothing if no gold has them."""
    from miner.evaluation import CORPUS, Score, gold_files, locate
    from miner.coverage import check_coverage
    from miner.ingest import Ingester
    from miner.sources import expand_sources
    from miner.store import open_database

    annotated = coverage_gold(split)
    if not annotated:
        return
    # Every document of the split is a candidate report or article, so links are scored against distractors too.
    paths = {json.loads(p.read_text(encoding="utf-8"))["document"] for p in gold_files(split)}
    for _, gold in annotated:
        paths.update(gold["coverage"].get("reports", []))
    scales = Scales.default()
    with tempfile.TemporaryDirectory(prefix="miner-coverage-eval-") as tmp:
        db = open_database(pathlib.Path(tmp) / "coverage.db")
        with Ingester(db, extractor=extractor, isolated=False) as ingester:
            ingester.ingest_all(expand_sources([str(CORPUS / "documents" / p) for p in sorted(paths)]))
        check_coverage(db)
        ids = {}
        for row in db.query("select id, url from latest_documents"):
            for path in paths:
                if row["url"].endswith("/" + path):
                    ids[path] = row["id"]
        misreports, supported, links = Score(), Score(), Score()
        for _, gold in annotated:
            name = gold["document"]
            article_id = ids.get(name)
            if article_id is None:
                report.errors.append({"document": name, "field": "coverage", "error": "not ingested"})
                continue
            text = db.execute("select text from documents where id = ?", [article_id]).fetchone()[0]
            gold_reports = {ids.get(r) for r in gold["coverage"].get("reports", [])}
            found_reports = {row[0] for row in db.execute("select report_id from coverage_links where article_id = ?", [article_id])}
            links.add(Score(len(gold_reports & found_reports), len(found_reports - gold_reports), len(gold_reports - found_reports)))
            for missing in gold_reports - found_reports:
                report.errors.append({"document": name, "field": "coverage", "error": "link missed", "gold": missing})
            for extra in found_reports - gold_reports:
                report.errors.append({"document": name, "field": "coverage", "error": "spurious link", "predicted": extra})
            checks = {(row["claim_kind"], row["claim_id"]): row for row in db.query("select * from claim_checks where article_id = ?", [article_id])}
            matched: set[tuple[str, int]] = set()
            for kind, records in (("grading", gold.get("gradings", [])), ("statistic", gold.get("statistics", []))):
                for record in records:
                    if "coverage" not in record:
                        continue
                    expected = record["coverage"]["verdict"]
                    key = _match(db, article_id, kind, record, text, scales, locate, matched)
                    got = checks[key]["verdict"] if key in checks else None
                    if key:
                        matched.add(key)
                    _tally(misreports, "contradicted", expected, got)
                    _tally(supported, "supported", expected, got)
                    if got != expected:
                        report.errors.append({
                            "document": name, "field": "coverage",
                            "error": "missed by extractor" if got is None else f"{got} for {expected}",
                            "evidence": record["evidence"],
                            "reason": checks[key]["reason"] if key in checks else None,
                        })
            for key, row in checks.items():
                if key not in matched and row["verdict"] == "contradicted":
                    misreports.fp += 1
                    report.errors.append({"document": name, "field": "coverage", "error": "false alarm on a claim not in the gold", "evidence": row["claim_text"], "reason": row["reason"]})
        db.close()
    for name, score in zip(FIELDS, (misreports, supported, links)):
        report.scores["coverage"][name].add(score)


def _tally(score, verdict: str, expected: str, got: str | None) -> None:
    """Count one claim towards the score of `verdict`."""
    if expected == verdict:
        if got == verdict:
            score.tp += 1
        else:
            score.fn += 1
    elif got == verdict:
        score.fp += 1


def _match(db, article_id: int, kind: str, record: dict, text: str, scales: Scales, locate, taken: set) -> tuple[str, int] | None:
    """The stored grading or statistic the gold record describes, as (claim_kind, id)."""
    if kind == "grading":
        scale = scales.scales.get(record.get("scale"))
        grade = scale.normalise_grade(record["grade"]) if scale else record["grade"]
        for row in db.query("select * from gradings where document_id = ? order by id", [article_id]):
            same = (row["organisation_id"], row["area"], row["grade"], bool(row["previous"]), row["count"], row["out_of"]) == (
                record["organisation"], record["area"], grade, record["previous"], record.get("count"), record.get("out_of"))
            if same and ("grading", row["id"]) not in taken:
                return ("grading", row["id"])
        return None
    span = locate(text, record["evidence"])
    if span is None:
        return None
    for row in db.query("select * from statistics where document_id = ? order by id", [article_id]):
        inside = span[0] <= (row["start"] or -1) < span[1]
        close = row["value"] is not None and abs(row["value"] - record["value"]) <= max(abs(row["value"]), abs(record["value"])) * 0.01 + 1e-9
        if inside and close and row["unit"] == record["unit"] and ("statistic", row["id"]) not in taken:
            return ("statistic", row["id"])
    return None


def verdict_counts(split: str) -> Counter:
    """How many annotated claims of each verdict the split holds (for the notes beside the scores)."""
    counts: Counter = Counter()
    for _, gold in coverage_gold(split):
        for section in ("gradings", "statistics"):
            counts.update(r["coverage"]["verdict"] for r in gold.get(section, []) if "coverage" in r)
    return counts


def render_summary(report) -> list[str]:
    """The coverage figures in words, under the table."""
    scores = report.scores.get("coverage") if "coverage" in report.scores else None
    if not scores:
        return []
    mis, links = scores["misreports"], scores["links"]
    return [
        f"coverage: misreports flagged contradicted {mis.tp} of {mis.tp + mis.fn} (recall {mis.recall:.3f}); "
        f"false alarms (other claims flagged contradicted) {mis.fp}; "
        f"links precision {links.precision:.3f} recall {links.recall:.3f}",
        "",
    ]
