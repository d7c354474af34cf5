"""robots.txt rules (RFC 9309): which group applies, longest match, wildcards."""

import pytest

from miner.sources.robots import RobotsRules, origin_of, product_token

ROBOTS = """\
User-agent: *
Disallow: /private/
Allow: /private/annual-report
Disallow: /*.xls$
Disallow: /search?q=

User-agent: miner
User-agent: otherbot
Disallow: /drafts/
Crawl-delay: 2.5

user-agent: MINER
disallow: /embargoed   # groups naming the same agent are merged

Sitemap: https://example.org/sitemap.xml
"""


@pytest.mark.parametrize(
    ("token", "path", "allowed"),
    [
        # The `*` group, for a crawler the file does not name.
        ("somebot", "/reports/cleveland", True),
        ("somebot", "/private/notes", False),
        ("somebot", "/private/annual-report-2024", True),  # the longer Allow wins
        ("somebot", "/data/figures.xls", False),
        ("somebot", "/data/figures.xlsx", True),  # `$` anchors the end
        ("somebot", "/search?q=police", False),
        ("somebot", "/robots.txt", True),  # always allowed
        # Our own group replaces `*` entirely, and duplicate groups merge.
        ("miner", "/private/notes", True),
        ("miner", "/drafts/story", False),
        ("miner", "/embargoed-report", False),
        ("MINER", "/drafts/story", False),  # tokens match case-insensitively
    ],
)
def test_which_paths_are_allowed(token, path, allowed):
    rules = RobotsRules.parse(ROBOTS, token)
    assert rules.allowed("https://example.org" + path) is allowed


def test_crawl_delay_and_sitemaps_are_read():
    rules = RobotsRules.parse(ROBOTS, "miner")
    assert rules.crawl_delay == 2.5
    assert rules.sitemaps == ["https://example.org/sitemap.xml"]
    assert RobotsRules.parse(ROBOTS, "somebot").crawl_delay is None


def test_a_huge_crawl_delay_is_capped():
    assert RobotsRules.parse("User-agent: *\nCrawl-delay: 86400\n", "miner").crawl_delay == 60.0


@pytest.mark.parametrize(
    ("text", "path", "allowed"),
    [
        ("", "/anything", True),
        ("User-agent: *\nDisallow:\n", "/anything", True),  # empty Disallow allows all
        ("User-agent: *\nDisallow: /\n", "/anything", False),
        ("User-agent: *\nDisallow: /\nAllow: /$\n", "/", True),
        ("User-agent: *\nDisallow: /a\nAllow: /a\n", "/a/b", True),  # equal length: Allow wins
        ("User-agent: *\nDisallow: /caf%C3%A9\n", "/café/menu", False),  # percent-encoding compared decoded
        ("garbage without colons\n\x00\x01", "/x", True),
    ],
)
def test_edge_cases(text, path, allowed):
    assert RobotsRules.parse(text, "miner").allowed("https://example.org" + path) is allowed


def test_unreachable_robots_txt_disallows_everything():
    rules = RobotsRules(problem="robots.txt unreachable: HTTP 503 Service Unavailable")
    assert not rules.allowed("https://example.org/")


@pytest.mark.parametrize(
    ("user_agent", "token"),
    [
        ("miner/0.1.0 (+https://github.com/miner-project/miner)", "miner"),
        ("Watchdog-Bot/2.0 (contact: data@example.org)", "watchdog-bot"),
        ("", "*"),
    ],
)
def test_product_token(user_agent, token):
    assert product_token(user_agent) == token


def test_origin_ignores_credentials_and_case():
    assert origin_of("HTTPS://user:pw@Example.ORG:8443/a?b") == "https://example.org:8443"
