"""Working as a team, as pure rules over one claim's event log: who it is assigned to, whether someone has
decided it, whose verdicts a reviewer may see yet (blind review), since when a dispute stands, a
reviewer's pace, and how to spread unassigned claims over a team.

Assignment. Each assigner (an admin or adjudicator) has at most one standing assignment per claim: their
latest ``assignment`` event on it, unless that event is ``cleared``. A new assignment by the same assigner
replaces their previous one (its ``to`` list is the whole new list, not an addition). The claim is assigned
to everyone named by any assigner's standing assignment, so two assigners never silently undo each other.

Decided by a reviewer: they have a standing review (their latest review event on the claim is not
``cleared``), or they made the adjudication that settles it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from claimreview import consensus as rules

SESSION_GAP = timedelta(minutes=30)  # a pause longer than this starts a new session
RECENT_SESSIONS = 5
# A session of one verdict has no length; each session counts at least this long so that pace stays finite
# (about the time a verdict takes), and so that short bursts do not read as hundreds an hour.
MIN_SESSION = timedelta(minutes=5)

E = TypeVar("E", bound=rules.EventLike)


def assigned_names(payload: Mapping[str, Any] | None) -> list[str]:
    """The names an assignment's payload lists (``{"to": [...]}``), stripped, without blanks or repeats."""
    raw = (payload or {}).get("to")
    if not isinstance(raw, list):
        return []
    return list(dict.fromkeys(n.strip() for n in raw if isinstance(n, str) and n.strip()))


def assignees(events: Sequence[E]) -> frozenset[str]:
    """Everyone the claim is assigned to now (see the module docstring). ``events`` in log order."""
    names: set[str] = set()
    for event in rules.latest_by_author(events, rules.ASSIGNMENT).values():
        if event.label == rules.ASSIGNED:
            names.update(assigned_names(getattr(event, "payload", None)))
    return frozenset(names)


def decided_by(events: Sequence[E], name: str) -> bool:
    """Whether ``name`` has a standing review on the claim, or made the adjudication that settles it."""
    if name in rules.current_verdicts(events):
        return True
    ruling = rules.latest_adjudication(events)
    return ruling is not None and ruling.reviewer == name


def is_blind(events: Sequence[E], viewer: str, *, blind_review: bool = False) -> bool:
    """Whether ``viewer`` must not see others' verdicts on this claim yet.

    Work assigned to the viewer is blind until the viewer's own verdict is in, so that a double review stays
    independent; with the ``blind_review`` setting every claim is. Once the claim is settled by an
    adjudication there is nothing left to keep independent, and the viewer sees everything.
    """
    if decided_by(events, viewer) or rules.latest_adjudication(events) is not None:
        return False
    return blind_review or viewer in assignees(events)


def visible_events(events: Sequence[E], viewer: str, *, blind_review: bool = False) -> list[E]:
    """The events ``viewer`` may see: all of them, or (blind) their own and the non-verdict ones."""
    if not is_blind(events, viewer, blind_review=blind_review):
        return list(events)
    return [e for e in events if e.reviewer == viewer or e.kind not in (rules.REVIEW, rules.ADJUDICATION)]


def disputed_since(events: Sequence[E]) -> str | None:
    """When the disagreement took its present shape: the newest of the standing verdicts (and fork heads)
    that disagree. None when the claim is not disputed."""
    if rules.consensus(events) != rules.DISPUTED:
        return None
    standing = list(rules.current_verdicts(events).values())
    for heads in rules.forks(events).values():
        standing.extend(heads)
    return max((e.created_at for e in standing), default=None)


# -- pace -----------------------------------------------------------------------------------------


def parse_time(value: str) -> datetime:
    """An event's ``created_at`` (ISO 8601, UTC, ``Z``) as an aware datetime."""
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Session:
    start: datetime
    end: datetime
    verdicts: int

    @property
    def length(self) -> timedelta:
        return max(self.end - self.start, MIN_SESSION)


def sessions(times: Iterable[datetime], gap: timedelta = SESSION_GAP) -> list[Session]:
    """Runs of work separated by pauses longer than ``gap``, oldest first."""
    out: list[Session] = []
    for t in sorted(times):
        if out and t - out[-1].end <= gap:
            last = out[-1]
            out[-1] = Session(last.start, t, last.verdicts + 1)
        else:
            out.append(Session(t, t, 1))
    return out


def pace(
    times: Iterable[datetime], *, recent: int = RECENT_SESSIONS, gap: timedelta = SESSION_GAP
) -> float | None:
    """Verdicts per hour over the reviewer's ``recent`` latest sessions; None without any verdict.

    Only time spent working counts: the pauses between sessions do not, so a reviewer who works an hour a
    day is not reported as doing one verdict an hour.
    """
    runs = sessions(times, gap)[-recent:]
    if not runs:
        return None
    hours = sum((s.length for s in runs), timedelta()).total_seconds() / 3600
    return sum(s.verdicts for s in runs) / hours


# -- spreading work -------------------------------------------------------------------------------


def spread(
    claims: Sequence[str], reviewers: Sequence[str], per_claim: int, load: Mapping[str, int] | None = None
) -> dict[str, list[str]]:
    """Assign each claim to ``per_claim`` different reviewers, evenly.

    Each claim goes to the reviewers with the least work so far (``load``: claims already assigned to them
    and not yet done), ties broken by name, so that the result is the same on every run. Returns claim ->
    names, in the order of ``claims``.
    """
    team = sorted(dict.fromkeys(r for r in reviewers if r))
    if per_claim < 1:
        raise ValueError("per_claim must be at least 1")
    if per_claim > len(team):
        raise ValueError(f"{per_claim} reviewer(s) per claim but only {len(team)} active")
    work = {name: int((load or {}).get(name, 0)) for name in team}
    out: dict[str, list[str]] = {}
    for claim in claims:
        chosen = sorted(team, key=lambda n: (work[n], n))[:per_claim]
        for name in chosen:
            work[name] += 1
        out[claim] = sorted(chosen)
    return out
