"""What extraction produces: plain records, one per row of the record tables."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

# The evidence and the three record types are made by the ten thousand per
# report (records_from_doc): with __slots__ each is made in about two thirds
# of the time, without a __dict__ of its own.


@dataclass(slots=True)
class Evidence:
    sentence: str
    start: int
    end: int
    page: int | None = None
    section: str | None = None


@dataclass(slots=True)
class GradingRecord:
    organisation_id: str | None
    area: str | None
    grade: str
    scale: str | None
    evidence: Evidence
    count: int | None = None
    out_of: int | None = None
    previous: bool = False
    year: int | None = None
    method: str = "prose"

    def key(self) -> tuple:
        return (self.organisation_id, self.area, self.grade, self.previous, self.count, self.out_of)

    def to_row(self) -> dict:
        return _row(self, previous=int(self.previous))


@dataclass(slots=True)
class FindingRecord:
    organisation_id: str | None
    text: str
    kind: str
    polarity: str
    topic: str | None
    evidence: Evidence
    confidence: float | None = None

    def to_row(self) -> dict:
        return _row(self)


@dataclass(slots=True)
class StatisticRecord:
    organisation_id: str | None
    value: float
    unit: str
    measure: str | None
    text: str
    evidence: Evidence
    period: str | None = None
    change_from: float | None = None
    change_to: float | None = None
    change_pct: float | None = None
    direction: str | None = None

    def to_row(self) -> dict:
        return _row(self)


@dataclass
class Inspection:
    inspectorate: str | None = None
    programme: str | None = None
    scale: str | None = None
    date: str | None = None


@dataclass
class Extraction:
    kind: str | None
    subject_id: str | None
    inspection: Inspection
    gradings: list[GradingRecord] = field(default_factory=list)
    findings: list[FindingRecord] = field(default_factory=list)
    statistics: list[StatisticRecord] = field(default_factory=list)
    organisations: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


def _row(record, **overrides) -> dict:
    """The record's fields with the evidence's in its place at the end: `asdict` without its deep copies."""
    data = {name: getattr(record, name) for name in _names(record) if name != "evidence"}
    evidence = record.evidence
    data.update({name: getattr(evidence, name) for name in _names(evidence)})
    data.update(overrides)
    return data


def _names(instance) -> tuple[str, ...]:
    names = _FIELDS.get(type(instance))
    if names is None:
        names = _FIELDS[type(instance)] = tuple(f.name for f in dataclasses.fields(instance))
    return names


_FIELDS: dict[type, tuple[str, ...]] = {}
