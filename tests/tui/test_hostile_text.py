"""Article text is untrusted: markup, escapes, huge sentences and any script show literally."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimreview.store import Store
from claimreview.tui.screens import DocumentScreen, ReviewScreen
from claimreview.tui.widgets import ClaimQueue, DocumentView, VerdictPane

from .conftest import AppFactory, article

MARKUP = "Officials said [red]nothing[/red] [link=https://evil.example]here[/link] [@click=app.quit]x[/] [b]."
ANSI = "The rate \x1b[31mfell\x1b[0m by half\x07 and \x1b]0;pwned\x07 more."
LONG = "Growth " + "very " * 2000 + "strong."
ARABIC = "قال الوزير إن البطالة انخفضت بنسبة ثلاثة في المئة."
CJK = "部长表示失业率去年下降了百分之三。"
HOSTILE = [MARKUP, ANSI, LONG, ARABIC, CJK]


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.db"
    with Store.open(path) as store:
        store.add_articles([article("[bold]Title[/bold] \x1b[2J", HOSTILE, speaker="[@click=app.bell]Mr X")])
    return path


def screen_lines(widget: ClaimQueue | DocumentView) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


async def test_every_hostile_claim_shows_literally(make_app: AppFactory, hostile_db: Path) -> None:
    app = make_app(db=hostile_db, auto_advance=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        queue = app.screen.query_one(ClaimQueue)
        view = app.screen.query_one("#source-text", DocumentView)
        lines = "\n".join(screen_lines(queue))
        assert "[red]nothing" in lines  # markup not interpreted
        assert "\x1b" not in lines and "␛" in lines  # escape shown as a symbol, never sent
        assert "[@click…" in lines  # the speaker column, cut to fit
        for _ in HOSTILE:
            await pilot.press("j")
        for _ in HOSTILE:
            await pilot.press("k")
        await pilot.pause()
        text = "\n".join(screen_lines(view))
        assert "[link=https://evil.example]" in text
        assert "\x1b" not in text and "\x07" not in text
        for line in screen_lines(view):
            assert len(line) <= view.size.width
        # Clicking the [@click=app.quit] text must not run anything.
        await pilot.click("#source-text", offset=(10, 1))
        await pilot.click("#source-meta", offset=(2, 0))
        await pilot.pause()
        assert app.is_running


async def test_long_cjk_and_arabic_lines_fit_the_pane(make_app: AppFactory, hostile_db: Path) -> None:
    app = make_app(db=hostile_db, auto_advance=False)
    async with app.run_test(size=(80, 24)) as pilot:
        queue = app.screen.query_one(ClaimQueue)
        for position, expected in enumerate(HOSTILE):
            queue.move_to(position)
            await pilot.pause()
            assert queue.current is not None and queue.current.text == expected
            strip = queue.render_line(position - queue.scroll_offset.y)
            assert strip.cell_length == queue.scrollable_content_region.width


async def test_hostile_note_and_evidence_title_render_literally(
    make_app: AppFactory, hostile_db: Path
) -> None:
    with Store.open(hostile_db) as store:
        claim = store.list_claims()[0]
        store.append_event(claim.id, "bob", "denied", note="[blink]see[/blink] \x1b[5m")
    app = make_app(db=hostile_db, auto_advance=False)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, ReviewScreen)
        app.screen.jump_to(claim.id)
        await pilot.pause()
        body = str(app.screen.query_one(VerdictPane).query_one("#verdict-body").render())
        assert "[blink]see[/blink]" in body and "\x1b" not in body


async def test_document_screen_with_hostile_text(make_app: AppFactory, hostile_db: Path) -> None:
    app = make_app(db=hostile_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("D", "enter")
        assert isinstance(app.screen, DocumentScreen)
        for _ in HOSTILE:
            await pilot.press("right_square_bracket")
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, ReviewScreen)
