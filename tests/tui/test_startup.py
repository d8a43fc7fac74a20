"""Start-up on a database path: header and loading first, the store opened in a worker, then claims."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.errors import DatabaseError
from claimreview.store import Store
from claimreview.tui.app import ClaimReviewApp
from claimreview.tui.screens import EmptyScreen, LoadingScreen, ReviewScreen
from claimreview.tui.widgets import ClaimQueue

from .conftest import AppFactory, settle

HEAVY = ("sqlalchemy", "sqlmodel", "httpx", "fastapi", "pydantic_settings")


def test_the_commands_import_no_database_or_http_library() -> None:
    # What `claimreview review` and `claimreview demo` import before the app draws its first frame.
    code = (
        "import sys\n"
        "import claimreview.cli, claimreview.cli.review, claimreview.tui.app\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_first_frame_comes_before_sqlalchemy_is_imported(filled_db: Path) -> None:
    code = f"""
import sys
from pathlib import Path
from claimreview.tui.app import ClaimReviewApp

seen = {{}}

class App(ClaimReviewApp):
    def on_ready(self):
        seen["first frame"] = [m for m in {HEAVY!r} if m in sys.modules]
        seen["screen"] = type(self.screen).__name__
        super().on_ready()

async def main():
    app = App(Path({str(filled_db)!r}), "alice")  # as `claimreview review` starts it: no settings yet
    async with app.run_test(size=(100, 30)) as pilot:
        # Mounted, not just pushed: leaving run_test while the screen mounts tears it down under on_mount.
        while type(app.screen).__name__ != "ReviewScreen" or not app.screen.is_mounted:
            await pilot.pause(0.01)
        await pilot.pause()
        seen["then"] = "sqlalchemy" in sys.modules
    app.close_store()
    print(seen)

import asyncio
asyncio.run(main())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == str(
        {"first frame": [], "screen": "LoadingScreen", "then": True}
    )


@pytest.fixture
def opening_held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Store.open waits until the event is set, so the test can look at the loading state."""
    release = threading.Event()
    original = Store.open.__func__  # type: ignore[attr-defined]

    def held(cls: type[Store], path: Path, *, create: bool = True) -> Store:
        release.wait(10)
        return original(cls, path, create=create)  # type: ignore[no-any-return]

    monkeypatch.setattr(Store, "open", classmethod(held))
    return release


async def test_header_and_loading_then_the_first_unreviewed_claim(
    filled_db: Path, opening_held: threading.Event
) -> None:
    with _opened(filled_db) as store:
        first = store.list_claims()[0]
        store.append_event(first.id, "bob", "denied")
        expected = store.list_claims(status=rules.UNREVIEWED)[0].text
    app = ClaimReviewApp(filled_db, "alice", Settings())
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LoadingScreen)
            who = str(app.screen.query_one("#header-who").render())
            assert "alice" in who and filled_db.name in who
            assert "loading" in str(app.screen.query_one("#loading-message").render())
            await pilot.press("c")  # a key before the claims are there does nothing (and does not crash)
            assert not gc.isenabled()  # start-up builds, it makes no garbage worth a collection pass
            opening_held.set()
            await settle(pilot)
            assert isinstance(app.screen, ReviewScreen)
            assert gc.isenabled()  # the claims are drawn: collection is back on for the session
            row = app.screen.query_one("#queue", ClaimQueue).current
            assert row is not None and row.text == expected
            progress = str(app.screen.query_one("#header-progress").render())
            assert progress.startswith("1 of 5 done")
            await pilot.press("c")
            await settle(pilot)
        with _opened(filled_db) as store:
            assert [e.label for e in store.events_for_claim(row.id)] == ["confirmed"]
    finally:
        opening_held.set()
        app.close_store()


# Taken at import, before opening_held replaces Store.open: the test's own reads must not wait for it.
_STORE_OPEN = Store.open.__func__  # type: ignore[attr-defined]


def _opened(path: Path) -> Store:
    return _STORE_OPEN(Store, path)  # type: ignore[no-any-return]


async def test_an_empty_database_opens_the_empty_screen(tmp_path: Path) -> None:
    app = ClaimReviewApp(tmp_path / "new.db", "alice", Settings())
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, EmptyScreen)
    finally:
        app.close_store()


async def test_a_database_that_cannot_be_opened_ends_the_app_with_its_error(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    app = ClaimReviewApp(folder, "alice", Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
    assert isinstance(app.open_error, DatabaseError)
    assert gc.isenabled()  # an app that never showed claims does not leave collection off
    assert str(folder) in str(app.open_error)


def test_review_command_prints_the_open_error_and_exits_2(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    result = cli("review", "--db", folder)
    assert result.code == 2
    assert str(folder) in result.err and "directory" in result.err


async def test_opening_by_path_shows_what_opening_a_store_shows(
    make_app: AppFactory, filled_db: Path
) -> None:
    by_store = make_app()
    async with by_store.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        expected = by_store.export_screenshot()
    by_path = ClaimReviewApp(filled_db, "alice", Settings())
    try:
        async with by_path.run_test(size=(120, 34)) as pilot:
            await settle(pilot)
            assert by_path.export_screenshot() == expected
    finally:
        by_path.close_store()


async def test_settings_load_after_the_first_frame_and_give_the_name_and_keys(filled_db: Path) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "claimreview" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('reviewer = "carol"\n[keymap]\n"claim.confirm" = "y"\n', encoding="utf-8")
    app = ClaimReviewApp(filled_db, None)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ReviewScreen)
            assert app.reviewer == "carol"
            assert "carol" in str(app.screen.query_one("#header-who").render())
            row = app.screen.query_one("#queue", ClaimQueue).current
            assert row is not None
            await pilot.press("y")  # the configured key, applied once the settings arrived
            await settle(pilot)
        with _opened(filled_db) as store:
            assert [(e.reviewer, e.label) for e in store.events_for_claim(row.id)] == [("carol", "confirmed")]
    finally:
        app.close_store()


def test_a_bad_setting_ends_the_review_command_with_one_line(filled_db: Path, cli) -> None:  # type: ignore[no-untyped-def]
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "claimreview" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("auto_sync_seconds = \"often\"\n", encoding="utf-8")
    result = cli("review", "--db", filled_db)
    assert result.code != 0
    assert str(config) in result.err and "auto_sync_seconds" in result.err
    assert len(result.err.strip().splitlines()) == 1
