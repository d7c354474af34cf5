"""Publishing with Datasette: the shipped metadata, the serving settings, deployable copies."""

from __future__ import annotations

import pathlib

from miner.publish.serving import PUBLIC_SETTINGS, TEMPLATES, serve_arguments, settings

METADATA = pathlib.Path(__file__).resolve().parents[2] / "metadata.yml"
PLUGINS = pathlib.Path(__file__).parent / "plugins"

__all__ = ["METADATA", "PLUGINS", "PUBLIC_SETTINGS", "TEMPLATES", "metadata_for", "serve_arguments", "settings", "write_metadata_for"]


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
