"""`miner themes` and `miner recurring`: click wrappers over miner.watch.store."""

from __future__ import annotations

import json
import pathlib
import textwrap

import click


def _open(db_path: str):
    from miner.store import open_database

    if not pathlib.Path(db_path).is_file():
        raise click.ClickException(f"{db_path}: no such database")
    return open_database(db_path)


def _short(text: str | None, width: int) -> str:
    return textwrap.shorten(" ".join((text or "").split()), width=width, placeholder="…")


@click.command()
@click.argument("db_path", type=click.Path(dir_okay=False))
@click.option("--limit", default=30, show_default=True, type=int, help="Print the N biggest themes (0: all)")
@click.option("-s", "--silent", is_flag=True, help="Print nothing but errors (and --json)")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary and themes as JSON")
def themes(db_path, limit, silent, as_json):
    """Recompute themes, recurring concerns and concern status, then list the themes.

    Replaces the previous themes, finding_themes, recurrences and
    concern_status rows in one transaction and logs the run in watch_runs.
    Run it after ingesting or re-extracting; `miner demo` runs it for you.

    Example:

        miner themes reports.db --limit 20
    """
    from miner.watch.store import rebuild, theme_rows

    db = _open(db_path)
    summary = rebuild(db)
    rows = theme_rows(db)
    shown = rows[:limit] if limit else rows
    if as_json:
        click.echo(json.dumps({"summary": summary.to_dict(), "themes": shown}, indent=1, ensure_ascii=False))
        return
    if silent:
        return
    click.echo(
        f"{summary.findings} findings: {summary.themes} themes ({summary.themed_findings} findings), "
        f"{summary.recurrences} recurrences; concerns "
        + ", ".join(f"{n} {status.replace('_', ' ')}" for status, n in sorted(summary.statuses.items())),
        err=True,
    )
    click.echo(f"{'id':>4}  {'findings':>8}  {'orgs':>4}  {'years':<9}  label")
    for row in shown:
        years = f"{(row['first_seen'] or '')[:4]}-{(row['last_seen'] or '')[:4]}"
        click.echo(f"{row['id']:>4}  {row['n_findings']:>8}  {row['n_organisations']:>4}  {years:<9}  {_short(row['label'], 90)}")


@click.command()
@click.argument("db_path", type=click.Path(dir_okay=False))
@click.option("--organisation", help="Only this organisation (its id or name)")
@click.option("--json", "as_json", is_flag=True, help="Print the recurrences as JSON")
def recurring(db_path, organisation, as_json):
    """List concerns that a later inspection of the same organisation raised again.

    Reads what `miner themes` stored: each row is an earlier concern, the
    later finding that repeats it, their similarity and the years between.

    Example:

        miner recurring reports.db --organisation "Birmingham City Council"
    """
    from miner.watch.store import recurrence_rows

    db = _open(db_path)
    if not db["watch_runs"].count:
        raise click.ClickException(f"{db_path}: no recurrences computed yet; run `miner themes {db_path}` first")
    rows = recurrence_rows(db, organisation)
    if organisation and not rows and not db.execute(
        "select 1 from organisations where id = ? or lower(name) = lower(?)", [organisation, organisation]
    ).fetchone():
        raise click.ClickException(f"{organisation}: no such organisation in {db_path}")
    if as_json:
        click.echo(json.dumps(rows, indent=1, ensure_ascii=False))
        return
    current = None
    for row in rows:
        if row["organisation"] != current:
            current = row["organisation"]
            click.echo(f"\n{current or row['organisation_id']}")
        click.echo(
            f"  {(row['earlier_date'] or '')[:4]} -> {(row['later_date'] or '')[:4]}  sim {row['similarity']:.2f}\n"
            f"    then: {_short(row['earlier_text'], 110)}\n"
            f"    now:  {_short(row['later_text'], 110)}"
        )
    click.echo(f"{len(rows)} recurrences", err=True)
