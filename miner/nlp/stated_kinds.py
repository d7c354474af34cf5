"""What a finding's own words say about its kind and polarity, where they are
surer than the classifier.

A news report that counts the inspectorate's recommendations or areas for
improvement and then gives one ("HMICFRS set out five areas for improvement in
all, including a call for the force to ...", "Inspectors made 11
recommendations, including that leaders should ...") states an item of that
kind, whatever its section. And praise hedged by "only" ("accommodation that
is only adequate") is criticism.
"""

from __future__ import annotations

import bisect
import itertools
import re

# The kind named, then "including" within the same clause.
_COUNTED_KIND = re.compile(
    r"\b(?:(?P<cause_of_concern>causes? of concern)|(?P<area_for_improvement>areas? for improvement)|(?P<recommendation>recommendations?))"
    r"\b[^.;:]{0,40}?\bincluding\b",
    re.I,
)
# Predicative only: "housing that is only adequate", not "the only adequate response".
_HEDGED_PRAISE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|seems?|seemed) (?:only|merely|barely|at best) (?:just )?"
    r"(?:adequate|reasonable|satisfactory|acceptable|fair)\b",
    re.I,
)


# Every match of _HEDGED_PRAISE holds one of these.
_HEDGES = ("only ", "merely ", "barely ", "at best ")


def stated_kind(text: str) -> str | None:
    """The kind a sentence gives itself by naming the list it quotes from, if any."""
    if "including" not in text:
        return None
    match = _COUNTED_KIND.search(text)
    return match.lastgroup if match is not None else None


def stated_polarity(text: str) -> str | None:
    """"negative" for praise the sentence hedges ("only adequate"), else None."""
    if not any(hedge in text for hedge in _HEDGES):
        return None
    return "negative" if _HEDGED_PRAISE.search(text) is not None else None


def stated_polarities(texts: list[str]) -> list[str | None]:
    """`[stated_polarity(text) for text in texts]`: the hedge words looked for by
    one `find` loop each over all the texts joined (they are rare), rather than
    four scans of every text from Python; only the texts holding one are tried."""
    out: list[str | None] = [None] * len(texts)
    if not texts:
        return out
    joined = "\x00".join(texts)  # no hedge holds a NUL, so none runs across two texts
    starts = [0, *itertools.accumulate(len(text) + 1 for text in texts[:-1])]
    hedged = set()
    for hedge in _HEDGES:
        at = joined.find(hedge)
        while at >= 0:
            n = bisect.bisect_right(starts, at) - 1
            hedged.add(n)
            at = joined.find(hedge, starts[n + 1] if n + 1 < len(starts) else len(joined))  # the next text on
    for n in hedged:
        out[n] = stated_polarity(texts[n])
    return out
