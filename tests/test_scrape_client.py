"""The polite client against the fixture server: robots.txt, politeness, hostile responses.

Every failure's message is asserted exactly: it is what a user reads in the
`fetches` table and on the terminal.
"""

import re

import pytest

from miner.errors import FetchError
from miner.sources.polite import PoliteClient, Validators, retry_after
from miner.sources.robots import RobotsDisallowed
from tests.scrape_site import Page, site, site_pages  # noqa: F401 (pytest fixtures)

DELAY = 0.05
SLACK = 0.01  # server-side gaps may look this much shorter than the client's pause


@pytest.fixture
def client():
    with PoliteClient(delay=DELAY, timeout=5.0, backoff=0.05) as polite:
        yield polite


def fetch_error(client, url, **kwargs) -> str:
    with pytest.raises(FetchError) as error:
        client.get(url, **kwargs)
    return str(error.value)


# -- robots.txt ---------------------------------------------------------------


def test_disallowed_path_is_never_requested(site, client):
    url = site.url("/inspectorate/private/essex-police-custody-2024")
    with pytest.raises(RobotsDisallowed) as error:
        client.get(url)
    assert str(error.value) == f"{url}: disallowed by robots.txt"
    client.get(site.url("/inspectorate/reports"))
    assert [h.path for h in site.hits] == ["/robots.txt", "/inspectorate/reports"]  # robots.txt read once


def test_robots_group_for_our_token_applies(site):
    with PoliteClient(user_agent="otherbot/1.0 (+https://example.org/bot)", delay=DELAY) as other:
        url = site.url("/inspectorate/reports")
        assert fetch_error(other, url) == f"{url}: disallowed by robots.txt"
    assert site.hits[0].headers["user-agent"] == "otherbot/1.0 (+https://example.org/bot)"


def test_unreachable_robots_txt_means_no_crawling(site, client):
    site.statuses["/robots.txt"] = 503
    url = site.url("/inspectorate/reports")
    assert fetch_error(client, url) == f"{url}: not fetched, robots.txt unreachable: HTTP 503 Service Unavailable (after 3 attempts)"
    assert [h.path for h in site.hits] == ["/robots.txt"] * 3  # retried like any 503, then given up


def test_missing_robots_txt_allows_everything(site, client):
    site.statuses["/robots.txt"] = 404
    assert client.get(site.url("/inspectorate/private/essex-police-custody-2024")).status == 200


# -- politeness ---------------------------------------------------------------


def test_per_host_delay_and_one_connection_at_a_time(site, client):
    paths = ["/inspectorate/reports", "/news/", "/news/feed.xml", "/news/sitemap.xml"]
    for path in paths:
        client.get(site.url(path))
        client.get(site.other_origin + path)  # another host: its own robots.txt and its own pause
    for host in (f"127.0.0.1:{site.port}", f"localhost:{site.port}"):
        hits = sorted((h for h in site.hits if h.host == host), key=lambda h: h.start)
        assert [h.path for h in hits] == ["/robots.txt", *paths]
        for before, after in zip(hits, hits[1:]):
            assert after.start >= before.end  # never two requests at once
            assert after.start - before.end >= DELAY - SLACK


def test_user_agent_is_sent(site, client):
    client.get(site.url("/news/"))
    assert {h.headers["user-agent"] for h in site.hits} == {client.user_agent}
    assert client.user_agent.startswith("miner/")


def test_conditional_get_returns_not_modified(site, client):
    url = site.url("/news/feed.xml")
    first = client.get(url)
    again = client.get(url, validators=first.validators)
    assert again.not_modified and again.data == b""
    assert site.hits[-1].headers["if-none-match"] == first.validators.etag
    assert site.hits[-1].headers["if-modified-since"] == "Sun, 01 Dec 2024 09:00:00 GMT"


def test_what_arrived_is_sniffed_not_what_was_claimed(site, client):
    response = client.get(site.url("/hostile/not-a-pdf.pdf"))
    assert response.content_type == "application/pdf"
    assert response.media_type == "text/html"


# -- retries ------------------------------------------------------------------


def test_retry_after_is_honoured(site, client):
    response = client.get(site.url("/hostile/busy"))
    assert response.status == 200 and response.attempts == 2
    first, second = site.requested("/hostile/busy")
    assert first.status == 429
    assert second.start - first.end >= 1.0 - SLACK


def test_server_errors_are_retried_with_backoff_then_reported(site, client):
    url = site.url("/hostile/error")
    assert fetch_error(client, url) == f"{url}: HTTP 500 Internal Server Error (after 3 attempts)"
    hits = site.requested("/hostile/error")
    assert len(hits) == 3
    assert hits[1].start - hits[0].end >= 0.05 - SLACK  # backoff 0.05 s, then 0.1 s
    assert hits[2].start - hits[1].end >= 0.10 - SLACK


def test_a_passing_503_is_retried(site, client):
    assert client.get(site.url("/hostile/unavailable")).attempts == 2


def test_a_long_retry_after_fails_fast_and_pauses_the_host(site, client):
    url = site.url("/hostile/slow-down")
    assert fetch_error(client, url) == f"{url}: HTTP 429 Too Many Requests (Retry-After 3600 s is past the 5 s deadline)"
    other = site.url("/news/")
    message = fetch_error(client, other)
    assert re.fullmatch(rf"{re.escape(other)}: not fetched, {re.escape(site.origin)} asked for a pause until \d\d:\d\d:\d\d UTC \(Retry-After\)", message)
    assert not site.requested("/news/")


@pytest.mark.parametrize(("value", "seconds"), [("120", 120.0), (None, None), ("soon", None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_retry_after_values(value, seconds):
    assert retry_after(value) == seconds


# -- hostile responses ---------------------------------------------------------


@pytest.mark.parametrize("path", ["/hostile/trickle", "/hostile/trickle-headers"])
def test_a_trickling_server_hits_the_total_deadline(site, path):
    # One byte every 0.1 s never trips a 30 s read timeout; the 1 s total deadline stops it.
    url = site.url(path)
    with PoliteClient(delay=DELAY, timeout=1.0) as client:
        assert fetch_error(client, url) == f"{url}: took longer than the 1 s deadline"
        # The connection was cut, not left hanging: the next fetch works.
        assert client.get(site.url("/news/")).status == 200


def test_huge_content_length_is_refused_before_reading(site, client):
    url = site.url("/hostile/huge-length")
    assert fetch_error(client, url) == f"{url}: too large (Content-Length 10,737,418,240 bytes, limit 104,857,600)"


def test_an_endless_body_is_cut_at_the_size_cap(site):
    url = site.url("/hostile/endless")
    with PoliteClient(delay=DELAY, max_bytes=1024 * 1024) as client:
        assert fetch_error(client, url) == f"{url}: too large (over 1,048,576 bytes)"


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
def test_decompression_bombs_are_stopped_not_inflated(site, client, encoding):
    url = site.url(f"/hostile/bomb.{encoding}")
    assert fetch_error(client, url) == f"{url}: {encoding} content expands more than 100-fold (a decompression bomb?)"


def test_decompressed_size_has_its_own_cap(site):
    url = site.url("/hostile/bomb.gzip")
    with PoliteClient(delay=DELAY, max_decoded_bytes=512 * 1024) as client:
        assert fetch_error(client, url) == f"{url}: gzip content expands past the 524,288-byte limit (a decompression bomb?)"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/hostile/loop-a", "redirect loop ({origin}/hostile/loop-b -> {origin}/hostile/loop-a)"),
        ("/hostile/hops/0", "more than 5 redirects"),
        ("/hostile/to-file", "redirected to a non-http(s) URL (file:///etc/passwd)"),
        ("/hostile/missing", "HTTP 404 Not Found"),
    ],
)
def test_bad_redirects_and_statuses(site, client, path, reason):
    url = site.url(path)
    assert fetch_error(client, url) == f"{url}: " + reason.format(origin=site.origin)


def test_redirect_hops_are_counted(site, client):
    fetch_error(client, site.url("/hostile/hops/0"))
    assert [h.path for h in site.requested("/hostile/hops/")] == [f"/hostile/hops/{n}" for n in range(6)]


def test_credentials_are_not_carried_to_another_host(site, client):
    secret = {"Authorization": "Bearer s3cret", "Cookie": "session=abc"}
    response = client.get(site.url("/hostile/to-other-host"), headers=secret)
    assert response.final_url == f"{site.other_origin}/hostile/echo"
    assert response.redirects == [site.url("/hostile/to-other-host")]
    first, = site.requested("/hostile/to-other-host")
    last, = site.requested("/hostile/echo")
    assert first.headers["authorization"] == "Bearer s3cret" and first.headers["cookie"] == "session=abc"
    assert "authorization" not in last.headers and "cookie" not in last.headers
    assert last.host == f"localhost:{site.port}"
    # The other host's robots.txt was asked before the redirect was followed.
    assert [h.host for h in site.requested("/robots.txt")] == [f"127.0.0.1:{site.port}", f"localhost:{site.port}"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/report.pdf", "ftp://example.org/report.pdf: only http and https URLs can be fetched"),
        ("file:///etc/passwd", "file:///etc/passwd: only http and https URLs can be fetched"),
    ],
)
def test_only_http(client, url, message):
    assert fetch_error(client, url) == message


def test_nothing_listening(client):
    import socket

    with socket.socket() as probe:  # a free port, closed again: connections are refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    message = fetch_error(client, url)
    assert message == f"{url}: not fetched, robots.txt unreachable: cannot connect (connection refused) (after 3 attempts)"


def test_ingest_fetch_uses_the_polite_client(site):
    from miner.sources import Source

    raw = Source(site.url("/news/feed.xml")).read()
    assert raw.content_type == "application/rss+xml" and raw.data.startswith(b"<?xml")
    assert [h.path for h in site.hits] == ["/robots.txt", "/news/feed.xml"]


def test_validators_make_conditional_headers():
    assert Validators('"abc"', "Sun, 01 Dec 2024 09:00:00 GMT").headers() == {
        "If-None-Match": '"abc"', "If-Modified-Since": "Sun, 01 Dec 2024 09:00:00 GMT",
    }
    assert not Validators()


def test_a_larger_crawl_delay_in_robots_txt_wins(site):
    site.pages["/robots.txt"] = Page(b"User-agent: miner\nCrawl-delay: 0.3\n", "text/plain")
    with PoliteClient(delay=DELAY) as client:
        for path in ("/news/", "/news/feed.xml", "/news/sitemap.xml"):
            client.get(site.url(path))
    hits = site.hits
    assert [h.path for h in hits] == ["/robots.txt", "/news/", "/news/feed.xml", "/news/sitemap.xml"]
    for before, after in zip(hits[1:], hits[2:]):
        assert after.start - before.end >= 0.3 - SLACK
