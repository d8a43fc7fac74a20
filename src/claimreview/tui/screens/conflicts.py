"""Disputed claims, each reviewer's side by side; an adjudicator settles them here.

Returns the id of a claim to open in the review screen (enter), or None (escape).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from claimreview import consensus as rules
from claimreview.consensus import GLYPHS
from claimreview.errors import ClaimreviewError
from claimreview.models import ClaimRow
from claimreview.store import Store
from claimreview.store import sync_state as local
from claimreview.store.corrections import corrected_rows
from claimreview.sync.adjudication import adjudicate, can_adjudicate, conflict_of
from claimreview.textsafe import one_line
from claimreview.tui.messages import VerdictSaved
from claimreview.tui.screens.dialogs import NoteDialog
from claimreview.tui.widgets.conflict_view import ConflictView

LIST_LIMIT = 2000  # one query; thousands of open disputes would be a process problem, not a list to scroll


def role_notice(store: Store) -> tuple[bool, str]:
    """Whether this user may settle disputes, and the line that says so (or why not)."""
    allowed = can_adjudicate(store)
    if allowed:
        return True, "c confirm · d deny · u unverified settles the selected claim; the next sync sends it"
    if allowed is None:
        return False, "Only adjudicators settle disputes; your role is not known yet: sync once (s)."
    role = one_line(local.get_meta(store, local.ROLE_KEY) or "reviewer")
    return False, (
        f"Only adjudicators settle disputes; your server account is a {role}. Ask an admin to make you one."
    )


class ConflictsScreen(Screen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", id="conflicts.close"),
        Binding("c", "settle('confirmed')", "Confirm", id="conflicts.confirm"),
        Binding("d", "settle('denied')", "Deny", id="conflicts.deny"),
        Binding("u", "settle('unverified')", "Unverified", id="conflicts.unverified"),
        # Priority: the table would otherwise take enter for its own row selection. Not in the footer
        # (the title line says it) so that Help still fits at 80 columns.
        Binding("enter", "review", "Review", id="conflicts.review", priority=True, show=False),
        Binding("j", "cursor_down", "Down", id="conflicts.down", show=False),
        Binding("k", "cursor_up", "Up", id="conflicts.up", show=False),
    ]

    def __init__(self, store: Store, reviewer: str) -> None:
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.rows: list[ClaimRow] = []

    def compose(self) -> ComposeResult:
        yield Label("", id="conflicts-title")
        yield DataTable(id="conflicts-table", cursor_type="row", zebra_stripes=True)
        yield ConflictView(id="conflict-view")
        yield Label("", id="conflicts-notice")
        yield Footer()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#conflicts-table", DataTable)

    def on_mount(self) -> None:
        # The claim last: it is the long one, and what does not fit is cut at the right edge.
        self.table.add_column("status", key="status", width=20)
        self.table.add_column("document", key="document", width=24)
        self.table.add_column("claim", key="claim")
        self._load()
        self.table.focus()

    def _load(self, keep: str | None = None) -> None:
        disputed = {row.id: row for row in self.store.list_claims(status=rules.DISPUTED, limit=LIST_LIMIT)}
        # Rows stay where they were, settled ones too (shown as settled) until the screen is opened again;
        # claims disputed since (a sync) come after them.
        rows: list[ClaimRow] = []
        for old in self.rows:
            fresh = disputed.pop(old.id, None) or self.store.get_claim(old.id)
            if fresh is not None:
                rows.append(fresh)
        self.rows = corrected_rows(self.store, rows + list(disputed.values()))  # as reviewers corrected them
        table = self.table
        table.clear()
        # Cells are Text: a str cell would be read as markup, and claims come from articles.
        for row in self.rows:
            table.add_row(
                self._status_cell(row.consensus),
                Text(one_line(row.document_title or row.document_uri)[:60], overflow="ellipsis"),
                Text(one_line(row.text)[:300]),
                key=row.id,
            )
        count = sum(1 for row in self.rows if row.consensus == rules.DISPUTED)
        more = f" (first {LIST_LIMIT:,})" if len(self.rows) >= LIST_LIMIT else ""
        self.query_one("#conflicts-title", Label).update(
            Text(f"Disputed claims: {count}{more} — enter reviews a claim, escape goes back", style="bold")
        )
        self._show_notice()
        position = next((i for i, row in enumerate(self.rows) if row.id == keep), 0)
        if self.rows:
            table.move_cursor(row=position)
        self._show_selected()

    @staticmethod
    def _status_cell(consensus: str) -> Text:
        if consensus == rules.DISPUTED:
            return Text(f"{GLYPHS[rules.DISPUTED]} disputed")
        return Text(f"settled {GLYPHS.get(consensus, '·')} {consensus}")

    def _show_notice(self) -> None:
        _allowed, notice = role_notice(self.store)
        self.query_one("#conflicts-notice", Label).update(Text(notice))

    @property
    def selected(self) -> ClaimRow | None:
        row = self.table.cursor_row
        return self.rows[row] if self.rows and 0 <= row < len(self.rows) else None

    @on(DataTable.RowHighlighted, "#conflicts-table")
    def _row_highlighted(self) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        row = self.selected
        view = self.query_one("#conflict-view", ConflictView)
        try:
            view.show(conflict_of(self.store, row) if row is not None else None)
        except ClaimreviewError:
            view.show(None)

    # -- actions -----------------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.table.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_review(self) -> None:
        row = self.selected
        if row is not None:
            self.dismiss(row.id)

    def action_settle(self, label: str) -> None:
        row = self.selected
        if row is None:
            self.notify("No disputed claim selected.", markup=False)
            return
        allowed, notice = role_notice(self.store)
        if not allowed:
            self.notify(notice, title="Cannot settle", severity="warning", markup=False)
            return

        def done(note: str | None) -> None:
            if note is not None:  # escape in the dialog leaves the claim as it was
                self._settle(row.id, label, note)

        self.app.push_screen(NoteDialog("", row.text, title=f"Settle as {label}: note (optional)"), done)

    def _settle(self, claim_id: str, label: str, note: str) -> None:
        try:
            adjudicate(self.store, claim_id, self.reviewer, label, note=note)
        except ClaimreviewError as err:
            self.notify(one_line(str(err)), title="Not settled", severity="error", markup=False)
            return
        self.post_message(VerdictSaved(claim_id))
        self.notify(f"Settled as {label}; sent with the next sync.", markup=False)
        self._load(keep=claim_id)
        # On to the next claim still disputed, if any.
        here = next((i for i, row in enumerate(self.rows) if row.id == claim_id), 0)
        open_rows = [i for i, row in enumerate(self.rows) if row.consensus == rules.DISPUTED]
        following = next((i for i in open_rows if i > here), open_rows[0] if open_rows else None)
        if following is not None:
            self.table.move_cursor(row=following)

    def refresh_after_sync(self) -> None:
        """New verdicts, new disputes, perhaps a new role: re-read everything, keep the selection."""
        row = self.selected
        self._load(keep=row.id if row is not None else None)
