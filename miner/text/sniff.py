"""Decide what a byte string is from its content, never from its name."""

from __future__ import annotations

from miner.errors import UnsupportedDocument
from miner.text.decode import bom_encoding

PDF = "application/pdf"
HTML = "text/html"
TEXT = "text/plain"
FEED = "application/xml+feed"

_BINARY_SIGNATURES = [
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"{\\rtf", "an RTF document"),
]
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>", b"<div", b"<title")


def sniff(data: bytes, name: str = "input") -> str:
    """Return the media type of `data`, or raise UnsupportedDocument with the reason."""
    if not data:
        raise UnsupportedDocument(f"{name}: empty file (0 bytes)")
    head = data[:2048]
    encoding = bom_encoding(head)
    if encoding and encoding != "utf-8":
        # UTF-16/32 text: look for markup in what the bytes spell, not in
        # bytes interleaved with NULs.
        head = head.decode(encoding, errors="ignore").encode("utf-8")
        if any(marker in head.lower() for marker in _HTML_MARKERS):
            return HTML
        return TEXT
    # PDF readers accept a header anywhere in the first kilobyte.
    if b"%PDF-" in head[:1024]:
        return PDF
    for signature, what in _BINARY_SIGNATURES:
        if head.startswith(signature):
            raise UnsupportedDocument(f"{name}: {what}, not a PDF, HTML or text document")
    lowered = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").lower()
    if lowered.startswith(b"<?xml"):
        if b"<rss" in lowered or b"<feed" in lowered or b"<urlset" in lowered or b"<sitemapindex" in lowered:
            return FEED
        if b"<html" in lowered:
            return HTML
    if any(marker in lowered for marker in _HTML_MARKERS):
        return HTML
    if head.count(b"\x00") > len(head) // 100:
        raise UnsupportedDocument(f"{name}: binary data, not a PDF, HTML or text document")
    return TEXT


def describe(media_type: str) -> str:
    return {PDF: "PDF", HTML: "HTML", TEXT: "plain text", FEED: "a feed or sitemap"}.get(media_type, media_type)
