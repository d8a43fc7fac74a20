"""The review app: which screen opens, app-wide keys, the keymap, the command palette."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.worker import get_current_worker

from claimreview.config import Settings
from claimreview.errors import ClaimreviewError
from claimreview.paths import styles_dir
from claimreview.store import Store
from claimreview.store import sync_state as local
from claimreview.store.queue import consensus_counts
from claimreview.sync.client import SyncClient
from claimreview.sync.run import run_sync
from claimreview.textsafe import one_line
from claimreview.tui.messages import SyncFailed, SyncFinished, SyncProgressed, VerdictSaved
from claimreview.tui.screens import (
    ConflictsScreen,
    DocumentScreen,
    DocumentsScreen,
    EmptyScreen,
    EvidenceDialog,
    ExportDialog,
    HelpScreen,
    NoteDialog,
    ReviewScreen,
)
from claimreview.tui.screens.help import KeyRow, bindings_of, key_rows
from claimreview.tui.sync_state import (
    ClientFactory,
    SyncConnection,
    app_client,
    describe_progress,
    short_reason,
    sync_state_text,
)
from claimreview.tui.widgets import ClaimQueue, DocumentView, SearchBox, VerdictPane

AUTO_SYNC_MIN_SECONDS = 5  # a smaller setting would keep the server busy for nothing


class _SyncCancelled(Exception):
    """Raised inside the worker's progress callback to stop a sync the app no longer wants."""


def css_paths() -> list[Path]:
    # Every .tcss in styles/, in name order; each file styles one screen or a family of widgets.
    return sorted(styles_dir().glob("*.tcss"))


# App-wide actions that wait while a dialog is open (escape closes the dialog first).
APP_KEYS_PAUSED_BY_DIALOGS = frozenset({"quit", "sync", "help"})


class ClaimReviewApp(App[None]):
    """Review claims in one database as one reviewer."""

    TITLE = "claimreview"
    CSS_PATH = css_paths()  # type: ignore[assignment]
    BINDINGS: ClassVar[list[BindingType]] = [
        # App-wide so that it also works on the empty-database screen, where a sync brings the claims.
        Binding("s", "sync", "Sync", id="sync.now"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        # Declared here (Textual then adds none of its own) so that it has an id and can be remapped.
        Binding("ctrl+p", "command_palette", "Commands", id="app.commands", show=False, priority=True),
    ]

    # The header's sync slot; review screens watch it.
    sync_state: reactive[str] = reactive("", init=False)

    def __init__(
        self,
        store: Store,
        reviewer: str,
        settings: Settings | None = None,
        *,
        sync_client: ClientFactory = app_client,
    ) -> None:
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.settings = settings or Settings()
        self.set_keymap(dict(self.settings.keymap))
        self.connection = SyncConnection(self.settings.server, sync_client)
        self.sync_running = False
        self._sync_progress: str | None = None
        self._sync_failure: str | None = None
        self._pending = 0
        self._last_sync: str | None = None

    def on_mount(self) -> None:
        self._show_sync_state(recount=True)
        if self.settings.auto_sync_seconds > 0:
            self.set_interval(max(AUTO_SYNC_MIN_SECONDS, self.settings.auto_sync_seconds), self._auto_sync)

    def on_ready(self) -> None:
        # What exists at the first frame (Textual, the screen, the queue's index) lives as long as the app.
        # Frozen, it is left out of full garbage collections, which otherwise walk all of it: at 100,000
        # claims one of those took ~60 ms every dozen key presses (bench/tui.py key p95). Refcounting
        # still frees any of it that goes away (an index replaced by a reload).
        gc.freeze()

    def on_unmount(self) -> None:
        # A sync still running stops at its next progress step; what it committed so far stays.
        self.workers.cancel_group(self, "sync")
        self.connection.close()
        gc.unfreeze()  # collectable again, e.g. when tests run many apps in one process

    def _has_claims(self) -> bool:
        return sum(consensus_counts(self.store).values()) > 0

    def get_default_screen(self) -> Screen[None]:
        if not self._has_claims():
            return EmptyScreen(self.store.path)
        return ReviewScreen(self.store, self.reviewer, self.settings)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A dialog owns the keyboard: "q" on a focused Select must not quit with a form half filled.
        return not (action in APP_KEYS_PAUSED_BY_DIALOGS and isinstance(self.screen, ModalScreen))

    def action_recheck(self) -> None:
        """From the empty screen: open the queue once claims have arrived."""
        if not self._has_claims():
            self.notify("Still no claims in this database.", markup=False)
            return
        self._open_review()

    def _open_review(self) -> None:
        # Pushed over the empty screen, not switched: Textual cannot switch away from the default screen
        # (it pops a result callback that screen never had). The empty screen just stays underneath.
        self.push_screen(ReviewScreen(self.store, self.reviewer, self.settings))

    # -- sync --------------------------------------------------------------------------------------

    def action_sync(self) -> None:
        self._start_sync(manual=True)

    def _auto_sync(self) -> None:
        if not self.sync_running:
            self._start_sync(manual=False)

    def _start_sync(self, *, manual: bool) -> None:
        if self.sync_running:
            if manual:
                self.notify("A sync is already running.", markup=False)
            return
        try:
            client = self.connection.client()
        except ClaimreviewError as err:
            if manual:  # the timer stays quiet until the user has configured a server
                self.notify(one_line(str(err)), title="Sync not set up", severity="warning", markup=False)
            return
        self.sync_running = True
        self._sync_progress = "syncing…"
        self._show_sync_state()
        self._sync(client, manual)

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def _sync(self, client: SyncClient, manual: bool) -> None:
        worker = get_current_worker()
        last = ""

        def progress(phase: str, done: int, total: int | None) -> None:
            nonlocal last
            if worker.is_cancelled:
                raise _SyncCancelled
            text = describe_progress(phase, done, total)
            if text != last:  # pages arrive fast; only a changed text is worth a message
                last = text
                self.post_message(SyncProgressed(text))

        try:
            report = run_sync(self.store, client, progress=progress)
        except _SyncCancelled:
            return
        except ClaimreviewError as err:
            self.post_message(SyncFailed(one_line(str(err)), short_reason(err), manual))
            return
        except Exception as err:
            # Whatever went wrong (a locked database, a bug), a sync must never take the app down.
            message = one_line(f"sync failed unexpectedly: {type(err).__name__}: {err}")
            self.post_message(SyncFailed(message, type(err).__name__, manual))
            return
        self.post_message(SyncFinished(report, manual))

    @on(SyncProgressed)
    def _sync_progressed(self, message: SyncProgressed) -> None:
        if self.sync_running:
            self._sync_progress = message.text
            self._show_sync_state()

    @on(SyncFinished)
    def _sync_finished(self, message: SyncFinished) -> None:
        self.sync_running = False
        self._sync_progress = None
        self._sync_failure = None
        self._show_sync_state(recount=True)
        report = message.report
        if message.manual:
            self.notify(one_line(report.summary()), title="Synced", markup=False)
        if report.reviewer != self.reviewer and self._pending:  # counted just above
            self.notify(
                one_line(
                    f"Your token is for '{report.reviewer}' but you review as '{self.reviewer}': "
                    "your verdicts are not sent. Start the app with --reviewer "
                    f"{report.reviewer} or use your own token."
                ),
                title="Reviewer name differs",
                severity="warning",
                timeout=15,
                markup=False,
            )
        self._after_sync()

    @on(SyncFailed)
    def _sync_failed(self, message: SyncFailed) -> None:
        self.sync_running = False
        self._sync_progress = None
        self._sync_failure = message.reason
        self._show_sync_state(recount=True)
        if message.manual:
            self.notify(message.message, title="Sync failed", severity="error", timeout=10, markup=False)
        # Part of the pull may have landed before the failure: show it.
        self._after_sync()

    def _after_sync(self) -> None:
        if isinstance(self.screen, EmptyScreen):
            if self._has_claims():
                self._open_review()
            return
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen | ConflictsScreen):
                screen.refresh_after_sync()

    @on(VerdictSaved)
    def _verdict_saved(self) -> None:
        # Exactly one event of this reviewer was committed and none was sent: no need to count the outbox
        # (a verdict key runs at most 4 statements, tests/tui/test_review.py).
        self._pending += 1
        self._show_sync_state()

    def _show_sync_state(self, *, recount: bool = False) -> None:
        if recount:
            self._pending = local.pending_count(self.store, self.reviewer)
            self._last_sync = local.last_sync_time(self.store)
        self.sync_state = sync_state_text(
            self._pending,
            self._last_sync,
            progress=self._sync_progress,
            failure=self._sync_failure,
        )

    # -- help and palette --------------------------------------------------------------------------

    def binding_groups(self) -> list[tuple[str, Iterable[BindingType]]]:
        return [
            ("everywhere", self.BINDINGS),
            ("review", ReviewScreen.BINDINGS),
            ("queue", ClaimQueue.BINDINGS),
            ("source text", DocumentView.BINDINGS),
            ("verdict pane", VerdictPane.BINDINGS),
            ("search box", SearchBox.BINDINGS),
            ("note dialog", NoteDialog.BINDINGS),
            ("evidence dialog", EvidenceDialog.BINDINGS),
            ("export dialog", ExportDialog.BINDINGS),
            ("documents", DocumentsScreen.BINDINGS),
            ("conflicts", ConflictsScreen.BINDINGS),
            ("document", DocumentScreen.BINDINGS),
            ("help", HelpScreen.BINDINGS),
            ("empty database", EmptyScreen.BINDINGS),
        ]

    def key_rows(self) -> list[KeyRow]:
        return key_rows(self.binding_groups(), self.settings.keymap, self.get_key_display)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        intro = (
            f"claimreview — reviewing {self.store.path} as {self.reviewer}\n"
            'Remap any key in the config file, e.g. [keymap] "claim.confirm" = "y". '
            "Escape closes this screen."
        )
        self.push_screen(HelpScreen(self.key_rows(), intro))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        keys = {row.binding_id: row.keys for row in self.key_rows()}
        if isinstance(screen, ReviewScreen):
            # Every action of the main screen, labelled "group: verb" with the key that does it.
            for binding in bindings_of(ReviewScreen.BINDINGS):
                group = (binding.id or "claim").split(".")[0]
                yield SystemCommand(
                    f"{group}: {binding.description}",
                    f"key: {keys.get(binding.id or '', binding.key)}",
                    partial(self._run_on, screen, binding.action),
                )
        yield SystemCommand("sync: now", f"key: {keys.get('sync.now', 's')}", self.action_sync)
        yield SystemCommand("help: keys", "every key and its binding id", self.action_help)

    async def _run_on(self, screen: Screen[object], action: str) -> None:
        await self.run_action(action, screen)
