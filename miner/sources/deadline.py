"""A total deadline for one fetch, whatever the server does.

Socket timeouts bound each `recv`, not the whole exchange: a server that
trickles one byte a second (headers or body) never trips a 30-second read
timeout and can hold a crawl for hours. So a watchdog timer shuts down the
sockets of every connection the fetch used when its time is up; the blocked
read returns at once and the client reports the deadline.

Connections register themselves (`WatchedHTTPConnection.request`) with the
deadline active in the current thread, so keep-alive connections reused from
the pool are covered as well as new ones.
"""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_active = threading.local()


class Deadline:
    """`seconds` from `start()`; `expired` turns true when the watchdog fired."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._ends_at: float | None = None
        self._timer: threading.Timer | None = None
        self._connections: list[HTTPConnection] = []
        self._lock = threading.Lock()
        self.expired = False

    def start(self) -> None:
        if self._ends_at is not None:
            return
        self._ends_at = time.monotonic() + self.seconds
        self._timer = threading.Timer(self.seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    @property
    def remaining(self) -> float:
        if self._ends_at is None:
            return self.seconds
        return max(0.0, self._ends_at - time.monotonic())

    @property
    def passed(self) -> bool:
        return self.expired or (self._ends_at is not None and time.monotonic() >= self._ends_at)

    def watch(self, connection: HTTPConnection) -> None:
        with self._lock:
            self._connections.append(connection)
            fired = self.expired
        if fired:
            self._shut(connection)

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            connections = list(self._connections)
        for connection in connections:
            self._shut(connection)

    @staticmethod
    def _shut(connection: HTTPConnection) -> None:
        sock = getattr(connection, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed: nothing is blocked on it


@contextmanager
def enforced(deadline: Deadline) -> Iterator[Deadline]:
    """Make `deadline` the one connections in this thread register with."""
    previous = getattr(_active, "deadline", None)
    _active.deadline = deadline
    try:
        yield deadline
    finally:
        _active.deadline = previous
        deadline.cancel()


class _Watched:
    def request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        deadline = getattr(_active, "deadline", None)
        if deadline is not None:
            deadline.watch(self)  # type: ignore[arg-type]
        return super().request(*args, **kwargs)  # type: ignore[misc]


class WatchedHTTPConnection(_Watched, HTTPConnection):
    pass


class WatchedHTTPSConnection(_Watched, HTTPSConnection):
    pass


class WatchedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = WatchedHTTPConnection


class WatchedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = WatchedHTTPSConnection


POOL_CLASSES = {"http": WatchedHTTPConnectionPool, "https": WatchedHTTPSConnectionPool}
