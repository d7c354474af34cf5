"""Against the real Ofsted reports in ../shared/data (skipped when absent)."""

import json

from click.testing import CliRunner
from sqlite_utils import Database

from miner.cli import cli
from tests.conftest import SHARED_DATA, requires_shared

OFSTED = SHARED_DATA / "ofsted-ilacs"


@requires_shared
def test_ingest_real_ofsted_reports(tmp_path):
    db_path = str(tmp_path / "ofsted.db")
    result = CliRunner().invoke(cli, ["ingest", db_path, str(OFSTED), "--json", "-s"])
    assert result.exit_code == 1  # two of the files are not PDFs
    summary = json.loads(result.stdout)
    pdfs = [p for p in OFSTED.rglob("*.pdf") if p.read_bytes()[:5] == b"%PDF-"]
    assert summary["added"] == len(pdfs)
    failed = sorted(r["source"] for r in summary["results"] if r["status"] == "failed")
    assert [f.split("ofsted-ilacs/")[1] for f in failed] == ["birmingham/2012-10-19.pdf", "blackpool/2012-07-13.pdf"]
    for line in result.stderr.splitlines():
        if line.startswith("error:"):
            assert line.endswith("expected a PDF but the file is HTML titled 'Find an inspection report and registered childcare' (an error page or failed download?)")
    db = Database(db_path)
    assert db["documents"].count == len(pdfs)
    assert db.execute("select count(*) from documents where inspectorate = 'ofsted'").fetchone()[0] == len(pdfs)
