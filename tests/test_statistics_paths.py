"""The fast paths of miner_statistics find exactly what the plain patterns find:
the document-wide candidate offsets (word_starts), the alternatives tried by
first character, and the case-insensitive patterns run without re.I on the
folded text. Each is compared with the plain path on tricky text (Unicode
folding, sentence starts right after a word, numbers inside words)."""

import dataclasses
import random
import re

import pytest

from miner.nlp import statistics
from miner.nlp.scan import fold
from miner.nlp.statistics import candidate_offsets, find_statistics
from miner.nlp.word_starts import WordStarts
from tests.test_scan import SENTENCES, random_sentences

PIECES = [
    "12", "12,408", "85.7", "per cent", "percent", "%", "percentage points", "rose", "fell", "from", "to", "by", "up", "down",
    "2021", "2021-22", "2023/24", "one in five", "Nine out of ten", "a third", "Nearly half", "about two thirds", "just over",
    "£3.2m", "1.4 million", "doubled", "three times", "three years", "two weeks", "52.3 crimes per 1,000 people", "999",
    "page 4", "aged 16 and 17", "7 February 2025", "0300 071 6876", "compared with", "the number of children", "were",
    "increase", "children", "officers", "x12", "A1", "ſ", "İ", "\u212a", "é", "ONE", "Twenty-three", "in 2020", "over",
    "under", "Act", "10am", "4 min read", "www.example.org/2023.pdf", "the last three years", "was", ",", ".", ";", "(", ")",
]


TEXTS = [
    *SENTENCES,
    *random_sentences(1500, 11, words=PIECES, longest=25, separators=(" ", " ", " ", ", ", "-", "", "\n")),
    "Referrals rose from 2,860 in 2021-22 to 3,540 in 2023-24, up 24 per cent.",
    "In August, 82% of patients were assessed within 15 minutes, compared with 49% at our previous inspection.",
    "The charge rate fell to 5.2 per cent, down from 9.8 per cent the year before.",
    "THE NUMBER OF CHILDREN IN CARE ROSE BY 12 PER CENT IN THE LAST THREE YEARS.",
    "About Two Thirds of the 1,518 officers had doubled their caseload since 2021/22.",
]


def as_dicts(stats):
    return [dataclasses.asdict(s) for s in stats]


def plain(sentence, monkeypatch):
    """find_statistics on the plain path: no folded text (as for a sentence
    with a Kelvin sign), so every pattern runs with re.I over the sentence."""
    with monkeypatch.context() as patch:
        patch.setattr(statistics, "fold", lambda text: None)
        return as_dicts(find_statistics(sentence))


def test_fast_paths_find_what_the_plain_patterns_find(monkeypatch):
    compared = 0
    for sentence in TEXTS:
        expected = plain(sentence, monkeypatch)
        assert as_dicts(find_statistics(sentence)) == expected, sentence
        low = fold(sentence)
        if low is None:
            continue
        offsets = candidate_offsets(low, [0])
        number_words = statistics._NUMBER_WORDS.search(sentence) is not None
        assert statistics._has_number_word(sentence, low, offsets) == number_words, sentence
        got = find_statistics(sentence, low=low, number_words=number_words, offsets=(offsets, None))
        assert as_dicts(got) == expected, sentence
        # Without number_words, found out only where a candidate needs it (as the component does).
        assert as_dicts(find_statistics(sentence, low=low, offsets=(offsets, None))) == expected, sentence
        # In a heading the component drops the counts: the same figures, the counts without measure and period.
        dropped = [{**d, "measure": None, "period": None} if d["unit"] == "count" else d for d in expected]
        assert as_dicts(find_statistics(sentence, low=low, offsets=(offsets, None), counts_dropped=True)) == dropped, sentence
        compared += bool(expected)
    assert compared > 500  # the inputs exercise the rules, not only their absence


def test_candidate_offsets_skip_numbers_inside_words_but_not_sentence_starts():
    text = "Rated good12 children, x12 and A1; one in five.Two thirds (£5m) over half"
    low = fold(text)
    starts = [0, text.index("12 children"), text.index("Two")]
    offsets = candidate_offsets(low, starts)
    assert text.index("12 children") in offsets  # a sentence start right after a word character
    assert text.index("Two") in offsets
    assert text.index("12 and") not in offsets and text.index("1;") not in offsets  # "x12", "A1"
    assert text.index("£") in offsets and text.index("one") in offsets
    assert text.index("over") in offsets  # "over half"
    assert candidate_offsets("however over 3 days", [0]) == [13]  # "over" without a fraction after it is no start


def test_word_starts_finds_every_word_after_a_non_word_character():
    words = ["one", "two", "about", "a third", "7", "twenty"]
    scan = WordStarts(words)
    reference = re.compile(r"(?<!\w)(?:one|two|about|a third|7|twenty)")
    rng = random.Random(3)
    alphabet = ["one", "two", "about", "a third", "7", "twenty", "x", "é", "ſ", " ", "-", "\n", "£", "77", "ONE".lower(), "done"]
    for _ in range(300):
        low = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        found = set(scan.positions(low).tolist())
        assert {m.start() for m in reference.finditer(low)} <= found, low
        assert all(low.startswith(tuple(w[:3] for w in words), p) for p in found), low  # few false starts
    assert scan.positions("").tolist() == [] and scan.positions("7").tolist() == [0]
    with pytest.raises(ValueError, match="begin with a word character"):
        WordStarts(["£"])
    with pytest.raises(ValueError, match="without '\\?'"):
        WordStarts(["why?"])  # the byte that stands for non-ASCII characters


def test_patterns_for_folded_text_must_be_lower_case():
    assert statistics._without_case(re.compile(r"(?P<n>\d+)\s*per\s?cent\b", re.I)).flags & re.I == 0
    with pytest.raises(ValueError, match="upper-case letters"):
        statistics._without_case(re.compile(r"\bJan(?:uary)?\b", re.I))


def component_figures(text_of, kelvin: bool):
    """The statistics spans (offsets, unit, values) the pipeline finds in a document
    of headings, numbered paragraphs ("12." blocks) and paragraphs."""
    from miner.document import DocumentBuilder
    from miner.nlp.context import span_offsets, span_values
    from miner.nlp.pipeline import Extractor

    builder = DocumentBuilder()
    for kind, text in text_of:
        builder.add(kind, text.replace("Kelvin", "\u212aelvin" if kelvin else "Kelvin"))
    document = builder.build("text/plain", title="Norfolk County Council")
    doc = Extractor().doc(document)
    assert (doc._.miner.folded(0, len(doc.text)) is None) == kelvin
    return [(start, end, *span_values(doc, start, end, statistics._SPAN_FIELDS)) for start, end in span_offsets(doc, "statistics")]


def test_component_finds_the_same_figures_in_a_text_that_cannot_be_folded():
    """A Kelvin sign anywhere makes the document unfoldable: the component then visits
    every sentence on the plain path, and must find what the vectorised path finds."""
    blocks = [
        ("heading", "12 ways the council improved in 2023"),
        ("paragraph", "12."),
        ("paragraph", "In 2023, 45 children were in care, up from 38 in 2022. Kelvin said so."),
        ("paragraph", "3.1"),
        ("paragraph", "1 The number of referrals rose by 12 per cent, to 1,204, over the last three years."),
        ("heading", "Nine areas for improvement"),
        ("paragraph", "About two thirds of the 312 staff had caseloads of 16 children per worker; one in five left within 6 months."),
        ("paragraph", "Call 0300 123 4234 or see www.example.org/report-14.pdf (page 4) for the £3.2m plan."),
        ("paragraph", "44"),
        ("paragraph", "Twenty-three families waited 10 days, compared with 14 days in 2021."),
    ]
    fast = component_figures(blocks, kelvin=False)
    assert len(fast) >= 8
    assert component_figures(blocks, kelvin=True) == fast
