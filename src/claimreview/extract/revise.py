"""A reviewer's correction of a claim's speaker or boundaries, worked out against the document's sentences
(the command line's `correct` and the app's correction dialog share it; the rule for which correction
stands is the core's, in claimreview.corrections)."""

from __future__ import annotations

from typing import Any

from claimreview.corrections import SPEAKER_LIMIT, Keep, check_span, payload_of, trimmed
from claimreview.errors import InputError
from claimreview.extract.segment import sentence_end_after, sentence_start_after
from claimreview.textsafe import one_line


def revise(
    document_text: str,
    now: tuple[str | None, int, int],
    *,
    speaker: str | Keep | None = Keep.SPEAKER,
    start: int | None = None,
    end: int | None = None,
    extend_next: bool = False,
    drop_first: bool = False,
) -> dict[str, Any]:
    """The payload of a new correction of a claim standing as ``now`` (speaker, start, end), for the
    command line and the app alike. ``speaker`` None: nobody said it. ``extend_next``: take in the rest of
    the sentence or the next one; ``drop_first``: drop the first sentence (a headline glued to the claim).
    Raises InputError when the result cannot be a claim of this document."""
    new_speaker, new_start, new_end = now
    if not isinstance(speaker, Keep):
        # Names come from untrusted text and the keyboard: one line, no control characters.
        new_speaker = (one_line(speaker).strip() or None) if speaker is not None else None
        if new_speaker is not None and len(new_speaker) > SPEAKER_LIMIT:
            raise InputError(f"is longer than {SPEAKER_LIMIT} characters", field="speaker")
    new_start = new_start if start is None else start
    new_end = new_end if end is None else end
    if drop_first or extend_next:
        if drop_first:
            later = sentence_start_after(document_text, new_start, new_end)
            if later is None:
                raise InputError("the claim is a single sentence; nothing to drop")
            new_start = later
        if extend_next:
            further = sentence_end_after(document_text, new_end)
            if further is None:
                raise InputError("the claim already ends the document; nothing to extend to")
            new_end = further
    problem = check_span(document_text, new_start, new_end)
    if problem is not None:
        raise InputError(problem, field="--start/--end")
    new_start, new_end = trimmed(document_text, new_start, new_end)
    return payload_of(new_speaker, new_start, new_end)
