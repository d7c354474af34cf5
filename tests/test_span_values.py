"""miner.nlp.context reads and writes span extension values straight in
doc.user_data: it must agree with spaCy's own `span._` in both directions."""

import spacy
from spacy.tokens import Span

from miner.nlp.context import group_values, set_span_values, span_key, span_values


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
    # A group's values a column at a time: the same as span._ per span.
    offsets = [(other.start_char, other.end_char), (span.start_char, span.end_char)]
    assert group_values(doc, offsets, ("organisation_id", "value")) == [("cleveland-police", None), ("cleveland", 84.7)]
    assert group_values(doc, offsets, ()) == [(), ()]
    assert group_values(doc, [], ("value",)) == []


def test_organisation_index_from_the_context_equals_one_read_from_the_span_group():
    """miner_organisations leaves the mentions on the context for the extractors; an index
    built from the span group (as for a Doc not made by the pipeline) must be the same."""
    from miner.document import Document
    from miner.nlp.organisations import OrganisationIndex
    from miner.nlp.pipeline import Extractor

    extractor = Extractor()
    text = ("Cumbria Constabulary was inspected. Lancashire Police and the council of Norfolk were not. "
            "HMICFRS said the force was good; the Met, Cleveland Police and Ofsted were named.")
    doc = extractor.doc(Document(text=text, blocks=[], media_type="text/plain", title="Cumbria Constabulary"))
    from_context = OrganisationIndex(doc)
    doc._.miner.organisation_mentions = None
    from_spans = OrganisationIndex(doc)
    assert len(from_context.starts) >= 4
    assert (from_context.starts, from_context.ids) == (from_spans.starts, from_spans.ids)
    assert "cumbria-constabulary" in from_context.ids
