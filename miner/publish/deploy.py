"""`miner publish`: a deployable, immutable copy of a miner database.

The copy is made with `VACUUM INTO` (a consistent snapshot even while an
ingest writes, compacted), upgraded to the current schema, given indexes on
the columns metadata.yml facets on, analysed, its full-text indexes merged,
switched to journal_mode=DELETE (an immutable file must not need a -wal),
and checked with `PRAGMA integrity_check`. Next to it go the metadata, the
table counts (`datasette inspect`, so pages of a million rows need no
count(*)), the plugins, and a script that serves it with the public settings.
Everything is built in a temporary directory beside OUT_DIR and moved into
place at the end, so a failed run leaves OUT_DIR as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import pathlib
import shlex
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field

from miner.errors import MinerError
from miner.publish import PLUGINS, metadata_for
from miner.publish.asgi import CONFIG_ENV
from miner.publish.serving import TEMPLATES, datasette_config, serve_arguments, worker_arguments

MIGRATION_SET = "miner"
FACET_COUNTS_TABLE = "_miner_facet_counts"  # read by plugins/miner_public.py
INDEX_PREFIX = "publish_idx_"
COVERING_LEAD = "organisation_id"
WORKER_CONFIG = "datasette.json"
ASGI_MODULE = pathlib.Path(__file__).with_name("asgi.py")


@dataclass
class Published:
    directory: pathlib.Path
    database: pathlib.Path
    metadata: pathlib.Path
    inspect_file: pathlib.Path
    script: pathlib.Path
    command: list[str]
    indexes: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "directory": str(self.directory), "database": str(self.database), "metadata": str(self.metadata),
            "inspect_file": str(self.inspect_file), "script": str(self.script), "command": shlex.join(self.command),
            "indexes": self.indexes, "counts": self.counts,
        }


def check_miner_database(db_path: pathlib.Path) -> None:
    """Raise MinerError (one line naming the file) unless `db_path` is a miner database."""
    if not db_path.is_file():
        raise MinerError(f"{db_path}: no such database file")
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            has_migrations = conn.execute(
                "select 1 from sqlite_master where type = 'table' and name = '_sqlite_migrations'"
            ).fetchone()
            applied = has_migrations and conn.execute(
                "select count(*) from _sqlite_migrations where migration_set = ?", [MIGRATION_SET]
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise MinerError(f"{db_path}: not an SQLite database ({error})") from None
    if not applied:
        raise MinerError(f"{db_path}: not a miner database (no miner schema migrations in _sqlite_migrations)")


def _facet_columns(metadata: dict, name: str) -> dict[str, list[str]]:
    tables = metadata.get("databases", {}).get(name, {}).get("tables", {})
    return {table: list(spec.get("facets", [])) for table, spec in tables.items() if spec.get("facets")}


def _leading_indexed_columns(conn: sqlite3.Connection, table: str) -> set[str]:
    leading = set()
    for index in conn.execute(f"select name from pragma_index_list(?)", [table]):
        first = conn.execute("select name from pragma_index_info(?) where seqno = 0", [index[0]]).fetchone()
        if first:
            leading.add(first[0])
    return leading


def add_facet_indexes(conn: sqlite3.Connection, facets: dict[str, list[str]]) -> list[str]:
    """An index on every faceted column that lacks one, so a facet count reads an index, not the table."""
    created = []
    for table, columns in facets.items():
        if not conn.execute("select 1 from sqlite_master where type = 'table' and name = ?", [table]).fetchone():
            continue
        present = {row[1] for row in conn.execute(f"pragma table_info([{table}])")}
        indexed = _leading_indexed_columns(conn, table)
        for column in columns:
            if column in present and column not in indexed:
                name = f"{INDEX_PREFIX}{table}_{column}"
                conn.execute(f"create index if not exists [{name}] on [{table}]([{column}])")
                created.append(name)
        # An organisation's page filters on organisation_id and facets the
        # other columns: (organisation_id, column) answers each facet and
        # the filtered count from the index alone.
        lead = COVERING_LEAD
        if lead in columns and lead in present:
            for column in (c for c in columns if c != lead and c in present):
                name = f"{INDEX_PREFIX}{table}_{lead}_{column}"
                conn.execute(f"create index if not exists [{name}] on [{table}]([{lead}], [{column}])")
                created.append(name)
    return created


def optimise(conn: sqlite3.Connection) -> None:
    """ANALYZE for the query planner; merge each FTS5 index's segments into one."""
    conn.execute("analyze")
    for table in _fts5_tables(conn):
        conn.execute(f"insert into [{table}]([{table}]) values ('optimize')")
    conn.commit()


def integrity(conn: sqlite3.Connection) -> list[str]:
    """PRAGMA integrity_check, then each FTS5 index against its table (the plugin counts searches from the index)."""
    problems = [row[0] for row in conn.execute("pragma integrity_check")]
    if problems != ["ok"]:
        return problems
    for table in _fts5_tables(conn):
        try:
            conn.execute(f"insert into [{table}]([{table}]) values ('integrity-check')")
        except sqlite3.DatabaseError as error:
            return [f"{table}: {error}"]
    return ["ok"]


def _fts5_tables(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute(
        "select name from sqlite_master where type = 'table' and sql like '%using fts5%'"
    )]


def precompute_facet_counts(conn: sqlite3.Connection, facets: dict[str, list[str]]) -> None:
    """Every value count of every faceted column, for the plugin to answer unfiltered facets from."""
    conn.execute(f"create table [{FACET_COUNTS_TABLE}] (table_name text, column_name text, value, count integer)")
    for table, columns in facets.items():
        present = {row[1] for row in conn.execute(f"pragma table_info([{table}])")}
        for column in (c for c in columns if c in present):
            conn.execute(
                f"insert into [{FACET_COUNTS_TABLE}] select ?, ?, [{column}], count(*) from [{table}]"
                f" where [{column}] is not null group by [{column}]",
                [table, column],
            )
    conn.execute(f"create index [{FACET_COUNTS_TABLE}_lookup] on [{FACET_COUNTS_TABLE}] (table_name, column_name, count)")
    conn.commit()


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = [row[0] for row in conn.execute("select name from sqlite_master where type = 'table' order by name")]
    return {table: conn.execute(f"select count(*) from [{table}]").fetchone()[0] for table in tables}


def publish(db_path: str | pathlib.Path, out_dir: str | pathlib.Path, *, force: bool = False,
            metadata: pathlib.Path | None = None, host: str = "0.0.0.0", port: int = 8001) -> Published:
    db_path, out_dir = pathlib.Path(db_path), pathlib.Path(out_dir)
    check_miner_database(db_path)
    if out_dir.exists() and not out_dir.is_dir():
        raise MinerError(f"{out_dir}: exists and is not a directory")
    if out_dir.resolve() in db_path.resolve().parents:
        raise MinerError(f"{db_path}: is inside {out_dir}, which publishing replaces; publish to another directory")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not force:
        raise MinerError(f"{out_dir}: exists and is not empty (use --force to replace it)")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = pathlib.Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-publishing-", dir=out_dir.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the copy is meant to be served
    try:
        published = _build(db_path, out_dir, staging, metadata=metadata, host=host, port=port)
        _replace(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return published


def _build(db_path, out_dir, staging, *, metadata, host, port) -> Published:
    name = db_path.stem
    target = staging / f"{name}.db"
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        source.execute("vacuum into ?", [str(target)])
    finally:
        source.close()
    # Upgrade the copy (never the source) to the current schema.
    from miner.store import open_database

    open_database(target).close()
    data = metadata_for(str(target), metadata)
    conn = sqlite3.connect(target)
    try:
        conn.execute("pragma journal_mode = delete")
        facets = _facet_columns(data, name)
        indexes = add_facet_indexes(conn, facets)
        conn.commit()
        precompute_facet_counts(conn, facets)
        optimise(conn)
        problems = integrity(conn)
        if problems != ["ok"]:
            raise MinerError(f"{db_path}: the published copy fails PRAGMA integrity_check: {problems[0]}")
        counts = _table_counts(conn)
    finally:
        conn.close()
    for side in ("-wal", "-shm"):
        pathlib.Path(f"{target}{side}").unlink(missing_ok=True)

    data.setdefault("databases", {}).setdefault(name, {}).setdefault("tables", {})[FACET_COUNTS_TABLE] = {
        "hidden": True, "description": "Facet counts of the unfiltered tables, computed by miner publish"}
    meta_file = staging / "metadata.json"
    meta_file.write_text(json.dumps(data, indent=1), encoding="utf-8")
    # The same shape as `datasette inspect` writes, from the counts taken above;
    # "file" is relative because the directory is meant to be moved.
    with open(target, "rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    inspect_data = {name: {"hash": digest, "size": target.stat().st_size, "file": target.name,
                           "tables": {table: {"count": n} for table, n in counts.items()}}}
    inspect_file = staging / "inspect-data.json"
    inspect_file.write_text(json.dumps(inspect_data, indent=1), encoding="utf-8")
    plugins = templates = None
    if PLUGINS.exists():
        shutil.copytree(PLUGINS, staging / "plugins", ignore=shutil.ignore_patterns("__pycache__"))
        plugins = pathlib.Path("plugins")
    if TEMPLATES.exists() and any(TEMPLATES.iterdir()):
        shutil.copytree(TEMPLATES, staging / "templates", ignore=shutil.ignore_patterns("__pycache__"))
        templates = pathlib.Path("templates")
    served = dict(metadata=pathlib.Path("metadata.json"), immutable=True, inspect_file=pathlib.Path("inspect-data.json"),
                  plugins=plugins, templates=templates)
    command = ["datasette", *serve_arguments(target.name, host=host, port=port, **served)]
    # The same description for the worker processes (asgi.py reads it; paths relative to it).
    (staging / WORKER_CONFIG).write_text(json.dumps(datasette_config(target.name, **served), indent=1), encoding="utf-8")
    shutil.copy2(ASGI_MODULE, staging / "asgi.py")
    script = staging / "serve.sh"
    script.write_text(_serve_script(target.name, served, host=host, port=port), encoding="utf-8")
    script.chmod(0o755)
    (staging / "README.md").write_text(_readme(name, command), encoding="utf-8")
    final = lambda p: out_dir / p.name  # noqa: E731
    return Published(out_dir, final(target), final(meta_file), final(inspect_file), final(script), command, indexes, counts)


def _replace(staging: pathlib.Path, out_dir: pathlib.Path) -> None:
    """Move the finished copy into place; an existing OUT_DIR goes only once the new one is complete."""
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}-replaced-{os.getpid()}")
        out_dir.rename(old)
        staging.rename(out_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(out_dir)


def _serve_script(database: str, served: dict, *, host: str, port: int) -> str:
    """serve.sh: one worker process per CPU, or one `datasette serve` with --workers 1 or other arguments."""
    def shell(args: list[str]) -> str:  # the sentinels become the script's variables
        return shlex.join(args).replace(_HOST, '"$host"').replace(_PORT, '"$port"').replace(_WORKERS, '"$workers"')

    single = shell(["datasette", *serve_arguments(database, host=_HOST, port=_PORT, **served)])
    workers = shell(worker_arguments(host=_HOST, port=_PORT, workers=_WORKERS, app="asgi:app", app_dir="."))
    return f"""#!/bin/sh
# Serve this published miner database, read-only, with the public settings:
#   ./serve.sh [--workers N] [--host H] [--port P] [datasette serve options]
# N worker processes (default: one per CPU; PYTHON=... names the interpreter
# that has Datasette), or one `datasette serve` process with --workers 1 or
# with datasette options, e.g. --setting default_allow_sql on to allow
# arbitrary SQL.
cd "$(dirname "$0")" || exit 1
host={shlex.quote(host)} port={port} workers=$(nproc 2>/dev/null || echo 1)
while [ $# -gt 1 ]; do
  case $1 in
    --workers) workers=$2 ;;
    --host) host=$2 ;;
    --port) port=$2 ;;
    *) break ;;
  esac
  shift 2
done
if [ "$workers" -gt 1 ] && [ $# -eq 0 ]; then
  # Every worker signs cookies with the same secret.
  DATASETTE_SECRET=${{DATASETTE_SECRET:-$(od -An -N32 -tx1 /dev/urandom | tr -d ' \\n')}}
  export DATASETTE_SECRET {CONFIG_ENV}={WORKER_CONFIG}
  exec "${{PYTHON:-python3}}" {workers}
fi
exec {single} "$@"
"""


_HOST, _PORT, _WORKERS = "@HOST@", "@PORT@", "@WORKERS@"


def _readme(name: str, command: list[str]) -> str:
    return f"""# {name}: a published miner database

Made by `miner publish`: a compacted, integrity-checked, immutable copy of a miner
database with the files Datasette needs to serve it to the public.

- `{name}.db`: the database (journal_mode=DELETE; open it read-only or `immutable=1`)
- `metadata.json`: titles, descriptions, facets and canned queries
- `inspect-data.json`: table row counts, so table pages need no `count(*)`
- `plugins/`: miner's Datasette plugin (CSV formula defusing, security headers, response cache)
- `templates/`: table rows rendered by the plugin (the same HTML, less CPU)
- `asgi.py`, `{WORKER_CONFIG}`: Datasette for several worker processes, with the same settings
- `serve.sh`: serves it

Serve it (needs `pip install datasette`) with `./serve.sh`: one uvicorn worker process per CPU
(`./serve.sh --workers N` to choose; set `PYTHON` to the interpreter Datasette is installed in),
each with the settings below; an immutable file can be read by any number of processes. With
`--workers 1`, or with any other arguments (they go to `datasette serve`), it runs one process:

    {shlex.join(command)}

Public settings: SQL time limit {_setting(command, 'sql_time_limit_ms')} ms, at most
{_setting(command, 'max_returned_rows')} rows a query, no arbitrary SQL (canned queries still run;
add `--setting default_allow_sql on` to allow it), no writes (the file is served immutable).

CSV exports: a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
written with a leading `'` so spreadsheets do not run it as a formula (OWASP CSV injection).
"""


def _setting(command: list[str], key: str) -> str:
    for i, arg in enumerate(command):
        if arg == "--setting" and command[i + 1] == key:
            return command[i + 2]
    return "?"
