"""A client moved to another server sends it everything; the acknowledgements of the first don't count."""

from __future__ import annotations

from pathlib import Path

import pytest
from liveserver import (
    FLOW_BACKENDS,
    PostgresDatabases,
    add_account,
    new_db_url,
    running_server,
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


@pytest.mark.parametrize("backend", FLOW_BACKENDS)
def test_switching_servers_sends_everything_to_the_new_one(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    pg: PostgresDatabases | None = request.getfixturevalue("pg_databases") if backend == "postgres" else None
    db_a, db_b = new_db_url(backend, tmp_path / "a", pg), new_db_url(backend, tmp_path / "b", pg)
    accounts = (("admin", "admin"), ("ann", "reviewer"))
    tokens_a = {name: add_account(db_a, name, role) for name, role in accounts}
    tokens_a["bob"] = add_account(db_a, "bob")
    tokens_b = {name: add_account(db_b, name, role) for name, role in accounts}
    articles = sample_articles(documents=2, claims_per_document=5)
    with (
        Store.open(tmp_path / "admin.db") as admin,
        Store.open(tmp_path / "ann.db") as ann,
        Store.open(tmp_path / "bob.db") as bob,
        running_server(db_a, tmp_path) as server_a,
        running_server(db_b, tmp_path) as server_b,
    ):
        admin.add_articles(articles)
        _sync(admin, server_a.url, tokens_a["admin"])
        _sync(ann, server_a.url, tokens_a["ann"])
        _sync(bob, server_a.url, tokens_a["bob"])
        ids = [row.id for row in ann.list_claims()]
        for cid in ids[:6]:
            ann.append_event(cid, "ann", rules.CONFIRMED)
        bob.append_event(ids[0], "bob", rules.DENIED)
        assert _sync(bob, server_a.url, tokens_a["bob"]).pushed == 1
        assert _sync(ann, server_a.url, tokens_a["ann"]).pushed == 6
        ann_ids = {e.id for cid in ids for e in ann.events_for_claim(cid) if e.reviewer == "ann"}
        assert len(ann_ids) == 6 and local.pending_count(ann) == 0

        # Server B: a fresh database with the same documents (its admin publishes them).
        _sync(admin, server_b.url, tokens_b["admin"])
        report = _sync(ann, server_b.url, tokens_b["ann"])
        assert (report.pushed, report.already_known, report.requeued) == (6, 0, 7)
        assert report.held_back == 1  # bob's verdict: not on B, and ann's token cannot send it
        assert _server_event_ids(db_b) == ann_ids
        assert local.pending_count(ann, "ann") == 0

        again = _sync(ann, server_b.url, tokens_b["ann"])
        assert (again.pushed, again.already_known, again.requeued, again.pulled_events) == (0, 0, 0, 0)

        # Back to A: it already has everything; it says so, and bob's verdict is acknowledged again.
        back = _sync(ann, server_a.url, tokens_a["ann"])
        assert (back.pushed, back.already_known, back.requeued) == (0, 6, 6)  # bob's was not acked by B
        assert _server_event_ids(db_a) == ann_ids | {e.id for e in bob.events_for_claim(ids[0])}
        assert back.held_back == 1  # counted before the pull, which then finds it on A
        assert local.pending_count(ann) == 0
        assert _sync(ann, server_a.url, tokens_a["ann"]).already_known == 0
