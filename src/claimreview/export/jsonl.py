"""JSON Lines: every document, claim and verdict event of the selection, re-importable by `import`.

Layout (what ingest._parse_full reads): a ``meta`` line, then ``document`` lines, then ``claim``
lines, then ``event`` lines (the whole history of each claim, oldest first, in log order).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any, TextIO

from claimreview import __version__
from claimreview.export.report import ClaimRecord, EventRecord, ProgressCallback, Report
from claimreview.export.writing import WriteResult, in_chunks

if TYPE_CHECKING:
    from claimreview.config import Settings

FORMAT_NAME = "claimreview-export"
FORMAT_VERSION = 1

_dumps = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def meta_record(report: Report) -> dict[str, Any]:
    return {
        "type": "meta",
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generator": f"claimreview {__version__}",
        "generated_at": report.generated_at,
        "filters": report.filters.as_dict(),
        "counts": {
            "documents": len(report.documents),
            "claims": len(report.claims),
            "events": report.event_count,
        },
    }


_str = encode_basestring  # a str as a JSON string, exactly as _dumps writes it (ensure_ascii off)
_INF = float("inf")


def _value(value: Any) -> str:
    """A JSON scalar as ``_dumps`` writes it, without its per-call overhead for the common types."""
    kind = type(value)
    if kind is str:
        return _str(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float and -_INF < value < _INF:  # not NaN or infinite (the encoder writes those its own way)
        return float.__repr__(value)
    if value is None:
        return "null"
    return _dumps(value)


def _claim_lines(chunk: Sequence[ClaimRecord]) -> str:
    """The ``claim`` lines of a chunk: ``_dumps`` of each claim's record (see claim_record), built directly.

    The text columns read here are NOT NULL TEXT, which SQLite always hands back as str.
    """
    s, v, r = _str, _value, _reasons
    return "".join(
        [
            f'{{"type": "claim", "id": {s(c.id)}, "document_id": {s(c.document_id)}, "text": {s(c.text)}, '
            f'"start": {v(c.start)}, "end": {v(c.end)}, "speaker": {v(c.speaker)}, "score": {v(c.score)}, '
            f'"reasons": {r(c.reasons_json, c)}, '
            f'"extractor": {s(c.extractor)}, "extractor_version": {s(c.extractor_version)}, '
            f'"consensus": {s(c.consensus)}}}\n'
            if c.extracted is None
            else _dumps(claim_record(c)) + "\n"
            for c in chunk
        ]
    )


def _reasons(raw: str, claim: ClaimRecord) -> str:
    # The store writes the list with json.dumps, which for ASCII codes is byte for byte what _dumps writes.
    return raw if raw and raw.isascii() and raw[0] == "[" else _dumps(claim.reasons)


def claim_record(c: ClaimRecord) -> dict[str, Any]:
    """A ``claim`` line's record (the reference _claim_lines is tested against).

    The line holds the claim as extracted, which is what its id is made of and what `import` checks;
    a standing correction is added under ``corrected`` for readers (`import` rebuilds it from the
    correction events that follow).
    """
    x = c.extracted
    record = {
        "type": "claim",
        "id": c.id,
        "document_id": c.document_id,
        "text": c.text if x is None else x.text,
        "start": c.start if x is None else x.start,
        "end": c.end if x is None else x.end,
        "speaker": c.speaker if x is None else x.speaker,
        "score": c.score,
        "reasons": c.reasons,
        "extractor": c.extractor,
        "extractor_version": c.extractor_version,
        "consensus": c.consensus,
    }
    if x is not None:
        record["corrected"] = {
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "speaker": c.speaker,
            "by": x.corrected_by,
        }
    return record


_PAYLOAD = ', "payload": '


def _event_lines(chunk: Sequence[ClaimRecord]) -> str:
    """The ``event`` lines of a chunk's claims: ``_dumps`` of each event_record, built directly."""
    s, v = _str, _value
    return "".join(
        [
            f'{{"type": "event", "id": {s(e.id)}, "claim_id": {s(e.claim_id)}, "reviewer": {s(e.reviewer)}, '
            f'"kind": {s(e.kind)}, "label": {s(e.label)}, "note": {s(e.note)}, '
            f'"sources": {"[]" if e.sources_json == "[]" else _dumps(e.sources)}, '
            f'"created_at": {s(e.created_at)}, "replaces": {v(e.replaces)}'
            f"{'' if e.payload_json == '{}' else _PAYLOAD + _dumps(e.payload)}}}\n"
            for c in chunk
            for e in c.events
        ]
    )


def event_record(e: EventRecord) -> dict[str, Any]:
    """An ``event`` line's record (the reference _event_lines is tested against)."""
    return {
        "type": "event",
        "id": e.id,
        "claim_id": e.claim_id,
        "reviewer": e.reviewer,
        "kind": e.kind,
        "label": e.label,
        "note": e.note,
        "sources": e.sources,
        "created_at": e.created_at,
        "replaces": e.replaces,
        # Only when there is one, so review events read as they always did.
        **({"payload": e.payload} if e.payload_json != "{}" else {}),
    }


def write_jsonl(
    report: Report, stream: TextIO, settings: Settings, progress: ProgressCallback | None = None
) -> WriteResult:
    stream.write(_dumps(meta_record(report)) + "\n")
    for d in report.documents:
        record = {
            "type": "document",
            "id": d.id,
            "uri": d.uri,
            "title": d.title,
            "publisher": d.publisher,
            "published": d.published,
            "url": d.url,
            "text": d.text,
            "sha256": d.sha256,
        }
        stream.write(_dumps(record) + "\n")
    # Progress counts claims twice (their line, then their events): the two passes cost about the same.
    total = 2 * len(report.claims)
    n = len(report.claims)

    def claims_progress(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, total)

    def events_progress(done: int, _total: int) -> None:
        if progress is not None:
            progress(n + done, total)

    in_chunks(stream, report.claims, lambda chunk, _o: _claim_lines(chunk), claims_progress)
    in_chunks(stream, report.claims, lambda chunk, _o: _event_lines(chunk), events_progress)
    return WriteResult(written=n)
