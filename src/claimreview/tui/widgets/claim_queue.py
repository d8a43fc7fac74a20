"""The claim queue: one line per claim, read from SQLite a page at a time.

A Line API widget: Textual asks for the visible lines only, so 1,000,000 claims cost one index
(claimreview.store.queue, read a document at a time) and a page of rows, never a widget or a table row
per claim.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claimreview import consensus as rules
from claimreview.extract.names import NAME_CONNECTORS, is_org
from claimreview.models import ClaimRow
from claimreview.store import Store
from claimreview.store.corrections import corrected_rows
from claimreview.store.queue import QueueIndex, fetch_rows
from claimreview.textsafe import one_line

PAGE = 128


def fit(value: str, width: int, style: Style | str = "") -> Text:
    """``value`` on one line, cut with an ellipsis or padded to exactly ``width`` cells."""
    if width <= 0:
        return Text()
    # Cut first: a 10,000-character sentence should not be measured to show 40 cells of it.
    text = Text(one_line(value[: width * 4]), style=style, no_wrap=True, end="")
    text.truncate(width, overflow="ellipsis", pad=True)
    return text


# Lower-case words inside a person's name ("de la Cruz", "bin Salman"): the extractor's name connectors
# but the English ones, which join a body's name ("Friends of the Earth"), whose name reads from its start.
_NAME_PARTICLES = NAME_CONNECTORS - {"of", "for", "and"}


def _name_word(word: str) -> bool:
    first = word[:1]
    return first.isalpha() and (not first.islower() or word.lower() in _NAME_PARTICLES)


def speaker_label(name: str, width: int) -> str:
    """A speaker for a ``width``-cell column: whole if it fits, a person's name by its last words if not.

    Cut from the start, "Marta Kowalska" and "Marta Kovacs" both show as "Marta K…" in a narrow queue
    and "Minister Smith" as "Minist…"; the surname is what tells speakers apart ("Kowalska", "Smith";
    the card shows the whole name). A body's name ("Ministry of Health", "the city council") keeps its
    start, which says what kind of body it is (the extractor's rules for organisation names decide).
    """
    if cell_len(name) <= width:
        return name
    words = name.split()
    # Scripts without case (Arabic, Chinese) count as names: a lower-case word or an organisation's
    # word ("Halvard Terminals Ltd", "Port Authority", "UNICEF") marks a body, and a word that does
    # not start with a letter ("[@click=...]", "(AP)") marks no name at all.
    person = 2 <= len(words) <= 5 and all(_name_word(w) for w in words)
    if not person or is_org(words):
        return name
    for first in range(1, len(words)):
        tail = " ".join(words[first:])
        if cell_len(tail) <= width:
            return tail
    return words[-1]  # fit() cuts it; a surname's start still tells more than a first name's


def column_widths(width: int) -> tuple[int, int]:
    """Speaker and document widths for a row ``width`` cells wide; the claim text gets the rest.

    The claim is what the reviewer reads: the document (also in the source pane) shows only in a
    queue wide enough to spare it, and the speaker keeps enough for a surname.
    """
    if width >= 90:
        return 14, 16
    if width >= 60:
        return 10, 0
    return 8, 0


class ClaimQueue(ScrollView, can_focus=True):
    """Every claim of the current filter; the highlighted one is shown in the other panes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer (arrow keys need no hint; 80 columns are short): ? lists them.
        Binding("j,down", "cursor_down", "Next", id="queue.down", key_display="j", show=False),
        Binding("k,up", "cursor_up", "Prev", id="queue.up", key_display="k", show=False),
        Binding("g,home", "first", "First", id="queue.first", show=False),
        Binding("G,end", "last", "Last", id="queue.last", show=False),
        Binding("pageup", "page_up", "Page up", id="queue.page_up", show=False),
        Binding("pagedown", "page_down", "Page down", id="queue.page_down", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "claim-queue--cursor",
        "claim-queue--dim",
        "claim-queue--unreviewed",
        "claim-queue--confirmed",
        "claim-queue--denied",
        "claim-queue--unverified",
        "claim-queue--disputed",
        "claim-queue--not_checkworthy",
        "claim-queue--match",
    }

    class Highlighted(Message):
        """The cursor moved to another claim (or the list under it changed)."""

        def __init__(self, queue: ClaimQueue, position: int, row: ClaimRow | None) -> None:
            super().__init__()
            self.queue = queue
            self.position = position
            self.row = row

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.index: QueueIndex | None = None
        self._length = 0  # len(index) when the virtual size was last set
        self.cursor = 0
        self._highlight = ""  # the search term, marked in every row that shows it
        # Per page, each claim as stored (what the other panes start from) and as corrected (what its
        # row shows): a reviewer's correction of the speaker or the text is what the queue lists.
        self._pages: LRUCache[int, list[tuple[ClaimRow, ClaimRow] | None]] = LRUCache(64)
        self._lines: LRUCache[tuple[object, ...], Strip] = LRUCache(512)

    # -- data --------------------------------------------------------------------------------------

    def set_index(self, index: QueueIndex, cursor: int = 0) -> None:
        """Show another filter's claims (or the same one re-read) with the cursor at ``cursor``."""
        self.index = index
        self._pages.clear()
        self._lines.clear()
        self._length = len(index)
        self.virtual_size = Size(self.size.width, len(index))
        self.move_to(cursor, force=True)
        self.refresh()

    @property
    def highlight(self) -> str:
        return self._highlight

    @highlight.setter
    def highlight(self, term: str) -> None:
        if term != self._highlight:
            self._highlight = term
            self._lines.clear()
            self.refresh()

    def __len__(self) -> int:
        return len(self.index) if self.index is not None else 0

    def row_at(self, position: int) -> ClaimRow | None:
        """The claim at ``position`` as extracted (the claim card and the source pane apply its log)."""
        entry = self._entry(position)
        return entry[0] if entry is not None else None

    def shown_at(self, position: int) -> ClaimRow | None:
        """The claim at ``position`` as its row shows it: with the standing correction applied."""
        entry = self._entry(position)
        return entry[1] if entry is not None else None

    def _entry(self, position: int) -> tuple[ClaimRow, ClaimRow] | None:
        if self.index is None or not 0 <= position < len(self.index):
            return None
        page_no, offset = divmod(position, PAGE)
        page = self._pages.get(page_no)
        if page is None:
            rowids = self.index.rowids[page_no * PAGE : (page_no + 1) * PAGE]
            if self._follow_length():
                return self._entry(position)
            found = fetch_rows(self.store, rowids)
            rows = [found[rowid] for rowid in rowids if rowid in found]
            shown = dict(zip((row.id for row in rows), corrected_rows(self.store, rows), strict=True))
            page = [
                (row, shown[row.id]) if (row := found.get(rowid)) is not None else None for rowid in rowids
            ]
            self._pages[page_no] = page
        return page[offset] if offset < len(page) else None

    def reread_rows(self) -> None:
        """A claim changed in place (a correction, or its undo): read its page again when next drawn."""
        self._pages.clear()
        self._lines.clear()
        self.refresh()

    def _follow_length(self) -> bool:
        """Reading a document another process changed since the index was opened can change the index's
        length (store/queue_index.py): forget the pages and lines drawn from the old positions."""
        if self.index is None or len(self.index) == self._length:
            return False
        self._length = len(self.index)
        self._pages.clear()
        self._lines.clear()
        self.virtual_size = Size(self.size.width, self._length)
        self.refresh()
        return True

    @property
    def current(self) -> ClaimRow | None:
        return self.row_at(self.cursor)

    def set_status(self, position: int, status: str) -> None:
        """A verdict changed this row's consensus: redraw its glyph without re-reading the page."""
        if self.index is None or not 0 <= position < len(self.index):
            return
        self.index.set_status(position, status)
        self.refresh_line(position)

    def refresh_line(self, position: int) -> None:
        y = position - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    # -- cursor ------------------------------------------------------------------------------------

    def move_to(self, position: int, *, force: bool = False) -> None:
        count = len(self)
        position = max(0, min(position, count - 1)) if count else 0
        if position == self.cursor and not force:
            return
        old = self.cursor
        self.cursor = position
        self.refresh_line(old)
        self.refresh_line(position)
        self._scroll_cursor_visible()
        self.post_message(self.Highlighted(self, position, self.current))

    def _scroll_cursor_visible(self) -> None:
        height = max(self.scrollable_content_region.height, 1)
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self) - 1)

    def action_page_down(self) -> None:
        self.move_to(self.cursor + max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        self.move_to(self.cursor - max(self.scrollable_content_region.height - 1, 1))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)  # None on the border or scrollbar
        if offset is not None:
            self.move_to(self.scroll_offset.y + offset.y)

    # -- drawing -----------------------------------------------------------------------------------

    def on_resize(self, _event: events.Resize) -> None:
        self.virtual_size = Size(self.size.width, len(self))
        self._lines.clear()
        self._scroll_cursor_visible()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # A theme switch changes every colour: drawn lines are stale.
        self._lines.clear()

    def on_focus(self) -> None:
        self._lines.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._lines.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position = self.scroll_offset.y + y
        base = self.rich_style
        if self.index is None or position >= len(self.index):
            return Strip.blank(width, base)
        try:
            status = self.index.statuses[position]
        except IndexError:  # the index shrank while that document was read
            self._follow_length()
            return Strip.blank(width, base)
        is_cursor = position == self.cursor
        key = (position, status, is_cursor, width, self.has_focus)
        cached = self._lines.get(key)
        if cached is not None:
            return cached
        row = self.shown_at(position)
        text = self._line_text(row, status, width)
        if is_cursor:
            text.stylize(self.get_component_rich_style("claim-queue--cursor", partial=True))
        strip = Strip(text.render(self.app.console)).adjust_cell_length(width).apply_style(base)
        self._lines[key] = strip
        return strip

    def _line_text(self, row: ClaimRow | None, status: str, width: int) -> Text:
        dim = self.get_component_rich_style("claim-queue--dim", partial=True)
        glyph_style: Style = self.get_component_rich_style(f"claim-queue--{status}", partial=True)
        line = Text(no_wrap=True, end="")
        line.append(f"{rules.GLYPHS.get(status, ' ')} ", style=glyph_style)
        if row is None:  # deleted under us by another process; a refresh drops it
            line.append("(gone)", style=dim)
            return line
        line.append(f"{row.score:4.2f} ", style=dim)
        speaker_w, doc_w = column_widths(width)
        text_w = width - 7 - (speaker_w + 1) - (doc_w + 1 if doc_w else 0)
        line.append(fit(speaker_label(row.speaker, speaker_w) if row.speaker else "—", speaker_w))
        line.append(" ")
        line.append(fit(row.text, text_w))
        if doc_w:
            line.append(" ")
            line.append(fit(row.document_title or row.document_uri, doc_w, dim))
        if self._highlight:
            match = self.get_component_rich_style("claim-queue--match", partial=True)
            line.highlight_words([self._highlight], match, case_sensitive=False)
        return line
