"""One disputed claim: its text, then each reviewer's label, note, sources and time side by side."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from claimreview import consensus as rules
from claimreview.models import VerdictEvent
from claimreview.sync.adjudication import Conflict
from claimreview.textsafe import one_line, printable
from claimreview.tui.widgets.verdict_pane import StyleOf, append_label

# Colours come from styles/sync.tcss through these component classes, so they follow the theme.
STYLE_NAMES = ("heading", "dim", "link", "quote", *rules.CONSENSUS_VALUES, rules.CLEARED)


def _stamp(event: VerdictEvent) -> str:
    # UTC as stored: the same on every reviewer's screen (and in snapshots, whatever the machine's zone).
    return one_line(event.created_at[:16].replace("T", " ")) + " UTC"


def render_event(event: VerdictEvent, style: StyleOf) -> Text:
    """Label, time, note and sources of one verdict; every piece of article or reviewer text literal."""
    out = Text()
    append_label(out, event.label, style)
    out.append(f"\n{_stamp(event)}", style=style("dim"))
    if event.note:
        out.append("\nNote", style=style("heading"))
        out.append("\n" + printable(event.note))
    if event.sources:
        out.append("\nSources", style=style("heading"))
        for number, source in enumerate(event.sources, 1):
            out.append(f"\n{number}. ")
            title = str(source.get("title") or "")
            if title:
                out.append(one_line(title) + "\n   ")
            out.append(one_line(str(source.get("url") or "")), style=style("link"))
            quote = str(source.get("quote") or "")
            if quote:
                out.append("\n   “" + one_line(quote) + "”", style=style("quote"))
    return out


def render_claim(conflict: Conflict, style: StyleOf) -> Text:
    """Consensus and where the claim comes from first: a long claim is what gets cut on a small screen."""
    claim = conflict.claim
    out = Text()
    out.append("Consensus ", style=style("dim"))
    append_label(out, claim.consensus, style)
    ruling = conflict.adjudication
    if ruling is not None:
        out.append(f"  settled by {one_line(ruling.reviewer)}, {_stamp(ruling)}", style=style("dim"))
        if ruling.note:
            out.append(" — " + one_line(ruling.note))
    meta = [one_line(claim.speaker)] if claim.speaker else []
    meta.append(one_line(claim.document_title or claim.document_uri))
    out.append("\n" + " · ".join(meta), style=style("dim"))
    out.append("\n" + printable(claim.text), style=style("heading"))
    return out


def columns_of(conflict: Conflict) -> list[tuple[str, list[VerdictEvent]]]:
    """(heading, events) per column: one per reviewer, one per fork head of a reviewer whose machines fork."""
    columns: list[tuple[str, list[VerdictEvent]]] = []
    for reviewer, event in sorted(conflict.verdicts.items()):
        if reviewer not in conflict.forks:
            columns.append((one_line(reviewer), [event]))
    for reviewer, heads in sorted(conflict.forks.items()):
        # Each head is what one machine holds: side by side like two reviewers, oldest first.
        for number, head in enumerate(reversed(heads), 1):
            columns.append((f"{one_line(reviewer)} · fork {number}/{len(heads)}", [head]))
    return columns


class ConflictView(Vertical):
    """Shows one Conflict; the screen calls ``show`` whenever the selection or the claim changes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"conflict-view--{name}" for name in STYLE_NAMES}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.conflict: Conflict | None = None
        # Every Static showing styled text, with what draws it: redrawn in place on a theme switch.
        self._drawn: list[tuple[Static, Callable[[], Text]]] = []

    def compose(self) -> ComposeResult:
        yield Static(id="conflict-claim")
        yield Horizontal(id="conflict-columns")

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"conflict-view--{name}", partial=True)

    def _heading(self, heading: str) -> Text:
        return Text(heading, style=self._style("heading"))

    def _static(self, draw: Callable[[], Text], classes: str) -> Static:
        static = Static(draw(), classes=classes)
        self._drawn.append((static, draw))
        return static

    def show(self, conflict: Conflict | None) -> None:
        self.conflict = conflict
        claim = self.query_one("#conflict-claim", Static)
        columns = self.query_one("#conflict-columns", Horizontal)
        columns.remove_children()
        self._drawn = []
        if conflict is None:
            claim.update(Text("No disputed claim selected."))
            return
        self._drawn.append((claim, partial(render_claim, conflict, self._style)))
        claim.update(render_claim(conflict, self._style))
        shown: list[VerticalScroll] = []
        for heading, events in columns_of(conflict):
            body: list[Static] = [self._static(partial(self._heading, heading), "conflict-column-heading")]
            body += [self._static(partial(render_event, e, self._style), "conflict-event") for e in events]
            shown.append(VerticalScroll(*body, classes="conflict-column"))
        if not shown:
            shown.append(VerticalScroll(Static(Text("No standing verdicts.")), classes="conflict-column"))
        columns.mount_all(shown)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:  # a theme switch: redraw in the new colours
            for static, draw in self._drawn:
                static.update(draw())
