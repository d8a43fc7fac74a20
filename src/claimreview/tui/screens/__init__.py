"""Screens (full-screen views) and dialogs (modals) of the review app.

Names are imported on first use (module ``__getattr__``): most screens import the store, and the
app's first frame (the loading screen) must come before SQLAlchemy is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimreview.lazyexports import lazy_exports

if TYPE_CHECKING:
    from claimreview.tui.screens.conflicts import ConflictsScreen
    from claimreview.tui.screens.dialogs import EvidenceDialog, NoteDialog
    from claimreview.tui.screens.documents import DocumentScreen, DocumentsScreen
    from claimreview.tui.screens.editor import EditorScreen
    from claimreview.tui.screens.empty import EmptyScreen
    from claimreview.tui.screens.export_dialog import ExportDialog
    from claimreview.tui.screens.help import HelpScreen
    from claimreview.tui.screens.loading import LoadingScreen
    from claimreview.tui.screens.publish_dialog import PublishDialog
    from claimreview.tui.screens.review import ReviewScreen
    from claimreview.tui.screens.team_queue import AssignDialog, QueueDialog

_HOMES = {
    "AssignDialog": "team_queue",
    "EditorScreen": "editor",
    "PublishDialog": "publish_dialog",
    "QueueDialog": "team_queue",
    "ConflictsScreen": "conflicts",
    "DocumentScreen": "documents",
    "DocumentsScreen": "documents",
    "EmptyScreen": "empty",
    "EvidenceDialog": "dialogs",
    "ExportDialog": "export_dialog",
    "HelpScreen": "help",
    "LoadingScreen": "loading",
    "NoteDialog": "dialogs",
    "ReviewScreen": "review",
}


__getattr__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "AssignDialog",
    "ConflictsScreen",
    "DocumentScreen",
    "DocumentsScreen",
    "EditorScreen",
    "EmptyScreen",
    "EvidenceDialog",
    "ExportDialog",
    "HelpScreen",
    "LoadingScreen",
    "NoteDialog",
    "PublishDialog",
    "QueueDialog",
    "ReviewScreen",
]
