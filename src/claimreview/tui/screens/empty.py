"""What an empty database opens to: how to get claims in, instead of a blank table."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Static


def empty_message(db_path: Path) -> Text:
    text = Text()
    text.append("No claims in this database yet.\n\n", style="bold")
    text.append(f"{db_path}\n\n")
    text.append("Add claims from articles (.txt, .md or .html), then press r:\n\n")
    text.append(f"  claimreview extract ARTICLE.html ... --db {db_path}\n", style="bold")
    text.append(f"  claimreview import CLAIMS.jsonl --db {db_path}\n\n", style="bold")
    text.append("Or receive your team's claims from the sync server: press s\n")
    text.append("  (set it up once with: claimreview sync --server URL --token TOKEN)\n\n")
    text.append("Or try the sample articles:  claimreview demo")
    return text


class EmptyScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("r", "recheck", "Check again", id="empty.refresh")]

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(empty_message(self.db_path), id="empty-message")
        yield Footer()

    def action_recheck(self) -> None:
        self.app.call_later(self.app.action_recheck)  # type: ignore[attr-defined]
