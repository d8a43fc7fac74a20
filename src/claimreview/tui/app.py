"""The review app: which screen opens, app-wide keys, the keymap, the command palette."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from claimreview.config import Settings
from claimreview.paths import styles_dir
from claimreview.queue import consensus_counts
from claimreview.store import Store
from claimreview.tui.screens import (
    DocumentScreen,
    DocumentsScreen,
    EmptyScreen,
    EvidenceDialog,
    HelpScreen,
    NoteDialog,
    ReviewScreen,
)
from claimreview.tui.screens.help import KeyRow, bindings_of, key_rows
from claimreview.tui.widgets import ClaimQueue, DocumentView, SearchBox, VerdictPane


def css_paths() -> list[Path]:
    # Every .tcss in styles/, in name order; each file styles one screen or a family of widgets.
    return sorted(styles_dir().glob("*.tcss"))


class ClaimReviewApp(App[None]):
    """Review claims in one database as one reviewer."""

    TITLE = "claimreview"
    CSS_PATH = css_paths()  # type: ignore[assignment]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        # Declared here (Textual then adds none of its own) so that it has an id and can be remapped.
        Binding("ctrl+p", "command_palette", "Commands", id="app.commands", show=False, priority=True),
    ]

    def __init__(self, store: Store, reviewer: str, settings: Settings | None = None) -> None:
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.settings = settings or Settings()
        self.set_keymap(dict(self.settings.keymap))

    def get_default_screen(self) -> Screen[None]:
        if sum(consensus_counts(self.store).values()) == 0:
            return EmptyScreen(self.store.path)
        return ReviewScreen(self.store, self.reviewer, self.settings)

    def action_recheck(self) -> None:
        """From the empty screen: open the queue once claims have arrived."""
        if sum(consensus_counts(self.store).values()) == 0:
            self.notify("Still no claims in this database.", markup=False)
            return
        self.switch_screen(ReviewScreen(self.store, self.reviewer, self.settings))

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
            ("documents", DocumentsScreen.BINDINGS),
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
        yield SystemCommand("help: keys", "every key and its binding id", self.action_help)

    async def _run_on(self, screen: Screen[object], action: str) -> None:
        await self.run_action(action, screen)
