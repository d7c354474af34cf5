"""Bytes to str for text and HTML: declared charsets are checked, not trusted.

The order is the one browsers use, simplified: a byte-order mark wins over
everything (a page saved as UTF-16 by an editor keeps whatever meta tag it
was written with); then valid UTF-8; then a declared single-byte charset.
A page that claims UTF-8 but is not is nearly always UTF-8 with pasted-in
Windows-1252 (curly quotes, £, en dashes), or wholly Windows-1252: each
invalid byte is read as Windows-1252 and the valid UTF-8 around it is kept.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
# C0 controls other than tab, newline, vertical tab, form feed and carriage
# return, and DEL: NULs truncate strings in C parsers and none is text.
_CONTROLS = dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_SURROGATE = re.compile("[\ud800-\udfff]")


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `data` names, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_text(data: bytes, declared: str | None = None, *, html: bool = False) -> str:
    """Decode `data`; `declared` is the HTTP charset, and with `html` the
    document's own <meta charset> is read when there is no HTTP one."""
    encoding = bom_encoding(data)
    if encoding:
        bom = next(b for b, e in _BOMS if e == encoding)
        return scrub(data[len(bom):].decode(encoding, errors="replace"))
    try:
        return scrub(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if not declared and html:
        match = _META_CHARSET.search(data[:4096])
        declared = match.group(1).decode("ascii") if match else None
    single_byte = _known(declared)
    if single_byte and single_byte not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        # iso-8859-1 is read as cp1252, as browsers do: pages labelled
        # latin-1 use cp1252's curly quotes and dashes in 0x80-0x9F.
        if single_byte in ("latin-1", "iso8859-1"):
            single_byte = "cp1252"
        return scrub(data.decode(single_byte, errors="replace"))
    return scrub(data.decode("utf-8", errors="miner-cp1252-fallback"))


def scrub(text: str) -> str:
    """Drop control characters and replace lone surrogates, which cannot be
    stored as UTF-8 (a str can hold them, e.g. from a JSON "\\ud800")."""
    text = text.translate(_CONTROLS)
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _known(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label.strip()).name
    except LookupError:
        return None


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: one invalid byte read as Windows-1252.

    UTF-8-encoded surrogates (ED A0..BF xx, from a broken UTF-16 round trip)
    become one replacement character rather than three stray letters.
    """
    data, start = error.object, error.start
    if data[start] == 0xED and start + 2 < len(data) and 0xA0 <= data[start + 1] <= 0xBF:
        return "\ufffd", start + 3
    # The five bytes cp1252 leaves unassigned become U+FFFD.
    return data[start:start + 1].decode("cp1252", errors="replace"), start + 1


codecs.register_error("miner-cp1252-fallback", _cp1252_fallback)
