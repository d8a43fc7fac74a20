"""Verdict labels and the rules that turn a claim's event log into a consensus (pure logic).

Consensus of one claim:

1. The latest adjudication (kind ``adjudication``) settles it, unless that adjudication was ``cleared``.
2. Otherwise, if any reviewer's review events *fork* with different labels, the claim is ``disputed``.
3. Otherwise reviewers' current labels decide: none -> ``unreviewed``, all equal -> that label,
   different -> ``disputed``.

Forks (one reviewer, several machines). Each event names in ``replaces`` the event(s) of the same
reviewer and kind on the same claim that it was made on top of: normally the one previous event, so a
reviewer's events form a chain. Two machines that start from the same state (for instance both from
"no verdict yet") and both record a verdict offline produce two events replacing the same thing; after
sync, that reviewer has two *heads* (events no other event of theirs replaces). Heads with different
labels are a fork, and a fork makes the claim ``disputed`` — neither machine's verdict silently wins.

A fork is resolved by the reviewer, not by the clock: once a machine holds both heads, the next event
that reviewer records there replaces *all* of its heads, and ``replaces`` then holds their ids separated
by spaces (newest first). That event provably was made after seeing every head, so the reviewer is back to
one head. An event that lists only some of the heads resolves only those. Heads with the same label are
not a conflict. Events without ``id`` and ``replaces`` (plain records) are taken as one chain.

Which event is "latest" (a reviewer's standing review, the ruling adjudication) follows the shared
server's log, not anyone's clock: events the server has acknowledged carry its ``server_seq`` and come
first, in that order; events not yet on the server come after them, by ``created_at`` (one machine's
clock orders only that machine's unsent work). Once every event is synced, every client orders them
the same way, so every client computes the same consensus. ``log_order`` is that rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

CONFIRMED = "confirmed"
DENIED = "denied"
UNVERIFIED = "unverified"
NOT_CHECKWORTHY = "not_checkworthy"  # triage: "this is not a claim worth checking"
CLEARED = "cleared"  # withdraws the author's previous event of the same kind
UNREVIEWED = "unreviewed"
DISPUTED = "disputed"

VERDICT_LABELS: tuple[str, ...] = (CONFIRMED, DENIED, UNVERIFIED, NOT_CHECKWORTHY)
REVIEW_LABELS: tuple[str, ...] = (*VERDICT_LABELS, CLEARED)
CONSENSUS_VALUES: tuple[str, ...] = (UNREVIEWED, CONFIRMED, DENIED, UNVERIFIED, NOT_CHECKWORTHY, DISPUTED)
# Consensus values that count as work done in progress figures.
DONE_VALUES: frozenset[str] = frozenset({CONFIRMED, DENIED, UNVERIFIED, NOT_CHECKWORTHY})

# One glyph per consensus (and verdict label), the same in the CLI table and the app.
GLYPHS: dict[str, str] = {
    UNREVIEWED: "·",
    CONFIRMED: "✓",
    DENIED: "✗",
    UNVERIFIED: "?",
    NOT_CHECKWORTHY: "–",
    DISPUTED: "!",
}

# Event kinds. Only reviews and adjudications decide a claim's consensus; the others are facts about the
# claim that travel the same way (an append-only log, synced, undone by a later event of the same kind).
REVIEW = "review"
ADJUDICATION = "adjudication"
CORRECTION = "correction"  # the reviewer's correction of speaker, text or boundaries (payload)
ASSIGNMENT = "assignment"  # who should review the claim (payload: {"to": [names]})
EDITORIAL = "editorial"  # approve / publish a review (payload: rating, summary, explanation, language)
EVENT_KINDS: tuple[str, ...] = (REVIEW, ADJUDICATION, CORRECTION, ASSIGNMENT, EDITORIAL)

CORRECTED = "corrected"
ASSIGNED = "assigned"
APPROVED = "approved"
PUBLISHED = "published"
WITHDRAWN = "withdrawn"  # an editor takes a review down: every editorial decision before it stops standing
# Labels each kind of event may carry; CLEARED withdraws the author's standing event of that kind.
KIND_LABELS: dict[str, tuple[str, ...]] = {
    REVIEW: REVIEW_LABELS,
    ADJUDICATION: REVIEW_LABELS,
    CORRECTION: (CORRECTED, CLEARED),
    ASSIGNMENT: (ASSIGNED, CLEARED),
    EDITORIAL: (APPROVED, PUBLISHED, WITHDRAWN, CLEARED),
}
EVENT_LABELS: tuple[str, ...] = tuple(dict.fromkeys(lab for labels in KIND_LABELS.values() for lab in labels))

REVIEWER = "reviewer"
ADJUDICATOR = "adjudicator"
EDITOR = "editor"
ADMIN = "admin"
ROLES: tuple[str, ...] = (REVIEWER, ADJUDICATOR, EDITOR, ADMIN)
# Whose adjudications the server accepts; clients check the same before pushing one.
ADJUDICATING_ROLES: frozenset[str] = frozenset({ADJUDICATOR, ADMIN})
# Which roles may record each kind of event (the server refuses the rest; clients check before pushing).
KIND_ROLES: dict[str, frozenset[str]] = {
    REVIEW: frozenset(ROLES),
    ADJUDICATION: ADJUDICATING_ROLES,
    CORRECTION: frozenset(ROLES),
    ASSIGNMENT: frozenset({ADJUDICATOR, ADMIN}),
    EDITORIAL: frozenset({ADJUDICATOR, EDITOR, ADMIN}),
}


def may_record(role: str | None, kind: str) -> bool:
    """Whether an account with ``role`` may record events of ``kind``."""
    return role is not None and role in KIND_ROLES.get(kind, frozenset())


class EventLike(Protocol):
    # Read-only: stored rows, export records (NamedTuples) and wire items all qualify.
    @property
    def reviewer(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def created_at(self) -> str: ...


E = TypeVar("E", bound=EventLike)


def log_order(event: EventLike) -> tuple[bool, int, str]:
    """Sort key of the shared order: acknowledged events by server seq, then unsent ones by time."""
    seq = getattr(event, "server_seq", None)
    return (seq is None, seq if seq is not None else 0, event.created_at)


def parent_ids(replaces: str | None) -> tuple[str, ...]:
    """The ids an event replaces: one normally, several when it resolved a fork."""
    return tuple(replaces.split()) if replaces else ()


def heads(events: Sequence[E]) -> list[E]:
    """Events that no other event in ``events`` replaces, newest first.

    Pass the events of one reviewer and one kind on one claim.
    """
    superseded: set[str] = set()
    for event in events:
        superseded.update(parent_ids(getattr(event, "replaces", None)))
    alive = [e for e in events if getattr(e, "id", None) not in superseded]
    # Newest first (log_order); among equals the later one in the given order counts as newer.
    indexed = sorted(enumerate(alive), key=lambda p: (log_order(p[1]), p[0]), reverse=True)
    return [e for _, e in indexed]


def forks(events: Sequence[E]) -> dict[str, list[E]]:
    """Reviewers whose review events fork with different labels, with their heads (newest first)."""
    by_reviewer: dict[str, list[E]] = {}
    for event in events:
        if event.kind == REVIEW:
            by_reviewer.setdefault(event.reviewer, []).append(event)
    found: dict[str, list[E]] = {}
    for reviewer, own in by_reviewer.items():
        if len(own) < 2 or any(getattr(e, "id", None) is None or not hasattr(e, "replaces") for e in own):
            continue
        tips = heads(own)
        if len({e.label for e in tips}) > 1:
            found[reviewer] = tips
    return found


def latest_by_author(events: Iterable[E], kind: str) -> dict[str, E]:
    """Each author's latest event of ``kind`` in the shared order (``log_order``; the given order breaks
    ties), cleared ones included. Reviews, adjudications, corrections, assignments and editorial
    decisions all stand this way."""
    latest: dict[str, E] = {}
    for event in sorted(events, key=log_order):  # stable: the given order breaks ties
        if event.kind == kind:
            latest[event.reviewer] = event
    return latest


def standing(events: Iterable[E], kind: str) -> dict[str, E]:
    """Each author's standing event of ``kind``: their latest, unless that one cleared it."""
    return {who: e for who, e in latest_by_author(events, kind).items() if e.label != CLEARED}


def current_verdicts(events: Sequence[E]) -> dict[str, E]:
    """Each reviewer's standing review: their latest event, unless that event cleared it.

    ``events`` must be in log order (oldest first); ties in ``log_order`` keep that order.
    """
    return standing(events, REVIEW)


def latest_adjudication(events: Sequence[E]) -> E | None:
    found: E | None = None
    for event in sorted(events, key=log_order):
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
    """A settled adjudication wins; then a reviewer's fork disputes; then current labels decide."""
    ruling = latest_adjudication(events)
    if ruling is not None:
        return ruling.label
    if forks(events):
        return DISPUTED
    return consensus_of_labels(e.label for e in current_verdicts(events).values())


# -- parsing values at the edge ---------------------------------------------------------------------
# Every status, label and kind that comes from outside (options, import files) goes through one of these
# once; code past that point trusts the value.

from claimreview.errors import BadValue  # noqa: E402 (appended block; errors is pure like this module)


def _one_of(what: str, value: object, choices: tuple[str, ...]) -> str:
    if isinstance(value, str) and value in choices:
        return value
    raise BadValue(what, value, choices)


def parse_status(value: object) -> str:
    """A consensus value (unreviewed, confirmed, ...), or BadValue."""
    return _one_of("status", value, CONSENSUS_VALUES)


def parse_label(value: object) -> str:
    """A review label (confirmed, denied, unverified, not_checkworthy, cleared), or BadValue."""
    return _one_of("label", value, REVIEW_LABELS)


def parse_event_label(kind: str, value: object) -> str:
    """A label that events of ``kind`` may carry, or BadValue."""
    return _one_of("label", value, KIND_LABELS[kind])


def parse_kind(value: object) -> str:
    """An event kind (review, adjudication, correction, assignment, editorial), or BadValue."""
    return _one_of("event kind", value, EVENT_KINDS)
