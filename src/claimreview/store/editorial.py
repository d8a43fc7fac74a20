"""Editorial reads: each claim's editorial state, the editor's queues, the data a published review needs.

The state itself is ``claimreview.editorial.editorial_state`` of a claim's log (pure); this module only
reads the logs. Writes go through ``Store.record_event(kind="editorial")`` like every other event.
Three statements per call (claims, their documents, their events), never one per claim.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimreview import consensus as rules
from claimreview import editorial
from claimreview.editorial import EditorialState, changed_since_publication, editorial_state, withheld

if TYPE_CHECKING:
    from claimreview.store import Store

_CLAIM_SQL = (
    "SELECT c.id, c.text, c.speaker, c.consensus, c.document_id, d.title, d.url, d.uri, d.published "
    "FROM claim c JOIN document d ON d.id = c.document_id"
)
_EVENT_SQL = (
    "SELECT claim_id, id, reviewer, kind, label, note, sources, payload, created_at, replaces "
    "FROM verdict_event"
)


@dataclass(slots=True)
class LogEvent:
    """One event as editorial reads need it (the ``consensus.EventLike`` attributes and the rest)."""

    id: str
    reviewer: str
    kind: str
    label: str
    note: str
    sources: list[dict[str, Any]]
    payload: dict[str, Any]
    created_at: str
    replaces: str | None


@dataclass(slots=True)
class EditorialClaim:
    """A claim with its document, whole log (oldest first) and editorial state."""

    id: str
    text: str
    speaker: str | None
    consensus: str
    document_id: str
    document_title: str
    document_url: str | None
    document_uri: str
    document_published: str | None
    events: list[LogEvent] = field(default_factory=list)
    state: EditorialState = field(default_factory=lambda: EditorialState(editorial.DRAFT))

    @property
    def changed_since_publication(self) -> bool:
        """Published, and the consensus is no longer the one it was published with (needs an editor)."""
        return changed_since_publication(self.state, self.consensus)

    @property
    def withheld(self) -> bool:
        """Published, but now not check-worthy: the site and the export leave it out."""
        return withheld(self.state, self.consensus)


@dataclass(slots=True)
class EditorQueues:
    """What waits for an editor, in reading order: approved but not published, settled (a verdict
    consensus) but not approved, and published but with another consensus now (whatever it is)."""

    approved_unpublished: list[EditorialClaim]
    consensus_unapproved: list[EditorialClaim]
    published_changed: list[EditorialClaim] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EditorialCounts:
    approved: int  # approved, not published
    published: int
    published_changed: int  # published, consensus changed since (counted in ``published`` too)


def _json(raw: str | None, empty: Any) -> Any:
    if not raw:
        return empty
    try:
        value = json.loads(raw)
    except ValueError:
        return empty
    return value if isinstance(value, type(empty)) else empty


def editorial_claims(
    store: Store,
    claim_ids: Sequence[str] | None = None,
    *,
    consensus: Iterable[str] | None = None,
    edited: bool = False,
) -> list[EditorialClaim]:
    """The claims ``claim_ids`` (all when None) whose consensus is one of ``consensus`` (any when None),
    in reading order (document added, then position), each with its log and editorial state.
    ``edited``: only claims with an editorial event (the few a big database has approved or published)."""
    where: list[str] = []
    params: list[Any] = []
    if edited:
        where.append("c.id IN (SELECT claim_id FROM verdict_event WHERE kind = ?)")
        params.append(rules.EDITORIAL)
    if claim_ids is not None:
        if not claim_ids:
            return []
        where.append(f"c.id IN ({', '.join('?' * len(claim_ids))})")
        params.extend(claim_ids)
    if consensus is not None:
        values = list(consensus)
        where.append(f"c.consensus IN ({', '.join('?' * len(values))})")
        params.extend(values)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        cursor = raw.cursor()
        try:
            cursor.execute(f'{_CLAIM_SQL}{clause} ORDER BY d.added_at, d.id, c.start, c."end"', params)
            claims = {row[0]: EditorialClaim(*row) for row in cursor.fetchall()}
            cursor.execute(
                f"{_EVENT_SQL} WHERE claim_id IN (SELECT c.id FROM claim c{clause})"
                " ORDER BY created_at, rowid",
                params,
            )
            for row in cursor.fetchall():
                claim = claims[row[0]]
                claim.events.append(
                    LogEvent(
                        id=row[1],
                        reviewer=row[2],
                        kind=row[3],
                        label=row[4],
                        note=row[5] or "",
                        sources=_json(row[6], []),
                        payload=_json(row[7], {}),
                        created_at=row[8],
                        replaces=row[9],
                    )
                )
        finally:
            cursor.close()
    for claim in claims.values():
        claim.state = editorial_state(claim.events)
    _apply_corrections(store, claims)
    return list(claims.values())


def _apply_corrections(store: Store, claims: dict[str, EditorialClaim]) -> None:
    """Published text and speaker are the claim as corrected (rules in claimreview.corrections)."""
    from claimreview.store.corrections import corrected_claims

    ids = [c.id for c in claims.values() if any(e.kind == rules.CORRECTION for e in c.events)]
    for cid, now in corrected_claims(store, ids).items() if ids else ():
        if now.by is not None:
            claims[cid].text, claims[cid].speaker = now.text, now.speaker


def editorial_states(store: Store, claim_ids: Sequence[str]) -> dict[str, EditorialState]:
    return {c.id: c.state for c in editorial_claims(store, claim_ids)}


def editor_queues(store: Store) -> EditorQueues:
    settled = editorial_claims(store, consensus=sorted(editorial.PUBLISHABLE))
    return EditorQueues(
        approved_unpublished=[c for c in settled if c.state.state == editorial.APPROVED],
        consensus_unapproved=[c for c in settled if c.state.state == editorial.DRAFT],
        published_changed=[c for c in editorial_claims(store, edited=True) if c.changed_since_publication],
    )


def published_claims(store: Store, claim_ids: Sequence[str] | None = None) -> list[EditorialClaim]:
    """Claims whose review is published now (a claim that was published, then cleared, is not)."""
    return [
        c
        for c in editorial_claims(store, claim_ids, edited=True)
        if c.state.state == editorial.PUBLISHED
    ]


def editorial_counts(store: Store) -> EditorialCounts:
    edited = editorial_claims(store, edited=True)
    return EditorialCounts(
        approved=sum(c.state.state == editorial.APPROVED for c in edited),
        published=sum(c.state.state == editorial.PUBLISHED for c in edited),
        published_changed=sum(c.changed_since_publication for c in edited),
    )
