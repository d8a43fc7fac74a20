"""What `/health` checks, and one-line causes for the database failures that become 503s."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from claimreview.server import epoch
from claimreview.server.db import SchemaInfo, get_meta


def describe(exc: BaseException) -> str:
    """The cause of a database failure in one line, without the SQL or a traceback."""
    if isinstance(exc, PoolTimeoutError):
        return (
            "database busy: every pooled connection of this server process is in use "
            "(raise --pool-size if PostgreSQL's max_connections allows); retry shortly"
        )
    orig = getattr(exc, "orig", None) or exc
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    text = first[:300]
    lowered = text.lower()
    if "connection" in lowered or "connect" in lowered:
        return f"database unreachable: {text}"
    if isinstance(exc, ProgrammingError) or "no such table" in lowered or "does not exist" in lowered:
        return f"database is not a claimreview server database any more (dropped or replaced?): {text}"
    if isinstance(exc, OperationalError) and ("locked" in lowered or "busy" in lowered):
        return f"database busy: {text}; retry shortly"
    return f"database unreachable: {text}"


def check(engine: Engine, schema: SchemaInfo) -> epoch.LogState | str:
    """The log's state, or why this server cannot serve: a cause for a 503."""
    try:
        with engine.connect() as conn:
            server_id = get_meta(conn, "server_id")
            version = get_meta(conn, "schema_version")
            state = epoch.state(conn)
    except SQLAlchemyError as exc:
        return describe(exc)
    if server_id != schema.server_id or version != str(schema.version):
        return (
            "database is not the claimreview server database this process started with "
            f"(server_id {server_id!r}, schema {version!r}); restart the server to check it"
        )
    return state
