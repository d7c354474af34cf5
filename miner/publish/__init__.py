"""Publishing with Datasette: the shipped metadata and the serving settings."""

from __future__ import annotations

import pathlib

METADATA = pathlib.Path(__file__).resolve().parents[2] / "metadata.yml"
TEMPLATES = pathlib.Path(__file__).parent / "templates"
PLUGINS = pathlib.Path(__file__).parent / "plugins"

# Settings for a database anyone may query: bounded SQL time and result
# sizes, no facet suggestions (slow on big tables), cached responses.
PUBLIC_SETTINGS = {
    "sql_time_limit_ms": 1500,
    "max_returned_rows": 1000,
    "default_page_size": 50,
    "facet_time_limit_ms": 400,
    "suggest_facets": "off",
    "allow_download": "off",
    "default_cache_ttl": 60,
    "num_sql_threads": 4,
}


def metadata_for(db_path: str, metadata: pathlib.Path | None = None) -> dict:
    """metadata.yml with its database section named after `db_path`.

    The shipped file describes a database called `miner` (miner.db) so it
    works with plain `datasette miner.db -m metadata.yml`; any other file
    name gets the same descriptions, facets and queries.
    """
    import yaml

    data = yaml.safe_load((metadata or METADATA).read_text(encoding="utf-8"))
    databases = data.get("databases", {})
    if "miner" in databases:
        name = pathlib.Path(db_path).stem
        databases[name] = databases.pop("miner")
    return data


def write_metadata_for(db_path: str, target: pathlib.Path, metadata: pathlib.Path | None = None) -> pathlib.Path:
    import json

    target.write_text(json.dumps(metadata_for(db_path, metadata), indent=1), encoding="utf-8")
    return target


def serve_arguments(db_path: str, *, host: str, port: int, metadata: pathlib.Path, immutable: bool = False) -> list[str]:
    args = [
        "serve",
        *(["--immutable", db_path] if immutable else [db_path]),
        "--metadata", str(metadata),
        "--host", host,
        "--port", str(port),
    ]
    if TEMPLATES.exists() and any(TEMPLATES.iterdir()):
        args += ["--template-dir", str(TEMPLATES)]
    if PLUGINS.exists():
        args += ["--plugins-dir", str(PLUGINS)]
    for key, value in PUBLIC_SETTINGS.items():
        args += ["--setting", key, str(value)]
    return args
