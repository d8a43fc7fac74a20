"""Benchmark: export 100,000 reviewed claims to every format (target: under 3 s each).

    .venv/bin/python bench/export.py [--claims N] [--rebuild]

The database is built once into bench/out/ and reused. For each format the time covers the whole
``write_export`` call (reading the store, building the report, writing the file). Each time is also
given as a ratio to ``json.dumps`` of the same claim rows (with their verdicts) measured in the same
run, which makes the numbers comparable across machines.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.export import FORMATS, build_report
from claimreview.ids import claim_id, document_id, sha256_text
from claimreview.publish.export import write_export
from claimreview.store import Store

OUT = Path(__file__).resolve().parent / "out"
CLAIMS_PER_DOC = 20
SUFFIX = {"md": "md", "html": "html", "csv": "csv", "jsonl": "jsonl", "claimreview": "json"}
_WORD_TEXT = (
    "government officials said the army ministry reported drones shot down overnight prices rose "
    "percent according to statistics office agencies families left region since january talks "
    "resumed capital week silence negotiators expected meet again council committee"
)
WORDS = _WORD_TEXT.split()


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 18))]
    return f"{' '.join(words).capitalize()} {n}."


def build_db(path: Path, claims: int, seed: int = 7) -> None:
    """Documents of CLAIMS_PER_DOC sentences each, every sentence a claim; most of them reviewed."""
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    Store.open(path).close()  # schema via the real migrations
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    docs = []
    claim_rows = []
    events = []
    reviewers = ("alice", "bob", "chen")
    labels = (rules.CONFIRMED, rules.DENIED, rules.UNVERIFIED)
    n_docs = (claims + CLAIMS_PER_DOC - 1) // CLAIMS_PER_DOC
    seq = 0
    for d in range(n_docs):
        sentences = [_sentence(rng, d * CLAIMS_PER_DOC + i) for i in range(CLAIMS_PER_DOC)]
        text = " ".join(sentences)
        sha = sha256_text(text)
        doc_id = document_id(sha)
        added = f"2024-01-01T00:00:{d % 60:02d}.{d:06d}Z"
        docs.append(
            (
                doc_id,
                f"articles/{d}.html",
                f"Article {d}",
                "Bench News",
                "2024-01-01",
                f"https://news.example.org/{d}",
                text,
                sha,
                added,
            )
        )
        offset = 0
        for sentence in sentences:
            if len(claim_rows) >= claims:
                break
            start, end = offset, offset + len(sentence)
            offset = end + 1
            cid = claim_id(sha, start, end)
            speaker = rng.choice((None, "Ministry of Defence", "Jane Doe", "UNHCR"))
            current: dict[str, str] = {}
            if rng.random() < 0.85:
                for who in reviewers[: rng.choice((1, 2, 2, 3))]:
                    label = labels[0] if rng.random() < 0.7 else rng.choice(labels)
                    previous = None
                    if rng.random() < 0.15:  # changed their mind once: history to export
                        seq += 1
                        previous = f"ev-{seq}"
                        events.append(
                            (
                                previous,
                                cid,
                                who,
                                "review",
                                rng.choice(labels),
                                "first look",
                                "[]",
                                f"2024-02-01T00:00:00.{seq:06d}Z",
                                None,
                            )
                        )
                    seq += 1
                    sources = (
                        json.dumps(
                            [
                                {
                                    "url": f"https://evidence.example/{seq}",
                                    "title": "Evidence",
                                    "quote": "a quote from the source",
                                }
                            ]
                        )
                        if rng.random() < 0.4
                        else "[]"
                    )
                    events.append(
                        (
                            f"ev-{seq}",
                            cid,
                            who,
                            "review",
                            label,
                            "checked against the source",
                            sources,
                            f"2024-03-01T00:00:00.{seq:06d}Z",
                            previous,
                        )
                    )
                    current[who] = label
            consensus = rules.consensus_of_labels(current.values())
            claim_rows.append(
                (cid, doc_id, sentence, start, end, speaker, rng.random(), "bench", "1", consensus)
            )
    with conn:
        conn.executemany("INSERT INTO document VALUES (?,?,?,?,?,?,?,?,?)", docs)
        conn.executemany(
            'INSERT INTO claim (id, document_id, text, start, "end", speaker, score, extractor, '
            "extractor_version, consensus) VALUES (?,?,?,?,?,?,?,?,?,?)",
            claim_rows,
        )
        conn.executemany(
            "INSERT INTO verdict_event (id, claim_id, reviewer, kind, label, note, sources, created_at, "
            "replaces) VALUES (?,?,?,?,?,?,?,?,?)",
            events,
        )
    conn.close()


def json_baseline(store: Store) -> tuple[float, int]:
    """Seconds for json.dumps of every claim row with its current verdicts, as `claims --json` shapes them."""
    report = build_report(store)
    rows = [
        {
            "id": c.id,
            "document_id": c.document_id,
            "document_uri": c.document.uri,
            "document_title": c.document.title,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "speaker": c.speaker,
            "score": c.score,
            "consensus": c.consensus,
            "verdicts": [
                {
                    "reviewer": e.reviewer,
                    "label": e.label,
                    "note": e.note,
                    "sources": e.sources,
                    "created_at": e.created_at,
                }
                for e in c.verdicts.values()
            ],
        }
        for c in report.claims
    ]
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        json.dumps(rows, ensure_ascii=False)
        best = min(best, time.perf_counter() - started)
    return best, len(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--repeat", type=int, default=2, help="runs per format; the best is reported")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / f"export-{args.claims}.db"
    if args.rebuild or not db.exists():
        started = time.perf_counter()
        build_db(db, args.claims)
        print(f"built {db} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    settings = Settings(organization_name="Bench Checks", review_base_url="https://checks.example.org/r/")
    with Store.open(db, create=False) as store:
        started = time.perf_counter()
        report = build_report(store)
        load = time.perf_counter() - started
        baseline, rows = json_baseline(store)
        print(f"{rows} claims, {report.event_count} events, {len(report.documents)} documents")
        print(f"build_report alone: {load:.2f} s")
        print(f"json.dumps of the same {rows} rows: {baseline:.3f} s")
        # CPU seconds are printed too: on a shared machine they vary less than wall time.
        print(f"{'format':<12} {'seconds':>8} {'cpu s':>8} {'x json':>8} {'MB':>7}  target < 3 s")
        failed = False
        for fmt in FORMATS:
            out = OUT / f"export.{SUFFIX[fmt]}"
            best = best_cpu = float("inf")
            for _ in range(args.repeat):
                started, started_cpu = time.perf_counter(), time.process_time()
                write_export(store, fmt, out, settings=settings)
                best = min(best, time.perf_counter() - started)
                best_cpu = min(best_cpu, time.process_time() - started_cpu)
            size = out.stat().st_size / 1e6
            ok = "ok" if best < 3 else "SLOW"
            failed |= best >= 3
            print(f"{fmt:<12} {best:>8.2f} {best_cpu:>8.2f} {best / baseline:>8.1f} {size:>7.1f}  {ok}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
