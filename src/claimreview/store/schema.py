"""Opening the local database: connection settings, numbered migrations, sessions, error translation."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Engine, Table, event
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, SQLModel, create_engine

from claimreview.errors import ClaimreviewError, DatabaseError
from claimreview.paths import migrations_dir
from claimreview.sqlite_wal import switch_to_wal
from claimreview.store import BUSY_TIMEOUT_MS


def _migrations() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(migrations_dir().glob("*.sql")):
        number = path.name.split("_", 1)[0]
        if number.isdigit():
            found.append((int(number), path))
    return found


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration script, one at a time (executescript would commit on its own)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                yield pending
            pending = ""
    if pending.strip() and not all(
        not part.strip() or part.strip().startswith("--") for part in pending.splitlines()
    ):
        raise DatabaseError(f"migration script ends with an unfinished statement: {pending.strip()[:60]}")


def schema_version_expected() -> int:
    return max((n for n, _ in _migrations()), default=0)


def table_of(model: type[SQLModel]) -> Table:
    # Core statements on the Table: the ORM's bulk path costs ~35x raw sqlite3 (shared/MEASURED.md).
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def _configure(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    # FULL: a verdict the UI shows as saved survives power loss too, not only a killed process.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def translate(path: Path, exc: BaseException) -> DatabaseError:
    message = str(getattr(exc, "orig", exc))
    if "locked" in message or "busy" in message:
        return DatabaseError(f"{path}: database is locked by another process; close it and try again")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return DatabaseError(f"{path}: not a claimreview database or it is corrupt ({message})")
    if "readonly" in message or "unable to open" in message:
        return DatabaseError(f"{path}: cannot write the database ({message})")
    return DatabaseError(f"{path}: database error: {message}")


class StoreBase:
    """One open local database. Cheap reads, one transaction per write."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Self:
        path = Path(path).expanduser()
        if path.is_dir():
            raise DatabaseError(f"{path}: is a directory, not a database file")
        if not path.exists():
            if not create:
                raise DatabaseError(f"{path}: no such database; run 'claimreview extract' first")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"{path}: cannot create its folder ({exc.strerror})") from exc
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _configure)
        store = cls(path, engine)
        try:
            store._migrate()
        except (OperationalError, SADatabaseError, sqlite3.DatabaseError) as exc:
            engine.dispose()
            raise translate(path, exc) from exc
        except ClaimreviewError:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _migrate(self) -> None:
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            mode = switch_to_wal(raw, BUSY_TIMEOUT_MS / 1000)
            if mode != "wal":
                raise DatabaseError(f"{self.path}: could not switch the database to WAL mode")
            latest = schema_version_expected()
            if self._checked_version(raw, latest) == latest:
                return
            # Another opener (a second terminal) may be migrating this very file: take the write lock
            # first, then look again, so exactly one of them runs each migration.
            raw.execute("BEGIN IMMEDIATE")
            try:
                current = self._checked_version(raw, latest)
                if current == 0:
                    tables = raw.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
                    if tables[0]:
                        raise DatabaseError(f"{self.path}: not a claimreview database (it has other tables)")
                for number, sql_path in _migrations():
                    if number <= current:
                        continue
                    for statement in _statements(sql_path.read_text(encoding="utf-8")):
                        raw.execute(statement)
                    raw.execute(f"PRAGMA user_version = {number}")
                raw.execute("COMMIT")
            except BaseException:
                raw.execute("ROLLBACK")
                raise

    def _checked_version(self, raw: sqlite3.Connection, latest: int) -> int:
        current = int(raw.execute("PRAGMA user_version").fetchone()[0])
        if current > latest:
            raise DatabaseError(
                f"{self.path}: schema version {current} is newer than this claimreview "
                f"understands ({latest}); upgrade claimreview"
            )
        return current

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())

    @contextmanager
    def cursor(self) -> Iterator[sqlite3.Cursor]:
        """A DB-API cursor on a pooled connection, for bulk reads: SQLAlchemy's rows cost more than the
        query there (shared/MEASURED.md). Errors come out as DatabaseError, as from ``session``."""
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            cursor = raw.cursor()
            try:
                yield cursor
            except sqlite3.Error as exc:
                raise translate(self.path, exc) from exc
            finally:
                cursor.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except (OperationalError, SADatabaseError) as exc:
                session.rollback()
                raise translate(self.path, exc) from exc
