"""Keeping spaCy's tokenizer cache useful while extraction runs in memory zones.

`Extractor.extract` runs each document inside `nlp.memory_zone()`, so the
strings a document adds to the vocabulary are freed with it and a long crawl
does not grow without bound. But inside a zone spaCy's tokenizer saves
nothing to its cache (`Tokenizer._save_cached` returns at once), and the blank
English vocabulary holds almost no words: every whitespace-separated chunk of
every document went through prefix, suffix and infix splitting again, and
every word got a fresh lexeme. On the 39 real Ofsted reports that made
`extract()` take 8.8 s where the same pipeline with a warm cache takes 2.3 s.

`RecurringChunks` gives the cache back its purpose with a bounded memory: a
chunk seen in an earlier document is tokenised once outside any zone before
the document that repeats it is processed, which stores its tokens in the
cache and its lexemes in the vocabulary for good. Chunks seen only once (a
name, a figure, a typo) stay transient, and so do long figures, which recur
only by chance. Kept chunks stop at `limit`, and the
set of chunks seen once is cleared when it reaches `seen_limit`, so memory
levels off however long the run. The limits are sized by measurement: two
passes over the 39 real reports keep 13,500 chunks; on the synthetic corpus
of benchmarks/memory.py a kept chunk costs about 1 KB of resident memory with
its share of the chunks seen once, so the cap adds at most ~20 MB.

A run of whitespace other than one space is a chunk too, which
`text.split()` never yields: the block separator ("\n\n"), between each two
blocks of every document `DocumentBuilder` makes, is cached once for good
when the `RecurringChunks` is made. Uncached, its 7,107 occurrences in the
39 real reports took a fifth of the tokenizer's time inside the zones.

Tokenising a chunk alone gives the tokens it gets in any text (spaCy splits
at whitespace first and caches per chunk), so the records are unchanged.
"""

from __future__ import annotations

import re

from spacy.language import Language

from miner.document import BLOCK_SEPARATOR

_HAS_DIGIT = re.compile(r"\d").search
# Chunks longer than this that hold a digit are not kept: "£571.9m", "28,447",
# "13.1%" are particular values that recur across documents by chance, while
# short ones ("2024", "10%", "(2)") recur because they are common. On the
# synthetic corpus of benchmarks/memory.py, chance repeats of random figures
# made up nine in ten of the chunks kept after the first few thousand
# documents, so the cache went on filling (and memory rising) for 20,000-30,000
# documents; now the vocabulary stops growing by 10,000. On the 39 real
# reports the longer figures were one kept chunk in twenty (12,807 kept
# instead of 13,528) and their loss costs no measurable time.
FIGURE_MAX_LENGTH = 4


class RecurringChunks:
    """Promotes whitespace-separated chunks that recur across documents into
    the tokenizer's permanent cache, up to `limit` chunks."""

    def __init__(self, nlp: Language, limit: int = 20_000, seen_limit: int = 40_000):
        self.nlp = nlp
        self.limit = limit
        self.seen_limit = seen_limit
        self.seen: set[str] = set()  # chunks of earlier documents, not kept yet
        self.kept: set[str] = set()
        # spaCy caches at most 10,000 chunks by default, fewer than a corpus of
        # reports repeats; room is made for the ones kept here.
        tokenizer = nlp.tokenizer
        tokenizer.max_cache_size = max(tokenizer.max_cache_size, limit + 10_000)
        # The whitespace chunk of every document (see the module's docstring):
        # not counted among the kept chunks, which come from text.split().
        if not nlp.vocab.in_memory_zone:
            tokenizer(BLOCK_SEPARATOR)

    @property
    def full(self) -> bool:
        return len(self.kept) >= self.limit

    def before(self, text: str) -> None:
        """Call outside any memory zone, before the document `text` is
        processed in one: keeps the chunks of `text` that an earlier document
        had too, and remembers the rest."""
        if self.full or self.nlp.vocab.in_memory_zone:
            return
        # difference(), not `-=`: `-=` walks all of `kept` (~12,800 chunks after two
        # passes over the real reports, up to `limit`) for every document;
        # difference() walks the document's few thousand chunks.
        chunks = set(text.split()).difference(self.kept)
        chunks = {chunk for chunk in chunks if len(chunk) <= FIGURE_MAX_LENGTH or not _HAS_DIGIT(chunk)}
        recurring = chunks & self.seen
        if recurring:
            # Sorted, so a run keeps the same chunks whatever the set order.
            recurring = sorted(recurring)[: self.limit - len(self.kept)]
            # One call per chunk: the tokenizer stops caching for the rest of
            # a text once a special case ("don't", "a.m.") has matched in it.
            # The Docs are dropped; their lexemes and cache entries stay.
            tokenizer = self.nlp.tokenizer
            for chunk in recurring:
                tokenizer(chunk)
            self.kept.update(recurring)
            self.seen.difference_update(recurring)
            chunks.difference_update(recurring)
        if self.full:
            self.seen = set()
        else:
            if len(self.seen) + len(chunks) > self.seen_limit:
                self.seen.clear()
            self.seen |= chunks
