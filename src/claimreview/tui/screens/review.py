"""The main screen: claim queue on the left, source and verdict on the right, verdict keys everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer

from claimreview import consensus as rules
from claimreview import teamwork
from claimreview.config import Settings
from claimreview.errors import ClaimreviewError
from claimreview.models import ClaimRow, Document, VerdictEvent
from claimreview.store import Store
from claimreview.store.queue import QueueFilter, QueueIndex, consensus_counts, load_index, rowid_of
from claimreview.store.team_queue import default_filter
from claimreview.textsafe import one_line
from claimreview.tui.messages import VerdictSaved
from claimreview.tui.screens.review_correct import CorrectionActions
from claimreview.tui.screens.review_finding import FindingActions, work_queue
from claimreview.tui.screens.review_research import ResearchActions
from claimreview.tui.screens.team_queue import TeamQueueActions
from claimreview.tui.widgets import ClaimQueue, SearchBox, SourcePane, StatusHeader, VerdictPane, VerdictView
from claimreview.tui.widgets.claim_card import CardView, ClaimCard, Corrected
from claimreview.tui.widgets.status_header import SessionPace
from claimreview.undo import Change, CorrectionState, State, UndoHistory, VerdictState


@dataclass
class Reloaded(Message):
    """A worker re-read the queue (filter, search or refresh); apply it on the UI thread."""

    index: QueueIndex
    counts: dict[str, int]
    position: int  # where the cursor's claim is in the new index (0 if it is not there)


def _step(state: State) -> str:
    if isinstance(state, CorrectionState):
        return "corrected" if state.payload is not None else "no correction of yours"
    return state.label


class ReviewScreen(TeamQueueActions, ResearchActions, CorrectionActions, FindingActions):
    # Narrow terminals get the class -narrow (styles/review.tcss drops what matters least there).
    # Textual declares this as an instance variable, so not a ClassVar here.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012

    # The footer must fit 80 columns with Help and Quit in it: only the verdict keys and the note show
    # there; every other key is listed by ? (help) and ctrl+p (commands).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "verdict('confirmed')", "Confirm", id="claim.confirm"),
        Binding("d", "verdict('denied')", "Deny", id="claim.deny"),
        Binding("u", "verdict('unverified')", "Unverified", id="claim.unverified"),
        Binding("w", "verdict('not_checkworthy')", "Not worth", id="claim.not_checkworthy"),
        Binding("x", "verdict('cleared')", "Clear", id="claim.clear", show=False),
        Binding("space", "skip", "Skip", id="claim.skip", show=False),
        Binding("n", "note", "Note", id="claim.note"),
        Binding("a", "attach", "Evidence", id="claim.attach", show=False),
        Binding("m", "matches", "Checked before", id="claim.matches", show=False),
        Binding("K", "correct", "Correct speaker/boundaries", id="claim.correct", show=False),
        Binding("i", "details", "Details", id="claim.details", show=False),
        Binding("o", "open_source", "Open an address", id="claim.open", show=False),
        Binding("z,ctrl+z", "undo", "Undo", id="claim.undo", show=False),
        Binding("ctrl+y", "redo", "Redo", id="claim.redo", show=False),
        Binding("slash", "search", "Search", id="view.search", show=False),
        Binding("f", "filter_menu", "Filter", id="view.filter", show=False),
        Binding("t", "toggle_order", "Order: score/article", id="view.order", show=False),
        Binding("D", "documents", "Documents", id="view.documents", show=False),
        Binding("C", "conflicts", "Conflicts", id="conflicts.open", show=False),
        Binding("r", "refresh", "Refresh", id="view.refresh", show=False),
        Binding("e", "export", "Export", id="export.open", show=False),
        Binding("v", "choose_queue", "Work queue", id="view.queue", show=False),
        Binding("E", "editor", "Editor's queue", id="editor.open", show=False),
        Binding("escape", "clear_search", "Clear search", id="view.clear_search", show=False),
    ]

    def __init__(
        self,
        store: Store,
        reviewer: str,
        settings: Settings,
        *,
        opened: tuple[QueueIndex, dict[str, int]] | None = None,
    ) -> None:
        """``opened``: the default filter's index and the counts, read by whoever opened the store."""
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.settings = settings
        # The work queue: what is left to review. The rows stay put after a verdict until f or r.
        # With work assigned to me, my queue (store/team_queue.py); else what is left to review, in the
        # configured order and above the configured score floor.
        self.filter = (
            opened[0].filter if opened is not None else default_filter(store, reviewer, work_queue(settings))
        )
        self.history = UndoHistory()
        self.pace = SessionPace()
        self.counts: dict[str, int] = {}
        self._opened = opened
        self._document: Document | None = None
        # The log of the claim the verdict pane shows: a verdict key starts from it (no read) and
        # record_event hands back the new one.
        self._shown: tuple[str, list[VerdictEvent]] | None = None

    # -- layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StatusHeader(self.reviewer, self.store.path, id="header")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield ClaimQueue(self.store, id="queue")
                yield SearchBox(placeholder="search claims, speakers, documents; esc clears", id="search")
            with Vertical(id="right"):
                yield ClaimCard(id="card")
                yield SourcePane(id="source")
                yield VerdictPane(id="verdict")
        yield Footer(compact=True)

    @property
    def queue(self) -> ClaimQueue:
        return self.query_one("#queue", ClaimQueue)

    @property
    def header(self) -> StatusHeader:
        return self.query_one("#header", StatusHeader)

    def on_mount(self) -> None:
        self.query_one("#source", SourcePane).border_title = "Source"
        self.query_one("#verdict", VerdictPane).border_title = "Verdict"
        self.query_one("#card", ClaimCard).border_title = "Claim · i details · m checked before"
        # Synchronous on purpose: this screen's first frame shows claims (bench/tui.py). Both reads are a
        # few rows per document (the counts table), never one per claim.
        if self._opened is not None:
            index, self.counts = self._opened
            self._opened = None
        else:
            index = load_index(self.store, self.filter)
            self.counts = consensus_counts(self.store)
        first = index.next_with_status(-1, rules.UNREVIEWED, wrap=False)
        self.queue.set_index(index, first if first is not None else 0)
        self.queue.focus()
        self._show_progress()
        self.set_interval(30, self._show_progress)
        # The app owns sync (one client, one worker); this screen only shows its state.
        self.watch(self.app, "sync_state", self.header.set_sync_state, init=True)

    # -- showing -----------------------------------------------------------------------------------

    def _show_progress(self) -> None:
        self.header.set_progress(self.counts)
        self.header.set_pace(self.pace.describe(self.counts.get(rules.UNREVIEWED, 0)))
        self.header.set_filter(self.filter.describe())
        self.show_team_progress()
        self._title_queue()

    def _title_queue(self) -> None:
        queue = self.queue
        count = len(queue)
        position = f"{queue.cursor + 1}/{count}" if count else "0/0"
        queue.border_title = f"Claims · {self.filter.describe()} · {position}"

    @on(ClaimQueue.Highlighted)
    def _claim_highlighted(self, event: ClaimQueue.Highlighted) -> None:
        self._title_queue()
        self._show_claim(event.row)

    def _current_row(self) -> ClaimRow | None:
        return self.queue.current

    def _focus_queue(self) -> None:
        self.queue.focus()

    def _show_claim(self, row: ClaimRow | None) -> None:
        source = self.query_one("#source", SourcePane)
        verdict = self.query_one("#verdict", VerdictPane)
        card = self.query_one("#card", ClaimCard)
        if row is None:
            self._shown = None
            source.show(None, None)
            verdict.show(None)
            card.show(None)
            return
        if self._document is None or self._document.id != row.document_id:
            self._document = self.store.get_document(row.document_id)
        events = self.store.events_for_claim(row.id)
        now = self.standing_claim(row, self._document, events)
        source.show(self._document, row, span=(now.start, now.end))
        corrected = Corrected(now.speaker or "", now.text) if now.corrected else Corrected()
        card.show(CardView(row, self._document, self.read_matches(row.id), corrected))
        verdict.show(self._verdict_view(row.id, events))

    def _verdict_view(self, claim_id: str, events: list[VerdictEvent]) -> VerdictView:
        self._shown = (claim_id, events)
        mine = None
        for event in events:
            if event.reviewer == self.reviewer and event.kind == rules.REVIEW:
                mine = event
        others = {who: e for who, e in rules.current_verdicts(events).items() if who != self.reviewer}
        return VerdictView(
            reviewer=self.reviewer,
            mine=VerdictState.of(mine),
            others=others,
            history=events,
            consensus=rules.consensus(events),
            # Assigned work (or every claim, with the setting) is blind until your own verdict is in.
            blind=teamwork.is_blind(events, self.reviewer, blind_review=self.settings.blind_review),
        )

    def _my_state(self, claim_id: str) -> VerdictState:
        if self._shown is not None and self._shown[0] == claim_id:
            # The pane's log, oldest first: the reviewer's last review event is their standing verdict.
            mine = None
            for event in self._shown[1]:
                if event.reviewer == self.reviewer and event.kind == rules.REVIEW:
                    mine = event
            return VerdictState.of(mine)
        return VerdictState.of(self.store.latest_event(claim_id, self.reviewer))

    # -- writing -----------------------------------------------------------------------------------

    def _write(self, claim_id: str, state: State, *, saved: str, before: State | None = None) -> bool:
        """Append the event (a verdict, or a correction: ``K``), and only once it is committed show it as
        saved. False if it failed.

        ``before``: the reviewer's state the caller read and changed; given, the change goes into undo
        history (undo and redo themselves pass none, and may hand back either kind).
        """
        correction = isinstance(state, CorrectionState)
        try:
            if isinstance(state, CorrectionState):
                appended = self.store.record_event(
                    claim_id, self.reviewer, state.label, kind=rules.CORRECTION, payload=state.payload
                )
            else:
                appended = self.store.record_event(
                    claim_id, self.reviewer, state.label, note=state.note, sources=state.sources
                )
        except ClaimreviewError as err:
            self.notify(one_line(str(err)), title="Not saved", severity="error", markup=False)
            return False
        if before is not None:
            self.history.record(Change(claim_id, before, state))
        self.post_message(VerdictSaved(claim_id))
        old, new = appended.previous_consensus, appended.consensus
        if old != new:  # a correction never changes it
            if old in self.counts:
                self.counts[old] -= 1
            self.counts[new] = self.counts.get(new, 0) + 1
        if isinstance(state, VerdictState) and state.is_set:
            self.pace.add(claim_id)
        position = self._position_of(claim_id)
        if position is not None:
            self.queue.set_status(position, new)
        if correction:
            self.queue.reread_rows()  # its row shows the claim as corrected
        self.header.set_saved(saved)
        self._show_progress()
        current = self.queue.current
        if current is not None and current.id == claim_id:
            if correction:
                self._show_claim(current)  # the card and the source pane change with the verdict pane
            else:
                self.query_one("#verdict", VerdictPane).show(self._verdict_view(claim_id, appended.history))
        elif self._shown is not None and self._shown[0] == claim_id:
            self._shown = None  # not on screen any more; its next showing reads it again
        return True

    def _position_of(self, claim_id: str) -> int | None:
        queue = self.queue
        current = queue.current
        if current is not None and current.id == claim_id:
            return queue.cursor
        rowid = rowid_of(self.store, claim_id)
        if rowid is None or queue.index is None:
            return None
        return queue.index.position(rowid)

    def action_verdict(self, label: str) -> None:
        row = self.queue.current
        if row is None:
            return
        before = self._my_state(row.id)
        after = before.with_label(label)
        if after != before:
            if not self._write(row.id, after, before=before, saved=f"saved ✓ {label}"):
                return
        else:
            self.header.set_saved(f"unchanged: {label}")
        if self.settings.auto_advance:
            self._advance()

    def _advance(self) -> None:
        queue = self.queue
        if queue.index is None:
            return
        following = queue.index.next_with_status(queue.cursor, rules.UNREVIEWED)
        if following is None:
            self.notify("No unreviewed claims left in this view.", title="All reviewed", markup=False)
            return
        queue.move_to(following)

    def action_skip(self) -> None:
        queue = self.queue
        if queue.index is None:
            return
        following = queue.index.next_with_status(queue.cursor, rules.UNREVIEWED)
        queue.move_to(following if following is not None else queue.cursor + 1)

    def action_undo(self) -> None:
        step = self.history.undo()
        if step is None:
            self.notify("Nothing to undo in this session.", markup=False)
            return
        claim_id, state = step
        if not self._write(claim_id, state, saved=f"undone → {_step(state)}"):
            self.history.push_back(undone=True)
            return
        self.jump_to(claim_id)

    def action_redo(self) -> None:
        step = self.history.redo()
        if step is None:
            self.notify("Nothing to redo.", markup=False)
            return
        claim_id, state = step
        if not self._write(claim_id, state, saved=f"redone → {_step(state)}"):
            self.history.push_back(undone=False)
            return
        self.jump_to(claim_id)

    # -- finding -----------------------------------------------------------------------------------

    def jump_to(self, claim_id: str) -> None:
        """Put the cursor on a claim; if the filter hides it, show every claim first."""
        rowid = rowid_of(self.store, claim_id)
        if rowid is None:
            return
        queue = self.queue
        position = queue.index.position(rowid) if queue.index is not None else None
        if position is None:
            self.filter = QueueFilter(order=self.filter.order)
            self.query_one("#search", SearchBox).value = ""
            index = load_index(self.store, self.filter)
            position = index.position(rowid) or 0
            queue.set_index(index, position)
            self._show_progress()
        else:
            queue.move_to(position, force=True)
        queue.focus()

    def action_refresh(self) -> None:
        self._reload(self.filter)

    def _reload(self, flt: QueueFilter) -> None:
        self.filter = flt
        self.header.set_filter(flt.describe() + " (loading…)")
        current = self.queue.current
        self._load(flt, current.id if current is not None else None)

    @work(thread=True, exclusive=True, group="reload")
    def _load(self, flt: QueueFilter, keep_claim: str | None) -> None:
        # A search over 100,000 claims takes ~0.2 s: keep the UI answering keys meanwhile.
        index = load_index(self.store, flt)
        counts = consensus_counts(self.store)
        rowid = rowid_of(self.store, keep_claim) if keep_claim is not None else None
        position = index.position(rowid) if rowid is not None else None
        self.post_message(Reloaded(index, counts, position or 0))

    @on(Reloaded)
    def _reloaded(self, message: Reloaded) -> None:
        if message.index.filter != self.filter:
            return  # a newer filter is on its way
        self.counts = message.counts
        self._document = None  # another instance may have changed nothing here, but verdicts yes
        self.queue.set_index(message.index, message.position)
        self._show_progress()
        self.queue.highlight = self.filter.search

    def action_documents(self) -> None:
        from claimreview.tui.screens.documents import DocumentsScreen

        def done(claim_id: str | None) -> None:
            if claim_id is not None:
                self.jump_to(claim_id)

        self.app.push_screen(DocumentsScreen(self.store), done)

    def action_conflicts(self) -> None:
        from claimreview.tui.screens.conflicts import ConflictsScreen

        def done(claim_id: str | None) -> None:
            if claim_id is not None:
                self.jump_to(claim_id)
            # Adjudications there changed consensus here: re-read counts and statuses.
            self.action_refresh()

        self.app.push_screen(ConflictsScreen(self.store, self.reviewer), done)

    def action_export(self) -> None:
        # Imported on first use: the export writers (Jinja2 and the rest) cost ~75 ms that opening the
        # app should not pay.
        from claimreview.tui.screens.export_dialog import ExportDialog

        # "Current document" is the one the cursor's claim comes from (or the documents filter's).
        row = self.queue.current
        document_id = self.filter.document or (row.document_id if row is not None else None)
        title = ""
        if document_id is not None:
            document = self.store.get_document(document_id)
            title = (document.title or document.uri) if document is not None else document_id
        self.app.push_screen(
            ExportDialog(
                self.store,
                self.settings,
                status=self.filter.status,
                document_id=document_id,
                document_title=title,
            )
        )

    def refresh_after_sync(self) -> None:
        """Verdicts, claims, documents or fact-checks may have arrived: re-read the queue (keeping the
        cursor's claim) and bring the stored fact-check matches up to date, both in workers."""
        self._reload(self.filter)
        self.refresh_matches()
