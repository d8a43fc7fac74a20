"""`claimreview serve` and `claimreview server ...` (accounts). FastAPI and uvicorn load only when run."""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

ServerDbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Server database: a SQLite path or URL, or postgresql+psycopg://user@host/db "
        "(default: $CLAIMREVIEW_SERVER_DB, then server.db in the user data dir).",
    ),
]

server_app = typer.Typer(
    name="server",
    help="Manage the sync server's reviewer accounts.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
stdout = Console(highlight=False, soft_wrap=False)
stderr = Console(stderr=True, highlight=False)


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


def serve(
    db: ServerDbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8765,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Run the sync server (API docs at /docs)."""
    import uvicorn

    from claimreview.server.app import ServerSettings, create_app

    url = _db_url(db)
    app = create_app(ServerSettings(db_url=url))
    stderr.print(Text(f"claimreview server on http://{host}:{port} (database {_redact(url)}; docs at /docs)"))
    uvicorn.run(app, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=5)


@server_app.command("add-reviewer")
def add_reviewer(
    name: Annotated[str, typer.Argument(help="Reviewer name; events are recorded under it.")],
    role: Annotated[
        str | None, typer.Option(help="reviewer, adjudicator or admin (default: reviewer, or unchanged)")
    ] = None,
    db: ServerDbOption = None,
) -> None:
    """Create a reviewer (or give an existing one a new token) and print the token once."""
    from claimreview.server import store

    engine = store.make_engine(_db_url(db))
    try:
        store.create_schema(engine)
        token = store.add_reviewer(engine, name, role)
    finally:
        engine.dispose()
    stderr.print(Text(f"token for '{name.strip()}' (shown once; only its hash is stored):"))
    stdout.print(Text(token))


@server_app.command("revoke")
def revoke(
    name: Annotated[str, typer.Argument(help="Reviewer whose tokens stop working now.")],
    db: ServerDbOption = None,
) -> None:
    """Revoke every token of a reviewer (their events stay)."""
    from claimreview.server import store

    engine = store.make_engine(_db_url(db))
    try:
        store.create_schema(engine)
        n = store.revoke(engine, name)
    finally:
        engine.dispose()
    stdout.print(Text(f"revoked {n} token(s) of '{name}'"))


@server_app.command("list-reviewers")
def list_reviewers(db: ServerDbOption = None) -> None:
    """Reviewers with their role and how many live tokens they have."""
    from claimreview.server import store

    engine = store.make_engine(_db_url(db))
    try:
        store.create_schema(engine)
        rows = store.list_reviewers(engine)
    finally:
        engine.dispose()
    table = Table()
    for column in ("name", "role", "live tokens", "since"):
        table.add_column(column)
    for name, role, live, since in rows:
        table.add_row(Text(name), role, str(live), since)
    stdout.print(table)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(server_app, name="server")
