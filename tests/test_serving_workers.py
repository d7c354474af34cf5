"""Serving from several processes, with the same public settings and the same pages as `datasette serve`.

Real servers on 127.0.0.1: `miner serve --workers 2` and a published copy's
serve.sh in its worker mode; the table-rows template against Datasette's own.
"""

import contextlib
import json
import os
import pathlib
import re
import subprocess
import sys
import time

import httpx
import pytest
from datasette.app import Datasette

from miner.publish import PLUGINS, TEMPLATES, metadata_for, serve_arguments, settings
from miner.publish.asgi import datasette_from_config
from miner.publish.deploy import publish
from miner.publish.serving import datasette_config
from tests.publish_data import HOSTILE_ORG, _free_port, hostile_database, miner_serve

SLOW_SQL = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    return hostile_database(tmp_path_factory.mktemp("workers") / "miner.db")


def _worker_pids(pid: int) -> list[int]:
    """The processes multiprocessing spawned under `pid` (uvicorn's workers)."""
    found = []
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if parent == pid and b"spawn_main" in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
    return found


def _normalised(html: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"Queries took [0-9.]+ms", "", html))


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/miner/findings", "/miner/statistics?_facet=unit", f"/miner/organisations/{HOSTILE_ORG}",
                                  "/miner/findings/1", "/miner/documents?_search=script", "/miner/latest_grades"])
async def test_rows_template_writes_datasettes_html(hostile_db, path):
    # miner's _table.html renders rows in Python: the page must be Datasette's, whitespace aside,
    # hostile cells escaped exactly as Datasette's autoescaping template escapes them.
    pages = []
    for template_dir in (None, str(TEMPLATES)):
        ds = Datasette([str(hostile_db)], metadata=metadata_for(str(hostile_db)), settings=settings(),
                       plugins_dir=str(PLUGINS), template_dir=template_dir)
        response = await ds.client.get(path)
        assert response.status_code == 200
        pages.append(response.text)
    datasettes, miners = pages
    assert "<td" in miners and "&lt;script&gt;" in miners
    assert _normalised(miners) == _normalised(datasettes)


def test_serve_arguments_and_worker_config_describe_the_same_server(tmp_path):
    config = datasette_config("x.db", metadata=tmp_path / "m.json", immutable=True, allow_sql=False)
    args = serve_arguments("x.db", host="127.0.0.1", port=1, metadata=tmp_path / "m.json", immutable=True)
    assert config["settings"] == settings() and config["immutable"] is True
    assert args[args.index("--immutable") + 1] == config["database"]
    assert args[args.index("--template-dir") + 1] == config["template_dir"] == str(TEMPLATES)
    assert args[args.index("--plugins-dir") + 1] == config["plugins_dir"] == str(PLUGINS)
    for key, value in config["settings"].items():
        assert args[args.index(key) + 1] == (("on" if value else "off") if isinstance(value, bool) else str(value))


def test_worker_config_builds_the_datasette_serve_builds(hostile_db, tmp_path, monkeypatch):
    monkeypatch.setenv("DATASETTE_SECRET", "shared-by-every-worker")
    metadata = tmp_path / "metadata.json"
    metadata.write_text(json.dumps(metadata_for(str(hostile_db))))
    config_file = tmp_path / "datasette.json"
    config_file.write_text(json.dumps(datasette_config(str(hostile_db), metadata=metadata, immutable=True)))
    ds = datasette_from_config(config_file)
    assert ds.settings_dict() == {**ds.settings_dict(), **settings()}
    assert ds.get_database("miner").is_mutable is False
    assert ds.plugins_dir == str(PLUGINS) and ds.template_dir == str(TEMPLATES)
    # Every worker signs with the launcher's secret: what one signs, another accepts.
    other = datasette_from_config(config_file)
    assert other.unsign(ds.sign({"a": "root"}, "actor"), "actor") == {"a": "root"}


def _get_until_up(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{base}/-/versions.json", timeout=2)
            return
        except httpx.TransportError:
            if process.poll() is not None:
                raise AssertionError(process.stderr.read().decode()) from None
            if time.monotonic() > deadline:
                raise AssertionError("the server did not start") from None
            time.sleep(0.2)


def _assert_public(base: str, *, allow_sql: bool, workers: bool = True) -> None:
    """The public settings, checked over HTTP: what a visitor of any worker gets."""
    settings_page = httpx.get(f"{base}/-/settings.json")
    # In worker mode each request has its own connection, so it goes to a free worker.
    assert (settings_page.headers.get("connection") == "close") is workers
    served = settings_page.json()
    assert served == {**served, **settings(allow_sql=allow_sql)}
    sql = httpx.get(f"{base}/miner.json", params={"sql": "select count(*) from findings"})
    assert sql.status_code == (200 if allow_sql else 403)
    page = httpx.get(f"{base}/miner/findings")
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "&lt;script&gt;" in page.text and "<script>document.title" not in page.text


def test_miner_serve_workers_with_sql_allowed_keep_the_time_limit(hostile_db):
    # (Without --allow-sql, worker mode is tested by test_public_serving and the serve.sh test below.)
    with miner_serve(hostile_db, "--immutable", "--workers", "2", "--allow-sql") as base:
        for _ in range(4):  # several connections: whichever worker answers, the same rules
            _assert_public(base, allow_sql=True)
        started = time.perf_counter()
        slow = httpx.get(f"{base}/miner.json", params={"sql": SLOW_SQL}, timeout=30)
        assert slow.status_code == 400 and "SQL query took too long" in slow.text
        assert time.perf_counter() - started < 10


@pytest.mark.parametrize("workers", [1, 2])
def test_published_serve_sh_serves_with_the_public_settings(hostile_db, tmp_path, workers):
    published = publish(hostile_db, tmp_path / "site")
    assert (published.directory / "asgi.py").read_text() == (pathlib.Path(TEMPLATES).parent / "asgi.py").read_text()
    port = _free_port()
    env = {**os.environ, "PYTHON": sys.executable, "PATH": f"{pathlib.Path(sys.executable).parent}:{os.environ['PATH']}"}
    process = subprocess.Popen(
        [str(published.script), "--workers", str(workers), "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _get_until_up(base, process)
        # --workers 1 is `datasette serve` itself; more, that many uvicorn worker processes.
        assert len(_worker_pids(process.pid)) == (workers if workers > 1 else 0)
        _assert_public(base, allow_sql=False, workers=workers > 1)
        # The precomputed counts answer in every mode.
        assert httpx.get(f"{base}/miner/findings.json?_facet=kind").json()["filtered_table_rows_count"] == 5
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert _worker_pids(process.pid) == []
