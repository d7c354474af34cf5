"""Themes: findings across all documents grouped by what they are about.

Within each topic of miner's taxonomy, findings' TF-IDF vectors are
clustered by agglomerative clustering (average linkage, cosine distance,
cut at `distance`). A theme needs `min_size` findings; the rest stay
unthemed. Big topics are first split by k-means into chunks of at most
`chunk` findings, because agglomerative clustering needs memory quadratic in
the group size (benchmarks/watch.py times 100,000 findings).

Labels are the theme's most distinctive phrases (highest centroid weight,
bigrams first), so a person can read what the theme is about.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from sklearn.cluster import AgglomerativeClustering, MiniBatchKMeans

from miner.watch.vectors import FindingText, vectorise

DISTANCE = 0.85
MIN_SIZE = 2
CHUNK = 2000


@dataclass
class Theme:
    label: str
    keywords: list[str]
    topic: str | None
    members: list[tuple[FindingText, float]] = field(default_factory=list)  # (finding, similarity to centroid)

    @property
    def findings(self) -> list[FindingText]:
        return [f for f, _ in self.members]


def find_themes(findings: list[FindingText], *, distance: float = DISTANCE, min_size: int = MIN_SIZE, chunk: int = CHUNK, seed: int = 0) -> list[Theme]:
    if not findings:
        return []
    vec, matrix = vectorise(findings)
    terms = np.array(vec.get_feature_names_out())
    by_topic: dict = defaultdict(list)
    for row, f in enumerate(findings):
        by_topic[f.topic].append(row)
    themes = []
    for topic in sorted(by_topic, key=lambda t: t or ""):
        for rows in _chunks(by_topic[topic], matrix, chunk, seed):
            themes += _cluster(findings, matrix, terms, topic, rows, distance, min_size)
    themes.sort(key=lambda t: (-len(t.members), t.label))
    return themes


def _chunks(rows: list[int], matrix, chunk: int, seed: int):
    if len(rows) <= chunk:
        yield rows
        return
    k = math.ceil(len(rows) / (chunk / 2))  # k-means chunks are uneven: aim at half the cap
    labels = MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=1, batch_size=4096).fit_predict(matrix[rows])
    for label in range(k):
        part = [rows[i] for i in np.flatnonzero(labels == label)]
        yield from _chunks(part, matrix, chunk, seed + 1) if len(part) < len(rows) else (part[i:i + chunk] for i in range(0, len(part), chunk))


def _cluster(findings, matrix, terms, topic, rows, distance, min_size) -> list[Theme]:
    if len(rows) < max(min_size, 2):
        return []
    sub = matrix[rows]
    nonzero = np.flatnonzero(sub.getnnz(axis=1))  # a finding of figures only has no vector
    if len(nonzero) < 2:
        return []
    sub = sub[nonzero]
    # Distances from the sparse vectors (rows are L2-normalised): never a
    # dense findings x vocabulary array, which would not fit in memory.
    distances = np.clip(1.0 - (sub @ sub.T).toarray(), 0.0, 2.0)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average", distance_threshold=distance)
    labels = model.fit_predict(distances)
    themes = []
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        if len(members) < min_size:
            continue
        centroid = np.asarray(sub[members].mean(axis=0)).ravel()
        norm = np.linalg.norm(centroid) or 1.0
        similarities = sub[members] @ (centroid / norm)
        keywords = _keywords(centroid, terms)
        themes.append(
            Theme(
                label=_label(keywords, topic),
                keywords=keywords,
                topic=topic,
                members=[(findings[rows[nonzero[i]]], round(float(s), 4)) for i, s in zip(members, similarities)],
            )
        )
    return themes


def _keywords(centroid: np.ndarray, terms: np.ndarray, n: int = 8) -> list[str]:
    order = np.argsort(-centroid)
    words = []
    for i in order:
        if centroid[i] <= 0 or len(words) >= n:
            break
        term = str(terms[i])
        if "topic_" in term:
            continue
        words.append(term)
    return words


def _label(keywords: list[str], topic: str | None) -> str:
    """Up to three phrases, bigrams first, none repeating another's words."""
    chosen: list[str] = []
    for phrase in sorted(keywords, key=lambda k: (" " not in k, keywords.index(k))):
        if any(set(phrase.split()) & set(c.split()) for c in chosen):
            continue
        chosen.append(phrase)
        if len(chosen) == 3:
            break
    head = (topic or "other").replace("_", " ")
    return f"{head}: {', '.join(chosen)}" if chosen else head
