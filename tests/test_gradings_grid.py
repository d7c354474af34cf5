"""A behavioural grid for gradings, in the manner of CheckList (Ribeiro et al., 2020).

Templates x fillers generate the cases and their expected records, so that a
rule is tested on a whole row or column of phrasings rather than on the one
sentence a document happened to contain. The dimensions (each case is tagged
with its values; `python -m tests.test_gradings_grid` prints the pass rate of
each, then every failing case):

- body: an inspected body of each scale (a PEEL force, an Ofsted council, a
  prison, a probation delivery unit, an NHS trust, a fire and rescue service),
  named in the title; `NAMES`: other bodies of each kind;
- subject: full name, short alias, "the force"/"the council"/..., "it", and
  their possessives; attachment: "court work at X", "the probation service
  covering Leeds", another body in the same sentence or the one before;
- frame: the grading verb and construction (rated/judged/graded/found to
  be/assessed as/given a rating of/received a grade of/"X's Y was Z"/
  "Inspectors rated ..."/"... rated Z by inspectors"/"gave Y a grade of Z"/
  placed in the Z category; passive and active; present, past and perfect);
- grade and area: every grade of each scale, its areas by their usual names
  and by their other names (`Body.forms`);
- modifier: previously/in 2019/at its last inspection/three years ago/still/
  again/now/up from/down from/compared with/(previously H)/retained/no longer;
- count, list, overall, score (HMI Prisons' 1-4), layout and structure
  (tables, "A - G" lines, grade-first lists, area headings, "respectively"),
  each inspectorate's own summary sentences, news stories;
- trap: sentences that must give no grading of the subject (plain-English
  grade words, negation, hypotheticals and conditions, surveys, other bodies
  counted, another scale's words).

Each case is one short document; the expected records are (organisation,
area, grade, previous, count, out_of). Cases the extractor is known to miss
are listed in KNOWN_GAPS with the reason; every other case must pass.
"""


from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import pytest

from tests.document_lines import document_from_lines

PUBLISHED = "2024-06-12"

RI = "requires improvement"
RIG = "requires improvement to be good"
NSG = "not sufficiently good"


@dataclass(frozen=True)
class Grade:
    canonical: str
    label: str  # after "rated", "graded", "a rating of"
    verb: str  # after "to": "be good", "require improvement"
    predicate: str  # after the subject: "is good", "requires improvement"


@dataclass(frozen=True)
class Area:
    canonical: str
    prep: str  # "for investigating crime"
    noun: str  # as a subject: "Investigating crime"
    possessed: str | None  # after "its": "investigation of crime"
    how: str | None = None  # after "in how it": "investigates crime"


@dataclass(frozen=True)
class Body:
    key: str
    id: str
    title: str
    full: str
    alias: str
    noun: str  # "the force"
    grades: tuple[Grade, ...]
    areas: tuple[Area, ...]
    overall: str | None  # the area of a whole-body rating, None where the scale has none
    total: int  # graded areas, for counts
    area_word: str  # "areas", "healthy prison tests", ...
    headline: str = ""  # a news story's headline naming the body
    forms: tuple[tuple[str, str], ...] = ()  # (canonical area, another way to name it after a grade)


def _grade(canonical, label=None, verb=None, predicate=None):
    label = label or canonical
    return Grade(canonical, label, verb or f"be {label}", predicate or f"is {label}")


OUTSTANDING, GOOD, ADEQUATE, INADEQUATE = (_grade(g) for g in ("outstanding", "good", "adequate", "inadequate"))
REQUIRES = _grade(RI, verb="require improvement", predicate="requires improvement")

PEEL = Body(
    "peel", "durham-constabulary", "PEEL 2023–25: An inspection of Durham Constabulary",
    "Durham Constabulary", "Durham Police", "the force",
    (OUTSTANDING, GOOD, ADEQUATE, REQUIRES, INADEQUATE),
    (
        Area("investigating crime", "for investigating crime", "Investigating crime", "investigation of crime", "investigates crime"),
        Area("responding to the public", "for responding to the public", "Responding to the public", "response to the public", "responds to the public"),
        Area("protecting vulnerable people", "for protecting vulnerable people", "Protecting vulnerable people", "protection of vulnerable people", "protects vulnerable people"),
        Area("managing offenders and suspects", "for managing offenders and suspects", "Managing offenders and suspects", "management of offenders and suspects", "manages offenders and suspects"),
        Area("preventing crime", "for preventing crime and anti-social behaviour", "Preventing crime and anti-social behaviour", "crime prevention", "prevents crime"),
        Area("leadership and force management", "for leadership and force management", "Leadership and force management", "leadership and force management", "leads and manages the force"),
        Area("police powers and public treatment", "for police powers and public treatment", "Police powers and public treatment", "use of police powers", "uses its powers and treats the public"),
        Area("developing a positive workplace", "for building, supporting and protecting the workforce", "Building, supporting and protecting the workforce", "positive workplace", "builds, supports and protects its workforce"),
    ),
    None, 9, "areas",
    "Durham Constabulary told to improve by police inspectorate",
    (
        ("investigating crime", "for its investigations"), ("investigating crime", "for how it investigates crime"),
        ("investigating crime", "at investigating crimes"), ("responding to the public", "for its response to calls"),
        ("responding to the public", "for answering calls from the public"), ("responding to the public", "in how it responds to the public"),
        ("protecting vulnerable people", "for protecting the vulnerable"), ("protecting vulnerable people", "for safeguarding vulnerable people"),
        ("protecting vulnerable people", "at keeping vulnerable people safe"), ("managing offenders and suspects", "for managing offenders"),
        ("managing offenders and suspects", "for managing suspects and offenders"), ("preventing crime", "for crime prevention"),
        ("preventing crime", "for preventing crime and antisocial behaviour"), ("preventing crime", "at preventing crime"),
        ("police powers and public treatment", "for treating the public fairly"), ("police powers and public treatment", "for its use of police powers"),
        ("developing a positive workplace", "for developing a positive workplace"), ("developing a positive workplace", "for supporting the workforce"),
        ("leadership and force management", "for leadership and management"), ("leadership and force management", "for force management"),
    ),
)

OFSTED = Body(
    "ofsted", "norfolk-county-council", "Inspection of Norfolk County Council local authority children’s services",
    "Norfolk County Council", "Norfolk Council", "the council",
    (OUTSTANDING, GOOD, _grade(RIG, verb="require improvement to be good", predicate="requires improvement to be good"),
     _grade(RIG, label=RI, verb="require improvement", predicate="requires improvement"), INADEQUATE),
    (
        Area("help and protection", "for children who need help and protection", "Help and protection", "help and protection services"),
        Area("children in care", "for children in care", "The experiences and progress of children in care", "services for children in care"),
        Area("care leavers", "for care leavers", "The experiences and progress of care leavers", "support for care leavers"),
        Area("impact of leaders", "for the impact of leaders on social work practice", "The impact of leaders on social work practice", "leaders' impact on social work practice"),
        Area("overall effectiveness", "for overall effectiveness", "Overall effectiveness", "overall effectiveness"),
    ),
    "overall effectiveness", 4, "judgements",
    "Ofsted publishes its verdict on Norfolk County Council children's services",
    (
        ("help and protection", "for the experiences and progress of children who need help and protection"),
        ("help and protection", "for help and protection"), ("help and protection", "for children who need protection"),
        ("children in care", "for the experiences and progress of children in care"),
        ("care leavers", "for the experiences and progress of care leavers"), ("care leavers", "for services for care leavers"),
        ("care leavers", "for support for care leavers"), ("impact of leaders", "for the impact of leaders"),
        ("impact of leaders", "for the impact of its leaders"), ("impact of leaders", "for the effectiveness of leaders and managers"),
    ),
)

PRISON = Body(
    "prison", "hmp-leeds", "Report on an unannounced inspection of HMP Leeds by HM Chief Inspector of Prisons",
    "HMP Leeds", "Leeds prison", "the prison",
    (GOOD, _grade("reasonably good"), _grade(NSG), _grade("poor")),
    (
        Area("safety", "for safety", "Safety", None),
        Area("respect", "for respect", "Respect", None),
        Area("purposeful activity", "for purposeful activity", "Purposeful activity", None),
        Area("rehabilitation and release planning", "for rehabilitation and release planning", "Rehabilitation and release planning", None),
    ),
    None, 4, "healthy prison tests",
    "HMP Leeds: inspectors publish their report on the jail",
    (
        ("safety", "in safety"), ("safety", "on safety"), ("respect", "in respect"), ("purposeful activity", "in purposeful activity"),
        ("rehabilitation and release planning", "for resettlement"), ("rehabilitation and release planning", "for preparation for release"),
        ("rehabilitation and release planning", "in rehabilitation and release planning"),
    ),
)

PROBATION = Body(
    "probation", "leeds-probation-delivery-unit", "An inspection of probation services in Leeds PDU",
    "Leeds Probation Delivery Unit", "Leeds PDU", "the PDU",
    (OUTSTANDING, GOOD, REQUIRES, INADEQUATE),
    (
        Area("organisational delivery", "for organisational delivery", "Organisational delivery", "organisational delivery"),
        Area("case supervision", "for case supervision", "Case supervision", "case supervision"),
    ),
    "overall", 12, "standards",
    "Leeds Probation Delivery Unit inspected by HM Inspectorate of Probation",
    (
        ("organisational delivery", "for leadership"), ("organisational delivery", "for staffing"),
        ("organisational delivery", "for governance and leadership"), ("case supervision", "for assessment"),
        ("case supervision", "for planning"), ("case supervision", "for implementation and delivery"), ("case supervision", "for reviewing"),
    ),
)

CQC = Body(
    "cqc", "nottingham-university-hospitals-nhs-trust", "Nottingham University Hospitals NHS Trust: inspection report - Care Quality Commission",
    "Nottingham University Hospitals NHS Trust", "NUH", "the trust",
    (OUTSTANDING, GOOD, REQUIRES, INADEQUATE),
    (
        Area("safe", "for safety", "Safety", "safety"),
        Area("effective", "for effectiveness", "Effectiveness", "effectiveness"),
        Area("caring", "for being caring", "Caring", None),
        Area("responsive", "for responsiveness", "Responsiveness", "responsiveness"),
        Area("well-led", "for leadership", "Leadership", "leadership"),
    ),
    "overall", 5, "key questions",
    "Nottingham University Hospitals NHS Trust rated by the Care Quality Commission",
    (
        ("safe", "for being safe"), ("safe", "for safe"), ("effective", "for being effective"), ("effective", "for effective"),
        ("caring", "for caring"), ("responsive", "for being responsive"), ("responsive", "for responsive"),
        ("well-led", "for being well-led"), ("well-led", "for well-led"), ("well-led", "for being well led"),
        ("well-led", "for how well the trust is led"),
    ),
)

FIRE = Body(
    "fire", "surrey-fire-and-rescue-service", "Effectiveness, efficiency and people 2021/22: An inspection of Surrey Fire and Rescue Service",
    "Surrey Fire and Rescue Service", "Surrey Fire and Rescue", "the service",
    (OUTSTANDING, GOOD, ADEQUATE, REQUIRES, INADEQUATE),
    (
        Area("effectiveness", "for effectiveness", "Effectiveness", "effectiveness", "keeps people safe from fire"),
        Area("efficiency", "for efficiency", "Efficiency", "efficiency"),
        Area("people", "for how well it looks after its people", "Looking after its people", None, "looks after its people"),
    ),
    None, 3, "pillars",
    "Surrey Fire and Rescue Service told to improve by inspectors",
    (
        ("effectiveness", "for how effectively it keeps people safe from fire"), ("efficiency", "for how efficiently it uses its resources"),
        ("people", "for the way it treats its people"), ("people", "for looking after its people"), ("efficiency", "for how efficient it is"),
    ),
)

BODIES = (PEEL, OFSTED, PRISON, PROBATION, CQC, FIRE)


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def subjects(body: Body) -> list[tuple[str, str, str, str]]:
    """(dimension name, nominative, object, possessive) of each way of naming the body."""
    return [
        ("full name", body.full, body.full, f"{body.full}'s"),
        ("alias", _cap(body.alias), body.alias, f"{_cap(body.alias)}'s"),
        ("the noun", _cap(body.noun), body.noun, f"{_cap(body.noun)}'s"),
        ("pronoun", "It", "it", "Its"),
    ]


@dataclass
class Case:
    id: str
    tags: dict
    body: Body
    lines: list[str]
    expected: set = field(default_factory=set)
    news: bool = False  # a news story under a headline naming the body, not the inspectorate's report


def rec(body, area, grade, previous=False, count=None, out_of=None, org=None):
    return (org or body.id, area, grade, previous, count, out_of)


# Frames for one area's grade: (name, template, needs). S/O/P: subject, object,
# possessive; L/V/Q: the grade's label, verb and predicate; A: the area after a
# preposition, N: the area as a subject, M: the area after a possessive.
AREA_FRAMES = [
    ("was rated", "{S} was rated {L} {A}."),
    ("was rated quoted", "{S} was rated '{L}' {A}."),
    ("was judged", "{S} was judged {L} {A}."),
    ("was graded", "{S} was graded {L} {A}."),
    ("was judged to", "{S} was judged to {V} {A}."),
    ("was found to", "{S} was found to {V} {A}."),
    ("was assessed as", "{S} was assessed as {L} {A}."),
    ("was rated as", "{S} was rated as {L} {A}."),
    ("given a rating of", "{S} was given a rating of '{L}' {A}."),
    ("received a grade of", "{S} received a grade of {L} {A}."),
    ("given a G rating", "{S} was given a '{L}' rating {A}."),
    ("has been rated", "{S} has been rated {L} {A}."),
    ("is rated", "{S} is rated {L} {A}."),
    ("inspectors rated", "Inspectors rated {O} {L} {A}."),
    ("inspectors judged to", "Inspectors judged {O} to {V} {A}."),
    ("we rated", "We rated {O} as {L} {A}."),
    ("fronted area", "{Acap}, {o} was rated {L}."),
    ("area rated by inspectors", "{N} was rated {L} by inspectors."),
    ("area was judged", "{N} was judged to {V}."),
    ("possessive was rated", "{P} {M} was rated {L}."),
    ("possessive is", "{P} {M} {Q}."),
    ("possessive has been judged", "{P} {M} has been judged {L}."),
    ("in how it", "{S} was rated {L} in how it {H}."),
    ("awarded a G grade", "{S} was awarded a '{L}' grade {A}."),
    ("downgraded to", "{S} was downgraded to {L} {A}."),
    ("has been graded by", "{S} has been graded {L} {A} by the inspectorate."),
    ("inspectors have rated", "Inspectors have rated {O} as {L} {A}."),
    ("possessive rating was", "{P} rating {A} was {L}."),
    ("in the latest inspection", "{S} was rated {L} {A} in the latest inspection."),
]


def _fill(template: str, subject, grade: Grade, area: Area) -> str | None:
    _, s, o, p = subject
    if "{M}" in template and area.possessed is None or "{H}" in template and area.how is None:
        return None
    if ("{N}" in template) and subject[0] != "full name":
        return None  # the area is the subject: one case per body is enough
    return template.format(
        S=s, O=o, P=p, o=o if s != "It" else "it", L=grade.label, V=grade.verb, Q=grade.predicate,
        A=area.prep, Acap=_cap(area.prep), N=area.noun, M=area.possessed, H=area.how,
    )


def area_cases() -> list[Case]:
    cases = []
    for body in BODIES:
        for i, (frame, template) in enumerate(AREA_FRAMES):
            for j, subject in enumerate(subjects(body)):
                grade = body.grades[(i + j) % len(body.grades)]
                area = body.areas[(3 * i + j) % len(body.areas)]
                text = _fill(template, subject, grade, area)
                if text is None:
                    continue
                tags = {"kind": "area", "body": body.key, "frame": frame, "subject": subject[0], "grade": grade.canonical, "area": area.canonical}
                cases.append(Case(f"{body.key}-{frame}-{subject[0]}", tags, body, [text], {rec(body, area.canonical, grade.canonical)}))
    return cases


def _better_worse(body: Body, i: int) -> tuple[Grade, Grade]:
    """Two different grades of the body's scale, by position."""
    grades = [g for g in body.grades if g.label == g.canonical or g.canonical != RIG]
    a = grades[i % len(grades)]
    b = grades[(i + 1) % len(grades)]
    return a, b


# (name, template, expected as a function of (body, area, grade, other grade)).
MODIFIERS = [
    ("previously", "{S} was previously rated {L} {A}.", lambda b, a, g, h: {rec(b, a, g, True)}),
    ("in 2019", "In 2019, {o} was rated {L} {A}.", lambda b, a, g, h: {rec(b, a, g, True)}),
    ("at its last inspection", "At its last inspection, {o} was rated {L} {A}.", lambda b, a, g, h: {rec(b, a, g, True)}),
    ("when last inspected", "When it was last inspected in 2019, {o} was judged {L} {A}.", lambda b, a, g, h: {rec(b, a, g, True)}),
    ("still", "{S} is still rated {L} {A}.", lambda b, a, g, h: {rec(b, a, g)}),
    ("again", "{S} has again been rated {L} {A}.", lambda b, a, g, h: {rec(b, a, g), rec(b, a, g, True)}),
    ("now", "{S} is now rated {L} {A}.", lambda b, a, g, h: {rec(b, a, g)}),
    ("up from", "{S} is now rated {L} {A}, up from {H} in 2021.", lambda b, a, g, h: {rec(b, a, g), rec(b, a, h, True)}),
    ("down from", "{S} was rated {L} {A}, down from {H} at its previous inspection.", lambda b, a, g, h: {rec(b, a, g), rec(b, a, h, True)}),
    ("having been", "{S} was rated {L} {A}, having been rated {H} in 2021.", lambda b, a, g, h: {rec(b, a, g), rec(b, a, h, True)}),
    ("improved from", "{S} has improved from {H} to {L} {A}.", lambda b, a, g, h: {rec(b, a, g), rec(b, a, h, True)}),
    ("retained", "{S} retained its {L} rating {A}.", lambda b, a, g, h: {rec(b, a, g), rec(b, a, g, True)}),
    ("no longer", "{S} is no longer rated {L} {A}.", lambda b, a, g, h: {rec(b, a, g, True)}),
    ("remains", "{S} remains {L} {A}.", lambda b, a, g, h: {rec(b, a, g), rec(b, a, g, True)}),
    ("had been", "{S} had been rated {L} {A} in 2019.", lambda b, a, g, h: {rec(b, a, g, True)}),
    ("second inspection running", "{S} was rated {L} {A} for the second inspection running.", lambda b, a, g, h: {rec(b, a, g), rec(b, a, g, True)}),
    ("kept", "{S} kept its {L} rating {A}.", lambda b, a, g, h: {rec(b, a, g), rec(b, a, g, True)}),
    ("a change from", "{S} was rated {L} {A}, a change from {H} in 2021.", lambda b, a, g, h: {rec(b, a, g), rec(b, a, h, True)}),
    ("went from", "{S} went from {H} to {L} {A}.", lambda b, a, g, h: {rec(b, a, g), rec(b, a, h, True)}),
    ("its grade moved from", "{P} grade {A} moved from {H} to {L}.", lambda b, a, g, h: {rec(b, a, g), rec(b, a, h, True)}),
    ("previously in brackets", "{S} was rated {L} {A} (previously {H}).", lambda b, a, g, h: {rec(b, a, g), rec(b, a, h, True)}),
    ("compared with", "{S} was rated {L} {A}, compared with {H} at its last inspection.", lambda b, a, g, h: {rec(b, a, g), rec(b, a, h, True)}),
]


def modifier_cases() -> list[Case]:
    cases = []
    for body in BODIES:
        for i, (name, template, expected) in enumerate(MODIFIERS):
            for j, subject in enumerate(subjects(body)[::3]):  # the full name and "it"
                grade, other = _better_worse(body, i + j)
                area = body.areas[(i + 2 * j) % len(body.areas)]
                if name == "remains" and grade.canonical in (RI, RIG):
                    grade, other = other, grade  # "remains requires improvement" is no English
                _, s, o, _ = subject
                text = template.format(S=s, o=o if s != "It" else "it", P=subject[3], L=grade.label, H=other.label, A=area.prep)
                tags = {"kind": "modifier", "body": body.key, "modifier": name, "subject": subject[0], "grade": grade.canonical, "area": area.canonical}
                cases.append(Case(f"{body.key}-{name}-{subject[0]}", tags, body, [text], expected(body, area.canonical, grade.canonical, other.canonical)))
    return cases


def count_cases() -> list[Case]:
    cases = []
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 7: "seven", 9: "nine", 10: "ten", 12: "12"}
    for body in BODIES:
        t, aw = body.total, body.area_word
        first, second = body.grades[1], body.grades[-1]  # good, and the lowest grade
        tw = words[t]
        rows = [
            ("two of N", [f"{body.full} was rated {first.label} in two of its {tw} {aw}."], {rec(body, None, first.canonical, count=2, out_of=t)}),
            ("in three areas", [f"{body.full} was rated {second.label} in three {aw}."], {rec(body, None, second.canonical, count=3)}),
            ("not in any", [f"{body.full} was not rated outstanding in any of its {aw}."] if body is not PRISON else [f"{body.full} was not rated good in any of its {aw}."],
             {rec(body, None, "outstanding" if body is not PRISON else "good", count=0)}),
            ("none of its N", [f"None of {body.full}'s {tw} {aw} was rated {first.label}."], {rec(body, None, first.canonical, count=0, out_of=t)}),
            ("list of counts", [f"{body.full} was assessed in {tw} {aw}.", f"It was rated {first.label} in two and {second.label} in two."],
             {rec(body, None, first.canonical, count=2, out_of=t), rec(body, None, second.canonical, count=2, out_of=t)}),
            ("it pronoun", [f"It was rated {second.label} in two of the {tw} {aw}."], {rec(body, None, second.canonical, count=2, out_of=t)}),
            ("all but one", [f"{body.full} was rated {first.label} in all but one of its {tw} {aw}."], {rec(body, None, first.canonical, count=t - 1, out_of=t)}),
            ("the remaining", [f"{body.full} was rated {first.label} in two of its {tw} {aw} and {second.label} in the remaining {words[t - 2]}."],
             {rec(body, None, first.canonical, count=2, out_of=t), rec(body, None, second.canonical, count=t - 2, out_of=t)}),
            ("of its N, fronted", [f"Of its {tw} {aw}, {body.noun} was rated {second.label} in two."], {rec(body, None, second.canonical, count=2, out_of=t)}),
        ]
        for name, lines, expected in rows:
            cases.append(Case(f"{body.key}-count-{name}", {"kind": "count", "body": body.key, "count": name}, body, lines, expected))
    return cases


def list_cases() -> list[Case]:
    cases = []
    for body in BODIES:
        a1, a2 = body.areas[0], body.areas[1]
        g, h = body.grades[1], body.grades[-1]
        rows = [
            ("two areas", f"{body.full} was rated {g.label} {a1.prep} and {a2.prep.split(' ', 1)[1]}.", {rec(body, a1.canonical, g.canonical), rec(body, a2.canonical, g.canonical)}),
            ("two grades", f"{body.full} was rated {g.label} {a1.prep} and {h.label} {a2.prep}.", {rec(body, a1.canonical, g.canonical), rec(body, a2.canonical, h.canonical)}),
            ("areas as subject", f"{a1.noun} and {a2.noun[0].lower() + a2.noun[1:]} were both rated {h.label}.", {rec(body, a1.canonical, h.canonical), rec(body, a2.canonical, h.canonical)}),
            ("as was", f"{a1.noun} was rated {g.label}, as was {a2.noun[0].lower() + a2.noun[1:]}.", {rec(body, a1.canonical, g.canonical), rec(body, a2.canonical, g.canonical)}),
        ]
        if len(body.areas) > 2:
            a3 = body.areas[min(3, len(body.areas) - 1)]  # (Ofsted's "children in care and care leavers" is one area of the 2018-23 framework)
            rows.append(("three areas", f"Inspectors rated {body.noun} {h.label} {a1.prep}, {a2.prep.split(' ', 1)[1]} and {a3.prep.split(' ', 1)[1]}.",
                         {rec(body, a.canonical, h.canonical) for a in (a1, a2, a3)}))
        for name, text, expected in rows:
            cases.append(Case(f"{body.key}-list-{name}", {"kind": "list", "body": body.key, "list": name}, body, [text], expected))
    return cases


OVERALL_FRAMES = [
    ("rated G overall", "{S} was rated {L} overall."),
    ("overall, judged", "Overall, {o} was judged {L}."),
    ("overall rating of", "{S} was given an overall rating of {L}."),
    ("possessive overall rating", "{P} overall rating is {L}."),
    ("placed in category", "{S} has been placed in the '{L}' category overall."),
    ("rated overall by inspectors", "{S} has been rated '{L}' overall by inspectors."),
]


def overall_cases() -> list[Case]:
    cases = []
    for body in BODIES:
        if body.overall is None:
            continue
        for i, (name, template) in enumerate(OVERALL_FRAMES):
            subject = subjects(body)[i % 4]
            grade = body.grades[i % len(body.grades)]
            _, s, o, p = subject
            text = template.format(S=s, o=o if s != "It" else "it", P=p, L=grade.label)
            tags = {"kind": "overall", "body": body.key, "frame": name, "subject": subject[0], "grade": grade.canonical}
            cases.append(Case(f"{body.key}-overall-{name}", tags, body, [text], {rec(body, body.overall, grade.canonical)}))
    return cases


def score_cases() -> list[Case]:
    cases = []
    scores = {4: "good", 3: "reasonably good", 2: NSG, 1: "poor"}
    for i, (score, grade) in enumerate(scores.items()):
        area = PRISON.areas[i]
        rows = [
            ("scored n for", f"HMP Leeds scored {score} for {area.canonical}."),
            ("score of n", f"{area.noun} was given a score of {score}, {grade}."),
        ]
        for name, text in rows:
            cases.append(Case(f"prison-score-{name}-{score}", {"kind": "score", "body": "prison", "frame": name}, PRISON, [text], {rec(PRISON, area.canonical, grade)}))
    return cases


OTHER_BODY = {
    "peel": ("Kent Police", "kent-police"),
    "ofsted": ("Birmingham City Council", "birmingham-city-council"),
    "prison": ("HMP Bristol", "hmp-bristol"),
    "probation": ("Swindon and Wiltshire PDU", "swindon-and-wiltshire-probation-delivery-unit"),
    "cqc": ("Royal Cornwall Hospitals NHS Trust", "royal-cornwall-hospitals-nhs-trust"),
    "fire": ("Kent Fire and Rescue Service", "kent-fire-and-rescue-service"),
}

# Sentences that grade nothing of the body. {S}, {A}: subject and area as above.
TRAPS = [
    ("plain good", "{S} has good links with its local partners."),
    ("plain adequate", "{S} did not have adequate resources to meet demand."),
    ("plain inadequate", "Inspectors found inadequate training for new staff."),
    ("plain outstanding", "Inspectors saw some outstanding work by frontline staff."),
    ("plain poor", "Some records were of poor quality."),
    ("a good number", "A good number of staff had completed the course."),
    ("good practice", "Inspectors found good practice in how {o} shares information."),
    ("plain requires improvement", "The way {o} records complaints requires improvement, inspectors said."),
    ("negation", "{S} was not rated inadequate {A}."),
    ("could be rated", "{S} could be rated inadequate {A} if it does not improve."),
    ("risks being rated", "{S} risks being rated inadequate at its next inspection."),
    ("hopes to be rated", "{S} hopes to be rated outstanding at its next inspection."),
    ("would be rated", "If nothing changes, {o} would be rated inadequate."),
    ("aim", "The chief executive said the aim was to be rated outstanding."),
    ("quoted other", "'We are proud to be rated good,' said a spokesperson for {X}."),
    ("cases sample", "Inspectors judged the work to be good in 40 of the 60 cases they examined."),
    ("reasonably good", "Staff said that the food was reasonably good."),
    ("not sufficiently good", "Communication with families was not sufficiently good, they said."),
    ("caring and safe", "Patients told inspectors that staff were caring and the wards felt safe."),
    ("may be rated", "{S} may be rated inadequate {A} when inspectors return."),
    ("outstanding cases", "There were 300 outstanding cases at the time of the inspection."),
    ("poor at", "Staff were poor at recording why decisions were made."),
    ("want to be rated", "Leaders want {o} to be rated outstanding."),
    ("survey rating", "In a survey, most victims rated the service they received as good."),
    ("staff survey", "Staff rated the support they were given as poor."),
    ("outstanding debts", "{S} had £3 million of outstanding debts."),
    ("performing poorly", "Inspectors said {o} was performing poorly in several respects."),
    ("good or better elsewhere", "Nationally, most services are rated good or better."),
]


# More sentences that grade nothing of the body: other bodies counted, national figures,
# progress and practice, grades not given, conditions and expectations.
TRAPS_2 = [
    ("bodies counted", "Nationally, three {kinds} were rated inadequate {A}."),
    ("of the N bodies", "Of the 40 {kinds} inspected, 12 were rated good {A}."),
    ("half of all", "Half of all {kinds} are now rated good or outstanding."),
    ("good progress", "{S} has made good progress {A}."),
    ("insufficient progress", "Inspectors found that {o} had made insufficient progress since the last visit."),
    ("outstanding example", "Inspectors saw an outstanding example of joint working {A}."),
    ("not graded", "Inspectors did not grade {o} {A} this time."),
    ("no graded judgements", "This inspection does not give graded judgements."),
    ("expected to be rated", "{S} had been expected to be rated good {A}."),
    ("will assess whether", "Inspectors will assess whether {o} is good {A}."),
    ("if rated again", "If {o} is rated inadequate again, it will face further action."),
    ("aim by a year", "{S} aims to be outstanding by 2026."),
    ("grade heading over prose", "# Requires improvement||Officers told us that morale had improved over the past year."),
]


def trap_cases() -> list[Case]:
    cases = []
    for body in BODIES:
        other, _ = OTHER_BODY[body.key]
        area = body.areas[0]
        for name, template in TRAPS:
            text = template.format(S=body.full, o=body.noun, A=area.prep, X=other)
            cases.append(Case(f"{body.key}-trap-{name}", {"kind": "trap", "body": body.key, "trap": name}, body, [text], set()))
        kinds = {"peel": "forces", "ofsted": "councils", "prison": "prisons", "probation": "probation delivery units", "cqc": "trusts", "fire": "fire services"}[body.key]
        for name, template in TRAPS_2:
            text = template.format(S=body.full, o=body.noun, A=area.prep, kinds=kinds)
            cases.append(Case(f"{body.key}-trap-{name}", {"kind": "trap", "body": body.key, "trap": name}, body, text.split("||"), set()))
        # Another body's grade is that body's, never the subject's.
        other_grade = body.grades[-1]
        text = f"Inspectors rated {other} {other_grade.label} {area.prep} last month."
        cases.append(Case(f"{body.key}-trap-other body", {"kind": "trap", "body": body.key, "trap": "other body"}, body, [text],
                          {rec(body, area.canonical, other_grade.canonical, org=OTHER_BODY[body.key][1])}))
    return cases


def form_cases() -> list[Case]:
    """Each scale's areas by their other usual names, in three frames."""
    frames = [("was rated", "{S} was rated {L} {F}."), ("inspectors judged", "Inspectors judged {o} to {V} {F}."), ("has been graded", "{S} has been graded '{L}' {F}.")]
    cases = []
    for body in BODIES:
        for i, (canonical, form) in enumerate(body.forms):
            for j, (frame, template) in enumerate(frames):
                grade = body.grades[(i + j) % len(body.grades)]
                subject = subjects(body)[(i + j) % 3]
                text = template.format(S=subject[1], o=subject[2], L=grade.label, V=grade.verb, F=form)
                tags = {"kind": "area form", "body": body.key, "form": f"{canonical}: {form}", "frame": frame, "grade": grade.canonical}
                cases.append(Case(f"{body.key}-form-{form}-{frame}", tags, body, [text], {rec(body, canonical, grade.canonical)}))
    return cases


# More verbs, voices and tenses, and the grade written as reports and the press write it.
MORE_FRAMES = [
    ("inspectors found to be", "Inspectors found {o} to {V} {A}."),
    ("inspectorate graded", "The inspectorate graded {o} {L} {A}."),
    ("has judged to", "The inspectorate has judged {o} to {V} {A}."),
    ("is judged to", "{S} is judged to {V} {A}."),
    ("relative which", "{S}, which was rated {L} {A}, has published an action plan."),
    ("appositive dashes", "{S} – rated {L} {A} – has published an action plan."),
    ("this week", "{S} was this week rated {L} {A}."),
    ("has now been", "{S} has now been rated {L} {A}."),
    ("has been rated as", "{S} has been rated as {L} {A}."),
    ("capitalised quoted", "{S} was rated '{Lcap}' {A}."),
    ("curly quoted", "{S} was rated “{L}” {A}."),
    ("rating noun", "{S} was given a rating of “{Lcap}” {A}."),
    ("was handed", "{S} was handed a '{L}' rating {A}."),
    ("earned", "{S} earned a '{L}' rating {A}."),
    ("received a G verdict", "{S} received a '{L}' verdict {A}."),
]


def more_frame_cases() -> list[Case]:
    cases = []
    for body in BODIES:
        for i, (frame, template) in enumerate(MORE_FRAMES):
            for j, subject in enumerate(subjects(body)[::2]):  # the full name and "the force"
                grade = body.grades[(i + j) % len(body.grades)]
                area = body.areas[(2 * i + j) % len(body.areas)]
                _, s_, o, _ = subject
                text = template.format(S=s_, o=o, L=grade.label, Lcap=_cap(grade.label), V=grade.verb, A=area.prep)
                tags = {"kind": "more frames", "body": body.key, "frame": frame, "subject": subject[0], "grade": grade.canonical, "area": area.canonical}
                cases.append(Case(f"{body.key}-{frame}-{subject[0]}", tags, body, [text], {rec(body, area.canonical, grade.canonical)}))
    return cases


def news_cases() -> list[Case]:
    """The area frames again in a news story whose headline names the body."""
    cases = []
    for case in area_cases() + overall_cases():
        if case.tags["subject"] in ("full name", "the noun"):
            cases.append(Case(f"news-{case.id}", {**case.tags, "kind": f"news {case.tags['kind']}", "document": "news"}, case.body, case.lines, case.expected, news=True))
    return cases


def context_cases() -> list[Case]:
    """Several sentences: another body named first, the pronoun after the subject, two bodies."""
    cases = []
    for body in BODIES:
        other, other_id = OTHER_BODY[body.key]
        a1, a2 = body.areas[0], body.areas[1]
        g, h = body.grades[1], body.grades[-1]
        rows = [
            ("pronoun after another body", [f"Inspectors visited {other} last year.", f"{body.full} was inspected in March.", f"It was rated {h.label} {a1.prep}."],
             {rec(body, a1.canonical, h.canonical)}),
            ("two bodies, two sentences", [f"{other} was rated {g.label} {a1.prep}.", f"{body.full}, by contrast, was rated {h.label} {a1.prep}."],
             {rec(body, a1.canonical, g.canonical, org=other_id), rec(body, a1.canonical, h.canonical)}),
            ("two bodies, one sentence", [f"{other} was rated {g.label} {a1.prep}, while {body.full} was rated {h.label} {a2.prep}."],
             {rec(body, a1.canonical, g.canonical, org=other_id), rec(body, a2.canonical, h.canonical)}),
            ("grade then pronoun", [f"{body.full} was rated {g.label} {a1.prep}.", f"It was also rated {h.label} {a2.prep}."],
             {rec(body, a1.canonical, g.canonical), rec(body, a2.canonical, h.canonical)}),
        ]
        for name, lines, expected in rows:
            for news in (False, True):
                cases.append(Case(f"{body.key}-context-{name}{' (news)' if news else ''}", {"kind": "context", "body": body.key, "context": name, "document": "news" if news else "report"},
                                  body, lines, expected, news=news))
    return cases


def layout_cases() -> list[Case]:
    """Grades in tables, lists and under headings, and in longer sentences."""
    cases = []
    for body in BODIES:
        rows = []
        for i, area in enumerate(body.areas[:4]):
            g = body.grades[i % len(body.grades)]
            h = body.grades[(i + 2) % len(body.grades)]
            a2 = body.areas[(i + (2 if len(body.areas) > 2 else 1)) % len(body.areas)]  # (not "children in care and care leavers", one area until 2023)
            label = _cap(area.noun if area.noun[0].isupper() else area.canonical)
            rows += [
                (f"table row {i}", [f"| Area | Grade |", f"| {label} | {_cap(g.label)} |"], {rec(body, area.canonical, g.canonical)}),
                (f"list colon {i}", [f"- {label}: {g.label}"], {rec(body, area.canonical, g.canonical)}),
                (f"line dash {i}", [f"{label} – {_cap(g.label)}"], {rec(body, area.canonical, g.canonical)}),
                (f"respectively {i}", [f"{body.full} was rated {g.label} and {h.label} {area.prep} and {a2.prep.split(' ', 1)[1]} respectively."],
                 {rec(body, area.canonical, g.canonical), rec(body, a2.canonical, h.canonical)} if g != h else None),
                (f"aside {i}", [f"{body.full}, which was inspected in March, was rated {g.label} {area.prep}."], {rec(body, area.canonical, g.canonical)}),
                (f"by the inspectorate {i}", [f"{body.full} was rated {g.label} by inspectors {area.prep}."], {rec(body, area.canonical, g.canonical)}),
                (f"two clauses {i}", [f"{body.full} was rated {g.label} {area.prep}, but {h.label} {a2.prep}."],
                 {rec(body, area.canonical, g.canonical), rec(body, a2.canonical, h.canonical)}),
                (f"latest inspection {i}", [f"In its latest inspection, {body.noun} was rated {g.label} {area.prep}."], {rec(body, area.canonical, g.canonical)}),
                (f"headline {i}", None, {rec(body, area.canonical, g.canonical)}),
            ]
        for name, lines, expected in rows:
            if expected is None:
                continue
            if lines is None:  # the grade in the headline of a story
                grade = next(g for g in body.grades if g.canonical == next(iter(expected))[2])
                area = next(a for a in body.areas if a.canonical == next(iter(expected))[1])
                headline = f"{body.full} rated {grade.label} {area.prep} by inspectors"
                headline_body = Body(**{**body.__dict__, "headline": headline})
                cases.append(Case(f"{body.key}-layout-{name}", {"kind": "layout", "body": body.key, "layout": name.rsplit(" ", 1)[0]}, headline_body,
                                  ["Inspectors published their report on Tuesday."], expected, news=True))
                continue
            cases.append(Case(f"{body.key}-layout-{name}", {"kind": "layout", "body": body.key, "layout": name.rsplit(" ", 1)[0]}, body, lines, expected))
    return cases


def spelling_cases() -> list[Case]:
    """'Requires improvement' as the press and the reports spell it."""
    cases = []
    for body in BODIES:
        ri = next((g for g in body.grades if g.canonical in (RI, RIG)), None)
        if ri is None:
            continue
        tail = " to be good" if ri.canonical == RIG else ""
        area = body.areas[0]
        rows = [
            ("requiring", f"{body.full} was assessed as requiring improvement{tail} {area.prep}."),
            ("title case", f"{body.full} was rated 'Requires Improvement{tail.title()}' {area.prep}."),
            ("required", f"In its latest inspection, {body.full} required improvement{tail} {area.prep}."),
            ("in need of", f"{body.full} was judged to require improvement{tail} {area.prep}."),
        ]
        for name, text in rows:
            cases.append(Case(f"{body.key}-spelling-{name}", {"kind": "spelling", "body": body.key, "spelling": name}, body, [text], {rec(body, area.canonical, ri.canonical)}))
    return cases


def structure_cases() -> list[Case]:
    """Report structures: comparison tables, flattened PDF rows, area headings, grade-first lists,
    and each inspectorate's own summary sentences."""
    cases = []
    for body in BODIES:
        labels = [(a, _cap(a.noun if a.noun[0].isupper() else a.canonical)) for a in body.areas[:3]]
        g = [body.grades[i % len(body.grades)] for i in range(len(body.grades) + 3)]
        (a1, l1), (a2, l2) = labels[0], labels[1]
        rows = [
            ("comparison table", [f"| Area | 2024 | 2021 |", f"| {l1} | {_cap(g[0].label)} | {_cap(g[1].label)} |", f"| {l2} | {_cap(g[2].label)} | {_cap(g[2].label)} |"],
             {rec(body, a1.canonical, g[0].canonical), rec(body, a1.canonical, g[1].canonical, True), rec(body, a2.canonical, g[2].canonical), rec(body, a2.canonical, g[2].canonical, True)}),
            ("rating and previous columns", [f"| Area | Rating | Previous rating |", f"| {l1} | {_cap(g[1].label)} | {_cap(g[3].label)} |"],
             {rec(body, a1.canonical, g[1].canonical), rec(body, a1.canonical, g[3].canonical, True)}),
            ("flattened row", [f"{l1} {_cap(g[1].label)}", f"{l2} {_cap(g[2].label)}"], {rec(body, a1.canonical, g[1].canonical), rec(body, a2.canonical, g[2].canonical)}),
            ("area heading, grade line", [f"# {l1}", f"Grade: {_cap(g[3].label)}"], {rec(body, a1.canonical, g[3].canonical)}),
            ("area heading with grade", [f"# {l1}: {_cap(g[0].label)}", "Inspectors set out what they found."], {rec(body, a1.canonical, g[0].canonical)}),
            ("grade-first list", [f"- {_cap(g[1].label)}: {a1.canonical} and {a2.canonical}"], {rec(body, a1.canonical, g[1].canonical), rec(body, a2.canonical, g[1].canonical)}),
            ("graded as follows", [f"We graded {body.noun} as follows:", f"- {l1}: {g[2].label}", f"- {l2}: {g[1].label}"],
             {rec(body, a1.canonical, g[2].canonical), rec(body, a2.canonical, g[1].canonical)}),
        ]
        for name, lines, expected in rows:
            cases.append(Case(f"{body.key}-structure-{name}", {"kind": "structure", "body": body.key, "structure": name}, body, lines, expected))
    # Each inspectorate's own summary sentences.
    own = [
        (CQC, "our rating improved", ["Our rating of this trust improved. We rated it as good because:"], {rec(CQC, "overall", "good")}),
        (CQC, "our rating stayed the same", ["Our rating of this trust stayed the same. We rated it as requires improvement because:"],
         {rec(CQC, "overall", RI), rec(CQC, "overall", RI, True)}),
        (CQC, "we rated key questions as", ["We rated safe, effective and well-led as requires improvement, and caring and responsive as good."],
         {rec(CQC, a, RI) for a in ("safe", "effective", "well-led")} | {rec(CQC, a, "good") for a in ("caring", "responsive")}),
        (CQC, "key question is", ["Is the trust well-led? Inadequate"], {rec(CQC, "well-led", "inadequate")}),
        (PRISON, "outcomes for prisoners were G for T", ["Outcomes for prisoners were poor for safety."], {rec(PRISON, "safety", "poor")}),
        (PRISON, "outcomes list", ["At this inspection, we found that outcomes for prisoners were:", "- poor for safety", "- not sufficiently good for respect", "- reasonably good for purposeful activity"],
         {rec(PRISON, "safety", "poor"), rec(PRISON, "respect", NSG), rec(PRISON, "purposeful activity", "reasonably good")}),
        (PRISON, "outcomes against this test", ["# Respect", "Outcomes for prisoners were reasonably good against this healthy prison test."], {rec(PRISON, "respect", "reasonably good")}),
        (OFSTED, "children's services are", ["Children’s services in Norfolk are good."], {rec(OFSTED, "overall effectiveness", "good")}),
        (OFSTED, "experiences are (plural)", ["The experiences and progress of children in care are inadequate."], {rec(OFSTED, "children in care", "inadequate")}),
        (OFSTED, "judgement heading", ["# The experiences and progress of care leavers", "Requires improvement to be good"], {rec(OFSTED, "care leavers", RIG)}),
        (PROBATION, "overall rated as", ["Overall, Leeds PDU is rated as: 'Good'."], {rec(PROBATION, "overall", "good")}),
        (PROBATION, "domain heading", ["# Organisational delivery", "Our rating for organisational delivery is: Inadequate"], {rec(PROBATION, "organisational delivery", "inadequate")}),
        (PEEL, "we found the force", ["We found Durham Constabulary to be adequate at investigating crime."], {rec(PEEL, "investigating crime", "adequate")}),
        (PEEL, "in how it", ["The force requires improvement in how it protects vulnerable people."], {rec(PEEL, "protecting vulnerable people", RI)}),
    ]
    for body, name, lines, expected in own:
        cases.append(Case(f"{body.key}-own-{name}", {"kind": "own phrasing", "body": body.key, "own": name}, body, lines, expected))
    return cases


# Other bodies of each kind, by full name and alias: names with "and", "of", "&", hyphens,
# initials and a leading "the".
NAMES = [
    (PEEL, "Greater Manchester Police", "GMP", "greater-manchester-police"),
    (PEEL, "Metropolitan Police Service", "the Met", "metropolitan-police-service"),
    (PEEL, "Avon and Somerset Constabulary", "Avon and Somerset Police", "avon-and-somerset-constabulary"),
    (PEEL, "Dyfed-Powys Police", "Dyfed Powys Police", "dyfed-powys-police"),
    (PEEL, "City of London Police", "CoLP", "city-of-london-police"),
    (PEEL, "North Yorkshire Police", "North Yorkshire Police", "north-yorkshire-police"),
    (OFSTED, "Royal Borough of Kensington and Chelsea", "Kensington and Chelsea Council", "royal-borough-of-kensington-and-chelsea"),
    (OFSTED, "London Borough of Tower Hamlets", "Tower Hamlets Council", "london-borough-of-tower-hamlets"),
    (OFSTED, "City of Doncaster Council", "Doncaster Council", "city-of-doncaster-council"),
    (OFSTED, "Isle of Wight Council", "Isle of Wight Council", "isle-of-wight-council"),
    (OFSTED, "Durham County Council", "County Durham Council", "durham-county-council"),
    (PRISON, "HMYOI Feltham", "Feltham YOI", "hmyoi-feltham"),
    (PRISON, "HMP Wandsworth", "Wandsworth prison", "hmp-wandsworth"),
    (PRISON, "HMP Bristol", "Bristol prison", "hmp-bristol"),
    (CQC, "Royal Cornwall Hospitals NHS Trust", "RCHT", "royal-cornwall-hospitals-nhs-trust"),
    (CQC, "London Ambulance Service NHS Trust", "London Ambulance Service", "london-ambulance-service-nhs-trust"),
    (CQC, "Norfolk and Suffolk NHS Foundation Trust", "NSFT", "norfolk-and-suffolk-nhs-foundation-trust"),
    (PROBATION, "County Durham and Darlington Probation Delivery Unit", "County Durham and Darlington PDU", "county-durham-and-darlington-probation-delivery-unit"),
    (PROBATION, "Swindon and Wiltshire Probation Delivery Unit", "Swindon and Wiltshire PDU", "swindon-and-wiltshire-probation-delivery-unit"),
    (FIRE, "West Midlands Fire Service", "West Midlands Fire and Rescue Service", "west-midlands-fire-service"),
    (FIRE, "Essex County Fire and Rescue Service", "Essex Fire and Rescue Service", "essex-county-fire-and-rescue-service"),
]
NAME_FRAMES = ("was rated", "inspectors rated", "possessive was rated", "has been rated", "fronted area", "we rated", "was found to")


def name_cases() -> list[Case]:
    import dataclasses

    cases = []
    frames = [(i, f, t) for i, (f, t) in enumerate(AREA_FRAMES) if f in NAME_FRAMES]
    for base, full, alias, org_id in NAMES:
        named_in_title = base.alias if base is PROBATION else base.full
        body = dataclasses.replace(base, id=org_id, full=full, alias=alias, title=base.title.replace(named_in_title, alias if base is PROBATION else full),
                                   headline=base.headline.replace(base.full, full))
        for i, frame, template in frames:
            for j, subject in enumerate(subjects(body)[:2]):
                grade = body.grades[(i + j) % len(body.grades)]
                area = body.areas[(i + j) % len(body.areas)]
                text = _fill(template, subject, grade, area)
                if text is None:
                    continue
                tags = {"kind": "names", "body": base.key, "name": full, "frame": frame, "subject": subject[0]}
                cases.append(Case(f"{org_id}-{frame}-{subject[0]}", tags, body, [text], {rec(body, area.canonical, grade.canonical)}))
    return cases


PLACES = {"peel": "County Durham", "ofsted": "Norfolk", "prison": None, "probation": "Leeds", "cqc": None, "fire": "Surrey"}
KIND_NOUNS = {"peel": "police force", "ofsted": "council", "probation": "probation service", "fire": "fire service"}


def attachment_cases() -> list[Case]:
    """The body after its area ("court work at X"), a body named by its place, active verbs of
    giving a grade, and a relative 'whose', in reports and news stories."""
    cases = []
    for body in BODIES:
        for i, area in enumerate(body.areas[:3]):
            g = body.grades[(i + 1) % len(body.grades)]
            h = body.grades[(i + 3) % len(body.grades)]
            low_noun = area.noun[0].lower() + area.noun[1:]
            rows = [
                ("area at body", f"{area.noun} at {body.full} was judged {g.label}.", {rec(body, area.canonical, g.canonical)}),
                ("judged area at body to", f"Inspectors judged {low_noun} at {body.full} to {g.verb}.", {rec(body, area.canonical, g.canonical)}),
                ("inspectors gave rating", f"Inspectors gave {body.full} a rating of '{g.label}' {area.prep}.", {rec(body, area.canonical, g.canonical)}),
                ("watchdog handed", f"The watchdog handed {body.noun} a '{g.label}' grade {area.prep}.", {rec(body, area.canonical, g.canonical)}),
                ("gave area a grade", f"Inspectors gave {low_noun} a grade of {g.label}.", {rec(body, area.canonical, g.canonical)}),
                ("whose ... and again", f"{body.full}, whose {low_noun} was rated {h.label} in 2019 and again in 2021, has a new leader.", {rec(body, area.canonical, h.canonical, True)}),
            ]
            if PLACES[body.key] and body.key in KIND_NOUNS:
                rows.append(("kind covering place", f"The {KIND_NOUNS[body.key]} covering {PLACES[body.key]} has been rated {g.label} {area.prep}.", {rec(body, area.canonical, g.canonical)}))
            for name, text, expected in rows:
                for news in (False, True):
                    cases.append(Case(f"{body.key}-attach-{name}-{i}{' (news)' if news else ''}", {"kind": "attachment", "body": body.key, "attachment": name, "document": "news" if news else "report"},
                                      body, [text], expected, news=news))
    return cases


def more_count_and_list_cases() -> list[Case]:
    """Earlier inspections dated in other words, zero counts, thresholds and aggregates kept as
    stated, and a grade whose areas follow as list items."""
    cases = []
    for body in BODIES:
        t, aw = body.total, body.area_word
        area, a2 = body.areas[0], body.areas[1]
        g, worst = body.grades[1], body.grades[-1]
        best = body.grades[0]
        tw = {3: "three", 4: "four", 5: "five", 9: "nine", 12: "12"}[t]
        rows = [
            ("in its 2021 inspection", [f"In its 2021 inspection, {body.noun} was rated {worst.label} {area.prep}."], {rec(body, area.canonical, worst.canonical, True)}),
            ("when inspected in March 2021", [f"When it was inspected in March 2021, {body.noun} was judged {worst.label} {area.prep}."], {rec(body, area.canonical, worst.canonical, True)}),
            ("three years ago", [f"Three years ago, {body.noun} was rated {worst.label} {area.prep}."], {rec(body, area.canonical, worst.canonical, True)}),
            ("last time", [f"Last time, {body.noun} was rated {worst.label} {area.prep}."], {rec(body, area.canonical, worst.canonical, True)}),
            ("at the previous inspection", [f"{body.full} was rated {worst.label} {area.prep} at the previous inspection."], {rec(body, area.canonical, worst.canonical, True)}),
            ("now and then", [f"{body.full} is now rated {g.label} {area.prep}.", f"At its previous inspection in 2021, it was rated {worst.label} {area.prep}."],
             {rec(body, area.canonical, g.canonical), rec(body, area.canonical, worst.canonical, True)}),
            ("zero: not G or H in any", [f"{body.full} was not rated {best.label} or {g.label} in any {aw[:-1] if aw.endswith('s') else aw}."],
             {rec(body, None, best.canonical, count=0), rec(body, None, g.canonical, count=0)}),
            ("zero: no area was rated", [f"No {aw[:-1] if aw.endswith('s') else aw} was rated {worst.label}."], {rec(body, None, worst.canonical, count=0)}),
            ("threshold: G or better", [f"{body.full} was rated {g.label} or better in two of its {tw} {aw}."], {rec(body, None, f"{g.canonical} or better", count=2, out_of=t)}),
            ("aggregate: failing", [f"{body.full} was failing in two of its {tw} {aw}."], {rec(body, None, "failing", count=2, out_of=t)}),
            ("list items after a grade", [f"Inspectors rated {body.noun} as {worst.label} for:", f"- {area.prep.split(' ', 1)[1]}", f"- {a2.prep.split(' ', 1)[1]}"],
             {rec(body, area.canonical, worst.canonical), rec(body, a2.canonical, worst.canonical)}),
            ("lowest of the grades", [f"Inspectors gave {area.noun[0].lower() + area.noun[1:]} the lowest of the {len(body.grades)} grades, {worst.label}."],
             {rec(body, area.canonical, worst.canonical)}),
        ]
        for name, lines, expected in rows:
            cases.append(Case(f"{body.key}-more-{name}", {"kind": "counts, dates, lists", "body": body.key, "more": name}, body, lines, expected))
    return cases


CASES = (more_count_and_list_cases() + attachment_cases() + name_cases() + layout_cases() + structure_cases() + spelling_cases() + area_cases() + modifier_cases() + count_cases() + list_cases() + overall_cases() + score_cases() + trap_cases()
         + form_cases() + more_frame_cases() + news_cases() + context_cases())

# Cases the extractor does not get right yet, each with the reason. Keep short.
KNOWN_GAPS: dict[str, str] = {
    # `_find` reads the aggregate (failing, 2 of 12 / 2 of 5), but no record is emitted for a
    # CQC or HMI Probation document; the press says "failing" of police forces, councils and
    # prisons, where it is kept. Not traced in this round.
    "probation-more-aggregate: failing": "'failing in two of its 12 standards' of a PDU gives no record",
    "cqc-more-aggregate: failing": "'failing in two of its five key questions' of a trust gives no record",
}


def run_case(extractor, case: Case) -> set:
    title = case.body.headline if case.news else case.body.title
    extraction = extractor.extract(document_from_lines(case.lines, title, published=PUBLISHED, kind="news" if case.news else "report"))
    return {(g.organisation_id, g.area, g.grade, g.previous, g.count, g.out_of) for g in extraction.gradings}


def test_case_ids_are_unique():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
    assert set(KNOWN_GAPS) <= set(ids)
    assert len(CASES) >= 300


@pytest.mark.parametrize("case", [c for c in CASES if c.id not in KNOWN_GAPS], ids=lambda c: c.id)
def test_grid(extractor, case):
    assert run_case(extractor, case) == case.expected, case.lines


@pytest.mark.parametrize("case", [c for c in CASES if c.id in KNOWN_GAPS], ids=lambda c: c.id)
def test_known_gaps_still_fail(extractor, case):
    """A gap that has been closed must leave KNOWN_GAPS."""
    assert run_case(extractor, case) != case.expected, f"{case.id} passes now: remove it from KNOWN_GAPS"


def report() -> None:
    from collections import defaultdict

    from miner.nlp.pipeline import Extractor

    extractor = Extractor()
    totals = defaultdict(lambda: [0, 0])
    failures = []
    for case in CASES:
        got = run_case(extractor, case)
        ok = got == case.expected
        for dim, value in itertools.chain([("all", "all")], case.tags.items()):
            totals[(dim, value)][0] += ok
            totals[(dim, value)][1] += 1
        if not ok:
            failures.append((case, got))
    for (dim, value), (ok, n) in sorted(totals.items()):
        print(f"{dim:10} {value:40} {ok:4}/{n:<4} {100 * ok / n:5.1f}%")
    for case, got in failures:
        print(f"FAIL {case.id}: {case.lines}\n   expected {sorted(case.expected, key=str)}\n   got      {sorted(got, key=str)}")


if __name__ == "__main__":
    report()
