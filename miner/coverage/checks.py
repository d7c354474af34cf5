"""Link every article to the reports it covers and check each of its claims: the database side.

`check_coverage` recomputes `coverage_links` and `claim_checks` for the
articles asked for (all by default) in one transaction, so running it twice
gives the same rows and an interrupted run leaves the previous results.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from sqlite_utils import Database

from miner.coverage.claims import CONTRADICTED, NOT_FOUND, Verdict, Weights, check_grading, check_statistic, find_earlier_grade, find_in_text, sentences
from miner.coverage.linking import Link, article_rows, link_article, name_patterns, report_date, report_rows


@dataclass
class CoverageSummary:
    articles: int = 0
    links: int = 0
    verdicts: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict:
        return {"articles": self.articles, "links": self.links, "verdicts": dict(self.verdicts)}


def check_coverage(db: Database, article_ids: list[int] | None = None, *, progress: Callable[[int], None] | None = None) -> CoverageSummary:
    """Recompute links and claim checks for `article_ids` (default: every news article and press release)."""
    articles = article_rows(db, article_ids)
    reports = report_rows(db)
    names = name_patterns(db)
    links, checks = [], []
    for article in articles:
        article_links = link_article(db, article, reports, names)
        links.extend(article_links)
        checks.extend(check_article(db, article, article_links))
        if progress:
            progress(1)
    with db.atomic():
        if article_ids is None:
            db.execute("delete from claim_checks")
            db.execute("delete from coverage_links")
        else:
            for article in articles:
                db.execute("delete from claim_checks where article_id = ?", [article["id"]])
                db.execute("delete from coverage_links where article_id = ?", [article["id"]])
        if links:
            db["coverage_links"].insert_all([link.to_row() for link in links])
        if checks:
            db["claim_checks"].insert_all(checks)
    return CoverageSummary(len(articles), len(links), Counter(row["verdict"] for row in checks))


def count_articles(db: Database) -> int:
    return len(article_rows(db))


def claim_check_rows(db: Database, *, article_ids: list[int] | None = None, verdict: str | None = None) -> list[dict]:
    """Stored checks with the article, the claim in short and the report beside it, for display."""
    where, params = [], []
    if article_ids is not None:
        where.append(f"c.article_id in ({','.join('?' * len(article_ids))})")
        params += article_ids
    if verdict:
        where.append("c.verdict = ?")
        params.append(verdict)
    sql = f"""
        select c.id, c.article_id, a.title as article_title, a.url as article_url, c.report_id,
          r.title as report_title, r.url as report_url, c.claim_kind, c.claim_id,
          case c.claim_kind
            when 'statistic' then s.text || coalesce(' (' || s.measure || ')', '')
            else case when g.area is not null then g.area || ': ' || g.grade
                      else g.grade || ' in ' || g.count || coalesce(' of ' || g.out_of, '') || ' areas' end
              || case when g.previous then coalesce(' (' || g.year || ')', ' (earlier)') else '' end
          end as claim,
          c.claim_text, c.verdict, c.report_value, c.report_evidence, c.report_start, c.report_end, c.reason
        from claim_checks c
        join documents a on a.id = c.article_id
        left join documents r on r.id = c.report_id
        left join statistics s on c.claim_kind = 'statistic' and s.id = c.claim_id
        left join gradings g on c.claim_kind = 'grading' and g.id = c.claim_id
        {'where ' + ' and '.join(where) if where else ''}
        order by c.article_id, c.id
    """
    return list(db.query(sql, params))


def check_article(db: Database, article: dict, links: list[Link]) -> list[dict]:
    """One claim_checks row per grading and statistic the article states."""
    by_org = {link.organisation_id: link.report_id for link in links}
    best = links[0].report_id if links else None
    rows = []
    cache: dict[int, tuple[list[dict], list[dict], Weights, list]] = {}

    def report_for(organisation_id: str | None) -> int | None:
        return best if organisation_id is None else by_org.get(organisation_id)

    def material(report_id: int):
        if report_id not in cache:
            text = db.execute("select text from documents where id = ?", [report_id]).fetchone()[0] or ""
            stats = pair_changes([{**row, "context": preceding_sentence(text, row)} for row in db.query("select * from statistics where document_id = ?", [report_id])])
            cache[report_id] = (current_grades(db, report_id), stats, Weights([s["sentence"] or "" for s in stats]), sentences(text))
        return cache[report_id]

    for claim in db.query("select * from gradings where document_id = ? order by id", [article["id"]]):
        report_id = report_for(claim["organisation_id"])
        if report_id is None:
            verdict = Verdict(NOT_FOUND, _no_report(claim["organisation_id"], links))
        elif claim["previous"]:
            linked = report_id
            grades, report_id = earlier_grades(db, report_id, claim)
            verdict = check_grading(claim, grades, earlier=True)
            if verdict.verdict == CONTRADICTED and not claim["year"]:
                # Without a year we cannot tell which earlier inspection is meant: never cry wolf.
                verdict = Verdict(NOT_FOUND, "the article gives no year for this earlier grade")
            if verdict.verdict == NOT_FOUND:
                recalled = find_earlier_grade(claim, material(linked)[3])
                if recalled:
                    verdict, report_id = recalled, linked
        else:
            verdict = check_grading(claim, material(report_id)[0])
        rows.append(_row(article["id"], report_id, "grading", claim, verdict))
    for claim in db.query("select * from statistics where document_id = ? order by id", [article["id"]]):
        report_id = report_for(claim["organisation_id"])
        if report_id is None:
            verdict = Verdict(NOT_FOUND, _no_report(claim["organisation_id"], links))
        else:
            _, stats, weights, report_sentences = material(report_id)
            verdict = check_statistic(claim, stats, weights)
            if verdict.verdict == NOT_FOUND:
                verdict = find_in_text(claim, report_sentences, weights) or verdict
        rows.append(_row(article["id"], report_id, "statistic", claim, verdict))
    return rows


_FROM_TO = re.compile(r"\bfrom\b.+\bto\b", re.IGNORECASE)


def pair_changes(stats: list[dict]) -> list[dict]:
    """Rejoin a change the extractor split in two ("fell from 11.2 days in 2022 to 8.1 days in 2024"
    stored as 11.2 and 8.1): two figures of one unit in a from-to sentence become one change, on the later figure."""
    by_sentence: dict[str, list[dict]] = {}
    for row in stats:
        by_sentence.setdefault(row.get("sentence") or "", []).append(row)
    for sentence, rows in by_sentence.items():
        if not _FROM_TO.search(sentence):
            continue
        for unit in {r["unit"] for r in rows}:
            same = sorted((r for r in rows if r["unit"] == unit), key=lambda r: r.get("start") or 0)
            if len(same) != 2 or any(r.get("change_from") is not None for r in same) or None in (same[0]["value"], same[1]["value"]):
                continue
            earlier, later = same
            later.update(
                change_from=earlier["value"], change_to=later["value"],
                direction="up" if later["value"] > earlier["value"] else "down" if later["value"] < earlier["value"] else "unchanged",
            )
    return stats


def preceding_sentence(text: str, row: dict) -> str:
    """The sentence before a figure's own, in the report's text ("... initial health assessments. Only 63% were ...")."""
    sentence = row.get("sentence") or ""
    start = row.get("start") or 0
    at = text.find(sentence[:40], max(0, start - len(sentence) - 5)) if sentence else -1
    if at <= 0:
        return ""
    window = text[max(0, at - 400):at].rstrip()
    cut = max(window.rfind(". ", 0, len(window) - 1), window.rfind("\n", 0, len(window) - 1))
    return window[cut + 1:].strip()


def current_grades(db: Database, report_id: int) -> list[dict]:
    """The report's current per-area grades for its subject, one per area (a judgement table wins over prose)."""
    rows = db.query(
        """
        select g.* from gradings g join documents d on d.id = g.document_id
        where g.document_id = ? and g.previous = 0 and g.area is not null and g.count is null
          and (g.organisation_id = d.subject_id or g.organisation_id is null)
        order by g.method = 'table' desc, g.id
        """,
        [report_id],
    )
    by_area: dict[str, dict] = {}
    for row in rows:
        by_area.setdefault(row["area"], row)
    return list(by_area.values())


def earlier_grades(db: Database, report_id: int, claim: dict) -> tuple[list[dict], int]:
    """Grades an earlier inspection gave: from that inspection's own report if the database holds it,
    else as the linked report recalls them."""
    subject = db.execute("select subject_id from documents where id = ?", [report_id]).fetchone()[0]
    if claim.get("year"):
        for earlier in db.query(
            "select id, published, inspection_date from latest_documents where kind = 'report' and subject_id = ? and id != ?",
            [subject, report_id],
        ):
            released = report_date(earlier)
            inspected = _year(earlier.get("inspection_date"))
            if claim["year"] in {released.year if released else None, inspected}:
                return current_grades(db, earlier["id"]), earlier["id"]
    recalled = [
        dict(row) for row in db.query(
            "select * from gradings where document_id = ? and previous = 1 and area is not null and (year = ? or ? is null)",
            [report_id, claim.get("year"), claim.get("year")],
        )
    ]
    return recalled, report_id


def _year(value: str | None) -> int | None:
    try:
        return datetime.date.fromisoformat((value or "")[:10]).year
    except ValueError:
        return None


def _no_report(organisation_id: str | None, links: list[Link]) -> str:
    if not links:
        return "no report in the database is linked to this article"
    return f"no linked report is about {organisation_id}"


def _row(article_id: int, report_id: int | None, kind: str, claim: dict, verdict: Verdict) -> dict:
    evidence = verdict.report_row or {}
    return {
        "article_id": article_id,
        "report_id": report_id,
        "claim_kind": kind,
        "claim_id": claim["id"],
        "claim_text": claim["sentence"],
        "verdict": verdict.verdict,
        "report_value": verdict.report_value,
        "report_evidence": evidence.get("sentence"),
        "report_start": evidence.get("start"),
        "report_end": evidence.get("end"),
        "reason": verdict.reason,
    }
