"""A small, exact miner database for the watch tests: three Birmingham
inspection reports (2016, 2019, 2023) and a news article, with hand-written
findings and gradings inserted directly (no extractor), so every row the
watch tables should hold can be stated in advance."""

from miner.store import open_database

ORG = "birmingham-city-council"

DOCUMENTS = [
    # id, kind, date, url
    (1, "report", "2016-11-25", "https://reports.example/birmingham-2016.pdf"),
    (2, "report", "2019-01-17", "https://reports.example/birmingham-2019.pdf"),
    (3, "report", "2023-04-18", "https://reports.example/birmingham-2023.pdf"),
    (4, "news", "2023-04-20", "https://news.example/birmingham-ofsted"),
]

FINDINGS = [
    # id, document, kind, polarity, topic, text
    (1, 1, "recommendation", "negative", "vulnerability", "Ensure that return home interviews are offered to all children who go missing."),
    (2, 1, "recommendation", "negative", "children_in_care", "Reduce the time that children wait to move in with their adoptive families."),
    (3, 1, "finding", "positive", "leadership", "Leaders have a clear plan for improvement."),
    (4, 2, "area_for_improvement", "negative", "vulnerability", "The take-up of return home interviews by children who go missing."),
    (5, 2, "area_for_improvement", "negative", "workforce", "Social workers' caseloads are too high in the assessment teams."),
    (6, 3, "area_for_improvement", "negative", "vulnerability", "Return home interviews for children who go missing are not always offered."),
    (7, 4, "finding", "negative", "vulnerability", "Return home interviews are still not offered to every child who goes missing."),
]

GRADINGS = [
    # id, document, area, grade, previous
    (1, 1, "overall effectiveness", "inadequate", 0),
    (2, 2, "overall effectiveness", "requires improvement to be good", 0),
    (3, 3, "overall effectiveness", "good", 0),
    (4, 2, "children in care", "good", 0),
    (5, 3, "children in care", "requires improvement to be good", 0),
    (6, 3, "overall effectiveness", "requires improvement to be good", 1),  # the 2019 grade, mentioned in 2023
    (7, 4, "overall effectiveness", "good", 0),  # the news repeating the 2023 grade
]


def build(path):
    db = open_database(path)
    for doc_id, kind, date, url in DOCUMENTS:
        db["documents"].insert(
            {
                "id": doc_id, "url": url, "content_hash": f"hash{doc_id}", "version": 1, "kind": kind,
                "title": f"Birmingham {kind} {date[:4]}", "published": date,
                "inspection_date": date if kind == "report" else None, "subject_id": ORG, "text": "",
            }
        )
    for f_id, doc_id, kind, polarity, topic, text in FINDINGS:
        db["findings"].insert(
            {
                "id": f_id, "document_id": doc_id, "organisation_id": ORG, "text": text, "kind": kind,
                "polarity": polarity, "topic": topic, "confidence": 1.0, "sentence": text, "start": 0, "end": len(text),
            }
        )
    for g_id, doc_id, area, grade, previous in GRADINGS:
        db["gradings"].insert(
            {
                "id": g_id, "document_id": doc_id, "organisation_id": ORG, "area": area, "grade": grade,
                "scale": "ofsted", "previous": previous, "year": int(DOCUMENTS[doc_id - 1][2][:4]),
                "method": "table", "sentence": f"{area} | {grade}", "start": 0, "end": 0,
            }
        )
    return db
