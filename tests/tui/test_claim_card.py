"""The claim card and the research keys: what a reviewer sees of a claim before judging it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Button, Input, Label

from claimreview.extract.worthiness import WEIGHTS
from claimreview.factchecks.parse import FactCheck
from claimreview.factchecks.refresh import refresh_matches
from claimreview.models import NewClaim, NewDocument
from claimreview.store import Store
from claimreview.store import factchecks as stored
from claimreview.tui.screens.dialogs import EvidenceDialog, NoteDialog
from claimreview.tui.screens.pickers import MatchesDialog, PickDialog
from claimreview.tui.widgets import ClaimCard, ClaimQueue, StatusHeader
from claimreview.tui.widgets.claim_card import REASON_WORDS, describe_reasons

from .conftest import AppFactory, settle
from .screen_text import screen_lines, widget_lines

LONG_SPEAKER = "Jaish al-Fursan spokesman for the northern coastal brigades"
OTHER_SPEAKER = "Jaish al-Fursan deputy commander Ilyas Brandt"


@pytest.fixture
def card_db(tmp_path: Path) -> Path:
    """Two claims by speakers whose names start alike, one of them matched by a published fact-check."""
    first = "The brigades said they had retaken 14 villages near Port Halvar since March."
    second = "The deputy commander said 3,200 fighters had joined in the last year."
    text = f"{first} {second}"
    document = NewDocument(
        uri="https://wire.example/halvar",
        title="Fighting near Port Halvar",
        text=text,
        publisher="Wire Example",
        published="2026-02-11",
        url="https://wire.example/halvar",
    )
    claims = [
        NewClaim(
            text=first,
            start=0,
            end=len(first),
            speaker=LONG_SPEAKER,
            score=0.91,
            reasons=["figure", "reporting", "named_source"],
            extractor="t",
            extractor_version="1",
        ),
        NewClaim(
            text=second,
            start=len(first) + 1,
            end=len(text),
            speaker=OTHER_SPEAKER,
            score=0.62,
            reasons=["figure", "date"],
            extractor="t",
            extractor_version="1",
        ),
    ]
    path = tmp_path / "card.db"
    with Store.open(path) as store:
        store.add_articles([(document, claims)])
        # Team-written fact-checks: one says the first claim in other words, one is about something else.
        stored.import_factchecks(
            store,
            [
                FactCheck(
                    url="https://checks.example/halvar-villages",
                    claim_reviewed="Brigades retook fourteen villages around Port Halvar since March",
                    headline="No, the brigades did not retake 14 villages near Port Halvar",
                    rating="False",
                    publisher="Checks Example",
                    date_published="2026-02-20",
                    language="en",
                ),
                FactCheck(
                    url="https://checks.example/bread",
                    claim_reviewed="Bread prices tripled in Kelmet",
                    headline="Bread in Kelmet",
                    rating="Mostly true",
                    publisher="Other Desk",
                    date_published="2025-12-01",
                    language="en",
                ),
            ],
        )
        refresh_matches(store)
    return path


def flat(app: object, widget: object = None) -> str:
    """The screen's (or one widget's) words in reading order, borders dropped."""
    lines = widget_lines(app, widget) if widget is not None else screen_lines(app)  # type: ignore[arg-type]
    return " ".join(" ".join(line.replace("│", " ").split()) for line in lines)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
async def test_card_shows_speaker_reasons_outlet_date_address_and_matches(
    make_app: AppFactory, card_db: Path, size: tuple[int, int]
) -> None:
    app = make_app(card_db)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        card = app.screen.query_one(ClaimCard)
        shown = flat(app, card)
        assert LONG_SPEAKER in shown  # whole, not "Jaish al …"
        assert "0.91" in shown and "a figure" in shown and "a reporting verb" in shown
        assert "Checks Example" in shown and "False" in shown  # checked before: publisher, rating
        if size[0] >= 100:  # at 80x24 the card scrolls to its source line; `i` shows it (below)
            assert "Wire Example" in shown and "2026-02-11" in shown
            assert "https://wire.example/halvar" in shown
        if size[0] >= 120:
            assert "2026-02-20" in shown
        # Everything whole in the details, at every size.
        await pilot.press("i")
        await settle(pilot)
        details = flat(app, app.screen.query_one("#details-body"))
        assert "https://wire.example/halvar" in details and "Checks Example" in details
        assert "Fighting near Port Halvar" in details and "2026-02-20" in details
        await pilot.press("escape")
        await pilot.press("j")
        await settle(pilot)
        assert OTHER_SPEAKER in flat(app, card)


async def test_a_key_opens_the_matches_and_one_key_adopts_one(make_app: AppFactory, card_db: Path) -> None:
    app = make_app(card_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        claim = app.screen.query_one(ClaimQueue).current
        assert claim is not None
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"checked the wire")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MatchesDialog)
        assert app.screen.matches[0].url == "https://checks.example/halvar-villages"
        await pilot.press("d")
        await settle(pilot)
        events_ = app.store.events_for_claim(claim.id)
        last = events_[-1]
        assert last.label == "denied" and last.note == "checked the wire"  # the research is kept
        assert [s["url"] for s in last.sources] == ["https://checks.example/halvar-villages"]
        assert last.sources[0]["quote"] == "False"
        await pilot.press("z")  # one undoable step
        await settle(pilot)
        assert app.store.events_for_claim(claim.id)[-1].label == "cleared"
        assert app.store.events_for_claim(claim.id)[-1].note == "checked the wire"


async def test_note_and_evidence_before_a_verdict_are_kept_by_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        claim = app.screen.query_one(ClaimQueue).current
        assert claim is not None
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"trade office page says 2019")
        await pilot.press("ctrl+s")
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, EvidenceDialog)
        app.screen.query_one("#evidence-url", Input).value = "https://trade.example/exports"
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Still on the same claim, still without a verdict: research does not move the cursor.
        assert app.screen.query_one(ClaimQueue).current.id == claim.id  # type: ignore[union-attr]
        await pilot.press("d")
        await settle(pilot)
        last = app.store.events_for_claim(claim.id)[-1]
        assert last.label == "denied" and last.note == "trade office page says 2019"
        assert [s["url"] for s in last.sources] == ["https://trade.example/exports"]


async def test_triage_key_marks_not_checkworthy_and_counts_as_done(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        claim = app.screen.query_one(ClaimQueue).current
        assert claim is not None
        await pilot.press("w")
        await settle(pilot)
        assert app.store.events_for_claim(claim.id)[-1].label == "not_checkworthy"
        progress = str(app.screen.query_one("#header-progress", Label).render())
        assert progress.startswith("1 of 5 done")
        assert "w Not worth" in flat(app)  # in the footer


async def test_evidence_dialog_takes_a_typed_burst_into_its_fields(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EvidenceDialog)
        # Save and Cancel are on screen at 80x24.
        for button in dialog.query(Button):
            assert button.region.bottom <= 23 and button.region.height, button.id
        # A burst: every key queued before any is handled (as a terminal types a paste).
        burst = "htp:/x" + "\r" + "Title" + "\r" + "Quote"
        for char in burst:
            key = "enter" if char == "\r" else char
            app.post_message(events.Key(key, None if key == "enter" else char))
        await settle(pilot)
        assert dialog.query_one("#evidence-url", Input).value == "htp:/x"
        assert dialog.query_one("#evidence-title", Input).value == "Title"
        assert dialog.query_one("#evidence-quote", Input).value == "Quote"
        await pilot.press("ctrl+s")  # a bad URL: red error, dialog stays
        await settle(pilot)
        error = dialog.query_one("#evidence-error", Label)
        assert str(error.render()).strip()
        dialog.query_one("#evidence-url", Input).value = "https://fixed.example/a"
        await settle(pilot)
        assert not str(error.render()).strip()  # the fixed URL's old error is gone


async def test_note_dialog_buttons_visible_at_80x24(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        for button in app.screen.query(Button):
            assert button.region.height and button.region.bottom <= 23, button.id


async def test_search_filters_as_you_type_and_escape_clears(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        queue = app.screen.query_one(ClaimQueue)
        await pilot.press("slash", *"bridge")
        await pilot.pause(0.4)
        await settle(pilot)
        assert len(queue) == 1 and queue.highlight == "bridge"  # no Enter needed
        assert queue.current is not None and "bridge" in queue.current.text
        await pilot.press("escape")
        await settle(pilot)
        assert len(queue) == 5 and queue.highlight == ""


async def test_filter_menu_picks_a_status_by_its_key(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, PickDialog)
        await pilot.press("c")
        await settle(pilot)
        queue = app.screen.query_one(ClaimQueue)
        assert len(queue) == 1 and app.screen.filter.status == "confirmed"  # type: ignore[attr-defined]


async def test_pace_waits_for_enough_verdicts(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        pace = str(app.screen.query_one("#header-pace", Label).render())
        assert "/h" not in pace and "4 left" in pace
        app.screen.query_one(StatusHeader)


async def test_open_lets_the_reviewer_choose_and_shows_the_address(
    make_app: AppFactory, card_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) and False)
    app = make_app(card_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, PickDialog)
        urls = [pick.value for pick in app.screen.picks]
        assert urls[0] == "https://wire.example/halvar"
        assert "https://checks.example/halvar-villages" in urls
        await pilot.press("2")
        await settle(pilot)
        assert opened == [urls[1]]
        assert any(urls[1] in str(n.message) for n in app._notifications)  # shown though no browser came up


def test_every_reason_the_extractor_records_is_told_in_words() -> None:
    # A reason missing from REASON_WORDS reaches the reviewer as a bare code ("floor").
    assert set(WEIGHTS) <= set(REASON_WORDS)
    assert describe_reasons(("moderator", "floor")) == ", ".join(
        (REASON_WORDS["moderator"], REASON_WORDS["floor"])
    )
