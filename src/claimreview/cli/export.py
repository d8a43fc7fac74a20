"""`claimreview export`: a thin shell over ``write_export``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from claimreview.cli.plumbing import DbOption, command, opened, progress_bar, stderr
from claimreview.textsafe import one_line


def export(
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="md, html, csv, jsonl or claimreview (JSON-LD). Default: from the --out suffix, else md.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            help="File to write (replaced atomically). Default: standard output.",
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            metavar="STATUS",
            help="Only claims with this consensus: unreviewed, confirmed, denied, unverified, disputed.",
        ),
    ] = None,
    reviewer: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only claims this reviewer has a verdict on.")
    ] = None,
    document: Annotated[
        str | None,
        typer.Option(metavar="DOCUMENT", help="Only this document: id (or prefix) or exact uri."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export a review report (Markdown, HTML, CSV), a re-importable JSONL, or ClaimReview JSON-LD."""
    from claimreview.config import load_settings
    from claimreview.export import ExportFilters, check_format, format_for_path, write_export
    from claimreview.export.atomic import check_target

    fmt = check_format(format_) if format_ is not None else format_for_path(out)
    # Building the filters is where --status is checked (the same check the app and Python callers get).
    filters = ExportFilters(status=status, reviewer=reviewer, document=document)
    if out is not None:
        check_target(out)  # before opening the database: a typo in the path fails fast
    settings = load_settings()
    with opened(db, create=False) as store, progress_bar(f"exporting {fmt}") as bar:
        task = bar.add_task("export", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        summary = write_export(store, fmt, out, filters, settings, progress)
    for warning in summary.warnings:
        stderr.print(Text(f"claimreview: warning: {one_line(warning)}"), soft_wrap=True)
    if out is not None:
        what = f"{summary.written} claim(s)"
        if fmt == "jsonl":
            what += f", {summary.documents} document(s) and {summary.events} verdict event(s)"
        stderr.print(
            Text(f"wrote {what} to {one_line(str(out))} ({fmt}, {summary.seconds:.1f} s)"), soft_wrap=True
        )


def register(app: typer.Typer) -> None:
    command(app)(export)
