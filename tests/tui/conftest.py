"""Fixtures for the review app: small databases built in code, and an app factory."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from textual import _wait as textual_wait
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from claimreview.config import Settings
from claimreview.models import NewClaim, NewDocument
from claimreview.store import Store
from claimreview.tui.app import ClaimReviewApp

AppFactory = Callable[..., ClaimReviewApp]


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    # A blinking cursor makes screenshots depend on timing.
    monkeypatch.setattr(Input.cursor_blink, "_default", False)
    monkeypatch.setattr(TextArea.cursor_blink, "_default", False)


@pytest.fixture(autouse=True)
def quick_idle_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let Pilot notice an idle app after 5 ms instead of 20 ms.

    Pilot decides that the app is done by sleeping in slices and stopping at the first slice in which the
    process used under 5% CPU; every key press waits for two such slices, so with Textual's 20 ms slices a
    press costs at least 40 ms even when the app handled it in one. Around 2,000 waits were 108 s of the
    fast lane's 164 s in tests/tui. A 5 ms slice keeps the same rule (under 5% CPU in a slice), so a busy
    app is waited for as before; an idle one is noticed sooner.
    """
    monkeypatch.setattr(textual_wait, "SLEEP_GRANULARITY", 0.005)
    monkeypatch.setattr(textual_wait, "SLEEP_IDLE", 0.005 / 20)


def article(
    title: str, sentences: Sequence[str], *, speaker: str | None = None, uri: str | None = None
) -> tuple[NewDocument, list[NewClaim]]:
    """A document whose every sentence is a claim, sentences separated by one space."""
    text = ""
    claims: list[NewClaim] = []
    for sentence in sentences:
        if text:
            text += " "
        start = len(text)
        text += sentence
        claims.append(
            NewClaim(
                text=sentence,
                start=start,
                end=len(text),
                speaker=speaker,
                score=0.5 + len(claims) / 100,
                extractor="test",
                extractor_version="1",
            )
        )
    document = NewDocument(
        uri=uri or f"https://news.example/{title.lower().replace(' ', '-')}",
        title=title,
        text=text,
        publisher="Example Times",
        published="2026-03-01",
        url=uri or f"https://news.example/{title.lower().replace(' ', '-')}",
    )
    return document, claims


SENTENCES_A = [
    "The minister said unemployment fell by 3 percent last year.",
    "Exports doubled since 2020, according to the trade office.",
    "The city has 40,000 empty homes.",
]
SENTENCES_B = [
    "Crime rose 12 percent in the capital.",
    "The new bridge cost 2 billion euros.",
]


def fill(store: Store) -> None:
    store.add_articles(
        [
            article("Budget speech", SENTENCES_A, speaker="Minister Smith"),
            article("City report", SENTENCES_B, speaker="Mayor Jones"),
        ]
    )


@pytest.fixture
def filled_db(db_file: Path) -> Path:
    with Store.open(db_file) as store:
        fill(store)
    return db_file


@pytest.fixture
def make_app(filled_db: Path) -> Iterator[AppFactory]:
    stores: list[Store] = []

    def factory(db: Path | None = None, reviewer: str = "alice", **settings: object) -> ClaimReviewApp:
        store = Store.open(db or filled_db)
        stores.append(store)
        return ClaimReviewApp(store, reviewer, Settings(**settings))  # type: ignore[arg-type]

    yield factory
    for store in stores:
        store.close()


async def settle(pilot: Pilot[object]) -> None:
    """Wait for workers (reloads) and the messages they post."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
