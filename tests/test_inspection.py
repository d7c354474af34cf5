"""identify_inspection: the inspectorate and programme a document reports on,
the same with the literal prefilters (folded text) as on the plain path."""

import pytest

from miner.nlp import inspection
from miner.nlp.inspection import identify_inspection

HEADS = [
    ("Inspection of Northshire local authority children’s services\nInspection dates: 3 to 14 March 2025\n"
     "Report published: 2 May 2025\nThe council’s services improved.", "ofsted", "ILACS", "2025-05-02"),
    ("Ofsted: Northshire County Council\nInspection of services for children in need of help and protection, children "
     "looked after and care leavers\nReport published: 20 June 2014", "ofsted", "SIF", "2014-06-20"),
    ("A children's services inspection found the council's help for families good.", "ofsted", None, None),
    ("The ILACS framework changed in 2023; Ofsted said so.", "ofsted", "ILACS", None),
    ("A CHILDREN’S SERVICES INSPECTION began in May.", "ofsted", None, None),
    ("The children of the town played in the park.", None, None, None),
]


@pytest.mark.parametrize("text, inspectorate, programme, date", HEADS)
def test_programme_found_with_and_without_the_prefilters(text, inspectorate, programme, date, monkeypatch):
    found = identify_inspection(text)
    assert (found.inspectorate, found.programme, found.date) == (inspectorate, programme, date)
    # The plain path (text that cannot be folded, as with a Kelvin sign) gives the same.
    monkeypatch.setattr(inspection, "fold", lambda text: None)
    assert identify_inspection(text) == found
