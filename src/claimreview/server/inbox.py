"""The admins' inbox: documents that reviewers sent while the server lets only admins publish.

A document waits here, with its claims as the reviewer sent them, until an admin accepts it (it is then
published exactly as if the reviewer had published it) or rejects it. Sending the same document again is
not a second entry: each reviewer has at most one per document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy import select as sa_select

from claimreview.errors import ClaimreviewError
from claimreview.ids import document_id, now_iso, sha256_text
from claimreview.server.db import CATALOG_LOCK, TABLES, insert, writing
from claimreview.server.documents import publish
from claimreview.wire import DocumentIn

WAITING = "waiting"
ACCEPTED = "accepted"
REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    document_id: str
    title: str
    uri: str
    claims: int
    submitted_by: str
    submitted_at: str
    status: str


def submit(engine: Engine, documents: Sequence[DocumentIn], submitter: str) -> tuple[int, int]:
    """Put documents in the inbox; returns (newly queued, already waiting from this submitter)."""
    table = TABLES["inbox"]
    rows = []
    for doc in documents:
        rows.append(
            {
                "document_id": document_id(sha256_text(doc.text)),
                "title": doc.title,
                "uri": doc.uri,
                "claims": len(doc.claims),
                "body": doc.model_dump(mode="json"),
                "submitted_by": submitter,
                "submitted_at": now_iso(),
                "status": WAITING,
            }
        )
    if not rows:
        return 0, 0
    with writing(engine, CATALOG_LOCK) as conn:
        stmt = insert(engine, table).on_conflict_do_nothing(index_elements=["document_id", "submitted_by"])
        added = len(conn.execute(stmt.returning(table.c.id), rows).all())
        # A document the reviewer sent before with fewer claims (they extracted more since): keep the new one.
        for row in rows:
            conn.execute(
                table.update()
                .where(
                    table.c.document_id == row["document_id"],
                    table.c.submitted_by == submitter,
                    table.c.status == WAITING,
                    table.c.claims < row["claims"],
                )
                .values(body=row["body"], claims=row["claims"], submitted_at=row["submitted_at"])
            )
    return added, len(rows) - added


def entries(engine: Engine, *, everything: bool = False) -> list[Entry]:
    """Waiting entries, oldest first (``everything``: accepted and rejected ones too)."""
    table = TABLES["inbox"]
    columns = [table.c[name] for name in Entry.__dataclass_fields__]
    query = sa_select(*columns).order_by(table.c.id)
    if not everything:
        query = query.where(table.c.status == WAITING)
    with engine.connect() as conn:
        return [Entry(*row) for row in conn.execute(query)]


def _waiting_body(engine: Engine, entry_id: int) -> tuple[dict[str, object], str]:
    table = TABLES["inbox"]
    with engine.connect() as conn:
        row = conn.execute(
            sa_select(table.c.body, table.c.status, table.c.submitted_by).where(table.c.id == entry_id)
        ).first()
    if row is None:
        raise ClaimreviewError(f"no inbox entry {entry_id}; list them with: claimreview server inbox")
    if row[1] != WAITING:
        raise ClaimreviewError(f"inbox entry {entry_id} was already {row[1]}")
    return dict(row[0]), str(row[2])


def _decide(engine: Engine, entry_id: int, status: str) -> None:
    table = TABLES["inbox"]
    with writing(engine, CATALOG_LOCK) as conn:
        conn.execute(table.update().where(table.c.id == entry_id).values(status=status, decided_at=now_iso()))


def accept(engine: Engine, entry_id: int) -> tuple[int, int]:
    """Publish a waiting document (in the submitter's name); returns (documents, claims) added."""
    body, submitter = _waiting_body(engine, entry_id)
    added = publish(engine, [DocumentIn.model_validate(body)], submitter)
    _decide(engine, entry_id, ACCEPTED)
    return added


def reject(engine: Engine, entry_id: int) -> None:
    _waiting_body(engine, entry_id)
    _decide(engine, entry_id, REJECTED)
