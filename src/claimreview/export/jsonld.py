"""schema.org ClaimReview markup (JSON-LD), as fact-check publishers embed in their review pages.

Only claims with a settled consensus are written; unreviewed and disputed ones are counted instead.
"""

from __future__ import annotations

import json
import re
from json.encoder import encode_basestring
from typing import Any, TextIO

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.export import writing
from claimreview.export.common import day, iso_date, web_url
from claimreview.export.report import ClaimRecord, ProgressCallback, Report
from claimreview.export.writing import WriteResult

# consensus -> (alternateName, ratingValue) on a 1 (worst) .. 3 (best) scale
RATINGS: dict[str, tuple[str, int]] = {
    rules.CONFIRMED: ("True", 3),
    rules.UNVERIFIED: ("Unverified", 2),
    rules.DENIED: ("False", 1),
}
BEST_RATING = 3
WORST_RATING = 1

_ORGANISATION_WORDS = frozenset(
    """
    observatory ministry agency group council committee army forces force news reuters interfax
    tass afp office department government police service services institute university bank
    organisation organization association union party press commission authority bureau court
    parliament command company corporation inc ltd plc foundation federation centre center
    coalition alliance board navy military guard embassy administration secretariat tribunal
    network agencies
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_WORD = re.compile(r"[^\W\d_]+|\d+")


def speaker_type(name: str) -> str:
    """``Organization`` when the name looks like one (a telling word, or an acronym such as UNHCR),
    else ``Person``. A guess from the name alone; people are the default."""
    words = _WORD.findall(name)
    if any(w.casefold() in _ORGANISATION_WORDS for w in words):
        return "Organization"
    letters = [w for w in words if w.isalpha()]
    shouting = len(letters) > 1 and all(w.isupper() for w in letters)  # "JOHN SMITH" is a person
    if not shouting and any(2 <= len(w) <= 6 and w.isupper() for w in letters):
        return "Organization"
    return "Person"


def review_url(settings: Settings, claim_id: str) -> str | None:
    base = (settings.review_base_url or "").strip()
    if not base:
        return None
    if not base.endswith(("/", "=", "#")):
        base += "/"
    return base + claim_id


def claim_review(claim: ClaimRecord, settings: Settings) -> dict[str, Any] | None:
    """The ClaimReview of one claim, or None when its consensus is not a verdict (unreviewed, disputed)."""
    rating = RATINGS.get(claim.consensus)
    if rating is None:
        return None
    doc = claim.document
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.speaker and claim.speaker.strip():
        name = claim.speaker.strip()
        item["author"] = {"@type": speaker_type(name), "name": name}
    published = iso_date(doc.published)
    if published:
        item["datePublished"] = published
    # The article's web address; a url that is not http(s) (javascript:, say) gives way to the uri.
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": doc.url if web_url(doc.url) else doc.uri}
    if doc.title:
        appearance["headline"] = doc.title
    item["appearance"] = appearance

    author: dict[str, Any] = {"@type": "Organization", "name": settings.organization_name}
    if settings.organization_url:
        author["url"] = settings.organization_url

    review: dict[str, Any] = {"@context": "https://schema.org", "@type": "ClaimReview"}
    url = review_url(settings, claim.id)
    if url:
        review["url"] = url
    review["claimReviewed"] = claim.text
    review["itemReviewed"] = item
    review["author"] = author
    decided = day(claim.decided_at())
    if decided:
        review["datePublished"] = decided
    review["reviewRating"] = {
        "@type": "Rating",
        "ratingValue": rating[1],
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
        "alternateName": rating[0],
    }
    return review


def left_out_message(unreviewed: int, disputed: int) -> str:
    return f"left out {unreviewed} unreviewed and {disputed} disputed claim(s): ClaimReview needs a verdict"


_encode = json.JSONEncoder(ensure_ascii=False).encode
_encode_str = encode_basestring  # the C function behind it, without the wrapper's overhead


def pretty_json(value: Any, level: int = 0) -> str:
    """The same text as ``json.dumps(value, ensure_ascii=False, indent=2)``, several times faster.

    (With ``indent`` the standard library falls back to its pure-Python encoder.)
    """
    kind = type(value)
    if kind is str:
        return _encode_str(value)
    if kind is dict:
        if not value:
            return "{}"
        pad = "\n" + "  " * (level + 1)
        parts = []
        for key, item in value.items():
            text = _encode_str(item) if type(item) is str else pretty_json(item, level + 1)
            parts.append(f"{pad}{_encode_str(str(key))}: {text}")
        return "{" + ",".join(parts) + "\n" + "  " * level + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        pad = "\n" + "  " * (level + 1)
        body = ",".join(pad + pretty_json(item, level + 1) for item in value)
        return "[" + body + "\n" + "  " * level + "]"
    return _encode(value)


def dumps_for_html(value: Any) -> str:
    """Pretty JSON that is also safe inside an HTML <script type="application/ld+json"> element."""
    text = pretty_json(value)
    # <, > and & occur only inside strings here, where \\u escapes mean the same characters.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write_jsonld(
    report: Report, stream: TextIO, settings: Settings, progress: ProgressCallback | None = None
) -> WriteResult:
    out: list[dict[str, Any]] = []
    unreviewed = disputed = 0
    total = len(report.claims)
    for index, claim in enumerate(report.claims, start=1):
        review = claim_review(claim, settings)
        if review is not None:
            out.append(review)
        elif claim.consensus == rules.DISPUTED:
            disputed += 1
        else:
            unreviewed += 1
        if progress is not None and (index % writing.CHUNK == 0 or index == total):
            progress(index, total)
    stream.write(dumps_for_html(out) + "\n")
    result = WriteResult(written=len(out))
    if unreviewed or disputed:
        result.left_out = {rules.UNREVIEWED: unreviewed, rules.DISPUTED: disputed}
        result.warnings.append(left_out_message(unreviewed, disputed))
    return result
