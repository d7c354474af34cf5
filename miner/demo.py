"""`miner demo`: the shipped corpus as a ready-to-browse database."""

from __future__ import annotations

import pathlib

from miner.nlp.pipeline import REPO_ROOT, Extractor
from miner.errors import MinerError


def default_corpus() -> pathlib.Path:
    for candidate in (pathlib.Path.cwd() / "corpora" / "documents", REPO_ROOT / "corpora" / "documents"):
        if candidate.is_dir():
            return candidate
    raise MinerError("corpora/documents: the shipped corpus was not found; run from the miner checkout or pass --corpus")


def build_demo(db_path: str, corpus: pathlib.Path | None = None, *, silent: bool = True) -> str:
    """Ingest what the database lacks and re-extract what an older pipeline made."""
    from miner.ingest import Ingester, reextract
    from miner.sources import expand_sources
    from miner.store import open_database

    corpus = corpus or default_corpus()
    db = open_database(db_path)
    extractor = Extractor()
    stale_before = db.execute(
        "select count(*) from documents where coalesce(pipeline, '') != ?", [extractor.version]
    ).fetchone()[0]
    refreshed, errors = reextract(db, extractor, only_stale=True) if stale_before else (0, [])
    with Ingester(db, extractor=extractor) as ingester:
        summary = ingester.ingest_all(expand_sources([str(corpus)]))
    lines = [
        f"{db_path}: {summary.count('added') + summary.count('new-version')} documents added, "
        f"{summary.count('unchanged')} already there, {refreshed} re-extracted, "
        f"{summary.count('failed') + len(errors)} failed"
    ]
    lines += [f"error: {r.reason}" for r in summary.failed] + [f"error: {e}" for e in errors]
    from miner.watch.store import rebuild

    watch = rebuild(db)  # themes and recurring concerns for the browsing views
    lines.append(f"{watch.themes} themes, {watch.recurrences} recurrences of concerns between inspections")
    from miner.coverage.checks import check_coverage

    coverage = check_coverage(db)  # every article's grades and figures against the report it covers
    lines.append(
        f"{coverage.articles} articles checked against {coverage.links} linked reports: "
        f"{coverage.verdicts.get('contradicted', 0)} claims contradicted, {coverage.verdicts.get('supported', 0)} supported"
    )
    db.close()
    return "\n".join(lines)
