"""`miner publish`: a compacted, checked, immutable copy with what Datasette needs to serve it."""

import hashlib
import json
import sqlite3

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from miner.cli import cli
from miner.publish.deploy import INDEX_PREFIX, publish
from tests.publish_data import hostile_database


@pytest.fixture
def source(tmp_path):
    return hostile_database(tmp_path / "reports.db")


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_publish_makes_an_immutable_checked_copy(source, tmp_path):
    before = _sha(source)
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["publish", str(source), str(out), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    copy = out / "reports.db"
    assert summary["database"] == str(copy)
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "asgi.py", "datasette.json", "inspect-data.json",
                                                   "metadata.json", "plugins", "reports.db", "serve.sh", "templates"]
    assert _sha(source) == before, "the source must not change"

    conn = sqlite3.connect(f"file:{copy}?immutable=1", uri=True)
    assert conn.execute("pragma integrity_check").fetchall() == [("ok",)]
    assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"
    assert conn.execute("select count(*) from findings").fetchone()[0] == 5
    assert conn.execute("select count(*) from sqlite_stat1").fetchone()[0] > 0
    indexes = {r[0] for r in conn.execute("select name from sqlite_master where type = 'index'")}
    assert {f"{INDEX_PREFIX}findings_kind", f"{INDEX_PREFIX}statistics_unit", f"{INDEX_PREFIX}findings_topic"} <= indexes
    assert conn.execute(
        "select rowid from findings_fts where findings_fts match 'calls' order by rowid"
    ).fetchall() == [(1,), (2,), (3,), (4,), (5,)]
    conn.close()
    assert not (out / "reports.db-wal").exists()

    metadata = json.loads((out / "metadata.json").read_text())
    assert "findings" in metadata["databases"]["reports"]["tables"]
    inspect = json.loads((out / "inspect-data.json").read_text())
    assert inspect["reports"]["tables"]["statistics"]["count"] == 5
    script = (out / "serve.sh").read_text()
    assert "datasette serve --immutable reports.db --metadata metadata.json" in script
    assert "--setting default_allow_sql off" in script and "--plugins-dir plugins" in script
    assert "--inspect-file inspect-data.json" in script
    assert "datasette serve --immutable reports.db" in (out / "README.md").read_text()


@pytest.mark.asyncio
async def test_published_copy_serves_immutable_with_cached_counts(source, tmp_path):
    published = publish(source, tmp_path / "site")
    inspect = json.loads(published.inspect_file.read_text())
    ds = Datasette(immutables=[str(published.database)], metadata=json.loads(published.metadata.read_text()),
                   inspect_data=inspect)
    db = ds.get_database("reports")
    assert db.is_mutable is False
    response = await ds.client.get("/reports/findings.json?_facet=kind")
    assert response.status_code == 200
    assert response.json()["filtered_table_rows_count"] == 5


def test_refuses_a_file_that_is_not_a_miner_database(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)")
    result = CliRunner().invoke(cli, ["publish", str(other), str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == f"Error: {other}: not a miner database (no miner schema migrations in _sqlite_migrations)\n"
    assert not (tmp_path / "out").exists()


def test_refuses_a_file_that_is_not_sqlite(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("not a database, just some words that are long enough " * 20)
    result = CliRunner().invoke(cli, ["publish", str(text), str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == f"Error: {text}: not an SQLite database (file is not a database)\n"


def test_refuses_a_missing_file(tmp_path):
    result = CliRunner().invoke(cli, ["publish", str(tmp_path / "nope.db"), str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'nope.db'}: no such database file\n"


def test_refuses_a_non_empty_out_dir_without_force(source, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    result = CliRunner().invoke(cli, ["publish", str(source), str(out)])
    assert result.exit_code == 1
    assert result.output == f"Error: {out}: exists and is not empty (use --force to replace it)\n"
    assert [p.name for p in out.iterdir()] == ["keep.txt"]

    forced = CliRunner().invoke(cli, ["publish", str(source), str(out), "--force", "-s"])
    assert forced.exit_code == 0, forced.output
    assert forced.output == ""
    assert not (out / "keep.txt").exists() and (out / "reports.db").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "no staging left behind"


def test_an_empty_out_dir_is_fine(source, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    result = CliRunner().invoke(cli, ["publish", str(source), str(out)])
    assert result.exit_code == 0, result.output
    assert "integrity ok" in result.output and f"{out / 'serve.sh'}" in result.output


@pytest.mark.asyncio
async def test_precomputed_facets_and_search_counts_equal_the_real_ones(tmp_path, monkeypatch):
    from benchmarks.synthetic_db import build

    from miner.publish import PLUGINS

    source = tmp_path / "miner.db"
    build(source, documents=50, findings=3000, statistics=3000, silent=True)
    published = publish(source, tmp_path / "site")
    ds = Datasette(immutables=[str(published.database)], metadata=json.loads(published.metadata.read_text()),
                   inspect_data=json.loads(published.inspect_file.read_text()), plugins_dir=str(PLUGINS),
                   settings={"trace_debug": True})
    await ds.invoke_startup()
    conn = sqlite3.connect(published.database)
    traced = (await ds.client.get("/miner/findings.json?_trace=1")).json()["_trace"]["traces"]
    assert any("_miner_facet_counts" in t["sql"] for t in traced), "unfiltered facets come from publish's counts"
    traced = (await ds.client.get("/miner/findings.json?_search=emergency&_trace=1")).json()["_trace"]["traces"]
    assert any(t["sql"].startswith("select count(*) from [findings_fts] where") for t in traced)
    for table, column in (("findings", "topic"), ("findings", "organisation_id"), ("statistics", "unit")):
        page = (await ds.client.get(f"/miner/{table}.json")).json()
        shown = [(r["value"], r["count"]) for r in page["facet_results"][column]["results"]]
        real = conn.execute(f"select {column}, count(*) as n from {table} where {column} is not null"
                            f" group by {column} order by n desc, {column} limit 30").fetchall()
        assert shown == real, (table, column)
    for term in ("emergency", "missing children", "nothingmatches"):
        page = (await ds.client.get("/miner/findings.json", params={"_search": term})).json()
        real = conn.execute("select count(*) from findings where rowid in (select rowid from findings_fts"
                            " where findings_fts match ?)", [" ".join(f'"{w}"' for w in term.split())]).fetchone()[0]
        assert page["filtered_table_rows_count"] == real, term
        rows = [r[0] for r in page["rows"]]
        assert rows == [r[0] for r in conn.execute(
            "select id from findings where rowid in (select rowid from findings_fts where findings_fts match ?)"
            " order by id limit 100", [" ".join(f'"{w}"' for w in term.split())])], term
    traced = (await ds.client.get("/miner/findings.json?_search=calls&_size=20&_trace=1")).json()["_trace"]["traces"]
    assert any("order by rowid limit 21)" in t["sql"] for t in traced), "the first page reads 21 matches, not all"
    for kind in ("finding", "recommendation", "no-such-kind"):
        page = (await ds.client.get("/miner/findings.json", params={"kind": kind, "_trace": "1"})).json()
        assert page["filtered_table_rows_count"] == conn.execute(
            "select count(*) from findings where kind = ?", [kind]).fetchone()[0], kind
        assert any("coalesce((select count from [_miner_facet_counts]" in t["sql"] for t in page["_trace"]["traces"])
    # With another filter the count runs as written, and still agrees.
    page = (await ds.client.get("/miner/findings.json", params={"_search": "emergency", "kind": "finding"})).json()
    assert page["filtered_table_rows_count"] == conn.execute(
        "select count(*) from findings where kind = 'finding' and rowid in"
        " (select rowid from findings_fts where findings_fts match 'emergency')").fetchone()[0]
    # Facets of a big filtered page or search are reported timed out at once; a narrower page gets them.
    narrow_rows = conn.execute("select count(*) from findings where kind = 'cause_of_concern' and rowid in"
                               " (select rowid from findings_fts where findings_fts match 'emergency')").fetchone()[0]
    assert 0 < narrow_rows < 100
    monkeypatch.setenv("MINER_FACET_ROWS", str(narrow_rows))
    page = (await ds.client.get("/miner/findings.json", params={"_search": "emergency", "_trace": "1", "_size": "5"})).json()
    assert page["facet_results"] == {}  # the JSON omits facets that timed out
    assert not any("as value, count(*) as count" in t["sql"] for t in page["_trace"]["traces"])
    page = (await ds.client.get("/miner/findings.json", params={"kind": "finding", "_size": "5"})).json()
    assert page["facet_results"] == {}
    narrow = (await ds.client.get("/miner/findings.json", params={"_search": "emergency", "kind": "cause_of_concern"})).json()
    assert set(narrow["facet_results"]) == {"kind", "polarity", "topic", "organisation_id"}
    assert narrow["facet_results"]["kind"]["results"][0]["count"] == narrow_rows


def test_refuses_to_replace_the_directory_holding_the_source(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    source = hostile_database(site / "reports.db")
    before = _sha(source)
    result = CliRunner().invoke(cli, ["publish", str(source), str(site), "--force"])
    assert result.exit_code == 1
    assert result.output == f"Error: {source}: is inside {site}, which publishing replaces; publish to another directory\n"
    assert _sha(source) == before


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["publish", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "miner publish reports.db site/" in result.output
