import pytest

from miner.errors import UnsupportedDocument
from miner.text import claimed_type, convert

LONG = (
    "Inspectors found that the force has improved the way it answers emergency calls, although "
    "too many non-emergency callers still abandon their calls before they are answered, and the "
    "force should do more to understand why this happens and to reduce the time callers wait."
)


def _variant(n):
    place = ["Darlington", "Durham City", "Peterlee"][n - 1]
    return LONG.replace("emergency calls", f"emergency calls in {place}").replace("callers wait", f"callers in {place} wait")


def test_pdf_pages_headers_and_paragraphs(pdf_factory):
    path = pdf_factory(
        pages=[["Summary", _variant(1)], ["Responding to the public", _variant(2)], ["Investigating crime", _variant(3)]],
        header="PEEL 2023-25: An inspection of Durham Constabulary",
    )
    document = convert(path.read_bytes(), str(path))
    assert document.pages == 3
    # The running header and page numbers are gone; each paragraph is one block.
    assert "PEEL 2023-25: An inspection" not in document.text
    paragraphs = [b for b in document.blocks if b.kind == "paragraph"]
    assert [b.text for b in paragraphs] == [_variant(1), _variant(2), _variant(3)]
    assert [b.page for b in paragraphs] == [1, 2, 3]
    headings = [b.text for b in document.blocks if b.kind == "heading"]
    assert headings == ["Summary", "Responding to the public", "Investigating crime"]


def test_pdf_table_rows_survive(pdf_factory):
    path = pdf_factory(pages=[["| Investigating crime | Inadequate |", "| Preventing crime | Good |"]])
    document = convert(path.read_bytes())
    texts = [b.text for b in document.blocks]
    assert "Investigating crime Inadequate" in texts
    assert "Preventing crime Good" in texts


def test_paragraph_continuing_on_next_page_is_one_block():
    from miner.text.pdf import pages_to_document

    first = "Report title\nThe force has made progress since the last inspection but it still does not record\nall the crimes that are reported to it, and victims\n1\n"
    second = "Report title\nare not always told when their case is closed, which inspectors found in many files.\nA new paragraph starts here.\n2\n"
    document = pages_to_document([first, second])
    texts = [b.text for b in document.blocks]
    assert "The force has made progress since the last inspection but it still does not record all the crimes that are reported to it, and victims are not always told when their case is closed, which inspectors found in many files." in texts
    assert "Report title" not in document.text


def test_hyphenation_is_undone():
    from miner.text.pdf import pages_to_document

    page = "The force's safeguarding arrangements were compre-\nhensive and well understood by staff across the organisation.\n"
    document = pages_to_document([page])
    assert "comprehensive" in document.text


def test_truncated_pdf_is_rejected_with_reason(pdf_factory):
    data = pdf_factory(pages=[[LONG]]).read_bytes()
    with pytest.raises(UnsupportedDocument) as error:
        convert(data[:300], "broken.pdf")
    assert str(error.value).startswith("broken.pdf: damaged or truncated PDF")


def test_html_named_pdf_is_rejected():
    data = b"<!DOCTYPE html><html><head><title>Page not found</title></head><body><p>Sorry</p></body></html>"
    with pytest.raises(UnsupportedDocument) as error:
        convert(data, "report.pdf", expected=claimed_type("report.pdf"))
    assert str(error.value) == (
        "report.pdf: expected a PDF but the file is HTML titled 'Page not found' (an error page or failed download?)"
    )


def test_html_not_claiming_pdf_is_converted():
    document = convert(b"<html><body><p>Inspectors found the force good at preventing crime.</p></body></html>", "page")
    assert document.media_type == "text/html"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "x: empty file (0 bytes)"),
        (b"PK\x03\x04rest-of-zip", "x: a ZIP archive (or an Office document), not a PDF, HTML or text document"),
        (b"\x89PNG\r\n\x1a\n....", "x: a PNG image, not a PDF, HTML or text document"),
        (b"\x00\x01\x02\x03" * 100, "x: binary data, not a PDF, HTML or text document"),
    ],
)
def test_unsupported_bytes(data, message):
    with pytest.raises(UnsupportedDocument) as error:
        convert(data, "x")
    assert str(error.value) == message


def test_plain_text():
    document = convert(b"Inspection of Slough\n\nChildren's services in Slough are inadequate.\n\n- Weak management oversight.\n- Delays in assessments.\n")
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("heading", "Inspection of Slough"),
        ("paragraph", "Children's services in Slough are inadequate."),
        ("list_item", "Weak management oversight."),
        ("list_item", "Delays in assessments."),
    ]
