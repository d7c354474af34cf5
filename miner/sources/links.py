"""Reading links out of HTML pages, for discovery (not for text: that is miner.text.html).

lxml, not BeautifulSoup: discovery parses every listing page of every crawl
and needs only anchors. Links inside page furniture (navigation, header,
footer, sidebars, forms) are left out: following "Privacy" and "Sport"
from every page is how a crawl wanders off its subject.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

from lxml import html as lxml_html

from miner.text.decode import decode_text

FURNITURE_TAGS = {"nav", "header", "footer", "aside", "form"}
FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}


@dataclass(frozen=True)
class Anchor:
    url: str  # absolute, http(s), without its #fragment
    text: str
    element: lxml_html.HtmlElement


def parse_html(data: bytes, charset: str | None = None) -> lxml_html.HtmlElement:
    """An lxml tree of `data` (decoded the way miner.text decodes pages)."""
    markup = decode_text(data, charset)
    if not markup.strip():
        return lxml_html.fromstring("<html></html>")
    return lxml_html.document_fromstring(markup)


def base_url(tree: lxml_html.HtmlElement, page_url: str) -> str:
    """The URL relative links resolve against: <base href> if the page sets one."""
    for base in tree.iter("base"):
        href = base.get("href")
        if href:
            return urllib.parse.urljoin(page_url, href.strip())
    return page_url


def absolute(base: str, href: str | None) -> str | None:
    """`href` resolved against `base`, fragment dropped; None unless http(s)."""
    if not href:
        return None
    url = urllib.parse.urljoin(base, href.strip()).split("#")[0]
    return url if urllib.parse.urlsplit(url).scheme in ("http", "https") else None


def in_furniture(element: lxml_html.HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in FURNITURE_TAGS or (ancestor.get("role") or "").lower() in FURNITURE_ROLES:
            return True
    return False


def anchors(tree: lxml_html.HtmlElement, page_url: str, *, root: lxml_html.HtmlElement | None = None, content_only: bool = True) -> list[Anchor]:
    """Every followable anchor under `root` (default: the whole page), in page order, first of each URL."""
    base = base_url(tree, page_url)
    seen: set[str] = set()
    found: list[Anchor] = []
    for element in (root if root is not None else tree).iter("a"):
        if content_only and in_furniture(element):
            continue
        if "nofollow" in (element.get("rel") or "").lower().split():
            continue
        url = absolute(base, element.get("href"))
        if url is None or url in seen or url.split("#")[0] == page_url:
            continue
        seen.add(url)
        found.append(Anchor(url, " ".join(element.text_content().split()), element))
    return found


def same_site(url: str, other: str) -> bool:
    """Same host and port (the scheme may differ: http -> https upgrades are common)."""
    return urllib.parse.urlsplit(url).netloc.lower() == urllib.parse.urlsplit(other).netloc.lower()
