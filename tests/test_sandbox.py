import pytest

from miner.errors import ConversionFailed, UnsupportedDocument
from miner.text import convert
from miner.text.sandbox import IsolatedConverter
from tests.conftest import FIXTURES


def test_isolated_conversion_matches_in_process(pdf_factory):
    data = pdf_factory(pages=[["A heading", "Inspectors found that the force answers most emergency calls quickly."]]).read_bytes()
    with IsolatedConverter() as converter:
        isolated = converter.convert(data, "r.pdf")
    assert isolated.to_dict() == convert(data, "r.pdf").to_dict()


def test_isolated_errors_keep_their_type_and_the_child_survives():
    html = (FIXTURES / "peel-report.html").read_bytes()
    with IsolatedConverter() as converter:
        with pytest.raises(UnsupportedDocument, match="^bad: empty file"):
            converter.convert(b"", "bad")
        assert converter.convert(html, "ok").title.startswith("PEEL 2023")


def test_overrunning_conversion_is_stopped_and_the_next_one_works():
    html = (FIXTURES / "peel-report.html").read_bytes()
    with IsolatedConverter(timeout=0.0001) as converter:
        with pytest.raises(ConversionFailed) as error:
            converter.convert(html, "slow.html")
        assert str(error.value) == "slow.html: conversion took longer than 0.0001 s and was stopped"
        converter.timeout = 60
        assert converter.convert(html, "ok").title.startswith("PEEL 2023")


def test_memory_limit_turns_a_runaway_parse_into_a_failure():
    # Half a million table rows in 10 MB: the parse tree needs far more than 200 MB.
    html = b"<html><body><table>" + b"<tr><td>x</td></tr>" * 500_000 + b"</table></body></html>"
    with IsolatedConverter(memory_mb=200) as converter:
        with pytest.raises(ConversionFailed) as error:
            converter.convert(html, "huge.html")
    assert str(error.value).startswith("huge.html: ")
