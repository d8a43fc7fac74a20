"""A document's whole text, wrapped to the pane, with claims highlighted (Line API).

Wrapping is done here rather than by a Static so that we know which line holds which character:
that is what lets the pane scroll straight to the claim, in a document of any length.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claimreview.textsafe import printable

_TOKEN = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) character offsets of each display line of ``text`` wrapped at ``width`` cells.

    Breaks at spaces; a word wider than the line is split by characters. Every character of the
    text belongs to exactly one line, except the newlines that end paragraphs.
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    para_start = 0
    for para in text.split("\n"):
        para_end = para_start + len(para)
        line_start, cells = para_start, 0
        for match in _TOKEN.finditer(text, para_start, para_end):
            token = match.group()
            word_cells = cell_len(token.rstrip()) if token.strip() else 0
            if cells + word_cells <= width:
                cells += cell_len(token)
                continue
            if cells:
                lines.append((line_start, match.start()))
                line_start, cells = match.start(), 0
            if word_cells <= width:
                cells = cell_len(token)
                continue
            # A word longer than the line (a URL, CJK without spaces): cut it by cells.
            for offset, char in enumerate(token, match.start()):
                size = get_character_cell_size(char)
                if cells + size > width and cells:
                    lines.append((line_start, offset))
                    line_start, cells = offset, 0
                cells += size
        lines.append((line_start, para_end))
        para_start = para_end + 1
    return lines


class DocumentView(ScrollView, can_focus=True):
    """Read-only text; ``spans`` are highlighted, the ``current`` one more strongly."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Scroll down", id="text.down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", id="text.up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"document-view--claim", "document-view--current"}

    class ClaimSelected(Message):
        """The highlighted claim changed (``]``/``[`` or a click on a claim)."""

        def __init__(self, view: DocumentView, span_index: int) -> None:
            super().__init__()
            self.view = view
            self.span_index = span_index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = ""
        self._spans: list[tuple[int, int]] = []
        self.current: int | None = None
        self._wrapped: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._wrap_width = -1
        self._lines: LRUCache[tuple[int, int, bool], Strip] = LRUCache(256)

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str, spans: Sequence[tuple[int, int]] = (), current: int | None = None) -> None:
        # printable() maps each control character to one visible one, so offsets stay valid;
        # tabs become spaces because their width depends on the column.
        self._text = printable(text).replace("\t", " ")
        self._spans = sorted(spans)
        self.current = current
        self._wrap_width = -1
        self._rewrap()
        self.scroll_to_current()

    def set_text_spans(self, spans: Sequence[tuple[int, int]], current: int | None = None) -> None:
        """New highlights on the same text (no re-wrap)."""
        self._spans = sorted(spans)
        self.set_current(current)

    def set_current(self, current: int | None) -> None:
        self.current = current
        self._lines.clear()
        self.refresh()
        self.scroll_to_current()

    def _rewrap(self) -> None:
        width = max(self.scrollable_content_region.width, 1)
        if width == self._wrap_width:
            return
        self._wrap_width = width
        self._wrapped = wrap_offsets(self._text, width)
        self._starts = [start for start, _ in self._wrapped]
        self._lines.clear()
        self.virtual_size = Size(width, len(self._wrapped))
        self.refresh()

    def line_of(self, offset: int) -> int:
        return max(bisect_right(self._starts, offset) - 1, 0)

    def scroll_to_current(self) -> None:
        if not self.scrollable_content_region.height:
            return  # not laid out yet (a scroll now would be clamped to 0): on_resize scrolls once it is
        if self._wrap_width != self.scrollable_content_region.width:
            self._rewrap()
        if self.current is None or not 0 <= self.current < len(self._spans):
            self.scroll_to(y=0, animate=False, immediate=True)
            return
        start, end = self._spans[self.current]
        first, last = self.line_of(start), self.line_of(max(end - 1, start))
        height = max(self.scrollable_content_region.height, 1)
        # A little context above the claim, never so much that the claim's end falls below the pane;
        # a claim taller than the pane starts at the top.
        lines = last - first + 1
        top = first - max(min(2, height // 4, height - lines), 0) if lines < height else first
        self.scroll_to(y=max(top, 0), animate=False, immediate=True)

    def action_next_claim(self) -> None:
        self._select((self.current + 1) if self.current is not None else 0)

    def action_previous_claim(self) -> None:
        self._select((self.current - 1) if self.current is not None else 0)

    def _select(self, index: int) -> None:
        if not self._spans:
            return
        index = max(0, min(index, len(self._spans) - 1))
        self.set_current(index)
        self.post_message(self.ClaimSelected(self, index))

    async def _on_click(self, event: events.Click) -> None:
        content = event.get_content_offset(self)
        if content is None:
            return
        line = self.scroll_offset.y + content.y
        if not 0 <= line < len(self._wrapped):
            return
        start, end = self._wrapped[line]
        column, offset = 0, start
        while offset < end and column + get_character_cell_size(self._text[offset]) <= content.x:
            column += get_character_cell_size(self._text[offset])
            offset += 1
        for index, (s, e) in enumerate(self._spans):
            if s <= offset < e:
                self._select(index)
                return

    def on_resize(self, _event: events.Resize) -> None:
        self._rewrap()
        self.scroll_to_current()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line_no = self.scroll_offset.y + y
        base = self.rich_style
        if line_no >= len(self._wrapped):
            return Strip.blank(width, base)
        key = (line_no, width, self.current is not None and self._near_current(line_no))
        cached = self._lines.get(key)
        if cached is not None:
            return cached
        start, end = self._wrapped[line_no]
        line = Text(self._text[start:end], no_wrap=True, end="")
        claim_style = self.get_component_rich_style("document-view--claim", partial=True)
        current_style = self.get_component_rich_style("document-view--current", partial=True)
        for index, (s, e) in enumerate(self._spans):
            if e <= start or s >= end:
                continue
            style = current_style if index == self.current else claim_style
            line.stylize(style, max(s, start) - start, min(e, end) - start)
        strip = Strip(line.render(self.app.console)).adjust_cell_length(width).apply_style(base)
        self._lines[key] = strip
        return strip

    def _near_current(self, line_no: int) -> bool:
        # Part of the cache key: lines that touch the current claim draw differently.
        assert self.current is not None
        if not 0 <= self.current < len(self._spans):
            return False
        start, end = self._wrapped[line_no]
        s, e = self._spans[self.current]
        return s < end and e > start
