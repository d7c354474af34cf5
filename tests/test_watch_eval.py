"""Recurrence scoring against annotations, and the annotations themselves."""

import json

from miner.evaluation import Report, render
from miner.watch.evaluation import ANNOTATIONS, add_to_report, gold_findings, score_recurrences
from miner.watch.vectors import FindingText


def _finding(i, doc, date, text):
    return FindingText(i, "org", doc, date, text, "area_for_improvement", "negative", "vulnerability")


FINDINGS = [
    _finding(1, "a.html", "2019-01-01", "Return home interviews are not offered to children who go missing."),
    _finding(2, "a.html", "2019-01-01", "Pathway plans for care leavers are out of date."),
    _finding(3, "b.html", "2023-01-01", "Children who go missing are not always offered a return home interview."),
    _finding(4, "b.html", "2023-01-01", "The backlog of digital devices is growing."),
]


def test_scores_links_and_concerns_exactly():
    annotations = {"pairs": [{"organisation": "org", "earlier": "a.html", "later": "b.html", "links": [
        {"earlier": FINDINGS[0].text, "later": FINDINGS[2].text},
        {"earlier": FINDINGS[1].text, "later": FINDINGS[3].text},  # deliberately one the linker cannot find
    ]}]}
    links, concerns, errors = score_recurrences(FINDINGS, annotations=annotations)
    assert (links.tp, links.fp, links.fn) == (1, 0, 1)
    assert (concerns.tp, concerns.fp, concerns.fn) == (1, 0, 1)
    assert errors == [{"field": "recurrences", "error": "missed", "gold": ["a.html", FINDINGS[1].text, "b.html", FINDINGS[3].text]}]


def test_annotations_name_gold_findings():
    texts = {(f.document_id, f.text) for f in gold_findings()}
    annotations = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    assert len(annotations["pairs"]) == 7
    for pair in annotations["pairs"]:
        assert pair["links"], pair["earlier"]
        for link in pair["links"]:
            assert (pair["earlier"], link["earlier"]) in texts
            assert (pair["later"], link["later"]) in texts


def test_eval_hook_reports_recurrence_on_dev_only():
    report = Report()
    add_to_report(report, "dev")
    assert report.scores["recurrence"]["recurrences"].tp > 0
    assert "recurring-concerns" in render(report)
    assert "all" not in report.scores  # not mixed into the extraction figures
    test_report = Report()
    add_to_report(test_report, "test")
    assert "recurrence" not in test_report.scores
