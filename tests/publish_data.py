"""Small miner databases for the publishing tests, written row by row (no NLP needed).

`hostile_database` puts script-injection payloads in every scraped column a
page shows: document titles, urls, publishers and text, organisation names,
findings and statistics text, and formula-like cells for the CSV policy.
"""

from __future__ import annotations

import contextlib
import pathlib
import socket
import subprocess
import sys
import time

import httpx

from miner.store import open_database

# Each payload, if a page ran it, would mark the page: the title becomes
# PWNED or the <html> element gets data-pwned="yes".
SCRIPT = "<script>document.title='PWNED';document.documentElement.setAttribute('data-pwned','yes')</script>"
IMG = "<img src=x onerror=\"document.title='PWNED';document.documentElement.setAttribute('data-pwned','yes')\">"
SVG = "<svg onload=\"document.documentElement.setAttribute('data-pwned','yes')\"></svg>"
JS_URL = "javascript:document.documentElement.setAttribute('data-pwned','yes')"
BREAKOUT = "\"><script>document.title='PWNED'</script>"
PAYLOADS = (SCRIPT, IMG, SVG, JS_URL, BREAKOUT)

HOSTILE_ORG = "hostile-org"
FORMULA = "=HYPERLINK(\"http://evil.example/\",\"click\")"


def hostile_database(path: str | pathlib.Path) -> pathlib.Path:
    db = open_database(path)
    db["organisations"].insert(
        {"id": HOSTILE_ORG, "name": f"Hostile {SCRIPT} Council {IMG}", "kind": IMG, "region": SVG, "country": BREAKOUT,
         "aliases": f'["{JS_URL}"]'},
        replace=True,
    )
    text = " ".join(PAYLOADS) + " The force answered 88.4 per cent of emergency calls within 10 seconds."
    db["documents"].insert({
        "id": 1, "url": JS_URL, "content_hash": "a" * 64, "version": 1, "title": f"Report {SCRIPT}",
        "publisher": IMG, "author": SVG, "kind": "report", "published": "2024-03-01", "media_type": "text/html",
        "n_chars": len(text), "subject_id": HOSTILE_ORG, "inspectorate": "hmicfrs", "programme": BREAKOUT,
        "inspection_date": "2024-03-01", "ingested_at": "2024-03-02T00:00:00Z", "pipeline": "test", "text": text,
    })
    db["documents"].insert({
        "id": 2, "url": "https://example.org/news/1", "content_hash": "b" * 64, "version": 1, "title": f"News {IMG}",
        "publisher": SCRIPT, "kind": "news", "published": "2024-03-05", "media_type": "text/html",
        "n_chars": 10, "subject_id": HOSTILE_ORG, "pipeline": "test", "text": f"{JS_URL} {SCRIPT}",
    })
    for i, payload in enumerate(PAYLOADS, start=1):
        db["findings"].insert({
            "id": i, "document_id": 1, "organisation_id": HOSTILE_ORG, "text": f"Calls script {payload}",
            "kind": "cause_of_concern", "polarity": "negative", "topic": payload, "confidence": 0.9,
            "sentence": payload, "start": 0, "end": 5, "section": payload,
        })
        db["statistics"].insert({
            "id": i, "document_id": 1, "organisation_id": HOSTILE_ORG, "value": 88.4, "unit": "percent",
            "measure": f"calls script {payload}", "period": payload, "text": payload, "sentence": payload,
            "start": 0, "end": 5, "section": payload,
        })
        db["gradings"].insert({
            "id": i, "document_id": 1, "organisation_id": HOSTILE_ORG, "area": f"area {payload}", "grade": "inadequate",
            "scale": "peel-2021", "previous": 0, "year": 2024, "method": "prose", "sentence": payload, "start": 0, "end": 5,
        })
    db["failures"].insert({"id": 1, "source": JS_URL, "stage": "fetch", "reason": SCRIPT, "first_seen": "2024-03-02"})
    db.close()
    return pathlib.Path(path)


def formula_database(path: str | pathlib.Path) -> pathlib.Path:
    """Findings and statistics whose text looks like spreadsheet formulas."""
    db = open_database(path)
    db["documents"].insert({"id": 1, "url": "https://example.org/r", "content_hash": "c" * 64, "version": 1,
                            "title": "=1+1", "kind": "report", "text": "x"})
    cells = [FORMULA, "+SUM(A1:A9)", "-2+3", "@cmd", "\t=1+2", "\r=1+2", "plain text", "a = b"]
    for i, cell in enumerate(cells, start=1):
        db["findings"].insert({"id": i, "document_id": 1, "text": cell, "kind": "finding", "polarity": "neutral"})
    db["statistics"].insert({"id": 1, "document_id": 1, "value": -3.5, "unit": "percent", "text": "-3.5 per cent"})
    db.close()
    return pathlib.Path(path)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def miner_serve(db, *extra):
    """`miner serve DB` in a subprocess on 127.0.0.1; yields its base URL."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "miner", "serve", str(db), "-p", str(port), *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/-/versions.json", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None:
                    raise AssertionError(process.stderr.read().decode()) from None
                if time.monotonic() > deadline:
                    raise AssertionError("miner serve did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
