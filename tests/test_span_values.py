"""miner.nlp.context reads and writes span extension values straight in
doc.user_data: it must agree with spaCy's own `span._` in both directions."""

import spacy
from spacy.tokens import Span

from miner.nlp.context import set_span_values, span_key, span_values


def test_direct_values_are_what_span_underscore_reads_and_writes():
    nlp = spacy.blank("en")
    doc = nlp.make_doc("Cleveland Police answered 84.7 per cent of calls.")
    span = Span(doc, 3, 6, label="percent")
    set_span_values(span, {"value": 84.7, "unit": "percent", "organisation_id": "cleveland"})
    assert (span._.value, span._.unit, span._.organisation_id, span._.measure) == (84.7, "percent", "cleveland", None)
    other = Span(doc, 0, 2, label="police_force")
    other._.organisation_id = "cleveland-police"
    other._.previous = True
    assert span_values(doc, other.start_char, other.end_char, ("organisation_id", "previous", "grade")) == ["cleveland-police", True, None]
    assert doc.user_data[span_key("previous", other.start_char, other.end_char)] is True
    # Values follow offsets, as with span._: a new Span over the same characters sees them.
    assert Span(doc, 3, 6)._.value == 84.7
