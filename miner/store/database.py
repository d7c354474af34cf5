"""Opening a database: WAL, a busy timeout, migrations, the gazetteer."""

from __future__ import annotations

import json
import pathlib

from sqlite_utils import Database

from miner.store.schema import migrations


def open_database(path: str | pathlib.Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) a miner database at `path`, upgraded to the current schema."""
    db = Database(path)
    # WAL lets Datasette read while an ingest writes; the timeout makes a
    # writer wait for a reader's lock instead of failing at once.
    db.execute("PRAGMA busy_timeout = 30000")
    if not db.memory:
        db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    if migrate:
        migrations.apply(db)
        _load_gazetteer(db)
    return db


def _load_gazetteer(db: Database) -> None:
    from miner.nlp.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    table = db["organisations"]
    existing = {row["id"]: row for row in table.rows}
    rows = []
    for org in gazetteer.organisations:
        row = {
            "id": org.id,
            "name": org.name,
            "kind": org.kind,
            "region": org.region,
            "country": org.country,
            "aliases": json.dumps(list(org.aliases)),
        }
        if existing.get(org.id) != row:
            rows.append(row)
    if rows:
        with db.atomic():
            table.upsert_all(rows, pk="id")
