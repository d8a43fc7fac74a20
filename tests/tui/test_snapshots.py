"""Screenshots of the main screen, the help screen and an empty database (pytest-textual-snapshot).

Update after an intended change with: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimreview.config import Settings
from claimreview.store import Store
from claimreview.tui.app import ClaimReviewApp

from .conftest import fill


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Relative database paths, so the screenshots do not show the temporary folder.
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_main_screen(here: Path, snap_compare: Any) -> None:
    store = Store.open(Path("claims.db"))
    fill(store)
    app = ClaimReviewApp(store, "alice", Settings())
    assert snap_compare(app, terminal_size=(120, 34))


def test_main_screen_80x24(here: Path, snap_compare: Any) -> None:
    store = Store.open(Path("claims.db"))
    fill(store)
    app = ClaimReviewApp(store, "alice", Settings())
    assert snap_compare(app, terminal_size=(80, 24))


def test_help_screen(here: Path, snap_compare: Any) -> None:
    store = Store.open(Path("claims.db"))
    fill(store)
    app = ClaimReviewApp(store, "alice", Settings(keymap={"claim.confirm": "y"}))
    assert snap_compare(app, terminal_size=(120, 34), press=["question_mark"])


def test_empty_database(here: Path, snap_compare: Any) -> None:
    app = ClaimReviewApp(Store.open(Path("empty.db")), "alice", Settings())
    assert snap_compare(app, terminal_size=(100, 30))
