"""Dates as sites and documents write them, to ISO. Apart from `miner.text.html`
so that the pipeline (`miner.nlp.inspection`) and the PDF converter can read
dates without importing BeautifulSoup, a tenth of a second of start-up."""

from __future__ import annotations

import re

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july",
         "august", "september", "october", "november", "december"]
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9


def normalise_date(value: str | None) -> str | None:
    """ISO date (YYYY-MM-DD) from the formats sites use; None when unreadable."""
    if not value:
        return None
    value = value.strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        return match.group(0)
    match = re.search(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})", value)
    if match and match.group(2).lower() in MONTHS:
        day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
        return f"{year:04d}-{month:02d}-{day:02d}"
    match = re.search(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", value)
    if match and match.group(1).lower() in MONTHS:
        month, day, year = MONTHS[match.group(1).lower()], int(match.group(2)), int(match.group(3))
        return f"{year:04d}-{month:02d}-{day:02d}"
    match = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if match:
        return f"{int(match.group(3)):04d}-{int(match.group(2)):02d}-{int(match.group(1)):02d}"
    return None
