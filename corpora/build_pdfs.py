"""Render the corpus's PDF sources: every `corpora/sources/**/*.txt` becomes
`corpora/documents/**/*.pdf` (same relative path), laid out like a published
inspection report so that text extraction meets what it meets in the wild:
running headers, page numbers, wrapped paragraphs, bullets with hanging
indents, numbered paragraphs and bordered tables whose cells wrap.

Usage:
    python corpora/build_pdfs.py            # render every source
    python corpora/build_pdfs.py peel/x.txt # render some (paths under sources/)
    python corpora/build_pdfs.py --check    # fail if a PDF is missing or stale

Source markup (one construct per line group; a blank line ends a paragraph):

    % title: Report title            document metadata (not printed)
    % header: Running header         printed at the top of every page
    % footer: page                   page number at the bottom of every page;
                                     any other text is a template with {n} and
                                     {total}, e.g. "Page {n} of {total}"
    % author: Inspectorate name      metadata
    % date: 2025-02-07               metadata creation date (also fixes the bytes)
    # Heading level 1
    ## Heading level 2
    ### Heading level 3
    Paragraph text; consecutive lines are joined with a space.
    - bullet item (printed with a "◼" bullet and a hanging indent)
    * bullet item (printed with a "•" bullet)
    1. numbered paragraph (number in the margin, hanging indent)
    | Area | Grade |                 consecutive '|' lines form a bordered table;
    | Investigating crime | Adequate |  the first row is the (bold) header row
    ===                              page break
    @@ left text @@ right text       two columns side by side (extraction reads
                                     across them, line by line)
    % hyphenate: yes                 break long words at line ends with a hyphen
                                     ("inade-" / "quate"), as typeset reports do;
    ~ Paragraph text                 ...except in a paragraph that starts "~ "

Everything the reader sees comes from the source's body lines, so gold
evidence can be taken from the .txt file verbatim (one line = one block).
Output is deterministic: re-running gives byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

ROOT = Path(__file__).resolve().parent
SOURCES = ROOT / "sources"
DOCUMENTS = ROOT / "documents"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = "DejaVu"
DEFAULT_DATE = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)

BODY_SIZE = 10.5
LINE = 5.4  # mm per body line
HEADING_SIZES = {1: 17, 2: 13.5, 3: 11.5}
INDENT = 7.0  # hanging indent for bullets and numbered paragraphs

_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(.*)$")
_META = re.compile(r"^%\s*([A-Za-z_-]+)\s*:\s*(.*)$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


@dataclass
class Block:
    kind: str  # heading, paragraph, bullet, numbered, table, pagebreak
    text: str = ""
    level: int = 0
    marker: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Source:
    meta: dict[str, str]
    blocks: list[Block]


def parse(text: str) -> Source:
    """Source markup -> metadata and blocks."""
    meta: dict[str, str] = {}
    blocks: list[Block] = []
    paragraph: list[str] = []
    table_open = False

    def flush() -> None:
        if paragraph:
            text = " ".join(paragraph)
            keep = text.startswith("~ ")  # "~ " opts a paragraph out of hyphenation
            blocks.append(Block("paragraph", text[2:] if keep else text, marker="keep" if keep else ""))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        in_table, table_open = table_open, False
        meta_match = _META.match(stripped)
        if meta_match and not blocks and not paragraph:
            meta[meta_match.group(1).lower()] = meta_match.group(2).strip()
            continue
        if not stripped:
            flush()
            continue
        if stripped.startswith("@@ ") and " @@ " in stripped:
            flush()
            left, right = stripped[3:].split(" @@ ", 1)
            blocks.append(Block("columns", rows=[[left.strip(), right.strip()]]))
            continue
        if stripped == "===":
            flush()
            blocks.append(Block("pagebreak"))
            continue
        heading = re.match(r"^(#{1,3})\s+(.*)$", stripped)
        if heading:
            flush()
            blocks.append(Block("heading", heading.group(2).strip(), level=len(heading.group(1))))
            continue
        if stripped.startswith("|"):
            flush()
            table_open = True
            if _TABLE_RULE.match(stripped):
                continue
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if in_table and blocks and blocks[-1].kind == "table":
                blocks[-1].rows.append(cells)
            else:
                blocks.append(Block("table", rows=[cells]))
            continue
        if stripped.startswith(("- ", "* ")):
            flush()
            marker = "◼" if stripped[0] == "-" else "•"
            blocks.append(Block("bullet", stripped[2:].strip(), marker=marker))
            continue
        numbered = _NUMBERED.match(stripped)
        if numbered and not paragraph:
            blocks.append(Block("numbered", numbered.group(2).strip(), marker=numbered.group(1) + "."))
            continue
        if blocks and blocks[-1].kind in ("bullet", "numbered") and not paragraph and raw[:1] in (" ", "\t"):
            blocks[-1].text += " " + stripped  # indented continuation of a list item
            continue
        paragraph.append(stripped)
    flush()
    return Source(meta, blocks)


def _creation_date(value: str | None) -> dt.datetime:
    if value:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        if match:
            return dt.datetime(*map(int, match.groups()), 9, 30, tzinfo=dt.timezone.utc)
    return DEFAULT_DATE


class ReportPDF(FPDF):
    def __init__(self, meta: dict[str, str]):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.meta = meta
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(22, 24, 22)
        self.set_auto_page_break(True, margin=22)
        self.alias_nb_pages("{total}")

    def header(self) -> None:
        text = self.meta.get("header")
        if not text:
            return
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        self.set_xy(self.l_margin, 10)
        self.cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(150, 150, 150)
        self.line(self.l_margin, 16, self.w - self.r_margin, 16)
        self.set_text_color(0, 0, 0)
        self.set_y(self.t_margin)

    def footer(self) -> None:
        template = self.meta.get("footer")
        if not template:
            return
        if template.strip().lower() == "page":
            text, align = str(self.page_no()), "C"
        else:
            text, align = template.replace("{n}", str(self.page_no())), "R"
        self.set_y(-14)
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, text, align=align)
        self.set_text_color(0, 0, 0)


def render(source: Source) -> bytes:
    pdf = ReportPDF(source.meta)
    pdf.set_creation_date(_creation_date(source.meta.get("date")))
    pdf.set_title(source.meta.get("title", ""))
    pdf.set_author(source.meta.get("author", ""))
    pdf.set_creator("miner corpora/build_pdfs.py")
    pdf.set_producer("fpdf2")
    pdf.set_lang("en-GB")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    previous = None
    for block in source.blocks:
        if block.kind == "pagebreak":
            pdf.add_page()
            previous = None
            continue
        if block.kind == "heading":
            size = HEADING_SIZES.get(block.level, 11.5)
            if previous is not None:
                pdf.ln(3 if block.level > 1 else 5)
            # Keep a heading with at least two lines of what follows.
            if pdf.get_y() + size * 0.5 + 3 * LINE > pdf.page_break_trigger:
                pdf.add_page()
            pdf.set_font(FONT, "B", size)
            pdf.multi_cell(width, size * 0.5, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
        elif block.kind == "paragraph":
            pdf.set_font(FONT, "", BODY_SIZE)
            text = _hyphenate(pdf, block.text, width) if source.meta.get("hyphenate") and not block.marker else block.text
            pdf.multi_cell(width, LINE, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2.5)
        elif block.kind == "columns":
            # Two columns written row by row, left line then right line, so
            # that text extraction reads across the columns as it does in the wild.
            pdf.set_font(FONT, "", BODY_SIZE)
            gap = 8.0
            half = (width - gap) / 2
            left, right = (pdf.multi_cell(half, LINE, t, dry_run=True, output="LINES") for t in block.rows[0])
            for i in range(max(len(left), len(right))):
                if pdf.get_y() + LINE > pdf.page_break_trigger:
                    pdf.add_page()
                y = pdf.get_y()
                if i < len(left):
                    pdf.set_xy(pdf.l_margin, y)
                    pdf.cell(half, LINE, left[i])
                if i < len(right):
                    pdf.set_xy(pdf.l_margin + half + gap, y)
                    pdf.cell(half, LINE, right[i])
                pdf.set_xy(pdf.l_margin, y + LINE)
            pdf.ln(2.5)
        elif block.kind in ("bullet", "numbered"):
            pdf.set_font(FONT, "", BODY_SIZE)
            indent = INDENT if block.kind == "bullet" else INDENT + 2
            if pdf.get_y() + LINE > pdf.page_break_trigger:
                pdf.add_page()
            y = pdf.get_y()
            pdf.set_x(pdf.l_margin)
            pdf.cell(indent, LINE, block.marker)
            pdf.set_xy(pdf.l_margin + indent, y)
            pdf.multi_cell(width - indent, LINE, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1.5 if block.kind == "bullet" else 2.5)
        elif block.kind == "table":
            _table(pdf, block.rows, width)
            pdf.ln(4)
        previous = block.kind
    return bytes(pdf.output())


def _hyphenate(pdf: FPDF, text: str, width: float) -> str:
    """Wrap `text` to `width` by hand, splitting a long word that does not
    fit at the end of a line into "inade-" and "quate" as typesetting does."""
    room = width - 2 * pdf.c_margin - 0.5
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if pdf.get_string_width(trial) <= room:
            line = trial
            continue
        core = word.rstrip(".,;:)'\"")
        split = None
        if len(core) >= 8 and core.isalpha():
            for cut in range(len(core) - 3, 3, -1):
                head = f"{line} {core[:cut]}-" if line else f"{core[:cut]}-"
                if pdf.get_string_width(head) <= room:
                    split = cut
                    break
        if split is not None:
            lines.append((f"{line} " if line else "") + core[:split] + "-")
            line = word[split:]
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return "\n".join(lines)


def _table(pdf: FPDF, rows: list[list[str]], width: float) -> None:
    columns = max(len(r) for r in rows)
    rows = [r + [""] * (columns - len(r)) for r in rows]
    longest = [max(len(r[i]) for r in rows) for i in range(columns)]
    weights = [min(max(n, 8), 60) for n in longest]
    # No column narrower than its longest word (set in bold for the header
    # row), so cells wrap between words and never inside one.
    padding = 2 * 1.6 + 1
    pdf.set_font(FONT, "B", BODY_SIZE - 0.5)
    minimum = [max(pdf.get_string_width(word) for r in rows for word in (r[i].split() or [""])) + padding for i in range(columns)]
    total = sum(weights)
    widths = [max(width * w / total, m) for w, m in zip(weights, minimum)]
    excess = sum(widths) - width
    if excess > 0:  # take the room back from the columns that have some to spare
        spare = [w - m for w, m in zip(widths, minimum)]
        widths = [w - excess * s / sum(spare) for w, s in zip(widths, spare)]
    weights = [round(w, 2) for w in widths]
    pdf.set_font(FONT, "", BODY_SIZE - 0.5)
    pdf.set_draw_color(120, 120, 120)
    with pdf.table(
        width=width,
        col_widths=tuple(weights),
        first_row_as_headings=True,
        headings_style=_heading_style(),
        line_height=LINE,
        text_align="LEFT",
        padding=1.6,
    ) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)


def _heading_style():
    from fpdf.fonts import FontFace

    return FontFace(family=FONT, emphasis="BOLD", fill_color=(225, 230, 236))


def build(paths: list[Path] | None = None, check: bool = False) -> int:
    sources = paths or sorted(SOURCES.rglob("*.txt"))
    problems = 0
    for path in sources:
        relative = path.relative_to(SOURCES)
        target = DOCUMENTS / relative.with_suffix(".pdf")
        data = render(parse(path.read_text(encoding="utf-8")))
        if check:
            if not target.exists() or target.read_bytes() != data:
                print(f"stale: {target.relative_to(ROOT)}", file=sys.stderr)
                problems += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
            print(f"wrote {target.relative_to(ROOT)} ({len(data):,} bytes)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", help="source files (relative to corpora/sources/ or absolute)")
    parser.add_argument("--check", action="store_true", help="only report PDFs that are missing or stale")
    args = parser.parse_args(argv)
    paths = []
    for name in args.sources:
        path = Path(name)
        if not path.is_absolute():
            path = (SOURCES / name) if (SOURCES / name).exists() else path.resolve()
        paths.append(path.resolve())
    problems = build(paths or None, check=args.check)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
