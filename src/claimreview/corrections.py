"""A claim as reviewers corrected it: speaker and boundaries from ``correction`` events (pure).

A correction is an event like a verdict (kind ``correction``, label ``corrected``; ``cleared`` withdraws
the author's own). Its payload holds the whole corrected claim, not a difference: ``speaker`` (text;
``""`` for no speaker), ``start`` and ``end`` (offsets into the document's text, which gives the
claim's text). The extraction itself is never changed: it stays the claim's identity (its id is made
from the original offsets) and its first version in the history.

Conflicting corrections (two reviewers, or two machines of one): the newest standing correction wins
as a whole. Each reviewer's standing correction is their latest correction event unless that one is
``cleared``; of these, the one with the latest ``created_at`` (log order breaks ties) applies. Fields are
never merged across corrections: boundaries and speaker are judged together, from one reading of the
article, and every correction carries all three. A correction whose offsets do not fit the document
(made against another text, or damaged on the way) is skipped, and the next newest one applies.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

from claimreview import consensus as rules

SPEAKER_LIMIT = 200


class CorrectionEvent(rules.EventLike, Protocol):
    # Read-only: stored events, export records (NamedTuples) and wire items all qualify.
    @property
    def payload(self) -> Mapping[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Effective:
    """The claim as it stands: corrected by ``by`` (None: as extracted)."""

    speaker: str | None
    start: int
    end: int
    text: str
    by: str | None = None

    @property
    def corrected(self) -> bool:
        return self.by is not None


def payload_of(speaker: str | None, start: int, end: int) -> dict[str, Any]:
    """A correction's payload: the whole corrected claim."""
    return {"speaker": speaker or "", "start": start, "end": end}


def check_span(document_text: str, start: int, end: int) -> str | None:
    """Why ``start``..``end`` cannot be a claim of this document, or None when it can."""
    if not 0 <= start < end <= len(document_text):
        return f"offsets {start}..{end} are outside the document (0..{len(document_text)}) or empty"
    if not document_text[start:end].strip():
        return f"the document holds only blank space at {start}..{end}"
    return None


class Keep(Enum):
    """The speaker is left as it stands (``revise``'s default)."""

    SPEAKER = 0


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    # Boundaries typed by hand often take a space or a line break along; the claim never starts with one.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _read(payload: Mapping[str, Any], document_text: str) -> tuple[str | None, int, int] | None:
    start, end, speaker = payload.get("start"), payload.get("end"), payload.get("speaker", "")
    if type(start) is not int or type(end) is not int or not isinstance(speaker, str):
        return None
    if check_span(document_text, start, end) is not None or len(speaker) > SPEAKER_LIMIT:
        return None
    return (speaker.strip() or None), start, end


def standing_corrections(events: Sequence[CorrectionEvent]) -> list[CorrectionEvent]:
    """Each reviewer's standing correction, newest first in the shared order (``rules.log_order``).
    ``events`` in log order (oldest first), which breaks ties."""
    order = {id(event): index for index, event in enumerate(events)}
    alive = rules.standing(events, rules.CORRECTION).values()
    return sorted(alive, key=lambda e: (rules.log_order(e), order[id(e)]), reverse=True)


def effective(
    speaker: str | None, start: int, end: int, document_text: str, events: Sequence[CorrectionEvent]
) -> Effective:
    """The claim extracted as ``speaker``/``start``/``end`` with its log's corrections applied."""
    for event in standing_corrections(events):
        found = _read(event.payload, document_text)
        if found is not None:
            who, s, e = found
            return Effective(who, s, e, document_text[s:e], by=event.reviewer)
    return Effective(speaker, start, end, document_text[start:end])


def has_correction(events: Sequence[Any]) -> bool:
    return any(e.kind == rules.CORRECTION for e in events)
