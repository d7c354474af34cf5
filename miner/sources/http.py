"""Fetching one URL for `miner ingest URL` and `miner show URL`.

A thin door onto the polite client (miner.sources.polite): the same
robots.txt check, deadline, size and decompression caps and redirect rules
as a crawl. One client per process, so a batch of URLs on the same host is
still spaced out and robots.txt is read once.
"""

from __future__ import annotations

import atexit

from miner.sources import RawDocument
from miner.sources.polite import USER_AGENT, PoliteClient

__all__ = ["USER_AGENT", "fetch"]

_client: PoliteClient | None = None


def default_client() -> PoliteClient:
    """The process-wide client used by `fetch`."""
    global _client
    if _client is None:
        _client = PoliteClient()
        atexit.register(_client.close)
    return _client


def fetch(url: str) -> RawDocument:
    """The bytes at `url` with what the server said about them; raises FetchError with the reason."""
    return default_client().get(url).raw_document()
