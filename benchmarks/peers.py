"""Statistics extraction, miner against its peers, on the annotated corpus.

For the test and dev splits (`miner.evaluation.gold_files`), each system's
figures are scored with the rule of `miner/evaluation.py`: a predicted figure
matches a gold statistic when it starts inside the gold evidence span
(`locate`), its value is within 1% (`_close`) and its unit is equal; each gold
statistic matches at most once. A looser value-only score ignores the unit.

Systems:
- miner: `Extractor().extract(document).statistics`;
- quantulum3 (the `bench` extra): every quantity it finds, block by block,
  with its units mapped to miner's (see `QUANTULUM_UNITS`);
- spaCy's English NER: CARDINAL, PERCENT, MONEY and QUANTITY entities, only
  when a trained English pipeline (en_core_web_sm, _md, _lg, _trf, or
  `--spacy-model`) is installed. Nothing is downloaded.

Usage:
    pip install -e '.[bench]'
    python benchmarks/peers.py                 # test and dev
    python benchmarks/peers.py --split test
    python benchmarks/peers.py --errors 10     # also show some misses per system
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import pathlib
import re
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from corpus import print_machine

from miner.document import Document
from miner.evaluation import CORPUS, Score, _close, gold_files, locate
from miner.nlp.numbers import NUMBER, parse_number
from miner.nlp.pipeline import Extractor
from miner.text import convert


@dataclass(frozen=True)
class Figure:
    """One predicted statistic: where it starts in the document text, its value and unit."""

    start: int
    value: float | None
    unit: str
    surface: str


@dataclass
class GoldDocument:
    name: str
    document: Document
    statistics: list[tuple[tuple[int, int], dict]]  # (evidence span, gold record)


def load_split(split: str) -> list[GoldDocument]:
    """The split's documents with their gold statistics located in the converted text
    (a gold statistic whose evidence cannot be found is left out, as `miner eval` does)."""
    loaded = []
    for path in gold_files(split):
        gold = json.loads(path.read_text(encoding="utf-8"))
        document_path = CORPUS / "documents" / gold["document"]
        document = convert(document_path.read_bytes(), str(document_path))
        document.url = str(document_path)
        statistics = []
        for record in gold.get("statistics", []):
            span = locate(document.text, record["evidence"])
            if span:
                statistics.append((span, record))
        loaded.append(GoldDocument(gold["document"], document, statistics))
    return loaded


def score(gold: list[tuple[tuple[int, int], dict]], figures: list[Figure], *, with_unit: bool = True) -> tuple[Score, list[dict]]:
    """miner/evaluation.py's statistics rule: the first unmatched gold statistic whose
    evidence contains the figure's start, value within 1%, and (with_unit) the same unit."""
    result = Score()
    matched: set[int] = set()
    for figure in figures:
        match = None
        for i, ((start, end), record) in enumerate(gold):
            if i in matched or not (start <= figure.start < end):
                continue
            if (not with_unit or record["unit"] == figure.unit) and _close(record["value"], figure.value):
                match = i
                break
        if match is None:
            result.fp += 1
        else:
            matched.add(match)
            result.tp += 1
    missed = [record for i, (_, record) in enumerate(gold) if i not in matched]
    result.fn += len(missed)
    return result, missed


# --- miner -------------------------------------------------------------------


def miner_system() -> Callable[[Document], list[Figure]]:
    extractor = Extractor()

    def figures(document: Document) -> list[Figure]:
        return [Figure(s.evidence.start, s.value, s.unit, s.text) for s in extractor.extract(document).statistics]

    return figures


# --- quantulum3 --------------------------------------------------------------

# quantulum3 unit names -> miner units. Time units are plural in miner. Its
# classifier reads "ten seconds" and "14 minutes" as angles (second and minute
# of arc); inspection reports measure no angles, so those count as time.
QUANTULUM_UNITS = {
    "percentage": "percent",
    "per cent": "percent",
    "percent": "percent",
    "dimensionless": "count",
    "pound sterling": "gbp",
    "second": "seconds",
    "second of arc": "seconds",
    "minute": "minutes",
    "minute of arc": "minutes",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "count": "multiplier",  # quantulum3's "count" is "n times"
}


def quantulum_unit(name: str) -> str:
    """miner's unit for a quantulum3 unit name; compound money units ("pound
    sterling per year", and "£9.7m" read as "pound sterling metre") count as gbp;
    anything else keeps quantulum3's name and so never matches a gold unit."""
    if name in QUANTULUM_UNITS:
        return QUANTULUM_UNITS[name]
    if name.startswith("pound sterling"):
        return "gbp"
    return f"quantulum:{name}"


def quantulum_classifier() -> str | None:
    """A classifier path quantulum3 can load. Its shipped `clf.joblib` is pickled
    with one scikit-learn version and fails to load under others; then the
    classifier is retrained once from quantulum3's own training set (about 15 s)
    and cached per quantulum3 and scikit-learn version."""
    from quantulum3 import classifier

    if not classifier.USE_CLF:  # scikit-learn, joblib or stemming missing: rule-based disambiguation
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # scikit-learn's InconsistentVersionWarning before the failure
            classifier.classifier()
        return None
    except Exception:  # noqa: BLE001 - any unpickling failure means "retrain"
        pass
    versions = f"{importlib.metadata.version('quantulum3')}-sklearn-{importlib.metadata.version('scikit-learn')}"
    cache = pathlib.Path(os.environ.get("XDG_CACHE_HOME", pathlib.Path.home() / ".cache")) / "miner-benchmarks"
    path = cache / f"quantulum3-clf-{versions}.joblib"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        print(f"quantulum3: its shipped classifier does not load with this scikit-learn; retraining it into {path}")
        classifier.train_classifier(store=True, output_path=str(path), n_jobs=1)
    return str(path)


def quantulum_system() -> Callable[[Document], list[Figure]] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None
    classifier_path = quantulum_classifier()

    def figures(document: Document) -> list[Figure]:
        found = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for block in document.blocks:  # per block: offsets stay exact and texts short
                for quantity in parser.parse(block.text, classifier_path=classifier_path):
                    found.append(Figure(block.start + quantity.span[0], quantity.value, quantulum_unit(quantity.unit.name), quantity.surface))
        return sorted(found, key=lambda f: f.start)

    return figures


# --- spaCy NER ---------------------------------------------------------------

ENGLISH_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
NER_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
_FIRST_NUMBER = re.compile(rf"(?i)(?<![\w.])(?:{NUMBER})(?:\s*(?:thousand|million|billion|bn|mn|m|k)\b)?")
_TIME_UNITS = {"second": "seconds", "minute": "minutes", "hour": "hours", "day": "days", "week": "weeks", "month": "months", "year": "years"}


def entity_figure(label: str, text: str, start: int) -> Figure | None:
    """A figure from a CARDINAL, PERCENT, MONEY or QUANTITY entity: its first number, and
    a unit from the label (QUANTITY by its unit word)."""
    match = _FIRST_NUMBER.search(text)
    if not match:
        return None
    value = parse_number(match.group(0))
    lowered = text.lower()
    if label == "PERCENT":
        unit = "percent"
    elif label == "MONEY":
        unit = "gbp" if "£" in text or "pound" in lowered else "money"
    elif label == "QUANTITY":
        unit = next((plural for word, plural in _TIME_UNITS.items() if word in lowered), "quantity")
    else:
        unit = "count"
    return Figure(start + match.start(), value, unit, text)


def spacy_ner_system(name: str | None) -> tuple[str, Callable[[Document], list[Figure]]] | None:
    import spacy

    for candidate in ([name] if name else ENGLISH_MODELS):
        if spacy.util.is_package(candidate) or pathlib.Path(candidate).is_dir():
            nlp = spacy.load(candidate)
            break
    else:
        return None
    nlp.max_length = 2_000_000

    def figures(document: Document) -> list[Figure]:
        found = []
        for ent in nlp(document.text).ents:
            if ent.label_ in NER_LABELS:
                figure = entity_figure(ent.label_, ent.text, ent.start_char)
                if figure is not None:
                    found.append(figure)
        return found

    return f"spaCy NER ({candidate} {nlp.meta.get('version', '')})", figures


# --- the run -----------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", action="append", choices=["test", "dev", "all"], help="split to score (repeatable; default test and dev)")
    parser.add_argument("--spacy-model", help="a trained spaCy pipeline (package name or path) for the NER baseline")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="show N missed gold statistics per system and split")
    args = parser.parse_args()
    splits = args.split or ["test", "dev"]

    print_machine()
    systems: list[tuple[str, Callable[[Document], list[Figure]]]] = [("miner", miner_system())]
    quantulum = quantulum_system()
    if quantulum is None:
        print("quantulum3: skipped (not installed; pip install -e '.[bench]')")
    else:
        systems.append((f"quantulum3 {importlib.metadata.version('quantulum3')}", quantulum))
    ner = spacy_ner_system(args.spacy_model)
    if ner is None:
        wanted = args.spacy_model or ", ".join(ENGLISH_MODELS)
        print(f"spaCy NER: skipped (no trained English pipeline installed: {wanted}; none is downloaded)")
    else:
        systems.append(ner)

    for split in splits:
        documents = load_split(split)
        n_gold = sum(len(d.statistics) for d in documents)
        print(f"\n== {split}: {len(documents)} documents, {n_gold} gold statistics ==")
        print(f"{'system':<26}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}{'value-only P':>14}{'R':>7}{'F1':>7}{'seconds':>9}")
        for name, figures_of in systems:
            strict, loose = Score(), Score()
            misses: list[tuple[str, dict]] = []
            seconds = 0.0
            for gold in documents:
                start = time.perf_counter()
                figures = figures_of(gold.document)
                seconds += time.perf_counter() - start
                with_unit, missed = score(gold.statistics, figures, with_unit=True)
                strict.add(with_unit)
                loose.add(score(gold.statistics, figures, with_unit=False)[0])
                misses += [(gold.name, record) for record in missed]
            print(
                f"{name:<26}{strict.precision:>7.3f}{strict.recall:>7.3f}{strict.f1:>7.3f}{strict.tp:>6}{strict.fp:>6}{strict.fn:>6}"
                f"{loose.precision:>14.3f}{loose.recall:>7.3f}{loose.f1:>7.3f}{seconds:>9.1f}",
                flush=True,
            )
            for document_name, record in misses[: args.errors]:
                print(f"    missed {record['value']} {record['unit']}: {record['evidence']!r} ({document_name})")


if __name__ == "__main__":
    main()
