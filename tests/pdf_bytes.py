"""Hand-written PDF bytes for the hostile-input tests.

fpdf2 writes only well-formed files; a bomb, a /Parent loop or a stream
under two filters has to be spelled out object by object. `build` numbers
the objects from 1, records each one's byte offset and writes a correct
cross-reference table, so PDFium reads the file as its author meant rather
than falling back to its repair pass.
"""

from __future__ import annotations

import zlib

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def build(objects: list[bytes], *, root: int = 1, trailer: bytes = b"") -> bytes:
    """A PDF file whose object N (1-based) is `objects[N - 1]`."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\n" % (len(objects) + 1, root, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    """A stream object body; `extra` adds dictionary entries such as /Filter."""
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def show_text(lines: list[str], *, size: int = 11, top: int = 800, leading: int = 14) -> bytes:
    """A content stream drawing each line below the last in Helvetica."""
    ops = [b"BT /F1 %d Tf %d TL 50 %d Td" % (size, leading, top)]
    for line in lines:
        escaped = line.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(b"(" + escaped + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def text_pdf(pages: list[bytes], *, filters: bytes = b"") -> bytes:
    """One page per content stream (already encoded with `filters`, if any)."""
    # 1 catalog, 2 page tree, 3 font, then a page and its contents per page.
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)),
        HELVETICA,
    ]
    for i, content in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
            % (5 + 2 * i)
        )
        objects.append(stream(content, b"/Filter [%s] " % filters if filters else b""))
    return build(objects)


def deflate_zeros(size: int, *, chunk: int = 1 << 24) -> bytes:
    """`size` bytes of spaces, deflated without holding them in memory.

    Spaces, not NULs: they are valid content-stream whitespace, so a reader
    keeps inflating to the end instead of giving up on a syntax error.
    """
    compressor = zlib.compressobj(9)
    block = b" " * chunk
    parts = []
    for _ in range(size // chunk):
        parts.append(compressor.compress(block))
    parts.append(compressor.compress(b" " * (size % chunk)))
    parts.append(compressor.flush())
    return b"".join(parts)


def flate_bomb(size: int, *, chunk: int = 1 << 20) -> bytes:
    """A zlib stream inflating to `size` spaces, built in a fraction of a second.

    Deflating gigabytes takes a minute; instead one chunk is deflated and
    ended with a full flush (which resets the window), so every later chunk
    compresses to the same bytes and can simply be repeated. Only the
    Adler-32 checksum at the end has to be computed over the whole output.
    """
    assert size % chunk == 0
    block = b" " * chunk
    compressor = zlib.compressobj(9)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeat = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = size // chunk
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(block, checksum)
    # b"\x03\x00" is an empty final fixed-Huffman block.
    return first + repeat * (count - 1) + b"\x03\x00" + checksum.to_bytes(4, "big")
