"""The watch canned queries, views, chart routes and CLI, on the exact fixture."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from miner.cli import cli
from miner.publish import PLUGINS, PUBLIC_SETTINGS, metadata_for, serve_arguments
from miner.watch.store import rebuild
from tests import watch_fixture
from tests.chromium import requires_chromium, screenshot


@pytest.fixture
def built(db_path):
    db = watch_fixture.build(db_path)
    rebuild(db)
    db.close()
    return db_path


@pytest.fixture
def datasette(built):
    return Datasette([built], metadata=metadata_for(built), settings=PUBLIC_SETTINGS, plugins_dir=str(PLUGINS))


async def _rows(ds, path):
    response = await ds.client.get(path)
    assert response.status_code == 200, response.text
    return response.json()["rows"]


@pytest.mark.asyncio
async def test_recurring_concerns_query(datasette):
    rows = await _rows(datasette, "/miner/recurring_concerns.json?_shape=objects&organisation=")
    assert [(r["earlier_finding_id"], r["later_finding_id"]) for r in rows] == [(1, 4), (4, 6)]
    assert rows[0]["organisation"] == "Birmingham City Council"
    assert rows[0]["earlier_evidence"] == "Ensure that return home interviews are offered to all children who go missing."
    assert rows[0]["later_source"] == "https://reports.example/birmingham-2019.pdf"
    assert await _rows(datasette, "/miner/recurring_concerns.json?_shape=objects&organisation=Birmingham") == rows
    assert await _rows(datasette, "/miner/recurring_concerns.json?_shape=objects&organisation=Leeds") == []


@pytest.mark.asyncio
async def test_recurring_concerns_page_links_ids_to_rows(datasette):
    response = await datasette.client.get("/miner/recurring_concerns?organisation=")
    assert response.status_code == 200
    assert '<a href="/miner/findings/4">4</a>' in response.text
    assert '<a href="/miner/documents/2">2</a>' in response.text


@pytest.mark.asyncio
async def test_concern_status_summary_query(datasette):
    rows = await _rows(datasette, "/miner/concern_status_summary.json?_shape=objects")
    assert [(r["organisation"], r["recurring"], r["possibly_resolved"], r["open"], r["concerns"]) for r in rows] == [
        ("Birmingham City Council", 2, 2, 1, 5)
    ]


@pytest.mark.asyncio
async def test_rising_falling_themes_query(datasette):
    rows = await _rows(datasette, "/miner/rising_falling_themes.json?_shape=objects")
    # One theme: 2016 and 2019 before the latest three years (2021-2023), 2023 within.
    assert [(r["findings_before"], r["findings_recent"], r["share_before_pct"], r["share_recent_pct"], r["trend"]) for r in rows] == [
        (2, 1, 100.0, 100.0, "steady")
    ]
    assert rows[0]["label"].startswith("vulnerability: ")


@pytest.mark.asyncio
async def test_grade_history_query(datasette):
    rows = await _rows(datasette, "/miner/grade_history_for_organisation.json?_shape=objects&organisation=birmingham-city-council")
    assert [(r["area"], r["round"], r["grade"]) for r in rows] == [
        ("children in care", 1, "good"),
        ("children in care", 2, "requires improvement to be good"),
        ("overall effectiveness", 1, "inadequate"),
        ("overall effectiveness", 2, "requires improvement to be good"),
        ("overall effectiveness", 3, "good"),
    ]
    assert rows[0]["sentence"] == "children in care | good" and rows[0]["source"] == "https://reports.example/birmingham-2019.pdf"


@pytest.mark.asyncio
async def test_improved_or_declined_query(datasette):
    rows = await _rows(datasette, "/miner/improved_or_declined.json?_shape=objects&change=")
    assert sorted((r["area"], r["previous_grade"], r["grade"], r["change"]) for r in rows) == [
        ("children in care", "good", "requires improvement to be good", "declined"),
        ("overall effectiveness", "inadequate", "requires improvement to be good", "improved"),
        ("overall effectiveness", "requires improvement to be good", "good", "improved"),
    ]
    declined = await _rows(datasette, "/miner/improved_or_declined.json?_shape=objects&change=declined")
    assert [r["grading_id"] for r in declined] == [5]


@pytest.mark.asyncio
async def test_chart_routes_serve_svg(datasette):
    grades = await datasette.client.get("/-/miner/charts/grades?organisation=birmingham-city-council")
    assert grades.status_code == 200
    assert grades.headers["content-type"].startswith("image/svg+xml")
    assert "Grade history: Birmingham City Council" in grades.text
    assert grades.text.count("<circle") == 5
    themes = await datasette.client.get("/-/miner/charts/themes")
    assert themes.status_code == 200 and themes.text.count("<circle") == 3
    missing = await datasette.client.get("/-/miner/charts/grades")
    assert missing.status_code == 400
    assert missing.text == "organisation: required (an organisations.id), and database if several are served"
    page = await datasette.client.get("/-/miner/charts?organisation=birmingham-city-council")
    assert page.status_code == 200 and "/-/miner/charts/grades?database=miner&amp;organisation=birmingham-city-council" in page.text


def test_serve_arguments_load_the_plugins(built, tmp_path):
    args = serve_arguments(built, host="127.0.0.1", port=8001, metadata=tmp_path / "m.json")
    assert args[args.index("--plugins-dir") + 1] == str(PLUGINS)


def test_metadata_describes_every_watch_column(built):
    import yaml

    from miner.publish import METADATA
    from miner.store import open_database

    db = open_database(built)
    tables = yaml.safe_load(METADATA.read_text())["databases"]["miner"]["tables"]
    for name in ("themes", "finding_themes", "recurrences", "concern_status", "grade_ranks", "watch_runs", "theme_trend", "grade_history", "grade_changes"):
        assert set(db[name].columns_dict) - set(tables[name]["columns"]) == set(), name


# --- CLI -------------------------------------------------------------------


def test_cli_themes_prints_table_and_json(built):
    result = CliRunner().invoke(cli, ["themes", built])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "findings", "orgs", "years", "label"]
    assert lines[1].split()[:4] == ["1", "3", "1", "2016-2023"]
    result = CliRunner().invoke(cli, ["themes", built, "--json"])
    data = json.loads(result.stdout)
    assert data["summary"]["recurrences"] == 2 and data["summary"]["themes"] == 1
    assert data["themes"][0]["n_findings"] == 3


def test_cli_recurring(built):
    result = CliRunner().invoke(cli, ["recurring", built, "--organisation", "Birmingham City Council"])
    assert result.exit_code == 0, result.output
    assert "Birmingham City Council" in result.stdout
    assert "2016 -> 2019" in result.stdout and "2019 -> 2023" in result.stdout
    assert "then: Ensure that return home interviews are offered to all children who go missing." in result.stdout
    rows = json.loads(CliRunner().invoke(cli, ["recurring", built, "--json"]).stdout)
    assert [(r["earlier_finding_id"], r["later_finding_id"]) for r in rows] == [(1, 4), (4, 6)]


def test_cli_recurring_errors(db_path, built, tmp_path):
    result = CliRunner().invoke(cli, ["recurring", built, "--organisation", "Atlantis Council"])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: Atlantis Council: no such organisation in {built}"
    fresh = str(tmp_path / "fresh.db")
    watch_fixture.build(fresh).close()
    result = CliRunner().invoke(cli, ["recurring", fresh])
    assert result.output.strip() == f"Error: {fresh}: no recurrences computed yet; run `miner themes {fresh}` first"
    missing = str(tmp_path / "missing.db")
    result = CliRunner().invoke(cli, ["themes", missing])
    assert result.exit_code == 1 and result.output.strip() == f"Error: {missing}: no such database"


# --- Browser ----------------------------------------------------------------


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@requires_chromium
def test_charts_screenshot(built, tmp_path):
    from PIL import Image, ImageStat

    from miner.publish import write_metadata_for

    port = _free_port()
    metadata = write_metadata_for(built, tmp_path / "metadata.json")
    args = serve_arguments(built, host="127.0.0.1", port=port, metadata=metadata)
    server = subprocess.Popen([sys.executable, "-m", "datasette", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/-/miner/charts?organisation=birmingham-city-council"
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        png = screenshot(url, tmp_path / "charts.png", width=1000, height=1100)
    finally:
        server.terminate()
        server.wait(10)
    if os.environ.get("MINER_KEEP_SCREENSHOT"):
        shutil.copy(png, os.environ["MINER_KEEP_SCREENSHOT"])
    image = Image.open(png).convert("RGB")
    extrema = ImageStat.Stat(image).extrema
    assert any(low < 100 for low, _ in extrema), "the screenshot is blank"
    # The grade lines are drawn in the palette's colours, not just black text.
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20)}
    assert (0x1B, 0x6C, 0xA8) in colours and (0xD1, 0x49, 0x5B) in colours
