"""The header: who reviews which database, progress per label, this session's pace, sync state."""

from __future__ import annotations

import time
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Label

from claimreview import consensus as rules
from claimreview.consensus import GLYPHS
from claimreview.textsafe import one_line


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
        """None until the session says something: at least MIN_CLAIMS verdicts over MIN_SECONDS
        (one verdict in ten seconds is not a pace of 360 an hour)."""
        elapsed = (now if now is not None else time.monotonic()) - self.started
        if len(self.claims) < MIN_CLAIMS or elapsed < MIN_SECONDS:
            return None
        return len(self.claims) * 3600 / elapsed

    def describe(self, left: int, now: float | None = None) -> str:
        rate = self.per_hour(now)
        if rate is None:
            return f"{left} left"
        return f"{left} left · {rate:.0f}/h · ~{format_duration(left / rate)} to go"


MIN_CLAIMS = 5
MIN_SECONDS = 120
SAVED_SECONDS = 6  # how long "saved ✓ …" stays in the header before it is stale


# Line 1 pieces in the order they get room when the line is too narrow for all of them: the sync state
# first and whole, then this session's last action, who and where, the filter (also in the queue's
# title). A piece that does not get all its room is cut with an ellipsis, or hidden if that leaves it
# under its MIN_WIDTH ("filter: un…" says nothing). The app name is not here: styles/review.tcss hides
# it under 100 columns, and above that it fits.
TOP_PRIORITY = ("sync-state", "header-saved", "header-who", "header-filter")
MIN_WIDTH = {"header-saved": 8, "header-who": 8, "header-filter": 16}
APP_NAME = Text("claimreview", style="bold")


def squeeze(text: Text, width: int) -> Text:
    """``text`` cut to at most ``width`` cells, with an ellipsis when it is cut."""
    if text.cell_len <= width:
        return text
    cut = text.copy()
    cut.truncate(max(width, 0), overflow="ellipsis")
    return cut


class StatusHeader(Vertical):
    COMPONENT_CLASSES: ClassVar[set[str]] = {f"status-header--{label}" for label in rules.CONSENSUS_VALUES}

    def __init__(self, reviewer: str, db_path: Path, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reviewer = reviewer
        self.db_path = db_path
        self._counts: dict[str, int] | None = None
        # Line 1's pieces in full; what each label shows is cut to fit by _fit_top.
        self._top: dict[str, Text] = {}
        self._shown: dict[str, Text | None] = {}  # what each label shows now (None: hidden)
        self._saved_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="header-top"):
            yield Label(APP_NAME, id="header-app")
            yield Label("", id="header-who")
            yield Label("", id="header-filter")
            yield Label("", id="header-saved")
            # Filled in by the sync feature; present now so the layout does not move when it lands.
            yield Label("", id="sync-state")
        with Horizontal(id="header-bottom"):
            yield Label("", id="header-progress")
            yield Label("", id="header-pace")

    def on_mount(self) -> None:
        # No name yet while the app loads the settings that give it.
        who = f"{one_line(self.reviewer)} @ " if self.reviewer else ""
        self._set_top("header-who", Text(f"{who}{one_line(self.db_path.name)}"))

    def on_resize(self, _event: events.Resize) -> None:
        # After the refresh: a breakpoint class (the app name shown or not) has been applied by then.
        self.call_after_refresh(self._fit_top)

    def _set_top(self, piece: str, text: Text) -> None:
        self._top[piece] = text
        self._fit_top()

    def _fit_top(self) -> None:
        """Share line 1 between its pieces by priority so that none runs into another."""
        if not self.is_mounted:
            return
        room = self.query_one("#header-top", Horizontal).content_region.width
        if not room:  # not laid out yet: on_resize fits it
            room = sum(text.cell_len + 2 for text in self._top.values())
        app_name = self.query_one("#header-app", Label)
        if app_name.styles.display != "none":
            room -= APP_NAME.cell_len + app_name.styles.margin.width
        for piece in TOP_PRIORITY:
            label = self.query_one(f"#{piece}", Label)
            text = self._top.get(piece, Text())
            margin = label.styles.margin.width
            width = min(text.cell_len, room - margin)
            # The sync state is cut only when the whole line is narrower than it; the others give way.
            shown = bool(text.plain) and (
                piece == "sync-state" or width == text.cell_len or width >= MIN_WIDTH[piece]
            )
            cut = squeeze(text, width) if shown else None
            if cut != self._shown.get(piece, False):
                self._shown[piece] = cut
                label.set_class(cut is None, "-squeezed")
                if cut is not None:
                    label.update(cut)
            if cut is not None:
                room -= cut.cell_len + margin

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted and self._counts is not None:  # a theme switch: redraw in the new colours
            self.set_progress(self._counts)

    def set_progress(self, counts: dict[str, int]) -> None:
        self._counts = dict(counts)
        total = sum(counts.values())
        # Not check-worthy is a decision too: it counts as done. Counts, never a rounded percentage.
        reviewed = total - counts.get(rules.UNREVIEWED, 0)
        text = Text(f"{reviewed} of {total} done ")
        for label in (rules.CONFIRMED, rules.DENIED, rules.UNVERIFIED, rules.NOT_CHECKWORTHY, rules.DISPUTED):
            style = self.get_component_rich_style(f"status-header--{label}", partial=True)
            text.append(f" {GLYPHS[label]} {counts.get(label, 0)}", style=style)
        self.query_one("#header-progress", Label).update(text)

    def set_pace(self, description: str) -> None:
        self.query_one("#header-pace", Label).update(Text(description))

    def set_filter(self, description: str) -> None:
        self._set_top("header-filter", Text(f"filter: {one_line(description)}"))

    def set_saved(self, message: str) -> None:
        self._set_top("header-saved", Text(message))
        # A message about the last action goes stale: cleared after a few seconds (a newer one restarts).
        if self._saved_timer is not None:
            self._saved_timer.stop()
        self._saved_timer = self.set_timer(SAVED_SECONDS, self._clear_saved) if message else None

    def _clear_saved(self) -> None:
        self._saved_timer = None
        self._set_top("header-saved", Text())

    def set_sync_state(self, message: str) -> None:
        self._set_top("sync-state", Text(one_line(message)))

    def set_my_work(self, text: Text) -> None:
        """In a team queue the progress line counts the reviewer's own work (tui/screens/team_queue.py)
        instead of everyone's counts, which a theme switch must then not draw back."""
        self._counts = None
        self.query_one("#header-progress", Label).update(text)
