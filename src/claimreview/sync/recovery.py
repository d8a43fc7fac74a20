"""Noticing that the server's log went backwards (restore, failover) and recovering from it.

The server draws a new log epoch when its log may have lost acknowledged events (``server.epoch``).
Before pushing, a client compares the epoch it last saw, and otherwise asks the server to confirm the
latest event it saw acknowledged and its pull cursor (one small request). Either way, a log that went
backwards means: every event here goes back in the outbox (pushes are idempotent: what the server still
has comes back as "known") and every feed is pulled again from the start.
"""

from __future__ import annotations

from typing import Any

from claimreview import wire
from claimreview.store import Store
from claimreview.store import sync_state as local
from claimreview.sync.client import SyncClient

EPOCH_CHANGED = "the server's log epoch changed (restored from a backup or failed over)"
LOG_LOST = "the server no longer has events it had acknowledged (restored from a backup or failed over)"


def check_log(store: Store, client: SyncClient, health: dict[str, Any], identity: str) -> tuple[str, int]:
    """Recover if the server's log went backwards; returns (why, events queued again) or ("", 0)."""
    epoch = health.get("log_epoch")
    if not isinstance(epoch, str) or not epoch:
        return "", 0  # a server too old to keep epochs
    recorded = local.get_meta(store, local.LOG_EPOCH_KEY)
    reason = ""
    if recorded is not None and recorded != epoch:
        reason = EPOCH_CHANGED
    else:
        seq, event_id = local.latest_acknowledged(store)
        cursor = local.cursor(store, "events")
        if seq or cursor:
            check = wire.LogCheck(epoch=recorded or epoch, seq=seq, event_id=event_id, cursor=cursor)
            answer = client.check_log(check)
            if not answer.holds:
                reason, epoch = LOG_LOST, answer.log_epoch
    requeued = local.switch_server(store, identity) if reason else 0
    local.set_meta(store, {local.LOG_EPOCH_KEY: epoch})
    return reason, requeued
