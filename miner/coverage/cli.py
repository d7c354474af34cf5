"""`miner check-coverage`: the click wrapper and the table it prints."""

from __future__ import annotations

import json
import sys
import textwrap

import click

from miner.coverage.claims import VERDICTS


def resolve_article(db, id_or_url: str) -> int:
    """A document id, or the current version of the document at a URL (or file path)."""
    if id_or_url.isdigit():
        row = db.execute("select id from documents where id = ?", [int(id_or_url)]).fetchone()
    else:
        row = db.execute("select id from latest_documents where url = ? or url like ?", [id_or_url, "%/" + id_or_url.lstrip("/")]).fetchone()
    if row is None:
        raise click.ClickException(f"{id_or_url}: no such document in the database (give a documents.id or its URL)")
    return row[0]


def render_table(rows: list[dict], width: int = 38) -> str:
    """Article, claim, verdict and the report's figure, one claim per row."""
    headers = ("article", "claim", "verdict", "report says")
    widths = (26, width, 12, 28)
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(), "  ".join("-" * w for w in widths)]
    for row in rows:
        article = f"{row['article_id']} {row['article_title'] or ''}"
        cells = (article, row["claim"] or row["claim_text"] or "", row["verdict"], row["report_value"] or "")
        lines.append("  ".join(textwrap.shorten(str(c), w, placeholder="…").ljust(w) for c, w in zip(cells, widths)).rstrip())
    return "\n".join(lines)


@click.command(name="check-coverage")
@click.argument("db_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--article", "articles", multiple=True, help="Only this article (documents.id or URL); repeatable")
@click.option("--verdict", type=click.Choice(VERDICTS), help="Only list claims with this verdict")
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON")
@click.option("-s", "--silent", is_flag=True, help="No progress bar")
def check_coverage_command(db_path, articles, verdict, as_json, silent):
    """Check news articles and press releases against the reports they cover.

    Links each article to its report (same organisation, published soon
    after, shared figures and grades), then gives every grading and figure
    the article states a verdict: supported, contradicted (with the
    report's figure beside it) or not_found. Results are stored in the
    coverage_links and claim_checks tables, recomputed on every run.

    Example:

        miner check-coverage reports.db --verdict contradicted
    """
    from miner.coverage.checks import check_coverage, claim_check_rows, count_articles
    from miner.store import open_database

    db = open_database(db_path)
    ids = [resolve_article(db, a) for a in articles] or None
    total = len(ids) if ids else count_articles(db)
    if silent or total < 2:
        summary = check_coverage(db, ids)
    else:
        with click.progressbar(length=total, label="Checking coverage", file=sys.stderr, show_pos=True) as bar:
            summary = check_coverage(db, ids, progress=bar.update)
    rows = claim_check_rows(db, article_ids=ids, verdict=verdict)
    if as_json:
        click.echo(json.dumps({"summary": summary.to_dict(), "checks": rows}, indent=2, ensure_ascii=False))
        return
    click.echo(render_table(rows))
    if not silent:
        counts = ", ".join(f"{summary.verdicts.get(v, 0)} {v}" for v in VERDICTS)
        click.echo(f"{summary.articles} articles, {summary.links} links to reports; {counts}", err=True)
