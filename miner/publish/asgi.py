"""Datasette as an ASGI application factory, for `uvicorn --factory --workers N`.

`datasette serve` runs one Python process, so pages render one at a time
whatever the number of CPUs. A database nothing writes to (a `miner publish`
copy, or any file served read-only) can be served by several processes, each
with its own Datasette built from the same description: the JSON file named
by MINER_DATASETTE_CONFIG, written from miner.publish.serving.datasette_config
(the settings `datasette serve` gets as arguments). Relative paths in it are
relative to the file.

Each response closes its connection (`Connection: close`, as gunicorn's
sync workers do). A kept-alive connection stays with the worker that
accepted it, and several arriving at once can all land on one worker while
another idles; a new connection is accepted by a worker that is free (a
busy one is rendering, not accepting), so requests spread over the
workers. A new connection per request costs the server 2 to 3 ms of CPU
(benchmarks/README.md); a faceted table page costs about 30.

This module imports only Datasette and the standard library: `miner publish`
copies it next to a published database, which is served without miner.
"""

from __future__ import annotations

import json
import os
import pathlib

from datasette.app import Datasette
from datasette.utils import parse_metadata

CONFIG_ENV = "MINER_DATASETTE_CONFIG"


def datasette_from_config(path: str | os.PathLike) -> Datasette:
    config_file = pathlib.Path(path).resolve()
    config = json.loads(config_file.read_text(encoding="utf-8"))

    def resolved(key):
        return None if config.get(key) is None else str(config_file.parent / config[key])

    database = resolved("database")
    inspect_file = resolved("inspect_file")
    return Datasette(
        [] if config["immutable"] else [database],
        immutables=[database] if config["immutable"] else [],
        metadata=parse_metadata(pathlib.Path(resolved("metadata")).read_text(encoding="utf-8")),
        inspect_data=json.loads(pathlib.Path(inspect_file).read_text(encoding="utf-8")) if inspect_file else None,
        template_dir=resolved("template_dir"),
        plugins_dir=resolved("plugins_dir"),
        settings=config["settings"],
        # As `datasette serve` reads it; the launcher gives every worker the same one, or a
        # cookie signed by one worker (CSRF token, actor) would be refused by the others.
        secret=os.environ.get("DATASETTE_SECRET"),
    )


def app():
    """The ASGI app of one worker process (uvicorn calls this in each)."""
    path = os.environ.get(CONFIG_ENV)
    if not path:
        raise RuntimeError(f"{CONFIG_ENV}: not set (the JSON file describing what to serve)")
    # Datasette's app runs its start-up (table counts, plugins' startup hooks) on
    # the first ASGI event, which is uvicorn's lifespan start-up: before any request.
    return closing_connections(datasette_from_config(path).app())


def closing_connections(app):
    """`app`, its HTTP responses sent with `Connection: close` (see the module docstring)."""
    async def closing(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)

        async def send_closing(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"connection"]
                message = {**message, "headers": [*headers, (b"connection", b"close")]}
            await send(message)

        await app(scope, receive, send_closing)

    return closing
