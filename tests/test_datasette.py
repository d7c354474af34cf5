import pytest
import yaml
from datasette.app import Datasette

from miner.ingest import Ingester
from miner.publish import METADATA, PUBLIC_SETTINGS, metadata_for
from miner.sources import expand_sources
from miner.store import open_database
from tests.conftest import FIXTURES


@pytest.fixture
def datasette(db_path, extractor):
    db = open_database(db_path)
    with Ingester(db, extractor=extractor, isolated=False) as ingester:
        ingester.ingest_all(expand_sources([str(FIXTURES / "peel-report.html")]))
    db.close()
    return Datasette([db_path], metadata=metadata_for(db_path), settings=PUBLIC_SETTINGS)


def _db_name(ds):
    return next(iter(ds.databases.keys() - {"_internal", "_memory"}))


@pytest.mark.asyncio
async def test_grading_json_links_to_document_and_organisation(datasette):
    name = _db_name(datasette)
    response = await datasette.client.get(f"/{name}/gradings.json?_shape=objects&_labels=on&area=investigating+crime")
    assert response.status_code == 200
    rows = response.json()["rows"]
    assert len(rows) == 1
    row = rows[0]
    assert row["grade"] == "outstanding"
    assert row["organisation_id"] == {"value": "durham-constabulary", "label": "Durham Constabulary"}
    assert row["document_id"]["label"] == "PEEL 2023–25: An inspection of Durham Constabulary"
    document = await datasette.client.get(f"/{name}/documents/{row['document_id']['value']}.json?_shape=objects")
    text = document.json()["rows"][0]["text"]
    assert text[row["start"]:row["end"]] == "Investigating crime | Outstanding"


@pytest.mark.asyncio
async def test_row_page_shows_evidence_sentence(datasette):
    name = _db_name(datasette)
    response = await datasette.client.get(f"/{name}/statistics/1")
    assert response.status_code == 200
    assert "88.4 per cent of emergency calls" in response.text


@pytest.mark.asyncio
@pytest.mark.parametrize("query, params", [
    ("latest_grades", ""),
    ("inadequate_grades", ""),
    ("search_findings", "q=calls"),
    ("figures_for_measure", "measure=calls"),
])
async def test_canned_queries_run(datasette, query, params):
    name = _db_name(datasette)
    response = await datasette.client.get(f"/{name}/{query}.json?_shape=objects&{params}")
    assert response.status_code == 200, response.text
    assert "rows" in response.json()


@pytest.mark.asyncio
async def test_latest_grades_lists_the_table(datasette):
    name = _db_name(datasette)
    response = await datasette.client.get(f"/{name}/latest_grades.json?_shape=objects")
    rows = {(r["organisation"], r["area"], r["grade"]) for r in response.json()["rows"]}
    assert ("Durham Constabulary", "investigating crime", "outstanding") in rows


def test_metadata_describes_every_column(db_path):
    db = open_database(db_path)
    metadata = yaml.safe_load(METADATA.read_text())
    tables = metadata["databases"]["miner"]["tables"]
    for table in ("documents", "organisations", "gradings", "findings", "statistics", "failures"):
        described = set(tables[table]["columns"])
        actual = set(db[table].columns_dict)
        assert actual - described == set(), (table, actual - described)
