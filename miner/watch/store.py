"""Rebuilding the watch tables of a miner database (`miner themes`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlite_utils import Database

from miner.watch.grades import refresh_grade_ranks
from miner.watch.recurrence import THRESHOLD, TOP_K, concern_statuses, find_recurrences
from miner.watch.themes import DISTANCE, MIN_SIZE, find_themes
from miner.watch.vectors import FindingText, drop_boilerplate

# Findings of inspection reports only: news and press releases restate a
# report's findings, which would count the same concern twice.
FINDINGS_SQL = """
select f.id, f.organisation_id, f.document_id, coalesce(d.inspection_date, d.published) as date,
  f.text, f.kind, f.polarity, f.topic
from findings f join latest_documents d on d.id = f.document_id
where d.kind = 'report' and f.text is not null
order by f.id
"""


@dataclass
class WatchSummary:
    run_id: int
    findings: int
    themes: int
    themed_findings: int
    recurrences: int
    statuses: dict

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def load_findings(db: Database) -> list[FindingText]:
    return drop_boilerplate([FindingText(**row) for row in db.query(FINDINGS_SQL)])


def rebuild(db: Database, *, threshold: float = THRESHOLD, top_k: int = TOP_K, distance: float = DISTANCE, min_size: int = MIN_SIZE) -> WatchSummary:
    """Recompute themes, recurrences and concern statuses; replace the old rows in one transaction."""
    started = _now()
    findings = load_findings(db)
    themes = find_themes(findings, distance=distance, min_size=min_size)
    recurrences = find_recurrences(findings, threshold=threshold, top_k=top_k)
    statuses = concern_statuses(findings, recurrences)
    options = {"threshold": threshold, "top_k": top_k, "distance": distance, "min_size": min_size}
    with db.atomic():  # one transaction: readers see the old rows or the new, never half
        for table in ("finding_themes", "themes", "recurrences", "concern_status"):
            db.execute(f"delete from [{table}]")
        refresh_grade_ranks(db)
        for theme_id, theme in enumerate(themes, start=1):
            dates = sorted(f.date for f in theme.findings if f.date)
            db["themes"].insert(
                {
                    "id": theme_id,
                    "label": theme.label,
                    "keywords": json.dumps(theme.keywords),
                    "topic": theme.topic,
                    "n_findings": len(theme.members),
                    "n_documents": len({f.document_id for f in theme.findings}),
                    "n_organisations": len({f.organisation_id for f in theme.findings if f.organisation_id}),
                    "first_seen": dates[0] if dates else None,
                    "last_seen": dates[-1] if dates else None,
                }
            )
            db["finding_themes"].insert_all(
                {"finding_id": f.id, "theme_id": theme_id, "similarity": s} for f, s in theme.members
            )
        db["recurrences"].insert_all(
            {
                "id": i,
                "organisation_id": r.earlier.organisation_id,
                "earlier_finding_id": r.earlier.id,
                "later_finding_id": r.later.id,
                "earlier_document_id": r.earlier.document_id,
                "later_document_id": r.later.document_id,
                "similarity": r.similarity,
                "earlier_date": r.earlier.date,
                "later_date": r.later.date,
                "years_apart": r.years_apart,
            }
            for i, r in enumerate(recurrences, start=1)
        )
        db["concern_status"].insert_all(
            {
                "finding_id": s.finding.id,
                "organisation_id": s.finding.organisation_id,
                "document_id": s.finding.document_id,
                "status": s.status,
                "next_document_id": s.next_document_id,
                "n_recurrences": s.n_recurrences,
            }
            for s in statuses
        )
        counts: dict = {}
        for s in statuses:
            counts[s.status] = counts.get(s.status, 0) + 1
        run_id = db["watch_runs"].insert(
            {
                "started_at": started,
                "finished_at": _now(),
                "n_findings": len(findings),
                "n_themes": len(themes),
                "n_recurrences": len(recurrences),
                "options": json.dumps(options),
            }
        ).last_pk
    return WatchSummary(run_id, len(findings), len(themes), sum(len(t.members) for t in themes), len(recurrences), counts)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


RECURRENCES_SQL = """
select o.name as organisation, r.organisation_id, r.earlier_date, r.later_date, r.years_apart, r.similarity,
  e.kind as earlier_kind, e.text as earlier_text, l.kind as later_kind, l.text as later_text,
  r.earlier_finding_id, r.later_finding_id, r.earlier_document_id, r.later_document_id
from recurrences r
join findings e on e.id = r.earlier_finding_id
join findings l on l.id = r.later_finding_id
left join organisations o on o.id = r.organisation_id
{where}
order by o.name, r.earlier_date, r.similarity desc
"""


def recurrence_rows(db: Database, organisation: str | None = None) -> list[dict]:
    """Stored recurrences, optionally of one organisation (id, or name case-insensitively)."""
    where, params = "", []
    if organisation:
        where = "where r.organisation_id = ? or lower(o.name) = lower(?)"
        params = [organisation, organisation]
    return list(db.query(RECURRENCES_SQL.format(where=where), params))


def theme_rows(db: Database) -> list[dict]:
    return list(db.query("select id, label, topic, n_findings, n_documents, n_organisations, first_seen, last_seen from themes order by n_findings desc, id"))
