"""The shortcuts that make `miner_findings` fast give exactly what the plain
code they replace gives, on the cases most likely to break them: Unicode
case folding (Kelvin sign, long s, dotted and dotless i, final sigma),
characters outside the word-character class, lone surrogates, runs of
whitespace and offsets that fall between tokens."""

import random
import re

import numpy
import pytest
import spacy

from miner.nlp import finding_model
from miner.nlp.finding_model import Candidate, FindingClassifier, words
from miner.nlp.findings import _is_quoted_response, _normalise, _SeenTexts, expand_to_tokens
from miner.nlp.scan import LiteralIndex, fold
from miner.nlp.sections import BOILERPLATE, BOILERPLATE_ANYWHERE, BOILERPLATE_STARTS, is_boilerplate

TRICKY = [
    "", " ", "\t\n", "a", "Children’s services", "children's  services", "The ‘good’ grade – again", "“We welcome the report,” said the council.",
    "ſafe KEEPING Kelvin İnspectors ınadequate", "ΟΔΟΣ Σ σ ς", "caf\u00e9 naïve façade", "a\u00a0b", "a\u2009b\u2028c", "x_y-z%£’",
    "a\ud800b", "84.7 per cent", "well-led; (Ofsted) ", "\x1c\x1d\x1e\x1fend", "tab\there", "ALL CAPS", "emoji 🙂 here",
    "Arabic ١٢٣ digits", "mixed-up ’quotes’ and ‘more’", "\ufeffBOM", "ﬁne ligature", "Straße STRASSE",
]


def _random_texts(count: int, seed: int = 3):
    rng = random.Random(seed)
    pieces = TRICKY + [" ", "  ", ".", ",", "-", "’", "“", "”", "–", "\u00a0", "K", "ſ", "İ", "ı", "Σ", "_", "£", "%", "'", "word", "Word"]
    for _ in range(count):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))


def test_words_is_the_regex_on_every_character():
    """Every code point: ASCII ones alone and between letters; the non-ASCII
    ones the fast path keeps inside words (those `str.isalnum()` accepts, ’, £)
    in long texts, which take the fast path only if all of them are right; the
    rest send a text to the regex."""
    for code in range(128):
        for text in (chr(code), f"a{chr(code)}b", f"x {chr(code)}-y’z"):
            assert words(text) == finding_model._WORD.findall(text), code
    kept = [chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000 and (chr(c).isalnum() or chr(c) in "’£")]
    assert len(kept) > 100_000
    for i in range(0, len(kept), 2000):
        text = " ".join(f"a{char}b {char} -{char}" for char in kept[i:i + 2000])
        assert words(text) == finding_model._WORD.findall(text), i
    for char in "\u00a0\u2009“”‘–—•…\u3000\u200b\ufeff\U0001f642\u2028":
        assert words(f"a{char}b") == finding_model._WORD.findall(f"a{char}b") == ["a", "b"], repr(char)


@pytest.mark.parametrize("text", TRICKY)
def test_words_is_the_regex_on_tricky_text(text):
    assert words(text) == finding_model._WORD.findall(text)
    assert words(text.lower()) == finding_model._WORD.findall(text.lower())


def test_candidate_words_are_the_words_of_its_features():
    rng = random.Random(5)
    candidates = []
    for text in list(_random_texts(300)) + TRICKY:
        heading = rng.choice(["", "What needs to improve?", "ΟΔΟΣ", "Priority ΣΟΦΟΣ", "Kelvin K ſection", "ınadequate 7 areas"])
        candidates.append(Candidate(0, len(text), text, rng.choice(["paragraph", "list_item"]), (heading,) if heading else (),
                                    rng.choice([None, "recommendation"]), rng.choice(["report", "news"])))
    flat, lengths = FindingClassifier._words(candidates)
    expected = [finding_model._WORD.findall(c.features().lower()) or [""] for c in candidates]
    assert lengths == [len(e) for e in expected]
    assert flat == [w for e in expected for w in e]
    # The same as string ids, where the texts' words can be hashed by numpy.
    plain = [c for c in candidates if len(c.text.lower()) == len(c.text) and "Σ" not in c.text and not re.search("[\ud800-\udfff]", c.text)]
    flat, lengths = FindingClassifier._words(plain)
    ids, id_lengths = FindingClassifier._flat_ids(plain)
    assert id_lengths.tolist() == lengths and ids.tolist() == [spacy.strings.get_string_id(w) for w in flat]
    assert FindingClassifier._flat_ids(candidates) is None  # some hold a capital sigma


def test_flat_keys_are_the_keys_of_the_word_lists():
    scorer = FindingClassifier.create().scorers["kind"]
    lists = [["a", "b", "a", "b"], ["b"], ["c", "a", "b", "c", "a", "b"], [""]]
    keys, counts, per_text = scorer.keys(lists)
    flat_keys, flat_counts, flat_per_text = scorer.flat_keys([w for words in lists for w in words], [len(w) for w in lists])
    assert keys.tolist() == flat_keys.tolist() and counts.tolist() == flat_counts.tolist() and per_text.tolist() == flat_per_text.tolist()
    # Per text its unique unigrams and bigrams in ascending order, with their counts:
    # a, b, "a b" twice each and "b a" once in the first text.
    assert per_text.tolist() == [4, 1, 6, 1]
    first = keys[:4].tolist()
    assert first == sorted(first) and sorted(counts[:4].tolist()) == [1, 2, 2, 2]


def test_seen_texts_agree_with_a_set_of_normalised_texts():
    texts = list(_random_texts(3000)) + TRICKY + [t.upper() for t in TRICKY] + [
        "a b", "ab", "a-b", "a–b", "A  B.", "a\ud800b", "a\ud801b", "K kelvin", "k kelvin", "ſafe", "safe", "İ", "i̇",
    ]
    seen, plain = _SeenTexts(), set()
    for text in texts:
        key = _normalise(text)
        assert seen.add(text) is (key not in plain), repr(text)
        plain.add(key)


def test_quoted_response_prefilter_agrees_with_the_regexes():
    for text in list(_random_texts(2000)) + TRICKY + ["He said no", "unsaid", "SAID", "she told us", "toldx", "as added", "says."]:
        expected = bool(re.search(r"[\"“”‘’']", text)) or bool(re.search(r"\b(?:said|says|added|told)\b", text))
        assert _is_quoted_response(text) is expected, repr(text)


def _top_level_alternatives(pattern: re.Pattern) -> list:
    parsed = re._parser.parse(pattern.pattern, pattern.flags)
    (op, value), = parsed.data
    assert op is re._constants.BRANCH
    return value[1]


def test_every_unanchored_boilerplate_alternative_holds_a_prefilter_word():
    """The prefilter's premise: an alternative not anchored at the block's start
    contains one of BOILERPLATE_ANYWHERE's words as literal characters."""
    for alternative in _top_level_alternatives(BOILERPLATE):
        items = list(alternative)
        if items and items[0] == (re._constants.AT, re._constants.AT_BEGINNING):
            continue
        literal = "".join(chr(v) if op is re._constants.LITERAL else "\0" for op, v in items).lower()
        assert any(word in literal for word in BOILERPLATE_ANYWHERE.words), items


BOILERPLATE_TEXTS = [
    "© Crown copyright 2023", "©Crown copyright", "Text. © CROWN COPYRIGHT", "Text ©  Crown Kopyright", "Text © Crown \u212aopyright", "crown copyright at the end",
    "Reuse under the Open Government Licence.", "Under the OPEN GOVERNMENT LICENCE", "see nationalarchives.gov.uk/doc", "NATIONALARCHIVES.GOV.UK",
    "Please ſubscribe to our monthly newsletter", "Please subscribe to our monthly newsletter", "Please \u017fubscribe to our \u212aonthly newsletter",
    "The Office (Ofsted) regulates and inspects", "the office (OFSTED) REGULATES AND INSPECTS", "(Ofsted) regulates and inspects at the start",
    "Crown copyright at the start", "ſome text, then crown copyright", "Kelvin \u212a: crown copyright", "İnspectors and crown copyright",
    "An outstanding local authority leads", "In a local authority that requires improvement", "A local authority that is good",
    "Ofsted inspects and regulates services", "This report is available at www.gov.uk", "Interested in our work?",
    "The local authority has improved.", "Crown Court hearings were delayed.", "Copyright belongs to the council.", "a\ud800b crown copyright",
]


@pytest.mark.parametrize("text", BOILERPLATE_TEXTS + TRICKY)
def test_boilerplate_prefilter_agrees_with_the_plain_search(text):
    expected = BOILERPLATE.search(text) is not None
    assert is_boilerplate(text) is expected
    assert is_boilerplate(text, (), True) is expected  # "a word may occur" is never wrong
    # As findings calls it: the block is a slice of a document indexed once.
    document = "Some words first.\n" + text + "\nAnd after."
    start, end = len("Some words first.\n"), len("Some words first.\n") + len(text)
    index = LiteralIndex(BOILERPLATE_ANYWHERE, fold(document))
    assert is_boilerplate(text, (), index.any_within(start, end)) is expected
    assert is_boilerplate("Some words first. " + text) is (BOILERPLATE.search("Some words first. " + text) is not None)
    # "The folded block starts with none of BOILERPLATE_STARTS" only where it cannot match at its start.
    low = fold(document)
    at_start = None if low is None else low.startswith(BOILERPLATE_STARTS.words, start, end)
    assert at_start is not False or BOILERPLATE.match(text) is None
    assert is_boilerplate(text, (), index.any_within(start, end), at_start) is expected


def test_expand_to_tokens_is_char_span_expand():
    nlp = spacy.blank("en")
    rng = random.Random(11)
    compared = 0
    for _ in range(300):
        text = "".join(rng.choice(["word", " ", "  ", ".", ",", "x", "\n", "—", "’s", "don't", "\t ", "£3.2m"]) for _ in range(rng.randint(0, 30)))
        doc = nlp(text)
        starts = [rng.randint(-2, len(text) + 2) for _ in range(40)]
        ends = [rng.randint(s + 1, len(text) + 3) for s in starts]
        for start, end, got in zip(starts, ends, expand_to_tokens(doc, starts, ends), strict=True):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and span.end <= span.start:
                continue  # an empty span: findings takes spaCy's own offsets for it
            assert got == (None if span is None else (span.start, span.end, span.start_char, span.end_char)), (text, start, end)
            compared += span is not None
    assert compared > 1000
    assert expand_to_tokens(nlp(""), [0, 1], [1, 2]) == [None, None]


def test_words_falls_back_to_the_regex_for_non_word_non_ascii_characters():
    assert words("good – and “better”") == ["good", "and", "better"]
    assert words("a\u00a0b") == ["a", "b"]  # a no-break space is not ASCII whitespace


def test_string_ids_are_spacys_and_the_cache_stays_bounded(monkeypatch):
    monkeypatch.setattr(finding_model, "_STRING_IDS", {})
    monkeypatch.setattr(finding_model, "_STRING_IDS_MAX", 5)
    first = finding_model._string_ids({"a", "b", "c"})
    assert first == {w: spacy.strings.get_string_id(w) for w in "abc"}
    second = finding_model._string_ids({"d", "e", "f"})  # over the bound: a new dict, the old one left whole
    assert second == {w: spacy.strings.get_string_id(w) for w in "def"} and len(first) == 3
    assert finding_model._string_ids({"d", "g"})["g"] == spacy.strings.get_string_id("g")


@pytest.mark.parametrize("subject", [None, "org-subject"])
def test_near_starts_is_near_at_each_offset(subject):
    from miner.nlp.context import DocContext
    from miner.nlp.organisations import OrganisationIndex

    rng = random.Random(13)
    nlp = spacy.blank("en")
    for _ in range(50):
        doc = nlp("x " * 600)
        ctx = doc._.miner = DocContext(subject_id=subject)
        ctx.starts = sorted(rng.sample(range(0, 1200), rng.randint(0, 8)))
        ctx.ends = ctx.starts[1:] + [1200]
        ctx.kinds = [rng.choice(["heading", "title", "paragraph", "list_item"]) for _ in ctx.starts]
        starts = sorted(rng.sample(range(0, 1200), rng.randint(0, 12)))
        ctx.organisation_mentions = (starts, [rng.choice([None, "a", "b", f"o{s}"]) for s in starts])
        index = OrganisationIndex(doc)
        offsets = [rng.randint(0, 1300) for _ in range(60)] + starts + ctx.starts
        assert index.near_starts(offsets) == [index.near(offset, offset) for offset in offsets]


def test_keys_sorted_by_text_then_key_as_lexsort_orders_them():
    rng = random.Random(17)
    for count in (1, 2, 3, 300, 40_000):
        texts = numpy.array([rng.randrange(count) for _ in range(2000)], dtype="int64")
        # Hashed keys, and keys that differ only in their lowest bits (the single sort's tie).
        keys = numpy.array([rng.getrandbits(64) for _ in range(1000)] + [rng.choice([7, 6, 5, 4, 2**63 + 1, 2**63]) for _ in range(1000)], dtype="uint64")
        got_keys, got_texts = finding_model._by_text_then_key(keys, texts, count)
        order = numpy.lexsort((keys, texts))
        assert got_keys.tolist() == keys[order].tolist() and got_texts.tolist() == texts[order].tolist()



def test_murmurhash64a_is_spacys_string_hash_at_every_length():
    rng = random.Random(19)
    alphabet = "abcxyz019_-%'’£éßΩ一🙂"
    texts = ["".join(rng.choice(alphabet) for _ in range(length)) for length in range(0, 40) for _ in range(6)]
    encoded = [t.encode("utf-8") for t in texts]
    starts = numpy.cumsum([0] + [len(e) for e in encoded[:-1]])
    data = numpy.frombuffer(b"".join(encoded) + bytes(8), dtype="uint8")
    got = finding_model._murmurhash64a(data, starts, numpy.array([len(e) for e in encoded]), 1)
    assert got.tolist() == [spacy.strings.hash_string(t) for t in texts]


def test_text_word_ids_are_the_string_ids_of_the_words_of_each_lower_cased_text():
    texts = [t for t in list(_random_texts(400)) + TRICKY if "\x00" not in t]
    # Words that are spaCy symbols ("root", "number"): get_string_id gives their symbol id, not a hash.
    texts += ["The ROOT cause: a number of agents mark meta-data", "_ acl nsubj", "", "a" * 70]
    plain = [t for t in texts if len(t.lower()) == len(t) and "Σ" not in t and not re.search("[\ud800-\udfff]", t)]
    ids, counts = finding_model.text_word_ids(plain)
    expected = [words(t.lower()) for t in plain]
    assert counts.tolist() == [len(e) for e in expected]
    assert ids.tolist() == [spacy.strings.get_string_id(w) for e in expected for w in e]
    # What it cannot do exactly, it refuses.
    for refused in (["ΟΔΟΣ"], ["İnspectors"], ["a\x00b"], ["a\ud800b"]):
        assert finding_model.text_word_ids(refused + plain[:3]) is None, refused



def test_lower_word_bytes_is_word_bytes_of_the_lower_cased_text():
    # Each text alone, so both paths are taken: bytes.lower() where no non-ASCII
    # character changes in lower case, str.lower() where one does (K, É, ſ...).
    texts = [t for t in list(_random_texts(600)) + TRICKY if not re.search("[\ud800-\udfff]", t)]
    texts += ["CAFÉ Children’s SERVICES – “Good”", "naïve – ‘adequate’ 84.7% £5 Ofsted’s", "ÀÉÎ façade"]
    fast = 0
    for text in texts:
        expected = finding_model._word_bytes(text.lower()) if len(text.lower()) == len(text) and "Σ" not in text else None
        assert finding_model._lower_word_bytes(text) == expected, text
        if expected is not None:
            ids, counts = finding_model.text_word_ids([text, "Inspectors’ FINDINGS"])
            assert ids.tolist() == [spacy.strings.get_string_id(w) for w in words(text.lower()) + words("inspectors’ findings")], text
        rest = "".join(c for c in text if not c.isascii())
        fast += rest.lower() == rest and not text.isascii()
    assert fast > 50  # the bytes.lower() path was tried on non-ASCII texts
    assert finding_model._lower_word_bytes("a\ud800b") is None


def test_span_keys_are_span_key_of_each_range():
    from miner.nlp.context import span_key
    from miner.nlp.findings import _span_keys

    starts, ends = [0, 5, 5, 120], [4, 9, 30, 121]
    assert list(_span_keys("topic", starts, ends)) == [span_key("topic", s, e) for s, e in zip(starts, ends)]
