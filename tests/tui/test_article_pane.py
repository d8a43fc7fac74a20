"""The article pane: every character of the text on screen at every size, the judged claim always in view."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimreview.models import NewClaim, NewDocument
from claimreview.store import Store
from claimreview.tui.widgets import ClaimQueue, DocumentView

from .conftest import AppFactory, settle
from .screen_text import widget_lines

# Team-written filler: words of many lengths (numbers among them) so that, at some width, a line fills
# the pane exactly and its last word ends on the column a scrollbar would take.
PLACES = ["Port Halvar", "Ostrava Nine", "Kelmet", "the Brisk delta", "Ulvenhout", "Sarrow Bay"]
VERBS = ["recorded", "reported", "counted", "estimated", "registered", "confirmed"]


def filler(n: int) -> list[str]:
    out = []
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        verb = VERBS[(i * 5) % len(VERBS)]
        out.append(f"Officials in {place} {verb} {1000 + 37 * i:,} arrivals in week {i + 1}, figures show.")
    return out


def long_article(tmp_path: Path) -> tuple[Path, str]:
    """One long article whose claims sit far down its text (the first claim is not near the top)."""
    sentences = filler(80)
    paragraphs = [" ".join(sentences[i : i + 8]) for i in range(0, len(sentences), 8)]
    text = "\n\n".join(paragraphs)
    claims = []
    for number in (60, 66, 73):
        sentence = sentences[number]
        start = text.index(sentence)
        claims.append(
            NewClaim(
                text=sentence,
                start=start,
                end=start + len(sentence),
                speaker="Harbour office",
                score=0.5 + number / 1000,
                reasons=["figure", "reporting"],
                extractor="test",
                extractor_version="1",
            )
        )
    document = NewDocument(
        uri="https://news.example/arrivals",
        title="Arrivals",
        text=text,
        publisher="Example Times",
        published="2026-03-02",
        url="https://news.example/arrivals",
    )
    path = tmp_path / "long.db"
    with Store.open(path) as store:
        store.add_articles([(document, claims)])
    return path, text


def words_on_screen(lines: list[str]) -> set[str]:
    return {word for line in lines for word in line.split()}


# The narrowest and the widest run in the fast lane; the widths between wrap at other places and run in the
# full suite (each is about 3 s of scrolling).
@pytest.mark.parametrize(
    "width", [80, pytest.param(100, marks=pytest.mark.slow), pytest.param(120, marks=pytest.mark.slow), 200]
)
async def test_every_word_whole_as_the_pane_scrolls(make_app: AppFactory, tmp_path: Path, width: int) -> None:
    db, text = long_article(tmp_path)
    words = set(text.split())
    app = make_app(db)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        view = app.screen.query_one("#source-text", DocumentView)
        seen: set[str] = set()
        for resize in (None, (width, 24), (width + 3, 31), (width, 30)):
            if resize is not None:
                await pilot.resize_terminal(*resize)
                await settle(pilot)
            seen.clear()
            y = 0
            while True:
                view.scroll_to(y=y, animate=False, immediate=True)
                await pilot.pause()
                lines = widget_lines(app, view)
                shown = words_on_screen(lines)
                cut = shown - words
                assert not cut, (resize, y, sorted(cut)[:5])  # a word cut by the scrollbar or the edge
                seen |= shown
                if y >= view.max_scroll_y:
                    break
                y += max(view.scrollable_content_region.height - 1, 1)
            assert words <= seen, (resize, sorted(words - seen)[:5])


def claim_on_screen(app: object, view: DocumentView, claim_text: str) -> bool:
    flat = " ".join(" ".join(line.split()) for line in widget_lines(app, view))  # type: ignore[arg-type]
    return " ".join(claim_text.split()) in flat


SIZES = [(80, 24), (120, 40), (200, 50)]


@pytest.mark.parametrize("size", SIZES)
async def test_judged_claim_in_view_on_open_moves_and_resize(
    make_app: AppFactory, tmp_path: Path, size: tuple[int, int]
) -> None:
    db, _ = long_article(tmp_path)
    app = make_app(db)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        queue = app.screen.query_one(ClaimQueue)
        view = app.screen.query_one("#source-text", DocumentView)
        assert queue.current is not None
        assert claim_on_screen(app, view, queue.current.text), "on open"
        for key in ("j", "j", "k"):
            await pilot.press(key)
            await settle(pilot)
            assert claim_on_screen(app, view, queue.current.text), f"after {key}"
        # The reviewer scrolled the article away, then the terminal changed size: back to the claim.
        view.scroll_to(y=0, animate=False, immediate=True)
        await pilot.resize_terminal(size[0] - 7, size[1] - 2)
        await settle(pilot)
        assert claim_on_screen(app, view, queue.current.text), "after resize"
        await pilot.press("c")  # verdict, then the next unreviewed claim
        await settle(pilot)
        assert claim_on_screen(app, view, queue.current.text), "after verdict"
        await pilot.press("z")
        await settle(pilot)
        assert claim_on_screen(app, view, queue.current.text), "after undo"
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert claim_on_screen(app, view, queue.current.text), "after redo"
        app.screen.refresh_after_sync()  # type: ignore[attr-defined]
        await settle(pilot)
        assert claim_on_screen(app, view, queue.current.text), "after a sync refresh"
