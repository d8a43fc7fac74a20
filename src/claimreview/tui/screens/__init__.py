"""Screens (full-screen views) and dialogs (modals) of the review app."""

from claimreview.tui.screens.conflicts import ConflictsScreen
from claimreview.tui.screens.dialogs import EvidenceDialog, NoteDialog
from claimreview.tui.screens.documents import DocumentScreen, DocumentsScreen
from claimreview.tui.screens.empty import EmptyScreen
from claimreview.tui.screens.export_dialog import ExportDialog
from claimreview.tui.screens.help import HelpScreen
from claimreview.tui.screens.review import ReviewScreen

__all__ = [
    "ConflictsScreen",
    "DocumentScreen",
    "DocumentsScreen",
    "EmptyScreen",
    "EvidenceDialog",
    "ExportDialog",
    "HelpScreen",
    "NoteDialog",
    "ReviewScreen",
]
