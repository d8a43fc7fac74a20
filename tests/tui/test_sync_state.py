"""The header's sync slot text and the app's one sync client (no terminal, no server)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claimreview.errors import ClaimreviewError
from claimreview.sync.client import AuthError, ServerUnavailable
from claimreview.tui.sync_state import (
    SyncConnection,
    describe_progress,
    format_sync_time,
    short_reason,
    sync_state_text,
)

NOW = datetime(2026, 3, 5, 14, 30, tzinfo=UTC).astimezone()


def test_slot_text() -> None:
    assert sync_state_text(0, None) == "never synced"
    assert sync_state_text(3, None) == "3 to send · never synced"
    when = format_sync_time("2026-03-05T14:02:00.000000Z", NOW)
    assert sync_state_text(3, "2026-03-05T14:02:00.000000Z", now=NOW) == f"3 to send · synced {when}"
    assert sync_state_text(0, "2026-03-05T14:02:00.000000Z", failure="token rejected") == (
        "sync failed: token rejected"
    )
    assert sync_state_text(3, None, progress="syncing 40% (sending)") == "syncing 40% (sending)"


def test_sync_time_shows_the_date_when_not_today() -> None:
    assert len(format_sync_time("2026-03-05T14:02:00.000000Z", NOW)) == 5  # HH:MM
    assert "Mar" in format_sync_time("2026-03-01T14:02:00.000000Z", NOW)
    assert format_sync_time("garbage\x1b", NOW) == "garbage␛"


def test_progress_text() -> None:
    assert describe_progress("push", 2, 5) == "syncing 40% (sending)"
    assert describe_progress("push", 0, 0) == "syncing (sending)"
    assert describe_progress("events", 1200, None) == "syncing (receiving verdicts 1,200)"
    assert describe_progress("claims", 0, None) == "syncing (receiving claims)"


def test_short_reasons() -> None:
    assert short_reason(ServerUnavailable("cannot reach ...")) == "no connection"
    assert short_reason(AuthError("rejected")) == "token rejected"
    assert len(short_reason(ClaimreviewError("x" * 100))) == 40


def test_connection_says_how_to_configure_and_reuses_one_client(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[tuple[str, str]] = []

    class FakeClient:
        def __init__(self, server: str, token: str) -> None:
            made.append((server, token))
            self.closed = False

        def close(self) -> None:
            self.closed = True

    connection = SyncConnection(None, FakeClient)  # type: ignore[arg-type]
    with pytest.raises(ClaimreviewError, match="claimreview sync --server URL --token TOKEN"):
        connection.client()
    monkeypatch.setenv("CLAIMREVIEW_SERVER", "http://127.0.0.1:9")
    monkeypatch.setenv("CLAIMREVIEW_TOKEN", "t1")
    first = connection.client()
    assert connection.client() is first and made == [("http://127.0.0.1:9", "t1")]
    monkeypatch.setenv("CLAIMREVIEW_TOKEN", "t2")  # a new token: the old client is closed, a new one made
    second = connection.client()
    assert second is not first and first.closed  # type: ignore[attr-defined]
    connection.close()
    assert second.closed  # type: ignore[attr-defined]
