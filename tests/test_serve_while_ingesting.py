"""Datasette, with miner's serving settings, answers a burst of concurrent
requests while `miner ingest` writes to the same WAL database: no error, no
"database is locked", and no document ever seen half-written."""

import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from miner.store import open_database
from tests.conftest import ROOT

THREADS = 8
MAX_REQUESTS = 800  # the burst is bounded whatever the machine's speed
CORPUS = ROOT / "corpora" / "documents"
FOLDERS = ("news", "dev2", "dev3")
RECORDS = ("gradings", "findings", "statistics")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def miner(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen([sys.executable, "-m", "miner", *args], env=env, start_new_session=True, **kwargs)


def get(base: str, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@pytest.fixture
def served(tmp_path):
    """An empty, migrated database served by `miner serve` on loopback."""
    db = tmp_path / "miner.db"
    open_database(db).close()
    port = free_port()
    server = miner("serve", str(db), "-p", str(port), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if get(base, "/-/versions.json")[0] == 200:
                break
        except OSError:
            pass
        assert server.poll() is None and time.monotonic() < deadline, server.stderr.read().decode()
        time.sleep(0.2)
    yield db, base
    server.kill()
    server.wait()
    server.stderr.close()


def test_concurrent_reads_during_an_ingest_see_no_error_and_no_half_written_document(served, tmp_path):
    db, base = served
    docs = tmp_path / "docs"
    docs.mkdir()
    count = 0
    for folder in FOLDERS:
        for path in sorted((CORPUS / folder).glob("*.html")):
            (docs / path.name).write_bytes(path.read_bytes())
            count += 1
    ingest = miner("ingest", str(db), str(docs), "-s", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    rng = random.Random(6)
    seen: list[tuple[int, str, int]] = []  # (document id, record table, count seen)
    documents_seen: list[int] = []
    failures: list[str] = []

    def visit(path: str) -> dict | None:
        status, body = get(base, path)
        if status != 200 or "database is locked" in body:
            failures.append(f"{path}: HTTP {status}: {body[:200]}")
            return None
        return json.loads(body) if ".json" in path else None

    def check_documents() -> None:
        # Any document visible in one snapshot must, in any later snapshot,
        # have every record the clean write gave it.
        rows = visit("/miner/documents.json?_shape=array&_col=id&_size=max")
        if rows is None:
            return
        documents_seen.append(len(rows))
        for row in rng.sample(rows, min(2, len(rows))):
            for table in RECORDS:
                data = visit(f"/miner/{table}.json?document_id={row['id']}&_size=0")
                if data is not None:
                    seen.append((row["id"], table, data["filtered_table_rows_count"]))

    pages = [
        "/miner/documents",
        "/miner/findings?_facet=polarity",
        "/miner/findings.json?_search=" + urllib.parse.quote("staff"),
        "/miner/gradings.json?_facet=grade&_size=20",
        "/miner/statistics.json?_sort_desc=id&_size=20",
        "/miner/search_findings.json?q=" + urllib.parse.quote("inspectors"),
        "/miner/latest_grades.json",
    ]

    def one_request(i: int) -> None:
        if i % 3 == 0:
            check_documents()
        else:
            visit(pages[i % len(pages)])

    # Start the burst with the writes, not during the ingest's model loading.
    deadline = time.monotonic() + 120
    while ingest.poll() is None and time.monotonic() < deadline:
        with sqlite3.connect(db) as conn:
            if conn.execute("select count(*) from documents").fetchone()[0]:
                break
        time.sleep(0.05)
    sent = 0
    with ThreadPoolExecutor(THREADS) as pool:
        while ingest.poll() is None and sent < MAX_REQUESTS:
            list(pool.map(one_request, range(sent, sent + THREADS * 2)))
            sent += THREADS * 2
    _, stderr = ingest.communicate(timeout=300)
    ingest.stderr.close()
    assert ingest.returncode == 0, stderr.decode()

    assert failures == []
    # The burst overlapped the writes: some responses saw a partly filled database.
    assert any(0 < n < count for n in documents_seen), documents_seen
    with sqlite3.connect(db) as conn:
        final = {
            (document_id, table): conn.execute(f"select count(*) from [{table}] where document_id = ?", [document_id]).fetchone()[0]
            for document_id, table, _ in seen
        }
        assert conn.execute("select count(*) from documents").fetchone()[0] == count
    assert seen and [(d, t, n) for d, t, n in seen if n != final[(d, t)]] == []
