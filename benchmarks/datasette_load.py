"""Datasette latency on a million statistics and a million findings, under bounded concurrent load.

Builds (once, cached in --dir) a synthetic miner database (synthetic_db.py),
publishes it with `miner publish`, serves the copy the way its serve.sh
does (immutable, public settings, miner's plugin) on 127.0.0.1, and sends
each kind of request from --concurrency threads until --requests have been
answered, printing p50/p95/max latency, throughput and the server's CPU
time per request (latency on a shared machine includes waiting for a CPU;
CPU per request does not) per kind:

  faceted   a table page as HTML with the facets metadata.yml asks for
            (unfiltered findings and statistics, and per-organisation pages)
  search    full-text search over findings (table search, JSON)
  filtered  a filtered JSON query over statistics (organisation and unit)

The plugin's response cache is off for the "cold" pass (every request runs
its SQL) and on for the "warm" pass (the same URLs once more after a first
round filled it). Each pass uses a fresh server. --workers 1 serves with
`datasette serve` (one process), more with that many uvicorn worker
processes, as the published copy's serve.sh does (its default: one per CPU).

    python benchmarks/datasette_load.py --concurrency 1 4 --requests 200 --workers 1 2
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import os
import pathlib
import random
import socket
import statistics as stats
import subprocess
import sys
import threading
import time

import httpx

from synthetic_db import FINDING_KINDS, ensure

from miner.publish.asgi import CONFIG_ENV
from miner.publish.deploy import WORKER_CONFIG
from miner.publish.serving import serve_arguments, worker_arguments

SEARCH_TERMS = ["emergency", "\"emergency calls\"", "vulnerable", "safety audits", "supervise investigations",
                "wellbeing", "\"missing children\"", "release", "risk assessments", "offenders"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(site: pathlib.Path, *, cache: bool, workers: int = 1):
    """The published copy served as its serve.sh does: `datasette serve`, or `workers` uvicorn processes."""
    port = _free_port()
    env = {**os.environ, "MINER_RESPONSE_CACHE": "5000" if cache else "0"}
    if workers > 1:
        args = worker_arguments(host="127.0.0.1", port=port, workers=workers, app="asgi:app", app_dir=".")
        env[CONFIG_ENV] = WORKER_CONFIG
    else:
        args = ["-m", "datasette", *serve_arguments(
            "miner.db", host="127.0.0.1", port=port, metadata=pathlib.Path("metadata.json"), immutable=True,
            inspect_file=pathlib.Path("inspect-data.json"), plugins=pathlib.Path("plugins"),
            templates=pathlib.Path("templates"))]
    process = subprocess.Popen([sys.executable, *args], cwd=site, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                httpx.get(f"{base}/-/versions.json", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None:
                    raise SystemExit(process.stderr.read().decode())
                time.sleep(0.1)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def request_pools(site: pathlib.Path, seed: int = 1) -> dict[str, list[str]]:
    import sqlite3

    conn = sqlite3.connect(f"file:{site / 'miner.db'}?immutable=1", uri=True)
    orgs = [r[0] for r in conn.execute("select distinct organisation_id from statistics order by organisation_id")]
    conn.close()
    rng = random.Random(seed)
    faceted = ["/miner/findings", "/miner/statistics"]
    faceted += [f"/miner/{table}?organisation_id={org}" for org in rng.sample(orgs, 60) for table in ("findings", "statistics")]
    faceted += [f"/miner/findings?kind={kind}" for kind, _ in FINDING_KINDS]
    search = [f"/miner/findings.json?" + str(httpx.QueryParams({"_search": t, "_size": 20})) for t in SEARCH_TERMS]
    filtered = [
        "/miner/statistics.json?" + str(httpx.QueryParams({"organisation_id": org, "unit": unit, "_size": 50}))
        for org in rng.sample(orgs, 40) for unit in ("percent", "count", "gbp")
    ]
    return {"faceted": faceted, "search": search, "filtered": filtered}


def run(base: str, urls: list[str], *, concurrency: int, requests: int) -> list[float]:
    """Latencies (ms) of `requests` GETs cycling through `urls`, `concurrency` at a time."""
    counter = iter(range(requests))
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []

    def worker():
        with httpx.Client(base_url=base, timeout=60) as client:
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                url = urls[i % len(urls)]
                started = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    errors.append(f"{url}: HTTP {response.status_code}")
                with lock:
                    latencies.append(elapsed)

    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        for future in [pool.submit(worker) for _ in range(concurrency)]:
            future.result()
    if errors:
        raise SystemExit(f"{len(errors)} errors, first: {errors[0]}")
    return latencies


def _stat(pid) -> list[str]:
    return pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time so far of a process and its descendants (the worker processes; Linux /proc)."""
    parents = {}
    for entry in pathlib.Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                parents[int(entry.name)] = int(_stat(entry.name)[1])
    tree, added = {pid}, True
    while added:
        children = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= children
        added = bool(children)
    total = 0
    for member in tree:
        with contextlib.suppress(OSError):
            fields = _stat(member)
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", type=pathlib.Path, default=pathlib.Path("/tmp/publish-bench"))
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--requests", type=int, default=200, help="Requests per kind and concurrency")
    parser.add_argument("--statistics", type=int, default=1_000_000)
    parser.add_argument("--findings", type=int, default=1_000_000)
    parser.add_argument("--passes", nargs="+", choices=["cold", "warm"], default=["cold", "warm"])
    parser.add_argument("--kinds", nargs="+", choices=["faceted", "search", "filtered"], default=["faceted", "search", "filtered"])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, os.cpu_count() or 1],
                        help="Server processes: 1 is `datasette serve`, more are uvicorn workers (serve.sh's default: one per CPU)")
    parser.add_argument("--republish", action="store_true", help="Publish the database again")
    args = parser.parse_args()

    source = ensure(args.dir / "miner.db", documents=20_000, findings=args.findings, statistics=args.statistics)
    site = args.dir / "site"
    if args.republish or not (site / WORKER_CONFIG).exists():
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "miner", "publish", str(source), str(site), "--force", "-s"], check=True)
        print(f"published in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    pools = request_pools(site)
    print(f"# {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start; "
          f"{args.statistics:,} statistics, {args.findings:,} findings")
    print(f"{'pass':5} {'workers':>7} {'kind':9} {'conc':>4} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'req/s':>7} "
          f"{'cpu ms/req':>10}")
    for name in args.passes:
        for workers in args.workers:
            with served(site, cache=name == "warm", workers=workers) as (base, pid):
                for kind in args.kinds:
                    urls = pools[kind]
                    if name == "warm":  # fill the cache: each worker has its own, so every URL a few times each
                        run(base, urls, concurrency=2 * workers, requests=(1 if workers == 1 else 3 * workers) * len(urls))
                    else:  # first-request start-up costs, in every worker
                        run(base, urls[:3], concurrency=workers, requests=3 * workers)
                    for concurrency in args.concurrency:
                        started, cpu = time.perf_counter(), cpu_seconds(pid)
                        latencies = run(base, urls, concurrency=concurrency, requests=args.requests)
                        rate = len(latencies) / (time.perf_counter() - started)
                        # The server's own CPU per request (all its processes): what a request
                        # costs on an idle core, whatever else the machine is doing.
                        cpu_ms = (cpu_seconds(pid) - cpu) * 1000 / len(latencies)
                        print(f"{name:5} {workers:>7} {kind:9} {concurrency:>4} {len(latencies):>5} "
                              f"{percentile(latencies, 50):>8.1f} {percentile(latencies, 95):>8.1f} {max(latencies):>8.1f} "
                              f"{rate:>7.1f} {cpu_ms:>10.1f}", flush=True)
    print(f"# load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
