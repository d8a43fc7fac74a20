"""Widgets of the review app, named for what they show."""

from claimreview.tui.widgets.claim_queue import ClaimQueue
from claimreview.tui.widgets.conflict_view import ConflictView
from claimreview.tui.widgets.document_view import DocumentView
from claimreview.tui.widgets.search_box import SearchBox
from claimreview.tui.widgets.source_pane import SourcePane
from claimreview.tui.widgets.status_header import StatusHeader
from claimreview.tui.widgets.verdict_pane import VerdictPane, VerdictView

__all__ = [
    "ClaimQueue",
    "ConflictView",
    "DocumentView",
    "SearchBox",
    "SourcePane",
    "StatusHeader",
    "VerdictPane",
    "VerdictView",
]
