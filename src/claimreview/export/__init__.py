"""Review reports: Markdown, HTML, CSV, JSONL (re-importable) and schema.org ClaimReview JSON-LD.

``write_export`` is the one entry point; it is pure (no UI) and reports progress through a callback,
so the command line and a Textual worker can both run it::

    summary = write_export(store, "html", Path("report.html"), ExportFilters(status="disputed"))
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from claimreview.errors import InputError
from claimreview.export.atomic import atomic_text_file, check_target
from claimreview.export.report import ExportFilters, ProgressCallback, Report, build_report, paused_gc
from claimreview.export.writing import WriteResult

if TYPE_CHECKING:
    from claimreview.config import Settings
    from claimreview.store import Store  # SQLAlchemy: not needed to register the export command

__all__ = [
    "FORMATS",
    "ExportFilters",
    "ExportSummary",
    "ProgressCallback",
    "build_report",
    "format_for_path",
    "write_export",
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
# package: claimreview.publish.export supplies the writer (and a write_export that passes it).
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


@contextmanager
def _stdout_stream() -> Iterator[TextIO]:
    """UTF-8 on stdout whatever the locale says, newlines untranslated."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # an in-memory stdout (some test runners)
        yield sys.stdout
        return
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=False)
    try:
        yield wrapper
    finally:
        wrapper.flush()
        wrapper.detach()  # leave sys.stdout's buffer open


def write_export(
    store: Store,
    fmt: str,
    out_path: Path | None,
    filters: ExportFilters | None = None,
    settings: Settings | None = None,
    progress: ProgressCallback | None = None,
    *,
    stream: TextIO | None = None,
    claimreview: ClaimReviewWriter | None = None,
) -> ExportSummary:
    """Export the claims ``filters`` select, in format ``fmt``, to ``out_path`` (atomically).

    With ``out_path`` None the export goes to ``stream`` (default: stdout). Bad arguments raise
    InputError before anything is read or written; if writing fails (or ``progress`` raises, e.g.
    to cancel) the target is left as it was and no temporary file remains.
    """
    started = time.perf_counter()
    fmt = check_format(fmt)
    filters = filters or ExportFilters()
    if settings is None:
        from claimreview.config import Settings

        settings = Settings()
    if out_path is not None:
        out_path = check_target(Path(out_path))
    with paused_gc():  # see paused_gc: the report and its writing allocate millions of objects
        return _export(store, fmt, out_path, filters, settings, progress, stream, started, claimreview)


def _export(
    store: Store,
    fmt: str,
    out_path: Path | None,
    filters: ExportFilters,
    settings: Settings,
    progress: ProgressCallback | None,
    stream: TextIO | None,
    started: float,
    claimreview: ClaimReviewWriter | None,
) -> ExportSummary:
    if fmt == "claimreview" and claimreview is None:
        raise InputError(_NO_CLAIMREVIEW)  # before reading anything
    report = build_report(store, filters)
    if out_path is not None:
        with atomic_text_file(out_path) as out:
            result = write_report(report, fmt, out, settings, progress, to_file=True, claimreview=claimreview)
    elif stream is not None:
        result = write_report(report, fmt, stream, settings, progress, to_file=False, claimreview=claimreview)
    else:
        with _stdout_stream() as out:
            result = write_report(
                report, fmt, out, settings, progress, to_file=False, claimreview=claimreview
            )
    warnings = list(result.warnings)
    if report.empty:
        warnings.insert(0, report.empty_message())
    return ExportSummary(
        format=fmt,
        path=out_path,
        claims=len(report.claims),
        written=result.written,
        documents=len(report.documents),
        events=report.event_count,
        seconds=time.perf_counter() - started,
        empty=report.empty,
        left_out=result.left_out,
        warnings=warnings,
    )
