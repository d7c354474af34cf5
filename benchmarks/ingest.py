"""End-to-end `miner ingest`: documents per second with --jobs 1 and 2, and a re-run.

Builds synthetic PDF reports for each --sections value (rendered with fpdf2;
each joins that many report bodies from `memory.py`'s `SyntheticCorpus`:
4 sections make a 4-page, 2,000-word report, 40 a 40-page, 20,000-word one
like a real inspection report of 20 to 60 pages; --docs of the short ones,
--long-docs of those of 20 sections or more) and --docs HTML news articles
in a temporary folder. By default both sizes are timed. For each corpus and each --jobs
value it times the whole command

    python -m miner ingest DB FOLDER -s -j N

into a fresh database (wall clock, interpreter start and pipeline loading
included: what an analyst waits for), best of --runs, and the same command
over a folder holding only the first document: the fixed start-up cost.
`steady documents/s` is (docs - 1) / (whole - start-up), the rate once
running, which is what more jobs can speed up. `CPU s` is the user+system
time of the command and all its processes, split into the ingest process
itself (`parent`: imports, loading the pipeline, reading, hashing, writing;
with one job also extracting) and its reaped children (workers and sandboxed
converters): on a shared machine CPU seconds say more than wall time.
Then it runs the one-job command again over the unchanged folder into the
same database and reports that re-run as a percentage of the first run.

Targets (issue 6): --jobs 2 at least 1.7 times one job on PDF ingest; a
re-run under 5% of the first run's time. On a shared machine wall-clock
figures depend on what else runs: the load average is printed before and after.

Usage:
    python benchmarks/ingest.py                   # 150 short PDFs, 40 real-sized ones, 150 articles
    python benchmarks/ingest.py --sections 40 --long-docs 100 --kinds pdf   # real-sized reports only
    python benchmarks/ingest.py --docs 40 --long-docs 20 --runs 2 --kinds pdf
    python benchmarks/ingest.py --jobs 1 2 4
"""

from __future__ import annotations

import argparse
import compileall
import html
import json
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

from corpus import ROOT, print_machine
from memory import SyntheticCorpus

from miner.document import Document

TARGET_SPEEDUP = 1.7
TARGET_RERUN = 0.05
REPORT_KINDS = ("peel", "ofsted", "prison")


def synthetic_documents(count: int, kinds: tuple[str, ...], seed: int) -> list[Document]:
    """The first `count` synthetic documents whose kind is one of `kinds`."""
    corpus = SyntheticCorpus(seed)
    documents: list[Document] = []
    n = 0
    while len(documents) < count:
        document = corpus.document(n)
        n += 1
        if document.url and document.url.split("/")[2] in kinds:
            documents.append(document)
    return documents


def _latin1(text: str) -> str:
    # fpdf2's core fonts are Latin-1; the synthetic text is nearly all inside it.
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"').encode("latin-1", "replace").decode("latin-1")


def write_pdf(documents: list[Document], path: pathlib.Path) -> int:
    """A report as an inspectorate would publish it: headings, grade tables, paragraphs, page numbers; its page count."""
    from fpdf import FPDF

    class Report(FPDF):
        def footer(self):
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, str(self.page_no()), align="C")

    pdf = Report()
    pdf.set_creation_date(__import__("datetime").datetime(2024, 1, 1, tzinfo=__import__("datetime").timezone.utc))
    pdf.set_title(_latin1(documents[0].title or ""))
    pdf.add_page()
    for block in (block for document in documents for block in document.blocks):
        text = _latin1(block.text)
        if block.kind == "heading":
            pdf.set_font("Helvetica", style="B", size=14)
            pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
        elif block.kind == "table_row":
            pdf.set_font("Helvetica", size=10)
            for cell in text.split(" | "):
                pdf.cell(90, 7, cell[:48], border=1)
            pdf.ln(7)
            continue
        else:
            pdf.set_font("Helvetica", size=11)
            pdf.multi_cell(0, 6, ("- " if block.kind == "list_item" else "") + text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))
    return pdf.page


def write_html(document: Document, path: pathlib.Path) -> None:
    """A news article page: site chrome around an <article> with a headline and paragraphs."""
    body = []
    for block in document.blocks[1:]:  # the first is the headline
        tag = "h2" if block.kind == "heading" else "p"
        body.append(f"<{tag}>{html.escape(block.text)}</{tag}>")
    paragraphs = "\n".join(body)
    page = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{html.escape(document.title or "")}</title>
<meta property="og:site_name" content="{html.escape(document.publisher or "")}">
<meta property="article:published_time" content="{document.published}"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{html.escape(document.title or "")}</h1>
<p class="byline">By a staff reporter, {html.escape(document.publisher or "")}</p>
{paragraphs}
</article><footer>Copyright {html.escape(document.publisher or "")}</footer></body></html>
"""
    path.write_text(page, encoding="utf-8")


LONG_SECTIONS = 20  # from this many sections per report, --long-docs of them


def build_corpus(folder: pathlib.Path, kinds: list[str], docs: int, sections: list[int], seed: int, long_docs: int) -> dict[str, tuple[pathlib.Path, str]]:
    """One folder per kind and PDF size: {name: (folder, description)}."""
    folders: dict[str, tuple[pathlib.Path, str]] = {}
    short_docs = docs
    if "pdf" in kinds:
        for n in sections:
            docs = long_docs if n >= LONG_SECTIONS else short_docs
            sub = folder / f"pdf-{n}"
            sub.mkdir(parents=True)
            bodies = synthetic_documents(docs * n, REPORT_KINDS, seed)
            pages = words = 0
            for i in range(docs):
                part = bodies[i * n:(i + 1) * n]
                pages += write_pdf(part, sub / f"report-{i:05d}.pdf")
                words += sum(len(d.text.split()) for d in part)
            folders[f"pdf-{n}"] = (sub, f"{docs} PDF reports of {n} sections: {pages / docs:.0f} pages, {words / docs:,.0f} words each on average")
    docs = short_docs
    if "html" in kinds:
        sub = folder / "html"
        sub.mkdir(parents=True)
        words = 0
        for i, document in enumerate(synthetic_documents(docs, ("news", "press-release"), seed + 1)):
            write_html(document, sub / f"article-{i:05d}.html")
            words += len(document.text.split())
        folders["html"] = (sub, f"{docs} HTML articles: {words / docs:,.0f} words each on average")
    return folders


# Runs `miner ingest` as `python -m miner` would, and on exit writes the
# command's own CPU seconds (the parent: reading, hashing, writing) apart from
# its reaped children's (workers and their sandboxed converters, or with one
# job the converter alone).
RUNNER = """
import atexit, json, os, resource, sys
out = os.environ.pop("MINER_BENCH_RUSAGE")
def report():
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out, "w") as f:
        json.dump({"parent": own.ru_utime + own.ru_stime, "children": children.ru_utime + children.ru_stime}, f)
atexit.register(report)
from miner.cli import cli
cli(sys.argv[1:], prog_name="miner")
"""


@dataclass
class Run:
    seconds: float  # wall clock of the whole command
    cpu: float  # user+system of the command and every process it started
    parent_cpu: float
    children_cpu: float
    summary: dict


def run_ingest(db: pathlib.Path, folder: pathlib.Path, jobs: int) -> Run:
    """One `miner ingest` command: its times and its JSON summary."""
    args = ["ingest", str(db), str(folder), "-s", "--json", "-j", str(jobs)]
    rusage = db.with_suffix(".rusage.json")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), "MINER_BENCH_RUSAGE": str(rusage)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUNNER, *args], capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"benchmark: `miner {' '.join(args)}` failed ({done.returncode}):\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    times = json.loads(rusage.read_text())
    return Run(elapsed, cpu, times["parent"], times["children"], json.loads(done.stdout))


def best_run(tmp_path: pathlib.Path, name: str, folder: pathlib.Path, jobs: int, runs: int, expected: int) -> tuple[Run, pathlib.Path]:
    """The fastest of `runs` ingests into fresh databases, and its database."""
    best = None
    for run in range(runs):
        db = tmp_path / f"{name}-j{jobs}-r{run}.db"
        measured = run_ingest(db, folder, jobs)
        if measured.summary["added"] != expected:
            sys.exit(f"benchmark: {name} with --jobs {jobs} stored {measured.summary['added']} of {expected} documents")
        if best is None or measured.seconds < best[0].seconds:
            best = (measured, db)
    assert best is not None
    return best


def loadavg() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=150, help="short PDF reports, and HTML articles (default 150)")
    parser.add_argument("--long-docs", type=int, default=40, help=f"PDF reports of {LONG_SECTIONS} sections or more (default 40)")
    parser.add_argument("--sections", type=int, nargs="+", default=[4, 40], help="synthetic report bodies per PDF, one corpus per value "
                        "(default 4 40: 4 pages and 2,000 words; 40 pages and 20,000 words, like a real report)")
    parser.add_argument("--runs", type=int, default=1, help="best of this many runs per measurement (default 1)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time (default 1 2)")
    parser.add_argument("--kinds", nargs="+", choices=["pdf", "html"], default=["pdf", "html"])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if min(args.docs, args.long_docs) < 2 or args.runs < 1 or min(args.sections) < 1:
        parser.error("--docs and --long-docs must be at least 2, --runs and --sections positive")
    # An installed miner has its bytecode: pip compiles it, and an editable
    # install writes it on first import, unless PYTHONDONTWRITEBYTECODE is set
    # (as on the machine these figures were taken on). Without it every timed
    # command would compile miner's sources again: a tenth of a second of start-up.
    compileall.compile_dir(ROOT / "miner", quiet=1)

    print_machine()
    print(f"load average at start: {loadavg()}")
    with tempfile.TemporaryDirectory(prefix="miner-bench-ingest-") as tmp:
        tmp_path = pathlib.Path(tmp)
        start = time.perf_counter()
        corpora = build_corpus(tmp_path / "corpus", args.kinds, args.docs, args.sections, args.seed, args.long_docs)
        print(f"built in {time.perf_counter() - start:.1f} s; best of {args.runs} run(s) each:")
        for name, (_, description) in corpora.items():
            print(f"- {name}: {description}")
        print("\n`parent CPU s` is the ingest process itself (reading, hashing, writing; with one job also extracting), "
              "`children CPU s` its workers and sandboxed converters.\n")
        print("| corpus | jobs | whole (s) | documents/s | speed-up | start-up, 1 document (s) | steady documents/s | steady speed-up "
              "| CPU s | parent CPU s | children CPU s |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        reruns = []
        for name, (folder, _) in corpora.items():
            docs = len(list(folder.iterdir()))
            single = tmp_path / "single" / name
            single.mkdir(parents=True)
            shutil.copy(sorted(folder.iterdir())[0], single)
            baseline = None
            first = None
            for jobs in args.jobs:
                whole, db = best_run(tmp_path, name, folder, jobs, args.runs, docs)
                startup, _ = best_run(tmp_path, f"{name}-single", single, jobs, args.runs, 1)
                steady = (docs - 1) / max(whole.seconds - startup.seconds, 1e-9)
                baseline = baseline or (whole.seconds, steady)
                first = first or (whole.seconds, db)
                print(f"| {name} | {jobs} | {whole.seconds:.1f} | {docs / whole.seconds:.2f} | {baseline[0] / whole.seconds:.2f}x | "
                      f"{startup.seconds:.1f} | {steady:.2f} | {steady / baseline[1]:.2f}x | {whole.cpu:.1f} | {whole.parent_cpu:.1f} | "
                      f"{whole.children_cpu:.1f} |", flush=True)
            first_time, db = first
            rerun = run_ingest(db, folder, args.jobs[0])
            reruns.append((name, first_time, rerun.seconds, rerun.summary["skipped"], rerun.summary["unchanged"]))
        print("\n| corpus | first run (s) | re-run (s) | re-run / first | skipped unread | unchanged |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, first_time, rerun_time, skipped, unchanged in reruns:
            print(f"| {name} | {first_time:.1f} | {rerun_time:.2f} | {rerun_time / first_time:.1%} | {skipped} | {unchanged} |")
    print(f"\ntargets: --jobs 2 >= {TARGET_SPEEDUP}x one job on PDF ingest; re-run < {TARGET_RERUN:.0%} of the first run")
    print(f"load average at end: {loadavg()}")


if __name__ == "__main__":
    main()
