"""A server restored from a backup (pg_dump/pg_restore, a SQLite file copy) loses nothing for good.

The scenario of the issue: back up after some work, do more work, restore the backup. The server id
comes back with the data, and new pushes reuse the lost seq numbers; one sync round of every client
must bring every event back to the server, and a second round must leave every client with all of them.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from liveserver import (
    FLOW_BACKENDS,
    PG_HOST,
    PG_PORT,
    PostgresDatabases,
    ServerProcess,
    add_account,
    claimreview_command,
    new_db_url,
    sample_articles,
)

from claimreview import consensus as rules
from claimreview.server import store as server_store
from claimreview.store import Store
from claimreview.store import sync_state as local
from claimreview.sync.client import SyncClient
from claimreview.sync.run import SyncReport, run_sync


def _sync(store: Store, url: str, token: str) -> SyncReport:
    with SyncClient(url, token, retries=2) as client:
        return run_sync(store, client)


def _server_event_ids(db_url: str) -> set[str]:
    engine = server_store.make_engine(db_url)
    try:
        with engine.connect() as conn:
            return {str(r.id) for r in conn.execute(server_store.TABLES["event"].select())}
    finally:
        engine.dispose()


def _local_event_ids(store: Store) -> set[str]:
    return {e.id for row in store.list_claims() for e in store.events_for_claim(row.id)}


class Backup:
    """Back up a server database and restore it, the way an operator would for each backend."""

    def __init__(self, db_url: str, folder: Path) -> None:
        self.db_url = db_url
        self.file = folder / "backup.dump"

    def take(self) -> None:
        if self.db_url.startswith("sqlite"):
            path = self.db_url.split("///", 1)[1]
            # The online backup API: a consistent copy while the server runs (WAL included).
            with sqlite3.connect(path) as src, sqlite3.connect(self.file) as dst:
                src.backup(dst)
            return
        user, name = self._pg()
        subprocess.run(
            ["pg_dump", "-h", PG_HOST, "-p", str(PG_PORT), "-U", user, "-Fc", "-f", str(self.file), name],
            check=True,
            capture_output=True,
        )

    def restore(self, pg: PostgresDatabases | None) -> None:
        """With the server stopped: put the backup in place of the database."""
        if self.db_url.startswith("sqlite"):
            path = Path(self.db_url.split("///", 1)[1])
            for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                extra.unlink(missing_ok=True)
            shutil.copyfile(self.file, path)
            return
        assert pg is not None
        user, name = self._pg()
        pg.admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')  # type: ignore[attr-defined]
        pg.admin.execute(f'CREATE DATABASE "{name}"')  # type: ignore[attr-defined]
        subprocess.run(
            ["pg_restore", "-h", PG_HOST, "-p", str(PG_PORT), "-U", user, "-d", name, str(self.file)],
            check=True,
            capture_output=True,
        )

    def _pg(self) -> tuple[str, str]:
        rest = self.db_url.split("://", 1)[1]
        user = rest.split("@", 1)[0]
        return user, rest.rsplit("/", 1)[1]


def _record(store: Store, reviewer: str, claim_ids: list[str], labels: str) -> None:
    names = {"c": rules.CONFIRMED, "d": rules.DENIED, "u": rules.UNVERIFIED}
    for cid, letter in zip(claim_ids, labels, strict=False):
        store.append_event(cid, reviewer, names[letter])


@pytest.mark.parametrize("backend", FLOW_BACKENDS)
def test_restore_from_backup_loses_no_event(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    pg: PostgresDatabases | None = request.getfixturevalue("pg_databases") if backend == "postgres" else None
    db_url = new_db_url(backend, tmp_path / "server", pg)
    roles = {"admin": "admin", "ann": "adjudicator", "bob": "reviewer", "dave": "reviewer"}
    tokens = {name: add_account(db_url, name, role) for name, role in roles.items()}
    stores = {name: Store.open(tmp_path / f"{name}.db") for name in roles}
    server = ServerProcess(db_url, tmp_path).start()
    backup = Backup(db_url, tmp_path)
    try:
        admin, ann, bob, dave = (stores[n] for n in ("admin", "ann", "bob", "dave"))
        first_doc, second_doc = sample_articles(documents=2, claims_per_document=8, tag="r")
        admin.add_articles([first_doc])
        _sync(admin, server.url, tokens["admin"])
        for name in ("ann", "bob", "dave"):
            _sync(stores[name], server.url, tokens[name])
        early = [row.id for row in ann.list_claims()]
        _record(ann, "ann", early, "cdcd")
        _record(bob, "bob", early, "ccuu")
        _record(dave, "dave", early, "dd")
        for name in ("ann", "bob", "dave", "ann"):
            _sync(stores[name], server.url, tokens[name])

        backup.take()
        # Work the backup will not have: a new document, verdicts on it and on the old one, pulled by all.
        admin.add_articles([second_doc])
        _sync(admin, server.url, tokens["admin"])
        _sync(ann, server.url, tokens["ann"])
        _sync(bob, server.url, tokens["bob"])
        late = [row.id for row in ann.list_claims() if row.id not in early]
        _record(ann, "ann", late, "cccc")
        _record(bob, "bob", late + early[4:], "dddduu")
        ann.append_event(early[0], "ann", rules.DENIED, kind=rules.ADJUDICATION)
        for name in ("ann", "bob", "ann", "admin"):
            _sync(stores[name], server.url, tokens[name])
        everything = set().union(*(_local_event_ids(s) for s in stores.values()))
        assert _server_event_ids(db_url) == everything and local.pending_count(ann) == 0

        server.stop()
        backup.restore(pg)
        server.start()
        assert _server_event_ids(db_url) < everything  # the restore lost work

        # Dave missed the lost work: his view still holds, and his new verdicts take the lost seqs.
        _record(dave, "dave", early[2:], "cc")
        quiet = _sync(dave, server.url, tokens["dave"])
        assert quiet.pushed == 2 and not quiet.recovered
        everything |= _local_event_ids(dave)

        reports = {name: _sync(stores[name], server.url, tokens[name]) for name in ("admin", "ann", "bob")}
        assert _server_event_ids(db_url) == everything  # one round: nothing lost
        assert reports["ann"].recovered and reports["bob"].recovered
        assert reports["admin"].published_documents == 1  # the lost document came back with the admin
        assert "recovered:" in reports["bob"].summary()

        for name in roles:  # a second round: every client holds every event
            _sync(stores[name], server.url, tokens[name])
        for name, store in stores.items():
            assert _local_event_ids(store) == everything, name
            assert local.pending_count(store) == 0, name
        consensus = {name: [(r.id, r.consensus) for r in s.list_claims()] for name, s in stores.items()}
        assert len({tuple(v) for v in consensus.values()}) == 1
        assert dict(consensus["ann"])[early[0]] == rules.DENIED  # the lost adjudication is back
    finally:
        server.stop()
        for store in stores.values():
            store.close()


def test_operator_new_epoch_makes_clients_recheck_without_resending(tmp_path: Path) -> None:
    db_url = new_db_url("sqlite", tmp_path / "server", None)
    tokens = {
        name: add_account(db_url, name, role) for name, role in (("admin", "admin"), ("ann", "reviewer"))
    }
    server = ServerProcess(db_url, tmp_path).start()
    try:
        with Store.open(tmp_path / "admin.db") as admin, Store.open(tmp_path / "ann.db") as ann:
            admin.add_articles(sample_articles(documents=1, claims_per_document=3))
            _sync(admin, server.url, tokens["admin"])
            _sync(ann, server.url, tokens["ann"])
            for row in ann.list_claims():
                ann.append_event(row.id, "ann", rules.CONFIRMED)
            _sync(ann, server.url, tokens["ann"])

            result = subprocess.run(
                [*claimreview_command(), "server", "new-epoch", "--db", db_url],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert result.returncode == 0, result.stderr
            assert "new log epoch" in result.stdout

            report = _sync(ann, server.url, tokens["ann"])
            assert report.recovered and report.requeued == 3
            assert (report.pushed, report.already_known, report.pulled_events) == (0, 3, 0)
            assert "epoch changed" in report.summary()
            assert not _sync(ann, server.url, tokens["ann"]).recovered  # once, not on every sync
    finally:
        server.stop()
