"""Fetching one URL: a deadline, a size cap, http(s) only.

The polite crawler (robots.txt, per-host delay, conditional requests) builds
on this; a single `miner ingest URL` needs only a safe one-off fetch.
"""

from __future__ import annotations

import time

import urllib3

from miner import __version__
from miner.errors import FetchError
from miner.sources import RawDocument

USER_AGENT = f"miner/{__version__} (+https://github.com/miner-project/miner; inspection-report research)"
MAX_BYTES = 100 * 1024 * 1024
TIMEOUT = 30.0


def fetch(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT, user_agent: str = USER_AGENT) -> RawDocument:
    if not url.startswith(("http://", "https://")):
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    http = urllib3.PoolManager(retries=urllib3.Retry(total=2, redirect=5, backoff_factor=0.5, raise_on_redirect=True))
    deadline = time.monotonic() + timeout
    try:
        response = http.request(
            "GET", url, headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            preload_content=False, timeout=urllib3.Timeout(connect=10, read=timeout),
        )
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(f"{url}: fetch failed ({type(error).__name__})") from None
    try:
        if response.status >= 400:
            raise FetchError(f"{url}: HTTP {response.status}")
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"{url}: too large ({int(declared):,} bytes, limit {max_bytes:,})")
        chunks, size = [], 0
        for chunk in response.stream(64 * 1024, decode_content=True):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"{url}: too large (over {max_bytes:,} bytes after decompression)")
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: took longer than {timeout:g} s")
            chunks.append(chunk)
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(f"{url}: fetch failed ({type(error).__name__})") from None
    finally:
        response.release_conn()
    content_type = response.headers.get("Content-Type", "")
    charset = None
    if "charset=" in content_type:
        charset = content_type.split("charset=")[-1].split(";")[0].strip().strip('"') or None
    return RawDocument(url=response.geturl() or url, data=b"".join(chunks), content_type=content_type.split(";")[0] or None, charset=charset, headers=dict(response.headers))
