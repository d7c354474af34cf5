"""Plain text: paragraphs separated by blank lines; short title-like lines are headings."""

from __future__ import annotations

import re

from miner.document import Document, DocumentBuilder
from miner.text.decode import decode_text

_BULLET = re.compile(r"^\s*(?:[-*•◼▪●]|\(?\d{1,2}[.)])\s+")


def text_to_document(data: bytes | str) -> Document:
    text = data if isinstance(data, str) else decode_text(data)
    builder = DocumentBuilder()
    title = None
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(_BULLET.match(line) for line in lines):
            for line in lines:
                builder.add("list_item", _BULLET.sub("", line))
            continue
        joined = " ".join(line.strip() for line in lines)
        if len(lines) == 1 and len(joined) < 90 and not joined.rstrip().endswith((".", ",", ";")):
            level = 1 if title is None else 2
            builder.add("heading", joined, level=level)
            title = title or joined
        else:
            builder.add("paragraph", joined)
    return builder.build("text/plain", title=title)
