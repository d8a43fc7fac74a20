"""CSV: one row per claim, one column group per reviewer; safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from claimreview.export.report import ClaimRecord, EventRecord, ProgressCallback, Report
from claimreview.export.writing import WriteResult, in_chunks
from claimreview.textsafe import printable, without_bidi_controls

if TYPE_CHECKING:
    from claimreview.config import Settings

BASE_COLUMNS = ("id", "document", "uri", "claim", "speaker", "score", "consensus")
GROUP = ("label", "note", "sources", "at")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell as text, control characters made visible, bidi controls removed, formulas neutralised
    with a leading quote."""
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    if not text.isascii():
        text = without_bidi_controls(text)
    # A text that starts with the quote gets one more, so that import can always take the first off.
    if text.startswith(FORMULA_START) or text.startswith("'"):
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


class _Rows:
    """``row`` for every claim of a report, several times faster (tests/export compare the two).

    Values that repeat from row to row (documents, speakers, labels, notes) are made safe once; the
    empty column group of a reviewer without a verdict is one shared list.
    """

    def __init__(self, report: Report) -> None:
        self.reviewers = report.reviewers
        self.adjudication = bool(report.summary.adjudicated)
        self.documents = {d.id: [safe_cell(d.label), safe_cell(d.uri)] for d in report.documents}
        self.cells: dict[str, str] = {}

    def cell(self, value: str | None) -> str:
        """safe_cell of a value that repeats, remembered."""
        if value is None:
            return ""
        found = self.cells.get(value)
        if found is None:
            found = self.cells[value] = safe_cell(value)
        return found

    def group(self, event: EventRecord | None) -> list[str]:
        if event is None:
            return ["", "", "", ""]
        cell = self.cell
        sources = "" if event.sources_json == "[]" else safe_cell(sources_cell(event))
        return [cell(event.label), cell(event.note), sources, safe_cell(event.created_at)]

    def rows(self, claims: Sequence[ClaimRecord]) -> list[list[str]]:
        cell, group, documents, reviewers = self.cell, self.group, self.documents, self.reviewers
        empty = ["", "", "", ""]
        out = []
        for c in claims:
            cells = [safe_cell(c.id), *documents[c.document_id], safe_cell(c.text), cell(c.speaker)]
            cells += (safe_cell(f"{c.score:.4g}"), cell(c.consensus))
            verdicts = c.verdicts
            if verdicts:
                for name in reviewers:
                    cells += group(verdicts.get(name))
            else:
                cells += empty * len(reviewers)
            if self.adjudication:
                ruling = c.adjudication
                cells.append(cell(ruling.reviewer) if ruling else "")
                cells += group(ruling)
            out.append(cells)
        return out


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
    rows = _Rows(report)

    def render(chunk: Sequence[ClaimRecord], _offset: int) -> str:
        writer.writerows(rows.rows(chunk))
        return ""

    in_chunks(stream, report.claims, render, progress)
    return WriteResult(written=len(report.claims))
