"""Bytes -> `Document`. `convert` runs in this process; `IsolatedConverter`
runs the same function in a child process with memory and time limits."""

from __future__ import annotations

from miner.document import Document
from miner.errors import UnsupportedDocument
from miner.text import sniff as sniffing


def convert(data: bytes, name: str = "input", declared_charset: str | None = None, expected: str | None = None) -> Document:
    """Convert raw bytes to a Document, detecting the type from the bytes.

    `expected` is what the name or the server claimed (see `claimed_type`):
    a "PDF" that turns out to be an HTML page is a failed download (an error
    or login page), not a report, and is rejected with that reason.
    """
    media_type = sniffing.sniff(data, name)
    if expected == sniffing.PDF and media_type != sniffing.PDF:
        what = sniffing.describe(media_type)
        detail = ""
        if media_type == sniffing.HTML:
            from miner.text.html import html_to_document

            title = html_to_document(data).title
            detail = f" titled {title!r}" if title else ""
        raise UnsupportedDocument(f"{name}: expected a PDF but the file is {what}{detail} (an error page or failed download?)")
    if media_type == sniffing.PDF:
        from miner.text.pdf import pdf_to_document

        document = pdf_to_document(data, name)
    elif media_type == sniffing.HTML:
        from miner.text.html import MAX_HTML_BYTES, html_to_document

        if len(data) > MAX_HTML_BYTES:
            raise UnsupportedDocument(
                f"{name}: HTML page of {len(data) / 2**20:.1f} MB, over the {MAX_HTML_BYTES // 2**20} MB limit for a web page"
            )
        document = html_to_document(data, declared_charset)
    elif media_type == sniffing.TEXT:
        from miner.text.plain import text_to_document

        document = text_to_document(data)
    else:
        raise UnsupportedDocument(f"{name}: {sniffing.describe(media_type)}, not a document (use `miner crawl` for feeds)")
    if not document.text.strip():
        what = "PDF with no extractable text (scanned images?)" if media_type == sniffing.PDF else f"{sniffing.describe(media_type)} with no text"
        raise UnsupportedDocument(f"{name}: {what}")
    return document


def claimed_type(name: str, content_type: str | None = None) -> str | None:
    """The media type a file name or Content-Type header claims, if it claims PDF."""
    if (content_type or "").lower().startswith("application/pdf") or name.lower().split("?")[0].endswith(".pdf"):
        return sniffing.PDF
    return None
