"""Accuracy floors: the extractors, scored by `miner eval`, must not regress."""

import pytest

from miner.evaluation import SHARED_OFSTED, check_floors, evaluate


@pytest.fixture(scope="module")
def test_report(extractor):
    return evaluate("test", extractor=extractor, include_real=SHARED_OFSTED.is_dir())


def test_held_out_split_is_scored(test_report):
    assert test_report.scores["all"]["gradings"].tp > 50
    assert test_report.scores["all"]["findings"].tp > 100


def test_no_figure_below_its_floor(test_report):
    assert check_floors(test_report, "test") == []
