"""The coverage tables and canned queries, served by Datasette with miner's metadata."""

import pytest
import yaml
from datasette.app import Datasette

from miner.coverage import check_coverage
from miner.publish import METADATA, PUBLIC_SETTINGS, metadata_for
from tests.coverage_fixtures import coverage_db, figure, grade


@pytest.fixture
def served(tmp_path):
    path = str(tmp_path / "miner.db")
    db, report, article = coverage_db(path, [grade("investigating crime", "inadequate", sentence="Inspectors rated the force inadequate at investigating crime.")],
                                      [figure(26, "percent", "investigations with effective supervision", "26 per cent", "Only 26 per cent of investigations had effective supervision."),
                                       figure(987, "count", "digital devices awaiting examination", "987", "There are 987 digital devices awaiting examination.")])
    check_coverage(db)
    db.close()
    return Datasette([path], metadata=metadata_for(path), settings=PUBLIC_SETTINGS), report, article


async def _rows(ds, query):
    response = await ds.client.get(f"/miner/{query}.json?_shape=objects")
    assert response.status_code == 200, response.text
    return response.json()["rows"]


@pytest.mark.asyncio
async def test_contradicted_claims_puts_the_reports_figure_beside_the_articles(served):
    ds, report, article = served
    rows = await _rows(ds, "contradicted_claims")
    assert [(r["article_figure"], r["report_figure"]) for r in rows] == [("inadequate", "requires improvement"), ("26 per cent", "62 per cent")]
    row = rows[1]
    assert (row["article_id"], row["report_id"]) == (article, report)
    assert row["article_says"] == "Only 26 per cent of investigations had effective supervision."
    assert row["report_says"] == "We found that 62 per cent of the investigations we reviewed had effective supervision."
    assert (row["article_url"], row["report_url"]) == ("https://example.org/cleveland-article", "https://example.org/cleveland-2025-report")
    document = await ds.client.get(f"/miner/documents/{report}.json?_shape=objects")
    assert document.json()["rows"][0]["text"][row["report_start"]:row["report_end"]] == "62 per cent"


@pytest.mark.asyncio
async def test_coverage_per_report_counts_verdicts(served):
    ds, report, _ = served
    rows = await _rows(ds, "coverage_per_report")
    assert [(r["report_id"], r["articles"], r["claims"], r["supported"], r["contradicted"], r["not_found"]) for r in rows] == [(report, 1, 3, 1, 2, 0)]
    assert rows[0]["organisation"] == "Cleveland Police"


@pytest.mark.asyncio
async def test_article_claims_lists_every_verdict(served):
    ds, _, article = served
    response = await ds.client.get(f"/miner/article_claims.json?_shape=objects&article={article}")
    assert [r["verdict"] for r in response.json()["rows"]] == ["contradicted", "contradicted", "supported"]


@pytest.mark.asyncio
async def test_claim_checks_table_links_to_the_documents(served):
    ds, report, _ = served
    response = await ds.client.get("/miner/claim_checks.json?_shape=objects&_labels=on&verdict=contradicted")
    row = response.json()["rows"][0]
    assert row["report_id"] == {"value": report, "label": "cleveland-2025-report"}


def test_metadata_describes_every_coverage_column(tmp_path):
    db, _, _ = coverage_db(tmp_path / "c.db")
    tables = yaml.safe_load(METADATA.read_text())["databases"]["miner"]["tables"]
    for table in ("coverage_links", "claim_checks"):
        assert set(db[table].columns_dict) == set(tables[table]["columns"])
