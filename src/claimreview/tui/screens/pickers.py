"""Small modal menus of the review screen: pick a filter, an address to open, a fact-check to adopt; details.

Each lists its choices with the key that picks it; escape closes without a choice. Labels are untrusted
text shown literally (Rich Text, never markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from claimreview import consensus as rules
from claimreview.models import MatchRow
from claimreview.textsafe import one_line
from claimreview.tui.widgets.claim_card import describe_match

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Pick(Generic[T]):
    key: str  # one character that picks it ("" for none)
    label: str
    value: T


class PickDialog(ModalScreen[T | None], Generic[T]):
    """A list of choices: arrows and enter, or the choice's own key."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Close", id="pick.cancel")]

    def __init__(self, title: str, picks: Sequence[Pick[T]], *, note: str = "", highlight: int = 0) -> None:
        super().__init__()
        self.title_text = title
        self.picks = list(picks)
        self.note = note
        self.highlight = highlight

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog"):
            yield Label(Text(self.title_text, style="bold"), classes="dialog-title")
            options = [
                Option(Text(f"{pick.key or ' '}  ") + Text(one_line(pick.label)), id=str(n))
                for n, pick in enumerate(self.picks)
            ]
            yield OptionList(*options, id="pick-list")
            if self.note:
                yield Label(Text(self.note), classes="dialog-caption", id="pick-note")
        yield Footer()

    def on_mount(self) -> None:
        options = self.query_one("#pick-list", OptionList)
        options.highlighted = min(self.highlight, len(self.picks) - 1) if self.picks else None
        options.focus()

    def on_key(self, event: events.Key) -> None:
        for pick in self.picks:
            if pick.key and event.character == pick.key:
                event.stop()
                self.dismiss(pick.value)
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.picks[int(event.option.id or 0)].value)

    def action_cancel(self) -> None:
        self.dismiss(None)


# The verdict keys of the matches list: the reviewer's own verdict, the fact-check attached as evidence.
ADOPT_KEYS = {"c": rules.CONFIRMED, "d": rules.DENIED, "u": rules.UNVERIFIED, "w": rules.NOT_CHECKWORTHY}


class MatchesDialog(ModalScreen[tuple[str, str] | None]):
    """The claim's published fact-check matches; c/d/u/w adopts the highlighted one with that verdict."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "adopt('confirmed')", "Adopt: confirmed", id="matches.confirm"),
        Binding("d", "adopt('denied')", "Adopt: denied", id="matches.deny"),
        Binding("u", "adopt('unverified')", "Adopt: unverified", id="matches.unverified"),
        Binding("escape", "cancel", "Close", id="matches.cancel"),
    ]

    def __init__(self, claim_text: str, matches: Sequence[MatchRow]) -> None:
        super().__init__()
        self.claim_text = claim_text
        self.matches = list(matches)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog"):
            yield Label(Text("Checked before: published fact-checks", style="bold"), classes="dialog-title")
            yield Label(Text(one_line(self.claim_text[:300])), classes="dialog-caption")
            options = []
            for n, match in enumerate(self.matches):
                line = Text(f"{match.score:.2f}  ", style="dim") + Text(describe_match(match))
                line.append("\n    " + one_line(match.claim_reviewed[:300]), style="italic")
                line.append("\n    " + one_line(match.url), style="underline")
                options.append(Option(line, id=str(n)))
            yield OptionList(*options, id="match-list")
            yield Label(
                Text("c / d / u: give that verdict with the highlighted fact-check as evidence"),
                classes="dialog-caption",
            )
        yield Footer()

    def on_mount(self) -> None:
        options = self.query_one("#match-list", OptionList)
        options.highlighted = 0 if self.matches else None
        options.focus()

    def action_adopt(self, label: str) -> None:
        highlighted = self.query_one("#match-list", OptionList).highlighted
        if highlighted is None or not self.matches:
            return
        self.dismiss((self.matches[highlighted].url, label))

    def action_cancel(self) -> None:
        self.dismiss(None)


class DetailsDialog(ModalScreen[None]):
    """Everything about the claim, whole and wrapped: what the card and the panes may have cut."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,i", "close", "Close", id="details.close")]

    def __init__(self, body: Text) -> None:
        super().__init__()
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog details-dialog"):
            yield Label(Text("Claim details", style="bold"), classes="dialog-title")
            with VerticalScroll(id="details-scroll"):
                yield Static(self.body, id="details-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#details-scroll", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
