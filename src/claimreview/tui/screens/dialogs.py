"""Modal dialogs: the note editor and the evidence form. While one is open no verdict key fires."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, TextArea

from claimreview.errors import InputError
from claimreview.evidence import MAX_QUOTE, MAX_TITLE, make_source
from claimreview.models import Source
from claimreview.textsafe import one_line


def _claim_caption(claim_text: str, width: int = 200) -> Text:
    return Text(one_line(claim_text[:width]), no_wrap=True, overflow="ellipsis")


class NoteDialog(ModalScreen[str | None]):
    """Edit the note of your verdict; returns the new note, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="note.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    def __init__(self, note: str, claim_text: str, title: str = "Note (kept with your verdict)") -> None:
        super().__init__()
        self.note = note
        self.claim_text = claim_text
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            yield Label(Text(self.title_text, style="bold"), classes="dialog-title")
            yield Label(_claim_caption(self.claim_text), classes="dialog-caption")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="note-save", variant="primary")
                yield Button("Cancel (esc)", id="note-cancel")
        # Covers the review screen's footer, whose keys do not work while the dialog is open.
        yield Footer()

    def on_mount(self) -> None:
        area = self.query_one("#note-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one("#note-text", TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.action_cancel()


FIELDS = ("evidence-url", "evidence-title", "evidence-quote")


class EvidenceDialog(ModalScreen[Source | None]):
    """Attach an evidence source: URL (validated before the dialog closes), title and quote."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Attach", id="evidence.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="evidence.cancel"),
        # Priority: handled as the key arrives, before the keys after it are handed to a field, so that
        # a burst (a paste the terminal types: URL, Enter, title, Enter, quote) fills the right fields.
        Binding("enter", "next_field", "Next field", id="evidence.next", show=False, priority=True),
    ]

    def __init__(self, claim_text: str) -> None:
        super().__init__()
        self.claim_text = claim_text

    def compose(self) -> ComposeResult:
        with Vertical(id="evidence-dialog", classes="dialog"):
            yield Label(Text("Attach an evidence source", style="bold"), classes="dialog-title")
            yield Label(_claim_caption(self.claim_text), classes="dialog-caption")
            yield Input(placeholder="https://…", id="evidence-url")
            yield Input(placeholder="title (optional)", id="evidence-title", max_length=MAX_TITLE)
            yield Input(placeholder="quote (optional)", id="evidence-quote", max_length=MAX_QUOTE)
            yield Label("", id="evidence-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Attach (ctrl+s)", id="evidence-save", variant="primary")
                yield Button("Cancel (esc)", id="evidence-cancel")
        # Covers the review screen's footer, whose keys do not work while the dialog is open.
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#evidence-url", Input).focus()

    def action_save(self) -> None:
        url = self.query_one("#evidence-url", Input).value
        title = self.query_one("#evidence-title", Input).value
        quote = self.query_one("#evidence-quote", Input).value
        try:
            source = make_source(url, title, quote)
        except InputError as err:
            self.query_one("#evidence-error", Label).update(Text(one_line(err.reason)))
            self.query_one("#evidence-url", Input).focus()
            return
        self.dismiss(source)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_next_field(self) -> None:
        """Enter: the next field, attach from the last one, or press the focused button."""
        focused = self.focused
        if isinstance(focused, Button):
            focused.press()
        elif focused is not None and focused.id == "evidence-quote":
            self.action_save()
        else:
            self.focus_next()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "evidence-url":
            self.query_one("#evidence-error", Label).update("")  # the old complaint is about old text

    def on_paste(self, event: events.Paste) -> None:
        # A bracketed paste of several lines fills the fields in order from the focused one.
        lines = [line.strip() for line in event.text.splitlines()]
        focused = self.focused
        if len(lines) < 2 or focused is None or focused.id not in FIELDS:
            return
        event.stop()
        event.prevent_default()
        start = FIELDS.index(focused.id)
        for field_id, line in zip(FIELDS[start:], lines, strict=False):
            self.query_one(f"#{field_id}", Input).value = line
        last = FIELDS[min(start + len(lines), len(FIELDS)) - 1]
        self.query_one(f"#{last}", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "evidence-save":
            self.action_save()
        else:
            self.action_cancel()
