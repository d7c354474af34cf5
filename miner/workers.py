"""Worker processes for ingest and extract: work in, plain data out, in order.

spaCy's `n_process` pickles whole `Doc` objects between processes, which can
be slower than one process. Here a worker receives bytes or text and sends
back plain data (for ingest, the rows to insert: `PreparedDocument`); the
parent keeps the only SQLite connection and writes one transaction per
document, so crash-safety is what it is with one process.

Workers are forked after the parent has loaded the pipeline: it is loaded
once and shared copy-on-write, and the children start in milliseconds. They
are not daemonic because each may start its own sandboxed converter child.
Loading takes seconds on one core; a handler with a `prepare` method gets the
first payloads prepared in a thread meanwhile (the ingester converts them in
its sandboxed converter child, which runs on the other core), so that time is
not lost to a whole-command run. A handler with a `warm_up` method then
handles the first payload in the parent, before forking, while that thread
goes on preparing: whatever the handler builds on first use (the pipeline
compiles patterns lazily, seconds of CPU) is built once and shared, instead of
once in every worker while the other core has nothing to prepare. With two
jobs it goes on with the next prepared payloads while the thread converts
more (`WorkerPool._warm_up`). Results come
back in input order (identical ids whatever `jobs` is), with at most `window`
items read ahead so memory stays flat.
"""

from __future__ import annotations

import collections
import gc
import multiprocessing
import queue
import signal
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator, Protocol, TypeVar

Key = TypeVar("Key")


class Handler(Protocol):
    """What a worker runs: one payload in, one picklable outcome (never None) out; never raises."""

    def __call__(self, payload: Any) -> Any: ...

    def load(self) -> None: ...  # in the parent, before forking: what workers should share

    # Optional: `prepare(payload) -> payload`, parent-side work on a payload that
    # may run in a thread while `load()` runs (mostly waiting on another process),
    # and `prepared()`, called once that is over, before forking.
    # Optional: `weight(payload) -> int`, the bytes a payload holds, to bound that read-ahead.
    # Optional: `warm_up(payload) -> outcome | None`, the outcome of a (prepared)
    # payload handled in the parent after `load()`, before forking, or None to
    # leave it to a worker. Runs while `prepare` goes on in its thread.

    def forked(self) -> None: ...  # in a worker: drop state that belongs to the parent process

    def close(self) -> None: ...


@dataclass
class WorkerLost:
    """The outcome of a payload whose worker died (crash, signal, out of memory)."""

    exitcode: int | None

    def describe(self) -> str:
        if self.exitcode is not None and self.exitcode < 0:
            try:
                return f"was killed by {signal.Signals(-self.exitcode).name}"
            except ValueError:
                return f"was killed by signal {-self.exitcode}"
        return f"exited with code {self.exitcode}"


def cpu_count() -> int:
    from miner.text.sandbox import cpu_count as count

    return count()


def resolve_jobs(jobs: int) -> int:
    """`jobs` as given, or one per usable core for 0."""
    return jobs if jobs > 0 else cpu_count()


def worker_pool(handler: Handler, jobs: int) -> "InlinePool | WorkerPool":
    """A pool running `handler` in this process for one job, else in `jobs` worker processes."""
    jobs = resolve_jobs(jobs)
    return InlinePool(handler) if jobs == 1 else WorkerPool(handler, jobs)


class InlinePool:
    """One job: the same interface, in this process, one item at a time."""

    def __init__(self, handler: Handler):
        self.handler = handler

    def __enter__(self) -> "InlinePool":
        return self

    def __exit__(self, *exc) -> None:
        pass

    def imap(self, items: Iterable[tuple[Key, Any]]) -> Iterator[tuple[Key, Any]]:
        """(key, payload) in, (key, outcome) out; a None payload passes through as a None outcome."""
        for key, payload in items:
            yield key, (None if payload is None else self.handler(payload))


def _serve(tasks: Connection, results: Connection, handler: Handler) -> None:
    # Ctrl-C reaches the whole process group: the parent decides, workers just stop when told.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    handler.forked()
    inbox: queue.SimpleQueue = queue.SimpleQueue()

    def receive() -> None:
        # Always draining the task pipe means the parent never blocks sending,
        # whatever this process is doing: no deadlock with a large result.
        while True:
            try:
                payload = tasks.recv()
            except (EOFError, OSError):
                payload = None
            inbox.put(payload)
            if payload is None:
                return

    threading.Thread(target=receive, daemon=True).start()
    try:
        while (payload := inbox.get()) is not None:
            results.send(handler(payload))
    except (BrokenPipeError, OSError):
        pass  # the parent is gone
    finally:
        handler.close()


class _Worker:
    def __init__(self, context, handler: Handler):
        task_reader, self.tasks = context.Pipe(duplex=False)
        self.results, result_writer = context.Pipe(duplex=False)
        self.process = context.Process(target=_serve, args=(task_reader, result_writer, handler), daemon=False, name="miner-worker")
        self.process.start()
        task_reader.close()
        result_writer.close()
        self.pending: collections.deque[int] = collections.deque()  # indices sent, oldest first
        self.stopping = False

    def tell_stop(self) -> None:
        if self.stopping:
            return
        self.stopping = True
        try:
            self.tasks.send(None)
        except (BrokenPipeError, OSError):
            pass

    def stop(self) -> None:
        self.tell_stop()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.tasks.close()
        self.results.close()


class WorkerPool:
    """`jobs` forked worker processes, each with up to `DEPTH` payloads in flight.

    A second payload queued in each worker means it never waits for the
    parent to be scheduled between documents (on a loaded machine that wait
    costs a time slice per document). A worker processes its payloads in
    order, so when one dies the oldest unanswered payload is the one that
    killed it; the others go to its replacement.
    """

    DEPTH = 2
    # Payloads read ahead for `prepare` while the pipeline loads and warms up:
    # enough to keep a core busy for the 3 to 5 seconds that takes (150 or so
    # four-page PDFs, of 10 kB), and at most WARM_BYTES as the handler's optional
    # `weight(payload)` counts them, so memory stays bounded (real inspection report
    # PDFs are 0.1 to 0.8 MB and take a tenth of a second or more each to convert).
    WARM_WINDOW = 256
    WARM_BYTES = 32 * 2**20
    # The GIL switch interval while `prepare` runs beside loading (Python's default
    # is 5 ms). Importing spaCy and loading the pipeline hold the GIL, and the
    # prepare thread needs it briefly between two conversions (to read a result
    # and send the next file): at 5 ms it waited for it about as long as a
    # four-page PDF takes to convert, so the converter child sat idle half the
    # time. At 0.2 ms it converts about half as many files again before the
    # workers start (measured: 73-80 of 150 -> 108-117).
    PREPARE_SWITCH_INTERVAL = 0.0002

    def __init__(self, handler: Handler, jobs: int, window: int | None = None):
        self.handler = handler
        self.jobs = jobs
        self.window = window or jobs * self.DEPTH * 2
        self._warming = hasattr(handler, "prepare")
        self._weigh = getattr(handler, "weight", None)
        methods = multiprocessing.get_all_start_methods()
        # fork shares the loaded pipeline; elsewhere each worker loads its own copy.
        self._context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._workers: list[_Worker] = []
        self._loaded = False

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        # Tell every worker first, then wait: they shut down side by side.
        for worker in self._workers:
            worker.tell_stop()
        for worker in self._workers:
            worker.stop()
        self._workers = []

    def imap(self, items: Iterable[tuple[Key, Any]]) -> Iterator[tuple[Key, Any]]:
        """(key, payload) in, (key, outcome) out in input order; None payloads pass through."""
        source = iter(items)
        exhausted = False
        keys: dict[int, Key] = {}
        outcomes: dict[int, Any] = {}
        waiting: collections.deque[tuple[int, Any]] = collections.deque()  # read, not yet sent
        payloads: dict[int, Any] = {}  # sent, not yet answered: resent if their worker dies
        read = emitted = 0
        while True:
            # Read ahead up to the window (a wider one before the workers start, to
            # prepare while loading); payload-less items are done at once.
            warm = self._warming and not self._workers
            window = self.WARM_WINDOW if warm else self.window
            held = 0  # bytes read ahead for the warm-up
            while not exhausted and read - emitted < window and held < self.WARM_BYTES:
                try:
                    key, payload = next(source)
                except StopIteration:
                    exhausted = True
                    break
                keys[read] = key
                if payload is None:
                    outcomes[read] = None
                else:
                    waiting.append((read, payload))
                    if warm and self._weigh is not None:
                        held += self._weigh(payload)
                read += 1
            if waiting and not self._workers:  # started only once there is work: a re-run may have none
                if not self._loaded:
                    self._load(waiting, outcomes)
                    self._loaded = True
                if waiting:  # the warm-up may have handled the only payload: then no worker is needed
                    self._workers = self._start(self.jobs)
            # At the tail (everything read, no more left than workers) a payload waits
            # for an idle worker: queued behind a busy one, it could keep that one
            # going for a whole document while the other core has nothing to do.
            depth = 1 if exhausted and len(waiting) <= len(self._workers) else self.DEPTH
            for worker in sorted(self._workers, key=lambda w: len(w.pending)):
                while waiting and len(worker.pending) < depth:
                    index, payload = waiting.popleft()
                    worker.tasks.send(payload)
                    worker.pending.append(index)
                    payloads[index] = payload
            if emitted in outcomes:
                yield keys.pop(emitted), outcomes.pop(emitted)
                emitted += 1
                continue
            if exhausted and emitted == read:
                return
            self._collect(payloads, waiting, outcomes)

    def _load(self, waiting: collections.deque, outcomes: dict[int, Any]) -> None:
        """`handler.load()` and the warm-up, preparing waiting payloads in a thread meanwhile."""
        if not self._warming:
            self.handler.load()
            self._warm_up(waiting, outcomes, lambda index: None)
            return
        done = threading.Event()
        progress = threading.Condition()
        prepared: dict[int, Any] = {}

        def prepare() -> None:
            try:
                for index, payload in list(waiting):
                    if done.is_set():
                        return
                    outcome = self.handler.prepare(payload)  # type: ignore[attr-defined]
                    with progress:
                        prepared[index] = outcome
                        progress.notify_all()
            finally:
                with progress:
                    progress.notify_all()

        def when_prepared(index: int) -> Any:
            with progress:
                progress.wait_for(lambda: index in prepared or not thread.is_alive())
            return prepared.get(index)

        def ready_now(index: int) -> Any:
            """The prepared payload if it is ready while the thread is still converting, else None."""
            with progress:
                return prepared.get(index) if thread.is_alive() else None

        thread = threading.Thread(target=prepare, name="miner-prepare", daemon=True)
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, self.PREPARE_SWITCH_INTERVAL))
        thread.start()
        try:
            self.handler.load()
            self._warm_up(waiting, outcomes, when_prepared, ready_now)
        finally:
            done.set()
            sys.setswitchinterval(interval)
            thread.join()  # at most the payload in hand
            self.handler.prepared()  # type: ignore[attr-defined]
        for position, (index, payload) in enumerate(waiting):
            if index in prepared:
                waiting[position] = (index, prepared[index])

    def _warm_up(
        self,
        waiting: collections.deque,
        outcomes: dict[int, Any],
        when_prepared: Callable[[int], Any],
        ready_now: Callable[[int], Any] | None = None,
    ) -> None:
        """Payloads handled here before forking: their outcomes, and fewer payloads for the workers.

        The first payload the handler's `warm_up` takes, waiting for it to be
        prepared. Then, with at most two jobs, the next ones for as long as the
        prepare thread is still converting and has them ready: this process
        extracting beside its converter child already keeps two cores busy, so
        forking sooner would gain nothing and would cost each worker a
        converter child of its own (a fifth of a second of CPU) for the
        payloads not converted yet. It stops at the first payload not ready,
        so it never waits on a slow conversion.
        """
        warm_up = getattr(self.handler, "warm_up", None)
        if warm_up is None:
            return
        handled: list[int] = []
        for position, (index, payload) in enumerate(waiting):
            if handled:
                ready = ready_now(index) if ready_now is not None and self.jobs <= 2 else None
                if ready is None:
                    break
            else:
                ready = when_prepared(index)
            outcome = warm_up(payload if ready is None else ready)
            if outcome is not None:
                outcomes[index] = outcome
                handled.append(position)
        for position in reversed(handled):
            del waiting[position]

    def _start(self, count: int) -> list[_Worker]:
        # Frozen objects are left alone by the children's garbage collector, so
        # the pipeline's pages stay shared instead of being copied on first scan.
        # A handler that froze its own objects already (the ingester does, after
        # its first document) keeps them frozen here too.
        frozen_before = gc.get_freeze_count()
        gc.freeze()
        try:
            return [_Worker(self._context, self.handler) for _ in range(count)]
        finally:
            if not frozen_before:
                gc.unfreeze()

    def _collect(self, payloads: dict[int, Any], waiting: collections.deque, outcomes: dict[int, Any]) -> None:
        """Wait for at least one busy worker to answer or die."""
        handles: dict[Any, int] = {}
        for slot, worker in enumerate(self._workers):
            if worker.pending:
                handles[worker.results] = slot
                handles[worker.process.sentinel] = slot
        for slot in {handles[h] for h in wait(list(handles))}:
            worker = self._workers[slot]
            try:
                # A worker that exited after answering still has its answers in the pipe.
                while worker.pending and worker.results.poll():
                    outcome = worker.results.recv()
                    index = worker.pending.popleft()
                    payloads.pop(index)
                    outcomes[index] = outcome
                if worker.pending and not worker.process.is_alive():
                    raise EOFError
            except (EOFError, OSError):
                worker.process.join(5)
                lost = worker.pending.popleft()
                payloads.pop(lost)
                outcomes[lost] = WorkerLost(worker.process.exitcode)
                for index in reversed(worker.pending):  # innocent: first in line for the replacement
                    waiting.appendleft((index, payloads.pop(index)))
                worker.tasks.close()
                worker.results.close()
                self._workers[slot] = self._start(1)[0]


__all__ = ["Handler", "InlinePool", "WorkerLost", "WorkerPool", "cpu_count", "resolve_jobs", "worker_pool"]
