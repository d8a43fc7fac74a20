"""The server's database: accounts, published documents and claims, and the global event log.

Tables live in their own SQLModel registry (``ServerModel.metadata``) so they never meet the local
store's tables in ``SQLModel.metadata``. No FastAPI here: the CLI's account commands use this module too.

Ordering guarantee for pulls. Every stored event gets a ``seq`` from an identity column, and pulls
return ``seq > cursor``. That is only safe if a row with a smaller seq can never become visible after a
row with a larger one, otherwise a client whose cursor has moved past it would miss it forever. So
writers serialise on a lock taken *before* they draw seq values: ``BEGIN IMMEDIATE`` on SQLite, a
transaction-scoped advisory lock on PostgreSQL (which also holds across several server processes).
Readers never wait for it.

Schema versions. ``server_meta`` records the ``schema_version`` the tables have and a random
``server_id`` drawn when the database was created (clients use it to notice that they now talk to a
different server). ``create_schema`` runs on every start, under a lock, and either creates a fresh
database, upgrades an older one step by step (``_UPGRADES``), or refuses one it does not understand.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Connection,
    Engine,
    Identity,
    Integer,
    String,
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
from claimreview.ids import claim_id, document_id, now_iso, sha256_text
from claimreview.paths import data_dir
from claimreview.server.schemas import ADJUDICATING_ROLES
from claimreview.sqlite_wal import switch_to_wal

ROLES: tuple[str, ...] = ("reviewer", "adjudicator", "admin")
# Arbitrary constants naming the two PostgreSQL advisory locks (event log, catalog) and schema setup.
_EVENT_LOCK = 0x636C_7265_7601
_CATALOG_LOCK = 0x636C_7265_7602
_SCHEMA_LOCK = 0x636C_7265_7603
SQLITE_BUSY_MS = 30_000


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


class ServerDocument(ServerModel, table=True):
    __tablename__ = "server_document"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: int | None = Field(default=None, sa_column=Column(_SEQ_TYPE, Identity(), primary_key=True))
    id: str = Field(unique=True, max_length=16)
    uri: str
    title: str = ""
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    text: str
    sha256: str = Field(max_length=64)
    published_by: str = Field(max_length=100)
    added_at: str


class ServerClaim(ServerModel, table=True):
    __tablename__ = "server_claim"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: int | None = Field(default=None, sa_column=Column(_SEQ_TYPE, Identity(), primary_key=True))
    id: str = Field(unique=True, max_length=16)
    document_id: str = Field(foreign_key="server_document.id", index=True, max_length=16)
    text: str
    start: int
    end: int
    speaker: str | None = None
    score: float = 0.0
    extractor: str
    extractor_version: str


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
    created_at: str
    replaces: str | None = None
    received_at: str


TABLES = {
    "meta": ServerMeta.__table__,  # type: ignore[attr-defined]
    "event": ServerEvent.__table__,  # type: ignore[attr-defined]
    "document": ServerDocument.__table__,  # type: ignore[attr-defined]
    "claim": ServerClaim.__table__,  # type: ignore[attr-defined]
    "reviewer": Reviewer.__table__,  # type: ignore[attr-defined]
    "token": ApiToken.__table__,  # type: ignore[attr-defined]
}
EVENT_FIELDS = ("id", "claim_id", "reviewer", "kind", "label", "note", "sources", "created_at", "replaces")
DOCUMENT_FIELDS = ("id", "uri", "title", "publisher", "published", "url", "text", "sha256")
CLAIM_FIELDS = (
    "id",
    "document_id",
    "text",
    "start",
    "end",
    "speaker",
    "score",
    "extractor",
    "extractor_version",
)


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


def make_engine(url: str) -> Engine:
    url = normalize_db_url(url)
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
    return create_engine(url, pool_size=10, max_overflow=30, pool_pre_ping=True, pool_timeout=60)


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


# _UPGRADES[n] takes a database from version n to n + 1, inside the schema transaction. To change the
# schema: change the models (fresh databases are created from them directly) and append the step that
# brings a database of the previous version to the same shape.
_UPGRADES: list[Callable[[Connection], None]] = [_upgrade_to_1]
SCHEMA_VERSION = len(_UPGRADES)


@dataclass(frozen=True, slots=True)
class SchemaInfo:
    version: int
    server_id: str


def _new_server_id() -> str:
    return secrets.token_hex(16)


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
        server_id = _get_meta(conn, "server_id")
        if not server_id:
            raise SchemaError("the server database has no server_id in server_meta; it is damaged")
        return SchemaInfo(SCHEMA_VERSION, server_id)


def _insert(engine: Engine, table: Any) -> Any:
    return sqlite_insert(table) if is_sqlite(engine) else pg_insert(table)


# -- accounts -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    role: str

    @property
    def can_adjudicate(self) -> bool:
        return self.role in ADJUDICATING_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 100 or any(ord(c) < 32 or c == "\x7f" for c in name):
        raise ClaimreviewError("reviewer name must be 1-100 printable characters")
    return name


def add_reviewer(engine: Engine, name: str, role: str | None = None) -> str:
    """Create the reviewer (or keep the existing one) and issue a new token; returns the token."""
    name = _check_name(name)
    if role is not None and role not in ROLES:
        raise ClaimreviewError(f"unknown role '{role}'; use one of: {', '.join(ROLES)}")
    token = "crv_" + secrets.token_urlsafe(32)
    reviewers, tokens = TABLES["reviewer"], TABLES["token"]
    with engine.execution_options(claimreview_write=True).begin() as conn:
        existing = conn.execute(sa_select(reviewers.c.role).where(reviewers.c.name == name)).first()
        if existing is None:
            conn.execute(reviewers.insert().values(name=name, role=role or "reviewer", created_at=now_iso()))
        elif role is not None and role != existing[0]:
            conn.execute(reviewers.update().where(reviewers.c.name == name).values(role=role))
        conn.execute(
            tokens.insert().values(reviewer=name, token_hash=hash_token(token), created_at=now_iso())
        )
    return token


def revoke(engine: Engine, name: str) -> int:
    """Revoke every live token of ``name``; returns how many."""
    tokens = TABLES["token"]
    with engine.execution_options(claimreview_write=True).begin() as conn:
        res = conn.execute(
            tokens.update()
            .where(tokens.c.reviewer == name, tokens.c.revoked_at.is_(None))
            .values(revoked_at=now_iso())
        )
        return max(res.rowcount, 0)


def list_reviewers(engine: Engine) -> list[tuple[str, str, int, str]]:
    """(name, role, live tokens, created_at) for every reviewer."""
    reviewers, tokens = TABLES["reviewer"], TABLES["token"]
    live = func.count(tokens.c.id).filter(tokens.c.revoked_at.is_(None))
    query = (
        sa_select(reviewers.c.name, reviewers.c.role, live, reviewers.c.created_at)
        .join(tokens, tokens.c.reviewer == reviewers.c.name, isouter=True)
        .group_by(reviewers.c.name, reviewers.c.role, reviewers.c.created_at)
        .order_by(reviewers.c.name)
    )
    with engine.connect() as conn:
        return [(str(n), str(r), int(c), str(t)) for n, r, c, t in conn.execute(query)]


def authenticate(engine: Engine, token: str) -> Account | None:
    reviewers, tokens = TABLES["reviewer"], TABLES["token"]
    query = (
        sa_select(reviewers.c.name, reviewers.c.role)
        .join(tokens, tokens.c.reviewer == reviewers.c.name)
        .where(tokens.c.token_hash == hash_token(token), tokens.c.revoked_at.is_(None))
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return Account(str(row[0]), str(row[1])) if row else None


# -- events ---------------------------------------------------------------------------------------


def _same_event(stored: dict[str, Any], sent: dict[str, Any]) -> bool:
    return all(stored[k] == sent[k] for k in EVENT_FIELDS)


def push_events(engine: Engine, events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Store events idempotently; one result per event: stored / known (with seq) or rejected."""
    table, claims = TABLES["event"], TABLES["claim"]
    claim_ids = sorted({e["claim_id"] for e in events})
    results: dict[str, dict[str, Any]] = {}
    with writing(engine, _EVENT_LOCK) as conn:
        known_claims = {r[0] for r in conn.execute(sa_select(claims.c.id).where(claims.c.id.in_(claim_ids)))}
        received = now_iso()
        rows: list[dict[str, Any]] = []
        seen: set[str] = set()
        for e in events:
            if e["claim_id"] not in known_claims:
                results[e["id"]] = {
                    "id": e["id"],
                    "status": "rejected",
                    "reason": "claim is not on the server",
                }
            elif e["id"] not in seen:
                seen.add(e["id"])
                rows.append({**{k: e[k] for k in EVENT_FIELDS}, "received_at": received})
        stored: dict[str, int] = {}
        if rows:
            stmt = _insert(engine, table).on_conflict_do_nothing(index_elements=["id"])
            for r in conn.execute(stmt.returning(table.c.id, table.c.seq), rows):
                stored[r[0]] = int(r[1])
        missing = [r["id"] for r in rows if r["id"] not in stored]
        existing: dict[str, dict[str, Any]] = {}
        for start in range(0, len(missing), 500):
            query = sa_select(table).where(table.c.id.in_(missing[start : start + 500]))
            existing.update({row.id: dict(row._mapping) for row in conn.execute(query)})
    first: dict[str, dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for e in events:
        event_id = e["id"]
        earlier = first.setdefault(event_id, e)
        if event_id in results:
            out.append(results[event_id])
        elif event_id in stored and earlier is e:
            out.append({"id": event_id, "status": "stored", "seq": stored[event_id]})
        elif event_id in stored and _same_event(earlier, e):
            out.append({"id": event_id, "status": "known", "seq": stored[event_id]})
        elif event_id in existing and _same_event(existing[event_id], e):
            out.append({"id": event_id, "status": "known", "seq": int(existing[event_id]["seq"])})
        else:
            out.append({"id": event_id, "status": "rejected", "reason": "id already used by another event"})
    return out


def _page(
    engine: Engine, table: Any, fields: Sequence[str], after: int, limit: int
) -> tuple[list[Any], bool]:
    columns = [table.c.seq, *(table.c[f] for f in fields)]
    query = sa_select(*columns).where(table.c.seq > after).order_by(table.c.seq).limit(limit + 1)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    return rows[:limit], len(rows) > limit


def pull_events(engine: Engine, after: int, limit: int) -> tuple[list[dict[str, Any]], bool]:
    return _page(engine, TABLES["event"], EVENT_FIELDS, after, limit)


def pull_documents(engine: Engine, after: int, limit: int) -> tuple[list[dict[str, Any]], bool]:
    return _page(engine, TABLES["document"], (*DOCUMENT_FIELDS, "added_at"), after, limit)


def pull_claims(engine: Engine, after: int, limit: int) -> tuple[list[dict[str, Any]], bool]:
    return _page(engine, TABLES["claim"], CLAIM_FIELDS, after, limit)


# -- documents and claims -------------------------------------------------------------------------


class PublishError(ClaimreviewError):
    """A published document or claim is inconsistent (the API answers 422)."""


def publish(engine: Engine, documents: Sequence[dict[str, Any]], publisher: str) -> tuple[int, int]:
    """Store documents and their claims, computing ids from content; returns (documents, claims) added."""
    doc_rows: dict[str, dict[str, Any]] = {}
    claim_rows: dict[str, dict[str, Any]] = {}
    added_at = now_iso()
    for n, doc in enumerate(documents):
        sha = sha256_text(doc["text"])
        doc_id = document_id(sha)
        doc_rows.setdefault(
            doc_id,
            {
                **{k: doc[k] for k in ("uri", "title", "publisher", "published", "url", "text")},
                "id": doc_id,
                "sha256": sha,
                "published_by": publisher,
                "added_at": added_at,
            },
        )
        for m, c in enumerate(doc["claims"]):
            if (
                not (0 <= c["start"] < c["end"] <= len(doc["text"]))
                or doc["text"][c["start"] : c["end"]] != c["text"]
            ):
                raise PublishError(f"documents[{n}].claims[{m}]: offsets do not match the document text")
            cid = claim_id(sha, c["start"], c["end"])
            claim_rows.setdefault(
                cid, {**{k: c[k] for k in CLAIM_FIELDS[2:]}, "id": cid, "document_id": doc_id}
            )
    docs, claims = TABLES["document"], TABLES["claim"]
    with writing(engine, _CATALOG_LOCK) as conn:
        docs_added = claims_added = 0
        if doc_rows:
            stmt = _insert(engine, docs).on_conflict_do_nothing(index_elements=["id"])
            docs_added = len(conn.execute(stmt.returning(docs.c.id), list(doc_rows.values())).all())
        if claim_rows:
            stmt = _insert(engine, claims).on_conflict_do_nothing(index_elements=["id"])
            claims_added = len(conn.execute(stmt.returning(claims.c.id), list(claim_rows.values())).all())
    return docs_added, claims_added


def missing_documents(engine: Engine, wanted: Sequence[tuple[str, int]]) -> list[str]:
    """Of (document id, claim count) pairs, the documents the server lacks or has fewer claims of."""
    claims = TABLES["claim"]
    ids = [doc_id for doc_id, _ in wanted]
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        for start in range(0, len(ids), 500):
            query = (
                sa_select(claims.c.document_id, func.count())
                .where(claims.c.document_id.in_(ids[start : start + 500]))
                .group_by(claims.c.document_id)
            )
            counts.update({str(d): int(n) for d, n in conn.execute(query)})
        docs = TABLES["document"]
        present: set[str] = set()
        for start in range(0, len(ids), 500):
            query = sa_select(docs.c.id).where(docs.c.id.in_(ids[start : start + 500]))
            present.update(str(r[0]) for r in conn.execute(query))
    return [d for d, n in wanted if d not in present or counts.get(d, 0) < n]


def counts(engine: Engine) -> dict[str, int]:
    """Rows per table, for status output and tests."""
    with engine.connect() as conn:
        return {
            name: int(conn.execute(sa_select(func.count()).select_from(TABLES[name])).scalar_one())
            for name in ("document", "claim", "event")
        }
