"""The review screen's correction key (``K``): the reviewer corrects the speaker and the claim's boundaries.

A correction is an event (kind ``correction``) like a verdict: it syncs, shows in the history, and undo
(``z``) restores the reviewer's correction before it (``cleared`` when there was none). A mixin of
ReviewScreen: it uses the screen's store, reviewer and ``_write`` (the one save path of verdicts and
corrections).
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from claimreview import consensus as rules
from claimreview.corrections import Effective, effective
from claimreview.models import ClaimRow, Document, VerdictEvent
from claimreview.store import Store
from claimreview.undo import CorrectionState, State


class CorrectionActions(Screen[None]):
    store: Store
    reviewer: str
    _document: Document | None
    _shown: tuple[str, list[VerdictEvent]] | None

    # Provided by ReviewScreen.
    def _current_row(self) -> ClaimRow | None:
        raise NotImplementedError

    def _write(self, claim_id: str, state: State, *, saved: str, before: State | None = None) -> bool:
        raise NotImplementedError

    def _log_of(self, claim_id: str) -> list[VerdictEvent]:
        if self._shown is not None and self._shown[0] == claim_id:
            return self._shown[1]
        return self.store.events_for_claim(claim_id)

    @staticmethod
    def standing_claim(row: ClaimRow, document: Document | None, events: list[VerdictEvent]) -> Effective:
        """The claim as its log's corrections leave it (as extracted when there are none)."""
        if document is None or not any(e.kind == rules.CORRECTION for e in events):
            return Effective(row.speaker, row.start, row.end, row.text)
        return effective(row.speaker, row.start, row.end, document.text, events)

    def _my_correction(self, claim_id: str) -> CorrectionState:
        mine = None
        for event in self._log_of(claim_id):
            if event.reviewer == self.reviewer and event.kind == rules.CORRECTION:
                mine = event
        return CorrectionState.of(mine)

    def action_correct(self) -> None:
        row = self._current_row()
        if row is None:
            return
        document = self._document
        if document is None or document.id != row.document_id:
            document = self.store.get_document(row.document_id)
        if document is None:
            self.notify("The claim's document is not in the database.", severity="warning", markup=False)
            return
        now = self.standing_claim(row, document, self._log_of(row.id))

        def done(payload: dict[str, Any] | None) -> None:
            if payload is None:
                return
            before = self._my_correction(row.id)
            self._write(row.id, CorrectionState(payload), before=before, saved="saved ✓ correction")

        from claimreview.tui.screens.correct_dialog import CorrectionDialog  # on first use

        self.app.push_screen(CorrectionDialog(document.text, now.speaker, now.start, now.end), done)
