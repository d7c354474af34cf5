"""`miner_gradings`: graded judgements from tables, prose and counts.

Patterns are regular expressions built in `initialize()` from the scale data
(`data/scales.json`), run per sentence only where a grade word occurs, so the
component stays fast as the area vocabulary grows.

Writing a rule so that it takes the fast path (miner/nlp/grading_gates.py):
- In `_find`, run it as `for m in finditer_at(self.rule, s, low, _RULE_STARTS)`
  (`finditer_at` there is `GradingGates.finditer_at`), with `_RULE_STARTS` a
  `scan.Literals` of the words one of which begins every match. It is then
  skipped at once in a sentence that lacks a word every match needs (read from
  the pattern: `scan.required_literals`), and tried only where a start word is.
- A pattern that begins with the area group (`rf"{A}..."`, no top-level "|")
  is also tried with only the aliases of the word found where it is tried:
  the 240-alias alternation is not run in full. (The same cut for patterns
  led by the grade group cost more than trying the 14 grade phrases, and
  compiled a copy of the whole pattern per grade word in every process.)
- The rules are compiled on first use (`_compile`'s `re.compile` makes a
  `grading_gates.LazyPattern`); one written without upper-case letters or
  inline flags is searched without `re.I` on the folded sentence where the
  gates can (`gates.rule`, `gates.search`, `gates.finditer`).
- Searches of the sentence or a clause go through `gates.search(rx, text)`
  (remembered per document, tried only where the pattern's start words occur).
- Never key a dict by a compiled pattern: hashing one hashes its whole code
  (90 us for a pattern with every area alias); the gates key by `id(rx)`.
A rule written as `self.rule.finditer(s) if "word" in gate else ()` stays
correct but pays for a full scan of the sentence whenever its gate passes.
"""

from __future__ import annotations

import bisect
import pathlib
import re
from dataclasses import dataclass

import numpy

from spacy.language import Language
from spacy.tokens import Doc, Span

from miner.nlp.context import Sentence, get_context, group_values, set_span_values, span_offsets
from miner.nlp.grading_gates import LAZY_RE, GradingGates
from miner.nlp import grading_model
from miner.nlp.numbers import NUMBER, parse_int
from miner.nlp.gazetteer import BOARD_ROW, Gazetteer, safeguarding_board_id
from miner.nlp.organisations import OrganisationIndex
from miner.nlp.scan import Literals, first_words, finditer_at, fold, search_at
from miner.nlp.scales import GRADE_PATTERN, GRADE_PHRASES, Scales, fold_area

SPANS_KEY = "gradings"

# "last week", "earlier this month": the time of the news, not an earlier inspection.
_RECENT = r"(?!(?:week|weekend|month|night|(?:mon|tues|wednes|thurs|fri|satur|sun)day|this|today)\b)"
# "since its last inspection" dates an improvement, not a grade. (Checked after
# the word, so the look-behinds run only where "last" is.)
_SINCE_LAST = r"(?<!since its last)(?<!since the last)(?<!since their last)(?<!since our last)"
_PREVIOUS_CUE = re.compile(
    r"\b(?:last|previous(?:ly)?|prior|earlier|former(?:ly)?)" + _SINCE_LAST + r"\s+" + _RECENT + r"(?:\w+\s+){0,3}?(?:inspect\w*|judge?ment|rat(?:ed|ing)|grad(?:ed|e)|visit)"
    r"|\bwhen (?:it|the \w+|\w+) was last\b|\bat the (?:last|previous) inspection\b|\bwas previously\b|\bhad\s+previously\s+been\b"
    r"|\bsince (?:a|its|the) (?:\w+ )?(?:judge?ment|rating|grade) of\b|\bhad (?:previously )?been (?:judged|rated|graded|found|given|awarded)\b"
    r"|\b(?:up|improved|improving|down|declined|dropped|slipped|fell) from\b|\bin (?:19|20)\d\d,? (?:it|the \w+|(?-i:[A-Z])[\w'’&-]*(?: (?-i:[A-Z])[\w'’&-]*){0,5}) (?:was|were) (?:judged|rated|graded|found)\b"
    r"|\bwas (?:judged|rated|graded|found to be) \w+(?: \w+){0,4} in (?:19|20)\d\d\b"
    r"|\b(?:last|previous(?:ly)?)" + _SINCE_LAST + r"\s+(?:assess\w*|inspect\w*|visit\w*|graded|rated|judged)"
    # ("eight months after a full inspection in which the jail was rated poor": any number of them)
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|\d+|a|several|some|a\s+few)\s+(?:years?|months?)\s+(?:ago|earlier|before|previously|after)\b"
    # "returned ... after a full inspection in which the jail was rated poor": a review's recounting of the inspection before it
    r"|\b(?:full|earlier)\s+inspection\s+(?:in\s+(?:19|20)\d\d\s+)?(?:in\s+which|at\s+which|when|where)\b"
    r"|\bat that (?:inspection|time|visit)\b|\bat (?:the|its|our) (?:last|previous|first) (?:full )?inspection\b"
    # ("outcomes had declined in respect, which we assessed as ..." is the move to this inspection's grade)
    r"|\bhad\s+(?:(?:then\s+|previously\s+|already\s+)(?:improved|deteriorated|declined)(?!\s+to\b)|(?:then\s+|previously\s+|already\s+)?been\s+(?:rated|judged|graded|found|assessed))\b"
    # "an improvement on its first inspection after unification, when it was judged inadequate"
    r"|\b(?:improvement|up|down|change|step)\s+(?:on|from)\s+(?:its|the|their)\s+(?:first|last|previous|earlier)\s+inspection\b[^.;]{0,60}?,\s+when\b",
    re.I,
)
# A number of bodies as a sentence's subject ("12 of the 153 councils in England are ...",
# "Of the ten forces, three were ..."): the grades after it are no one body's.
_BODY_PLURAL = r"(?:councils|local\s+authorities|forces|police\s+forces|trusts|prisons|fire\s+(?:and\s+rescue\s+)?services|probation\s+delivery\s+units|pdus)"
_BODY_PLURALS = Literals(["councils", "authorities", "forces", "trusts", "prisons", "services", "units", "pdus"])
_BODIES_COUNTED = re.compile(rf"\b(?:(?:{NUMBER}|\d+)\s+(?:out\s+)?of\s+(?:the\s+|england['’]s\s+)?(?:{NUMBER}|[\d,]+)\s+{_BODY_PLURAL}\b|\bof\s+the\s+(?:{NUMBER}|[\d,]+)\s+{_BODY_PLURAL}\s*,\s*(?:{NUMBER}|\d+)\b)", re.I)
# A share of bodies in words as a sentence's subject ("a quarter of councils in England", "half of all forces",
# "one in five trusts", "most of the country's prisons"): the grades after it are no one body's.
_BODIES_SHARE = re.compile(rf"\b(?:(?:a|one|an?\s+estimated)\s+(?:quarter|third|fifth|half)|half|two[\s-]thirds|three[\s-]quarters|(?:{NUMBER}|\d+)\s+in\s+(?:{NUMBER}|\d+)|most|many|some|none|(?:{NUMBER}|\d+)\s*(?:%|per\s*cent))\s+(?:of\s+)?(?:all\s+|the\s+)?(?:(?:england['’]s|the\s+country['’]s|english|welsh)\s+)?{_BODY_PLURAL}\b", re.I)
# A comparison header of scores split over lines, joined: "Healthy prison test Score (2024) Score (2019) Outcome at this inspection".
_SPLIT_SCORE_HEADER = re.compile(r"^(?P<label>[A-Za-z][\w ,'’-]{1,50}?)\s+(?P<first>Score\s*\(\s*(?:19|20)\d\d\s*\))\s+(?P<second>Score\s*\(\s*(?:19|20)\d\d\s*\))(?:\s+[A-Za-z][\w ]{0,40})?$", re.I)
# "Leaders" heading a list of Ofsted's judgements ("Leaders, help and protection and children in care were ...").
_LEADERS_LISTED = re.compile(r"^\s*(?P<leaders>leaders)(?:,\s+|\s+and\s+)", re.I)
# The fire scale's pillars (2018-22); its other areas are the 2023-25 round's eleven.
_FIRE_PILLARS = frozenset(("effectiveness", "efficiency", "people"))
# Another body's own last inspection, its latest ("..., at its last inspection").
_ITS_LAST_INSPECTION = re.compile(r"(?:at|in|during|when)\s+(?:its|their)\s+(?:last|latest|most\s+recent)\s+(?:full\s+)?inspection", re.I)
# A sentence on the grade just given: "This is an improvement on ...", "That marks a fall from ...".
_THIS_IS_A_CHANGE = re.compile(r"(?:This|That|It|Which)\s+(?:is|was|marks|marked|represents|represented)\s+(?:an?|the)\s+(?:\w+\s+)?(?:improvement|rise|step\s+up|fall|drop|decline|change|upgrade|downgrade)\s+(?:on|from)\s", re.I)
# Reported speech ("The Chief Fire Officer reported that the Service had been graded outstanding in
# three ..."): minutes and news put a grade just given into the past perfect, which dates nothing.
_REPORTED_THAT = re.compile(r"\b(?:reported|noted|said|told\s+(?:\w+\s+){0,3}?|explained|advised|confirmed|informed\s+(?:\w+\s+){0,3}?|stated|added|announced|highlighted)\s*that\s", re.I)
_HAD_BEEN_CUE = re.compile(r"had\s+been\s+(?:judged|rated|graded|found|given|awarded)", re.I)
# A capitalised name of up to seven words ("Hull Royal Infirmary", "West Northamptonshire").
_NAME = r"(?-i:[A-Z])[\w'’&-]*(?:\s+(?-i:[A-Z])[\w'’&-]*){0,6}"
_NAME_RX = re.compile(_NAME)
# Not a name, though capitalised at the start of a sentence: a number of bodies, a pronoun.
_NOT_A_NAME = re.compile(rf"\s*(?:{NUMBER}|all|both|none|most|some|several|many|these|those|they|it|each)\b", re.I)
# A participle between commas after a name closes within a few words: "Sefton Council, rated inadequate in 2022, is ...".
_PARTICIPLE_CLOSES = re.compile(r"[^,;.]{0,40},\s")
# "for" after a grade names what was graded ("rated good for caring"), but not in "for the first time".
_FOR = r"for(?!\s+the\s+(?:first|second|third|fourth|fifth)\s+time\b)"
# A sentence giving the grade now against the earlier one ("rated requires improvement
# overall, down from good at its last inspection in 2019"): the next sentence's grades
# continue the new inspection, not the earlier one. So does "no longer inadequate": the grade
# is gone, the sentence says where the body stands now.
_NOW_AGAINST_EARLIER = re.compile(r"\bno\s+longer\b|\b(?:down|up)\s+from\b|\b(?:downgraded|upgraded)\s+from\b|,\s+(?:an?\s+)?(?:improvement|fall|drop|decline|rise)\s+(?:from|on)\b", re.I)


# The cue of `_PREVIOUS_CUE` that is only a year after the grade ("was rated good in 2019").
_YEAR_CUE = re.compile(r"\bwas (?:judged|rated|graded|found to be) \w+(?: \w+){0,4} in (?:19|20)\d\d\b", re.I)
_LEADING_PAST = re.compile(
    r"^\s*(?:the\s+last\s+time\b[^,]*|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years?\s+(?:ago|earlier|before)\b[^,]*|(?:an?|the|its)\s+(?:\w+\s+){0,3}?(?:re-?inspection|inspection|visit|report|review)\s+(?:in|of)\s+(?:\w+\s+)?(?:19|20)\d\d\b[^,]*|when\s+(?:it|we|the \w+|inspectors|\w+|(?-i:[A-Z])[\w'’]*(?:\s+(?:of|and|for|(?-i:[A-Z])[\w'’]*)){1,6})\s+(?:was|were)?\s*(?:last|previously|first)\s+\w+|when\s+(?:it|we|they|inspectors|the \w+)\s+(?:last\s+)?(?:inspected|assessed|visited|was\s+inspected|were\s+inspected|was\s+assessed)\b[^,]*?(?:19|20)\d\d|at (?:the|its|our) (?:last|previous) (?:\w+ )?(?:inspection|visit|assessment)|at (?:the|its|our|their) (?:19|20)\d\d (?:\w+ )?(?:inspection|visit|assessment)|at (?:the|its|our|their) (?:\w+ ){0,2}?(?:inspection|visit|assessment) (?:of [^,]{1,60}? )?in (?:\w+ )?(?:19|20)\d\d\b|in (?:its|the|their|our) (?:19|20)\d\d(?:[/-]\d\d)? (?:\w+ )?(?:inspection|report|assessment)|in (?:(?:jan|febr)uary |march |april |may |june |july |august |(?:septem|octo|novem|decem)ber )?(?:19|20)\d\d\b|at that (?:inspection|time|visit)|in (?:our|its|the) (?:last|previous)\s+\w+|in (?:our|its|the|their) first (?:\w+ )?(?:inspection|visit|assessment)(?=,\s*in\s+(?:19|20)\d\d\b)|(?:previously|last time))[^,]*,(?:\s*(?:in\s+)?(?:\w+\s+)?(?:19|20)\d\d(?:/\d\d)?,)?",
    re.I,
)
_PREVIOUS_SECTION = re.compile(r"\bprevious\b|\blast inspection\b|\binspection history\b|\bearlier inspections?\b", re.I)
_COMPARED_FROM = re.compile(r"\b(?:up|down|improved|improving|risen|fallen|moved|moving|climbed|dropped|slipped|improvement|step up|rise|fall|drop)\s+(?:on|from)\b", re.I)
# The sentence says it is about the current report: "in the latest report".
_THIS_REPORT = re.compile(r"\b(?:this|(?:the|its|their) (?:latest|most recent|new))\s+(?:report|inspection|assessment)\b", re.I)
_SAME_AS_BEFORE = re.compile(
    r"\b(?:identical to|the same as|unchanged from|no different from)\s+(?:those|the ones|the grades|the judgements|the ratings)?\s*(?:(?:given|awarded|received|made)\s+)?"
    r"(?:at|in|after)\s+(?:the|its|their)\s+(?:previous|last|earlier)\s+inspection", re.I)
_ONE_OF = re.compile(r"\b(?:was|is|as)\s+$", re.I)
_LIST_FOLLOWS = re.compile(r"\s*(?:These|They|Those|The (?:\w+ )?areas?)\s+(?:(?:were|are)\s+)?(?:include[ds]?|including|were|are)\b")
_CONTINUES_SUBJECT = re.compile(r"\s*(?:It|They|Its|Their|The (?:local )?(?:authority|council|force|service|prison)s?|(?:At )?(?:That|The same) (?:inspection|report|visit))\b")
_COMPLEMENT = re.compile(r"\b(?:outcomes|health|education|needs|support|placements|work|number|plans?|assessments?|provision|quality|response|arrangements|wellbeing|well-being|impact)\s+(?:for|of|to|with)\s+(?:(?:looked after (?:children|young people)|young people|children)\s+and\s+)?$", re.I)
# Words without which a sentence naming a grade word cannot state a grading
# (when it names no area either): "good progress" is skipped cheaply.
_GRADING_CONTEXT = re.compile(r"\b(?:areas?|judge?ments?|overall|pillars?|tests?|rated|rates|ratings?|judged|graded|downgraded|upgraded|(?:up|down|improved|moved|gone|deteriorated|declined|slipped)\s+from|verdicts?|scor(?:e|es|ed|ing)|goods|adequates|grades?|gradings?|assessed|found|deemed|require[sd]?|requiring|(?:in|for)\s+\w+\s+of\s+them|(?:in|for)\s+the\s+(?:other|remaining)\s+\w+|previously|formerly"
    # ("Bolton Council remains good": a kept grade right after the verb)
    r"|(?:remain(?:s|ed)?|stay(?:s|ed)?)\s+(?:(?:rated|judged|graded)\s+)?(?:as\s+)?['‘’\"“”]?(?:good|outstanding|inadequate|adequate|requires?|poor|not\s+sufficiently|reasonably))\b", re.I)
_RUNNING = re.compile(r"\bfor the (?:second|third|fourth) (?:inspection|time|consecutive inspection|visit|report|year) (?:running|in a row)\b|\bthe same (?:overall )?(?:rating|grade|judge?ment|verdict|score) (?:as (?:at|in) |(?:that |which )?(?:it|they|the \w+) (?:was |were |had been )?(?:given|received|had|got|was awarded) (?:in (?:19|20)\d\d|at (?:the|its|their) (?:last|previous)|(?:last|the previous) time|previously|before))|\b(?:unchanged|no change) (?:from|since) (?:(?:19|20)\d\d|(?:its|the|their) (?:last|previous) inspection)\b|\bsecond consecutive\b|\b(?:at|in) both inspections\b|\bthe same as (?:in|at) (?:(?:19|20)\d\d|(?:its|the|their) (?:last|previous) inspection|that inspection)\b|\bas (?:(?:it|they|the \w+) (?:was|were|had been)|was the case) (?:at|in) (?:(?:the|its|their) (?:last|previous)|(?:19|20)\d\d\b)"
    r"|\bthe same (?:grade|rating|judge?ment) (?:as )?(?:it|they|the \w+) (?:received|was given|were given|got|had|was awarded|were awarded) (?:in|at) (?:(?:19|20)\d\d|(?:the|its|their) (?:last|previous))"
    # "has again been rated G", "was once again judged G": the grade it had at the inspection before.
    r"|\b(?:has|have|had|was|were|is|are)\s+(?:once\s+)?again\s+(?:been\s+)?(?:rated|judged|graded|assessed|found|deemed)\b", re.I)
# "has been rated outstanding since 2019": a grade held since then, i.e. kept (the grade now and at that inspection).
_HELD_SINCE = re.compile(r"\b(?:has|have)\s+(?:also\s+|now\s+)?been\s+(?:rated|judged|graded|assessed)\b[^.;]{0,60}?\bsince\s+(?:19|20)\d\d\b", re.I)
# Before "services": the whole probation service of a place, not HMI Probation's "services" standard.
_PROBATION_BEFORE = re.compile(r"\bprobation\s+$", re.I)
# A year just after a grade: "judged inadequate in 2019", "rated good overall in March 2024".
_DATED_AFTER = re.compile(r"['’\"”]?(?:\s+(?:overall|to\s+be\s+good))?\s+in\s+(?:[A-Z][a-z]+\s+)?(?P<year>(?:19|20)\d\d)\b")
# "Three of the ten were ...": the number before a bare count's verb is the total counted, not the count.
_OF_THE_BEFORE = re.compile(r"\bof\s+(?:the|those|these)\s+$", re.I)
# A relative clause's grade after the body's own grades: "..., a turnaround for a force that was rated ..." (`_previous_of_body`).
_RELATIVE_GRADED = re.compile(r"\b(?:that|which)\s+(?:was|were|had\s+been)\s+(?:rated|judged|graded|assessed)\s+(?:as\s+)?['‘\"“]?$", re.I)
_CONTRAST_BREAK = re.compile(r";|,?\s+(?:while|whereas|but|although)\s")
# ", and" before a capital, the other place `_own_part` may split: "HMP Leeds was rated reasonably good for safety
# in 2022, and HMP Hull, ..., has since improved to ..." (the later grade is Hull's, and dates none of Leeds's).
_CLAUSE_CLOSES = re.compile(r"[^,;.]{0,40},\s*$")  # a relative clause's end, then its body's verb
_AND_BREAK = re.compile(r",\s+and\s+(?=(?-i:[A-Z]))")
_PAST_JUDGEMENT = re.compile(r"\b(?:was|were|had been)\s+(?:also\s+|then\s+)?(?:found|rated|judged|graded|assessed)\b", re.I)
# Compiled once and searched through the gates (remembered, tried only where their first words are).
_PRESENT = re.compile(r"\b(?:now|this|current|currently|is|are|has|have|latest|most recent)\b", re.I)
_PRESENT_OR_SINCE = re.compile(r"\b(?:now|since|this|current|is|are|remains?|has|have)\b", re.I)
_WAS = re.compile(r"\b(?:was|were|had)\b")
_JUDGED_IN_PAST = re.compile(r"\b(?:was|were|had been|judged|rated|graded|found|assessed)\b")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n\n")
_NOW = re.compile(r"\b(?:now|currently|this time|today|this year|latest|most recent)\b", re.I)
_CLAUSE_SPLIT = re.compile(r"^\s*(?i:previously|formerly|once)\b[^,;]{0,60},\s+|,\s+(?=(?:previously|formerly|once)\s+(?:rated|judged|graded|assessed|found)\b)|,\s+(?=having\s+(?:previously\s+|also\s+)?been\b)|;|\s(?=(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|many)\s+(?:years?|months?)\s+after\b)|,\s+(?=(?:\w+\s+)?(?:years?|months?)\s+after\b|after\b)|,\s*(?=which\b|who\b|(?:is|was|has|have|are)\s+now\b|now\b)|,\s+(?=the same\b|up from\b|down from\b|compared with\b|the\s+(?:grade|rating|judge?ment|verdict)\s+(?:it|they|the\s+\w+)\s+(?:was|were|had\s+been|has\s+had)\b|an? (?:\w+ )?(?:improvement|fall|drop|decline|rise|step|change)\b)|,\s+(?=(?:an?|both|one|two|three|four|five|six|the(?:\s+same)?)\s+(?:other\s+)?areas?\s+(?:in\s+which|where|that|which|it|they|the)\b)|\s(?:although|though)\s|,\s*(?:but|while|whereas|and)\s|\s(?:but|whereas|while)\s|\s[–—]\s|,\s(?=(?:it|the \w+|and|now)\s+(?:is|was|has|now))")
# `\b(?:19|20)\d\d\b`, with the boundary checked after the digits (a look-behind):
# a pattern that begins with a literal is searched for by its first
# characters, one that begins with `\b` is tried at every offset.
_YEAR = re.compile(r"(?:19|20)(?<!\w..)\d\d\b")
_AREA_WORDS = r"(?:areas?|categories|(?:key )?questions|pillars|judgements?|standards|(?:healthy prison )?tests|of (?:them|these|those)\b|of (?:the|its) (?:[\w'’]+ ){0,3}(?:areas?|categories|judgements|tests|pillars|questions|standards))"
_FAILING = r"failing|failed|poor|weak|below standard"
# "two were scored at the lowest level", "given the lowest possible grade": the scale's last grade.
_LOWEST_PHRASE = r"(?:(?:scored|given|awarded)\s+)?(?:at\s+)?(?:the|its|their|our)\s+lowest(?:\s+possible)?\s+(?:grade|score|rating|level|judge?ment|assessment)"  # aggregates kept as stated ("below standard in all three")
# A zero count held from a year to now: "has not been graded X for any question since ... began in 2014".
_NEVER_SINCE = re.compile(r"\b(?:has|have)\s+(?:not|never)\s+been\b|\b(?:hasn['’]t|haven['’]t)\s+been\b", re.I)
_SINCE_YEAR = re.compile(r"[^.;]{0,60}?\bsince\s+(?:(?:our|the|its|their)\s+(?:[\w-]+\s+){0,4}?(?:began|started|were\s+introduced)\s+in\s+)?(?:19|20)\d\d\b", re.I)
# A PEEL 2014-19 question and its grade in a flattened table (`_peel_questions`).
_PEEL_QUESTION_ROW = re.compile(r"(?m)^How\s+(?:effective|efficient|legitimate)(?:ly)?\s+(?:is|are)\s+the\s+force\s+(?:at\s+|in\s+)?(?P<area>[^?\n]{5,160})\?[^\S\n]*\n?\s*(?P<grade>Outstanding|Good|Requires\s+improvement|Inadequate)\b")
# A grade under the framework before the SIF, recalled in a later report (`_pre_sif_grades`).
_PRE_SIF_GRADE = re.compile(r"\b(?:arrangements\s+for\s+safeguarding\s+children|safeguarding\s+and\s+looked\s+after\s+children['’]s\s+services|(?:its|the)\s+safeguarding\s+services)\b[^.;]{0,40}?\b(?:were|was)\s+(?:both\s+|all\s+)?(?:judged|rated|graded|found)\s+(?:to\s+be\s+)?(?P<grade>outstanding|good|adequate|inadequate)\b", re.I)
# A PEEL 2014-19 pillar's own inspection, whose "overall" grade is the pillar's.
_PILLAR_INSPECTION = re.compile(r"(?P<earlier>\b(?:last\s+year['’]s|(?:its|our|the)\s+(?:previous|last|earlier|(?:19|20)\d\d))\s+)?\b(?P<pillar>effectiveness|efficiency|legitimacy)\s+inspection\b", re.I)
# A new clause after a kept-grade phrase (`_RUNNING`): ", and ...", "; ...".
_NEW_CLAUSE = re.compile(r",\s+(?:and|but|while)\s|;\s")
# After a counted grade word: the practice it qualifies ("two areas of outstanding practice"), not a grade.
_PRACTICE_AFTER = re.compile(r"\s+practices?\b", re.I)
OVERALL = "__overall__"  # marks an overall judgement, resolved per scale
LOWEST = "lowest"  # "its lowest grade": the last grade of the scale, resolved in `_normalise`
OVERALL_IF_UNNAMED = "__unnamed__"  # a grade of the whole body with no area named
QUOTE = "['‘’\"“”]?"  # grades are often quoted in the press: rated 'inadequate'
# Literal prefilters (miner.nlp.scan): a grade word cannot occur without one of these.
_GRADE_LITERALS = Literals(["good", "outstanding", "adequate", "requir", "poor", "fail", "weak", "lowest", "worst", "below", "scored", "score of"])
# `only_area` needs "area" and one of these words.
_ONLY_LITERALS = Literals(["only", "one", "sole", "the other", "was an area", "is an area"])
# Where matches of the patterns that begin with a (quoted) grade can start.
_GRADE_STARTS = Literals(["requir", "not", "reasonably", "outstanding", "good", "adequate", "inadequate", "poor", "fail", "weak", "below", "'", "‘", "’", '"', "“", "”"])
_JUDGED_STARTS = Literals(["rated", "judged", "graded", "assessed", "found", "considered", "deemed"])
_OVERALL_STARTS = Literals(["overall", "judged", "rated", "graded", "found", "assessed", "deemed", "and"])
_UNQUALIFIED_STARTS = Literals(["the", "children", "services"])
_UP_FROM_STARTS = Literals(["up", "down", "improv", "risen", "fallen", "mov", "climbed", "dropped", "slipped", "chang", "compared", "a change", "an improvement", "a rise", "a step", "a fall", "a drop", "a decline"])
# Words without which a pattern cannot match anywhere in the sentence.
_NO_STARTS = Literals(["no", "n't", "n’t"])  # ("isn't rated outstanding in any area": `zero_count`)
_EARLIER_WHOLE_STARTS = Literals(["it ", "they ", "its ", "their ", "the local", "the authority", "the council", "the service", "children", "service"])
# Words without which a sentence cannot date a grade to an earlier inspection.
_EARLIER_WORDS = Literals(["19", "20", "last", "previous", "earlier", "before", "had been", "first inspection"])
_ZERO_WORDS = Literals(["not", "longer", "none", "no one", "n't", "n’t"])
_AREA_NOUNS = Literals(["area", "categories", "questions", "pillars", "judgement", "tests", "standards", "of them", "of these", "of those", " – ", " — "])  # (a dash: "the remaining two – A and B –")
_GRADE_NOUNS = Literals(["area", "grade", "judg"])
_SINCE_STARTS = Literals(["since"])
_IMPROVEMENT_STARTS = Literals(["improvement", "rise", "step up", "fall", "drop", "decline", "change", "upgrade", "downgrade"])
# A score column between area and grade: "Safety | 1 | Poor", "Overall rating | 4/12 | Requires improvement".
# (Or a score and its grade in brackets: "Safety: 1 (poor)".)
_SCORE_CELL = r"(?:\s*\|\s*\d{1,2}(?:\s*/\s*\d{1,2})?(?=\s*\|)|\s*[:|–-]\s*\d(?:\s*/\s*4)?(?=\s*\())?"
# "its work to prevent crime" names the area, not a complement of "work".
_ITS_WORK = re.compile(r"\b(?:its|their|the\s+force['’]s|the\s+council['’]s)\s+work\s+(?:to|on)\s+$", re.I)
_GRADED_NOUNS = re.compile(r"\b(?:grades?|gradings?|ratings?|judge?ments|rated|graded|judged|assessed|scored|lowest|goods|adequates|inadequates|outstandings)\b", re.I)
# The sentence grades in another inspection than the report's table: "In a separate inspection of ...".
# A sentence about the whole service: "Services for children and families in X have ...", "The trust has ...".
_WHOLE_SUBJECT = re.compile(
    r"\s*(?:(?:the\s+)?(?:(?:local\s+)?authority['’]s\s+|council['’]s\s+)?(?:children['’]s\s+(?:social\s+care\s+)?services|services\s+for\s+children(?:\s+and\s+(?:families|young\s+people|care\s+leavers))?)"
    r"(?:\s+in\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)*)?|it|they|the\s+(?:council|local\s+authority|trust|service|force|prison|pdu))\s+(?:has|have|had)\s",
    re.I,
)
# A title that names a visit without graded judgements: HMI Prisons' independent review of progress,
# Ofsted's monitoring and focused visits.
_NO_GRADE_VISIT = re.compile(r"\b(?:review\s+of\s+progress|monitoring\s+visit|focused\s+visit)\b", re.I)
# The header of a column of scores ("Healthy prison test | Score").
_SCORE_COLUMN = re.compile(r"^\s*(?:(?:this|current|latest)\s+)?(?:outcome\s+)?scores?\s*$", re.I)
# An inspection history table: a date column, then the inspection's grade.
_DATE_COLUMN = re.compile(r"\bdate\b", re.I)
_HISTORY_DATE = re.compile(
    r"^\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]((?:19|20)\d\d)|(?:\d{1,2}\s+)?(?-i:[A-Z])[a-z]+\s+((?:19|20)\d\d)|((?:19|20)\d\d))\s*$"
)
_COUNT_BEFORE = re.compile(
    rf"[^,.;]{{0,30}}?,?\s+(?P<cue>compared\s+with|up\s+from|down\s+from|against)\s+(?P<count>{NUMBER})\s+(?:(?:areas?|tests?|judge?ments?|standards?)\s+)?"
    r"(?:in\s+(?:19|20)\d\d\b|at\s+(?:the|its|our|their)\s+(?:last|previous)\s+inspection\b|last\s+time\b)",
    re.I,
)
_SCORED = re.compile(r"\bscored\s+(?:a\s+)?\d|\bscore\s+of\s+\d", re.I)  # a score in prose (`area_scored`, `scored_count`)
_OVERALL_RATING_FOR = re.compile(r"\boverall\s+(?:rating|grade|judge?ment)s?\s+(?:for|of)\s+(?:(?:the|its|their)\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)  # "... for maternity services"
_GRADE_AGAIN = re.compile(r"['‘’\"“”]?\s+again\b(?!\s+(?:in|at|by|after|when|from)\b)", re.I)  # "rated good again" (not "again in 2019")
_PAREN_EARLIER = re.compile(rf"\s*\(\s*(?:previously|formerly|was|last\s+time|(?:in\s+)?(?:19|20)\d\d)\s*:?\s*['‘’\"“”]?(?P<grade>{GRADE_PATTERN})['‘’\"“”]?\s*\)", re.I)
# ("we have no service rated inadequate", "no ward judged outstanding": no one's grade; not "no longer rated ...")
_DENIED = re.compile(r"\b(?:not|never|no\s+(?!longer\b)(?:other\s+)?[a-z]+\s+(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?(?=rated|judged|graded))\s*(?:(?:yet|been|be|rated|judged|graded|found|considered|deemed|assessed|as|to)\s+)*$", re.I)


def _denied(s: str, found) -> bool:
    """Whether the grade of `found` is negated ("is not adequate at", "was never rated good")."""
    at = s.lower().rfind(found.grade.lower(), found.start, found.end)
    return at > 0 and bool(_DENIED.search(s, max(0, at - 60), at))


# A grade right before an area: "requires improvement overall" (the area is that grade's).
_GRADE_BEFORE = re.compile(rf"(?<![\w-])(?:{GRADE_PATTERN})['’\"”]?\s+$", re.I)
_GRADE_RX = re.compile(rf"(?<![\w-])(?:{GRADE_PATTERN})(?![\w-])", re.I)
# "rated good, adequate and inadequate for A, B and C respectively"
_RESPECTIVELY = re.compile(
    rf"(?P<grades>{QUOTE}(?:{GRADE_PATTERN}){QUOTE}(?:,\s+{QUOTE}(?:{GRADE_PATTERN}){QUOTE}){{0,6}},?\s+and\s+{QUOTE}(?:{GRADE_PATTERN}){QUOTE})"
    r"\s+(?:for|at|in|on)\s+(?P<areas>[^.;]{3,400}?),?\s+respectively\b",
    re.I,
)
_AREA_LIST_REST = re.compile(r"(?:\s|,|;|&|\.|\band\b|\bthe\b)*", re.I)  # what may separate the areas of a list
# A grade that is only possible, feared or hoped for: "could be rated inadequate", "risks being
# judged inadequate", "hopes to be rated outstanding", "would be placed in the inadequate category".
_HYPOTHETICAL = re.compile(
    r"\b(?:could|may|might|would|should|risks?|risking|risked|hopes?|hoping|hoped|wants?|wanted|aims?|aiming|aimed|bid|seeks?|seeking|expects?|expected|at\s+risk\s+of)"  # ("at risk of being graded X")
    r"\s+(?:(?:to|be|being|become|becoming|have|been|now|still|soon|also|again|even|rated|judged|graded|found|considered|deemed|assessed|as|given|awarded|placed|in|the|an?|downgraded|upgraded|earned|received|won|secured|scored)\s+)+" + QUOTE + "$",
    re.I,
)
_HYPOTHETICAL_WORDS = ("could ", "may ", "might ", "would ", "should ", "risk", "hope", "want", "aim", "bid ", "seek", "expect", "whether", "if ")
# The modal's verb with its object before the grade: "We could have graded the force inadequate for ...",
# "inspectors would rate it good", "might have judged Kent Police outstanding".
_HYPOTHETICAL_OBJECT = re.compile(
    r"\b(?:could|would|might|may)\s+(?:well\s+|easily\s+)?(?:have\s+)?(?:rated|graded|judged|rate|grade|judge)\s+"
    r"(?:it|them|the\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+|(?-i:[A-Z])[\w'’-]*(?:\s+(?:(?:and|of|&)\s+)?(?-i:[A-Z])[\w'’-]*){0,4})\s+(?:as\s+|to\s+be\s+)?" + QUOTE + "$",
    re.I,
)
# A grade in a condition or an open question: "whether the force is good at ...", "If the trust is rated inadequate again, ...".
_CONDITION = re.compile(r"\b(?:whether|if|unless)\b[^,;:.]*$", re.I)


_KEPT_VERBS = ("remains ", "remained ", "stays ", "stayed ")
_NUMBER_OF_BODIES_WITH = re.compile(r"\bnumber\s+of\s+(?:[\w-]+\s+){1,4}(?:with|given|awarded|that\s+(?:have|had|has|got|received))\s+(?:at\s+least\s+|one\s+or\s+more\s+)?$", re.I)
_KEPT_AND_GRADE = re.compile(r"\s*,?\s*and\s+", re.I)  # a kept grade's verbless second grade after "and"
_HAD_OR_LAST_YEAR = re.compile(r"\bhad\b|\blast\s+year\b", re.I)  # `areas_appositive`: a past perfect or "last year" dates the areas' grade before
_KEPT_LIST_GAP = re.compile(r"(?:\s|,|&|\band\b|\b(?:in|for|at)\b|\bthe\b|\bits\b|\btheir\b)*", re.I)  # between a kept grade's areas
_GRADE_STARTS_LOW = ("good", "outstanding", "inadequate", "adequate", "requir", "poor", "not sufficiently", "reasonably", "rated", "judged", "graded", "'", "‘", "’", '"', "“")


def _word_then_grade(low: str, words: tuple[str, ...]) -> bool:
    """Whether one of `words` (lower case, with their spaces) is followed by a grade word or a verb of
    grading in `low`: "remains good", "moved up to 'good'" (a cheap look before a rule that needs it)."""
    for word in words:
        at = low.find(word)
        while at >= 0:
            if low.startswith(_GRADE_STARTS_LOW, at + len(word)):
                return True
            at = low.find(word, at + 1)
    return False


def _verb_then_capital(s: str) -> bool:
    """Whether "rated", "judged" or "graded" is followed by a capitalised word ("rated Bury Council good")."""
    for verb in ("rated ", "judged ", "graded "):
        at = s.find(verb)
        while at >= 0:
            if s[at + len(verb):at + len(verb) + 1].isupper():
                return True
            at = s.find(verb, at + 1)
    return False


def _hypothetical(s: str, found) -> bool:
    """Whether the grade of `found` is only possible or wished for ("could be rated inadequate")."""
    at = s.lower().rfind(found.grade.lower(), found.start, found.end)
    return (at > 0 and bool(_HYPOTHETICAL.search(s, max(0, at - 60), at) or _CONDITION.search(s, max(0, at - 80), at) or _HYPOTHETICAL_OBJECT.search(s, max(0, at - 80), at))) or _inverted_condition(s, found)


# "we graded this as good", "inspectors rated this outstanding" (`_graded_this`): "this" the thing just named.
_GRADED_THIS = re.compile(rf"\b(?:graded|rated|judged)\s+this\s+(?:as\s+|to\s+be\s+)?{QUOTE}(?P<grade>{GRADE_PATTERN}){QUOTE}(?![\w-])", re.I)
# HMI Prisons' closing judgement of a test's section: "Outcomes for prisoners were ... against this healthy prison test".
_THIS_TEST = re.compile(rf"\boutcomes\s+for\s+[\w\s]{{1,30}}?\s+(?:were|are|remained|remain)\s+{QUOTE}(?P<grade>{GRADE_PATTERN}){QUOTE}\s+against\s+this\s+healthy\s+prison\s+test\b", re.I)
# A name (or its abbreviation in brackets), then ", which we rated X" (`_find`).
_WHICH_WE_RATED = re.compile(rf"(?:(?-i:[A-Z])[\w'’&-]*|\((?-i:[A-Z])[\w ]{{1,20}}\)),\s+which\s+we\s+(?:had\s+|have\s+)?(?:previously\s+|last\s+)?(?:rated|judged|graded)\s+(?:as\s+)?{QUOTE}(?P<grade>{GRADE_PATTERN}){QUOTE}(?![\w-])(?!\s+(?:or|for|at|on)\b)(?!\s+in\s+(?!(?:19|20)\d\d))", re.I)
# A fronted "Before ... in 2021," clause with a year (`_previous_of_body`).
_BEFORE_IN_YEAR = re.compile(r"^\s*before\s+[^,.;]{0,60}?\bin\s+(?:[A-Z][a-z]+\s+)?(?P<year>(?:19|20)\d\d)\s*,", re.I)
# "X Council's youth justice service[, with which ...,] was rated G": the council's overall grade.
_COUNCIL_SERVICE_RATED = re.compile(
    rf"\b(?-i:[A-Z])[\w'’&-]+(?:\s+(?:(?-i:[A-Z])[\w'’&-]+|and|of|upon)){{0,6}}\s+(?-i:Council)['’]s\s+(?:youth\s+(?:justice|offending)\s+(?:service|team)|children['’]s\s+services)"
    rf"(?:,\s+(?:with|in|for|to|from|by|through)\s+(?:which|whom)\s+[^,;.]{{3,80}},)?\s+(?:is|was|were|are|has\s+been|have\s+been|had\s+been)\s+(?:(?:now|previously|also|again)\s+)?(?:rated|judged|graded)\s+(?:as\s+|to\s+be\s+)?"
    rf"{QUOTE}(?P<grade>{GRADE_PATTERN}){QUOTE}(?![\w-])(?!\s+(?:or|for|at|on|in\s+(?!(?:19|20)\d\d))\b)", re.I)
# A name, then ", itself rated X": that body's grade.
_ITSELF_RATED = re.compile(rf"(?-i:[A-Z])[\w'’&)-]*,\s+itself\s+(?:also\s+|previously\s+)?(?:rated|judged|graded)\s+(?:as\s+)?{QUOTE}(?P<grade>{GRADE_PATTERN}){QUOTE}(?![\w-])(?!\s+(?:or|for|at|on)\b)(?!\s+in\s+(?!(?:19|20)\d\d))", re.I)
# A CQC location's report on the trust that runs it: "the trust's overall rating, which remains G".
_TRUST_RATING_KEPT = re.compile(rf"\bthe\s+trust['’]s\s+overall\s+rating(?:,\s+which)?\s+(?:has\s+)?(?:remains|remained|stays|stayed)\s+(?:at\s+)?{QUOTE}(?P<grade>{GRADE_PATTERN}){QUOTE}(?![\w-])", re.I)
# CQC's tally of a key question over the core services inspected, its later counts (`_TALLY_MORE`) and
# "No service was rated X for safe" after it (`_NO_SERVICE`).
_SERVICES_TALLY = re.compile(rf"\bwe\s+rated\s+(?:safe|effective|caring|responsive|well-led)\s+in\s+(?P<count>{NUMBER})\s+of\s+the\s+(?P<out_of>{NUMBER})\s+(?:core\s+)?services\s+(?:we\s+inspected\s+)?as\s+{QUOTE}(?P<grade>{GRADE_PATTERN}){QUOTE}(?![\w-])", re.I)
_TALLY_MORE = re.compile(rf"(?:,|\s+and|,\s+and)\s+in\s+(?:the\s+(?:remaining|other)\s+)?(?P<count>{NUMBER})\s+as\s+{QUOTE}(?P<grade>{GRADE_PATTERN}){QUOTE}(?![\w-])", re.I)
_NO_SERVICE = re.compile(rf"\s*No\s+service\s+was\s+(?:rated|judged)\s+(?:as\s+)?{QUOTE}(?P<grade>{GRADE_PATTERN}){QUOTE}\s+for\s+(?:safe|effective|caring|responsive|well-led)\b", re.I)
# CQC's core-service page names the key question just before "We rated it as ...": "Our rating of safe
# went down." or the heading "Is the service safe?" (a bare grade line may come between).
_KEY_QUESTION_BEFORE = re.compile(r"\s*(?:our\s+rating\s+of\s+|(?:is\s+the\s+service|are\s+services)\s+)(?P<area>safe|effective|caring|responsive|well-led)\b(?:\?\s*$|\s+(?:went|has\s+gone|stayed|improved|fell|rose|remained|was))", re.I)


def _key_question_before(sentences, i: int) -> str | None:
    for k in (i - 1, i - 2):
        if k < 0:
            return None
        text = sentences[k].text
        m = _KEY_QUESTION_BEFORE.match(text)
        if m:
            return m.group("area").lower()
        if len(text) > 30:
            return None  # only a bare grade line may stand between
    return None


# An inverted condition and its consequence: "Had the trust not improved, we would have rated it
# inadequate", "Were it not for X, the force would be graded inadequate".
_INVERTED_CONDITION = re.compile(r"^[\s'‘’\"“”]*(?:Had|Were|Should)\s+[^,;:.]{3,120},\s+(?:[^;:.]{0,80}?\s)?(?:would|could|might)\s[^;:.]*$")


def _inverted_condition(s: str, found) -> bool:
    """Whether the grade of `found` is the consequence of a condition that fronts the sentence with "Had",
    "Were" or "Should" ("Had the trust not made progress, we would have rated well-led inadequate")."""
    if not s.lstrip("'‘’\"“” ").startswith(("Had ", "Were ", "Should ")):
        return False
    at = s.lower().find(found.grade.lower(), found.start)  # (a rule's span may end at the area: the grade is after it)
    if at > 0 and at < s.find(",") and _INVERTED_CONDITION.match(s.rstrip().rstrip(".!")):
        return True  # the condition's own grade: "Had the PDU been rated good in X, we would have ..." (it was not)
    return at > 0 and bool(_INVERTED_CONDITION.search(s, 0, at))


# The learned layer's whole-body grade (`_emit_learned`): the whole body given it by a rating
# verb, no "in every area" / "in four of the areas" after it, and no unknown area.
_WHOLE_NOUN = (
    r"(?:the\s+(?:council|local\s+authority|authority|trust|service|force|constabulary|prison|pdu)|it|they"
    r"|(?:the\s+)?(?:(?-i:[A-Z])[\w'’&-]+\s+){1,5}(?-i:Council|Police|Constabulary|Trust|PDU|Service)"
    r"|(?-i:HMP|HMYOI)\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?"
    r"|(?:the\s+(?:council|local\s+authority)['’]s\s+)?(?:children['’]s\s+(?:social\s+care\s+)?services|services\s+for\s+children(?:\s+and\s+(?:families|young\s+people))?)(?:\s+in\s+(?-i:[A-Z])[\w'’-]+)?)"
    r"(?:['’]s\s+(?:children['’]s\s+(?:social\s+care\s+)?services|services\s+for\s+children(?:\s+and\s+(?:families|young\s+people))?))?"
)
_LEARNED_WHOLE_PASSIVE = re.compile(
    rf"\s*(?:(?:but|and|while|now|today|overall|however)\s*,?\s+)*{_WHOLE_NOUN}\s+(?:(?:has|have|had|is|are|was|were|been|being|now|still|also|again|once|overall|rated|judged|graded|assessed|deemed|found|considered|remains?|remained|as|to|be|by\s+Ofsted|by\s+inspectors)\s+)*['‘’\"“”]?", re.I)
_LEARNED_WHOLE_ACTIVE = re.compile(
    rf"\b(?:rated|judged|graded|found|assessed|deemed|considered)\s+{_WHOLE_NOUN}\s+(?:(?:as|to\s+be|overall|now)\s+)*['‘’\"“”]?$", re.I)
# A grade denied, lost or left behind in the few words before it: "never got a 'good'",
# "lost its 'good' rating", "lifted out of 'inadequate'".
_LEARNED_NEGATED = re.compile(
    r"\b(?:not|never|no\s+longer|nor|neither|without|failed\s+to|fails\s+to|\w+n['’]t|lost|lose|loses|losing|shed|sheds|stripped\s+of|out\s+of|escaped?|emerged?\s+from|moved?\s+away\s+from)\b(?:\s+[\w'’]+){0,4}\s+['‘’\"“”]?$", re.I)
_LEARNED_EITHER_AFTER = re.compile(rf"['‘’\"“”]?\s+(?:or|and/or)\s+(?:better|above|worse|below|higher|lower|['‘’\"“”]?(?:{GRADE_PATTERN}))\b", re.I)
_LEARNED_EITHER_BEFORE = re.compile(rf"(?:{GRADE_PATTERN})['‘’\"“”]?\s+(?:or|and/or)\s+['‘’\"“”]?$", re.I)
_LEARNED_STANDARD_ROW = re.compile(r"\s*\|?\s*\d\.\d")
_LEARNED_UNKNOWN_AREA_AFTER = re.compile(
    r"['‘’\"“”]?\s+(?:at|for|in|on|when\s+it\s+comes\s+to)\s+(?!(?:19|20)\d\d|(?:the|its|their|this|that|a)\s+(?:last|previous|latest|most\s+recent|first|new|recent|full|inspection|report|\w+\s+inspection)|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|every|all|both|each|overall)\w", re.I)
_LEARNED_SPREAD_AFTER = re.compile(r"['‘’\"“”]?(?:\s+(?:in|for|across|on)\s+(?:every|all|each|both|most|many|some|\w+\s+of|the\s+(?:other|remaining))\b|\s*(?:(?:in|for|at|across|on)\s*)?:)", re.I)
# A grade word followed by a word it qualifies ("good progress", "adequate staffing levels"):
# any lower-case word but those a grade as predicate is followed by.
_LEARNED_ATTRIBUTIVE = re.compile(
    r"['‘’\"“”]?\s+(?!(?:in|at|for|and|or|by|on|across|overall|with|since|from|to|when|after|as|but|while|whereas|having|under|following|"
    r"last|this|again|now|too|both|rating|ratings|grade|grades|judge?ments?|verdicts?|label|score|category|assessment|which|who|where|because|though|although|"
    r"then|before|previously|until|during|throughout|inspection|status|once|also|too|either|nor|the|its|their|in)\b)[a-z]")
_DETERMINER = re.compile(r"\s*(?:(?:the|its|their)\s+)?", re.I)
# A whole body as a subject noun phrase: "the council", "it", "Norfolk County Council", "children's services in Leeds".
_WHOLE_SUBJECT_NOUN = re.compile(
    r"\s*(?:the\s+(?:council|local\s+authority|authority|trust|service|force|constabulary|prison|pdu|home|hospital)|it|they"
    r"|(?:the\s+)?(?:(?-i:[A-Z])[\w'’&-]+\s+){1,5}(?-i:Council|Police|Constabulary|Trust|PDU|Service)"
    r"|(?:the\s+(?:council|local\s+authority)['’]s\s+)?(?:children['’]s\s+(?:social\s+care\s+)?services|services\s+for\s+children)(?:\s+in\s+(?-i:[A-Z])[\w'’-]+)?)(?=\s|$)",
    re.I,
)
_YOUTH_JUSTICE = re.compile(r"\byouth\s+(?:justice|offending)\b", re.I)
_SEPARATE_INSPECTION = re.compile(r"\bseparate\s+(?:inspection|report|assessment)\b(?![^.!?]*[.!?]\s)", re.I)
# An area inspected beside the judgement table, named in the sentence or the one before: "We also
# inspected how well the force records crime. Its crime data integrity was graded good."
# (Or the grade itself said to be another: "Its crime recording was also graded good".)
_ALSO_INSPECTED = re.compile(r"\b(?:(?:we|inspectors|hmicfrs|the\s+inspectorate)\s+(?:have\s+|had\s+)?also\s+(?:inspected|assessed|examined|looked\s+at|reviewed|graded|rated|judged)|(?:was|were|has\s+been|have\s+been)\s+also\s+graded)\b(?![^.!?]*[.!?]\s[^.!?]*[.!?]\s)", re.I)
# Counts of grades in words `NUMBER` does not read: "a pair of good grades and a single requires improvement".
_COUNT_WORDS = {"a pair of": 2, "a single": 1}
# A number as the subject of the clause a grade ends: "..., three were rated inadequate at".
_NUMBER_SUBJECT = re.compile(rf"(?:^|[,;:]\s*|\band\s+)(?:{NUMBER})\s+(?:(?:other\s+|more\s+)?(?:forces|constabularies|councils|(?:local\s+)?authorities|prisons|jails|trusts|hospitals|(?:fire\s+(?:and\s+rescue\s+)?|probation\s+|youth\s+justice\s+)?services|(?:probation\s+)?delivery\s+units|pdus|providers)\s+(?:(?:in|across|from)\s+(?:the\s+)?(?:\w+\s+){{0,3}}?(?:regions?|areas?|countries|nations?|country|England|Wales)\s+)?)?(?:of\s+them\s+)?(?:were|are|was|is|had\s+been|have\s+been)\s+(?:(?:rated|judged|graded|found|assessed)\s+)?(?:as\s+|to\s+be\s+)?{QUOTE}$", re.I)
# "at least one inadequate grade": before a count's number, no count of its own.
_AT_LEAST_BEFORE = re.compile(r"\bat\s+least\s+$", re.I)
_NUMBER_AT = re.compile(rf"(?:{NUMBER})\b", re.I)
# A count of inspected bodies, not of graded areas: "ten forces", "Of those ten", "of the 43 councils".
_COUNTS_BODIES = re.compile(
    rf"\b(?:{NUMBER})\s+(?:(?:other|more|further|of\s+the\s+\d+|english|welsh|territorial|police)\s+)*(?:(?!(?:areas?|of|in|for|on|at|standards|questions|tests|pillars|judge?ments|categories)\b)[\w'’-]+\s+){{0,3}}?"
    rf"(?:forces|constabularies|councils|(?:local\s+)?authorities|prisons|jails|trusts|hospitals|fire\s+and\s+rescue\s+services|(?:youth\s+justice\s+|probation\s+|youth\s+offending\s+|fire\s+)?services|inspections|units|pdus|providers|establishments)\b"
    rf"|\b[Oo]f\s+(?:those|these)\s+(?:{NUMBER})\s*,", re.I)
# One of these is in every match of `_COUNTS_BODIES`: most sentences need not be searched.
# ("rescue", not "services": "children's services" is in most sentences of a council's report.)
_COUNTS_BODIES_WORDS = ("forces", "constabularies", "councils", "authorities", "prisons", "jails", "trusts", "hospitals", "rescue", "those", "these", "inspections", "units", "pdus", "providers", "establishments", "justice services", "probation services", "offending services", "fire services")


def _counts_bodies(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in _COUNTS_BODIES_WORDS) and _COUNTS_BODIES.search(text) is not None


# A share or number of bodies, or a body of a kind in general, as the subject of the clause a grade is in
# (dev34): "almost half of forces required improvement or were inadequate at ...", "A third of councils ...
# have received at least one inadequate judgement", "Two councils whose services were judged inadequate have
# been released ...", "A council whose services are judged inadequate could be ...": no one body's grade.
_BODY_KIND = r"(?-i:forces|constabularies|councils|(?:local\s+)?authorities|prisons|jails|trusts|hospitals|(?:fire\s+(?:and\s+rescue\s+)?|probation\s+)?services|pdus)"  # (lower case: not "... University Hospitals NHS Trust")
_BODIES_SUBJECT = re.compile(
    rf"[\s'‘’\"“”]*(?:that\s+)?(?:(?:almost|nearly|about|around|over|under|more\s+than|fewer\s+than|less\s+than|just|only|roughly)\s+)?"
    rf"(?:(?:half|(?:a|one|two)\s+(?:third|quarter|fifth)s?|most|many|some|several|\d+(?:\.\d+)?\s*(?:per\s*cent|%)|(?!(?:none|zero)\b)(?:{NUMBER}))\s+(?:of\s+(?:the\s+|all\s+)?)?(?:[\w'’-]+\s+){{0,2}}?{_BODY_KIND}\b"
    rf"|(?-i:A|An|Any|Every|Each)\s+(?:[\w'’-]+\s+){{0,2}}?(?:force|constabulary|council|(?:local\s+)?authority|prison|trust|hospital|service)\s+(?:whose|that|which|where|in\s+which)\b)",
    re.I,
)
_BODIES_CLAUSE = re.compile(r"[;:]\s*|,\s+(?:and|but|while|whereas)\s+|\s(?:but|while|whereas)\s+")
# (Not "services": "children's services" is in most sentences of a council's report, each a wasted try.)
_BODIES_SUBJECT_WORDS = ("forces", "constabularies", "councils", "authorities", "prisons", "jails", "trusts", "hospitals", "pdus", "force ", "council ", "authority ", "prison ", "trust ", "hospital ")


def _bodies_subject(text: str, at: int) -> bool:
    """Whether the clause holding position `at` has a share or number of bodies, or a body of a kind in
    general, as its subject (`_BODIES_SUBJECT`)."""
    start = 0
    for brk in _BODIES_CLAUSE.finditer(text, 0, at):
        start = brk.end()
    that = text.rfind(" that ", start, at)  # a reported clause's subject: "The report notes that nearly a third of forces ..."
    return _BODIES_SUBJECT.match(text, start, at) is not None or (that >= 0 and _BODIES_SUBJECT.match(text, that + 1, at) is not None)
# "holds on to two good grades", "kept its three outstanding ratings": a kept count.
_KEPT_BEFORE = re.compile(r"\b(?:retain(?:s|ed|ing)?|keep(?:s|ing)?|kept|h(?:olds|eld|olding)\s+on\s+to)\s+(?:(?:its|their|all)\s+)?$", re.I)
# Who an area serves, between the area and its grade: "the help and protection of children is
# inadequate", "the help and protection given to children were found to require improvement"
# ("help and protection for children was judged ..."; "services for children" is still the whole service:
# HMI Probation's "services" claims nothing where no inspectorate of the document grades it, see `_find`'s `add`).
_AREA_RECIPIENTS = r"(?:\s+(?:of|for|given\s+to|offered\s+to|provided\s+(?:to|for))\s+(?:vulnerable\s+)?(?:children|young\s+people|families|prisoners|victims)(?:\s+and\s+(?:young\s+people|families|carers))?)?"
# A parenthetical between an area and its verb: "Preventing crime, by contrast, was rated good".
_ASIDE = r"(?:,\s+(?:by\s+contrast|in\s+contrast|by\s+comparison|however|meanwhile|though|too|in\s+particular|on\s+the\s+other\s+hand|for\s+its\s+part|again),(?=\s))?"
_DASH = re.compile(r"\s+[–—]\s")
# Right before a grade: it is gone ("is no longer rated inadequate for investigating crime").
_NO_LONGER_BEFORE = re.compile(r"\bno\s+longer\s+(?:(?:rated|judged|graded|found\s+to\s+be|considered|deemed|assessed\s+as)\s+)?(?:as\s+|to\s+be\s+)?['‘’\"“”]?$", re.I)
# A grade's move (one list for main's and gradacc3's rules): "dropped to inadequate", "had declined
# to not sufficiently good", "has improved to good", "fell back to inadequate", "moved up to adequate".
_MOVED = r"(?:dropped|fell|fallen|slipped|declined|deteriorated|improved|rose|risen|went\s+(?:up|down)|gone\s+(?:up|down)|moved(?:\s+(?:up|down))?|climbed|jumped|upgraded|downgraded)"
_MOVED_TO = rf"{_MOVED}(?:\s+all\s+the\s+way)?\s+(?:back\s+)?to"
_MOVED_TO_RX = re.compile(rf"\b{_MOVED_TO}\b", re.I)
# A sentence that goes on past a grade it dates: "... in 2016, and it is now adequate", "has since climbed to good".
# ("has not been inspected since" leaves it current.)
# "Sandwell, which was judged inadequate in 2018, was rated requires improvement to be good last year": a later grade.
_LAST_YEAR_AFTER = re.compile(r"\b(?:rated|judged|graded|found)\b[^,;.]{0,60}?\blast\s+year\b", re.I)  # (not "is due its next inspection later this year")
_LATER = re.compile(rf"\b(?:now|currently|(?:has|have|had)\s+since|since\s+then|today|latest|most\s+recent|this\s+time|{_MOVED_TO})\b", re.I)
# Right after a grade (its clause): "... this time", "... last time".
_THIS_TIME_AFTER = re.compile(r"[^,;.]{0,40}?\b(?:this time|this year|in the latest (?:report|inspection))\b", re.I)
_LAST_TIME_AFTER = re.compile(r"[^,;.]{0,40}?(?<!\bunlike )(?<!\bthan )(?<!\bsince )\b(?:last|the previous) time\b", re.I)
# Between an area and the next grade word: the area has a grade of its own.
# "require improvement for effectiveness and efficiency and rated good for legitimacy": the list's subject's next predicate, not the area's own.
_AND_PREDICATE = re.compile(r",?\s+and\s+(?:was\s+|were\s+)?(?:rated|graded|judged|assessed|found)\s+(?:to\s+be\s+|as\s+)?['‘’\"“”]?(?:outstanding|good|adequate|requires?|inadequate|poor|reasonably|not)\b", re.I)
_OWN_GRADE = re.compile(r"\s+(?:[\w'’]+\s+){0,5}?(?:rated|graded|judged|assessed|found|deemed|was|were|is|are)\b", re.I)
# A fronted "when" clause with a year: "When I joined in 2022 ...", "When she took over in March 2021 ..." (`_previous`).
_WHEN_IN_YEAR = re.compile(r"^\s*when\s+[^,.;]{0,40}?\bin\s+(?:[A-Z][a-z]+\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
_WHEN_PAST = re.compile(r"(?P<year>(?:19|20)(?<!\w..)\d\d),\s+when\b|\b(?:last|previous|earlier|first)\s+(?:full\s+)?inspection,\s+when\b", re.I)  # `\b` after the digits, as in `_YEAR`
# A CQC table of core services' ratings ("Service | Safe | ... | Overall") and its last row, the body's own ("Overall | ...").
_SERVICES_HEADER = re.compile(r"\s*(?:core\s+)?services?\s*$", re.I)
_OVERALL_ROW = re.compile(r"\s*overall(?:\s+(?:rating|ratings|for\s+(?:the\s+)?(?:location|hospital|trust|service)))?\s*$", re.I)
# A comparison table's column headers: "Previous rating", "Last judgement (2017)" (the
# inspection before) and "Rating", "This inspection", "2018/19 judgement" (this one).
_MOVED_AFTER = re.compile(r",?\s+(?:down|up)\s+from\s+(?:an?\s+|the\s+)?", re.I)  # Ofsted's grade of a prison's education "..., down from requires improvement"
_WRAPPED_YEAR = re.compile(r"\s*\(\s*(?:19|20)\d\d(?:/\d\d)?\s*\)\s*")  # a header's "(2021)" on a line of its own
_EARLIER_COLUMN = re.compile(r"\b(?:previous|last|earlier|prior|former)\b", re.I)
_CURRENT_COLUMN = re.compile(r"\b(?:ratings?|judge?ments?|grades?|assessments?|outcomes?|this\s+inspection|current|now)\b", re.I)
# A count ending in its noun ("in all three pillars"), whose areas may follow "of".
_NOUN_THEN_OF = re.compile(r".*\b(?:areas|pillars|questions|tests|standards)$", re.I | re.S)
# "Its response to the public is now adequate" after a sentence on the last inspection: the grade now
# (its clause, back to the last comma, says "now").
_NOW_IN_CLAUSE = re.compile(r"\b(?:is|are|has\s+been|have\s+been|was)\s+now\b|\bnow\s+(?:is|are|rated|judged|graded|assessed)\b", re.I)
_COLUMN = r"(?:(?:[A-Z][a-z]+\s+)?(?:(?:19|20)\d\d(?:[/–-]\d\d)?|\((?:19|20)\d\d(?:[/–-]\d\d)?\))(?:\s+(?:judge?ment|rating|grade|assessment|inspection))?|(?:last|previous|earlier)\s+(?:judge?ment|rating|grade|assessment|inspection)(?:\s*\((?:[A-Z][a-z]+\s+)?(?:19|20)\d\d(?:[/–-]\d\d)?\))?|(?:this|current)\s+(?:inspection|rating|judge?ment|grade))"
# Every column header holds one of these (a year starts "19" or "20"): a cheap test before `_COMPARISON_HEADER`.
_COLUMN_HINTS = ("19", "20", "previous", "last", "earlier", "this", "current")
# How every `_COLUMN` ends (a year's digit, a bracket, a noun): the line must end so.
_COLUMN_ENDS = (")", "judgement", "judgment", "rating", "grade", "assessment", "inspection")


def _may_be_comparison_header(low: str) -> bool:
    """False only when `_COMPARISON_HEADER` cannot match the line whose
    `str.lower()` is `low`: it has no column hint, or it does not end as a
    column does (on ASCII text, where `str.lower` folds as `re.I` does).
    Most short lines end otherwise, so the pattern, whose free label is tried
    at every length, seldom runs."""
    if low.isascii():  # the ending first: it rules out most lines at once
        tail = low.rstrip()
        if not (tail[-1:].isdigit() or tail.endswith(_COLUMN_ENDS)):
            return False
    return any(w in low for w in _COLUMN_HINTS)
_COMPARISON_HEADER = re.compile(rf"^\s*(?P<label>[A-Za-z][\w ,'’-]{{1,50}}?)\s+(?P<first>{_COLUMN})\s+(?P<second>{_COLUMN})(?:\s+(?P<third>{_COLUMN}))?\s*$", re.I)
# A third column's cell that grades nothing ("Effectiveness Good Good Not graded as a pillar" under
# "Pillar 2018/19 2021/22 2023-25"): the row's two grades are the first two columns'.
_UNGRADED_LAST_CELL = re.compile(r"\s+(?:not\s+graded\b[\w ]{0,30}|ungraded|n/a|-|–)\s*$", re.I)
# What a reviewed sample counts: "adequate in 23 of the 60 cases" is no count of graded areas.
_CASES_NOUNS = r"(?:cases|investigations|files|records|referrals|assessments|plans)\b"
_CASES = re.compile(rf"\s*(?:(?:out\s+)?of\s+(?:the\s+)?[\d,]+\s+)?(?:\w+\s+)?{_CASES_NOUNS}", re.I)
_MONTH = r"(?:(?:jan|febr)uary\s+|march\s+|april\s+|may\s+|june\s+|july\s+|august\s+|(?:septem|octo|novem|decem)ber\s+)"
_AREA_AFTER = re.compile(r"\s+(?:in|at|for|on)\s+(?:(?:its|the|their)\s+)?(?:work\s+(?:to|on)\s+)?", re.I)
_FROM_GRADE_TO = re.compile(rf"\bfrom\s+{QUOTE}(?:{GRADE_PATTERN}){QUOTE}\s+to\s+{QUOTE}$", re.I)
# The inspectors saying they graded it: "we graded the force outstanding at ...".
_WE_GRADED = re.compile(r"\b(?:we|inspectors)\s+(?:have\s+)?(?:also\s+)?(?:graded|rated|judged)\b", re.I)
# A row that asks the question it grades: CQC's "Are services safe?".
_QUESTION_ROW = re.compile(r"^(?:are|is)\s+(?:the\s+)?(?:services?|trust|provider|hospital|location)\s+|\?$", re.I)
# The rows' labels of a table whose columns are areas (`_flattened_area_columns`).
_AREA_COLUMNS_ROW = ("current rating", "previous rating", "last rating", "rating at this inspection")
# A comparison table's column of this inspection's grades beside a dated one ("Question | This inspection | 2018/19").
_THIS_INSPECTION_COLUMN = re.compile(r"^\s*(?:this|current|latest)\s+(?:inspection|rating|judge?ment|grade|assessment)\s*$", re.I)
# "Before this inspection, the trust was rated good overall": a fronted time before this inspection.
_BEFORE_THIS = re.compile(r"^\s*before\s+(?:this|the\s+latest|our\s+latest|the\s+current)\s+(?:\w+\s+)?(?:inspection|visit|assessment)\s*,", re.I)
# "still requires improvement in all three pillars, as it did when we first inspected it in 2018":
# the same grade at that earlier inspection.
_AS_IT_DID = re.compile(r",?\s+as\s+(?:it|they|the\s+\w+)\s+(?:did|was|were)\s+when\s+(?:we|inspectors|it\s+was|they\s+were)\s+(?:first\s+|last\s+|previously\s+)?(?:inspected|assessed|visited)\b[^,.;]*", re.I)
# "The assessment of ..., was not good enough ..., and we rated it inadequate": "it" is the thing the
# sentence opened with, not a body (`rated_it_as`).
_IT_OF_A_THING = re.compile(r"^\s*(?:the|its|their)\s+(?!(?:council|local\s+authority|authority|trust|service|services|force|constabulary|prison|pdu|home|hospital|yos|unit|provider|location|practice|partnership)\b)[a-z][^.;:]*,\s+and\s+$", re.I)
# What a count of graded things counts: areas, judgements, HMI Probation's standards, prison tests.
_GRADED_THINGS = r"(?:areas?|judge?ments?|standards?|(?:healthy\s+prison\s+)?tests?|pillars?|(?:key\s+)?questions?|categories)"
# "None of the standards was rated outstanding", "No judgement was inadequate",
# "neither was any rated poor": a zero count with the graded things as subject.
_NONE_STARTS = Literals(["none", "no", "neither", "not a single", "not one"])  # "no" then any space (\s+)
# Every match of `zero_subject` begins with one of its start words and a space: "no" alone
# as a start word is tried in every "not", "now", "know" and "north" of the sentence.
_ZERO_SUBJECT_HEAD = re.compile(r"no(?:ne|t)?\s|neither\s")
# Every match of `body_object` holds one of its verbs ("gave the council", "rated the authority"):
# its own gate passes in nearly every sentence of a children's services report ("children").
_BODY_OBJECT_VERBS = Literals(["gave", "given", "awarded", "handed", "rated", "judged", "graded", "found"])
# "..., having previously been rated good": the grade before the current one.
_HAVING_STARTS = Literals(["having"])
_SERVICES_STARTS = Literals(["children", "services"])
_AND_STARTS = Literals(["and"])
_AND_OR_COMMA_STARTS = Literals(["and", ","])
# Lets the driver give an area named in the sentence before: "In the previous round it had
# been rated good in that area" (`__call__`).
THAT_AREA = "__that_area__"
# The standards of each HMI Probation case domain (court disposals, out-of-court disposals, case supervision).
_SHARED_STANDARD = re.compile(r"assessment|planning|implementation\s+and\s+delivery|reviewing", re.I)
# HMI Probation standards with no area on the scale ("2.4 Unpaid work" in a region's delivery domain).
_NO_AREA_STANDARD = re.compile(r"(?:unpaid\s+work|accredited\s+programmes)\b", re.I)
_STANDARD = "__standard__"  # a numbered HMI Probation standard ("1.2 Staff"), its domain appended
_TALLY = re.compile(r"\s*(?:none|no|neither)\b", re.I)
# "... rated it outstanding for responding to the public, one of five areas in which it was graded outstanding": five.
_ONE_OF_WHICH = re.compile(rf"one\s+of\s+(?:{NUMBER}|\d+)\s+{_GRADED_THINGS}\s+(?:in\s+which|for\s+which|where|that|which)\b", re.I)
# "Of the seven standards inspectors rated, five were inadequate and two required improvement": counts of the units
# it names, with their total, no year: this inspection's, though the sentence before was on the last one.
_OF_THE_RATED = re.compile(rf"\s*Of\s+(?:the|its|their)\s+(?:{NUMBER}|\d+)\s+{_GRADED_THINGS}\b(?![^,;.]*\b(?:19|20)\d\d\b)[^,;.]*,", re.I)
_RECEIVED_LITERALS = Literals(["received", "receiving", "given", "got", "getting", "earn", "achieved", "kept", "retained"])
# "Services for children in Norfolk": the whole service, not HMI Probation's "services".
_WHOLE_SERVICE = re.compile(r"\s+for\s+children\b", re.I)
# "fell from good to requires improvement": a grade now and the one before.
# An area list's move: "effective and responsive both fell from ..." (the gap between the last area and the verb).
_LIST_MOVED = re.compile(r"\s+(?:(?:both|all|each|have|has|had)\s+)*", re.I)
_TRANSITION_STARTS = Literals(["fell", "fallen", "dropped", "slipped", "declined", "deteriorated", "improved", "rose", "risen", "moved", "went", "gone", "climbed", "jumped", "changed", "upgraded", "downgraded"])


# A round-up's paragraph opened by a body's name and a colon: "Thurrock Council: Rated ... in 2023, ...".
_LABEL_ROW = re.compile(rf"^\s*(?P<name>{_NAME})\s*:\s+(?=(?:rated|judged|graded|assessed|found|good|outstanding|adequate|inadequate|requires?|requiring|poor|reasonably|not\s+sufficiently)\b)", re.I)
_PARTICIPLE_START = re.compile(r"(?:rated|judged|graded|assessed|found)\b", re.I)
_LABEL_GRADE = re.compile(rf"['‘’\"“”]?(?:{GRADE_PATTERN})['‘’\"“”]?(?:\s*(?:[,.;(]|$)|\s+(?:in|since|overall|again|at\s+(?:its|the)|for\s+the)\b)", re.I)
# "judged good in 2019 and again in 2024": the same grade at a later inspection.
_AGAIN_IN = re.compile(r"\s+in\s+(?P<year>(?:19|20)\d\d),?\s+and\s+(?P<later>again\s+in\s+(?:19|20)\d\d)\b", re.I)
# A column header's note in brackets after its area ("Responding to the public (PEEL)").
_HEADER_NOTE = re.compile(r"\s*\([A-Za-z]{2,10}\)\s*$")  # (a year in brackets is a dated column: not dropped)
# A score list's second item and a fronted year that dates the list (`scored_area`).
_AND_SCORED = re.compile(r",?\s+(?:and\s+)?(?P<score>[1-4])\s+(?:for|in|on|at)\s+(?:(?:its|the)\s+)?(?P<area>)", re.I)
_FRONTED_YEAR = re.compile(r"^\s*(?:In|At\s+its\s+\w+\s+inspection,?\s+in)\s+(?P<year>(?:19|20)\d\d),\s")
# Between a grade and a "from" that is not its: another body's or another clause's.
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:while|whereas|but|and|which|who)\b", re.I)
# A correction note's retracted claim, up to the correction ("An earlier version said ...; it was rated good").
# A corrections column's account of what the paper said is retracted too: "we said the county council had been
# rated good", "Our 23 April article on ... said", "A report on 9 April about HMP Ford said" (a dated piece of its own).
_RETRACTED = re.compile(
    r"(?:\b(?:an|the|our)\s+(?:earlier|previous)\s+version\b(?:\s+of\s+(?:this|the)\s+(?:article|story|report|piece))?\s+"
    r"|\b(?-i:we)\s+(?:(?:wrongly|incorrectly|mistakenly)\s+)?(?=(?:said|stated|reported|wrote)\b)"
    r"|\b(?:our\s+(?:\d{1,2}\s+(?-i:[A-Z])[a-z]+\s+)?(?:[\w-]+\s+)?(?:article|story|report|piece|round-up|headline|feature|column)\s+(?:on\s+\d{1,2}\s+(?-i:[A-Z])[a-z]+\s+)?"
    r"|an?\s+(?:[\w-]+\s+)?(?:article|story|report|piece|round-up|headline|feature|column)\s+on\s+\d{1,2}\s+(?-i:[A-Z])[a-z]+\s+)"
    r"(?:(?:about|on|of)\s+[^;.,]{3,80}?\s+)?(?=(?:said|stated|reported|wrongly\s+\w+|incorrectly\s+\w+)\b))"
    r"(?:said|stated|reported|wrote|wrongly\s+\w+|incorrectly\s+\w+)\b[^;.]*",
    re.I,
)
_RETRACTED_CUES = Literals([" version ", "we said", "we stated", "we reported", "we wrote", "we wrongly", "we incorrectly", "we mistakenly", " said "])


@dataclass
class _Found:
    start: int  # offsets relative to the sentence
    end: int
    grade: str
    area: str | None = None  # surface area phrase
    count: int | None = None
    out_of: int | None = None
    method: str = "prose"
    previous: bool | None = None  # set when the pattern itself says so
    only_previous: bool = False  # kept only when the clause dates it to an earlier inspection
    document_total: bool = False  # out_of is the current inspection's number of areas
    earlier_total: bool = False  # out_of is an earlier inspection's number of areas: kept only for its grades
    bare_count: bool = False  # "two were adequate": a number as subject, counting whatever was counted before
    by_ofsted: bool = False  # Ofsted named as the judge: its judgement stands inside another inspectorate's report
    current_year_is_now: bool = False  # `previous` set by the pattern holds only for a year before the inspection's
    explicit: bool = False  # the inspectors say they graded it ("We graded this area as inadequate"): stands beside a table
    year: int | None = None  # the year of an earlier grade, when the pattern says which ("..., as it was in 2019")
    named: bool = False  # kept only where an organisation is named at `start` ("Bolton Council: good")
    org_at: int | None = None  # where the body graded is named, when not before `start` ("... of children in Bury as good")
    pre_sif: bool = False  # an Ofsted grade from before the SIF recalled in a later report: on the 2009 scale
    summed: bool = False  # out_of is the sum of a list ending "in the remaining two", not a total the text writes


class _Values(dict):
    """A span's values, read as attributes (None when unset), as `span._` reads them."""

    __getattr__ = dict.get


class _GradingSpan(Span):
    """A Span made by `_emit`, whose `._` reads the values it was given
    (`values`) instead of building spaCy's Underscore object on each access:
    the driver reads them many times per span, and that was a tenth of its
    time. The values are also stored as usual (`set_span_values`), and
    `doc.spans` keeps plain Spans. Read-only: nothing here writes `span._`."""

    values: _Values

    @property
    def _(self) -> _Values:
        return self.values


class GradingExtractor:
    def __init__(self, nlp: Language, name: str = "miner_gradings", *, learned: bool = True):
        self.nlp = nlp
        self.name = name
        self.scales: Scales | None = None
        # The learned recall layer (grading_model.py): set by `miner train` or
        # `from_disk`; `learned` (the component's config) turns it off.
        self.classifier: grading_model.GradingClassifier | None = None
        self.learned = learned
        self.learned_agree = True

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self._compile(Scales.default())

    def to_disk(self, path, *, exclude=tuple()) -> None:
        """The learned layer's classifier, if there is one (the rules are code and data)."""
        path = pathlib.Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.classifier is not None:
            self.classifier.to_disk(path / "learned")

    def from_disk(self, path, *, exclude=tuple()) -> "GradingExtractor":
        learned = pathlib.Path(path) / "learned"
        self.classifier = grading_model.GradingClassifier.from_disk(learned) if learned.is_dir() else None
        return self

    def _compile(self, scales: Scales) -> None:
        # The rules are compiled when first used (`grading_gates.LazyPattern`):
        # compiling them all here was 1.1 s of every fresh process's first document.
        re = LAZY_RE
        self.scales = scales
        # Every area alias starts with one of these words: patterns that begin
        # with an area are tried only where one occurs.
        self.area_starts = Literals(first_words(scales.area_aliases))
        AREA = scales.area_regex.pattern.replace("(?<![\\w-])", "").replace("(?![\\w-])", "")
        G = GRADE_PATTERN
        A = rf"(?P<area>{AREA})"
        flags = re.I
        # ("rated poorly in two of the four tests" is `rated_poorly`'s.)
        self.grade_word = re.compile(rf"\b(?:{G}|{_FAILING}|poorly|lowest|worst(?=\s+possible))s?\b", flags)  # ("five goods")
        # "Investigating crime | Adequate", "2.1 Adoption performance Outstanding",
        # "The experiences and progress of care leavers: good"
        self.row = re.compile(
            rf"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?(?P<earlier>(?:previous|last|earlier|prior)\s+)?{A}(?:\s*\([^)]{{1,40}}\))?{_SCORE_CELL}\s*(?:\||:|–|-)?\s*(?P<paren>\()?(?P<grade>{G})(?(paren)\))\s*\.?\s*$", flags
        )
        # "Previous rating (September 2019): Outstanding" under a CQC report's "Overall rating for this
        # trust: Good": the whole body's earlier overall rating (its date in the parentheses).
        self.previous_rating_row = re.compile(
            rf"^\s*(?:previous|last|prior)\s+(?:rating|grade)(?:\s*\([^)]{{1,40}}\))?\s*(?:\||:|–|-)\s*(?P<grade>{G})\s*\.?\s*$", flags
        )
        # A table row run into the next paragraph by PDF extraction:
        # "Overall effectiveness Requires improvement to be good For most children ...",
        # "Treating the public ... (legitimacy) Good HM Inspector's observations"
        self.row_prefix = re.compile(
            rf"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?{A}(?:\s*\([^)]{{1,40}}\))?\s*(?:\||:|–|-)?\s*(?P<grade>{G})\s+(?=(?-i:[A-Z])(?:[a-z]|[A-Z]+\b))", flags
        )
        # A comparison table's row flattened by PDF extraction, one grade per
        # column: "Safety Not sufficiently good Poor" under "Healthy prison test 2021 2024".
        self.row_two = re.compile(rf"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?{A}\s*\|?\s*(?P<grade>{G})\s*\|?\s*(?P<grade2>{G})\s*\.?\s*$", flags)
        # The same row with numeric scores, on a scale reported as scores
        # ("Safety 1 2" under "Healthy prison test Score 2024 Score 2018").
        self.row_scores = re.compile(rf"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?{A}\s*\|?\s*(?P<grade>\d)\s*(?:\|?\s*(?P<grade2>\d)\s*)?$", flags)
        # "Rehabilitation and release planning held up better and remained reasonably good":
        # a short predicate between the area and its kept grade.
        self.area_and_remained = re.compile(
            rf"{A}\s+(?:[a-z'’-]+\s+){{1,4}}?and\s+(?:has\s+|have\s+)?(?:still\s+)?(?:remained|remains|stayed|stays|(?:is|are|was|were)\s+now)\s+(?:at\s+)?{QUOTE}(?P<grade>{G}){QUOTE}(?![\w-])(?!\s+(?:or|quality|practice|standard|level|progress|work|friends|relationships|links|contact|value)\b)",
            flags,
        )
        # A round-up's line per body: "Bolton Council: good (2023)", "Wigan – Requires improvement to be good"
        # (kept only where an organisation is named at its start, `_emit`).
        self.name_grade_line = re.compile(rf"^\s*(?P<name>{_NAME})\s*(?::|\s[–—-])\s*{QUOTE}(?P<grade>{G}){QUOTE}(?:\s*\([^()]{{0,30}}\))?\s*\.?\s*$", flags)
        # A CQC key question, its rating in the next sentence: "Are services safe? Inadequate".
        self.question_area = re.compile(rf"^\s*(?:are|is)\s+(?:the\s+)?(?:services?|trust|provider|hospital|location|practice|home)\s+{A}\?\s*$", flags)
        # "Managing offenders was the force's strongest area, rated good": the area, a noun
        # phrase that calls it an area (or test, judgement), then its grade.
        self.area_called_rated = re.compile(
            rf"{A}\s+(?:was|is|were|are|remains?|remained)\s+(?:[\w'’]+\s+){{0,5}}?(?:areas?|tests?|judge?ments?|strengths?|weakness(?:es)?|standards?)"
            rf"(?:\s+(?:of|among)\s+(?:the|its|their)\s+(?:\w+\s+)?(?:areas|tests|judge?ments|standards))?,\s+(?:both\s+)?(?:rated|graded|judged|assessed\s+as|scored)\s+(?:as\s+)?{QUOTE}(?P<grade>{G}){QUOTE}(?![\w-])",
            flags,
        )
        # "Previously rated inadequate, the council is now good"; "The council, previously
        # rated inadequate, is now good": the earlier grade of the sentence's subject.
        self.fronted_earlier = re.compile(
            rf"^\s*(?:previously|formerly|once)\s+(?:(?:rated|judged|graded|assessed\s+as|found\s+to\s+be)\s+)?(?:as\s+)?{QUOTE}(?P<grade>{G}){QUOTE}(?![\w-])[^,;]{{0,40}},\s+", flags
        )
        self.aside_earlier = re.compile(
            rf",\s+(?:which\s+(?:was|were|had\s+been|has\s+been)\s+)?(?:previously|formerly|once)\s+(?:(?:rated|judged|graded|assessed\s+as|found\s+to\s+be)\s+)?(?:as\s+)?{QUOTE}(?P<grade>{G}){QUOTE}(?![\w-])[^,;]{{0,40}},\s+", flags
        )
        # "Norfolk County Council has been rated good", "The local authority is now judged to be
        # good": the whole body's grade, named or as "the council/trust/PDU".
        self.named_body_rated = re.compile(
            rf"(?:\b(?-i:[A-Z])[\w'’&-]+(?:\s+(?:(?-i:[A-Z])[\w'’&-]+|and|of|upon)){{0,6}}\s+(?-i:Council|Trust|PDU)|\bthe\s+(?:council|local\s+authority|authority|trust|pdu)|^\s*it)"
            rf"\s+(?:is|was|has\s+been|had\s+been)\s+(?:(?:now|previously|also|again|once\s+again)\s+)?(?:rated|judged|graded|assessed\s+as|found\s+to\s+be)\s+(?:as\s+|to\s+be\s+|to\s+(?=requir))?"
            rf"{QUOTE}(?P<grade>{G}){QUOTE}(?![\w-])(?!\s+(?:or|{_FOR}|on|in\s+(?!(?:19|20)\d\d)|at(?!\s+(?:the|its|their)\s+(?:last|previous|most\s+recent)\s+inspection))\b)",
            flags,
        )
        # "Shropshire Council, its neighbour, was rated good in 2019", "Bolton Council, which borders
        # the town, was judged outstanding": a named body, an aside between commas naming no other
        # body (no capital), then its grade (`named_body_rated` needs the verb right after the name).
        self.named_body_aside_rated = re.compile(
            rf"\b(?-i:Council|Trust|PDU|Police|Service)\s*,\s+(?-i:[^,;.A-Z]){{3,80}},\s+(?:is|was|has\s+been|had\s+been)\s+(?:(?:now|previously|also|again)\s+)?(?:rated|judged|graded)\s+(?:as\s+)?"
            rf"{QUOTE}(?P<grade>{G}){QUOTE}(?![\w-])(?!\s+(?:or|{_FOR}|on|in\s+(?!(?:19|20)\d\d)|at(?!\s+(?:the|its|their)\s+(?:last|previous|most\s+recent)\s+inspection))\b)",
            flags,
        )
        # A numbered standard and its rating, its name not an area alias: "1.2 Staff | Outstanding".
        self.numbered_standard = re.compile(rf"^\s*(?P<domain>[1-4])\.[1-4]\.?(?:\s*\|)?\s+(?!(?:{G})\b)(?P<name>(?-i:[A-Z])[\w ,'’&-]{{2,60}}?)\s*(?:\||:|–|-)?\s*(?P<grade>{G})\s*\.?\s*$", flags)
        self.grade_area_cell = re.compile(rf"^\s*(?P<grade>{G})\s*:\s*(?:the\s+)?{A}\s*$", flags)
        self.area_only = re.compile(rf"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?{A}\s*:?\s*$", flags)
        self.grade_only = re.compile(rf"^\s*(?P<grade>{G})\s*\.?\s*$", flags)
        # A flattened table's line of grades only ("Requires improvement Good Requires improvement").
        self.grades_line = re.compile(rf"^\s*(?:(?:{G})\s*)+$", flags)
        self.grade_in_line = re.compile(rf"(?P<grade>{G})", flags)
        self.area_header = re.compile(rf"^\s*(?:{AREA})(?:\s+(?:{AREA})){{2,}}\s*$", flags)
        # A flattened comparison table's row ending in its two grades, whatever its label ("Understanding fire and risk Good Requires improvement").
        self.two_grades_end = re.compile(rf"\s(?:{G})\s+(?:{G})\s*\.?\s*$", flags)
        # Its third grade, under a header of three columns ("Efficiency Good Good Requires improvement").
        self.third_grade_end = re.compile(rf"\s(?:{G})\s+(?:{G})(?P<before>\s+)(?P<grade>{G})\s*\.?\s*$", flags)
        # A score cell with its grade: "1 (poor)", "Poor (1)".
        self.score_and_grade = re.compile(rf"^\s*(?:\d\s*\(\s*(?P<grade>{G})\s*\)|(?P<grade2>{G})\s*\(\s*\d\s*\))\s*$", flags)
        # The grade cell of a split row run into the next cell's text: "Good Fair use of stop and search".
        self.grade_intro = re.compile(
            rf"\b(?:(?:rated|judged|graded|assessed|found|considered)\s+(?:(?:it|them|the\s+\w+|(?-i:[A-Z])[\w'’&-]*(?:\s+(?:(?:and|of)\s+)?(?-i:[A-Z])[\w'’&-]*){{0,6}})\s+)?(?:as\s+|to\s+be\s+)?{QUOTE}(?P<grade>{G}){QUOTE}\s+(?:for|at|in|on)"
            rf"|(?:areas?|(?:key\s+)?questions|tests|standards)\s+(?:were|was|are|is)\s+(?:(?:rated|judged|graded)\s+(?:as\s+)?|assessed\s+as\s+|found\s+to\s+be\s+)?{QUOTE}(?P<grade2>{G}){QUOTE})\s*:\s*$",
            flags,
        )
        self.grade_colon = re.compile(rf"^\s*{QUOTE}(?P<grade>{G}){QUOTE}\s*(?::|\s[–—])\s+", flags)
        # "Grade: Adequate", "Our rating: Good" on the line after an area heading.
        self.grade_labelled = re.compile(rf"^\s*(?:our\s+|the\s+)?(?:overall\s+)?(?:grade|rating|judge?ment|score|verdict)\s*[:–—-]\s*{QUOTE}(?P<grade>{G}){QUOTE}\s*\.?\s*$", flags)
        self.grade_lead = re.compile(rf"^\s*(?P<grade>{G})\s+(?=(?-i:[A-Z])[a-z])", flags)
        connector = r",?(?:\s+(?:there|all|both|each|is|are|was|were|has been|have been|had been|remains?|remained|stays?|stayed|continues? to be|has|have(?=\s+(?:remained|stayed|continued)\b)|had previously been|had|now|then|also|still|already|again|currently|only(?=\s+['‘’\"“”]?(?:adequate|good|inadequate|requires?|outstanding|poor|reasonably)\b)|overall|been|being|to be|found|rated|judged|graded|assessed|deemed|considered|described|said|thought|as|to(?=\s+requir)|in (?-i:[A-Z])\w+|of the force|" + _MOVED_TO + r"))*"
        # "its response to the public was judged inadequate", "children's services in Norfolk require improvement to be good"
        self.area_then_grade = re.compile(
            rf"{A}(?:['’]s?)?(?:\s+(?:work|outcomes|service|services|provision|key\s+question|(?:healthy\s+prison\s+)?test|rating|grade))?(?:\s+\((?-i:[A-Z]{{2,6}})\))?{_AREA_RECIPIENTS}(?:\s+(?:at|in|of)\s+the\s+(?:(?-i:[A-Z])[\w'’-]+\s+){{0,3}}(?:jail|prison|force|council|service|trust|hospital|home|unit|wing))?(?:\s+(?:in|at|across)\s+(?P<body>(?-i:[A-Z])[\w'’-]+(?:\s+(?:(?:and|of|&)\s+)?(?-i:[A-Z])[\w'’-]+)*))?(?:\s+[–—]\s+(?:which|that|the|its|covering)\s[^–—.;]{{3,140}}?\s+[–—])?{_ASIDE}{connector}\s*(?:\(|:|–|-)?\s*{QUOTE}(?P<grade>{G}){QUOTE}(?![\w-])(?!\s+(?:quality|practice|standard|level|number|progress|work|use|range)\b)(?!\s+or\s+{QUOTE}(?:{G}|better|worse|above|below)\b)"
            # "children's services rated good in every area": a count of areas, not a grade of the phrase before it.
            rf"(?!\s+(?:in|across|on|for)\s+(?:every|each|all|both|any|{NUMBER})\s+(?:one\s+)?(?:of\s+(?:the|its)\s+)?(?:{NUMBER}\s+)?{_GRADED_THINGS}\b)(?!\s+in\s+(?:only\s+|just\s+)?(?:a|an|half|most|many|some|all|[\w-]+\s+(?:per\s+cent|%)|\d+%?)\b[^.;]{{0,40}}?\b{_CASES_NOUNS})",
            flags,
        )
        Qg = r"['‘’\"“”]?"
        # "rated inadequate at investigating crime", "requires improvement in how it investigates crime",
        # "good at preventing crime and responding to the public", "the inadequate grades were for how GMP responds to the public"
        self.grade_then_area = re.compile(
            rf"(?<![\w-])(?<!\bor\s)(?<!\bor\s['‘’\"“”]){Qg}(?P<grade>{G}){Qg}(?![\w-])(?:\s+(?:grades?|ratings?|judge?ments?|scores?|verdicts?))?(?:\s+(?:were|was|are|is))?(?:\s+(?:given|awarded|handed out))?(?:\s+across\s+the\s+board)?(?:\s+by\s+(?:the\s+)?(?:inspectors|inspectorate|watchdog|regulator|hmicfrs|ofsted|cqc|care\s+quality\s+commission|hm\s+inspectorate\s+of\s+(?:prisons|probation|constabulary)))?(?:,\s+(?:too|also|again|as\s+well)(?=,))?\s*(?:\(|,|–|-)?\s*(?:at|in|for|on|when it comes to|with regard to|in respect of|against)\s+(?:(?:both|each of|all of)\s+)?(?:the\s+(?:healthy\s+prison\s+)?tests?\s+of\s+)?(?:(?:how|the way|the ways in which)\s+(?:it|they|the \w+|(?-i:[A-Z])[\w&]+)\s+(?:is\s+|does\s+)?)?(?:(?:its|their|the force['’]s|the council['’]s|the)\s+)?(?:work\s+(?:to|on)\s+)?{A}",
            flags,
        )
        # "rated its response to the public as good", "judged its work to prevent crime to be inadequate"
        self.rated_area_as = re.compile(
            rf"\b(?:rated|judged|graded|assessed|found|considered)\s+(?:its|their|the force['’]s|the council['’]s|the)?\s*(?:work\s+(?:to|on)\s+|approach\s+to\s+)?{A}(?:\s+(?:at|in|of|for)\s+(?:the\s+)?(?P<body>(?-i:[A-Z])[\w'’&-]*(?:\s+(?:and\s+|of\s+)?(?-i:[A-Z])[\w'’&-]*){{0,7}}))?\s+(?:as|to be)\s+{Qg}(?P<grade>{G}){Qg}(?![\w-])",
            flags,
        )
        N = NUMBER
        Q = r"['‘’\"“”]?"
        # The area fronted: "When it comes to investigating crime, the force was rated inadequate",
        # "For care leavers, the council was judged good" (not the council's overall grade).
        self.fronted_area = re.compile(
            rf"\s*(?:but\s+|and\s+)?(?:when\s+it\s+comes\s+to|as\s+for|as\s+regards|in\s+terms\s+of|regarding|on|for|in)\s+(?:(?:its|their|the\s+force['’]s|the\s+council['’]s|the)\s+)?(?:work\s+(?:to|on)\s+)?{A}\s*,\s+"
            rf"(?:it|they|the\s+\w+|(?-i:[A-Z])[\w'’&-]*(?:\s+(?:(?:and|of|for)\s+)?(?-i:[A-Z])[\w'’&-]*){{0,6}}(?:\s+(?:prison|jail|gaol|council|force|police|trust|hospital|service))?)\s+"
            rf"(?:(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:also\s+|again\s+)?(?:(?:rated|judged|graded|assessed|found|deemed|considered)\s+)?(?:as\s+|to\s+be\s+|to\s+(?=requir))?)?{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:at|for|on|or)\s)(?!\s+in\s+(?!(?:19|20)\d\d))"
            rf"|(?:received|was\s+given|were\s+given|got|earned|was\s+awarded|were\s+awarded)\s+(?:a|an|the)\s+{Q}(?P<grade2>{G}){Q}\s+(?:grade|rating|judge?ment|score)\b)",
            flags,
        )
        self.count_of = re.compile(
            rf"(?<![\w-]){Q}(?P<grade>{G}|{_FAILING}){Q}(?![\w-])(?:\s+or\s+{Q}(?P<grade2>{G}|{_FAILING}|better|above){Q}(?![\w-]))?(?:\s+overall\s*,?\s*and)?(?:\s+(?:grades|ratings))?\s+(?:in|for|across|on|against)\s+(?:(?:all|every one of|each of)\s+(?:the\s+)?(?:(?:other|remaining)\s+)?(?=(?:{N})\b))?(?:(?:just|only)\s+)?(?:the\s+)?(?:other|remaining|a\s+further|another|a\s+further)?\s*(?P<count>{N}|(?:all|both)(?=\s+(?:(?:{N})\s+)?(?:of\s+(?:the|its)\s+)?(?:areas|pillars|categories|questions|judgements|tests))|another(?=(?:\s+(?:area|one|pillar|question|test))?\s*(?:[,.;]|\band\b|\bwith\b|$))|the\s+(?:other|remaining|last|third|fourth|fifth)(?=(?:\s+(?:area|one|pillar|question|test))?\s*(?:[.;]|$)))\b(?:\s+(?:more|further|other|others))?\s*(?:(?:out\s+)?of\s+(?:the\s+|its\s+)?(?P<out_of>{N})\b\s*)?(?:{_AREA_WORDS}|(?:the\s+)?\w+\s+areas?)?",
            flags,
        )
        self.count_subject = re.compile(
            rf"(?:(?P<remaining>remaining|other)\s+|(?<!\bthe\s)\b(?:all\s+(?=(?:{N})\b))?)(?P<count>{N}|all|both|every\s+one(?=\s+of\b)|each(?=\s+of\b))(?:\s+(?:(?:out\s+)?of\s+(?:the\s+|its\s+)?(?P<out_of>{N})\s+)?(?:{_AREA_WORDS})|(?(remaining)(?=\s+[–—]\s)|(?!)))(?P<aside>\s+[–—]\s+[^–—]{{3,400}}?\s+[–—])?(?:\s+(?!(?:were|was|are|is|but|while|whereas|although|though)\b)[\w'’]+){{0,4}}?\s+(?:(?:were|was|are|is)\s+(?:now\s+)?)?(?:(?:rated|judged|graded|assessed|found to be|deemed)\s+(?:to\s+be\s+|to\s+(?=requir))?)?(?:as\s+)?{Q}(?P<grade>{G}|{_FAILING}|{_LOWEST_PHRASE}){Q}(?![\w-])",
            flags,
        )
        # Scores in prose, on a scale reported as scores: "Safety scored 1", "the
        # prison scored 1 in three of the four tests" (`_find` maps them to grades).
        self.score_grades = {k: v for scale in scales.scales.values() for k, v in (scale.scores or {}).items()}
        self.area_scored = re.compile(rf"{A}\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?(?:scored|given\s+a\s+score\s+of)\s+(?:a\s+)?(?P<score>\d)(?!\w|[.,]\d)", flags)
        # "HMP Leeds scored 1 for purposeful activity", "scored 3 out of 4 on respect".
        self.scored_area = re.compile(rf"\bscored\s+(?:a\s+)?(?P<score>\d)(?:\s+(?:out\s+)?of\s+4)?\s+(?:for|in|on|at)\s+(?:(?:its|the)\s+)?{A}", flags)
        self.scored_count = re.compile(
            rf"\bscored\s+(?:a\s+)?(?P<score>\d)\s+(?:in|for|on)\s+(?P<count>{N})\s+(?:out\s+)?of\s+(?:the|its|their)\s+(?P<out_of>{N})\s+{_GRADED_THINGS}"
            rf"|\b(?P<count2>{N})\s+of\s+(?:the|its|their)\s+(?P<out_of2>{N})\s+{_GRADED_THINGS}\s+(?:were|was)\s+(?:scored|given\s+a\s+score\s+of)\s+(?:a\s+)?(?P<score2>\d)(?!\w|[.,]\d)",
            flags,
        )
        # "... at investigating crime and at protecting vulnerable people, two areas it had
        # previously graded inadequate in 2022": the earlier grade of the areas just named.
        self.areas_appositive = re.compile(
            rf",\s+(?:(?:the\s+)?(?P<count>an?|one|both|two|three|four|five|six)\s+(?:other\s+)?areas?|the\s+(?:same\s+)?areas?)\s+(?:(?:in\s+which|where|that|which)\s+)?"
            rf"(?:(?:it|they|the\s+(?:force|council|service|prison)|inspectors|we|the\s+inspectorate)\s+)?(?:(?:had|has|have|was|were)\s+)?(?:(?:previously|also|last)\s+)?(?:been\s+)?"
            rf"(?:graded|rated|judged|assessed\s+as|found\s+to\s+be|considered)\s+(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])(?P<when>[^,.;]{{0,40}})",
            flags,
        )
        self.zero_count = re.compile(
            rf"(?:\bnot|(?<=\w)n['’]t|\bno\s+longer)\s+(?:(?:been\s+)?(?:rated|judged|graded|found(?:\s+to\s+be)?|assessed as)\s+)?{Q}(?P<grade>{G}){Q}(?:\s+or\s+{Q}(?P<grade2>{G}){Q})?\s+(?:(?:in|for)\s+(?:any|a\s+single(?=\s+(?:area|category|pillar|judge?ment|test|standard))|a\s+single\s+one)(?:\s+(?:of\s+(?:the\s+|its\s+)?(?P<out_of>{N})\s+)?(?:{_AREA_WORDS}|part of its work))?|anywhere\b)"
            rf"|\b(?:none|no one)\s+of\s+(?:the|its)\s+(?P<out_of2>{N})\s+(?:{_AREA_WORDS})\s+(?:is|was|were|are)\s+(?:rated\s+)?{Q}(?P<grade3>{G}){Q}(?:\s+or\s+{Q}(?P<grade4>{G}){Q})?",
            flags,
        )
        # "Nor was it graded inadequate in any of them": a zero count continuing the sentence before
        # (its total is that sentence's, as any zero count's may be).
        self.nor_zero = re.compile(
            rf"^\s*Nor\s+(?:was|were|is|are|has|have)\s+(?:it|they|the\s+(?:force|council|service|trust|prison|pdu))\s+(?:been\s+)?(?:rated|judged|graded|found(?:\s+to\s+be)?|assessed\s+as)\s+{Q}(?P<grade>{G}){Q}(?:\s+or\s+{Q}(?P<grade2>{G}){Q})?\s+(?:in|for)\s+(?:any|a\s+single)\b(?:\s+(?:of\s+(?:them|these|those)|{_AREA_WORDS}))?",
            flags,
        )
        # How many areas were graded: "graded across nine areas", "of the eight areas we inspected".
        self.across = re.compile(
            rf"\b(?:(?<!good\s)(?<!adequate\s)(?<!outstanding\s)(?<!improvement\s)(?<!poor\s)across|(?:graded|grades|grading|assessed|assesses|assessing|inspected|inspects|judged|rated|examined|looked at|scored|measured)\s+(?:(?!['‘’\"“”]?(?:{G})\b)(?!(?:{N})\s+(?:areas|categories|questions|pillars|standards|tests)\b)[\w'’-]+\s+){{0,4}}?(?:in|on|across|against)|(?:looked at|examined|covered|considered|graded|assessed|inspected))\s+(?:all\s+|the\s+)?(?P<out_of>{N})\s+(?:core\s+|key\s+|separate\s+|different\s+)?(?:areas|categories|questions|pillars|standards|judge?ments|(?:healthy\s+prison\s+)?tests)\b"
            rf"|\b(?:of|out of|from)\s+(?:the|its)\s+(?P<out_of2>{N})\s+(?:(?:graded|inspected|assessed|core|key)\s+)?(?:areas|categories|questions|pillars|standards|judgements|(?:healthy\s+prison\s+)?tests)\b"
            # "under the old three-pillar system": three were graded.
            rf"|\b(?P<out_of5>{N})-pillar\b"
            # "how good the force is in eight areas of policing", "how well it performs in nine areas"
            rf"|\bhow\s+(?:good|well|effective(?:ly)?)\b[^.;:]{{0,60}}?\s(?:in|across)\s+(?P<out_of6>{N})\s+(?:areas|categories|questions|pillars|standards)\b"
            # "We make graded judgments in eight of these nine areas": eight were graded.
            rf"|\bgraded\s+judge?ments\s+(?:in|on|for)\s+(?P<out_of4>{N})\s+of\s+(?:these|the|its)\s+{N}\s+areas\b"
            # "eight areas were graded: three were found to be inadequate and ..."
            rf"|\b(?P<out_of3>{N})\s+(?:areas|categories|questions|pillars|standards|(?:healthy\s+prison\s+)?tests)\s+(?:were|are|have\s+been)\s+(?:graded|assessed|inspected|judged|rated)\b(?!\s+(?:as\s+)?{Q}(?:{G}|{_FAILING}))",
            flags,
        )
        # "The areas requiring improvement were X, Y and Z", "The inadequate areas included X"
        self.areas_were = re.compile(
            rf"\b(?:the\s+)?(?:only\s+|other\s+)?(?:(?:two|three|four|five|six|seven|eight|\d)\s+)?(?:{QUOTE}(?P<grade_a>{G}){QUOTE}\s+)?(?:areas?|grades?|judge?ments?)\s+(?:(?:judged|rated|graded|found)\s+(?:to\s+be\s+|as\s+|to\s+(?=requir))?{QUOTE}(?P<grade_b>{G}){QUOTE}\s+|(?P<requiring>requiring\s+improvement)\s+)?(?:were|was|included|include|are|is|went\s+to|go\s+to)\s+(?:given\s+for\s+|for\s+)?",
            flags,
        )
        # "Investigating crime was the only area where it 'requires improvement'"
        self.only_area = re.compile(
            rf"{A}{_ASIDE}\s+(?:(?:was|were|is)\s+)?(?:the\s+(?:only|one|sole|other)\s+(?:areas?|(?:key\s+)?questions?|(?:healthy\s+prison\s+)?tests?|standards?|pillars?)|an\s+area)\s+(?:(?:(?:where|in which|that)\s+)?(?:(?:it|the \w+|inspectors|we)\s+)?(?:was\s+|is\s+)?)?(?:to\s+be\s+(?=rated|judged|graded|found))?(?:rated\s+|judged\s+|graded\s+|found\s+)?(?:to\s+be\s+|to\s+|as\s+)?{QUOTE}(?P<grade>{G}){QUOTE}",
            flags,
        )
        # "..., a significant improvement on the 'inadequate' grade it was given in this area in 2023"
        self.improvement_on = re.compile(
            rf"\b(?:improvement|rise|step up|fall|drop|decline|change|upgrade|downgrade)\s+(?:on|from)\s+(?:(?:the|its|a|an)\s+{QUOTE}(?P<grade>{G}){QUOTE}\s+(?:grade|rating|judge?ment|verdict)"
            # "an improvement on requires improvement at its last inspection"
            rf"|{QUOTE}(?P<grade2>{G}){QUOTE}(?=\s+(?:at|in)\s+(?:(?:its|the|their)\s+(?:last|previous)|(?:19|20)\d\d))"
            # "an improvement on its previous rating of requires improvement"
            rf"|(?:the|its|their)\s+(?:previous|last|earlier)\s+(?:grade|rating|judge?ment|verdict)\s+of\s+{QUOTE}(?P<grade3>{G}){QUOTE}"

            # "an improvement on 2019, when they required improvement"
            rf"|(?:19|20)\d\d,?\s+when\s+(?:it|they|the\s+\w+)\s+(?:was\s+|were\s+|had\s+been\s+)?(?:(?:judged|rated|graded|found|assessed)\s+(?:as\s+|to\s+be\s+|to\s+)?)?{QUOTE}(?P<grade4>{G}){QUOTE}(?![\w-])"
            # "a drop from the 'good' it received in 2019", "a fall from the inadequate verdict the council was given"
            rf"|(?:the|its|an?)\s+{QUOTE}(?P<grade5>{G}){QUOTE}(?![\w-])\s+(?:(?:grade|rating|judge?ment|verdict|score|assessment)\s+)?(?:(?:that|which)\s+)?(?:it|they|the\s+\w+)\s+(?:had\s+)?(?:received|was\s+given|were\s+given|got|was\s+awarded|were\s+awarded|earned|achieved|had|gave|awarded)\b)",
            flags,
        )
        # "the local authority was judged inadequate", "services for children in
        # Knowsley ... were judged to require improvement to be good": no area
        # named, so the overall judgement (on scales that have one).
        self.unqualified = re.compile(
            rf"\b(?:the\s+local\s+authority|the\s+council|the\s+authority|(?:children['’]s\s+)?services(?:\s+for\s+children)?(?:\s+in\s+(?:the\s+(?:city|county|borough|town|area)|(?-i:[A-Z])\w+))?)(?:\s+(?:was|were|had\s+been|is|are|has\s+been|have\s+been|(?P<again>(?:has|have|had)\s+again\s+been)))\s+(?:previously\s+|again\s+|also\s+|last\s+)?(?:judged|rated|found|graded|assessed)\s+(?:to\s+be\s+|as\s+|to\s+)?{QUOTE}(?P<grade>{G}){QUOTE}(?![\w-])(?!\s+or\s+(?:better|above|worse|below))(?!\s+(?:at|in|{_FOR}|on)\s+(?!(?:its|the|our|their)\s+(?:last|previous|latest|most recent|first)|{_MONTH}?(?:19|20)\d\d))",
            flags,
        )
        # An earlier inspection's grade of the whole service, with a pronoun or a
        # bare "services" as subject and often no verb of judging: "At the last
        # inspection, in 2018, services required improvement to be good, and
        # before that, in 2016, they were inadequate". Kept only when the clause
        # dates it (`only_previous`): "they were inadequate" alone is no grading.
        self.earlier_whole = re.compile(
            rf"\b(?:it|they|(?:(?:its|their|the)\s+)?(?:children['’]s\s+)?services?(?:\s+for\s+children)?|the\s+(?:local\s+)?authority|the\s+council)"
            rf"\s+(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:(?:previously|also|again|then|both)\s+)?(?:(?:judged|found|rated|graded|assessed)\s+(?:to\s+be\s+|as\s+|to\s+)?)?(?=\S)|(?=requir))"
            rf"{QUOTE}(?P<grade>{G}){QUOTE}(?![\w-])(?!\s+(?:or\s+(?:better|above|worse|below)|at|in|for|on)\b(?!\s+(?:inspections?|(?:its|the|their|our)\s+(?:last|previous|earlier|first)|(?:19|20)\d\d)))",
            flags,
        )
        # "since a judgement of inadequate in 2019": an earlier grade, of the
        # whole service when no area follows (an area is claimed first).
        self.since_judgement = re.compile(
            rf"\bsince\s+(?:a|an|its|the|their)\s+(?:\w+\s+)?(?:judge?ment|rating|grade|verdict)\s+of\s+{QUOTE}(?P<grade>{G}){QUOTE}(?![\w-])", flags
        )
        # "two years after the watchdog said they required improvement": a whole body's grade in reported speech.
        self.said_grade = re.compile(rf"\b(?:(?:said|found|judged|ruled|concluded|decided)\s+(?:that\s+)?(?:they|it|(?:the|its|their)\s+(?:council|services|service|force|trust|prison|jail))\s+(?:(?:were|was|are|is|had\s+been)\s+)?(?:(?:rated|judged|graded)\s+)?|(?:found|judged|rated|deemed)\s+(?:them|it)\s+(?:to\s+be\s+|as\s+)?){Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:to|that|for|at|in|on|news|progress|work|practice|quality|enough)\b)", flags)
        # "the lowest possible score in both tests", "its lowest grade in all four areas": a count of the areas it names.
        self.lowest_in_all = re.compile(rf"{_LOWEST_PHRASE}\s+(?:in|for|across|on)\s+(?:(?P<both>both)|(?:all|each\s+of|every\s+one\s+of)\s+(?:the\s+|its\s+)?(?P<count>{N}))\s+(?:of\s+(?:the|its)\s+)?(?:areas|judge?ments|pillars|(?:key\s+)?questions|categories|standards|(?:healthy\s+prison\s+)?tests)\b", flags)
        # "Of the seven standards we rate, ...": a sentence that tallies the body's own areas.
        self.of_the_areas = re.compile(rf"\s*of\s+(?:the|its)\s+{N}\s+(?:(?:graded|inspected|assessed|core|key)\s+)?(?:areas|standards|judge?ments|(?:key\s+)?questions|(?:healthy\s+prison\s+)?tests|pillars)\b[^,;:]{{0,40}}[,:]", flags)
        # "... two were good, three required improvement": a number, its verb, its grade.
        self.tally_were = re.compile(rf"\b(?P<count>{N})\s+(?:(?:were|was|are|is)\s+(?:(?:rated|judged|graded|found\s+to\s+be)\s+)?(?:as\s+)?)?{QUOTE}(?P<grade>{G}){QUOTE}(?![\w-])", flags)
        # "one outstanding, six good and two adequate grades"
        self.count_grade_noun = re.compile(
            rf"\b(?P<count>{N}|a\s+pair\s+of|a\s+single)\s+(?:(?:(?:were|was)\s+)?(?:rated|judged|graded|assessed\s+as|found\s+to\s+be|(?:said|found)\s+to(?=\s+requir))\s+)?{QUOTE}(?P<grade>{G})(?:s(?![\w-]))?{QUOTE}(?=\s*[,.;]|\s*$|\s+[–—]\s|\s+and\b|\s+grades?\b|\s+gradings?\b|\s+ratings?\b|\s+judge?ments?\b|\s+ones\b)"
            # "two were scored at the lowest level": the scale's last grade.
            rf"|\b(?P<count2>{N})\s+(?:(?:were|was)\s+)?(?P<lowest>{_LOWEST_PHRASE})\b",
            flags,
        )
        # "The workforce grade is up from requires improvement in 2022"
        self.up_from = re.compile(
            rf"\b(?:(?:up|down|improved|improving|risen|fallen|moved|moving|climbed|dropped|slipped|changed|changing)\s+from|compared\s+(?:with|to)"
            rf"|an?\s+(?:change|improvement|rise|step\s+up|fall|drop|decline)\s+(?:from|on))\s+(?:(?:the|its|an?)\s+)?{QUOTE}(?P<grade>{G}){QUOTE}(?![\w-])",
            flags,
        )
        # "Three of the eight standards were rated good, four required improvement and
        # one was inadequate": the counts listed after a count share its total.
        self.count_tail = re.compile(
            rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<count>{N})\s+(?:(?:were|was|are|is|had\s+been|have\s+been)\s+)?(?:(?:rated|judged|graded|found|assessed|deemed)\s+)?(?:as\s+|to\s+be\s+|to\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])",
            flags,
        )
        # "..., as had Merseyside Police in October 2023": the same grade of another body, earlier.
        self.as_had_body = re.compile(r",?\s+as\s+had\s+(?P<body>(?-i:[A-Z])[\w'’&-]*(?:\s+(?-i:[A-Z])[\w'’&-]*){0,5})")
        # "We graded this area as inadequate": the area named in the sentence before.
        self.this_area = re.compile(
            rf"\b(?:(?:rated|judged|graded|assessed)\s+(?:this|that)\s+area\s+(?:as\s+|to\s+be\s+)?|(?:this|that)\s+area\s+(?:was|is|has\s+been)\s+(?:rated|judged|graded|assessed)\s+(?:as\s+|to\s+be\s+)?"
            # "..., with that key question scoring 'good'", "this test was again rated poor"
            rf"|(?:this|that)\s+(?:key\s+)?(?:question|test|standard|domain)\s+(?:(?:was|is|has\s+been)\s+(?:again\s+|also\s+)?)?(?:rated|judged|graded|assessed|scoring|scored|receiving|given)\s+(?:as\s+|to\s+be\s+)?){Q}(?P<grade>{G}){Q}(?![\w-])"
            rf"|\b(?:(?:rated|judged|graded|assessed)\s+(?:it|the\s+force|the\s+council|the\s+service)|(?:it|the\s+force|the\s+council|the\s+service)\s+(?:was|is|has\s+been|had\s+been)\s+(?:also\s+)?(?:rated|judged|graded|assessed))\s+(?:as\s+|to\s+be\s+)?{Q}(?P<grade2>{G}){Q}\s+(?:in|for)\s+(?:this|that)\s+area\b"
            # "Outcomes for prisoners were reasonably good against this healthy prison test."
            rf"|\b(?:were|are|was|is|remained|remain)\s+{Q}(?P<grade3>{G}){Q}\s+(?:against|for|in|on)\s+(?:this|that)\s+(?:healthy\s+prison\s+)?(?:test|key\s+question|standard|domain)\b",
            flags,
        )
        self._as_was = re.compile(rf",?\s+as\s+(?:was|were|is|are|does|do|did)\s+(?:(?:its|their|the|our)\s+(?:(?:way|ways)\s+(?:in\s+which\s+)?(?:we|it|they|the\s+\w+)\s+)?|(?:how|the\s+way)\s+(?:we|it|they|the\s+\w+)\s+)?(?:work\s+(?:to|on)\s+)?{A}(?![\w-])", flags)
        # "Help and protection was judged good, and so were the experiences and progress of children in care": the same grade.
        self._and_so_were = re.compile(rf",?\s+and\s+so\s+(?:was|were|is|are|did|does)\s+(?:(?:its|their|the|our)\s+)?{A}(?![\w-])", flags)
        self.overall = re.compile(
            rf"\boverall\s+(?:judge?ment|effectiveness|rating|grade)(?:\s+(?:is|was|of))?(?:\s+(?:judged|rated))?(?:\s+(?:to be|as))?\s*:?\s*{Q}(?P<grade>{G}){Q}(?![\w-])"
            rf"|\b(?:judged|rated|graded|found|assessed|deemed)\s+(?:[\w'’]+\s+){{0,4}}?(?:as\s+|to\s+be\s+|to\s+)?{Q}(?P<grade2>{G}){Q}\s+overall\b"
            # HMI Probation: "Overall, Leeds PDU is rated as: 'Requires improvement'." (a name with commas
            # and its short form in brackets too: "Overall, Kent, Surrey and Sussex CRC (KSS CRC) is rated as: ...")
            rf"|^\s*overall\s*,\s+(?:[\w'’&-]+,?\s+){{1,8}}?(?:\((?-i:[A-Z]+)(?:\s+(?-i:[A-Z]+))?\)\s+)?(?:is|was|are|were|has\s+been|have\s+been)\s+(?:rated|judged|graded|assessed)\s+(?:as\s*:?\s*|to\s+be\s+)?{Q}(?P<grade3>{G}){Q}(?![\w-])"

            # "rated the home inadequate for being safe and well-led, and requires improvement overall"
            rf"|\band\s+(?:as\s+)?{Q}(?P<grade4>{G}){Q}\s+overall\b",
            flags,
        )
        # "has been placed in the 'inadequate' category (overall)": a rating of the whole body.
        self.category = re.compile(
            rf"\b(?:placed|put|rated|graded|is|was|are|were|been|remains?|remained|stays?|stayed|moved|falls?|fell|sits?)\s+(?:back\s+)?(?:in|into|within)\s+(?:the|its)\s+{Q}(?P<grade>{G}){Q}\s+(?:category|band|bracket)(?P<overall>\s+overall)?\b(?!\s+(?:for|in|at|on)\s)",
            flags,
        )
        judged = r"(?:(?:rated|judged|graded|found\s+to\s+be|assessed\s+as|deemed)\s+)?(?:as\s+)?"
        self.zero_subject = re.compile(
            rf"\b(?:none\s+of\s+(?:the|its|their|the\s+\w+['’]s|(?:(?-i:[A-Z])[\w&-]*\s+(?:(?:and|of|for)\s+)?){{0,6}}(?-i:[A-Z])[\w&-]*['’]s?)\s+(?:(?P<out_of>{N})\s+)?(?:key\s+)?{_GRADED_THINGS}|(?:no|not\s+a\s+single|not\s+one)\s+(?:other\s+)?(?:key\s+)?{_GRADED_THINGS}(?:\s+(?:of|at|in)\s+(?!(?:is|was|were|are)\b)[\w'’-]+(?:\s+(?!(?:is|was|were|are)\b)[\w'’-]+){{0,4}})?)\s+(?:is|was|were|are|has\s+been|have\s+been)\s+{judged}"
            rf"{Q}(?P<grade>{G}){Q}(?![\w-])(?:\s+or\s+{Q}(?P<grade2>{G}){Q}(?![\w-]))?"
            rf"|\bnone\s+of\s+them\s+(?:(?:was|were|is|are)\s+{judged})?{Q}(?P<grade5>{G}){Q}(?![\w-])"
            rf"|\b(?:neither|none)\s+(?:was|were)\s+(?:any\s+)?{judged}{Q}(?P<grade3>{G}){Q}(?![\w-])(?:\s+or\s+{Q}(?P<grade4>{G}){Q}(?![\w-]))?"
            # "There was no area in which the force was inadequate", "no area where it was rated poor".
            rf"|\bno\s+(?:other\s+)?{_GRADED_THINGS}\s+(?:in\s+which|where)\s+(?:it|they|the\s+(?:force|council|local\s+authority|service|prison|trust|pdu))\s+(?:is|was|were|are|has\s+been|had\s+been)\s+{judged}{Q}(?P<grade6>{G}){Q}(?![\w-])(?:\s+or\s+{Q}(?P<grade7>{G}){Q}(?![\w-]))?",
            flags,
        )
        # "recording data about crime, which inspectors judged outstanding",
        # "care leavers, which were judged good", "permanence, which requires improvement"
        self.area_which = re.compile(
            rf"{A}(?:\s+(?:in|at)\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)*)?,?\s+which\s+(?:(?:inspectors|the\s+inspectorate|ofsted|hmicfrs|it|they|we)\s+)?(?:(?:was|were|is|are|has\s+been|have\s+been|still|now)\s+)*"
            rf"(?:(?:judged|rated|graded|found|assessed|deemed)\s+(?:to\s+be\s+|as\s+|to\s+(?=requir))?|(?=requir)|(?<=\bnow\s))(?:also\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:or|quality|practice)\b)",
            flags,
        )
        # "rated the service inadequate overall and for being safe, effective and well-led"
        self.overall_and = re.compile(rf"(?<![\w-]){Q}(?P<grade>{G}){Q}\s+overall,?\s+and\s+(?:also\s+)?(?:for|in|at)\s+", flags)
        self.transition = re.compile(
            rf"\b(?:fell|fallen|dropped|slipped|declined|deteriorated|improved|rose|risen|moved|went|gone|climbed|jumped|changed|upgraded|downgraded)(?:\s+(?:down|up|back))?\s+from\s+"
            # ("from 'Inadequate' in 2019 to 'Good' this year")
            # ("from good at the last inspection in 2022 to requires improvement": both, in either order)
            rf"{Q}(?P<from>{G}){Q}(?:\s+(?:in|at)\s+(?:(?:19|20)\d\d|(?:its|the|their)\s+(?:last|previous|first)\s+inspection)){{0,2}}\s+to\s+{Q}(?P<to>{G}){Q}(?![\w-])",
            flags,
        )
        # "fell to inadequate from good for responding to the public": the grade now, then the one before.
        self.transition_to_from = re.compile(
            rf"\b{_MOVED_TO}\s+{Q}(?P<to>{G}){Q}\s+from\s+{Q}(?P<from>{G}){Q}(?![\w-])(?:\s+(?:for|at|in)\s+(?:(?:its|the|their)\s+)?(?:work\s+(?:to|on)\s+)?{A})?",
            flags,
        )
        # "were judged outstanding in 2022 and remain outstanding": the same area, now.
        self.and_remains = re.compile(rf"\band\s+(?:still\s+)?remain(?:s|ed)?\s+(?:{Q}(?P<grade>{G}){Q}(?![\w-])|(?P<so>so)\b)", flags)
        # "The local authority's services for children remain inadequate": the whole service.
        self.services_remain = re.compile(
            rf"\b(?:children['’]s\s+services|services\s+for\s+children)(?:\s+in\s+(?-i:[A-Z])\w+)?\s+(?:still\s+)?(?:remain|remains|remained|(?:have|has)\s+remained|are\s+still|are\s+now|were\s+still)\s+{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:at|in|for|on)\b)",
            flags,
        )
        # "care leavers remained inadequate", "remains rated requires improvement overall": a kept
        # grade, so the same grade at the inspection before (ANNOTATION.md).
        self.remained = re.compile(rf"\b(?:remain(?:s|ed)?|stay(?:s|ed)?|continu(?:es|ed|e)\s+to\s+be)\s+(?:(?:rated|judged|graded|assessed\s+as)\s+)?(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:or|quality|practice|standard|level|progress|work)\b)", flags)
        # "Wirral Council, which was also rated inadequate in 2022": a named body graded with no area named
        # (its name may join words: "Redcar and Cleveland, which was judged inadequate in 2022"; a council's
        # service by its possessive: "Blackpool's youth justice service, which was rated outstanding in 2023")
        # (also as a participle between commas: "Sefton Council, rated inadequate in 2022, is ...").
        # (the body after a list's "and" or "to" too: "we look to Leeds ... and North Lincolnshire, which was rated outstanding in 2022")
        self.body_which = re.compile(
            rf"(?:\b(?:(?-i:Council|Authority|Trust)|children['’]s\s+services)|(?:^\s*|(?<=, )|(?<=\bwhile )|(?<=\bwhereas )|(?<=\bbut )|(?<=\band )|(?<=\bto ))(?:(?-i:the)\s+)?(?-i:[A-Z])[\w'’&-]*(?:\s+(?:and\s+|of\s+)?(?-i:[A-Z])[\w'’&-]*){{0,5}}(?:(?<=['’]s)\s+(?:(?:children['’]s\s+)?services|youth\s+(?:justice|offending)\s+(?:service|team)))?)(?:,?\s+which\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been|(?:ofsted|inspectors|the\s+(?:inspectorate|watchdog|regulator)|cqc|hmicfrs)(?:\s+(?:had|has))?)\s+)(?:also\s+|previously\s+|again\s+)?(?:rated|judged|graded|found\s+to\s+be)\s+(?:as\s+|to\s+(?=requir))?{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:or|{_FOR}|on)\b)(?!\s+at\s+(?!(?:the|its|their)\s+(?:last|previous|first|latest|most\s+recent)\s+(?:full\s+)?inspection))(?!\s+in\s+(?!(?:19|20)\d\d))(?!\s+by\s+(?!(?:hm|his|her|the\s+(?:watchdog|inspectorate|regulator|care)|inspectors|ofsted|cqc)\b))",
            flags,
        )
        # (The same as a participle between commas, `_find`: "Sefton Council, rated inadequate in 2022, is ...".)
        self.body_participle = re.compile(
            rf"(?:\b(?:(?-i:Council|Authority|Trust)|children['’]s\s+services)|(?:^\s*|(?<=, )|(?<=\bwhile )|(?<=\bwhereas )|(?<=\bbut ))(?-i:[A-Z])[\w'’&-]*(?:\s+(?:and\s+|of\s+)?(?-i:[A-Z])[\w'’&-]*){{0,5}}(?:(?<=['’]s)\s+(?:children['’]s\s+)?services)?)(?P<participle>,\s+)(?:also\s+|previously\s+|again\s+)?(?:rated|judged|graded|found\s+to\s+be)\s+(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:or|{_FOR}|on)\b)(?!\s+at\s+(?!(?:the|its|their)\s+(?:last|previous|first|latest|most\s+recent)\s+(?:full\s+)?inspection))(?!\s+in\s+(?!(?:19|20)\d\d))(?!\s+by\s+(?!(?:hm|his|her|the\s+(?:watchdog|inspectorate|regulator|care)|inspectors|ofsted|cqc)\b))",
            flags,
        )
        # "rated the emergency department at Hull Royal Infirmary as requires improvement": a named
        # body (or a part of it) as object, no area named: its overall grade.
        # "Ofsted rated services in North Northamptonshire and West Northamptonshire, which are run
        # jointly by a trust, as requires improvement to be good": each body named (`names`).
        self.rated_named_as = re.compile(
            rf"\b(?:rated|judged|graded)\s+(?:the\s+(?:[\w'’-]+\s+){{1,3}}(?:at|of|in)\s+|(?P<services>(?:children['’]s\s+)?services\s+(?:for\s+children\s+)?in\s+))?"
            # ("Ofsted rated Bury Council good in 2023": with no "as", only where a body is named, `_find`)
            rf"(?P<names>{_NAME}(?:(?:,\s+|,?\s+and\s+){_NAME}){{0,3}})(?:,\s+which\s+[^,;.]{{3,80}},)?\s+(?:(?P<as>as|to\s+be)\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])"
            rf"(?!\s+(?:or|at|{_FOR}|on)\b)(?!\s+in\s+(?!{_MONTH}?(?:19|20)\d\d\b))",
            flags,
        )
        # "adequate in three of them and in need of improvement in two": a count of requires improvement.
        self.need_count = re.compile(rf"\bin\s+need\s+of\s+improvement\s+(?:in|for|across)\s+(?P<count>{N})\b(?:\s+(?:out\s+)?of\s+(?:the\s+|its\s+)?(?P<out_of>{N})\b)?(?:\s+{_AREA_WORDS})?", flags)
        # "that grade has now risen to good": the area graded just before, now.
        self.that_grade_moved = re.compile(
            rf"\b(?:that|this|the|its)\s+(?:grade|rating|judge?ment)\s+(?:(?:has\s+|had\s+|have\s+)?(?:now\s+|since\s+)?{_MOVED_TO}|is\s+now|now\s+stands\s+at)\s+{Q}(?P<grade>{G}){Q}(?![\w-])",
            flags,
        )
        # "it had been rated good in that area": the area graded just before (here or in the sentence before).
        self.grade_that_area = re.compile(
            rf"\b(?:rated|judged|graded|found|assessed|deemed|(?P<moved>{_MOVED_TO}))\s+(?:as\s+|to\s+be\s+)?{Q}(?P<grade>{G}){Q}\s+(?:in|for|at)\s+(?:that|this|the\s+same)\s+area\b",
            flags,
        )
        # "..., and inspectors say it is now adequate": after a run of earlier grades of one area, that area now.
        self.now_grade = re.compile(
            rf"(?:\b(?:it|they|the\s+force|the\s+council|the\s+service|but|and)|,)\s+(?:is|are)\s+now\s+(?:(?:rated|judged|graded)\s+)?(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:at|in|for|on|or)\b)",
            flags,
        )
        # "..., which had been rated requires improvement for X in 2019, has since improved to good":
        # the area just graded, now (an elliptical later grade).
        self.since_moved = re.compile(
            rf"\b(?:has|have)\s+since\s+{_MOVED_TO}\s+{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:at|in|for|on|or|overall)\b)",
            flags,
        )
        dated = rf"{Q}(?:{G}){Q}\s+in\s+(?:(?-i:[A-Z])[a-z]+\s+)?(?:19|20)\d\d"
        self.dated_list_area = re.compile(
            rf"(?<![\w-])(?P<list>{dated}(?:\s*,\s*{dated})*,?\s+and\s+{dated})\s+(?:for|at|in)\s+(?:(?:its|the|their)\s+)?(?:work\s+(?:to|on)\s+)?{A}",
            flags,
        )
        self.dated_grade = re.compile(rf"{Q}(?P<grade>{G}){Q}\s+in\s+(?:(?-i:[A-Z])[a-z]+\s+)?(?:19|20)\d\d", flags)
        self.total_before = re.compile(rf"\b(?P<total>{N})\s+(?:graded\s+|inspected\s+)?{_GRADED_THINGS}\b[^.;,]{{0,20}},\s*$", flags)
        self.and_count = re.compile(rf",?\s+(?:and|but|while)\s+(?P<count>{N})\s+(?:are|were|is|was)\s+{judged}{Q}(?P<grade>{G}){Q}(?![\w-])", flags)
        # "care leavers also received a good grade" (the area as subject; "was given an
        # inadequate rating for X" is `grade_then_area`'s)
        # "Inspectors gave care leavers a grade of good", "handed its leadership an 'inadequate' rating",
        # "gave this part of the service the lowest of Ofsted's four grades, inadequate".
        self.gave_area = re.compile(
            rf"\b(?:gave|give|gives|giving|awarded|handed)\s+(?:(?:its|their|the)\s+)?{A}\s+"
            rf"(?:(?:a|an|the)\s+(?:\w+\s+)?{Q}(?P<grade>{G}){Q}\s+(?:grade|rating|judge?ment|score|verdict)\b|(?:a|an|the)\s+(?:grade|rating|judge?ment|score|verdict)\s+of\s+{Q}(?P<grade2>{G}){Q}(?![\w-])"
            rf"|the\s+lowest\s+of\s+(?:[\w'’]+\s+){{0,3}}?(?:grades|ratings|judge?ments),\s+{Q}(?P<grade3>{G}){Q}(?![\w-]))",
            flags,
        )
        self.area_received = re.compile(
            rf"{A}(?:['’]s?)?\s+(?:(?:also|again)\s+|(?:[\w'’]+\s+){{0,4}}?[\w'’]+,\s+(?=receiving|being\s+given|earning|getting))?(?:received|receiving|was\s+given|were\s+given|being\s+given|got|getting|earned|earning|achieved|kept|retained)\s+"
            rf"(?:(?:a|an|the)\s+(?:\w+\s+)?{Q}(?P<grade>{G}){Q}\s+(?:grade|rating|judge?ment|score)\b|(?:a|an|the)\s+(?:grade|rating|judge?ment|score)\s+of\s+{Q}(?P<grade2>{G}){Q}(?![\w-]))",
            flags,
        )
        self.having_been = re.compile(
            rf"\bhaving\s+(?:previously\s+|also\s+)?been\s+{judged}(?:to\s+be\s+|to\s+(?=requir))?{Q}(?P<grade>{G}){Q}(?![\w-])", flags
        )
        # "It was not found to require improvement, or to be inadequate, in any of them": a zero count
        # with the grades in infinitives and commas ("not rated good or outstanding in any area" is `zero_count`'s).
        self.zero_infinitive = re.compile(
            rf"\bnot\s+(?:(?:rated|judged|graded|found|assessed|deemed)\s+)?(?:to\s+be\s+|to\s+|as\s+)?{Q}(?P<grade>{G}){Q},?\s+or\s+(?:to\s+be\s+|to\s+|as\s+)?{Q}(?P<grade2>{G}){Q},?\s+(?:in|for)\s+any\b",
            flags,
        )
        # "No part of the force's work was found to be inadequate", "None of its grades was inadequate".
        self.zero_part = re.compile(
            rf"\b(?:no\s+part\s+of\s+(?:its|their|the\s+[\w-]+['’]s?)\s+work|none\s+of\s+(?:its|their|the)\s+(?:grades|ratings|judge?ments))\s+(?:is|was|were|are|has\s+been|have\s+been)\s+{judged}(?:to\s+be\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])(?:\s+or\s+{Q}(?P<grade2>{G}){Q}(?![\w-]))?",
            flags,
        )
        # "gave the council its lowest grade in each of the four judgements", "given the lowest
        # possible score for safety": the scale's lowest grade (`_normalise`).
        self.lowest = re.compile(
            rf"\b(?:gave|give|gives|giving|given|awarded|awards?|received|receives?|handed|hands?|got|gets?)\s+(?:[\w'’]+\s+){{0,3}}?(?:its|their|the|our)\s+(?:lowest|worst\s+possible)\s+(?:possible\s+)?(?:grades?|ratings?|judge?ments?|scores?)\s+(?:in|for|on|across)\s+"
            rf"(?:(?:each|all|every\s+one)\s+of\s+(?:the|its|their)\s+(?P<count>{N})\s+{_GRADED_THINGS}|(?P<some>{N})\s+(?:out\s+)?of\s+(?:the|its|their)\s+(?P<out_of>{N})\s+{_GRADED_THINGS}|(?P<some2>{N})\s+of\s+(?:them|these|those)\b|(?:(?:its|their|the)\s+)?{A})",
            flags,
        )
        # "Both are an improvement on the force's 2022 grades of requires improvement in those
        # areas": the areas graded in the sentence before, at that earlier inspection.
        self.both_improvement = re.compile(
            rf"\s*(?:Both|Each|They|These|All\s+(?:three|four|of\s+them))\s+(?:are|is|were|was|represents?|marks?)\s+(?:an?\s+)?(?:\w+\s+)?(?:improvement|rise|step\s+up|step\s+down|decline|fall|drop)\s+(?:on|from)\s+"
            rf"(?:the\s+force['’]s|the\s+council['’]s|its|their|the)\s+(?:(?P<year>(?:19|20)\d\d)\s+)?(?:grades?|ratings?|judge?ments?)\s+of\s+{Q}(?P<grade>{G}){Q}(?![\w-])",
            flags,
        )
        # "... including investigating crime and protecting vulnerable people. Both of those are now
        # graded adequate.": the areas named in the sentence before, as many as it says.
        self.both_now = re.compile(
            rf"\s*(?:(?P<both>Both)(?:\s+of\s+(?:those|these|them))?|(?:These|Those)\s+(?P<number>{N})|All\s+(?P<all>{N})(?:\s+of\s+(?:those|these|them))?)"
            rf"\s+(?:areas\s+)?(?:are|is|were|was|have\s+been|has\s+been)\s+(?:now\s+)?(?:(?:rated|judged|graded|assessed\s+as|found\s+to\s+be)\s+)?(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])",
            flags,
        )
        # "It was also graded outstanding in this area when we inspected it in 2022": the area the
        # sentence before named last.
        self.in_this_area = re.compile(
            rf"\b(?:rated|judged|graded|assessed\s+as|found\s+to\s+be|was|were|is|are)\s+(?:also\s+|again\s+)?{Q}(?P<grade>{G}){Q}\s+(?:in|for|at)\s+(?:this|that|the\s+same)\s+area\b"
            # "Sussex's grade was a jump from inadequate in its previous inspection": the grade before.
            rf"|\b(?:grade|rating)\s+(?:was|is|represents|marks)\s+an?\s+(?:\w+\s+)?(?:jump|rise|step\s+up|improvement|fall|drop|step\s+down|decline)\s+(?:up\s+|down\s+)?from\s+{Q}(?P<before>{G}){Q}(?![\w-])",
            flags,
        )
        # CQC's summary: "We rated it as good because:" (the service's overall rating; a grade
        # followed by "for"/"at" names an area, which other rules read).
        self.rated_it_as = re.compile(
            rf"\b(?:we|inspectors|cqc)\s+(?:have\s+|had\s+)?(?:(?:previously|also|last|now)\s+)?(?:rated|rate|graded|grade|judged)\s+(?P<it>it|them|the\s+(?:service|trust|location|hospital|home|practice|provider|pdu|council|local\s+authority))\s+(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:for|at|in|on|overall|by)\b)",
            flags,
        )
        # "We rated maternity services at Medway Maritime Hospital as requires improvement": a core
        # service's rating at a hospital is the location's (ANNOTATION.md: a grading has no service field).
        self.service_at_hospital = re.compile(
            rf"\b(?:we|inspectors|cqc)\s+(?:have\s+|had\s+)?(?:(?:also|now)\s+)?(?:rated|rates|rate|graded|judged)\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){{0,5}}?(?:services?|department|unit|wards?|care|surgery|medicine|maternity|midwifery|outpatients|diagnostics)\s+at\s+"
            rf"(?P<place>(?:(?-i:[A-Z])[\w'’.-]*\s+){{1,5}}(?-i:Hospital|Infirmary))\s+as\s+{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:for|at|in|on|by)\b)",
            flags,
        )
        # "has been given a 'requires improvement' rating", "earned its 'Good' overall rating in 2022",
        # "was handed an inadequate verdict": the whole body's rating (no area after it); with
        # "again" ("has again been handed ...") the same rating at the inspection before too.
        self.given_rating = re.compile(
            rf"\b(?:(?:has|have|had|was|were|is|are)\s+(?P<again>again\s+)?(?:been\s+)?)?(?:given|handed|awarded|assigned|received|earned|achieved|gained|got)\s+(?:(?:a|an|its|their|the)\s+)?(?:(?:first|new|second|third)\s+)?(?:overall\s+)?"
            rf"{Q}(?P<grade>{G}){Q}\s+(?:overall\s+)?(?:rating|grade|verdict|judge?ment|score)(?![\w-])"
            rf"(?!\s+(?:{_FOR}|at|in|on|across)\s+(?!(?:19|20)\d\d|(?:its|the|their)\s+(?:last|latest|previous|most\s+recent)\b|late\b|early\b|(?:the\s+)?(?:spring|summer|autumn|winter)\b|{_MONTH}))(?!\s+(?:in|{_FOR}|across)\s+(?:every|each|all|both|any|{N})\b)",
            flags,
        )
        # "Kirklees Council ... has since climbed to good": the whole body's grade now (an area
        # named before it is `area_moved_to`'s, which claims it first).
        self.body_moved = re.compile(
            rf"\b(?:has|have|had)\s+(?:since\s+|now\s+|also\s+)?(?:been\s+)?{_MOVED_TO}\s+{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:{_FOR}|at|in|on|from)\s+(?!(?:19|20)\d\d))",
            flags,
        )
        # "kept its good ratings for caring and effectiveness", "retained the 'adequate' grades in X and Y":
        # each area's grade now and the same at the inspection before.
        self.kept_for = re.compile(
            rf"\b(?:kept|keeps|keeping|retained|retains|retaining|maintained|maintains|held\s+on\s+to|holds\s+on\s+to)\s+(?:its|their|the)\s+{Q}(?P<grade>{G}){Q}\s+(?:grades?|ratings?|judge?ments?|scores?)\s+(?:for|in|on|at)\s+",
            flags,
        )
        # "... and gave its court work the same grade", "care leavers were given the same rating":
        # the grade just given, for another area.
        self.same_grade = re.compile(
            rf"\b(?:gave|given|awarded|handed)\s+(?:(?:its|their|the)\s+)?(?:work\s+(?:to|on)\s+)?{A}\s+the\s+same\s+(?:grade|rating|judge?ment|score)\b"
            rf"|(?<![\w-])(?P<area2>{AREA})\s+(?:was|were|is|are)\s+(?:also\s+)?(?:given|awarded|handed)\s+the\s+same\s+(?:grade|rating|judge?ment|score)\b",
            flags,
        )
        # "Middlesbrough Council has been rated good by Ofsted": a named body's grade, no area
        # named (its overall judgement where the scale has one, `_emit`).
        # "Maternity services at the Royal United Hospital, which were inspected separately in 2023, remain
        # rated requires improvement": a core service's grade is its location's overall one (ANNOTATION.md);
        # "remain" keeps it (also the grade before).
        self.service_at_location = re.compile(
            rf"\b(?:services?|care|departments?|wards?|units?|maternity|surgery|medicine|outpatients|theatres?)\s+at\s+(?:the\s+)?(?P<name>(?:(?-i:[A-Z])[\w'’.-]*\s+){{1,5}}(?-i:Hospital|Infirmary|Wing))(?![\w-])"
            rf"(?:,\s+which\s+[^,;.]{{3,80}},)?\s+(?:(?P<kept>remains?|remained|stays?|stayed|continues?\s+to\s+be|continued\s+to\s+be)\s+|(?:has|have|had|was|were|is|are)\s+(?:now\s+)?(?:been\s+)?)"
            rf"(?:rated|judged|graded)?\s*(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:{_FOR}|at|on|in)\s+(?!(?:19|20)\d\d\b))",
            flags,
        )
        # "maternity services at Queen's Hospital Burton improved from requires improvement to good": both grades the location's.
        self.service_at_location_moved = re.compile(
            rf"\b(?:services?|care|departments?|wards?|units?|maternity|surgery|medicine|outpatients|theatres?)\s+at\s+(?:the\s+)?(?P<name>(?:(?-i:[A-Z])[\w'’.-]*\s+){{1,5}}(?-i:Hospital|Infirmary|Wing))(?![\w-])[^,;.]{{0,20}}?"
            rf"\s+(?:has\s+|have\s+)?(?:improved|risen|moved(?:\s+up|\s+down)?|gone\s+(?:up|down)|declined|dropped|fallen|fell|slipped|deteriorated)\s+from\s+{Q}(?P<before>{G}){Q}\s+to\s+{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:{_FOR}|at|on|in)\s+(?!(?:19|20)\d\d\b))",
            flags,
        )
        self.named_rated = re.compile(
            # (the name starts the sentence or a clause: "... children's social care in Slough have been rated" is not Slough's)
            # ("Islington, has been judged ...", "Croydon, which was judged inadequate in 2017, now requires improvement")
            # ("The neighbouring Manchester North PDU, inspected in 2023, was rated 'Good'": after "the" and an adjective or two)
            # ("...; the West Yorkshire Community Rehabilitation Company, which ..., was rated ...": a clause's "the Name")
            rf"(?:^\s*(?:(?-i:The)\s+(?:(?-i:[a-z]+)\s+){{1,2}}(?=(?-i:[A-Z])))?|(?<=, )|(?<=; )|(?<=; the )|(?<=that )|(?<=and )|(?<=while ))(?-i:[A-Z])[\w'’&-]*(?:\s+(?:and\s+|of\s+|&\s+|with\s+)?(?-i:[A-Z])[\w'’&-]*){{0,7}}(?:,\s+which\s+[^,;.]{{3,80}},|,\s+(?:the|a|an|one\s+of\s+the|(?:last\s+)?inspected)\s+[^,;.]{{3,80}},|,)?\s+"
            # ("Rutland, the smallest council in England, was judged ..."; "X requires improvement to be good", Ofsted's grade in full;
            # "Bolton Council and Bury Council were both rated ...", each by `_share_coordinated_subjects`)
            rf"(?:(?:has|have|had|was|is|were|are)\s+(?:again\s+|also\s+|now\s+|still\s+|both\s+|all\s+)?(?:been\s+)?(?:rated|judged|graded)\s+(?:as\s+|to\s+(?=requir))?{Q}(?P<grade>{G}){Q}|(?:now\s+|still\s+|(?=requires?\s+improvement\s+to\s+be\s+good\b))(?P<grade2>requires?\s+improvement(?:\s+to\s+be\s+good)?)"
            # "Bolton Council remains good", "continues to be rated good" (kept: also the grade before); "Oldham Council was upgraded to good"
            rf"|(?P<kept>(?:remains|remained|stays|stayed|continues\s+to\s+be|continued\s+to\s+be)\s+(?:(?:rated|judged|graded)\s+)?(?:as\s+)?){Q}(?P<grade3>{G}){Q}"
            rf"|(?:(?:has|have|had|was|were)\s+)?(?:since\s+|now\s+)?(?:been\s+)?{_MOVED_TO}\s+{Q}(?P<grade4>{G}){Q})(?![\w-])"
            rf"(?!\s+(?:{_FOR}|at|on|or|across|overall)\b)(?!\s+in\s+(?!(?:19|20)\d\d\b|(?:its|the|their)\s+(?:last|latest|previous|most\s+recent)\b))(?!\s+by\s+(?!(?:hm|his|her|the\s+(?:watchdog|inspectorate|regulator|care)|inspectors|ofsted|cqc)\b))",
            flags,
        )
        # "placed in special measures after being rated inadequate", "gave the service the top
        # rating, 'Outstanding'": the whole body's grade (no area after it).
        self.being_rated = re.compile(
            rf"\b(?:after|since|for|despite)\s+being\s+(?:rated|judged|graded)\s+(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])"
            # "Inspectors downgraded the hospital to inadequate"
            rf"|\b(?:downgraded|upgraded|lowered|raised|moved)\s+(?:the\s+(?:service|trust|hospital|unit|council|home|provider|pdu|clinic)|it)\s+to\s+{Q}(?P<grade3>{G}){Q}(?![\w-])(?!\s+(?:for|at|on|in)\s+(?!(?:19|20)\d\d))"
            rf"|\b(?:gave|given|awarded|handed)\s+(?:the\s+(?:service|trust|hospital|unit|council|home|provider|pdu)|it)\s+(?:the\s+(?:top|highest|lowest|best|worst)\s+(?:possible\s+)?(?:rating|grade|judge?ment|score)\s*[,:–—-]?\s*(?:of\s+)?|an?\s+|its\s+)?{Q}(?P<grade2>{G}){Q}(?![\w-])(?:\s+(?:overall\s+)?(?:rating|grade|verdict|judge?ment|score))?"
            rf"(?!\s+(?:{_FOR}|at|on|in|across)\s+(?!(?:19|20)\d\d))(?!\s+(?:work|practice|quality|progress|use)\b)",
            flags,
        )
        # "Outcomes in respect had declined to not sufficiently good": the area's grade now.
        self.area_moved_to = re.compile(
            rf"{A}(?:,\s+(?:which\s+(?:had|has)\s+(?:previously\s+)?been|which\s+was(?:\s+previously)?|having\s+(?:previously\s+)?been)\s+(?:(?:rated|judged|graded|assessed\s+as|found\s+to\s+be)\s+)?(?:as\s+)?{Q}(?P<before>{G}){Q}(?![\w-])[^,;.]{{0,40}},)?\s+(?:had\s+|has\s+|have\s+)?{_MOVED_TO}\s+{Q}(?P<grade>{G}){Q}(?![\w-])",
            flags,
        )
        # "The service was previously rated good", "the trust is rated requires improvement": the body's overall rating
        # ("The probation service responsible for supervising offenders in Newcastle has been rated inadequate",
        # "the NHS trust responsible for mental health services across Nottinghamshire remains rated ...").
        self.body_rated = re.compile(
            rf"(?:(?P<it>^\s*It)|\b(?:the|this|(?:the\s+)?(?:region|area|county|city|borough)['’]s)\s+(?:(?:probation|youth\s+justice|nhs)\s+)?(?:service|trust|location|hospital|home|practice|provider|clinic|surgery|pdu|unit|(?:probation\s+)?delivery\s+unit))(?:\s+as\s+a\s+whole)?(?:\s+(?:(?:responsible\s+for\s+)?(?:supervising|managing|serving|covering|working\s+with)(?:\s+[a-z]+){{0,2}}\s+in|responsible\s+for(?:\s+[a-z-]+){{1,3}}\s+(?:in|across)|covering|for|in|across)\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?:and\s+)?(?-i:[A-Z])[\w'’-]+){{0,4}})?\s+(?:was|is|has\s+been|had\s+been|(?P<kept>(?:has|had|have)\s+again\s+been|was\s+again|is\s+again|remains|remained|continues\s+to\s+be|continued\s+to\s+be|still\s+is|is\s+still))\s+(?P<before>previously\s+)?(?:rated|judged)\s+(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:{_FOR}|at|on|overall)\b)(?!\s+in\s+(?!(?:19|20)\d\d\b|(?:its|the|their)\s+(?:last|latest|previous|most\s+recent)\b))"
            # "... by HM Inspectorate of Probation" (not "by users")
            rf"(?!\s+by\s+(?!(?:hm|his|her|the\s+(?:watchdog|inspectorate|care)|inspectors|ofsted|cqc)\b))",
            flags,
        )
        # A body described by its kind and the place it serves: "The ambulance service for the East
        # Midlands has been rated as requires improvement by the health watchdog" (the whole body's rating).
        self.described_body_rated = re.compile(
            rf"\bthe\s+(?:ambulance|fire(?:\s+and\s+rescue)?|hospital|health|probation|children['’]s)\s+(?:service|services|trust)\s+(?:for|in|covering|serving)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?:and\s+)?(?-i:[A-Z])[\w'’-]+){{0,4}}"
            rf"\s+(?:has\s+been|had\s+been|was|is)\s+(?:(?:now|also)\s+)?(?:rated|judged|graded)\s+(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:{_FOR}|at|on|in|overall)\b)",
            flags,
        )
        # Areas that earned a grade: "Its treatment of the public and its leadership also earned good
        # grades", "Responding to fires ..., and getting the right people with the right skills all earned
        # a 'good' verdict" (earlier areas of the list take it too).
        self.area_earned = re.compile(
            rf"{A}\s+(?:(?:also|all|both|each|too|have|has|had)\s+)*(?:earned|earn|earns|received|receive|receives|won|secured|got|gained|(?:was|were|been)\s+(?:given|awarded|handed))\s+(?:an?\s+|the\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])\s+(?:grades?|ratings?|verdicts?|judge?ments?|scores?)\b",
            flags,
        )
        # An area with a relative clause before its grade: "Protection work, which covers fire safety
        # checks of businesses, was judged adequate" (the area starts the sentence).
        self.area_aside_rated = re.compile(
            rf"^\s*{A},\s+(?:which|that)\s+[^,;]{{1,80}},\s+(?:was|were|is|are|has\s+been|have\s+been)\s+(?:also\s+)?(?:rated|judged|graded|assessed\s+as|found\s+to\s+be)\s+(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:{_FOR}|at|in|on)\b)",
            flags,
        )
        # A grade given to the areas just named: "praised for its neighbourhood policing, ..., and for
        # the way it manages registered sex offenders, both of which were judged good".
        self.both_of_which = re.compile(rf",?\s+(?P<all>both|all|each)\s+of\s+which\s+(?:were|are|have\s+been|had\s+been|was|is)\s+(?:(?:also|now)\s+)?(?:rated|judged|graded|assessed\s+as|found\s+to\s+be)\s+(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])", flags)
        # A grade shared by areas after it: "..., as did the service's preparation for major and
        # multi-agency incidents", "was judged adequate, as were its use of resources and ...".
        self.as_did_areas = re.compile(r",\s+as\s+(?:did|were|was|had)\s+", flags)
        # "East Midlands Ambulance Service NHS Trust (EMAS), which covers ..., had previously been rated good.":
        # the body's earlier overall rating, ending its sentence.
        self.previously_rated_end = re.compile(rf"\b(?:had|has)\s+previously\s+been\s+(?:rated|judged|graded)\s+(?:as\s+)?{Q}(?P<grade>{G}){Q}\s*\.?\s*$", flags)
        # PEEL's pillars were once inspected one at a time: "In our 2017 efficiency inspection the
        # force was judged good" grades the pillar the inspection is named after.
        self.pillar_inspection = re.compile(
            rf"\b(?:our|its|the|their|hmicfrs['’]s?|hmic['’]s?)\s+(?:19|20)\d\d(?:[/-]\d\d)?\s+(?:peel\s+)?(?P<area>effectiveness|efficiency|legitimacy)\s+(?:inspection|assessment|report)\b[^.;]{{0,40}}?\b(?:(?:judged|rated|graded|assessed)\s+(?:(?:the\s+force|it)\s+)?(?:to\s+be\s+|as\s+)?|found\s+(?:the\s+force|it)\s+to\s+be\s+){Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:use|practice|work|quality|progress|examples?)\b)",
            flags,
        )
        # "Our rating of this service stayed the same": the next sentence's overall rating was also the one before.
        self.rating_same = re.compile(r"\bour\s+rating\s+of\s+(?:this|the)\s+(?:service|trust|location|hospital|provider|home|practice)\s+stayed\s+the\s+same\b", re.I)
        # "The grade for protecting vulnerable people stayed at requires improvement": now and before.
        self.rating_kept = re.compile(
            rf"\b(?:rating|grade|judge?ment)\s+(?:for|in|on)\s+(?:(?:its|their|the)\s+)?(?:work\s+(?:to|on)\s+)?{A}\s+(?:has\s+|had\s+|have\s+)?(?:stayed|remained|stays|remains)\s+(?:at\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])",
            flags,
        )
        # "The force's rating for investigating crime dropped to inadequate": the area's grade now.
        self.rating_moved = re.compile(
            rf"\b(?:rating|grade|judge?ment|score)\s+(?:for|in|on)\s+(?:(?:its|their|the)\s+)?(?:work\s+(?:to|on)\s+)?{A}\s+(?:has\s+|had\s+|have\s+)?"
            rf"{_MOVED_TO}\s+{Q}(?P<grade>{G}){Q}(?![\w-])",
            flags,
        )
        # The whole children's service: "have been upgraded to good", "given an 'outstanding' rating",
        # "Inspectors found services for children in Norfolk to be good".
        services = r"(?:children['’]s\s+services|services\s+for\s+children)(?:\s+in\s+(?-i:[A-Z])[\w'’-]+)?"
        self.services_moved = re.compile(
            rf"\b{services}\s+(?:(?:have|has|had)\s+(?:been\s+)?|were\s+|was\s+)?(?:(?:upgraded|downgraded|raised|lowered|moved\s+(?:up|down)|improved|dropped|fallen|fell|slipped)\s+to\s+{Q}(?P<grade>{G}){Q}"
            rf"|(?:given|awarded|handed)\s+(?:an?\s+|the\s+)?{Q}(?P<grade2>{G}){Q}\s+(?:rating|grade|judge?ment))(?![\w-])"
            rf"|\bfound\s+{services}\s+to\s+be\s+{Q}(?P<grade3>{G}){Q}(?![\w-])(?!\s+(?:at|in|{_FOR}|on)\b)",
            flags,
        )
        # "Investigating crime, previously inadequate, is now adequate": the grade now and the one before.
        self.area_previously = re.compile(
            rf"{A},\s+(?:which\s+was\s+|having\s+been\s+)?(?:previously|formerly|once)\s+(?:(?:rated|judged|graded|assessed\s+as)\s+)?{Q}(?P<before>{G}){Q}(?:\s+in\s+(?:19|20)\d\d)?,\s+"
            rf"(?:(?:is|are|has\s+been|have\s+been|was|were)\s+now|now(?=\s+requir))\s+(?:(?:rated|judged|graded|assessed\s+as|considered)\s+)?(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])",
            flags,
        )
        # "..., is now good in that area": the area just named, now.
        self.now_in_that_area = re.compile(
            rf"\b(?:is|are)\s+now\s+(?:(?:rated|judged|graded|considered)\s+)?(?:as\s+)?{Q}(?P<grade>{G}){Q}\s+(?:in|for|at)\s+(?:that|this|the\s+same)\s+(?:area|respect)\b",
            flags,
        )
        # In a prison report: "Ofsted judged the overall effectiveness of education, skills and work to be inadequate"
        # (also after a relative clause: "Ofsted, which inspected education at the same time, judged ...").
        self.ofsted_education = re.compile(
            rf"\bOfsted(?:,\s+which\s+[^,;.]{{3,80}},)?\s+(?:judged|rated|graded|found|assessed|deemed)\s+(?:the\s+)?(?P<area>overall\s+effectiveness)\s+of\s+(?:the\s+)?(?:prison['’]s\s+)?education[\w\s,]{{0,40}}?\s+(?:to\s+be\s+|as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])"
            # "Ofsted rated the prison's education, skills and work provision as inadequate overall"
            rf"|\bOfsted\s+(?:judged|rated|graded|assessed|deemed)\s+(?:the\s+)?(?:prison['’]s\s+)?education,?\s+skills\s+and\s+work(?:\s+provision)?\s+(?:to\s+be\s+|as\s+)?{Q}(?P<grade2>{G}){Q}\s+(?P<area2>overall)\b",
            flags,
        )
        # "rated poorly in two of the four tests", "scored poorly on safety", "we rated the prison
        # poorly in two of the four tests": HMI Prisons' "poor"
        # ("performing poorly" is no grade: a verb of grading must precede).
        self.rated_poorly = re.compile(
            rf"\b(?:rated|scored|assessed|judged|graded)\s+(?:(?:it|them|the\s+(?:prison|establishment|jail|institution|service))\s+)?poorly\s+(?:in|for|on|against)\s+(?:(?P<count>{N})\s+(?:out\s+)?of\s+(?:the|its)\s+(?P<out_of>{N})\s+{_GRADED_THINGS}|(?:(?:its|the)\s+)?{A})",
            flags,
        )
        # The whole body, graded with it as object: "Ofsted gave the council a 'requires improvement'
        # rating overall", "Ofsted rated the council inadequate in 2019".
        body = r"(?:the\s+(?:council|local\s+authority|authority)(?:['’]s\s+children['’]s\s+services)?|its\s+children['’]s\s+services)"
        self.body_object = re.compile(
            rf"\b(?:gave|given|awarded|handed)\s+{body}\s+(?:an?\s+)?{Q}(?P<grade>{G}){Q}\s+(?:rating|grade|judge?ment)(?P<overall>\s+overall)?(?![\w-])"
            rf"|\b(?:rated|judged|graded|found)\s+{body}\s+(?:as\s+|to\s+be\s+)?{Q}(?P<grade2>{G}){Q}(?![\w-])(?!\s+(?:at|{_FOR}|on|in)\b)",
            flags,
        )
        # "The council retained its good rating", "kept its 'outstanding' rating", "Its overall rating
        # remained good": the grade now, and the same at the inspection before.
        self.kept_rating = re.compile(
            rf"\b(?:retained|retains|kept|keeps|keeping|retaining|maintained|maintains|held\s+on\s+to|holds\s+on\s+to)\s+(?:its|their|the)\s+(?:overall\s+)?{Q}(?P<grade>{G}){Q}\s+(?:rating|grade|judge?ment)(?![\w-])(?!\s+(?:for|in|on|at)\s+(?!(?:19|20)\d\d))"
            rf"|\boverall\s+(?:rating|grade|judge?ment)\s+(?:remained|remains|stayed|stays)\s+(?:at\s+)?{Q}(?P<grade2>{G}){Q}(?![\w-])",
            flags,
        )
        # "Five of its nine grades were good": a count with the grades as subject.
        self.count_of_grades = re.compile(
            rf"\b(?P<count>{N})\s+(?:out\s+)?of\s+(?:its|the|their)\s+(?P<out_of>{N})\s+(?:grades|ratings|judge?ments)\s+(?:were|was|are|is)\s+{judged}{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+or\b)",
            flags,
        )
        # "..., and adequate in the rest": what the list's other counts leave of its total.
        self.count_rest = re.compile(
            rf"(?<![\w-]){Q}(?P<grade>{G}){Q}(?![\w-])\s+(?:in|for|across)\s+(?:all\s+)?the\s+(?:rest|remainder|others)\b(?!\s+of\b)",
            flags,
        )
        # "the only force to be graded outstanding in any area, for preventing crime"
        self.any_area_for = re.compile(
            rf"(?<![\w-]){Q}(?P<grade>{G}){Q}\s+in\s+any\s+(?:area|category|pillar)\s*,?\s+(?:for|at|in)\s+(?:(?:its|the)\s+)?(?:work\s+(?:to|on)\s+)?{A}",
            flags,
        )
        # "did not receive an inadequate grade", "was not given any inadequate ratings", "received no
        # outstanding grades": a zero count.
        self.no_grade_received = re.compile(
            rf"\b(?:did\s+not|didn['’]t|was\s+not|wasn['’]t|were\s+not)\s+(?:receive|get|given|awarded|handed)\s+(?:a|an|any)\s+{Q}(?P<grade>{G}){Q}\s+(?:grades?|ratings?|judge?ments?)\b"
            # "received no outstanding or inadequate grades", "was given no inadequate ratings"
            rf"|\b(?:received|receives|got|gets|was\s+given|were\s+given|was\s+awarded|were\s+awarded|has(?:\s+received)?|have\s+received|had)\s+no\s+{Q}(?P<grade1>{G}){Q}(?:\s+or\s+{Q}(?P<grade2>{G}){Q})?\s+(?:grades|ratings|judge?ments)\b",
            flags,
        )
        # "services for children looked after and care leavers are no longer inadequate": the grade
        # before this inspection (the areas'; the whole service's with no area named).
        self.no_longer = re.compile(
            rf"(?:{A}|\b(?P<whole>(?:children['’]s\s+)?services(?:\s+for\s+children)?(?:\s+in\s+(?-i:[A-Z])[\w'’-]+)?))\s+(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?no\s+longer\s+"
            rf"(?:(?:rated|judged|graded|found\s+to\s+be|considered|deemed)\s+(?:as\s+|to\s+be\s+|to\s+(?=requir))?)?{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:in|for|at)\s+any\b)",
            flags,
        )
        # "Derby children's services lose 'good' rating": the grade of the inspection before.
        self.lost_rating = re.compile(
            rf"\b(?:lose|loses|lost|losing|stripped\s+of)\s+(?:its\s+|their\s+|the\s+)?(?:overall\s+)?{Q}(?P<grade>{G}){Q}\s+(?:overall\s+)?(?:(?:ofsted|cqc)\s+)?(?:rating|grade|judge?ment|status)\b",
            flags,
        )
        # "X and Y were both among the areas judged inadequate two years ago, along with Z":
        # the areas named before it in its clause, and those after "along with".
        self.among_areas = re.compile(
            rf"\b(?:was|were|is|are)\s+(?:both\s+|all\s+|also\s+)?among\s+the\s+(?:\w+\s+)?(?:areas|judge?ments)\s+(?:(?:that|which)\s+(?:was|were|is|are)\s+)?"
            rf"(?:(?:judged|rated|graded|found|assessed)\s+(?:to\s+be\s+|as\s+|to\s+(?=requir))?|(?=requir))(?P<grade>{G}){Q}(?![\w-])(?P<rest>[^.;]*?,?\s+along\s+with\s+[^.;]+)?",
            flags,
        )
        # "In our 2017 efficiency inspection the force was judged good": an inspection of one area.
        self.area_inspection = re.compile(
            rf"\b(?:in|at|after)\s+(?:our|its|the|their|a)\s+(?:(?:19|20)\d\d\s+)?{A}\s+inspection\b(?:\s+(?:in|of)\s+(?:19|20)\d\d)?,?\s+(?:the\s+(?:force|council|constabulary|service|local\s+authority|authority)|it|they)\s+(?:was|were|had\s+been)\s+(?:(?:judged|rated|graded|assessed\s+as|found\s+to\s+be)\s+)?(?:as\s+)?{Q}(?P<grade>{G}){Q}(?![\w-])(?!\s+(?:at|in|for|on|overall)\b)",
            flags,
        )
        # "an inspection which found that the council provides good services for children in care and
        # care leavers": an inspector's finding about a graded area's services (a bare "provides good
        # services" is no grading).
        self.found_services = re.compile(
            rf"\b(?:found|judged|concluded)\s+(?:that\s+)?(?:the\s+(?:council|local\s+authority|authority|trust)|it)\s+(?:provides?|provided|offers?|offered|delivers?|delivered)\s+{Q}(?P<grade>{G}){Q}\s+services?\s+(?:for|to)\s+{A}",
            flags,
        )
        self.together_with = re.compile(rf"\s+together\s+with\s+(?:those\s+for\s+|the\s+)?{A}", flags)
        # "rated good across the board": a count of all the areas, when the sentence says how many.
        self.across_board = re.compile(rf"(?<![\w-]){Q}(?P<grade>{G}){Q}\s+across\s+the\s+board\b", flags)
        # "Its grade for investigating crime is unchanged, having also been ...": the area of the grade.
        self.grade_for_area = re.compile(rf"\b(?:grade|rating|judge?ment)\s+for\s+(?:its\s+|their\s+|the\s+)?(?:work\s+(?:to|on)\s+)?{A}", flags)
        # "Its investigation of crime was rated adequate, which it was also given in 2022": the same grade then.
        self.also_given = re.compile(
            rf",\s+which\s+(?:it|they|the\s+\w+)\s+(?:was|were|had\s+been|has\s+been)\s+(?:also\s+)?(?:given|awarded|rated|graded|judged)\s+(?:also\s+)?"
            rf"(?:in|at)\s+(?:(?:19|20)\d\d|(?:its|the|their)\s+(?:last|previous)\s+inspection)\b",
            flags,
        )
        # "rated outstanding in 2016, and as good in 2017", "judged inadequate in 2014, requires
        # improvement to be good in 2016 and ...": the same area, a grade of another year.
        # "judged good in 2023 after requiring improvement in 2018": the grade before, of the same area.
        self.after_earlier = re.compile(
            rf"\bafter\s+(?:(?P<requiring>requiring\s+improvement(?:\s+to\s+be\s+good)?)|(?:being\s+|having\s+been\s+)(?:rated|judged|graded|found\s+to\s+be)\s+(?:as\s+)?{Q}(?P<grade>{G}){Q})\s+in\s+(?:(?-i:[A-Z])[a-z]+\s+)?(?P<year>(?:19|20)\d\d)\b",
            flags,
        )
        # "rated not sufficiently good for X in 2019 but reasonably good at its latest inspection": the same area, now.
        self.but_latest = re.compile(
            rf"\bbut\s+(?:(?:was|were|is|are)\s+)?(?:(?:rated|judged|graded|found)\s+)?(?:as\s+|to\s+be\s+)?{Q}(?P<grade>{G}){Q}\s+(?:at\s+(?:its|the|their)\s+(?:latest|most\s+recent|newest)\s+(?:full\s+)?inspection|this\s+time|(?:by\s+)?now)\b",
            flags,
        )
        self.and_as_year = re.compile(
            rf"(?:\band|,)\s+(?:then\s+|later\s+)?(?:(?:was|were)\s+)?(?:(?:rated|judged|graded|found)\s+)?(?:as\s+|to\s+be\s+)?{Q}(?P<grade>{G}){Q}\s+in\s+(?:(?-i:[A-Z])[a-z]+\s+)?(?:19|20)\d\d\b",
            flags,
        )
        # "good in half of the eight areas", "adequate in all but one of its nine areas",
        # "Half of the eight areas were rated good": a count in words, kept only
        # when the sentence states the total it is a part of.
        self.count_fraction = re.compile(
            rf"(?<![\w-]){Q}(?P<grade>{G}){Q}(?:\s+or\s+{Q}(?P<or_grade>{G}|better|above){Q})?\s+(?:in|for|across)\s+(?:(?P<half>half)|all\s+but\s+(?P<but>{N}))\s+(?:of\s+)?(?:(?:the|its)\s+)?(?:(?P<out_of>{N})\s+)?(?:(?:inspected|graded|assessed)\s+)?(?:{_GRADED_THINGS}|of\s+(?:them|these))"
            rf"|\b(?P<half2>half)\s+of\s+(?:the|its)\s+(?:(?P<out_of2>{N})\s+)?{_GRADED_THINGS}\s+(?:(?:were|was|are|is)\s+)?(?:(?:rated|judged|graded|assessed\s+as|found\s+to\s+be)\s+)?(?:as\s+)?{Q}(?P<grade2>{G}){Q}(?![\w-])",
            flags,
        )
        # "with the remaining area - responding to the public - judged to require improvement", "one
        # question, leadership, was rated inadequate": the area an aside names takes the grade after it.
        self.aside_area = re.compile(
            rf"\b(?:the\s+(?:remaining|other|last|final|only)|one|another|a\s+(?:single|further))\s+(?:area|question|pillar|test|standard|judge?ment)\s+(?P<dash>[-–—(,])\s*{A}\s*(?(dash)[-–—),])\s+(?:(?:was|were|is|being)\s+)?(?:rated|judged|graded|assessed|found)\s+(?:to\s+be\s+|as\s+|to\s+(?=requir))?{Q}(?P<grade>{G}){Q}(?![\w-])",
            flags,
        )

        # A flattened table row of a round-up: "Nottingham City PDU March 2024 Inadequate" under "Probation
        # delivery unit Inspected Overall rating": the body named first, its inspection's date, its overall grade.
        self.dated_row = re.compile(
            rf"^\s*(?-i:[A-Z])[\w'’&-]*(?:\s+(?:and\s+|of\s+)?(?-i:[A-Z])[\w'’&-]*){{0,6}}\s+(?:{_MONTH})?(?P<year>(?:19|20)\d\d)\s+{Q}(?P<grade>{G}){Q}\s*$",
            flags,
        )

    def __call__(self, doc: Doc) -> Doc:
        if self.scales is None:
            self.initialize()
        ctx = get_context(doc)
        orgs = OrganisationIndex(doc)
        inspection_year = _year_of(ctx.inspection.date)
        spans: list[Span] = []
        seen: set[tuple] = set()
        # `_emit` reads these; they are set afresh after the tables are read.
        self._explicit, self._table_areas, self._document_total, self._chain = set(), set(), None, None
        self._services_tally = None  # (doc id, sentence, services inspected) of a CQC tally (`_SERVICES_TALLY`)
        # (Read by `_emit`.)
        self._no_grade_visit = bool(ctx.title and _NO_GRADE_VISIT.search(ctx.title))
        # (Read by `_previous`: minutes report in the past perfect throughout.)
        self._minutes = bool(ctx.title and ctx.title.lstrip()[:7].lower() == "minutes")
        self._repeated: list[tuple[int, int]] = []  # a rule's grade already recorded: not the learned layer's to re-read
        table_rows = self._tables(doc, ctx, orgs, inspection_year, spans, seen)
        if ctx.inspection.scale == "peel-2014" and "How e" in (ctx.text or ""):
            self._peel_questions(doc, ctx, orgs, inspection_year, spans, seen)
        if ctx.inspection.programme in ("SIF", "ILACS") and "afeguarding" in (ctx.text or ""):
            self._pre_sif_grades(doc, ctx, orgs, inspection_year, spans, seen)
            if "Safeguarding Children Board" in ctx.text:
                self._safeguarding_board(doc, ctx, orgs, inspection_year, spans, seen)
        sentences = ctx.sentences
        last_total: tuple[int, int] | None = None
        earlier_total: tuple[int, int, int | None] | None = None  # the same (and its year), stated for an earlier inspection
        document_total: int | None = None
        self._chain: tuple[int, int | None, set] | None = None
        self._orgs = orgs
        self._current_end: int | None = None
        self._document_total: int | None = None  # for `_find`: how many areas this inspection graded
        self._explicit: set[tuple[int, int]] = set()  # offsets of gradings `_keep_table_areas` keeps
        # For `_find`: an area phrase that is no area of this document's inspectorate ("services" is
        # HMI Probation's) claims nothing, so that the rule reading the phrase otherwise can.
        # (and of the inspectorates of the bodies it names: a round-up may cover a prison and a council)
        named_kinds = {self._kind(org_id) for org_id in set(orgs.ids)}
        plausible = {ctx.inspection.inspectorate} | {_KIND_INSPECTORATE[k][0] for k in named_kinds if k in _KIND_INSPECTORATE}
        self._area_scale = (_document_scale(ctx.inspection, inspection_year), ctx.inspection.inspectorate, plausible)
        self._table_areas: set[tuple] = set()  # table rows that restate a prose grade (`_keep_table_areas`)
        follows: tuple[int, str, bool, int | None] | None = None
        last_area: tuple[int, str] | None = None  # the sentence and the area graded last in it
        echo: tuple[int, list[Span]] | None = None
        # Keyword offsets found once in the whole text, looked up per sentence.
        grade_index = ctx.literal_index(_GRADE_LITERALS)
        gates = self._gates()
        gates.forget()
        attend = self._sentences_to_read(ctx, sentences, grade_index) if gates.enabled else None
        for i, sent in enumerate(sentences):
            if attend is not None and i not in attend:
                continue
            if sent.start_char in table_rows:
                continue
            sent_text = sent.text.rstrip()
            sent_end = sent.start_char + len(sent_text)
            if grade_index.offsets is None:
                low = ctx.folded(sent.start_char, sent_end)
                has_grade_word = _GRADE_LITERALS.any_in(low)
            else:  # most sentences have no grade word: fold only those that do
                has_grade_word = grade_index.any_within(sent.start_char, sent_end)
                low = ctx.folded(sent.start_char, sent_end) if has_grade_word else None
            if low is not None:
                gates.reading(sent_text, low)
            if "areas" in sent_text or "questions" in sent_text or "pillars" in sent_text or "tests" in sent_text or "standards" in sent_text or (not has_grade_word and ("judgements" in sent_text or "judgments" in sent_text)):
                across_only = gates.across(self.across, sent_text, low)
                if across_only and not gates.search(_PREVIOUS_CUE, sent_text, gate=True) and not _mentions_earlier_year(sent_text, inspection_year):
                    total = _total_of(across_only)
                    if not across_only.group("out_of6"):  # ("how good it is in eight areas" states the next sentence's total only)
                        document_total = total if document_total is None else document_total
                    if not has_grade_word and total:
                        last_total = (i, total)  # "The force was inspected in nine areas." states the next sentence's total
            if echo and echo[0] == i - 1 and not (has_grade_word and gates.grade_word(self.grade_word, sent_text, low)) and gates.search(_SAME_AS_BEFORE, sent_text, gate=True):
                # "The assessments are identical to those given at the previous
                # inspection in 2019": the last sentence's grades, at that inspection.
                years = [int(y) for y in _YEAR.findall(sent_text) if inspection_year is None or int(y) < inspection_year]
                # Span values are keyed by offsets: each record covers one word fewer.
                ends = [w.end() for w in re.finditer(r"\S+", sent_text)]
                for k, sp in enumerate(echo[1][: len(ends)]):
                    found = _Found(0, ends[-1 - k], sp.label_, sp._.area, sp._.count, sp._.out_of)
                    self._emit(doc, sent, found, ctx, orgs, inspection_year, spans, seen, org_id=sp._.organisation_id, previous=True, year=years[0] if years else None)
            both = self.both_improvement.match(sent_text) if echo and echo[0] == i - 1 and _IMPROVEMENT_STARTS.any_in(sent_text.lower()) else None
            if both:
                # Span values are keyed by offsets: each record covers one word fewer.
                ends = [w.end() for w in re.finditer(r"\S+", sent_text)]
                year = int(both.group("year")) if both.group("year") else None
                for k, sp in enumerate(echo[1][: len(ends)]):
                    found = _Found(0, ends[-1 - k], both.group("grade"), sp._.area)
                    self._emit(doc, sent, found, ctx, orgs, inspection_year, spans, seen, org_id=sp._.organisation_id, previous=True, year=year)
            both_named = False
            both_now = self.both_now.match(sent_text) if i and sent_text.lstrip()[:4].lower() in ("both", "thes", "thos", "all ") else None
            if both_now:
                named = list(dict.fromkeys(a.group(0) for a in self.scales.area_regex.finditer(sentences[i - 1].text)))
                wanted = 2 if both_now.group("both") else parse_int(both_now.group("number") or both_now.group("all"))
                ends = [w.end() for w in re.finditer(r"\S+", sent_text)]
                if len(named) == wanted and wanted <= len(ends):
                    both_named = True  # (its number is of those areas: no count of its own)
                    for k, area in enumerate(named):
                        # Span values are keyed by offsets: each record covers one word fewer.
                        found = _Found(both_now.start("grade"), max(ends[-1 - k], both_now.end("grade")), both_now.group("grade"), area)
                        self._emit(doc, sent, found, ctx, orgs, inspection_year, spans, seen)
            if follows and follows[0] == i - 1 and _LIST_FOLLOWS.match(sent_text):
                # "Three areas were judged inadequate. These include X, Y and Z."
                for extra in self.scales.area_regex.finditer(sent_text):
                    found = _Found(extra.start(), extra.end(), follows[1], extra.group(0))
                    self._emit(doc, sent, found, ctx, orgs, inspection_year, spans, seen, previous=follows[2], year=follows[3])
            if (
                not has_grade_word
                or not (gates.grade_word(self.grade_word, sent_text, low) or (self.score_grades and _SCORED.search(sent_text)))
                or not (
                    gates.has_area(sent_text, low)
                    or gates.search(_GRADING_CONTEXT, sent_text)
                    # "... in nine areas. Essex was below standard in just one of the nine.": the
                    # sentence after a stated total goes on counting without naming what it counts.
                    or (last_total is not None and last_total[0] == i - 1)
                    or (len(sent_text) < 120 and sent_text.lstrip()[:1].isdigit() and self.numbered_standard.match(sent_text))
                    or (len(sent_text) < 100 and (":" in sent_text or " – " in sent_text or " — " in sent_text or " - " in sent_text) and self.name_grade_line.match(sent_text))
                )
            ):
                # A table split over two blocks: the area here, its grade next.
                # (The next sentence is tried first: it is rarely a bare grade.)
                question = self.question_area.match(sent_text) if len(sent_text) < 80 and sent_text.lstrip()[:3].lower() in ("are", "is ") else None
                nxt = sentences[i + 1] if len(sent_text) < 140 and i + 1 < len(sentences) and (question or gates.may_end_with_area(sent_text)) else None
                grade_match = nxt and (
                    (gates.may_be_grade_only(nxt.text) and (gates.lead_grade(self.grade_only, nxt.text.rstrip()) or gates.lead_grade(self.grade_lead, nxt.text)))
                    or (len(nxt.text) < 60 and ":" in nxt.text and self.grade_labelled.match(nxt.text))
                )
                match = grade_match and (question or gates.lead_area(self.area_only, sent_text, low))
                if match:
                    found = _Found(match.start("area"), nxt.start_char - sent.start_char + grade_match.end("grade"), grade_match.group("grade"), match.group("area"), method="table")
                    self._emit(doc, sent, found, ctx, orgs, inspection_year, spans, seen, whole=(sent.start_char, nxt.end_char))
                continue
            before = len(spans)
            self._document_total = document_total
            founds = self._find(sent_text, low)
            if any(f.bare_count for f in founds):
                # "Of those ten [forces], only one was rated good. Two were adequate, four
                # require improvement ...": the numbers count organisations, not areas.
                head = sentences[i - 1].text + " " + sent_text if i else sent_text
                if _counts_bodies(head):
                    # (not a count after a named body: "GMP was given four good ratings")
                    founds = [f for f in founds if not f.bare_count or self._names_other(sent.start_char, sent.start_char + f.start, set())]
            if founds and "at least " in sent_text:
                # "the forces that received at least one inadequate grade": a threshold, no body's count.
                founds = [f for f in founds if f.count is None or not (_AT_LEAST_BEFORE.search(sent_text, max(0, f.start - 12), f.start) and _NUMBER_AT.match(sent_text, f.start))]
            if founds and _counts_bodies(sent_text):  # (it only filters what was found)
                # "Of the eight forces inspected, three were rated inadequate at investigating crime":
                # the grade of some of those forces, not of the document's subject.
                numbered = [f.start for f in founds if _NUMBER_SUBJECT.search(sent_text, 0, f.start)]
                if numbered:
                    # (and its elided grades after it, "..., and two for investigating crime", unless a body is named)
                    founds = [f for f in founds if f.start < numbered[0] or (f.start not in numbered and self._names_other(sent.start_char + numbered[0], sent.start_char + f.start, set()))]
                # "rated it poor in 24 of the 41 prisons it visited": a count of bodies.
                founds = [f for f in founds if f.count is None or not _COUNTS_BODIES.search(sent_text, f.start, min(len(sent_text), f.end + 40))]
            if founds and any(w in (low or sent_text.lower()) for w in _BODIES_SUBJECT_WORDS):
                founds = [f for f in founds if not _bodies_subject(sent_text, f.start)]  # "almost half of forces were inadequate at ..."
            if both_named:
                founds = [f for f in founds if f.count is None]  # "Both of those are now graded adequate": the two areas named before
            this_area = gates.search(self.this_area, sent_text, gate=True) if not founds and (low is None or "area" in low or "question" in low or "test" in low or "standard" in low) else None
            if this_area:
                # The area named last before it in the sentence, else in the sentence before.
                named = list(self.scales.area_regex.finditer(sent_text, 0, this_area.start())) or (list(self.scales.area_regex.finditer(sentences[i - 1].text)) if i else [])
                if named:
                    founds.append(_Found(this_area.start(), this_area.end(), this_area.group("grade") or this_area.group("grade2") or this_area.group("grade3"), named[-1].group(0), explicit=True))
                    running = gates.search(_RUNNING, sent_text, gate=True)
                    if running:  # "..., with that key question scoring 'good' for the third inspection in a row"
                        founds.append(_Found(min(this_area.start(), running.start()), max(this_area.end(), running.end()), founds[-1].grade, founds[-1].area, previous=True))
            if not founds and ("d this " in (low or sent_text.lower())):
                # "We estimate that it records 93.4 percent of reported crime, and we graded this as good":
                # the area named last before it, in the sentence or the one before.
                self._graded_this(sent_text, sentences[i - 1].text if i else "", founds)
            if i and founds and "stayed the same" in sentences[i - 1].text and self.rating_same.search(sentences[i - 1].text):
                # "Our rating of this service stayed the same. We rated it as good because:"
                for f in [f for f in founds if f.area == OVERALL and f.previous is None and f.count is None]:
                    # Its own offsets (span values are keyed by them).
                    founds.append(_Found(0, f.end, f.grade, OVERALL, previous=True) if f.start else _Found(f.start, min(f.end + 1, len(sent_text)), f.grade, OVERALL, previous=True))
            if "the trust's overall rating" in sent_text or "the trust’s overall rating" in sent_text:
                # A CQC location's report: "This inspection did not change the trust's overall rating, which remains
                # requires improvement": a kept grade of the trust that runs the location (named on the page), not the location's.
                m = _TRUST_RATING_KEPT.search(sent_text)
                trust = next((sp._.organisation_id for sp in doc.spans.get("organisations", []) if sp._.organisation_id and sp._.organisation_id.endswith("-trust") and sp._.organisation_id != ctx.subject_id), None) if m else None
                if trust:
                    for previous, end in ((False, m.end("grade")), (True, m.start("grade") - 1)):  # (span values are keyed by offsets: one word fewer)
                        self._emit(doc, sent, _Found(m.start(), end, m.group("grade"), OVERALL), ctx, orgs, inspection_year, spans, seen, org_id=trust, previous=previous, year=None if previous else inspection_year)
            if not founds and sent_text.lstrip().startswith("No service ") and getattr(self, "_services_tally", None) and self._services_tally[:2] == (id(doc), i - 1):
                m = _NO_SERVICE.match(sent_text)
                if m:
                    founds.append(_Found(m.start("grade"), m.end("grade"), m.group("grade"), None, 0, self._services_tally[2]))
            if not founds and " services as " in sent_text:
                # CQC's tally of one key question over the core services inspected: "We rated safe in one of the
                # five services as inadequate, in two as requires improvement and in the remaining two as good":
                # counts of the location's ratings (ANNOTATION.md), each out of the services inspected.
                m = _SERVICES_TALLY.search(sent_text)
                if m and (out_of := parse_int(m.group("out_of"))):
                    self._services_tally = (id(doc), i, out_of)  # "No service was rated outstanding for safe." next: 0 of them
                    founds.append(_Found(m.start("count"), m.end("grade"), m.group("grade"), None, parse_int(m.group("count")), out_of))
                    c = _TALLY_MORE.match(sent_text, m.end())
                    while c:  # ", in two as requires improvement and in the remaining two as good"
                        if parse_int(c.group("count")):
                            founds.append(_Found(c.start("count"), c.end("grade"), c.group("grade"), None, parse_int(c.group("count")), out_of))
                        c = _TALLY_MORE.match(sent_text, c.end())
            if not founds and "against this healthy prison test" in sent_text:
                # HMI Prisons' closing judgement of a test's section: "Outcomes for prisoners were not
                # sufficiently good against this healthy prison test" grades the test its heading names.
                m = _THIS_TEST.search(sent_text)
                named = list(self.scales.area_regex.finditer(ctx.section(sent.start_char) or "")) if m else []
                if named:
                    founds.append(_Found(m.start("grade"), m.end("grade"), m.group("grade"), named[-1].group(0)))
            if i and founds and "d it as " in sent_text:
                # CQC's key question for one core service: "Our rating of safe went down. We rated it as
                # inadequate because:" (or under "Is the service safe?" / a grade line): "it" is that key question.
                key = _key_question_before(sentences, i)
                if key:
                    for f in founds:
                        if f.area == OVERALL and f.count is None:
                            f.area = key
            stated = [f.out_of for f in founds if f.count is not None and f.out_of and not f.summed]
            across = gates.across(self.across, sent_text, low)
            if across:
                stated.append(_total_of(across))
            this_area = gates.search(self.in_this_area, sent_text, gate=True) if i and not any(f.area for f in founds) and (" area" in sent_text or "from" in sent_text) else None
            if this_area:
                named = list(self.scales.area_regex.finditer(sentences[i - 1].text))
                g = "grade" if this_area.group("grade") else "before"
                if named:
                    founds.append(_Found(this_area.start(g), this_area.end(), this_area.group(g), named[-1].group(0), previous=True if g == "before" else None))
            for found in founds:
                if found.area == THAT_AREA:
                    # "In the previous round it had been rated good in that area": the area just graded.
                    if not last_area or last_area[0] != i - 1:
                        continue
                    found.area = last_area[1]
                if found.method == "count" and found.area is None and _PRACTICE_AFTER.match(sent_text, found.end):
                    continue  # "one area of outstanding practice" (CQC's notable practice), no count of a grade
                if found.area and not found.explicit and (low is None or "we " in low or "inspectors" in low) and _WE_GRADED.search(sent_text, 0, found.start):
                    found.explicit = True  # "we graded the force outstanding at X": stands beside a judgement table without X
                # "It was judged adequate in one, requires improvement in five and
                # inadequate in three" right after "... three of the nine areas":
                # the total carries over from the sentence before.
                if found.summed and last_total and last_total[0] == i - 1 and found.out_of < last_total[1]:
                    # "good in four of the eleven areas. ... adequate in five areas and requires improvement
                    # in the remaining two": the list runs on from the sentence before, whose total it shares.
                    found.out_of = None
                if found.count is not None and found.out_of is None:
                    # A round-up's total is the total of the body it was stated for.
                    other_body = ctx.subject_id is None and last_total is not None and orgs.near(sent.start_char + found.start, sent.start_char) != orgs.near(sentences[last_total[0]].end_char - 1, sentences[last_total[0]].start_char)
                    if not other_body and last_total is not None and ctx.subject_id is not None and i != last_total[0]:
                        # An explainer's line per body ("Norfolk: good in three of the 11 areas ...",
                        # then "Suffolk: good in four areas"): another body than the subject's total is not its.
                        here = orgs.near(sent.start_char + found.start, sent.start_char)
                        other_body = here is not None and here != ctx.subject_id and here != orgs.near(sentences[last_total[0]].end_char - 1, sentences[last_total[0]].start_char)
                    if last_total and i - last_total[0] <= (4 if found.count else 1) and not other_body and found.count <= last_total[1]:  # (no "four questions" of three pillars)
                        # A zero count takes a total only from the sentence before (ANNOTATION.md);
                        # a total of the current inspection is not an earlier one's (`_emit`).
                        found.out_of = last_total[1]
                        found.document_total = True
                    elif earlier_total and i - earlier_total[0] <= 1 and all(int(y) == earlier_total[2] for y in _YEAR.findall(sent_text)):
                        # "... when it was graded outstanding in four of ten areas. Investigating crime
                        # was one of two areas rated adequate at that time.": that inspection's total.
                        found.out_of = earlier_total[1]
                        found.earlier_total = True
                    elif document_total and found.count and not found.bare_count and ctx.subject_id is not None and orgs.near(sent.start_char + found.start, sent.start_char) in (ctx.subject_id, None):
                        # A zero count ("not rated inadequate in any area") holds
                        # whatever the total: only a nearby one is its own. (Another body's count,
                        # "Derbyshire Fire and Rescue Service was graded good in eight areas", is not of this total.)
                        found.out_of = document_total
                        found.document_total = True
                    elif found.count and not found.bare_count and ctx.subject_id is not None and i + 1 < len(sentences) and " any of " in sentences[i + 1].text and orgs.near(sent.start_char + found.start, sent.start_char) in (ctx.subject_id, None):
                        # "graded outstanding in one area, good in three, ... . It was not graded inadequate
                        # in any of the eight areas we graded.": the zero count right after states the list's total.
                        after = self.across.search(sentences[i + 1].text)
                        total = _total_of(after) if after and not _mentions_earlier_year(sentences[i + 1].text, inspection_year) else None
                        if total and found.count <= total:
                            found.out_of = total
                            found.document_total = True
                self._emit(doc, sent, found, ctx, orgs, inspection_year, spans, seen)
            new = spans[before:]
            graded = [sp for sp in new if sp._.area and sp._.count is None]
            last_area = (i, graded[-1]._.area) if graded else None
            counted = [sp for sp in new if sp._.count and sp._.area is None]
            current = [sp for sp in new if not sp._.previous and sp._.area]
            echo = (i, current) if current else None
            # One count in the sentence: a next sentence "These include ..." names its areas.
            follows = (i, counted[0].label_, counted[0]._.previous, counted[0]._.year) if len(counted) == 1 else None
            if stated and stated[-1] and not (new and all(sp._.previous for sp in new)):
                # An earlier inspection's total does not carry into the current one's counts.
                last_total = (i, stated[-1])
            elif stated and stated[-1]:
                earlier_total = (i, stated[-1], new[0]._.year)
            if across and document_total is None and not across.group("out_of6") and not gates.search(_PREVIOUS_CUE, sent_text, gate=True) and not _mentions_earlier_year(sent_text, inspection_year):
                # "HMICFRS assessed the force across 11 areas": the current inspection's total.
                document_total = _total_of(across)
            # Only a sentence wholly about an earlier inspection starts a chain.
            # (Not one giving the grade now against it: "rated requires improvement, down from good in 2019".)
            self._chain = (sent.start_char + len(sent_text), new[0]._.year, {sp._.organisation_id for sp in new}) if new and all(sp._.previous for sp in new) and not _NOW_AGAINST_EARLIER.search(sent_text) else None
            # A sentence that gave a current grade does not date the next one ("X is rated G now, having been H in 2019. Y was ...").
            self._current_end = sent.start_char + len(sent_text) if any(not sp._.previous for sp in new) else None
        if self.classifier is not None and self.learned:
            self._learned_layer(doc, ctx, orgs, inspection_year, spans, seen)
        self._keep_table_areas(ctx, spans)
        self._share_coordinated_subjects(doc, spans, seen)
        self._share_place_bodies(doc, spans, seen)
        self._drop_untotalled_counts(spans)
        self._area_scale = (None, None, set())
        self._orgs = None  # (not the last document's mentions kept alive between documents)
        doc.spans[SPANS_KEY] = spans
        return doc

    def learned_candidates(self, ctx, orgs, inspection_year, rule_offsets, *, include_covered: bool = False, keep_sentence=None):
        """The grade terms no rule grading covers (`grading_model.find_candidates`) and their features."""
        candidates = grading_model.find_candidates(ctx, rule_offsets, include_covered=include_covered, keep_sentence=keep_sentence, literals=_GRADE_LITERALS)
        if not include_covered:
            # "good progress", "an adequate number": the grade word qualifies a noun. (Left to
            # the classifier in training, where every grade term is an example.)
            candidates = [c for c in candidates if not _LEARNED_ATTRIBUTIVE.match(c.sentence_text, c.end - c.sentence_start)]
        if not candidates:
            return [], []
        context = grading_model.document_context(ctx, orgs, self._gates(), inspection_year)
        return candidates, [grading_model.features(c, context) for c in candidates]

    def _learned_layer(self, doc, ctx, orgs, inspection_year, spans, seen) -> None:
        """Grade terms the rules left alone that the classifier reads as a grading:
        emitted as the rules do (`_emit`), with `method` "learned"."""
        # A report's judgement table gives the subject's current grades (`_keep_table_areas`):
        # beside one, only earlier grades are left for the layer to find, in sentences
        # with a word that can date a grade (`_EARLIER_WORDS`) or under a heading such
        # as "Previous inspections".
        table = {sp._.area for sp in spans if sp._.method == "table" and not sp._.previous and sp._.organisation_id == ctx.subject_id and sp.start_char not in getattr(self, "_side_rows", ())}
        keep = None
        if len(table) >= 3:
            previous_section: dict[tuple, bool] = {}

            def keep(k: int) -> bool:
                sent = ctx.sentences[k]
                if _EARLIER_WORDS.any_in(ctx.folded(sent.start_char, sent.end_char)):
                    return True
                i = ctx.block_index(sent.start_char)
                if i is None:
                    return False
                headings = ctx.headings[i]
                if headings not in previous_section:
                    previous_section[headings] = any(_PREVIOUS_SECTION.search(h) for h in headings)
                return previous_section[headings]
        candidates, rows = self.learned_candidates(ctx, orgs, inspection_year, [(sp.start_char, sp.end_char) for sp in spans] + getattr(self, "_repeated", []), keep_sentence=keep)
        if not candidates:
            return
        probabilities = self.classifier.probabilities(rows)
        threshold = self.classifier.threshold
        positive = 1.0 - probabilities[:, grading_model.NONE]
        self._chain = self._current_end = None  # (the loop's state: `_previous_context` reads only headings and the sentence before)
        for k in numpy.flatnonzero(positive >= threshold).tolist():
            c = candidates[k]
            if ctx.block_kind(c.start) in ("heading", "title"):
                continue  # a headline: its grade is restated, and read better, in the text
            previous = bool(probabilities[k, grading_model.PREVIOUS] > probabilities[k, grading_model.CURRENT])
            if not previous and len(table) >= 3:
                continue
            self._emit_learned(doc, ctx, orgs, inspection_year, spans, seen, c, previous, float(positive[k]))

    def learned_area(self, c, ctx, inspection_year) -> re.Match | None:
        """The area phrase nearest the candidate's grade term in its clause that
        the document's scale knows (None: the scale's overall grade)."""
        s = c.sentence_text
        start, end = c.start - c.sentence_start, c.end - c.sentence_start
        bounds = [0] + [m.end() for m in _CLAUSE_SPLIT.finditer(s)] + [len(s)]
        clause_start = max(b for b in bounds if b <= start)
        clause_end = min((b for b in bounds if b >= end), default=len(s))
        scale_id = _document_scale(ctx.inspection, inspection_year)
        best = None
        for m in self._gates().area_matches(s, ctx.folded(c.sentence_start, c.sentence_start + len(s))):
            if m.start() < clause_start or m.end() > clause_end:
                continue
            if self.scales.resolve_area(m.group(0), scale_id, ctx.inspection.inspectorate) is None:
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, m)
        return best[1] if best else None

    def learned_key_area(self, c, ctx, inspection_year) -> str | None:
        """The canonical area `_emit` would give the candidate's grading (for labelling it in training)."""
        scale_id = _document_scale(ctx.inspection, inspection_year)
        m = self.learned_area(c, ctx, inspection_year)
        if m is not None:
            resolved = self.scales.resolve_area(m.group(0), scale_id, ctx.inspection.inspectorate)
            return resolved[1] if resolved else None
        return "overall effectiveness" if scale_id in _OFSTED_SCALES else "overall" if scale_id in ("hmi-probation", "cqc") else None

    def _emit_learned(self, doc, ctx, orgs, inspection_year, spans, seen, c, previous: bool, confidence: float) -> None:
        sent_start, s = c.sentence_start, c.sentence_text
        start, end = c.start - sent_start, c.end - sent_start
        m = self.learned_area(c, ctx, inspection_year)
        if m is not None:
            after = _LEARNED_UNKNOWN_AREA_AFTER.match(s, end) if m.end() <= start else None
            named_after = self.scales.area_regex.match(s, after.end() - 1) if after else None
            if after and (named_after is None or self.scales.resolve_area(named_after.group(0), _document_scale(ctx.inspection, inspection_year), ctx.inspection.inspectorate) is None):
                # "In our 2017 efficiency inspection the force was good at planning ahead": the grade
                # is of what follows it, not of the area named before it.
                return
            found = _Found(min(m.start(), start), max(m.end(), end), c.grade, m.group(0), method="learned")
        else:
            # With no area named, the grade is the whole body's only when a rating verb gives
            # it to the whole body ("Norfolk County Council has been rated 'inadequate'", "Ofsted
            # rated the council's children's services good"; not "lifted out of 'inadequate'",
            # "Leaders of social care in X were rated inadequate"), it is not spread over areas
            # ("rated good in every area") and no unknown area follows ("good at listening to children").
            head = s[:start]
            clause_start = max([0] + [m.end() for m in _CLAUSE_SPLIT.finditer(head)])
            if not (_LEARNED_WHOLE_PASSIVE.fullmatch(s, clause_start, start) or _LEARNED_WHOLE_ACTIVE.search(s, clause_start, start)):
                return
            if _LEARNED_SPREAD_AFTER.match(s, end) or _LEARNED_UNKNOWN_AREA_AFTER.match(s, end):
                return
            found = _Found(start, end, c.grade, OVERALL, method="learned")
        for sp in spans:
            if sp.start_char < sent_start + found.end and sent_start + found.start < sp.end_char and found.area != OVERALL:
                return  # the area is one the rules have paired with a grade in this sentence
        if found.area != OVERALL and _COMPLEMENT.search(s, max(0, m.start() - 80), m.start()):
            return  # "Health outcomes for children in care are good": the area qualifies another noun
        # The rules' vetoes hold for the layer too: a negated, hypothetical or conditional grade
        # ("is not adequate", "could be rated inadequate", "whether it is good"), a grade of some
        # of several bodies counted ("two of the five forces were rated good"), and a sentence
        # of grades given "respectively", which the rules pair with their areas.
        if _denied(s, found) or _hypothetical(s, found) or _LEARNED_NEGATED.search(s, max(0, start - 50), start):
            return
        if _counts_bodies(s) and (_NUMBER_SUBJECT.search(s, 0, found.start) or _COUNTS_BODIES.search(s, found.start, min(len(s), found.end + 40))):
            return
        if any(w in s.lower() for w in _BODIES_SUBJECT_WORDS) and _bodies_subject(s, found.start):
            return  # "almost half of forces were inadequate at investigating crime"
        counted = _BODIES_COUNTED.search(s) if " of " in s else None
        if counted and found.start >= counted.start():
            return  # "14 of the 153 councils ... are rated inadequate": a number of bodies, as the rules read it
        share = _BODIES_SHARE.search(s) if _BODY_PLURALS.any_in(s.lower()) else None
        if share and found.start >= share.start():
            return  # "a quarter of councils ... are rated outstanding": a share of bodies, as the rules read it
        if c.rule_nearby and "respectively" in s:
            return
        if _LEARNED_EITHER_AFTER.match(s, end) or _LEARNED_EITHER_BEFORE.search(s, max(0, start - 40), start):
            return  # "good or outstanding", "good or better": a threshold, not a grade
        if _LEARNED_STANDARD_ROW.match(s):
            return  # a numbered standard's row: the rules read those (`_STANDARD`)
        retracted = _RETRACTED.search(s) if _RETRACTED_CUES.any_in(s.lower()) else None
        if retracted and found.start < retracted.end():
            return  # a correction note's retracted grade, as the rules read it
        if self.learned_agree:
            # The rules' own reading of the clause's time (`_previous`) must agree with the classifier's.
            body = orgs.near(sent_start + found.start, sent_start)
            own_text = self._own_part(sent_start, s, found, body) if body != ctx.subject_id else s
            by_rules = self._previous_of_body(own_text, found, inspection_year, body, ctx.subject_id)[0]
            if not by_rules and self._previous_context(doc, ctx, sent_start, s, found, inspection_year) is not False:
                by_rules = True
            if by_rules != previous:
                return
        year = None
        if previous:
            years = [int(y) for y in _YEAR.findall(s) if inspection_year is None or int(y) < inspection_year]
            year = years[0] if years else None
        else:
            year = inspection_year
        before = len(spans)
        self._emit(doc, (sent_start, s), found, ctx, orgs, inspection_year, spans, seen, previous=previous, year=year)
        if len(spans) > before:
            set_span_values(spans[-1], {"confidence": confidence})

    @staticmethod
    def _share_coordinated_subjects(doc: Doc, spans: list[Span], seen: set[tuple]) -> None:
        """"Gwent Police and South Wales Police were rated adequate for ...": a
        grading whose subject is a list of organisations holds for each of them
        (the record found is the last one's, named nearest the grade)."""
        if not spans:
            return
        text = get_context(doc).text or doc.text  # Doc.text joins every token: not per document
        # A grading shares its subject only after a plural verb at most 120
        # characters before it (`_PLURAL_PREDICATE`): most documents have none,
        # and reading every organisation span costs more than this look.
        if not any(sp._.method != "table" and _may_be_plural(text, sp.start_char) for sp in spans):
            return
        # Plain offsets, read once: (start_char, end_char, id), in text order
        # (`span_offsets`: not a Span and an Underscore object per mention).
        offsets = span_offsets(doc, "organisations")
        mentions = [(start, end, org_id) for (start, end), (org_id,) in zip(offsets, group_values(doc, offsets, ("organisation_id",))) if org_id]
        if len(mentions) < 2:
            return
        ends = [m[1] for m in mentions]
        for sp in list(spans):
            if sp._.method == "table":
                continue
            last = bisect.bisect_right(ends, sp.start_char) - 1  # the mention ending last before the grading
            if last < 1 or sp.start_char - ends[last] > 120 or mentions[last][2] != sp._.organisation_id:
                continue
            if not _PLURAL_PREDICATE.fullmatch(text, ends[last], sp.start_char):
                continue
            k = last
            while k > 0 and _COORDINATION.fullmatch(text, mentions[k - 1][1], mentions[k][0]):
                k -= 1
                other_id = mentions[k][2]
                key = (other_id, sp._.area, sp._.grade, sp._.previous, sp._.count, sp._.out_of)
                if key in seen:
                    continue
                seen.add(key)
                # Its own offsets (from the other name to the grade): span values are keyed by offsets.
                copy = Span(doc, doc.char_span(mentions[k][0], mentions[k][1]).start, sp.end, label=sp.label_)  # (a mention's offsets are its tokens')
                values = {name: getattr(sp._, name) for name in ("grade", "area", "scale", "count", "out_of", "previous", "year", "method")}
                set_span_values(copy, {**values, "organisation_id": other_id})
                spans.append(copy)

    @staticmethod
    def _share_place_bodies(doc: Doc, spans: list[Span], seen: set[tuple]) -> None:
        """"Northamptonshire's children's services are no longer judged inadequate": a
        grading whose body is named by a place several bodies of its kind share
        (`Gazetteer.shared_places`) holds for each of them."""
        gazetteer = Gazetteer.default()
        shared = gazetteer.shared_places
        text = get_context(doc).text or doc.text
        # A place counts only when capitalised (miner_organisations): most documents name none.
        if not spans or not shared or not any(place in text for place in gazetteer.shared_place_names):
            return
        offsets = span_offsets(doc, "organisations")
        mentions = [(start, end, org_id) for (start, end), (org_id,) in zip(offsets, group_values(doc, offsets, ("organisation_id",))) if org_id]
        starts = [m[0] for m in mentions]
        for sp in list(spans):
            if sp._.method == "table":
                continue
            last = bisect.bisect_right(starts, sp.start_char) - 1  # the mention the grading took its body from
            if last < 0 or mentions[last][2] != sp._.organisation_id:
                continue
            kinds = shared.get(text[mentions[last][0]:mentions[last][1]].lower())
            kind = GradingExtractor._kind(sp._.organisation_id)
            for other_id in (kinds or {}).get(kind, ()):
                key = (other_id, sp._.area, sp._.grade, sp._.previous, sp._.count, sp._.out_of)
                if other_id == sp._.organisation_id or key in seen:
                    continue
                seen.add(key)
                # Its own offsets (from the place to the grade's end): span values are keyed by offsets.
                place = doc.char_span(mentions[last][0], mentions[last][1], alignment_mode="expand")
                copy = Span(doc, place.start, max(sp.end, place.end), label=sp.label_)
                values = {name: getattr(sp._, name) for name in ("grade", "area", "scale", "count", "out_of", "previous", "year", "method")}
                set_span_values(copy, {**values, "organisation_id": other_id})
                spans.append(copy)

    @staticmethod
    def _sentences_to_read(ctx, sentences, grade_index) -> set[int] | None:
        """The indices of the sentences the loop in `__call__` can do anything
        with (None: all of them): those with a grade word and the ones either
        side (a bare grade after an area, "These include ..." after a count),
        and those with the nouns of `across`. A long report is mostly others,
        and skipping them at once saves more than any check per sentence."""
        if grade_index.offsets is None:
            return None
        starts = ctx.sentence_starts if ctx.sentences is sentences and len(ctx.sentence_starts) == len(sentences) else [s.start_char for s in sentences]
        attend: set[int] = set()
        for k in {bisect.bisect_right(starts, offset) - 1 for offset in grade_index.offsets}:
            attend.update((k - 1, k, k + 1))
        text = ctx.text
        for noun in ("areas", "questions", "pillars", "tests", "standards"):  # as the loop checks them
            offset = text.find(noun)
            while offset >= 0:
                attend.add(bisect.bisect_right(starts, offset) - 1)
                offset = text.find(noun, offset + 1)
        return attend

    def _gates(self) -> GradingGates:
        """The prefilters (miner/nlp/grading_gates.py) for the current scales, made once."""
        if self.scales is None:
            self.initialize()
        gates = getattr(self, "_grading_gates", None)
        enabled = getattr(self, "prefilter", True)  # False: every pattern everywhere (tests compare the two)
        if gates is None or gates.scales is not self.scales or gates.enabled != enabled:
            gates = self._grading_gates = GradingGates(self.scales, GRADE_PATTERN, _FAILING + "|lowest|worst|poorly", enabled=enabled)  # "its lowest grade" (`self.lowest`), "rated poorly" (`self.rated_poorly`)
        return gates

    @staticmethod
    def _drop_untotalled_counts(spans: list[Span]) -> None:
        """A headline's "inadequate in three areas" restates the body's "three of
        the nine areas": keep the one that says out of how many."""
        totalled = {(sp._.organisation_id, sp._.grade, sp._.previous, sp._.count) for sp in spans if sp._.count is not None and sp._.out_of}
        spans[:] = [
            sp for sp in spans
            if not (sp._.count is not None and not sp._.out_of and (sp._.organisation_id, sp._.grade, sp._.previous, sp._.count) in totalled)
        ]

    def _keep_table_areas(self, ctx, spans: list[Span]) -> None:
        """A report's judgement table is authoritative: prose that seems to grade
        the subject in an area the table does not have ("children in care
        services now judged to be good" in a report graded on "children in care
        and care leavers") is a description, not a grading."""
        table = {(sp._.scale, sp._.area) for sp in spans if sp._.method == "table" and not sp._.previous and sp._.organisation_id == ctx.subject_id and sp.start_char not in getattr(self, "_side_rows", ())}
        table |= getattr(self, "_table_areas", set())
        if len(table) < 3:
            return
        scales = {scale for scale, _ in table}
        spans[:] = [
            sp for sp in spans
            if sp._.method == "table" or sp._.previous or sp._.area in (None, "overall effectiveness", "overall") or sp._.organisation_id != ctx.subject_id
            or (sp.start_char, sp.end_char) in self._explicit  # "We also inspected how well it records crime ... We graded this area as inadequate."
            or sp._.scale not in scales or (sp._.scale, sp._.area) in table
            # A PEEL 2014-19 report's table of one pillar's questions: the pillar's grade is in its prose.
            or (sp._.scale == "peel-2014" and sp._.area in ("effectiveness", "efficiency", "legitimacy"))
            # "In a separate inspection of serious and organised crime, we graded the force outstanding at ...":
            # an area the table does not cover, graded elsewhere.
            or _SEPARATE_INSPECTION.search(ctx.text, max(0, sp.start_char - 200), sp.start_char)
            or _ALSO_INSPECTED.search(ctx.text, max(0, sp.start_char - 200), sp.end_char)
        ]

    def _tables(self, doc, ctx, orgs, inspection_year, spans, seen) -> set[int]:
        """Tables with a header row: areas as columns and organisations as rows
        (a round-up), or areas as rows and inspection dates as columns."""
        handled: set[int] = set()
        org_at = None  # made when a round-up table needs it: most documents have none
        self._side_rows: set[int] = set()  # rows of a table of bodies side by side: no report's judgement table
        header: list[str] | None = None
        previous_kind = None
        # A scale reported as scores ("Safety | 1 | 2" under "Score (2023) | Score (2021)"):
        # a cell that is only a score is its grade.
        scale = self.scales.scales.get(ctx.inspection.scale or "")
        scores = scale.scores if scale is not None and scale.scores else None

        def cell_grade(cell: str) -> tuple[str, int] | None:
            """A grade cell's grade and where it ends in the cell: a grade, or a score on a scale with
            scores, or both ("1 (poor)", "Poor (1)")."""
            grade = self.grade_only.match(cell)
            if grade:
                return grade.group("grade"), grade.end("grade")
            if scores is not None and cell.strip() in scores:
                return scores[cell.strip()], len(cell.rstrip())
            both = self.score_and_grade.match(cell) if scores is not None and "(" in cell else None
            if both:
                return both.group("grade") or both.group("grade2"), len(cell.rstrip())
            return None
        for i, kind in enumerate(ctx.kinds):
            if kind != "table_row":
                header, previous_kind = None, kind
                continue
            start, end = ctx.starts[i], ctx.ends[i]
            row = ctx.text[start:end]
            cells = row.split(" | ")
            labelled = [self.grade_area_cell.match(c) for c in cells]
            if all(labelled):
                # A table of areas listed under their grades, as the converter labels
                # its cells ("Adequate: Preventing crime"; miner.text.html.label_column_lists).
                offset = 0
                for cell, match in zip(cells, labelled):
                    found = _Found(offset + match.start("grade"), offset + match.end("area"), match.group("grade"), match.group("area"), method="table")
                    self._emit(doc, (start, row), found, ctx, orgs, inspection_year, spans, seen, previous=False, year=inspection_year)
                    offset += len(cell) + 3
                handled.add(start)
                previous_kind = kind
                continue
            if len(cells) < 3:
                if len(cells) == 2 and scores is not None and previous_kind == "table_row":
                    if header is None and _SCORE_COLUMN.search(cells[1]):
                        header = cells  # "Healthy prison test | Score": a column of scores
                    elif header is not None and len(header) == 2 and cells[1].strip() in scores:
                        # "Safety | 2" under it: this inspection's score
                        area = self.area_only.match(cells[0])
                        if area:
                            found = _Found(area.start("area"), len(row.rstrip()), scores[cells[1].strip()], area.group("area"), method="table")
                            self._emit(doc, (start, row), found, ctx, orgs, inspection_year, spans, seen, previous=False, year=inspection_year)
                            handled.add(start)
                elif len(cells) == 2 and scores is not None and _SCORE_COLUMN.search(cells[1]):
                    header = cells  # the table's first row
                previous_kind = kind
                continue
            if header is not None and previous_kind == "table_row" and self._count_row(doc, ctx, orgs, inspection_year, spans, seen, header, cells, start, row):
                handled.add(start)  # "Merseyside | 2 | 7 | 2" under "Service | Outstanding | Good | Adequate": counts of grades
                continue
            if header is not None and previous_kind == "table_row" and len(cells) == len(header) >= 4 and self._body_test_scores(doc, ctx, orgs, inspection_year, spans, seen, header, cells, start, row):
                handled.add(start)  # "HMP Doncaster | Safety | 1 | 2" under "Prison | Test | Score (2023) | Score (2019)"
                continue
            if header is None or previous_kind != "table_row" or not any(cell_grade(c) for c in cells[1:]):
                header = cells
                header_bodies = None  # (`_header_bodies`, when a row needs them)
                header_start = start
                previous_kind = kind
                continue
            previous_kind = kind
            if scores is not None and any(c.strip().isdigit() and c.strip() not in scores for c in cells[1:]):
                continue  # "Respect | 12 | 2": figures, not scores
            years = [_year_of(_YEAR.search(h).group(0)) if _YEAR.search(h) else None for h in header]
            latest = max((y for y in years if y), default=None)
            # "Key question | Rating | Previous rating": columns named as this
            # inspection's and the one before's, with or without a year.
            earlier = [bool(_EARLIER_COLUMN.search(h)) for h in header]
            named = [bool(_EARLIER_COLUMN.search(h) or _CURRENT_COLUMN.search(h)) for h in header]
            offset = start
            positions = []
            for cell in cells:
                positions.append(offset)
                offset += len(cell) + 3
            dated = _HISTORY_DATE.match(cells[0]) if _DATE_COLUMN.search(header[0]) else None
            if dated:
                # An inspection history ("Inspection date | Inspection type | Inspection
                # judgement", "14/03/2023 | Full | Outstanding"): each earlier row is the
                # whole service's grade at that inspection.
                row_year = int(next(y for y in dated.groups() if y))
                if inspection_year and row_year < inspection_year:
                    for column in range(1, min(len(cells), len(header))):
                        grade = self.grade_only.match(cells[column])
                        if grade and _CURRENT_COLUMN.search(header[column]):
                            cell_start = positions[column] - start
                            found = _Found(cell_start, cell_start + grade.end("grade"), grade.group("grade"), OVERALL, method="table")
                            self._emit(doc, (start, row), found, ctx, orgs, inspection_year, spans, seen, previous=True, year=row_year)
                handled.add(start)
                continue
            if len(cells) == len(header) + 1 and (_EARLIER_COLUMN.search(cells[0]) or _CURRENT_COLUMN.search(cells[0])) and not _CURRENT_COLUMN.search(header[0]):
                # CQC's "Ratings for the whole trust": the areas head the columns with no cell above the
                # rows' labels ("Safe | Effective | ... | Overall" over "Previous rating (Sept 2019) | Good | ...").
                row_earlier = bool(_EARLIER_COLUMN.search(cells[0]))
                row_year = _YEAR.search(cells[0])
                for column in range(1, len(cells)):
                    graded = cell_grade(cells[column])
                    if not graded or not self.scales.resolve_area(header[column - 1].strip(), ctx.inspection.scale, ctx.inspection.inspectorate):
                        continue
                    cell_start = positions[column] - start
                    found = _Found(cell_start, cell_start + graded[1], graded[0], header[column - 1].strip(), method="table")
                    self._emit(doc, (start, row), found, ctx, orgs, inspection_year, spans, seen, previous=row_earlier, year=_year_of(row_year.group(0)) if row_year else (None if row_earlier else inspection_year))
                    handled.add(start)
                continue
            if _SERVICES_HEADER.match(header[0]) and _OVERALL_ROW.match(cells[0]) and len(cells) == len(header) and ctx.subject_id is not None:
                self._services_overall_row(doc, ctx, orgs, inspection_year, spans, seen, header, cells, start, row, cell_grade)
                handled.add(start)
                continue
            area_text = _QUESTION_ROW.sub("", cells[0].strip())  # "Are services safe?" asks about "safe"
            first_area = self.scales.resolve_area(area_text, ctx.inspection.scale, ctx.inspection.inspectorate)
            this_column = [bool(_THIS_INSPECTION_COLUMN.match(h)) for h in header] if first_area and any(years) else None
            if this_column and any(this_column):
                # "Question | This inspection | 2018/19": the dated column is the inspection before.
                for column in range(1, min(len(cells), len(header))):
                    graded = cell_grade(cells[column])
                    if not graded or not (this_column[column] or (years[column] and (inspection_year is None or years[column] < inspection_year))):
                        continue
                    cell_start = positions[column] - start
                    found = _Found(0, cell_start + graded[1], graded[0], area_text, method="table")
                    self._emit(doc, (start, row), found, ctx, orgs, inspection_year, spans, seen, previous=not this_column[column], year=inspection_year if this_column[column] else years[column])
                    handled.add(start)
                continue
            for column in range(1, min(len(cells), len(header))):
                graded = cell_grade(cells[column])
                if not graded:
                    continue
                grade_text, grade_end = graded
                cell_start = positions[column] - start
                if first_area and not years[column] and not any(named) and column < len(header) and len(header) >= 3:
                    # "Area | Wiltshire | Gloucestershire" over "Investigating crime | Requires improvement |
                    # Inadequate": bodies head the columns, each column its body's grades now.
                    if header_bodies is None:
                        header_bodies = self._header_bodies(orgs, header, header_start)
                    if header_bodies[column] is not None:
                        self._side_rows.add(start)
                        found = _Found(0, cell_start + grade_end, grade_text, area_text, method="table")
                        self._emit(doc, (start, row), found, ctx, orgs, inspection_year, spans, seen, org_id=header_bodies[column], previous=False, year=inspection_year)
                        handled.add(start)
                        continue
                if first_area and (years[column] or (any(earlier) and named[column])):
                    found = _Found(0, cell_start + grade_end, grade_text, area_text, method="table")
                    previous = earlier[column] or bool(latest and years[column] and years[column] < latest)
                    self._emit(doc, (start, row), found, ctx, orgs, inspection_year, spans, seen, previous=previous, year=years[column] if years[column] else (None if previous else inspection_year))
                elif self.scales.resolve_area(column_area := _HEADER_NOTE.sub("", header[column]).strip(), ctx.inspection.scale, ctx.inspection.inspectorate):
                    # ("Responding to the public (PEEL)": the area, its note in brackets dropped)
                    if org_at is None:
                        org_at = {s.start_char: s._.organisation_id for s in doc.spans.get("organisations", [])}
                    org_id = org_at.get(start)
                    if org_id is None:
                        continue
                    found = _Found(cell_start, cell_start + grade_end, grade_text, column_area, method="table")
                    self._emit(doc, (start, row), found, ctx, orgs, inspection_year, spans, seen, org_id=org_id, previous=False, year=inspection_year)
                elif not first_area and (years[column] or named[column]):
                    # A round-up's row per body: "Barnsley | 2024 | Outstanding" under "Council | Year of
                    # last full inspection | Overall grade" (a column of years is no grade's), or its grades
                    # under dated columns ("Wigan | Inadequate | Good" under "Council | 2019 | 2024").
                    # (the body named anywhere in the first cell: "City of Doncaster" names Doncaster's council)
                    at = bisect.bisect_left(orgs.starts, start)
                    org_id = orgs.ids[at] if at < len(orgs.starts) and orgs.starts[at] < start + len(cells[0]) else None
                    if org_id is None:
                        continue
                    previous = earlier[column] or bool(latest and years[column] and years[column] < latest)
                    found = _Found(cell_start, cell_start + grade_end, grade_text, OVERALL, method="table")
                    self._emit(doc, (start, row), found, ctx, orgs, inspection_year, spans, seen, org_id=org_id, previous=previous, year=years[column] if years[column] else (None if previous else inspection_year))
                else:
                    continue
                handled.add(start)
        self._flattened_comparison(doc, ctx, orgs, inspection_year, spans, seen, handled)
        self._flattened_area_columns(doc, ctx, orgs, inspection_year, spans, seen, handled)
        self._flattened_body_rows(doc, ctx, orgs, inspection_year, spans, seen, handled)
        self._grade_headed_lists(doc, ctx, orgs, inspection_year, spans, seen, handled)
        return handled

    def _services_overall_row(self, doc, ctx, orgs, inspection_year, spans, seen, header, cells, start, row, cell_grade) -> None:
        """The "Overall" row under "Service | Safe | ... | Overall" (a CQC location's ratings by core service): the
        body's own rating for each key question and overall, where the services' rows give none (ANNOTATION.md)."""
        offset = 0
        for column, cell in enumerate(cells):
            graded = cell_grade(cell) if column else None
            if graded and self.scales.resolve_area(header[column].strip(), ctx.inspection.scale, ctx.inspection.inspectorate):
                found = _Found(offset, offset + graded[1], graded[0], header[column].strip(), method="table")
                self._emit(doc, (start, row), found, ctx, orgs, inspection_year, spans, seen, org_id=ctx.subject_id, previous=False, year=inspection_year)
            offset += len(cell) + 3

    @staticmethod
    def _header_bodies(orgs, header: list[str], header_start: int) -> list[str | None]:
        """The body each header cell names (None for the first cell and a cell naming none): a
        table comparing bodies side by side. All or none: a header with one body and a
        "Previous" column is no such table."""
        bodies: list[str | None] = [None]
        offset = header_start + len(header[0]) + 3
        for cell in header[1:]:
            at = bisect.bisect_left(orgs.starts, offset)
            bodies.append(orgs.ids[at] if at < len(orgs.starts) and orgs.starts[at] < offset + len(cell) else None)
            offset += len(cell) + 3
        if None in bodies[1:] or len(set(bodies[1:])) < len(bodies) - 1:
            return [None] * len(header)
        return bodies

    def _count_row(self, doc, ctx, orgs, inspection_year, spans, seen, header, cells, start, row) -> bool:
        """A round-up's table of grade counts: a body's row ("Greater Manchester | - | 6 | 4 | 1") under a
        header of grades ("Service | Outstanding | Good | Adequate | Requires improvement"). Each figure is
        the count of the body's areas given the column's grade, out of the row's sum; "-" is no record."""
        figures = [c.strip() for c in cells[1:]]
        if not figures or not all(f.isdigit() or f in ("-", "–", "—", "") for f in figures) or not any(f.isdigit() for f in figures):
            return False
        grades = []
        for h in header[1:len(cells)]:
            m = self.grade_only.match(h.strip())
            if m is None or m.end() != len(h.strip()):
                return False
            grades.append(m.group("grade"))
        if len(grades) < len(figures):
            return False
        at = bisect.bisect_left(orgs.starts, start)
        org_id = orgs.ids[at] if at < len(orgs.starts) and orgs.starts[at] < start + len(cells[0]) else None
        if org_id is None:
            return False
        total = sum(int(f) for f in figures if f.isdigit())
        offset = len(cells[0]) + 3
        for grade, cell in zip(grades, cells[1:]):
            if cell.strip().isdigit():
                found = _Found(offset, offset + len(cell.rstrip()), grade, None, int(cell.strip()), total, "count")
                self._emit(doc, (start, row), found, ctx, orgs, inspection_year, spans, seen, org_id=org_id, previous=False, year=inspection_year)
            offset += len(cell) + 3
        return True

    def _body_test_scores(self, doc, ctx, orgs, inspection_year, spans, seen, header, cells, start, row) -> bool:
        """A round-up's table of scores per body and area: "HMP Doncaster | Safety | 1 | 2" under
        "Prison | Test | Score (2023) | Score (2019)". Each score is the area's grade at its column's
        inspection (HMI Prisons' 1-4, named in a story whose own scale is unknown); the older column's
        are `previous: true`."""
        years = [_year_of(m.group(0)) if (m := _YEAR.search(h)) else None for h in header[2:]]
        if not all(years) or len(set(years)) != len(years):
            return False
        scale = self.scales.scales.get(ctx.inspection.scale or ctx.inspection.inspectorate or "")
        scores = scale.scores if scale is not None and scale.scores else None
        if not scores or not all(c.strip() in scores for c in cells[2:]):
            return False
        area = self.area_only.match(cells[1])
        at = bisect.bisect_left(orgs.starts, start)
        org_id = orgs.ids[at] if at < len(orgs.starts) and orgs.starts[at] < start + len(cells[0]) else None
        if area is None or org_id is None:
            return False
        latest = max(years)
        offset = len(cells[0]) + len(cells[1]) + 6
        for year, cell in zip(years, cells[2:]):
            found = _Found(offset, offset + len(cell.rstrip()), scores[cell.strip()], area.group("area"), method="table")
            self._emit(doc, (start, row), found, ctx, orgs, inspection_year, spans, seen, org_id=org_id, previous=year < latest, year=year)
            offset += len(cell) + 3
        return True

    def _grade_headed_lists(self, doc, ctx, orgs, inspection_year, spans, seen, handled: set[int]) -> None:
        """Areas listed under a heading that is a grade, as PEEL reports set out
        their judgements: "Good" as a heading, then "Investigating crime",
        "Protecting vulnerable people" as list items (the HTML counterpart of a
        table of column lists). Only list items that are an area and nothing
        else count; any other block ends the list."""
        grade = None
        for i, kind in enumerate(ctx.kinds):
            start, end = ctx.starts[i], ctx.ends[i]
            if kind == "heading":
                grade = self.grade_only.match(ctx.text[start:end]) if end - start <= 40 else None
                continue
            if kind != "list_item" and end - start < 200 and ctx.text[start:end].rstrip().endswith(":"):
                # "Inspectors rated the force as inadequate for:", then the areas as list items.
                grade = self.grade_intro.search(ctx.text[start:end])
                continue
            if grade is None:
                continue
            if kind != "list_item" or end - start > 120:
                grade = None
                continue
            text = ctx.text[start:end]
            area = self.area_only.match(text)
            if not area:
                grade = None
                continue
            found = _Found(area.start("area"), area.end("area"), grade.group("grade") or grade.groupdict().get("grade2"), area.group("area"), method="table")
            self._emit(doc, (start, text), found, ctx, orgs, inspection_year, spans, seen, previous=False, year=inspection_year)
            handled.add(start)

    def _list_before(self, s: str, area_start: int) -> list[re.Match]:
        """The areas listed before the one at `area_start`, nearest first ("Help
        and protection, children in care and care leavers ...")."""
        head = s[:area_start]
        cut = max(head.rfind(";"), head.rfind(". "), head.rfind(":"))
        head_start = cut + 1 if cut >= 0 else 0
        previous_end = area_start
        listed = []
        for extra in reversed(list(self.scales.area_regex.finditer(s, head_start, area_start))):
            gap = s[extra.end():previous_end]
            if len(gap.split()) > 9 or not re.search(r",|\band\b|&", gap) or re.search(r"\b(?:" + GRADE_PATTERN + r")\b", gap, re.I):
                break  # a list needs separators; "services leadership" is one noun phrase
            if re.search(r"\b(?:while|whereas|but|although|though|by|with|which|when|after)\b", gap, re.I):
                break  # "X, while its Y work was rated good", "X overall, with Y rated good", "overall by the regulator, with ...": another clause, not the list
            if _GRADE_BEFORE.search(s, max(0, extra.start() - 40), extra.start()):
                break  # "requires improvement overall, and responsive was rated good": "overall" is the grade's before it
            listed.append(extra)
            previous_end = extra.start()
        return listed

    def _flattened_area_columns(self, doc, ctx, orgs, inspection_year, spans, seen, handled: set[int]) -> None:
        """CQC's "Ratings for the whole trust" as PDF extraction leaves it: the areas on one line
        ("Safe Effective Caring Responsive Well-led"), then each row's label ("Current rating",
        "Previous rating (Jan" / "2020)") and its grades on lines of their own, wrapped cells and all.
        The grades are the areas' in order; a row whose grades do not come out one per area is left alone."""
        header = None
        n = len(ctx.kinds)
        i = 0
        while i < n:
            start, end = ctx.starts[i], ctx.ends[i]
            low = ctx.text[start:end].lower() if end - start <= 40 else ""
            if not low.startswith(_AREA_COLUMNS_ROW):
                i += 1
                continue
            if header is None and i > 0 and ctx.ends[i - 1] - ctx.starts[i - 1] <= 80:
                above = ctx.text[ctx.starts[i - 1] : ctx.ends[i - 1]]
                if self.area_header.match(above):
                    header = [m.group(0) for m in self.scales.area_regex.finditer(above)]
                    if not all(self.scales.resolve_area(a, ctx.inspection.scale, ctx.inspection.inspectorate) for a in header):
                        header = None
            if header is None:
                i += 1
                continue
            label = ctx.text[start:end]
            j = i + 1
            while j < n and ctx.ends[j] - ctx.starts[j] <= 12 and not self.grades_line.match(ctx.text[ctx.starts[j] : ctx.ends[j]]):
                label += " " + ctx.text[ctx.starts[j] : ctx.ends[j]]  # "Previous rating (Jan" / "2020)"
                j += 1
            grades = []
            while j < n and len(grades) < len(header) and ctx.ends[j] - ctx.starts[j] <= 160:
                line = ctx.text[ctx.starts[j] : ctx.ends[j]]
                if not self.grades_line.match(line):
                    break
                grades += [(ctx.starts[j], line, m) for m in self.grade_in_line.finditer(line)]
                j += 1
            if len(grades) != len(header):
                i += 1
                continue
            earlier = bool(_EARLIER_COLUMN.search(label))
            dated = _YEAR.search(label)
            year = _year_of(dated.group(0)) if dated else (None if earlier else inspection_year)
            for area, (line_start, line, m) in zip(header, grades):
                found = _Found(m.start("grade"), m.end("grade"), m.group("grade"), area, method="table")
                self._emit(doc, (line_start, line), found, ctx, orgs, inspection_year, spans, seen, previous=earlier, year=year)
                handled.add(line_start)
            i = j

    def _flattened_body_rows(self, doc, ctx, orgs, inspection_year, spans, seen, handled: set[int]) -> None:
        """A round-up's table of bodies by area with a year column ("Force | Year | Responding to the public |
        ...") as PDF extraction leaves it (dev34): a line ending in "Year", the areas' column heads on lines of
        their own, then per row the body's name, wrapped over lines or not ("Bedfordshire" / "Police 2025 Good
        Adequate Adequate Good"), its year and a grade per area in order, some on lines of their own. Each grade is
        the body's current grade of its year (a year column is no comparison: ANNOTATION.md); the table ends at a
        row whose name is no gazetteer body or whose grades do not come out one per area."""
        text = ctx.text
        if " Year\n" not in text:
            return  # (one look at the text: most documents have no such header)
        n = len(ctx.kinds)
        for i in range(n - 3):
            if not text.endswith(" Year", ctx.starts[i], ctx.ends[i]) or ctx.ends[i] - ctx.starts[i] > 40:
                continue  # (a cheap look first: the header's label line, "Force Year")
            header, k = [], i + 1
            while k < n and ctx.ends[k] - ctx.starts[k] <= 60:
                head = self.area_only.match(text[ctx.starts[k] : ctx.ends[k]])
                area = head and self.scales.resolve_area(head.group("area"), ctx.inspection.scale, ctx.inspection.inspectorate)
                if not area:
                    break
                header.append(head.group("area"))
                k += 1
            if len(header) < 2:
                continue
            name_parts: list[str] = []
            while k < n and ctx.ends[k] - ctx.starts[k] <= 160:
                line_start, line = ctx.starts[k], text[ctx.starts[k] : ctx.ends[k]]
                row = _BODY_ROW_YEAR.match(line)
                if not row:
                    if len(name_parts) >= 3 or self.grades_line.match(line):
                        break
                    name_parts.append(line.strip())
                    k += 1
                    continue
                grades = [(line_start, line, m) for m in self.grade_in_line.finditer(line, row.end("year"))]
                k += 1
                while len(grades) < len(header) and k < n and ctx.ends[k] - ctx.starts[k] <= 160 and self.grades_line.match(text[ctx.starts[k] : ctx.ends[k]]):
                    nxt = text[ctx.starts[k] : ctx.ends[k]]
                    grades += [(ctx.starts[k], nxt, m) for m in self.grade_in_line.finditer(nxt)]
                    k += 1
                body = Gazetteer.default().lookup(" ".join(name_parts + [row.group("name").strip()]))
                if body is None or len(grades) != len(header):
                    break
                for area, (g_start, g_line, m) in zip(header, grades):
                    found = _Found(m.start("grade"), m.end("grade"), m.group("grade"), area, method="table")
                    self._emit(doc, (g_start, g_line), found, ctx, orgs, inspection_year, spans, seen, org_id=body.id, previous=False, year=int(row.group("year")))
                    handled.add(g_start)
                name_parts = []

    def _flattened_comparison(self, doc, ctx, orgs, inspection_year, spans, seen, handled: set[int]) -> None:
        """A comparison table as PDF extraction leaves it, one line per row and
        no cell separators: a header line that names two columns ("Healthy
        prison test 2021 2024", "Pillar 2018/19 judgement Last judgement (2017)")
        and under it rows of an area and two grades. Each grade belongs to its
        column's inspection (the first grade alone would read as the current one)."""
        columns = None
        grace = False  # a header split over lines (`_SPLIT_SCORE_HEADER`): rows with an outcome line after each
        scale = self.scales.scales.get(ctx.inspection.scale or "")
        skip = -1  # a wrapped second grade already read with its row
        header_line = -2  # the header's line (its second column's date may wrap onto the next)
        for i, kind in enumerate(ctx.kinds):
            if i == skip:
                continue
            start, end = ctx.starts[i], ctx.ends[i]
            if end - start > 160 or kind == "table_row":
                columns = None
                continue
            text = ctx.text[start:end]
            low = text.lower()
            header = _COMPARISON_HEADER.match(text) if _may_be_comparison_header(low) else None
            if header:
                columns, grace = [header.group("first"), header.group("second")], False
                if header.group("third"):
                    columns.append(header.group("third"))
                header_line = i
                continue
            if columns is not None and i == header_line + 1 and _WRAPPED_YEAR.fullmatch(text):
                columns[1] = f"{columns[1]} {text}"  # "... This inspection Last inspection" / "(2021)": the second header's date wrapped
                continue
            if columns is None and scale is not None and scale.scores and low.endswith("score") and i + 3 < len(ctx.kinds):
                # The header split over lines by the PDF's cell wrapping: "Healthy prison test Score" /
                # "(2024)" / "Score" / "(2019) Outcome at this inspection".
                joined = " ".join(ctx.text[ctx.starts[k] : ctx.ends[k]] for k in range(i, i + 4) if ctx.ends[k] - ctx.starts[k] < 80)
                split = _SPLIT_SCORE_HEADER.match(joined)
                if split:
                    columns, grace = [split.group("first"), split.group("second")], True
                continue
            if columns is None:
                continue
            if i + 1 < len(ctx.kinds) and ctx.ends[i + 1] - ctx.starts[i + 1] <= 40 and self.grade_only.match(ctx.text[ctx.starts[i + 1] : ctx.ends[i + 1]]) and not self.row_two.match(text):
                # The second grade's cell wrapped ("Requires" / "improvement") onto a line of its own:
                # "Effectiveness Requires improvement" / "Requires improvement" is one row of two grades.
                joined = ctx.text[start : ctx.ends[i + 1]]
                if self.two_grades_end.search(joined):
                    skip = i + 1
                    text, end = joined, ctx.ends[i + 1]
                    low = text.lower()
            third = None
            if len(columns) == 3:
                ungraded = _UNGRADED_LAST_CELL.search(text)
                third = None if ungraded else self.third_grade_end.search(text)
                if not ungraded and not third:
                    continue  # (two grades whose columns are unknown: not read)
                text = text[: ungraded.start() if ungraded else third.start("before")]
            row = self.row_two.match(text)
            if not row and self.two_grades_end.search(text):
                continue  # a row whose label is no area of the scale (a pillar's question): the table goes on
            grades = (row.group("grade"), row.group("grade2")) if row else None
            if not row and scale is not None and scale.scores:
                row = self.row_scores.match(text)
                grades = (scale.score_grade(row.group("grade")), scale.score_grade(row.group("grade2") or "")) if row else None
            if not row and grace and (text[:1] == "(" or low == "score" or low.startswith("outcome")):
                continue  # the split header's own lines, and a row's outcome cell on a line of its own
            if not row:
                columns = None
                continue
            years = [_year_of(_YEAR.search(c).group(0)) if _YEAR.search(c) else None for c in columns]
            latest = max((y for y in years if y), default=None)
            for column, group in enumerate(("grade", "grade2")):
                if not grades[column]:
                    continue
                previous = bool(_EARLIER_COLUMN.search(columns[column])) or bool(latest and years[column] and years[column] < latest)
                if not previous and years[column] and _THIS_INSPECTION_COLUMN.match(columns[1 - column]):
                    previous = True  # "Question This inspection 2018/19": the dated column is the inspection before
                found = _Found(row.start("area"), row.end(group), grades[column], row.group("area"), method="table")
                self._emit(doc, (start, text), found, ctx, orgs, inspection_year, spans, seen, previous=previous, year=years[column] if years[column] else (None if previous else inspection_year))
            if third and row:
                # The third column's grade: the latest column's is this inspection's.
                full = ctx.text[start:end]
                previous = bool(_EARLIER_COLUMN.search(columns[2])) or bool(latest and years[2] and years[2] < latest)
                found = _Found(row.start("area"), third.end("grade"), third.group("grade"), row.group("area"), method="table")
                self._emit(doc, (start, full), found, ctx, orgs, inspection_year, spans, seen, previous=previous, year=years[2] if years[2] else (None if previous else inspection_year))
            handled.add(start)

    def _list_end(self, text: str, start: int, stops: str) -> int:
        """Where a list of areas starting at `start` ends: at a stop pattern, or
        at the next grade word that is not part of an area name ("making good
        use of its resources" does not end the list)."""
        areas = [(m.start(), m.end()) for m in self.scales.area_regex.finditer(text, start)]
        end = len(text)
        stop = re.compile(stops, re.I).search(text, start)
        if stop:
            end = stop.start()
        for grade in self.grade_word.finditer(text, start, end):
            if not any(a <= grade.start() < b for a, b in areas):
                # "good for being effective and well-led, and caring was rated outstanding": an
                # area with a verb of its own before the next grade is that grade's, not the list's.
                last = [a for a, b in areas if start <= a and b <= grade.start() and _OWN_GRADE.match(text, b, grade.start()) and not _AND_PREDICATE.match(text, b)]
                return last[-1] if last else grade.start()
        return end

    def _find(self, s: str, low: str | None = None) -> list[_Found]:
        """Gradings stated in sentence `s`; `low` is `scan.fold(s)` when the caller has it."""
        if low is None:
            low = fold(s)
        gates = self._gates()
        gates.reading(s, low)
        finditer_at = gates.finditer_at  # every rule below skips a sentence without the words it needs
        rule = gates.rule  # the same for a rule with no start words of its own: tried only where a match can begin
        # The literal gates of the rules below: `low` is None where `fold` gives up.
        gate = low if low is not None else s.lower()
        if len(s) < 120 and s.lstrip()[:1].isdigit():
            standard = self.numbered_standard.match(s)
            if standard and _SHARED_STANDARD.fullmatch(standard.group("name")):
                # "3.3 Implementation and delivery | Outstanding": a standard whose name every
                # case domain shares (a youth justice service's court disposals, 2.x, and its
                # out-of-court disposals, 3.x) is of the domain its number gives (`_emit`).
                return [_Found(standard.start("name"), standard.end("grade"), standard.group("grade"), _STANDARD + standard.group("domain"), method="table")]
        row = gates.lead_area(self.row, s, low)
        if row and len(s) < 160:
            # "Previous overall rating (June 2022) | Requires improvement": the inspection before's.
            earlier = True if row.group("earlier") else None
            return [_Found(row.start("area"), row.end("grade"), row.group("grade"), row.group("area"), method="table", previous=earlier)]
        if len(s) < 80 and s.lstrip()[:1] in "PpLl":
            earlier_row = self.previous_rating_row.match(s)
            if earlier_row:
                return [_Found(earlier_row.start(), earlier_row.end("grade"), earlier_row.group("grade"), "overall rating", method="table", previous=True)]
        if len(s) < 120 and s.lstrip()[:1].isdigit():
            standard = self.numbered_standard.match(s)
            if standard and _NO_AREA_STANDARD.match(standard.group("name")):
                return []  # "2.4 Unpaid work | Good": a standard with no area on the scale, in any domain
            if standard:
                # "1.2 Staff | Outstanding": an HMI Probation standard, whatever its name,
                # belongs to the domain its number gives (`_emit`).
                return [_Found(standard.start("name"), standard.end("grade"), standard.group("grade"), _STANDARD + standard.group("domain"), method="table")]
        row = gates.lead_area(self.row_prefix, s, low)
        if row:
            rows = [_Found(row.start("area"), row.end("grade"), row.group("grade"), row.group("area"), method="table")]
            # PDF extraction can run several rows into one line: "Building, supporting and
            # protecting the workforce Requires improvement Leadership and force management Requires improvement".
            offset = row.end()
            while offset < len(s) and len(rows) < 12:
                rest = s[offset:]
                nxt = self.row.match(rest) if len(rest) < 160 else None
                nxt = nxt or self.row_prefix.match(rest)
                if not nxt:
                    break
                rows.append(_Found(offset + nxt.start("area"), offset + nxt.end("grade"), nxt.group("grade"), nxt.group("area"), method="table"))
                offset += nxt.end()
            return rows
        found: list[_Found] = []
        taken: list[tuple[int, int]] = []

        scale_id, inspectorate, plausible = getattr(self, "_area_scale", (None, None, set()))
        overall_for_services = "overall" in s and "services" in s

        def add(item: _Found, claim: bool = True) -> bool:
            if any(item.start < e and s_ < item.end for s_, e in taken):
                return False
            if item.area and overall_for_services and item.area.lower() == "services" and _OVERALL_RATING_FOR.search(s, max(0, item.start - 60), item.start):
                item.area = OVERALL  # "the overall rating for maternity services at the hospital has gone down": the whole place's
            if inspectorate and item.area and item.area[:2] != "__" and not item.by_ofsted and all(self.scales.resolve_area(item.area, scale_id, i) is None for i in plausible):
                return False
            if claim:
                taken.append((item.start, item.end))
            found.append(item)
            return True

        for m in finditer_at(self.zero_count, s, low, _NO_STARTS) if _ZERO_WORDS.any_in(low) else ():
            out_of = parse_int(m.group("out_of") or m.group("out_of2"))
            for g in ("grade", "grade2", "grade3", "grade4"):
                if m.group(g):
                    # Each grade gets its own span: spaCy keys Span._ values by offsets.
                    add(_Found(m.start(g), max(m.end(), m.end(g) + 1), m.group(g), None, 0, out_of, "count"), claim=False)
            taken.append((m.start(), m.end()))
        for m in (self.nor_zero.finditer(s) if s.lstrip()[:4] == "Nor " else ()):
            for g in ("grade", "grade2"):
                if m.group(g):
                    add(_Found(m.start(g), max(m.end(), m.end(g) + 1), m.group(g), None, 0, None, "count"), claim=False)
            taken.append((m.start(), m.end()))
        zero_total = None
        for m in finditer_at(self.zero_subject, s, low, _NONE_STARTS) if _ZERO_SUBJECT_HEAD.search(gate) else ():
            # "neither was any rated poor" shares the total of "None of the four tests ..." before it.
            if m.group("grade5"):
                # "nine graded areas in all, none of them inadequate": only after a total.
                total = self.total_before.search(s, 0, m.start())
                if not total:
                    continue
                zero_total = parse_int(total.group("total"))
            out_of = zero_total = parse_int(m.group("out_of")) if m.group("out_of") else (zero_total if m.group("grade3") or m.group("grade5") else None)
            for g in ("grade", "grade2", "grade3", "grade4", "grade5", "grade6", "grade7"):
                if m.group(g):
                    add(_Found(m.start(g), max(m.end(), m.end(g) + 1), m.group(g), None, 0, out_of, "count"), claim=False)
            taken.append((m.start(), m.end()))
            # "None of the five judgements is good or outstanding, and three are inadequate."
            rest = self.and_count.match(s, m.end())
            if rest and out_of:
                count = parse_int(rest.group("count"))
                if count is not None and count <= out_of:
                    add(_Found(rest.start("count"), rest.end(), rest.group("grade"), None, count, out_of, "count"))
        for m in self.category.finditer(s) if "categor" in gate or "band" in gate or "bracket" in gate else ():
            add(_Found(m.start("grade"), m.end(), m.group("grade"), OVERALL if m.group("overall") else OVERALL_IF_UNNAMED))
        for m in finditer_at(self.overall, s, low, _OVERALL_STARTS) if low is None or "overall" in low else ():
            grade = m.group("grade") or m.group("grade2") or m.group("grade3") or m.group("grade4")
            add(_Found(m.start(), m.end(), grade, OVERALL), claim=False)
        across = gates.across(self.across, s, low)
        stated_out_of = _total_of(across) if across else None
        for f in found:
            if f.count == 0 and f.out_of is None and across and across.end() <= f.start:
                f.out_of = stated_out_of  # "good or better in six of the nine areas, and not found inadequate anywhere"
            elif f.count == 0 and f.out_of is None and across and f.start < across.start() and (across.start() < f.end or not s[f.end:across.start()].strip()):
                f.out_of = stated_out_of  # "not graded outstanding in any of the eight graded areas": its own total
        counts: list[_Found] = []
        for rx in (self.count_of, self.count_subject):
            if rx is self.count_of:
                matches = finditer_at(rx, s, low, _GRADE_STARTS, offsets=gates.positions(_GRADE_STARTS, s, low))
            else:
                matches = gates.finditer(rx, s, low) if _AREA_NOUNS.any_in(low) else ()
            for m in matches:
                if _CASES.match(s, m.end()):
                    continue  # "adequate in 23 of the 60 cases": cases reviewed, not graded areas
                if m.groupdict().get("remaining") and _DASH.match(s, m.end("count")) and not self.scales.area_regex.search(s, m.start("aside"), m.end("aside")):
                    continue  # "the remaining two – ... –" (no area noun) counts areas only when it names them
                count_text = m.group("count").lower()
                out_of = parse_int(m.group("out_of")) or stated_out_of
                if count_text == "another" or count_text.startswith("the"):
                    count = 1  # "outstanding in one area and good in another", "... in two of the three pillars. It is good in the third."
                elif count_text in ("all", "both") or count_text.startswith(("every", "each")):
                    if count_text == "both" and not m.group("out_of") and getattr(self, "_document_total", None) not in (None, 2):
                        continue  # "rated inadequate in both areas" of eight: the two just named, graded there
                    count = 2 if count_text == "both" else out_of  # "all", "every one of the four", "each of the four"
                    out_of = out_of or count
                    if count is None:
                        continue
                else:
                    count = parse_int(count_text)
                if count is None or count > 60:
                    continue  # "inadequate in 2019" is a year, not a count
                if re.search(r"\b(?:all|every one of|each of)\s+(?:the\s+)?$", s[max(0, m.start("count") - 20):m.start("count")], re.I):
                    out_of = out_of or count  # "in all four of the areas"
                if rx is self.count_subject and count == 1 and m.group("out_of") and (_ONE_OF.search(s, 0, m.start()) or (s.endswith(", ", 0, m.start()) and _ONE_OF_WHICH.match(s, m.start("count")))):
                    # "Investigating crime was one of two areas rated adequate": the
                    # count is the two, and the area named first is one of them.
                    count, out_of = parse_int(m.group("out_of")), stated_out_of
                    named = [a for a in self.scales.area_regex.finditer(s, 0, m.start()) if not s[a.end():m.start()].strip(" ,").count(" ") > 1]
                    if named:
                        found.append(_Found(named[-1].start(), named[-1].end(), m.group("grade"), named[-1].group(0)))
                grade = m.group("grade")
                if "lowest" in grade.lower():
                    grade = LOWEST  # "two were scored at the lowest level": the scale's last grade
                if m.groupdict().get("grade2"):
                    grade = f"{grade} or {m.group('grade2')}"  # "good or better": an aggregate, kept in its own words (ANNOTATION.md)
                elif "least" in gate and re.search(r"\bat\s+least\s+['‘’\"“”]?$", s[max(0, m.start("grade") - 12):m.start("grade")], re.I):
                    grade = f"at least {grade}"  # "rated at least good in all 11": a threshold, in its own words
                item = _Found(m.start(), m.end(), grade, None, count, out_of, "count")
                if add(item):
                    counts.append(item)
                    tail_at = m.end()
                    while rx is self.count_subject and (tail := self.count_tail.match(s, tail_at)):
                        tail_count = parse_int(tail.group("count"))
                        if tail_count is None or (out_of and tail_count > out_of) or not add(_Found(tail.start("count"), tail.end(), tail.group("grade"), None, tail_count, out_of, "count")):
                            break
                        tail_at = tail.end()
                    if m.groupdict().get("aside"):
                        # "Six areas – preventing crime, ... – were judged adequate": the areas named between the dashes.
                        for extra in self.scales.area_regex.finditer(s, m.start("aside"), m.end("aside")):
                            found.append(_Found(extra.start(), extra.end(), grade, extra.group(0)))  # inside the count's own claim
                    rest = self.and_count.match(s, m.end()) if rx is self.count_subject and out_of else None
                    more = parse_int(rest.group("count")) if rest else None
                    if more is not None and count + more <= out_of:
                        # "Three of the four judgements were good and one was outstanding": the same total.
                        item = _Found(rest.start("count"), rest.end(), rest.group("grade"), None, more, out_of, "count")
                        if add(item):
                            counts.append(item)
        for m in rule(self.need_count, s, low) if "need" in gate else ():
            count = parse_int(m.group("count"))
            item = _Found(m.start(), m.end(), "requires improvement", None, count, parse_int(m.group("out_of")) or stated_out_of, "count")
            if count is not None and count <= 60 and add(item):
                counts.append(item)
        for m in rule(self.lowest, s, low) if "lowest" in gate or "worst" in gate else ():
            if m.group("count") or m.group("some") or m.group("some2"):
                count = parse_int(m.group("count") or m.group("some") or m.group("some2"))
                # "in one of them": the total is the one stated before (`__call__`)
                total = parse_int(m.group("out_of")) if m.group("some") else None if m.group("some2") else count
                item = _Found(m.start(), m.end(), LOWEST, None, count, total, "count")
                if count and add(item):
                    counts.append(item)  # the areas listed after it carry its grade
            else:
                add(_Found(m.start(), m.end(), LOWEST, m.group("area")))
        for m in rule(self.rated_poorly, s, low) if "poorly" in gate else ():
            if m.group("count"):
                count, total = parse_int(m.group("count")), parse_int(m.group("out_of"))
                item = _Found(m.start(), m.end(), "poor", None, count, total, "count")
                if count and total and count <= total and add(item):
                    counts.append(item)  # the tests listed after it carry its grade
            elif add(_Found(m.start(), m.end(), "poor", m.group("area"))):
                tail = s[m.end():]
                tail = tail[: self._list_end(tail, 0, r"[.;]|\b(?:but|while|whereas|although|though|however|when)\b|,?\s+and\s+(?-i:[A-Z])")]
                for extra in self.scales.area_regex.finditer(tail):
                    add(_Found(m.end() + extra.start(), m.end() + extra.end(), "poor", extra.group(0)))
        # "inadequate in two areas, investigating crime and managing offenders":
        # the areas named after a count carry its grade.
        for item in list(counts):
            tail = s[item.end:]
            lead = re.match(r"(?:\s+[\w'’]+){0,4}?\s*:\s*|\s*(?:,|–|-|\()\s*(?:including|namely|these were|which were|for)?\s*|(?:\s+[\w'’]+){1,3}?\s*,\s*(?:including|namely)\s+|\s+(?:it|they|we|inspectors)\s+(?:[\w'’]+\s+){0,2}?[\w'’]+\s*,\s*", tail)
            if not lead and _NOUN_THEN_OF.match(s, item.start, item.end):
                # "good in all three pillars of effectiveness, efficiency and people": the areas named after "of".
                lead = re.match(r"\s+of\s+", tail)
            if not lead:
                continue
            ender = r"[.)]" if lead.group(0).strip().startswith(":") else r"[.;)]"
            window_end = self._list_end(tail, lead.end(), ender + r"|\band said\b|\bbut\b|\bwith\s+only\b")
            asides = [(item.end + a.start(), item.end + a.end()) for a in self.aside_area.finditer(tail, lead.end())] if "area" in gate or "question" in gate or "pillar" in gate else []
            for extra in self.scales.area_regex.finditer(tail, lead.end(), window_end):
                if any(a <= item.end + extra.start() < b for a, b in asides):
                    continue  # "..., with the remaining area - responding to the public - judged inadequate": its own grade
                if window_end < len(tail) and _OWN_GRADE.match(tail, extra.end(), window_end):
                    continue  # "..., with preventing crime the only area to be graded good"
                add(_Found(item.end + extra.start(), item.end + extra.end(), item.grade, extra.group(0)), claim=False)
        row = self.dated_row.match(s) if len(s) < 90 and not found else None
        if row:
            add(_Found(0, row.end("grade"), row.group("grade"), OVERALL, org_at=0, named=True, year=int(row.group("year"))))
        for m in self.aside_area.finditer(s) if "area" in gate or "question" in gate or "pillar" in gate or "test" in gate or "standard" in gate or "judg" in gate else ():
            add(_Found(m.start("area"), m.end("grade"), m.group("grade"), m.group("area")))
        # In a list ("inadequate in four of nine areas, requires improvement in
        # four and adequate in one") later items share the first one's total.
        counts.sort(key=lambda f: f.start)
        for earlier, later in zip(counts, counts[1:]):
            if later.out_of is None and earlier.out_of is not None:
                later.out_of = earlier.out_of
        if len(counts) > 1 and re.search(r"\b(?:remaining|the\s+other)\b", s[counts[-1].start:counts[-1].end], re.I) and all(c.count and c.out_of is None for c in counts):
            # "good in two of them, adequate in three and requires improvement in the
            # remaining four": the list covers every area, so its sum is the total
            # (unless the sentence states one).
            for item in counts:
                item.out_of = sum(c.count for c in counts)
                item.summed = True
        for m in rule(self.count_rest, s, low) if counts and ("rest" in gate or "remainder" in gate or "others" in gate) else ():
            totals = {c.out_of for c in counts if c.out_of}
            taken_count = sum(c.count for c in counts if c.end <= m.start())
            if len(totals) == 1 and 0 < taken_count < next(iter(totals)):
                total = next(iter(totals))
                add(_Found(m.start(), m.end(), m.group("grade"), None, total - taken_count, total, "count"))
        for m in rule(self.count_of_grades, s, low) if "grades" in gate or "ratings" in gate or "judg" in gate else ():
            count, total = parse_int(m.group("count")), parse_int(m.group("out_of"))
            if count is not None and total and count <= total and add(_Found(m.start(), m.end(), m.group("grade"), None, count, total, "count")):
                rest = self.and_count.match(s, m.end())
                more = parse_int(rest.group("count")) if rest else None
                if more is not None and count + more <= total:
                    add(_Found(rest.start("count"), rest.end(), rest.group("grade"), None, more, total, "count"))  # "..., and five were adequate"
        for m in finditer_at(self.transition_to_from, s, low, _TRANSITION_STARTS) if "from" in gate and "to" in gate else ():
            named = [a for a in self.scales.area_regex.finditer(s, 0, m.start()) if not _WHOLE_SERVICE.match(s, a.end())]
            area = m.group("area") or (named[-1].group(0) if named else OVERALL_IF_UNNAMED)
            if add(_Found(m.start(), m.end("to"), m.group("to"), area, previous=False), claim=False):
                add(_Found(m.start(), m.end("from"), m.group("from"), area, previous=True), claim=False)
            taken.append((m.start(), m.end()))
        fronted = gates.match(self.fronted_area, s) if "," in s else None
        if fronted:
            g = "grade" if fronted.group("grade") else "grade2"
            add(_Found(fronted.start("area"), fronted.end(g), fronted.group(g), fronted.group("area")))
        for m in rule(self.kept_for, s, low) if "kep" in gate or "retain" in gate or "maintain" in gate or "held" in gate or "hold" in gate else ():
            end = self._list_end(s, m.end(), r"[.;]|\b(?:but|while|whereas|although|though|however|when|that|which)\b")
            if "with" in s:
                # "retained its good rating for children's services, with inspectors rating its work
                # with care leavers outstanding": the clause after ", with" grades on its own.
                comma_with = re.compile(r",\s*with\b").search(s, m.end(), end)
                end = comma_with.start() if comma_with else end
            for extra in self.scales.area_regex.finditer(s, m.end(), end):
                if add(_Found(extra.start(), extra.end(), m.group("grade"), extra.group(0), previous=False)):
                    found.append(_Found(m.start(), extra.end(), m.group("grade"), extra.group(0), previous=True))  # its own offsets
        for rx in (self.rated_area_as, self.grade_then_area, self.area_then_grade):
            starts = self.area_starts if rx is self.area_then_grade else _GRADE_STARTS if rx is self.grade_then_area else _JUDGED_STARTS
            matches = finditer_at(rx, s, low, starts, offsets=gates.area_positions(s, low) if rx is self.area_then_grade else gates.positions(starts, s, low))
            for m in matches:
                if rx is self.area_then_grade and _COMPLEMENT.search(s[max(0, m.start("area") - 70):m.start("area")]) and not _ITS_WORK.search(s, 0, m.start("area")):
                    continue  # "health outcomes for care leavers are inadequate": the grade is of the outcomes
                item = _Found(min(m.start("area"), m.start("grade")), max(m.end("area"), m.end("grade")), m.group("grade"), m.group("area"))
                if m.groupdict().get("body"):
                    item.org_at = m.start("body")  # "the help and protection of children in Bury": Bury's, if a body is named there
                if rx is self.area_then_grade and m.group("area").lower() == "services" and _PROBATION_BEFORE.search(s, max(0, m.start("area") - 12), m.start("area")):
                    item.area = OVERALL  # "probation services in Lambeth were rated inadequate": the whole unit, not the "services" standard
                if rx is not self.area_then_grade and "longer" in gate and _NO_LONGER_BEFORE.search(s, max(0, m.start() - 60), m.start()):
                    item.previous = True  # "is no longer rated inadequate for investigating crime": the grade before
                if not add(item):
                    continue
                if rx is self.grade_then_area:
                    # "good at preventing crime and responding to the public": the
                    # same grade for further areas listed in its clause.
                    tail = s[m.end():]
                    tail = tail[: self._list_end(tail, 0, r"[.;]|\b(?:but|while|whereas|although|though|however|when)\b|,?\s+and\s+(?-i:[A-Z])")]
                    for extra in self.scales.area_regex.finditer(tail):
                        add(_Found(m.end() + extra.start(), m.end() + extra.end(), m.group("grade"), extra.group(0)))
                elif rx is self.area_then_grade:
                    # "Help and protection, children in care and care leavers all
                    # require improvement": earlier areas of the same list.
                    for extra in self._list_before(s, m.start("area")):
                        add(_Found(extra.start(), extra.end(), m.group("grade"), extra.group(0)))
        for m in finditer_at(self.unqualified, s, low, _UNQUALIFIED_STARTS):
            if add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL_IF_UNNAMED)) and m.group("again"):
                found.append(_Found(m.start(), m.end(), m.group("grade"), OVERALL_IF_UNNAMED, previous=True))  # its own offsets
        for m in finditer_at(self.since_judgement, s, low, _SINCE_STARTS):
            add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL_IF_UNNAMED, previous=True))
        for m in finditer_at(self.earlier_whole, s, low, _EARLIER_WHOLE_STARTS) if _EARLIER_WORDS.any_in(low) else ():
            # Not claimed, nor blocked by a claim: "services" is also an area of
            # another scale (HMI Probation), and `_emit` keeps one record per key.
            if any(f.area not in (None, OVERALL, OVERALL_IF_UNNAMED) and f.start < m.start() < f.end for f in found):
                continue  # "help and protection services for children were rated inadequate": an area's services
            found.append(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL_IF_UNNAMED, only_previous=True))
        for m in (finditer_at(self.only_area, s, low, self.area_starts, offsets=gates.area_positions(s, low)) if _ONLY_LITERALS.any_in(low) and (low is None or "area" in low or "question" in low or "test" in low or "standard" in low or "pillar" in low) else ()):
            add(_Found(m.start("area"), m.end("grade"), m.group("grade"), m.group("area")))
        for m in gates.finditer(self.areas_were, s, low) if _GRADE_NOUNS.any_in(low) else ():
            grade = m.group("grade_a") or m.group("grade_b") or ("requires improvement" if m.group("requiring") else None)
            if not grade:
                continue
            end = self._list_end(s, m.end(), r"[.;]|\b(?:but|while|whereas|although)\b")
            for extra in self.scales.area_regex.finditer(s, m.end(), end):
                add(_Found(extra.start(), extra.end(), grade, extra.group(0)))
        # (Rules that only give an area found before them its earlier grade run only when there is one.)
        for m in finditer_at(self.improvement_on, s, low, _IMPROVEMENT_STARTS) if any(f.area for f in found) else ():
            earlier = [f for f in found if f.area and f.end <= m.start()]
            if earlier:
                g = next(g for g in ("grade", "grade2", "grade3", "grade4", "grade5") if m.group(g))
                add(_Found(m.start(g), m.end(g) + 1, m.group(g), earlier[-1].area, previous=True))
        if not found and _THIS_IS_A_CHANGE.match(s) and _IMPROVEMENT_STARTS.any_in(low if low is not None else s.lower()):
            # "Haringey's services were judged good overall. This is an improvement on the requires improvement
            # to be good judgement the council received in 2018": the grade before of the area graded just before.
            for m in finditer_at(self.improvement_on, s, low, _IMPROVEMENT_STARTS):
                g = next(g for g in ("grade", "grade2", "grade3", "grade4", "grade5") if m.group(g))
                add(_Found(m.start(g), m.end(g) + 1, m.group(g), THAT_AREA, previous=True))
        for m in rule(self.said_grade, s, low) if ("said" in gate or "found" in gate or "judged" in gate or "ruled" in gate or "conclu" in gate or "decided" in gate) else ():
            add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL_IF_UNNAMED))
        for m in rule(self.lowest_in_all, s, low) if "lowest" in gate else ():
            count = 2 if m.group("both") else parse_int(m.group("count"))
            if count:
                add(_Found(m.start(), m.end(), LOWEST, None, count, count, "count"))
        tallied = gates.match(self.of_the_areas, s) if stated_out_of else None
        if tallied:
            # "Of the seven standards we rate, two were good, three required improvement and two were
            # inadequate": counts of the body's own areas (not of bodies: "Of the ten forces, ...").
            for m in self.tally_were.finditer(s, tallied.end()):
                count = parse_int(m.group("count"))
                if count is not None and count <= stated_out_of:
                    add(_Found(m.start(), m.end(), m.group("grade"), None, count, stated_out_of, "count"))
        if gates.search(_GRADED_NOUNS, s, gate=True):  # (skipped where none of its words occurs)
            for m in gates.finditer(self.count_grade_noun, s, low):
                count_text = m.group("count") or m.group("count2")
                count = _COUNT_WORDS.get(" ".join(count_text.lower().split())) or parse_int(count_text)
                grade_text = LOWEST if m.group("lowest") else m.group("grade")
                if _OF_THE_BEFORE.search(s, max(0, m.start() - 12), m.start()):
                    continue  # "Three of the ten were judged outstanding": the ten are what is counted (the councils before), no count of ten
                if "number of" in s and _NUMBER_OF_BODIES_WITH.search(s, max(0, m.start() - 60), m.start()):
                    continue  # "the number of fire services with at least one inadequate grade": bodies counted, no body's count
                if count is not None and count <= 60 and add(_Found(m.start(), m.end(), grade_text, None, count, stated_out_of, "count", bare_count=True)):
                    kept = _KEPT_BEFORE.search(s, max(0, m.start() - 30), m.start())
                    if kept:
                        # "holds on to two good grades": the same count at the inspection before
                        # (its own offsets, from the verb: span values are keyed by them).
                        found.append(_Found(kept.start(), m.end(), grade_text, None, count, stated_out_of, "count", previous=True, bare_count=True))
        moves = list(finditer_at(self.transition, s, low, _TRANSITION_STARTS)) if low is None or ("from" in low and "to" in low) else ()
        for m in moves:
            # "Its grade for investigating crime fell from good to requires improvement":
            # the area named last before it, now and before.
            named = [a for a in self.scales.area_regex.finditer(s, 0, m.start()) if not _WHOLE_SERVICE.match(s, a.end())]
            # (A record starts before the "improved from" cue, which would date it.)
            area, start = (named[-1].group(0), named[-1].start()) if named else (OVERALL if _WHOLE_SUBJECT.match(s) else OVERALL_IF_UNNAMED, 0)
            after = None if named else _AREA_AFTER.match(s, m.end())
            named_after = self.scales.area_regex.match(s, after.end()) if after else None
            if named_after:
                area = named_after.group(0)  # "... from requires improvement to adequate in responding to the public"
            # "Safety had deteriorated from reasonably good to poor": the cue is the transition itself.
            dated = _YEAR.search(s) or gates.match(_LEADING_PAST, s) or any(
                (c.end() <= m.start() - 12 or c.start() > m.end())
                # (another area's move in the sentence dates nothing: "Well-led declined from outstanding to
                # inadequate, safe dropped from good to requires improvement")
                and not (len(moves) > 1 and any(o.start() <= c.start() < o.end() for o in moves))
                for c in _PREVIOUS_CUE.finditer(s))
            add(_Found(start, m.end("to"), m.group("to"), area, previous=None if dated else False), claim=False)
            add(_Found(start, m.end("from"), m.group("from"), area, previous=True), claim=False)
            if named and _LIST_MOVED.fullmatch(s, named[-1].end(), m.start()):
                # "effective and responsive both fell from outstanding to requires improvement": each area listed.
                for extra in self._list_before(s, named[-1].start()):
                    add(_Found(extra.start(), m.end("to"), m.group("to"), extra.group(0), previous=None if dated else False), claim=False)
                    add(_Found(extra.start(), m.end("from"), m.group("from"), extra.group(0), previous=True), claim=False)
            taken.append((m.start(), m.end()))
        for m in finditer_at(self.services_remain, s, low, _SERVICES_STARTS) if low is None or "services" in low else ():
            add(_Found(m.start(), m.end("grade"), m.group("grade"), OVERALL_IF_UNNAMED))
        for m in finditer_at(self.and_remains, s, low, _AND_STARTS) if (low is None or "remain" in low) and any(f.area for f in found) else ():
            before = [f for f in found if f.area and f.end <= m.start()]
            if before:
                # Spans the earlier record's own claim: appended, not `add`ed.
                # "..., and remains so": the grade just given, now.
                found.append(_Found(before[-1].start, m.end(), m.group("grade") or before[-1].grade, before[-1].area, previous=False))
        for m in rule(self.rated_named_as, s, low) if ("rated" in gate or "judged" in gate or "graded" in gate) and (" as " in gate or " to be " in gate or _verb_then_capital(s)) else ():
            names = list(_NAME_RX.finditer(s, m.start("names"), m.end("names")))
            if len(names) < 2 and not m.group("services") and m.group("as"):
                add(_Found(m.start(), m.end(), m.group("grade"), OVERALL, org_at=names[0].start()))  # (the body named there, if any)
                continue
            # Each body named its own record, from its name (whose organisation it takes).
            named = not m.group("as")
            if add(_Found(names[0].start(), m.end(), m.group("grade"), OVERALL, named=named)):
                found.extend(_Found(n.start(), m.end(), m.group("grade"), OVERALL, named=named) for n in names[1:])
        body_which = rule(self.body_which, s, low) if "which" in gate and ("rated" in gate or "judged" in gate or "graded" in gate or "found" in gate) else ()
        if ", rated" in gate or ", judged" in gate or ", graded" in gate or ", previously rated" in gate:
            body_which = [*body_which, *rule(self.body_participle, s, low)]
        for m in body_which:
            if self._names_area(s, m.start()):
                continue  # "Safety, which had been judged poor, ...": an area's earlier grade (`area_moved_to`, `area_which`)
            if m.groupdict().get("participle") and (not _PARTICIPLE_CLOSES.match(s, m.end("grade")) or _NOT_A_NAME.match(s, m.start())):
                continue  # "Sefton Council, rated inadequate in 2022, is ...": only a participle closed by a comma, after a name
            add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL_IF_UNNAMED))
        for m in _ITSELF_RATED.finditer(s) if "itself" in gate else ():
            # "crews from the East of England Ambulance Service NHS Trust, itself rated requires improvement in
            # 2022, could not ...": the named body's grade, as ", which was rated" gives it.
            if not self._names_area(s, m.start()):
                add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL_IF_UNNAMED))
        for m in _WHICH_WE_RATED.finditer(s) if "which we " in gate else ():
            # "... Community Rehabilitation Company (BGSW CRC), which we rated requires improvement in 2019":
            # the inspectorate's own grade of the named body (a name or its abbreviation in brackets ends before it).
            if not self._names_area(s, m.start()):
                add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL_IF_UNNAMED))
        for m in finditer_at(self.up_from, s, low, _UP_FROM_STARTS) if low is None or "from" in low or "compared" in low or "improvement on" in low else ():
            areas = [f.area for f in found if f.area] or [a.group(0) for a in self.scales.area_regex.finditer(s)]
            # "X is now adequate, down from good, while Y has moved up from requires
            # improvement": each "from" grade belongs to the area named last before it.
            named = [a.group(0) for a in self.scales.area_regex.finditer(s, 0, m.start()) if not inspectorate or self.scales.resolve_area(a.group(0), scale_id, inspectorate)]
            whole = _WHOLE_SUBJECT.match(s)
            if whole and not self.scales.area_regex.search(s, whole.end(), m.start()):
                # "Services for children in X have improved from good ...": the
                # whole service's grade before (its subject names no area).
                add(_Found(m.start("grade"), m.end("grade") + 1, m.group("grade"), OVERALL, previous=True))
            elif areas:
                add(_Found(m.start("grade"), m.end("grade") + 1, m.group("grade"), named[-1] if named else areas[0], previous=True))
        # "..., as was its use of resources": the same grade again.
        for m in rule(self.as_had_body, s, low) if "as had" in gate and any(f.area for f in found) else ():
            before = [f for f in found if f.area and f.count is None and f.end <= m.start()]
            if before:
                # Its own offsets, at the body named (whose record it is).
                found.append(_Found(m.start("body"), m.end("body"), before[-1].grade, before[-1].area, previous=True))
        for m in gates.finditer(self._as_was, s) if any(f.area for f in found) else ():
            before = [f for f in found if f.area and f.end <= m.start()]
            if before:
                add(_Found(m.start("area"), m.end("area"), before[-1].grade, m.group("area")))
        for m in self._and_so_were.finditer(s) if " so " in s and any(f.area for f in found) else ():
            before = [f for f in found if f.area and f.count is None and f.end <= m.start()]
            if before:
                add(_Found(m.start("area"), m.end("area"), before[-1].grade, m.group("area"), previous=before[-1].previous))
        for m in finditer_at(self.overall_and, s, low, _GRADE_STARTS) if low is None or "overall" in low else ():
            end = self._list_end(s, m.end(), r"[.;]|\b(?:but|while|whereas|although)\b")
            for extra in self.scales.area_regex.finditer(s, m.end(), end):
                add(_Found(extra.start(), extra.end(), m.group("grade"), extra.group(0)))
        for m in self.gave_area.finditer(s) if "gave " in gate or "give " in gate or "gives " in gate or "giving " in gate or "awarded " in gate or "handed " in gate else ():
            g = "grade" if m.group("grade") else "grade2" if m.group("grade2") else "grade3"
            add(_Found(m.start("area"), m.end(g), m.group(g), m.group("area")))
        for m in finditer_at(self.area_received, s, low, self.area_starts, offsets=gates.area_positions(s, low)) if _RECEIVED_LITERALS.any_in(low) else ():
            g = "grade" if m.group("grade") else "grade2"
            add(_Found(m.start("area"), m.end(g), m.group(g), m.group("area")))
        for m in finditer_at(self.area_which, s, low, self.area_starts, offsets=gates.area_positions(s, low)) if low is None or "which" in low else ():
            area = m.group("area")
            joined = self.together_with.match(s, m.end())
            if joined and self.scales.resolve_area(f"{area} and {joined.group('area')}", "ofsted", "ofsted"):
                # "children in care, which were judged good together with those for care leavers": the joint area
                # an earlier framework graded ("children in care and care leavers").
                area = f"{area} and {joined.group('area')}"
            add(_Found(m.start("area"), m.end("grade"), m.group("grade"), area))
        for m in finditer_at(self.area_previously, s, low, self.area_starts) if "now" in gate else ():
            if add(_Found(m.start("area"), m.end("grade"), m.group("grade"), m.group("area"), previous=False)):
                # Its own offsets (span values are keyed by them): the area to the earlier grade.
                found.append(_Found(m.start("area"), m.end("before"), m.group("before"), m.group("area"), previous=True))
        for m in rule(self.now_in_that_area, s, low) if "now" in gate and ("that" in gate or "this" in gate or "same" in gate) else ():
            before = [f for f in found if f.area and f.count is None and f.end <= m.start()]
            # (none here: the area the sentence before graded, "It is now adequate in that area")
            add(_Found(m.start("grade"), m.end(), m.group("grade"), before[-1].area if before else THAT_AREA, previous=False))
        for m in rule(self.ofsted_education, s, low) if "ofsted" in gate and "education" in gate else ():
            g, a = ("grade", "area") if m.group("grade") else ("grade2", "area2")
            add(_Found(min(m.start(a), m.start(g)), max(m.end(a), m.end(g)), m.group(g), "overall effectiveness", by_ofsted=True))
            # "..., down from requires improvement at the last inspection", "an improvement on the inadequate
            # judgement it gave in 2022": Ofsted's earlier grade of the same (the rule above ran before this area was found).
            moved = _MOVED_AFTER.match(s, m.end())
            earlier_grade = self.grade_word.match(s, moved.end()) if moved else None
            if earlier_grade and earlier_grade.group(0).lower() not in ("poorly", "lowest", "worst") and not add(_Found(earlier_grade.start(), earlier_grade.end(), earlier_grade.group(0), "overall effectiveness", previous=True, by_ofsted=True)):
                for f in found:  # (read already as the earlier grade of the area found before it: Ofsted's)
                    if f.start == earlier_grade.start() and f.area == "overall effectiveness" and f.previous:
                        f.by_ofsted = True
            for before in finditer_at(self.improvement_on, s, low, _IMPROVEMENT_STARTS) if _IMPROVEMENT_STARTS.any_in(gate) else ():
                if before.start() >= m.end():
                    bg = next(g for g in ("grade", "grade2", "grade3", "grade4", "grade5") if before.group(g))
                    if not add(_Found(before.start(bg), before.end(bg) + 1, before.group(bg), "overall effectiveness", previous=True, by_ofsted=True)):
                        for f in found:  # (read already as the earlier grade of the area found before it: Ofsted's)
                            if f.start == before.start(bg) and f.area == "overall effectiveness" and f.previous:
                                f.by_ofsted = True
                    break
        for m in rule(self.body_object, s, low) if ("council" in gate or "authority" in gate or "children" in gate) and _BODY_OBJECT_VERBS.any_in(gate) else ():
            g = "grade" if m.group("grade") else "grade2"
            add(_Found(m.start(g), m.end(), m.group(g), OVERALL if m.group("overall") else OVERALL_IF_UNNAMED))
        for m in rule(self.kept_rating, s, low) if "retain" in gate or "maintain" in gate or "kep" in gate or "held" in gate or "hold" in gate or "remain" in gate or "stay" in gate else ():
            g = "grade" if m.group("grade") else "grade2"
            # "Adoption performance kept the good grade it was given": an area as the verb's subject keeps its own grade.
            subject_area = m.group("grade") and self._area_as_subject(s, m.start())
            if subject_area:
                found.append(_Found(subject_area.start(), m.end(), m.group(g), subject_area.group(0), previous=False))
                found.append(_Found(subject_area.start(), m.end(), m.group(g), subject_area.group(0), previous=True))
                continue
            # Not claims ("overall rating remained good" is also `area_then_grade`'s, which a
            # CQC report resolves and an Ofsted one does not); `_emit` keeps one record per key.
            found.append(_Found(m.start(g), m.end(), m.group(g), OVERALL_IF_UNNAMED, previous=False))
            found.append(_Found(m.start(), m.end(), m.group(g), OVERALL_IF_UNNAMED, previous=True))  # its own offsets
        for m in rule(self.any_area_for, s, low) if "any" in gate and ("area" in gate or "categor" in gate or "pillar" in gate) else ():
            if not re.search(r"\b(?:not|never|no|nor)\b", s[max(0, m.start() - 40):m.start()], re.I):
                add(_Found(m.start(), m.end(), m.group("grade"), m.group("area")))
        for m in rule(self.rating_moved, s, low) if "rating" in gate or "grade" in gate or "judg" in gate or "score" in gate else ():
            add(_Found(m.start("area"), m.end("grade"), m.group("grade"), m.group("area")))
        for m in rule(self.rating_kept, s, low) if "stay" in gate or "remain" in gate else ():
            found.append(_Found(m.start("area"), m.end("grade"), m.group("grade"), m.group("area"), previous=False))
            found.append(_Found(m.start(), m.end(), m.group("grade"), m.group("area"), previous=True))  # its own offsets
        for m in rule(self.pillar_inspection, s, low) if "effectiveness" in gate or "efficiency" in gate or "legitimacy" in gate else ():
            add(_Found(m.start("area"), m.end("grade"), m.group("grade"), m.group("area")))
        for m in rule(self.rated_it_as, s, low) if "rate" in gate or "grade" in gate or "judged" in gate else ():
            named = list(self.scales.area_regex.finditer(s, 0, m.start())) if m.group("it").lower() == "it" else None
            if named and not self.grade_word.search(s, named[-1].end(), m.start()):
                # "Its work to protect vulnerable people has improved, and we now grade it as adequate".
                add(_Found(named[-1].start(), m.end("grade"), m.group("grade"), named[-1].group(0)))
            elif m.group("it").lower() == "it" and _IT_OF_A_THING.match(s, 0, m.start()):
                continue  # "The assessment of children's safety ... was not good enough, and we rated it inadequate": not the body
            else:
                add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL))
        for m in rule(self.service_at_hospital, s, low) if (" hospital as " in gate or " infirmary as " in gate) else ():
            add(_Found(m.start("place"), m.end("grade"), m.group("grade"), OVERALL))
        for m in rule(self.body_rated, s, low) if "rated" in gate or "judged" in gate else ():
            if m.group("it") and scale_id not in ("cqc", "hmi-probation"):
                continue  # "It was rated ..." is the whole body's rating where the body has one overall
            if add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL, previous=True if m.group("before") else (False if m.group("kept") else None))) and m.group("kept"):
                # "has again been rated", "remains rated": the same at the inspection before
                found.append(_Found(m.start(), m.end(), m.group("grade"), OVERALL, previous=True))  # its own offsets
        for m in finditer_at(self.area_moved_to, s, low, self.area_starts, offsets=gates.area_positions(s, low)) if " to " in gate and _TRANSITION_STARTS.any_in(low) else ():
            if add(_Found(m.start("area"), m.end("grade"), m.group("grade"), m.group("area"), previous=False)) and m.group("before"):
                found.append(_Found(m.start("area"), m.end("before"), m.group("before"), m.group("area"), previous=True))  # its own offsets
        for m in rule(self.services_moved, s, low) if "services" in gate else ():
            g = "grade" if m.group("grade") else "grade2" if m.group("grade2") else "grade3"
            add(_Found(m.start(g), m.end(g), m.group(g), OVERALL_IF_UNNAMED))
        for m in rule(self.zero_infinitive, s, low) if "not" in gate and "any" in gate else ():
            for g in ("grade", "grade2"):
                add(_Found(m.start(g), max(m.end(), m.end(g) + 1), m.group(g), None, 0, None, "count"), claim=False)
        for m in rule(self.zero_part, s, low) if "part" in gate or "none" in gate else ():
            for g in ("grade", "grade2"):
                if m.group(g):
                    add(_Found(m.start(g), max(m.end(), m.end(g) + 1), m.group(g), None, 0, None, "count"), claim=False)
        for m in rule(self.no_grade_received, s, low) if "not" in gate or "n't" in gate or "n’t" in gate or "no " in gate else ():
            if m.group("grade"):
                add(_Found(m.start(), m.end(), m.group("grade"), None, 0, None, "count"))
                continue
            for g in ("grade1", "grade2"):
                if m.group(g):  # each grade its own span: span values are keyed by offsets
                    add(_Found(m.start(g), max(m.end(), m.end(g) + 1), m.group(g), None, 0, None, "count"), claim=False)
            taken.append((m.start(), m.end()))
        for m in rule(self.no_longer, s, low) if "longer" in gate else ():
            if m.group("whole"):
                add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL_IF_UNNAMED, previous=True))
                continue
            if add(_Found(m.start("area"), m.end("grade"), m.group("grade"), m.group("area"), previous=True)):
                for extra in self._list_before(s, m.start("area")):
                    add(_Found(extra.start(), extra.end(), m.group("grade"), extra.group(0), previous=True))
        for m in rule(self.lost_rating, s, low) if "los" in gate or "stripped" in gate else ():
            of_area = [f for f in found if f.area and f.start <= m.start("grade") < f.end]
            for f in of_area:
                f.previous = True  # "lost its good rating for investigating crime": the area's grade before
            if not of_area:
                add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL_IF_UNNAMED, previous=True))
        for m in rule(self.among_areas, s, low) if "among" in gate else ():
            head = s[: m.start()]
            head_start = max(head.rfind(";"), head.rfind(":")) + 1
            named = list(self.scales.area_regex.finditer(s, head_start, m.start()))
            if m.group("rest"):
                along = s.index("along", m.start("rest"))
                named += list(self.scales.area_regex.finditer(s, along, m.end("rest")))
            for extra in named:
                add(_Found(extra.start(), extra.end(), m.group("grade"), extra.group(0)))
        for m in finditer_at(self.and_as_year, s, low, _AND_OR_COMMA_STARTS) if found and _YEAR.search(s) else ():
            before = [f for f in found if f.area and f.count is None and f.end <= m.start()]
            if before and not any(f.start <= m.start("grade") < f.end for f in found):
                found.append(_Found(m.start("grade"), m.end(), m.group("grade"), before[-1].area, previous=True, current_year_is_now=True))
        for m in self.but_latest.finditer(s) if found and " but " in s and _YEAR.search(s) else ():
            before = [f for f in found if f.area and f.count is None and f.end <= m.start()]
            if before and not any(f.start <= m.start("grade") < f.end for f in found):
                found.append(_Found(m.start("grade"), m.end(), m.group("grade"), before[-1].area, previous=False))
        for m in rule(self.dated_list_area, s, low) if " and " in gate and _YEAR.search(s) else ():
            for g in self.dated_grade.finditer(s, m.start("list"), m.end("list")):
                # Each its own year: earlier ones previous, this inspection's year current (`_emit`).
                add(_Found(g.start(), g.end(), g.group("grade"), m.group("area"), previous=True, current_year_is_now=True), claim=False)
        for m in rule(self.that_grade_moved, s, low) if (" to " in gate or "now" in gate) and ("grade" in gate or "rating" in gate or "judg" in gate) else ():
            before = [f for f in found if f.area and f.count is None and f.end <= m.start()]
            add(_Found(m.start(), m.end(), m.group("grade"), before[-1].area if before else THAT_AREA, previous=False))
        for m in rule(self.grade_that_area, s, low) if " area" in gate and ("that" in gate or "this" in gate or "same" in gate) else ():
            before = [f for f in found if f.area and f.count is None and f.end <= m.start()]
            # A grade it moved to is the grade now.
            add(_Found(m.start(), m.end(), m.group("grade"), before[-1].area if before else THAT_AREA, previous=False if m.group("moved") else None))
        for m in rule(self.now_grade, s, low) if "now" in gate and any(f.area and f.count is None for f in found) else ():
            before = [f for f in found if f.area and f.count is None and f.end <= m.start()]
            if before and len({f.area for f in before}) == 1 and _YEAR.search(s, 0, m.start()):
                add(_Found(m.start(), m.end(), m.group("grade"), before[-1].area, previous=False))
        for m in self.since_moved.finditer(s) if "since" in gate and any(f.area and f.count is None for f in found) else ():
            before = [f for f in found if f.area and f.count is None and f.end <= m.start()]
            if before and len({f.area for f in before}) == 1 and _YEAR.search(s, 0, m.start()):
                add(_Found(m.start("grade"), m.end(), m.group("grade"), before[-1].area, previous=False))
        for m in rule(self.count_fraction, s, low) if "half" in gate or ("all" in gate and "but" in gate) else ():
            stated = m.group("out_of") or m.group("out_of2")
            total = parse_int(stated) if stated else stated_out_of
            if not total:
                continue  # "good in half of its areas": how many is not stated
            if m.group("but"):
                but = parse_int(m.group("but"))
                count = total - but if but is not None and but < total else None
            else:
                count = total // 2 if total % 2 == 0 else None
            if count:
                grade = m.group("grade") or m.group("grade2")
                if m.group("or_grade"):
                    grade = f"{grade} or {m.group('or_grade')}"  # "good or outstanding in all but one": kept as stated
                add(_Found(m.start(), m.end(), grade, None, count, total, "count"))
        for m in rule(self.found_services, s, low) if "services" in gate and ("found" in gate or "judged" in gate or "concluded" in gate) else ():
            add(_Found(m.start("grade"), m.end("area"), m.group("grade"), m.group("area")))
        for m in rule(self.area_inspection, s, low) if "inspection" in gate and not any(f.area for f in found) else ():
            add(_Found(m.start("area"), m.end("grade"), m.group("grade"), m.group("area")))
        for m in rule(self.across_board, s, low) if stated_out_of and "board" in gate else ():
            # Not claimed: the areas listed after it are `grade_then_area`'s.
            found.append(_Found(m.start(), m.end(), m.group("grade"), None, stated_out_of, stated_out_of, "count"))
        for m in rule(self.also_given, s, low) if "which" in gate and any(f.area and f.count is None and not f.previous for f in found) else ():
            before = [f for f in found if f.area and f.count is None and f.end <= m.start() and not f.previous]
            if before:  # its own offsets: from the area to the end of the clause
                found.append(_Found(before[-1].start, m.end(), before[-1].grade, before[-1].area, previous=True))
        for m in finditer_at(self.having_been, s, low, _HAVING_STARTS):
            # "X and Y require improvement, having been inadequate three years ago":
            # the areas graded just before, at the earlier inspection.
            before = [f for f in found if f.area and f.end <= m.start() and not f.previous]
            named = self.grade_for_area.search(s, 0, m.start()) if not before and ("grade" in gate or "rating" in gate or "judg" in gate) else None
            if named:
                found.append(_Found(named.start("area"), m.end("grade"), m.group("grade"), named.group("area"), previous=True))
            for f in [f for f in before if f.grade == before[-1].grade] if before else ():
                # Span values are keyed by offsets: from the area to the earlier grade,
                # so that no two records share a span.
                found.append(_Found(f.start, m.end("grade"), m.group("grade"), f.area, previous=True))
        if "score" in gate and self.score_grades:
            for m in finditer_at(self.area_scored, s, low, self.area_starts, offsets=gates.area_positions(s, low)):
                grade = self.score_grades.get(m.group("score"))
                if grade and self.scales.resolve_area(m.group("area"), "hmi-prisons", "hmi-prisons") and add(_Found(m.start("area"), m.end(), grade, m.group("area"), previous=False)):
                    running = gates.search(_RUNNING, s, gate=True)
                    if running and running.start() >= m.end():
                        # "scored 2 at both inspections": the same score before (its own offsets).
                        found.append(_Found(running.start(), running.end(), grade, m.group("area"), previous=True))
            fronted = _FRONTED_YEAR.match(s)  # "In 2022, the jail scored 3 for respect and 2 for purposeful activity"
            when = {"previous": True, "year": int(fronted.group("year")), "current_year_is_now": True} if fronted else {"previous": False}
            for m in rule(self.scored_area, s, low):
                grade = self.score_grades.get(m.group("score"))
                if grade and self.scales.resolve_area(m.group("area"), "hmi-prisons", "hmi-prisons"):
                    add(_Found(m.start(), m.end(), grade, m.group("area"), **when))
                    more = _AND_SCORED.match(s, m.end())
                    area = more and self.scales.area_regex.match(s, more.start("area"))
                    grade = more and self.score_grades.get(more.group("score"))
                    if area and grade and self.scales.resolve_area(area.group(0), "hmi-prisons", "hmi-prisons"):
                        add(_Found(more.start("score"), area.end(), grade, area.group(0), **when))  # "... and 2 for purposeful activity"
            for m in rule(self.scored_count, s, low):
                grade = self.score_grades.get(m.group("score") or m.group("score2"))
                count = parse_int(m.group("count") or m.group("count2"))
                out_of = parse_int(m.group("out_of") or m.group("out_of2"))
                if grade and count is not None and out_of and count <= out_of:
                    add(_Found(m.start(), m.end(), grade, None, count, out_of, "count"))
        if " area" in gate:
            for m in rule(self.areas_appositive, s, low):
                earlier = gates.search(_PREVIOUS_CUE, s[m.start():m.end()]) or _YEAR.search(m.group("when")) or "previously" in m.group(0).lower()
                # ("..., the two areas it had rated inadequate in May last year": the past perfect dates it before)
                earlier = earlier or _HAD_OR_LAST_YEAR.search(m.group(0))
                if not earlier:
                    continue
                wanted = {"a": 1, "an": 1, "one": 1, "both": 2}.get(m.group("count").lower(), None) if m.group("count") else None
                wanted = wanted or (parse_int(m.group("count")) if m.group("count") else None)
                named = list(self.scales.area_regex.finditer(s, 0, m.start()))
                if not named or (wanted and len(named) < wanted):
                    continue
                # "two areas" here names the areas again; it is not a count of its own.
                found[:] = [f for f in found if not (f.count is not None and f.area is None and m.start() <= f.start < m.end())]
                for a in named[-wanted:] if wanted else named:
                    found.append(_Found(a.start(), m.end(), m.group("grade"), a.group(0), previous=True))
        if " with " in gate or " from " in gate or "against" in gate:
            for f in [f for f in found if f.count and f.area is None and not f.previous]:
                # "two were scored at the lowest level this time, compared with one in 2021":
                # the same grade's count at the inspection before.
                earlier = _COUNT_BEFORE.match(s, f.end)
                if earlier and (earlier_count := parse_int(earlier.group("count"))) is not None and earlier_count <= (f.out_of or 60):
                    found.append(_Found(earlier.start("cue"), earlier.end(), f.grade, None, earlier_count, f.out_of, "count", previous=True))
        for m in finditer_at(self.area_called_rated, s, low, self.area_starts, offsets=gates.area_positions(s, low)) if ", " in gate else ():
            add(_Found(m.start("area"), m.end("grade"), m.group("grade"), m.group("area")))
        for m in finditer_at(self.area_and_remained, s, low, self.area_starts, offsets=gates.area_positions(s, low)) if " and " in gate and ("remain" in gate or "stay" in gate or " now " in gate) else ():
            if not self.grade_word.search(s, m.end("area"), m.start("grade")):
                add(_Found(m.start("area"), m.end("grade"), m.group("grade"), m.group("area")))
        for m in rule(self.same_grade, s, low) if "same" in gate and any(f.area and f.count is None for f in found) else ():
            before = [f for f in found if f.area and f.count is None and f.end <= m.start()]
            if before:
                add(_Found(m.start(), m.end(), before[-1].grade, m.group("area") or m.group("area2"), previous=before[-1].previous))
        for m in rule(self.area_earned, s, low) if "earn" in gate or "receive" in gate or "given" in gate or "awarded" in gate or "handed" in gate or "won" in gate or "secured" in gate or "got" in gate or "gained" in gate else ():
            if add(_Found(m.start("area"), m.end(), m.group("grade"), m.group("area"))):
                for extra in self._list_before(s, m.start("area")):
                    add(_Found(extra.start(), extra.end(), m.group("grade"), extra.group(0)))
        for m in self.both_of_which.finditer(s) if " of which " in gate else ():
            head = s[: m.start()]
            named = list(self.scales.area_regex.finditer(s, max(head.rfind(";"), head.rfind(": ")) + 1, m.start()))
            if m.group("all").lower() == "both":
                named = named[-2:] if len(named) >= 2 else []
            for area in named:
                add(_Found(area.start(), area.end(), m.group("grade"), area.group(0)))
        for m in rule(self.area_aside_rated, s, low) if ", which " in gate or ", that " in gate else ():
            add(_Found(m.start("area"), m.end("grade"), m.group("grade"), m.group("area")))
        for m in self.as_did_areas.finditer(s) if found and (" as did " in gate or " as were " in gate or " as was " in gate or " as had " in gate) else ():
            before = [f for f in found if f.area and f.area[:2] != "__" and f.count is None and f.end <= m.start()]
            if before:
                end = self._list_end(s, m.end(), r"[.;]|\b(?:but|while|whereas|although|though|however)\b")
                for extra in self.scales.area_regex.finditer(s, m.end(), end):
                    add(_Found(extra.start(), extra.end(), before[-1].grade, extra.group(0), previous=before[-1].previous))
        for m in rule(self.described_body_rated, s, low) if "rated" in gate or "judged" in gate or "graded" in gate else ():
            add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL))
        for m in rule(self.previously_rated_end, s, low) if "previously" in gate and scale_id in ("cqc", "ofsted", "hmi-probation") and not found else ():
            add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL, previous=True))
        for m in rule(self.body_moved, s, low) if " to " in gate and _TRANSITION_STARTS.any_in(gate) and not any(f.area and f.area[:2] != "__" for f in found) else ():
            add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL_IF_UNNAMED, previous=False))
        for m in rule(self.body_moved, s, low) if " to " in gate and _TRANSITION_STARTS.any_in(gate) and any(f.area and f.area[:2] != "__" for f in found) else ():
            # "HMP Hull, which was judged poor for respect in 2018, has since improved to not sufficiently
            # good": the area of the relative clause that closes right before it, graded now.
            before = [f for f in found if f.area and f.area[:2] != "__" and f.count is None and f.end <= m.start() and _CLAUSE_CLOSES.match(s, f.end, m.start())]
            if before:
                add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), before[-1].area, previous=False))
        for m in rule(self.being_rated, s, low) if "being" in gate or "gave" in gate or "given" in gate or "awarded" in gate or "handed" in gate or "downgraded" in gate or "upgraded" in gate or "lowered" in gate or "raised" in gate or "moved" in gate else ():
            g = "grade" if m.group("grade") else "grade2" if m.group("grade2") else "grade3"
            add(_Found(m.start(g), m.end(g), m.group(g), OVERALL_IF_UNNAMED))
        for m in self.service_at_location_moved.finditer(s) if scale_id == "cqc" and " from " in s and ("Hospital" in s or "Infirmary" in s or " Wing" in s) else ():
            # (appended past the claims: the transition rule's whole-body reading of it names no area a CQC
            # location has, and `_emit` drops it)
            found.append(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL, previous=False, org_at=m.start("name")))
            found.append(_Found(m.start("before"), m.end("before"), m.group("before"), OVERALL, previous=True, org_at=m.start("name")))
        for m in self.service_at_location.finditer(s) if scale_id == "cqc" and ("Hospital" in s or "Infirmary" in s or " Wing" in s) else ():
            if add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL, previous=False if m.group("kept") else None, org_at=m.start("name"))) and m.group("kept"):
                found.append(_Found(m.start(), m.end(), m.group("grade"), OVERALL, previous=True, org_at=m.start("name")))  # its own offsets
        for m in rule(self.named_rated, s, low) if scale_id in ("ofsted", "cqc", "hmi-probation") and ("rated" in gate or "judged" in gate or "graded" in gate or "now requir" in gate or "still requir" in gate or "improvement to be good" in gate or (("remain" in gate or "stay" in gate) and _word_then_grade(gate, _KEPT_VERBS)) or (" to " in gate and _TRANSITION_STARTS.any_in(gate) and _word_then_grade(gate, (" to ",)))) else ():
            if self._names_area(s, m.start()):
                continue  # "Services, which covers ..., was judged inadequate": an area (HMI Probation's), not a body
            if _NOT_A_NAME.match(s, m.start()):
                continue  # "Two were judged as good and one outstanding": a number of bodies, no body
            g = next(g for g in ("grade", "grade2", "grade3", "grade4") if m.group(g))
            if add(_Found(m.start(g), m.end(g), m.group(g), OVERALL_IF_UNNAMED, previous=False if m.group("kept") else None)) and m.group("kept"):
                found.append(_Found(m.start(), m.end(), m.group(g), OVERALL_IF_UNNAMED, previous=True))  # its own offsets
        for m in rule(self.given_rating, s, low) if "rating" in gate or "grade" in gate or "verdict" in gate or "judg" in gate or "score" in gate else ():
            if add(_Found(m.start("grade"), m.end(), m.group("grade"), OVERALL_IF_UNNAMED)) and m.group("again"):
                found.append(_Found(m.start(), m.end(), m.group("grade"), OVERALL_IF_UNNAMED, previous=True))  # its own offsets
        for m in rule(self.remained, s, low) if ("remain" in gate or "stay" in gate or "continue" in gate) and any(f.area and f.count is None and not f.previous for f in found) else ():
            kept = [f for f in found if f.area and f.count is None and not f.previous and f.start <= m.start("grade") < f.end]
            if kept:
                kept[0].previous = False  # "remains rated ..., a rating it has held since 2018": the grade now
                # Its own offsets (from "remained"): span values are keyed by them.
                found.append(_Found(m.start(), m.end(), kept[0].grade, kept[0].area, previous=True))
            last = kept[0] if kept else None
            for f in sorted((f for f in found if last and f.start >= last.end and f.area and f.count is None and not f.previous and f.grade == last.grade), key=lambda f: f.start):
                if not _KEPT_LIST_GAP.fullmatch(s, last.end, f.start):
                    break
                # "it continues to be good in effectiveness and legitimacy": the list's other areas are kept too.
                f.previous, last = False, f
                found.append(_Found(m.start(), f.end, f.grade, f.area, previous=True))  # (offsets of its own)
            nxt = min((f for f in found if last and f.start >= last.end and f.area and f.count is None and not f.previous and f.grade != last.grade), key=lambda f: f.start, default=None)
            if nxt and _KEPT_AND_GRADE.fullmatch(s, last.end, nxt.start) and s[nxt.start:nxt.start + len(nxt.grade)].lower() == nxt.grade.lower():
                # "it remains good at preventing crime and requires improvement at investigating crime": the
                # verbless second grade is kept as well (its own grade, now and before).
                nxt.previous = False
                found.append(_Found(m.start(), nxt.end, nxt.grade, nxt.area, previous=True))  # (offsets of its own)
        for m in rule(self.named_body_rated, s, low) if "rated" in gate or "judged" in gate or "graded" in gate or "assessed" in gate or "found" in gate else ():
            add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL))
        for m in _COUNCIL_SERVICE_RATED.finditer(s) if ("council's " in gate or "council’s " in gate) and " rated" in gate else ():
            # "Cambridgeshire County Council's youth justice service, with which Peterborough shares ..., was rated
            # good in 2022": the council's (ANNOTATION.md: a youth justice service is its council).
            add(_Found(m.start(), m.end("grade"), m.group("grade"), OVERALL, named=True))
        for m in rule(self.named_body_aside_rated, s, low) if ", " in gate and ("rated" in gate or "judged" in gate or "graded" in gate) else ():
            add(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL))
        for m in rule(self.after_earlier, s, low) if found and "after" in gate and _YEAR.search(s) else ():
            g = "requiring" if m.group("requiring") else "grade"
            before = [f for f in found if f.count is None and f.end <= m.start()]
            covered = [f for f in found if f.start <= m.start(g) < f.end]
            for f in covered:
                f.previous, f.year = True, int(m.group("year"))  # ("after being judged good in 2019", read as a grade by another rule)
            if before and not covered:
                grade = "requires improvement" if g == "requiring" else m.group(g)
                found.append(_Found(m.start(g), m.end(), grade, before[-1].area, previous=True, year=int(m.group("year"))))
        whole = [f for f in found if f.area in (OVERALL, OVERALL_IF_UNNAMED) and f.count is None]
        if whole and not any(f.area not in (None, OVERALL, OVERALL_IF_UNNAMED) for f in found) and (" and " in gate or ", " in gate) and _YEAR.search(s):
            # "Tameside Council was rated inadequate in 2016 and requires improvement in 2019, and it is now
            # good": the whole body's later grades, as `and_as_year` and `now_grade` above read an area's
            # (the whole body's rules run after them).
            for m in finditer_at(self.and_as_year, s, low, _AND_OR_COMMA_STARTS):
                before = [f for f in whole if f.end <= m.start()]
                if before and not any(f.start <= m.start("grade") < f.end for f in found):
                    found.append(_Found(m.start("grade"), m.end(), m.group("grade"), before[-1].area, previous=True, current_year_is_now=True))
            for m in rule(self.now_grade, s, low) if "now" in gate else ():
                before = [f for f in whole if f.end <= m.start()]
                if before and len({f.area for f in before}) == 1 and _YEAR.search(s, 0, m.start()):
                    add(_Found(m.start(), m.end(), m.group("grade"), before[-1].area, previous=False))
        if "previously" in gate or "formerly" in gate or "once " in gate:
            m = self.fronted_earlier.match(s)
            if m:
                subject = self.scales.area_regex.match(s, _DETERMINER.match(s, m.end()).end())
                if subject:
                    found.append(_Found(m.start("grade"), subject.end(), m.group("grade"), subject.group(0), previous=True))
                elif _WHOLE_SUBJECT_NOUN.match(s, m.end()):
                    found.append(_Found(m.start("grade"), m.end(), m.group("grade"), OVERALL, previous=True))
            for m in rule(self.aside_earlier, s, low):
                before = s[: m.start()]
                named = list(self.scales.area_regex.finditer(before))
                if named and _DETERMINER.fullmatch(before, 0, named[-1].start()) and not before[named[-1].end():].strip():
                    found.append(_Found(named[-1].start(), m.end("grade"), m.group("grade"), named[-1].group(0), previous=True))
                elif _WHOLE_SUBJECT_NOUN.fullmatch(before):
                    found.append(_Found(m.start("grade"), m.end("grade"), m.group("grade"), OVERALL, previous=True))
        if "(" in s and ("previous" in gate or "formerly" in gate or "was " in gate):
            for f in [f for f in found if f.area and f.count is None and not f.previous]:
                # "Children in care – good (previously requires improvement)": the grade before, in brackets.
                earlier = _PAREN_EARLIER.match(s, f.end)
                if earlier:
                    found.append(_Found(f.start, earlier.end(), earlier.group("grade"), f.area, previous=True))
        if "again" in gate:
            for f in [f for f in found if f.area and f.count is None and not f.previous]:
                # "Responsive was rated good again": a kept grade (now, and at the inspection before).
                again = _GRADE_AGAIN.match(s, f.end)
                if again and not re.search(r"\b(?:not|never|if|could|would|might)\b", s[max(0, f.start - 40):f.start], re.I):
                    f.previous = False
                    found.append(_Found(f.start, again.end(), f.grade, f.area, previous=True))
        held = _HELD_SINCE.search(s) if found and "since" in gate and "been" in gate else None
        for f in [f for f in found if held and f.area and f.previous is None and f.count is None and held.start() <= f.start < held.end()]:
            f.previous = False
            found.append(_Found(min(f.start, held.start()), max(f.end, held.end()), f.grade, f.area, previous=True))  # its own offsets
        # (Read only when a grading it could apply to was found: most sentences here have none.)
        running = gates.search(_RUNNING, s, gate=True) if any((f.area or f.count is not None) and f.previous is None for f in found) else None
        if running:
            # "graded requires improvement for the second inspection running":
            # the same grade at the inspection before.
            leading_past = gates.match(_LEADING_PAST, s)
            # Only the grades of its own clause: "X has improved to G, while Y remains H, the same score as in 2022".
            breaks = [b.end() for b in _CONTRAST_BREAK.finditer(s, 0, running.start())]
            for f in [f for f in found if f.area and f.previous is None and f.start >= (breaks[-1] if breaks else 0)]:
                if f.start >= running.end() and _NEW_CLAUSE.search(s, running.end(), f.start):
                    continue  # "good in two of the three pillars, as it was in 2017, and it is outstanding at X": X is not kept
                if not leading_past:
                    f.previous = False  # "Respect was reasonably good, as it was at the last inspection": now, and then
                # Its own span (the phrase and the grade): span values are keyed by offsets.
                then = _YEAR.search(running.group(0))
                found.append(_Found(min(f.start, running.start()), max(f.end, running.end()), f.grade, f.area, previous=True, year=int(then.group(0)) if then else None))
            for f in [f for f in found if f.area is None and f.count is not None and f.previous is None and f.end <= running.start() and f.start >= (breaks[-1] if breaks else 0)]:
                # A kept count: "good in two of the three pillars, as it was in 2017" is 2 of 3 now and then.
                if not leading_past:
                    f.previous = False
                then = _YEAR.search(running.group(0))
                found.append(_Found(f.start, running.end(), f.grade, None, f.count, f.out_of, f.method, previous=True, year=int(then.group(0)) if then else None))
        as_did = _AS_IT_DID.search(s) if found and " did when " in gate or found and " was when " in gate else None
        for f in [f for f in found if as_did and f.previous is None and (f.area or f.count) and f.end <= as_did.start() and not _CONTRAST_BREAK.search(s, f.end, as_did.start())]:
            # "still requires improvement in all three pillars, as it did when we first inspected it in 2018": now, and then
            f.previous = False
            then = _YEAR.search(as_did.group(0))
            found.append(_Found(f.start, as_did.end(), f.grade, f.area, f.count, f.out_of, f.method, previous=True, year=int(then.group(0)) if then else None))
        if "not " in gate or "never " in gate or "no " in gate:
            # "It is not adequate at investigating crime": a grade denied is no grade (zero
            # counts, "not rated good in any area", are counts of 0 and stay).
            found[:] = [f for f in found if f.count is not None or not _denied(s, f)]
        if found and any(w in gate for w in _HYPOTHETICAL_WORDS):
            found[:] = [f for f in found if not _hypothetical(s, f)]
        if found and scale_id == "ofsted" and (gate.startswith("leader") or gate.lstrip().startswith("leader")):
            leaders = _LEADERS_LISTED.match(s)
            first = min((f for f in found if f.area and f.area[:2] != "__" and f.count is None), key=lambda f: f.start, default=None) if leaders else None
            if first is not None and first.start == leaders.end():
                # "Leaders, help and protection and children in care were all graded good": the leaders
                # judgement named first in a list of the judgements, sharing their grade.
                add(_Found(leaders.start("leaders"), leaders.end("leaders"), first.grade, "impact of leaders", previous=first.previous))
        if found and " of " in gate and _BODY_PLURALS.any_in(gate):
            # "12 of the 153 councils in England are currently rated inadequate": a number of bodies, no body's grade.
            counted = _BODIES_COUNTED.search(s)
            if counted:
                found[:] = [f for f in found if f.start < counted.start()]
        if found and _BODY_PLURALS.any_in(gate):
            share = _BODIES_SHARE.search(s)
            if share:
                # "Around a quarter of councils in England are rated outstanding": a share of bodies, no body's grade.
                found[:] = [f for f in found if f.start < share.start()]
        if found and ("earlier version" in gate or _RETRACTED_CUES.any_in(gate)):
            # A correction note: "An earlier version of this article said X had been rated outstanding; it was
            # rated good." The retracted grade is no one's (the corrected one restates the article's).
            retracted = _RETRACTED.search(s)
            if retracted:
                found[:] = [f for f in found if f.start >= retracted.end()]
        if "respectively" in gate:
            self._respectively(s, found)
        if not found and (":" in s or "–" in s or "—" in s):
            self._grade_then_areas(s, found)
        if not found and len(s) < 100 and (":" in s or " – " in s or " — " in s or " - " in s):
            line = self.name_grade_line.match(s)
            if line and not self.scales.area_regex.match(s, line.start("name")):
                found.append(_Found(line.start("name"), line.end("grade"), line.group("grade"), OVERALL_IF_UNNAMED, named=True))
        if not found and ": " in s[:90]:
            self._label_row(s, low, found)
        if found and ("from" in gate or "having" in gate or "again in" in gate):
            self._overall_before(s, gate, found)
        return found

    def _label_row(self, s: str, low: str | None, found: list[_Found]) -> None:
        """"Thurrock Council: Rated requires improvement to be good in 2023, down from good in 2019.": a
        round-up's paragraph that opens with the body's name and a colon, the rest a sentence without its
        subject. Read as "Thurrock Council was rated ...", its records mapped back to this sentence."""
        m = _LABEL_ROW.match(s)
        if not m or self.scales.area_regex.match(s, m.start("name")):
            return
        rest = s[m.end():]
        if not _PARTICIPLE_START.match(rest) and not _LABEL_GRADE.match(rest):
            return  # "Oldham Council: Good practice in its front door ...": a grade word qualifying a noun
        verb = " was " if _PARTICIPLE_START.match(rest) else " was rated "
        sub = m.group("name") + verb + rest[:1].lower() + rest[1:]
        shift = len(sub) - len(s)
        at = len(m.group("name"))
        for f in self._find(sub):
            f.start = f.start - shift if f.start > at else f.start
            f.end = max(f.end - shift, f.start + 1)
            found.append(f)
        self._gates().reading(s, low)  # (the sentence read now is this one again)

    def _overall_before(self, s: str, gate: str, found: list[_Found]) -> None:
        """A body's grade now, then its grade before in the same clause chain: "X was rated inadequate in
        2023, down from good in 2019", "..., having previously been rated requires improvement", "judged good
        in 2019 and again in 2024" (good then, and again at the later inspection). The rules that read the earlier grade against
        an area already found run before the body's own grade is read; this adds the whole body's."""
        now = [f for f in found if f.area in (OVERALL, OVERALL_IF_UNNAMED) and f.count is None and not f.previous]
        if not now:
            return
        taken = [(f.start, f.end) for f in found]
        cues = []
        if "from" in gate:
            cues += [(m.start("grade"), m.end("grade"), m.group("grade"), m.start()) for m in self.up_from.finditer(s, now[0].end)]
        if "having" in gate:
            cues += [(m.start("grade"), m.end("grade"), m.group("grade"), m.start()) for m in self.having_been.finditer(s, now[0].end)]
        for start, end, grade, cue in cues:
            if any(a <= start < b for a, b in taken):
                continue
            before = [f for f in now if f.end <= cue]
            if before and not _CLAUSE_BREAK.search(s, before[-1].end, cue):
                found.append(_Found(start, end + 1, grade, before[-1].area, previous=True))
        if "again in" in gate:
            for f in now:
                again = _AGAIN_IN.match(s, f.end)
                if again:
                    # Its own offsets: the grade at the later inspection.
                    found.append(_Found(again.start("later"), again.end("later"), f.grade, f.area))
                    f.previous, f.year = True, int(again.group("year"))

    def _graded_this(self, s: str, before: str, found: list[_Found]) -> None:
        """"..., and we graded this as good": a grade of the area named last before "this" in sentence
        `s`, else in the sentence `before` it (none when neither names one, or the grade is only possible)."""
        m = _GRADED_THIS.search(s)
        if m is None:
            return
        named = list(self.scales.area_regex.finditer(s, 0, m.start())) or list(self.scales.area_regex.finditer(before))
        item = _Found(m.start(), m.end(), m.group("grade"), named[-1].group(0), explicit=True) if named else None
        if item is not None and not _hypothetical(s, item) and not _denied(s, item):
            found.append(item)

    def _area_as_subject(self, s: str, verb: int) -> re.Match | None:
        """The area that opens sentence `s` as the subject of the verb at `verb` ("Adoption performance
        kept the good grade ...", "Its caring rating has kept ..."), or None."""
        head = s[:verb]
        if len(head) > 70:
            return None
        m = self.scales.area_regex.search(head)
        if m is None or not re.fullmatch(r"\s*(?:the|its|their|[A-Z][\w'’]*['’]s?)?\s*", head[:m.start()]) or not re.fullmatch(r"\s*(?:(?:has|have|also|again)\s+)*", head[m.end():]):
            return None
        return m

    def _grade_then_areas(self, s: str, found: list[_Found]) -> None:
        """"Good: investigating crime and responding to the public": a grade, then the areas given it
        and nothing else (a list item or a line of a summary)."""
        m = self.grade_colon.match(s)
        if not m:
            return
        areas = list(self.scales.area_regex.finditer(s, m.end()))
        if areas and _AREA_LIST_REST.fullmatch(self.scales.area_regex.sub(" ", s[m.end():])):
            for area in areas:
                found.append(_Found(area.start(), area.end(), m.group("grade"), area.group(0), method="table"))

    def _respectively(self, s: str, found: list[_Found]) -> None:
        """"rated good and inadequate for A and B respectively": the n-th grade is the n-th area's
        (the rules that read one grade for all the areas, or none for the first, are overruled)."""
        m = _RESPECTIVELY.search(s)
        if not m:
            return
        grades = [g for g in _GRADE_RX.findall(m.group("grades"))]
        areas = list(self.scales.area_regex.finditer(s, m.start("areas"), m.end("areas")))
        if len(grades) < 2 or len(grades) != len(areas):
            return
        found[:] = [f for f in found if not (m.start() <= f.start < m.end() or m.start() < f.end <= m.end())]
        for grade, area in zip(grades, areas):
            found.append(_Found(area.start(), area.end(), grade, area.group(0)))  # its own offsets

    def _peel_questions(self, doc, ctx, orgs, inspection_year, spans, seen) -> None:
        """A PEEL 2014-19 report's table of questions as a PDF flattens it: the question, then
        its grade on the same line or the next ("How effective is the force at investigating
        crime and reducing re-offending?" / "Requires improvement"): the question's area."""
        text = ctx.text
        for m in _PEEL_QUESTION_ROW.finditer(text):
            found = _Found(m.start("area") - m.start(), m.end("grade") - m.start(), m.group("grade"), m.group("area"), method="table")
            self._emit(doc, (m.start(), m.group(0)), found, ctx, orgs, inspection_year, spans, seen)

    def _safeguarding_board(self, doc, ctx, orgs, inspection_year, spans, seen) -> None:
        """A SIF report's judgement of the Local Safeguarding Children Board ("The Local Safeguarding
        Children Board (LSCB) | Requires improvement", "The effectiveness of the Local Safeguarding
        Children Board | Inadequate"): the board's own overall effectiveness, not the council's."""
        board = safeguarding_board_id(Gazetteer.default(), ctx.subject_id)
        if board is None:
            return
        text = ctx.text
        for m in BOARD_ROW.finditer(text):
            found = _Found(m.start("grade") - m.start(), m.end("grade") - m.start(), m.group("grade"), "overall effectiveness", method="table")
            self._emit(doc, (m.start(), m.group(0)), found, ctx, orgs, inspection_year, spans, seen, org_id=board)

    def _pre_sif_grades(self, doc, ctx, orgs, inspection_year, spans, seen) -> None:
        """A SIF or ILACS report recalling the council's grade under the framework before the SIF
        ("When it was last inspected in 2012, the arrangements for safeguarding children were judged
        inadequate", "In our inspection of safeguarding and looked after children's services in 2012,
        both were judged adequate"): that inspection's overall effectiveness, on the 2009 scale."""
        text = ctx.text
        for m in _PRE_SIF_GRADE.finditer(text):
            start = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n", 0, m.start()) + 1)
            end = text.find(".", m.end())
            sentence = text[start : end + 1 if end >= 0 else len(text)]
            years = [int(y) for y in _YEAR.findall(sentence) if int(y) <= _LAST_PRE_SIF_YEAR + 1 and (inspection_year is None or int(y) < inspection_year)]
            if not years:
                continue
            found = _Found(m.start("grade") - start, m.end("grade") - start, m.group("grade"), "overall effectiveness", previous=True, year=years[0], pre_sif=True)
            self._emit(doc, (start, sentence), found, ctx, orgs, inspection_year, spans, seen)

    def _emit(self, doc, sent, found: _Found, ctx, orgs, inspection_year, spans, seen, whole=None, *, org_id=None, previous=None, year=None) -> None:
        scales = self.scales
        scale_id = document_scale = _document_scale(ctx.inspection, inspection_year)
        if found.pre_sif:
            scale_id = document_scale = _OFSTED_2009
        inspectorate = ctx.inspection.inspectorate
        sent_start = sent.start_char if isinstance(sent, Sentence) else sent[0]
        if org_id is None and found.org_at is not None:
            at = bisect.bisect_left(orgs.starts, sent_start + found.org_at)
            if at < len(orgs.starts) and orgs.starts[at] == sent_start + found.org_at:
                org_id = orgs.ids[at]
        kind = self._kind(org_id or orgs.near(sent_start + found.start, sent_start))
        if kind in _KIND_INSPECTORATE and inspectorate not in _KIND_INSPECTORATE[kind][2]:
            # A round-up of several inspectorates' bodies ("Lincolnshire Police ... HMP Lincoln ..."):
            # each body's grade is on the scale of the inspectorate that grades it.
            inspectorate, scale_id = _KIND_INSPECTORATE[kind][:2]
            document_scale = scale_id if scale_id != "peel-2021" or not inspection_year or inspection_year > 2020 else "peel-2014"
            scale_id = document_scale
        area = None
        if found.area == OVERALL_IF_UNNAMED and scale_id in ("hmi-probation", "cqc") and inspectorate == scale_id:
            # "an improvement on its first inspection, when it was judged inadequate", "the trust has been
            # downgraded from good to requires improvement": CQC and HMI Probation give the whole body an overall rating.
            area = "overall"
        elif found.area == OVERALL_IF_UNNAMED:
            if scale_id not in _OFSTED_SCALES or inspectorate != "ofsted":
                return
            area = "overall effectiveness"
        elif found.area == OVERALL:
            if scale_id in _OFSTED_SCALES:
                area = "overall effectiveness"
            elif scale_id in ("hmi-probation", "cqc"):
                area = "overall"
            elif scale_id == "peel-2014" and (pillar := _PILLAR_INSPECTION.search(sent.text if isinstance(sent, Sentence) else sent[1], 0, found.start)):
                area = pillar.group("pillar").lower()  # "In last year's effectiveness inspection it was judged to require improvement overall"
                if pillar.group("earlier") and found.previous is None:
                    found.previous = True  # (that inspection's grade, not this one's)
            else:
                return
        elif found.area and found.area.startswith(_STANDARD):
            youth = bool(_YOUTH_JUSTICE.search(ctx.title or ctx.text[:2000]))
            if not (scale_id == ctx.inspection.inspectorate == "hmi-probation" or (ctx.inspection.inspectorate is None and youth)):
                return  # numbered standards are HMI Probation's (a youth justice inspection's, when the inspectorate is not named)
            scale_id = "hmi-probation"
            domain = found.area[len(_STANDARD):]
            area = {"1": "organisational delivery", "2": "court work" if youth else "case supervision", "4": "resettlement" if youth else None}.get(domain)
            if area is None:
                return  # a youth justice service's out-of-court work (3.x) has no area of its own
        elif found.area:
            resolved = scales.resolve_area(found.area, "ofsted" if found.by_ofsted else scale_id, "ofsted" if found.by_ofsted else inspectorate)
            if resolved is None:
                return
            if scale_id == "hmicfrs-fire" and resolved[0] != scale_id:
                # A fire inspection grades its three pillars; its diagnostic areas ("Making best
                # use of resources") are not PEEL's areas of the same name ("good use of resources").
                return
            if resolved[0] == "peel-2014" and resolved[1] not in _PEEL_2014_PILLARS and (document_scale != "peel-2014" or (inspection_year or 0) > 2020):
                # The 2014-19 framework's questions ("Planning for the future") are graded only in its own reports
                # (not in a 2025 story that recalls the force's 2019 pillar grades): the later framework's area, if any.
                resolved = scales.resolve_area(found.area, "peel-2021")
                if resolved is None or resolved[0] != "peel-2021":
                    return
            if resolved[0] == "hmicfrs-fire" and resolved[1] not in _FIRE_PILLARS and (scale_id not in (None, "hmicfrs-fire") or (inspection_year or 0) < 2023):
                # The eleven areas are graded from the 2023-25 round on (before it, the three pillars),
                # and only in a fire inspection ("protection work" in a PEEL report is no fire area).
                return
            scale_id, area = resolved
            if area == "case supervision" and scale_id == "hmi-probation" and "supervision" not in found.area.lower() and _YOUTH_JUSTICE.search(ctx.title or ctx.text[:2000]):
                # A youth justice inspection's second domain is court work: its
                # standards are assessment, planning, delivery and reviewing too
                # (but "case supervision", named as such, is what the text says).
                area = "court work"
            if scale_id == "ofsted" and area == "overall effectiveness" and inspectorate not in (None, "ofsted") and not found.by_ofsted:
                return
            if (scale_id == _OFSTED_2009) != (document_scale == _OFSTED_2009):
                # The pre-2014 framework's areas ("leadership and management") are
                # graded only in its reports, and its reports grade only those.
                return
        grade_text = found.grade.lower()
        grade = _normalise(scales, scale_id, grade_text)
        if grade == LOWEST:
            return  # "its lowest grade" on no known scale
        if area is not None and scale_id in scales.scales and grade not in scales.scales[scale_id].grades:
            # "adequate" exists only on the 2021 PEEL scale: switch when the area fits it.
            alternative = scales.resolve_area(found.area, "peel-2021")
            # Else, when the document's scale is not known, the one scale naming the area that has the
            # grade: "adequate for its efficiency" in a story naming no inspectorate is a fire service's.
            others = [o for o in scales.area_aliases.get(fold_area(found.area), ()) if grade in scales.scales[o[0]].grades]
            if grade == "adequate" and alternative and alternative[0] == "peel-2021":
                scale_id, area = alternative
            elif len(others) == 1 and document_scale is None:
                scale_id, area = others[0]
            else:
                return
        sent_start, sent_text = (sent.start_char, sent.text) if isinstance(sent, Sentence) else sent
        if previous is None and found.previous is not None:
            previous = found.previous
            years = [found.year] if found.year else [int(y) for y in _YEAR.findall(sent_text[found.start:])]
            year = (years[0] if years else None) if previous else inspection_year
        body = org_id or orgs.near(sent_start + found.start, sent_start)
        own_text = self._own_part(sent_start, sent_text, found, body) if body != ctx.subject_id else sent_text
        if found.current_year_is_now and previous and year and body != ctx.subject_id and not _LATER.search(own_text, found.end) and year == max((int(y) for y in _YEAR.findall(own_text)), default=None):
            # "Oldham, whose services were judged inadequate in 2019, was rated good in 2024":
            # another body's latest dated grade is its grade now (ANNOTATION.md).
            previous = False
        if previous is None:
            previous, year = self._previous_of_body(own_text, found, inspection_year, body, ctx.subject_id)
            if not previous:
                earlier_year = self._previous_context(doc, ctx, sent_start, sent_text, found, inspection_year)
                if earlier_year is not False:
                    previous, year = True, earlier_year
        if found.current_year_is_now and previous and year and inspection_year and year >= inspection_year:
            previous, year = False, inspection_year  # "..., and as good in 2024": this inspection's year
        if not previous and area in _FIRE_PILLARS and scale_id == "hmicfrs-fire" and (inspection_year or 0) >= 2023 and found.count is None:
            dated = _DATED_AFTER.match(own_text, found.end)
            if dated and int(dated.group("year")) < 2023:
                # "its effectiveness was rated good in 2021": a pillar of the 2018-22 rounds, in a
                # story on the 2023-25 round's area grades, is a grade of the inspection before.
                previous, year = True, int(dated.group("year"))
        if previous and year and year < 2021 and scale_id == "hmicfrs-fire" and area is not None and area not in _FIRE_PILLARS:
            # "In 2018/19 the Service was also judged outstanding at promoting the right values and
            # culture": a question of the first round, recorded by its pillars only (a 2021/22 question
            # compared with the 2023-25 area of its name, "fell from good in 2022", is that area's earlier grade).
            return
        if not previous and found.method != "table" and getattr(self, "_no_grade_visit", False) and body in (None, ctx.subject_id):
            # A review of progress, a monitoring or focused visit grades nothing: a grade it
            # gives is the last full inspection's (ANNOTATION.md); another body's is its own.
            previous, year = True, _first_year(sent_text, inspection_year)
        if found.only_previous and not previous:
            return
        if previous and found.document_total:
            found.out_of = None  # an earlier inspection may have graded other areas
        if found.earlier_total and not previous:
            found.out_of = None  # nor is an earlier total the current inspection's
        start_char = sent_start + found.start
        end_char = sent_start + found.end
        if found.named:
            at = bisect.bisect_left(orgs.starts, start_char)
            if at == len(orgs.starts) or orgs.starts[at] != start_char or orgs.ids[at] is None:
                return  # "Summary: good" names no body
        org_id = org_id or orgs.near(start_char, sent_start)
        key = (org_id, area, grade, previous, found.count, found.out_of)
        if found.method == "table" and not previous and org_id == ctx.subject_id and start_char not in getattr(self, "_side_rows", ()):
            # Also when the row restates a grade the prose gave first (`_keep_table_areas`).
            self._table_areas.add((scale_id, area))
        if key in seen:
            self._repeated.append((start_char, end_char))
            return
        seen.add(key)
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None:
            return
        span = _GradingSpan(doc, span.start, span.end, label=grade)
        span.values = _Values({
            "organisation_id": org_id, "grade": grade, "area": area, "scale": scale_id, "count": found.count,
            "out_of": found.out_of, "previous": previous, "year": year, "method": found.method,
        })
        set_span_values(span, span.values)
        spans.append(span)
        if found.explicit:
            self._explicit.add((span.start_char, span.end_char))

    def _previous_context(self, doc, ctx, sent_start: int, sent_text: str, found: _Found, inspection_year: int | None):
        """An earlier inspection set by the surroundings: a section such as
        "Previous Ofsted inspections", or the sentence before ("The last
        inspection was in July 2015. The local authority was judged ...").
        Returns the year (or None) when the grade is an earlier one, else False."""
        gates = self._gates()
        if gates.search(_NOW, sent_text[: found.start], gate=True) or gates.search(_THIS_REPORT, sent_text):
            return False
        i = ctx.block_index(sent_start)
        if i is None:
            return False
        window_start = ctx.starts[max(0, i - 3)]
        before = ctx.text[window_start:sent_start]
        if any(gates.search(_PREVIOUS_SECTION, h) for h in ctx.headings[i]):
            years = [int(y) for y in _YEAR.findall(before) if inspection_year is None or int(y) < inspection_year]
            return years[-1] if years else None
        # "The local authority was judged inadequate ... It was judged to
        # require improvement for ...": a run of sentences about that inspection.
        # "None of the four tests was rated good": a tally of the grades just given,
        # not a sentence about the earlier inspection before it.
        tally = found.count is not None and (_TALLY.match(sent_text) or _OF_THE_RATED.match(sent_text))
        chain = getattr(self, "_chain", None)
        if chain and self._names_other(sent_start, sent_start + found.start, chain[2]):
            chain = None  # "Merseyside Police was rated ..." after a sentence on another force's earlier grades: a new subject
        if chain and 0 <= sent_start - chain[0] <= 3 and (
            # (not a grade it moved to: "Its efficiency has now fallen to requires improvement" is the grade now)
            (gates.match(_CONTINUES_SUBJECT, sent_text) and not _MOVED_TO_RX.search(sent_text, 0, found.end)
             and not _NOW_IN_CLAUSE.search(sent_text[: found.end].rsplit(",", 1)[-1]))
            or (gates.search(_PAST_JUDGEMENT, sent_text) and not gates.search(_PRESENT, sent_text)
                and not tally)
        ):
            return chain[1]
        # The sentence just before, in the same block or the block before.
        tail = before[-400:]
        last_sentence = gates.remembered(("last sentence", tail), lambda: _SENTENCE_BREAK.split(tail.strip())[-1] if tail.strip() else "")
        current_end = getattr(self, "_current_end", None)
        if last_sentence and gates.search(_PREVIOUS_CUE, last_sentence, gate=True) and found.method != "table" and not tally and not (current_end is not None and 0 <= sent_start - current_end <= 3) and not _NOW_AGAINST_EARLIER.search(last_sentence):
            years = [int(y) for y in _YEAR.findall(last_sentence) if inspection_year is None or int(y) < inspection_year]
            head = sent_text[: found.start]
            if ", but " in head:
                # "..., but care leavers still require improvement": the clause of the grade says when.
                head = head[head.rfind(", but ") :]
            if years and gates.search(_WAS, head) and not gates.search(_PRESENT_OR_SINCE, head):
                # Not when this sentence names another body than the one before it (or the subject):
                # "Wakefield Council's services were assessed as ..." after Kirklees' earlier grade.
                last_start = sent_start - len(tail) + max(0, tail.rfind(last_sentence))
                orgs = getattr(self, "_orgs", None)
                named_before = set(orgs.ids[bisect.bisect_left(orgs.starts, last_start):bisect.bisect_left(orgs.starts, sent_start)]) if orgs else set()
                if not self._names_other(sent_start, sent_start + found.start, named_before | {ctx.subject_id}):
                    return years[-1]
        return False

    def _previous_of_body(self, own_text: str, found: _Found, inspection_year: int | None, body: str | None, subject_id: str | None) -> tuple[bool, int | None]:
        """`_previous` of a grade of `body` in `own_text` (`_own_part`): also, another body's grade
        dated before a later year in its part of the sentence is its earlier grade."""
        previous, year = self._previous(own_text, found, inspection_year, subject=body == subject_id)
        if not previous and found.count is None and own_text[:8].lower().lstrip().startswith("before "):
            fronted = _BEFORE_IN_YEAR.match(own_text)
            if fronted and inspection_year and int(fronted.group("year")) < inspection_year and found.start >= fronted.end():
                # "Before the Probation Service was unified in 2021, ... the CRC, which we rated requires
                # improvement in 2019": a fronted "before" clause with an earlier year dates the sentence's grades.
                previous, year = True, min([int(y) for y in _YEAR.findall(own_text, fronted.end())] + [int(fronted.group("year"))])
        if not previous and body != subject_id and found.count is None:
            dated = _DATED_AFTER.match(own_text, found.end)
            if dated and (any(int(y) > int(dated.group("year")) for y in _YEAR.findall(own_text, dated.end())) or _LATER.search(own_text, dated.end())
                          or (inspection_year and int(dated.group("year")) < inspection_year - 1 and _LAST_YEAR_AFTER.search(own_text, dated.end()))):
                # "Oldham, whose services were judged inadequate in 2019, was rated good in 2024",
                # "Bury's services, judged inadequate in 2021, have since improved to good".
                previous, year = True, int(dated.group("year"))
            elif dated and (" that " in own_text or " which " in own_text):
                turned = _RELATIVE_GRADED.search(own_text, max(0, found.start - 40), found.start)
                if turned and _GRADE_RX.search(own_text, 0, turned.start()) and not _YEAR.search(own_text, 0, turned.start()):
                    # "it was outstanding in six, good in two ..., a turnaround for a force that was rated
                    # inadequate for effectiveness in 2016": its undated grades before are the later ones.
                    previous, year = True, int(dated.group("year"))
        return previous, year

    def _own_part(self, sent_start: int, sent_text: str, found: _Found, body: str | None) -> str:
        """The sentence up to the first contrast ("; ", ", while", "but") after the grade
        that goes on to name another body than `body`: "Salford was rated ... in 2022, while
        Rochdale, ..., was rated good in 2023" (the part about another body dates none of
        this body's grades)."""
        if not (";" in sent_text or "while" in sent_text or "whereas" in sent_text or "but" in sent_text or "although" in sent_text):
            return self._own_part_and(sent_start, sent_text, found, body) if ", and " in sent_text else sent_text
        for brk in _CONTRAST_BREAK.finditer(sent_text, found.end):
            nxt = _CONTRAST_BREAK.search(sent_text, brk.end())
            if self._names_other(sent_start + brk.end(), sent_start + (nxt.start() if nxt else len(sent_text)), {body}):
                return sent_text[: brk.start()]
        return sent_text

    def _own_part_and(self, sent_start: int, sent_text: str, found: _Found, body: str | None) -> str:
        """The sentence up to a ", and" after the grade that goes straight on to name another body
        ("..., and HMP Hull, which was judged poor in 2018, has since improved"): what follows is that body's."""
        for brk in _AND_BREAK.finditer(sent_text, found.end):
            if self._names_other(sent_start + brk.end(), sent_start + min(len(sent_text), brk.end() + 60), {body}) and not self._names_other(sent_start + found.end, sent_start + brk.start(), {body}):
                return sent_text[: brk.start()]
        return sent_text

    def _names_area(self, s: str, start: int) -> bool:
        """Whether the capitalised name at `start` (up to a comma or verb) is an area alias."""
        area = self.scales.area_regex.match(s, start)
        return area is not None and not re.match(r"\s*(?-i:[A-Z])", s[area.end():area.end() + 2])

    @staticmethod
    def _kind(org_id: str | None) -> str | None:
        org = Gazetteer.default().organisation(org_id)
        return org.kind if org else None

    def _names_other(self, start: int, end: int, ids: set) -> bool:
        """Whether an organisation other than `ids` is named in [start, end)."""
        orgs = getattr(self, "_orgs", None)
        if orgs is None:
            return False
        i = bisect.bisect_left(orgs.starts, start)
        return any(orgs.ids[k] is not None and orgs.ids[k] not in ids for k in range(i, bisect.bisect_left(orgs.starts, end)))

    def _previous(self, sentence: str, found: _Found, inspection_year: int | None, subject: bool = True) -> tuple[bool, int | None]:
        # Look at the clause around the grade for an earlier-inspection cue.
        gates = self._gates()
        bounds = [0] + [m.end() for m in gates.finditer(_CLAUSE_SPLIT, sentence)] + [len(sentence)]
        clause_start = max(b for b in bounds if b <= found.start)
        clause_end = min(b for b in bounds if b >= found.end) if any(b >= found.end for b in bounds) else len(sentence)
        clause = sentence[clause_start:clause_end]
        years = [int(y) for y in _YEAR.findall(clause)]
        past_years = [y for y in years if inspection_year is None or y < inspection_year]
        cue = gates.search(_PREVIOUS_CUE, clause, gate=True)
        if cue and not subject and _YEAR_CUE.fullmatch(cue.group(0)) and clause_start + cue.end() <= found.start:
            # "Trafford, which was rated inadequate in 2019, was judged good in 2023": the year dates the grade
            # in its own cue, not one after it.
            cue = next((c for c in _PREVIOUS_CUE.finditer(clause, cue.end()) if clause_start + c.end() > found.start), None)
        if cue and not subject and _YEAR_CUE.fullmatch(cue.group(0)) and not _LATER.search(sentence, clause_start) and not any(int(y) > int(_YEAR.search(cue.group(0)).group(0)) for y in _YEAR.findall(sentence, clause_start + cue.end())):
            # "Derbyshire was rated good overall in 2024", "North East Ambulance Service, which was
            # rated requires improvement in 2023": a year alone dates another body's grade to its own
            # latest inspection, not to one before it (as `past_years` below, for the subject only),
            # unless the sentence goes on to a later one ("..., and it is now adequate", "has since climbed to good").
            cue = next((c for c in _PREVIOUS_CUE.finditer(clause) if not _YEAR_CUE.fullmatch(c.group(0))), None)
        if cue and not subject and _ITS_LAST_INSPECTION.fullmatch(cue.group(0)) and not _LATER.search(sentence):
            # "Staffordshire Police was not rated outstanding in any area at its last inspection":
            # another body's last inspection is its latest, as ANNOTATION.md has a year alone date it.
            cue = next((c for c in _PREVIOUS_CUE.finditer(clause, cue.end()) if not _YEAR_CUE.fullmatch(c.group(0))), None)
        if cue and _HAD_BEEN_CUE.fullmatch(cue.group(0)) and "that" in sentence and _REPORTED_THAT.search(sentence, 0, clause_start + cue.start()):
            # "The Chief Fire Officer reported that the Service had been graded outstanding in three of
            # the 11 areas": reported speech's past perfect; another cue in the clause still dates it.
            cue = next((c for c in _PREVIOUS_CUE.finditer(clause, cue.end()) if not _HAD_BEEN_CUE.fullmatch(c.group(0))), None)
        if cue and getattr(self, "_minutes", False) and _HAD_BEEN_CUE.fullmatch(cue.group(0)):
            # Minutes go on in reported speech without "reported that" ("The force had been rated
            # inadequate at responding to the public."): their past perfect dates nothing either.
            cue = next((c for c in _PREVIOUS_CUE.finditer(clause, cue.end()) if not _HAD_BEEN_CUE.fullmatch(c.group(0))), None)
        if cue and re.search(r"\bfrom\b", cue.group(0)) and clause_start + cue.start() > found.start:
            cue = None  # "... requires improvement, up from inadequate": the grade before "from" is current
        if cue and re.search(r"\bfrom\b", cue.group(0)) and _FROM_GRADE_TO.search(sentence, 0, found.start):
            cue = None  # "improved from requires improvement to adequate in X": the grade after "to" is current
        if found.method == "table":
            return False, inspection_year
        if years and ", so " in sentence and _SO_THIS_IS.search(sentence, found.end):
            # "it was graded adequate for investigating crime in its 2021/22 inspection, so this is a decline",
            # "In 2019 Ofsted had judged our services to require improvement to be good, so this is real progress":
            # the change it ends on sets the dated grade before a later one (dev34).
            return True, years[0]
        if found.count == 0 and "since" in sentence and _NEVER_SINCE.search(sentence, 0, found.start) and _SINCE_YEAR.match(sentence, found.end):
            # "has not been graded inadequate for any question since our inspections began in 2014": to now, not then
            return False, inspection_year
        if sentence[:7].lower() == "before " and _BEFORE_THIS.match(sentence) and not gates.search(_NOW, sentence, gate=True):
            return True, _first_year(sentence, inspection_year)  # "Before this inspection, the trust was rated good overall."
        if _THIS_TIME_AFTER.match(sentence, found.end):
            return False, inspection_year  # "X, which was rated inadequate in 2020, was graded good in five areas this time"
        if _LAST_TIME_AFTER.match(sentence, found.end):
            return True, None  # "graded requires improvement in six of the nine areas last time"
        # "... an improvement on 2017, when the prison was rated poorly in two tests":
        # an earlier year's "when" clause dates every grade after it in the sentence.
        when = _WHEN_PAST.search(sentence, 0, found.start)
        if when and not when.group("year") and not _NOW.search(sentence, when.end(), found.start):
            # "Since the last inspection, when services were judged to be inadequate, ...": that inspection's.
            return True, _first_year(sentence, inspection_year)
        if when and when.group("year") and inspection_year and int(when.group("year")) < inspection_year and not _NOW.search(sentence, when.end(), found.start):
            return True, int(when.group("year"))
        # "When it was last inspected, in 2022, it was found to be ...": a
        # leading time clause sets the time of the whole sentence.
        lead = gates.match(_LEADING_PAST, sentence)
        if lead and not gates.search(_NOW, clause, gate=True) and found.start >= lead.end() - 1:
            years = [int(y) for y in _YEAR.findall(sentence[: found.start])]
            past = [y for y in years if inspection_year is None or y < inspection_year]
            if past or not years:
                return True, (past[0] if past else None)
        joined = _WHEN_IN_YEAR.match(sentence) if sentence[:6].lower().lstrip().startswith("when ") else None
        if joined and inspection_year and int(joined.group("year")) < inspection_year and found.start >= joined.end() and not gates.search(_NOW, sentence, gate=True):
            # "When I joined in 2022 we had just been told that ..., and that X was inadequate": a fronted
            # "when" clause with an earlier year dates the sentence's grades (with no comma to close it).
            return True, int(joined.group("year"))
        if cue and not gates.search(_NOW, clause[: found.start - clause_start], gate=True):
            return True, (past_years[0] if past_years else (_first_year(sentence, inspection_year)))
        # A bare earlier year dates the grade only for the document's subject,
        # whose inspection date is known; a round-up's "rated inadequate in
        # July 2024" may be that force's latest grade.
        comparison = gates.search(_COMPARED_FROM, sentence, found.end)
        between = [int(y) for y in _YEAR.findall(sentence, found.end, comparison.start())] if comparison else []
        if comparison and all(inspection_year and y >= inspection_year - 1 for y in between) and not _YEAR.search(sentence, 0, found.start):
            # "rated as requiring improvement, moving up from the inadequate verdict of 2019":
            # the year dates the grade compared with, not this one.
            return False, inspection_year
        if subject and past_years and gates.search(_JUDGED_IN_PAST, clause) and not gates.search(_NOW, clause, gate=True):
            return True, past_years[0]
        return False, inspection_year


# A flattened table row's body name (or its last part), its year and what follows (`_flattened_body_rows`).
_BODY_ROW_YEAR = re.compile(r"^\s*(?P<name>[A-Z][^|\d]{0,80}?)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[/–-]\s*\d)")
# A dated grade's sentence ending on the change since: ", so this is a decline" (`GradingExtractor._previous`).
_SO_THIS_IS = re.compile(r",\s+so\s+(?:this|that|it)\s+(?:is|was|marks|represents)\s+(?:an?\s+|real\s+|some\s+|the\s+)?(?:\w+\s+)?(?:decline|improvement|progress|step\s+(?:backwards?|forwards?|back|up|down)|deterioration|fall|drop|rise|turnaround)\b", re.I)


# Between the last of a list of organisations and its grade: a plural verb, no sentence break.
# Or "Kent Police and Essex Police share third place. Both were rated good for ...": the next sentence's "Both".
# (An aside between them: "X and Y, inspected in 2024, were judged ...".)
_PLURAL_PREDICATE = re.compile(r"(?:\s+[^.;:!?]{0,60}[.!?]\s+(?-i:Both|The\s+two(?:\s+\w+)?)|,\s+[^,.;:!?]{3,80},)?\s+(?:were|are|have\s+been|had\s+been|both|all|each)\b[^.;:!?]{0,100}", re.I)
# What every match of `_PLURAL_PREDICATE` has: a space, then a plural verb.
_PLURAL_CUE = re.compile(r"\s(?:were|are|have|had|both|all|each)\b", re.I)
_PLURAL_WORDS = ("were", "are", "have", "had", "both", "all", "each")


def _may_be_plural(text: str, start: int) -> bool:
    """Whether a plural verb (`_PLURAL_CUE`) is in the 120 characters before
    `start`: its words first (`str.lower` keeps these letters as `re.I` does),
    the pattern only where one is."""
    window = text[max(0, start - 120):start].lower()
    return any(word in window for word in _PLURAL_WORDS) and _PLURAL_CUE.search(text, max(0, start - 120), start) is not None


_COORDINATION = re.compile(r"\s*(?:,|,?\s+and|&|,?\s+as\s+well\s+as)\s*", re.I)

_OFSTED_2009 = "ofsted-2009"
# The inspectorate (and its scale) that grades each kind of body, and the inspectorates a document
# about that kind may name (a council's youth justice service is HMI Probation's).
_KIND_INSPECTORATE = {
    "police_force": ("hmicfrs", "peel-2021", {"hmicfrs"}),
    "fire_and_rescue_service": ("hmicfrs", "hmicfrs-fire", {"hmicfrs"}),
    "prison": ("hmi-prisons", "hmi-prisons", {"hmi-prisons"}),
    "probation_service": ("hmi-probation", "hmi-probation", {"hmi-probation"}),
    "health_provider": ("cqc", "cqc", {"cqc"}),
    "local_authority": ("ofsted", "ofsted", {"ofsted", "hmi-probation"}),
}
_PEEL_2014_PILLARS = ("effectiveness", "efficiency", "legitimacy")
_OFSTED_SCALES = ("ofsted", _OFSTED_2009)
# The single inspection framework's first reports came out in 2014.
_LAST_PRE_SIF_YEAR = 2013


def _document_scale(inspection, inspection_year: int | None) -> str | None:
    """The scale the document grades on: an Ofsted report of neither SIF nor
    ILACS from before 2014 used the earlier four-point scale ("adequate"), whose
    judgements are not those of the later frameworks."""
    if inspection.scale == "ofsted" and inspection.programme is None and inspection_year and inspection_year <= _LAST_PRE_SIF_YEAR:
        return _OFSTED_2009
    return inspection.scale


def _total_of(across: re.Match) -> int | None:
    """The number of graded areas an `across` match states."""
    return parse_int(across.group("out_of") or across.group("out_of2") or across.group("out_of3") or across.group("out_of4") or across.group("out_of5") or across.group("out_of6"))


def _mentions_earlier_year(sentence: str, inspection_year: int | None) -> bool:
    if inspection_year is None or not any(int(y) < inspection_year for y in _YEAR.findall(sentence)):
        return False
    # A round that runs into the inspection's year ("Our PEEL 2023-25 report ... assessed us in nine
    # areas", published 2025) is no earlier one: a split year is read by its last year here.
    for m in _YEAR.finditer(sentence):
        to = _ROUND_TO.match(sentence, m.end())
        if int(m.group(0)[:2] + to.group(1) if to else m.group(0)) < inspection_year:
            return True
    return False


_ROUND_TO = re.compile(r"[-–/](\d\d)(?!\d)")


def _first_year(sentence: str, inspection_year: int | None) -> int | None:
    for y in _YEAR.findall(sentence):
        if inspection_year is None or int(y) < inspection_year:
            return int(y)
    return None


def _year_of(date: str | None) -> int | None:
    if date and re.match(r"\d{4}", date):
        return int(date[:4])
    return None


def _normalise(scales: Scales, scale_id: str | None, grade_text: str) -> str:
    if " or " in grade_text:
        return " or ".join(_normalise(scales, scale_id, g) for g in grade_text.split(" or "))
    if grade_text == LOWEST and scale_id in scales.scales:
        return scales.scales[scale_id].grades[-1]
    if grade_text == "below standard":
        return grade_text
    if grade_text in ("failing", "failed", "weak"):
        return "failing"
    if scale_id in scales.scales:
        return scales.scales[scale_id].normalise_grade(grade_text)
    return GRADE_PHRASES.get(grade_text, grade_text)


@Language.factory("miner_gradings", assigns=["doc.spans"], requires=["doc.sents"], default_config={"learned": True})
def make_grading_extractor(nlp: Language, name: str, learned: bool) -> GradingExtractor:
    return GradingExtractor(nlp, name, learned=learned)
