"""Retrieval quality of a Matcher on a labelled query set: MAP@5, precision@1, false matches (pure).

A query file is JSON Lines: ``{"id": ..., "text": ..., "relevant": [review urls]}``; an empty
``relevant`` marks a query that no fact-check answers, which must not be matched above the threshold.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimreview.errors import InputError
from claimreview.factchecks.matcher import Match, Matcher


@dataclass(frozen=True, slots=True)
class Query:
    id: str
    text: str
    relevant: frozenset[str]


@dataclass(frozen=True, slots=True)
class Scores:
    map_at_5: float  # over queries that have a match
    precision_at_1: float  # over queries that have a match
    matched_at_threshold: float  # share of answerable queries whose right fact-check is first and above it
    false_match_rate: float  # share of no-match queries with any result above the threshold
    answerable: int
    unanswerable: int


def load_queries(path: str | Path) -> list[Query]:
    out = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            out.append(Query(str(row["id"]), row["text"], frozenset(row.get("relevant") or ())))
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(f"bad query line: {err}", path=path, line=number) from None
    return out


def average_precision(ranked: Sequence[str], relevant: frozenset[str], k: int = 5) -> float:
    hits, total = 0, 0.0
    for rank, url in enumerate(ranked[:k], start=1):
        if url in relevant:
            hits += 1
            total += hits / rank
    return total / min(len(relevant), k) if relevant else 0.0


def score(results: Sequence[Sequence[Match]], queries: Sequence[Query], threshold: float) -> Scores:
    """Scores of ranked ``results`` (one list per query, best first, unthresholded)."""
    ap = p1 = kept = false = 0.0
    answerable = unanswerable = 0
    for matches, query in zip(results, queries, strict=True):
        urls = [m.factcheck.url for m in matches]
        if query.relevant:
            answerable += 1
            ap += average_precision(urls, query.relevant)
            first = bool(urls) and urls[0] in query.relevant
            p1 += first
            kept += first and matches[0].score >= threshold
        else:
            unanswerable += 1
            false += bool(matches) and matches[0].score >= threshold
    return Scores(
        map_at_5=ap / max(answerable, 1),
        precision_at_1=p1 / max(answerable, 1),
        matched_at_threshold=kept / max(answerable, 1),
        false_match_rate=false / max(unanswerable, 1),
        answerable=answerable,
        unanswerable=unanswerable,
    )


def run(matcher: Matcher, queries: Sequence[Query], threshold: float | None = None) -> Scores:
    results = matcher.match_many([q.text for q in queries], top_k=5)
    return score(results, queries, matcher.threshold if threshold is None else threshold)
