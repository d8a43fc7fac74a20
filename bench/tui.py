"""Benchmark the review app's start-up and keys, headless, against a bare Textual app in the same run.

    python bench/tui.py [--claims 100000,1000000] [--runs 3]
    python bench/tui.py --small          # 2,000 claims, one run, fewer keys: a few seconds, for CI

The baseline is a bare Textual app that draws one line and imports nothing else, started the same way
(a fresh process, `App.run_test`). For each database size, medians over the runs:
  first_frame_s   process start to the app's first frame (header and "loading"), python start included
  claims_s        process start to the first claims drawn (the store opened in a worker, the queue shown)
  key_ms          a key press (j) to the next claim drawn (keys are posted, not pilot.press: MEASURED.md)
  key_p95_ms      the same, 95th percentile
  verdict_ms      verdict key (action_verdict) to committed and shown
  rss_mb          peak resident memory after all of the above
Targets: first frame <= 1.5x the bare app's, claims on screen < 1 s, key < 50 ms, verdict < 5 ms,
rss < 300 MB. Before this start-up (issue 8), at 100,000 claims: key 16.9 ms, verdict 3.5 ms;
claims on screen took 3.3 s at 1,000,000.
"""

from __future__ import annotations

# Only sys and time at module level: the child processes time their own imports.
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def bare_child(started: float) -> dict[str, float]:
    import asyncio

    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("claimreview")

        def on_ready(self) -> None:
            self.first_frame = time.time() - started

    async def run() -> dict[str, float]:
        app = Bare()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
        return {"first_frame_s": app.first_frame}

    return asyncio.run(run())


def app_child(db: str, started: float, keys: int, verdicts: int) -> dict[str, float]:
    import asyncio
    from pathlib import Path

    from claimreview.tui.app import ClaimReviewApp

    class Timed(ClaimReviewApp):
        pushed: asyncio.Event

        def on_ready(self) -> None:
            self.first_frame = time.time() - started
            super().on_ready()

        def push_screen(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.pushed.set()
            return super().push_screen(*args, **kwargs)

    async def run() -> dict[str, float]:
        import statistics

        from textual import events

        app = Timed(Path(db), None)  # as `claimreview review` starts it: settings load in the worker
        result: dict[str, float] = {}
        app.pushed = asyncio.Event()
        async with app.run_test(size=(120, 40)) as pilot:
            # Waited for, not polled: a poll every few ms takes the GIL from the worker opening the store
            # (~0.1-0.2 s over its imports), which the real app, idle meanwhile, does not.
            await app.pushed.wait()
            from claimreview.tui.screens import ReviewScreen
            from claimreview.tui.widgets import ClaimQueue

            while not isinstance(app.screen, ReviewScreen) or not app.screen.is_mounted:
                await asyncio.sleep(0.002)
            drawn = asyncio.Event()
            app.screen.call_after_refresh(drawn.set)
            await drawn.wait()
            result["claims_s"] = time.time() - started
            result["first_frame_s"] = app.first_frame
            screen = app.screen
            queue = screen.query_one(ClaimQueue)  # looked up once: a DOM query per key would slow the app
            assert queue.current is not None
            await pilot.pause()

            timings = []
            for _ in range(keys):
                drawn = asyncio.Event()
                expected = queue.cursor + 1
                t0 = time.perf_counter()
                app.post_message(events.Key("j", "j"))
                while queue.cursor != expected:
                    await asyncio.sleep(0)
                screen.call_after_refresh(drawn.set)
                await drawn.wait()
                timings.append((time.perf_counter() - t0) * 1000)
            result["key_ms"] = statistics.median(timings)
            result["key_p95_ms"] = sorted(timings)[int(len(timings) * 0.95)]

            commits = []
            for _ in range(verdicts):
                t0 = time.perf_counter()
                screen.action_verdict("confirmed")  # returns after the commit and the UI update
                commits.append((time.perf_counter() - t0) * 1000)
                await asyncio.sleep(0)  # let the highlight of the next claim be handled, as between keys
            result["verdict_ms"] = statistics.median(commits)
            result["rss_mb"] = peak_rss_mb()
        app.close_store()
        return result

    return asyncio.run(run())


def peak_rss_mb() -> float:
    import resource
    from pathlib import Path

    # VmHWM starts afresh at exec; ru_maxrss can carry the parent's peak (it built the database).
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the parent: databases, fresh copies, alternated runs, medians, ratios ---------------------------


def build_db(path: Path, claims: int, per_doc: int = 50) -> None:
    import random

    from claimreview.models import NewClaim, NewDocument
    from claimreview.store import Store

    rnd = random.Random(1)
    words = ["the", "minister", "said", "unemployment", "fell", "by", "percent", "last", "year"]
    words += ["according", "to", "official", "figures", "while", "critics", "argued", "exports"]
    with Store.open(path) as store:
        batch = []
        for d in range(max(claims // per_doc, 1)):
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
            speakers = ["Jane Doe", None, "Minister Smith"]
            new_claims = [
                NewClaim(
                    text=s,
                    start=a,
                    end=b,
                    speaker=rnd.choice(speakers),
                    score=rnd.random(),
                    extractor="bench",
                    extractor_version="1",
                )
                for a, b, s in spans
            ]
            batch.append((document, new_claims))
            if len(batch) == 2000:  # bounded memory at 1,000,000 claims
                store.add_articles(batch)
                batch = []
        if batch:
            store.add_articles(batch)


def run_child(args: list[str]) -> dict[str, float]:
    import json
    import subprocess

    started = time.time()
    proc = subprocess.run(
        [sys.executable, __file__, *args, "--started", repr(started)], capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise SystemExit(f"bench child {args[:2]} failed:\n{proc.stderr[-3000:]}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def fresh_copy(db: Path) -> Path:
    import sqlite3
    from pathlib import Path

    fresh = db.with_name(f"{db.stem}-run.db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(fresh) + suffix).unlink(missing_ok=True)
    src, dst = sqlite3.connect(db), sqlite3.connect(fresh)
    src.backup(dst)
    src.close()
    dst.close()
    return fresh


def compiled_bytecode() -> str:
    """Compile claimreview's modules as `pip install` does, so the app is timed as users run it.

    From an editable checkout on a machine that sets PYTHONDONTWRITEBYTECODE=1 (this one does), every
    start would otherwise compile ~60 modules from source: ~70 ms that an installed wheel never pays.
    """
    import compileall
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("claimreview")
    assert spec is not None and spec.submodule_search_locations
    package = Path(next(iter(spec.submodule_search_locations)))
    compileall.compile_dir(package, quiet=1)
    return f"bytecode: compiled ({package}), as an installed wheel has it"


TARGETS = {"first_frame_s": "<= 1.5x bare", "claims_s": "< 1 s", "key_ms": "< 50", "verdict_ms": "< 5"}


def main() -> None:
    import argparse
    import json
    import statistics
    from pathlib import Path

    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", default="100000,1000000", help="comma-separated database sizes")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--small", action="store_true", help="2,000 claims, one run, 20 keys (CI)")
    parser.add_argument("--child", choices=("bare", "app"))
    parser.add_argument("--db")
    parser.add_argument("--started", type=float)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--verdicts", type=int, default=200)
    args = parser.parse_args()
    if args.child == "bare":
        print(json.dumps(bare_child(args.started)))
        return
    if args.child == "app":
        print(json.dumps(app_child(args.db, args.started, args.keys, args.verdicts)))
        return
    if args.small:
        args.claims, args.runs, args.keys, args.verdicts = "2000", 1, 20, 20
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(parents=True, exist_ok=True)
    sizes = [int(n) for n in args.claims.split(",")]
    print(compiled_bytecode(), flush=True)
    counts = ["--keys", str(args.keys), "--verdicts", str(args.verdicts)]
    failed = False
    for claims in sizes:
        db = out / f"tui-v2-{claims}.db"
        if not db.exists():
            t0 = time.perf_counter()
            # Built under another name and renamed when complete: a bench killed mid-build must not leave
            # a half-filled database that later runs would take as the cached one.
            partial = db.with_name(db.name + ".building")
            for stale in out.glob(partial.name + "*"):
                stale.unlink()
            build_db(partial, claims)
            partial.rename(db)
            print(f"built {db.name} in {time.perf_counter() - t0:.1f} s", flush=True)
        bare: list[dict[str, float]] = []
        app: list[dict[str, float]] = []
        for _ in range(args.runs):  # alternated, so machine noise hits both
            bare.append(run_child(["--child", "bare"]))
            app.append(run_child(["--child", "app", "--db", str(fresh_copy(db)), *counts]))
        floor = statistics.median(r["first_frame_s"] for r in bare)
        med = {key: statistics.median(r[key] for r in app) for key in app[0]}
        print(f"\n{claims:,} claims, {args.runs} run(s), medians; bare Textual app first frame {floor:.3f} s")
        print(f"{'metric':<15}{'app':>10}{'ratio':>8}   target")
        checks = {
            "first_frame_s": med["first_frame_s"] <= 1.5 * floor,
            "claims_s": med["claims_s"] < 1.0,
            "key_ms": med["key_ms"] < 50,
            "verdict_ms": med["verdict_ms"] < 5,
        }
        for key, value in med.items():
            ratio = f"{value / floor:>8.2f}" if key.endswith("_s") else " " * 8
            verdict = ("ok" if checks[key] else "MISSED") if key in checks else ""
            print(f"{key:<15}{value:>10.3f}{ratio}   {TARGETS.get(key, '')} {verdict}")
        failed |= not all(checks.values())
    if failed and not args.small:  # the small run is a smoke test: CI machines vary too much to judge
        sys.exit(1)


if __name__ == "__main__":
    main()
