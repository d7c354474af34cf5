"""Plain-text rendering of one document's extraction, for `miner show`."""

from __future__ import annotations

import shutil
import textwrap

from miner.document import Document
from miner.nlp.records import Extraction


def _table(headers: list[str], rows: list[list[str]], widths: list[int]) -> str:
    def fmt(cells):
        return "  ".join(str(c if c is not None else "")[:w].ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [fmt(headers), fmt(["-" * w for w in widths])]
    out += [fmt(r) for r in rows]
    return "\n".join(out)


def render_extraction(document: Document, extraction: Extraction) -> str:
    width = max(80, min(shutil.get_terminal_size((120, 20)).columns, 160))
    evidence_width = max(30, width - 70)
    inspection = extraction.inspection
    parts = [
        document.title or document.url or "document",
        f"{document.url or ''}",
        f"kind: {extraction.kind}   subject: {extraction.subject_id or '-'}   inspectorate: {inspection.inspectorate or '-'}"
        f"   programme: {inspection.programme or '-'}   date: {inspection.date or '-'}",
        "",
        f"GRADINGS ({len(extraction.gradings)})",
        _table(
            ["organisation", "area", "grade", "count", "prev", "year", "evidence"],
            [[g.organisation_id, g.area or "-", g.grade, "" if g.count is None else f"{g.count}/{g.out_of or '?'}",
              "yes" if g.previous else "", g.year, g.evidence.sentence] for g in extraction.gradings],
            [26, 28, 31, 6, 4, 4, max(30, evidence_width - 21)],
        ),
        "",
        f"STATISTICS ({len(extraction.statistics)})",
        _table(
            ["value", "unit", "measure", "period", "change", "text"],
            [[f"{s.value:g}", s.unit, s.measure, s.period,
              (f"{s.change_from:g}->{s.change_to:g}" if s.change_from is not None and s.change_to is not None else s.direction or ""),
              s.text] for s in extraction.statistics],
            [12, 10, 26, 12, 14, evidence_width],
        ),
        "",
        f"FINDINGS ({len(extraction.findings)})",
    ]
    for f in extraction.findings:
        parts.append(f"- [{f.kind} | {f.polarity} | {f.topic or '-'}] (page {f.evidence.page or '-'})")
        parts.append(textwrap.indent(textwrap.fill(f.text, width - 4), "    "))
    return "\n".join(parts)
