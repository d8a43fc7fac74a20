"""Pilot tests for the editor's queue (E): approve (a), publish through the form (p), the CLI's checks."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Select, TextArea

from claimreview import consensus as rules
from claimreview import editorial
from claimreview.store import Store
from claimreview.store import sync_state as local
from claimreview.store.editorial import editorial_claims
from claimreview.tui.screens import EditorScreen, PublishDialog, ReviewScreen

from .conftest import SENTENCES_A, SENTENCES_B, AppFactory, settle


def claim_ids(db: Path) -> dict[str, str]:
    with Store.open(db) as store:
        return {row.text: row.id for row in store.list_claims()}


def verdict(db: Path, text: str, reviewer: str, label: str) -> None:
    with Store.open(db) as store:
        store.record_event(claim_ids(db)[text], reviewer, label)


def states(db: Path) -> dict[str, editorial.EditorialState]:
    with Store.open(db) as store:
        return {c.text: c.state for c in editorial_claims(store)}


def rows(app: object, table_id: str) -> list[str]:
    table = app.screen.query_one(f"#{table_id}", DataTable)  # type: ignore[attr-defined]
    return [str(table.get_row_at(n)[2]) for n in range(table.row_count)]


async def open_editor(pilot: object) -> None:
    await settle(pilot)  # type: ignore[arg-type]
    await pilot.press("E")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


async def test_approve_then_publish_with_the_form(make_app: AppFactory, filled_db: Path) -> None:
    verdict(filled_db, SENTENCES_A[0], "bob", rules.DENIED)
    verdict(filled_db, SENTENCES_B[0], "bob", rules.CONFIRMED)
    app = make_app(reviewer="ed")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert rows(app, "editor-approved") == []
        assert rows(app, "editor-unapproved") == [SENTENCES_A[0], SENTENCES_B[0]]
        # p on an unapproved claim says what to do first and records nothing.
        await pilot.press("p")
        await settle(pilot)
        assert not isinstance(app.screen, PublishDialog)
        await pilot.press("a")
        await settle(pilot)
        assert rows(app, "editor-approved") == [SENTENCES_A[0]]
        assert rows(app, "editor-unapproved") == [SENTENCES_B[0]]
        assert states(filled_db)[SENTENCES_A[0]].state == editorial.APPROVED
        await pilot.press("tab")  # to the approved list
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PublishDialog)
        # The denied claim starts on the scale's rating for "denied".
        assert dialog.query_one("#publish-rating", Select).value == "false"
        summary = dialog.query_one("#publish-summary", Input)
        summary.value = "x" * 80
        await settle(pilot)
        assert summary.border_subtitle == "80/75"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PublishDialog)  # refused, with the reason on the form
        assert "keep it to 75" in str(dialog.query_one("#publish-error").render())
        summary.value = "Unemployment fell 3% last year"
        dialog.query_one("#publish-explanation", TextArea).text = "The statistics office says 1%."
        dialog.query_one("#publish-language", Input).value = "en-GB"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert rows(app, "editor-approved") == []
    state = states(filled_db)[SENTENCES_A[0]]
    assert state.state == editorial.PUBLISHED
    assert state.publication.payload == {
        "rating": "false",
        "summary": "Unemployment fell 3% last year",
        "explanation": "The statistics office says 1%.",
        "language": "en-GB",
    }
    assert state.editors == ("ed",)


async def test_unverified_needs_a_rating_picked(make_app: AppFactory, filled_db: Path) -> None:
    # The built-in scale maps no rating to unverified: the form starts blank and says so.
    verdict(filled_db, SENTENCES_B[1], "bob", rules.UNVERIFIED)
    app = make_app(reviewer="ed")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("tab", "p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PublishDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PublishDialog)
        assert "Pick a rating" in str(dialog.query_one("#publish-error").render())
        dialog.query_one("#publish-rating", Select).value = "true"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
    assert states(filled_db)[SENTENCES_B[1]].publication.payload["rating"] == "true"


async def test_a_plain_reviewer_is_told_why_and_nothing_is_recorded(
    make_app: AppFactory, filled_db: Path
) -> None:
    verdict(filled_db, SENTENCES_A[0], "bob", rules.DENIED)
    with Store.open(filled_db) as store:
        local.set_meta(store, {local.SERVER_KEY: "http://127.0.0.1:9", local.ROLE_KEY: "reviewer"})
    app = make_app(reviewer="ed")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert any("editorial events need the role" in str(n.message) for n in app._notifications)
    assert states(filled_db)[SENTENCES_A[0]].state == editorial.DRAFT


def publish_now(db: Path, text: str, editor: str = "erin", summary: str = "Jobless rate fell 3%") -> None:
    with Store.open(db) as store:
        cid = claim_ids(db)[text]
        store.record_event(cid, editor, rules.APPROVED, kind=rules.EDITORIAL)
        payload = {
            "rating": "true",
            "summary": summary,
            "explanation": "As the office says.",
            "language": "en",
        }
        store.record_event(cid, editor, rules.PUBLISHED, kind=rules.EDITORIAL, payload=payload)


async def test_a_published_review_whose_consensus_changed_is_listed_until_published_again(
    make_app: AppFactory, filled_db: Path
) -> None:
    verdict(filled_db, SENTENCES_A[0], "bob", rules.CONFIRMED)
    verdict(filled_db, SENTENCES_B[0], "bob", rules.CONFIRMED)
    publish_now(filled_db, SENTENCES_A[0])
    publish_now(filled_db, SENTENCES_B[0])
    verdict(filled_db, SENTENCES_A[0], "cy", rules.DENIED)  # now disputed
    verdict(filled_db, SENTENCES_B[0], "bob", rules.DENIED)  # bob changed his mind: now denied
    app = make_app(reviewer="ed")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot)
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        title = str(screen.query_one("#editor-changed-title").render())
        assert "Published, consensus changed since: 2" in title
        assert rows(app, "editor-changed") == [SENTENCES_A[0], SENTENCES_B[0]]
        table = screen.query_one("#editor-changed", DataTable)
        assert [str(table.get_row_at(n)[0]) for n in range(2)] == [
            "✓ confirmed → ! disputed",
            "✓ confirmed → ✗ denied",
        ]
        assert screen.focused is table  # the urgent list comes first
        # Disputed: nothing to publish yet; the reason is given and no form opens.
        await pilot.press("p")
        await settle(pilot)
        assert not isinstance(app.screen, PublishDialog)
        assert any("adjudicate it first" in str(n.message) for n in app._notifications)
        # Denied: the form opens with last time's words and the rating for "denied".
        await pilot.press("down", "p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PublishDialog)
        assert dialog.query_one("#publish-rating", Select).value == "false"
        assert dialog.query_one("#publish-summary", Input).value == "Jobless rate fell 3%"
        dialog.query_one("#publish-summary", Input).value = "Crime did not rise 12%"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert rows(app, "editor-changed") == [SENTENCES_A[0]]
    state = states(filled_db)[SENTENCES_B[0]]
    assert state.publication.payload["rating"] == "false" and state.published_consensus == rules.DENIED


async def test_x_withdraws_a_changed_published_review_after_asking(
    make_app: AppFactory, filled_db: Path
) -> None:
    verdict(filled_db, SENTENCES_A[0], "bob", rules.CONFIRMED)
    publish_now(filled_db, SENTENCES_A[0])
    verdict(filled_db, SENTENCES_A[0], "bob", rules.DENIED)  # the published "confirmed" no longer holds
    app = make_app(reviewer="ed")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot)
        assert rows(app, "editor-changed") == [SENTENCES_A[0]]
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("enter")  # the dialog starts on "Keep it"
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert states(filled_db)[SENTENCES_A[0]].state == editorial.PUBLISHED
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("x")  # the dialog's own key for "withdraw"
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert rows(app, "editor-changed") == []
        # Now a draft with a verdict: it waits among the claims to approve again.
        assert SENTENCES_A[0] in rows(app, "editor-unapproved")
    assert states(filled_db)[SENTENCES_A[0]].state == editorial.DRAFT
    with Store.open(filled_db) as store:
        last = store.events_for_claim(claim_ids(filled_db)[SENTENCES_A[0]])[-1]
        assert (last.reviewer, last.kind, last.label) == ("ed", rules.EDITORIAL, rules.WITHDRAWN)
        assert last.server_seq is None  # waits for the next sync, like a verdict


async def test_the_changed_list_is_hidden_when_empty(make_app: AppFactory, filled_db: Path) -> None:
    verdict(filled_db, SENTENCES_A[0], "bob", rules.CONFIRMED)
    publish_now(filled_db, SENTENCES_A[0])
    app = make_app(reviewer="ed")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot)
        screen = app.screen
        assert not screen.query_one("#editor-changed").display
        assert not screen.query_one("#editor-changed-title").display


async def test_enter_opens_the_claim_in_the_review_screen(make_app: AppFactory, filled_db: Path) -> None:
    verdict(filled_db, SENTENCES_B[0], "bob", rules.CONFIRMED)
    app = make_app(reviewer="ed")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        current = screen.queue.current
        assert current is not None and current.text == SENTENCES_B[0]


async def test_help_lists_the_new_keys(make_app: AppFactory) -> None:
    app = make_app()
    ids = {row.binding_id for row in app.key_rows()}
    assert {"editor.open", "editor.approve", "editor.publish", "editor.withdraw", "publish.save"} <= ids
    assert "view.queue" in ids
    assert {"documents.assign", "assign.save", "queues.cancel"} <= ids


async def test_z_takes_back_a_withdrawal_and_an_approval(make_app: AppFactory, filled_db: Path) -> None:
    verdict(filled_db, SENTENCES_A[0], "bob", rules.CONFIRMED)
    publish_now(filled_db, SENTENCES_A[0])  # by erin
    verdict(filled_db, SENTENCES_A[0], "bob", rules.DENIED)  # listed as changed since publication
    verdict(filled_db, SENTENCES_B[0], "bob", rules.CONFIRMED)
    app = make_app(reviewer="ed")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot)
        await pilot.press("z")  # nothing recorded here yet: says so, records nothing
        await settle(pilot)
        await pilot.press("x", "x")  # withdraw erin's publication, confirmed in the dialog
        await settle(pilot)
        assert states(filled_db)[SENTENCES_A[0]].state == editorial.DRAFT
        app.screen.query_one("#editor-unapproved").focus()  # the claims to approve
        assert rows(app, "editor-unapproved") == [SENTENCES_A[0], SENTENCES_B[0]]
        await pilot.press("down", "a")  # approve the second one
        await settle(pilot)
        assert states(filled_db)[SENTENCES_B[0]].state == editorial.APPROVED
        await pilot.press("z")  # the approval goes first (newest first)
        await settle(pilot)
        assert states(filled_db)[SENTENCES_B[0]].state == editorial.DRAFT
        assert states(filled_db)[SENTENCES_A[0]].state == editorial.DRAFT
        await pilot.press("z")  # then the withdrawal: erin's publication stands again, words and all
        await settle(pilot)
        assert rows(app, "editor-changed") == [SENTENCES_A[0]]
        assert "Took back the withdrawal" in str(app.screen.query_one("#editor-notice").render())
    state = states(filled_db)[SENTENCES_A[0]]
    assert state.state == editorial.PUBLISHED and state.editors == ("erin",)
    assert state.publication.payload["summary"] == "Jobless rate fell 3%"
    with Store.open(filled_db) as store:
        mine = [e for e in store.events_for_claim(claim_ids(filled_db)[SENTENCES_A[0]]) if e.reviewer == "ed"]
        assert [e.label for e in mine] == [rules.WITHDRAWN, rules.CLEARED]  # the log only grows


def test_undo_restores_the_editors_own_earlier_decision(filled_db: Path) -> None:
    from claimreview.errors import InputError
    from claimreview.publish import editing

    verdict(filled_db, SENTENCES_A[0], "bob", rules.CONFIRMED)
    publish_now(filled_db, SENTENCES_A[0], editor="ed")
    with Store.open(filled_db) as store:
        cid = claim_ids(filled_db)[SENTENCES_A[0]]
        first = editing.withdraw(store, [cid], "ed")[0]
        editing.undo(store, cid, "ed", first.event_id)  # ed's own publication, re-recorded
        state = editorial.editorial_state(store.events_for_claim(cid))
        assert (
            state.state == editorial.PUBLISHED
            and state.publication.payload["summary"] == "Jobless rate fell 3%"
        )
        try:
            editing.undo(store, cid, "ed", first.event_id)  # no longer ed's latest decision
        except InputError as err:
            assert "decided on it again since" in str(err)
        else:
            raise AssertionError("a stale undo was accepted")
