"""Every SQL statement on the local database lives in this package (no UI, no HTTP).

- ``schema``: opening, connection settings, migrations, sessions, error translation
- ``claims``: claim and document reads, listings, stats
- ``events``: the verdict event log and the consensus cache
- ``articles``: adding documents with their claims
- ``queue``: the review queue's snapshot index and page reads
- ``sync_state``: the outbox, pull cursors and sync metadata
- ``reports``: the bulk reads behind exports
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimreview.store.store import Store

BUSY_TIMEOUT_MS = 5000


def __getattr__(name: str) -> Any:
    # SQLAlchemy and SQLModel take ~0.3 s to import: modules that only name the store (type hints, the
    # report reads' column lists) must not pay that, nor must `claimreview --help` or the app's first frame.
    if name == "Store":
        from claimreview.store.store import Store

        return Store
    if name == "schema_version_expected":
        from claimreview.store.schema import schema_version_expected

        return schema_version_expected
    raise AttributeError(name)


__all__ = ["BUSY_TIMEOUT_MS", "Store", "schema_version_expected"]
