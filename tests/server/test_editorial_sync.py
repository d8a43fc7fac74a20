"""The editorial gate through a real server: approvals, publications and a withdrawal travel like
verdicts, every client derives the same state from them, and a reviewer's editorial event is kept back."""

from __future__ import annotations

from pathlib import Path

import pytest
from liveserver import FLOW_BACKENDS, add_account, running_server, sample_articles

from claimreview import consensus as rules
from claimreview import editorial
from claimreview.store import Store
from claimreview.store.editorial import editorial_states
from claimreview.sync.client import SyncClient
from claimreview.sync.run import SyncReport, run_sync

PEOPLE = {"root": "admin", "judge": "adjudicator", "ana": "reviewer", "ben": "reviewer"}


@pytest.mark.parametrize("backend_db", FLOW_BACKENDS, indirect=True)
def test_publish_and_withdraw_reach_every_desk(backend_db: str, tmp_path: Path) -> None:
    tokens = {name: add_account(backend_db, name, role) for name, role in PEOPLE.items()}
    stores = {name: Store.open(tmp_path / f"{name}.db") for name in PEOPLE}
    try:
        with running_server(backend_db, tmp_path) as server:

            def sync(name: str) -> SyncReport:
                with SyncClient(server.url, tokens[name], retries=2) as client:
                    return run_sync(stores[name], client)

            stores["ana"].add_articles(sample_articles(documents=1, claims_per_document=2, tag="ed"))
            sync("ana")
            for name in PEOPLE:
                sync(name)
            claim = stores["ana"].list_claims()[0].id
            for name in ("ana", "ben"):
                stores[name].append_event(claim, name, rules.CONFIRMED)
                sync(name)

            def state(name: str) -> str:
                sync(name)
                return editorial_states(stores[name], [claim])[claim].state

            sync("judge")
            stores["judge"].append_event(claim, "judge", rules.APPROVED, kind=rules.EDITORIAL)
            stores["judge"].append_event(
                claim, "judge", rules.PUBLISHED, kind=rules.EDITORIAL, payload={"rating": "true"}
            )
            assert sync("judge").pushed == 2
            assert state("ana") == editorial.PUBLISHED

            # The admin takes it down; the desk sees a draft again.
            sync("root")
            stores["root"].append_event(claim, "root", rules.WITHDRAWN, kind=rules.EDITORIAL)
            assert sync("root").pushed == 1
            assert state("ana") == state("judge") == editorial.DRAFT

            # A reviewer's own publication does not leave their database.
            stores["ben"].append_event(claim, "ben", rules.PUBLISHED, kind=rules.EDITORIAL)
            line = sync("ben").summary()
            assert "editorial events need an account with the role" in line
            assert state("ana") == editorial.DRAFT
    finally:
        for store in stores.values():
            store.close()
