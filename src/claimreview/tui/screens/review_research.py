"""The review screen's research keys: note and evidence (with or without a verdict), published fact-checks
("checked before", adopted with one key), the claim's details and the addresses it can open.

A mixin of ReviewScreen: it uses the screen's store, reviewer, queue and ``_write``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.message import Message
from textual.screen import Screen

from claimreview.errors import ClaimreviewError, InputError
from claimreview.evidence import make_source, validate_url
from claimreview.models import ClaimRow, Document, MatchRow, Source
from claimreview.store import Store
from claimreview.store import factchecks as stored_matches
from claimreview.textsafe import one_line, printable
from claimreview.tui.screens.pickers import DetailsDialog, MatchesDialog, Pick, PickDialog
from claimreview.tui.widgets.claim_card import ClaimCard, describe_match, describe_reasons
from claimreview.undo import VerdictState

TOP_MATCHES = 5


@dataclass
class MatchesRead(Message):
    claim_id: str
    matches: list[MatchRow]


@dataclass
class MatchesRefreshed(Message):
    """The worker brought the stored matches up to date after a sync."""


class ResearchActions(Screen[None]):
    store: Store
    reviewer: str
    _document: Document | None

    def __init__(self) -> None:
        super().__init__()
        self.matches: dict[str, list[MatchRow]] = {}  # claim id -> its stored matches, as read

    # Provided by ReviewScreen.
    def _current_row(self) -> ClaimRow | None:
        raise NotImplementedError

    def _my_state(self, claim_id: str) -> VerdictState:
        raise NotImplementedError

    def _write(
        self, claim_id: str, state: VerdictState, *, saved: str, before: VerdictState | None = None
    ) -> bool:
        raise NotImplementedError

    # -- note and evidence: research needs no verdict ------------------------------------------------

    def action_note(self) -> None:
        row = self._current_row()
        if row is None:
            return
        state = self._my_state(row.id)

        def done(note: str | None) -> None:
            if note is not None and note != state.note:
                before = self._my_state(row.id)
                self._write(row.id, before.with_note(note), before=before, saved="saved ✓ note")

        from claimreview.tui.screens.dialogs import NoteDialog  # on first use: not on opening's path

        self.app.push_screen(NoteDialog(state.note, row.text), done)

    def action_attach(self) -> None:
        row = self._current_row()
        if row is None:
            return

        def done(source: Source | None) -> None:
            if source is not None:
                before = self._my_state(row.id)
                self._write(row.id, before.with_source(source), before=before, saved="saved ✓ evidence")

        from claimreview.tui.screens.dialogs import EvidenceDialog

        self.app.push_screen(EvidenceDialog(row.text), done)

    # -- checked before ------------------------------------------------------------------------------

    def read_matches(self, claim_id: str) -> list[MatchRow] | None:
        """The claim's matches if already read; otherwise None, and a worker reads them."""
        found = self.matches.get(claim_id)
        if found is None:
            self._read_matches(claim_id)
        return found

    @work(thread=True, exclusive=True, group="matches", exit_on_error=False)
    def _read_matches(self, claim_id: str) -> None:
        # Off the UI thread (issue 14): a read per claim shown, however many fact-checks there are.
        found = stored_matches.top_matches(self.store, claim_id, TOP_MATCHES)
        self.post_message(MatchesRead(claim_id, found))

    @on(MatchesRead)
    def _matches_read(self, message: MatchesRead) -> None:
        self.matches[message.claim_id] = message.matches
        self.query_one("#card", ClaimCard).set_matches(message.claim_id, message.matches)

    @work(thread=True, exclusive=True, group="match-refresh", exit_on_error=False)
    def refresh_matches(self) -> None:
        """After a sync (new claims or fact-checks): recompute what is out of date, then re-read."""
        from claimreview.factchecks.refresh import refresh_matches

        try:
            refresh_matches(self.store)
        except ClaimreviewError:
            return  # the stored matches stay as they were; the next sync tries again
        self.post_message(MatchesRefreshed())

    @on(MatchesRefreshed)
    def _matches_refreshed(self) -> None:
        self.matches.clear()
        row = self._current_row()
        if row is not None:
            self._read_matches(row.id)

    def action_matches(self) -> None:
        row = self._current_row()
        if row is None:
            return
        found = self.matches.get(row.id)
        if found is None:
            self.notify("Still looking for published fact-checks.", markup=False)
            return
        if not found:
            self.notify("No published fact-check matches this claim.", markup=False)
            return

        def done(picked: tuple[str, str] | None) -> None:
            if picked is not None:
                self.adopt(row.id, *picked)

        self.app.push_screen(MatchesDialog(row.text, found), done)

    def adopt(self, claim_id: str, url: str, label: str) -> None:
        """The reviewer's verdict with the fact-check attached as evidence (as ``factchecks adopt`` does:
        url, title = headline, quote = rating); the note and sources already written are kept, and it
        is one undoable step."""
        check = stored_matches.get_factcheck(self.store, url)
        if check is None:
            self.notify("That fact-check is no longer in the database.", severity="warning", markup=False)
            return
        title = check["headline"] or check["claim_reviewed"]
        try:
            source = make_source(url, title[:500], (check["rating"] or "")[:5000])
        except InputError as err:
            self.notify(one_line(err.reason), title="Cannot adopt", severity="error", markup=False)
            return
        before = self._my_state(claim_id)
        after = before.with_label(label).with_source(source)
        self._write(claim_id, after, before=before, saved=f"saved ✓ {label} (adopted)")

    # -- details and addresses -----------------------------------------------------------------------

    def details_text(self, row: ClaimRow) -> Text:
        document = self._document if self._document and self._document.id == row.document_id else None
        out = Text()
        out.append("Claim\n", style="bold")
        out.append(printable(row.text) + "\n\n")
        card = self.query_one("#card", ClaimCard).view
        corrected = card.corrected if card is not None and card.claim.id == row.id else None
        out.append("Speaker  ", style="bold")
        speaker = corrected.speaker if corrected and corrected.speaker is not None else row.speaker
        out.append((one_line(speaker) if speaker else "not attributed") + "\n")
        out.append("Score    ", style="bold")
        out.append(f"{row.score:.2f}: {describe_reasons(row.reasons)}\n")
        if document is not None:
            for name, value in (
                ("Title", document.title),
                ("Outlet", document.publisher),
                ("Date", document.published),
                ("Address", document.url),
                ("File", document.uri if document.uri != document.url else None),
            ):
                out.append(f"{name:<9}", style="bold")
                out.append(one_line(value or "unknown") + "\n")
        for match in self.matches.get(row.id) or []:
            out.append("\nChecked  ", style="bold")
            out.append(describe_match(match) + "\n         " + one_line(match.url) + "\n")
        return out

    def action_details(self) -> None:
        row = self._current_row()
        if row is not None:
            self.app.push_screen(DetailsDialog(self.details_text(row)))

    def addresses(self, row: ClaimRow) -> list[Pick[str]]:
        """Every web address of the claim: the article's, each evidence source's, each match's."""
        document = self._document if self._document and self._document.id == row.document_id else None
        found: list[tuple[str, str]] = []
        if document is not None:
            found += [("article", document.url or ""), ("article", document.uri)]
        found += [(f"evidence: {s.title or s.url}", s.url) for s in self._my_state(row.id).sources]
        found += [(f"fact-check: {describe_match(m)}", m.url) for m in self.matches.get(row.id) or []]
        picks: list[Pick[str]] = []
        seen: set[str] = set()
        for what, candidate in found:
            try:
                url = validate_url(candidate)  # article text is untrusted: only ever http(s) to a browser
            except InputError:
                continue
            if url in seen:
                continue
            seen.add(url)
            key = str(len(picks) + 1) if len(picks) < 9 else ""
            picks.append(Pick(key, f"{what} · {url}", url))
        return picks

    def action_open_source(self) -> None:
        row = self._current_row()
        if row is None:
            return
        picks = self.addresses(row)
        if not picks:
            self.notify("This claim has no web address to open.", title="Nothing to open", markup=False)
            return

        def done(url: str | None) -> None:
            if url is not None:
                self._open_url(url)

        self.app.push_screen(PickDialog("Open which address?", picks), done)

    @work(thread=True, exclusive=True, group="browser")
    def _open_url(self, url: str) -> None:
        import webbrowser

        # webbrowser.open can block for seconds while it starts a browser. The address is always shown,
        # so that it can be copied whether or not a browser came up.
        opened = webbrowser.open(url)
        message = f"Opening {url}" if opened else f"No browser could be started. The address: {url}"
        self.app.call_from_thread(
            self.notify, message, severity="information" if opened else "warning", timeout=15, markup=False
        )
