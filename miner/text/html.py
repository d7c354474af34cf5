"""HTML to a Document: keep headings, paragraphs, list items, table rows and
captions as blocks; drop navigation, scripts, cookie banners and other page
furniture; read title, publisher, date and author from meta tags and JSON-LD."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from miner.document import Document, DocumentBuilder, normalise_space
from miner.text.dates import normalise_date
from miner.text.decode import decode_text, scrub

# Larger pages are refused: a news article or an HTML report is well under
# 2 MB; 16 MB of markup is a dump or an attack, and would cost gigabytes as
# a parse tree and a spaCy Doc.
MAX_HTML_BYTES = 16 * 1024 * 1024
# Elements nested deeper than this are flattened to their text. libxml2
# (under trafilatura and lxml) silently drops everything below depth 256,
# and our block walker recurses once per level.
MAX_DEPTH = 200

_DROP_TAGS = {
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form",
    "iframe", "svg", "button", "input", "select", "textarea", "object", "embed",
    "canvas", "map", "audio", "video", "dialog", "menu", "link", "meta",
}
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"}
# Class or id fragments that mark page furniture on news and government sites.
_FURNITURE = re.compile(
    r"(?:^|[-_ ])(?:cookie|consent|newsletter|subscribe|signup|sign-up|share|sharing|social|"
    r"related|recommended|promo|advert|advertisement|ad-slot|breadcrumb|skip-link|"
    r"site-header|site-footer|masthead|comments?|most-read|popular|read-more|readmore|"
    r"more-stories|trending|paywall|outbrain|taboola|banner|sidebar|toolbar|pagination)(?:$|[-_ ])",
    re.I,
)
_FURNITURE_TEXT = re.compile(
    r"^(?:read more|related:|more on this story|sign up|subscribe|share this|"
    r"we use cookies|accept (?:all )?cookies|advertisement|follow us|skip to main content)",
    re.I,
)
# Trafilatura discards any block whose class mentions "rating" (star widgets on blogs) or
# "expand" (teaser toggles); inspectorates' pages put their grades in "ratings" blocks and
# whole report sections in expandable ones (`_unhide_report_blocks`).
_RATING_OR_EXPANDER_CLASS = re.compile(r"rating|expand")
_STATES_GRADE = re.compile(
    r"\b(?:outstanding|good|requires? improvement|inadequate|adequate|poor|insufficient)\b", re.I
)
# More text than any widget holds: a section of the report.
_SECTION_CHARACTERS = 200
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_TEXT_BLOCKS = {"p", "li", "dt", "dd", "blockquote", "pre", "figcaption", "caption", "address", "summary"}
_CONTAINERS = {
    "div", "section", "article", "main", "body", "header", "figure", "ul", "ol", "dl",
    "table", "thead", "tbody", "tfoot", "details", "center", "html", "span",
}
_BLOCK_LEVEL = set(_HEADINGS) | _TEXT_BLOCKS | _CONTAINERS - {"span"} | {"tr", "td", "th", "br", "hr"}


def html_to_document(data: bytes | str, declared_charset: str | None = None) -> Document:
    """Main content by trafilatura (a maintained boilerplate remover: navigation,
    related links, most-read lists, cookie banners); our own block walker
    when trafilatura finds no main content."""
    markup = scrub(data) if isinstance(data, str) else decode_text(data, declared_charset, html=True)
    if _too_deep(markup):
        markup = _flatten_deep(markup)
    soup = BeautifulSoup(markup, "lxml")
    metadata = _metadata(soup)
    document = _main_content(_unhide_report_blocks(soup, markup), metadata)
    if document is not None:
        return document
    return _walk_document(soup, metadata)


def _unhide_report_blocks(soup: BeautifulSoup, markup: str) -> str:
    """The markup with the class words that make trafilatura drop a block taken off
    the blocks that state a grade or hold a section's worth of text (the markup
    unchanged, and not re-serialised, when there are none)."""
    changed = False
    for tag in soup.find_all(class_=_RATING_OR_EXPANDER_CLASS):
        text = tag.get_text(" ", strip=True)
        if _STATES_GRADE.search(text) or len(text) > _SECTION_CHARACTERS:
            kept = [c for c in tag.get("class", []) if not _RATING_OR_EXPANDER_CLASS.search(c)]
            if kept:
                tag["class"] = kept
            else:
                del tag["class"]
            changed = True
    return str(soup) if changed else markup


def _too_deep(markup: str) -> bool:
    """Does the element tree reach MAX_DEPTH? (lxml parses in C, in about a
    millisecond for an article: cheap enough to ask of every page.)"""
    import lxml.html
    from lxml import etree

    try:
        # Bytes with the encoding named: lxml refuses a str that carries an
        # <?xml encoding=...?> declaration.
        root = lxml.html.document_fromstring(markup.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return False
    depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth >= MAX_DEPTH:
            return True
    return False


def _flatten_deep(markup: str) -> str:
    """`markup` with tags below MAX_DEPTH dropped and their text kept, as
    browsers cap DOM depth (Chromium at 512). Python's tokenizer, which
    keeps no tree, so depth costs nothing."""
    from html import escape
    from html.parser import HTMLParser

    class Flattener(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.out: list[str] = []
            self.stack: list[str] = []
            self.open: dict[str, int] = {}

        def handle_starttag(self, tag, attrs):
            if tag in _VOID:
                self.out.append(self.get_starttag_text() if len(self.stack) < MAX_DEPTH else " ")
                return
            if tag in _SELF_CLOSING_SIBLINGS and self.stack and self.stack[-1] == tag:
                self.handle_endtag(tag)  # <p>one<p>two: the second closes the first
            self.out.append(self.get_starttag_text() if len(self.stack) < MAX_DEPTH else " ")
            self.stack.append(tag)
            self.open[tag] = self.open.get(tag, 0) + 1

        def handle_startendtag(self, tag, attrs):
            self.out.append(self.get_starttag_text() if len(self.stack) < MAX_DEPTH else " ")

        def handle_endtag(self, tag):
            if not self.open.get(tag):
                return
            while self.stack:
                name = self.stack.pop()
                self.open[name] -= 1
                self.out.append(f"</{name}>" if len(self.stack) < MAX_DEPTH else " ")
                if name == tag:
                    return

        def handle_data(self, data):
            self.out.append(escape(data, quote=False))

        def handle_decl(self, decl):
            self.out.append(f"<!{decl}>")

    flattener = Flattener()
    flattener.feed(markup)
    flattener.close()
    return "".join(flattener.out)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SELF_CLOSING_SIBLINGS = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}


def _main_content(markup: str, metadata: dict) -> Document | None:
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        markup, output_format="xml", include_tables=True, include_comments=False, include_images=False,
        include_formatting=False, include_links=False, with_metadata=True, deduplicate=False,
    )
    if not xml:
        return None
    root = etree.fromstring(xml.encode("utf-8"))
    builder = DocumentBuilder()
    headline = metadata.get("title") or root.get("title")
    first = root.find(".//head")
    if headline and (first is None or normalise_space("".join(first.itertext())) != normalise_space(headline)):
        # Trafilatura can leave the headline out of the body; it states grades too.
        builder.add("heading", headline, level=1)
    main = root.find("main")
    _xml_blocks(main if main is not None else root, builder)
    if not builder.blocks:
        return None
    found = trafilatura.extract_metadata(markup)
    if found is not None:
        metadata["title"] = metadata.get("title") or found.title
        metadata["publisher"] = metadata.get("publisher") or found.sitename
        metadata["published"] = metadata.get("published") or normalise_date(found.date)
        metadata["author"] = metadata.get("author") or found.author
    if not metadata.get("title"):
        metadata["title"] = next((b.text for b in builder.blocks if b.kind == "heading"), None)
    return builder.build("text/html", **metadata)


def _xml_blocks(element, builder: DocumentBuilder) -> None:
    for child in element:
        tag = child.tag
        if tag == "head":
            rend = child.get("rend") or "h2"
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
            builder.add("heading", "".join(child.itertext()), level=level)
        elif tag == "list":
            _xml_blocks(child, builder)
        elif tag == "item":
            nested = child.findall("list")
            own = (child.text or "") + "".join((n.tail or "") for n in nested)
            if nested:
                builder.add("list_item", own if own.strip() else "")
                for n in nested:
                    _xml_blocks(n, builder)
            else:
                builder.add("list_item", "".join(child.itertext()))
        elif tag == "table":
            rows = [[normalise_space("".join(c.itertext())) for c in row.findall("cell")] for row in child.iter("row")]
            first = next(child.iter("row"), None)
            header_cells = first.findall("cell") if first is not None else []
            if header_cells and all(c.get("role") == "head" for c in header_cells):
                rows = label_column_lists(rows)
            for cells in rows:
                cells = [c for c in cells if c]
                if cells:
                    builder.add("table_row", " | ".join(cells))
        elif tag in ("p", "quote", "code"):
            text = normalise_space("".join(child.itertext()))
            if text and not _FURNITURE_TEXT.match(text):
                builder.add("paragraph", text)
        elif len(child):
            _xml_blocks(child, builder)


def _walk_document(soup: BeautifulSoup, metadata: dict) -> Document:
    _strip_furniture(soup)
    root = (
        soup.find("main")
        or soup.find(attrs={"role": "main"})
        or _largest_article(soup)
        or soup.body
        or soup
    )
    builder = DocumentBuilder()
    _walk(root, builder)
    if not metadata.get("title"):
        first_heading = next((b.text for b in builder.blocks if b.kind == "heading"), None)
        metadata["title"] = first_heading
    return builder.build("text/html", **metadata)


def _largest_article(soup: BeautifulSoup) -> Tag | None:
    articles = soup.find_all("article")
    if not articles:
        return None
    return max(articles, key=lambda a: len(a.get_text()))


def _strip_furniture(soup: BeautifulSoup) -> None:
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        if tag.get("role") in _DROP_ROLES or tag.get("aria-hidden") == "true" or tag.has_attr("hidden"):
            tag.decompose()
            continue
        names = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
        if names.strip() and _FURNITURE.search(names) and tag.name not in ("body", "main", "article", "html"):
            tag.decompose()
    # A site header is furniture; an <header> inside the article holds the headline.
    for header in soup.find_all("header"):
        if header.find_parent(["article", "main"]) is None and not header.find("h1"):
            header.decompose()


def _walk(node: Tag, builder: DocumentBuilder) -> None:
    inline: list[str] = []

    def flush() -> None:
        text = normalise_space(" ".join(inline))
        inline.clear()
        if text and not _FURNITURE_TEXT.match(text):
            builder.add("paragraph", text)

    for child in node.children:
        if isinstance(child, NavigableString):
            inline.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name not in _BLOCK_LEVEL and not _has_block_child(child):
            inline.append(child.get_text(" "))
            continue
        flush()
        if name in _HEADINGS:
            builder.add("heading", child.get_text(" "), level=_HEADINGS[name])
        elif name == "tr":
            cells = [normalise_space(c.get_text(" ")) for c in child.find_all(["td", "th"], recursive=False)]
            cells = _labelled_row(child, cells, builder)
            cells = [c for c in cells if c]
            if cells:
                builder.add("table_row", " | ".join(cells))
        elif name in ("br", "hr"):
            continue
        elif name in _TEXT_BLOCKS and not _has_block_child(child):
            text = child.get_text(" ")
            if _FURNITURE_TEXT.match(normalise_space(text)):
                continue
            kind = {"li": "list_item", "dd": "list_item", "figcaption": "caption", "caption": "caption"}.get(name, "paragraph")
            builder.add(kind, text)
        else:
            _walk(child, builder)
    flush()


def label_column_lists(rows: list[list[str]]) -> list[list[str]]:
    """A table whose columns are lists under their headings ("Outstanding |
    Good | Adequate ..." with each area in its grade's column, the rest of the
    row empty) loses its meaning when empty cells are dropped: each body cell
    is prefixed with its column's heading ("Adequate: Preventing crime").
    Recognised by a body row whose first cell is empty while another is not (a
    table of row labels always names its rows); other tables are unchanged."""
    if len(rows) < 2 or len(rows[0]) < 2 or not all(rows[0]):
        return rows
    header, body = rows[0], rows[1:]
    if not any(len(r) == len(header) and not r[0] and any(r[1:]) for r in body):
        return rows
    if any(len(r) != len(header) for r in body):
        return rows
    return [header] + [[f"{h}: {c}" if c else "" for h, c in zip(header, r)] for r in body]


def _labelled_row(tr: Tag, cells: list[str], builder: DocumentBuilder) -> list[str]:
    """`cells` of row `tr`, labelled as `label_column_lists` does when its table
    is a table of column lists (worked out once per table, kept on `builder`)."""
    table = tr.find_parent("table")
    if table is None:
        return cells
    tables = builder.__dict__.setdefault("_column_lists", {})  # id(table) -> {id(tr): cells} or None
    if id(table) not in tables:
        rows = [r for r in table.find_all("tr") if r.find_parent("table") is table]
        labelled = None
        if rows and rows[0].find_all("th", recursive=False) and not rows[0].find_all("td", recursive=False):
            grid = [[normalise_space(c.get_text(" ")) for c in r.find_all(["td", "th"], recursive=False)] for r in rows]
            result = label_column_lists(grid)
            labelled = {id(r): cells for r, cells in zip(rows, result)} if result is not grid else None
        tables[id(table)] = labelled
    labelled = tables[id(table)]
    return labelled.get(id(tr), cells) if labelled else cells


def _has_block_child(tag: Tag) -> bool:
    return any(isinstance(c, Tag) and (c.name in _BLOCK_LEVEL and c.name != "span") for c in tag.descendants)


def _metadata(soup: BeautifulSoup) -> dict:
    meta: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        value = tag.get("content")
        if key and value and key not in meta:
            meta[key] = normalise_space(value)
    linked = _json_ld(soup)
    title = (
        meta.get("og:title")
        or linked.get("headline")
        or meta.get("dc.title")
        or meta.get("dcterms.title")
        or (normalise_space(soup.title.get_text()) if soup.title else None)
    )
    publisher = (
        meta.get("og:site_name")
        or linked.get("publisher")
        or meta.get("dc.publisher")
        or meta.get("dcterms.publisher")
        or meta.get("publisher")
    )
    published = (
        meta.get("article:published_time")
        or linked.get("datePublished")
        or meta.get("dcterms.issued")
        or meta.get("dc.date")
        or meta.get("dcterms.date")
        or meta.get("date")
        or meta.get("govuk:first-published-at")
    )
    if not published:
        time_tag = soup.find("time", attrs={"datetime": True})
        published = time_tag["datetime"] if time_tag else None
    author = meta.get("author") or linked.get("author") or meta.get("article:author")
    kind = None
    og_type = meta.get("og:type", "")
    if og_type == "article" or linked.get("@type") in ("NewsArticle", "Article", "ReportageNewsArticle"):
        kind = "news"
    return {
        "title": title,
        "publisher": publisher,
        "published": normalise_date(published),
        "author": author,
        "kind": kind,
    }


def _json_ld(soup: BeautifulSoup) -> dict:
    """The first Article-like object in JSON-LD, flattened to strings."""
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if not isinstance(item, dict) or "Article" not in str(item.get("@type", "")):
                continue
            out = {k: item.get(k) for k in ("headline", "datePublished", "@type")}
            for key in ("publisher", "author"):
                value = item.get(key)
                if isinstance(value, list):
                    value = value[0] if value else None
                if isinstance(value, dict):
                    value = value.get("name")
                out[key] = value
            return {k: v for k, v in out.items() if isinstance(v, str)}
    return {}
