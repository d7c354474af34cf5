"""CPU seconds of one pipeline component alone, best of N passes.

Runs the components before it once per document, then times only that
component over the prepared Docs (each run starts from the document context as
the earlier components left it), so a change to one stage can be compared on a
busy machine with less noise than `throughput.py`'s single per-stage pass:

    python benchmarks/stage.py miner_gradings                      # corpora/documents
    python benchmarks/stage.py miner_gradings --corpus ../shared/data/ofsted-ilacs --runs 10
"""

from __future__ import annotations

import argparse
import gc
import pathlib
import time

from corpus import DOCUMENTS, corpus_documents

from miner.nlp.context import DocContext
from miner.nlp.pipeline import Extractor, make_doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("component", help="a pipe name, e.g. miner_gradings")
    parser.add_argument("--corpus", type=pathlib.Path, default=DOCUMENTS, metavar="DIR", help="read the documents under DIR instead of corpora/documents")
    parser.add_argument("--runs", type=int, default=8, help="timed passes; the best and the median are printed (default 8)")
    args = parser.parse_args()
    extractor = Extractor()
    names = extractor.nlp.pipe_names
    if args.component not in names:
        parser.error(f"{args.component}: not a component of the pipeline ({', '.join(names)})")
    component = extractor.nlp.get_pipe(args.component)
    prepared = []
    for document in corpus_documents(args.corpus):
        doc = make_doc(extractor.nlp, document.text)
        doc._.miner = DocContext.from_document(document)
        doc._.miner.text = document.text
        for name, pipe in extractor.nlp.pipeline:
            if name == args.component:
                break
            doc = pipe(doc)
        # The context's caches as the earlier components leave them, restored before each pass.
        prepared.append((doc, dict(doc._.miner._indexes)))

    def one_pass() -> None:
        for doc, indexes in prepared:
            doc._.miner._indexes = dict(indexes)
            component(doc)

    one_pass()  # warm-up: compiled patterns, lazily built tables
    times = []
    for _ in range(args.runs):
        gc.collect()
        start = time.process_time()
        one_pass()
        times.append(time.process_time() - start)
    times.sort()
    print(f"{args.component} over {len(prepared)} documents from {args.corpus}: best {times[0]:.3f} s, median {times[len(times) // 2]:.3f} s CPU per pass ({args.runs} passes)")


if __name__ == "__main__":
    main()
