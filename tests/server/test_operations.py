"""Operations: /health that checks the database, oversized documents that block nothing, bad --db URLs,
the reviewer name taken from the server, the 405 Allow header."""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx
import pytest
from liveserver import (
    FLOW_BACKENDS,
    PostgresDatabases,
    ServerProcess,
    add_account,
    claimreview_command,
    new_db_url,
    running_server,
    sample_articles,
)

from claimreview import consensus as rules
from claimreview.models import NewClaim, NewDocument
from claimreview.store import Store
from claimreview.store import sync_state as local
from claimreview.sync.client import SyncClient
from claimreview.sync.run import SyncReport, run_sync
from claimreview.wire import MAX_DOCUMENT_TEXT


def _sync(store: Store, url: str, token: str, **kwargs: object) -> SyncReport:
    with SyncClient(url, token, retries=1, backoff=0.01) as client:
        return run_sync(store, client, **kwargs)  # type: ignore[arg-type]


def _huge_article() -> tuple[NewDocument, list[NewClaim]]:
    sentence = "The council said 40 new homes were built last year. "
    text = sentence * (MAX_DOCUMENT_TEXT // len(sentence) + 10)
    claim = NewClaim(
        text=sentence.strip(), start=0, end=len(sentence.strip()), extractor="test", extractor_version="1"
    )
    return NewDocument(uri="huge-report.txt", title="Huge report", text=text), [claim]


@pytest.mark.parametrize("backend", FLOW_BACKENDS)
def test_oversized_document_is_reported_and_blocks_nothing(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    pg: PostgresDatabases | None = request.getfixturevalue("pg_databases") if backend == "postgres" else None
    db_url = new_db_url(backend, tmp_path / "server", pg)
    token = add_account(db_url, "admin", "admin")
    with running_server(db_url, tmp_path) as server, Store.open(tmp_path / "admin.db") as admin:
        admin.add_articles(sample_articles(documents=2, claims_per_document=3))
        _sync(admin, server.url, token)
        for row in admin.list_claims():
            admin.append_event(row.id, "admin", rules.CONFIRMED)
        admin.add_articles([_huge_article()])
        report = _sync(admin, server.url, token)
        assert report.pushed == 6 and local.pending_count(admin) == 0  # verdicts went out regardless
        assert [d.uri for d in report.refused_documents] == ["huge-report.txt"]
        line = report.summary()
        assert "huge-report.txt" in line and "claimreview documents remove" in line
        assert "upgrade" not in line

        doc_id = report.refused_documents[0].id
        result = subprocess.run(
            [*claimreview_command(), "documents", "remove", doc_id, "--db", str(tmp_path / "admin.db")],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert not _sync(admin, server.url, token).refused_documents


def test_documents_remove_refuses_judged_documents_unless_forced(tmp_path: Path) -> None:
    db = tmp_path / "local.db"
    with Store.open(db) as store:
        store.add_articles(sample_articles(documents=1, claims_per_document=2))
        claim = store.list_claims()[0]
        store.append_event(claim.id, "ann", rules.DENIED)
    command = [*claimreview_command(), "documents", "remove", claim.document_id, "--db", str(db)]
    refused = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "1 verdict event(s)" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    forced = subprocess.run([*command, "--force"], capture_output=True, text=True, timeout=60)
    assert forced.returncode == 0, forced.stderr
    with Store.open(db) as store:
        assert store.list_claims() == []


@pytest.mark.parametrize("backend", FLOW_BACKENDS)
def test_health_checks_the_database(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    pg: PostgresDatabases | None = request.getfixturevalue("pg_databases") if backend == "postgres" else None
    db_url = new_db_url(backend, tmp_path / "server", pg)
    token = add_account(db_url, "ann")
    server = ServerProcess(db_url, tmp_path).start()
    try:
        ok = httpx.get(f"{server.url}/api/v1/health", timeout=10)
        assert ok.status_code == 200 and ok.json()["log_epoch"] and ok.json()["event_head"] == 0
        if backend == "sqlite":
            import sqlite3

            with sqlite3.connect(db_url.split("///", 1)[1]) as conn:
                conn.execute("DROP TABLE server_meta")
                conn.execute("DROP TABLE server_event")
            cause = "not a claimreview server database"
        else:
            assert pg is not None
            name = db_url.rsplit("/", 1)[1]
            pg.admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')  # type: ignore[attr-defined]
            cause = "database unreachable"
        down = httpx.get(f"{server.url}/api/v1/health", timeout=30)
        assert down.status_code == 503 and cause in down.json()["detail"], down.text
        pull = httpx.get(
            f"{server.url}/api/v1/events", headers={"Authorization": f"Bearer {token}"}, timeout=30
        )
        assert pull.status_code == 503 and "Traceback" not in server.log()
        # Each 503 logs its cause once, in one line.
        assert server.log().count("503: ") == 2 and server.log().count(cause) == 2
    finally:
        server.stop()


@pytest.mark.parametrize("url", ["mysql://u@h/db", "oracle://x", "postgresql+psycopg2://u@h/db", "http://x"])
def test_bad_db_urls_are_one_line(url: str) -> None:
    result = subprocess.run(
        [*claimreview_command(), "serve", "--db", url], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "--db" in result.stderr


def test_first_sync_takes_the_account_name(tmp_path: Path) -> None:
    db_url = new_db_url("sqlite", tmp_path / "server", None)
    admin_token, token = add_account(db_url, "admin", "admin"), add_account(db_url, "ana.lopez")
    with running_server(db_url, tmp_path) as server:
        with Store.open(tmp_path / "admin.db") as admin:
            admin.add_articles(sample_articles(documents=1, claims_per_document=2))
            _sync(admin, server.url, admin_token)
        with Store.open(tmp_path / "ana.db") as ana:
            ana.add_articles(sample_articles(documents=1, claims_per_document=2))
            ana.append_event(ana.list_claims()[0].id, "ana", rules.CONFIRMED)  # recorded before any sync
            report = _sync(ana, server.url, token, local_name="ana")
            assert report.pushed == 1 and report.held_back == 0
            assert "your account on this server is 'ana.lopez', not 'ana'" in report.summary()
            assert not _sync(ana, server.url, token, local_name="ana.lopez").renamed_from


def test_405_lists_every_method_of_the_path(tmp_path: Path) -> None:
    db_url = new_db_url("sqlite", tmp_path / "server", None)
    with running_server(db_url, tmp_path) as server:
        r = httpx.request("OPTIONS", f"{server.url}/api/v1/events", timeout=10)
        assert r.status_code == 405 and r.headers["allow"] == "GET, POST"
        assert httpx.get(f"{server.url}/api/v1", timeout=10).json()["limits"]["document_chars"] == 1_000_000
