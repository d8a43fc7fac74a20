"""Push then pull 10,000 verdict events between a client database and a server on loopback.

Each direction is timed twice in the same run, against the same server: through claimreview's sync
(outbox read, validation, push, acknowledgement / pull, insert, consensus) and as raw httpx sending or
fetching the same JSON bytes in the same batches. The ratio is the client's overhead over bare HTTP.

    python bench/sync.py [--events 10000] [--batch 500] [--no-postgres] [--small]

Target: under 2 s each way on SQLite, and a pull within 2x raw httpx. ``--small`` (500 events, SQLite
only) is the smoke run CI uses so that the bench cannot rot.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "server"))

from liveserver import PostgresDatabases, ServerProcess, add_account, sample_articles  # noqa: E402

from claimreview.store import Store  # noqa: E402
from claimreview.store import sync_state as local  # noqa: E402
from claimreview.sync.client import SyncClient  # noqa: E402
from claimreview.sync.run import run_sync  # noqa: E402

CLAIMS_PER_DOC = 100


def forget_events_after(store: Store, seq: int) -> None:
    """Drop the events pulled after ``seq`` (bench set-up only), so that they are pulled again."""
    from sqlalchemy import text

    with store.session() as session:
        session.connection().execute(text("DELETE FROM verdict_event WHERE server_seq > :s"), {"s": seq})
        session.commit()


def events_for(reviewer: str, claim_ids: list[str], n: int) -> list[dict[str, Any]]:
    return [
        {
            "id": str(uuid.uuid4()),
            "claim_id": claim_ids[i % len(claim_ids)],
            "reviewer": reviewer,
            "kind": "review",
            "label": ("confirmed", "denied", "unverified")[i % 3],
            "note": f"checked against source {i}",
            "sources": [{"url": f"https://example.org/report/{i}", "title": "report", "quote": ""}],
            "created_at": f"2024-01-01T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}.{i % 10**6:06d}Z",
            "replaces": None,
        }
        for i in range(n)
    ]


class Phases:
    """Times sync phases from the progress callback (a phase ends when the next one starts)."""

    def __init__(self) -> None:
        self.starts: list[tuple[str, float]] = []

    def __call__(self, phase: str, _done: int, _total: int | None) -> None:
        if not self.starts or self.starts[-1][0] != phase:
            self.starts.append((phase, time.perf_counter()))

    def duration(self, phase: str, end: float) -> float:
        for i, (name, t) in enumerate(self.starts):
            if name == phase:
                following = self.starts[i + 1][1] if i + 1 < len(self.starts) else end
                return following - t
        return 0.0


def run(db_url: str, label: str, folder: Path, n: int, batch: int) -> dict[str, float]:
    admin = add_account(db_url, "admin", "admin")
    tokens = {name: add_account(db_url, name) for name in ("alice", "bob", "raw")}
    server = ServerProcess(db_url, folder).start()
    try:
        # 1,000 published claims, 10 events each.
        docs = max(1, n // 10 // CLAIMS_PER_DOC)
        with Store.open(folder / f"{label}-admin.db") as store, SyncClient(server.url, admin) as client:
            store.add_articles(sample_articles(documents=docs, claims_per_document=CLAIMS_PER_DOC, tag="b"))
            run_sync(store, client)
            claim_ids = [row.id for row in store.list_claims()]

        # Baseline push: the same kind of JSON, the same batch size, raw httpx.
        raw = events_for("raw", claim_ids, n)
        bodies = [
            json.dumps({"events": raw[i : i + batch]}, ensure_ascii=False).encode()
            for i in range(0, n, batch)
        ]
        headers = {"Authorization": f"Bearer {tokens['raw']}", "Content-Type": "application/json"}
        with httpx.Client(base_url=server.url, headers=headers, timeout=60) as http:
            t0 = time.perf_counter()
            for body in bodies:
                response = http.post("/api/v1/events", content=body)
                response.raise_for_status()
            raw_push = time.perf_counter() - t0
            # Pulls start after the baseline's events, so both pulls fetch alice's n events.
            raw_last_seq = int(response.json()["results"][-1]["seq"])

        # claimreview push: alice's outbox of n events.
        with (
            Store.open(folder / f"{label}-alice.db") as alice,
            SyncClient(server.url, tokens["alice"]) as client,
        ):
            # The first sync records the server (and resets cursors): only then can a cursor be set.
            run_sync(alice, client)
            alice.insert_events([{**e, "server_seq": None} for e in events_for("alice", claim_ids, n)])
            phases = Phases()
            run_sync(alice, client, progress=phases, batch_size=batch)
            push = phases.duration("push", time.perf_counter())
            assert local.pending_count(alice) == 0

        # Baseline pull: fetch alice's n events, page by page, as raw JSON.
        with httpx.Client(base_url=server.url, headers=headers, timeout=60) as http:
            t0 = time.perf_counter()
            after, pulled = raw_last_seq, 0
            while True:
                page = http.get("/api/v1/events", params={"after": after, "limit": 1000}).json()
                pulled += len(page["items"])
                after = page["next_after"]
                if not page["more"]:
                    break
            raw_pull = time.perf_counter() - t0

        # claimreview pull into a fresh client database that already has the claims.
        with Store.open(folder / f"{label}-bob.db") as bob, SyncClient(server.url, tokens["bob"]) as client:
            # Claims first (a fresh database syncs everything), then pull alice's events again from
            # where the baseline started: forget them locally and set the cursor back.
            run_sync(bob, client)
            forget_events_after(bob, raw_last_seq)
            local.set_cursor(bob, "events", raw_last_seq)
            phases = Phases()
            report = run_sync(bob, client, progress=phases)
            pull = phases.duration("events", time.perf_counter())
            assert report.pulled_events == pulled == n, (report.pulled_events, pulled)
    finally:
        server.stop()
    return {"push": push, "raw_push": raw_push, "pull": pull, "raw_pull": raw_pull, "pulled": pulled}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--small", action="store_true", help="smoke run: 500 events, SQLite only")
    args = parser.parse_args()
    if args.small:
        args.events, args.no_postgres = 500, True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # Keep the bench away from the user's config and data.
        os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
        os.environ["XDG_DATA_HOME"] = str(folder / "data")
        targets: list[tuple[str, str]] = [("sqlite", f"sqlite:///{folder / 'server.db'}")]
        pg: PostgresDatabases | None = None
        if not args.no_postgres:
            try:
                pg = PostgresDatabases()
                targets.append(("postgresql", pg.new()))
            except ConnectionError as exc:
                print(f"postgresql: skipped ({exc})")
        try:
            for label, url in targets:
                r = run(url, label, folder, args.events, args.batch)
                print(
                    f"{label:10} push {args.events} events: {r['push']:.2f} s "
                    f"(raw httpx {r['raw_push']:.2f} s, ratio {r['push'] / r['raw_push']:.2f}x)   "
                    f"pull {int(r['pulled'])} events: {r['pull']:.2f} s "
                    f"(raw httpx {r['raw_pull']:.2f} s, ratio {r['pull'] / r['raw_pull']:.2f}x)"
                )
        finally:
            if pg is not None:
                pg.drop_all()


if __name__ == "__main__":
    main()
