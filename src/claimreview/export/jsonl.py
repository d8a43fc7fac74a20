"""JSON Lines: every document, claim and verdict event of the selection, re-importable by `import`.

Layout (what ingest._parse_full reads): a ``meta`` line, then ``document`` lines, then ``claim``
lines, then ``event`` lines (the whole history of each claim, oldest first, in log order).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from claimreview import __version__
from claimreview.config import Settings
from claimreview.export.report import ClaimRecord, ProgressCallback, Report
from claimreview.export.writing import WriteResult, in_chunks

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


def _claim_lines(chunk: Sequence[ClaimRecord]) -> str:
    return "".join(
        _dumps(
            {
                "type": "claim",
                "id": c.id,
                "document_id": c.document_id,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "speaker": c.speaker,
                "score": c.score,
                "extractor": c.extractor,
                "extractor_version": c.extractor_version,
                "consensus": c.consensus,
            }
        )
        + "\n"
        for c in chunk
    )


def _event_lines(chunk: Sequence[ClaimRecord]) -> str:
    return "".join(
        _dumps(
            {
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
            }
        )
        + "\n"
        for c in chunk
        for e in c.events
    )


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
