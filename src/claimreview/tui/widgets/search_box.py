"""The search field under the queue: enter applies, escape clears the search and closes it."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBox(Input):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Clear search", id="search.cancel")]

    class Cancelled(Message):
        """The user dropped the search."""

    def action_cancel(self) -> None:
        self.value = ""
        self.post_message(self.Cancelled())
