import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
FIXTURES = pathlib.Path(__file__).parent / "fixtures"


def make_pdf(path: pathlib.Path, pages: list[list[str]], *, header: str | None = None, title: str | None = None) -> pathlib.Path:
    """Write a real PDF: each page a list of paragraphs, with a running header and page numbers."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self):
            if header:
                self.set_font("Helvetica", size=8)
                self.cell(0, 6, header, new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, str(self.page_no()), align="C")

    pdf = Report()
    pdf.set_creation_date(__import__("datetime").datetime(2024, 1, 1, tzinfo=__import__("datetime").timezone.utc))
    if title:
        pdf.set_title(title)
    for paragraphs in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            if paragraph.startswith("|"):
                cells = [c.strip() for c in paragraph.strip("|").split("|")]
                for cell in cells:
                    pdf.cell(90, 7, cell, border=1)
                pdf.ln(7)
            else:
                pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(3)
    pdf.output(str(path))
    return path


@pytest.fixture
def pdf_factory(tmp_path):
    def factory(name="report.pdf", **kwargs):
        return make_pdf(tmp_path / name, **kwargs)

    return factory


@pytest.fixture
def db_path(tmp_path):
    return str(tmp_path / "miner.db")


@pytest.fixture(scope="session")
def extractor():
    from miner.nlp.pipeline import Extractor

    return Extractor()


requires_shared = pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is not present")