"""Widgets of the review app, named for what they show.

Names are imported on first use (module ``__getattr__``): the queue and the panes import the store,
and the header must be drawable before SQLAlchemy is imported (the app's first frame).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimreview.lazyexports import lazy_exports

if TYPE_CHECKING:
    from claimreview.tui.widgets.claim_card import ClaimCard
    from claimreview.tui.widgets.claim_queue import ClaimQueue
    from claimreview.tui.widgets.conflict_view import ConflictView
    from claimreview.tui.widgets.document_view import DocumentView
    from claimreview.tui.widgets.search_box import SearchBox
    from claimreview.tui.widgets.source_pane import SourcePane
    from claimreview.tui.widgets.status_header import StatusHeader
    from claimreview.tui.widgets.verdict_pane import VerdictPane, VerdictView

_HOMES = {
    "ClaimCard": "claim_card",
    "ClaimQueue": "claim_queue",
    "ConflictView": "conflict_view",
    "DocumentView": "document_view",
    "SearchBox": "search_box",
    "SourcePane": "source_pane",
    "StatusHeader": "status_header",
    "VerdictPane": "verdict_pane",
    "VerdictView": "verdict_pane",
}


__getattr__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "ClaimCard",
    "ClaimQueue",
    "ConflictView",
    "DocumentView",
    "SearchBox",
    "SourcePane",
    "StatusHeader",
    "VerdictPane",
    "VerdictView",
]
