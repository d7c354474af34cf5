"""A document from a few lines of text, written the way the gradings tests write them.

"# " starts a second-level heading, "- " a list item and "|" a table row (cells
between pipes); any other line is a paragraph. The title is the first-level heading.
"""

from __future__ import annotations

from miner.document import Document, DocumentBuilder


def document_from_lines(lines, title: str, *, published: str, kind: str) -> Document:
    builder = DocumentBuilder()
    builder.add("heading", title, level=1)
    for line in lines:
        if line.startswith("# "):
            builder.add("heading", line[2:], level=2)
        elif line.startswith("- "):
            builder.add("list_item", line[2:])
        elif line.startswith("|"):
            builder.add("table_row", " | ".join(c.strip() for c in line.strip("|").split("|")))
        else:
            builder.add("paragraph", line)
    return builder.build("text/html", title=title, published=published, kind=kind)


def grading_rows(extraction) -> set[tuple]:
    """Each grading of an extraction as the phrasing tables write their expected
    records: (organisation, area, grade, previous, count, out_of)."""
    return {(g.organisation_id, g.area, g.grade, g.previous, g.count, g.out_of) for g in extraction.gradings}
