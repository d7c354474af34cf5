"""claim_checks and coverage_links on small, exact fixtures: one behaviour per test."""

import json

import pytest

from miner.coverage import check_coverage
from miner.coverage.claims import rounding_tolerance
from tests.coverage_fixtures import coverage_db, figure, grade


def verdicts(db, article):
    return [(row["claim_kind"], row["verdict"], row["report_value"]) for row in db.query("select * from claim_checks where article_id = ? order by id", [article])]


def test_article_links_to_the_report_it_covers_with_reasons(tmp_path):
    db, report, article = coverage_db(tmp_path / "c.db", [grade("investigating crime", "requires improvement")])
    check_coverage(db)
    links = list(db.query("select * from coverage_links"))
    assert [(l["article_id"], l["report_id"]) for l in links] == [(article, report)]
    assert links[0]["score"] == 0.8
    assert json.loads(links[0]["reasons"]) == [
        "same organisation (cleveland-police)", "article published 1 days after the report", "shares 1 grade with the report",
    ]


def test_article_before_the_report_is_not_linked(tmp_path):
    db, _, article = coverage_db(tmp_path / "c.db", [grade("investigating crime", "requires improvement")], published="2025-03-01")
    check_coverage(db)
    assert db["coverage_links"].count == 0
    assert verdicts(db, article) == [("grading", "not_found", None)]
    assert db.execute("select reason from claim_checks").fetchone()[0] == "no report in the database is linked to this article"


@pytest.mark.parametrize("claim, expected", [
    (grade("investigating crime", "requires improvement"), ("grading", "supported", "requires improvement")),
    (grade("investigating crime", "inadequate"), ("grading", "contradicted", "requires improvement")),
    (grade("good use of resources", "good"), ("grading", "not_found", None)),
])
def test_area_grades(tmp_path, claim, expected):
    db, _, article = coverage_db(tmp_path / "c.db", [claim])
    check_coverage(db)
    assert verdicts(db, article) == [expected]


@pytest.mark.parametrize("count, out_of, grade_word, verdict, value", [
    (4, 8, "good", "supported", "good in 4 of 8 areas"),
    (4, None, "good", "supported", "good in 4 of 8 areas"),
    (5, 8, "good", "contradicted", "good in 4 of 8 areas"),
    (2, 8, "failing", "supported", "failing in 2 of 8 areas"),
    (7, 8, "failing", "contradicted", "failing in 2 of 8 areas"),
    (4, 9, "good", "not_found", "good in 4 of 8 areas"),  # more areas than the report's grades found: extraction may have missed one
    (4, 7, "good", "contradicted", "good in 4 of 8 areas"),
])
def test_counts_of_areas_against_the_reports_grades(tmp_path, count, out_of, grade_word, verdict, value):
    claim = grade(None, grade_word, count=count, out_of=out_of, sentence=f"rated {grade_word} in {count} of {out_of} areas")
    db, _, article = coverage_db(tmp_path / "c.db", [claim])
    check_coverage(db)
    assert verdicts(db, article) == [("grading", verdict, value)]


def test_previous_grade_checked_against_the_earlier_report(tmp_path):
    claim = grade("efficiency", "good", previous=True, year=2019, sentence="In 2019 it was rated good for efficiency.")
    db, _, article = coverage_db(tmp_path / "c.db", [claim])
    check_coverage(db)
    row = db.execute("select verdict, report_value, report_id from claim_checks").fetchone()
    assert row[:2] == ("contradicted", "inadequate")
    assert db.execute("select title from documents where id = ?", [row[2]]).fetchone()[0] == "cleveland-2019-report"


@pytest.mark.parametrize("value, unit, measure, text, sentence, change, verdict, report_value", [
    (62, "percent", "investigations reviewed with effective supervision", "62 per cent",
     "Inspectors said 62 per cent of investigations reviewed had effective supervision.", {}, "supported", "62 per cent"),
    (26, "percent", "investigations reviewed with effective supervision", "26 per cent",
     "Only 26 per cent of investigations reviewed had effective supervision.", {}, "contradicted", "62 per cent"),
    (0.3333, "ratio", "victim needs assessment", "a third",
     "A victim needs assessment was done in only a third of cases.", {}, "supported", "33.6 per cent"),
    (1000, "count", "digital devices awaiting examination", "1,000",
     "Nearly 1,000 digital devices are awaiting examination.", {}, "supported", "987"),
    (1500, "count", "digital devices awaiting examination", "1,500",
     "Some 1,500 digital devices are awaiting examination.", {}, "contradicted", "987"),
    (2, "multiplier", "neighbourhood officers", "doubled",
     "The number of neighbourhood officers has doubled since 2021.", {"direction": "up"}, "contradicted", "124 to 196 (+58%)"),
    (0.5, "ratio", "neighbourhood officers", "half",
     "The number of neighbourhood officers rose by more than half since 2021.", {"direction": "up"}, "supported", "124 to 196 (+58%)"),
    (0.5, "ratio", "neighbourhood officers", "half",
     "The number of neighbourhood officers rose by half since 2021.", {"direction": "up"}, "contradicted", "124 to 196 (+58%)"),
    (0.5, "ratio", "antisocial behaviour", "half",
     "Reports of antisocial behaviour fell by half in two years.", {"direction": "down"}, "contradicted", "a third (-33%)"),
    (196, "count", "neighbourhood officers", "124 in 2021 to 196",
     "Neighbourhood officers rose from 124 in 2021 to 196.", {"change_from": 124, "change_to": 196, "direction": "up"}, "supported", "124 to 196 (+58%)"),
    (91, "percent", "999 calls answered within ten seconds", "91 per cent",
     "The force answered 91 per cent of 999 calls within ten seconds.", {}, "not_found", None),
])
def test_figures(tmp_path, value, unit, measure, text, sentence, change, verdict, report_value):
    db, _, article = coverage_db(tmp_path / "c.db", article_figures=[figure(value, unit, measure, text, sentence, **change)])
    check_coverage(db)
    assert verdicts(db, article) == [("statistic", verdict, report_value)]


def test_contradiction_keeps_the_reports_evidence_and_offsets(tmp_path):
    claim = figure(26, "percent", "investigations with effective supervision", "26 per cent", "Only 26 per cent of investigations had effective supervision.")
    db, report, article = coverage_db(tmp_path / "c.db", article_figures=[claim])
    check_coverage(db)
    row = next(db.query("select * from claim_checks"))
    text = db.execute("select text from documents where id = ?", [report]).fetchone()[0]
    assert row["report_evidence"] == "We found that 62 per cent of the investigations we reviewed had effective supervision."
    assert text[row["report_start"]:row["report_end"]] == "62 per cent"
    assert row["claim_text"] == "Only 26 per cent of investigations had effective supervision."
    assert row["reason"].startswith("26 against the report's 62 (percent)")


def test_recomputing_gives_the_same_rows(tmp_path):
    db, _, _ = coverage_db(tmp_path / "c.db", [grade("investigating crime", "inadequate")])
    check_coverage(db)
    first = list(db.query("select article_id, report_id, claim_kind, claim_id, verdict, reason from claim_checks"))
    check_coverage(db)
    assert list(db.query("select article_id, report_id, claim_kind, claim_id, verdict, reason from claim_checks")) == first
    assert db["coverage_links"].count == 1


@pytest.mark.parametrize("value, text, hedge, tolerance", [
    (91, "91 per cent", False, 0.5),
    (7.4, "7.4 per cent", False, 0.05),
    (1900, "1,900", False, 50),
    (1000, "1,000", False, 50),
    (1000, "1,000", True, 100),
    (9_400_000, "£9.4m", False, 50_000),
    (10, "10 per cent", True, 1.0),
])
def test_rounding_rules(value, text, hedge, tolerance):
    assert rounding_tolerance(value, text, hedge=hedge) == pytest.approx(tolerance)


def test_roundup_links_one_report_per_organisation_and_checks_each_claim_against_its_own(tmp_path):
    from miner.nlp.records import Evidence, GradingRecord

    sentence = "Durham was rated outstanding at investigating crime."
    durham = GradingRecord("durham-constabulary", "investigating crime", "outstanding", "peel-2021", Evidence(sentence, 0, len(sentence)))
    db, cleveland_report, article = coverage_db(tmp_path / "c.db", [grade("investigating crime", "requires improvement"), durham])
    check_coverage(db)
    linked = dict(db.execute("select d.subject_id, l.report_id from coverage_links l join documents d on d.id = l.report_id").fetchall())
    assert set(linked) == {"cleveland-police", "durham-constabulary"}
    assert linked["cleveland-police"] == cleveland_report  # not the 2019 report of the same force
    rows = db.execute("select report_id, verdict from claim_checks where article_id = ? order by id", [article]).fetchall()
    assert rows == [(cleveland_report, "supported"), (linked["durham-constabulary"], "supported")]


def test_figure_the_reports_extractor_missed_is_found_in_its_text(tmp_path):
    claim = figure(1470, "count", "police staff in the control room and custody suites", "1,470",
                   "The force has 1,470 police staff working in its control room and custody suites.")
    db, report, _ = coverage_db(tmp_path / "c.db", article_figures=[claim])
    check_coverage(db)
    row = next(db.query("select * from claim_checks"))
    assert (row["verdict"], row["report_value"]) == ("supported", "1,470")
    text = db.execute("select text from documents where id = ?", [report]).fetchone()[0]
    assert text[row["report_start"]:row["report_end"]] == "1,470"
    assert row["reason"].startswith("the report's text states 1,470 (not among its extracted figures)")


def test_a_different_number_in_the_text_is_not_a_contradiction(tmp_path):
    claim = figure(2100, "count", "police staff in the control room and custody suites", "2,100",
                   "The force has 2,100 police staff working in its control room and custody suites.")
    db, _, _ = coverage_db(tmp_path / "c.db", article_figures=[claim])
    check_coverage(db)
    assert db.execute("select verdict from claim_checks").fetchone()[0] == "not_found"


def test_earlier_grade_the_report_recalls_in_prose(tmp_path):
    claim = grade("preventing crime", "inadequate", previous=True, year=2021, sentence="In 2021 it was inadequate at preventing crime.")
    db, report, _ = coverage_db(tmp_path / "c.db", [claim])
    check_coverage(db)
    row = next(db.query("select * from claim_checks"))
    assert (row["verdict"], row["report_id"], row["report_value"]) == ("supported", report, "inadequate")
    assert row["report_evidence"] == "In our 2021 inspection we graded the force inadequate at preventing crime."


def test_a_change_the_reports_extractor_split_in_two_is_rejoined(tmp_path):
    from miner.store import open_database
    from tests.coverage_fixtures import store

    sickness = "Sickness absence has fallen from 11.2 days per officer in 2022 to 8.1 days in 2024."
    db = open_database(tmp_path / "c.db")
    store(db, "report", kind="report", published="2025-04-11", statistics=[
        figure(11.2, "days", "sickness absence", "11.2 days", sickness, direction="down"),
        figure(8.1, "days", "officer", "8.1 days", sickness),
    ])
    article = store(db, "article", kind="news", published="2025-04-12", statistics=[
        figure(0.5, "multiplier", "sickness absence", "halved", "Sickness absence has halved since 2022, the report said, thanks to a new service.", direction="down"),
    ])
    check_coverage(db)
    assert verdicts(db, article) == [("statistic", "contradicted", "11.2 to 8.1 (-28%)")]
