"""The server's database: tables, engine, write locks and the schema (created, upgraded or refused).

Tables live in their own SQLModel registry (``ServerModel.metadata``) so they never meet the local
store's tables in ``SQLModel.metadata``. No FastAPI here or in the other server store modules
(``accounts``, ``events``, ``documents``): the CLI's account commands use them too.

Ordering guarantee for pulls. Every stored event gets a ``seq`` from an identity column, and pulls
return ``seq > cursor``. That is only safe if a row with a smaller seq can never become visible after a
row with a larger one, otherwise a client whose cursor has moved past it would miss it forever. So
writers serialise on a lock taken *before* they draw seq values: ``BEGIN IMMEDIATE`` on SQLite, a
transaction-scoped advisory lock on PostgreSQL (which also holds across several server processes).
Readers never wait for it.

Schema versions. ``server_meta`` records the ``schema_version`` the tables have, a random
``server_id`` drawn when the database was created (clients use it to notice that they now talk to a
different server) and a random ``log_epoch``, drawn again whenever the log may have lost acknowledged
entries (see ``server.epoch``). ``create_schema`` runs on every start, under a lock, and either
creates a fresh database, upgrades an older one step by step (``_UPGRADES``), or refuses one it does
not understand.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter
from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Connection,
    Engine,
    Identity,
    Integer,
    String,
    Table,
    UniqueConstraint,
    event,
    func,
    inspect,
)
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel, create_engine

from claimreview.errors import ClaimreviewError
from claimreview.models import ClaimBase, DocumentBase, FactCheckBase
from claimreview.paths import data_dir
from claimreview.sqlite_wal import switch_to_wal

# Arbitrary constants naming the two PostgreSQL advisory locks (event log, catalog) and schema setup.
EVENT_LOCK = 0x636C_7265_7601
CATALOG_LOCK = 0x636C_7265_7602
_SCHEMA_LOCK = 0x636C_7265_7603
SQLITE_BUSY_MS = 30_000
POOL_TIMEOUT = 30


class ServerModel(SQLModel, registry=registry()):
    """Base of the server tables: a metadata of their own."""


_SEQ_TYPE = BigInteger().with_variant(Integer, "sqlite")  # INTEGER PRIMARY KEY is SQLite's rowid


class ServerMeta(ServerModel, table=True):
    """Facts about the database itself: ``schema_version`` and ``server_id``."""

    __tablename__ = "server_meta"

    key: str = Field(primary_key=True, max_length=100)
    value: str


class Reviewer(ServerModel, table=True):
    __tablename__ = "reviewer"

    name: str = Field(primary_key=True, max_length=100)
    role: str = Field(max_length=20)
    created_at: str


class ApiToken(ServerModel, table=True):
    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    reviewer: str = Field(foreign_key="reviewer.name", index=True, max_length=100)
    token_hash: str = Field(unique=True, max_length=64)
    created_at: str
    revoked_at: str | None = None


class ServerDocument(ServerModel, DocumentBase, table=True):
    """A published document: DocumentBase's fields (models.py) and what only the server keeps."""

    __tablename__ = "server_document"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: int | None = Field(default=None, sa_column=Column(_SEQ_TYPE, Identity(), primary_key=True))
    id: str = Field(unique=True, max_length=16)
    sha256: str = Field(max_length=64)
    published_by: str = Field(max_length=100)
    added_at: str


class ServerClaim(ServerModel, ClaimBase, table=True):
    """A published claim: ClaimBase's fields (models.py) and what only the server keeps."""

    __tablename__ = "server_claim"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: int | None = Field(default=None, sa_column=Column(_SEQ_TYPE, Identity(), primary_key=True))
    id: str = Field(unique=True, max_length=16)
    document_id: str = Field(foreign_key="server_document.id", index=True, max_length=16)
    # A column of its own (a Column belongs to one table), with the default that _upgrade_to_2 gave
    # databases made before claims had reasons.
    reasons: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, server_default="[]")
    )


class ServerEvent(ServerModel, table=True):
    __tablename__ = "server_event"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: int | None = Field(default=None, sa_column=Column(_SEQ_TYPE, Identity(), primary_key=True))
    id: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
    claim_id: str = Field(foreign_key="server_claim.id", index=True, max_length=16)
    reviewer: str = Field(index=True, max_length=100)
    kind: str = Field(max_length=20)
    label: str = Field(max_length=20)
    note: str = ""
    sources: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    payload: dict[str, Any] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False, server_default="{}")
    )
    created_at: str
    replaces: str | None = None
    received_at: str


class ServerFactCheck(ServerModel, FactCheckBase, table=True):
    """A published fact-check; a changed one is deleted and inserted again, so it gets a new seq."""

    __tablename__ = "server_factcheck"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: int | None = Field(default=None, sa_column=Column(_SEQ_TYPE, Identity(), primary_key=True))
    url: str = Field(sa_column=Column(String(2000), unique=True, nullable=False))
    digest: str = Field(max_length=64)
    published_by: str = Field(max_length=100)
    added_at: str


class ServerInbox(ServerModel, table=True):
    """Documents reviewers sent while only admins may publish: waiting for an admin to accept them."""

    __tablename__ = "server_inbox"
    __table_args__ = (UniqueConstraint("document_id", "submitted_by"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: str = Field(index=True, max_length=16)
    title: str = ""
    uri: str
    claims: int = 0
    # The document with its claims as the reviewer sent it (wire DocumentIn), published as is on accept.
    body: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    submitted_by: str = Field(max_length=100)
    submitted_at: str
    status: str = Field(default="waiting", max_length=20)  # waiting, accepted, rejected
    decided_at: str | None = None


TABLES: dict[str, Table] = {
    "meta": ServerMeta.__table__,  # type: ignore[attr-defined]
    "event": ServerEvent.__table__,  # type: ignore[attr-defined]
    "document": ServerDocument.__table__,  # type: ignore[attr-defined]
    "claim": ServerClaim.__table__,  # type: ignore[attr-defined]
    "reviewer": Reviewer.__table__,  # type: ignore[attr-defined]
    "token": ApiToken.__table__,  # type: ignore[attr-defined]
    "factcheck": ServerFactCheck.__table__,  # type: ignore[attr-defined]
    "inbox": ServerInbox.__table__,  # type: ignore[attr-defined]
}


# -- engine ---------------------------------------------------------------------------------------


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'server.db'}"


def normalize_db_url(value: str | None) -> str:
    """A SQLAlchemy URL; a bare path means a SQLite file."""
    if not value:
        return default_db_url()
    if "://" in value:
        if value.startswith("postgresql://") or value.startswith("postgres://"):
            # Plain postgresql:// would pick psycopg2, which is not installed; psycopg 3 is.
            value = "postgresql+psycopg://" + value.split("://", 1)[1]
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


class DatabaseUrlError(ClaimreviewError):
    """A --db value that names no database this server can use (one line from the CLI)."""


DEFAULT_POOL_SIZE = 5
SUPPORTED = ("sqlite", "postgresql")


def _checked_url(url: str) -> str:
    """``url`` if SQLAlchemy can parse it and it names SQLite or PostgreSQL, else DatabaseUrlError."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    hint = "use a SQLite path or postgresql://user@host/dbname"
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseUrlError(f"--db: {url.split('://', 1)[0]}:// URL cannot be parsed; {hint}") from None
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED:
        raise DatabaseUrlError(f"--db: {backend} databases are not supported; {hint}")
    if backend == "postgresql" and parsed.get_driver_name() != "psycopg":
        raise DatabaseUrlError(
            f"--db: the PostgreSQL driver {parsed.get_driver_name()!r} is not installed; "
            "write postgresql://... (claimreview uses psycopg 3)"
        )
    return url


def make_engine(url: str, pool_size: int = DEFAULT_POOL_SIZE) -> Engine:
    """The engine for ``url``. On PostgreSQL each process holds at most ``pool_size`` connections, so N
    processes need N x pool_size (plus a few for maintenance) under ``max_connections``."""
    url = _checked_url(normalize_db_url(url))
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_MS / 1000}
        )

        @event.listens_for(engine, "connect")
        def _configure(dbapi_conn: Any, _record: Any) -> None:
            # The driver must not open transactions on its own: _begin below picks the kind.
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
            switch_to_wal(cursor, SQLITE_BUSY_MS / 1000)
            cursor.execute("PRAGMA foreign_keys = ON")
            # FULL: an event the server acknowledged survives power loss, not only a killed process.
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            # Writers take the lock up front: a deferred transaction that upgrades to a writer can fail
            # at once with SQLITE_BUSY instead of waiting, and writers must be serialised (module doc).
            write = conn.get_execution_options().get("claimreview_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    # No overflow: the pool size is the budget an operator plans with. A request that cannot get a
    # connection within pool_timeout answers 503 (retried by clients) rather than queueing forever.
    return create_engine(
        url, pool_size=pool_size, max_overflow=0, pool_pre_ping=True, pool_timeout=POOL_TIMEOUT
    )


@contextmanager
def writing(engine: Engine, lock: int) -> Iterator[Connection]:
    """A write transaction holding the writers' lock (see the module docstring)."""
    with engine.execution_options(claimreview_write=True).begin() as conn:
        if not is_sqlite(engine):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({lock})")
        yield conn


# -- schema ---------------------------------------------------------------------------------------


class SchemaError(ClaimreviewError):
    """The server database is newer than this code, or not a claimreview server database at all."""


# The tables of databases made before schema versions were recorded ("version 0").
_V0_TABLES = frozenset({"reviewer", "api_token", "server_document", "server_claim", "server_event"})


def _upgrade_to_1(conn: Connection) -> None:
    # Version 0 had every table but server_meta; the database gets its identity now.
    TABLES["meta"].create(conn, checkfirst=True)
    _set_meta(conn, "server_id", _new_server_id())


def _upgrade_to_2(conn: Connection) -> None:
    # Claims carry the extractor's reasons; events of the new kinds carry a payload.
    json_type = JSON().compile(dialect=conn.dialect)
    inspector = inspect(conn)
    for table, column, default in (("server_claim", "reasons", "[]"), ("server_event", "payload", "{}")):
        # A version-0 database made by the current models already has the column.
        if column not in {c["name"] for c in inspector.get_columns(table)}:
            conn.exec_driver_sql(
                f"ALTER TABLE {table} ADD COLUMN {column} {json_type} NOT NULL DEFAULT '{default}'"
            )


def _upgrade_to_3(conn: Connection) -> None:
    # Published fact-checks (ClaimReview) that every reviewer pulls.
    TABLES["factcheck"].create(conn, checkfirst=True)
    # The admins' inbox of documents sent by reviewers when only admins publish.
    TABLES["inbox"].create(conn, checkfirst=True)
    # The log epoch (server.epoch): a database older than it starts its first epoch now.
    if not _get_meta(conn, "log_epoch"):
        _set_meta(conn, "log_epoch", _new_server_id())


# _UPGRADES[n] takes a database from version n to n + 1, inside the schema transaction. To change the
# schema: change the models (fresh databases are created from them directly) and append the step that
# brings a database of the previous version to the same shape.
_UPGRADES: list[Callable[[Connection], None]] = [_upgrade_to_1, _upgrade_to_2, _upgrade_to_3]
SCHEMA_VERSION = len(_UPGRADES)


@dataclass(frozen=True, slots=True)
class SchemaInfo:
    version: int
    server_id: str


def _new_server_id() -> str:
    return secrets.token_hex(16)


def get_meta(conn: Connection, key: str) -> str | None:
    """One ``server_meta`` value (None when absent)."""
    return _get_meta(conn, key)


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Set one ``server_meta`` value; the caller holds a write lock."""
    _set_meta(conn, key, value)


def new_random_id() -> str:
    return _new_server_id()


def _get_meta(conn: Connection, key: str) -> str | None:
    meta = TABLES["meta"]
    row = conn.execute(sa_select(meta.c.value).where(meta.c.key == key)).first()
    return None if row is None else str(row[0])


def _set_meta(conn: Connection, key: str, value: str) -> None:
    # Only ever called under the schema lock, so update-then-insert cannot race.
    meta = TABLES["meta"]
    if conn.execute(meta.update().where(meta.c.key == key).values(value=value)).rowcount == 0:
        conn.execute(meta.insert().values(key=key, value=value))


def _recorded_version(conn: Connection, tables: set[str]) -> int:
    """The version the database says it has; SchemaError if it cannot say."""
    if "server_meta" not in tables:
        if tables >= _V0_TABLES:
            return 0
        raise SchemaError(
            f"the server database has tables ({', '.join(sorted(tables)[:5])}) but no claimreview schema "
            "version; it is not a claimreview server database (is it a local claimreview database?); "
            "point --db at an empty or existing server database"
        )
    value = _get_meta(conn, "schema_version")
    try:
        version = int(value) if value is not None else -1
    except ValueError:
        version = -1
    if version < 0:
        raise SchemaError(
            f"the server database has no valid schema version (server_meta.schema_version = {value!r}); "
            "it is damaged or not a claimreview server database"
        )
    return version


def create_schema(engine: Engine) -> SchemaInfo:
    """Create, upgrade or check the server tables; returns the schema version and the server id.

    Runs in one transaction under a lock (an advisory lock on PostgreSQL, where DDL is transactional;
    ``BEGIN IMMEDIATE`` on SQLite, likewise), so several server processes starting together against one
    database see either nothing or the finished schema, and exactly one of them creates it.
    """
    with writing(engine, _SCHEMA_LOCK) as conn:
        tables = set(inspect(conn).get_table_names())
        if not tables:
            ServerModel.metadata.create_all(conn)
            server_id = _new_server_id()
            _set_meta(conn, "server_id", server_id)
            _set_meta(conn, "log_epoch", _new_server_id())
            _set_meta(conn, "schema_version", str(SCHEMA_VERSION))
            return SchemaInfo(SCHEMA_VERSION, server_id)
        version = _recorded_version(conn, tables)
        if version > SCHEMA_VERSION:
            raise SchemaError(
                f"server database schema {version} is newer than this claimreview understands "
                f"({SCHEMA_VERSION}); upgrade claimreview"
            )
        for step in range(version, SCHEMA_VERSION):
            _UPGRADES[step](conn)
            _set_meta(conn, "schema_version", str(step + 1))
        recorded_id = _get_meta(conn, "server_id")
        if not recorded_id:
            raise SchemaError("the server database has no server_id in server_meta; it is damaged")
        return SchemaInfo(SCHEMA_VERSION, recorded_id)


def insert(engine: Engine, table: Table) -> Any:
    """An INSERT that can say ON CONFLICT DO NOTHING in the engine's dialect."""
    return sqlite_insert(table) if is_sqlite(engine) else pg_insert(table)


# -- reads ----------------------------------------------------------------------------------------

Item = TypeVar("Item", bound=BaseModel)


def page(engine: Engine, table: Table, item: type[Item], after: int, limit: int) -> tuple[list[Item], bool]:
    """Rows with ``seq > after`` in seq order, as the wire ``item`` model (its fields name the columns)."""
    names = list(item.model_fields)
    query = sa_select(*(table.c[n] for n in names)).where(table.c.seq > after).order_by(table.c.seq)
    with engine.connect() as conn:
        # zip, not row._mapping: building a mapping per row cost as much as validating it.
        rows = [dict(zip(names, r, strict=True)) for r in conn.execute(query.limit(limit + 1))]
    items: list[Item] = _list_of(item).validate_python(rows[:limit])
    return items, len(rows) > limit


@cache
def _list_of(item: type[BaseModel]) -> TypeAdapter[list[Any]]:
    # One validation call for a whole page; the adapter is built once per model (building one costs ms).
    return TypeAdapter(list[item])  # type: ignore[valid-type]


def counts(engine: Engine) -> dict[str, int]:
    """Rows per table, for status output and tests."""
    with engine.connect() as conn:
        return {
            name: int(conn.execute(sa_select(func.count()).select_from(TABLES[name])).scalar_one())
            for name in ("document", "claim", "event")
        }
