"""A report's claim card says whether the review was approved, published, changed since or withdrawn."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimreview import consensus as rules
from claimreview.export.publication import publication_line


@dataclass
class Ev:
    reviewer: str
    kind: str
    label: str
    created_at: str
    payload: dict[str, Any] = field(default_factory=dict)
    server_seq: int | None = None


def review(who: str, label: str, at: str) -> Ev:
    return Ev(who, rules.REVIEW, label, f"2026-11-{at}T10:00:00.000000Z")


def edit(who: str, label: str, at: str, rating: str = "") -> Ev:
    payload = {"rating": rating} if rating else {}
    return Ev(who, rules.EDITORIAL, label, f"2026-11-{at}T12:00:00.000000Z", payload)


AGREED = [review("ana", rules.DENIED, "01"), review("ben", rules.DENIED, "02")]


def test_a_claim_no_editor_touched_says_nothing() -> None:
    assert publication_line(AGREED, rules.DENIED) is None
    assert publication_line([], rules.UNREVIEWED) is None


def test_approved_and_published_say_so_with_date_and_rating() -> None:
    approved = [*AGREED, edit("eve", rules.APPROVED, "03")]
    assert publication_line(approved, rules.DENIED) == "Approved for publication, not published yet"
    published = [*approved, edit("eve", rules.PUBLISHED, "04", rating="false")]
    assert publication_line(published, rules.DENIED) == "Published 2026-11-04 12:00 UTC · rating false"
    again = [*published, edit("eve", rules.PUBLISHED, "06", rating="false")]
    assert publication_line(again, rules.DENIED) == (
        "Published 2026-11-04 12:00 UTC, updated 2026-11-06 12:00 UTC · rating false"
    )


def test_a_consensus_changed_since_publication_is_flagged() -> None:
    published = [*AGREED, edit("eve", rules.PUBLISHED, "04", rating="false")]
    flipped = [*published, review("ana", rules.CONFIRMED, "05"), review("ben", rules.CONFIRMED, "05")]
    line = publication_line(flipped, rules.CONFIRMED)
    assert line is not None and "⚠ published as Denied; the consensus changed since" in line
    triaged = [
        *published,
        review("ana", rules.NOT_CHECKWORTHY, "05"),
        review("ben", rules.NOT_CHECKWORTHY, "05"),
    ]
    line = publication_line(triaged, rules.NOT_CHECKWORTHY)
    assert line is not None and "withheld" in line


def test_a_withdrawn_review_says_it_is_a_draft_again() -> None:
    withdrawn = [
        *AGREED,
        edit("eve", rules.PUBLISHED, "04", rating="false"),
        edit("max", rules.WITHDRAWN, "05"),
    ]
    assert publication_line(withdrawn, rules.DENIED) == "Withdrawn: a draft again"
    cleared = [*AGREED, edit("eve", rules.APPROVED, "04"), edit("eve", rules.CLEARED, "05")]
    assert publication_line(cleared, rules.DENIED) is None  # an approval taken back by its author
