"""`claimreview sync`: push the outbox, pull what others did, print what moved."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import TaskID
from rich.text import Text

from claimreview.cli.factchecks import refresh_after_change
from claimreview.cli.plumbing import DbOption, command, opened, progress_bar, stdout
from claimreview.errors import ClaimreviewError
from claimreview.textsafe import one_line

PHASE_NAMES = {
    "publish": "publishing documents",
    "push": "sending verdicts",
    "documents": "receiving documents",
    "claims": "receiving claims",
    "events": "receiving verdicts",
    "publish-factchecks": "publishing fact-checks",
    "factchecks": "receiving fact-checks",
}


def sync(
    server: Annotated[
        str | None,
        typer.Option(
            metavar="URL", help="Server URL (remembered; default: $CLAIMREVIEW_SERVER, then saved)."
        ),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(
            metavar="TOKEN", help="Access token (remembered, user-only file; or $CLAIMREVIEW_TOKEN)."
        ),
    ] = None,
    db: DbOption = None,
    batch_size: Annotated[
        int, typer.Option(metavar="N", help="Events per push request.", min=1, max=1000, hidden=True)
    ] = 500,
    timeout: Annotated[
        float, typer.Option(metavar="SECONDS", help="Seconds to wait for each request.", min=0.1)
    ] = 30.0,
) -> None:
    """Send your verdicts to the shared server and receive everyone else's."""
    from claimreview.config import load_settings, save_settings
    from claimreview.sync import credentials
    from claimreview.sync.client import AuthError, ForbiddenError, IncompatibleServer, SyncClient
    from claimreview.sync.run import run_sync

    creds = credentials.resolve(server, token)
    local_name = load_settings().reviewer_name()
    with (
        opened(db) as store,
        SyncClient(creds.server, creds.token, timeout=timeout) as client,
        progress_bar(eta=False) as bar,
    ):
        tasks: dict[str, TaskID] = {}

        def progress(phase: str, done: int, total: int | None) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(PHASE_NAMES.get(phase, phase), total=total)
            bar.update(tasks[phase], completed=done, total=total)

        try:
            report = run_sync(
                store, client, progress=progress, batch_size=batch_size, local_name=local_name
            )
        except (AuthError, ForbiddenError, IncompatibleServer):
            raise
        except ClaimreviewError:
            # The server knew us; keep the settings so that the retry is just `claimreview sync`.
            credentials.remember(creds)
            raise
    credentials.remember(creds)
    if report.renamed_from:
        # From now on this machine records verdicts under the account's name.
        save_settings({"reviewer": report.reviewer})
    stdout.print(Text(one_line(f"{report.reviewer}@{report.server}: {report.summary()}")))
    with opened(db) as store:  # pulled claims and fact-checks: bring the stored matches up to date
        refresh_after_change(store)


def register(app: typer.Typer) -> None:
    command(app)(sync)
