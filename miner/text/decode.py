"""Bytes to str for text and HTML: declared charsets are checked, not trusted."""

from __future__ import annotations

from bs4.dammit import UnicodeDammit


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode `data`, preferring a declared encoding only when the bytes agree with it."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not valid UTF-8 whatever it claims: the usual culprit is cp1252 (or
    # latin-1) declared as utf-8. UnicodeDammit tries declared, sniffed and
    # common encodings in turn.
    candidates = [e for e in (declared, "cp1252") if e and e.lower().replace("-", "") != "utf8"]
    dammit = UnicodeDammit(data, known_definite_encodings=candidates, is_html=False)
    if dammit.unicode_markup is not None:
        return dammit.unicode_markup
    return data.decode("cp1252", errors="replace")
