"""Published fact-checks on the server: publishing (admins; keyed by review url) and the paging pull.

A fact-check published again with other content replaces the stored one: the old row is deleted and the
new one inserted, so it draws a new seq and every client's pull (``seq > cursor``) brings the change.
Writers hold ``CATALOG_LOCK``, like document publishing (see ``server.db`` on why pulls need it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine
from sqlalchemy import select as sa_select

from claimreview.ids import now_iso
from claimreview.models import factcheck_digest
from claimreview.server.db import CATALOG_LOCK, TABLES, insert, page, writing
from claimreview.wire import FactCheckIn, FactCheckOut


def publish(engine: Engine, checks: Sequence[FactCheckIn], publisher: str) -> tuple[int, int, int]:
    """Store fact-checks; returns how many were (added, updated, unchanged)."""
    rows: dict[str, dict[str, Any]] = {}
    added_at = now_iso()
    for check in checks:  # a url twice in one batch: the later one wins, as a re-import would
        rows[check.url] = {
            **check.model_dump(),
            "digest": factcheck_digest(check),
            "published_by": publisher,
            "added_at": added_at,
        }
    table = TABLES["factcheck"]
    urls = list(rows)
    with writing(engine, CATALOG_LOCK) as conn:
        known: dict[str, str] = {}
        for start in range(0, len(urls), 500):
            query = sa_select(table.c.url, table.c.digest).where(table.c.url.in_(urls[start : start + 500]))
            known.update({str(u): str(d) for u, d in conn.execute(query)})
        changed = [u for u in urls if u in known and known[u] != rows[u]["digest"]]
        fresh = [u for u in urls if u not in known]
        for start in range(0, len(changed), 500):
            conn.execute(table.delete().where(table.c.url.in_(changed[start : start + 500])))
        if fresh or changed:
            stmt = insert(engine, table).on_conflict_do_nothing(index_elements=["url"])
            conn.execute(stmt, [rows[u] for u in (*fresh, *changed)])
    return len(fresh), len(changed), len(urls) - len(fresh) - len(changed)


def pull(engine: Engine, after: int, limit: int) -> tuple[list[FactCheckOut], bool]:
    return page(engine, TABLES["factcheck"], FactCheckOut, after, limit)
