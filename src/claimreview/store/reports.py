"""The bulk reads behind reports: the selected claims, their documents and their whole event history.

Raw cursor reads, in the column order export/report.py's records expect: at 100,000 claims the
report is built from plain tuples (shared/MEASURED.md: SELECT through the ORM costs ~15x raw sqlite3).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimreview.models import CLAIM_FIELDS, DOCUMENT_FIELDS, EVENT_FIELDS

if TYPE_CHECKING:
    from claimreview.store import Store

# From the model families, so a field added to a claim reaches the report query (and export/report.py's
# records, which a test keeps in this order) without another list to edit.
DOCUMENT_COLUMNS = ("id", *DOCUMENT_FIELDS, "sha256", "added_at")
CLAIM_COLUMNS = ("id", "document_id", *CLAIM_FIELDS, "consensus")
EVENT_COLUMNS = EVENT_FIELDS


@dataclass(slots=True)
class ReportRows:
    documents: list[tuple[Any, ...]]  # in reading order (added_at, id)
    claims: list[tuple[Any, ...]]  # unordered: the caller sorts (cheaper than SQLite's join-then-sort)
    events: list[tuple[Any, ...]]  # in log order (rowid)


def _where(
    statuses: Sequence[str],
    document_id: str | None,
    reviewer: str | None,
    since: str | None,
    before: str | None,
) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if statuses:
        where.append(f"c.consensus IN ({', '.join('?' * len(statuses))})")
        params.extend(statuses)
    if document_id is not None:
        where.append("c.document_id = ?")
        params.append(document_id)
    if reviewer is not None:
        # A coarse cut in SQL (any event by them); the exact rule, a current verdict, is the caller's.
        where.append("c.id IN (SELECT claim_id FROM verdict_event WHERE reviewer = ?)")
        params.append(reviewer)
    if since is not None or before is not None:
        # Timestamps are ISO 8601 in UTC, so text order is time order; ``before`` is exclusive.
        span = " AND ".join(
            part for part, value in (("created_at >= ?", since), ("created_at < ?", before)) if value
        )
        where.append(f"c.id IN (SELECT claim_id FROM verdict_event WHERE {span})")
        params.extend(value for value in (since, before) if value)
    return (" WHERE " + " AND ".join(where) if where else ""), params


def report_rows(
    store: Store,
    *,
    statuses: Sequence[str] = (),
    document_id: str | None = None,
    reviewer: str | None = None,
    since: str | None = None,
    before: str | None = None,
) -> ReportRows:
    """The claims every given condition holds for; ``since``/``before``: an event on or after / before
    that ISO date."""
    where, params = _where(statuses, document_id, reviewer, since, before)
    claim_columns = ", ".join(f'c."{name}"' for name in CLAIM_COLUMNS)
    event_sql = f"SELECT {', '.join('e.' + n for n in EVENT_COLUMNS)} FROM verdict_event e"
    if where:
        event_sql += f" WHERE e.claim_id IN (SELECT c.id FROM claim c{where})"
    with store.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM document "
            f"WHERE id IN (SELECT DISTINCT c.document_id FROM claim c{where}) ORDER BY added_at, id",
            params,
        )
        documents = cursor.fetchall()
        cursor.execute(f"SELECT {claim_columns} FROM claim c{where}", params)
        claims = cursor.fetchall()
        cursor.execute(event_sql + " ORDER BY e.rowid", params)
        events = cursor.fetchall()
    return ReportRows(list(documents), list(claims), list(events))
