"""Recurrence and themes: the tuning sweep on the annotated corpus, and timing at scale.

    python benchmarks/watch.py [--findings N] [--skip-timing]

1. Recurrence sweep: for each threshold and top-k, precision/recall/F1 of
   the links and of "this concern recurs" against corpora/recurrences.json
   (on the gold findings, as `miner eval --split dev` scores them).
2. Themes sweep: for each cut distance, how many themes, how many findings
   they cover, and the share of annotated recurring pairs that land in the
   same theme (a repeat of a concern should share its theme).
3. Timing on synthetic findings (default 100,000: 250 organisations x 4
   inspections x 100 findings, sentences made from domain phrases): seconds
   for vectorising, linking recurrences and clustering themes, and peak RSS.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time

from corpus import ROOT, machine  # noqa: F401  (puts the checkout on sys.path)

from miner.watch.evaluation import gold_findings, gold_links, load_annotations, score_recurrences
from miner.watch.recurrence import find_recurrences
from miner.watch.themes import find_themes
from miner.watch.vectors import FindingText, vectorise

SUBJECTS = [
    "return home interviews for children who go missing", "management oversight of frontline practice",
    "pathway plans for care leavers", "the backlog of digital devices awaiting examination",
    "risk assessments in domestic abuse cases", "answering non-emergency calls", "supervision of investigations",
    "health assessments for children in care", "permanence planning", "the sufficiency of local placements",
    "vetting of officers and staff", "stop and search records", "registered sex offender risk assessments",
    "early help provided by partner agencies", "caseloads of social workers", "neighbourhood officers' time",
    "the quality of child protection plans", "thresholds applied by partners", "workforce wellbeing",
    "victims' needs assessments", "the response to homeless 16- and 17-year-olds", "private fostering arrangements",
]
FRAMES = [
    "The force should improve {s}.", "Inspectors found weaknesses in {s}.", "{S} is not good enough.",
    "The council needs to improve {s} in {place}.", "Leaders have not yet addressed {s}.", "There is delay in {s}.",
    "{S} remains inconsistent across {place}.", "Too little attention is paid to {s}.",
]
PLACES = ["the north of the county", "the city", "two districts", "the front door", "the assessment teams", "the control room"]
TOPICS = ["vulnerability", "leadership", "children_in_care", "investigation", "call_handling", "workforce", "partnership", "use_of_powers"]


def synthetic(n: int, seed: int = 0) -> list[FindingText]:
    rng = random.Random(seed)
    per_document, inspections = 100, 4
    organisations = max(1, n // (per_document * inspections))
    findings = []
    for org in range(organisations):
        for i in range(inspections):
            document = org * inspections + i
            for _ in range(per_document):
                subject = rng.choice(SUBJECTS)
                text = rng.choice(FRAMES).format(s=subject, S=subject[0].upper() + subject[1:], place=rng.choice(PLACES))
                findings.append(
                    FindingText(len(findings), f"org-{org}", document, f"{2013 + 3 * i}-0{1 + org % 9}-15", text,
                                "area_for_improvement", "negative", TOPICS[SUBJECTS.index(subject) % len(TOPICS)])
                )
    return findings[:n]


def recurrence_sweep() -> None:
    findings = gold_findings()
    annotations = load_annotations()
    print(f"Recurrence sweep: {sum(len(p['links']) for p in annotations['pairs'])} annotated links over {len(annotations['pairs'])} successive pairs")
    print(f"{'threshold':>9} {'top_k':>5} | {'links P':>7} {'R':>6} {'F1':>6} | {'concerns P':>10} {'R':>6} {'F1':>6}")
    for threshold in (0.08, 0.1, 0.12, 0.15, 0.18, 0.2, 0.25, 0.3):
        for top_k in (1, 2, 3, 5):
            links, concerns, _ = score_recurrences(findings, threshold=threshold, top_k=top_k, annotations=annotations)
            print(f"{threshold:>9.2f} {top_k:>5} | {links.precision:>7.3f} {links.recall:>6.3f} {links.f1:>6.3f} | {concerns.precision:>10.3f} {concerns.recall:>6.3f} {concerns.f1:>6.3f}")


def themes_sweep() -> None:
    findings = gold_findings("all")
    by_text = {(f.document_id, f.text): f.id for f in findings}
    pairs = [(by_text[(a_doc, a)], by_text[(b_doc, b)]) for a_doc, a, b_doc, b in gold_links()]
    print(f"\nThemes sweep over {len(findings)} gold findings of the annotated reports")
    print(f"{'distance':>8} {'themes':>6} {'covered':>7} {'mean size':>9} {'recurring pairs co-themed':>26}")
    for distance in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9):
        themes = find_themes(findings, distance=distance)
        theme_of = {f.id: i for i, t in enumerate(themes) for f in t.findings}
        together = sum(1 for a, b in pairs if a in theme_of and theme_of.get(a) == theme_of.get(b))
        covered = len(theme_of)
        print(f"{distance:>8.2f} {len(themes):>6} {covered:>7} {covered / max(1, len(themes)):>9.1f} {together / len(pairs):>26.3f}")


def timing(n: int) -> None:
    findings = synthetic(n)
    print(f"\nTiming on {len(findings):,} synthetic findings; machine: " + ", ".join(f"{k} {v}" for k, v in machine().items()))
    start = time.perf_counter()
    _, matrix = vectorise(findings)
    vectorised = time.perf_counter()
    links = find_recurrences(findings, matrix=matrix)
    linked = time.perf_counter()
    themes = find_themes(findings)
    clustered = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"vectorise  {vectorised - start:8.1f} s")
    print(f"recurrence {linked - vectorised:8.1f} s  ({len(links):,} links)")
    print(f"themes     {clustered - linked:8.1f} s  ({len(themes):,} themes; vectorises again)")
    print(f"peak RSS   {rss:8.0f} MB")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--skip-timing", action="store_true")
    args = parser.parse_args(argv)
    recurrence_sweep()
    themes_sweep()
    if not args.skip_timing:
        timing(args.findings)


if __name__ == "__main__":
    sys.exit(main())
