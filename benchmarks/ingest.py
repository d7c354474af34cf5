"""End-to-end `miner ingest`: documents per second with --jobs 1 and 2, and a re-run.

Builds --docs synthetic PDF reports (rendered with fpdf2; each joins
--sections report bodies from `memory.py`'s `SyntheticCorpus`, a few pages
like a short inspection report) and --docs HTML news articles in a temporary
folder. For each kind and each --jobs value it times the whole command

    python -m miner ingest DB FOLDER -s -j N

into a fresh database (wall clock, interpreter start and pipeline loading
included: what an analyst waits for), best of --runs, and the same command
over a folder holding only the first document: the fixed start-up cost.
`steady documents/s` is (docs - 1) / (whole - start-up), the rate once
running, which is what more jobs can speed up. `CPU s` is the user+system
time of the command and all its processes: more jobs should not add much.
Then it runs the one-job command again over the unchanged folder into the
same database and reports that re-run as a percentage of the first run.

Targets (issue 6): --jobs 2 at least 1.7 times one job on PDF ingest; a
re-run under 5% of the first run's time. On a shared machine wall-clock
figures depend on what else runs: the load average is printed before and after.

Usage:
    python benchmarks/ingest.py                   # 150 PDFs and 150 articles, one run each
    python benchmarks/ingest.py --docs 40 --runs 2 --kinds pdf
    python benchmarks/ingest.py --jobs 1 2 4
"""

from __future__ import annotations

import argparse
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


def write_pdf(documents: list[Document], path: pathlib.Path) -> None:
    """A report as an inspectorate would publish it: headings, grade tables, paragraphs, page numbers."""
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


def build_corpus(folder: pathlib.Path, kinds: list[str], docs: int, sections: int, seed: int) -> dict[str, pathlib.Path]:
    folders = {kind: folder / kind for kind in kinds}
    for sub in folders.values():
        sub.mkdir(parents=True)
    if "pdf" in folders:
        bodies = synthetic_documents(docs * sections, REPORT_KINDS, seed)
        for i in range(docs):
            write_pdf(bodies[i * sections:(i + 1) * sections], folders["pdf"] / f"report-{i:05d}.pdf")
    if "html" in folders:
        for i, document in enumerate(synthetic_documents(docs, ("news", "press-release"), seed + 1)):
            write_html(document, folders["html"] / f"article-{i:05d}.html")
    return folders


def run_ingest(db: pathlib.Path, folder: pathlib.Path, jobs: int) -> tuple[float, float, dict]:
    """Wall-clock and CPU seconds of one `miner ingest` command, and its JSON summary."""
    command = [sys.executable, "-m", "miner", "ingest", str(db), str(folder), "-s", "--json", "-j", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"benchmark: `{' '.join(command)}` failed ({done.returncode}):\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu, json.loads(done.stdout)


def best_run(tmp_path: pathlib.Path, name: str, folder: pathlib.Path, jobs: int, runs: int, expected: int) -> tuple[float, float, pathlib.Path]:
    """The fastest of `runs` ingests into fresh databases: (seconds, CPU seconds, its database)."""
    best = None
    for run in range(runs):
        db = tmp_path / f"{name}-j{jobs}-r{run}.db"
        elapsed, cpu, summary = run_ingest(db, folder, jobs)
        if summary["added"] != expected:
            sys.exit(f"benchmark: {name} with --jobs {jobs} stored {summary['added']} of {expected} documents")
        if best is None or elapsed < best[0]:
            best = (elapsed, cpu, db)
    assert best is not None
    return best


def loadavg() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=150, help="PDF reports, and as many HTML articles (default 150)")
    parser.add_argument("--sections", type=int, default=4, help="synthetic report bodies per PDF (default 4: about 2,000 words)")
    parser.add_argument("--runs", type=int, default=1, help="best of this many runs per measurement (default 1)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time (default 1 2)")
    parser.add_argument("--kinds", nargs="+", choices=["pdf", "html"], default=["pdf", "html"])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.docs < 2 or args.runs < 1 or args.sections < 1:
        parser.error("--docs must be at least 2, --runs and --sections positive")

    print_machine()
    print(f"load average at start: {loadavg()}")
    with tempfile.TemporaryDirectory(prefix="miner-bench-ingest-") as tmp:
        tmp_path = pathlib.Path(tmp)
        start = time.perf_counter()
        folders = build_corpus(tmp_path / "corpus", args.kinds, args.docs, args.sections, args.seed)
        print(f"built {args.docs} documents of each kind ({', '.join(args.kinds)}; {args.sections} sections per PDF) "
              f"in {time.perf_counter() - start:.1f} s; best of {args.runs} run(s) each\n")
        print("| kind | jobs | whole (s) | documents/s | speed-up | start-up, 1 document (s) | steady documents/s | steady speed-up | CPU s |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        reruns = []
        for kind in args.kinds:
            single = tmp_path / "single" / kind
            single.mkdir(parents=True)
            shutil.copy(sorted(folders[kind].iterdir())[0], single)
            baseline = None
            first = None
            for jobs in args.jobs:
                whole, cpu, db = best_run(tmp_path, kind, folders[kind], jobs, args.runs, args.docs)
                startup, _, _ = best_run(tmp_path, f"{kind}-single", single, jobs, args.runs, 1)
                steady = (args.docs - 1) / max(whole - startup, 1e-9)
                baseline = baseline or (whole, steady)
                first = first or (whole, db)
                print(f"| {kind} | {jobs} | {whole:.1f} | {args.docs / whole:.2f} | {baseline[0] / whole:.2f}x | {startup:.1f} | "
                      f"{steady:.2f} | {steady / baseline[1]:.2f}x | {cpu:.1f} |", flush=True)
            first_time, db = first
            rerun_time, _, summary = run_ingest(db, folders[kind], args.jobs[0])
            reruns.append((kind, first_time, rerun_time, summary["skipped"], summary["unchanged"]))
        print("\n| kind | first run (s) | re-run (s) | re-run / first | skipped unread | unchanged |")
        print("|---|---:|---:|---:|---:|---:|")
        for kind, first_time, rerun_time, skipped, unchanged in reruns:
            print(f"| {kind} | {first_time:.1f} | {rerun_time:.2f} | {rerun_time / first_time:.1%} | {skipped} | {unchanged} |")
    print(f"\ntargets: --jobs 2 >= {TARGET_SPEEDUP}x one job on PDF ingest; re-run < {TARGET_RERUN:.0%} of the first run")
    print(f"load average at end: {loadavg()}")


if __name__ == "__main__":
    main()
