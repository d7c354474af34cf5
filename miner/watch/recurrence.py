"""Recurring concerns: a later inspection repeating an earlier one's concern.

For each organisation, its inspections (report documents) are put in date
order; each concern of one inspection is compared with the concerns of the
next by cosine similarity of TF-IDF vectors. A pair is linked when the
similarity reaches `threshold` and each is among the other's `top_k` best
matches (mutual best match for k=1): one earlier concern may be repeated by
a couple of later ones, but a generic sentence cannot link to everything.

Defaults were tuned on the annotated pairs in corpora/recurrences.json
(benchmarks/watch.py prints the sweep).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date as Date

import numpy as np

from miner.watch.vectors import FindingText, vectorise

THRESHOLD = 0.15
TOP_K = 3


@dataclass(frozen=True)
class Recurrence:
    earlier: FindingText
    later: FindingText
    similarity: float

    @property
    def years_apart(self) -> float | None:
        return years_between(self.earlier.date, self.later.date)


@dataclass(frozen=True)
class ConcernStatus:
    finding: FindingText
    status: str  # recurring, possibly_resolved or open
    next_document_id: int | str | None
    n_recurrences: int


def years_between(earlier: str | None, later: str | None) -> float | None:
    try:
        a, b = Date.fromisoformat(earlier[:10]), Date.fromisoformat(later[:10])
    except (TypeError, ValueError):
        return None
    return round((b - a).days / 365.25, 1)


def inspections(findings: list[FindingText]) -> dict[str, list[tuple[str, int | str]]]:
    """Per organisation, its documents as (date, document id) in date order."""
    seen: dict[str, set] = defaultdict(set)
    for f in findings:
        if f.organisation_id and f.date:
            seen[f.organisation_id].add((f.date, f.document_id))
    return {org: sorted(docs, key=lambda d: (d[0], str(d[1]))) for org, docs in seen.items()}


def successive_pairs(findings: list[FindingText]):
    """(organisation, earlier document, later document) for each inspection and the next."""
    for org, docs in sorted(inspections(findings).items()):
        for (_, earlier), (_, later) in zip(docs, docs[1:]):
            yield org, earlier, later


def find_recurrences(
    findings: list[FindingText], *, threshold: float = THRESHOLD, top_k: int = TOP_K, matrix=None
) -> list[Recurrence]:
    """Recurrences between each inspection's concerns and the next inspection's.

    `findings` are one organisation's or many; only concerns (see
    FindingText.is_concern) of findings with an organisation and a date take
    part. `matrix` (rows aligned with `findings`) saves re-vectorising.
    """
    if matrix is None:
        _, matrix = vectorise(findings) if findings else (None, None)
    by_document: dict = defaultdict(list)
    for row, f in enumerate(findings):
        if f.is_concern and f.organisation_id and not f.reads_as_praise:
            by_document[(f.organisation_id, f.document_id)].append(row)
    links: list[Recurrence] = []
    for org, earlier_doc, later_doc in successive_pairs(findings):
        earlier_rows, later_rows = by_document.get((org, earlier_doc), []), by_document.get((org, later_doc), [])
        if not earlier_rows or not later_rows:
            continue
        similarity = (matrix[earlier_rows] @ matrix[later_rows].T).toarray()
        for i, j in _mutual_top_k(similarity, threshold, top_k):
            links.append(Recurrence(findings[earlier_rows[i]], findings[later_rows[j]], round(float(similarity[i, j]), 4)))
    return links


def _mutual_top_k(similarity: np.ndarray, threshold: float, top_k: int):
    k_rows, k_cols = min(top_k, similarity.shape[1]), min(top_k, similarity.shape[0])
    # The k-th best score in each row and column; a pair must reach both.
    row_kth = -np.sort(-similarity, axis=1)[:, k_rows - 1]
    col_kth = -np.sort(-similarity, axis=0)[k_cols - 1, :]
    hits = (similarity >= threshold) & (similarity >= row_kth[:, None]) & (similarity >= col_kth[None, :]) & (similarity > 0)
    return [tuple(ij) for ij in np.argwhere(hits)]


def concern_statuses(findings: list[FindingText], recurrences: list[Recurrence]) -> list[ConcernStatus]:
    """For every concern: repeated by the next inspection, not repeated, or no next inspection yet."""
    next_document = {}
    for org, earlier, later in successive_pairs(findings):
        next_document[(org, earlier)] = later
    repeated: dict = defaultdict(int)
    for r in recurrences:
        repeated[r.earlier.id] += 1
    statuses = []
    for f in findings:
        if not (f.is_concern and f.organisation_id and f.date) or f.reads_as_praise:
            continue
        following = next_document.get((f.organisation_id, f.document_id))
        if following is None:
            status = "open"
        elif repeated[f.id]:
            status = "recurring"
        else:
            status = "possibly_resolved"
        statuses.append(ConcernStatus(f, status, following, repeated[f.id]))
    return statuses
