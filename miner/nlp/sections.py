"""Where a report's kind-giving sections ("What needs to improve?", "Areas for
improvement", "Recommendations") end, and which blocks are the publisher's
standard text rather than anything inspectors found.

A heading path alone is not enough. PDF text extraction marks only short
lines as headings, so an Ofsted section title such as "The experiences and
progress of children who need help and protection: requires improvement to
be good" comes out as a paragraph, and the "What needs to improve?" heading
above it would otherwise govern the whole report body. Real reports end such
a section in three ways, all handled here: the next heading; a paragraph that
is one of the report's own section titles; and, for a bulleted list, the
first plain paragraph after its bullets.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, NamedTuple, Sequence

from miner.nlp.scan import Literals, fold, start_literals

# Sub-headings that split a list of actions by when they are due, or by
# priority ("Immediately:", "Within three months:", "Priority and immediate
# action"): the items under them belong to the section above.
_ACTION_SUBHEADING = re.compile(
    r"^(?:immediately|within (?:\w+ )?(?:days?|weeks?|months?|years?)|priority and immediate action|"
    r"(?:in the )?(?:short|medium|longer?)[- ]term)\b",
    re.I,
)

# A heading that introduces a list of actions by naming who is to take them
# ("The Probation Service Greater Manchester region should:", "The Salford PDU
# should:"): the items under it belong to the section above too.
_LEAD_IN_HEADING = re.compile(r"\b(?:should|must|needs? to|(?:is|are) asked to|will need to)\s*:$", re.I)

# Ofsted's own section titles, which PDF extraction leaves as paragraphs
# when they are long ("The experiences and progress of children in care:
# good"); a judgement word at the end of an unpunctuated line marks others.
_SECTION_TITLE = re.compile(
    r"^(?:the experiences and progress of|the impact of leaders|overall effectiveness|"
    r"the effectiveness of (?:leaders|the local safeguarding)|leadership,? management and governance|"
    r"summary(?: of| for)?\b|information about this|inspection judgements? about|"
    r"what the inspection judgements? mean|the quality of practice|key strengths and weaknesses)",
    re.I,
)
_JUDGEMENT_END = re.compile(
    r"(?::|\bis|\bare)\s*(?:requires? improvement(?: to be good)?|good|outstanding|inadequate|adequate)\W*$", re.I
)
_TERMINAL = (".", "!", "?", ";", ":", ",", ")", "\"", "”", "’")

# A table of contents entry keeps its page number: it names a section, it does not open one.
_TOC_ENTRY = re.compile(r"\s\d{1,3}$")

# The publisher's standard text: who Ofsted is, how to get the report in
# another format, reuse and licence terms, copyright, where it is published.
# A block that matches yields no findings.
BOILERPLATE = re.compile(
    r"\(Ofsted\) regulates and inspects|^Ofsted (?:regulates|inspects) and (?:regulates|inspects) services"
    r"|^If you would like a copy of this document in a different format"
    r"|^To ask for this report in another format"
    r"|^You may (?:reuse|copy all or parts of) this (?:information|document)"
    r"|Open Government Licence|nationalarchives\.gov\.uk"
    r"|©\s*Crown copyright|^Crown copyright"
    r"|^This (?:publication|report) is available at"
    r"|^Interested in our work\?|subscribe to our monthly newsletter"
    r"|^To receive regular email alerts about new publications"
    r"|^Any complaints about the inspection or the report should be made"
    # Ofsted's descriptions of what each grade means, the same in every SIF
    # report ("An outstanding local authority leads highly effective services...").
    r"|^(?:An? |In an? )(?:(?:outstanding|good|inadequate) )?(?:local authority|LSCB)(?: that)? "
    r"(?:is (?:good|inadequate|providing)|requires improvement|leads|provides|is highly influential|coordinates)"
    r"|^In a local authority that requires improvement",
    re.I,
)
# Sections that are standard text throughout: Ofsted's descriptions of what
# each grade means, the same in every report of a framework.
_BOILERPLATE_SECTION = re.compile(r"^what the inspection judgements? mean", re.I)


# What ends a sentence that states something. A short paragraph sentence
# ending otherwise is a title ("Court work, resettlement and interventions"),
# and one in fields ("Anglia Health News | 16 January 2025") or led by "By " is
# a byline or dateline ("By Daniel Frost, Crime reporter | Thursday 10 April
# 2025, 6:00am"): in the corpus not one of them is a finding. (A longer one may
# be a finding whose full stop PDF extraction lost, "While improvement is
# evident for some children, overall the pace is too slow"; and a list item may
# end bare, "improve the quality of reviewing".)
_STATEMENT_END = frozenset('.!?;,)]"\'”’…')
_TITLE_WORDS = 8
_FIELD_SEPARATORS = (" | ", " · ")
# A station's or paper's promotion of itself ("Listen to Coast FM on 97.4FM").
_PROMOTION = re.compile(r"(?:(?:listen|watch) (?:to|live|again|on)|follow us|(?:sign up|subscribe) (?:to|for)|download (?:the|our))\b", re.I)
# A hypothetical: what would or could happen if something were so ("If leaders
# do not get a grip on the supply of drugs, the prison could become even more
# dangerous", "Had the force been judged inadequate, it could have been moved
# into Engage"), which states no finding. A negated modal ("If staff raised
# concerns, they could not get advice") is past fact, and stays.
_HYPOTHETICAL = re.compile(r"(?:if|had|unless)\b[^.;]*?,[^.;]*?\b(?:could|would|might|may|will|can)\b(?! not\b)", re.I)


# The words one of which begins every match of each pattern, in the case a sentence starts with.
_PROMOTION_STARTS = tuple(w + " " for w in ("Listen", "listen", "Watch", "watch", "Follow", "follow", "Sign", "sign", "Subscribe", "subscribe", "Download", "download"))
_HYPOTHETICAL_STARTS = ("If ", "if ", "Had ", "had ", "Unless ", "unless ")


def states_nothing_found(text: str, block_kind: str) -> bool:
    """Whether a candidate sentence (stripped, not empty) cannot state what
    inspectors found, whatever its words: page furniture (a title, byline,
    dateline or promotion), the lead-in to a list ("Action the trust MUST take
    to comply with its legal obligations:", "The Salford PDU should:"), or a
    hypothetical."""
    last = text[-1]
    if last == ":":
        return True
    if block_kind == "paragraph" and last not in _STATEMENT_END and not _ends_in_note_mark(text) and (
        text.count(" ") < _TITLE_WORDS or text.startswith("By ") or any(separator in text for separator in _FIELD_SEPARATORS)
    ):
        return True
    # (Most sentences start with none of the words: `startswith` answers that without the regexes.)
    if text.startswith(_PROMOTION_STARTS) and _PROMOTION.match(text) is not None:
        return True
    return text.startswith(_HYPOTHETICAL_STARTS) and _HYPOTHETICAL.match(text) is not None


def _ends_in_note_mark(text: str) -> bool:
    """A sentence end followed by a footnote number ("...within ten seconds.12")."""
    body = text.rstrip("0123456789")
    return len(body) < len(text) and body[-1:] in _STATEMENT_END


def is_toc_entry(heading: str) -> bool:
    return _TOC_ENTRY.search(heading.strip()) is not None


# Every alternative of BOILERPLATE not anchored at the start of the block
# contains one of these (tests/test_report_sections.py checks it against the
# pattern): a block without any of them can match only at its start, and
# `match` answers that without trying twenty alternatives at every offset.
BOILERPLATE_ANYWHERE = Literals([
    "(ofsted) regulates and inspects", "open government licence", "nationalarchives.gov.uk", "crown copyright",
    "subscribe to our monthly newsletter",
])


# Words one of which begins every match of BOILERPLATE (folded): a block whose
# folded text starts with none of them cannot match at its start, which
# `str.startswith` on the folded document answers without slicing the block
# (tests/test_findings_fast_paths.py checks the words against the pattern).
BOILERPLATE_STARTS = start_literals(BOILERPLATE)


def is_boilerplate(text: str, headings: Sequence[str] = (), anywhere: bool | None = None, at_start: bool | None = None) -> bool:
    """Whether a block is the publisher's standard text. `anywhere`: whether a
    word of BOILERPLATE_ANYWHERE may occur in the block, when the caller knows
    (from a `LiteralIndex` of the whole document); None to look. `at_start`:
    whether the block's folded text may start with a word of BOILERPLATE_STARTS,
    when the caller knows; None to try."""
    if at_start is not False and BOILERPLATE.match(text) is not None:
        return True
    if anywhere is None:
        anywhere = BOILERPLATE_ANYWHERE.any_in(fold(text))
    if anywhere and BOILERPLATE.search(text) is not None:
        return True
    return bool(headings) and _is_boilerplate_section(headings[-1])


@functools.lru_cache(maxsize=4096)
def _is_boilerplate_section(heading: str) -> bool:
    # Kept: blocks of a section share its heading, and reports of a series share headings.
    return _BOILERPLATE_SECTION.search(heading) is not None


def _is_section_title(text: str) -> bool:
    """A paragraph that is really one of the report's section titles."""
    if text[:1].isspace() or text[-1:].isspace():  # (most blocks have nothing to strip: no copy)
        text = text.strip()
    if not text or text[:1].isdigit() or text.endswith(_TERMINAL) or len(text.split()) > 30:
        return False
    return _SECTION_TITLE.search(text) is not None or _JUDGEMENT_END.search(text) is not None


class Section(NamedTuple):
    """What governs a block: the kind its section gives (None outside a
    kind-giving section or after it has ended), and whether the block is
    itself a section title (which states no finding)."""

    kind: str | None
    is_title: bool = False


_NO_SECTION = Section(None)
_TITLE = Section(None, True)


def block_sections(
    kinds: Sequence[str],
    texts: Sequence[str],
    headings: Sequence[tuple[str, ...]],
    section_kind: Callable[[tuple[str, ...]], str | None],
) -> list[Section]:
    """The `Section` of each block. `section_kind` maps a heading path to
    the kind its headings give."""
    out: list[Section] = []
    path: tuple[str, ...] | None = None
    current: str | None = None  # the kind governing the blocks under `path`
    open_kind: str | None = None  # the kind open at this point in reading order
    carry: str | None = None  # the kind an action sub-heading inherits
    # Does the section open with a bulleted list? (Then its first plain
    # paragraph ends it; bullets nested in numbered paragraphs do not.)
    items: bool | None = None
    made: dict[str | None, Section] = {}  # one (immutable) Section per kind: a NamedTuple per block cost a fifth of this loop
    # Did a heading that opened (or carried) a kind come just before? Then a
    # heading here is its sub-heading, as when PDF extraction leaves every
    # heading at the top level ("Cause of concern", then "Protecting vulnerable
    # people", then the concern).
    opened = False
    for i, (kind, text) in enumerate(zip(kinds, texts)):
        if kind == "heading":
            title = text.strip()
            own = section_kind(headings[i] + (title,))
            carry = open_kind if own is None and _carries_kind(title, opened) else None
            open_kind = own or carry
            opened = open_kind is not None
            out.append(_NO_SECTION)
            continue
        opened = False
        if headings[i] != path:
            path = headings[i]
            current = section_kind(path) or carry
            items = None
        if kind == "paragraph" and _is_section_title(text):
            current = open_kind = None  # the section ends here, for the rest of this heading path
            out.append(_TITLE)
            continue
        if current is not None and kind == "paragraph" and items and not _list_resumes(kinds, i):
            current = None  # the list has ended, and the section with it
        open_kind = current
        if items is None and current is not None and len(text.split()) >= 3:  # not a footnote marker
            items = kind == "list_item"
        section = made.get(current)
        if section is None:
            section = made[current] = Section(current)
        out.append(section)
    return out


def _carries_kind(heading: str, opened: bool) -> bool:
    """Does a heading with no kind of its own belong to the section open above
    it? Action sub-headings and lead-ins always do; any other heading does when
    it comes straight after the section's heading, unless it is one of the
    report's own section titles."""
    if _ACTION_SUBHEADING.search(heading) is not None or _LEAD_IN_HEADING.search(heading) is not None:
        return True
    return opened and _SECTION_TITLE.search(heading) is None and _JUDGEMENT_END.search(heading) is None


def _list_resumes(kinds: Sequence[str], i: int) -> bool:
    """Is the paragraph at `i` a piece of a list item split by a page break
    (the list goes on after it)?"""
    return i + 1 < len(kinds) and kinds[i + 1] == "list_item"
