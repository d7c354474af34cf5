"""Grade scales and graded areas (data in data/scales.json)."""

from __future__ import annotations

import functools
import json
import pathlib
import re
from dataclasses import dataclass

DATA = pathlib.Path(__file__).parent / "data" / "scales.json"

# Grade phrases in the order they must be tried (longest first) and the
# canonical words they normalise to before a scale is known.
GRADE_PHRASES = {
    "requires improvement to be good": "requires improvement",
    "require improvement to be good": "requires improvement",
    "required improvement to be good": "requires improvement",
    "requiring improvement to be good": "requires improvement",
    "requires improvement": "requires improvement",
    "require improvement": "requires improvement",
    "required improvement": "requires improvement",
    "requiring improvement": "requires improvement",
    "not sufficiently good": "not sufficiently good",
    "reasonably good": "reasonably good",
    "outstanding": "outstanding",
    "good": "good",
    "adequate": "adequate",
    "inadequate": "inadequate",
    "poor": "poor",
}
# A short "requires improvement" never stops before "to be good": a rule that backtracks
# into it ("rated requires improvement| to be good for care leavers") would read the
# rest as no area.
GRADE_PATTERN = "|".join(
    re.escape(p) + (r"(?!\s+to\s+be\s+good\b)" if p.endswith("improvement") else "")
    for p in sorted(GRADE_PHRASES, key=len, reverse=True)
)


@dataclass(frozen=True)
class Scale:
    id: str
    inspectorate: str
    grades: tuple[str, ...]
    grade_aliases: dict
    areas: dict  # canonical area -> aliases
    scores: dict = None  # a numeric score -> its grade ("1" -> "poor"), for scales reported as scores

    def score_grade(self, score: str) -> str | None:
        """The grade a numeric score stands for ("1" -> "poor" on HMI Prisons' scale), if the scale has scores."""
        return (self.scores or {}).get(score.strip())

    def normalise_grade(self, phrase: str) -> str:
        phrase = phrase.lower()
        base = GRADE_PHRASES.get(phrase, phrase)
        if phrase in self.grades:
            return phrase
        if base in self.grades:
            return base
        return self.grade_aliases.get(base, self.grade_aliases.get(phrase, base))


class Scales:
    def __init__(self, data: dict):
        self.scales = {
            sid: Scale(
                sid,
                s["inspectorate"],
                tuple(s["grades"]),
                s.get("grade_aliases", {}),
                s["areas"],
                s.get("scores") or {},
            )
            for sid, s in data["scales"].items()
        }
        # alias (lower) -> list of (scale id, canonical area)
        self.area_aliases: dict[str, list[tuple[str, str]]] = {}
        for scale in self.scales.values():
            for area, aliases in scale.areas.items():
                for alias in {area, *aliases}:
                    self.area_aliases.setdefault(_fold(alias), []).append((scale.id, area))
        alternation = "|".join(
            sorted((_alias_regex(a) for a in self.area_aliases), key=len, reverse=True)
        )
        self.area_regex = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.I)

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> "Scales":
        return cls(json.loads(DATA.read_text(encoding="utf-8")))

    def resolve_area(self, text: str, scale_hint: str | None, inspectorate: str | None = None) -> tuple[str, str] | None:
        """(scale id, canonical area) for an area phrase, preferring the document's scale."""
        folded = _fold(text)
        options = self.area_aliases.get(folded)
        if not options:
            return None
        for scale_id, area in options:
            if scale_id == scale_hint:
                return scale_id, area
        if inspectorate:
            for scale_id, area in options:
                if self.scales[scale_id].inspectorate == inspectorate:
                    return scale_id, area
            # Short aliases ("planning", "safe", "people") are areas only in
            # their own inspectorate's reports.
            if len(folded.split()) < 3:
                return None
        return options[0]


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("&", "and").replace(",", " ").split())


def _alias_regex(alias: str) -> str:
    words = alias.replace("'", "['’]").split(" ")
    return r"[\s,]+".join(w if "['’]" in w else re.escape(w) for w in words)


def fold_area(text: str) -> str:
    return _fold(text)
