"""Verdict state transitions and undo/redo (claimreview.undo, pure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimreview import consensus as rules
from claimreview.models import Source
from claimreview.undo import Change, UndoHistory, VerdictState


@dataclass
class FakeEvent:
    label: str
    note: str = ""
    sources: list[dict[str, Any]] = field(default_factory=list)


SRC = Source("https://a.example/x", "A", "quote")


def test_state_of_no_event_is_no_verdict() -> None:
    state = VerdictState.of(None)
    assert state == VerdictState() and not state.is_set and state.label == rules.CLEARED


def test_state_of_event_keeps_note_and_sources() -> None:
    state = VerdictState.of(FakeEvent("denied", "why", [SRC.as_dict()]))
    assert state == VerdictState("denied", "why", (SRC,))


def test_new_label_keeps_note_and_sources() -> None:
    state = VerdictState("confirmed", "why", (SRC,)).with_label("denied")
    assert state == VerdictState("denied", "why", (SRC,))


def test_clear_keeps_research_and_a_second_clear_drops_it() -> None:
    cleared = VerdictState("confirmed", "why", (SRC,)).with_label(rules.CLEARED)
    assert cleared == VerdictState(rules.CLEARED, "why", (SRC,)) and not cleared.is_set
    assert cleared.with_label(rules.CLEARED) == VerdictState()


def test_research_before_a_verdict_is_kept_by_it() -> None:
    research = VerdictState().with_note("source says 3%").with_source(SRC)
    assert not research.is_set
    assert research.with_label("denied") == VerdictState("denied", "source says 3%", (SRC,))


def test_a_new_verdict_keeps_unless_replaced() -> None:
    before = VerdictState("confirmed", "why", (SRC,))
    assert before.after_verdict("denied") == VerdictState("denied", "why", (SRC,))
    assert before.after_verdict("denied", note="new") == VerdictState("denied", "new", (SRC,))
    assert before.after_verdict("denied", sources=()) == VerdictState("denied", "why", ())


def test_with_source_ignores_duplicates() -> None:
    state = VerdictState("confirmed").with_source(SRC).with_source(SRC)
    assert state.sources == (SRC,)


def test_undo_returns_before_and_redo_after() -> None:
    history = UndoHistory()
    none, yes = VerdictState(), VerdictState("confirmed")
    history.record(Change("c1", none, yes))
    history.record(Change("c2", none, VerdictState("denied")))
    assert history.undo() == ("c2", none)
    assert history.undo() == ("c1", none)
    assert history.undo() is None
    assert history.redo() == ("c1", yes)
    assert history.can_undo and history.can_redo


def test_new_action_drops_redo_branch() -> None:
    history = UndoHistory()
    history.record(Change("c1", VerdictState(), VerdictState("confirmed")))
    history.undo()
    history.record(Change("c2", VerdictState(), VerdictState("denied")))
    assert not history.can_redo
    assert history.redo() is None


def test_undo_restores_previous_note_not_just_label() -> None:
    history = UndoHistory()
    before = VerdictState("confirmed", "first note", (SRC,))
    history.record(Change("c1", before, before.with_note("second")))
    assert history.undo() == ("c1", before)


def test_push_back_after_failed_write() -> None:
    history = UndoHistory()
    history.record(Change("c1", VerdictState(), VerdictState("confirmed")))
    history.undo()
    history.push_back(undone=True)
    assert history.can_undo and not history.can_redo
    history.undo()
    history.redo()
    history.push_back(undone=False)
    assert history.can_redo


def test_limit_keeps_newest() -> None:
    history = UndoHistory(limit=2)
    for n in range(3):
        history.record(Change(f"c{n}", VerdictState(), VerdictState("confirmed")))
    assert history.undo() is not None and history.undo() is not None
    assert history.undo() is None
