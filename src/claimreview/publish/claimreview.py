"""The schema.org ClaimReview of one published review, as a plain dict ready for JSON (pure).

Google's fact-check documentation requires ``claimReviewed`` (a summary, ideally under 75
characters), ``reviewRating`` with ``alternateName``, and ``url``; it recommends ``author``,
``datePublished``, ``itemReviewed`` (a Claim with ``author``, ``datePublished``, ``appearance``,
``firstAppearance``) and the rating's numbers. Everything here is built from a ``PublishedReview``
that the caller reads from the store; nothing is looked up.

Addresses in the markup are http(s) only: a document imported from a file path or with a
``javascript:`` address has no ``appearance`` (``omissions`` says so), since a local path means
nothing to a reader and a script address is an attack. Untrusted text is stored in the markup
without bidi controls and with control characters made visible, as on the page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from claimreview.errors import InputError
from claimreview.export.common import iso_date, web_url
from claimreview.export.jsonld import speaker_type
from claimreview.publish.rating import Rating
from claimreview.publish.settings import PublishSettings
from claimreview.textsafe import BIDI_CONTROLS, one_line, printable, without_bidi_controls

SUMMARY_LIMIT = 75  # Google: "try to keep this less than 75 characters" (it wraps on phones)
PAGE_FOLDER = "review"
_CLAIM_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")  # also a file name: no dots, no slashes
LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")  # a BCP 47 tag, loosely


@dataclass(frozen=True, slots=True)
class Evidence:
    url: str
    title: str = ""
    quote: str = ""


@dataclass(frozen=True, slots=True)
class PublishedReview:
    """One published review. Timestamps are ISO 8601 (the store's ``2024-05-01T12:03:04.000000Z``)."""

    claim_id: str
    claim_text: str
    rating: Rating  # from the organisation's scale: settings.rating_scale.find(...) or .for_verdict(...)
    summary: str  # claimReviewed; empty: the claim text shortened to SUMMARY_LIMIT
    explanation: str
    published_at: str  # the first publish event: datePublished
    approved_at: str
    language: str = "en"  # of the summary and explanation
    speaker: str | None = None
    document_title: str | None = None
    document_url: str | None = None
    document_published: str | None = None  # as the document gives it; read with iso_date
    first_appearance_url: str | None = None  # an earlier document with the claim, when known
    evidence: tuple[Evidence, ...] = ()
    reviewers: tuple[str, ...] = ()
    first_verdict_at: str | None = None
    modified_at: str | None = None  # a later publish event (a corrected review): dateModified


def line(text: str | None) -> str:
    """Untrusted text on one line as pages and markup show it: no bidi controls, controls visible."""
    if not text:
        return ""
    return " ".join(one_line(without_bidi_controls(text)).split())


def block(text: str | None) -> str:
    """Like ``line`` but keeps line breaks (explanations, quotes)."""
    if not text:
        return ""
    return printable(without_bidi_controls(text)).replace("\r\n", "\n").strip()


def href(url: str | None) -> str | None:
    """An http(s) address fit for a link or the markup, else None. Bidi controls, which could make an
    address display as another, are percent-encoded (the address still resolves the same)."""
    found = web_url(url)
    if found is None:
        return None
    for char in BIDI_CONTROLS:
        if char in found:
            found = found.replace(char, "".join(f"%{b:02X}" for b in char.encode()))
    return found


def page_path(claim_id: str) -> str:
    """The review page's path inside the site (and after review_base_url)."""
    if not _CLAIM_ID.fullmatch(claim_id):
        raise InputError(f"claim id '{line(claim_id)}' cannot name a page", field="claim_id")
    return f"{PAGE_FOLDER}/{claim_id}.html"


def timestamp(value: str | None, field: str) -> datetime | None:
    """An ISO 8601 timestamp with its zone (UTC when it has none); an error naming ``field``."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"'{line(value)}' is not an ISO 8601 date and time", field=field) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def summary_of(review: PublishedReview) -> str:
    text = line(review.summary) or line(review.claim_text)
    return text if len(text) <= SUMMARY_LIMIT else text[: SUMMARY_LIMIT - 1].rstrip() + "…"


def omissions(review: PublishedReview) -> list[str]:
    """What the markup of ``review`` lacks that Google recommends, one short phrase each."""
    out = []
    if not line(review.summary):
        out.append("no summary (the claim text is shortened instead)")
    elif len(line(review.summary)) > SUMMARY_LIMIT:
        out.append(f"summary over {SUMMARY_LIMIT} characters (shortened)")
    if not line(review.speaker):
        out.append("no speaker (the Claim has no author)")
    if href(review.document_url) is None:
        out.append("the document has no http(s) address (no appearance)")
    if review.rating.value is None:
        out.append("a rating off the numeric scale (no ratingValue)")
    return out


def _appearance(url: str, title: str | None, published: str | None) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "url": url}
    if line(title):
        work["headline"] = line(title)
    when = iso_date(published)
    if when:
        work["datePublished"] = when
    return work


def claim_review(review: PublishedReview, settings: PublishSettings) -> dict[str, Any]:
    """The ClaimReview dict of ``review`` (with ``@context``). Raises InputError on unusable data."""
    published = timestamp(review.published_at, "published_at")
    if published is None:
        raise InputError("a published review needs the time it was published", field="published_at")
    if not LANGUAGE.fullmatch(review.language):
        raise InputError(
            f"'{line(review.language)}' is not a language tag such as en or pt-BR", field="language"
        )
    scale = settings.rating_scale

    item: dict[str, Any] = {"@type": "Claim"}
    speaker = line(review.speaker)
    if speaker:
        item["author"] = {"@type": speaker_type(speaker), "name": speaker}
    said = iso_date(review.document_published)
    if said:
        item["datePublished"] = said
    doc_url = href(review.document_url)
    if doc_url:
        item["appearance"] = _appearance(doc_url, review.document_title, review.document_published)
    first = href(review.first_appearance_url)
    if first:
        item["firstAppearance"] = {"@type": "CreativeWork", "url": first}

    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": settings.page_url(page_path(review.claim_id)),
        "claimReviewed": summary_of(review),
        "itemReviewed": item,
        "author": settings.organisation(),
        "datePublished": published.date().isoformat(),
        "inLanguage": review.language,
        "reviewRating": scale.schema_rating(review.rating),
    }
    modified = timestamp(review.modified_at, "modified_at")
    if modified is not None and modified > published:
        out["dateModified"] = modified.date().isoformat()
    body = block(review.explanation)
    if body:
        out["reviewBody"] = body
    sources = [
        {"@type": "CreativeWork", "url": url, **({"name": line(e.title)} if line(e.title) else {})}
        for e in review.evidence
        if (url := href(e.url))
    ]
    if sources:
        out["citation"] = sources
    if settings.show_reviewers and review.reviewers:
        names = [line(name) for name in review.reviewers]
        out["contributor"] = [{"@type": "Person", "name": name} for name in names if name]
    return out


def script_json(value: Any) -> str:
    """JSON for inside ``<script type="application/ld+json">``: no ``</script>`` or ``<!--`` can form.

    ``<``, ``>`` and ``&`` occur only inside JSON strings, where ``\\u`` escapes mean the same.
    """
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
