"""Reads behind team work: who claims are assigned to, what a reviewer has decided, the queues built from
those, the adjudicator's list of disputes and the per-reviewer figures of `claimreview stats`.

The rules are ``teamwork``'s (pure); the set queries here say the same in SQL (window functions and
``json_each``) so that a queue over 100,000 claims is one scan, not 100,000 logs read into Python.
tests/unit/test_team_store.py checks the two agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlmodel import col, select

from claimreview import consensus as rules
from claimreview import teamwork
from claimreview.errors import ClaimreviewError
from claimreview.ids import new_event_id, now_iso
from claimreview.models import Claim, ClaimRow, VerdictEvent
from claimreview.store import Store
from claimreview.store.corrections import corrected_rows
from claimreview.store.schema import table_of

# Queues a reviewer works from, in the order the app offers them.
MINE = "mine"  # assigned to me and not yet decided by me
UNDECIDED = "undecided"  # everything not decided by me
DISPUTED = "disputed"
DECIDED = "decided"  # decided by me
ALL = "all"
QUEUES: tuple[str, ...] = (MINE, UNDECIDED, DISPUTED, DECIDED, ALL)

# Each author's latest assignment event per claim, when it assigns (see teamwork's docstring).
_STANDING_ASSIGNMENTS = """
    SELECT claim_id, payload FROM (
        SELECT claim_id, label, payload,
               row_number() OVER (PARTITION BY claim_id, reviewer ORDER BY created_at DESC, rowid DESC) AS rn
        FROM verdict_event WHERE kind = 'assignment'
    ) WHERE rn = 1 AND label = 'assigned'
"""
_ASSIGNED_TO = f"SELECT DISTINCT a.claim_id FROM ({_STANDING_ASSIGNMENTS}) a, json_each(a.payload, '$.to') j"
_DECIDED_BY = """
    SELECT claim_id FROM (
        SELECT claim_id, label,
               row_number() OVER (PARTITION BY claim_id ORDER BY created_at DESC, rowid DESC) AS rn
        FROM verdict_event WHERE reviewer = :name AND kind = 'review'
    ) WHERE rn = 1 AND label != 'cleared'
    UNION
    SELECT claim_id FROM (
        SELECT claim_id, reviewer, label,
               row_number() OVER (PARTITION BY claim_id ORDER BY created_at DESC, rowid DESC) AS rn
        FROM verdict_event WHERE kind = 'adjudication'
    ) WHERE rn = 1 AND label != 'cleared' AND reviewer = :name
"""


def _ids(store: Store, sql: str, params: dict[str, object] | None = None) -> set[str]:
    with store.engine.connect() as conn:
        return {str(r[0]) for r in conn.exec_driver_sql(sql, params or {})}


def assigned_to(store: Store, name: str) -> set[str]:
    """Ids of the claims assigned to ``name`` now."""
    return _ids(store, f"{_ASSIGNED_TO} WHERE j.value = :name", {"name": name.strip()})


def decided_by(store: Store, name: str) -> set[str]:
    """Ids of the claims ``name`` has decided (a standing review, or the settling adjudication)."""
    return _ids(store, _DECIDED_BY, {"name": name.strip()})


def assignments(store: Store) -> dict[str, set[str]]:
    """Claim id -> the names it is assigned to, for every assigned claim."""
    out: dict[str, set[str]] = {}
    with store.engine.connect() as conn:
        for claim_id, name in conn.exec_driver_sql(
            f"SELECT a.claim_id, j.value FROM ({_STANDING_ASSIGNMENTS}) a, json_each(a.payload, '$.to') j"
        ):
            if isinstance(name, str) and name.strip():
                out.setdefault(str(claim_id), set()).add(name.strip())
    return out


def queue_ids(store: Store, queue: str, me: str) -> set[str] | None:
    """The claim ids of one queue for reviewer ``me``; None means every claim (no filter)."""
    if queue == ALL:
        return None
    if queue == MINE:
        return assigned_to(store, me) - decided_by(store, me)
    if queue == DECIDED:
        return decided_by(store, me)
    if queue == DISPUTED:
        return _ids(store, "SELECT id FROM claim WHERE consensus = 'disputed'")
    if queue == UNDECIDED:
        return _ids(store, "SELECT id FROM claim") - decided_by(store, me)
    raise ValueError(f"unknown queue {queue!r}; one of {', '.join(QUEUES)}")


def queue_rows(store: Store, queue: str, me: str, *, document: str | None = None) -> list[ClaimRow]:
    """The claims of one queue in reading order (the same order as `claimreview claims` and the app)."""
    wanted = queue_ids(store, queue, me)
    rows = store.list_claims(document=document)
    return rows if wanted is None else [r for r in rows if r.id in wanted]


def claim_events(store: Store, claim_ids: Sequence[str]) -> dict[str, list[VerdictEvent]]:
    """Each claim's whole log, oldest first, for many claims at once."""
    out: dict[str, list[VerdictEvent]] = {cid: [] for cid in claim_ids}
    with store.session() as session:
        for start in range(0, len(claim_ids), 500):
            query = (
                select(VerdictEvent)
                .where(col(VerdictEvent.claim_id).in_(list(claim_ids[start : start + 500])))
                .order_by(col(VerdictEvent.created_at), text("verdict_event.rowid"))
            )
            for event in session.exec(query):
                out[event.claim_id].append(event)
    return out


# -- the adjudicator's queue ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Dispute:
    claim: ClaimRow
    since: str  # when the disagreement took its present shape (teamwork.disputed_since)
    sides: list[VerdictEvent]  # each reviewer's standing verdict and fork heads, oldest first


def disputes(store: Store) -> list[Dispute]:
    """Disputed claims (as corrected), oldest dispute first, with each side's verdict (note, sources)."""
    rows = corrected_rows(store, store.list_claims(status=rules.DISPUTED))
    logs = claim_events(store, [r.id for r in rows])
    out: list[Dispute] = []
    for row in rows:
        history = logs[row.id]
        sides = {e.id: e for e in rules.current_verdicts(history).values()}
        for heads in rules.forks(history).values():
            sides.update({e.id: e for e in heads})
        since = teamwork.disputed_since(history) or ""
        out.append(Dispute(row, since, sorted(sides.values(), key=lambda e: (e.created_at, e.reviewer))))
    out.sort(key=lambda d: (d.since, d.claim.id))
    return out


# -- figures --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewerFigures:
    name: str
    assigned: int  # claims assigned to them now
    done: int  # of those, decided by them
    decided: int  # every claim they have decided, assigned or not
    pace: float | None  # verdicts per hour over their recent sessions (teamwork.pace)

    @property
    def left(self) -> int:
        return self.assigned - self.done


ACTIVE_DAYS = 30


def active_reviewers(store: Store, *, days: int = ACTIVE_DAYS, now: datetime | None = None) -> list[str]:
    """The team as this database knows it: whoever recorded a review in the last ``days`` days, and
    whoever has work assigned now (they are on the team before their first verdict)."""
    since = (now or datetime.now(UTC)) - timedelta(days=days)
    cutoff = since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")  # the events' own fixed-width format
    names = _ids(
        store,
        "SELECT DISTINCT reviewer FROM verdict_event WHERE kind = 'review' AND created_at >= :cutoff",
        {"cutoff": cutoff},
    )
    for assigned in assignments(store).values():
        names.update(assigned)
    return sorted(names)


def team_figures(store: Store, names: Iterable[str] | None = None) -> list[ReviewerFigures]:
    """Per reviewer: assigned, done, left, decided and pace; everyone with work or verdicts by default."""
    by_claim = assignments(store)
    verdict_times: dict[str, list[datetime]] = {}
    with store.engine.connect() as conn:
        for reviewer, created in conn.exec_driver_sql(
            "SELECT reviewer, created_at FROM verdict_event WHERE kind IN ('review', 'adjudication') "
            "AND label != 'cleared'"
        ):
            verdict_times.setdefault(str(reviewer), []).append(teamwork.parse_time(str(created)))
    if names is None:
        everyone = set(verdict_times)
        for assigned in by_claim.values():
            everyone.update(assigned)
        names = sorted(everyone)
    out: list[ReviewerFigures] = []
    for name in names:
        mine = {cid for cid, who in by_claim.items() if name in who}
        decided = decided_by(store, name)
        out.append(
            ReviewerFigures(
                name=name,
                assigned=len(mine),
                done=len(mine & decided),
                decided=len(decided),
                pace=teamwork.pace(verdict_times.get(name, ())),
            )
        )
    return out


# -- recording assignments ------------------------------------------------------------------------


def record_assignments(store: Store, assigner: str, plan: dict[str, list[str] | None]) -> int:
    """Record ``assigner``'s assignment of each claim in ``plan`` (claim id -> names; None clears it), in
    one transaction; returns how many events were written.

    A claim whose standing assignment by ``assigner`` already says the same is left alone, so running the
    same command twice records nothing new. Each event replaces the assigner's previous head(s) on the
    claim, as every event does (consensus.py: forks).
    """
    assigner = assigner.strip()
    if not assigner:
        raise ClaimreviewError("assigner name is empty; pass --reviewer NAME")
    claim_ids = list(plan)
    rows: list[dict[str, Any]] = []
    with store.session() as session:
        conn = session.connection()
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # read the heads and write their successors under one lock
        known: set[str] = set()
        previous: dict[str, list[VerdictEvent]] = {cid: [] for cid in claim_ids}
        for start in range(0, len(claim_ids), 500):
            chunk = claim_ids[start : start + 500]
            known.update(str(r[0]) for r in conn.execute(select(Claim.id).where(col(Claim.id).in_(chunk))))
            query = (
                select(VerdictEvent)
                .where(
                    col(VerdictEvent.claim_id).in_(chunk),
                    col(VerdictEvent.reviewer) == assigner,
                    col(VerdictEvent.kind) == rules.ASSIGNMENT,
                )
                .order_by(col(VerdictEvent.created_at), text("verdict_event.rowid"))
            )
            for event in session.exec(query):
                previous[event.claim_id].append(event)
        missing = [cid for cid in claim_ids if cid not in known]
        if missing:
            session.rollback()
            raise ClaimreviewError(f"no claim with id '{missing[0]}'")
        created = now_iso()
        for cid, names in plan.items():
            mine = previous[cid]
            label = rules.ASSIGNED if names else rules.CLEARED
            payload = {"to": list(names)} if names else {}
            standing = teamwork.assignees(mine)
            if (names and standing == frozenset(names)) or (not names and not standing):
                continue
            rows.append(
                {
                    "id": new_event_id(),
                    "claim_id": cid,
                    "reviewer": assigner,
                    "kind": rules.ASSIGNMENT,
                    "label": label,
                    "note": "",
                    "sources": [],
                    "payload": payload,
                    "created_at": created,
                    "replaces": " ".join(e.id for e in rules.heads(mine)) or None,
                    "server_seq": None,
                }
            )
        if rows:
            conn.execute(table_of(VerdictEvent).insert(), rows)
        session.commit()
    return len(rows)
