"""HTML page to plain text and metadata (BeautifulSoup with lxml).

Body text comes from <article>, else <main>, else <body>. Page furniture (script, style, nav,
header, footer, aside, form, noscript and similar) and elements marked ``hidden`` are skipped.
Each block element (p, h1-h6, li, figcaption, blockquote, div, ...) becomes its own paragraph,
paragraphs are separated by a blank line, whitespace inside a paragraph collapses to single
spaces and <br> becomes a line break. Entities are decoded by the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    title = _meta(soup, TITLE_META)
    if not title and soup.title is not None:
        title = _collapse(soup.title.get_text())
    if not title:
        h1 = soup.find("h1")
        title = _collapse(h1.get_text()) if h1 is not None else None
    published = None
    for value in (_meta(soup, DATE_META), _time_datetime(root)):
        published = parse_iso_date(value) if value else None
        if published:
            break
    publisher = _meta(soup, PUBLISHER_META)
    if title and publisher:
        title = _strip_site_suffix(title, publisher)
    return HtmlPage(
        title=title or None,
        publisher=publisher,
        published=published,
        url=_canonical_url(soup),
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


def _meta(soup: BeautifulSoup, keys: tuple[tuple[str, str], ...]) -> str | None:
    for attr, name in keys:
        tag = soup.find("meta", attrs={attr: name})
        if isinstance(tag, Tag):
            content = tag.get("content")
            if isinstance(content, str) and content.strip():
                return _collapse(content)
    return None


def _time_datetime(root: Tag | BeautifulSoup) -> str | None:
    tag = root.find("time", attrs={"datetime": True})
    value = tag.get("datetime") if isinstance(tag, Tag) else None
    return value if isinstance(value, str) else None


def _canonical_url(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", attrs={"rel": "canonical"})
    href = link.get("href") if isinstance(link, Tag) else None
    href = CONTROL.sub("", href).strip() if isinstance(href, str) else None
    if href and href.startswith(("http://", "https://")):
        return href
    og = _meta(soup, (("property", "og:url"),))
    return og if og and og.startswith(("http://", "https://")) else None


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
        if name in SKIPPED_TAGS or node.has_attr("hidden"):
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
