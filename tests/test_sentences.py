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
