"""Every key of the app, as remapped by the user's keymap, grouped by where it works."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static


@dataclass(frozen=True, slots=True)
class KeyRow:
    group: str
    keys: str
    description: str
    binding_id: str


def bindings_of(declared: Iterable[BindingType]) -> list[Binding]:
    return [b for b in declared if isinstance(b, Binding)]


def key_rows(
    groups: Iterable[tuple[str, Iterable[BindingType]]],
    keymap: Mapping[str, str],
    display: Callable[[Binding], str],
) -> list[KeyRow]:
    """One row per binding with an id; keys come from ``keymap`` when the user remapped them."""
    rows: list[KeyRow] = []
    for group, declared in groups:
        for binding in bindings_of(declared):
            if not binding.id:
                continue
            keys = keymap.get(binding.id, binding.key)
            parts = [key.strip() for key in keys.split(",") if key.strip()]
            shown = ", ".join(display(binding.with_key(key)) for key in parts)
            rows.append(KeyRow(group, shown, binding.description or binding.action, binding.id))
    return rows


class HelpScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Back", id="help.close")
    ]

    def __init__(self, rows: list[KeyRow], intro: str) -> None:
        super().__init__()
        self.rows = rows
        self.intro = intro

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, pad_edge=False, header_style="bold")
        table.add_column("where", no_wrap=True)
        table.add_column("keys", no_wrap=True)
        table.add_column("action")
        table.add_column("binding id (for the keymap)", no_wrap=True)
        for row in self.rows:
            table.add_row(
                Text(row.group), Text(row.keys, style="bold"), Text(row.description), Text(row.binding_id)
            )
        with VerticalScroll(id="help-body"):
            yield Static(Text(self.intro), id="help-intro")
            yield Static(table, id="help-table")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-body", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
