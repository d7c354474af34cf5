"""PDF to a Document with pypdfium2 (PDFium: fast, maintained, no Python-side
decompression to cap). Per page: running headers and footers dropped, wrapped
lines re-joined, hyphenation undone, bullets and numbered paragraphs kept as
their own blocks, short unpunctuated lines taken as headings."""

from __future__ import annotations

import functools
import re
from collections import Counter

from miner.document import Document, DocumentBuilder, normalise_space
from miner.errors import UnsupportedDocument
from miner.text.dates import normalise_date

_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
# Bullets include the private-use glyphs (U+F0xx) that Symbol and Wingdings
# fonts map to.
_BULLET = re.compile(r"^\s*(?:[◼▪■●•\u2022◦‣∙·*–\uf000-\uf0ff-])\s+")
_NUMBERED = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,2})*)\.?\s+(?=[A-Z‘'\"(])")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)
# The trailer's /Encrypt entry, as a reference or an inline dictionary.
_ENCRYPT = re.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)")
_TERMINAL = (".", "!", "?", ":", ";", "”", '"', "’")
# PDFium's mark for a hyphen that ended a line, with the two lines joined
# round it ("inspect\ufffeion", "well\ufffeled"; "\x02" in older builds).
_LINE_END_HYPHEN = re.compile(r"([A-Za-z]+)[\ufffe\x02][ \t]*([A-Za-z]*)")
_HYPHENATED = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")
_WORD = re.compile(r"[A-Za-z]+")
# First halves of compounds written with a hyphen, which a line break after
# the hyphen must not fuse ("well-led", "multi-agency", "Seventy-five").
_COMPOUND_HEADS = frozenset(
    "well multi long short non self cross full part half anti semi ex co "
    "twenty thirty forty fifty sixty seventy eighty ninety".split()
)


def pdf_to_document(data: bytes, name: str = "input") -> Document:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        # Not PDFium's error code: it is process-wide and only set on some
        # failure paths, so in a long-lived converter it can be left over
        # from an earlier file (a damaged file reported as "password").
        if _ENCRYPT.search(data):
            raise UnsupportedDocument(f"{name}: encrypted PDF (needs a password)") from None
        raise UnsupportedDocument(f"{name}: damaged or truncated PDF (no readable document structure)") from None
    try:
        page_count = len(pdf)
        if page_count == 0:
            # A page tree that loops back on itself, or none at all.
            raise UnsupportedDocument(f"{name}: damaged PDF (its page tree holds no pages)")
        pages = []
        # One page open at a time, its text kept and the page freed: memory
        # follows the text, not the page count.
        for index in range(page_count):
            try:
                page = pdf[index]
            except pypdfium2.PdfiumError:
                raise UnsupportedDocument(
                    f"{name}: damaged PDF (page {index + 1} of {page_count} cannot be read)"
                ) from None
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        metadata = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    return pages_to_document(pages, metadata, page_count)


def pages_to_document(pages: list[str], metadata: dict | None = None, page_count: int | None = None) -> Document:
    breaks = _LineBreakHyphens(pages)
    page_lines = [_split_lines(text, breaks) for text in pages]
    furniture = _running_lines(page_lines)
    lines: list[tuple[str, int]] = []
    for page_number, page in enumerate(page_lines, start=1):
        lines += [
            (line, page_number) for i, line in enumerate(page)
            if not _is_furniture(line, i, len(page), furniture)
        ]
    builder = DocumentBuilder()
    _add_lines(builder, lines, breaks)
    metadata = metadata or {}
    title = metadata.get("Title")
    first_heading = next((b.text for b in builder.blocks if b.kind == "heading"), None)
    if not title or title.lower().endswith((".docx", ".doc", ".pdf")) or len(title) < 8:
        title = first_heading
    return builder.build(
        "application/pdf",
        title=title,
        author=metadata.get("Author"),
        published=_pdf_date(metadata.get("CreationDate")),
        pages=page_count if page_count is not None else len(pages),
    )


class _LineBreakHyphens:
    """Whether a word broken by a hyphen at a line end is one word
    ("compre-" / "hensive") or a hyphenated compound ("well-" / "led",
    "decision-" / "making"), as the rest of the document decides: the word
    written whole elsewhere joins it, and so do two halves neither of which
    is a word of the document in its own right; the compound written
    elsewhere, a compound's usual first half or a capital keep the hyphen, as
    does anything else. (Inspectorates' reports are mostly not hyphenated by
    typesetting: of PDFium's 193 line-end hyphens in the real Ofsted reports
    nearly all are compounds, "child-focused", "asylum-seeking".)"""

    def __init__(self, pages: list[str]):
        self.pages = pages

    # Read from the whole document on the first break only: most PDFs have none.
    @functools.cached_property
    def hyphenated(self) -> set[str]:
        text = "\n".join(self.pages)
        return {f"{a}-{b}".lower() for a, b in _HYPHENATED.findall(text)} if "-" in text else set()

    @functools.cached_property
    def words(self) -> Counter:
        # Counted with the broken halves themselves, so a half must occur twice to be a word of its own.
        return Counter(w.lower() for w in _WORD.findall("\n".join(self.pages)))

    def join(self, head: str, tail: str) -> str:
        """The two halves as the document means them (`head` ends in a word, `tail` starts one)."""
        first = _WORD.findall(head[-40:])
        last = _WORD.match(tail)
        if not first or last is None:
            return f"{head}-{tail}"
        a, b = first[-1].lower(), last.group(0).lower()
        if f"{a}{b}" in self.words:
            return head + tail
        if f"{a}-{b}" in self.hyphenated or a in _COMPOUND_HEADS or tail[:1].isupper():
            return f"{head}-{tail}"
        if self.words[a] < 2 and self.words[b] < 2:
            return head + tail  # neither half a word of the document: a word broken by typesetting
        return f"{head}-{tail}"


def _split_lines(text: str, breaks: _LineBreakHyphens | None = None) -> list[str]:
    text = text.translate(_LIGATURES).replace("\r\n", "\n").replace("\r", "\n")
    if "\ufffe" in text or "\x02" in text:
        breaks = breaks or _LineBreakHyphens([text])
        text = _LINE_END_HYPHEN.sub(lambda m: breaks.join(m.group(1), m.group(2)), text)
    # Keep the trailing space: PDFium leaves one on soft-wrapped lines.
    return [line.replace("\ufffe", "-").replace("\x02", "-").replace("\x00", "") for line in text.split("\n") if line.strip()]


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


_EDGE = 2  # lines at the top and bottom of a page where running heads live


def _running_lines(page_lines: list[list[str]]) -> set[str]:
    """Short lines (digits folded) repeated at the top or bottom of many pages."""
    if len(page_lines) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in page_lines:
        counts.update(set(_shape(line) for line in lines[:_EDGE] + lines[-_EDGE:] if len(line.strip()) <= 200))
    threshold = max(2, int(len(page_lines) * 0.4))
    return {shape for shape, n in counts.items() if n >= threshold and shape}


def _is_furniture(line: str, index: int, count: int, running: set[str]) -> bool:
    if index >= _EDGE and index < count - _EDGE:
        return False
    return _PAGE_NUMBER.match(line) is not None or _shape(line) in running


def _add_lines(builder: DocumentBuilder, lines: list[tuple[str, int]], breaks: _LineBreakHyphens) -> None:
    if not lines:
        return
    widths = sorted(len(line.rstrip()) for line, _ in lines)
    # The measure of body text, taken over the whole document so that a page
    # of short lines (contents, cover) is not mistaken for full-width prose.
    # A floor, because a short document may have no full-width line at all.
    full_width = max(widths[int(len(widths) * 0.9)], 60)
    current: list[str] = []
    current_kind = "paragraph"
    current_page = lines[0][1]

    def flush() -> None:
        nonlocal current, current_kind
        if current:
            text = _join_lines(current, breaks)
            kind = current_kind
            if kind == "paragraph" and len(current) == 1 and _looks_like_heading(text):
                kind = "heading"
            builder.add(kind, text, page=current_page, level=2)
        current = []
        current_kind = "paragraph"

    for index, (line, page) in enumerate(lines):
        bullet = _BULLET.match(line)
        numbered = _NUMBERED.match(line)
        if bullet or numbered:
            flush()
            current_kind = "list_item" if bullet else "paragraph"
            current = [line[bullet.end():] if bullet else line]
        else:
            if not current:
                current_page = page
            current.append(line)
        if not current or len(current) == 1:
            current_page = page
        following = lines[index + 1][0] if index + 1 < len(lines) else ""
        if not _continues(line, following, full_width):
            flush()
    flush()


def _continues(line: str, following: str, full_width: int) -> bool:
    """Does the next line carry on this one's sentence?"""
    stripped = line.rstrip()
    if not following or _BULLET.match(following) or _NUMBERED.match(following):
        return False
    if stripped.endswith("-") and len(stripped) > 1 and stripped[-2].isalpha():
        return True
    next_lower = following.lstrip()[:1].islower()
    if len(stripped) < full_width * 0.5:
        # Prose wraps at the full measure; a short line ends its paragraph or
        # is a table cell ("Requires improvement" under its area), unless a
        # narrow cell or a heading wrapped mid-phrase ("Requires" / "improvement").
        if next_lower and not stripped.endswith(_TERMINAL):
            return True
        # A narrow table cell wrapped before a capitalised word ("Requires" /
        # "Improvement"): PDFium marks the soft wrap with a trailing space.
        return line.endswith(" ") and len(following.strip()) < full_width * 0.3 and not stripped.endswith(_TERMINAL)
    if next_lower and not stripped.endswith((".", "!", "?")):
        return True
    if line.endswith(" ") and not stripped.endswith(_TERMINAL):
        return True  # PDFium's soft-wrap marker
    if stripped.endswith((".", "!", "?", ":")):
        if _is_question_heading(following, full_width):
            return False
        # A full line ending in a full stop can still be mid-paragraph, but
        # treating it as the end keeps tables and lists from merging.
        return len(stripped) >= full_width * 0.92 and (line.endswith(" ") or next_lower)
    return len(stripped) >= full_width * 0.8


def _is_question_heading(line: str, full_width: int) -> bool:
    """A short capitalised line asking a question ("What needs to improve?")
    after a sentence's end is a heading, even when PDFium marked that end
    as a soft wrap."""
    text = line.strip()
    return text.endswith("?") and text[:1].isupper() and len(text) < full_width * 0.6 and len(text.split()) <= 10


def _join_lines(lines: list[str], breaks: _LineBreakHyphens) -> str:
    text = ""
    for line in lines:
        line = line.strip()
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
            text = breaks.join(text[:-1], line)  # hyphenation at a line break undone, a compound's hyphen kept
        elif text:
            text += " " + line
        else:
            text = line
    return normalise_space(text)


def _looks_like_heading(text: str) -> bool:
    return (
        3 <= len(text) <= 90
        and text[:1].isupper()
        and not text.endswith((".", ",", ";"))
        and len(text.split()) <= 12
    )


def _pdf_date(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"D:(\d{4})(\d{2})(\d{2})", value)
    if match:
        return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
    return normalise_date(value)
