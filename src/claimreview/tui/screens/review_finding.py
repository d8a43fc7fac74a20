"""The review screen's finding keys: search as you type, the filter menu, the queue's order.

A mixin of ReviewScreen: it changes ``filter`` and asks the screen to reload the queue in a worker.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.screen import Screen
from textual.timer import Timer

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.store.queue import ARTICLE_ORDER, SCORE_ORDER, QueueFilter
from claimreview.tui.screens.pickers import Pick, PickDialog
from claimreview.tui.widgets import SearchBox

SEARCH_DELAY = 0.25  # seconds of no typing before the queue is searched

# The filter menu: key, what it shows, the status (None: every claim).
FILTERS: tuple[tuple[str, str, str | None], ...] = (
    ("u", "unreviewed (the work queue)", rules.UNREVIEWED),
    ("a", "all claims", None),
    ("c", "confirmed", rules.CONFIRMED),
    ("d", "denied", rules.DENIED),
    ("v", "unverified", rules.UNVERIFIED),
    ("w", "not check-worthy", rules.NOT_CHECKWORTHY),
    ("p", "disputed", rules.DISPUTED),
)


def work_queue(settings: Settings) -> QueueFilter:
    """What the app opens on: the unreviewed claims, in the configured order, above the score floor."""
    return QueueFilter(status=rules.UNREVIEWED, order=settings.queue_order, min_score=settings.min_score)


class FindingActions(Screen[None]):
    filter: QueueFilter
    counts: dict[str, int]
    _search_timer: Timer | None = None

    # Provided by ReviewScreen.
    def _reload(self, flt: QueueFilter) -> None:
        raise NotImplementedError

    def _focus_queue(self) -> None:
        raise NotImplementedError

    # -- search --------------------------------------------------------------------------------------

    def action_search(self) -> None:
        box = self.query_one("#search", SearchBox)
        box.add_class("-open")
        box.focus()

    @on(SearchBox.Changed, "#search")
    def _search_typed(self, event: SearchBox.Changed) -> None:
        # Debounced: a search over 100,000 claims is a read in a worker, not one per key.
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self._search_now)

    def _search_now(self) -> None:
        self._search_timer = None
        term = self.query_one("#search", SearchBox).value.strip()
        if term != self.filter.search:
            self._reload(replace(self.filter, search=term))

    @on(SearchBox.Submitted, "#search")
    def _search_submitted(self, event: SearchBox.Submitted) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_now()
        if not event.value.strip():
            event.input.remove_class("-open")
        self._focus_queue()

    @on(SearchBox.Cancelled)
    def _search_cancelled(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        self.query_one("#search", SearchBox).remove_class("-open")
        self._focus_queue()
        if self.filter.search:
            self._reload(replace(self.filter, search=""))

    def action_clear_search(self) -> None:
        """escape on the queue: drop an active search (the box may be closed)."""
        box = self.query_one("#search", SearchBox)
        if self.filter.search or box.value:
            box.action_cancel()

    # -- filter and order ----------------------------------------------------------------------------

    def action_filter_menu(self) -> None:
        picks = [
            Pick(key, f"{name} ({self._count_of(status)})", status or "") for key, name, status in FILTERS
        ]
        current = next((n for n, (_, _, status) in enumerate(FILTERS) if status == self.filter.status), 0)

        def done(status: str | None) -> None:
            if status is not None:
                self._reload(replace(self.filter, status=status or None))

        self.app.push_screen(PickDialog("Show which claims?", picks, highlight=current), done)

    def _count_of(self, status: str | None) -> int:
        return sum(self.counts.values()) if status is None else self.counts.get(status, 0)

    def action_toggle_order(self) -> None:
        order = SCORE_ORDER if self.filter.order == ARTICLE_ORDER else ARTICLE_ORDER
        self._reload(replace(self.filter, order=order))
