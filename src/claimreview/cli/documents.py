"""`claimreview documents ...`: removing a document (for instance one the team server refuses)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from claimreview.cli.plumbing import DbOption, command, opened, stdout


def remove(
    document_id: Annotated[
        str, typer.Argument(metavar="ID", help="Document id (as sync or claims show it).")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Also remove verdicts recorded on its claims (here only).")
    ] = False,
    db: DbOption = None,
) -> None:
    """Remove a document and its claims from this database (refused if anyone judged them, unless forced)."""
    from claimreview.store.removal import remove_document

    with opened(db) as store:
        removed = remove_document(store, document_id.strip(), force=force)
    stdout.print(
        Text(
            f"removed document {removed.uri} ({document_id.strip()}) with {removed.claims} claim(s)"
            + (f" and {removed.events} verdict event(s)" if removed.events else "")
        )
    )


def register(app: typer.Typer) -> None:
    documents = typer.Typer(
        name="documents", help="Manage documents in the local database.", no_args_is_help=True,
        rich_markup_mode=None,
    )  # fmt: skip
    command(documents, "remove")(remove)
    app.add_typer(documents, name="documents")
