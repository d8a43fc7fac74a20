"""The data every export format is written from, read from the store in a few bulk queries (pure: no UI).

``build_report`` runs three SQL statements (the selected claims, their documents, their events) on the
store's raw connection instead of one query per claim, and builds tuples rather than ORM objects:
100,000 claims with 200,000 events load in about 2.5x the time of one ``json.dumps`` of those rows
(bench/export.py).
"""

from __future__ import annotations

import gc
import json
import json.scanner
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from itertools import chain
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from claimreview import consensus as rules
from claimreview.corrections import effective, has_correction
from claimreview.editorial import editorial_state
from claimreview.export.agreement import Agreement, agreement_of_patterns
from claimreview.export.filters import ExportFilters
from claimreview.ids import now_iso
from claimreview.store.reports import report_rows

if TYPE_CHECKING:
    from claimreview.models import MatchRow
    from claimreview.store import Store

# Called as progress(done, total) while claims are written; raising from it aborts the export
# (the target file is then left as it was).
ProgressCallback = Callable[[int, int], None]

CONTEXT_CHARS = 200


class EventRecord(NamedTuple):
    """One verdict event as stored (the log is append-only; nothing here is ever changed).

    A NamedTuple, not a dataclass: a report holds hundreds of thousands and ``_make`` builds one
    straight from a database row several times faster.
    """

    id: str
    claim_id: str
    reviewer: str
    kind: str
    label: str
    note: str
    sources_json: str
    payload_json: str  # what kinds beyond reviews carry (an editorial decision's rating...)
    created_at: str
    replaces: str | None

    @property
    def payload(self) -> dict[str, Any]:
        if not self.payload_json or self.payload_json == "{}":
            return {}
        try:
            value = json.loads(self.payload_json)
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    @property
    def sources(self) -> list[dict[str, str]]:
        """The evidence as {url, title, quote} dicts (parsed on each use; most events have none)."""
        return parse_sources(self.sources_json)


# What json.loads runs, minus its wrappers (typeshed types make_scanner's argument as the C class itself).
_scan_json = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]


def parse_sources(raw: str | None) -> list[dict[str, str]]:
    if not raw or raw == "[]":
        return []
    value: Any = None
    if raw[0] == "[" and raw[-1] == "]":  # as the store writes it: read it straight with the C scanner
        try:
            value, end = _scan_json(raw, 0)
        except (StopIteration, ValueError):
            end = -1
        if end != len(raw):
            value = None
    if value is None:
        try:
            value = json.loads(raw)
        except ValueError:
            return []
    if not isinstance(value, list):
        return []
    return [
        {
            "url": str(s.get("url") or ""),
            "title": str(s.get("title") or ""),
            "quote": str(s.get("quote") or ""),
        }
        for s in value
        if isinstance(s, dict)
    ]


@dataclass(slots=True)
class DocumentRecord:
    id: str
    uri: str
    title: str
    publisher: str | None
    published: str | None
    url: str | None
    text: str
    sha256: str
    added_at: str = ""  # when it was read in (extracted or imported)

    @property
    def link(self) -> str:
        """Where the article lives: its web URL when known, else the uri it was read from."""
        return self.url or self.uri

    @property
    def label(self) -> str:
        return self.title or self.uri


class Extracted(NamedTuple):
    """A corrected claim as the extractor gave it, and the reviewer whose correction stands."""

    text: str
    start: int
    end: int
    speaker: str | None
    corrected_by: str


class ClaimRecord(NamedTuple):
    """A claim with its document and verdicts. Built once per export (see EventRecord on why a tuple).

    The fields up to ``document`` are store/reports.py's CLAIM_COLUMNS in order (a ``_json`` field holds
    that column's JSON), as EventRecord's are its EVENT_COLUMNS; a test keeps them so.
    """

    id: str
    document_id: str
    text: str
    start: int
    end: int
    speaker: str | None
    score: float
    reasons_json: str  # the extractor's reason codes, a JSON list as stored
    extractor: str
    extractor_version: str
    consensus: str
    document: DocumentRecord
    events: list[EventRecord]  # the whole history, oldest first (log order breaks ties)
    verdicts: dict[str, EventRecord]  # current reviews by reviewer, sorted by name; no cleared ones
    adjudication: EventRecord | None  # the ruling adjudication, if any
    checked_before: MatchRow | None = None  # its best match among published fact-checks, if any
    # When a correction stands, text/start/end/speaker above are the corrected claim and this is the
    # extraction (text, start, end, speaker) and who corrected it; else None.
    extracted: Extracted | None = None

    @property
    def reasons(self) -> list[str]:
        if not self.reasons_json or self.reasons_json == "[]":
            return []
        try:
            value = json.loads(self.reasons_json)
        except ValueError:
            return []
        return [str(v) for v in value] if isinstance(value, list) else []

    @property
    def disputed(self) -> bool:
        return self.consensus == rules.DISPUTED

    def decided_at(self) -> str | None:
        """When the consensus was reached: the ruling adjudication, else the last agreeing verdict."""
        if self.consensus in (rules.UNREVIEWED, rules.DISPUTED):
            return None
        if self.adjudication is not None and self.adjudication.label == self.consensus:
            return self.adjudication.created_at
        times = [e.created_at for e in self.verdicts.values() if e.label == self.consensus]
        return max(times) if times else None

    @property
    def dispute(self) -> list[str]:
        """Why a disputed claim is disputed, one part per reviewer: ``alice: confirmed``.

        A reviewer whose own verdicts conflict (recorded on two machines, then synced) shows both.
        """
        if self.consensus != rules.DISPUTED:
            return []
        forked = rules.forks(self.events) if len(self.events) > 1 else {}
        parts = []
        for name, event in self.verdicts.items():
            if name in forked:
                labels = " / ".join(dict.fromkeys(e.label for e in forked[name]))
                parts.append(f"{name}: {labels} (conflicting verdicts from two machines)")
            else:
                parts.append(f"{name}: {event.label}")
        return parts

    @property
    def listed(self) -> list[tuple[str, bool, EventRecord]]:
        """(reviewer, is_adjudication, event) of each current verdict, the ruling adjudication last."""
        out = [(name, False, event) for name, event in self.verdicts.items()]
        if self.adjudication is not None:
            out.append((self.adjudication.reviewer, True, self.adjudication))
        return out

    @property
    def context(self) -> tuple[str, str]:
        """Up to CONTEXT_CHARS characters of the article before and after the claim, cut at a word."""
        chars = CONTEXT_CHARS
        text = self.document.text
        begin = self.start - chars
        if begin > 0:
            before = text[begin : self.start]
            cut = _FIRST_SPACE.search(before)
            before = "… " + (before[cut.end() :] if cut else before).lstrip()
        else:
            before = text[: self.start]
        finish = self.end + chars
        if finish < len(text):
            after = text[self.end : finish]
            last = max(after.rfind(" "), after.rfind("\n"))
            after = (after[:last] if last > 0 else after).rstrip() + " …"
        else:
            after = text[self.end :]
        return before, after


_FIRST_SPACE = re.compile(r"\s")


@dataclass(slots=True)
class DocumentSummary:
    document: DocumentRecord
    total: int = 0
    by_consensus: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class ReviewerSummary:
    reviewer: str
    verdicts: int = 0  # current verdicts on the selected claims
    by_label: Counter[str] = field(default_factory=Counter)
    events: int = 0  # every event they wrote on the selected claims, history included


@dataclass(slots=True)
class Summary:
    total: int = 0
    by_consensus: dict[str, int] = field(default_factory=dict)
    documents: list[DocumentSummary] = field(default_factory=list)
    reviewers: list[ReviewerSummary] = field(default_factory=list)
    agreement: Agreement = field(default_factory=Agreement)
    disputed: list[ClaimRecord] = field(default_factory=list)
    adjudicated: int = 0


@dataclass(slots=True)
class Report:
    generated_at: str
    database: str
    filters: ExportFilters
    documents: list[DocumentRecord]
    claims: list[ClaimRecord]
    reviewers: list[str]  # everyone with a current verdict on a selected claim, sorted
    summary: Summary

    @property
    def empty(self) -> bool:
        return not self.claims

    @property
    def event_count(self) -> int:
        return sum(len(c.events) for c in self.claims)

    def empty_message(self) -> str:
        conditions = self.filters.describe()
        if conditions:
            return "no claims match the filters (" + "; ".join(conditions) + "); the report is empty"
        return "the database has no claims; the report is empty"


# -- reading ---------------------------------------------------------------------------------------


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off, as it was before afterwards.

    An export allocates a few million small tuples, strings and dicts and frees none of them until it
    ends, so every generation-2 pass the collector starts finds nothing and walks the whole growing
    heap: a third of build_report's time at 100,000 claims. Reference counting still frees memory as
    usual; only cycles wait, and an export makes none. (Process-wide: a TUI thread running meanwhile
    gets its cycles collected once the export ends.)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_report(store: Store, filters: ExportFilters | None = None) -> Report:
    """Everything the writers need about the selected claims, in reading order (as ``claims`` lists)."""
    filters = filters or ExportFilters()
    with paused_gc():
        return _build_report(store, filters)


_new_event = partial(tuple.__new__, EventRecord)  # EventRecord._make without its Python-level wrapper


def _build_report(store: Store, filters: ExportFilters) -> Report:
    from claimreview.store.factchecks import top_match_per_claim

    document_id = store.resolve_document(filters.document) if filters.document is not None else None
    checked = top_match_per_claim(store)
    selected = report_rows(
        store,
        statuses=filters.statuses,
        document_id=document_id,
        reviewer=filters.reviewer,
        since=filters.since.isoformat() if filters.since else None,
        before=(filters.until + timedelta(days=1)).isoformat() if filters.until else None,
    )
    documents = {row[0]: DocumentRecord(*row) for row in selected.documents}
    rows = selected.claims
    events = list(map(_new_event, selected.events))

    by_claim: dict[str, list[EventRecord]] = {}
    for event in events:
        found = by_claim.get(event.claim_id)
        if found is None:
            by_claim[event.claim_id] = [event]
        else:
            found.append(event)
    rank = {doc_id: i for i, doc_id in enumerate(documents)}
    rows.sort(key=lambda r: (rank[r[1]], r[3], r[4]))
    reviewer = filters.reviewer
    published = filters.published
    claims: list[ClaimRecord] = []
    make = ClaimRecord._make
    orders: dict[tuple[str, ...], tuple[str, ...]] = {}  # reviewers as met -> sorted by name
    for row in rows:
        history = by_claim.get(row[0])
        if history is None:
            if reviewer is None and not published:
                claims.append(make((*row, documents[row[1]], [], {}, None, checked.get(row[0]), None)))
            continue
        if len(history) > 1:
            history.sort(key=_created_at)
        current, ruling = standing(history)
        if reviewer is not None and reviewer not in current:
            continue
        if published is not None and (editorial_state(history).state == rules.PUBLISHED) != published:
            continue
        if len(current) > 1:
            names = tuple(current)
            order = orders.get(names)
            if order is None:
                order = orders[names] = tuple(sorted(names, key=_reviewer_key))
            if order != names:
                current = {k: current[k] for k in order}
        record = make((*row, documents[row[1]], history, current, ruling, checked.get(row[0]), None))
        claims.append(_corrected(record) if has_correction(history) else record)
    if reviewer is not None or published is not None:
        used = {c.document_id for c in claims}
        documents = {k: v for k, v in documents.items() if k in used}
    summary = summarize(claims, list(documents.values()))
    return Report(
        generated_at=now_iso(),
        database=str(store.path),
        filters=filters,
        documents=list(documents.values()),
        claims=claims,
        reviewers=[r.reviewer for r in summary.reviewers],
        summary=summary,
    )


def _corrected(claim: ClaimRecord) -> ClaimRecord:
    """``claim`` as its standing correction has it (see claimreview.corrections), the extraction kept."""
    now = effective(claim.speaker, claim.start, claim.end, claim.document.text, claim.events)
    if now.by is None:
        return claim
    return claim._replace(
        text=now.text,
        start=now.start,
        end=now.end,
        speaker=now.speaker,
        extracted=Extracted(claim.text, claim.start, claim.end, claim.speaker, now.by),
    )


def standing(history: list[EventRecord]) -> tuple[dict[str, EventRecord], EventRecord | None]:
    """``rules.current_verdicts`` and ``rules.latest_adjudication`` of a history already in log order.

    One pass instead of two sorts: this runs for every reviewed claim of an export.
    tests/export/test_export_report.py checks it agrees with the rules on random histories.
    """
    latest: dict[str, EventRecord] = {}
    ruling: EventRecord | None = None
    for event in history:
        if event.kind == rules.REVIEW:
            latest[event.reviewer] = event
        elif event.kind == rules.ADJUDICATION:
            ruling = event
    if ruling is not None and ruling.label == rules.CLEARED:
        ruling = None
    for event in latest.values():
        if event.label == rules.CLEARED:
            return {k: v for k, v in latest.items() if v.label != rules.CLEARED}, ruling
    return latest, ruling


def _created_at(event: EventRecord) -> str:
    return event.created_at


def _reviewer_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def summarize(claims: list[ClaimRecord], documents: list[DocumentRecord]) -> Summary:
    out = Summary(total=len(claims))
    # One pass counting in flat dicts, then split: the summary of 100k claims stays cheap. Claims'
    # current verdicts are counted by pattern ((reviewer, label), ...), of which there are few.
    by_doc: dict[tuple[str, str], int] = {}
    patterns: dict[tuple[tuple[str, str], ...], int] = {}
    disputed = rules.DISPUTED
    for c in claims:
        key = (c.document_id, c.consensus)
        by_doc[key] = by_doc.get(key, 0) + 1
        if c.verdicts:
            pattern = tuple([(name, e.label) for name, e in c.verdicts.items()])
            patterns[pattern] = patterns.get(pattern, 0) + 1
        if c.consensus == disputed:
            out.disputed.append(c)
        if c.adjudication is not None:
            out.adjudicated += 1
    event_counts = Counter(map(_reviewer_of, chain.from_iterable(map(_events_of, claims))))

    per_doc = {d.id: DocumentSummary(d) for d in documents}
    by_consensus: Counter[str] = Counter()
    for (doc_id, consensus), n in by_doc.items():
        summary = per_doc[doc_id]
        summary.total += n
        summary.by_consensus[consensus] += n
        by_consensus[consensus] += n
    out.by_consensus = {value: by_consensus.get(value, 0) for value in rules.CONSENSUS_VALUES}
    out.documents = list(per_doc.values())

    # A reviewer of the report has a current verdict here; all-cleared history does not count.
    reviewers: dict[str, ReviewerSummary] = {}
    for pattern, n in patterns.items():
        for name, label in pattern:
            stat = reviewers.get(name)
            if stat is None:
                stat = reviewers[name] = ReviewerSummary(name, events=event_counts[name])
            stat.verdicts += n
            stat.by_label[label] += n
    out.reviewers = [reviewers[k] for k in sorted(reviewers, key=_reviewer_key)]
    out.agreement = agreement_of_patterns(patterns)
    return out


_reviewer_of = itemgetter(2)  # EventRecord.reviewer
_events_of = attrgetter("events")
