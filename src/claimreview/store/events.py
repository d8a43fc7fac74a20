"""The verdict event log: appending verdicts, inserting events made elsewhere, the consensus cache."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlmodel import Session, col, select

from claimreview import consensus as rules
from claimreview.errors import ClaimreviewError
from claimreview.ids import new_event_id, now_iso
from claimreview.models import EVENT_FIELDS, Claim, Source, VerdictEvent
from claimreview.store.schema import StoreBase, table_of

_EVENT_FIELDS = (*(name for name in EVENT_FIELDS if name != "claim_id"), "server_seq")
_CLAIM_LOG_SQL = (
    "SELECT c.consensus, "
    + ", ".join(f"e.{name}" for name in _EVENT_FIELDS)
    + " FROM claim c LEFT JOIN verdict_event e ON e.claim_id = c.id WHERE c.id = ?"
    " ORDER BY e.created_at, e.rowid"
)


def _event_of(claim_id_: str, values: Sequence[Any]) -> VerdictEvent:
    fields = dict(zip(_EVENT_FIELDS, values, strict=True))
    fields["sources"] = json.loads(fields["sources"]) if fields["sources"] else []
    fields["payload"] = json.loads(fields["payload"]) if fields["payload"] else {}
    return VerdictEvent(claim_id=claim_id_, **fields)


# What consensus() reads of each event, with the claim id to group them.
_CONSENSUS_COLUMNS = ("claim_id", "id", "reviewer", "kind", "label", "created_at", "replaces", "server_seq")


@dataclass(frozen=True, slots=True)
class Appended:
    """What one appended event changed: the claim's log (oldest first, the new event last) and its
    consensus before and after."""

    event: VerdictEvent
    previous_consensus: str
    consensus: str
    history: list[VerdictEvent]


class EventLog(StoreBase):
    # -- verdict events --------------------------------------------------------------------------

    def events_for_claim(self, claim_id_: str) -> list[VerdictEvent]:
        """The claim's whole history, oldest first."""
        with self.session() as session:
            query = (
                select(VerdictEvent)
                .where(col(VerdictEvent.claim_id) == claim_id_)
                .order_by(col(VerdictEvent.created_at), text("verdict_event.rowid"))
            )
            return list(session.exec(query))

    def current_verdicts(self, claim_id_: str) -> dict[str, VerdictEvent]:
        return rules.current_verdicts(self.events_for_claim(claim_id_))

    def latest_event(self, claim_id_: str, reviewer: str, kind: str = rules.REVIEW) -> VerdictEvent | None:
        with self.session() as session:
            query = (
                select(VerdictEvent)
                .where(
                    col(VerdictEvent.claim_id) == claim_id_,
                    col(VerdictEvent.reviewer) == reviewer,
                    col(VerdictEvent.kind) == kind,
                )
                .order_by(col(VerdictEvent.created_at).desc(), text("verdict_event.rowid DESC"))
                .limit(1)
            )
            return session.exec(query).first()

    def append_event(
        self,
        claim_id_: str,
        reviewer: str,
        label: str,
        *,
        note: str = "",
        sources: Sequence[Source] = (),
        kind: str = rules.REVIEW,
        payload: Mapping[str, Any] | None = None,
    ) -> VerdictEvent:
        """Record a verdict; returns only after it is committed to disk."""
        return self.record_event(
            claim_id_, reviewer, label, note=note, sources=sources, kind=kind, payload=payload
        ).event

    def record_event(
        self,
        claim_id_: str,
        reviewer: str,
        label: str,
        *,
        note: str = "",
        sources: Sequence[Source] = (),
        kind: str = rules.REVIEW,
        payload: Mapping[str, Any] | None = None,
    ) -> Appended:
        """Append one event and refresh the claim's consensus; returns once committed, with the claim's
        history and consensus before and after, so the screen needs no second read.

        Three statements inside one write transaction: read the claim's log, insert, update the consensus
        cache (skipped when unchanged). ``label`` and ``kind`` are trusted: they are checked where they
        enter (CLI options, import parsing, the wire schemas, the app's own keys).
        """
        reviewer = reviewer.strip()
        if not reviewer:
            raise ClaimreviewError("reviewer name is empty; pass --reviewer NAME")
        rules.parse_event_label(kind, label)
        with self.session() as session:
            conn = session.connection()
            # BEGIN IMMEDIATE takes the write lock first, so two app instances never interleave
            # "read the previous event" and "write the one that replaces it".
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            rows = conn.exec_driver_sql(_CLAIM_LOG_SQL, (claim_id_,)).all()
            if not rows:
                session.rollback()
                raise ClaimreviewError(f"no claim with id '{claim_id_}'")
            before = str(rows[0][0])
            history = [_event_of(claim_id_, row[1:]) for row in rows if row[1] is not None]
            mine = [e for e in history if e.reviewer == reviewer and e.kind == kind]
            # Replace every head (several after a fork synced in), so this event resolves the fork.
            previous = " ".join(e.id for e in rules.heads(mine)) or None
            new = VerdictEvent(
                id=new_event_id(),
                claim_id=claim_id_,
                reviewer=reviewer,
                kind=kind,
                label=label,
                note=note,
                sources=[s.as_dict() for s in sources],
                payload=dict(payload or {}),
                created_at=now_iso(),
                replaces=previous,
            )
            conn.execute(table_of(VerdictEvent).insert(), [new.model_dump()])
            history.append(new)
            after = rules.consensus(history)
            if after != before:
                conn.exec_driver_sql("UPDATE claim SET consensus = ? WHERE id = ?", (after, claim_id_))
            session.commit()
        return Appended(new, before, after, history)

    def insert_events(self, events: Sequence[dict[str, Any]], *, refresh: bool = True) -> int:
        """Insert events made elsewhere (import, sync); ids already present are skipped.

        ``refresh=False`` leaves the consensus cache of their claims stale: for a caller inserting many
        pages that refreshes once at the end (``refresh_consensus``) and can tell after a crash.
        """
        if not events:
            return 0
        with self.session() as session:
            added = self._insert_events(session, events, refresh=refresh)
            session.commit()
            return added

    def refresh_consensus(self, claim_ids: Iterable[str] | None = None) -> None:
        """Recompute the cached consensus of ``claim_ids`` (None: every claim)."""
        with self.session() as session:
            if claim_ids is None:
                claim_ids = [str(r[0]) for r in session.connection().exec_driver_sql("SELECT id FROM claim")]
            self._refresh_consensus(session, claim_ids)
            session.commit()

    def _insert_events(self, session: Session, events: Sequence[dict[str, Any]], refresh: bool = True) -> int:
        """Insert (skipping known ids) and refresh the cached consensus, inside the caller's transaction."""
        if not events:
            return 0
        table = table_of(VerdictEvent)
        names = [c.name for c in table.columns]
        if all(len(e) == len(names) and all(n in e for n in names) for e in events):
            # Complete rows (what sync pulls): straight to the driver. Core's executemany spent longer
            # compiling and processing 1,000-row pages than SQLite spent writing them.
            marks = ", ".join("?" * len(names))
            sql = f"INSERT OR IGNORE INTO verdict_event ({', '.join(names)}) VALUES ({marks})"
            json_columns = ("sources", "payload")
            encoded = [tuple(json.dumps(e[n]) if n in json_columns else e[n] for n in names) for e in events]
            res = session.connection().exec_driver_sql(sql, encoded)
        else:
            res = session.connection().execute(table.insert().prefix_with("OR IGNORE"), list(events))
        if refresh:
            self._refresh_consensus(session, {e["claim_id"] for e in events})
        return max(res.rowcount, 0)

    def _refresh_consensus(self, session: Session, claim_ids: Iterable[str]) -> None:
        # Batched, with Core rows (attribute access is all consensus() needs): a sync brings in
        # thousands of events at once, and one ORM query per claim cost ~1 ms each.
        ids = list(dict.fromkeys(claim_ids))
        events, claims = table_of(VerdictEvent), table_of(Claim)
        conn = session.connection()
        updates: list[dict[str, str]] = []
        for start in range(0, len(ids), 500):
            by_claim: dict[str, list[Any]] = {cid: [] for cid in ids[start : start + 500]}
            query = (
                select(*[events.c[name] for name in _CONSENSUS_COLUMNS])
                .where(events.c.claim_id.in_(list(by_claim)))
                .order_by(events.c.claim_id, events.c.created_at, text("verdict_event.rowid"))
            )
            for row in conn.execute(query):
                by_claim[row.claim_id].append(row)
            updates.extend({"cid": cid, "value": rules.consensus(evs)} for cid, evs in by_claim.items())
        if updates:
            conn.execute(
                claims.update().where(claims.c.id == bindparam("cid")).values(consensus=bindparam("value")),
                updates,
            )

    def current_verdicts_for(self, claim_ids: Sequence[str]) -> dict[str, dict[str, VerdictEvent]]:
        """Current verdicts of many claims at once (for listings and reports)."""
        out: dict[str, list[VerdictEvent]] = {cid: [] for cid in claim_ids}
        with self.session() as session:
            for chunk_start in range(0, len(claim_ids), 500):
                chunk = list(claim_ids[chunk_start : chunk_start + 500])
                query = (
                    select(VerdictEvent)
                    .where(col(VerdictEvent.claim_id).in_(chunk))
                    .order_by(col(VerdictEvent.created_at), text("verdict_event.rowid"))
                )
                for ev in session.exec(query):
                    out[ev.claim_id].append(ev)
        return {cid: rules.current_verdicts(evs) for cid, evs in out.items()}
