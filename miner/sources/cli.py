"""`miner crawl`: the command line of the crawler (registered on miner's group by miner.cli)."""

from __future__ import annotations

import json
import pathlib
import shutil
import sys
from typing import TYPE_CHECKING, TextIO

import click

from miner.errors import MinerError
from miner.sources.polite import MIB, USER_AGENT

if TYPE_CHECKING:
    from miner.sources.crawl import CrawlResult, CrawlSummary


class StatusLine:
    """One self-rewriting line on stderr with the running counts; only on a terminal."""

    def __init__(self, stream: TextIO, *, enabled: bool):
        self.stream = stream
        self.enabled = enabled and stream.isatty()
        self.counts = {"fetched": 0, "unchanged": 0, "skipped": 0, "failed": 0, "would_fetch": 0}
        self._shown = False

    def update(self, result: "CrawlResult") -> None:
        from miner.sources.crawl import COUNTERS

        self.counts[COUNTERS[result.outcome]] += 1
        if result.outcome == "failed":
            self.message(f"error: {result.reason}")
        if not self.enabled:
            return
        counts = " · ".join(f"{name.replace('_', ' ')} {n}" for name, n in self.counts.items() if n or name != "would_fetch")
        width = shutil.get_terminal_size((100, 20)).columns
        line = f"{counts} · {result.url}"
        if len(line) > width - 1:
            line = line[: width - 2] + "…"
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()
        self._shown = True

    def message(self, text: str) -> None:
        """A line that stays (an error), printed above the status line."""
        self.clear()
        self.stream.write(text + "\n")
        self.stream.flush()

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False


@click.command(name="crawl")
@click.argument("db_path", type=click.Path(dir_okay=False))
@click.argument("sites", nargs=-1, required=True, metavar="SITE_OR_URL...")
@click.option("--adapter", default="auto", show_default=True, help="How to walk the sites: inspectorate, news, ... (auto: by host, else news)")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Skip documents a listing, feed or sitemap dates before this day")
@click.option("--limit", type=click.IntRange(min=1), help="Stop after this many documents")
@click.option("--max-depth", type=click.IntRange(min=0), default=2, show_default=True, help="Link hops from each seed (pagination does not count)")
@click.option("--user-agent", envvar="MINER_USER_AGENT", default=USER_AGENT, help="User-Agent to send; its first word is the robots.txt token  [env: MINER_USER_AGENT]")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True, help="Seconds between requests to one host (a larger robots.txt Crawl-delay wins)")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True, help="Total seconds allowed for one fetch, retries and redirects included")
@click.option("--max-size", type=click.IntRange(min=1), default=100, show_default=True, help="Largest document in MB, downloaded or decompressed")
@click.option("--dry-run", is_flag=True, help="Read listings, feeds and sitemaps; print the documents that would be fetched; store nothing")
@click.option("-s", "--silent", is_flag=True, help="No progress line or summary")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON")
def crawl(db_path, sites, adapter, since, limit, max_depth, user_agent, delay, timeout, max_size, dry_run, silent, as_json):
    """Crawl sites politely and incrementally, storing what is new or changed.

    Each SITE_OR_URL is a listing, feed, sitemap or page URL, or the name of
    a site adapter that knows its own start pages. robots.txt is obeyed,
    each host gets one request at a time with --delay between them, and
    every page is fetched conditionally: an unchanged page costs one request
    and is not re-extracted; a changed one is stored as a new version.
    Every fetch, with its outcome and any failure's reason, is logged in
    the `fetches` table. Run it again to resume an interrupted crawl. The
    exit code is 1 when any URL failed.

    Example:

        miner crawl reports.db https://inspectorate.example/reports --adapter inspectorate --since 2024-01-01

        miner crawl reports.db https://news.example/feed.xml https://news.example/sitemap.xml --delay 2
    """
    from miner.sources.crawl import CrawlOptions, Crawler
    from miner.sources.polite import PoliteClient
    from miner.sources.robots import TableRobotsStore
    from miner.store.fetch_log import FetchLog

    try:
        seeds = _seeds(sites, adapter)
    except MinerError as error:
        raise click.ClickException(str(error)) from None
    db = _open(db_path, dry_run=dry_run)
    log = FetchLog(db, read_only=dry_run)
    options = CrawlOptions(since=since.date().isoformat() if since else None, limit=limit, max_depth=max_depth, dry_run=dry_run)
    status = StatusLine(sys.stderr, enabled=not silent and not as_json)
    client = PoliteClient(
        user_agent=user_agent, delay=delay, timeout=timeout, max_bytes=max_size * MIB, max_decoded_bytes=max_size * MIB,
        robots_store=TableRobotsStore(log),
    )
    ingester = None
    if not dry_run:
        from miner.ingest import Ingester

        ingester = Ingester(db)
    try:
        summary = Crawler(client, log, ingester, options=options, progress=status.update).crawl(seeds)
    finally:
        status.clear()
        client.close()
        if ingester is not None:
            ingester.close()
    if dry_run:
        _report_dry_run(summary, as_json=as_json, silent=silent)
    elif as_json:
        click.echo(json.dumps(summary.to_dict(), indent=2))
    elif not silent:
        click.echo(_summary_line(summary), err=True)
    if summary.interrupted:
        sys.exit(130)
    if summary.failed:
        sys.exit(1)


def _seeds(sites: tuple[str, ...], adapter_name: str) -> list:
    """(url, adapter) pairs for the command line's SITE_OR_URL arguments."""
    from miner.sources.adapters import ADAPTERS, adapter_for, adapter_names, get_adapter

    seeds = []
    for site in sites:
        if site.startswith(("http://", "https://")):
            seeds.append((site, adapter_for(site) if adapter_name == "auto" else get_adapter(adapter_name)))
            continue
        known = [name for name in adapter_names() if ADAPTERS[name].start_urls]
        if site not in known:
            raise MinerError(f"{site}: not an http(s) URL or a known site (sites: {', '.join(known) or 'none yet'})")
        named = get_adapter(site)
        seeds.extend((url, named) for url in named.start_urls)
    return seeds


def _open(db_path: str, *, dry_run: bool):
    """The database; in a dry run one that does not exist yet stays that way."""
    from miner.store import open_database

    if dry_run and not pathlib.Path(db_path).exists():
        from sqlite_utils import Database

        from miner.store.schema import migrations

        db = Database(memory=True)
        migrations.apply(db)
        return db
    return open_database(db_path)


def _summary_line(summary: "CrawlSummary") -> str:
    counts = summary.counts
    new = f" ({summary.outcome('added')} added, {summary.outcome('new-version')} new versions)" if counts["fetched"] else ""
    stopped = " (interrupted)" if summary.interrupted else ""
    return (
        f"{counts['fetched']} fetched{new}, {counts['unchanged']} unchanged, {counts['skipped']} skipped, "
        f"{counts['failed']} failed; {summary.requests} requests in {summary.seconds:.1f} s{stopped}"
    )


def _report_dry_run(summary: "CrawlSummary", *, as_json: bool, silent: bool) -> None:
    planned = [r for r in summary.results if r.outcome == "would-fetch"]
    if as_json:
        click.echo(json.dumps({"would_fetch": [r.to_dict() for r in planned], **summary.counts, "requests": summary.requests}, indent=2))
        return
    for result in planned:
        click.echo(result.url)
    if not silent:
        click.echo(
            f"{len(planned)} documents would be fetched; {summary.count('skipped')} skipped, {summary.count('failed')} failed "
            f"({summary.requests} requests for robots.txt, listings and feeds)",
            err=True,
        )
