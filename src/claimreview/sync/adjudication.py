"""Disputed claims and how an adjudicator settles them (used by `claimreview sync` and the conflicts screen).

An adjudication is an event of its own kind: it settles the consensus without overwriting anything, so
every verdict before it stays visible. It reaches other reviewers through the next sync; the server
accepts it only from an adjudicator or admin.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimreview import consensus as rules
from claimreview.errors import ClaimreviewError
from claimreview.models import ClaimRow, Source, VerdictEvent
from claimreview.store import Store
from claimreview.store import sync_state as local


@dataclass(frozen=True, slots=True)
class Conflict:
    claim: ClaimRow
    # Each reviewer's standing verdict (their latest event unless it cleared it).
    verdicts: dict[str, VerdictEvent]
    # Reviewers whose own verdicts fork across machines: their competing heads, newest first.
    forks: dict[str, list[VerdictEvent]]
    history: list[VerdictEvent]
    adjudication: VerdictEvent | None


def conflict(store: Store, claim_id: str) -> Conflict:
    claim = store.get_claim(claim_id)
    if claim is None:
        raise ClaimreviewError(f"no claim with id '{claim_id}'")
    return conflict_of(store, claim)


def conflict_of(store: Store, claim: ClaimRow) -> Conflict:
    """The conflict over a claim the caller has already read (a listing's row): only its events are read."""
    history = store.events_for_claim(claim.id)
    return Conflict(
        claim=claim,
        verdicts=rules.current_verdicts(history),
        forks=rules.forks(history),
        history=history,
        adjudication=rules.latest_adjudication(history),
    )


def conflicts(store: Store, *, offset: int = 0, limit: int | None = None) -> list[Conflict]:
    """Disputed claims in reading order, with what each side said."""
    rows = store.list_claims(status=rules.DISPUTED, offset=offset, limit=limit)
    return [conflict_of(store, row) for row in rows]


def can_adjudicate(store: Store) -> bool | None:
    """Whether the server said this user may adjudicate (None: never synced, so unknown)."""
    role = local.get_meta(store, local.ROLE_KEY)
    return None if role is None else role in rules.ADJUDICATING_ROLES


def adjudicate(
    store: Store,
    claim_id: str,
    adjudicator: str,
    label: str,
    *,
    note: str = "",
    sources: Sequence[Source] = (),
) -> VerdictEvent:
    """Record the final verdict on a claim; it goes out with the next sync."""
    if can_adjudicate(store) is False:
        raise ClaimreviewError("your account on the sync server is not an adjudicator; ask an admin")
    return store.append_event(
        claim_id, adjudicator, label, note=note, sources=sources, kind=rules.ADJUDICATION
    )
