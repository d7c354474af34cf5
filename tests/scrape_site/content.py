"""The fixture website's pages: an inspectorate, a news site, and robots.txt.

Written as code so a test can change a page and watch the crawler notice.
The inspectorate lists reports newest first, three to a page, each with the
organisation, programme and publication date a real listing shows; report
pages link to their PDFs. The news site has articles wrapped in the usual
furniture (cookie banner, navigation, related links, footer), an RSS feed
and a sitemap. One report and one article sit under paths robots.txt forbids.
"""

from __future__ import annotations

import datetime
import email.utils
import html
import pathlib
import tempfile
from dataclasses import dataclass

from tests.conftest import make_pdf

PER_PAGE = 3

ROBOTS_TXT = """\
# The fixture site's robots.txt
User-agent: otherbot
Disallow: /

User-agent: *
Disallow: /inspectorate/private/
Disallow: /news/drafts/
Allow: /hostile/
"""


@dataclass
class Page:
    body: bytes
    content_type: str
    modified: datetime.datetime = datetime.datetime(2024, 12, 1, 9, 0, tzinfo=datetime.timezone.utc)

    @property
    def last_modified(self) -> str:
        return email.utils.format_datetime(self.modified, usegmt=True)


@dataclass(frozen=True)
class Report:
    slug: str
    organisation: str
    programme: str
    published: str  # ISO date
    grade: str
    area: str
    pdf: bool = True
    private: bool = False

    @property
    def path(self) -> str:
        folder = "private" if self.private else "reports"
        return f"/inspectorate/{folder}/{self.slug}"

    @property
    def pdf_path(self) -> str:
        return f"/inspectorate/files/{self.slug}.pdf"

    @property
    def title(self) -> str:
        return f"{self.programme}: An inspection of {self.organisation}"


REPORTS = [
    Report("cleveland-police-peel-2024", "Cleveland Police", "PEEL 2023–25", "2024-11-20", "adequate", "investigating crime"),
    Report("durham-constabulary-peel-2024", "Durham Constabulary", "PEEL 2023–25", "2024-09-05", "good", "responding to the public"),
    Report("essex-police-custody-2024", "Essex Police", "Custody suite inspection", "2024-06-12", "requires improvement", "custody", private=True),
    Report("merseyside-police-peel-2023", "Merseyside Police", "PEEL 2021/22", "2023-10-02", "good", "preventing crime", pdf=False),
    Report("norfolk-constabulary-custody-2023", "Norfolk Constabulary", "Custody suite inspection", "2023-05-17", "inadequate", "custody", pdf=False),
    Report("lancashire-constabulary-peel-2022", "Lancashire Constabulary", "PEEL 2021/22", "2022-12-01", "requires improvement", "investigating crime"),
    Report("dorset-police-peel-2022", "Dorset Police", "PEEL 2021/22", "2022-03-10", "outstanding", "protecting vulnerable people", pdf=False),
]


@dataclass(frozen=True)
class Article:
    path: str
    headline: str
    byline: str
    published: str  # ISO date-time
    paragraphs: tuple[str, ...]
    draft: bool = False


ARTICLES = [
    Article(
        "/news/2024/11/21/cleveland-police-investigations",
        "Cleveland Police still 'adequate' at investigating crime, watchdog says",
        "Priya Raman",
        "2024-11-21T07:30:00+00:00",
        (
            "Cleveland Police has been graded adequate at investigating crime by His Majesty's Inspectorate of Constabulary and Fire & Rescue Services.",
            "Inspectors said the force had cut the number of open investigations by 12% since 2022 but that victims were still not always kept informed.",
            "The chief constable said the force welcomed the report and would act on its recommendations.",
        ),
    ),
    Article(
        "/news/2024/09/06/durham-answers-calls-faster",
        "Durham Constabulary praised for answering emergency calls faster",
        "Tom Fairley",
        "2024-09-06T12:00:00+00:00",
        (
            "Durham Constabulary was graded good at responding to the public in its latest PEEL inspection.",
            "The report found that 91% of emergency calls were answered within ten seconds, up from 84% in 2022.",
        ),
    ),
    Article(
        "/news/2023/10/03/merseyside-prevention",
        "Merseyside Police good at preventing crime, inspectors find",
        "Ellen Hughes",
        "2023-10-03T09:15:00+00:00",
        (
            "Merseyside Police is good at preventing crime and anti-social behaviour, inspectors have said.",
            "The inspectorate highlighted neighbourhood policing teams working with schools in Knowsley.",
        ),
    ),
    Article(
        "/news/drafts/embargoed-essex-custody",
        "Embargoed: Essex custody report",
        "Desk",
        "2024-06-12T00:01:00+00:00",
        ("This story is under embargo and must not be crawled.",),
        draft=True,
    ),
]

PUBLISHER = "The Tees Courier"


def build_pages(pdf_dir: pathlib.Path | None = None) -> dict[str, Page]:
    """Every page of the fixture site, by path (query string included)."""
    pages: dict[str, Page] = {"/robots.txt": Page(ROBOTS_TXT.encode(), "text/plain")}
    pages.update(inspectorate_pages(pdf_dir))
    pages.update(news_pages())
    return pages


def inspectorate_pages(pdf_dir: pathlib.Path | None = None) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    chunks = [REPORTS[i : i + PER_PAGE] for i in range(0, len(REPORTS), PER_PAGE)]
    for number, chunk in enumerate(chunks, start=1):
        path = "/inspectorate/reports" if number == 1 else f"/inspectorate/reports?page={number}"
        next_path = f"/inspectorate/reports?page={number + 1}" if number < len(chunks) else None
        pages[path] = Page(listing_html(chunk, number, len(chunks), next_path).encode(), "text/html; charset=utf-8")
    pdf_dir = pdf_dir or pathlib.Path(tempfile.mkdtemp(prefix="scrape-site-"))
    for report in REPORTS:
        pages[report.path] = Page(report_html(report).encode(), "text/html; charset=utf-8")
        if report.pdf:
            pdf = make_pdf(pdf_dir / f"{report.slug}.pdf", report_pdf_pages(report), header=_latin(report.title), title=report.title)
            pages[report.pdf_path] = Page(pdf.read_bytes(), "application/pdf")
    return pages


def listing_html(reports: list[Report], number: int, total: int, next_path: str | None) -> str:
    items = "\n".join(
        f"""  <li class="search-result">
    <h3><a href="{html.escape(r.path)}">{html.escape(r.title)}</a></h3>
    <dl class="metadata">
      <dt>Organisation</dt><dd>{html.escape(r.organisation)}</dd>
      <dt>Programme</dt><dd>{html.escape(r.programme)}</dd>
      <dt>Published</dt><dd><time datetime="{r.published}">{_long_date(r.published)}</time></dd>
    </dl>
  </li>"""
        for r in reports
    )
    next_link = f'<a rel="next" href="{html.escape(next_path)}">Next page</a>' if next_path else ""
    previous = "/inspectorate/reports" if number == 2 else f"/inspectorate/reports?page={number - 1}"
    previous_link = f'<a rel="prev" href="{previous}">Previous page</a>' if number > 1 else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Inspection reports (page {number} of {total}) - HM Inspectorate</title></head>
<body>
<header class="site-header"><a href="/inspectorate/">HM Inspectorate</a>
<nav><a href="/inspectorate/about">About us</a> <a href="/inspectorate/reports">Reports</a> <a href="/news/">News</a></nav></header>
<main>
<h1>Inspection reports</h1>
<p>Showing page {number} of {total}, newest first.</p>
<ol class="search-results">
{items}
</ol>
<nav class="pagination">{previous_link} {next_link}</nav>
</main>
<footer><a href="/inspectorate/privacy">Privacy</a> <a href="/inspectorate/contact">Contact</a></footer>
</body></html>
"""


def report_html(report: Report, extra: str = "") -> str:
    pdf_link = f'<p><a href="{report.pdf_path}" class="download">Download the full report (PDF)</a></p>' if report.pdf else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(report.title)}</title>
<meta name="dcterms.issued" content="{report.published}"></head>
<body>
<header class="site-header"><a href="/inspectorate/">HM Inspectorate</a></header>
<main>
<h1>{html.escape(report.title)}</h1>
<p>Published {_long_date(report.published)}</p>
<h2>Summary</h2>
<p>We inspected how well {html.escape(report.organisation)} keeps people safe and reduces crime. {html.escape(report.organisation)} was graded as {report.grade} at {report.area}.</p>
<p>Inspectors examined case files, interviewed officers and staff and observed the force at work over six weeks.{html.escape(extra)}</p>
{pdf_link}
<h2>Related</h2>
<p><a href="/inspectorate/reports">All reports</a></p>
</main>
<footer><a href="/inspectorate/privacy">Privacy</a></footer>
</body></html>
"""


def report_pdf_pages(report: Report) -> list[list[str]]:
    return [
        ["Summary", f"{report.organisation} was graded as {report.grade} at {report.area}.",
         "Inspectors found that supervisors did not always review investigations in good time."],
        ["Recommendations", f"By the end of next year, {report.organisation} should make sure that every victim is told when their case is closed."],
    ]


def news_pages() -> dict[str, Page]:
    pages: dict[str, Page] = {"/news/": Page(news_home_html().encode(), "text/html; charset=utf-8")}
    for article in ARTICLES:
        pages[article.path] = Page(article_html(article).encode(), "text/html; charset=utf-8")
    pages["/news/feed.xml"] = Page(rss_xml().encode(), "application/rss+xml")
    pages["/news/sitemap.xml"] = Page(sitemap_xml().encode(), "application/xml")
    pages["/news/sitemap-index.xml"] = Page(sitemap_index_xml().encode(), "application/xml")
    return pages


def news_home_html() -> str:
    items = "\n".join(
        f'<article class="promo"><h2><a href="{a.path}">{html.escape(a.headline)}</a></h2><p>By {a.byline}</p></article>' for a in ARTICLES
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>News - {PUBLISHER}</title>
<meta property="og:site_name" content="{PUBLISHER}"></head>
<body>
<header><nav><a href="/news/">Home</a> <a href="/news/sport">Sport</a> <a href="/news/weather">Weather</a></nav></header>
<main><h1>Latest news</h1>
{items}
</main>
<footer><a href="/news/about">About us</a> <a href="/news/terms">Terms</a></footer>
</body></html>
"""


def article_html(article: Article) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{html.escape(article.headline)} | {PUBLISHER}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{html.escape(article.headline)}">
<meta property="og:site_name" content="{PUBLISHER}">
<meta property="article:published_time" content="{article.published}">
<meta name="author" content="{html.escape(article.byline)}">
</head>
<body>
<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience. Accept all cookies?</p><button>Accept</button></div>
<header role="banner"><a href="/news/">{PUBLISHER}</a>
<nav><a href="/news/">Home</a> <a href="/news/sport">Sport</a> <a href="/news/weather">Weather</a></nav></header>
<main>
<article>
<h1>{html.escape(article.headline)}</h1>
<p class="byline">By <span class="author">{html.escape(article.byline)}</span>, <time datetime="{article.published}">{_long_date(article.published[:10])}</time></p>
{body}
</article>
<aside class="related"><h2>Most read</h2><ul><li><a href="/news/sport/derby-day">Derby day drama at the Riverside</a></li>
<li><a href="/news/weather/snow">Snow expected across the region</a></li></ul></aside>
</main>
<footer><p>&copy; 2024 {PUBLISHER}. All rights reserved.</p><a href="/news/terms">Terms</a></footer>
</body></html>
"""


def rss_xml() -> str:
    items = "\n".join(
        f"""<item><title>{html.escape(a.headline)}</title><link>{{origin}}{a.path}</link>
<pubDate>{email.utils.format_datetime(datetime.datetime.fromisoformat(a.published), usegmt=True)}</pubDate>
<author>{html.escape(a.byline)}</author></item>"""
        for a in ARTICLES
        if not a.draft
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{PUBLISHER}: latest news</title><link>/news/</link>
<description>News from the Tees valley</description>
{items}
</channel></rss>
"""


def sitemap_xml() -> str:
    urls = "\n".join(f"<url><loc>{{origin}}{a.path}</loc><lastmod>{a.published[:10]}</lastmod></url>" for a in ARTICLES)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{urls}
</urlset>
"""


def sitemap_index_xml() -> str:
    return """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{origin}/news/sitemap.xml</loc><lastmod>2024-11-21</lastmod></sitemap>
</sitemapindex>
"""


def _long_date(iso: str) -> str:
    day = datetime.date.fromisoformat(iso[:10])
    return f"{day.day} {day:%B %Y}"


def _latin(text: str) -> str:
    """fpdf2's core fonts are Latin-1: an en dash becomes a hyphen."""
    return text.replace("–", "-")
