"""Discovery without a network: feeds, sitemaps, inspectorate listings, news pages."""

import gzip

import pytest

from miner.errors import UnsupportedDocument
from miner.sources.adapters import DOCUMENT, LISTING, PAGE, REPORT, Link, Page, adapter_for, adapter_names, get_adapter
from miner.sources.adapters.inspectorate import ListingEntry, next_page, parse_listing
from miner.sources.adapters.news import is_article
from miner.sources.feeds import FeedEntry, gunzip, read_feed
from miner.sources.links import anchors, parse_html
from tests.scrape_site.content import REPORTS, article_html, listing_html, news_home_html

BASE = "https://example.org"

RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Courier</title><link>https://example.org/</link>
<item><title>One</title><link>https://example.org/news/one</link><pubDate>Thu, 21 Nov 2024 07:30:00 +0000</pubDate></item>
<item><title>Relative</title><link>/news/two</link><pubDate>Fri, 22 Nov 2024 23:30:00 -0300</pubDate></item>
<item><title>No link</title></item>
<item><title>Bad scheme</title><link>javascript:alert(1)</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Inspectorate</title>
<entry><title>Report</title><link href="https://example.org/reports/a"/><id>urn:x</id><updated>2024-03-14T09:00:00Z</updated></entry>
<entry><title>By id</title><id>https://example.org/reports/b</id><published>2023-01-02T00:00:00Z</published></entry>
</feed>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://example.org/a</loc><lastmod>2024-05-01T10:00:00+01:00</lastmod></url>
<url><loc> https://example.org/b </loc></url>
<url><loc>ftp://example.org/c</loc></url>
</urlset>"""

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://example.org/sitemap-2024.xml</loc><lastmod>2024-12-01</lastmod></sitemap>
</sitemapindex>"""


def test_rss_entries_with_dates_in_utc_relative_links_resolved():
    feed = read_feed(RSS, BASE + "/feed.xml")
    assert feed.title == "Courier"
    assert feed.entries == [
        FeedEntry("https://example.org/news/one", "2024-11-21", "One"),
        FeedEntry("https://example.org/news/two", "2024-11-23", "Relative"),  # 23:30 -03:00 is the 23rd in UTC
    ]


def test_atom_entries_use_link_or_an_http_id():
    feed = read_feed(ATOM, BASE + "/atom.xml")
    assert feed.entries == [
        FeedEntry("https://example.org/reports/a", "2024-03-14", "Report"),
        FeedEntry("https://example.org/reports/b", "2023-01-02", "By id"),
    ]


def test_sitemap_and_sitemap_index():
    assert read_feed(SITEMAP, BASE + "/sitemap.xml").entries == [
        FeedEntry("https://example.org/a", "2024-05-01"),
        FeedEntry("https://example.org/b"),
    ]
    index = read_feed(SITEMAP_INDEX, BASE + "/sitemap.xml")
    assert index.entries == [] and index.sitemaps == [FeedEntry("https://example.org/sitemap-2024.xml", "2024-12-01")]


def test_feed_bytes_are_never_taken_for_a_file_name(tmp_path):
    # feedparser opens a *file* when handed bytes that name one; we hand it a stream.
    secret = tmp_path / "secret.xml"
    secret.write_bytes(RSS)
    with pytest.raises(UnsupportedDocument, match="not a readable RSS or Atom feed"):
        read_feed(str(secret).encode(), BASE + "/feed.xml")


def test_sitemap_entities_are_not_expanded():
    xxe = b"""<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/&x;</loc></url></urlset>"""
    entries = read_feed(xxe, BASE + "/sitemap.xml").entries
    assert all("root:" not in e.url for e in entries)


def test_gzipped_sitemap_is_inflated_within_a_limit():
    assert gunzip(gzip.compress(SITEMAP), "s.xml.gz", 10_000) == SITEMAP
    with pytest.raises(UnsupportedDocument) as error:
        gunzip(gzip.compress(bytes(1_000_000)), "s.xml.gz", 10_000)
    assert str(error.value) == "s.xml.gz: gzip content expands past the 10,000-byte limit (a decompression bomb?)"


def test_fixture_listing_entries_and_next_page():
    tree = parse_html(listing_html(REPORTS[:3], 1, 3, "/inspectorate/reports?page=2").encode())
    url = BASE + "/inspectorate/reports"
    assert parse_listing(tree, url)[0] == ListingEntry(
        BASE + "/inspectorate/reports/cleveland-police-peel-2024",
        "PEEL 2023–25: An inspection of Cleveland Police", "Cleveland Police", "PEEL 2023–25", "2024-11-20",
    )
    assert [e.organisation for e in parse_listing(tree, url)] == ["Cleveland Police", "Durham Constabulary", "Essex Police"]
    assert next_page(tree, url) == BASE + "/inspectorate/reports?page=2"


TABLE_LISTING = """<html><body><main>
<table><thead><tr><th>Provider</th><th>Inspection type</th><th>Date published</th><th>Report</th></tr></thead>
<tbody><tr><td>Kent Police</td><td>PEEL</td><td>3 May 2024</td><td><a href="/r/kent.pdf">Read</a></td></tr>
<tr><td>Essex Police</td><td>Custody</td><td>12/06/2023</td><td><a href="/r/essex">Read</a></td></tr></tbody></table>
</main></body></html>"""

LABELLED_LISTING = """<html><body><nav><ul><li><a href="/about">About</a></li></ul></nav><main>
<div class="results">
  <div class="result"><h2><a href="/r/a">Durham report</a></h2><p>Organisation: Durham Constabulary</p>
    <p>Published: 5 September 2024</p><span class="report-type">PEEL</span></div>
  <div class="result"><h2><a href="/r/b">Dorset report</a></h2><p><strong>Force:</strong> Dorset Police</p>
    <span class="date">10 March 2022</span></div>
</div>
<ul class="pager"><li><a href="/list?page=1">1</a></li><li><a href="/list?page=2">Next ›</a></li></ul>
</main></body></html>"""


@pytest.mark.parametrize(
    ("markup", "expected", "following"),
    [
        (
            TABLE_LISTING,
            [
                ListingEntry(BASE + "/r/kent.pdf", "Read", "Kent Police", "PEEL", "2024-05-03"),
                ListingEntry(BASE + "/r/essex", "Read", "Essex Police", "Custody", "2023-06-12"),
            ],
            None,
        ),
        (
            LABELLED_LISTING,
            [
                ListingEntry(BASE + "/r/a", "Durham report", "Durham Constabulary", "PEEL", "2024-09-05"),
                ListingEntry(BASE + "/r/b", "Dorset report", "Dorset Police", None, "2022-03-10"),
            ],
            BASE + "/list?page=2",
        ),
    ],
    ids=["table", "labelled"],
)
def test_listing_shapes(markup, expected, following):
    tree = parse_html(markup.encode())
    assert parse_listing(tree, BASE + "/list") == expected
    assert next_page(tree, BASE + "/list") == following


def _page(markup: str, role: str = PAGE, url: str = BASE + "/page") -> Page:
    return Page(url, Link(url, role), markup.encode(), "text/html")


def test_inspectorate_listing_examination_links_reports_and_records_metadata():
    page = _page(listing_html(REPORTS[:3], 1, 3, "/inspectorate/reports?page=2"), url=BASE + "/inspectorate/reports")
    verdict = get_adapter("inspectorate").examine(page)
    assert not verdict.store
    assert [(l.role, l.url.rsplit("/", 1)[-1], l.published) for l in verdict.links] == [
        (REPORT, "cleveland-police-peel-2024", "2024-11-20"),
        (REPORT, "durham-constabulary-peel-2024", "2024-09-05"),
        (REPORT, "essex-police-custody-2024", "2024-06-12"),
        (LISTING, "reports?page=2", None),
    ]
    assert verdict.listings[1] == {
        "url": BASE + "/inspectorate/reports/durham-constabulary-peel-2024", "listing_url": BASE + "/inspectorate/reports",
        "report_url": None, "title": "PEEL 2023–25: An inspection of Durham Constabulary", "organisation": "Durham Constabulary",
        "programme": "PEEL 2023–25", "published": "2024-09-05", "adapter": "inspectorate",
    }


def test_inspectorate_report_page_is_stored_and_its_pdf_inherits_the_listing():
    from tests.scrape_site.content import report_html

    report = REPORTS[0]
    link = Link(BASE + report.path, REPORT, report.published, report.title, {"organisation": report.organisation, "programme": report.programme, "listing_url": BASE + "/l"})
    verdict = get_adapter("inspectorate").examine(Page(link.url, link, report_html(report).encode(), "text/html"))
    assert verdict.store and verdict.kind == "report"
    assert [(l.url, l.role, l.published) for l in verdict.links] == [(BASE + report.pdf_path, DOCUMENT, report.published)]
    assert verdict.listings[0]["report_url"] == link.url and verdict.listings[0]["organisation"] == "Cleveland Police"


def test_news_article_is_stored_and_a_section_page_is_followed():
    from tests.scrape_site.content import ARTICLES

    news = get_adapter("news")
    article = news.examine(_page(article_html(ARTICLES[0])))
    assert article.store and article.kind == "news" and article.links == []
    home = news.examine(_page(news_home_html(), url=BASE + "/news/"))
    assert not home.store
    # Article links from the content; the navigation and footer are not followed.
    assert [l.url for l in home.links] == [BASE + a.path for a in ARTICLES]


@pytest.mark.parametrize(
    ("markup", "article"),
    [
        ('<html><head><meta property="og:type" content="article"></head><body></body></html>', True),
        ('<script type="application/ld+json">{"@graph": [{"@type": ["NewsArticle"]}]}</script>', True),
        ("<article><p>a</p><p>b</p><p>c</p></article>", True),
        ("<article><p>teaser</p></article><article><p>teaser</p></article>", False),
        ('<script type="application/ld+json">not json</script><p>x</p>', False),
    ],
)
def test_is_article(markup, article):
    assert is_article(parse_html(markup.encode())) is article


def test_anchors_skip_furniture_nofollow_and_other_schemes():
    markup = b"""<html><head><base href="https://cdn.example.org/x/"></head><body>
    <header><a href="/home">Home</a></header><main><a href="a.pdf#page=2">A</a> <a href="mailto:x@y">mail</a>
    <a rel="nofollow" href="/login">Log in</a> <a href="a.pdf">again</a></main><footer><a href="/t">Terms</a></footer></body></html>"""
    assert [a.url for a in anchors(parse_html(markup), BASE + "/page")] == ["https://cdn.example.org/x/a.pdf"]


def test_adapters_are_registered_by_name():
    assert {"inspectorate", "news"} <= set(adapter_names())
    assert adapter_for("https://unknown.example/").name == "news"
    with pytest.raises(Exception, match=r"^unknown adapter 'nope' \(known: "):
        get_adapter("nope")
