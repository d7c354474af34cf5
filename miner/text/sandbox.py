"""Convert untrusted bytes in a child process with a memory cap and a deadline.

PDF and HTML parsers are large C libraries fed by strangers: a crafted file
can allocate without bound, loop, or crash the interpreter. The child is
long-lived (starting one per document would dominate the run time) and is
replaced whenever it dies or overruns.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from multiprocessing.connection import Connection
from typing import Iterator

from miner.document import Document
from miner.errors import ConversionFailed, MinerError, UnsupportedDocument

DEFAULT_MEMORY_MB = 1536
DEFAULT_TIMEOUT = 120.0


def default_memory_mb() -> int:
    """The child's address-space cap: MINER_CONVERT_MEMORY_MB, else 1536 MB."""
    return int(os.environ.get("MINER_CONVERT_MEMORY_MB") or DEFAULT_MEMORY_MB)


def default_timeout() -> float:
    """Seconds one conversion may take: MINER_CONVERT_TIMEOUT, else 120."""
    return float(os.environ.get("MINER_CONVERT_TIMEOUT") or DEFAULT_TIMEOUT)


def _child(conn: Connection, memory_mb: int) -> None:
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass
    from miner.text import convert

    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        data, name, charset, expected = request
        try:
            document = convert(data, name, charset, expected)
            conn.send(("ok", document.to_dict()))
        except UnsupportedDocument as error:
            conn.send(("unsupported", str(error)))
        except MemoryError:
            conn.send(("failed", f"{name}: conversion ran out of memory (limit {memory_mb} MB)"))
        except RecursionError:
            conn.send(("failed", f"{name}: document nested too deeply to parse"))
        except Exception as error:  # a parser bug must not take the batch down
            conn.send(("failed", f"{name}: conversion failed ({type(error).__name__}: {error})"))


class IsolatedConverter:
    """`convert()` in a child process. Use as a context manager."""

    def __init__(self, memory_mb: int | None = None, timeout: float | None = None):
        self.memory_mb = default_memory_mb() if memory_mb is None else memory_mb
        self.timeout = default_timeout() if timeout is None else timeout
        self._process: multiprocessing.Process | None = None
        self._conn: Connection | None = None
        # spawn, not fork: a fresh interpreter without the parent's spaCy
        # models mapped, so the address-space limit measures the parser.
        self._context = multiprocessing.get_context("spawn")

    def __enter__(self) -> "IsolatedConverter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        """Start the child now rather than at the first conversion: a fresh interpreter takes a moment to come up."""
        if self._process is None or not self._process.is_alive():
            self._kill()
            self._start()

    def _start(self) -> None:
        parent, child = self._context.Pipe()
        self._process = self._context.Process(target=_child, args=(child, self.memory_mb), daemon=True)
        with _main_script_hidden():
            self._process.start()
        child.close()
        self._conn = parent

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
        if self._conn is not None:
            self._conn.close()
        self._process = None
        self._conn = None

    def peak_memory_mb(self) -> float | None:
        """The child's peak resident memory so far (Linux), None without a child."""
        if self._process is None or not self._process.is_alive():
            return None
        try:
            with open(f"/proc/{self._process.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return None

    def close(self, timeout: float = 2.0) -> None:
        """Stop the child: asked to exit, killed if it has not within `timeout` seconds (0: killed at once, for an idle child)."""
        if timeout and self._conn is not None and self._process is not None and self._process.is_alive():
            try:
                self._conn.send(None)
                self._process.join(timeout)
            except (BrokenPipeError, OSError):
                pass
        self._kill()

    def convert(self, data: bytes, name: str = "input", declared_charset: str | None = None, expected: str | None = None) -> Document:
        self.start()
        assert self._conn is not None and self._process is not None
        try:
            self._conn.send((data, name, declared_charset, expected))
            if not self._conn.poll(self.timeout):
                self._kill()
                raise ConversionFailed(f"{name}: conversion took longer than {self.timeout:g} s and was stopped")
            status, payload = self._conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError, OSError):
            # Reap the child before reading its exit code: until then it is None.
            self._process.join(5)
            code = self._process.exitcode
            self._kill()
            raise ConversionFailed(f"{name}: {_death(code, self.memory_mb)}") from None
        if status == "ok":
            return Document.from_dict(payload)
        if status == "unsupported":
            raise UnsupportedDocument(payload)
        raise ConversionFailed(payload)


_main_lock = threading.Lock()


@contextlib.contextmanager
def _main_script_hidden() -> Iterator[None]:
    """While starting a spawned child, hide the path of the parent's main script.

    spawn runs the parent's main script again in the child (as `__mp_main__`)
    when the parent was started from a file, as the `miner` console script is:
    that imports the whole command line (sqlite-utils, numpy, urllib3: a third
    of a second of CPU and a second of wall time on a busy machine) into a child
    that needs only `miner.text`. A main run as a module (`python -m`) is
    already left alone.
    """
    main = sys.modules.get("__main__")
    if main is None or getattr(main.__spec__, "name", None) is not None or not hasattr(main, "__file__"):
        yield
        return
    with _main_lock:
        path = main.__file__
        del main.__file__
        try:
            yield
        finally:
            main.__file__ = path


def _death(exitcode: int | None, memory_mb: int) -> str:
    """Why the child died, as far as the parent can tell.

    PDFium aborts (it does not raise) when an allocation fails, so a file
    that inflates past the address-space cap and one that trips a parser
    bug look alike from outside: the message names both.
    """
    if exitcode is not None and exitcode < 0:
        try:
            how = f"was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"was killed by signal {-exitcode}"
    else:
        how = f"exited with status {exitcode}"
    return f"the converter {how}: the file needs more than the {memory_mb} MB memory limit or crashes the parser"


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


__all__ = ["IsolatedConverter", "MinerError"]
