"""Pilot tests for the main screen: moving, verdict keys, note, evidence, undo/redo."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from claimreview import consensus as rules
from claimreview.store import Store
from claimreview.tui.screens import EvidenceDialog, NoteDialog, ReviewScreen
from claimreview.tui.widgets import ClaimQueue, StatusHeader, VerdictPane

from .conftest import SENTENCES_A, SENTENCES_B, AppFactory, settle

ALL = [*SENTENCES_A, *SENTENCES_B]


def queue_of(app: object) -> ClaimQueue:
    return app.screen.query_one("#queue", ClaimQueue)  # type: ignore[attr-defined]


def current_text(app: object) -> str:
    row = queue_of(app).current
    assert row is not None
    return row.text


def events(db: Path) -> list[tuple[str, str, str, str]]:
    with Store.open(db) as store:
        out = []
        for row in store.list_claims():
            for event in store.events_for_claim(row.id):
                out.append((row.text, event.reviewer, event.label, event.note))
        return out


def reading_order(db: Path) -> list[str]:
    with Store.open(db) as store:
        return [row.text for row in store.list_claims()]


async def test_opens_on_first_unreviewed_claim_with_panes(make_app: AppFactory, filled_db: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        order = reading_order(filled_db)
        assert current_text(app) == order[0]
        assert app.focused is queue_of(app)
        header = app.screen.query_one(StatusHeader)
        assert "0 of 5 done" in str(header.query_one("#header-progress").render())


async def test_movement_keys(make_app: AppFactory, filled_db: Path) -> None:
    order = reading_order(filled_db)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        assert current_text(app) == order[1]
        await pilot.press("down", "down")
        assert current_text(app) == order[3]
        await pilot.press("k")
        assert current_text(app) == order[2]
        await pilot.press("up")
        assert current_text(app) == order[1]
        await pilot.press("G")
        assert current_text(app) == order[-1]
        await pilot.press("g")
        assert current_text(app) == order[0]
        await pilot.press("end")
        assert current_text(app) == order[-1]
        await pilot.press("home")
        assert current_text(app) == order[0]
        await pilot.press("pagedown")
        assert current_text(app) == order[-1]
        await pilot.press("pageup")
        assert current_text(app) == order[0]


async def test_mouse_click_selects_row(make_app: AppFactory, filled_db: Path) -> None:
    order = reading_order(filled_db)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#queue", offset=(5, 3))  # border is row 0, claims start at row 1
        assert current_text(app) == order[2]


@pytest.mark.parametrize(("key", "label"), [("c", "confirmed"), ("d", "denied"), ("u", "unverified")])
async def test_verdict_key_writes_event_and_advances(
    make_app: AppFactory, filled_db: Path, key: str, label: str
) -> None:
    order = reading_order(filled_db)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(key)
        assert events(filled_db) == [(order[0], "alice", label, "")]
        assert current_text(app) == order[1]  # auto-advance to the next unreviewed claim
        assert queue_of(app).index.statuses[0] == label  # type: ignore[union-attr]
        assert "saved" in str(app.screen.query_one("#header-saved").render())


async def test_clear_key_and_skip(make_app: AppFactory, filled_db: Path) -> None:
    order = reading_order(filled_db)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c", "k", "x")
        assert [e[2] for e in events(filled_db)] == ["confirmed", "cleared"]
        # After clearing, the next unreviewed claim after it is the second one.
        assert current_text(app) == order[1]
        await pilot.press("space")
        assert current_text(app) == order[2]
        assert len(events(filled_db)) == 2  # skipping writes nothing


async def test_auto_advance_off(make_app: AppFactory, filled_db: Path) -> None:
    order = reading_order(filled_db)
    app = make_app(auto_advance=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        assert current_text(app) == order[0]
        assert events(filled_db)[0][2] == "denied"


async def test_note_modal_saves_and_blocks_verdict_keys(make_app: AppFactory, filled_db: Path) -> None:
    app = make_app(auto_advance=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c", "n")
        assert isinstance(app.screen, NoteDialog)
        assert isinstance(app.focused, TextArea)
        # c, d, u, x, z, q typed into the note are text, not actions.
        await pilot.press(*"cdux zq")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert [(e[2], e[3]) for e in events(filled_db)] == [("confirmed", ""), ("confirmed", "cdux zq")]
        pane = app.screen.query_one(VerdictPane)
        assert "cdux zq" in str(pane.query_one("#verdict-body").render())


async def test_note_modal_escape_cancels(make_app: AppFactory, filled_db: Path) -> None:
    app = make_app(auto_advance=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("u", "n", "h", "i", "escape")
        assert isinstance(app.screen, ReviewScreen)
        assert [e[2] for e in events(filled_db)] == ["unverified"]


async def test_attach_evidence_validates_url(make_app: AppFactory, filled_db: Path) -> None:
    app = make_app(auto_advance=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c", "a")
        assert isinstance(app.screen, EvidenceDialog)
        await pilot.press(*"javascript:alert(1)")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, EvidenceDialog)  # rejected, dialog stays
        assert "http" in str(app.screen.query_one("#evidence-error").render())
        app.screen.query_one("#evidence-url", Input).value = "https://stats.example/unemployment"
        app.screen.query_one("#evidence-title", Input).value = "Labour statistics [red]2025[/red]"
        app.screen.query_one("#evidence-quote", Input).value = "fell by 2.9%"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    with Store.open(filled_db) as store:
        claim = store.list_claims()[0]
        latest = store.latest_event(claim.id, "alice")
        assert latest is not None
        assert latest.label == "confirmed"
        assert latest.sources == [
            {
                "url": "https://stats.example/unemployment",
                "title": "Labour statistics [red]2025[/red]",
                "quote": "fell by 2.9%",
            }
        ]


async def test_open_url_uses_browser_in_worker(
    make_app: AppFactory, filled_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o", "1")  # the chooser lists the article's address first
        await settle(pilot)
        assert opened and opened[0].startswith("https://news.example/")


async def test_undo_and_redo_are_recorded_events(make_app: AppFactory, filled_db: Path) -> None:
    order = reading_order(filled_db)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c", "d")
        assert [e[2] for e in events(filled_db)] == ["confirmed", "denied"]
        await pilot.press("z")  # undo the deny on claim 2: back to no verdict
        assert current_text(app) == order[1]
        await pilot.press("ctrl+z")  # undo the confirm on claim 1
        assert current_text(app) == order[0]
        with Store.open(filled_db) as store:
            assert store.count_claims(status=rules.UNREVIEWED) == 5
        await pilot.press("ctrl+y")  # redo the confirm
        with Store.open(filled_db) as store:
            claim = store.list_claims()[0]
            assert claim.consensus == rules.CONFIRMED
            labels = [e.label for e in store.events_for_claim(claim.id)]
        assert labels == ["confirmed", "cleared", "confirmed"]
        await pilot.press("z", "z", "z")  # one more than there is: harmless
        assert sum(1 for _ in events(filled_db)) == 6


async def test_undo_restores_previous_note_and_label(make_app: AppFactory, filled_db: Path) -> None:
    app = make_app(auto_advance=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c", "n", *"first", "ctrl+s")
        await pilot.press("d")
        await pilot.press("z")
    with Store.open(filled_db) as store:
        claim = store.list_claims()[0]
        latest = store.latest_event(claim.id, "alice")
        assert latest is not None
        assert (latest.label, latest.note) == ("confirmed", "first")


async def test_focus_cycles_through_panes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.focused is not None and app.focused.id == "queue"
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "source-text"
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "verdict"
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is not None and app.focused.id == "queue"
        # Verdict keys work from any pane.
        await pilot.press("tab", "c")
        assert queue_of(app).index.statuses[0] == "confirmed"  # type: ignore[union-attr]


async def test_footer_shows_keys_of_focused_pane(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        keys_queue = {b.binding.id for b in app.screen.active_bindings.values()}
        assert "queue.down" in keys_queue and "claim.confirm" in keys_queue
        await pilot.press("tab")
        keys_text = {b.binding.id for b in app.screen.active_bindings.values()}
        assert "queue.down" not in keys_text and "text.down" in keys_text and "claim.confirm" in keys_text


async def test_quit(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


def test_sentences_fixture_is_five() -> None:
    assert len(ALL) == 5 and SENTENCES_B


async def test_a_verdict_key_runs_at_most_four_statements(make_app: AppFactory, filled_db: Path) -> None:
    from sqlalchemy import event

    order = reading_order(filled_db)
    app = make_app(auto_advance=False)
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        engine = app.store.engine
        event.listen(engine, "before_cursor_execute", seen)
        try:
            for key in ("c", "d", "d", "x"):  # the second d changes nothing and writes nothing
                statements.clear()
                await pilot.press(key)
                await settle(pilot)  # the header's and the pane's updates run too
                assert len(statements) <= 4, (key, statements)
            # ... and what they wrote is what the screen shows, read back afresh.
            assert [e[2] for e in events(filled_db)] == ["confirmed", "denied", "cleared"]
            assert current_text(app) == order[0]
            header = str(app.screen.query_one("#header-progress").render())
            assert header.startswith("0 of 5 done")
            pane = app.screen.query_one(VerdictPane)
            assert pane.view is not None
            assert [e.label for e in pane.view.history] == ["confirmed", "denied", "cleared"]
            assert not pane.view.mine.is_set
        finally:
            event.remove(engine, "before_cursor_execute", seen)
