"""Words per second: bare spaCy tokenisation against miner's whole pipeline.

Reads every document under corpora/documents (converted with
`miner.text.convert`), repeats the list until it holds about two million
words, and times, single process, the best of three rounds after a warm-up (each
round times every measurement in turn, so drift in CPU speed hits them alike):

- tokenisation with `spacy.blank("en")`: `nlp.make_doc(text)` per text, and
  `nlp.tokenizer.pipe(texts)`;
- `Extractor().doc(document)`: the spaCy part (tokenise, then every component),
  on a pipeline of its own because it runs outside a memory zone;
- `Extractor().extract(document)`: the spaCy part plus the records, in a
  memory zone per document as `miner ingest` runs it.

With `--corpus`, it first times one pass over text that neither side has seen
(a fresh tokenizer, and a pipeline warmed on the project's own corpus).

Words are whitespace-separated tokens of the document text. The target is a
pipeline at least 0.2 times as fast as tokenisation. Then one more pass times
each component of `extractor.nlp.pipeline` on its own, so the slow one shows.

Usage:
    python benchmarks/throughput.py              # ~2 million words, about 15 minutes today
    python benchmarks/throughput.py --quick      # one pass over the corpus, under a minute
    python benchmarks/throughput.py --profile 25 # also cProfile one pass of extract()
    python benchmarks/throughput.py --corpus ../shared/data/ofsted-ilacs --quick  # the real reports
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pathlib
import pstats
import time
from collections.abc import Callable

import spacy

from corpus import DOCUMENTS, corpus_documents, count_words, print_machine, repeat_to_words

from miner.nlp.pipeline import Extractor, records_from_doc

TARGET_RATIO = 0.2
# perf_counter (wall time) by default; `--clock cpu` switches to this process's
# CPU time, which other processes on a busy machine do not inflate.
CLOCK = time.perf_counter


def timed(work: Callable[[], object]) -> float:
    """The time (on CLOCK) of one call, with the collector run first."""
    gc.collect()
    start = CLOCK()
    work()
    return CLOCK() - start


def interleaved(runs: int, works: list[Callable[[], object]]) -> list[list[float]]:
    """`runs` rounds, each timing every one of `works` in turn: times[i][r] is work
    i in round r. On this virtual machine the CPU speed drifts by +-20% over
    minutes, so timing the measurements side by side in each round, rather than
    all runs of one then all runs of the next, keeps a drift from landing on one
    side of a ratio only."""
    times: list[list[float]] = [[] for _ in works]
    for _ in range(runs):
        for i, work in enumerate(works):
            times[i].append(timed(work))
    return times


class _TimedPipeline:
    """Stands in for `extractor.nlp` so that `Extractor.doc` runs unchanged while
    each component's time is added to `totals`."""

    def __init__(self, nlp, totals: dict[str, float]):
        self._nlp = nlp
        self.pipeline = [(name, self._timed(name, component, totals)) for name, component in nlp.pipeline]

    @staticmethod
    def _timed(name: str, component, totals: dict[str, float]):
        clock = CLOCK

        def run(doc):
            start = clock()
            doc = component(doc)
            totals[name] += clock() - start
            return doc

        return run

    def __getattr__(self, attribute: str):
        return getattr(self._nlp, attribute)


def component_times(extractor: Extractor, documents) -> list[tuple[str, float]]:
    """Seconds spent in each stage of `extract()` over `documents`: each pipe, the
    rest of `Extractor.doc` (make_doc, the document context), and the records."""
    rest = "make_doc + context"
    totals = dict.fromkeys([rest, *extractor.nlp.pipe_names, "records_from_doc"], 0.0)
    clock = CLOCK
    nlp, doc_seconds = extractor.nlp, 0.0
    extractor.nlp = _TimedPipeline(nlp, totals)
    try:
        for document in documents:
            start = clock()
            doc = extractor.doc(document)
            middle = clock()
            records_from_doc(doc, document.kind)
            totals["records_from_doc"] += clock() - middle
            doc_seconds += middle - start
    finally:
        extractor.nlp = nlp
    totals[rest] = doc_seconds - sum(totals[name] for name in nlp.pipe_names)
    return list(totals.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one pass over the corpus instead of ~2 million words")
    parser.add_argument("--words", type=int, default=2_000_000, help="repeat the corpus to at least this many words (default 2,000,000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per measurement; the best is kept (default 3)")
    parser.add_argument("--profile", type=int, metavar="N", default=0, help="also cProfile one pass of extract() over the corpus and print the top N functions")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall", help="time with the wall clock (default) or this process's CPU time (for a machine busy with other work)")
    parser.add_argument("--corpus", type=pathlib.Path, default=DOCUMENTS, metavar="DIR", help="read the documents under DIR instead of corpora/documents, e.g. ../shared/data/ofsted-ilacs (the real reports)")
    args = parser.parse_args()
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter

    print_machine()
    corpus = corpus_documents(args.corpus)
    documents = corpus if args.quick else repeat_to_words(corpus, args.words)
    texts = [d.text for d in documents]
    words = sum(count_words(t) for t in texts)
    corpus_words = sum(count_words(d.text) for d in corpus)
    print(f"corpus: {len(corpus)} documents, {corpus_words:,} words, {sum(len(d.text) for d in corpus):,} characters")
    print(f"timed set: {len(documents)} documents ({len(documents) // len(corpus)} passes), {words:,} words; best of {args.runs} interleaved rounds after a warm-up pass; clock: {args.clock}\n")

    blank = spacy.blank("en")
    extractor = Extractor()
    # doc() runs outside a memory zone, so every string it meets stays in its
    # vocabulary and tokenizer cache: it gets a pipeline of its own, so that
    # extract() is timed as `miner ingest` runs it (a zone per document, the
    # cache kept by token_cache.RecurringChunks).
    doc_extractor = Extractor()
    print(f"pipeline: {', '.join(extractor.nlp.pipe_names)} ({extractor.version})\n")

    if args.corpus != DOCUMENTS:
        # First pass over text neither has seen, as in a long ingest of new
        # documents: both sides have first met the project's own corpus (the
        # tokenizer caches hold its common words, the components' patterns
        # are compiled), and neither has met this one.
        for document in corpus_documents(DOCUMENTS):
            blank.make_doc(document.text)
            extractor.extract(document)
        gc.freeze()  # as `miner ingest` does after its first document
        first_make_doc = timed(lambda: [blank.make_doc(d.text) for d in corpus])
        first_extract = timed(lambda: [extractor.extract(d) for d in corpus])
        print(f"first pass over unseen text ({corpus_words:,} words): make_doc {corpus_words / first_make_doc:,.0f} words/s, "
              f"extract {corpus_words / first_extract:,.0f} words/s, ratio {first_make_doc / first_extract:.4f}\n")

    # Warm-up: one pass over the corpus for each measurement fills the
    # tokenizer cache and the components' lazily built tables.
    for document in corpus:
        blank.make_doc(document.text)
        extractor.extract(document)
        doc_extractor.doc(document)
    # As `miner ingest` does after its first document (ingest.Analyser): the
    # pipelines' objects are left out of garbage collection from now on.
    gc.freeze()

    def make_doc() -> None:
        for text in texts:
            blank.make_doc(text)

    def tokenizer_pipe() -> None:
        for _ in blank.tokenizer.pipe(texts, batch_size=64):
            pass

    def doc() -> None:
        for document in documents:
            doc_extractor.doc(document)

    def extract() -> None:
        for document in documents:
            extractor.extract(document)

    measurements = (
        ("tokenise: nlp.make_doc", make_doc),
        ("tokenise: nlp.tokenizer.pipe", tokenizer_pipe),
        ("miner: Extractor().doc", doc),
        ("miner: Extractor().extract", extract),
    )
    times = interleaved(args.runs, [work for _, work in measurements])
    rows = [(label, min(t), words / min(t)) for (label, _), t in zip(measurements, times)]
    tokenise = rows[0][2]
    print(f"{'measurement':<32}{'best s':>9}{'words/s':>14}{'x make_doc':>12}")
    for label, seconds, rate in rows:
        print(f"{label:<32}{seconds:>9.2f}{rate:>14,.0f}{rate / tokenise:>12.4f}")
    ratio = rows[3][2] / tokenise
    # The same ratio within each round (make_doc and extract timed minutes apart at most).
    paired = sorted(m / e for m, e in zip(times[0], times[3]))
    verdict = "meets" if ratio >= TARGET_RATIO else "BELOW"
    print(f"\nload average (1, 5, 15 min) at the end of the timed runs: {', '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"ratio pipeline/tokenisation (extract / make_doc): {ratio:.4f} ({verdict} the {TARGET_RATIO} target)")
    print(f"ratio spaCy part/tokenisation (doc / make_doc):    {rows[2][2] / tokenise:.4f}")
    print(f"ratio within each round (extract / make_doc):      {', '.join(f'{r:.4f}' for r in paired)} (median {paired[len(paired) // 2]:.4f})")

    print(f"\nper-component time over the same {len(documents)} documents (one pass):")
    stages = component_times(doc_extractor, documents)
    total = sum(seconds for _, seconds in stages)
    print(f"{'stage':<26}{'seconds':>10}{'share':>9}{'words/s alone':>16}")
    for name, seconds in stages:
        print(f"{name:<26}{seconds:>10.2f}{seconds / total:>9.1%}{words / seconds if seconds else float('inf'):>16,.0f}")
    print(f"{'total':<26}{total:>10.2f}{1:>9.1%}{words / total:>16,.0f}")

    if args.profile:
        print(f"\ncProfile of extract() over the corpus ({len(corpus)} documents, {corpus_words:,} words):")
        profiler = cProfile.Profile()
        profiler.enable()
        for document in corpus:
            extractor.extract(document)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(args.profile)
        stats.sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
