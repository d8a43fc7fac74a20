"""The log epoch: how clients learn that the server's event log went backwards.

A restore from backup or a failover to a lagging replica brings back an older prefix of the log (the
ordering guarantee in ``server.db`` means a backup always holds every seq up to some point and none
after). The server id comes back with the data, so clients cannot tell by it; and new events then reuse
the lost seq numbers, below the cursors of clients that had pulled the lost ones.

So ``server_meta`` holds a random ``log_epoch``, drawn again when the log may have lost acknowledged
entries: by the operator (``claimreview server new-epoch`` after a restore), or here, when a client
proves it (``verify``): it holds an event acknowledged with a seq the server no longer has, or has under
another id, or a pull cursor beyond the head. A client meeting a new epoch re-sends everything the
server lacks (pushes are idempotent) and pulls again from the start.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func
from sqlalchemy import select as sa_select

from claimreview.server.db import EVENT_LOCK, TABLES, get_meta, new_random_id, set_meta, writing

log = logging.getLogger("claimreview.server")


@dataclass(frozen=True, slots=True)
class LogState:
    epoch: str
    head: int  # the highest event seq (0 for an empty log)


def _head(conn: Connection) -> int:
    events = TABLES["event"]
    return int(conn.execute(sa_select(func.coalesce(func.max(events.c.seq), 0))).scalar_one())


def state(conn: Connection) -> LogState:
    return LogState(get_meta(conn, "log_epoch") or "", _head(conn))


def new_epoch(engine: Engine) -> str:
    """Start a new epoch now (the operator's command after a restore); returns it."""
    with writing(engine, EVENT_LOCK) as conn:
        epoch = new_random_id()
        set_meta(conn, "log_epoch", epoch)
    log.warning("log epoch changed to %s by the operator", epoch)
    return epoch


def _lost(conn: Connection, seq: int, event_id: str, cursor: int, head: int) -> str | None:
    if cursor > head:
        return f"a client's pull cursor {cursor} is beyond the log head {head}"
    if seq <= 0:
        return None
    events = TABLES["event"]
    stored = conn.execute(sa_select(events.c.id).where(events.c.seq == seq)).scalar_one_or_none()
    if stored is None:
        return f"event {event_id} was acknowledged as seq {seq}, which the log (head {head}) no longer has"
    if stored != event_id:
        return f"seq {seq} was acknowledged for event {event_id} but now holds another event"
    return None


def verify(engine: Engine, epoch: str, seq: int, event_id: str, cursor: int) -> tuple[str, bool]:
    """Check a client's view of the log: its latest acknowledged event (``seq``, ``event_id``; seq 0 for
    none) and its pull ``cursor``, both from ``epoch``. Returns (current epoch, whether the client's view
    still holds). A proven loss in the current epoch starts a new one, so every client learns of it."""
    with engine.connect() as conn:
        current = state(conn)
        reason = _lost(conn, seq, event_id, cursor, current.head)
    if reason is None:
        return current.epoch, True
    if epoch != current.epoch:
        # The epoch already changed since that client's view: it recovers without a second change.
        return current.epoch, False
    with writing(engine, EVENT_LOCK) as conn:
        latest = state(conn)
        # Checked again under the writers' lock: another client may have proven the same loss meanwhile.
        if latest.epoch == epoch and _lost(conn, seq, event_id, cursor, latest.head) is not None:
            set_meta(conn, "log_epoch", new_random_id())
            log.warning("log epoch changed: %s (restore or failover?); clients will re-send", reason)
        return state(conn).epoch, False
