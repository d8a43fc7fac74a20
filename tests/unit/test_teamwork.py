"""Team rules (pure): assignment, decided-by, blind review, dispute age, pace, spreading work."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from claimreview import consensus as rules
from claimreview import teamwork


@dataclass
class Ev:
    reviewer: str
    label: str
    kind: str = rules.REVIEW
    created_at: str = "2024-01-01T00:00:00.000000Z"
    payload: dict[str, Any] = field(default_factory=dict)


def t(minute: int) -> str:
    return f"2024-01-01T{minute // 60:02d}:{minute % 60:02d}:00.000000Z"


def assign(by: str, to: list[str] | None, minute: int) -> Ev:
    if to is None:
        return Ev(by, rules.CLEARED, rules.ASSIGNMENT, t(minute))
    return Ev(by, rules.ASSIGNED, rules.ASSIGNMENT, t(minute), {"to": to})


def test_each_assigner_keeps_one_standing_assignment_and_they_add_up() -> None:
    log = [assign("root", ["ana", "ben"], 0), assign("judge", ["cy"], 1)]
    assert teamwork.assignees(log) == {"ana", "ben", "cy"}
    log.append(assign("root", ["ben"], 2))  # root's new list replaces root's old one
    assert teamwork.assignees(log) == {"ben", "cy"}
    log.append(assign("judge", None, 3))  # judge withdraws; root's stands
    assert teamwork.assignees(log) == {"ben"}


def test_assigned_names_ignore_junk_in_the_payload() -> None:
    assert teamwork.assigned_names({"to": [" ana ", "", "ana", 3, "ben"]}) == ["ana", "ben"]
    assert teamwork.assigned_names({"to": "ana"}) == []
    assert teamwork.assigned_names(None) == []


def test_decided_by_a_standing_review_or_the_settling_adjudication() -> None:
    log = [Ev("ana", rules.CONFIRMED, created_at=t(0))]
    assert teamwork.decided_by(log, "ana") and not teamwork.decided_by(log, "ben")
    log.append(Ev("ana", rules.CLEARED, created_at=t(1)))
    assert not teamwork.decided_by(log, "ana")
    log.append(Ev("judge", rules.DENIED, rules.ADJUDICATION, t(2)))
    assert teamwork.decided_by(log, "judge")


def test_assigned_work_is_blind_until_my_verdict_is_in() -> None:
    log = [assign("root", ["ana", "ben"], 0), Ev("ben", rules.DENIED, created_at=t(1))]
    assert teamwork.is_blind(log, "ana")
    assert [e.reviewer for e in teamwork.visible_events(log, "ana")] == ["root"]
    assert not teamwork.is_blind(log, "cy")  # not assigned to cy, no blind setting
    assert teamwork.is_blind(log, "cy", blind_review=True)
    log.append(Ev("ana", rules.CONFIRMED, created_at=t(2)))
    assert not teamwork.is_blind(log, "ana")
    assert len(teamwork.visible_events(log, "ana")) == 3


def test_a_settled_claim_is_not_blind() -> None:
    log = [assign("root", ["ana"], 0), Ev("judge", rules.DENIED, rules.ADJUDICATION, t(1))]
    assert not teamwork.is_blind(log, "ana")


def test_disputed_since_is_the_newest_disagreeing_verdict() -> None:
    log = [Ev("ana", rules.CONFIRMED, created_at=t(0)), Ev("ben", rules.CONFIRMED, created_at=t(5))]
    assert teamwork.disputed_since(log) is None
    log.append(Ev("cy", rules.DENIED, created_at=t(9)))
    assert teamwork.disputed_since(log) == t(9)


def test_pace_counts_working_time_only() -> None:
    start = datetime(2024, 1, 1, 9, tzinfo=UTC)
    # Two sessions a day apart: 13 verdicts over 60 minutes, then 7 over 30 minutes.
    times = [start + timedelta(minutes=5 * i) for i in range(13)]
    times += [start + timedelta(days=1, minutes=5 * i) for i in range(7)]
    assert teamwork.pace(times) == pytest.approx(20 / 1.5)
    assert teamwork.pace([]) is None
    assert teamwork.pace([start]) == pytest.approx(12.0)  # one verdict counts as a five-minute session
    # Only the recent sessions: an old slow week does not drag today's pace.
    old = [start - timedelta(days=d) for d in range(10, 20)]
    assert teamwork.pace(old + times, recent=2) == pytest.approx(20 / 1.5)


def test_spread_is_even_distinct_and_respects_existing_load() -> None:
    plan = teamwork.spread([f"c{i}" for i in range(9)], ["ana", "ben", "cy"], 2)
    counts = {n: sum(n in who for who in plan.values()) for n in ("ana", "ben", "cy")}
    assert counts == {"ana": 6, "ben": 6, "cy": 6}
    assert all(len(set(who)) == 2 for who in plan.values())
    plan = teamwork.spread(["a", "b"], ["ana", "ben", "cy"], 1, {"ana": 5, "ben": 0, "cy": 0})
    assert "ana" not in {n for who in plan.values() for n in who}
    with pytest.raises(ValueError, match="only 2 active"):
        teamwork.spread(["a"], ["ana", "ben"], 3)
