"""Disputed claims and how an adjudicator settles them (used by `claimreview sync` and the conflicts screen).

An adjudication is an event of its own kind: it settles the consensus without overwriting anything, so
every verdict before it stays visible. It reaches other reviewers through the next sync; the server
accepts it only from an adjudicator or admin. Without any server (a desk of one) the local user settles
their own database's disputes; offline, an adjudicator settles them and the server checks the role when the
events arrive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimreview import consensus as rules
from claimreview.config import load_settings
from claimreview.errors import ClaimreviewError
from claimreview.models import ClaimRow, Source, VerdictEvent
from claimreview.store import Store
from claimreview.store import sync_state as local
from claimreview.store.corrections import corrected_rows


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
    return conflict_of(store, corrected_rows(store, [claim])[0])


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
    """Disputed claims (as corrected) in reading order, with what each side said."""
    rows = corrected_rows(store, store.list_claims(status=rules.DISPUTED, offset=offset, limit=limit))
    return [conflict_of(store, row) for row in rows]


def server_configured() -> bool:
    """Whether this user has a sync server (a flag once remembered, or $CLAIMREVIEW_SERVER)."""
    return bool(load_settings().server)


def may_record_here(store: Store, kind: str) -> bool | None:
    """Whether this user may record events of ``kind`` in this database.

    The role the server reported on the last sync decides. A database that never synced, for a user with
    no server configured, is a desk of one: its user may do everything (nothing will check it, and nobody
    else's work is affected). With a server configured but no sync yet, the role is unknown (None): an
    event recorded now is checked by the server when it arrives, and held back with a reason if refused.
    """
    role = local.get_meta(store, local.ROLE_KEY)
    if role is not None:
        return rules.may_record(role, kind)
    if local.get_meta(store, local.SERVER_KEY) is None and not server_configured():
        return True
    return None


def can_adjudicate(store: Store) -> bool | None:
    """Whether this user may settle disputes (None: a server is set up but never synced, so unknown)."""
    return may_record_here(store, rules.ADJUDICATION)


def refusal(store: Store, kind: str) -> str:
    """Why this user may not record ``kind`` here (call when ``may_record_here`` is False)."""
    role = local.get_meta(store, local.ROLE_KEY) or "reviewer"
    who = local.get_meta(store, local.REVIEWER_KEY) or "your account"
    allowed = " or ".join(sorted(rules.KIND_ROLES[kind]))
    return (
        f"{kind} events need the role {allowed}, and {who} is a {role} on the sync server; ask an admin "
        f"(claimreview server add-reviewer NAME --role ...), then sync once to learn the new role"
    )


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
        raise ClaimreviewError(refusal(store, rules.ADJUDICATION))
    return store.append_event(
        claim_id, adjudicator, label, note=note, sources=sources, kind=rules.ADJUDICATION
    )
