"""What the benchmarks read: the project's corpus as `Document`s, word counts,
and a one-line description of the machine the figures came from.

Not a benchmark itself; `throughput.py`, `peers.py` and `memory.py` import it.
"""

from __future__ import annotations

import datetime
import os
import pathlib
import platform
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python benchmarks/x.py` without installing miner
    sys.path.insert(0, str(ROOT))

from miner.document import Document  # noqa: E402
from miner.text import convert  # noqa: E402

DOCUMENTS = ROOT / "corpora" / "documents"


def count_words(text: str) -> int:
    """Words as the benchmarks count them: whitespace-separated tokens."""
    return len(text.split())


# Files a corpus folder may hold beside its documents (gold, notes).
NOT_DOCUMENTS = {".jsonl", ".json", ".csv", ".md", ".txt"}


def corpus_documents(folder: pathlib.Path = DOCUMENTS) -> list[Document]:
    """Every document file under `folder` (default corpora/documents), converted
    with `miner.text.convert`, in path order. For another folder (the real
    reports in ../shared/data), gold and notes files are left out and a file
    that does not convert is skipped with a message."""
    documents = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if folder != DOCUMENTS and path.suffix.lower() in NOT_DOCUMENTS:
            continue
        try:
            document = convert(path.read_bytes(), str(path))
        except Exception as error:
            if folder == DOCUMENTS:
                raise
            print(f"skipped {path}: {error}", file=sys.stderr)
            continue
        document.url = str(path.relative_to(folder))
        documents.append(document)
    return documents


def repeat_to_words(documents: list[Document], words: int) -> list[Document]:
    """The documents in order, repeated (the same objects) until they hold at least `words` words."""
    per_pass = sum(count_words(d.text) for d in documents)
    if per_pass == 0:
        raise ValueError("the corpus has no words")
    passes = max(1, -(-words // per_pass))
    return documents * passes


def machine() -> dict[str, str]:
    """The facts a reader needs to compare figures: CPU, cores, RAM, versions, date."""
    import spacy

    cpu = platform.processor() or "unknown"
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in pathlib.Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return {
        "date": datetime.date.today().isoformat(),
        "cpu": cpu,
        "nproc": str(os.cpu_count()),
        "ram": ram,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
    }


def print_machine() -> None:
    facts = machine()
    print("machine: " + ", ".join(f"{k} {v}" for k, v in facts.items()))
