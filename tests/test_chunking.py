"""Texts longer than spaCy's max_length: tokenised in chunks, records and offsets as unchunked."""

import numpy
import pytest
from spacy.attrs import IDX, ORTH, SPACY

from miner.document import DocumentBuilder
from miner.nlp.pipeline import chunk_bounds, make_doc

FORCES = ["Cleveland Police", "Durham Constabulary", "Northumbria Police", "Cumbria Constabulary"]


def long_report():
    """A PEEL-style report whose every paragraph holds a grading, a statistic
    or a finding, so that every chunk boundary falls between records."""
    builder = DocumentBuilder()
    builder.add("heading", "PEEL 2023–25: An inspection of Cleveland Police", level=1)
    builder.add("paragraph", "PEEL 2023–25: an inspection of Cleveland Police by HMICFRS. Report published 14 March 2024.")
    builder.add("heading", "Overall summary", level=2)
    for n in range(12):
        builder.add("paragraph", f"The force was rated inadequate at investigating crime in area {n + 1} of its work, as inspectors found in {2010 + n}.")
        builder.add("paragraph", f"The force answered {70 + n}.5 per cent of emergency calls within ten seconds, compared with 62 per cent a year earlier.")
        builder.add("paragraph", f"Inspectors found that victims in {FORCES[n % 4].split()[0]} were not always kept informed about the progress of their case.")
        builder.add("paragraph", f"The number of officers rose from {1200 + n * 10} in 2019 to {1500 + n * 10} in 2023, and £{n + 2}.4m was spent on new vehicles.")
    builder.add("heading", "Causes of concern", level=2)
    builder.add("list_item", "The force is not responding to calls from the public quickly enough, which puts vulnerable people at risk.")
    builder.add("heading", "Areas for improvement", level=2)
    builder.add("list_item", "The force should make sure that it records equality data when it uses stop and search powers.")
    return builder.build("text/html", title="PEEL 2023–25: An inspection of Cleveland Police", kind="report", publisher="HMICFRS")


def test_long_text_gives_the_records_of_the_unchunked_text_with_exact_offsets(extractor):
    document = long_report()
    text = document.text
    whole = extractor.extract(document)
    saved = extractor.nlp.max_length
    extractor.nlp.max_length = 600
    try:
        bounds = chunk_bounds(text, 600)
        chunked = extractor.extract(document)
        with pytest.raises(ValueError, match="exceeds maximum"):
            extractor.nlp.make_doc(text)  # spaCy's own guard: the chunked path is what made it work
    finally:
        extractor.nlp.max_length = saved
    assert len(bounds) > 10
    assert chunked.to_dict() == whole.to_dict()
    assert len(chunked.gradings) >= 1 and len(chunked.statistics) >= 24 and len(chunked.findings) >= 12
    for record in (*chunked.statistics, *chunked.findings):
        assert text[record.evidence.start:record.evidence.end] == record.text
    for record in (*chunked.gradings, *chunked.statistics, *chunked.findings):
        # The evidence sentence is the text's sentence around the record's start.
        sentence = record.evidence.sentence
        sentence_start = text.find(sentence, max(0, record.evidence.start - len(sentence)))
        assert 0 <= sentence_start <= record.evidence.start < sentence_start + len(sentence)
    for mention in chunked.organisations:
        assert text[mention["start"]:mention["end"]] == mention["mention"]
    # Records on both sides of cuts: the last paragraph of a chunk and the first of the next.
    starts = sorted(r.evidence.start for r in (*chunked.statistics, *chunked.findings, *chunked.gradings))
    cuts = [end for _, end in bounds[:-1]]
    near = [cut for cut in cuts if any(cut - 200 <= s < cut for s in starts) and any(cut <= s < cut + 200 for s in starts)]
    assert len(near) >= len(cuts) // 2


def test_chunked_tokens_equal_unchunked_tokens(extractor):
    text = long_report().text + "\n\n" + " ".join(f"Sentence {n} ends here. Another follows  with two spaces!" for n in range(60))
    whole = extractor.nlp.make_doc(text)
    saved = extractor.nlp.max_length
    try:
        for limit in (97, 250, 600):
            extractor.nlp.max_length = limit
            doc = make_doc(extractor.nlp, text)
            assert doc.text == text
            assert numpy.array_equal(doc.to_array([ORTH, IDX, SPACY]), whole.to_array([ORTH, IDX, SPACY]))
    finally:
        extractor.nlp.max_length = saved


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("First paragraph here.\n\nSecond one. Third sentence.", 40, [(0, 23), (23, 50)]),  # after the blank line
        ("One sentence here. Another sentence here. A third.", 30, [(0, 19), (19, 42), (42, 50)]),  # after ". "
        ("words without any full stop at all in it", 20, [(0, 18), (18, 38), (38, 40)]),  # after a space
        ("abcdefghijklmnopqrstuvwxyz", 10, [(0, 10), (10, 20), (20, 26)]),  # no whitespace: a hard cut
        ("short", 10, [(0, 5)]),
    ],
)
def test_chunk_bounds_cut_at_the_best_whitespace(text, limit, expected):
    bounds = chunk_bounds(text, limit)
    assert bounds == expected
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(b - a <= limit for a, b in bounds)


def test_chunk_bounds_never_start_a_chunk_on_whitespace():
    text = "Para one.\n\n\n\nPara two   has   runs   of   spaces.\n \n Para three."
    for limit in range(12, len(text)):
        for start, _ in chunk_bounds(text, limit)[1:]:
            assert text[start - 1].isspace() and not text[start].isspace()


def test_chunk_limit_must_be_positive():
    with pytest.raises(ValueError, match="chunk limit must be positive, not 0"):
        chunk_bounds("text", 0)
