"""Team work in the app: the queue chooser (mine, not decided by me, disputed, decided by me, all), the
review screen's team actions (the reviewer's own progress in the header), and the assignment dialog of
the documents screen.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, Label, OptionList
from textual.widgets.option_list import Option

from claimreview import consensus as rules
from claimreview import teamwork
from claimreview.errors import ClaimreviewError
from claimreview.store import team
from claimreview.store.team_queue import QUEUE_NAMES, TeamIndex
from claimreview.textsafe import one_line
from claimreview.tui.messages import VerdictSaved

if TYPE_CHECKING:
    from claimreview.store import Store
    from claimreview.tui.screens.review import ReviewScreen

MAX_NAMES = 20
NAME_LIMIT = 80


class QueueDialog(ModalScreen[str | None]):
    """Pick a team queue; returns its name (store.team.QUEUES), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="queues.cancel"),
    ]

    def __init__(self, counts: dict[str, int], current: str | None) -> None:
        super().__init__()
        self.counts = counts
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="queue-dialog", classes="dialog"):
            yield Label(
                Text("Work queue — enter opens it, escape cancels", style="bold"), classes="dialog-title"
            )
            options = [
                Option(Text(f"{name:<9} {QUEUE_NAMES[name]} ({self.counts.get(name, 0):,})"), id=name)
                for name in team.QUEUES
            ]
            yield OptionList(*options, id="queue-options")
        yield Footer()

    def on_mount(self) -> None:
        options = self.query_one("#queue-options", OptionList)
        current = self.current or team.ALL
        options.highlighted = team.QUEUES.index(current) if current in team.QUEUES else 0
        options.focus()

    @on(OptionList.OptionSelected, "#queue-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def queue_counts(store: Store, me: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in team.QUEUES:
        ids = team.queue_ids(store, name, me)
        counts[name] = len(ids) if ids is not None else len(store.list_claims())
    return counts


class TeamQueueActions:
    """The review screen's team keys and header progress (mixed into ReviewScreen)."""

    def action_choose_queue(self: ReviewScreen) -> None:  # type: ignore[misc]
        def done(name: str | None) -> None:
            if name is None:
                return
            if name == team.ALL:  # every claim: the screen's own status filters apply again
                flt = replace(self.filter, team=None, me="", status=None)
            else:
                flt = replace(self.filter, team=name, me=self.reviewer, status=None)
            self._reload(flt)

        self.app.push_screen(QueueDialog(queue_counts(self.store, self.reviewer), self.filter.team), done)

    def show_team_progress(self: ReviewScreen) -> None:  # type: ignore[misc]
        """In a team queue the header counts my own work: of the claims assigned to me, how many I decided."""
        index = self.queue.index
        if not isinstance(index, TeamIndex):
            return
        done, assigned = index.progress()
        text = Text(f"my work: {done}/{assigned} done", style="bold")
        text.append(f" · {len(index.decided):,} decided in all ")
        self.header.set_my_work(text)
        self.header.set_pace(self.pace.describe(assigned - done))

    def on_verdict_saved(self: ReviewScreen, message: VerdictSaved) -> None:  # type: ignore[misc]
        index = self.queue.index
        if isinstance(index, TeamIndex):
            events = self.store.events_for_claim(message.claim_id)
            index.mark(message.claim_id, teamwork.decided_by(events, self.reviewer))
            self.show_team_progress()

    def action_editor(self: ReviewScreen) -> None:  # type: ignore[misc]
        from claimreview.tui.screens.editor import EditorScreen

        def done(claim_id: str | None) -> None:
            if claim_id is not None:
                self.jump_to(claim_id)

        self.app.push_screen(EditorScreen(self.store, self.reviewer, self.settings), done)


# -- assignment ---------------------------------------------------------------------------------------


def parse_names(raw: str) -> list[str]:
    """Comma-separated names, stripped, blanks and repeats dropped; ValueError says what is wrong."""
    names = list(dict.fromkeys(one_line(n).strip() for n in raw.split(",") if n.strip()))
    if len(names) > MAX_NAMES:
        raise ValueError(f"at most {MAX_NAMES} names")
    for name in names:
        if len(name) > NAME_LIMIT:
            raise ValueError(f"a name is at most {NAME_LIMIT} characters: '{name[:20]}…'")
    return names


class AssignDialog(ModalScreen[list[str] | None]):
    """Names to assign a document's claims to; returns them (empty: clear), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Assign", id="assign.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="assign.cancel"),
    ]

    def __init__(self, title: str, claims: int, names: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.claims = claims
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical(id="assign-dialog", classes="dialog"):
            yield Label(Text(f"Assign {self.claims} claim(s) to", style="bold"), classes="dialog-title")
            yield Label(
                Text(one_line(self.title_text)[:200], no_wrap=True, overflow="ellipsis"),
                classes="dialog-caption",
            )
            yield Input(
                ", ".join(self.names),
                placeholder="names, comma-separated (empty: unassign)",
                id="assign-names",
            )
            yield Label("", id="assign-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Assign (enter)", id="assign-save", variant="primary")
                yield Button("Cancel (esc)", id="assign-cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#assign-names", Input).focus()

    def action_save(self) -> None:
        try:
            names = parse_names(self.query_one("#assign-names", Input).value)
        except ValueError as err:
            self.query_one("#assign-error", Label).update(Text(str(err)))
            return
        self.dismiss(names)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "assign-save":
            self.action_save()
        else:
            self.action_cancel()


def assign_document(screen: Screen[Any], store: Store, document_id: str, assigner: str) -> None:
    """Open the assignment dialog for every claim of a document, and record what it returns."""
    from claimreview.sync.adjudication import may_record_here, refusal

    if may_record_here(store, rules.ASSIGNMENT) is False:
        screen.notify(one_line(refusal(store, rules.ASSIGNMENT)), title="Cannot assign", severity="warning")
        return
    claims = [row.id for row in store.list_claims(document=document_id)]
    if not claims:
        screen.notify("This document has no claims to assign.", markup=False)
        return
    document = store.get_document(document_id)
    title = (document.title or document.uri) if document is not None else document_id
    by_claim = team.assignments(store)
    current = sorted({name for cid in claims for name in by_claim.get(cid, ())}, key=str.casefold)

    def done(names: list[str] | None) -> None:
        if names is None:
            return
        try:
            written = team.record_assignments(store, assigner, {cid: names or None for cid in claims})
        except ClaimreviewError as err:
            screen.notify(one_line(str(err)), title="Not assigned", severity="error", markup=False)
            return
        who = ", ".join(names) if names else "nobody (your assignments cleared)"
        screen.notify(
            one_line(f"{len(claims)} claim(s) assigned to {who}; {written} change(s) recorded."), markup=False
        )

    screen.app.push_screen(AssignDialog(title, len(claims), current), done)
