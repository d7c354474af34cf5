"""The fixture web server: the site's pages plus hostile endpoints, on 127.0.0.1.

A threaded `http.server` on a free port, speaking HTTP/1.1 with keep-alive
like a real server. It answers conditional requests (ETag, Last-Modified)
and keeps a log of every request it received (host, path, headers, times),
which is what the tests read to prove what the crawler did and did not do.
The same server answers as "127.0.0.1:PORT" and "localhost:PORT": two
origins, for cross-host redirects and per-host politeness.
"""

from __future__ import annotations

import gzip
import hashlib
import http.server
import threading
import time
import zlib
from dataclasses import dataclass
from functools import lru_cache

from tests.scrape_site.content import Page

BOMB_SIZE = 50 * 1024 * 1024  # decompressed bytes in each compression bomb


@dataclass
class Hit:
    """One request as the server saw it."""

    host: str
    path: str
    headers: dict[str, str]
    start: float  # time.monotonic() when the request line was read
    end: float = 0.0  # when the response was written
    status: int = 0

    @property
    def conditional(self) -> bool:
        return "if-none-match" in self.headers or "if-modified-since" in self.headers


@lru_cache(maxsize=None)
def bomb(encoding: str) -> bytes:
    zeros = bytes(BOMB_SIZE)
    if encoding == "gzip":
        return gzip.compress(zeros, compresslevel=9, mtime=0)
    if encoding == "deflate":
        return zlib.compress(zeros, 9)
    if encoding == "br":
        import brotli

        return brotli.compress(zeros, quality=5)
    raise ValueError(encoding)


class SiteServer:
    """Serves `pages` (path -> Page) and the /hostile/ endpoints until `stop()`."""

    def __init__(self, pages: dict[str, Page]):
        self.pages = pages
        self.statuses: dict[str, int] = {}  # path -> status to answer instead (e.g. a failing robots.txt)
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        self._counters: dict[str, int] = {}
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.site = self  # type: ignore[attr-defined]
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def other_origin(self) -> str:
        """The same server under another host name: a different origin to the client."""
        return f"http://localhost:{self.port}"

    def url(self, path: str) -> str:
        return self.origin + path

    def start(self) -> "SiteServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def log(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)

    def requested(self, path_prefix: str = "/") -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.path.startswith(path_prefix)]

    def count(self, key: str) -> int:
        """How many times `key` was asked for before (per host and path)."""
        with self._lock:
            seen = self._counters.get(key, 0)
            self._counters[key] = seen + 1
            return seen


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FixtureSite/1.0"

    def log_message(self, format: str, *args: object) -> None:  # keep pytest's output quiet
        pass

    @property
    def site(self) -> SiteServer:
        return self.server.site  # type: ignore[attr-defined]

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        hit = Hit(self.headers.get("Host", ""), self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
        # Logged on arrival, completed below: a test reading the log right after
        # its client got the answer must find the request there.
        self.site.log(hit)
        try:
            if self.path.startswith("/hostile/"):
                hit.status = self._hostile(self.path)
            else:
                hit.status = self._page(self.path)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client hung up: what a deadline does
        finally:
            hit.end = time.monotonic()

    # -- the site ---------------------------------------------------------

    def _page(self, path: str) -> int:
        if path in self.site.statuses:
            return self._send(self.site.statuses[path], b"<html><title>Unavailable</title></html>", "text/html")
        page = self.site.pages.get(path)
        if page is None:
            return self._send(404, b"<html><title>Not found</title><p>No such page.</p></html>", "text/html")
        origin = f"http://{self.headers.get('Host', '')}"
        body = page.body.replace(b"{origin}", origin.encode()) if "xml" in page.content_type else page.body
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        validators = {"ETag": etag, "Last-Modified": page.last_modified}
        if self.headers.get("If-None-Match") == etag or (
            "If-None-Match" not in self.headers and self.headers.get("If-Modified-Since") == page.last_modified
        ):
            return self._send(304, b"", None, validators)
        return self._send(200, body, page.content_type, validators)

    def _send(self, status: int, body: bytes, content_type: str | None, headers: dict[str, str] | None = None) -> int:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)
        return status

    # -- hostile endpoints ------------------------------------------------

    def _hostile(self, path: str) -> int:
        name = path[len("/hostile/") :]
        html = b"<!doctype html><html><head><title>ok</title></head><body><p>Fine after all.</p></body></html>"
        if name == "trickle":
            return self._trickle_body()
        if name == "trickle-headers":
            return self._trickle_headers()
        if name == "huge-length":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(10 * 1024**3))
            self.end_headers()
            self.wfile.write(b"%PDF-1.7\n" + b"0" * 1024)
            self.close_connection = True
            return 200
        if name == "endless":
            return self._endless()
        if name.startswith("bomb."):
            encoding = name.split(".", 1)[1]
            data = bomb(encoding)
            return self._send(200, data, "text/html", {"Content-Encoding": encoding})
        if name == "loop-a":
            return self._redirect("/hostile/loop-b")
        if name == "loop-b":
            return self._redirect("/hostile/loop-a")
        if name.startswith("hops/"):
            return self._redirect(f"/hostile/hops/{int(name.split('/')[1]) + 1}")
        if name == "to-other-host":
            return self._redirect(f"{self.site.other_origin}/hostile/echo")
        if name == "to-file":
            return self._redirect("file:///etc/passwd")
        if name == "echo":
            return self._send(200, html, "text/html")
        if name == "error":
            return self._send(500, b"<html><title>Server error</title></html>", "text/html")
        if name == "busy":
            # Rate limited on the first request from each host, fine afterwards.
            if self.site.count(self.headers.get("Host", "") + path) == 0:
                return self._send(429, b"Slow down", "text/plain", {"Retry-After": "1"})
            return self._send(200, html, "text/html")
        if name == "unavailable":
            if self.site.count(self.headers.get("Host", "") + path) == 0:
                return self._send(503, b"Back soon", "text/plain")
            return self._send(200, html, "text/html")
        if name == "slow-down":
            return self._send(429, b"Slow down", "text/plain", {"Retry-After": "3600"})
        if name == "not-a-pdf.pdf":
            return self._send(200, b"<html><head><title>Please log in</title></head><body><p>Log in to continue.</p></body></html>", "application/pdf")
        return self._send(404, b"<html><title>Not found</title></html>", "text/html")

    def _redirect(self, location: str) -> int:
        return self._send(302, b"", "text/plain", {"Location": location})

    def _trickle_body(self) -> int:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "200")
        self.end_headers()
        self.wfile.flush()
        for _ in range(200):  # bounded: 20 s at most if nobody hangs up
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.1)
        return 200

    def _trickle_headers(self) -> int:
        self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        for _ in range(200):
            self.wfile.write(b"y")
            self.wfile.flush()
            time.sleep(0.1)
        self.wfile.write(b"\r\nContent-Length: 0\r\n\r\n")
        return 200

    def _endless(self) -> int:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        chunk = b"endless " * 8192
        for _ in range(1000):  # about 64 MB at most
            self.wfile.write(chunk)
        return 200
