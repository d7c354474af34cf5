"""`miner_statistics`: figures with their unit, what they measure, period and change.

Candidates come from one regular expression over each sentence that holds a
digit or a number word; exclusions (years, dates, phone numbers, paragraph
and page numbers, reading times, URLs, ages) are checked on the context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from miner.nlp.context import get_context, set_span_values
from miner.nlp.numbers import DIGITS, FRACTIONS, MULTIPLIERS, NUMBER_WORD, UNITS, parse_number
from miner.nlp.organisations import OrganisationIndex
from miner.nlp.scan import Literals, finditer_at, fold

SPANS_KEY = "statistics"

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_SCALE = r"(?:\s*(?:million|billion|thousand|bn|mn|m|k)\b)?"
_NUM = rf"(?:{DIGITS})"
_WORDNUM = rf"(?:{NUMBER_WORD})"
_FRACTION = r"(?:two[- ]thirds|three[- ]quarters|two fifths|a third|one third|a quarter|one quarter|a fifth|one fifth|a tenth|one tenth|half|a half)"
_DURATION_UNITS = r"(?:(?:working |calendar )?days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|weeks?|months?|years?)"

_WORD_PARTS = [
    rf"(?P<money>£\s?{_NUM}{_SCALE})",
    rf"(?P<ratio>\b(?:{_WORDNUM}|\d{{1,3}})\s+(?:in|out of)\s+(?:every\s+)?(?!(?:19|20)\d\d\b)(?:{_WORDNUM}|\d{{1,3}}(?:,\d{{3}})?)\b(?!\s*(?:areas|of|categories|questions)\b))",
    rf"(?P<fraction>\b(?:almost |nearly |around |about |more than |over |just over |just under |under )?{_FRACTION}(?=\s+(?:of|the|had|have|has|were|was|are|is|did|do|as|said|took|received)\b))",
    rf"(?P<byfraction>(?<=\bby )(?:almost |nearly |around |about |more than |over |just over |just under |under )?{_FRACTION}\b|(?<=\bof more than ){_FRACTION}\b|(?<=\bof ){_FRACTION}\b(?=\s*(?:[,.;]|$)))",
    rf"(?P<multiplier>\b(?:doubled|tripled|trebled|quadrupled|halved)\b|\b(?:double|treble|triple)\b(?=\s+(?:the|its|that|what)\b)|\b(?:{_WORDNUM}|\d+(?:\.\d+)?)\s+times\b(?=\s+(?:more|higher|greater|as|the|larger|bigger|lower|fewer)\b|\s*[,.;]|\s*$)|\bhalf as\b)",
    rf"(?P<percent>(?<![\w.£])(?:{_NUM}|{_WORDNUM})\s*(?:%|per\s?cent\b|percent\b|percentage points?\b|pp\b))",
    rf"(?P<rate>(?<![\w.£]){_NUM}{_SCALE}\s+(?:[a-z-]+\s+){{0,3}}?per\s+(?:1,000|1000|100,000|100000|10,000|thousand|head|capita)\b(?:\s+(?:people|population|residents|officers|children))?)",
    rf"(?P<duration>(?<![\w.£])(?:{_NUM}|{_WORDNUM})\s+{_DURATION_UNITS}\b)",
    rf"(?P<count>(?<![\w.£/:-]){_NUM}{_SCALE}(?![\w/%]|\.\d|-(?!strong)))",
    rf"(?P<wordcount>\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b(?=\s+(?:(?:new|more|further|additional|other|separate|serious|self-inflicted|local|locality|former|senior|permanent|interim|different|newly|extra|full-time|specialist|council-run|[a-z]+-[a-z]+)\s+){{0,2}}[a-z][a-z'’-]*s\b))",
]
_CANDIDATE = re.compile("|".join(_WORD_PARTS), re.I)
# The same alternatives without number words, for the many sentences that
# have none: the word lists are what make the full pattern slow.
_DIGIT_PARTS = [
    rf"(?P<money>£\s?{_NUM}{_SCALE})",
    rf"(?P<ratio>\b\d{{1,3}}\s+(?:in|out of)\s+(?:every\s+)?(?!(?:19|20)\d\d\b)\d{{1,3}}(?:,\d{{3}})?\b(?!\s*(?:areas|of|categories|questions)\b))",
    rf"(?P<multiplier>\b(?:doubled|tripled|trebled|quadrupled|halved)\b|\b(?:double|treble|triple)\b(?=\s+(?:the|its|that|what)\b)|\b\d+(?:\.\d+)?\s+times\b(?=\s+(?:more|higher|greater|as|the|larger|bigger|lower|fewer)\b|\s*[,.;]|\s*$))",
    rf"(?P<percent>(?<![\w.£]){_NUM}\s*(?:%|per\s?cent\b|percent\b|percentage points?\b|pp\b))",
    _WORD_PARTS[6],
    rf"(?P<duration>(?<![\w.£]){_NUM}\s+{_DURATION_UNITS}\b)",
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
# multiplier ("doubled"); `_NUMBER_WORDS` cannot match without one of its words.
_CANDIDATE_STARTS = Literals(
    [*"0123456789£", *(w for w in UNITS if w not in ("a", "an", "no", "single")), "a third", "a quarter", "a fifth", "a tenth",
     "a half", "half", "almost", "nearly", "around", "about", "more than", "over", "just", "under",
     "doubled", "tripled", "trebled", "quadrupled", "halved", "double", "treble", "triple"]
)
_NUMBER_WORD_LITERALS = Literals(
    [*(w for w in UNITS if w not in ("a", "an", "no", "single")), "half", "third", "quarter", "fifth", "tenth", "double", "treble", "triple"]
)
_PHONE_STARTS = Literals(["+44", "(", "0"])

_CHANGE = re.compile(
    r"\b(?P<verb>rose|risen|rising|rises|increased|increasing|increases|grew|grown|climbed|jumped|soared|went up|up|fell|fallen|falling|falls|decreased|decreasing|dropped|declined|reduced|went down|down|cut|dropping)\b"
    r"(?:\s+(?:by|to|from|almost|nearly|about|around|more than|over|some|just))*\s*$",
    re.I,
)
_UP_WORDS = {"rose", "risen", "rising", "rises", "increased", "increasing", "increases", "grew", "grown", "climbed", "jumped", "soared", "went up", "up"}
_FROM_TO = re.compile(
    rf"\bfrom\s+(?P<from>£?\s?{_NUM}{_SCALE})(?:\s*(?:%|per\s?cent|percent))?(?:\s+(?:in|at|during)\s+(?P<from_period>(?:19|20)\d\d(?:[/–-]\d{{2,4}})?|the \w+ (?:year|quarter|month)))?\s*(?:,\s*)?to\s+(?P<to>£?\s?{_NUM}{_SCALE})",
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


@dataclass
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


class StatisticExtractor:
    def __init__(self, nlp: Language, name: str = "miner_statistics"):
        self.nlp = nlp
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        pass

    def __call__(self, doc: Doc) -> Doc:
        ctx = get_context(doc)
        orgs = OrganisationIndex(doc)
        grading_ranges = [(s.start_char, s.end_char) for s in doc.spans.get("gradings", []) if s._.count is not None]
        spans: list[Span] = []
        # Keyword offsets found once in the whole text, looked up per sentence.
        number_word_index = ctx.literal_index(_NUMBER_WORD_LITERALS)
        candidate_index = ctx.literal_index(_CANDIDATE_STARTS)
        phone_index = ctx.literal_index(_PHONE_STARTS)
        for sent in ctx.sentences:
            text = sent.text
            s_start, s_end = sent.start_char, sent.end_char
            low = ctx.folded(s_start, s_end)
            if number_word_index.offsets is None:
                number_words = _NUMBER_WORD_LITERALS.any_in(low) and _NUMBER_WORDS.search(text) is not None
            else:
                number_words = number_word_index.any_within(s_start, s_end) and _NUMBER_WORDS.search(text) is not None
            if not number_words and not _DIGIT_OR_WORD.search(text):
                continue
            block_kind = ctx.block_kind(sent.start_char)
            offsets = (candidate_index.within(s_start, s_end), phone_index.within(s_start, s_end))
            for stat in find_statistics(text, is_block_start=_starts_block(ctx, sent.start_char), low=low, number_words=number_words, offsets=offsets):
                start = sent.start_char + stat.start
                end = sent.start_char + stat.end
                if any(s <= start < e for s, e in grading_ranges):
                    continue
                if block_kind == "heading" and stat.unit == "count":
                    continue
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                span = Span(doc, span.start, span.end, label=stat.unit)
                set_span_values(span, {
                    "organisation_id": orgs.near(start, sent.start_char), "value": stat.value, "unit": stat.unit,
                    "measure": stat.measure, "period": stat.period, "change_from": stat.change_from,
                    "change_to": stat.change_to, "change_pct": stat.change_pct, "direction": stat.direction,
                })
                spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


def _starts_block(ctx, offset: int) -> bool:
    i = ctx.block_index(offset)
    return i is not None and ctx.starts[i] == offset


_COMPARISON = re.compile(
    rf"\s*,?\s*(?:\(|–|-)?\s*(?:(?:up|down|rising|falling|increasing|decreasing|an? (?:increase|rise|fall|drop|reduction|decrease))\s+)?"
    rf"(?:from|compared with|compared to|against|versus|vs\.?|than)\s+(?:a\s+|the\s+)?(?:(?:rate|figure|level|total|proportion) of\s+)?(?:just\s+|about\s+|around\s+|some\s+)?"
    rf"(?P<num>£?\s?{_NUM}{_SCALE})\s*(?:%|per\s?cent|percent)?",
    re.I,
)
_CHANGE_PCT = re.compile(
    rf"(?:\s+(?:in|at|by|during)\s+[^,.;]{{1,25}}?)?\s*,?\s*(?:–|-|\()?\s*(?:(?:an?\s+)?(?:up|down|increase|rise|fall|drop|reduction|decrease|cut|jump)\s+(?:of\s+)?(?:by\s+)?(?:almost\s+|nearly\s+|about\s+|around\s+|more than\s+|over\s+|some\s+)?)"
    rf"(?P<pct>{_NUM})\s*(?:%|per\s?cent|percent)",
    re.I,
)
_PHONE = re.compile(r"(?:\+44\s?\(?0?\)?|\(?\b0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
_QUALIFIER = re.compile(r"\b(?:within|in|inside|under)\s+(?:the\s+)?$", re.I)


def find_statistics(
    sentence: str, is_block_start: bool = False, *, low: str | None = None, number_words: bool | None = None,
    offsets: tuple[list[int] | None, list[int] | None] = (None, None),
) -> list[_Stat]:
    """Statistics in one sentence, offsets relative to it.

    A change is one statistic: "rose from 142 in 2020 to 196 in 2022, up 38
    per cent" has value 196 with change_from 142, change_to 196, change_pct 38;
    "82%, compared with 49% at the last inspection" has value 82 and
    change_from 49. A target inside a measure ("answered within ten
    seconds") is part of the measure, not a figure of its own.
    """
    # `low` (scan.fold of the sentence), `number_words` (whether _NUMBER_WORDS
    # matches) and `offsets` (where candidate and phone keywords start, from
    # the document's scan.LiteralIndex) are passed by the component, which has them.
    if low is None:
        low = fold(sentence)
    if number_words is None:
        number_words = _NUMBER_WORDS.search(sentence) is not None
    found: list[_Stat] = []
    consumed_until = -1
    phones = [(p.start(), p.end()) for p in finditer_at(_PHONE, sentence, low, _PHONE_STARTS, offsets=offsets[1])]
    candidates = _CANDIDATE if number_words else _CANDIDATE_DIGITS
    for m in finditer_at(candidates, sentence, low, _CANDIDATE_STARTS, offsets=offsets[0]):
        if m.start() < consumed_until or any(a <= m.start() < b for a, b in phones):
            continue
        kind = m.lastgroup
        surface = m.group(0)
        if _excluded(sentence, m.start(), m.end(), kind, is_block_start):
            continue
        stat = _interpret(kind, surface, m.start(), m.end())
        if stat is None:
            continue
        attach = _attach_to(sentence, stat, found)
        if attach is not None:
            # "..., compared with 49% at our previous inspection": the earlier
            # value of a figure already found, not a figure of its own.
            attach.change_from, attach.change_to = stat.value, attach.value
            attach.direction = attach.direction or ("up" if attach.value > stat.value else "down" if attach.value < stat.value else "unchanged")
            continue
        if stat.unit in _TIME_UNITS and _QUALIFIER.search(sentence[max(0, stat.start - 12):stat.start]) and any(f.unit in ("percent", "ratio", "count", "rate") for f in found):
            continue
        _add_change(sentence, stat)
        if stat.change_from is not None and stat.change_to is not None:
            pct = _CHANGE_PCT.match(sentence, stat.end)
            if pct:
                stat.change_pct = parse_number(pct.group("pct"))
                stat.end = pct.end()
        elif stat.change_from is None:
            comparison = _COMPARISON.match(sentence, stat.end)
            if comparison:
                earlier = parse_number(comparison.group("num").replace("£", "").replace(" ", ""))
                if earlier is not None:
                    stat.change_from, stat.change_to = earlier, stat.value
                    stat.direction = stat.direction or ("up" if stat.value > earlier else "down" if stat.value < earlier else "unchanged")
                    consumed_until = comparison.end()
        consumed_until = max(consumed_until, stat.end)
        stat.measure = _measure(sentence, stat)
        period = _PERIOD.search(sentence, stat.end) or _PERIOD.search(sentence)
        if period:
            stat.period = period.group("period")
        found.append(stat)
    return found


_TIME_UNITS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years"}
_COMPARED = re.compile(r"(?:compared (?:with|to)|up from|down from|from|than|against|versus|vs\.?)\s+(?:a\s+|the\s+)?(?:(?:rate|figure|level|total|proportion) of\s+)?(?:just\s+|about\s+|around\s+|some\s+)?$", re.I)


def _attach_to(sentence: str, stat: _Stat, found: list[_Stat]) -> _Stat | None:
    if not found or not _COMPARED.search(sentence[max(0, stat.start - 40):stat.start]):
        return None
    for earlier in reversed(found):
        if earlier.unit != stat.unit:
            continue
        if earlier.change_from is None or abs(earlier.change_from - stat.value) < 1e-9:
            return earlier
    return None


def _interpret(kind: str, surface: str, start: int, end: int) -> _Stat | None:
    lowered = surface.lower().strip()
    if kind == "money":
        value = parse_number(lowered.replace("£", "").replace(" ", ""))
        return _Stat(start, end, value, "gbp") if value is not None else None
    if kind == "ratio":
        parts = re.split(r"\s+(?:in|out of)\s+(?:every\s+)?", lowered)
        a, b = parse_number(parts[0]), parse_number(parts[-1])
        if a is None or not b or a > b:
            return None
        if b >= 100 and b in (100, 1000, 10000, 100000):
            # "three in every 1,000" is a rate, reported as the count per that base.
            return _Stat(start, end, a, "per_100000" if b == 100000 else "rate")
        return _Stat(start, end, round(a / b, 4), "ratio")
    if kind == "fraction":
        phrase = re.sub(r"^(?:almost|nearly|around|about|more than|over|just over|just under|under)\s+", "", lowered)
        phrase = re.sub(r"\s+(?:of|the)$", "", phrase)
        value = FRACTIONS.get(phrase.replace("-", " ")) or FRACTIONS.get(phrase)
        return _Stat(start, start + len(surface), round(value, 4), "ratio") if value else None
    if kind == "byfraction":
        phrase = re.sub(r"^(?:almost|nearly|around|about|more than|over|just over|just under|under)\s+", "", lowered)
        value = FRACTIONS.get(phrase.replace("-", " ")) or FRACTIONS.get(phrase)
        return _Stat(start, end, round(value, 4), "ratio") if value else None
    if kind == "multiplier":
        if lowered in MULTIPLIERS:
            return _Stat(start, end, MULTIPLIERS[lowered], "multiplier", direction="down" if lowered == "halved" else "up")
        if lowered in ("double", "triple", "treble"):
            return _Stat(start, end, {"double": 2, "triple": 3, "treble": 3}[lowered], "multiplier", direction="up")
        if lowered == "half as":
            return _Stat(start, start + 4, 0.5, "ratio")
        number = parse_number(lowered.rsplit(" ", 1)[0])
        return _Stat(start, end, number, "multiplier") if number else None
    if kind == "wordcount":
        value = parse_number(lowered)
        return _Stat(start, end, value, "count") if value is not None else None
    if kind == "percent":
        number = re.match(rf"{_NUM}|{_WORDNUM}", lowered)
        value = parse_number(number.group(0)) if number else None
        unit = "percentage_points" if "point" in lowered or lowered.endswith("pp") else "percent"
        return _Stat(start, end, value, unit) if value is not None else None
    if kind == "rate":
        number = re.match(rf"{_NUM}{_SCALE}", lowered)
        value = parse_number(number.group(0)) if number else None
        unit = "per_100000" if re.search(r"100,?000", lowered) else "rate"
        return _Stat(start, end, value, unit) if value is not None else None
    if kind == "duration":
        number, unit_word = lowered.split(" ", 1)
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


def _excluded(sentence: str, start: int, end: int, kind: str, is_block_start: bool) -> bool:
    surface = sentence[start:end]
    before = sentence[max(0, start - 40):start]
    after = sentence[end:end + 40]
    lowered_before = before.lower()
    lowered_after = after.lower()
    # Inside a URL, e-mail address or file name.
    token_start = max(sentence.rfind(" ", 0, start), 0)
    token_end = sentence.find(" ", end)
    token = sentence[token_start: token_end if token_end != -1 else len(sentence)]
    if re.search(r"https?:|www\.|\.(?:uk|com|org|pdf|html?)\b|@", token, re.I):
        return True
    if kind in ("count", "wordcount") and re.match(r"(?:\s+(?:core|graded|key|separate|different|other))?\s+(?:areas?|pillars?|questions|judge?ments|categories|of (?:these|them|those))\b", after, re.I):
        return True  # how many areas were graded belongs to the gradings, not a statistic
    if kind == "count":
        digits = surface.replace(",", "").strip()
        plain = re.fullmatch(r"\d+", digits)
        # Bare years and year ranges ("2023", "2021/22", "2023-25").
        if plain and len(digits) == 4 and 1900 <= int(digits) <= 2099:
            return True
        if re.match(r"\s*[/–-]\s*\d{2,4}\b", after) or re.search(r"\b(?:19|20)\d\d\s*[/–-]\s*$", before):
            return True
        # Ranges of ages and dates: "aged 16 and 17", "between 7 and 18 November".
        if re.search(r"\bage[ds]?\s+\d{1,2}\s*(?:and|to|or|-|–)\s*$", lowered_before):
            return True
        if re.match(rf"\s*(?:and|to|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b", after):
            return True
        if digits.startswith("0") and not digits.startswith("0."):
            return True
        # Dates: "7 February 2025", "February 7", "7th".
        if re.match(rf"\s*(?:st|nd|rd|th)?\s+{_MONTH}\b", after) or re.search(rf"\b{_MONTH}\.?\s+$", before):
            return True
        # Phone numbers and the emergency and non-emergency numbers.
        if digits in ("999", "101", "111", "112", "105"):
            return True
        if re.match(r"\s?\d{3,4}\s?\d{3,4}\b", after) or re.fullmatch(r"0\d{3,4}", digits):
            return True
        # Paragraph, page, section, footnote, recommendation numbers.
        if re.search(r"\b(?:paragraph|para|page|pages|p\.|section|chapter|figure|fig\.|table|annex|appendix|recommendation|footnote|note|number|no\.|version|round|phase|tier|level|step|part|question|area|cause of concern|aged?|age of|under|over-)\s*$", lowered_before):
            return True
        if is_block_start and start <= 3:
            return True
        # Times of day and ages.
        if re.match(r"\s*(?:am|pm|a\.m\.|p\.m\.|gmt|bst|hrs)\b", lowered_after) or re.match(r"[.:]\d\d\s*(?:am|pm|gmt|bst)", lowered_after):
            return True
        if re.match(r"\s*-?\s*years?[- ]old\b", lowered_after):
            return True
        # Reading times ("4 min read").
        if re.match(r"\s*(?:min|mins|minute|minutes)\s+read\b", lowered_after):
            return True
        # Section numbers ("2.1") and numbered headings.
        if re.fullmatch(r"\d\.\d", digits) and (is_block_start or start <= 3):
            return True
        # A lone small number used as a label ("Area 2", "Figure 3") or part of a name.
        if re.match(r"\s*(?:[A-Z][a-z]+\s+){0,1}(?:Act|Regulations|Order)\b", after):
            return True
    if kind == "duration":
        if re.match(r"\s*read\b", lowered_after):
            return True
        if re.search(r"\b(?:in|over|during|past|last|next|every|each|after|for the|in the)\s+(?:the\s+)?(?:last\s+|past\s+)?$", lowered_before) and re.search(r"years?|months?|weeks?", surface, re.I):
            return True
        if re.match(r"\s*(?:ago|old|later|earlier|before)\b", lowered_after):
            return True
    if kind == "percent" and re.search(r"[A-Za-z]$", before):
        return True
    return False


def _add_change(sentence: str, stat: _Stat) -> None:
    before = sentence[max(0, stat.start - 60):stat.start]
    verb = _CHANGE.search(before)
    after = sentence[stat.end:stat.end + 120]
    # "rose from 4,210 in 2020 to 6,385 in 2023": the figure is the first number after "from".
    window = sentence[max(0, stat.start - 6):stat.end + 120]
    from_to = _FROM_TO.search(window)
    if from_to and window.find("from") < (stat.start - max(0, stat.start - 6)) + 2:
        from_value = parse_number(from_to.group("from").replace("£", "").replace(" ", ""))
        to_value = parse_number(from_to.group("to").replace("£", "").replace(" ", ""))
        if from_value is not None and to_value is not None:
            offset = max(0, stat.start - 6)
            stat.change_from = from_value
            stat.change_to = to_value
            stat.value = to_value
            stat.end = offset + from_to.end("to")
            stat.direction = "up" if to_value > from_value else "down" if to_value < from_value else "unchanged"
            if from_value and stat.unit != "percent":
                stat.change_pct = round((to_value - from_value) / from_value * 100, 1)
            return
    if verb:
        word = verb.group("verb").lower()
        stat.direction = "up" if word in _UP_WORDS else "down"
        if stat.unit == "percent" and re.search(r"\bby\b|\b(?:up|down)\s*$", before[verb.start():], re.I):
            stat.change_pct = stat.value
        # "fell to 52 per cent, down from 61 per cent"
        down_from = re.match(rf"\s*,?\s*(?:down|up)\s+from\s+({_NUM})", after, re.I)
        if down_from:
            stat.change_from = parse_number(down_from.group(1))
            stat.change_to = stat.value
    else:
        trailing = re.match(r"\s*(?:%|per cent)?\s*(?:,\s*)?(?:an?\s+)?(?P<dir>increase|rise|decrease|fall|drop|reduction|cut)\b", after, re.I)
        if trailing and stat.unit in ("percent", "percentage_points"):
            stat.direction = "up" if trailing.group("dir").lower() in ("increase", "rise") else "down"
            stat.change_pct = stat.value if stat.unit == "percent" else None
        down_from = re.match(rf"\s*,?\s*(?:down|up)\s+from\s+({_NUM})", after, re.I)
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


def _measure(sentence: str, stat: _Stat) -> str | None:
    """A short noun phrase for what the figure counts.

    In order: the thing whose number, proportion or rate is given ("the
    number of children on a plan rose from ..."); for a change, the subject
    of the change verb ("Recorded domestic abuse crimes rose by ..."); the
    phrase inside a rate ("52 crimes per 1,000"); else the noun phrase after
    the figure ("84.7 per cent of emergency calls within ten seconds"), with
    a participle just before the figure ("answered") kept after it.
    """
    before = sentence[max(0, stat.start - 160):stat.start]
    subject = _SUBJECT_OF.search(before + " " + sentence[stat.start:stat.start + 1]) if stat.change_from is not None or stat.direction else None
    if subject is None:
        subject = _SUBJECT_OF.search(before)
    if subject and len(subject.group("np").split()) <= 12:
        return _tidy(subject.group("np"))
    if stat.direction or stat.change_from is not None:
        verb = None
        for verb in _CHANGE_VERB.finditer(before):
            pass
        if verb is not None:
            head = before[: verb.start()]
            clause = _CLAUSE_START.search(head)
            phrase = head[clause.end():] if clause else head
            if 0 < len(phrase.split()) <= 12:
                return _tidy(phrase)
    if stat.unit in ("rate", "per_100000"):
        inside = re.match(r"[\d.,\s]*(?:million|thousand|m|k)?\s*(.*?)\s+per\b", sentence[stat.start:stat.end], re.I)
        if inside and inside.group(1):
            return inside.group(1)
    after = sentence[stat.end:]
    if stat.unit in ("percent", "ratio", "percentage_points"):
        of = re.match(r"\s*(?:of\s+(?:all\s+|the\s+|its\s+|their\s+)?)", after)
        if of:
            after = after[of.end():]
    words = _noun_phrase(after)
    if words:
        participle = re.search(r"\b([a-z]+ed)\s+(?:only\s+|just\s+|about\s+|around\s+|nearly\s+|almost\s+)?$", before)
        phrase = " ".join(words)
        qualifier = re.match(r"\s+((?:within|in under|in less than|after|before|by)\s+[\w\s]{1,30}?)(?=[,.;]|\s+(?:and|but|in|during|compared|up|down)\b|$)", after[after.find(words[-1]) + len(words[-1]):]) if words else None
        if participle and stat.unit in ("percent", "ratio"):
            phrase += " " + participle.group(1)
        if qualifier:
            phrase += " " + qualifier.group(1).strip()
        return phrase
    # "officers numbered 312": fall back to the words before the figure.
    tail = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", before[-60:])[-3:] if w.lower() not in _STOP_WORDS]
    return " ".join(tail) or None


def _noun_phrase(text: str) -> list[str]:
    words: list[tuple[str, int]] = []
    for match in _MEASURE_WORD.finditer(text[:120]):
        gap = text[(words and words[-1][1]) or 0:match.start()]
        if words and re.search(r"[,.;:()\[\]|]", gap):
            break
        if not words and re.search(r"[,.;:()\[\]|]", text[:match.start()]):
            break
        word = match.group(0)
        if word.lower() in _STOP_WORDS and word.lower() not in ("of",):
            if words:
                break
            if word.lower() in ("the", "a", "an", "its", "their", "all"):
                continue
            break
        words.append((word, match.end()))
        if len(words) >= 6:
            break
    while words and words[-1][0].lower() in ("of", "and"):
        words.pop()
    return [w for w, _ in words]


def _tidy(phrase: str) -> str:
    phrase = re.sub(r"^(?:the|a|an|its|their|recorded by the force,?)\s+", "", phrase.strip(), flags=re.I)
    return " ".join(phrase.split())


@Language.factory("miner_statistics", assigns=["doc.spans"], requires=["doc.sents"])
def make_statistic_extractor(nlp: Language, name: str) -> StatisticExtractor:
    return StatisticExtractor(nlp, name)
