"""The `Document`: what every source becomes before extraction.

A document is its plain `text` plus the `blocks` that text was assembled
from (heading, paragraph, list item, table row), each knowing its character
span, page and heading path. Extraction records point back into `text` by
character offsets, so blocks let us say "page 4, under 'Causes of concern'".
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field

BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_row", "caption")
DOCUMENT_KINDS = ("report", "news", "press-release", "other")

# Blocks are separated by a blank line: readable when shown in Datasette, and
# the sentence splitter treats a newline as a hard boundary.
BLOCK_SEPARATOR = "\n\n"


@dataclass
class Block:
    kind: str
    text: str
    start: int
    end: int
    page: int | None = None
    heading: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {**dataclasses.asdict(self), "heading": list(self.heading)}

    @classmethod
    def from_dict(cls, data: dict) -> "Block":
        return cls(**{**data, "heading": tuple(data.get("heading") or ())})


@dataclass
class Document:
    text: str
    blocks: list[Block]
    media_type: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    kind: str | None = None
    author: str | None = None
    pages: int | None = None
    # Set by the caller: where the bytes came from and their hash.
    url: str | None = None
    content_hash: str | None = None
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data["blocks"] = [b.to_dict() for b in self.blocks]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Document":
        data = dict(data)
        data["blocks"] = [Block.from_dict(b) for b in data.get("blocks", [])]
        return cls(**data)

    def block_at(self, offset: int) -> Block | None:
        """The block containing character `offset` (binary search)."""
        lo, hi = 0, len(self.blocks) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            block = self.blocks[mid]
            if offset < block.start:
                hi = mid - 1
            elif offset >= block.end + len(BLOCK_SEPARATOR):
                lo = mid + 1
            else:
                return block
        return None


class DocumentBuilder:
    """Accumulates blocks, keeping offsets and the heading path consistent."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self._headings: list[tuple[int, str]] = []  # (level, text)

    def add(self, kind: str, text: str, *, page: int | None = None, level: int = 2) -> Block | None:
        text = normalise_space(text)
        if not text:
            return None
        if self._parts:
            self._parts.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        if kind == "heading":
            while self._headings and self._headings[-1][0] >= level:
                self._headings.pop()
            heading_path = tuple(h for _, h in self._headings)
            self._headings.append((level, text))
        else:
            heading_path = tuple(h for _, h in self._headings)
        block = Block(kind, text, start, self._length, page, heading_path)
        self.blocks.append(block)
        return block

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def build(self, media_type: str, **metadata) -> Document:
        # Titles and bylines come from meta tags and PDF info dictionaries,
        # as untrusted as the text: the same clean-up applies.
        metadata = {k: normalise_space(v) or None if isinstance(v, str) else v for k, v in metadata.items()}
        return Document(text=self.text, blocks=self.blocks, media_type=media_type, **metadata)


_SPACE_TRANSLATION = {ord(c): " " for c in "\t\r\n\f\v\u00a0\u2007\u202f\u2028\u2029"}
_INVISIBLE = {ord(c): None for c in "\u00ad\u200b\u200c\u200d\ufeff\x00"}
# Bidirectional controls (embeddings, overrides, isolates, marks): invisible,
# meaningless in English text, and able to make stored text display in an
# order other than the one it is searched and extracted in ("Trojan Source").
_INVISIBLE.update({ord(c): None for c in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"})
# Lone surrogates cannot be encoded as UTF-8, so cannot be stored.
_INVISIBLE.update({code: "\ufffd" for code in range(0xD800, 0xE000)})


def normalise_space(text: str) -> str:
    """One line, single spaces; soft hyphens, zero-width and bidirectional
    controls and NULs dropped; lone surrogates replaced."""
    text = text.translate(_INVISIBLE).translate(_SPACE_TRANSLATION)
    return " ".join(text.split())


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
