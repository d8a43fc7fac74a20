"""Removing a document from the local database, with its claims (and, if forced, their verdicts)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from claimreview.errors import ClaimreviewError
from claimreview.store import Store


@dataclass(frozen=True, slots=True)
class Removed:
    uri: str
    claims: int
    events: int


def remove_document(store: Store, document_id: str, *, force: bool = False) -> Removed:
    """Delete the document and its claims in one transaction. Refused (nothing changes) when anyone has
    recorded an event on its claims, unless ``force``: then the events go too, here only (events the
    server already has stay there)."""
    with store.session() as session:
        conn = session.connection()
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        row = conn.execute(text("SELECT uri FROM document WHERE id = :id"), {"id": document_id}).first()
        if row is None:
            session.rollback()
            raise ClaimreviewError(f"no document with id '{document_id}' (see: claimreview claims --json)")
        claims = "SELECT id FROM claim WHERE document_id = :id"
        events = int(
            conn.execute(
                text(f"SELECT count(*) FROM verdict_event WHERE claim_id IN ({claims})"), {"id": document_id}
            ).scalar_one()
        )
        if events and not force:
            session.rollback()
            raise ClaimreviewError(
                f"document '{document_id}' has {events} verdict event(s) on its claims; nothing removed "
                "(add --force to remove them too)"
            )
        conn.execute(text(f"DELETE FROM verdict_event WHERE claim_id IN ({claims})"), {"id": document_id})
        n = conn.execute(text("DELETE FROM claim WHERE document_id = :id"), {"id": document_id}).rowcount
        conn.execute(text("DELETE FROM document WHERE id = :id"), {"id": document_id})
        session.commit()
    return Removed(str(row[0]), max(n, 0), events)
