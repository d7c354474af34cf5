"""The schema, as sqlite-utils migrations: an old database upgrades in place.

Table and column names are a public interface (documented in metadata.yml):
researchers write SQL against them.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("miner")

RECORD_TABLES = ("gradings", "findings", "statistics")


@migrations()
def m001_initial(db: Database) -> None:
    db["organisations"].create(
        {"id": str, "name": str, "kind": str, "region": str, "country": str, "aliases": str},
        pk="id",
    )
    db["documents"].create(
        {
            "id": int,
            "url": str,
            "content_hash": str,
            "version": int,
            "supersedes": int,
            "title": str,
            "publisher": str,
            "author": str,
            "kind": str,
            "published": str,
            "media_type": str,
            "pages": int,
            "n_chars": int,
            "subject_id": str,
            "inspectorate": str,
            "programme": str,
            "inspection_date": str,
            "ingested_at": str,
            "extracted_at": str,
            "pipeline": str,
            "text": str,
        },
        pk="id",
        foreign_keys=[("supersedes", "documents", "id"), ("subject_id", "organisations", "id")],
    )
    db["documents"].create_index(["content_hash"], unique=True)
    db["documents"].create_index(["url", "version"])
    db["document_blocks"].create(
        {"document_id": int, "blocks": str},
        pk="document_id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    common = {"id": int, "document_id": int, "organisation_id": str}
    evidence = {"sentence": str, "start": int, "end": int, "page": int, "section": str}
    db["gradings"].create(
        {
            **common,
            "area": str,
            "grade": str,
            "scale": str,
            "count": int,
            "out_of": int,
            "previous": int,
            "year": int,
            "method": str,
            **evidence,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("organisation_id", "organisations", "id")],
    )
    db["findings"].create(
        {**common, "text": str, "kind": str, "polarity": str, "topic": str, "confidence": float, **evidence},
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("organisation_id", "organisations", "id")],
    )
    db["statistics"].create(
        {
            **common,
            "value": float,
            "unit": str,
            "measure": str,
            "period": str,
            "change_from": float,
            "change_to": float,
            "change_pct": float,
            "direction": str,
            "text": str,
            **evidence,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("organisation_id", "organisations", "id")],
    )
    for table in RECORD_TABLES:
        db[table].create_index(["document_id"])
        db[table].create_index(["organisation_id"])
    db["gradings"].create_index(["grade"])
    db["gradings"].create_index(["area"])
    db["failures"].create(
        {"id": int, "source": str, "content_hash": str, "stage": str, "reason": str, "first_seen": str},
        pk="id",
    )
    db["failures"].create_index(["source", "content_hash", "reason"], unique=True)
    db["documents"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    db["findings"].enable_fts(["text"], create_triggers=True, tokenize="porter")


@migrations()
def m002_views(db: Database) -> None:
    db.create_view(
        "latest_documents",
        """
        select * from documents d
        where not exists (select 1 from documents newer where newer.supersedes = d.id)
        """,
    )
    db.create_view(
        "current_gradings",
        """
        select g.* from gradings g
        join latest_documents d on d.id = g.document_id
        where g.previous = 0 and g.area is not null and g.count is null
        """,
    )


@migrations()
def m003_crawl_log(db: Database) -> None:
    """What crawls fetched and learnt: runs, every fetch, validators, links, robots.txt, listings."""
    db["crawls"].create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "seeds": str,
            "options": str,
            "fetched": int,
            "unchanged": int,
            "skipped": int,
            "failed": int,
        },
        pk="id",
    )
    db["fetches"].create(
        {
            "id": int,
            "crawl_id": int,
            "url": str,
            "fetched_at": str,
            "status": int,
            "bytes": int,
            "content_hash": str,
            "outcome": str,
            "reason": str,
            "final_url": str,
            "media_type": str,
            "document_id": int,
            "elapsed_ms": int,
        },
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id"), ("document_id", "documents", "id")],
    )
    db["fetches"].create_index(["url"])
    db["fetches"].create_index(["outcome"])
    db["fetches"].create_index(["crawl_id"])
    db["validators"].create(
        {
            "url": str,
            "etag": str,
            "last_modified": str,
            "content_hash": str,
            "document_id": int,
            "final_url": str,
            "media_type": str,
            "checked_at": str,
        },
        pk="url",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["links"].create(
        {"source_url": str, "position": int, "url": str, "role": str, "published": str, "title": str, "metadata": str},
        pk=("source_url", "position"),
    )
    db["links"].create_index(["url"])
    db["robots_txt"].create(
        {"origin": str, "status": int, "body": str, "etag": str, "last_modified": str, "fetched_at": str},
        pk="origin",
    )
    db["listing_metadata"].create(
        {
            "url": str,
            "listing_url": str,
            "report_url": str,
            "title": str,
            "organisation": str,
            "programme": str,
            "published": str,
            "adapter": str,
            "first_seen": str,
        },
        pk="url",
    )
    db["listing_metadata"].create_index(["organisation"])
    db["listing_metadata"].create_index(["published"])


@migrations()
def m004_source_files(db: Database) -> None:
    """Local files already ingested, by size, mtime and hash: a re-run skips them unread."""
    db["source_files"].create(
        {"path": str, "size": int, "mtime_ns": int, "sha256": str, "checked_ns": int, "checked_at": str},
        pk="path",
    )


@migrations()
def m005_watch(db: Database) -> None:
    """Themes, recurring concerns and grade history (miner.watch; rebuilt by `miner themes`)."""
    from miner.watch.grades import refresh_grade_ranks

    db["watch_runs"].create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "n_findings": int,
            "n_themes": int,
            "n_recurrences": int,
            "options": str,
        },
        pk="id",
    )
    db["themes"].create(
        {
            "id": int,
            "label": str,
            "keywords": str,
            "topic": str,
            "n_findings": int,
            "n_documents": int,
            "n_organisations": int,
            "first_seen": str,
            "last_seen": str,
        },
        pk="id",
    )
    # Raw SQL for ON DELETE CASCADE: re-extracting a document deletes its
    # findings, and these derived rows must go with them (foreign keys are on)
    # until `miner themes` rebuilds them.
    db.executescript(
        """
        create table finding_themes (
          finding_id integer primary key references findings(id) on delete cascade,
          theme_id integer references themes(id) on delete cascade,
          similarity float
        );
        create index idx_finding_themes_theme_id on finding_themes(theme_id);
        create table recurrences (
          id integer primary key,
          organisation_id text references organisations(id),
          earlier_finding_id integer references findings(id) on delete cascade,
          later_finding_id integer references findings(id) on delete cascade,
          earlier_document_id integer references documents(id) on delete cascade,
          later_document_id integer references documents(id) on delete cascade,
          similarity float,
          earlier_date text,
          later_date text,
          years_apart float
        );
        create index idx_recurrences_organisation_id on recurrences(organisation_id);
        create index idx_recurrences_earlier on recurrences(earlier_finding_id);
        create index idx_recurrences_later on recurrences(later_finding_id);
        create table concern_status (
          finding_id integer primary key references findings(id) on delete cascade,
          organisation_id text references organisations(id),
          document_id integer references documents(id) on delete cascade,
          status text,
          next_document_id integer references documents(id) on delete set null,
          n_recurrences integer
        );
        create index idx_concern_status_organisation_id on concern_status(organisation_id);
        create index idx_concern_status_status on concern_status(status);
        """
    )
    db["grade_ranks"].create({"scale": str, "grade": str, "rank": int}, pk=("scale", "grade"))
    refresh_grade_ranks(db)
    # A theme's findings per year of the document's inspection (or publication).
    db.create_view(
        "theme_trend",
        """
        select t.id as theme_id, t.label, t.topic,
          cast(substr(coalesce(d.inspection_date, d.published), 1, 4) as integer) as year,
          count(*) as n_findings, count(distinct f.organisation_id) as n_organisations
        from finding_themes ft
        join themes t on t.id = ft.theme_id
        join findings f on f.id = ft.finding_id
        join documents d on d.id = f.document_id
        where coalesce(d.inspection_date, d.published) is not null
        group by t.id, year
        """,
    )
    # One grade per organisation, area and inspection: reports first, then
    # press releases (news repeats the same grades and would double them).
    db.create_view(
        "grade_history",
        """
        select organisation_id, area, scale, grade, rank, inspection_date, round, grading_id, document_id, sentence
        from (
          select g.organisation_id, g.area, g.scale, g.grade, r.rank,
            coalesce(d.inspection_date, d.published) as inspection_date,
            g.id as grading_id, g.document_id, g.sentence,
            row_number() over (
              partition by g.organisation_id, g.area, coalesce(d.inspection_date, d.published)
              order by d.kind = 'report' desc, g.id
            ) as pick,
            dense_rank() over (
              partition by g.organisation_id, g.area order by coalesce(d.inspection_date, d.published)
            ) as round
          from current_gradings g
          join documents d on d.id = g.document_id
          left join grade_ranks r on r.scale = g.scale and r.grade = g.grade
          where d.kind in ('report', 'press-release') and g.organisation_id is not null
            and coalesce(d.inspection_date, d.published) is not null
        )
        where pick = 1
        """,
    )
    db.create_view(
        "grade_changes",
        """
        select organisation_id, area, scale,
          previous_grade, grade, previous_date, inspection_date,
          case
            when rank is null or previous_rank is null then 'not comparable'
            when rank > previous_rank then 'improved'
            when rank < previous_rank then 'declined'
            else 'unchanged'
          end as change,
          previous_grading_id, grading_id, previous_document_id, document_id, sentence
        from (
          select h.*,
            lag(grade) over w as previous_grade,
            lag(rank) over w as previous_rank,
            lag(inspection_date) over w as previous_date,
            lag(grading_id) over w as previous_grading_id,
            lag(document_id) over w as previous_document_id
          from grade_history h
          window w as (partition by organisation_id, area order by inspection_date)
        )
        where previous_grade is not null
        """,
    )


@migrations()
def m006_coverage_checks(db: Database) -> None:
    """News coverage checked against reports: which report an article covers, and each claim's verdict."""
    db["coverage_links"].create(
        {"article_id": int, "report_id": int, "score": float, "reasons": str},
        pk=("article_id", "report_id"),
        foreign_keys=[("article_id", "documents", "id"), ("report_id", "documents", "id")],
    )
    db["coverage_links"].create_index(["report_id"])
    db["claim_checks"].create(
        {
            "id": int,
            "article_id": int,
            "report_id": int,
            "claim_kind": str,
            "claim_id": int,
            "claim_text": str,
            "verdict": str,
            "report_value": str,
            "report_evidence": str,
            "report_start": int,
            "report_end": int,
            "reason": str,
        },
        pk="id",
        foreign_keys=[("article_id", "documents", "id"), ("report_id", "documents", "id")],
    )
    db["claim_checks"].create_index(["article_id"])
    db["claim_checks"].create_index(["report_id"])
    db["claim_checks"].create_index(["verdict"])
