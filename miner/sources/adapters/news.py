"""The generic news adapter: articles from any news site, its feeds and sitemaps.

An article page is stored as kind "news"; miner.text.html (trafilatura)
takes the body, headline, byline, publisher and date and drops the
furniture. A page that is not an article (a home or section page) is read
for links to follow: the ones in its content, not its navigation. Feeds and
sitemaps are handled by the crawler before an adapter sees anything.
"""

from __future__ import annotations

import json

from lxml import html as lxml_html

from miner.sources.adapters import DOCUMENT, PAGE, Adapter, Examination, Link, Page, register
from miner.sources.links import anchors, same_site

ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting")


@register("news")
class NewsAdapter(Adapter):
    kind = "news"

    def examine(self, page: Page) -> Examination:
        if page.link.role == DOCUMENT or not page.is_html or page.claims_pdf:
            # A feed entry, or a PDF or text file linked from the news: store it
            # (a "PDF" that is really a login page then fails, with that reason).
            return Examination(store=True, kind=self.kind if page.is_html else None)
        tree = page.tree()
        if is_article(tree):
            return Examination(store=True, kind=self.kind)
        # A home or section page: its content links lead to articles (or more sections).
        links = [Link(a.url, PAGE, title=a.text or None) for a in anchors(tree, page.url) if same_site(a.url, page.url)]
        return Examination(store=False, links=links)


def is_article(tree: lxml_html.HtmlElement) -> bool:
    """Does the page say it is one article (Open Graph, JSON-LD), or look like one?"""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key == "og:type" and (meta.get("content") or "").lower() == "article":
            return True
        if key == "article:published_time":
            return True
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and _declares_article(script.text or ""):
            return True
    # No metadata: one <article> holding several paragraphs reads as an article;
    # a section page has many short <article> teasers.
    articles = list(tree.iter("article"))
    return len(articles) == 1 and sum(1 for _ in articles[0].iter("p")) >= 3


def _declares_article(text: str) -> bool:
    try:
        data = json.loads(text)
    except ValueError:
        return False
    items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
    for item in items:
        if isinstance(item, dict):
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(t in ARTICLE_TYPES for t in types):
                return True
    return False

