"""The learned recall layer of `miner_gradings`: a classifier over grade terms
the rules left alone.

The rules (gradings.py) fire on the sentence shapes they were written for;
on unseen phrasing they miss gradings. Every occurrence of a grade term
("good", "requires improvement to be good", "not sufficiently good", ...) in a
sentence that no rule grading covers is a candidate; a multinomial logistic
regression over named features of its window (words by relative
position, rating verbs, area names, organisations, quotes, negation and
modality, years and earlier-inspection cues, table shape, document kind)
decides whether it states a current grade, an earlier grade, or no grading.
`GradingExtractor` emits the confident ones the way the rules do (`_emit`),
with `method` "learned". `miner train` fits it on the dev split
(miner/training.py) and saves it with the pipeline (`to_disk`); without a
saved model the component is rules only.
"""

from __future__ import annotations

import bisect
import json
import pathlib
import re
from typing import NamedTuple

import numpy

from miner.nlp.scales import GRADE_PATTERN, GRADE_PHRASES
from miner.nlp.scan import Literals

LABELS = ("none", "current", "previous")
NONE, CURRENT, PREVIOUS = range(3)
DEFAULT_THRESHOLD = 0.5

GRADE_TERM = re.compile(rf"(?<![\w-])(?:{GRADE_PATTERN})(?![\w-])", re.I)
# The first letters of a grade term: a sentence without one has no candidate.
GRADE_WORDS = ("good", "outstanding", "adequate", "requir", "poor")
_GRADE_WORD_LITERALS = Literals(list(GRADE_WORDS))
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|[|'‘’\"“”]")
_RATING_VERBS = frozenset(
    "rated rating ratings rates judged judgement judgment judgements judgments graded grade grades grading "
    "assessed deemed found remains remain remained received receives awarded given earned achieved "
    "verdict scored score verdicts retained kept downgraded upgraded classed labelled branded".split()
)
_NEGATION = frozenset("not never no nor neither none".split())
_MODALITY = frozenset("could would might may should if whether unless hopes hope hoping aims aim wants expects risk risks".split())
_TIME_PAST = frozenset("previous previously last earlier before prior former formerly ago was were had".split())
_TIME_NOW = frozenset("now currently latest new this today remains".split())
_BODIES = frozenset("council authority force constabulary police trust prison service services hospital jail".split())
_QUOTES = frozenset("'‘’\"“”")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PREVIOUS_PHRASE = re.compile(r"\b(?:last|previous|earlier|prior|first)\s+(?:full\s+)?(?:inspection|visit|report|assessment|time)\b|\b(?:up|down|improved|improving|declined|dropped|slipped|moved)\s+from\b|\bwhen\s+(?:it|they|the\s+\w+)\s+was\s+(?:last|previously)\b")


class Candidate(NamedTuple):
    """A grade term in a sentence, offsets in the document's text."""

    start: int
    end: int
    grade: str  # the grade phrase's canonical words (GRADE_PHRASES)
    sentence_start: int
    sentence_text: str
    covered: bool  # inside a rule grading's span
    rule_nearby: bool  # a rule grading not covering it is in the same sentence


def find_candidates(ctx, rule_offsets: list[tuple[int, int]], *, include_covered: bool = False, keep_sentence=None, literals: Literals | None = None) -> list[Candidate]:
    """Every grade term in a sentence of the document that no rule grading
    covers (or all of them, `include_covered`), in text order, in the
    sentences `keep_sentence` (a predicate on a sentence's index) keeps.
    Sentences are found from the offsets of the grade words in the whole text
    (`literals`, whose words begin every grade term: the rules' index is made
    once per document and shared), with no loop over sentences; in each, the
    terms are matched only where those offsets say one can start (`_terms_at`)."""
    text = ctx.text
    if not text or not ctx.sentences:
        return []
    literals = literals or _GRADE_WORD_LITERALS
    offsets = ctx.literal_index(literals).offsets  # (made once per document, in C)
    # A grade term can start only at the offset of a grade word less one of `_TERM_STARTS`:
    # where `literals`' offsets include every grade word's, each sentence's terms are
    # matched at those positions (`_terms_at`), not searched for along the sentence.
    words = offsets if offsets is not None and all(any(g.startswith(w) for w in literals.words) for g in GRADE_WORDS) else None
    if offsets is None:
        offsets = [m.start() for m in GRADE_TERM.finditer(text)]
    if not offsets:
        return []
    starts = ctx.sentence_starts
    at = numpy.asarray(offsets, dtype="int64")
    if not include_covered and rule_offsets:
        # Only the sentences with a grade word outside every rule span (the union of the
        # spans, merged): in a long report most grade words are in the rules' gradings.
        merged_starts, merged_ends = _merged(rule_offsets)
        i = numpy.searchsorted(merged_starts, at, side="right") - 1
        at = at[(i < 0) | (at >= merged_ends[numpy.maximum(i, 0)])]
        if not len(at):
            return []
    found = numpy.unique(numpy.searchsorted(numpy.asarray(starts, dtype="int64"), at, side="right") - 1).tolist()
    spans = sorted(rule_offsets)
    span_starts = [s for s, _ in spans]
    sentences = ctx.sentences
    candidates = []
    if keep_sentence is not None:
        # A sentence the predicate drops gives no candidate, whatever its terms: asked
        # first, it spares matching the terms of the many it drops (beside a judgement
        # table, the layer reads only sentences that can date a grade).
        found = [k for k in found if k >= 0 and keep_sentence(k)]
    for k in found:
        if k < 0:
            continue
        sent = sentences[k]
        terms = _terms_at(sent.text, sent.start_char, words) if words is not None else list(GRADE_TERM.finditer(sent.text))
        if not terms:
            continue
        in_sentence = None  # the rule spans that overlap the sentence, made once a term is not skipped as covered
        for m in terms:
            start, end = sent.start_char + m.start(), sent.start_char + m.end()
            covered = _covered(spans, span_starts, start, end)
            if covered and not include_covered:
                continue
            if in_sentence is None:
                lo, hi = bisect.bisect_left(span_starts, sent.start_char - 600), bisect.bisect_left(span_starts, sent.end_char)
                in_sentence = [(s, e) for s, e in spans[lo:hi] if e > sent.start_char and s < sent.end_char]
            if not covered:
                covered = any(s <= start and end <= e for s, e in in_sentence)
                if covered and not include_covered:
                    continue
            nearby = any(not (s <= start and end <= e) for s, e in in_sentence)
            grade = GRADE_PHRASES.get(m.group(0).lower(), m.group(0).lower())
            candidates.append(Candidate(start, end, grade, sent.start_char, sent.text, covered, nearby))
    return candidates


# How far before a grade word's offset a grade term holding it starts ("good" in
# "not sufficiently good" and "reasonably good", "adequate" in "inadequate"), and
# the letters the term starts with there (None: the grade word's own).
_TERM_STARTS = sorted(
    {(0, None)} | {
        (p.index(w), p[0] + p[0].upper()) for p in GRADE_PHRASES for w in GRADE_WORDS
        if w in p and p.index(w) > 0 and not any(p.startswith(v) for v in GRADE_WORDS)
    },
    reverse=True,
)


def _terms_at(text: str, base: int, offsets: list[int]) -> list[re.Match]:
    """`list(GRADE_TERM.finditer(text))` for a sentence at `base`, given the
    sorted offsets in the document of (at least) every grade word (`GRADE_WORDS`):
    a match can start only at such an offset less one of `_TERM_STARTS`, with
    the letter the term begins with there, so the pattern is tried at those
    positions alone, left to right past each match. (Only for a text `scan.fold`
    folds: the offsets are found in the folded text.)"""
    lo = bisect.bisect_left(offsets, base)
    hi = bisect.bisect_left(offsets, base + len(text), lo)
    if lo == hi:
        return []
    if hi - lo == 1:
        o = offsets[lo] - base
        positions = [o - d for d, first in _TERM_STARTS if first is None or (o >= d and text[o - d] in first)]
    else:
        positions = sorted({o - d for o in (o - base for o in offsets[lo:hi]) for d, first in _TERM_STARTS if first is None or (o >= d and text[o - d] in first)})
    terms = []
    after = 0
    match = GRADE_TERM.match
    for p in positions:
        if p < after:
            continue
        m = match(text, p)
        if m is not None:
            terms.append(m)
            after = m.end()
    return terms


def _merged(offsets: list[tuple[int, int]]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The union of (start, end) intervals, as sorted starts and ends."""
    merged: list[list[int]] = []
    for start, end in sorted(offsets):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    array = numpy.asarray(merged, dtype="int64")
    return array[:, 0], array[:, 1]


def _covered(spans, span_starts, start: int, end: int) -> bool:
    i = bisect.bisect_right(span_starts, start) - 1
    # Rule spans nest and overlap: look back over the few that start before.
    while i >= 0:
        s, e = spans[i]
        if s <= start and end <= e:
            return True
        if start - s > 600:
            break
        i -= 1
    return False


def _bucket(distance: int) -> str:
    if distance <= 2:
        return str(distance)
    if distance <= 5:
        return "3-5"
    return "6+"


def features(candidate: Candidate, context: dict) -> list[str]:
    """Named features of a candidate. `context`: per document, `kind`,
    `block_kind` (callable: offset -> kind), `area_spans` (callable: sentence
    start, text -> [(start, end)] in the sentence), `org_starts`/`org_ids`,
    `subject`, `inspection_year`, `n_sentences` and `sentence_index` (callables)."""
    s = candidate.sentence_text
    rel_start = candidate.start - candidate.sentence_start
    rel_end = candidate.end - candidate.sentence_start
    low = s.lower()
    left = _WORD.findall(low, max(0, rel_start - 160), rel_start)
    right = _WORD.findall(low, rel_end, min(len(low), rel_end + 160))
    f = [f"g={candidate.grade}", f"kind={context['kind']}", f"block={context['block_kind'](candidate.start)}"]
    lw = left[-10:]
    rw = right[:10]
    for d, w in enumerate(reversed(lw), 1):
        f.append(f"L{_bucket(d)}={w}")
        if d <= 6:
            f.append(f"Lw={w}")
    for d, w in enumerate(rw, 1):
        f.append(f"R{_bucket(d)}={w}")
        if d <= 6:
            f.append(f"Rw={w}")
    if lw:
        f.append(f"L1g={lw[-1]}|{candidate.grade}")
    if len(lw) >= 2:
        f.append(f"LB={lw[-2]}_{lw[-1]}")
    if rw:
        f.append(f"R1g={candidate.grade}|{rw[0]}")
    if len(rw) >= 2:
        f.append(f"RB={rw[0]}_{rw[1]}")
    if not lw:
        f.append("L=start")
    if not rw:
        f.append("R=end")
    near_left = set(left[-8:])
    near_right = set(right[:6])
    if near_left & _RATING_VERBS:
        f.append("rv_left")
    if near_right & _RATING_VERBS:
        f.append("rv_right")
    sent_words, count = context["sentence_words"](candidate.sentence_start, low)
    if sent_words & _RATING_VERBS:
        f.append("rv_sent")
    for w in near_left & _NEGATION:
        f.append(f"neg={w}")
    for w in near_left & _MODALITY:
        f.append(f"mod={w}")
    if sent_words & _MODALITY:
        f.append("mod_sent")
    for w in set(left[-12:]) & _TIME_PAST:
        f.append(f"past={w}")
    for w in set(left[-12:] + right[:8]) & _TIME_NOW:
        f.append(f"now={w}")
    if left and left[-1] in _QUOTES or right and right[0] in _QUOTES:
        f.append("quoted")
    years = [int(y) for y in _YEAR.findall(s)]
    year = context.get("inspection_year")
    if years:
        f.append("year")
        if year and any(y < year for y in years):
            f.append("year_past")
        if year and any(y >= year for y in years):
            f.append("year_now")
    if _PREVIOUS_PHRASE.search(low):
        f.append("prev_phrase")
    areas = context["area_spans"](candidate.sentence_start, s)
    if areas:
        f.append("area_sent")
        distance = min(min(abs(a - rel_start), abs(b - rel_end)) for a, b in areas)
        f.append("area_d=" + ("near" if distance <= 40 else "mid" if distance <= 120 else "far"))
        if any(b <= rel_start for a, b in areas):
            f.append("area_left")
        if any(a >= rel_end for a, b in areas):
            f.append("area_right")
    else:
        f.append("no_area")
    org_starts, org_ids = context["org_starts"], context["org_ids"]
    i = bisect.bisect_left(org_starts, candidate.sentence_start)
    j = bisect.bisect_left(org_starts, candidate.sentence_start + len(s))
    if j > i:
        named = set(org_ids[i:j])
        f.append("org_sent")
        if context["subject"] is not None and named - {context["subject"], None}:
            f.append("org_other")
        if bisect.bisect_left(org_starts, candidate.start) > i:
            f.append("org_left")
    if candidate.rule_nearby:
        f.append("rule_nearby")
    if sent_words & _BODIES:
        f.append("body_word")
    if "|" in s:
        f.append("table_row")
    n = len(s)
    f.append("len=" + ("short" if n < 60 else "mid" if n < 200 else "long"))
    position = context["sentence_index"](candidate.sentence_start) / max(1, context["n_sentences"])
    f.append("pos=" + ("head" if position < 0.1 else "body" if position < 0.8 else "tail"))
    f.append("grades=" + ("1" if count == 1 else "2" if count == 2 else "3+"))
    return f


def document_context(ctx, orgs, gates, inspection_year: int | None) -> dict:
    """What `features` reads about the document, made once per document."""
    words_cache: dict[int, tuple[set, int]] = {}

    def area_spans(sentence_start: int, text: str) -> list[tuple[int, int]]:
        # Through the gates: at each word start only the aliases of that word are tried.
        return [(m.start(), m.end()) for m in gates.area_matches(text, ctx.folded(sentence_start, sentence_start + len(text)))]

    def sentence_words(sentence_start: int, low: str) -> tuple[set, int]:
        """The sentence's words and its number of grade terms, once per sentence."""
        words = words_cache.get(sentence_start)
        if words is None:
            words = words_cache[sentence_start] = (set(_WORD.findall(low)), sum(1 for _ in GRADE_TERM.finditer(low)))
        return words

    starts = ctx.sentence_starts
    return {
        "kind": ctx.kind or ("report" if ctx.inspection.inspectorate and len(ctx.text) > 8000 else "unknown"),
        "block_kind": ctx.block_kind,
        "area_spans": area_spans,
        "sentence_words": sentence_words,
        "org_starts": orgs.starts,
        "org_ids": orgs.ids,
        "subject": ctx.subject_id,
        "inspection_year": inspection_year,
        "n_sentences": len(starts),
        "sentence_index": lambda offset: bisect.bisect_right(starts, offset) - 1,
    }


class GradingClassifier:
    """A multinomial logistic regression over named features, applied with
    numpy (one matrix lookup and sum per batch): scikit-learn is needed only
    to fit it."""

    def __init__(self, index: dict[str, int], weights: numpy.ndarray, bias: numpy.ndarray, threshold: float = DEFAULT_THRESHOLD, meta: dict | None = None):
        self.index = index
        self.weights = numpy.asarray(weights, dtype="float32").astype("float64")  # as saved
        self.bias = numpy.asarray(bias, dtype="float64")
        self.threshold = threshold
        self.meta = meta or {}

    @classmethod
    def fit(cls, rows: list[list[str]], labels: list[int], *, C: float = 1.0, threshold: float = DEFAULT_THRESHOLD, seed: int = 0, min_count: int = 2) -> "GradingClassifier":
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        counts: dict[str, int] = {}
        for row in rows:
            for name in set(row):
                counts[name] = counts.get(name, 0) + 1
        names = sorted(n for n, c in counts.items() if c >= min_count)
        index = {n: i for i, n in enumerate(names)}
        indptr, indices = [0], []
        for row in rows:
            indices.extend(sorted({index[n] for n in row if n in index}))
            indptr.append(len(indices))
        X = csr_matrix((numpy.ones(len(indices)), indices, indptr), shape=(len(rows), len(names)))
        y = numpy.asarray(labels)
        model = LogisticRegression(C=C, max_iter=2000, random_state=seed, class_weight=None)
        model.fit(X, y)
        weights = numpy.zeros((len(names), len(LABELS)))
        bias = numpy.full(len(LABELS), -30.0)  # a class never seen in training is never predicted
        for k, label in enumerate(model.classes_):
            if len(model.classes_) == 2:  # binary: one row of coefficients, for classes_[1]
                if k == 1:
                    weights[:, label] = model.coef_[0]
                    bias[label] = model.intercept_[0]
                else:
                    bias[label] = 0.0
            else:
                weights[:, label] = model.coef_[k]
                bias[label] = model.intercept_[k]
        return cls(index, weights, bias, threshold, {"C": C, "seed": seed, "min_count": min_count, "features": len(names), "examples": len(rows)})

    def probabilities(self, rows: list[list[str]]) -> numpy.ndarray:
        """(n, 3) probabilities of none, current and previous, for all rows at once."""
        if not rows:
            return numpy.zeros((0, len(LABELS)))
        get = self.index.get
        ids = [[i for i in map(get, set(row)) if i is not None] for row in rows]
        lengths = numpy.fromiter(map(len, ids), dtype="int64", count=len(ids))
        flat = numpy.fromiter((i for row in ids for i in row), dtype="int64", count=int(lengths.sum()))
        rows_of = numpy.repeat(numpy.arange(len(ids)), lengths)
        scores = numpy.zeros((len(ids), len(LABELS)))
        numpy.add.at(scores, rows_of, self.weights[flat])
        scores += self.bias
        scores -= scores.max(axis=1, keepdims=True)
        numpy.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def to_disk(self, path: str | pathlib.Path) -> None:
        path = pathlib.Path(path)
        path.mkdir(parents=True, exist_ok=True)
        names = sorted(self.index, key=self.index.__getitem__)
        (path / "features.json").write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
        numpy.save(path / "weights.npy", self.weights.astype("float32"), allow_pickle=False)
        (path / "model.json").write_text(json.dumps({"labels": LABELS, "bias": self.bias.tolist(), "threshold": self.threshold, "meta": self.meta}, indent=1), encoding="utf-8")

    @classmethod
    def from_disk(cls, path: str | pathlib.Path) -> "GradingClassifier":
        path = pathlib.Path(path)
        names = json.loads((path / "features.json").read_text(encoding="utf-8"))
        model = json.loads((path / "model.json").read_text(encoding="utf-8"))
        weights = numpy.load(path / "weights.npy", allow_pickle=False)
        return cls({n: i for i, n in enumerate(names)}, weights, numpy.asarray(model["bias"]), model["threshold"], model.get("meta"))
