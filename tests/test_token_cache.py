"""RecurringChunks: chunks that recur across documents stay in the tokenizer's
cache and the vocabulary after each document's memory zone; chunks seen once
do not; memory is bounded; tokens and records are those of an uncached run."""

import spacy

from miner.document import BLOCK_SEPARATOR, DocumentBuilder
from miner.nlp.pipeline import Extractor
from miner.nlp.token_cache import RecurringChunks


def article(body: str):
    builder = DocumentBuilder()
    builder.add("heading", "Police watchdog report", level=1)
    builder.add("paragraph", body)
    return builder.build("text/html", title="Police watchdog report", kind="news", publisher="Exe Valley Chronicle")


def tokens_in_zone(nlp, text):
    with nlp.memory_zone():
        return [(t.text, t.idx, t.whitespace_) for t in nlp.make_doc(text)]


def test_a_chunk_in_two_documents_outlives_the_memory_zone_and_a_chunk_in_one_does_not():
    nlp = spacy.blank("en")
    recurring = RecurringChunks(nlp)
    first, second = "Zorblax constabulary answered 71.5% of calls.", "Zorblax constabulary has a Quuxley unit rated good."
    for text in (first, second):
        recurring.before(text)
        tokens_in_zone(nlp, text)
    assert {"Zorblax", "constabulary"} <= recurring.kept
    assert "Zorblax" in nlp.vocab.strings  # its lexeme is permanent
    assert "Quuxley" not in nlp.vocab.strings  # seen once: freed with its zone
    assert "Quuxley" in recurring.seen


def test_tokens_are_the_same_with_chunks_kept_as_without():
    text = "Don't expect 9 a.m. calls: the force's (re-)graded 'good' rating—in 2023—fell to 'inadequate'. Mr. Smith's e-mail: x@y.org :) 10km/h"
    plain = spacy.blank("en")
    kept = spacy.blank("en")
    recurring = RecurringChunks(kept)
    recurring.before(text)
    recurring.before(text)  # the second time every chunk recurs and is kept
    assert recurring.kept == set(text.split()) - {"10km/h", "2023—fell"}  # long chunks with figures: not kept
    assert tokens_in_zone(kept, text) == tokens_in_zone(plain, text)


def test_long_figures_are_not_kept_and_short_ones_and_words_are():
    recurring = RecurringChunks(spacy.blank("en"))
    text = "In 2024 the force spent £571.9m and answered 28,447 calls, 13.1% more than the 10% it planned."
    recurring.before(text)
    recurring.before(text)
    assert {"2024", "10%", "force", "calls,"} <= recurring.kept
    assert not {"£571.9m", "28,447", "13.1%"} & (recurring.kept | recurring.seen)


def test_no_more_than_limit_chunks_are_kept_and_the_cache_has_room_for_them():
    nlp = spacy.blank("en")
    recurring = RecurringChunks(nlp, limit=5, seen_limit=50)
    assert nlp.tokenizer.max_cache_size >= 5 + 10_000
    text = " ".join(f"word{chr(ord('a') + n)}" for n in range(20))
    recurring.before(text)
    recurring.before(text)
    assert len(recurring.kept) == 5 and recurring.full
    assert recurring.seen == set()  # nothing more will be kept, so nothing is remembered
    recurring.before("wordy wordz")
    assert len(recurring.kept) == 5


def test_chunks_seen_once_are_forgotten_when_they_reach_seen_limit():
    recurring = RecurringChunks(spacy.blank("en"), limit=100, seen_limit=10)
    recurring.before(" ".join(f"a{n}" for n in range(8)))
    recurring.before(" ".join(f"b{n}" for n in range(8)))
    assert recurring.seen == {f"b{n}" for n in range(8)}


def test_nothing_is_kept_from_inside_a_memory_zone():
    nlp = spacy.blank("en")
    recurring = RecurringChunks(nlp)
    with nlp.memory_zone():
        recurring.before("alpha beta")
        recurring.before("alpha beta")
    assert not recurring.kept and not recurring.seen


def test_extraction_records_are_the_same_for_a_repeated_document():
    # The second and third extractions of the same text run with its chunks
    # cached; their records must be those of the first, uncached run.
    extractor = Extractor()
    document = article(
        "Zorblax Police was rated inadequate at investigating crime in 2023, down from good in 2021. "
        "The force answered 71.5 per cent of 999 calls within ten seconds, against a target of 90 per cent."
    )
    runs = [extractor.extract(document) for _ in range(3)]
    assert runs[0].gradings and runs[0].statistics
    assert runs[1] == runs[0] and runs[2] == runs[0]
    assert "Zorblax" in extractor.recurring.kept


def test_the_block_separator_is_cached_from_the_start_and_tokens_are_unchanged():
    # "\n\n" is a whitespace chunk of its own to the tokenizer, which text.split() never yields.
    nlp, plain = spacy.blank("en"), spacy.blank("en")
    assert BLOCK_SEPARATOR not in nlp.vocab.strings
    RecurringChunks(nlp)
    text = BLOCK_SEPARATOR.join(["Inspection of Exe Valley", "Leaders know their services well.", "Good"])
    assert tokens_in_zone(nlp, text) == tokens_in_zone(plain, text)
    assert BLOCK_SEPARATOR in nlp.vocab.strings  # its lexeme outlives the zone
    assert BLOCK_SEPARATOR not in plain.vocab.strings
    assert [t.text for t in nlp.make_doc(text)].count(BLOCK_SEPARATOR) == 2
