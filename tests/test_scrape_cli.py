"""`miner crawl` as a user runs it: output, exit codes, dry runs, and a crawl killed midway."""

import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from miner.sources.cli import StatusLine, crawl
from miner.sources.crawl import CrawlResult
from tests.conftest import ROOT
from tests.scrape_site import REPORTS, site, site_pages  # noqa: F401

FAST = ["--delay", "0.05", "--timeout", "5"]
PUBLIC_REPORTS = [r for r in REPORTS if not r.private]
DOCUMENTS = [r.path for r in PUBLIC_REPORTS] + [r.pdf_path for r in PUBLIC_REPORTS if r.pdf]


def invoke(*args):
    return CliRunner().invoke(crawl, [str(a) for a in args], catch_exceptions=False)


def query(db_path, sql):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql).fetchall()


def test_crawl_then_recrawl_summary_and_json(site, db_path):
    seeds = [site.url("/inspectorate/reports"), "--adapter", "inspectorate"]
    result = invoke(db_path, *seeds, *FAST)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert re.fullmatch(
        rf"12 fetched \({len(DOCUMENTS)} added, 0 new versions\), 0 unchanged, 1 skipped, 0 failed; 13 requests in \d+\.\d s\n",
        result.stderr,
    )
    again = invoke(db_path, *seeds, *FAST, "--json")
    assert again.exit_code == 0
    data = json.loads(again.stdout)
    assert {k: data[k] for k in ("fetched", "unchanged", "skipped", "failed", "added", "new_versions", "requests")} == {
        "fetched": 0, "unchanged": 12, "skipped": 1, "failed": 0, "added": 0, "new_versions": 0, "requests": 12,
    }
    assert {r["outcome"] for r in data["results"]} == {"not-modified", "skipped"}
    assert query(db_path, "select count(*), max(version) from documents") == [(len(DOCUMENTS), 1)]


def test_failures_exit_1_with_each_reason_on_stderr_and_in_the_log(site, db_path):
    missing, loop = site.url("/hostile/missing"), site.url("/hostile/loop-a")
    result = invoke(db_path, missing, loop, site.url("/news/feed.xml"), *FAST, "-s")
    assert result.exit_code == 1
    reasons = [f"{missing}: HTTP 404 Not Found", f"{loop}: redirect loop ({site.url('/hostile/loop-b')} -> {loop})"]
    assert result.stderr == "".join(f"error: {r}\n" for r in reasons)  # -s: no summary, errors still shown
    assert query(db_path, "select reason from fetches where outcome = 'failed' order by id") == [(r,) for r in reasons]
    assert query(db_path, "select count(*) from documents where kind = 'news'") == [(3,)]


def test_dry_run_lists_documents_and_creates_no_database(site, tmp_path):
    db_path = tmp_path / "new.db"
    result = invoke(db_path, site.url("/inspectorate/reports"), "--adapter", "inspectorate", "--dry-run", *FAST)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [site.url(r.path) for r in PUBLIC_REPORTS]
    assert result.stderr == f"{len(PUBLIC_REPORTS)} documents would be fetched; 1 skipped, 0 failed (4 requests for robots.txt, listings and feeds)\n"
    assert not db_path.exists()
    assert not any(h.path.startswith(("/inspectorate/reports/", "/inspectorate/files/")) for h in site.hits)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nosuchsite"], "Error: nosuchsite: not an http(s) URL or a known site (sites: none yet)\n"),
        (["https://example.org/", "--adapter", "nope"], "Error: unknown adapter 'nope' (known: inspectorate, news)\n"),
        (["https://example.org/", "--since", "last week"], None),
    ],
)
def test_bad_arguments_fail_before_any_request(db_path, args, message):
    result = invoke(db_path, *args)
    assert result.exit_code != 0
    if message:
        assert result.stderr == message
    else:
        assert "Invalid value for '--since'" in result.stderr


def test_help_has_an_example():
    result = invoke("--help")
    assert "Example:" in result.output and "miner crawl reports.db https://" in result.output
    for option in ("--since", "--limit", "--max-depth", "--adapter", "--user-agent", "--delay", "--dry-run", "--silent", "--json"):
        assert option in result.output


def test_user_agent_option_and_environment(site, db_path, monkeypatch):
    invoke(db_path, site.url("/news/feed.xml"), *FAST, "-s", "--limit", "1", "--user-agent", "WatchdogBot/2.0 (+mailto:data@example.org)")
    monkeypatch.setenv("MINER_USER_AGENT", "EnvBot/1.0")
    invoke(db_path, site.url("/news/"), *FAST, "-s", "--limit", "1")
    agents = [h.headers["user-agent"] for h in site.hits]
    assert agents[0] == "WatchdogBot/2.0 (+mailto:data@example.org)" and agents[-1] == "EnvBot/1.0"


def test_killed_crawl_resumes_without_loss_or_duplicates(site, db_path):
    """kill -9 in the middle of a crawl, run it again: every document once, none twice."""
    command = [
        sys.executable, "-c", "from miner.sources.cli import crawl; crawl(prog_name='miner crawl')",
        db_path, site.url("/inspectorate/reports"), "--adapter", "inspectorate", "--delay", "0.2", "-s",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    victim = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        # Wait until it is well into the documents, then kill it without warning.
        while len([h for h in site.hits if h.path in DOCUMENTS]) < 4:
            assert victim.poll() is None, victim.stderr.read().decode()
            assert time.monotonic() < deadline, "the crawl never got going"
            time.sleep(0.01)
        victim.send_signal(signal.SIGKILL)
    finally:
        victim.wait(timeout=30)
        victim.stderr.close()
    assert victim.returncode == -signal.SIGKILL
    done_before = {url for (url,) in query(db_path, "select url from documents")}
    assert len(done_before) < len(DOCUMENTS)

    resumed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    urls = query(db_path, "select url, count(*), max(version) from documents group by url order by url")
    assert urls == sorted((site.url(path), 1, 1) for path in DOCUMENTS)
    # What the first run finished, the second only re-checked.
    second = dict(query(db_path, "select url, outcome from fetches where crawl_id = 2"))
    assert all(second[url] in ("not-modified", "unchanged") for url in done_before)
    assert query(db_path, "select id, finished_at is not null from crawls order by id") == [(1, 0), (2, 1)]


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_status_line_on_a_terminal_counts_and_keeps_errors():
    stream = Terminal()
    status = StatusLine(stream, enabled=True)
    status.update(CrawlResult("https://example.org/a", "added", "report", 1))
    status.update(CrawlResult("https://example.org/b", "not-modified", "report", 1))
    assert stream.getvalue().endswith("\r\x1b[Kfetched 1 · unchanged 1 · skipped 0 · failed 0 · https://example.org/b")
    status.update(CrawlResult("https://example.org/c", "failed", "report", 1, reason="https://example.org/c: HTTP 404 Not Found"))
    assert "\r\x1b[Kerror: https://example.org/c: HTTP 404 Not Found\n\r\x1b[Kfetched 1 · unchanged 1 · skipped 0 · failed 1 · " in stream.getvalue()
    status.clear()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_no_status_line_when_not_a_terminal_or_silent():
    for stream, enabled in ((io.StringIO(), True), (Terminal(), False)):
        status = StatusLine(stream, enabled=enabled)
        status.update(CrawlResult("https://example.org/a", "added", "report", 1))
        status.clear()
        assert stream.getvalue() == ""
