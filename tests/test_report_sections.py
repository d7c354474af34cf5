"""Where a report's kind-giving sections end, and the publisher's standard
text, through PDF conversion and the whole pipeline (miner.nlp.sections).

The fixture is laid out like an Ofsted ILACS report (the text is the
project's own): a short "What needs to improve?" list, then the body under
section titles too long for PDF extraction to take as headings."""

import pytest

from miner.nlp.sections import block_sections, is_boilerplate
from miner.text import convert

NEEDS = [
    "- The timeliness of assessments for children who are privately fostered.",
    "- The quality of written plans for care leavers, including those in custody.",
    "- Management oversight of children who go missing from home.",
]
HELP_TITLE = "The experiences and progress of children who need help and protection: requires improvement to be good"
BODY = [
    "1. Children who need early help receive a timely and well-coordinated service from partner agencies.",
    "2. Strategy meetings are not always held promptly, and some children wait too long for enquiries to begin.",
]
CARE_TITLE = "The experiences and progress of children in care: good"
CARE = ["3. Children in care live in stable homes and see their families as often as is safe for them."]
BOILERPLATE = (
    "The Office for Standards in Education, Children's Services and Skills (Ofsted) regulates and inspects "
    "services for children and for learners of every age in England. It also assesses council children's services, "
    "and inspects services for children in care, safeguarding and child protection across the country."
)
REUSE = "You may reuse this information free of charge in any format under the Open Government Licence; logos are excluded."


@pytest.fixture(scope="module")
def ilacs_findings(tmp_path_factory, extractor):
    from tests.conftest import make_pdf

    path = make_pdf(
        tmp_path_factory.mktemp("ilacs") / "ilacs.pdf",
        pages=[
            [
                "Inspection of Greyford local authority children's services",
                "Inspectors found that leaders have a clear understanding of the service's strengths and weaknesses.",
                "What needs to improve?",
                *NEEDS,
                HELP_TITLE,
                *BODY,
                CARE_TITLE,
                *CARE,
            ],
            [BOILERPLATE, REUSE, "This publication is available at www.gov.uk/government/organisations/ofsted."],
        ],
        title="Inspection of Greyford local authority children's services",
    )
    document = convert(path.read_bytes(), str(path))
    document.kind = "report"
    return [(f.text, f.kind) for f in extractor.extract(document).findings]


def test_only_the_listed_items_are_areas_for_improvement(ilacs_findings):
    kinds = dict(ilacs_findings)
    assert [text for text, kind in ilacs_findings if kind == "area_for_improvement"] == [item[2:] for item in NEEDS]
    assert kinds["Children who need early help receive a timely and well-coordinated service from partner agencies."] == "finding"
    assert kinds["Strategy meetings are not always held promptly, and some children wait too long for enquiries to begin."] == "finding"
    assert kinds["Children in care live in stable homes and see their families as often as is safe for them."] == "finding"


def test_section_titles_and_boilerplate_yield_no_findings(ilacs_findings):
    texts = " ".join(text for text, _ in ilacs_findings)
    assert "experiences and progress" not in texts
    assert "Ofsted" not in texts and "assesses council children's services" not in texts
    assert "Open Government Licence" not in texts and "publication is available" not in texts


SECTION_KINDS = {"Areas for improvement": "area_for_improvement", "Recommendations": "recommendation"}


def _kinds(blocks, table=SECTION_KINDS):
    """block_sections (the kinds) over flat (kind, text) blocks, as PDF extraction
    makes them: each heading is the whole heading path of what follows it; `table`
    gives the kind a heading opens."""
    kinds, texts, paths, path = [], [], [], ()
    for kind, text in blocks:
        kinds.append(kind)
        texts.append(text)
        paths.append(() if kind == "heading" else path)
        if kind == "heading":
            path = (text,)
    return [s.kind for s in block_sections(kinds, texts, paths, lambda p: table.get(p[-1]) if p else None)]


@pytest.mark.parametrize(
    "blocks, expected",
    [
        # A bulleted list ends at its first plain paragraph...
        ([("heading", "Areas for improvement"), ("list_item", "The quality of plans."), ("paragraph", "Most plans are clear and reviewed often.")],
         [None, "area_for_improvement", None]),
        # ...unless the list goes on after it (an item split by a page break).
        ([("heading", "Areas for improvement"), ("list_item", "The quality of plans."), ("paragraph", "Plans are reviewed late."), ("list_item", "Supervision.")],
         [None, "area_for_improvement", "area_for_improvement", "area_for_improvement"]),
        # Numbered recommendations with nested bullets run to the next heading.
        ([("heading", "Recommendations"), ("paragraph", "1. Ensure that plans are reviewed on time:"), ("list_item", "for children in care"),
          ("paragraph", "2. Improve the timeliness of health assessments."), ("heading", "Summary for children and young people"),
          ("paragraph", "Inspectors found that most children are safe.")],
         [None, "recommendation", "recommendation", "recommendation", None, None]),
        # Sub-headings saying when actions are due keep the section's kind.
        ([("heading", "Areas for improvement"), ("heading", "Immediately:"), ("list_item", "ensure all children have a plan"),
          ("heading", "Within three months:"), ("list_item", "review the fostering service"), ("heading", "Local leadership"),
          ("list_item", "The director has been in post since 2019.")],
         [None, None, "area_for_improvement", None, "area_for_improvement", None, None]),
        # A section title left as a paragraph ends the section.
        ([("heading", "Recommendations"), ("paragraph", "1. Improve supervision."), ("paragraph", "Overall effectiveness: inadequate"),
          ("paragraph", "2. Leaders do not know the service well.")],
         [None, "recommendation", None, None]),
    ],
)
def test_where_sections_end(blocks, expected):
    assert _kinds(blocks) == expected


def test_a_table_of_contents_entry_opens_no_section(extractor):
    from miner.nlp.findings import FindingExtractor

    findings = FindingExtractor(extractor.nlp)
    findings.initialize()
    assert findings._section_kind(("Recommendations 8",)) is None
    assert findings._section_kind(("Recommendations",)) == "recommendation"


@pytest.mark.parametrize(
    "text, boilerplate",
    [
        ("© Crown copyright 2023", True),
        ("If you would like a copy of this document in a different format, such as large print or Braille, please telephone 0300 123 1231.", True),
        ("Interested in our work? You can subscribe to our monthly newsletter for more information and updates.", True),
        ("Any complaints about the inspection or the report should be made following the procedures set out in the guidance.", True),
        ("An outstanding LSCB is highly influential in how partners protect children in its area.", True),
        ("In a local authority that requires improvement, children are safe but services are not yet good.", True),
        ("A good local authority response to neglect was not seen in these cases.", False),
        ("Ofsted inspectors found that the council regulates and inspects its own children's homes well.", False),
        ("The local authority has not improved the quality of plans since the last inspection.", False),
    ],
)
def test_boilerplate(text, boilerplate):
    assert is_boilerplate(text) is boilerplate


def test_grade_descriptors_are_boilerplate():
    assert is_boilerplate("Their progress exceeds expectations and is sustained over time.", ("What the inspection judgements mean: the local authority",))


def test_a_question_heading_after_a_soft_wrapped_sentence_end_is_a_heading():
    # PDFium marks a line end with a trailing space even after a full stop;
    # the short question after it is the next section's heading.
    from miner.text.pdf import pages_to_document

    page = (
        "Leaders have increased the number of social workers and reduced caseloads in every team across the \n"
        "service, and they have opened two new children's homes and a new assessment centre in the last year. \n"
        "What needs to improve?\n"
        "◼ The timeliness of return home interviews for children who go missing.\n"
    )
    blocks = [(b.kind, b.text) for b in pages_to_document([page]).blocks]
    assert blocks[-2:] == [("heading", "What needs to improve?"), ("list_item", "The timeliness of return home interviews for children who go missing.")]
