"""Crawling the fixture inspectorate and news sites: discovery, storage, increments.

The server's request log is the witness: what was asked for, in what order,
how far apart, and whether conditionally.
"""

import json

import pytest

from miner.ingest import Ingester
from miner.sources.adapters import get_adapter
from miner.sources.crawl import CrawlOptions, Crawler
from miner.sources.polite import PoliteClient
from miner.sources.robots import TableRobotsStore
from miner.store import open_database
from miner.store.fetch_log import FetchLog
from tests.scrape_site import ARTICLES, PUBLISHER, REPORTS, Page, report_html, site, site_pages  # noqa: F401

DELAY = 0.05
SLACK = 0.01
STATE_TABLES = (
    "documents", "document_blocks", "gradings", "findings", "statistics", "failures",
    "listing_metadata", "links", "validators", "robots_txt",
)
PUBLIC_REPORTS = [r for r in REPORTS if not r.private]


@pytest.fixture
def crawl(db_path, extractor):
    """Run a crawl into `db_path` as the CLI would, in-process (no sandbox: fast)."""

    def run(*seeds: tuple[str, str], **options):
        db = open_database(db_path)
        log = FetchLog(db, read_only=options.get("dry_run", False))
        with PoliteClient(delay=DELAY, timeout=5.0, backoff=0.05, robots_store=TableRobotsStore(log)) as client:
            with Ingester(db, extractor=extractor, isolated=False) as ingester:
                crawler = Crawler(client, log, ingester, options=CrawlOptions(**options))
                return crawler.crawl([(url, get_adapter(name)) for url, name in seeds])

    return run


def rows(db_path, sql, params=()):
    return [tuple(r) for r in open_database(db_path).execute(sql, params).fetchall()]


def snapshot(db_path) -> dict:
    db = open_database(db_path)
    return {table: [tuple(r) for r in db.execute(f"select * from [{table}] order by 1, 2").fetchall()] for table in STATE_TABLES}


def assert_polite(site):
    """Per host: no request started before the previous one ended plus the delay."""
    for host in {h.host for h in site.hits}:
        hits = sorted((h for h in site.hits if h.host == host), key=lambda h: h.start)
        for before, after in zip(hits, hits[1:]):
            assert after.start - before.end >= DELAY - SLACK, (before.path, after.path)


def test_inspectorate_crawl_walks_listings_to_reports_and_pdfs(site, crawl, db_path):
    summary = crawl((site.url("/inspectorate/reports"), "inspectorate"))
    stored = rows(db_path, "select url, version, kind from documents order by url")
    expected = sorted([site.url(r.path) for r in PUBLIC_REPORTS] + [site.url(r.pdf_path) for r in PUBLIC_REPORTS if r.pdf])
    assert [url for url, _, _ in stored] == expected
    assert {(version, kind) for _, version, kind in stored} == {(1, "report")}
    # The listing's metadata, for reports and (through their report page) PDFs.
    assert rows(db_path, "select organisation, programme, published from listing_metadata where url = ?", [site.url(REPORTS[1].path)]) == [
        ("Durham Constabulary", "PEEL 2023–25", "2024-09-05")
    ]
    assert rows(db_path, "select organisation, report_url, listing_url from listing_metadata where url = ?", [site.url(REPORTS[0].pdf_path)]) == [
        ("Cleveland Police", site.url(REPORTS[0].path), site.url("/inspectorate/reports"))
    ]
    # robots.txt obeyed: the private report was listed but never requested.
    private = site.url(REPORTS[2].path)
    assert not site.requested("/inspectorate/private/")
    assert rows(db_path, "select outcome, reason from fetches where url = ?", [private]) == [("skipped", f"{private}: disallowed by robots.txt")]
    assert summary.counts == {"fetched": 3 + len(expected), "unchanged": 0, "skipped": 1, "failed": 0}
    # Every page fetched exactly once, politely.
    paths = [h.path for h in site.hits]
    assert len(paths) == len(set(paths))
    assert {"/inspectorate/reports?page=2", "/inspectorate/reports?page=3"} <= set(paths)
    assert_polite(site)


def test_news_crawl_from_feed_sitemap_and_home_page(site, crawl, db_path):
    crawl((site.url("/news/feed.xml"), "news"), (site.url("/news/sitemap-index.xml"), "news"), (site.url("/news/"), "news"))
    published = [a for a in ARTICLES if not a.draft]
    stored = rows(db_path, "select url, kind, title, author, publisher, published, text from documents order by published desc")
    assert [row[:6] for row in stored] == [
        (site.url(a.path), "news", a.headline, a.byline, PUBLISHER, a.published[:10]) for a in published
    ]
    for (*_, text), article in zip(stored, published):
        assert all(paragraph in text for paragraph in article.paragraphs)
        for furniture in ("cookies", "Most read", "Derby day", "All rights reserved", "Sport"):
            assert furniture not in text
    # Listed in the sitemap and linked from the home page, but robots.txt says no.
    assert not site.requested("/news/drafts/")
    article_hits = [h.path for h in site.hits if h.path.startswith("/news/20")]
    assert sorted(article_hits) == sorted(a.path for a in published)  # each once, however many ways it was found
    assert_polite(site)


def test_second_crawl_of_an_unchanged_site_only_asks_and_stores_nothing(site, crawl, db_path):
    seeds = [(site.url("/inspectorate/reports"), "inspectorate"), (site.url("/news/feed.xml"), "news"), (site.url("/news/sitemap.xml"), "news")]
    first = crawl(*seeds)
    before = snapshot(db_path)
    site.hits.clear()
    second = crawl(*seeds)
    assert site.hits, "the second crawl asked nothing"
    assert all(h.conditional and h.status == 304 for h in site.hits)  # robots.txt too is remembered for a day
    assert snapshot(db_path) == before
    assert second.counts == {"fetched": 0, "unchanged": first.counts["fetched"], "skipped": first.counts["skipped"], "failed": 0}
    outcomes = rows(db_path, "select outcome, count(*) from fetches where crawl_id = 2 group by outcome order by 1")
    assert outcomes == [("not-modified", first.counts["fetched"]), ("skipped", 2)]


def test_a_changed_page_becomes_exactly_one_new_version(site, crawl, db_path):
    seed = (site.url("/inspectorate/reports"), "inspectorate")
    crawl(seed)
    report = REPORTS[1]
    site.pages[report.path] = Page(report_html(report, extra=" A follow-up visit found further progress.").encode(), "text/html; charset=utf-8")
    summary = crawl(seed)
    assert [(r.url, r.outcome) for r in summary.results if r.outcome not in ("not-modified", "skipped")] == [(site.url(report.path), "new-version")]
    versions = rows(db_path, "select id, version, supersedes, text like '%follow-up visit%' from documents where url = ? order by version", [site.url(report.path)])
    (old_id, _, _, _), _ = versions
    assert [v[1:] for v in versions] == [(1, None, 0), (2, old_id, 1)]  # the old version is kept
    assert rows(db_path, "select count(*) from documents") == [(10,)]


def test_since_skips_older_reports_and_stops_paginating(site, crawl, db_path):
    summary = crawl((site.url("/inspectorate/reports"), "inspectorate"), since="2024-01-01")
    requested = {h.path for h in site.hits}
    assert {r.path for r in PUBLIC_REPORTS if r.published >= "2024"} <= requested
    assert not {r.path for r in REPORTS if r.published < "2024"} & requested
    # Page 2 lists only older reports, so page 3 is not asked for.
    assert "/inspectorate/reports?page=2" in requested and "/inspectorate/reports?page=3" not in requested
    skipped = {r.url: r.reason for r in summary.results if r.outcome == "skipped"}
    merseyside = site.url(REPORTS[3].path)
    assert skipped[merseyside] == f"{merseyside}: published 2023-10-02, before 2024-01-01"


def test_limit_stops_after_n_documents(site, crawl, db_path):
    crawl((site.url("/inspectorate/reports"), "inspectorate"), limit=2)
    assert rows(db_path, "select count(*) from documents") == [(2,)]


def test_pagination_is_not_depth(site, crawl, db_path):
    summary = crawl((site.url("/inspectorate/reports"), "inspectorate"), max_depth=0)
    assert [r.url for r in summary.results] == [site.url("/inspectorate/reports"), site.url("/inspectorate/reports?page=2"), site.url("/inspectorate/reports?page=3")]
    assert rows(db_path, "select count(*) from documents") == [(0,)]


def test_failures_are_logged_with_their_reasons_and_retried_next_time(site, crawl, db_path):
    urls = [site.url(p) for p in ("/hostile/missing", "/hostile/loop-a", "/hostile/not-a-pdf.pdf")]
    summary = crawl(*[(url, "news") for url in urls], (site.url("/news/feed.xml"), "news"))
    reasons = [
        f"{urls[0]}: HTTP 404 Not Found",
        f"{urls[1]}: redirect loop ({site.url('/hostile/loop-b')} -> {site.url('/hostile/loop-a')})",
        f"{urls[2]}: expected a PDF but the file is HTML titled 'Please log in' (an error page or failed download?)",
    ]
    assert [r.reason for r in summary.failed] == reasons
    assert rows(db_path, "select url, outcome, status, reason from fetches where outcome = 'failed' order by id") == [
        (urls[0], "failed", 404, reasons[0]), (urls[1], "failed", None, reasons[1]), (urls[2], "failed", 200, reasons[2]),
    ]
    assert rows(db_path, "select source, stage, reason from failures order by id") == [
        (urls[0], "fetch", reasons[0]), (urls[1], "fetch", reasons[1]), (urls[2], "convert", reasons[2]),
    ]
    assert summary.counts["fetched"] == 4  # the feed and its three articles went on regardless
    site.hits.clear()
    again = crawl(*[(url, "news") for url in urls])
    assert [r.reason for r in again.failed] == reasons
    assert not any(h.conditional for h in site.requested("/hostile/not-a-pdf.pdf"))  # no validators kept for a failure


def test_dry_run_reads_listings_and_writes_nothing(site, crawl, db_path):
    summary = crawl((site.url("/inspectorate/reports"), "inspectorate"), dry_run=True)
    assert [r.url for r in summary.results if r.outcome == "would-fetch"] == [site.url(r.path) for r in PUBLIC_REPORTS]
    assert {h.path for h in site.hits} == {"/robots.txt", "/inspectorate/reports", "/inspectorate/reports?page=2", "/inspectorate/reports?page=3"}
    assert all(rows(db_path, f"select count(*) from [{t}]") == [(0,)] for t in STATE_TABLES + ("fetches", "crawls"))


def test_crawls_table_records_each_run(site, crawl, db_path):
    crawl((site.url("/news/feed.xml"), "news"))
    (started, finished, seeds, fetched, unchanged, skipped, failed), = rows(
        db_path, "select started_at, finished_at, seeds, fetched, unchanged, skipped, failed from crawls"
    )
    assert finished >= started and json.loads(seeds) == [site.url("/news/feed.xml")]
    assert (fetched, unchanged, skipped, failed) == (4, 0, 0, 0)


def test_an_unreachable_robots_txt_fails_the_host_and_asks_nothing_else(site, crawl, db_path):
    site.statuses["/robots.txt"] = 500
    seed = site.url("/inspectorate/reports")
    summary = crawl((seed, "inspectorate"))
    assert [r.reason for r in summary.failed] == [f"{seed}: not fetched, robots.txt unreachable: HTTP 500 Internal Server Error (after 3 attempts)"]
    assert {h.path for h in site.hits} == {"/robots.txt"}
    assert rows(db_path, "select count(*) from robots_txt") == [(0,)]  # asked again next run
