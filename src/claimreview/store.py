"""The local SQLite database: documents, claims and the verdict event log (no UI, no HTTP)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, bindparam, event, func, or_, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, SQLModel, col, create_engine, select

from claimreview import consensus as rules
from claimreview.errors import ClaimreviewError, DatabaseError, InputError
from claimreview.ids import claim_id, document_id, new_event_id, now_iso, sha256_text
from claimreview.models import (
    AddResult,
    Claim,
    ClaimRow,
    Document,
    NewClaim,
    NewDocument,
    Source,
    Stats,
    VerdictEvent,
)
from claimreview.paths import migrations_dir
from claimreview.sqlite_wal import switch_to_wal

BUSY_TIMEOUT_MS = 5000


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


def _table(model: type[SQLModel]) -> Table:
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


def _translate(path: Path, exc: BaseException) -> DatabaseError:
    message = str(getattr(exc, "orig", exc))
    if "locked" in message or "busy" in message:
        return DatabaseError(f"{path}: database is locked by another process; close it and try again")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return DatabaseError(f"{path}: not a claimreview database or it is corrupt ({message})")
    if "readonly" in message or "unable to open" in message:
        return DatabaseError(f"{path}: cannot write the database ({message})")
    return DatabaseError(f"{path}: database error: {message}")


class Store:
    """One open local database. Cheap reads, one transaction per write."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Store:
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
            raise _translate(path, exc) from exc
        except ClaimreviewError:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
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
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except (OperationalError, SADatabaseError) as exc:
                session.rollback()
                raise _translate(self.path, exc) from exc

    # -- documents and claims --------------------------------------------------------------------

    def add_articles(
        self,
        articles: Iterable[tuple[NewDocument, Sequence[NewClaim]]],
        events: Sequence[dict[str, Any]] = (),
    ) -> AddResult:
        """Add documents, their claims and any events in one transaction; what is there is skipped."""
        documents: list[dict[str, Any]] = []
        claims: list[dict[str, Any]] = []
        seen_docs: set[str] = set()
        seen_claims: set[str] = set()
        added_at = now_iso()
        for doc, doc_claims in articles:
            sha = sha256_text(doc.text)
            doc_id = document_id(sha)
            if doc_id not in seen_docs:
                seen_docs.add(doc_id)
                documents.append(
                    {
                        "id": doc_id,
                        "uri": doc.uri,
                        "title": doc.title,
                        "publisher": doc.publisher,
                        "published": doc.published,
                        "url": doc.url,
                        "text": doc.text,
                        "sha256": sha,
                        "added_at": added_at,
                    }
                )
            for c in doc_claims:
                if not (0 <= c.start < c.end <= len(doc.text)) or doc.text[c.start : c.end] != c.text:
                    raise InputError(
                        f"claim offsets {c.start}..{c.end} do not match the document text",
                        path=doc.uri,
                        field="start/end",
                    )
                cid = claim_id(sha, c.start, c.end)
                if cid in seen_claims:
                    continue
                seen_claims.add(cid)
                claims.append(
                    {
                        "id": cid,
                        "document_id": doc_id,
                        "text": c.text,
                        "start": c.start,
                        "end": c.end,
                        "speaker": c.speaker,
                        "score": c.score,
                        "extractor": c.extractor,
                        "extractor_version": c.extractor_version,
                        "consensus": rules.UNREVIEWED,
                    }
                )
        result = AddResult(documents_seen=len(documents), claims_seen=len(claims))
        with self.session() as session:
            if documents:
                res = session.connection().execute(
                    _table(Document).insert().prefix_with("OR IGNORE"), documents
                )
                result.documents_added = max(res.rowcount, 0)
            if claims:
                res = session.connection().execute(_table(Claim).insert().prefix_with("OR IGNORE"), claims)
                result.claims_added = max(res.rowcount, 0)
            result.events_added = self._insert_events(session, events)
            session.commit()
        return result

    def _claim_query(self, *, status: str | None, document: str | None, search: str | None) -> Any:
        query = select(
            Claim.id,
            Claim.document_id,
            Document.uri,
            Document.title,
            Claim.text,
            Claim.start,
            Claim.end,
            Claim.speaker,
            Claim.score,
            Claim.consensus,
        ).join(Document, col(Document.id) == col(Claim.document_id))
        if status is not None:
            query = query.where(col(Claim.consensus) == status)
        if document is not None:
            query = query.where(col(Claim.document_id) == document)
        if search:
            # autoescape: a % or _ the user typed is a character to find, not a wildcard.
            query = query.where(
                or_(
                    col(Claim.text).icontains(search, autoescape=True),
                    col(Claim.speaker).icontains(search, autoescape=True),
                    col(Document.title).icontains(search, autoescape=True),
                    col(Document.uri).icontains(search, autoescape=True),
                )
            )
        return query

    def list_claims(
        self,
        *,
        status: str | None = None,
        document: str | None = None,
        search: str | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[ClaimRow]:
        """Claims in reading order (document, then position), optionally filtered."""
        if status is not None and status not in rules.CONSENSUS_VALUES:
            raise ClaimreviewError(
                f"unknown status '{status}'; use one of: {', '.join(rules.CONSENSUS_VALUES)}"
            )
        query = self._claim_query(status=status, document=document, search=search)
        query = query.order_by(col(Document.added_at), col(Claim.document_id), col(Claim.start))
        query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.session() as session:
            return [ClaimRow(*row) for row in session.execute(query)]

    def count_claims(
        self, *, status: str | None = None, document: str | None = None, search: str | None = None
    ) -> int:
        inner = self._claim_query(status=status, document=document, search=search).subquery()
        with self.session() as session:
            return int(session.execute(select(func.count()).select_from(inner)).scalar_one())

    def get_claim(self, claim_id_: str) -> ClaimRow | None:
        query = self._claim_query(status=None, document=None, search=None).where(col(Claim.id) == claim_id_)
        with self.session() as session:
            row = session.execute(query).first()
        return ClaimRow(*row) if row else None

    def resolve_claim_id(self, prefix: str) -> str:
        """A full id, or a prefix that names exactly one claim."""
        prefix = prefix.strip()
        if not prefix:
            raise ClaimreviewError("claim id is empty")
        with self.session() as session:
            rows = session.execute(
                select(Claim.id).where(col(Claim.id).startswith(prefix, autoescape=True)).limit(3)
            ).all()
        if not rows:
            raise ClaimreviewError(f"no claim with id '{prefix}' in {self.path}")
        if len(rows) > 1 and rows[0][0] != prefix:
            raise ClaimreviewError(f"claim id '{prefix}' is ambiguous; give more characters")
        return str(rows[0][0])

    def get_document(self, doc_id: str) -> Document | None:
        with self.session() as session:
            return session.get(Document, doc_id)

    def resolve_document(self, ref: str) -> str:
        """A document id (or unique prefix), or its exact uri."""
        with self.session() as session:
            by_uri = session.execute(select(Document.id).where(col(Document.uri) == ref)).first()
            if by_uri:
                return str(by_uri[0])
            rows = session.execute(
                select(Document.id).where(col(Document.id).startswith(ref, autoescape=True)).limit(2)
            ).all()
        if len(rows) == 1:
            return str(rows[0][0])
        if not rows:
            raise ClaimreviewError(f"no document '{ref}' (give its id or its exact uri)")
        raise ClaimreviewError(f"document id '{ref}' is ambiguous; give more characters")

    def list_documents(self) -> list[tuple[Document, int, int]]:
        """Every document with its claim count and how many of those are reviewed."""
        reviewed = func.sum(func.iif(col(Claim.consensus) != rules.UNREVIEWED, 1, 0))
        query = (
            select(Document, func.count(col(Claim.id)), func.coalesce(reviewed, 0))
            .join(Claim, col(Claim.document_id) == col(Document.id), isouter=True)
            .group_by(col(Document.id))
            .order_by(col(Document.added_at), col(Document.id))
        )
        with self.session() as session:
            return [(doc, int(n), int(r)) for doc, n, r in session.execute(query)]

    # -- verdict events --------------------------------------------------------------------------

    def events_for_claim(self, claim_id_: str) -> list[VerdictEvent]:
        """The claim's whole history, oldest first."""
        with self.session() as session:
            query = (
                select(VerdictEvent)
                .where(col(VerdictEvent.claim_id) == claim_id_)
                .order_by(col(VerdictEvent.created_at), text("verdict_event.rowid"))
            )
            return list(session.exec(query))

    def current_verdicts(self, claim_id_: str) -> dict[str, VerdictEvent]:
        return rules.current_verdicts(self.events_for_claim(claim_id_))

    def latest_event(self, claim_id_: str, reviewer: str, kind: str = rules.REVIEW) -> VerdictEvent | None:
        with self.session() as session:
            query = (
                select(VerdictEvent)
                .where(
                    col(VerdictEvent.claim_id) == claim_id_,
                    col(VerdictEvent.reviewer) == reviewer,
                    col(VerdictEvent.kind) == kind,
                )
                .order_by(col(VerdictEvent.created_at).desc(), text("verdict_event.rowid DESC"))
                .limit(1)
            )
            return session.exec(query).first()

    def append_event(
        self,
        claim_id_: str,
        reviewer: str,
        label: str,
        *,
        note: str = "",
        sources: Sequence[Source] = (),
        kind: str = rules.REVIEW,
    ) -> VerdictEvent:
        """Record a verdict; returns only after it is committed to disk."""
        reviewer = reviewer.strip()
        if not reviewer:
            raise ClaimreviewError("reviewer name is empty; pass --reviewer NAME")
        if label not in rules.EVENT_LABELS:
            raise ClaimreviewError(f"unknown label '{label}'; use one of: {', '.join(rules.EVENT_LABELS)}")
        if kind not in rules.EVENT_KINDS:
            raise ClaimreviewError(f"unknown event kind '{kind}'")
        with self.session() as session:
            # BEGIN IMMEDIATE takes the write lock first, so two app instances never interleave
            # "read the previous event" and "write the one that replaces it".
            session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            if session.get(Claim, claim_id_) is None:
                session.rollback()
                raise ClaimreviewError(f"no claim with id '{claim_id_}'")
            mine = session.exec(
                select(VerdictEvent)
                .where(
                    col(VerdictEvent.claim_id) == claim_id_,
                    col(VerdictEvent.reviewer) == reviewer,
                    col(VerdictEvent.kind) == kind,
                )
                .order_by(col(VerdictEvent.created_at), text("verdict_event.rowid"))
            ).all()
            # Replace every head (several after a fork synced in), so this event resolves the fork.
            previous = " ".join(e.id for e in rules.heads(mine)) or None
            new = VerdictEvent(
                id=new_event_id(),
                claim_id=claim_id_,
                reviewer=reviewer,
                kind=kind,
                label=label,
                note=note,
                sources=[s.as_dict() for s in sources],
                created_at=now_iso(),
                replaces=previous,
            )
            session.add(new)
            session.flush()
            self._refresh_consensus(session, [claim_id_])
            session.commit()
            return new

    def insert_events(self, events: Sequence[dict[str, Any]]) -> int:
        """Insert events made elsewhere (import, sync); ids already present are skipped."""
        if not events:
            return 0
        with self.session() as session:
            added = self._insert_events(session, events)
            session.commit()
            return added

    def _insert_events(self, session: Session, events: Sequence[dict[str, Any]]) -> int:
        """Insert (skipping known ids) and refresh the cached consensus, inside the caller's transaction."""
        if not events:
            return 0
        res = session.connection().execute(
            _table(VerdictEvent).insert().prefix_with("OR IGNORE"), list(events)
        )
        self._refresh_consensus(session, {e["claim_id"] for e in events})
        return max(res.rowcount, 0)

    def _refresh_consensus(self, session: Session, claim_ids: Iterable[str]) -> None:
        # Batched, with Core rows (attribute access is all consensus() needs): a sync brings in
        # thousands of events at once, and one ORM query per claim cost ~1 ms each.
        ids = list(dict.fromkeys(claim_ids))
        events, claims = _table(VerdictEvent), _table(Claim)
        conn = session.connection()
        updates: list[dict[str, str]] = []
        for start in range(0, len(ids), 500):
            by_claim: dict[str, list[Any]] = {cid: [] for cid in ids[start : start + 500]}
            query = (
                select(events.c.claim_id, events.c.id, events.c.reviewer, events.c.kind, events.c.label)
                .add_columns(events.c.created_at, events.c.replaces)
                .where(events.c.claim_id.in_(list(by_claim)))
                .order_by(events.c.claim_id, events.c.created_at, text("verdict_event.rowid"))
            )
            for row in conn.execute(query):
                by_claim[row.claim_id].append(row)
            updates.extend({"cid": cid, "value": rules.consensus(evs)} for cid, evs in by_claim.items())
        if updates:
            conn.execute(
                claims.update().where(claims.c.id == bindparam("cid")).values(consensus=bindparam("value")),
                updates,
            )

    # -- summaries -------------------------------------------------------------------------------

    def stats(self) -> Stats:
        out = Stats()
        with self.session() as session:
            for value, n in session.execute(
                select(Claim.consensus, func.count()).group_by(col(Claim.consensus))
            ):
                out.by_consensus[str(value)] = int(n)
            out.total = sum(out.by_consensus.values())
            reviewed = func.sum(func.iif(col(Claim.consensus) != rules.UNREVIEWED, 1, 0))
            for doc_id, title, n, r in session.execute(
                select(Document.id, Document.title, func.count(col(Claim.id)), func.coalesce(reviewed, 0))
                .join(Claim, col(Claim.document_id) == col(Document.id), isouter=True)
                .group_by(col(Document.id))
                .order_by(col(Document.added_at), col(Document.id))
            ):
                out.by_document.append((str(doc_id), str(title), int(n), int(r)))
        # A reviewer counts for the claims their current verdict stands on, not for every event.
        for reviewer, n in self._current_counts_by_reviewer().items():
            out.by_reviewer[reviewer] = n
        return out

    def _current_counts_by_reviewer(self) -> dict[str, int]:
        sql = """
            SELECT reviewer, count(*) FROM (
                SELECT reviewer, label,
                       row_number() OVER (PARTITION BY claim_id, reviewer
                                          ORDER BY created_at DESC, rowid DESC) AS rn
                FROM verdict_event WHERE kind = 'review'
            ) WHERE rn = 1 AND label != 'cleared' GROUP BY reviewer ORDER BY reviewer
        """
        with self.session() as session:
            return {str(r): int(n) for r, n in session.connection().exec_driver_sql(sql)}

    def current_verdicts_for(self, claim_ids: Sequence[str]) -> dict[str, dict[str, VerdictEvent]]:
        """Current verdicts of many claims at once (for listings and reports)."""
        out: dict[str, list[VerdictEvent]] = {cid: [] for cid in claim_ids}
        with self.session() as session:
            for chunk_start in range(0, len(claim_ids), 500):
                chunk = list(claim_ids[chunk_start : chunk_start + 500])
                query = (
                    select(VerdictEvent)
                    .where(col(VerdictEvent.claim_id).in_(chunk))
                    .order_by(col(VerdictEvent.created_at), text("verdict_event.rowid"))
                )
                for ev in session.exec(query):
                    out[ev.claim_id].append(ev)
        return {cid: rules.current_verdicts(evs) for cid, evs in out.items()}
