"""How Datasette serves a miner database: the public settings and the command line.

A public instance must not let a visitor hold the server or the file: SQL
gets a time limit, results a row cap, arbitrary SQL is off unless asked for
(canned queries in metadata.yml still run), and nothing can write (Datasette
reads through read-only connections, or `immutable=1` for a published copy).
"""

from __future__ import annotations

import json
import os
import pathlib
import secrets

TEMPLATES = pathlib.Path(__file__).parent / "templates"
PLUGINS = pathlib.Path(__file__).parent / "plugins"

# Settings for a database anyone may query: bounded SQL time and result
# sizes, no facet suggestions (slow on big tables), cached responses, and
# no arbitrary SQL (the `execute-sql` permission) by default. Booleans, not
# "on"/"off": Datasette's Python API takes the values as they are (a string
# "off" would be true); serve_arguments spells them for the command line.
# 20 rows a page: most of a table page's CPU is per cell (17 columns on
# findings and statistics), 50 rows cost 36-39 ms a page against 27-31 ms
# (benchmarks/README.md); ?_size= asks for more, up to max_returned_rows.
PUBLIC_SETTINGS = {
    "sql_time_limit_ms": 1500,
    "max_returned_rows": 1000,
    "default_page_size": 20,
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


def datasette_config(
    db_path: str,
    *,
    metadata: pathlib.Path,
    immutable: bool = False,
    allow_sql: bool = False,
    inspect_file: pathlib.Path | None = None,
    plugins: pathlib.Path | None = None,
    templates: pathlib.Path | None = None,
) -> dict:
    """What Datasette serves and with which settings: the one description both serving modes are built from.

    `datasette serve` gets it as arguments (serve_arguments), the worker
    processes as a JSON file read by miner/publish/asgi.py. `plugins` and
    `templates` override miner's directories (a published copy ships its own).
    """
    if templates is None and TEMPLATES.exists() and any(TEMPLATES.iterdir()):
        templates = TEMPLATES
    if plugins is None and PLUGINS.exists():
        plugins = PLUGINS
    return {
        "database": str(db_path),
        "immutable": immutable,
        "metadata": str(metadata),
        "inspect_file": None if inspect_file is None else str(inspect_file),
        "template_dir": None if templates is None else str(templates),
        "plugins_dir": None if plugins is None else str(plugins),
        "settings": settings(allow_sql=allow_sql),
    }


def serve_arguments(db_path: str, *, host: str, port: int, metadata: pathlib.Path, **options) -> list[str]:
    """`datasette serve` arguments for `db_path` with the public settings (options: datasette_config's)."""
    config = datasette_config(db_path, metadata=metadata, **options)
    args = [
        "serve",
        *(["--immutable", config["database"]] if config["immutable"] else [config["database"]]),
        "--metadata", config["metadata"],
        "--host", host,
        "--port", str(port),
    ]
    if config["template_dir"] is not None:
        args += ["--template-dir", config["template_dir"]]
    if config["plugins_dir"] is not None:
        args += ["--plugins-dir", config["plugins_dir"]]
    if config["inspect_file"] is not None:
        args += ["--inspect-file", config["inspect_file"]]
    for key, value in config["settings"].items():
        args += ["--setting", key, ("on" if value else "off") if isinstance(value, bool) else str(value)]
    return args


def worker_arguments(*, host: str, port: int, workers: int, app: str = "miner.publish.asgi:app",
                     app_dir: str | None = None) -> list[str]:
    """`python -m uvicorn` arguments for `workers` processes, each building Datasette from the
    JSON file named by the MINER_DATASETTE_CONFIG environment variable (asgi.CONFIG_ENV).

    uvicorn is what `datasette serve` runs on (one process); the same log level and
    proxy-header defaults apply. `app_dir` is where a published copy's asgi.py is.
    """
    args = ["-m", "uvicorn", "--factory", app, "--host", host, "--port", str(port),
            "--workers", str(workers), "--log-level", "info"]
    if app_dir is not None:
        args += ["--app-dir", app_dir]
    return args


def run_workers(config: dict, directory: pathlib.Path, *, host: str, port: int, workers: int) -> None:
    """Serve `config` (datasette_config's) from `workers` uvicorn processes until interrupted.

    The config goes to a JSON file in `directory` that each worker reads; the
    workers share one cookie-signing secret (DATASETTE_SECRET, as `datasette
    serve` reads it), or a cookie signed by one would be refused by another.
    """
    import uvicorn

    from miner.publish.asgi import CONFIG_ENV

    path = directory / "datasette.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    os.environ[CONFIG_ENV] = str(path)
    os.environ.setdefault("DATASETTE_SECRET", secrets.token_hex(32))
    uvicorn.run("miner.publish.asgi:app", factory=True, host=host, port=port, workers=workers, log_level="info")
