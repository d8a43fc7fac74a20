"""schema.org ClaimReview markup (JSON-LD), as fact-check publishers embed in their review pages.

Only claims with a settled consensus are written; unreviewed and disputed ones are counted instead.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TextIO

import orjson

from claimreview import consensus as rules
from claimreview.export import writing
from claimreview.export.common import day, iso_date, web_url
from claimreview.export.report import ClaimRecord, ProgressCallback, Report
from claimreview.export.writing import WriteResult

if TYPE_CHECKING:
    from claimreview.config import Settings

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
    checked = claim.checked_before
    if checked is not None and web_url(checked.url):
        # The earlier published fact-check of the same claim (schema.org CreativeWork.citation).
        cited: dict[str, Any] = {"@type": "ClaimReview", "url": checked.url.strip()}
        if checked.headline:
            cited["headline"] = checked.headline
        if checked.publisher:
            cited["author"] = {"@type": "Organization", "name": checked.publisher}
        review["citation"] = cited
    return review


def left_out_message(unreviewed: int, disputed: int) -> str:
    return f"left out {unreviewed} unreviewed and {disputed} disputed claim(s): ClaimReview needs a verdict"


_INDENT_2 = orjson.OPT_INDENT_2


def pretty_json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, for what ClaimReview holds.

    Text, whole numbers, booleans, null, lists and objects come out identical (orjson escapes the
    same characters the same way); floats would differ only in exponent form (``1e-7``), and the
    markup has none.
    """
    return orjson.dumps(value, option=_INDENT_2).decode("utf-8")


def dumps_for_html(value: Any) -> str:
    """Pretty JSON that is also safe inside an HTML <script type="application/ld+json"> element."""
    data = orjson.dumps(value, option=_INDENT_2)
    # <, > and & occur only inside strings here, where \\u escapes mean the same characters.
    data = data.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")
    return data.decode("utf-8")


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
