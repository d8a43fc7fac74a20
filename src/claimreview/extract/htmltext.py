"""HTML page to plain text and metadata (BeautifulSoup with lxml).

Body text comes from <article>, else <main>, else <body>. Page furniture (script, style, nav,
header, footer, aside, form, noscript and similar) and elements marked ``hidden`` are skipped.
Each block element (p, h1-h6, li, figcaption, blockquote, div, ...) becomes its own paragraph,
paragraphs are separated by a blank line, whitespace inside a paragraph collapses to single
spaces and <br> becomes a line break. Entities are decoded by the parser.

Metadata: Open Graph and other <meta> tags, <title>, <link rel=canonical> and <time>, then a
JSON-LD NewsArticle (or Article, or one inside "@graph") for whatever those left empty.

trafilatura was tried as the body extractor (issue 10) and is not used: in its fast mode (the
only one near this reader's speed) it moves the byline out of the text, drops figure captions,
returns nothing for short pages (an article of one paragraph, the &#27; control-character case)
and for deeply nested markup, and on a page without <article>/<main> glues navigation and
``hidden`` elements into one paragraph. Each of those breaks a behaviour tests/unit/
test_read_article.py pins down.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from claimreview.extract.dates import parse_iso_date
from claimreview.extract.readers import CONTROL
from claimreview.extract.wordlist import words

SKIPPED_TAGS = words("""
    script style nav header footer aside form noscript template svg iframe button select textarea
    object embed canvas dialog menu head title
    """)
BLOCK_TAGS = words("""
    p h1 h2 h3 h4 h5 h6 li figcaption blockquote div section article main ul ol dl dt dd table tr td
    th thead tbody tfoot caption figure pre address hr body html
    """)
NON_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
# Reader comments, related links, share bars and the like sit in ordinary <div>/<section>/<ul>
# elements on real pages; only their class or id says what they are. Bylines and captions stay:
# the extractor recognises them as furniture and they help attribution.
FURNITURE_ATTR = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-list|disqus\w*|related(?:-\w+)?|more-on-this|also-read|share\w*"
    r"|social|newsletter|breadcrumbs?|sidebar|promo|advert\w*|ads?|cookies?|skip-link|most-read"
    r"|outbrain|taboola|paywall)(?:$|[\s_-])",
    re.IGNORECASE,
)
WHITESPACE = re.compile(r"\s+")

TITLE_META = (("property", "og:title"), ("name", "twitter:title"))
PUBLISHER_META = (("property", "og:site_name"), ("name", "publisher"), ("name", "application-name"))
DATE_META = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "date"),
    ("name", "pubdate"),
    ("name", "dc.date"),
)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    text: str


def parse_html(markup: str) -> HtmlPage:
    soup = BeautifulSoup(markup, "lxml")
    root = soup.find("article") or soup.find("main") or soup.body or soup
    text = "\n\n".join(_paragraphs(root))
    metas = _metas(soup)
    ld = _json_ld(soup) if "ld+json" in markup else {}
    title = _meta(metas, TITLE_META)
    if not title and soup.title is not None:
        title = _collapse(soup.title.get_text())
    if not title:
        h1 = soup.find("h1")
        title = _collapse(h1.get_text()) if h1 is not None else None
    title = title or _ld_text(ld.get("headline"))
    published = None
    for value in (_meta(metas, DATE_META), _time_datetime(root), _ld_text(ld.get("datePublished"))):
        published = parse_iso_date(value) if value else None
        if published:
            break
    publisher = _meta(metas, PUBLISHER_META) or _ld_text(_ld_name(ld.get("publisher")))
    if title and publisher:
        title = _strip_site_suffix(title, publisher)
    return HtmlPage(
        title=title or None,
        publisher=publisher,
        published=published,
        url=_canonical_url(soup, metas) or _http(_ld_text(_ld_url(ld))),
        text=text,
    )


def _strip_site_suffix(title: str, publisher: str) -> str:
    # <title> often reads "Headline | Site"; the site is already in ``publisher``.
    for sep in (" | ", " - ", " – ", " — ", " · "):
        suffix = sep + publisher
        if title.endswith(suffix) and len(title) > len(suffix):
            return title[: -len(suffix)].rstrip()
    return title


def _text(value: str) -> str:
    # Entities decode only here (&#27; is ESC), after readers stripped control characters from the file.
    return WHITESPACE.sub(" ", CONTROL.sub("", value))


def _collapse(value: str) -> str:
    return _text(value).strip()


def _metas(soup: BeautifulSoup) -> dict[tuple[str, str], str]:
    """Every <meta> content by (attribute, lowercased name), first one wins: one walk, not one per key."""
    found: dict[tuple[str, str], str] = {}
    for tag in soup.find_all("meta"):
        content = tag.get("content")
        if not isinstance(content, str) or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            name = tag.get(attr)
            if isinstance(name, str):
                found.setdefault((attr, name.strip().lower()), content)
    return found


def _meta(metas: dict[tuple[str, str], str], keys: tuple[tuple[str, str], ...]) -> str | None:
    for attr, name in keys:
        if (attr, name.lower()) in metas:
            return _collapse(metas[attr, name.lower()])
    return None


ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle"})


def _json_ld(soup: BeautifulSoup) -> dict[str, Any]:
    """The first JSON-LD object typed as a news article; unreadable blocks are skipped, not fatal."""
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(k in ARTICLE_TYPES for k in kinds if isinstance(k, str)):
                    return item
                if "@graph" in item:
                    stack.append(item["@graph"])
    return {}


def _ld_text(value: object) -> str | None:
    return _collapse(value) or None if isinstance(value, str) else None


def _ld_name(value: object) -> object:
    # "publisher": {"@type": "Organization", "name": "..."} or a plain string.
    if isinstance(value, list) and value:
        value = value[0]
    return value.get("name") if isinstance(value, dict) else value


def _ld_url(ld: dict[str, Any]) -> object:
    url = ld.get("url")
    if isinstance(url, str):
        return url
    page = ld.get("mainEntityOfPage")
    return page.get("@id") if isinstance(page, dict) else page


def _http(url: str | None) -> str | None:
    return url if url and url.startswith(("http://", "https://")) else None


def _time_datetime(root: Tag | BeautifulSoup) -> str | None:
    tag = root.find("time", attrs={"datetime": True})
    value = tag.get("datetime") if isinstance(tag, Tag) else None
    return value if isinstance(value, str) else None


def _canonical_url(soup: BeautifulSoup, metas: dict[tuple[str, str], str]) -> str | None:
    link = soup.find("link", attrs={"rel": "canonical"})
    href = link.get("href") if isinstance(link, Tag) else None
    href = CONTROL.sub("", href).strip() if isinstance(href, str) else None
    if href and href.startswith(("http://", "https://")):
        return href
    return _http(_meta(metas, (("property", "og:url"),)))


def _is_furniture(node: Tag) -> bool:
    attrs = node.attrs
    if "class" not in attrs and "id" not in attrs:
        return False
    classes = attrs.get("class")
    label = " ".join(classes) if isinstance(classes, list) else str(classes or "")
    ident = attrs.get("id")
    label = f"{label} {ident}" if isinstance(ident, str) else label
    return FURNITURE_ATTR.search(label) is not None


def _paragraphs(root: Tag | BeautifulSoup) -> list[str]:
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        lines = (" ".join(line.split()) for line in "".join(buffer).split("\n"))
        buffer.clear()
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)

    # Explicit stack: hostile pages nest deeper than Python's recursion limit.
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            flush()
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, NON_TEXT):
                buffer.append(_text(str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name.lower()
        if name in SKIPPED_TAGS or node.has_attr("hidden") or _is_furniture(node):
            continue
        if name == "br":
            buffer.append("\n")
            continue
        if name in BLOCK_TAGS:
            flush()
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    flush()
    return paragraphs
