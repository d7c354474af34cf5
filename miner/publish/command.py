"""`miner publish`: the click wrapper over miner.publish.deploy."""

from __future__ import annotations

import json
import pathlib

import click

from miner.errors import MinerError


@click.command(name="publish")
@click.argument("db_path", type=click.Path(dir_okay=False))
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Replace OUT_DIR if it exists and is not empty")
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False), help="Another metadata.yml")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary")
@click.option("-s", "--silent", is_flag=True, help="Print nothing but errors")
def publish_command(db_path, out_dir, force, metadata, as_json, silent):
    """Make a deployable copy of a database in OUT_DIR, to serve immutable.

    VACUUM INTO a new file, integrity check, indexes on faceted columns,
    ANALYZE, FTS optimize, the metadata, table counts and a serve.sh.

    Example:

        miner publish reports.db site/ && site/serve.sh
    """
    from miner.publish.deploy import publish as publish_copy

    try:
        published = publish_copy(db_path, out_dir, force=force, metadata=pathlib.Path(metadata) if metadata else None)
    except MinerError as error:
        raise click.ClickException(str(error))
    if as_json:
        click.echo(json.dumps(published.to_dict(), indent=2))
    elif not silent:
        rows = ", ".join(f"{published.counts.get(t, 0):,} {t}" for t in ("documents", "findings", "statistics", "gradings"))
        click.echo(f"{published.database}: {rows}; integrity ok", err=True)
        click.echo(f"serve it with: {published.script}", err=True)
