"""The verdict pane: your verdict, other reviewers' verdicts, and the claim's history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from claimreview import consensus as rules
from claimreview.consensus import GLYPHS
from claimreview.models import VerdictEvent
from claimreview.textsafe import one_line, printable
from claimreview.undo import VerdictState

# Colours come from styles/*.tcss through these component classes, so they follow the theme.
STYLE_NAMES = (
    "heading",
    "dim",
    "disagree",
    "link",
    "quote",
    *rules.CONSENSUS_VALUES,
    rules.CLEARED,
)
StyleOf = Callable[[str], Style]
_VERDICT_KINDS = (rules.REVIEW, rules.ADJUDICATION)


@dataclass(frozen=True, slots=True)
class VerdictView:
    """Everything the pane shows about one claim, read from the store by the screen."""

    reviewer: str
    mine: VerdictState
    others: dict[str, VerdictEvent]
    history: Sequence[VerdictEvent]  # oldest first, as the store gives it
    consensus: str
    blind: bool  # others' verdicts hidden until the reviewer has given one


def append_label(text: Text, label: str, style: StyleOf) -> None:
    """Glyph and label in the label's style (the verdict pane and the conflicts screen)."""
    glyph = GLYPHS.get(label, "·") if label != rules.CLEARED else "–"
    # Assignment and editorial labels have no colour of their own (and no component class).
    text.append(f"{glyph} {label}", style=style(label if label in STYLE_NAMES else "dim"))


def render_verdict(view: VerdictView, style: StyleOf = lambda _name: Style()) -> Text:
    """The pane's text; ``style`` maps a name from STYLE_NAMES to a Rich style."""
    out = Text()
    out.append("Your verdict  ", style=style("heading"))
    if view.mine.is_set:
        append_label(out, view.mine.label, style)
    else:
        out.append("none yet", style=style("dim"))
    if view.mine.note:
        out.append("\nNote: ", style=style("heading"))
        out.append(printable(view.mine.note))
    if view.mine.sources:
        out.append("\nEvidence:", style=style("heading"))
        for number, source in enumerate(view.mine.sources, 1):
            out.append(f"\n {number}. ")
            if source.title:
                out.append(one_line(source.title) + " — ")
            out.append(one_line(source.url), style=style("link"))
            if source.quote:
                out.append("\n    “" + one_line(source.quote) + "”", style=style("quote"))

    out.append("\n\nOther reviewers", style=style("heading"))
    if view.blind:
        out.append("\n hidden until you give your verdict (blind review)", style=style("dim"))
    elif not view.others:
        out.append("\n none yet", style=style("dim"))
    else:
        labels = {e.label for e in view.others.values()} | ({view.mine.label} if view.mine.is_set else set())
        if len(labels) > 1:
            out.append("  — they disagree", style=style("disagree"))
        for who, event in sorted(view.others.items()):
            out.append(f"\n {one_line(who)}: ")
            append_label(out, event.label, style)
            if view.mine.is_set and event.label != view.mine.label:
                out.append("  (differs from yours)", style=style("disagree"))
            if event.note:
                out.append(" — " + one_line(event.note), style=style("dim"))
    out.append("\nConsensus  ", style=style("heading"))
    append_label(out, view.consensus if not view.blind else rules.UNREVIEWED, style)

    out.append("\n\nHistory (newest first)", style=style("heading"))
    shown = 0
    hidden = 0
    for event in reversed(view.history):
        # Blind hides others' verdicts only (teamwork.visible_events): assignments stay in view.
        if view.blind and event.reviewer != view.reviewer and event.kind in _VERDICT_KINDS:
            hidden += 1
            continue
        shown += 1
        stamp = event.created_at[:19].replace("T", " ")
        out.append(f"\n {stamp}  {one_line(event.reviewer)}  ", style=style("dim"))
        if event.kind != rules.REVIEW:
            out.append(f"{event.kind} ")
        append_label(out, event.label, style)
        if event.note:
            out.append(" — " + one_line(event.note)[:200])
        if event.sources:
            out.append(f"  [{len(event.sources)} source(s)]", style=style("dim"))
    if not shown:
        out.append("\n no events yet", style=style("dim"))
    if hidden:
        out.append(f"\n {hidden} event(s) by other reviewers hidden (blind review)", style=style("dim"))
    return out


class VerdictPane(VerticalScroll, can_focus=True):
    """Scrollable; the screen calls ``show`` whenever the claim or its verdicts change."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"verdict-pane--{name}" for name in STYLE_NAMES}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", id="verdict.down", show=False),
        Binding("k", "scroll_up", "Scroll up", id="verdict.up", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="verdict-body")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: VerdictView | None = None

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"verdict-pane--{name}", partial=True)

    def show(self, view: VerdictView | None) -> None:
        self.view = view
        body = self.query_one("#verdict-body", Static)
        body.update(render_verdict(view, self._style) if view is not None else Text("no claim selected"))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted and self.view is not None:  # a theme switch: redraw in the new colours
            self.show(self.view)
