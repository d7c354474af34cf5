"""End to end: a tiny report and a tiny article, ingested from HTML, then checked."""

import json

from click.testing import CliRunner

from miner.cli import cli
from miner.ingest import Ingester
from miner.sources import expand_sources
from miner.store import open_database
from tests.conftest import FIXTURES

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Durham Constabulary rated outstanding for investigating crime | Wear Valley Echo</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Wear Valley Echo">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Durham Constabulary rated outstanding for investigating crime","datePublished":"2024-05-17T07:00:00+01:00","publisher":{"@type":"Organization","name":"Wear Valley Echo"}}</script>
</head><body><article>
<h1>Durham Constabulary rated outstanding for investigating crime</h1>
<p>Durham Constabulary has been rated outstanding for investigating crime by the police inspectorate.</p>
<p>But the force was rated inadequate at responding to the public, the report said.</p>
<p>The force answered 84 per cent of emergency calls within ten seconds in 2023, inspectors found.</p>
</article></body></html>
"""


def test_ingested_article_is_linked_and_its_misreports_flagged(tmp_path, extractor):
    (tmp_path / "article.html").write_text(ARTICLE, encoding="utf-8")
    path = str(tmp_path / "miner.db")
    db = open_database(path)
    with Ingester(db, extractor=extractor, isolated=False) as ingester:
        ingester.ingest_all(expand_sources([str(FIXTURES / "peel-report.html"), str(tmp_path / "article.html")]))
    db.close()
    result = CliRunner().invoke(cli, ["check-coverage", path, "-s", "--json"])
    assert result.exit_code == 0, result.output
    checks = [(c["claim"], c["verdict"], c["report_value"]) for c in json.loads(result.output)["checks"]]
    assert checks == [
        ("investigating crime: outstanding", "supported", "outstanding"),
        ("responding to the public: inadequate", "contradicted", "adequate"),
        ("84 per cent (emergency calls answered within ten seconds)", "contradicted", "88.4 per cent"),
    ]
