"""The global event log: idempotent pushes (stored / known / rejected) and pulls by seq cursor.

Writers hold ``EVENT_LOCK`` (see ``server.db`` for why pulls by cursor need it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine
from sqlalchemy import select as sa_select

from claimreview.ids import now_iso
from claimreview.server.db import EVENT_LOCK, TABLES, insert, page, writing
from claimreview.wire import EventIn, EventOut, PushResult

# The columns a client's event fills; pulls send the same ones (EventOut adds only seq).
EVENT_FIELDS = tuple(name for name in EventOut.model_fields if name != "seq")


def _row(event: EventIn) -> dict[str, Any]:
    return event.model_dump(include=set(EVENT_FIELDS))


def _same_event(stored: dict[str, Any], sent: dict[str, Any]) -> bool:
    return all(stored[k] == sent[k] for k in EVENT_FIELDS)


def push_events(engine: Engine, events: Sequence[EventIn]) -> list[PushResult]:
    """Store events idempotently; one result per event: stored / known (with seq) or rejected.

    Each event's ``reviewer`` must be set (the API sets it from the token).
    """
    table, claims = TABLES["event"], TABLES["claim"]
    sent = [_row(e) for e in events]
    claim_ids = sorted({e["claim_id"] for e in sent})
    results: dict[str, PushResult] = {}
    with writing(engine, EVENT_LOCK) as conn:
        known_claims = {r[0] for r in conn.execute(sa_select(claims.c.id).where(claims.c.id.in_(claim_ids)))}
        received = now_iso()
        rows: list[dict[str, Any]] = []
        seen: set[str] = set()
        for e in sent:
            if e["claim_id"] not in known_claims:
                results[e["id"]] = PushResult(
                    id=e["id"], status="rejected", reason="claim is not on the server"
                )
            elif e["id"] not in seen:
                seen.add(e["id"])
                rows.append({**e, "received_at": received})
        stored: dict[str, int] = {}
        if rows:
            stmt = insert(engine, table).on_conflict_do_nothing(index_elements=["id"])
            for r in conn.execute(stmt.returning(table.c.id, table.c.seq), rows):
                stored[r[0]] = int(r[1])
        missing = [r["id"] for r in rows if r["id"] not in stored]
        existing: dict[str, dict[str, Any]] = {}
        for start in range(0, len(missing), 500):
            query = sa_select(table).where(table.c.id.in_(missing[start : start + 500]))
            existing.update({row.id: dict(row._mapping) for row in conn.execute(query)})
    first: dict[str, dict[str, Any]] = {}
    out: list[PushResult] = []
    for e in sent:
        event_id = e["id"]
        earlier = first.setdefault(event_id, e)
        if event_id in results:
            out.append(results[event_id])
        elif event_id in stored and earlier is e:
            out.append(PushResult(id=event_id, status="stored", seq=stored[event_id]))
        elif event_id in stored and _same_event(earlier, e):
            out.append(PushResult(id=event_id, status="known", seq=stored[event_id]))
        elif event_id in existing and _same_event(existing[event_id], e):
            out.append(PushResult(id=event_id, status="known", seq=int(existing[event_id]["seq"])))
        else:
            out.append(PushResult(id=event_id, status="rejected", reason="id already used by another event"))
    return out


def pull_events(engine: Engine, after: int, limit: int) -> tuple[list[EventOut], bool]:
    return page(engine, TABLES["event"], EventOut, after, limit)
