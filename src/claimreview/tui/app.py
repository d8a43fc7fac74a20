"""The review app: which screen opens, app-wide keys, the keymap, the command palette.

Started on a database path, it draws the header and a loading line first, then opens the store (which
imports SQLAlchemy and SQLModel) and reads the first screen's index in a worker. Nothing imported at
module level here may import the store; screens are imported where they are first needed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.worker import get_current_worker

from claimreview.errors import ClaimreviewError
from claimreview.paths import styles_dir
from claimreview.textsafe import one_line
from claimreview.tui.messages import SyncFailed, SyncFinished, SyncProgressed, VerdictSaved
from claimreview.tui.screens.loading import LoadingScreen
from claimreview.tui.sync_state import (
    ClientFactory,
    SyncConnection,
    app_client,
    describe_progress,
    short_reason,
    sync_state_text,
)

if TYPE_CHECKING:
    from claimreview.config import Settings
    from claimreview.store import Store
    from claimreview.store.queue import QueueIndex
    from claimreview.sync.client import SyncClient
    from claimreview.tui.screens.help import KeyRow

AUTO_SYNC_MIN_SECONDS = 5  # a smaller setting would keep the server busy for nothing


class _SyncCancelled(Exception):
    """Raised inside the worker's progress callback to stop a sync the app no longer wants."""


def css_paths() -> list[Path]:
    # Every .tcss in styles/, in name order; each file styles one screen or a family of widgets.
    return sorted(styles_dir().glob("*.tcss"))


# App-wide actions that wait while a dialog is open (escape closes the dialog first).
APP_KEYS_PAUSED_BY_DIALOGS = frozenset({"quit", "sync", "help"})


@dataclass
class StoreOpened(Message):
    """The worker opened the database and read what the first screen shows."""

    store: Store
    settings: Settings
    reviewer: str
    index: QueueIndex | None  # the default queue's (team_queue.default_filter); None: no claims
    counts: dict[str, int]
    pending: int
    last_sync: str | None


@dataclass
class StoreFailed(Message):
    error: ClaimreviewError


class ClaimReviewApp(App[None]):
    """Review claims in one database as one reviewer."""

    TITLE = "claimreview"
    CSS_PATH = css_paths()  # type: ignore[assignment]
    BINDINGS: ClassVar[list[BindingType]] = [
        # App-wide so that it also works on the empty-database screen, where a sync brings the claims.
        Binding("s", "sync", "Sync", id="sync.now", show=False),  # the header shows the sync state
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        # Declared here (Textual then adds none of its own) so that it has an id and can be remapped.
        Binding("ctrl+p", "command_palette", "Commands", id="app.commands", show=False, priority=True),
    ]

    # The header's sync slot; review screens watch it.
    sync_state: reactive[str] = reactive("", init=False)

    def __init__(
        self,
        store: Store | Path,
        reviewer: str | None,
        settings: Settings | None = None,
        *,
        sync_client: ClientFactory = app_client,
    ) -> None:
        """``store``: an open store, or a database path that the app opens in a worker after its first
        frame (then ``open_error`` holds what went wrong if it could not, and ``close_store`` closes it).
        Given a path and no ``settings``, the worker also loads the settings (pydantic-settings takes
        ~0.1 s to import, which the first frame does not wait for) and a ``reviewer`` of None is the
        configured name."""
        super().__init__()
        self.open_error: ClaimreviewError | None = None
        self.connection = SyncConnection(None, sync_client)
        self._settings: Settings | None = None
        self.reviewer = (reviewer or "").strip()
        if isinstance(store, Path):
            self._store: Store | None = None
            self.db_path = store
            if settings is not None:
                self._use_settings(settings, self.reviewer)
        else:
            self._store = store
            self.db_path = store.path
            from claimreview.config import Settings

            self._use_settings(settings or Settings(), self.reviewer)
        self.sync_running = False
        self._sync_progress: str | None = None
        self._sync_failure: str | None = None
        self._pending = 0
        self._last_sync: str | None = None

    def _use_settings(self, settings: Settings, reviewer: str) -> None:
        self._settings = settings
        self.reviewer = reviewer or settings.reviewer_name()
        self.set_keymap(dict(settings.keymap))
        self.connection.server = settings.server

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            raise RuntimeError("the settings are still being loaded")
        return self._settings

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the database is still being opened")
        return self._store

    @property
    def store_is_open(self) -> bool:
        return self._store is not None

    def close_store(self) -> None:
        if self._store is not None:
            self._store.close()

    def on_mount(self) -> None:
        if self._store is not None:
            self._show_sync_state(recount=True)
            self._start_timers()

    def _start_timers(self) -> None:
        if self.settings.auto_sync_seconds > 0:
            self.set_interval(max(AUTO_SYNC_MIN_SECONDS, self.settings.auto_sync_seconds), self._auto_sync)

    def on_ready(self) -> None:
        if self._store is None:
            # Until the first claims are drawn, the cyclic collector only walks what start-up is building
            # (SQLAlchemy's modules, the screen), none of it garbage: two full passes and a few dozen
            # young ones cost ~60-90 ms of the ~0.6 s from the first frame to the claims. Start-up
            # allocates a few tens of MB; _freeze turns collection back on.
            gc.disable()
            # Only now, after the first frame: the worker's imports would compete with drawing it.
            self._open_store(self.db_path)
        else:
            self._freeze()

    def _freeze(self) -> None:
        # What exists once claims are shown (Textual, the screen, the queue's index) lives as long as the
        # app. Frozen, it is left out of full garbage collections, which otherwise walk all of it: at
        # 100,000 claims one of those took ~60 ms every dozen key presses (bench/tui.py key p95).
        # Refcounting still frees any of it that goes away (an index replaced by a reload).
        gc.freeze()
        gc.enable()

    def on_unmount(self) -> None:
        # A sync still running stops at its next progress step; what it committed so far stays.
        self.workers.cancel_group(self, "sync")
        self.connection.close()
        gc.unfreeze()  # collectable again, e.g. when tests run many apps in one process
        gc.enable()  # also when the store never opened (start-up failed before _freeze)

    def _has_claims(self) -> bool:
        from claimreview.store.queue import consensus_counts

        return sum(consensus_counts(self.store).values()) > 0

    def get_default_screen(self) -> Screen[None]:
        if self._store is None:
            return LoadingScreen(self.reviewer, self.db_path)
        from claimreview.tui.screens import EmptyScreen, ReviewScreen

        if not self._has_claims():
            return EmptyScreen(self.store.path)
        return ReviewScreen(self.store, self.reviewer, self.settings)

    # -- opening -----------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_store(self, path: Path) -> None:
        # Off the UI thread: importing SQLAlchemy/SQLModel, pydantic-settings and the screens, migrating,
        # the first reads.
        from claimreview.config import load_settings
        from claimreview.store import Store

        try:
            settings = self._settings or load_settings()
            reviewer = self.reviewer or settings.reviewer_name()
            store = Store.open(path)
        except ClaimreviewError as err:
            self.post_message(StoreFailed(err))
            return
        try:
            import claimreview.tui.screens.review  # noqa: F401  (imported here rather than on the UI thread)
            from claimreview.consensus import UNREVIEWED
            from claimreview.store import sync_state as local
            from claimreview.store.queue import consensus_counts, load_index
            from claimreview.store.team_queue import default_filter
            from claimreview.tui.screens.review_finding import work_queue

            counts = consensus_counts(store)
            # My assigned work while some is left, else the unreviewed claims; in the configured order.
            flt = default_filter(store, reviewer, work_queue(settings))
            index = load_index(store, flt) if sum(counts.values()) else None
            if index is not None:
                index.next_with_status(-1, UNREVIEWED, wrap=False)  # reads the first claim's document here
            pending, last_sync = local.pending_count(store, reviewer), local.last_sync_time(store)
            opened = StoreOpened(store, settings, reviewer, index, counts, pending, last_sync)
        except ClaimreviewError as err:
            store.close()
            self.post_message(StoreFailed(err))
            return
        except BaseException:
            store.close()
            raise
        self.post_message(opened)

    @on(StoreOpened)
    def _store_opened(self, message: StoreOpened) -> None:
        from claimreview.tui.screens import EmptyScreen, ReviewScreen

        self._store = message.store
        self._use_settings(message.settings, message.reviewer)
        self._pending, self._last_sync = message.pending, message.last_sync
        self._show_sync_state()
        self._start_timers()
        # Pushed over the loading screen: Textual cannot switch away from the default screen.
        if message.index is None:
            self.push_screen(EmptyScreen(message.store.path))
        else:
            opened = (message.index, message.counts)
            self.push_screen(ReviewScreen(message.store, self.reviewer, self.settings, opened=opened))
        self.call_after_refresh(self._freeze)

    @on(StoreFailed)
    def _store_failed(self, message: StoreFailed) -> None:
        # The command prints it as any other database error (one line, exit 2) once the app is gone.
        self.open_error = message.error
        if isinstance(self.screen, LoadingScreen):
            self.screen.failed(str(message.error))
        self.exit()

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
        from claimreview.tui.screens import ReviewScreen

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
        if self._store is None:
            if manual:
                self.notify("The database is still being opened.", markup=False)
            return
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
        from claimreview.sync.run import run_sync

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
        from claimreview.tui.screens import ConflictsScreen, EditorScreen, EmptyScreen, ReviewScreen

        if isinstance(self.screen, EmptyScreen):
            if self._has_claims():
                self._open_review()
            return
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen | ConflictsScreen | EditorScreen):
                screen.refresh_after_sync()

    @on(VerdictSaved)
    def _verdict_saved(self) -> None:
        # Exactly one event of this reviewer was committed and none was sent: no need to count the outbox
        # (a verdict key runs at most 4 statements, tests/tui/test_review.py).
        self._pending += 1
        self._show_sync_state()

    def _show_sync_state(self, *, recount: bool = False) -> None:
        from claimreview.store import sync_state as local

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
        from claimreview.tui.screens import (
            AssignDialog,
            ConflictsScreen,
            DocumentScreen,
            DocumentsScreen,
            EditorScreen,
            EmptyScreen,
            EvidenceDialog,
            ExportDialog,
            HelpScreen,
            NoteDialog,
            PublishDialog,
            QueueDialog,
            ReviewScreen,
        )
        from claimreview.tui.widgets import ClaimQueue, DocumentView, SearchBox, VerdictPane

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
            ("assign dialog", AssignDialog.BINDINGS),
            ("queue chooser", QueueDialog.BINDINGS),
            ("editor's queue", EditorScreen.BINDINGS),
            ("publish form", PublishDialog.BINDINGS),
            ("conflicts", ConflictsScreen.BINDINGS),
            ("document", DocumentScreen.BINDINGS),
            ("help", HelpScreen.BINDINGS),
            ("empty database", EmptyScreen.BINDINGS),
        ]

    def key_rows(self) -> list[KeyRow]:
        from claimreview.tui.screens.help import key_rows

        return key_rows(self.binding_groups(), self.settings.keymap, self.get_key_display)

    def action_help(self) -> None:
        from claimreview.tui.screens import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        intro = (
            f"claimreview — reviewing {self.db_path} as {self.reviewer}\n"
            'Remap any key in the config file, e.g. [keymap] "claim.confirm" = "y". '
            "Escape closes this screen."
        )
        self.push_screen(HelpScreen(self.key_rows(), intro))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from claimreview.tui.screens import ReviewScreen
        from claimreview.tui.screens.help import bindings_of

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

    async def _run_on(self, screen: Screen[Any], action: str) -> None:
        await self.run_action(action, screen)
