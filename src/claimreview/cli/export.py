"""`claimreview export`: a thin shell over ``write_export``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from claimreview.cli.plumbing import DbOption, command, opened, progress_bar, stderr
from claimreview.errors import InputError
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
        list[str] | None,
        typer.Option(
            metavar="STATUS",
            help="Only claims with this consensus (repeatable, or comma-separated): unreviewed, confirmed, "
            "denied, unverified, not_checkworthy, disputed.",
        ),
    ] = None,
    reviewer: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only claims this reviewer has a verdict on.")
    ] = None,
    document: Annotated[
        str | None,
        typer.Option(metavar="DOCUMENT", help="Only this document: id (or prefix) or exact uri."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Only claims with an event on or after YYYY-MM-DD (UTC)."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Only claims with an event on or before YYYY-MM-DD (UTC)."),
    ] = None,
    published: Annotated[
        bool | None,
        typer.Option(
            "--published/--unpublished",
            help="Only claims whose review is published now, or only the others. Default: both.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export a review report (Markdown, HTML, CSV), a re-importable JSONL, or ClaimReview JSON-LD."""
    from claimreview.config import load_settings
    from claimreview.export import ExportFilters, check_format, format_for_path
    from claimreview.export.atomic import check_target
    from claimreview.paths import config_file
    from claimreview.publish.export import write_export

    if out is not None:
        check_target(out)  # before opening the database: a typo in the path fails fast
    fmt = check_format(format_) if format_ is not None else format_for_path(out)
    statuses = tuple(part.strip() for value in status or () for part in value.split(",") if part.strip())
    # Building the filters is where --status is checked (the same check the app and Python callers get).
    filters = ExportFilters(
        status=statuses or None,
        reviewer=reviewer,
        document=document,
        since=_day(since, "--since"),
        until=_day(until, "--until"),
        published=published,
    )
    settings = load_settings()
    with opened(db, create=False) as store, progress_bar(f"exporting {fmt}") as bar:
        task = bar.add_task("export", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        summary = write_export(store, fmt, out, filters, settings, progress, config_path=config_file())
    for warning in summary.warnings:
        stderr.print(Text(f"claimreview: warning: {one_line(warning)}"), soft_wrap=True)
    if out is not None:
        what = f"{summary.written} claim(s)"
        if fmt == "jsonl":
            what += f", {summary.documents} document(s) and {summary.events} verdict event(s)"
        stderr.print(
            Text(f"wrote {what} to {one_line(str(out))} ({fmt}, {summary.seconds:.1f} s)"), soft_wrap=True
        )


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"'{one_line(value)}' is not a date (YYYY-MM-DD)", field=option) from None


def register(app: typer.Typer) -> None:
    command(app)(export)
