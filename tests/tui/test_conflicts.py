"""The conflicts screen without a server: fixed events, who may settle, a snapshot.

Update the snapshot after an intended change with: pytest tests/tui/test_conflicts.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.store import Store
from claimreview.store import sync_state as local
from claimreview.tui.app import ClaimReviewApp
from claimreview.tui.screens import ConflictsScreen, NoteDialog, ReviewScreen

from .conftest import fill, settle


def event(
    n: int,
    claim_id: str,
    reviewer: str,
    label: str,
    *,
    note: str = "",
    sources: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    # Fixed ids and times: the screenshot must not depend on the clock.
    return {
        "id": f"00000000-0000-4000-8000-{n:012d}",
        "claim_id": claim_id,
        "reviewer": reviewer,
        "kind": rules.REVIEW,
        "label": label,
        "note": note,
        "sources": sources or [],
        "created_at": f"2026-03-0{n}T09:1{n}:00.000000Z",
        "replaces": None,
        "server_seq": n,
    }


def dispute(store: Store) -> list[str]:
    """Two disputed claims: one where two reviewers differ, one where a reviewer's machines fork."""
    first, second = (row.id for row in store.list_claims(limit=2))
    store.insert_events(
        [
            event(
                1,
                first,
                "alice",
                rules.CONFIRMED,
                note="Matches the statistics office release.",
                sources=[
                    {
                        "url": "https://stats.example/jobs-2025",
                        "title": "Jobs report 2025",
                        "quote": "unemployment fell by 3.1 percent",
                    }
                ],
            ),
            event(
                2,
                first,
                "bob",
                rules.DENIED,
                note="[bold]Wrong[/bold] base year \x1b[31m",
                sources=[{"url": "https://fact.example/a?b=[x]", "title": "", "quote": ""}],
            ),
            # carol on two machines, both starting from "no verdict": two heads, different labels.
            event(3, second, "carol", rules.CONFIRMED, note="laptop"),
            event(4, second, "carol", rules.UNVERIFIED, note="desktop"),
        ]
    )
    return [first, second]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_conflicts_screen(here: Path, snap_compare: Any) -> None:
    store = Store.open(Path("claims.db"))
    fill(store)
    dispute(store)
    local.set_meta(store, {local.ROLE_KEY: "adjudicator"})
    app = ClaimReviewApp(store, "judge", Settings())
    assert snap_compare(app, terminal_size=(120, 34), press=["C"])


def test_conflicts_screen_80x24_fork(here: Path, snap_compare: Any) -> None:
    store = Store.open(Path("claims.db"))
    fill(store)
    dispute(store)
    local.set_meta(store, {local.SERVER_KEY: "http://127.0.0.1:9"})  # a server set up, never synced
    app = ClaimReviewApp(store, "judge", Settings())
    assert snap_compare(app, terminal_size=(80, 24), press=["C", "j"])


async def test_non_adjudicator_is_told_why(filled_db: Path) -> None:
    store = Store.open(filled_db)
    first, _ = dispute(store)
    # A server is set up but never synced: the role is unknown (with no server at all, a desk of one, the
    # local user may settle disputes).
    local.set_meta(store, {local.SERVER_KEY: "http://127.0.0.1:9"})
    app = ClaimReviewApp(store, "alice", Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ConflictsScreen)
        notice = str(app.screen.query_one("#conflicts-notice").render())
        assert "sync once (s)" in notice  # never synced: the role is unknown
        local.set_meta(store, {local.ROLE_KEY: "reviewer"})
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, NoteDialog)
        [shown] = [n.message for n in app._notifications]
        assert "Only adjudicators settle disputes; your server account is a reviewer" in shown
    assert rules.latest_adjudication(store.events_for_claim(first)) is None
    assert store.get_claim(first).consensus == rules.DISPUTED  # type: ignore[union-attr]
    store.close()


async def test_adjudicator_settles_and_enter_opens_the_claim(filled_db: Path) -> None:
    store = Store.open(filled_db)
    first, second = dispute(store)
    local.set_meta(store, {local.ROLE_KEY: "adjudicator"})
    app = ClaimReviewApp(store, "judge", Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("C")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("escape")  # cancelled: nothing recorded
        await pilot.pause()
        assert store.get_claim(first).consensus == rules.DISPUTED  # type: ignore[union-attr]
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("ctrl+s")  # no note
        await pilot.pause()
        assert store.get_claim(first).consensus == rules.UNVERIFIED  # type: ignore[union-attr]
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        # The cursor moved on to the claim still disputed; enter opens it in the review screen.
        assert screen.selected is not None and screen.selected.id == second
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.queue.current is not None and app.screen.queue.current.id == second
        assert app.screen.counts.get(rules.DISPUTED) == 1
    [ruling] = [e for e in store.events_for_claim(first) if e.kind == rules.ADJUDICATION]
    assert (ruling.reviewer, ruling.label, ruling.server_seq) == ("judge", rules.UNVERIFIED, None)
    store.close()
