"""Client side of sync: the outbox of unacknowledged events, pull cursors, the HTTP client, the protocol.

- ``sync.client.SyncClient``: one httpx client per server, with retry and one-line errors.
- ``sync.run.run_sync(store, client, progress=...)``: push the outbox, pull documents, claims, events.
- ``store.sync_state``: ``pending_count(store)``, ``last_sync_time(store)`` and the other local queries.
- ``sync.adjudication``: disputed claims and how an adjudicator settles one.
"""
