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


def test_line_end_hyphens_in_a_real_pdf(pdf_factory):
    # PDFium joins the two lines round a hyphen that ended a line and marks it
    # U+FFFE: a word broken by typesetting is made whole again, a compound keeps
    # its hyphen (by its first half, or by how the document writes it elsewhere).
    path = pdf_factory(pages=[[
        "The trust was rated good for being well-\nled, and its safeguarding arrangements were compre-\nhensive, "
        "with a cross-\nagency panel that meets weekly.\nSeventy-\nfive staff files were seen, and the panel's inter-\nagency "
        "work is inter-agency in name only."
    ]])
    text = convert(path.read_bytes(), "report.pdf").text
    assert "\ufffe" not in text
    assert text.startswith(
        "The trust was rated good for being well-led, and its safeguarding arrangements were comprehensive, "
        "with a cross-agency panel that meets weekly."
    )
    assert "Seventy-five staff files were seen, and the panel's inter-agency work" in text


@pytest.mark.parametrize("page, expected", [
    ("Leaders have a compre-\nhensive plan for the service.\n", "Leaders have a comprehensive plan for the service."),
    ("The force's work with its multi-\nagency partners is effective.\n", "The force's work with its multi-agency partners is effective."),
    # The document's own unbroken spelling decides: "co-ordinated" written with a hyphen elsewhere.
    ("Work is co-ordinated across the county, and better co-\nordinated than in 2019.\n", "better co-ordinated than in 2019."),
    ("Managers record supervision more consis-\ntently, and consistently well.\n", "Managers record supervision more consistently, and consistently well."),
])
def test_line_end_hyphen_joined_as_the_document_writes_it(page, expected):
    from miner.text.pdf import pages_to_document

    assert expected in pages_to_document([page]).text
