"""The report's time section: verdicts per reviewer per day, and how long claims wait (pure).

Waits run from extraction (the document's ``added_at``) to a claim's first verdict, to its first
consensus and to its publication; the median over the claims that got there is shown. An event
recorded before its document was added (imported from elsewhere) says nothing about the wait here
and is left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from statistics import median

from claimreview import consensus as rules
from claimreview.export.report import ClaimRecord, EventRecord, Report

SETTLED = frozenset({rules.CONFIRMED, rules.DENIED, rules.UNVERIFIED, rules.NOT_CHECKWORTHY})


@dataclass(frozen=True, slots=True)
class Day:
    day: str  # YYYY-MM-DD (UTC)
    counts: tuple[int, ...]  # verdicts given that day, one per reviewer of Timing.reviewers
    total: int


@dataclass(frozen=True, slots=True)
class Wait:
    what: str  # "first verdict", "consensus", "publication"
    claims: int  # claims that got there (after extraction)
    median: str  # the median wait, human-readable; "" when no claim got there


@dataclass(frozen=True, slots=True)
class Timing:
    reviewers: list[str]
    days: list[Day]
    waits: list[Wait]


def _seconds(start: str, end: str) -> float | None:
    try:
        return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()
    except ValueError:
        return None


def duration(seconds: float) -> str:
    """``seconds`` as the two largest units: ``3 d 4 h``, ``2 h 5 min``, ``40 s``."""
    whole = int(seconds)
    days, rest = divmod(whole, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def _first_consensus(events: Sequence[EventRecord]) -> str | None:
    """When the claim first had a settled consensus (its events are in log order)."""
    for i, event in enumerate(events):
        if event.kind in (rules.REVIEW, rules.ADJUDICATION) and rules.consensus(events[: i + 1]) in SETTLED:
            return event.created_at
    return None


def _reached(claim: ClaimRecord) -> tuple[str | None, str | None, str | None]:
    reviews = [e.created_at for e in claim.events if e.kind == rules.REVIEW and e.label != rules.CLEARED]
    published = [
        e.created_at for e in claim.events if e.kind == rules.EDITORIAL and e.label == rules.PUBLISHED
    ]
    return (
        min(reviews) if reviews else None,
        _first_consensus(claim.events),
        min(published) if published else None,
    )


def build_timing(report: Report) -> Timing:
    per_day: Counter[tuple[str, str]] = Counter()
    for claim in report.claims:
        for event in claim.events:
            if event.kind == rules.REVIEW and event.label != rules.CLEARED:
                per_day[(event.created_at[:10], event.reviewer)] += 1
    reviewers = sorted({who for _day, who in per_day})
    days = []
    for day in sorted({day for day, _who in per_day}):
        counts = tuple(per_day[(day, who)] for who in reviewers)
        days.append(Day(day=day, counts=counts, total=sum(counts)))

    waits: tuple[list[float], list[float], list[float]] = ([], [], [])
    for claim in report.claims:
        added = claim.document.added_at
        if not added:
            continue
        for found, into in zip(_reached(claim), waits, strict=True):
            if found is not None:
                seconds = _seconds(added, found)
                if seconds is not None and seconds >= 0:
                    into.append(seconds)
    names = ("first verdict", "consensus", "publication")
    return Timing(
        reviewers=reviewers,
        days=days,
        waits=[
            Wait(what=name, claims=len(values), median=duration(median(values)) if values else "")
            for name, values in zip(names, waits, strict=True)
        ],
    )
