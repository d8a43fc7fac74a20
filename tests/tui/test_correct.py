"""Pilot tests for the correction key (K): speaker and boundaries, recorded as events, undone by z."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input

from claimreview import consensus as rules
from claimreview.store import Store
from claimreview.store.corrections import corrected_claim
from claimreview.tui.screens import ReviewScreen
from claimreview.tui.screens.correct_dialog import CorrectionDialog
from claimreview.tui.widgets import VerdictPane
from claimreview.tui.widgets.claim_card import ClaimCard
from claimreview.tui.widgets.document_view import DocumentView

from .conftest import SENTENCES_A, AppFactory, settle


def claim_id_of(db: Path, text: str) -> str:
    with Store.open(db) as store:
        return next(row.id for row in store.list_claims() if row.text == text)


def correction_events(db: Path, claim_id: str) -> list[tuple[str, str, dict[str, object]]]:
    with Store.open(db) as store:
        return [
            (e.reviewer, e.label, dict(e.payload))
            for e in store.events_for_claim(claim_id)
            if e.kind == rules.CORRECTION
        ]


def card_text(app: object) -> str:
    return str(app.screen.query_one("#card", ClaimCard).render())  # type: ignore[attr-defined]


def highlighted(app: object) -> tuple[int, int]:
    view = app.screen.query_one("#source-text", DocumentView)  # type: ignore[attr-defined]
    return view._spans[0]


async def test_dialog_fits_80x24_and_saves_the_speaker(make_app: AppFactory, filled_db: Path) -> None:
    claim_id = claim_id_of(filled_db, SENTENCES_A[0])
    app = make_app(auto_advance=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        screen.jump_to(claim_id)
        await pilot.press("K")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog)
        speaker = dialog.query_one("#correct-speaker", Input)
        assert speaker.value == "Minister Smith"  # prefilled with the speaker as it stands
        for button_id in ("#correct-save", "#correct-cancel", "#correct-extend", "#correct-drop"):
            region = dialog.query_one(button_id, Button).region
            assert region.height > 0 and region.bottom <= 23, button_id  # above the footer line
            assert region.right <= 80, button_id
        # Keys typed into the speaker are text, not the review screen's actions.
        speaker.value = ""
        await pilot.press(*"Finance Minister Cdz")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Finance Minister Cdz" in card_text(app)
        assert "extracted: Minister Smith" in card_text(app)
        history = str(app.screen.query_one(VerdictPane).query_one("#verdict-body").render())
        assert "correction" in history
    assert correction_events(filled_db, claim_id) == [
        ("alice", "corrected", {"speaker": "Finance Minister Cdz", "start": 0, "end": len(SENTENCES_A[0])})
    ]
    with Store.open(filled_db) as store:
        assert store.count_claims(status=rules.UNREVIEWED) == 5  # a correction is not a verdict


async def test_extend_and_drop_first_change_the_stored_span(make_app: AppFactory, filled_db: Path) -> None:
    claim_id = claim_id_of(filled_db, SENTENCES_A[0])
    two = f"{SENTENCES_A[0]} {SENTENCES_A[1]}"
    app = make_app(auto_advance=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        app.screen.jump_to(claim_id)
        await pilot.press("K", "ctrl+n", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert highlighted(app) == (0, len(two))  # the source pane highlights the corrected span
        with Store.open(filled_db) as store:
            now = corrected_claim(store, claim_id)
            assert now is not None and now.text == two and now.speaker == "Minister Smith"
        # Drop the first sentence (a headline glued on): the second one stays.
        await pilot.press("K", "ctrl+t", "ctrl+s")
        await pilot.pause()
        second = two.index(SENTENCES_A[1])
        assert highlighted(app) == (second, len(two))
        with Store.open(filled_db) as store:
            now = corrected_claim(store, claim_id)
            assert now is not None and now.text == SENTENCES_A[1]
        # Undo walks back one correction at a time; the first undo restores the extended span,
        # the second withdraws the correction (cleared), and the extraction stands again.
        await pilot.press("z")
        await pilot.pause()
        assert highlighted(app) == (0, len(two))
        await pilot.press("z")
        await pilot.pause()
        assert highlighted(app) == (0, len(SENTENCES_A[0]))
        assert "corrected" not in card_text(app)
    labels = [label for _, label, _ in correction_events(filled_db, claim_id)]
    assert labels == ["corrected", "corrected", "corrected", "cleared"]
    with Store.open(filled_db) as store:
        now = corrected_claim(store, claim_id)
        assert now is not None and not now.corrected and now.text == SENTENCES_A[0]


async def test_cannot_extend_past_the_end_and_cancel_records_nothing(
    make_app: AppFactory, filled_db: Path
) -> None:
    claim_id = claim_id_of(filled_db, SENTENCES_A[-1])
    app = make_app(auto_advance=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        app.screen.jump_to(claim_id)
        await pilot.press("K", "ctrl+n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog)
        assert "ends the document" in str(dialog.query_one("#correct-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        # Saving with nothing changed records nothing either.
        await pilot.press("K", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    assert correction_events(filled_db, claim_id) == []


def queue_row(app: object, text: str) -> str:
    """The queue's row for the claim that starts with ``text``, as drawn on screen."""
    from claimreview.tui.widgets import ClaimQueue

    from .screen_text import widget_lines

    queue = app.screen.query_one("#queue", ClaimQueue)  # type: ignore[attr-defined]
    rows = [line for line in widget_lines(app, queue) if text in line]  # type: ignore[arg-type]
    assert len(rows) == 1, rows
    return rows[0]


async def test_queue_row_shows_the_corrected_speaker_and_text_at_once_and_after_undo(
    make_app: AppFactory, filled_db: Path
) -> None:
    claim_id = claim_id_of(filled_db, SENTENCES_A[1])
    app = make_app(auto_advance=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        app.screen.jump_to(claim_id)
        await pilot.pause()
        assert "Minister Smi" in queue_row(app, "Exports doubled")
        # The speaker the card shows is the one the queue shows, the moment the correction is saved.
        dialog_keys = ["K", *["backspace"] * len("Minister Smith"), *"Trade Office", "ctrl+n", "ctrl+s"]
        await pilot.press(*dialog_keys)
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Trade Office" in card_text(app)
        row = queue_row(app, "Exports doubled")
        assert "Trade Office" in row and "Minister" not in row
        # The corrected text runs on into the next sentence (the row shows the claim as corrected).
        assert "trade office. The city" in row
        # Moving away and back (the row re-read from its page) keeps it.
        await pilot.press("j", "k")
        await pilot.pause()
        assert "Trade Office" in queue_row(app, "Exports doubled")
        # Undo puts the extraction back in the row as on the card.
        await pilot.press("z")
        await pilot.pause()
        row = queue_row(app, "Exports doubled")
        assert "Minister Smi" in row and "Trade Office" not in row and "The city" not in row
        assert "corrected" not in card_text(app)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "Trade Office" in queue_row(app, "Exports doubled")
