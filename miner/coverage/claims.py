"""Does a report support a figure or grade an article states? Pure comparisons, no database.

Rounding rules (why a figure "agrees"):
- A number agrees with the report's when it lies within half a unit of its
  own last significant digit: "91 per cent" covers 90.5 to 91.5, "7.4 per
  cent" 7.35 to 7.45, "1,900 devices" 1,850 to 1,950, "£9.4m" £9.35m to
  £9.45m. A round number is not allowed more than 5 per cent either way
  ("1,000" covers 950 to 1,050, not 500 to 1,500).
- Hedged numbers ("nearly", "around", "more than", "almost", "over", ...)
  get up to 10 per cent: "nearly 1,000" agrees with 987, "nearly 10 per
  cent" with 9.1.
- Fractions in words ("a third", "one in five", "half", "nine in ten") are
  compared as percentages within 5 points (10 when hedged): "a third" agrees
  with 33.6%, not with 25%; "nine in ten" not with 97%.
- Changes ("rose by half", "doubled", "fell by a third", "up 38 per cent")
  are compared as percentage changes, with the report's computed from its
  earlier and later figures when it gives them. A change in words may be
  off by 5 points or 15 per cent of itself, whichever is more ("doubled"
  covers +85% to +115%, so not 124 -> 196, which is +58%). A change in the
  opposite direction contradicts.
- "From X to Y" in an article is checked at both ends.

Measures are matched by the words around the figures, weighted so that words
common in the report (children, force, per cent) count for little. A figure
is contradicted only when the best match is strong *and* the article's
measure itself names what the report's figure is about; a weak match is
`not_found` rather than a false alarm, because the extractors' measures are
imperfect.

Counts of grades ("failing in seven of eight areas") are checked against the
report's own per-area grades; "failing" means below the scale's middle
(requires improvement, inadequate; HMI Prisons' not sufficiently good, poor).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

SUPPORTED, CONTRADICTED, NOT_FOUND = "supported", "contradicted", "not_found"
VERDICTS = (SUPPORTED, CONTRADICTED, NOT_FOUND)

# How close the words around two figures must be (see `similarity`).
SUPPORT_SIMILARITY = 0.30
CONTRADICT_SIMILARITY = 0.45
CONTRADICT_MEASURE = 0.34
# ...or a looser context when the measure's own words are distinctive in the report ("overspend").
CONTRADICT_SIMILARITY_DISTINCT = 0.35
DISTINCT_MEASURE = 0.75
DISTINCT_WEIGHT = 2.0

FAILING = {"requires improvement", "requires improvement to be good", "inadequate", "not sufficiently good", "poor"}
_HEDGES = re.compile(
    r"\b(nearly|almost|around|about|approximately|roughly|some|more than|over|under|less than|fewer than|close to|"
    r"just over|just under|up to|at least|estimated|an estimated)\s*$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_STOP = {
    # grammar
    "of", "the", "a", "an", "in", "on", "by", "for", "to", "and", "with", "its", "their", "all", "who", "that", "were",
    "was", "is", "are", "had", "has", "have", "been", "be", "it", "this", "these", "those", "than", "from", "at", "as",
    "or", "but", "not", "which", "they", "there", "now", "only", "since", "just", "also", "still", "whose", "we", "our",
    "us", "own", "through", "within", "when", "where", "what", "among", "amongst", "every", "de",
    # numbers, fractions and hedges: the figure itself is compared separately
    "per", "cent", "percent", "m", "million", "bn", "billion", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "half", "third", "quarter", "fifth", "more", "less", "nearly", "almost", "around",
    "about", "over", "under", "some", "number", "proportion", "year", "years", "last", "previous",
    # changes, and headline verbs for them
    "doubled", "tripled", "halved", "rose", "risen", "rise", "fell", "fallen", "fall", "up", "down", "increased",
    "increase", "decreased", "reduced", "hit", "hits", "soar", "soars", "soared", "slump", "slumps", "plunge",
    "plunges", "reach", "reaches",
    # attribution, and the subject every sentence of a report is about
    "said", "says", "report", "reported", "found", "inspectors", "inspector", "watchdog", "ofsted", "inspectorate",
    "figures", "show", "shows", "force", "council", "police",
}
_WORD_FRACTION_TOLERANCE = 5.0  # percentage points


@dataclass
class Verdict:
    verdict: str
    reason: str
    report_row: dict | None = None
    report_value: str | None = None


# ---------------------------------------------------------------- words


def words(text: str | None) -> set[str]:
    """Content words, lower case, plural -s dropped; numbers and reporting verbs left out."""
    found = set()
    for w in re.findall(r"[a-z][a-z'’-]*", (text or "").lower()):
        w = re.sub(r"['’]s?$", "", w)  # the force's -> force
        if w in _STOP:
            continue
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"  # agencies -> agency
        elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        if w not in _STOP and len(w) > 1:
            found.add(w)
    return found


class Weights:
    """Inverse document frequency of words over a report's figure sentences."""

    def __init__(self, sentences: list[str]):
        self.n = max(1, len(sentences))
        self.df: dict[str, int] = {}
        for sentence in sentences:
            for w in words(sentence):
                self.df[w] = self.df.get(w, 0) + 1

    def __call__(self, word: str) -> float:
        return math.log((self.n + 1) / (self.df.get(word, 0) + 0.5))


_CLAUSE_BREAK = re.compile(
    r";\s+|,?\s+\b(?:but|while|whereas|although|though)\b\s+|,\s+and\s+"
    # "..., which inspectors said was too high": a comment on the figure, not what it counts
    r"|,\s+which\s+"
    # "..., the report said, a change the chief constable puts down to ...": attribution ends the claim
    r"|,\s+(?:the\s+|its\s+)?(?:report|inspectors?|watchdog|inspectorate|ofsted)\s+(?:said|says|found|warned|noted|added)\b,?\s*",
    re.IGNORECASE,
)


def clause(row: dict) -> str:
    """The part of the sentence that holds the figure: "X rose by half, but Y fell" -> "X rose by half"."""
    sentence = row.get("sentence") or ""
    position = _figure_position(row)
    start = 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            return sentence[start:match.start()]
    return sentence[start:]


def article_words(row: dict) -> tuple[set[str], set[str]]:
    """(context, measure) words of an article's figure.

    The context is the figure's clause and its measure. The measure is the
    extractor's, unless none of its words are in the clause (then it was
    taken from the wrong part of the sentence, and the clause stands in).
    """
    context = words(clause(row))
    measure = words(row.get("measure")) & context or context
    return context | measure, measure


def similarity(article_words: set[str], report_words: set[str], weights: Weights) -> float:
    """Share of the article's word weight that the report's figure shares (0 to 1)."""
    total = sum(weights(w) for w in article_words)
    if not total:
        return 0.0
    return sum(weights(w) for w in article_words & report_words) / total


# ---------------------------------------------------------------- numbers


def _figure_position(row: dict) -> int:
    sentence, text = row.get("sentence") or "", row.get("text") or ""
    return max(0, sentence.find(text)) if text else 0


def hedged(row: dict) -> bool:
    """The figure is introduced by "nearly", "around", "more than" and the like."""
    text = row.get("text") or ""
    before = (row.get("sentence") or "")[: _figure_position(row)]
    return bool(_HEDGES.search(before) or re.match(r"\s*(nearly|almost|around|about|over|more than|some)\b", text, re.I))


def in_words(row: dict) -> bool:
    """'a third', 'doubled', 'nine in ten': no digits in the figure as written."""
    return not re.search(r"\d", row.get("text") or "")


def rounding_tolerance(value: float, text: str | None, *, hedge: bool) -> float:
    """How far the true figure may be from `value` as written in `text` (see the module's rounding rules)."""
    match = _NUMBER.search(text or "")
    if not match:
        return abs(value) * (0.10 if hedge else 0.05)
    token = match.group().replace(",", "")
    try:
        written = float(token)
    except ValueError:
        return abs(value) * 0.05
    scale = value / written if written else 1.0  # "£9.4m" is written 9.4, stored 9,400,000
    if "." in token:
        unit = 10 ** -len(token.split(".")[1])
    else:
        stripped = token.rstrip("0")
        unit = 10 ** (len(token) - len(stripped)) if stripped else 1
    half = unit * abs(scale) / 2
    cap = abs(value) * (0.10 if hedge else 0.05)
    # A round number gets at most `cap`, but never less than half its last digit ("10" is 9.5 to 10.5).
    last_digit = abs(scale) / 2 if "." not in token else half
    return max(min(half, cap), min(last_digit, half))


def level(row: dict) -> tuple[float, str] | None:
    """The figure as a level on a comparable scale, or None when it is a change."""
    unit, value = row.get("unit"), row.get("value")
    if value is None:
        return None
    if unit == "ratio":
        if stated_direction(row):
            return None  # "fell by a third" is a change, not a share
        return value * 100, "percent"
    if unit == "multiplier":
        return None
    if unit == "per_100000":
        return value, "rate"
    return value, unit


_CHANGE_VERB = re.compile(
    r"\b(?P<verb>rise|rises|rose|risen|rising|increased?|increases|grew|grown|jumped|soared|up|"
    r"fell|fall|falls|fallen|dropped|drop|decreased?|reduced|cut|down|shrunk|shrank)\s+(?:by\s+)?"
    r"(?:nearly|almost|about|around|more than|over|just over|just under|some)?\s*$",
    re.IGNORECASE,
)
_DOWN = {"fell", "fall", "falls", "fallen", "dropped", "drop", "decrease", "decreased", "reduced", "cut", "down", "shrunk", "shrank"}


def stated_direction(row: dict) -> str | None:
    """"rise by nearly half": a change the extractor may have left without a direction."""
    if row.get("direction") in ("up", "down"):
        return row["direction"]
    before = (row.get("sentence") or "")[: _figure_position(row)]
    match = _CHANGE_VERB.search(before)
    if not match or row.get("unit") not in ("ratio", "percent"):
        return None
    return "down" if match.group("verb").lower() in _DOWN else "up"


def relative_change(row: dict) -> float | None:
    """Signed percentage change the figure states or implies, if any."""
    start, end = row.get("change_from"), row.get("change_to")
    direction = stated_direction(row)
    sign = -1.0 if direction == "down" else 1.0
    if start not in (None, 0) and end is not None:
        return (end - start) / abs(start) * 100
    if row.get("change_pct") is not None:
        return sign * abs(row["change_pct"])
    if row.get("unit") == "multiplier" and row.get("value") is not None:
        return (row["value"] - 1) * 100 if row["value"] >= 1 else -(1 - row["value"]) * 100
    if row.get("unit") == "ratio" and direction:
        return sign * row["value"] * 100
    if row.get("unit") == "percent" and direction and row.get("direction") is None:
        return sign * row["value"]  # "rose by 46 per cent", read from the words before it
    return None


def describe(row: dict) -> str:
    """The report's figure, short, for the table beside the article's."""
    text = row.get("text") or _format(row.get("value"))
    change = relative_change(row)
    if row.get("change_from") is not None and row.get("change_to") is not None:
        return f"{_format(row['change_from'])} to {_format(row['change_to'])} ({change:+.0f}%)" if change is not None else text
    if change is not None and row.get("unit") in ("multiplier", "ratio"):
        return f"{text} ({change:+.0f}%)"
    return text


def _format(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def _level_tolerance(row: dict) -> float:
    hedge = hedged(row)
    if row.get("unit") == "ratio" and in_words(row):
        return _WORD_FRACTION_TOLERANCE * (2 if hedge else 1)
    return rounding_tolerance(row["value"], row.get("text"), hedge=hedge)


def _change_tolerance(row: dict, change: float) -> float:
    hedge = hedged(row)
    if in_words(row):
        return max(_WORD_FRACTION_TOLERANCE, 0.15 * abs(change)) * (2 if hedge else 1)
    pct = row.get("change_pct")
    if pct is not None and row.get("change_from") is None:
        return rounding_tolerance(abs(pct), row.get("text"), hedge=hedge) + 0.5
    return max(1.0, 0.02 * abs(change))  # computed from two stated figures: their own rounding


def agreement(article: dict, report: dict) -> tuple[bool, str] | None:
    """Whether the report's figure agrees with the article's, and why; None if they are not comparable."""
    a_change = relative_change(article)
    a_from, a_to = article.get("change_from"), article.get("change_to")
    if a_from is not None and a_to is not None:
        r_from, r_to = report.get("change_from"), report.get("change_to")
        unit_ok = article.get("unit") == report.get("unit")
        if not unit_ok:
            return None
        if r_from is not None and r_to is not None:
            ok = _near(a_from, r_from, article) and _near(a_to, r_to, article)
            return ok, f"from {_format(a_from)} to {_format(a_to)} against the report's {_format(r_from)} to {_format(r_to)}"
        r_level = level(report)
        if r_level is not None and report.get("change_pct") is None:
            # The report gives only where the figure is now ("has fallen to 11%"): check the article's later figure.
            ok = _near(a_to, r_level[0], article)
            return ok, f"{_format(a_to)} now against the report's {_format(r_level[0])}"
        return None
    # "rose by 46 per cent" is stored as a percentage with its change: compare it as a change.
    states_change = level(article) is None or (
        article.get("unit") == "percent" and (article.get("change_pct") is not None or (stated_direction(article) and article.get("direction") is None))
    )
    if a_change is not None and states_change:
        r_change = relative_change(report)
        if r_change is None:
            return None
        if (a_change > 0) != (r_change > 0) and abs(r_change) > 1:
            return False, f"the article says {'up' if a_change > 0 else 'down'}, the report {'up' if r_change > 0 else 'down'} ({r_change:+.0f}%)"
        ok = abs(abs(a_change) - abs(r_change)) <= _change_tolerance(article, a_change)
        return ok, f"a change of {a_change:+.0f}% against the report's {r_change:+.0f}%"
    a_level, r_level = level(article), level(report)
    if a_level is None or r_level is None or a_level[1] != r_level[1]:
        return None
    # A report's "fell to 11%" is a level; "rose by 23%" is not.
    if report.get("change_pct") is not None and report.get("change_from") is None and report.get("unit") == "percent":
        return None
    ok = abs(a_level[0] - r_level[0]) <= _level_tolerance(article)
    return ok, f"{_format(a_level[0])} against the report's {_format(r_level[0])} ({a_level[1]})"


def _near(a: float, b: float, row: dict) -> bool:
    return abs(a - b) <= rounding_tolerance(a, _format(a), hedge=hedged(row))


# ---------------------------------------------------------------- statistics


def check_statistic(article: dict, report_rows: list[dict], weights: Weights) -> Verdict:
    """Verdict on one article figure against the linked report's figures.

    Report rows may carry `context`: the sentence before theirs, which often
    names what "Only 63% were completed" is about.
    """
    a_all, a_measure = article_words(article)
    best_support, best_contradiction, best_any = None, None, 0.0
    for report in report_rows:
        r_words = words(report.get("sentence")) | words(report.get("measure")) | words(report.get("context"))
        sim = similarity(a_all, r_words, weights)
        best_any = max(best_any, sim)
        if sim < SUPPORT_SIMILARITY:
            continue
        outcome = agreement(article, report)
        if outcome is None:
            continue
        ok, why = outcome
        if ok:
            if best_support is None or sim > best_support[0]:
                best_support = (sim, report, why)
            continue
        measure_sim = similarity(a_measure, r_words, weights) if a_measure else 0.0
        distinct = sum(weights(w) for w in a_measure & r_words)
        strong = sim >= CONTRADICT_SIMILARITY and measure_sim >= CONTRADICT_MEASURE
        if strong or (sim >= CONTRADICT_SIMILARITY_DISTINCT and measure_sim >= DISTINCT_MEASURE and distinct >= DISTINCT_WEIGHT):
            if best_contradiction is None or sim > best_contradiction[0]:
                best_contradiction = (sim, report, why)
    if best_support and (not best_contradiction or best_support[0] >= best_contradiction[0] - 0.1):
        sim, report, why = best_support
        return Verdict(SUPPORTED, f"{why}; measure match {sim:.2f}", report, describe(report))
    if best_contradiction:
        sim, report, why = best_contradiction
        stated = _stated_in(article, report)
        if stated:
            # The report's sentence gives the article's figure: the extractor misread the report, not the press.
            return Verdict(SUPPORTED, f"the report's sentence states {stated}; measure match {sim:.2f}", report, stated)
        return Verdict(CONTRADICTED, f"{why}; measure match {sim:.2f}", report, describe(report))
    return Verdict(NOT_FOUND, f"no figure in the report for this measure (best match {best_any:.2f})")


_SCALES = {"million": 1e6, "m": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3}


def _stated_in(article: dict, report: dict) -> str | None:
    """A number written in the report's sentence that agrees with the article's level, if any."""
    found = level(article)
    if found is None or article.get("change_from") is not None:
        return None
    value, tolerance = article["value"], _level_tolerance(article)
    if found[1] == "percent" and article.get("unit") == "ratio":
        return None
    for number, written, _ in numbers_in(report.get("sentence") or ""):
        if abs(number - value) <= tolerance:
            return written
    return None


_WRITTEN_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(million|billion|bn|m|k)?\b")


def numbers_in(sentence: str):
    """(value, as written, offset) for every number written in digits: "£3.4 million" is 3,400,000."""
    for match in _WRITTEN_NUMBER.finditer(sentence):
        value = float(match.group(1).replace(",", "")) * _SCALES.get((match.group(2) or "").lower(), 1)
        yield value, match.group(0).strip(), match.start()


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?](?!\d)|$)", re.MULTILINE)


def sentences(text: str) -> list[tuple[int, int, str]]:
    """The report's sentences with their offsets (decimal points do not end one)."""
    found = []
    for m in _SENTENCE.finditer(text):
        raw = m.group()
        if re.search(r"\d", raw):
            start = m.start() + len(raw) - len(raw.lstrip())
            found.append((start, start + len(raw.strip()), raw.strip()))
    return found


def find_in_text(article: dict, report_sentences: list[tuple[int, int, str]], weights: Weights) -> Verdict | None:
    """Support from the report's text when its extracted figures hold no match.

    The report's extractor misses figures too ("risen from 354 in 2021 to 427
    in October 2024"). A sentence that states a number agreeing with the
    article's, in words that match, supports the claim. This never
    contradicts: a sentence found this way has no unit or measure to compare.
    """
    found = level(article)
    if found is None or article.get("change_from") is not None or in_words(article):
        return None
    value, tolerance = article["value"], _level_tolerance(article)
    if article.get("unit") in ("count", "years", "months") and abs(value) < 10:
        return None  # "two", "six years": found by chance anywhere
    a_all, _ = article_words(article)
    best = None
    for start, end, sentence in report_sentences:
        sim = similarity(a_all, words(sentence), weights)
        if sim < CONTRADICT_SIMILARITY or (best and sim <= best[0]):
            continue
        for number, written, offset in numbers_in(sentence):
            if abs(number - value) <= tolerance:
                row = {"sentence": sentence, "start": start + offset, "end": start + offset + len(written)}
                best = (sim, row, written)
                break
    if best is None:
        return None
    sim, row, stated = best
    return Verdict(SUPPORTED, f"the report's text states {stated} (not among its extracted figures); measure match {sim:.2f}", row, stated)


# ---------------------------------------------------------------- gradings


def _grade_set(grade: str) -> set[str]:
    return FAILING if grade == "failing" else {grade}


# The press counts Ofsted's judgements with or without the overall one ("inadequate overall and in all four areas").
_OVERALL = "overall effectiveness"


def _check_count(claim: dict, report_grades: list[dict]) -> Verdict:
    wanted = _grade_set(claim["grade"])
    named = " or ".join(sorted(wanted & {g["grade"] for g in report_grades})) or claim["grade"]
    readings = [report_grades]
    if any(g["area"] == _OVERALL for g in report_grades):
        readings.append([g for g in report_grades if g["area"] != _OVERALL])
    results = []
    for grades in readings:
        matching = [g for g in grades if g["grade"] in wanted]
        n, total = len(matching), len(grades)
        value = f"{claim['grade']} in {n} of {total} areas"
        evidence = matching[0] if matching else grades[0]
        if claim["count"] == n and claim.get("out_of") in (None, total):
            return Verdict(SUPPORTED, f"{n} of {total} areas graded {named}", evidence, value)
        results.append((n, total, value, evidence))
    n, total, value, evidence = results[0]
    if claim.get("out_of") is not None and claim["out_of"] > total:
        # The extractor may have missed some of the report's grades: don't cry wolf.
        return Verdict(NOT_FOUND, f"the report's grades were found for {total} areas, the article counts {claim['out_of']}", evidence, value)
    of = f" of {claim['out_of']}" if claim.get("out_of") else ""
    return Verdict(CONTRADICTED, f"the article counts {claim['count']}{of}, the report grades {n} of {total} areas {named}", evidence, value)


def find_earlier_grade(claim: dict, report_sentences: list[tuple[int, int, str]]) -> Verdict | None:
    """Support for an earlier grade from the report's own words ("since the last inspection in 2021,
    when they were judged to require improvement to be good"). Never contradicts."""
    if not claim.get("year") or not claim.get("grade") or claim.get("count") is not None:
        return None
    grade = re.sub(r"^requires?\b", "requires?", re.escape(claim["grade"]).replace(r"\ ", " "))
    grade_pattern = re.compile(r"\b" + grade.replace(" ", r"\s+") + r"\b", re.IGNORECASE)
    area = words(claim.get("area"))
    for start, end, sentence in report_sentences:
        if str(claim["year"]) not in sentence or not grade_pattern.search(sentence):
            continue
        # Ofsted's earlier overall judgement is usually stated without naming the area.
        if claim.get("area") != _OVERALL and len(area & words(sentence)) < max(1, len(area) / 2):
            continue
        row = {"sentence": sentence, "start": start, "end": end}
        return Verdict(SUPPORTED, f"the report recalls the {claim['year']} grade: {claim['grade']}", row, claim["grade"])
    return None


def check_grading(claim: dict, report_grades: list[dict], *, earlier: bool = False) -> Verdict:
    """Verdict on one grade or count of grades against the report's per-area grades.

    `report_grades` are the report's current area grades (or, for a claim about
    an earlier inspection, the grades that inspection gave).
    """
    if not report_grades:
        return Verdict(NOT_FOUND, "the report states no per-area grades" if not earlier else "no grades from that inspection in the database")
    if claim.get("area") is None and claim.get("count") is not None:
        return _check_count(claim, report_grades)
    same_area = [g for g in report_grades if g["area"] == claim.get("area")]
    if not same_area:
        return Verdict(NOT_FOUND, f"the report gives no grade for {claim.get('area')}")
    for g in same_area:
        if g["grade"] in _grade_set(claim["grade"]):
            return Verdict(SUPPORTED, f"{g['area']}: {g['grade']} in the report", g, g["grade"])
    g = same_area[0]
    return Verdict(CONTRADICTED, f"{g['area']}: the article says {claim['grade']}, the report {g['grade']}", g, g["grade"])
