"""Claims as corrected: reads the correction events of many claims at once (rules in ``corrections``).

Only claims with a correction cost anything: one query finds their correction events, one more reads
their extraction and their document's text. Corrections are written like every event, through
``Store.record_event(kind="correction")``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from claimreview import consensus as rules
from claimreview.corrections import Effective, effective

if TYPE_CHECKING:
    from claimreview.models import ClaimRow
    from claimreview.store import Store

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class _Event:
    reviewer: str
    kind: str
    label: str
    created_at: str
    payload: dict[str, Any]


def _payload(raw: str | None) -> dict[str, Any]:
    try:
        value = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def corrected_claims(store: Store, claim_ids: Sequence[str] | None = None) -> dict[str, Effective]:
    """The claims among ``claim_ids`` (all when None) that have a correction event, as they stand now
    (a correction later cleared gives the extraction back, with ``by`` None)."""
    ids = None if claim_ids is None else list(dict.fromkeys(claim_ids))
    chunks: list[list[str] | None] = (
        [None] if ids is None else [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]
    )
    out: dict[str, Effective] = {}
    with store.cursor() as cursor:
        for chunk in chunks:
            where, params = "", [rules.CORRECTION]
            if chunk is not None:
                where = f" AND claim_id IN ({', '.join('?' * len(chunk))})"
                params.extend(chunk)
            cursor.execute(
                "SELECT claim_id, reviewer, kind, label, created_at, payload FROM verdict_event "
                f"WHERE kind = ?{where} ORDER BY created_at, rowid",
                params,
            )
            logs: dict[str, list[_Event]] = {}
            for cid, reviewer, kind, label, created_at, payload in cursor.fetchall():
                logs.setdefault(cid, []).append(
                    _Event(reviewer, kind, label, created_at, _payload(payload))
                )
            found = list(logs)
            for begin in range(0, len(found), _CHUNK):
                part = found[begin : begin + _CHUNK]
                cursor.execute(
                    'SELECT c.id, c.speaker, c.start, c."end", d.text FROM claim c JOIN document d '
                    f"ON d.id = c.document_id WHERE c.id IN ({', '.join('?' * len(part))})",
                    part,
                )
                for cid, speaker, start, end, text in cursor.fetchall():
                    out[cid] = effective(speaker, start, end, text, logs[cid])
    return out


def corrected_claim(store: Store, claim_id: str) -> Effective | None:
    """One claim as it stands, or None when it has no correction event."""
    return corrected_claims(store, [claim_id]).get(claim_id)


def as_corrected(row: ClaimRow, now: Effective | None) -> ClaimRow:
    """``row`` with the standing correction's speaker, text and offsets (unchanged when none stands)."""
    if now is None or not now.corrected:
        return row
    return replace(row, text=now.text, start=now.start, end=now.end, speaker=now.speaker)


def corrected_rows(store: Store, rows: Sequence[ClaimRow]) -> list[ClaimRow]:
    """The rows as reviewers corrected them: what a list shows (the queue, the document screen, the
    CLI). One query when none is corrected."""
    found = corrected_claims(store, [row.id for row in rows]) if rows else {}
    return [as_corrected(row, found.get(row.id)) for row in rows]
