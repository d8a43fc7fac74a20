"""Server schema versions: created with a version and an id, upgraded, refused when newer or foreign."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from liveserver import FLOW_BACKENDS, add_account, claimreview_command, free_port
from sqlalchemy import text

from claimreview.server import store as server_store

NEWER = (
    "server database schema 99 is newer than this claimreview understands "
    f"({server_store.SCHEMA_VERSION}); upgrade claimreview"
)


def _identity_rows(db_url: str) -> list[tuple[str, str]]:
    """The meta rows but the log epoch, which every database must have (checked here) and which is random."""
    rows = _meta_rows(db_url)
    epochs = [value for key, value in rows if key == "log_epoch"]
    assert len(epochs) == 1 and len(epochs[0]) == 32
    return [(key, value) for key, value in rows if key != "log_epoch"]


def _meta_rows(db_url: str) -> list[tuple[str, str]]:
    engine = server_store.make_engine(db_url)
    try:
        with engine.connect() as conn:
            meta = server_store.TABLES["meta"]
            return [(str(k), str(v)) for k, v in conn.execute(meta.select().order_by(meta.c.key))]
    finally:
        engine.dispose()


def _execute(db_url: str, *statements: str) -> None:
    engine = server_store.make_engine(db_url)
    try:
        with engine.execution_options(claimreview_write=True).begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*claimreview_command(), *args], capture_output=True, text=True, timeout=timeout, check=False
    )


def _assert_one_line_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_fresh_database_records_version_and_a_stable_server_id(backend_db: str) -> None:
    engine = server_store.make_engine(backend_db)
    try:
        first = server_store.create_schema(engine)
        again = server_store.create_schema(engine)
    finally:
        engine.dispose()
    assert first.version == server_store.SCHEMA_VERSION
    assert len(first.server_id) == 32 and again == first
    assert _identity_rows(backend_db) == [
        ("schema_version", str(server_store.SCHEMA_VERSION)),
        ("server_id", first.server_id),
    ]


@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_newer_schema_is_refused_by_serve_and_account_commands(backend_db: str) -> None:
    add_account(backend_db, "ann")
    _execute(backend_db, "UPDATE server_meta SET value = '99' WHERE key = 'schema_version'")
    _assert_one_line_error(_run("server", "list-reviewers", "--db", backend_db), NEWER)
    _assert_one_line_error(_run("server", "add-reviewer", "bob", "--db", backend_db), NEWER)
    port = str(free_port())
    _assert_one_line_error(_run("serve", "--db", backend_db, "--port", port, timeout=30), NEWER)
    assert ("schema_version", "99") in _meta_rows(backend_db)  # left alone


@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_tables_without_a_version_are_refused(backend_db: str) -> None:
    _execute(backend_db, "CREATE TABLE claim (id VARCHAR(16) PRIMARY KEY)")
    result = _run("server", "list-reviewers", "--db", backend_db)
    _assert_one_line_error(result, "no claimreview schema version")
    port = str(free_port())
    _assert_one_line_error(_run("serve", "--db", backend_db, "--port", port, timeout=30), "no claimreview")


@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_version_table_without_a_version_is_refused(backend_db: str) -> None:
    add_account(backend_db, "ann")
    _execute(backend_db, "DELETE FROM server_meta WHERE key = 'schema_version'")
    _assert_one_line_error(_run("server", "list-reviewers", "--db", backend_db), "no valid schema version")


def test_a_local_claimreview_database_is_not_a_server_database(tmp_path: Path) -> None:
    from claimreview.store import Store

    with Store.open(tmp_path / "local.db"):
        pass
    result = _run("server", "list-reviewers", "--db", str(tmp_path / "local.db"))
    _assert_one_line_error(result, "is it a local claimreview database?")


@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_database_from_before_versions_is_upgraded_in_place(backend_db: str) -> None:
    engine = server_store.make_engine(backend_db)
    try:
        # What the previous release created: every table but server_meta.
        old = [t for name, t in server_store.TABLES.items() if name != "meta"]
        server_store.ServerModel.metadata.create_all(engine, tables=old)
        token = server_store.add_reviewer(engine, "ann", "admin")
        info = server_store.create_schema(engine)
        assert info.version == server_store.SCHEMA_VERSION and info.server_id
        assert server_store.authenticate(engine, token) == server_store.Account("ann", "admin")
    finally:
        engine.dispose()
    assert _identity_rows(backend_db) == [
        ("schema_version", str(server_store.SCHEMA_VERSION)),
        ("server_id", info.server_id),
    ]


@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_concurrent_creation_makes_one_schema(backend_db: str) -> None:
    """Eight starts at once, each with its own engine (own connections), on an empty database."""
    workers = 8
    barrier = threading.Barrier(workers)
    results: list[server_store.SchemaInfo] = []
    errors: list[BaseException] = []

    def start() -> None:
        engine = server_store.make_engine(backend_db)
        try:
            barrier.wait()
            results.append(server_store.create_schema(engine))
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=start) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert len(results) == workers and len({r.server_id for r in results}) == 1
    assert _identity_rows(backend_db) == [
        ("schema_version", str(server_store.SCHEMA_VERSION)),
        ("server_id", results[0].server_id),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_concurrent_processes_create_one_schema(backend_db: str) -> None:
    procs = [
        subprocess.Popen(
            [*claimreview_command(), "server", "add-reviewer", f"r{i}", "--db", backend_db],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(4)
    ]
    outcomes = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
    for p in procs:
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()
    assert all(code == 0 for code, _ in outcomes), outcomes
    rows = _identity_rows(backend_db)
    assert [k for k, _ in rows] == ["schema_version", "server_id"]
    assert rows[0][1] == str(server_store.SCHEMA_VERSION)


@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_version_1_database_gains_claim_reasons_and_event_payload(backend_db: str) -> None:
    engine = server_store.make_engine(backend_db)
    try:
        server_store.create_schema(engine)
        with engine.begin() as conn:  # what schema version 1 had: neither column
            conn.exec_driver_sql("ALTER TABLE server_claim DROP COLUMN reasons")
            conn.exec_driver_sql("ALTER TABLE server_event DROP COLUMN payload")
            conn.exec_driver_sql("UPDATE server_meta SET value = '1' WHERE key = 'schema_version'")
        assert server_store.create_schema(engine).version == server_store.SCHEMA_VERSION
        columns = sa.inspect(engine)
        assert "reasons" in {c["name"] for c in columns.get_columns("server_claim")}
        assert "payload" in {c["name"] for c in columns.get_columns("server_event")}
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_version_2_database_gains_the_factcheck_table_and_the_inbox(backend_db: str) -> None:
    engine = server_store.make_engine(backend_db)
    try:
        server_store.create_schema(engine)
        with engine.begin() as conn:  # what schema version 2 had: no published fact-checks, no inbox
            conn.exec_driver_sql("DROP TABLE server_factcheck")
            conn.exec_driver_sql("DROP TABLE server_inbox")
            conn.exec_driver_sql("UPDATE server_meta SET value = '2' WHERE key = 'schema_version'")
        assert server_store.create_schema(engine).version == server_store.SCHEMA_VERSION
        assert {"server_factcheck", "server_inbox"} <= set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


# The columns of schema version 3. ServerDocument and ServerClaim take their fields from DocumentBase and
# ClaimBase (models.py): a field added there changes the server's tables too, and needs an _UPGRADES step
# (and this list brought up to date) before existing server databases can hold it.
SCHEMA_3_COLUMNS = {
    "server_document": {
        "seq": False, "id": False, "uri": False, "title": False, "publisher": True, "published": True,
        "url": True, "text": False, "sha256": False, "published_by": False, "added_at": False,
    },
    "server_claim": {
        "seq": False, "id": False, "document_id": False, "text": False, "start": False, "end": False,
        "speaker": True, "score": False, "reasons": False, "extractor": False, "extractor_version": False,
    },
}  # fmt: skip


@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_document_and_claim_tables_are_those_of_the_recorded_version(backend_db: str) -> None:
    engine = server_store.make_engine(backend_db)
    try:
        assert server_store.create_schema(engine).version == 3
        inspector = sa.inspect(engine)
        for table, expected in SCHEMA_3_COLUMNS.items():
            columns = inspector.get_columns(table)
            assert {c["name"]: c["nullable"] for c in columns} == expected, table
        reasons = next(c for c in inspector.get_columns("server_claim") if c["name"] == "reasons")
        assert "[]" in str(reasons["default"])  # what _upgrade_to_2 gave older databases
    finally:
        engine.dispose()
