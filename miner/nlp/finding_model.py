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
import json
import pathlib
import random
from dataclasses import dataclass

import re

import numpy
import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
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


@dataclass
class Candidate:
    """A sentence or list item that may state a finding, with its context."""

    start: int
    end: int
    text: str
    block_kind: str
    headings: tuple[str, ...]
    section_kind: str | None
    doc_kind: str

    def features(self) -> str:
        # Context as pseudo-words the bag-of-words model can weigh.
        section = self.section_kind or "nosection"
        heading = (self.headings[-1] if self.headings else "").lower()
        heading_words = " ".join(f"hd_{w}" for w in heading.split()[:6] if w.isalpha())
        return f"ctx_{section} ctx_doc_{self.doc_kind} ctx_block_{self.block_kind} {heading_words} {self.text}"


_WORD = re.compile(r"[\w'’£%-]+")


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
        ids = {w: get_string_id(w) for w in set().union(*word_lists)}
        lengths = [len(words) for words in word_lists]
        unigrams = numpy.fromiter((ids[w] for words in word_lists for w in words), dtype="uint64", count=sum(lengths))
        text_of = numpy.repeat(numpy.arange(len(word_lists)), lengths)
        keys, texts = [unigrams], [text_of]
        for n in range(2, self.ngram_size + 1):
            ngrams = self.ops.ngrams(n, unigrams)
            # The batch is one array: keep only the n-grams inside one text.
            inside = text_of[: len(ngrams)] == text_of[n - 1:]
            keys.append(ngrams[inside])
            texts.append(text_of[: len(ngrams)][inside])
        keys, texts = numpy.concatenate(keys), numpy.concatenate(texts)
        order = numpy.lexsort((keys, texts))
        keys, texts = keys[order], texts[order]
        first = numpy.ones(len(keys), dtype=bool)
        first[1:] = (keys[1:] != keys[:-1]) | (texts[1:] != texts[:-1])
        starts = numpy.flatnonzero(first)
        counts = numpy.diff(numpy.append(starts, len(keys)))
        per_text = numpy.bincount(texts[starts], minlength=len(word_lists)).astype("int32")
        return keys[starts], counts, per_text

    def scores(self, keys: numpy.ndarray, counts: numpy.ndarray, lengths: numpy.ndarray) -> numpy.ndarray:
        """Label probabilities, one row per text, from `keys()`: rows do not
        depend on one another, so a head may score texts it does not need."""
        return self.output.predict(self.linear.predict((keys, numpy.asarray(counts, dtype="f"), lengths)))


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

    def predict(self, candidates: list[Candidate]) -> list[dict]:
        """Per candidate: kind (or "none"), polarity and topic, with probabilities."""
        if self.scorers is not None:
            return self._predict_fast(candidates)
        with contextlib.ExitStack() as zones:
            for nlp in self.heads.values():
                zones.enter_context(nlp.memory_zone())
            return self._predict(candidates)

    def _predict(self, candidates: list[Candidate]) -> list[dict]:
        # Tokenise once; polarity and topic only for what the kind head keeps.
        tokenizer = self.heads["kind"].tokenizer
        docs = list(tokenizer.pipe(c.features() for c in candidates))
        results: list[dict] = [{} for _ in candidates]
        for head in ("kind", "polarity", "topic"):
            textcat = self.heads[head].get_pipe("textcat")
            labels = set(textcat.labels)
            chosen = range(len(docs)) if head == "kind" else [i for i, r in enumerate(results) if r["kind"] != "none" or r["finding_p"] >= 0.3]
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

    def _predict_fast(self, candidates: list[Candidate]) -> list[dict]:
        """`_predict` with the heads scored by `BowScorer`: the same decisions and
        probabilities (tests/test_model.py compares them on the corpus)."""
        keyed = self.scorers["kind"].keys([_WORD.findall(c.features().lower()) or [""] for c in candidates])
        results: list[dict] = [{} for _ in candidates]
        for head in ("kind", "polarity", "topic"):
            scorer = self.scorers[head]
            chosen = range(len(candidates)) if head == "kind" else [i for i, r in enumerate(results) if r["kind"] != "none" or r["finding_p"] >= 0.3]
            if not chosen:
                continue
            scores = scorer.scores(*keyed)
            # argmax takes the first of equal maxima, as max() over the labels in order does.
            best = scores.argmax(axis=1).tolist()
            top = scores[numpy.arange(len(best)), best].tolist()
            none = scores[:, scorer.labels.index("none")].tolist() if head == "kind" else None
            for i in chosen:
                results[i][head] = scorer.labels[best[i]]
                results[i][head + "_p"] = top[i]
                if none is not None:
                    results[i]["finding_p"] = 1.0 - none[i]
        for r in results:
            r.setdefault("polarity", None)
            r.setdefault("topic", None)
        return results

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
