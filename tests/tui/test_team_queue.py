"""Pilot tests for team work in the app: my queue by default, the queue chooser, my own progress in the
header, blind review of assigned work, assignment from the documents screen, settling without a server."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from textual.widgets import Input, OptionList

from claimreview import consensus as rules
from claimreview.store import Store, team
from claimreview.tui.screens import AssignDialog, ConflictsScreen, DocumentsScreen, QueueDialog, ReviewScreen
from claimreview.tui.widgets import ClaimQueue, StatusHeader, VerdictPane
from claimreview.tui.widgets.verdict_pane import render_verdict

from .conftest import SENTENCES_A, SENTENCES_B, AppFactory, settle


def queue_texts(app: object) -> list[str]:
    queue = app.screen.query_one("#queue", ClaimQueue)  # type: ignore[attr-defined]
    return [queue.row_at(n).text for n in range(len(queue))]  # type: ignore[union-attr]


def current_text(app: object) -> str:
    row = app.screen.query_one("#queue", ClaimQueue).current  # type: ignore[attr-defined]
    assert row is not None
    return row.text


def progress_text(app: object) -> str:
    header = app.screen.query_one(StatusHeader)  # type: ignore[attr-defined]
    return str(header.query_one("#header-progress").render())


def claim_ids(db: Path) -> dict[str, str]:
    with Store.open(db) as store:
        return {row.text: row.id for row in store.list_claims()}


def assign(db: Path, texts: list[str], names: list[str], assigner: str = "boss") -> None:
    ids = claim_ids(db)
    with Store.open(db) as store:
        team.record_assignments(store, assigner, {ids[t]: names for t in texts})


def verdict(db: Path, text: str, reviewer: str, label: str, note: str = "") -> None:
    with Store.open(db) as store:
        store.record_event(claim_ids(db)[text], reviewer, label, note=note)


async def test_opens_on_my_assigned_work_and_counts_my_progress(
    make_app: AppFactory, filled_db: Path
) -> None:
    # Two of A's claims are alice's; bob already judged the first (not done for alice: double review).
    assign(filled_db, SENTENCES_A[:2], ["alice", "bob"])
    verdict(filled_db, SENTENCES_A[0], "bob", rules.CONFIRMED, note="bob's reasons")
    app = make_app(reviewer="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.filter.team == team.MINE
        assert queue_texts(app) == SENTENCES_A[:2]
        assert current_text(app) == SENTENCES_A[0]  # bob's verdict does not make it done for alice
        assert "my work: 0/2 done" in progress_text(app)
        # Blind: alice's own first look at assigned work hides bob's verdict and note.
        assert "bob's reasons" not in _pane_text(app)
        # ... and the list does not give it away either: the row shows as unreviewed, not confirmed.
        index = screen.queue.index
        assert index is not None and index.statuses[0] == rules.UNREVIEWED
        await pilot.press("c")
        await settle(pilot)
        assert "my work: 1/2 done" in progress_text(app)
        assert current_text(app) == SENTENCES_A[1]  # on to the next claim not decided by me
        await pilot.press("k")
        await settle(pilot)
        assert "bob's reasons" in _pane_text(app)  # her verdict is in: the others' show


def _pane_text(app: object) -> str:
    pane = app.screen.query_one("#verdict", VerdictPane)  # type: ignore[attr-defined]
    assert pane.view is not None
    return render_verdict(pane.view, lambda _name: Style()).plain


async def test_without_assignments_opens_as_before(make_app: AppFactory) -> None:
    app = make_app(reviewer="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.filter.team is None and screen.filter.status == rules.UNREVIEWED
        assert "0 of 5 done" in progress_text(app)


async def test_queue_chooser_switches_queues(make_app: AppFactory, filled_db: Path) -> None:
    assign(filled_db, SENTENCES_A[:2], ["alice"])
    verdict(filled_db, SENTENCES_B[0], "alice", rules.DENIED)
    verdict(filled_db, SENTENCES_B[1], "bob", rules.DENIED)
    verdict(filled_db, SENTENCES_B[1], "carol", rules.CONFIRMED)  # disputed
    app = make_app(reviewer="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, QueueDialog)
        options = dialog.query_one(OptionList)
        prompts = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert "(2)" in prompts[0] and prompts[0].startswith("mine")
        assert "(4)" in prompts[1]  # everything but the one alice decided
        # decided by me
        options.highlighted = team.QUEUES.index(team.DECIDED)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert queue_texts(app) == [SENTENCES_B[0]]
        assert "queue decided" in str(app.screen.query_one("#queue").border_title)
        # disputed
        await pilot.press("v")
        await settle(pilot)
        app.screen.query_one(OptionList).highlighted = team.QUEUES.index(team.DISPUTED)
        await pilot.press("enter")
        await settle(pilot)
        assert queue_texts(app) == [SENTENCES_B[1]]
        # undecided by me, then escape changes nothing
        await pilot.press("v")
        await settle(pilot)
        app.screen.query_one(OptionList).highlighted = team.QUEUES.index(team.UNDECIDED)
        await pilot.press("enter")
        await settle(pilot)
        assert queue_texts(app) == [*SENTENCES_A, SENTENCES_B[1]]
        await pilot.press("v", "escape")
        await settle(pilot)
        assert queue_texts(app) == [*SENTENCES_A, SENTENCES_B[1]]
        # all: back to the plain filters
        await pilot.press("v")
        await settle(pilot)
        app.screen.query_one(OptionList).highlighted = team.QUEUES.index(team.ALL)
        await pilot.press("enter")
        await settle(pilot)
        assert len(queue_texts(app)) == 5
        assert app.screen.filter.team is None  # type: ignore[attr-defined]


async def test_assign_a_document_from_the_documents_screen(make_app: AppFactory, filled_db: Path) -> None:
    app = make_app(reviewer="boss")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, DocumentsScreen)
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, AssignDialog)
        box = app.screen.query_one("#assign-names", Input)
        box.value = " ana , ben,ana,"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DocumentsScreen)
    with Store.open(filled_db) as store:
        assert team.assigned_to(store, "ana") == team.assigned_to(store, "ben")
        rows = store.list_claims()
        first_doc = {r.id for r in rows if r.document_id == rows[0].document_id}
        assert team.assigned_to(store, "ana") == first_doc
    # Opening it again shows who has it; an empty list unassigns.
    app = make_app(reviewer="boss")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("D", "A")
        await settle(pilot)
        box = app.screen.query_one("#assign-names", Input)
        assert box.value == "ana, ben"
        box.value = ""
        await pilot.press("enter")
        await settle(pilot)
    with Store.open(filled_db) as store:
        assert team.assigned_to(store, "ana") == set()


async def test_assign_refused_for_a_plain_reviewer(make_app: AppFactory, filled_db: Path) -> None:
    from claimreview.store import sync_state as local

    with Store.open(filled_db) as store:
        local.set_meta(store, {local.SERVER_KEY: "http://127.0.0.1:9", local.ROLE_KEY: "reviewer"})
    app = make_app(reviewer="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("D", "A")
        await settle(pilot)
        assert isinstance(app.screen, DocumentsScreen)  # no dialog
        assert any("assignment events need the role" in str(n.message) for n in app._notifications)


async def test_desk_of_one_settles_disputes_and_sees_each_side(make_app: AppFactory, filled_db: Path) -> None:
    verdict(filled_db, SENTENCES_B[1], "bob", rules.DENIED, note="the budget line says 1.2 billion")
    verdict(filled_db, SENTENCES_B[1], "carol", rules.CONFIRMED, note="the mayor's office confirms")
    app = make_app(reviewer="alice")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        notice = str(screen.query_one("#conflicts-notice").render())
        assert "settles the selected claim" in notice
        statics = " ".join(str(s.render()) for s in screen.query(".conflict-event"))
        assert "1.2 billion" in statics and "mayor's office" in statics
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    with Store.open(filled_db) as store:
        assert store.get_claim(claim_ids(filled_db)[SENTENCES_B[1]]).consensus == rules.DENIED  # type: ignore[union-attr]
