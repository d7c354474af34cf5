"""Which report does a news article or press release cover?

A report is a candidate when it is about an organisation the article names
(its subject, an organisation its gradings or figures are about, or one whose
name or alias appears in the text). Candidates are scored on three kinds of
evidence, each giving a reason that is stored beside the score:

- organisation: the report's subject is the article's subject (0.45), or
  only an organisation the article mentions (0.30);
- dates: the article appeared on or just after the report's publication
  (0 to 30 days: 0.30; up to 180 days: 0.15; up to two years: 0.05); an
  article more than a day before the report cannot be covering it (-0.30);
- overlap: each figure (same value and unit) or grade (same area and grade)
  the two share adds 0.05, up to 0.25 in all.

A link needs a score of at least `THRESHOLD`, and for each organisation only
the best-scoring report is linked: an article covers one inspection of a
force, even when it mentions the previous one.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field

from sqlite_utils import Database

THRESHOLD = 0.5
ARTICLE_KINDS = ("news", "press-release")
_OVERLAP_STEP, _OVERLAP_CAP = 0.05, 0.25


@dataclass
class Link:
    article_id: int
    report_id: int
    score: float
    reasons: list[str] = field(default_factory=list)
    organisation_id: str | None = None

    def to_row(self) -> dict:
        return {"article_id": self.article_id, "report_id": self.report_id, "score": round(self.score, 3), "reasons": json.dumps(self.reasons)}


def article_rows(db: Database, only: list[int] | None = None) -> list[dict]:
    """Current versions of news articles and press releases (or the documents asked for)."""
    if only is not None:
        if not only:
            return []
        marks = ",".join("?" * len(only))
        return list(db.query(f"select * from latest_documents where id in ({marks}) order by id", only))
    marks = ",".join("?" * len(ARTICLE_KINDS))
    return list(db.query(f"select * from latest_documents where kind in ({marks}) order by id", ARTICLE_KINDS))


def report_rows(db: Database) -> list[dict]:
    return list(db.query("select id, subject_id, published, inspection_date, title, url from latest_documents where kind = 'report' and subject_id is not null"))


def mentioned_organisations(db: Database, article: dict, names: list[tuple[re.Pattern, str]]) -> set[str]:
    """Organisations the article's records are about or whose names appear in its text."""
    found = set()
    for table in ("gradings", "statistics", "findings"):
        found.update(row[0] for row in db.execute(f"select distinct organisation_id from [{table}] where document_id = ? and organisation_id is not null", [article["id"]]))
    text = article.get("text") or ""
    found.update(org_id for pattern, org_id in names if pattern.search(text))
    return found


def name_patterns(db: Database) -> list[tuple[re.Pattern, str]]:
    """Whole-word, case-sensitive patterns for every organisation name and alias of four letters or more."""
    patterns = []
    for row in db.query("select id, name, aliases from organisations"):
        names = [row["name"], *json.loads(row["aliases"] or "[]")]
        # Short aliases ("the Met", "GMP") are left to the extractor, which reads them in context.
        names = [n for n in names if n and len(n) >= 4]
        if names:
            patterns.append((re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b"), row["id"]))
    return patterns


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def report_date(report: dict) -> datetime.date | None:
    """When the report became public: its publication date, else the inspection date."""
    return _date(report.get("published")) or _date(report.get("inspection_date"))


def _date_score(article: dict, report: dict) -> tuple[float, str | None]:
    published, released = _date(article.get("published")), report_date(report)
    if not published or not released:
        return 0.0, None
    days = (published - released).days
    if days < -1:
        return -0.30, f"article published {-days} days before the report"
    if days <= 30:
        return 0.30, f"article published {max(days, 0)} days after the report"
    if days <= 180:
        return 0.15, f"article published {days} days after the report"
    if days <= 730:
        return 0.05, f"article published {days} days after the report"
    return 0.0, f"article published {days // 365} years after the report"


def _figures(db: Database, document_id: int) -> set[tuple[float, str]]:
    # Small numbers (two years, 16 children) are shared by chance; they are no evidence of a link.
    return {
        (round(row[0], 2), row[1])
        for row in db.execute("select value, unit from statistics where document_id = ?", [document_id])
        if row[0] is not None and not (row[1] in ("count", "years", "months") and abs(row[0]) < 10)
    }


def _grades(db: Database, document_id: int) -> set[tuple[str, str]]:
    return {tuple(row) for row in db.execute("select area, grade from gradings where document_id = ? and area is not null and previous = 0", [document_id])}


def _overlap_score(db: Database, article_id: int, report_id: int) -> tuple[float, str | None]:
    figures = _figures(db, article_id) & _figures(db, report_id)
    grades = _grades(db, article_id) & _grades(db, report_id)
    shared = len(figures) + len(grades)
    if not shared:
        return 0.0, None
    parts = []
    if figures:
        parts.append(f"{len(figures)} figure{'s' * (len(figures) != 1)}")
    if grades:
        parts.append(f"{len(grades)} grade{'s' * (len(grades) != 1)}")
    return min(_OVERLAP_CAP, _OVERLAP_STEP * shared), "shares " + " and ".join(parts) + " with the report"


def link_article(db: Database, article: dict, reports: list[dict], names: list[tuple[re.Pattern, str]]) -> list[Link]:
    """The reports this article covers, best first."""
    mentioned = mentioned_organisations(db, article, names)
    subject = article.get("subject_id")
    best: dict[str, Link] = {}
    for report in reports:
        if report["id"] == article["id"]:
            continue
        org = report["subject_id"]
        if org == subject:
            score, reasons = 0.45, [f"same organisation ({org})"]
        elif org in mentioned:
            score, reasons = 0.30, [f"article mentions {org}"]
        else:
            continue
        for part in (_date_score(article, report), _overlap_score(db, article["id"], report["id"])):
            score += part[0]
            if part[1]:
                reasons.append(part[1])
        if score < THRESHOLD:
            continue
        link = Link(article["id"], report["id"], score, reasons, org)
        if org not in best or link.score > best[org].score:
            best[org] = link
    return sorted(best.values(), key=lambda link: -link.score)
