"""Per-host politeness: a pause between requests, and pauses a server asks for.

The pause is measured from the *end* of one response to the start of the
next request to the same origin, so a slow server is never sent requests
faster than it answers them, however long each takes.
"""

from __future__ import annotations

import time
from typing import Callable


class HostThrottle:
    """Waits so that requests to one origin are at least `delay` seconds apart."""

    def __init__(self, delay: float, *, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.delay = delay
        self._clock = clock
        self._sleep = sleep
        self._ready_at: dict[str, float] = {}  # origin -> earliest start of its next request
        self._paused_until: dict[str, float] = {}  # origin -> end of a pause the server asked for

    def wait_time(self, origin: str) -> float:
        """Seconds until a request to `origin` may start."""
        return max(0.0, self._ready_at.get(origin, 0.0) - self._clock())

    def wait(self, origin: str) -> None:
        pause = self.wait_time(origin)
        if pause > 0:
            self._sleep(pause)

    def finished(self, origin: str, *, delay: float | None = None) -> None:
        """A request to `origin` just ended: the next one waits `delay` (default: the throttle's)."""
        pause = self.delay if delay is None else max(self.delay, delay)
        self._ready_at[origin] = max(self._ready_at.get(origin, 0.0), self._clock() + pause)

    def pause(self, origin: str, seconds: float) -> None:
        """No requests to `origin` for `seconds`: after an error, or because the server asked (Retry-After)."""
        until = self._clock() + seconds
        self._ready_at[origin] = max(self._ready_at.get(origin, 0.0), until)
        self._paused_until[origin] = max(self._paused_until.get(origin, 0.0), until)

    def paused_for(self, origin: str) -> float:
        """Seconds left of a pause set by `pause` (not the ordinary delay)."""
        return max(0.0, self._paused_until.get(origin, 0.0) - self._clock())
