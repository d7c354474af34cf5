"""miner_sentences: where sentences start, abbreviations included."""

import pytest
import spacy

from miner.nlp.context import get_context
from miner.nlp.sentences import SentenceSegmenter


@pytest.fixture(scope="module")
def segment():
    nlp = spacy.blank("en")
    segmenter = SentenceSegmenter()

    def sentences(text: str) -> list[str]:
        doc = nlp.make_doc(text)
        get_context(doc).text = text
        segmenter(doc)
        return [s.text for s in get_context(doc).sentences]

    return sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The force is good. The council is not.", ["The force is good.", "The council is not."]),
        ("Mr. Smith said so. Dr. Patel agreed.", ["Mr. Smith said so.", "Dr. Patel agreed."]),
        ("MR. SMITH SAID SO. Then he left.", ["MR. SMITH SAID SO.", "Then he left."]),
        ("Some areas, e.g. Custody, improved. Others did not.", ["Some areas, e.g. Custody, improved.", "Others did not."]),
        ("See Fig. 3 for the grades. It is clear.", ["See Fig. 3 for the grades.", "It is clear."]),
        ("Cllr. Jones and Supt. Hale spoke. Then Det. Insp. Ward.", ["Cllr. Jones and Supt. Hale spoke.", "Then Det. Insp. Ward."]),
        # The abbreviation must be the whole word: "Bigmr." and "Drama." end sentences.
        ("He said Bigmr. It was late.", ["He said Bigmr.", "It was late."]),
        ("They saw a Drama. It was good.", ["They saw a Drama.", "It was good."]),
        ("Was it good? Yes! It was.", ["Was it good?", "Yes!", "It was."]),
        ("It was rated ‘good’. The force agreed.", ["It was rated ‘good’.", "The force agreed."]),
        ("He said (so). Then 40% fell.", ["He said (so).", "Then 40% fell."]),
        ("A heading\nThe first line.", ["A heading", "The first line."]),
        ("no. 5 was inadequate. No. 6 was good.", ["no. 5 was inadequate.", "No. 6 was good."]),
        ("Costs rose by approx. 5%. Staff fell.", ["Costs rose by approx. 5%.", "Staff fell."]),
    ],
)
def test_sentence_boundaries(segment, text, expected):
    assert segment(text) == expected


def test_boundaries_are_those_of_the_regex_scan_and_whitespace_passes_the_start_on():
    """_boundary_offsets tries the pattern only at ".", "!", "?" and newlines (non-ASCII
    characters stand as "?" in its byte scan): the offsets of a plain finditer."""
    import random

    import numpy
    from spacy.attrs import IDX, IS_SPACE

    from miner.nlp.sentences import _BOUNDARY, _boundary_offsets

    pieces = ["Mr.", "ſt.", "é", "?", "!", "“Yes.”", "e.g.", "word", "Word", "2.1", "\n", "\n\n", " ", "  ", ". ", "(", ")", "£5", "◼", "ı", "\u00a0", "\u2009\n"]
    rng = random.Random(7)
    nlp = spacy.blank("en")
    segmenter = SentenceSegmenter()
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert _boundary_offsets(text) == [m.end() for m in _BOUNDARY.finditer(text)], text
        doc = nlp.make_doc(text)
        get_context(doc).text = text
        segmenter(doc)
        if not len(doc):
            continue
        # The reference: a whitespace token that would start a sentence hands the start to the next token, in order.
        idx, is_space = doc.to_array([IDX, IS_SPACE]).T
        starts = numpy.full(len(doc), -1)
        starts[0] = 1
        positions = numpy.searchsorted(idx, numpy.asarray(_boundary_offsets(text), dtype=int), side="left")
        starts[positions[positions < len(doc)]] = 1
        for i in numpy.nonzero((starts == 1) & (is_space == 1))[0]:
            starts[i] = -1
            if i + 1 < len(doc):
                starts[i + 1] = 1
        starts[0] = 1
        assert get_context(doc).sentence_starts == idx[starts == 1].tolist(), text
