import os
import random
import signal
import subprocess
import sys
import time

from sqlite_utils import Database

from miner.ingest import Ingester
from miner.sources import RawDocument, expand_sources
from miner.store import open_database
from tests.conftest import FIXTURES, ROOT

CORPUS = ROOT / "corpora" / "documents"


def table_snapshot(db: Database) -> dict:
    return {
        name: [tuple(row) for row in db.execute(f"select * from [{name}] order by 1").fetchall()]
        for name in ("documents", "gradings", "findings", "statistics", "failures", "organisations")
    }


def test_schema_is_created_by_migrations(db_path):
    db = open_database(db_path)
    assert {"documents", "organisations", "gradings", "findings", "statistics", "failures", "documents_fts", "findings_fts"} <= set(db.table_names())
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    from miner.store.schema import migrations

    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]
    assert db["gradings"].foreign_keys[0].other_table in ("documents", "organisations")
    assert db["organisations"].count > 250


def test_ingesting_the_same_inputs_twice_changes_nothing(db_path, extractor, tmp_path):
    bad = tmp_path / "error-page.pdf"
    bad.write_bytes(b"<!DOCTYPE html><html><head><title>Not found</title></head><body>Gone</body></html>")
    sources = [str(FIXTURES / "peel-report.html"), str(bad)]
    db = open_database(db_path)
    with Ingester(db, extractor=extractor, isolated=False) as ingester:
        first = ingester.ingest_all(expand_sources(sources))
    before = table_snapshot(db)
    with Ingester(db, extractor=extractor, isolated=False) as ingester:
        second = ingester.ingest_all(expand_sources(sources))
    assert [r.status for r in first.results] == ["added", "failed"]
    assert [r.status for r in second.results] == ["unchanged", "failed"]
    assert table_snapshot(db) == before
    assert db["documents"].count == 1 and db["failures"].count == 1


def test_changed_document_at_same_url_is_a_new_version(db_path, extractor):
    db = open_database(db_path)
    html = (FIXTURES / "peel-report.html").read_bytes()
    with Ingester(db, extractor=extractor, isolated=False) as ingester:
        first = ingester.ingest_raw(RawDocument("https://example.org/peel/durham", html))
        second = ingester.ingest_raw(RawDocument("https://example.org/peel/durham", html.replace(b"88.4", b"91.2")))
    assert (first.status, second.status) == ("added", "new-version")
    rows = list(db.query("select id, version, supersedes from documents order by id"))
    assert rows == [
        {"id": first.document_id, "version": 1, "supersedes": None},
        {"id": second.document_id, "version": 2, "supersedes": first.document_id},
    ]
    # Both versions keep their own records.
    counts = dict(db.execute("select document_id, count(*) from statistics group by document_id").fetchall())
    assert counts[first.document_id] >= 1 and counts[second.document_id] >= 1
    assert [r["id"] for r in db.query("select id from latest_documents")] == [second.document_id]


def test_records_point_at_their_evidence(db_path, extractor):
    db = open_database(db_path)
    with Ingester(db, extractor=extractor, isolated=False) as ingester:
        ingester.ingest_all(expand_sources([str(FIXTURES / "peel-report.html")]))
    text = db.execute("select text from documents").fetchone()[0]
    for table in ("gradings", "statistics", "findings"):
        for row in db[table].rows:
            assert text[row["start"]:row["end"]] in row["sentence"], (table, row)
    grades = {(r["area"], r["grade"]) for r in db["gradings"].rows}
    assert ("investigating crime", "outstanding") in grades


KILL_SCRIPT = """
import sys
from miner.ingest import Ingester
from miner.sources import expand_sources
from miner.store import open_database
db = open_database(sys.argv[1])
with Ingester(db, isolated=False) as ingester:
    for source in expand_sources(sys.argv[2:]):
        ingester.ingest_source(source)
        print("stored", flush=True)
"""


def test_killed_ingest_leaves_no_half_written_document(tmp_path):
    """kill -9 mid-batch: every stored document has all its records, and a re-run completes the set."""
    sources = sorted(str(p) for p in (CORPUS / "news").glob("*.html"))[:12]
    script = tmp_path / "ingest.py"
    script.write_text(KILL_SCRIPT)
    db_path = str(tmp_path / "killed.db")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(7)
    for stored_before_kill in (1, 2, 4):
        # Already-stored inputs are skipped, so each run gets further; the kill
        # lands while the next document is being extracted or written.
        process = subprocess.Popen([sys.executable, str(script), db_path, *sources], stdout=subprocess.PIPE, env=env)
        for _ in range(stored_before_kill):
            process.stdout.readline()
        time.sleep(rng.uniform(0, 0.03))
        process.send_signal(signal.SIGKILL)
        process.wait()
    db = Database(db_path)
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    partial = {r["content_hash"]: r["id"] for r in db.query("select id, content_hash from documents")}
    assert 0 < len(partial) < len(sources)
    # Each stored document is complete: blocks present and records consistent with a clean extraction.
    clean_path = str(tmp_path / "clean.db")
    subprocess.run([sys.executable, str(script), clean_path, *sources], check=True, env=env, stdout=subprocess.DEVNULL)
    clean = Database(clean_path)

    def counts(database, document_id):
        return tuple(
            database.execute(f"select count(*) from [{t}] where document_id = ?", [document_id]).fetchone()[0]
            for t in ("gradings", "findings", "statistics", "document_blocks")
        )

    clean_ids = {r["content_hash"]: r["id"] for r in clean.query("select id, content_hash from documents")}
    for content_hash, document_id in partial.items():
        assert counts(db, document_id) == counts(clean, clean_ids[content_hash])
    subprocess.run([sys.executable, str(script), db_path, *sources], check=True, env=env, stdout=subprocess.DEVNULL)
    assert Database(db_path)["documents"].count == clean["documents"].count == len(sources)
