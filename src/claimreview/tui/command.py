"""The `claimreview review` command. Textual is imported inside the command so the CLI starts fast."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimreview.config import load_settings
from claimreview.paths import default_db_path

if TYPE_CHECKING:
    from claimreview.config import Settings


def run_app(db: Path, reviewer: str | None = None, settings: Settings | None = None) -> None:
    """Open the review app on ``db`` until the user quits."""
    # Imported here: SQLAlchemy and Textual cost ~0.3 s that `claimreview --help` should not pay.
    from claimreview.store import Store
    from claimreview.tui.app import ClaimReviewApp

    settings = settings or load_settings()
    name = (reviewer or settings.reviewer_name()).strip() or settings.reviewer_name()
    with Store.open(db) as store:
        ClaimReviewApp(store, name, settings).run()


def register(app: typer.Typer) -> None:
    @app.command()
    def review(
        db: Annotated[
            Path | None,
            typer.Option(
                "--db", help="Local database file (default: $CLAIMREVIEW_DB, then the user data dir)."
            ),
        ] = None,
        reviewer: Annotated[
            str | None, typer.Option(help="Your name (default: configured, then login).")
        ] = None,
    ) -> None:
        """Review claims in the terminal app."""
        run_app(db if db is not None else default_db_path(), reviewer)
