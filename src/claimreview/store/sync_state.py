"""Local-side sync state, kept in the client database: the outbox, pull cursors and last sync time.

The outbox is simply every ``verdict_event`` whose ``server_seq`` is NULL: an event leaves it only when
the server has acknowledged it, so a crash or a failed sync never loses one.

Acknowledgements and cursors belong to one server, named by ``SERVER_ID_KEY`` (the id the server reports,
or its URL for servers too old to have one). ``switch_server`` forgets them when the client meets another
server, so that everything goes to the new one; pushes are idempotent, so a server that already has an
event just reports it as known.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy import bindparam, func, text
from sqlmodel import col, select

from claimreview.models import (
    EVENT_FIELDS,
    Claim,
    Document,
    EventBase,
    Meta,
    NewClaim,
    NewDocument,
    VerdictEvent,
)
from claimreview.store import Store
from claimreview.store.schema import table_of

SERVER_KEY = "sync.server"
SERVER_ID_KEY = "sync.server_id"
LAST_SYNC_KEY = "sync.last_time"
ROLE_KEY = "sync.role"
REVIEWER_KEY = "sync.reviewer"
LOG_EPOCH_KEY = "sync.log_epoch"
LIMITS_KEY = "sync.limits"
# Set while pulled events are in but their claims' consensus is not yet recomputed (one pass at the end
# of the pull instead of one per page); still set at the next sync means that pull died half way.
STALE_KEY = "sync.consensus_stale"
CURSOR_KEYS = {
    "documents": "sync.after.documents",
    "claims": "sync.after.claims",
    "events": "sync.after.events",
    "factchecks": "sync.after.factchecks",
}
EVENT_COLUMNS = EVENT_FIELDS


def get_meta(store: Store, key: str) -> str | None:
    with store.session() as session:
        row = session.get(Meta, key)
        return row.value if row else None


def set_meta(store: Store, values: dict[str, str]) -> None:
    with store.session() as session:
        for key, value in values.items():
            session.merge(Meta(key=key, value=value))
        session.commit()


def cursor(store: Store, feed: str) -> int:
    value = get_meta(store, CURSOR_KEYS[feed])
    return int(value) if value else 0


def set_cursor(store: Store, feed: str, after: int) -> None:
    set_meta(store, {CURSOR_KEYS[feed]: str(after)})


def server_identity(server_id: object, base_url: str) -> str:
    """What names a server: the id from its health answer, else (an older server) its URL."""
    if isinstance(server_id, str) and server_id:
        return server_id
    return f"url:{base_url}"


def recorded_identity(store: Store) -> str | None:
    """The server that the acknowledgements and cursors in this database belong to, if any.

    Databases that synced before server ids existed only remember a URL, which names no server for sure:
    ``url:`` marks it so that it never equals a real id and the first sync with an id re-sends.
    """
    identity = get_meta(store, SERVER_ID_KEY)
    if identity is None:
        url = get_meta(store, SERVER_KEY)
        return f"url:{url}" if url else None
    return identity


def switch_server(store: Store, identity: str) -> int:
    """Forget which events another server acknowledged and where its feeds stopped; returns how many
    events are queued again. One transaction, so a crash cannot record the new server without the reset.
    """
    with store.session() as session:
        conn = session.connection()
        # Every event, not only this reviewer's: another reviewer syncing from this database later must
        # also send theirs to the new server. Others' events the new server has are re-acknowledged by the
        # events pull; the rest wait for their author (reported as held back).
        requeued = conn.execute(
            text("UPDATE verdict_event SET server_seq = NULL WHERE server_seq IS NOT NULL")
        ).rowcount
        # Fact-checks too: admins publish them all to the new server, everyone pulls them again.
        conn.execute(text("UPDATE factcheck SET server_seq = NULL WHERE server_seq IS NOT NULL"))
        for key in CURSOR_KEYS.values():
            session.merge(Meta(key=key, value="0"))
        session.merge(Meta(key=SERVER_ID_KEY, value=identity))
        session.commit()
    return max(requeued, 0)


def latest_acknowledged(store: Store) -> tuple[int, str]:
    """The event with the highest server seq here, as (seq, id); (0, "") when none is acknowledged.

    A backup holds a prefix of the server's log, so checking this one event is enough to tell whether
    the server lost any event this database saw acknowledged.
    """
    sql = text(
        "SELECT server_seq, id FROM verdict_event WHERE server_seq IS NOT NULL "
        "ORDER BY server_seq DESC LIMIT 1"
    )
    with store.session() as session:
        row = session.execute(sql).first()
    return (int(row[0]), str(row[1])) if row else (0, "")


def adopt_reviewer_name(store: Store, local_name: str, account: str) -> int:
    """Give the unsent events recorded here under ``local_name`` to ``account`` (the server's name for
    this person); returns how many. Only unsent ones: others may already hold the sent ones."""
    if local_name == account:
        return 0
    stmt = text(
        "UPDATE verdict_event SET reviewer = :account WHERE reviewer = :local AND server_seq IS NULL"
    )
    with store.session() as session:
        n = session.connection().execute(stmt, {"account": account, "local": local_name}).rowcount
        session.commit()
    return max(n, 0)


def pending_count(store: Store, reviewer: str | None = None) -> int:
    """Events not yet acknowledged by the server (optionally only ``reviewer``'s)."""
    query = select(func.count()).select_from(VerdictEvent).where(col(VerdictEvent.server_seq).is_(None))
    if reviewer is not None:
        query = query.where(col(VerdictEvent.reviewer) == reviewer)
    with store.session() as session:
        return int(session.execute(query).scalar_one())


def last_sync_time(store: Store) -> str | None:
    """When the last sync finished (ISO 8601, UTC), or None if this database never synced."""
    return get_meta(store, LAST_SYNC_KEY)


def outbox_batch(store: Store, reviewer: str, after_rowid: int, limit: int) -> list[tuple[int, EventBase]]:
    """The next ``limit`` unacknowledged events of ``reviewer`` in the order they were recorded, each with
    its rowid (the cursor for the next batch). Built unchecked: what the server would refuse is found out
    by validating them against the wire schema (sync.run), one event at a time."""
    sql = text(
        f"SELECT rowid, {', '.join(EVENT_COLUMNS)} "
        "FROM verdict_event WHERE server_seq IS NULL AND reviewer = :reviewer AND rowid > :after "
        "ORDER BY rowid LIMIT :limit"
    )
    with store.session() as session:
        rows = session.execute(sql, {"reviewer": reviewer, "after": after_rowid, "limit": limit}).all()
    out: list[tuple[int, EventBase]] = []
    for r in rows:
        fields = dict(zip(EVENT_COLUMNS, r[1:], strict=True))
        fields["sources"] = json.loads(fields["sources"]) if fields["sources"] else []
        fields["payload"] = json.loads(fields["payload"]) if fields["payload"] else {}
        out.append((int(r[0]), EventBase.model_construct(**fields)))
    return out


def acknowledge(store: Store, acked: Sequence[tuple[str, int]]) -> None:
    """Record the server's seq for events it has (which takes them out of the outbox)."""
    if not acked:
        return
    stmt = text("UPDATE verdict_event SET server_seq = :seq WHERE id = :id AND server_seq IS NULL")
    with store.session() as session:
        session.connection().execute(stmt, [{"id": i, "seq": s} for i, s in acked])
        session.commit()


def unacknowledged(store: Store, ids: Sequence[str]) -> set[str]:
    """Of these event ids, those held here without a server seq."""
    found: set[str] = set()
    query = text("SELECT id FROM verdict_event WHERE server_seq IS NULL AND id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    with store.session() as session:
        for start in range(0, len(ids), 500):
            found.update(str(r[0]) for r in session.execute(query, {"ids": list(ids[start : start + 500])}))
    return found


def existing_ids(store: Store, model: type[Claim] | type[Document], ids: Iterable[str]) -> set[str]:
    wanted = list(set(ids))
    found: set[str] = set()
    column = table_of(model).c.id
    with store.session() as session:
        for start in range(0, len(wanted), 500):
            query = select(column).where(column.in_(bindparam("ids", expanding=True)))
            found.update(r[0] for r in session.execute(query, {"ids": wanted[start : start + 500]}))
    return found


def document_claim_counts(store: Store) -> list[tuple[str, int]]:
    """Every local document with its number of claims (what an admin may need to publish)."""
    query = (
        select(Document.id, func.count(col(Claim.id)))
        .join(Claim, col(Claim.document_id) == col(Document.id), isouter=True)
        .group_by(col(Document.id))
        .order_by(col(Document.id))
    )
    with store.session() as session:
        return [(str(d), int(n)) for d, n in session.execute(query)]


def load_documents(store: Store, ids: Sequence[str]) -> dict[str, NewDocument]:
    out: dict[str, NewDocument] = {}
    with store.session() as session:
        for start in range(0, len(ids), 500):
            query = select(Document).where(col(Document.id).in_(ids[start : start + 500]))
            out.update({d.id: NewDocument.from_attrs(d) for d in session.exec(query)})
    return out


def load_articles(store: Store, ids: Sequence[str]) -> list[tuple[NewDocument, list[NewClaim]]]:
    """Documents with all their claims, as `Store.add_articles` (and publishing) take them."""
    docs = load_documents(store, ids)
    claims: dict[str, list[NewClaim]] = {d: [] for d in docs}
    with store.session() as session:
        for start in range(0, len(ids), 500):
            query = (
                select(Claim)
                .where(col(Claim.document_id).in_(ids[start : start + 500]))
                .order_by(col(Claim.document_id), col(Claim.start))
            )
            for c in session.exec(query):
                claims[c.document_id].append(NewClaim.from_attrs(c))
    return [(docs[d], claims[d]) for d in ids if d in docs]
