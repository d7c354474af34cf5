"""Exact coverage fixtures: a report and articles written straight through the DocumentWriter.

The records are given, not extracted, so each test states precisely what the
report and the article say.
"""

from __future__ import annotations

import dataclasses

from miner.document import Document
from miner.nlp.records import Evidence, Extraction, GradingRecord, Inspection, StatisticRecord
from miner.store import DocumentWriter, open_database

ORG = "cleveland-police"


def grade(area, value, *, count=None, out_of=None, previous=False, year=2025, sentence=None):
    sentence = sentence or f"{area or 'Areas'} | {value}"
    return GradingRecord(ORG, area, value, "peel-2021", Evidence(sentence, 0, len(sentence)), count=count, out_of=out_of, previous=previous, year=year)


def figure(value, unit, measure, text, sentence, **change):
    start = sentence.index(text)
    return StatisticRecord(ORG, value, unit, measure, text, Evidence(sentence, start, start + len(text)), **change)


def store(db, name, *, kind, published, gradings=(), statistics=(), subject=ORG, extra_text=""):
    text = " ".join(dict.fromkeys([g.evidence.sentence for g in gradings] + [s.evidence.sentence for s in statistics] + [extra_text])).strip() or name
    # Offsets in the fixtures are within their sentence; stored ones are within the document's text.
    gradings, statistics = [_placed(r, text) for r in gradings], [_placed(r, text) for r in statistics]
    document = Document(text=text, blocks=[], media_type="text/html", title=name, published=published, kind=kind,
                        url=f"https://example.org/{name}", content_hash=name)
    extraction = Extraction(kind, subject, Inspection("hmicfrs", "PEEL 2023-25", "peel-2021", published), list(gradings), [], list(statistics))
    return DocumentWriter(db).save(document, extraction, pipeline="test").document_id


def _placed(record, text):
    at = text.index(record.evidence.sentence)
    evidence = dataclasses.replace(record.evidence, start=record.evidence.start + at, end=record.evidence.end + at)
    return dataclasses.replace(record, evidence=evidence)


REPORT_GRADES = [
    grade("police powers and public treatment", "good"),
    grade("preventing crime", "good"),
    grade("responding to the public", "adequate"),
    grade("investigating crime", "requires improvement"),
    grade("protecting vulnerable people", "requires improvement"),
    grade("managing offenders and suspects", "good"),
    grade("developing a positive workplace", "good"),
    grade("leadership and force management", "adequate"),
]
SUPERVISION = "We found that 62 per cent of the investigations we reviewed had effective supervision."
OFFICERS = "There are now 196 neighbourhood officers and police community support officers, up from 124 in 2021."
ASB = "Reports of antisocial behaviour fell by a third in two years in the areas where the force focused its patrols."
DEVICES = "The force has a backlog of 987 digital devices awaiting examination."
VICTIMS = "The force completed a victim needs assessment in 33.6 per cent of cases."
REPORT_FIGURES = [
    figure(62, "percent", "investigations we reviewed with effective supervision", "62 per cent", SUPERVISION),
    figure(196, "count", "neighbourhood officers", "196", OFFICERS, change_from=124, change_to=196, direction="up"),
    figure(0.3333, "ratio", "reports of antisocial behaviour", "a third", ASB, direction="down"),
    figure(987, "count", "digital devices awaiting examination", "987", DEVICES),
    figure(33.6, "percent", "victim needs assessment", "33.6 per cent", VICTIMS),
]


# Sentences in the report's text that its (here: given) extraction did not record.
REPORT_PROSE = (
    "The force now employs 1,470 police staff in its control room and custody suites. "
    "In our 2021 inspection we graded the force inadequate at preventing crime."
)


def coverage_db(path, article_gradings=(), article_figures=(), *, published="2025-04-12"):
    """A database with the report, an older report of the same force, another force's report, and one article."""
    db = open_database(path)
    report = store(db, "cleveland-2025-report", kind="report", published="2025-04-11", gradings=REPORT_GRADES, statistics=REPORT_FIGURES, extra_text=REPORT_PROSE)
    store(db, "cleveland-2019-report", kind="report", published="2019-09-27",
          gradings=[grade(a, "inadequate", year=2019) for a in ("effectiveness", "efficiency", "legitimacy")])
    store(db, "durham-2025-report", kind="report", published="2025-04-11", subject="durham-constabulary",
          gradings=[GradingRecord("durham-constabulary", "investigating crime", "outstanding", "peel-2021", Evidence("Investigating crime | Outstanding", 0, 33))])
    article = store(db, "cleveland-article", kind="news", published=published, gradings=article_gradings, statistics=article_figures)
    return db, report, article
