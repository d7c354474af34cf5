"""TF-IDF vectors of findings, shared by themes and recurrence.

A finding's topic is added as one extra token (`topic_vulnerability`), so two
findings about the same subject in different words still share something,
while findings on different topics that happen to share words ("plans",
"timely") are pulled apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

# Words every inspection report uses whatever it is about: kept out of the
# vectors so that similarity reflects the subject, not the genre. Tuned by
# reading the recurrence errors on the annotated corpus (corpora/recurrences.json).
GENRE_WORDS = {
    "force", "forces", "council", "councils", "trust", "service", "services", "ensure", "make", "sure",
    "improve", "improvement", "improved", "improving", "inspection", "inspectors", "inspected", "found", "find",
    "cases", "case", "reviewed", "time", "times", "make", "makes", "made", "always", "consistently", "enough",
    "good", "quality", "effective", "effectively", "need", "needs", "needed", "including", "well", "leaders",
    "should", "does", "did", "do", "not", "yet", "still", "too", "many", "some", "all", "per", "cent",
}
STOP_WORDS = sorted(ENGLISH_STOP_WORDS | GENRE_WORDS)
PRAISE = {"well", "effective", "effectively", "timely", "quickly", "promptly", "regularly", "stable", "clear", "swift", "robust", "strong", "good", "benefit", "benefits", "thorough", "appropriate", "appropriately", "improving", "improved", "positive", "right"}
CRITICISM = {
    "not", "no", "too", "lack", "lacks", "poor", "weak", "inconsistent", "inconsistently", "variable", "delay", "delays",
    "delayed", "insufficient", "less", "slow", "fail", "fails", "failed", "never", "few", "ensure", "improve", "quality",
    "should", "must", "however", "but", "although", "yet", "despite", "concern", "concerns", "risk",
    "only", "still", "remains", "make", "sure", "reduce", "consistency", "progression", "timeliness", "availability",
}
CONCERN_KINDS = ("cause_of_concern", "area_for_improvement", "recommendation")


@dataclass
class FindingText:
    """What the watch modules need of a finding (from the database or from gold)."""

    id: int
    organisation_id: str | None
    document_id: int | str
    date: str | None
    text: str
    kind: str | None = None
    polarity: str | None = None
    topic: str | None = None

    @property
    def is_concern(self) -> bool:
        return self.kind in CONCERN_KINDS or self.polarity == "negative"

    @property
    def reads_as_praise(self) -> bool:
        """Praise with no word of criticism: "Return home interviews are timely".

        A later finding like that means the earlier concern was met, not
        repeated; the extractor's polarity is not reliable enough on real
        reports to decide it alone.
        """
        words = set(re.findall(r"[a-z]+", self.text.lower()))
        return bool(words & PRAISE) and not words & CRITICISM

    def vector_text(self) -> str:
        return f"{self.text} topic_{self.topic}" if self.topic else self.text


def drop_boilerplate(findings: list[FindingText], *, min_organisations: int = 3) -> list[FindingText]:
    """Without sentences that reports about several organisations share word for word.

    Real reports carry the inspectorate's standard paragraphs ("It regulates
    and inspects childcare ..."); the extractor may take them for findings,
    and they would otherwise "recur" at every inspection with similarity 1.
    """
    organisations: dict[str, set] = {}
    for f in findings:
        organisations.setdefault(_normal(f.text), set()).add(f.organisation_id)
    return [f for f in findings if len(organisations[_normal(f.text)]) < min_organisations]


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def vectorizer(**overrides) -> TfidfVectorizer:
    options = dict(
        stop_words=STOP_WORDS,
        ngram_range=(1, 2),
        sublinear_tf=True,
        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z_'-]+\b",  # words, not figures: "58%" says nothing of the subject
        min_df=1,
    )
    options.update(overrides)
    return TfidfVectorizer(**options)


def vectorise(findings: list[FindingText], **overrides):
    """(fitted vectorizer, L2-normalised sparse matrix, one row per finding)."""
    vec = vectorizer(**overrides)
    matrix = vec.fit_transform([f.vector_text() for f in findings])
    return vec, matrix
