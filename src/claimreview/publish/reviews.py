"""From a published claim's log to the ``PublishedReview`` the site and the export write (pure).

The latest standing publish event carries the editor's choices in its payload (``rating``, the id of a
rating on the organisation's scale; ``summary``; ``explanation``; ``language``). The evidence is the
sources of the reviewers' current verdicts and of the ruling adjudication, each address once; the
reviewers are those verdicts' authors.

A published claim whose consensus changed since (``editorial.changed_since_publication``) keeps its last
published review on the site and in the export, counted in ``Reviews.changed`` for a warning; one now
judged not check-worthy is left out (``editorial.withheld``), counted in ``Reviews.withheld``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claimreview import consensus as rules
from claimreview.errors import InputError
from claimreview.publish.claimreview import Evidence, PublishedReview
from claimreview.publish.rating import RatingScale
from claimreview.store.editorial import EditorialClaim

PAYLOAD_KEYS = ("rating", "summary", "explanation", "language")


@dataclass(slots=True)
class Reviews:
    reviews: list[PublishedReview] = field(default_factory=list)
    # Published claims that cannot be written, one line each (a rating the scale no longer has...).
    problems: list[str] = field(default_factory=list)
    changed: Counter[str] = field(default_factory=Counter)  # consensus now -> reviews kept though changed
    withheld: int = 0  # published, now not check-worthy: left out

    def changed_warning(self) -> str | None:
        """One line about the reviews kept whose consensus changed since publication, or None."""
        if not self.changed:
            return None
        now = ", ".join(f"{n} now {value}" for value, n in sorted(self.changed.items()))
        return (
            f"{self.changed.total()} published review(s) whose consensus changed since publication "
            f"({now}) keep their last published rating until an editor publishes them again "
            "(E in the app, or claimreview publish ID)"
        )

    def withheld_warning(self) -> str | None:
        if not self.withheld:
            return None
        return f"left out {self.withheld} published review(s) now judged not check-worthy (no rating stands)"


def _text(payload: dict[str, Any], key: str) -> str:
    value = payload.get(key)
    return value if isinstance(value, str) else ""


def published_review(claim: EditorialClaim, scale: RatingScale) -> PublishedReview:
    """The review of a published claim; InputError naming the claim when its rating is unusable."""
    state = claim.state
    event = state.publication
    if event is None or state.published_at is None:
        raise InputError(f"claim {claim.id} is not published", field="claim_id")
    payload: dict[str, Any] = event.payload
    rating_id = _text(payload, "rating")
    try:
        rating = scale.find(rating_id)
    except InputError as exc:
        raise InputError(f"claim {claim.id}: {exc.reason}", field="rating") from None
    reviews = [e for e in claim.events if e.kind == rules.REVIEW]
    verdicts = rules.current_verdicts(reviews)
    ruling = rules.latest_adjudication(claim.events)
    standing = [verdicts[name] for name in sorted(verdicts, key=str.casefold)]
    if ruling is not None:
        standing.append(ruling)
    evidence: list[Evidence] = []
    seen: set[str] = set()
    for verdict in standing:
        for source in verdict.sources:
            url = str(source.get("url") or "")
            if not url or url in seen:
                continue
            seen.add(url)
            evidence.append(Evidence(url, str(source.get("title") or ""), str(source.get("quote") or "")))
    reviewers = tuple(dict.fromkeys(v.reviewer for v in standing))
    return PublishedReview(
        claim_id=claim.id,
        claim_text=claim.text,
        rating=rating,
        summary=_text(payload, "summary"),
        explanation=_text(payload, "explanation") or event.note,
        published_at=state.published_at,
        approved_at=state.approved_at or state.published_at,
        language=_text(payload, "language") or "en",
        speaker=claim.speaker,
        document_title=claim.document_title,
        # The web address when known; else the uri, which ClaimReview drops unless it is http(s).
        document_url=claim.document_url or claim.document_uri,
        document_published=claim.document_published,
        evidence=tuple(evidence),
        reviewers=reviewers,
        first_verdict_at=min((e.created_at for e in reviews), default=None),
        modified_at=state.modified_at,
    )


def published_reviews(claims: Iterable[EditorialClaim], scale: RatingScale) -> Reviews:
    """Every published claim's review; the ones that cannot be built are listed in ``problems``, the
    withheld ones counted (see the module's docstring)."""
    out = Reviews()
    for claim in claims:
        if claim.withheld:
            out.withheld += 1
            continue
        try:
            out.reviews.append(published_review(claim, scale))
        except InputError as exc:
            out.problems.append(str(exc))
            continue
        if claim.changed_since_publication:
            out.changed[claim.consensus] += 1
    return out
