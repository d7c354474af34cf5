"""Grade ranks: each scale's grades in order, so grade changes can be compared."""

from __future__ import annotations

from sqlite_utils import Database

from miner.nlp.scales import Scales


def grade_rank_rows(scales: Scales | None = None) -> list[dict]:
    """One row per (scale, grade); rank 1 is the worst grade, so higher is better.

    scales.json lists each scale's grades best first.
    """
    scales = scales or Scales.default()
    return [
        {"scale": scale.id, "grade": grade, "rank": len(scale.grades) - i}
        for scale in scales.scales.values()
        for i, grade in enumerate(scale.grades)
    ]


def refresh_grade_ranks(db: Database) -> None:
    db["grade_ranks"].insert_all(grade_rank_rows(), pk=("scale", "grade"), replace=True)
