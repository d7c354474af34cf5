"""The publish plugin's remembered schema answers: same pages, fresh copies, unknown tables still 404."""

import re
import sqlite3

import pytest
from datasette.app import Datasette

from miner.publish import PLUGINS, PUBLIC_SETTINGS


@pytest.fixture
def published_db(tmp_path):
    # What the plugin looks for in a `miner publish` copy: the precomputed-counts table.
    path = tmp_path / "site.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        "create table findings (id integer primary key, kind text, text text);"
        "insert into findings (kind, text) values ('finding', 'Leaders act'), ('recommendation', 'Improve');"
        "create table _miner_facet_counts (table_name text, column_name text, value text, count integer);"
        "insert into _miner_facet_counts values ('findings', 'kind', 'finding', 1), ('findings', 'kind', 'recommendation', 1);"
    )
    conn.commit()
    conn.close()
    return path


def _untimed(page: str) -> str:
    return re.sub(r"Queries took [0-9.]+ms", "", page)


def _datasette(path, plugins_dir=str(PLUGINS), **kwargs):
    return Datasette(immutables=[str(path)], settings=PUBLIC_SETTINGS, plugins_dir=plugins_dir, **kwargs)


@pytest.mark.asyncio
async def test_schema_answers_are_remembered_as_copies_and_pages_stay_the_same(published_db, monkeypatch):
    monkeypatch.setenv("MINER_RESPONSE_CACHE", "0")
    ds = _datasette(published_db)
    await ds.invoke_startup()
    db = ds.get_database("site")
    columns = await db.table_columns("findings")
    assert columns == ["id", "kind", "text"]
    columns.append("changed by a caller")
    assert await db.table_columns("findings") == ["id", "kind", "text"]
    assert await db.fts_table("findings") is None
    assert await db.table_exists("findings") and not await db.table_exists("missing")

    plain = _datasette(published_db, plugins_dir=None)
    for path in ("/site/findings", "/site/findings?kind=finding", "/site/findings.json?_shape=array"):
        first, second = await ds.client.get(path), await ds.client.get(path)
        assert first.status_code == second.status_code == 200
        assert _untimed(first.text) == _untimed(second.text)
        if path.endswith("array"):
            assert first.json() == (await plain.client.get(path)).json()
    assert (await ds.client.get("/site/missing")).status_code == 404
    assert (await ds.client.get("/site/missing")).status_code == 404


@pytest.mark.asyncio
async def test_table_allow_blocks_follow_a_replaced_metadata(published_db, monkeypatch):
    monkeypatch.setenv("MINER_RESPONSE_CACHE", "0")
    ds = _datasette(published_db, metadata={"databases": {"site": {"tables": {"findings": {"allow": False}}}}})
    await ds.invoke_startup()
    assert (await ds.client.get("/site/findings")).status_code == 403
    assert (await ds.client.get("/site/findings")).status_code == 403
    ds._metadata_local = {}
    assert (await ds.client.get("/site/findings")).status_code == 200
