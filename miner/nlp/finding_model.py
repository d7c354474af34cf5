"""The trained part of finding extraction: three spaCy text classifiers
(finding kind or "none", polarity, topic) over candidate sentences.

Rules stay in charge of what they do best (which sentences are candidates,
section headings that fix a kind, quotes from the inspected body's
response); the classifiers decide what rules judge poorly: whether a
narrative sentence states a finding, and its polarity and topic. Each
candidate is classified from its words plus context tokens (section kind,
document kind, block kind), so a bag-of-words model can use them.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import operator
import pathlib
import random
from dataclasses import dataclass
from typing import Iterable, NamedTuple

import re

import numpy
import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id, hash_string
from spacy.symbols import IDS as SYMBOLS
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import minibatch, registry

KINDS = ("none", "cause_of_concern", "area_for_improvement", "recommendation", "innovative_practice", "finding")
POLARITIES = ("positive", "negative", "neutral")
TOPICS = (
    "call_handling", "investigation", "vulnerability", "offender_management", "crime_prevention",
    "use_of_powers", "workforce", "leadership", "resources", "data_and_records", "victims",
    "children_in_care", "partnership", "custody_and_detention", "health_and_care",
)
HEADS = {"kind": KINDS, "polarity": POLARITIES, "topic": TOPICS}


class Candidate(NamedTuple):
    """A sentence or list item that may state a finding, with its context. (A
    tuple: a document makes one per sentence, and a dataclass cost three times
    as much to make.)"""

    start: int
    end: int
    text: str
    block_kind: str
    headings: tuple[str, ...]
    section_kind: str | None
    doc_kind: str

    def features(self) -> str:
        return self.context_features() + self.text

    def context_features(self) -> str:
        """The start of `features()`: context as pseudo-words the bag-of-words
        model can weigh, ending in a space (the same for many candidates)."""
        section = self.section_kind or "nosection"
        heading = (self.headings[-1] if self.headings else "").lower()
        heading_words = " ".join(f"hd_{w}" for w in heading.split()[:6] if w.isalpha())
        return f"ctx_{section} ctx_doc_{self.doc_kind} ctx_block_{self.block_kind} {heading_words} "


@dataclass
class KindScores:
    """The kind head's answer for a batch of candidates, as arrays (per
    candidate: the index of the most probable kind, its probability, and
    1 - P(none) in double precision, as Python computes it from the float32),
    with the batch's n-gram keys, counts and keys per candidate for scoring
    the other heads."""

    labels: tuple[str, ...]
    best: numpy.ndarray
    kind_p: numpy.ndarray
    finding_p: numpy.ndarray
    keys: numpy.ndarray
    values: numpy.ndarray
    per_text: numpy.ndarray

    @property
    def kinds(self) -> list[str]:
        """The most probable kind of each candidate ("none" included)."""
        return _label_names(self.labels, self.best)

    def chosen(self, rows: numpy.ndarray) -> numpy.ndarray:
        """Those of `rows` (ascending) given a polarity and topic: what the kind head keeps."""
        rows = numpy.asarray(rows, dtype="int64")
        keep = (self.best[rows] != self.labels.index("none")) | (self.finding_p[rows] >= 0.3)
        return rows[keep]

    def rows(self, rows: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """The keys, counts and keys per text of the candidates at `rows` (ascending)."""
        if len(rows) == len(self.per_text):
            return self.keys, self.values, self.per_text
        keep = numpy.zeros(len(self.per_text), dtype=bool)
        keep[rows] = True
        keep_keys = numpy.repeat(keep, self.per_text)
        return self.keys[keep_keys], self.values[keep_keys], self.per_text[keep]


def _label_names(labels: tuple[str, ...], best: numpy.ndarray) -> list[str]:
    """`[labels[b] for b in best]`, the lookups in C."""
    if len(best) == 0:
        return []
    names = operator.itemgetter(*best.tolist())(labels)
    return [names] if len(best) == 1 else list(names)


# What `Candidate.context_features()` depends on (the whole heading path, where
# it reads the last heading alone: a finer key, never a wrong one), read by a
# C-level itemgetter rather than a method call per candidate.
_CONTEXT_FIELDS = operator.itemgetter(Candidate._fields.index("block_kind"), Candidate._fields.index("headings"),
                                      Candidate._fields.index("section_kind"), Candidate._fields.index("doc_kind"))

_WORD = re.compile(r"[\w'’£%-]+")
# `_WORD.findall` without the regex engine (`words()`): ASCII characters outside
# its class become spaces in one bytes.translate, then str.split() cuts words.
_ASCII_NON_WORD = bytes(c for c in range(128) if not _WORD.fullmatch(chr(c)))
_TO_SPACE = bytes.maketrans(_ASCII_NON_WORD, b" " * len(_ASCII_NON_WORD))
_ASCII = bytes(range(128))


def words(text: str) -> list[str]:
    """`_WORD.findall(text)`, several times faster. Splitting at ASCII non-word
    characters and whitespace is the same as the regex when every non-ASCII
    character of the text is in `_WORD`'s class (a word character, which for `re`
    is one that `str.isalnum()` accepts, or ’ or £); any other (“, –, a
    non-breaking space...) separates words as a space does, and is replaced by one."""
    encoded = _word_bytes(text)
    if encoded is None:
        return _WORD.findall(text)
    return encoded.translate(_TO_SPACE).decode("utf-8").split()


def _word_bytes(text: str) -> bytes | None:
    """`text` in UTF-8 with every non-ASCII character outside `_WORD`'s class
    replaced by a space (None for a lone surrogate): what is left outside the
    class is ASCII, so a word is a run of bytes that are word characters or
    above 0x7F."""
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if not text.isascii():
        # The non-ASCII characters alone: UTF-8 bytes of those are all >= 0x80.
        encoded = _spaced(text, encoded, encoded.translate(None, _ASCII).decode("utf-8"))
    return encoded


def _spaced(text: str, encoded: bytes, rest: str) -> bytes:
    """`encoded` (`text` in UTF-8) with every character of `rest` (its
    non-ASCII characters) outside `_WORD`'s class replaced by a space.
    (Replaced in the text, then encoded again: `bytes.replace` of a character's
    UTF-8 bytes measured some thirty times slower than `str.replace` of it.)"""
    rest = rest.replace("’", "").replace("£", "")
    if rest and not rest.isalnum():
        for char in set(rest):
            if not char.isalnum():
                text = text.replace(char, " ")
        encoded = text.encode("utf-8")
    return encoded


def _lower_word_bytes(text: str) -> bytes | None:
    """`_word_bytes(text.lower())`, or None where that is not one character per
    character of `text`: a capital sigma (its lower case depends on its
    neighbours), a character that lower-cases to two, a lone surrogate. When no
    non-ASCII character changes in lower case (the usual text: ’, é, –), the
    lower-casing is `bytes.lower()` of the UTF-8, which changes only A-Z and
    costs a fraction of `str.lower()` on a non-ASCII text."""
    if "Σ" in text:
        return None
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if not text.isascii():
        rest = encoded.translate(None, _ASCII).decode("utf-8")
        if rest.lower() != rest:
            low = text.lower()
            return _word_bytes(low) if len(low) == len(text) else None
        encoded = _spaced(text, encoded, rest)
    return encoded.lower()


# Bytes that belong to a word in `_word_bytes`' output, as an array and as a
# bytes.translate table giving 1 for those and 0 for the others.
_IN_WORD_BYTE = numpy.array([c >= 128 or _WORD.fullmatch(chr(c)) is not None for c in range(256)])
_IN_WORD_TABLE = _IN_WORD_BYTE.astype("uint8").tobytes()
_M = numpy.uint64(0xC6A4A7935BD1E995)  # MurmurHash64A's multiplier and shift
_R = numpy.uint64(47)


def _murmurhash64a(data: numpy.ndarray, starts: numpy.ndarray, lengths: numpy.ndarray, seed: int) -> numpy.ndarray:
    """MurmurHash64A (murmurhash's `hash64`, which spaCy's string ids are) of
    data[start:start + length] for each start and length, for all at once.
    `data`: uint8, with at least 8 bytes after the last string's end (its
    blocks are read as whole uint64s, the tail's extra bytes masked off)."""
    lengths = lengths.astype("uint64")
    h = numpy.uint64(seed) ^ (lengths * _M)
    blocks = (lengths >> numpy.uint64(3)).astype("int64")
    # The little-endian uint64 at every byte offset: an unaligned view, no copy.
    at = numpy.ndarray((len(data) - 7,), dtype="<u8", buffer=data, strides=(1,))
    some = numpy.arange(len(blocks))
    for b in range(int(blocks.max()) if len(blocks) else 0):
        # The strings with a block at b: a shrinking subset (most words fit in one or two).
        some = some[blocks[some] > b]
        k = at[starts[some] + 8 * b] * _M
        k ^= k >> _R
        k *= _M
        h[some] = (h[some] ^ k) * _M
    rest = lengths & numpy.uint64(7)
    tail = numpy.flatnonzero(rest)
    if len(tail):
        k = at[starts[tail] + 8 * blocks[tail]]
        k &= (numpy.uint64(1) << (numpy.uint64(8) * rest[tail])) - numpy.uint64(1)
        h[tail] = (h[tail] ^ k) * _M
    h ^= h >> _R
    h *= _M
    h ^= h >> _R
    return h


def _symbol_table() -> tuple[numpy.ndarray, numpy.ndarray]:
    """The hashes of spaCy's symbol names, sorted, and the ids `get_string_id`
    gives those names instead ("root", "number", "agent"...)."""
    pairs = sorted((hash_string(name), symbol) for name, symbol in SYMBOLS.items() if name)
    return numpy.array([h for h, _ in pairs], dtype="uint64"), numpy.array([s for _, s in pairs], dtype="uint64")


_SYMBOL_HASHES, _SYMBOL_IDS = _symbol_table()
# Which low 16 bits a symbol name's hash may have: a word whose hash's low bits
# are not among them is no symbol, so only the few others (under 1%) are looked
# up in the table, a searchsorted per word having cost as much as the hashing.
_SYMBOL_LOW = numpy.uint64(0xFFFF)
_SYMBOL_BUCKETS = numpy.zeros(1 << 16, dtype=bool)
_SYMBOL_BUCKETS[(_SYMBOL_HASHES & _SYMBOL_LOW).astype("int64")] = True


def text_word_ids(texts: list[str]) -> tuple[numpy.ndarray, numpy.ndarray] | None:
    """For each of `texts`, the string ids (`get_string_id`) of the words of its
    lower-cased text (`words(text.lower())`), all in one array, and how many
    each text has; hashed by numpy from one encoding of all the texts rather
    than by a Python string and a dict lookup per word. None when that cannot
    be done exactly: a capital sigma (its lower case depends on its
    neighbours), a character that lower-cases to two, a NUL (which separates
    the texts here), a lone surrogate."""
    joined = "\x00".join(texts)
    if joined.count("\x00") != len(texts) - 1:
        return None
    encoded = _lower_word_bytes(joined)
    if encoded is None:
        return None
    data = numpy.frombuffer(encoded + bytes(8), dtype="uint8")
    # Which bytes are in a word, by one bytes.translate (an index of the table by every byte cost four times as much).
    inside = numpy.frombuffer(b"\x00" + encoded.translate(_IN_WORD_TABLE) + b"\x00", dtype=bool)
    edges = numpy.flatnonzero(inside[1:] != inside[:-1])
    starts, ends = edges[0::2], edges[1::2]
    ids = _murmurhash64a(data, starts, ends - starts, 1)
    maybe = numpy.flatnonzero(_SYMBOL_BUCKETS[(ids & _SYMBOL_LOW).astype("int64")])
    if len(maybe):
        at = numpy.minimum(numpy.searchsorted(_SYMBOL_HASHES, ids[maybe]), len(_SYMBOL_HASHES) - 1)
        symbol = _SYMBOL_HASHES[at] == ids[maybe]
        ids[maybe[symbol]] = _SYMBOL_IDS[at[symbol]]
    # Words per text: how many start before each separating NUL (a few hundred
    # look-ups among the sorted starts, not one per word among the NULs).
    before = numpy.searchsorted(starts, numpy.flatnonzero(data[:-8] == 0))
    return ids, numpy.diff(numpy.concatenate(([0], before, [len(starts)])))


class WordTokenizer:
    """Lower-cased words and context tokens only: a bag-of-words classifier needs
    nothing finer, and spaCy's affix rules cost more than the classification."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return Doc(self.vocab, words=_WORD.findall(text.lower()) or [""])

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def to_disk(self, path, **kwargs):
        pass

    def from_disk(self, path, **kwargs):
        return self

    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self


@registry.tokenizers("miner.word_tokenizer.v1")
def make_word_tokenizer():
    def create(nlp: Language) -> WordTokenizer:
        return WordTokenizer(nlp.vocab)

    return create


def _blank() -> Language:
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "miner.word_tokenizer.v1"}}})


def _textcat_config(exclusive: bool) -> dict:
    return {
        "model": {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": exclusive,
            "ngram_size": 2,
            "no_output_layer": False,
            "length": 65536,
        },
        "threshold": 0.5,
    }


# Words' string ids (hashes) kept from one document to the next: most words
# recur, and hashing them again cost a fifth of the classifier's time. Bounded
# (emptied when full), so a long crawl does not grow it without end.
_STRING_IDS: dict[str, int] = {}
_STRING_IDS_MAX = 50_000


def _string_ids(words: set[str]) -> dict[str, int]:
    """A dict holding `get_string_id(w)` for each of `words` (and maybe others)."""
    global _STRING_IDS
    ids = _STRING_IDS
    missing = words.difference(ids)
    if len(ids) + len(missing) > _STRING_IDS_MAX:
        # A new dict rather than clear(): a caller still reading the old one keeps it whole.
        ids = _STRING_IDS = {}
        missing = words
    for word in missing:
        ids[word] = get_string_id(word)
    return ids


def _word_ids(flat: list[str]) -> tuple[int, ...]:
    """`get_string_id(w)` for each of `flat` (not empty), in order: one
    `itemgetter` over the kept ids, which in the usual case (every word seen
    before) skips building the set of the words, and looks them up in C."""
    try:
        found = operator.itemgetter(*flat)(_STRING_IDS)
    except KeyError:
        found = operator.itemgetter(*flat)(_string_ids(set(flat)))
    return (found,) if len(flat) == 1 else found


def _by_text_then_key(keys: numpy.ndarray, texts: numpy.ndarray, count: int) -> tuple[numpy.ndarray, numpy.ndarray]:
    """`keys` and `texts` (a text's index, below `count`, for each key) sorted
    by text, then key: the order of numpy.lexsort((keys, texts)), equal keys of
    a text in any order. One sort of a single uint64 per key, its text's
    index in the top bits and the key's top bits below (then its position, to
    read the order from the sorted values), which puts two keys of a text in
    order unless they agree in all those bits; then (in theory, for hashed
    keys) the exact order by two sorts."""
    shift = numpy.uint64(max(1, (count - 1).bit_length()))
    # Each key's position rides in the low bits, so numpy.sort (several times
    # faster than argsort) gives the order: text, then the key's top bits, then position.
    position_bits = numpy.uint64(max(1, (len(keys) - 1).bit_length()))
    if shift + position_bits < 48:  # at least 16 of the key's bits left to sort on
        packed = (texts.astype("uint64") << (numpy.uint64(64) - shift)) | ((keys >> (shift + position_bits)) << position_bits)
        packed |= numpy.arange(len(keys), dtype="uint64")
        order = (numpy.sort(packed) & ((numpy.uint64(1) << position_bits) - numpy.uint64(1))).astype("int64")
    else:
        order = numpy.argsort((texts.astype("uint64") << (numpy.uint64(64) - shift)) | (keys >> shift))
    keys, texts = keys[order], texts[order]
    if ((texts[1:] == texts[:-1]) & (keys[1:] < keys[:-1])).any():
        # Keys first (equal keys need no order), then texts by a stable sort,
        # which for 16-bit integers is a radix sort.
        order = numpy.argsort(keys)
        order = order[numpy.argsort(texts.astype("int16" if count < 2**15 else "int32")[order], kind="stable")]
        keys, texts = keys[order], texts[order]
    return keys, texts


class BowScorer:
    """A trained `TextCatBOW` head scored without building a `Doc` per text.

    The model's first step, `extract_ngrams`, only reads each token's ORTH hash
    and hashes n-grams of those; building a Doc for that (a new lexeme per word
    inside a memory zone, with Python attribute getters) cost far more than the
    classification. Here the same keys are computed from the words and handed to
    the model's own sparse linear and output layers, so scores are the model's.
    """

    def __init__(self, textcat):
        model = textcat.model
        ngram_model, self.output = model.layers[0].layers[0], model.layers[1]
        extract, self.linear = ngram_model.layers
        if extract.name != "extract_ngrams" or extract.attrs["attr"] != ORTH or self.output.name != "with_cpu(softmax_activation)":
            raise ValueError(f"not a TextCatBOW model: {model.name}")
        self.ngram_size = extract.attrs["ngram_size"]
        self.ops = extract.ops
        self.labels = tuple(textcat.labels)

    @classmethod
    def for_textcat(cls, textcat) -> "BowScorer | None":
        try:
            return cls(textcat)
        except (IndexError, KeyError, ValueError, AttributeError):
            return None

    def keys(self, word_lists: list[list[str]]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """What `extract_ngrams` gives for a batch of Docs of these words (each
        list non-empty), computed for the whole batch at once: per text, its
        unique unigram and n-gram keys in ascending order, their counts, and
        how many keys each text has."""
        return self.flat_keys(list(itertools.chain.from_iterable(word_lists)), list(map(len, word_lists)))

    def flat_keys(self, flat: list[str], lengths: list[int]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """`keys()` of the texts whose words are `flat`, the first `lengths[0]`
        words the first text's, and so on (each length > 0)."""
        return self.id_keys(numpy.fromiter(_word_ids(flat), dtype="uint64", count=len(flat)), lengths)

    def id_keys(self, unigrams: numpy.ndarray, lengths) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """`flat_keys()` from the words' string ids."""
        count = len(lengths)  # texts
        text_of = numpy.repeat(numpy.arange(count), lengths)
        keys, texts = [unigrams], [text_of]
        for n in range(2, self.ngram_size + 1):
            ngrams = self.ops.ngrams(n, unigrams)
            # The batch is one array: keep only the n-grams inside one text.
            inside = text_of[: len(ngrams)] == text_of[n - 1:]
            keys.append(ngrams[inside])
            texts.append(text_of[: len(ngrams)][inside])
        keys, texts = _by_text_then_key(numpy.concatenate(keys), numpy.concatenate(texts), count)
        first = numpy.ones(len(keys), dtype=bool)
        first[1:] = (keys[1:] != keys[:-1]) | (texts[1:] != texts[:-1])
        starts = numpy.flatnonzero(first)
        counts = numpy.diff(numpy.append(starts, len(keys)))
        per_text = numpy.bincount(texts[starts], minlength=count).astype("int32")
        return keys[starts], counts, per_text

    def scores(self, keys: numpy.ndarray, counts: numpy.ndarray, lengths: numpy.ndarray) -> numpy.ndarray:
        """Label probabilities, one row per text, from `keys()`: rows do not
        depend on one another, so a head may score texts it does not need."""
        return self.output.predict(self.linear.predict((keys, numpy.asarray(counts, dtype="f"), lengths)))


# How many candidates a batch needs for `_flat_ids` (measured on real reports'
# candidates, words and keys together: even at 64, faster from 100 on, 1.2 ms
# against 1.0 at 150; slower below 64 from numpy's fixed cost per call).
_NUMPY_WORDS_FROM = 64


class FindingClassifier:
    """One small text-classification pipeline per head (kind, polarity, topic):
    spaCy's exclusive textcat takes one label per text, and polarity and topic
    are learnt from findings only."""

    def __init__(self, heads: dict[str, Language]):
        self.heads = heads
        scorers = {head: BowScorer.for_textcat(nlp.get_pipe("textcat")) for head, nlp in heads.items() if "textcat" in nlp.pipe_names}
        # The fast path needs every head to be a BOW model over the word tokenizer.
        fast = len(scorers) == len(heads) and all(scorers.values()) and all(isinstance(nlp.tokenizer, WordTokenizer) for nlp in heads.values())
        self.scorers = scorers if fast else None

    @classmethod
    def create(cls) -> "FindingClassifier":
        heads = {}
        for head, labels in HEADS.items():
            nlp = _blank()
            textcat = nlp.add_pipe("textcat", config=_textcat_config(True))
            for label in labels:
                textcat.add_label(label)
            heads[head] = nlp
        return cls(heads)

    def predict(self, candidates: list[Candidate], also: Iterable[int] = ()) -> list[dict]:
        """Per candidate: kind (or "none"), polarity and topic, with probabilities.
        Polarity and topic are scored where the kind head keeps a candidate, and for
        the indices in `also` (candidates a rule keeps whatever the kind head says)."""
        also = sorted(set(also))
        if self.scorers is not None:
            return self._predict_fast(candidates, also)
        with contextlib.ExitStack() as zones:
            for nlp in self.heads.values():
                zones.enter_context(nlp.memory_zone())
            return self._predict(candidates, also)

    def _predict(self, candidates: list[Candidate], also: list[int] = ()) -> list[dict]:
        # Tokenise once; polarity and topic only for what the kind head keeps.
        tokenizer = self.heads["kind"].tokenizer
        docs = list(tokenizer.pipe(c.features() for c in candidates))
        results: list[dict] = [{} for _ in candidates]
        for head in ("kind", "polarity", "topic"):
            textcat = self.heads[head].get_pipe("textcat")
            labels = set(textcat.labels)
            chosen = range(len(docs)) if head == "kind" else sorted({i for i, r in enumerate(results) if r["kind"] != "none" or r["finding_p"] >= 0.3}.union(also))
            for i, doc in zip(chosen, textcat.pipe((docs[i] for i in chosen), batch_size=256)):
                cats = {k: v for k, v in doc.cats.items() if k in labels}
                best = max(cats, key=cats.get)
                results[i][head] = best
                results[i][head + "_p"] = cats[best]
                if head == "kind":
                    results[i]["finding_p"] = 1.0 - cats["none"]
        for r in results:
            r.setdefault("polarity", None)
            r.setdefault("topic", None)
        return results

    def _predict_fast(self, candidates: list[Candidate], also: list[int] = ()) -> list[dict]:
        """`_predict` with the heads scored by `BowScorer`: the same decisions and
        probabilities (tests/test_bow_scorer.py compares them on the corpus)."""
        batch = self.score_kinds(candidates)
        results = [{"kind": k, "kind_p": p, "finding_p": f} for k, p, f in zip(batch.kinds, batch.kind_p.tolist(), batch.finding_p.tolist())]
        chosen = batch.chosen(numpy.arange(len(candidates)))
        if also:
            chosen = numpy.union1d(chosen, numpy.asarray(list(also), dtype="int64"))
        for head, (labels, probabilities) in self.score_heads(batch, ("polarity", "topic"), chosen).items():
            for i, label, p in zip(chosen.tolist(), labels, probabilities):
                results[i][head] = label
                results[i][head + "_p"] = p
        for r in results:
            r.setdefault("polarity", None)
            r.setdefault("topic", None)
        return results

    def score_kinds(self, candidates: list[Candidate]) -> "KindScores":
        """The kind head's answer for every candidate (the fast path only: `scorers`
        set), with the batch's n-gram keys kept for `score_heads`."""
        # numpy's fixed cost per call outweighs its speed below some 64 candidates.
        ids = self._flat_ids(candidates) if len(candidates) >= _NUMPY_WORDS_FROM else None
        scorer = self.scorers["kind"]
        keys, counts, per_text = scorer.id_keys(*ids) if ids is not None else scorer.flat_keys(*self._words(candidates))
        values = numpy.asarray(counts, dtype="f")
        scores = scorer.scores(keys, values, per_text)
        # argmax takes the first of equal maxima, as max() over the labels in order does.
        best = scores.argmax(axis=1)
        kind_p = scores[numpy.arange(len(best)), best]
        finding_p = 1.0 - scores[:, scorer.labels.index("none")].astype("float64")
        return KindScores(scorer.labels, best, kind_p, finding_p, keys, values, per_text)

    def score_heads(self, batch: "KindScores", heads: tuple[str, ...], rows: numpy.ndarray) -> dict[str, tuple[list[str], list[float]]]:
        """Per head of `heads`: the most probable label and its probability for
        the candidates at `rows` (ascending) of `batch`. Rows do not depend on
        one another, so the others are left out of the scoring (the rows picked
        once for all the heads)."""
        if len(rows) == 0:
            return {head: ([], []) for head in heads}
        keys, values, per_text = batch.rows(rows)
        # (One thinc layer with both heads' classes side by side gives the same
        # floats, but was no faster: the cost is reading scattered weights, not hashing keys.)
        scores = [self.scorers[head].scores(keys, values, per_text) for head in heads]
        out = {}
        for head, head_scores in zip(heads, scores):
            best = head_scores.argmax(axis=1)
            out[head] = (_label_names(self.scorers[head].labels, best), head_scores[numpy.arange(len(best)), best].tolist())
        return out

    @staticmethod
    def _flat_ids(candidates: list[Candidate]) -> tuple[numpy.ndarray, numpy.ndarray] | None:
        """`_words(candidates)` as string ids (what `flat_keys` looks up), the
        texts' by `text_word_ids`, each context's found once; None where
        `text_word_ids` cannot give them, or a candidate has no words at all."""
        found = text_word_ids([c.text for c in candidates])
        if found is None:
            return None
        ids, text_count = found
        text_at = numpy.cumsum(text_count) - text_count  # where each text's words start in `ids`
        pool = [ids]  # the arrays the flat ids are gathered from
        pooled = len(ids)  # where the next one starts
        # Candidates with the same block kind, headings, section kind and document
        # kind have the same context: each context's number, found by C-level
        # map()s rather than a Python call per candidate.
        keys = list(map(_CONTEXT_FIELDS, candidates))
        contexts = {key: code for code, key in enumerate(dict.fromkeys(keys))}
        codes = list(map(contexts.__getitem__, keys))
        context_at, context_count = numpy.zeros(len(contexts), dtype="int64"), numpy.zeros(len(contexts), dtype="int64")
        representative = dict(zip(codes, candidates))
        for code in range(len(contexts)):
            context = words(representative[code].context_features().lower())
            if context:
                pool.append(numpy.fromiter(_word_ids(context), dtype="uint64", count=len(context)))
                context_at[code], context_count[code] = pooled, len(context)
                pooled += len(context)
        codes = numpy.asarray(codes, dtype="int64")
        context_at, context_count = context_at[codes], context_count[codes]
        lengths = context_count + text_count
        if not lengths.all():
            return None  # `_words` gives such a candidate [""]
        # Each candidate's context then its text: runs of the pool, gathered in one step.
        run_at = numpy.column_stack([context_at, text_at]).ravel()
        run_count = numpy.column_stack([context_count, text_count]).ravel()
        gather = numpy.repeat(run_at - (numpy.cumsum(run_count) - run_count), run_count) + numpy.arange(int(lengths.sum()))
        return numpy.concatenate(pool)[gather], lengths

    @staticmethod
    def _words(candidates: list[Candidate]) -> tuple[list[str], list[int]]:
        """`words(c.features().lower()) or [""]` of every candidate in one list,
        and how many each has; the context's words found once per context. The
        context ends in a space (no word runs across it, and str.lower() of a
        final sigma looks no further), so the words of the whole are the
        context's followed by the text's; and they are never none."""
        contexts: dict[tuple, list[str]] = {}
        flat: list[str] = []
        lengths = []
        for c, key in zip(candidates, map(_CONTEXT_FIELDS, candidates)):
            context = contexts.get(key)
            if context is None:
                context = contexts[key] = words(c.context_features().lower())
            text = words(c.text.lower())
            flat += context
            flat += text
            lengths.append(len(context) + len(text))
        return flat, lengths

    def to_disk(self, path: pathlib.Path) -> None:
        for head, nlp in self.heads.items():
            (pathlib.Path(path) / head).parent.mkdir(parents=True, exist_ok=True)
            nlp.to_disk(pathlib.Path(path) / head)

    @classmethod
    def from_disk(cls, path: pathlib.Path) -> "FindingClassifier":
        return cls({head: spacy.load(pathlib.Path(path) / head) for head in HEADS})


def train(labelled: list[tuple[Candidate, str, str | None, str | None]], *, epochs: int = 20, seed: int = 0) -> tuple[FindingClassifier, list[dict]]:
    """Train on (candidate, kind, polarity, topic) tuples; returns the model and per-epoch losses."""
    spacy.util.fix_random_seed(seed)
    rng = random.Random(seed)
    classifier = FindingClassifier.create()
    history = []
    for head, nlp in classifier.heads.items():
        labels = HEADS[head]
        examples = []
        for candidate, kind, polarity, topic in labelled:
            value = {"kind": kind, "polarity": polarity, "topic": topic}[head]
            if value not in labels or (head != "kind" and kind == "none"):
                continue
            examples.append(Example.from_dict(nlp.make_doc(candidate.features()), {"cats": {l: float(l == value) for l in labels}}))
        nlp.initialize(lambda: examples)
        for epoch in range(epochs):
            rng.shuffle(examples)
            losses: dict = {}
            for batch in minibatch(examples, size=32):
                nlp.update(batch, drop=0.2, losses=losses)
        history.append({"head": head, "examples": len(examples), "final_loss": round(losses.get("textcat", 0.0), 3)})
    return classifier, history


def write_scores(path: pathlib.Path, scores: dict) -> None:
    path.write_text(json.dumps(scores, indent=1), encoding="utf-8")
