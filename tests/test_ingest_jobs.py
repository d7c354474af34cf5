"""`miner ingest/extract --jobs N`, re-runs that skip unchanged files, and one failing document in a batch."""

import json
import os
import shutil
import signal
import sqlite3
import time

import pytest
from click.testing import CliRunner
from spacy.language import Language

import miner.nlp.pipeline
from miner.cli import cli
from tests.conftest import FIXTURES, make_pdf

AN_HOUR_AGO = time.time() - 3600
# Columns that hold the time of the run, not what was stored.
TIMESTAMPS = {"ingested_at", "extracted_at", "first_seen", "checked_at", "checked_ns"}
TABLES = ("documents", "document_blocks", "gradings", "findings", "statistics", "failures", "source_files")


@pytest.fixture
def shared_pipeline(monkeypatch, extractor):
    """Every Extractor the CLI makes reuses the session's loaded pipeline (loading takes seconds)."""
    monkeypatch.setattr(miner.nlp.pipeline, "load_pipeline", lambda path=None: extractor.nlp)


def age(*paths):
    """Files written an hour ago: out of the window in which size and mtime are not trusted."""
    for path in paths:
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(FIXTURES / "peel-report.html", folder / "a-durham.html")
    make_pdf(folder / "b-kent.pdf", [[
        "PEEL 2023-25: An inspection of Kent Police",
        "We graded Kent Police good at investigating crime and adequate at responding to the public.",
        "The force answered 91.2 per cent of emergency calls within ten seconds.",
    ]], title="An inspection of Kent Police")
    make_pdf(folder / "c-essex.pdf", [[
        "PEEL 2023-25: An inspection of Essex Police",
        "We graded Essex Police requires improvement at preventing crime.",
        "Recorded crime rose by 4.1 per cent to 162,000 offences in 2023.",
    ]])
    (folder / "d-broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    shutil.copy(folder / "b-kent.pdf", folder / "e-kent-copy.pdf")  # the same bytes twice in one batch
    age(*folder.iterdir())
    return folder


def ingest(db_path, *args):
    return CliRunner().invoke(cli, ["ingest", str(db_path), *map(str, args), "--json", "-s"])


def snapshot(db_path) -> dict:
    """Every row of every miner table, timestamps left out, in id order."""
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    tables = {}
    for table in TABLES:
        rows = conn.execute(f"select * from [{table}] order by rowid").fetchall()
        tables[table] = [{k: row[k] for k in row.keys() if k not in TIMESTAMPS} for row in rows]
    conn.close()
    return tables


def test_two_jobs_store_exactly_what_one_job_stores(shared_pipeline, corpus, tmp_path):
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    first = ingest(one, corpus, "--jobs", "1")
    second = ingest(two, corpus, "-j", "2")
    assert (first.exit_code, second.exit_code) == (1, 1)
    assert second.stdout == first.stdout
    assert second.stderr == first.stderr == f"error: {corpus / 'd-broken.pdf'}: damaged or truncated PDF (no readable document structure)\n"
    summary = json.loads(second.stdout)
    assert {k: summary[k] for k in ("added", "new_versions", "unchanged", "skipped", "failed")} == {
        "added": 3, "new_versions": 0, "unchanged": 1, "skipped": 0, "failed": 1,
    }
    assert [(r["source"], r["status"], r.get("document_id")) for r in summary["results"]] == [
        (str(corpus / "a-durham.html"), "added", 1),
        (str(corpus / "b-kent.pdf"), "added", 2),
        (str(corpus / "c-essex.pdf"), "added", 3),
        (str(corpus / "d-broken.pdf"), "failed", None),
        (str(corpus / "e-kent-copy.pdf"), "unchanged", 2),
    ]
    tables = snapshot(two)
    assert tables == snapshot(one)
    assert len(tables["gradings"]) > 3 and len(tables["statistics"]) > 2


def test_rerun_skips_unchanged_files_without_reading_them(shared_pipeline, corpus, db_path):
    ingest(db_path, corpus, "-j", "2")
    before = snapshot(db_path)
    # Same size and mtime but different bytes: a re-run trusts the stat and does not read the file.
    kent = corpus / "b-kent.pdf"
    data = kent.read_bytes()
    kent.write_bytes(data.replace(b"Kent", b"Tent"))
    age(kent)
    rerun = CliRunner().invoke(cli, ["ingest", db_path, str(corpus), "-j", "2"])
    assert rerun.exit_code == 1
    assert rerun.stderr.splitlines()[-1] == "0 added, 0 new versions, 4 unchanged (4 skipped unread), 1 failed"
    again = ingest(db_path, corpus, "-j", "2")
    summary = json.loads(again.stdout)
    assert {k: summary[k] for k in ("added", "unchanged", "skipped", "failed")} == {"added": 0, "unchanged": 4, "skipped": 4, "failed": 1}
    assert [r.get("skipped", False) for r in summary["results"]] == [True, True, True, False, True]
    assert snapshot(db_path) == before


def test_changed_file_is_reingested_and_a_touched_one_rehashed(shared_pipeline, corpus, db_path):
    ingest(db_path, corpus)
    essex, durham = corpus / "c-essex.pdf", corpus / "a-durham.html"
    make_pdf(essex, [["PEEL 2023-25: An inspection of Essex Police", "We graded Essex Police outstanding at preventing crime."]])
    age(essex)
    os.utime(durham, (AN_HOUR_AGO + 60, AN_HOUR_AGO + 60))  # touched: new mtime, same bytes
    results = {r["source"]: r for r in json.loads(ingest(db_path, corpus).stdout)["results"]}
    assert results[str(essex)]["status"] == "new-version" and results[str(essex)]["document_id"] == 4
    assert results[str(durham)] == {"source": str(durham), "status": "unchanged", "document_id": 1}
    third = {r["source"]: r for r in json.loads(ingest(db_path, corpus).stdout)["results"]}
    assert third[str(durham)]["skipped"] is True and third[str(essex)] == {
        "source": str(essex), "status": "unchanged", "document_id": 4, "skipped": True,
    }
    conn = sqlite3.connect(db_path)
    assert conn.execute("select id, version, supersedes from documents where url = ?", [str(essex)]).fetchall() == [(3, 1, None), (4, 2, 3)]


def test_a_file_written_just_now_is_read_again(shared_pipeline, tmp_path, db_path):
    fresh = shutil.copy(FIXTURES / "peel-report.html", tmp_path / "fresh.html")
    ingest(db_path, fresh)
    # Written within the last two seconds: another write in the same mtime tick would be invisible.
    result = json.loads(ingest(db_path, fresh).stdout)["results"][0]
    assert (result["status"], result.get("skipped", False)) == ("unchanged", False)


@Language.component("test_planted_failure")
def planted_failure(doc):
    if "Essex" in doc.text:
        with open(os.environ["PLANTED_FAILURE_PID_FILE"], "a") as log:
            log.write(f"{os.getpid()}\n")
        raise ValueError("planted failure in a component")
    return doc


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_extractor_raising_fails_that_document_only(monkeypatch, corpus, tmp_path, jobs):
    nlp = miner.nlp.pipeline.build_pipeline()
    nlp.add_pipe("test_planted_failure")
    monkeypatch.setattr(miner.nlp.pipeline, "load_pipeline", lambda path=None: nlp)
    pids = tmp_path / "pids"
    monkeypatch.setenv("PLANTED_FAILURE_PID_FILE", str(pids))
    (corpus / "d-broken.pdf").unlink()
    db_path = str(tmp_path / "miner.db")
    result = ingest(db_path, corpus, "-j", jobs)
    assert result.exit_code == 1
    essex = corpus / "c-essex.pdf"
    assert result.stderr == f"error: {essex}: extraction failed: ValueError: planted failure in a component\n"
    conn = sqlite3.connect(db_path)
    assert conn.execute("select id, url from documents order by id").fetchall() == [
        (1, str(corpus / "a-durham.html")), (2, str(corpus / "b-kent.pdf")),
    ]
    assert conn.execute("select source, stage, reason from failures").fetchall() == [
        (str(essex), "extract", f"{essex}: extraction failed: ValueError: planted failure in a component"),
    ]
    assert conn.execute("select count(*) from gradings where document_id = 2").fetchone()[0] > 0
    (pid,) = {int(line) for line in pids.read_text().split()}
    assert (pid == os.getpid()) == (jobs == "1")  # with two jobs it raised inside a worker process


def test_the_databases_own_files_are_never_ingested(shared_pipeline, corpus):
    db_path = corpus / "miner.db"
    (corpus / "d-broken.pdf").unlink()
    first = ingest(db_path, corpus)
    second = ingest(db_path, corpus, "-j", "2")  # now with -wal and -shm beside it
    assert (first.exit_code, second.exit_code) == (0, 0), first.stderr + second.stderr
    assert (corpus / "miner.db-wal").exists()
    sources = [r["source"] for r in json.loads(second.stdout)["results"]]
    assert sources == [str(corpus / name) for name in ("a-durham.html", "b-kent.pdf", "c-essex.pdf", "e-kent-copy.pdf")]


def test_extract_with_two_jobs_matches_one(shared_pipeline, corpus, tmp_path):
    one = str(tmp_path / "one.db")
    ingest(one, corpus)
    two = str(tmp_path / "two.db")
    with sqlite3.connect(one) as source, sqlite3.connect(two) as target:
        source.backup(target)  # WAL contents included, unlike a file copy
    results = [CliRunner().invoke(cli, ["extract", path, "--json", "-s", "-j", jobs]) for path, jobs in ((one, "1"), (two, "2"))]
    assert [r.exit_code for r in results] == [0, 0]
    assert [json.loads(r.stdout)["extracted"] for r in results] == [3, 3]
    assert snapshot(two) == snapshot(one)


@Language.component("test_planted_crash")
def planted_crash(doc):
    if "Essex" in doc.text:
        os.kill(os.getpid(), signal.SIGKILL)
    return doc


def test_a_worker_killed_mid_document_fails_that_document_only(monkeypatch, corpus, db_path):
    nlp = miner.nlp.pipeline.build_pipeline()
    nlp.add_pipe("test_planted_crash")
    monkeypatch.setattr(miner.nlp.pipeline, "load_pipeline", lambda path=None: nlp)
    (corpus / "d-broken.pdf").unlink()
    result = ingest(db_path, corpus, "-j", "2")
    essex = corpus / "c-essex.pdf"
    assert result.exit_code == 1
    assert result.stderr == f"error: {essex}: the worker process was killed by SIGKILL while extracting\n"
    summary = json.loads(result.stdout)
    assert [(r["status"], r.get("document_id")) for r in summary["results"]] == [
        ("added", 1), ("added", 2), ("failed", None), ("unchanged", 2),
    ]


class Doubler:
    """A worker handler: doubles numbers, dies on "die"."""

    def __call__(self, payload):
        if payload == "die":
            os.kill(os.getpid(), signal.SIGKILL)
        return (payload * 2, os.getpid())

    def load(self):
        pass

    def forked(self):
        pass

    def close(self):
        pass


def test_worker_pool_keeps_order_and_blames_only_the_payload_that_killed_a_worker():
    from miner.workers import WorkerLost, WorkerPool

    items = [(n, None if n == 4 else ("die" if n == 2 else n)) for n in range(9)]
    with WorkerPool(Doubler(), jobs=2) as pool:
        results = list(pool.imap(items))
    assert [key for key, _ in results] == list(range(9))
    assert [outcome if outcome is None or isinstance(outcome, WorkerLost) else outcome[0] for _, outcome in results] == [
        0, 2, WorkerLost(-signal.SIGKILL), 6, None, 10, 12, 14, 16,
    ]
    assert os.getpid() not in {outcome[1] for _, outcome in results if isinstance(outcome, tuple)}


class Preparer(Doubler):
    """A handler whose parent-side `prepare` runs while `load` does: `load` lasts until three payloads are prepared."""

    def __init__(self):
        import threading

        self.three_prepared = threading.Event()
        self.count = 0
        self.closed_after_preparing = False

    def prepare(self, payload):
        self.count += 1
        if self.count == 3:
            self.three_prepared.set()
        return ("prepared", payload, os.getpid())

    def prepared(self):
        self.closed_after_preparing = True

    def load(self):
        assert self.three_prepared.wait(30)

    def __call__(self, payload):
        if isinstance(payload, tuple):
            return (payload[1] * 2, payload[2])
        return (payload * 2, None)


def test_worker_pool_prepares_payloads_in_the_parent_while_the_handler_loads():
    from miner.workers import WorkerPool

    handler = Preparer()
    count = WorkerPool.WARM_WINDOW + 12
    with WorkerPool(handler, jobs=2) as pool:
        results = list(pool.imap([(n, n) for n in range(count)]))
    assert [key for key, _ in results] == list(range(count))
    assert [outcome[0] for _, outcome in results] == [2 * n for n in range(count)]
    preparers = [outcome[1] for _, outcome in results]
    assert preparers[:3] == [os.getpid()] * 3  # prepared in the parent, before the workers were forked
    # Only payloads read before the workers started are prepared (at most the warm window); the rest are not.
    assert set(preparers) == {os.getpid(), None} and preparers[-1] is None and preparers.count(os.getpid()) <= WorkerPool.WARM_WINDOW
    assert preparers == sorted(preparers, key=lambda pid: pid is None)
    assert handler.closed_after_preparing


class Warmer(Preparer):
    """A preparing handler that takes, in the parent before forking, the first prepared payload that is even."""

    def load(self):
        pass

    def __call__(self, payload):
        return (payload[1] * 2, os.getpid())

    def warm_up(self, payload):
        return None if payload[1] % 2 else self(payload)


def test_worker_pool_handles_the_payload_the_handler_warms_up_on_in_the_parent_and_the_rest_in_workers():
    from miner.workers import WorkerPool

    # Three jobs: the parent handles only the first payload it warms up on (with
    # two it may go on, which the next test checks).
    with WorkerPool(Warmer(), jobs=3) as pool:
        results = list(pool.imap([(n, n) for n in (1, 2, 3, 4, 5)]))
    assert [outcome[0] for _, outcome in results] == [2, 4, 6, 8, 10]
    in_parent = [outcome[1] == os.getpid() for _, outcome in results]
    assert in_parent == [False, True, False, False, False]  # 1 was declined, 2 taken


class Streamer(Doubler):
    """Five payloads are prepared while the handler loads; preparing the sixth
    waits until the parent has warmed up on the fifth (or two seconds, for a
    parent that does not go on after the first)."""

    def __init__(self):
        import threading

        self.five_prepared = threading.Event()
        self.fifth_handled = threading.Event()

    def prepare(self, payload):
        if payload == 5:  # 0 to 4 are stored as prepared by now
            self.five_prepared.set()
            self.fifth_handled.wait(2)
        return ("prepared", payload)

    def prepared(self):
        pass

    def load(self):
        assert self.five_prepared.wait(30)

    def __call__(self, payload):
        number = payload[1] if isinstance(payload, tuple) else payload
        return (number * 2, os.getpid())

    def warm_up(self, payload):
        outcome = self(payload)
        if payload[1] == 4:
            self.fifth_handled.set()
        return outcome


@pytest.mark.parametrize("jobs, in_parent", [(2, 5), (3, 1)])
def test_with_two_jobs_the_parent_goes_on_with_prepared_payloads_while_the_thread_still_converts(jobs, in_parent):
    from miner.workers import WorkerPool

    with WorkerPool(Streamer(), jobs=jobs) as pool:
        results = list(pool.imap([(n, n) for n in range(8)]))
    assert [outcome[0] for _, outcome in results] == [2 * n for n in range(8)]
    handled_here = [outcome[1] == os.getpid() for _, outcome in results]
    # Payloads 0 to 4 were ready while the thread still worked on 5; after that
    # (5 may or may not be ready in time) the workers take the rest.
    assert handled_here[:5] == [True] * in_parent + [False] * (5 - in_parent)
    assert handled_here[6:] == [False, False]


def test_worker_pool_forks_no_worker_when_the_warm_up_handled_the_only_payload(monkeypatch):
    from miner.workers import WorkerPool

    pool = WorkerPool(Warmer(), jobs=2)
    monkeypatch.setattr(pool, "_start", lambda count: pytest.fail("a worker was started"))
    with pool:
        assert list(pool.imap([("a", 2), ("b", None)])) == [("a", (4, os.getpid())), ("b", None)]


class Heavy(Preparer):
    """A preparing handler whose payloads each weigh half the warm read-ahead's bytes."""

    def load(self):
        time.sleep(0.5)  # time enough to prepare whatever was read ahead

    def weight(self, payload):
        from miner.workers import WorkerPool

        return WorkerPool.WARM_BYTES // 2


def test_worker_pool_reads_ahead_for_preparing_at_most_the_warm_bytes():
    from miner.workers import WorkerPool

    with WorkerPool(Heavy(), jobs=2) as pool:
        results = list(pool.imap([(n, n) for n in range(10)]))
    assert [outcome[0] for _, outcome in results] == [2 * n for n in range(10)]
    assert [outcome[1] for _, outcome in results] == [os.getpid()] * 2 + [None] * 8
