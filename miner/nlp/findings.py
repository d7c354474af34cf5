"""`miner_findings`: sentences and list items stating what inspectors found.

Rules do what they are good at: a report's section headings fix a finding's
kind ("Causes of concern", "What needs to improve?"), reporting cues mark
findings in news ("inspectors found that..."), and quotes from the inspected
body's response are excluded. A trained text classifier, when the pipeline
has one (`miner train`), decides the finding/not-finding question, kind,
polarity and topic for the rest; without it lexicons decide.
"""

from __future__ import annotations

import itertools
import json
import operator
import pathlib
import re

import ahocorasick
import numpy
from spacy.attrs import IDX, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from miner.nlp.context import get_context, set_span_group, span_key
from miner.nlp.finding_model import Candidate, FindingClassifier, _label_names
from miner.nlp.organisations import OrganisationIndex
from miner.nlp.scan import required_literals
from miner.nlp.sections import BOILERPLATE_ANYWHERE, BOILERPLATE_STARTS, Section, block_sections, is_boilerplate, is_toc_entry, states_nothing_found
from miner.nlp.stated_kinds import stated_kind, stated_polarities, stated_polarity

SPANS_KEY = "findings"
DATA = pathlib.Path(__file__).parent / "data" / "findings.json"
KINDS = ("cause_of_concern", "area_for_improvement", "recommendation", "innovative_practice", "finding")
POLARITIES = ("positive", "negative", "neutral")
# Kinds that fix a finding's polarity whatever the text says.
_FIXED_POLARITY = {
    "cause_of_concern": "negative", "area_for_improvement": "negative", "recommendation": "negative",
    "innovative_practice": "positive",
}


class FindingExtractor:
    def __init__(self, nlp: Language, name: str = "miner_findings", threshold: float = 0.4):
        self.nlp = nlp
        self.name = name
        self.threshold = threshold
        self.lexicon: dict | None = None
        self.classifier = None  # set by the pipeline when a trained model is present

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: dict | None = None) -> None:
        self._compile(lexicon or json.loads(DATA.read_text(encoding="utf-8")))

    def _compile(self, lexicon: dict) -> None:
        self.lexicon = lexicon
        self.section_kinds = [(re.compile(rx, re.I), kind) for rx, kind in lexicon["section_kinds"]]
        self._section_kind_cache: dict[tuple[str, ...], str | None] = {}  # heading path -> kind, by these rules
        self.cues = re.compile("|".join(f"(?:{c})" for c in lexicon["finding_cues"]), re.I)
        self.not_cues = re.compile("|".join(f"(?:{c})" for c in lexicon["not_finding_cues"]), re.I)
        # Words every not-cue match contains (scan.required_literals): the cues
        # are tried at every offset, and most quoted sentences ("children’s") hold none.
        # One automaton per set of words (a set: one of its words is in every
        # match), run over the folded sentence: what `Literals.any_in` answers,
        # in one pass rather than a Python-level loop over the words.
        self._not_cue_words = [_automaton(words.words) for words in required_literals(self.not_cues) or ()]
        self.positive = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lexicon["positive"]) + r")\b", re.I)
        self.negative = re.compile(r"(?:\b|(?<=n't))(?:" + "|".join(re.escape(w.strip()) for w in lexicon["negative"]) + r")\b", re.I)
        self.topics = {
            topic: re.compile(r"(?:" + "|".join(re.escape(k) for k in keys) + r")", re.I)
            for topic, keys in lexicon["topics"].items()
        }

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Sentences and list items that may state a finding, with their context.
        Headings, table rows, captions (which restate the body), repeated text
        and quotes from the inspected body's response are not candidates."""
        if self.lexicon is None:
            self.initialize()
        ctx = get_context(doc)
        doc_kind = ctx.kind or ("report" if ctx.inspection.inspectorate else "news")
        found: list[Candidate] = []
        seen = _SeenTexts().add
        sentences = ctx.sentences
        starts = ctx.sentence_starts if len(ctx.sentence_starts) == len(sentences) else [s.start_char for s in sentences]
        # Each sentence's block, for all at once (-1 before the first block).
        blocks = (numpy.searchsorted(ctx.starts, starts, side="right") - 1).tolist() if ctx.starts and starts else [-1] * len(sentences)
        # A block's kind by its index, -1 (before the first block) reading the "paragraph" at the end.
        kinds = [*ctx.kinds, "paragraph"]
        governs: dict[int, tuple | None] = {-1: ((), None)}  # block -> (headings, section kind), None when it yields none
        make = tuple.__new__  # Candidate(...) without its Python-level __new__
        sections: list[Section] = []  # what governs each block (miner.nlp.sections), made on first need
        anywhere = None  # whether a BOILERPLATE_ANYWHERE word is in a range of the text
        # The document folded once, each non-ASCII character a "?" (one byte
        # each, so offsets hold): a sentence's `_SeenTexts` coarse key is a slice
        # of it with the non-word bytes deleted, no `lower()` and `encode()` per sentence.
        low = ctx.folded(0, len(ctx.text))
        ascii_low = low.encode("ascii", "replace") if low is not None else None
        not_cue_words = self._not_cue_words
        for sent, i in zip(sentences, blocks):
            whole = sent.text
            if len(whole) < 25:  # the stripped text is no longer
                continue
            lead = whole.lstrip()
            text = lead.rstrip()
            if len(text) < 25 or len(text) > 1200:
                continue
            block_kind = kinds[i]
            if block_kind in ("heading", "caption", "table_row") or states_nothing_found(text, block_kind):
                continue
            start = sent.start_char + (len(whole) - len(lead))
            end = start + len(text)
            if not seen(text, None if ascii_low is None else ascii_low[start:end].translate(None, _ASCII_NON_WORD)):
                continue
            context = governs.get(i, False)
            if context is False:
                if anywhere is None:  # found once per document, on first need
                    anywhere = ctx.literal_index(BOILERPLATE_ANYWHERE).any_within
                context = governs[i] = self._governs(ctx, i, sections, anywhere, low)
            if context is None:
                continue
            # The cheap quote test first: most sentences fail it.
            if _is_quoted_response(text):
                # The not-cue words looked for in this sentence alone, each set
                # by one Aho-Corasick pass (a regex of the words cost three times as much).
                # (On a slice: given a range, `iter` converts the whole document each time.)
                folded = low[start:end] if low is not None else None
                if (folded is None or all(next(words.iter(folded), None) is not None for words in not_cue_words)) and self.not_cues.search(text):
                    continue
            found.append(make(Candidate, (start, end, text, block_kind, context[0], context[1], doc_kind)))
        return found

    def _governs(self, ctx, i: int, sections: list[Section], anywhere, low: str | None) -> tuple[tuple[str, ...], str | None] | None:
        """The heading path and section kind of block `i`'s candidates; None when
        the block is the publisher's standard text or a section title.
        `sections`: the document's `_block_sections`, filled here if empty;
        `anywhere`: the document's BOILERPLATE_ANYWHERE `LiteralIndex.any_within`;
        `low`: the folded document (`ctx.folded`), None if it has none."""
        start, end = ctx.starts[i], ctx.ends[i]
        headings = ctx.headings[i]
        at_start = None if low is None or BOILERPLATE_STARTS is None else low.startswith(BOILERPLATE_STARTS.words, start, end)
        maybe_anywhere = anywhere(start, end)
        # Most blocks can match neither at their start nor further on: their text is not sliced.
        text = ctx.text[start:end] if at_start is not False or maybe_anywhere else ""
        if is_boilerplate(text, headings, maybe_anywhere, at_start):
            return None
        if not sections:
            sections += self._block_sections(ctx)
        section = sections[i]
        return None if section.is_title else (headings, section.kind)

    def _block_sections(self, ctx) -> list[Section]:
        # Blocks share heading paths, and reports of one series share headings:
        # the kinds are kept from one document to the next (bounded, emptied when full).
        if len(self._section_kind_cache) > 20_000:
            self._section_kind_cache = {}
        cache = self._section_kind_cache

        def section_kind(headings: tuple[str, ...]) -> str | None:
            if headings not in cache:
                cache[headings] = self._section_kind(headings)
            return cache[headings]

        texts = [ctx.text[start:end] for start, end in zip(ctx.starts, ctx.ends)]
        return block_sections(ctx.kinds, texts, ctx.headings, section_kind)

    def __call__(self, doc: Doc) -> Doc:
        candidates = self.candidates(doc)
        ctx = get_context(doc)
        is_report = (ctx.kind in (None, "report")) and ctx.inspection.inspectorate is not None
        kept, kinds, polarities, topics, confidences = self._decisions(candidates, is_report)
        starts = [candidates[n].start for n in kept]
        token_ranges = expand_to_tokens(doc, starts, [candidates[n].end for n in kept])
        owners = OrganisationIndex(doc).near_starts(starts)
        user_data = doc.user_data
        # Labels as string ids: Span() would hash a label string for every span.
        labels = {kind: doc.vocab.strings.add(kind) for kind in KINDS}
        rows = [row for row, token_range in enumerate(token_ranges) if token_range is not None]  # the findings with a span
        ranges = token_ranges if len(rows) == len(token_ranges) else [token_ranges[row] for row in rows]
        firsts, ends, span_starts, span_ends = (list(column) for column in zip(*ranges)) if ranges else ([], [], [], [])
        # Span(doc, first, end, label) by map() in C rather than a loop with appends.
        spans = list(map(Span, itertools.repeat(doc), firsts, ends, [labels.get(kinds[row], kinds[row]) for row in rows]))
        for n in (n for n, (first, end) in enumerate(zip(firsts, ends)) if end <= first):
            # An empty span (never for a stripped sentence): spaCy's own offsets.
            span_starts[n], span_ends[n] = spans[n].start_char, spans[n].end_char
        # span._.name = value, at offsets known here (span.start_char makes Token
        # objects), one name at a time: keys and values paired by zip in C.
        confidences = list(map(round, confidences, itertools.repeat(3)))
        for name, values in (("kind", kinds), ("polarity", polarities), ("topic", topics), ("confidence", confidences), ("organisation_id", owners)):
            if len(rows) < len(kept):
                values = [values[row] for row in rows]
            user_data.update(zip(_span_keys(name, span_starts, span_ends), values))
        set_span_group(doc, SPANS_KEY, spans, span_starts, span_ends)
        return doc

    def _decisions(self, candidates: list[Candidate], is_report: bool) -> tuple[list[int], list[str], list, list, list[float]]:
        """The candidates that state a finding, as parallel lists: their indices
        (ascending), kinds, polarities, topics and confidences."""
        classifier = self.classifier
        if classifier is not None and classifier.scorers is not None and candidates:
            return self._model_decisions(candidates)
        out: tuple[list, list, list, list, list] = ([], [], [], [], [])
        predictions = self._predictions(candidates) if classifier is not None and candidates else None
        for n, candidate in enumerate(candidates):
            if predictions is not None:
                kind, polarity, topic, confidence = self._decide(candidate, predictions[n])
            else:
                kind, confidence = self._classify(candidate.text, candidate.section_kind, is_report, candidate.block_kind)
                polarity = self._polarity(candidate.text, kind) if kind else None
                topic = self._topic(candidate.text, candidate.headings) if kind else None
            if kind is not None:
                for column, value in zip(out, (n, kind, polarity, topic, confidence)):
                    column.append(value)
        return out

    def _model_decisions(self, candidates: list[Candidate]) -> tuple[list[int], list[str], list, list, list[float]]:
        """`_decisions` by `_decide`'s rules over the classifier's fast path, as
        columns: polarity and topic scored (together) only for the candidates
        kept, and a polarity read only where the kind does not fix it."""
        batch = self.classifier.score_kinds(candidates)
        keep = batch.finding_p >= self.threshold
        # A sentence quoting an item of the inspectorate's own list is a finding whatever the model says.
        stated = _stated_kinds(candidates)
        listed = list(stated)
        keep[listed] = True
        kept = numpy.flatnonzero(keep)
        chosen = numpy.union1d(batch.chosen(kept), numpy.asarray(listed, dtype="int64")) if listed else batch.chosen(kept)
        heads = self.classifier.score_heads(batch, ("polarity", "topic"), chosen)
        kept_list = kept.tolist()
        # `_kind` inline (a call per finding showed): "none" read as "finding",
        # and a report's own section heading surer than the model about the kind.
        model_kinds = _label_names(tuple("finding" if label == "none" else label for label in batch.labels), batch.best[kept])
        kept_candidates = [candidates[n] for n in kept_list]
        # (`stated` holds every candidate's stated_kind that is not None: no call per finding.)
        kinds = [
            c.section_kind if c.section_kind is not None and c.doc_kind == "report" else stated.get(n) or model_kind
            for n, c, model_kind in zip(kept_list, kept_candidates, model_kinds)
        ]
        polarities, topics = heads["polarity"][0], heads["topic"][0]
        if len(chosen) < len(kept):  # None for the candidates the kind head does not keep
            where = dict(zip(chosen.tolist(), range(len(chosen))))
            polarities = [polarities[where[n]] if n in where else None for n in kept_list]
            topics = [topics[where[n]] if n in where else None for n in kept_list]
        hedged = stated_polarities([c.text for c in kept_candidates])  # for all at once: a call per finding showed
        polarities = [_FIXED_POLARITY.get(kind) or stated or polarity for kind, polarity, stated in zip(kinds, polarities, hedged)]
        return kept_list, kinds, polarities, topics, batch.finding_p[kept].tolist()

    def _predictions(self, candidates: list[Candidate]) -> list[dict]:
        """The classifier's answer per candidate (the slow path of `_decisions`), with a
        polarity and topic also for those `_decide` keeps because they quote a list item."""
        return self.classifier.predict(candidates, also=_listed(candidates))

    def _decide(self, candidate: Candidate, prediction: dict) -> tuple[str | None, str | None, str | None, float]:
        if prediction["finding_p"] < self.threshold and stated_kind(candidate.text) is None:
            return None, None, None, prediction["finding_p"]
        kind = _kind(candidate, prediction["kind"])
        polarity = _FIXED_POLARITY.get(kind) or stated_polarity(candidate.text) or prediction["polarity"]
        return kind, polarity, prediction["topic"], prediction["finding_p"]

    def _section_kind(self, headings: tuple[str, ...]) -> str | None:
        for heading in reversed(headings):
            if is_toc_entry(heading):
                continue
            for rx, kind in self.section_kinds:
                if rx.search(heading):
                    return kind
        return None

    def _classify(self, text: str, section_kind: str | None, is_report: bool, block_kind: str) -> tuple[str | None, float]:
        if self.classifier is not None:
            return self.classifier.classify(text, section_kind, is_report, block_kind)
        if section_kind is not None:
            return section_kind, 0.9
        if self.cues.search(text):
            return "finding", 0.7
        if is_report and (self.negative.search(text) or self.positive.search(text)) and len(text) > 40:
            return "finding", 0.5
        return None, 0.0

    def _polarity(self, text: str, kind: str) -> str:
        if kind in _FIXED_POLARITY:
            return _FIXED_POLARITY[kind]
        positive = len(self.positive.findall(text))
        negative = len(self.negative.findall(text))
        if negative > positive:
            return "negative"
        if positive > negative:
            return "positive"
        return "neutral"

    def _topic(self, text: str, headings: tuple[str, ...]) -> str | None:
        best, best_score = None, 0
        context = " ".join(headings[-1:])
        for topic, rx in self.topics.items():
            score = 2 * len(rx.findall(text)) + len(rx.findall(context))
            if score > best_score:
                best, best_score = topic, score
        return best

    def to_disk(self, path, *, exclude=()) -> None:
        path = pathlib.Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "findings.json").write_text(json.dumps(self.lexicon or json.loads(DATA.read_text()), indent=1))
        if self.classifier is not None:
            self.classifier.to_disk(path / "classifier")

    def from_disk(self, path, *, exclude=()) -> "FindingExtractor":
        path = pathlib.Path(path)
        self._compile(json.loads((path / "findings.json").read_text()))
        if (path / "classifier").exists():
            self.classifier = FindingClassifier.from_disk(path / "classifier")
        return self


def _kind(candidate: Candidate, model_kind: str) -> str:
    """A finding's kind from the kind the model gives it ("none" for a finding
    the model cannot place, when its finding probability is high enough)."""
    # A report's own section heading is surer than the model about the kind.
    if candidate.section_kind is not None and candidate.doc_kind == "report":
        return candidate.section_kind
    return stated_kind(candidate.text) or ("finding" if model_kind == "none" else model_kind)


_TEXT = operator.itemgetter(Candidate._fields.index("text"))


def _listed(candidates: list[Candidate]) -> list[int]:
    """Indices of the candidates quoting an item of the inspectorate's own list
    ("five areas for improvement, including ..."): findings whatever the model says."""
    return list(_stated_kinds(candidates))


def _stated_kinds(candidates: list[Candidate]) -> dict[int, str]:
    """`stated_kind` of each candidate's text, by index (ascending), where it is
    not None: the `_listed` candidates, with the kind each names."""
    # Which texts hold "including", by map() in C: a Python loop over every candidate showed.
    has = numpy.flatnonzero(numpy.fromiter(map(operator.contains, map(_TEXT, candidates), itertools.repeat("including")), dtype=bool, count=len(candidates)))
    kinds = {n: stated_kind(candidates[n].text) for n in has.tolist()}
    return {n: kind for n, kind in kinds.items() if kind is not None}

# Compiled once: `re.sub(pattern_string, ...)` looks its pattern up in re's
# cache on every call, a cost that showed in this per-sentence loop.
_NON_WORD = re.compile(r"\W+")
_SPEECH = re.compile(r"\b(?:said|says|added|told)\b")


def expand_to_tokens(doc: Doc, starts: list[int], ends: list[int]) -> list[tuple[int, int, int, int] | None]:
    """For each character range, the tokens `doc.char_span(start, end,
    alignment_mode="expand")` covers (None where it gives None), as the span's
    start and end token and its start_char and end_char; found for all ranges
    at once from the tokens' offsets rather than by a `char_span` per range,
    which makes Token objects to compare offsets."""
    if len(doc) == 0:
        return [None] * len(starts)
    offsets = doc.to_array([IDX, SPACY]).astype("int64").reshape(-1, 2)
    token_starts = offsets[:, 0]
    # Tokens tile the text: a token's characters run on over its trailing
    # whitespace to the next token's start, and its word ends one space
    # earlier if it has one (to_array's LENGTH, read from each token's string,
    # cost as much as the other two columns together).
    token_ends = numpy.append(token_starts[1:], token_starts[-1] + len(doc[-1].text_with_ws))
    word_ends = token_ends - offsets[:, 1]

    def token_at(chars: numpy.ndarray) -> numpy.ndarray:
        # spaCy's token_by_char: the token whose characters (with its whitespace) hold the offset, else -1.
        i = numpy.searchsorted(token_starts, chars, side="right") - 1
        inside = (i >= 0) & (chars < token_ends[numpy.maximum(i, 0)])
        return numpy.where(inside, i, -1)

    first = token_at(numpy.asarray(starts, dtype="int64"))
    last = token_at(numpy.asarray(ends, dtype="int64") - 1)
    # An offset in a token's trailing whitespace starts with the next token.
    first = first + ((first >= 0) & (numpy.asarray(starts) == word_ends[numpy.maximum(first, 0)]))
    safe_first, safe_last = numpy.clip(first, 0, len(doc) - 1), numpy.maximum(last, 0)
    return [
        None if f < 0 or l < 0 else (f, l + 1, start, end)
        for f, l, start, end in zip(first.tolist(), last.tolist(), token_starts[safe_first].tolist(), word_ends[safe_last].tolist())
    ]


def _span_keys(name: str, starts: list[int], ends: list[int]):
    """`span_key(name, start, end)` for each start and end, the tuples made by
    zip in C rather than by a Python call each."""
    return zip(*map(itertools.repeat, span_key(name, 0, 0)[:-2]), starts, ends)


def _normalise(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


# ASCII bytes that are not word characters (`\w`): deleted to make `_SeenTexts`' coarse key.
_ASCII_NON_WORD = bytes(c for c in range(128) if not re.fullmatch(r"\w", chr(c)))


class _SeenTexts:
    """The set of `_normalise`d texts seen so far, without normalising every
    text: most texts are seen once, and the regex costs more than the rest of
    the candidate tests. A text is first filed under a coarse key, the ASCII
    word characters of its lower-cased text in order (two texts with the same
    `_normalise` have the same word characters, so the same coarse key); only
    texts sharing a coarse key are normalised and compared."""

    def __init__(self):
        self.groups: dict[bytes, str | set[str]] = {}

    def add(self, text: str, coarse: bytes | None = None) -> bool:
        """Add `text`; False when a text with the same `_normalise` was added
        before. `coarse`: its coarse key, when the caller has it."""
        if coarse is None:
            coarse = text.lower().encode("ascii", "ignore").translate(None, _ASCII_NON_WORD)
        group = self.groups.get(coarse)
        if group is None:
            self.groups[coarse] = text  # normalised only if another text shares its coarse key
            return True
        if isinstance(group, str):
            group = self.groups[coarse] = {_normalise(group)}
        key = _normalise(text)
        if key in group:
            return False
        group.add(key)
        return True


def _automaton(words) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton finding any of `words`."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _is_quoted_response(text: str) -> bool:
    # Any of the quote characters "“”‘’' (`in` scans far faster than a regex character class).
    if '"' in text or "’" in text or "'" in text or "“" in text or "”" in text or "‘" in text:
        return True
    # Case-sensitive, so `in` is an exact prefilter for the word-bounded search.
    return ("said" in text or "says" in text or "added" in text or "told" in text) and _SPEECH.search(text) is not None


@Language.factory("miner_findings", assigns=["doc.spans"], requires=["doc.sents"], default_config={"threshold": 0.4})
def make_finding_extractor(nlp: Language, name: str, threshold: float) -> FindingExtractor:
    return FindingExtractor(nlp, name, threshold)
