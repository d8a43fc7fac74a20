"""Insert 100,000 claims and list them through the Store, against raw sqlite3 on the same rows.

Run: python bench/store.py [N]
Prints seconds for each path and the ratio Store / raw sqlite3 (target: within 3x).
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from claimreview.ids import claim_id, document_id, sha256_text
from claimreview.models import NewClaim, NewDocument
from claimreview.paths import migrations_dir
from claimreview.store import Store

CLAIMS_PER_DOC = 100


def build_corpus(n_claims: int) -> list[tuple[NewDocument, list[NewClaim]]]:
    articles = []
    for d in range(n_claims // CLAIMS_PER_DOC):
        sentences = [
            f"Officials in district {d} said {s * 37 + d} people were moved on day {s}, "
            f"according to the regional office, which counted {s * 11} buses in convoy {d}-{s}."
            for s in range(CLAIMS_PER_DOC)
        ]
        text = " ".join(sentences)
        claims, pos = [], 0
        for sentence in sentences:
            claims.append(
                NewClaim(
                    text=sentence,
                    start=pos,
                    end=pos + len(sentence),
                    speaker="the regional office",
                    score=0.7,
                    extractor="bench",
                    extractor_version="1",
                )
            )
            pos += len(sentence) + 1
        articles.append((NewDocument(uri=f"bench/{d}.txt", title=f"Article {d}", text=text), claims))
    return articles


def raw_rows(articles: list[tuple[NewDocument, list[NewClaim]]]) -> tuple[list[tuple], list[tuple]]:
    docs, claims = [], []
    for doc, doc_claims in articles:
        sha = sha256_text(doc.text)
        docs.append((document_id(sha), doc.uri, doc.title, doc.text, sha, "2026-01-01T00:00:00.000000Z"))
        for c in doc_claims:
            claims.append(
                (
                    claim_id(sha, c.start, c.end),
                    document_id(sha),
                    c.text,
                    c.start,
                    c.end,
                    c.speaker,
                    c.score,
                    c.extractor,
                    c.extractor_version,
                )
            )
    return docs, claims


def raw_insert(path: Path, docs: list[tuple], claims: list[tuple]) -> float:
    conn = sqlite3.connect(path)
    conn.executescript((migrations_dir() / "0001_initial.sql").read_text())
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    start = time.perf_counter()
    with conn:
        conn.executemany(
            "INSERT INTO document (id, uri, title, text, sha256, added_at) VALUES (?, ?, ?, ?, ?, ?)", docs
        )
        conn.executemany(
            'INSERT INTO claim (id, document_id, text, start, "end", speaker, score, extractor, '
            "extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            claims,
        )
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def raw_list(path: Path) -> tuple[float, int]:
    conn = sqlite3.connect(path)
    start = time.perf_counter()
    rows = conn.execute(
        'SELECT c.id, c.document_id, d.uri, d.title, c.text, c.start, c."end", c.speaker, c.score, '
        "c.consensus FROM claim c JOIN document d ON d.id = c.document_id "
        "ORDER BY d.added_at, c.document_id, c.start"
    ).fetchall()
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed, len(rows)


def main() -> None:
    # `--small`: CI's smoke run, so that the bench cannot rot unnoticed.
    arg = sys.argv[1] if len(sys.argv) > 1 else "100000"
    n = 2_000 if arg == "--small" else int(arg)
    articles = build_corpus(n)
    docs, claims = raw_rows(articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        raw_ins = raw_insert(folder / "raw.db", docs, claims)
        raw_sel, raw_n = raw_list(folder / "raw.db")

        store = Store.open(folder / "store.db")
        start = time.perf_counter()
        result = store.add_articles(articles)
        store_ins = time.perf_counter() - start
        start = time.perf_counter()
        listed = store.list_claims()
        store_sel = time.perf_counter() - start
        store.close()

    assert result.claims_added == n == raw_n == len(listed), (result, raw_n, len(listed))
    print(f"claims: {n:,} in {len(articles):,} documents")
    print(f"{'path':<10}{'raw sqlite3':>14}{'Store':>12}{'ratio':>9}  target")
    print(f"{'insert':<10}{raw_ins:>13.3f}s{store_ins:>11.3f}s{store_ins / raw_ins:>8.2f}x  <= 3x")
    print(f"{'list':<10}{raw_sel:>13.3f}s{store_sel:>11.3f}s{store_sel / raw_sel:>8.2f}x  <= 3x")


if __name__ == "__main__":
    main()
