"""Scraped text is data: pages whose cells hold script payloads run none of them in a real browser.

The database is served by `miner serve --immutable` on 127.0.0.1 and every
kind of page is loaded in headless Chromium. Each payload, if it ran, would
set the page title to PWNED or put data-pwned="yes" on <html>; the dumped
DOM must show neither, and must show the payloads as escaped text.
"""

import re
import urllib.parse

import pytest

from tests.chromium import dump_dom, requires_chromium
from tests.publish_data import HOSTILE_ORG, hostile_database, miner_serve

pytestmark = requires_chromium

PAGES = [
    "/",
    "/miner",
    "/miner/documents",
    "/miner/findings",
    "/miner/statistics",
    "/miner/organisations",
    "/miner/gradings",
    "/miner/failures",
    "/miner/documents/1",
    "/miner/findings/1",
    "/miner/statistics/2",
    f"/miner/organisations/{HOSTILE_ORG}",
    "/miner/findings?_search=script",
    "/miner/documents?_search=script",
    "/miner/findings?_facet=topic&_facet=section",
    "/miner/latest_grades",
    "/miner/inadequate_grades",
    "/miner/search_findings?q=script",
    "/miner/figures_for_measure?measure=script",
]


def _executed(dom: str) -> bool:
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    return 'data-pwned="yes"' in dom or (title is not None and "PWNED" in title.group(1))


def test_the_sentinel_detects_a_payload_that_runs(tmp_path):
    # The check must be able to fail: the same payloads, unescaped, are caught.
    from tests.publish_data import IMG, SCRIPT

    for payload in (SCRIPT, IMG):
        page = tmp_path / "raw.html"
        page.write_text(f"<html><head><title>t</title></head><body>{payload}</body></html>")
        assert _executed(dump_dom(page.as_uri()))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = hostile_database(tmp_path_factory.mktemp("xss") / "miner.db")
    with miner_serve(db, "--immutable") as base:
        yield base


@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs(server, path):
    dom = dump_dom(server + path)
    assert "</html>" in dom, f"{path}: Chromium returned no page"
    assert not _executed(dom), f"{path}: a payload ran"
    # No element made from a payload: in the serialised DOM, text shows as &lt;...
    assert not re.search(r"<script[^>]*>document\.", dom)
    assert not re.search(r"<(img|svg)\b[^>]*\son(error|load)=", dom)
    assert 'href="javascript:' not in dom.lower()
    if path not in ("/", "/miner", "/miner/latest_grades"):
        assert "&lt;script&gt;" in dom or "&lt;img src=x" in dom, f"{path}: payloads should show as text"


def test_no_scraped_value_reaches_raw_html_in_metadata_or_templates(tmp_path):
    # Datasette renders metadata *_html keys and `|safe` template values raw;
    # only the shipped, static metadata.yml may feed them, never the database.
    import yaml

    from miner.publish import METADATA, TEMPLATES, metadata_for

    db = hostile_database(tmp_path / "miner.db")
    served = metadata_for(str(db))
    shipped = yaml.safe_load(METADATA.read_text(encoding="utf-8"))

    def raw_fields(node, path=()):
        if isinstance(node, dict):
            for key, value in node.items():
                if str(key).endswith("_html"):
                    yield path + (key,), value
                yield from raw_fields(value, path + (key,))

    shipped_raw = {path[-1]: value for path, value in raw_fields(shipped)}
    for path, value in raw_fields(served):
        assert value == shipped_raw[path[-1]], path
        assert "PWNED" not in value and "<script" not in value
    for template in TEMPLATES.glob("**/*.html") if TEMPLATES.exists() else ():
        assert "|safe" not in template.read_text(encoding="utf-8").replace(" ", ""), template
