"""What a reviewer sees at common sizes: header pieces apart, table columns and claim text in view."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from textual.widgets import DataTable, Label

from claimreview.store import Store
from claimreview.tui.messages import SyncFailed
from claimreview.tui.screens import DocumentsScreen, ReviewScreen
from claimreview.tui.widgets import ClaimQueue, SearchBox, StatusHeader

from .conftest import SENTENCES_A, AppFactory, article, fill, settle

SIZES = [(80, 24), (100, 30), (120, 40)]
LONG_TITLE = "Parliament passes the 2026 budget after an all-night session marked by protests outside"
LONG_SEARCH = "minister said unemployment fell by 3 percent"


@pytest.fixture
def long_db(tmp_path: Path) -> Path:
    path = tmp_path / "long.db"
    with Store.open(path) as store:
        fill(store)
        store.add_articles(
            [article(LONG_TITLE, ["The vote was 301 to 290."], speaker="Speaker of the House")]
        )
    return path


def lines_of(widget: DataTable[object] | ClaimQueue) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


def header_pieces(app: object) -> list[tuple[Label, str]]:
    """The visible labels of header line 1, left to right, with the text each shows."""
    header = app.screen.query_one(StatusHeader)  # type: ignore[attr-defined]
    labels = [label for label in header.query("#header-top > Label").results(Label) if label.display]
    labels = [label for label in labels if label.region.width]
    return sorted(((label, str(label.render())) for label in labels), key=lambda item: item[0].region.x)


def assert_apart(app: object) -> list[str]:
    """No two pieces of header line 1 share a cell, and each piece's text fits its own room."""
    pieces = header_pieces(app)
    header = app.screen.query_one(StatusHeader)  # type: ignore[attr-defined]
    right = header.content_region.right
    for (left_label, _), (right_label, _) in pairwise(pieces):
        assert left_label.region.right < right_label.region.x, (left_label.id, right_label.id)  # a gap
    for label, text in pieces:
        assert len(text) <= label.content_region.width, label.id
        assert label.region.right <= right, label.id
    return [text for _, text in pieces]


@pytest.mark.parametrize("size", SIZES)
async def test_documents_columns_stay_in_view(
    make_app: AppFactory, long_db: Path, size: tuple[int, int]
) -> None:
    app = make_app(db=long_db)
    async with app.run_test(size=size) as pilot:
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DocumentsScreen)
        table = app.screen.query_one(DataTable)
        lines = lines_of(table)
        assert lines[0].split() == ["title", "publisher", "date", "claims", "reviewed", "done"]
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no sideways scroll
        long_row = next(line for line in lines if line.startswith(" Parliament"))
        assert long_row.rstrip().endswith("1         0    0%")
        assert LONG_TITLE not in long_row and "…" in long_row  # cut, with an ellipsis
        short_row = next(line for line in lines if line.startswith(" Budget speech "))
        assert short_row.rstrip().endswith("3         0    0%")


async def test_documents_columns_follow_a_resize(make_app: AppFactory, long_db: Path) -> None:
    app = make_app(db=long_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("D", "j")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert lines_of(table)[0].split()[-3:] == ["claims", "reviewed", "done"]
        assert table.cursor_row == 1  # the cursor stays on its document


@pytest.mark.parametrize("size", SIZES)
async def test_header_saved_and_sync_state_apart(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app(auto_advance=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("d", "z", "ctrl+y")
        await pilot.pause()
        texts = assert_apart(app)
        assert "redone → denied" in texts
        assert texts[-1] == "3 to send · never synced"  # three events: the verdict, its undo, the redo


@pytest.mark.parametrize("reviewer", ["alice", "anastasia.kowalczyk-wisniewska"])
@pytest.mark.parametrize("size", SIZES)
async def test_header_long_search_and_sync_failure(
    make_app: AppFactory, size: tuple[int, int], reviewer: str
) -> None:
    app = make_app(reviewer=reviewer, auto_advance=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("slash")
        app.screen.query_one(SearchBox).value = LONG_SEARCH
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("c")
        app.post_message(SyncFailed("Sync failed: no connection.", "no connection", manual=False))
        await pilot.pause()
        await pilot.pause()
        texts = assert_apart(app)
        assert texts[-1] == "1 to send · sync failed: no connection"
        assert "saved ✓ confirmed" in texts
        # The filter gives way first: whole, cut with an ellipsis, or left out (the queue's title has it).
        shown = [text for text in texts if text.startswith("filter:")]
        full = f"filter: unreviewed, search '{LONG_SEARCH}'"
        assert not shown or shown[0] == full or (shown[0].endswith("…") and full.startswith(shown[0][:-1]))
        if size[0] >= 120 and reviewer == "alice":
            assert shown


async def test_header_fits_again_after_a_resize(make_app: AppFactory) -> None:
    app = make_app(auto_advance=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        for size in [(80, 24), (100, 30), (120, 40)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            texts = assert_apart(app)
            assert texts[-1] == "1 to send · never synced"
            assert "saved ✓ denied" in texts
            assert ("claimreview" in texts) == (size[0] >= 100)


@pytest.mark.parametrize("size", SIZES)
async def test_queue_gives_the_claim_most_of_the_row(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        queue = app.screen.query_one(ClaimQueue)
        first = lines_of(queue)[0]
        width = queue.scrollable_content_region.width
        # glyph, score, speaker: "Minister Smith" by his surname (the speaker column is narrower here)
        assert first.startswith("· 0.50 Smith ")
        claim = SENTENCES_A[0]
        start = first.index(claim[:10])
        shown = first[start:].rstrip().removesuffix("…")
        assert claim.startswith(shown)
        assert len(first[start:]) >= 0.6 * width  # the claim's column is most of the row
        assert "Budget speech" not in first  # no document column under 100 columns of queue
