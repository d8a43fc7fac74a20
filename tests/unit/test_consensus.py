"""Consensus rules on plain event records."""

from __future__ import annotations

from dataclasses import dataclass

from claimreview.consensus import consensus, current_verdicts


@dataclass
class Ev:
    reviewer: str
    label: str
    created_at: str
    kind: str = "review"


def test_no_events_is_unreviewed() -> None:
    assert consensus([]) == "unreviewed"


def test_latest_event_per_reviewer_counts() -> None:
    events = [Ev("ann", "denied", "2026-01-01T00:00:01"), Ev("ann", "confirmed", "2026-01-01T00:00:02")]
    assert current_verdicts(events)["ann"].label == "confirmed"
    assert consensus(events) == "confirmed"


def test_same_timestamp_keeps_log_order() -> None:
    events = [Ev("ann", "denied", "2026-01-01T00:00:01"), Ev("ann", "unverified", "2026-01-01T00:00:01")]
    assert consensus(events) == "unverified"


def test_reviewers_who_differ_make_it_disputed() -> None:
    events = [Ev("ann", "confirmed", "t1"), Ev("bob", "unverified", "t2")]
    assert consensus(events) == "disputed"


def test_a_cleared_verdict_no_longer_counts() -> None:
    events = [Ev("ann", "confirmed", "t1"), Ev("bob", "denied", "t2"), Ev("bob", "cleared", "t3")]
    assert consensus(events) == "confirmed"
    assert set(current_verdicts(events)) == {"ann"}


def test_an_adjudication_settles_a_dispute_and_history_stays() -> None:
    events = [
        Ev("ann", "confirmed", "t1"),
        Ev("bob", "denied", "t2"),
        Ev("chief", "denied", "t3", kind="adjudication"),
    ]
    assert consensus(events) == "denied"
    assert set(current_verdicts(events)) == {"ann", "bob"}
