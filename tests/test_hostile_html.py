"""Hostile HTML: broken markup, lying charsets and invisible characters all
end as valid UTF-8 text in the database, or as one refused page, and nothing
crashes."""

import sqlite3

import pytest
from click.testing import CliRunner

from miner.cli import cli
from miner.errors import UnsupportedDocument
from miner.text import convert
from miner.text.html import MAX_DEPTH, MAX_HTML_BYTES

FINDING = "Inspectors found that the council’s children’s services require improvement, costing £2.4m."


def page(title: str, body: str, *, head: str = '<meta charset="utf-8">') -> str:
    return f"<!doctype html><html><head>{head}<title>{title}</title></head><body><main><p>{body}</p></main></body></html>"


def deeply_nested(depth: int) -> bytes:
    return page("Deep", "x").replace("<main><p>x</p></main>", "<div>" * depth + f"<p>{FINDING}</p>").encode()


# name -> (bytes, expected title, expected text)
CASES = {
    "unclosed.html": (
        b"<html><head><title>Unclosed</title><body><p>Inspectors found that staff were kind <b>and <i>caring"
        b"<p>The home was clean <div><span>and safe",
        "Unclosed",
        # libxml2 keeps the second <p> inside the unclosed <i>: one paragraph, no text lost.
        "Unclosed\n\nInspectors found that staff were kind and caring The home was clean and safe",
    ),
    # 100,000 levels: libxml2 stops at 256 and loses the rest; the walker
    # would recurse past Python's limit. Flattened below MAX_DEPTH instead.
    "nested-100k.html": (deeply_nested(100_000), "Deep", f"Deep\n\n{FINDING}"),
    "cp1252-declared-utf8.html": (page("Report", FINDING).encode("cp1252"), "Report", f"Report\n\n{FINDING}"),
    # UTF-8 with a paragraph pasted in from a Windows-1252 file.
    "mixed-utf8-cp1252.html": (
        page("Report – summary", FINDING).encode().replace(b"</main>", "<p>It said “inadequate” at £3m.</p>".encode("cp1252") + b"</main>"),
        "Report – summary",
        f"Report – summary\n\n{FINDING}\n\nIt said “inadequate” at £3m.",
    ),
    "latin1-declared-utf8.html": (
        page("Café report", "The café cost £3m; the kitchen was kept at 5°C.").encode("latin-1"),
        "Café report",
        "Café report\n\nThe café cost £3m; the kitchen was kept at 5°C.",
    ),
    # An editor saved the page as UTF-16 and kept its old meta charset.
    "utf16-bom-meta-latin1.html": (
        "\ufeff".encode("utf-16-le") + page("Report", FINDING, head='<meta charset="iso-8859-1">').encode("utf-16-le"),
        "Report",
        f"Report\n\n{FINDING}",
    ),
    "utf8-bom-meta-cp1251.html": (
        b"\xef\xbb\xbf" + page("Report", FINDING, head='<meta charset="windows-1251">').encode(),
        "Report",
        f"Report\n\n{FINDING}",
    ),
    "nul-bytes.html": (page("Re\x00port", FINDING.replace("found", "fo\x00und")).encode(), "Report", f"Report\n\n{FINDING}"),
    # Surrogates as character references and as UTF-8-encoded surrogates.
    "lone-surrogates.html": (
        page("Report &#xD800; one", FINDING.replace("found", "found &#xDC00;")).encode().replace(b"one", b"\xed\xa0\x80"),
        "Report � �",
        f"Report � �\n\n{FINDING.replace('found', 'found �')}",
    ),
    "bidi-overrides.html": (
        page("Report \u202egnp.exe\u202c", FINDING.replace("found", "fou\u202end\u202c \u2067that\u2069 \u200fall")).encode(),
        "Report gnp.exe",
        f"Report gnp.exe\n\n{FINDING.replace('found', 'found that all')}",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_html_converts_to_clean_text(name):
    data, title, text = CASES[name]
    document = convert(data, name)
    assert document.title == title
    assert document.text == text
    document.text.encode("utf-8")  # no lone surrogates survive


@pytest.mark.parametrize("prolog", ["", '<?xml version="1.0" encoding="utf-8"?>'])
def test_tags_below_the_depth_cap_are_flattened_not_lost(prolog):
    markup = prolog + "<html><body>" + "<div>" * (MAX_DEPTH * 10) + "<h2>Key findings</h2><ul><li>Staff were kind.</li><li>Records were late.</li></ul></body></html>"
    document = convert(markup.encode(), "deep.html")
    assert "Key findings" in document.text and "Staff were kind." in document.text and "Records were late." in document.text


def test_a_50_mb_text_node_is_refused_with_the_limit():
    data = b"<html><body><p>" + b"Inspectors found " * (50 * 2**20 // 17) + b"</p></body></html>"
    with pytest.raises(UnsupportedDocument) as error:
        convert(data, "huge.html")
    assert str(error.value) == f"huge.html: HTML page of 50.0 MB, over the {MAX_HTML_BYTES // 2**20} MB limit for a web page"


def test_str_input_with_lone_surrogates_is_cleaned():
    from miner.text.html import html_to_document

    document = html_to_document(page("A \ud800 b", FINDING.replace("found", "found \udfff")))
    assert document.title == "A � b"
    assert document.text.encode("utf-8")


def test_hostile_pages_through_ingest_store_valid_utf8_and_refuse_only_the_huge_one(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, (data, _, _) in CASES.items():
        (folder / name).write_bytes(data)
    huge = folder / "zz-50mb-text-node.html"
    huge.write_bytes(b"<html><body><p>" + b"x" * (50 * 2**20) + b"</p></body></html>")
    db = str(tmp_path / "pages.db")
    result = CliRunner().invoke(cli, ["ingest", db, str(folder), "-s"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"error: {huge}: HTML page of 50.0 MB, over the {MAX_HTML_BYTES // 2**20} MB limit for a web page"
    ]
    with sqlite3.connect(db) as conn:
        conn.text_factory = bytes  # read the stored bytes, not sqlite3's decoding of them
        rows = conn.execute("select url, title, text from documents order by url").fetchall()
        assert conn.execute("pragma integrity_check").fetchone()[0] == b"ok"
    stored = {url.decode(): (title.decode("utf-8"), text.decode("utf-8")) for url, title, text in rows}
    assert stored == {str(folder / name): (title, text) for name, (_, title, text) in CASES.items()}
