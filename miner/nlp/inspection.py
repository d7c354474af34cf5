"""Which inspection a document reports on: inspectorate, programme, scale, date."""

from __future__ import annotations

import re
from collections import Counter

from miner.nlp.records import Inspection
from miner.nlp.scan import Literals, finditer_at, fold, search_at
from miner.text.dates import MONTHS, normalise_date

_INSPECTORATES = {
    "hmicfrs": re.compile(r"\bHMICFRS\b|\bHMIC\b|Inspectorate of Constabulary|\bPEEL\b|police inspectorate", re.I),
    # The SIF's title ("Inspection of services for children in need of help and protection, ...") names no
    # inspectorate in a PDF that lost its logo: it is Ofsted's.
    "ofsted": re.compile(r"\bOfsted\b|local authority children[’']s services|children[’']s services inspection|in need of help and protection, children looked after", re.I),
    "hmi-prisons": re.compile(r"Inspectorate of Prisons|\bHMIP\b|healthy prison|prisons inspectorate|chief inspector of prisons", re.I),
    "hmi-probation": re.compile(r"Inspectorate of Probation|probation inspectorate|chief inspector of probation|probation delivery unit|\bPDU\b", re.I),
    "cqc": re.compile(r"Care Quality Commission|\bCQC\b|\bKey question\b|\bwell-led\b", re.I),
}
_ANY_INSPECTORATE = re.compile(
    "|".join(f"(?P<{name.replace('-', '_')}>{rx.pattern})" for name, rx in _INSPECTORATES.items()), re.I
)
# Where a match of _ANY_INSPECTORATE or _PEEL_ROUND can start (miner.nlp.scan):
# the patterns are tried only there.
_INSPECTORATE_STARTS = Literals([
    # "children" only as the start of "children's services inspection": as the bare
    # word it is in every line of a children's services report, each a wasted try.
    "hmic", "hmip", "inspectorate", "peel", "police inspectorate", "ofsted", "local authority children",
    "children's services inspection", "children’s services inspection", "in need of help and protection",
    "healthy prison", "prisons inspectorate", "chief inspector of", "probation", "pdu", "care quality commission",
    "cqc", "key question", "well-led",
])
_PEEL_STARTS = Literals(["peel"])
_PEEL_ROUND = re.compile(r"\bPEEL\s*(?:inspection\s*)?(20\d\d)(?:\s*[/–-]\s*(\d{2,4}))?", re.I)
_PUBLISHED = re.compile(
    r"(?:Report published|Published|Publication date|Date of publication)\s*:?\s*(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
)
_INSPECTION_DATES = re.compile(r"Inspection dates?\s*:?\s*[^\n]*?(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})(?=[^\n]*$)", re.M)
# A report's dateline under its title: "HM Inspectorate of Probation, November 2024" (the month's first day),
# read where the page's metadata gives no date or another year (a guess from a year in the text).
_DATELINE = re.compile(r"^(?:HM Inspectorate of [A-Z][a-z]+|HMI [A-Z][a-z]+|Ofsted|Care Quality Commission|HMICFRS),\s+([A-Z][a-z]+)\s+((?:19|20)\d\d)\s*$", re.M)
_SIF_PHRASE = "services for children in need of help and protection, children looked after and care leavers"
_SIF = re.compile(re.escape(_SIF_PHRASE), re.I)
_ILACS = re.compile(r"inspection of [^\n]{0,80}local authority children[’']s services|\bILACS\b", re.I)


def identify_inspection(text: str, title: str | None = None, published: str | None = None, publisher: str | None = None) -> Inspection:
    head = (title or "") + "\n" + (publisher or "") + "\n" + text[:6000]
    low_head = fold(head)
    counts: Counter[str] = Counter()
    # One pass over the text with all the patterns; the head counts thrice.
    for match in finditer_at(_ANY_INSPECTORATE, head, low_head, _INSPECTORATE_STARTS):
        counts[match.lastgroup.replace("_", "-")] += 1
    low_text = None
    if not counts:
        # Nothing in the opening pages: look through the whole text.
        low_text = fold(text)
        for match in finditer_at(_ANY_INSPECTORATE, text, low_text, _INSPECTORATE_STARTS, 6000):
            counts[match.lastgroup.replace("_", "-")] += 1
    for name in _INSPECTORATES:
        counts.setdefault(name, 0)
    inspectorate, hits = counts.most_common(1)[0]
    if hits == 0:
        return Inspection(date=published)
    programme = scale = None
    if inspectorate == "hmicfrs":
        match = search_at(_PEEL_ROUND, head, low_head, _PEEL_STARTS) or search_at(_PEEL_ROUND, text, fold(text) if low_text is None else low_text, _PEEL_STARTS)
        if match:
            start = int(match.group(1))
            end = match.group(2)
            programme = f"PEEL {start}" + (f"/{end[-2:]}" if end and start < 2023 else f"-{end[-2:]}" if end else "")
            scale = "peel-2021" if start >= 2021 else "peel-2014"
        elif re.search(r"\b(?:effectiveness|efficiency|legitimacy)\b", head, re.I) and not re.search(r"\badequate\b", text, re.I):
            scale = "peel-2014"
        else:
            scale = "peel-2021"
        # (the inspectorate's own name, "Inspectorate of Constabulary and Fire & Rescue Services", names no force)
        # A PEEL round named in the opening ("Devon and Cornwall Police: HMICFRS PEEL Inspection 2021/22"
        # in a council's minutes that also note its fire service's grades) is a police inspection.
        peel_in_head = match is not None and match.string is head and match.start() < 1500
        if not peel_in_head and re.search(r"fire and rescue service|fire brigade|\bFRS\b", head, re.I) and not re.search(r"\bpolice\b|(?<!inspectorate of )(?<!inspector of )\bconstabulary\b", head[:600], re.I):
            scale, programme = "hmicfrs-fire", programme or "Fire and rescue service inspection"
    elif inspectorate == "ofsted":
        scale = "ofsted"
        # Literal prefilters on the folded head (scan): the case-insensitive
        # searches cost more than the rest of this function.
        if _SIF_PHRASE in low_head if low_head is not None else _SIF.search(head):
            programme = "SIF"
        elif _ILACS.search(head) if low_head is None or any(w in low_head for w in ("local authority children", "ilacs")) else False:
            programme = "ILACS"
    else:
        scale = inspectorate
    date = None
    match = _PUBLISHED.search(head)
    if match:
        date = normalise_date(match.group(1))
    if not date:
        match = _INSPECTION_DATES.search(head)
        if match:
            date = normalise_date(match.group(1))
    if not date:
        match = _DATELINE.search(head)
        if match and match.group(1).lower() in MONTHS and (not published or published[:4] != match.group(2)):
            date = f"{match.group(2)}-{MONTHS[match.group(1).lower()]:02d}-01"
    return Inspection(inspectorate=inspectorate, programme=programme, scale=scale, date=date or published)
