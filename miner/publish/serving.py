"""How Datasette serves a miner database: the public settings and the command line.

A public instance must not let a visitor hold the server or the file: SQL
gets a time limit, results a row cap, arbitrary SQL is off unless asked for
(canned queries in metadata.yml still run), and nothing can write (Datasette
reads through read-only connections, or `immutable=1` for a published copy).
"""

from __future__ import annotations

import pathlib

TEMPLATES = pathlib.Path(__file__).parent / "templates"
PLUGINS = pathlib.Path(__file__).parent / "plugins"

# Settings for a database anyone may query: bounded SQL time and result
# sizes, no facet suggestions (slow on big tables), cached responses, and
# no arbitrary SQL (the `execute-sql` permission) by default. Booleans, not
# "on"/"off": Datasette's Python API takes the values as they are (a string
# "off" would be true); serve_arguments spells them for the command line.
PUBLIC_SETTINGS = {
    "sql_time_limit_ms": 1500,
    "max_returned_rows": 1000,
    "default_page_size": 50,
    "facet_time_limit_ms": 400,
    "suggest_facets": False,
    "allow_download": False,
    "default_allow_sql": False,
    "default_cache_ttl": 60,
    "num_sql_threads": 4,
}


def settings(*, allow_sql: bool = False) -> dict:
    """PUBLIC_SETTINGS, with arbitrary SQL allowed when asked for."""
    return {**PUBLIC_SETTINGS, "default_allow_sql": allow_sql}


def serve_arguments(
    db_path: str,
    *,
    host: str,
    port: int,
    metadata: pathlib.Path,
    immutable: bool = False,
    allow_sql: bool = False,
    inspect_file: pathlib.Path | None = None,
    plugins: pathlib.Path | None = None,
) -> list[str]:
    """`datasette serve` arguments for `db_path` with the public settings.

    `plugins` overrides the plugin directory (a published copy ships its own).
    """
    args = [
        "serve",
        *(["--immutable", db_path] if immutable else [db_path]),
        "--metadata", str(metadata),
        "--host", host,
        "--port", str(port),
    ]
    if TEMPLATES.exists() and any(TEMPLATES.iterdir()):
        args += ["--template-dir", str(TEMPLATES)]
    if plugins is not None:
        args += ["--plugins-dir", str(plugins)]
    elif PLUGINS.exists():
        args += ["--plugins-dir", str(PLUGINS)]
    if inspect_file is not None:
        args += ["--inspect-file", str(inspect_file)]
    for key, value in settings(allow_sql=allow_sql).items():
        args += ["--setting", key, ("on" if value else "off") if isinstance(value, bool) else str(value)]
    return args
