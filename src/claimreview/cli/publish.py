"""`claimreview approve`, `publish` and `site`: the editorial gate and the static site of what passed it.

Approving and publishing are events of kind ``editorial`` in the claim's log (synced like verdicts; a
later `cleared` by the same editor withdraws them). Locally anyone may record them; the server accepts
them only from editors, adjudicators and admins, and sync says so for the rest.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.text import Text

from claimreview.cli.plumbing import DbOption, command, opened, stderr, stdout
from claimreview.errors import InputError
from claimreview.textsafe import one_line

if TYPE_CHECKING:
    from claimreview.publish.rating import RatingScale
    from claimreview.store import Store

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


def _resolve(store: Store, ids: list[str]) -> list[str]:
    """Every id resolved before anything is recorded: a typo in the third id records nothing."""
    from claimreview import editorial

    resolved = list(dict.fromkeys(store.resolve_claim_id(i) for i in ids))
    for full in resolved:
        claim = store.get_claim(full)
        assert claim is not None
        why = editorial.editable(claim.consensus)
        if why is not None:
            raise InputError(f"claim {full} cannot be approved or published: {why}")
    return resolved


def approve(ids: IdsArgument, reviewer: ReviewerOption = None, db: DbOption = None) -> None:
    """Approve reviews for publication (draft -> approved)."""
    from claimreview import consensus as rules

    settings, _ = _settings()
    name = reviewer or settings.reviewer_name()
    with opened(db, create=False) as store:
        for full in _resolve(store, ids):
            appended = store.record_event(full, name, rules.APPROVED, kind=rules.EDITORIAL)
            stdout.print(Text(f"{one_line(name)}: approved {full} (event {appended.event.id})"))


def _choose_rating(scale: RatingScale, rating: str | None, consensus: str, claim_id: str) -> str:
    if rating is not None:
        return scale.find(rating).key
    found = scale.for_verdict(consensus)
    if found is None:
        known = ", ".join(r.key for r in scale.ratings)
        raise InputError(
            f"claim {claim_id} is {consensus} and the rating scale maps no rating to that; "
            f"pass --rating (one of: {known})",
            field="rating",
        )
    return found.key


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
    from claimreview import consensus as rules
    from claimreview import editorial
    from claimreview.publish.claimreview import LANGUAGE, SUMMARY_LIMIT, line
    from claimreview.publish.rating import parse_rating_scale
    from claimreview.store.editorial import editorial_states

    settings, path = _settings()
    scale = parse_rating_scale(settings.rating_scale, path=path)
    if len(line(summary)) > SUMMARY_LIMIT:
        raise InputError(f"is {len(line(summary))} characters; keep it to {SUMMARY_LIMIT}", field="--summary")
    if not LANGUAGE.fullmatch(language):
        raise InputError(
            f"'{one_line(language)}' is not a language tag such as en or pt-BR", field="--language"
        )
    if rating is not None:
        scale.find(rating)  # an unknown rating fails before any claim is looked at
    name = reviewer or settings.reviewer_name()
    with opened(db, create=False) as store:
        resolved = _resolve(store, ids)
        states = editorial_states(store, resolved)
        payloads = {}
        for full in resolved:
            if states[full].state == editorial.DRAFT:
                raise InputError(f"claim {full} is not approved; run `claimreview approve {full[:12]}` first")
            claim = store.get_claim(full)
            assert claim is not None
            payloads[full] = {
                "rating": _choose_rating(scale, rating, claim.consensus, full),
                "summary": summary,
                "explanation": explanation,
                "language": language,
            }
        for full in resolved:
            appended = store.record_event(
                full, name, rules.PUBLISHED, kind=rules.EDITORIAL, payload=payloads[full]
            )
            label = scale.find(payloads[full]["rating"]).label
            stdout.print(Text(f"{one_line(name)}: published {full} as {label} (event {appended.event.id})"))


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
    result = write_site(found.reviews, out, publishing, day, prune=prune)
    for warning in result.warnings:
        stderr.print(Text(f"claimreview: warning: {one_line(warning)}"), soft_wrap=True)
    stderr.print(Text(f"{result.summary()} in {one_line(str(out))}"), soft_wrap=True)


def register(app: typer.Typer) -> None:
    command(app)(approve)
    command(app)(publish)
    command(app)(site)
