"""The source pane: the claim's document (title, publisher, date, URI) and its text around the claim."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from claimreview.models import ClaimRow, Document
from claimreview.textsafe import one_line
from claimreview.tui.widgets.document_view import DocumentView


def document_meta(document: Document) -> Text:
    """Title on the first line, then publisher · date, then where it came from; all literal text."""
    meta = Text(no_wrap=True, overflow="ellipsis")
    meta.append(one_line(document.title or "(untitled)"), style="bold")
    details = " · ".join(one_line(part) for part in (document.publisher, document.published) if part)
    meta.append("\n" + (details or "publisher and date unknown"))
    meta.append("\n" + one_line(document.url or document.uri))
    return meta


class SourcePane(Vertical):
    """Shows one document at a time; moving between claims of one document only moves the highlight."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._document_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="source-meta")
        yield DocumentView(id="source-text")

    def show(
        self, document: Document | None, claim: ClaimRow | None, *, span: tuple[int, int] | None = None
    ) -> None:
        """``span``: what to highlight when it is not the extraction's (a correction's boundaries)."""
        meta = self.query_one("#source-meta", Static)
        view = self.query_one("#source-text", DocumentView)
        if document is None or claim is None:
            self._document_id = None
            meta.update(Text("no claim selected"))
            view.set_text("")
            return
        span = span or (claim.start, claim.end)
        if document.id != self._document_id:
            self._document_id = document.id
            # Outlet, date and address are on the claim card; the whole title is in the details (i).
            meta.update(Text(one_line(document.title or "(untitled)"), style="bold"))
            view.set_text(document.text, [span], 0)
        else:
            # Same document: swap the highlighted span without re-wrapping the text.
            view.set_text_spans([span], 0)
