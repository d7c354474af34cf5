"""The inspectorate adapter: report listings -> report pages -> their PDFs.

Inspectorates publish a paginated list of reports, each entry naming the
inspected organisation, the programme and the publication date; the entry
links to a report page, which links to the full report as a PDF. This
adapter reads those entries from the shapes listings come in (definition
lists, labelled spans or "Label: value" lines, tables with a header row),
follows "next page" links, stores report pages and PDFs as kind "report",
and records each entry's metadata in `listing_metadata`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

from miner.sources.adapters import DOCUMENT, LISTING, PAGE, REPORT, Adapter, Examination, Link, Page, register
from miner.sources.links import absolute, anchors, base_url, in_furniture, same_site
from miner.text.dates import normalise_date

# Listing labels, in the words inspectorates use, for each field we keep.
FIELD_LABELS = {
    "published": ("published", "publication date", "date published", "date of publication", "report published", "date"),
    "organisation": (
        "organisation", "organization", "provider", "force", "service", "establishment", "council",
        "local authority", "trust", "prison", "school", "setting", "inspected body", "location",
    ),
    "programme": ("programme", "program", "inspection programme", "inspection type", "report type", "type", "category"),
}
_NEXT_TEXT = re.compile(r"^(?:next(?: page)?|older(?: reports| posts| results)?|more results)?\s*[›»>→]*$", re.I)
_ITEM_TAGS = ("li", "article", "div", "section", "tr")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass
class ListingEntry:
    """One report as a listing shows it."""

    url: str
    title: str | None = None
    organisation: str | None = None
    programme: str | None = None
    published: str | None = None  # YYYY-MM-DD


@register("inspectorate")
class InspectorateAdapter(Adapter):
    kind = "report"
    feed_entry_role = REPORT  # an inspectorate's feed lists report pages

    def examine(self, page: Page) -> Examination:
        if not page.is_html or page.link.role == DOCUMENT or page.claims_pdf:
            return Examination(store=True, kind=self.kind)
        tree = page.tree()
        if page.link.role in (LISTING, PAGE):
            entries = parse_listing(tree, page.url)
            following = next_page(tree, page.url)
            if entries or page.link.role == LISTING:
                return self._listing(page, entries, following)
        return self._report(page, tree)

    def _listing(self, page: Page, entries: list[ListingEntry], following: str | None) -> Examination:
        links, rows = [], []
        for entry in entries:
            role = DOCUMENT if _looks_like_pdf(entry.url) else REPORT
            metadata = {"organisation": entry.organisation, "programme": entry.programme, "listing_url": page.url}
            links.append(Link(entry.url, role, entry.published, entry.title, metadata))
            rows.append(
                {
                    "url": entry.url, "listing_url": page.url, "report_url": None, "title": entry.title,
                    "organisation": entry.organisation, "programme": entry.programme, "published": entry.published,
                    "adapter": self.name,
                }
            )
        if following and same_site(following, page.url):
            links.append(Link(following, LISTING))
        return Examination(store=False, links=links, listings=rows)

    def _report(self, page: Page, tree: lxml_html.HtmlElement) -> Examination:
        """A report page: stored, and the PDFs it links to followed with the listing's metadata."""
        parent = page.link
        links, rows = [], []
        for anchor in anchors(tree, page.url):
            if not (_looks_like_pdf(anchor.url) or "pdf" in anchor.text.lower() or "pdf" in (anchor.element.get("type") or "")):
                continue
            metadata = {**parent.metadata, "report_url": page.url}
            links.append(Link(anchor.url, DOCUMENT, parent.published, anchor.text or None, metadata))
            rows.append(
                {
                    "url": anchor.url, "listing_url": parent.metadata.get("listing_url"), "report_url": page.url,
                    "title": anchor.text or None, "organisation": parent.metadata.get("organisation"),
                    "programme": parent.metadata.get("programme"), "published": parent.published, "adapter": self.name,
                }
            )
        return Examination(store=True, kind=self.kind, links=links, listings=rows)


def parse_listing(tree: lxml_html.HtmlElement, page_url: str) -> list[ListingEntry]:
    """The report entries of a listing page, in page order, one per report URL."""
    base = base_url(tree, page_url)
    entries: list[ListingEntry] = []
    for table in tree.iter("table"):
        if not in_furniture(table):
            entries.extend(_table_entries(table, base))
    candidates = [el for el in tree.iter(*_ITEM_TAGS) if el.tag != "tr" and not in_furniture(el)]
    items = [(el, _item_entry(el, base)) for el in candidates]
    qualifying = {el for el, entry in items if entry is not None}
    for element, entry in items:
        # The innermost element holding one entry: not the list that holds them all.
        if entry is not None and not any(d in qualifying for d in element.iterdescendants()):
            entries.append(entry)
    seen: set[str] = set()
    unique = []
    for entry in entries:
        if entry.url not in seen:
            seen.add(entry.url)
            unique.append(entry)
    return unique


def next_page(tree: lxml_html.HtmlElement, page_url: str) -> str | None:
    """The listing's next page: rel="next", else a "Next" link in its pagination."""
    base = base_url(tree, page_url)
    for element in tree.iter("a", "link"):
        if "next" in (element.get("rel") or "").lower().split():
            url = absolute(base, element.get("href"))
            if url:
                return url
    for element in tree.iter("a"):
        label = " ".join(element.text_content().split()) or (element.get("aria-label") or "")
        if label and _NEXT_TEXT.match(label) and _in_pagination(element):
            url = absolute(base, element.get("href"))
            if url and url != page_url:
                return url
    return None


def _item_entry(element: lxml_html.HtmlElement, base: str) -> ListingEntry | None:
    fields = _fields(element)
    if not (fields.get("published") or fields.get("organisation")):
        return None
    link = _title_link(element)
    url = absolute(base, link.get("href")) if link is not None else None
    if url is None:
        return None
    title = " ".join(link.text_content().split()) or None
    return ListingEntry(url, title, fields.get("organisation"), fields.get("programme"), normalise_date(fields.get("published")))


def _table_entries(table: lxml_html.HtmlElement, base: str) -> list[ListingEntry]:
    rows = list(table.iter("tr"))
    if not rows:
        return []
    header = [" ".join(cell.text_content().split()) for cell in rows[0] if cell.tag in ("th", "td")]
    columns = {i: field for i, label in enumerate(header) if (field := _field_for(label))}
    if not columns:
        return []
    entries = []
    for row in rows[1:]:
        cells = [cell for cell in row if cell.tag in ("th", "td")]
        link = next(row.iter("a"), None)
        url = absolute(base, link.get("href")) if link is not None else None
        if url is None:
            continue
        values = {columns[i]: _cell_value(cell) for i, cell in enumerate(cells) if i in columns}
        entries.append(
            ListingEntry(
                url, " ".join(link.text_content().split()) or None, values.get("organisation"), values.get("programme"),
                normalise_date(values.get("published")),
            )
        )
    return entries


def _fields(element: lxml_html.HtmlElement) -> dict[str, str]:
    """Labelled values inside one listing item: <dt>/<dd>, class names, "Label: value", <time>."""
    fields: dict[str, str] = {}
    for dt in element.iter("dt"):
        field = _field_for(dt.text_content())
        dd = dt.getnext()
        if field and dd is not None and dd.tag == "dd":
            fields.setdefault(field, _cell_value(dd))
    for child in element.iter():
        if not isinstance(child.tag, str):
            continue
        for token in (child.get("class") or "").lower().replace("_", "-").split():
            field = next((f for f, labels in FIELD_LABELS.items() if token.split("-")[-1] in labels or token in labels), None)
            if field and child.tag not in _ITEM_TAGS:
                fields.setdefault(field, _cell_value(child))
        if child.tag in ("a",) + _HEADINGS:
            continue
        # "Published: 3 May 2024", the label possibly in its own <strong>.
        label, colon, value = " ".join(child.text_content().split()).partition(":")
        field = _field_for(label) if colon and len(label) <= 40 else None
        if field and value.strip():
            fields.setdefault(field, value.strip())
    if "published" not in fields:
        time_tag = next(element.iter("time"), None)
        if time_tag is not None:
            fields["published"] = _cell_value(time_tag)
    return {k: v for k, v in fields.items() if v}


def _field_for(label: str) -> str | None:
    label = " ".join(label.lower().replace(":", " ").split())
    for field, labels in FIELD_LABELS.items():
        if label in labels:
            return field
    return None


def _cell_value(element: lxml_html.HtmlElement) -> str:
    time_tag = element if element.tag == "time" else next(element.iter("time"), None)
    if time_tag is not None and time_tag.get("datetime"):
        return time_tag.get("datetime").strip()
    return " ".join(element.text_content().split())


def _title_link(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    for heading in element.iter(*_HEADINGS):
        link = next(heading.iter("a"), None)
        if link is not None and link.get("href"):
            return link
    return next((a for a in element.iter("a") if a.get("href") and a.text_content().strip()), None)


def _in_pagination(element: lxml_html.HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        names = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''} {ancestor.get('aria-label') or ''}".lower()
        if "pagination" in names or "pager" in names or ancestor.tag == "nav":
            return True
    return False


def _looks_like_pdf(url: str) -> bool:
    return url.lower().split("?")[0].split("#")[0].endswith(".pdf")
