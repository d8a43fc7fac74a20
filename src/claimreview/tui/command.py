"""The `claimreview review` command. Textual is imported inside the command so the CLI starts fast."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimreview.config import Settings, load_settings
from claimreview.paths import default_db_path


def run_app(db: Path, reviewer: str | None = None, settings: Settings | None = None) -> None:
    """Open the review app on ``db`` until the user quits."""
    # Imported here: Textual costs ~0.3 s that `claimreview --help` should not pay. The app opens the
    # store itself (SQLAlchemy, another ~0.3 s) in a worker, after its first frame.
    from claimreview.tui.app import ClaimReviewApp

    settings = settings or load_settings()
    name = (reviewer or settings.reviewer_name()).strip() or settings.reviewer_name()
    app = ClaimReviewApp(Path(db), name, settings)
    try:
        app.run()
    finally:
        app.close_store()
    if app.open_error is not None:
        raise app.open_error  # the CLI prints it: one line, exit 2


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
