"""The `miner` command line: thin wrappers over the library."""

from __future__ import annotations

import json
import pathlib
import sys

import click

from miner import __version__
from miner.errors import MinerError

KINDS = ["auto", "report", "news", "press-release"]


def _progress(items, *, silent: bool, label: str, length: int | None = None):
    if silent:
        return _Silent(items)
    return click.progressbar(items, label=label, length=length, file=sys.stderr, show_pos=True)


class _Silent:
    """Stands in for click's progress bar under -s/--silent."""

    def __init__(self, items):
        self.items = items if items is not None else ()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __iter__(self):
        return iter(self.items)

    def update(self, n):
        pass


JOBS_OPTION = click.option(
    "-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
    help="Worker processes converting and extracting (0: one per core)",
)


class LazyGroup(click.Group):
    """A group whose commands defined in other modules are imported when run.

    `miner ingest` over an unchanged folder takes a fifth of a second, and
    importing every command's module (the crawler's HTTP client, the coverage
    checks) was a quarter of it. `miner --help` still lists them all.
    """

    lazy_commands = {
        "crawl": "miner.sources.cli:crawl",
        "publish": "miner.publish.command:publish_command",
        "themes": "miner.watch.cli:themes",
        "recurring": "miner.watch.cli:recurring",
        "check-coverage": "miner.coverage.cli:check_coverage_command",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy_commands and name not in self.commands:
            import importlib

            module, attribute = self.lazy_commands[name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup)
@click.version_option(__version__)
def cli():
    """miner: inspection reports and their news coverage, as data.

    Ingest reports (HTML, PDF) and articles into SQLite, extract gradings,
    findings and statistics with their evidence, and publish with Datasette.
    """


@cli.command()
@click.argument("db_path", type=click.Path(dir_okay=False))
@click.argument("sources", nargs=-1, required=True)
@click.option("--kind", type=click.Choice(KINDS), default="auto", show_default=True, help="What the documents are")
@JOBS_OPTION
@click.option("-s", "--silent", is_flag=True, help="No progress bar")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary")
def ingest(db_path, sources, kind, jobs, silent, as_json):
    """Read files, directories (recursively) or URLs, extract, and store.

    The same bytes ingested again change nothing; a changed document at the
    same location is stored as a new version beside the old one. A local
    file whose size and mtime are as last ingested is skipped unread. Inputs
    that cannot be read are reported with the reason and logged in the
    `failures` table; the others are stored, and the exit code is 1.

    Example:

    \b
        miner ingest reports.db corpora/documents https://example.org/report.pdf
        miner ingest reports.db ~/Downloads/ofsted --jobs 2
    """
    from miner.ingest import Ingester
    from miner.store import open_database

    db = open_database(db_path)
    with Ingester(db, kind=kind, jobs=jobs) as ingester:
        source_list = ingester.expand(list(sources))
        with _progress(None, silent=silent or len(source_list) < 2, label="Ingesting", length=len(source_list)) as bar:
            summary = ingester.ingest_all(source_list, progress=lambda result: bar.update(1))
    for failure in summary.failed:
        click.echo(f"error: {failure.reason}", err=True)
    if as_json:
        click.echo(json.dumps(summary.to_dict(), indent=2))
    elif not silent:
        click.echo(
            f"{summary.count('added')} added, {summary.count('new-version')} new versions, "
            f"{summary.count('unchanged')} unchanged ({summary.skipped} skipped unread), {summary.count('failed')} failed",
            err=True,
        )
    if summary.failed:
        sys.exit(1)


@cli.command()
@click.argument("db_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--stale", is_flag=True, help="Only documents extracted by a different pipeline version")
@JOBS_OPTION
@click.option("-s", "--silent", is_flag=True, help="No progress bar")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary")
def extract(db_path, stale, jobs, silent, as_json):
    """Re-run extraction over stored documents, replacing their records.

    Each document's gradings, findings and statistics are swapped for the new
    ones in one transaction.

    Example:

        miner extract reports.db --stale -j 2
    """
    from miner.ingest import reextract
    from miner.nlp.pipeline import Extractor
    from miner.store import open_database

    db = open_database(db_path)
    extractor = Extractor()
    total = db["documents"].count
    with _progress(None, silent=silent, label="Extracting", length=total) as bar:
        done, errors = reextract(db, extractor, only_stale=stale, progress=bar.update, jobs=jobs)
    for error in errors:
        click.echo(f"error: {error}", err=True)
    if as_json:
        click.echo(json.dumps({"extracted": done, "failed": len(errors), "pipeline": extractor.version}))
    elif not silent:
        click.echo(f"{done} documents re-extracted with {extractor.version}, {len(errors)} failed", err=True)
    if errors:
        sys.exit(1)


@cli.command()
@click.argument("db_path", type=click.Path(exists=True, dir_okay=False))
@click.option("-p", "--port", default=8001, show_default=True, type=int)
@click.option("-h", "--host", default="127.0.0.1", show_default=True, help="Use 0.0.0.0 to serve on the network")
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False), help="Another metadata.yml")
@click.option("--immutable", is_flag=True, help="Serve a file nothing else will write to (faster, cacheable)")
@click.option("--allow-sql", is_flag=True, help="Let visitors run arbitrary SQL (off: only canned queries)")
@click.option("-w", "--workers", type=click.IntRange(1), default=None,
              help="Worker processes (default: one per CPU with --immutable, else 1)")
def serve(db_path, port, host, metadata, immutable, allow_sql=False, workers=None):
    """Publish a database with Datasette, read-only, with miner's metadata.

    Public settings: SQL time limit, result caps, no writes, and no
    arbitrary SQL unless --allow-sql. With more than one worker, each
    process serves the same settings (uvicorn --workers). For a
    deployable copy see `miner publish`.

    Example:

        miner serve reports.db -p 8001 --allow-sql

        miner serve site/miner.db --immutable --workers 4
    """
    from miner.publish import serve_arguments
    from miner.store import open_database

    import os
    import tempfile

    from miner.publish import write_metadata_for
    from miner.publish.serving import datasette_config, run_workers

    if workers is None:
        workers = (os.cpu_count() or 1) if immutable else 1
    open_database(db_path).close()  # upgrade the schema before serving read-only
    with tempfile.TemporaryDirectory(prefix="miner-serve-") as tmp:
        resolved = write_metadata_for(db_path, pathlib.Path(tmp) / "metadata.json", pathlib.Path(metadata) if metadata else None)
        options = dict(metadata=resolved, immutable=immutable, allow_sql=allow_sql)
        if workers > 1:
            run_workers(datasette_config(str(pathlib.Path(db_path).resolve()), **options), pathlib.Path(tmp),
                        host=host, port=port, workers=workers)
            return
        from datasette.cli import cli as datasette_cli

        args = serve_arguments(db_path, host=host, port=port, **options)
        datasette_cli.main(args=args, prog_name="miner serve", standalone_mode=False)


@cli.command()
@click.argument("file_or_url")
@click.option("--kind", type=click.Choice(KINDS), default="auto", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the extraction as JSON")
def show(file_or_url, kind, as_json):
    """Print what miner extracts from one document, without a database.

    Example:

        miner show corpora/documents/peel/cleveland-police-2022.html
    """
    from miner.document import content_hash
    from miner.nlp.pipeline import Extractor
    from miner.sources import Source
    from miner.text import claimed_type, convert

    try:
        raw = Source(file_or_url).read()
        document = convert(raw.data, file_or_url, raw.charset, claimed_type(raw.url, raw.content_type))
        document.url, document.content_hash = raw.url, content_hash(raw.data)
        if kind != "auto":
            document.kind = kind
        extraction = Extractor().extract(document)
    except MinerError as error:
        raise click.ClickException(str(error))
    if as_json:
        data = extraction.to_dict()
        data["document"] = {k: getattr(document, k) for k in ("url", "title", "publisher", "published", "media_type", "pages")}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    from miner.report import render_extraction

    click.echo(render_extraction(document, extraction))


@cli.command()
@click.option("--db", "db_path", default="miner.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--corpus", default=None, type=click.Path(exists=True, file_okay=False), help="Default: the shipped corpora/documents")
@click.option("-p", "--port", default=8001, show_default=True, type=int)
@click.option("-h", "--host", default="127.0.0.1", show_default=True)
@click.option("--build-only", is_flag=True, help="Build or refresh the database, don't serve")
@click.option("-s", "--silent", is_flag=True, help="No progress bar")
def demo(db_path, corpus, port, host, build_only, silent):
    """Build miner.db from the shipped corpus (if missing or stale) and serve it.

    Stale means the corpus has documents the database lacks, or the
    extraction pipeline changed since the database was built.

    Example:

        miner demo -p 8001
    """
    from miner.demo import build_demo

    corpus_path = pathlib.Path(corpus) if corpus else None
    report = build_demo(db_path, corpus_path, silent=silent)
    if not silent:
        click.echo(report, err=True)
    if not build_only:

        ctx = click.get_current_context()
        ctx.invoke(serve, db_path=db_path, port=port, host=host, metadata=None, immutable=False)




@cli.command(name="eval")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="test", show_default=True)
@click.option("--errors", "show_errors", default=0, type=int, help="List up to N errors")
@click.option("--field", "fields", multiple=True, help="Only list errors of these fields (gradings, statistics, findings, organisations, subject)")
@click.option("--no-real", is_flag=True, help="Skip the real Ofsted reports in ../shared/data")
@click.option("--check-floors", is_flag=True, help="Exit 1 if any F1 is below its floor in corpora/eval_floors.json")
@click.option("--json", "as_json", is_flag=True)
def eval_command(split, show_errors, fields, no_real, check_floors, as_json):
    """Score the extractors against the annotated corpus (and the real Ofsted reports).

    Prints precision, recall and F1 per document group and field, and the errors.

    Example:

        miner eval --split dev --errors 40 --field gradings
    """
    from miner.evaluation import check_floors as floors_failed
    from miner.evaluation import evaluate, render

    report = evaluate(split, include_real=not no_real)
    if fields:
        report.errors = [e for e in report.errors if e["field"] in fields]
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1, default=str))
    else:
        click.echo(render(report, show_errors=show_errors))
    if check_floors:
        failures = floors_failed(report, split)
        for failure in failures:
            click.echo(f"below floor: {failure}", err=True)
        if failures:
            sys.exit(1)




@cli.command()
@click.option("--output", type=click.Path(file_okay=False), default=None, help="Default: models/miner-pipeline")
@click.option("--epochs", default=15, show_default=True, type=int)
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--cv", "folds", default=0, type=int, help="Only report N-fold cross-validated finding scores on dev")
@click.option("--cv-gradings", is_flag=True, help="Only report the grading layer's leave-one-folder-out scores on dev")
def train(output, epochs, seed, folds, cv_gradings):
    """Train the finding classifier and the grading layer on the dev split and assemble models/miner-pipeline.

    Writes the pipeline (rules, gazetteer, trained classifiers) and its scores
    on dev and test to the output directory. Deterministic for a given seed.

    Example:

        miner train --epochs 15
    """
    from miner.training import cross_validate, train_pipeline

    if cv_gradings:
        from miner import grading_training

        grading_training.cross_validate(grading_training.load_examples("dev"), seed=seed, log=click.echo)
        return
    if folds:
        from miner.evaluation import render

        click.echo(render(cross_validate(folds, epochs=epochs, seed=seed)))
        return
    from miner.nlp.pipeline import DEFAULT_MODEL

    scores = train_pipeline(pathlib.Path(output) if output else DEFAULT_MODEL, epochs=epochs, seed=seed, log=lambda m: click.echo(m, err=True))
    for split in ("dev", "test"):
        everything = scores[split].get("all", {})
        figures = ", ".join(f"{name} {everything[name]['f1']:.3f}" for name in ("gradings", "statistics", "findings", "findings+kind", "findings+polarity") if name in everything)
        click.echo(f"{split}: {figures}")


def main():  # pragma: no cover
    cli()
