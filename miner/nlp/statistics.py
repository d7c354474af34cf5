"""`miner_statistics`: figures with their unit, what they measure, period and change.

Candidates come from one regular expression over each sentence that holds a
digit or a number word; exclusions (years, dates, phone numbers, paragraph
and page numbers, reading times, URLs, ages, grading scores and a rating's
points, groups referred to, narrative time gaps, references and addresses, rate
bases, distances) are checked on the context. A change "from X ... to Y", "by
27 per cent, to 1,012" or "24 at the last inspection, had fallen to 17" is one
figure; a threshold or span ("for more than 24 hours", "in the previous 12
months") is dropped when it qualifies another figure of its clause, whose
measure or period it is; the base of "22 of the 57 cases" is dropped where the
document gave that count before.

For speed (the records are the same as with the plain patterns, which
tests/test_statistics_paths.py checks): where a candidate can start is found
once per document (`candidate_offsets`), only the sentences holding one are
visited (less numbered paragraphs' "12.", `_BARE_NUMBER`), only the
alternatives that can start at an offset are tried (number words looked for
only where they matter), the cheapest exclusions come first, and the
case-insensitive patterns run without re.I on the folded text (`_without_case`).
Patterns anchored after a figure match in place (pos, endpos) rather than on
slices, wherever none of them can tell the difference: with a few thousand
candidates per report, the Python work around each test is the cost.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from miner.nlp.context import Sentence, get_context, set_span_group, span_key, span_offsets
from miner.nlp.numbers import DIGITS, FRACTIONS, MULTIPLIERS, NUMBER_WORD, UNITS, parse_number
from miner.nlp.organisations import OrganisationIndex
from miner.nlp.scan import Literals, finditer_at, fold
from miner.nlp.word_starts import WordStarts

SPANS_KEY = "statistics"
# The span extensions each figure sets, in set_span_values' order (see StatisticExtractor.__call__).
_SPAN_FIELDS = ("organisation_id", "value", "unit", "measure", "period", "change_from", "change_to", "change_pct", "direction")

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_SCALE = r"(?:\s*(?:million|billion|thousand|bn|mn|m|k)\b)?"
_NUM = rf"(?:{DIGITS})"
_WORDNUM = rf"(?:{NUMBER_WORD})"
_FRACTION = r"(?:two[- ]thirds|three[- ]quarters|two fifths|a third|one third|a quarter|one quarter|a fifth|one fifth|a tenth|one tenth|half|a half)"
_DURATION_UNITS = r"(?:(?:working |calendar )?days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|weeks?|months?|years?)"
# A duration as a unit-adjective of a target or a wait ("twice the 18-minute target", "a four-hour
# wait"); one naming a period or a plan ("a 12-month period", "a three-year plan") is none.
_UNIT_ADJECTIVE = r"-(?:second|minute|hour|day|week|month|year)\b(?=\s+(?:(?:national|response|local)\s+)?(?:target|standard|wait|waits|limit|maximum|deadline)\b)"

# A number word counts the plural noun after it, whatever words describe it ("nine London
# boroughs", "ten probation delivery units"), or stands for a noun just named ("Of these, five
# have since been moved out"). No function word may describe the noun, and the noun is no
# function word ending in "s".
_NOT_MODIFIER = (
    r"(?:of|the|a|an|and|or|but|nor|to|in|on|at|for|by|with|from|as|into|than|per|out|up|down|over|under|after|before|since|during|"
    r"is|was|were|are|be|been|being|has|have|had|do|does|did|can|could|will|would|should|may|might|must|"
    r"that|which|who|whom|whose|this|these|those|it|its|their|his|her|our|your|not|no|if|so|then|when|where|while|also|still|only|just|all|both|each|every|"
    r"hundred|thousand|million)"
)
_NOT_PLURAL = r"(?:is|was|has|its|this|his|us|as|does|always|across|thus|less|unless|perhaps|whereas|yes|various|previous|serious|plus|means|whilst)"
_WORD_PARTS = [
    rf"(?P<money>£\s?{_NUM}{_SCALE})",
    rf"(?P<ratio>\b(?:{_WORDNUM}|\d{{1,3}})\s+(?:in|out of)\s+(?:every\s+)?(?!(?:19|20)\d\d\b)(?:{_WORDNUM}|\d{{1,3}}(?:,\d{{3}})?)\b(?!\s*(?:areas|categories|questions)\b|\s+of\s+(?:the\s+|these\s+|its\s+|their\s+)?(?:\d|{_WORDNUM}\b)))",
    rf"(?P<fraction>\b(?:almost |nearly |around |about |more than |over |just over |just under |under )?{_FRACTION}(?=\s+(?:of|the|had|have|has|were|was|are|is|did|do|as|said|took|received)\b))",
    rf"(?P<byfraction>(?<=\bby )(?:almost |nearly |around |about |more than |over |just over |just under |under )?{_FRACTION}\b|(?<=\bof more than ){_FRACTION}\b|(?<=\bof ){_FRACTION}\b(?=\s*(?:[,.;]|$)))",
    rf"(?P<multiplier>\b(?:doubled|tripled|trebled|quadrupled|halved)\b|\b(?:double|treble|triple|twice)\b(?=\s+(?:the|its|that|what|as|their|those)\b)|\b(?:{_WORDNUM}|\d+(?:\.\d+)?)\s+times\b(?=\s+(?:more|higher|greater|as|the|larger|bigger|lower|fewer)\b|\s*[,.;]|\s*$)|\bhalf as\b)",
    rf"(?P<percent>(?<![\w.£])(?:{_NUM}|{_WORDNUM})\s*(?:%|per\s?cent\b|percent\b|percentage points?\b|pp\b))",
    rf"(?P<rate>(?<![\w.£]){_NUM}{_SCALE}\s+(?:[a-z-]+\s+){{0,3}}?(?:per|for every|in every)\s+(?:1,000|1000|100,000|100000|10,000|100(?![,\d])|thousand|head|capita)\b(?:\s+(?:people|population|residents|officers|children))?"
    # A caseload or ratio of people to staff ("16 children per worker") is a rate; "10.4 days per
    # officer" stays a duration, so no time unit may come between the figure and "per".
    rf"|(?<![\w.£])(?:{_NUM}|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)\b)\s+(?!(?:working\s+|calendar\s+)?(?:days?|hours?|minutes?|seconds?|weeks?|months?|years?)\b)(?:[a-z-]+\s+){{0,3}}?per\s+(?:(?:qualified|social|case|support|youth|probation|prison|police|frontline|front-line|full-time)\s+)?(?:worker|workers|officer|practitioner|staff member|member of staff|caseworker|carer|teacher|nurse|doctor|manager|team)\b)",
    rf"(?P<duration>(?<![\w.£])(?:{_NUM}|{_WORDNUM})(?:\s+{_DURATION_UNITS}\b|{_UNIT_ADJECTIVE}))",
    rf"(?P<count>(?<![\w.£/:-]){_NUM}{_SCALE}(?![\w/%]|\.\d|-(?!strong)))",
    rf"(?P<wordcount>\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b(?=\s+(?:(?!{_NOT_MODIFIER}\b)[a-z][a-z'’-]*\s+){{0,2}}(?!{_NOT_PLURAL}\b)(?:[a-z][a-z'’-]*s|people|children|men|women)\b|\s+(?:have|had|were|are|remain|remained)\b"
    # "nine of the 23 cases", "six of the earlier recommendations" (the framework's parts are none)
    rf"|\s+of\s+the\s+(?:\d[\d,]*\s+)?(?:(?!{_NOT_MODIFIER}\b)[a-z][a-z'’-]*\s+){{0,2}}(?!{_NOT_PLURAL}\b)(?:[a-z][a-z'’-]*s|people|children|men|women)\b)"
    # counts per judgement of the recommendations just named ("reasonable progress in one,
    # insufficient progress in three"), and one cause of concern or recommendation
    rf"|(?<=progress in )(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?=\s*(?:[,.;]|and\b|$))"
    rf"|\bone\b(?=\s+(?:cause of concern|area for improvement|recommendation|requirement)\b))",
]
_CANDIDATE = re.compile("|".join(_WORD_PARTS), re.I)
# The same alternatives without number words, for the many sentences that
# have none: the word lists are what make the full pattern slow.
_DIGIT_PARTS = [
    rf"(?P<money>£\s?{_NUM}{_SCALE})",
    rf"(?P<ratio>\b\d{{1,3}}\s+(?:in|out of)\s+(?:every\s+)?(?!(?:19|20)\d\d\b)\d{{1,3}}(?:,\d{{3}})?\b(?!\s*(?:areas|categories|questions)\b|\s+of\s+(?:the\s+|these\s+|its\s+|their\s+)?(?:\d|{_WORDNUM}\b)))",
    rf"(?P<multiplier>\b(?:doubled|tripled|trebled|quadrupled|halved)\b|\b(?:double|treble|triple|twice)\b(?=\s+(?:the|its|that|what|as|their|those)\b)|\b\d+(?:\.\d+)?\s+times\b(?=\s+(?:more|higher|greater|as|the|larger|bigger|lower|fewer)\b|\s*[,.;]|\s*$))",
    rf"(?P<percent>(?<![\w.£]){_NUM}\s*(?:%|per\s?cent\b|percent\b|percentage points?\b|pp\b))",
    _WORD_PARTS[6],
    rf"(?P<duration>(?<![\w.£]){_NUM}(?:\s+{_DURATION_UNITS}\b|{_UNIT_ADJECTIVE}))",
    _WORD_PARTS[8],
]
_CANDIDATE_DIGITS = re.compile("|".join(_DIGIT_PARTS), re.I)
_NUMBER_WORDS = re.compile(
    rf"\b(?:{'|'.join(w for w in UNITS if w not in ('a', 'an', 'no', 'single'))}|half|halved|third|thirds|quarter|quarters|fifth|fifths|tenth|double|treble|triple)\b",
    re.I,
)
_DIGIT_OR_WORD = re.compile(r"\d|£")
# Literal prefilters (miner.nlp.scan). Every candidate match starts with a
# digit, "£", a number or fraction word, a modifier ("almost ...") or a
# multiplier ("doubled").
_CANDIDATE_STARTS = Literals(
    [*"0123456789£", *(w for w in UNITS if w not in ("a", "an", "no", "single")), "a third", "a quarter", "a fifth", "a tenth",
     "a half", "half", "almost", "nearly", "around", "about", "more than", "over", "just", "under",
     "doubled", "tripled", "trebled", "quadrupled", "halved", "double", "treble", "triple", "twice"]
)
_PHONE_STARTS = Literals(["+44", "(", "0"])
_ASCII_DIGITS = frozenset("0123456789")
_IS_DIGIT = np.zeros(256, dtype=bool)  # by byte, as in WordStarts.codes
_IS_DIGIT[np.frombuffer(b"0123456789", dtype=np.uint8)] = True
_NON_ASCII_DIGIT = re.compile(r"[^\x00-\x7f\D]")

_CHANGE = re.compile(
    r"\b(?P<verb>rose|risen|rising|rises|increased|increasing|increases|grew|grown|climbed|jumped|soared|went up|(?<!\bmake )(?<!\bmakes )(?<!\bmade )(?<!\bmaking )up|fell|fallen|falling|falls|decreased|decreasing|dropped|declined|reduced|went down|down|cut|dropping)\b"
    r"(?:\s+(?:by|to|from|almost|nearly|about|around|more than|over|some|just))*\s*$",
    re.I,
)
_UP_WORDS = {"rose", "risen", "rising", "rises", "increased", "increasing", "increases", "grew", "grown", "climbed", "jumped", "soared", "went up", "up"}
# A change written "from X ... to Y" whose earlier figure carries its own unit,
# period or base before the "to" ("fell from 598 in March 2021 to 512", "from
# 22 children to 16", "from 6.1 days per officer in 2019 to 8.3 days", "from 50.1
# per 1,000 population in 2015 to 70.2", "from about 1,400 at the last inspection
# to more than 7,000"): matched at the earlier figure, whose candidate starts
# just after "from" (`_FROM_BEFORE`). Up to nine words, years and rate bases may
# come between; none of them a figure of its own.
_FROM_MODIFIER = r"(?:about|around|over|under|nearly|almost|some|just over|just under|more than|less than|fewer than|approximately|an average of)"
_FROM_BEFORE = re.compile(rf"\bfrom\s+(?:{_FROM_MODIFIER}\s+)?$", re.I)
# "varies from £1,020 in one council to £1,390 in another": a spread across places, two
# figures, no change.
_SPREAD_BEFORE = re.compile(r"\b(?:var(?:y|ies|ied|ying)|rang(?:e|es|ed|ing))\s+from\s+$", re.I)
_FROM_TO_AT = re.compile(
    rf"(?P<from>£?\s?(?:{_NUM}{_SCALE}|{_WORDNUM}))(?:\s*(?:%|per\s?cent\b|percent\b))?"
    rf"(?:,?\s+(?:(?!to\b)(?:[a-z'’()-]+|(?:19|20)\d\d(?:\s*[/–-]\s*\d{{2,4}})?|1,?000|10,?000|100,?000)|to\s+{_MONTH}\s+(?:19|20)\d\d)){{0,9}}?"
    rf"\s*,?\s+to\s+(?:{_FROM_MODIFIER}\s+)?(?P<to>£?\s?(?:{_NUM}{_SCALE}|{_WORDNUM}))(?![\w,.]\d|[\w-])(?:\s+(?P<to_unit>{_DURATION_UNITS})\b)?",
    re.I,
)
_PERIOD = re.compile(
    rf"\b(?:in|during|for|by|over|since|between|from|of|to)\s+(?P<period>(?:the\s+)?(?:(?:financial\s+)?year\s+(?:to|ending)\s+(?:{_MONTH}\s+)?(?:19|20)\d\d|(?:19|20)\d\d(?:\s*[/–-]\s*\d{{2,4}})?(?:\s+and\s+(?:19|20)\d\d)?|(?:the\s+)?(?:last|past|previous)\s+(?:\w+\s+)?(?:years?|months?|twelve months|12 months)|(?:{_WORDNUM}|\d+)\s+years))",
    re.I,
)
_STOP_WORDS = {
    "was", "were", "is", "are", "had", "has", "have", "be", "been", "being", "in", "on", "at", "by", "from", "to",
    "for", "with", "than", "and", "but", "which", "that", "who", "compared", "since", "during", "over", "this",
    "last", "per", "after", "before", "within", "across", "while", "when", "where", "a", "an", "it", "its",
    "they", "their", "the", "between", "into", "under", "according", "up", "down", "rose", "fell", "increased",
    "decreased", "or", "as", "so", "not", "out", "will", "would", "could", "should", "can", "did", "do", "does",
}
_MEASURE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(slots=True)  # some 2,600 made per pass over the real reports; slots make them and their attribute reads cheaper
class _Stat:
    start: int
    end: int
    value: float
    unit: str
    measure: str | None = None
    period: str | None = None
    change_from: float | None = None
    change_to: float | None = None
    change_pct: float | None = None
    direction: str | None = None
    # A threshold or span that qualifies another figure of the sentence ("186 contacts
    # had waited more than 24 hours"): dropped when the sentence has such a figure.
    qualifies: bool = False
    # The base of "22 of the 57 cases": dropped by the component when the document gave that
    # count before ("We inspected 57 cases."), which it refers back to (ANNOTATION.md).
    base: bool = False
    # A base of any noun: "640 places for a population of more than 1,100" after "1,100 men".
    any_noun: bool = False


# A table's row flattened by a PDF: a label, then two or more figures ("North East 12 9 75 +17",
# "England 153 95 62 +14"); a headline does not end in a run of bare figures.
_FLAT_ROW = re.compile(r"[A-Z][A-Za-z ,'’&()-]{0,60}?(?:[ \t]+[+−–-]?\d[\d,.]*%?){2,}[ \t]*$")
_FLAT_CELL = re.compile(r"(?<!\S)[+−–-]?\d[\d,.]*%?(?=\s|$)")
# The units a table's column heads give their cells: "Share (%)", "Change since 2019
# (percentage points)"; a "Score" column's cells are grades (CQC's quality statements 1-4).
_COLUMN_UNIT = re.compile(r"\(\s*(?P<pp>percentage points|pp|% points)\s*\)|\(\s*(?P<pct>%|per ?cent)\s*\)", re.I)
_COLUMN_SCORE = re.compile(r"\s*scores?\s*$", re.I)
_SCORES = frozenset("1234")


def _cell_index(text: str, start: int) -> int:
    """Which figure of a flattened row `start` is, counting from the row's end (-1 the last)."""
    cells = [m.start() for m in _FLAT_CELL.finditer(text)]
    for i, cell in enumerate(cells):
        if cell <= start < cell + 2 or (cell == start - 1 and text[cell] in "+−–-"):
            return i - len(cells)
    return 0


def _column_unit(head: str) -> str | None:
    if _COLUMN_SCORE.match(head):
        return "score"
    m = _COLUMN_UNIT.search(head)
    if m is None:
        return None
    return "percentage_points" if m.group("pp") else "percent"


def _column_units(ctx, sent, text: str) -> dict | None:
    """The units of a table row's cells by column, from its table's head: for a row of
    cells ("| North East | 12 | 9 | 75 | +17 |"), the first row of its table, cell by cell;
    for a row a PDF flattened, the units the head's lines name ("(%)", "(percentage
    points)"), in order, for the row's last figures. None when `sent` is no such row."""
    block = ctx.block_index(sent.start_char)
    if block is None:
        return None
    kinds, starts, ends, whole = ctx.kinds, ctx.starts, ctx.ends, ctx.text
    if kinds[block] == "table_row":
        first = block
        while first > 0 and kinds[first - 1] == "table_row":
            first -= 1
        if first == block:
            return {}
        heads = whole[starts[first]:ends[first]].split("|")
        units = {"piped": True}
        offset = 1 if text.lstrip().startswith("|") else 0
        lead = 1 if whole[starts[first]:ends[first]].lstrip().startswith("|") else 0
        for i, head in enumerate(heads):
            unit = _column_unit(head)
            if unit is not None:
                units[i - lead + offset] = unit
        return units
    if "|" in text or not _FLAT_ROW.match(text):
        return None
    if all(cell in _SCORES for cell in _FLAT_CELL.findall(text)):
        return None  # a score table's row ("Safety 1 2", the healthy prison tests): grades, as a headline's are dropped
    # A flattened row: the head's lines before the table's first row, back to prose.
    found: list[str] = []
    i = block - 1
    while i >= 0 and block - i <= 20:
        line = whole[starts[i]:ends[i]].strip()
        if line.endswith((".", ":")) and len(line) > 80:
            break
        if not _FLAT_ROW.match(line):
            found[:0] = [("percentage_points" if m.group("pp") else "percent") for m in _COLUMN_UNIT.finditer(line)]
        i -= 1
    cells = len(_FLAT_CELL.findall(text))
    return {k - len(found): unit for k, unit in enumerate(found)} if 0 < len(found) <= cells else {}


class StatisticExtractor:
    def __init__(self, nlp: Language, name: str = "miner_statistics"):
        self.nlp = nlp
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        pass

    def __call__(self, doc: Doc) -> Doc:
        ctx = get_context(doc)
        orgs = OrganisationIndex(doc)
        user_data = doc.user_data  # span._.count without an Underscore object per span (context.span_key)
        # The gradings that are counts ("inadequate in two of eight areas"): a figure
        # starting inside one is theirs. As starts with the furthest end reached so
        # far, for one bisection per figure.
        grading_ranges = sorted((start, end) for start, end in span_offsets(doc, "gradings") if user_data.get(span_key("count", start, end)) is not None)
        grading_starts = [start for start, _ in grading_ranges]
        grading_reach = list(itertools.accumulate((end for _, end in grading_ranges), max))
        spans: list[Span] = []
        span_starts: list[int] = []  # the spans' offsets, for set_span_group (no attribute read per span)
        span_ends: list[int] = []
        char_span = doc.char_span
        for sent, low, candidate_offsets, is_block_start, heading, figure_start in _sentences_with_candidates(ctx):
            text = sent.text
            s_start = sent.start_char
            # Whether the sentence has a number word is found out only where it
            # matters: here, without a figure, and in _candidates.
            number_words = None
            if not figure_start:
                number_words = _number_words(text, low, candidate_offsets)
                if not number_words and not _DIGIT_OR_WORD.search(text):
                    continue
            columns = None
            if "|" in text or (text[-1:] in _ASCII_DIGITS and len(text) < 90 and _FLAT_ROW.match(text)):
                # A table's row: its cells' units from the column heads, no headline
                # ("North East 12 9 75 +17" set as a heading by the PDF's layout).
                columns = _column_units(ctx, sent, text)
                if columns is not None:
                    heading = False
            for stat in find_statistics(text, is_block_start=is_block_start, low=low, number_words=number_words, offsets=(candidate_offsets, None), counts_dropped=heading):
                if columns and stat.unit == "count":
                    unit = columns.get(text.count("|", 0, stat.start) if columns.get("piped") else _cell_index(text, stat.start))
                    if unit == "score":
                        if stat.value in (1, 2, 3, 4):
                            continue  # a score column's cell ("Learning culture | 2") is a grade, no count
                    elif unit is not None:
                        stat.unit = unit
                start = s_start + stat.start
                end = s_start + stat.end
                if heading and (stat.unit == "count" or stat.unit in _TIME_UNITS and not text.rstrip().endswith(":")):
                    continue  # a headline's count or span of time ("Seven days to sound the alarm") restates the body's or is a gap;
                    # a list's lead-in keeps its deadline ("Within three months, the force should:")
                if grading_starts and (i := bisect.bisect_right(grading_starts, start)) and grading_reach[i - 1] > start:
                    continue
                if stat.base and _given_before(stat, spans, user_data):
                    continue  # "In 22 of the 57 cases" after "We inspected 57 cases."
                span = char_span(start, end, label=stat.unit, alignment_mode="expand")
                if span is None:
                    continue
                # set_span_values without a dict per figure: the keys of span_key, written directly.
                span_start, span_end = span.start_char, span.end_char
                for name, value in zip(_SPAN_FIELDS, (
                    orgs.near(start, s_start), stat.value, stat.unit, stat.measure, stat.period,
                    stat.change_from, stat.change_to, stat.change_pct, stat.direction,
                )):
                    user_data[("._.", name, span_start, span_end)] = value
                spans.append(span)
                span_starts.append(span_start)
                span_ends.append(span_end)
        set_span_group(doc, SPANS_KEY, spans, span_starts, span_ends)
        return doc


def _given_before(base: _Stat, spans: list[Span], user_data: dict) -> bool:
    """Whether a count of the same value and noun as the base is among the figures found
    before it (`spans`, whose values are in `user_data`). Bases are few: a scan is cheap."""
    if base.any_noun:
        return any(span.label_ == "count" and user_data.get(span_key("value", span.start_char, span.end_char)) == base.value for span in spans)
    if not base.measure:
        return False
    noun = base.measure.split(None, 1)[0].lower()
    for span in spans:
        key = (span.start_char, span.end_char)
        if span.label_ == "count" and user_data.get(span_key("value", *key)) == base.value:
            measure = user_data.get(span_key("measure", *key))
            if measure and noun in measure.lower().split():
                return True
    return False


# A sentence that is only a number at the start of its block - a numbered
# paragraph's "12." - holds no statistic: its one candidate is a `count` at
# offset 0, which `_excluded` drops at a block's start, and nothing after it can
# start another. Such sentences are a third of those with a candidate in a
# report, so the component skips them before any per-sentence work.
_BARE_NUMBER = re.compile(r"[0-9]+\.?")
_BARE_NUMBER_LENGTH = 12  # longer ones (none in practice) take the usual path
# A letter before a count at a block's start makes it a figure ("In 23 of them"), not a
# numbered paragraph's "12 ...".
_WORD_BEFORE_IN = re.compile(r"[A-Za-z]")


# What must follow a modifier for a candidate to start at it: the modifiers
# ("about", "over", "just over", "more than") begin only the fraction rules,
# and there a fraction ("two thirds", "a quarter", "half") comes next.
_FRACTION_START = r" (?:two|three|a |one|half)"
_MODIFIER_FOLLOWS = {
    **dict.fromkeys(("almost", "nearly", "around", "about", "over", "under"), _FRACTION_START),
    "just": rf" (?:over|under){_FRACTION_START}",
    "more than": rf" than{_FRACTION_START}",
}


def _start_alternatives(literals: Literals) -> tuple[str, list[str]]:
    """`literals`' words that begin with a word character, as a regex alternation over
    folded text, and the others ("£"). A phrase ("a third") is matched by its first
    word with the rest as a look-ahead, so that a match never covers another word's
    start ("a half" and "half"); a modifier only where a fraction follows."""
    word, other = [], []
    for literal in literals.words:
        first, space, rest = literal.partition(" ")
        follows = _MODIFIER_FOLLOWS.get(literal, re.escape(space + rest) if space else "")
        if re.fullmatch(r"\w+", first):
            word.append(re.escape(first) + (f"(?={follows})" if follows else ""))
        elif re.search(r"\w", literal) is None:
            other.append(literal)
        else:
            raise ValueError(f"candidate start mixes word and other characters: {literal!r}")
    return "|".join(word), other


_WORD_STARTS, _OTHER_STARTS = _start_alternatives(_CANDIDATE_STARTS)
_WORD_START_AT = re.compile(_WORD_STARTS)
# Every alternative of _CANDIDATE but `money` ("£") begins with a word
# character behind \b or a (?<![\w.£]) look-behind, so it cannot match where
# the character before, in its sentence, is a word character: those offsets
# (digits inside "2023", "one" inside "done", "over" inside "however") are
# dropped in one vectorised pass over the folded document (word_starts), and
# the few left are checked with `_WORD_START_AT`. A sentence's first offset has
# no character before it in the sentence: sentence starts that follow a word
# character directly are checked on their own.
_WORD_SCAN = WordStarts(w for w in _CANDIDATE_STARTS.words if re.match(r"\w", w))


def candidate_offsets(low: str, sentence_starts: list[int]) -> list[int]:
    """Sorted offsets in the folded text `low` where a match of `_CANDIDATE` (or
    `_CANDIDATE_DIGITS`) within the sentence that starts at the last of
    `sentence_starts` at or before it can begin: the offsets of
    `_CANDIDATE_STARTS`' words, less those preceded by a word character of the
    same sentence and modifiers without a fraction after them (see above)."""
    codes = _WORD_SCAN.codes(low)
    match_at = _WORD_START_AT.match
    found = _WORD_SCAN.positions(low, codes)
    # A digit starts a candidate as it is; a word only where `_WORD_START_AT` matches.
    keep = _IS_DIGIT[codes[found]]
    words = np.flatnonzero(~keep)
    keep[words[[match_at(low, p) is not None for p in found[words].tolist()]]] = True
    offsets = found[keep].tolist()
    starts = np.asarray(sentence_starts, dtype=np.intp)
    starts = starts[starts > 0]
    extra = [s for s in starts[_WORD_SCAN.word_before(codes, starts)].tolist() if match_at(low, s)]
    for literal in _OTHER_STARTS:
        i = low.find(literal)
        while i >= 0:
            extra.append(i)
            i = low.find(literal, i + 1)
    if extra:
        offsets = sorted(set(offsets).union(extra))
    return offsets


def _sentences_with_candidates(ctx) -> Iterator[tuple[Sentence, str | None, list[int] | None, bool, bool, bool]]:
    """The sentences in which a candidate may start, each with its folded text, those
    offsets (relative to it), whether it starts its block, whether that block is a
    heading, and whether a digit or "£" is at one of the offsets; every sentence,
    with offsets None, when the text cannot be folded. Numbered paragraphs' "12."
    (see _BARE_NUMBER) are left out.

    Per sentence (6,781 with a candidate on the 39 real reports, 3,069 of them
    numbered paragraphs) this is the only Python work before find_statistics:
    plain lists and one bisection, no method calls (numpy per document costs
    more than it saves on the short documents of the annotated corpus)."""
    low = ctx.folded(0, len(ctx.text))
    block_starts, kinds = ctx.starts, ctx.kinds
    groups = ((sent, None, False) for sent in ctx.sentences) if low is None else _offset_groups(ctx, low)
    for sent, found, figure_start in groups:
        s_start, s_end = sent.start_char, sent.end_char
        block = bisect.bisect_right(block_starts, s_start) - 1
        is_block_start = block >= 0 and block_starts[block] == s_start
        if is_block_start and s_end - s_start <= _BARE_NUMBER_LENGTH and _BARE_NUMBER.fullmatch(sent.text):
            continue  # a paragraph's number ("12."): see _BARE_NUMBER
        sentence_low = low[s_start:s_end] if low is not None else ctx.folded(s_start, s_end)
        yield sent, sentence_low, found, is_block_start, block >= 0 and kinds[block] == "heading", figure_start


def _offset_groups(ctx, low: str) -> Iterator[tuple[Sentence, list[int], bool]]:
    """The candidate offsets of the folded text `low`, by sentence (relative to it),
    with whether a digit or "£" is at one of them."""
    offsets = np.asarray(candidate_offsets(low, ctx.sentence_starts), dtype=np.intp)
    if not len(offsets) or not ctx.sentences:
        return
    # The sentence of each offset; offsets before the first sentence or in the
    # whitespace after one (none in practice) belong to none.
    which = np.searchsorted(np.asarray(ctx.sentence_starts, dtype=np.intp), offsets, side="right") - 1
    sentences = ctx.sentences
    current, sent, found, figure_start = -1, None, [], False
    for p, k in zip(offsets.tolist(), which.tolist()):
        if k != current:
            if found:
                yield sent, found, figure_start
            current, sent, found, figure_start = k, sentences[k] if k >= 0 else None, [], False
        if sent is not None and p < sent.end_char:
            found.append(p - sent.start_char)
            if not figure_start and low[p] in _DIGITS_AND_POUND:
                figure_start = True
    if found:
        yield sent, found, figure_start


_FRACTION_NUMBER_WORDS = ("third", "quarter", "fifth", "tenth")


def _has_number_word(sentence: str, low: str | None, offsets: list[int]) -> bool:
    """`_NUMBER_WORDS.search(sentence) is not None`, given the candidate offsets:
    a number word starts behind a word boundary, so at one of them, unless it
    is one of the few (`_FRACTION_NUMBER_WORDS`) that are not candidate starts."""
    text, rx = (sentence, _NUMBER_WORDS) if low is None else (low, _F_NUMBER_WORDS)
    for p in offsets:
        if sentence[p] not in _DIGITS_AND_POUND and rx.match(text, p):
            return True
    if low is None or any(w in low for w in _FRACTION_NUMBER_WORDS):
        return rx.search(text) is not None
    return False


_DIGITS_AND_POUND = frozenset("0123456789£")


_COMPARISON = re.compile(
    rf"\s*,?\s*(?:\(|–|-)?\s*(?:(?:up|down|rising|falling|increasing|decreasing|an? (?:increase|rise|fall|drop|reduction|decrease))\s+)?"
    rf"(?:from|compared with|compared to|against|versus|vs\.?|than)\s+(?:a\s+|the\s+)?(?:(?:rate|figure|level|total|proportion) of\s+)?(?:just\s+|about\s+|around\s+|some\s+)?"
    rf"(?P<num>£?\s?{_NUM}{_SCALE})\s*(?:%|per\s?cent|percent)?",
    re.I,
)
_CHANGE_PCT = re.compile(
    rf"(?:\s+(?:in|at|by|during)\s+[^,.;]{{1,25}}?|\s+(?:this|last|that|the same|the following|the previous)\s+(?:year|month|quarter))?\s*,?\s*(?:–|-|\()?\s*(?:(?:an?\s+)?(?:up|down|increase|rise|fall|drop|reduction|decrease|cut|jump)\s+(?:of\s+)?(?:by\s+)?(?:almost\s+|nearly\s+|about\s+|around\s+|more than\s+|over\s+|some\s+)?)"
    rf"(?P<pct>{_NUM})\s*(?:%|per\s?cent|percent)",
    re.I,
)
# A figure a correction retracts: "a figure our article wrongly gave as 28 per cent".
_RETRACTED_BEFORE = re.compile(r"\b(?:wrongly|incorrectly|mistakenly)\s+(?:gave|given|reported|stated|said|put|printed|described)\s+(?:it\s+|this\s+|them\s+|the\s+figure\s+)?as\s+(?:about\s+|around\s+)?$")


def _retracted(lowered: str, stat: _Stat) -> bool:
    """Whether a correction retracts `stat`: it comes before "the correct figure is ...",
    or after "wrongly gave as"."""
    correct = lowered.find(" correct figure ")
    if 0 <= correct and stat.end <= correct:
        return True  # "We also said 420 children were in care; the correct figure is 642."
    return _RETRACTED_BEFORE.search(lowered, stat.start - 40 if stat.start > 40 else 0, stat.start) is not None


# "ratio of 1 to 9", "the ratio was 1:29": the many per one.
_RATIO_OF_BEFORE = re.compile(r"\bratio\s+(?:of|was|is|stood\s+at|at)\s+$", re.I)
_ONE_TO_N = re.compile(r"\s*(?:to|:)\s*(\d{1,3}(?:\.\d)?)\b(?![.,]\d)")
# ", up 11 per cent" after a figure of another unit: that figure's percentage change.
_CHANGE_PCT_BEFORE = re.compile(r",\s*(?:up|down)\s+(?:by\s+)?$")
# When the inspectorate will next inspect: a modal verb and an inspection, then "within"
# a duration, in one clause. (A deadline set for the inspected body, "must set out within
# 28 days", stays a statistic, as the corpus has it.)
_MODAL = r"\b(?:will|could|should|must|may|might|would|shall)\b"
_DEADLINE_BEFORE = re.compile(
    rf"(?:{_MODAL}[^,;:]*\b(?:re)?inspect|\b(?:re)?inspect[^,;:]*{_MODAL}|\bmonitoring visit[^,;:]*{_MODAL})[^,;:]*\bwithin\s+(?:approximately\s+|about\s+|around\s+|up to\s+)?$")
# ... or the next inspection "is expected within three years", "is not expected for at least three years".
_NEXT_INSPECTION_BEFORE = re.compile(r"\b(?:next|further|full|new)\s+(?:[a-z]+\s+)?(?:inspection|visit)\b[^,;:]*\b(?:expected|due|planned|scheduled)\s+(?:for|within|in)\s+(?:at least\s+|approximately\s+|about\s+|around\s+|up to\s+)?$", re.I)
_PHONE = re.compile(r"(?:\+44\s?\(?0?\)?|\(?\b0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")  # "(?!\d)": also before a run-on "www."
_QUALIFIER = re.compile(r"\b(?:within|in|inside|under)\s+(?:the\s+)?$", re.I)


# The alternatives of each candidate pattern that can match at an offset whose
# first character is a digit, a letter or "£" (in their order, so the same
# alternative wins): at a digit there is no point trying the fraction and
# number-word rules, at a letter none of the digit-only ones.
_DIGIT_START_KINDS = ("ratio", "multiplier", "percent", "rate", "duration", "count")
_LETTER_START_KINDS = ("ratio", "fraction", "byfraction", "multiplier", "percent", "duration", "wordcount")
# ... and with `rate` ("nine children per case manager"), tried at a letter only where "per" follows.
_LETTER_START_KINDS_PER = ("ratio", "fraction", "byfraction", "multiplier", "percent", "rate", "duration", "wordcount")


def _alternatives(parts: list[str], kinds: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(p for p in parts if re.match(r"\(\?P<(\w+)>", p).group(1) in kinds), re.I)


_BY_FIRST_CHARACTER = {
    number_words: (_alternatives(parts, _DIGIT_START_KINDS), _alternatives(parts, ("money",)), _alternatives(parts, _LETTER_START_KINDS), full)
    for number_words, parts, full in ((True, _WORD_PARTS, _CANDIDATE), (False, _DIGIT_PARTS, _CANDIDATE_DIGITS))
}
_LETTER_PER = {number_words: _alternatives(parts, _LETTER_START_KINDS_PER) for number_words, parts in ((True, _WORD_PARTS), (False, _DIGIT_PARTS))}
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


# At a digit, what follows the number rules out most alternatives: every one
# but `count` and `rate` needs a particular next character once the number
# (digits, "," and ".") and any space after it are passed - "%" or "p" for a
# percentage, a space and then "in"/"out of" for a ratio, "times" for a
# multiplier, a unit for a duration - and `rate` needs "per" somewhere after.
# Only the alternatives left are tried (in their order, so the same one wins):
# for most numbers, `count` alone.
_AFTER_NUMBER = re.compile(r"[\d,.]*(\s*)(.?)", re.S)
_RATIO_NEXT = frozenset("io")
_PERCENT_NEXT = frozenset("%p")
_DURATION_NEXT = frozenset("wcdhmsy")  # (working, calendar) days, hours, minutes, seconds, weeks, months, years
_NEXT_MATTERS = _RATIO_NEXT | _PERCENT_NEXT | _DURATION_NEXT | {"t", "-"}  # any other character is as good as none
# Folded patterns by (number words?, next character, space before it?, "per" after?).
_BY_NEXT: dict[tuple[bool, str, bool, bool], re.Pattern] = {}


def _digit_alternatives(number_words: bool, following: str, spaced: bool, per_after: bool) -> re.Pattern:
    key = (number_words, following, spaced, per_after)
    rx = _BY_NEXT.get(key)
    if rx is None:
        kinds = (
            *(("ratio",) if spaced and following in _RATIO_NEXT else ()),
            *(("multiplier",) if spaced and following == "t" else ()),
            *(("percent",) if following in _PERCENT_NEXT else ()),
            *(("rate",) if per_after else ()),
            *(("duration",) if (spaced and following in _DURATION_NEXT) or (following == "-" and not spaced) else ()),
            "count",
        )
        rx = _BY_NEXT[key] = _without_case(_alternatives(_WORD_PARTS if number_words else _DIGIT_PARTS, kinds))
    return rx


def _candidates(sentence: str, low: str | None, number_words: bool | None, offsets: list[int] | None) -> Iterator[re.Match]:
    """`(_CANDIDATE if number_words else _CANDIDATE_DIGITS).finditer(sentence)`, tried only at
    `offsets` (as scan.finditer_at) with the alternatives that can start there. The
    matches are on `low` when it is given: use their offsets, not their text.

    `number_words` None: not known yet, found out (`_number_words`) only where it
    matters. At a digit the two patterns differ only in `ratio` ("one in ten"),
    whose second number may be a word, and `money` ("£") is the same in both:
    most sentences, with figures but no ratio, never need it."""
    if offsets is None:
        if number_words is None:
            number_words = _NUMBER_WORDS.search(sentence) is not None
        yield from finditer_at(_CANDIDATE if number_words else _CANDIDATE_DIGITS, sentence, low, _CANDIDATE_STARTS)
        return
    # On the folded text, without re.IGNORECASE (see _without_case).
    text = sentence if low is None else low
    if number_words is None and low is None:
        number_words = _number_words(sentence, low, offsets)
    patterns = _BY_FIRST_CHARACTER if low is None else _F_BY_FIRST_CHARACTER
    digit, pound, letter, full = patterns[bool(number_words)]
    last_end = 0
    last_per = _last_rate_word(low) if low is not None else -1
    for p in offsets:
        if p < last_end:
            continue
        char = sentence[p]
        if char in _ASCII_DIGITS:
            if low is None:
                rx = digit
            else:
                spaced, following = _AFTER_NUMBER.match(low, p).groups()
                following = following if following in _NEXT_MATTERS else ""
                spaced = spaced != ""
                if number_words is None and spaced and following in _RATIO_NEXT:
                    number_words = _number_words(sentence, low, offsets)
                    digit, pound, letter, full = patterns[number_words]
                words = bool(number_words)  # unknown: no ratio here, either pattern
                rx = _BY_NEXT.get((words, following, spaced, last_per >= p)) or _digit_alternatives(words, following, spaced, last_per >= p)
        elif char == "£":
            rx = pound
        else:
            if number_words is None:
                number_words = _number_words(sentence, low, offsets)
                digit, pound, letter, full = patterns[number_words]
            rx = ((_LETTER_PER if low is None else _F_LETTER_PER)[bool(number_words)] if last_per >= p or low is None else letter) if char in _ASCII_LETTERS else full
        m = rx.match(text, p)
        if m:
            yield m
            last_end = m.end()


def _last_rate_word(low: str) -> int:
    """Where the last word that can begin a rate's base is in the folded sentence `low`
    (-1: none, so no `rate` can match): a "per" between spaces, not "per cent" (which is
    in most sentences with a figure, while a rate's base never is), or "every"
    ("184 children for every 10,000")."""
    last = low.rfind("every")
    i = len(low)
    while (i := low.rfind("per", 0, i)) > last:
        if i and low[i - 1].isspace() and low[i + 3:i + 4].isspace() and not low.startswith(" cent", i + 3):
            return i
    return last


def _number_words(sentence: str, low: str | None, offsets: list[int] | None) -> bool:
    """`_NUMBER_WORDS.search(sentence) is not None`, from the candidate offsets where there are some."""
    if offsets is None or low is None:
        return _NUMBER_WORDS.search(sentence) is not None
    return _has_number_word(sentence, low, offsets)


# Every period names a year ("19", "20"), "year(s)" or "last", "past", "previous".
_PERIOD_LITERALS = ("19", "20", "year", "last", "past", "previous")


class _Periods:
    """`_PERIOD.search(sentence, pos) or _PERIOD.search(sentence)` for one sentence,
    searching as little as possible: the first period is found once (and not at
    all without one of its literals), and is also the first after any offset
    before it."""

    def __init__(self, sentence: str, low: str | None):
        self.sentence, self.low = sentence, low
        self.text, self.rx = (sentence, _PERIOD) if low is None else (low, _F_PERIOD)
        self.first: re.Match | None | bool = False  # False: not searched yet

    def after(self, pos: int) -> str | None:
        """The period's text."""
        if self.first is False:
            low = self.low
            maybe = low is None or any(w in low for w in _PERIOD_LITERALS)
            self.first = self.rx.search(self.text) if maybe else None
        first = self.first
        if first is not None and first.start() < pos:
            first = self.rx.search(self.text, pos) or first
        return self.sentence[first.start("period"):first.end("period")] if first else None


def find_statistics(
    sentence: str, is_block_start: bool = False, *, low: str | None = None, number_words: bool | None = None,
    offsets: tuple[list[int] | None, list[int] | None] = (None, None), counts_dropped: bool = False,
) -> list[_Stat]:
    """Statistics in one sentence, offsets relative to it.

    A change is one statistic: "rose from 142 in 2020 to 196 in 2022, up 38
    per cent" has value 196 with change_from 142, change_to 196, change_pct 38;
    "82%, compared with 49% at the last inspection" has value 82 and
    change_from 49. A target inside a measure ("answered within ten
    seconds") is part of the measure, not a figure of its own.
    """
    # `low` (scan.fold of the sentence), `number_words` (whether _NUMBER_WORDS
    # matches; None: found out only if needed, see _candidates) and `offsets`
    # (where candidate and phone keywords start, from the document's scan) are
    # passed by the component, which has them. `counts_dropped`: the caller drops
    # the counts (a heading's), so their period is not looked for, nor their measure
    # unless a figure after them names it; they still count as figures found for the ones after them.
    if low is None:
        low = fold(sentence)
    found: list[_Stat] = []
    consumed_until = -1
    phones = None  # found when the first candidate needs them
    urls = None  # whether the sentence may hold a URL, when the first candidate needs it
    periods = None  # made for the first figure whose period is looked for
    retracted = lowered = None  # a correction's retracted figures: looked for at the first figure
    # The case-insensitive patterns run on the folded text where there is one (see _without_case).
    text = sentence if low is None else low
    qualifier, change_pct, comparison_rx = (_QUALIFIER, _CHANGE_PCT, _COMPARISON) if low is None else (_F_QUALIFIER, _F_CHANGE_PCT, _F_COMPARISON)
    for m in _candidates(sentence, low, number_words, offsets[0]):
        start, end = m.span()
        if start < consumed_until:
            continue
        kind = m.lastgroup
        surface = sentence[start:end]
        # A candidate inside a phone number and one `_excluded` drops are both
        # skipped, so the order of the two tests is free: the cheap exclusions
        # of most candidates (bare years, a number at a block's start) come
        # first, inlined, and the phone numbers are found only for a candidate
        # that passes them all.
        if kind == "count" and ((is_block_start and start <= 3 and not _WORD_BEFORE_IN.search(sentence, 0, start)) or (end - start == 4 and surface.isdecimal() and 1900 <= int(surface) <= 2099)):
            continue
        if urls is None:
            # No token can be a URL where the sentence holds none (see _in_url).
            urls = (_URL.search(sentence) if low is None else _F_URL.search(low)) is not None
        if _excluded(sentence, start, end, kind, is_block_start, low, urls):
            continue
        if phones is None:
            # A phone number has at least eight digits (\d{2,4}, \d{3,4}, \d{3,4}).
            maybe_phone = low is None or sum(map(low.count, "0123456789")) >= 8 or (not low.isascii() and _NON_ASCII_DIGIT.search(low))
            phones = [(p.start(), p.end()) for p in finditer_at(_PHONE, sentence, low, _PHONE_STARTS, offsets=offsets[1])] if maybe_phone else []
        if phones and any(a <= start < b for a, b in phones):
            continue
        stat = _interpret(kind, surface, start, end)
        if stat is None:
            continue
        if kind == "count" and end - start == 1 and surface == "1" and _RATIO_OF_BEFORE.search(text, start - 20 if start > 20 else 0, start) and (one_to := _ONE_TO_N.match(text, end, end + 12)):
            # "a staff-to-prisoner ratio of 1 to 9": how many there are per one, a rate
            # (ANNOTATION.md), one record, not two counts.
            stat.value, stat.unit, stat.end = float(one_to.group(1)), "rate", one_to.end()
            consumed_until = stat.end
        rate_of = None  # the rate a benchmark "rate of 70" is of
        if found and found[-1].change_to is None and text.find(" to ", found[-1].end, start) >= 0 and _joins_change(text, found[-1], stat):
            # "grown by 27 per cent since 2019, to 1,012", "caseloads, which averaged 24 children
            # at the last inspection, had fallen to 17": one change (ANNOTATION.md), its evidence
            # from the first figure.
            consumed_until = max(consumed_until, stat.end)
            continue
        if kind == "multiplier" and found and stat.value in (2, 3) and text.startswith(" the ", stat.end) and _EARLIER_SAME.match(text, stat.end):
            # "1,920 patients ..., double the number a year earlier": the figure before's
            # change (ANNOTATION.md: one record), change_pct 100, not a multiplier of its own.
            earlier = next((f for f in reversed(found) if not f.qualifies), found[-1])  # not "more than 12 hours"
            if earlier.change_pct is None and earlier.change_from is None:
                earlier.change_pct = (stat.value - 1) * 100
                earlier.direction = earlier.direction or "up"
                consumed_until = max(consumed_until, stat.end)
                continue
        attach = _attach_to(sentence, stat, found, low) if found else None
        if attach is not None:
            # "..., compared with 49% at our previous inspection": the earlier
            # value of a figure already found, not a figure of its own.
            attach.change_from, attach.change_to = stat.value, attach.value
            attach.direction = attach.direction or ("up" if attach.value > stat.value else "down" if attach.value < stat.value else "unchanged")
            continue
        if stat.unit in ("percent", "percentage_points") and found and found[-1].unit not in ("percent", "percentage_points") and found[-1].change_pct is None and (
                _maybe(low, start - 12 if start > 12 else 0, start, ("up", "down")) and _CHANGE_PCT_BEFORE.search(text[start - 16 if start > 16 else 0:start].lower())):
            # "£612m on children's social care, up 11 per cent in a year": the percentage
            # change of the figure before, one record (ANNOTATION.md), not a figure of its own.
            earlier = found[-1]
            earlier.change_pct = stat.value
            earlier.direction = earlier.direction or ("up" if text[start - 16 if start > 16 else 0:start].lower().rstrip().rstrip("by").rstrip().endswith("up") else "down")
            consumed_until = max(consumed_until, stat.end)
            continue
        if stat.unit in _TIME_UNITS and ((_maybe(low, start - 30 if start > 30 else 0, start, ("within",)) and _DEADLINE_BEFORE.search(text[:start].lower())) or (
                _maybe(low, 0, start, ("inspection", "visit")) and _NEXT_INSPECTION_BEFORE.search(text, 0, start))):
            # "It will be reinspected within three years": the inspection timetable, no
            # figure of the service (ANNOTATION.md).
            continue
        if stat.unit in _TIME_UNITS and qualifier.search(text[max(0, stat.start - 12):stat.start]) and any(
                f.unit in ("percent", "ratio", "count", "rate") and _CLAUSE_BREAK.search(text, f.end, stat.start) is None for f in found):
            # "82% were seen within 15 minutes": the span qualifies the figure of its clause
            # ("..., and a prisoner was out of his cell for just under two hours" is a figure of its own).
            continue
        unit = stat.unit
        if unit in _TIME_UNITS:
            if unit in _COMPOUND_SMALLER and (compound := _COMPOUND_AFTER.match(text, stat.end)) and _duration_unit(compound.group(2)) == _COMPOUND_SMALLER[unit]:
                # "9 minutes and 41 seconds" is one duration, in the smaller unit.
                smaller = parse_number(compound.group(1))
                if smaller is not None:
                    stat.value, stat.unit, stat.end = stat.value * 60 + smaller, _COMPOUND_SMALLER[unit], compound.end()
            elif _threshold_before(text, low, start):
                stat.qualifies = True
        elif unit == "count":
            if start > 8 and text.startswith(" of the ", start - 8) and _BASE_BEFORE.search(text, start - 30 if start > 30 else 0, start):
                stat.base = True  # "22 of the 57 cases"
            elif text.find("population of ", start - 40 if start > 40 else 0, start) >= 0 and _POPULATION_BEFORE.search(text, start - 60 if start > 60 else 0, start):
                stat.base = stat.any_noun = True  # "640 places for a population of more than 1,100"
            if found and (text.startswith("rate of ", start - 8 if start > 8 else 0) or (
                    text.startswith("the ", start - 4 if start > 4 else 0) and _ABOVE_THE.search(text, start - 24 if start > 24 else 0, start) and _NO_NOUN_AFTER.match(text, end))) and (
                    rate_of := next((f for f in reversed(found) if f.unit in ("rate", "per_100000")), None)):
                # "184 children for every 10,000, against a national rate of 70": the benchmark
                # of a rate is a rate (ANNOTATION.md), of what that rate counts.
                stat.unit = rate_of.unit
            elif "." in surface and _maybe(low, 0, start, ("per ",)) and (base := _RATE_BASE_BEFORE.search(text, 0, start)):
                # "Recorded crime per 1,000 population | 80.1 | 85.0": the figures of a rate named before them.
                stat.unit = "per_100000" if _HUNDRED_THOUSAND.match(base.group(1)) else "rate"
            elif text.startswith((" mi", " km", " ki"), stat.end) and _DISTANCE_AFTER.match(text, stat.end):
                continue  # a distance ("within 20 miles of home"): no unit for it, no statistic (ANNOTATION.md)
            elif (text.find(" each", stat.end, stat.end + 40) >= 0 and _EACH_AFTER.match(text, stat.end)) or (
                    text.find("each ", start - 60 if start > 60 else 0, start) >= 0 and _EACH_BEFORE.search(text, start - 60 if start > 60 else 0, start)):
                # A figure per member of staff is a rate (ANNOTATION.md): "averaging 16 children
                # each", "each case manager holds on average eight cases".
                stat.unit = "rate"
        _add_change(sentence, stat, low)
        if stat.change_from is not None and stat.change_to is not None:
            pct = change_pct.match(text, stat.end)
            if pct:
                stat.change_pct = parse_number(pct.group("pct"))
                stat.end = pct.end()
        elif stat.change_from is None:
            comparison = comparison_rx.match(text, stat.end)
            earlier = parse_number(comparison.group("num").replace("£", "").replace(" ", "")) if comparison else None
            if earlier is None or _BARE_YEAR.fullmatch(comparison.group("num")):
                pass  # "rose by 40 per cent, from 2019 to 2023": a span of years, no earlier value
            elif stat.direction and stat.unit in _CHANGE_UNITS and _SHARE_THEN_TO.match(text, comparison.end()) and comparison.group(0).lstrip(" ,(–-").lower().startswith("from"):
                # "fell by 18 per cent, from 412 to 338", "doubled, from 60 assaults to 120": the
                # change's figures follow the share; the newer one completes this record
                # (`_joins_change`), not one of its own.
                stat.change_from = earlier
                consumed_until = comparison.end()
            elif not _benchmark_after(text, low, comparison.end()) and not (
                    comparison.group(0).lstrip(" ,").lower().startswith("from") and _FROM_SOURCE.match(text, comparison.end())):
                stat.change_from, stat.change_to = earlier, stat.value
                stat.direction = stat.direction or ("up" if stat.value > earlier else "down" if stat.value < earlier else "unchanged")
                consumed_until = comparison.end()
        consumed_until = max(consumed_until, stat.end)
        if counts_dropped and stat.unit == "count":
            # A dropped count's measure is made only for a figure after it that names it
            # ("..., an increase of 12%"; see _named), and cleared below.
            found.append(stat)
            continue
        stat.measure = _measure(sentence, stat, low)
        if counts_dropped and found and (rate_of is not None or text.startswith(_BENCHMARK_STARTS, stat.end) or (
                stat.measure and (len(stat.measure) < 10 or stat.measure.endswith(_BENCHMARK_ENDS)))):
            for earlier in found:  # the figures this one may name (below)
                if earlier.unit == "count" and earlier.measure is None:
                    earlier.measure = _measure(sentence, earlier, low)
        if found and stat.measure and stat.measure.endswith(_BENCHMARK_ENDS) and _BENCHMARK_HEAD.fullmatch(stat.measure) and _COMPARED_BEFORE.search(text, start - 50 if start > 50 else 0, start) and (
                earlier := next((f for f in reversed(found) if f.unit == stat.unit and f.measure), None)):
            # "58% of 999 calls were answered within ten seconds, against a national target of 90%":
            # the target for what the figure before measures.
            stat.measure = f"{stat.measure} for {earlier.measure}"
        elif found and found[-1].measure and stat.measure and len(stat.measure) < 10 and _CHANGE_HEAD.fullmatch(stat.measure):
            # "61,300 contacts ..., an increase of 12%": the increase in them.
            stat.measure = f"{stat.measure} in {found[-1].measure}"
        if rate_of is not None and rate_of.measure:
            stat.measure = f"{stat.measure} {rate_of.measure}" if stat.measure else rate_of.measure
        if found and found[-1].measure and text.startswith(_BENCHMARK_STARTS, stat.end) and (bench := _benchmark_of(sentence, low, stat)):
            # "38% of care leavers ..., compared with 32% across England": the benchmark
            # of the figure before, named as that figure's measure where it is for.
            stat.measure = f"{found[-1].measure} {bench}"
        if periods is None:
            periods = _Periods(sentence, low)
        period = periods.after(stat.end)
        if period:
            stat.period = period
        if retracted is None:
            # A correction's words, looked for once per sentence: most have none.
            lowered = low if low is not None else sentence.lower()
            retracted = "correct" in lowered or "wrongly" in lowered or "mistakenly" in lowered  # ("incorrectly" holds "correct")
        if retracted and _retracted(lowered, stat):
            continue  # a figure a correction retracts ("our article wrongly gave as 28 per cent") is no record (ANNOTATION.md)
        found.append(stat)
    if counts_dropped:
        for stat in found:
            if stat.unit == "count":
                stat.measure = None
    if len(found) > 1:
        for stat in found:
            if stat.qualifies:
                return _without_qualifiers(found, text if low is not None else sentence.lower())
    return found


# A percentage change and then its figure: "has risen by 27 per cent since 2019, to 1,012".
_CHANGE_THEN_TO = re.compile(
    r"(?:\s+(?:since|in|over|during|between|from)\s+[^,;.]{1,30}?)?\s*,?\s+to\s+"
    r"(?:about\s+|around\s+|just over\s+|just under\s+|nearly\s+|almost\s+|more than\s+|over\s+|some\s+)?$",
    re.I,
)
# An earlier figure in a clause of its own, then the change to the newer one: "which averaged
# 24 children at the last inspection, had fallen to 17", "numbered 58 in 2021 and have since risen to 75".
_EARLIER_THEN_TO = re.compile(
    r"\s+(?:[a-z'’-]+\s+){0,3}?"
    r"(?:(?:at|in|during|before)\s+(?:the\s+|our\s+|its\s+)?(?:last|previous|first)\s+(?:inspection|visit|year)|in\s+(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?|(?:a|one|two|three)\s+years?\s+(?:earlier|before|ago)|last\s+year)"
    r"\s*,?\s+(?:and\s+)?(?:has\s+|had\s+|have\s+)?(?:since\s+)?(?:fallen|risen|dropped|decreased|increased|reduced|grown|gone\s+(?:up|down)|come\s+down|fell|rose|grew|climbed)\s+to\s+"
    r"(?:about\s+|around\s+|just over\s+|just under\s+|nearly\s+|almost\s+|more than\s+|some\s+)?$",
    re.I,
)


# A change stated as a share ("fell by 18 per cent", "rose by a third", "doubled") whose
# figures follow it: ", from 412 to 338".
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")
_CHANGE_UNITS = ("percent", "percentage_points", "ratio", "multiplier")
_SHARE_THEN_TO = re.compile(r"(?:\s*[a-z'’-]+){0,3}?(?:\s*(?:in|at)\s+[^,;.]{1,25}?)?\s*,?\s*(?<![^\s,])to\s+(?:about\s+|around\s+|nearly\s+|almost\s+|more than\s+|just over\s+|just under\s+)?£?\d", re.I)
_FROM_THEN_TO = re.compile(r"\s*,?\s*(?:[–(-]\s*)?from\s+[^;:]{1,60}?\s+to\s+(?:about\s+|around\s+|nearly\s+|almost\s+|more than\s+|just over\s+|just under\s+)?$", re.I)


def _joins_change(text: str, earlier: _Stat, stat: _Stat) -> bool:
    """Whether `stat` completes `earlier` as one change (and, if so, makes it so):
    `earlier` a percentage change and `stat` its figure, `earlier` a change stated as a
    share with its figures after it, or `earlier` the earlier value of `stat`, each in
    the phrasing above. `text` is the folded (or plain) sentence."""
    between = (earlier.end, stat.start)
    if earlier.change_from is not None and earlier.unit in _CHANGE_UNITS:
        # "fell by 18 per cent, from 412 to 338", "rose by a third, from 150 to 200": one
        # record of the newer figure (ANNOTATION.md), its change the share stated or, where
        # that was no percentage, the one the figures imply.
        if _FROM_THEN_TO.match(text, *between) is None:
            return False
        if earlier.unit == "percent":
            earlier.change_pct = earlier.value  # "rose 12 per cent, from ..." as "rose by 12 per cent"
        elif earlier.change_from:
            earlier.change_pct = round((stat.value - earlier.change_from) / earlier.change_from * 100, 1)
        earlier.value, earlier.unit, earlier.change_to = stat.value, stat.unit, stat.value
    elif earlier.unit == "percent" and earlier.change_pct is not None and earlier.direction and stat.unit not in ("percent", "percentage_points"):
        if _CHANGE_THEN_TO.match(text, *between) is None:
            return False
        earlier.value, earlier.unit, earlier.change_to = stat.value, stat.unit, stat.value
    elif earlier.unit == stat.unit and earlier.change_from is None and earlier.direction is None and stat.unit != "percent":
        if _EARLIER_THEN_TO.match(text, *between) is None:
            return False
        earlier.change_from, earlier.change_to, earlier.value = earlier.value, stat.value, stat.value
        earlier.direction = "up" if stat.value > earlier.change_from else "down" if stat.value < earlier.change_from else "unchanged"
        if earlier.change_from:
            earlier.change_pct = round((stat.value - earlier.change_from) / earlier.change_from * 100, 1)
    else:
        return False
    earlier.end = stat.end
    return True


# A figure "from 14 fire stations" after another is where that figure comes from, no earlier value.
_FROM_SOURCE = re.compile(r"\s*(?:[a-z'’-]+\s+)?(?!(?:times|years|months|weeks|days|hours|minutes|per|percent|cent|levels|figures)\b)[a-z'’-]+s\b", re.I)
# "double the number a year earlier": the change of the figure before.
_EARLIER_SAME = re.compile(r"\s+the\s+(?:number|figure|total|level|rate)\s+(?:(?:a|one)\s+year\s+(?:earlier|before|ago)|the\s+year\s+before|last\s+year|in\s+(?:19|20)\d\d|at\s+the\s+(?:last|previous)\s+inspection)\b", re.I)
# "well above the 40 the Probation Service regards as manageable": a benchmark with no noun of
# its own after a rate, a rate of what that rate counts (as "a national rate of 70").
_ABOVE_THE = re.compile(r"\b(?:above|below|over|under|beyond|exceeding|against)\s+the\s+$", re.I)
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;]|$|\s(?:the|that|which|it|set|recommended|regarded|considered)\b)", re.I)
_POPULATION_BEFORE = re.compile(r"\bfor\s+a\s+population\s+of\s+(?:more than\s+|over\s+|about\s+|around\s+|just over\s+|almost\s+|nearly\s+|some\s+)?$", re.I)
_BASE_BEFORE = re.compile(rf"(?:\d|\b(?:{_WORDNUM}))\s+of\s+the\s+$", re.I)


# What separates two clauses: a threshold in one ("..., and callers often waited
# more than ten minutes") qualifies no figure of the other.
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:and|but|while|although|though|whereas|yet|which)\b|\b(?:but|while|whereas)\b")


def _without_qualifiers(found: list[_Stat], low: str) -> list[_Stat]:
    """`found` less the thresholds and spans that qualify another figure of their clause."""
    def same_clause(a: _Stat, b: _Stat) -> bool:
        first, second = (a, b) if a.start < b.start else (b, a)
        return first.end >= second.start or _CLAUSE_BREAK.search(low, first.end, second.start) is None

    return [
        stat for stat in found
        if not (stat.qualifies and any(not other.qualifies and same_clause(stat, other) for other in found))
    ]


# A threshold or span before a duration or distance ("for more than 24 hours",
# "within 45 working days", "less than five years' service", "at least two years"),
# not after a verb that makes it the figure itself ("the wait was more than five
# minutes") nor one that reads "some waited over a week".
_THRESHOLD_BEFORE = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bsome )(?<!\bsome for )"
    r"\b(?:within|inside|in under|in less than|under|(?:more|less|longer|shorter|fewer)\s+than|at least|at most|over|above|below|beyond|for|for more than|for less than|for at least|for over)\s+"
    r"(?:the\s+)?(?:approximately\s+|about\s+|around\s+|nearly\s+|almost\s+|just\s+)?$"
)
_THRESHOLD_LITERALS = ("with", "ins", "under", "than", "least", "most", "over", "above", "below", "beyond", "for")


def _threshold_before(text: str, low: str | None, start: int) -> bool:
    """Whether a threshold word ends text[:start] (on the folded text; the plain one is lower-cased)."""
    begin = start - 40 if start > 40 else 0
    if low is None:
        return _THRESHOLD_BEFORE.search(text[begin:start].lower()) is not None
    return _maybe(low, begin, start, _THRESHOLD_LITERALS) and _THRESHOLD_BEFORE.search(low, begin, start) is not None


_EACH_AFTER = re.compile(r"\s+(?:[a-z'’-]+\s+){0,2}?(?!(?:in|for|of|at|on|to|from|by|with|per)\s)[a-z'’-]+\s+each\b(?!\s+(?:week|month|year|day|night|quarter|time|other|of)\b)", re.I)
_EACH_BEFORE = re.compile(r"\beach\s+(?:[a-z-]+\s+){1,3}?(?:holds?|held|has|had|carries|carried|manages?|managed|supervises?|supervised)\s+(?:on average|an average of)\s+$", re.I)
_DISTANCE_AFTER = re.compile(r"\s*(?:miles?|km|kilometres?)\b", re.I)
_RATE_BASE_BEFORE = re.compile(r"\bper\s+(1,?000|10,?000|100,?000)\b(?!.*\bper\s+(?:1,?000|10,?000|100,?000)\b)", re.I)
_COMPOUND_SMALLER = {"hours": "minutes", "minutes": "seconds"}
_COMPOUND_AFTER = re.compile(r"\s*(?:,\s*|and\s+)?(\d{1,2})\s+(minutes?|mins?|seconds?|secs?)\b", re.I)


_TIME_UNITS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years"}
_SECONDS_IN = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400, "weeks": 604800, "months": 2629800, "years": 31557600}
_COMPARED = re.compile(r"(?:compared (?:with|to)|up from|down from|from|(?<!more )(?<!less )(?<!fewer )than|against|versus|vs\.?)\s+(?:a\s+|the\s+)?(?:(?:rate|figure|level|total|proportion) of\s+)?(?:just\s+|about\s+|around\s+|some\s+)?$", re.I)


def _maybe(low: str | None, start: int, end: int, literals: tuple[str, ...]) -> bool:
    """Whether one of `literals` occurs in low[start:end] (True without a folded text):
    a literal prefilter, as in miner.nlp.scan, before a case-insensitive search there."""
    return low is None or any(low.find(w, start, end) >= 0 for w in literals)


# Every alternative of _COMPARED names one of these.
_COMPARED_LITERALS = ("compared", "from", "than", "against", "versus", "vs")
# The words _CHANGE can end with: a change verb, or one of the words allowed after it.
_CHANGE_TAILS = (
    "rose", "risen", "rising", "rises", "increased", "increasing", "increases", "grew", "grown", "climbed", "jumped", "soared",
    "up", "fell", "fallen", "falling", "falls", "decreased", "decreasing", "dropped", "declined", "reduced", "down", "cut",
    "dropping", "by", "to", "from", "almost", "nearly", "about", "around", "than", "over", "some", "just",
)
_SUBJECT_NOUNS = ("number", "proportion", "percentage", "rate", "share", "level", "average", "total", "amount", "count")
_SUBJECT_NOUN = re.compile("|".join(_SUBJECT_NOUNS))  # on folded text: any of them, as a literal prefilter
# _PARTICIPLE ends the text with an "-ed" word, or one of the words allowed after it (case-sensitive, as it is).
_PARTICIPLE_TAILS = ("ed", "only", "just", "about", "around", "nearly", "almost")


# A benchmark the figure is compared with ("compared with 32% across England", "against
# 52 per cent nationally", "71 per 10,000 across England", "56% of care leavers nationally",
# "12 per cent across London"): a record of its own, as the corpus has it, no earlier value.
# The place may follow a rate's base or what the figure is of.
_BENCHMARK_AFTER = re.compile(
    r"(?:\s+per\s+(?:1,?000|10,?000|100,?000)(?:\s+(?:children|people|population|residents))?|\s+of\s+(?:[a-z'’-]+\s+){0,3}?[a-z'’-]+)?"
    r"\s+(?P<place>nationally|across (?:england|wales|london|the country|the region)(?: and wales)?|in england(?: and wales)?|in england as a whole|in the country as a whole|(?:at|in) (?:similar|comparable) [a-z'’-]+s)\b",
    re.I,
)
_BENCHMARK_STARTS = (" nationally", " across ", " in england", " in England", " Nationally", " Across ", " In England", " in the country", " at similar", " in similar", " at comparable", " in comparable", " per ", " of ")
_BENCHMARK_LEADS = (" per ", " of ")
_BENCHMARK_PLACES = ("national", "across", "in england", "in the country", "similar", "comparable")  # on the folded text


def _benchmark_after(text: str, low: str | None, end: int) -> bool:
    if end and text[end - 1] == " ":
        end -= 1  # a comparison's match ends after the space that follows its figure
    if not text.startswith(_BENCHMARK_STARTS, end):
        return False
    # After a base or an "of" (most figures have one), only where a place is named near.
    if text.startswith(_BENCHMARK_LEADS, end) and not _maybe(low, end, end + 60, _BENCHMARK_PLACES):
        return False
    return _BENCHMARK_AFTER.match(text, end, end + 60) is not None


def _benchmark_of(sentence: str, low: str | None, stat: _Stat) -> str | None:
    """Where the benchmark `stat` is for ("across England"), when it is one: a figure
    compared with ("compared with", "against") and a benchmark place after it."""
    text = sentence if low is None else low
    start = max(0, stat.start - 40)
    if not _benchmark_after(text, low, stat.end):
        return None
    if not _maybe(low, start, stat.start, _COMPARED_LITERALS) or not (_COMPARED.search(sentence[start:stat.start]) if low is None else _F_COMPARED.search(low, start, stat.start)):
        return None
    place = _BENCHMARK_AFTER.match(text, stat.end, stat.end + 60)
    return sentence[place.start("place"):place.end("place")]


def _attach_to(sentence: str, stat: _Stat, found: list[_Stat], low: str | None = None) -> _Stat | None:
    if not found:
        return None
    start = max(0, stat.start - 40)
    if not _maybe(low, start, stat.start, _COMPARED_LITERALS) or not (_COMPARED.search(sentence[start:stat.start]) if low is None else _F_COMPARED.search(low, start, stat.start)):
        return None
    if _benchmark_after(sentence if low is None else low, low, stat.end):
        return None
    text = sentence if low is None else low
    if text.endswith("from ", start, stat.start) and not text.endswith(("up from ", "down from "), start, stat.start) and _FROM_SOURCE.match(text, stat.end):
        return None  # "a population of 680,000 from 14 fire stations": where it comes from
    for earlier in reversed(found):
        if earlier.unit != stat.unit:
            continue
        if earlier.change_from is None or abs(earlier.change_from - stat.value) < 1e-9:
            return earlier
    return None


_RATIO_SPLIT = re.compile(r"\s+(?:in|out of)\s+(?:every\s+)?")
_MODIFIER = re.compile(r"^(?:almost|nearly|around|about|more than|over|just over|just under|under)\s+")
_TRAILING_OF = re.compile(r"\s+(?:of|the)$")
_NUM_OR_WORD = re.compile(rf"{_NUM}|{_WORDNUM}")
_SCALED_NUM = re.compile(rf"{_NUM}{_SCALE}")
_HUNDRED_THOUSAND = re.compile(r"100,?000")


def _interpret(kind: str, surface: str, start: int, end: int) -> _Stat | None:
    if kind == "count" and surface.isascii() and surface.isdigit():
        return _Stat(start, end, float(surface), "count")  # parse_number's value for plain digits, most counts
    lowered = surface.lower().strip()
    if kind == "money":
        value = parse_number(lowered.replace("£", "").replace(" ", ""))
        return _Stat(start, end, value, "gbp") if value is not None else None
    if kind == "ratio":
        parts = _RATIO_SPLIT.split(lowered)
        a, b = parse_number(parts[0]), parse_number(parts[-1])
        if a is None or not b or a > b:
            return None
        if b >= 100 and b in (100, 1000, 10000, 100000):
            # "three in every 1,000" is a rate, reported as the count per that base.
            return _Stat(start, end, a, "per_100000" if b == 100000 else "rate")
        return _Stat(start, end, round(a / b, 4), "ratio")
    if kind == "fraction" or kind == "byfraction":
        # The figure starts at the fraction, after any modifier ("More than half of ..."),
        # as a record's evidence does (ANNOTATION.md: it starts at the figure).
        modifier = _MODIFIER.match(lowered)
        skip = modifier.end() if modifier else 0
        phrase = lowered[skip:]
        if kind == "fraction":
            phrase = _TRAILING_OF.sub("", phrase)
        value = FRACTIONS.get(phrase.replace("-", " ")) or FRACTIONS.get(phrase)
        return _Stat(start + skip, start + len(surface) if kind == "fraction" else end, round(value, 4), "ratio") if value else None
    if kind == "multiplier":
        if lowered in MULTIPLIERS:
            return _Stat(start, end, MULTIPLIERS[lowered], "multiplier", direction="down" if lowered == "halved" else "up")
        if lowered in ("double", "triple", "treble"):
            return _Stat(start, end, {"double": 2, "triple": 3, "treble": 3}[lowered], "multiplier", direction="up")
        if lowered == "twice":
            return _Stat(start, end, 2, "multiplier")  # "twice that at similar prisons": a comparison, no change
        if lowered == "half as":
            return _Stat(start, start + 4, 0.5, "ratio")
        number = parse_number(lowered.rsplit(" ", 1)[0])
        return _Stat(start, end, number, "multiplier") if number else None
    if kind == "wordcount":
        value = parse_number(lowered)
        return _Stat(start, end, value, "count") if value is not None else None
    if kind == "percent":
        number = _NUM_OR_WORD.match(lowered)
        value = parse_number(number.group(0)) if number else None
        unit = "percentage_points" if "point" in lowered or lowered.endswith("pp") else "percent"
        return _Stat(start, end, value, unit) if value is not None else None
    if kind == "rate":
        number = _SCALED_NUM.match(lowered)
        value = parse_number(number.group(0) if number else lowered.split(" ", 1)[0])  # "nine children per case manager"
        unit = "per_100000" if _HUNDRED_THOUSAND.search(lowered) else "rate"
        return _Stat(start, end, value, unit) if value is not None else None
    if kind == "duration":
        number, unit_word = lowered.split(" ", 1) if " " in lowered else lowered.rsplit("-", 1)  # "18-minute"
        unit_word = unit_word.split()[-1]
        value = parse_number(number)
        unit = _duration_unit(unit_word)
        return _Stat(start, end, value, unit) if value is not None else None
    if kind == "count":
        value = parse_number(lowered)
        return _Stat(start, end, value, "count") if value is not None else None
    return None


def _duration_unit(word: str) -> str:
    word = word.rstrip("s")
    return {"hr": "hours", "hour": "hours", "min": "minutes", "minute": "minutes", "sec": "seconds", "second": "seconds",
            "day": "days", "week": "weeks", "month": "months", "year": "years"}.get(word, word + "s")


_URL = re.compile(r"https?:|www\.|\.(?:uk|com|org|pdf|html?)\b|@", re.I)
_AREAS_AFTER = re.compile(r"(?:\s+(?:core|graded|key|separate|different|other))?\s+(?:areas?(?!\s+(?:for|to|where|needing|requiring)\b)|pillars?|questions|judge?ments|categories|of (?:these|them|those))\b", re.I)
_PLAIN = re.compile(r"\d+")
_RANGE_AFTER = re.compile(r"\s*[/–-]\s*\d{2,4}\b")
_RANGE_UNIT_AFTER = re.compile(rf" to \d[\d,.]* {_DURATION_UNITS}\b", re.I)
_HALF_PERIOD = re.compile(r"half\s+of\s+(?:the\s+)?(?:(?:19|20)\d\d|year|decade|month|financial year|period)\b", re.I)
_HALF_PERIOD_BEFORE = re.compile(r"\b(?:first|second|latter|former)\s+$", re.I)
_YEAR_RANGE_BEFORE = re.compile(r"\b(?:19|20)\d\d\s*[/–-]\s*$")
_AGE_RANGE_BEFORE = re.compile(r"\bage[ds]?\s+\d{1,2}\s*(?:and|to|or|-|–)\s*$")
_DATE_RANGE_AFTER = re.compile(rf"\s*(?:and|to|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b")
_MONTH_AFTER = re.compile(rf"\s*(?:st|nd|rd|th)?\s+{_MONTH}\b")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s+$")
# What the text before a match of _MONTH_BEFORE ends with, less its trailing
# space: a spelling _MONTH matches (each a beginning of a month's name), with
# or without a full stop. A literal prefilter before the search.
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_MONTH_SPELLINGS = tuple(name[:i] for name in _MONTH_NAMES for i in range(1, len(name) + 1) if re.fullmatch(_MONTH, name[:i]))
# Their last three characters (every spelling has three or more), a set lookup
# instead of `endswith` over the 48 of them for most counts.
_MONTH_TAILS_3 = frozenset(tail[-3:] for spelling in _MONTH_SPELLINGS for tail in (spelling, spelling + "."))
_LONGEST_MONTH = len("september.")
_PHONE_REST = re.compile(r"\s?\d{3,4}\s?\d{3,4}\b")
_LABELS = ("paragraph", "para", "page", "pages", "p.", "section", "chapter", "figure", "fig.", "table", "annex", "appendix",
           "recommendation", "footnote", "note", "number", "no.", "version", "round", "phase", "tier", "level", "step", "part",
           "question", "area", "cause of concern", "category", "age", "aged", "age of", "under", "over-",
           "per")  # the base of a rate: "per 1,000 population"
# Document furniture and numbered provisions ("Reference: 80586", "regulation 12", "outcome 16",
# "grade 1"): what the text before the number ends with, less trailing space (one `endswith`).
_FURNITURE_TAILS = ("reference:", "number:", "ref:", "urn:", "regulation", "regulations", "outcome", "grade")
# What _LABEL_BEFORE's text ends with, less trailing space: a label, of two or more
# characters, so its last two are one of these (as for _MONTH_TAILS_3).
_LABEL_TAILS_2 = frozenset(label[-2:] for label in _LABELS)
_LABEL_BEFORE = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in _LABELS)})\s*$")
_TIME_OF_DAY = re.compile(r"\s*(?:am|pm|a\.m\.|p\.m\.|gmt|bst|hrs)\b")
_CLOCK_TIME = re.compile(r"[.:]\d\d\s*(?:am|pm|gmt|bst)")
_YEARS_OLD = re.compile(r"\s*-?\s*years?[- ]old\b")
_MIN_READ = re.compile(r"\s*(?:min|mins|minute|minutes)\s+read\b")
_SECTION_NUMBER = re.compile(r"\d\.\d")
_NAMED_LAW = re.compile(r"\s*(?:[A-Z][a-z]+\s+){0,1}(?:Act|Regulations|Order)\b")
_READ = re.compile(r"\s*read\b")
_SPAN_BEFORE = re.compile(r"\b(?:in|over(?=\s+the\b)|during|past|last|next|every|each|after|for the|in the)\s+(?:the\s+)?(?:(?:last|past|previous|preceding|most recent|first|following|just)\s+)?$")
_LONG_UNIT = re.compile(r"years?|months?|weeks?", re.I)
_AGE_YEARS_BEFORE = re.compile(r"\b(?:aged?|are|is|people|children|child|leavers|those|adults|anyone|ones)\s+(?:over|under)\s+$")
# ... and narrative time gaps ("four years after special measures", "Fifteen months on,", "for three years running").
_RELATIVE_AFTER = re.compile(r"\s*(?:ago|old|later|earlier|running|in a row|on(?=\s*[,;:]))\b")
# A gap between events: in months or years ("two years after it was judged inadequate"), or
# before or after the inspection ("six weeks before the inspection"). A delay otherwise ("nine
# days after the concern was raised", "wait over eight weeks before being allocated") is a
# statistic (ANNOTATION.md).
_GAP_AFTER = re.compile(r"\s*(?:before|after)\b(?P<visit>\s+(?:the\s+|this\s+|its\s+|our\s+)?(?:start\s+of\s+(?:the\s+|this\s+|our\s+)?)?(?:inspection|visit|fieldwork)\b)?", re.I)
_GAP_UNIT = re.compile(r"years?|months?", re.I)
_SERVICE_NUMBERS = frozenset(("999", "101", "111", "112", "105"))
# What after a count excludes it, as two patterns instead of nine calls: year
# and date ranges, dates, phone numbers, a law's name ("Children Act"); and,
# lower-cased, times of day, ages ("16 years old") and reading times ("4 min read").
_AGE_RANGE_AFTER = re.compile(r"\s*(?:and|to|or|-|–)\s*\d{1,2}\s*-?\s*years?[- ]olds?\b")
_CLOCK_AFTER = re.compile(r":\d\d\b")
_AGE_BAND_NOUN = re.compile(r"\s+(?:population|age group|age range|age band|cohort)\b", re.I)
_AGE_BAND_AFTER = re.compile(r"\s*(?:to|-|–)\s*\d{1,2}" + _AGE_BAND_NOUN.pattern, re.I)
_AGE_BAND_STARTS = (" to ", "-", "–", " -", " –", " population", " age ", " cohort", " Population", " Age ", " Cohort", " To ")
_AGE_BAND_BEFORE = re.compile(r"\b\d{1,2}\s*(?:to|-|–)\s*$")
_SCORE_ROW = re.compile(r"\s*(?:[^|]{1,60}\|\s*)?(?:safety|respect|purposeful activity|(?:rehabilitation and )?release planning|preparation for release|resettlement)\s*(?:\|\s*[1-4]\s*)+\|?\s*$", re.I)
# An address: a house number before a street or town and a postcode ("Civic Centre 1 Huddersfield HD1 2NF").
_POSTCODE_AFTER = re.compile(r"(?:\s+[A-Z][A-Za-z'’-]+){1,4},?\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_ADDRESS_LINE = re.compile(r"\s*(?:(?:[A-Z0-9][A-Za-z0-9'’.&/-]*|and|of|the|upon|on|under|in|le|by)[ ,]+)+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\s*")
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_COUNT_AFTER = re.compile("|".join(f"(?:{rx.pattern})" for rx in (_RANGE_AFTER, _MONTH_AFTER, _DATE_RANGE_AFTER, _PHONE_REST, _NAMED_LAW, _CLOCK_AFTER, _POSTCODE_AFTER)))
_COUNT_AFTER_LOWER = re.compile("|".join(f"(?:{rx.pattern})" for rx in (_TIME_OF_DAY, _CLOCK_TIME, _YEARS_OLD, _MIN_READ, _AGE_RANGE_AFTER)))
# An age limit: "aged over 21", "until they are 25", "people over 80".
_AGE_LIMIT_BEFORE = re.compile(r"(?:\baged?\s+(?:over|under|between|from|up to)|\buntil (?:they|he|she|you) (?:are|turn|reach)|\b(?:people|adults|children|men|women|those|patients|anyone|young people) (?:aged\s+)?(?:over|under))\s+$")
# Years before 1900 ("built between 1875 and 1891").
_OLD_YEAR_BEFORE = re.compile(r"\b(?:in|between|and|since|from|until|to|by|of|built|opened|founded|c\.)\s+$")
# Grading scores, not statistics: a score key ("4 = good", "1 (poor) to 4 (good)",
# "where 4 means", "from 4, the highest,"), a score table's cell ("Safety | 1 | Poor"),
# a grade word after the score ("3 reasonably good, 2 not sufficiently good and 1 poor").
_GRADE_WORDS = r"(?:outstanding|good|reasonably good|not sufficiently good|poor|adequate|inadequate|requires improvement|insufficient)"
_SCORE_AFTER = re.compile(
    rf"\s*(?:=|\((?:{_GRADE_WORDS})\)|means\b|(?:,\s*)?meaning\s+{_GRADE_WORDS}\b|is\s+{_GRADE_WORDS}\b|,\s*the\s+(?:highest|lowest|best|worst)\b|\|\s*{_GRADE_WORDS}\b|\s*shows\s+(?:an?\s+)?(?:exceptional|good|some|significant)\s+(?:standard|shortfalls)\b)"
    rf"|\s+{_GRADE_WORDS}(?=\s*(?:[,;.]|and\b|$))"
)
_SCORE_BEFORE = re.compile(r"\bscor(?:e|es|ed|ing)\s+(?:each\s+[a-z]+\s+)?(?:(?:of|from|at|a)\s+)?(?:\d\s+(?:\([a-z ]+\)\s+)?to\s+)?$")
# A number that names a group the text refers back to ("the six forces", "all five
# forces", "Ofsted's four grades"), or the parts of an inspection framework ("four
# healthy prison tests", "twelve standards", "two inspections", "four PEEL reports published
# this week"): no quantity a researcher quotes.
_FRAMEWORK_AFTER = re.compile(r"\s+(?:[a-z]*[a-rt-z]\s+){0,2}(?:tests|(?:peel|inspection)\s+(?:reports|assessments)|grades|tiers|pillars|standards|rounds|categories|judge?ments|parts|measures|inspections|wings|points|domains|quality\s+statements)\b")
# "two of the four healthy prison tests": a grading count of the framework's parts.
_OF_THE_FRAMEWORK = re.compile(r"\s+of\s+the\s+(?:[a-z0-9,'’-]+\s+){0,3}?(?:tests|standards|areas|judge?ments|pillars|questions|domains|grades|inspections|wings)\b")
# What a cell or room held against what it was built for ("cells designed for one held two
# men"): its crowding, told in words, no count a researcher quotes.
_CAPACITY_BEFORE = re.compile(r"\b(?:designed|built|meant|intended|certified)\s+for\s+(?:one|two|three|four|\d{1,2})\s+(?:(?:people|person|men|man|prisoners?|boys?)\s+)?(?:now\s+|often\s+|routinely\s+)?(?:held|hold|holding|housed|housing|had|accommodated)\s+$|\b(?:designed|built|meant|intended|certified)\s+for\s+$")
_FRAMEWORK_AFTER_DIGITS = re.compile(r"\s+(?:tests|grades|tiers|pillars|standards|categories|judge?ments|domains|quality\s+statements)\b")
# A numbered provision named in brackets: "regulations 12 (safe care and treatment), 11 (need for consent)".
_NAMED_AFTER = re.compile(r"\s*\([a-z][a-z ,'’-]*\)")
# What after a number of one or two digits makes it no statistic, as one pattern.
_SMALL_AFTER = re.compile("|".join(f"(?:{rx.pattern})" for rx in (_SCORE_AFTER, _FRAMEWORK_AFTER_DIGITS, _NAMED_AFTER)))
# A contents line's page number: "... help and protection 6 The experiences ...".
_CONTENTS_PAGE = re.compile(r"\s+(?:The|Summary|Introduction|Contents|Annex|Appendix|Information|Recommendations|Next|About)\b")


def _small_number_excluded(sentence: str, text: str, start: int, end: int, kind: str, folded: bool) -> bool:
    """Whether a number word or a number of one or two digits is no statistic:
    a grading score, a group referred to, a part of the framework, an age limit,
    a contents line's page number. `text` is the folded sentence when `folded`."""
    # The searches that look back run only where the word they end with is there
    # (a literal prefilter, as in miner.nlp.scan): most small numbers have none.
    if not folded:
        text = text.lower()
    begin = start - 40 if start > 40 else 0
    previous = _word_before(text, start)
    if kind == "wordcount":
        # A group referred to, the framework's parts, a score key in words ("four means that
        # outcomes are good").
        return previous in _GROUP_WORDS or previous == "per" or previous.endswith(("'s", "’s")) or text.endswith("age of ", begin, start) or _FRAMEWORK_AFTER.match(text, end, end + 40) is not None or (
            text.startswith(" of the ", end) and _OF_THE_FRAMEWORK.match(text, end, end + 60) is not None) or (
            text.find("for ", begin, start) >= 0 and _CAPACITY_BEFORE.search(text, begin, start) is not None) or (
            _SCORE_AFTER.match(text, end, end + 40) is not None) or (
            _ELLIPTIC_AFTER.match(text, end, end + 12) is not None and _FRAMEWORK_NOUN.search(text, 0, start) is not None)
    if _SMALL_AFTER.match(text, end, end + 60):
        return True
    if text.find("for ", begin, start) >= 0 and _CAPACITY_BEFORE.search(text, begin, start):
        return True
    if end - start == 1 and text.find("scor", begin, start) >= 0 and _SCORE_BEFORE.search(text, begin, start):
        return True
    if text.find("scor", begin, start) >= 0 and _rating_points(text, start):
        return True
    if previous in _AGE_LIMIT_WORDS and _AGE_LIMIT_BEFORE.search(text, begin, start):
        return True
    return start > 1 and sentence[start - 1] == " " and "a" <= sentence[start - 2] <= "z" and _CONTENTS_PAGE.match(sentence, end, end + 20) is not None


# A rating's points, a grading score ("a score of 14 out of 36", "scored 10 out of a possible
# 24 points"); a score out of 100 (CQC's key questions) is a rate, as the corpus has it.
_RATING_POINTS = re.compile(r"\bscor(?:e|es|ed|ing)\b(?:\s+(?:of|was|is|at))?\s+(\d{1,2})\s+out\s+of\s+(?:a\s+(?:possible|maximum(?:\s+of)?)\s+)?(?!100\b)(\d{1,3})\b")


def _rating_points(text: str, start: int) -> bool:
    """Whether the number at text[start:] (folded, or lower-cased) is one of a rating's points."""
    begin = start - 60 if start > 60 else 0
    if text.find("scor", begin, start) < 0 or text.find("out of", begin, start + 40) < 0:
        return False
    return any(m.start(1) == start or m.start(2) == start for m in _RATING_POINTS.finditer(text, begin, start + 40))


# A number word standing for the framework's parts just named is a grading count ("Of the
# seven standards we rate, two were good"), for the gradings; for forces or councils
# ("Two were adequate") it is a statistic.
_ELLIPTIC_AFTER = re.compile(r"\s+(?:have|had|were|are|remain|remained)\b")
_FRAMEWORK_NOUN = re.compile(r"\b(?:standards|areas|tests|judge?ments|pillars|questions|domains|grades)\b")


# The words before a group's number ("the six forces", "all five", "Ofsted's four", with
# "'s" as a word's ending), and those _AGE_LIMIT_BEFORE ends with.
_GROUP_WORDS = frozenset(("the", "all", "these", "those", "both", "its", "their", "our"))
_AGE_LIMIT_WORDS = frozenset(("over", "under", "between", "from", "to", "are", "turn", "reach"))


def _word_before(text: str, start: int) -> str:
    """The word that ends one space before text[start:] ("" when no space is there)."""
    end = start - 1
    if end <= 0 or text[end] != " ":
        return ""
    return text[text.rfind(" ", 0, end) + 1:end]


def _excluded(sentence: str, start: int, end: int, kind: str, is_block_start: bool, low: str | None = None, urls: bool = True) -> bool:
    """Whether the candidate at sentence[start:end] is no statistic (a year, date,
    phone number, label's number, URL, age, reading time...). `urls`: False when
    `_URL` matches nowhere in the sentence, so no token of it can be a URL."""
    # One `or` of independent tests, cheapest first: the string tests settle
    # most candidates (bare years, numbers at a block's start), a `...$`
    # search runs only when the text ends in something it can match, and the
    # patterns match in place (pos, endpos) rather than on slices: with a few
    # thousand candidates per report, the Python work around each test, not
    # the regular expressions, was the cost.
    text = sentence if low is None else low
    if kind == "percent":
        # re.search(r"[A-Za-z]$", before), whose "$" also matches before a final newline.
        previous = sentence[start - 1] if start else ""
        if previous == "\n":
            previous = sentence[start - 2] if start > 1 else ""
        if previous in _ASCII_LETTERS:
            return True
        return urls and _in_url(sentence, text, start, end, _URL if low is None else _F_URL)
    if kind == "count":
        digits = sentence[start:end].replace(",", "").strip()
        # Bare years and year ranges ("2023", "2021/22", "2023-25"); \d is str.isdecimal.
        # A thousands separator makes it a count ("1,950 officers").
        if len(digits) == 4 and digits.isdecimal() and 1900 <= int(digits) <= 2099 and "," not in sentence[start:end]:
            return True
        if len(digits) == 4 and digits.isdecimal() and 1800 <= int(digits) < 1900 and _OLD_YEAR_BEFORE.search(text, start - 12 if start > 12 else 0, start):
            return True
        # Phone numbers, area codes ("0161") and the emergency and non-emergency numbers.
        if digits.startswith("0") and not digits.startswith("0."):
            return True
        if digits in _SERVICE_NUMBERS:
            return True
        if is_block_start and start <= 3 and not _WORD_BEFORE_IN.search(sentence, 0, start):
            return True  # a numbered paragraph's "12 ..." ("In 23 of them" is a figure)
        if end - start <= 2 and sentence.startswith(". ", end) and sentence[end + 2:end + 3].islower():
            return True  # a list item's number run into the text ("... children 3. review the allocation")
        if start == 0 and end <= 3 and sentence[end:].rstrip() == ".":
            return True  # the same after a sentence's end, split off as a sentence of its own ("... searched. 1. The force should ...")
    if kind == "count" or kind == "wordcount":
        if (_AREAS_AFTER if low is None else _F_AREAS_AFTER).match(text, end, end + 40):
            return True  # how many areas were graded belongs to the gradings, not a statistic
        if (kind == "wordcount" or end - start <= 2) and _small_number_excluded(sentence, text, start, end, kind, low is not None):
            return True  # scores, group references, framework parts, age limits, page numbers
    if kind == "ratio" and _rating_points(text if low is not None else sentence.lower(), start):
        return True
    if kind == "fraction" and _HALF_PERIOD.match(text, start) and _HALF_PERIOD_BEFORE.search(text, start - 12 if start > 12 else 0, start):
        return True  # "in the first half of 2025": a period, no fraction
    # Inside a URL, e-mail address or file name.
    if urls and _in_url(sentence, text, start, end, _URL if low is None else _F_URL):
        return True
    b0 = start - 40 if start > 40 else 0
    if kind == "count":
        # Ranges, dates, phone numbers, times, ages, names of laws (one pattern, see below).
        if _COUNT_AFTER.match(sentence, end, end + 40):
            # "the midwife to birth ratio was 1:29" is a rate (find_statistics), no time of day
            return not (end - start == 1 and sentence[start] == "1" and text.startswith(":", end) and _RATIO_OF_BEFORE.search(text, start - 20 if start > 20 else 0, start))
        if (_COUNT_AFTER_LOWER.match(low, end, end + 40) if low is not None else _COUNT_AFTER_LOWER.match(sentence[end:end + 40].lower())):
            return True
        before = sentence[b0:start]
        stripped_before = before.rstrip()
        if stripped_before.endswith(("/", "–", "-")) and _YEAR_RANGE_BEFORE.search(before):
            return True
        # Dates: "7 February 2025", "February 7", "7th".
        # (A month and its full stop end where the trailing space begins: no
        # match starts more than _LONGEST_MONTH characters before that.)
        if stripped_before[-3:] in _MONTH_TAILS_3 and before[-1:].isspace() and _MONTH_BEFORE.search(before, max(0, len(stripped_before) - _LONGEST_MONTH)):
            return True
        # Ranges of ages and dates: "aged 16 and 17", "between 7 and 18 November".
        lowered_before = before.lower() if low is None else low[b0:start]
        if "age" in lowered_before and _AGE_RANGE_BEFORE.search(lowered_before):
            return True
        # An age band named as a group: "the 10 to 17 population", "the 18-24 age group".
        if end - start <= 2 and text.startswith(_AGE_BAND_STARTS, end) and (_AGE_BAND_AFTER.match(text, end, end + 40) or (
                _AGE_BAND_NOUN.match(text, end, end + 20) and _AGE_BAND_BEFORE.search(lowered_before))):
            return True
        # A range's lower figure before its unit ("an expectation of 18 to 24 months"): the range
        # is one record of its upper figure (ANNOTATION.md); "from 18 to 24 months" is a change.
        if (text.startswith(" to ", end) or text.startswith(" To ", end)) and _RANGE_UNIT_AFTER.match(text, end, end + 30) and not _FROM_BEFORE.search(text, b0, start):
            return True
        # A line of an address, ending in its postcode ("Unit 4, Medway Court, Maidstone, ME14 5PL").
        if sentence[-1:] in _ASCII_UPPER and "," in sentence and _ADDRESS_LINE.fullmatch(sentence):
            return True
        # A score table's row of the healthy prison tests, after the prison's cell or not:
        # "Safety | 1 | 2", "HMP Doncaster | Safety | 1 | 2".
        if end - start == 1 and "|" in sentence and _SCORE_ROW.match(text):
            return True
        # (An area code, "0161", begins with "0": excluded above.)
        # Paragraph, page, section, footnote, recommendation numbers.
        stripped_lowered = lowered_before.rstrip()
        if stripped_lowered[-2:] in _LABEL_TAILS_2 and _LABEL_BEFORE.search(lowered_before):
            return True
        if stripped_lowered.endswith(_FURNITURE_TAILS):
            return True
        # Section numbers ("2.1") and numbered headings.
        if (is_block_start or start <= 3) and _SECTION_NUMBER.fullmatch(digits):
            return True
    elif kind == "duration":
        if low is None:
            lowered_after = sentence[end:end + 40].lower()
            if _READ.match(lowered_after) or _RELATIVE_AFTER.match(lowered_after):
                return True
        elif _READ.match(low, end, end + 40) or _RELATIVE_AFTER.match(low, end, end + 40):
            return True
        if text.startswith((" before", " after", " Before", " After"), end) and (gap := _GAP_AFTER.match(text, end, end + 50)) and (gap.group("visit") or (_GAP_UNIT if low is None else _F_GAP_UNIT).search(text, start, end)):
            return True
        if (_LONG_UNIT if low is None else _F_LONG_UNIT).search(text, start, end):
            before = sentence[b0:start].lower() if low is None else low[b0:start]
            if _SPAN_BEFORE.search(before):
                return True
            if before.endswith(("over ", "under ")) and _AGE_YEARS_BEFORE.search(before):
                return True  # an age limit: "children over 12 years", "care leavers aged over 18 years"
    return False


def _in_url(sentence: str, text: str, start: int, end: int, url: re.Pattern) -> bool:
    """Whether the whitespace-separated token around sentence[start:end] (with the
    space before it) holds a URL, e-mail address or file name (`url`, on `text`)."""
    token_start = sentence.rfind(" ", 0, start)
    if token_start < 0:
        token_start = 0
    token_end = sentence.find(" ", end)
    if token_end < 0:
        token_end = len(sentence)
    token = sentence[token_start:token_end]
    return ("." in token or ":" in token or "@" in token) and url.search(text, token_start, token_end) is not None


_BY_OR_UP = re.compile(r"\bby\b|\b(?:up|down)\s*$", re.I)
_DOWN_FROM = re.compile(rf"\s*,?\s*(?:down|up)\s+from\s+({_NUM})", re.I)
_TRAILING_CHANGE = re.compile(r"\s*(?:%|per cent)?\s*(?:,\s*)?(?:an?\s+)?(?P<dir>increase|rise|decrease|fall|drop|reduction|cut)\b", re.I)


def _add_change(sentence: str, stat: _Stat, low: str | None = None) -> None:
    # The case-insensitive patterns run on the folded text where there is one
    # (see _without_case), and those anchored after the figure match in place
    # (pos, endpos) rather than on a slice: the same matches, less Python work
    # per figure, which is what this costs.
    text = sentence if low is None else low
    change, by_or_up, from_before_rx, from_to_rx, down_from_rx, trailing_change = (
        (_CHANGE, _BY_OR_UP, _FROM_BEFORE, _FROM_TO_AT, _DOWN_FROM, _TRAILING_CHANGE) if low is None
        else (_F_CHANGE, _F_BY_OR_UP, _F_FROM_BEFORE, _F_FROM_TO_AT, _F_DOWN_FROM, _F_TRAILING_CHANGE)
    )
    start, end = stat.start, stat.end
    before = text[start - 60 if start > 60 else 0:start]
    # _CHANGE ends the text: its verb or one of the words after it is the last word.
    verb = change.search(before) if low is None or before.rstrip().endswith(_CHANGE_TAILS) else None
    # "rose from 4,210 in 2020 to 6,385 in 2023": the figure is the first number after "from".
    offset = start - 30 if start > 30 else 0
    if (low is None or low.find("from", offset, start) >= 0) and from_before_rx.search(text, offset, start) and not _SPREAD_BEFORE.search(text, offset, start):
        from_to = from_to_rx.match(text, start, start + 200)
        if from_to:
            from_value = parse_number(from_to.group("from").replace("£", "").replace(" ", ""))
            to_value = parse_number(from_to.group("to").replace("£", "").replace(" ", ""))
            if from_value is not None and to_value is not None:
                to_unit = from_to.group("to_unit")
                if to_unit and stat.unit in _SECONDS_IN and _duration_unit(to_unit.split()[-1]) != stat.unit:
                    # "from five weeks to eight days": the newer figure's own unit, the earlier in it.
                    newer_unit = _duration_unit(to_unit.split()[-1])
                    from_value = round(from_value * _SECONDS_IN[stat.unit] / _SECONDS_IN[newer_unit], 2)
                    stat.unit = newer_unit
                stat.change_from = from_value
                stat.change_to = to_value
                stat.value = to_value
                stat.end = from_to.end("to")
                stat.direction = "up" if to_value > from_value else "down" if to_value < from_value else "unchanged"
                if from_value and stat.unit != "percent":
                    stat.change_pct = round((to_value - from_value) / from_value * 100, 1)
                return
    if verb:
        word = verb.group("verb").lower()
        stat.direction = "up" if word in _UP_WORDS else "down"
        if stat.unit == "percent" and by_or_up.search(before[verb.start():]):
            stat.change_pct = stat.value
        # "fell to 52 per cent, down from 61 per cent"
        down_from = down_from_rx.match(text, end, end + 120)
        if down_from:
            stat.change_from = parse_number(down_from.group(1))
            stat.change_to = stat.value
    else:
        trailing = trailing_change.match(text, end, end + 120)
        if trailing and stat.unit in ("percent", "percentage_points"):
            stat.direction = "up" if trailing.group("dir").lower() in ("increase", "rise") else "down"
            stat.change_pct = stat.value if stat.unit == "percent" else None
        down_from = down_from_rx.match(text, end, end + 120)
        if down_from:
            stat.change_from = parse_number(down_from.group(1))
            stat.change_to = stat.value
            stat.direction = "down" if stat.change_from > stat.value else "up"


_SUBJECT_OF = re.compile(
    r"\b(?:the\s+)?(?:number|proportion|percentage|rate|share|level|average|total|amount|count)\s+of\s+(?P<np>[^,.;]{3,90}?)\s+"
    r"(?:has\s+|had\s+|have\s+)?(?:rose|risen|rising|fell|fallen|increased|decreased|dropped|went|grew|grown|climbed|was|were|is|are|stood|reached|more than|nearly|almost|doubled|halved|jumped|soared)\b",
    re.I,
)
_CLAUSE_START = re.compile(r"(?:^|[,;:]\s+|\b(?:and|but|while|whereas|although|that|which)\s+)(?=[^,;:]*$)", re.I)
_CHANGE_VERB = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:rose|risen|fell|fallen|increased|decreased|dropped|went (?:up|down)|grew|grown|climbed|jumped|soared|halved|doubled|tripled|trebled|more than doubled|nearly doubled|declined|reduced)\b", re.I)


_RATE_INSIDE = re.compile(r"[\d.,\s]*(?:million|thousand|m|k)?\s*(.*?)\s+(?:per|for every|in every)\b", re.I)
_OF_THE = re.compile(r"\s*(?:of\s+(?:all\s+|the\s+|its\s+|their\s+)?(?:(?!(?:999|101|111)\s)\d[\d,]*\s+(?=[a-z]))?)")  # "of the 3,100 men": the men
_PARTICIPLE = re.compile(r"\b([a-z]+ed)\s+(?:only\s+|just\s+|about\s+|around\s+|nearly\s+|almost\s+)?$")


def _measure(sentence: str, stat: _Stat, low: str | None = None) -> str | None:
    """A short noun phrase for what the figure counts.

    In order: the thing whose number, proportion or rate is given ("the
    number of children on a plan rose from ..."); for a change, the subject
    of the change verb ("Recorded domestic abuse crimes rose by ..."); the
    phrase inside a rate ("52 crimes per 1,000"); else the noun phrase after
    the figure ("84.7 per cent of emergency calls within ten seconds"), with
    a participle just before the figure ("answered") kept after it.
    """
    # The case-insensitive patterns run on the folded text where there is one
    # (see _without_case); what they find is cut from the sentence. The text
    # before the figure is sliced only for the searches that need it (most
    # figures take the noun phrase after them, read in place).
    text = sentence if low is None else low
    start = stat.start
    window = start - 160 if start > 160 else 0
    np = None
    # "number of", "proportion of", ...: both words within `before` (the one
    # character added to it for the first search cannot complete either), the
    # noun before an "of", so before the last one (the shorter scan is the gain).
    if low is None or ((last_of := low.rfind("of", window, start)) >= 0 and _SUBJECT_NOUN.search(low, window, last_of)):
        subject_of = _SUBJECT_OF if low is None else _F_SUBJECT_OF
        text_before = text[window:start]
        subject = subject_of.search(text_before + " " + text[start:start + 1]) if stat.change_from is not None or stat.direction else None
        if subject is None:
            subject = subject_of.search(text_before)
        if subject and not _DURATION_START.match(subject.group("np")):  # not "an average of 7 minutes before ... was"
            np = (sentence[window:start] + " " + sentence[start:start + 1])[subject.start("np"):subject.end("np")]
    if np and len(np.split()) <= 12:
        return _tidy(np)
    if stat.direction or stat.change_from is not None:
        change_verb, clause_start = (_CHANGE_VERB, _CLAUSE_START) if low is None else (_F_CHANGE_VERB, _F_CLAUSE_START)
        text_before = text[window:start]
        verb = None
        for verb in change_verb.finditer(text_before):
            pass
        if verb is not None:
            head = sentence[window:window + verb.start()]
            clause = clause_start.search(text_before, 0, verb.start())
            phrase = head[clause.end():] if clause else head
            if 0 < len(phrase.split()) <= 12:
                return _tidy(phrase)
    unit = stat.unit
    if unit == "rate" or unit == "per_100000":
        inside = _RATE_INSIDE.match(sentence[start:stat.end])
        if inside and inside.group(1):
            return inside.group(1)
        if (low is None or low.find(" per ", window, start) >= 0) and (named := _RATE_NAMED.search(sentence, window, start)):
            return named.group(1)  # "Recorded crime per 1,000 population | 104.5 | 85.8"
    # The phrase after the figure (from `after`, sentence[stat.end:], in place:
    # none of these patterns looks behind its start).
    after = stat.end
    part = False  # "N% of X", "nine of the 23 cases": X is what is counted
    if unit == "percent" or unit == "ratio" or unit == "percentage_points" or (unit == "count" and text.startswith(" of ", after)):
        of = _OF_THE.match(sentence, after)
        if of:
            after = of.end()
            part = True
    words = _noun_phrase(sentence, after)
    if words and _junk(words):
        words = []  # "only", "we", "Nationally": no noun phrase
    before = text[window:start]
    # The frames below end at the figure: each is looked for only when the word before it
    # (`last`) or the characters before it can end one (every figure gets a measure: keep it cheap).
    before_low = before if low is not None else before.lower()  # for the literal tests (the patterns ignore case)
    last = before_low[before_low.rfind(" ", 0, len(before_low) - 1) + 1:].rstrip()
    # "a national target of", "an average of", "a backlog of": the noun the figure is of.
    frame = _HEAD_OF.search(before, len(before) - 90 if len(before) > 90 else 0) if before_low.endswith(_HEAD_OF_TAILS) and before_low.find(" of", len(before) - 16 if len(before) > 16 else 0) >= 0 else None
    head = sentence[window + frame.start("head"):window + frame.end("head")] if frame else None
    if part and (last in _QUALIFIER_WORDS or last == "up" or last == "for") and (share := _SHARE_VERB.search(before, len(before) - 40 if len(before) > 40 else 0)):
        # "Black children make up 17% of the 10 to 17 population": them, in it.
        clause = _clause_words(sentence, window, window + share.start(), text)
        whole = _post_modifier(sentence, after, 5)
        if clause and whole:
            return f"{' '.join(clause)} in {' '.join(whole)}"
    if words:
        end = sentence.find(words[-1], after) + len(words[-1])
        if words[-1] in ("looked", "cared") and sentence.startswith(" after", end):
            words.append("after")  # "children looked after"
            end += 6
        by = None
        if (unit == "percent" or unit == "ratio") and before.rstrip().endswith(_PARTICIPLE_TAILS) and (participle := _PARTICIPLE.search(sentence[window:start])):
            words.append(participle.group(1))  # "answered 84.7 per cent of emergency calls": calls answered
        elif unit == "count" and not part and not head:
            if last in _COPULA_LAST and (copula := _COPULA_BEFORE.search(before, len(before) - 40 if len(before) > 40 else 0)) and (clause := _clause_words(sentence, window, window + copula.start(), text)) and _AGGREGATE.search(" ".join(clause)):
                return " ".join(clause)  # "average caseloads are 15 children": the caseloads
            if (last.endswith("ed") or last in _COUNT_VERB_LAST) and (verb := _COUNT_VERB.search(before, len(before) - 50 if len(before) > 50 else 0)):
                # "The hub received 61,300 contacts": contacts received, by the hub.
                word = sentence[window + verb.start(1):window + verb.end(1)]
                subject = _clause_words(sentence, window, window + verb.start(), text)
                passive = bool(subject) and subject[-1].lower() in ("was", "were", "been", "being", "is", "are") and not word.endswith("ing")
                while subject and subject[-1].lower() in _THERE_WAS:
                    subject.pop()  # "The force has recruited"
                if passive:
                    if subject and not _junk(subject):
                        return " ".join([*subject, word])  # "rest days were cancelled 4,100 times"
                else:
                    words.append(_PAST.get(word.lower(), word))
                    if subject and len(subject) <= 5 and not _junk(subject[:1]) and subject[0].lower() not in _RELATIVES and all(w.isalpha() or w.endswith(("'s", "’s")) or "-" in w for w in subject):
                        by = subject
        words += _post_modifier(sentence, end, _MEASURE_WORDS - len(words), verb_next=True)
        if by and len(words) + len(by) < _MEASURE_WORDS:
            words += ["by", *by]
        phrase = " ".join(words)
        if part and before_low.find(" in ", len(before) - 30 if len(before) > 30 else 0) >= 0 and (lead := _OBJECT_OF.search(before, len(before) - 30 if len(before) > 30 else 0)):
            # "A victim needs assessment was completed in 46 per cent of cases": the cases where it was.
            clause = _clause_words(sentence, window, window + lead.start("in"), text)
            while clause and clause[0].lower() in _THERE_WAS:
                del clause[0]
            if len(clause) > 1:
                phrase += " where " + " ".join(clause)
        elif part and (last == "in" or last == "on" or last == "for" or last in _QUALIFIER_WORDS) and _IN_LEAD.search(before) and 0 < (comma := sentence.find(",", stat.end, stat.end + 100)):
            # "In 33 of the 112 investigations we reviewed, there was no evidence of supervision".
            clause = _post_modifier(sentence, comma + 1, 8)
            while clause and clause[0].lower() in _THERE_WAS:
                del clause[0]
            if clause and not _junk(clause):
                phrase += " where " + _tidy(" ".join(clause))
        if head and not part:
            phrase = f"{head} of {phrase}"  # "a backlog of 212 referrals waiting for review"
        return phrase
    if before.find(",", len(before) - 24 if len(before) > 24 else 0) >= 0 and (before_low.find("of ") >= 0 or before_low.find("in the ") >= 0 or before_low.find("among ") >= 0) and (
            lead := _OF_THE_LEAD.search(before)):
        # "Of the 212 records we reviewed, 87 per cent had reasonable grounds".
        group = "np" if lead.group("np") else "np2"
        phrase = sentence[window + lead.start(group):window + lead.end(group)].split()[:_MEASURE_WORDS]
        return " ".join(phrase + _post_modifier(sentence, stat.end, _MEASURE_WORDS - len(phrase), verb_next=True))
    post = _post_modifier(sentence, after if part else stat.end, _MEASURE_WORDS - (0 if part else 3), verb_next=True)
    pronoun = False
    while post and (post[0].lower() in _PRONOUNS or (pronoun and post[0].lower() in _AUXILIARIES | {"has", "have", "had"})):
        del post[0]  # "a third of them were foreign nationals", "of them had been in custody"
        pronoun = True
    if head:
        if head.lower() in _AVERAGE_HEADS and unit in _TIME_UNITS:
            head += " time"  # "waited an average of 7 minutes": the average time
        if post and post[0].lower() in ("to", "for", "before", "between", "from"):
            return f"{head} {' '.join(post)}"  # "an average of 19 minutes to reach the most urgent incidents"
        if unit in _TIME_UNITS and head.lower().endswith(_AVERAGE_TAILS) and (clause := _clause_words(sentence, window, window + frame.start(), text)):
            return f"{head} {' '.join(clause)}"  # "average time callers to the 101 line waited"
        return _tidy(head)
    if (last in _SUBJECT_IS_LAST or last.endswith(":")) and (verb_at := _subject_verb(before_low)) >= 0:
        # "The positive rate for random drug tests was 37%", "Vacancies stood at 11%".
        clause = _clause_words(sentence, window, window + verb_at, text, _MEASURE_WORDS + 2)
        if clause and not _junk(clause):
            return " ".join(clause)
    if unit in _TIME_UNITS and (last in _DURATION_VERBS or (last in _DURATION_GATE and _DURATION_VERB.search(before_low, len(before) - 40 if len(before) > 40 else 0))) and (
            clause := _clause_words(sentence, window, start, text)):
        # "children waited 548 days between entering care and ...", "People ringing 101 waited seven minutes".
        while clause and (clause[-1].lower() in _JUNK or clause[-1].lower() in _TRAILING or clause[-1].lower() in ("up", "to", "an")):
            clause.pop()
        while clause and clause[0].lower() in _JUNK:
            del clause[0]
        while clause and clause[0].lower() in _RELATIVES:
            del clause[0]
        if len(clause) > 1 and clause[-1].lower() in _DURATION_VERBS:
            if post and post[0].lower() in ("for", "to", "between", "before", "from"):
                clause += post[:_MEASURE_WORDS - len(clause)]
            return " ".join(clause)
    if unit == "gbp" and post and post[0].lower() in ("on", "for", "in", "to") and len(post) > 1:
        # "spent £12m on agency social workers": spending on them.
        verb = _MONEY_VERB.search(before)
        noun = _MONEY_NOUNS.get((verb.group(1) or "").lower(), "funding") if verb else "funding"
        if verb and (extra := verb.group("extra") or verb.group("extra2")):
            noun = f"{extra.lower()} {noun}"
        return f"{noun} {' '.join(post)}"
    if post and not _junk(post) and post[0][0].isalpha() and (pronoun or post[0].lower() not in _STOP_WORDS) and post[0].lower() != "of":
        return " ".join(post)  # "89% were completed within 45 working days", "51% said it was easy ..."
    # "officers numbered 312": fall back to the words before the figure.
    tail = [w for w in _MEASURE_WORD.findall(sentence, start - 60 if start > 60 else 0, start)[-3:] if w.lower() not in _STOP_WORDS]
    return None if _junk(tail) else " ".join(tail)


_QUALIFIER_WORDS = frozenset("only just about around nearly almost over under than some".split())
_COPULA_LAST = _QUALIFIER_WORDS | {"was", "were", "is", "are", "at", "averaged", "remained", "remains"}
_COUNT_VERB_LAST = _QUALIFIER_WORDS | {"further", "another", "extra", "holds", "holding", "hold", "lost", "loses", "employs", "employing", "serves", "serving", "receives",
                                       "receiving", "handles", "handling", "manages", "managing", "supervises", "supervising", "made", "makes", "making", "met",
                                       "seen", "saw", "sees", "held", "took", "takes"}
_SUBJECT_IS_LAST = _QUALIFIER_WORDS | {"was", "were", "is", "are", "at", "reached", "totalled", "totaled", "numbered", "averaged", "to", "been", "remains", "remained",
                                       "still", "now", "currently", "typically"}
_COPULA_BEFORE = re.compile(r"\s+(?:was|were|is|are|stood\s+at|stands\s+at|averaged|remained|remains)\s+(?:only\s+|just\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|some\s+)?$", re.I)
_COUNT_VERB = re.compile(
    r"\b([a-z]+ed|holds|holding|hold|lost|loses|employs|employing|serves|serving|receives|receiving|handles|handling|manages|managing|supervises|supervising|made|makes|making|met|seen|saw|sees|held|took|takes)\s+"
    r"(?:only\s+|just\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|fewer\s+than\s+|less\s+than\s+|some\s+|a\s+further\s+|another\s+|an\s+extra\s+)?$", re.I)
_PAST = {"holds": "held", "holding": "held", "hold": "held", "loses": "lost", "employs": "employed", "employing": "employed", "serves": "served",
         "serving": "served", "receives": "received", "receiving": "received", "handles": "handled", "handling": "handled", "manages": "managed",
         "managing": "managed", "supervises": "supervised", "supervising": "supervised", "makes": "made", "making": "made", "saw": "seen",
         "sees": "seen", "took": "taken", "takes": "taken"}
_AGGREGATE = re.compile(r"\b(?:caseloads?|average|total|number|population|figure|count|backlog|workforce|establishment|capacity|size|strength|complement)\b", re.I)
_IN_LEAD = re.compile(r"(?:^|[,;:]\s*|\band\s+)(?:in|on|for)\s+(?:only\s+|just\s+|almost\s+|nearly\s+|around\s+|about\s+|more\s+than\s+|fewer\s+than\s+|less\s+than\s+|over\s+|under\s+)?$", re.I)
_THERE_WAS = frozenset("there it was were is are had has have been".split())
_DURATION_GATE = _QUALIFIER_WORDS | {"to", "for"}
_DURATION_VERB = re.compile(r"\b(?:wait|took|take|last|spen|lost|lose)")
_DURATION_VERBS = frozenset("waited wait waits waiting took take takes taking lasted lasts lasting spent spend spends spending lost lose loses".split())
_RATE_NAMED = re.compile(r"(?:^|[|:;(]\s*)([A-Za-z][A-Za-z'’ -]{1,50}?\s+per\s+[\d,]+(?:\s+[a-z]+)?)\b", re.I)
_DURATION_START = re.compile(r"[\d,.]+\s+(?:seconds|minutes|hours|days|weeks|months|years|per\b|%)")
_MEASURE_WORDS = 10  # a measure's length at most, in words
# A benchmark's measure that names no more than what it is ("national target"), and the words
# before a figure that compare it with one.
_BENCHMARK_HEAD = re.compile(r"(?:[A-Za-z'’-]+\s+){0,2}?(?:target|standard|average|requirement)(?:\s+time)?", re.I)
_BENCHMARK_ENDS = ("target", "standard", "average", "requirement", "time")
_CHANGE_HEAD = re.compile(r"(?:increase|rise|reduction|fall|drop)", re.I)
_COMPARED_BEFORE = re.compile(r"\b(?:against|compared\s+(?:with|to)|below|above|short\s+of|than|exceeding|missing|beating|meeting|versus|vs)\b", re.I)
_PRONOUNS = frozenset("them those these whom which".split())
_SHARE_VERB = re.compile(r"\s+(?:make|makes|made|making)\s+up\s+(?:about\s+|around\s+|nearly\s+|almost\s+|just\s+over\s+|just\s+under\s+|more\s+than\s+|over\s+|only\s+|just\s+)?$"
                         r"|\s+(?:account|accounts|accounted|accounting)\s+for\s+(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|only\s+|just\s+)?$", re.I)
# Words that name nothing on their own: adverbs, determiners, pronouns, number words.
_JUNK = frozenset(
    "only just about around almost nearly some more most less fewer over under approximately roughly estimated "
    "we they he she it them these those this that there here nationally locally also still now already all both "
    "each every one two three four five six seven eight nine ten eleven twelve half quarter third fifth tenth "
    "said says per cent percent of and or but than up down well".split()
)


_JUNK_OR_STOP = _JUNK | _STOP_WORDS


def _junk(words: list[str]) -> bool:
    for word in words:
        if word.lower() not in _JUNK_OR_STOP:
            return False
    return True


# "a/the [national] target|average|backlog ... of [about] N" before the figure (folded or plain text).
_HEAD_NOUNS = (
    "target", "standard", "average", "mean", "median", "total", "requirement", "budget", "population", "caseloads?",
    "backlog", "increase", "rise", "reduction", "fall", "drop", "overspend", "deficit", "shortfall", "interval", "wait", "score", "cost",
)
_HEAD_OF = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her)\s+)(?P<head>(?:[a-z'’-]+\s+){0,2}?(?:" + "|".join(_HEAD_NOUNS) + r")"
    r"(?:\s+(?:for|of|in)\s+(?:[a-z'’-]+\s+){0,3}?[a-z'’-]+)?)\s+of\s+"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+|just\s+over\s+|just\s+under\s+|more\s+than\s+|over\s+|some\s+|only\s+|up\s+to\s+|less\s+than\s+|fewer\s+than\s+|\+/-\s*|£)?$",
    re.I,
)
_HEAD_OF_TAILS = ("of ", "of", "of £", "+/- ", "+/-", "than ", "about ", "around ", "nearly ", "almost ", "over ", "some ", "only ", "to ")
_AVERAGE_HEADS = ("average", "mean", "median")
_AVERAGE_TAILS = ("average", "average time", "mean", "mean time", "median", "median time")
# "in N% of X": the clause before says what happened in them (its subject up to "in").
_OBJECT_OF = re.compile(r"(?P<in>\s+in\s+(?:only\s+|just\s+|almost\s+|nearly\s+|around\s+|about\s+|more\s+than\s+|fewer\s+than\s+|less\s+than\s+|over\s+|under\s+)?)$", re.I)
# "Of the 212 records we reviewed, " before the figure.
_OF_THE_LEAD = re.compile(
    r"(?:^|[;:]\s*|\b)(?:of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+)?(?:[\d,]+\s+)?(?P<np>[a-z][^,;:]{2,70}?)|(?:in|among)\s+the\s+(?!(?:year|month|week|quarter|period|past|last|first|same|meantime|time|end|start)s?\b)(?P<np2>[a-z][^,;:\d]{2,70}?)),\s*"
    r"(?:only\s+|just\s+|almost\s+|nearly\s+|around\s+|about\s+|more\s+than\s+|fewer\s+than\s+|less\s+than\s+|over\s+|under\s+)?$",
    re.I,
)
# "X was/were/stood at/reached N", "X: N" - the clause subject: where its verb starts in `before`, or -1.
_SUBJECT_VERBS = frozenset("was were is are remains remained reached totalled totaled numbered averaged".split())
_SUBJECT_VERB_PAIRS = frozenset({("stood", "at"), ("stands", "at"), ("amounted", "to"), ("has", "been"), ("had", "been")})
_SUBJECT_FILLERS = frozenset("only just about around nearly almost over under some still now currently typically".split())


def _subject_verb(before: str) -> int:
    end = len(before.rstrip())
    if before.endswith(":", 0, end):
        return end - 1
    words = before[-48:].split()
    n = len(words)
    if n and words[-1] in _SUBJECT_FILLERS:
        n -= 1
    elif n > 1 and words[-1] == "than" and words[-2] in ("more", "less"):
        n -= 2
    if n and words[n - 1] in _SUBJECT_VERBS:
        verb = " " + words[n - 1]
    elif n > 1 and (words[n - 2], words[n - 1]) in _SUBJECT_VERB_PAIRS:
        verb = " " + words[n - 2]
    else:
        return -1
    return before.rfind(verb + " ")
_MONEY_VERB = re.compile(
    r"\b(spent|spend|spends|spending|invested|invest|invests|overspent|saved|save|cost|costs)\s+(?:a\s+further\s+|an?\s+)?(?P<extra>additional|extra|further)?\s*(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|some\s+)?$"
    r"|\b(?:agreed|allocated|committed|given|received|awarded|provided|secured|found|set\s+aside)\s+(?:a\s+further\s+|an?\s+)?(?P<extra2>additional|extra|further)?\s*$",
    re.I,
)
_MONEY_NOUNS = {"spent": "spending", "spend": "spending", "spends": "spending", "spending": "spending", "invested": "investment", "invest": "investment",
                "invests": "investment", "overspent": "overspend", "saved": "savings", "save": "savings", "cost": "cost", "costs": "cost"}
# Words that end a post-modifier: another clause, a comparison, a time.
_POST_STOP = frozenset(
    "compared since but while whereas although though because against according so as if despite including meaning "
    "making which up down rather before after will would could should can may might must did does do during last this next "
    "yet however per until unless whose across".split()
)
_AUXILIARIES = frozenset("was were is are be been being".split())
_FILLERS = frozenset("now currently still also already".split())
_TIME_AFTER_PREP = frozenset(
    "the last previous past year years month months week quarter time end start first january february march april may june "
    "july august september october november december spring summer autumn winter".split()
)
_TRAILING = frozenset("of and or in on at by for with to the a an who that where not their its from within into more less least his her than".split())


_POST_STOP_THAN = _POST_STOP | {"than"}


# What a word does in a post-modifier (see _post_modifier): 1 ends it, 2 an auxiliary or filler
# dropped after the noun, 3 "has/have/had" before a participle, 4 a preposition before a time, 5 "and"/"or".
_POST_KINDS = {
    **dict.fromkeys(_AUXILIARIES | _FILLERS, 2), **dict.fromkeys(("has", "have", "had"), 3),
    **dict.fromkeys(("in", "during", "at", "by", "over", "for", "on"), 4), "and": 5, "or": 5, **dict.fromkeys(_POST_STOP_THAN, 1),
}


def _is_year(word: str) -> bool:
    return len(word) >= 4 and word[:4].isdecimal() and 1900 <= int(word[:4]) <= 2099


def _post_modifier(sentence: str, pos: int, room: int, verb_next: bool = False) -> list[str]:
    """The words after a noun phrase that still say which of it are counted: its
    prepositional phrase or relative clause ("in care", "who went missing",
    "assessed as needing a service", "were completed within 20 working days"
    without the auxiliary), up to `room` words; a comparison, another clause or
    a time ("in 2022", "in the last year") ends it."""
    words: list[str] = []
    if room <= 0:
        return words
    first_char = sentence[pos + 1:pos + 2] if sentence[pos:pos + 1] == " " else sentence[pos:pos + 1]
    if not first_char.isalnum():
        return words  # punctuation, a figure or the end: nothing after the phrase
    # The words split on white space (cheaper than a pattern per word: every figure's
    # measure looks here); a mark after a word ends the phrase after it.
    tokens = sentence[pos:pos + 110].split(None, room + 6)
    if len(tokens) > room + 6 or (len(tokens) > 1 and pos + 110 < len(sentence)):
        tokens.pop()  # the rest, or a word cut short
    first = True
    n = len(tokens)
    for i in range(n):
        token = tokens[i]
        comma = ended = False
        if token.isalpha():
            word = token  # most tokens: a plain word, with no mark to strip nor shape to test
        else:
            if not token[-1].isalnum():
                if token[-1] == ",":
                    comma = True
                    word = token[:-1]
                else:
                    word = token.rstrip(_ENDING_MARKS)
                    ended = True
            else:
                word = token
            if not word.isalpha() and (not word or not _WORD_TOKEN.fullmatch(word) or (len(word) >= 4 and word[:4].isdecimal() and word[:2] in ("19", "20"))):
                break  # "£5m", "14%", "24/7", a quotation mark, a year: another figure or phrase
        lowered = word.lower()
        kind = _POST_KINDS.get(lowered)
        if kind is not None:  # most words are none of these: taken as they are
            if kind == 1:  # a stop ("compared", "since", "because", ...), "than", "after"
                if not ((lowered == "after" and words and words[-1].lower() in ("looked", "cared")) or (
                        lowered == "than" and words and words[-1].lower() in _COMPARATIVES)):
                    break
            elif kind == 2:  # an auxiliary or filler: "cases were judged inadequate": cases judged inadequate
                if verb_next and not (words and words[-1].lower() in _RELATIVES):
                    if comma:
                        break
                    continue
                if first and lowered == "been":
                    continue
            else:  # a word whose meaning here depends on the next
                following = tokens[i + 1].lower().rstrip(",") if i + 1 < n else ""
                if first and verb_next and kind == 3 and _participle(following if following != "been" else (tokens[i + 2].lower() if i + 2 < n else "")):
                    continue  # "had been assessed", "have lived"
                if kind == 4 and following and (following in _TIME_WORDS or _is_year(following) or (
                        following in _TIME_DETERMINERS and i + 2 < n and tokens[i + 2].lower().rstrip(",") in _TIME_WORDS)):
                    break
                if kind == 5 and not (words and words[-1].isdecimal() and following.isdecimal()) and (
                        not following or not following[0].isalpha() or following in _NOT_CONTENT or following.endswith("ed")):
                    break  # "aged 17 and 18" goes on; "and the ...", "and commissioned ..." do not
        first = False
        words.append(word)
        if len(words) >= room or ended:
            break
        if comma:
            # "in work, training or education": a list goes on; any other comma ends the phrase.
            if words[-1].lower() not in _TRAILING and _list_after(tokens, i + 1):
                words[-1] += ","
                continue
            break
    while words and (words[-1].lower().rstrip(",") in _TRAILING or words[-1].endswith(",")):
        words.pop()
    return words


_ENDING_MARKS = ".;:)]|!?\"”’'"
_WORD_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*(?:[.,]\d+[A-Za-z0-9'’-]*)*")
_COMPARATIVES = frozenset("more less fewer longer shorter greater higher lower".split())
_TIME_DETERMINERS = frozenset("the this that each every".split())
_TIME_WORDS = frozenset(
    "last previous past first same latest most year years month months week weeks quarter quarters time times end start period periods "
    "january february march april may june july august september october november december".split()
)
_NOT_CONTENT = frozenset("the a an its their was were is are had has have will would could should it they we he she this that there also then so not in on at by for with to".split())
_PARTICIPLE_ENDS = ("ed", "en", "wn", "ne", "lt", "ught", "id", "ot", "ad")
_PARTICIPLES = frozenset("had made held kept seen met got lived left".split())


def _participle(word: str) -> bool:
    return word.endswith(_PARTICIPLE_ENDS) or word in _PARTICIPLES


def _list_after(tokens: list[str], i: int) -> bool:
    """Whether tokens[i:] go on a list: one or two words, then "or"/"and" and a word."""
    for j in (i + 1, i + 2):
        if j + 1 < len(tokens) and tokens[j].lower() in ("or", "and") and tokens[j + 1][:1].isalpha() and all(t.rstrip(",").isalpha() for t in tokens[i:j]):
            return True
    return False


_RELATIVES = frozenset("who that which where it they he she we there".split())
_CLAUSE_LEAD = re.compile(r"^(?:(?:and|but|so|while|although|whereas|however|then|also|we\s+found\s+that|we\s+found|inspectors\s+found\s+that|inspectors\s+found|the\s+report\s+found\s+that|found\s+that|that)\s+)+", re.I)


_CLAUSE_BOUNDARY = re.compile(r"[,;:(|]\s*|\b(?:but|while|whereas|although|that|which|who|because)\s+", re.I)


_CLAUSE_LEAD_WORDS = frozenset("and but so while although whereas however then also we inspectors the found that".split())
_ARTICLE_WORDS = frozenset("the a an its their recorded".split())


def _clause_words(sentence: str, lo: int, hi: int, text: str, limit: int = _MEASURE_WORDS - 1) -> list[str]:
    """The words of the clause that ends at sentence[hi] (from the last clause break after `lo`),
    without its leading conjunction, article or "we found that"; [] when longer than a measure."""
    near = hi - 100 if hi - 100 > lo else lo  # a clause longer than that is longer than a measure
    begin = -1
    for clause in _CLAUSE_BOUNDARY.finditer(text, near, hi):
        begin = clause.end()
    if begin < 0:
        if near > lo:
            return []
        begin = lo
    words = sentence[begin:hi].split()
    if words and words[0].lower() in _CLAUSE_LEAD_WORDS:
        words = _CLAUSE_LEAD.sub("", " ".join(words)).split()
    if words and words[0].lower() in _ARTICLE_WORDS:
        words = _tidy(" ".join(words)).split()
    if not words or len(words) > limit:
        return []
    return words


_PUNCTUATION = r"[,.;:()\[\]|]"
_PHRASE_TOKEN = re.compile(rf"({_MEASURE_WORD.pattern}|(?<![\d,.])(?:999|101|111)(?=\s+[a-z]))|{_PUNCTUATION}")  # "999 calls" keeps its number


_PHRASE_STOPS = frozenset(_STOP_WORDS - {"of"})  # "number of children" goes on
_PHRASE_LEADS = frozenset(("the", "a", "an", "its", "their", "all"))


def _noun_phrase(text: str, pos: int = 0) -> list[str]:
    """The words of the noun phrase that starts at text[pos:] (stop words end it)."""
    words: list[str] = []
    # Words and punctuation in one scan: punctuation between the last word taken
    # (or the start) and the next word ends the phrase (no punctuation character
    # can be inside a word, so the words are those of _MEASURE_WORD).
    for match in _PHRASE_TOKEN.finditer(text, pos, pos + 120):
        word = match[1]
        if word is None:
            break
        lowered = word.lower()
        if lowered in _PHRASE_STOPS:
            if words or lowered not in _PHRASE_LEADS:
                break
            continue  # "of the children": the phrase starts after its article
        words.append(word)
        if len(words) >= 6:
            break
    while words and words[-1].lower() in ("of", "and"):
        words.pop()
    return words


_ARTICLE = re.compile(r"^(?:the|a|an|its|their|recorded by the force,?)\s+", re.I)


def _tidy(phrase: str) -> str:
    phrase = _ARTICLE.sub("", phrase.strip())
    return " ".join(phrase.split())


def _without_case(rx: re.Pattern, source: str | None = None) -> re.Pattern:
    """`rx` (re.IGNORECASE) for the folded text (scan.fold): without the flag, on
    the lower-cased text, it finds the same matches at the same offsets (fold()
    gives a text only where lower-casing reproduces what re.I sees), several
    times faster - case-insensitive matching is what made these patterns slow.
    `source` is the pattern with its letters in lower case, when they are not."""
    source = rx.pattern if source is None else source
    if re.search("[A-Z]", re.sub(r"\\.|\(\?P[<=]", "", source)):  # not escapes, nor (?P<name>
        raise ValueError(f"a pattern for folded text has upper-case letters: {source[:80]}")
    return re.compile(source, rx.flags & ~re.I)


_F_NUMBER_WORDS = _without_case(_NUMBER_WORDS)
_F_LETTER_PER = {key: _without_case(rx) for key, rx in _LETTER_PER.items()}
_F_BY_FIRST_CHARACTER = {key: tuple(map(_without_case, patterns)) for key, patterns in _BY_FIRST_CHARACTER.items()}
_F_PERIOD = _without_case(_PERIOD, _PERIOD.pattern.replace(_MONTH, _MONTH.lower()))
_F_QUALIFIER, _F_CHANGE_PCT, _F_COMPARISON, _F_COMPARED = map(_without_case, (_QUALIFIER, _CHANGE_PCT, _COMPARISON, _COMPARED))
_F_AREAS_AFTER, _F_URL, _F_LONG_UNIT, _F_GAP_UNIT = map(_without_case, (_AREAS_AFTER, _URL, _LONG_UNIT, _GAP_UNIT))
_F_CHANGE, _F_BY_OR_UP, _F_FROM_BEFORE, _F_DOWN_FROM, _F_TRAILING_CHANGE = map(_without_case, (_CHANGE, _BY_OR_UP, _FROM_BEFORE, _DOWN_FROM, _TRAILING_CHANGE))
_F_FROM_TO_AT = _without_case(_FROM_TO_AT, _FROM_TO_AT.pattern.replace(_MONTH, _MONTH.lower()))
_F_SUBJECT_OF, _F_CHANGE_VERB, _F_CLAUSE_START = map(_without_case, (_SUBJECT_OF, _CHANGE_VERB, _CLAUSE_START))


@Language.factory("miner_statistics", assigns=["doc.spans"], requires=["doc.sents"])
def make_statistic_extractor(nlp: Language, name: str) -> StatisticExtractor:
    return StatisticExtractor(nlp, name)
