"""`verdict` and `stats`: recording verdicts from scripts, and counting them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimreview import consensus as rules
from claimreview.cli.plumbing import DbOption, command, opened, stdout
from claimreview.errors import InputError
from claimreview.textsafe import one_line

if TYPE_CHECKING:
    from claimreview.models import Source


def _label(value: str) -> str:
    # People type labels: any case, and "clear" for "cleared". Import files are held to the exact values.
    label = value.strip().lower()
    return rules.parse_label(rules.CLEARED if label == "clear" else label)


def verdict(
    claim_id: Annotated[str, typer.Argument(metavar="CLAIM", help="Claim id, or a prefix naming one claim.")],
    label: Annotated[
        str,
        typer.Argument(
            metavar="LABEL",
            callback=_label,
            help="confirmed, denied, unverified, not_checkworthy (triage) or cleared",
        ),
    ],
    reviewer: Annotated[
        str | None, typer.Option(metavar="NAME", help="Your name (default: configured, then login).")
    ] = None,
    note: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Why (replaces your note; default: keep it).")
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source", metavar="URL", help="Evidence URL (repeatable; replaces your sources; default: keep)."
        ),
    ] = None,
    source_title: Annotated[
        list[str] | None,
        typer.Option("--source-title", metavar="TITLE", help="Title of the matching --source."),
    ] = None,
    source_quote: Annotated[
        list[str] | None,
        typer.Option("--source-quote", metavar="QUOTE", help="Quote from the matching --source."),
    ] = None,
    clear_note: Annotated[bool, typer.Option("--clear-note", help="Drop your note.")] = False,
    clear_sources: Annotated[bool, typer.Option("--clear-sources", help="Drop your sources.")] = False,
    db: DbOption = None,
) -> None:
    """Record a verdict on a claim (the same event log the review app writes).

    Like the app, a new verdict keeps the note and sources you gave with your previous one unless
    --note/--source replace them or --clear-note/--clear-sources drop them. `cleared` withdraws the
    verdict but keeps your research (note and sources; `cleared --note ...` records research with no
    verdict); clearing again drops the research too.
    """
    from claimreview.config import load_settings
    from claimreview.evidence import make_source
    from claimreview.undo import VerdictState

    urls = source or []
    titles = source_title or []
    quotes = source_quote or []
    if len(titles) > len(urls) or len(quotes) > len(urls):
        raise InputError("each --source-title/--source-quote needs a --source URL before it")
    if clear_note and note is not None:
        raise InputError("give --note or --clear-note, not both")
    if clear_sources and urls:
        raise InputError("give --source or --clear-sources, not both")
    sources: list[Source] = [
        make_source(url, titles[i] if i < len(titles) else "", quotes[i] if i < len(quotes) else "")
        for i, url in enumerate(urls)
    ]
    name = reviewer or load_settings().reviewer_name()
    with opened(db, create=False) as store:
        full_id = store.resolve_claim_id(claim_id)
        before = VerdictState.of(store.latest_event(full_id, name.strip()))
        after = before.after_verdict(
            label,
            note="" if clear_note else note,
            sources=() if clear_sources else (sources or None),
        )
        appended = store.record_event(full_id, name, after.label, note=after.note, sources=after.sources)
    kept = [
        what
        for what, was_kept in (
            ("note", note is None and not clear_note and bool(after.note)),
            ("sources", not urls and not clear_sources and bool(after.sources)),
        )
        if was_kept
    ]
    stdout.print(
        Text(
            f"{name}: {label} on {full_id} (event {appended.event.id}); consensus is now {appended.consensus}"
            + (f"; kept your {' and '.join(kept)}" if kept else "")
        )
    )


def stats(
    db: DbOption = None,
    reviewer: Annotated[
        str | None, typer.Option(metavar="NAME", help="Whose work to show (default: configured, then login).")
    ] = None,
    team_view: Annotated[
        bool, typer.Option("--team", help="Assigned, done, left and pace for every reviewer.")
    ] = False,
) -> None:
    """Counts by consensus, by document and by reviewer; your assigned work and pace (--team: everyone's)."""
    from claimreview.cli.team import figures_table
    from claimreview.config import load_settings
    from claimreview.store.editorial import editorial_counts

    with opened(db, create=False) as store:
        if team_view:
            stdout.print(figures_table(store, None))
            return
        s = store.stats()
        edited = editorial_counts(store)
        mine = figures_table(store, reviewer or load_settings().reviewer_name())
    stdout.print(Text(f"{s.total} claim(s)"))
    by_status = Table(title="by consensus")
    by_status.add_column("consensus")
    by_status.add_column("claims", justify="right")
    for value in rules.CONSENSUS_VALUES:
        by_status.add_row(value, str(s.by_consensus.get(value, 0)))
    stdout.print(by_status)
    by_doc = Table(title="by document")
    for name in ("document", "title", "claims", "reviewed"):
        by_doc.add_column(name, justify="right" if name in ("claims", "reviewed") else "left")
    for doc_id, title, n, reviewed in s.by_document:
        by_doc.add_row(Text(doc_id[:10]), Text(one_line(title)), str(n), str(reviewed))
    stdout.print(by_doc)
    by_rev = Table(title="by reviewer (current verdicts)")
    by_rev.add_column("reviewer")
    by_rev.add_column("claims", justify="right")
    for who, n in sorted(s.by_reviewer.items()):
        by_rev.add_row(Text(one_line(who)), str(n))
    if not s.by_reviewer:
        by_rev.add_row("(no verdicts yet)", "")
    stdout.print(by_rev)
    editorial = Table(title="editorial")
    editorial.add_column("reviews")
    editorial.add_column("claims", justify="right")
    editorial.add_row("approved, not published", str(edited.approved))
    editorial.add_row("published", str(edited.published))
    editorial.add_row("published, consensus changed since (publish again)", str(edited.published_changed))
    stdout.print(editorial)
    stdout.print(mine)


def register(app: typer.Typer) -> None:
    command(app)(verdict)
    command(app)(stats)
