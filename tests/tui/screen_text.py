"""What the terminal shows: the composed screen as plain text, scrollbars and borders included."""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App
from textual.widget import Widget


def screen_lines(app: App[object]) -> list[str]:
    """Every row of the screen as the terminal would draw it (what a reviewer reads)."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, color_system=None, legacy_windows=False
    )
    console.print(app.screen._compositor.render_update(full=True))
    lines = console.export_text(styles=False).split("\n")
    return [line.ljust(width) for line in lines[:height]]


def widget_lines(app: App[object], widget: Widget) -> list[str]:
    """The rows of ``widget``'s content region as drawn on screen: what lies under its scrollbar is lost."""
    region = widget.scrollable_content_region
    rows = screen_lines(app)[region.y : region.bottom]
    return [row[region.x : region.right] for row in rows]
