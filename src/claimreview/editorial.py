"""A claim's editorial state from its event log: draft -> approved -> published (pure logic).

Editorial events (kind ``editorial``) are recorded by editors, adjudicators or admins
(``consensus.KIND_ROLES``). As with verdicts, each author's latest editorial event is their standing
decision and a later ``cleared`` by the same author withdraws it. The claim is:

- ``published`` while any author's standing decision is ``published``;
- ``approved`` while any standing decision is ``approved`` (and none is ``published``);
- ``draft`` otherwise (nothing recorded, or everything withdrawn).

Publishing is the gate: only ``published`` claims appear on the site and in the ClaimReview export.
Only claims whose consensus is a verdict (confirmed, denied, unverified) may be approved or published;
``editable`` says why not otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from claimreview import consensus as rules

DRAFT = "draft"
APPROVED = rules.APPROVED
PUBLISHED = rules.PUBLISHED
STATES: tuple[str, ...] = (DRAFT, APPROVED, PUBLISHED)
# Consensus values a review can be published with: a verdict, not a dispute or triage.
PUBLISHABLE: frozenset[str] = frozenset({rules.CONFIRMED, rules.DENIED, rules.UNVERIFIED})


# What the state needs of an event: the core's read-only event shape (records and named tuples qualify).
EditorialEvent = rules.EventLike


@dataclass(frozen=True, slots=True)
class EditorialState:
    state: str  # draft, approved or published
    approved_at: str | None = None  # the first approve event (else the first standing decision)
    published_at: str | None = None  # the first publish event of the claim ever: datePublished
    modified_at: str | None = None  # the latest standing publish event, when after published_at
    publication: Any = None  # the latest standing publish event (its payload holds the rating...)
    editors: tuple[str, ...] = ()  # authors of standing decisions


def editorial_state(events: Sequence[EditorialEvent]) -> EditorialState:
    """The state of one claim from its whole log (any kinds, in log order; ties keep that order)."""
    latest: dict[str, Any] = {}
    first_published: str | None = None
    first_approved: str | None = None
    for event in sorted(events, key=rules.log_order):  # the shared order: server seq, then unsent by time
        if event.kind != rules.EDITORIAL:
            continue
        latest[event.reviewer] = event
        if event.label == PUBLISHED and first_published is None:
            first_published = event.created_at
        if event.label == APPROVED and first_approved is None:
            first_approved = event.created_at
    standing = [e for e in latest.values() if e.label != rules.CLEARED]
    if not standing:
        return EditorialState(DRAFT)
    publications = sorted((e for e in standing if e.label == PUBLISHED), key=lambda e: e.created_at)
    # An approval superseded by the same editor's publish event still dates the approval.
    approved_at = first_approved or min(e.created_at for e in standing)
    editors = tuple(sorted({e.reviewer for e in standing}))
    if not publications:
        return EditorialState(APPROVED, approved_at=approved_at, editors=editors)
    newest = publications[-1]
    modified = newest.created_at if first_published and newest.created_at > first_published else None
    return EditorialState(
        PUBLISHED,
        approved_at=approved_at,
        published_at=first_published,
        modified_at=modified,
        publication=newest,
        editors=editors,
    )


def editable(consensus: str) -> str | None:
    """Why a claim with ``consensus`` cannot be approved or published, or None when it can."""
    if consensus in PUBLISHABLE:
        return None
    if consensus == rules.DISPUTED:
        return "its reviewers disagree (disputed): adjudicate it first"
    if consensus == rules.UNREVIEWED:
        return "it has no verdict yet"
    return f"its consensus is {consensus}, not a verdict to publish"
