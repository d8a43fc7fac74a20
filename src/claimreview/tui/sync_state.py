"""What the header says about sync, and the one sync client the app holds for its whole life.

No Textual here: the app's worker and the header use these, and they are tested without a terminal.
The sync client (httpx) is imported on the first sync, not before the app's first frame.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from claimreview.textsafe import one_line

if TYPE_CHECKING:
    from claimreview.sync.client import SyncClient

ClientFactory = Callable[[str, str], "SyncClient"]

PHASE_LABELS = {
    "publish": "publishing",
    "push": "sending",
    "documents": "receiving documents",
    "claims": "receiving claims",
    "events": "receiving verdicts",
}


def app_client(server: str, token: str) -> SyncClient:
    # Someone is looking at the header: give up after ~2 s of retries rather than the CLI's ~10 s.
    # The outbox is kept either way and the next `s` (or auto-sync) tries again.
    from claimreview.sync.client import SyncClient

    return SyncClient(server, token, retries=3)


def describe_progress(phase: str, done: int, total: int | None) -> str:
    label = PHASE_LABELS.get(phase, phase)
    if total:
        return f"syncing {min(100, 100 * done // total)}% ({label})"
    if done and total is None:
        return f"syncing ({label} {done:,})"
    return f"syncing ({label})"


def short_reason(error: Exception) -> str:
    """A few words for the header; the notification carries the full one-line message."""
    from claimreview.sync.client import AuthError, ForbiddenError, IncompatibleServer, ServerUnavailable

    if isinstance(error, ServerUnavailable):
        return "no connection"
    if isinstance(error, AuthError):
        return "token rejected"
    if isinstance(error, ForbiddenError):
        return "refused by the server"
    if isinstance(error, IncompatibleServer):
        return "incompatible server"
    text = one_line(str(error))
    return text if len(text) <= 40 else text[:39] + "…"


def format_sync_time(iso: str, now: datetime | None = None) -> str:
    """Local wall-clock time of a UTC ISO timestamp; the date too when it is not today."""
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return one_line(iso)[:16]
    today = (now or datetime.now().astimezone()).date()
    return when.strftime("%H:%M") if when.date() == today else when.strftime("%d %b %H:%M")


def sync_state_text(
    pending: int,
    last_sync: str | None,
    *,
    progress: str | None = None,
    failure: str | None = None,
    now: datetime | None = None,
) -> str:
    """The header's sync slot: "3 to send · synced 14:02", "never synced", "syncing 40% (sending)"."""
    if progress is not None:
        return progress
    parts = [f"{pending:,} to send"] if pending else []
    if failure is not None:
        parts.append(f"sync failed: {failure}")
    elif last_sync:
        parts.append(f"synced {format_sync_time(last_sync, now)}")
    else:
        parts.append("never synced")
    return " · ".join(parts)


class SyncConnection:
    """Server and token from the same places as `claimreview sync`; one SyncClient reused across syncs."""

    def __init__(self, server: str | None, factory: ClientFactory = app_client) -> None:
        self.server = server
        self.factory = factory
        self._client: SyncClient | None = None
        self._key: tuple[str, str] | None = None

    def client(self) -> SyncClient:
        """The client for the configured server; raises ClaimreviewError saying how to configure one."""
        # Resolved on every sync so that a token saved meanwhile by `claimreview sync` is picked up.
        from claimreview.sync import credentials

        creds = credentials.resolve(self.server, None)
        key = (creds.server, creds.token)
        if self._client is None or self._key != key:
            self.close()
            self._client = self.factory(creds.server, creds.token)
            self._key = key
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        self._client = None
        self._key = None
