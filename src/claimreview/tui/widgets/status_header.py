"""The header: who reviews which database, progress per label, this session's pace, sync state."""

from __future__ import annotations

import time
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from claimreview import consensus as rules
from claimreview.textsafe import one_line
from claimreview.tui.widgets.claim_queue import GLYPHS


def format_duration(hours: float) -> str:
    minutes = round(hours * 60)
    if minutes < 60:
        return f"{minutes}m"
    if minutes < 48 * 60:
        return f"{minutes // 60}h{minutes % 60:02d}m"
    return f"{minutes // (24 * 60)}d"


class SessionPace:
    """Claims given a verdict in this session, per hour, and the time the rest would take at that pace."""

    def __init__(self, clock: float | None = None) -> None:
        self.started = clock if clock is not None else time.monotonic()
        self.claims: set[str] = set()

    def add(self, claim_id: str) -> None:
        self.claims.add(claim_id)

    def per_hour(self, now: float | None = None) -> float | None:
        elapsed = (now if now is not None else time.monotonic()) - self.started
        if not self.claims:
            return None
        # Under two minutes a rate is noise; count the session as at least that long.
        return len(self.claims) * 3600 / max(elapsed, 120)

    def describe(self, left: int, now: float | None = None) -> str:
        rate = self.per_hour(now)
        if rate is None:
            return f"{left} left · pace —"
        return f"{left} left · {rate:.0f}/h · ~{format_duration(left / rate)} to go"


class StatusHeader(Vertical):
    COMPONENT_CLASSES: ClassVar[set[str]] = {f"status-header--{label}" for label in rules.CONSENSUS_VALUES}

    def __init__(self, reviewer: str, db_path: Path, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reviewer = reviewer
        self.db_path = db_path
        self._counts: dict[str, int] | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="header-top"):
            yield Label(Text("claimreview", style="bold"), id="header-app")
            yield Label(Text(f"{one_line(self.reviewer)} @ {one_line(self.db_path.name)}"), id="header-who")
            yield Label("", id="header-filter")
            yield Label("", id="header-saved")
            # Filled in by the sync feature; present now so the layout does not move when it lands.
            yield Label("", id="sync-state")
        with Horizontal(id="header-bottom"):
            yield Label("", id="header-progress")
            yield Label("", id="header-pace")

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted and self._counts is not None:  # a theme switch: redraw in the new colours
            self.set_progress(self._counts)

    def set_progress(self, counts: dict[str, int]) -> None:
        self._counts = dict(counts)
        total = sum(counts.values())
        reviewed = total - counts.get(rules.UNREVIEWED, 0)
        text = Text(f"{reviewed}/{total} reviewed ")
        for label in (rules.CONFIRMED, rules.DENIED, rules.UNVERIFIED, rules.DISPUTED):
            style = self.get_component_rich_style(f"status-header--{label}", partial=True)
            text.append(f" {GLYPHS[label]} {counts.get(label, 0)}", style=style)
        self.query_one("#header-progress", Label).update(text)

    def set_pace(self, description: str) -> None:
        self.query_one("#header-pace", Label).update(Text(description))

    def set_filter(self, description: str) -> None:
        self.query_one("#header-filter", Label).update(Text(f"filter: {one_line(description)}"))

    def set_saved(self, message: str) -> None:
        self.query_one("#header-saved", Label).update(Text(message))

    def set_sync_state(self, message: str) -> None:
        self.query_one("#sync-state", Label).update(Text(one_line(message)))
