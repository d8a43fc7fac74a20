"""Which server the outbox's acknowledgements belong to: the server's id, else its URL."""

from __future__ import annotations

from pathlib import Path

from liveserver import sample_articles

from claimreview import consensus as rules
from claimreview.store import Store
from claimreview.store import sync_state as local


def test_identity_is_the_server_id_else_the_url() -> None:
    assert local.server_identity("abc123", "http://a") == "abc123"
    assert local.server_identity(None, "http://a") == "url:http://a"
    assert local.server_identity("", "http://a") == "url:http://a"


def test_database_synced_before_server_ids_requeues_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "local.db") as store:
        store.add_articles(sample_articles(claims_per_document=2))
        cid = store.list_claims()[0].id
        event = store.append_event(cid, "ann", rules.CONFIRMED)
        local.acknowledge(store, [(event.id, 5)])
        # What an older claimreview left: a URL, cursors, an acknowledged event, no server id.
        local.set_meta(store, {local.SERVER_KEY: "http://a", local.CURSOR_KEYS["events"]: "5"})
        assert local.recorded_identity(store) == "url:http://a"
        assert local.pending_count(store) == 0

        assert local.switch_server(store, "id-of-a") == 1
        assert local.pending_count(store, "ann") == 1 and local.cursor(store, "events") == 0
        assert local.recorded_identity(store) == "id-of-a"
        assert local.switch_server(store, "id-of-a") == 0  # nothing acknowledged by anyone yet
