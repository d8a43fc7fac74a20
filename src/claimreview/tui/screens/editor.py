"""The editor's queue: reviews approved but not published, and settled but not approved; `a` approves,
`p` publishes through the publish form. Above them, when there are any, the published reviews whose
consensus changed since (a new verdict disputed the claim, an adjudication flipped it): the site keeps
their last published rating until `p` publishes them again for the consensus they have now. Returns the
id of a claim to open in the review screen (enter).

Approving and publishing go through publish/editing.py, the same code and checks as `claimreview approve`
and `publish`; the events are written in a worker, which reads the queues again and tells the screen by
message, so a slow disk never freezes the keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from claimreview import consensus as rules
from claimreview import editorial
from claimreview.consensus import GLYPHS
from claimreview.errors import ClaimreviewError, InputError
from claimreview.publish import editing
from claimreview.publish.rating import DEFAULT_SCALE, RatingScale, parse_rating_scale
from claimreview.settings import Settings
from claimreview.store import Store
from claimreview.store.editorial import EditorialClaim, EditorQueues, editor_queues
from claimreview.textsafe import one_line
from claimreview.tui.messages import VerdictSaved
from claimreview.tui.screens.pickers import Pick, PickDialog
from claimreview.tui.screens.publish_dialog import PublishDialog, PublishForm

CHANGED_TABLE = "editor-changed"
APPROVED_TABLE = "editor-approved"
UNAPPROVED_TABLE = "editor-unapproved"
TABLES = (CHANGED_TABLE, APPROVED_TABLE, UNAPPROVED_TABLE)  # top to bottom; tab goes round in this order


@dataclass
class EditorialRecorded(Message):
    """The worker wrote editorial events and read the queues again."""

    summary: str
    queues: EditorQueues
    done: list[UndoStep]  # what z can take back; empty after an undo


@dataclass
class EditorialFailed(Message):
    error: str


def load_scale(settings: Settings) -> tuple[RatingScale, str | None]:
    """The organisation's rating scale, and what is wrong with the configured one (then the built-in)."""
    from claimreview.paths import config_file

    try:
        return parse_rating_scale(settings.rating_scale, path=config_file()), None
    except InputError as err:
        return DEFAULT_SCALE, one_line(str(err))


def _text(payload: dict[str, object], key: str) -> str:
    value = payload.get(key)
    return value if isinstance(value, str) else ""


def _consensus_cell(claim: EditorialClaim, table_id: str) -> str:
    now = f"{GLYPHS.get(claim.consensus, ' ')} {claim.consensus}"
    if table_id != CHANGED_TABLE or claim.state.published_consensus is None:
        return now
    then = claim.state.published_consensus
    return f"{GLYPHS.get(then, ' ')} {then} → {now}"


class Withdraw:
    """What _write records when the editor takes a review down (no form: approve; a form: publish)."""


WITHDRAW = Withdraw()


@dataclass(frozen=True)
class UndoStep:
    """A decision this screen recorded, which z takes back (the newest first)."""

    claim_id: str
    event_id: str
    what: str  # "approval", "publication", "withdrawal"


class EditorScreen(Screen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", id="editor.close"),
        Binding("a", "approve", "Approve", id="editor.approve"),
        Binding("p", "publish", "Publish", id="editor.publish"),
        Binding("x", "withdraw", "Withdraw", id="editor.withdraw"),
        Binding("z", "undo", "Undo", id="editor.undo"),
        Binding("tab", "switch", "Other list", id="editor.switch", show=False),
        Binding("enter", "review", "Review", id="editor.review", priority=True, show=False),
        Binding("r", "refresh", "Refresh", id="editor.refresh", show=False),
    ]

    def __init__(self, store: Store, editor: str, settings: Settings) -> None:
        super().__init__()
        self.store = store
        self.editor = editor
        self.settings = settings
        self.scale, self.scale_problem = load_scale(settings)
        self.lists: dict[str, list[EditorialClaim]] = {table: [] for table in TABLES}
        self.busy = False
        self.undo_steps: list[UndoStep] = []

    def compose(self) -> ComposeResult:
        for table_id in TABLES:
            yield Label("", id=f"{table_id}-title", classes="editor-title")
            yield DataTable(id=table_id, cursor_type="row", zebra_stripes=True)
        yield Label("", id="editor-notice")
        yield Footer()

    def on_mount(self) -> None:
        for table_id in TABLES:
            table = self.query_one(f"#{table_id}", DataTable)
            if table_id == CHANGED_TABLE:
                table.add_column("published → now", width=26)
            else:
                table.add_column("consensus", width=14)
            table.add_column("document", width=20)
            table.add_column("claim")
        self._show(editor_queues(self.store))
        first = next((t for t in TABLES if self.lists[t]), UNAPPROVED_TABLE)
        self.query_one(f"#{first}", DataTable).focus()
        notice = "a approve · p publish · x withdraw · z undo · enter open claim · tab next list · esc back"
        if self.scale_problem:
            notice = f"rating scale not usable, the built-in one applies: {self.scale_problem}"
        self.query_one("#editor-notice", Label).update(Text(notice))

    def _show(self, queues: EditorQueues) -> None:
        self.lists = {
            CHANGED_TABLE: queues.published_changed,
            APPROVED_TABLE: queues.approved_unpublished,
            UNAPPROVED_TABLE: queues.consensus_unapproved,
        }
        changed = len(queues.published_changed)
        titles = {
            CHANGED_TABLE: f"Published, consensus changed since: {changed} (p publishes again)",
            APPROVED_TABLE: f"Approved, not published: {len(queues.approved_unpublished)} (p publishes)",
            UNAPPROVED_TABLE: f"Settled, not approved: {len(queues.consensus_unapproved)} (a approves)",
        }
        for table_id, claims in self.lists.items():
            title = self.query_one(f"#{table_id}-title", Label)
            title.update(Text(titles[table_id], style="bold"))
            table = self.query_one(f"#{table_id}", DataTable)
            if table_id == CHANGED_TABLE:  # shown only when a live review needs an editor
                title.display = table.display = bool(claims)
            cursor = table.cursor_row
            table.clear()
            # Cells are Text: claims and titles come from articles and must not be read as markup.
            for claim in claims:
                table.add_row(
                    Text(_consensus_cell(claim, table_id)),
                    Text(one_line(claim.document_title or claim.document_uri)[:60], overflow="ellipsis"),
                    Text(one_line(claim.text)[:300]),
                    key=claim.id,
                )
            if claims:
                table.move_cursor(row=min(max(cursor, 0), len(claims) - 1), animate=False)

    def _selected(self) -> tuple[str, EditorialClaim | None]:
        focused = self.focused
        table_id = (
            focused.id if isinstance(focused, DataTable) and focused.id in self.lists else APPROVED_TABLE
        )
        claims = self.lists[table_id]
        row = self.query_one(f"#{table_id}", DataTable).cursor_row
        return table_id, claims[row] if claims and 0 <= row < len(claims) else None

    def _may_record(self) -> bool:
        from claimreview.sync.adjudication import may_record_here, refusal

        if may_record_here(self.store, rules.EDITORIAL) is False:
            refused = one_line(refusal(self.store, rules.EDITORIAL))
            self.notify(refused, title="Not allowed", severity="warning", markup=False)
            return False
        if self.busy:
            self.notify("Still recording the previous decision.", markup=False)
            return False
        return True

    # -- actions -----------------------------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(None)

    def action_switch(self) -> None:
        table_id, _ = self._selected()
        at = TABLES.index(table_id)
        # The next list round the screen, passing over a hidden (empty) list of changed reviews.
        for step in range(1, len(TABLES)):
            other = TABLES[(at + step) % len(TABLES)]
            if other != CHANGED_TABLE or self.lists[other]:
                self.query_one(f"#{other}", DataTable).focus()
                return

    def action_review(self) -> None:
        _, claim = self._selected()
        if claim is not None:
            self.dismiss(claim.id)

    def action_refresh(self) -> None:
        self._show(editor_queues(self.store))
        self._keep_focus_visible()

    def _keep_focus_visible(self) -> None:
        """After a refresh emptied (and hid) the list of changed reviews, move on to the next list."""
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id == CHANGED_TABLE and not focused.display:
            self.action_switch()

    def action_approve(self) -> None:
        table_id, claim = self._selected()
        if claim is None:
            self.notify("No claim selected.", markup=False)
            return
        if table_id == APPROVED_TABLE:
            self.notify("Already approved; p publishes it.", markup=False)
            return
        if table_id == CHANGED_TABLE:
            self.notify("Published already; p publishes it again for its consensus now.", markup=False)
            return
        if self._may_record():
            self._record(claim.id, None)

    def action_publish(self) -> None:
        table_id, claim = self._selected()
        if claim is None:
            self.notify("No claim selected.", markup=False)
            return
        if table_id == UNAPPROVED_TABLE:
            self.notify("Approve it first (a); then it moves to the list above.", markup=False)
            return
        if table_id == CHANGED_TABLE:
            why = editorial.editable(claim.consensus)
            if why is not None:
                self.notify(
                    f"Cannot publish it again: {why}. Its last published review stays up meanwhile.",
                    title="Not yet",
                    severity="warning",
                    markup=False,
                )
                return
        if not self._may_record():
            return
        found = self.scale.for_verdict(claim.consensus)
        start = PublishForm(found.key if found is not None else "", "", "", "en")
        publication = claim.state.publication
        if table_id == CHANGED_TABLE and publication is not None:
            # The editor's words of last time, to revise; the rating starts on the new consensus's.
            before = publication.payload
            start = PublishForm(
                start.rating,
                _text(before, "summary"),
                _text(before, "explanation"),
                _text(before, "language") or "en",
            )

        def done(form: PublishForm | None) -> None:
            if form is not None:
                self._record(claim.id, form)

        self.app.push_screen(PublishDialog(claim.text, claim.consensus, self.scale, start), done)

    def action_withdraw(self) -> None:
        table_id, claim = self._selected()
        if claim is None:
            self.notify("No claim selected.", markup=False)
            return
        if table_id == UNAPPROVED_TABLE:
            self.notify("Not approved: nothing to withdraw.", markup=False)
            return
        if not self._may_record():
            return
        what = "published review" if table_id == CHANGED_TABLE else "approval"
        picks = [Pick("x", f"Withdraw the {what}: back to draft", True), Pick("k", "Keep it", False)]
        note = "The site drops its page on the next `claimreview site --prune`."

        def done(sure: bool | None) -> None:
            if sure:
                self._record(claim.id, WITHDRAW)

        self.app.push_screen(PickDialog(f"Withdraw {claim.id[:12]}?", picks, note=note, highlight=1), done)

    def action_undo(self) -> None:
        if not self.undo_steps:
            self.notify("Nothing to undo: no decision recorded in this queue yet.", markup=False)
            return
        if self._may_record():
            # Taken off now: an undo that fails (the editor decided on the claim again elsewhere, and a
            # sync brought it) says why and leaves the older steps reachable.
            step = self.undo_steps.pop()
            self._record(step.claim_id, step)

    # -- writing -----------------------------------------------------------------------------------

    def _record(self, claim_id: str, form: PublishForm | Withdraw | UndoStep | None) -> None:
        self.busy = True
        self.query_one("#editor-notice", Label).update(Text("recording…"))
        self._write(claim_id, form)

    @work(thread=True, exclusive=True, group="editorial", exit_on_error=False)
    def _write(self, claim_id: str, form: PublishForm | Withdraw | UndoStep | None) -> None:
        what = ""  # what z would take back; nothing for an undo itself
        try:
            if isinstance(form, UndoStep):
                recorded = [editing.undo(self.store, claim_id, self.editor, form.event_id)]
                summary = f"Took back the {form.what} of {claim_id[:12]}; sent with the next sync."
            elif form is None:
                recorded = editing.approve(self.store, [claim_id], self.editor)
                summary, what = f"Approved {claim_id[:12]}; p publishes it.", "approval"
            elif isinstance(form, Withdraw):
                recorded = editing.withdraw(self.store, [claim_id], self.editor)
                summary = f"Withdrew {claim_id[:12]}: a draft again; sent with the next sync."
                what = "withdrawal"
            else:
                recorded = editing.publish(
                    self.store,
                    [claim_id],
                    self.editor,
                    self.scale,
                    rating=form.rating,
                    summary=form.summary,
                    explanation=form.explanation,
                    language=form.language,
                )
                summary = f"Published {claim_id[:12]} as {recorded[0].rating_label}; sent with the next sync."
                what = "publication"
            queues = editor_queues(self.store)
        except ClaimreviewError as err:
            self.post_message(EditorialFailed(one_line(str(err))))
            return
        steps = [UndoStep(done.claim_id, done.event_id, what) for done in recorded] if what else []
        for done in recorded:
            self.app.post_message(VerdictSaved(done.claim_id))  # one more event waits to be sent
        self.post_message(EditorialRecorded(summary, queues, steps))

    @on(EditorialRecorded)
    def _recorded(self, message: EditorialRecorded) -> None:
        self.busy = False
        self.undo_steps.extend(message.done)
        self._show(message.queues)
        self._keep_focus_visible()
        self.query_one("#editor-notice", Label).update(Text(message.summary))
        self.notify(message.summary, markup=False)

    @on(EditorialFailed)
    def _failed(self, message: EditorialFailed) -> None:
        self.busy = False
        self.query_one("#editor-notice", Label).update(Text(message.error))
        self.notify(message.error, title="Not recorded", severity="error", markup=False)

    def refresh_after_sync(self) -> None:
        self.action_refresh()
