"""The coverage checks on the annotated dev corpus: planted misreports flagged, no correct claim flagged, floors held."""

import json

import pytest

from miner.coverage.evaluation import score_coverage, verdict_counts
from miner.evaluation import FLOORS, Report


@pytest.fixture(scope="module")
def report(extractor):
    scored = Report()
    score_coverage(scored, "dev", extractor)
    return scored


def test_corpus_has_planted_misreports():
    counts = verdict_counts("dev")
    assert counts["contradicted"] >= 20 and counts["supported"] >= 60


def test_every_planted_misreport_in_coverage_dev_is_flagged(report):
    missed = [e for e in report.errors if e["document"].startswith("coverage-dev/") and e["error"] != "missed by extractor"]
    assert missed == []


def test_no_correct_claim_flagged(report):
    assert report.scores["coverage"]["misreports"].fp == 0


def test_coverage_floors(report):
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["dev"]["coverage"]
    below = {name: report.scores["coverage"][name].f1 for name, floor in floors.items() if report.scores["coverage"][name].f1 < floor}
    assert below == {}
