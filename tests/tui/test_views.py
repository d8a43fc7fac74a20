"""Pilot tests for search, filters, documents, help, palette, keymap, blind review, two instances."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from claimreview.store import Store
from claimreview.tui.screens import DocumentScreen, DocumentsScreen, EmptyScreen, HelpScreen, ReviewScreen
from claimreview.tui.widgets import ClaimQueue, DocumentView, VerdictPane

from .conftest import SENTENCES_A, SENTENCES_B, AppFactory, settle


def queue_of(app: object) -> ClaimQueue:
    return app.screen.query_one("#queue", ClaimQueue)  # type: ignore[attr-defined]


def texts(app: object) -> list[str]:
    queue = queue_of(app)
    return [queue.row_at(i).text for i in range(len(queue))]  # type: ignore[union-attr]


def verdict_text(app: object) -> str:
    return str(app.screen.query_one(VerdictPane).query_one("#verdict-body").render())  # type: ignore[attr-defined]


async def test_search_filters_by_text_speaker_and_document(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"bridge", "enter")
        await settle(pilot)
        assert texts(app) == [SENTENCES_B[1]]
        assert app.focused is queue_of(app)
        await pilot.press("slash", "ctrl+a", "ctrl+k", *"mayor jones", "enter")  # speaker
        await settle(pilot)
        assert sorted(texts(app)) == sorted(SENTENCES_B)
        await pilot.press("slash", "ctrl+a", "ctrl+k", *"BUDGET", "enter")  # document title, any case
        await settle(pilot)
        assert sorted(texts(app)) == sorted(SENTENCES_A)
        await pilot.press("slash", "escape")  # escape clears the search
        await settle(pilot)
        assert len(texts(app)) == 5


async def test_search_with_like_wildcards_is_literal(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"%_", "enter")
        await settle(pilot)
        assert texts(app) == []


async def test_filter_menu_has_a_key_per_status(make_app: AppFactory) -> None:
    app = make_app(auto_advance=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c", "j", "d", "j", "w")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        seen = []
        for key in "acdvwpu":
            await pilot.press("f", key)
            await settle(pilot)
            seen.append((screen.filter.status, len(queue_of(app))))
        assert seen == [
            (None, 5),
            ("confirmed", 1),
            ("denied", 1),
            ("unverified", 0),
            ("not_checkworthy", 1),
            ("disputed", 0),
            ("unreviewed", 2),
        ]


async def test_documents_screen_and_jump_to_claim(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("D")
        assert isinstance(app.screen, DocumentsScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        # Open the "City report" document, whichever row it is on.
        titles = [str(table.get_row_at(i)[0]) for i in range(2)]
        await pilot.press(*(["j"] if titles[1] == "City report" else []), "enter")
        assert isinstance(app.screen, DocumentScreen)
        view = app.screen.query_one(DocumentView)
        assert view.text == " ".join(SENTENCES_B)
        await pilot.press("right_square_bracket")
        assert view.current == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert queue_of(app).current.text == SENTENCES_B[1]  # type: ignore[union-attr]


async def test_documents_escape_goes_back(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("D", "enter", "escape")
        assert isinstance(app.screen, DocumentsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_help_screen_lists_keys_in_force(make_app: AppFactory) -> None:
    app = make_app(keymap={"claim.confirm": "y"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {row.binding_id: row.keys for row in app.screen.rows}
        assert rows["claim.confirm"] == "y"
        assert rows["claim.deny"] == "d"
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_keymap_remaps_verdict_key(make_app: AppFactory, filled_db: Path) -> None:
    app = make_app(keymap={"claim.confirm": "y"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        assert queue_of(app).index.statuses[0] == "unreviewed"  # type: ignore[union-attr]
        await pilot.press("y")
        assert queue_of(app).index.statuses[0] == "confirmed"  # type: ignore[union-attr]


async def test_command_palette_runs_actions(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"claim: confirm")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert queue_of(app).index.statuses[0] == "confirmed"  # type: ignore[union-attr]


async def test_blind_review_hides_others_until_you_give_yours(make_app: AppFactory, filled_db: Path) -> None:
    with Store.open(filled_db) as store:
        first = store.list_claims()[0]
        store.append_event(first.id, "bob", "denied", note="bob thinks so")
    app = make_app(blind_review=True, auto_advance=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        app.screen.jump_to(first.id)  # bob's verdict took it out of the unreviewed queue
        await pilot.pause()
        shown = verdict_text(app)
        assert "bob" not in shown and "hidden" in shown
        await pilot.press("c")
        shown = verdict_text(app)
        assert "bob" in shown and "disagree" in shown


async def test_not_blind_shows_others_and_history(make_app: AppFactory, filled_db: Path) -> None:
    with Store.open(filled_db) as store:
        first = store.list_claims()[0]
        store.append_event(first.id, "bob", "denied")
        store.append_event(first.id, "bob", "confirmed", note="second look")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        app.screen.jump_to(first.id)
        await pilot.pause()
        shown = verdict_text(app)
        assert "bob: ✓ confirmed" in shown
        history = shown.split("History")[1]
        assert history.index("confirmed") < history.index("denied")  # newest first


async def test_two_instances_see_each_other_on_refresh(make_app: AppFactory, filled_db: Path) -> None:
    app_a = make_app(reviewer="alice", auto_advance=False)
    app_b = make_app(reviewer="bob", auto_advance=False)
    async with app_a.run_test(size=(120, 40)) as pilot_a, app_b.run_test(size=(120, 40)) as pilot_b:
        for pilot in (pilot_a, pilot_b):
            await pilot.press("f", "a")  # every claim, so the disputed one stays in view
            await settle(pilot)
        await pilot_a.press("c")
        await pilot_b.press("d")
        await pilot_a.press("r")
        await settle(pilot_a)
        assert queue_of(app_a).index.statuses[0] == "disputed"  # type: ignore[union-attr]
        assert "bob" in verdict_text(app_a)
        await pilot_b.press("r")
        await settle(pilot_b)
        assert "alice" in verdict_text(app_b)
    with Store.open(filled_db) as store:
        first = store.list_claims()[0]
        assert [e.reviewer for e in store.events_for_claim(first.id)] == ["alice", "bob"]


async def test_empty_database_explains_how_to_add_claims(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app(db=tmp_path / "empty.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EmptyScreen)
        assert "claimreview extract" in str(app.screen.query_one("#empty-message").render())
        await pilot.press("r")  # still empty: stays
        assert isinstance(app.screen, EmptyScreen)
