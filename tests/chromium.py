"""Headless Chromium for the browser tests (screenshots, XSS checks).

The tests skip when no Chromium is installed; `.ci/run` installs Debian's
package when it can. Chromium is driven through its own command line rather
than a browser-automation library, because `--dump-dom` and `--screenshot`
are all these tests need and they add no dependency.
"""
import os
import shutil
import subprocess
import tempfile

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")

# Without the background-networking flags Chromium tries to reach Google's
# hosts at every start, which this sandbox refuses; --no-sandbox because CI
# runs as root.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def find_chromium():
    explicit = os.environ.get("MINER_CHROMIUM")
    if explicit:
        return explicit
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


requires_chromium = pytest.mark.skipif(
    find_chromium() is None, reason="headless Chromium is not installed"
)


def _run(args, timeout):
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [find_chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            timeout=timeout,
            check=False,
        )


def dump_dom(url, timeout=60, budget_ms=3000):
    """The page's DOM after its scripts had `budget_ms` of virtual time to run."""
    result = _run([f"--virtual-time-budget={budget_ms}", "--dump-dom", url], timeout)
    return result.stdout.decode("utf-8", "replace")


def screenshot(url, path, width=1280, height=1600, timeout=60, budget_ms=3000):
    """Save a PNG of `url` to `path`; returns the path."""
    _run(
        [
            f"--virtual-time-budget={budget_ms}",
            f"--window-size={width},{height}",
            f"--screenshot={path}",
            url,
        ],
        timeout,
    )
    return path
