import json
import shutil

import click
import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from miner.cli import cli
from tests.conftest import FIXTURES, ROOT


@pytest.fixture
def corpus_dir(tmp_path):
    target = tmp_path / "docs"
    target.mkdir()
    shutil.copy(FIXTURES / "peel-report.html", target / "durham.html")
    (target / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    (target / "empty.txt").write_bytes(b"")
    return target


def test_ingest_reports_each_failure_and_exits_1(db_path, corpus_dir):
    result = CliRunner().invoke(cli, ["ingest", db_path, str(corpus_dir), "--json", "-s"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["added"], summary["failed"]) == (1, 2)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {corpus_dir / 'broken.pdf'}: damaged or truncated PDF (no readable document structure)",
        f"error: {corpus_dir / 'empty.txt'}: empty file (0 bytes)",
    ]
    db = Database(db_path)
    assert db["documents"].count == 1
    assert {r["stage"] for r in db["failures"].rows} == {"convert"}


def test_ingest_missing_file(db_path, tmp_path):
    missing = tmp_path / "nope.pdf"
    result = CliRunner().invoke(cli, ["ingest", db_path, str(missing), "-s"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {missing}: cannot read (No such file or directory)"


def test_ingest_twice_is_idempotent_and_extract_replaces_records(db_path, corpus_dir):
    runner = CliRunner()
    runner.invoke(cli, ["ingest", db_path, str(corpus_dir / "durham.html"), "-s"])
    db = Database(db_path)
    before = [dict(r) for r in db["gradings"].rows]
    second = runner.invoke(cli, ["ingest", db_path, str(corpus_dir / "durham.html"), "--json", "-s"])
    assert json.loads(second.stdout)["unchanged"] == 1
    extracted = runner.invoke(cli, ["extract", db_path, "--json", "-s"])
    assert extracted.exit_code == 0, extracted.output
    assert json.loads(extracted.stdout)["extracted"] == 1
    after = [dict(r) for r in Database(db_path)["gradings"].rows]
    strip = lambda rows: [{k: v for k, v in r.items() if k != "id"} for r in rows]
    assert strip(after) == strip(before)


def test_show_prints_records_with_evidence():
    result = CliRunner().invoke(cli, ["show", str(FIXTURES / "peel-report.html")])
    assert result.exit_code == 0, result.output
    assert "GRADINGS (3)" in result.output
    assert "investigating crime" in result.output and "outstanding" in result.output
    assert "88.4 per cent" in result.output


def test_show_json():
    result = CliRunner().invoke(cli, ["show", str(FIXTURES / "peel-report.html"), "--json"])
    data = json.loads(result.stdout)
    assert data["document"]["title"] == "PEEL 2023–25: An inspection of Durham Constabulary"
    grades = {(g["area"], g["grade"]) for g in data["gradings"]}
    assert grades == {
        ("investigating crime", "outstanding"),
        ("responding to the public", "adequate"),
        ("leadership and force management", "requires improvement"),
    }
    assert data["inspection"]["inspectorate"] == "hmicfrs"


def test_show_bad_input_is_one_line(tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"<html><title>Error 404</title></html>")
    result = CliRunner().invoke(cli, ["show", str(bad)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {bad}: expected a PDF but the file is HTML titled 'Error 404' (an error page or failed download?)\n"


@pytest.mark.parametrize("command", ["ingest", "extract", "serve", "show", "demo"])
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"miner {command}" in result.output


def test_readme_documents_every_command():
    readme = (ROOT / "README.md").read_text()
    commands = cli.list_commands(click.Context(cli))
    assert {"ingest", "crawl", "check-coverage", "publish"} <= set(commands)  # the lazily imported ones too
    for command in commands:
        assert f"miner {command}" in readme, command


def test_demo_build_only_is_incremental(tmp_path, corpus_dir):
    (corpus_dir / "broken.pdf").unlink()
    (corpus_dir / "empty.txt").unlink()
    db_path = str(tmp_path / "demo.db")
    runner = CliRunner()
    first = runner.invoke(cli, ["demo", "--db", db_path, "--corpus", str(corpus_dir), "--build-only"])
    assert first.exit_code == 0, first.output
    assert "1 documents added, 0 already there, 0 re-extracted, 0 failed" in first.stderr
    second = runner.invoke(cli, ["demo", "--db", db_path, "--corpus", str(corpus_dir), "--build-only"])
    assert "0 documents added, 1 already there, 0 re-extracted, 0 failed" in second.stderr
