"""The prefilters of miner_gradings (miner/nlp/grading_gates.py and the
pattern readers in miner/nlp/scan.py) never change what it finds: with them
off, every pattern runs everywhere, and the gradings are the same."""

import re

import pytest

from miner.document import DocumentBuilder
from miner.nlp import gradings
from miner.nlp.grading_gates import GradingGates, LazyPattern
from miner.nlp.scales import GRADE_PATTERN, Scales, _alias_regex
from miner.nlp.scan import PhraseStarts, finditer_at, fold, required_literals, start_literals
from tests.test_scan import SENTENCES

TRICKY = [
    "Overall effectiveness: Good",
    "The experiences and progress of children who need help and protection | Requires improvement",
    "2.1 Adoption performance Outstanding",
    "Overall effectiveness Requires improvement to be good For most children the picture is better.",
    "Leadership and management",  # a table split over two blocks: the grade is the next sentence
    "Good.",
    "Xinvestigating crime was judged inadequate, and KEEPING PEOPLE SAFE was rated ‘good’.",  # an area inside a word
    "ſervices for children in Norfolk were judged inadequate; the \u212aelvin sign and İnspectors fold too.",
    "The local authority was judged inadequate in 2019. It was judged to require improvement in 2022.",
    "When it was last inspected, in 2018, services required improvement to be good, and before that, in 2016, they were inadequate.",
    "The force was rated good in two of nine areas, requires improvement in five and inadequate in the remaining two.",
    "These include investigating crime, protecting vulnerable people and responding to the public.",
    "Three areas were judged inadequate. These include investigating crime and managing offenders.",
    "HMICFRS assessed the force across 11 areas. It was graded adequate in four of them.",
    "The assessments are identical to those given at the previous inspection in 2019.",
    "Children's services are now rated outstanding, up from requires improvement in 2021.",
    "Preventing crime was the only area where it was 'inadequate', as was its use of resources.",
]


def document(paragraphs: list[str], title: str = "Ofsted inspection of Norfolk children's services"):
    builder = DocumentBuilder()
    builder.add("heading", title, level=1)
    for paragraph in paragraphs:
        builder.add("paragraph", paragraph)
    return builder.build("text/plain", title=title, published="2023-05-01", kind="inspection_report")


def gradings_of(extractor, doc_source, prefilter: bool) -> list:
    grader = extractor.nlp.get_pipe("miner_gradings")
    grader.prefilter = prefilter
    try:
        doc = extractor.doc(doc_source)
    finally:
        grader.prefilter = True
    names = ("organisation_id", "grade", "area", "scale", "count", "out_of", "previous", "year", "method")
    return [(sp.start_char, sp.end_char, sp.label_, *(getattr(sp._, n) for n in names)) for sp in doc.spans["gradings"]]


@pytest.mark.parametrize("paragraphs", [TRICKY, SENTENCES[:9] + SENTENCES[-60:], [" ".join(TRICKY)]])
def test_gradings_are_the_same_with_the_prefilters_off(extractor, paragraphs):
    source = document(paragraphs)
    with_gates = gradings_of(extractor, source, True)
    assert with_gates == gradings_of(extractor, source, False)
    if paragraphs is TRICKY:
        assert len(with_gates) > 10  # the texts exercise the rules, not only their absence


def test_gradings_of_the_corpus_are_the_same_with_the_prefilters_off(extractor):
    import sys

    sys.path.insert(0, str(gradings.__file__).rsplit("/miner/", 1)[0] + "/benchmarks")
    from corpus import corpus_documents

    total = 0
    for source in corpus_documents()[::3]:  # a third of the annotated corpus keeps this quick
        with_gates = gradings_of(extractor, source, True)
        assert with_gates == gradings_of(extractor, source, False), source.url
        total += len(with_gates)
    assert total > 50


def test_phrase_starts_find_every_offset_where_an_area_can_start():
    scales = Scales.default()
    starts = PhraseStarts(_alias_regex(a) for a in scales.area_aliases)
    area = re.compile(scales.area_regex.pattern.replace("(?<![\\w-])", "").replace("(?![\\w-])", ""), re.I)
    compared = 0
    for text in SENTENCES + TRICKY:
        low = fold(text)
        if low is None:
            continue
        every = [p for p in range(len(text)) if area.match(text, p)]
        assert set(every) <= set(starts.positions(low)), text
        bounded = [m.start() for m in scales.area_regex.finditer(text)]
        assert set(bounded) <= set(starts.word_positions(low)), text
        compared += bool(every)
    assert compared > 20
    assert starts.positions("xinvestigating crime") == [1] and starts.word_positions("xinvestigating crime") == []


def test_required_and_start_literals_are_read_from_the_pattern(extractor):
    grader = extractor.nlp.get_pipe("miner_gradings")
    grader._gates()
    patterns = [v for v in vars(gradings).values() if isinstance(v, re.Pattern)]
    patterns += [v for v in vars(grader).values() if isinstance(v, (re.Pattern, LazyPattern)) and len(v.pattern) < 3000]
    assert [w.words for w in required_literals(gradings._THIS_REPORT)] == [("its", "the", "this"), ("assessment", "inspection", "report")]
    assert start_literals(gradings._COMPARED_FROM).words[:3] == ("climbed", "down", "drop")
    assert required_literals(re.compile(r"\d+|x")) is None and start_literals(re.compile(r"a?")) is None
    for rx in patterns:
        needs, starts = required_literals(rx), start_literals(rx)
        for text in SENTENCES + TRICKY:
            low = fold(text)
            if low is None:
                continue
            if needs and rx.search(text):
                assert all(words.any_in(low) for words in needs), (rx.pattern[:60], text)
            if starts:
                assert [m.span() for m in finditer_at(rx, text, low, starts)] == [m.span() for m in rx.finditer(text)], (rx.pattern[:60], text)


def test_has_area_agrees_with_the_area_regex():
    scales = Scales.default()
    gates = GradingGates(scales, GRADE_PATTERN, gradings._FAILING)
    found = 0
    for text in SENTENCES + TRICKY + ["Investigating-crime", "well-led", "WELL LED and safe", "unsafe care-leavers"]:
        expected = scales.area_regex.search(text) is not None
        assert gates.has_area(text, fold(text)) == expected, text
        found += expected
    assert found > 20


def test_grade_gates_follow_the_grade_pattern():
    gates = GradingGates(Scales.default(), GRADE_PATTERN, gradings._FAILING)
    assert {"not", "reasonably", "requir" if "requir" in gates.grade_starts.words else "require", "weak"} <= set(gates.grade_starts.words)
    assert gates.may_be_grade_only("  Requires improvement to be good.") and gates.may_be_grade_only("ſomething")
    assert not gates.may_be_grade_only("  The force") and not gates.may_be_grade_only("   ")
    assert GradingGates(Scales.default(), GRADE_PATTERN, gradings._FAILING, enabled=False).may_be_grade_only("The")


def test_cut_patterns_match_as_the_whole_ones(extractor):
    """The gates try the area and grade alternations with only the phrases of
    the word where they are tried: the matches are those of the whole pattern."""
    grader = extractor.nlp.get_pipe("miner_gradings")
    gates = grader._gates()
    led = {name: gates._pattern(getattr(grader, name)) for name in ("area_then_grade", "only_area", "grade_then_area", "count_of", "count_rest")}
    assert all(p.by_area_word is not None for name, p in led.items() if name.startswith(("area", "only")))
    assert gates._pattern(grader.count_of).by_area_word is None
    texts = SENTENCES + TRICKY + ["  Good.", "Outstanding", "Children’s services: Requires improvement", "Not sufficiently good at preventing crime"]
    compared = 0
    for text in texts:
        low = fold(text)

        def spans(matches):
            return [(m.span(), m.groupdict()) for m in matches]

        for rx in (grader.row, grader.row_prefix, grader.area_only):
            assert spans(filter(None, [gates.lead_area(rx, text, low)])) == spans(filter(None, [rx.match(text)])), text
        for rx in (grader.grade_only, grader.grade_lead):
            assert spans(filter(None, [gates.lead_grade(rx, text)])) == spans(filter(None, [rx.match(text)])), text
        assert spans(filter(None, [gates.grade_word(grader.grade_word, text, low)])) == spans(filter(None, [grader.grade_word.search(text)])), text
        for name, pattern in led.items():
            starts = grader.area_starts if pattern.by_area_word is not None else gradings._GRADE_STARTS
            expected = spans(pattern.rx.finditer(text))
            assert spans(gates.finditer_at(pattern.rx, text, low, starts)) == expected, (name, text)
            compared += bool(expected)
    assert compared > 15  # the texts exercise the cut patterns, not only their absence


def test_rules_through_the_gates_match_as_finditer(extractor):
    """`GradingGates.rule` (the rules of `_find` with no start words of their own)
    and `across` find what the plain patterns find, also where a digit other
    than "0" to "9" could begin a match (then the ASCII digits are no gate)."""
    grader = extractor.nlp.get_pipe("miner_gradings")
    gates = grader._gates()
    rules = [getattr(grader, name) for name in re.findall(r"rule\(self\.(\w+), s, low\)", open(gradings.__file__).read())]
    assert len(rules) > 30
    texts = SENTENCES + TRICKY + [
        "The service was previously rated good, and we rated it as requires improvement because:",
        "In all, \u0661\u0661 areas were graded, and the force kept its ‘good’ rating.",  # Arabic-Indic digits begin the match
        "The force was assessed across 11 areas and retained its 'good' rating overall.",
        "Kent’s services are no longer rated inadequate: Ofsted rated the council as good.",
        # `across` is searched only where a number stands (`grading_gates._A_NUMBER`): a word, a
        # compound, a hyphenated one, in capitals; none at all.
        "Under the old THREE-pillar system the force was rated good.",
        "Inspectors graded the force in twenty one areas and rated it good in most.",
        "Across all the areas and standards it inspected, the service was good.",
    ]
    matched = 0
    for text in texts:
        low = fold(text)
        gates.forget()
        for rx in rules:
            expected = [m.span() for m in rx.finditer(text)]
            assert [m.span() for m in gates.rule(rx, text, low)] == expected, (rx.pattern[:60], text)
            matched += bool(expected)
        plain, gated = grader.across.search(text), gates.across(grader.across, text, low)
        assert (gated.span() if gated else None) == (plain.span() if plain else None), text
    assert matched >= 5
    other_digits = gates.across(grader.across, texts[-6], fold(texts[-6]))
    assert other_digits is not None and other_digits.group("out_of3") == "\u0661\u0661"


def test_rules_are_compiled_when_first_used():
    """The rules `_compile` makes are compiled on first use, then match as `re.compile` would."""
    grader = gradings.GradingExtractor(None)
    grader._compile(Scales.default())
    rules = {name: rx for name, rx in vars(grader).items() if isinstance(rx, LazyPattern)}
    assert len(rules) > 60 and "match" not in vars(grader.count_of)  # none compiled yet
    text = "It was rated good in two of the nine areas, and Investigating crime requires improvement."
    for name, rx in rules.items():
        compiled = re.compile(rx.pattern, rx.flags)
        assert rx.flags == compiled.flags, name
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in compiled.finditer(text)], name
    assert "match" in vars(grader.count_of) and grader.count_of.search(text).group("count") == "two"


def test_comparison_header_gate_lets_every_header_through():
    headers = ["Healthy prison test 2021 2024", "Pillar 2018/19 judgement Last judgement (2017)", "Area This inspection Previous rating  "]
    for line in headers:
        assert gradings._COMPARISON_HEADER.match(line) and gradings._may_be_comparison_header(line.lower()), line
    assert not gradings._may_be_comparison_header("this report sets out what the council should do next.")
    assert gradings._may_be_comparison_header("area this inspection ſome")  # not ASCII: no verdict from the end


def test_area_end_gate_lets_every_bare_area_through(extractor):
    grader = extractor.nlp.get_pipe("miner_gradings")
    gates = grader._gates()
    texts = SENTENCES + TRICKY + ["2.1 Adoption performance:", "The Investigating Crime  ", "INVESTIGATING CRIME", "Leadership and management."]
    bare = 0
    for text in texts:
        if grader.area_only.match(text.rstrip()):
            assert gates.may_end_with_area(text), text
            bare += 1
    assert bare >= 3
    assert not gates.may_end_with_area("Leaders know their services well.")


def test_patterns_parsed_with_the_area_alternation_once_read_as_parsed_whole(extractor):
    """`scan.parse_source(..., part=...)` parses the area alternation once and
    splices it in: the items are those of parsing each pattern whole."""
    from miner.nlp.scan import parse_pattern, parse_source

    grader = extractor.nlp.get_pipe("miner_gradings")
    gates = grader._gates()
    part = gates._area_alternation
    patterns = [rx for rx in vars(grader).values() if isinstance(rx, (re.Pattern, LazyPattern))] + [Scales.default().area_regex]
    spliced = 0
    for rx in patterns:
        assert repr(parse_source(rx.pattern, rx.flags, part=part)) == repr(parse_pattern(rx)), rx.pattern[:60]
        spliced += f"(?:{part})" in rx.pattern
    assert spliced > 20
    # under a repeat, twice in one pattern, and beginning branches (which sre's parser merges or factors)
    for source in (f"(?:{part})?x", f"a(?:(?:{part}),\\s+)+b|(?:{part})", f"(?:(?:{part})y|(?:{part})x)", f"(?:(?:{part})|z)"):
        assert repr(parse_source(source, re.I, part=part)) == repr(parse_source(source, re.I))


def test_case_free_copies_find_on_the_folded_text_what_the_pattern_finds():
    from miner.nlp.grading_gates import _case_free

    assert _case_free(re.compile(r"\bgood\b(?-i:[A-Z])", re.I)) is None  # inline flags
    assert _case_free(re.compile(r"\x41rea", re.I)) is None and _case_free(re.compile(r"Area", re.I)) is None
    assert _case_free(re.compile(r"area")) is None  # not case-insensitive: nothing to gain
    patterns = [rx for rx in vars(gradings).values() if isinstance(rx, re.Pattern) and _case_free(rx) is not None]
    assert len(patterns) > 15
    for rx in patterns:
        free = _case_free(rx)
        for text in SENTENCES + TRICKY:
            low = fold(text)
            if low is None:
                continue
            assert [m.span() for m in free.finditer(low)] == [m.span() for m in rx.finditer(text)], (rx.pattern[:60], text)
