"""One sync round: publish (or send to the admins' inbox), push the outbox, pull documents, claims and events.

Each step commits as it goes (an acknowledged batch, a pulled page and its cursor), so a sync that is
killed or loses the network half way leaves a consistent database, and the next sync picks up where this
one stopped. Nothing here touches the UI: ``progress`` is a plain callback, safe to call from a worker.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from pydantic import ValidationError

from claimreview import consensus as rules
from claimreview import wire
from claimreview.ids import now_iso
from claimreview.models import Claim, EventBase, NewClaim, NewDocument
from claimreview.store import Store
from claimreview.store import factchecks as factcheck_store
from claimreview.store import sync_state as local
from claimreview.sync import publish, recovery
from claimreview.sync.client import AuthError, PayloadTooLarge, ServerUnavailable, SyncClient, SyncError
from claimreview.sync.publish import RefusedDocument

Progress = Callable[[str, int, int | None], None]
"""progress(phase, done, total): phase is one of PHASES; total is None when unknown."""

PHASES = ("publish", "publish-factchecks", "push", "documents", "claims", "events", "factchecks")
_EVENT_COLUMNS = set(local.EVENT_COLUMNS)
_Item = TypeVar("_Item")
PUBLISH_BYTES = 2 * 1024 * 1024  # well under the server's 5 MB body limit, whatever the text's script


@dataclass(slots=True)
class SyncReport:
    server: str = ""
    reviewer: str = ""
    role: str = ""
    pushed: int = 0
    already_known: int = 0
    rejected: Counter[str] = field(default_factory=Counter)  # reason -> events
    held_back: int = 0  # local events by other reviewers: this token cannot push them
    published_documents: int = 0
    published_claims: int = 0
    queued_documents: int = 0  # sent to the admins' inbox on this sync
    waiting_documents: int = 0  # sent before, still waiting there
    documents_mode: str | None = None  # what the server does with our documents: publish, inbox, None (old)
    refused_documents: list[RefusedDocument] = field(default_factory=list)
    publish_failed: str = ""  # why publishing stopped (pushing and pulling went on)
    pulled_documents: int = 0
    pulled_claims: int = 0
    pulled_events: int = 0
    published_factchecks: int = 0
    pulled_factchecks: int = 0  # new or changed here
    disputed: int = 0
    requeued: int = 0  # events acknowledged by the previous server, sent again because this one differs
    recovered: str = ""  # why the log was re-checked (the server's log went backwards), if it was
    renamed_from: str = ""  # the local reviewer name, when the first sync took the account's instead
    renamed_events: int = 0
    finished_at: str = ""

    def summary(self) -> str:
        parts = [f"pushed {self.pushed} event(s)"]
        if self.already_known:
            parts[0] += f" ({self.already_known} the server already had)"
        if self.published_documents or self.published_claims:
            parts.append(
                f"published {self.published_documents} document(s) and {self.published_claims} claim(s)"
            )
        parts.append(
            f"pulled {self.pulled_documents} document(s), {self.pulled_claims} claim(s) and "
            f"{self.pulled_events} event(s)"
        )
        if self.published_factchecks or self.pulled_factchecks:
            parts.append(
                f"published {self.published_factchecks} and received {self.pulled_factchecks} fact-check(s)"
            )
        parts.append(f"{self.disputed} claim(s) disputed")
        if self.queued_documents or self.waiting_documents:
            parts.append(
                f"{self.queued_documents + self.waiting_documents} document(s) wait in the admins' inbox "
                f"({self.queued_documents} sent now): this server lets only admins publish; an admin accepts "
                "them with claimreview server inbox / accept, then your next sync sends their verdicts"
            )
        line = "; ".join(parts)
        if self.recovered:
            line += (
                f"; recovered: {self.recovered}: re-checked {self.requeued} event(s), re-sent "
                f"{self.pushed} the server lacked, pulled everything again"
            )
        elif self.requeued:
            line += f"; new server: {self.requeued} event(s) acknowledged by the previous one were re-queued"
        if self.renamed_from:
            line += (
                f"; your account on this server is '{self.reviewer}', not '{self.renamed_from}': "
                f"{self.renamed_events} unsent event(s) recorded as '{self.renamed_from}' now carry "
                f"'{self.reviewer}', and new verdicts will too"
            )
        for reason, n in sorted(self.rejected.items()):
            line += f"; {n} event(s) kept back: {reason}{self._hint(reason)}"
        if self.held_back:
            line += (
                f"; {self.held_back} local event(s) by other reviewers not sent "
                f"(your token is for '{self.reviewer}')"
            )
        for doc in self.refused_documents:
            line += (
                f"; document {doc.uri} ({doc.id}) not published: {doc.reason}; split it and extract again, "
                f"or remove it here with: claimreview documents remove {doc.id}"
            )
        if self.publish_failed:
            line += f"; publishing stopped ({self.publish_failed}); verdicts were still sent and received"
        return line


    def _hint(self, reason: str) -> str:
        """What to do about events the server refused (kept in the outbox, sent again next sync)."""
        if reason != NOT_ON_SERVER:
            return ""
        if self.queued_documents or self.waiting_documents:
            return " (its document waits in the admins' inbox)"
        if self.documents_mode is None and self.role != rules.ADMIN:
            return (
                " (only admins publish documents on this server: ask an admin to sync, or to upgrade the "
                "server so that reviewers may publish)"
            )
        return " (its document is not published yet; it goes out with your next sync)"


NOT_ON_SERVER = "claim is not on the server"  # the server's reason for an event on an unpublished claim


def _noop(_phase: str, _done: int, _total: int | None) -> None:
    return None


def run_sync(
    store: Store,
    client: SyncClient,
    *,
    progress: Progress | None = None,
    batch_size: int = 500,
    page_size: int = 1000,
    local_name: str | None = None,
) -> SyncReport:
    """Sync ``store`` with the server behind ``client``; raises SyncError (outbox intact) on failure.

    ``local_name``: the reviewer name configured here. On the first sync with a server whose account
    has another name, unsent events recorded under it take the account's name (see the report).
    """
    report_progress = progress or _noop
    health = client.check_version()
    me = client.me()
    report = SyncReport(server=client.base_url, reviewer=me.name, role=me.role, documents_mode=me.documents)
    identity = local.server_identity(health.get("server_id"), client.base_url)
    if local.recorded_identity(store) != identity:
        # Another server (or the first one): its acknowledgements say nothing about this one, and its
        # cursors count another sequence. Re-send everything and start the pulls over (all idempotent).
        report.requeued = local.switch_server(store, identity)
        if isinstance(health.get("log_epoch"), str):
            local.set_meta(store, {local.LOG_EPOCH_KEY: health["log_epoch"]})
    else:
        report.recovered, report.requeued = recovery.check_log(store, client, health, identity)
    if local.get_meta(store, local.REVIEWER_KEY) is None and local_name and local_name != me.name:
        report.renamed_events = local.adopt_reviewer_name(store, local_name, me.name)
        report.renamed_from = local_name
    info = client.api_info()
    limits = info.limits if info is not None else wire.Limits()
    local.set_meta(
        store,
        {
            local.SERVER_KEY: client.base_url,
            local.ROLE_KEY: me.role,
            local.REVIEWER_KEY: me.name,
            local.LIMITS_KEY: limits.model_dump_json(),
        },
    )
    if me.role == rules.ADMIN or me.documents is not None:
        # Admins publish; on a server that says what it does with documents, everyone sends theirs
        # (published, or put in the admins' inbox). Servers older than that let only admins.
        _publish(store, client, report, report_progress, limits)
    if me.role == rules.ADMIN:
        _publish_factchecks(store, client, report, report_progress)
    _push(store, client, report, report_progress, batch_size)
    _pull_documents(store, client, report, report_progress)
    _pull_claims(store, client, report, report_progress, page_size)
    _pull_events(store, client, report, report_progress, page_size)
    _pull_factchecks(store, client, report, report_progress, page_size)
    report.disputed = store.count_claims(status=rules.DISPUTED)
    report.finished_at = now_iso()
    local.set_meta(store, {local.LAST_SYNC_KEY: report.finished_at})
    return report


# -- publish --------------------------------------------------------------------------------------


def _publish(
    store: Store, client: SyncClient, report: SyncReport, progress: Progress, limits: wire.Limits
) -> None:
    """Admins: send local documents the server lacks. A failure here stops only publishing: verdicts
    on documents already shared must still go out and come in."""
    try:
        done, refused = publish.publish(store, client, limits, progress, PUBLISH_BYTES)
    except (AuthError, ServerUnavailable):
        raise
    except SyncError as exc:
        report.publish_failed = str(exc)
        return
    report.published_documents += done.documents
    report.published_claims += done.claims
    report.queued_documents += done.queued
    report.waiting_documents += done.waiting
    report.refused_documents.extend(refused)


# -- push -----------------------------------------------------------------------------------------


def _event_in(event: EventBase) -> wire.EventIn | str:
    """The outbox event as the server takes it, or why the server would refuse it (checked here so that
    one bad event cannot block a batch)."""
    try:
        return wire.EventIn.model_validate(event, from_attributes=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        return f"not valid for the server ({'.'.join(str(p) for p in first['loc'])}: {first['msg']})"


def _push(store: Store, client: SyncClient, report: SyncReport, progress: Progress, batch_size: int) -> None:
    total = local.pending_count(store, report.reviewer)
    report.held_back = local.pending_count(store) - total
    progress("push", 0, total)
    after_rowid = 0
    done = 0
    size = batch_size
    while True:
        rows = local.outbox_batch(store, report.reviewer, after_rowid, size)
        if not rows:
            break
        sendable: list[wire.EventIn] = []
        for _rowid, row in rows:
            event = _event_in(row)
            if not rules.may_record(report.role, row.kind):
                # The server would refuse the whole batch (403); keep it local and say why.
                allowed = " or ".join(sorted(rules.KIND_ROLES[row.kind]))
                event = f"{row.kind} events need an account with the role {allowed}"
            if isinstance(event, str):
                report.rejected[event] += 1
            else:
                sendable.append(event)
        try:
            results = client.push(sendable).results if sendable else []
        except PayloadTooLarge:
            if size == 1:
                report.rejected["too large for the server"] += 1
                after_rowid = rows[0][0]
                continue
            size = max(1, size // 2)
            continue
        acked: list[tuple[str, int]] = []
        for r in results:
            if r.status != "rejected" and r.seq is not None:
                if r.status == "stored":
                    report.pushed += 1
                else:
                    report.already_known += 1
                acked.append((r.id, r.seq))
            else:
                report.rejected[r.reason or "refused by the server"] += 1
        local.acknowledge(store, acked)
        after_rowid = rows[-1][0]
        done += len(rows)
        progress("push", min(done, total), total)
        size = batch_size


# -- pull -----------------------------------------------------------------------------------------


class _Page(Protocol[_Item]):
    @property
    def items(self) -> list[_Item]: ...
    @property
    def next_after(self) -> int: ...
    @property
    def more(self) -> bool: ...


def _pages(store: Store, feed: str, fetch: Callable[[int], _Page[_Item]]) -> Iterator[list[_Item]]:
    """The pages of one feed after its saved cursor.

    The cursor moves only when the caller asks for the next page, i.e. after it has stored this one, so
    a sync that dies mid-page pulls that page again next time.
    """
    after = local.cursor(store, feed)
    for _ in range(1_000_000):  # bounded: each page moves the cursor forward
        page = fetch(after)
        yield page.items
        after = page.next_after
        local.set_cursor(store, feed, after)
        if not page.more:
            return


def _pull_documents(store: Store, client: SyncClient, report: SyncReport, progress: Progress) -> None:
    progress("documents", 0, None)
    for items in _pages(store, "documents", client.pull_documents):
        if items:
            docs: list[tuple[NewDocument, list[NewClaim]]] = [(NewDocument.from_attrs(d), []) for d in items]
            report.pulled_documents += store.add_articles(docs).documents_added
        progress("documents", report.pulled_documents, None)


def _pull_claims(
    store: Store, client: SyncClient, report: SyncReport, progress: Progress, page_size: int
) -> None:
    progress("claims", 0, None)
    for items in _pages(store, "claims", lambda after: client.pull_claims(after, page_size)):
        if items:
            doc_ids = sorted({c.document_id for c in items})
            docs = local.load_documents(store, doc_ids)
            if len(docs) < len(doc_ids):
                # Published after our documents pull began: fetch the newer documents, then go on.
                _pull_documents(store, client, report, progress)
                docs = local.load_documents(store, doc_ids)
                if len(docs) < len(doc_ids):
                    raise SyncError("the server sent claims of documents it does not list; try again later")
            by_doc: dict[str, list[NewClaim]] = {d: [] for d in doc_ids}
            for c in items:
                by_doc[c.document_id].append(NewClaim.from_attrs(c))
            report.pulled_claims += store.add_articles([(docs[d], by_doc[d]) for d in doc_ids]).claims_added
        progress("claims", report.pulled_claims, None)


def _pull_events(
    store: Store, client: SyncClient, report: SyncReport, progress: Progress, page_size: int
) -> None:
    progress("events", 0, None)
    if local.get_meta(store, local.STALE_KEY):
        store.refresh_consensus()  # an earlier pull died before its refresh: redo every claim
        local.set_meta(store, {local.STALE_KEY: ""})
    touched: set[str] = set()
    for items in _pages(store, "events", lambda after: client.pull_events(after, page_size)):
        if items:
            claim_ids = {e.claim_id for e in items}
            if local.existing_ids(store, Claim, claim_ids) != claim_ids:
                # Verdicts on claims published after our claims pull: fetch those claims first.
                _pull_documents(store, client, report, progress)
                _pull_claims(store, client, report, progress, page_size)
                if local.existing_ids(store, Claim, claim_ids) != claim_ids:
                    raise SyncError("the server sent verdicts on claims it does not list; try again later")
            if not touched:
                local.set_meta(store, {local.STALE_KEY: "1"})
            touched |= claim_ids
            # Our own events that reached the server on a sync that died before it heard back.
            ours = local.unacknowledged(store, [e.id for e in items])
            local.acknowledge(store, [(e.id, e.seq) for e in items if e.id in ours])
            # Store.insert_events takes rows (dicts): the one place where pulled events stop being typed.
            # A typed event per row (EventBase.model_construct) cost ~15 us each, ~10% of a pull.
            rows = [{**e.model_dump(include=_EVENT_COLUMNS), "server_seq": e.seq} for e in items]
            report.pulled_events += store.insert_events(rows, refresh=False)
        progress("events", report.pulled_events, None)
    if touched:
        # One pass at the end: per page, every page re-read the whole history of the same claims.
        # Acknowledged own events are included: their place in the shared order may have changed.
        store.refresh_consensus(touched)
        local.set_meta(store, {local.STALE_KEY: ""})


# -- fact-checks ----------------------------------------------------------------------------------


def _publish_factchecks(store: Store, client: SyncClient, report: SyncReport, progress: Progress) -> None:
    """Admins: send the fact-checks imported or changed here since the last sync (the local outbox)."""
    total = factcheck_store.count_unpublished(store)
    if not total:
        return
    progress("publish-factchecks", 0, total)
    after, done = 0, 0
    while rows := factcheck_store.unpublished_factchecks(store, after, 500):
        sendable: list[wire.FactCheckIn] = []
        for _rowid, row in rows:
            try:
                sendable.append(wire.FactCheckIn.model_validate(row))
            except ValidationError as exc:  # kept local (stays in the outbox), said why; the rest go
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                report.rejected[f"fact-check not valid for the server ({where}: {first['msg']})"] += 1
        if sendable:
            answer = client.publish_factchecks(sendable)
            report.published_factchecks += answer.added + answer.updated
            factcheck_store.mark_published(store, [c.url for c in sendable])
        after = rows[-1][0]
        done += len(rows)
        progress("publish-factchecks", done, total)


def _pull_factchecks(
    store: Store, client: SyncClient, report: SyncReport, progress: Progress, page_size: int
) -> None:
    progress("factchecks", 0, None)
    for items in _pages(store, "factchecks", lambda after: client.pull_factchecks(after, page_size)):
        if items:
            # The server's copy wins over an unpublished local edit of the same url (as for documents,
            # the server is the shared truth); re-import locally to change it again.
            seqs = {c.url: c.seq for c in items}
            result = factcheck_store.import_factchecks(store, items, server_seqs=seqs)
            report.pulled_factchecks += result.changed
        progress("factchecks", report.pulled_factchecks, None)
