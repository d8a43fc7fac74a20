"""The report's timeline: every change of a claim's consensus, and the disputes that were settled (pure).

Computed from the event log the report already holds (each claim's history, oldest first): the
consensus is worked out again after each verdict or adjudication (``consensus.consensus`` of the log
so far, the one rule), and a step is kept wherever it differs from the one before. A step out of
``disputed`` is a settled dispute: who settled it (an adjudicator's ruling, or a reviewer changing or
withdrawing a verdict) and how long it had been open.

Both lists are newest first and cut to ``LIMIT`` entries: an editor opens a report to see what moved
lately, and a desk's whole history would bury that (every claim's full history is in its own section).
The counts of what was cut come with them, so the report says how much more there is.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from statistics import median

from claimreview import consensus as rules
from claimreview.export.report import EventRecord, Report

LIMIT = 50  # entries shown in each list; the rest are counted

VERDICT = "verdict"
ADJUDICATION = "adjudication"
VERDICT_WITHDRAWN = "verdict withdrawn"
ADJUDICATION_WITHDRAWN = "adjudication withdrawn"


@dataclass(frozen=True, slots=True)
class Step:
    """One change of a claim's consensus: the event that caused it and what it changed."""

    at: str  # the event's created_at (ISO 8601, UTC)
    before: str
    after: str
    by: str  # the event's author
    how: str  # VERDICT, ADJUDICATION, VERDICT_WITHDRAWN or ADJUDICATION_WITHDRAWN
    published: bool  # the claim's review was published when it happened (the page is now out of date)


@dataclass(frozen=True, slots=True)
class Change:
    at: str
    claim_id: str
    claim_text: str
    before: str
    after: str
    by: str
    how: str
    published: bool
    open_for: str  # leaving "disputed": how long the dispute was open (human-readable); else ""

    @property
    def role(self) -> str:
        """What the author acted as: ``adjudicator`` or ``reviewer``."""
        return "adjudicator" if self.how in (ADJUDICATION, ADJUDICATION_WITHDRAWN) else "reviewer"

    @property
    def withdrawn(self) -> bool:
        return self.how in (VERDICT_WITHDRAWN, ADJUDICATION_WITHDRAWN)


@dataclass(frozen=True, slots=True)
class Timeline:
    changes: list[Change]  # newest first, at most LIMIT
    more_changes: int  # older changes not listed
    settled: list[Change]  # the changes out of "disputed", newest first, at most LIMIT
    more_settled: int
    settled_total: int
    median_open: str  # how long a settled dispute was open, the median; "" when none was settled
    still_open: int  # claims disputed now
    oldest_open: str  # how long the oldest open dispute has been open at report time; "" if unknown


def _how(event: EventRecord) -> str:
    if event.kind == rules.ADJUDICATION:
        return ADJUDICATION_WITHDRAWN if event.label == rules.CLEARED else ADJUDICATION
    return VERDICT_WITHDRAWN if event.label == rules.CLEARED else VERDICT


def consensus_steps(events: Sequence[EventRecord]) -> list[Step]:
    """The changes of consensus along one claim's history (in log order), oldest first."""
    steps: list[Step] = []
    current = rules.UNREVIEWED
    editorial: dict[str, str] = {}  # each editor's latest editorial label so far
    for i, event in enumerate(events):
        if event.kind == rules.EDITORIAL:
            editorial[event.reviewer] = event.label
            continue
        if event.kind not in (rules.REVIEW, rules.ADJUDICATION):
            continue
        now = rules.consensus(events[: i + 1])
        if now != current:
            published = rules.PUBLISHED in editorial.values()
            steps.append(Step(event.created_at, current, now, event.reviewer, _how(event), published))
            current = now
    return steps


def seconds_between(start: str, end: str) -> float | None:
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


def build_timeline(report: Report, steps: dict[str, list[Step]], limit: int | None = None) -> Timeline:
    """The timeline of ``report``'s claims, from each claim's ``consensus_steps`` (by claim id);
    ``limit`` entries per list (default ``LIMIT``)."""
    limit = LIMIT if limit is None else limit
    changes: list[Change] = []
    open_seconds: list[float] = []
    oldest_open: float | None = None
    for claim in report.claims:
        disputed_since: str | None = None
        for step in steps.get(claim.id, ()):
            open_for = ""
            if step.before == rules.DISPUTED and disputed_since is not None:
                seconds = seconds_between(disputed_since, step.at)
                if seconds is not None and seconds >= 0:
                    open_seconds.append(seconds)
                    open_for = duration(seconds)
            disputed_since = step.at if step.after == rules.DISPUTED else None
            changes.append(
                Change(
                    step.at,
                    claim.id,
                    claim.text,
                    step.before,
                    step.after,
                    step.by,
                    step.how,
                    step.published,
                    open_for,
                )
            )
        if claim.consensus == rules.DISPUTED and disputed_since is not None:
            seconds = seconds_between(disputed_since, report.generated_at)
            if seconds is not None and seconds >= 0:
                oldest_open = seconds if oldest_open is None else max(oldest_open, seconds)
    settled = [c for c in changes if c.before == rules.DISPUTED]
    return Timeline(
        changes=_newest(changes, limit),
        more_changes=max(len(changes) - limit, 0),
        settled=_newest(settled, limit),
        more_settled=max(len(settled) - limit, 0),
        settled_total=len(settled),
        median_open=duration(median(open_seconds)) if open_seconds else "",
        still_open=report.summary.by_consensus.get(rules.DISPUTED, 0),
        oldest_open=duration(oldest_open) if oldest_open is not None else "",
    )


def _newest(changes: list[Change], limit: int) -> list[Change]:
    # nlargest, not a sort: a big database has a change or two per claim and the report shows 50.
    return heapq.nlargest(limit, changes, key=lambda c: (c.at, c.claim_id))
