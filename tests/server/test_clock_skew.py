"""Client clocks do not decide: the server's sequence orders rulings, and impossible times are refused."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
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
from claimreview.store import Store
from claimreview.sync.client import SyncClient
from claimreview.sync.run import SyncReport, run_sync


def _sync(store: Store, url: str, token: str) -> SyncReport:
    with SyncClient(url, token, retries=2) as client:
        return run_sync(store, client)


def _stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _skewed(claim_id: str, reviewer: str, label: str, created_at: str) -> dict[str, object]:
    """An adjudication recorded on a machine whose clock is wrong."""
    return {
        "id": str(uuid.uuid4()),
        "claim_id": claim_id,
        "reviewer": reviewer,
        "kind": rules.ADJUDICATION,
        "label": label,
        "note": "",
        "sources": [],
        "payload": {},
        "created_at": created_at,
        "replaces": None,
        "server_seq": None,
    }


@pytest.mark.parametrize("backend", FLOW_BACKENDS)
def test_later_ruling_wins_over_a_fast_clock_and_impossible_times_are_refused(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    pg: PostgresDatabases | None = request.getfixturevalue("pg_databases") if backend == "postgres" else None
    db_url = new_db_url(backend, tmp_path / "server", pg)
    roles = {"admin": "admin", "ann": "adjudicator", "carl": "adjudicator", "bob": "reviewer"}
    tokens = {name: add_account(db_url, name, role) for name, role in roles.items()}
    with running_server(db_url, tmp_path) as server:
        stores = {name: Store.open(tmp_path / f"{name}.db") for name in roles}
        try:
            stores["admin"].add_articles(sample_articles(documents=1, claims_per_document=2))
            for name in roles:
                _sync(stores[name], server.url, tokens[name])
            cid = stores["ann"].list_claims()[0].id

            # Ann's clock runs 20 hours fast (allowed: under a day); her ruling reaches the server first.
            fast = _stamp(datetime.now(UTC) + timedelta(hours=20))
            stores["ann"].insert_events([_skewed(cid, "ann", rules.CONFIRMED, fast)])
            assert _sync(stores["ann"], server.url, tokens["ann"]).pushed == 1
            # Carl rules later in real time, with a correct clock: an earlier created_at than Ann's.
            _sync(stores["carl"], server.url, tokens["carl"])
            stores["carl"].append_event(cid, "carl", rules.DENIED, kind=rules.ADJUDICATION)
            assert _sync(stores["carl"], server.url, tokens["carl"]).pushed == 1
            for name in roles:
                _sync(stores[name], server.url, tokens[name])
            for name, store in stores.items():
                assert store.get_claim(cid).consensus == rules.DENIED, name  # type: ignore[union-attr]

            # A ruling dated 2099 never reaches the server: the client keeps it back and says why.
            other = stores["ann"].list_claims()[1].id
            stores["ann"].insert_events(
                [_skewed(other, "ann", rules.CONFIRMED, "2099-01-01T00:00:00.000000Z")]
            )
            report = _sync(stores["ann"], server.url, tokens["ann"])
            assert report.pushed == 0 and "more than a day in the future" in report.summary()
        finally:
            for store in stores.values():
                store.close()

        # And on the wire: not a real time, or too far ahead, is a 422 naming the field.
        headers = {"Authorization": f"Bearer {tokens['ann']}"}
        for created_at in ("9999-99-99T99:99:99.000000Z", "2099-01-01T00:00:00.000000Z"):
            body = {"events": [{"id": "x1", "claim_id": cid, "label": "confirmed", "created_at": created_at}]}
            r = httpx.post(f"{server.url}/api/v1/events", json=body, headers=headers, timeout=30)
            assert r.status_code == 422, (created_at, r.text)
            assert "created_at" in r.text
