"""Two reviewers offline, overlapping verdicts, sync through a real uvicorn server; disputes; adjudication."""

from __future__ import annotations

from pathlib import Path

import pytest
from liveserver import FLOW_BACKENDS, add_account, running_server, sample_articles

from claimreview import consensus as rules
from claimreview.store import Store
from claimreview.store import sync_state as local
from claimreview.sync import adjudication
from claimreview.sync.client import SyncClient
from claimreview.sync.run import run_sync


def _sync(store: Store, url: str, token: str) -> object:
    with SyncClient(url, token, retries=2) as client:
        return run_sync(store, client)


def _states(store: Store) -> dict[str, str]:
    return {row.id: row.consensus for row in store.list_claims()}


@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_two_reviewers_offline_then_sync_dispute_and_adjudicate(backend_db: str, tmp_path: Path) -> None:
    tokens = {
        "admin": add_account(backend_db, "admin", "admin"),
        "alice": add_account(backend_db, "alice"),
        "bob": add_account(backend_db, "bob"),
        "carol": add_account(backend_db, "carol", "adjudicator"),
    }
    stores = {
        name: Store.open(tmp_path / f"{name}.db")
        for name in ("admin", "alice", "alice-laptop", "bob", "carol")
    }
    token_of = {name: tokens[name.split("-")[0]] for name in stores}
    try:
        with running_server(backend_db, tmp_path) as server:
            # The admin extracted an article locally; the first sync publishes it.
            stores["admin"].add_articles(sample_articles(documents=2, claims_per_document=5))
            report = _sync(stores["admin"], server.url, tokens["admin"])
            assert (report.published_documents, report.published_claims) == (2, 10)
            for name in ("alice", "alice-laptop", "bob", "carol"):
                report = _sync(stores[name], server.url, token_of[name])
                assert (report.pulled_documents, report.pulled_claims) == (2, 10)
            ids = [row.id for row in stores["alice"].list_claims()]
            assert ids == [row.id for row in stores["bob"].list_claims()]  # stable ids everywhere

            # Offline: alice does 0-5, bob does 3-8 (agrees on 3 and 4, disagrees on 5).
            for cid in ids[0:6]:
                stores["alice"].append_event(cid, "alice", rules.CONFIRMED)
            for cid in ids[3:5]:
                stores["bob"].append_event(cid, "bob", rules.CONFIRMED)
            stores["bob"].append_event(ids[5], "bob", rules.DENIED)
            for cid in ids[6:9]:
                stores["bob"].append_event(cid, "bob", rules.UNVERIFIED)
            # Alice on her laptop, also offline, judges claim 9 differently: a fork of one reviewer.
            stores["alice"].append_event(ids[9], "alice", rules.CONFIRMED)
            stores["alice-laptop"].append_event(ids[9], "alice", rules.DENIED)
            assert local.pending_count(stores["alice"]) == 7

            for _round in range(2):  # the second round brings each one what the others pushed after it
                for name in ("alice", "alice-laptop", "bob"):
                    _sync(stores[name], server.url, token_of[name])
            expected = {
                **dict.fromkeys(ids[0:5], rules.CONFIRMED),
                ids[5]: rules.DISPUTED,
                **dict.fromkeys(ids[6:9], rules.UNVERIFIED),
                ids[9]: rules.DISPUTED,
            }
            for name in ("alice", "alice-laptop", "bob"):
                assert _states(stores[name]) == expected, name
                assert local.pending_count(stores[name]) == 0
                assert local.last_sync_time(stores[name]) is not None
            assert len(stores["bob"].events_for_claim(ids[5])) == 2  # both verdicts kept

            # Alice, having seen both of her verdicts on claim 9, settles it: her new event replaces both.
            fork = adjudication.conflict(stores["alice"], ids[9]).forks
            assert set(fork) == {"alice"} and len(fork["alice"]) == 2
            resolved = stores["alice"].append_event(ids[9], "alice", rules.DENIED)
            assert len(rules.parent_ids(resolved.replaces)) == 2

            # Carol adjudicates claim 5; bob's try to adjudicate stays local (he is no adjudicator).
            _sync(stores["carol"], server.url, tokens["carol"])
            disputed = [c.claim.id for c in adjudication.conflicts(stores["carol"])]
            assert disputed == [ids[5], ids[9]]
            assert adjudication.can_adjudicate(stores["carol"]) is True
            adjudication.adjudicate(stores["carol"], ids[5], "carol", rules.DENIED, note="the data says so")
            stores["bob"].append_event(ids[6], "bob", rules.DENIED, kind=rules.ADJUDICATION)
            for name in ("alice", "carol", "bob", "alice", "alice-laptop", "bob"):
                report = _sync(stores[name], server.url, token_of[name])
            assert sum(report.rejected.values()) == 1 and "adjudicator" in next(iter(report.rejected))

            for name in ("alice", "alice-laptop", "bob", "carol"):
                states = _states(stores[name])
                assert states[ids[5]] == rules.DENIED, name
                assert states[ids[9]] == rules.DENIED, name
                history = stores[name].events_for_claim(ids[5])
                assert [(e.reviewer, e.kind) for e in history] == [
                    ("alice", rules.REVIEW),
                    ("bob", rules.REVIEW),
                    ("carol", rules.ADJUDICATION),
                ]
            # Bob's adjudication never left his machine.
            assert local.pending_count(stores["bob"]) == 1
            assert _states(stores["bob"])[ids[6]] == rules.DENIED
            assert _states(stores["alice"])[ids[6]] == rules.UNVERIFIED
    finally:
        for store in stores.values():
            store.close()
