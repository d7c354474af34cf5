"""The polite HTTP client everything in miner fetches with.

Polite to the sites: robots.txt obeyed, one connection and a pause between
requests per host, an honest User-Agent, Retry-After honoured, conditional
requests so an unchanged page costs a 304. Safe against the sites: a total
deadline per fetch, a streamed size cap, a decompression cap (urllib3 >= 2.6
decodes in bounded steps, so a gzip, deflate or brotli bomb is stopped after
a few chunks, never inflated whole), a few redirects, http(s) only, and no
credentials carried to another host.

Every failure is a `FetchError` whose one-line message names the URL and the
reason; `RobotsDisallowed` (a `FetchError`) marks a URL we chose not to ask for.
"""

from __future__ import annotations

import datetime
import email.utils
import http
import urllib.parse
from dataclasses import dataclass, field
from typing import Mapping

import urllib3
from urllib3.util.request import ACCEPT_ENCODING

from miner import __version__
from miner.errors import FetchError, UnsupportedDocument
from miner.sources import RawDocument
from miner.sources.deadline import POOL_CLASSES, Deadline, enforced
from miner.sources.robots import RobotsFile, RobotsPolicy, RobotsStore, origin_of, product_token
from miner.sources.throttle import HostThrottle
from miner.text import sniff as sniffing

USER_AGENT = f"miner/{__version__} (+https://github.com/miner-project/miner; inspection-report research)"
MIB = 1024 * 1024

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
# Worth asking again after a pause: rate limiting and a server's passing trouble.
RETRY_STATUSES = {429, 500, 502, 503, 504}
# Never carried from one origin to another on a redirect.
CREDENTIAL_HEADERS = {"authorization", "cookie", "proxy-authorization"}
# Past this much decoded output, a compressed body may not expand more than
# MAX_EXPANSION-fold: real HTML and PDF stay far below; a bomb does not.
EXPANSION_CHECK_AFTER = 1 * MIB
MAX_EXPANSION = 100
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Validators:
    """What a server said identifies the version we hold (for a conditional GET)."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)


@dataclass
class Response:
    """A completed fetch: the final URL, the status, the headers and the bytes that arrived."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]
    data: bytes = b""
    attempts: int = 1
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def validators(self) -> Validators:
        return Validators(self.headers.get("etag"), self.headers.get("last-modified"))

    @property
    def content_type(self) -> str | None:
        value = self.headers.get("content-type", "").split(";")[0].strip().lower()
        return value or None

    @property
    def charset(self) -> str | None:
        value = self.headers.get("content-type", "")
        if "charset=" not in value.lower():
            return None
        return value.lower().split("charset=")[-1].split(";")[0].strip().strip('"') or None

    @property
    def media_type(self) -> str | None:
        """What the bytes are, by their magic (miner.text.sniff), whatever the server claimed."""
        try:
            return sniffing.sniff(self.data, self.final_url)
        except UnsupportedDocument:
            return None

    def raw_document(self) -> RawDocument:
        return RawDocument(
            url=self.final_url, data=self.data, content_type=self.content_type, charset=self.charset, headers=dict(self.headers),
        )


class PoliteClient:
    """Fetches URLs one at a time, politely and defensively. Use as a context manager.

    `delay` is the pause between requests to one host (robots.txt's
    Crawl-delay wins when larger); `timeout` is the total deadline for one
    fetch, retries and redirects included; `max_bytes` caps what comes over
    the wire and `max_decoded_bytes` what it decompresses to.
    """

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        delay: float = 1.0,
        timeout: float = 60.0,
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
        max_bytes: int = 100 * MIB,
        max_decoded_bytes: int = 100 * MIB,
        max_redirects: int = 5,
        retries: int = 2,
        backoff: float = 1.0,
        obey_robots: bool = True,
        robots_store: RobotsStore | None = None,
        headers: Mapping[str, str] | None = None,
    ):
        self.user_agent = user_agent
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.max_bytes = max_bytes
        self.max_decoded_bytes = max_decoded_bytes
        self.max_redirects = max_redirects
        self.retries = retries
        self.backoff = backoff
        self.headers = {"User-Agent": user_agent, "Accept-Encoding": ACCEPT_ENCODING, **(headers or {})}
        self.throttle = HostThrottle(delay)
        self.robots = RobotsPolicy(product_token(user_agent), self._fetch_robots, robots_store) if obey_robots else None
        self.requests = 0  # requests actually sent, robots.txt included
        # maxsize=1: one connection per host. Not `block`: the client is
        # single-threaded, so there is never a second request in flight.
        self._pool = urllib3.PoolManager(num_pools=32, maxsize=1, retries=False)
        self._pool.pool_classes_by_scheme = POOL_CLASSES

    def __enter__(self) -> "PoliteClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._pool.clear()

    def check_allowed(self, url: str) -> None:
        """Raise `RobotsDisallowed` unless robots.txt lets us fetch `url` (fetching robots.txt if needed)."""
        if self.robots is not None:
            self.robots.check(url)

    def get(self, url: str, *, validators: Validators | None = None, headers: Mapping[str, str] | None = None) -> Response:
        """GET `url`, following redirects; a 304 comes back as a `Response` with `not_modified`."""
        _require_http(url, url)
        request_headers = {**self.headers, **(headers or {}), **(validators.headers() if validators else {})}
        deadline = Deadline(self.timeout)
        with enforced(deadline):
            response = self._follow(url, request_headers, deadline)
        if response.status == 304 and not validators:
            raise FetchError(f"{url}: HTTP 304 Not Modified to a request that was not conditional")
        if response.status != 304 and not 200 <= response.status < 300:
            raise HTTPStatusError(f"{url}: {_failure_text(response)}", response.status)
        return response

    def _follow(self, url: str, headers: dict[str, str], deadline: Deadline) -> Response:
        """Requests along the redirect chain; the last response, whatever its status."""
        current, seen, hops = url, [url], []
        while True:
            self.check_allowed(current)
            response = self._with_retries(url, current, headers, deadline)
            if response.status not in REDIRECT_STATUSES:
                break
            location = response.headers.get("location")
            if not location:
                raise FetchError(f"{url}: HTTP {response.status} redirect without a Location")
            target = urllib.parse.urljoin(current, location.strip()).split("#")[0]
            _require_http(url, target, redirected=True)
            if target in seen:
                raise FetchError(f"{url}: redirect loop ({current} -> {target})")
            if len(hops) >= self.max_redirects:
                raise FetchError(f"{url}: more than {self.max_redirects} redirects")
            if origin_of(target) != origin_of(current):
                headers = {k: v for k, v in headers.items() if k.lower() not in CREDENTIAL_HEADERS}
            hops.append(current)
            seen.append(target)
            current = target
        response.url, response.redirects = url, hops
        return response

    def _with_retries(self, url: str, current: str, headers: dict[str, str], deadline: Deadline) -> Response:
        origin = origin_of(current)
        attempt = 0
        while True:
            attempt += 1
            self._wait_turn(url, origin, deadline)
            deadline.start()  # the first politeness pause is not the server's time
            try:
                response = self._once(url, current, headers, deadline)
                error = None
            except _Retryable as problem:
                response, error = None, problem
            finally:
                crawl_delay = self.robots.crawl_delay(current) if self.robots is not None else None
                self.throttle.finished(origin, delay=crawl_delay)
            if response is not None and response.status not in RETRY_STATUSES:
                response.attempts = attempt
                return response
            if attempt > self.retries:
                if error is not None:
                    raise FetchError(f"{url}: {error} (after {attempt} attempts)" if attempt > 1 else f"{url}: {error}")
                response.attempts = attempt  # type: ignore[union-attr]
                return response  # type: ignore[return-value]
            pause = self.backoff * 2 ** (attempt - 1)
            if response is not None:
                asked = retry_after(response.headers.get("retry-after"))
                if asked is not None:
                    if asked > deadline.remaining:
                        self.throttle.pause(origin, asked)
                        raise HTTPStatusError(
                            f"{url}: {_status_text(response.status)} (Retry-After {asked:g} s is past the {self.timeout:g} s deadline)",
                            response.status,
                        )
                    pause = asked
            if pause > deadline.remaining:
                what = str(error) if error is not None else _status_text(response.status)  # type: ignore[union-attr]
                raise FetchError(f"{url}: {what} (no time left to retry within the {self.timeout:g} s deadline)")
            self.throttle.pause(origin, pause)

    def _wait_turn(self, url: str, origin: str, deadline: Deadline) -> None:
        """Sleep until the host may be asked again; refuse if it asked for longer than we have."""
        asked = self.throttle.paused_for(origin)
        if asked > deadline.remaining:
            resume = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=asked)
            raise FetchError(f"{url}: not fetched, {origin} asked for a pause until {resume:%H:%M:%S} UTC (Retry-After)")
        self.throttle.wait(origin)

    def _once(self, url: str, current: str, headers: dict[str, str], deadline: Deadline) -> Response:
        """One request and its body, within the deadline and the size caps."""
        timeout = urllib3.Timeout(
            connect=max(0.001, min(self.connect_timeout, deadline.remaining)),
            read=max(0.001, min(self.read_timeout, deadline.remaining)),
        )
        self.requests += 1
        try:
            raw = self._pool.urlopen(
                "GET", current, headers=headers, redirect=False, retries=False, preload_content=False, timeout=timeout,
            )
        except urllib3.exceptions.HTTPError as error:
            if deadline.passed:
                raise self._too_slow(url) from None
            raise _Retryable(_describe(error)) from None
        try:
            response = Response(url, current, raw.status, {k.lower(): v for k, v in raw.headers.items()})
            if raw.status in REDIRECT_STATUSES or raw.status == 304 or raw.status >= 400:
                # An error page or redirect body is not wanted: a short one is
                # read and dropped to keep the connection, a long one closes it.
                length = raw.headers.get("content-length", "")
                if raw.status == 304 or (length.isdigit() and int(length) <= CHUNK):
                    raw.drain_conn()
                else:
                    raw.close()
                return response
            response.data = self._read_body(url, raw, deadline)
            return response
        finally:
            raw.release_conn()

    def _read_body(self, url: str, raw: urllib3.BaseHTTPResponse, deadline: Deadline) -> bytes:
        declared = raw.headers.get("content-length", "")
        if declared.strip().isdigit() and int(declared) > self.max_bytes:
            raw.close()
            raise FetchError(f"{url}: too large (Content-Length {int(declared):,} bytes, limit {self.max_bytes:,})")
        encoding = raw.headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("", "identity") and encoding not in raw.CONTENT_DECODERS:
            raw.close()
            raise FetchError(f"{url}: unsupported Content-Encoding {encoding!r}")
        chunks: list[bytes] = []
        decoded = 0
        try:
            # stream() decodes at most CHUNK bytes per step (urllib3 >= 2.6), so
            # the checks below run before a bomb can inflate.
            for chunk in raw.stream(CHUNK, decode_content=True):
                decoded += len(chunk)
                wire = raw.tell()
                if deadline.passed:
                    raise self._too_slow(url)
                if wire > self.max_bytes:
                    raise FetchError(f"{url}: too large (over {self.max_bytes:,} bytes)")
                if encoding not in ("", "identity"):
                    if decoded > self.max_decoded_bytes:
                        raise FetchError(
                            f"{url}: {encoding} content expands past the {self.max_decoded_bytes:,}-byte limit (a decompression bomb?)"
                        )
                    if decoded > EXPANSION_CHECK_AFTER and decoded > MAX_EXPANSION * max(wire, 1):
                        raise FetchError(f"{url}: {encoding} content expands more than {MAX_EXPANSION}-fold (a decompression bomb?)")
                elif decoded > self.max_bytes:
                    raise FetchError(f"{url}: too large (over {self.max_bytes:,} bytes)")
                chunks.append(chunk)
        except FetchError:
            raw.close()
            raise
        except urllib3.exceptions.HTTPError as error:
            raw.close()
            if deadline.passed:
                raise self._too_slow(url) from None
            raise _Retryable(_describe(error)) from None
        if deadline.passed:
            # The watchdog may have cut the body short; a truncated page is not the page.
            raise self._too_slow(url)
        return b"".join(chunks)

    def _too_slow(self, url: str) -> FetchError:
        return FetchError(f"{url}: took longer than the {self.timeout:g} s deadline")

    def _fetch_robots(self, origin: str, stored: RobotsFile | None) -> RobotsFile:
        """GET origin/robots.txt (conditionally, given a stored copy), never checking robots.txt itself."""
        url = f"{origin}/robots.txt"
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
        validators = Validators(stored.etag, stored.last_modified) if stored is not None else Validators()
        headers = {**self.headers, **validators.headers()}
        deadline = Deadline(self.timeout)
        robots, self.robots = self.robots, None  # robots.txt and its redirects are always allowed
        try:
            with enforced(deadline):
                response = self._follow(url, headers, deadline)
        except FetchError as error:
            reason = str(error).split(": ", 1)[-1]
            return RobotsFile(origin, None, fetched_at=now, problem=f"robots.txt unreachable: {reason}")
        finally:
            self.robots = robots
        if response.status == 304 and stored is not None:
            return RobotsFile(origin, stored.status, stored.text, now, stored.etag, stored.last_modified)
        if response.status == 429 or response.status >= 500:
            return RobotsFile(origin, response.status, fetched_at=now, problem=f"robots.txt unreachable: {_failure_text(response)}")
        if not 200 <= response.status < 300:
            return RobotsFile(origin, response.status, fetched_at=now)  # 4xx: no robots.txt, no rules
        text = response.data.decode("utf-8", errors="replace")
        return RobotsFile(origin, response.status, text, now, response.headers.get("etag"), response.headers.get("last-modified"))


class HTTPStatusError(FetchError):
    """The server answered, with an error status (kept in `status` for the fetch log)."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


class _Retryable(Exception):
    """A connection-level failure worth another attempt (reset, refused, timed out)."""


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    return max(0.0, (when - datetime.datetime.now(datetime.timezone.utc)).total_seconds())


def _require_http(url: str, target: str, *, redirected: bool = False) -> None:
    scheme = urllib.parse.urlsplit(target).scheme.lower()
    if scheme in ("http", "https"):
        return
    if redirected:
        raise FetchError(f"{url}: redirected to a non-http(s) URL ({target})")
    raise FetchError(f"{url}: only http and https URLs can be fetched")


def _status_text(status: int) -> str:
    try:
        return f"HTTP {status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _failure_text(response: Response) -> str:
    """The status and how often we asked, e.g. "HTTP 500 Internal Server Error (after 3 attempts)"."""
    attempts = f" (after {response.attempts} attempts)" if response.attempts > 1 else ""
    return f"{_status_text(response.status)}{attempts}"


def _describe(error: urllib3.exceptions.HTTPError) -> str:
    """A short reason for a connection-level failure, without urllib3's object reprs."""
    # Order matters: NameResolutionError < NewConnectionError < ConnectTimeoutError.
    if isinstance(error, urllib3.exceptions.NameResolutionError):
        return "host name not found"
    if isinstance(error, urllib3.exceptions.NewConnectionError):
        cause = str(error).rsplit("] ", 1)[-1] if "] " in str(error) else "connection failed"
        return f"cannot connect ({cause.lower()})"
    if isinstance(error, urllib3.exceptions.ConnectTimeoutError):
        return "connection timed out"
    if isinstance(error, urllib3.exceptions.ReadTimeoutError):
        return "read timed out"
    if isinstance(error, urllib3.exceptions.SSLError):
        return "TLS error"
    if isinstance(error, urllib3.exceptions.ProtocolError):
        return "connection broken"
    return f"fetch failed ({type(error).__name__})"
