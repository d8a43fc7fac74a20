"""Benchmark the review app at 100,000 claims, headless, against a bare Textual app in the same run.

    python bench/tui.py [--claims 100000] [--runs 3]

Measures, for the app and for a bare Textual app that draws the same first rows from the same
database (one Static, rows read with sqlite3):
  launch      process start to the first frame drawn (python start and imports included)
  key         a key press (j) to the next claim drawn (keys are posted, not pilot.press: MEASURED.md)
  verdict     verdict key to committed (the bare app calls Store.append_event in its key handler)
  rss         peak resident memory after all of the above
and prints each as a ratio app / bare. Targets: launch < 1 s, key < 50 ms, verdict < 5 ms median,
rss < 300 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
KEYS = 200
VERDICTS = 200
TARGETS = {"launch_s": 1.0, "key_ms": 50.0, "verdict_ms": 5.0, "rss_mb": 300.0}


def build_db(path: Path, claims: int, per_doc: int = 50) -> None:
    from claimreview.models import NewClaim, NewDocument
    from claimreview.store import Store

    rnd = random.Random(1)
    words = ["the", "minister", "said", "unemployment", "fell", "by", "percent", "last", "year"]
    words += ["according", "to", "official", "figures", "while", "critics", "argued", "exports"]
    articles = []
    for d in range(claims // per_doc):
        text, spans = "", []
        for i in range(per_doc):
            sentence = " ".join(rnd.choice(words) for _ in range(18)).capitalize() + f" {d}-{i}."
            start = len(text)
            text += sentence
            spans.append((start, len(text), sentence))
            text += " " if i % 5 else "\n\n"
        document = NewDocument(
            uri=f"https://news.example/{d}", title=f"Article {d}", text=text, publisher="Example News"
        )
        new_claims = [
            NewClaim(
                text=s,
                start=a,
                end=b,
                speaker=rnd.choice(["Jane Doe", None, "Minister Smith"]),
                score=rnd.random(),
                extractor="bench",
                extractor_version="1",
            )
            for a, b, s in spans
        ]
        articles.append((document, new_claims))
    with Store.open(path) as store:
        store.add_articles(articles)


# -- the child process: one app, timed from inside ------------------------------------------------


def peak_rss_mb() -> float:
    # VmHWM starts afresh at exec; ru_maxrss can carry the parent's peak (it built the database).
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def first_rows(db: Path, n: int = 40) -> list[str]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT c.consensus, c.score, coalesce(c.speaker, ''), c.text FROM claim c "
        "JOIN document d ON d.id = c.document_id WHERE c.consensus = 'unreviewed' "
        "ORDER BY d.added_at, c.document_id, c.start LIMIT ?",
        (n,),
    ).fetchall()
    conn.close()
    return [f"· {score:4.2f} {speaker[:10]:10} {text[:60]}" for _, score, speaker, text in rows]


async def child(kind: str, db: Path, started: float) -> dict[str, Any]:
    from rich.text import Text
    from textual import events
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from claimreview.config import Settings
    from claimreview.store import Store
    from claimreview.tui.app import ClaimReviewApp
    from claimreview.tui.screens import ReviewScreen
    from claimreview.tui.widgets import ClaimQueue

    ready = asyncio.Event()
    store = Store.open(db)

    class Bare(App[None]):
        """The floor: a Static with the same first rows, a cursor moved by j, a commit on c."""

        def __init__(self) -> None:
            super().__init__()
            self.cursor = 0
            self.rows = first_rows(db)
            self.claim_ids = [r.id for r in store.list_claims(status="unreviewed", limit=VERDICTS + 1)]

        def compose(self) -> ComposeResult:
            yield Static(id="rows")

        def on_mount(self) -> None:
            self.draw()

        def draw(self) -> None:
            text = Text()
            for i, row in enumerate(self.rows):
                text.append(row + "\n", style="reverse" if i == self.cursor % len(self.rows) else "")
            self.query_one("#rows", Static).update(text)

        def on_key(self, event: events.Key) -> None:
            if event.key == "j":
                self.cursor += 1
                self.draw()

        def commit(self, n: int) -> None:
            store.append_event(self.claim_ids[n], "bench", "confirmed")

        def on_ready(self) -> None:
            ready.set()

    class Timed(ClaimReviewApp):
        def on_ready(self) -> None:
            ready.set()

    app: App[None] = Bare() if kind == "bare" else Timed(store, "bench", Settings())
    result: dict[str, Any] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await ready.wait()
        result["launch_s"] = time.time() - started
        await pilot.pause()

        queue = None if isinstance(app, Bare) else app.screen.query_one(ClaimQueue)

        def position() -> int:
            # Looked up once: a DOM query in this busy loop would slow the app it measures.
            return app.cursor if isinstance(app, Bare) else queue.cursor  # type: ignore[union-attr]

        timings = []
        for _ in range(KEYS):
            drawn = asyncio.Event()
            expected = position() + 1
            t0 = time.perf_counter()
            app.post_message(events.Key("j", "j"))
            while position() != expected:
                await asyncio.sleep(0)
            app.screen.call_after_refresh(drawn.set)
            await drawn.wait()
            timings.append((time.perf_counter() - t0) * 1000)
        result["key_ms"] = statistics.median(timings)
        result["key_p95_ms"] = sorted(timings)[int(len(timings) * 0.95)]

        commits = []
        for n in range(VERDICTS):
            t0 = time.perf_counter()
            if isinstance(app, Bare):
                app.commit(n)
            else:
                screen = app.screen
                assert isinstance(screen, ReviewScreen)
                screen.action_verdict("confirmed")  # returns after the commit and the UI update
            commits.append((time.perf_counter() - t0) * 1000)
        result["verdict_ms"] = statistics.median(commits)
        result["rss_mb"] = peak_rss_mb()
    store.close()
    return result


# -- the parent: fresh copies of the database, runs alternated, medians, ratios ------------------


def run_child(kind: str, db: Path) -> dict[str, Any]:
    fresh = db.with_name(f"{db.stem}-{kind}.db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(fresh) + suffix).unlink(missing_ok=True)
    src = sqlite3.connect(db)
    dst = sqlite3.connect(fresh)
    src.backup(dst)
    src.close()
    dst.close()
    started = time.time()
    proc = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--db", str(fresh), "--started", repr(started)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--started", type=float)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(child(args.child, args.db, args.started))))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / f"tui-{args.claims}.db"
    if not db.exists():
        t0 = time.perf_counter()
        build_db(db, args.claims)
        print(f"built {db} in {time.perf_counter() - t0:.1f} s")
    results: dict[str, list[dict[str, Any]]] = {"app": [], "bare": []}
    for _ in range(args.runs):
        for kind in ("bare", "app"):  # alternate, so machine noise hits both
            results[kind].append(run_child(kind, db))
    print(f"{args.claims} claims, {args.runs} run(s), medians; ratio = app / bare Textual app")
    print(f"{'metric':<12}{'app':>10}{'bare':>10}{'ratio':>8}{'target':>10}")
    for metric, target in TARGETS.items():
        app_value = statistics.median(r[metric] for r in results["app"])
        bare_value = statistics.median(r[metric] for r in results["bare"])
        ok = "ok" if app_value < target else "MISSED"
        print(
            f"{metric:<12}{app_value:>10.3f}{bare_value:>10.3f}{app_value / bare_value:>8.2f}"
            f"{'< ' + str(target):>10} {ok}"
        )
    p95 = statistics.median(r["key_p95_ms"] for r in results["app"])
    print(f"key p95 (app): {p95:.1f} ms")


if __name__ == "__main__":
    main()
