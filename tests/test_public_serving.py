"""Public serving: no arbitrary SQL unless asked, no writes, a time limit, safe CSV, security headers."""

import sqlite3
import time

import httpx
import pytest
from datasette.app import Datasette

from miner.publish import PLUGINS, PUBLIC_SETTINGS, metadata_for, serve_arguments, settings
from tests.publish_data import FORMULA, formula_database, miner_serve

SLOW_SQL = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"


async def _datasette(path, *, allow_sql=False, immutable=False, **overrides):
    kwargs = {"immutables": [str(path)]} if immutable else {"files": [str(path)]}
    ds = Datasette(metadata=metadata_for(str(path)), settings={**settings(allow_sql=allow_sql), **overrides},
                   plugins_dir=str(PLUGINS), **kwargs)
    await ds.invoke_startup()
    return ds


@pytest.fixture
def formula_db(tmp_path):
    return formula_database(tmp_path / "miner.db")


@pytest.mark.asyncio
async def test_arbitrary_sql_is_denied_by_default_but_canned_queries_run(formula_db):
    ds = await _datasette(formula_db)
    denied = await ds.client.get("/miner.json?sql=select+count(*)+from+findings")
    assert denied.status_code == 403
    table_where = await ds.client.get("/miner/findings.json?_where=id>1")
    assert table_where.status_code == 403
    canned = await ds.client.get("/miner/search_findings.json?_shape=objects&q=cmd")
    assert canned.status_code == 200
    assert [row["text"] for row in canned.json()["rows"]] == ["@cmd"]


@pytest.mark.asyncio
async def test_allow_sql_lets_visitors_query(formula_db):
    ds = await _datasette(formula_db, allow_sql=True)
    response = await ds.client.get("/miner.json?sql=select+count(*)+as+n+from+findings&_shape=objects")
    assert response.status_code == 200
    assert response.json()["rows"] == [{"n": 8}]


@pytest.mark.asyncio
@pytest.mark.parametrize("immutable", [False, True])
async def test_writes_are_impossible_even_with_sql_allowed(formula_db, immutable):
    ds = await _datasette(formula_db, allow_sql=True, immutable=immutable)
    for sql in ("delete from findings", "update findings set text = 'x'", "drop table findings",
                "insert into findings (id, document_id) values (99, 1)", "select 1; delete from findings"):
        response = await ds.client.get("/miner.json", params={"sql": sql})
        assert response.status_code == 400, sql
    # Below the SQL checks: the read connections themselves cannot write.
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|attempt to write"):
        await ds.get_database("miner").execute("delete from findings")
    assert sqlite3.connect(formula_db).execute("select count(*) from findings").fetchone()[0] == 8


@pytest.mark.asyncio
async def test_a_runaway_query_is_stopped_at_the_time_limit(formula_db):
    ds = await _datasette(formula_db, allow_sql=True, sql_time_limit_ms=200)
    started = time.perf_counter()
    response = await ds.client.get("/miner.json", params={"sql": SLOW_SQL})
    assert response.status_code == 400
    assert "SQL query took too long" in response.text
    assert time.perf_counter() - started < 10


def test_public_settings_bound_time_rows_and_sql():
    assert PUBLIC_SETTINGS["sql_time_limit_ms"] <= 2000
    assert PUBLIC_SETTINGS["max_returned_rows"] <= 1000
    assert PUBLIC_SETTINGS["default_allow_sql"] is False
    args = serve_arguments("x.db", host="127.0.0.1", port=1, metadata="m.json")
    assert args[args.index("default_allow_sql") + 1] == "off"
    allowed = serve_arguments("x.db", host="127.0.0.1", port=1, metadata="m.json", allow_sql=True)
    assert allowed[allowed.index("default_allow_sql") + 1] == "on"
    assert allowed[allowed.index("--plugins-dir") + 1] == str(PLUGINS)


@pytest.mark.asyncio
async def test_csv_export_defuses_formula_cells(formula_db):
    ds = await _datasette(formula_db)
    body = (await ds.client.get("/miner/findings.csv")).text
    lines = body.splitlines()
    assert lines[1] == '1,1,,"\'=HYPERLINK(""http://evil.example/"",""click"")",finding,neutral,,,,,,,'
    assert "2,1,,'+SUM(A1:A9),finding" in body
    assert "3,1,,'-2+3,finding" in body
    assert "4,1,,'@cmd,finding" in body
    assert "5,1,,'\t=1+2,finding" in body
    assert "7,1,,plain text,finding" in body
    assert "8,1,,a = b,finding" in body
    assert f",{FORMULA[:5]}" not in body
    statistics = (await ds.client.get("/miner/statistics.csv")).text
    # A negative number is a number, not a formula; text starting with '-' is defused.
    assert "1,1,,-3.5,percent,,,,,,,'-3.5 per cent," in statistics
    # Canned query CSV goes through the same writer; JSON keeps the data as stored.
    canned = (await ds.client.get("/miner/search_findings.csv?q=cmd")).text
    assert "'@cmd" in canned
    as_json = (await ds.client.get("/miner/findings/4.json?_shape=objects")).json()
    assert as_json["rows"][0]["text"] == "@cmd"


@pytest.mark.asyncio
async def test_pages_carry_nosniff_and_a_content_security_policy(formula_db):
    ds = await _datasette(formula_db)
    for path in ("/", "/miner", "/miner/findings", "/miner/findings.json", "/miner/findings.csv", "/-/static/app.css"):
        response = await ds.client.get(path)
        assert response.status_code == 200, path
        assert response.headers["x-content-type-options"] == "nosniff"
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp


@pytest.mark.asyncio
async def test_response_cache_serves_immutable_pages_and_never_a_mutable_one(formula_db, tmp_path):
    immutable = await _datasette(formula_db, immutable=True)
    first = await immutable.client.get("/miner/findings.json?_shape=objects")
    second = await immutable.client.get("/miner/findings.json?_shape=objects")
    assert first.text == second.text and len(first.json()["rows"]) == 8

    # A forged Host header gets its own entry: it never reaches another visitor's page.
    forged = await immutable.client.get("/miner/findings?_facet=kind", headers={"host": "attacker.test"})
    assert "attacker.test" in forged.text
    honest = await immutable.client.get("/miner/findings?_facet=kind")
    assert honest.status_code == 200 and "attacker.test" not in honest.text

    mutable = await _datasette(formula_db)
    before = (await mutable.client.get("/miner/findings.json?_shape=objects")).json()["rows"]
    with sqlite3.connect(formula_db) as conn:
        conn.execute("insert into findings (id, document_id, text) values (9, 1, 'new')")
    after = (await mutable.client.get("/miner/findings.json?_shape=objects")).json()["rows"]
    assert len(after) == len(before) + 1


@pytest.mark.parametrize("extra, status", [
    ((), 403), (("--allow-sql",), 200), (("--immutable", "--workers", "1"), 403),
    # Worker processes (uvicorn --workers): the same rules in every process.
    (("--immutable", "--workers", "2"), 403),
])
def test_miner_serve_on_loopback(formula_db, extra, status):
    with miner_serve(formula_db, *extra) as base:
        assert httpx.get(f"{base}/miner.json", params={"sql": "select 1"}).status_code == status
        csv = httpx.get(f"{base}/miner/findings.csv").text
        assert "4,1,,'@cmd,finding" in csv
        assert httpx.get(f"{base}/miner/findings").headers["x-content-type-options"] == "nosniff"
