"""Per-document progress, and one document's full text with every claim highlighted."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Static

from claimreview.consensus import GLYPHS
from claimreview.models import ClaimRow, Document
from claimreview.store import Store
from claimreview.store.queue import document_claims
from claimreview.textsafe import one_line
from claimreview.tui.widgets.document_view import DocumentView
from claimreview.tui.widgets.source_pane import document_meta

COLUMNS = ("title", "publisher", "date", "claims", "reviewed", "done")
TITLE_MIN = 12  # under this the table scrolls sideways instead


def column_widths(natural: list[int], room: int) -> list[int]:
    """Widths for COLUMNS in ``room`` cells of content: numbers and date whole, title and publisher cut.

    The title gives way first, down to TITLE_MIN, so that the progress columns stay in view; the
    publisher keeps at most a quarter of what the two share.
    """
    title, publisher, *rest = natural
    shared = room - sum(rest)
    if title + publisher <= shared:
        return natural
    publisher = min(publisher, max(len("publisher"), shared // 4))
    return [max(TITLE_MIN, shared - publisher), publisher, *rest]


class DocumentsScreen(Screen[str | None]):
    """Every document with its progress; enter opens one. Returns the claim to jump to, if any."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", id="documents.close"),
        Binding("j", "cursor_down", "Down", id="documents.down", show=False),
        Binding("k", "cursor_up", "Up", id="documents.up", show=False),
        Binding("A", "assign", "Assign", id="documents.assign"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._rows: list[tuple[str, list[Text]]] = []
        self._widths: list[int] = []

    def compose(self) -> ComposeResult:
        yield Label(Text("Documents — enter opens one, escape goes back", style="bold"), id="documents-title")
        yield DataTable(id="documents-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        # Cells are Text: a str cell would be read as markup, and titles come from articles.
        for document, claims, reviewed in self.store.list_documents():
            done = f"{100 * reviewed // claims}%" if claims else "—"
            cells = [
                Text(one_line(document.title or document.uri)[:80], overflow="ellipsis", no_wrap=True),
                Text(one_line(document.publisher or "")[:30], overflow="ellipsis", no_wrap=True),
                Text(one_line(document.published or "")[:20]),
                Text(str(claims), justify="right"),
                Text(str(reviewed), justify="right"),
                Text(done, justify="right"),
            ]
            self._rows.append((document.id, cells))
        self._fill_table()
        self.query_one("#documents-table", DataTable).focus()

    def on_resize(self, _event: events.Resize) -> None:
        self._fill_table()

    def _fill_table(self) -> None:
        """(Re)build the table with columns that fit its width: the title is cut, never the progress."""
        table = self.query_one("#documents-table", DataTable)
        natural = [
            max([len(name)] + [cells[i].cell_len for _, cells in self._rows])
            for i, name in enumerate(COLUMNS)
        ]
        width = table.size.width or self.app.size.width
        room = width - table.styles.scrollbar_size_vertical - 2 * table.cell_padding * len(COLUMNS)
        widths = column_widths(natural, room)
        if widths == self._widths:
            return
        self._widths = widths
        cursor = table.cursor_row
        table.clear(columns=True)
        for name, column_width in zip(COLUMNS, widths, strict=True):
            table.add_column(name, width=column_width, key=name)
        for document_id, cells in self._rows:
            table.add_row(*cells, key=document_id)
        if self._rows:
            table.move_cursor(row=min(cursor, len(self._rows) - 1), animate=False)

    def action_cursor_down(self) -> None:
        self.query_one("#documents-table", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#documents-table", DataTable).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_assign(self) -> None:
        from claimreview.tui.screens.team_queue import assign_document

        table = self.query_one("#documents-table", DataTable)
        if self._rows and 0 <= table.cursor_row < len(self._rows):
            document_id = self._rows[table.cursor_row][0]
            assign_document(self, self.store, document_id, getattr(self.app, "reviewer", ""))

    @on(DataTable.RowSelected, "#documents-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        document_id = event.row_key.value
        if document_id is None:
            return

        def done(claim_id: str | None) -> None:
            if claim_id is not None:
                self.dismiss(claim_id)

        self.app.push_screen(DocumentScreen(self.store, document_id), done)


class DocumentScreen(Screen[str | None]):
    """The full text; ``]``/``[`` or a click pick a claim, enter reviews it in the queue."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", id="document.close"),
        Binding("enter", "review", "Review this claim", id="document.review"),
        Binding("right_square_bracket", "next_claim", "Next claim", id="document.next_claim"),
        Binding("left_square_bracket", "previous_claim", "Previous claim", id="document.previous_claim"),
    ]

    def __init__(self, store: Store, document_id: str) -> None:
        super().__init__()
        self.store = store
        self.document_id = document_id
        self.claims: list[ClaimRow] = []
        self.document: Document | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="document-meta")
        yield DocumentView(id="document-text")
        yield Label("", id="document-status")
        yield Footer()

    def on_mount(self) -> None:
        self.document = self.store.get_document(self.document_id)
        self.claims = document_claims(self.store, self.document_id)  # as corrected, in text order
        view = self.query_one("#document-text", DocumentView)
        if self.document is None:
            self.query_one("#document-meta", Static).update(Text("document not found"))
            return
        self.query_one("#document-meta", Static).update(document_meta(self.document))
        view.set_text(self.document.text, [(c.start, c.end) for c in self.claims], 0 if self.claims else None)
        view.focus()
        self._show_status()

    def _show_status(self) -> None:
        view = self.query_one("#document-text", DocumentView)
        label = self.query_one("#document-status", Label)
        if view.current is None or not self.claims:
            label.update(Text(f"{len(self.claims)} claim(s)"))
            return
        claim = self.claims[view.current]
        label.update(
            Text(
                f"claim {view.current + 1}/{len(self.claims)} · {GLYPHS.get(claim.consensus, ' ')} "
                f"{claim.consensus} · {one_line(claim.speaker or '—')} — enter reviews it"
            )
        )

    @on(DocumentView.ClaimSelected)
    def _selected(self) -> None:
        self._show_status()

    def action_next_claim(self) -> None:
        self.query_one("#document-text", DocumentView).action_next_claim()

    def action_previous_claim(self) -> None:
        self.query_one("#document-text", DocumentView).action_previous_claim()

    def action_review(self) -> None:
        view = self.query_one("#document-text", DocumentView)
        if view.current is not None and self.claims:
            self.dismiss(self.claims[view.current].id)

    def action_close(self) -> None:
        self.dismiss(None)
