"""Read schema.org ClaimReview in every form publishers use, all or nothing (pure).

Forms: one JSON-LD object, an array, JSON Lines, a ``DataFeed`` (``dataFeedElement``, whose items may
wrap the review in ``item``), an ``@graph``, HTML pages with ``<script type="application/ld+json">``
blocks, and claimreview's own ``export --format claimreview`` output (an array). ClaimReviews are found
wherever they sit in the JSON (a WebPage's ``mainEntity``, say); other nodes are ignored.

A bad record fails the whole input with an ``InputError`` naming the file, the line (JSON Lines, HTML)
and the JSON pointer of the offending field, so the caller stores nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from claimreview.errors import InputError
from claimreview.jsonlines import jsonl_values

ProgressCallback = Callable[[int, int], None]
PROGRESS_EVERY = 1000

_TYPE_SUFFIX = ("claimreview",)
_WEB_URL = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)
_LD_JSON = re.compile(r"^\s*application/ld\+json\s*(;.*)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FactCheck:
    """One published fact-check. ``url`` (the review's address) is its key."""

    url: str
    claim_reviewed: str
    headline: str | None = None
    rating: str | None = None  # reviewRating.alternateName: the publisher's own words ("Mostly false")
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    publisher: str | None = None
    publisher_url: str | None = None
    date_published: str | None = None  # ISO date, YYYY-MM-DD
    claim_author: str | None = None
    claim_date: str | None = None
    appearance_url: str | None = None
    language: str | None = None  # lower-case BCP 47 tag as given ("en", "pt-br")


class _Bad(Exception):
    """A bad field; ``pointer`` is relative to the record, filled in by the caller."""

    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(message)
        self.pointer = pointer
        self.message = message


# --------------------------------------------------------------------------- entry points


def parse_file(path: str | Path, progress: ProgressCallback | None = None) -> list[FactCheck]:
    """Every ClaimReview in the file, or InputError. Unreadable or non-UTF-8 files are InputErrors too."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 text (byte {err.start})", path=path) from None
    return parse_text(text, source=str(path), progress=progress)


def parse_text(
    text: str, source: str = "<input>", progress: ProgressCallback | None = None
) -> list[FactCheck]:
    """Every ClaimReview in ``text`` (any supported form); ``source`` names it in errors.

    A url seen twice keeps the later record, as a re-import would.
    """
    text = text.removeprefix("\ufeff")
    head = text.lstrip()[:1]
    if head == "<":
        nodes = list(_html_nodes(text, source))
    elif source.lower().endswith((".jsonl", ".ndjson")):
        nodes = list(_jsonl_nodes(text, source))
    else:
        nodes = list(_json_nodes(text, source))
    total = len(nodes)
    out: dict[str, FactCheck] = {}
    for index, (node, pointer, line) in enumerate(nodes, start=1):
        try:
            check = from_node(node)
        except _Bad as bad:
            raise InputError(bad.message, path=source, line=line, field=pointer + bad.pointer) from None
        out.pop(check.url, None)  # keep file order of the last occurrence
        out[check.url] = check
        if progress is not None and (index % PROGRESS_EVERY == 0 or index == total):
            progress(index, total)
    return list(out.values())


# --------------------------------------------------------------------------- containers

_Found = tuple[dict[str, Any], str, int | None]


def _json_nodes(text: str, source: str) -> Iterator[_Found]:
    if not text.strip():
        raise InputError("empty file: no ClaimReview", path=source)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        # Several top-level values, one per line: JSON Lines without the file extension.
        if err.msg == "Extra data" and text.lstrip()[:1] in "{[":
            yield from _jsonl_nodes(text, source)
            return
        raise InputError(
            f"not valid JSON: {err.msg} (column {err.colno})", path=source, line=err.lineno
        ) from None
    found = list(_walk(value, ""))
    if not found and not (isinstance(value, list) and not value):  # "[]" is an empty export, fine
        raise InputError("no ClaimReview found", path=source)
    for node, pointer in found:
        yield node, pointer, None


def _jsonl_nodes(text: str, source: str) -> Iterator[_Found]:
    seen = False
    for number, value in jsonl_values(text, source):
        found = list(_walk(value, ""))
        if not found:
            raise InputError("no ClaimReview on this line", path=source, line=number)
        seen = True
        for node, pointer in found:
            yield node, pointer, number
    if not seen:
        raise InputError("empty file: no ClaimReview", path=source)


def _html_nodes(text: str, source: str) -> Iterator[_Found]:
    import lxml.html  # only HTML input pays for it

    try:
        root = lxml.html.document_fromstring(text)
    except Exception as err:  # lxml raises a handful of types for unparseable pages
        raise InputError(f"not an HTML page: {err}", path=source) from None
    seen = False
    for script in root.iter("script"):
        if not _LD_JSON.match(script.get("type") or ""):
            continue
        body = (script.text or "").strip()
        # Old pages wrap the JSON in an HTML comment or CDATA to hide it from ancient browsers.
        for start, end in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")):
            if body.startswith(start) and body.endswith(end):
                body = body[len(start) : -len(end)].strip()
        line = script.sourceline
        if not body:
            continue
        try:
            value = json.loads(body)
        except json.JSONDecodeError as err:
            at = (line or 1) + err.lineno - 1
            raise InputError(f"ld+json block is not valid JSON: {err.msg}", path=source, line=at) from None
        for node, pointer in _walk(value, ""):
            seen = True
            yield node, pointer, line
    if not seen:
        raise InputError('no ClaimReview in any <script type="application/ld+json"> block', path=source)


def _is_claim_review(node: dict[str, Any]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    # "ClaimReview", "schema:ClaimReview", "https://schema.org/ClaimReview"
    return any(
        isinstance(k, str) and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() in _TYPE_SUFFIX for k in kinds
    )


def _walk(value: Any, pointer: str) -> Iterator[tuple[dict[str, Any], str]]:
    """ClaimReview nodes anywhere in a JSON value, with their JSON pointers; not inside one another."""
    if isinstance(value, dict):
        if _is_claim_review(value):
            yield value, pointer
            return
        for key, item in value.items():
            if isinstance(item, dict | list):
                yield from _walk(item, f"{pointer}/{_escape(key)}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict | list):
                yield from _walk(item, f"{pointer}/{index}")


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


# --------------------------------------------------------------------------- one record


def from_node(node: dict[str, Any]) -> FactCheck:
    """The FactCheck of one ClaimReview node; raises _Bad with the field's pointer within the node."""
    url = _text(node, "url")
    if url is None:
        raise _Bad("/url", "missing: a ClaimReview needs the review's url (it is the fact-check's key)")
    if not _WEB_URL.match(url):
        raise _Bad("/url", "not an http(s) address")
    claim = _text(node, "claimReviewed")
    if claim is None:
        raise _Bad("/claimReviewed", "missing: a ClaimReview needs the text of the claim it reviews")
    rating_node, rating_ptr = _first_object(node, "reviewRating")
    publisher_node, publisher_ptr = _first_object(node, "author")
    if publisher_node is None:
        publisher_node, publisher_ptr = _first_object(node, "publisher")
    item, item_ptr = _first_object(node, "itemReviewed")
    author_name = claim_date = appearance = None
    if item is not None:
        author_node, author_ptr = _first_object(item, "author")
        if author_node is not None:
            author_name = _text(author_node, "name", item_ptr + author_ptr)
        else:
            author_name = _text(item, "author", item_ptr)
        claim_date = _date(item, "datePublished", item_ptr)
        appearance = _appearance(item, item_ptr)
    return FactCheck(
        url=url,
        claim_reviewed=claim,
        headline=_text(node, "headline") or _text(node, "name"),
        rating=_text(rating_node, "alternateName", rating_ptr) if rating_node else None,
        rating_value=_number(rating_node, "ratingValue", rating_ptr) if rating_node else None,
        best_rating=_number(rating_node, "bestRating", rating_ptr) if rating_node else None,
        worst_rating=_number(rating_node, "worstRating", rating_ptr) if rating_node else None,
        publisher=_text(publisher_node, "name", publisher_ptr) if publisher_node else _text(node, "author"),
        publisher_url=_text(publisher_node, "url", publisher_ptr) if publisher_node else None,
        date_published=_date(node, "datePublished"),
        claim_author=author_name,
        claim_date=claim_date,
        appearance_url=appearance,
        language=_language(node) or (_language(item, item_ptr) if item is not None else None),
    )


def _first_object(node: dict[str, Any], key: str) -> tuple[dict[str, Any] | None, str]:
    value = node.get(key)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                return item, f"/{key}/{index}"
        return None, f"/{key}"
    if isinstance(value, dict):
        return value, f"/{key}"
    return None, f"/{key}"


def _text(node: dict[str, Any], key: str, base: str = "") -> str | None:
    """A string field: a string, a JSON-LD ``{"@value": ...}``, or the first of a list of those."""
    value = node.get(key)
    pointer = f"{base}/{key}"
    if isinstance(value, list):
        if not value:
            return None
        value, pointer = value[0], pointer + "/0"
    if isinstance(value, dict) and "@value" in value:
        value, pointer = value["@value"], pointer + "/@value"
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Bad(pointer, f"expected text, got {_kind(value)}")
    value = " ".join(value.split())
    return value or None


def _number(node: dict[str, Any], key: str, base: str) -> float | None:
    value = node.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _Bad(f"{base}/{key}", f"expected a number, got {_kind(value)}")
    try:
        return float(value)
    except ValueError:
        raise _Bad(f"{base}/{key}", f"expected a number, got {str(value)[:40]!r}") from None


def _date(node: dict[str, Any], key: str, base: str = "") -> str | None:
    text = _text(node, key, base)
    if text is None:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        raise _Bad(f"{base}/{key}", f"not an ISO 8601 date: {text[:40]!r}") from None


def _appearance(item: dict[str, Any], base: str) -> str | None:
    for key in ("appearance", "firstAppearance"):
        value = item.get(key)
        if isinstance(value, str):
            return _text(item, key, base)
        found, pointer = _first_object(item, key)
        if found is not None:
            return _text(found, "url", base + pointer)
    return None


def _language(node: dict[str, Any], base: str = "") -> str | None:
    value = node.get("inLanguage")
    if isinstance(value, dict):  # {"@type": "Language", "name": "Spanish", "alternateName": "es"}
        tag = _text(value, "alternateName", f"{base}/inLanguage")
    else:
        tag = _text(node, "inLanguage", base)
    return tag.lower().replace("_", "-") if tag else None


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false"}.get(type(value), type(value).__name__)
