"""miner_organisations' shortcuts give what the spaCy calls they replace give."""

import random

import spacy
from spacy.tokens import Span
from spacy.util import filter_spans

from miner.nlp.organisations import longest_first


def test_longest_first_keeps_what_filter_spans_keeps():
    """Overlapping matches, ties of length and start, equal spans with other labels."""
    nlp = spacy.blank("en")
    doc = nlp.make_doc(" ".join(f"w{i}" for i in range(40)))
    rng = random.Random(3)
    for _ in range(300):
        matches = []
        for _ in range(rng.randint(0, 25)):
            start = rng.randrange(40)
            matches.append((rng.choice([11, 22, 33]), start, min(40, start + rng.randint(1, 4))))
        expected = [(span.label, span.start, span.end) for span in filter_spans([Span(doc, s, e, label=m) for m, s, e in matches])]
        assert longest_first(matches) == expected, matches
