"""What the app draws first: the header and a loading line, while a worker opens the database.

Imports nothing of the store: opening it imports SQLAlchemy and SQLModel (~0.3 s), which the first
frame does not wait for (bench/tui.py measures both).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Static

from claimreview.textsafe import one_line
from claimreview.tui.widgets.status_header import StatusHeader


class LoadingScreen(Screen[None]):
    """The header with who and where, and "loading"; the review (or empty) screen is pushed over it."""

    def __init__(self, reviewer: str, db_path: Path) -> None:
        super().__init__()
        self.reviewer = reviewer
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        yield StatusHeader(self.reviewer, self.db_path, id="header")
        with Middle(), Center():
            yield Static(Text(f"loading {one_line(str(self.db_path))} …"), id="loading-message")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(StatusHeader).set_filter("loading…")

    def failed(self, message: str) -> None:
        """Opening failed: say so here too (the app exits and the command prints it)."""
        self.query_one("#loading-message", Static).update(Text(one_line(message)))
