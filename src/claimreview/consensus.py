"""Verdict labels and the rules that turn a claim's event log into a consensus (pure logic)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

CONFIRMED = "confirmed"
DENIED = "denied"
UNVERIFIED = "unverified"
CLEARED = "cleared"
UNREVIEWED = "unreviewed"
DISPUTED = "disputed"

VERDICT_LABELS: tuple[str, ...] = (CONFIRMED, DENIED, UNVERIFIED)
EVENT_LABELS: tuple[str, ...] = (*VERDICT_LABELS, CLEARED)
CONSENSUS_VALUES: tuple[str, ...] = (UNREVIEWED, CONFIRMED, DENIED, UNVERIFIED, DISPUTED)

REVIEW = "review"
ADJUDICATION = "adjudication"
EVENT_KINDS: tuple[str, ...] = (REVIEW, ADJUDICATION)


class EventLike(Protocol):
    reviewer: str
    label: str
    kind: str
    created_at: str


E = TypeVar("E", bound=EventLike)


def current_verdicts(events: Sequence[E]) -> dict[str, E]:
    """Each reviewer's standing review: their latest event, unless that event cleared it.

    ``events`` must be in log order (oldest first); ties in ``created_at`` keep that order.
    """
    latest: dict[str, E] = {}
    for event in sorted(events, key=lambda e: e.created_at):  # stable: log order breaks ties
        if event.kind == REVIEW:
            latest[event.reviewer] = event
    return {who: e for who, e in latest.items() if e.label != CLEARED}


def latest_adjudication(events: Sequence[E]) -> E | None:
    found: E | None = None
    for event in sorted(events, key=lambda e: e.created_at):
        if event.kind == ADJUDICATION:
            found = event
    if found is None or found.label == CLEARED:
        return None
    return found


def consensus_of_labels(labels: Iterable[str]) -> str:
    distinct = set(labels)
    if not distinct:
        return UNREVIEWED
    if len(distinct) == 1:
        return distinct.pop()
    return DISPUTED


def consensus(events: Sequence[EventLike]) -> str:
    """A settled adjudication wins; otherwise reviewers' current labels agree, differ, or are absent."""
    ruling = latest_adjudication(events)
    if ruling is not None:
        return ruling.label
    return consensus_of_labels(e.label for e in current_verdicts(events).values())
