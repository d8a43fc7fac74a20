"""`claimreview serve` and `claimreview server ...` (accounts). FastAPI and uvicorn load only when run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimreview.cli.plumbing import command, stderr, stdout
from claimreview.textsafe import one_line

if TYPE_CHECKING:
    from sqlalchemy import Engine

# Not the local --db: the server's database may be PostgreSQL, so it is a URL or a path.
ServerDbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="URL",
        help="Server database: a SQLite path or URL, or postgresql+psycopg://user@host/db "
        "(default: $CLAIMREVIEW_SERVER_DB, then server.db in the user data dir).",
    ),
]


def _db_url(db: str | None) -> str:
    from claimreview.server.store import normalize_db_url

    return normalize_db_url(db or os.environ.get("CLAIMREVIEW_SERVER_DB"))


def _redact(url: str) -> str:
    # Never print a password that came in the URL.
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}@{host}"
    return url


@contextmanager
def _accounts(db: str | None) -> Iterator[Engine]:
    """The server database with its schema in place, disposed of afterwards."""
    from claimreview.server import store

    engine = store.make_engine(_db_url(db))
    try:
        store.create_schema(engine)
        yield engine
    finally:
        engine.dispose()


def serve(
    db: ServerDbOption = None,
    host: Annotated[str, typer.Option(metavar="ADDRESS", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="TCP port.")] = 8765,
    log_level: Annotated[str, typer.Option(metavar="LEVEL", help="uvicorn log level.")] = "info",
    reviewers_publish: Annotated[
        bool,
        typer.Option(
            "--reviewers-publish/--no-reviewers-publish",
            help="Every account publishes the documents it syncs (default), or only admins do and the "
            "rest wait in the inbox (claimreview server inbox / accept).",
        ),
    ] = True,
    pool_size: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            min=1,
            max=500,
            help="Database connections this process may hold (PostgreSQL; default 5, or "
            "$CLAIMREVIEW_SERVER_POOL_SIZE). Keep processes x N under max_connections.",
        ),
    ] = None,
) -> None:
    """Run the sync server (API docs at /docs). Put it behind TLS (a reverse proxy) for a team."""
    from claimreview.server import serve as server
    from claimreview.server.db import DEFAULT_POOL_SIZE

    url = _db_url(db)
    pool = pool_size or _env_pool_size() or DEFAULT_POOL_SIZE
    # A database it cannot serve is one error line, with no "server on" before it.
    app = server.build(url, pool, reviewers_publish=reviewers_publish)
    documents = (
        "every account publishes documents" if reviewers_publish else "reviewers' documents go to the inbox"
    )
    stderr.print(
        Text(
            f"claimreview server on http://{host}:{port} "
            f"(database {_redact(url)}; {documents}; docs at /docs)"
        )
    )
    server.run(app, host=host, port=port, log_level=log_level)


def _env_pool_size() -> int | None:
    value = os.environ.get("CLAIMREVIEW_SERVER_POOL_SIZE")
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= 500:
        from claimreview.errors import ClaimreviewError

        raise ClaimreviewError(f"CLAIMREVIEW_SERVER_POOL_SIZE={value!r}: expected a number from 1 to 500")
    return int(value)


def new_epoch(db: ServerDbOption = None) -> None:
    """Start a new log epoch: run after restoring the database from a backup or failing over.

    Every client then re-sends the events the server lacks and pulls again from the start.
    """
    from claimreview.server.epoch import new_epoch as start_epoch

    with _accounts(db) as engine:
        epoch = start_epoch(engine)
    stdout.print(Text(f"new log epoch {epoch}: clients re-send what the server lacks on their next sync"))


def add_reviewer(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Reviewer name; events are recorded under it.")],
    role: Annotated[
        str | None,
        typer.Option(metavar="ROLE", help="reviewer, adjudicator or admin (default: reviewer, or unchanged)"),
    ] = None,
    db: ServerDbOption = None,
) -> None:
    """Create a reviewer (or give an existing one a new token) and print the token once."""
    from claimreview.server import store
    from claimreview.server.names import canonical_name

    with _accounts(db) as engine:
        token = store.add_reviewer(engine, name, role)
    stderr.print(Text(f"token for '{canonical_name(name)}' (shown once; only its hash is stored):"))
    stdout.print(Text(token))


def revoke(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Reviewer whose tokens stop working now.")],
    db: ServerDbOption = None,
) -> None:
    """Revoke every token of a reviewer (their events stay)."""
    from claimreview.server import store

    with _accounts(db) as engine:
        n = store.revoke(engine, name)
    stdout.print(Text(f"revoked {n} token(s) of '{name}'"))


def list_reviewers(db: ServerDbOption = None) -> None:
    """Reviewers with their role and how many live tokens they have."""
    from claimreview.server import store

    with _accounts(db) as engine:
        rows = store.list_reviewers(engine)
    table = Table()
    for column in ("name", "role", "live tokens", "since"):
        table.add_column(column)
    for name, role, live, since in rows:
        table.add_row(Text(name), role, str(live), since)
    stdout.print(table)


def inbox(
    everything: Annotated[bool, typer.Option("--all", help="Also accepted and rejected entries.")] = False,
    db: ServerDbOption = None,
) -> None:
    """Documents reviewers sent that wait for an admin (when the server runs --no-reviewers-publish)."""
    from claimreview.server import inbox as server_inbox

    with _accounts(db) as engine:
        entries = server_inbox.entries(engine, everything=everything)
    if not entries:
        stdout.print("the inbox is empty" if not everything else "nothing was ever sent to the inbox")
        return
    table = Table()
    for column in ("id", "document", "title", "claims", "sent by", "sent at", "status"):
        table.add_column(column)
    for e in entries:
        table.add_row(
            str(e.id),
            e.document_id,
            Text(one_line(e.title or e.uri)[:60]),
            str(e.claims),
            Text(one_line(e.submitted_by)),
            e.submitted_at[:16],
            e.status,
        )
    stdout.print(table)
    stdout.print(
        Text("publish one with: claimreview server accept ID (or reject it: claimreview server reject ID)")
    )


def accept(
    entry: Annotated[int, typer.Argument(metavar="ID", help="Inbox entry (claimreview server inbox).")],
    db: ServerDbOption = None,
) -> None:
    """Publish a document from the inbox; its sender's verdicts go through on their next sync."""
    from claimreview.server import inbox as server_inbox

    with _accounts(db) as engine:
        docs, claims = server_inbox.accept(engine, entry)
    stdout.print(
        Text(
            f"accepted inbox entry {entry}: published {docs} document(s) and {claims} claim(s); everyone "
            "receives them on their next sync"
        )
    )


def reject(
    entry: Annotated[int, typer.Argument(metavar="ID", help="Inbox entry (claimreview server inbox).")],
    db: ServerDbOption = None,
) -> None:
    """Refuse a document from the inbox (it stays with its sender only)."""
    from claimreview.server import inbox as server_inbox

    with _accounts(db) as engine:
        server_inbox.reject(engine, entry)
    stdout.print(Text(f"rejected inbox entry {entry}"))


def register(app: typer.Typer) -> None:
    command(app)(serve)
    accounts = typer.Typer(
        name="server",
        help="Manage the sync server's reviewer accounts and its inbox of documents.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    command(accounts, "add-reviewer")(add_reviewer)
    command(accounts, "revoke")(revoke)
    command(accounts, "list-reviewers")(list_reviewers)
    command(accounts, "inbox")(inbox)
    command(accounts, "accept")(accept)
    command(accounts, "reject")(reject)
    command(accounts, "new-epoch")(new_epoch)
    app.add_typer(accounts, name="server")
