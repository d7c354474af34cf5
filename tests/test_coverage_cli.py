"""`miner check-coverage`: the table, --json, the filters and bad input."""

import json

from click.testing import CliRunner

from miner.cli import cli
from tests.coverage_fixtures import coverage_db, figure, grade

CLAIMS = [grade("investigating crime", "inadequate", sentence="Inspectors rated the force inadequate at investigating crime.")]
FIGURES = [figure(26, "percent", "investigations with effective supervision", "26 per cent", "Only 26 per cent of investigations had effective supervision."),
           figure(987, "count", "digital devices awaiting examination", "987", "There are 987 digital devices awaiting examination.")]


def make(tmp_path):
    path = tmp_path / "c.db"
    db, report, article = coverage_db(path, CLAIMS, FIGURES)
    db.close()
    return str(path), report, article


def test_table_lists_article_claim_verdict_and_report_figure(tmp_path):
    path, _, article = make(tmp_path)
    result = CliRunner().invoke(cli, ["check-coverage", path, "-s"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["article", "claim", "verdict", "report", "says"]
    assert lines[2].split() == [str(article), "cleveland-article", "investigating", "crime:", "inadequate", "contradicted", "requires", "improvement"]
    assert f"{article} cleveland-article" in lines[3] and "26 per cent (investigations with" in lines[3] and lines[3].rstrip().endswith("contradicted  62 per cent")
    assert lines[4].rstrip().endswith("supported     987")
    assert len(lines) == 5


def test_verdict_filter(tmp_path):
    path, _, _ = make(tmp_path)
    result = CliRunner().invoke(cli, ["check-coverage", path, "-s", "--verdict", "supported"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == 3
    assert "987" in result.output and "contradicted" not in result.output


def test_json_output(tmp_path):
    path, report, article = make(tmp_path)
    result = CliRunner().invoke(cli, ["check-coverage", path, "--json", "--article", str(article)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["summary"] == {"articles": 1, "links": 1, "verdicts": {"contradicted": 2, "supported": 1}}
    first = data["checks"][0]
    assert (first["article_id"], first["report_id"], first["claim_kind"], first["verdict"], first["report_value"]) == (
        article, report, "grading", "contradicted", "requires improvement")
    assert first["report_title"] == "cleveland-2025-report"
    assert [c["verdict"] for c in data["checks"]] == ["contradicted", "contradicted", "supported"]


def test_article_by_url(tmp_path):
    path, _, article = make(tmp_path)
    result = CliRunner().invoke(cli, ["check-coverage", path, "--json", "--article", "https://example.org/cleveland-article"])
    assert result.exit_code == 0
    assert {c["article_id"] for c in json.loads(result.output)["checks"]} == {article}


def test_unknown_article_is_one_line_error(tmp_path):
    path, _, _ = make(tmp_path)
    result = CliRunner().invoke(cli, ["check-coverage", path, "--article", "no-such-article.html"])
    assert result.exit_code == 1
    assert result.output == "Error: no-such-article.html: no such document in the database (give a documents.id or its URL)\n"


def test_summary_line_unless_silent(tmp_path):
    path, _, _ = make(tmp_path)
    result = CliRunner().invoke(cli, ["check-coverage", path])
    assert result.exit_code == 0
    assert "1 articles, 1 links to reports; 1 supported, 2 contradicted, 0 not_found" in result.output


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["check-coverage", "--help"])
    assert "miner check-coverage reports.db --verdict contradicted" in result.output
