"""What a reviewer's verdict on a claim becomes after each key, and how undo/redo restore it (pure).

A verdict is the whole of label + note + sources, and every event in the log carries the whole of
it. Undo never deletes an event: it appends one that restores the state before the action, so undo
is itself in the history (and syncs like any verdict).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from claimreview import consensus as rules
from claimreview.models import Source


class EventLike(Protocol):
    label: str
    note: str
    sources: list[dict[str, Any]]


def _source(data: Mapping[str, Any]) -> Source:
    return Source(
        url=str(data.get("url", "")), title=str(data.get("title", "")), quote=str(data.get("quote", ""))
    )


@dataclass(frozen=True, slots=True)
class VerdictState:
    """One reviewer's standing verdict on one claim; label ``cleared`` means none."""

    label: str = rules.CLEARED
    note: str = ""
    sources: tuple[Source, ...] = ()

    @property
    def is_set(self) -> bool:
        return self.label != rules.CLEARED

    @classmethod
    def of(cls, event: EventLike | None) -> VerdictState:
        """The state an event leaves behind (no event: no verdict)."""
        if event is None:
            return cls()
        return cls(event.label, event.note, tuple(_source(s) for s in event.sources))

    def with_label(self, label: str) -> VerdictState:
        """A verdict key: the new label keeps the note and evidence already written."""
        return self.after_verdict(label)

    def after_verdict(
        self, label: str, *, note: str | None = None, sources: Sequence[Source] | None = None
    ) -> VerdictState:
        """The one rule for a new verdict, in the app and on the command line: it keeps the reviewer's
        note and sources unless it replaces them (``note``/``sources`` given, ``""``/``()`` to drop them).

        Research comes before (and outlives) a verdict: ``cleared`` withdraws the label but keeps the note
        and sources (stored as a review event labelled ``cleared`` that carries them, which consensus
        ignores); clearing again when no verdict stands discards the research as well.
        """
        if label == rules.CLEARED and not self.is_set and note is None and sources is None:
            return VerdictState()
        return VerdictState(
            label,
            self.note if note is None else note,
            self.sources if sources is None else tuple(dict.fromkeys(sources)),
        )

    def with_note(self, note: str) -> VerdictState:
        return replace(self, note=note)

    def with_source(self, source: Source) -> VerdictState:
        if source in self.sources:
            return self
        return replace(self, sources=(*self.sources, source))


@dataclass(frozen=True, slots=True)
class CorrectionState:
    """One reviewer's standing correction of one claim: its payload, or None when none stands (undoing
    the first correction writes ``cleared``, which withdraws it)."""

    payload: Mapping[str, Any] | None = None

    @property
    def label(self) -> str:
        return rules.CLEARED if self.payload is None else rules.CORRECTED

    @classmethod
    def of(cls, event: Any | None) -> CorrectionState:
        """The state a correction event leaves behind (none, or ``cleared``: no correction)."""
        if event is None or event.label == rules.CLEARED:
            return cls()
        return cls(dict(event.payload or {}))


State = VerdictState | CorrectionState


@dataclass(frozen=True, slots=True)
class Change:
    """One recorded action: the reviewer's verdict (or correction) on ``claim_id`` went from ``before``
    to ``after``; both are of one kind."""

    claim_id: str
    before: State
    after: State


@dataclass(slots=True)
class UndoHistory:
    """This session's actions; undo walks back, redo forward, a new action drops the redo branch."""

    limit: int = 1000
    _done: list[Change] = field(default_factory=list)
    _undone: list[Change] = field(default_factory=list)

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    def record(self, change: Change) -> None:
        self._done.append(change)
        if len(self._done) > self.limit:
            del self._done[0]
        self._undone.clear()

    def undo(self) -> tuple[str, State] | None:
        """The claim and the state to write to undo the last action, or None if nothing to undo."""
        if not self._done:
            return None
        change = self._done.pop()
        self._undone.append(change)
        return change.claim_id, change.before

    def redo(self) -> tuple[str, State] | None:
        if not self._undone:
            return None
        change = self._undone.pop()
        self._done.append(change)
        return change.claim_id, change.after

    def push_back(self, undone: bool) -> None:
        """Put back the change an undo/redo just took, because writing it failed."""
        if undone and self._undone:
            self._done.append(self._undone.pop())
        elif not undone and self._done:
            self._undone.append(self._done.pop())
