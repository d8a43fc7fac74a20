"""The review queue of a team queue (assigned to me, not decided by me, disputed, decided by me).

A team queue is one set query (store/team.py) intersected with the usual status/search/document filter;
its index remembers each row's claim id and which claims the reviewer has decided, so that "the next
claim to do" means the next one not yet decided by me (a colleague's verdict does not make it done), and
the header can count the reviewer's own work: of the claims assigned to them, how many they decided.
"""

from __future__ import annotations

from array import array
from dataclasses import replace
from typing import TYPE_CHECKING

from claimreview import consensus as rules
from claimreview.store import team
from claimreview.store.queue import _ORDER, ClaimIndex, QueueFilter, _where

if TYPE_CHECKING:
    from claimreview.store import Store

# What each queue is called in the header, the queue's title and the chooser.
QUEUE_NAMES: dict[str, str] = {
    team.MINE: "assigned to me, not decided by me",
    team.UNDECIDED: "not decided by me",
    team.DISPUTED: "disputed",
    team.DECIDED: "decided by me",
    team.ALL: "all claims",
}
# Queues whose rows are work to do: the next claim after a verdict is the next one not decided by me.
TO_DO = frozenset({team.MINE, team.UNDECIDED})


class TeamIndex(ClaimIndex):
    """A ClaimIndex over a team queue, with the claim ids and the reviewer's own progress."""

    __slots__ = ("assigned", "decided", "ids", "me")

    def __init__(
        self,
        flt: QueueFilter,
        rowids: array[int],
        statuses: list[str],
        ids: list[str],
        *,
        me: str,
        assigned: set[str],
        decided: set[str],
    ) -> None:
        super().__init__(flt, rowids, statuses)
        self.ids = ids
        self.me = me
        self.assigned = assigned
        self.decided = decided

    def next_with_status(
        self, after: int, status: str = rules.UNREVIEWED, *, wrap: bool = True
    ) -> int | None:
        """In a queue of work to do, "unreviewed" means not yet decided by me: the next such row."""
        if status != rules.UNREVIEWED or self.filter.team not in TO_DO:
            return super().next_with_status(after, status, wrap=wrap)
        order = list(range(after + 1, len(self.ids)))
        if wrap:
            order += range(0, max(after, 0))
        return next((n for n in order if self.ids[n] not in self.decided), None)

    def mark(self, claim_id: str, decided: bool) -> None:
        """The reviewer's verdict on ``claim_id`` was recorded (or cleared)."""
        if decided:
            self.decided.add(claim_id)
        else:
            self.decided.discard(claim_id)

    def progress(self) -> tuple[int, int]:
        """(done, assigned): the claims assigned to me now, and how many of them I have decided."""
        return len(self.assigned & self.decided), len(self.assigned)


def default_filter(store: Store, me: str, otherwise: QueueFilter | None = None) -> QueueFilter:
    """The queue the app opens on: my assigned work while some is left, else ``otherwise`` (every
    unreviewed claim by default), in ``otherwise``'s order and score floor."""
    base = otherwise or QueueFilter(status=rules.UNREVIEWED)
    if team.queue_ids(store, team.MINE, me):
        return replace(base, status=None, team=team.MINE, me=me)
    return base


def load_team_index(store: Store, flt: QueueFilter) -> TeamIndex:
    """The claims of the team queue ``flt.team`` for ``flt.me`` that also pass the rest of ``flt``."""
    if flt.team is None:
        raise ValueError("not a team queue")
    wanted = team.queue_ids(store, flt.team, flt.me)
    where, params = _where(flt, store)
    sql = (
        f"SELECT c.rowid, c.consensus, c.id FROM claim c JOIN document d ON d.id = c.document_id{where} "
        f"{_ORDER}"
    )
    assigned = team.assigned_to(store, flt.me)
    decided = team.decided_by(store, flt.me)
    # Blind review (teamwork.is_blind): the list must not show a colleague's verdict on my assigned work
    # before mine is in, so such rows show as unreviewed until then (a verdict of mine sets the real one).
    blind = assigned - decided
    rowids: array[int] = array("q")
    statuses: list[str] = []
    ids: list[str] = []
    with store.engine.connect() as conn:
        for rowid, status, claim_id in conn.exec_driver_sql(sql, tuple(params)):
            if wanted is not None and claim_id not in wanted:
                continue
            rowids.append(rowid)
            statuses.append(rules.UNREVIEWED if claim_id in blind and status != rules.UNREVIEWED else status)
            ids.append(claim_id)
    return TeamIndex(
        flt,
        rowids,
        statuses,
        ids,
        me=flt.me,
        assigned=assigned,
        decided=decided,
    )
