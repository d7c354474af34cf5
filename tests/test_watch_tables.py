"""The watch tables and views on a small, exact fixture (tests/watch_fixture.py)."""

import json

import pytest

from miner.watch.charts import grades_chart
from miner.watch.store import rebuild
from tests import watch_fixture


@pytest.fixture
def db(db_path):
    database = watch_fixture.build(db_path)
    rebuild(database)
    return database


def test_recurrences_link_each_inspection_to_the_next(db):
    rows = [
        (r["earlier_finding_id"], r["later_finding_id"], r["earlier_document_id"], r["later_document_id"], r["years_apart"], r["organisation_id"])
        for r in db.query("select * from recurrences order by earlier_finding_id")
    ]
    # The news article's finding (7) restates the report: it takes no part.
    assert rows == [(1, 4, 1, 2, 2.1, "birmingham-city-council"), (4, 6, 2, 3, 4.2, "birmingham-city-council")]
    for row in db.query("select similarity from recurrences"):
        assert 0.15 <= row["similarity"] <= 1


def test_concern_status(db):
    rows = {r["finding_id"]: (r["status"], r["next_document_id"], r["n_recurrences"]) for r in db.query("select * from concern_status")}
    assert rows == {
        1: ("recurring", 2, 1),
        2: ("possibly_resolved", 2, 0),
        4: ("recurring", 3, 1),
        5: ("possibly_resolved", 3, 0),
        6: ("open", None, 0),
    }


def test_themes_and_trend(db):
    themes = list(db.query("select * from themes"))
    assert len(themes) == 1
    theme = themes[0]
    assert (theme["topic"], theme["n_findings"], theme["n_documents"], theme["n_organisations"]) == ("vulnerability", 3, 3, 1)
    assert (theme["first_seen"], theme["last_seen"]) == ("2016-11-25", "2023-04-18")
    assert theme["label"].startswith("vulnerability: ")
    assert "home interviews" in theme["label"] or "return home" in theme["label"]
    assert "topic_" not in theme["label"] and "topic_" not in theme["keywords"]
    assert {r["finding_id"] for r in db.query("select * from finding_themes")} == {1, 4, 6}
    trend = [(r["year"], r["n_findings"]) for r in db.query("select * from theme_trend order by year")]
    assert trend == [(2016, 1), (2019, 1), (2023, 1)]


def test_grade_history_and_changes(db):
    history = [
        (r["area"], r["round"], r["inspection_date"], r["grade"], r["rank"], r["grading_id"])
        for r in db.query("select * from grade_history order by area, round")
    ]
    # Previous-inspection mentions (6) and the news article (7) are not history.
    assert history == [
        ("children in care", 1, "2019-01-17", "good", 3, 4),
        ("children in care", 2, "2023-04-18", "requires improvement to be good", 2, 5),
        ("overall effectiveness", 1, "2016-11-25", "inadequate", 1, 1),
        ("overall effectiveness", 2, "2019-01-17", "requires improvement to be good", 2, 2),
        ("overall effectiveness", 3, "2023-04-18", "good", 3, 3),
    ]
    changes = [
        (r["area"], r["previous_grade"], r["grade"], r["change"], r["previous_grading_id"], r["grading_id"])
        for r in db.query("select * from grade_changes order by area, inspection_date")
    ]
    assert changes == [
        ("children in care", "good", "requires improvement to be good", "declined", 4, 5),
        ("overall effectiveness", "inadequate", "requires improvement to be good", "improved", 1, 2),
        ("overall effectiveness", "requires improvement to be good", "good", "improved", 2, 3),
    ]


def test_rebuild_replaces_rows_and_logs_runs(db):
    first = db["recurrences"].count, db["themes"].count, db["concern_status"].count
    summary = rebuild(db)
    assert (db["recurrences"].count, db["themes"].count, db["concern_status"].count) == first
    assert db["watch_runs"].count == 2
    run = list(db.query("select * from watch_runs order by id desc limit 1"))[0]
    assert (run["n_findings"], run["n_themes"], run["n_recurrences"]) == (6, 1, 2)
    assert json.loads(run["options"])["threshold"] == 0.15
    assert summary.statuses == {"recurring": 2, "possibly_resolved": 2, "open": 1}


def test_reextracting_a_document_drops_its_derived_rows(db):
    # The writer deletes a document's findings before storing new ones; with
    # foreign keys on, the derived rows must go too rather than block it.
    db.execute("delete from findings where document_id = 2")
    db.conn.commit()
    assert [(r["earlier_finding_id"], r["later_finding_id"]) for r in db.query("select * from recurrences")] == []
    assert {r["finding_id"] for r in db.query("select finding_id from finding_themes")} == {1, 6}


def test_boilerplate_shared_by_several_organisations_is_ignored():
    from miner.watch.vectors import FindingText, drop_boilerplate

    text = "It regulates and inspects childcare and children's social care."
    findings = [FindingText(i, org, i, "2020-01-01", text) for i, org in enumerate(["a", "b", "c"])]
    findings.append(FindingText(9, "a", 9, "2020-01-01", "Return home interviews are not offered."))
    assert [f.id for f in drop_boilerplate(findings)] == [9]


def test_grades_chart_escapes_labels():
    svg = grades_chart("A & B <Council>", [
        {"area": "<script>alert(1)</script>", "grade": "good", "rank": 3, "inspection_date": "2019-01-17", "scale": "ofsted"},
        {"area": "<script>alert(1)</script>", "grade": "inadequate", "rank": 1, "inspection_date": "2023-01-17", "scale": "ofsted"},
    ])
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg and "A &amp; B &lt;Council&gt;" in svg
    assert svg.count("<circle") == 2 and "<polyline" in svg
