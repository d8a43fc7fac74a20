"""`claimreview review`: the terminal app. Textual and SQLAlchemy load inside the command, not at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimreview.cli.plumbing import DbOption, command, db_path, missing_database
from claimreview.errors import DatabaseError

if TYPE_CHECKING:
    from claimreview.config import Settings


def run_app(db: Path, reviewer: str | None = None, settings: Settings | None = None) -> None:
    """Open the review app on ``db`` until the user quits."""
    # Imported here: Textual costs ~0.2 s that `claimreview --help` should not pay. The app loads the
    # settings and opens the store itself (pydantic-settings and SQLAlchemy, ~0.5 s) in a worker, after
    # its first frame; a bad setting is reported like a database that cannot be opened.
    from claimreview.tui.app import ClaimReviewApp

    app = ClaimReviewApp(Path(db), reviewer, settings)
    try:
        app.run()
    finally:
        app.close_store()
    if app.open_error is not None:
        raise app.open_error  # the CLI prints it: one line, exit 2


def review(
    db: DbOption = None,
    reviewer: Annotated[
        str | None, typer.Option(metavar="NAME", help="Your name (default: configured, then login).")
    ] = None,
    create: Annotated[
        bool, typer.Option("--create", help="Start a new, empty database if there is none at the path.")
    ] = False,
) -> None:
    """Review claims in the terminal app."""
    path = db_path(db)
    # A mistyped --db must not open an empty new database as if all the work were gone.
    if not create and not path.exists():
        raise DatabaseError(missing_database(path, given=db is not None) + "; --create starts an empty one")
    run_app(path, reviewer)


def register(app: typer.Typer) -> None:
    command(app)(review)
