"""Resident memory over a long run: does the process stay flat?

Generates N short synthetic documents in memory (PEEL, Ofsted and prison
reports, news articles and press releases, 300 to 600 words each, with random
forces, councils, grades, areas and figures, so that new strings keep
arriving as they would in a real crawl) and runs each through
`Extractor().extract`, sampling RSS every 5,000 documents. Variants:

- extract: extraction only, records dropped;
- store:   extraction, then `miner.store.DocumentWriter.save` of the document
           and its records into a temporary SQLite database.

Each variant runs in its own child process, so each starts from a clean
interpreter; with two or more cores they run side by side. The target is a
flat series: less than 5% growth from the 10% mark to the end.

Usage:
    python benchmarks/memory.py                       # 100,000 documents, both variants
    python benchmarks/memory.py --docs 20000 --every 2000
    python benchmarks/memory.py --variant store
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from corpus import print_machine

from miner.document import Document, DocumentBuilder

VARIANTS = ("extract", "store")
TARGET_GROWTH = 0.05
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


# --- resident memory ---------------------------------------------------------


def rss_bytes() -> int:
    """Current resident set size: psutil when installed, else /proc/self/statm."""
    try:
        import psutil
    except ImportError:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE
    return psutil.Process().memory_info().rss


def peak_rss_bytes() -> int:
    """The process's peak resident set size so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


# --- synthetic documents -----------------------------------------------------

PEEL_AREAS = [
    "police powers and public treatment", "preventing crime", "responding to the public", "investigating crime",
    "protecting vulnerable people", "managing offenders and suspects", "developing a positive workplace",
    "leadership and force management",
]
PEEL_GRADES = ["outstanding", "good", "adequate", "requires improvement", "inadequate"]
OFSTED_AREAS = ["the impact of leaders on social work practice with children and families", "the experiences and progress of children who need help and protection", "the experiences and progress of children in care and care leavers"]
OFSTED_GRADES = ["outstanding", "good", "requires improvement to be good", "inadequate"]
PRISON_AREAS = ["safety", "respect", "purposeful activity", "rehabilitation and release planning"]
PRISON_GRADES = ["good", "reasonably good", "not sufficiently good", "poor"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
OUTLETS = ["Daily Beacon", "National Ledger", "Midlands Despatch", "Eastern Daily Gazette", "Constabulary Review", "Public Sector Bulletin"]
TOPICS = ["domestic abuse cases", "missing children", "emergency calls", "non-emergency calls", "crime reports", "arrests", "stop and search encounters", "care leavers", "child protection plans", "assaults on staff", "self-harm incidents", "prisoners in education"]

FILLER = [
    "Inspectors spoke to officers, staff and partner agencies during the fieldwork, and reviewed a sample of case files.",
    "The report sets out the evidence behind each judgement and the areas the organisation should address next.",
    "Leaders have a clear understanding of the challenges they face and have begun to act on them.",
    "Supervision of investigations was inconsistent, and victims were not always kept updated.",
    "Staff told inspectors that workloads were high and that training had not kept pace with demand.",
    "The inspectorate will continue to monitor progress closely and may revisit sooner than planned.",
    "Some improvements had been made since the last inspection, but they had not yet been embedded.",
    "Partnership working was effective, with good information sharing between agencies.",
    "Records did not always show why decisions had been made or who had made them.",
    "Managers did not have reliable data to understand performance across the service.",
]


class SyntheticCorpus:
    """Reproducible, varied report and news texts with random figures and grades."""

    def __init__(self, seed: int = 1):
        self.random = random.Random(seed)
        try:
            from miner.nlp.gazetteer import Gazetteer

            organisations = Gazetteer.default().organisations
            self.forces = [o.name for o in organisations if o.kind == "police_force"] or ["Kent Police"]
            self.councils = [o.name for o in organisations if o.kind == "local_authority"] or ["Croydon Council"]
            self.prisons = [o.name for o in organisations if o.kind == "prison"] or ["HMP Exeter"]
        except Exception:  # noqa: BLE001 - the gazetteer is only a source of names here
            self.forces, self.councils, self.prisons = ["Kent Police"], ["Croydon Council"], ["HMP Exeter"]

    # Figures: decimals and odd counts make new strings, as a real crawl does.
    def percent(self) -> str:
        return self.random.choice([f"{self.random.uniform(1, 99):.1f} per cent", f"{self.random.uniform(1, 99):.1f}%", f"{self.random.randint(1, 99)}%"])

    def count(self) -> str:
        n = self.random.choice([self.random.randint(2, 999), self.random.randint(1000, 99999)])
        return f"{n:,}"

    def money(self) -> str:
        return self.random.choice([f"£{self.random.uniform(0.5, 99):.1f}m", f"£{self.random.uniform(1, 900):.1f} million", f"£{self.random.randint(10, 999):,},000"])

    def duration(self) -> str:
        return f"{self.random.randint(2, 90)} {self.random.choice(['minutes', 'hours', 'days', 'weeks', 'months'])}"

    def year(self) -> int:
        return self.random.randint(2014, 2025)

    def figure_sentence(self, subject: str) -> str:
        r = self.random
        topic = r.choice(TOPICS)
        return r.choice([
            f"{subject} answered {self.percent()} of {topic} within the target time.",
            f"There were {self.count()} {topic} in {self.year()}, up from {self.count()} the year before.",
            f"The number of {topic} rose by {self.percent()} to {self.count()}.",
            f"{subject} has a budget of {self.money()} and faces savings of {self.money()} by {self.year() + 2}.",
            f"Victims waited an average of {self.duration()} for {topic} to be reviewed.",
            f"Only {self.percent()} of {topic} resulted in a charge, compared with {self.percent()} nationally.",
            f"Around one in {r.randint(3, 12)} {topic} were not recorded correctly.",
            f"Inspectors reviewed {r.randint(20, 400)} case files and found {r.randint(2, 60)} with errors.",
        ])

    def paragraph(self, subject: str, words: int) -> str:
        sentences = []
        while sum(len(s.split()) for s in sentences) < words:
            if self.random.random() < 0.55:
                sentences.append(self.figure_sentence(subject))
            else:
                sentences.append(self.random.choice(FILLER))
        return " ".join(sentences)

    def document(self, n: int) -> Document:
        r = self.random
        builder = DocumentBuilder()
        target = r.randint(300, 600)
        kind = r.choice(["peel", "peel", "ofsted", "prison", "news", "news", "press-release"])
        published = f"{self.year()}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        outlet = None
        if kind in ("peel", "news", "press-release"):
            subject, areas, grades = r.choice(self.forces), PEEL_AREAS, PEEL_GRADES
        elif kind == "ofsted":
            subject, areas, grades = r.choice(self.councils), OFSTED_AREAS, OFSTED_GRADES
        else:
            subject, areas, grades = r.choice(self.prisons), PRISON_AREAS, PRISON_GRADES
        graded = [(area, r.choice(grades)) for area in r.sample(areas, k=min(len(areas), r.randint(3, 6)))]
        if kind == "peel":
            title = f"PEEL {self.year()}-{r.randint(23, 25)}: An inspection of {subject}"
            builder.add("heading", title, level=1)
            builder.add("paragraph", f"Inspection dates: {r.randint(1, 28)} {r.choice(MONTHS)} {self.year()}")
            builder.add("heading", "Our judgements", level=2)
            for area, grade in graded:
                builder.add("table_row", f"{area.capitalize()} | {grade.capitalize()}")
            builder.add("paragraph", f"We graded {subject} {graded[0][1]} at {graded[0][0]}. " + self.paragraph(subject, 40))
            builder.add("heading", "Areas for improvement", level=2)
            builder.add("list_item", f"{subject} should improve how it supervises investigations within {self.duration()}.")
        elif kind == "ofsted":
            title = f"Inspection of {subject} children's services"
            builder.add("heading", title, level=1)
            builder.add("paragraph", f"Inspection dates: {r.randint(1, 28)} {r.choice(MONTHS)} {self.year()}")
            for area, grade in graded:
                builder.add("table_row", f"The {area.split(' of ', 1)[-1] if area.startswith('the impact') else area} | {grade.capitalize()}")
            builder.add("paragraph", f"Overall effectiveness: {r.choice(grades)}. " + self.paragraph(subject, 40))
            builder.add("heading", "What needs to improve?", level=2)
            builder.add("list_item", f"The timeliness of assessments for {r.choice(TOPICS)}.")
        elif kind == "prison":
            title = f"Report on an unannounced inspection of {subject}"
            builder.add("heading", title, level=1)
            builder.add("paragraph", f"by HM Chief Inspector of Prisons, {r.randint(1, 28)} {r.choice(MONTHS)} {self.year()}")
            for area, grade in graded:
                builder.add("table_row", f"{area.capitalize()} | {grade}")
            builder.add("heading", "Key concerns", level=2)
            builder.add("list_item", f"Too many prisoners spent more than {r.randint(18, 23)} hours a day locked in their cells.")
        else:
            outlet = r.choice(OUTLETS)
            area, grade = graded[0]
            title = f"{subject} rated '{grade}' at {area} by police watchdog"
            builder.add("heading", title, level=1)
            if kind == "press-release":
                builder.add("paragraph", f"Press release, {r.randint(1, 28)} {r.choice(MONTHS)} {self.year()}")
            builder.add("paragraph", f"{subject} has been rated {grade} at {area} and {graded[1][1]} at {graded[1][0]}, His Majesty's Inspectorate of Constabulary said in a report published today.")
            builder.add("paragraph", f"Inspectors found that {r.choice(FILLER).lower()}")
        while len(builder.text.split()) < target:
            builder.add("paragraph", self.paragraph(subject, r.randint(40, 90)))
        if kind in ("news", "press-release"):
            builder.add("paragraph", f"A spokesperson for {subject} said: \"We welcome the report and are already acting on it.\"")
        document = builder.build("text/html", title=title, published=published, publisher=outlet if kind == "news" else None)
        document.url = f"synthetic://{kind}/{n}"
        document.content_hash = hashlib.sha256(f"{n}\n{document.text}".encode()).hexdigest()
        return document

    def documents(self, count: int) -> Iterator[Document]:
        for n in range(count):
            yield self.document(n)


# --- one variant in this process ---------------------------------------------


def run_variant(variant: str, docs: int, every: int, seed: int) -> None:
    """Run one variant here and print its series (called in a child process)."""
    from miner.nlp.pipeline import Extractor

    extractor = Extractor()
    writer = tmp = None
    if variant == "store":
        from miner.store import DocumentWriter, open_database

        tmp = tempfile.TemporaryDirectory(prefix="miner-memory-")
        writer = DocumentWriter(open_database(os.path.join(tmp.name, "memory.db")))
    corpus = SyntheticCorpus(seed)
    words = records = 0
    start = time.perf_counter()
    samples: list[tuple[int, int]] = [(0, rss_bytes())]
    print(f"{variant}: pipeline {extractor.version}, pid {os.getpid()}", flush=True)
    print(f"{variant}: {'docs':>8}{'RSS MiB':>10}{'peak MiB':>10}{'strings':>10}{'seconds':>9}{'docs/s':>8}", flush=True)
    print(f"{variant}: {0:>8}{samples[0][1] / 2**20:>10.1f}{peak_rss_bytes() / 2**20:>10.1f}{len(extractor.nlp.vocab.strings):>10,}{0:>9.0f}{'':>8}", flush=True)
    for n, document in enumerate(corpus.documents(docs), 1):
        words += len(document.text.split())
        extraction = extractor.extract(document)
        records += len(extraction.gradings) + len(extraction.findings) + len(extraction.statistics)
        if writer is not None:
            writer.save(document, extraction, pipeline=extractor.version)
        if n % every == 0 or n == docs:
            elapsed = time.perf_counter() - start
            samples.append((n, rss_bytes()))
            print(
                f"{variant}: {n:>8}{samples[-1][1] / 2**20:>10.1f}{peak_rss_bytes() / 2**20:>10.1f}"
                f"{len(extractor.nlp.vocab.strings):>10,}{elapsed:>9.0f}{n / elapsed:>8.0f}",
                flush=True,
            )
    elapsed = time.perf_counter() - start
    mark = next(rss for n, rss in samples if n >= docs * 0.10)
    end = samples[-1][1]
    steady = [rss for n, rss in samples if n >= docs * 0.10]
    growth = (end - mark) / mark
    verdict = "flat" if growth < TARGET_GROWTH else "GROWING"
    db_size = ""
    if writer is not None:
        writer.db.close()
        db_size = f", database {sum(os.path.getsize(os.path.join(tmp.name, f)) for f in os.listdir(tmp.name)) / 2**20:.0f} MiB"
        tmp.cleanup()
    print(
        f"{variant}: RESULT {docs:,} documents, {words:,} words, {records:,} records in {elapsed:.0f} s ({words / elapsed:,.0f} words/s){db_size}; "
        f"RSS at 10% {mark / 2**20:.1f} MiB, end {end / 2**20:.1f} MiB, growth {growth:+.1%} ({verdict}; target < {TARGET_GROWTH:.0%}); "
        f"steady-state mean {sum(steady) / len(steady) / 2**20:.1f} MiB; peak {peak_rss_bytes() / 2**20:.1f} MiB",
        flush=True,
    )


# --- the parent --------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000, help="synthetic documents per variant (default 100,000)")
    parser.add_argument("--every", type=int, default=5_000, help="sample RSS every this many documents (default 5,000)")
    parser.add_argument("--variant", choices=[*VARIANTS, "both"], default="both", help="both (default) runs extract and store")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sequential", action="store_true", help="run the variants one after the other even with spare cores")
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)  # how the parent starts a child
    args = parser.parse_args()
    if args.docs < 1 or args.every < 1:
        parser.error("--docs and --every must be positive")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # unwind: children stop, temporary databases go
    if args.in_process:
        run_variant(args.variant, args.docs, args.every, args.seed)
        return

    print_machine()
    variants = VARIANTS if args.variant == "both" else (args.variant,)
    print(f"{args.docs:,} synthetic documents per variant ({', '.join(variants)}), RSS every {args.every:,}; "
          f"RSS from {'psutil' if _has_psutil() else '/proc/self/statm'}, peak from getrusage\n", flush=True)
    workers = 1 if args.sequential else min(len(variants), os.cpu_count() or 1)

    def child(variant: str) -> int:
        command = [sys.executable, __file__, "--in-process", "--variant", variant, "--docs", str(args.docs), "--every", str(args.every), "--seed", str(args.seed)]
        with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
            children.append(process)
            for line in process.stdout:
                print(line, end="", flush=True)
        return process.returncode

    children: list[subprocess.Popen] = []
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        codes = list(pool.map(child, variants))
    finally:
        for process in children:
            if process.poll() is None:
                process.terminate()
        pool.shutdown(cancel_futures=True)
    if any(codes):
        sys.exit(1)


def _has_psutil() -> bool:
    try:
        import psutil  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    main()
