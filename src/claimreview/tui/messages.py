"""App-wide messages: screens and the sync worker tell the app what happened (past tense)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from claimreview.sync.run import SyncReport  # imports the store: not before the first frame


@dataclass
class VerdictSaved(Message):
    """A verdict or an adjudication was committed locally: one more event waits to be sent."""

    claim_id: str


@dataclass
class SyncProgressed(Message):
    """The sync worker moved on; ``text`` is what the header shows (e.g. "syncing 40% (sending)")."""

    text: str

    def can_replace(self, message: Message) -> bool:
        # A burst of pages only needs its latest state drawn: older ones still queued are dropped.
        return isinstance(message, SyncProgressed)


@dataclass
class SyncFinished(Message):
    report: SyncReport
    manual: bool  # started by the key (tell the user) rather than by the auto-sync timer


@dataclass
class SyncFailed(Message):
    message: str  # one line, says what to do
    reason: str  # a few words for the header
    manual: bool
