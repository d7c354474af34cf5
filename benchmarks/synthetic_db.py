"""A miner-schema database with a million statistics and a million findings.

For the Datasette load benchmark (datasette_load.py). The rows are made up
but shaped like the real ones: findings are inspection-report sentences
built from templates over the taxonomy's kinds, polarities and topics;
statistics carry the units, measures and changes the extractor produces;
every row points at a document and at an organisation of the gazetteer.
The database is built once and cached (it takes a few minutes).

    python benchmarks/synthetic_db.py /tmp/publish-bench/miner.db --statistics 1000000 --findings 1000000
"""

from __future__ import annotations

import argparse
import pathlib
import random
import sys
import time

from miner.store import open_database

FINDING_KINDS = [("finding", 50), ("area_for_improvement", 20), ("recommendation", 15), ("cause_of_concern", 8), ("innovative_practice", 7)]
POLARITIES = [("negative", 45), ("positive", 35), ("neutral", 20)]
TOPICS = [
    "call handling", "crime recording", "investigations", "safeguarding", "vulnerability", "custody",
    "neighbourhood policing", "workforce", "leadership", "wellbeing", "use of force", "stop and search",
    "children in care", "care leavers", "contact and referral", "fire prevention", "protection", "response",
    "health care", "purposeful activity", "resettlement", "staffing", "data quality", "finance",
]
SUBJECTS = ["The force", "The council", "The service", "The prison", "Leaders", "Senior leaders", "Staff", "Managers", "The constabulary"]
VERBS_NEG = ["doesn't always", "hasn't yet managed to", "is too slow to", "doesn't consistently", "needs to"]
VERBS_POS = ["effectively", "consistently", "has improved how it", "works well with partners to", "makes good use of data to"]
ACTIONS = [
    "answer emergency calls within the national target", "record crimes accurately", "supervise investigations",
    "identify vulnerable people at first contact", "review risk assessments for children", "manage registered sex offenders",
    "support the wellbeing of its workforce", "plan for future demand", "carry out fire safety audits",
    "give prisoners time out of their cells", "prepare people for release", "respond to missing children",
]
QUALIFIERS = ["", " in line with national guidance", " across all its areas", " within 28 days", " for most cases we reviewed", " by March 2025"]
UNITS = [
    ("percent", 30), ("count", 30), ("gbp", 8), ("per_100000", 6), ("percentage_points", 5), ("days", 5),
    ("rate", 3), ("ratio", 2), ("multiplier", 2), ("seconds", 3), ("minutes", 2), ("hours", 1), ("weeks", 1), ("months", 1), ("years", 1),
]
MEASURES = [
    "emergency calls answered within 10 seconds", "non-emergency calls abandoned", "crimes recorded", "victims satisfied",
    "officers", "police staff", "PCSOs", "budget", "savings", "response time", "arrests", "charge rate",
    "children in care", "care leavers in suitable accommodation", "referrals", "re-referrals", "assessments completed on time",
    "prisoners", "time out of cell", "self-harm incidents", "assaults on staff", "fire safety audits", "home fire safety visits",
    "firefighters", "sickness absence", "vacancies", "outcomes", "domestic abuse crimes", "stop and search encounters",
]
DIRECTIONS = [(None, 70), ("up", 13), ("down", 13), ("unchanged", 4)]
SECTIONS = ["Summary", "Causes of concern", "Areas for improvement", "Recommendations", "Findings > Preventing crime",
            "Findings > Responding to the public", "Findings > Investigating crime", "Findings > Protecting vulnerable people"]
DOC_KINDS = [("report", 60), ("news", 30), ("press-release", 10)]
INSPECTORATES = {"police_force": "hmicfrs", "fire_and_rescue_service": "hmicfrs", "local_authority": "ofsted", "prison": "hmi-prisons"}
PROGRAMMES = {"hmicfrs": ["PEEL 2021-22", "PEEL 2023-25", "Fire 2023-25"], "ofsted": ["ILACS", "SIF"], "hmi-prisons": ["Full inspection"]}
PUBLISHERS = ["HMICFRS", "Ofsted", "HM Inspectorate of Prisons", "BBC News", "The Guardian", "Local Democracy Reporting Service", "ITV News"]


def _weighted(pairs, n, rng):
    values, weights = zip(*pairs)
    return rng.choices(values, weights, k=n)


def _finding(rng: random.Random, polarity: str) -> str:
    verb = rng.choice(VERBS_NEG if polarity == "negative" else VERBS_POS)
    return f"{rng.choice(SUBJECTS)} {verb} {rng.choice(ACTIONS)}{rng.choice(QUALIFIERS)}."


def build(path: pathlib.Path, *, documents: int, findings: int, statistics: int, seed: int = 7, silent: bool = False) -> None:
    rng = random.Random(seed)
    started = time.perf_counter()
    tmp = path.with_suffix(".building")
    for stale in (tmp, pathlib.Path(f"{tmp}-wal"), pathlib.Path(f"{tmp}-shm")):
        stale.unlink(missing_ok=True)
    db = open_database(tmp)
    orgs = [(row[0], row[1]) for row in db.execute("select id, kind from organisations")]
    # Inspected bodies get most documents, as in the real corpus.
    inspected = [o for o in orgs if o[1] in INSPECTORATES]
    conn = db.conn
    conn.execute("PRAGMA synchronous = OFF")
    doc_rows = []
    for i in range(1, documents + 1):
        org_id, org_kind = rng.choice(inspected)
        inspectorate = INSPECTORATES[org_kind]
        kind = _weighted(DOC_KINDS, 1, rng)[0]
        year = rng.randint(2014, 2026)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        title = f"{rng.choice(PROGRAMMES[inspectorate])}: An inspection of {org_id.replace('-', ' ').title()}" if kind == "report" \
            else f"{org_id.replace('-', ' ').title()} {rng.choice(['rated', 'criticised', 'praised'])} by inspectors"
        text = " ".join(_finding(rng, rng.choice(["negative", "positive"])) for _ in range(12))
        doc_rows.append((i, f"https://example.org/reports/{i}", f"{i:064x}", 1, title, rng.choice(PUBLISHERS), kind, date,
                         "application/pdf" if kind == "report" else "text/html", len(text), org_id, inspectorate,
                         rng.choice(PROGRAMMES[inspectorate]), date, "2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z", "synthetic", text))
    conn.executemany(
        "insert into documents (id, url, content_hash, version, title, publisher, kind, published, media_type, n_chars, subject_id,"
        " inspectorate, programme, inspection_date, ingested_at, extracted_at, pipeline, text) values ("
        + ",".join("?" * 18) + ")", doc_rows)
    doc_subject = {row[0]: row[10] for row in doc_rows}
    del doc_rows
    conn.commit()
    org_ids = [o[0] for o in orgs]

    def org_for(doc_id):
        # Most records are about the document's subject; some name another body.
        return doc_subject[doc_id] if rng.random() < 0.85 else rng.choice(org_ids)

    batch = 50_000
    for start in range(0, findings, batch):
        n = min(batch, findings - start)
        kinds, pols = _weighted(FINDING_KINDS, n, rng), _weighted(POLARITIES, n, rng)
        rows = []
        for j in range(n):
            doc = rng.randint(1, documents)
            text = _finding(rng, pols[j])
            offset = rng.randint(0, 20_000)
            rows.append((start + j + 1, doc, org_for(doc), text, kinds[j], pols[j], rng.choice(TOPICS), round(rng.uniform(0.5, 1), 3),
                         text, offset, offset + len(text), rng.randint(1, 60), rng.choice(SECTIONS)))
        conn.executemany(
            "insert into findings (id, document_id, organisation_id, text, kind, polarity, topic, confidence, sentence, start, \"end\", page, section)"
            " values (" + ",".join("?" * 13) + ")", rows)
        conn.commit()
        if not silent:
            print(f"findings {start + n:,} ({time.perf_counter() - started:.0f}s)", file=sys.stderr)
    for start in range(0, statistics, batch):
        n = min(batch, statistics - start)
        units, directions = _weighted(UNITS, n, rng), _weighted(DIRECTIONS, n, rng)
        rows = []
        for j in range(n):
            doc = rng.randint(1, documents)
            unit, direction, measure = units[j], directions[j], rng.choice(MEASURES)
            value = round(rng.uniform(0, 100), 1) if unit in ("percent", "percentage_points") else float(rng.randint(1, 250_000))
            change_from = change_pct = None
            if direction:
                change_from = round(value * rng.uniform(0.6, 1.4), 1) if direction != "unchanged" else value
                change_pct = round((value - change_from) / change_from * 100, 1) if change_from else None
            text = f"{value:g} {unit.replace('_', ' ')}"
            sentence = f"In {rng.randint(2014, 2026)}, {measure} stood at {text}."
            offset = rng.randint(0, 20_000)
            rows.append((start + j + 1, doc, org_for(doc), value, unit, measure, str(rng.randint(2014, 2026)), change_from,
                         value if direction else None, change_pct, direction, text, sentence, offset, offset + len(sentence),
                         rng.randint(1, 60), rng.choice(SECTIONS)))
        conn.executemany(
            "insert into statistics (id, document_id, organisation_id, value, unit, measure, period, change_from, change_to, change_pct,"
            " direction, text, sentence, start, \"end\", page, section) values (" + ",".join("?" * 17) + ")", rows)
        conn.commit()
        if not silent:
            print(f"statistics {start + n:,} ({time.perf_counter() - started:.0f}s)", file=sys.stderr)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    tmp.rename(path)
    for side in ("-wal", "-shm"):
        pathlib.Path(f"{tmp}{side}").unlink(missing_ok=True)
    if not silent:
        print(f"{path}: built in {time.perf_counter() - started:.0f}s", file=sys.stderr)


def ensure(path: pathlib.Path, **sizes) -> pathlib.Path:
    """Build `path` unless it already exists (delete it to rebuild)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build(path, **sizes)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=pathlib.Path, nargs="?", default=pathlib.Path("/tmp/publish-bench/miner.db"))
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--findings", type=int, default=1_000_000)
    parser.add_argument("--statistics", type=int, default=1_000_000)
    parser.add_argument("-s", "--silent", action="store_true")
    args = parser.parse_args()
    ensure(args.path, documents=args.documents, findings=args.findings, statistics=args.statistics, silent=args.silent)


if __name__ == "__main__":
    main()
