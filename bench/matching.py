"""Benchmark: matching claims against fact-checks, quality and speed.

    .venv/bin/python bench/matching.py [--small] [--sweep]

Quality on tests/eval/matching (team-written fact-checks and queries): MAP@5, precision@1, the share of
answerable queries whose right fact-check comes first above the threshold, and the share of no-match
queries wrongly matched above it, for the default Matcher and for a baseline in the same process
(bm25s with its own tokenizer, English stop words and stemmer, no re-ranker). ``--sweep`` prints the
threshold grid and the threshold that maximises matched-at-threshold minus false-match rate (how
matcher.THRESHOLD was chosen).

``match --input`` end to end and the refresh of stored matches, against Matcher.match_many.

Speed: one match against 10,000 fact-checks (target < 10 ms) and indexing 100,000 (target < 30 s,
< 300 MB), each also as a ratio to the baseline. The large corpora are the eval fact-checks plus
generated ones recombining their words. ``--small`` uses 2,000 and 5,000 for CI smoke runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import bm25s
import Stemmer

from claimreview.factchecks import evaluate
from claimreview.factchecks.matcher import THRESHOLD, Match, Matcher
from claimreview.factchecks.parse import FactCheck, parse_file

EVAL = Path(__file__).resolve().parent.parent / "tests" / "eval" / "matching"


class Baseline:
    """Plain bm25s: its tokenizer, English stop words, Snowball English; score = raw BM25."""

    def __init__(self, checks: list[FactCheck]) -> None:
        self.checks = checks
        self.stemmer = Stemmer.Stemmer("english")
        corpus = [f"{c.claim_reviewed} {c.headline or ''}" for c in checks]
        tokens = bm25s.tokenize(corpus, stopwords="en", stemmer=self.stemmer, show_progress=False)
        self.model = bm25s.BM25()
        self.model.index(tokens, show_progress=False)

    def match(self, text: str, top_k: int = 5) -> list[Match]:
        query = bm25s.tokenize([text], stopwords="en", stemmer=self.stemmer, show_progress=False)
        k = min(top_k, len(self.checks))
        docs, scores = self.model.retrieve(query, k=k, show_progress=False)
        return [
            Match(self.checks[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0
        ]


def synthetic(base: list[FactCheck], n: int, seed: int = 11) -> list[FactCheck]:
    rng = random.Random(seed)
    words = [w for c in base for w in f"{c.claim_reviewed} {c.headline or ''}".split()]
    out = list(base)
    for i in range(n - len(out)):
        claim = " ".join(rng.choice(words) for _ in range(rng.randint(8, 20)))
        head = " ".join(rng.choice(words) for _ in range(rng.randint(6, 12)))
        out.append(FactCheck(url=f"https://bench.example/{i}", claim_reviewed=claim, headline=head))
    return out[:n]


def quality(checks: list[FactCheck], queries: list[evaluate.Query], sweep: bool) -> None:
    matcher = Matcher(checks)
    results = matcher.match_many([q.text for q in queries], top_k=5)
    base = Baseline(checks)
    base_results = [base.match(q.text) for q in queries]
    ours = evaluate.score(results, queries, THRESHOLD)
    theirs = evaluate.score(base_results, queries, float("inf"))
    print(f"eval set: {len(checks)} fact-checks, {ours.answerable} answerable + {ours.unanswerable} no-match")
    print(f"{'ranker':<34} {'MAP@5':>6} {'P@1':>6} {'matched':>8} {'false':>6}")
    print(f"{'baseline bm25s (no threshold)':<34} {theirs.map_at_5:>6.3f} {theirs.precision_at_1:>6.3f}")
    print(
        f"{f'default (threshold {THRESHOLD})':<34} {ours.map_at_5:>6.3f} {ours.precision_at_1:>6.3f} "
        f"{ours.matched_at_threshold:>8.3f} {ours.false_match_rate:>6.3f}"
    )
    if sweep:
        best = (-1.0, 0.0)
        for step in range(4, 19):
            t = step * 0.05
            s = evaluate.score(results, queries, t)
            print(
                f"  threshold {t:.2f}: matched {s.matched_at_threshold:.3f}, false {s.false_match_rate:.3f}"
            )
            best = max(best, (s.matched_at_threshold - s.false_match_rate, -t))
        print(f"  best threshold (matched - false): {-best[1]:.2f}")


def timed_matches(match, texts: list[str]) -> float:
    times = []
    for text in texts:
        start = time.perf_counter()
        match(text, 5)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def speed(base: list[FactCheck], queries: list[evaluate.Query], n_match: int, n_index: int) -> None:
    texts = [q.text for q in queries] * 2
    checks = synthetic(base, n_match)
    matcher, baseline = Matcher(checks), Baseline(checks)
    ours, theirs = timed_matches(matcher.match, texts), timed_matches(baseline.match, texts)
    print(
        f"one match against {n_match:,}: median {ours * 1000:.2f} ms "
        f"(baseline {theirs * 1000:.2f} ms, x{ours / theirs:.1f}; target < 10 ms)"
    )
    big = synthetic(base, n_index)
    before = _rss_mb()
    start = time.perf_counter()
    index = Matcher(big)
    took = time.perf_counter() - start
    peak = _peak_rss_mb() - before  # measured before the baseline runs, so its peak is ours
    start = time.perf_counter()
    Baseline(big)
    base_s = time.perf_counter() - start
    print(
        f"index {n_index:,}: {took:.1f} s (baseline {base_s:.1f} s, x{took / base_s:.1f}; target < 30 s), "
        f"peak memory growth {peak:.0f} MB (target < 300 MB); {len(index):,} indexed"
    )


def cli_throughput(
    base: list[FactCheck], queries: list[evaluate.Query], n_checks: int, n_queries: int
) -> None:
    """`claimreview match --input` end to end (database read, index build, JSON lines out) and the
    stored-match refresh, against Matcher.match_many on the same texts in this process."""
    import io
    import json
    import tempfile
    from contextlib import redirect_stdout, suppress

    from claimreview.cli import app
    from claimreview.factchecks.refresh import refresh_matches
    from claimreview.models import NewClaim, NewDocument
    from claimreview.store import Store
    from claimreview.store import factchecks as stored

    checks = synthetic(base, n_checks)
    texts = [q.text for q in queries] * (n_queries // len(queries) + 1)
    texts = texts[:n_queries]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        qfile = Path(tmp) / "q.jsonl"
        qfile.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)))
        with Store.open(db) as store:
            stored.import_factchecks(store, checks)
            body = "\n".join(texts)
            offsets, at = [], 0
            for t in texts:
                offsets.append((at, at + len(t)))
                at += len(t) + 1
            claims = [
                NewClaim(text=t, start=a, end=b, extractor="bench", extractor_version="1")
                for t, (a, b) in zip(texts, offsets, strict=True)
            ]
            store.add_articles([(NewDocument(uri="bench", text=body), claims)])
        start = time.perf_counter()
        out = io.StringIO()
        with redirect_stdout(out), suppress(SystemExit):
            app(["match", "--input", str(qfile), "--db", str(db)], standalone_mode=False)
        cli_s = time.perf_counter() - start
        lines = out.getvalue().count("\n")
        start = time.perf_counter()
        matcher = Matcher(checks)
        build_s = time.perf_counter() - start
        start = time.perf_counter()
        matcher.match_many(texts, 5)
        base_s = time.perf_counter() - start
        with Store.open(db) as store:
            start = time.perf_counter()
            done = refresh_matches(store)
            refresh_s = time.perf_counter() - start
    print(
        f"match --input: {n_queries:,} queries against {n_checks:,} in {cli_s:.2f} s end to end "
        f"({n_queries / cli_s:,.0f} queries/s, {lines:,} result lines; baseline index build + "
        f"match_many {build_s + base_s:.2f} s, x{cli_s / (build_s + base_s):.2f})"
    )
    print(
        f"refresh of stored matches: {done.claims:,} claims in {refresh_s:.2f} s "
        f"({done.claims / refresh_s:,.0f} claims/s, {done.matches:,} matches above the threshold stored; "
        f"x{refresh_s / (build_s + base_s):.2f} of the baseline)"
    )


def _status_mb(key: str) -> float:
    """A /proc/self/status memory line in MB (Linux); tracemalloc slowed indexing threefold."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _rss_mb() -> float:
    return _status_mb("VmRSS")


def _peak_rss_mb() -> float:
    return _status_mb("VmHWM")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="2,000 / 5,000 fact-checks (CI smoke run)")
    parser.add_argument("--sweep", action="store_true", help="print the threshold grid")
    args = parser.parse_args(argv)
    checks = parse_file(EVAL / "factchecks.jsonl")
    queries = evaluate.load_queries(EVAL / "queries.jsonl")
    quality(checks, queries, args.sweep)
    speed(checks, queries, *((2_000, 5_000) if args.small else (10_000, 100_000)))
    cli_throughput(checks, queries, *((2_000, 500) if args.small else (10_000, 5_000)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
