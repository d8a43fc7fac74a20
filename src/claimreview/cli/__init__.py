"""The `claimreview` command line: the typer app and ``main``, its entry point.

Each command group lives in its own module (claims, review, export, sync, server) and registers itself
here; what they share (the --db option, opening the store, consoles, progress bars, errors, the help
layout) is in ``plumbing``. Command modules import ``plumbing``, never this package.
"""

from __future__ import annotations

import sqlite3
import sys
from typing import Annotated

import typer

from claimreview.cli import (
    claims,
    corrections,
    documents,
    export,
    factchecks,
    publish,
    review,
    server,
    sync,
    team,
    verdicts,
)
from claimreview.cli.plumbing import report_error
from claimreview.errors import ClaimreviewError

app = typer.Typer(
    name="claimreview",
    help="Review check-worthy claims extracted from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        from claimreview import __version__

        sys.stdout.write(f"claimreview {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Review check-worthy claims extracted from news articles."""


claims.register(app)
server.register(app)
sync.register(app)
review.register(app)
export.register(app)
publish.register(app)
factchecks.register(app)
team.register(app)
documents.register(app)
corrections.register(app)
verdicts.register(app)


def _is_database_error(err: Exception) -> bool:
    if isinstance(err, sqlite3.DatabaseError):
        return True
    # Only a command that imported SQLAlchemy can raise its errors.
    sa_exc = sys.modules.get("sqlalchemy.exc")
    return sa_exc is not None and isinstance(err, sa_exc.DatabaseError)


def main() -> None:
    try:
        app()
    except ClaimreviewError as err:
        report_error(str(err))
        sys.exit(err.exit_code)
    except Exception as err:
        if not _is_database_error(err):
            raise
        message = str(getattr(err, "orig", err))
        report_error(f"database: {message}")
        sys.exit(2)
    except KeyboardInterrupt:
        sys.stderr.write("claimreview: interrupted\n")
        sys.exit(130)
