"""HTML page to plain text and metadata, in one streaming pass of lxml's HTML parser.

Body text comes from the first <article> that is not itself page furniture, else the first such
<main>, else the whole page. Page furniture (script, style, nav, header, footer, aside, form,
noscript and similar), elements marked ``hidden`` and blocks whose class or id names comments,
related links, share bars and the like are skipped. Each block element (p, h1-h6, li, figcaption,
blockquote, div, ...) becomes its own paragraph, paragraphs are separated by a blank line,
whitespace inside a paragraph collapses to single spaces and <br> becomes a line break. Entities
are decoded by the parser.

Metadata: Open Graph and other <meta> tags, <title>, <link rel=canonical> and <time>, then a
JSON-LD NewsArticle (or Article, or one inside "@graph") for whatever those left empty.

Why parser events instead of a tree: building a BeautifulSoup (or even an lxml) tree costs more
than everything else the reader does, and libxml2 silently drops the text of elements nested
deeper than its tree limit (256, or 2048 with huge_tree), while its event interface does not.

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

from lxml import etree

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
LD_JSON = "application/ld+json"

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
ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle"})


@dataclass(frozen=True, slots=True)
class HtmlPage:
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    text: str
    captions: tuple[tuple[int, int], ...] = ()  # spans of ``text`` that were <figcaption>s


class _Region:
    """Paragraphs of one candidate body (an <article>, a <main>, or the whole page)."""

    __slots__ = ("buffer", "captions", "marks", "paragraphs", "time")

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.buffer: list[str | None] = []  # raw text as parsed; None is a <br>
        self.time: str | None = None  # the first <time datetime> inside it
        self.marks: list[int] = []  # paragraph count where each open <figcaption> began
        self.captions: set[int] = set()  # indexes of paragraphs that are figure captions

    def caption_spans(self) -> tuple[tuple[int, int], ...]:
        spans: list[tuple[int, int]] = []
        pos = 0
        for i, paragraph in enumerate(self.paragraphs):
            if i in self.captions:
                spans.append((pos, pos + len(paragraph)))
            pos += len(paragraph) + 2
        return tuple(spans)

    def flush(self) -> None:
        if not self.buffer:
            return
        # Control characters go only after joining: the parser splits text at entities, and an
        # escape sequence written as "&#27;[2J" arrives in two pieces.
        runs: list[str] = []
        run: list[str] = []
        for piece in self.buffer:
            if piece is None:
                runs.append(CONTROL.sub("", "".join(run)))
                run = []
            else:
                run.append(piece)
        runs.append(CONTROL.sub("", "".join(run)))
        self.buffer.clear()
        # split/join collapses whitespace, as _text would
        lines = (" ".join(line.split()) for line in runs)
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            self.paragraphs.append(paragraph)


class _PageEvents:
    """lxml parser target: body text of each candidate region and the metadata, in one pass."""

    def __init__(self) -> None:
        self.page = _Region()
        self.regions: dict[str, _Region] = {}  # "article" / "main" -> the first one, once opened
        self.active: list[_Region] = [self.page]
        # Per open element: (name, skipped here, region it opened or None, collecting title/h1/ld)
        self.open: list[tuple[str, bool, _Region | None, list[str] | None]] = []
        self.skip = 0
        self.metas: dict[tuple[str, str], str] = {}
        self.title: list[str] | None = None
        self.h1: list[str] | None = None
        self.json_ld: list[list[str]] = []
        self.canonical: str | None = None
        self.sinks: list[list[str]] = []  # title, first h1, JSON-LD scripts being read

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        skipped = name in SKIPPED_TAGS or "hidden" in attrib or _is_furniture(attrib)
        sink = self._sink_for(name, attrib)
        region = None
        if name in ("article", "main") and name not in self.regions and self.skip == 0 and not skipped:
            region = self.regions[name] = _Region()
            self.active.append(region)
        if name == "meta":
            self._meta_tag(attrib)
        elif name == "link" and self.canonical is None and "canonical" in attrib.get("rel", "").split():
            self.canonical = attrib.get("href", "")
        elif name == "time" and "datetime" in attrib:
            for r in self.active:
                if r.time is None:
                    r.time = attrib["datetime"]
        if sink is not None:
            self.sinks.append(sink)
        self.open.append((name, skipped, region, sink))
        if skipped:
            self.skip += 1
        elif self.skip == 0:
            if name == "br":
                for r in self.active:
                    r.buffer.append(None)
            elif name in BLOCK_TAGS:
                for r in self.active:
                    r.flush()
                    if name == "figcaption":
                        r.marks.append(len(r.paragraphs))

    def end(self, tag: str) -> None:
        if not self.open:
            return
        name, skipped, region, sink = self.open.pop()
        if skipped:
            self.skip -= 1
        elif self.skip == 0 and name in BLOCK_TAGS:
            for r in self.active:
                r.flush()
                if name == "figcaption" and r.marks:
                    r.captions.update(range(r.marks.pop(), len(r.paragraphs)))
        if region is not None:
            region.flush()
            self.active.remove(region)
        if sink is not None:
            self.sinks.remove(sink)

    def data(self, text: str) -> None:
        for sink in self.sinks:
            sink.append(text)
        if self.skip == 0:
            for r in self.active:
                r.buffer.append(text)

    def comment(self, text: str) -> None:
        """Comments are never text."""

    def close(self) -> _PageEvents:
        self.page.flush()
        return self

    def _sink_for(self, name: str, attrib: dict[str, str]) -> list[str] | None:
        if name == "title" and self.title is None:
            self.title = []
            return self.title
        if name == "h1" and self.h1 is None:
            self.h1 = []
            return self.h1
        if name == "script" and attrib.get("type") == LD_JSON:
            self.json_ld.append([])
            return self.json_ld[-1]
        return None

    def _meta_tag(self, attrib: dict[str, str]) -> None:
        # Every <meta> content by (attribute, lowercased name), first one wins.
        content = attrib.get("content")
        if not content or not content.strip():
            return
        for attr in ("property", "name", "itemprop"):
            key = attrib.get(attr)
            if key is not None:
                self.metas.setdefault((attr, key.strip().lower()), content)


def parse_html(markup: str) -> HtmlPage:
    events = _PageEvents()
    parser = etree.HTMLParser(target=events, remove_comments=True, remove_pis=True)
    try:
        parser.feed(markup)
        parser.close()
    except etree.LxmlError:
        # Nothing parseable (only a comment, say): whatever was seen so far is the page.
        events.close()
    body = next(
        (r for r in (events.regions.get("article"), events.regions.get("main")) if r and r.paragraphs),
        events.page,
    )
    text = "\n\n".join(body.paragraphs)
    metas = events.metas
    ld = _json_ld(events.json_ld)
    title = _meta(metas, TITLE_META)
    if not title and events.title is not None:
        title = _collapse("".join(events.title))
    if not title and events.h1 is not None:
        title = _collapse("".join(events.h1))
    title = title or _ld_text(ld.get("headline"))
    published = None
    for value in (_meta(metas, DATE_META), body.time, _ld_text(ld.get("datePublished"))):
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
        url=_canonical_url(events.canonical, metas) or _http(_ld_text(_ld_url(ld))),
        text=text,
        captions=body.caption_spans(),
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


def _meta(metas: dict[tuple[str, str], str], keys: tuple[tuple[str, str], ...]) -> str | None:
    for attr, name in keys:
        if (attr, name.lower()) in metas:
            return _collapse(metas[attr, name.lower()])
    return None


def _json_ld(scripts: list[list[str]]) -> dict[str, Any]:
    """The first JSON-LD object typed as a news article; unreadable blocks are skipped, not fatal."""
    for script in scripts:
        try:
            data = json.loads("".join(script))
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


def _canonical_url(href: str | None, metas: dict[tuple[str, str], str]) -> str | None:
    href = CONTROL.sub("", href).strip() if href else None
    if href and href.startswith(("http://", "https://")):
        return href
    return _http(_meta(metas, (("property", "og:url"),)))


def _is_furniture(attrib: dict[str, str]) -> bool:
    classes = attrib.get("class")
    ident = attrib.get("id")
    if classes is None and ident is None:
        return False
    return FURNITURE_ATTR.search(f"{classes or ''} {ident or ''}") is not None
