"""Review reports: Markdown, HTML, CSV, JSONL (re-importable) and schema.org ClaimReview JSON-LD.

This package builds the report (``build_report``) and writes it in a format (``write_report``). The one
entry point that does the whole export (filters, atomic file or stdout, the summary) for every format is
``claimreview.publish.export.write_export``: the ClaimReview format needs the editorial log and the
organisation's settings, which live in the publish layer above this one. It is pure (no UI) and reports
progress through a callback, so the command line and a Textual worker can both run it::

    summary = write_export(store, "html", Path("report.html"), ExportFilters(status="disputed"))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from claimreview.errors import InputError
from claimreview.export.report import ExportFilters, ProgressCallback, Report, build_report
from claimreview.export.writing import WriteResult

if TYPE_CHECKING:
    from claimreview.config import Settings

__all__ = [
    "FORMATS",
    "ExportFilters",
    "ExportSummary",
    "ProgressCallback",
    "build_report",
    "format_for_path",
    "write_report",
]

FORMATS: dict[str, str] = {
    "md": "Markdown report",
    "html": "HTML report (one self-contained file)",
    "csv": "CSV, one row per claim, columns per reviewer",
    "jsonl": "JSON Lines with full history, re-importable with `claimreview import`",
    "claimreview": "schema.org ClaimReview JSON-LD of the published reviews",
}
# The ClaimReview format needs the editorial log and the organisation's settings, which live above this
# package: claimreview.publish.export supplies the writer to write_report.
_NO_CLAIMREVIEW = (
    "ClaimReview is written from the editorial log: call claimreview.publish.export.write_export"
)
ClaimReviewWriter = Callable[[Report, TextIO, "Settings", ProgressCallback | None], WriteResult]
SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "claimreview",
    ".jsonld": "claimreview",
}


@dataclass(slots=True)
class ExportSummary:
    format: str
    path: Path | None  # None: written to a stream (stdout)
    claims: int  # claims selected by the filters
    written: int  # claims written (ClaimReview leaves out unreviewed and disputed ones)
    documents: int
    events: int
    seconds: float
    empty: bool
    left_out: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # one line each, for stderr or a notification


def check_format(fmt: str) -> str:
    value = fmt.strip().lower()
    if value not in FORMATS:
        raise InputError(f"unknown export format '{fmt}'; use one of: {', '.join(FORMATS)}")
    return value


def format_of_suffix(path: Path) -> str | None:
    """The format a file name's suffix names, or None (no suffix, or one no format writes)."""
    return SUFFIXES.get(path.suffix.lower())


def format_for_path(path: Path | None, default: str = "md") -> str:
    """The format a file name asks for (report.html -> html, reviews.json -> claimreview); ``default``
    without a file. A suffix no format has (.pdf, .xlsx) is an error, never Markdown under that name."""
    if path is None:
        return default
    fmt = format_of_suffix(path)
    if fmt is None:
        known = ", ".join(SUFFIXES)
        shown = path.suffix or "no suffix"
        raise InputError(
            f"cannot tell the format from {shown}; use one of {known} or pass --format", path=path
        )
    return fmt


def write_report(
    report: Report,
    fmt: str,
    stream: TextIO,
    settings: Settings,
    progress: ProgressCallback | None = None,
    *,
    to_file: bool = True,
    claimreview: ClaimReviewWriter | None = None,
) -> WriteResult:
    """Write an already built report to a text stream (opened with ``newline=""``)."""
    fmt = check_format(fmt)
    if fmt == "md":
        from claimreview.export.markdown import write_markdown

        return write_markdown(report, stream, settings, progress)
    if fmt == "html":
        from claimreview.export.html import write_html

        return write_html(report, stream, settings, progress)
    if fmt == "csv":
        from claimreview.export.csv_writer import write_csv

        # The byte order mark tells spreadsheets the file is UTF-8; a pipe is better off without it.
        return write_csv(report, stream, settings, progress, bom=to_file)
    if fmt == "jsonl":
        from claimreview.export.jsonl import write_jsonl

        return write_jsonl(report, stream, settings, progress)
    if claimreview is None:
        raise InputError(_NO_CLAIMREVIEW)
    return claimreview(report, stream, settings, progress)
