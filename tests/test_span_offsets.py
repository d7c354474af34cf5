"""context.set_span_group / span_offsets: the offsets kept when a group is made,
and read from the group again once it is replaced or changed."""

import spacy

from miner.nlp.context import DocContext, set_span_group, span_offsets


def _doc():
    doc = spacy.blank("en")("One two three four five.")
    doc._.miner = DocContext()
    return doc


def test_offsets_kept_when_the_group_is_made():
    doc = _doc()
    set_span_group(doc, "figures", [doc[0:1], doc[2:4]])
    assert span_offsets(doc, "figures") == [(0, 3), (8, 18)]
    assert span_offsets(doc, "figures") is doc._.miner._span_offsets["figures"][1]


def test_offsets_read_again_from_a_changed_or_replaced_group():
    doc = _doc()
    set_span_group(doc, "figures", [doc[0:1]])
    doc.spans["figures"].append(doc[4:5])
    assert span_offsets(doc, "figures") == [(0, 3), (19, 23)]
    doc.spans["figures"] = [doc[1:2]]
    assert span_offsets(doc, "figures") == [(4, 7)]


def test_group_never_set():
    doc = _doc()
    assert span_offsets(doc, "figures") == []
    doc.spans["figures"] = [doc[2:3]]
    assert span_offsets(doc, "figures") == [(8, 13)]


def test_offsets_given_by_the_caller_are_those_kept():
    doc = _doc()
    spans = [doc[0:1], doc[2:4]]
    set_span_group(doc, "figures", spans, [s.start_char for s in spans], [s.end_char for s in spans])
    assert span_offsets(doc, "figures") == [(0, 3), (8, 18)]
