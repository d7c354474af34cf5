"""`kill -9` of `miner ingest` at random moments, many times, then a re-run:
the database is intact, every document is complete or absent, and the end
result is the same as one clean run."""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

KILLS = 12
SEED = 2026
# Small project-written articles: each takes a tenth of a second to extract,
# so a kill during the write phase lands between, or inside, transactions.
# Forty-five of them, so that twelve kills a few documents apart still find work
# left to interrupt however fast the machine is.
CORPUS = sorted(p for folder in ("news", "dev2", "dev3", "coverage-dev") for p in (ROOT / "corpora" / "documents" / folder).glob("*.html"))[:45]

PER_DOCUMENT = """
select d.url, d.content_hash, d.version,
       (select count(*) from document_blocks b where b.document_id = d.id),
       (select count(*) from gradings g where g.document_id = d.id),
       (select count(*) from findings f where f.document_id = d.id),
       (select count(*) from statistics s where s.document_id = d.id)
from documents d order by d.url
"""


def ingest(db: str, docs: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    # Its own session, so the converter child it spawns can be cleared up
    # with the group once the parent is gone.
    return subprocess.Popen(
        [sys.executable, "-m", "miner", "ingest", db, docs, "-s"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )


def snapshot(db: str) -> tuple[str, dict, dict]:
    conn = sqlite3.connect(db)
    try:
        check = conn.execute("pragma integrity_check").fetchone()[0]
        if not conn.execute("select 1 from sqlite_master where name = 'documents'").fetchone():
            return check, {}, {}  # killed before the schema was created
        documents = {row[0]: row[1:] for row in conn.execute(PER_DOCUMENT)}
        totals = {t: conn.execute(f"select count(*) from [{t}]").fetchone()[0] for t in ("documents", "document_blocks", "gradings", "findings", "statistics", "failures")}
    finally:
        conn.close()
    return check, documents, totals


def stored_count(db: str) -> int:
    try:
        conn = sqlite3.connect(db, timeout=0.2)
        try:
            return conn.execute("select count(*) from documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return -1  # not created yet, or mid-migration


def kill_at_a_random_moment(db: str, docs: str, rng: random.Random) -> str:
    """Start an ingest and SIGKILL it; say when it was killed."""
    before = max(stored_count(db), 0)
    process = ingest(db, docs)
    started = time.monotonic()
    try:
        if rng.random() < 0.25:
            # During start-up: opening the database, migrations, gazetteer load.
            delay = rng.uniform(0.2, 1.5)
            while process.poll() is None and time.monotonic() - started < delay:
                time.sleep(0.01)
            moment = f"{delay:.2f} s after start"
        else:
            # During the write phase: a random moment after this run's first new document.
            while process.poll() is None and stored_count(db) <= before and time.monotonic() - started < 60:
                time.sleep(0.02)
            # A document takes about 0.1 s: most kills land a document or two in.
            delay = rng.uniform(0, 0.15)
            time.sleep(delay)
            moment = f"{delay:.2f} s into the write phase"
        if process.poll() is not None:
            return "finished before the kill"
        os.kill(process.pid, signal.SIGKILL)
        return f"killed {moment}"
    finally:
        process.wait()
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.stderr.close()


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kill-docs")
    for path in CORPUS:
        shutil.copy(path, folder / path.name)
    return str(folder)


def finish_clean_run(process: subprocess.Popen, db: str) -> tuple[dict, dict]:
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr.decode()
    check, documents, totals = snapshot(db)
    assert check == "ok" and len(documents) == len(CORPUS) == 45
    assert totals["findings"] > 0 and totals["statistics"] > 0 and totals["gradings"] > 0
    return documents, totals


def test_kill_9_at_random_moments_then_rerun_equals_a_clean_run(docs, tmp_path):
    # The clean run into a fresh database goes alongside the killed ones:
    # they share nothing but the input files.
    clean_db = str(tmp_path / "clean.db")
    clean = ingest(clean_db, docs)
    db = str(tmp_path / "killed.db")
    rng = random.Random(SEED)
    log = []
    checked = []
    # A run can finish before its kill lands (a loaded machine, a short
    # delay); try again, up to twice as many runs, until KILLS kills landed.
    for _ in range(2 * KILLS):
        if sum(entry.startswith("killed") for entry in log) == KILLS or stored_count(db) == len(CORPUS):
            break
        log.append(kill_at_a_random_moment(db, docs, rng))
        if os.path.exists(db):
            check, documents, _ = snapshot(db)
            log[-1] += f"; {len(documents)} documents stored"
            assert check == "ok", log
            checked.append(documents)
    assert sum(entry.startswith("killed") for entry in log) >= KILLS - 2, "\n".join(log)
    clean_documents, clean_totals = finish_clean_run(clean, clean_db)
    # Complete or absent: after every kill, each stored document had all its
    # blocks and records, exactly as many as the clean run gave it.
    for documents in checked:
        assert documents == {url: clean_documents[url] for url in documents}, log
    assert any(0 < len(documents) < len(CORPUS) for documents in checked), log  # kills interrupted real work

    process = ingest(db, docs)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr.decode()
    check, documents, totals = snapshot(db)
    assert check == "ok"
    assert documents == clean_documents
    assert totals == clean_totals
    print("\n".join(log))
