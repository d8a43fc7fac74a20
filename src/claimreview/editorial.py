"""A claim's editorial state from its event log: draft -> approved -> published (pure logic).

Editorial events (kind ``editorial``) are recorded by editors, adjudicators or admins
(``consensus.KIND_ROLES``). As with verdicts, each author's latest editorial event is their standing
decision and a later ``cleared`` by the same author withdraws it. The claim is:

- ``published`` while any author's standing decision is ``published``;
- ``approved`` while any standing decision is ``approved`` (and none is ``published``);
- ``draft`` otherwise (nothing recorded, or everything withdrawn).

An editor who takes a review down records ``withdrawn``: every editorial decision recorded before it,
by anyone, stops standing (a desk's withdrawal does not wait for each editor to clear their own), and
the claim is a draft again until someone approves it anew. Like any decision, the withdrawal is undone
by its author's later ``cleared``, which lets the decisions before it stand again.

Publishing is the gate: only ``published`` claims appear on the site and in the ClaimReview export.
Only claims whose consensus is a verdict (confirmed, denied, unverified) may be approved or published;
``editable`` says why not otherwise.

A published review was written for the consensus the claim had then (``published_consensus``: the
consensus of the log up to the standing publication). When a later verdict or adjudication changes the
consensus, the review is *changed since publication* (``changed_since_publication``): it needs an
editor again, who publishes it anew for the new consensus. Until then the site and the ClaimReview
export keep the last published review and warn about it (a desk corrects a page; it does not let one
vanish), except that a claim now judged not check-worthy is withheld (``withheld``): no rating stands.
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
    published_consensus: str | None = None  # the claim's consensus when ``publication`` was recorded


def editorial_state(events: Sequence[EditorialEvent]) -> EditorialState:
    """The state of one claim from its whole log (any kinds, in log order; ties keep that order)."""
    latest: dict[str, Any] = {}
    first_published: str | None = None
    first_approved: str | None = None
    ordered = sorted(events, key=rules.log_order)  # the shared order: server seq, then unsent by time
    for event in ordered:
        if event.kind != rules.EDITORIAL:
            continue
        latest[event.reviewer] = event
        if event.label == PUBLISHED and first_published is None:
            first_published = event.created_at
        if event.label == APPROVED and first_approved is None:
            first_approved = event.created_at
    standing = [e for e in latest.values() if e.label != rules.CLEARED]
    withdrawals = [e for e in standing if e.label == rules.WITHDRAWN]
    if withdrawals:
        position = {id(e): n for n, e in enumerate(ordered)}
        cut = max(position[id(e)] for e in withdrawals)
        standing = [e for e in standing if position[id(e)] > cut]
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
    upto = next(i for i, e in enumerate(ordered) if e is newest)
    return EditorialState(
        PUBLISHED,
        approved_at=approved_at,
        published_at=first_published,
        modified_at=modified,
        publication=newest,
        editors=editors,
        published_consensus=rules.consensus(ordered[: upto + 1]),
    )


def changed_since_publication(state: EditorialState, consensus: str) -> bool:
    """Whether a published review's claim now has another consensus than when it was published."""
    return (
        state.state == PUBLISHED
        and state.published_consensus is not None
        and state.published_consensus != consensus
    )


def withheld(state: EditorialState, consensus: str) -> bool:
    """Whether a published review is kept off the site and the export: its claim is now judged not
    check-worthy, so no rating stands. (Any other change keeps the last published review, with a warning.)"""
    return state.state == PUBLISHED and consensus == rules.NOT_CHECKWORTHY


def editable(consensus: str) -> str | None:
    """Why a claim with ``consensus`` cannot be approved or published, or None when it can."""
    if consensus in PUBLISHABLE:
        return None
    if consensus == rules.DISPUTED:
        return "its reviewers disagree (disputed): adjudicate it first"
    if consensus == rules.UNREVIEWED:
        return "it has no verdict yet"
    return f"its consensus is {consensus}, not a verdict to publish"
