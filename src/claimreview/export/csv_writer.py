"""CSV: one row per claim, one column group per reviewer; safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TextIO

from claimreview.config import Settings
from claimreview.export.report import ClaimRecord, EventRecord, ProgressCallback, Report
from claimreview.export.writing import WriteResult, in_chunks
from claimreview.textsafe import printable

BASE_COLUMNS = ("id", "document", "uri", "claim", "speaker", "score", "consensus")
GROUP = ("label", "note", "sources", "at")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell as text, control characters made visible, formulas neutralised with a leading quote."""
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    if text.startswith(FORMULA_START):
        text = "'" + text
    return text if text.isprintable() else printable(text)


def sources_cell(event: EventRecord) -> str:
    lines = []
    for src in event.sources:
        line = f"{src['title']} <{src['url']}>" if src["title"] else src["url"]
        if src["quote"]:
            line += f" “{src['quote']}”"
        lines.append(line)
    return "\n".join(lines)


def _group(event: EventRecord | None) -> list[str]:
    if event is None:
        return ["", "", "", ""]
    return [event.label, event.note, sources_cell(event), event.created_at]


def header(report: Report) -> list[str]:
    columns = list(BASE_COLUMNS)
    for name in report.reviewers:
        columns += [f"{name} {part}" for part in GROUP]
    if report.summary.adjudicated:
        columns += ["adjudication by", *(f"adjudication {part}" for part in GROUP)]
    return columns


def row(report: Report, claim: ClaimRecord) -> list[str]:
    doc = claim.document
    cells: list[object] = [
        claim.id,
        doc.label,
        doc.uri,
        claim.text,
        claim.speaker or "",
        f"{claim.score:.4g}",
        claim.consensus,
    ]
    for name in report.reviewers:
        cells += _group(claim.verdicts.get(name))
    if report.summary.adjudicated:
        ruling = claim.adjudication
        cells += [ruling.reviewer if ruling else "", *_group(ruling)]
    return [safe_cell(c) for c in cells]


def write_csv(
    report: Report,
    stream: TextIO,
    settings: Settings,
    progress: ProgressCallback | None = None,
    *,
    bom: bool = True,
) -> WriteResult:
    """``bom``: start with a UTF-8 byte order mark, which spreadsheet programs need to read UTF-8."""
    if bom:
        stream.write("\ufeff")
    writer = csv.writer(stream, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header(report)])

    def render(chunk: Sequence[ClaimRecord], _offset: int) -> str:
        writer.writerows(row(report, c) for c in chunk)
        return ""

    in_chunks(stream, report.claims, render, progress)
    return WriteResult(written=len(report.claims))
