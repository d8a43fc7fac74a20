"""The correction dialog (``K``): the claim's speaker and boundaries as the reviewer reads them.

It works on the claim as it stands (the extraction, or the correction in force) and returns the payload
of a new correction (``corrections.revise`` computes it, as for ``claimreview correct``), or None.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from claimreview.corrections import SPEAKER_LIMIT, payload_of
from claimreview.errors import InputError
from claimreview.extract.revise import revise
from claimreview.textsafe import one_line

# The preview shows this much of the claim's text; the whole text is on the source pane after saving.
PREVIEW_CHARS = 400


class CorrectionDialog(ModalScreen[dict[str, Any] | None]):
    """Set the speaker, extend the claim to the next sentence, drop a first sentence glued to it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="correct.save", priority=True),
        Binding("ctrl+n", "extend", "+ next sentence", id="correct.extend", priority=True),
        Binding("ctrl+t", "drop_first", "− first sentence", id="correct.drop_first", priority=True),
        Binding("escape", "cancel", "Cancel", id="correct.cancel"),
    ]

    def __init__(self, document_text: str, speaker: str | None, start: int, end: int) -> None:
        super().__init__()
        self.document_text = document_text
        self.standing = (speaker, start, end)
        self.start, self.end = start, end

    def compose(self) -> ComposeResult:
        with Vertical(id="correct-dialog", classes="dialog"):
            yield Label(Text("Correct the claim (the extraction stays in history)", style="bold"))
            yield Input(
                self.standing[0] or "",
                placeholder="speaker (empty: nobody named)",
                id="correct-speaker",
                max_length=SPEAKER_LIMIT,
            )
            yield Static(id="correct-preview")
            yield Label("", id="correct-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("+ next sentence (ctrl+n)", id="correct-extend")
                yield Button("− first sentence (ctrl+t)", id="correct-drop")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="correct-save", variant="primary")
                yield Button("Cancel (esc)", id="correct-cancel")
        yield Footer()

    def on_mount(self) -> None:
        self._show_span()
        self.query_one("#correct-speaker", Input).focus()

    def _show_span(self) -> None:
        text = one_line(self.document_text[self.start : self.end])
        if len(text) > PREVIEW_CHARS:
            text = text[:PREVIEW_CHARS] + "…"
        preview = Text()
        preview.append(f"{self.start}..{self.end}  ", style="dim")
        preview.append(text)  # untrusted: literal text, never markup
        self.query_one("#correct-preview", Static).update(preview)

    def _complain(self, err: InputError) -> None:
        self.query_one("#correct-error", Label).update(Text(one_line(err.reason)))

    def _move(self, *, extend_next: bool = False, drop_first: bool = False) -> None:
        try:
            payload = revise(
                self.document_text,
                (None, self.start, self.end),
                extend_next=extend_next,
                drop_first=drop_first,
            )
        except InputError as err:
            self._complain(err)
            return
        self.start, self.end = payload["start"], payload["end"]
        self.query_one("#correct-error", Label).update("")
        self._show_span()

    def action_extend(self) -> None:
        self._move(extend_next=True)

    def action_drop_first(self) -> None:
        self._move(drop_first=True)

    def action_save(self) -> None:
        speaker = self.query_one("#correct-speaker", Input).value
        try:
            payload = revise(
                self.document_text, self.standing, speaker=speaker, start=self.start, end=self.end
            )
        except InputError as err:
            self._complain(err)
            return
        unchanged = payload == payload_of(*self.standing)
        self.dismiss(None if unchanged else payload)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "correct-extend": self.action_extend,
            "correct-drop": self.action_drop_first,
            "correct-save": self.action_save,
        }
        actions.get(event.button.id or "", self.action_cancel)()
