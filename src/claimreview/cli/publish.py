"""`claimreview approve`, `publish`, `withdraw` and `site`: the editorial gate and the static site of what
passed it.

Approving, publishing and withdrawing are events of kind ``editorial`` in the claim's log (synced like
verdicts; see editorial.py for which decisions stand). Locally anyone may record them; the server accepts
them only from editors, adjudicators and admins, and sync says so for the rest.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from claimreview.cli.plumbing import DbOption, command, opened, stderr, stdout
from claimreview.errors import InputError
from claimreview.textsafe import one_line

ReviewerOption = Annotated[
    str | None, typer.Option(metavar="NAME", help="Your name (default: configured, then login).")
]
IdsArgument = Annotated[
    list[str], typer.Argument(metavar="ID", help="Claim ids, or prefixes naming one claim.")
]


def _settings() -> tuple[Any, Path]:
    from claimreview.config import load_settings
    from claimreview.paths import config_file

    return load_settings(), config_file()


def _decide(ids: list[str], reviewer: str | None, db: Path | None, action: str, done_verb: str) -> None:
    """Record one editorial decision (``editing.approve`` or ``editing.withdraw``) on each claim."""
    from claimreview.publish import editing

    settings, _ = _settings()
    name = reviewer or settings.reviewer_name()
    decide = editing.approve if action == "approve" else editing.withdraw
    with opened(db, create=False) as store:
        for done in decide(store, ids, name):
            stdout.print(Text(f"{one_line(name)}: {done_verb} {done.claim_id} (event {done.event_id})"))


def approve(ids: IdsArgument, reviewer: ReviewerOption = None, db: DbOption = None) -> None:
    """Approve reviews for publication (draft -> approved)."""
    _decide(ids, reviewer, db, "approve", "approved")


def publish(
    ids: IdsArgument,
    reviewer: ReviewerOption = None,
    rating: Annotated[
        str | None,
        typer.Option(
            metavar="ID", help="A rating id of the rating scale (default: the one mapped to the verdict)."
        ),
    ] = None,
    summary: Annotated[
        str, typer.Option(metavar="TEXT", help="What the claim says, in at most 75 characters.")
    ] = "",
    explanation: Annotated[str, typer.Option(metavar="TEXT", help="Why the claim got its rating.")] = "",
    language: Annotated[str, typer.Option(metavar="TAG", help="Language of summary and explanation.")] = "en",
    db: DbOption = None,
) -> None:
    """Publish approved reviews (approved -> published); publishing again records a correction."""
    from claimreview.publish import editing
    from claimreview.publish.rating import parse_rating_scale

    settings, path = _settings()
    scale = parse_rating_scale(settings.rating_scale, path=path)
    # Checked before the database is opened: a typo in the summary costs nothing.
    editing.check_summary(summary, field="--summary")
    editing.check_language(language, field="--language")
    if rating is not None:
        scale.find(rating)
    name = reviewer or settings.reviewer_name()
    with opened(db, create=False) as store:
        recorded = editing.publish(
            store,
            ids,
            name,
            scale,
            rating=rating,
            summary=summary,
            explanation=explanation,
            language=language,
            summary_field="--summary",
            language_field="--language",
        )
    for done in recorded:
        rated = f"published {done.claim_id} as {done.rating_label}"
        stdout.print(Text(f"{one_line(name)}: {rated} (event {done.event_id})"))


def site(
    out: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="Folder to write the site into.")],
    since: Annotated[
        str | None, typer.Option(metavar="DATE", help="Only reviews first published on or after YYYY-MM-DD.")
    ] = None,
    prune: Annotated[
        bool, typer.Option("--prune", help="Delete review pages of reviews no longer published.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Write the static site of published reviews: pages with ClaimReview, an index, DataFeed and Atom."""
    from claimreview.publish.reviews import published_reviews
    from claimreview.publish.settings import from_settings
    from claimreview.publish.site import write_site
    from claimreview.store.editorial import published_claims

    day = None
    if since is not None:
        try:
            day = date.fromisoformat(since.strip())
        except ValueError:
            raise InputError(f"'{one_line(since)}' is not a date (YYYY-MM-DD)", field="--since") from None
    settings, path = _settings()
    publishing = from_settings(settings, path=path)
    with opened(db, create=False) as store:
        found = published_reviews(published_claims(store), publishing.rating_scale)
    for problem in found.problems:
        stderr.print(Text(f"claimreview: warning: left out: {one_line(problem)}"), soft_wrap=True)
    for warning in (found.withheld_warning(), found.changed_warning()):
        if warning is not None:
            stderr.print(Text(f"claimreview: warning: {one_line(warning)}"), soft_wrap=True)
    result = write_site(found.reviews, out, publishing, day, prune=prune)
    for warning in result.warnings:
        stderr.print(Text(f"claimreview: warning: {one_line(warning)}"), soft_wrap=True)
    stderr.print(Text(f"{result.summary()} in {one_line(str(out))}"), soft_wrap=True)


def withdraw(ids: IdsArgument, reviewer: ReviewerOption = None, db: DbOption = None) -> None:
    """Take approved or published reviews down (back to draft); `site --prune` then removes their pages."""
    _decide(ids, reviewer, db, "withdraw", "withdrew")


def register(app: typer.Typer) -> None:
    command(app)(approve)
    command(app)(publish)
    command(app)(withdraw)
    command(app)(site)
