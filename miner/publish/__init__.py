"""Publishing with Datasette: the shipped metadata and the serving settings."""

from __future__ import annotations

import pathlib

METADATA = pathlib.Path(__file__).resolve().parents[2] / "metadata.yml"
TEMPLATES = pathlib.Path(__file__).parent / "templates"

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


def metadata_path() -> pathlib.Path:
    return METADATA


def serve_arguments(db_path: str, *, host: str, port: int, metadata: pathlib.Path | None = None, immutable: bool = False) -> list[str]:
    args = [
        "serve",
        *(["--immutable", db_path] if immutable else [db_path]),
        "--metadata", str(metadata or METADATA),
        "--host", host,
        "--port", str(port),
    ]
    if TEMPLATES.exists() and any(TEMPLATES.iterdir()):
        args += ["--template-dir", str(TEMPLATES)]
    for key, value in PUBLIC_SETTINGS.items():
        args += ["--setting", key, str(value)]
    return args
