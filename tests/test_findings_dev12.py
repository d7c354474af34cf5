"""Findings: the categories of error dev12 and dev13 showed on their first run,
in new wording (corpora/ANNOTATION.md, "Findings"). Page furniture, a list's
lead-in and hypotheticals state no finding; a report's flattened or nested
section headings give the kind; a news sentence naming the list it quotes from
takes that list's kind; hedged praise is negative."""

import pytest

from miner.document import DocumentBuilder
from miner.nlp.sections import states_nothing_found
from miner.nlp.stated_kinds import stated_kind, stated_polarities, stated_polarity
from tests.test_report_sections import SECTION_KINDS, _kinds


def build(blocks, *, title, kind="news", publisher="The Wessex Courier"):
    """A document from (block kind, text) or (block kind, text, heading level)."""
    builder = DocumentBuilder()
    builder.add("heading", title, level=1)
    for block in blocks:
        block_kind, text, level = block if len(block) == 3 else (*block, 2)
        builder.add(block_kind, text, level=level)
    return builder.build("text/html", title=title, kind=kind, publisher=publisher)


def records(extractor, blocks, **kwargs):
    return {f.text: (f.kind, f.polarity) for f in extractor.extract(build(blocks, **kwargs)).findings}


REPORTED = "Inspectors found that too many victims of domestic abuse waited more than a day for an officer to visit them."


# 1. Page furniture and lead-ins, in a news article beside a finding it must keep.
@pytest.mark.parametrize(
    "block_kind, text",
    [
        ("paragraph", "By Amelia Hart, Health correspondent"),
        ("paragraph", "By our education reporter"),
        ("paragraph", "Wessex Courier | Friday 6 June 2025 | 7:15am"),
        ("paragraph", "Home affairs editor | The Wessex Courier | 2 March 2025"),
        ("paragraph", "Hear the latest bulletins on Vale Radio 101.8FM and online"),
        ("paragraph", "Listen again to Vale Radio's breakfast show on the station's app."),
        ("paragraph", "Follow us for more on the county's police and public services."),
        ("paragraph", "Safety, respect and purposeful activity"),
        ("paragraph", "What the inspectors asked the council to do next:"),
        ("list_item", "The inspectorate told the force that it must act in these areas:"),
    ],
)
def test_page_furniture_and_lead_ins_are_not_findings(extractor, block_kind, text):
    found = records(extractor, [("paragraph", text) if block_kind == "paragraph" else (block_kind, text), ("paragraph", REPORTED)],
                    title="Inspectors criticise Wessex Police over slow response")
    assert text not in found
    assert REPORTED in found


@pytest.mark.parametrize(
    "text, block_kind, nothing",
    [
        ("By Amelia Hart, Health correspondent", "paragraph", True),
        ("Wessex Courier | Friday 6 June 2025 | 7:15am", "paragraph", True),
        ("Leadership, management and oversight", "paragraph", True),
        ("Action the provider SHOULD take to improve:", "paragraph", True),
        ("If the council does not act quickly, more children could be placed far from home.", "paragraph", True),
        ("Had the force been graded inadequate, it would have entered enhanced monitoring.", "paragraph", True),
        ("Unless staffing improves, the prison will struggle to run a full regime.", "paragraph", True),
        ("Download our app for alerts about local inspections.", "paragraph", True),
        # Traps: statements that look like the above.
        ("By the end of 2024, the force had recruited 300 more call handlers, inspectors found.", "paragraph", False),
        ("If a child went missing, a return home interview was not always offered.", "paragraph", False),
        ("If staff raised a concern, they could not always get advice from a manager.", "paragraph", False),
        ("develop a plan to reduce caseloads to a manageable level", "list_item", False),
        ("Staff told us the new rota was ‘a real improvement’", "paragraph", False),
        ("The force answered 88 per cent of emergency calls within ten seconds.14", "paragraph", False),
        ("Following a rise in violence, the prison introduced a new safety strategy.", "paragraph", False),
        ("Listening to children is a strength of the service.", "paragraph", False),
    ],
)
def test_states_nothing_found(text, block_kind, nothing):
    assert states_nothing_found(text, block_kind) is nothing


# 2. News context: a hypothetical and an explainer of how grading works beside a finding.
def test_a_hypothetical_is_not_a_finding(extractor):
    hypothetical = "If leaders cannot cut the waiting lists, children with autism could wait even longer for help."
    found = records(extractor, [("paragraph", hypothetical), ("paragraph", REPORTED)], title="Watchdog warns over waits")
    assert hypothetical not in found and REPORTED in found


# 3. Kinds from section headings.
def _flat_kinds(blocks):
    """The kinds of flat blocks (`test_report_sections._kinds`), with causes of concern too."""
    return _kinds(blocks, {**SECTION_KINDS, "Causes of concern": "cause_of_concern"})


@pytest.mark.parametrize(
    "blocks, expected",
    [
        # A sub-heading straight after the section's heading belongs to it...
        ([("heading", "Causes of concern"), ("heading", "Responding to the public"),
          ("paragraph", "The force does not answer non-emergency calls quickly enough, so callers give up."),
          ("heading", "Recommendations"), ("list_item", "By June 2026, the force should publish a plan for its control room.")],
         [None, None, "cause_of_concern", None, "recommendation"]),
        # ...and so does a lead-in naming who is to act, even after the items of another.
        ([("heading", "Recommendations"), ("heading", "The North West region should:"), ("list_item", "recruit enough probation officers"),
          ("heading", "The Bolton PDU should:"), ("list_item", "review cases when circumstances change")],
         [None, None, "recommendation", None, "recommendation"]),
        # Traps: a heading after the section's body ends it, as does one of the report's own section titles.
        ([("heading", "Areas for improvement"), ("list_item", "Supervision of investigations."), ("heading", "Investigating crime"),
          ("paragraph", "Most investigations are well supervised.")],
         [None, "area_for_improvement", None, None]),
        ([("heading", "Recommendations"), ("heading", "Overall effectiveness: good"), ("paragraph", "Leaders know their service well.")],
         [None, None, None]),
    ],
)
def test_flattened_headings_keep_their_section(blocks, expected):
    assert _flat_kinds(blocks) == expected


def test_prison_concerns_are_causes_of_concern(extractor):
    blocks = [
        ("paragraph", "We inspected the prison in January 2025."),
        ("heading", "Key concerns and recommendations", 2),
        ("heading", "Priority concerns", 3),
        ("list_item", "Self-harm had risen sharply and care for prisoners in crisis was inconsistent.", 4),
        ("heading", "Key concerns", 3),
        ("list_item", "Too few prisoners were helped to find accommodation before release.", 4),
        ("heading", "Notable positive practice", 2),
        ("list_item", "A family liaison officer met every new prisoner's visitors on their first visit.", 3),
    ]
    found = records(extractor, blocks, title="Report on an unannounced inspection of HMP Ashcombe", kind="report", publisher="HM Inspectorate of Prisons")
    assert found["Self-harm had risen sharply and care for prisoners in crisis was inconsistent."] == ("cause_of_concern", "negative")
    assert found["Too few prisoners were helped to find accommodation before release."] == ("cause_of_concern", "negative")
    assert found["A family liaison officer met every new prisoner's visitors on their first visit."][0] == "innovative_practice"


def test_cqc_actions_are_areas_for_improvement_and_their_lead_in_is_not_a_finding(extractor):
    blocks = [
        ("paragraph", "Patients waited too long in the emergency department, and staff told us they were under pressure."),
        ("heading", "What the trust needs to do", 2),
        ("paragraph", "Action the trust MUST take to comply with its legal obligations:"),
        ("list_item", "The trust must make sure that patients in the emergency department are assessed within 15 minutes of arrival."),
        ("paragraph", "Action the trust SHOULD take to improve:"),
        ("list_item", "The trust should make sure that staff complete their annual appraisals."),
    ]
    found = records(extractor, blocks, title="Wessex Hospitals NHS Trust – inspection report", kind="report", publisher="Care Quality Commission")
    assert not any(text.startswith("Action the trust") for text in found)
    assert found["The trust must make sure that patients in the emergency department are assessed within 15 minutes of arrival."] == ("area_for_improvement", "negative")
    assert found["The trust should make sure that staff complete their annual appraisals."] == ("area_for_improvement", "negative")


def test_probation_recommendations_under_a_lead_in_heading(extractor):
    blocks = [
        ("heading", "Overall findings", 2),
        ("paragraph", "Work to keep people safe was not good enough, and too many risk assessments were late.", 3),
        ("heading", "Recommendations", 2),
        ("heading", "The Wessex PDU should:", 2),
        ("list_item", "improve the quality of risk assessments so that they draw on police and children's services information", 2),
        ("list_item", "make sure that practitioners record home visits where there are child safeguarding concerns", 2),
    ]
    found = records(extractor, blocks, title="An inspection of probation services in: Wessex PDU", kind="report", publisher="HM Inspectorate of Probation")
    assert found["improve the quality of risk assessments so that they draw on police and children's services information"] == ("recommendation", "negative")
    assert found["make sure that practitioners record home visits where there are child safeguarding concerns"] == ("recommendation", "negative")


# 3 (news). A sentence that names the list it quotes from.
@pytest.mark.parametrize(
    "text, kind",
    [
        ("The inspectorate set out four areas for improvement, including a call for the council to speed up its assessments.", "area_for_improvement"),
        ("Inspectors made nine recommendations in total, including that the trust should review every long wait.", "recommendation"),
        ("The report names two causes of concern, including the force's handling of missing children.", "cause_of_concern"),
        # Traps: the list is named but no item is given from it, or "including" belongs to another clause.
        ("The report made 12 recommendations.", None),
        ("The force has acted on the recommendations; several teams, including the control room, have new managers.", None),
        ("Inspectors found staffing had improved, including in the control room.", None),
    ],
)
def test_stated_kind(text, kind):
    assert stated_kind(text) == kind


def test_a_news_item_from_a_list_takes_its_kind(extractor):
    text = "Ofsted set out three areas for improvement, including a call for the council to make sure care leavers have suitable homes."
    found = records(extractor, [("paragraph", "Children's services in Wessex have been rated good by Ofsted."), ("paragraph", text)],
                    title="Wessex children's services rated good")
    assert found[text] == ("area_for_improvement", "negative")


# 4. Polarity: praise hedged by "only" is criticism.
@pytest.mark.parametrize(
    "text, polarity",
    [
        ("Some care leavers live in housing that is only adequate.", "negative"),
        ("Supervision of newer staff was at best adequate.", "negative"),
        # Traps: "only" not hedging a word of praise.
        ("Only two of the five children's homes were adequate.", None),
        ("The only adequate response would be a new plan.", None),
        ("Health care was adequate and relationships were reasonable.", None),
    ],
)
def test_stated_polarity(text, polarity):
    assert stated_polarity(text) == polarity


def test_stated_polarities_is_stated_polarity_of_each():
    texts = [
        "Some care leavers live in housing that is only adequate.", "No hedge here.", "only ",
        "Supervision was at best adequate.", "", "Only two homes were adequate.", "It was merely",
        " fair, and barely reasonable.", "Staff were barely adequate.\x00Leaders were only reasonable.",
    ]
    assert stated_polarities(texts) == [stated_polarity(text) for text in texts]
    assert stated_polarities(texts)[0] == stated_polarities(texts)[3] == "negative"
    assert stated_polarities([]) == []


def test_hedged_praise_is_a_negative_finding(extractor):
    text = "Inspectors found that the support given to young carers was only satisfactory, and some waited months for an assessment."
    found = records(extractor, [("paragraph", text)], title="Wessex council told to improve help for young carers")
    assert found[text][1] == "negative"
