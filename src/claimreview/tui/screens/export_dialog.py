"""The export dialog: format, filters and output file; the export runs in a worker with a progress bar.

Returns the ExportSummary when a file was written, or None when closed without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePath
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label, ProgressBar, Select
from textual.worker import get_current_worker

from claimreview import consensus as rules
from claimreview.config import Settings
from claimreview.errors import ClaimreviewError
from claimreview.export import FORMATS, ExportFilters, ExportSummary, format_of_suffix
from claimreview.export.atomic import check_target
from claimreview.publish.export import write_export  # ClaimReview follows the site's editorial rules
from claimreview.store import Store
from claimreview.textsafe import one_line

# The suffix each format writes; format_of_suffix maps every one of them back (tests check it).
EXTENSIONS: dict[str, str] = {
    "md": ".md",
    "html": ".html",
    "csv": ".csv",
    "jsonl": ".jsonl",
    "claimreview": ".json",
}
FORMAT_LABELS: dict[str, str] = {
    "md": "Markdown",
    "html": "HTML",
    "csv": "CSV",
    "jsonl": "JSON Lines",
    "claimreview": "ClaimReview",
}
ALL_STATUSES = "all"
STATUSES: tuple[str, ...] = (ALL_STATUSES, *rules.CONSENSUS_VALUES)


def default_report_path(fmt: str, when: datetime | None = None) -> str:
    """``~/claimreview-report-YYYYMMDD-HHMM.<ext>``: the home folder exists, and the name sorts by time."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M")
    return f"~/claimreview-report-{stamp}{EXTENSIONS[fmt]}"


def follow_format(path: str, fmt: str) -> str:
    """Give ``path`` the suffix of ``fmt`` if it ends in another format's suffix; other names stay."""
    pure = PurePath(path)
    if pure.name and format_of_suffix(Path(pure.name)) not in (None, fmt):
        return str(pure.with_suffix(EXTENSIONS[fmt]))
    return path


class _ExportCancelled(Exception):
    """Raised from the progress callback: write_export then removes its temporary file."""


@dataclass
class ExportProgressed(Message):
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        # Only the latest state is worth drawing; older ones still queued are dropped.
        return isinstance(message, ExportProgressed)


@dataclass
class ExportFinished(Message):
    summary: ExportSummary


@dataclass
class ExportFailed(Message):
    message: str  # one line


class ExportCancelled(Message):
    """The worker stopped at a progress step; the target file was left as it was."""


class ExportDialog(ModalScreen[ExportSummary | None]):
    """Choose a format, filters and a file; enter or ctrl+s writes it, escape cancels or closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "Export", id="export.start", priority=True),
        Binding("escape", "cancel", "Cancel / close", id="export.cancel"),
    ]

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        status: str | None = None,
        document_id: str | None = None,
        document_title: str = "",
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.initial_status = status if status in rules.CONSENSUS_VALUES else ALL_STATUSES
        self.document_id = document_id
        self.document_title = document_title
        self.running = False
        # Stamped once, so switching formats changes the suffix and not the minute in the name.
        self._opened_at = datetime.now()
        # The path the last "exists, export again to replace it" warning was about.
        self._confirmed_overwrite: Path | None = None

    # -- layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        fmt = "html"
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label(Text("Export a report", style="bold"), id="export-title")
            caption = f"Current document: {one_line(self.document_title)}" if self.document_id else ""
            yield Label(Text(caption), id="export-caption", classes="dialog-caption")
            with Vertical(id="export-form"):
                with Horizontal(classes="export-row"):
                    yield Label("Format", classes="export-label")
                    yield Select(
                        [(FORMAT_LABELS[f], f) for f in FORMATS],
                        value=fmt,
                        allow_blank=False,
                        id="export-format",
                    )
                    yield Label("Status", classes="export-label")
                    yield Select(
                        [(s, s) for s in STATUSES],
                        value=self.initial_status,
                        allow_blank=False,
                        id="export-status",
                    )
                with Horizontal(classes="export-row"):
                    yield Label("Reviewer", classes="export-label")
                    yield Input(placeholder="all", id="export-reviewer")
                    yield Checkbox(
                        "Current document only",
                        id="export-document",
                        disabled=self.document_id is None,
                    )
                with Horizontal(classes="export-row"):
                    yield Label("File", classes="export-label")
                    yield Input(default_report_path(fmt, self._opened_at), id="export-path")
            yield Label(Text(FORMATS[fmt]), id="export-message")
            with Horizontal(classes="dialog-buttons"):
                yield ProgressBar(id="export-progress", show_eta=False)
                yield Button("Export (ctrl+s)", id="export-start", variant="primary")
                yield Button("Cancel (esc)", id="export-cancel")
        # Covers the review screen's footer, whose keys do not work while the dialog is open.
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#export-format", Select).focus()

    # -- the form ----------------------------------------------------------------------------------

    @property
    def fmt(self) -> str:
        return str(self.query_one("#export-format", Select).value)

    @property
    def path_input(self) -> Input:
        return self.query_one("#export-path", Input)

    def _say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#export-message", Label)
        message.update(Text(one_line(text)))
        message.set_class(error, "-error")

    @on(Select.Changed, "#export-format")
    def _format_changed(self) -> None:
        path = self.path_input
        path.value = follow_format(path.value, self.fmt)
        self._say(FORMATS[self.fmt])

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        typed = format_of_suffix(Path(event.value.strip()))
        if typed and typed != self.fmt:
            # "report.csv" means CSV: writing HTML into it would surprise whoever opens it.
            self.query_one("#export-format", Select).value = typed
        confirmed = self._confirmed_overwrite
        if confirmed is not None and Path(event.value.strip()).expanduser() != confirmed:
            # A different file than the one the warning was about: ask again before replacing.
            self._confirmed_overwrite = None
            self._show_start_label()

    def _show_start_label(self) -> None:
        button = self.query_one("#export-start", Button)
        button.label = "Replace (ctrl+s)" if self._confirmed_overwrite is not None else "Export (ctrl+s)"
        button.refresh(layout=True)  # the longer label needs a wider button, not a second line

    def chosen_filters(self) -> ExportFilters:
        status = str(self.query_one("#export-status", Select).value)
        reviewer = self.query_one("#export-reviewer", Input).value.strip()
        this_document = self.query_one("#export-document", Checkbox).value
        return ExportFilters(
            status=None if status == ALL_STATUSES else status,
            reviewer=reviewer or None,
            document=self.document_id if this_document else None,
        )

    def _target(self) -> Path | None:
        """The file to write, or None after saying inline what is wrong with the path."""
        raw = self.path_input.value.strip()
        if not raw:
            self._say("Give a file name to write the report to.", error=True)
            return None
        try:
            path = check_target(Path(raw))
        except ClaimreviewError as err:
            self._say(str(err), error=True)
            return None
        if path.exists() and path != self._confirmed_overwrite:
            # Asking by a second press keeps the form one screen high; editing the path asks again.
            self._confirmed_overwrite = path
            self._show_start_label()
            self._say(f"{path} exists: export again to replace it.", error=True)
            return None
        return path

    # -- running -----------------------------------------------------------------------------------

    def action_start(self) -> None:
        if self.running:
            return
        path = self._target()
        if path is None:
            self.path_input.focus()
            return
        self.running = True
        self.add_class("-running")
        self.query_one("#export-form").disabled = True
        self.query_one("#export-start", Button).disabled = True
        self.query_one("#export-progress", ProgressBar).update(total=None, progress=0)
        self._say(f"Exporting {FORMAT_LABELS[self.fmt]}… (esc cancels)")
        self.query_one("#export-cancel", Button).focus()
        self._export(self.fmt, path, self.chosen_filters())

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, fmt: str, path: Path, filters: ExportFilters) -> None:
        worker = get_current_worker()
        last = -1

        def progress(done: int, total: int) -> None:
            nonlocal last
            if worker.is_cancelled:
                raise _ExportCancelled
            percent = done * 100 // total if total else 100
            if percent != last:  # chunks of claims arrive fast: one message per percent is plenty
                last = percent
                self.post_message(ExportProgressed(done, total))

        try:
            summary = write_export(self.store, fmt, path, filters, self.settings, progress)
        except _ExportCancelled:
            self.post_message(ExportCancelled())
            return
        except ClaimreviewError as err:
            self.post_message(ExportFailed(one_line(str(err))))
            return
        except Exception as err:
            # A bug or a locked database must not take the app down; the dialog says what happened.
            text = f"export failed unexpectedly: {type(err).__name__}: {err}"
            self.post_message(ExportFailed(one_line(text)))
            return
        self.post_message(ExportFinished(summary))

    def _stopped(self) -> None:
        self.running = False
        self.remove_class("-running")
        self.query_one("#export-form").disabled = False
        self.query_one("#export-start", Button).disabled = False
        self._confirmed_overwrite = None
        self._show_start_label()

    @on(ExportProgressed)
    def _progressed(self, message: ExportProgressed) -> None:
        if self.running:
            self.query_one("#export-progress", ProgressBar).update(total=message.total, progress=message.done)

    @on(ExportFinished)
    def _finished(self, message: ExportFinished) -> None:
        summary = message.summary
        self.running = False
        self.app.notify(
            one_line(f"wrote {summary.written} claim(s) to {summary.path}"), title="Exported", markup=False
        )
        if summary.warnings:
            self.app.notify(
                one_line(" · ".join(summary.warnings)), title="Export", severity="warning", markup=False
            )
        self.dismiss(summary)

    @on(ExportFailed)
    def _failed(self, message: ExportFailed) -> None:
        self._stopped()
        self._say(message.message, error=True)
        self.path_input.focus()

    @on(ExportCancelled)
    def _cancelled(self) -> None:
        self._stopped()
        self._say("Cancelled; nothing was written. Escape closes.")
        self.query_one("#export-start", Button).focus()

    def action_cancel(self) -> None:
        if self.running:
            # The worker notices at its next progress step and reports back (ExportCancelled).
            self.workers.cancel_group(self, "export")
            self._say("Cancelling…")
            return
        self.dismiss(None)

    # -- keys on fields and buttons ----------------------------------------------------------------

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-start":
            self.action_start()
        else:
            self.action_cancel()
