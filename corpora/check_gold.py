"""Check the gold annotations against the documents they describe.

For every `corpora/gold/**/*.json`: load the document through
`miner.text.convert` and confirm that each evidence string (gradings,
statistics, findings) occurs in the converted text, and that the labels use
the vocabulary of ANNOTATION.md and `miner/nlp/data/scales.json`.

Matching ignores differences in white space, and treats a table-cell
separator ("|") as white space: HTML table rows come out as "Area | Grade"
while a PDF table row comes out as "Area Grade" (or split over lines).

Usage:
    python corpora/check_gold.py                 # every gold file
    python corpora/check_gold.py peel press-releases   # only these sub-folders
    python corpora/check_gold.py -v              # also list the files that pass

Exit status 1 when anything is missing or malformed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from miner.text import convert  # noqa: E402

GOLD = ROOT / "gold"
DOCUMENTS = ROOT / "documents"
SCALES = json.loads((ROOT.parent / "miner/nlp/data/scales.json").read_text(encoding="utf-8"))["scales"]

SPLITS = {"dev", "test"}
DOC_KINDS = {"report", "news", "press-release", "other"}
FINDING_KINDS = {"cause_of_concern", "area_for_improvement", "recommendation", "innovative_practice", "finding"}
POLARITIES = {"positive", "negative", "neutral"}
TOPICS = {
    "call_handling", "investigation", "vulnerability", "offender_management", "crime_prevention",
    "use_of_powers", "workforce", "leadership", "resources", "data_and_records", "victims",
    "children_in_care", "partnership", "custody_and_detention", "health_and_care",
}
UNITS = {
    "count", "percent", "percentage_points", "gbp", "per_100000", "rate", "ratio", "days", "hours",
    "minutes", "seconds", "weeks", "months", "years", "multiplier",
}
DIRECTIONS = {None, "up", "down", "unchanged"}
VERDICTS = {"supported", "contradicted", "not_found"}


def squash(text: str) -> str:
    """White space collapsed; table-cell bars count as white space."""
    return " ".join(text.replace("|", " ").split())


def check_labels(gold: dict) -> list[str]:
    problems = []
    if gold.get("split") not in SPLITS:
        problems.append(f"split {gold.get('split')!r} is not dev or test")
    if gold.get("kind") not in DOC_KINDS:
        problems.append(f"kind {gold.get('kind')!r} is not one of {sorted(DOC_KINDS)}")
    for g in gold.get("gradings", []):
        scale = SCALES.get(g.get("scale"))
        if scale is None:
            problems.append(f"grading {g.get('evidence')!r}: unknown scale {g.get('scale')!r}")
            continue
        if g.get("area") is not None and g["area"] not in scale["areas"]:
            problems.append(f"grading {g['evidence']!r}: area {g['area']!r} is not a canonical area of {g['scale']}")
        if g.get("count") is None and g.get("grade") not in scale["grades"]:
            problems.append(f"grading {g['evidence']!r}: grade {g.get('grade')!r} is not on scale {g['scale']}")
        if g.get("count") is None and g.get("area") is None:
            problems.append(f"grading {g['evidence']!r}: needs an area or a count")
        if not isinstance(g.get("previous"), bool):
            problems.append(f"grading {g['evidence']!r}: previous must be true or false")
    for s in gold.get("statistics", []):
        if s.get("unit") not in UNITS:
            problems.append(f"statistic {s.get('evidence')!r}: unit {s.get('unit')!r}")
        if not isinstance(s.get("value"), (int, float)):
            problems.append(f"statistic {s.get('evidence')!r}: value {s.get('value')!r} is not a number")
        if s.get("direction") not in DIRECTIONS:
            problems.append(f"statistic {s.get('evidence')!r}: direction {s.get('direction')!r}")
    coverage = gold.get("coverage")
    if coverage is not None:
        reports = (coverage.get("reports") if isinstance(coverage, dict) else None) or []
        if not isinstance(reports, list) or not reports or not all((DOCUMENTS / r).exists() for r in reports):
            problems.append(f"coverage reports {reports!r} must be a list of documents in corpora/documents")
        for section in ("gradings", "statistics"):
            for record in gold.get(section, []):
                claim = record.get("coverage")
                if claim is None:
                    problems.append(f"{section} {record.get('evidence')!r}: the article has coverage, so every claim needs one")
                elif claim.get("verdict") not in VERDICTS or claim.get("report") not in reports:
                    problems.append(f"{section} {record.get('evidence')!r}: coverage {claim!r} needs a verdict in {sorted(VERDICTS)} and one of the article's reports")
    for f in gold.get("findings", []):
        if f.get("kind") not in FINDING_KINDS:
            problems.append(f"finding {f.get('evidence')!r}: kind {f.get('kind')!r}")
        if f.get("polarity") not in POLARITIES:
            problems.append(f"finding {f.get('evidence')!r}: polarity {f.get('polarity')!r}")
        if f.get("topic") not in TOPICS:
            problems.append(f"finding {f.get('evidence')!r}: topic {f.get('topic')!r}")
    return problems


def check_file(gold_path: Path) -> tuple[list[str], dict]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    document = DOCUMENTS / gold["document"]
    expected = gold_path.relative_to(GOLD).as_posix()[: -len(".json")]
    problems = []
    if gold["document"] != expected:
        problems.append(f"'document' is {gold['document']!r} but the gold file says {expected!r}")
    if not document.exists():
        return problems + [f"document {document.relative_to(ROOT)} does not exist"], {}
    converted = convert(document.read_bytes(), name=document.name)
    text = squash(converted.text)
    counts = {}
    for section in ("gradings", "statistics", "findings"):
        records = gold.get(section, [])
        counts[section] = len(records)
        for record in records:
            evidence = record.get("evidence") or ""
            if not evidence.strip():
                problems.append(f"{section}: empty evidence")
            elif squash(evidence) not in text:
                problems.append(f"{section}: not found: {evidence!r}")
    return problems + check_labels(gold), counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check that gold evidence occurs in the converted documents.")
    parser.add_argument("folders", nargs="*", help="sub-folders of corpora/gold to check (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list passing files too")
    args = parser.parse_args(argv)
    roots = [GOLD / f for f in args.folders] or [GOLD]
    files = sorted(p for root in roots for p in root.rglob("*.json"))
    failed = 0
    totals = {"gradings": 0, "statistics": 0, "findings": 0}
    for path in files:
        try:
            problems, counts = check_file(path)
        except Exception as error:  # a broken file should not hide the others
            problems, counts = [f"{type(error).__name__}: {error}"], {}
        for key, n in counts.items():
            totals[key] += n
        name = path.relative_to(GOLD).as_posix()
        if problems:
            failed += 1
            print(f"FAIL {name}")
            for problem in problems:
                print(f"  {problem}")
        elif args.verbose:
            print(f"ok   {name} ({', '.join(f'{n} {k}' for k, n in counts.items())})")
    print(
        f"{len(files)} gold files, {failed} with problems; "
        f"{totals['gradings']} gradings, {totals['statistics']} statistics, {totals['findings']} findings"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
