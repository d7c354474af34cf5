"""A fixture website for the scraper tests, served on 127.0.0.1 by the test itself.

Import the fixtures into a test module:

    from tests.scrape_site import site, site_pages  # noqa: F401
"""

from __future__ import annotations

import copy

import pytest

from tests.scrape_site.content import ARTICLES, PUBLISHER, REPORTS, Page, build_pages, report_html
from tests.scrape_site.server import Hit, SiteServer

__all__ = ["ARTICLES", "PUBLISHER", "REPORTS", "Hit", "Page", "SiteServer", "report_html", "site", "site_pages"]


@pytest.fixture(scope="session")
def site_pages(tmp_path_factory) -> dict[str, Page]:
    """The site's pages, built once (the PDFs take a moment)."""
    return build_pages(tmp_path_factory.mktemp("scrape-site-pdfs"))


@pytest.fixture
def site(site_pages):
    """A fresh server (its own copy of the pages, an empty request log) for each test."""
    server = SiteServer(copy.deepcopy(site_pages)).start()
    yield server
    server.stop()
