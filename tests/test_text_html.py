from miner.text import convert
from tests.conftest import FIXTURES


def test_html_keeps_content_blocks_and_drops_furniture():
    document = convert((FIXTURES / "peel-report.html").read_bytes(), "peel-report.html")
    kinds = [(b.kind, b.text) for b in document.blocks]
    assert ("heading", "PEEL 2023–25: An inspection of Durham Constabulary") in kinds
    assert ("table_row", "Investigating crime | Outstanding") in kinds
    assert ("list_item", "The force should make sure it answers non-emergency calls promptly.") in kinds
    for furniture in ("cookies", "Home", "Crown copyright", "tracking", "Officers on patrol"):
        assert furniture not in document.text


def test_html_metadata():
    document = convert((FIXTURES / "peel-report.html").read_bytes(), "peel-report.html")
    assert document.title == "PEEL 2023–25: An inspection of Durham Constabulary"
    assert document.publisher == "HMICFRS"
    assert document.published == "2024-05-16"
    assert document.media_type == "text/html"


def test_block_offsets_point_into_text():
    document = convert((FIXTURES / "peel-report.html").read_bytes())
    for block in document.blocks:
        assert document.text[block.start:block.end] == block.text


def test_heading_path():
    document = convert((FIXTURES / "peel-report.html").read_bytes())
    item = next(b for b in document.blocks if b.kind == "list_item")
    assert item.heading == ("PEEL 2023–25: An inspection of Durham Constabulary", "Areas for improvement")


def test_cp1252_declared_as_utf8_is_decoded():
    data = '<html><head><meta charset="utf-8"></head><body><p>Inspectors’ report on the force’s £3m budget</p></body></html>'.encode("cp1252")
    document = convert(data)
    assert document.text == "Inspectors’ report on the force’s £3m budget"


def test_json_ld_metadata():
    data = b"""<html><head><script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "Force rated inadequate", "datePublished": "2025-02-07T06:00:00Z",
     "publisher": {"@type": "Organization", "name": "The Evening Courier"}, "author": [{"name": "Jo Bloggs"}]}
    </script></head><body><article><p>The force was rated inadequate.</p></article></body></html>"""
    document = convert(data)
    assert (document.title, document.publisher, document.published, document.author, document.kind) == (
        "Force rated inadequate", "The Evening Courier", "2025-02-07", "Jo Bloggs", "news",
    )


import pytest  # noqa: E402

from miner.text.html import label_column_lists  # noqa: E402


@pytest.mark.parametrize("rows, expected", [
    # Areas listed under their grade columns: each cell takes its column's heading.
    ([["Good", "Adequate"], ["Preventing crime", "Investigating crime"], ["", "Managing offenders"]],
     [["Good", "Adequate"], ["Good: Preventing crime", "Adequate: Investigating crime"], ["", "Adequate: Managing offenders"]]),
    # Traps: a table that names its rows in the first column, however sparse; a ragged table; an unnamed column.
    ([["Measure", "2021", "2022"], ["Officers", "", "1,180"]], [["Measure", "2021", "2022"], ["Officers", "", "1,180"]]),
    ([["Good", "Adequate"], ["", "Investigating crime", "extra"]], [["Good", "Adequate"], ["", "Investigating crime", "extra"]]),
    ([["", "Adequate"], ["", "Investigating crime"]], [["", "Adequate"], ["", "Investigating crime"]]),
])
def test_label_column_lists(rows, expected):
    assert label_column_lists(rows) == expected


def test_column_lists_labelled_without_trafilatura_too():
    # The fallback walker (used when trafilatura finds no main content) labels the same cells.
    from bs4 import BeautifulSoup

    from miner.text.html import _walk_document

    markup = ("<main><table><tr><th>Good</th><th>Adequate</th></tr><tr><td></td><td>Investigating crime</td></tr>"
              "<tr><td>Preventing crime</td><td></td></tr></table></main>")
    document = _walk_document(BeautifulSoup(markup, "lxml"), {})
    assert [b.text for b in document.blocks if b.kind == "table_row"] == ["Good | Adequate", "Adequate: Investigating crime", "Good: Preventing crime"]


def _page(body: str) -> bytes:
    prose = (
        "<p>We inspected the trust in March 2024 and this page sets out what we found, the ratings we gave "
        "and the reasons for them, for patients, staff and the public who use its services.</p>"
    )
    return f"<html><head><title>East Kent trust</title></head><body><main><h1>East Kent trust</h1>{prose}{body}{prose}</main></body></html>".encode()


def test_a_ratings_block_stating_grades_is_kept():
    # Trafilatura drops blocks classed "rating..." as widgets; an inspectorate's ratings block is content.
    document = convert(_page(
        '<div class="ratings"><p>Overall: Requires improvement</p><table><tr><td>Safe</td><td>Inadequate</td></tr></table></div>'
    ))
    assert "Overall: Requires improvement" in document.text
    assert ("table_row", "Safe | Inadequate") in [(b.kind, b.text) for b in document.blocks]


def test_an_expandable_report_section_is_kept():
    section = "Staff did not always complete risk assessments for patients at risk of falls, and records were incomplete. " * 3
    document = convert(_page(f'<section class="expandable-section"><h2>Is the service safe?</h2><p>{section.strip()}</p></section>'))
    assert "Is the service safe?" in document.text
    assert "risk assessments for patients at risk of falls" in document.text


def test_a_star_rating_widget_is_still_dropped():
    document = convert(_page('<div class="article-rating"><p>Rate this article: 4.5 stars (12 votes)</p></div>'))
    assert "Rate this article" not in document.text
