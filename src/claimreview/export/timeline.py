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
    """The changes of consensus along one claim's history (in log order), oldest first.

    The consensus after each event is what ``consensus.consensus`` gives for the log so far, kept up
    event by event instead of worked out again from the start (a report runs this for every claim):
    the standing adjudication; else disputed while a reviewer's verdicts fork; else the reviewers'
    latest labels. tests/export/test_export_timeline.py checks the two agree on random histories.
    """
    steps: list[Step] = []
    current = rules.UNREVIEWED
    editorial: dict[str, str] = {}  # each editor's latest editorial label so far
    latest: dict[str, str] = {}  # each reviewer's latest review label so far
    standing: dict[str, int] = {}  # how many reviewers' latest labels are each label (cleared left out)
    own: dict[str, list[EventRecord]] = {}  # each reviewer's review events so far
    replaced: dict[str, set[str]] = {}  # ids each reviewer's events replace (see consensus.heads)
    forked: set[str] = set()
    ruling: str | None = None  # the latest adjudication's label so far
    for event in events:
        kind = event.kind
        who = event.reviewer
        if kind == rules.REVIEW:
            label = event.label
            before = latest.get(who)
            if before is not None and before != rules.CLEARED:
                if standing[before] == 1:
                    del standing[before]
                else:
                    standing[before] -= 1
            if label != rules.CLEARED:
                standing[label] = standing.get(label, 0) + 1
            latest[who] = label
            gone = replaced.get(who)
            if gone is None:
                gone = replaced[who] = set()
            if event.replaces:
                gone.update(rules.parent_ids(event.replaces))
            mine = own.get(who)
            if mine is None:  # most reviewers judge a claim once: nothing can fork yet
                own[who] = [event]
            else:
                mine.append(event)
                tips = {e.label for e in mine if e.id not in gone}
                if len(tips) > 1 and all(e.id is not None for e in mine):
                    forked.add(who)
                else:
                    forked.discard(who)
        elif kind == rules.ADJUDICATION:
            ruling = event.label
        else:
            if kind == rules.EDITORIAL:
                if event.label == rules.WITHDRAWN:  # editorial.py: it takes everyone's decisions down
                    editorial.clear()
                editorial[who] = event.label
            continue
        if ruling is not None and ruling != rules.CLEARED:
            now = ruling
        elif forked:
            now = rules.DISPUTED
        elif not standing:  # consensus.consensus_of_labels, from the counts kept above
            now = rules.UNREVIEWED
        else:
            now = next(iter(standing)) if len(standing) == 1 else rules.DISPUTED
        if now != current:
            published = rules.PUBLISHED in editorial.values()
            steps.append(Step(event.created_at, current, now, who, _how(event), published))
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
