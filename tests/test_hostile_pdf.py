"""Hostile PDFs: each becomes a stored failure with a one-line reason (or, if
PDFium reads it correctly, a stored document) and the batch goes on."""

import binascii
import random
import sqlite3
import zlib

import pytest
from click.testing import CliRunner

from miner.cli import cli
from miner.errors import ConversionFailed
from miner.text import convert
from miner.text.sandbox import IsolatedConverter
from tests import pdf_bytes
from tests.conftest import make_pdf

# The bombs inflate to 2 GB and 4 GB; a 512 MB cap makes the child die
# within a second or two instead of after filling 1.5 GB.
MEMORY_MB = 512

PLACES = ["Ashford", "Barnsley", "Carlisle", "Dover", "Exeter", "Frome", "Grimsby", "Hexham", "Ilkley", "Jarrow"]
SERVICES = ["care home", "nursery", "prison", "police station", "hospital ward", "school", "youth club", "probation office"]
VERBS = ["knew the people they cared for", "kept records up to date", "answered calls quickly", "reported concerns promptly", "met every target"]


def _page_lines(index: int) -> list[str]:
    # Every page different in words, not just digits: the running-header
    # filter folds digits and would drop a line repeated on every page.
    place = PLACES[index % len(PLACES)]
    service = SERVICES[(index // len(PLACES)) % len(SERVICES)]
    verb = VERBS[(index // (len(PLACES) * len(SERVICES))) % len(VERBS)]
    return [f"Inspectors visited the {service} in {place} and found that staff {verb}."]


def _one_page(content: bytes, filters: bytes = b"") -> bytes:
    return pdf_bytes.text_pdf([content], filters=filters)


def many_pages(count: int) -> bytes:
    return pdf_bytes.text_pdf([pdf_bytes.show_text(_page_lines(i)) for i in range(count)])


def scattered_fragments(count: int = 20_000, rules: int = 5_000) -> bytes:
    """One page of `count` one-letter fragments at random places and `rules`
    short ruled lines: the shape that sends table and layout detection into
    quadratic work."""
    rng = random.Random(6)
    ops = [b"BT /F1 4 Tf"]
    for _ in range(count):
        ops.append(b"1 0 0 1 %d %d Tm (%c) Tj" % (rng.randrange(10, 580), rng.randrange(10, 830), rng.randrange(65, 91)))
    ops.append(b"ET")
    for _ in range(rules):
        x, y = rng.randrange(0, 590), rng.randrange(0, 840)
        ops.append(b"%d %d m %d %d l S" % (x, y, x + 3, y))
    return _one_page(b"\n".join(ops))


def encrypted() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "Confidential inspection notes")
    return bytes(pdf.output())


GOOD_LINES = ["Inspection of Anytown Council children's services", "Inspectors found that the council answers most calls quickly."]
GOOD_CONTENT = pdf_bytes.show_text(GOOD_LINES)
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"

# name -> (bytes, expected reason after "<path>: ", or None when stored)
CASES = {
    "bomb.pdf": (lambda: _one_page(pdf_bytes.flate_bomb(2 << 30), b"/FlateDecode"),
                 f"the converter was killed by SIGABRT: the file needs more than the {MEMORY_MB} MB memory limit or crashes the parser"),
    # Two Flate layers: 10 kB on disk, 4 GB after both are undone.
    "bomb-nested-filters.pdf": (lambda: _one_page(zlib.compress(pdf_bytes.flate_bomb(4 << 30), 9), b"/FlateDecode /FlateDecode"),
                                f"the converter was killed by SIGABRT: the file needs more than the {MEMORY_MB} MB memory limit or crashes the parser"),
    # Nested filters on an honest stream are read (hex, then inflate).
    "nested-filters.pdf": (lambda: _one_page(binascii.hexlify(zlib.compress(GOOD_CONTENT)) + b">", b"/ASCIIHexDecode /FlateDecode"), None),
    # A /Parent loop is harmless: PDFium walks /Kids down, never /Parent up.
    "parent-loop.pdf": (lambda: pdf_bytes.build([
        CATALOG, b"<< /Type /Pages /Kids [4 0 R] /Count 1 /Parent 5 0 R >>", pdf_bytes.HELVETICA,
        PAGE % 6, b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>", pdf_bytes.stream(GOOD_CONTENT)]), None),
    "kids-loop.pdf": (lambda: pdf_bytes.build([CATALOG, b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]),
                      "damaged PDF (page 1 of 1 cannot be read)"),
    "self-reference.pdf": (lambda: pdf_bytes.build([CATALOG, b"2 0 R"]), "damaged or truncated PDF (no readable document structure)"),
    "truncated.pdf": (lambda: _one_page(GOOD_CONTENT)[:300], "damaged or truncated PDF (no readable document structure)"),
    "zero-bytes.pdf": (lambda: b"", "empty file (0 bytes)"),
    "encrypted.pdf": (encrypted, "encrypted PDF (needs a password)"),
    "two-thousand-pages.pdf": (lambda: many_pages(2000), None),
    "scattered-fragments.pdf": (scattered_fragments, None),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """A directory of every case plus two honest reports, ingested once."""
    folder = tmp_path_factory.mktemp("hostile-pdfs")
    for name, (make, _) in CASES.items():
        (folder / name).write_bytes(make())
    make_pdf(folder / "a-good-report.pdf", [["Summary", "Inspectors found that the force answers most emergency calls quickly."]])
    make_pdf(folder / "z-good-report.pdf", [["Summary", "Inspectors found that the prison was overcrowded and staff were stretched."]])
    db = str(folder.parent / "hostile.db")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MINER_CONVERT_MEMORY_MB", str(MEMORY_MB))
        patch.setenv("MINER_CONVERT_TIMEOUT", "60")
        result = CliRunner().invoke(cli, ["ingest", db, str(folder), "-s"])
    return folder, db, result


def test_each_hostile_pdf_is_a_one_line_failure_and_the_batch_goes_on(batch):
    folder, db, result = batch
    assert result.exit_code == 1, result.output
    expected = [f"error: {folder / name}: {reason}" for name, (_, reason) in sorted(CASES.items()) if reason]
    assert result.stderr.splitlines() == expected


def test_failures_are_stored_with_their_reasons(batch):
    folder, db, _ = batch
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select source, stage, reason from failures order by source").fetchall()
    assert rows == [(str(folder / name), "convert", f"{folder / name}: {reason}") for name, (_, reason) in sorted(CASES.items()) if reason]


def test_good_and_survivable_pdfs_are_stored(batch):
    folder, db, _ = batch
    with sqlite3.connect(db) as conn:
        stored = dict(conn.execute("select url, pages from documents").fetchall())
        check = conn.execute("pragma integrity_check").fetchone()[0]
    survivors = [name for name, (_, reason) in CASES.items() if reason is None] + ["a-good-report.pdf", "z-good-report.pdf"]
    assert sorted(stored) == sorted(str(folder / name) for name in survivors)
    assert stored[str(folder / "two-thousand-pages.pdf")] == 2000
    assert check == "ok"


def test_nested_filters_and_parent_loop_give_the_real_text(batch):
    folder, db, _ = batch
    plain = convert(_one_page(GOOD_CONTENT), "plain.pdf").text
    assert "Inspectors found that the council answers most calls quickly." in plain
    with sqlite3.connect(db) as conn:
        for name in ("nested-filters.pdf", "parent-loop.pdf"):
            text = conn.execute("select text from documents where url = ?", [str(folder / name)]).fetchone()[0]
            assert text == plain


def _peak_mb(data: bytes) -> float:
    with IsolatedConverter() as converter:
        converter.convert(data, "pages.pdf")
        return converter.peak_memory_mb()


def test_two_thousand_pages_keep_the_converter_memory_flat():
    # A fresh child each time: its high-water mark covers one conversion.
    small, large = _peak_mb(many_pages(20)), _peak_mb(many_pages(2000))
    # Pages are opened and freed one at a time: 100 times the pages costs
    # only their text (about 200 kB here), not a page object each.
    assert large - small < 40, (small, large)
    assert large < MEMORY_MB


def test_converter_limits_come_from_the_environment(monkeypatch):
    # pdf.py has no geometric table detection to spin; whatever a page makes
    # the parser do, the deadline bounds it.
    monkeypatch.setenv("MINER_CONVERT_TIMEOUT", "0.001")
    monkeypatch.setenv("MINER_CONVERT_MEMORY_MB", "300")
    with IsolatedConverter() as converter:
        assert converter.memory_mb == 300
        with pytest.raises(ConversionFailed) as error:
            converter.convert(scattered_fragments(), "fragments.pdf")
    assert str(error.value) == "fragments.pdf: conversion took longer than 0.001 s and was stopped"
