"""Pilot tests for the export dialog: e opens it, enter writes the file in a worker, escape cancels."""

from __future__ import annotations

import csv
import html
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Checkbox, Input, Label, Select

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.export import FORMATS, format_for_path
from claimreview.publish.export import write_export
from claimreview.store import Store
from claimreview.tui.app import ClaimReviewApp
from claimreview.tui.screens import ExportDialog, ReviewScreen
from claimreview.tui.screens import export_dialog as module

from .conftest import SENTENCES_A, SENTENCES_B, AppFactory, fill, settle

FIXED = datetime(2026, 3, 1, 9, 30)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # The default path is ~/claimreview-report-…: point ~ at a temporary folder, and fix the clock.
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    original = module.default_report_path
    monkeypatch.setattr(module, "default_report_path", lambda fmt, when=None: original(fmt, FIXED))
    return folder


def dialog_of(app: ClaimReviewApp) -> ExportDialog:
    assert isinstance(app.screen, ExportDialog)
    return app.screen


def message_of(app: ClaimReviewApp) -> str:
    return str(dialog_of(app).query_one("#export-message", Label).render())


def notifications(app: ClaimReviewApp) -> list[str]:
    return [n.message for n in app._notifications]


def set_path(app: ClaimReviewApp, path: str | Path) -> None:
    dialog_of(app).query_one("#export-path", Input).value = str(path)


def verdicts(store: Store, reviewer: str, labels: dict[str, str]) -> None:
    by_text = {row.text: row.id for row in store.list_claims()}
    for text, label in labels.items():
        store.append_event(by_text[text], reviewer, label)


def test_every_format_has_a_suffix_that_maps_back() -> None:
    assert set(module.EXTENSIONS) == set(FORMATS)
    for fmt, suffix in module.EXTENSIONS.items():
        assert format_for_path(Path("x" + suffix)) == fmt


def test_the_suffix_follows_the_format_unless_the_name_is_the_users_own() -> None:
    assert module.follow_format("~/r.html", "csv") == "~/r.csv"
    assert module.follow_format("/tmp/out/report.md", "claimreview") == "/tmp/out/report.json"
    assert module.follow_format("~/notes.txt", "csv") == "~/notes.txt"
    assert module.follow_format("~/report", "csv") == "~/report"
    assert module.default_report_path("jsonl", FIXED) == "~/claimreview-report-20260301-0930.jsonl"


async def test_e_exports_html_with_the_default_path(make_app: AppFactory, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        dialog = dialog_of(app)
        # Opens on the queue's filter, with a default name that follows the chosen format.
        assert dialog.query_one("#export-status", Select).value == rules.UNREVIEWED
        dialog.query_one("#export-status", Select).value = "all"
        dialog.query_one("#export-format", Select).value = "csv"
        await pilot.pause()
        assert dialog.query_one("#export-path", Input).value == "~/claimreview-report-20260301-0930.csv"
        dialog.query_one("#export-format", Select).value = "html"
        await pilot.pause()
        dialog.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        out = home / "claimreview-report-20260301-0930.html"
        page = out.read_text(encoding="utf-8")
        assert page.lstrip().lower().startswith("<!doctype html")
        assert page.rstrip().endswith("</html>")
        for sentence in [*SENTENCES_A, *SENTENCES_B]:
            assert html.escape(sentence, quote=False) in page
        assert f"wrote 5 claim(s) to {out}" in notifications(app)


async def test_html_escapes_claim_text(db_file: Path, tmp_path: Path, home: Path) -> None:
    hostile = 'The "<script>alert(1)</script>" & co claim rose 5 percent.'
    from .conftest import article

    with Store.open(db_file) as store:
        store.add_articles([article("Hostile", [hostile])])
    store = Store.open(db_file)
    try:
        app = ClaimReviewApp(store, "alice", Settings())
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("e")
            set_path(app, tmp_path / "hostile.html")
            await pilot.press("ctrl+s")
            await settle(pilot)
        page = (tmp_path / "hostile.html").read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    finally:
        store.close()


async def test_status_and_current_document_filter_the_csv(
    make_app: AppFactory, filled_db: Path, tmp_path: Path, home: Path
) -> None:
    with Store.open(filled_db) as store:
        verdicts(store, "bob", {SENTENCES_A[0]: "denied", SENTENCES_A[2]: "denied", SENTENCES_B[0]: "denied"})
        verdicts(store, "bob", {SENTENCES_B[1]: "confirmed"})
    out = tmp_path / "denied.csv"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        # The cursor starts on the first unreviewed claim, the second of "Budget speech".
        await pilot.press("e")
        dialog = dialog_of(app)
        assert "Budget speech" in str(dialog.query_one("#export-caption", Label).render())
        dialog.query_one("#export-format", Select).value = "csv"
        dialog.query_one("#export-status", Select).value = rules.DENIED
        dialog.query_one("#export-document", Checkbox).value = True
        await pilot.pause()
        set_path(app, out)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert sorted(row["claim"] for row in rows) == sorted([SENTENCES_A[0], SENTENCES_A[2]])
    assert {row["consensus"] for row in rows} == {rules.DENIED}


async def test_missing_folder_is_an_inline_error(make_app: AppFactory, tmp_path: Path, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        set_path(app, tmp_path / "nowhere" / "report.html")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "does not exist" in message_of(app)
        assert not (tmp_path / "nowhere").exists()
        set_path(app, tmp_path)  # a folder, not a file
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "is a folder" in message_of(app)
        assert list(home.iterdir()) == []
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_existing_file_is_replaced_only_when_asked_twice(
    make_app: AppFactory, tmp_path: Path, home: Path
) -> None:
    out = tmp_path / "old.md"
    out.write_text("keep me", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        dialog_of(app).query_one("#export-format", Select).value = "md"
        await pilot.pause()  # let the format's Changed message land before the path is typed
        set_path(app, out)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "exists" in message_of(app)
        assert out.read_text(encoding="utf-8") == "keep me"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
    assert out.read_text(encoding="utf-8") != "keep me"


async def test_escape_cancels_a_running_export_and_leaves_no_file(
    make_app: AppFactory, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()

    def slow_export(*args: Any, **kwargs: Any) -> Any:
        # The real export, whose progress steps come slowly: the file is half written meanwhile.
        store, fmt, out, filters, settings, progress = args
        assert progress is not None

        def slow(done: int, total: int) -> None:
            started.set()
            for step in range(200):
                time.sleep(0.01)
                progress(step, 200)

        return write_export(store, fmt, out, filters, settings, slow)

    monkeypatch.setattr(module, "write_export", slow_export)
    out = tmp_path / "slow.html"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        set_path(app, out)
        await pilot.press("ctrl+s")
        assert dialog_of(app).running
        assert started.wait(5)
        await pilot.press("escape")
        await settle(pilot)
        dialog = dialog_of(app)  # still open, idle again
        assert not dialog.running
        assert "nothing was written" in message_of(app)
        assert not out.exists()
        assert list(tmp_path.glob(".slow.html.*")) == []  # no temporary file either
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_a_failing_export_keeps_the_dialog_open(
    make_app: AppFactory, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimreview.errors import InputError

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise InputError("cannot write the report (disk full)\nsecond line", path="x")

    monkeypatch.setattr(module, "write_export", failing)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        set_path(app, tmp_path / "r.html")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "disk full" in message_of(app)
        assert "\n" not in message_of(app)
        assert not dialog_of(app).running


async def test_verdict_keys_do_not_fire_in_the_dialog(
    make_app: AppFactory, filled_db: Path, home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        dialog_of(app).query_one("#export-reviewer", Input).focus()
        await pilot.press("c", "d", "u", "x", "n")
        assert dialog_of(app).query_one("#export-reviewer", Input).value == "cduxn"
        dialog_of(app).query_one("#export-document", Checkbox).focus()
        await pilot.press("c", "d", "u")
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
    with Store.open(filled_db) as store:
        assert all(not store.events_for_claim(row.id) for row in store.list_claims())


async def test_app_keys_wait_while_the_dialog_is_open(make_app: AppFactory, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        assert isinstance(app.focused, Select)
        await pilot.press("q", "question_mark", "s")
        assert isinstance(app.screen, ExportDialog)
        assert app.is_running
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_typing_a_known_suffix_picks_that_format(
    make_app: AppFactory, tmp_path: Path, home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        set_path(app, tmp_path / "report.csv")
        await settle(pilot)
        assert dialog_of(app).fmt == "csv"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await settle(pilot)
    header = (tmp_path / "report.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith('"id"') or header.startswith("id")


async def test_export_is_listed_in_help_and_palette(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)):
        rows = {row.binding_id: row for row in app.key_rows()}
        assert rows["export.open"].keys == "e"
        assert "export.start" in rows
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "export: Export" in commands


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_export_dialog_snapshot(here: Path, home: Path, snap_compare: Callable[..., bool]) -> None:
    store = Store.open(Path("claims.db"))
    fill(store)
    app = ClaimReviewApp(store, "alice", Settings())
    assert snap_compare(app, terminal_size=(120, 34), press=["e"])
