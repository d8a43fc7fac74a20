"""The report's time section: verdicts per reviewer per day, how long claims wait, and the timeline of
consensus changes and settled disputes (export/timeline.py) (pure).

Waits run from extraction (the document's ``added_at``) to a claim's first verdict, to its first
consensus and to its publication; the median over the claims that got there is shown. An event
recorded before its document was added (imported from elsewhere) says nothing about the wait here
and is left out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from statistics import median

from claimreview import consensus as rules
from claimreview.export.report import ClaimRecord, Report
from claimreview.export.timeline import (
    Step,
    Timeline,
    build_timeline,
    consensus_steps,
    duration,
    seconds_between,
)

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
    timeline: Timeline


def _reached(claim: ClaimRecord, steps: list[Step]) -> tuple[str | None, str | None, str | None]:
    first_review: str | None = None
    first_published: str | None = None
    for e in claim.events:  # one pass: a report runs this for every claim
        if e.kind == rules.REVIEW:
            if e.label != rules.CLEARED and (first_review is None or e.created_at < first_review):
                first_review = e.created_at
        elif (
            e.kind == rules.EDITORIAL
            and e.label == rules.PUBLISHED
            and (first_published is None or e.created_at < first_published)
        ):
            first_published = e.created_at
    # The first settled consensus: the consensus starts unreviewed, so reaching one is always a step.
    settled = next((step.at for step in steps if step.after in SETTLED), None)
    return first_review, settled, first_published


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

    steps = {claim.id: consensus_steps(claim.events) for claim in report.claims if claim.events}
    waits: tuple[list[float], list[float], list[float]] = ([], [], [])
    for claim in report.claims:
        added = claim.document.added_at
        if not added:
            continue
        for found, into in zip(_reached(claim, steps.get(claim.id, [])), waits, strict=True):
            if found is not None:
                seconds = seconds_between(added, found)
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
        timeline=build_timeline(report, steps),
    )
